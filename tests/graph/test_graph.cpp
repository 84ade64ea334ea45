// The claim graph: small hand-checked graphs for every algorithm.
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <tuple>

using namespace claimdb;

namespace {

using Strings = std::vector<std::string>;

// A graph from (claim, claimant) pairs and (from, to, kind) links; every claim
// is about entity "e", property "p". Link ids are "l1", "l2", ... in order.
struct Rows {
  GraphRows rows;

  Rows& claims(std::initializer_list<std::pair<const char*, const char*>> items) {
    for (const auto& [id, claimant] : items) {
      GraphClaim c;
      c.id = id;
      c.claimant = claimant;
      c.entity = "e";
      c.property = "p";
      c.phrase = std::string("value of ") + id;
      rows.claims.push_back(c);
    }
    return *this;
  }
  Rows& links(std::initializer_list<std::tuple<const char*, const char*, const char*>> items) {
    for (const auto& [from, to, kind] : items)
      rows.links.push_back(
          GraphLink{"l" + std::to_string(rows.links.size() + 1), from, to, kind, "analyst"});
    return *this;
  }
  ClaimGraph build() { return ClaimGraph::build(rows); }
};

const ClaimStatus& status_of(const std::vector<ClaimStatus>& all, const std::string& claim) {
  auto it = std::find_if(all.begin(), all.end(), [&](const ClaimStatus& s) { return s.claim == claim; });
  REQUIRE(it != all.end());
  return *it;
}

}  // namespace

TEST_SUITE("graph") {

TEST_CASE("disputes are the linked groups holding a contradiction; isolated claims are none") {
  Rows r;
  r.claims({{"a", "s1"}, {"b", "s2"}, {"c", "s3"}, {"d", "s1"}, {"e", "s2"}, {"lonely", "s4"}});
  r.rows.claims[2].property = "q";
  r.links({{"a", "b", "contradicts"}, {"b", "c", "supports"}, {"d", "e", "supports"}});
  const ClaimGraph g = r.build();
  CHECK(g.claim_count() == 6);
  CHECK(g.link_count() == 3);

  const auto disputes = find_disputes(g);
  REQUIRE(disputes.size() == 1);
  CHECK(disputes[0].claims == Strings{"a", "b", "c"});
  CHECK(disputes[0].entities == Strings{"e"});
  CHECK(disputes[0].properties == Strings{"p", "q"});
  CHECK(disputes[0].sources == Strings{"s1", "s2", "s3"});
  CHECK(disputes[0].links == 2);
  CHECK(disputes[0].contradictions == 1);

  const auto all = find_disputes(g, true);
  REQUIRE(all.size() == 2);
  CHECK(all[1].claims == Strings{"d", "e"});
  CHECK(all[1].contradictions == 0);
}

TEST_CASE("links naming claims outside the rows are dropped") {
  Rows r;
  r.claims({{"a", "s1"}, {"b", "s2"}});
  r.links({{"a", "elsewhere", "contradicts"}, {"a", "b", "supports"}});
  CHECK(r.build().link_count() == 1);
}

TEST_CASE("a duplicate claim id in the rows is refused") {
  Rows r;
  r.claims({{"a", "s1"}, {"a", "s2"}});
  CHECK_THROWS_WITH_AS(r.build(), "duplicate claim 'a' in graph rows", Error);
}

TEST_CASE("a balanced dispute splits into two camps with their sources") {
  Rows r;
  r.claims({{"a", "kyiv"}, {"b", "outlet"}, {"c", "moscow"}, {"d", "tass"}});
  r.links({{"a", "b", "supports"}, {"a", "c", "contradicts"}, {"c", "d", "echo"}, {"b", "d", "contradicts"}});
  const auto camps = find_camps(r.build());
  REQUIRE(camps.size() == 1);
  CHECK(camps[0].balanced);
  REQUIRE(camps[0].camps.size() == 2);
  CHECK(camps[0].camps[0].claims == Strings{"a", "b"});
  CHECK(camps[0].camps[0].sources == Strings{"kyiv", "outlet"});
  CHECK(camps[0].camps[1].claims == Strings{"c", "d"});
  CHECK(camps[0].camps[1].sources == Strings{"moscow", "tass"});
  CHECK(camps[0].cycle.empty());
}

TEST_CASE("an unbalanced dispute reports its shortest odd cycle instead of a split") {
  SUBCASE("three claims contradicting each other") {
    Rows r;
    r.claims({{"a", "s1"}, {"b", "s2"}, {"c", "s3"}, {"d", "s4"}});
    r.links({{"a", "b", "contradicts"}, {"b", "c", "contradicts"}, {"c", "a", "contradicts"},
             {"c", "d", "supports"}});
    const auto camps = find_camps(r.build());
    REQUIRE(camps.size() == 1);
    CHECK_FALSE(camps[0].balanced);
    CHECK(camps[0].camps.empty());
    // From the smallest claim, towards its smaller neighbour.
    CHECK(camps[0].cycle == Strings{"a", "b", "c"});
    CHECK(camps[0].cycle_links == Strings{"l1", "l2", "l3"});
  }
  SUBCASE("a pair both supporting and contradicting is a cycle of two") {
    Rows r;
    r.claims({{"a", "s1"}, {"b", "s2"}});
    r.links({{"a", "b", "supports"}, {"b", "a", "contradicts"}});
    const auto camps = find_camps(r.build());
    REQUIRE(camps.size() == 1);
    CHECK(camps[0].cycle == Strings{"a", "b"});
    CHECK(camps[0].cycle_links == Strings{"l1", "l2"});
  }
  SUBCASE("the shorter of a five-cycle and a three-cycle") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "s"}, {"c", "s"}, {"d", "s"}, {"e", "s"}, {"x", "t"}, {"y", "t"}});
    // a-b-c-d-e-a holds one contradiction, e-x-y-e three: both odd.
    r.links({{"a", "b", "supports"}, {"b", "c", "supports"}, {"c", "d", "supports"},
             {"d", "e", "supports"}, {"e", "a", "contradicts"}, {"e", "x", "contradicts"},
             {"x", "y", "contradicts"}, {"y", "e", "contradicts"}});
    const auto camps = find_camps(r.build());
    REQUIRE(camps.size() == 1);
    CHECK(camps[0].cycle.size() == 3);
    auto sorted = camps[0].cycle;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == Strings{"e", "x", "y"});
  }
  SUBCASE("a large dispute past the exact limit still gets a valid odd cycle") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "s"}, {"c", "s"}, {"d", "s"}});
    r.links({{"a", "b", "supports"}, {"b", "c", "supports"}, {"c", "d", "supports"}, {"d", "a", "contradicts"}});
    const auto camps = find_camps(r.build(), 2);
    REQUIRE(camps.size() == 1);
    CHECK(camps[0].cycle.size() == 4);
    CHECK(camps[0].cycle_links.size() == 4);
  }
}

