// Running the rules over (entity, property) groups and writing the links:
// the whole database (detect_all) or the groups an import touched.
#include "detect/detector.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_set>

namespace claimdb::detect {

namespace {

using Clock = std::chrono::steady_clock;

// Writes verdicts as links, once per pair, never beside an analyst's own;
// into `sink` when given (a whole-database run writes them all at the end).
class LinkWriter {
 public:
  LinkWriter(detail::Store& store, DetectSummary& summary, const AnalystLinks* analyst,
             std::vector<detail::DetectLink>* sink)
      : store_(store), summary_(summary), analyst_(analyst), sink_(sink) {}

  void write(const DetectClaim& x, const DetectClaim& y, const Verdict& verdict) {
    if (verdict.kind.empty()) return;
    const RowId from = std::min(x.id, y.id), to = std::max(x.id, y.id);
    if (!written_.insert({from, to}).second) return;
    if (analyst_ ? analyst_->has(from, to, verdict.kind)
                 : store_.analyst_link_exists(from, to, verdict.kind))
      return;
    detail::DetectLink link;
    link.from = from;
    link.to = to;
    link.kind = detail::link_kind_code(verdict.kind);
    if (link.kind == 0)
      throw Error(ErrorCode::internal, "the detector made a link of unknown kind '" + verdict.kind + "'");
    link.severity = verdict.severity;
    if (sink_) sink_->push_back(link);
    else store_.insert_detector_link(link);
    ++summary_.links;
    if (verdict.kind == "contradicts") ++summary_.contradictions;
    else if (verdict.kind == "tension") ++summary_.tensions;
  }

  // A pair of one group that could not be compared: noted on the claim(s)
  // at fault, with the first claim it met and how many.
  void note(const DetectClaim& x, const DetectClaim& y, const Verdict& verdict) {
    if (verdict.blame_a) note_one(x, y, verdict.uncompared);
    if (verdict.blame_b) note_one(y, x, verdict.uncompared);
  }

  // A claim of a group past the window, not compared with `count` claims of
  // it, the first of them `other` (a claim with a note of its own keeps it).
  void note_window(const DetectClaim& claim, const DetectClaim& other, std::int64_t count) {
    auto [it, added] = notes_.try_emplace(claim.id);
    if (added) it->second = detail::UncomparedClaim{claim.id, 4, other.id, count};
  }

  // Writes the notes (into `notes` when given, else straight to the store).
  void flush_notes(std::vector<detail::UncomparedClaim>* notes) {
    for (const auto& [claim, note] : notes_) {
      if (notes) notes->push_back(note);
      else store_.insert_uncompared(note);
      ++summary_.uncompared;
    }
    notes_.clear();
  }

 private:
  detail::Store& store_;
  DetectSummary& summary_;
  const AnalystLinks* analyst_;
  std::vector<detail::DetectLink>* sink_;
  // (from, to) pairs already written for this entity; a hash set, since a
  // whole-database run asks once per compared pair.
  struct PairHash {
    std::size_t operator()(const std::pair<RowId, RowId>& p) const noexcept {
      return std::hash<RowId>()(p.first * 0x9E3779B97F4A7C15ull ^ p.second);
    }
  };
  std::unordered_set<std::pair<RowId, RowId>, PairHash> written_;
  std::map<RowId, detail::UncomparedClaim> notes_;

