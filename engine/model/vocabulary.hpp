// Internal: the closed vocabularies of the model (value types, polarity,
// constraint relations) and their spellings in JSON and SQL.
#pragma once

#include <claimdb/model.hpp>

#include <optional>
#include <string_view>

namespace claimdb {

std::optional<ValueType> parse_value_type(std::string_view text);
const char* to_string(Polarity polarity) noexcept;
std::optional<Polarity> parse_polarity(std::string_view text);
// True for "<=", "<", ">=", ">", "=".
bool is_relation(std::string_view text);

}  // namespace claimdb
