// Concurrent use of one database file by several claimdb processes: readers
// beside a writer never see "database is locked" and always see one
// committed state (before the import or after it, never a mix); a second
// writer waits for the first, and fails with exit 6 and a clear message only
// when it waited past the busy timeout.
#include "reliability/process_support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <atomic>
#include <filesystem>
#include <mutex>

using namespace claimdb::test;
namespace fs = std::filesystem;

namespace {

// What `claimdb stats --format json` says, as one comparable tuple.
using Counts = std::array<std::int64_t, 8>;

Counts parse_stats(const std::string& json) {
  const auto j = nlohmann::json::parse(json);
  return {j.at("sources").get<std::int64_t>(),    j.at("reports").get<std::int64_t>(),
          j.at("entities").get<std::int64_t>(),   j.at("properties").get<std::int64_t>(),
          j.at("claims").get<std::int64_t>(),     j.at("links").get<std::int64_t>(),
          j.at("reviews").get<std::int64_t>(),    j.at("retractions").get<std::int64_t>()};
}

std::int64_t count_lines(const std::string& text) {
  return static_cast<std::int64_t>(std::count(text.begin(), text.end(), '\n'));
}

bool mentions_lock(const std::string& err) {
  return err.find("locked") != std::string::npos || err.find("busy") != std::string::npos;
}

// One reader command and the two answers it may give.
struct Probe {
  std::vector<std::string> args;
  std::string before, after;  // the answer's digest before and after the import
  std::string (*digest)(const std::string& out);
};

std::string stats_digest(const std::string& out) {
  const Counts c = parse_stats(out);
  std::string text;
  for (auto n : c) text += std::to_string(n) + ",";
  return text;
}
std::string lines_digest(const std::string& out) { return std::to_string(count_lines(out)); }

}  // namespace

TEST_CASE("readers beside a writer see the state before or after the import, never locked") {
  TempDir dir;
  const int claims = static_cast<int>(
      env_number("CLAIMDB_CONCURRENCY_CLAIMS", under_sanitizer ? 1000 : 12000));
  const std::string base_jsonl = write_corpus(dir, "base.jsonl", "base", 300);
  const std::string big_jsonl = write_corpus(dir, "big.jsonl", "big", claims);
  const std::string db = dir.file("claims.db");
  REQUIRE(run_claimdb(dir, {"--db", db, "import", base_jsonl}).status == 0);

  std::vector<Probe> probes = {
      {{"stats", "--format", "json"}, "", "", stats_digest},
      {{"export", "--format", "jsonl"}, "", "", lines_digest},
      {{"query", "sources", "--format", "csv"}, "", "", lines_digest},
      {{"claims", "--format", "csv"}, "", "", lines_digest},
  };
  // The answers before, and after the same import into a copy.
  const std::string ref_db = dir.file("ref.db");
  copy_database(db, ref_db);
  REQUIRE(run_claimdb(dir, {"--db", ref_db, "import", big_jsonl}).status == 0);
  for (auto& p : probes) {
    auto args = p.args;
    args.insert(args.begin(), {"--db", db});
    const Run b = run_claimdb(dir, args);
    REQUIRE_MESSAGE(b.status == 0, b.err);
    p.before = p.digest(b.out);
    args[1] = ref_db;
    const Run a = run_claimdb(dir, args);
    REQUIRE_MESSAGE(a.status == 0, a.err);
    p.after = p.digest(a.out);
    REQUIRE(p.before != p.after);
  }

  const int readers = static_cast<int>(env_number("CLAIMDB_CONCURRENCY_READERS", 3));
  std::atomic<bool> writing{true};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::atomic<int> runs{0}, saw_before{0}, saw_after{0}, during_import{0};
  auto reader = [&](int index) {
    for (int round = 0;; ++round) {
      const bool still_writing = writing.load();
      const Probe& p = probes[static_cast<std::size_t>(index + round) % probes.size()];
      auto args = p.args;
      args.insert(args.begin(), {"--db", db});
      const Run r = run_claimdb(dir, args, "reader" + std::to_string(index));
      ++runs;
      if (still_writing) ++during_import;
      std::string problem;
      if (r.status != 0 || mentions_lock(r.err)) {
        problem = "exit " + std::to_string(r.status) + ": " + r.err;
      } else {
        const std::string d = p.digest(r.out);
        if (d == p.before)
          ++saw_before;
        else if (d == p.after)
          ++saw_after;
        else
          problem = "neither before (" + p.before + ") nor after (" + p.after + "): " + d;
      }
      if (!problem.empty()) {
        std::lock_guard<std::mutex> lock(failures_mutex);
        failures.push_back(p.args[0] + ": " + problem);
      }
      if (!still_writing) break;  // one more round after the writer ended
    }
  };

  const auto start = std::chrono::steady_clock::now();
  Child writer({"--db", db, "import", big_jsonl}, dir.file("writer.out"), dir.file("writer.err"));
  std::vector<std::thread> threads;
  for (int i = 0; i < readers; ++i) threads.emplace_back(reader, i);
  const int writer_status = writer.wait();
  const double import_seconds = seconds_since(start);
  writing = false;
  for (auto& t : threads) t.join();

  MESSAGE(readers << " readers ran " << runs.load() << " commands (" << during_import.load()
                  << " during a " << import_seconds << " s import): " << saw_before.load()
                  << " saw the state before, " << saw_after.load() << " after");
  CHECK_MESSAGE(writer_status == 0, read_file(dir.file("writer.err")));
  for (const auto& f : failures) CHECK_MESSAGE(false, f);
  CHECK(during_import.load() >= readers);
  CHECK(saw_before.load() > 0);
  CHECK(saw_after.load() > 0);
  CHECK(integrity(db) == "ok");
}

