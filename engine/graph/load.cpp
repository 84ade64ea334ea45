// Loading a ClaimGraph from the database: storage hands over plain rows.
#include "graph/claim_graph.hpp"

namespace claimdb::detail {
// Defined by storage (store_graph.cpp). Declared here rather than through
// storage's header so that the graph never sees SQLite.
void load_graph_rows(const Database& db, const std::string& entity, GraphRows& rows);
}  // namespace claimdb::detail

namespace claimdb {

ClaimGraph ClaimGraph::load(const Database& db, const GraphScope& scope) {
  GraphRows rows;
  detail::load_graph_rows(db, scope.entity, rows);
  return build(std::move(rows));
}

}  // namespace claimdb
