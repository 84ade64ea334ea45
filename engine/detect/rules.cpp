// The conflict rules of DESIGN.md ("What counts as a conflict"), one pair at
// a time, each verdict with its one-sentence explanation.
#include "detect/rules.hpp"

#include <claimdb/error.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace claimdb::detect {

namespace {

// ---- Text ------------------------------------------------------------------

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// The numbers and sides of explanations are left empty when the lookup's
// run does not explain (a detection run stores only kinds and severities).
std::string number(double value, const Lookup& lookup) {
  if (!lookup.explain) return {};
  Interval point;
  point.lo = value;
  point.hi = value;
  return format_interval(point);
}

// "20%", or "<1%" for a small but non-zero share.
std::string percent(double share, const Lookup& lookup) {
  if (!lookup.explain) return {};
  if (share > 0 && share < 0.005) return "<1%";
  char text[32];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100);
  return text;
}

// The unit as a reader would say it after a number: "drones", "percent", "m".
std::string unit_label(const std::string& unit, const QuantityReader& reader) {
  if (unit.empty()) return {};
  std::string kind;
  try {
    kind = reader.canonical_unit(unit).kind;
  } catch (const Error&) {
    kind = "count";
  }
  if (kind != "count" || unit.back() == 's') return unit;
  if (unit == "person") return "people";
  if (unit.size() > 1 && unit.back() == 'y' && std::string("aeiou").find(unit[unit.size() - 2]) == std::string::npos)
    return unit.substr(0, unit.size() - 1) + "ies";
  return unit + "s";
}

// The same, looked up once per unit and run.
const std::string& unit_label(const std::string& unit, Lookup& lookup) {
  auto it = lookup.unit_labels.find(unit);
  if (it == lookup.unit_labels.end())
    it = lookup.unit_labels.emplace(unit, unit_label(unit, lookup.reader())).first;
  return it->second;
}

// " (valid 2025-01-01T10:00:00Z to 2025-01-01T12:00:00Z)", or "" without a window.
std::string window_text(const DetectClaim& c) {
  if (c.valid_from.empty() && c.valid_to.empty()) return {};
  if (c.valid_to.empty()) return " (valid from " + c.valid_from + ")";
  if (c.valid_from.empty()) return " (valid until " + c.valid_to + ")";
  return " (valid " + c.valid_from + " to " + c.valid_to + ")";
}

std::string place_text(RowId place, Lookup& lookup);

// `russia-gov: "nearly 200" -> [180, 200) drones`, and ` in kyiv` for a
// claim with a place (unless the sentence names the places itself).
std::string quantity_side(const DetectClaim& c, Lookup& lookup, const std::string& prefix = {},
                          bool with_place = true) {
  if (!lookup.explain) return {};
  std::string out = lookup.source_name(c.claimant);
  out += ": ";
  out += prefix;
  out += quoted(c.phrase);
  if (c.interval) {
    out += " -> ";
    out += format_interval(*c.interval);
  }
  const bool one = c.interval && c.interval->lo == 1.0 && c.interval->hi == 1.0;
  const std::string& unit = one ? c.unit : unit_label(c.unit, lookup);
  if (!unit.empty()) {
    out += ' ';
    out += unit;
  }
  if (with_place && c.place != 0) {
    out += ' ';
    out += place_text(c.place, lookup);
  }
  out += window_text(c);
  return out;
}

std::string place_text(RowId place, Lookup& lookup) {
  return place == 0 ? std::string("overall") : "in " + lookup.place_name(place);
}

// ---- Times -----------------------------------------------------------------

// Canonical times compare as text once a date is widened to its first or last second.
std::string start_key(const std::string& t) { return t.size() == 10 ? t + "T00:00:00Z" : t; }
std::string end_key(const std::string& t) { return t.size() == 10 ? t + "T23:59:59Z" : t; }

// Whether window a ends before window b begins. Windows are half-open,
// [from, to): 10:00-12:00 and 12:00-14:00 only touch. A one-instant window
// (from == to) is the instant itself, inside any window that holds it.
bool ends_before(const DetectClaim& a, const DetectClaim& b) {
  if (a.valid_to.empty() || b.valid_from.empty()) return false;
  const std::string end = end_key(a.valid_to), start = start_key(b.valid_from);
  const bool instant = !a.valid_from.empty() && start_key(a.valid_from) == end;
  return instant ? end < start : end <= start;
}

