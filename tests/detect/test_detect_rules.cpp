// Conflict detection, rule by rule, on hand-made cases with exact explanations.
#include "support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace claimdb;

namespace {

// Sources, places and properties every case builds on; `claims` is the JSON
// array of the case's claims.
std::string world(const std::string& claims, const std::string& extra = {}) {
  return R"({
  "sources": [{"id": "s1", "name": "One", "affiliation": "side-a"},
              {"id": "s2", "name": "Two", "affiliation": "side-b"},
              {"id": "s3", "name": "Three"},
              {"id": "s4", "name": "Four", "affiliation": "side-a"}],
  "entities": [{"id": "land", "name": "Land"},
               {"id": "north", "name": "North", "part_of": "land"},
               {"id": "town", "name": "Town", "part_of": "north"},
               {"id": "south", "name": "South", "part_of": "land"},
               {"id": "e1", "name": "Event one"}, {"id": "e2", "name": "Event two"}],
  "properties": [
    {"id": "launched", "value_type": "quantity", "unit": "drone"},
    {"id": "intercepted", "value_type": "quantity", "unit": "drone",
     "constraints": [{"relation": "<=", "other": "launched"}]},
    {"id": "deaths", "value_type": "quantity", "unit": "person", "cumulative": true},
    {"id": "share", "value_type": "quantity", "unit": "percent"},
    {"id": "area", "value_type": "quantity", "unit": "hectare"},
    {"id": "extent", "value_type": "quantity"},
    {"id": "target", "value_type": "category"},
    {"id": "weapons", "value_type": "category", "cardinality": "multi"},
    {"id": "violated", "value_type": "boolean"},
    {"id": "statement", "value_type": "text"}],
  "claims": )" + claims + extra + "}";
}

std::string claim(const std::string& id, const std::string& claimant, const std::string& property,
                  const std::string& value, const std::string& more = {}) {
  return R"({"id": ")" + id + R"(", "claimant": ")" + claimant + R"(", "entity": "e1", "property": ")" +
         property + R"(", "value": )" + value + more + "}";
}

Database load(const std::string& claims, const std::string& extra = {}) {
  Database db = Database::open(":memory:");
  import_text(db, world(claims, extra), "case.json", false);
  return db;
}

Relation why(const std::string& claims, const std::string& a = "a", const std::string& b = "b") {
  Database db = load(claims);
  return explain_pair(db, a, b);
}

}  // namespace

TEST_CASE("disjoint quantities contradict, with the gap relative to the larger magnitude") {
  const auto r = why("[" + claim("a", "s1", "intercepted", "\"nearly 200\"") + "," +
                     claim("b", "s2", "intercepted", "\"more than 250\"") + "]");
  CHECK(r.kind == "contradicts");
  CHECK(r.relation == "disjoint");
  CHECK(r.severity == doctest::Approx(0.2));
  CHECK(r.explanation ==
        "s1: \"nearly 200\" -> [180, 200) drones; s2: \"more than 250\" -> (250, inf) drones; "
        "disjoint, gap 50 (20%)");
}

TEST_CASE("overlapping quantities of independent claimants support each other") {
  const auto r = why("[" + claim("a", "s1", "launched", "\"hundreds\"") + "," +
                     claim("b", "s2", "launched", "\"474\"") + "]");
  CHECK(r.kind == "supports");
  CHECK(r.explanation ==
        "s1: \"hundreds\" -> [200, 1000) drones; s2: \"474\" -> 474 drones; overlap, independent claimants");
}

TEST_CASE("an uninformative word is never the sole basis of a conflict") {
  const auto r = why("[" + claim("a", "s1", "launched", "\"many\"") + "," +
                     claim("b", "s2", "launched", "\"one\"") + "]");
  CHECK(r.kind == "compatible");
  CHECK(r.relation == "uninformative");
  Database db = load("[" + claim("a", "s1", "launched", "\"many\"") + "," +
                     claim("b", "s2", "launched", "\"one\"") + "]");
  CHECK(list_conflicts(db).empty());
}

