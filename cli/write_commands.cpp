// add, correct, retract, review, link, amend, history: each verb defined
// once, for the command line and the REPL.
#include "write_commands.hpp"

#include "commands.hpp"
#include "output.hpp"
#include "rows.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace claimdb::cli {

namespace {

const char* const json_help = "table (the new id) or json (the whole record)";

// What every write prints: the id (or, in the REPL, a confirmation line),
// then a claim's conflicts; with --format json one object.
void print_written(WriteTarget& target, const WriteResult& result, const std::string& format,
                   const std::string& confirmation) {
  std::ostream& out = *target.out;
  Database& db = target.database();
  for (const auto& [kind, id] : result.created)
    *target.err << (target.confirm ? "" : "claimdb: ") << "created " << kind << " '" << printable(id)
                << "' (--create-missing)\n";
  // After what was recorded: the warnings qualify it.
  auto warn = [&] {
    out.flush();
    for (const auto& w : result.warnings)
      *target.err << (target.confirm ? "warning: " : "claimdb: warning: ") << printable(w) << '\n';
    target.err->flush();
  };
  if (format == "json") {
    Row doc;
    doc["kind"] = result.kind;
    doc["id"] = result.id;
    const std::string record_kind = result.kind == "retraction" ? "claim"
                                    : result.kind == "amendment" ? result.record
                                                                 : result.kind;
    if (!record_kind.empty())
      doc["record"] = Row::parse(record_json(db, record_kind, result.id));
    Row created = Row::array();
    for (const auto& [kind, id] : result.created) created.push_back(Row{{"kind", kind}, {"id", id}});
    doc["created"] = std::move(created);
    if (result.kind == "claim") {
      Row conflicts = Row::array();
      for (const auto& c : result.conflicts) conflicts.push_back(conflict_row(c, Format::json));
      doc["conflicts"] = std::move(conflicts);
      doc["warnings"] = result.warnings;
    }
    out << doc.dump(2) << '\n';
    warn();
    return;
  }
  out << printable(target.confirm ? confirmation : result.id) << '\n';
  for (const auto& c : result.conflicts) {
    char severity[32];
    std::snprintf(severity, sizeof severity, "%.2f", c.severity);
    const std::string& other = c.a == result.id ? c.b : c.a;
    out << "  conflict: " << c.kind << " (" << c.relation << ", severity " << severity << ") with "
        << printable(other) << "\n    " << printable(c.explanation) << '\n';
  }
  if (target.confirm && result.kind == "claim" && result.conflicts.empty()) out << "  no conflicts\n";
  warn();
}

CLI::Option* format_option(CLI::App* cmd, std::string& format) {
  return cmd->add_option("--format", format, json_help)
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
}

// Runs a verb through the target's guard.
template <typename Body>
std::function<void()> verb(WriteTarget& target, Body body) {
  return [&target, body] { target.guard(body); };
}

void add_commands(CLI::App& app, WriteTarget& target) {
  auto* add = app.add_subcommand("add", "Record a source, entity, property, report or claim");
  add->require_subcommand(1);
  add->footer("Each prints the new id (made from the name when --id is absent); "
              "claimdb add KIND --help lists its fields.");

  {
    auto s = std::make_shared<Source>();
    auto format = std::make_shared<std::string>("table");
    auto* cmd = add->add_subcommand("source", "Record a source: who asserts (person, outlet, government body)");
    cmd->add_option("--id", s->id, "its id (default: made from the name)");
    cmd->add_option("--name", s->name, "its name")->required();
    cmd->add_option("--kind", s->kind, "person, organisation, outlet, government, ...");
    cmd->add_option("--affiliation", s->affiliation, "the side it belongs to, e.g. ukraine-gov");
    cmd->add_option("--description", s->description, "free text");
    format_option(cmd, *format);
    cmd->callback(verb(target, [&target, s, format] {
      const WriteResult r = add_source(target.database(), *s);
      print_written(target, r, *format, "added source " + r.id);
    }));
  }
  {
    auto e = std::make_shared<Entity>();
    auto format = std::make_shared<std::string>("table");
    auto* cmd = add->add_subcommand("entity", "Record an entity: what claims are about (event, place, ...)");
    cmd->add_option("--id", e->id, "its id (default: made from the name)");
    cmd->add_option("--name", e->name, "its name")->required();
    cmd->add_option("--kind", e->kind, "event, place, organisation, person, ...");
    cmd->add_option("--alias", e->aliases, "another name (repeat for several)");
    cmd->add_option("--part-of", e->part_of, "the id of the enclosing place");
    cmd->add_option("--description", e->description, "free text");
    format_option(cmd, *format);
    cmd->callback(verb(target, [&target, e, format] {
      const WriteResult r = add_entity(target.database(), *e);
      print_written(target, r, *format, "added entity " + r.id);
    }));
  }
  {
    struct Args {
      Property p;
      std::string name, type = "quantity";
      std::vector<std::string> constraints;
      std::string format = "table";
    };
    auto a = std::make_shared<Args>();
    auto* cmd = add->add_subcommand("property", "Record a property: what is said about an entity");
    cmd->add_option("--id", a->p.id, "its id, e.g. drones_launched");
    cmd->add_option("--name", a->name, "its name, from which the id is made when --id is absent");
    cmd->add_option("--type", a->type, "quantity, category, boolean or text")
        ->check(CLI::IsMember({"quantity", "category", "boolean", "text"}))
        ->capture_default_str();
    cmd->add_option("--unit", a->p.unit, "a quantity's unit, e.g. drone");
    cmd->add_flag("--multi-valued", a->p.multi_valued, "several values may hold at once");
    cmd->add_flag("--cumulative", a->p.cumulative, "a running total that only rises over as_of time");
    cmd->add_option("--constraint", a->constraints,
                    "a relation to another property, e.g. '<=drones_launched' (repeat for several)");
    cmd->add_option("--description", a->p.description, "free text");
    format_option(cmd, a->format);
    cmd->callback(verb(target, [&target, a] {
      Property p = a->p;
      p.value_type = a->type == "category" ? ValueType::category
                     : a->type == "boolean" ? ValueType::boolean
                     : a->type == "text"    ? ValueType::text
                                            : ValueType::quantity;
      for (const auto& text : a->constraints) {
        std::string relation;
        for (const char* r : {"<=", ">=", "<", ">", "="})
          if (text.rfind(r, 0) == 0) {
            relation = r;
            break;
          }
        if (relation.empty())
          throw Error(ErrorCode::bad_input,
                      "constraint '" + text + "' must start with <=, <, >=, > or =, e.g. '<=drones_launched'",
                      Location{.field = "constraint"});
        p.constraints.push_back({relation, text.substr(relation.size())});
      }
      if (p.id.empty() && a->name.empty())
        throw Error(ErrorCode::bad_input, "give --id or --name", Location{.field = "id"});
      if (p.id.empty()) p.id = make_id(target.database(), "property", a->name);
      const WriteResult r = add_property(target.database(), p);
      print_written(target, r, a->format, "added property " + r.id);
    }));
  }
  {
    auto rep = std::make_shared<Report>();
    auto format = std::make_shared<std::string>("table");
    auto* cmd = add->add_subcommand("report", "Record a report: where claims appeared");
    cmd->add_option("--id", rep->id, "its id (default: made from the title)");
    cmd->add_option("--title", rep->title, "its headline or title")->required();
    cmd->add_option("--publisher", rep->publisher, "the id of the publishing source");
    cmd->add_option("--url", rep->url, "where it can be read");
    cmd->add_option("--published-at", rep->published_at, "when it was published (ISO 8601)");
    cmd->add_option("--cites", rep->cites, "the id of a report it cites");
    cmd->add_option("--text", rep->text, "its body text (indexed for search)");
    format_option(cmd, *format);
    cmd->callback(verb(target, [&target, rep, format] {
      const WriteResult r = add_report(target.database(), *rep);
      print_written(target, r, *format, "added report " + r.id);
    }));
  }
  {
    struct Args {
      Claim c;
      std::string polarity = "asserts";
      bool create_missing = false;
      std::string format = "table";
    };
    auto a = std::make_shared<Args>();
    auto* cmd = add->add_subcommand("claim", "Record a claim: who said what about which property of an entity");
    cmd->add_option("--claimant", a->c.claimant, "the id of the original speaker (a source)")->required();
    cmd->add_option("--entity", a->c.entity, "the id of what it is about")->required();
    cmd->add_option("--property", a->c.property, "the id of the property")->required();
    cmd->add_option("--value", a->c.value.phrase, "the value as said, e.g. \"nearly 200\"")->required();
    cmd->add_option("--unit", a->c.value.unit, "the value's unit when not the property's");
    cmd->add_option("--quote", a->c.quote, "the verbatim words");
    cmd->add_option("--report", a->c.report, "the id of the report it was seen in");
    cmd->add_option("--place", a->c.place, "scope: the id of a place entity");
    cmd->add_option("--valid-from", a->c.valid_from, "scope: start of the time the value holds for");
    cmd->add_option("--valid-to", a->c.valid_to, "scope: end of that time");
    cmd->add_option("--as-of", a->c.as_of, "for running totals: when the figure was current");
    cmd->add_option("--said-at", a->c.said_at, "when the claimant said it");
    cmd->add_option("--published-at", a->c.published_at, "when the report published it");
    cmd->add_option("--polarity", a->polarity, "asserts or denies")
        ->check(CLI::IsMember({"asserts", "denies"}))
        ->capture_default_str();
    cmd->add_option("--id", a->c.id, "its id (default: made from the claimant and property)");
    cmd->add_flag("--create-missing", a->create_missing,
                  "create an unknown claimant, entity or property instead of refusing it");
    format_option(cmd, a->format);
    cmd->footer("Prints the new id, then each conflict the claim now takes part in, explained.");
    cmd->callback(verb(target, [&target, a] {
      Claim c = a->c;
      c.polarity = a->polarity == "denies" ? Polarity::denies : Polarity::asserts;
      WriteResult r;
      try {
        r = add_claim(target.database(), c, AddOptions{.create_missing = a->create_missing});
      } catch (const Error& e) {
        const std::string& field = e.location().field;
        if (e.code() == ErrorCode::not_found && !a->create_missing &&
            (field == "claimant" || field == "entity" || field == "property"))
          throw Error(e.code(), e.message() + " (add it first, or give --create-missing)", e.location());
        throw;
      }
      print_written(target, r, a->format,
                    "added claim " + r.id + (r.conflicts.empty() ? std::string()
                                             : " (" + std::to_string(r.conflicts.size()) +
                                                   (r.conflicts.size() == 1 ? " conflict)" : " conflicts)")));
    }));
  }
}

void claim_commands(CLI::App& app, WriteTarget& target) {
  {
    auto c = std::make_shared<Correction>();
    auto format = std::make_shared<std::string>("table");
    auto* cmd = app.add_subcommand(
        "correct", "Correct a claim's value: a new claim that supersedes it (the old one stays)");
    cmd->add_option("CLAIM", c->claim, "the id of the claim to correct")->required();
    cmd->add_option("--value", c->value, "the corrected value, as said")->required();
    cmd->add_option("--reason", c->reason, "why it is corrected")->required();
    cmd->add_option("--quote", c->quote, "the correction's own words");
    cmd->add_option("--id", c->id, "the new claim's id (default: CLAIM-corrected)");
    format_option(cmd, *format);
    cmd->footer("Prints the new claim's id, then the conflicts it takes part in.");
    cmd->callback(verb(target, [&target, c, format] {
      const WriteResult r = correct_claim(target.database(), *c);
      print_written(target, r, *format, "corrected " + c->claim + " by claim " + r.id);
    }));
  }
  {
    auto x = std::make_shared<Retraction>();
    auto format = std::make_shared<std::string>("table");
    auto* cmd = app.add_subcommand("retract", "Record that a claim was withdrawn (the claim stays)");
    cmd->add_option("CLAIM", x->claim, "the id of the claim")->required();
    cmd->add_option("--reason", x->reason, "why it was withdrawn")->required();
    cmd->add_option("--by", x->retracted_by, "the id of the source that withdrew it");
    cmd->add_option("--at", x->retracted_at, "when it was withdrawn (ISO 8601)");
    format_option(cmd, *format);
    cmd->callback(verb(target, [&target, x, format] {
      const WriteResult r = retract_claim(target.database(), *x);
      print_written(target, r, *format, "retracted claim " + r.id);
    }));
  }
  {
    auto v = std::make_shared<Review>();
    auto format = std::make_shared<std::string>("table");
    auto* cmd = app.add_subcommand("review", "Record a fact-checker's verdict on a claim");
    cmd->add_option("CLAIM", v->claim, "the id of the claim")->required();
    cmd->add_option("--rating", v->rating, "e.g. false, mostly-true, misleading")->required();
    cmd->add_option("--reviewer", v->reviewer, "who reviewed it")->required();
    cmd->add_option("--url", v->url, "where the review is published");
    cmd->add_option("--explanation", v->explanation, "the reasoning");
    cmd->add_option("--date", v->reviewed_at, "the date of the review (ISO 8601)");
    cmd->add_option("--id", v->id, "the review's id (default: review-N)");
    format_option(cmd, *format);
    cmd->footer("Prints the review's id.");
    cmd->callback(verb(target, [&target, v, format] {
      const WriteResult r = review_claim(target.database(), *v);
      print_written(target, r, *format, "reviewed " + v->claim + ": " + v->rating + " (review " + r.id + ")");
    }));
  }
  {
    auto l = std::make_shared<Link>();
    auto format = std::make_shared<std::string>("table");
    auto* cmd = app.add_subcommand("link", "Link two claims as an analyst (supports, contradicts, ...)");
    cmd->add_option("A", l->from, "the id of the first claim")->required();
    cmd->add_option("B", l->to, "the id of the second claim")->required();
    cmd->add_option("--kind", l->kind, "supports, contradicts, refines or repeats")->required();
    cmd->add_option("--rationale", l->rationale, "why the link holds");
    cmd->add_option("--by", l->origin, "the analyst's name (default: analyst)");
    cmd->add_option("--id", l->id, "the link's id (default: link-N)");
    format_option(cmd, *format);
    cmd->footer("Prints the link's id. The detector never overrides an analyst's link.");
    cmd->callback(verb(target, [&target, l, format] {
      const WriteResult r = link_claims(target.database(), *l);
      print_written(target, r, *format, "linked " + l->from + " " + l->kind + " " + l->to + " (link " + r.id + ")");
    }));
  }
}

void amend_command(CLI::App& app, WriteTarget& target) {
  struct Args {
    std::string record, id, reason, format = "table";
    std::string values[9];
    std::vector<std::string> aliases;
    bool no_aliases = false;
  };
  static const char* const fields[] = {"name", "kind", "affiliation", "description",
                                       "title", "url", "published-at", "text", "language"};
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "amend", "Fix descriptive fields of a source, entity, property or report (earlier versions stay)");
  cmd->add_option("KIND", a->record, "source, entity, property or report")->required();
  cmd->add_option("ID", a->id, "the record's id")->required();
  auto options = std::make_shared<std::vector<CLI::Option*>>();
  for (int i = 0; i < 9; ++i)
    options->push_back(cmd->add_option(std::string("--") + fields[i], a->values[i],
                                       std::string("the new ") + fields[i] + " (\"\" clears it)"));
  auto* alias_option = cmd->add_option("--alias", a->aliases, "entity: the new aliases (repeat for several)");
  cmd->add_flag("--no-aliases", a->no_aliases, "entity: remove every alias");
  cmd->add_option("--reason", a->reason, "why it is amended")->required();
  format_option(cmd, a->format);
  cmd->footer(
      "Fields: source: --name --kind --affiliation --description --language; entity: --name --kind --alias "
      "--description;\nproperty: --description; report: --title --url --published-at --text --language.\n"
      "A new language reads the claims recorded after it; claims already recorded keep their reading\n"
      "(claimdb correct re-reads one).\n"
      "claimdb history ID shows every version. A claim's value is corrected with claimdb correct.");
  cmd->callback(verb(target, [&target, a, options, alias_option] {
    Amendment m;
    m.record = a->record;
    m.id = a->id;
    m.reason = a->reason;
    std::optional<std::string>* members[] = {&m.name, &m.kind, &m.affiliation, &m.description,
                                             &m.title, &m.url, &m.published_at, &m.text, &m.language};
    std::string changed;
    for (int i = 0; i < 9; ++i)
      if ((*options)[i]->count() > 0) {
        *members[i] = a->values[i];
        changed += (changed.empty() ? "" : ", ") + std::string(fields[i]);
      }
    if (alias_option->count() > 0 || a->no_aliases) {
      m.aliases = a->no_aliases ? std::vector<std::string>{} : a->aliases;
      changed += (changed.empty() ? "" : ", ") + std::string("aliases");
    }
    if (m.record == "claim")
      throw Error(ErrorCode::bad_input,
                  "a claim is not amended: record a correction (claimdb correct CLAIM --value V --reason R)",
                  Location{.field = "record"});
    const WriteResult r = amend_record(target.database(), m);
    print_written(target, r, a->format, "amended " + m.record + " " + m.id + ": " + changed);
  }));
}

