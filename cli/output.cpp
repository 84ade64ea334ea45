#include "output.hpp"

#include <claimdb/quantity.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <ostream>
#include <stdexcept>

namespace claimdb::cli {

Format parse_format(const std::string& name) {
  if (name == "table") return Format::table;
  if (name == "json") return Format::json;
  if (name == "csv") return Format::csv;
  throw std::invalid_argument("unknown format '" + name + "' (use table, json or csv)");
}

int terminal_width() {
  if (!isatty(STDOUT_FILENO)) return 0;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 0;
}

std::string cell_text(const Row& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) {
      if (!out.empty()) out += ", ";
      out += cell_text(item);
    }
    return out;
  }
  return value.dump();
}

namespace {

// Display width of UTF-8 text, counting code points (not bytes).
std::size_t display_width(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Cuts text to at most `width` code points, ending with an ellipsis when cut.
std::string fit(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (n + 1 >= width) break;
      ++n;
    }
    out += text[i];
  }
  return out + "…";
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void print_table(const Listing& listing, std::ostream& out, int width) {
  const std::size_t n = listing.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths(n);
  for (std::size_t c = 0; c < n; ++c) widths[c] = display_width(listing.columns[c]);
  for (const auto& row : listing.rows) {
    std::vector<std::string> line;
    for (std::size_t c = 0; c < n; ++c) {
      auto it = row.find(listing.columns[c]);
      line.push_back(one_line(it == row.end() ? "" : cell_text(*it)));
      widths[c] = std::max(widths[c], display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  if (width > 0) {
    // Shrink the widest columns until the table fits (never below 8).
    auto total = [&] {
      std::size_t sum = n > 0 ? 2 * (n - 1) : 0;
      for (auto w : widths) sum += w;
      return sum;
    };
    while (total() > static_cast<std::size_t>(width)) {
      auto widest = std::max_element(widths.begin(), widths.end());
      if (*widest <= 8) break;
      --*widest;
    }
  }
  auto emit = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t c = 0; c < n; ++c) {
      std::string cell = fit(line[c], widths[c]);
      text += cell;
      if (c + 1 < n) text += std::string(widths[c] - display_width(cell) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  emit(listing.columns);
  std::vector<std::string> rule;
  for (auto w : widths) rule.push_back(std::string(w, '-'));
  emit(rule);
  for (const auto& line : cells) emit(line);
}

}  // namespace

void print(const Listing& listing, Format format, std::ostream& out, int width) {
  switch (format) {
    case Format::json: {
      Row array = Row::array();
      for (const auto& row : listing.rows) array.push_back(row);
      out << array.dump(2) << '\n';
      break;
    }
    case Format::csv: {
      for (std::size_t c = 0; c < listing.columns.size(); ++c)
        out << (c ? "," : "") << csv_field(listing.columns[c]);
      out << "\n";
      for (const auto& row : listing.rows) {
        for (std::size_t c = 0; c < listing.columns.size(); ++c) {
          auto it = row.find(listing.columns[c]);
          out << (c ? "," : "") << csv_field(it == row.end() ? "" : cell_text(*it));
        }
        out << "\n";
      }
      break;
    }
    case Format::table: print_table(listing, out, width); break;
  }
}

Row interval_json(const std::optional<Interval>& interval) {
  if (!interval) return nullptr;
  Row out;
  out["lo"] = interval->lo ? Row(*interval->lo) : Row(nullptr);
  out["hi"] = interval->hi ? Row(*interval->hi) : Row(nullptr);
  out["lo_open"] = interval->lo_open;
  out["hi_open"] = interval->hi_open;
  out["text"] = format_interval(*interval);
  return out;
}

Row conflict_row(const Conflict& c, Format format) {
  Row row;
  row["a"] = c.a;
  row["b"] = c.b;
  row["kind"] = c.kind;
  row["relation"] = c.relation;
  row["severity"] = c.severity;
  row["entity"] = c.entity;
  row["property_a"] = c.property;
  row["property_b"] = c.property_b;
  row["claimant_a"] = c.claimant_a;
  row["claimant_b"] = c.claimant_b;
  row["phrase_a"] = c.phrase_a;
  row["phrase_b"] = c.phrase_b;
  if (format == Format::json) {
    row["interval_a"] = interval_json(c.interval_a);
    row["interval_b"] = interval_json(c.interval_b);
  } else {
    row["interval_a"] = c.interval_a ? format_interval(*c.interval_a) : std::string();
    row["interval_b"] = c.interval_b ? format_interval(*c.interval_b) : std::string();
  }
  row["unit_a"] = c.unit_a;
  row["unit_b"] = c.unit_b;
  row["origin"] = c.origin;
  row["explanation"] = c.explanation;
  return row;
}

}  // namespace claimdb::cli
