#include "quantity/phrase.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "claimdb/error.hpp"

namespace claimdb::quantity {

namespace {

constexpr std::size_t kMostNumberTokens = 12;  // "four hundred and seventy-four thousand ..."
constexpr std::size_t kMostScaleWords = 4;     // "several hundred thousand"

std::size_t slot_index(char slot) { return slot == 'n' ? 0 : slot == 'a' ? 1 : 2; }

std::string describe(const UnitRef& unit) { return "'" + unit.name + "' (" + unit.kind + ")"; }

UnitRef unit_ref(std::string name, const UnitDef& unit) {
  return {std::move(name), unit.canonical, unit.factor, unit.kind};
}

// A counted noun, unless the table knows it as a unit ("kms" -> "km").
UnitRef noun_unit(const Table& table, const std::string& noun) {
  const auto found = table.units.find(noun);
  if (found != table.units.end()) return unit_ref(noun, found->second);
  return {noun, noun, 1, "count"};
}

// "between 20 and 30 thousand" means 20 thousand to 30 thousand.
template <typename Slots>
void spread_scale(Slots& slots) {
  auto& low = slots[1];
  const auto& high = slots[2];
  if (!low.bound || !high.bound || low.number.share || high.number.share) return;
  if (low.number.scale != 1 || high.number.scale == 1) return;
  if (low.number.value * high.number.scale <= high.number.value) {
    low.number.value *= high.number.scale;
    low.number.scale = high.number.scale;
  }
}

// A share cannot exceed 100 percent unless the phrase says so ("120%").
template <typename Slots>
void clamp_share(const Slots& slots, Interval& interval) {
  for (const auto& slot : slots) {
    if (slot.bound && slot.number.value > 100) return;
  }
  if (interval.lo && *interval.lo > 100) return;
  if (!interval.hi || *interval.hi > 100) {
    interval.hi = 100;
    interval.hi_open = false;
  }
}

// A rule whose interval is the constant 0 ("none", "not one"): zero of
// anything is zero, so it is a share only when nothing else is counted.
bool zero_rule(const Rule& rule) {
  return !rule.lo.var && !rule.hi.var && !rule.lo.infinite && !rule.hi.infinite && rule.lo.coef == 0 &&
         rule.hi.coef == 0 && rule.lo.more.empty() && rule.hi.more.empty();
}

// The word between "of" and a noun: "of the homes", "of all drones".
bool is_determiner(std::string_view word) {
  static const std::array<std::string_view, 6> kDeterminers{"the", "those", "these", "its", "their", "all"};
  return std::find(kDeterminers.begin(), kDeterminers.end(), word) != kDeterminers.end();
}

// A bound's value with each variable's value given: the sum of its terms.
template <typename ValueOf>
double term_value(const Bound& bound, const ValueOf& value_of, bool& division_by_zero) {
  double value = bound.coef;
  if (bound.var) value *= value_of(bound.var);
  if (bound.var2) value *= value_of(bound.var2);
  if (bound.divisor) {
    const double divisor = value_of(bound.divisor);
    if (divisor == 0) division_by_zero = true;
    else value /= divisor;
  }
  for (const Bound& more : bound.more) value += term_value(more, value_of, division_by_zero);
  return value;
}

}  // namespace

double round12(double value) {
  if (value == 0) return 0;
  char text[40];
  std::snprintf(text, sizeof text, "%.12g", value);
  return std::strtod(text, nullptr);
}

namespace {

// The phrase's tokens, with the dot of an abbreviated scale word ("Mio.",
// "тис.") taken into the word.
std::vector<Token> phrase_tokens(const Table& table, std::string_view phrase) {
  std::vector<Token> tokens = tokenize(phrase, table.format.groups.find(' ') != std::string::npos);
  if (table.abbreviations.empty()) return tokens;
  std::vector<Token> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    out.push_back(tokens[i]);
    if (tokens[i].kind == Token::Kind::word && i + 1 < tokens.size() && tokens[i + 1].text == "." &&
        !tokens[i + 1].spaced && table.abbreviations.count(tokens[i].text)) {
      out.back().end = tokens[i + 1].end;
      ++i;
    }
  }
  return out;
}

}  // namespace

