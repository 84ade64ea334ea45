// claimdb: a claim-versus-counterclaim fact-tracking database.
//
// Include this one header for the whole public API:
//   claimdb::Database   open a database file, add and read records
//   claimdb::import_files / export_json   the JSON format v1
//   claimdb::detect_all / list_conflicts / explain_pair   conflict detection
//   claimdb::QuantityReader   read "nearly 200 drones" into an interval
//   claimdb::query / query_sql   the query language and read-only SQL
//   claimdb::add_claim / correct_claim / amend_record ...   writing one record at a time
//   claimdb::Error      the one exception type
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/detect.hpp>
#include <claimdb/error.hpp>
#include <claimdb/graph.hpp>
#include <claimdb/io.hpp>
#include <claimdb/model.hpp>
#include <claimdb/quantity.hpp>
#include <claimdb/query.hpp>
#include <claimdb/write.hpp>

namespace claimdb {

// The library's version, e.g. "0.1.0".
const char* version() noexcept;

}  // namespace claimdb
