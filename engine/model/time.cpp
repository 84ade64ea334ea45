#include "model/time.hpp"

#include <chrono>
#include <cstdio>

namespace claimdb {

namespace {

// Reads exactly n digits at text[pos...]; -1 when they are not all digits.
int digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool valid_date(int year, int month, int day) {
  using namespace std::chrono;
  return year >= 1 && year_month_day{std::chrono::year{year}, std::chrono::month(month),
                                     std::chrono::day(day)}
                          .ok();
}

std::string format_instant(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  auto days = floor<std::chrono::days>(t);
  year_month_day ymd{days};
  hh_mm_ss hms{t - days};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()));
  return buf;
}

}  // namespace

std::optional<std::string> canonical_time(std::string_view text) {
  using namespace std::chrono;
  int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0 || text.size() < 10 || text[4] != '-' ||
      text[7] != '-' || !valid_date(year, month, day))
    return std::nullopt;
  if (text.size() == 10) return std::string(text);
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = 0;
  if (hour < 0 || minute < 0 || text.size() < 16 || text[13] != ':' || hour > 23 ||
      minute > 59)
    return std::nullopt;
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    second = digits(text, pos + 1, 2);
    if (second < 0 || second > 59) return std::nullopt;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      std::size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start || pos - start > 9) return std::nullopt;
    }
  }
  int offset_minutes = 0;
  if (pos < text.size()) {
    char sign = text[pos];
    if ((sign == 'Z' || sign == 'z') && pos + 1 == text.size()) {
      // UTC
    } else if ((sign == '+' || sign == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
      int oh = digits(text, pos + 1, 2), om = digits(text, pos + 4, 2);
      if (oh < 0 || om < 0 || oh > 14 || om > 59) return std::nullopt;
      offset_minutes = (oh * 60 + om) * (sign == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  sys_seconds t = sys_days{std::chrono::year{year} / month / day} + hours{hour} +
                  minutes{minute} + seconds{second} - minutes{offset_minutes};
  return format_instant(t);
}

std::string now_utc() {
  return format_instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace claimdb
