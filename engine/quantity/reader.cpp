// QuantityReader: matches a phrase against the table's rules and works out
// its interval and unit. See docs/quantities.md for the semantics.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>

#include "claimdb/error.hpp"
#include "claimdb/quantity.hpp"
#include "embedded/embedded.hpp"
#include "quantity/table.hpp"
#include "quantity/tokens.hpp"
#include "quantity/words.hpp"

namespace claimdb::embedded {
extern const EmbeddedFile quantity_tables[];
extern const std::size_t quantity_tables_count;
}  // namespace claimdb::embedded

namespace claimdb {

namespace q = quantity;

namespace {

constexpr std::size_t kLongestPhrase = 1000;     // bytes
constexpr std::size_t kMostNumberTokens = 12;    // "four hundred and seventy-four thousand ..."
constexpr std::size_t kMostScaleWords = 4;       // "several hundred thousand"

// A unit as found in a phrase, resolved to its canonical unit.
struct UnitRef {
  std::string name;       // as written (tokens joined by spaces), for messages
  std::string canonical;  // canonical unit
  double factor = 1;      // one `name` in `canonical`
  std::string kind;       // dimension
};

// A number slot ({n}, {a}, {b}) bound by a match.
struct Slot {
  bool bound = false;             // the pattern has this slot
  q::Number number;               // the number read
  std::optional<UnitRef> unit;    // a unit given with this number ("$5", "5 km to ...")
  bool strong = false;            // a currency symbol or a fraction: later words name the population
};

struct Match {
  std::size_t end = 0;          // tokens consumed
  std::array<Slot, 3> slots;    // n, a, b
  double scale = 1;             // the {scale} / {scales} factor
};

std::size_t slot_index(char slot) { return slot == 'n' ? 0 : slot == 'a' ? 1 : 2; }

// Rounds to 12 significant digits so that 0.9 * 200 is 180, not 180.00000000000003.
double round12(double value) {
  if (value == 0) return 0;
  char text[40];
  std::snprintf(text, sizeof text, "%.12g", value);
  return std::strtod(text, nullptr);
}

CanonicalUnit canonical_unit_in(const QuantityReader::Table& table, std::string_view text);

std::string describe(const UnitRef& unit) { return "'" + unit.name + "' (" + unit.kind + ")"; }

// One read() call.
class PhraseReader {
 public:
  PhraseReader(const QuantityReader::Table& table, std::string_view phrase)
      : table_(table), phrase_(phrase), tokens_(q::tokenize(phrase)) {}

  QuantityReading read(std::string_view default_unit) {
    // Quotes and brackets around the phrase: "(about 200)".
    std::size_t start = 0;
    while (start < tokens_.size() && (tokens_[start].text == "(" || tokens_[start].text == "\"" ||
                                      tokens_[start].text == "'")) {
      ++start;
    }
    const q::Rule* best_rule = nullptr;
    std::optional<Match> best;
    for (const q::Rule& rule : table_.rules) {
      std::optional<Match> found;
      Match current;
      match(rule, 0, start, current, found);
      if (found && (!best || found->end > best->end)) {
        best = std::move(found);
        best_rule = &rule;
      }
    }
    if (!best) fail();
    return evaluate(*best_rule, *best, default_unit);
  }

  // The unit named by the whole of the tokens, for canonical_unit().
  std::optional<UnitRef> whole_unit() {
    if (const auto unit = unit_at(0); unit && unit->second == tokens_.size()) return unit->first;
    const auto noun = q::read_noun(tokens_, 0, table_);
    if (noun && noun->end == tokens_.size()) return noun_unit(noun->unit);
    return {};
  }

  [[noreturn]] void fail(const std::string& reason = "") const {
    std::string message = "cannot read quantity phrase '" + std::string(phrase_) + "'";
    if (!reason.empty()) message += ": " + reason;
    throw Error(ErrorCode::bad_input, message);
  }

 private:
  // The longest unit name starting at `at`, and the token after it.
  std::optional<std::pair<UnitRef, std::size_t>> unit_at(std::size_t at) const {
    for (std::size_t length = std::min(table_.longest_unit, tokens_.size() - std::min(at, tokens_.size()));
         length > 0; --length) {
      const std::string name = q::join(tokens_, at, at + length);
      const auto found = table_.units.find(name);
      if (found == table_.units.end()) continue;
      const q::UnitDef& unit = found->second;
      return std::pair{UnitRef{name, unit.canonical, unit.factor, unit.kind}, at + length};
    }
    return {};
  }

