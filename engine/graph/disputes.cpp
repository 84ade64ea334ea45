// Disputes: connected components of claims joined by links.
#include "graph/claim_graph.hpp"

#include <algorithm>
#include <tuple>

namespace claimdb::graph {

namespace {

// Per component: how many claims, links and contradictions it holds.
struct Tally {
  std::uint32_t claims = 0;
  std::int64_t links = 0;
  std::int64_t contradictions = 0;
};

Dispute describe(const ClaimGraph::Impl& impl, const std::vector<Vertex>& vertices, const Tally& tally) {
  Dispute d;
  d.claims.reserve(vertices.size());
  std::vector<std::uint32_t> entities, properties, sources;
  for (Vertex v : vertices) {
    const auto& claim = impl.graph[v];
    d.claims.push_back(claim.id);
    entities.push_back(claim.entity);
    properties.push_back(claim.property);
    sources.push_back(claim.claimant);
  }
  auto names = [](std::vector<std::uint32_t>& indices, auto&& text) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::vector<std::string> out;
    out.reserve(indices.size());
    for (auto i : indices) out.push_back(text(i));
    std::sort(out.begin(), out.end());
    return out;
  };
  d.entities = names(entities, [&](std::uint32_t i) { return impl.entities.text(i); });
  d.properties = names(properties, [&](std::uint32_t i) { return impl.properties.text(i); });
  d.sources = names(sources, [&](std::uint32_t i) { return impl.sources[i].id; });
  d.links = tally.links;
  d.contradictions = tally.contradictions;
  return d;
}

}  // namespace

std::vector<DisputeMembers> dispute_members(const ClaimGraph::Impl& impl, bool include_agreements) {
  const Components components = connected(impl);
  std::vector<Tally> tally(components.count);
  for (std::size_t v = 0; v < components.of.size(); ++v) ++tally[components.of[v]].claims;
  for (auto [it, end] = boost::edges(impl.graph); it != end; ++it) {
    auto& t = tally[components.of[boost::source(*it, impl.graph)]];
    ++t.links;
    if (impl.graph[*it].kind == LinkKind::contradicts) ++t.contradictions;
  }

  // Which components are kept, and each one's slot among the kept.
  std::vector<std::uint32_t> slot(components.count, none);
  std::vector<std::uint32_t> kept;
  for (std::uint32_t c = 0; c < components.count; ++c) {
    if (tally[c].claims < 2) continue;
    if (!include_agreements && tally[c].contradictions == 0) continue;
    slot[c] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(c);
  }
  std::vector<std::vector<Vertex>> vertices(kept.size());
  for (std::size_t k = 0; k < kept.size(); ++k) vertices[k].reserve(tally[kept[k]].claims);
  for (std::size_t v = 0; v < components.of.size(); ++v)
    if (auto s = slot[components.of[v]]; s != none) vertices[s].push_back(v);

  std::vector<DisputeMembers> out;
  out.reserve(kept.size());
  for (std::size_t k = 0; k < kept.size(); ++k) {
    auto& members = vertices[k];
    std::sort(members.begin(), members.end(),
              [&](Vertex a, Vertex b) { return impl.graph[a].id < impl.graph[b].id; });
    Dispute d = describe(impl, members, tally[kept[k]]);
    out.push_back(DisputeMembers{std::move(d), std::move(members)});
  }
  std::sort(out.begin(), out.end(), [](const DisputeMembers& a, const DisputeMembers& b) {
    return std::tie(a.dispute.entities.front(), a.dispute.claims.front()) <
           std::tie(b.dispute.entities.front(), b.dispute.claims.front());
  });
  return out;
}

}  // namespace claimdb::graph

namespace claimdb {

std::vector<Dispute> find_disputes(const ClaimGraph& graph, bool include_agreements) {
  auto members = graph::dispute_members(graph.impl(), include_agreements);
  std::vector<Dispute> out;
  out.reserve(members.size());
  for (auto& m : members) out.push_back(std::move(m.dispute));
  return out;
}

}  // namespace claimdb
