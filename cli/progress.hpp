// A progress bar on stderr, with rate and ETA; drawn only when stderr is a
// terminal (and quiet otherwise, so logs and pipes stay clean).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace claimdb::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  // True when stderr is a terminal.
  static bool wanted();
  // Redraws at most ten times a second.
  void update(std::int64_t done, std::int64_t total);
  // Clears the bar's line.
  void finish();

 private:
  std::string label_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace claimdb::cli
