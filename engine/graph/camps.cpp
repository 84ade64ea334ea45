// Camps: the signed 2-colouring of a dispute (contradicts = opposite sides,
// agreement = same side: supports, echo, repeats), and the shortest cycle
// that breaks it. Every other link (scope, update, tension, refines, ...)
// says neither and is left out of the colouring.
#include "graph/claim_graph.hpp"


#include <algorithm>
#include <span>
#include <map>
#include <utility>

namespace claimdb::graph {

namespace {

using Arc = CampScratch::Arc;

// A cycle as positions in the dispute and the links between consecutive ones.
struct Cycle {
  std::vector<std::uint32_t> vertices;
  std::vector<std::uint32_t> links;
};

// Copies a dispute into the scratch's compact adjacency.
void copy_dispute(const Adjacency& g, std::span<const Vertex> members, CampScratch& scratch) {
  const auto n = static_cast<std::uint32_t>(members.size());
  for (std::uint32_t i = 0; i < n; ++i) scratch.local[members[i]] = i;
  scratch.first.resize(n + 1);
  scratch.arcs.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    scratch.first[i] = static_cast<std::uint32_t>(scratch.arcs.size());
    for (auto [it, end] = boost::out_edges(members[i], g); it != end; ++it) {
      const LinkEdge& edge = g[*it];
      if (edge.kind == LinkKind::compatible) continue;  // neither agreement nor contradiction
      scratch.arcs.push_back(Arc{scratch.local[boost::target(*it, g)], edge.link,
                                 edge.kind == LinkKind::contradicts ? 1u : 0u});
    }
  }
  scratch.first[n] = static_cast<std::uint32_t>(scratch.arcs.size());
  for (Vertex v : members) scratch.local[v] = none;
}

// Colours the dispute breadth-first from its first claim (colour 0), in the
// order Boost's breadth_first_visit takes (a FIFO queue, each claim's links in
// the graph's order), and stops at the first link whose ends disagree with
// their colours: true then, with `conflict` = (claim, arc index).
// Each claim's signed component is in `component` (its first claim's
// position), numbered by the breadth-first search that reached it.
bool colour(std::uint32_t n, CampScratch& scratch, std::pair<std::uint32_t, std::uint32_t>& conflict,
            std::vector<std::uint32_t>& component) {
  auto& colour = scratch.colour;
  colour.assign(n, -1);
  component.assign(n, none);
  scratch.parent.resize(n);
  scratch.depth.resize(n);
  scratch.via.resize(n);
  auto& queue = scratch.queue;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (colour[root] >= 0) continue;
  queue.clear();
  colour[root] = 0;
  component[root] = root;
  scratch.depth[root] = 0;
  queue.push_back(root);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t u = queue[head];
    for (std::uint32_t a = scratch.first[u]; a < scratch.first[u + 1]; ++a) {
      const Arc& arc = scratch.arcs[a];
      if (colour[arc.to] < 0) {
        colour[arc.to] = static_cast<std::int8_t>(colour[u] ^ static_cast<std::int8_t>(arc.odd));
        scratch.parent[arc.to] = u;
        scratch.via[arc.to] = arc.link;
        scratch.depth[arc.to] = scratch.depth[u] + 1;
        component[arc.to] = root;
        queue.push_back(arc.to);
      } else if ((colour[u] ^ colour[arc.to] ^ static_cast<std::int8_t>(arc.odd)) != 0) {
        conflict = {u, a};
        return true;
      }
    }
  }
  }
  return false;
}