PhraseReader::PhraseReader(const Table& table, std::string_view phrase, LanguageRef language)
    : table_(table),
      phrase_(phrase),
      language_(std::move(language)),
      tokens_(phrase_tokens(table, phrase)),
      units_(tokens_.size() + 1),
      nouns_(tokens_.size() + 1),
      numbers_(tokens_.size() * kMostNumberTokens * 2) {
  const auto percent = table.units.find("percent");
  percent_ = percent != table.units.end() ? unit_ref("percent", percent->second)
                                          : UnitRef{"percent", "percent", 1, "share"};
}

void PhraseReader::fail(const std::string& reason) const {
  std::string message = "cannot read quantity phrase '" + std::string(phrase_) + "'";
  if (language_.given) message += " in " + language_.tag;
  if (!reason.empty()) message += ": " + reason;
  throw Error(ErrorCode::bad_input, message);
}

QuantityReading PhraseReader::read(std::string_view default_unit) {
  // Quotes and brackets around the phrase: "(about 200)".
  start_ = 0;
  while (start_ < tokens_.size() &&
         (tokens_[start_].text == "(" || tokens_[start_].text == "\"" || tokens_[start_].text == "'")) {
    ++start_;
  }
  const Rule* best_rule = nullptr;
  std::optional<Match> best;
  for (const std::size_t index : candidate_rules(start_)) {
    const Rule& rule = table_.rules[index];
    std::optional<Match> found;
    Match current;
    match(rule, 0, start_, current, found);
    if (found && (!best || found->end > best->end)) {
      best = found;
      best_rule = &rule;
    }
  }
  if (!best) {
    // A figure written as another language writes it ("2,4" in English).
    for (std::size_t at = start_; at < tokens_.size(); ++at) {
      if (tokens_[at].kind != Token::Kind::number) continue;
      if (const auto reason = format_reason(tokens_[at].text, table_, language_)) fail(*reason);
    }
    fail();
  }
  QuantityReading result = evaluate(*best_rule, *best, default_unit);
  std::vector<std::string> warnings;
  for (std::size_t at = start_; at < best->end && at < tokens_.size(); ++at) {
    if (tokens_[at].kind != Token::Kind::number) continue;
    if (auto warning = ambiguity_warning(tokens_[at].text, table_, language_)) warnings.push_back(std::move(*warning));
  }
  warnings.insert(warnings.end(), warnings_.begin(), warnings_.end());
  result.warnings = std::move(warnings);
  result.language = language_.tag;
  result.counted = counted_;
  return result;
}

bool PhraseReader::relative(const Rule& rule) const { return rule.kind == "relative" || rule.kind == "share-of"; }

// The length of an "of" word at `at` ("of", "de", "d '"), or 0.
std::size_t PhraseReader::of_at(std::size_t at) const {
  if (at >= tokens_.size()) return 0;
  if (tokens_[at].text == "of") return 1;
  if (at + 1 < tokens_.size() && table_.of_words.count(join(tokens_, at, at + 2))) return 2;
  return table_.of_words.count(tokens_[at].text) ? 1 : 0;
}

// The length of a determiner at `at` ("the", "les", "l '"), or 0.
std::size_t PhraseReader::determiner_at(std::size_t at) const {
  if (at >= tokens_.size()) return 0;
  if (is_determiner(tokens_[at].text)) return 1;
  if (at + 1 < tokens_.size() && table_.determiners.count(join(tokens_, at, at + 2))) return 2;
  return table_.determiners.count(tokens_[at].text) ? 1 : 0;
}

