// Internal: the query language's recursive-descent parser. The grammar is in
// docs/query.md; each function below reads one of its rules.
#pragma once

#include "query/lexer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb::ql {

enum class Verb {
  claims, conflicts, sources, entities, properties, why, search, history,
  // Graph queries, answered by the claim graph (claimdb/graph.hpp).
  disputes, camps, provenance, status,
  // Truth discovery (claimdb/truth.hpp).
  truth, trust,
};

// An id as written, with where it was written (for "unknown id" errors).
struct IdRef {
  std::string id;
  Token at;
};

// One parsed query. Unset members were not given.
struct ParsedQuery {
  Verb verb = Verb::claims;
  Token verb_token;
  std::optional<IdRef> about, on, by, in;  // entity, property, source, report
  std::optional<IdRef> between_a, between_b;
  std::string since, until;  // canonical; until a date means its end
  // News time: "published before T", "said after T", ... (canonical; after a
  // date means after its end, before a date before its start).
  std::string published_before, published_after, said_before, said_after;
  std::optional<IdRef> kind;
  std::string severity_op;   // > >= < <= =
  double severity = 0;
  std::vector<IdRef> args;   // why: two claims; history: one claim
  std::optional<IdRef> search_text;
  std::optional<IdRef> order_by;  // a result column
  bool descending = false;
  std::optional<std::int64_t> limit;
  std::string as_of;         // canonical; a date means its end
};

// Parses one query (a trailing ';' allowed). Throws Error located at the
// offending token; IncompleteQuery when the text ends too early.
ParsedQuery parse(std::string_view text);

const char* verb_name(Verb verb);

// Every command and clause word, sorted.
const std::vector<std::string>& keywords();

}  // namespace claimdb::ql
