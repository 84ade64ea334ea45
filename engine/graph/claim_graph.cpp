// Building a ClaimGraph from plain rows, and the shared helpers.
#include "graph/claim_graph.hpp"

#include <claimdb/error.hpp>

#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <utility>

namespace claimdb::graph {

LinkKind classify_link(const std::string& kind) {
  if (kind == "contradicts") return LinkKind::contradicts;
  if (kind == "supports") return LinkKind::supports;
  if (kind == "echo" || kind == "repeats") return LinkKind::echo;
  return LinkKind::compatible;
}

std::uint32_t Interner::intern(const std::string& text) {
  auto [it, added] = index_.try_emplace(text, static_cast<std::uint32_t>(texts_.size()));
  if (added) texts_.push_back(text);
  return it->second;
}

std::uint32_t Interner::find(const std::string& text) const {
  auto it = index_.find(text);
  return it == index_.end() ? none : it->second;
}

Components connected(const ClaimGraph::Impl& impl) {
  Components result;
  result.of.resize(boost::num_vertices(impl.graph));
  result.count = static_cast<std::uint32_t>(boost::connected_components(
      impl.graph, boost::make_iterator_property_map(result.of.begin(),
                                                    boost::get(boost::vertex_index, impl.graph))));
  return result;
}

std::vector<std::string> sorted_unique(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

namespace {

using Impl = ClaimGraph::Impl;

std::uint32_t source_of(Impl& impl, const std::string& id) {
  if (id.empty()) return none;
  auto [it, added] = impl.source_index.try_emplace(id, static_cast<std::uint32_t>(impl.sources.size()));
  if (added) impl.sources.push_back(SourceInfo{id, id, ""});
  return it->second;
}

void add_sources(Impl& impl, std::vector<GraphSource>& rows) {
  impl.sources.reserve(rows.size());
  for (auto& row : rows) {
    std::uint32_t index = source_of(impl, row.id);
    if (index == none) continue;
    impl.sources[index].name = row.name.empty() ? row.id : std::move(row.name);
    impl.sources[index].affiliation = std::move(row.affiliation);
  }
}

void add_reports(Impl& impl, std::vector<GraphReport>& rows) {
  impl.reports.reserve(rows.size());
  for (auto& row : rows) {
    if (impl.report_index.contains(row.id)) continue;
    impl.report_index.emplace(row.id, static_cast<std::uint32_t>(impl.reports.size()));
    ReportInfo info;
    info.id = row.id;
    info.published_at = std::move(row.published_at);
    info.publisher = source_of(impl, row.publisher);
    impl.reports.push_back(std::move(info));
  }
  // Citations resolve once every report is known (a chain may loop in bad data).
  for (const auto& row : rows) {
    if (row.cites.empty()) continue;
    auto cited = impl.report_index.find(row.cites);
    if (cited != impl.report_index.end()) impl.reports[impl.report_index[row.id]].cites = cited->second;
  }
}

void add_claims(Impl& impl, std::vector<GraphClaim>& rows) {
  impl.graph = Adjacency(rows.size());
  impl.vertex_of.reserve(rows.size());
  std::vector<std::pair<Vertex, std::string>> corrections;
  Vertex v = 0;
  for (auto& row : rows) {
    ClaimVertex vertex;
    vertex.claimant = source_of(impl, row.claimant);
    vertex.entity = impl.entities.intern(row.entity);
    vertex.property = impl.properties.intern(row.property);
    if (!row.report.empty()) {
      auto it = impl.report_index.find(row.report);
      if (it != impl.report_index.end()) vertex.report = it->second;
    }
    vertex.seen_at = !row.said_at.empty()       ? std::move(row.said_at)
                     : !row.published_at.empty() ? std::move(row.published_at)
                     : vertex.report != none     ? impl.reports[vertex.report].published_at
                                                 : std::string();
    vertex.retracted = row.retracted;
    vertex.phrase = std::move(row.phrase);
    vertex.id = std::move(row.id);
    if (vertex.claimant == none) vertex.claimant = source_of(impl, "(unknown)");
    if (!impl.vertex_of.try_emplace(vertex.id, v).second)
      throw Error(ErrorCode::bad_input, "duplicate claim '" + vertex.id + "' in graph rows");
    if (!row.supersedes.empty()) corrections.emplace_back(v, std::move(row.supersedes));
    impl.graph[v] = std::move(vertex);
    ++v;
  }
  for (auto& [v, old] : corrections) {
    auto it = impl.vertex_of.find(old);
    if (it != impl.vertex_of.end()) impl.graph[it->second].superseded_by = static_cast<std::uint32_t>(v);
  }
}

void add_reviews(Impl& impl, const std::vector<GraphReview>& rows) {
  for (const auto& row : rows) {
    if (!is_false_rating(row.rating)) continue;
    auto it = impl.vertex_of.find(row.claim);
    if (it == impl.vertex_of.end()) continue;
    auto& vertex = impl.graph[it->second];
    if (vertex.false_review == none) vertex.false_review = impl.reviewers.intern(row.reviewer);
  }
}

void add_links(Impl& impl, std::vector<GraphLink>& rows) {
  impl.links.reserve(rows.size());
  for (auto& row : rows) {
    auto from = impl.vertex_of.find(row.from);
    auto to = impl.vertex_of.find(row.to);
    if (from == impl.vertex_of.end() || to == impl.vertex_of.end() || from->second == to->second)
      continue;
    LinkEdge edge;
    edge.link = static_cast<std::uint32_t>(impl.links.size());
    edge.kind = classify_link(row.kind);
    impl.links.push_back(LinkInfo{std::move(row.id), impl.kinds.intern(row.kind),
                                  impl.origins.intern(row.origin)});
    boost::add_edge(from->second, to->second, edge, impl.graph);
  }
}

}  // namespace

}  // namespace claimdb::graph

namespace claimdb {

graph::Vertex ClaimGraph::Impl::vertex(const std::string& claim) const {
  auto it = vertex_of.find(claim);
  if (it == vertex_of.end()) throw Error(ErrorCode::not_found, "unknown claim '" + claim + "'");
  return it->second;
}

ClaimGraph ClaimGraph::build(GraphRows rows) {
  auto impl = std::make_unique<Impl>();
  graph::add_sources(*impl, rows.sources);
  graph::add_reports(*impl, rows.reports);
  graph::add_claims(*impl, rows.claims);
  rows.claims = {};  // give the memory back before the edges need theirs
  graph::add_reviews(*impl, rows.reviews);
  graph::add_links(*impl, rows.links);
  return ClaimGraph(std::move(impl));
}

ClaimGraph::ClaimGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ClaimGraph::ClaimGraph(ClaimGraph&&) noexcept = default;
ClaimGraph& ClaimGraph::operator=(ClaimGraph&&) noexcept = default;
ClaimGraph::~ClaimGraph() = default;

std::size_t ClaimGraph::claim_count() const noexcept { return boost::num_vertices(impl_->graph); }
std::size_t ClaimGraph::link_count() const noexcept { return boost::num_edges(impl_->graph); }
bool ClaimGraph::contains(const std::string& claim) const { return impl_->vertex_of.contains(claim); }

}  // namespace claimdb
