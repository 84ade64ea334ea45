// bench/rng.hpp: a small, portable pseudo-random generator for the corpus.
//
// The corpus must be byte-identical for a given seed on every platform, so it
// cannot use std::uniform_*_distribution (each standard library maps the
// engine's output to a range in its own way). SplitMix64 is tiny, passes
// BigCrush, and can be seeded per stream: each event, group and phase gets its
// own generator derived from (seed, ids), so any part of the corpus can be
// regenerated on its own without replaying the whole stream.
#pragma once

#include <cstdint>
#include <iterator>

namespace claimdb::bench {

// The SplitMix64 finaliser: a bijective 64-bit mix.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// A seed for one independent stream, from the corpus seed and up to three ids.
constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t a,
                                    std::uint64_t b = 0,
                                    std::uint64_t c = 0) noexcept {
  std::uint64_t h = mix64(seed + 0x9e3779b97f4a7c15ULL);
  h = mix64(h ^ (a + 0x632be59bd9b4e019ULL));
  h = mix64(h ^ (b + 0x8cb92ba72f3d8dd7ULL));
  return mix64(h ^ (c + 0xd6e8feb86659fd93ULL));
}

class Rng {
 public:
  explicit constexpr Rng(std::uint64_t seed) noexcept : state_(seed) {}

  std::uint64_t next() noexcept {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }
  // Uniform in [0, 1), from the top 53 bits (exact in IEEE double).
  double unit() noexcept {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
  }
  // Uniform integer in [0, n); n > 0. The tiny modulo bias of a 64-bit
  // draw is irrelevant for test data.
  std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }
  // Uniform integer in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
    return lo + static_cast<std::int64_t>(
                    below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // True with probability p.
  bool chance(double p) noexcept { return unit() < p; }
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) noexcept {
    return lo + (hi - lo) * unit();
  }
  // An element of a C array or std::array.
  template <typename Array>
  const auto& pick(const Array& items) noexcept {
    return items[below(std::size(items))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace claimdb::bench
