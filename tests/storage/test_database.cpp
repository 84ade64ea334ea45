// The Database handle on a real SQLite file: schema, append-only records,
// references, transactions, refusing files it must not touch.
#include "support.hpp"

#include "storage/store.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace claimdb;
using claimdb::test::TempDir;

namespace {

void add_basics(Database& db) {
  db.add(Source{.id = "zelensky", .name = "Volodymyr Zelensky", .kind = "person",
                .affiliation = "ukraine-gov"});
  db.add(Source{.id = "russia-mod", .name = "Russian Ministry of Defence", .kind = "government",
                .affiliation = "russia-gov"});
  db.add(Entity{.id = "ukraine", .name = "Ukraine", .kind = "place"});
  db.add(Entity{.id = "kyiv", .name = "Kyiv", .kind = "place", .aliases = {"Kiev"}, .part_of = "ukraine"});
  db.add(Entity{.id = "raid", .name = "Drone raid", .kind = "event"});
  db.add(Property{.id = "drones_launched", .value_type = ValueType::quantity, .unit = "drone"});
  db.add(Property{.id = "drones_intercepted", .value_type = ValueType::quantity, .unit = "drone",
                  .constraints = {{"<=", "drones_launched"}}});
  db.add(Property{.id = "target", .value_type = ValueType::category});
}

Claim interval_claim(const std::string& id, double lo, double hi) {
  Claim c;
  c.id = id;
  c.claimant = "russia-mod";
  c.entity = "raid";
  c.property = "drones_intercepted";
  c.value.phrase = "between";
  c.value.interval = Interval{lo, hi, false, false};
  return c;
}

ErrorCode code_of(const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("expected claimdb::Error");
  return ErrorCode::internal;
}

}  // namespace

TEST_CASE("a new database gets the latest schema and reopens") {
  TempDir dir;
  const auto path = dir.file("claims.db");
  {
    Database db = Database::open(path);
    CHECK(db.schema_version() == Database::latest_schema_version());
    CHECK(Database::latest_schema_version() >= 1);
  }
  Database again = Database::open(path);
  CHECK(again.schema_version() == Database::latest_schema_version());
  CHECK(again.stats().claims == 0);
}

TEST_CASE("records round-trip through the database with their fields") {
  Database db = Database::open(":memory:");
  add_basics(db);
  auto kyiv = db.find_entity("kyiv");
  REQUIRE(kyiv);
  CHECK(kyiv->part_of == "ukraine");
  CHECK(kyiv->aliases == std::vector<std::string>{"Kiev"});
  CHECK_FALSE(kyiv->recorded_at.empty());
  auto p = db.find_property("drones_intercepted");
  REQUIRE(p);
  REQUIRE(p->constraints.size() == 1);
  CHECK(p->constraints[0].relation == "<=");
  CHECK(p->constraints[0].other == "drones_launched");

  Claim c = interval_claim("c1", 180, 200);
  c.value.phrase = "nearly 200";
  c.value.interval->hi_open = true;
  c.quote = "its air defences intercepted nearly 200 Ukrainian drones";
  c.place = "ukraine";
  c.as_of = "2025-12-27T08:30+02:00";
  db.add(c);
  Claim back = db.get_claim("c1");
  CHECK(back.value.phrase == "nearly 200");
  REQUIRE(back.value.interval);
  CHECK(*back.value.interval->lo == 180);
  CHECK(*back.value.interval->hi == 200);
  CHECK(back.value.interval->hi_open);
  CHECK(back.value.unit == "drone");
  CHECK(back.as_of == "2025-12-27T06:30:00Z");
  CHECK(back.place == "ukraine");
  CHECK(db.list_claims({.entity = "raid"}).size() == 1);
  CHECK(db.list_claims({.claimant = "zelensky"}).empty());
}