TEST_CASE("units are converted before comparing, and different dimensions are not comparable") {
  SUBCASE("hectares against acres") {
    const auto r = why("[" + claim("a", "s1", "area", "\"12,000 hectares\"") + "," +
                       claim("b", "s2", "area", "\"50,000 acres\"") + "]");
    CHECK(r.kind == "contradicts");
  }
  SUBCASE("hectares against hours, on a property without a unit") {
    const auto r = why("[" + claim("a", "s1", "extent", "\"12,000 hectares\"") + "," +
                       claim("b", "s2", "extent", "{\"phrase\": \"3 hours\", \"lo\": 3, \"hi\": 3}",
                             ", \"unit\": \"hour\"") + "]");
    CHECK(r.kind == "not comparable");
    CHECK(r.relation == "different units");
  }
  SUBCASE("a claim's own unit must measure what its property's unit measures") {
    Database db = Database::open(":memory:");
    CHECK_THROWS_WITH(
        import_text(db, world("[" + claim("b", "s2", "area", "{\"phrase\": \"3 hours\", \"lo\": 3, \"hi\": 3}",
                                            ", \"unit\": \"hour\"") + "]"),
                    "case.json", false),
        "case.json: /claims/0/unit: claim 'b': unit 'hour' (duration) does not match property 'area' in "
        "'hectare' (area)");
    CHECK(db.stats().claims == 0);
    // Another unit of the same kind, and a share, are read.
    Database ok = load("[" + claim("a", "s1", "area", "\"30,000 acres\"", ", \"unit\": \"acre\"") + "," +
                       claim("b", "s2", "area", "\"40%\"", ", \"unit\": \"percent\"") + "]");
    CHECK(ok.stats().claims == 2);
  }
}

TEST_CASE("a single-valued category contradicts on different values and agrees on the same") {
  SUBCASE("different") {
    const auto r = why("[" + claim("a", "s1", "target", "\"energy\"") + "," +
                       claim("b", "s2", "target", "\"military\"") + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.severity == 1.0);
    CHECK(r.explanation ==
          "s1 says target is \"energy\"; s2 says \"military\"; single-valued property, different values");
  }
  SUBCASE("same") {
    const auto r = why("[" + claim("a", "s1", "target", "\"energy\"") + "," +
                       claim("b", "s2", "target", "\"Energy\"") + "]");
    CHECK(r.kind == "supports");
    CHECK(r.explanation == "s1 and s2 both say target is \"energy\"; independent claimants agree");
  }
  SUBCASE("multi-valued") {
    const auto r = why("[" + claim("a", "s1", "weapons", "\"drones\"") + "," +
                       claim("b", "s2", "weapons", "\"missiles\"") + "]");
    CHECK(r.kind == "compatible");
    CHECK(r.relation == "multi-valued");
  }
  SUBCASE("asserted and denied") {
    const auto r = why("[" + claim("a", "s1", "weapons", "\"drones\"") + "," +
                       claim("b", "s2", "weapons", "\"drones\"", ", \"polarity\": \"denies\"") + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.explanation == "s1 says weapons is \"drones\"; s2 denies weapons is \"drones\"; one asserts "
                           "what the other denies");
  }
}

TEST_CASE("booleans contradict when one asserts what the other denies") {
  SUBCASE("asserts vs denies") {
    const auto r = why("[" + claim("a", "s1", "violated", "true") + "," +
                       claim("b", "s2", "violated", "true", ", \"polarity\": \"denies\"") + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.relation == "asserts vs denies");
  }
  SUBCASE("true vs false") {
    const auto r = why("[" + claim("a", "s1", "violated", "true") + "," +
                       claim("b", "s2", "violated", "false") + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.relation == "true vs false");
  }
  SUBCASE("false and denying true agree") {
    const auto r = why("[" + claim("a", "s1", "violated", "false") + "," +
                       claim("b", "s2", "violated", "true", ", \"polarity\": \"denies\"") + "]");
    CHECK(r.kind == "supports");
  }
}

TEST_CASE("text properties get no automatic verdict") {
  const auto r = why("[" + claim("a", "s1", "statement", "\"yes\"") + "," +
                     claim("b", "s2", "statement", "\"no\"") + "]");
  CHECK(r.kind == "compatible");
  CHECK(r.relation == "text");
}

