// generate: writes a synthetic claimdb corpus as JSON Lines.
//
//   generate --claims 1000000 --seed 7 [--conflict-share 0.1] [-o FILE] [--stats]
//
// The output is a function of (claims, seed, conflict share) alone.
#include "corpus.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv) {
  claimdb::bench::CorpusOptions options;
  std::string output = "-";
  bool stats = false;

  CLI::App app{"Write a synthetic claimdb corpus as JSON Lines (deterministic per seed)."};
  app.add_option("--claims", options.claims, "number of claim records")
      ->required()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--seed", options.seed, "seed of every random choice")->capture_default_str();
  app.add_option("--conflict-share", options.conflict_share,
                 "share of disputable (entity, property) groups carrying a contradiction")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("-o,--output", output, "file to write, '-' for standard output")
      ->capture_default_str();
  app.add_flag("--stats", stats, "print record counts and speed to standard error");
  app.add_flag("--self-check", options.self_check,
               "verify that every group keeps its promise (consistent or contradicting)");
  CLI11_PARSE(app, argc, argv);

  std::FILE* out = stdout;
  if (output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "generate: cannot open %s for writing\n", output.c_str());
      return 1;
    }
  }
  try {
    auto start = std::chrono::steady_clock::now();
    claimdb::bench::CorpusCounts counts = claimdb::bench::write_corpus(options, out);
    if (std::fflush(out) != 0 || (out != stdout && std::fclose(out) != 0)) {
      throw std::runtime_error("write failed");
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (stats) {
      std::fprintf(stderr,
                   "sources %lld, entities %lld, properties %lld, reports %lld, claims %lld, "
                   "links %lld, reviews %lld, retractions %lld\n"
                   "groups %lld, with a contradiction %lld\n"
                   "%lld lines, %.1f MB in %.2f s: %.0f claims/s, %.0f MB/s\n",
                   static_cast<long long>(counts.sources), static_cast<long long>(counts.entities),
                   static_cast<long long>(counts.properties), static_cast<long long>(counts.reports),
                   static_cast<long long>(counts.claims), static_cast<long long>(counts.links),
                   static_cast<long long>(counts.reviews),
                   static_cast<long long>(counts.retractions),
                   static_cast<long long>(counts.groups),
                   static_cast<long long>(counts.conflict_groups),
                   static_cast<long long>(counts.lines), static_cast<double>(counts.bytes) / 1e6,
                   seconds, static_cast<double>(counts.claims) / seconds,
                   static_cast<double>(counts.bytes) / 1e6 / seconds);
    }
    if (counts.broken_groups > 0) {
      std::fprintf(stderr, "generate: self-check: %lld groups break their promise\n",
                   static_cast<long long>(counts.broken_groups));
      return 1;
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "generate: %s\n", error.what());
    return 1;
  }
  return 0;
}
