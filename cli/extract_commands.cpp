// extract: draft claims from an article's text, and the review walk.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "commands.hpp"

namespace claimdb::cli {

namespace {

struct ExtractArgs {
  std::string file;
  ExtractOptions options;
  std::string format = "json";
  bool review = false;
  std::string evaluate;  // a hand-encoded document to compare with
};

// The database to reuse records from, when it exists.
std::unique_ptr<Database> known_database(const Context& context) {
  if (context.db_path != ":memory:" && !std::filesystem::exists(context.db_path)) return nullptr;
  return std::make_unique<Database>(open_for_reading(context));
}

std::unique_ptr<std::istream> open_input(const std::string& file) {
  if (file == "-") return nullptr;
  auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
  if (!*in) {
    Location where;
    where.file = file;
    throw Error(ErrorCode::io, "cannot open the text file", where);
  }
  return in;
}

void print_table(const Extraction& x, std::ostream& out) {
  out << "report " << printable(x.report.id) << ": " << printable(x.report.title) << '\n';
  for (auto& d : x.claims) {
    out << '\n' << printable(d.claim.id) << "  confidence " << std::fixed;
    out.precision(2);
    out << d.confidence << '\n';
    out << "  value     " << printable(d.claim.value.phrase) << '\n';
    out << "  property  " << printable(d.claim.property) << '\n';
    out << "  claimant  " << printable(d.claim.claimant) << " (\"" << printable(d.claimant_name) << "\")\n";
    out << "  entity    " << printable(d.claim.entity) << '\n';
    out << "  quote     " << printable(d.claim.quote) << "  [" << d.quote_begin << "-" << d.quote_end << "]\n";
    for (auto& note : d.needs_review) out << "  check     " << printable(note) << '\n';
  }
}

void print_evaluation(const ExtractEvaluation& ev, std::ostream& out) {
  auto pct = [](int a, int b) { return b == 0 ? std::string("-") : std::to_string((100 * a + b / 2) / b) + "%"; };
  for (auto& line : ev.lines) out << "  " << printable(line) << '\n';
  out << "quantity claims expected  " << ev.expected << '\n'
      << "phrases found             " << ev.found << " (" << pct(ev.found, ev.expected) << ")\n"
      << "claimant right            " << ev.claimant_right << " (" << pct(ev.claimant_right, ev.found) << " of found)\n"
      << "property right            " << ev.property_right << " (" << pct(ev.property_right, ev.found) << " of found)\n"
      << "quantity drafts           " << ev.drafts << '\n'
      << "spurious quantity drafts  " << ev.spurious << '\n'
      << "statement drafts          " << ev.statements << '\n';
}

// The fields a person may change in the review walk.
bool edit_field(DraftClaim& d, const std::string& field, const std::string& value) {
  if (field == "value") d.claim.value.phrase = value;
  else if (field == "property") d.claim.property = value;
  else if (field == "claimant") d.claim.claimant = value;
  else if (field == "entity") d.claim.entity = value;
  else if (field == "quote") d.claim.quote = value;
  else return false;
  return true;
}

// Walks the drafts one by one, reading answers from `in`; imports the
// accepted ones, with the records they need, in one transaction.
void review_walk(Database& db, Extraction x, const std::function<std::optional<std::string>()>& answer_line,
                 std::ostream& out) {
  std::vector<DraftClaim> accepted;
  std::size_t index = 0;
  bool quit = false;
  for (auto& d : x.claims) {
    ++index;
    for (;;) {
      Extraction one;
      one.report = x.report;
      one.claims.push_back(d);
      out << "\n[" << index << "/" << x.claims.size() << "]";
      std::ostringstream shown;
      print_table(one, shown);
      const auto text = shown.str();
      out << text.substr(text.find('\n') + 1);
      out << "accept (a), edit (e FIELD VALUE; fields value, property, claimant, entity, quote), reject (r), skip (s), "
             "quit (q)? "
          << std::flush;
      const auto next = answer_line();
      if (!next) {
        quit = true;
        break;
      }
      const std::string& line = *next;
      const auto first = line.find_first_not_of(" \t");
      const std::string answer = first == std::string::npos ? "" : line.substr(first);
      if (answer == "a" || answer == "accept") {
        accepted.push_back(d);
        break;
      }
      if (answer == "r" || answer == "reject" || answer == "s" || answer == "skip" || answer.empty()) break;
      if (answer == "q" || answer == "quit") {
        quit = true;
        break;
      }
      if (answer.rfind("e ", 0) == 0 || answer.rfind("edit ", 0) == 0) {
        std::istringstream words(answer.substr(answer.find(' ') + 1));
        std::string field, value;
        words >> field;
        std::getline(words >> std::ws, value);
        if (value.empty() || !edit_field(d, field, value))
          out << "unknown field or empty value: give e FIELD VALUE\n";
        continue;
      }
      out << "answer a, e FIELD VALUE, r, s or q\n";
    }
    if (quit) break;
  }
  if (accepted.empty()) {
    out << "nothing accepted; nothing imported\n";
    return;
  }
  // The records the accepted claims need, and none other.
  std::set<std::string> sources{x.report.publisher}, entities, properties;
  for (auto& d : accepted) {
    sources.insert(d.claim.claimant);
    entities.insert(d.claim.entity);
    properties.insert(d.claim.property);
  }
  Extraction keep;
  keep.report = x.report;
  for (auto& s : x.sources)
    if (sources.count(s.id)) keep.sources.push_back(s);
  for (auto& e : x.entities)
    if (entities.count(e.id)) keep.entities.push_back(e);
  for (auto& p : x.properties)
    if (properties.count(p.id)) keep.properties.push_back(p);
  keep.claims = accepted;
  std::ostringstream doc;
  write_extraction_json(keep, doc);
  // Accepted drafts say so in their review record.
  std::string text = doc.str();
  const std::string from = "\"rating\": \"" + std::string(draft_rating) + "\"";
  const std::string to = "\"rating\": \"" + std::string(accepted_draft_rating) + "\"";
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  ImportOptions options;
  options.warn = [](const std::string& w) { std::cerr << "claimdb: warning: " << w << '\n'; };
  const auto summary = import_text(db, text, x.report.id + " (reviewed drafts)", false, options);
  out << "imported " << summary.claims << " accepted claims (" << summary.records() << " records) in one transaction\n";
}

std::optional<std::string> stdin_lines() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  return line;
}

void extract(const Context& context, ExtractArgs args) {
  if (args.format != "json" && args.format != "jsonl" && args.format != "table") {
    Location where;
    where.field = "format";
    throw Error(ErrorCode::bad_input, "unknown format '" + args.format + "' (expected json, jsonl or table)", where);
  }
  args.options.name = args.file;
  const auto known = known_database(context);
  auto file = open_input(args.file);
  std::istream& in = file ? *file : std::cin;
  if (args.format == "jsonl" && !args.review && args.evaluate.empty()) {
    // Streamed: each record is written as it is drafted.
    ExtractSink sink = jsonl_sink(std::cout);
    sink.warn = [](const std::string& w) { std::cerr << "claimdb: warning: " << w << '\n'; };
    extract_stream(in, args.options, known.get(), sink);
    return;
  }
  Extraction x = extract_text(in, args.options, known.get());
  if (!args.evaluate.empty()) {
    Database scratch = Database::open(":memory:");
    import_files(scratch, {args.evaluate});
    print_evaluation(evaluate_extraction(x, scratch.snapshot()), std::cout);
    return;
  }
  if (args.review) {
    if (args.file == "-") {
      Location where;
      where.field = "review";
      throw Error(ErrorCode::bad_input, "--review reads its answers from standard input: give the text as a FILE", where);
    }
    Database db = open_for_writing(context);
    review_walk(db, std::move(x), stdin_lines, std::cout);
    return;
  }
  if (args.format == "table") print_table(x, std::cout);
  else write_extraction_json(x, std::cout);
}

}  // namespace

