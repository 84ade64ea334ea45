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

std::string printable(std::string_view text, bool keep_newlines) {
  std::string out;
  auto escape = [&](unsigned char c) {
    static const char hex[] = "0123456789abcdef";
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && !(keep_newlines && c == '\n')) || c == 0x7f)
        escape(c);
      else
        out += char(c);
      ++i;
      continue;
    }
    // A UTF-8 sequence: its length from the lead byte, then continuation bytes.
    const std::size_t length = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
                               : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
    // C1 controls (U+0080..U+009F) are escaped like C0 ones.
    if (valid && c == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0) valid = false;
    if (!valid) {
      escape(c);
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

void run(Context& context, const std::function<void()>& body) {
  try {
    body();
  } catch (const Error& e) {
    // From the parts, not what(): a message may hold a NUL byte.
    const Location& where = e.location();
    std::cerr << "claimdb: error: "
              << printable(where.empty() ? e.message() : where.to_string() + ": " + e.message()) << '\n';
    context.status = exit_status(e.code());
  } catch (const std::exception& e) {
    std::cerr << "claimdb: internal error: " << printable(e.what()) << '\n';
    context.status = exit_internal;
  }
}

namespace {
// Says so on stderr when the database is held by another connection, before
// waiting for it (up to the busy timeout): a long import elsewhere is not a hang.
std::function<void()> tell_waiting(const Context& context, const Options& options) {
  return [path = context.db_path, seconds = options.busy_timeout_ms / 1000] {
    std::cerr << "claimdb: waiting for another writer to finish with '" << printable(path)
              << "' (at most " << seconds << " s)" << std::endl;
  };
}
}  // namespace

Database open_for_reading(const Context& context) {
  Options options;
  options.on_wait = tell_waiting(context, options);
  options.read_only = true;
  options.create_if_missing = false;
  return Database::open(context.db_path, options);
}

Database open_for_writing(const Context& context) {
  Options options;
  options.on_wait = tell_waiting(context, options);
  return Database::open(context.db_path, options);
}

void register_commands(CLI::App& app, Context& context) {
  register_data_commands(app, context);
  register_report_commands(app, context);
  register_detect_commands(app, context);
  register_query_commands(app, context);
  register_graph_commands(app, context);
  register_write_commands(app, context);
  register_truth_commands(app, context);
  register_web_commands(app, context);
  register_extract_commands(app, context);
}

}  // namespace claimdb::cli