// A counted noun where the expected unit counts something: a noun the
// table lists as counting the same thing ("counts person marcher, ...") is
// read in the expected unit ("62,000 marchers" where people are counted is
// 62000 person; "200 Shaheds" where drones are counted is 200 drone). Any
// other noun stays its own unit, kept apart ("30 missiles" where drones are
// counted, "3 ambulances"), and the reading says so in a warning.
void PhraseReader::count_thing(UnitRef& unit, std::string_view default_unit) {
  if (default_unit.empty() || unit.kind != "count" || unit.canonical.empty() || unit.name == default_unit) return;
  if (table_.units.count(unit.canonical)) return;  // a unit of the table, not a counted noun
  CanonicalUnit want;
  try {
    want = canonical_unit_in(table_, default_unit);
  } catch (const Error&) {
    return;
  }
  if (want.kind != "count" || want.unit.empty() || want.unit == unit.canonical) return;
  // The thing a noun counts: its "counts" record, or itself when it is a
  // thing of the table; "" when the table does not know it.
  const auto thing_of = [&](const std::string& noun, const std::string& as_written) -> std::string {
    if (auto found = table_.counts.find(noun); found != table_.counts.end()) return found->second;
    if (auto found = table_.counts.find(as_written); found != table_.counts.end()) return found->second;
    if (table_.things.count(noun)) return noun;
    return "";
  };
  const std::string noun_thing = thing_of(unit.canonical, unit.name);
  std::string want_thing = thing_of(want.unit, std::string(default_unit));
  if (want_thing.empty()) want_thing = want.unit;
  if (noun_thing == want_thing) {
    counted_ = unit.name;
    unit = {unit.name, want.unit, 1, "count"};
    return;
  }
  warnings_.push_back("'" + unit.name + "' counts " + (noun_thing.empty() ? unit.canonical : noun_thing) +
                      ", not " + want_thing + " as expected: kept apart from " + want.unit + " figures");
}

std::optional<UnitRef> PhraseReader::whole_unit() {
  if (const auto& unit = unit_at(0); unit && unit->end == tokens_.size()) return unit->unit;
  if (const auto& noun = noun_at(0); noun && noun->end == tokens_.size()) return noun->unit;
  return {};
}

// Indexes of the rules that may match from token `start`, in table order.
std::vector<std::size_t> PhraseReader::candidate_rules(std::size_t start) const {
  std::vector<std::size_t> candidates = table_.rules_starting_with_slot;
  if (start >= tokens_.size()) return candidates;
  const auto found = table_.rules_by_first_word.find(tokens_[start].text);
  if (found == table_.rules_by_first_word.end()) return candidates;
  const auto middle = static_cast<std::ptrdiff_t>(candidates.size());
  candidates.insert(candidates.end(), found->second.begin(), found->second.end());
  std::inplace_merge(candidates.begin(), candidates.begin() + middle, candidates.end());
  return candidates;
}

// Tries every way the rule's pattern can match from pattern token `at` and
// phrase token `next`; keeps the one consuming the most tokens in `best`.
void PhraseReader::match(const Rule& rule, std::size_t at, std::size_t next, Match& current,
                         std::optional<Match>& best) {
  if (at == rule.tokens.size()) {
    if (!best || next > best->end) {
      best = current;
      best->end = next;
    }
    return;
  }
  const PatternToken& pattern = rule.tokens[at];
  if (pattern.slot == 0) {
    if (next < tokens_.size() && tokens_[next].text == pattern.word) {
      match(rule, at + 1, next + 1, current, best);
    }
    return;
  }
  if (pattern.slot != 's' && pattern.slot != 'S') {
    match_number(rule, at, next, current, best);
    return;
  }
  // {scale}: one or more singular scale words; {scales}: one plural.
  const bool plural = pattern.slot == 'S';
  double factor = 1;
  for (std::size_t end = next; end < tokens_.size() && end - next < (plural ? 1 : kMostScaleWords); ++end) {
    const auto found = table_.scales.find(tokens_[end].text);
    if (tokens_[end].kind != Token::Kind::word || found == table_.scales.end() ||
        found->second.plural != plural) {
      return;
    }
    factor *= found->second.value;
    current.scale = factor;
    match(rule, at + 1, end + 1, current, best);
  }
}