TEST_CASE("bad records are refused with the field named") {
  Database db = Database::open(":memory:");
  add_basics(db);

  SUBCASE("duplicate id") {
    try {
      db.add(Source{.id = "zelensky", .name = "again"});
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::duplicate);
      CHECK(std::string(e.message()) == "source 'zelensky' already exists");
      CHECK(e.location().field == "id");
    }
  }
  SUBCASE("unknown reference") {
    Claim c = interval_claim("c1", 1, 2);
    c.claimant = "nobody";
    try {
      db.add(c);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::not_found);
      CHECK(std::string(e.message()) == "unknown source 'nobody'");
      CHECK(e.location().field == "claimant");
    }
  }
  SUBCASE("lo greater than hi") {
    try {
      db.add(interval_claim("c1", 200, 180));
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::bad_input);
      CHECK(std::string(e.message()) == "lo (200) is greater than hi (180)");
    }
  }
  SUBCASE("not a number") {
    CHECK(code_of([&] { db.add(interval_claim("c1", std::nan(""), 2)); }) == ErrorCode::bad_input);
    CHECK(code_of([&] { db.add(interval_claim("c1", 1, INFINITY)); }) == ErrorCode::bad_input);
  }
  SUBCASE("invalid id, time and UTF-8") {
    CHECK(code_of([&] { db.add(Source{.id = "has space", .name = "x"}); }) == ErrorCode::bad_input);
    CHECK(code_of([&] { db.add(Source{.id = "", .name = "x"}); }) == ErrorCode::bad_input);
    CHECK(code_of([&] { db.add(Source{.id = "ok", .name = "bad \xC3\x28 utf8"}); }) ==
          ErrorCode::bad_input);
    Claim c = interval_claim("c1", 1, 2);
    c.said_at = "2025-13-01";
    CHECK(code_of([&] { db.add(c); }) == ErrorCode::bad_input);
  }
  SUBCASE("value of the wrong type") {
    Claim c;
    c.id = "c1";
    c.claimant = "zelensky";
    c.entity = "raid";
    c.property = "target";
    c.value.phrase = "energy";
    c.value.interval = Interval{1, 2, false, false};
    CHECK(code_of([&] { db.add(c); }) == ErrorCode::bad_input);
  }
  CHECK(db.stats().claims == 0);
  CHECK(db.stats().sources == 2);
}

TEST_CASE("recorded data is append-only even through raw SQL") {
  TempDir dir;
  const auto path = dir.file("claims.db");
  {
    Database db = Database::open(path);
    add_basics(db);
    db.add(interval_claim("c1", 1, 2));
  }
  SQLite::Database raw(path, SQLite::OPEN_READWRITE);
  CHECK_THROWS_WITH(raw.exec("UPDATE claims SET lo = 5"),
                    doctest::Contains("claims are append-only"));
  CHECK_THROWS_WITH(raw.exec("DELETE FROM claims"), doctest::Contains("append-only"));
  CHECK_THROWS_WITH(raw.exec("DELETE FROM sources"), doctest::Contains("append-only"));
  CHECK(raw.execAndGet("SELECT count(*) FROM claims").getInt() == 1);
}

TEST_CASE("corrections supersede and retractions are recorded beside the claim") {
  Database db = Database::open(":memory:");
  add_basics(db);
  db.add(interval_claim("c1", 574, 574));
  Claim fix = interval_claim("c2", 474, 474);
  fix.supersedes = "c1";
  fix.correction_reason = "typo in the first report";
  db.add(fix);
  db.add(Retraction{.claim = "c2", .reason = "source withdrew the figure"});
  CHECK(db.get_claim("c1").value.interval->lo == 574);
  auto corrections = db.corrections_of("c1");
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0].id == "c2");
  REQUIRE(db.list_retractions().size() == 1);
  CHECK(db.list_retractions()[0].claim == "c2");
  Claim self = interval_claim("c3", 1, 1);
  self.supersedes = "c3";
  CHECK(code_of([&] { db.add(self); }) == ErrorCode::bad_input);
}

TEST_CASE("a transaction that is not committed leaves nothing behind") {
  Database db = Database::open(":memory:");
  add_basics(db);
  {
    Database::Transaction tx(db);
    db.add(interval_claim("c1", 1, 2));
    db.add(interval_claim("c2", 1, 2));
    CHECK(db.stats().claims == 2);
  }
  CHECK(db.stats().claims == 0);
  {
    Database::Transaction tx(db);
    db.add(interval_claim("c1", 1, 2));
    tx.commit();
  }
  CHECK(db.stats().claims == 1);
  // The cache of ids must not remember rows that were rolled back.
  {
    Database::Transaction tx(db);
    db.add(Source{.id = "ghost", .name = "Ghost"});
  }
  Claim c = interval_claim("c9", 1, 2);
  c.claimant = "ghost";
  CHECK(code_of([&] { db.add(c); }) == ErrorCode::not_found);
}

