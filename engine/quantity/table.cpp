#include "quantity/table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <set>

#include "claimdb/error.hpp"
#include "quantity/tokens.hpp"

namespace claimdb::quantity {

namespace {

// Where in which table a line is, and how to complain about it.
struct LineRef {
  std::string_view name;  // table name
  std::int64_t line = 0;  // 1-based line number

  [[noreturn]] void fail(const std::string& message) const {
    Location where;
    where.file = std::string(name);
    where.line = line;
    throw Error(ErrorCode::bad_input, message, where);
  }
};

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// Fields separated by one or more tabs.
std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t at = 0;
  while (at <= line.size()) {
    const auto tab = line.find('\t', at);
    const auto field = trim(line.substr(at, tab == std::string_view::npos ? line.npos : tab - at));
    if (!field.empty()) fields.push_back(field);
    if (tab == std::string_view::npos) break;
    at = tab + 1;
  }
  return fields;
}

std::vector<std::string_view> split_on(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t at = 0;
  while (true) {
    const auto next = text.find(separator, at);
    parts.push_back(trim(text.substr(at, next == std::string_view::npos ? text.npos : next - at)));
    if (next == std::string_view::npos) return parts;
    at = next + 1;
  }
}

// A plain decimal ("1609.344", "1e6") or a ratio of two ("100/3").
std::optional<double> parse_decimal(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return {};
  return value;
}

std::optional<double> parse_ratio(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return parse_decimal(text);
  const auto numerator = parse_decimal(trim(text.substr(0, slash)));
  const auto denominator = parse_decimal(trim(text.substr(slash + 1)));
  if (!numerator || !denominator || *denominator == 0) return {};
  const double value = *numerator / *denominator;
  if (!std::isfinite(value)) return {};
  return value;
}

double positive_number(std::string_view text, const LineRef& at) {
  const auto value = parse_ratio(text);
  if (!value || *value <= 0) {
    at.fail("bad number '" + std::string(text) +
            "' (expected a positive number such as 1000, 0.3048 or 100/3)");
  }
  return *value;
}

bool is_variable(char c) { return c == 'n' || c == 'a' || c == 'b' || c == 's'; }

// One term: "0.9n", "n", "100/3", "3s", "100a/b", "0.01a*b".
Bound parse_term(std::string_view text, std::string_view interval, const LineRef& at) {
  const auto bad = [&]() {
    at.fail("bad bound '" + std::string(text) + "' in interval '" + std::string(interval) +
            "' (expected a number, a multiple of n, a, b or s such as 0.9n, or inf)");
  };
  Bound bound;
  std::size_t var_at = 0;
  while (var_at < text.size() && !is_variable(text[var_at])) ++var_at;
  std::string_view coef = trim(text.substr(0, var_at));
  if (!coef.empty() && coef.back() == '*') coef = trim(coef.substr(0, coef.size() - 1));
  if (var_at == text.size()) {
    const auto value = parse_ratio(coef);
    if (!value || *value < 0) bad();
    bound.coef = *value;
    return bound;
  }
  if (!coef.empty()) {
    const auto value = parse_decimal(coef);
    if (!value || *value < 0) bad();
    bound.coef = *value;
  }
  bound.var = text[var_at];
  std::string_view rest = trim(text.substr(var_at + 1));
  if (rest.size() >= 2 && rest[0] == '*' && is_variable(rest[1])) {
    bound.var2 = rest[1];
    rest = trim(rest.substr(2));
  }
  if (!rest.empty()) {
    if (rest.size() != 2 || rest[0] != '/' || !is_variable(rest[1])) bad();
    bound.divisor = rest[1];
  }
  return bound;
}

// "0.9n", "n", "100/3", "inf", or terms added and subtracted: "b+0.01a*b".
Bound parse_bound(std::string_view text, std::string_view interval, const LineRef& at) {
  if (text == "inf") {
    Bound bound;
    bound.infinite = true;
    return bound;
  }
  std::vector<std::pair<char, std::string_view>> terms;
  std::size_t start = 0;
  char sign = '+';
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] != '+' && text[i] != '-') continue;
    terms.emplace_back(sign, trim(text.substr(start, i - start)));
    sign = text[i];
    start = i + 1;
  }
  terms.emplace_back(sign, trim(text.substr(start)));
  Bound first = parse_term(terms.front().second, interval, at);
  for (std::size_t i = 1; i < terms.size(); ++i) {
    Bound term = parse_term(terms[i].second, interval, at);
    if (terms[i].first == '-') term.coef = -term.coef;
    first.more.push_back(term);
  }
  return first;
}

