// Upgrades: a database made at any earlier schema version (the first k files
// of schema/ applied by SQLite itself, then rows written by SQL as that
// version's claimdb wrote them) opens, migrates to the latest version and
// keeps every record. Iterates over schema/, so a new migration is covered
// without editing this file. (A database from a newer claimdb is refused and
// left byte-identical: tests/storage/test_database.cpp and the corpus of
// fixtures/bad/ check that.)
#include "cli/cli_support.hpp"
#include "support.hpp"

#include "storage/store.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <future>
#include <set>
#include <thread>

using namespace claimdb;
using test::read_file;
using test::TempDir;

namespace fs = std::filesystem;

namespace {

// "ClDb", as claimdb writes it in the header.
constexpr int claimdb_application_id = 0x436c4462;

struct MigrationFile {
  int version;
  fs::path path;
};

// schema/NNNN_name.sql, in version order.
std::vector<MigrationFile> migration_files() {
  std::vector<MigrationFile> out;
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "schema")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".sql" || name.empty() || !std::isdigit(static_cast<unsigned char>(name[0])))
      continue;
    out.push_back({std::stoi(name), entry.path()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  return out;
}

// The records as version 1 stored them (every later version keeps these
// columns): two reports, one citing the other; a correction; a retraction; a
// review; an analyst's link; an alias, a place inside another, a constraint.
const char* const old_rows = R"sql(
INSERT INTO sources (id, slug, name, kind, affiliation, description, recorded_at) VALUES
  (1, 'zelensky', 'Volodymyr Zelensky', 'person', 'ukraine-gov', 'President of Ukraine.', '2025-12-27T08:00:00Z'),
  (2, 'russia-gov', 'Russian government (as reported)', 'government', 'russia-gov', NULL, '2025-12-27T08:00:00Z'),
  (3, 'outlet-a', 'Outlet A', 'outlet', NULL, NULL, '2025-12-27T08:05:00Z');
INSERT INTO entities (id, slug, name, kind, part_of, description, recorded_at) VALUES
  (1, 'ukraine', 'Ukraine', 'place', NULL, 'Country.', '2025-12-27T08:00:00Z'),
  (2, 'kyiv', 'Kyiv', 'place', 1, NULL, '2025-12-27T08:00:00Z'),
  (3, 'kyiv-strike-2025-12', 'Overnight strike on Kyiv', 'event', NULL,
   'The night of 26 to 27 December 2025.', '2025-12-27T08:00:00Z');
INSERT INTO entity_aliases (entity, position, alias) VALUES (2, 0, 'Kiev'), (2, 1, 'Kyjiw');
INSERT INTO properties (id, slug, value_type, unit, multi_valued, cumulative, description, recorded_at) VALUES
  (1, 'drones_launched', 'quantity', 'drone', 0, 0, NULL, '2025-12-27T08:00:00Z'),
  (2, 'drones_intercepted', 'quantity', 'drone', 0, 0, NULL, '2025-12-27T08:00:00Z'),
  (3, 'deaths', 'quantity', 'person', 0, 1, 'People killed, a running total.', '2025-12-27T08:00:00Z'),
  (4, 'target', 'category', NULL, 1, 0, NULL, '2025-12-27T08:00:00Z');
INSERT INTO property_constraints (property, position, relation, other) VALUES (2, 0, '<=', 1);
INSERT INTO reports (id, slug, publisher, title, url, published_at, cites, text, recorded_at) VALUES
  (1, 'rep-a-1', 3, 'Russia launched 574 drones overnight', 'https://example.org/a/1',
   '2025-12-27T07:00:00Z', NULL, 'Russia launched 574 drones at Ukraine overnight, by our count.',
   '2025-12-27T08:05:00Z'),
  (2, 'rep-a-2', 3, 'Correction: 474 drones', NULL, '2025-12-27T10:00:00Z', 1, NULL,
   '2025-12-27T10:05:00Z');
INSERT INTO reports_fts (rowid, title, text) SELECT id, title, text FROM reports;
INSERT INTO claims (id, slug, claimant, report, entity, property, phrase, has_interval, lo, hi,
                    lo_open, hi_open, unit, polarity, quote, place, valid_from, valid_to, as_of,
                    said_at, published_at, supersedes, correction_reason, recorded_at) VALUES
  (1, 'c-launched-hundreds', 1, NULL, 3, 1, 'hundreds', 1, 200, 1000, 0, 1, 'drone', 1,
   'Zelensky said hundreds of drones were launched', 1, NULL, NULL, NULL, '2025-12-27T09:00:00Z',
   NULL, NULL, NULL, '2025-12-27T09:10:00Z'),
  (2, 'c-launched-574', 3, 1, 3, 1, '574', 1, 574, 574, 0, 0, 'drone', 1,
   'Russia launched 574 drones at Ukraine overnight', 1, NULL, NULL, NULL, NULL,
   '2025-12-27T07:00:00Z', NULL, NULL, '2025-12-27T08:05:00Z'),
  (3, 'c-launched-474', 3, 2, 3, 1, '474', 1, 474, 474, 0, 0, 'drone', 1,
   'Correction: 474 drones, not 574', 1, NULL, NULL, NULL, NULL, '2025-12-27T10:00:00Z', 2,
   'The first report misprinted the figure.', '2025-12-27T10:05:00Z'),
  (4, 'c-intercepted-nearly-200', 2, NULL, 3, 2, 'nearly 200', 1, 180, 200, 0, 1, 'drone', 1,
   'Air defences intercepted nearly 200 drones', NULL, '2025-12-26T22:00:00Z',
   '2025-12-27T06:00:00Z', NULL, '2025-12-27T06:30:00Z', NULL, NULL, NULL, '2025-12-27T08:00:00Z'),
  (5, 'c-deaths-2', 1, NULL, 3, 3, '2', 1, 2, 2, 0, 0, 'person', 1, NULL, 2, NULL, NULL,
   '2025-12-27T09:00:00Z', NULL, NULL, NULL, NULL, '2025-12-27T09:10:00Z'),
  (6, 'c-target-energy', 2, NULL, 3, 4, 'energy', 0, NULL, NULL, 0, 0, NULL, -1,
   'Russia denied striking energy sites', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   '2025-12-27T09:20:00Z');
INSERT INTO claims_fts (rowid, quote) SELECT id, quote FROM claims WHERE quote IS NOT NULL;
INSERT INTO links (id, slug, from_claim, to_claim, kind, origin, rationale, created_at, recorded_at) VALUES
  (1, 'link-jane-1', 1, 4, 'contradicts', 'analyst-jane', 'Hundreds launched is not the same night as this count.',
   '2025-12-27T11:00:00Z', '2025-12-27T11:00:00Z');
INSERT INTO reviews (id, slug, claim, rating, reviewer, reviewed_at, url, explanation, recorded_at) VALUES
  (1, 'review-1', 6, 'false', 'Fact-check desk', '2025-12-28', 'https://example.org/check/1',
   'Energy sites were hit.', '2025-12-28T09:00:00Z');
INSERT INTO retractions (id, claim, reason, retracted_by, retracted_at, recorded_at) VALUES
  (1, 5, 'Withdrawn pending confirmation.', 1, '2025-12-27T12:00:00Z', '2025-12-27T12:05:00Z');
)sql";

