#include "model/language.hpp"

#include <cctype>
#include <vector>

namespace claimdb {

namespace {

bool all_alpha(std::string_view s) {
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}
bool all_digit(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}
bool all_alnum(std::string_view s) {
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  return true;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<std::string> canonical_language(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return std::nullopt;
  std::vector<std::string_view> parts;
  std::size_t at = 0;
  while (true) {
    const auto next = tag.find_first_of("-_", at);
    const std::string_view part = tag.substr(at, next == std::string_view::npos ? tag.npos : next - at);
    if (part.empty() || part.size() > 8 || !all_alnum(part)) return std::nullopt;
    parts.push_back(part);
    if (next == std::string_view::npos) break;
    at = next + 1;
  }
  std::string out;
  std::size_t i = 0;
  const auto add = [&](const std::string& subtag) {
    if (!out.empty()) out += '-';
    out += subtag;
  };
  // Private use only: "x-klingon".
  if (lower(parts[0]) == "x") {
    if (parts.size() < 2) return std::nullopt;
    for (const auto part : parts) add(lower(part));
    return out;
  }
  // language: an ISO 639 code of 2-3 letters, with up to three extlangs.
  // (The grammar also allows 4-8 letters, but no such subtag is registered:
  // "english" is a mistake, not a language.)
  if (!all_alpha(parts[0]) || parts[0].size() < 2 || parts[0].size() > 3) return std::nullopt;
  add(lower(parts[0]));
  ++i;
  for (int extlang = 0; extlang < 3 && i < parts.size() && parts[i].size() == 3 && all_alpha(parts[i]); ++extlang)
    add(lower(parts[i++]));
  // script: 4 letters.
  if (i < parts.size() && parts[i].size() == 4 && all_alpha(parts[i])) {
    std::string script = lower(parts[i++]);
    script[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(script[0])));
    add(script);
  }
  // region: 2 letters or 3 digits.
  if (i < parts.size() && ((parts[i].size() == 2 && all_alpha(parts[i])) || (parts[i].size() == 3 && all_digit(parts[i]))))
    add(upper(parts[i++]));
  // variants: 5-8 alphanumerics, or a digit and 3 alphanumerics.
  while (i < parts.size() && ((parts[i].size() >= 5) ||
                              (parts[i].size() == 4 && std::isdigit(static_cast<unsigned char>(parts[i][0])))))
    add(lower(parts[i++]));
  // extensions: a singleton (not x) and subtags of 2-8; then private use.
  while (i < parts.size()) {
    if (parts[i].size() != 1) return std::nullopt;
    const std::string singleton = lower(parts[i++]);
    add(singleton);
    const std::size_t least = singleton == "x" ? 1 : 2;
    std::size_t count = 0;
    while (i < parts.size() && parts[i].size() >= least && (singleton == "x" || parts[i].size() > 1)) {
      add(lower(parts[i++]));
      ++count;
    }
    if (count == 0) return std::nullopt;
    if (singleton == "x") break;
  }
  if (i != parts.size()) return std::nullopt;
  return out;
}

std::string primary_language(std::string_view tag) {
  const auto dash = tag.find('-');
  return lower(tag.substr(0, dash));
}

}  // namespace claimdb
