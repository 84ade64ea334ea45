// Internal: comparing a record read from a file with the one stored under
// its id, for imports that re-state what the database already holds.
#pragma once

#include <claimdb/model.hpp>
#include <claimdb/quantity.hpp>

#include <string>
#include <vector>

namespace claimdb::io {

// One field whose value differs: in the database, in the file.
struct Difference {
  std::string field;
  std::string stored;
  std::string given;
  bool amendable = true;  // an amendment (or, for a claim, a correction) can record it
};

// The fields in which `given` (from a file) differs from `stored` (current
// values). recorded_at is not compared; times compare in canonical form; a
// claim's value compares by phrase, and by interval and unit when the file
// gives them.
std::vector<Difference> differences(const Source& given, const Source& stored);
std::vector<Difference> differences(const Entity& given, const Entity& stored);
std::vector<Difference> differences(const Property& given, const Property& stored);
std::vector<Difference> differences(const Report& given, const Report& stored);
// For a claim, `stored` is its latest version (the end of its corrections);
// claimant, entity, property, supersedes and correction_reason compare with
// `original` and cannot be corrected.
std::vector<Difference> differences(const Claim& given, const Claim& stored, const Claim& original);

// "name: 'A' in the database, 'B' in the file; kind: ..."
std::string describe(const std::vector<Difference>& differences);

// What the quantity reader assumed reading a claim's phrase (see
// claimdb::reading_warnings in <claimdb/write.hpp>).
std::vector<std::string> reading_warnings(const std::string& claim, const QuantityReading& reading);

// An amendment setting the amendable differences.
Amendment amendment_for(const std::string& record, const std::string& id,
                        const std::vector<Difference>& differences);

}  // namespace claimdb::io
