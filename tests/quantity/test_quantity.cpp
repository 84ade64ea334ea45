// Tests for the quantity reader (engine/quantity).
//
// Links: claimdb_quantity claimdb_model doctest::doctest (main from tests/main.cpp).
// Needs the compile definition CLAIMDB_SOURCE_DIR="${PROJECT_SOURCE_DIR}" to
// find fixtures/quantity/phrases.tsv, engine/quantity/*.tsv and docs/quantities.md.
#include <doctest/doctest.h>

#include <claimdb/error.hpp>
#include <claimdb/quantity.hpp>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef CLAIMDB_SOURCE_DIR
#define CLAIMDB_SOURCE_DIR "."
#endif

namespace {

using claimdb::ErrorCode;
using claimdb::Interval;
using claimdb::QuantityReader;

std::string read_source_file(const std::string& relative) {
  const std::string path = std::string(CLAIMDB_SOURCE_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();
  return fields;
}

// The message of the claimdb::Error `action` throws; fails the test when it
// throws nothing or something else.
template <typename Action>
std::string error_message(Action action, ErrorCode expected = ErrorCode::bad_input) {
  try {
    action();
  } catch (const claimdb::Error& error) {
    CHECK(error.code() == expected);
    return error.message();
  }
  FAIL("no claimdb::Error thrown");
  return "";
}

template <typename Action>
claimdb::Error caught_error(Action action) {
  try {
    action();
  } catch (const claimdb::Error& error) {
    return error;
  }
  FAIL("no claimdb::Error thrown");
  return claimdb::Error(ErrorCode::internal, "unreachable");
}

Interval closed(double lo, double hi) { return Interval{lo, hi, false, false}; }

const QuantityReader& builtin() { return QuantityReader::builtin(); }

std::string read_as_text(const QuantityReader& reader, const std::string& phrase,
                         const std::string& default_unit = "") {
  const auto reading = reader.read(phrase, default_unit);
  return claimdb::format_interval(reading.interval) + " " + reading.unit;
}

}  // namespace

TEST_SUITE("quantity") {
  TEST_CASE("every phrase in fixtures/quantity/phrases.tsv reads as listed") {
    std::istringstream lines(read_source_file("fixtures/quantity/phrases.tsv"));
    std::string line;
    int line_number = 0;
    int rows = 0;
    std::vector<std::string> failures;
    while (std::getline(lines, line)) {
      ++line_number;
      if (line.empty() || line[0] == '#') continue;
      const auto fields = split_tabs(line);
      const std::string where =
          "line " + std::to_string(line_number) + " '" + (fields.empty() ? "" : fields[0]) + "': ";
      if (fields.size() != 6) {
        failures.push_back(where + "expected 6 fields, got " + std::to_string(fields.size()));
        continue;
      }
      ++rows;
      const std::string default_unit = fields[1] == "-" ? "" : fields[1];
      const auto reading = builtin().try_read(fields[0], default_unit);
      if (fields[2] == "error") {
        if (reading) {
          failures.push_back(where + "expected an error, read " +
                             claimdb::format_interval(reading->interval));
        }
        continue;
      }
      if (!reading) {
        failures.push_back(where + "could not be read");
        continue;
      }
      const std::string got = claimdb::format_interval(reading->interval) + " | " +
                              (reading->unit.empty() ? "-" : reading->unit) + " | " + reading->kind + " | " +
                              (reading->informative ? "yes" : "no");
      const std::string expected = fields[2] + " | " + fields[3] + " | " + fields[4] + " | " + fields[5];
      if (got != expected) failures.push_back(where + "expected " + expected + ", got " + got);
      if (reading->phrase != fields[0]) failures.push_back(where + "phrase not kept as given");
    }
    std::string report;
    for (const auto& failure : failures) report += failure + "\n";
    CHECK_MESSAGE(failures.empty(), report);
    CHECK(rows >= 150);
  }

  TEST_CASE("a reading keeps the phrase and names the rule that matched") {
    const auto reading = builtin().read("nearly 200 Ukrainian drones");
    CHECK(reading.phrase == "nearly 200 Ukrainian drones");
    CHECK(reading.rule == "nearly {n}");
    CHECK(reading.unit == "drone");
    CHECK(reading.kind == "count");
    CHECK(reading.informative);
    REQUIRE(reading.interval.lo);
    REQUIRE(reading.interval.hi);
    CHECK(*reading.interval.lo == 180);
    CHECK(*reading.interval.hi == 200);
    CHECK_FALSE(reading.interval.lo_open);
    CHECK(reading.interval.hi_open);
  }

  TEST_CASE("an unbounded reading has no upper bound and an open end") {
    const auto reading = builtin().read("more than 450");
    CHECK(*reading.interval.lo == 450);
    CHECK(reading.interval.lo_open);
    CHECK_FALSE(reading.interval.hi.has_value());
    CHECK(reading.interval.hi_open);
  }

  TEST_CASE("the default unit applies only when the phrase names none") {
    CHECK(read_as_text(builtin(), "474", "drones") == "474 drone");
    CHECK(read_as_text(builtin(), "474 missiles", "drone") == "474 missile");
    CHECK(read_as_text(builtin(), "5", "km") == "5000 m");
    CHECK(read_as_text(builtin(), "roughly 40", "percent") == "[36, 44] percent");
    CHECK(read_as_text(builtin(), "dozens injured", "person") == "[24, 144) person");
  }

  TEST_CASE("none is a count of 0 on a count property, a 0 percent share otherwise") {
    const auto drones = builtin().read("none", "drone");
    CHECK(drones.unit == "drone");
    CHECK(drones.kind == "count");
    REQUIRE(drones.interval.lo);
    REQUIRE(drones.interval.hi);
    CHECK(*drones.interval.lo == 0);
    CHECK(*drones.interval.hi == 0);
    CHECK(read_as_text(builtin(), "not one", "person") == "0 person");
    CHECK(read_as_text(builtin(), "none", "km") == "0 m");
    CHECK(builtin().read("none", "km").kind == "length");
    // Without a unit, or on a share property, it stays a share.
    CHECK(builtin().read("none").kind == "share");
    CHECK(read_as_text(builtin(), "none") == "0 percent");
    CHECK(builtin().read("none", "percent").kind == "share");
    // Other share words keep percent whatever the property counts.
    CHECK(read_as_text(builtin(), "all", "drone") == "100 percent");
    CHECK(builtin().read("all", "drone").kind == "share");
  }

  TEST_CASE("figures in different units of one dimension become comparable") {
    SUBCASE("hectares and acres") {
      const auto hectares = builtin().read("12,000 hectares");
      const auto acres = builtin().read("30,000 acres");
      CHECK(hectares.unit == acres.unit);
      CHECK(claimdb::disjoint(hectares.interval, acres.interval));
      CHECK(claimdb::gap(hectares.interval, acres.interval) == doctest::Approx(1405692.672));
    }
    SUBCASE("kilometres and miles") {
      const auto km = builtin().read("about 5 km");
      const auto miles = builtin().read("3 miles");
      CHECK(km.unit == "m");
      CHECK(miles.unit == "m");
      CHECK_FALSE(claimdb::disjoint(km.interval, miles.interval));
    }
  }

  TEST_CASE("the seed article's interception figures conflict") {
    const auto russia = builtin().read("nearly 200", "drone");
    const auto ukraine = builtin().read("474", "drone");
    CHECK(claimdb::disjoint(russia.interval, ukraine.interval));
    CHECK(claimdb::gap(russia.interval, ukraine.interval) == 274);
    CHECK(claimdb::magnitude(ukraine.interval) == 474);
  }

  TEST_CASE("error messages name the phrase and the reason") {
    SUBCASE("unreadable phrase") {
      CHECK(error_message([] { builtin().read("xyz"); }) == "cannot read quantity phrase 'xyz'");
      CHECK(error_message([] { builtin().read(""); }) == "cannot read quantity phrase ''");
      CHECK(error_message([] { builtin().read("200 300"); }) == "cannot read quantity phrase '200 300'");
    }
    SUBCASE("unknown unit") {
      CHECK(error_message([] { builtin().read("40 °F"); }) ==
            "cannot read quantity phrase '40 °F': unknown unit '°'");
      CHECK(error_message([] { builtin().read("5", "@"); }) == "unknown unit '@'");
      CHECK(error_message([] { builtin().canonical_unit("5"); }) == "unknown unit '5'");
    }
    SUBCASE("mixed dimensions") {
      CHECK(error_message([] { builtin().read("between 5 km and 3 hours"); }) ==
            "cannot read quantity phrase 'between 5 km and 3 hours': mixed units 'km' (length) and 'hours' "
            "(duration)");
      CHECK(error_message([] { builtin().convert(closed(1, 2), "km", "hours"); }) ==
            "cannot convert 'km' (length) to 'hours' (duration)");
      CHECK(error_message([] { builtin().convert(closed(1, 2), "drones", "missiles"); }) ==
            "cannot convert 'drones' (count) to 'missiles' (count)");
      CHECK(error_message([] { builtin().convert(closed(1, 2), "$", "euros"); }) ==
            "cannot convert '$' (currency) to 'euros' (currency)");
    }
    SUBCASE("rates") {
      CHECK(error_message([] { builtin().read("50 km per hour"); }) ==
            "cannot read quantity phrase '50 km per hour': rates such as 'per hour' are not supported");
    }
    SUBCASE("reversed range") {
      CHECK(error_message([] { builtin().read("between 300 and 200"); }) ==
            "cannot read quantity phrase 'between 300 and 200': the lower bound exceeds the upper bound");
    }
    SUBCASE("empty interval") {
      CHECK(error_message([] { builtin().read("fewer than 0"); }) ==
            "cannot read quantity phrase 'fewer than 0': the phrase allows no value");
    }
    SUBCASE("too long") {
      const std::string phrase(1001, '1');
      CHECK(error_message([&] { builtin().read(phrase); }) ==
            "quantity phrase is too long (1001 bytes; at most 1000)");
      CHECK_FALSE(builtin().try_read(phrase));
    }
    SUBCASE("a number too large to hold") {
      const std::string phrase(400, '9');
      CHECK(error_message([&] { builtin().read(phrase); }) == "cannot read quantity phrase '" + phrase + "'");
      const std::string huge = "1" + std::string(300, '0') + " trillion";
      CHECK(error_message([&] { builtin().read(huge); }) == "cannot read quantity phrase '" + huge + "'");
    }
  }

  TEST_CASE("scientific notation is a number, and one too large for a double is refused") {
    CHECK(read_as_text(builtin(), "1e5 drones") == "100000 drone");
    CHECK(builtin().read("1e5 drones").rule == "{n}");
    CHECK(read_as_text(builtin(), "1E5") == "100000 ");
    CHECK(read_as_text(builtin(), "2.5e3 km") == "2500000 m");
    CHECK(read_as_text(builtin(), "1.5e+6 people") == "1500000 person");
    CHECK(read_as_text(builtin(), "1e-3 km") == "1 m");
    CHECK(read_as_text(builtin(), "nearly 1e3", "drone") == "[900, 1000) drone");
    CHECK(error_message([] { builtin().read("1e999 drones"); }) == "cannot read quantity phrase '1e999 drones'");
    CHECK(error_message([] { builtin().read("1e999"); }) == "cannot read quantity phrase '1e999'");
    CHECK(error_message([] { builtin().read("1e-999"); }) == "cannot read quantity phrase '1e-999'");
    CHECK(error_message([] { builtin().read("1e308 thousand"); }) ==
          "cannot read quantity phrase '1e308 thousand'");
    // An 'e' not followed by digits is a word as before.
    CHECK(read_as_text(builtin(), "3 euros") == "3 EUR");
  }

  TEST_CASE("a phrase with a second figure for another counted noun is refused, naming it") {
    CHECK(error_message([] { builtin().read("2 drones 3 missiles"); }) ==
          "cannot read quantity phrase '2 drones 3 missiles': a second figure '3' follows '2 drones'");
    CHECK(error_message([] { builtin().read("7 women and 3 men"); }) ==
          "cannot read quantity phrase '7 women and 3 men': a second figure '3' follows '7 women'");
    CHECK(error_message([] { builtin().read("nearly 200 Ukrainian drones, 30 missiles"); }) ==
          "cannot read quantity phrase 'nearly 200 Ukrainian drones, 30 missiles': a second figure '30' follows "
          "'nearly 200 Ukrainian drones'");
    CHECK(error_message([] { builtin().read("474 drones and four hundred missiles"); }) ==
          "cannot read quantity phrase '474 drones and four hundred missiles': a second figure 'four hundred' "
          "follows '474 drones'");
    CHECK(error_message([] { builtin().read("474 drones, missiles and 3 rockets"); }) ==
          "cannot read quantity phrase '474 drones, missiles and 3 rockets': a second figure '3' follows "
          "'474 drones, missiles'");
    CHECK(error_message([] { builtin().read("5 km 300 m"); }) ==
          "cannot read quantity phrase '5 km 300 m': a second figure '300' follows '5 km'");
    CHECK(error_message([] { builtin().read("474 drones and $5m"); }) ==
          "cannot read quantity phrase '474 drones and $5m': a second figure '$5m' follows '474 drones'");
    CHECK(error_message([] { builtin().read("nearly 200 drones and about 30 missiles"); }) ==
          "cannot read quantity phrase 'nearly 200 drones and about 30 missiles': a second figure 'about 30' "
          "follows 'nearly 200 drones'");
    CHECK_FALSE(builtin().try_read("2 drones and dozens of missiles"));
    CHECK_FALSE(builtin().try_read("474 drones, a few hundred of them shot down"));
    CHECK_FALSE(builtin().try_read("1e5 drones 3 missiles"));
    // One figure for several nouns, ranges and compound numbers still read.
    CHECK(read_as_text(builtin(), "474 drones and missiles") == "474 drone");
    CHECK(read_as_text(builtin(), "474 drones, officials said") == "474 drone");
    CHECK(read_as_text(builtin(), "474 drones, many of them shot down") == "474 drone");
    CHECK(read_as_text(builtin(), "200 drones over 3 regions") == "200 drone");
    CHECK(read_as_text(builtin(), "200 to 300 drones") == "[200, 300] drone");
    CHECK(read_as_text(builtin(), "between 200 and 300") == "[200, 300] ");
    CHECK(read_as_text(builtin(), "200 drones or more") == "[200, inf) drone");
    CHECK(read_as_text(builtin(), "four hundred and seventy-four drones") == "474 drone");
    CHECK(read_as_text(builtin(), "two-thirds of the drones") == "66.6667 percent");
    CHECK(read_as_text(builtin(), "1.5 million people") == "1500000 person");
    CHECK(read_as_text(builtin(), "a dozen drones") == "12 drone");
  }

  TEST_CASE("a unit of another dimension than the expected unit is refused, naming both") {
    CHECK(error_message([] { builtin().read("300 km", "drones"); }) ==
          "cannot read quantity phrase '300 km': unit 'km' (length) does not match the expected unit 'drones' "
          "(count)");
    CHECK(error_message([] { builtin().read("about 3 hours", "km"); }) ==
          "cannot read quantity phrase 'about 3 hours': unit 'hours' (duration) does not match the expected "
          "unit 'km' (length)");
    CHECK(error_message([] { builtin().read("5 drones", "km"); }) ==
          "cannot read quantity phrase '5 drones': unit 'drone' (count) does not match the expected unit 'km' "
          "(length)");
    CHECK(error_message([] { builtin().read("$5m", "drone"); }) ==
          "cannot read quantity phrase '$5m': unit '$' (currency) does not match the expected unit 'drone' "
          "(count)");
    CHECK_FALSE(builtin().try_read("300 km", "drone"));
    // Same dimension: read in the phrase's unit, as before.
    CHECK(read_as_text(builtin(), "300 drones", "drones") == "300 drone");
    CHECK(read_as_text(builtin(), "300", "drones") == "300 drone");
    CHECK(read_as_text(builtin(), "300 missiles", "drone") == "300 missile");
    CHECK(read_as_text(builtin(), "3 miles", "km") == "4828.032 m");
    CHECK(read_as_text(builtin(), "€200m", "USD") == "200000000 EUR");
    // A share fits any property: it is a proportion of what is counted.
    CHECK(read_as_text(builtin(), "40%", "drones") == "40 percent");
    CHECK(builtin().read("40%", "drones").kind == "share");
    CHECK(read_as_text(builtin(), "half of the drones", "drone") == "50 percent");
    // No expected unit, or one that names none, expects nothing.
    CHECK(read_as_text(builtin(), "300 km") == "300000 m");
    CHECK(read_as_text(builtin(), "300 km", " ") == "300000 m");
  }

  TEST_CASE("try_read returns nothing instead of throwing") {
    CHECK_FALSE(builtin().try_read("xyz").has_value());
    CHECK_FALSE(builtin().try_read("between 5 km and 3 hours").has_value());
    CHECK(builtin().try_read("474").has_value());
  }

  TEST_CASE("canonical units and conversion") {
    SUBCASE("canonical_unit") {
      const auto km = builtin().canonical_unit("km");
      CHECK(km.unit == "m");
      CHECK(km.factor == 1000);
      CHECK(km.kind == "length");
      CHECK(builtin().canonical_unit("Drones").unit == "drone");
      CHECK(builtin().canonical_unit("drones").kind == "count");
      CHECK(builtin().canonical_unit("people").unit == "person");
      CHECK(builtin().canonical_unit("%").unit == "percent");
      CHECK(builtin().canonical_unit("square kilometres").unit == "m2");
      CHECK(builtin().canonical_unit("US dollars").unit == "USD");
      CHECK(builtin().canonical_unit("").unit.empty());
    }
    SUBCASE("convert") {
      const Interval miles = builtin().convert(closed(5, 10), "km", "miles");
      CHECK(*miles.lo == doctest::Approx(3.10686).epsilon(1e-5));
      CHECK(*miles.hi == doctest::Approx(6.21371).epsilon(1e-5));
      const Interval open = builtin().convert(Interval{2, std::nullopt, true, true}, "hours", "minutes");
      CHECK(*open.lo == 120);
      CHECK_FALSE(open.hi.has_value());
      CHECK(open.lo_open);
      CHECK(claimdb::format_interval(builtin().convert(closed(1, 1), "hectare", "acres")) == "2.4711");
    }
  }

  TEST_CASE("format_interval prints points, open and unbounded ends") {
    CHECK(claimdb::format_interval(closed(474, 474)) == "474");
    CHECK(claimdb::format_interval(Interval{180, 200, false, true}) == "[180, 200)");
    CHECK(claimdb::format_interval(Interval{500, std::nullopt, true, true}) == "(500, inf)");
    CHECK(claimdb::format_interval(Interval{std::nullopt, 3, true, false}) == "(-inf, 3]");
    CHECK(claimdb::format_interval(closed(100.0 / 3, 100.0 / 3)) == "33.3333");
    CHECK(claimdb::format_interval(closed(0.5, 1e20)) == "[0.5, 1e+20]");
    CHECK(claimdb::format_interval(Interval{}) == "(-inf, inf)");
  }

  TEST_CASE("disjoint, gap and magnitude") {
    SUBCASE("overlapping intervals are not disjoint") {
      CHECK_FALSE(claimdb::disjoint(closed(1, 5), closed(5, 9)));
      CHECK(claimdb::gap(closed(1, 5), closed(5, 9)) == 0);
      CHECK_FALSE(claimdb::disjoint(Interval{}, closed(3, 3)));
    }
    SUBCASE("an open end at the meeting point makes them disjoint") {
      CHECK(claimdb::disjoint(Interval{180, 200, false, true}, closed(200, 200)));
      CHECK(claimdb::disjoint(closed(200, 200), Interval{180, 200, false, true}));
      CHECK(claimdb::gap(Interval{180, 200, false, true}, closed(200, 200)) == 0);
    }
    SUBCASE("the gap is symmetric") {
      const Interval many{450, std::nullopt, true, true};
      CHECK(claimdb::disjoint(closed(100, 200), many));
      CHECK(claimdb::gap(closed(100, 200), many) == 250);
      CHECK(claimdb::gap(many, closed(100, 200)) == 250);
    }
    SUBCASE("magnitude is the largest finite bound") {
      CHECK(claimdb::magnitude(Interval{450, std::nullopt, true, true}) == 450);
      CHECK(claimdb::magnitude(Interval{}) == 0);
    }
  }

  TEST_CASE("uninformative words are flagged") {
    for (const char* phrase : {"many", "numerous", "a number of drones", "countless", "some"}) {
      CAPTURE(phrase);
      CHECK_FALSE(builtin().read(phrase).informative);
    }
    CHECK(builtin().read("several").informative);
  }

  TEST_CASE("readings never contain NaN or infinite bounds") {
    for (const char* phrase : {"more than 1e308", "999,999,999 trillion trillion", "1 in 0", "0 in 0",
                               "about 0", "nearly 0", "half a trillion trillion", "100a/b"}) {
      CAPTURE(phrase);
      const auto reading = builtin().try_read(phrase);
      if (!reading) continue;
      for (const auto& bound : {reading->interval.lo, reading->interval.hi}) {
        if (bound) CHECK(std::isfinite(*bound));
      }
    }
    CHECK(error_message([] { builtin().read("1 in 0"); }) ==
          "cannot read quantity phrase '1 in 0': division by zero");
  }

  TEST_CASE("overrides change the table for one reader only") {
    const QuantityReader custom = builtin().with_overrides(
        "# per-database overrides\n"
        "rule\tsome\t[1, 10]\n"
        "rule\ta smattering of\t[2, 4]\n"
        "rule\t{n} or so\t-\n"
        "rule\tmany\t[5, inf)\t-\tuninformative\n"
        "unit\tverst, versts\t1066.8\tm\tlength\n"
        "plural\tstaff\tstaffer\n",
        "overrides.tsv");
    SUBCASE("a replaced rule") {
      CHECK(read_as_text(custom, "some") == "[1, 10] ");
      CHECK(read_as_text(builtin(), "some") == "[1, inf) ");
      CHECK(read_as_text(custom, "many drones") == "[5, inf) drone");
    }
    SUBCASE("a new rule") {
      CHECK(read_as_text(custom, "a smattering of protesters") == "[2, 4] protester");
      const auto before = builtin().try_read("a smattering of protesters");
      CHECK_FALSE((before && before->rule == "a smattering of"));
    }
    SUBCASE("a removed rule") {
      CHECK_FALSE(custom.try_read("200 or so").has_value());
      CHECK(read_as_text(builtin(), "200 or so") == "[180, 220] ");
    }
    SUBCASE("a new unit and plural") {
      CHECK(read_as_text(custom, "2 versts") == "2133.6 m");
      CHECK(read_as_text(custom, "12 staff") == "12 staffer");
    }
    SUBCASE("an override rule wins ties against the builtin ones") {
      const auto tie = builtin().with_overrides("rule\tsome {n}\t[n, 2n]\n", "tie.tsv");
      CHECK(read_as_text(tie, "some 200") == "[200, 400] ");
    }
  }

  TEST_CASE("a table of its own replaces the builtin one") {
    const QuantityReader tiny = QuantityReader::from_table(
        "rule\t{n}\tn\n"
        "rule\tloads of\t[10, inf)\t-\tuninformative\n"
        "scale\tthousand\tthousands\t1000\n"
        "unit\tm, metres\t1\tm\tlength\n",
        "tiny.tsv");
    CHECK(read_as_text(tiny, "3 thousand metres") == "3000 m");
    CHECK_FALSE(tiny.read("loads of boats").informative);
    CHECK_FALSE(tiny.try_read("about 5").has_value());
    CHECK_FALSE(tiny.try_read("half").has_value());
  }

  TEST_CASE("malformed tables are refused with the table name and line") {
    const auto check = [](const std::string& text, long line, const std::string& message) {
      CAPTURE(text);
      const claimdb::Error error = caught_error([&] { builtin().with_overrides(text, "overrides.tsv"); });
      CHECK(error.code() == ErrorCode::bad_input);
      CHECK(error.location().file == "overrides.tsv");
      CHECK(error.location().line == line);
      CHECK(error.message() == message);
      CHECK(std::string(error.what()) == "overrides.tsv:" + std::to_string(line) + ": " + message);
    };
    check("# fine\n\nrule\tabout {n}\t[0.9n, 1.1n\n", 3,
          "bad interval '[0.9n, 1.1n': expected it to end with ']' or ')'");
    check("rul\tabout {n}\tn\n", 1,
          "unknown record type 'rul' (expected rule, scale, fraction, unit, plural, number, format, conjunction, stop, of, determiner or counts)");
    check("rule\tabout {n}\n", 1, "'rule' takes 2 to 4 fields after it, got 1");
    check("rule\tabout {x}\tn\n", 1,
          "unknown placeholder '{x}' in pattern 'about {x}' (expected {n}, {a}, {b}, {scale} or {scales})");
    check("rule\tabout {n}\t[0.9a, n]\n", 1, "the interval uses 'a' but the pattern 'about {n}' has no {a}");
    check("rule\tabout {n}\t[0.9n, inf]\n", 1,
          "bad interval '[0.9n, inf]': an inf upper bound must be open: write 'inf)'");
    check("rule\tabout {n}\t[inf, n]\n", 1, "bad interval '[inf, n]': the lower bound cannot be inf");
    check("rule\tabout {n}\t[x, n]\n", 1,
          "bad bound 'x' in interval '[x, n]' (expected a number, a multiple of n, a, b or s such as 0.9n, "
          "or inf)");
    check("rule\tabout {n}\tn\tshare\tmaybe\n", 1, "expected 'informative' or 'uninformative', got 'maybe'");
    check("rule\tfoo {n}\tn\nrule\tfoo {n}\t[n, 2n]\n", 2, "duplicate rule 'foo {n}' (first at line 1)");
    check("rule\tno such rule\t-\n", 1, "no rule 'no such rule' to remove");
    check("scale\tgross\tgrosses\t-144\n", 1,
          "bad number '-144' (expected a positive number such as 1000, 0.3048 or 100/3)");
    check("scale\ttwo words\t-\t5\n", 1, "'two words' is not a single word");
    check("unit\tleague, leagues\t3\tfurlong\tlength\n", 1,
          "unit 'league' converts to unknown unit 'furlong'");
    check("unit\tleague\t4828\tm\tarea\n", 1,
          "unit 'league' has kind 'area' but its canonical unit 'm' has kind 'length'");
    check("unit\tleague\t4828\tkm\tlength\n", 1,
          "unit 'league' converts to 'km', which is not a canonical unit (one with factor 1 to itself)");
  }

  TEST_CASE("a base table may not repeat a rule or a unit") {
    const claimdb::Error rule = caught_error([] {
      QuantityReader::from_table("rule\t{n}\tn\nrule\tabout {n} | {n}\t[0.9n, 1.1n]\n", "base.tsv");
    });
    CHECK(rule.message() == "duplicate rule '{n}' (first at line 1)");
    CHECK(rule.location().line == 2);
    const claimdb::Error unit = caught_error([] {
      QuantityReader::from_table("unit\tm\t1\tm\tlength\nunit\tmetre, m\t1\tm\tlength\n", "base.tsv");
    });
    CHECK(unit.message() == "duplicate unit name 'm' (first at line 1)");
    const QuantityReader base = QuantityReader::from_table("unit\tm\t1\tm\tlength\n", "base.tsv");
    const claimdb::Error across = caught_error([&] {
      QuantityReader::from_table("rule\t{n}\tn\n", "one.tsv");
      base.with_overrides("unit\tm\t1\tm\tlength\nunit\tm\t1\tm\tlength\n", "two.tsv");
    });
    CHECK(across.message() == "duplicate unit name 'm' (first at line 1)");
    CHECK(across.location().file == "two.tsv");
  }

  TEST_CASE("the shipped tables are listed rule by rule in docs/quantities.md") {
    const std::string docs = read_source_file("docs/quantities.md");
    std::istringstream lines(read_source_file("engine/quantity/vague-words.tsv"));
    std::string line;
    while (std::getline(lines, line)) {
      const auto fields = split_tabs(line);
      if (fields.size() < 3 || fields[0] != "rule") continue;
      std::istringstream alternatives(fields[1]);
      std::string alternative;
      while (std::getline(alternatives, alternative, '|')) {
        const auto first = alternative.find_first_not_of(' ');
        const auto last = alternative.find_last_not_of(' ');
        const std::string pattern = alternative.substr(first, last - first + 1);
        CAPTURE(pattern);
        CHECK(docs.find("`" + pattern + "`") != std::string::npos);
      }
    }
  }

}  // TEST_SUITE
