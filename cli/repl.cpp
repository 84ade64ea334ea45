// The REPL's input loop: one loop for the terminal, .read files and pipes.
#include "repl.hpp"

#include "commands.hpp"
#include "output.hpp"
#include "write_commands.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace claimdb::cli {

namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

bool is_comment(const std::string& line) {
  return line.rfind("#", 0) == 0 || line.rfind("--", 0) == 0;
}

void run_query(Shell& shell, const LineSource& where, int first_line, const std::string& text) {
  const auto start = std::chrono::steady_clock::now();
  try {
    const QueryResult result = query(*shell.db, text);
    print_result(result, shell.mode, *shell.out, Style{shell.width, shell.colour});
    print_total(result, shell.mode, *shell.out, *shell.err);
    if (shell.timer) {
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      char text_ms[64];
      std::snprintf(text_ms, sizeof text_ms, "time: %.3f ms\n", ms);
      *shell.out << text_ms;
    }
    shell.out->flush();
  } catch (const Error& e) {
    const int line = first_line + static_cast<int>(std::max<std::int64_t>(e.location().line, 1)) - 1;
    report_error(shell, where, line, describe_query_error(text, e), exit_status(e.code()));
  }
}

// The first word of a line, and how many words it has.
std::pair<std::string, std::size_t> first_word(const std::string& line) {
  std::size_t count = 0;
  std::string first;
  bool in_word = false;
  for (char c : line) {
    const bool blank = c == ' ' || c == '\t';
    if (!blank && !in_word) ++count;
    if (!blank && count == 1) first += c;
    in_word = !blank;
  }
  return {first, count};
}

// A write verb ("history ID" too, for every kind of record); the rest of
// history's forms ("history c1 as of ...") stay with the query language.
bool is_write_line(const std::string& line) {
  const auto [first, count] = first_word(line);
  if (first == "history") return count == 2;
  const auto& verbs = write_verbs();
  return std::find(verbs.begin(), verbs.end(), first) != verbs.end();
}

// Runs a write verb through the same definitions as `claimdb VERB ...`.
void run_write(Shell& shell, const LineSource& where, const std::string& line) {
  CLI::App app{"claimdb REPL write verbs"};
  app.name("");
  app.require_subcommand(1);
  WriteTarget target;
  target.out = shell.out;
  target.err = shell.err;
  target.confirm = true;
  target.database = [&shell]() -> Database& {
    if (!shell.db) throw Error(ErrorCode::io, "no database is open; use .open FILE");
    return *shell.db;
  };
  target.read_database = [&target]() -> const Database& { return target.database(); };
  target.guard = [](const std::function<void()>& body) { body(); };
  add_write_commands(app, target);
  try {
    std::vector<std::string> args = split_arguments(line);
    std::reverse(args.begin(), args.end());
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    *shell.out << app.help();
  } catch (const CLI::CallForAllHelp&) {
    *shell.out << app.help();
  } catch (const CLI::ParseError& e) {
    report_error(shell, where, where.line,
                 std::string(e.what()) + " (" + first_word(line).first + " --help shows the usage)", exit_usage);
  } catch (const Error& e) {
    std::string message = e.location().empty() ? e.message()
                                               : e.location().to_string() + ": " + e.message();
    if (e.code() == ErrorCode::read_only) message += " (the REPL was started with --read-only: it only reads)";
    report_error(shell, where, where.line, printable(message), exit_status(e.code()));
  }
}

}  // namespace

StreamSource::StreamSource(std::istream& in, std::string source_name) : in_(in) {
  name = std::move(source_name);
}

std::optional<std::string> StreamSource::next(const char*) {
  std::string text;
  if (!std::getline(in_, text)) return std::nullopt;
  ++line;
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

void report_error(Shell& shell, const LineSource& where, int line, const std::string& message,
                  int status) {
  shell.out->flush();
  std::string prefix;
  if (!where.name.empty()) prefix = where.name + ":" + std::to_string(line) + ": ";
  else if (!shell.interactive) prefix = "line " + std::to_string(line) + ": ";
  const bool colour = shell.colour && use_colour(STDERR_FILENO);
  *shell.err << (colour ? "\033[31m" : "") << "error: " << (colour ? "\033[0m" : "") << prefix
             << message << '\n';
  shell.err->flush();
  shell.status = status;
  if (shell.bail) shell.quit = true;
}

void run_lines(Shell& shell, LineSource& source) {
  std::string buffer;
  int buffer_line = 0;
  auto flush = [&] {
    if (trim(buffer).empty()) {
      buffer.clear();
      return;
    }
    run_query(shell, source, buffer_line, buffer);
    buffer.clear();
  };
  while (!shell.quit) {
    const auto line = source.next(buffer.empty() ? "claimdb> " : "   ...> ");
    if (!line) break;
    const std::string trimmed = trim(*line);
    if (buffer.empty()) {
      if (trimmed.empty() || is_comment(trimmed)) continue;
      if (trimmed.front() == '.') {
        run_dot_command(shell, trimmed, source);
        continue;
      }
      if (is_write_line(trimmed)) {
        run_write(shell, source, trimmed);
        continue;
      }
      buffer_line = source.line;
      buffer = *line;
    } else if (trimmed.empty()) {
      flush();  // a blank line ends an unfinished query: report what is missing
      continue;
    } else {
      buffer += '\n' + *line;
    }
    if (!query_is_incomplete(buffer)) flush();
  }
  if (!shell.quit) flush();
}

int run_repl(Shell& shell) {
  shell.out = &std::cout;
  shell.err = &std::cerr;
  shell.interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1;
  shell.colour = use_colour(STDOUT_FILENO);
  try {
    Options options;
    if (shell.read_only) {
      // SQLite itself refuses every write on this connection.
      options.read_only = true;
      options.create_if_missing = false;
    }
    shell.db = Database::open(shell.db_path, options);
  } catch (const Error& e) {
    std::cerr << "claimdb: error: " << e.what() << '\n';
    return exit_status(e.code());
  }
  if (shell.interactive) {
    shell.width = terminal_width();
    std::cout << "claimdb " << version() << " on " << shell.db_path
              << (shell.read_only ? " (read-only)" : "")
              << ". Type a query, a write (add claim ..., correct ...), or .help; .quit to leave.\n";
    auto source = terminal_source(shell);
    run_lines(shell, *source);
  } else {
    StreamSource source(std::cin, "");
    run_lines(shell, source);
  }
  return shell.status;
}

}  // namespace claimdb::cli