TEST_CASE("only agreement and contradiction place claims in camps; scope and update links say neither") {
  SUBCASE("national and city figures of two sides: two camps, not a cycle") {
    // Unions: nat-u (national), city-u; authorities: nat-p, city-p. Each
    // city figure is within both national ones (scope), and the two sides'
    // figures contradict at each level.
    Rows r;
    r.claims({{"city-p", "police"}, {"city-u", "union"}, {"nat-p", "ministry"}, {"nat-u", "union"},
              {"relay-u", "union"}});
    r.links({{"nat-u", "nat-p", "contradicts"}, {"city-u", "city-p", "contradicts"},
             {"city-u", "nat-u", "scope"}, {"city-p", "nat-p", "scope"}, {"city-p", "nat-u", "scope"},
             {"nat-u", "relay-u", "echo"}});
    r.rows.sources = {{"police", "Police", "gov"}, {"ministry", "Ministry", "gov"}, {"union", "Union", "unions"}};
    const auto camps = find_camps(r.build());
    REQUIRE(camps.size() == 1);
    CHECK(camps[0].balanced);
    REQUIRE(camps[0].camps.size() == 2);
    // The city dispute is turned to fit the national one: the union stands
    // with itself, and the police with the ministry (one affiliation).
    CHECK(camps[0].camps[0].claims == Strings{"city-p", "nat-p"});
    CHECK(camps[0].camps[0].sources == Strings{"ministry", "police"});
    CHECK(camps[0].camps[1].claims == Strings{"city-u", "nat-u", "relay-u"});
    CHECK(camps[0].camps[1].sources == Strings{"union"});
    CHECK(camps[0].outside.empty());
  }
  SUBCASE("a claim joined only by an update or scope link stands in no camp") {
    Rows r;
    r.claims({{"a", "s1"}, {"b", "s2"}, {"c", "s3"}});
    r.links({{"a", "b", "contradicts"}, {"b", "c", "update"}, {"a", "c", "tension"}});
    const auto camps = find_camps(r.build());
    REQUIRE(camps.size() == 1);
    CHECK(camps[0].balanced);
    CHECK(camps[0].camps[0].claims == Strings{"a"});
    CHECK(camps[0].camps[1].claims == Strings{"b"});
    CHECK(camps[0].outside == Strings{"c"});
  }
  SUBCASE("a scope link beside a contradiction is no cycle of two") {
    Rows r;
    r.claims({{"a", "s1"}, {"b", "s2"}});
    r.links({{"a", "b", "scope"}, {"a", "b", "contradicts"}});
    const auto camps = find_camps(r.build());
    REQUIRE(camps.size() == 1);
    CHECK(camps[0].balanced);
  }
}

