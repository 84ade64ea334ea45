// Conflict detection on the Kyiv fixture (fixtures/kyiv-strike/README.md,
// "Expected relations"), full against incremental, and idempotence.
#include "support.hpp"

#include <doctest/doctest.h>

#include <claimdb/query.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

using namespace claimdb;
using claimdb::test::seed_files;

namespace {

Database seed() {
  Database db = Database::open(":memory:");
  import_files(db, seed_files());
  return db;
}

// Detector links as comparable tuples (times left out: they record when).
std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> detector_links(
    const Database& db) {
  std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> out;
  for (const auto& l : db.list_links())
    if (l.origin == "detector") out.emplace(l.id, l.from, l.to, l.kind, l.rationale);
  return out;
}

// Detector links as listed, with what is derived when listing: relation,
// severity and explanation.
std::set<std::tuple<std::string, std::string, std::string, std::string, double, std::string>> detector_listing(
    const Database& db) {
  std::set<std::tuple<std::string, std::string, std::string, std::string, double, std::string>> out;
  for (const auto& c : list_conflicts(db, {.include_non_conflicts = true}))
    if (c.origin == "detector") out.emplace(c.a, c.b, c.kind, c.relation, c.severity, c.explanation);
  return out;
}

// The kind of the detector link between two claims (either way), or "".
std::string link_kind(const Database& db, const std::string& a, const std::string& b) {
  for (const auto& l : db.list_links())
    if (l.origin == "detector" && ((l.from == a && l.to == b) || (l.from == b && l.to == a)))
      return l.kind;
  return {};
}

}  // namespace

TEST_CASE("the seed fixture's disputes are found and explained") {
  Database db = seed();
  SUBCASE("drone launch figures (#13, #14)") {
    CHECK(explain_pair(db, "syn-kyiv-launched-a2", "syn-kyiv-launched-c1").explanation ==
          "outlet-a-synthetic: \"474\" -> 474 drones; monitoring-c-synthetic: \"more than 600\" -> "
          "(600, inf) drones; disjoint, gap 126 (21%)");
    CHECK(link_kind(db, "syn-kyiv-launched-b1", "syn-kyiv-launched-c1") == "contradicts");
    CHECK(link_kind(db, "art-drones-1", "syn-kyiv-launched-a2") == "supports");
  }
  SUBCASE("interception figures (#34, #37, #19)") {
    CHECK(explain_pair(db, "art-intercepted-1", "syn-raid-intercepted-a1").explanation ==
          "russia-gov: \"nearly 200\" -> [180, 200) drones in russia; outlet-a-synthetic: \"more than 250\" -> "
          "(250, inf) drones in russia; disjoint, gap 50 (20%)");
    CHECK(link_kind(db, "syn-raid-intercepted-a1", "syn-raid-intercepted-b1") == "contradicts");
    CHECK(link_kind(db, "syn-kyiv-intercepted-a1", "syn-kyiv-intercepted-b1") == "contradicts");
  }
  SUBCASE("the strike_target dispute (#2, #3)") {
    CHECK(explain_pair(db, "art-target-2", "art-target-3").explanation ==
          "zelensky says strike_target is \"civilian and energy infrastructure\"; russia-gov says "
          "\"military and defence-industry facilities\"; single-valued property, different values");
    CHECK(link_kind(db, "art-target-1", "art-target-3") == "contradicts");
    CHECK(link_kind(db, "art-target-1", "art-target-2") == "supports");
  }
  SUBCASE("the constraint violation (#42 to #44), beside the analyst's own link") {
    const auto r = explain_pair(db, "art-intercepted-1", "syn-raid-launched-c1");
    CHECK(r.kind == "contradicts");
    CHECK(r.explanation ==
          "russia-gov: drones_intercepted \"nearly 200\" -> [180, 200) drones in russia; monitoring-c-synthetic: "
          "drones_launched \"150\" -> 150 drones in russia; violates drones_intercepted <= drones_launched by 30 (15%)");
    // The analyst already linked #42: the detector adds no duplicate, and
    // the listing shows the analyst's link with the detector's reading.
    CHECK(link_kind(db, "art-intercepted-1", "syn-raid-launched-c1").empty());
    CHECK(link_kind(db, "syn-raid-intercepted-b1", "syn-raid-launched-c1") == "contradicts");
    CHECK(link_kind(db, "syn-raid-intercepted-a1", "syn-raid-launched-c1") == "contradicts");
    bool listed = false;
    for (const auto& c : list_conflicts(db, {.property = "drones_launched"}))
      listed = listed || (c.a == "syn-raid-launched-c1" && c.b == "art-intercepted-1" &&
                          c.origin == "analyst-jane (synthetic)" && c.severity > 0.14);
    CHECK(listed);
    CHECK(link_kind(db, "syn-raid-intercepted-b2", "syn-raid-launched-c1").empty());  // #46
  }
  SUBCASE("\"at least two\" against a later, higher toll is an update (#25 to #30)") {
    const auto r = explain_pair(db, "syn-deaths-a1", "syn-deaths-b1");
    CHECK(r.kind == "update");
    CHECK(r.explanation == "deaths rose from \"at least two\" (as of 2025-12-27T07:00:00Z) to \"four\" "
                           "(as of 2025-12-27T12:00:00Z): a running total, not a conflict");
    CHECK(link_kind(db, "syn-deaths-b1", "syn-deaths-a2") == "update");
    CHECK(link_kind(db, "syn-deaths-c1", "syn-deaths-a2") == "update");
    CHECK(link_kind(db, "syn-deaths-b1", "syn-deaths-c1") == "contradicts");
    CHECK(link_kind(db, "art-deaths-1", "syn-deaths-c1") == "contradicts");
    CHECK(link_kind(db, "art-deaths-1", "syn-deaths-b1") == "supports");
  }
  SUBCASE("echo and scope (#36, #17, #18, #40)") {
    CHECK(link_kind(db, "art-intercepted-1", "syn-raid-intercepted-d1") == "echo");
    CHECK(explain_pair(db, "syn-raid-intercepted-b1", "syn-raid-intercepted-d1").relation == "repeat");
    CHECK(link_kind(db, "syn-kyiv-intercepted-a1", "syn-kyiv-intercepted-c1") == "scope");
    CHECK(link_kind(db, "syn-kyiv-intercepted-b1", "syn-kyiv-intercepted-c1") == "contradicts");
    CHECK(explain_pair(db, "syn-kyiv-intercepted-b1", "syn-kyiv-intercepted-c1").relation ==
          "part exceeds whole");
    CHECK(link_kind(db, "art-intercepted-1", "syn-raid-intercepted-b2") == "scope");
  }
  SUBCASE("superseded and retracted claims are left out (#15, #16, #32)") {
    CHECK(link_kind(db, "syn-kyiv-launched-a1", "syn-kyiv-launched-b1").empty());
    CHECK(link_kind(db, "art-poland-airspace-1", "syn-airspace-b1").empty());
    CHECK(explain_pair(db, "art-meeting-1", "art-meeting-2").kind == "not comparable");
  }
  SUBCASE("update, scope and echo are never listed as conflicts") {
    for (const auto& c : list_conflicts(db)) CHECK(c.kind == "contradicts");
    std::set<std::string> kinds;
    for (const auto& c : list_conflicts(db, {.include_non_conflicts = true})) kinds.insert(c.kind);
    CHECK(kinds == std::set<std::string>{"contradicts", "echo", "scope", "supports", "update"});
  }
}

