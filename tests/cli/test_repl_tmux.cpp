// The REPL in a real terminal, under tmux: tab completion of keywords and
// ids, and history kept across sessions in the history file. Skips (with a
// message) when tmux is not installed.
#include "cli/cli_support.hpp"
#include "query/query_support.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

namespace claimdb::test {

namespace {

class Tmux {
 public:
  explicit Tmux(const TempDir& dir) {
    std::random_device rd;
    socket_ = "claimdb-test-" + std::to_string(rd());
    home_ = dir.path().string();
  }
  ~Tmux() { tmux("kill-server"); }

  int tmux(const std::string& args) const {
    return std::system(("tmux -L " + socket_ + " " + args + " >/dev/null 2>&1").c_str());
  }

  void start(const std::string& db) {
    const std::string command = "env HOME=" + shell_quote(home_) + " NO_COLOR=1 TERM=xterm " +
                                shell_quote(CLAIMDB_BINARY) + " --db " + shell_quote(db) + " repl";
    REQUIRE(tmux("new-session -d -s repl -x 160 -y 40 " + shell_quote(command)) == 0);
  }

  void keys(const std::string& text) { tmux("send-keys -t repl -l " + shell_quote(text)); }
  void key(const std::string& name) { tmux("send-keys -t repl " + name); }

  std::string screen() const {
    const std::string file = home_ + "/screen.txt";
    std::system(("tmux -L " + socket_ + " capture-pane -p -t repl > " + shell_quote(file) +
                 " 2>/dev/null").c_str());
    return read_file(file);
  }

  // Waits for text to appear on the screen (capture-pane drops trailing
  // spaces, so text should not end in one). The 60 s limit only keeps a
  // broken build from hanging; a loaded machine gets there sooner or later.
  bool wait_for(const std::string& text) const {
    for (int i = 0; i < 1200; ++i) {
      if (screen().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  bool running() const { return tmux("has-session -t repl") == 0; }

 private:
  std::string socket_;
  std::string home_;
};

}  // namespace

TEST_CASE("the REPL in a terminal completes ids and keeps history across sessions (tmux)") {
  if (std::system("command -v tmux >/dev/null 2>&1") != 0) {
    MESSAGE("tmux is not installed: skipping the terminal test (apt-get install tmux)");
    return;
  }
  TempDir dir;
  const std::string db = dir.file("seed.db");
  std::filesystem::copy_file(query_fixture_db(), db);
  Tmux tmux(dir);

  tmux.start(db);
  REQUIRE(tmux.wait_for("claimdb>"));
  // A keyword, then a source id, then a property id, each by Tab.
  tmux.keys("clai");
  tmux.key("Tab");
  CHECK(tmux.wait_for("claimdb> claims"));
  tmux.keys("by russia-g");
  tmux.key("Tab");
  CHECK(tmux.wait_for("claims by russia-gov"));
  tmux.keys("on strike_tar");
  tmux.key("Tab");
  CHECK(tmux.wait_for("claims by russia-gov on strike_target"));
  tmux.key("Enter");
  CHECK(tmux.wait_for("art-target-3"));
  tmux.keys(".quit");
  tmux.key("Enter");
  for (int i = 0; i < 1200 && tmux.running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(!tmux.running());
  const std::string history = read_file(dir.file(".claimdb_history"));
  // libedit writes spaces as \040; the words are there either way.
  CHECK(history.find("russia-gov") != std::string::npos);
  CHECK(history.find("strike_target") != std::string::npos);

  // A new session recalls the query with the Up arrow.
  tmux.start(db);
  REQUIRE(tmux.wait_for("claimdb>"));
  tmux.key("Up");
  tmux.key("Up");
  CHECK(tmux.wait_for("claimdb> claims by russia-gov on strike_target"));
  tmux.key("Enter");
  CHECK(tmux.wait_for("art-target-3"));

  // The write verbs complete their ids too, and confirm what they recorded.
  tmux.keys("review art-targ");
  tmux.key("Tab");
  CHECK(tmux.wait_for("claimdb> review art-target-"));
  tmux.keys("3 --rating false --reviewer Desk");
  tmux.key("Enter");
  CHECK(tmux.wait_for("reviewed art-target-3: false (review "));
  tmux.keys("add claim --claimant russia-g");
  tmux.key("Tab");
  CHECK(tmux.wait_for("add claim --claimant russia-gov"));
}

}  // namespace claimdb::test
