// The JSON format v1: importing documents and JSON Lines, exporting in a
// stable order, and refusing bad input without changing the database.
#include "support.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace claimdb;
using claimdb::test::TempDir;

namespace {

// A small valid base that bad-input cases build on.
const char* const base_document = R"({
  "sources": [{"id": "s1", "name": "Source one", "affiliation": "side-a"},
              {"id": "s2", "name": "Source two"}],
  "entities": [{"id": "kyiv", "name": "Kyiv", "part_of": "ukraine"},
               {"id": "ukraine", "name": "Ukraine"},
               {"id": "e1", "name": "Event one", "kind": "event"}],
  "properties": [{"id": "intercepted", "value_type": "quantity", "unit": "drone",
                  "constraints": [{"relation": "<=", "other": "launched"}]},
                 {"id": "launched", "value_type": "quantity", "unit": "drone"},
                 {"id": "target", "value_type": "category"},
                 {"id": "violated", "value_type": "boolean"}],
  "reports": [{"id": "r2", "title": "Second", "cites": "r1", "publisher": "s2"},
              {"id": "r1", "title": "First", "published_at": "2025-12-27"}],
  "claims": [{"id": "c1", "claimant": "s1", "entity": "e1", "property": "launched", "value": 474,
              "report": "r1", "quote": "474 drones were launched", "place": "ukraine"},
             {"id": "c2", "claimant": "s2", "entity": "e1", "property": "intercepted",
              "value": {"lo": 180, "hi": 200, "hi_open": true, "phrase": "nearly 200"}},
             {"id": "c3", "claimant": "s2", "entity": "e1", "property": "target",
              "value": "energy infrastructure", "polarity": "denies"},
             {"id": "c4", "claimant": "s1", "entity": "e1", "property": "violated", "value": false,
              "supersedes": "c1", "correction_reason": "wrong property"}],
  "links": [{"from": "c1", "to": "c2", "kind": "contradicts", "origin": "jane"}],
  "reviews": [{"claim": "c2", "rating": "false", "reviewer": "desk"}],
  "retractions": [{"claim": "c3", "reason": "withdrawn"}]
})";

struct BadCase {
  std::string name;
  std::string text;
  bool json_lines;
  ErrorCode code;
  const char* message;  // the exact what()
};

std::string jsonl(std::initializer_list<const char*> lines) {
  std::string out;
  for (auto line : lines) out += std::string(line) + "\n";
  return out;
}

const char* const jsonl_base =
    R"({"record": "source", "id": "t1", "name": "One"})" "\n"
    R"({"record": "entity", "id": "te", "name": "Event"})" "\n"
    R"({"record": "property", "id": "tp", "value_type": "quantity", "unit": "drone"})" "\n";

}  // namespace

TEST_CASE("a document imports with references in any order and exports in a stable order") {
  Database db = Database::open(":memory:");
  ImportSummary s = import_text(db, base_document, "base.json", false);
  CHECK(s.sources == 2);
  CHECK(s.entities == 3);
  CHECK(s.properties == 4);
  CHECK(s.reports == 2);
  CHECK(s.claims == 4);
  CHECK(s.links == 1);
  CHECK(s.reviews == 1);
  CHECK(s.retractions == 1);
  CHECK(db.get_claim("c3").polarity == Polarity::denies);
  CHECK(db.get_claim("c4").value.phrase == "false");
  CHECK(db.find_report("r2")->cites == "r1");

  const std::string first = test::export_string(db);
  // References point backwards in the export: ukraine before kyiv, r1 before r2.
  CHECK(first.find("\"id\": \"ukraine\"") < first.find("\"id\": \"kyiv\""));
  CHECK(first.find("\"id\": \"r1\"") < first.find("\"id\": \"r2\""));
  CHECK(first.find("\"id\": \"launched\"") < first.find("\"id\": \"intercepted\""));

  Database copy = Database::open(":memory:");
  import_text(copy, first, "export.json", false);
  CHECK(test::export_string(copy) == first);
}

