#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace claimdb::cli {

int exit_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_input:
    case ErrorCode::not_found:
    case ErrorCode::duplicate: return exit_bad_input;
    case ErrorCode::io: return exit_io;
    case ErrorCode::schema_too_new:
    case ErrorCode::not_a_database:
    case ErrorCode::read_only: return exit_refused;
    case ErrorCode::busy: return exit_busy;
    case ErrorCode::internal: return exit_internal;
  }
  return exit_internal;
}

void run(Context& context, const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& e) {
    std::cerr << "claimdb: error: " << e.what() << '\n';
    context.status = exit_status(e.code());
  } catch (const std::exception& e) {
    std::cerr << "claimdb: internal error: " << e.what() << '\n';
    context.status = exit_internal;
  }
}

Database open_for_reading(const Context& context) {
  Options options;
  options.read_only = true;
  options.create_if_missing = false;
  return Database::open(context.db_path, options);
}

Database open_for_writing(const Context& context) {
  return Database::open(context.db_path);
}

void register_commands(CLI::App& app, Context& context) {
  register_data_commands(app, context);
  register_report_commands(app, context);
  register_detect_commands(app, context);
  register_query_commands(app, context);
  register_graph_commands(app, context);
}

}  // namespace claimdb::cli
