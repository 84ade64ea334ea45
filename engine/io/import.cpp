// Importing JSON documents and JSON Lines, all files of one call in one
// transaction.
#include <claimdb/io.hpp>

#include "io/order.hpp"
#include "io/records.hpp"
#include "io/restate.hpp"
#include "model/time.hpp"
#include "detect/detector.hpp"
#include "storage/store.hpp"

#include <sqlite3.h>

#include <chrono>
#include <functional>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace claimdb {

namespace {

using io::Json;
using io::RecordKind;

// Line and column (1-based) of a byte offset in text.
std::pair<std::int64_t, std::int64_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::int64_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// Re-throws a record's error with the file, line and path of the record.
[[noreturn]] void relocate(const Error& e, const std::string& file, std::int64_t line,
                           const std::string& record_path) {
  Location where = e.location();
  where.file = file;
  if (line > 0) where.line = line;
  std::string inner = where.json_path;
  if (inner.empty() && !where.field.empty()) inner = "/" + where.field;
  where.json_path = record_path + inner;
  if (where.json_path.empty()) where.json_path = "/";
  throw Error(e.code(), e.message(), where);
}

// Strips the nlohmann prefix ("[json.exception.parse_error.101] parse error at
// line 1, column 5: ") down to the reason.
std::string parse_reason(const std::string& what) {
  auto colon = what.find(": ");
  if (colon != std::string::npos) return what.substr(colon + 2);
  auto bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

class Importer {
 public:
  Importer(Database& db, const ImportOptions& options)
      : store_(db.store()), options_(options) {}

  void add_record(RecordKind kind, const Json& j, std::string_view skip) {
    switch (kind) {
      case RecordKind::source: {
        const Source s = io::decode_source(j, skip);
        if (insert_new(s)) ++summary.sources;
        else restate("source", s.id, io::differences(s, store_.sources(s.id).at(0)),
                     [&] { return io::differences(s, store_.sources(s.id, true).at(0)); }, {});
        break;
      }
      case RecordKind::entity: {
        const Entity e = io::decode_entity(j, skip);
        if (insert_new(e)) ++summary.entities;
        else restate("entity", e.id, io::differences(e, store_.entities(e.id).at(0)),
                     [&] { return io::differences(e, store_.entities(e.id, true).at(0)); }, e.aliases);
        break;
      }
      case RecordKind::property: {
        const Property p = io::decode_property(j, skip);
        if (insert_new(p)) ++summary.properties;
        else restate("property", p.id, io::differences(p, store_.properties(p.id).at(0)),
                     [&] { return io::differences(p, store_.properties(p.id, true).at(0)); }, {});
        break;
      }
      case RecordKind::report: {
        const Report r = io::decode_report(j, skip);
        if (insert_new(r)) ++summary.reports;
        else restate("report", r.id, io::differences(r, store_.reports(r.id).at(0)),
                     [&] { return io::differences(r, store_.reports(r.id, true).at(0)); }, {});
        break;
      }
      case RecordKind::claim: {
        const Claim c = io::decode_claim(j, skip);
        if (insert_new(c)) {
          ++summary.claims;
          if (store_.last_reading) warn_reading(c.id, *store_.last_reading);
        } else {
          restate_claim(c);
        }
        break;
      }
      case RecordKind::link: {
        Link l = io::decode_link(j, skip);
        if (l.origin == "detector")
          throw Error(ErrorCode::bad_input,
                      "origin 'detector' is reserved for claimdb's conflict detector",
                      Location{.json_path = "/origin", .field = "origin"});
        if (auto same = store_.same_link(l); same && (l.id.empty() || *same == l.id)) {
          ++summary.unchanged;
          break;
        }
        store_.insert(l);
        ++summary.links;
        break;
      }
      case RecordKind::review: {
        Review r = io::decode_review(j, skip);
        if (auto same = store_.same_review(r); same && (r.id.empty() || *same == r.id)) {
          ++summary.unchanged;
          break;
        }
        store_.insert(r);
        ++summary.reviews;
        break;
      }
      case RecordKind::retraction: {
        Retraction r = io::decode_retraction(j, skip);
        if (store_.same_retraction(r)) {
          ++summary.unchanged;
          break;
        }
        store_.insert(r);
        ++summary.retractions;
        break;
      }
      case RecordKind::amendment: {
        Amendment a = io::decode_amendment(j, skip);
        if (same_amendment(a)) {
          ++summary.unchanged;
          break;
        }
        try {
          store_.insert(a);
        } catch (const Error& e) {
          // The store names the model's fields; the document nests them.
          Location where = e.location();
          if (where.field == "record") where.field = "amends";
          else if (where.field != "id" && where.field != "reason" && where.field != "recorded_at" &&
                   !where.field.empty())
            where.field = "set/" + where.field;
          throw Error(e.code(), e.message(), where);
        }
        ++summary.amendments;
        break;
      }
    }
  }

  // The file being read, for messages and for the reason of an update.
  std::string file_;
  void document(const std::string& text, const std::string& name) {
    file_ = name;
    reason_.clear();
    Json doc;
    try {
      doc = Json::parse(text);
    } catch (const Json::parse_error& e) {
      auto [line, column] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
      throw Error(ErrorCode::bad_input, "malformed JSON: " + parse_reason(e.what()),
                  Location{.file = name, .line = line, .column = column});
    } catch (const Json::exception& e) {  // e.g. a number too large for a double
      throw Error(ErrorCode::bad_input, "malformed JSON: " + parse_reason(e.what()),
                  Location{.file = name});
    }
    if (!doc.is_object())
      throw Error(ErrorCode::bad_input, "a claimdb document must be a JSON object",
                  Location{.file = name, .json_path = "/"});
    for (const auto& [key, value] : doc.items()) {
      if (key == "format") {
        if (value != "claimdb")
          throw Error(ErrorCode::bad_input, "format must be \"claimdb\"",
                      Location{.file = name, .json_path = "/format", .field = "format"});
      } else if (key == "version") {
        if (!value.is_number_integer() || value.get<std::int64_t>() != json_format_version)
          throw Error(ErrorCode::bad_input,
                      "unsupported format version " + value.dump() + " (this claimdb reads version " +
                          std::to_string(json_format_version) + ")",
                      Location{.file = name, .json_path = "/version", .field = "version"});
      } else {
        bool known = false;
        for (int k = 0; k <= io::last_record_kind; ++k) known = known || key == io::plural(RecordKind(k));
        if (!known)
          throw Error(ErrorCode::bad_input, "unknown member '" + key + "' in a claimdb document",
                      Location{.file = name, .json_path = "/" + key, .field = key});
        if (!value.is_array() && !value.is_null())
          throw Error(ErrorCode::bad_input, "member '" + key + "' must be an array",
                      Location{.file = name, .json_path = "/" + key, .field = key});
      }
    }
    for (int k = 0; k <= io::last_record_kind; ++k) {
      const auto kind = RecordKind(k);
      auto it = doc.find(io::plural(kind));
      if (it == doc.end() || it->is_null()) continue;
      const std::string base = std::string("/") + io::plural(kind) + "/";
      std::vector<std::size_t> order;
      try {
        order = io::reference_order(kind, *it);
      } catch (const Error& e) {
        relocate(e, name, 0, "");
      }
      for (std::size_t index : order) {
        try {
          add_record(kind, (*it)[index], {});
        } catch (const Error& e) {
          relocate(e, name, 0, base + std::to_string(index));
        }
        pass_warnings(name, 0, base + std::to_string(index));
      }
    }
  }

  void lines(std::istream& in, const std::string& name, std::int64_t total) {
    file_ = name;
    reason_.clear();
    std::string line;
    std::int64_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      bytes_done_ += static_cast<std::int64_t>(line.size()) + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Json j;
      try {
        j = Json::parse(line);
      } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::bad_input, "malformed JSON: " + parse_reason(e.what()),
                    Location{.file = name, .line = number, .column = std::int64_t(e.byte)});
      } catch (const Json::exception& e) {  // e.g. a number too large for a double
        throw Error(ErrorCode::bad_input, "malformed JSON: " + parse_reason(e.what()),
                    Location{.file = name, .line = number});
      }
      try {
        if (!j.is_object()) throw Error(ErrorCode::bad_input, "each line must be a JSON object");
        auto tag = j.find("record");
        if (tag == j.end() || !tag->is_string())
          throw Error(ErrorCode::bad_input, "missing required field 'record' (source, claim, ...)",
                      Location{.json_path = "/record", .field = "record"});
        const std::string record = tag->get<std::string>();
        if (record == "header") {
          check_header(j);
        } else {
          auto kind = io::record_kind(record);
          if (!kind)
            throw Error(ErrorCode::bad_input, "unknown record kind '" + record.substr(0, 40) + "'",
                        Location{.json_path = "/record", .field = "record"});
          add_record(*kind, j, "record");
        }
      } catch (const Error& e) {
        relocate(e, name, number, "");
      }
      pass_warnings(name, number, "");
      if (options_.progress && (number & 0x3fff) == 0) options_.progress(bytes_done_, total);
    }
    if (in.bad())
      throw Error(ErrorCode::io, "read error", Location{.file = name, .line = number});
  }

  ImportSummary summary;
  std::int64_t bytes_done_ = 0;

 private:
  // Hands the store's warnings about the record just added to options.warn,
  // located like errors: "file:line: /claims/3/value: claim 'c3': ...".
  void pass_warnings(const std::string& file, std::int64_t line, const std::string& record_path) {
    for (const std::string& warning : store_.take_warnings()) {
      ++summary.warnings;
      if (!options_.warn) continue;
      // Built step by step: g++ 12 warns (-Wrestrict) about a chain of + here.
      std::string located = file;
      if (line > 0) located.append(":").append(std::to_string(line));
      located.append(": ").append(record_path).append("/value: ").append(warning);
      options_.warn(located);
    }
  }

  void check_header(const Json& j) {
    for (const auto& [key, value] : j.items()) {
      if (key == "record") continue;
      if (key == "format" && value == "claimdb") continue;
      if (key == "version" && value.is_number_integer() && value.get<std::int64_t>() == json_format_version)
        continue;
      throw Error(ErrorCode::bad_input, "unsupported header field '" + key + "': " + value.dump(),
                  Location{.json_path = "/" + key, .field = key});
    }
  }

  // Inserts a record; false when its id is taken (then nothing was written:
  // the insert validates everything else first, and the row is the first
  // thing it writes), so that the caller compares it with the stored one.
  // The common case, a new record, costs no extra lookup.
  template <typename Record>
  bool insert_new(const Record& record) {
    try {
      store_.insert(record);
      return true;
    } catch (const Error& e) {
      if (e.code() == ErrorCode::duplicate && e.location().field == "id" && !record.id.empty()) return false;
      throw;
    }
  }

  // What the quantity reader assumed, for the first claims that need it
  // (a bulk load is not flooded: the rest are counted).
  void warn_reading(const std::string& claim, const QuantityReading& reading) {
    if (!options_.warn) return;
    // A vague phrase read by its rule is what the table documents; only what
    // could mislead is said: no information, or a separator read one way.
    if (reading.informative && reading.phrase.find_first_of(".,") == std::string::npos) return;
    // The reader's own warnings reach options_.warn already, with the file
    // and path (below): they are not said twice.
    QuantityReading without_reader = reading;
    without_reader.warnings.clear();
    for (const std::string& w : io::reading_warnings(claim, without_reader)) {
      if (w.find(" by the rule '") != std::string::npos) continue;
      if (++warned_ <= 20) options_.warn(w);
    }
  }

 public:
  // Says how many warnings were left out.
  void finish_warnings() {
    if (options_.warn && warned_ > 20)
      options_.warn("and " + std::to_string(warned_ - 20) + " more warnings of the quantity reader");
  }

 private:
  std::int64_t warned_ = 0;

  // The reason recorded for what --update changes.
  std::string update_reason() {
    if (reason_.empty()) reason_ = "import --update of " + file_ + " at " + now_utc();
    return reason_;
  }

  [[noreturn]] void refuse(const std::string& what, const std::vector<io::Difference>& differences,
                           const std::string& how) {
    Location where;
    where.field = differences.front().field;
    throw Error(ErrorCode::duplicate,
                what + " already exists with other values: " + io::describe(differences) + "; " + how, where);
  }

  // A record whose id exists: identical to its current values, or to the
  // values first recorded (an export states those, then its amendments), is
  // unchanged; changed, an amendment with --update, else refused listing
  // every difference from the current values.
  void restate(const std::string& kind, const std::string& id, const std::vector<io::Difference>& differences,
               const std::function<std::vector<io::Difference>()>& from_recorded,
               const std::vector<std::string>& aliases) {
    if (differences.empty() || from_recorded().empty()) {
      ++summary.unchanged;
      return;
    }
    std::vector<io::Difference> fixed;
    for (const auto& d : differences)
      if (!d.amendable) fixed.push_back(d);
    const std::string what = kind + " '" + id + "'";
    if (!fixed.empty())
      refuse(what, differences,
             "an amendment changes only descriptive fields, not " + fixed.front().field +
                 ": give the changed record another id");
    if (!options_.update)
      refuse(what, differences, "import --update records the file's values as an amendment (claimdb history " + id +
                                    " shows the versions)");
    Amendment a = io::amendment_for(kind, id, differences);
    if (a.aliases) a.aliases = aliases;
    a.reason = update_reason();
    store_.insert(a);
    ++summary.amended;
  }

  void restate_claim(const Claim& c) {
    // Unchanged when the file states the claim as first recorded, or as its
    // latest correction (an update imported before).
    const Claim original = store_.claims({}, c.id).at(0);
    auto differences = io::differences(c, original, original);
    const Claim latest = differences.empty() ? original : store_.latest_claim_version(c.id).value_or(original);
    if (!differences.empty() && latest.id != original.id) differences = io::differences(c, latest, original);
    if (differences.empty()) {
      ++summary.unchanged;
      ++summary.unchanged_claims;
      return;
    }
    const std::string what = "claim '" + c.id + "'";
    for (const auto& d : differences)
      if (!d.amendable)
        refuse(what, differences,
               "a correction keeps the claimant, entity, property and what it supersedes, not " + d.field +
                   ": give the changed claim another id");
    if (!options_.update)
      refuse(what, differences,
             "import --update records the file's claim as a correction that supersedes " +
                 (latest.id == c.id ? std::string("it") : "its latest version '" + latest.id + "'"));
    if (store_.retracted(latest.id))
      refuse(what, differences, "claim '" + latest.id + "' is retracted: a retracted claim cannot be corrected");
    Claim fix = c;
    std::string id = c.id + "-corrected";
    for (int n = 2; store_.claim_id(id); ++n) id = c.id + "-corrected-" + std::to_string(n);
    fix.id = id;
    fix.recorded_at.clear();
    fix.supersedes = latest.id;
    fix.correction_reason = update_reason();
    store_.insert(fix);
    ++summary.corrected;
  }

  bool same_amendment(const Amendment& a) {
    for (const Amendment& b : store_.amendments(a.record, a.id))
      if (a.name == b.name && a.kind == b.kind && a.affiliation == b.affiliation &&
          a.description == b.description && a.title == b.title && a.url == b.url &&
          a.published_at == b.published_at && a.text == b.text && a.aliases == b.aliases &&
          a.reason == b.reason && (a.recorded_at.empty() || a.recorded_at == b.recorded_at))
        return true;
    return false;
  }

  detail::Store& store_;
  const ImportOptions& options_;
  std::string reason_;
};

