// The pages `claimdb serve` answers and `claimdb publish` writes: one
// renderer for both, so a published page is what the server shows.
//
// Each page is first built as JSON (its "twin", /api/... on the server,
// NAME.json beside NAME.html when published), with the same members as the
// CLI's --format json rows (cli/rows.hpp); the HTML is rendered from that
// JSON, so the two never disagree. All user text is escaped (html.hpp).
#pragma once

#include "../output.hpp"

#include <claimdb/claimdb.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>

namespace claimdb::cli::web {

// Where a page links to: the server's paths ("/entity/ID") or the flat file
// names of a published directory ("entity-ID.html", relative).
struct Links {
  bool files = false;  // false: server paths
  // Published: the ids that have pages; links to anything else are plain text.
  std::set<std::string> entities, sources, claims;

  std::string home() const;
  std::string stylesheet() const;
  std::string entity(const std::string& id) const;  // "" when there is no page
  std::string source(const std::string& id) const;
  std::string claim(const std::string& id) const;
  std::string graph(const std::string& entity) const;  // the entity's graph as SVG
  std::string chart(const std::string& entity, const std::string& property) const;
  // The JSON twin of a page whose link is `page`.
  std::string json(const std::string& page) const;
};

// How much a page may hold, and what the server computes.
struct Limits {
  std::size_t max_query = 200;      // characters of a search
  std::int64_t max_results = 50;    // rows of a search
  std::int64_t max_rows = 500;      // claims or conflicts listed on one page
  std::int64_t max_graph = 300;     // claims of an entity drawn as a graph
  std::int64_t max_truth_claims = 200000;  // truth is weighed only up to this many claims in the database
  std::int64_t max_alignment_entities = 10;  // entities read for a source's agreements (a graph each)
};

// What truth discovery found, computed once per database state (the caller
// keeps it; it is slow on a large database).
struct TruthCache {
  bool computed = false;
  std::string skipped;  // why truth was not weighed, or ""
  TruthResult result;
};
// Weighs the whole database unless it holds more than limits.max_truth_claims claims.
TruthCache weigh_truth(const Database& db, const Limits& limits);

// One page: its title, JSON twin and HTML body (inside <main>).
struct Page {
  std::string title;
  Row json;
  std::string html;  // the whole document
};

// Page builders. Each throws Error(not_found) for an unknown id.
// `scope` (publish): only claims about that entity appear on source pages.
Page overview_page(const Database& db, const Links& links, const Limits& limits, const TruthCache& truth);
Page entity_page(const Database& db, const Links& links, const Limits& limits, const TruthCache& truth,
                 const std::string& id);
Page source_page(const Database& db, const Links& links, const Limits& limits, const TruthCache& truth,
                 const std::string& id, const std::string& scope = {});
Page claim_page(const Database& db, const Links& links, const Limits& limits, const std::string& id);
// Throws Error(bad_input) for a query longer than limits.max_query.
Page search_page(const Database& db, const Links& links, const Limits& limits, const std::string& words);
// A page saying what went wrong (404, 400, 500), with a JSON twin {error, status}.
Page error_page(const Links& links, int status, const std::string& message);

// The range chart of one entity and property as a standalone SVG document.
std::string chart_document(const Database& db, const Links& links, const TruthCache& truth,
                           const std::string& entity, const std::string& property);
// The entity's claim graph as SVG through Graphviz; nullopt when Graphviz is
// missing or the entity has more than limits.max_graph claims (the reason in `why`).
std::optional<std::string> graph_svg(const Database& db, const Limits& limits, const std::string& entity,
                                     std::string& why);

// The stylesheet every page links to.
const std::string& stylesheet();

// The Content-Security-Policy the server sends with every answer.
const char* content_security_policy();

}  // namespace claimdb::cli::web
