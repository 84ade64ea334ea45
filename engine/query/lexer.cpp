#include "query/lexer.hpp"

#include <cctype>

namespace claimdb::ql {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_symbol(char c) { return c == '<' || c == '>' || c == '=' || c == ';'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

void fail_at(const Token& at, const std::string& message, ErrorCode code) {
  throw Error(code, message, Location{.line = at.line, .column = at.column});
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::end: return "the end of the query";
    case TokenKind::string: return "\"" + token.text + "\"";
    default: return "'" + token.text + "'";
  }
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::int64_t line = 1, column = 1;
  std::size_t i = 0;
  // Moves past one byte, counting characters, not bytes.
  auto advance = [&] {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (!is_continuation(text[i])) {
      ++column;
    }
    ++i;
  };
  while (i < text.size()) {
    if (is_space(text[i])) {
      advance();
      continue;
    }
    Token token;
    token.line = line;
    token.column = column;
    if (text[i] == '"') {
      token.kind = TokenKind::string;
      advance();
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '"') {
          token.text += '"';
          advance();
          advance();
        } else if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          token.text += '"';
          advance();
          advance();
        } else if (text[i] == '"') {
          advance();
          closed = true;
          break;
        } else {
          token.text += text[i];
          advance();
        }
      }
      if (!closed)
        throw IncompleteQuery(ErrorCode::bad_input, "unterminated string: a closing \" is missing",
                              Location{.line = token.line, .column = token.column});
    } else if (is_symbol(text[i])) {
      token.kind = TokenKind::symbol;
      token.text = text[i];
      advance();
      if ((token.text == "<" || token.text == ">") && i < text.size() && text[i] == '=') {
        token.text += '=';
        advance();
      }
    } else {
      token.kind = TokenKind::word;
      while (i < text.size() && !is_space(text[i]) && !is_symbol(text[i]) && text[i] != '"') {
        token.text += text[i];
        advance();
      }
    }
    out.push_back(std::move(token));
  }
  Token end;
  end.line = line;
  end.column = column;
  out.push_back(end);
  return out;
}

}  // namespace claimdb::ql