  UnitRef noun_unit(const std::string& noun) const {
    const auto found = table_.units.find(noun);
    if (found != table_.units.end()) return {noun, found->second.canonical, found->second.factor, found->second.kind};
    return {noun, noun, 1, "count"};
  }

  std::optional<q::Number> number(std::size_t begin, std::size_t end, bool money) {
    const auto key = std::tuple{begin, end, money};
    const auto cached = numbers_.find(key);
    if (cached != numbers_.end()) return cached->second;
    return numbers_[key] = q::read_number(tokens_, begin, end, table_, money);
  }

  // Tries every way the rule's pattern can match from pattern token `at` and
  // phrase token `next`; keeps the one consuming the most tokens in `best`.
  void match(const q::Rule& rule, std::size_t at, std::size_t next, Match& current, std::optional<Match>& best) {
    if (at == rule.tokens.size()) {
      if (!best || next > best->end) {
        best = current;
        best->end = next;
      }
      return;
    }
    const q::PatternToken& pattern = rule.tokens[at];
    if (pattern.slot == 0) {
      if (next < tokens_.size() && tokens_[next].text == pattern.word) match(rule, at + 1, next + 1, current, best);
    } else if (pattern.slot == 's') {
      double factor = 1;
      for (std::size_t end = next; end < tokens_.size() && end - next < kMostScaleWords; ++end) {
        const auto found = table_.scales.find(tokens_[end].text);
        if (tokens_[end].kind != q::Token::Kind::word || found == table_.scales.end() || found->second.plural) break;
        factor *= found->second.value;
        current.scale = factor;
        match(rule, at + 1, end + 1, current, best);
      }
    } else if (pattern.slot == 'S') {
      if (next >= tokens_.size() || tokens_[next].kind != q::Token::Kind::word) return;
      const auto found = table_.scales.find(tokens_[next].text);
      if (found == table_.scales.end() || !found->second.plural) return;
      current.scale = found->second.value;
      match(rule, at + 1, next + 1, current, best);
    } else {
      match_number(rule, at, next, current, best);
    }
  }

  void match_number(const q::Rule& rule, std::size_t at, std::size_t next, Match& current,
                    std::optional<Match>& best) {
    Slot& slot = current.slots[slot_index(rule.tokens[at].slot)];
    std::optional<UnitRef> currency;
    std::size_t start = next;
    if (const auto prefix = unit_at(next);
        prefix && prefix->first.kind == "currency" && tokens_[prefix->second - 1].kind == q::Token::Kind::symbol) {
      currency = prefix->first;
      start = prefix->second;
    }
    const bool more_pattern = at + 1 < rule.tokens.size();
    for (std::size_t end = std::min(tokens_.size(), start + kMostNumberTokens); end > start; --end) {
      const auto value = number(start, end, currency.has_value());
      if (!value) continue;
      slot = Slot{true, *value, currency, currency.has_value() || value->share};
      match(rule, at + 1, end, current, best);
      if (more_pattern && !slot.strong) {
        // A unit between this number and the rest of the pattern: "5 km to 8 km", "200 drones or more".
        if (const auto unit = unit_at(end)) {
          slot.unit = unit->first;
          match(rule, at + 1, unit->second, current, best);
        } else if (const auto noun = q::read_noun(tokens_, end, table_)) {
          slot.unit = noun_unit(noun->unit);
          match(rule, at + 1, noun->end, current, best);
        }
      }
      slot = Slot{};
    }
  }

  [[noreturn]] void rates() const { fail("rates such as 'per hour' are not supported"); }

  // "per hour", "/h", "a day", "each week": a rate, which an interval cannot hold.
  void check_not_rate(std::size_t at) const {
    if (at >= tokens_.size()) return;
    const std::string& word = tokens_[at].text;
    if (word == "per" || word == "/") rates();
    if (word == "a" || word == "an" || word == "each" || word == "every") {
      const auto unit = unit_at(at + 1);
      if (unit && unit->first.kind == "duration") rates();
    }
  }

  bool starts_number(std::size_t at) {
    if (at >= tokens_.size()) return false;
    for (std::size_t end = at + 1; end <= std::min(tokens_.size(), at + kMostNumberTokens); ++end) {
      if (number(at, end, false)) return true;
    }
    return false;
  }

