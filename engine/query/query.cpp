// The query language's executor: resolves ids (suggesting the nearest one
// when an id is unknown), asks the storage layer, then orders and limits.
#include <claimdb/detect.hpp>
#include <claimdb/query.hpp>

#include "detect/explain.hpp"
#include "query/graph_queries.hpp"
#include "query/parser.hpp"
#include "query/suggest.hpp"
#include "storage/read_snapshot.hpp"
#include "storage/store.hpp"

#include <algorithm>
#include <cstdio>

namespace claimdb {

namespace {

using detail::RowId;
using detail::Store;
using ql::IdRef;
using ql::ParsedQuery;
using ql::Verb;

// Queries only read; the store's cached statements need a non-const handle.
Store& reading(const Database& db) { return const_cast<Store&>(db.store()); }

const char* kind_name(IdKind kind) {
  switch (kind) {
    case IdKind::entity: return "entity";
    case IdKind::source: return "source";
    case IdKind::property: return "property";
    case IdKind::report: return "report";
    case IdKind::claim: return "claim";
  }
  return "id";
}

// Candidates for "did you mean": ids sharing the first characters, then any.
std::vector<std::string> candidates(Store& store, IdKind kind, const std::string& word) {
  std::vector<std::string> out;
  if (word.size() >= 2) out = store.query_ids(kind, word.substr(0, 2), 5000);
  if (out.size() < 50) {
    auto more = store.query_ids(kind, "", 20000);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

[[noreturn]] void unknown(Store& store, IdKind kind, const IdRef& ref) {
  ql::fail_at(ref.at,
              std::string("unknown ") + kind_name(kind) + " '" + ref.id.substr(0, 80) + "'" +
                  ql::did_you_mean(ref.id, candidates(store, kind, ref.id)),
              ErrorCode::not_found);
}

RowId resolve(Store& store, IdKind kind, const std::optional<IdRef>& ref) {
  if (!ref) return 0;
  std::optional<RowId> id;
  switch (kind) {
    case IdKind::entity: id = store.entity_id(ref->id); break;
    case IdKind::source: id = store.source_id(ref->id); break;
    case IdKind::property: id = store.property_id(ref->id); break;
    case IdKind::report: id = store.report_id(ref->id); break;
    case IdKind::claim: id = store.claim_id(ref->id); break;
  }
  if (!id) unknown(store, kind, *ref);
  return *id;
}

// The store may stop early only when no ordering is asked for.
// Rows a search returns when the query gives no limit.
constexpr std::int64_t default_search_limit = 20;

std::int64_t store_limit(const ParsedQuery& q) {
  return q.limit && !q.order_by ? *q.limit : 0;
}

const std::vector<std::string>& link_kinds() {
  static const std::vector<std::string> kinds = {"contradicts", "supports", "update", "scope",
                                                 "echo",        "tension",  "refines", "repeats", "all"};
  return kinds;
}

QueryResult conflicts(Store& store, const ParsedQuery& q) {
  detail::ConflictQuery f;
  f.entity = resolve(store, IdKind::entity, q.about);
  f.property = resolve(store, IdKind::property, q.on);
  f.source = resolve(store, IdKind::source, q.by);
  f.between_a = resolve(store, IdKind::source, q.between_a);
  f.between_b = resolve(store, IdKind::source, q.between_b);
  f.news = {q.published_before, q.published_after, q.said_before, q.said_after};
  if (q.kind) {
    f.kind = q.kind->id;
    const auto& kinds = link_kinds();
    if (std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end()) {
      auto near = ql::nearest(f.kind, kinds);
      if (near && ql::edit_distance(f.kind, *near) <= 2)
        ql::fail_at(q.kind->at, "unknown link kind '" + f.kind + "'; did you mean '" + *near + "'?");
    }
  }
  f.severity_op = q.severity_op;
  f.severity = q.severity;
  f.as_of = q.as_of;
  f.limit = store_limit(q);
  QueryResult out = store.query_conflicts(f);
  // A detector link stores its kind and severity; its explanation is derived
  // from the two claims by the rules that made it.
  detect::Explainer explainer(store);
  for (auto& row : out.rows) {
    const auto* origin = std::get_if<std::string>(&row[10]);
    const auto* a = std::get_if<std::string>(&row[0]);
    const auto* b = std::get_if<std::string>(&row[1]);
    if (!origin || *origin != "detector" || !a || !b) continue;
    const detect::DetectClaim* first = explainer.claim(*a);
    const detect::DetectClaim* second = explainer.claim(*b);
    if (first && second) row[11] = explainer.explain(*first, *second).explanation;
  }
  return out;
}

QueryResult why(const Database& db, Store& store, const ParsedQuery& q) {
  for (const auto& ref : q.args) {
    auto recorded = store.claim_recorded_at(ref.id);
    if (!recorded) unknown(store, IdKind::claim, ref);
    if (!q.as_of.empty() && *recorded > q.as_of)
      ql::fail_at(ref.at, "claim '" + ref.id + "' was not yet recorded as of " + q.as_of,
                  ErrorCode::not_found);
  }
  const Relation r = explain_pair(db, q.args[0].id, q.args[1].id);
  QueryResult out;
  out.columns = {"a", "b", "kind", "relation", "severity", "comparable", "explanation"};
  out.rows.push_back({r.a, r.b, r.kind, r.relation,
                      r.kind == "contradicts" ? Cell(r.severity) : Cell(),
                      Cell(std::int64_t{r.comparable ? 1 : 0}), r.explanation});
  return out;
}

// The user's words as an FTS5 expression: each word a quoted string (so no
// word is read as FTS5 syntax), all required; a trailing * keeps a prefix.
std::string fts_expression(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    const bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.pop_back();
    std::string quoted = "\"";
    for (char c : word) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    quoted += '"';
    if (prefix) quoted += '*';
    out += (out.empty() ? "" : " ") + quoted;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
    else word += c;
  }
  flush();
  return out;
}

QueryResult run(const Database& db, const ParsedQuery& q) {
  Store& store = reading(db);
  switch (q.verb) {
    case Verb::claims: {
      detail::ClaimQuery f;
      f.entity = resolve(store, IdKind::entity, q.about);
      f.property = resolve(store, IdKind::property, q.on);
      f.claimant = resolve(store, IdKind::source, q.by);
      f.report = resolve(store, IdKind::report, q.in);
      f.since = q.since;
      f.until = q.until;
      f.news = {q.published_before, q.published_after, q.said_before, q.said_after};
      f.as_of = q.as_of;
      f.limit = store_limit(q);
      return store.query_claims(f);
    }
    case Verb::conflicts: return conflicts(store, q);
    case Verb::sources: {
      detail::SourceQuery f;
      f.entity = resolve(store, IdKind::entity, q.about);
      f.property = resolve(store, IdKind::property, q.on);
      f.as_of = q.as_of;
      f.limit = store_limit(q);
      return store.query_sources(f);
    }
    case Verb::entities: return store.query_entities(q.as_of, store_limit(q));
    case Verb::properties: return store.query_properties(q.as_of, store_limit(q));
    case Verb::why: return why(db, store, q);
    case Verb::search:
      return store.query_search(fts_expression(q.search_text->id), q.as_of, store_limit(q));
    case Verb::history: {
      const RowId claim = resolve(store, IdKind::claim, q.args[0]);
      return store.query_history(claim, q.as_of);
    }
    case Verb::disputes:
    case Verb::camps:
    case Verb::provenance:
    case Verb::status:
      if (q.about) resolve(store, IdKind::entity, q.about);
      return ql::run_graph_query(db, q);
    case Verb::truth:
    case Verb::trust:
      if (q.about) resolve(store, IdKind::entity, q.about);
      if (q.on) resolve(store, IdKind::property, q.on);
      if (!q.as_of.empty()) fail_at(q.verb_token, std::string(verb_name(q.verb)) + " weighs the claims as they stand now; 'as of' is not supported");
      return ql::run_graph_query(db, q);
  }
  return {};
}

// Orders cells: null first, then numbers by value, then text by bytes.
int compare(const Cell& a, const Cell& b) {
  auto rank = [](const Cell& c) { return c.index() == 0 ? 0 : c.index() == 3 ? 2 : 1; };
  if (rank(a) != rank(b)) return rank(a) < rank(b) ? -1 : 1;
  if (rank(a) == 0) return 0;
  if (rank(a) == 2) return std::get<std::string>(a).compare(std::get<std::string>(b));
  auto number = [](const Cell& c) {
    return c.index() == 1 ? static_cast<double>(std::get<std::int64_t>(c)) : std::get<double>(c);
  };
  const double x = number(a), y = number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

void order_and_limit(QueryResult& result, const ParsedQuery& q) {
  if (q.order_by) {
    const auto& columns = result.columns;
    auto it = std::find(columns.begin(), columns.end(), q.order_by->id);
    if (it == columns.end())
      ql::fail_at(q.order_by->at, std::string("no column '") + q.order_by->id + "' in " +
                                      ql::verb_name(q.verb) + ql::did_you_mean(q.order_by->id, columns));
    const auto column = static_cast<std::size_t>(it - columns.begin());
    std::stable_sort(result.rows.begin(), result.rows.end(),
                     [&](const std::vector<Cell>& x, const std::vector<Cell>& y) {
                       const int c = compare(x[column], y[column]);
                       return q.descending ? c > 0 : c < 0;
                     });
  }
  if (q.limit && result.rows.size() > static_cast<std::size_t>(*q.limit))
    result.rows.resize(static_cast<std::size_t>(*q.limit));
}

template <typename Body>
auto guarded(const std::string& doing, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, doing);
  }
}

}  // namespace

std::string cell_text(const Cell& cell) {
  switch (cell.index()) {
    case 1: return std::to_string(std::get<std::int64_t>(cell));
    case 2: {
      char text[32];
      std::snprintf(text, sizeof text, "%.6g", std::get<double>(cell));
      return text;
    }
    case 3: return std::get<std::string>(cell);
    default: return "";
  }
}

QueryResult query(const Database& db, std::string_view text) {
  ParsedQuery parsed = ql::parse(text);
  // A search ranks and returns the best few; `limit N` asks for more.
  if (parsed.verb == Verb::search && !parsed.limit) parsed.limit = default_search_limit;
  return guarded("query failed", [&] {
    // One snapshot for the whole query: ids resolve and rows read from the
    // same commit even while another process writes.
    detail::ReadSnapshot consistent(reading(db));
    QueryResult result = run(db, parsed);
    order_and_limit(result, parsed);
    return result;
  });
}

bool query_is_incomplete(std::string_view text) {
  try {
    ql::parse(text);
  } catch (const ql::IncompleteQuery& e) {
    return e.message() != "empty query";
  } catch (const Error&) {
  }
  return false;
}

std::string describe_query_error(std::string_view text, const Error& error) {
  const Location& where = error.location();
  std::string out = error.message();
  if (where.column <= 0) return out;
  // The line the error is on.
  std::size_t start = 0;
  for (std::int64_t line = 1; line < where.line && start != std::string_view::npos; ++line) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return out;
  std::size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string caret = "  ";
  std::int64_t column = 1;
  for (std::size_t i = 0; i < line.size() && column < where.column; ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += line[i] == '\t' ? '\t' : ' ';
    ++column;
  }
  for (; column < where.column; ++column) caret += ' ';
  out += "\n  ";
  out += line;
  out += "\n" + caret + "^";
  return out;
}

QueryResult query_sql(const Database& db, std::string_view sql) {
  return guarded("SQL failed", [&] { return reading(db).read_only_sql(std::string(sql)); });
}

std::vector<std::string> list_ids(const Database& db, IdKind kind, std::string_view prefix,
                                  std::size_t limit) {
  return guarded("listing ids", [&] {
    return reading(db).query_ids(kind, std::string(prefix), limit);
  });
}

const std::vector<std::string>& query_keywords() { return ql::keywords(); }

}  // namespace claimdb
