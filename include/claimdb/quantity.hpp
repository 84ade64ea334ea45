// claimdb/quantity.hpp: reading quantity phrases as intervals, in English and
// in the languages with a table of their own (fr, de, es, it, pt, uk, ru,
// pl, el).
//
// News gives figures as phrases ("nearly 200 drones", "roughly 40 percent",
// "tens of thousands"). A QuantityReader turns such a phrase into an Interval
// in a canonical unit, so that two figures can be compared honestly. The
// phrase rules, scale words, fractions, units and irregular plurals are data:
// a text table (see docs/quantities.md) shipped with the library and
// overridable per database.
//
// Everything here is a pure function of its arguments; a QuantityReader is an
// immutable value, cheap to copy and safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimdb/model.hpp"

namespace claimdb {

// How a quantity phrase was read.
struct QuantityReading {
  std::string phrase;  // the phrase as given
  Interval interval;   // the values the phrase allows, in `unit`
  std::string unit;    // canonical unit: "drone", "percent", "m", "m2", "kg", "s", "USD", or "" for none
  std::string kind;    // what is measured: "count", "share", "length", "area", "duration", "currency", ...
  bool informative = true;  // false for "many", "numerous", ...: never the sole basis of a conflict
  std::string rule;         // the table pattern that matched, e.g. "nearly {n}"
  std::string language;     // the canonical language tag it was read in, or "" when none was given (English)
  std::string counted;      // a counted noun read as the expected unit ("marcher" where people are counted), or ""
  // What a reader should know: a figure that reads two ways ("1,500" with no
  // language; "300.000" in English), a counted thing kept apart from the
  // expected one, a language without a table. Empty for most phrases.
  std::vector<std::string> warnings;
};

// A unit resolved against the table.
struct CanonicalUnit {
  std::string unit;   // canonical name: "m" for "km", "drone" for "drones", "" for no unit
  double factor = 1;  // multiply a value in the given unit by this to get it in `unit`
  std::string kind;   // dimension: "length", "area", ...; "count" for counted nouns and for no unit
};

// Reads quantity phrases with one table. Copies share the table.
class QuantityReader {
 public:
  // The table shipped with claimdb (engine/quantity/*.tsv). Built on first use.
  static const QuantityReader& builtin();

  // A reader using only `table_text` (the format of docs/quantities.md).
  // Throws Error(bad_input) located at `name` and the offending line.
  static QuantityReader from_table(std::string_view table_text, std::string_view name);

  // A copy of this reader with `table_text` applied on top: a rule replaces
  // the rule with the same pattern (or removes it when its interval is "-")
  // and wins ties against the rest; units, scales, fractions and plurals
  // replace entries of the same name. Throws like from_table.
  QuantityReader with_overrides(std::string_view table_text, std::string_view name) const;

  // Reads `phrase` (at most 1000 bytes). `default_unit` is the expected unit
  // (e.g. the property's): the unit when the phrase names none; a phrase that
  // names a unit of another kind ("300 km" where drones are expected) is
  // refused, while a share ("40%") fits any. Throws Error(bad_input) naming
  // the phrase when it cannot be read; never guesses.
  //
  // `language` is a BCP 47 tag ("fr", "de-CH", "uk"): the phrase is read with
  // that language's table on top of this one (decimal comma, thousands
  // separators, number, scale and vague words). "" means none was given: the
  // phrase is read as English and figures another language would read
  // differently ("1,500") carry a warning. A language without a table is read
  // as English, with a warning. A failure names the language ("... in fr").
  // Throws Error(bad_input) for a tag that is not well-formed.
  QuantityReading read(std::string_view phrase, std::string_view default_unit = "",
                       std::string_view language = "") const;

  // Like read, but nullopt instead of throwing when the phrase cannot be read.
  std::optional<QuantityReading> try_read(std::string_view phrase, std::string_view default_unit = "",
                                          std::string_view language = "") const;

  // The languages with a table of their own, and "en": {"de", "el", "en", ...}.
  static std::vector<std::string> languages();

  // The canonical form of a unit name or counted noun: "km" -> {"m", 1000,
  // "length"}, "Ukrainian drones" -> {"drone", 1, "count"}, "" -> {"", 1,
  // "count"}; the same unit read() gives. Throws Error(bad_input) "unknown
  // unit '...'" for text that is neither ("5", "°").
  CanonicalUnit canonical_unit(std::string_view unit) const;

  // `interval` given in `from`, expressed in `to` ("km" -> "mile"). Throws
  // Error(bad_input) when the units differ in canonical unit (mixed
  // dimensions such as "km" and "hours", or "drones" and "missiles").
  Interval convert(const Interval& interval, std::string_view from, std::string_view to) const;

  struct Table;  // internal: the parsed table (engine/quantity/table.hpp)

 private:
  struct Languages;  // the per-language tables built on this one, on first use
  explicit QuantityReader(std::shared_ptr<const Table> table);
  std::shared_ptr<const Table> table_;
  std::shared_ptr<Languages> languages_;
};

// The interval as text for explanations: "474", "[180, 200)", "(500, inf)".
// Bounds print with at most four decimals ("33.3333").
std::string format_interval(const Interval& interval);

// Whether no value lies in both intervals (touching ends count as disjoint
// when either end is open). Both intervals are assumed non-empty.
bool disjoint(const Interval& a, const Interval& b);

// The distance between the nearest ends of two disjoint intervals; 0 when
// they overlap.
double gap(const Interval& a, const Interval& b);

// The largest finite bound of the interval in absolute value; 0 when it has
// none. The conflict detector's severity is gap / the larger magnitude.
double magnitude(const Interval& interval);

}  // namespace claimdb
