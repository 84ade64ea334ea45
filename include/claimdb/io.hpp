// claimdb/io.hpp: the JSON format v1, as whole documents and as JSON Lines.
//
// The format is documented in docs/json-format.md. Import is all or nothing:
// every file given to one import_files call is read inside one transaction,
// and any error rolls the whole call back, leaving the database as it was.
// Before it commits, an import recomputes the detector's links for the
// (entity, property) groups it touched (see claimdb/detect.hpp).
#pragma once

#include <claimdb/database.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace claimdb {

// The version of the JSON format this code reads and writes.
inline constexpr int json_format_version = 1;

// Counts of what one import added.
struct ImportSummary {
  std::int64_t sources = 0, reports = 0, entities = 0, properties = 0;
  std::int64_t claims = 0, links = 0, reviews = 0, retractions = 0;
  std::int64_t amendments = 0;
  // Records already in the database: identical (not added again), and with
  // import --update, changed ones recorded as amendments or, for claims, as
  // corrections that supersede them.
  std::int64_t unchanged = 0, unchanged_claims = 0;
  std::int64_t amended = 0, corrected = 0;
  std::int64_t detected = 0;  // detector links written for the groups the import touched
  std::int64_t conflicts = 0; // of which contradictions (conflicts found)
  std::int64_t tensions = 0;  // of which near misses (kind tension)
  std::int64_t uncompared = 0; // claims the detector could not compare with their group
  std::int64_t warnings = 0;  // warnings passed to ImportOptions::warn (e.g. a figure read one of two ways)
  double seconds = 0;  // wall time of the whole import
  std::int64_t records() const {
    return sources + reports + entities + properties + claims + links + reviews +
           retractions + amendments;
  }
};

struct ImportOptions {
  // Run conflict detection on the (entity, property) groups the import
  // touched, inside the import's transaction. Turn off for a bulk load and run
  // detect_all() once afterwards. Default: true.
  bool detect = true;
  // Called now and then with bytes read so far and total bytes of all files
  // (for a progress bar). May be empty. Default: none.
  std::function<void(std::int64_t done, std::int64_t total)> progress;
  // Called for each warning, located like an error ("file:line: /path: ...";
  // e.g. a quantity phrase whose figure reads two ways, such as "1,500" with
  // no language given). May be empty.
  std::function<void(const std::string& warning)> warn;
  // SQLite page cache for the import's transaction, in MiB (restored after).
  // Memory is taken only as pages are touched, so small imports use little;
  // a bulk load spills far less through the WAL. 0 keeps the connection's.
  int bulk_cache_mib = 256;
  // A record whose id exists is compared with the stored one: identical, it
  // is left alone (counted as unchanged). Changed, the import fails listing
  // the differences, unless update is set: then changed descriptive fields
  // become an amendment, and a claim whose value, quote or scope (or other
  // content but its claimant, entity and property) changed gets a correction
  // that supersedes its latest version, with the file and the time as the
  // reason. Default: false.
  bool update = false;
};

// Import files. A name ending in ".jsonl" or ".ndjson" is read as JSON Lines,
// anything else as one JSON document; "-" reads standard input (format by its
// first non-blank character: '{' followed by a record line is sniffed as JSON
// Lines when the first line is a complete object carrying "record").
// Throws Error (bad_input with file, line, JSON path and field; io; ...).
ImportSummary import_files(Database& db, const std::vector<std::string>& paths,
                           const ImportOptions& options = {});

// Import from a string (the name is used in error messages).
ImportSummary import_text(Database& db, const std::string& text,
                          const std::string& name, bool json_lines,
                          const ImportOptions& options = {});

// Write the whole database as one JSON document in a stable order; exporting,
// importing into a fresh database and exporting again gives identical bytes.
void export_json(const Database& db, std::ostream& out);
// Write the whole database as JSON Lines, one record per line, in the order
// an import needs (sources, entities, properties, reports, claims, ...).
void export_jsonl(const Database& db, std::ostream& out);

}  // namespace claimdb