void parse_interval(std::string_view text, Rule& rule, const LineRef& at) {
  const auto bad = [&](const std::string& why) {
    at.fail("bad interval '" + std::string(text) + "': " + why);
  };
  if (text.front() != '[' && text.front() != '(') {
    rule.lo = rule.hi = parse_bound(text, text, at);
    if (rule.lo.infinite) bad("a single value cannot be inf");
    return;
  }
  if (text.back() != ']' && text.back() != ')') bad("expected it to end with ']' or ')'");
  const auto parts = split_on(text.substr(1, text.size() - 2), ',');
  if (parts.size() != 2) bad("expected two bounds separated by a comma");
  rule.lo_open = text.front() == '(';
  rule.hi_open = text.back() == ')';
  rule.lo = parse_bound(parts[0], text, at);
  rule.hi = parse_bound(parts[1], text, at);
  if (rule.lo.infinite) bad("the lower bound cannot be inf");
  if (rule.hi.infinite && !rule.hi_open) bad("an inf upper bound must be open: write 'inf)'");
}

// Splits a pattern into literal tokens and slots ({n}, {a}, {b}, {scale}, {scales}).
std::vector<PatternToken> parse_pattern(std::string_view pattern, const LineRef& at) {
  std::vector<PatternToken> tokens;
  std::set<char> seen;
  std::size_t at_char = 0;
  while (at_char < pattern.size()) {
    const auto open = pattern.find('{', at_char);
    const auto literal =
        pattern.substr(at_char, open == std::string_view::npos ? pattern.npos : open - at_char);
    for (const Token& token : tokenize(literal)) tokens.push_back({token.text, 0});
    if (open == std::string_view::npos) break;
    const auto close = pattern.find('}', open);
    if (close == std::string_view::npos) at.fail("unclosed '{' in pattern '" + std::string(pattern) + "'");
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    char slot = 0;
    if (name == "n" || name == "a" || name == "b") {
      slot = name[0];
    } else if (name == "scale") {
      slot = 's';
    } else if (name == "scales") {
      slot = 'S';
    } else {
      at.fail("unknown placeholder '{" + std::string(name) + "}' in pattern '" + std::string(pattern) +
              "' (expected {n}, {a}, {b}, {scale} or {scales})");
    }
    const char key = slot == 'S' ? 's' : slot;
    if (!seen.insert(key).second) {
      at.fail("placeholder '{" + std::string(name) + "}' repeated in pattern '" + std::string(pattern) + "'");
    }
    tokens.push_back({"", slot});
    at_char = close + 1;
  }
  if (tokens.empty()) at.fail("empty pattern");
  return tokens;
}

std::string pattern_key(const std::vector<PatternToken>& tokens) {
  std::string key;
  for (const PatternToken& token : tokens) {
    if (!key.empty()) key += ' ';
    switch (token.slot) {
      case 0:
        key += token.word;
        break;
      case 's':
        key += "{scale}";
        break;
      case 'S':
        key += "{scales}";
        break;
      default:
        key += std::string("{") + token.slot + "}";
    }
  }
  return key;
}

void check_variables(const Rule& rule, const LineRef& at) {
  const auto has_slot = [&](char var) {
    return std::any_of(rule.tokens.begin(), rule.tokens.end(), [&](const PatternToken& token) {
      return token.slot == var || (var == 's' && token.slot == 'S');
    });
  };
  std::vector<const Bound*> bounds{&rule.lo, &rule.hi};
  for (const Bound& term : rule.lo.more) bounds.push_back(&term);
  for (const Bound& term : rule.hi.more) bounds.push_back(&term);
  for (const Bound* bound : bounds) {
    for (char var : {bound->var, bound->var2, bound->divisor}) {
      if (var == 0 || has_slot(var)) continue;
      const std::string slot = var == 's' ? "{scale}" : std::string("{") + var + "}";
      at.fail(std::string("the interval uses '") + var + "' but the pattern '" + rule.pattern + "' has no " +
              slot);
    }
  }
}

