// bench/corpus.hpp: a synthetic, realistic claimdb corpus in JSON Lines.
//
// Shared by the `generate` tool and the import benchmark. The corpus models
// the reporting of a long war of drone and missile strikes: official bodies
// of each side, outlets that repeat them, monitors and analysts; events with
// places nested country > region > city; figures worded the way wire copy
// words them ("nearly 200", "more than 1,200", "hundreds", "roughly 40
// percent"); echoes through several outlets, rising casualty totals, city
// against national figures, corrections, and a controlled share of genuine
// contradictions. See bench/README.md for the shape in detail.
//
// Contract:
// - Output is a function of CorpusOptions alone: the same options give the
//   same bytes on every platform and standard library.
// - Memory does not grow with the number of claims (only with the number of
//   sources and places, about claims/200 and claims/1000).
// - Every line is one JSON object; references point at earlier lines.
#pragma once

#include <cstdint>
#include <cstdio>

namespace claimdb::bench {

struct CorpusOptions {
  // Exactly this many claim records. Default: 10,000.
  std::int64_t claims = 10'000;
  // Seed of every random choice. Default: 1.
  std::uint64_t seed = 1;
  // Share of disputable (entity, property) groups (quantity, single-valued
  // category, boolean) that carry a genuine contradiction: disjoint figures,
  // a different category, a denial, a city figure above the national one, or
  // an interception count above the launch count. In [0, 1]. Default: 0.1.
  double conflict_share = 0.1;
  // Verify, for every group, that consistent claims overlap and a conflict
  // group really holds a contradiction (counted in broken_groups). Slower.
  // Default: false.
  bool self_check = false;
};

// How many records of each kind were written.
struct CorpusCounts {
  std::int64_t sources = 0, entities = 0, properties = 0, reports = 0;
  std::int64_t claims = 0, links = 0, reviews = 0, retractions = 0;
  std::int64_t conflict_groups = 0;  // groups given a genuine contradiction
  std::int64_t groups = 0;           // all (entity, property) groups
  std::int64_t broken_groups = 0;    // groups failing the self-check
  std::int64_t lines = 0;            // all lines, header included
  std::int64_t bytes = 0;            // total bytes written
};

// Writes the corpus to out (which stays open). Throws std::invalid_argument
// for bad options and std::runtime_error when writing fails.
CorpusCounts write_corpus(const CorpusOptions& options, std::FILE* out);

}  // namespace claimdb::bench