  void note_one(const DetectClaim& claim, const DetectClaim& other, int reason) {
    auto [it, added] = notes_.try_emplace(claim.id);
    if (added) it->second = detail::UncomparedClaim{claim.id, reason, other.id, 0};
    ++it->second.count;
  }
};

bool current(const DetectClaim& c) { return !c.superseded && !c.retracted; }

// The current claims of each property, in id order.
std::map<RowId, std::vector<DetectClaim*>> by_property(std::vector<DetectClaim>& claims) {
  std::map<RowId, std::vector<DetectClaim*>> groups;
  for (auto& c : claims)
    if (current(c)) groups[c.property].push_back(&c);
  for (auto& [property, members] : groups) {
    std::sort(members.begin(), members.end(),
              [](const DetectClaim* x, const DetectClaim* y) { return x->id < y->id; });
    mark_repeats(members);
  }
  return groups;
}

void same_property_pairs(const std::vector<DetectClaim*>& members, Lookup& lookup,
                         LinkWriter& writer) {
  for (std::size_t i = 0; i < members.size(); ++i) {
    const std::size_t end = std::min(members.size(), i + 1 + group_window);
    for (std::size_t j = i + 1; j < end; ++j) {
      const Verdict v = compare_same_property(*members[i], *members[j], lookup);
      if (v.uncompared) writer.note(*members[i], *members[j], v);
      else writer.write(*members[i], *members[j], v);
    }
  }
  // Past the window, a claim is not compared with the claims further away
  // than group_window: said, not left out silently.
  const std::size_t n = members.size();
  if (n <= group_window + 1) return;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t before = std::min(i, group_window), after = std::min(n - 1 - i, group_window);
    const std::size_t skipped = n - 1 - before - after;
    if (skipped == 0) continue;
    const DetectClaim& first = i > group_window ? *members[0] : *members[i + group_window + 1];
    writer.note_window(*members[i], first, static_cast<std::int64_t>(skipped));
  }
}

void constraint_pairs(const std::vector<DetectClaim*>& left,
                      const std::vector<DetectClaim*>& right, const std::string& relation,
                      Lookup& lookup, LinkWriter& writer) {
  // The same cap as within a group: at most group_window^2 comparisons.
  std::size_t budget = group_window * group_window;
  for (const DetectClaim* a : left)
    for (const DetectClaim* b : right) {
      if (budget-- == 0) return;
      writer.write(*a, *b, compare_constraint(*a, *b, relation, lookup));
    }
}

}  // namespace

AnalystLinks::AnalystLinks(detail::Store& store) {
  for (const auto& l : store.analyst_links())
    pairs.emplace(std::min(l.from, l.to), std::max(l.from, l.to), l.kind);
}

void detect_entity(detail::Store& store, Lookup& lookup, std::vector<DetectClaim>& claims,
                   DetectSummary& summary, const AnalystLinks* analyst,
                   std::vector<detail::DetectLink>* sink,
                   std::vector<detail::UncomparedClaim>* notes) {
  LinkWriter writer(store, summary, analyst, sink);
  const auto groups = by_property(claims);
  summary.claims += static_cast<std::int64_t>(claims.size());
  summary.groups += static_cast<std::int64_t>(groups.size());
  for (const auto& [property, members] : groups) {
    if (lookup.property(property).value_type == ValueType::text) continue;
    // Group verdicts first: a (part, whole) pair of parts that sum to more
    // than the whole is that conflict, not a plain scope link.
    for (const auto& v : parts_exceeding_whole(members, lookup)) writer.write(*v.part, *v.whole, v.verdict);
    same_property_pairs(members, lookup, writer);
  }
  for (const auto& [property, members] : groups)
    for (const auto& [relation, other] : lookup.property(property).constraints) {
      auto it = groups.find(other);
      if (other == property || it == groups.end()) continue;
      constraint_pairs(members, it->second, relation, lookup, writer);
    }
  writer.flush_notes(notes);
}

detail::DetectMark mark(detail::Store& store) { return store.detect_mark(); }

DetectSummary detect_since(detail::Store& store, const detail::DetectMark& since) {
  const auto start = Clock::now();
  DetectSummary summary;
  const auto touched = store.groups_touched_since(since);
  if (touched.empty()) return summary;
  Lookup lookup(store);
  lookup.explain = false;  // links store kind and severity; listings explain
  // Whole constraint components of each touched group, per entity.
  std::map<RowId, std::set<RowId>> todo;
  for (const auto& [entity, property] : touched)
    for (RowId member : lookup.constraint_component(property)) todo[entity].insert(member);
  for (const auto& [entity, properties] : todo) {
    std::vector<DetectClaim> claims;
    for (RowId property : properties) {
      summary.removed += store.delete_detector_links(entity, property);
      auto group = store.detect_group(entity, property);
      std::move(group.begin(), group.end(), std::back_inserter(claims));
    }
    detect_entity(store, lookup, claims, summary);
  }
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace claimdb::detect
