// End to end: fixtures/pension-march/, an invented story with national and
// city crowd counts from two sides (unions against the authorities), an
// independent count, and relays by other outlets (one rounding the figure).
// Every link, the near miss and the two camps are asserted exactly.
#include "cli/cli_support.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace claimdb;

namespace {

using Strings = std::vector<std::string>;

// "kind (relation) a b" for every link the detector made, with --all.
std::set<std::string> links_of(const Database& db) {
  ConflictFilter all;
  all.include_non_conflicts = true;
  std::set<std::string> out;
  for (const auto& c : list_conflicts(db, all)) out.insert(c.kind + " (" + c.relation + ") " + c.a + " " + c.b);
  return out;
}

}  // namespace

TEST_CASE("the pension march story: conflicts, echoes, a tension and two camps") {
  Database db = Database::open(":memory:");
  const ImportSummary s = import_files(db, {test::fixture("pension-march/story.json").string()});
  CHECK(s.claims == 7);
  CHECK(s.detected == 21);
  CHECK(s.conflicts == 8);
  CHECK(s.tensions == 1);
  CHECK(s.uncompared == 0);

  const std::set<std::string> expected = {
      // The two sides' national figures, directly and through the relays.
      "contradicts (disjoint) march-union-national march-ministry-national",
      "contradicts (disjoint, repeat) march-union-national march-tribune-ministry-national",
      "contradicts (disjoint) march-ministry-national march-meridian-union-national",
      "contradicts (disjoint, repeat) march-meridian-union-national march-tribune-ministry-national",
      // The unions' city figure against the authorities' national one, and
      // against both city counts.
      "contradicts (part exceeds whole) march-union-city march-ministry-national",
      "contradicts (part exceeds whole, repeat) march-union-city march-tribune-ministry-national",
      "contradicts (disjoint) march-union-city march-prefecture-city",
      "contradicts (disjoint) march-union-city march-collective-city",
      // Relays: rounded (1.24 million as 1.2 million) and verbatim.
      "echo (rounded) march-union-national march-meridian-union-national",
      "echo (same claimant) march-ministry-national march-tribune-ministry-national",
      // The two city counts miss each other by less than their vagueness.
      "tension (near miss) march-prefecture-city march-collective-city",
      // City figures within national ones: neither agreement nor conflict.
      "scope (part within whole) march-union-national march-union-city",
      "scope (part within whole) march-union-national march-prefecture-city",
      "scope (part within whole) march-union-national march-collective-city",
      "scope (part within whole) march-union-city march-meridian-union-national",
      "scope (part within whole) march-ministry-national march-prefecture-city",
      "scope (part within whole) march-ministry-national march-collective-city",
      "scope (part within whole) march-prefecture-city march-meridian-union-national",
      "scope (part within whole) march-prefecture-city march-tribune-ministry-national",
      "scope (part within whole) march-collective-city march-meridian-union-national",
      "scope (part within whole) march-collective-city march-tribune-ministry-national",
  };
  CHECK(links_of(db) == expected);
  CHECK(list_conflicts(db).size() == 8);

  // The relays are in French and German: read in their reports' languages.
  CHECK(db.get_claim("march-meridian-union-national").value.interval->lo == 1200000.0);
  CHECK(db.get_claim("march-meridian-union-national").value.unit == "person");
  CHECK(db.get_claim("march-tribune-ministry-national").value.interval->lo == 280000.0);
  CHECK(db.get_claim("march-tribune-ministry-national").value.unit == "person");

  // The explanations name the rounding, the near miss and the places.
  CHECK(explain_pair(db, "march-union-national", "march-meridian-union-national").explanation ==
        "union-federation: \"1.24 million\" -> 1240000 people in norland; union-federation: \"1,2 million de "
        "manifestants\" -> 1200000 people in norland; the same claimant's figure rounded differently: they differ "
        "by 40000, within the rounding of \"1,2 million de manifestants\" (to the nearest 100000): an echo, not a "
        "contradiction");
  CHECK(explain_pair(db, "march-prefecture-city", "march-collective-city").explanation ==
        "alder-prefecture: \"about 45,000\" -> [40500, 49500] people in port-alder; count-collective: \"about "
        "56,000\" -> [50400, 61600] people in port-alder; disjoint by 900 (1%), less than the vagueness of "
        "either phrase: a near miss, not a contradiction");
  CHECK(explain_pair(db, "march-union-city", "march-prefecture-city").explanation ==
        "union-federation: \"400,000\" -> 400000 people in port-alder; alder-prefecture: \"about 45,000\" -> "
        "[40500, 49500] people in port-alder; disjoint, gap 350500 (88%)");

  // One dispute, two camps: the unions against the authorities and the
  // independent count (the scope links between levels take no side).
  const auto camps = find_camps(ClaimGraph::load(db));
  REQUIRE(camps.size() == 1);
  CHECK(camps[0].balanced);
  REQUIRE(camps[0].camps.size() == 2);
  CHECK(camps[0].camps[0].claims == Strings{"march-collective-city", "march-ministry-national",
                                            "march-prefecture-city", "march-tribune-ministry-national"});
  CHECK(camps[0].camps[0].sources == Strings{"alder-prefecture", "count-collective", "interior-ministry"});
  CHECK(camps[0].camps[1].claims ==
        Strings{"march-meridian-union-national", "march-union-city", "march-union-national"});
  CHECK(camps[0].camps[1].sources == Strings{"union-federation"});
  CHECK(camps[0].outside.empty());

  // The rounded relay counts as the unions' statement again, not a second origin.
  const Provenance p = trace_provenance(ClaimGraph::load(db), "march-meridian-union-national");
  CHECK(p.original_claim == "march-union-national");
  CHECK(p.independent_origins == 1);

  // Nothing left out: check is ok.
  CHECK(db.check().empty());
}

