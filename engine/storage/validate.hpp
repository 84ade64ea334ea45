// Internal: field checks shared by the inserts. Each throws Error(bad_input)
// naming the field, so callers can add the file, line and JSON path.
#pragma once

#include <claimdb/error.hpp>

#include <string>

namespace claimdb::detail {

// A required id: valid syntax.
void check_id(const std::string& value, const char* field);
// Any text: valid UTF-8, not oversized; required ones must also be non-empty.
void check_text(const std::string& value, const char* field, bool required = false);
// An optional time: returns its canonical form ("" stays "").
std::string check_time(const std::string& value, const char* field);
// An optional BCP 47 language tag: returns its canonical form ("" stays "").
std::string check_language(const std::string& value, const char* field);

[[noreturn]] void fail(ErrorCode code, const std::string& message, const char* field);

}  // namespace claimdb::detail