bool windows_overlap(const DetectClaim& a, const DetectClaim& b) {
  return !ends_before(a, b) && !ends_before(b, a);
}

// ---- Intervals -------------------------------------------------------------

// Whether every value of `low` lies below every value of `high`.
bool entirely_below(const Interval& low, const Interval& high) {
  return disjoint(low, high) && low.hi && high.lo && *low.hi <= *high.lo;
}

// Equal up to rounding in a unit conversion.
bool same_bound(const std::optional<double>& x, const std::optional<double>& y) {
  if (!x || !y) return !x && !y;
  return std::fabs(*x - *y) <= 1e-9 * std::max({1.0, std::fabs(*x), std::fabs(*y)});
}

bool same_interval(const Interval& x, const Interval& y) {
  return same_bound(x.lo, y.lo) && same_bound(x.hi, y.hi) && x.lo_open == y.lo_open &&
         x.hi_open == y.hi_open;
}

double severity_of(double distance, const Interval& x, const Interval& y) {
  const double larger = std::max(magnitude(x), magnitude(y));
  return larger > 0 ? std::min(1.0, distance / larger) : 1.0;
}

// The place value of a point's last non-zero digit: 10000 for 2,480,000,
// 100000 for 2,500,000 ("2.5 million"), 0.1 for 2.5; 0 for zero, for a value
// with more than six decimals (a converted figure has no stated precision)
// and for anything but a finite closed point.
double rounding_of(const Interval& x) {
  if (!x.lo || !x.hi || x.lo_open || x.hi_open || *x.lo != *x.hi) return 0;
  const double v = std::fabs(*x.lo);
  if (!(v > 0) || !std::isfinite(v)) return 0;
  for (double step = std::pow(10.0, std::floor(std::log10(v))); step >= 1e-6; step /= 10) {
    const double units = v / step;
    if (std::fabs(units - std::round(units)) <= 1e-9 * std::max(1.0, units)) return step;
  }
  return 0;
}

// The share two figures may differ by and still count as one figure rounded
// differently (docs/detection.md, "Relays and rounding").
constexpr double rounding_tolerance = 0.05;

// When two exact figures differ only by rounding (the finer one rounds to the
// coarser one at the coarser one's precision, and they differ by at most
// rounding_tolerance of the larger), the coarser figure's step; else nullopt.
// "2.48 million" and "2.5 million": 2.48 million rounds to 2.5 at 100,000.
std::optional<double> rounding_step(const Interval& x, const Interval& y) {
  const double sx = rounding_of(x), sy = rounding_of(y);
  if (sx == 0 || sy == 0 || *x.lo == *y.lo) return std::nullopt;
  const double coarse = std::max(sx, sy);
  if (sx == sy) return std::nullopt;  // equal precision: different figures, not one rounded
  // The coarser figure must carry two significant digits or more: "20" or
  // "300,000" say too little about how they were rounded.
  const double coarse_value = std::fabs(sx > sy ? *x.lo : *y.lo);
  if (coarse_value / coarse < 10 - 1e-9) return std::nullopt;
  const double difference = std::fabs(*x.lo - *y.lo);
  const double larger = std::max(std::fabs(*x.lo), std::fabs(*y.lo));
  if (difference > coarse / 2 * (1 + 1e-9) || difference > rounding_tolerance * larger) return std::nullopt;
  return coarse;
}

// A phrase's vagueness as an interval: bounded on both sides, of positive
// width, above zero (so not a bound such as "more than 600", "up to 50" or
// "fewer than 50", and not an exact figure).
double vagueness(const Interval& x) {
  if (!x.lo || !x.hi || *x.lo <= 0 || !(*x.hi > *x.lo)) return 0;
  return *x.hi - *x.lo;
}

// Two vague figures that miss each other by less than half the width of the
// narrower one ("about 500" = [450, 550] against "nearly 450" = [405, 450)).
bool near_miss(const Interval& x, const Interval& y, double distance) {
  const double vx = vagueness(x), vy = vagueness(y);
  if (vx == 0 || vy == 0) return false;
  return distance < std::min(vx, vy) / 2;
}

