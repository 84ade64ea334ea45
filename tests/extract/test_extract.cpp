// Drafting claims from text: speakers, figures and what is not a figure,
// hostile input, and the drafts importing as they are.
#include <doctest/doctest.h>

#include <claimdb/claimdb.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>

#include "cli/cli_support.hpp"
#include "support.hpp"

using namespace claimdb;

namespace {

Extraction run(const std::string& text, ExtractOptions options = {}, const Database* known = nullptr) {
  std::istringstream in(text);
  if (options.publisher.empty()) options.publisher = "the-outlet";
  return extract_text(in, options, known);
}

std::vector<std::string> values(const Extraction& x) {
  std::vector<std::string> out;
  for (auto& d : x.claims)
    if (d.value_type == ValueType::quantity) out.push_back(d.claim.value.phrase);
  return out;
}

const DraftClaim& draft_with(const Extraction& x, const std::string& value) {
  for (auto& d : x.claims)
    if (d.claim.value.phrase == value) return d;
  FAIL("no draft with value '" << value << "'");
  throw 0;
}

std::string name_of(const Extraction& x, const std::string& id) {
  for (auto& s : x.sources)
    if (s.id == id) return s.name;
  return id;
}

std::string error_of(const std::string& text) {
  try {
    run(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("extract: attribution patterns name the speaker") {
  const auto x = run(
      "Ukrainian President Volodymyr Zelensky said 40 drones were launched.\n"
      "According to the regional governor, 12 people were injured.\n"
      "Three people were killed, Mayor Anna Kovalenko told reporters.\n"
      "Russia claimed that 90 drones were shot down. It also said 5 missiles were intercepted.\n"
      "Kyiv's military administration reported 7 fires.\n"
      "Zelensky said 300 homes were hit.\n");
  CHECK(name_of(x, draft_with(x, "40").claim.claimant) == "Volodymyr Zelensky");
  CHECK(name_of(x, draft_with(x, "12").claim.claimant) == "regional governor");
  CHECK(name_of(x, draft_with(x, "Three").claim.claimant) == "Anna Kovalenko");
  CHECK(name_of(x, draft_with(x, "90").claim.claimant) == "Russia");
  // "It" is the last organisation named as a speaker.
  CHECK(name_of(x, draft_with(x, "5").claim.claimant) == "Russia");
  CHECK(name_of(x, draft_with(x, "7").claim.claimant).find("military administration") != std::string::npos);
  // A surname alone is the person named before.
  CHECK(draft_with(x, "300").claim.claimant == draft_with(x, "40").claim.claimant);
  // Unattributed figures are the publisher's, with a note saying so.
  const auto y = run("At least two people were killed.\n");
  REQUIRE(y.claims.size() == 1);
  CHECK(y.claims[0].claim.claimant == "the-outlet");
  CHECK(y.claims[0].needs_review.front().find("publisher") != std::string::npos);
}

TEST_CASE("extract: a quotation spanning sentences belongs to the speaker after it") {
  const auto x = run(
      "Interior Minister Ihor Klymenko said the site was cleared.\n"
      "\u201cThe night was hard. We counted 25 drones over the city,\u201d he said.\n");
  const auto& d = draft_with(x, "25");
  CHECK(name_of(x, d.claim.claimant) == "Ihor Klymenko");
  CHECK(d.claim.quote.find("The night was hard.") != std::string::npos);  // one quote, both sentences
  CHECK(d.claim.quote.find("he said") != std::string::npos);
  CHECK(d.confidence < 0.9);                               // a pronoun resolved: a guess
}

TEST_CASE("extract: figures in headlines, values as written, offsets and properties") {
  const auto x = run("Nearly 200 drones downed overnight\n\nAir defences intercepted nearly 200 drones, while roughly 40 percent of homes were left without heat.\n");
  const auto v = values(x);
  REQUIRE(v.size() == 3);
  CHECK(v[0] == "Nearly 200");
  CHECK(x.claims[0].claim.quote == "Nearly 200 drones downed overnight");
  CHECK(x.claims[0].claim.property == "drones_intercepted");
  CHECK(x.claims[1].claim.property == "drones_intercepted");
  CHECK(draft_with(x, "roughly 40 percent").claim.property == "homes_without_heat_share");
  // Character offsets point at the value in the report's text.
  const auto& d = draft_with(x, "roughly 40 percent");
  CHECK(x.report.text.substr(d.value_begin, d.value_end - d.value_begin) == "roughly 40 percent");
  CHECK(x.report.title == "Nearly 200 drones downed overnight");
}

TEST_CASE("extract: dates, times, ordinals, phone numbers and years are not figures") {
  const auto x = run(
      "The attack began on 27 December at 6:30 and ended on December 28.\n"
      "It was the third attack this month and the 27th since 2022.\n"
      "Call 0800 555 0199 or +44 20 7946 0958 for help; the F-16 and COVID-19 were discussed.\n");
  CHECK(values(x).empty());
  const auto y = run("At 6:30, 14 people were injured on 3 May 2024.\n");
  CHECK(values(y) == std::vector<std::string>{"14"});
}

TEST_CASE("extract: empty, binary and invalid UTF-8 input are refused clearly") {
  CHECK(error_of("").find("empty") != std::string::npos);
  CHECK(error_of(" \n\n ").find("empty") != std::string::npos);
  CHECK(error_of(std::string("abc\0def", 7)).find("NUL byte at byte 3") != std::string::npos);
  CHECK(error_of("caf\xc3\x28 ok").find("invalid UTF-8 at byte 3") != std::string::npos);
  CHECK(error_of("ok \xff").find("invalid UTF-8 at byte 3") != std::string::npos);
  CHECK(error_of("cut \xe2\x82").find("ends inside a sequence") != std::string::npos);
  ExtractOptions bad;
  bad.language = "english!";
  std::istringstream in("5 drones");
  CHECK_THROWS_AS(extract_text(in, bad), Error);
}

TEST_CASE("extract: HTML and Markdown become plain text") {
  const auto x = run("<html><head><style>p{}</style><script>var n = 5;</script></head>"
                     "<body><h1>Flood &amp; storm</h1><p>At least 12 people were killed, officials said.</p></body></html>");
  CHECK(values(x) == std::vector<std::string>{"At least 12"});
  CHECK(x.report.text.find("<") == std::string::npos);
  CHECK(x.report.title == "Flood & storm");
  const auto m = run("# **30 homes** hit\n\n- More than 9,000 pharmacies took part.\n");
  CHECK(values(m) == std::vector<std::string>{"30", "More than 9,000"});
}

namespace {

// A stream of generated text that is never held whole in memory.
class GeneratedText : public std::streambuf {
 public:
  explicit GeneratedText(std::size_t paragraphs) : left_(paragraphs) {}

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    --left_;
    line_ = "Officials said 12 people were injured in district " + std::string(400, 'x') +
            " and the repairs went on through the night without any other figure being given.\n\n";
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  std::size_t left_;
  std::string line_;
};

}  // namespace

TEST_CASE("extract: a long text is streamed; the report does not hold it") {
  GeneratedText text(4000);  // about 2 MB
  std::istream in(&text);
  ExtractOptions options;
  options.publisher = "outlet";
  std::size_t claims = 0;
  bool report_without_text = false, warned = false;
  ExtractSink sink;
  sink.report = [&](const Report& r) { report_without_text = r.text.empty(); };
  sink.claim = [&](const DraftClaim& d) {
    ++claims;
    CHECK(d.claim.value.phrase == "12");
  };
  sink.warn = [&](const std::string&) { warned = true; };
  extract_stream(in, options, nullptr, sink);
  CHECK(claims == 4000);
  CHECK(report_without_text);
  CHECK(warned);
}

TEST_CASE("extract: drafts import as they are, marked as drafts, reusing existing records") {
  auto db = Database::open(":memory:");
  import_files(db, test::seed_files());
  const auto x = run("Zelensky said hundreds of drones were launched at Kyiv in the overnight Russian assault on Kyiv.\n", {}, &db);
  REQUIRE(x.claims.size() == 1);
  CHECK(x.claims[0].claim.property == "drones_launched");  // the existing property
  CHECK(x.claims[0].claim.claimant == "zelensky");         // the existing source, by surname
  CHECK(x.claims[0].claim.entity == "kyiv-strike-2025-12"); // the event named in the text
  std::ostringstream json;
  write_extraction_json(x, json);
  const auto before = db.snapshot().claims.size();
  import_text(db, json.str(), "drafts.json", false);
  const auto after = db.snapshot();
  CHECK(after.claims.size() == before + 1);
  bool marked = false;
  for (auto& r : after.reviews) marked = marked || (r.claim == x.claims[0].claim.id && r.rating == draft_rating);
  CHECK(marked);
  // JSON Lines as streamed imports too.
  auto fresh = Database::open(":memory:");
  std::ostringstream lines;
  std::istringstream in("At least two people were killed, police said.\n");
  ExtractOptions options;
  options.name = "a.txt";
  extract_stream(in, options, nullptr, jsonl_sink(lines));
  const auto summary = import_text(fresh, lines.str(), "a.jsonl", true);
  CHECK(summary.claims == 1);
  CHECK(summary.reviews == 1);
  CHECK(fresh.list_sources().size() == 2);  // the draft publisher and "police"
}

TEST_CASE("extract --review: accepted drafts are imported in one transaction, the rest not") {
  const auto dir = std::filesystem::temp_directory_path() / "claimdb-extract-review";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto db = (dir / "r.db").string();
  const auto text = (dir / "a.txt").string();
  std::ofstream(text) << "At least two people were killed and dozens injured, police said. Several homes were hit.\n";
  const std::string env = "CLAIMDB_DB=" + test::shell_quote(db);
  REQUIRE(test::run_shell("claimdb init", env).status == 0);
  // Accept the first, edit then accept the second, reject the third.
  const auto r = test::run_shell("printf 'a\\ne value about 30\\na\\nr\\n' | claimdb extract --review " + test::shell_quote(text), env);
  CHECK(r.status == 0);
  CHECK(r.out.find("imported 2 accepted claims") != std::string::npos);
  const auto claims = test::run_shell("claimdb export", env);
  CHECK(claims.out.find("\"about 30\"") != std::string::npos);
  CHECK(claims.out.find("draft-accepted") != std::string::npos);
  CHECK(claims.out.find("\"Several\"") == std::string::npos);
  // Answers that end early import nothing and change nothing.
  const auto before = test::run_shell("claimdb export", env).out;
  const auto q = test::run_shell("printf 'q\\n' | claimdb extract --review " + test::shell_quote(text), env);
  CHECK(q.out.find("nothing imported") != std::string::npos);
  CHECK(test::run_shell("claimdb export", env).out == before);
  // The REPL's .extract walks drafts too, answered from its own input.
  const auto other = (dir / "b.txt").string();
  std::ofstream(other) << "Police said 4 cars were burned.\n";
  const auto repl = test::run_shell("printf '.extract %s\\na\\nq\\n.sql SELECT count(*) AS n FROM claims\\n' " +
                                        test::shell_quote(other) + " | claimdb repl", env);
  CHECK(repl.out.find("imported 1 accepted claims") != std::string::npos);
  CHECK(repl.out.find("3") != std::string::npos);
  std::filesystem::remove_all(dir);
}