void expect_fields(const std::vector<std::string_view>& fields, std::size_t least, std::size_t most,
                   const LineRef& at) {
  if (fields.size() >= least && fields.size() <= most) return;
  // Built step by step: g++ 12 warns (-Wrestrict) about "'" + std::string(...) here.
  std::string message(1, '\'');
  message.append(fields[0]).append("' takes ").append(std::to_string(least - 1));
  if (least != most) message.append(" to ").append(std::to_string(most - 1));
  message.append(" fields after it, got ").append(std::to_string(fields.size() - 1));
  at.fail(message);
}

// A scale or fraction word: one word token.
std::string single_word(std::string_view text, const LineRef& at) {
  const auto tokens = tokenize(text);
  if (tokens.size() != 1 || tokens[0].kind != Token::Kind::word) {
    at.fail("'" + std::string(text) + "' is not a single word");
  }
  return tokens[0].text;
}

// Collects a table's rules so that overrides can go first.
struct Pending {
  std::vector<Rule> rules;         // new rules in file order
  std::set<std::string> replaced;  // patterns that new rules or removals take away from the old table
};

void read_rule(const std::vector<std::string_view>& fields, Table& table, Pending& pending, bool is_override,
               const LineRef& at) {
  expect_fields(fields, 3, 5, at);
  std::string kind;
  bool informative = true;
  if (fields.size() >= 4 && fields[3] != "-") kind = std::string(fields[3]);
  if (fields.size() == 5) {
    if (fields[4] == "uninformative") {
      informative = false;
    } else if (fields[4] != "informative") {
      at.fail("expected 'informative' or 'uninformative', got '" + std::string(fields[4]) + "'");
    }
  }
  for (std::string_view alternative : split_on(fields[1], '|')) {
    Rule rule;
    rule.tokens = parse_pattern(alternative, at);
    rule.pattern = pattern_key(rule.tokens);
    rule.kind = kind;
    rule.informative = informative;
    rule.origin = std::string(at.name);
    rule.line = at.line;
    const auto same = [&](const Rule& other) { return other.pattern == rule.pattern; };
    const auto earlier = std::find_if(pending.rules.begin(), pending.rules.end(), same);
    if (earlier != pending.rules.end()) {
      at.fail("duplicate rule '" + rule.pattern + "' (first at line " + std::to_string(earlier->line) + ")");
    }
    const auto old = std::find_if(table.rules.begin(), table.rules.end(), same);
    if (fields[2] == "-") {
      if (old == table.rules.end()) at.fail("no rule '" + rule.pattern + "' to remove");
      pending.replaced.insert(rule.pattern);
      continue;
    }
    if (old != table.rules.end() && !is_override) {
      at.fail("duplicate rule '" + rule.pattern + "' (first at " + old->origin + ":" +
              std::to_string(old->line) + ")");
    }
    parse_interval(fields[2], rule, at);
    check_variables(rule, at);
    if (old != table.rules.end()) pending.replaced.insert(rule.pattern);
    pending.rules.push_back(std::move(rule));
  }
}

// A scale or fraction word; a scale word may end in "." (an abbreviation:
// "Mio.", whose dot the reader then takes with it).
std::string multiplier_word(std::string_view text, Table& table, bool scale, const LineRef& at) {
  std::string_view word = text;
  const bool dot = scale && word.size() > 1 && word.back() == '.';
  if (dot) word.remove_suffix(1);
  std::string key = single_word(word, at);
  if (dot) table.abbreviations.insert(key);
  return key;
}

// scale WORD[, WORD...] PLURAL[, PLURAL...]|- FACTOR [counted]; fraction WORD PLURAL|- PERCENT.
void read_multiplier(const std::vector<std::string_view>& fields, std::map<std::string, Multiplier>& words,
                     Table& table, bool scale, const LineRef& at) {
  expect_fields(fields, 4, scale ? 5 : 4, at);
  bool counted_plural = false;
  if (fields.size() == 5) {
    if (fields[4] != "counted") at.fail("expected 'counted' (plurals may follow a number), got '" + std::string(fields[4]) + "'");
    counted_plural = true;
  }
  const double value = positive_number(fields[3], at);
  for (std::string_view name : split_on(fields[1], ',')) words[multiplier_word(name, table, scale, at)] = {value, false, true};
  if (fields[2] != "-") {
    for (std::string_view name : split_on(fields[2], ','))
      words[multiplier_word(name, table, scale, at)] = {value, true, counted_plural};
  }
}

