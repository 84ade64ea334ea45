// The graph queries: disputes, camps, provenance, status. They build the
// claim graph (claimdb/graph.hpp) for one entity, or for the whole database,
// and turn its answers into rows.
#include "query/graph_queries.hpp"

#include <claimdb/graph.hpp>
#include <claimdb/quantity.hpp>
#include <claimdb/truth.hpp>

namespace claimdb::ql {

namespace {

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

Cell count(std::size_t n) { return Cell(static_cast<std::int64_t>(n)); }

ClaimGraph graph_for(const Database& db, const ParsedQuery& q) {
  GraphScope scope;
  if (q.about) scope.entity = q.about->id;
  scope.as_of = q.as_of;
  return ClaimGraph::load(db, scope);
}

QueryResult disputes(const Database& db, const ParsedQuery& q) {
  QueryResult out;
  out.columns = {"dispute", "entities", "properties", "sources", "claims", "links", "contradictions",
                 "claim_ids"};
  std::int64_t n = 0;
  for (const auto& d : find_disputes(graph_for(db, q)))
    out.rows.push_back({Cell(++n), joined(d.entities), joined(d.properties), joined(d.sources),
                        count(d.claims.size()), Cell(d.links), Cell(d.contradictions),
                        joined(d.claims)});
  return out;
}

QueryResult camps(const Database& db, const ParsedQuery& q) {
  QueryResult out;
  out.columns = {"dispute", "entities", "balanced", "camp", "sources", "claims"};
  std::int64_t n = 0;
  for (const auto& d : find_camps(graph_for(db, q))) {
    ++n;
    if (!d.balanced) {
      out.rows.push_back({Cell(n), joined(d.dispute.entities), Cell(std::int64_t{0}), Cell(),
                          joined(d.dispute.sources),
                          "unbalanced cycle: " + joined(d.cycle, " -> ")});
      continue;
    }
    std::int64_t camp = 0;
    for (const auto& c : d.camps)
      out.rows.push_back({Cell(n), joined(d.dispute.entities), Cell(std::int64_t{1}), Cell(++camp),
                          joined(c.sources), joined(c.claims)});
    // Claims joined to the dispute only by links that place them in no camp.
    if (!d.outside.empty())
      out.rows.push_back({Cell(n), joined(d.dispute.entities), Cell(std::int64_t{1}), Cell(),
                          std::string(), joined(d.outside)});
  }
  return out;
}

QueryResult status(const Database& db, const ParsedQuery& q) {
  QueryResult out;
  out.columns = {"claim", "status", "reason", "attackers"};
  for (const auto& s : grounded_labels(graph_for(db, q)))
    out.rows.push_back({s.claim, std::string(to_string(s.status)), s.reason, joined(s.attackers)});
  return out;
}

QueryResult provenance(const Database& db, const ParsedQuery& q) {
  const std::string& id = q.args[0].id;
  auto claim = db.find_claim(id);
  if (!claim) fail_at(q.args[0].at, "unknown claim '" + id.substr(0, 80) + "'", ErrorCode::not_found);
  if (!q.as_of.empty() && claim->recorded_at > q.as_of)
    fail_at(q.args[0].at, "claim '" + id + "' was not yet recorded as of " + q.as_of, ErrorCode::not_found);
  // The claim's entity holds its echoes and supports.
  GraphScope scope;
  scope.entity = claim->entity;
  scope.as_of = q.as_of;
  const Provenance p = trace_provenance(ClaimGraph::load(db, scope), id);
  std::vector<std::string> chain;
  for (const auto& step : p.chain) chain.push_back(step.report);
  QueryResult out;
  out.columns = {"claim", "claimant", "original_claim", "original_claimant", "first_claim",
                 "first_claimant", "first_seen", "independent_origins", "claimants", "chain", "echoes"};
  out.rows.push_back({p.claim, p.claimant, p.original_claim, p.original_claimant, p.first_claim,
                      p.first_claimant, p.first_seen.empty() ? Cell() : Cell(p.first_seen),
                      Cell(p.independent_origins), Cell(p.claimants),
                      joined(chain, " <- ") + (p.citation_cycle ? " (cycle at " + p.cycle_at + ")" : ""),
                      joined(p.echoes)});
  return out;
}

TruthOptions truth_options(const ParsedQuery& q) {
  TruthOptions o;
  if (q.about) o.entity = q.about->id;
  if (q.on) o.property = q.on->id;
  return o;
}

QueryResult truth(const Database& db, const ParsedQuery& q) {
  QueryResult out;
  out.columns = {"entity", "property", "place", "value", "confidence", "independent_origins", "sources",
                 "dissent", "method", "explanation"};
  for (const auto& a : discover_truth(db, truth_options(q)).answers) {
    std::string value = a.value.phrase;
    if (a.value.interval) value += " [" + format_interval(*a.value.interval) + "]";
    out.rows.push_back({a.entity, a.property, a.place, value, Cell(a.confidence), Cell(a.independent_origins),
                        joined(a.sources), joined(a.dissent), a.method, a.explanation});
  }
  return out;
}

QueryResult trust(const Database& db, const ParsedQuery& q) {
  QueryResult out;
  out.columns = {"source", "reliability", "claims", "agreed", "copies", "method"};
  const TruthResult r = discover_truth(db, truth_options(q));
  for (const auto& s : r.sources)
    out.rows.push_back({s.source, Cell(s.reliability), Cell(s.claims), Cell(s.agreed), joined(s.copies), r.method});
  return out;
}

}  // namespace

QueryResult run_graph_query(const Database& db, const ParsedQuery& q) {
  switch (q.verb) {
    case Verb::disputes: return disputes(db, q);
    case Verb::camps: return camps(db, q);
    case Verb::status: return status(db, q);
    case Verb::provenance: return provenance(db, q);
    case Verb::truth: return truth(db, q);
    case Verb::trust: return trust(db, q);
    default: return {};
  }
}

}  // namespace claimdb::ql
