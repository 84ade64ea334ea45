// disputes, camps, provenance, status and graph, run as a user runs them.
#include "cli/cli_support.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace claimdb;
using test::run_shell;
using test::shell_quote;

namespace {

struct SeededCli {
  test::TempDir dir;
  std::string db = dir.file("claims.db");
  std::string err = dir.file("stderr.txt");

  SeededCli() {
    const auto files = test::seed_files();
    REQUIRE((*this)("import " + shell_quote(files[0]) + " " + shell_quote(files[1])).status == 0);
  }
  test::CommandResult operator()(const std::string& args, const std::string& env = {}) {
    return run_shell("claimdb --db " + shell_quote(db) + " " + args, env, err);
  }
  std::string stderr_text() const { return test::read_file(err); }
};

nlohmann::json json_of(const test::CommandResult& result) {
  REQUIRE(result.status == 0);
  return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_SUITE("graph") {

TEST_CASE("claimdb disputes lists the raid's dispute with its claims and contradictions") {
  SeededCli cli;
  const auto all = json_of(cli("disputes --format json"));
  REQUIRE(all.is_array());
  const auto raid = json_of(cli("disputes --about ukraine-drone-raid-2025-12 --format json"));
  REQUIRE(raid.size() == 1);
  CHECK(raid[0]["dispute"] == 1);
  CHECK(raid[0]["entity"] == "ukraine-drone-raid-2025-12");
  CHECK(raid[0]["properties"] == nlohmann::json{"drones_intercepted", "drones_launched"});
  CHECK(raid[0]["contradictions"].get<int>() >= 1);
  const auto claims = raid[0]["claims"].get<std::vector<std::string>>();
  CHECK(std::find(claims.begin(), claims.end(), "syn-raid-launched-c1") != claims.end());
  // CSV agrees with JSON on the rows.
  const auto csv = cli("disputes --about ukraine-drone-raid-2025-12 --format csv");
  CHECK(csv.out.rfind("dispute,entity,properties,contradictions,sources,claims\n1,ukraine-drone-raid-2025-12,", 0) == 0);
}

TEST_CASE("claimdb camps splits the strike-target dispute and shows cycles where it cannot") {
  SeededCli cli;
  const auto camps = json_of(cli("camps --format json"));
  bool split = false, cycle = false;
  for (const auto& d : camps) {
    if (d["balanced"].get<bool>()) {
      REQUIRE(d["camps"].size() == 2);
      if (d["properties"] == nlohmann::json{"strike_target"}) {
        CHECK(d["camps"][0] == nlohmann::json{"art-target-1", "art-target-2"});
        CHECK(d["camps"][1] == nlohmann::json{"art-target-3"});
        CHECK(d["camp_sources"][1] == nlohmann::json{"russia-gov"});
        split = true;
      }
    } else {
      CHECK(d["camps"].empty());
      CHECK(d["cycle"].size() >= 2);
      CHECK(d["cycle"].size() == d["cycle_links"].size());
      cycle = true;
    }
  }
  CHECK(split);
  CHECK(cycle);
  const auto pairs = json_of(cli("camps --by-source --format json"));
  REQUIRE_FALSE(pairs.empty());
  CHECK(pairs[0].contains("together"));
  CHECK(pairs[0].contains("opposed"));
}

TEST_CASE("claimdb provenance traces Outlet D's relay back to the seed article") {
  SeededCli cli;
  const auto p = json_of(cli("provenance syn-raid-intercepted-d1 --format json"));
  CHECK(p["chain"][0]["report"] == "rep-outlet-d-1");
  CHECK(p["chain"][1]["report"] == "rep-seed-article");
  CHECK(p["citation_cycle"] == false);
  CHECK(p["original_claim"] == "art-intercepted-1");
  CHECK(p["original_claimant"] == "russia-gov");
  CHECK(p["independent_origins"] == p["origins"].size());

  const auto missing = cli("provenance no-such-claim");
  CHECK(missing.status == 3);
  CHECK(cli.stderr_text() == "claimdb: error: unknown claim 'no-such-claim'\n");
}

TEST_CASE("claimdb status puts the claim reviewed false out") {
  SeededCli cli;
  const auto labels = json_of(cli("status --format json"));
  CHECK(labels.size() == 62);
  bool found = false;
  for (const auto& s : labels)
    if (s["claim"] == "syn-kyiv-intercepted-b1") {
      CHECK(s["status"] == "out");
      CHECK(s["reason"] == "rated false by Fact-check desk (synthetic)");
      found = true;
    }
  CHECK(found);
  CHECK(cli("status --about nowhere").status == 3);
  CHECK(cli.stderr_text() == "claimdb: error: unknown entity 'nowhere'\n");
}

TEST_CASE("claimdb graph writes DOT, JSON and, through Graphviz, PNG") {
  SeededCli cli;
  const auto dot = cli("graph");
  REQUIRE(dot.status == 0);
  CHECK(dot.out.rfind("graph claims {", 0) == 0);
  CHECK(dot.out.find("color=\"#d62728\"") != std::string::npos);

  const auto picture = json_of(cli("graph --format json --about kyiv-strike-2025-12"));
  REQUIRE_FALSE(picture["nodes"].empty());
  CHECK(picture["nodes"][0].contains("camp"));
  CHECK(picture["edges"][0].contains("kind"));

  const auto out = cli.dir.file("seed.dot");
  REQUIRE(cli("graph -o " + shell_quote(out)).status == 0);
  CHECK(test::read_file(out) == dot.out);

  SUBCASE("PNG when Graphviz is installed") {
    if (run_shell("command -v dot >/dev/null").status != 0) return;
    const auto png = cli.dir.file("seed.png");
    REQUIRE(cli("graph --format png -o " + shell_quote(png)).status == 0);
    CHECK(test::read_file(png).rfind("\x89PNG", 0) == 0);
  }
  SUBCASE("a clear message when it is not") {
    const auto svg = cli("graph --format svg", "CLAIMDB_DOT=/nonexistent/dot");
    CHECK(svg.status == 4);
    CHECK(cli.stderr_text() ==
          "claimdb: error: --format svg needs Graphviz's 'dot' program, which is not installed (not on "
          "PATH); install graphviz, or use --format dot and render it elsewhere\n");
  }
}

}  // TEST_SUITE
