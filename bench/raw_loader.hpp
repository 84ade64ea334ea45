// bench/raw_loader.hpp: the baseline the import benchmark compares against.
//
// A minimal loader of claimdb JSON Lines written straight against the sqlite3
// C API: it parses each line with nlohmann::json (the parser claimdb uses),
// applies the same migrations (schema/*.sql, in order), and inserts the same
// rows, full-text index included, with prepared statements in one
// transaction. It resolves references the way claimdb does (sources,
// entities, properties and reports from in-memory maps, claims by their
// unique slug index). What it leaves out is claimdb's own work: validating
// records, reading quantity phrases into intervals, canonicalising times and
// running the conflict detector. A phrase value is stored without an interval.
#pragma once

#include <cstdint>
#include <string>

namespace claimdb::bench {

struct RawLoadCounts {
  std::int64_t records = 0;  // lines loaded (the header excluded)
  std::int64_t claims = 0;
};

// Loads the JSON Lines file at jsonl into a new database at db_path, creating
// the schema from the *.sql files in schema_dir. Throws std::runtime_error
// on any failure (the transaction is rolled back).
RawLoadCounts raw_sqlite_load(const std::string& jsonl, const std::string& db_path,
                              const std::string& schema_dir);

}  // namespace claimdb::bench