// The same records as a claimdb document: imported into a fresh database,
// its export is what the upgraded database must export.
const char* const same_records = R"json({
  "sources": [
    {"id": "zelensky", "name": "Volodymyr Zelensky", "kind": "person", "affiliation": "ukraine-gov",
     "description": "President of Ukraine.", "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "russia-gov", "name": "Russian government (as reported)", "kind": "government",
     "affiliation": "russia-gov", "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "outlet-a", "name": "Outlet A", "kind": "outlet", "recorded_at": "2025-12-27T08:05:00Z"}
  ],
  "entities": [
    {"id": "ukraine", "name": "Ukraine", "kind": "place", "description": "Country.",
     "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "kyiv", "name": "Kyiv", "kind": "place", "aliases": ["Kiev", "Kyjiw"], "part_of": "ukraine",
     "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "kyiv-strike-2025-12", "name": "Overnight strike on Kyiv", "kind": "event",
     "description": "The night of 26 to 27 December 2025.", "recorded_at": "2025-12-27T08:00:00Z"}
  ],
  "properties": [
    {"id": "drones_launched", "value_type": "quantity", "unit": "drone", "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "drones_intercepted", "value_type": "quantity", "unit": "drone",
     "constraints": [{"relation": "<=", "other": "drones_launched"}], "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "deaths", "value_type": "quantity", "unit": "person", "cumulative": true,
     "description": "People killed, a running total.", "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "target", "value_type": "category", "cardinality": "multi", "recorded_at": "2025-12-27T08:00:00Z"}
  ],
  "reports": [
    {"id": "rep-a-1", "title": "Russia launched 574 drones overnight", "publisher": "outlet-a",
     "url": "https://example.org/a/1", "published_at": "2025-12-27T07:00:00Z",
     "text": "Russia launched 574 drones at Ukraine overnight, by our count.", "recorded_at": "2025-12-27T08:05:00Z"},
    {"id": "rep-a-2", "title": "Correction: 474 drones", "publisher": "outlet-a",
     "published_at": "2025-12-27T10:00:00Z", "cites": "rep-a-1", "recorded_at": "2025-12-27T10:05:00Z"}
  ],
  "claims": [
    {"id": "c-launched-hundreds", "claimant": "zelensky", "entity": "kyiv-strike-2025-12",
     "property": "drones_launched",
     "value": {"phrase": "hundreds", "lo": 200, "hi": 1000, "lo_open": false, "hi_open": true},
     "quote": "Zelensky said hundreds of drones were launched", "place": "ukraine",
     "said_at": "2025-12-27T09:00:00Z", "recorded_at": "2025-12-27T09:10:00Z"},
    {"id": "c-launched-574", "claimant": "outlet-a", "entity": "kyiv-strike-2025-12",
     "property": "drones_launched", "value": 574, "report": "rep-a-1",
     "quote": "Russia launched 574 drones at Ukraine overnight", "place": "ukraine",
     "published_at": "2025-12-27T07:00:00Z", "recorded_at": "2025-12-27T08:05:00Z"},
    {"id": "c-launched-474", "claimant": "outlet-a", "entity": "kyiv-strike-2025-12",
     "property": "drones_launched", "value": 474, "report": "rep-a-2",
     "quote": "Correction: 474 drones, not 574", "place": "ukraine",
     "published_at": "2025-12-27T10:00:00Z", "supersedes": "c-launched-574",
     "correction_reason": "The first report misprinted the figure.", "recorded_at": "2025-12-27T10:05:00Z"},
    {"id": "c-intercepted-nearly-200", "claimant": "russia-gov", "entity": "kyiv-strike-2025-12",
     "property": "drones_intercepted",
     "value": {"phrase": "nearly 200", "lo": 180, "hi": 200, "lo_open": false, "hi_open": true},
     "quote": "Air defences intercepted nearly 200 drones",
     "valid_from": "2025-12-26T22:00:00Z", "valid_to": "2025-12-27T06:00:00Z",
     "said_at": "2025-12-27T06:30:00Z", "recorded_at": "2025-12-27T08:00:00Z"},
    {"id": "c-deaths-2", "claimant": "zelensky", "entity": "kyiv-strike-2025-12", "property": "deaths",
     "value": 2, "place": "kyiv", "as_of": "2025-12-27T09:00:00Z", "recorded_at": "2025-12-27T09:10:00Z"},
    {"id": "c-target-energy", "claimant": "russia-gov", "entity": "kyiv-strike-2025-12",
     "property": "target", "value": "energy", "polarity": "denies",
     "quote": "Russia denied striking energy sites", "recorded_at": "2025-12-27T09:20:00Z"}
  ],
  "links": [
    {"id": "link-jane-1", "from": "c-launched-hundreds", "to": "c-intercepted-nearly-200",
     "kind": "contradicts", "origin": "analyst-jane",
     "rationale": "Hundreds launched is not the same night as this count.",
     "created_at": "2025-12-27T11:00:00Z", "recorded_at": "2025-12-27T11:00:00Z"}
  ],
  "reviews": [
    {"id": "review-1", "claim": "c-target-energy", "rating": "false", "reviewer": "Fact-check desk",
     "reviewed_at": "2025-12-28", "url": "https://example.org/check/1",
     "explanation": "Energy sites were hit.", "recorded_at": "2025-12-28T09:00:00Z"}
  ],
  "retractions": [
    {"claim": "c-deaths-2", "reason": "Withdrawn pending confirmation.", "retracted_by": "zelensky",
     "retracted_at": "2025-12-27T12:00:00Z", "recorded_at": "2025-12-27T12:05:00Z"}
  ]
})json";

