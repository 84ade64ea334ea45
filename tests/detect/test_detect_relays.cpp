// Relays rounding a figure (echo), near misses of vague figures (tension) and
// the claims detection could not compare (uncompared): nothing is silent.
#include "support.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

using namespace claimdb;

namespace {

std::string document(const std::string& claims) {
  return R"({
  "sources": [{"id": "ministry", "name": "Ministry", "affiliation": "gov"},
              {"id": "union", "name": "Union", "affiliation": "unions"},
              {"id": "wire", "name": "Wire"}, {"id": "paper", "name": "Paper"}],
  "entities": [{"id": "land", "name": "Land"}, {"id": "march", "name": "The march"}],
  "properties": [{"id": "marchers", "value_type": "quantity", "unit": "person"},
                 {"id": "extent", "value_type": "quantity"}],
  "reports": [{"id": "r1", "publisher": "wire", "title": "One"},
              {"id": "r2", "publisher": "paper", "title": "Two", "cites": "r1"}],
  "claims": )" + claims + "}";
}

std::string claim(const std::string& id, const std::string& claimant, const std::string& value,
                  const std::string& more = {}, const std::string& property = "marchers") {
  return R"({"id": ")" + id + R"(", "claimant": ")" + claimant +
         R"(", "entity": "march", "property": ")" + property + R"(", "value": )" + value + more + "}";
}

Database load(const std::string& claims, ImportSummary* summary = nullptr) {
  Database db = Database::open(":memory:");
  const ImportSummary s = import_text(db, document(claims), "case.json", false);
  if (summary) *summary = s;
  return db;
}

Relation why(const std::string& a, const std::string& b) {
  Database db = load("[" + a + "," + b + "]");
  return explain_pair(db, "a", "b");
}

}  // namespace

TEST_CASE("a figure relayed rounded by another report is an echo that names the difference") {
  const auto r = why(claim("a", "ministry", "\"2.48 million\"", R"(, "report": "r1")"),
                     claim("b", "ministry", "\"2.5 million\"", R"(, "report": "r2")"));
  CHECK(r.kind == "echo");
  CHECK(r.relation == "rounded");
  CHECK(r.severity == 0);
  CHECK(r.explanation ==
        "ministry: \"2.48 million\" -> 2480000 people; ministry: \"2.5 million\" -> 2500000 people; the same "
        "claimant's figure rounded differently: they differ by 20000, within the rounding of \"2.5 million\" "
        "(to the nearest 100000): an echo, not a contradiction");
  SUBCASE("percentages round too") {
    CHECK(why(claim("a", "ministry", "\"48.6%\""), claim("b", "ministry", "\"49%\"")).relation == "rounded");
  }
}

TEST_CASE("figures that differ by more than rounding still contradict, whoever relays them") {
  // Equal precision: two different figures.
  CHECK(why(claim("a", "ministry", "\"2.4 million\""), claim("b", "ministry", "\"2.5 million\"")).kind ==
        "contradicts");
  // The coarser figure carries one significant digit: "20" says nothing of rounding.
  CHECK(why(claim("a", "ministry", "\"19\""), claim("b", "ministry", "\"20\"")).kind == "contradicts");
  // Beyond half the coarser step.
  CHECK(why(claim("a", "ministry", "\"2.44 million\""), claim("b", "ministry", "\"2.5 million\"")).kind ==
        "contradicts");
  // Two claimants rounding differently are two accounts, not one relayed.
  CHECK(why(claim("a", "ministry", "\"2.48 million\""), claim("b", "union", "\"2.5 million\"")).kind ==
        "contradicts");
}

TEST_CASE("two vague figures missing each other by less than their vagueness are a tension") {
  const auto r = why(claim("a", "ministry", "\"about 500\""), claim("b", "union", "\"nearly 450\""));
  CHECK(r.kind == "tension");
  CHECK(r.relation == "near miss");
  CHECK(r.explanation ==
        "ministry: \"about 500\" -> [450, 550] people; union: \"nearly 450\" -> [405, 450) people; disjoint by 0 "
        "(0%), less than the vagueness of either phrase: a near miss, not a contradiction");
  CHECK(why(claim("a", "ministry", "\"about 100\""), claim("b", "union", "\"about 130\"")).kind == "tension");
  SUBCASE("a wider gap, a bound or an exact figure is still a contradiction") {
    CHECK(why(claim("a", "ministry", "\"about 100\""), claim("b", "union", "\"about 150\"")).kind ==
          "contradicts");
    CHECK(why(claim("a", "ministry", "\"about 500\""), claim("b", "union", "\"more than 600\"")).kind ==
          "contradicts");
    CHECK(why(claim("a", "ministry", "\"about 500\""), claim("b", "union", "\"449\"")).kind == "contradicts");
    CHECK(why(claim("a", "ministry", "\"about 60\""), claim("b", "union", "\"fewer than 50\"")).kind ==
          "contradicts");
  }
  SUBCASE("listed with the non-conflicts, never as a conflict") {
    ImportSummary s;
    Database db = load("[" + claim("a", "ministry", "\"about 500\"") + "," + claim("b", "union", "\"nearly 450\"") +
                           "]",
                       &s);
    CHECK(s.conflicts == 0);
    CHECK(s.tensions == 1);
    CHECK(list_conflicts(db).empty());
    ConflictFilter all;
    all.include_non_conflicts = true;
    const auto listed = list_conflicts(db, all);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].kind == "tension");
    ConflictFilter tension;
    tension.kind = "tension";
    CHECK(list_conflicts(db, tension).size() == 1);
    CHECK(detect_all(db).tensions == 1);
  }
}

