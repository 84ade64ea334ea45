// truth, trust.
#include "commands.hpp"
#include "output.hpp"

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

Row value_json(const TruthAnswer& a) {
  if (a.value_type != ValueType::quantity) return Row(a.value.phrase);
  Row v;
  v["phrase"] = a.value.phrase;
  const auto& i = a.value.interval;
  v["lo"] = i && i->lo ? Row(*i->lo) : Row(nullptr);
  v["hi"] = i && i->hi ? Row(*i->hi) : Row(nullptr);
  v["lo_open"] = i ? i->lo_open : false;
  v["hi_open"] = i ? i->hi_open : false;
  v["unit"] = a.value.unit;
  return v;
}

std::string list_text(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
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
    Row row;
    row["entity"] = a.entity;
    row["property"] = a.property;
    row["place"] = a.place;
    row["valid_from"] = a.valid_from;
    row["valid_to"] = a.valid_to;
    if (format == Format::json) {
      row["value"] = value_json(a);
    } else {
      std::string text = a.value.phrase;
      if (a.value.interval) text += " [" + format_interval(*a.value.interval) + "]";
      row["value"] = text;
    }
    row["confidence"] = std::round(a.confidence * 10000) / 10000;
    if (format == Format::json) {
      row["claims"] = a.claims;
      row["sources"] = a.sources;
      row["dissent"] = a.dissent;
      row["dissent_sources"] = a.dissent_sources;
    } else {
      row["claims"] = list_text(a.claims);
      row["sources"] = list_text(a.sources);
      row["dissent"] = list_text(a.dissent);
      row["dissent_sources"] = list_text(a.dissent_sources);
    }
    row["margin"] = a.margin;
    row["independent_origins"] = a.independent_origins;
    row["alternatives"] = a.alternatives;
    row["reviewed"] = a.reviewed;
    row["method"] = a.method;
    row["explanation"] = a.explanation;
    listing.rows.push_back(std::move(row));
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
    Row row;
    row["source"] = s.source;
    row["reliability"] = std::round(s.reliability * 10000) / 10000;
    row["claims"] = s.claims;
    row["agreed"] = s.agreed;
    if (format == Format::json) row["copies"] = s.copies;
    else row["copies"] = list_text(s.copies);
    row["method"] = result.method;
    listing.rows.push_back(std::move(row));
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
