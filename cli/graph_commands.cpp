// disputes, camps, provenance, status, graph: the claim graph on the command line.
#include "commands.hpp"
#include "output.hpp"
#include "rows.hpp"

#include <CLI/CLI.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>

extern char** environ;

namespace claimdb::cli {

namespace {

struct GraphArgs {
  std::string about;         // --about: one entity, or all
  std::string format = "table";
  bool all = false;          // disputes: also agreeing clusters; graph: also unlinked claims
  bool by_source = false;    // camps: source alignments instead of camps
  std::string claim;         // provenance
  std::string output;        // graph: -o FILE
};

ClaimGraph load_graph(const Context& context, const GraphArgs& args) {
  Database db = open_for_reading(context);
  return ClaimGraph::load(db, GraphScope{args.about});
}

Row dispute_row(int number, const Dispute& d) {
  Row row;
  row["dispute"] = number;
  row["entity"] = d.entities.front();
  row["entities"] = strings(d.entities);
  row["properties"] = strings(d.properties);
  row["claims"] = strings(d.claims);
  row["sources"] = strings(d.sources);
  row["links"] = d.links;
  row["contradictions"] = d.contradictions;
  return row;
}

void disputes(const Context& context, const GraphArgs& args) {
  const ClaimGraph graph = load_graph(context, args);
  Listing listing{{"dispute", "entity", "properties", "contradictions", "sources", "claims"}, {}};
  int number = 0;
  for (const auto& d : find_disputes(graph, args.all)) listing.rows.push_back(dispute_row(++number, d));
  print(listing, parse_format(args.format), std::cout, terminal_width());
}

void source_alignments(const std::vector<DisputeCamps>& camps, Format format) {
  Listing listing{{"source", "other", "together", "opposed"}, {}};
  for (const auto& a : source_camps(camps)) {
    listing.rows.push_back(alignment_row(a));
  }
  print(listing, format, std::cout, terminal_width());
}

void camps(const Context& context, const GraphArgs& args) {
  const ClaimGraph graph = load_graph(context, args);
  const auto found = find_camps(graph);
  const Format format = parse_format(args.format);
  if (args.by_source) return source_alignments(found, format);
  if (format == Format::json) {
    Listing listing;
    int number = 0;
    for (const auto& d : found) {
      listing.rows.push_back(camps_row(++number, d));
    }
    return print(listing, format, std::cout);
  }
  // Table and CSV: one row per camp, or one for the cycle of an unbalanced dispute.
  Listing listing{{"dispute", "entity", "side", "sources", "claims"}, {}};
  int number = 0;
  for (const auto& d : found) {
    ++number;
    auto add = [&](const std::string& side, const std::vector<std::string>& sources,
                   const std::vector<std::string>& claims) {
      Row row;
      row["dispute"] = number;
      row["entity"] = d.dispute.entities.front();
      row["side"] = side;
      row["sources"] = strings(sources);
      row["claims"] = strings(claims);
      listing.rows.push_back(row);
    };
    if (d.balanced) {
      add("camp 1", d.camps[0].sources, d.camps[0].claims);
      add("camp 2", d.camps[1].sources, d.camps[1].claims);
      if (!d.outside.empty()) add("no camp", {}, d.outside);
    } else {
      add("unbalanced: cycle", d.dispute.sources, d.cycle);
    }
  }
  print(listing, format, std::cout, terminal_width());
}

Row provenance_row(const Provenance& p) {
  Row row;
  row["claim"] = p.claim;
  row["claimant"] = p.claimant;
  row["chain"] = Row::array();
  for (const auto& step : p.chain) {
    Row s;
    s["report"] = step.report;
    s["publisher"] = step.publisher;
    s["published_at"] = step.published_at;
    row["chain"].push_back(s);
  }
  row["citation_cycle"] = p.citation_cycle;
  row["cycle_at"] = p.cycle_at;
  row["echoes"] = strings(p.echoes);
  row["original_claim"] = p.original_claim;
  row["original_claimant"] = p.original_claimant;
  row["first_claim"] = p.first_claim;
  row["first_claimant"] = p.first_claimant;
  row["first_seen"] = p.first_seen;
  row["independent_origins"] = p.independent_origins;
  row["claimants"] = p.claimants;
  row["origins"] = Row::array();
  for (const auto& o : p.origins) {
    Row origin;
    origin["origin"] = o.key;
    origin["sources"] = strings(o.sources);
    origin["claims"] = strings(o.claims);
    row["origins"].push_back(origin);
  }
  return row;
}

void provenance(const Context& context, const GraphArgs& args) {
  const ClaimGraph graph = load_graph(context, args);
  const Provenance p = trace_provenance(graph, args.claim);
  const Row row = provenance_row(p);
  if (args.format == "json") {
    std::cout << row.dump(2) << '\n';
    return;
  }
  // Table: one line per fact.
  Listing listing{{"what", "value"}, {}};
  auto add = [&](const std::string& what, const std::string& value) {
    Row line;
    line["what"] = what;
    line["value"] = value;
    listing.rows.push_back(line);
  };
  add("claim", p.claim + " (" + p.claimant + ")");
  std::string chain;
  for (const auto& step : p.chain) {
    if (!chain.empty()) chain += " <- ";
    chain += step.report + (step.publisher.empty() ? "" : " (" + step.publisher + ")");
  }
  if (p.citation_cycle) chain += " <- " + p.cycle_at + " again: citation cycle";
  add("citation chain", chain.empty() ? "(no report)" : chain);
  add("echoes", cell_text(strings(p.echoes)));
  add("original claimant", p.original_claimant + " (" + p.original_claim + ")");
  add("first appearance",
      p.first_claim + " (" + p.first_claimant + (p.first_seen.empty() ? "" : ", " + p.first_seen) + ")");
  std::string origins;
  for (const auto& o : p.origins) {
    if (!origins.empty()) origins += "; ";
    origins += o.key + ": " + cell_text(strings(o.claims));
  }
  add("independent origins", std::to_string(p.independent_origins) + " (" + origins + ")");
  print(listing, Format::table, std::cout, terminal_width());
}

void status(const Context& context, const GraphArgs& args) {
  const ClaimGraph graph = load_graph(context, args);
  Listing listing{{"claim", "status", "reason", "contradicted_by"}, {}};
  for (const auto& s : grounded_labels(graph)) {
    Row row;
    row["claim"] = s.claim;
    row["status"] = to_string(s.status);
    row["reason"] = s.reason;
    row["contradicted_by"] = strings(s.attackers);
    listing.rows.push_back(row);
  }
  print(listing, parse_format(args.format), std::cout, terminal_width());
}

Row picture_json(const Picture& picture) {
  Row out;
  out["nodes"] = Row::array();
  for (const auto& n : picture.nodes) {
    Row node;
    node["claim"] = n.claim;
    node["claimant"] = n.claimant;
    node["entity"] = n.entity;
    node["property"] = n.property;
    node["phrase"] = n.phrase;
    node["place"] = n.place;
    node["dispute"] = n.dispute;
    node["camp"] = n.camp < 0 ? Row() : Row(n.camp + 1);
    node["on_cycle"] = n.on_cycle;
    node["status"] = to_string(n.status);
    node["retracted"] = n.retracted;
    node["superseded"] = n.superseded;
    out["nodes"].push_back(node);
  }
  out["edges"] = Row::array();
  for (const auto& e : picture.edges) {
    Row edge;
    edge["link"] = e.link;
    edge["from"] = e.from;
    edge["to"] = e.to;
    edge["kind"] = e.kind;
    edge["origin"] = e.origin;
    out["edges"].push_back(edge);
  }
  return out;
}

// The Graphviz program: $CLAIMDB_DOT, or `dot` found on PATH; "" when absent.
std::string graphviz_program() {
  if (const char* chosen = std::getenv("CLAIMDB_DOT"); chosen && *chosen)
    return access(chosen, X_OK) == 0 ? chosen : "";
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/dot";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

// Renders DOT text with Graphviz into `output` (stdout when empty).
void render(const std::string& dot, const std::string& format, const std::string& output) {
  const std::string program = graphviz_program();
  if (program.empty())
    throw Error(ErrorCode::io, "--format " + format +
                                   " needs Graphviz's 'dot' program, which is not installed (not on PATH); "
                                   "install graphviz, or use --format dot and render it elsewhere");
  std::random_device random;
  const auto input = std::filesystem::temp_directory_path() /
                     ("claimdb-graph-" + std::to_string(random()) + std::to_string(random()) + ".dot");
  {
    std::ofstream file(input, std::ios::binary);
    file << dot;
    if (!file) throw Error(ErrorCode::io, "cannot write a temporary file for Graphviz");
  }
  std::vector<std::string> words{program, "-T" + format};
  if (!output.empty()) words.push_back("-o" + output);
  words.push_back(input.string());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::cout.flush();
  pid_t child = 0;
  int spawned = posix_spawn(&child, program.c_str(), nullptr, nullptr, argv.data(), environ);
  int wait_status = 0;
  if (spawned == 0) waitpid(child, &wait_status, 0);
  std::error_code ignored;
  std::filesystem::remove(input, ignored);
  if (spawned != 0) throw Error(ErrorCode::io, "cannot run " + program + ": " + std::strerror(spawned));
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0)
    throw Error(ErrorCode::io, "Graphviz failed to render " + (output.empty() ? "the picture" : "'" + output + "'"));
}

void picture(const Context& context, const GraphArgs& args) {
  const ClaimGraph graph = load_graph(context, args);
  const Picture drawn = draw(graph, args.all);
  if (args.format == "svg" || args.format == "png") return render(to_dot(drawn), args.format, args.output);
  const std::string text = args.format == "json" ? picture_json(drawn).dump(2) + "\n" : to_dot(drawn);
  if (args.output.empty()) {
    std::cout << text;
    return;
  }
  std::ofstream file(args.output, std::ios::binary);
  file << text;
  if (!file) throw Error(ErrorCode::io, "cannot write '" + args.output + "'");
}

void add_about(CLI::App* command, GraphArgs& args) {
  command->add_option("--about", args.about, "only claims about this entity id (and links among them)")
      ->type_name("ENTITY");
}

void add_format(CLI::App* command, GraphArgs& args, std::vector<std::string> formats, const std::string& help) {
  command->add_option("--format", args.format, help)
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
}

}  // namespace

void register_graph_commands(CLI::App& app, Context& context) {
  auto disputes_args = std::make_shared<GraphArgs>();
  auto* disputes_cmd = app.add_subcommand(
      "disputes", "List disputes: groups of linked claims holding at least one contradiction");
  add_about(disputes_cmd, *disputes_args);
  disputes_cmd->add_flag("--all", disputes_args->all, "also list linked groups that only agree");
  add_format(disputes_cmd, *disputes_args, {"table", "json", "csv"}, "table, json or csv");
  disputes_cmd->callback([&, disputes_args] { run(context, [&] { disputes(context, *disputes_args); }); });

  auto camps_args = std::make_shared<GraphArgs>();
  auto* camps_cmd = app.add_subcommand(
      "camps", "Split each dispute into two camps, or show the cycle of claims that prevents it");
  add_about(camps_cmd, *camps_args);
  camps_cmd->add_flag("--by-source", camps_args->by_source,
                      "list pairs of sources with how often they side together and against each other");
  add_format(camps_cmd, *camps_args, {"table", "json", "csv"}, "table, json or csv");
  camps_cmd->callback([&, camps_args] { run(context, [&] { camps(context, *camps_args); }); });

  auto provenance_args = std::make_shared<GraphArgs>();
  auto* provenance_cmd = app.add_subcommand(
      "provenance", "Trace a claim: citation chain, original claimant, first appearance, independent origins");
  provenance_cmd->add_option("CLAIM", provenance_args->claim, "the claim id")->required();
  add_format(provenance_cmd, *provenance_args, {"table", "json"}, "table or json");
  provenance_cmd->callback([&, provenance_args] { run(context, [&] { provenance(context, *provenance_args); }); });

  auto status_args = std::make_shared<GraphArgs>();
  auto* status_cmd = app.add_subcommand(
      "status", "Label each claim in, out or undecided (grounded extension: contradictions attack, "
                "false reviews, retractions and corrections knock out)");
  add_about(status_cmd, *status_args);
  add_format(status_cmd, *status_args, {"table", "json", "csv"}, "table, json or csv");
  status_cmd->callback([&, status_args] { run(context, [&] { status(context, *status_args); }); });

  auto graph_args = std::make_shared<GraphArgs>();
  graph_args->format = "dot";
  auto* graph_cmd = app.add_subcommand(
      "graph", "Draw the claim graph: Graphviz DOT, SVG or PNG (rendered with Graphviz's dot), or JSON");
  add_about(graph_cmd, *graph_args);
  graph_cmd->add_flag("--all", graph_args->all, "also draw claims without links");
  add_format(graph_cmd, *graph_args, {"dot", "svg", "png", "json"}, "dot, svg, png or json");
  graph_cmd->add_option("-o,--output", graph_args->output, "write to FILE instead of standard output")
      ->type_name("FILE");
  graph_cmd->callback([&, graph_args] { run(context, [&] { picture(context, *graph_args); }); });
}

}  // namespace claimdb::cli