// The cycle closed by the conflicting arc in the breadth-first tree: up from
// both ends to their lowest common ancestor. Its contradictions are odd
// because the colours disagree across that arc.
Cycle tree_cycle(std::pair<std::uint32_t, std::uint32_t> conflict, const CampScratch& scratch) {
  const Arc& closing = scratch.arcs[conflict.second];
  std::uint32_t a = conflict.first, b = closing.to;
  const auto& parent = scratch.parent;
  const auto& via = scratch.via;
  const auto& depth = scratch.depth;
  std::vector<std::uint32_t> up_a{a}, up_b{b};
  std::vector<std::uint32_t> links_a, links_b;
  while (a != b) {
    if (depth[a] >= depth[b]) {
      links_a.push_back(via[a]);
      a = parent[a];
      up_a.push_back(a);
    } else {
      links_b.push_back(via[b]);
      b = parent[b];
      up_b.push_back(b);
    }
  }
  // a ... lca, then down to b's end, then the closing link back to the start.
  Cycle cycle;
  cycle.vertices = std::move(up_a);
  cycle.links = std::move(links_a);
  for (std::size_t i = up_b.size() - 1; i-- > 0;) {
    cycle.vertices.push_back(up_b[i]);
    cycle.links.push_back(links_b[i]);
  }
  cycle.links.push_back(closing.link);
  return cycle;
}

// The shortest closed walk from s with an odd number of contradictions, by
// BFS over the double cover (claim, parity); none longer than `bound`.
// Over all s, the shortest such walk is a simple cycle. The scratch arrays
// are left as found (every state touched is reset).
bool shortest_odd_walk(std::uint32_t s, std::size_t bound, CampScratch& scratch, Cycle& found) {
  auto& dist = scratch.dist;
  auto& from = scratch.from;
  auto& queue = scratch.queue;
  queue.clear();
  const std::uint32_t start = 2 * s, goal = start + 1;
  dist[start] = 0;
  queue.push_back(start);
  bool done = false;
  for (std::size_t head = 0; head < queue.size() && !done; ++head) {
    const std::uint32_t state = queue[head];
    if (dist[state] + 1 > bound) break;
    const std::uint32_t u = state / 2;
    for (std::uint32_t a = scratch.first[u]; a < scratch.first[u + 1]; ++a) {
      const Arc& arc = scratch.arcs[a];
      const std::uint32_t next = 2 * arc.to + ((state & 1) ^ arc.odd);
      if (dist[next] != none) continue;
      dist[next] = dist[state] + 1;
      from[next] = {state, arc.link};
      queue.push_back(next);
      if (next == goal) {
        found.vertices.clear();
        found.links.clear();
        for (std::uint32_t at = goal; at != start; at = from[at].first) {
          found.vertices.push_back(from[at].first / 2);
          found.links.push_back(from[at].second);
        }
        std::reverse(found.vertices.begin(), found.vertices.end());
        std::reverse(found.links.begin(), found.links.end());
        done = true;
        break;
      }
    }
  }
  for (std::uint32_t state : queue) dist[state] = none;
  return done;
}

// Whether two claims are joined both by a contradiction and by a same-side
// link: an unbalanced cycle of two links, the shortest there can be.
bool has_two_cycle(std::uint32_t n, CampScratch& scratch) {
  auto& pairs = scratch.pairs;
  pairs.clear();
  for (std::uint32_t u = 0; u < n; ++u)
    for (std::uint32_t a = scratch.first[u]; a < scratch.first[u + 1]; ++a)
      if (const Arc& arc = scratch.arcs[a]; u < arc.to)
        pairs.emplace_back((static_cast<std::uint64_t>(u) << 32) | arc.to, arc.odd);
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 1; i < pairs.size(); ++i)
    if (pairs[i].first == pairs[i - 1].first && pairs[i].second != pairs[i - 1].second) return true;
  return false;
}

// Starts from every claim in turn and keeps a walk only when it is strictly
// shorter, so it stops as soon as nothing shorter can exist: two links when
// some pair of claims makes a cycle of two, else three.
Cycle shortest_odd_cycle(std::uint32_t n, Cycle fallback, CampScratch& scratch) {
  if (scratch.dist.size() < 2 * static_cast<std::size_t>(n)) {
    scratch.dist.assign(2 * static_cast<std::size_t>(n), none);
    scratch.from.resize(2 * static_cast<std::size_t>(n));
  }
  Cycle best = std::move(fallback);
  const std::size_t shortest = has_two_cycle(n, scratch) ? 2 : 3;
  Cycle walk;
  for (std::uint32_t s = 0; s < n; ++s) {
    if (best.vertices.size() <= shortest) break;
    if (shortest_odd_walk(s, best.vertices.size() - 1, scratch, walk)) std::swap(best, walk);
  }
  return best;
}