TEST_CASE("a rising running total is an update, a falling one a conflict") {
  const std::string earlier = claim("a", "s1", "deaths", "\"at least two\"", ", \"as_of\": \"2025-12-27T07:00:00Z\"");
  SUBCASE("rising, even when disjoint") {
    const auto r = why("[" + earlier + "," +
                       claim("b", "s2", "deaths", "\"one\"", ", \"as_of\": \"2025-12-27T06:00:00Z\"") + "]");
    // b is earlier by as_of: "one" then "at least two" rises.
    CHECK(r.kind == "update");
    CHECK(r.explanation == "deaths rose from \"one\" (as of 2025-12-27T06:00:00Z) to \"at least two\" "
                           "(as of 2025-12-27T07:00:00Z): a running total, not a conflict");
  }
  SUBCASE("falling") {
    const auto r = why("[" + earlier + "," +
                       claim("b", "s2", "deaths", "\"one\"", ", \"as_of\": \"2025-12-27T14:00:00Z\"") + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.relation == "falling total");
    CHECK(r.explanation == "deaths fell from \"at least two\" (as of 2025-12-27T07:00:00Z) to \"one\" "
                           "(as of 2025-12-27T14:00:00Z): a running total cannot fall; gap 1 (50%)");
  }
  SUBCASE("without as_of the figures are compared as plain intervals") {
    const auto r = why("[" + claim("a", "s1", "deaths", "\"at least two\"") + "," +
                       claim("b", "s2", "deaths", "\"one\"", ", \"as_of\": \"2025-12-27T14:00:00Z\"") + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.relation == "disjoint");
  }
}

TEST_CASE("a part inside its whole is scope, unless the part exceeds the whole") {
  SUBCASE("part within whole") {
    const auto r = why("[" + claim("a", "s1", "launched", "\"about 120\"", ", \"place\": \"town\"") + "," +
                       claim("b", "s2", "launched", "\"about 400\"", ", \"place\": \"land\"") + "]");
    CHECK(r.kind == "scope");
    CHECK(r.explanation == "s1: \"about 120\" -> [108, 132] drones in town; s2: \"about 400\" -> [360, 440] "
                           "drones in land; town is part of land: a regional figure within the whole, "
                           "not a rival figure");
  }
  SUBCASE("part exceeds whole") {
    const auto r = why("[" + claim("a", "s1", "launched", "\"more than 450\"", ", \"place\": \"north\"") + "," +
                       claim("b", "s2", "launched", "\"about 400\"", ", \"place\": \"land\"") + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.relation == "part exceeds whole");
    CHECK(r.explanation == "s1: \"more than 450\" -> (450, inf) drones in north; s2: \"about 400\" -> "
                           "[360, 440] drones in land; part exceeds whole: north is inside land but its "
                           "figure is higher by 10 (2%)");
  }
  SUBCASE("shares are not additive") {
    const auto r = why("[" + claim("a", "s1", "share", "\"roughly 60 percent\"", ", \"place\": \"north\"") + "," +
                       claim("b", "s2", "share", "\"40 percent\"", ", \"place\": \"land\"") + "]");
    CHECK(r.kind == "scope");
  }
  SUBCASE("sibling places are not comparable") {
    const auto r = why("[" + claim("a", "s1", "launched", "\"10\"", ", \"place\": \"north\"") + "," +
                       claim("b", "s2", "launched", "\"500\"", ", \"place\": \"south\"") + "]");
    CHECK(r.kind == "not comparable");
    CHECK(r.explanation == "different places: north and south do not overlap");
  }
}

