// claimdb/query.hpp: the query language, for people rather than for SQL.
//
//   conflicts about kyiv-strike-2025-12 on drones_intercepted
//   claims by russia-gov order by property limit 10
//   why syn-kyiv-launched-a2 syn-kyiv-launched-b1
//   search "heating" as of 2025-12-28
//
// The grammar (EBNF) and every query with its columns: docs/query.md. The
// library, `claimdb query` and `claimdb repl` all run this one engine.
//
// Nothing a query says can change the database: every query only reads, and
// user text (ids, times, search words) is always bound as a parameter, never
// spliced into SQL. query_sql runs raw SQL on a separate read-only connection
// and refuses anything SQLite does not report as read-only.
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/error.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace claimdb {

// One value of a result: null, an integer, a real or text.
using Cell = std::variant<std::monostate, std::int64_t, double, std::string>;

// Cell as text: "" for null, integers in decimal, reals with up to 6
// significant digits ("0.58", "1200"), text as is.
std::string cell_text(const Cell& cell);

// A typed result set: named columns and rows of cells (each row has one cell
// per column).
struct QueryResult {
  std::vector<std::string> columns;     // column names, in order
  std::vector<std::vector<Cell>> rows;  // the rows, in the query's order
  // How many rows matched before `limit` cut them, when the query counts
  // them: `search` always does (it returns the best 20 unless told `limit N`).
  // Empty for the other queries, whose rows are all there is.
  std::optional<std::int64_t> total;
  // Set when counting stopped early: more than `total` matched. A search
  // counts exactly up to 10,000 matches (docs/query.md).
  bool total_is_lower_bound = false;
};

// Runs one query of the language (a trailing ';' is allowed). Throws Error:
// bad_input for a malformed query, with location().line and .column (1-based)
// pointing at the offending word and a "did you mean" suggestion when one is
// near; not_found for an unknown id, also with its column and the nearest id.
// Reads only; never writes.
QueryResult query(const Database& db, std::string_view text);

// Whether text is an unfinished query: it ends in the middle of a clause
// ("claims about") or inside a string. The REPL then reads another line.
bool query_is_incomplete(std::string_view text);

// The error and a caret under its column, for printing under a prompt:
//   unknown word 'abuot'; did you mean 'about'?
//     claims abuot kyiv
//            ^
// For an error without a column, just the message.
std::string describe_query_error(std::string_view text, const Error& error);

// Runs one raw SQL statement read-only: on a separate connection opened
// read-only with PRAGMA query_only=ON, only when SQLite reports the statement
// read-only (sqlite3_stmt_readonly), and never ATTACH, DETACH or a PRAGMA
// that sets a value. Anything else is refused with Error(read_only) before it
// runs, leaving the database and the file system untouched. On ":memory:",
// which no second connection can see, the statement runs on the database's
// own connection with query_only and the same checks for its duration.
QueryResult query_sql(const Database& db, std::string_view sql);

// What a query can name, for completion and suggestions.
enum class IdKind { entity, source, property, report, claim };

// Ids of one kind starting with prefix, in order, at most limit of them.
std::vector<std::string> list_ids(const Database& db, IdKind kind, std::string_view prefix,
                                  std::size_t limit = 100);

// The language's words (commands and clause words), sorted, for completion.
const std::vector<std::string>& query_keywords();

}  // namespace claimdb
