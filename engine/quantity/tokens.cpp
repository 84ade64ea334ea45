#include "quantity/tokens.hpp"

#include <array>
#include <cstdint>

namespace claimdb::quantity {

namespace {

// A UTF-8 sequence read as something other than a word character.
struct Fold {
  std::string_view utf8;  // the bytes in the phrase
  std::string_view as;    // the token text it becomes; "" for whitespace
  Token::Kind kind;       // the token kind it becomes
};

constexpr std::array<Fold, 19> kFolds{{
    {"\xC2\xA0", "", Token::Kind::symbol},                  // no-break space
    {"\xE2\x80\x89", "", Token::Kind::symbol},              // thin space
    {"\xE2\x80\xAF", "", Token::Kind::symbol},              // narrow no-break space
    {"\xE2\x80\x93", "-", Token::Kind::symbol},             // en dash
    {"\xE2\x80\x94", "-", Token::Kind::symbol},             // em dash
    {"\xE2\x88\x92", "-", Token::Kind::symbol},             // minus sign
    {"\xC2\xB2", "2", Token::Kind::number},                 // superscript two
    {"\xC2\xB3", "3", Token::Kind::number},                 // superscript three
    {"\xE2\x89\x88", "~", Token::Kind::symbol},             // almost equal
    {"\xE2\x80\x98", "'", Token::Kind::symbol},             // left single quote
    {"\xE2\x80\x99", "'", Token::Kind::symbol},             // right single quote
    {"\xCA\xBC", "'", Token::Kind::symbol},                  // modifier letter apostrophe
    {"\xE2\x80\x9C", "\"", Token::Kind::symbol},            // left double quote
    {"\xE2\x80\x9D", "\"", Token::Kind::symbol},            // right double quote
    {"\xC2\xA3", "\xC2\xA3", Token::Kind::symbol},          // pound sign
    {"\xE2\x82\xAC", "\xE2\x82\xAC", Token::Kind::symbol},  // euro sign
    {"\xE2\x82\xB4", "\xE2\x82\xB4", Token::Kind::symbol},  // hryvnia sign
    {"\xE2\x82\xBD", "\xE2\x82\xBD", Token::Kind::symbol},  // rouble sign
    {"\xC2\xB0", "\xC2\xB0", Token::Kind::symbol},          // degree sign
}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) {
  const auto byte = static_cast<std::uint8_t>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || byte >= 0x80;
}

// A mark between digit groups at `at`: its length in bytes and the character
// it becomes in the token ('_' for no-break spaces), or {0, 0}.
std::pair<std::size_t, char> group_mark_at(std::string_view text, std::size_t at, bool space_groups) {
  static constexpr std::array<std::pair<std::string_view, char>, 6> kMarks{{
      {"\xC2\xA0", '_'},      // no-break space
      {"\xE2\x80\xAF", '_'},  // narrow no-break space
      {"\xE2\x80\x89", '_'},  // thin space
      {"'", '\''},
      {"\xE2\x80\x99", '\''},  // right single quote, as in 1’500
      {" ", ' '},
  }};
  for (const auto& [bytes, as] : kMarks) {
    if (as == ' ' && !space_groups) continue;
    if (text.substr(at, bytes.size()) != bytes) continue;
    // Exactly three digits follow, and then no digit.
    const std::size_t digits = at + bytes.size();
    if (digits + 3 > text.size()) return {0, 0};
    for (std::size_t i = digits; i < digits + 3; ++i)
      if (!is_digit(text[i])) return {0, 0};
    if (digits + 3 < text.size() && is_digit(text[digits + 3])) return {0, 0};
    return {bytes.size(), as};
  }
  return {0, 0};
}

// The exponent of scientific notation at `at`, just after a number's digits:
// "e5", "E+6", "e-3". Returns where its digits start, or 0 when there is none
// ("3 e", "2euros").
std::size_t exponent_digits(std::string_view text, std::size_t at) {
  if (at >= text.size() || (text[at] != 'e' && text[at] != 'E')) return 0;
  ++at;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
  return at < text.size() && is_digit(text[at]) ? at : 0;
}

const Fold* fold_at(std::string_view text, std::size_t at) {
  if (static_cast<std::uint8_t>(text[at]) < 0x80) return nullptr;
  for (const Fold& fold : kFolds) {
    if (text.substr(at, fold.utf8.size()) == fold.utf8) return &fold;
  }
  return nullptr;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, bool space_groups) {
  std::vector<Token> tokens;
  bool spaced = true;
  std::size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (is_space(c)) {
      spaced = true;
      ++at;
      continue;
    }
    if (const Fold* fold = fold_at(text, at)) {
      const std::size_t begin = at;
      at += fold->utf8.size();
      if (fold->as.empty()) {
        spaced = true;
        continue;
      }
      tokens.push_back({std::string(fold->as), fold->kind, spaced, begin, at});
      spaced = false;
      continue;
    }
    Token token{"", Token::Kind::symbol, spaced, at, at};
    spaced = false;
    if (is_digit(c)) {
      token.kind = Token::Kind::number;
      std::size_t run = 0;  // digits since the last mark
      const auto digits = [&] {
        while (at < text.size()) {
          if (is_digit(text[at])) {
            token.text += text[at++];
            ++run;
          } else if ((text[at] == ',' || text[at] == '.') && at + 1 < text.size() && is_digit(text[at + 1])) {
            token.text += text[at++];
            run = 0;
          } else if (const auto [length, as] = group_mark_at(text, at, space_groups);
                     length > 0 && run >= 1 && run <= 3) {
            token.text += as;
            at += length;
            run = 0;
          } else {
            break;
          }
        }
      };
      digits();
      if (const std::size_t exponent = exponent_digits(text, at)) {
        token.text += 'e';
        token.text.append(text.substr(at + 1, exponent - at - 1));  // the sign, if any
        at = exponent;
        digits();  // "1e5.5" stays one token, which read_number refuses
      }
    } else if (is_word_byte(c)) {
      token.kind = Token::Kind::word;
      const std::size_t begin = at;
      while (at < text.size() && is_word_byte(text[at]) && !fold_at(text, at)) ++at;
      token.text = lower_word(text.substr(begin, at - begin));
    } else {
      token.text = std::string(1, c);
      ++at;
    }
    token.end = at;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::string join(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (i > begin) out += ' ';
    out += tokens[i].text;
  }
  return out;
}

bool is_punctuation(const Token& token) {
  static constexpr std::string_view kPunctuation = ",;:.!?()[]\"'";
  return token.kind == Token::Kind::symbol && token.text.size() == 1 &&
         kPunctuation.find(token.text[0]) != std::string_view::npos;
}

}  // namespace claimdb::quantity