// b's interval in a's unit; nullopt when the units measure different things.
std::optional<Interval> in_unit_of(const DetectClaim& a, const DetectClaim& b, Lookup& lookup) {
  if (a.unit == b.unit) return *b.interval;
  try {
    return lookup.reader().convert(*b.interval, b.unit, a.unit);
  } catch (const Error&) {
    return std::nullopt;
  }
}

Verdict not_comparable(std::string relation, std::string explanation) {
  return Verdict{false, "", std::move(relation), std::nullopt, std::move(explanation)};
}

Verdict compatible(std::string relation, std::string explanation) {
  return Verdict{true, "", std::move(relation), std::nullopt, std::move(explanation)};
}

Verdict linked(std::string kind, std::string relation, std::string explanation,
               std::optional<double> severity = std::nullopt) {
  return Verdict{true, std::move(kind), std::move(relation), severity, std::move(explanation)};
}

// ---- Scopes ----------------------------------------------------------------

enum class Scope { same, a_in_b, b_in_a, apart };

Scope scope_of(const DetectClaim& a, const DetectClaim& b, Lookup& lookup) {
  if (a.place == b.place) return Scope::same;
  if (lookup.inside(a.place, b.place)) return Scope::a_in_b;
  if (lookup.inside(b.place, a.place)) return Scope::b_in_a;
  return Scope::apart;
}

// ---- Quantities ------------------------------------------------------------

Verdict running_total(const DetectClaim& a, const DetectClaim& b, const Interval& ib,
                      const DetectProperty& p, Lookup& lookup) {
  // Order by as_of, never by when the claims were recorded.
  const bool a_first = start_key(a.as_of) < start_key(b.as_of);
  const DetectClaim& early = a_first ? a : b;
  const DetectClaim& late = a_first ? b : a;
  const Interval ie = a_first ? *a.interval : ib;
  const Interval il = a_first ? ib : *a.interval;
  const std::string from = quoted(early.phrase) + " (as of " + early.as_of + ")";
  const std::string to = quoted(late.phrase) + " (as of " + late.as_of + ")";
  if (!entirely_below(il, ie))
    return linked("update", "rising total",
                  p.slug + " rose from " + from + " to " + to + ": a running total, not a conflict");
  if (!lookup.informative(early) || !lookup.informative(late))
    return compatible("uninformative", p.slug + " from " + from + " to " + to +
                                           ": a vague word carries almost no information, not a conflict");
  const double distance = gap(ie, il);
  return linked("contradicts", "falling total",
                p.slug + " fell from " + from + " to " + to + ": a running total cannot fall; gap " +
                    number(distance, lookup) + " (" + percent(severity_of(distance, ie, il), lookup) + ")",
                severity_of(distance, ie, il));
}

Verdict part_and_whole(const DetectClaim& part, const DetectClaim& whole, const Interval& ip,
                       const Interval& iw, const DetectProperty& p, Lookup& lookup,
                       bool part_first) {
  const std::string sp = quantity_side(part, lookup, {}, false) + " " + place_text(part.place, lookup);
  const std::string sw = quantity_side(whole, lookup, {}, false) + " " + place_text(whole.place, lookup);
  const std::string sides = part_first ? sp + "; " + sw : sw + "; " + sp;
  const std::string part_name = lookup.place_name(part.place);
  // A later running total for the part may exceed an earlier one for the whole.
  const bool later_part = p.cumulative && !part.as_of.empty() && !whole.as_of.empty() &&
                          start_key(part.as_of) > start_key(whole.as_of);
  // Shares are not additive: a region's 60 percent may exceed the nation's 40.
  const bool additive = part.unit != "percent";
  if (additive && !later_part && entirely_below(iw, ip) && lookup.informative(part) &&
      lookup.informative(whole)) {
    const double distance = gap(ip, iw);
    return linked("contradicts", "part exceeds whole",
                  sides + "; part exceeds whole: " + part_name + " is inside " +
                      (whole.place == 0 ? std::string("the overall figure") : lookup.place_name(whole.place)) +
                      " but its figure is higher by " + number(distance, lookup) + " (" +
                      percent(severity_of(distance, ip, iw), lookup) + ")",
                  severity_of(distance, ip, iw));
  }
  const std::string whole_name =
      whole.place == 0 ? std::string("the overall figure") : lookup.place_name(whole.place);
  return linked("scope", "part within whole",
                sides + "; " + part_name + " is part of " + whole_name +
                    ": a regional figure within the whole, not a rival figure");
}

