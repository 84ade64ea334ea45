// truth, trust.
#include "commands.hpp"
#include "output.hpp"
#include "rows.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace claimdb::cli {

namespace {

struct TruthArgs {
  TruthOptions options;
  std::vector<std::string> priors;  // source=0.9
  std::string format = "table";
};

void parse_priors(TruthArgs& args) {
  for (const auto& p : args.priors) {
    const auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ErrorCode::bad_input, "--prior '" + p + "' must read SOURCE=RELIABILITY, e.g. reuters=0.9");
    const std::string value = p.substr(eq + 1);
    std::size_t used = 0;
    double x = 0;
    try {
      x = std::stod(value, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != value.size())
      throw Error(ErrorCode::bad_input, "--prior '" + p + "': '" + value + "' is not a number");
    args.options.priors[p.substr(0, eq)] = x;
  }
}

void truth(const Context& context, TruthArgs& args) {
  const Format format = parse_format(args.format);
  parse_priors(args);
  Database db = open_for_reading(context);
  const TruthResult result = discover_truth(db, args.options);
  Listing listing{{"entity", "property", "place", "value", "confidence", "independent_origins", "sources",
                   "dissent"},
                  {}};
  for (const auto& a : result.answers) {
    listing.rows.push_back(truth_row(a, format));
  }
  if (format == Format::table && listing.rows.empty()) {
    std::cout << "no claims to weigh\n";
    return;
  }
  print(listing, format, std::cout, format == Format::table ? terminal_width() : 0);
  std::fprintf(stderr, "claimdb: truth (%s) weighed %zu groups in %d iterations, %.2f s\n", result.method.c_str(),
               result.answers.size(), result.iterations, result.seconds);
}

void trust(const Context& context, TruthArgs& args) {
  const Format format = parse_format(args.format);
  parse_priors(args);
  Database db = open_for_reading(context);
  const TruthResult result = discover_truth(db, args.options);
  Listing listing{{"source", "reliability", "claims", "agreed", "copies"}, {}};
  for (const auto& s : result.sources) {
    listing.rows.push_back(trust_row(s, result.method, format));
  }
  if (format == Format::table && listing.rows.empty()) {
    std::cout << "no sources with claims\n";
    return;
  }
  print(listing, format, std::cout, format == Format::table ? terminal_width() : 0);
}

void add_common(CLI::App* cmd, TruthArgs& args) {
  cmd->add_option("--about", args.options.entity, "only groups about this entity id")->type_name("ENTITY");
  cmd->add_option("--property", args.options.property, "only groups on this property id")->type_name("PROPERTY");
  cmd->add_option("--method", args.options.method,
                  std::string("vote, sums, truthfinder, accucopy or interval (default ") + default_truth_method() + ")")
      ->type_name("M");
  cmd->add_option("--prior", args.priors, "seed reliability of a source, e.g. reuters=0.9 (repeatable)")
      ->type_name("SOURCE=X");
  cmd->add_option("--format", args.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
}

}  // namespace

void register_truth_commands(CLI::App& app, Context& context) {
  auto truth_args = std::make_shared<TruthArgs>();
  auto* truth_cmd = app.add_subcommand("truth", "The most likely value of each group of comparable claims, explained");
  add_common(truth_cmd, *truth_args);
  truth_cmd->callback([&, truth_args] { run(context, [&] { truth(context, *truth_args); }); });

  auto trust_args = std::make_shared<TruthArgs>();
  auto* trust_cmd = app.add_subcommand("trust", "Each source's estimated reliability and the sources it appears to copy");
  add_common(trust_cmd, *trust_args);
  trust_cmd->callback([&, trust_args] { run(context, [&] { trust(context, *trust_args); }); });
}

}  // namespace claimdb::cli
