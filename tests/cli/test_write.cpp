// The write commands (add, correct, retract, review, link, amend, history)
// run as a user runs them: what they print, what they refuse (exit 3, the
// field named, the database unchanged), a fact-checker's session from an
// empty database to an export, and the same verbs in the REPL.
#include "cli/cli_support.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>
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
  void seed() {
    REQUIRE(operator()("import " + shell_quote(test::seed_files()[0]) + " " +
                       shell_quote(test::seed_files()[1]))
                .status == 0);
  }
};

// Every row of every table, in storage order: equal dumps, equal databases.
std::string dump(const std::string& path) {
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement tables(raw,
                           "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                           "'sqlite_%' ORDER BY name");
  std::string out;
  while (tables.executeStep()) {
    const std::string name = tables.getColumn(0).getString();
    out += "== " + name + "\n";
    SQLite::Statement rows(raw, "SELECT * FROM \"" + name + "\"");
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i)
        out += (rows.getColumn(i).isNull() ? std::string("NULL") : rows.getColumn(i).getString()) + "|";
      out += "\n";
    }
  }
  return out;
}

const char* const claim_args = "--claimant zelensky --entity kyiv-strike-2025-12 --property deaths";

}  // namespace

TEST_CASE("write commands refuse bad input with exit 3, naming the field, and change nothing") {
  Cli cli;
  cli.seed();
  const std::string before = dump(cli.db);
  const std::string claim = claim_args;
  const std::pair<std::string, std::string> cases[] = {
      {"add claim --claimant nobody --entity kyiv-strike-2025-12 --property deaths --value 3",
       "field 'claimant': unknown source 'nobody' (add it first, or give --create-missing)"},
      {"add claim --claimant zelensky --entity nowhere --property deaths --value 3",
       "field 'entity': unknown entity 'nowhere'"},
      {"add claim --claimant zelensky --entity kyiv-strike-2025-12 --property nothing --value 3",
       "field 'property': unknown property 'nothing'"},
      {"add claim " + claim + " --value 'a great many things'",
       "field 'value': claim 'zelensky-deaths': cannot read quantity phrase 'a great many things'"},
      {"add claim " + claim + " --value 3 --said-at yesterday", "field 'said_at': invalid time 'yesterday'"},
      {"add claim " + claim + " --value 3 --report nowhere", "field 'report': unknown report 'nowhere'"},
      {"add claim " + claim + " --value 3 --id art-drones-1",
       "field 'id': claim 'art-drones-1' already exists"},
      {"add source --id zelensky --name Z", "field 'id': source 'zelensky' already exists"},
      {"add source --id 'bad id' --name Z", "field 'id': invalid id 'bad id'"},
      {"add entity --id kyiv --name Kyiv", "field 'id': entity 'kyiv' already exists"},
      {"add entity --name Kyiv --part-of nowhere", "field 'part_of': unknown entity 'nowhere'"},
      {"add property --id deaths", "field 'id': property 'deaths' already exists"},
      {"add property --id count --type category --unit drone", "field 'unit': only quantity properties have a unit"},
      {"add report --title T --publisher nobody", "field 'publisher': unknown source 'nobody'"},
      {"add report --id rep-seed-article --title T", "field 'id': report 'rep-seed-article' already exists"},
      {"correct nope --value 3 --reason r", "field 'claim': unknown claim 'nope'"},
      {"correct syn-airspace-b1 --value false --reason r",
       "field 'claim': claim 'syn-airspace-b1' is retracted: a retracted claim cannot be corrected"},
      {"correct syn-kyiv-launched-a1 --value 500 --reason r",
       "field 'claim': claim 'syn-kyiv-launched-a1' is already corrected by 'syn-kyiv-launched-a2'"},
      {"correct art-drones-1 --value 'a great many things' --reason r", "field 'value': claim 'art-drones-1-corrected'"},
      {"correct art-drones-1 --value 300 --reason ''", "field 'reason': missing required field 'reason'"},
      {"correct art-drones-1 --value 300 --reason r --id syn-kyiv-launched-a2",
       "field 'id': claim 'syn-kyiv-launched-a2' already exists"},
      {"retract nope --reason r", "field 'claim': unknown claim 'nope'"},
      {"retract syn-airspace-b1 --reason again", "field 'claim': claim 'syn-airspace-b1' is already retracted"},
      {"retract art-drones-1 --reason ''", "field 'reason': missing required field 'reason'"},
      {"retract art-drones-1 --reason r --by nobody", "field 'retracted_by': unknown source 'nobody'"},
      {"review art-drones-1 --rating '' --reviewer Desk", "field 'rating': missing required field 'rating'"},
      {"review art-drones-1 --rating false --reviewer ''", "field 'reviewer': missing required field 'reviewer'"},
      {"review nope --rating false --reviewer Desk", "field 'claim': unknown claim 'nope'"},
      {"review art-drones-1 --rating false --reviewer Desk --date tomorrow", "field 'reviewed_at': invalid time"},
      {"link art-drones-1 nope --kind supports", "field 'to': unknown claim 'nope'"},
      {"link nope art-drones-1 --kind supports", "field 'from': unknown claim 'nope'"},
      {"link art-drones-1 art-drones-1 --kind supports", "field 'to': a link needs two different claims"},
      {"link art-drones-1 syn-kyiv-launched-a2 --kind agrees",
       "field 'kind': unknown link kind 'agrees' (use supports, contradicts, refines, repeats)"},
      {"link art-drones-1 syn-kyiv-launched-a2 --kind supports --by detector",
       "field 'origin': origin 'detector' is reserved"},
      {"amend source nobody --name X --reason r", "field 'id': unknown source 'nobody'"},
      {"amend report nowhere --title X --reason r", "field 'id': unknown report 'nowhere'"},
      {"amend property deaths --name X --reason r",
       "field 'name': a property has no field 'name' to amend (amendable: description)"},
      {"amend source zelensky --title X --reason r", "field 'title': a source has no field 'title' to amend"},
      {"amend source zelensky --alias X --reason r", "field 'aliases': a source has no field 'aliases'"},
      {"amend source zelensky --name '' --reason r", "field 'name': missing required field 'name'"},
      {"amend source zelensky --affiliation ukraine-gov --reason r",
       "field 'record': source 'zelensky' already has these values: the amendment changes nothing"},
      {"amend source zelensky --name Z --reason ''", "field 'reason': missing required field 'reason'"},
      {"amend source zelensky --reason r", "field 'record': an amendment must change at least one field"},
      {"amend claim art-drones-1 --name x --reason r", "field 'record': a claim is not amended"},
      {"amend planet x --name y --reason r", "field 'record': unknown record kind 'planet'"},
      {"amend report rep-seed-article --published-at soon --reason r", "field 'published_at': invalid time 'soon'"},
      {"history nope", "field 'id': unknown id 'nope'"},
      {"amend report rep-seed-article --language english --reason r", "field 'language': invalid language tag 'english'"},
      {"amend entity kyiv --language uk --reason r", "field 'language': an entity has no field 'language' to amend"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(args);
    const auto result = cli(args);
    CHECK(result.status == 3);
    CHECK(result.out.empty());
    const std::string err = cli.stderr_text();
    CHECK(err.rfind("claimdb: error: ", 0) == 0);
    CHECK(err.find(message) != std::string::npos);
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  }
  CHECK(dump(cli.db) == before);
}

TEST_CASE("each write command prints the new id, or the whole record with --format json") {
  Cli cli;
  cli.seed();
  SUBCASE("ids are made from the content, readable and unique") {
    CHECK(cli("add source --name 'Outlet E (synthetic)' --kind outlet").out == "outlet-e-synthetic\n");
    CHECK(cli("add source --name 'Outlet E (synthetic)'").out == "outlet-e-synthetic-2\n");
    CHECK(cli("add entity --name 'Lviv' --kind place --part-of ukraine --alias Lvov --alias Lemberg").out ==
          "lviv\n");
    CHECK(cli("add property --name 'Shelters opened' --unit shelter").out == "shelters_opened\n");
    CHECK(cli("add report --title 'Night of drones: a timeline' --publisher outlet-e-synthetic "
              "--published-at 2025-12-27T09:00:00Z")
              .out == "night-of-drones-a-timeline\n");
    CHECK(cli("add claim --claimant outlet-e-synthetic --entity kyiv-strike-2025-12 --property deaths "
              "--value 2 --report night-of-drones-a-timeline")
              .out.rfind("outlet-e-synthetic-deaths\n", 0) == 0);
    const auto entity = cli("add entity --id lviv-2 --name Lviv --format json");
    CHECK(nlohmann::json::parse(entity.out)["record"]["name"] == "Lviv");
    const auto amended = cli("amend entity lviv-2 --alias Lwów --reason alias --format json");
    const auto doc = nlohmann::json::parse(amended.out);
    CHECK(doc["kind"] == "amendment");
    CHECK(doc["record"]["aliases"] == nlohmann::json::array({"Lwów"}));
  }
  SUBCASE("a claim prints the conflicts it now takes part in, explained") {
    const auto added = cli("add claim --claimant polish-officials --entity kyiv-strike-2025-12 "
                           "--property drones_launched --value 'about 300' --id pl-launched");
    REQUIRE(added.status == 0);
    CHECK(added.out.rfind("pl-launched\n  conflict: contradicts (disjoint, severity ", 0) == 0);
    CHECK(added.out.find("polish-officials: \"about 300\" -> [270, 330] drones") != std::string::npos);
    const auto json = cli("add claim --claimant canada-gov --entity kyiv-strike-2025-12 "
                          "--property drones_launched --value 'about 300' --id ca-launched --format json");
    REQUIRE(json.status == 0);
    const auto doc = nlohmann::json::parse(json.out);
    CHECK(doc["kind"] == "claim");
    CHECK(doc["id"] == "ca-launched");
    CHECK(doc["record"]["value"]["phrase"] == "about 300");
    CHECK(doc["record"]["claimant"] == "canada-gov");
    REQUIRE(doc["conflicts"].is_array());
    CHECK(doc["conflicts"].size() >= 1);
    CHECK(doc["conflicts"][0]["kind"] == "contradicts");
    CHECK(doc["created"].empty());
  }
  SUBCASE("--create-missing creates the claimant, entity and property and says so") {
    const auto r = cli("add claim --claimant outlet-f --entity lviv-blackout --property blackout_hours "
                       "--value 'about 6 hours' --create-missing");
    CHECK(r.status == 0);
    CHECK(r.out == "outlet-f-blackout-hours\n");
    const std::string err = cli.stderr_text();
    CHECK(err.find("claimdb: created source 'outlet-f' (--create-missing)\n") != std::string::npos);
    CHECK(err.find("claimdb: created entity 'lviv-blackout'") != std::string::npos);
    CHECK(err.find("claimdb: created property 'blackout_hours'") != std::string::npos);
    const auto p = nlohmann::json::parse(cli("claims --on blackout_hours --format json").out);
    CHECK(p.at(0)["unit"] == "s");
  }
  SUBCASE("correct, retract, review and link") {
    CHECK(cli("correct art-drones-1 --value 'about 500' --reason 'the figure was misread'").out.rfind(
              "art-drones-1-corrected\n", 0) == 0);
    const auto corrected = nlohmann::json::parse(cli("claims --about kyiv-strike-2025-12 --format json").out);
    bool found = false;
    for (const auto& row : corrected) found = found || row["id"] == "art-drones-1-corrected";
    CHECK(found);
    CHECK(cli("retract syn-kyiv-launched-b1 --reason 'withdrawn' --by outlet-b-synthetic").out ==
          "syn-kyiv-launched-b1\n");
    CHECK(cli("review syn-kyiv-launched-c1 --rating misleading --reviewer 'Fact desk' --url "
              "https://example.org/r1 --explanation 'counts decoys'")
              .out.rfind("review-", 0) == 0);
    CHECK(cli("link syn-kyiv-launched-a2 syn-kyiv-launched-c1 --kind contradicts --rationale 'different counts' "
              "--by desk")
              .out.rfind("link-", 0) == 0);
    const auto history = cli("history syn-kyiv-launched-c1 --format json");
    const auto rows = nlohmann::json::parse(history.out);
    std::vector<std::string> events;
    for (const auto& row : rows) events.push_back(row["event"]);
    CHECK(std::find(events.begin(), events.end(), "reviewed") != events.end());
    CHECK(std::find(events.begin(), events.end(), "contradicts (from)") != events.end());
  }
}

TEST_CASE("amended values are what listings, queries, SQL and the detector see") {
  Cli cli;
  cli.seed();
  REQUIRE(cli("amend source polish-officials --name 'Polish government officials' --affiliation poland-gov-2 "
              "--reason 'full name'")
              .status == 0);
  CHECK(cli("query 'sources' --format csv").out.find("polish-officials,Polish government officials,") !=
        std::string::npos);
  const auto sql = run_shell("printf '%s\\n' '.mode csv' \".sql SELECT affiliation FROM sources WHERE slug = "
                             "'polish-officials'\" | claimdb --db " + shell_quote(cli.db) + " repl --read-only");
  CHECK(sql.out == "affiliation\npoland-gov-2\n");
  REQUIRE(cli("amend entity kyiv --alias Kiev --alias Kyjiw --alias Kijów --reason 'spellings'").status == 0);
  REQUIRE(cli("amend report rep-seed-article --title 'Overnight assault on Kyiv' --reason 'headline'").status == 0);
  CHECK(cli("query 'search \"overnight assault\"' --format csv").out.find("rep-seed-article") != std::string::npos);
  const auto history = cli("history polish-officials");
  CHECK(history.out.find("amended") != std::string::npos);
  CHECK(history.out.find("name: 'Polish officials (as reported)' -> 'Polish government officials'") != std::string::npos);
  CHECK(cli("check").out == "ok\n");
}

TEST_CASE("amending a language: later claims are read in it, earlier ones keep their reading, history and export keep it") {
  Cli cli;
  REQUIRE(cli("add source --id desk --name Desk --kind outlet").status == 0);
  REQUIRE(cli("add entity --id march --name March --kind event").status == 0);
  REQUIRE(cli("add property --id marchers --unit person").status == 0);
  REQUIRE(cli("add report --id r1 --title T --publisher desk").status == 0);
  REQUIRE(cli("add claim --id c1 --claimant desk --entity march --property marchers --report r1 --value 300.000")
              .status == 0);
  // Read as English: 300.
  CHECK(cli("claims --format csv").out.find("c1,desk,march,marchers,300.000,300,") != std::string::npos);
  REQUIRE(cli("amend report r1 --language de_de --reason 'a German outlet'").status == 0);
  REQUIRE(cli("add claim --id c2 --claimant desk --entity march --property marchers --report r1 --value 300.000")
              .status == 0);
  const std::string claims = cli("claims --format csv").out;
  CHECK(claims.find("c1,desk,march,marchers,300.000,300,") != std::string::npos);
  CHECK(claims.find("c2,desk,march,marchers,300.000,300000,") != std::string::npos);
  const std::string history = cli("history r1 --format csv").out;
  CHECK(history.find("language: '' -> 'de-DE'; reason: a German outlet") != std::string::npos);
  const std::string exported = cli("export").out;
  CHECK(exported.find("\"language\": \"de-DE\"") != std::string::npos);
  // The round trip keeps it.
  Cli other;
  const std::string file = other.dir.file("export.json");
  REQUIRE(run_shell("claimdb --db " + shell_quote(cli.db) + " export -o " + shell_quote(file)).status == 0);
  REQUIRE(other("import --no-detect " + shell_quote(file)).status == 0);
  CHECK(other("export").out == exported);
}

TEST_CASE("a fact-checker's session: three claims, a conflict, a correction, a review, an amendment") {
  Cli cli;
  REQUIRE(cli("init").status == 0);
  CHECK(cli("add source --name 'Russian Ministry of Defence' --kind government --affiliation russia-gov").out ==
        "russian-ministry-of-defence\n");
  CHECK(cli("add source --name 'Ukrainian Air Forse' --kind government --affiliation ukraine-gov").out ==
        "ukrainian-air-forse\n");
  CHECK(cli("add entity --name 'Drone raid' --kind event").out == "drone-raid\n");
  CHECK(cli("add property --id drones_intercepted --unit drone").out == "drones_intercepted\n");
  // The first claim stands alone.
  const auto first = cli("add claim --claimant russian-ministry-of-defence --entity drone-raid "
                         "--property drones_intercepted --value 'nearly 200' --quote 'nearly 200 drones were shot down'");
  CHECK(first.out == "russian-ministry-of-defence-drones-intercepted\n");
  // The conflict appears as the second lands.
  const auto second = cli("add claim --claimant ukrainian-air-forse --entity drone-raid "
                          "--property drones_intercepted --value 'more than 250'");
  CHECK(second.out ==
        "ukrainian-air-forse-drones-intercepted\n"
        "  conflict: contradicts (disjoint, severity 0.20) with russian-ministry-of-defence-drones-intercepted\n"
        "    russian-ministry-of-defence: \"nearly 200\" -> [180, 200) drones; ukrainian-air-forse: \"more than 250\" "
        "-> (250, inf) drones; disjoint, gap 50 (20%)\n");
  // A third, from a claimant not yet recorded.
  const auto third = cli("add claim --claimant outlet-a --entity drone-raid --property drones_intercepted "
                         "--value 'about 190' --create-missing");
  CHECK(third.out.rfind("outlet-a-drones-intercepted\n  conflict: contradicts", 0) == 0);
  CHECK(cli.stderr_text() ==
        "claimdb: created source 'outlet-a' (--create-missing)\n"
        "claimdb: warning: claim 'outlet-a-drones-intercepted': \"about 190\" read as [171, 209] drone by the rule "
        "'about {n}'\n");
  // Correct one: the new claim supersedes it; its conflicts follow the new value.
  const auto corrected = cli("correct russian-ministry-of-defence-drones-intercepted --value 'nearly 300' "
                             "--reason 'misread the statement'");
  CHECK(corrected.out.rfind("russian-ministry-of-defence-drones-intercepted-corrected\n", 0) == 0);
  CHECK(corrected.out.find("with ukrainian-air-forse-drones-intercepted") == std::string::npos);
  // Review one, amend the misspelt source.
  CHECK(cli("review ukrainian-air-forse-drones-intercepted --rating mostly-true --reviewer 'Fact desk'").out ==
        "review-1\n");
  CHECK(cli("amend source ukrainian-air-forse --name 'Ukrainian Air Force' --reason 'typo in the name'").out ==
        "ukrainian-air-forse\n");
  const auto history = cli("history ukrainian-air-forse --format json");
  const auto versions = nlohmann::json::parse(history.out);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0]["event"] == "recorded");
  CHECK(versions[0]["detail"] == "name: Ukrainian Air Forse; kind: government; affiliation: ukraine-gov");
  CHECK(versions[1]["event"] == "amended");
  CHECK(versions[1]["detail"] == "name: 'Ukrainian Air Forse' -> 'Ukrainian Air Force'; reason: typo in the name");
  const auto claim_history = cli("history russian-ministry-of-defence-drones-intercepted");
  CHECK(claim_history.out.find("superseded by") != std::string::npos);
  CHECK(claim_history.out.find("misread the statement") != std::string::npos);
  // The export keeps the history, and round-trips byte for byte.
  const auto exported = cli("export");
  REQUIRE(exported.status == 0);
  const auto doc = nlohmann::json::parse(exported.out);
  CHECK(doc["sources"][2]["name"] == "Ukrainian Air Forse");
  CHECK(doc["amendments"][0]["set"]["name"] == "Ukrainian Air Force");
  CHECK(doc["claims"].size() == 4);
  CHECK(doc["reviews"].size() == 1);
  const auto stats = nlohmann::json::parse(cli("stats --format json").out);
  CHECK(stats["amendments"] == 1);
  CHECK(stats["supersessions"] == 1);
  Cli other;
  REQUIRE(other("import " + shell_quote(cli.dir.write("export.json", exported.out))).status == 0);
  CHECK(other("export").out == exported.out);
}

