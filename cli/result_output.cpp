#include "result_output.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <vector>

namespace claimdb::cli {

namespace {

const char* const bold = "\033[1m";
const char* const dim = "\033[2m";
const char* const reset = "\033[0m";

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// At most width code points, ending in an ellipsis when cut.
std::string fit(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  if (width == 0) return "";
  std::string out;
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      if (n + 1 >= width) break;
      ++n;
    }
    out += c;
  }
  return out + "…";
}

std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return text;
}

bool is_number(const Cell& cell) { return cell.index() == 1 || cell.index() == 2; }

std::string pad(const std::string& text, std::size_t width, bool right) {
  const std::size_t w = display_width(text);
  if (w >= width) return text;
  return right ? std::string(width - w, ' ') + text : text + std::string(width - w, ' ');
}

// The cells as text and the column widths, shrunk to fit `limit` (the
// widest column first, never below 8) when limit > 0. `overhead` is what
// the frame adds per column.
struct Grid {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  std::vector<bool> right;  // a column of numbers
};

Grid grid(const QueryResult& result, int limit, std::size_t per_column, std::size_t fixed) {
  Grid g;
  const std::size_t n = result.columns.size();
  g.widths.resize(n);
  g.right.assign(n, !result.rows.empty());
  for (std::size_t c = 0; c < n; ++c) g.widths[c] = display_width(result.columns[c]);
  for (const auto& row : result.rows) {
    std::vector<std::string> line;
    for (std::size_t c = 0; c < n; ++c) {
      line.push_back(one_line(cell_text(row[c])));
      g.widths[c] = std::max(g.widths[c], display_width(line.back()));
      if (!is_number(row[c]) && row[c].index() != 0) g.right[c] = false;
    }
    g.cells.push_back(std::move(line));
  }
  if (limit > 0) {
    auto total = [&] {
      std::size_t sum = fixed + per_column * n;
      for (auto w : g.widths) sum += w;
      return sum;
    };
    while (total() > static_cast<std::size_t>(limit)) {
      auto widest = std::max_element(g.widths.begin(), g.widths.end());
      if (widest == g.widths.end() || *widest <= 8) break;
      --*widest;
    }
  }
  return g;
}

void print_table(const QueryResult& result, std::ostream& out, const Style& style) {
  if (result.rows.empty()) {
    out << "(no rows)\n";
    return;
  }
  const Grid g = grid(result, style.width, 2, 0);
  const std::size_t n = result.columns.size();
  auto emit = [&](const std::vector<std::string>& line, bool header) {
    std::string text;
    for (std::size_t c = 0; c < n; ++c) {
      std::string cell = pad(fit(line[c], g.widths[c]), g.widths[c], g.right[c] && !header);
      if (c + 1 == n && !(g.right[c] && !header)) cell = fit(line[c], g.widths[c]);
      text += cell;
      if (c + 1 < n) text += "  ";
    }
    if (header && style.colour) out << bold << text << reset << '\n';
    else out << text << '\n';
  };
  emit(result.columns, true);
  std::string rule;
  for (std::size_t c = 0; c < n; ++c) rule += std::string(g.widths[c], '-') + (c + 1 < n ? "  " : "");
  out << (style.colour ? dim : "") << rule << (style.colour ? reset : "") << '\n';
  for (const auto& line : g.cells) emit(line, false);
}

void print_box(const QueryResult& result, std::ostream& out, const Style& style) {
  if (result.rows.empty()) {
    out << "(no rows)\n";
    return;
  }
  const Grid g = grid(result, style.width, 3, 1);
  const std::size_t n = result.columns.size();
  auto rule = [&](const char* left, const char* middle, const char* right) {
    std::string text = left;
    for (std::size_t c = 0; c < n; ++c) {
      for (std::size_t i = 0; i < g.widths[c] + 2; ++i) text += "─";
      text += c + 1 < n ? middle : right;
    }
    out << (style.colour ? dim : "") << text << (style.colour ? reset : "") << '\n';
  };
  auto emit = [&](const std::vector<std::string>& line, bool header) {
    std::string text = "│";
    for (std::size_t c = 0; c < n; ++c) {
      std::string cell = pad(fit(line[c], g.widths[c]), g.widths[c], g.right[c] && !header);
      if (header && style.colour) cell = bold + cell + reset;
      text += " " + cell + " │";
    }
    out << text << '\n';
  };
  rule("┌", "┬", "┐");
  emit(result.columns, true);
  rule("├", "┼", "┤");
  for (const auto& line : g.cells) emit(line, false);
  rule("└", "┴", "┘");
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

void print_csv(const QueryResult& result, std::ostream& out) {
  for (std::size_t c = 0; c < result.columns.size(); ++c)
    out << (c ? "," : "") << csv_field(result.columns[c]);
  out << '\n';
  for (const auto& row : result.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_field(cell_text(row[c]));
    out << '\n';
  }
}

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char c : one_line(text)) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

