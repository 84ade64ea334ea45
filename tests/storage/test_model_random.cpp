// A model-based random test: thousands of random operations (valid and
// invalid adds, committed and abandoned transactions) run against the real
// database and against a trivial in-memory model; afterwards both must hold
// exactly the same records.
#include "support.hpp"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>

using namespace claimdb;

namespace {

// What the database should contain: claim id -> (claimant, entity, lo).
struct Model {
  std::set<std::string> sources, entities;
  std::map<std::string, std::tuple<std::string, std::string, double>> claims;
};

class RandomRun {
 public:
  explicit RandomRun(std::uint64_t seed) : rng_(seed) {}

  void step(Database& db, Model& model) {
    switch (pick(10)) {
      case 0:
      case 1: add_source(db, model); break;
      case 2: add_entity(db, model); break;
      case 3: abandoned_transaction(db, model); break;
      default: add_claim(db, model, model); break;
    }
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  // Ids from a small space, so duplicates and unknown references happen often.
  std::string id(const char* prefix, std::size_t space) { return prefix + std::to_string(pick(space)); }

  void add_source(Database& db, Model& model) {
    const std::string s = id("s", 30);
    const bool exists = model.sources.count(s) > 0;
    try {
      db.add(Source{.id = s, .name = "Source " + s});
      CHECK_FALSE(exists);
      model.sources.insert(s);
    } catch (const Error& e) {
      CHECK(exists);
      CHECK(e.code() == ErrorCode::duplicate);
    }
  }

  void add_entity(Database& db, Model& model) {
    const std::string e = id("e", 20);
    const bool exists = model.entities.count(e) > 0;
    try {
      db.add(Entity{.id = e, .name = "Entity " + e});
      CHECK_FALSE(exists);
      model.entities.insert(e);
    } catch (const Error& error) {
      CHECK(exists);
      CHECK(error.code() == ErrorCode::duplicate);
    }
  }

  // Adds a claim; `seen` is what the database holds now (the model, or a
  // scratch copy inside a transaction), `target` receives the claim.
  void add_claim(Database& db, const Model& seen, Model& target) {
    Claim c;
    c.id = id("c", 400);
    c.claimant = id("s", 35);
    c.entity = id("e", 25);
    c.property = "count";
    const double lo = double(pick(1000));
    const double hi = pick(8) == 0 ? lo - 1 : lo + double(pick(100));  // sometimes lo > hi
    c.value.phrase = "between";
    c.value.interval = Interval{lo, hi, false, false};
    const bool ok = seen.claims.count(c.id) == 0 && seen.sources.count(c.claimant) > 0 &&
                    seen.entities.count(c.entity) > 0 && lo <= hi;
    try {
      db.add(c);
      CHECK(ok);
      target.claims[c.id] = {c.claimant, c.entity, lo};
    } catch (const Error&) {
      CHECK_FALSE(ok);
    }
  }

  void abandoned_transaction(Database& db, const Model& model) {
    Model scratch = model;
    Database::Transaction tx(db);
    for (int i = 0; i < 5; ++i) add_claim(db, scratch, scratch);
    // Destroyed without commit: nothing of it may remain.
  }

  std::mt19937_64 rng_;
};

}  // namespace

TEST_CASE("random operations leave the database equal to a trivial model") {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    Database db = Database::open(":memory:");
    db.add(Property{.id = "count", .unit = "thing"});
    Model model;
    RandomRun run(seed);
    for (int i = 0; i < 1500; ++i) run.step(db, model);

    std::set<std::string> sources;
    for (const auto& s : db.list_sources()) sources.insert(s.id);
    CHECK(sources == model.sources);
    std::set<std::string> entities;
    for (const auto& e : db.list_entities()) entities.insert(e.id);
    CHECK(entities == model.entities);
    const auto claims = db.list_claims();
    CHECK(claims.size() == model.claims.size());
    for (const auto& c : claims) {
      auto it = model.claims.find(c.id);
      REQUIRE(it != model.claims.end());
      CHECK(std::get<0>(it->second) == c.claimant);
      CHECK(std::get<1>(it->second) == c.entity);
      CHECK(*c.value.interval->lo == std::get<2>(it->second));
    }
    CHECK(db.check().empty());
  }
}