// Whether the part's time window lies within the whole's (an empty end is unbounded).
bool window_within(const DetectClaim& part, const DetectClaim& whole) {
  if (!whole.valid_from.empty() &&
      (part.valid_from.empty() || start_key(part.valid_from) < start_key(whole.valid_from)))
    return false;
  if (!whole.valid_to.empty() &&
      (part.valid_to.empty() || end_key(part.valid_to) > end_key(whole.valid_to)))
    return false;
  return true;
}

// A figure that can be added up: asserted, informative, not a share.
bool additive(const DetectClaim& c, Lookup& lookup) {
  return c.interval && !c.denies && c.unit != "percent" && lookup.informative(c);
}

Verdict uncompared(Verdict v, int reason, bool blame_a, bool blame_b) {
  v.uncompared = reason;
  v.blame_a = blame_a;
  v.blame_b = blame_b;
  return v;
}

Verdict compare_quantities(const DetectClaim& a, const DetectClaim& b, Scope scope,
                           const DetectProperty& p, Lookup& lookup) {
  if (!a.interval || !b.interval) {
    const DetectClaim& unread = !a.interval ? a : b;
    return uncompared(compatible("no interval", lookup.explain ? unread.slug + ": " + quoted(unread.phrase) +
                                                    " was not read as a quantity (no interval), so it "
                                                    "cannot be compared" : std::string()),
                      2, !a.interval, !b.interval);
  }
  if (a.denies || b.denies)
    return uncompared(compatible("denied quantity", "a denied figure is not compared automatically"), 3,
                      a.denies, b.denies);
  const auto converted = in_unit_of(a, b, lookup);
  if (!converted)
    return uncompared(not_comparable("different units", quantity_side(a, lookup) + "; " + quantity_side(b, lookup) +
                                                            "; the units measure different things"),
                      1, true, true);
  const Interval ia = *a.interval, ib = *converted;
  if (scope == Scope::a_in_b) return part_and_whole(a, b, ia, ib, p, lookup, true);
  if (scope == Scope::b_in_a) return part_and_whole(b, a, ib, ia, p, lookup, false);

  const bool ordered = p.cumulative && !a.as_of.empty() && !b.as_of.empty() &&
                       start_key(a.as_of) != start_key(b.as_of);
  if (ordered) return running_total(a, b, ib, p, lookup);

  const std::string sides = quantity_side(a, lookup) + "; " + quantity_side(b, lookup);
  const bool informative = lookup.informative(a) && lookup.informative(b);
  if (a.claimant == b.claimant && a.unit == b.unit) {
    if (auto step = rounding_step(ia, ib))
      return linked("echo", "rounded",
                    lookup.explain ? sides + "; the same claimant's figure rounded differently: they differ by " +
                                         number(std::fabs(*ia.lo - *ib.lo), lookup) + ", within the rounding of " +
                                         quoted(*step == rounding_of(ia) ? a.phrase : b.phrase) + " (to the nearest " +
                                         number(*step, lookup) + "): an echo, not a contradiction"
                                   : std::string());
  }
  if (disjoint(ia, ib)) {
    if (!informative)
      return compatible("uninformative",
                        sides + "; disjoint, but a vague word like \"many\" carries almost no "
                                "information: not a conflict");
    const double distance = gap(ia, ib);
    const double severity = severity_of(distance, ia, ib);
    if (near_miss(ia, ib, distance))
      return linked("tension", "near miss",
                    sides + "; disjoint by " + number(distance, lookup) + " (" + percent(severity, lookup) +
                        "), less than the vagueness of either phrase: a near miss, not a contradiction",
                    severity);
    return linked("contradicts", "disjoint",
                  sides + "; disjoint, gap " + number(distance, lookup) + " (" + percent(severity, lookup) + ")",
                  severity);
  }
  if (a.claimant == b.claimant && same_interval(ia, ib))
    return linked("echo", "same claimant",
                  sides + "; the same claimant repeated: an echo, not independent support");
  if (a.claimant == b.claimant)
    return compatible("same claimant", sides + "; overlap, but one claimant is not independent support");
  if (!lookup.independent(a.claimant, b.claimant))
    return compatible("same affiliation", sides + "; overlap, but both claimants speak for " +
                                              lookup.affiliation(a.claimant) +
                                              ": not independent support");
  if (!informative)
    return compatible("overlap", sides + "; overlap, but a vague word carries almost no information");
  return linked("supports", "overlap", sides + "; overlap, independent claimants");
}

