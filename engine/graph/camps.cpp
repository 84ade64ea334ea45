// Camps: the signed 2-colouring of a dispute (contradicts = opposite sides,
// every other link = same side), and the shortest cycle that breaks it.
#include "graph/claim_graph.hpp"

#include <boost/graph/breadth_first_search.hpp>

#include <algorithm>
#include <span>
#include <map>
#include <optional>
#include <utility>

namespace claimdb::graph {

namespace {

int sign(const Adjacency& g, Edge e) { return g[e].kind == LinkKind::contradicts ? 1 : 0; }

// Colours one component breadth-first from its first claim (colour 0) with
// Boost's BFS; records the first link whose ends disagree with their colours.
class Colouring : public boost::default_bfs_visitor {
 public:
  Colouring(std::vector<std::int8_t>& colour, std::vector<Vertex>& parent, std::vector<Edge>& via,
            std::vector<std::uint32_t>& depth, std::optional<Edge>& conflict)
      : colour_(&colour), parent_(&parent), via_(&via), depth_(&depth), conflict_(&conflict) {}

  void tree_edge(Edge e, const Adjacency& g) const {
    Vertex u = boost::source(e, g), w = boost::target(e, g);
    (*colour_)[w] = static_cast<std::int8_t>((*colour_)[u] ^ sign(g, e));
    (*parent_)[w] = u;
    (*via_)[w] = e;
    (*depth_)[w] = (*depth_)[u] + 1;
  }
  void non_tree_edge(Edge e, const Adjacency& g) const {
    if (*conflict_) return;
    Vertex u = boost::source(e, g), w = boost::target(e, g);
    if (((*colour_)[u] ^ (*colour_)[w] ^ sign(g, e)) != 0) *conflict_ = e;
  }
  std::vector<std::int8_t>* colour_;
  std::vector<Vertex>* parent_;
  std::vector<Edge>* via_;
  std::vector<std::uint32_t>* depth_;
  std::optional<Edge>* conflict_;
};

// A cycle as vertices and the edges between consecutive ones.
struct Cycle {
  std::vector<Vertex> vertices;
  std::vector<Edge> edges;
};

// The cycle closed by `conflict` in the BFS tree: up from both ends to their
// lowest common ancestor. Its contradictions are odd because the colours
// disagree across `conflict`.
Cycle tree_cycle(const Adjacency& g, Edge conflict, const std::vector<Vertex>& parent,
                 const std::vector<Edge>& via, const std::vector<std::uint32_t>& depth) {
  Vertex a = boost::source(conflict, g), b = boost::target(conflict, g);
  std::vector<Vertex> up_a{a}, up_b{b};
  std::vector<Edge> edges_a, edges_b;
  while (a != b) {
    if (depth[a] >= depth[b]) {
      edges_a.push_back(via[a]);
      a = parent[a];
      up_a.push_back(a);
    } else {
      edges_b.push_back(via[b]);
      b = parent[b];
      up_b.push_back(b);
    }
  }
  // a ... lca, then down to b's end, then conflict back to the start.
  Cycle cycle;
  cycle.vertices = up_a;
  cycle.edges = edges_a;
  for (std::size_t i = up_b.size() - 1; i-- > 0;) {
    cycle.vertices.push_back(up_b[i]);
    cycle.edges.push_back(edges_b[i]);
  }
  cycle.edges.push_back(conflict);
  return cycle;
}

// The shortest closed walk from s with an odd number of contradictions, by
// BFS over the double cover (vertex, parity); none longer than `bound`.
// Over all s, the shortest such walk is a simple cycle. The scratch arrays
// are left as found (every state touched is reset).
std::optional<Cycle> shortest_odd_walk(const Adjacency& g, Vertex s, std::span<const Vertex> members,
                                       const std::vector<std::uint32_t>& local, std::size_t bound,
                                       CampScratch& scratch) {
  auto& dist = scratch.dist;
  auto& from = scratch.from;
  auto& queue = scratch.queue;
  queue.clear();
  const std::uint32_t start = 2 * local[s], goal = start + 1;
  dist[start] = 0;
  queue.push_back(start);
  std::optional<Cycle> found;
  for (std::size_t head = 0; head < queue.size() && !found; ++head) {
    const std::uint32_t state = queue[head];
    if (dist[state] + 1 > bound) break;
    Vertex u = members[state / 2];
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      Vertex w = boost::target(*it, g);
      std::uint32_t next = 2 * local[w] + ((state & 1) ^ static_cast<std::uint32_t>(sign(g, *it)));
      if (dist[next] != none) continue;
      dist[next] = dist[state] + 1;
      from[next] = {state, *it};
      queue.push_back(next);
      if (next == goal) {
        Cycle walk;
        for (std::uint32_t at = goal; at != start; at = from[at].first) {
          walk.vertices.push_back(members[from[at].first / 2]);
          walk.edges.push_back(from[at].second);
        }
        std::reverse(walk.vertices.begin(), walk.vertices.end());
        std::reverse(walk.edges.begin(), walk.edges.end());
        found = std::move(walk);
        break;
      }
    }
  }
  for (std::uint32_t state : queue) dist[state] = none;
  return found;
}

// Whether two claims are joined both by a contradiction and by a same-side
// link: an unbalanced cycle of two links, the shortest there can be.
bool has_two_cycle(const Adjacency& g, std::span<const Vertex> members) {
  static thread_local std::vector<std::pair<std::pair<Vertex, Vertex>, int>> pairs;
  pairs.clear();
  for (Vertex u : members)
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it)
      if (Vertex w = boost::target(*it, g); u < w) pairs.push_back({{u, w}, sign(g, *it)});
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 1; i < pairs.size(); ++i)
    if (pairs[i].first == pairs[i - 1].first && pairs[i].second != pairs[i - 1].second) return true;
  return false;
}