void PhraseReader::match_number(const Rule& rule, std::size_t at, std::size_t next, Match& current,
                                std::optional<Match>& best) {
  Slot& slot = current.slots[slot_index(rule.tokens[at].slot)];
  const UnitRef* currency = nullptr;
  std::size_t start = next;
  if (const auto& prefix = unit_at(next);
      prefix && prefix->unit.kind == "currency" && tokens_[prefix->end - 1].kind == Token::Kind::symbol) {
    currency = &prefix->unit;
    start = prefix->end;
  }
  const bool more_pattern = at + 1 < rule.tokens.size();
  for (std::size_t end = std::min(tokens_.size(), start + kMostNumberTokens); end > start; --end) {
    const auto& value = number(start, end, currency != nullptr);
    if (!value) continue;
    slot = Slot{true, *value, currency, currency != nullptr || value->share};
    match(rule, at + 1, end, current, best);
    if (more_pattern && !slot.strong) {
      // A unit between this number and the rest of the pattern: "5 km to 8 km", "200 drones or more".
      if (const auto& unit = unit_at(end)) {
        slot.unit = &unit->unit;
        match(rule, at + 1, unit->end, current, best);
      } else if (const auto& noun = noun_at(end)) {
        slot.unit = &noun->unit;
        match(rule, at + 1, noun->end, current, best);
      }
    }
    slot = Slot{};
  }
}

// The longest unit name starting at `at`.
const std::optional<PhraseReader::Found>& PhraseReader::unit_at(std::size_t at) {
  static const std::optional<Found> kNone;
  if (at >= tokens_.size()) return kNone;
  auto& cached = units_[at];
  if (cached) return *cached;
  cached.emplace();
  for (std::size_t length = std::min(table_.longest_unit, tokens_.size() - at); length > 0; --length) {
    std::string name = join(tokens_, at, at + length);
    const auto found = table_.units.find(name);
    if (found == table_.units.end()) continue;
    *cached = Found{unit_ref(std::move(name), found->second), at + length};
    break;
  }
  return *cached;
}

const std::optional<PhraseReader::Found>& PhraseReader::noun_at(std::size_t at) {
  static const std::optional<Found> kNone;
  if (at >= tokens_.size()) return kNone;
  auto& cached = nouns_[at];
  if (cached) return *cached;
  cached.emplace();
  if (const auto noun = read_noun(tokens_, at, table_)) {
    UnitRef unit = noun_unit(table_, noun->unit);
    if (unit.kind == "count" && table_.counts.count(noun->head) && !table_.counts.count(noun->unit)) {
      unit.name = noun->head;  // as listed in the table ("gens", "людей")
    }
    *cached = Found{std::move(unit), noun->end};
  }
  return *cached;
}

const std::optional<Number>& PhraseReader::number(std::size_t begin, std::size_t end, bool money) {
  auto& cached = numbers_[(begin * kMostNumberTokens + (end - begin - 1)) * 2 + (money ? 1 : 0)];
  if (!cached) cached = read_number(tokens_, begin, end, table_, money);
  return *cached;
}

bool PhraseReader::starts_number(std::size_t at) {
  for (std::size_t end = at + 1; end <= std::min(tokens_.size(), at + kMostNumberTokens); ++end) {
    if (number(at, end, false)) return true;
  }
  return false;
}