// ---- Categories and booleans -----------------------------------------------

std::string folded(const std::string& text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto first = out.find_first_not_of(" \t");
  const auto last = out.find_last_not_of(" \t");
  return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

std::string says(const DetectClaim& c, const DetectProperty& p, Lookup& lookup) {
  if (!lookup.explain) return {};
  return lookup.source_name(c.claimant) + window_text(c) + (c.denies ? " denies " : " says ") +
         p.slug + (c.place != 0 ? " " + place_text(c.place, lookup) : std::string()) + " is " + quoted(c.phrase);
}

Verdict agreement(const DetectClaim& a, const DetectClaim& b, const DetectProperty& p,
                  Lookup& lookup) {
  if (a.claimant == b.claimant)
    return linked("echo", "same claimant",
                  says(a, p, lookup) + ", again in another claim: an echo, not independent support");
  const std::string both = lookup.source_name(a.claimant) + window_text(a) + " and " +
                           lookup.source_name(b.claimant) + window_text(b) +
                           (a.denies ? " both deny " : " both say ") + p.slug +
                           (a.place != 0 ? " " + place_text(a.place, lookup) : std::string()) + " is " +
                           quoted(a.phrase);
  if (!lookup.independent(a.claimant, b.claimant))
    return compatible("same affiliation", both + "; both speak for " +
                                              lookup.affiliation(a.claimant) +
                                              ": not independent support");
  return linked("supports", "same value", both + "; independent claimants agree");
}

Verdict compare_categories(const DetectClaim& a, const DetectClaim& b, const DetectProperty& p,
                           Lookup& lookup) {
  const bool same_value = folded(a.phrase) == folded(b.phrase);
  if (same_value && a.denies != b.denies)
    return linked("contradicts", "asserts vs denies",
                  says(a, p, lookup) + "; " + says(b, p, lookup) + "; one asserts what the other denies",
                  1.0);
  if (same_value) return agreement(a, b, p, lookup);
  if (p.multi_valued)
    return compatible("multi-valued",
                      says(a, p, lookup) + "; " + says(b, p, lookup) +
                          "; multi-valued property: both can hold");
  if (a.denies || b.denies)
    return compatible("different values", says(a, p, lookup) + "; " + says(b, p, lookup) +
                                              "; denying one value does not contradict another");
  return linked("contradicts", "different values",
                says(a, p, lookup) + "; " + lookup.source_name(b.claimant) + window_text(b) +
                    " says " + quoted(b.phrase) + "; single-valued property, different values",
                1.0);
}

Verdict compare_booleans(const DetectClaim& a, const DetectClaim& b, const DetectProperty& p,
                         Lookup& lookup) {
  const bool truth_a = (a.phrase == "true") != a.denies;
  const bool truth_b = (b.phrase == "true") != b.denies;
  if (truth_a == truth_b) return agreement(a, b, p, lookup);
  const std::string relation = a.denies != b.denies ? "asserts vs denies" : "true vs false";
  return linked("contradicts", relation,
                says(a, p, lookup) + "; " + says(b, p, lookup) + "; " +
                    (a.denies != b.denies ? "one asserts what the other denies"
                                          : "one says true, the other false"),
                1.0);
}

// ---- Shared checks ---------------------------------------------------------

std::optional<Verdict> scope_or_time_apart(const DetectClaim& a, const DetectClaim& b, Scope scope,
                                           Lookup& lookup) {
  if (scope == Scope::apart)
    return not_comparable("different places", "different places: " + lookup.place_name(a.place) +
                                                  " and " + lookup.place_name(b.place) +
                                                  " do not overlap");
  if (!windows_overlap(a, b))
    return not_comparable("different times",
                          "different time windows: " + a.valid_from + ".." + a.valid_to + " and " +
                              b.valid_from + ".." + b.valid_to + " do not overlap");
  return std::nullopt;
}

// A repeat is one origin, not two: it never adds independent support, and a
// dispute with it is the dispute with the claim it repeats.
Verdict fold_repeats(const DetectClaim& a, const DetectClaim& b, Verdict v) {
  const DetectClaim* repeat = !b.repeat_of.empty() && b.repeat_of != a.slug ? &b
                              : !a.repeat_of.empty() && a.repeat_of != b.slug ? &a
                                                                              : nullptr;
  if (!repeat || (v.kind != "supports" && v.kind != "contradicts")) return v;
  const std::string note = repeat->slug + " repeats " + repeat->repeat_of + " (same claimant)";
  if (v.kind == "supports") {
    const auto cut = v.explanation.rfind("; ");
    return compatible("repeat", v.explanation.substr(0, cut) + "; compatible, but " + note +
                                    ": not independent support");
  }
  v.relation += ", repeat";
  v.explanation += "; " + note + ": the same dispute, not a second one";
  return v;
}

std::string value_key(const DetectClaim& c) {
  std::string key = std::to_string(c.claimant) + '\x1f' + std::to_string(c.place) + '\x1f' +
                    (c.denies ? "-" : "+") + '\x1f' + c.as_of + '\x1f' + c.valid_from + '\x1f' +
                    c.valid_to + '\x1f';
  if (c.interval) {
    // The exact bounds (not their rounded text): equal values only.
    const Interval& in = *c.interval;
    const double bounds[2] = {in.lo.value_or(-HUGE_VAL), in.hi.value_or(HUGE_VAL)};
    key.append(reinterpret_cast<const char*>(bounds), sizeof bounds);
    key += in.lo_open ? '(' : '[';
    key += in.hi_open ? ')' : ']';
    return key + c.unit;
  }
  return key + folded(c.phrase);
}

}  // namespace

