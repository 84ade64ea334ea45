// Disputes: connected components of claims joined by links.
#include "graph/claim_graph.hpp"

#include <algorithm>
#include <span>
#include <string>

namespace claimdb::graph {

namespace {

// The names behind one interned field of a dispute's claims, sorted: nearly
// always a single one, found without sorting anything.
template <class Field>
std::vector<std::string> interned_names(std::span<const Vertex> vertices, const Field& field, const Interner& names,
                                        std::vector<std::uint32_t>& scratch) {
  const std::uint32_t first = field(vertices.front());
  bool same = true;
  for (Vertex v : vertices) same = same && field(v) == first;
  std::vector<std::string> out;
  if (same) {
    out.emplace_back(names.text(first));
    return out;
  }
  scratch.clear();
  for (Vertex v : vertices) scratch.push_back(field(v));
  std::sort(scratch.begin(), scratch.end());
  scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
  out.reserve(scratch.size());
  for (std::uint32_t i : scratch) out.push_back(names.text(i));
  std::sort(out.begin(), out.end());
  return out;
}

Dispute describe(const ClaimGraph::Impl& impl, const Clusters& clusters, std::span<const Vertex> vertices,
                 const Tally& tally, std::vector<std::uint32_t>& scratch) {
  const auto& g = impl.graph;
  Dispute d;
  d.claims.reserve(vertices.size());
  for (Vertex v : vertices) d.claims.emplace_back(impl.claim_id(v));
  d.entities = interned_names(vertices, [&g](Vertex v) { return g[v].entity; }, impl.entities, scratch);
  d.properties = interned_names(vertices, [&g](Vertex v) { return g[v].property; }, impl.properties, scratch);
  // Sources by the rank of their ids: sorted without comparing a string.
  scratch.clear();
  for (Vertex v : vertices) scratch.push_back(clusters.source_rank[g[v].claimant]);
  std::sort(scratch.begin(), scratch.end());
  scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
  d.sources.reserve(scratch.size());
  for (std::uint32_t rank : scratch) d.sources.push_back(clusters.ranked_sources[rank]);
  d.links = tally.links;
  d.contradictions = tally.contradictions;
  return d;
}

Clusters make_clusters(const ClaimGraph::Impl& impl) {
  const auto& g = impl.graph;
  const Components components = connected(impl);
  std::vector<Tally> tally(components.count);
  for (std::size_t v = 0; v < components.of.size(); ++v) ++tally[components.of[v]].claims;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    auto& t = tally[components.of[boost::source(*it, g)]];
    ++t.links;
    if (g[*it].kind == LinkKind::contradicts) ++t.contradictions;
  }

  // Components of two claims or more, laid out one after another.
  std::vector<std::uint32_t> slot(components.count, none);
  std::vector<std::uint32_t> start{0};
  std::vector<std::uint32_t> kept;
  for (std::uint32_t c = 0; c < components.count; ++c) {
    if (tally[c].claims < 2) continue;
    slot[c] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(c);
    start.push_back(start.back() + tally[c].claims);
  }
  std::vector<Vertex> members(start.back());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t v = 0; v < components.of.size(); ++v)
      if (auto s = slot[components.of[v]]; s != none) members[fill[s]++] = v;
  }
  // Each cluster's claims by id, and its first entity (by name).
  const auto by_id = [&](Vertex a, Vertex b) { return impl.claim_id(a) < impl.claim_id(b); };
  std::vector<const std::string*> first_entity(kept.size());
  for (std::size_t k = 0; k < kept.size(); ++k) {
    const auto first = members.begin() + start[k], last = members.begin() + start[k + 1];
    std::sort(first, last, by_id);
    const std::string* entity = &impl.entities.text(g[*first].entity);
    for (auto it = first + 1; it != last; ++it)
      if (const auto& e = impl.entities.text(g[*it].entity); e < *entity) entity = &e;
    first_entity[k] = entity;
  }
  // Clusters by first entity, then first claim id.
  std::vector<std::uint32_t> order(kept.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (int c = first_entity[a]->compare(*first_entity[b]); c != 0) return c < 0;
    return impl.claim_id(members[start[a]]) < impl.claim_id(members[start[b]]);
  });

  Clusters out;
  {
    std::vector<std::uint32_t> by_id(impl.sources.size());
    for (std::uint32_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
    std::sort(by_id.begin(), by_id.end(),
              [&](std::uint32_t a, std::uint32_t b) { return impl.sources[a].id < impl.sources[b].id; });
    out.source_rank.resize(by_id.size());
    out.ranked_sources.reserve(by_id.size());
    for (std::uint32_t r = 0; r < by_id.size(); ++r) {
      out.source_rank[by_id[r]] = r;
      out.ranked_sources.push_back(impl.sources[by_id[r]].id);
    }
  }
  out.tally.reserve(order.size());
  out.start.reserve(order.size() + 1);
  out.members.reserve(members.size());
  out.start.push_back(0);
  for (std::uint32_t k : order) {
    out.tally.push_back(tally[kept[k]]);
    out.members.insert(out.members.end(), members.begin() + start[k], members.begin() + start[k + 1]);
    out.start.push_back(static_cast<std::uint32_t>(out.members.size()));
  }
  return out;
}

}  // namespace

std::vector<DisputeMembers> dispute_members(const ClaimGraph::Impl& impl, bool include_agreements) {
  const Clusters& clusters = impl.clusters();
  std::vector<DisputeMembers> out;
  out.reserve(clusters.tally.size());
  std::vector<std::uint32_t> scratch;
  for (std::size_t k = 0; k < clusters.tally.size(); ++k) {
    if (!include_agreements && clusters.tally[k].contradictions == 0) continue;
    out.push_back(DisputeMembers{describe(impl, clusters, clusters.of(k), clusters.tally[k], scratch), clusters.of(k)});
  }
  return out;
}

}  // namespace claimdb::graph

namespace claimdb {

const graph::Clusters& ClaimGraph::Impl::clusters() const {
  std::call_once(clusters_once, [this] { clusters_cache = graph::make_clusters(*this); });
  return clusters_cache;
}

std::vector<Dispute> find_disputes(const ClaimGraph& graph, bool include_agreements) {
  auto members = graph::dispute_members(graph.impl(), include_agreements);
  std::vector<Dispute> out;
  out.reserve(members.size());
  for (auto& m : members) out.push_back(std::move(m.dispute));
  return out;
}

}  // namespace claimdb
