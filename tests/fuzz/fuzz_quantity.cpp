// libFuzzer target for the quantity reader: any bytes as a phrase (and, split
// at the first newline, a default unit). Only claimdb::Error may escape the
// reader; every reading must have finite, ordered bounds and format cleanly.
//
// Build: clang++ -std=c++20 -fsanitize=fuzzer,address,undefined, linked with
// claimdb_quantity and claimdb_model.
#include <claimdb/error.hpp>
#include <claimdb/quantity.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(const claimdb::QuantityReading& reading) {
  const claimdb::Interval& interval = reading.interval;
  if (interval.lo && !std::isfinite(*interval.lo)) std::abort();
  if (interval.hi && !std::isfinite(*interval.hi)) std::abort();
  if (interval.lo && interval.hi && *interval.lo > *interval.hi) std::abort();
  if (claimdb::format_interval(interval).empty()) std::abort();
  if (claimdb::disjoint(interval, interval)) std::abort();
  if (!std::isfinite(claimdb::gap(interval, interval))) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view phrase = input.substr(0, newline);
  const std::string_view default_unit = newline == std::string_view::npos ? "" : input.substr(newline + 1);
  const auto& reader = claimdb::QuantityReader::builtin();
  const auto maybe = reader.try_read(phrase, default_unit);
  try {
    const auto reading = reader.read(phrase, default_unit);
    if (!maybe) std::abort();  // try_read and read must agree
    check(reading);
  } catch (const claimdb::Error&) {
    if (maybe) std::abort();
  }
  try {
    const auto unit = reader.canonical_unit(phrase);
    if (!std::isfinite(unit.factor) || unit.factor <= 0) std::abort();
  } catch (const claimdb::Error&) {
  }
  return 0;
}
