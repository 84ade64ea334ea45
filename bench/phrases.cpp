#include "phrases.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace claimdb::bench {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

// The step a reporter rounds to: 474 -> 10, 1,150,000 -> 100,000, 38% -> 5.
double rounding_step(QuantityStyle style, double v) {
  if (style == QuantityStyle::share) return v >= 10 ? 5 : 1;
  if (v < 10) return 1;
  if (v < 50) return 5;
  if (v < 200) return 10;
  if (v < 1000) return 50;
  double step = 100;
  while (step * 100 <= v) step *= 10;
  return step;
}

double round_down(double v, double step) { return std::floor(v / step) * step; }
double round_up(double v, double step) { return std::ceil(v / step) * step; }
double round_near(double v, double step) { return std::round(v / step) * step; }

void append_double(std::string& out, double value) {
  char digits[32];
  auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

// Appends a number the way the style writes it, with its unit words.
void append_figure(Rng& rng, QuantityStyle style, double n, std::string& out) {
  switch (style) {
    case QuantityStyle::count:
      append_count(out, static_cast<std::int64_t>(n), rng.chance(0.7));
      return;
    case QuantityStyle::large:
      if (n >= 1e6 && std::fmod(n, 1e5) == 0) {
        append_double(out, n / 1e6);
        out += " million";
      } else {
        append_count(out, static_cast<std::int64_t>(n), true);
      }
      return;
    case QuantityStyle::share:
      append_double(out, n);
      out += rng.chance(0.5) ? " percent" : "%";
      return;
    case QuantityStyle::length:
      append_double(out, n);
      out += rng.chance(0.8) ? " km" : " kilometres";
      return;
    case QuantityStyle::area:
      append_double(out, n);
      out += rng.chance(0.7) ? " sq km" : " square kilometres";
      return;
  }
}

// The phrase families of the design's table.
enum class Form {
  exact, words, about, nearly, just_over, between,    // bounded, near the value
  more_than, at_least, up_to, fewer_than, vague,      // one-sided or coarse
};

constexpr std::array about_words = {"about", "around", "roughly", "approximately",
                                    "some", "an estimated"};
constexpr std::array nearly_words = {"nearly", "almost", "just under", "close to"};
constexpr std::array just_over_words = {"just over", "slightly more than"};
constexpr std::array more_than_words = {"more than", "over", "above", "in excess of",
                                        "upwards of"};
constexpr std::array at_least_words = {"at least", "no fewer than", "a minimum of"};
constexpr std::array up_to_words = {"up to", "at most", "no more than", "a maximum of"};
constexpr std::array fewer_than_words = {"fewer than", "less than", "under", "below"};

// A vague count word and the interval the table gives it.
struct VagueWord {
  const char* text;
  Reading reading;
  Phrase::Noun noun = Phrase::Noun::direct;
};
constexpr auto with_of = Phrase::Noun::with_of;
constexpr auto without_of = Phrase::Noun::without_of;
constexpr std::array vague_counts = {
    VagueWord{"a couple", {2, 3, false, false}, with_of},
    VagueWord{"a few", {2, 5, false, false}},
    VagueWord{"a handful", {2, 6, false, false}},
    VagueWord{"several", {3, 9, false, false}},
    VagueWord{"a dozen", {12, 12, false, false}},
    VagueWord{"dozens", {24, 144, false, true}, with_of},
    VagueWord{"scores", {40, 200, false, true}, with_of},
    VagueWord{"hundreds", {200, 1000, false, true}, with_of},
    VagueWord{"a few hundred", {200, 600, false, true}},
    VagueWord{"several hundred", {300, 1000, false, true}},
    VagueWord{"thousands", {2000, 10000, false, true}, with_of},
    VagueWord{"tens of thousands", {20000, 100000, false, true}, with_of},
};
constexpr std::array vague_shares = {
    VagueWord{"half", {50, 50, false, false}},
    VagueWord{"most", {50, 100, true, false}, without_of},
    VagueWord{"a majority", {50, 100, true, false}},
    VagueWord{"the vast majority", {80, 100, false, false}},
    VagueWord{"nearly all", {90, 100, false, true}, without_of},
};

// Tries to word n with one form; false when the form does not fit.
// 0.9 * 474 and 1.1 * 45 as a reader would write them (426.6, 49.5).
double tidy(double bound) { return std::round(bound * 1e6) / 1e6; }

bool try_form(Rng& rng, QuantityStyle style, Form form, double n, Phrase& out) {
  const double step = rounding_step(style, n);
  out.text.clear();
  out.exact = false;
  out.noun = Phrase::Noun::direct;
  auto lead = [&](const char* word) {
    out.text += word;
    out.text += ' ';
  };
  switch (form) {
    case Form::exact:
      append_figure(rng, style, n, out.text);
      out.reading = {n, n, false, false};
      out.exact = out.text.find_first_not_of("0123456789.") == std::string::npos;
      out.point = n;
      return true;
    case Form::words:
      if (style != QuantityStyle::count || n <= 0 || n >= 1000) return false;
      number_words(static_cast<std::int64_t>(n), out.text);
      out.reading = {n, n, false, false};
      return true;
    case Form::about: {
      double m = round_near(n, step);
      if (m <= 0) return false;
      lead(rng.pick(about_words));
      append_figure(rng, style, m, out.text);
      out.reading = {tidy(0.9 * m), tidy(1.1 * m), false, false};
      return true;
    }
    case Form::nearly: {
      double m = round_up(n, step);
      if (m == n) m += step;
      lead(rng.pick(nearly_words));
      append_figure(rng, style, m, out.text);
      out.reading = {tidy(0.9 * m), m, false, true};
      return true;
    }
    case Form::just_over: {
      double m = round_down(n, step);
      if (m == n) m -= step;
      if (m <= 0) return false;
      lead(rng.pick(just_over_words));
      append_figure(rng, style, m, out.text);
      out.reading = {m, tidy(1.1 * m), true, false};
      return true;
    }
    case Form::between: {
      double a = round_down(n * 0.92, step), b = round_up(n * 1.08, step);
      if (a <= 0 || a == b) return false;
      std::string low, high;
      if (style == QuantityStyle::count || style == QuantityStyle::large) {
        append_count(low, static_cast<std::int64_t>(a), true);
      } else {
        append_double(low, a);
      }
      std::uint64_t wording = rng.below(3);
      out.text += wording == 0 ? "between " : "";
      out.text += low;
      out.text += wording == 0 ? " and " : wording == 1 ? " to " : "-";
      if (wording == 2) {  // "400-500": no unit words in between
        if (style == QuantityStyle::count || style == QuantityStyle::large) {
          append_count(out.text, static_cast<std::int64_t>(b), true);
        } else {
          append_double(out.text, b);
        }
        if (style == QuantityStyle::share) out.text += " percent";
        if (style == QuantityStyle::length) out.text += " km";
        if (style == QuantityStyle::area) out.text += " sq km";
      } else {
        append_figure(rng, style, b, out.text);
      }
      out.reading = {a, b, false, false};
      return true;
    }
    case Form::more_than: {
      double m = round_down(n * rng.uniform(0.6, 1.0), step);
      if (m >= n) m -= step;
      if (m <= 0) return false;
      lead(rng.pick(more_than_words));
      append_figure(rng, style, m, out.text);
      out.reading = {m, infinity, true, false};
      return true;
    }
    case Form::at_least: {
      double m = round_down(n * rng.uniform(0.7, 1.0), step);
      if (m <= 0) return false;
      if (style == QuantityStyle::count && rng.chance(0.2)) {
        append_figure(rng, style, m, out.text);
        out.text += " or more";
      } else {
        lead(rng.pick(at_least_words));
        append_figure(rng, style, m, out.text);
      }
      out.reading = {m, infinity, false, false};
      return true;
    }
    case Form::up_to: {
      double m = round_up(n * rng.uniform(1.0, 1.3), step);
      lead(rng.pick(up_to_words));
      append_figure(rng, style, m, out.text);
      out.reading = {0, m, false, false};
      return true;
    }
    case Form::fewer_than: {
      double m = round_up(n * rng.uniform(1.0, 1.3), step);
      if (m == n) m += step;
      lead(rng.pick(fewer_than_words));
      append_figure(rng, style, m, out.text);
      out.reading = {0, m, false, true};
      return true;
    }
    case Form::vague: {
      const VagueWord* table = nullptr;
      std::size_t size = 0;
      if (style == QuantityStyle::count) {
        table = vague_counts.data();
        size = vague_counts.size();
      } else if (style == QuantityStyle::share) {
        table = vague_shares.data();
        size = vague_shares.size();
      } else {
        return false;
      }
      // Start at a random entry and take the first that holds n.
      std::size_t first = rng.below(size);
      for (std::size_t i = 0; i < size; ++i) {
        const VagueWord& word = table[(first + i) % size];
        if (word.reading.contains(n)) {
          out.text = word.text;
          out.reading = word.reading;
          out.noun = word.noun;
          return true;
        }
      }
      return false;
    }
  }
  return false;
}

Form pick_form(Rng& rng, Latitude latitude) {
  // Weights follow what wire copy uses most: bare figures, then "about" and
  // "more than", then the rest.
  static constexpr std::array tight = {Form::exact, Form::exact,   Form::exact,
                                       Form::about, Form::about,   Form::nearly,
                                       Form::words, Form::between, Form::just_over};
  static constexpr std::array loose = {
      Form::exact,     Form::exact,    Form::exact, Form::about,   Form::about,
      Form::nearly,    Form::more_than, Form::more_than, Form::at_least,
      Form::up_to,     Form::fewer_than, Form::between, Form::vague, Form::vague,
      Form::words,     Form::just_over};
  return latitude == Latitude::tight ? rng.pick(tight) : rng.pick(loose);
}

}  // namespace