TEST_CASE("JSON Lines import and export round-trip") {
  Database db = Database::open(":memory:");
  import_text(db, base_document, "base.json", false);
  std::ostringstream lines;
  export_jsonl(db, lines);
  Database copy = Database::open(":memory:");
  ImportSummary s = import_text(copy, lines.str(), "export.jsonl", true);
  CHECK(s.claims == 4);
  CHECK(test::export_string(copy) == test::export_string(db));
}

TEST_CASE("the seed fixture round-trips byte for byte through a fresh database") {
  TempDir dir;
  Database db = Database::open(dir.file("a.db"));
  ImportSummary s = import_files(db, test::seed_files());
  CHECK(s.claims >= 50);
  const std::string first = test::export_string(db);
  const auto exported = dir.write("export.json", first);
  Database fresh = Database::open(dir.file("b.db"));
  import_files(fresh, {exported});
  CHECK(test::export_string(fresh) == first);
}

TEST_CASE("amendments round-trip with their history, byte for byte, as JSON and JSON Lines") {
  TempDir dir;
  Database db = Database::open(dir.file("a.db"));
  import_files(db, test::seed_files());
  db.add(Amendment{.record = "source", .id = "polish-officials", .name = "Polish officials (government)",
                   .reason = "full name", .recorded_at = "2025-12-28T09:00:00Z"});
  db.add(Amendment{.record = "source", .id = "polish-officials", .affiliation = "poland-gov-officials",
                   .reason = "side confirmed"});
  db.add(Amendment{.record = "entity", .id = "kyiv-strike-2025-12", .aliases = std::vector<std::string>{"Kyiv raid"},
                   .reason = "alias"});
  db.add(Amendment{.record = "report", .id = db.list_reports().at(0).id, .title = "A better title",
                   .reason = "headline changed"});
  db.add(Amendment{.record = "property", .id = "deaths", .description = "people killed", .reason = "doc"});
  const std::string first = test::export_string(db);
  CHECK(first.find("\"amendments\": [") != std::string::npos);
  const auto exported = dir.write("export.json", first);
  Database fresh = Database::open(dir.file("b.db"));
  const ImportSummary s = import_files(fresh, {exported});
  CHECK(s.amendments == 5);
  CHECK(test::export_string(fresh) == first);
  // The current values are the amended ones, the earlier versions stay.
  CHECK(fresh.find_source("polish-officials")->name == "Polish officials (government)");
  CHECK(fresh.find_source("polish-officials")->affiliation == "poland-gov-officials");
  CHECK(fresh.find_entity("kyiv-strike-2025-12")->aliases == std::vector<std::string>{"Kyiv raid"});
  CHECK(fresh.snapshot().sources.size() == db.list_sources().size());
  CHECK(fresh.list_amendments("source", "polish-officials").size() == 2);
  std::ostringstream lines;
  export_jsonl(db, lines);
  Database third = Database::open(":memory:");
  import_text(third, lines.str(), "export.jsonl", true);
  CHECK(test::export_string(third) == first);
}

TEST_CASE("phrases read as unbounded intervals survive export and re-import") {
  // Regression: "more than 600" is read as (600, inf); its open unbounded end
  // used to be refused when the export was imported again.
  TempDir dir;
  Database db = Database::open(":memory:");
  import_files(db, {test::fixture("pairs/pairs.json").string()});
  const std::string first = test::export_string(db);
  CHECK(first.find("\"hi\": null") != std::string::npos);
  Database copy = Database::open(":memory:");
  import_text(copy, first, "export.json", false);
  CHECK(test::export_string(copy) == first);
}

