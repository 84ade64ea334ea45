// The REPL (`claimdb repl`): all its state in one struct, one input loop for
// the terminal, `.read` files and piped input. See docs/query.md, "REPL".
//
// Input: a query ends at the end of a line when it is complete, and goes on
// over the next lines while it is unfinished (it stops inside a clause, as in
// "claims about", or inside a string); a blank line ends it regardless. A
// trailing ';' is allowed. A line starting with '.' is a dot-command; lines
// starting with '#' or '--' are comments.
#pragma once

#include "result_output.hpp"

#include <claimdb/claimdb.hpp>

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimdb::cli {

struct Shell {
  std::string db_path;             // the open database file
  std::optional<Database> db;      // open once the REPL starts
  Mode mode = Mode::table;         // .mode
  bool timer = false;              // .timer: print each query's time
  bool bail = false;               // --bail: stop at the first error
  bool read_only = false;          // --read-only: the database is opened read-only
  bool interactive = false;        // a terminal: prompts, line editing, history
  bool colour = false;             // colour the output (terminal, no NO_COLOR)
  int width = 0;                   // fit tables to this width (0: no limit)
  bool quit = false;               // .quit was given, or --bail met an error
  int status = 0;                  // exit status: that of the last error, 0 when none
  int depth = 0;                   // nesting of .read
  std::ostream* out = nullptr;     // where results go (stdout)
  std::ostream* err = nullptr;     // where errors go (stderr)
};

// Where lines come from: the terminal (with line editing) or a stream.
class LineSource {
 public:
  virtual ~LineSource() = default;
  // The next line without its newline, or nullopt at the end. The prompt is
  // shown only by terminal sources.
  virtual std::optional<std::string> next(const char* prompt) = 0;
  // For error messages: "" (the REPL's own input) or a .read file's name.
  std::string name;
  int line = 0;  // the number of the line last returned (1-based)
};

// Reads lines from a stream.
class StreamSource : public LineSource {
 public:
  StreamSource(std::istream& in, std::string source_name);
  std::optional<std::string> next(const char* prompt) override;

 private:
  std::istream& in_;
};

// Runs every line of source until its end or .quit.
void run_lines(Shell& shell, LineSource& source);

// Runs one dot-command line (starting with '.'); false on error.
bool run_dot_command(Shell& shell, const std::string& line, const LineSource& where);

// Reports an error on the shell's error stream, naming the line in batch mode
// and in .read files, and records it (status; quit under --bail).
void report_error(Shell& shell, const LineSource& where, int line, const std::string& message,
                  int status);

// The dot-commands' names, for completion.
std::vector<std::string> dot_command_names();

// The terminal line source (libedit) and its completion; repl_edit.cpp.
std::unique_ptr<LineSource> terminal_source(Shell& shell);

// `claimdb repl`: runs the REPL over stdin; returns the exit status.
int run_repl(Shell& shell);

}  // namespace claimdb::cli