void append_count(std::string& out, std::int64_t n, bool commas) {
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof digits, n);
  std::size_t length = static_cast<std::size_t>(result.ptr - digits);
  for (std::size_t i = 0; i < length; ++i) {
    if (commas && i > 0 && (length - i) % 3 == 0 && digits[i - 1] != '-') {
      out.push_back(',');
    }
    out.push_back(digits[i]);
  }
}

void number_words(std::int64_t n, std::string& out) {
  static constexpr std::array<const char*, 20> small = {
      "zero",    "one",     "two",       "three",    "four",
      "five",    "six",     "seven",     "eight",    "nine",
      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<const char*, 10> tens = {
      "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};
  auto below_thousand = [&](std::int64_t k) {
    bool spoke = false;
    if (k >= 100) {
      out += small[static_cast<std::size_t>(k / 100)];
      out += " hundred";
      k %= 100;
      spoke = true;
    }
    if (k == 0) return;
    if (spoke) out += ' ';
    if (k < 20) {
      out += small[static_cast<std::size_t>(k)];
    } else {
      out += tens[static_cast<std::size_t>(k / 10)];
      if (k % 10 != 0) {
        out += '-';
        out += small[static_cast<std::size_t>(k % 10)];
      }
    }
  };
  if (n >= 1000) {
    below_thousand(n / 1000);
    out += " thousand";
    n %= 1000;
    if (n == 0) return;
    out += ' ';
  }
  below_thousand(n);
}

void say_value(Rng& rng, QuantityStyle style, double v, Latitude latitude,
               Phrase& out) {
  for (int attempt = 0; attempt < 6; ++attempt) {
    if (!try_form(rng, style, pick_form(rng, latitude), v, out)) continue;
    if (!out.reading.contains(v)) continue;
    if (latitude == Latitude::tight &&
        (out.reading.lo < guard_lo(v) || out.reading.hi > guard_hi(v))) {
      continue;
    }
    return;
  }
  try_form(rng, style, Form::exact, v, out);
}

bool say_conflicting(Rng& rng, QuantityStyle style, double w, double v,
                     Phrase& out) {
  const bool low = w < guard_lo(v);
  static constexpr std::array low_forms = {Form::exact, Form::exact, Form::about,
                                           Form::nearly, Form::fewer_than,
                                           Form::up_to, Form::words};
  static constexpr std::array high_forms = {Form::exact, Form::exact, Form::about,
                                            Form::just_over, Form::more_than,
                                            Form::at_least, Form::words};
  for (int attempt = 0; attempt < 6; ++attempt) {
    Form form = low ? rng.pick(low_forms) : rng.pick(high_forms);
    if (!try_form(rng, style, form, w, out)) continue;
    if (out.reading.outside(guard_lo(v), guard_hi(v))) return true;
  }
  try_form(rng, style, Form::exact, w, out);
  return out.reading.outside(guard_lo(v), guard_hi(v));
}

}  // namespace claimdb::bench
