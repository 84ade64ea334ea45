// Declarative query tests: fixtures/queries/*.test, run over the seed
// fixture. A file holds blocks separated by blank lines:
//
//   query                      or   error
//   claims by russia-gov            claims abuot kyiv
//   ----                            ----
//   id<TAB>claimant<TAB>...         unexpected 'abuot'; did you mean 'about'? ...
//   art-target-3<TAB>...              claims abuot kyiv
//                                          ^
//
// `query` expects the column names then one line per row, cells separated
// by tabs, NULL for null, newlines in a cell as \n. `error` expects describe_query_error's text (the
// message, the query line and the caret). Lines starting with # outside a
// block are comments. With CLAIMDB_UPDATE_QUERY_TESTS=1 the runner rewrites
// the expected parts from what the engine answers (review the diff!).
#include "query/query_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace claimdb::test {

namespace {

struct Block {
  std::string type;  // "query" or "error"
  std::string text;  // the query (may span lines)
  std::string expected;
  int line = 0;      // where the block starts in its file
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<Block> read_blocks(const std::string& path) {
  const auto lines = lines_of(read_file(path));
  std::vector<Block> blocks;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].empty() || lines[i][0] == '#') {
      ++i;
      continue;
    }
    Block b;
    b.type = lines[i];
    b.line = static_cast<int>(i) + 1;
    ++i;
    std::string text;
    while (i < lines.size() && lines[i] != "----") text += (text.empty() ? "" : "\n") + lines[i++];
    ++i;  // ----
    std::string expected;
    while (i < lines.size() && !lines[i].empty()) expected += lines[i++] + "\n";
    b.text = text;
    b.expected = expected;
    blocks.push_back(b);
  }
  return blocks;
}

// A cell on one line: newlines and tabs inside it written as \n and \t.
std::string one_line(const Cell& cell) {
  if (cell.index() == 0) return "NULL";
  std::string out;
  for (char c : cell_text(cell)) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

std::string render(const QueryResult& r) {
  std::string out;
  for (std::size_t c = 0; c < r.columns.size(); ++c) out += (c ? "\t" : "") + r.columns[c];
  out += "\n";
  for (const auto& row : r.rows) {
    for (std::size_t c = 0; c < row.size(); ++c)
      out += (c ? "\t" : "") + one_line(row[c]);
    out += "\n";
  }
  return out;
}

std::string answer(const Database& db, const Block& b) {
  try {
    const QueryResult r = query(db, b.text);
    return b.type == "query" ? render(r) : "no error; the query answered:\n" + render(r);
  } catch (const Error& e) {
    const std::string described = describe_query_error(b.text, e) + "\n";
    return b.type == "error" ? described : "error: " + described;
  }
}

void write_blocks(const std::string& path, const std::vector<Block>& blocks,
                  const std::vector<std::string>& answers) {
  // Keep the leading comment, then each block.
  std::string out;
  for (const auto& line : lines_of(read_file(path))) {
    if (!line.empty() && line[0] != '#') break;
    if (line.empty()) break;
    out += line + "\n";
  }
  for (std::size_t i = 0; i < blocks.size(); ++i)
    out += "\n" + blocks[i].type + "\n" + blocks[i].text + "\n----\n" + answers[i];
  std::ofstream(path, std::ios::binary) << out;
}

}  // namespace

TEST_CASE("query test files give the expected answers over the seed fixture") {
  Options options;
  options.read_only = true;
  Database db = Database::open(query_fixture_db(), options);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(fixture("queries")))
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  const char* update = std::getenv("CLAIMDB_UPDATE_QUERY_TESTS");
  for (const auto& file : files) {
    const auto blocks = read_blocks(file.string());
    std::vector<std::string> answers;
    for (const auto& b : blocks) {
      answers.push_back(answer(db, b));
      INFO(file.filename().string() << ":" << b.line << ": " << b.text);
      if (!update) CHECK(answers.back() == b.expected);
    }
    if (update) write_blocks(file.string(), blocks, answers);
  }
}

}  // namespace claimdb::test