TEST_CASE("source camps count how often two sources side together and against each other") {
  Rows r;
  r.claims({{"a1", "kyiv"}, {"b1", "moscow"}, {"c1", "outlet"}, {"a2", "kyiv"}, {"b2", "moscow"},
            {"c2", "outlet"}});
  r.links({{"a1", "b1", "contradicts"}, {"a1", "c1", "supports"}, {"a2", "b2", "contradicts"},
           {"b2", "c2", "supports"}});
  const auto pairs = source_camps(find_camps(r.build()));
  REQUIRE(pairs.size() == 3);
  auto find = [&](const std::string& a, const std::string& b) {
    return *std::find_if(pairs.begin(), pairs.end(),
                         [&](const SourceAlignment& p) { return p.a == a && p.b == b; });
  };
  CHECK(find("kyiv", "moscow").opposed == 2);
  CHECK(find("kyiv", "moscow").together == 0);
  CHECK(find("kyiv", "outlet").together == 1);
  CHECK(find("kyiv", "outlet").opposed == 1);
  CHECK(find("moscow", "outlet").together == 1);
  CHECK(find("moscow", "outlet").opposed == 1);
}

TEST_CASE("provenance follows an echo chain to the original and counts echoes once") {
  Rows r;
  r.rows.sources = {{"russia-mod", "Russian MoD", "russia-gov"}, {"tass", "TASS", "russia-gov"},
                    {"outlet-b", "Outlet B", ""}, {"zelensky", "Zelensky", "ukraine-gov"},
                    {"kyiv", "Kyiv authorities", "ukraine-gov"}};
  r.claims({{"c1", "russia-mod"}, {"c2", "russia-mod"}, {"c3", "russia-mod"}, {"s1", "outlet-b"},
            {"s2", "zelensky"}, {"s3", "kyiv"}, {"t1", "tass"}, {"x", "outlet-b"}});
  r.rows.claims[0].said_at = "2025-12-27T06:00:00Z";
  r.rows.claims[1].said_at = "2025-12-27T09:00:00Z";
  r.rows.claims[2].said_at = "2025-12-28";
  r.rows.claims[4].said_at = "2025-12-26";  // s2 said it before anyone
  r.links({{"c1", "c2", "echo"}, {"c2", "c3", "echo"}, {"s1", "c3", "supports"}, {"s2", "c1", "supports"},
           {"s3", "c2", "supports"}, {"t1", "c1", "supports"}, {"x", "c1", "contradicts"}});
  const Provenance p = trace_provenance(r.build(), "c3");
  CHECK(p.claimant == "russia-mod");
  CHECK(p.chain.empty());
  CHECK(p.echoes == Strings{"c1", "c2"});
  CHECK(p.original_claim == "c1");
  CHECK(p.original_claimant == "russia-mod");
  CHECK(p.first_claim == "s2");
  CHECK(p.first_claimant == "zelensky");
  CHECK(p.first_seen == "2025-12-26");
  // russia-gov (c1, c2, c3, t1), outlet-b (s1), ukraine-gov (s2, s3); x contradicts, so not a backer.
  CHECK(p.independent_origins == 3);
  CHECK(p.claimants == 5);
  REQUIRE(p.origins.size() == 3);
  CHECK(p.origins[0].key == "outlet-b");
  CHECK(p.origins[1].key == "russia-gov");
  CHECK(p.origins[1].claims == Strings{"c1", "c2", "c3", "t1"});
  CHECK(p.origins[1].sources == Strings{"russia-mod", "tass"});
  CHECK(p.origins[2].key == "ukraine-gov");
  CHECK(p.origins[2].sources == Strings{"kyiv", "zelensky"});
}