void print_markdown(const QueryResult& result, std::ostream& out) {
  std::string header = "|", rule = "|";
  for (const auto& column : result.columns) {
    header += " " + markdown_cell(column) + " |";
    rule += " --- |";
  }
  out << header << '\n' << rule << '\n';
  for (const auto& row : result.rows) {
    std::string line = "|";
    for (const auto& cell : row) line += " " + markdown_cell(cell_text(cell)) + " |";
    out << line << '\n';
  }
}

void print_json(const QueryResult& result, std::ostream& out) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& row : result.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < row.size(); ++c) {
      const Cell& cell = row[c];
      switch (cell.index()) {
        case 1: object[result.columns[c]] = std::get<std::int64_t>(cell); break;
        case 2: object[result.columns[c]] = std::get<double>(cell); break;
        case 3: object[result.columns[c]] = std::get<std::string>(cell); break;
        default: object[result.columns[c]] = nullptr;
      }
    }
    array.push_back(std::move(object));
  }
  out << array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void print_lines(const QueryResult& result, std::ostream& out, const Style& style) {
  if (result.rows.empty()) {
    out << "(no rows)\n";
    return;
  }
  std::size_t width = 0;
  for (const auto& column : result.columns) width = std::max(width, display_width(column));
  for (std::size_t r = 0; r < result.rows.size(); ++r) {
    if (r > 0) out << '\n';
    for (std::size_t c = 0; c < result.columns.size(); ++c) {
      const std::string name = pad(result.columns[c], width, true);
      out << (style.colour ? bold : "") << name << (style.colour ? reset : "") << " = "
          << cell_text(result.rows[r][c]) << '\n';
    }
  }
}

}  // namespace

std::optional<Mode> parse_mode(std::string_view name) {
  if (name == "table") return Mode::table;
  if (name == "box") return Mode::box;
  if (name == "json") return Mode::json;
  if (name == "csv") return Mode::csv;
  if (name == "markdown") return Mode::markdown;
  if (name == "line") return Mode::line;
  return std::nullopt;
}

const char* mode_name(Mode mode) {
  switch (mode) {
    case Mode::table: return "table";
    case Mode::box: return "box";
    case Mode::json: return "json";
    case Mode::csv: return "csv";
    case Mode::markdown: return "markdown";
    case Mode::line: return "line";
  }
  return "table";
}

const char* mode_list() { return "table, box, json, csv, markdown or line"; }

void print_result(const QueryResult& result, Mode mode, std::ostream& out, const Style& style) {
  switch (mode) {
    case Mode::table: print_table(result, out, style); break;
    case Mode::box: print_box(result, out, style); break;
    case Mode::json: print_json(result, out); break;
    case Mode::csv: print_csv(result, out); break;
    case Mode::markdown: print_markdown(result, out); break;
    case Mode::line: print_lines(result, out, style); break;
  }
}

void print_total(const QueryResult& result, Mode mode, std::ostream& out, std::ostream& note) {
  if (!result.total || *result.total <= static_cast<std::int64_t>(result.rows.size())) return;
  const bool listing = mode == Mode::table || mode == Mode::box || mode == Mode::line;
  (listing ? out : note) << result.rows.size() << " of " << (result.total_is_lower_bound ? "more than " : "")
                         << *result.total << " matches; 'limit N' shows more\n";
}

bool use_colour(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour && *no_colour) return false;
  return isatty(fd) == 1;
}

}  // namespace claimdb::cli
