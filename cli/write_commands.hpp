// The write verbs (add, correct, retract, review, link, amend, history): one
// definition of each, registered on the `claimdb` command line and on the
// REPL's own parser, so both take the same options and print the same.
#pragma once

#include <claimdb/claimdb.hpp>

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace claimdb::cli {

struct WriteTarget {
  // The database to write to (the CLI opens it on first use).
  std::function<Database&()> database;
  // The database to read from (history; the CLI opens it read-only).
  std::function<const Database&()> read_database;
  // Runs a verb's body: the CLI prints errors and sets the exit status; the
  // REPL lets them through to its own reporting.
  std::function<void(const std::function<void()>&)> guard;
  std::ostream* out = nullptr;  // what was recorded
  std::ostream* err = nullptr;  // notes (records created on the way)
  // The REPL: a confirmation line ("added claim c1") instead of the bare id.
  bool confirm = false;
};

// The verbs' names, for the REPL's dispatch and completion.
const std::vector<std::string>& write_verbs();

// Registers the write verbs on app. `target` must outlive app.
void add_write_commands(CLI::App& app, WriteTarget& target);

// Splits a REPL line into arguments as a shell would: blanks separate them,
// '...' and "..." quote (a backslash escapes the next character inside "..."
// and outside quotes). Throws Error(bad_input) for an unclosed quote.
std::vector<std::string> split_arguments(const std::string& line);

}  // namespace claimdb::cli
