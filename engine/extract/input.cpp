// Reading an article's text in blocks, with flat memory.
#include "extract/input.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "claimdb/error.hpp"

namespace claimdb::extract {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kLongestBlock = 256 * 1024;  // a longer paragraph is cut at a space

[[noreturn]] void bad(const std::string& name, const std::string& message) {
  Location where;
  where.file = name;
  throw Error(ErrorCode::bad_input, message, where);
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xc0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += char(0xe0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3f));
    out += char(0x80 | (cp & 0x3f));
  } else {
    out += char(0xf0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3f));
    out += char(0x80 | ((cp >> 6) & 0x3f));
    out += char(0x80 | (cp & 0x3f));
  }
}

// An HTML character reference without its & and ;, or "" when unknown.
std::string decode_entity(const std::string& name) {
  static const std::map<std::string, std::string> named{
      {"amp", "&"},           {"lt", "<"},          {"gt", ">"},          {"quot", "\""},
      {"apos", "'"},          {"nbsp", " "},        {"rsquo", "\u2019"},  {"lsquo", "\u2018"},
      {"ldquo", "\u201c"},    {"rdquo", "\u201d"},  {"mdash", "\u2014"},  {"ndash", "\u2013"},
      {"hellip", "\u2026"},   {"laquo", "\u00ab"},  {"raquo", "\u00bb"},  {"euro", "\u20ac"},
      {"pound", "\u00a3"},    {"deg", "\u00b0"},    {"thinsp", "\u2009"}, {"shy", ""}};
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return "";
    unsigned long cp = 0;
    for (char c : digits) {
      if (hex ? !std::isxdigit(static_cast<unsigned char>(c)) : !std::isdigit(static_cast<unsigned char>(c))) return "";
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
    }
    std::string out;
    append_utf8(out, cp);
    return out;
  }
  const auto it = named.find(name);
  return it == named.end() ? "" : it->second;
}

// Tags after which the text starts a new paragraph (or, for br, a new line).
bool is_block_tag(const std::string& name) {
  static const std::array<const char*, 22> blocks{"p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
                                                  "li", "tr", "article", "section", "title",
                                                  "blockquote", "header", "footer", "ul", "ol",
                                                  "table", "figcaption", "main", "aside"};
  return std::find_if(blocks.begin(), blocks.end(), [&](const char* b) { return name == b; }) != blocks.end();
}

