// Reading numbers ("1,200", "2.3bn", "four hundred and seventy-four",
// "two-thirds") and counted nouns ("Ukrainian drones" -> "drone").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quantity/table.hpp"
#include "quantity/tokens.hpp"

namespace claimdb::quantity {

// A number read from tokens.
struct Number {
  double value = 0;    // the number; for a share, in percent
  double scale = 1;    // product of the scale words ending it ("30 thousand" -> 1000), else 1
  bool share = false;  // a fraction word ("half", "two-thirds"): value is in percent
};

// Reads tokens [begin, end) as exactly one number, or nullopt. `money`: a
// currency symbol came just before, so "5m" means five million.
std::optional<Number> read_number(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                  const Table& table, bool money);

// The language a phrase is read in.
struct LanguageRef {
  std::string tag;     // canonical BCP 47 tag, "" when none was given (read as English)
  bool given = false;  // a language was given: figures are not warned about as "no language given"
};

// Function words that end a counted noun ("of", "were", "in", ...).
bool is_function_word(std::string_view word);
// The same, with the table's own ("de", "von", ...).
bool is_stop(std::string_view word, const Table& table);

// The value of a number token as the table's language writes it, or nullopt.
std::optional<double> digits_value(std::string_view text, const Table& table);
// A warning when a number token reads two ways ("1,500": 1500 or 1.5) and
// the language does not settle it (none given, or its decimal mark is the
// mark: "300.000" in English); nullopt otherwise.
std::optional<std::string> ambiguity_warning(std::string_view text, const Table& table, const LanguageRef& language);
// Why a number token that the language cannot read would read with the
// other decimal mark ("2,4" in English, "2.5" in German); nullopt otherwise.
std::optional<std::string> format_reason(std::string_view text, const Table& table, const LanguageRef& language);

// A past participle or an adjective that says what happened to the counted
// things ("killed", "dead"), so never their noun.
bool is_predicate(std::string_view word);

// The singular of a plural noun, using the table's irregular plurals first.
std::string singular(std::string_view word, const Table& table);

// The counted noun starting at tokens[begin]: adjectives and the head noun up
// to a function word, punctuation or a later past participle ("20 people
// killed"). `unit` is the head noun's singular; `end` is one past the phrase.
// A lone participle or adjective ("injured", "dead") is no noun: nullopt.
struct Noun {
  std::string unit;     // e.g. "drone"
  std::size_t end = 0;  // the token after the noun phrase
  std::string head;     // the head noun as written (lower-cased), e.g. "drones"
};
std::optional<Noun> read_noun(const std::vector<Token>& tokens, std::size_t begin, const Table& table);

}  // namespace claimdb::quantity
