// The public detection API: detect_all, list_conflicts, explain_pair.
#include <claimdb/detect.hpp>

#include "detect/detector.hpp"

#include <chrono>
#include <optional>

namespace claimdb {

namespace {

// Listing and explaining only read; the store's cached statements need a
// non-const handle.
detail::Store& reading(const Database& db) { return const_cast<detail::Store&>(db.store()); }

detect::DetectClaim require_claim(detail::Store& store, const std::string& id) {
  auto claim = store.detect_claim(id);
  if (!claim) throw Error(ErrorCode::not_found, "unknown claim '" + id.substr(0, 80) + "'");
  return *claim;
}

// The claim with repeat_of set from its group, as the detector sees it.
detect::DetectClaim in_group(detail::Store& store, const detect::DetectClaim& claim) {
  auto group = store.detect_group(claim.entity, claim.property);
  std::vector<detect::DetectClaim*> members;
  for (auto& c : group) members.push_back(&c);
  detect::mark_repeats(members);
  for (const auto& c : group)
    if (c.id == claim.id) return c;
  return claim;
}

// The group verdict on a part and its whole when their group's parts sum to
// more than the whole (what the detector recorded for the pair).
std::optional<detect::Verdict> group_verdict(detail::Store& store, const detect::DetectClaim& a,
                                             const detect::DetectClaim& b, detect::Lookup& lookup) {
  if (a.entity != b.entity || a.property != b.property) return std::nullopt;
  auto group = store.detect_group(a.entity, a.property);
  std::vector<detect::DetectClaim*> members;
  for (auto& c : group)
    if (!c.superseded && !c.retracted) members.push_back(&c);
  for (const auto& v : detect::parts_exceeding_whole(members, lookup))
    if ((v.part->id == a.id && v.whole->id == b.id) || (v.part->id == b.id && v.whole->id == a.id))
      return v.verdict;
  return std::nullopt;
}

}  // namespace

DetectSummary detect_all(Database& db) {
  const auto start = std::chrono::steady_clock::now();
  detail::Store& store = db.store();
  DetectSummary summary;
  store.begin();
  try {
    store.detect_bulk_cache(true);
    // Every detector link is rewritten: maintaining links_from, links_to and
    // links_kind row by row (random inserts, and deletes before them) costs
    // more than sorting each once at the end.
    const auto indexes = store.drop_link_indexes();
    summary.removed = store.delete_detector_links();
    detect::Lookup lookup(store);
    const detect::AnalystLinks analyst(store);
    store.each_detect_entity([&](std::vector<detail::DetectClaim>& claims) {
      detect::detect_entity(store, lookup, claims, summary, &analyst);
    });
    store.create_link_indexes(indexes);
    store.commit();
    store.detect_bulk_cache(false);
  } catch (const Error&) {
    store.rollback();
    store.detect_bulk_cache(false);
    throw;
  } catch (const std::exception& e) {
    store.rollback();
    store.detect_bulk_cache(false);
    detail::rethrow_sqlite(e, "conflict detection failed");
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

std::vector<Conflict> list_conflicts(const Database& db, const ConflictFilter& filter) {
  detail::Store& store = reading(db);
  detect::Lookup lookup(store);
  detail::StoredLinkFilter query;
  query.entity = filter.entity;
  query.property = filter.property;
  query.source = filter.source;
  query.kind = filter.kind;
  query.min_severity = filter.min_severity;
  query.include_non_conflicts = filter.include_non_conflicts;
  std::vector<Conflict> out;
  try {
    for (const auto& link : store.conflict_links(query)) {
      auto a = store.detect_claim(link.from);
      auto b = store.detect_claim(link.to);
      if (!a || !b || a->superseded || a->retracted || b->superseded || b->retracted) continue;
      Conflict c;
      c.a = a->slug;
      c.b = b->slug;
      c.kind = link.kind;
      c.origin = link.origin;
      c.entity = lookup.place_name(a->entity);
      c.property = lookup.property(a->property).slug;
      c.property_b = lookup.property(b->property).slug;
      c.claimant_a = lookup.source_name(a->claimant);
      c.claimant_b = lookup.source_name(b->claimant);
      c.phrase_a = a->phrase;
      c.phrase_b = b->phrase;
      c.interval_a = a->interval;
      c.interval_b = b->interval;
      c.unit_a = a->unit;
      c.unit_b = b->unit;
      if (link.origin == "detector") {
        c.relation = link.relation;
        c.severity = link.severity.value_or(0);
        c.explanation = link.rationale;
      } else {
        // An analyst's link: the detector's own reading of the pair, when it
        // agrees, then the analyst's words.
        const detect::Verdict v = detect::compare_any(*a, *b, lookup);
        const bool agrees = v.kind == link.kind;
        c.relation = agrees ? v.relation : "analyst";
        c.severity = agrees ? v.severity.value_or(0) : 0;
        c.explanation = (agrees ? v.explanation + "; " : std::string()) + "analyst " + link.origin +
                        ": " + link.rationale;
        if (filter.min_severity > 0 && c.severity < filter.min_severity) continue;
      }
      out.push_back(std::move(c));
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, "cannot list conflicts");
  }
  return out;
}

Relation explain_pair(const Database& db, const std::string& a, const std::string& b) {
  detail::Store& store = reading(db);
  try {
    const auto first = in_group(store, require_claim(store, a));
    const auto second = in_group(store, require_claim(store, b));
    detect::Lookup lookup(store);
    detect::Verdict v = detect::compare_any(first, second, lookup);
    if (v.kind == "scope")
      if (auto group = group_verdict(store, first, second, lookup)) v = *group;
    Relation r;
    r.a = a;
    r.b = b;
    r.comparable = v.comparable;
    r.kind = !v.kind.empty() ? v.kind : v.comparable ? "compatible" : "not comparable";
    r.relation = v.relation;
    r.severity = v.severity.value_or(0);
    r.explanation = v.explanation;
    return r;
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, "cannot explain the pair");
  }
}

}  // namespace claimdb
