// Provenance: citation chains, the original claimant, the first appearance
// and the independent origins behind a value.
#include "graph/claim_graph.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace claimdb::graph {

namespace {

using Impl = ClaimGraph::Impl;

// The claim's report and the reports it cites in turn (indices), stopping
// before one already seen; returns the report that closed a loop, or none.
std::uint32_t citation_chain(const Impl& impl, std::uint32_t report, std::vector<std::uint32_t>& chain) {
  std::set<std::uint32_t> seen;
  for (std::uint32_t at = report; at != none; at = impl.reports[at].cites) {
    if (!seen.insert(at).second) return at;
    chain.push_back(at);
  }
  return none;
}

// Every vertex reachable from `start` over links of the given kinds.
std::set<Vertex> closure(const Impl& impl, std::set<Vertex> start, std::initializer_list<LinkKind> kinds) {
  std::vector<Vertex> stack(start.begin(), start.end());
  while (!stack.empty()) {
    Vertex u = stack.back();
    stack.pop_back();
    for (auto [it, end] = boost::out_edges(u, impl.graph); it != end; ++it) {
      if (std::find(kinds.begin(), kinds.end(), impl.graph[*it].kind) == kinds.end()) continue;
      Vertex w = boost::target(*it, impl.graph);
      if (start.insert(w).second) stack.push_back(w);
    }
  }
  return start;
}

// Claims by the same claimant on the same entity, property and place, seen in
// the reports up the chain (after the claim's own): relays of one statement
// (a city figure in the cited report is not the national one relayed).
std::set<Vertex> relays(const Impl& impl, Vertex v, const std::vector<std::uint32_t>& chain) {
  std::set<Vertex> out;
  if (chain.size() < 2) return out;
  std::set<std::uint32_t> cited(chain.begin() + 1, chain.end());
  const auto& claim = impl.graph[v];
  for (auto [it, end] = boost::vertices(impl.graph); it != end; ++it) {
    const auto& other = impl.graph[*it];
    if (other.report != none && cited.contains(other.report) && other.claimant == claim.claimant &&
        other.entity == claim.entity && other.property == claim.property && other.place == claim.place)
      out.insert(*it);
  }
  return out;
}

// Whether a's report is up b's citation chain (b relays what a's report said).
bool upstream_of(const Impl& impl, Vertex a, Vertex b) {
  const std::uint32_t report = impl.graph[a].report;
  if (report == none || report == impl.graph[b].report) return false;
  std::vector<std::uint32_t> chain;
  citation_chain(impl, impl.graph[b].report, chain);
  return std::find(chain.begin(), chain.end(), report) != chain.end();
}

// The earliest of `claims`, and when it was seen. A claim relaying another
// (its report cites, up the chain, the other's report) is never earliest, and
// lends its time to the claims it relays (they existed by then). Then known
// times before unknown, then further up `chain`, then id.
std::pair<Vertex, std::string> earliest(const Impl& impl, const std::set<Vertex>& claims,
                                        const std::vector<std::uint32_t>& chain) {
  std::vector<std::pair<Vertex, std::string>> roots;
  for (Vertex b : claims) {
    if (std::any_of(claims.begin(), claims.end(), [&](Vertex a) { return upstream_of(impl, a, b); }))
      continue;
    std::string seen(impl.seen_at(b));
    for (Vertex relay : claims) {
      const std::string_view at = impl.seen_at(relay);
      if (!at.empty() && (seen.empty() || at < seen) && upstream_of(impl, b, relay)) seen = at;
    }
    roots.emplace_back(b, seen);
  }
  if (roots.empty())  // citations loop among them
    for (Vertex b : claims) roots.emplace_back(b, std::string(impl.seen_at(b)));
  auto key = [&](const std::pair<Vertex, std::string>& root) {
    const auto& c = impl.graph[root.first];
    auto at = std::find(chain.begin(), chain.end(), c.report);
    long depth = at == chain.end() ? -1 : static_cast<long>(at - chain.begin());
    return std::make_tuple(root.second.empty(), std::string_view(root.second), -depth, impl.claim_id(root.first));
  };
  return *std::min_element(roots.begin(), roots.end(), [&](const auto& x, const auto& y) { return key(x) < key(y); });
}

}  // namespace

}  // namespace claimdb::graph

namespace claimdb {

Provenance trace_provenance(const ClaimGraph& graph, const std::string& claim) {
  using namespace claimdb::graph;
  const auto& impl = graph.impl();
  const Vertex v = impl.vertex(claim);
  const auto& g = impl.graph;

  Provenance out;
  out.claim = claim;
  out.claimant = impl.claimant_id(v);

  std::vector<std::uint32_t> chain;
  if (std::uint32_t loop = citation_chain(impl, g[v].report, chain); loop != none) {
    out.citation_cycle = true;
    out.cycle_at = impl.reports[loop].id;
  }
  for (auto r : chain) {
    const auto& report = impl.reports[r];
    out.chain.push_back(CitationStep{report.id,
                                     report.publisher == none ? "" : impl.sources[report.publisher].id,
                                     report.published_at});
  }

  // The same statement: echo links and relays up the chain.
  std::set<Vertex> same = relays(impl, v, chain);
  same.insert(v);
  same = closure(impl, std::move(same), {LinkKind::echo});
  for (Vertex e : same)
    if (e != v) out.echoes.emplace_back(impl.claim_id(e));
  std::sort(out.echoes.begin(), out.echoes.end());
  const Vertex original = earliest(impl, same, chain).first;
  out.original_claim = impl.claim_id(original);
  out.original_claimant = impl.claimant_id(original);

  // Backing: the statement, the claims supporting it, and their echoes.
  std::set<Vertex> backers = same;
  for (Vertex s : same)
    for (auto [it, end] = boost::out_edges(s, g); it != end; ++it)
      if (g[*it].kind == LinkKind::supports) backers.insert(boost::target(*it, g));
  backers = closure(impl, std::move(backers), {LinkKind::echo});

  const auto [first, seen] = earliest(impl, backers, chain);
  out.first_claim = impl.claim_id(first);
  out.first_claimant = impl.claimant_id(first);
  out.first_seen = seen;

  std::map<std::string, Origin> origins;
  std::set<std::uint32_t> claimants;
  for (Vertex b : backers) {
    const auto& source = impl.sources[g[b].claimant];
    claimants.insert(g[b].claimant);
    const std::string& key = source.affiliation.empty() ? source.id : source.affiliation;
    auto& origin = origins[key];
    origin.key = key;
    origin.sources.push_back(source.id);
    origin.claims.emplace_back(impl.claim_id(b));
  }
  for (auto& [key, origin] : origins) {
    origin.sources = sorted_unique(std::move(origin.sources));
    origin.claims = sorted_unique(std::move(origin.claims));
    out.origins.push_back(std::move(origin));
  }
  out.independent_origins = static_cast<std::int64_t>(out.origins.size());
  out.claimants = static_cast<std::int64_t>(claimants.size());
  return out;
}

}  // namespace claimdb
