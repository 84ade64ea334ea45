// Lower-casing words of quantity phrases: ASCII, Latin-1, Latin Extended-A,
// Greek and Cyrillic, from a table of code point ranges. Greek letters also
// lose their accents (tonos, dialytika) and final sigma becomes sigma, so
// "ΠΕΡΙΠΟΥ", "Περίπου" and "περίπου" are one word.
#include "quantity/tokens.hpp"

#include <array>
#include <cstdint>

namespace claimdb::quantity {

namespace {

// Code points lo..hi map to cp + delta; with `alternate`, only those with the
// parity of lo do (pairs of upper and lower case next to each other).
struct CaseRange {
  char32_t lo, hi;
  int delta;
  bool alternate;
};

constexpr std::array<CaseRange, 17> kRanges{{
    {U'A', U'Z', 32, false},
    {0x00C0, 0x00D6, 32, false},  // À..Ö
    {0x00D8, 0x00DE, 32, false},  // Ø..Þ
    {0x0100, 0x012F, 1, true},    // Ā..į
    {0x0132, 0x0137, 1, true},    // Ĳ..ķ
    {0x0139, 0x0148, 1, true},    // Ĺ..ň (Ł, Ń)
    {0x014A, 0x0177, 1, true},    // Ŋ..ŷ (Ś, Š)
    {0x0179, 0x017E, 1, true},    // Ź..ž (Ż)
    {0x0391, 0x03A1, 32, false},  // Α..Ρ
    {0x03A3, 0x03AB, 32, false},  // Σ..Ϋ
    {0x0400, 0x040F, 80, false},  // Ѐ..Џ (Є, І, Ї)
    {0x0410, 0x042F, 32, false},  // А..Я
    {0x0460, 0x0481, 1, true},
    {0x048A, 0x04BF, 1, true},    // Ґ..ҿ
    {0x04C1, 0x04CE, 1, true},
    {0x04D0, 0x052F, 1, true},
    {0x0386, 0x0386, 38, false},  // Ά
}};

// Single code points: other Greek capitals with accents, and accent folding.
struct CaseOne {
  char32_t from, to;
};

constexpr std::array<CaseOne, 22> kSingles{{
    {0x0178, 0x00FF},  // Ÿ
    {0x0388, 0x03B5}, {0x0389, 0x03B7}, {0x038A, 0x03B9}, {0x038C, 0x03BF},
    {0x038E, 0x03C5}, {0x038F, 0x03C9},  // Έ Ή Ί Ό Ύ Ώ -> without tonos
    {0x03AC, 0x03B1}, {0x03AD, 0x03B5}, {0x03AE, 0x03B7}, {0x03AF, 0x03B9},
    {0x03CC, 0x03BF}, {0x03CD, 0x03C5}, {0x03CE, 0x03C9},  // ά έ ή ί ό ύ ώ
    {0x03CA, 0x03B9}, {0x03CB, 0x03C5}, {0x0390, 0x03B9}, {0x03B0, 0x03C5},  // ϊ ϋ ΐ ΰ
    {0x03AA, 0x03B9}, {0x03AB, 0x03C5},  // Ϊ Ϋ
    {0x03C2, 0x03C3},  // final sigma
    {0x0130, U'i'},    // İ
}};

char32_t lower_code_point(char32_t cp) {
  for (const CaseOne& one : kSingles)
    if (one.from == cp) return one.to;
  for (const CaseRange& range : kRanges) {
    if (cp < range.lo || cp > range.hi) continue;
    if (range.alternate && ((cp - range.lo) % 2) != 0) return cp;
    const char32_t lowered = static_cast<char32_t>(static_cast<int>(cp) + range.delta);
    // Greek capitals with dialytika lowered to ϊ ϋ fold further.
    for (const CaseOne& one : kSingles)
      if (one.from == lowered) return one.to;
    return lowered;
  }
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string lower_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  std::size_t at = 0;
  while (at < word.size()) {
    const auto byte = static_cast<std::uint8_t>(word[at]);
    std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && at + length <= word.size();
    char32_t cp = 0;
    if (valid) {
      cp = length == 1 ? byte : length == 2 ? (byte & 0x1F) : length == 3 ? (byte & 0x0F) : (byte & 0x07);
      for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<std::uint8_t>(word[at + i]);
        if ((next & 0xC0) != 0x80) {
          valid = false;
          break;
        }
        cp = (cp << 6) | (next & 0x3F);
      }
    }
    if (!valid) {  // not UTF-8: the byte as it is
      out += word[at];
      ++at;
      continue;
    }
    const char32_t lowered = lower_code_point(cp);
    if (lowered == cp) {
      out.append(word.substr(at, length));  // unchanged, byte for byte
    } else {
      append_utf8(out, lowered);
    }
    at += length;
  }
  return out;
}

}  // namespace claimdb::quantity
