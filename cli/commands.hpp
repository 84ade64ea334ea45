// The CLI's commands. Each registers itself on the CLI11 app; running one sets
// Context::status (the exit status).
#pragma once

#include <claimdb/claimdb.hpp>

#include <functional>
#include <optional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace claimdb::cli {

// Exit statuses (documented in `claimdb --help` and docs/cli.md).
inline constexpr int exit_ok = 0;
inline constexpr int exit_check_failed = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_bad_input = 3;
inline constexpr int exit_io = 4;
inline constexpr int exit_refused = 5;
inline constexpr int exit_busy = 6;
inline constexpr int exit_internal = 70;

struct Context {
  std::string db_path = "claims.db";  // --db, $CLAIMDB_DB or the default
  int status = exit_ok;               // exit status of the command that ran
};

// The exit status for an error code.
int exit_status(ErrorCode code);

// Text safe to print on a terminal: control characters (C0, DEL, C1) and
// bytes that are not UTF-8 become \xNN, so a hostile id cannot move the
// cursor or split an error over lines. Newlines stay when keep_newlines.
std::string printable(std::string_view text, bool keep_newlines = false);

// Runs body, printing any claimdb::Error as "claimdb: error: ..." on stderr
// and setting the exit status.
void run(Context& context, const std::function<void()>& body);

// Opens the context's database for reading (it must exist) or writing.
Database open_for_reading(const Context& context);
Database open_for_writing(const Context& context);

void register_commands(CLI::App& app, Context& context);
void register_data_commands(CLI::App& app, Context& context);   // init, import, export
void register_report_commands(CLI::App& app, Context& context); // stats, check, claims
void register_detect_commands(CLI::App& app, Context& context); // detect, conflicts, why, quantity
void register_query_commands(CLI::App& app, Context& context);  // query, repl
void register_graph_commands(CLI::App& app, Context& context);  // disputes, camps, provenance, status, graph
void register_write_commands(CLI::App& app, Context& context);  // add, correct, retract, review, link, amend, history
void register_truth_commands(CLI::App& app, Context& context);  // truth, trust
void register_web_commands(CLI::App& app, Context& context);    // plot, serve, publish
void register_extract_commands(CLI::App& app, Context& context);  // extract
// The review walk of extract --review on FILE, answers from `answer`
// (nullopt: no more), accepted drafts imported into db (the REPL's .extract).
void extract_review(Database& db, const std::string& file,
                    const std::function<std::optional<std::string>()>& answer, std::ostream& out);

}  // namespace claimdb::cli
