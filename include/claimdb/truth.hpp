// claimdb/truth.hpp: truth discovery: which value is most likely, and which
// sources can be trusted.
//
// Claims are grouped as detection compares them: same entity, property,
// place and time scope (valid_from, valid_to), current only (neither
// superseded nor retracted), asserting (a denial backs no value). Properties
// that are multi-valued hold several true values at once and are left out. For each group a method picks the most likely
// value from the claims themselves, weighting each source by an estimated
// reliability that the method iterates to a fixed point. Every answer keeps
// the claims and sources behind it, those against it, the independent
// origins behind it and a one-sentence explanation.
//
// Quantities are intervals: the answer is a value some claim made, or (method
// `interval`) the intersection of the trusted claims compatible with it;
// never a point nobody said.
//
// Prior knowledge: seed reliabilities per source, and reviews. A claim
// reviewed with a false-type rating (is_false_rating in <claimdb/graph.hpp>)
// cannot be the answer; a claim reviewed with a true-type rating ("true",
// "mostly-true", "correct", "accurate") is the answer, with confidence 1.
//
// Methods, their references and assumptions: docs/truth.md.
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/model.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace claimdb {

// How truth discovery runs. Empty strings do not filter.
struct TruthOptions {
  // Only answer groups about this entity id / on this property id. The
  // reliabilities are estimated from every claim either way.
  std::string entity;
  std::string property;
  std::string method;    // one of truth_methods(); "" for the default
  // Seed reliability in (0, 1) per source id. An unknown source id is
  // refused with Error(not_found); a value outside (0, 1) with bad_input.
  std::map<std::string, double> priors;
  int max_iterations = 20;  // iterations of the iterative methods
};

// The most likely value of one comparable group.
struct TruthAnswer {
  std::string entity, property, place, valid_from, valid_to;
  ValueType value_type = ValueType::quantity;
  Value value;              // phrase (as said, or the intersection's bounds), interval and unit
  double confidence = 0;    // in [0, 1]
  double margin = 0;        // confidence minus the best other value's (0: a tie; 1 when alone and certain)
  std::vector<std::string> claims;            // claims supporting the value, sorted
  std::vector<std::string> sources;           // their claimants, sorted
  std::vector<std::string> dissent;           // claims of the group against it, sorted
  std::vector<std::string> dissent_sources;   // their claimants, sorted
  std::int64_t independent_origins = 0;       // origins behind the value (copiers and sides count once)
  std::int64_t alternatives = 0;              // other distinct values in the group
  bool reviewed = false;                      // a review fixed or excluded a value
  std::string method;
  std::string explanation;  // one sentence
};

// One source's estimated reliability.
struct SourceTrust {
  std::string source;
  double reliability = 0;    // in [0, 1] (sums: relative to the most trusted source)
  std::int64_t claims = 0;   // current claims it rests on
  std::int64_t agreed = 0;   // of which agree with the chosen answers
  std::vector<std::string> copies;  // sources it appears to copy, sorted
};

struct TruthResult {
  std::string method;
  std::vector<TruthAnswer> answers;  // by entity, property, place, valid_from, valid_to
  std::vector<SourceTrust> sources;  // sources with claims in the answered groups, by id
  // (claims and agreed count all their groups)
  int iterations = 0;
  double seconds = 0;
};

// The methods' names: vote, sums, truthfinder, accucopy, interval.
const std::vector<std::string>& truth_methods();
// The default method's name.
const char* default_truth_method() noexcept;

// Loads the current claims once and runs the method over every group.
// Throws Error(bad_input) for an unknown method or a prior outside (0, 1),
// Error(not_found) for a prior naming an unknown source.
TruthResult discover_truth(const Database& db, const TruthOptions& options = {});

}  // namespace claimdb
