// claimdb: a claim-versus-counterclaim fact-tracking database.
//
// Include this one header for the whole public API:
//   claimdb::Database   open a database file, add and read records
//   claimdb::import_files / export_json   the JSON format v1
//   claimdb::detect_all / list_conflicts / explain_pair   conflict detection
//   claimdb::QuantityReader   read "nearly 200 drones" into an interval
//   claimdb::query / query_sql   the query language and read-only SQL
//   claimdb::discover_truth   the most likely value of each group, source reliability
//   claimdb::add_claim / correct_claim / amend_record ...   writing one record at a time
//   claimdb::extract_text   draft claims from an article's text, for review
//   claimdb::Error      the one exception type
//
// Threads and ownership: a Database is one SQLite connection, owned by the
// handle and closed when it is destroyed; it is move-only and must be used by
// one thread at a time (open one handle per thread; handles in one process or
// many may share a file). Results (records, QueryResult, ConflictRow, graphs)
// are plain values owned by the caller, with no tie to the handle. The free
// functions keep no state of their own, except QuantityReader's tables, which
// are read-only once built and safe to share between threads.
//
// Linking: CMake `find_package(claimdb)` then `claimdb::claimdb`, or
// pkg-config `claimdb`. The headers need only the C++20 standard library.
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/detect.hpp>
#include <claimdb/error.hpp>
#include <claimdb/extract.hpp>
#include <claimdb/graph.hpp>
#include <claimdb/io.hpp>
#include <claimdb/model.hpp>
#include <claimdb/quantity.hpp>
#include <claimdb/query.hpp>
#include <claimdb/truth.hpp>
#include <claimdb/version.hpp>
#include <claimdb/write.hpp>

namespace claimdb {

// The linked library's version, e.g. "0.1.0" (CLAIMDB_VERSION_STRING is the
// headers').
const char* version() noexcept;

}  // namespace claimdb
