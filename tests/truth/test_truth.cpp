// Truth discovery on small hand-made cases with known answers, and the CLI's
// refusals.
#include "cli/cli_support.hpp"
#include "support.hpp"

#include <claimdb/claimdb.hpp>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace claimdb;

namespace {

// Three good sources agree on four cities; `bad` gives other figures and
// `copier` repeats every one of bad's (recorded as repeats links). On e1
// only good1 speaks for the truth, so a plain vote follows the copy.
struct Towns {
  Database db = Database::open(":memory:");
  int next = 0;

  std::string claim(const std::string& source, const std::string& entity, const std::string& phrase) {
    Claim c;
    c.id = "c" + std::to_string(++next);
    c.claimant = source;
    c.entity = entity;
    c.property = "population";
    c.value.phrase = phrase;
    db.add(c);
    return c.id;
  }
  void repeats(const std::string& from, const std::string& to) {
    Link l;
    l.from = from;
    l.to = to;
    l.kind = "repeats";
    l.origin = "analyst";
    db.add(l);
  }

  Towns() {
    for (const char* s : {"good1", "good2", "good3", "bad", "copier"}) {
      Source src;
      src.id = s;
      src.name = s;
      db.add(src);
    }
    for (const char* e : {"e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"}) {
      Entity ent;
      ent.id = e;
      ent.name = e;
      db.add(ent);
    }
    Property p;
    p.id = "population";
    p.value_type = ValueType::quantity;
    db.add(p);
    claim("good1", "e1", "100");
    repeats(claim("copier", "e1", "200"), claim("bad", "e1", "200"));
    for (const char* e : {"e2", "e3", "e4"}) {
      for (const char* g : {"good1", "good2", "good3"}) claim(g, e, "1000");
      repeats(claim("copier", e, "1500"), claim("bad", e, "1500"));
    }
    for (const char* g : {"good1", "good2", "good3"}) claim(g, "e5", "50");
  }

  const TruthAnswer& answer(const TruthResult& r, const std::string& entity) {
    auto it = std::find_if(r.answers.begin(), r.answers.end(), [&](const TruthAnswer& a) { return a.entity == entity; });
    REQUIRE(it != r.answers.end());
    return *it;
  }
};

}  // namespace

