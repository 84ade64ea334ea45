// Printing a query's result set in the REPL's and `claimdb query`'s modes.
//
// json: an array of objects, one per row, members in column order; nulls as
// null, integers and reals as numbers, text as strings (stable: the same
// result gives the same bytes). csv: RFC 4180 with a header line, nulls
// empty, Unix line ends. markdown: a GitHub table. table and box: columns
// fitted to the width (long cells cut with an ellipsis), numbers aligned
// right. line: one "column = value" per line, rows separated by a blank line.
#pragma once

#include <claimdb/query.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace claimdb::cli {

enum class Mode { table, box, json, csv, markdown, line };

// "table" -> Mode::table, ...; nullopt for an unknown name.
std::optional<Mode> parse_mode(std::string_view name);
const char* mode_name(Mode mode);
// "table, box, json, csv, markdown or line".
const char* mode_list();

struct Style {
  int width = 0;        // fit tables to this many columns (0: no limit)
  bool colour = false;  // bold headers, dim rules (terminals only)
};

void print_result(const QueryResult& result, Mode mode, std::ostream& out, const Style& style = {});

// When the result counts more matches than it holds (a search's default
// limit), one line saying so: "20 of 59616 matches; 'limit N' shows more".
// It goes to `out` after a table, box or line listing and to `note` after
// json, csv or markdown, so those stay machine-readable. Nothing otherwise.
void print_total(const QueryResult& result, Mode mode, std::ostream& out, std::ostream& note);

// Whether to colour what goes to the file descriptor: only a terminal, and
// never when NO_COLOR is set to anything non-empty.
bool use_colour(int fd);

}  // namespace claimdb::cli