TEST_CASE("provenance follows citations, finds the relayed statement and stops at a citation cycle") {
  Rows r;
  r.rows.reports = {{"rep-d", "outlet-d", "rep-a", "2025-12-28"},
                    {"rep-a", "outlet-a", "rep-b", "2025-12-27"},
                    {"rep-b", "outlet-b", "rep-a", "2025-12-26"}};  // rep-a and rep-b cite each other
  r.claims({{"d1", "russia-gov"}, {"a1", "russia-gov"}, {"other", "russia-gov"}});
  r.rows.claims[0].report = "rep-d";
  r.rows.claims[1].report = "rep-a";
  r.rows.claims[2].report = "rep-a";
  r.rows.claims[2].property = "another";
  const Provenance p = trace_provenance(r.build(), "d1");
  REQUIRE(p.chain.size() == 3);
  CHECK(p.chain[0].report == "rep-d");
  CHECK(p.chain[0].publisher == "outlet-d");
  CHECK(p.chain[1].report == "rep-a");
  CHECK(p.chain[2].report == "rep-b");
  CHECK(p.citation_cycle);
  CHECK(p.cycle_at == "rep-a");
  CHECK(p.echoes == Strings{"a1"});  // "other" is about another property
  CHECK(p.original_claim == "a1");    // published earlier (the report's time)
  CHECK(p.independent_origins == 1);
}

TEST_CASE("provenance of an unknown claim is not_found") {
  Rows r;
  r.claims({{"a", "s"}});
  const ClaimGraph g = r.build();
  CHECK_THROWS_WITH_AS(trace_provenance(g, "zz"), "unknown claim 'zz'", Error);
}

TEST_CASE("the grounded extension: contradictions attack, verdicts knock claims out") {
  SUBCASE("an uncontradicted claim stands") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "t"}});
    r.links({{"a", "b", "supports"}});
    const auto labels = grounded_labels(r.build());
    CHECK(status_of(labels, "a").status == Acceptance::in);
    CHECK(status_of(labels, "a").reason == "not contradicted");
  }
  SUBCASE("two claims contradicting each other stay undecided") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "t"}});
    r.links({{"a", "b", "contradicts"}});
    const auto labels = grounded_labels(r.build());
    CHECK(status_of(labels, "a").status == Acceptance::undecided);
    CHECK(status_of(labels, "b").status == Acceptance::undecided);
    CHECK(status_of(labels, "b").attackers == Strings{"a"});
  }
  SUBCASE("a claim reviewed false is out, which frees what it contradicted") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "t"}, {"c", "u"}, {"d", "v"}});
    r.links({{"a", "b", "contradicts"}, {"c", "d", "contradicts"}, {"a", "d", "contradicts"}});
    r.rows.reviews = {{"a", "Pants on fire", "desk"}};
    const auto labels = grounded_labels(r.build());
    CHECK(status_of(labels, "a").status == Acceptance::out);
    CHECK(status_of(labels, "a").reason == "rated false by desk");
    CHECK(status_of(labels, "b").status == Acceptance::in);
    CHECK(status_of(labels, "b").reason == "every contradicting claim is out");
    // d is freed from a, but c and d still contradict each other.
    CHECK(status_of(labels, "c").status == Acceptance::undecided);
    CHECK(status_of(labels, "d").status == Acceptance::undecided);
    CHECK(status_of(labels, "d").attackers == Strings{"a", "c"});
  }
  SUBCASE("a mostly-true review changes nothing") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "t"}});
    r.links({{"a", "b", "contradicts"}});
    r.rows.reviews = {{"a", "mostly-true", "desk"}};
    CHECK(status_of(grounded_labels(r.build()), "a").status == Acceptance::undecided);
  }
  SUBCASE("retracted and superseded claims are out") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "t"}, {"b2", "t"}});
    r.rows.claims[0].retracted = true;
    r.rows.claims[2].supersedes = "b";
    const auto labels = grounded_labels(r.build());
    CHECK(status_of(labels, "a").reason == "retracted");
    CHECK(status_of(labels, "b").status == Acceptance::out);
    CHECK(status_of(labels, "b").reason == "superseded by b2");
    CHECK(status_of(labels, "b2").status == Acceptance::in);
  }
  SUBCASE("an odd ring of contradictions stays undecided") {
    Rows r;
    r.claims({{"a", "s"}, {"b", "t"}, {"c", "u"}});
    r.links({{"a", "b", "contradicts"}, {"b", "c", "contradicts"}, {"c", "a", "contradicts"}});
    for (const auto& s : grounded_labels(r.build())) CHECK(s.status == Acceptance::undecided);
  }
}