// One past the figure starting at `at` ("3", "four hundred", "a third",
// "$5m", "dozens"; with `phrases`, also a rule with a number or a scale word:
// "about 30", "a few hundred"), or `at` when no figure starts there.
std::size_t PhraseReader::figure_end(std::size_t at, bool phrases) {
  if (at >= tokens_.size()) return at;
  std::size_t start = at;
  bool money = false;
  if (const auto& prefix = unit_at(at);
      prefix && prefix->unit.kind == "currency" && tokens_[prefix->end - 1].kind == Token::Kind::symbol) {
    start = prefix->end;
    money = true;
  }
  for (std::size_t end = std::min(tokens_.size(), start + kMostNumberTokens); end > start; --end) {
    if (number(start, end, money)) return end;
  }
  const Token& token = tokens_[at];
  if (token.kind == Token::Kind::word && table_.scales.count(token.text)) return at + 1;
  if (!phrases) return at;
  std::size_t end = at;
  for (const std::size_t index : candidate_rules(at)) {
    std::optional<Match> found;
    Match current;
    match(table_.rules[index], 0, at, current, found);
    const bool figure = found && (found->scale != 1 || std::any_of(found->slots.begin(), found->slots.end(),
                                                                   [](const Slot& slot) { return slot.bound; }));
    if (figure) end = std::max(end, found->end);
  }
  return end;
}

// Tokens [begin, end) as written in the phrase, for messages.
std::string PhraseReader::text_of(std::size_t begin, std::size_t end) const {
  if (begin >= end || end > tokens_.size()) return "";
  return std::string(phrase_.substr(tokens_[begin].begin, tokens_[end - 1].end - tokens_[begin].begin));
}

// "per hour", "/h", "a day", "each week": a rate, which an interval cannot hold.
void PhraseReader::check_not_rate(std::size_t at) {
  if (at >= tokens_.size()) return;
  const std::string& word = tokens_[at].text;
  bool rate = word == "per" || word == "/";
  if (word == "a" || word == "an" || word == "each" || word == "every") {
    const auto& unit = unit_at(at + 1);
    rate = unit && unit->unit.kind == "duration";
  }
  if (rate) fail("rates such as 'per hour' are not supported");
}

// "2 drones 3 missiles", "7 women and 3 men", "5 km, 3 miles": a second
// figure after the unit (or after the figure, at `at`), directly or after
// "and", "or", "&", a comma or a semicolon, would be dropped; the phrase is
// refused instead. Nouns sharing one figure ("474 drones and missiles"), the
// population of a unit ("40% of homes") and what happened to the counted
// things ("20 people killed and 30 injured") are looked past.
void PhraseReader::check_one_figure(std::size_t at) {
  const auto joiner = [&](std::size_t i) {
    const std::string& word = tokens_[i].text;
    return word == "and" || word == "or" || word == "&" || word == "," || word == ";" ||
           table_.conjunctions.count(word) > 0;
  };
  while (at < tokens_.size()) {
    const bool joined = joiner(at);
    std::size_t next = at;
    while (next < tokens_.size() && joiner(next)) ++next;  // ", and"
    // After a joiner any figure counts ("and about 30 missiles"); directly
    // after the unit only a number does ("200 drones over 3 days" is fine).
    if (const std::size_t end = figure_end(next, joined); end > next) {
      fail("a second figure '" + text_of(next, end) + "' follows '" + text_of(start_, at) + "'");
    }
    const Token& token = tokens_[at];
    if (const std::size_t of = of_at(at)) {
      next = at + of;
      next += determiner_at(next);
    } else if (!joined) {
      if (token.kind != Token::Kind::word || !is_predicate(token.text)) return;
      ++at;
      continue;
    }
    if (const auto& unit = unit_at(next)) {
      at = unit->end;
    } else if (const auto& noun = noun_at(next)) {
      at = noun->end;
    } else {
      return;
    }
  }
}