// Makes `path` as a claimdb of schema version `version` left it: the
// migration files up to it, the header as claimdb writes it, and the rows.
void make_old_database(const std::string& path, int version) {
  SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& m : migration_files()) {
    if (m.version > version) break;
    SQLite::Transaction tx(raw);
    raw.exec(read_file(m.path.string()));
    raw.exec("PRAGMA user_version = " + std::to_string(m.version));
    raw.exec("PRAGMA application_id = " + std::to_string(claimdb_application_id));
    tx.commit();
  }
  // Once a migration keeps the recorded rows in *_records tables (with views
  // of the current values under the old names), the rows go there.
  std::string rows = old_rows;
  if (raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'source_records'").getInt() > 0)
    for (const char* table : {"sources", "entities", "entity_aliases", "properties", "reports"}) {
      const std::string from = std::string("INSERT INTO ") + table + " (";
      std::string to = table;
      to = to == "entities" ? "entity" : to == "entity_aliases" ? "entity_alias"
           : to == "properties" ? "property" : to.substr(0, to.size() - 1);
      to = "INSERT INTO " + to + "_records (";
      for (auto at = rows.find(from); at != std::string::npos; at = rows.find(from, at))
        rows.replace(at, from.size(), to);
    }
  SQLite::Transaction tx(raw);
  raw.exec(rows);
  tx.commit();
}

