#include "html.hpp"

#include <cctype>

namespace claimdb::cli::web {

namespace {

const char hex_digits[] = "0123456789ABCDEF";

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
                             : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k)
    if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
  if (c == 0xe0 && second < 0xa0) return 0;
  if (c == 0xed && second >= 0xa0) return 0;
  if (c == 0xf0 && second < 0x90) return 0;
  if (c == 0xf4 && second >= 0x90) return 0;
  // C1 controls.
  if (c == 0xc2 && second < 0xa0) return 0;
  return length;
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default:
          if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) out += "\xEF\xBF\xBD";
          else out += char(c);
      }
      ++i;
      continue;
    }
    const std::size_t length = utf8_length(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string safe_href(std::string_view url) {
  // Browsers drop leading blanks and controls and ignore tabs and newlines
  // inside a scheme ("java\tscript:"); a URL holding any control is refused.
  for (unsigned char c : url)
    if (c < 0x20 || c == 0x7f) return "";
  std::size_t start = 0;
  while (start < url.size() && url[start] == ' ') ++start;
  const std::string_view rest = url.substr(start);
  if (rest.empty()) return "";
  // A scheme is letters, digits, + - . before the first ':' that comes before any / ? #.
  const std::size_t colon = rest.find(':');
  const std::size_t boundary = rest.find_first_of("/?#");
  if (colon != std::string_view::npos && (boundary == std::string_view::npos || colon < boundary)) {
    std::string scheme;
    for (char ch : rest.substr(0, colon)) scheme += char(std::tolower(static_cast<unsigned char>(ch)));
    if (scheme != "http" && scheme != "https" && scheme != "mailto") return "";
  }
  // "//host" is a network path: allowed (it keeps the page's http or https).
  return escape(rest);
}

std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += hex_digits[c >> 4];
      out += hex_digits[c & 15];
    }
  }
  return out;
}

std::string url_decode(std::string_view text, bool plus_is_space) {
  auto value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && value(text[i + 1]) >= 0 && value(text[i + 2]) >= 0) {
      out += char(value(text[i + 1]) * 16 + value(text[i + 2]));
      i += 2;
    } else if (plus_is_space && text[i] == '+') {
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string file_slug(std::string_view id) {
  std::string out;
  for (unsigned char c : id) {
    if (std::isalnum(c) || c == '-' || c == '_') {
      out += char(c);
    } else {
      out += '~';
      out += hex_digits[c >> 4];
      out += hex_digits[c & 15];
    }
  }
  return out.empty() ? "~" : out;
}

}  // namespace claimdb::cli::web