TEST_CASE("the REPL takes the same write verbs, and a read-only REPL refuses them through SQLite") {
  Cli cli;
  cli.seed();
  const std::string script = cli.dir.write(
      "writes.script",
      "add source --name 'Outlet G' --affiliation g-side\n"
      "add claim --claimant outlet-g --entity kyiv-strike-2025-12 --property drones_launched --value 'about 300' --id g1\n"
      "review g1 --rating false --reviewer Desk\n"
      "amend source outlet-g --name 'Outlet G (synthetic)' --reason typo\n"
      "correct g1 --value 'about 500' --reason misread\n"
      "retract g1-corrected --reason withdrawn\n"
      "link art-drones-1 syn-kyiv-launched-a2 --kind refines\n");
  const auto r = run_shell("printf '%s\\n' " + shell_quote(".read " + script) + " | claimdb --db " +
                               shell_quote(cli.db) + " repl 2>&1");
  CHECK(r.status == 0);
  CHECK(r.out.find("added source outlet-g\n") != std::string::npos);
  CHECK(r.out.find("added claim g1 (") != std::string::npos);
  CHECK(r.out.find("  conflict: contradicts") != std::string::npos);
  CHECK(r.out.find("reviewed g1: false (review ") != std::string::npos);
  CHECK(r.out.find("amended source outlet-g: name\n") != std::string::npos);
  CHECK(r.out.find("corrected g1 by claim g1-corrected\n") != std::string::npos);
  CHECK(r.out.find("retracted claim g1-corrected\n") != std::string::npos);
  CHECK(r.out.find("linked art-drones-1 refines syn-kyiv-launched-a2 (link ") != std::string::npos);
  CHECK(r.out.find("error") == std::string::npos);

  const std::string before = dump(cli.db);
  const auto refused = run_shell("printf '%s\\n' 'add source --name X' 'correct art-drones-1 --value 3 --reason r' "
                                 "'claims about kyiv-strike-2025-12 on drones_launched' | claimdb --db " +
                                     shell_quote(cli.db) + " repl --read-only 2>&1");
  CHECK(refused.status == 5);
  CHECK(refused.out.find("error: line 1: database '" + cli.db + "' is open read-only (the REPL was started with "
                         "--read-only: it only reads)\n") != std::string::npos);
  CHECK(refused.out.find("error: line 2: ") != std::string::npos);
  CHECK(refused.out.find("art-drones-1") != std::string::npos);  // the query still ran
  CHECK(dump(cli.db) == before);

  // Refusals in the REPL: exit 3, the field named, nothing changed.
  const auto bad = run_shell("printf '%s\\n' 'review art-drones-1 --rating \"\" --reviewer Desk' | claimdb --db " +
                             shell_quote(cli.db) + " repl 2>&1");
  CHECK(bad.status == 3);
  CHECK(bad.out == "error: line 1: field 'rating': missing required field 'rating'\n");
  CHECK(dump(cli.db) == before);
}

