// Conflict detection at scale: full detection (detect_all) over generated
// corpora, next to the naive SQL self-join a user would write in the sqlite3
// shell, measured on the same file in the same run; and the median cost of
// incremental detection per imported claim on the largest corpus.
//
//   claimdb-bench-detect [--runs R] [--incremental N] [--reuse] CORPUS.jsonl...
//
// Give corpora of growing size (e.g. 250k, 500k, 1M claims from
// `bench/generate --claims N --seed 7`); each is bulk-imported (without
// detection) into a fresh database beside it (DB = CORPUS.db), or with
// --reuse into the one already there. Each figure is the median of R runs
// (default 3) of detect_all and of the self-join, alternating.
#include <claimdb/claimdb.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The query a user would write: every pair of claims on the same entity and
// property whose intervals do not meet.
constexpr const char* naive_join =
    "SELECT count(*) FROM claims a JOIN claims b ON a.entity = b.entity AND "
    "a.property = b.property AND a.id < b.id "
    "WHERE a.has_interval AND b.has_interval AND (a.hi < b.lo OR b.hi < a.lo)";

double naive_seconds(const std::string& path, long long& pairs) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  const auto start = Clock::now();
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, naive_join, -1, &q, nullptr);
  if (sqlite3_step(q) == SQLITE_ROW) pairs = sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  const double took = seconds_since(start);
  sqlite3_close(db);
  return took;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

struct Row {
  std::string corpus;
  long long claims = 0;
  double detect = 0, naive = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> corpora;
  int incremental = 200, runs = 3;
  bool reuse = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--incremental" && i + 1 < argc) incremental = std::stoi(argv[++i]);
    else if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::stoi(argv[++i]));
    else if (arg == "--reuse") reuse = true;
    else corpora.push_back(arg);
  }
  if (corpora.empty()) {
    std::fprintf(stderr,
                 "usage: claimdb-bench-detect [--runs R] [--incremental N] [--reuse] CORPUS.jsonl...\n");
    return 2;
  }
  std::vector<Row> rows;
  std::string largest_db;
  for (const auto& corpus : corpora) {
    const std::string path = corpus + ".db";
    const bool fresh = !reuse || !std::filesystem::exists(path);
    if (fresh)
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    try {
      claimdb::Database db = claimdb::Database::open(path);
      if (fresh) {
        claimdb::ImportOptions bulk;
        bulk.detect = false;  // detect_all below does the whole corpus at once
        const auto s = claimdb::import_files(db, {corpus}, bulk);
        std::fprintf(stderr, "%s: imported %lld claims in %.1f s\n", corpus.c_str(),
                     (long long)s.claims, s.seconds);
      }
      std::vector<double> detect, naive;
      claimdb::DetectSummary d;
      long long pairs = 0;
      for (int run = 0; run < runs; ++run) {
        d = claimdb::detect_all(db);
        detect.push_back(d.seconds);
        naive.push_back(naive_seconds(path, pairs));
        std::fprintf(stderr, "  run %d: detect_all %.2f s (%lld links, %lld contradictions); "
                     "naive self-join %.2f s (%lld pairs)\n", run + 1, d.seconds, (long long)d.links,
                     (long long)d.contradictions, naive.back(), pairs);
      }
      Row row{corpus, d.claims, median(detect), median(naive)};
      rows.push_back(row);
      largest_db = path;
    } catch (const claimdb::Error& e) {
      std::fprintf(stderr, "%s: %s\n", corpus.c_str(), e.what());
      return 1;
    }
  }
  std::printf("%-40s %10s %12s %8s %14s %10s\n", "corpus", "claims", "detect (s)", "growth",
              "self-join (s)", "join/detect");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    char growth[32] = "-";
    if (i > 0) std::snprintf(growth, sizeof growth, "%.2fx", rows[i].detect / rows[i - 1].detect);
    std::printf("%-40s %10lld %12.2f %8s %14.2f %10.3f\n", rows[i].corpus.c_str(), rows[i].claims,
                rows[i].detect, growth, rows[i].naive, rows[i].naive / rows[i].detect);
  }
  // Marked lines for bench/run's summary.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::printf("RESULT full detection, %lld claims (target 1M <= 3 s) | %.2f s (self-join %.2f s)", rows[i].claims,
                rows[i].detect, rows[i].naive);
    if (i > 0) std::printf(", growth %.2fx (target <= 2.3x)", rows[i].detect / rows[i - 1].detect);
    std::printf("\n");
  }

  // Incremental: import one claim at a time into the largest database,
  // each import running detection on the groups it touches.
  if (incremental <= 0) return 0;
  claimdb::Database db = claimdb::Database::open(largest_db);
  const auto existing = db.list_claims({.limit = incremental});
  std::vector<double> costs;
  // Unique per run, so that --reuse can run again on the same database.
  const std::string tag = std::to_string(Clock::now().time_since_epoch().count());
  for (std::size_t i = 0; i < existing.size(); ++i) {
    const claimdb::Claim& c = existing[i];
    const std::string id = "bench-incremental-" + tag + "-" + std::to_string(i);
    std::string doc = R"({"claims": [{"id": ")" + id + R"(", "claimant": ")" + c.claimant +
                      R"(", "entity": ")" + c.entity + R"(", "property": ")" + c.property +
                      R"(", "value": ")" + c.value.phrase + R"("}]})";
    const auto start = Clock::now();
    try {
      claimdb::import_text(db, doc, "one.json", false);
    } catch (const claimdb::Error&) {
      continue;  // a phrase needing its claim's unit; skip it
    }
    costs.push_back(seconds_since(start));
  }
  if (!costs.empty()) {
    std::printf("incremental: median %.3f ms per imported claim (%zu one-claim imports into %s)\n",
                median(costs) * 1000, costs.size(), largest_db.c_str());
    std::printf("RESULT incremental detection, median per imported claim | %.3f ms\n", median(costs) * 1000);
  }
  return 0;
}
