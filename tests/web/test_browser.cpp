// The pages in a real browser: headless Chromium takes screenshots of the
// overview, the seed entity and a range chart (kept in the build tree as
// test artefacts, under web-screenshots/) and dumps the DOM it rendered.
// Skipped, saying so, where Chromium is not installed or cannot start.
#include "cli/cli_support.hpp"
#include "web/web_support.hpp"

#include <filesystem>

using namespace claimdb;
using test::run_shell;
using test::shell_quote;

namespace {

std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    if (run_shell(std::string("command -v ") + name + " >/dev/null").status == 0) return name;
  return "";
}

}  // namespace

TEST_SUITE("web") {

TEST_CASE("headless Chromium renders the overview, the seed entity and a range chart") {
  const std::string browser = chromium();
  if (browser.empty()) {
    MESSAGE("Chromium is not installed: the browser test is skipped (Debian: apt-get install chromium)");
    return;
  }
  test::TempDir dir;
  const std::string db = dir.file("claims.db");
  const auto files = test::seed_files();
  REQUIRE(run_shell("claimdb --db " + shell_quote(db) + " import " + shell_quote(files[0]) + " " +
                    shell_quote(files[1]))
              .status == 0);
  test::ServeProcess server(db);
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  const std::string flags = " --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "
                            "--user-data-dir=" + shell_quote(dir.file("profile")) + " ";

  const std::string probe = run_shell(browser + flags + "--dump-dom " + shell_quote(base + "/") + " 2>/dev/null").out;
  if (probe.find("claimdb") == std::string::npos) {
    MESSAGE("Chromium did not start here: the browser test is skipped");
    return;
  }
  const auto shots = std::filesystem::path(CLAIMDB_BINARY).parent_path() / "web-screenshots";
  std::filesystem::create_directories(shots);
  struct Shot {
    std::string name, path, size;
    std::vector<std::string> texts;  // what the rendered DOM must hold
  };
  const std::vector<Shot> pages = {
      {"overview", "/", "1280,1400", {"Most severe contradictions", "kyiv-strike-2025-12", "claims"}},
      {"entity", "/entity/kyiv-strike-2025-12", "1280,3000",
       {"Overnight Russian assault on Kyiv", "drones_launched", "“474”", "Camp 1", "Most likely values"}},
      {"chart", "/chart.svg?entity=kyiv-strike-2025-12&property=drones_launched", "1000,300",
       {"more than 600", "about 500", "most likely"}},
  };
  for (const auto& page : pages) {
    INFO(page.name);
    const std::string url = shell_quote(base + page.path);
    const std::string dom = run_shell(browser + flags + "--dump-dom " + url + " 2>/dev/null").out;
    for (const auto& text : page.texts) CHECK_MESSAGE(dom.find(text) != std::string::npos, text);
    const auto png = shots / (page.name + ".png");
    std::filesystem::remove(png);
    run_shell(browser + flags + "--window-size=" + page.size + " --screenshot=" + shell_quote(png.string()) + " " +
              url + " >/dev/null 2>&1");
    REQUIRE(std::filesystem::exists(png));
    CHECK(test::read_file(png.string()).substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(std::filesystem::file_size(png) > 10000);  // a drawn page, not a blank one
  }
  CHECK(server.stop() == 0);
}

}
