// A `claimdb serve` started by a test on a free loopback port: the test waits
// for the line with its address (no sleeping), and stops it with SIGTERM.
#pragma once

#include "support.hpp"

#include <doctest/doctest.h>

#include <httplib.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern char** environ;

namespace claimdb::test {

class ServeProcess {
 public:
  explicit ServeProcess(const std::string& db, std::vector<std::string> extra = {}) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const char* err = std::getenv("CLAIMDB_TEST_SERVE_STDERR");
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err ? err : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0644);
    std::vector<std::string> words{CLAIMDB_BINARY, "--db", db, "serve", "--port", "0"};
    words.insert(words.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    const int spawned = posix_spawn(&pid_, CLAIMDB_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    REQUIRE(spawned == 0);
    // The first line names the address: "claimdb: serving 'DB' read-only at http://127.0.0.1:PORT/".
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') line_ += c;
    out_ = out[0];
    const auto at = line_.rfind(":");
    REQUIRE_MESSAGE(line_.find("read-only at http://127.0.0.1:") != std::string::npos, line_);
    port_ = std::stoi(line_.substr(at + 1));
  }
  ~ServeProcess() { stop(); }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  const std::string& line() const { return line_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
  }
  // Stops it with SIGTERM; returns its exit status (-1 when it did not exit normally).
  int stop() {
    if (pid_ <= 0) return status_;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    close(out_);
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return status_;
  }

 private:
  pid_t pid_ = 0;
  int out_ = -1;
  int port_ = 0;
  int status_ = -1;
  std::string line_;
};

}  // namespace claimdb::test