TEST_CASE("every write command has --help") {
  Cli cli;
  for (const char* command : {"add source", "add entity", "add property", "add report", "add claim", "correct",
                              "retract", "review", "link", "amend", "history"}) {
    CAPTURE(command);
    const auto help = cli(std::string(command) + " --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("Usage") != std::string::npos);
  }
}

TEST_CASE("library: an amended affiliation is what the detector uses, recomputed at once") {
  Database db = Database::open(":memory:");
  add_source(db, Source{.id = "a", .name = "A", .affiliation = "side-a"});
  add_source(db, Source{.id = "b", .name = "B", .affiliation = "side-b"});
  add_entity(db, Entity{.name = "Raid"});
  add_property(db, Property{.id = "n", .unit = "drone"});
  Claim c;
  c.claimant = "a";
  c.entity = "raid";
  c.property = "n";
  c.value.phrase = "474";
  CHECK(add_claim(db, c).id == "a-n");
  c.claimant = "b";
  CHECK(add_claim(db, c).id == "b-n");
  auto kinds = [&] {
    std::vector<std::string> out;
    for (const auto& x : list_conflicts(db, ConflictFilter{.include_non_conflicts = true})) out.push_back(x.kind);
    return out;
  };
  CHECK(kinds() == std::vector<std::string>{"supports"});
  amend_record(db, Amendment{.record = "source", .id = "b", .affiliation = "side-a", .reason = "same ministry"});
  CHECK(db.find_source("b")->affiliation == "side-a");
  CHECK(kinds().empty());
  CHECK(explain_pair(db, "a-n", "b-n").explanation.find("speak for side-a") != std::string::npos);
  // A whole-database run agrees with the incremental one.
  detect_all(db);
  CHECK(kinds().empty());
  const auto history = record_history(db, "b");
  REQUIRE(history.size() == 2);
  CHECK(history[1].detail == "affiliation: 'side-b' -> 'side-a'; reason: same ministry");
  CHECK(db.snapshot().sources.at(1).affiliation == "side-b");  // as first recorded
}

TEST_CASE("library: as of a time before an amendment, queries show the earlier version") {
  Database db = Database::open(":memory:");
  db.add(Source{.id = "s", .name = "Misspelt", .affiliation = "x", .recorded_at = "2025-12-27T00:00:00Z"});
  db.add(Entity{.id = "e", .name = "Evnt", .recorded_at = "2025-12-27T00:00:00Z"});
  db.add(Amendment{.record = "source", .id = "s", .name = "Spelt", .reason = "typo",
                   .recorded_at = "2025-12-28T00:00:00Z"});
  db.add(Amendment{.record = "entity", .id = "e", .name = "Event", .reason = "typo",
                   .recorded_at = "2025-12-28T00:00:00Z"});
  auto first_cell = [&](const std::string& text, std::size_t column) {
    const QueryResult r = query(db, text);
    REQUIRE(r.rows.size() == 1);
    return std::get<std::string>(r.rows[0].at(column));
  };
  CHECK(first_cell("sources", 1) == "Spelt");
  CHECK(first_cell("sources as of 2025-12-27T12:00", 1) == "Misspelt");
  CHECK(first_cell("sources as of 2025-12-28", 1) == "Spelt");
  CHECK(first_cell("entities", 1) == "Event");
  CHECK(first_cell("entities as of 2025-12-27T12:00", 1) == "Evnt");
  CHECK(first_cell("sources as of 2025-12-27T12:00", 3) == "x");
}

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("re-importing a developing story: identical is a no-op, changes need --update") {
  Cli cli;
  cli.seed();
  const std::string seeded = dump(cli.db);
  const std::string article = shell_quote(test::seed_files()[0]);
  const std::string synthetic = shell_quote(test::seed_files()[1]);

  SUBCASE("the same files again change nothing and say so") {
    const auto again = cli("import " + article + " " + synthetic);
    CHECK(again.status == 0);
    CHECK(cli.stderr_text().rfind("claimdb: nothing to import: 62 claims unchanged, ", 0) == 0);
    CHECK(dump(cli.db) == seeded);
    // An export re-states everything too, recorded times and all.
    const auto exported = cli.dir.write("export.json", cli("export").out);
    CHECK(cli("import " + shell_quote(exported)).status == 0);
    CHECK(cli.stderr_text().rfind("claimdb: nothing to import: 62 claims unchanged, ", 0) == 0);
    CHECK(dump(cli.db) == seeded);
    // So does an export holding amendments: the records as first recorded, then the amendments.
    REQUIRE(cli("amend source zelensky --name 'President Zelensky' --reason r").status == 0);
    const std::string amended = dump(cli.db);
    const auto with_history = cli.dir.write("export2.json", cli("export").out);
    CHECK(cli("import " + shell_quote(with_history)).status == 0);
    CHECK(cli.stderr_text().rfind("claimdb: nothing to import: 62 claims unchanged, ", 0) == 0);
    CHECK(dump(cli.db) == amended);
  }

  SUBCASE("an edited file: a figure corrected, a source renamed, a claim added") {
    std::string text = test::read_file(test::seed_files()[1]);
    text = replaced(text, "\"name\": \"Outlet B (synthetic)\"", "\"name\": \"Outlet B (a synthetic outlet)\"");
    text = replaced(text, "\"value\": \"more than 600\"", "\"value\": \"more than 650\"");
    text = replaced(text, "    {\n      \"id\": \"syn-kyiv-intercepted-c1\",",
                    "    {\"id\": \"syn-kyiv-launched-d1\", \"claimant\": \"outlet-d-synthetic\", "
                    "\"entity\": \"kyiv-strike-2025-12\", \"property\": \"drones_launched\", \"value\": \"about 480\"},\n"
                    "    {\n      \"id\": \"syn-kyiv-intercepted-c1\",");
    const std::string edited = cli.dir.write("synthetic-edited.json", text);

    // Without --update: refused, every difference of the first changed record listed, nothing changed.
    const auto refused = cli("import " + shell_quote(edited));
    CHECK(refused.status == 3);
    CHECK(cli.stderr_text() ==
          "claimdb: error: " + edited +
              ": /sources/1/name: source 'outlet-b-synthetic' already exists with other values: name: 'Outlet B "
              "(synthetic)' in the database, 'Outlet B (a synthetic outlet)' in the file; import --update records "
              "the file's values as an amendment (claimdb history outlet-b-synthetic shows the versions)\n");
    CHECK(dump(cli.db) == seeded);

    // With --update: an amendment, a correction and the new claim.
    const auto updated = cli("import --update " + shell_quote(edited));
    CHECK(updated.status == 0);
    const std::string summary = cli.stderr_text();
    CHECK(summary.rfind("claimdb: imported 1 claims in ", 0) == 0);
    CHECK(summary.find("; 1 amended; 1 corrected\n") != std::string::npos);
    const auto source = nlohmann::json::parse(cli("query 'sources' --format json").out);
    bool renamed = false;
    for (const auto& row : source) renamed = renamed || row["name"] == "Outlet B (a synthetic outlet)";
    CHECK(renamed);
    const auto history = nlohmann::json::parse(cli("history syn-kyiv-launched-c1 --format json").out);
    bool superseded = false;
    for (const auto& row : history)
      superseded = superseded || (row["event"] == "superseded by" && row["id"] == "syn-kyiv-launched-c1-corrected" &&
                                  row["detail"].get<std::string>().find("more than 650 (import --update of " + edited) == 0);
    CHECK(superseded);
    const auto versions = nlohmann::json::parse(cli("history outlet-b-synthetic --format json").out);
    REQUIRE(versions.size() == 2);
    CHECK(versions[1]["detail"].get<std::string>().find("reason: import --update of " + edited + " at ") !=
          std::string::npos);

    // The edited file again, with or without --update: nothing left to do.
    const std::string after = dump(cli.db);
    CHECK(cli("import " + shell_quote(edited)).status == 0);
    CHECK(cli.stderr_text().rfind("claimdb: nothing to import: 20 claims unchanged", 0) == 0);
    CHECK(cli("import --update " + shell_quote(edited)).status == 0);
    CHECK(dump(cli.db) == after);

    // And the history survives the round trip.
    const auto exported = cli("export");
    Cli other;
    REQUIRE(other("import " + shell_quote(cli.dir.write("export.json", exported.out))).status == 0);
    CHECK(other("export").out == exported.out);
  }

  SUBCASE("a claim restated with another claimant is refused even with --update") {
    std::string text = test::read_file(test::seed_files()[1]);
    text = replaced(text, "\"claimant\": \"monitoring-c-synthetic\",\n      \"report\": \"rep-monitoring-c-1\",\n"
                          "      \"entity\": \"kyiv-strike-2025-12\",\n      \"property\": \"drones_launched\"",
                    "\"claimant\": \"outlet-d-synthetic\",\n      \"report\": \"rep-monitoring-c-1\",\n"
                    "      \"entity\": \"kyiv-strike-2025-12\",\n      \"property\": \"drones_launched\"");
    const std::string edited = cli.dir.write("other-claimant.json", text);
    CHECK(cli("import --update " + shell_quote(edited)).status == 3);
    CHECK(cli.stderr_text().find("/claims/3/claimant: claim 'syn-kyiv-launched-c1' already exists with other "
                                 "values: claimant: 'monitoring-c-synthetic' in the database, 'outlet-d-synthetic' "
                                 "in the file; a correction keeps the claimant") != std::string::npos);
    CHECK(dump(cli.db) == seeded);
  }
}

TEST_CASE("warnings at entry: what the quantity reader assumed, and a value its group cannot compare") {
  Cli cli;
  cli.seed();
  const std::string claim = "add claim --claimant zelensky --entity kyiv-strike-2025-12 --property drones_launched ";
  CHECK(cli(claim + "--value many --id w1").status == 0);
  CHECK(cli.stderr_text() == "claimdb: warning: claim 'w1': \"many\" -> [2, inf) drone carries almost no information: "
                             "it is never the sole basis of a conflict\n");
  CHECK(cli(claim + "--value 'nearly 500' --id w2").status == 0);
  CHECK(cli.stderr_text() == "claimdb: warning: claim 'w2': \"nearly 500\" read as [450, 500) drone by the rule "
                             "'nearly {n}'\n");
  CHECK(cli(claim + "--value 1.234 --id w3").status == 0);
  CHECK(cli.stderr_text().find("claim 'w3': \"1.234\": no language given: '1.234' is read as 1.234 (English: '.' is the decimal point)") !=
        std::string::npos);
  CHECK(cli(claim + "--value '300 Shahed attack drones' --id w6").status == 0);
  CHECK(cli.stderr_text() == "claimdb: warning: claim 'w6': \"300 Shahed attack drones\": 'Shahed attack drones' is "
                             "read as the unit 'drone'\n");
  CHECK(cli(claim + "--value 1,234 --id w4").status == 0);
  CHECK(cli.stderr_text().find("claim 'w4': \"1,234\": no language given: '1,234' is read as 1234 (English: ',' separates thousands)") != std::string::npos);
  const auto share = cli(claim + "--value '40 percent' --id w5 --format json");
  CHECK(share.status == 0);
  const auto doc = nlohmann::json::parse(share.out);
  REQUIRE(doc["warnings"].size() == 1);
  CHECK(doc["warnings"][0].get<std::string>().find("claim 'w5': its value is in 'percent', the group's in 'drone' (") ==
        0);
  CHECK(cli("add claim --claimant zelensky --entity kyiv-strike-2025-12 --property statement --value 'we rebuild'")
            .status == 0);
  CHECK(cli.stderr_text().find("property 'statement' is text: its claims get no automatic verdict") !=
        std::string::npos);
  // An import says what could mislead (not every vague phrase).
  const auto file = cli.dir.write(
      "vague.jsonl",
      "{\"record\": \"claim\", \"id\": \"v1\", \"claimant\": \"zelensky\", \"entity\": \"kyiv-strike-2025-12\", "
      "\"property\": \"deaths\", \"value\": \"many\"}\n"
      "{\"record\": \"claim\", \"id\": \"v2\", \"claimant\": \"zelensky\", \"entity\": \"kyiv-strike-2025-12\", "
      "\"property\": \"injured\", \"value\": \"about 30\"}\n");
  CHECK(cli("import " + shell_quote(file)).status == 0);
  const std::string err = cli.stderr_text();
  CHECK(err.find("claimdb: warning: claim 'v1': \"many\" -> [2, inf) person carries almost no information") !=
        std::string::npos);
  CHECK(err.find("'v2'") == std::string::npos);
}
