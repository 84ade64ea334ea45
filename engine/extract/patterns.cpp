// The extraction patterns: one table a language, English first.
#include "extract/patterns.hpp"

#include <map>
#include <memory>
#include <mutex>

#include "claimdb/error.hpp"
#include "claimdb/extract.hpp"
#include "embedded/embedded.hpp"
#include "quantity/tokens.hpp"

namespace claimdb::embedded {
extern const EmbeddedFile extract_patterns[];
extern const std::size_t extract_patterns_count;
}  // namespace claimdb::embedded

namespace claimdb::extract {

namespace {

const std::vector<std::vector<std::string>> kNone;

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find(sep, start);
    const auto piece = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
    out.emplace_back(piece);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

// Fields separated by one or more tabs.
std::vector<std::string> fields(std::string_view line) {
  std::vector<std::string> out;
  for (auto& field : split(line, '\t'))
    if (!field.empty()) out.push_back(field);
  return out;
}

[[noreturn]] void fail(std::string_view name, std::int64_t line, const std::string& message) {
  Location where;
  where.file = std::string(name);
  where.line = line;
  throw Error(ErrorCode::bad_input, message, where);
}

std::vector<std::vector<std::string>> entries(const std::string& field) {
  std::vector<std::vector<std::string>> out;
  for (auto& entry : split(field, '|')) {
    auto words = split_words(entry);
    if (!words.empty()) out.push_back(std::move(words));
  }
  return out;
}

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& piece : split(text, ' '))
    if (!piece.empty()) out.push_back(quantity::lower_word(piece));
  return out;
}

bool Patterns::has(const std::string& kind, std::string_view word) const {
  const auto it = words.find(kind);
  return it != words.end() && it->second.count(std::string(word)) > 0;
}

const std::vector<std::vector<std::string>>& Patterns::list(const std::string& kind) const {
  const auto it = lists.find(kind);
  return it == lists.end() ? kNone : it->second;
}

void apply_patterns(Patterns& patterns, std::string_view text, std::string_view name) {
  std::int64_t number = 0;
  for (auto& raw : split(text, '\n')) {
    ++number;
    std::string_view line(raw);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto f = fields(line);
    if (f.empty()) continue;
    if (f[0] == "property") {
      if (f.size() != 5) fail(name, number, "a property line needs ID, UNIT, NOUNS and VERBS");
      PropertyRule rule;
      rule.id = f[1];
      rule.unit = f[2] == "-" ? "" : f[2];
      if (f[3].rfind("kind:", 0) == 0)
        rule.kind = f[3].substr(5);
      else if (f[3] != "-")
        for (auto& noun : entries(f[3])) rule.nouns.push_back(noun.front());
      rule.verbs = entries(f[4]);
      if (rule.verbs.empty()) fail(name, number, "a property line needs at least one verb");
      patterns.properties.push_back(std::move(rule));
      continue;
    }
    if (f.size() != 2) fail(name, number, "expected KIND and a list of words separated by '|'");
    for (auto& entry : entries(f[1])) {
      if (entry.size() == 1) patterns.words[f[0]].insert(entry.front());
      patterns.lists[f[0]].push_back(std::move(entry));
    }
  }
}

const Patterns& patterns_for(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Patterns>> built;
  const std::string primary = language.substr(0, language.find('-'));
  const std::string key = primary.empty() ? "en" : primary;
  std::lock_guard lock(mutex);
  auto& slot = built[key];
  if (!slot) {
    auto patterns = std::make_unique<Patterns>();
    patterns->language = key;
    auto apply = [&](const std::string& lang) {
      for (std::size_t i = 0; i < embedded::extract_patterns_count; ++i) {
        const auto& file = embedded::extract_patterns[i];
        if (file.name == lang + ".tsv") apply_patterns(*patterns, file.contents, file.name);
      }
    };
    apply("en");
    if (key != "en") apply(key);
    slot = std::move(patterns);
  }
  return *slot;
}

}  // namespace claimdb::extract

namespace claimdb {

std::vector<std::string> extract_languages() {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < embedded::extract_patterns_count; ++i) {
    std::string name(embedded::extract_patterns[i].name);
    out.push_back(name.substr(0, name.find('.')));
  }
  return out;
}

}  // namespace claimdb
