// Search: the best 20 by default, the total reported, BM25 order, the newest
// candidates ranked when many match, and `as of` honoured throughout.
#include "../cli/cli_support.hpp"
#include "../support.hpp"

#include <claimdb/claimdb.hpp>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace claimdb::test {
namespace {

// A document of `n` claims whose quotes all hold "flood"; claim i is
// recorded i seconds after 01:00 on 2026-03-01 (so a higher i is newer). `best` (when
// in range) gets the quote that BM25 ranks above all others: short, and the
// word twice.
std::string flood_claims(int n, int best = -1) {
  nlohmann::ordered_json doc;
  doc["format"] = "claimdb";
  doc["version"] = 1;
  doc["sources"] = {{{"id", "river-desk"}, {"name", "River desk"}, {"kind", "outlet"},
                     {"recorded_at", "2026-03-01T00:00:00Z"}}};
  doc["entities"] = {{{"id", "spring-flood"}, {"name", "Spring flood"}, {"kind", "event"},
                      {"recorded_at", "2026-03-01T00:00:00Z"}}};
  doc["properties"] = {{{"id", "homes_flooded"}, {"value_type", "quantity"}, {"unit", "home"},
                        {"cardinality", "single"}, {"recorded_at", "2026-03-01T00:00:00Z"}}};
  auto& claims = doc["claims"] = nlohmann::ordered_json::array();
  for (int i = 0; i < n; ++i) {
    char id[32], minute[40];
    std::snprintf(id, sizeof id, "flood-%03d", i);
    std::snprintf(minute, sizeof minute, "2026-03-01T%02d:%02d:%02dZ", 1 + i / 3600, i / 60 % 60, i % 60);
    claims.push_back({{"id", id},
                      {"claimant", "river-desk"},
                      {"entity", "spring-flood"},
                      {"property", "homes_flooded"},
                      {"value", std::to_string(100 + i)},
                      {"quote", i == best ? "Flood, flood."
                                          : "Officials said the flood reached " + std::to_string(100 + i) +
                                                " homes along the lower river by the evening."},
                      {"recorded_at", minute}});
  }
  return doc.dump();
}

Database flood_db(int n, int best = -1) {
  Database db = Database::open(":memory:");
  ImportOptions options;
  options.detect = false;
  import_text(db, flood_claims(n, best), "flood.json", false, options);
  return db;
}

std::string id_at(const QueryResult& r, std::size_t row) {
  return std::get<std::string>(r.rows.at(row).at(1));
}

}  // namespace

TEST_CASE("search returns the best 20 matches by default and reports how many matched") {
  Database db = flood_db(30);
  QueryResult r = query(db, "search \"flood\"");
  CHECK(r.rows.size() == 20);
  REQUIRE(r.total.has_value());
  CHECK(*r.total == 30);

  r = query(db, "search \"flood\" limit 25");
  CHECK(r.rows.size() == 25);
  CHECK(*r.total == 30);

  r = query(db, "search \"flood homes\" limit 100");
  CHECK(r.rows.size() == 30);
  CHECK(*r.total == 30);

  r = query(db, "search \"nothingmatches\"");
  CHECK(r.rows.empty());
  CHECK(*r.total == 0);

  // Other queries do not count.
  CHECK_FALSE(query(db, "claims about spring-flood limit 3").total.has_value());
}

TEST_CASE("search ranks by BM25: the short quote that repeats the word first; ties newest first") {
  Database db = flood_db(30, 7);
  const QueryResult r = query(db, "search \"flood\" limit 5");
  REQUIRE(r.rows.size() == 5);
  CHECK(id_at(r, 0) == "flood-007");
  // The other quotes have the same words and lengths near enough to tie
  // or nearly: every one below the best.
  for (std::size_t i = 1; i < r.rows.size(); ++i) CHECK(id_at(r, i) != "flood-007");
}

TEST_CASE("search with order by sorts every match, then keeps the limit") {
  Database db = flood_db(30);
  const QueryResult r = query(db, "search \"flood\" order by id");
  REQUIRE(r.rows.size() == 20);
  CHECK(id_at(r, 0) == "flood-000");
  CHECK(id_at(r, 19) == "flood-019");
  CHECK(*r.total == 30);
}

