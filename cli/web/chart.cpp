#include "chart.hpp"

#include "html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

namespace claimdb::cli::web {

namespace {

const char* const camp_colours[] = {"#1f63b4", "#d9670b"};
const char* const no_camp_colour = "#6b6b6b";
const char* const contradiction_colour = "#c8102e";

std::string number(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", x);
  return buffer;
}

// An axis label: 1200 -> "1,200", 2500000 -> "2.5M", 0.25 -> "0.25".
std::string tick_label(double v) {
  char buffer[48];
  const double a = std::fabs(v);
  if (a >= 1e9) std::snprintf(buffer, sizeof buffer, "%gB", v / 1e9);
  else if (a >= 1e6) std::snprintf(buffer, sizeof buffer, "%gM", v / 1e6);
  else if (a >= 1e4) std::snprintf(buffer, sizeof buffer, "%gk", v / 1e3);
  else std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

// At most `limit` code points, with an ellipsis when cut.
std::string cut(const std::string& text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80 && ++points > limit)
      return text.substr(0, i) + "…";
  }
  return text;
}

// The axis: linear or logarithmic, mapping values to x between left and right.
struct Axis {
  double lo = 0, hi = 1;
  bool log = false;
  double left = 0, right = 1;

  double x(double v) const {
    double t = log ? (std::log10(std::max(v, lo)) - std::log10(lo)) / (std::log10(hi) - std::log10(lo))
                   : (v - lo) / (hi - lo);
    t = std::clamp(t, 0.0, 1.0);
    return left + t * (right - left);
  }

  std::vector<double> ticks() const {
    std::vector<double> out;
    if (log) {
      for (double p = std::pow(10, std::floor(std::log10(lo))); p <= hi * 1.0001; p *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
          const double v = p * m;
          if (v >= lo * 0.9999 && v <= hi * 1.0001) out.push_back(v);
        }
      }
      // Many decades: the powers of ten alone.
      if (out.size() > 12) {
        std::vector<double> powers;
        for (double v : out)
          if (std::fabs(std::log10(v) - std::round(std::log10(v))) < 1e-9) powers.push_back(v);
        out = powers;
      }
      return out;
    }
    const double raw = (hi - lo) / 6;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
      if (magnitude * m >= raw) {
        step = magnitude * m;
        break;
      }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
      out.push_back(std::fabs(v) < step * 1e-9 ? 0 : v);
    return out;
  }
};

Axis fit_axis(const Chart& chart, double left, double right) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  auto take = [&](const std::optional<double>& v) {
    if (v && std::isfinite(*v)) {
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    }
  };
  for (const auto& row : chart.rows)
    if (row.interval) {
      take(row.interval->lo);
      take(row.interval->hi);
    }
  for (const auto& band : chart.truth) {
    take(band.interval.lo);
    take(band.interval.hi);
  }
  Axis axis;
  axis.left = left;
  axis.right = right;
  if (!std::isfinite(lo)) return axis;  // nothing to draw: the 0..1 default
  if (lo > 0 && hi / lo >= 100) {
    axis.log = true;
    axis.lo = std::pow(10, std::floor(std::log10(lo)));
    axis.hi = std::pow(10, std::ceil(std::log10(hi)));
    if (axis.hi <= axis.lo) axis.hi = axis.lo * 10;
    return axis;
  }
  if (hi == lo) {
    const double pad = std::max(1.0, std::fabs(lo) * 0.1);
    lo -= pad;
    hi += pad;
  } else {
    const double pad = (hi - lo) * 0.06;
    lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
    hi += pad;
  }
  axis.lo = lo;
  axis.hi = hi;
  return axis;
}

const int width = 980;
const int label_left = 12, marker_x = 432, plot_left = 456, plot_right = 956;
const int row_height = 24, group_height = 22, top = 64;

// One end of a bar: a filled dot (closed), a hollow one (open) or an arrow (unbounded).
void end_mark(std::string& out, const Axis& axis, const std::optional<double>& v, bool open, bool low, double y,
              const char* colour) {
  if (!v || !std::isfinite(*v)) {
    const double x = low ? axis.left - 8 : axis.right + 8;
    const double d = low ? 7 : -7;
    out += "<path d=\"M" + number(x) + " " + number(y) + " l" + number(d) + " -5 v10 z\" fill=\"" + colour + "\"/>";
    return;
  }
  out += "<circle cx=\"" + number(axis.x(*v)) + "\" cy=\"" + number(y) + "\" r=\"4.5\" stroke=\"" + colour +
         "\" stroke-width=\"2\" fill=\"" + (open ? "#fff" : colour) + "\"/>";
}

