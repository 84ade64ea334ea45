// stats, check, claims.
#include "commands.hpp"
#include "output.hpp"
#include "rows.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace claimdb::cli {

namespace {

void stats(const Context& context, const std::string& format) {
  Database db = open_for_reading(context);
  const Stats s = db.stats();
  Listing listing{{"table", "rows"}, {}};
  auto add = [&](const char* name, std::int64_t n) {
    Row row;
    row["table"] = name;
    row["rows"] = n;
    listing.rows.push_back(row);
  };
  if (format == "json") {
    Row row;
    row["sources"] = s.sources;
    row["reports"] = s.reports;
    row["entities"] = s.entities;
    row["properties"] = s.properties;
    row["claims"] = s.claims;
    row["links"] = s.links;
    row["detector_links"] = s.detector_links;
    row["reviews"] = s.reviews;
    row["retractions"] = s.retractions;
    row["supersessions"] = s.supersessions;
    row["amendments"] = s.amendments;
    row["schema_version"] = s.schema_version;
    row["file_bytes"] = s.file_bytes;
    std::cout << row.dump(2) << '\n';
    return;
  }
  add("sources", s.sources);
  add("entities", s.entities);
  add("properties", s.properties);
  add("reports", s.reports);
  add("claims", s.claims);
  add("links", s.links);
  add("detector links", s.detector_links);
  add("reviews", s.reviews);
  add("retractions", s.retractions);
  add("supersessions", s.supersessions);
  add("amendments", s.amendments);
  print(listing, Format::table, std::cout);
  std::cout << "schema version " << s.schema_version << ", " << s.file_bytes << " bytes\n";
}

int check(const Context& context) {
  Database db = open_for_reading(context);
  auto findings = db.check();
  int errors = 0;
  for (const auto& f : findings) {
    std::cout << f.severity << ": " << f.what << '\n';
    if (f.severity == "error") ++errors;
  }
  if (findings.empty()) std::cout << "ok\n";
  return errors > 0 ? exit_check_failed : exit_ok;
}

struct ClaimsArgs {
  ClaimFilter filter;
  std::string format = "table";
};

void claims(const Context& context, const ClaimsArgs& args) {
  Database db = open_for_reading(context);
  Listing listing{{"id", "claimant", "entity", "property", "value", "interval", "unit", "place", "quote"}, {}};
  for (const auto& c : db.list_claims(args.filter)) listing.rows.push_back(claim_row(c));
  print(listing, parse_format(args.format), std::cout, terminal_width());
}

}  // namespace

void register_report_commands(CLI::App& app, Context& context) {
  auto format = std::make_shared<std::string>("table");
  auto* stats_cmd = app.add_subcommand("stats", "Count the records in the database");
  stats_cmd->add_option("--format", *format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  stats_cmd->callback([&, format] { run(context, [&] { stats(context, *format); }); });

  auto* check_cmd = app.add_subcommand(
      "check", "Check the database's integrity (SQLite's own checks and claimdb's invariants)");
  check_cmd->callback([&] {
    run(context, [&] { context.status = check(context); });
  });

  auto args = std::make_shared<ClaimsArgs>();
  auto* claims_cmd = app.add_subcommand("claims", "List claims, optionally filtered");
  claims_cmd->add_option("--about", args->filter.entity, "only claims about this entity id")
      ->type_name("ENTITY");
  claims_cmd->add_option("--on", args->filter.property, "only claims on this property id")
      ->type_name("PROPERTY");
  claims_cmd->add_option("--by", args->filter.claimant, "only claims by this source id")
      ->type_name("SOURCE");
  claims_cmd->add_option("--in", args->filter.report, "only claims seen in this report id")
      ->type_name("REPORT");
  claims_cmd->add_option("--limit", args->filter.limit, "at most N claims (0: all)")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  claims_cmd->add_option("--format", args->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  claims_cmd->callback([&, args] { run(context, [&] { claims(context, *args); }); });
}

}  // namespace claimdb::cli
