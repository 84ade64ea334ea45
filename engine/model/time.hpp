// Internal: ISO 8601 times in claimdb's canonical text form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimdb {

// Reads "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM|-HH:MM]" (a space
// may stand for 'T'). Returns the canonical form: the date as given, or the
// instant in UTC as "YYYY-MM-DDTHH:MM:SSZ". nullopt when it is not a valid time.
std::optional<std::string> canonical_time(std::string_view text);

// The current time, canonical.
std::string now_utc();

}  // namespace claimdb
