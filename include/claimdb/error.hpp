// claimdb/error.hpp: the one exception type that crosses the public API.
//
// Every failure inside claimdb surfaces as claimdb::Error. Its code says what
// kind of failure it was; for bad input its location says where (file, line,
// column, JSON path, field) so a user can fix the input without guessing.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace claimdb {

// What went wrong, coarsely. Stable: the CLI maps codes to exit statuses.
enum class ErrorCode {
  bad_input,       // malformed or invalid input (JSON, phrase, query, argument)
  not_found,       // a referenced id does not exist
  duplicate,       // an id that must be unique is already taken
  io,              // a file could not be read or written
  schema_too_new,  // the database was written by a newer claimdb
  not_a_database,  // the file is not a claimdb database, or is corrupt
  read_only,       // a write was attempted on a read-only path
  busy,            // another writer held the database past the busy timeout
  internal,        // a bug in claimdb or an unexpected SQLite failure
};

// The name of a code as used in messages and JSON ("bad_input", ...).
const char* to_string(ErrorCode code) noexcept;

// Where bad input was found. Empty / zero members are unknown or not applicable.
struct Location {
  std::string file;       // input file name as given by the user
  std::int64_t line = 0;  // 1-based line number (JSON Lines, queries, scripts)
  std::int64_t column = 0;  // 1-based column (queries, JSON parse errors)
  std::string json_path;  // JSON pointer-like path, e.g. "/claims/3/value"
  std::string field;      // the offending field name, e.g. "value"

  bool empty() const noexcept {
    return file.empty() && line == 0 && column == 0 && json_path.empty() &&
           field.empty();
  }
  // "file:line:column: path (field)" with unknown parts left out.
  std::string to_string() const;
};

// The exception type thrown by every claimdb function.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, Location where = {});

  ErrorCode code() const noexcept { return code_; }
  const Location& location() const noexcept { return where_; }
  // The message without the location prefix.
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorCode code_;
  Location where_;
  std::string message_;
};

}  // namespace claimdb
