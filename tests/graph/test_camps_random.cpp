// Camps against brute force on random signed graphs of up to 12 claims.
#include <claimdb/graph.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace claimdb;

namespace {

struct SignedEdge {
  int a = 0, b = 0;
  bool contradicts = false;
  std::string id;
};

struct Model {
  int n = 0;
  std::vector<SignedEdge> edges;

  std::string claim(int v) const { return "c" + std::to_string(100 + v); }  // sorts like v
  int vertex(const std::string& claim) const { return std::stoi(claim.substr(1)) - 100; }

  // Components by union-find, as sorted vertex lists.
  std::vector<std::vector<int>> components() const {
    std::vector<int> parent(n);
    for (int v = 0; v < n; ++v) parent[v] = v;
    auto find = [&](int v) {
      while (parent[v] != v) v = parent[v] = parent[parent[v]];
      return v;
    };
    for (const auto& e : edges) parent[find(e.a)] = find(e.b);
    std::map<int, std::vector<int>> groups;
    for (int v = 0; v < n; ++v) groups[find(v)].push_back(v);
    std::vector<std::vector<int>> out;
    for (auto& [root, members] : groups) out.push_back(members);
    return out;
  }

  // Whether some 2-colouring of the component satisfies every edge.
  bool balanced(const std::vector<int>& members) const {
    const int k = static_cast<int>(members.size());
    std::map<int, int> bit;
    for (int i = 0; i < k; ++i) bit[members[i]] = i;
    for (std::uint32_t mask = 0; mask < (1u << k); ++mask) {
      bool ok = true;
      for (const auto& e : edges) {
        if (!bit.contains(e.a)) continue;
        bool differ = ((mask >> bit[e.a]) & 1u) != ((mask >> bit[e.b]) & 1u);
        if (differ != e.contradicts) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    return false;
  }

  // The length of the shortest simple cycle with an odd number of
  // contradictions, by enumerating simple paths from each cycle's smallest
  // vertex (edges are told apart by index, so parallel edges make 2-cycles).
  int shortest_odd_cycle(const std::vector<int>& members) const {
    int best = 1 << 20;
    std::vector<bool> on_path(n, false);
    std::function<void(int, int, int, int, int)> walk = [&](int start, int at, int length, int parity,
                                                             int via) {
      for (int i = 0; i < static_cast<int>(edges.size()); ++i) {
        if (i == via) continue;
        const auto& e = edges[i];
        int next = e.a == at ? e.b : e.b == at ? e.a : -1;
        if (next < 0 || next < start) continue;
        int p = parity ^ (e.contradicts ? 1 : 0);
        if (next == start) {
          if (p == 1 && length + 1 >= 2) best = std::min(best, length + 1);
          continue;
        }
        if (on_path[next] || length + 1 >= best) continue;
        on_path[next] = true;
        walk(start, next, length + 1, p, i);
        on_path[next] = false;
      }
    };
    for (int s : members) {
      on_path[s] = true;
      walk(s, s, 0, 0, -1);
      on_path[s] = false;
    }
    return best;
  }
};

Model random_model(std::mt19937& rng) {
  Model m;
  m.n = std::uniform_int_distribution<int>(1, 12)(rng);
  const int max_edges = std::min(18, m.n * (m.n - 1) / 2 + 2);
  const int count = std::uniform_int_distribution<int>(0, max_edges)(rng);
  std::uniform_int_distribution<int> pick(0, m.n - 1);
  std::bernoulli_distribution contradicts(std::uniform_real_distribution<double>(0.1, 0.6)(rng));
  for (int i = 0; i < count && m.n > 1; ++i) {
    int a = pick(rng), b = pick(rng);
    if (a == b) continue;
    m.edges.push_back(SignedEdge{a, b, contradicts(rng), "l" + std::to_string(m.edges.size())});
  }
  return m;
}

ClaimGraph graph_of(const Model& m) {
  GraphRows rows;
  for (int v = 0; v < m.n; ++v) {
    GraphClaim c;
    c.id = m.claim(v);
    c.claimant = "s" + std::to_string(v % 3);
    c.entity = "e";
    c.property = "p";
    rows.claims.push_back(c);
  }
  for (const auto& e : m.edges)
    rows.links.push_back(GraphLink{e.id, m.claim(e.a), m.claim(e.b), e.contradicts ? "contradicts" : "supports",
                                   "test"});
  return ClaimGraph::build(std::move(rows));
}

}  // namespace

TEST_SUITE("graph") {

TEST_CASE("camps agree with brute force on random signed graphs of up to 12 claims") {
  std::mt19937 rng(20251227);
  int unbalanced_seen = 0, balanced_seen = 0;
  for (int round = 0; round < 1500; ++round) {
    const Model m = random_model(rng);
    CAPTURE(round);
    const ClaimGraph g = graph_of(m);
    const auto found = find_camps(g);

    // The disputes are exactly the components with a contradiction.
    std::vector<std::vector<int>> expected;
    for (const auto& members : m.components()) {
      bool contradiction = std::any_of(m.edges.begin(), m.edges.end(), [&](const SignedEdge& e) {
        return e.contradicts && std::find(members.begin(), members.end(), e.a) != members.end();
      });
      if (members.size() >= 2 && contradiction) expected.push_back(members);
    }
    std::sort(expected.begin(), expected.end());
    REQUIRE(found.size() == expected.size());

    for (std::size_t d = 0; d < found.size(); ++d) {
      const auto& camps = found[d];
      const auto& members = expected[d];
      std::vector<std::string> claims;
      for (int v : members) claims.push_back(m.claim(v));
      REQUIRE(camps.dispute.claims == claims);
      const bool balanced = m.balanced(members);
      REQUIRE(camps.balanced == balanced);
      if (balanced) {
        ++balanced_seen;
        REQUIRE(camps.camps.size() == 2);
        std::map<int, int> side;
        for (int s = 0; s < 2; ++s)
          for (const auto& c : camps.camps[s].claims) side[m.vertex(c)] = s;
        CHECK(side.size() == members.size());
        CHECK(side[members.front()] == 0);
        for (const auto& e : m.edges)
          if (side.contains(e.a)) CHECK((side[e.a] != side[e.b]) == e.contradicts);
      } else {
        ++unbalanced_seen;
        CHECK(camps.camps.empty());
        const auto& cycle = camps.cycle;
        REQUIRE(cycle.size() == camps.cycle_links.size());
        CHECK(static_cast<int>(cycle.size()) == m.shortest_odd_cycle(members));
        // A simple cycle: distinct claims, each link joining neighbours, odd contradictions.
        CHECK(std::set<std::string>(cycle.begin(), cycle.end()).size() == cycle.size());
        CHECK(std::set<std::string>(camps.cycle_links.begin(), camps.cycle_links.end()).size() ==
              cycle.size());
        int contradictions = 0;
        for (std::size_t i = 0; i < cycle.size(); ++i) {
          const auto& link = m.edges[std::stoi(camps.cycle_links[i].substr(1))];
          int a = m.vertex(cycle[i]), b = m.vertex(cycle[(i + 1) % cycle.size()]);
          CHECK(((link.a == a && link.b == b) || (link.a == b && link.b == a)));
          contradictions += link.contradicts ? 1 : 0;
        }
        CHECK(contradictions % 2 == 1);
      }
    }
  }
  // The generator exercises both outcomes.
  CHECK(balanced_seen > 100);
  CHECK(unbalanced_seen > 100);
}

}  // TEST_SUITE