// The unit named after the matched part: "drones", "km", "% of homes".
// Refuses what looks like more of a quantity ("200 300", "200 or so",
// "nearly 200 - 300") rather than ignoring it.
std::optional<UnitRef> PhraseReader::read_tail(std::size_t at) {
  if (at >= tokens_.size()) return {};
  if (const auto& unit = unit_at(at)) {
    check_not_rate(unit->end);
    // "10s of thousands" is not ten seconds.
    const std::size_t next = unit->end + 1;
    if (next < tokens_.size() && of_at(unit->end) == 1 &&
        (starts_number(next) || table_.scales.count(tokens_[next].text))) {
      fail();
    }
    check_one_figure(unit->end);
    return unit->unit;
  }
  const Token& first = tokens_[at];
  check_not_rate(at);
  if (first.text == "or" || first.text == "and" || first.text == "to" || starts_number(at) ||
      table_.scales.count(first.text) || table_.fractions.count(first.text)) {
    fail();
  }
  if (first.text == "-") {
    // "300-metre", "10-fold"; but "nearly 200 - 300" is a range the table does not know.
    if (starts_number(at + 1)) fail();
    if (at + 1 < tokens_.size() && tokens_[at + 1].kind == Token::Kind::word) return read_tail(at + 1);
    return {};
  }
  if (first.kind == Token::Kind::symbol) {
    if (is_punctuation(first)) {
      check_one_figure(at);  // "200, 300"
      return {};
    }
    fail("unknown unit '" + first.text + "'");
  }
  at += of_at(at);
  at += determiner_at(at);
  if (const auto& unit = unit_at(at)) {
    check_not_rate(unit->end);
    check_one_figure(unit->end);
    return unit->unit;
  }
  if (const auto& noun = noun_at(at)) {
    check_not_rate(noun->end);
    check_one_figure(noun->end);
    return noun->unit;
  }
  return {};
}

// The expected unit (the property's) says what is measured: a phrase in
// another dimension ("300 km" where drones are counted) is refused. A share
// is a proportion of whatever is measured and fits any property; an expected
// unit that is not a unit at all is left to whoever needs it.
void PhraseReader::check_expected_unit(const UnitRef& unit, std::string_view expected) const {
  if (expected.empty() || unit.canonical == percent_.canonical) return;
  CanonicalUnit want;
  try {
    want = canonical_unit_in(table_, expected);
  } catch (const Error&) {
    return;
  }
  const std::string kind = unit.kind.empty() ? "count" : unit.kind;
  if (want.unit.empty() || kind == want.kind) return;
  fail("unit " + describe(unit) + " does not match the expected unit '" + std::string(expected) + "' (" +
       want.kind + ")");
}

// Picks the unit (share rule, currency or fraction, the words after, a unit
// inside the pattern, the default) and checks that all units agree.
QuantityReading PhraseReader::evaluate(const Rule& rule, Match& match, std::string_view default_unit) {
  std::optional<UnitRef> tail = read_tail(match.end);
  if (relative(rule)) {
    // "twelve times less than the 90,000", "a quarter of the 60,000", "up 20%
    // from 400": {a} is a factor, the unit is that of {b}.
    Slot& factor = match.slots[1];
    const bool share = factor.number.share || (factor.unit && factor.unit->canonical == percent_.canonical);
    if (rule.kind == "share-of" && !share) fail("'" + rule.pattern + "' needs a share such as 'a quarter' or '20%'");
    if (rule.kind == "relative" && share) fail("'" + rule.pattern + "' needs a number of times, not a share");
    factor.unit = nullptr;
    factor.strong = false;
  }
  for (Slot& slot : match.slots) {
    if (slot.bound && slot.number.share && !(relative(rule) && &slot == &match.slots[1])) slot.unit = &percent_;
  }
  const UnitRef* unit = rule.kind == "share" ? &percent_ : nullptr;
  // "none" of a count property is 0 drones, not 0 percent: a zero share
  // takes the unit said after it or the property's unit when there is one.
  UnitRef zero_unit;
  if (unit && zero_rule(rule)) {
    if (tail) {
      unit = &*tail;
    } else if (!default_unit.empty()) {
      const CanonicalUnit canonical = canonical_unit_in(table_, default_unit);
      zero_unit = {std::string(default_unit), canonical.unit, canonical.factor, canonical.kind};
      unit = &zero_unit;
    }
  }
  for (const Slot& slot : match.slots) {
    if (!unit && slot.bound && slot.strong) unit = slot.unit;
  }
  if (!unit && tail) unit = &*tail;
  for (const Slot& slot : match.slots) {
    if (!unit && slot.bound && slot.unit) unit = slot.unit;
  }
  UnitRef fallback;
  if (!unit) {
    const CanonicalUnit canonical = canonical_unit_in(table_, default_unit);
    fallback = {std::string(default_unit), canonical.unit, canonical.factor, canonical.kind};
    unit = &fallback;
  }
  for (const Slot& slot : match.slots) {
    if (slot.bound && slot.unit && slot.unit->canonical != unit->canonical) {
      fail("mixed units " + describe(*slot.unit) + " and " + describe(*unit));
    }
  }
  check_expected_unit(*unit, default_unit);
  UnitRef counted = *unit;
  count_thing(counted, default_unit);
  if (counted.canonical != unit->canonical) {
    for (Slot& slot : match.slots) {
      if (slot.unit && slot.unit->canonical == unit->canonical) slot.unit = nullptr;
    }
    fallback = counted;
    unit = &fallback;
  }
  if (!relative(rule)) spread_scale(match.slots);
  return reading(rule, match, *unit);
}