Verdict compare_values(const DetectClaim& a, const DetectClaim& b, Lookup& lookup);

void mark_repeats(std::vector<DetectClaim*>& group) {
  std::unordered_map<std::string, const DetectClaim*> first;
  for (DetectClaim* c : group) {
    c->repeat_of.clear();
    if (c->superseded || c->retracted) continue;
    auto [it, inserted] = first.emplace(value_key(*c), c);
    if (!inserted) c->repeat_of = it->second->slug;
  }
}

std::vector<PartsVerdict> parts_exceeding_whole(const std::vector<DetectClaim*>& group,
                                                Lookup& lookup) {
  std::vector<PartsVerdict> out;
  if (group.size() < 3) return out;
  const DetectProperty& p = lookup.property(group.front()->property);
  if (p.value_type != ValueType::quantity) return out;
  // Additive figures by place; nothing to add up without two scoped places.
  std::unordered_map<RowId, std::vector<const DetectClaim*>> by_place;
  for (const DetectClaim* c : group)
    if (c->place != 0 && additive(*c, lookup)) by_place[c->place].push_back(c);
  if (by_place.size() < 2) return out;
  std::vector<RowId> places;
  for (const auto& [place, claims] : by_place) places.push_back(place);
  std::sort(places.begin(), places.end());
  // The same cap as for pairs: a pathological group costs at most this many checks.
  std::size_t budget = 2000 * 2000;

  struct Part {
    const DetectClaim* claim;
    Interval interval;  // in the whole's unit
  };
  for (const DetectClaim* whole : group) {
    if (!additive(*whole, lookup) || !whole->interval->hi) continue;
    const Interval iw = *whole->interval;
    // Per place inside the whole: the candidate with the smallest lower bound
    // (the earliest on a tie), so that every choice of figures exceeds it.
    std::vector<Part> candidates;
    for (RowId place : places) {
      if (!lookup.inside(place, whole->place)) continue;
      std::optional<Part> best;
      for (const DetectClaim* c : by_place[place]) {
        if (budget == 0) return out;
        --budget;
        if (!window_within(*c, *whole)) continue;
        if (p.cumulative && !c->as_of.empty() && !whole->as_of.empty() &&
            start_key(c->as_of) > start_key(whole->as_of))
          continue;
        const auto converted = in_unit_of(*whole, *c, lookup);
        if (!converted || !converted->lo) continue;
        if (entirely_below(iw, *converted)) continue;  // alone exceeds: a pair verdict
        if (!best || *converted->lo < *best->interval.lo) best = Part{c, *converted};
      }
      if (best) candidates.push_back(*best);
    }
    // Siblings only: drop a place inside another candidate place.
    std::vector<Part> parts;
    for (const Part& x : candidates) {
      bool nested = false;
      for (const Part& y : candidates) nested = nested || lookup.inside(x.claim->place, y.claim->place);
      if (!nested) parts.push_back(x);
    }
    if (parts.size() < 2) continue;
    std::sort(parts.begin(), parts.end(),
              [](const Part& x, const Part& y) { return x.claim->id < y.claim->id; });
    double sum = 0;
    bool open = false;
    for (const Part& part : parts) {
      sum += *part.interval.lo;
      open = open || part.interval.lo_open;
    }
    const double limit = *iw.hi;
    const bool level = std::fabs(sum - limit) <= 1e-9 * std::max({1.0, std::fabs(sum), std::fabs(limit)});
    if (!(level ? open || iw.hi_open : sum > limit)) continue;

    const double distance = level ? 0 : sum - limit;
    const double larger = std::max(sum, magnitude(iw));
    const double severity = larger > 0 ? std::min(1.0, distance / larger) : 1.0;
    std::string sides, names;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const DetectClaim& c = *parts[i].claim;
      sides += quantity_side(c, lookup, {}, false) + " " + place_text(c.place, lookup) + "; ";
      names += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + lookup.place_name(c.place);
    }
    sides += quantity_side(*whole, lookup, {}, false) + " " + place_text(whole->place, lookup);
    const std::string whole_name =
        whole->place == 0 ? std::string("the overall figure") : lookup.place_name(whole->place);
    const std::string unit = unit_label(whole->unit, lookup);
    std::string text = sides + "; parts exceed whole: " + names + " are parts of " + whole_name +
                       " but their figures sum to " + (open ? "more than " : "at least ") +
                       number(sum, lookup) + (unit.empty() ? "" : " " + unit) + ", above its " + number(limit, lookup);
    if (distance > 0) text += " by " + number(distance, lookup) + " (" + percent(severity, lookup) + ")";
    const Verdict verdict = linked("contradicts", "parts exceed whole", text, severity);
    for (const Part& part : parts) out.push_back(PartsVerdict{part.claim, whole, verdict});
  }
  return out;
}

