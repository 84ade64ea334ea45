// detect, conflicts, why, quantity.
#include "commands.hpp"
#include "output.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace claimdb::cli {

namespace {

void detect(const Context& context) {
  Database db = open_for_writing(context);
  const DetectSummary s = detect_all(db);
  std::string extra;
  if (s.tensions > 0) extra += ", " + std::to_string(s.tensions) + (s.tensions == 1 ? " tension" : " tensions");
  if (s.uncompared > 0) extra += "; " + std::to_string(s.uncompared) + " claims not compared with their group";
  std::fprintf(stderr,
               "claimdb: detection compared %lld claims in %lld groups in %.2f s: %lld links "
               "(%lld contradictions%s), %lld old detector links replaced\n",
               (long long)s.claims, (long long)s.groups, s.seconds, (long long)s.links,
               (long long)s.contradictions, extra.c_str(), (long long)s.removed);
}

struct ConflictsArgs {
  ConflictFilter filter;
  std::string format = "table";
};

void conflicts(const Context& context, const ConflictsArgs& args) {
  Database db = open_for_reading(context);
  const Format format = parse_format(args.format);
  const auto found = list_conflicts(db, args.filter);
  if (format == Format::table) {
    // One block per conflict: the explanation is the point, and it is long.
    for (const auto& c : found) {
      char severity[32];
      std::snprintf(severity, sizeof severity, "%.2f", c.severity);
      std::cout << c.kind << " (" << c.relation << ", severity " << severity << ")  " << c.a
                << "  vs  " << c.b << "  [" << c.entity << "]\n  " << c.explanation << "\n";
      if (c.origin != "detector") std::cout << "  (link by " << c.origin << ")\n";
    }
    if (found.empty()) std::cout << "no conflicts\n";
    return;
  }
  Listing listing{{"a", "b", "kind", "relation", "severity", "entity", "property_a", "property_b",
                   "claimant_a", "claimant_b", "phrase_a", "phrase_b", "interval_a", "interval_b",
                   "unit_a", "unit_b", "origin", "explanation"},
                  {}};
  for (const auto& c : found) listing.rows.push_back(conflict_row(c, format));
  print(listing, format, std::cout);
}

void why(const Context& context, const std::string& a, const std::string& b,
         const std::string& format) {
  Database db = open_for_reading(context);
  const Relation r = explain_pair(db, a, b);
  if (format == "json") {
    Row row;
    row["a"] = r.a;
    row["b"] = r.b;
    row["comparable"] = r.comparable;
    row["kind"] = r.kind;
    row["relation"] = r.relation;
    row["severity"] = r.severity;
    row["explanation"] = r.explanation;
    std::cout << row.dump(2) << '\n';
    return;
  }
  std::cout << r.a << " vs " << r.b << ": " << r.kind;
  if (!r.relation.empty() && r.relation != r.kind) std::cout << " (" << r.relation << ")";
  std::cout << "\n" << r.explanation << "\n";
}

// A bound for the table: "180", "1.2e8", "inf".
std::string bound_text(const std::optional<double>& bound, const char* unbounded) {
  if (!bound) return unbounded;
  char text[64];
  std::snprintf(text, sizeof text, "%.6g", *bound);
  std::string out = text;
  const auto e = out.find("e+");
  if (e != std::string::npos) {
    std::string exponent = out.substr(e + 2);
    while (exponent.size() > 1 && exponent.front() == '0') exponent.erase(0, 1);
    out = out.substr(0, e) + "e" + exponent;
  }
  return out;
}

Row reading_row(const QuantityReading& reading) {
  Row row;
  row["phrase"] = reading.phrase;
  row["lo"] = reading.interval.lo ? Row(*reading.interval.lo) : Row(nullptr);
  row["hi"] = reading.interval.hi ? Row(*reading.interval.hi) : Row(nullptr);
  row["lo_open"] = reading.interval.lo_open;
  row["hi_open"] = reading.interval.hi_open;
  row["unit"] = reading.unit;
  row["kind"] = reading.kind;
  row["interval"] = format_interval(reading.interval);
  row["informative"] = reading.informative;
  row["rule"] = reading.rule;
  if (!reading.language.empty()) row["language"] = reading.language;
  if (!reading.counted.empty()) row["counted"] = reading.counted;
  if (!reading.warnings.empty()) row["warnings"] = reading.warnings;
  return row;
}

void quantity(const std::vector<std::string>& phrases, const std::string& unit, const std::string& language,
              const std::string& format) {
  const QuantityReader& reader = QuantityReader::builtin();
  std::vector<Row> rows;
  std::vector<std::string> warnings;
  for (const auto& phrase : phrases) {
    const QuantityReading reading = reader.read(phrase, unit, language);
    for (const auto& warning : reading.warnings) warnings.push_back("'" + phrase + "': " + warning);
    rows.push_back(reading_row(reading));
  }
  for (const auto& warning : warnings) std::cerr << "claimdb: warning: " << warning << '\n';
  if (format == "json") {
    if (rows.size() == 1) {
      std::cout << rows.front().dump(2) << '\n';
    } else {
      Row array = Row::array();
      for (auto& row : rows) array.push_back(std::move(row));
      std::cout << array.dump(2) << '\n';
    }
    return;
  }
  for (auto& row : rows) {
    row["lo"] = bound_text(row["lo"].is_null() ? std::nullopt : std::optional<double>(row["lo"].get<double>()), "-inf");
    row["hi"] = bound_text(row["hi"].is_null() ? std::nullopt : std::optional<double>(row["hi"].get<double>()), "inf");
  }
  Listing listing{{"phrase", "lo", "hi", "lo_open", "hi_open", "unit", "kind"}, std::move(rows)};
  print(listing, Format::table, std::cout, terminal_width());
}

}  // namespace