// Starts the cycle at its smallest claim id and goes round towards the
// smaller neighbour (the smaller first link on a tie), so it reads the same
// whichever search found it.
void normalise(std::vector<std::string>& claims, std::vector<std::string>& links) {
  const std::size_t n = claims.size();
  const std::size_t start = static_cast<std::size_t>(std::min_element(claims.begin(), claims.end()) - claims.begin());
  std::rotate(claims.begin(), claims.begin() + static_cast<long>(start), claims.end());
  std::rotate(links.begin(), links.begin() + static_cast<long>(start), links.end());
  // Now link i joins claim i and i+1; going backwards, the first step is links[n-1].
  if (n > 1 && std::make_pair(claims[n - 1], links[n - 1]) < std::make_pair(claims[1], links[0])) {
    std::reverse(claims.begin() + 1, claims.end());
    std::reverse(links.begin(), links.end());
  }
}

Camp camp_of(const ClaimGraph::Impl& impl, const std::vector<Vertex>& vertices) {
  Camp camp;
  camp.claims.reserve(vertices.size());
  std::vector<std::uint32_t> sources;
  sources.reserve(vertices.size());
  for (Vertex v : vertices) {
    camp.claims.emplace_back(impl.claim_id(v));
    sources.push_back(impl.graph[v].claimant);
  }
  std::sort(sources.begin(), sources.end());
  sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
  camp.sources.reserve(sources.size());
  for (std::uint32_t s : sources) camp.sources.push_back(impl.sources[s].id);
  std::sort(camp.sources.begin(), camp.sources.end());
  return camp;
}

}  // namespace

DisputeCamps camps_of(const ClaimGraph::Impl& impl, DisputeMembers members, std::size_t exact_cycle_limit,
                      CampScratch& scratch) {
  const Adjacency& g = impl.graph;
  const auto vertices = members.vertices;
  const auto n = static_cast<std::uint32_t>(vertices.size());
  DisputeCamps out;
  out.dispute = std::move(members.dispute);
  copy_dispute(g, vertices, scratch);

  std::pair<std::uint32_t, std::uint32_t> conflict;
  std::vector<std::uint32_t> component;
  if (!colour(n, scratch, conflict, component)) {
    // Claims with no agreement or contradiction link stand in no camp. The
    // signed components are turned to fit the first: a component whose
    // claimants (then, failing that, their affiliations) already stand in
    // the other camp more than in this one is flipped; with no such
    // evidence its first claim joins the first camp.
    std::vector<std::uint32_t> size(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) ++size[component[i]];
    std::map<std::uint32_t, std::int64_t> claimant_side[2];
    std::map<std::string_view, std::int64_t> affiliation_side[2];
    std::vector<std::int8_t> flip(n, 0);
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < n; ++i)
      if (component[i] == i && size[i] > 1) order.push_back(i);
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::uint32_t root = order[k];
      if (k > 0) {
        std::int64_t keep = 0, turn = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
          if (component[i] != root) continue;
          const int side = scratch.colour[i];
          const std::uint32_t who = impl.graph[vertices[i]].claimant;
          auto score = [&](int s) {
            auto it = claimant_side[s].find(who);
            return it == claimant_side[s].end() ? 0 : it->second;
          };
          keep += score(side);
          turn += score(1 - side);
        }
        if (keep == turn) {
          keep = turn = 0;
          for (std::uint32_t i = 0; i < n; ++i) {
            if (component[i] != root) continue;
            const int side = scratch.colour[i];
            const std::string_view of = impl.sources[impl.graph[vertices[i]].claimant].affiliation;
            if (of.empty() || of == "independent") continue;
            auto score = [&](int s) {
              auto it = affiliation_side[s].find(of);
              return it == affiliation_side[s].end() ? 0 : it->second;
            };
            keep += score(side);
            turn += score(1 - side);
          }
        }
        flip[root] = turn > keep ? 1 : 0;
      }
      for (std::uint32_t i = 0; i < n; ++i) {
        if (component[i] != root) continue;
        const int side = scratch.colour[i] ^ flip[root];
        const std::uint32_t who = impl.graph[vertices[i]].claimant;
        ++claimant_side[side][who];
        const std::string_view of = impl.sources[who].affiliation;
        if (!of.empty() && of != "independent") ++affiliation_side[side][of];
      }
    }
    std::vector<Vertex> sides[2], apart;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (size[component[i]] < 2) apart.push_back(vertices[i]);
      else sides[scratch.colour[i] ^ flip[component[i]]].push_back(vertices[i]);
    }
    out.camps.push_back(camp_of(impl, sides[0]));
    out.camps.push_back(camp_of(impl, sides[1]));
    for (Vertex v : apart) out.outside.emplace_back(impl.claim_id(v));
    std::sort(out.outside.begin(), out.outside.end());
    return out;
  }
  out.balanced = false;
  Cycle cycle = tree_cycle(conflict, scratch);
  if (vertices.size() <= exact_cycle_limit) cycle = shortest_odd_cycle(n, std::move(cycle), scratch);
  out.cycle.reserve(cycle.vertices.size());
  out.cycle_links.reserve(cycle.links.size());
  for (std::uint32_t i : cycle.vertices) out.cycle.emplace_back(impl.claim_id(vertices[i]));
  for (std::uint32_t link : cycle.links) out.cycle_links.emplace_back(impl.link_ids.view(link));
  normalise(out.cycle, out.cycle_links);
  return out;
}

}  // namespace claimdb::graph