std::string interval_words(const Interval& i) {
  return format_interval(i);
}

}  // namespace

Chart load_chart(const Database& db, const std::string& entity, const std::string& property,
                 const ChartOptions& options) {
  if (!db.find_entity(entity)) throw Error(ErrorCode::not_found, "unknown entity '" + entity + "'");
  const auto prop = db.find_property(property);
  if (!prop) throw Error(ErrorCode::not_found, "unknown property '" + property + "'");
  if (prop->value_type != ValueType::quantity)
    throw Error(ErrorCode::bad_input, "property '" + property + "' is a " + to_string(prop->value_type) +
                                          ", not a quantity: only quantities have a range chart");
  Chart chart;
  chart.entity = entity;
  chart.property = property;
  chart.unit = prop->unit;

  // Camps and retracted or superseded claims, from the entity's graph.
  std::map<std::string, const PictureNode*> nodes;
  std::optional<Picture> own_picture;
  if (!options.picture) own_picture = draw(ClaimGraph::load(db, GraphScope{entity}), true);
  const Picture& picture = options.picture ? *options.picture : *own_picture;
  for (const auto& n : picture.nodes) nodes[n.claim] = &n;
  std::set<std::string> contradicted;
  std::vector<Conflict> own_conflicts;
  if (!options.conflicts) {
    ConflictFilter filter;
    filter.entity = entity;
    filter.property = property;
    filter.kind = "contradicts";
    own_conflicts = list_conflicts(db, filter);
  }
  for (const auto& c : options.conflicts ? *options.conflicts : own_conflicts) {
    if (c.kind != "contradicts" || (c.property != property && c.property_b != property)) continue;
    contradicted.insert(c.a);
    contradicted.insert(c.b);
  }
  for (const auto& c : db.list_claims(ClaimFilter{entity, property})) {
    ChartRow row;
    row.claim = c.id;
    row.claimant = c.claimant;
    row.place = c.place;
    row.phrase = c.value.phrase;
    row.unit = c.value.unit;
    row.interval = c.value.interval;
    row.denies = c.polarity == Polarity::denies;
    row.contradicted = contradicted.count(c.id) > 0;
    if (auto it = nodes.find(c.id); it != nodes.end()) {
      row.camp = it->second->camp;
      row.inactive = it->second->retracted || it->second->superseded;
    }
    chart.rows.push_back(std::move(row));
  }
  auto low = [](const ChartRow& r) {
    return r.interval && r.interval->lo ? *r.interval->lo : -std::numeric_limits<double>::infinity();
  };
  auto high = [](const ChartRow& r) {
    return r.interval && r.interval->hi ? *r.interval->hi : std::numeric_limits<double>::infinity();
  };
  std::stable_sort(chart.rows.begin(), chart.rows.end(), [&](const ChartRow& a, const ChartRow& b) {
    if (a.place != b.place) return a.place < b.place;
    if (a.interval.has_value() != b.interval.has_value()) return a.interval.has_value();
    if (low(a) != low(b)) return low(a) < low(b);
    if (high(a) != high(b)) return high(a) < high(b);
    return a.claim < b.claim;
  });

  if (options.truth) {
    TruthOptions truth_options;
    truth_options.entity = entity;
    truth_options.property = property;
    for (const auto& a : discover_truth(db, truth_options).answers) {
      if (!a.value.interval || !a.valid_from.empty() || !a.valid_to.empty()) continue;
      char confidence[32];
      std::snprintf(confidence, sizeof confidence, "%.2f", a.confidence);
      chart.truth.push_back({a.place, *a.value.interval,
                             a.value.phrase + " (" + a.method + ", confidence " + confidence + ")"});
    }
  }
  return chart;
}

