// The `claimdb` command: parses the command line and runs one command.
#include "commands.hpp"

#include <claimdb/claimdb.hpp>

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

namespace {

const char* const exit_codes_help = R"(
Exit status:
  0  success
  1  `check` found problems
  2  usage error (unknown command or option, bad argument)
  3  bad input (malformed file, unknown reference, duplicate id, unreadable phrase)
  4  file error (cannot read or write a file)
  5  the database was refused (not a claimdb database, corrupt, a schema claimdb did not
     make, written by a newer claimdb, read-only)
  6  the database is busy (another writer held it past the busy timeout)
  70 internal error

Database: --db PATH, else $CLAIMDB_DB, else ./claims.db.
Documentation: README.md, docs/json-format.md, docs/cli.md.)";

}  // namespace

int main(int argc, char** argv) {
  using namespace claimdb::cli;
  Context context;
  if (const char* env = std::getenv("CLAIMDB_DB"); env && *env) context.db_path = env;

  CLI::App app{"claimdb: records who claimed what, finds conflicting accounts and explains them."};
  app.name("claimdb");
  app.footer(exit_codes_help);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("claimdb ") + claimdb::version());
  app.add_option("--db", context.db_path, "database file (default: $CLAIMDB_DB or ./claims.db)")
      ->type_name("PATH");
  register_commands(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 reports an unknown command as a missing one; name it instead.
    if (app.get_subcommands().empty() && !app.remaining().empty()) {
      std::cerr << "claimdb: error: unknown command '" << printable(app.remaining().front())
                << "' (claimdb --help lists the commands)\n";
      return exit_usage;
    }
    const int code = app.exit(e);
    return code == 0 ? 0 : exit_usage;
  }
  return context.status;
}