TEST_CASE("a document imported again is left as it is, corrections and all") {
  Database db = Database::open(":memory:");
  import_text(db, base_document, "base.json", false);
  const std::string before = test::export_string(db);
  const ImportSummary again = import_text(db, base_document, "base.json", false);
  CHECK(again.records() == 0);
  CHECK(again.unchanged_claims == 4);
  CHECK(again.unchanged == 2 + 3 + 4 + 2 + 4 + 1 + 1 + 1);
  CHECK(test::export_string(db) == before);
}

TEST_CASE("import with update amends entities, properties and reports, and refuses what cannot be amended") {
  Database db = Database::open(":memory:");
  import_text(db, base_document, "base.json", false);
  const std::string edited = R"({
    "entities": [{"id": "kyiv", "name": "Kyiv", "part_of": "ukraine", "aliases": ["Kiev"]}],
    "properties": [{"id": "target", "value_type": "category", "description": "what was aimed at"}],
    "reports": [{"id": "r1", "title": "First, updated", "published_at": "2025-12-27"}]
  })";
  ImportOptions update;
  update.update = true;
  const ImportSummary s = import_text(db, edited, "edited.json", false, update);
  CHECK(s.amended == 3);
  CHECK(db.find_entity("kyiv")->aliases == std::vector<std::string>{"Kiev"});
  CHECK(db.find_property("target")->description == "what was aimed at");
  CHECK(db.find_report("r1")->title == "First, updated");
  CHECK(db.list_amendments().size() == 3);
  CHECK(db.list_amendments("entity", "kyiv").at(0).reason.rfind("import --update of edited.json at ", 0) == 0);
  // Again: nothing to do.
  CHECK(import_text(db, edited, "edited.json", false, update).amended == 0);
  // A property's unit is not descriptive: refused even with update.
  const std::string before = test::export_string(db);
  try {
    import_text(db, R"({"properties": [{"id": "launched", "value_type": "quantity", "unit": "missile"}]})",
                "unit.json", false, update);
    FAIL_CHECK("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "unit.json: /properties/0/unit: property 'launched' already exists with other values: unit: 'drone' in "
          "the database, 'missile' in the file; an amendment changes only descriptive fields, not unit: give the "
          "changed record another id");
  }
  CHECK(test::export_string(db) == before);
}