TEST_CASE("sibling parts summing to more than the whole conflict with it") {
  const std::string north = claim("a", "s1", "launched", "\"250\"", ", \"place\": \"north\"");
  const std::string land = claim("b", "s2", "launched", "\"about 400\"", ", \"place\": \"land\"");
  const std::string south = claim("c", "s3", "launched", "\"more than 200\"", ", \"place\": \"south\"");
  const std::string sentence =
      "s1: \"250\" -> 250 drones in north; s3: \"more than 200\" -> (200, inf) drones in south; "
      "s2: \"about 400\" -> [360, 440] drones in land; parts exceed whole: north and south are parts "
      "of land but their figures sum to more than 450 drones, above its 440 by 10 (2%)";
  SUBCASE("each part against the whole, explained in one sentence") {
    Database db = load("[" + north + "," + land + "," + south + "]");
    for (const auto& [part, whole] : {std::pair{"a", "b"}, std::pair{"c", "b"}, std::pair{"b", "c"}}) {
      const auto r = explain_pair(db, part, whole);
      CHECK(r.kind == "contradicts");
      CHECK(r.relation == "parts exceed whole");
      CHECK(r.severity == doctest::Approx(10.0 / 450));
      CHECK(r.explanation == sentence);
    }
    CHECK(explain_pair(db, "a", "c").kind == "not comparable");  // siblings
    const auto conflicts = list_conflicts(db);
    REQUIRE(conflicts.size() == 2);
    CHECK(conflicts[0].a == "a");
    CHECK(conflicts[0].b == "b");
    CHECK(conflicts[1].a == "b");
    CHECK(conflicts[1].b == "c");
    for (const auto& c : conflicts) {
      CHECK(c.relation == "parts exceed whole");
      CHECK(c.explanation == sentence);
    }
    // The full recompute finds the same.
    const auto again = detect_all(db);
    CHECK(again.contradictions == 2);
    CHECK(list_conflicts(db).size() == 2);
  }
  SUBCASE("parts within the whole are scope") {
    const auto r = why("[" + claim("a", "s1", "launched", "\"150\"", ", \"place\": \"north\"") + "," +
                       land + "," + claim("c", "s3", "launched", "\"200\"", ", \"place\": \"south\"") + "]");
    CHECK(r.kind == "scope");
  }
  SUBCASE("the whole's upper bound counts: 250 + 200 fits under more than 400") {
    const auto r = why("[" + claim("a", "s1", "launched", "\"250\"", ", \"place\": \"north\"") + "," +
                       claim("b", "s2", "launched", "\"more than 400\"", ", \"place\": \"land\"") + "," +
                       claim("c", "s3", "launched", "\"200\"", ", \"place\": \"south\"") + "]");
    CHECK(r.kind == "scope");
  }
  SUBCASE("a place inside another part is not counted twice") {
    // town lies inside north: north 200 + south 200 fit in 440; adding town's 150 would not.
    Database db = load("[" + claim("a", "s1", "launched", "\"200\"", ", \"place\": \"north\"") + "," +
                       land + "," + claim("c", "s3", "launched", "\"200\"", ", \"place\": \"south\"") +
                       "," + claim("d", "s3", "launched", "\"150\"", ", \"place\": \"town\"") + "]");
    CHECK(list_conflicts(db).empty());
    CHECK(explain_pair(db, "d", "b").kind == "scope");
  }
  SUBCASE("of several figures for one part, the lowest is summed") {
    Database db = load("[" + north + "," + land + "," + south + "," +
                       claim("d", "s4", "launched", "\"about 150\"", ", \"place\": \"north\"") + "]");
    // north 135 (the lower figure) + south 200 fit in 440.
    CHECK(explain_pair(db, "c", "b").kind == "scope");
  }
  SUBCASE("shares are not summed") {
    const auto r = why("[" + claim("a", "s1", "share", "\"60 percent\"", ", \"place\": \"north\"") + "," +
                       claim("b", "s2", "share", "\"40 percent\"", ", \"place\": \"land\"") + "," +
                       claim("c", "s3", "share", "\"70 percent\"", ", \"place\": \"south\"") + "]");
    CHECK(r.kind == "scope");
  }
  SUBCASE("a part outside the whole's time window is not summed") {
    const std::string window = R"(, "valid_from": "2025-01-01", "valid_to": "2025-01-02")";
    const auto r = why("[" + claim("a", "s1", "launched", "\"250\"", ", \"place\": \"north\"" + window) +
                       "," + claim("b", "s2", "launched", "\"about 400\"", ", \"place\": \"land\"" + window) +
                       "," + claim("c", "s3", "launched", "\"more than 200\"", ", \"place\": \"south\"") + "]");
    CHECK(r.kind == "scope");
  }
  SUBCASE("an uninformative part is not summed") {
    const auto r = why("[" + north + "," + land + "," +
                       claim("c", "s3", "launched", "\"many\"", ", \"place\": \"south\"") + "]");
    CHECK(r.kind == "scope");
  }
}

TEST_CASE("time windows that do not overlap are not comparable") {
  const auto r = why("[" + claim("a", "s1", "target", "\"energy\"", ", \"valid_from\": \"2025-01-01\", \"valid_to\": \"2025-01-07\"") + "," +
                     claim("b", "s2", "target", "\"military\"", ", \"valid_from\": \"2025-01-08\", \"valid_to\": \"2025-01-14\"") + "]");
  CHECK(r.kind == "not comparable");
  CHECK(r.relation == "different times");
}