// Names separated by commas, each tokenized and joined by single spaces
// ("d '", "quatre - vingts").
std::vector<std::string> token_names(std::string_view field, const LineRef& at) {
  std::vector<std::string> names;
  for (std::string_view name : split_on(field, ',')) {
    const auto tokens = tokenize(name);
    if (tokens.empty()) at.fail("empty name in '" + std::string(field) + "'");
    names.push_back(join(tokens, 0, tokens.size()));
  }
  return names;
}

void read_words(const std::vector<std::string_view>& fields, std::set<std::string>& words, const LineRef& at) {
  expect_fields(fields, 2, 2, at);
  for (auto& name : token_names(fields[1], at)) words.insert(std::move(name));
}

void read_number_words(const std::vector<std::string_view>& fields, Table& table, const LineRef& at) {
  expect_fields(fields, 3, 3, at);
  const double value = positive_number(fields[2], at);
  for (std::string_view name : split_on(fields[1], ',')) {
    const auto tokens = tokenize(name);
    if (tokens.empty() || tokens.front().kind != Token::Kind::word) {
      at.fail("number word '" + std::string(name) + "' must start with a letter");
    }
    table.numbers[join(tokens, 0, tokens.size())] = value;
    table.longest_number = std::max(table.longest_number, tokens.size());
  }
}

void read_format(const std::vector<std::string_view>& fields, Table& table, const LineRef& at) {
  if (fields.size() < 3) at.fail("'format' takes a setting (decimal, group or head) and its value");
  const std::string_view setting = fields[1];
  if (setting == "decimal") {
    expect_fields(fields, 3, 3, at);
    if (fields[2] != "," && fields[2] != ".") at.fail("the decimal mark must be ',' or '.'");
    table.format.decimal = fields[2][0];
    // The mark can no longer separate groups (a 'group' line may follow).
    const auto at_mark = table.format.groups.find(table.format.decimal);
    if (at_mark != std::string::npos) table.format.groups.erase(at_mark, 1);
  } else if (setting == "group") {
    std::string groups;
    for (std::size_t i = 2; i < fields.size(); ++i) {
      if (fields[i] == "," || fields[i] == ".") {
        groups += fields[i][0];
      } else if (fields[i] == "space") {
        groups += ' ';
      } else {
        at.fail("unknown group mark '" + std::string(fields[i]) + "' (expected ',', '.' or space)");
      }
    }
    table.format.groups = groups;
  } else if (setting == "head") {
    expect_fields(fields, 3, 3, at);
    if (fields[2] != "first" && fields[2] != "last") at.fail("'format head' is first or last");
    table.format.head_first = fields[2] == "first";
  } else {
    at.fail("unknown format setting '" + std::string(setting) + "' (expected decimal, group or head)");
  }
  if (table.format.groups.find(table.format.decimal) != std::string::npos) {
    at.fail(std::string("'") + table.format.decimal + "' cannot be both the decimal mark and a group mark");
  }
}

void read_counts(const std::vector<std::string_view>& fields, Table& table, const LineRef& at) {
  expect_fields(fields, 3, 3, at);
  const std::string thing = single_word(fields[1], at);
  table.things.insert(thing);
  for (auto& name : token_names(fields[2], at)) table.counts[name] = thing;
}

void read_unit(const std::vector<std::string_view>& fields, Table& table, bool is_override,
               std::map<std::string, std::int64_t>& names_here, const LineRef& at) {
  expect_fields(fields, 5, 5, at);
  UnitDef unit;
  unit.factor = positive_number(fields[2], at);
  unit.canonical = std::string(fields[3]);
  unit.kind = std::string(fields[4]);
  unit.origin = std::string(at.name);
  unit.line = at.line;
  for (std::string_view name : split_on(fields[1], ',')) {
    const auto tokens = tokenize(name);
    if (tokens.empty()) at.fail("empty unit name in '" + std::string(fields[1]) + "'");
    if (tokens.front().kind == Token::Kind::number) {
      at.fail("unit name '" + std::string(name) + "' starts with a digit");
    }
    const std::string key = join(tokens, 0, tokens.size());
    const auto [earlier, fresh] = names_here.emplace(key, at.line);
    if (!fresh) {
      at.fail("duplicate unit name '" + key + "' (first at line " + std::to_string(earlier->second) + ")");
    }
    const auto old = table.units.find(key);
    if (old != table.units.end() && !is_override) {
      at.fail("duplicate unit name '" + key + "' (first at " + old->second.origin + ":" +
              std::to_string(old->second.line) + ")");
    }
    table.units[key] = unit;
    table.longest_unit = std::max(table.longest_unit, tokens.size());
  }
}

