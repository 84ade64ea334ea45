// Splitting quantity phrases and table patterns into tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimdb::quantity {

// One token of a phrase. Words are lower-cased (ASCII, Latin-1, Latin
// Extended-A, Greek without accents, Cyrillic); a few Unicode symbols are
// folded to ASCII ("–" -> "-", "²" -> "2", "≈" -> "~", "’" -> "'"). In a
// number, a no-break, narrow no-break or thin space between digit groups is
// "_", an apostrophe "'" and a space " ".
struct Token {
  enum class Kind { word, number, symbol };
  std::string text;        // the token, lower-cased
  Kind kind = Kind::word;  // letters (and other UTF-8), digits with , . and an exponent, or one symbol
  bool spaced = false;     // whitespace came directly before it
  std::size_t begin = 0;   // where it starts in the text, in bytes
  std::size_t end = 0;     // one past its last byte in the text
};

// Splits `text` into words, numbers ("1,200", "2.3", "1e5") and single
// symbols. Letters and digits that touch are separate tokens ("5km" -> "5"
// "km"), except the exponent of scientific notation ("2.5e6", "1E+5"), which
// is part of the number when digits follow the "e". A no-break, narrow
// no-break or thin space or an apostrophe followed by exactly three digits
// ("1 500", "1'500") continues a number; so does a plain space when
// `space_groups` (languages that group thousands with spaces: "300 000").
std::vector<Token> tokenize(std::string_view text, bool space_groups = false);

// A word lower-cased as tokens are (Greek accents dropped, final sigma as sigma).
std::string lower_word(std::string_view word);

// The tokens' texts joined by single spaces: the key used for unit names.
std::string join(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

// Whether the token is punctuation that ends a quantity (",", ";", "(", ...).
bool is_punctuation(const Token& token);

}  // namespace claimdb::quantity
