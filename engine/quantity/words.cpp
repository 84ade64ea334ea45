#include "quantity/words.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "claimdb/quantity.hpp"

namespace claimdb::quantity {

namespace {

const std::map<std::string_view, int>& small_numbers() {
  static const std::map<std::string_view, int> numbers{
      {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
      {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
      {"seventy", 70}, {"eighty", 80},  {"ninety", 90}};
  return numbers;
}

std::optional<int> small_number(std::string_view word) {
  const auto found = small_numbers().find(word);
  if (found == small_numbers().end()) return {};
  return found->second;
}

// Digits as the table's language writes them: "474", "1,200" and "1,200.5"
// in English, "1.200,5" and "300 000" in German; "2.3", "1e5"; Indian
// grouping "12,34,567" where ',' groups; a no-break or narrow no-break space
// ('_' in the token) or an apostrophe ("1'500") between groups of three in
// every language. Not "1,2", "1.2.3", "1,000e3" or a number too large or too
// small for a double ("1e999").
std::optional<double> read_digits(std::string_view text, const Table& table) {
  const char decimal = table.format.decimal;
  const auto to_double = [](const std::string& plain) -> std::optional<double> {
    double value = 0;
    const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (error != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value)) return {};
    return value;
  };
  if (const auto e = text.find('e'); e != std::string_view::npos) {
    const std::string_view mantissa = text.substr(0, e);
    std::string_view exponent = text.substr(e + 1);
    if (!exponent.empty() && (exponent.front() == '+' || exponent.front() == '-')) exponent.remove_prefix(1);
    if (exponent.empty() || exponent.find_first_not_of("0123456789") != std::string_view::npos) return {};
    std::string plain;
    int marks = 0;
    for (char c : mantissa) {
      if (c >= '0' && c <= '9') {
        plain += c;
      } else if (c == decimal && ++marks == 1) {
        plain += '.';
      } else {
        return {};  // group marks do not mix with an exponent
      }
    }
    if (plain.empty() || plain.back() == '.' || plain.front() == '.') return {};
    plain.append(text.substr(e));
    return to_double(plain);
  }
  const auto point = text.find(decimal);
  const std::string_view whole = text.substr(0, point);
  std::string plain;
  if (point != std::string_view::npos) {
    const std::string_view fraction = text.substr(point + 1);
    if (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string_view::npos) return {};
  }
  // The one mark between groups of the whole part, if any.
  char mark = 0;
  for (char c : whole) {
    if (c >= '0' && c <= '9') continue;
    if (mark != 0 && c != mark) return {};
    mark = c;
  }
  if (mark == 0) {
    plain = std::string(whole);
  } else {
    const bool allowed = mark == '_' || mark == '\'' || table.format.groups.find(mark) != std::string::npos;
    if (!allowed) return {};
    std::vector<std::size_t> lengths;
    std::size_t at = 0;
    while (true) {
      const auto next = whole.find(mark, at);
      const std::size_t length = (next == std::string_view::npos ? whole.size() : next) - at;
      lengths.push_back(length);
      plain += whole.substr(at, length);
      if (next == std::string_view::npos) break;
      at = next + 1;
    }
    bool western = lengths.front() >= 1 && lengths.front() <= 3;
    for (std::size_t i = 1; i < lengths.size(); ++i) western = western && lengths[i] == 3;
    // Indian grouping: 12,34,567 (the last group three digits, those before two).
    bool indian = mark == ',' && lengths.size() >= 3 && lengths.front() >= 1 && lengths.front() <= 2 &&
                  lengths.back() == 3;
    for (std::size_t i = 1; indian && i + 1 < lengths.size(); ++i) indian = lengths[i] == 2;
    if (!western && !indian) return {};
  }
  if (plain.empty()) return {};
  if (point != std::string_view::npos) plain += "." + std::string(text.substr(point + 1));
  return to_double(plain);
}

std::optional<double> singular_scale(const Token& token, const Table& table) {
  if (token.kind != Token::Kind::word) return {};
  const auto found = table.scales.find(token.text);
  if (found == table.scales.end() || !found->second.counted) return {};
  return found->second.value;
}

// "5m" is five million before a counted noun or after a currency symbol, and
// five metres otherwise ("a 5m wall" reads as a noun, so only "5m" at the end
// or before a function word is metres).
bool attached_million(const std::vector<Token>& tokens, std::size_t at, bool money) {
  if (tokens[at].text != "m" || tokens[at].spaced) return false;
  if (money) return true;
  if (at + 1 >= tokens.size()) return false;
  const Token& next = tokens[at + 1];
  return next.kind == Token::Kind::word && !is_function_word(next.text);
}

std::optional<Number> read_numeral(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                   const Table& table, bool money) {
  const auto value = read_digits(tokens[begin].text, table);
  if (!value) return {};
  Number number{*value, 1, false};
  for (std::size_t at = begin + 1; at < end; ++at) {
    double factor = 0;
    if (const auto scale = singular_scale(tokens[at], table)) {
      factor = *scale;
    } else if (at == begin + 1 && at + 1 == end && attached_million(tokens, at, money)) {
      factor = 1e6;
    } else {
      return {};
    }
    number.value *= factor;
    number.scale *= factor;
  }
  return number;
}

// English cardinals: "twenty-four", "four hundred and seventy-four",
// "a thousand", "two million four hundred thousand".
std::optional<Number> read_cardinal(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                    const Table& table) {
  enum class Prev { start, a, ones, teens, tens, hyphen, hundred, big, conjunction };
  Prev prev = Prev::start;
  double total = 0;
  double current = 0;
  double last_big = INFINITY;
  double trailing = 1;
  for (std::size_t at = begin; at < end; ++at) {
    const Token& token = tokens[at];
    const std::string& word = token.text;
    if (word == "a" && prev == Prev::start) {
      current = 1;
      prev = Prev::a;
    } else if (word == "-") {
      if (prev != Prev::tens) return {};
      prev = Prev::hyphen;
    } else if (word == "and") {
      if (prev != Prev::hundred && prev != Prev::big) return {};
      prev = Prev::conjunction;
    } else if (const auto small = small_number(word); small && token.kind == Token::Kind::word) {
      const bool after_tens = prev == Prev::tens || prev == Prev::hyphen;
      if (*small < 10) {
        if (prev == Prev::a || prev == Prev::ones || prev == Prev::teens || (after_tens && *small == 0)) {
          return {};
        }
      } else if (prev != Prev::start && prev != Prev::hundred && prev != Prev::big &&
                 prev != Prev::conjunction) {
        return {};
      }
      current += *small;
      prev = *small < 10 ? Prev::ones : *small < 20 ? Prev::teens : Prev::tens;
      trailing = 1;
    } else if (const auto factor = singular_scale(token, table)) {
      if (prev == Prev::start || prev == Prev::hyphen || prev == Prev::conjunction || prev == Prev::big ||
          current == 0) {
        return {};
      }
      if (*factor < 1000) {
        if (prev == Prev::hundred) return {};
        current *= *factor;
        prev = Prev::hundred;
      } else {
        if (*factor >= last_big) return {};
        total += current * *factor;
        current = 0;
        last_big = *factor;
        prev = Prev::big;
      }
      trailing = *factor;
    } else {
      return {};
    }
  }
  if (prev == Prev::start || prev == Prev::a || prev == Prev::hyphen || prev == Prev::conjunction) return {};
  return Number{total + current, trailing, false};
}

// Number words of a language's table: "deux cents", "vingt-trois",
// "soixante et onze", "dwa tysiące", "трохи" no. Each word (or words, longest
// first: "quatre-vingts") adds its value, "cent"/"hundert" after a smaller
// number multiplies it, scale words multiply what came before.
std::optional<Number> read_words(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                 const Table& table) {
  if (table.numbers.empty()) return {};
  double total = 0;
  double current = 0;
  double trailing = 1;
  bool any = false;
  std::size_t at = begin;
  while (at < end) {
    const Token& token = tokens[at];
    if (token.kind == Token::Kind::number) return {};
    if (any && at + 1 < end && (token.text == "-" || table.conjunctions.count(token.text))) {
      ++at;
      continue;
    }
    std::size_t length = 0;
    double value = 0;
    for (std::size_t n = std::min(table.longest_number, end - at); n > 0; --n) {
      const auto found = table.numbers.find(join(tokens, at, at + n));
      if (found == table.numbers.end()) continue;
      length = n;
      value = found->second;
      break;
    }
    if (length > 0) {
      if (value == 100 && current > 0 && current < 100) {
        current *= 100;
      } else {
        current += value;
      }
      any = true;
      trailing = 1;
      at += length;
      continue;
    }
    const auto factor = singular_scale(token, table);
    if (!factor) return {};
    const auto entry = table.scales.find(token.text);
    // A bare scale word is a number only in the singular ("mille", "tausend").
    if (!any && (entry->second.plural || *factor < 100)) return {};
    if (*factor < 1000) {
      current = (current == 0 ? 1 : current) * *factor;
    } else {
      total += (current == 0 ? 1 : current) * *factor;
      current = 0;
    }
    any = true;
    trailing = *factor;
    ++at;
  }
  if (!any) return {};
  return Number{total + current, trailing, false};
}

std::optional<double> fraction_word(const Token& token, const Table& table, bool plural) {
  if (token.kind != Token::Kind::word) return {};
  const auto found = table.fractions.find(token.text);
  if (found == table.fractions.end() || found->second.plural != plural) return {};
  return found->second.value;
}

// "half", "a third", "two-thirds", "three quarters"; "half a million" and
// "a quarter of a million" are counts.
std::optional<Number> read_fraction(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                    const Table& table) {
  std::size_t at = begin;
  double percent = 0;
  if (const auto bare = fraction_word(tokens[at], table, false)) {
    percent = *bare;
    ++at;
  } else {
    const std::string& first = tokens[at].text;
    const auto numerator = small_number(first);
    if (first != "a" && !numerator) return {};
    ++at;
    if (at < end && tokens[at].text == "-") ++at;
    if (at >= end) return {};
    const bool one = first == "a" || *numerator == 1;
    const auto fraction = fraction_word(tokens[at], table, !one);
    if (!fraction || (!one && *numerator == 0)) return {};
    percent = (one ? 1 : *numerator) * *fraction;
    ++at;
  }
  if (at == end) return Number{percent, 1, true};
  if (tokens[at].text == "of") ++at;
  if (at >= end || tokens[at].text != "a") return {};
  ++at;
  if (at >= end) return {};
  double scale = 1;
  for (; at < end; ++at) {
    const auto factor = singular_scale(tokens[at], table);
    if (!factor) return {};
    scale *= *factor;
  }
  return Number{percent / 100 * scale, scale, false};
}

}  // namespace

std::optional<Number> read_number(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                  const Table& table, bool money) {
  if (begin >= end || end > tokens.size()) return {};
  std::optional<Number> number;
  if (tokens[begin].kind == Token::Kind::number) {
    number = read_numeral(tokens, begin, end, table, money);
  } else if (tokens[begin].kind == Token::Kind::word) {
    number = read_fraction(tokens, begin, end, table);
    if (!number) number = read_cardinal(tokens, begin, end, table);
    if (!number) number = read_words(tokens, begin, end, table);
  }
  if (number && !std::isfinite(number->value)) return {};
  return number;
}

bool is_function_word(std::string_view word) {
  static const std::set<std::string_view> words{
      "a",      "about",     "across", "after",  "against", "all",    "an",        "and",       "are",
      "around", "as",        "at",     "be",     "been",    "before", "being",     "but",       "by",
      "could",  "during",    "each",   "every",  "for",     "from",   "had",       "has",       "have",
      "in",     "including", "into",   "is",     "its",     "last",   "less",      "more",      "near",
      "nearly", "of",        "off",    "on",     "onto",    "or",     "out",       "over",      "overnight",
      "per",    "plus",      "said",   "say",    "says",    "since",  "than",      "that",      "the",
      "their",  "these",     "this",   "those",  "through", "to",     "today",     "under",     "until",
      "up",     "was",       "were",   "when",   "where",   "which",  "while",     "who",       "whom",
      "whose",  "will",      "with",   "within", "without", "would",  "yesterday", "according", "fewer"};
  return words.count(word) > 0;
}

bool is_stop(std::string_view word, const Table& table) {
  return is_function_word(word) || table.stops.count(std::string(word)) > 0;
}

std::optional<double> digits_value(std::string_view text, const Table& table) { return read_digits(text, table); }

namespace {

// "1,500" or "300.000": one ',' or '.' with 1-3 digits before (not "0") and
// exactly three after, which reads one way with a decimal mark and another
// with a thousands mark.
struct TwoWays {
  char mark = 0;
  double as_decimal = 0;
  double as_thousands = 0;
};

std::optional<TwoWays> two_ways(std::string_view text) {
  const auto mark_at = text.find_first_of(",.");
  if (mark_at == std::string_view::npos || mark_at == 0 || mark_at > 3) return {};
  if (text.find_first_not_of("0123456789", mark_at + 1) != std::string_view::npos) return {};
  if (text.size() - mark_at - 1 != 3 || text.find_first_not_of("0123456789") != mark_at) return {};
  if (text.substr(0, mark_at) == "0") return {};
  std::string plain(text);
  plain[mark_at] = '.';
  TwoWays result;
  result.mark = text[mark_at];
  std::from_chars(plain.data(), plain.data() + plain.size(), result.as_decimal);
  plain.erase(mark_at, 1);
  std::from_chars(plain.data(), plain.data() + plain.size(), result.as_thousands);
  return result;
}

std::string number_text(double value) { return format_interval(Interval{value, value, false, false}); }

std::string language_name(const LanguageRef& language) {
  return language.tag.empty() || language.tag == "en" ? std::string("English") : language.tag;
}

}  // namespace

std::optional<std::string> ambiguity_warning(std::string_view text, const Table& table, const LanguageRef& language) {
  const auto ways = two_ways(text);
  if (!ways) return {};
  const std::string mark(1, ways->mark);
  const bool decimal = ways->mark == table.format.decimal;
  const std::string read = number_text(decimal ? ways->as_decimal : ways->as_thousands);
  const std::string other = number_text(decimal ? ways->as_thousands : ways->as_decimal);
  if (!language.given) {
    return "no language given: '" + std::string(text) + "' is read as " + read + " (English: '" + mark +
           "' " + (decimal ? "is the decimal point" : "separates thousands") + "); in a language where '" +
           mark + "' " + (decimal ? "separates thousands" : "is the decimal mark") + " it is " + other;
  }
  if (!decimal) return {};
  return "'" + std::string(text) + "' is read as " + read + ": in " + language_name(language) + " '" + mark +
         "' is the decimal mark; if it separates thousands here, the figure is " + other;
}

std::optional<std::string> format_reason(std::string_view text, const Table& table, const LanguageRef& language) {
  if (read_digits(text, table)) return {};
  Table swapped;
  swapped.format.decimal = table.format.decimal == '.' ? ',' : '.';
  swapped.format.groups = std::string(1, table.format.decimal) + " ";
  if (!read_digits(text, swapped)) return {};
  std::string groups;
  for (char c : table.format.groups) {
    if (!groups.empty()) groups += ", ";
    groups += c == ' ' ? std::string("a space") : "'" + std::string(1, c) + "'";
  }
  std::string reason = "'" + std::string(text) + "' is not a number as " + language_name(language) +
                       " writes them (decimal mark '" + std::string(1, table.format.decimal) +
                       "', thousands separated by " + groups + ")";
  if (!language.given) reason += "; no language was given: say which one the phrase is in";
  return reason;
}

std::string singular(std::string_view word, const Table& table) {
  const auto irregular = table.plurals.find(std::string(word));
  if (irregular != table.plurals.end()) return irregular->second;
  const auto ends_with = [&](std::string_view suffix) {
    return word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
  };
  if (word.size() <= 3 || ends_with("ss") || ends_with("us") || ends_with("is")) return std::string(word);
  if (ends_with("ies")) return std::string(word.substr(0, word.size() - 3)) + "y";
  for (std::string_view suffix : {"sses", "ches", "shes", "xes", "zzes"}) {
    if (ends_with(suffix)) return std::string(word.substr(0, word.size() - 2));
  }
  if (ends_with("s")) return std::string(word.substr(0, word.size() - 1));
  return std::string(word);
}

bool is_predicate(std::string_view word) {
  static const std::set<std::string_view> kAdjectives{"dead", "missing", "hurt", "homeless", "alive"};
  const bool participle = word.size() > 3 && word.substr(word.size() - 2) == "ed";
  return participle || kAdjectives.count(word) > 0;
}

std::optional<Noun> read_noun(const std::vector<Token>& tokens, std::size_t begin, const Table& table) {
  constexpr std::size_t kMostWords = 6;
  std::size_t at = begin;
  std::size_t last_word = tokens.size();
  std::size_t first_word = tokens.size();
  std::size_t words = 0;
  while (at < tokens.size() && words < kMostWords) {
    const Token& token = tokens[at];
    if (token.kind != Token::Kind::word || is_stop(token.text, table)) break;
    if (words > 0 && is_predicate(token.text)) break;
    if (words == 0) first_word = at;
    last_word = at;
    ++words;
    ++at;
    // Hyphenated words ("Russian-made drones") stay together.
    if (at + 1 < tokens.size() && tokens[at].text == "-" && tokens[at + 1].kind == Token::Kind::word) ++at;
  }
  if (words == 0) return {};
  // "dozens injured", "20 dead": the people are meant, not a noun "injured".
  const std::string& head = tokens[table.format.head_first ? first_word : last_word].text;
  if (words == 1 && is_predicate(head)) return {};
  return Noun{singular(head, table), last_word + 1, head};
}

}  // namespace claimdb::quantity