TEST_CASE("claims that could not be compared are counted, listed with the reason and reported by check") {
  ImportSummary s;
  Database db = load("[" + claim("a", "ministry", "\"3 km\"", "", "extent") + "," +
                         claim("b", "union", "\"5 hours\"", "", "extent") + "," +
                         claim("c", "wire", "\"about 3 km\"", "", "extent") + "," +
                         claim("d", "union", "\"300\"", R"(, "polarity": "denies")") + "," +
                         claim("e", "ministry", "\"250\"") + "]",
                     &s);
  CHECK(s.uncompared == 4);  // a, b and c (units), d (denied)
  CHECK(list_conflicts(db).empty());
  ConflictFilter only;
  only.kind = "uncompared";
  const auto listed = list_conflicts(db, only);
  REQUIRE(listed.size() == 4);
  // By entity, property (marchers first), then claim.
  CHECK(listed[0].a == "d");
  CHECK(listed[0].relation == "denied figure");
  CHECK(listed[1].kind == "uncompared");
  CHECK(listed[1].a == "a");
  CHECK(listed[1].b == "b");
  CHECK(listed[1].relation == "different units");
  CHECK(listed[1].explanation ==
        "ministry: \"3 km\" -> 3000 m; union: \"5 hours\" -> 18000 s; the units measure different things; a "
        "was not compared with 1 claim of its group (different units)");
  CHECK(listed[2].a == "b");
  CHECK(listed[2].explanation.find("b was not compared with 2 claims of its group (different units)") !=
        std::string::npos);
  CHECK(listed[3].a == "c");
  ConflictFilter all;
  all.include_non_conflicts = true;
  CHECK(list_conflicts(db, all).size() == 4 + 1);  // and a supports c
  bool reported = false;
  for (const auto& f : db.check())
    if (f.what.find("4 claim(s) could not be compared with their group (different units: 3, denied figure: 1)") !=
        std::string::npos)
      reported = f.severity == "warning";
  CHECK(reported);
  // detect_all finds the same.
  CHECK(detect_all(db).uncompared == 4);
  CHECK(list_conflicts(db, only).size() == 4);
}

TEST_CASE("a group larger than the detector's window says which claims were not compared with all of it") {
  // 2003 claims of one group, each on a day of its own (so no pair links):
  // the window compares each claim with the 2000 before and after it, so the
  // first two and the last two miss some.
  std::string claims = "[";
  for (int i = 0; i < 2003; ++i) {
    const int year = 2000 + i / 336, month = 1 + (i % 336) / 28, day = 1 + i % 28;
    char from[32], to[32];
    std::snprintf(from, sizeof from, "%04d-%02d-%02dT00:00:00Z", year, month, day);
    std::snprintf(to, sizeof to, "%04d-%02d-%02dT01:00:00Z", year, month, day);
    claims += (i ? "," : "") + claim("c" + std::to_string(i), "wire", std::to_string(i),
                                     std::string(R"(, "valid_from": ")") + from + R"(", "valid_to": ")" + to + "\"");
  }
  claims += "]";
  ImportSummary s;
  Database db = load(claims, &s);
  ConflictFilter only;
  only.kind = "uncompared";
  const auto listed = list_conflicts(db, only);
  CHECK(s.claims == 2003);
  CHECK(s.detected == 0);
  CHECK(s.uncompared == 4);  // c0 and c2002 miss 2 claims each, c1 and c2001 one
  REQUIRE(listed.size() == 4);
  REQUIRE(!listed.empty());
  CHECK(listed.front().relation == "group too large");
  CHECK(listed.front().a == "c0");
  CHECK(listed.front().b == "c2001");
  CHECK(listed.front().explanation.find("c0 was not compared with 2 claims of its group (group too large)") !=
        std::string::npos);
  CHECK(listed.back().a == "c2002");
  CHECK(listed.back().b == "c0");
}