TEST_CASE("windows are half-open: back-to-back windows are not comparable") {
  auto window = [](const std::string& from, const std::string& to) {
    return ", \"unit\": \"drone\", \"valid_from\": \"" + from + "\", \"valid_to\": \"" + to + "\"";
  };
  SUBCASE("10:00-12:00 and 12:00-14:00 only touch") {
    const auto r = why("[" + claim("a", "s1", "launched", "5", window("2025-01-01T10:00:00Z", "2025-01-01T12:00:00Z")) + "," +
                       claim("b", "s1", "launched", "50", window("2025-01-01T12:00:00Z", "2025-01-01T14:00:00Z")) + "]");
    CHECK(r.kind == "not comparable");
    CHECK(r.relation == "different times");
  }
  SUBCASE("either order") {
    const auto r = why("[" + claim("a", "s1", "launched", "5", window("2025-01-01T12:00:00Z", "2025-01-01T14:00:00Z")) + "," +
                       claim("b", "s2", "launched", "50", window("2025-01-01T10:00:00Z", "2025-01-01T12:00:00Z")) + "]");
    CHECK(r.relation == "different times");
  }
  SUBCASE("windows overlapping by a minute are compared, and the explanation gives them") {
    const auto r = why("[" + claim("a", "s1", "launched", "5", window("2025-01-01T10:00:00Z", "2025-01-01T12:01:00Z")) + "," +
                       claim("b", "s2", "launched", "50", window("2025-01-01T12:00:00Z", "2025-01-01T14:00:00Z")) + "]");
    CHECK(r.kind == "contradicts");
    CHECK(r.explanation ==
          "s1: \"5\" -> 5 drones (valid 2025-01-01T10:00:00Z to 2025-01-01T12:01:00Z); "
          "s2: \"50\" -> 50 drones (valid 2025-01-01T12:00:00Z to 2025-01-01T14:00:00Z); disjoint, gap 45 (90%)");
  }
  SUBCASE("a one-instant window inside another overlaps it") {
    const auto r = why("[" + claim("a", "s1", "launched", "5", window("2025-01-01T12:00:00Z", "2025-01-01T12:00:00Z")) + "," +
                       claim("b", "s2", "launched", "50", window("2025-01-01T12:00:00Z", "2025-01-01T14:00:00Z")) + "]");
    CHECK(r.kind == "contradicts");
  }
  SUBCASE("an instant at the end of a window lies outside it") {
    const auto r = why("[" + claim("a", "s1", "launched", "5", window("2025-01-01T14:00:00Z", "2025-01-01T14:00:00Z")) + "," +
                       claim("b", "s2", "launched", "50", window("2025-01-01T12:00:00Z", "2025-01-01T14:00:00Z")) + "]");
    CHECK(r.relation == "different times");
  }
  SUBCASE("whole days: consecutive dates do not overlap, the same date does") {
    CHECK(why("[" + claim("a", "s1", "launched", "5", window("2025-01-01", "2025-01-01")) + "," +
              claim("b", "s2", "launched", "50", window("2025-01-02", "2025-01-02")) + "]")
              .relation == "different times");
    CHECK(why("[" + claim("a", "s1", "launched", "5", window("2025-01-01", "2025-01-01")) + "," +
              claim("b", "s2", "launched", "50", window("2025-01-01T10:00:00Z", "2025-01-01T12:00:00Z")) + "]")
              .kind == "contradicts");
  }
}

TEST_CASE("claimants sharing an affiliation are not independent support") {
  SUBCASE("quantities") {
    const auto r = why("[" + claim("a", "s1", "launched", "\"474\"") + "," +
                       claim("b", "s4", "launched", "\"about 470\"") + "]");
    CHECK(r.kind == "compatible");
    CHECK(r.relation == "same affiliation");
    CHECK(r.explanation.find("both claimants speak for side-a: not independent support") != std::string::npos);
  }
  SUBCASE("categories") {
    const auto r = why("[" + claim("a", "s1", "target", "\"energy\"") + "," +
                       claim("b", "s4", "target", "\"energy\"") + "]");
    CHECK(r.kind == "compatible");
    CHECK(r.relation == "same affiliation");
  }
  SUBCASE("no affiliation on one side says nothing against independence") {
    CHECK(why("[" + claim("a", "s1", "launched", "\"474\"") + "," +
              claim("b", "s3", "launched", "\"about 470\"") + "]").kind == "supports");
  }
  SUBCASE("shared affiliation does not hide a contradiction") {
    CHECK(why("[" + claim("a", "s1", "launched", "\"474\"") + "," +
              claim("b", "s4", "launched", "\"50\"") + "]").kind == "contradicts");
  }
}

