// Raw SQL is read-only: every kind of write is refused before it runs and
// leaves the database file and its folder exactly as they were.
#include "query/query_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

namespace claimdb::test {

namespace {

std::set<std::string> folder_listing(const std::filesystem::path& folder) {
  std::set<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    out.insert(entry.path().filename().string());
  return out;
}

// Runs sql expecting a refusal; checks nothing changed on disk.
void expect_refused(const std::string& sql, const std::string& expected_message) {
  TempDir dir;
  const std::string path = dir.file("copy.db");
  std::filesystem::copy_file(query_fixture_db(), path);
  const std::string before = read_file(path);
  {
    Database db = Database::open(path);
    const auto listing = folder_listing(dir.path());
    try {
      query_sql(db, sql);
      FAIL("not refused: " << sql);
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::read_only);
      CHECK(e.message() == expected_message);
    }
    CHECK(folder_listing(dir.path()) == listing);
    CHECK(db.stats().claims == 64);
  }
  CHECK(read_file(path) == before);
}

}  // namespace

TEST_CASE("raw SQL reads") {
  Database db = Database::open(query_fixture_db(), Options{.read_only = true});
  const QueryResult r = query_sql(db, "SELECT slug, polarity FROM claims WHERE slug LIKE 'art-target-%' ORDER BY slug;");
  CHECK(r.columns == std::vector<std::string>{"slug", "polarity"});
  REQUIRE(r.rows.size() == 3);
  CHECK(std::get<std::string>(r.rows[0][0]) == "art-target-1");
  CHECK(std::get<std::int64_t>(r.rows[0][1]) == 1);
  SUBCASE("read-only pragmas that take a table name are allowed") {
    CHECK(!query_sql(db, "PRAGMA table_info(claims)").rows.empty());
    CHECK(query_sql(db, "PRAGMA user_version").rows.size() == 1);
  }
  SUBCASE("errors in the SQL are bad input") {
    try {
      query_sql(db, "SELEC 1");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::bad_input);
      CHECK(e.message() == "SQL: near \"SELEC\": syntax error");
    }
  }
}

TEST_CASE("raw SQL refuses every write and leaves the files untouched") {
  const std::string writes = ".sql refused: only statements that read are allowed";
  const std::string config = ".sql refused: ATTACH, DETACH and PRAGMAs that set a value are not allowed";
  SUBCASE("INSERT") { expect_refused("INSERT INTO source_records(slug, name, recorded_at) VALUES ('x', 'x', 'x')", writes); }
  SUBCASE("UPDATE") { expect_refused("UPDATE claims SET phrase = 'x'", writes); }
  SUBCASE("DELETE") { expect_refused("DELETE FROM links", writes); }
  SUBCASE("DROP") { expect_refused("DROP TABLE claims", writes); }
  SUBCASE("CREATE TEMP TABLE") { expect_refused("CREATE TEMP TABLE t(x)", writes); }
  SUBCASE("ATTACH") { expect_refused("ATTACH DATABASE 'attached.db' AS other", config); }
  SUBCASE("DETACH") { expect_refused("DETACH DATABASE main", config); }
  SUBCASE("a writing PRAGMA") { expect_refused("PRAGMA journal_mode = DELETE", config); }
  SUBCASE("turning query_only off") { expect_refused("PRAGMA query_only = OFF", config); }
  SUBCASE("PRAGMA user_version = 9") { expect_refused("PRAGMA user_version = 9", config); }
  SUBCASE("VACUUM INTO") { expect_refused("VACUUM INTO 'copy2.db'", writes); }
  SUBCASE("VACUUM") { expect_refused("VACUUM", writes); }
  SUBCASE("a second statement after a read") {
    expect_refused("SELECT 1; DELETE FROM links", ".sql refused: give one statement at a time");
  }
  SUBCASE("a write hidden in a CTE") {
    expect_refused("WITH x AS (SELECT 1) INSERT INTO source_records(slug, name, recorded_at) SELECT 'y', 'y', 'y' FROM x", writes);
  }
}

TEST_CASE("raw SQL on an in-memory database reads, refuses writes, and leaves writing as it was") {
  Database db = Database::open(":memory:");
  import_files(db, seed_files());
  const auto claims = db.stats().claims;
  REQUIRE(claims > 0);
  const QueryResult r = query_sql(db, "SELECT count(*) AS n FROM claims");
  CHECK(r.columns == std::vector<std::string>{"n"});
  CHECK(std::get<std::int64_t>(r.rows.at(0).at(0)) == static_cast<std::int64_t>(claims));
  for (const char* sql : {"INSERT INTO source_records(slug, name, recorded_at) VALUES ('x', 'x', 'x')",
                          "DELETE FROM links", "DROP TABLE claims", "VACUUM INTO 'copy.db'",
                          "PRAGMA query_only = OFF", "ATTACH DATABASE 'other.db' AS other",
                          "SELECT 1; DELETE FROM links"}) {
    CAPTURE(sql);
    try {
      query_sql(db, sql);
      FAIL("not refused");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::read_only);
    }
  }
  CHECK(db.stats().claims == claims);
  // The connection is writable again: query_only and the authorizer are gone.
  Source s;
  s.id = "after-sql";
  s.name = "After SQL";
  s.kind = "outlet";
  db.add(s);
  CHECK(db.find_source("after-sql").has_value());
  CHECK(query_sql(db, "SELECT slug FROM sources WHERE slug = 'after-sql'").rows.size() == 1);
}

TEST_CASE("queries bind user text: SQL in ids and search words is only text") {
  Database db = Database::open(query_fixture_db(), Options{.read_only = true});
  CHECK_THROWS_AS(query(db, "claims by \"x' OR '1'='1\""), Error);
  CHECK(query(db, "search \"'; DROP TABLE claims; --\"").rows.empty());
  CHECK(db.stats().claims == 64);
}

}  // namespace claimdb::test
