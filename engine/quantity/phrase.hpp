// Reading one phrase against one table: matching the rules, finding the unit
// and evaluating the interval (the steps of docs/quantities.md).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimdb/quantity.hpp"
#include "quantity/table.hpp"
#include "quantity/tokens.hpp"
#include "quantity/words.hpp"

namespace claimdb::quantity {

// A unit as found in a phrase, resolved to its canonical unit.
struct UnitRef {
  std::string name;       // as written (tokens joined by spaces), for messages
  std::string canonical;  // canonical unit
  double factor = 1;      // one `name` in `canonical`
  std::string kind;       // dimension
};

// One read: construct, call read() or whole_unit() once. Holds caches of
// what was found at each token, so matching ~250 rules stays cheap.
class PhraseReader {
 public:
  PhraseReader(const Table& table, std::string_view phrase, LanguageRef language = {});

  // Reads the phrase; throws Error(bad_input) naming it when it cannot.
  QuantityReading read(std::string_view default_unit);

  // The unit named by the whole phrase (a unit name or a counted noun).
  std::optional<UnitRef> whole_unit();

 private:
  // A number slot ({n}, {a}, {b}) bound by a match.
  struct Slot {
    bool bound = false;             // the pattern has this slot
    Number number;                  // the number read
    const UnitRef* unit = nullptr;  // a unit given with this number ("$5", "5 km to ..."), in a cache
    bool strong = false;            // a currency symbol or a fraction: later words name the population
  };
  struct Match {
    std::size_t end = 0;        // tokens consumed
    std::array<Slot, 3> slots;  // n, a, b
    double scale = 1;           // the {scale} / {scales} factor
  };
  // A unit or counted noun found at a token, and the token after it.
  struct Found {
    UnitRef unit;
    std::size_t end = 0;
  };

  [[noreturn]] void fail(const std::string& reason = "") const;
  std::vector<std::size_t> candidate_rules(std::size_t start) const;
  void match(const Rule& rule, std::size_t at, std::size_t next, Match& current, std::optional<Match>& best);
  void match_number(const Rule& rule, std::size_t at, std::size_t next, Match& current,
                    std::optional<Match>& best);
  const std::optional<Found>& unit_at(std::size_t at);
  const std::optional<Found>& noun_at(std::size_t at);
  const std::optional<Number>& number(std::size_t begin, std::size_t end, bool money);
  bool starts_number(std::size_t at);
  std::size_t figure_end(std::size_t at, bool phrases);
  std::string text_of(std::size_t begin, std::size_t end) const;
  void check_not_rate(std::size_t at);
  void check_one_figure(std::size_t at);
  std::optional<UnitRef> read_tail(std::size_t at);
  void check_expected_unit(const UnitRef& unit, std::string_view expected) const;
  QuantityReading evaluate(const Rule& rule, Match& match, std::string_view default_unit);
  std::optional<double> bound_value(const Bound& bound, const Match& match, const UnitRef& unit) const;
  QuantityReading reading(const Rule& rule, const Match& match, const UnitRef& unit) const;

  bool relative(const Rule& rule) const;
  std::size_t of_at(std::size_t at) const;
  std::size_t determiner_at(std::size_t at) const;
  void count_thing(UnitRef& unit, std::string_view default_unit);

  const Table& table_;
  std::string_view phrase_;
  LanguageRef language_;                                       // the language read in
  std::vector<std::string> warnings_;                          // for the reading
  std::string counted_;                                        // a counted noun taken as the expected unit
  mutable const Rule* current_rule_ = nullptr;                 // the rule being evaluated
  std::vector<Token> tokens_;
  std::size_t start_ = 0;                                      // the first token read (after quotes and brackets)
  UnitRef percent_;                                            // the unit of shares
  std::vector<std::optional<std::optional<Found>>> units_;     // unit_at() per token, once looked up
  std::vector<std::optional<std::optional<Found>>> nouns_;     // noun_at() per token, once looked up
  std::vector<std::optional<std::optional<Number>>> numbers_;  // number() per (begin, length, money)
};

// The canonical form of a unit written as `text`; throws "unknown unit".
CanonicalUnit canonical_unit_in(const Table& table, std::string_view text);

// Rounds to 12 significant digits so that 0.9 * 200 is 180, not 180.00000000000003.
double round12(double value);

}  // namespace claimdb::quantity