Verdict compare_same_property(const DetectClaim& a, const DetectClaim& b, Lookup& lookup) {
  return fold_repeats(a, b, compare_values(a, b, lookup));
}

Verdict compare_values(const DetectClaim& a, const DetectClaim& b, Lookup& lookup) {
  const DetectProperty& p = lookup.property(a.property);
  const Scope scope = scope_of(a, b, lookup);
  if (auto apart = scope_or_time_apart(a, b, scope, lookup)) return *apart;
  switch (p.value_type) {
    case ValueType::quantity: return compare_quantities(a, b, scope, p, lookup);
    case ValueType::category:
    case ValueType::boolean:
      if (scope != Scope::same)
        return compatible("part and whole",
                          p.slug + " " + place_text(a.place, lookup) + " and " +
                              place_text(b.place, lookup) + ": a part and its whole may differ");
      return p.value_type == ValueType::boolean ? compare_booleans(a, b, p, lookup)
                                                : compare_categories(a, b, p, lookup);
    case ValueType::text: break;
  }
  return compatible("text", p.slug + " is a text property: no automatic verdict, only analyst links");
}

Verdict compare_constraint(const DetectClaim& a, const DetectClaim& b, const std::string& relation,
                           Lookup& lookup) {
  // Normalise to "low <= high" (or "<"), or "=".
  const bool swap = relation == ">=" || relation == ">";
  const DetectClaim& low = swap ? b : a;
  const DetectClaim& high = swap ? a : b;
  const bool strict = relation == "<" || relation == ">";
  const bool equal = relation == "=";
  const std::string low_property = lookup.property(low.property).slug;
  const std::string high_property = lookup.property(high.property).slug;
  const std::string rule = low_property + (equal ? " = " : strict ? " < " : " <= ") + high_property;

  const Scope scope = scope_of(low, high, lookup);
  if (auto apart = scope_or_time_apart(low, high, scope, lookup)) return *apart;
  if (equal ? scope != Scope::same : scope == Scope::b_in_a)
    return not_comparable("wider scope", rule + " cannot be checked: " + low_property + " " +
                                             place_text(low.place, lookup) + " covers more than " +
                                             high_property + " " + place_text(high.place, lookup));
  if (!low.as_of.empty() && !high.as_of.empty() && start_key(low.as_of) != start_key(high.as_of))
    return not_comparable("different as_of", rule + " cannot be checked: the figures are as of " +
                                                 low.as_of + " and " + high.as_of);
  if (!low.interval || !high.interval || low.denies || high.denies)
    return compatible("not checked", rule + ": only asserted figures are checked");
  const auto high_converted = in_unit_of(low, high, lookup);
  if (!high_converted)
    return not_comparable("different units", rule + " cannot be checked: the units measure different things");
  const Interval il = *low.interval, ih = *high_converted;
  const std::string sides = quantity_side(a, lookup, lookup.property(a.property).slug + " ") + "; " +
                            quantity_side(b, lookup, lookup.property(b.property).slug + " ");
  bool violated = false;
  double distance = 0;
  if (equal) {
    violated = disjoint(il, ih);
    distance = gap(il, ih);
  } else if (strict) {
    violated = il.lo && ih.hi && *il.lo >= *ih.hi;
    if (violated) distance = *il.lo - *ih.hi;
  } else {
    violated = entirely_below(ih, il);
    if (violated) distance = gap(il, ih);
  }
  if (violated && (!lookup.informative(low) || !lookup.informative(high)))
    return compatible("uninformative", sides + "; a vague word carries almost no information: " + rule +
                                           " is not judged violated on it");
  if (!violated) return compatible("constraint holds", sides + "; " + rule + " can hold");
  const double severity = severity_of(distance, il, ih);
  return fold_repeats(a, b, linked("contradicts", "constraint " + std::string(equal ? "=" : strict ? "<" : "<="),
                sides + "; violates " + rule + " by " + number(distance, lookup) + " (" + percent(severity, lookup) + ")",
                severity));
}