void register_detect_commands(CLI::App& app, Context& context) {
  auto* detect_cmd = app.add_subcommand(
      "detect", "Recompute every detector link (conflicts and labelled non-conflicts)");
  detect_cmd->callback([&] { run(context, [&] { detect(context); }); });

  auto args = std::make_shared<ConflictsArgs>();
  auto* conflicts_cmd = app.add_subcommand("conflicts", "List conflicting claims, each explained");
  conflicts_cmd->add_option("--about", args->filter.entity, "only conflicts about this entity id")
      ->type_name("ENTITY");
  conflicts_cmd->add_option("--property", args->filter.property, "only on this property id")
      ->type_name("PROPERTY");
  conflicts_cmd->add_option("--source", args->filter.source, "only with this claimant on either side")
      ->type_name("SOURCE");
  conflicts_cmd->add_option("--kind", args->filter.kind,
                            "only this kind: contradicts, supports, update, scope, echo, tension, uncompared")
      ->type_name("KIND");
  conflicts_cmd->add_option("--min-severity", args->filter.min_severity,
                            "only contradictions at least this severe (0..1)")
      ->type_name("X")
      ->check(CLI::Range(0.0, 1.0));
  conflicts_cmd->add_flag("--all", args->filter.include_non_conflicts,
                          "also list supports, the labelled non-conflicts (update, scope, echo, tension) and the claims not compared");
  conflicts_cmd->add_option("--format", args->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  conflicts_cmd->callback([&, args] { run(context, [&] { conflicts(context, *args); }); });

  auto pair = std::make_shared<std::vector<std::string>>();
  auto why_format = std::make_shared<std::string>("table");
  auto* why_cmd = app.add_subcommand("why", "Explain how two claims relate (or why they do not)");
  why_cmd->add_option("A B", *pair, "two claim ids")->required()->expected(2)->type_name("CLAIM");
  why_cmd->add_option("--format", *why_format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  why_cmd->callback([&, pair, why_format] {
    run(context, [&] { why(context, (*pair)[0], (*pair)[1], *why_format); });
  });

  auto phrases = std::make_shared<std::vector<std::string>>();
  auto unit = std::make_shared<std::string>();
  auto quantity_format = std::make_shared<std::string>("table");
  auto language = std::make_shared<std::string>();
  auto* quantity_cmd = app.add_subcommand("quantity", "Show how quantity phrases are read");
  quantity_cmd->add_option("PHRASE", *phrases, "phrases such as \"nearly 200 drones\"")
      ->required()
      ->type_name("PHRASE");
  quantity_cmd->add_option("--unit", *unit, "expected unit: used when a phrase names none; a unit of another kind is refused")->type_name("U");
  quantity_cmd->add_option("--lang", *language,
                           "language of the phrases, a BCP 47 tag (fr, de-CH, uk, ...); default: none given, read as English")
      ->type_name("L");
  quantity_cmd->add_option("--format", *quantity_format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  quantity_cmd->callback([&, phrases, unit, language, quantity_format] {
    run(context, [&] { quantity(*phrases, *unit, *language, *quantity_format); });
  });
}

}  // namespace claimdb::cli
