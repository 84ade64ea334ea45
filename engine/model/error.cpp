#include <claimdb/error.hpp>

namespace claimdb {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::bad_input: return "bad_input";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::duplicate: return "duplicate";
    case ErrorCode::io: return "io";
    case ErrorCode::schema_too_new: return "schema_too_new";
    case ErrorCode::not_a_database: return "not_a_database";
    case ErrorCode::read_only: return "read_only";
    case ErrorCode::busy: return "busy";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

std::string Location::to_string() const {
  std::string out = file;
  if (line > 0) out += (out.empty() ? "line " : ":") + std::to_string(line);
  if (column > 0) out += (out.empty() ? "column " : ":") + std::to_string(column);
  if (!json_path.empty()) {
    if (!out.empty()) out += ": ";
    out += json_path;
  } else if (!field.empty()) {
    if (!out.empty()) out += ": ";
    out += "field '" + field + "'";
  }
  return out;
}

namespace {
std::string with_location(const std::string& message, const Location& where) {
  if (where.empty()) return message;
  return where.to_string() + ": " + message;
}
}  // namespace

Error::Error(ErrorCode code, const std::string& message, Location where)
    : std::runtime_error(with_location(message, where)),
      code_(code),
      where_(std::move(where)),
      message_(message) {}

}  // namespace claimdb
