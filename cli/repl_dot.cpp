// The REPL's dot-commands: one table (name, arguments, handler, usage, help)
// from which .help, argument checks, prefix matching and "did you mean" all
// follow.
#include "repl.hpp"

#include "commands.hpp"

#include <claimdb/quantity.hpp>

#include <algorithm>
#include <fstream>
#include <functional>

namespace claimdb::cli {

namespace {

using Arguments = std::vector<std::string>;

struct DotCommand {
  const char* name;   // without the dot
  int min_args;       // fewest arguments
  int max_args;       // most arguments; rest_of_line: the rest of the line as one
  const char* usage;  // the synopsis shown by .help and on argument errors
  const char* help;   // one line
  std::function<void(Shell&, const Arguments&, const LineSource&)> run;  // throws Error on failure
};

constexpr int rest_of_line = -1;

Database& database(Shell& shell) {
  if (!shell.db) throw Error(ErrorCode::io, "no database is open; use .open FILE");
  return *shell.db;
}

void help(Shell& shell, const Arguments& args, const LineSource&);

void mode(Shell& shell, const Arguments& args, const LineSource&) {
  if (args.empty()) {
    *shell.out << "current output mode: " << mode_name(shell.mode) << '\n';
    return;
  }
  auto mode = parse_mode(args[0]);
  if (!mode)
    throw Error(ErrorCode::bad_input, "unknown mode '" + args[0] + "'; use " + mode_list());
  shell.mode = *mode;
}

void open(Shell& shell, const Arguments& args, const LineSource&) {
  Options options;
  if (shell.read_only) {
    options.read_only = true;
    options.create_if_missing = false;
  }
  Database db = Database::open(args[0], options);
  shell.db = std::move(db);
  shell.db_path = args[0];
}

void read(Shell& shell, const Arguments& args, const LineSource&) {
  if (shell.depth >= 16) throw Error(ErrorCode::bad_input, ".read is nested too deeply");
  std::ifstream in(args[0], std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "cannot read '" + args[0] + "'");
  StreamSource source(in, args[0]);
  ++shell.depth;
  const bool interactive = shell.interactive;
  shell.interactive = false;
  run_lines(shell, source);
  shell.interactive = interactive;
  --shell.depth;
}

void import(Shell& shell, const Arguments& args, const LineSource&) {
  ImportOptions options;
  options.warn = [&](const std::string& warning) { *shell.err << "warning: " << warning << '\n'; };
  const ImportSummary s = import_files(database(shell), args, options);
  *shell.out << "imported " << s.records() << " records (" << s.claims << " claims, " << s.links
             << " links) from " << args.size() << (args.size() == 1 ? " file\n" : " files\n");
}

void export_(Shell& shell, const Arguments& args, const LineSource&) {
  const std::string& path = args[0];
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorCode::io, "cannot write '" + path + "'");
  const bool lines = path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
  if (lines) export_jsonl(database(shell), out);
  else export_json(database(shell), out);
  out.close();
  if (!out) throw Error(ErrorCode::io, "cannot write '" + path + "'");
  *shell.out << "exported to " << path << (lines ? " (JSON Lines)\n" : " (JSON)\n");
}

void sql(Shell& shell, const Arguments& args, const LineSource&) {
  print_result(query_sql(database(shell), args[0]), shell.mode, *shell.out,
               Style{shell.width, shell.colour});
}

// .quantity [--lang L] [--unit U] PHRASE: how a phrase is read (as claimdb
// quantity), with its warnings on the error stream.
void quantity(Shell& shell, const Arguments& args, const LineSource&) {
  std::string rest = args[0];
  std::string language, unit;
  const auto option = [&](const char* name, std::string& value) {
    const std::string flag = std::string(name) + " ";
    if (rest.rfind(flag, 0) != 0) return false;
    rest.erase(0, flag.size());
    const auto space = rest.find(' ');
    if (space == std::string::npos) throw Error(ErrorCode::bad_input, std::string(name) + " needs a value and a phrase after it");
    value = rest.substr(0, space);
    rest.erase(0, rest.find_first_not_of(' ', space));
    return true;
  };
  while (option("--lang", language) || option("--unit", unit)) {
  }
  if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"') rest = rest.substr(1, rest.size() - 2);
  const QuantityReading r = QuantityReader::builtin().read(rest, unit, language);
  for (const auto& warning : r.warnings) *shell.err << "warning: " << warning << '\n';
  QueryResult result;
  result.columns = {"phrase", "interval", "unit", "kind", "rule", "language", "counted"};
  result.rows.push_back({Cell(r.phrase), Cell(format_interval(r.interval)), Cell(r.unit), Cell(r.kind), Cell(r.rule),
                         Cell(r.language), Cell(r.counted)});
  print_result(result, shell.mode, *shell.out, Style{shell.width, shell.colour});
}

void schema(Shell& shell, const Arguments&, const LineSource&) {
  const QueryResult r = query_sql(
      database(shell),
      "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
      "AND name NOT LIKE '%_fts_%' ORDER BY rowid");
  for (const auto& row : r.rows) *shell.out << cell_text(row[0]) << ";\n";
}

void timer(Shell& shell, const Arguments& args, const LineSource&) {
  if (args.empty()) {
    *shell.out << "timer is " << (shell.timer ? "on" : "off") << '\n';
    return;
  }
  if (args[0] != "on" && args[0] != "off")
    throw Error(ErrorCode::bad_input, "use .timer on or .timer off, not '" + args[0] + "'");
  shell.timer = args[0] == "on";
}

void quit(Shell& shell, const Arguments&, const LineSource&) { shell.quit = true; }

// The review walk reads its answers from the REPL's own input (the source
// the command came from, which the table hands over as const).
void extract(Shell& shell, const Arguments& args, const LineSource& where) {
  auto& source = const_cast<LineSource&>(where);
  extract_review(database(shell), args[0], [&] { return source.next("extract> "); }, *shell.out);
}

const std::vector<DotCommand>& commands() {
  static const std::vector<DotCommand> table = {
      {"export", 1, 1, ".export FILE", "write the database as JSON (FILE.jsonl: JSON Lines)", export_},
      {"extract", 1, 1, ".extract FILE", "draft claims from FILE's text, review them one by one, import the accepted",
       extract},
      {"help", 0, 1, ".help [COMMAND]", "list the dot-commands, or explain one", help},
      {"import", 1, 64, ".import FILE...", "import JSON or JSON Lines files (all or nothing)", import},
      {"mode", 0, 1, ".mode [table|box|json|csv|markdown|line]", "show or set the output mode", mode},
      {"open", 1, 1, ".open FILE", "close this database and open FILE (created when missing)", open},
      {"quantity", 1, rest_of_line, ".quantity [--lang L] [--unit U] PHRASE",
       "show how a quantity phrase is read (in language L), with its warnings", quantity},
      {"quit", 0, 0, ".quit", "leave the REPL", quit},
      {"read", 1, 1, ".read FILE", "run the queries and dot-commands in FILE", read},
      {"schema", 0, 0, ".schema", "show the SQL schema", schema},
      {"sql", 1, rest_of_line, ".sql SELECT ...", "run one read-only SQL statement", sql},
      {"timer", 0, 1, ".timer [on|off]", "show or set timing of each query", timer},
  };
  return table;
}

std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// The command named word: exact, else the only one it is a prefix of.
const DotCommand& find(const std::string& word) {
  std::vector<const DotCommand*> matches;
  for (const auto& c : commands()) {
    if (word == c.name) return c;
    if (std::string_view(c.name).substr(0, word.size()) == word) matches.push_back(&c);
  }
  if (matches.size() == 1) return *matches.front();
  if (matches.size() > 1) {
    std::string names;
    for (const auto* c : matches) names += std::string(names.empty() ? "" : ", ") + "." + c->name;
    throw Error(ErrorCode::bad_input, "ambiguous command '." + word + "': " + names);
  }
  const DotCommand* best = nullptr;
  std::size_t best_distance = 3;
  for (const auto& c : commands()) {
    const std::size_t d = distance(word, c.name);
    if (d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  throw Error(ErrorCode::bad_input,
              "unknown command '." + word + "'" +
                  (best ? std::string("; did you mean '.") + best->name + "'?" : "") +
                  " (.help lists the commands)");
}

void help(Shell& shell, const Arguments& args, const LineSource&) {
  if (!args.empty()) {
    std::string word = args[0];
    if (!word.empty() && word.front() == '.') word.erase(0, 1);
    const DotCommand& c = find(word);
    *shell.out << c.usage << "\n  " << c.help << '\n';
    return;
  }
  std::size_t width = 0;
  for (const auto& c : commands()) width = std::max(width, std::string_view(c.usage).size());
  for (const auto& c : commands())
    *shell.out << c.usage << std::string(width - std::string_view(c.usage).size() + 2, ' ')
               << c.help << '\n';
  *shell.out << "Queries: claims, conflicts, sources, entities, properties, why, search, history,\n"
                "disputes, camps, status, provenance (see docs/query.md)\n"
                "Writes: add source|entity|property|report|claim, correct, retract, review, link,\n"
                "amend, history ID, with the options of the command line (VERB --help; docs/cli.md)\n";
}

// Splits arguments at spaces; "double" or 'single' quotes keep spaces.
Arguments split(const std::string& text) {
  Arguments out;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : text) {
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) out.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote) throw Error(ErrorCode::bad_input, "unterminated quote in the arguments");
  if (in_word) out.push_back(word);
  return out;
}

void check_count(const DotCommand& c, std::size_t count) {
  if (static_cast<int>(count) < c.min_args)
    throw Error(ErrorCode::bad_input, std::string("missing argument; usage: ") + c.usage);
  if (c.max_args != rest_of_line && static_cast<int>(count) > c.max_args)
    throw Error(ErrorCode::bad_input, std::string("too many arguments; usage: ") + c.usage);
}

}  // namespace

std::vector<std::string> dot_command_names() {
  std::vector<std::string> out;
  for (const auto& c : commands()) out.push_back(std::string(".") + c.name);
  return out;
}

bool run_dot_command(Shell& shell, const std::string& line, const LineSource& where) {
  try {
    const auto space = line.find_first_of(" \t");
    const std::string word = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    const std::string rest =
        space == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", space) == std::string::npos
                                                          ? line.size()
                                                          : line.find_first_not_of(" \t", space));
    const DotCommand& c = find(word);
    Arguments args;
    if (c.max_args == rest_of_line) {
      if (!rest.empty()) args.push_back(rest);
    } else {
      args = split(rest);
    }
    check_count(c, args.size());
    c.run(shell, args, where);
    shell.out->flush();
    return true;
  } catch (const Error& e) {
    report_error(shell, where, where.line, e.location().empty() ? e.message() : e.what(),
                 exit_status(e.code()));
    return false;
  }
}

}  // namespace claimdb::cli