// type, name and SQL of every schema object, in name order.
std::string schema_of(const std::string& path) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_schema ORDER BY name");
  std::string out;
  while (q.executeStep()) out += q.getColumn(0).getString() + "\n";
  return out;
}

std::string expected_export() {
  Database fresh = Database::open(":memory:");
  import_text(fresh, same_records, "same-records.json", false, ImportOptions{.detect = false});
  return test::export_string(fresh);
}

}  // namespace

TEST_CASE("upgrade: schema/ holds the migrations this claimdb applies") {
  const auto files = migration_files();
  REQUIRE_FALSE(files.empty());
  CHECK(files.front().version == 1);
  // Versions follow one another: 1, 2, 3, ...
  for (std::size_t i = 1; i < files.size(); ++i) CHECK(files[i].version == files[i - 1].version + 1);
  CHECK(files.back().version == Database::latest_schema_version());
  // Versions to upgrade from exist once a second migration does.
  CHECK(files.size() >= 2);
}

TEST_CASE("upgrade: a database from every earlier schema version migrates with its data intact") {
  const int latest = Database::latest_schema_version();
  const std::string want = expected_export();
  TempDir dir;
  const std::string fresh_path = dir.file("fresh.db");
  { Database::open(fresh_path); }
  const std::string fresh_schema = schema_of(fresh_path);

  for (const auto& m : migration_files()) {
    const int version = m.version;
    INFO("a database made at schema version ", version, " (", m.path.filename().string(), ")");
    const std::string path = dir.file("v" + std::to_string(version) + ".db");
    make_old_database(path, version);
    {
      SQLite::Database raw(path, SQLite::OPEN_READONLY);
      REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == version);
    }
    if (version < latest) {
      // A read-only open cannot migrate: refused, and the file is untouched.
      const std::string before = read_file(path);
      try {
        Database::open(path, Options{.create_if_missing = false, .read_only = true});
        FAIL("an old database opened read-only");
      } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::read_only);
        CHECK(std::string(e.message()).find("has schema version " + std::to_string(version) +
                                            " and needs upgrading to " + std::to_string(latest)) !=
              std::string::npos);
      }
      CHECK(read_file(path) == before);
    }
    {
      Database db = Database::open(path, Options{.create_if_missing = false});
      CHECK(db.schema_version() == latest);
      // Every record, field by field, through the public API.
      CHECK(test::export_string(db) == want);
      const Stats s = db.stats();
      CHECK(s.sources == 3);
      CHECK(s.entities == 3);
      CHECK(s.properties == 4);
      CHECK(s.reports == 2);
      CHECK(s.claims == 6);
      CHECK(s.links == 1);
      CHECK(s.reviews == 1);
      CHECK(s.retractions == 1);
      CHECK(s.supersessions == 1);
      CHECK(s.schema_version == latest);

      const Claim nearly = db.get_claim("c-intercepted-nearly-200");
      CHECK(nearly.value.phrase == "nearly 200");
      REQUIRE(nearly.value.interval);
      CHECK(*nearly.value.interval->lo == 180);
      CHECK(*nearly.value.interval->hi == 200);
      CHECK_FALSE(nearly.value.interval->lo_open);
      CHECK(nearly.value.interval->hi_open);
      CHECK(nearly.value.unit == "drone");
      CHECK(nearly.valid_from == "2025-12-26T22:00:00Z");
      CHECK(db.get_claim("c-launched-474").supersedes == "c-launched-574");
      CHECK(db.get_claim("c-target-energy").polarity == Polarity::denies);
      const auto kyiv = db.find_entity("kyiv");
      REQUIRE(kyiv);
      CHECK(kyiv->part_of == "ukraine");
      CHECK(kyiv->aliases == std::vector<std::string>{"Kiev", "Kyjiw"});
      const auto intercepted = db.find_property("drones_intercepted");
      REQUIRE(intercepted);
      REQUIRE(intercepted->constraints.size() == 1);
      CHECK(intercepted->constraints[0].relation == "<=");
      CHECK(intercepted->constraints[0].other == "drones_launched");
      CHECK(db.list_claims({.entity = "kyiv-strike-2025-12", .property = "drones_launched"}).size() == 3);

      // The full-text index came along: quotes and report text are found.
      const auto quotes = query(db, "search \"misprinted\"");
      CHECK(quotes.rows.empty());  // a correction reason is not indexed
      const auto found = query(db, "search \"intercepted nearly\"");
      REQUIRE(found.rows.size() == 1);
      CHECK(cell_text(found.rows[0][1]) == "c-intercepted-nearly-200");
      CHECK(query(db, "search \"by our count\"").rows.size() == 1);

      // The upgraded file takes new records and finds conflicts among old and new.
      db.add(Claim{.id = "c-launched-more-600", .claimant = "russia-gov", .entity = "kyiv-strike-2025-12",
                   .property = "drones_launched", .value = Value{.phrase = "more than 600"},
                   .place = "ukraine"});
      detect_all(db);
      bool found_new_conflict = false;
      for (const auto& c : list_conflicts(db, {.entity = "kyiv-strike-2025-12"}))
        found_new_conflict = found_new_conflict || ((c.a == "c-launched-474" && c.b == "c-launched-more-600") ||
                                                    (c.b == "c-launched-474" && c.a == "c-launched-more-600"));
      CHECK(found_new_conflict);
      bool ok = true;
      for (const auto& finding : db.check()) ok = ok && finding.severity != "error";
      CHECK(ok);
    }
    // The migrated schema is exactly a new database's, and it reopens as is.
    CHECK(schema_of(path) == fresh_schema);
    Database again = Database::open(path, Options{.create_if_missing = false, .read_only = true});
    CHECK(again.schema_version() == latest);
    CHECK(again.stats().claims == 7);
  }
}

