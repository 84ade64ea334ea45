// claimdb/detect.hpp: automatic conflict detection that explains itself.
//
// The detector compares claims that are comparable (same entity and property,
// overlapping scopes and time windows, neither superseded nor retracted) and
// records what it finds as links with origin "detector":
//   contradicts  disjoint quantities, different values of a single-valued
//                category, asserts vs denies, a part exceeding its whole,
//                sibling parts summing to more than their whole (each part
//                linked to the whole), a falling running total, a violated
//                property constraint
//   supports     compatible values from independent, informative claims
//   update       a running total rising between earlier and later as_of times
//   scope        a part (a place inside another) within its whole
//   echo         the same claimant repeated (the same value, or the same
//                figure rounded differently: "2.48 million" and "2.5
//                million"): never independent support
//   tension      two vague figures that miss each other by less than their
//                vagueness ("about 500" and "nearly 450"): a near miss
// update, scope, echo and tension are recorded so a fact-checker sees why a
// pair is not a conflict; they are never listed as conflicts. A claim the
// detector could not compare with claims of its group (units that measure
// different things, a phrase with no interval, a denied figure) is recorded
// too, with the reason, and listed as kind `uncompared`.
//
// Every link carries a one-sentence explanation. Detector links are derived:
// detect_all recomputes them, an import recomputes the groups it touched, and
// both give the same links. Analyst links (any other origin) are never
// changed, and the detector does not add a link an analyst already made.
//
// Semantics: docs/detection.md and DESIGN.md, "What counts as a conflict".
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/model.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace claimdb {

// What one detection run did.
struct DetectSummary {
  std::int64_t groups = 0;         // (entity, property) groups compared
  std::int64_t claims = 0;         // claims read
  std::int64_t links = 0;          // detector links written
  std::int64_t contradictions = 0; // of which kind contradicts
  std::int64_t tensions = 0;       // of which kind tension (near misses)
  std::int64_t uncompared = 0;     // claims not compared with one or more claims of their group
  std::int64_t removed = 0;        // detector links deleted before recomputing
  double seconds = 0;              // wall time
};

// One link between two claims, with both sides spelled out. `a` is the
// earlier claim (the link's from), `b` the later.
struct Conflict {
  std::string a, b;              // claim ids
  std::string kind;              // contradicts, supports, update, scope, echo, tension, uncompared (or an analyst's kind)
  std::string relation;          // the rule's label, e.g. "disjoint", "part exceeds whole"
  double severity = 0;           // 0..1: gap / larger magnitude; 1 for category and polarity conflicts
  std::string explanation;       // one sentence a journalist could paste
  std::string origin;            // "detector" or the analyst's name
  std::string entity;            // the entity both claims are about
  std::string property, property_b;  // properties of a and b (differ for constraints)
  std::string claimant_a, claimant_b;
  std::string phrase_a, phrase_b;    // the values as said
  std::optional<Interval> interval_a, interval_b;  // quantities only
  std::string unit_a, unit_b;        // quantities only
};

// Which conflicts list_conflicts returns. Empty strings do not filter.
struct ConflictFilter {
  std::string entity;    // about this entity id
  std::string property;  // on this property id (either side)
  std::string source;    // with this claimant on either side
  std::string kind;      // only this kind (then non-conflict kinds need no include_non_conflicts)
  double min_severity = 0;             // only contradictions at least this severe (0..1)
  bool include_non_conflicts = false;  // also supports, update, scope, echo, tension, uncompared
};

// How two claims relate, as explain_pair sees them now.
struct Relation {
  std::string a, b;            // the claim ids, as given
  bool comparable = false;     // same entity, property (or a constraint), scopes overlap, both current
  std::string kind;            // contradicts, supports, update, scope, echo, tension, compatible, not comparable
  std::string relation;        // the rule's label
  double severity = 0;         // contradictions only
  std::string explanation;     // one sentence, also saying why not comparable
};

// Deletes every detector link and recomputes all, in one transaction.
// Throws Error (read_only, busy, ...); on failure nothing changes.
DetectSummary detect_all(Database& db);

// Detector links (and analyst links of kind contradicts, or of any kind with
// include_non_conflicts) matching the filter, ordered by entity, property and
// claim order. Claims that are now superseded or retracted are left out.
// With include_non_conflicts (or kind "uncompared"), then the claims the
// detector could not compare: kind "uncompared", relation the reason
// ("different units", "unreadable", "denied figure", "group too large"), `a` the claim and `b`
// the first claim of its group it could not be compared with.
std::vector<Conflict> list_conflicts(const Database& db, const ConflictFilter& filter = {});

// Explains any two claims. Throws Error(not_found) naming an unknown id.
Relation explain_pair(const Database& db, const std::string& a, const std::string& b);

}  // namespace claimdb
