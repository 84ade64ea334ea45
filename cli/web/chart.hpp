// The range chart: every claim's figure for one entity and property drawn on
// one axis, one row per claim, coloured by camp.
//
// A closed end is a filled dot, an open end a hollow one, an unbounded end an
// arrow to the edge; a point value is one dot, a vague range a bar. Rows are
// grouped by place; a red cross marks a claim the detector found contradicted;
// the truth estimate of each group is a green band behind its rows. When the
// figures span two orders of magnitude or more (and are all positive) the
// axis is logarithmic.
#pragma once

#include <claimdb/claimdb.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace claimdb::cli::web {

struct ChartRow {
  std::string claim, claimant, place, phrase, unit;
  std::optional<Interval> interval;  // absent: the phrase was not read as a number
  int camp = -1;                     // 0 or 1 in a balanced dispute, -1 otherwise
  bool contradicted = false;         // a current contradiction names it
  bool denies = false;               // the claim denies the figure
  bool inactive = false;             // superseded or retracted
};

struct ChartBand {
  std::string place;   // the group's place ("" for unscoped)
  Interval interval;   // the most likely value
  std::string label;   // e.g. "474 (vote, confidence 0.67)"
};

struct Chart {
  std::string entity, property, unit;
  std::vector<ChartRow> rows;   // in drawing order: by place, then by value
  std::vector<ChartBand> truth; // at most one per place
};

struct ChartOptions {
  bool truth = true;  // weigh the groups (discover_truth) for the bands
  // What the caller already read for the entity (a page with several charts
  // reads them once): draw(graph, true) and its conflicts; null: read here.
  const Picture* picture = nullptr;
  const std::vector<Conflict>* conflicts = nullptr;
};

// The chart of one entity's claims on one property, from the database.
// Throws Error(not_found) for an unknown entity or property, bad_input when
// the property is not a quantity.
Chart load_chart(const Database& db, const std::string& entity, const std::string& property,
                 const ChartOptions& options = {});

// The chart as an SVG element (no XML prolog), self-contained: no scripts,
// no external fonts or images. claim_href gives the link of a claim's row
// ("" or none for no links).
std::string chart_svg(const Chart& chart, const std::function<std::string(const std::string&)>& claim_href = {});

}  // namespace claimdb::cli::web
