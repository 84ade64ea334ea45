// Internal: the extraction patterns of a language (lang/*.tsv), parsed.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace claimdb::extract {

// A property suggested from the counted noun and a verb near the figure.
struct PropertyRule {
  std::string id;
  std::string unit;                               // its unit when it is drafted
  std::vector<std::string> nouns;                 // noun stems; empty: any noun or none
  std::string kind;                               // "kind:K" in the table: the figure must measure K
  std::vector<std::vector<std::string>> verbs;    // verb stems, each split into words
};

struct Patterns {
  std::string language;  // "en", "fr", ...
  // Lists by kind ("said", "title", ...): each entry split into lower-cased words.
  std::map<std::string, std::vector<std::vector<std::string>>> lists;
  std::map<std::string, std::set<std::string>> words;  // the one-word entries of each list
  std::vector<PropertyRule> properties;

  bool has(const std::string& kind, std::string_view word) const;
  const std::vector<std::vector<std::string>>& list(const std::string& kind) const;
};

// The patterns for a BCP 47 tag: English, with the language's table on top
// when there is one ("fr-CA" reads fr.tsv). Built once per language.
const Patterns& patterns_for(const std::string& language);

// Parses a table onto `patterns`; throws Error(bad_input) at `name` and the line.
void apply_patterns(Patterns& patterns, std::string_view text, std::string_view name);

// Splits on spaces, lower-casing as the quantity tokenizer does.
std::vector<std::string> split_words(std::string_view text);

}  // namespace claimdb::extract