  // The unit named after the matched part: "drones", "km", "% of homes".
  // Refuses what looks like more of a quantity ("200 300", "200 or so",
  // "nearly 200 - 300") rather than ignoring it.
  std::optional<UnitRef> read_tail(std::size_t at) {
    if (at >= tokens_.size()) return {};
    if (const auto unit = unit_at(at)) {
      check_not_rate(unit->second);
      // "10s of thousands" is not ten seconds.
      const std::size_t next = unit->second + 1;
      if (unit->second < tokens_.size() && tokens_[unit->second].text == "of" && next < tokens_.size() &&
          (starts_number(next) || table_.scales.count(tokens_[next].text))) {
        fail();
      }
      return unit->first;
    }
    const q::Token& first = tokens_[at];
    check_not_rate(at);
    if (first.text == "or" || first.text == "and" || first.text == "to" || starts_number(at) ||
        table_.scales.count(first.text) || table_.fractions.count(first.text)) {
      fail();
    }
    if (first.text == "-") {
      // "a 300-metre", "10-fold"; but "nearly 200 - 300" is a range the table does not know.
      if (starts_number(at + 1)) fail();
      if (at + 1 < tokens_.size() && tokens_[at + 1].kind == q::Token::Kind::word) return read_tail(at + 1);
      return {};
    }
    if (first.kind == q::Token::Kind::symbol) {
      if (q::is_punctuation(first)) return {};
      fail("unknown unit '" + first.text + "'");
    }
    if (tokens_[at].text == "of") ++at;
    static const std::array<std::string_view, 6> kDeterminers{"the", "those", "these", "its", "their", "all"};
    if (at < tokens_.size() && std::find(kDeterminers.begin(), kDeterminers.end(), tokens_[at].text) != kDeterminers.end()) ++at;
    if (const auto unit = unit_at(at)) {
      check_not_rate(unit->second);
      return unit->first;
    }
    if (const auto noun = q::read_noun(tokens_, at, table_)) {
      check_not_rate(noun->end);
      return noun_unit(noun->unit);
    }
    return {};
  }

  UnitRef percent() const {
    const auto found = table_.units.find("percent");
    if (found != table_.units.end()) return {"percent", found->second.canonical, found->second.factor, found->second.kind};
    return {"percent", "percent", 1, "share"};
  }

  QuantityReading evaluate(const q::Rule& rule, Match& match, std::string_view default_unit) {
    const auto tail = read_tail(match.end);
    const bool share_rule = rule.kind == "share";
    bool strong = false;
    for (Slot& slot : match.slots) {
      if (slot.bound && slot.number.share) slot.unit = percent();
      strong = strong || (slot.bound && slot.strong);
    }
    std::optional<UnitRef> unit;
    if (share_rule) unit = percent();
    for (const Slot& slot : match.slots) {
      if (!unit && slot.bound && slot.strong) unit = slot.unit;
    }
    if (!unit && tail) unit = tail;
    for (const Slot& slot : match.slots) {
      if (!unit && slot.bound && slot.unit) unit = slot.unit;
    }
    if (!unit) unit = default_unit_ref(default_unit);
    for (const Slot& slot : match.slots) {
      if (slot.bound && slot.unit && slot.unit->canonical != unit->canonical) {
        fail("mixed units " + describe(*slot.unit) + " and " + describe(*unit));
      }
    }
    spread_scale(match);
    return reading(rule, match, *unit);
  }

  UnitRef default_unit_ref(std::string_view default_unit) const {
    const CanonicalUnit canonical = canonical_unit_in(table_, default_unit);
    return {std::string(default_unit), canonical.unit, canonical.factor, canonical.kind};
  }

  // "between 20 and 30 thousand" means 20 thousand to 30 thousand.
  static void spread_scale(Match& match) {
    Slot& low = match.slots[1];
    const Slot& high = match.slots[2];
    if (!low.bound || !high.bound || low.number.share || high.number.share) return;
    if (low.number.scale != 1 || high.number.scale == 1) return;
    if (low.number.value * high.number.scale <= high.number.value) {
      low.number.value *= high.number.scale;
      low.number.scale = high.number.scale;
    }
  }

  std::optional<double> bound_value(const q::Bound& bound, const Match& match, const UnitRef& unit) const {
    if (bound.infinite) return {};
    const auto value_of = [&](char var) {
      if (var == 's') return match.scale * unit.factor;
      const Slot& slot = match.slots[slot_index(var)];
      return slot.number.value * (slot.unit ? slot.unit->factor : unit.factor);
    };
    double value = bound.var ? bound.coef * value_of(bound.var) : bound.coef * unit.factor;
    if (bound.divisor) {
      const double divisor = value_of(bound.divisor);
      if (divisor == 0) fail("division by zero");
      value /= divisor;
    }
    if (!std::isfinite(value)) fail("the number is too large");
    return round12(value);
  }

