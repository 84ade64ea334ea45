// Splitting quantity phrases and table patterns into tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace claimdb::quantity {

// One token of a phrase. Text is lower-cased ASCII; a few Unicode symbols are
// folded to ASCII ("–" -> "-", "²" -> "2", "≈" -> "~").
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
// is part of the number when digits follow the "e".
std::vector<Token> tokenize(std::string_view text);

// The tokens' texts joined by single spaces: the key used for unit names.
std::string join(const std::vector<Token>& tokens, std::size_t begin, std::size_t end);

// Whether the token is punctuation that ends a quantity (",", ";", "(", ...).
bool is_punctuation(const Token& token);

}  // namespace claimdb::quantity
