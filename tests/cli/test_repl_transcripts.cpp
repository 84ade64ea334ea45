// REPL transcripts: fixtures/repl/*.txt. Each file is an input script, then a
// line "==== expected (exit N)", then what `claimdb repl` prints (standard
// output and standard error, interleaved) and its exit status. A first line
// "#args: --bail" passes arguments to `repl` (the REPL reads it as a
// comment). The REPL runs with piped input in a fresh folder holding a copy
// of the query fixture as seed.db, with fixtures/ linked in. With
// CLAIMDB_UPDATE_REPL_TESTS=1 the expected parts are rewritten (review them!).
#include "cli/cli_support.hpp"
#include "query/query_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace claimdb::test {

namespace {

const std::string marker = "==== expected (exit ";

struct Transcript {
  std::string input;
  std::string expected;
  int status = 0;
};

Transcript read_transcript(const std::string& path) {
  const std::string text = read_file(path);
  Transcript t;
  const auto at = text.find("\n" + marker);
  t.input = text.substr(0, at == std::string::npos ? text.size() : at + 1);
  if (at == std::string::npos) return t;
  const auto line_end = text.find('\n', at + 1);
  t.status = std::atoi(text.c_str() + at + 1 + marker.size());
  t.expected = line_end == std::string::npos ? "" : text.substr(line_end + 1);
  return t;
}

CommandResult run_transcript(const Transcript& t) {
  TempDir dir;
  std::filesystem::copy_file(query_fixture_db(), dir.file("seed.db"));
  std::filesystem::create_directory_symlink(source_dir() / "fixtures", dir.path() / "fixtures");
  dir.write("input.txt", t.input);
  std::string args;
  if (t.input.rfind("#args:", 0) == 0) args = t.input.substr(6, t.input.find('\n') - 6);
  return run_shell("cd " + shell_quote(dir.path().string()) + " && NO_COLOR=1 claimdb --db seed.db repl" +
                   args + " < input.txt 2>&1");
}

}  // namespace

TEST_CASE("REPL transcripts print exactly what they expect") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(fixture("repl")))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  const char* update = std::getenv("CLAIMDB_UPDATE_REPL_TESTS");
  for (const auto& file : files) {
    const Transcript t = read_transcript(file.string());
    const CommandResult r = run_transcript(t);
    if (update) {
      std::ofstream(file, std::ios::binary)
          << t.input << marker << r.status << ")\n" << r.out;
      continue;
    }
    INFO(file.filename().string());
    CHECK(r.out == t.expected);
    CHECK(r.status == t.status);
  }
}

TEST_CASE(".schema shows the schema and takes no arguments") {
  TempDir dir;
  std::filesystem::copy_file(query_fixture_db(), dir.file("seed.db"));
  dir.write("input.txt", ".schema\n.schema claims\n");
  const CommandResult r = run_shell("cd " + shell_quote(dir.path().string()) +
                                    " && claimdb --db seed.db repl < input.txt 2>&1");
  CHECK(r.out.find("CREATE TABLE claims (") != std::string::npos);
  CHECK(r.out.find("CREATE TABLE claims_fts_data") == std::string::npos);
  CHECK(r.out.find("error: line 2: too many arguments; usage: .schema\n") != std::string::npos);
  CHECK(r.status == 3);
}

}  // namespace claimdb::test