TEST_CASE("false ratings are read loosely") {
  CHECK(is_false_rating("false"));
  CHECK(is_false_rating("False"));
  CHECK(is_false_rating("pants_fire"));
  CHECK(is_false_rating("Pants on Fire"));
  CHECK_FALSE(is_false_rating("mostly-false"));
  CHECK_FALSE(is_false_rating("true"));
}

TEST_CASE("a picture colours camps and marks cycles; DOT draws contradictions red") {
  Rows r;
  r.claims({{"a", "kyiv"}, {"b", "moscow"}, {"c", "outlet"}, {"lonely", "x"}});
  r.rows.claims[0].phrase = "nearly \"200\"";
  r.links({{"a", "b", "contradicts"}, {"a", "c", "echo"}});
  const ClaimGraph g = r.build();
  const Picture picture = draw(g);
  REQUIRE(picture.nodes.size() == 3);
  CHECK(picture.nodes[0].claim == "a");
  CHECK(picture.nodes[0].camp == 0);
  CHECK(picture.nodes[1].camp == 1);
  CHECK(picture.nodes[2].camp == 0);
  CHECK(picture.nodes[0].dispute == 1);
  CHECK(draw(g, true).nodes.size() == 4);
  const std::string dot = to_dot(picture);
  CHECK(dot.rfind("graph claims {", 0) == 0);
  CHECK(dot.find("\"a\" -- \"b\" [color=\"#d62728\"") != std::string::npos);
  CHECK(dot.find("\"a\" -- \"c\" [color=\"#7f7f7f\", style=dashed") != std::string::npos);
  CHECK(dot.find("kyiv:\\nnearly \\\"200\\\"") != std::string::npos);
}

TEST_CASE("the seed fixture loads from the database, whole or for one entity") {
  Database db = Database::open(":memory:");
  import_files(db, test::seed_files());
  const ClaimGraph all = ClaimGraph::load(db);
  CHECK(all.claim_count() == 62);
  CHECK(all.contains("art-intercepted-1"));
  const ClaimGraph raid = ClaimGraph::load(db, GraphScope{"ukraine-drone-raid-2025-12"});
  CHECK(raid.claim_count() == 9);

  // The analyst's contradiction puts the raid's claims in one dispute.
  const auto disputes = find_disputes(raid);
  REQUIRE_FALSE(disputes.empty());
  CHECK(std::find(disputes[0].claims.begin(), disputes[0].claims.end(), "syn-raid-launched-c1") !=
        disputes[0].claims.end());

  // Outlet D relays Russia's figure from the seed article.
  const Provenance p = trace_provenance(all, "syn-raid-intercepted-d1");
  REQUIRE(p.chain.size() == 2);
  CHECK(p.chain[1].report == "rep-seed-article");
  CHECK(std::find(p.echoes.begin(), p.echoes.end(), "art-intercepted-1") != p.echoes.end());
  CHECK(p.original_claimant == "russia-gov");

  // Reviewed false.
  const auto labels = grounded_labels(all);
  CHECK(status_of(labels, "syn-kyiv-intercepted-b1").status == Acceptance::out);

  CHECK_THROWS_WITH_AS(ClaimGraph::load(db, GraphScope{"nowhere"}), "unknown entity 'nowhere'", Error);
}

}  // TEST_SUITE
