// Helpers for the crash and concurrency tests: running the claimdb binary as
// a child process that can be killed or waited for, and writing a large
// generated JSON Lines corpus.
#pragma once

#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace claimdb::test {

// True in a build with AddressSanitizer (GCC and clang), where everything
// runs several times slower.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool under_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool under_sanitizer = true;
#else
inline constexpr bool under_sanitizer = false;
#endif
#else
inline constexpr bool under_sanitizer = false;
#endif

// An integer from the environment, or fallback when unset or not a number.
inline long env_number(const char* name, long fallback) {
  const char* text = std::getenv(name);
  if (!text || !*text) return fallback;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  return (end && *end == '\0' && value > 0) ? value : fallback;
}

// A running `claimdb ARGS...` with its standard output and error in files.
class Child {
 public:
  // With stdin_pipe, the child's standard input is a pipe the test writes
  // with feed() and ends with close_stdin(); otherwise it is /dev/null.
  Child(const std::vector<std::string>& args, const std::string& out_file,
        const std::string& err_file, bool stdin_pipe = false) {
    std::vector<std::string> argv_text;
    argv_text.push_back(CLAIMDB_BINARY);
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    int pipe_ends[2] = {-1, -1};
    if (stdin_pipe) {
      if (::pipe2(pipe_ends, O_CLOEXEC) != 0) throw std::runtime_error("cannot make a pipe");
      posix_spawn_file_actions_adddup2(&actions, pipe_ends[0], 0);
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    const int failed = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (stdin_pipe) {
      ::close(pipe_ends[0]);
      stdin_ = pipe_ends[1];
    }
    if (failed != 0) throw std::runtime_error("cannot start " + argv_text[0]);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    close_stdin();
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }

  // Waits for the process; returns its exit status, or 128 + the signal
  // that ended it.
  int wait() {
    if (pid_ <= 0) return status_;
    int raw = 0;
    while (::waitpid(pid_, &raw, 0) < 0) {
      if (errno != EINTR) break;
    }
    pid_ = -1;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
    return status_;
  }
  // Whether the process has ended (reaps it if so).
  bool done() {
    if (pid_ <= 0) return true;
    int raw = 0;
    const pid_t r = ::waitpid(pid_, &raw, WNOHANG);
    if (r == 0) return false;
    pid_ = -1;
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
    return true;
  }
  void kill_hard() {
    if (pid_ > 0) ::kill(pid_, SIGKILL);
  }
  // The running child's process id (-1 once it has been waited for).
  pid_t pid() const { return pid_; }
  // Writes all of text to the child's standard input (blocks while the pipe
  // is full, that is until the child reads).
  void feed(const std::string& text) {
    // A child that ended early must fail the write, not kill the test.
    static const bool sigpipe_ignored = (::signal(SIGPIPE, SIG_IGN), true);
    (void)sigpipe_ignored;
    std::size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::write(stdin_, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error("cannot write to the child's standard input");
      done += static_cast<std::size_t>(n);
    }
  }
  // Ends the child's standard input (it reads end of file).
  void close_stdin() {
    if (stdin_ >= 0) ::close(stdin_);
    stdin_ = -1;
  }

 private:
  int stdin_ = -1;
  pid_t pid_ = -1;
  int status_ = -1;
};

// How far process `pid` has read the file at `path`: the offset of its open
// descriptor (from /proc/PID/fdinfo), or nullopt when it does not have the
// file open (not yet, or no longer).
inline std::optional<std::int64_t> read_offset(pid_t pid, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path wanted = fs::canonical(path, ec);
  if (ec || pid <= 0) return std::nullopt;
  const fs::path fds = "/proc/" + std::to_string(pid) + "/fd";
  for (fs::directory_iterator it(fds, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code link_ec;
    if (fs::read_symlink(it->path(), link_ec) != wanted || link_ec) continue;
    std::ifstream info("/proc/" + std::to_string(pid) + "/fdinfo/" + it->path().filename().string());
    std::string key;
    std::int64_t value = 0;
    while (info >> key >> value)
      if (key == "pos:") return value;
  }
  return std::nullopt;
}

// Runs `claimdb ARGS...` to the end. out and err receive its output.
struct Run {
  int status = -1;
  std::string out, err;
};
inline Run run_claimdb(const TempDir& dir, const std::vector<std::string>& args,
                       const std::string& tag = "run") {
  const std::string out = dir.file(tag + ".out"), err = dir.file(tag + ".err");
  Child child(args, out, err);
  Run r;
  r.status = child.wait();
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

// Copies a closed database (its WAL and shared-memory files, if any, too)
// over `to`.
inline void copy_database(const std::string& from, const std::string& to) {
  namespace fs = std::filesystem;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ec;
    fs::remove(to + suffix, ec);
    if (fs::exists(from + suffix)) fs::copy_file(from + suffix, to + suffix);
  }
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Writes a JSON Lines corpus of `claims` claims whose ids all start with
// prefix: sources, entities, quantity properties and reports first, then the
// claims. Every record carries a fixed recorded_at so that two imports of the
// same file export identical bytes. Returns the file's path.
inline std::string write_corpus(const TempDir& dir, const std::string& name,
                                const std::string& prefix, int claims) {
  const std::string path = dir.file(name);
  std::ofstream out(path, std::ios::binary);
  const std::string at = R"(, "recorded_at": "2025-01-01T00:00:00Z"})";
  const int sources = 40, entities = std::max(1, claims / 20), properties = 4, reports = 100;
  out << R"({"record": "header", "format": "claimdb", "version": 1})" << '\n';
  for (int i = 0; i < sources; ++i)
    out << R"({"record": "source", "id": ")" << prefix << "-s" << i << R"(", "name": "Source )"
        << i << R"(", "kind": "outlet", "affiliation": "side-)" << i % 3 << '"' << at << '\n';
  for (int i = 0; i < entities; ++i)
    out << R"({"record": "entity", "id": ")" << prefix << "-e" << i << R"(", "name": "Event )"
        << i << R"(", "kind": "event")" << at << '\n';
  for (int i = 0; i < properties; ++i)
    out << R"({"record": "property", "id": ")" << prefix << "-p" << i
        << R"(", "value_type": "quantity", "unit": "drone")" << at << '\n';
  for (int i = 0; i < reports; ++i)
    out << R"({"record": "report", "id": ")" << prefix << "-r" << i << R"(", "title": "Report )"
        << i << R"(", "publisher": ")" << prefix << "-s" << i % sources
        << R"(", "published_at": "2025-12-27T08:00:00Z")" << at << '\n';
  static const char* const shapes[] = {"%", "about %", "more than %", "nearly %", "at least %"};
  for (int i = 0; i < claims; ++i) {
    std::string value = shapes[i % 5];
    value.replace(value.find('%'), 1, std::to_string(100 + (i * 37) % 400));
    out << R"({"record": "claim", "id": ")" << prefix << "-c" << i << R"(", "claimant": ")"
        << prefix << "-s" << i % sources << R"(", "entity": ")" << prefix << "-e"
        << (i / properties) % entities << R"(", "property": ")" << prefix << "-p"
        << i % properties << R"(", "value": ")" << value << R"(", "report": ")" << prefix << "-r"
        << i % reports << R"(", "quote": "Claim number )" << i << " says " << value
        << R"( drones were seen overnight.")" << at << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + path);
  return path;
}

// Whether another connection holds the database's write lock right now:
// BEGIN IMMEDIATE on a fresh connection that does not wait.
inline bool write_lock_held(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  db.exec("PRAGMA busy_timeout = 0");
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) return true;
    throw;
  }
  db.exec("ROLLBACK");
  return false;
}

// Waits until condition() holds, checking every few milliseconds: explicit
// synchronisation on an observable state, not a guess at how long something
// takes. The limit only keeps a broken build from hanging the suite; a
// condition not reached by then is reported as a failure by the caller.
template <typename Condition>
bool wait_until(Condition condition, double limit_seconds = 120) {
  const auto start = std::chrono::steady_clock::now();
  while (!condition()) {
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >
        limit_seconds)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

// One query's single integer answer, on a fresh read-only connection.
inline std::int64_t count_rows(const std::string& db_path, const std::string& sql) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

// PRAGMA integrity_check's rows joined ("ok" when the file is sound). Opens
// read-write so that a hot WAL left by a killed writer is recovered.
inline std::string integrity(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  SQLite::Statement q(db, "PRAGMA integrity_check");
  std::string rows;
  while (q.executeStep()) rows += (rows.empty() ? "" : "; ") + q.getColumn(0).getString();
  return rows;
}

}  // namespace claimdb::test