TEST_CASE("upgrade: detector links kept in links by version 2 move to their own table") {
  const auto files = migration_files();
  if (files.size() < 3 || files[1].version != 2) return;  // only while version 2 is a step
  TempDir dir;
  const std::string path = dir.file("v2.db");
  make_old_database(path, 2);
  {
    // As version 2's detector wrote them: a generated slug, its sentence and severity.
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec(
        "INSERT INTO links (id, slug, from_claim, to_claim, kind, origin, rationale, created_at, "
        "recorded_at, severity, relation) VALUES "
        "(2, '~detector:c-launched-hundreds:c-launched-474', 1, 3, 'supports', 'detector', 'overlap', "
        "'2025-12-27T11:00:00Z', '2025-12-27T11:00:00Z', NULL, 'overlapping'), "
        "(3, '~detector:c-launched-hundreds:c-intercepted-nearly-200', 4, 1, 'contradicts', 'detector', "
        "'a sentence', '2025-12-27T11:00:00Z', '2025-12-27T11:00:00Z', 0.25, 'disjoint')");
  }
  {
    Database db = Database::open(path, Options{.create_if_missing = false});
    const Stats s = db.stats();
    CHECK(s.links == 1);  // the analyst's
    CHECK(s.detector_links == 2);
    std::set<std::string> listed;
    for (const auto& l : db.list_links())
      listed.insert(l.origin + " " + l.id + " " + l.from + " " + l.to + " " + l.kind);
    CHECK(listed == std::set<std::string>{
                        "analyst-jane link-jane-1 c-launched-hundreds c-intercepted-nearly-200 contradicts",
                        "detector ~detector:c-launched-hundreds:c-intercepted-nearly-200 c-launched-hundreds "
                        "c-intercepted-nearly-200 contradicts",
                        "detector ~detector:c-launched-hundreds:c-launched-474 c-launched-hundreds "
                        "c-launched-474 supports"});
  }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT count(*) FROM links WHERE origin = 'detector'").getInt() == 0);
  // Ends in row-id order, kind as its code, severity kept.
  CHECK(raw.execAndGet("SELECT group_concat(from_claim || '-' || to_claim || ':' || kind || ':' || "
                       "ifnull(severity, 'none'), ' ') FROM (SELECT * FROM detector_links ORDER BY 1, 2)")
            .getString() == "1-3:2:none 1-4:1:0.25");
}

