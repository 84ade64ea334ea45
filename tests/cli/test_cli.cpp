// The `claimdb` command run as a user runs it: exit statuses, messages on
// stderr, data on stdout, and failed commands that leave the database as it was.
#include "cli/cli_support.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

using namespace claimdb;
using test::run_shell;
using test::shell_quote;

namespace {

struct Cli {
  test::TempDir dir;
  std::string db = dir.file("claims.db");
  std::string err = dir.file("stderr.txt");

  test::CommandResult operator()(const std::string& args) {
    return run_shell("claimdb --db " + shell_quote(db) + " " + args, "", err);
  }
  std::string stderr_text() const { return test::read_file(err); }
  std::string seed() {
    return shell_quote(test::seed_files()[0]) + " " + shell_quote(test::seed_files()[1]);
  }
};

}  // namespace

TEST_CASE("import then export round-trips the seed fixture byte for byte") {
  Cli cli;
  auto imported = cli("import " + cli.seed());
  REQUIRE(imported.status == 0);
  CHECK(imported.out.empty());  // diagnostics go to stderr only
  CHECK(cli.stderr_text().find("claimdb: imported 62 claims") == 0);
  // One summary line, naming the conflicts the import's detection found.
  const std::string summary = cli.stderr_text();
  CHECK(summary.find(", 16 conflicts found (35 detector links); also 11 sources") != std::string::npos);
  CHECK(std::count(summary.begin(), summary.end(), '\n') == 1);
  auto first = cli("export");
  REQUIRE(first.status == 0);
  const auto file = cli.dir.write("export.json", first.out);
  Cli other;
  REQUIRE(other("import " + shell_quote(file)).status == 0);
  auto second = other("export");
  CHECK(second.out == first.out);
  // And through JSON Lines written to a file with -o.
  const auto lines = cli.dir.file("export.jsonl");
  REQUIRE(cli("export --format jsonl -o " + shell_quote(lines)).status == 0);
  Cli third;
  REQUIRE(third("import " + shell_quote(lines)).status == 0);
  CHECK(third("export").out == first.out);
}

TEST_CASE("a failed import exits 3, names the place, and leaves the database unchanged") {
  Cli cli;
  REQUIRE(cli("import " + cli.seed()).status == 0);
  const std::string before = cli("export").out;
  const auto bad = cli.dir.write("bad.jsonl",
                                 "{\"record\": \"source\", \"id\": \"new-one\", \"name\": \"New\"}\n"
                                 "{\"record\": \"claim\", \"id\": \"x1\", \"claimant\": \"new-one\", "
                                 "\"entity\": \"kyiv-strike-2025-12\", \"property\": \"deaths\", "
                                 "\"value\": \"a great many things\"}\n");
  auto result = cli("import " + shell_quote(bad));
  CHECK(result.status == 3);
  CHECK(cli.stderr_text() ==
        "claimdb: error: " + bad +
            ":2: /value: claim 'x1': cannot read quantity phrase 'a great many things' (no language given: read as "
            "English)\n");
  CHECK(cli("export").out == before);
  // In a report's language: the error names it, with the reason.
  const auto greek = cli.dir.write("greek.jsonl",
                                   "{\"record\": \"source\", \"id\": \"outlet-el\", \"name\": \"Outlet\", "
                                   "\"language\": \"el\"}\n"
                                   "{\"record\": \"report\", \"id\": \"r-el\", \"title\": \"T\", "
                                   "\"publisher\": \"outlet-el\"}\n"
                                   "{\"record\": \"claim\", \"id\": \"x2\", \"claimant\": \"outlet-el\", "
                                   "\"report\": \"r-el\", \"entity\": \"kyiv-strike-2025-12\", "
                                   "\"property\": \"deaths\", \"value\": \"2.5 εκατομμύρια\"}\n");
  CHECK(cli("import " + shell_quote(greek)).status == 3);
  CHECK(cli.stderr_text() ==
        "claimdb: error: " + greek +
            ":3: /value: claim 'x2': cannot read quantity phrase '2.5 εκατομμύρια' in el: '2.5' is not a number as el "
            "writes them (decimal mark ',', thousands separated by '.')\n");
  CHECK(cli("export").out == before);
}

