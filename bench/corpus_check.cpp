// The self-check: does every group keep the promise the generator made?
#include "corpus_model.hpp"

#include <algorithm>
#include <limits>

namespace claimdb::bench {
namespace {

// The common part of several intervals, tracked as its two ends.
struct Overlap {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false, hi_open = false;

  void meet(const Reading& r) {
    if (r.lo > lo || (r.lo == lo && r.lo_open)) {
      lo = r.lo;
      lo_open = r.lo_open;
    }
    if (r.hi < hi || (r.hi == hi && r.hi_open)) {
      hi = r.hi;
      hi_open = r.hi_open;
    }
  }
  bool empty() const { return lo > hi || (lo == hi && (lo_open || hi_open)); }
};

bool disjoint(const Reading& a, const Reading& b) {
  Overlap overlap;
  overlap.meet(a);
  overlap.meet(b);
  return overlap.empty();
}

// Claims are comparable here when they share place and as_of time.
bool same_scope(const ClaimDraft& a, const ClaimDraft& b) {
  return a.place == b.place && a.as_of == b.as_of;
}

bool check_quantities(const GroupPlan& group, const ClaimDraft* first, const ClaimDraft* last,
                      const std::string* country) {
  bool contradiction = false;
  for (const ClaimDraft* a = first; a != last; ++a) {
    for (const ClaimDraft* b = a + 1; b != last; ++b) {
      bool clash = false;
      if (same_scope(*a, *b)) {
        clash = disjoint(a->phrase.reading, b->phrase.reading);
      } else if (a->place && b->place && a->as_of == b->as_of && a->place != b->place) {
        // A city part above the national whole.
        const ClaimDraft& part = a->place == country ? *b : *a;
        const ClaimDraft& whole = a->place == country ? *a : *b;
        clash = part.phrase.reading.lo_open ? part.phrase.reading.lo >= whole.phrase.reading.hi
                                            : part.phrase.reading.lo > whole.phrase.reading.hi;
      }
      // A running total may rise between as_of times; a clash across times is
      // only a clash when the later figure is lower.
      if (clash) {
        if (!group.conflict && a->role != ClaimRole::conflict && b->role != ClaimRole::conflict) {
          if (a->as_of == b->as_of || a->place != b->place) return false;
          const ClaimDraft& earlier = a->as_of < b->as_of ? *a : *b;
          const ClaimDraft& later = a->as_of < b->as_of ? *b : *a;
          if (later.phrase.reading.hi < earlier.phrase.reading.lo) return false;
        }
        contradiction = true;
      }
    }
  }
  return group.conflict ? contradiction || group.property == World::property_index("drones_intercepted") ||
                              group.property == World::property_index("missiles_intercepted")
                        : true;
}

bool check_statements(const GroupPlan& group, const PropertyRow& property,
                      const ClaimDraft* first, const ClaimDraft* last) {
  std::string_view type = property.value_type;
  if (type == "text" || property.multi_valued) return true;
  bool differs = false;
  for (const ClaimDraft* c = first; c != last; ++c) {
    differs |= c->denies || c->phrase.text != first->phrase.text;
  }
  return differs == group.conflict;
}

}  // namespace

std::int64_t count_broken_groups(const World& world, const EventPlan& plan,
                                 const std::vector<ClaimDraft>& drafts) {
  std::int64_t broken = 0;
  const std::string* country =
      &world.places[static_cast<std::size_t>(world.country_place[static_cast<std::size_t>(plan.country)])].id;
  std::size_t start = 0;
  for (const GroupPlan& group : plan.groups) {
    const ClaimDraft* first = drafts.data() + start;
    const ClaimDraft* last = first + group.size;
    start += static_cast<std::size_t>(group.size);
    const PropertyRow& property = property_rows[static_cast<std::size_t>(group.property)];
    bool ok = std::string_view(property.value_type) == "quantity"
                  ? check_quantities(group, first, last, country)
                  : check_statements(group, property, first, last);
    broken += ok ? 0 : 1;
  }
  return broken;
}

}  // namespace claimdb::bench