// A Markdown line without its marks: headings, quotes, bullets, emphasis, links.
std::string plain_markdown(std::string_view line) {
  std::size_t at = 0;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  std::size_t marks = at;
  while (marks < line.size() && line[marks] == '#') ++marks;
  if (marks > at && marks - at <= 6 && marks < line.size() && line[marks] == ' ') at = marks + 1;
  if (at + 1 < line.size() && line[at] == '>' && line[at + 1] == ' ') at += 2;
  if (at + 1 < line.size() && (line[at] == '-' || line[at] == '*' || line[at] == '+') && line[at + 1] == ' ') at += 2;
  std::string out;
  for (std::size_t i = at; i < line.size(); ++i) {
    const char c = line[i];
    if ((c == '*' || c == '_') && i + 1 < line.size() && line[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '`') continue;
    if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
      const auto close = line.find(')', i);
      if (close != std::string_view::npos) {
        const auto open = out.rfind('[');
        if (open != std::string::npos) out.erase(open, 1);
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace

TextInput::TextInput(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

void TextInput::check(const char* data, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i, ++offset_) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (continuation_ > 0) {
      bool ok = (c & 0xc0) == 0x80;
      if (ok && second_) {
        if (lead_ == 0xe0) ok = c >= 0xa0;
        else if (lead_ == 0xed) ok = c <= 0x9f;
        else if (lead_ == 0xf0) ok = c >= 0x90;
        else if (lead_ == 0xf4) ok = c <= 0x8f;
      }
      if (!ok)
        bad(name_, "invalid UTF-8 at byte " + std::to_string(lead_at_) + " (a sequence cut short at byte " +
                       std::to_string(offset_) + ")");
      second_ = false;
      --continuation_;
      continue;
    }
    if (c == 0) bad(name_, "binary input: a NUL byte at byte " + std::to_string(offset_) + " (expected text)");
    if (c < 0x80) continue;
    lead_ = c;
    lead_at_ = offset_;
    second_ = true;
    if (c >= 0xc2 && c <= 0xdf) continuation_ = 1;
    else if (c >= 0xe0 && c <= 0xef) continuation_ = 2;
    else if (c >= 0xf0 && c <= 0xf4) continuation_ = 3;
    else bad(name_, "invalid UTF-8 at byte " + std::to_string(offset_));
  }
}

void TextInput::add_line(std::string_view line, bool complete) {
  line_ += line;
  if (!complete) return;
  std::string_view text(line_);
  const bool cr = !text.empty() && text.back() == '\r';
  if (cr) text.remove_suffix(1);
  pending_ += plain_markdown(text);
  pending_ += '\n';
  line_.clear();
}

void TextInput::add_text(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      add_line(text.substr(start), false);
      break;
    }
    add_line(text.substr(start, nl - start), true);
    start = nl + 1;
  }
  // A line too long to wait for its end joins the text as it is.
  if (line_.size() > kLongestBlock) {
    pending_ += line_;
    line_.clear();
  }
}

void TextInput::strip_html(std::string_view chunk) {
  std::string text;
  for (char c : chunk) {
    if (in_tag_) {
      if (c != '>') {
        if (tag_.size() < 64) tag_ += char(std::tolower(static_cast<unsigned char>(c)));
        continue;
      }
      in_tag_ = false;
      std::string name = tag_;
      const bool closing = !name.empty() && name[0] == '/';
      if (closing) name.erase(0, 1);
      name = name.substr(0, name.find_first_of(" \t\r\n/"));
      if (!skip_until_.empty()) {
        if (closing && "</" + name == skip_until_) skip_until_.clear();
        continue;
      }
      if (!closing && (name == "script" || name == "style")) skip_until_ = "</" + name;
      if (name == "br") text += '\n';
      else if (is_block_tag(name)) text += "\n\n";
      continue;
    }
    if (c == '<') {
      in_tag_ = true;
      tag_.clear();
      continue;
    }
    if (!skip_until_.empty()) continue;
    if (in_entity_) {
      if (c == ';' || entity_.size() > 10) {
        const auto decoded = decode_entity(entity_);
        text += c == ';' && !decoded.empty() ? decoded : "&" + entity_ + (c == ';' ? ";" : std::string(1, c));
        in_entity_ = false;
      } else {
        entity_ += c;
      }
      continue;
    }
    if (c == '&') {
      in_entity_ = true;
      entity_.clear();
      continue;
    }
    text += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
  }
  add_text(text);
}

bool TextInput::fill() {
  if (at_end_) return false;
  std::string chunk(kChunk, '\0');
  in_.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  chunk.resize(static_cast<std::size_t>(in_.gcount()));
  if (in_.bad()) throw Error(ErrorCode::io, name_ + ": cannot read the text");
  if (chunk.empty()) {
    at_end_ = true;
    if (continuation_ > 0) bad(name_, "invalid UTF-8 at byte " + std::to_string(lead_at_) + " (the text ends inside a sequence)");
    if (!line_.empty()) add_line("", true);
    return false;
  }
  check(chunk.data(), chunk.size());
  std::string_view view(chunk);
  if (!started_) {
    if (offset_ == chunk.size() && view.substr(0, 3) == "\xef\xbb\xbf") view.remove_prefix(3);
    const auto first = view.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos) {
      started_ = true;
      html_ = view[first] == '<';
    }
  }
  if (html_) strip_html(view);
  else add_text(view);
  return true;
}

std::optional<std::string> TextInput::next_block() {
  for (;;) {
    // A blank line ends a block; the blank lines go with it.
    std::size_t search = 0;
    for (;;) {
      const auto nl = pending_.find('\n', search);
      if (nl == std::string::npos) break;
      auto after = nl + 1;
      while (after < pending_.size() && (pending_[after] == ' ' || pending_[after] == '\t' || pending_[after] == '\r')) ++after;
      if (after < pending_.size() && pending_[after] == '\n') {
        auto end = after + 1;
        while (end < pending_.size() && (pending_[end] == '\n' || pending_[end] == ' ' || pending_[end] == '\t' || pending_[end] == '\r')) ++end;
        if (end < pending_.size() || at_end_) {
          std::string block = pending_.substr(0, end);
          pending_.erase(0, end);
          return block;
        }
        break;
      }
      search = nl + 1;
    }
    if (pending_.size() > kLongestBlock) {
      // Cut at the last space, never inside a UTF-8 sequence.
      auto cut = pending_.rfind(' ', kLongestBlock);
      if (cut == std::string::npos || cut == 0) {
        cut = kLongestBlock;
        while (cut > 0 && (static_cast<unsigned char>(pending_[cut]) & 0xc0) == 0x80) --cut;
      }
      std::string block = pending_.substr(0, cut + (pending_[cut] == ' ' ? 1 : 0));
      pending_.erase(0, block.size());
      return block;
    }
    if (!fill()) {
      if (pending_.empty()) return std::nullopt;
      std::string block;
      block.swap(pending_);
      return block;
    }
  }
}

}  // namespace claimdb::extract
