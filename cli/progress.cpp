#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace claimdb::cli {

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), start_(std::chrono::steady_clock::now()) {}

bool ProgressBar::wanted() { return isatty(STDERR_FILENO) == 1; }

void ProgressBar::update(std::int64_t done, std::int64_t total) {
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = total > 0 ? double(done) / double(total) : 0.0;
  const int width = 30;
  const int filled = static_cast<int>(fraction * width);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  const double rate = elapsed > 0 ? double(done) / elapsed / (1024.0 * 1024.0) : 0.0;
  const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0.0;
  std::fprintf(stderr, "\r%s [%s] %3.0f%%  %.1f MiB/s  ETA %.0f s  ", label_.c_str(), bar.c_str(),
               fraction * 100, rate, eta);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
}

}  // namespace claimdb::cli
