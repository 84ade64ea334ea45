// The CLI's output: one list of rows, printed as a table, CSV or JSON.
//
// Commands build rows as JSON objects (the JSON output is the documented,
// stable one); table and CSV are rendered from the same rows, so the three
// formats never disagree.
#pragma once

#include <claimdb/detect.hpp>

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace claimdb::cli {

using Row = nlohmann::ordered_json;

enum class Format { table, json, csv };

// "table" / "json" / "csv" -> Format; throws CLI-friendly std::invalid_argument.
Format parse_format(const std::string& name);

struct Listing {
  std::vector<std::string> columns;  // which members of each row, in order, become table columns
  std::vector<Row> rows;             // the rows; JSON prints every member
};

// Table: columns fitted to `width` (long cells cut with an ellipsis).
// JSON: an array of the rows. CSV: RFC 4180 quoting with Unix line ends, a
// header line then the rows.
void print(const Listing& listing, Format format, std::ostream& out, int width = 0);

// Terminal width of stdout, or 0 when it is not a terminal.
int terminal_width();

// An interval as JSON ({lo, hi, lo_open, hi_open, text}), null when absent.
Row interval_json(const std::optional<Interval>& interval);
// One conflict as a row of `conflicts` (intervals as objects in JSON, as
// text otherwise).
Row conflict_row(const Conflict& c, Format format);

// Text of a JSON value as a table/CSV cell.
std::string cell_text(const Row& value);

}  // namespace claimdb::cli