std::string chart_svg(const Chart& chart, const std::function<std::string(const std::string&)>& claim_href) {
  // Row positions: a header per place when there is more than one place.
  std::set<std::string> places;
  for (const auto& r : chart.rows) places.insert(r.place);
  const bool headers = places.size() > 1;
  std::vector<double> ys;
  std::vector<std::pair<double, std::string>> group_titles;
  std::map<std::string, std::pair<double, double>> group_span;  // place -> first, last row top
  double y = top;
  for (std::size_t i = 0; i < chart.rows.size(); ++i) {
    const auto& r = chart.rows[i];
    if (headers && (i == 0 || chart.rows[i - 1].place != r.place)) {
      group_titles.emplace_back(y, r.place.empty() ? "no place given" : "in " + r.place);
      y += group_height;
    }
    ys.push_back(y);
    auto [it, fresh] = group_span.try_emplace(r.place, y, y);
    if (!fresh) it->second.second = y;
    y += row_height;
  }
  const double plot_bottom = chart.rows.empty() ? top + row_height : y;
  const Axis axis = fit_axis(chart, plot_left, plot_right);
  const double legend_top = plot_bottom + 34;
  const double height = legend_top + 28 + 18 * double(chart.truth.size());

  std::string out;
  out.reserve(4096 + chart.rows.size() * 700);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"range-chart\" width=\"" + std::to_string(width) +
         "\" height=\"" + number(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " + number(height) +
         "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\" role=\"img\">";
  const std::string title = chart.entity + ": " + chart.property + (chart.unit.empty() ? "" : " (" + chart.unit + ")");
  out += "<title>" + escape(title) + "</title>";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
  out += "<text x=\"" + std::to_string(label_left) + "\" y=\"22\" font-size=\"15\" font-weight=\"bold\">" +
         escape(cut(title, 110)) + "</text>";
  out += "<text x=\"" + std::to_string(label_left) + "\" y=\"40\" fill=\"#555\">" +
         std::to_string(chart.rows.size()) + (chart.rows.size() == 1 ? " claim" : " claims") +
         (axis.log ? "; logarithmic axis (the figures span orders of magnitude)" : "") + "</text>";

  // Grid and tick labels, above and below the rows.
  for (double t : axis.ticks()) {
    const std::string x = number(axis.x(t));
    out += "<line x1=\"" + x + "\" y1=\"" + number(top - 6) + "\" x2=\"" + x + "\" y2=\"" + number(plot_bottom) +
           "\" stroke=\"#e3e3e3\"/>";
    for (double ty : {double(top - 10), plot_bottom + 14})
      out += "<text x=\"" + x + "\" y=\"" + number(ty) + "\" text-anchor=\"middle\" fill=\"#444\" font-size=\"11\">" +
             escape(tick_label(t)) + "</text>";
  }

  // Truth bands behind their group's rows.
  for (const auto& band : chart.truth) {
    auto span = group_span.find(band.place);
    if (span == group_span.end()) continue;
    const double x1 = band.interval.lo ? axis.x(*band.interval.lo) : axis.left;
    const double x2 = band.interval.hi ? axis.x(*band.interval.hi) : axis.right;
    const double w = std::max(4.0, x2 - x1);
    out += "<rect class=\"truth\" x=\"" + number(x2 - x1 < 4 ? (x1 + x2) / 2 - 2 : x1) + "\" y=\"" +
           number(span->second.first) + "\" width=\"" + number(w) + "\" height=\"" +
           number(span->second.second - span->second.first + row_height) +
           "\" fill=\"#2e9e4a\" fill-opacity=\"0.18\" stroke=\"#2e9e4a\" stroke-opacity=\"0.6\"><title>most likely: " +
           escape(band.label) + "</title></rect>";
  }

  for (const auto& [gy, text] : group_titles)
    out += "<text x=\"" + std::to_string(label_left) + "\" y=\"" + number(gy + 15) +
           "\" font-weight=\"bold\" fill=\"#333\">" + escape(cut(text, 60)) + "</text>";

  for (std::size_t i = 0; i < chart.rows.size(); ++i) {
    const auto& r = chart.rows[i];
    const double cy = ys[i] + row_height / 2.0;
    const char* colour = r.camp >= 0 && r.camp < 2 ? camp_colours[r.camp] : no_camp_colour;
    const std::string href = claim_href ? claim_href(r.claim) : std::string();
    if (!href.empty()) out += "<a href=\"" + href + "\">";
    out += "<g class=\"row\"" + std::string(r.inactive ? " opacity=\"0.45\"" : "") + ">";
    out += "<title>" + escape(r.claim + ": " + r.claimant + " said \"" + r.phrase + "\"" +
                              (r.interval ? " read as " + interval_words(*r.interval) : " (not read as a number)") +
                              (r.place.empty() ? "" : ", in " + r.place) + (r.denies ? ", denied" : "") +
                              (r.inactive ? ", no longer current" : "")) +
           "</title>";
    if (i % 2 == 1)
      out += "<rect x=\"0\" y=\"" + number(ys[i]) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
             std::to_string(row_height) + "\" fill=\"#000\" fill-opacity=\"0.03\"/>";
    const std::string label = r.claimant + (r.place.empty() || headers ? "" : " in " + r.place) + ": “" + r.phrase + "”";
    out += "<text x=\"" + std::to_string(label_left) + "\" y=\"" + number(cy + 4) + "\" fill=\"" + colour + "\">" +
           escape(cut(label, 62)) + "</text>";
    if (r.contradicted)
      out += "<text x=\"" + std::to_string(marker_x) + "\" y=\"" + number(cy + 5) + "\" fill=\"" +
             contradiction_colour + "\" font-size=\"15\" font-weight=\"bold\" text-anchor=\"middle\">✕</text>";
    if (!r.interval) {
      out += "<text x=\"" + std::to_string(plot_left) + "\" y=\"" + number(cy + 4) +
             "\" fill=\"#888\" font-style=\"italic\">not read as a number</text>";
    } else {
      const Interval& v = *r.interval;
      const bool point = v.lo && v.hi && *v.lo == *v.hi;
      const std::string dash = r.denies ? " stroke-dasharray=\"5 3\"" : "";
      if (point) {
        out += "<circle cx=\"" + number(axis.x(*v.lo)) + "\" cy=\"" + number(cy) + "\" r=\"5.5\" fill=\"" +
               (r.denies ? "#fff" : colour) + "\" stroke=\"" + colour + "\" stroke-width=\"2\"" + dash + "/>";
      } else {
        const double x1 = v.lo ? axis.x(*v.lo) : axis.left - 2;
        const double x2 = v.hi ? axis.x(*v.hi) : axis.right + 2;
        out += "<line x1=\"" + number(x1) + "\" y1=\"" + number(cy) + "\" x2=\"" + number(x2) + "\" y2=\"" +
               number(cy) + "\" stroke=\"" + colour + "\" stroke-width=\"6\" stroke-opacity=\"0.75\"" + dash + "/>";
        end_mark(out, axis, v.lo, v.lo_open, true, cy, colour);
        end_mark(out, axis, v.hi, v.hi_open, false, cy, colour);
      }
    }
    out += "</g>";
    if (!href.empty()) out += "</a>";
  }
  if (chart.rows.empty())
    out += "<text x=\"" + std::to_string(plot_left) + "\" y=\"" + number(top + 16) +
           "\" fill=\"#888\">no claims</text>";

  // Legend.
  double lx = label_left;
  const std::string ly = number(legend_top);
  auto legend = [&](const std::string& mark, const std::string& words, double advance) {
    out += mark + "<text x=\"" + number(lx + 16) + "\" y=\"" + ly + "\" fill=\"#333\">" + escape(words) + "</text>";
    lx += advance;
  };
  const std::string ry = number(legend_top - 4);
  legend("<circle cx=\"" + number(lx + 5) + "\" cy=\"" + ry + "\" r=\"5\" fill=\"" + camp_colours[0] + "\"/>",
         "camp 1", 80);
  legend("<circle cx=\"" + number(lx + 5) + "\" cy=\"" + ry + "\" r=\"5\" fill=\"" + camp_colours[1] + "\"/>",
         "camp 2", 80);
  legend("<circle cx=\"" + number(lx + 5) + "\" cy=\"" + ry + "\" r=\"5\" fill=\"" + no_camp_colour + "\"/>",
         "no camp", 90);
  legend("<text x=\"" + number(lx + 5) + "\" y=\"" + number(legend_top + 1) + "\" fill=\"" + contradiction_colour +
             "\" font-weight=\"bold\" text-anchor=\"middle\">✕</text>",
         "contradicted", 120);
  legend("<circle cx=\"" + number(lx + 5) + "\" cy=\"" + ry + "\" r=\"4\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"2\"/>",
         "open end", 95);
  legend("<path d=\"M" + number(lx + 10) + " " + ry + " l-8 -5 v10 z\" fill=\"#333\"/>", "no bound", 95);
  legend("<rect x=\"" + number(lx) + "\" y=\"" + number(legend_top - 10) +
             "\" width=\"12\" height=\"12\" fill=\"#2e9e4a\" fill-opacity=\"0.3\"/>",
         "most likely value", 140);
  legend("<circle cx=\"" + number(lx + 5) + "\" cy=\"" + ry + "\" r=\"4\" fill=\"#fff\" stroke=\"#333\" stroke-dasharray=\"3 2\" stroke-width=\"2\"/>",
         "denied", 80);
  double ty = legend_top + 22;
  for (const auto& band : chart.truth) {
    out += "<text x=\"" + std::to_string(label_left) + "\" y=\"" + number(ty) + "\" fill=\"#1f7a37\">" +
           escape(cut("most likely" + (band.place.empty() ? std::string() : " in " + band.place) + ": " + band.label, 140)) +
           "</text>";
    ty += 18;
  }
  out += "</svg>";
  return out;
}

}  // namespace claimdb::cli::web
