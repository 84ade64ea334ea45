// bench/phrases.hpp: quantity phrases as news reports word them.
//
// Each phrase comes with the interval the design's phrase table reads it as
// (docs: "Values and vague quantities"), so the generator can prove what it
// writes: a consistent claim's interval contains the true value, and a
// conflicting claim's interval is disjoint from every consistent one.
#pragma once

#include "rng.hpp"

#include <limits>
#include <string>

namespace claimdb::bench {

// How a quantity is worded.
enum class QuantityStyle {
  count,   // drones, missiles, people, buildings: integers, vague words allowed
  large,   // hundreds of thousands to millions of people: "1.2 million"
  share,   // percent: "roughly 40 percent", "40%", "most"
  length,  // kilometres: "12 km"
  area,    // square kilometres: "40 sq km"
};

// An interval [lo, hi] with open or closed ends; infinity means unbounded.
struct Reading {
  double lo = 0;
  double hi = 0;
  bool lo_open = false;
  bool hi_open = false;

  bool contains(double value) const noexcept {
    return (lo_open ? value > lo : value >= lo) &&
           (hi_open ? value < hi : value <= hi);
  }
  // True when every point of this interval lies strictly outside [lo, hi].
  bool outside(double guard_lo, double guard_hi) const noexcept {
    return (hi_open ? hi <= guard_lo : hi < guard_lo) ||
           (lo_open ? lo >= guard_hi : lo > guard_hi);
  }
  bool bounded() const noexcept {
    return hi != std::numeric_limits<double>::infinity();
  }
};

// A quantity phrase and how it reads.
struct Phrase {
  std::string text;        // "nearly 200", "474", "roughly 40 percent"
  Reading reading;         // the interval the phrase table gives it
  bool exact = false;      // a bare number: may be written as a JSON number
  double point = 0;        // the number, when exact
  // Grammar before a noun: "dozens of drones" but "most homes".
  enum class Noun { direct, with_of, without_of } noun = Noun::direct;
};

// How far a consistent phrase may stray from the value it describes.
enum class Latitude {
  tight,  // within [0.8v, 1.25v]: used where a conflict must stay clear-cut
  loose,  // anything containing v: "more than N", "hundreds", "up to N"
};

// The guard band a conflicting figure must stay out of, for true value v.
constexpr double guard_lo(double v) noexcept { return 0.8 * v; }
constexpr double guard_hi(double v) noexcept { return 1.25 * v; }

// Words a phrase that contains v (v >= 0; whole for counts).
void say_value(Rng& rng, QuantityStyle style, double v, Latitude latitude,
               Phrase& out);

// Words a figure near w that lies entirely below (low) or above the guard
// band of v. w must already be outside the band. Returns false when no
// wording fits (the caller falls back to a bare number).
bool say_conflicting(Rng& rng, QuantityStyle style, double w, double v,
                     Phrase& out);

// "four hundred seventy-four" for 0 < n < 1,000,000.
void number_words(std::int64_t n, std::string& out);

// "1,200" (thousands separated by commas) or "1200".
void append_count(std::string& out, std::int64_t n, bool commas);

}  // namespace claimdb::bench
