// Internal: the query language's tokens.
#pragma once

#include <claimdb/error.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace claimdb::ql {

enum class TokenKind {
  word,    // a keyword, an id, a number or a time: a run of characters without spaces
  string,  // "quoted text" ("" or \" inside stands for one quote)
  symbol,  // > >= < <= = ;
  end,     // after the last token
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;     // the word, the string's content, or the symbol
  std::int64_t line = 1;    // 1-based
  std::int64_t column = 1;  // 1-based, in characters (UTF-8 code points)
};

// An error at the end of the text: the query is unfinished. The REPL reads
// another line when it sees one.
class IncompleteQuery : public Error {
 public:
  using Error::Error;
};

// Splits text into tokens, ending with one `end` token. Throws
// IncompleteQuery for an unterminated string.
std::vector<Token> tokenize(std::string_view text);

// Throws Error(code, message) located at the token.
[[noreturn]] void fail_at(const Token& at, const std::string& message,
                          ErrorCode code = ErrorCode::bad_input);

// The token as a user would quote it in a message: 'word', "text", or
// "the end of the query".
std::string describe(const Token& token);

}  // namespace claimdb::ql
