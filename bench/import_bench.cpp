// claimdb-bench-import: claimdb's bulk import against a raw SQLite loader.
//
//   claimdb-bench-import [--claims 1000000] [--seed 1] [--input FILE] [--runs 3]
//                        [--dir DIR] [--keep]
//
// Writes (or reads) one JSON Lines corpus, then loads it into a fresh database
// file --runs times with each loader, alternating, each run in its own child
// process so that peak RSS is that loader's alone. Prints the median time,
// claims per second, peak RSS and the ratio of the two. See bench/README.md.
#include "corpus.hpp"
#include "raw_loader.hpp"

#include <claimdb/database.hpp>
#include <claimdb/io.hpp>

#include <CLI/CLI.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#ifndef CLAIMDB_SCHEMA_DIR
#error "CLAIMDB_SCHEMA_DIR must name the folder of schema/*.sql"
#endif

namespace {

namespace fs = std::filesystem;
using claimdb::bench::CorpusCounts;
using claimdb::bench::CorpusOptions;

// What one load reports back to the parent through a pipe.
struct RunResult {
  bool ok = false;
  double seconds = 0;       // wall time of the load
  double cpu_seconds = 0;   // user + system time of the whole child
  std::int64_t claims = 0;
  std::int64_t records = 0;
  long peak_rss_kb = 0;
  std::int64_t db_bytes = 0;
  char error[256] = {};
};

enum class Loader { claimdb, raw_sqlite };

const char* name_of(Loader loader) {
  return loader == Loader::claimdb ? "claimdb import_files" : "raw SQLite loader";
}

void remove_database(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    fs::remove(path + suffix, ignored);
  }
}

std::int64_t database_bytes(const std::string& path) {
  std::int64_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code error;
    auto size = fs::file_size(path + suffix, error);
    if (!error) total += static_cast<std::int64_t>(size);
  }
  return total;
}

