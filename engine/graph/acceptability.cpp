// Acceptability: Dung's grounded labelling, with contradictions as mutual
// attacks and verdicts (false reviews, retractions, corrections) fixed out.
#include "graph/claim_graph.hpp"

#include <algorithm>
#include <cctype>

namespace claimdb {

const char* to_string(Acceptance acceptance) noexcept {
  switch (acceptance) {
    case Acceptance::in: return "in";
    case Acceptance::out: return "out";
    case Acceptance::undecided: return "undecided";
  }
  return "undecided";
}

bool is_false_rating(const std::string& rating) {
  std::string r;
  for (char c : rating) {
    if (c == ' ' || c == '_') c = '-';
    r += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return r == "false" || r == "pants-fire" || r == "pants-on-fire" || r == "fake" ||
         r == "fabricated" || r == "incorrect";
}

std::vector<ClaimStatus> grounded_labels(const ClaimGraph& graph) {
  using namespace claimdb::graph;
  const auto& impl = graph.impl();
  const auto& g = impl.graph;
  const std::size_t n = boost::num_vertices(g);

  std::vector<ClaimStatus> out(n);
  std::vector<std::uint32_t> live_attackers(n, 0);  // attackers not (yet) out
  std::vector<bool> fixed(n, false);               // out by a verdict
  std::vector<Vertex> queue;

  auto attackers_of = [&](Vertex v, auto&& visit) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      if (g[*it].kind == LinkKind::contradicts) visit(boost::target(*it, g));
  };

  for (Vertex v = 0; v < n; ++v) {
    const auto& c = g[v];
    out[v].claim = impl.claim_id(v);
    attackers_of(v, [&](Vertex a) { out[v].attackers.emplace_back(impl.claim_id(a)); });
    out[v].attackers = sorted_unique(std::move(out[v].attackers));
    if (c.false_review != none) {
      out[v].reason = "rated false by " + impl.reviewers.text(c.false_review);
    } else if (c.retracted) {
      out[v].reason = "retracted";
    } else if (c.superseded_by != none) {
      out[v].reason = "superseded by " + std::string(impl.claim_id(c.superseded_by));
    }
    if (!out[v].reason.empty()) {
      fixed[v] = true;
      out[v].status = Acceptance::out;
    }
  }
  for (Vertex v = 0; v < n; ++v) {
    if (fixed[v]) continue;
    attackers_of(v, [&](Vertex a) {
      if (!fixed[a]) ++live_attackers[v];
    });
    if (live_attackers[v] == 0) queue.push_back(v);
  }

  // An in claim defeats what it attacks; an out claim frees its targets.
  std::vector<bool> labelled(fixed);
  while (!queue.empty()) {
    Vertex v = queue.back();
    queue.pop_back();
    if (labelled[v]) continue;
    labelled[v] = true;
    out[v].status = Acceptance::in;
    out[v].reason = out[v].attackers.empty() ? "not contradicted" : "every contradicting claim is out";
    attackers_of(v, [&](Vertex target) {
      if (labelled[target]) return;
      labelled[target] = true;
      out[target].status = Acceptance::out;
      out[target].reason = "contradicted by " + std::string(impl.claim_id(v)) + ", which is in";
      attackers_of(target, [&](Vertex freed) {
        if (!labelled[freed] && --live_attackers[freed] == 0) queue.push_back(freed);
      });
    });
  }
  for (Vertex v = 0; v < n; ++v)
    if (!labelled[v]) out[v].reason = "in an unresolved contradiction";

  std::sort(out.begin(), out.end(), [](const ClaimStatus& a, const ClaimStatus& b) { return a.claim < b.claim; });
  return out;
}

}  // namespace claimdb
