// query, repl.
#include "commands.hpp"
#include "output.hpp"
#include "repl.hpp"
#include "result_output.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace claimdb::cli {

namespace {

struct QueryArgs {
  std::string text;
  std::string format = "table";
};

void run_query(Context& context, const QueryArgs& args) {
  Database db = open_for_reading(context);
  const Mode mode = parse_mode(args.format).value_or(Mode::table);
  QueryResult result;
  try {
    result = query(db, args.text);
  } catch (const Error& e) {
    std::cerr << "claimdb: error: " << printable(describe_query_error(args.text, e), true) << '\n';
    context.status = exit_status(e.code());
    return;
  }
  print_result(result, mode, std::cout, Style{terminal_width(), use_colour(STDOUT_FILENO)});
  print_total(result, mode, std::cout, std::cerr);
}

struct SearchArgs {
  std::vector<std::string> words;
  std::int64_t limit = 20;
  std::string as_of;
  std::string format = "table";
};

// A query-language string: in double quotes, quotes inside doubled.
std::string query_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// `claimdb search WORDS...` is the query `search "WORDS" limit N [as of T]`.
void run_search(Context& context, const SearchArgs& args) {
  std::string words;
  for (const auto& w : args.words) words += (words.empty() ? "" : " ") + w;
  QueryArgs q;
  q.text = "search " + query_string(words) + " limit " + std::to_string(args.limit);
  if (!args.as_of.empty()) q.text += " as of " + query_string(args.as_of);
  q.format = args.format;
  run_query(context, q);
}

}  // namespace

void register_query_commands(CLI::App& app, Context& context) {
  auto args = std::make_shared<QueryArgs>();
  auto* query_cmd = app.add_subcommand(
      "query", "Ask a question in the query language, e.g. \"conflicts about kyiv-strike-2025-12\"");
  query_cmd->add_option("QUERY", args->text, "the query (docs/query.md)")->required();
  query_cmd->add_option("--format", args->format, "table, box, json, csv, markdown or line")
      ->check(CLI::IsMember({"table", "box", "json", "csv", "markdown", "line"}))
      ->capture_default_str();
  query_cmd->callback([&, args] { run(context, [&] { run_query(context, *args); }); });

  auto search = std::make_shared<SearchArgs>();
  auto* search_cmd = app.add_subcommand(
      "search", "Full-text search of claim quotes and report titles and text, best match first");
  search_cmd->add_option("WORDS", search->words, "words that must all occur; 'heat*' matches a prefix")
      ->required();
  search_cmd->add_option("--limit", search->limit, "how many of the best matches to show")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  search_cmd->add_option("--as-of", search->as_of, "what the database held at this time");
  search_cmd->add_option("--format", search->format, "table, box, json, csv, markdown or line")
      ->check(CLI::IsMember({"table", "box", "json", "csv", "markdown", "line"}))
      ->capture_default_str();
  search_cmd->footer(
      "Ranked by BM25 over all matches when at most 400 match, else over the 400\n"
      "most recently recorded; the total number of matches is reported (docs/query.md).");
  search_cmd->callback([&, search] { run(context, [&] { run_search(context, *search); }); });

  auto bail = std::make_shared<bool>(false);
  auto* repl_cmd = app.add_subcommand(
      "repl", "Interactive shell: queries, dot-commands (.help), history and completion");
  auto read_only = std::make_shared<bool>(false);
  repl_cmd->add_flag("--bail", *bail, "stop at the first error (naming its line)");
  repl_cmd->add_flag("--read-only", *read_only,
                     "open the database read-only: queries run, writes are refused by SQLite");
  repl_cmd->footer(
      "Besides queries and dot-commands the REPL takes the write verbs of the command line,\n"
      "with the same options: add source|entity|property|report|claim, correct, retract,\n"
      "review, link, amend, history. Each write prints a confirmation line.");
  repl_cmd->callback([&, bail, read_only] {
    Shell shell;
    shell.db_path = context.db_path;
    shell.bail = *bail;
    shell.read_only = *read_only;
    context.status = run_repl(shell);
  });
}

}  // namespace claimdb::cli