void extract_review(Database& db, const std::string& file,
                    const std::function<std::optional<std::string>()>& answer, std::ostream& out) {
  ExtractOptions options;
  options.name = file;
  auto in = open_input(file);
  if (!in) throw Error(ErrorCode::bad_input, ".extract needs a FILE, not standard input");
  review_walk(db, extract_text(*in, options, &db), answer, out);
}

void register_extract_commands(CLI::App& app, Context& context) {
  auto args = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand("extract", "Draft claims from an article's text, for a person to review");
  cmd->add_option("FILE", args->file, "plain text, Markdown or simple HTML (UTF-8); - for standard input")->required();
  cmd->add_option("--report-id", args->options.report_id, "id of the report (default: from the file name)")->type_name("ID");
  cmd->add_option("--title", args->options.title, "title of the report (default: the first line)")->type_name("T");
  cmd->add_option("--publisher", args->options.publisher, "source id of the publisher: claimant of unattributed figures")
      ->type_name("S");
  cmd->add_option("--published-at", args->options.published_at, "publication time (ISO 8601)")->type_name("T");
  cmd->add_option("--lang", args->options.language, "language of the text, a BCP 47 tag (default: English)")->type_name("L");
  cmd->add_option("--entity", args->options.entity, "entity id every claim is about")->type_name("E");
  cmd->add_option("--format", args->format, "json (a document), jsonl (streamed) or table")->type_name("F");
  cmd->add_flag("--review", args->review, "walk the drafts one by one, then import the accepted ones");
  cmd->add_option("--evaluate", args->evaluate, "compare the drafts with a hand-encoded claimdb document")
      ->type_name("EXPECTED");
  cmd->callback([&context, args] { run(context, [&] { extract(context, *args); }); });
}

}  // namespace claimdb::cli
