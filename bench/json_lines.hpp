// bench/json_lines.hpp: a fast, allocation-free writer of JSON Lines records.
//
// The generator writes millions of records per second, so it appends straight
// into one large buffer and hands whole blocks to fwrite. Keys are trusted
// literals (no escaping); every string value is escaped per RFC 8259, so
// whatever the corpus tables hold, each line stays valid JSON. Strings are
// passed through as bytes: the caller supplies valid UTF-8.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace claimdb::bench {

class JsonLineWriter {
 public:
  // Writes to out, which must stay open while the writer lives. The buffer
  // is flushed whenever it passes flush_at bytes and on flush()/destruction.
  explicit JsonLineWriter(std::FILE* out, std::size_t flush_at = 1 << 20)
      : out_(out), flush_at_(flush_at) {
    buffer_.reserve(flush_at + 64 * 1024);
  }
  JsonLineWriter(const JsonLineWriter&) = delete;
  JsonLineWriter& operator=(const JsonLineWriter&) = delete;
  ~JsonLineWriter() {
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  }

  // Starts a record: {"record":"<kind>"
  void begin(std::string_view kind) {
    raw("{\"record\":\"");
    raw(kind);
    raw("\"");
  }
  // Ends the record and the line.
  void end() {
    raw("}\n");
    ++lines_;
    if (buffer_.size() >= flush_at_) flush();
  }

  // ,"key":"value" (escaped). Empty values are left out: the format treats a
  // missing field as "not given".
  void field(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    key_prefix(key);
    string(value);
  }
  void field(std::string_view key, const char* value) {
    field(key, std::string_view(value));
  }
  void field(std::string_view key, const std::string& value) {
    field(key, std::string_view(value));
  }
  // ,"key":123
  void field(std::string_view key, std::int64_t value) {
    key_prefix(key);
    number(value);
  }
  // ,"key":true|false
  void field(std::string_view key, bool value) {
    key_prefix(key);
    raw(value ? "true" : "false");
  }
  // ,"key": followed by whatever the caller writes with the primitives below.
  void key_prefix(std::string_view key) {
    raw(",\"");
    raw(key);
    raw("\":");
  }

  // Primitives for nested values (arrays, objects).
  void raw(std::string_view text) { buffer_.append(text.data(), text.size()); }
  void number(std::int64_t value) {
    char digits[24];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    buffer_.append(digits, result.ptr);
  }
  // Shortest round-trip form; value must be finite.
  void number(double value) {
    char digits[32];
    auto result = std::to_chars(digits, digits + sizeof digits, value);
    buffer_.append(digits, result.ptr);
  }
  void string(std::string_view value) {
    buffer_.push_back('"');
    std::size_t run = 0;  // start of the current run of bytes needing no escape
    std::size_t i = 0;
    while (i < value.size()) {
      // Skip eight clean bytes at a time; most strings have nothing to escape.
      if (i + 8 <= value.size() && clean_word(value.data() + i)) {
        i += 8;
        continue;
      }
      auto byte = static_cast<unsigned char>(value[i]);
      if (byte >= 0x20 && byte != '"' && byte != '\\') {
        ++i;
        continue;
      }
      buffer_.append(value.data() + run, i - run);
      escape(byte);
      run = ++i;
    }
    buffer_.append(value.data() + run, value.size() - run);
    buffer_.push_back('"');
  }

  // Writes the buffer out; throws std::runtime_error when the write fails
  // (a closed pipe, a full disk).
  void flush() {
    if (buffer_.empty()) return;
    std::size_t written = std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    if (written != buffer_.size()) throw std::runtime_error("write failed");
    flushed_ += static_cast<std::int64_t>(written);
    buffer_.clear();
  }

  // ,"key":"<prefix><a>" or, with b >= 0, ,"key":"<prefix><a>-<b>".
  void field_id(std::string_view key, std::string_view prefix, std::int64_t a,
                std::int64_t b = -1) {
    key_prefix(key);
    buffer_.push_back('"');
    raw(prefix);
    number(a);
    if (b >= 0) {
      buffer_.push_back('-');
      number(b);
    }
    buffer_.push_back('"');
  }

  std::int64_t lines() const noexcept { return lines_; }
  // Bytes written so far, including those still buffered.
  std::int64_t bytes() const noexcept {
    return flushed_ + static_cast<std::int64_t>(buffer_.size());
  }

 private:
  // True when none of the eight bytes at p is a control character, '"' or
  // '\\' (bit tricks on one 64-bit word; bytes >= 0x80 are clean).
  static bool clean_word(const char* p) noexcept {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    std::uint64_t below_space = (word - ones * 0x20) & ~word & highs;
    return (below_space | has_zero(word ^ (ones * '"')) | has_zero(word ^ (ones * '\\'))) == 0;
  }

  void escape(unsigned char byte) {
    switch (byte) {
      case '"': raw("\\\""); return;
      case '\\': raw("\\\\"); return;
      case '\n': raw("\\n"); return;
      case '\r': raw("\\r"); return;
      case '\t': raw("\\t"); return;
      case '\b': raw("\\b"); return;
      case '\f': raw("\\f"); return;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        char code[6] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 15]};
        buffer_.append(code, sizeof code);
      }
    }
  }

  std::FILE* out_;
  std::size_t flush_at_;
  std::string buffer_;
  std::int64_t lines_ = 0;
  std::int64_t flushed_ = 0;
};

}  // namespace claimdb::bench