TEST_CASE("exit statuses follow the documented table") {
  Cli cli;
  SUBCASE("usage errors exit 2") {
    CHECK(cli("").status == 2);
    CHECK(cli("no-such-command").status == 2);
    CHECK(cli("export --format yaml").status == 2);
  }
  SUBCASE("a missing database for a read command exits 4 and is not created") {
    auto r = cli("stats");
    CHECK(r.status == 4);
    CHECK(cli.stderr_text() == "claimdb: error: database '" + cli.db + "' does not exist\n");
    CHECK_FALSE(std::filesystem::exists(cli.db));
  }
  SUBCASE("a file that is not a database exits 5 and is left alone") {
    cli.dir.write("claims.db", "plain text, not SQLite\n");
    CHECK(cli("import " + cli.seed()).status == 5);
    CHECK(test::read_file(cli.db) == "plain text, not SQLite\n");
  }
  SUBCASE("an unreadable input file exits 4") {
    CHECK(cli("import " + shell_quote(cli.dir.file("missing.json"))).status == 4);
    CHECK(cli.stderr_text().find("missing.json: cannot read file") != std::string::npos);
  }
  SUBCASE("help and version exit 0 on stdout") {
    auto help = cli("--help");
    CHECK(help.status == 0);
    CHECK(help.out.find("Exit status:") != std::string::npos);
    auto version = cli("--version");
    CHECK(version.status == 0);
    CHECK(version.out == std::string("claimdb ") + claimdb::version() + "\n");
  }
}

TEST_CASE("the database comes from --db, else CLAIMDB_DB, else ./claims.db") {
  test::TempDir dir;
  const std::string env_db = dir.file("from-env.db");
  auto r = run_shell("claimdb init", "CLAIMDB_DB=" + shell_quote(env_db));
  CHECK(r.status == 0);
  CHECK(std::filesystem::exists(env_db));
  auto local = run_shell("cd " + shell_quote(dir.path().string()) + " && claimdb init");
  CHECK(local.status == 0);
  CHECK(std::filesystem::exists(dir.path() / "claims.db"));
}

TEST_CASE("stats, check and claims print data on stdout in the asked format") {
  Cli cli;
  REQUIRE(cli("import " + cli.seed()).status == 0);
  auto stats = cli("stats --format json");
  REQUIRE(stats.status == 0);
  auto j = nlohmann::json::parse(stats.out);
  CHECK(j["claims"] == 62);
  CHECK(j["sources"] == 11);
  auto check = cli("check");
  CHECK(check.status == 0);
  CHECK(check.out == "ok\n");
  auto claims = cli("claims --by russia-gov --format json");
  REQUIRE(claims.status == 0);
  auto rows = nlohmann::json::parse(claims.out);
  REQUIRE(rows.is_array());
  CHECK(rows.size() >= 3);
  for (const auto& row : rows) CHECK(row["claimant"] == "russia-gov");
  auto csv = cli("claims --on strike_target --format csv");
  CHECK(csv.out.rfind("id,claimant,entity,property,value,interval,unit,place,quote\n", 0) == 0);
  // An id that names nothing is an error, not an empty list.
  for (const auto& [option, kind] : {std::pair{"--about", "entity"}, std::pair{"--on", "property"},
                                     std::pair{"--by", "source"}, std::pair{"--in", "report"}}) {
    auto unknown = cli(std::string("claims ") + option + " nowhere");
    CHECK(unknown.status == 3);
    CHECK(unknown.out.empty());
    CHECK(cli.stderr_text() == std::string("claimdb: error: unknown ") + kind + " 'nowhere'\n");
  }
}
