// query, repl.
#include "commands.hpp"
#include "output.hpp"
#include "repl.hpp"
#include "result_output.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <iostream>
#include <memory>

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
