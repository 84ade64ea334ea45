// Internal: "did you mean": the nearest candidate by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb::ql {

// Levenshtein distance, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to word when it is near enough to be a likely typo
// (at most a third of the word's length away, and at least 1 or 2 edits
// allowed), or when the candidate starts with the word; ties go to the first.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "" when nothing is near.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace claimdb::ql