TEST_CASE("upgrade: a migration another process committed while this one waited is not run twice") {
  // The second opener reads the old version, then waits for the write lock
  // that the first holds while it migrates; under the lock it must read the
  // version again instead of running the same migration a second time.
  const auto files = migration_files();
  REQUIRE(files.size() >= 2);
  const MigrationFile& last = files.back();
  TempDir dir;
  const std::string path = dir.file("old.db");
  make_old_database(path, files[files.size() - 2].version);
  SQLite::Database first(path, SQLite::OPEN_READWRITE);
  first.exec("PRAGMA journal_mode = WAL");
  first.exec("BEGIN IMMEDIATE");
  std::string failure;
  int opened_at = 0;
  // The second opener tells when it starts waiting for the lock: the first
  // migrates only then, so the second has surely read the old version.
  std::promise<void> waiting;
  std::atomic<bool> told{false};
  std::thread second([&] {
    try {
      Options options{.create_if_missing = false};
      options.on_wait = [&] {
        if (!told.exchange(true)) waiting.set_value();
      };
      Database db = Database::open(path, options);
      opened_at = db.schema_version();
    } catch (const std::exception& e) {
      failure = e.what();
    }
    if (!told.exchange(true)) waiting.set_value();  // ended without waiting
  });
  waiting.get_future().wait();
  first.exec(read_file(last.path.string()));
  first.exec("PRAGMA user_version = " + std::to_string(last.version));
  first.exec("COMMIT");
  second.join();
  CHECK(failure == "");
  CHECK(opened_at == last.version);
  Database db = Database::open(path, Options{.create_if_missing = false, .read_only = true});
  CHECK(db.stats().claims == 6);
}

TEST_CASE("upgrade: the command line migrates an old database on its first write") {
  const auto files = migration_files();
  REQUIRE(files.size() >= 2);
  TempDir dir;
  const std::string path = dir.file("v1.db");
  make_old_database(path, files.front().version);
  const std::string before = read_file(path);
  const std::string err = dir.file("stderr.txt");
  // Reading first: refused with exit 5, naming both versions, file untouched.
  auto read = test::run_shell("claimdb --db " + test::shell_quote(path) + " claims", "", err);
  CHECK(read.status == 5);
  CHECK(read_file(err).find("has schema version 1 and needs upgrading to " +
                            std::to_string(Database::latest_schema_version())) != std::string::npos);
  CHECK(read_file(path) == before);
  // A write migrates; then reading works and sees the old records.
  auto init = test::run_shell("claimdb --db " + test::shell_quote(path) + " init", "", err);
  CHECK(init.status == 0);
  auto listed = test::run_shell("claimdb --db " + test::shell_quote(path) + " claims --format csv", "", err);
  CHECK(listed.status == 0);
  CHECK(listed.out.find("c-intercepted-nearly-200,russia-gov,kyiv-strike-2025-12,drones_intercepted,nearly 200,"
                        "\"[180, 200)\",drone,") != std::string::npos);
  CHECK(std::count(listed.out.begin(), listed.out.end(), '\n') == 7);  // header and six claims
}