TEST_SUITE("truth") {

TEST_CASE("a copier repeating a bad source is discounted") {
  Towns t;
  TruthOptions vote;
  vote.method = "vote";
  CHECK(t.answer(discover_truth(t.db, vote), "e1").value.phrase == "200");
  for (const std::string method : {"accucopy", "interval", "truthfinder", "sums"}) {
    CAPTURE(method);
    TruthOptions o;
    o.method = method;
    const TruthResult r = discover_truth(t.db, o);
    const TruthAnswer& a = t.answer(r, "e1");
    if (method == "accucopy" || method == "interval") {
      CHECK(a.value.phrase == "100");
      CHECK(a.sources == std::vector<std::string>{"good1"});
      CHECK(a.dissent_sources == std::vector<std::string>{"bad", "copier"});
      auto copier = std::find_if(r.sources.begin(), r.sources.end(), [](const SourceTrust& s) { return s.source == "copier"; });
      REQUIRE(copier != r.sources.end());
      CHECK(copier->copies == std::vector<std::string>{"bad"});
    }
    // Every method ranks the good sources above the bad one.
    double good = 0, bad = 0;
    for (const auto& s : r.sources) {
      if (s.source == "good2") good = s.reliability;
      if (s.source == "bad") bad = s.reliability;
    }
    CHECK(good > bad);
  }
}

TEST_CASE("a unanimous group has confidence near 1, counted by independent origins") {
  Towns t;
  for (const std::string method : {"vote", "sums", "truthfinder", "accucopy", "interval"}) {
    CAPTURE(method);
    TruthOptions o;
    o.method = method;
    const TruthResult result = discover_truth(t.db, o);
    const TruthAnswer& a = t.answer(result, "e5");
    CHECK(a.value.phrase == "50");
    CHECK(a.confidence > 0.9);
    CHECK(a.confidence <= 1.0);
    CHECK(a.independent_origins == 3);
    CHECK(a.dissent.empty());
  }
}

TEST_CASE("a reviewed claim wins: true fixes the answer, false rules a value out") {
  Towns t;
  t.claim("good1", "e6", "10");
  t.claim("good2", "e6", "10");
  const std::string right = t.claim("bad", "e6", "11");
  Review yes;
  yes.claim = right;
  yes.rating = "true";
  yes.reviewer = "checker";
  t.db.add(yes);
  const std::string wrong = t.claim("good1", "e7", "5");
  t.claim("bad", "e7", "6");
  Review no;
  no.claim = wrong;
  no.rating = "False";
  no.reviewer = "checker";
  t.db.add(no);
  for (const auto& method : truth_methods()) {
    CAPTURE(method);
    TruthOptions o;
    o.method = method;
    const TruthResult r = discover_truth(t.db, o);
    const TruthAnswer& six = t.answer(r, "e6");
    CHECK(six.value.phrase == "11");
    CHECK(six.confidence == doctest::Approx(1.0));
    CHECK(six.reviewed);
    CHECK(t.answer(r, "e7").value.phrase == "6");
  }
}

TEST_CASE("a group with one claim has a defined answer") {
  Towns t;
  t.claim("good1", "e8", "about 300");
  for (const auto& method : truth_methods()) {
    CAPTURE(method);
    TruthOptions o;
    o.method = method;
    o.entity = "e8";
    const TruthResult r = discover_truth(t.db, o);
    REQUIRE(r.answers.size() == 1);
    const TruthAnswer& a = r.answers[0];
    CHECK(a.value.phrase == "about 300");
    REQUIRE(a.value.interval);
    CHECK(a.value.interval->lo.value() < 300);
    CHECK(a.value.interval->hi.value() > 300);
    CHECK(a.confidence > 0);
    CHECK(a.confidence <= 1);
    CHECK(a.claims.size() == 1);
    CHECK(!a.explanation.empty());
  }
}

TEST_CASE("the interval method answers the intersection of trusted vague claims") {
  Towns t;
  t.claim("good1", "e8", "about 500");
  t.claim("good2", "e8", "nearly 500");
  TruthOptions o;
  o.method = "interval";
  o.entity = "e8";
  const TruthResult r = discover_truth(t.db, o);
  REQUIRE(r.answers.size() == 1);
  const auto& v = r.answers[0].value;
  REQUIRE(v.interval);
  CHECK(r.answers[0].claims.size() == 2);
  CHECK(v.interval->hi.value() <= 500);
  CHECK(v.interval->lo.value() >= 440);
}

TEST_CASE("unknown methods and priors are refused") {
  Towns t;
  TruthOptions o;
  o.method = "oracle";
  CHECK_THROWS_AS(discover_truth(t.db, o), Error);
  TruthOptions p;
  p.priors["nobody"] = 0.9;
  try {
    discover_truth(t.db, p);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
  }
  TruthOptions q;
  q.priors["good1"] = 1.5;
  CHECK_THROWS_AS(discover_truth(t.db, q), Error);
}

TEST_CASE("the query language's truth and trust give the library's answers") {
  Towns t;
  const QueryResult r = query(t.db, "truth about e5 on population");
  REQUIRE(r.rows.size() == 1);
  CHECK(r.columns[3] == "value");
  CHECK(std::get<std::string>(r.rows[0][3]).rfind("50", 0) == 0);
  const QueryResult s = query(t.db, "trust");
  CHECK(s.rows.size() == 5);
  CHECK_THROWS_AS(query(t.db, "truth about nowhere"), Error);
  CHECK_THROWS_AS(query(t.db, "truth as of 2020-01-01"), Error);
}

TEST_CASE("claimdb truth and trust: JSON members, and refusals with exit 3") {
  test::TempDir dir;
  const std::string db = dir.file("claims.db");
  const auto files = test::seed_files();
  auto run = [&](const std::string& args) {
    return test::run_shell("claimdb --db " + test::shell_quote(db) + " " + args);
  };
  REQUIRE(run("import " + test::shell_quote(files[0]) + " " + test::shell_quote(files[1])).status == 0);
  const auto out = run("truth --about kyiv-strike-2025-12 --property drones_launched --format json");
  REQUIRE(out.status == 0);
  const auto rows = nlohmann::json::parse(out.out);
  REQUIRE(rows.size() == 1);
  for (const char* member : {"entity", "property", "place", "value", "confidence", "claims", "sources", "dissent",
                             "independent_origins", "method", "explanation"})
    CHECK(rows[0].contains(member));
  for (const char* member : {"phrase", "lo", "hi", "lo_open", "hi_open", "unit"}) CHECK(rows[0]["value"].contains(member));
  CHECK(run("trust --format json").status == 0);
  CHECK(run("truth --format csv").status == 0);
  CHECK(run("truth --method oracle").status == 3);
  CHECK(run("truth --prior nobody=0.9").status == 3);
  CHECK(run("trust --prior zelensky=high").status == 3);
  CHECK(run("truth --prior zelensky=0.9").status == 0);
}

}  // TEST_SUITE