TEST_CASE("links and reviews get generated ids and refer to claims") {
  Database db = Database::open(":memory:");
  add_basics(db);
  db.add(interval_claim("c1", 1, 2));
  db.add(interval_claim("c2", 5, 6));
  std::string id = db.add(Link{.from = "c1", .to = "c2", .kind = "contradicts", .origin = "jane"});
  CHECK(id == "link-1");
  CHECK(db.add(Review{.claim = "c1", .rating = "false", .reviewer = "desk"}) == "review-1");
  CHECK(code_of([&] { db.add(Link{.from = "c1", .to = "c1", .kind = "supports"}); }) ==
        ErrorCode::bad_input);
  CHECK(code_of([&] { db.add(Link{.from = "c1", .to = "zz", .kind = "supports"}); }) ==
        ErrorCode::not_found);
  CHECK(code_of([&] {
          db.add(Link{.from = "c1", .to = "c2", .kind = "supports", .origin = "detector"});
        }) == ErrorCode::bad_input);
}

TEST_CASE("a read-only handle cannot write, enforced by SQLite") {
  TempDir dir;
  const auto path = dir.file("claims.db");
  { Database::open(path); }
  Database db = Database::open(path, Options{.read_only = true});
  CHECK(code_of([&] { db.add(Source{.id = "x", .name = "X"}); }) == ErrorCode::read_only);
  // Also below the API: the connection itself refuses writes.
  SQLite::Statement q(db.store().connection(),
                      "INSERT INTO source_records(slug, name, recorded_at) VALUES ('a', 'b', 'c')");
  CHECK_THROWS_WITH(q.exec(), doctest::Contains("readonly"));
}

TEST_CASE("files claimdb must not touch are refused and left unchanged") {
  TempDir dir;
  SUBCASE("a database from a newer claimdb") {
    const auto path = dir.file("newer.db");
    { Database::open(path); }
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("PRAGMA user_version = 999");
    }
    const std::string before = test::read_file(path);
    try {
      Database::open(path);
      FAIL("opened");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::schema_too_new);
      CHECK(std::string(e.message()).find("schema version 999") != std::string::npos);
    }
    CHECK(test::read_file(path) == before);
  }
  SUBCASE("an SQLite file of another application") {
    const auto path = dir.file("other.db");
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      raw.exec("CREATE TABLE t(x)");
    }
    const std::string before = test::read_file(path);
    CHECK(code_of([&] { Database::open(path); }) == ErrorCode::not_a_database);
    CHECK(test::read_file(path) == before);
  }
  SUBCASE("a file that is not SQLite") {
    const auto path = dir.write("text.db", std::string(4096, 'x'));
    CHECK(code_of([&] { Database::open(path); }) == ErrorCode::not_a_database);
    CHECK(test::read_file(path) == std::string(4096, 'x'));
  }
  SUBCASE("a missing file when creation is off") {
    CHECK(code_of([&] { Database::open(dir.file("none.db"), Options{.create_if_missing = false}); }) ==
          ErrorCode::io);
    CHECK_FALSE(std::filesystem::exists(dir.file("none.db")));
  }
}

TEST_CASE("a failed add inside a transaction undoes only itself") {
  Database db = Database::open(":memory:");
  add_basics(db);
  {
    Database::Transaction tx(db);
    db.add(interval_claim("c1", 1, 2));
    CHECK(code_of([&] { db.add(interval_claim("c1", 1, 2)); }) == ErrorCode::duplicate);
    db.add(interval_claim("c2", 1, 2));
    // Nothing is committed until the transaction is.
  }
  CHECK(db.stats().claims == 0);
  {
    Database::Transaction tx(db);
    db.add(interval_claim("c1", 1, 2));
    CHECK(code_of([&] { db.add(interval_claim("c3", 5, 1)); }) == ErrorCode::bad_input);
    tx.commit();
  }
  CHECK(db.stats().claims == 1);
  CHECK(db.find_claim("c1"));
}