void history_command(CLI::App& app, WriteTarget& target) {
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto* cmd = app.add_subcommand(
      "history", "The versions of a record, or a claim's corrections, retraction, reviews and links");
  cmd->add_option("ID", *id, "the id of a source, entity, property, report or claim")->required();
  cmd->add_option("--format", *format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  cmd->callback(verb(target, [&target, id, format] {
    Listing listing{{"record", "recorded", "event", "id", "by", "detail"}, {}};
    for (const HistoryEntry& h : record_history(target.read_database(), *id)) {
      listing.rows.push_back(history_row(h));
    }
    print(listing, parse_format(*format), *target.out, target.confirm ? 0 : terminal_width());
  }));
}

}  // namespace

const std::vector<std::string>& write_verbs() {
  static const std::vector<std::string> verbs = {"add", "correct", "retract", "review",
                                                 "link", "amend", "history"};
  return verbs;
}

void add_write_commands(CLI::App& app, WriteTarget& target) {
  add_commands(app, target);
  claim_commands(app, target);
  amend_command(app, target);
  history_command(app, target);
}

std::vector<std::string> split_arguments(const std::string& line) {
  std::vector<std::string> out;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (in_word) out.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '\'' || c == '"') {
      in_word = true;
      const std::size_t start = i;
      for (++i; i < line.size() && line[i] != c; ++i) {
        if (c == '"' && line[i] == '\\' && i + 1 < line.size()) ++i;
        word += line[i];
      }
      if (i >= line.size())
        throw Error(ErrorCode::bad_input, "unclosed quote",
                    Location{.column = static_cast<std::int64_t>(start) + 1});
    } else if (c == '\\' && i + 1 < line.size()) {
      in_word = true;
      word += line[++i];
    } else {
      in_word = true;
      word += c;
    }
  }
  if (in_word) out.push_back(word);
  return out;
}

void register_write_commands(CLI::App& app, Context& context) {
  // One command runs per process: the target and its database live as long.
  static std::optional<Database> db;
  static WriteTarget target;
  target.out = &std::cout;
  target.err = &std::cerr;
  target.database = [&context]() -> Database& {
    if (!db) db = open_for_writing(context);
    return *db;
  };
  target.read_database = [&context]() -> const Database& {
    if (!db) db = open_for_reading(context);
    return *db;
  };
  target.guard = [&context](const std::function<void()>& body) { run(context, body); };
  add_write_commands(app, target);
}

}  // namespace claimdb::cli
