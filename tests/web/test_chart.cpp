// The range chart: figures on one axis, drawn by claimdb itself.
#include "web/chart.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <string>

using namespace claimdb;
using namespace claimdb::cli::web;

namespace {

Interval closed(double lo, double hi) { return Interval{lo, hi, false, false}; }

ChartRow row(const std::string& id, std::optional<Interval> interval, int camp = -1) {
  ChartRow r;
  r.claim = id;
  r.claimant = "source-" + id;
  r.phrase = "phrase " + id;
  r.interval = interval;
  r.camp = camp;
  return r;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// The x of every circle, in order.
std::vector<double> circle_xs(const std::string& svg) {
  std::vector<double> out;
  const std::regex circle("<circle cx=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), circle); it != std::sregex_iterator(); ++it)
    out.push_back(std::stod((*it)[1]));
  return out;
}

}  // namespace

TEST_SUITE("web") {

TEST_CASE("the range chart draws points as dots, ranges as bars, open ends hollow and unbounded ends as arrows") {
  Chart chart;
  chart.entity = "kyiv";
  chart.property = "drones_launched";
  chart.rows.push_back(row("point", closed(474, 474), 0));
  chart.rows.push_back(row("range", Interval{450, 550, false, true}, 1));   // about 500: [450, 550)
  chart.rows.push_back(row("above", Interval{600, std::nullopt, true, false}));  // more than 600
  chart.rows.push_back(row("unread", std::nullopt));
  chart.rows[1].contradicted = true;
  const std::string svg = chart_svg(chart, [](const std::string& id) { return "/claim/" + id; });
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("</svg>") == svg.size() - 6);
  CHECK(count(svg, "r=\"5.5\"") == 1);                       // the point's dot
  CHECK(count(svg, "stroke-width=\"6\"") == 2);              // two bars
  CHECK(count(svg, "fill=\"#fff\"/>") >= 2);                 // the open ends (and the legend's)
  CHECK(count(svg, "l-7.0 -5 v10 z") == 1);                    // one arrow to the right
  CHECK(svg.find("not read as a number") != std::string::npos);
  CHECK(count(svg, ">✕</text>") == 2);                        // the contradicted row and the legend
  CHECK(count(svg, "<a href=\"/claim/") == 4);
  CHECK(svg.find("#1f63b4") != std::string::npos);           // camp 1
  CHECK(svg.find("#d9670b") != std::string::npos);           // camp 2
  CHECK(svg.find("logarithmic") == std::string::npos);
  // The point lies between the range's ends on the shared axis.
  const auto xs = circle_xs(svg);
  REQUIRE(xs.size() >= 4);
  CHECK(xs[0] > xs[1]);  // 474 right of 450
  CHECK(xs[0] < xs[2]);  // and left of 550
  CHECK(xs[3] > xs[2]);  // 600 right of 550
}

TEST_CASE("the range chart goes logarithmic when the figures span orders of magnitude") {
  Chart chart;
  chart.entity = "e";
  chart.property = "p";
  chart.rows.push_back(row("small", closed(3, 3)));
  chart.rows.push_back(row("large", closed(2'000'000, 2'500'000)));
  const std::string svg = chart_svg(chart);
  CHECK(svg.find("logarithmic axis") != std::string::npos);
  CHECK(svg.find(">1M</text>") != std::string::npos);
  CHECK(svg.find(">10</text>") != std::string::npos);
  const auto xs = circle_xs(svg);
  REQUIRE(xs.size() >= 3);
  // 3 sits well inside the plot, not squashed against 2.5M's end.
  CHECK(xs[1] - xs[0] > 200);
}

TEST_CASE("the range chart stays readable at 200 claims and escapes every label") {
  Chart chart;
  chart.entity = "<e>";
  chart.property = "p&q";
  for (int i = 0; i < 200; ++i) chart.rows.push_back(row("c" + std::to_string(i), closed(i, i + 10)));
  chart.rows[7].claimant = "<script>alert(1)</script>";
  chart.rows[8].place = "\"><img src=x onerror=alert(1)>";
  chart.truth.push_back({"", closed(40, 60), "about 50 <b>"});
  const std::string svg = chart_svg(chart);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;") != std::string::npos);
  CHECK(svg.find("&lt;e&gt;: p&amp;q") != std::string::npos);
  CHECK(count(svg, "<g class=\"row\"") == 200);
  CHECK(count(svg, "class=\"truth\"") == 1);
  // One row every 24 pixels: 200 rows make a tall chart, not a squashed one.
  const std::regex height("height=\"([0-9.]+)\" viewBox");
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, height));
  CHECK(std::stod(m[1]) > 200 * 24);
  // Axis labels stay few whatever the number of rows.
  CHECK(count(svg, "text-anchor=\"middle\" fill=\"#444\"") <= 2 * 12);
}

}