std::optional<double> PhraseReader::bound_value(const Bound& bound, const Match& match,
                                                const UnitRef& unit) const {
  if (bound.infinite) return {};
  const bool factor_a = relative(*current_rule_);
  const auto value_of = [&](char var) {
    if (var == 's') return match.scale * unit.factor;
    const Slot& slot = match.slots[slot_index(var)];
    if (factor_a && var == 'a') return slot.number.value;  // a pure number of times, or a share in percent
    return slot.number.value * (slot.unit ? slot.unit->factor : unit.factor);
  };
  bool division_by_zero = false;
  double value = 0;
  if (bound.var || !bound.more.empty()) {
    value = term_value(bound, value_of, division_by_zero);
  } else {
    value = bound.coef * unit.factor;
  }
  if (division_by_zero) fail("division by zero");
  if (!std::isfinite(value)) fail("the number is too large");
  return round12(value);
}

QuantityReading PhraseReader::reading(const Rule& rule, const Match& match, const UnitRef& unit) const {
  current_rule_ = &rule;
  QuantityReading result;
  result.phrase = std::string(phrase_);
  result.unit = unit.canonical;
  // A forced share kind holds only when the unit is percent (see zero_rule).
  const bool forced = !rule.kind.empty() && !relative(rule) &&
                      (rule.kind != "share" || unit.canonical == percent_.canonical);
  result.kind = forced ? rule.kind : unit.kind.empty() ? "count" : unit.kind;
  result.informative = rule.informative;
  result.rule = rule.pattern;
  Interval& interval = result.interval;
  interval.lo = bound_value(rule.lo, match, unit);
  interval.hi = bound_value(rule.hi, match, unit);
  interval.lo_open = rule.lo_open;
  interval.hi_open = rule.hi_open || !interval.hi;
  if (result.kind == "share") clamp_share(match.slots, interval);
  if (interval.lo && *interval.lo < 0) fail("the figure is negative");
  if (interval.lo && interval.hi && *interval.lo > *interval.hi) {
    fail("the lower bound exceeds the upper bound");
  }
  // "nearly 0", "fewer than 0": an empty interval would conflict with everything.
  if (interval.lo && interval.hi && *interval.lo == *interval.hi && (interval.lo_open || interval.hi_open)) {
    fail("the phrase allows no value");
  }
  return result;
}

CanonicalUnit canonical_unit_in(const Table& table, std::string_view text) {
  PhraseReader reader(table, text);
  if (const auto unit = reader.whole_unit()) return {unit->canonical, unit->factor, unit->kind};
  if (tokenize(text).empty()) return {"", 1, "count"};
  throw Error(ErrorCode::bad_input, "unknown unit '" + std::string(text) + "'");
}

}  // namespace claimdb::quantity