TEST_CASE("a second writer waits for the first, then succeeds") {
  TempDir dir;
  // Small enough that the first import ends well within the second's busy
  // timeout (10 s) even on a loaded machine.
  const int claims = static_cast<int>(
      env_number("CLAIMDB_CONCURRENCY_WRITER_CLAIMS", under_sanitizer ? 600 : 3000));
  const std::string first_jsonl = write_corpus(dir, "first.jsonl", "first", claims);
  const std::string second_jsonl = write_corpus(dir, "second.jsonl", "second", 50);
  const std::string db = dir.file("claims.db");
  REQUIRE(run_claimdb(dir, {"--db", db, "init"}).status == 0);

  const auto start = std::chrono::steady_clock::now();
  Child first({"--db", db, "import", first_jsonl}, dir.file("first.out"), dir.file("first.err"));
  // Let the first import take the write lock (it does so before reading its
  // input), then start the second while the first still runs.
  std::this_thread::sleep_for(std::chrono::milliseconds(under_sanitizer ? 300 : 100));
  const bool overlapped = !first.done();
  Child second({"--db", db, "import", second_jsonl}, dir.file("second.out"),
               dir.file("second.err"));
  // Both run to their end; note which ended first.
  double first_end = -1, second_end = -1;
  while (first_end < 0 || second_end < 0) {
    if (first_end < 0 && first.done()) first_end = seconds_since(start);
    if (second_end < 0 && second.done()) second_end = seconds_since(start);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const std::string second_err = read_file(dir.file("second.err"));
  MESSAGE("first import ended after " << first_end << " s, the second after " << second_end
                                      << " s");

  CHECK(overlapped);
  CHECK_MESSAGE(first.wait() == 0, read_file(dir.file("first.err")));
  CHECK_MESSAGE(second.wait() == 0, second_err);
  CHECK_FALSE(mentions_lock(second_err));
  // The second waited for the first's commit rather than interleaving.
  CHECK(second_end >= first_end);
  CHECK(count_rows(db, "SELECT count(*) FROM claims") == claims + 50);
  CHECK(integrity(db) == "ok");
}

TEST_CASE("a writer kept waiting past the busy timeout fails with exit 6 and changes nothing") {
  TempDir dir;
  const std::string small_jsonl = write_corpus(dir, "small.jsonl", "small", 50);
  const std::string extra_jsonl = write_corpus(dir, "extra.jsonl", "extra", 50);
  const std::string db = dir.file("claims.db");
  REQUIRE(run_claimdb(dir, {"--db", db, "import", small_jsonl}).status == 0);
  const std::string before = run_claimdb(dir, {"--db", db, "export"}).out;

  {
    // Another program holds the write lock (an open write transaction).
    SQLite::Database holder(db, SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");

    // Readers are not blocked by it.
    const Run stats = run_claimdb(dir, {"--db", db, "stats", "--format", "json"}, "stats");
    CHECK_MESSAGE(stats.status == 0, stats.err);
    CHECK(run_claimdb(dir, {"--db", db, "export"}).out == before);

    // A writer waits for the busy timeout (10 s), then gives up.
    const auto start = std::chrono::steady_clock::now();
    const Run blocked = run_claimdb(dir, {"--db", db, "import", extra_jsonl}, "blocked");
    const double waited = seconds_since(start);
    MESSAGE("the blocked import gave up after " << waited << " s: " << blocked.err);
    CHECK(blocked.status == 6);
    CHECK(waited >= 9.0);
    CHECK(blocked.err.rfind("claimdb: error: ", 0) == 0);
    CHECK(blocked.err.find("locked by another writer") != std::string::npos);
    CHECK(blocked.err.find(db) != std::string::npos);
    holder.exec("ROLLBACK");
  }
  CHECK(run_claimdb(dir, {"--db", db, "export"}).out == before);
  CHECK(run_claimdb(dir, {"--db", db, "import", extra_jsonl}).status == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM claims") == 100);
}
