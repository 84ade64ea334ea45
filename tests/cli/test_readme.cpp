// The README's examples are tests: every ```console block is run in order
// against one fresh database and its output compared, and the C++ example is
// compiled (by CMake) and run.
#include "cli/cli_support.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace claimdb;

namespace {

struct ConsoleBlock {
  int line = 0;            // README line of the block's first command
  std::string script;      // the commands, one per line
  std::string expected;    // everything else in the block: the expected stdout
};

std::vector<ConsoleBlock> console_blocks(const std::string& readme) {
  std::vector<ConsoleBlock> blocks;
  std::istringstream in(readme);
  std::string line;
  int number = 0;
  bool inside = false;
  while (std::getline(in, line)) {
    ++number;
    if (!inside && line == "```console") {
      inside = true;
      blocks.push_back({number + 1, "", ""});
    } else if (inside && line == "```") {
      inside = false;
    } else if (inside && line.rfind("$ ", 0) == 0) {
      blocks.back().script += line.substr(2) + "\n";
    } else if (inside) {
      blocks.back().expected += line + "\n";
    }
  }
  return blocks;
}

// The fenced block that follows the first line equal to `marker`.
std::string block_after(const std::string& readme, const std::string& marker) {
  auto at = readme.find("\n" + marker + "\n");
  if (at == std::string::npos) return {};
  auto open = readme.find("```\n", at);
  auto close = readme.find("\n```", open + 4);
  return readme.substr(open + 4, close - open - 3);
}

}  // namespace

TEST_CASE("the README's command examples print what the README shows") {
  const std::string readme = test::read_file((test::source_dir() / "README.md").string());
  const auto blocks = console_blocks(readme);
  REQUIRE(blocks.size() >= 3);
  test::TempDir dir;
  const std::string env = "CLAIMDB_DB=" + test::shell_quote(dir.file("claims.db"));
  for (const auto& block : blocks) {
    CAPTURE(block.line);
    CAPTURE(block.script);
    auto result = test::run_shell(block.script, env);
    CHECK(result.out == block.expected);
  }
}

TEST_CASE("the README's C++ example compiles, runs and prints what the README shows") {
  const std::string readme = test::read_file((test::source_dir() / "README.md").string());
  const std::string expected = block_after(readme, "prints");
  REQUIRE_FALSE(expected.empty());
  auto result = test::run_shell(test::shell_quote(CLAIMDB_README_EXAMPLE));
  CHECK(result.status == 0);
  CHECK(result.out == expected);
}
