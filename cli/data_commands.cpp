// init, import, export.
#include "commands.hpp"
#include "progress.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace claimdb::cli {

namespace {

void init(const Context& context) {
  const bool existed = std::filesystem::exists(context.db_path);
  Database db = open_for_writing(context);
  std::cerr << "claimdb: " << (existed ? "database " : "created ") << db.path()
            << (existed ? " is ready" : "") << " (schema version " << db.schema_version() << ")\n";
}

void import(const Context& context, const std::vector<std::string>& files, bool detect, bool update) {
  Database db = open_for_writing(context);
  ImportOptions options;
  options.detect = detect;
  options.update = update;
  std::unique_ptr<ProgressBar> bar;
  bool detecting = false;
  if (ProgressBar::wanted()) {
    bar = std::make_unique<ProgressBar>("importing");
    // Reading ends where detection of the touched groups begins, which has no
    // measurable total: the bar gives way to a line saying so.
    options.progress = [&, detect](std::int64_t done, std::int64_t total) {
      if (detecting) return;
      bar->update(done, total);
      if (detect && total > 0 && done >= total) {
        bar->finish();
        std::fputs("claimdb: read all records; detecting conflicts in the groups they touch...", stderr);
        std::fflush(stderr);
        detecting = true;
      }
    };
  }
  // A bulk load may warn about many figures: the first ones are shown, the
  // rest counted in the summary line.
  constexpr std::int64_t kShownWarnings = 20;
  auto shown = std::make_shared<std::int64_t>(0);
  options.warn = [shown](const std::string& warning) {
    if ((*shown)++ < kShownWarnings) std::cerr << "claimdb: warning: " << warning << '\n';
  };
  ImportSummary s = import_files(db, files, options);
  if (detecting) std::fputs("\r\033[K", stderr);  // clears the detection line
  else if (bar) bar->finish();
  // A file re-stated as it was imported before: nothing to do, and saying so.
  if (s.records() == 0 && s.amended == 0 && s.corrected == 0 && s.unchanged > 0) {
    std::fprintf(stderr, "claimdb: nothing to import: %lld claims unchanged, %lld other records unchanged "
                         "(already in the database as the files state them)\n",
                 (long long)s.unchanged_claims, (long long)(s.unchanged - s.unchanged_claims));
    return;
  }
  std::string restated;
  if (s.unchanged > 0) restated += "; " + std::to_string(s.unchanged) + " unchanged";
  if (s.amended > 0) restated += "; " + std::to_string(s.amended) + " amended";
  if (s.corrected > 0) restated += "; " + std::to_string(s.corrected) + " corrected";
  // Rates of tiny imports are noise; print one only past a millisecond.
  const double rate = s.seconds >= 0.001 ? double(s.claims) / s.seconds : 0;
  // Near misses and claims that could not be compared are named only when
  // there are some; `conflicts --all` lists them.
  std::string found = std::to_string(s.conflicts) + " conflicts found (" + std::to_string(s.detected) +
                      " detector links";
  if (s.tensions > 0) found += ", " + std::to_string(s.tensions) + (s.tensions == 1 ? " tension" : " tensions");
  found += ")";
  if (s.uncompared > 0)
    found += ", " + std::to_string(s.uncompared) + " claims not compared with their group (claimdb "
             "conflicts --kind uncompared)";
  std::fprintf(stderr,
               "claimdb: imported %lld claims in %.3f s (%.0f claims/s), %s; also %lld sources, "
               "%lld entities, %lld properties, %lld reports, %lld links, %lld reviews, "
               "%lld retractions%s%s\n",
               (long long)s.claims, s.seconds, rate,
               detect ? found.c_str() : "detection skipped (run claimdb detect)",
               (long long)s.sources, (long long)s.entities,
               (long long)s.properties, (long long)s.reports, (long long)s.links,
               (long long)s.reviews, (long long)s.retractions,
               s.amendments > 0 ? (", " + std::to_string(s.amendments) + " amendments").c_str() : "",
               restated.c_str());
  if (s.warnings > 0)
    std::fprintf(stderr, "claimdb: %lld warning%s%s\n", (long long)s.warnings, s.warnings == 1 ? "" : "s",
                 s.warnings > kShownWarnings ? (" (the first " + std::to_string(kShownWarnings) + " shown)").c_str() : "");
}

void export_to(const Context& context, const std::string& format, const std::string& output) {
  Database db = open_for_reading(context);
  auto write = [&](std::ostream& out) {
    if (format == "jsonl")
      export_jsonl(db, out);
    else
      export_json(db, out);
  };
  if (output.empty() || output == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw Error(ErrorCode::io, "cannot write to standard output");
    return;
  }
  // Write beside the target and rename, so a failure never leaves half a file.
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::io, "cannot open file for writing", Location{.file = output});
    write(out);
    out.close();
    if (!out) {
      std::filesystem::remove(partial);
      throw Error(ErrorCode::io, "cannot write file", Location{.file = output});
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, output, ec);
  if (ec) throw Error(ErrorCode::io, "cannot write file: " + ec.message(), Location{.file = output});
}

}  // namespace

void register_data_commands(CLI::App& app, Context& context) {
  auto* init_cmd = app.add_subcommand("init", "Create the database (or check that it opens)");
  init_cmd->callback([&] { run(context, [&] { init(context); }); });

  auto files = std::make_shared<std::vector<std::string>>();
  auto* import_cmd = app.add_subcommand(
      "import", "Import JSON documents or JSON Lines (.jsonl) files, all or nothing");
  import_cmd->add_option("FILE", *files, "files to import ('-' reads standard input)")
      ->required()
      ->type_name("FILE");
  import_cmd->footer(
      "All files of one import are one transaction: after any error the database is exactly as "
      "before.\nThe database is created when it does not exist. Format: docs/json-format.md\n"
      "A record already in the database as the file states it is left alone (importing the same file\n"
      "again changes nothing and says so). A changed one is refused, listing every difference, unless\n"
      "--update: a source, entity, property or report is then amended, a claim corrected (a new claim\n"
      "that supersedes it), with the file and the time as the reason.");
  auto no_detect = std::make_shared<bool>(false);
  import_cmd->add_flag("--no-detect", *no_detect,
                       "skip conflict detection (for bulk loads; run `claimdb detect` afterwards)");
  auto update = std::make_shared<bool>(false);
  import_cmd->add_flag("--update", *update,
                       "record changed records as amendments and changed claims as corrections "
                       "(without it a changed record is refused, listing its differences)");
  import_cmd->callback([&, files, no_detect, update] {
    run(context, [&] { import(context, *files, !*no_detect, *update); });
  });

  auto format = std::make_shared<std::string>("json");
  auto output = std::make_shared<std::string>();
  auto* export_cmd = app.add_subcommand("export", "Write the whole database as JSON (stable order)");
  export_cmd->add_option("--format", *format, "json (one document) or jsonl (JSON Lines)")
      ->check(CLI::IsMember({"json", "jsonl"}))
      ->capture_default_str();
  export_cmd->add_option("-o,--output", *output, "write to FILE instead of standard output")
      ->type_name("FILE");
  export_cmd->callback([&, format, output] {
    run(context, [&] { export_to(context, *format, *output); });
  });
}

}  // namespace claimdb::cli