TEST_CASE("the pension march story on the command line: camps and the listing with --all") {
  test::TempDir dir;
  const std::string db = test::shell_quote(dir.file("march.db"));
  const std::string err = dir.file("err.txt");
  const auto imported = test::run_shell("claimdb --db " + db + " import fixtures/pension-march/story.json", {}, err);
  CHECK(imported.status == 0);
  CHECK(test::read_file(err).find("8 conflicts found (21 detector links, 1 tension)") != std::string::npos);
  const auto camps = test::run_shell("claimdb --db " + db + " camps --format csv");
  CHECK(camps.status == 0);
  CHECK(camps.out ==
        "dispute,entity,side,sources,claims\n"
        "1,norland-pension-march-2026,camp 1,\"alder-prefecture, count-collective, interior-ministry\","
        "\"march-collective-city, march-ministry-national, march-prefecture-city, march-tribune-ministry-national\"\n"
        "1,norland-pension-march-2026,camp 2,union-federation,"
        "\"march-meridian-union-national, march-union-city, march-union-national\"\n");
  const auto tension = test::run_shell("claimdb --db " + db + " conflicts --all --kind tension");
  CHECK(tension.out.rfind("tension (near miss, severity 0.01)  march-prefecture-city  vs  march-collective-city", 0) == 0);
  const auto check = test::run_shell("claimdb --db " + db + " check");
  CHECK(check.out == "ok\n");
}

TEST_CASE("on the command line a claim that could not be compared is counted, listed and reported") {
  test::TempDir dir;
  const std::string file = dir.write("units.json", R"({
  "sources": [{"id": "s1", "name": "One"}, {"id": "s2", "name": "Two"}],
  "entities": [{"id": "e", "name": "E"}],
  "properties": [{"id": "extent", "value_type": "quantity"}],
  "claims": [{"id": "a", "claimant": "s1", "entity": "e", "property": "extent", "value": "3 km"},
             {"id": "b", "claimant": "s2", "entity": "e", "property": "extent", "value": "5 hours"}]})");
  const std::string db = test::shell_quote(dir.file("u.db"));
  const std::string err = dir.file("err.txt");
  CHECK(test::run_shell("claimdb --db " + db + " import " + test::shell_quote(file), {}, err).status == 0);
  CHECK(test::read_file(err).find("0 conflicts found (0 detector links), 2 claims not compared with their group "
                                  "(claimdb conflicts --kind uncompared)") != std::string::npos);
  CHECK(test::run_shell("claimdb --db " + db + " conflicts").out == "no conflicts\n");
  CHECK(test::run_shell("claimdb --db " + db + " conflicts --all").out ==
        "uncompared (different units, severity 0.00)  a  vs  b  [e]\n"
        "  s1: \"3 km\" -> 3000 m; s2: \"5 hours\" -> 18000 s; the units measure different things; a was not "
        "compared with 1 claim of its group (different units)\n"
        "uncompared (different units, severity 0.00)  b  vs  a  [e]\n"
        "  s1: \"3 km\" -> 3000 m; s2: \"5 hours\" -> 18000 s; the units measure different things; b was not "
        "compared with 1 claim of its group (different units)\n");
  const auto check = test::run_shell("claimdb --db " + db + " check");
  CHECK(check.status == 0);  // a warning, not an error
  CHECK(check.out ==
        "warning: 2 claim(s) could not be compared with their group (different units: 2); claimdb conflicts "
        "--kind uncompared lists them\n");
}
