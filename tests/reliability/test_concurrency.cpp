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
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  auto failed = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(failures_mutex);
    failures.push_back(what);
  };
  // Runs one probe; returns +1 for the state before, 2 for the state after,
  // 0 (and records why) for an error or a mix.
  auto probe = [&](int reader, const Probe& p) {
    auto args = p.args;
    args.insert(args.begin(), {"--db", db});
    const Run r = run_claimdb(dir, args, "reader" + std::to_string(reader));
    if (r.status != 0 || mentions_lock(r.err)) {
      failed(p.args[0] + ": exit " + std::to_string(r.status) + ": " + r.err);
      return 0;
    }
    const std::string d = p.digest(r.out);
    if (d == p.before) return 1;
    if (d == p.after) return 2;
    failed(p.args[0] + ": neither before (" + p.before + ") nor after (" + p.after + "): " + d);
    return 0;
  };
  // Each reader runs every probe once, all readers at the same time.
  auto every_reader_once = [&](std::atomic<int>& before, std::atomic<int>& after) {
    std::vector<std::thread> threads;
    for (int i = 0; i < readers; ++i)
      threads.emplace_back([&, i] {
        for (const Probe& p : probes) {
          const int seen = probe(i, p);
          if (seen == 1) ++before;
          if (seen == 2) ++after;
        }
      });
    for (auto& t : threads) t.join();
  };

  // The writer reads its input from a pipe that the test holds open: it takes
  // the write lock before reading, so until the pipe is closed the import is
  // known to be in progress, whatever the machine's speed.
  Child writer({"--db", db, "import", "-"}, dir.file("writer.out"), dir.file("writer.err"),
               /*stdin_pipe=*/true);
  REQUIRE_MESSAGE(wait_until([&] { return write_lock_held(db) || writer.done(); }),
                  "the writer never took the write lock");
  REQUIRE_MESSAGE(!writer.done(), read_file(dir.file("writer.err")));

  // 1. While the writer holds the lock, every reader answers, with the state before.
  std::atomic<int> held_before{0}, held_after{0};
  every_reader_once(held_before, held_after);

  // 2. Readers keep reading while the writer inserts and commits: each answer
  // is the state before or the state after, never a mix, never "locked".
  std::atomic<bool> writing{true};
  std::atomic<int> runs{0}, mid_before{0}, mid_after{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < readers; ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; writing.load(); ++round) {
        const int seen = probe(i, probes[static_cast<std::size_t>(i + round) % probes.size()]);
        ++runs;
        if (seen == 1) ++mid_before;
        if (seen == 2) ++mid_after;
      }
    });
  const auto start = std::chrono::steady_clock::now();
  writer.feed(read_file(big_jsonl));
  writer.close_stdin();
  const int writer_status = writer.wait();
  const double import_seconds = seconds_since(start);
  writing = false;
  for (auto& t : threads) t.join();

  // 3. Once the writer has ended, every reader sees the state after.
  std::atomic<int> ended_before{0}, ended_after{0};
  every_reader_once(ended_before, ended_after);

  MESSAGE(readers << " readers: " << held_before.load() << " answers while the lock was held; "
                  << runs.load() << " during a " << import_seconds << " s import ("
                  << mid_before.load() << " before, " << mid_after.load() << " after); "
                  << ended_after.load() << " after it ended");
  CHECK_MESSAGE(writer_status == 0, read_file(dir.file("writer.err")));
  for (const auto& f : failures) CHECK_MESSAGE(false, f);
  const int each_once = readers * static_cast<int>(probes.size());
  CHECK(held_before.load() == each_once);
  CHECK(held_after.load() == 0);
  CHECK(ended_after.load() == each_once);
  CHECK(ended_before.load() == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM claims") == 300 + claims);
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

  // The first import reads its input from a pipe the test holds open, and
  // takes the write lock before reading it: while the pipe is open, the
  // first writer is known to hold the lock.
  Child first({"--db", db, "import", "-"}, dir.file("first.out"), dir.file("first.err"),
              /*stdin_pipe=*/true);
  REQUIRE_MESSAGE(wait_until([&] { return write_lock_held(db) || first.done(); }),
                  "the first writer never took the write lock");
  REQUIRE_MESSAGE(!first.done(), read_file(dir.file("first.err")));

  // The second says it waits, and does.
  Child second({"--db", db, "import", second_jsonl}, dir.file("second.out"),
               dir.file("second.err"));
  const auto said_waiting = [&] {
    return read_file(dir.file("second.err")).find("waiting for another writer") !=
           std::string::npos;
  };
  REQUIRE_MESSAGE(wait_until([&] { return said_waiting() || second.done(); }),
                  "the second writer neither waited nor ended");
  CHECK_MESSAGE(!second.done(), read_file(dir.file("second.err")));
  CHECK(count_rows(db, "SELECT count(*) FROM claims") == 0);

  // The first gets its input and commits; then the second goes ahead.
  first.feed(read_file(first_jsonl));
  first.close_stdin();
  CHECK_MESSAGE(first.wait() == 0, read_file(dir.file("first.err")));
  CHECK_MESSAGE(second.wait() == 0, read_file(dir.file("second.err")));
  const std::string second_err = read_file(dir.file("second.err"));
  CHECK_FALSE(mentions_lock(second_err));
  CHECK(second_err.find("claimdb: waiting for another writer to finish with '" + db + "'") !=
        std::string::npos);
  CHECK(count_rows(db, "SELECT count(*) FROM claims") == claims + 50);
  // The second wrote after the first's commit, not interleaved with it.
  CHECK(count_rows(db, "SELECT max(id) FROM claims WHERE slug LIKE 'first-%'") <
        count_rows(db, "SELECT min(id) FROM claims WHERE slug LIKE 'second-%'"));
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
    CHECK(blocked.err.find("\nclaimdb: error: ") != std::string::npos);
    CHECK(blocked.err.find("locked by another writer") != std::string::npos);
    CHECK(blocked.err.find(db) != std::string::npos);
    CHECK(blocked.err.find("claimdb: waiting for another writer to finish with '" + db +
                           "' (at most 10 s)") == 0);
    holder.exec("ROLLBACK");
  }
  CHECK(run_claimdb(dir, {"--db", db, "export"}).out == before);
  CHECK(run_claimdb(dir, {"--db", db, "import", extra_jsonl}).status == 0);
  CHECK(count_rows(db, "SELECT count(*) FROM claims") == 100);
}
