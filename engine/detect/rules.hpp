// Internal: the conflict rules, applied to one pair of claims.
//
// Pure decisions over DetectClaim rows; the names used in explanations and the
// place hierarchy come through a Lookup, which reads them lazily from the
// store and caches them (so an incremental run reads only what it needs).
#pragma once

#include "storage/store.hpp"

#include <claimdb/quantity.hpp>

#include <optional>
#include <string>
#include <unordered_map>

namespace claimdb::detect {

using detail::DetectClaim;
using detail::DetectProperty;
using detail::RowId;

// Names, places and properties, read on demand and cached for one run.
class Lookup {
 public:
  explicit Lookup(detail::Store& store);

  // Reads every source and place at once; from then on the lookup never asks
  // the store (an id it does not hold reads as unknown, as a missing row
  // would), so the rules may run on another thread than the store's reader.
  void preload();

  const DetectProperty& property(RowId id) const;
  const std::string& source_name(RowId id);
  const std::string& affiliation(RowId id);
  const std::string& place_name(RowId id);
  // Whether `part` lies strictly inside `whole` (walking part_of; 0 is the
  // unscoped whole, which contains every place).
  bool inside(RowId part, RowId whole);
  // Whether the claim's value carries information (not "many", "numerous").
  bool informative(const DetectClaim& claim);
  // The property ids joined to `id` by constraints, either way, including id.
  const std::vector<RowId>& constraint_component(RowId id) const;
  const QuantityReader& reader() const { return reader_; }
  // Whether verdicts carry their sentence. A detection run stores only the
  // kind and severity of each link and turns this off; listings keep it on.
  bool explain = true;
  // The unit as said after a number ("drones"), per unit, filled by the rules.
  std::unordered_map<std::string, std::string> unit_labels;
  // Whether the two claimants are independent: different sources, and not
  // sharing an affiliation (a command and its national parent both
  // "ukraine-gov" are one side; "independent" or none says nothing).
  bool independent(RowId a, RowId b);

 private:
  const detail::DetectSource& source(RowId id);
  const detail::DetectPlace& place(RowId id);

  detail::Store& store_;
  const QuantityReader& reader_;
  std::unordered_map<RowId, DetectProperty> properties_;
  std::unordered_map<RowId, std::vector<RowId>> components_;
  std::unordered_map<RowId, detail::DetectSource> sources_;
  std::unordered_map<RowId, detail::DetectPlace> places_;
  std::unordered_map<std::string, bool> informative_;
  bool preloaded_ = false;
};

// The outcome of comparing two claims.
struct Verdict {
  bool comparable = false;  // false: the explanation says why not
  std::string kind;         // contradicts, supports, update, scope, echo, tension; "" when compatible and unlinked
  std::string relation;     // the rule's short label
  std::optional<double> severity;
  std::string explanation;  // one sentence
  // Set when the pair could not be compared for a reason that is the claims'
  // own (detector_uncompared's codes: 1 different units, 2 unreadable, 3
  // denied figure), with which side is at fault (either, or both).
  int uncompared = 0;
  bool blame_a = false, blame_b = false;
};

// Marks each claim that repeats an earlier current claim of the same group
// (same claimant, place, polarity, as_of and value) with that claim's slug.
// `group` holds the claims of one (entity, property), in id order.
void mark_repeats(std::vector<DetectClaim*>& group);

// Sibling parts whose lower bounds sum to more than a whole's upper bound:
// claims in places strictly inside the whole's place (one figure per place,
// no place inside another), within the whole's time window, for the same
// entity and property. A part that alone exceeds the whole is left to
// compare_same_property. One verdict per (part, whole) pair of a violation.
// `group` holds the current claims of one (entity, property), in id order.
struct PartsVerdict {
  const DetectClaim* part = nullptr;
  const DetectClaim* whole = nullptr;
  Verdict verdict;
};
std::vector<PartsVerdict> parts_exceeding_whole(const std::vector<DetectClaim*>& group,
                                                Lookup& lookup);

// Two claims of the same entity and property; `a` is the earlier (by row id).
// Assumes both are current (not superseded or retracted).
Verdict compare_same_property(const DetectClaim& a, const DetectClaim& b, Lookup& lookup);

// Claims on two properties joined by a declared constraint `a.property
// <relation> b.property` (same entity). Only a violation is a verdict.
Verdict compare_constraint(const DetectClaim& a, const DetectClaim& b, const std::string& relation,
                           Lookup& lookup);

// Any two claims: says why they are not comparable, or applies the rules.
Verdict compare_any(const DetectClaim& a, const DetectClaim& b, Lookup& lookup);

}  // namespace claimdb::detect