// Every unit must convert to a unit that is its own canonical unit, of the same kind.
void check_units(const Table& table) {
  for (const auto& [name, unit] : table.units) {
    const LineRef at{unit.origin, unit.line};
    const auto canonical_tokens = tokenize(unit.canonical);
    const auto target = table.units.find(join(canonical_tokens, 0, canonical_tokens.size()));
    if (target == table.units.end()) {
      at.fail("unit '" + name + "' converts to unknown unit '" + unit.canonical + "'");
    }
    if (target->second.canonical != unit.canonical || target->second.factor != 1) {
      at.fail("unit '" + name + "' converts to '" + unit.canonical +
              "', which is not a canonical unit (one with factor 1 to itself)");
    }
    if (target->second.kind != unit.kind) {
      at.fail("unit '" + name + "' has kind '" + unit.kind + "' but its canonical unit '" + unit.canonical +
              "' has kind '" + target->second.kind + "'");
    }
  }
}

// The rules that can match a phrase depend mostly on its first token.
void index_rules(Table& table) {
  table.rules_by_first_word.clear();
  table.rules_starting_with_slot.clear();
  for (std::size_t index = 0; index < table.rules.size(); ++index) {
    const PatternToken& first = table.rules[index].tokens.front();
    if (first.slot == 0) {
      table.rules_by_first_word[first.word].push_back(index);
    } else {
      table.rules_starting_with_slot.push_back(index);
    }
  }
}

}  // namespace

void apply_table(Table& table, std::string_view text, std::string_view name, bool is_override) {
  Pending pending;
  std::map<std::string, std::int64_t> unit_names;
  std::int64_t line_number = 0;
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto newline = text.find('\n', at);
    const std::string_view line =
        text.substr(at, newline == std::string_view::npos ? text.npos : newline - at);
    at = newline == std::string_view::npos ? text.size() + 1 : newline + 1;
    ++line_number;
    const LineRef ref{name, line_number};
    const std::string_view content = trim(line);
    if (content.empty() || content.front() == '#') continue;
    const auto fields = split_fields(content);
    const std::string_view type = fields[0];
    if (type == "rule") {
      read_rule(fields, table, pending, is_override, ref);
    } else if (type == "scale") {
      read_multiplier(fields, table.scales, table, true, ref);
    } else if (type == "fraction") {
      read_multiplier(fields, table.fractions, table, false, ref);
    } else if (type == "number") {
      read_number_words(fields, table, ref);
    } else if (type == "format") {
      read_format(fields, table, ref);
    } else if (type == "conjunction") {
      read_words(fields, table.conjunctions, ref);
    } else if (type == "stop") {
      read_words(fields, table.stops, ref);
    } else if (type == "of") {
      read_words(fields, table.of_words, ref);
    } else if (type == "determiner") {
      read_words(fields, table.determiners, ref);
    } else if (type == "counts") {
      read_counts(fields, table, ref);
    } else if (type == "unit") {
      read_unit(fields, table, is_override, unit_names, ref);
    } else if (type == "plural") {
      expect_fields(fields, 3, 3, ref);
      table.plurals[single_word(fields[1], ref)] = single_word(fields[2], ref);
    } else {
      ref.fail("unknown record type '" + std::string(type) +
               "' (expected rule, scale, fraction, unit, plural, number, format, conjunction, stop, of, "
               "determiner or counts)");
    }
  }
  std::vector<Rule> kept;
  for (Rule& rule : table.rules) {
    if (!pending.replaced.count(rule.pattern)) kept.push_back(std::move(rule));
  }
  if (is_override) {
    pending.rules.insert(pending.rules.end(), std::make_move_iterator(kept.begin()),
                         std::make_move_iterator(kept.end()));
    table.rules = std::move(pending.rules);
  } else {
    kept.insert(kept.end(), std::make_move_iterator(pending.rules.begin()),
                std::make_move_iterator(pending.rules.end()));
    table.rules = std::move(kept);
  }
  check_units(table);
  index_rules(table);
}

}  // namespace claimdb::quantity
