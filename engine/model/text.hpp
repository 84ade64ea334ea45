// Internal: checks on user text shared by every input path.
#pragma once

#include <cstddef>
#include <string_view>

namespace claimdb {

// Longest string accepted in any field, in bytes.
inline constexpr std::size_t max_text_bytes = 1'000'000;
// Longest id, in bytes.
inline constexpr std::size_t max_id_bytes = 200;

// Well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool valid_utf8(std::string_view text);
// 1-200 characters of [A-Za-z0-9-_.:/@], starting with a letter or digit.
bool valid_id(std::string_view text);

}  // namespace claimdb
