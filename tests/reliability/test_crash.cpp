// Crash safety: `claimdb import` of a large JSON Lines file killed with
// SIGKILL at random moments. After every kill the file passes SQLite's
// integrity check, the import is all or nothing, and what was committed
// before is intact (its export is byte for byte the same).
//
// Sizes scale down under AddressSanitizer; CLAIMDB_CRASH_CLAIMS,
// CLAIMDB_CRASH_TRIALS and CLAIMDB_CRASH_SEED override them.
#include "reliability/process_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>

using namespace claimdb::test;

TEST_CASE("an import killed with SIGKILL at random moments is all or nothing and loses nothing") {
  TempDir dir;
  const int claims = static_cast<int>(
      env_number("CLAIMDB_CRASH_CLAIMS", under_sanitizer ? 1000 : 12000));
  const int trials = static_cast<int>(std::max(20L, env_number("CLAIMDB_CRASH_TRIALS", 20)));
  const auto seed = static_cast<unsigned>(
      env_number("CLAIMDB_CRASH_SEED", static_cast<long>(std::random_device{}() % 1000000 + 1)));
  INFO("CLAIMDB_CRASH_SEED=" << seed << " claims " << claims);
  const auto test_start = std::chrono::steady_clock::now();

  const std::string base_jsonl = write_corpus(dir, "base.jsonl", "base", 300);
  const std::string big_jsonl = write_corpus(dir, "big.jsonl", "big", claims);

  // What was committed before: the base corpus, imported and exported.
  const std::string base_db = dir.file("base.db");
  REQUIRE(run_claimdb(dir, {"--db", base_db, "import", base_jsonl}).status == 0);
  const std::string base_export = run_claimdb(dir, {"--db", base_db, "export"}).out;
  REQUIRE(base_export.size() > 1000);
  const std::int64_t before = count_rows(base_db, "SELECT count(*) FROM claims");
  REQUIRE(before == 300);

  // The import run to its end, timed: where random kills land, and what a
  // committed import must look like.
  const std::string ref_db = dir.file("ref.db");
  copy_database(base_db, ref_db);
  const auto ref_start = std::chrono::steady_clock::now();
  const Run ref = run_claimdb(dir, {"--db", ref_db, "import", big_jsonl});
  const double full_seconds = seconds_since(ref_start);
  REQUIRE_MESSAGE(ref.status == 0, ref.err);
  const std::int64_t after = count_rows(ref_db, "SELECT count(*) FROM claims");
  REQUIRE(after == before + claims);
  const std::int64_t after_links = count_rows(ref_db, "SELECT count(*) FROM links");
  const std::string ref_export = run_claimdb(dir, {"--db", ref_db, "export"}).out;
  MESSAGE("a full import of " << claims << " claims takes " << full_seconds << " s");

  // Where each kill lands is chosen by how far the import has read its
  // file, not by the clock: a fraction of the file's bytes, or (fractions
  // of 1 and above) once it has read all of it, while detection runs and
  // the commit happens. So the kills cover the whole import on a fast
  // machine and a slow one alike.
  const auto file_bytes = static_cast<std::int64_t>(std::filesystem::file_size(big_jsonl));
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> moment(0.0, 1.1);
  const std::string db = dir.file("trial.db");
  int killed = 0, rolled_back = 0, committed = 0, killed_after_commit = 0, attempts = 0;
  bool recovered_once = false;
  while (killed < trials && attempts < trials * 3) {
    ++attempts;
    copy_database(base_db, db);
    const double fraction = moment(rng);
    const auto target = static_cast<std::int64_t>(fraction * static_cast<double>(file_bytes));
    int status = 0;
    {
      Child import({"--db", db, "import", big_jsonl}, dir.file("import.out"),
                   dir.file("import.err"));
      const pid_t pid = import.pid();
      bool opened = false;
      while (!import.done()) {
        const auto offset = read_offset(pid, big_jsonl);
        // Kill at the target offset, or once the file has been read and
        // closed (the phase after reading).
        if ((offset && *offset >= target) || (!offset && opened)) {
          import.kill_hard();
          break;
        }
        opened = opened || offset.has_value();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      status = import.wait();
    }
    CAPTURE(attempts);
    CAPTURE(fraction);
    CAPTURE(status);
    const bool was_killed = status == 128 + SIGKILL;
    if (!was_killed) CHECK_MESSAGE(status == 0, read_file(dir.file("import.err")));
    killed += was_killed ? 1 : 0;

    CHECK(integrity(db) == "ok");
    const std::int64_t n = count_rows(db, "SELECT count(*) FROM claims");
    CHECK((n == before || n == after));
    const std::string exported = run_claimdb(dir, {"--db", db, "export"}).out;
    if (n == before) {
      ++rolled_back;
      CHECK(exported == base_export);
      CHECK(count_rows(db, "SELECT count(*) FROM sources") ==
            count_rows(base_db, "SELECT count(*) FROM sources"));
      // A killed import leaves nothing in the way of running it again.
      if (was_killed && !recovered_once) {
        recovered_once = true;
        const Run again = run_claimdb(dir, {"--db", db, "import", big_jsonl});
        CHECK_MESSAGE(again.status == 0, again.err);
        CHECK(count_rows(db, "SELECT count(*) FROM claims") == after);
        CHECK(run_claimdb(dir, {"--db", db, "export"}).out == ref_export);
      }
    } else if (n == after) {
      ++committed;
      killed_after_commit += was_killed ? 1 : 0;
      CHECK(exported == ref_export);
      CHECK(count_rows(db, "SELECT count(*) FROM links") == after_links);
    }
    CHECK(run_claimdb(dir, {"--db", db, "check"}).status == 0);
  }
  MESSAGE(attempts << " runs, " << killed << " killed (" << killed_after_commit
                   << " after the commit); " << rolled_back << " rolled back, " << committed
                   << " committed; " << seconds_since(test_start) << " s in all");
  CHECK(killed >= trials);
  CHECK(rolled_back > 0);
  CHECK(recovered_once);
}
