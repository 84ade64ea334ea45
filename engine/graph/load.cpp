// Loading a ClaimGraph from the database: storage hands over plain rows in
// batches (claims at once, links a batch at a time), each taken and freed
// before the next is read.
#include "graph/claim_graph.hpp"

#include <functional>

namespace claimdb::detail {
// Defined by storage (store_graph.cpp). Declared here rather than through
// storage's header so that the graph never sees SQLite. Fills `rows` in
// stages and calls `take` after each; what remains at the end is the caller's.
void stream_graph_rows(const Database& db, const std::string& entity, const std::string& as_of,
                       GraphRows& rows, const std::function<void(GraphRows&)>& take);
}  // namespace claimdb::detail

namespace claimdb {

ClaimGraph ClaimGraph::load(const Database& db, const GraphScope& scope) {
  auto impl = std::make_unique<Impl>();
  graph::PendingLinks pending;
  GraphRows rows;
  detail::stream_graph_rows(db, scope.entity, scope.as_of, rows, [&](GraphRows& batch) { graph::take_rows(*impl, batch, pending); });
  graph::take_rows(*impl, rows, pending);
  graph::add_edges(*impl, pending);
  return ClaimGraph(std::move(impl));
}

}  // namespace claimdb