namespace claimdb {

std::vector<DisputeCamps> find_camps(const ClaimGraph& graph, std::size_t exact_cycle_limit) {
  const auto& impl = graph.impl();
  graph::CampScratch scratch(graph.claim_count());
  std::vector<DisputeCamps> out;
  auto disputes = graph::dispute_members(impl, false);
  out.reserve(disputes.size());
  for (auto& members : disputes)
    out.push_back(graph::camps_of(impl, std::move(members), exact_cycle_limit, scratch));
  return out;
}

std::vector<SourceAlignment> source_camps(const std::vector<DisputeCamps>& camps) {
  std::map<std::pair<std::string, std::string>, SourceAlignment> pairs;
  auto count = [&](const std::string& a, const std::string& b, bool together) {
    if (a == b) return;
    auto key = a < b ? std::make_pair(a, b) : std::make_pair(b, a);
    auto& entry = pairs[key];
    entry.a = key.first;
    entry.b = key.second;
    ++(together ? entry.together : entry.opposed);
  };
  for (const auto& d : camps) {
    if (!d.balanced || d.camps.size() != 2) continue;
    const auto& one = d.camps[0].sources;
    const auto& two = d.camps[1].sources;
    // Together: a pair sharing either camp, counted once per dispute.
    std::vector<std::pair<std::string, std::string>> together;
    for (const auto* side : {&one, &two})
      for (std::size_t i = 0; i < side->size(); ++i)
        for (std::size_t j = i + 1; j < side->size(); ++j) together.emplace_back((*side)[i], (*side)[j]);
    std::sort(together.begin(), together.end());
    together.erase(std::unique(together.begin(), together.end()), together.end());
    for (const auto& [a, b] : together) count(a, b, true);
    // Opposed: one in each camp, counted once per dispute.
    std::vector<std::pair<std::string, std::string>> opposed;
    for (const auto& a : one)
      for (const auto& b : two)
        if (a != b) opposed.push_back(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
    std::sort(opposed.begin(), opposed.end());
    opposed.erase(std::unique(opposed.begin(), opposed.end()), opposed.end());
    for (const auto& [a, b] : opposed) count(a, b, false);
  }
  std::vector<SourceAlignment> out;
  out.reserve(pairs.size());
  for (auto& [key, entry] : pairs) out.push_back(std::move(entry));
  std::stable_sort(out.begin(), out.end(), [](const SourceAlignment& x, const SourceAlignment& y) {
    return x.together + x.opposed > y.together + y.opposed;
  });
  return out;
}

}  // namespace claimdb
