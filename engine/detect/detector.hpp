// Internal: running the detector over groups of claims, for detect_all and
// for the import's incremental pass.
#pragma once

#include "detect/rules.hpp"

#include <claimdb/detect.hpp>

#include <cstdint>
#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace claimdb::detect {

// Groups larger than this are compared within a sliding window: each claim
// with the `group_window` claims recorded just before it (by row id). Real
// disputes have tens of claims per (entity, property); the cap keeps a
// pathological group (a bulk-loaded series under one id) from costing n^2.
inline constexpr std::size_t group_window = 2000;

// Every analyst link, read once for a whole-database run: (from, to) with
// from < to, and the kind.
struct AnalystLinks {
  std::set<std::tuple<RowId, RowId, std::string>> pairs;
  explicit AnalystLinks(detail::Store& store);
  bool has(RowId a, RowId b, const std::string& kind) const {
    return !pairs.empty() && pairs.count({std::min(a, b), std::max(a, b), kind}) != 0;
  }
};

// Compares the claims of one entity (sorted by property, then id; any set
// of whole (entity, property) groups closed under constraints) and writes
// the links (into `sink` when given, else straight to the store), and the
// claims it could not compare with their group (into `notes` when given).
// Adds to `summary`. Without `analyst`, asks the store per pair.
void detect_entity(detail::Store& store, Lookup& lookup, std::vector<DetectClaim>& claims,
                   DetectSummary& summary, const AnalystLinks* analyst = nullptr,
                   std::vector<detail::DetectLink>* sink = nullptr,
                   std::vector<detail::UncomparedClaim>* notes = nullptr);

// The marks to take before an import.
detail::DetectMark mark(detail::Store& store);

// Recomputes the groups an import touched (claims after the mark, the
// groups of claims they supersede or retract, and the groups joined to them
// by constraints on the same entity). Runs inside the caller's transaction.
DetectSummary detect_since(detail::Store& store, const detail::DetectMark& mark);

}  // namespace claimdb::detect