bool is_json_lines_name(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

// Standard input: JSON Lines when the first line is a complete object with "record".
bool sniff_json_lines(const std::string& text) {
  auto end = text.find('\n');
  std::string first = text.substr(0, end);
  try {
    auto j = Json::parse(first);
    return j.is_object() && j.contains("record") && end != std::string::npos;
  } catch (const Json::parse_error&) {
    return false;
  }
}

std::string read_all(std::istream& in) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Raises the connection's page cache for one import and restores it.
class BulkCache {
 public:
  BulkCache(detail::Store& store, int mib) : store_(store) {
    if (mib <= 0) return;
    SQLite::Statement q(store.connection(), "PRAGMA cache_size");
    if (q.executeStep()) previous_ = q.getColumn(0).getInt64();
    set(-1024 * static_cast<std::int64_t>(mib));
  }
  ~BulkCache() {
    if (previous_) set(*previous_);
  }
  BulkCache(const BulkCache&) = delete;
  BulkCache& operator=(const BulkCache&) = delete;

 private:
  void set(std::int64_t pages_or_kib) noexcept {
    const std::string sql = "PRAGMA cache_size = " + std::to_string(pages_or_kib);
    sqlite3_exec(store_.handle(), sql.c_str(), nullptr, nullptr, nullptr);
  }
  detail::Store& store_;
  std::optional<std::int64_t> previous_;
};

template <typename Body>
ImportSummary transactional(Database& db, const ImportOptions& options, Body&& body) {
  const auto start = std::chrono::steady_clock::now();
  detail::Store& store = db.store();
  Importer importer(db, options);
  // A bulk load writes one long transaction; with SQLite's default 2 MiB page
  // cache its pages spill through the WAL many times over. A larger cache for
  // the import's duration (memory is only taken as pages are touched).
  BulkCache cache(store, options.bulk_cache_mib);
  store.begin();
  try {
    const detail::DetectMark before = detect::mark(store);
    body(importer);
    importer.finish_warnings();
    // Incremental detection: only the (entity, property) groups this import
    // touched, inside the same transaction (all or nothing with the import).
    if (options.detect) {
      const DetectSummary detected = detect::detect_since(store, before);
      importer.summary.detected = detected.links;
      importer.summary.conflicts = detected.contradictions;
      importer.summary.tensions = detected.tensions;
      importer.summary.uncompared = detected.uncompared;
    }
    store.commit();
  } catch (const Error&) {
    store.abort();
    throw;
  } catch (const std::exception& e) {
    store.abort();
    detail::rethrow_sqlite(e, "import failed");
  }
  importer.summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return importer.summary;
}

}  // namespace