TEST_CASE("bad input is refused with file, line or path and field, and changes nothing") {
  const std::vector<BadCase> cases = {
      {"malformed JSON", R"({"sources": [)", false, ErrorCode::bad_input,
       "input:1:14: malformed JSON: syntax error while parsing value - unexpected end of input; "
       "expected '[', '{', or a literal"},
      {"truncated JSON Lines", std::string(jsonl_base) + R"({"record": "claim", "id": "c1", "cla)",
       true, ErrorCode::bad_input,
       "input:4:37: malformed JSON: syntax error while parsing object key - invalid string: "
       "missing closing quote; last read: '\"cla'; expected string literal"},
      {"not an object", "[1, 2]", false, ErrorCode::bad_input,
       "input: /: a claimdb document must be a JSON object"},
      {"wrong type", R"({"sources": [{"id": "x", "name": 5}]})", false, ErrorCode::bad_input,
       "input: /sources/0/name: field 'name' must be a string, not a number"},
      {"missing required field", R"({"sources": [{"id": "x"}]})", false, ErrorCode::bad_input,
       "input: /sources/0/name: missing required field 'name'"},
      {"unknown field", R"({"sources": [{"id": "x", "name": "X", "nmae": "typo"}]})", false,
       ErrorCode::bad_input, "input: /sources/0/nmae: unknown field 'nmae' in a source record"},
      {"unknown member", R"({"claimz": []})", false, ErrorCode::bad_input,
       "input: /claimz: unknown member 'claimz' in a claimdb document"},
      {"unknown reference", std::string(jsonl_base) +
           R"({"record": "claim", "id": "c1", "claimant": "s9", "entity": "te", "property": "tp", "value": 3})",
       true, ErrorCode::not_found, "input:4: /claimant: unknown source 's9'"},
      {"forward reference in JSON Lines",
       jsonl({R"({"record": "entity", "id": "lviv", "name": "Lviv", "part_of": "west"})",
              R"({"record": "entity", "id": "west", "name": "West"})"}),
       true, ErrorCode::not_found, "input:1: /part_of: unknown entity 'west'"},
      {"duplicate id", jsonl({R"({"record": "source", "id": "s7", "name": "One"})",
                              R"({"record": "source", "id": "s7", "name": "Again"})"}),
       true, ErrorCode::duplicate,
       "input:2: /name: source 's7' already exists with other values: name: 'One' in the database, 'Again' in "
       "the file; import --update records the file's values as an amendment (claimdb history s7 shows the versions)"},
      {"a restated claim with another claimant", std::string(jsonl_base) +
           R"({"record": "claim", "id": "c2", "claimant": "s1", "entity": "e1", "property": "intercepted", )"
           R"("value": {"lo": 180, "hi": 200, "hi_open": true, "phrase": "nearly 200"}})",
       true, ErrorCode::duplicate,
       "input:4: /claimant: claim 'c2' already exists with other values: claimant: 's2' in the database, 's1' in "
       "the file; a correction keeps the claimant, entity, property and what it supersedes, not claimant: give "
       "the changed claim another id"},
      {"lo greater than hi", std::string(jsonl_base) +
           R"({"record": "claim", "id": "c1", "claimant": "t1", "entity": "te", "property": "tp", "value": {"lo": 200, "hi": 180}})",
       true, ErrorCode::bad_input, "input:4: /value: lo (200) is greater than hi (180)"},
      {"infinity", std::string(jsonl_base) +
           R"({"record": "claim", "id": "c1", "claimant": "t1", "entity": "te", "property": "tp", "value": 1e999})",
       true, ErrorCode::bad_input, "input:4: malformed JSON: number overflow parsing '1e999'"},
      {"invalid UTF-8", "{\"sources\": [{\"id\": \"x\", \"name\": \"bad \xC3\x28\"}]}", false,
       ErrorCode::bad_input,
       "input:1:40: malformed JSON: syntax error while parsing value - invalid string: "
       "ill-formed UTF-8 byte; last read: '\"bad \xC3\x28'"},
      {"oversized string", R"({"sources": [{"id": "x", "name": ")" + std::string(1'000'001, 'a') + R"("}]})",
       false, ErrorCode::bad_input,
       "input: /sources/0/name: text of 1000001 bytes exceeds the limit of 1000000"},
      {"reference cycle", R"({"entities": [{"id": "a", "name": "A", "part_of": "b"}, {"id": "b", "name": "B", "part_of": "a"}]})",
       false, ErrorCode::bad_input,
       "input: /entities/1/part_of: references form a cycle: a -> b -> a"},
      {"unknown record kind", jsonl({R"({"record": "sauce", "id": "s8"})"}), true,
       ErrorCode::bad_input, "input:1: /record: unknown record kind 'sauce'"},
      {"reserved origin", std::string(jsonl_base) +
           R"({"record": "link", "from": "a", "to": "b", "kind": "supports", "origin": "detector"})",
       true, ErrorCode::bad_input,
       "input:4: /origin: origin 'detector' is reserved for claimdb's conflict detector"},
      {"bad time", R"({"sources": [{"id": "x", "name": "X", "recorded_at": "yesterday"}]})", false,
       ErrorCode::bad_input,
       "input: /sources/0/recorded_at: invalid time 'yesterday' (expected ISO 8601: 2025-12-27 or "
       "2025-12-27T06:30:00Z)"},
      {"amendment of a field the kind lacks",
       jsonl({R"({"record": "amendment", "amends": "property", "id": "launched", "set": {"name": "x"}, "reason": "r"})"}),
       true, ErrorCode::bad_input,
       "input:1: /set/name: a property has no field 'name' to amend (amendable: description)"},
      {"amendment of a missing record",
       jsonl({R"({"record": "amendment", "amends": "source", "id": "nobody", "set": {"name": "x"}, "reason": "r"})"}),
       true, ErrorCode::not_found, "input:1: /id: unknown source 'nobody'"},
      {"amendment of an unknown kind",
       R"({"amendments": [{"amends": "planet", "id": "x", "set": {"name": "y"}, "reason": "r"}]})", false,
       ErrorCode::bad_input,
       "input: /amendments/0/amends: unknown record kind 'planet' (source, entity, property or report)"},
      {"wrong format version", R"({"format": "claimdb", "version": 2})", false, ErrorCode::bad_input,
       "input: /version: unsupported format version 2 (this claimdb reads version 1)"},
      {"bad language tag", R"({"reports": [{"id": "r9", "title": "T", "language": "english"}]})", false,
       ErrorCode::bad_input,
       "input: /reports/0/language: invalid language tag 'english' in field 'language' (expected a BCP 47 "
       "tag such as en, fr, de-CH or uk)"},
      {"language not a string", R"({"sources": [{"id": "x", "name": "X", "language": 7}]})", false,
       ErrorCode::bad_input, "input: /sources/0/language: field 'language' must be a string, not a number"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Database db = Database::open(":memory:");
    import_text(db, base_document, "base.json", false);
    const std::string before = test::export_string(db);
    try {
      import_text(db, c.text, "input", c.json_lines);
      FAIL_CHECK("no error for " << c.name);
    } catch (const Error& e) {
      CHECK(e.code() == c.code);
      CHECK(std::string(e.what()) == c.message);
    }
    CHECK(test::export_string(db) == before);
  }
}