// Runs in the child: one load into a fresh database.
RunResult load_once(Loader loader, const std::string& corpus, const std::string& db_path) {
  RunResult result;
  remove_database(db_path);
  try {
    auto start = std::chrono::steady_clock::now();
    if (loader == Loader::claimdb) {
      claimdb::Database db = claimdb::Database::open(db_path);
      // Loading only, like the baseline: detection is measured by its own
      // benchmark (claimdb-bench-detect), as `import --no-detect` + `detect`.
      claimdb::ImportOptions options;
      options.detect = false;
      claimdb::ImportSummary summary = claimdb::import_files(db, {corpus}, options);
      result.claims = summary.claims;
      result.records = summary.records();
    } else {
      claimdb::bench::RawLoadCounts counts =
          claimdb::bench::raw_sqlite_load(corpus, db_path, CLAIMDB_SCHEMA_DIR);
      result.claims = counts.claims;
      result.records = counts.records;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.ok = true;
  } catch (const std::exception& error) {
    std::snprintf(result.error, sizeof result.error, "%s", error.what());
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  result.peak_rss_kb = usage.ru_maxrss;
  auto seconds_of = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  result.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  result.db_bytes = database_bytes(db_path);
  return result;
}

// Forks, loads in the child, and returns what the child measured.
RunResult load_in_child(Loader loader, const std::string& corpus, const std::string& db_path) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::fflush(nullptr);
  pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    close(fds[0]);
    RunResult result = load_once(loader, corpus, db_path);
    ssize_t written = write(fds[1], &result, sizeof result);
    _exit(written == static_cast<ssize_t>(sizeof result) ? 0 : 1);
  }
  close(fds[1]);
  RunResult result;
  ssize_t got = read(fds[0], &result, sizeof result);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (got != static_cast<ssize_t>(sizeof result)) {
    result = RunResult{};
    std::snprintf(result.error, sizeof result.error, "child died (status %d)", status);
  }
  return result;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

long self_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  CorpusOptions corpus_options;
  corpus_options.claims = 1'000'000;
  std::string input;
  std::string dir = fs::temp_directory_path().string();
  int runs = 3;
  bool keep = false;

  CLI::App app{"Compare claimdb's JSON Lines import with a raw SQLite loader."};
  app.add_option("--claims", corpus_options.claims, "claims in the generated corpus")
      ->capture_default_str();
  app.add_option("--seed", corpus_options.seed, "corpus seed")->capture_default_str();
  app.add_option("--input", input, "load this JSON Lines file instead of generating one");
  app.add_option("--runs", runs, "loads per loader; the median is reported")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--dir", dir, "folder for the corpus and the database files")
      ->capture_default_str();
  app.add_flag("--keep", keep, "keep the corpus and databases afterwards");
  CLI11_PARSE(app, argc, argv);

  try {
    fs::create_directories(dir);
    const std::string stem = (fs::path(dir) / ("claimdb-bench-" + std::to_string(getpid()))).string();
    std::string corpus = input;
    if (corpus.empty()) {
      corpus = stem + ".jsonl";
      std::FILE* out = std::fopen(corpus.c_str(), "wb");
      if (!out) throw std::runtime_error("cannot write " + corpus);
      auto start = std::chrono::steady_clock::now();
      CorpusCounts counts = claimdb::bench::write_corpus(corpus_options, out);
      if (std::fclose(out) != 0) throw std::runtime_error("cannot write " + corpus);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("corpus: %lld claims, %lld records, %.1f MB, generated in %.2f s (%.0f claims/s)\n",
                  static_cast<long long>(counts.claims), static_cast<long long>(counts.lines - 1),
                  static_cast<double>(counts.bytes) / 1e6, seconds,
                  static_cast<double>(counts.claims) / seconds);
    } else {
      std::printf("corpus: %s, %.1f MB\n", corpus.c_str(),
                  static_cast<double>(fs::file_size(corpus)) / 1e6);
    }
    std::printf("runs: %d per loader, alternating, each in a fresh process and database\n", runs);
    std::printf("parent process peak RSS before forking: %.1f MB\n\n",
                static_cast<double>(self_rss_kb()) / 1024);
    std::fflush(stdout);

    const Loader loaders[] = {Loader::claimdb, Loader::raw_sqlite};
    std::vector<RunResult> results[2];
    for (int run = 0; run < runs; ++run) {
      for (int l = 0; l < 2; ++l) {
        const std::string db_path = stem + (l == 0 ? "-claimdb.db" : "-raw.db");
        RunResult result = load_in_child(loaders[l], corpus, db_path);
        if (!result.ok) {
          std::fprintf(stderr, "%s failed: %s\n", name_of(loaders[l]), result.error);
          return 1;
        }
        std::printf("  run %d  %-22s %8.2f s wall %8.2f s cpu %10.0f claims/s %7.1f MB RSS\n",
                    run + 1, name_of(loaders[l]), result.seconds, result.cpu_seconds,
                    static_cast<double>(result.claims) / result.seconds,
                    static_cast<double>(result.peak_rss_kb) / 1024);
        std::fflush(stdout);
        results[l].push_back(result);
        if (!keep || run + 1 < runs) remove_database(db_path);
      }
    }

    // Medians over the runs. Wall time is what a user waits for; CPU time is
    // steadier on a shared machine, so both are shown.
    double rate[2], cpu_rate[2];
    std::printf("\n%-22s %9s %11s %9s %11s %9s %12s %8s\n", "loader", "claims", "claims/s",
                "wall s", "cpu claims/s", "cpu s", "peak RSS MB", "db MB");
    for (int l = 0; l < 2; ++l) {
      std::vector<double> seconds, cpu, rss;
      for (const RunResult& r : results[l]) {
        seconds.push_back(r.seconds);
        cpu.push_back(r.cpu_seconds);
        rss.push_back(static_cast<double>(r.peak_rss_kb) / 1024);
      }
      const RunResult& last = results[l].back();
      const double claims = static_cast<double>(last.claims);
      rate[l] = claims / median(seconds);
      cpu_rate[l] = claims / median(cpu);
      std::printf("%-22s %9lld %11.0f %9.2f %11.0f %9.2f %12.1f %8.1f\n", name_of(loaders[l]),
                  static_cast<long long>(last.claims), rate[l], median(seconds), cpu_rate[l],
                  median(cpu), median(rss), static_cast<double>(last.db_bytes) / 1e6);
    }
    std::printf("\nclaimdb / raw SQLite throughput: %.3f wall (%.1fx slower), %.3f cpu (%.1fx slower)\n",
                rate[0] / rate[1], rate[1] / rate[0], cpu_rate[0] / cpu_rate[1],
                cpu_rate[1] / cpu_rate[0]);
    // Marked lines for bench/run's summary.
    std::printf("RESULT import claims/s, claimdb (median wall) | %.0f\n", rate[0]);
    std::printf("RESULT import claims/s, raw SQLite loader (median wall) | %.0f\n", rate[1]);
    std::printf("RESULT import ratio claimdb / raw SQLite (target >= 0.8) | %.2f wall, %.2f cpu\n",
                rate[0] / rate[1], cpu_rate[0] / cpu_rate[1]);
    if (!keep && input.empty()) fs::remove(corpus);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "claimdb-bench-import: %s\n", error.what());
    return 1;
  }
  return 0;
}
