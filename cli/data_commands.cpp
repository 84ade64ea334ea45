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

void import(const Context& context, const std::vector<std::string>& files, bool detect) {
  Database db = open_for_writing(context);
  ImportOptions options;
  options.detect = detect;
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
  options.warn = [](const std::string& warning) { std::cerr << "claimdb: warning: " << warning << '\n'; };
  ImportSummary s = import_files(db, files, options);
  if (detecting) std::fputs("\r\033[K", stderr);  // clears the detection line
  else if (bar) bar->finish();
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
               "%lld retractions\n",
               (long long)s.claims, s.seconds, rate,
               detect ? found.c_str() : "detection skipped (run claimdb detect)",
               (long long)s.sources, (long long)s.entities,
               (long long)s.properties, (long long)s.reports, (long long)s.links,
               (long long)s.reviews, (long long)s.retractions);
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
      "before.\nThe database is created when it does not exist. Format: docs/json-format.md");
  auto no_detect = std::make_shared<bool>(false);
  import_cmd->add_flag("--no-detect", *no_detect,
                       "skip conflict detection (for bulk loads; run `claimdb detect` afterwards)");
  import_cmd->callback([&, files, no_detect] {
    run(context, [&] { import(context, *files, !*no_detect); });
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