TEST_CASE("languages of reports and sources are stored canonical and round-trip") {
  Database db = Database::open(":memory:");
  import_text(db, R"({
    "sources": [{"id": "kathimerini", "name": "Outlet in Athens", "language": "EL"},
                {"id": "nzz", "name": "Outlet in Zurich", "language": "de_ch"},
                {"id": "plain", "name": "No language"}],
    "reports": [{"id": "r-el", "title": "T", "publisher": "kathimerini"},
                {"id": "r-ch", "title": "T", "publisher": "nzz", "language": "de-ch"},
                {"id": "r-sr", "title": "T", "language": "sr-latn-rs"}]})",
              "languages.json", false);
  const std::string first = test::export_string(db);
  CHECK(first.find(R"("language": "el")") != std::string::npos);
  CHECK(first.find(R"("language": "de-CH")") != std::string::npos);
  CHECK(first.find(R"("language": "sr-Latn-RS")") != std::string::npos);
  Database copy = Database::open(":memory:");
  import_text(copy, first, "export.json", false);
  CHECK(test::export_string(copy) == first);
  // Without languages nothing is written: old exports stay byte for byte.
  Database none = Database::open(":memory:");
  import_text(none, base_document, "base.json", false);
  CHECK(test::export_string(none).find("language") == std::string::npos);
}

TEST_CASE("one import of several files is one transaction") {
  TempDir dir;
  const auto good = dir.write("good.jsonl", jsonl_base);
  const auto bad = dir.write("bad.jsonl", R"({"record": "source", "id": "s2"})" "\n");
  Database db = Database::open(dir.file("claims.db"));
  try {
    import_files(db, {good, bad});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == bad + ":1: /name: missing required field 'name'");
  }
  CHECK(db.stats().sources == 0);
  CHECK(db.stats().properties == 0);
}

TEST_CASE("an unreadable file is an I/O error naming the file") {
  TempDir dir;
  Database db = Database::open(":memory:");
  try {
    import_files(db, {dir.file("missing.json")});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::io);
    CHECK(e.location().file == dir.file("missing.json"));
  }
  try {
    import_files(db, {dir.path().string()});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::io);
    CHECK(std::string(e.message()) == "is a directory, not a file");
  }
}