  QuantityReading reading(const q::Rule& rule, const Match& match, const UnitRef& unit) const {
    QuantityReading result;
    result.phrase = std::string(phrase_);
    result.unit = unit.canonical;
    result.kind = !rule.kind.empty() ? rule.kind : unit.kind.empty() ? "count" : unit.kind;
    result.informative = rule.informative;
    result.rule = rule.pattern;
    Interval& interval = result.interval;
    interval.lo = bound_value(rule.lo, match, unit);
    interval.hi = bound_value(rule.hi, match, unit);
    interval.lo_open = rule.lo_open;
    interval.hi_open = rule.hi_open || !interval.hi;
    if (result.kind == "share") clamp_share(match, interval);
    if (interval.lo && interval.hi && *interval.lo > *interval.hi) {
      fail("the lower bound exceeds the upper bound");
    }
    return result;
  }

  // A share cannot exceed 100 percent unless the phrase says so ("120%").
  static void clamp_share(const Match& match, Interval& interval) {
    for (const Slot& slot : match.slots) {
      if (slot.bound && slot.number.value > 100) return;
    }
    if (interval.lo && *interval.lo > 100) return;
    if (!interval.hi || *interval.hi > 100) {
      interval.hi = 100;
      interval.hi_open = false;
    }
  }

  const QuantityReader::Table& table_;
  std::string_view phrase_;
  std::vector<q::Token> tokens_;
  std::map<std::tuple<std::size_t, std::size_t, bool>, std::optional<q::Number>> numbers_;
};

// The unit named by the whole of `text`; throws for text that is not a unit.
CanonicalUnit canonical_unit_in(const QuantityReader::Table& table, std::string_view text) {
  PhraseReader reader(table, text);
  if (const auto unit = reader.whole_unit()) return {unit->canonical, unit->factor, unit->kind};
  if (q::tokenize(text).empty()) return {"", 1, "count"};
  throw Error(ErrorCode::bad_input, "unknown unit '" + std::string(text) + "'");
}

void check_length(std::string_view phrase) {
  if (phrase.size() > kLongestPhrase) {
    throw Error(ErrorCode::bad_input, "quantity phrase is too long (" + std::to_string(phrase.size()) +
                                          " bytes; at most " + std::to_string(kLongestPhrase) + ")");
  }
}

}  // namespace

QuantityReader::QuantityReader(std::shared_ptr<const Table> table) : table_(std::move(table)) {}

const QuantityReader& QuantityReader::builtin() {
  static const QuantityReader reader = [] {
    auto table = std::make_shared<Table>();
    for (std::size_t i = 0; i < embedded::quantity_tables_count; ++i) {
      const auto& file = embedded::quantity_tables[i];
      q::apply_table(*table, file.contents, file.name, false);
    }
    return QuantityReader(std::move(table));
  }();
  return reader;
}

QuantityReader QuantityReader::from_table(std::string_view table_text, std::string_view name) {
  auto table = std::make_shared<Table>();
  q::apply_table(*table, table_text, name, false);
  return QuantityReader(std::move(table));
}

QuantityReader QuantityReader::with_overrides(std::string_view table_text, std::string_view name) const {
  auto table = std::make_shared<Table>(*table_);
  q::apply_table(*table, table_text, name, true);
  return QuantityReader(std::move(table));
}

QuantityReading QuantityReader::read(std::string_view phrase, std::string_view default_unit) const {
  check_length(phrase);
  return PhraseReader(*table_, phrase).read(default_unit);
}

std::optional<QuantityReading> QuantityReader::try_read(std::string_view phrase,
                                                        std::string_view default_unit) const {
  try {
    return read(phrase, default_unit);
  } catch (const Error& error) {
    if (error.code() != ErrorCode::bad_input) throw;
    return std::nullopt;
  }
}

CanonicalUnit QuantityReader::canonical_unit(std::string_view unit) const {
  check_length(unit);
  return canonical_unit_in(*table_, unit);
}

Interval QuantityReader::convert(const Interval& interval, std::string_view from, std::string_view to) const {
  const CanonicalUnit source = canonical_unit(from);
  const CanonicalUnit target = canonical_unit(to);
  if (source.unit != target.unit) {
    throw Error(ErrorCode::bad_input, "cannot convert '" + std::string(from) + "' (" + source.kind + ") to '" +
                                          std::string(to) + "' (" + target.kind + ")");
  }
  const double ratio = source.factor / target.factor;
  Interval result = interval;
  for (std::optional<double>* bound : {&result.lo, &result.hi}) {
    if (!*bound) continue;
    const double value = **bound * ratio;
    if (!std::isfinite(value)) throw Error(ErrorCode::bad_input, "the converted value is too large");
    *bound = round12(value);
  }
  return result;
}

}  // namespace claimdb