TEST_CASE("when more than 400 match, search ranks the 400 most recently recorded") {
  // 450 matches: the best-scoring quote is claim 10, among the 50 oldest,
  // so it is not a candidate; the same quote as claim 440 is.
  {
    Database db = flood_db(450, 10);
    const QueryResult r = query(db, "search \"flood\"");
    CHECK(*r.total == 450);
    REQUIRE(r.rows.size() == 20);
    for (std::size_t i = 0; i < r.rows.size(); ++i) CHECK(id_at(r, i) >= "flood-050");
  }
  {
    Database db = flood_db(450, 440);
    const QueryResult r = query(db, "search \"flood\"");
    REQUIRE_FALSE(r.rows.empty());
    CHECK(id_at(r, 0) == "flood-440");
  }
  {
    // With order by, every match is a candidate.
    Database db = flood_db(450, 10);
    const QueryResult r = query(db, "search \"flood\" order by id limit 3");
    REQUIRE(r.rows.size() == 3);
    CHECK(id_at(r, 0) == "flood-000");
  }
}

TEST_CASE("search as of counts and ranks only what was recorded by then") {
  Database db = flood_db(450, 440);
  // Claims 0..59 were recorded in the first minute (01:00:00-01:00:59).
  const QueryResult r = query(db, "search \"flood\" as of 2026-03-01T01:00:59Z limit 100");
  CHECK(*r.total == 60);
  CHECK(r.rows.size() == 60);
  for (const auto& row : r.rows) CHECK(std::get<std::string>(row.at(1)) <= "flood-059");
}

TEST_CASE("search counts exactly up to 10,000 matches, then says more than that") {
  Database db = flood_db(10050);
  QueryResult r = query(db, "search \"flood\"");
  CHECK(r.rows.size() == 20);
  CHECK(*r.total == 10000);
  CHECK(r.total_is_lower_bound);
  // Ranking every match (order by) counts them all.
  r = query(db, "search \"flood\" order by id desc limit 2");
  CHECK(*r.total == 10050);
  CHECK_FALSE(r.total_is_lower_bound);
  CHECK(id_at(r, 0) == "flood-9999");  // ids compare as text
}

TEST_CASE("search snippets: the window with the words, from a sentence start, in any script") {
  Database db = Database::open(":memory:");
  import_text(db, R"({"format": "claimdb", "version": 1,
    "sources": [{"id": "desk", "name": "Desk", "kind": "outlet"}],
    "entities": [{"id": "e", "name": "E", "kind": "event"}],
    "properties": [{"id": "note", "value_type": "text"}],
    "claims": [
      {"id": "long", "claimant": "desk", "entity": "e", "property": "note", "value": "x",
       "quote": "Crews worked through the night on the eastern bank while the water kept rising. Engineers said the old levee near the mill had failed before dawn and two streets were cut off."},
      {"id": "cyrillic", "claimant": "desk", "entity": "e", "property": "note", "value": "y",
       "quote": "Повінь: Рятувальники евакуювали 40 людей."}]})",
              "snippets.json", false);
  QueryResult r = query(db, "search \"levee\"");
  REQUIRE(r.rows.size() == 1);
  CHECK(std::get<std::string>(r.rows[0][3]) ==
        "…Engineers said the old [levee] near the mill had failed before dawn and two streets were…");
  r = query(db, "search \"рятувальники\"");
  REQUIRE(r.rows.size() == 1);
  CHECK(std::get<std::string>(r.rows[0][3]) == "Повінь: [Рятувальники] евакуювали 40 людей.");
}

TEST_CASE("claimdb search prints the best matches and how many matched") {
  TempDir dir;
  const std::string db = dir.file("flood.db");
  const std::string doc = dir.file("flood.json");
  {
    std::FILE* f = std::fopen(doc.c_str(), "w");
    REQUIRE(f != nullptr);
    const std::string text = flood_claims(30, 3);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const std::string env = "CLAIMDB_DB=" + shell_quote(db);
  REQUIRE(run_shell("claimdb import " + shell_quote(doc), env).status == 0);

  CommandResult r = run_shell("claimdb search flood --limit 5", env);
  CHECK(r.status == 0);
  CHECK(r.out.find("flood-003") != std::string::npos);
  CHECK(r.out.find("5 of 30 matches; 'limit N' shows more") != std::string::npos);

  // JSON stays an array; the count goes to standard error.
  const std::string err = dir.file("err.txt");
  r = run_shell("claimdb search flood --format json", env, err);
  CHECK(r.status == 0);
  const auto rows = nlohmann::json::parse(r.out);
  CHECK(rows.size() == 20);
  CHECK(rows.at(0).at("id") == "flood-003");
  CHECK(read_file(err).find("20 of 30 matches") != std::string::npos);

  // The query language says the same.
  r = run_shell("claimdb query 'search \"flood\" limit 2'", env);
  CHECK(r.out.find("2 of 30 matches") != std::string::npos);

  // Everything fits: no count line.
  r = run_shell("claimdb search flood --limit 30", env);
  CHECK(r.out.find("matches;") == std::string::npos);

  // A bad time is the query language's error, exit 3.
  CHECK(run_shell("claimdb search flood --as-of yesterday", env).status == 3);
}

}  // namespace claimdb::test