// Starts from every claim in turn and keeps a walk only when it is strictly
// shorter, so it stops as soon as nothing shorter can exist: two links when
// some pair of claims makes a cycle of two, else three.
Cycle shortest_odd_cycle(const Adjacency& g, std::span<const Vertex> members, const std::vector<std::uint32_t>& local,
                         Cycle fallback, CampScratch& scratch) {
  if (scratch.dist.size() < 2 * members.size()) {
    scratch.dist.assign(2 * members.size(), none);
    scratch.from.resize(2 * members.size());
  }
  Cycle best = std::move(fallback);
  const std::size_t shortest = has_two_cycle(g, members) ? 2 : 3;
  for (Vertex s : members) {
    if (best.vertices.size() <= shortest) break;
    if (auto walk = shortest_odd_walk(g, s, members, local, best.vertices.size() - 1, scratch))
      best = std::move(*walk);
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
  DisputeCamps out;
  out.dispute = std::move(members.dispute);

  // Boost's BFS wants whole-graph property maps; only this dispute's entries
  // are touched, and they are reset before returning.
  std::optional<Edge> conflict;
  scratch.colour[vertices.front()] = 0;
  scratch.depth[vertices.front()] = 0;
  static thread_local boost::queue<Vertex> buffer;
  boost::breadth_first_visit(
      g, vertices.front(), buffer, Colouring(scratch.colour, scratch.parent, scratch.via, scratch.depth, conflict),
      boost::make_iterator_property_map(scratch.state.begin(), boost::get(boost::vertex_index, g)));

  if (!conflict) {
    std::vector<Vertex> sides[2];
    for (Vertex v : vertices) sides[scratch.colour[v]].push_back(v);
    out.camps.push_back(camp_of(impl, sides[0]));
    out.camps.push_back(camp_of(impl, sides[1]));
  } else {
    out.balanced = false;
    for (std::size_t i = 0; i < vertices.size(); ++i) scratch.local[vertices[i]] = static_cast<std::uint32_t>(i);
    Cycle cycle = tree_cycle(g, *conflict, scratch.parent, scratch.via, scratch.depth);
    if (vertices.size() <= exact_cycle_limit)
      cycle = shortest_odd_cycle(g, vertices, scratch.local, std::move(cycle), scratch);
    out.cycle.reserve(cycle.vertices.size());
    out.cycle_links.reserve(cycle.edges.size());
    for (Vertex v : cycle.vertices) out.cycle.emplace_back(impl.claim_id(v));
    for (Edge e : cycle.edges) out.cycle_links.emplace_back(impl.link_id(e));
    normalise(out.cycle, out.cycle_links);
    for (Vertex v : vertices) scratch.local[v] = none;
  }
  for (Vertex v : vertices) {
    scratch.colour[v] = -1;
    scratch.state[v] = boost::white_color;
  }
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
