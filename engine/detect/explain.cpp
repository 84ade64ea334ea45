// Deriving a detector link's relation and explanation from its two claims.
#include "detect/explain.hpp"

namespace claimdb::detect {

Explainer::Group& Explainer::group(RowId entity, RowId property) {
  auto& slot = groups_[{entity, property}];
  if (slot) return *slot;
  slot = std::make_unique<Group>();
  slot->claims = store_.detect_group(entity, property);
  std::vector<DetectClaim*> members, current;
  for (auto& c : slot->claims) {
    members.push_back(&c);
    if (!c.superseded && !c.retracted) current.push_back(&c);
  }
  mark_repeats(members);
  slot->parts = parts_exceeding_whole(current, lookup_);
  for (const auto& c : slot->claims) {
    by_id_.emplace(c.id, &c);
    by_slug_.emplace(c.slug, &c);
  }
  return *slot;
}

const DetectClaim* Explainer::claim(RowId id) {
  if (auto it = by_id_.find(id); it != by_id_.end()) return it->second;
  return with_group(store_.detect_claim(id));
}

const DetectClaim* Explainer::claim(const std::string& slug) {
  if (auto it = by_slug_.find(slug); it != by_slug_.end()) return it->second;
  return with_group(store_.detect_claim(slug));
}

const DetectClaim* Explainer::with_group(const std::optional<DetectClaim>& found) {
  if (!found) return nullptr;
  group(found->entity, found->property);
  auto it = by_id_.find(found->id);
  return it == by_id_.end() ? nullptr : it->second;
}

Verdict Explainer::explain(const DetectClaim& a, const DetectClaim& b) {
  Verdict v = compare_any(a, b, lookup_);
  // The detector writes a group's parts-exceed-whole verdict in place of the
  // pair's own reading (a scope link between a part and its whole).
  if (a.entity == b.entity && a.property == b.property && !a.superseded && !a.retracted &&
      !b.superseded && !b.retracted) {
    for (const auto& p : group(a.entity, a.property).parts)
      if ((p.part->id == a.id && p.whole->id == b.id) || (p.part->id == b.id && p.whole->id == a.id))
        return p.verdict;
  }
  return v;
}

}  // namespace claimdb::detect
