// Formatting and comparing intervals.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "claimdb/quantity.hpp"

namespace claimdb {

namespace {

// At most four decimals, trailing zeros dropped: "474", "426.6", "33.3333".
std::string format_number(double value) {
  char text[64];
  if (std::fabs(value) >= 1e15) {
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
  }
  std::snprintf(text, sizeof text, "%.4f", value);
  std::string out = text;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  return out;
}

// Whether every value of `low` lies below every value of `high`.
bool below(const Interval& low, const Interval& high) {
  if (!low.hi || !high.lo) return false;
  if (*low.hi < *high.lo) return true;
  return *low.hi == *high.lo && (low.hi_open || high.lo_open);
}

}  // namespace

std::string format_interval(const Interval& interval) {
  const bool point =
      interval.lo && interval.hi && *interval.lo == *interval.hi && !interval.lo_open && !interval.hi_open;
  if (point) return format_number(*interval.lo);
  std::string out = (interval.lo_open || !interval.lo) ? "(" : "[";
  out += interval.lo ? format_number(*interval.lo) : "-inf";
  out += ", ";
  out += interval.hi ? format_number(*interval.hi) : "inf";
  out += (interval.hi_open || !interval.hi) ? ")" : "]";
  return out;
}

bool disjoint(const Interval& a, const Interval& b) { return below(a, b) || below(b, a); }

double gap(const Interval& a, const Interval& b) {
  if (below(a, b)) return *b.lo - *a.hi;
  if (below(b, a)) return *a.lo - *b.hi;
  return 0;
}

double magnitude(const Interval& interval) {
  double largest = 0;
  if (interval.lo) largest = std::max(largest, std::fabs(*interval.lo));
  if (interval.hi) largest = std::max(largest, std::fabs(*interval.hi));
  return largest;
}

}  // namespace claimdb