TEST_CASE("the same claimant repeated is an echo, never independent support") {
  Database db = load("[" + claim("a", "s1", "launched", "\"474\"") + "," +
                     claim("b", "s1", "launched", "\"four hundred and seventy-four\"") + "," +
                     claim("c", "s2", "launched", "\"about 500\"") + "]");
  const auto echo = explain_pair(db, "a", "b");
  CHECK(echo.kind == "echo");
  CHECK(echo.explanation == "s1: \"474\" -> 474 drones; s1: \"four hundred and seventy-four\" -> 474 drones; "
                            "the same claimant repeated: an echo, not independent support");
  CHECK(explain_pair(db, "a", "c").kind == "supports");
  const auto repeat = explain_pair(db, "b", "c");
  CHECK(repeat.kind == "compatible");
  CHECK(repeat.relation == "repeat");
}

TEST_CASE("a declared constraint is checked across properties and sources") {
  Database db = load("[" + claim("a", "s1", "intercepted", "\"nearly 200\"") + "," +
                     claim("b", "s2", "launched", "\"150\"") + "," +
                     claim("c", "s3", "launched", "\"more than 300\"") + "]");
  const auto r = explain_pair(db, "a", "b");
  CHECK(r.kind == "contradicts");
  CHECK(r.relation == "constraint <=");
  CHECK(r.explanation == "s1: intercepted \"nearly 200\" -> [180, 200) drones; s2: launched \"150\" -> 150 "
                         "drones; violates intercepted <= launched by 30 (15%)");
  CHECK(explain_pair(db, "a", "c").kind == "compatible");
  const auto conflicts = list_conflicts(db);
  REQUIRE(conflicts.size() == 2);  // the constraint and 150 vs more than 300
}

TEST_CASE("why names the reason two claims are not comparable") {
  Database db = load("[" + claim("a", "s1", "launched", "\"474\"") + "," +
                     claim("b", "s2", "target", "\"energy\"") + "," +
                     R"({"id": "c", "claimant": "s2", "entity": "e2", "property": "launched", "value": "500"},)" +
                     claim("d", "s2", "launched", "\"600\"", ", \"supersedes\": \"a\"") + "," +
                     claim("e", "s3", "launched", "\"700\"") + "]",
                     R"(, "retractions": [{"claim": "e", "reason": "withdrawn"}])");
  CHECK(explain_pair(db, "d", "b").explanation ==
        "different properties (target, launched) with no declared constraint");
  CHECK(explain_pair(db, "d", "c").explanation == "about different entities: e2 and e1");
  CHECK(explain_pair(db, "a", "d").explanation ==
        "a is superseded by a correction: only current claims are compared");
  CHECK(explain_pair(db, "d", "e").explanation == "e is retracted: only current claims are compared");
  CHECK_THROWS_WITH_AS(explain_pair(db, "a", "nope"), "unknown claim 'nope'", Error);
}

TEST_CASE("list_conflicts filters by entity, property, source, kind and severity") {
  Database db = load("[" + claim("a", "s1", "launched", "\"100\"") + "," +
                     claim("b", "s2", "launched", "\"200\"") + "," +
                     claim("c", "s3", "launched", "\"about 100\"") + "," +
                     claim("d", "s1", "target", "\"x\"") + "," + claim("e", "s2", "target", "\"y\"") + "]");
  CHECK(list_conflicts(db).size() == 3);  // a-b, b-c, d-e
  CHECK(list_conflicts(db, {.property = "target"}).size() == 1);
  CHECK(list_conflicts(db, {.source = "s3"}).size() == 1);
  CHECK(list_conflicts(db, {.min_severity = 0.49}).size() == 2);
  CHECK(list_conflicts(db, {.entity = "e2"}).empty());
  CHECK(list_conflicts(db, {.kind = "supports"}).size() == 1);  // a-c
  CHECK(list_conflicts(db, {.include_non_conflicts = true}).size() == 4);
  const auto one = list_conflicts(db, {.property = "target"}).front();
  CHECK(one.a == "d");
  CHECK(one.b == "e");
  CHECK(one.claimant_a == "s1");
  CHECK(one.phrase_b == "y");
  CHECK(one.origin == "detector");
}
