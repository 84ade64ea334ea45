// claimdb publish (static pages) and claimdb plot (the range chart as a file).
#include "cli/cli_support.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>

using namespace claimdb;
using test::run_shell;
using test::shell_quote;

namespace {

std::string seeded(const test::TempDir& dir) {
  const std::string db = dir.file("claims.db");
  const auto files = test::seed_files();
  REQUIRE(run_shell("claimdb --db " + shell_quote(db) + " import " + shell_quote(files[0]) + " " +
                    shell_quote(files[1]))
              .status == 0);
  return db;
}

}  // namespace

TEST_SUITE("web") {

TEST_CASE("claimdb publish writes the entity's pages as static files whose links all resolve") {
  test::TempDir dir;
  const std::string db = seeded(dir);
  const std::string out = dir.file("site");
  const auto result = run_shell("claimdb --db " + shell_quote(db) + " publish --about kyiv-strike-2025-12 -o " +
                                shell_quote(out));
  REQUIRE(result.status == 0);
  namespace fs = std::filesystem;
  for (const char* name : {"index.html", "index.json", "style.css", "entity-kyiv-strike-2025-12.html",
                           "source-zelensky.html", "source-zelensky.json",
                           "chart-kyiv-strike-2025-12-drones_launched.svg"})
    CHECK_MESSAGE(fs::exists(fs::path(out) / name), name);
  const std::string index = test::read_file(out + "/index.html");
  CHECK(index.find("Overnight Russian assault on Kyiv") != std::string::npos);
  CHECK(index.find("class=\"range-chart\"") != std::string::npos);
  // Every relative link of every page names a file that was written; none is absolute.
  std::size_t links = 0;
  const std::regex href("(?:href|src)=\"([^\"]*)\"");
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.path().extension() != ".html") continue;
    const std::string page = test::read_file(entry.path().string());
    for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator(); ++it) {
      std::string target = (*it)[1];
      if (target.rfind("http", 0) == 0) continue;  // a report's own address
      if (auto hash = target.find('#'); hash != std::string::npos) target = target.substr(0, hash);
      if (target.empty()) continue;
      INFO(entry.path().filename().string() << " links to " << target);
      CHECK(target.front() != '/');
      CHECK(fs::exists(fs::path(out) / target));
      ++links;
    }
  }
  CHECK(links > 100);
  // The JSON twin carries the CLI's claims rows.
  const auto twin = nlohmann::json::parse(test::read_file(out + "/index.json"));
  const auto cli = nlohmann::json::parse(
      run_shell("claimdb --db " + shell_quote(db) + " claims --about kyiv-strike-2025-12 --format json").out);
  CHECK(twin["claims"] == cli);
  // An unknown entity is refused, naming it.
  const auto unknown = run_shell("claimdb --db " + shell_quote(db) + " publish --about nowhere -o " +
                                 shell_quote(dir.file("other")), "", dir.file("err.txt"));
  CHECK(unknown.status == 3);
  CHECK(test::read_file(dir.file("err.txt")).find("unknown entity 'nowhere'") != std::string::npos);
}

TEST_CASE("claimdb plot writes the range chart as SVG, and as PNG when rsvg-convert is installed") {
  test::TempDir dir;
  const std::string db = seeded(dir);
  const auto svg = run_shell("claimdb --db " + shell_quote(db) +
                             " plot --about kyiv-strike-2025-12 --property drones_launched");
  REQUIRE(svg.status == 0);
  CHECK(svg.out.rfind("<?xml", 0) == 0);
  for (const char* phrase : {"“474”", "“about 500”", "“more than 600”", "“hundreds”"})
    CHECK_MESSAGE(svg.out.find(phrase) != std::string::npos, phrase);
  CHECK(svg.out.find("most likely") != std::string::npos);
  const auto not_quantity = run_shell("claimdb --db " + shell_quote(db) +
                                      " plot --about kyiv-strike-2025-12 --property statement", "", dir.file("e"));
  CHECK(not_quantity.status == 3);
  CHECK(test::read_file(dir.file("e")).find("not a quantity") != std::string::npos);
  if (run_shell("command -v rsvg-convert").status != 0) {
    MESSAGE("rsvg-convert is not installed: the PNG half is skipped");
    return;
  }
  const std::string png = dir.file("chart.png");
  REQUIRE(run_shell("claimdb --db " + shell_quote(db) +
                    " plot --about kyiv-strike-2025-12 --property drones_launched -o " + shell_quote(png))
              .status == 0);
  CHECK(test::read_file(png).substr(0, 8) == "\x89PNG\r\n\x1a\n");
}

}
