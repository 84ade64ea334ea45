// What each libFuzzer target does with one input, shared by the targets
// (tests/fuzz/fuzz_*.cpp) and by the regression tests that replay the inputs
// they once crashed on (tests/reliability/test_fuzz_regressions.cpp).
//
// Each function returns "" when the input was handled as it must be, else
// what went wrong; the targets abort on that. Only claimdb::Error may be
// thrown by the library: any other exception escapes these functions (a
// crash for the fuzzer, a failure for the test).
#pragma once

#include <claimdb/claimdb.hpp>

#include "query/parser.hpp"

#include <cmath>
#include <string>
#include <string_view>

namespace claimdb::fuzz {

// The quantity reader: the phrase, and after the first newline a default
// unit. try_read and read agree; a reading has finite, ordered bounds and
// formats; a canonical unit has a finite positive factor.
inline std::string quantity_input(std::string_view input) {
  const auto newline = input.find('\n');
  const std::string_view phrase = input.substr(0, newline);
  const std::string_view default_unit =
      newline == std::string_view::npos ? "" : input.substr(newline + 1);
  const auto& reader = QuantityReader::builtin();
  const auto maybe = reader.try_read(phrase, default_unit);
  try {
    const auto reading = reader.read(phrase, default_unit);
    if (!maybe) return "read succeeded where try_read failed";
    const Interval& interval = reading.interval;
    if (interval.lo && !std::isfinite(*interval.lo)) return "lower bound not finite";
    if (interval.hi && !std::isfinite(*interval.hi)) return "upper bound not finite";
    if (interval.lo && interval.hi && *interval.lo > *interval.hi) return "lo > hi";
    if (format_interval(interval).empty()) return "empty formatted interval";
    if (disjoint(interval, interval)) return "interval disjoint from itself";
    if (!std::isfinite(gap(interval, interval))) return "gap not finite";
  } catch (const Error&) {
    if (maybe) return "try_read succeeded where read failed";
  }
  try {
    const auto unit = reader.canonical_unit(phrase);
    if (!std::isfinite(unit.factor) || unit.factor <= 0) return "unit factor not finite and positive";
  } catch (const Error&) {
  }
  return "";
}

// The importer: the first byte picks the shape (even: one document, odd:
// JSON Lines), the rest is the file. Runs inside a transaction rolled back
// afterwards, so db (empty) serves any number of inputs; a failed import
// must leave it empty.
inline std::string import_input(Database& db, std::string_view input) {
  if (input.empty()) return "";
  const bool json_lines = (static_cast<unsigned char>(input[0]) & 1) != 0;
  const std::string text(input.substr(1));
  Database::Transaction scratch(db);
  try {
    import_text(db, text, "fuzz", json_lines);
  } catch (const Error&) {
    const Stats s = db.stats();
    if (s.claims != 0 || s.sources != 0 || s.entities != 0 || s.properties != 0 ||
        s.reports != 0 || s.links != 0 || s.reviews != 0 || s.retractions != 0)
      return "a failed import left records behind";
  }
  return "";  // scratch rolls back
}

// The Kyiv fixture in a fresh in-memory database, for query_input.
inline Database kyiv_database(const std::string& source_dir) {
  Database db = Database::open(":memory:");
  import_files(db, {source_dir + "/fixtures/kyiv-strike/article.json",
                    source_dir + "/fixtures/kyiv-strike/synthetic-counter-accounts.json"});
  return db;
}

// The query language: parse; a parsed query is never "incomplete" and runs
// over db; every error describes itself; every row has one cell per column.
inline std::string query_input(const Database& db, std::string_view text) {
  bool parsed = false;
  try {
    ql::parse(text);
    parsed = true;
  } catch (const Error& e) {
    if (describe_query_error(text, e).empty()) return "an error without a description";
  }
  if (parsed && query_is_incomplete(text)) return "a parsed query called incomplete";
  if (!parsed) return "";
  try {
    const QueryResult result = query(db, text);
    for (const auto& row : result.rows) {
      if (row.size() != result.columns.size()) return "a row without one cell per column";
      for (const auto& cell : row) (void)cell_text(cell);
    }
  } catch (const Error& e) {
    if (describe_query_error(text, e).empty()) return "an error without a description";
  }
  return "";
}

}  // namespace claimdb::fuzz
