// Internal: reading an article a block at a time: checked as UTF-8, HTML
// tags stripped, Markdown marks dropped.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

namespace claimdb::extract {

class TextInput {
 public:
  TextInput(std::istream& in, std::string name);

  // The next block of plain text: a paragraph with the newlines after it.
  // The blocks joined are the article's plain text. nullopt at the end.
  // Throws Error(bad_input) naming the byte offset of invalid UTF-8 or of a
  // NUL byte (binary input), and Error(io) when the stream fails.
  std::optional<std::string> next_block();

 private:
  bool fill();                         // reads a chunk into pending_; false at the end
  void check(const char* data, std::size_t size);  // UTF-8 and NUL, tracking offset_
  void add_text(std::string_view text);            // after HTML: lines into pending_
  void add_line(std::string_view line, bool complete);
  void strip_html(std::string_view chunk);

  std::istream& in_;
  std::string name_;
  std::uint64_t offset_ = 0;    // bytes checked so far
  int continuation_ = 0;        // UTF-8 continuation bytes still expected
  unsigned char lead_ = 0;      // the lead byte of the sequence being checked
  std::uint64_t lead_at_ = 0;   // its offset
  bool second_ = false;         // the next byte is the sequence's second
  bool started_ = false;        // the first non-blank byte has been seen
  bool html_ = false;           // the input is HTML
  bool at_end_ = false;
  std::string line_;            // an incomplete line
  std::string pending_;         // plain text not yet returned
  // HTML state
  bool in_tag_ = false;
  std::string tag_;             // the tag being read
  std::string skip_until_;      // "</script" or "</style" while inside one
  bool in_entity_ = false;
  std::string entity_;
};

}  // namespace claimdb::extract