Verdict compare_any(const DetectClaim& first, const DetectClaim& second, Lookup& lookup) {
  const bool in_order = first.id <= second.id;
  const DetectClaim& a = in_order ? first : second;
  const DetectClaim& b = in_order ? second : first;
  if (a.id == b.id) return not_comparable("same claim", "a claim is not compared with itself");
  for (const DetectClaim* c : {&a, &b}) {
    if (c->superseded)
      return not_comparable("superseded", c->slug + " is superseded by a correction: only current claims are compared");
    if (c->retracted)
      return not_comparable("retracted", c->slug + " is retracted: only current claims are compared");
  }
  if (a.entity != b.entity)
    return not_comparable("different entities", "about different entities: " +
                                                    lookup.place_name(a.entity) + " and " +
                                                    lookup.place_name(b.entity));
  if (a.property == b.property) return compare_same_property(a, b, lookup);
  for (const auto& [relation, other] : lookup.property(a.property).constraints)
    if (other == b.property) return compare_constraint(a, b, relation, lookup);
  for (const auto& [relation, other] : lookup.property(b.property).constraints)
    if (other == a.property) return compare_constraint(b, a, relation, lookup);
  return not_comparable("different properties",
                        "different properties (" + lookup.property(a.property).slug + ", " +
                            lookup.property(b.property).slug + ") with no declared constraint");
}

}  // namespace claimdb::detect
