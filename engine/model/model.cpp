#include <claimdb/model.hpp>
#include <claimdb/version.hpp>

#include "model/vocabulary.hpp"

namespace claimdb {

const char* to_string(ValueType type) noexcept {
  switch (type) {
    case ValueType::quantity: return "quantity";
    case ValueType::category: return "category";
    case ValueType::boolean: return "boolean";
    case ValueType::text: return "text";
  }
  return "text";
}

std::optional<ValueType> parse_value_type(std::string_view text) {
  if (text == "quantity") return ValueType::quantity;
  if (text == "category") return ValueType::category;
  if (text == "boolean") return ValueType::boolean;
  if (text == "text") return ValueType::text;
  return std::nullopt;
}

const char* to_string(Polarity polarity) noexcept {
  return polarity == Polarity::denies ? "denies" : "asserts";
}

std::optional<Polarity> parse_polarity(std::string_view text) {
  if (text == "asserts") return Polarity::asserts;
  if (text == "denies") return Polarity::denies;
  return std::nullopt;
}

bool is_relation(std::string_view text) {
  return text == "<=" || text == "<" || text == ">=" || text == ">" || text == "=";
}

}  // namespace claimdb

namespace claimdb {
const char* version() noexcept { return CLAIMDB_VERSION_STRING; }
}  // namespace claimdb