ImportSummary import_files(Database& db, const std::vector<std::string>& paths,
                           const ImportOptions& options) {
  std::int64_t total = 0;
  for (const auto& path : paths) {
    if (path == "-") continue;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
      throw Error(ErrorCode::io, "is a directory, not a file", Location{.file = path});
    auto size = std::filesystem::file_size(path, ec);
    if (ec) throw Error(ErrorCode::io, "cannot read file: " + ec.message(), Location{.file = path});
    total += static_cast<std::int64_t>(size);
  }
  return transactional(db, options, [&](Importer& importer) {
    for (const auto& path : paths) {
      if (path == "-") {
        std::string text = read_all(std::cin);
        if (sniff_json_lines(text)) {
          std::istringstream in(text);
          importer.lines(in, "<stdin>", total);
        } else {
          importer.document(text, "<stdin>");
        }
        continue;
      }
      std::ifstream in(path, std::ios::binary);
      if (!in) throw Error(ErrorCode::io, "cannot open file for reading", Location{.file = path});
      if (is_json_lines_name(path)) {
        importer.lines(in, path, total);
      } else {
        std::string text = read_all(in);
        if (in.bad()) throw Error(ErrorCode::io, "read error", Location{.file = path});
        importer.document(text, path);
        importer.bytes_done_ += static_cast<std::int64_t>(text.size());
      }
      if (options.progress) options.progress(importer.bytes_done_, total);
    }
  });
}

ImportSummary import_text(Database& db, const std::string& text, const std::string& name,
                          bool json_lines, const ImportOptions& options) {
  return transactional(db, options, [&](Importer& importer) {
    if (json_lines) {
      std::istringstream in(text);
      importer.lines(in, name, static_cast<std::int64_t>(text.size()));
    } else {
      importer.document(text, name);
    }
  });
}

}  // namespace claimdb
