// The quantity table: phrase rules, scale words, fractions, units and
// irregular plurals, parsed from the text format of docs/quantities.md; and
// what a language adds (number format, number words, function words).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "claimdb/quantity.hpp"

namespace claimdb::quantity {

// One bound of a rule's interval: a sum of terms coef * var [* var2] [/ divisor]
// (or a constant), or infinity.
struct Bound {
  double coef = 1;        // the number written before the variable (or the constant); negative after '-'
  char var = 0;           // 'n', 'a', 'b', 's' (the scale), or 0 for a constant
  char var2 = 0;          // a second variable multiplying ('b' in "a*b"), or 0
  char divisor = 0;       // a variable dividing the value ('b' in "100a/b"), or 0
  bool infinite = false;  // "inf": unbounded (upper bounds only)
  std::vector<Bound> more;  // further terms added ("b+0.01a*b")
};

// One element of a rule's pattern: a literal token or a slot.
struct PatternToken {
  std::string word;  // the literal token text; empty for a slot
  char slot = 0;     // 'n', 'a', 'b' (numbers), 's' ({scale}), 'S' ({scales}), or 0 for a literal
};

// A phrase rule: when the pattern matches the start of a phrase, the phrase
// means the interval.
struct Rule {
  std::string pattern;               // as written in the table, e.g. "nearly {n}"
  std::vector<PatternToken> tokens;  // the pattern split into tokens and slots
  Bound lo;                          // lower bound
  Bound hi;                          // upper bound
  bool lo_open = false;              // lower bound excluded
  bool hi_open = false;              // upper bound excluded
  std::string kind;                  // forced kind ("share", "relative", "share-of"), or "" to take the unit's
  bool informative = true;           // false for "many" and the like
  std::string origin;                // table name it came from, for error messages
  std::int64_t line = 0;             // line in that table
};

// A unit of measurement.
struct UnitDef {
  std::string canonical;  // the unit values are converted to, e.g. "m"
  double factor = 1;      // one of this unit in the canonical unit
  std::string kind;       // dimension, e.g. "length"
  std::string origin;     // table name it came from, for error messages
  std::int64_t line = 0;  // line in that table
};

// Multiplier words ("hundred", "bn") and fraction words ("third").
struct Multiplier {
  double value = 1;     // the factor, or the share in percent for fractions
  bool plural = false;  // written as the plural ("hundreds", "thirds")
  bool counted = true;  // may follow a number ("2 million"; "3 millions" in French, not in English)
};

// How a language writes numbers.
struct NumberFormat {
  char decimal = '.';          // the decimal mark: '.' or ','
  std::string groups = ",";    // marks between groups of three digits: ',', '.', ' ' (a space)
  bool head_first = false;     // a counted noun's head is its first word ("drones ukrainiens")
};

}  // namespace claimdb::quantity

namespace claimdb {

struct QuantityReader::Table {
  std::vector<quantity::Rule> rules;                      // in priority order for ties
  std::map<std::string, quantity::Multiplier> scales;     // scale word -> factor
  std::map<std::string, quantity::Multiplier> fractions;  // fraction word -> percent
  std::map<std::string, quantity::UnitDef> units;         // unit name (tokens joined by spaces) -> unit
  std::size_t longest_unit = 1;                           // most tokens in a unit name
  std::map<std::string, std::string> plurals;             // irregular plural -> singular
  std::map<std::string, std::vector<std::size_t>> rules_by_first_word;  // literal first token -> rule indexes
  std::vector<std::size_t> rules_starting_with_slot;  // indexes of rules whose pattern starts with a slot
  // What a language adds (engine/quantity/lang/*.tsv).
  quantity::NumberFormat format;               // decimal mark, group marks, noun order
  std::map<std::string, double> numbers;       // number words (tokens joined by spaces) -> value
  std::size_t longest_number = 1;              // most tokens in a number word
  std::set<std::string> conjunctions;          // words joining number words and figures ("et", "und")
  std::set<std::string> stops;                 // function words ending a counted noun ("de", "von")
  std::set<std::string> of_words;              // words like "of" before a counted noun ("de", "d '")
  std::set<std::string> determiners;           // words like "the" after them ("les")
  std::set<std::string> abbreviations;         // scale words written with a final dot ("mio")
  std::map<std::string, std::string> counts;   // counted noun -> the thing it counts ("marcher" -> "person")
  std::set<std::string> things;                // the things of the counts records ("person", "drone")
};

}  // namespace claimdb

namespace claimdb::quantity {

using Table = QuantityReader::Table;

// Applies the lines of `text` to `table`. A base table (is_override false)
// may not repeat a rule pattern or a unit name; an override replaces them and
// its rules go first. Throws Error(bad_input) at `name` and the line.
void apply_table(Table& table, std::string_view text, std::string_view name, bool is_override);

}  // namespace claimdb::quantity