TEST_CASE("incremental detection on import gives the same links as a full recompute") {
  Database together = seed();
  Database one_by_one = Database::open(":memory:");
  import_files(one_by_one, {seed_files()[0]});
  import_files(one_by_one, {seed_files()[1]});
  const auto incremental = detector_links(one_by_one);
  const auto listed = detector_listing(one_by_one);
  REQUIRE(listed.size() == incremental.size());
  CHECK(detector_links(together) == incremental);
  CHECK(detector_listing(together) == listed);
  const DetectSummary s = detect_all(one_by_one);
  CHECK(s.links == static_cast<std::int64_t>(incremental.size()));
  CHECK(detector_links(one_by_one) == incremental);
  CHECK(detector_listing(one_by_one) == listed);
  SUBCASE("and recomputing is idempotent") {
    detect_all(one_by_one);
    CHECK(detector_links(one_by_one) == incremental);
  }
}

TEST_CASE("a detector link's listed explanation is the detector's reading of its two claims") {
  // Detector links store the kind and severity only; the relation and the
  // sentence are derived when listed. They must say what `why` says, and
  // agree with the stored kind and severity, for every link of the seed.
  Database db = seed();
  int checked = 0;
  for (const auto& c : list_conflicts(db, {.include_non_conflicts = true})) {
    if (c.origin != "detector") continue;
    INFO(c.a, " ", c.b, ": ", c.explanation);
    const Relation r = explain_pair(db, c.a, c.b);
    CHECK(r.kind == c.kind);
    CHECK(r.relation == c.relation);
    CHECK(r.explanation == c.explanation);
    CHECK_FALSE(c.explanation.empty());
    if (c.kind == "contradicts") CHECK(r.severity == doctest::Approx(c.severity));
    ++checked;
  }
  CHECK(checked == 35);
  // The query language derives the same sentence.
  const auto rows = query(db, "conflicts kind all");
  int derived = 0;
  for (const auto& row : rows.rows) {
    if (cell_text(row[10]) != "detector") continue;
    CHECK(cell_text(row[11]) == explain_pair(db, cell_text(row[0]), cell_text(row[1])).explanation);
    ++derived;
  }
  CHECK(derived == 35);
}

TEST_CASE("a later import recomputes the groups it touches: a retraction ends a conflict") {
  Database db = seed();
  REQUIRE(link_kind(db, "syn-kyiv-launched-b1", "syn-kyiv-launched-c1") == "contradicts");
  import_text(db, R"({"retractions": [{"claim": "syn-kyiv-launched-c1", "reason": "test"}]})",
              "retract.json", false);
  CHECK(link_kind(db, "syn-kyiv-launched-b1", "syn-kyiv-launched-c1").empty());
  const auto after_import = detector_links(db);
  detect_all(db);
  CHECK(detector_links(db) == after_import);
}

TEST_CASE("detection never touches analyst links and export leaves detector links out") {
  Database db = seed();
  auto analyst = [&] {
    std::vector<Link> out;
    for (auto& l : db.list_links())
      if (l.origin != "detector") out.push_back(l);
    return out;
  };
  const auto before = analyst();
  REQUIRE(before.size() == 2);
  detect_all(db);
  const auto after = analyst();
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    CHECK(after[i].id == before[i].id);
    CHECK(after[i].kind == before[i].kind);
    CHECK(after[i].rationale == before[i].rationale);
  }
  CHECK(test::export_string(db).find("\"detector\"") == std::string::npos);
}
