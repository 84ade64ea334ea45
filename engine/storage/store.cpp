// Opening, configuring and migrating the SQLite file; transactions; stats
// and integrity checks.
#include "storage/store.hpp"

#include "embedded/embedded.hpp"
#include "model/time.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <string_view>
#include <thread>

namespace claimdb::embedded {
extern const EmbeddedFile migrations[];
extern const std::size_t migrations_count;
}  // namespace claimdb::embedded

namespace claimdb::detail {

namespace {

// "ClDb": marks a file as claimdb's in the SQLite header.
constexpr int application_id = 0x436c4462;

int open_flags(const Options& options) {
  if (options.read_only) return SQLite::OPEN_READONLY;
  int flags = SQLite::OPEN_READWRITE;
  if (options.create_if_missing) flags |= SQLite::OPEN_CREATE;
  return flags;
}

int migration_number(std::string_view name) {
  int number = 0;
  for (char c : name) {
    if (c < '0' || c > '9') break;
    number = number * 10 + (c - '0');
  }
  return number;
}

struct Migration {
  int version;
  std::string_view sql;
};

std::vector<Migration> embedded_migrations() {
  std::vector<Migration> out;
  for (std::size_t i = 0; i < embedded::migrations_count; ++i)
    out.push_back({migration_number(embedded::migrations[i].name),
                   embedded::migrations[i].contents});
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

SQLite::Database open_connection(const std::string& path, const Options& options) {
  try {
    return SQLite::Database(path, open_flags(options), 0);
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::io, "cannot open database '" + path + "': " + e.what());
  }
}

// A file's schema objects by name: "type on table: SQL" with whitespace runs
// collapsed. Statistics tables (ANALYZE, PRAGMA optimize) and indexes are left out.
std::map<std::string, std::string> schema_objects(SQLite::Database& db) {
  std::map<std::string, std::string> out;
  SQLite::Statement q(db, "SELECT type, name, tbl_name, ifnull(sql, '') FROM sqlite_schema");
  while (q.executeStep()) {
    const std::string name = q.getColumn(1).getString();
    if (name == "sqlite_stat1" || name == "sqlite_stat4") continue;
    // Indexes run no code here (trusted_schema is off) and earlier builds of
    // a version may have had others.
    if (q.getColumn(0).getString() == "index") continue;
    std::string text = q.getColumn(0).getString() + " on " + q.getColumn(2).getString() + ": ";
    bool space = false;
    for (char c : q.getColumn(3).getString()) {
      const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!blank && space) text += ' ';
      if (!blank) text += c;
      space = blank;
    }
    out.emplace(name, std::move(text));
  }
  return out;
}

// Refuses a file whose schema is not exactly the one claimdb's migrations
// 1..version create: an extra or altered trigger or view would run inside
// claimdb's own statements (hardening stops functions with side effects
// there, not plain SQL).
void verify_schema(SQLite::Database& db, int version, const std::string& path,
                   const std::vector<Migration>& migrations) {
  // What the migrations make, built once per version in an empty database.
  static std::mutex mutex;
  static std::map<int, std::map<std::string, std::string>> schemas;
  std::unique_lock lock(mutex);
  auto it = schemas.find(version);
  if (it == schemas.end()) {
    SQLite::Database expected(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const Migration& m : migrations)
      if (m.version <= version) expected.exec(std::string(m.sql));
    it = schemas.emplace(version, schema_objects(expected)).first;
  }
  const auto& want = it->second;
  lock.unlock();
  const auto have = schema_objects(db);
  std::vector<std::string> problems;
  for (const auto& [name, text] : have) {
    auto found = want.find(name);
    const std::string type = text.substr(0, text.find(' '));
    if (found == want.end())
      problems.push_back("unexpected " + type + " '" + name + "'");
    else if (found->second != text)
      problems.push_back("altered " + type + " '" + name + "'");
  }
  for (const auto& [name, text] : want)
    if (!have.count(name)) problems.push_back("missing " + text.substr(0, text.find(' ')) + " '" + name + "'");
  if (problems.empty()) return;
  std::string list;
  for (std::size_t i = 0; i < problems.size() && i < 3; ++i) list += (i ? ", " : "") + problems[i];
  if (problems.size() > 3) list += " and " + std::to_string(problems.size() - 3) + " more";
  throw Error(ErrorCode::not_a_database,
              "database '" + path + "' does not have claimdb's schema for version " +
                  std::to_string(version) + " (" + list +
                  "); refused, the file was not changed");
}

}  // namespace

int latest_version() {
  auto all = embedded_migrations();
  return all.empty() ? 0 : all.back().version;
}

[[noreturn]] void rethrow_sqlite(const std::exception& failure, const std::string& doing) {
  if (auto* claimdb_error = dynamic_cast<const Error*>(&failure)) throw *claimdb_error;
  int code = SQLITE_ERROR;
  if (auto* e = dynamic_cast<const SQLite::Exception*>(&failure)) code = e->getErrorCode();
  std::string what = doing + ": " + failure.what();
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(ErrorCode::busy,
                  doing + ": the database is locked by another writer (waited for the busy timeout)");
    case SQLITE_READONLY: throw Error(ErrorCode::read_only, what);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: throw Error(ErrorCode::not_a_database, what);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL: throw Error(ErrorCode::io, what);
    default: throw Error(ErrorCode::internal, what);
  }
}

Store::Store(const std::string& path, const Options& options)
    : path_(path),
      read_only_(options.read_only),
      busy_timeout_ms_(options.busy_timeout_ms),
      on_wait_(options.on_wait),
      db_(open_connection(path, options)),
      quantity_reader_(&QuantityReader::builtin()) {
  try {
    configure(options);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    rethrow_sqlite(e, "cannot open database '" + path + "'");
  }
}

int Store::on_busy(void* self, int attempt) noexcept {
  auto* store = static_cast<Store*>(self);
  const auto now = std::chrono::steady_clock::now();
  if (attempt == 0) {
    store->busy_since_ = now;
    if (!store->told_waiting_ && store->on_wait_) {
      store->told_waiting_ = true;
      try {
        store->on_wait_();
      } catch (...) {
      }
    }
  }
  const auto waited =
      std::chrono::duration_cast<std::chrono::milliseconds>(now - store->busy_since_).count();
  if (waited >= store->busy_timeout_ms_) return 0;
  // Short sleeps first (a reader's checkpoint is over in a moment), then
  // longer ones, never past the timeout.
  static constexpr int delays_ms[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  constexpr int steps = sizeof delays_ms / sizeof delays_ms[0];
  const int delay = delays_ms[attempt < steps ? attempt : steps - 1];
  const auto left = store->busy_timeout_ms_ - waited;
  std::this_thread::sleep_for(std::chrono::milliseconds(delay < left ? delay : left));
  return 1;
}

Store::~Store() {
  statements_.clear();
}

void Store::configure(const Options& options) {
  sqlite3* h = handle();
  // Hardening for files we did not write: no writes to the schema through
  // ordinary SQL, no functions with side effects inside triggers and views,
  // no extensions.
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_busy_handler(h, &Store::on_busy, this);
  db_.exec("PRAGMA cell_size_check = ON");
  db_.exec("PRAGMA foreign_keys = ON");

  // Read the header before changing anything, so a file we refuse stays untouched.
  const int version = db_.execAndGet("PRAGMA user_version").getInt();
  const int app_id = db_.execAndGet("PRAGMA application_id").getInt();
  const int objects = db_.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
  const int latest = latest_version();
  if (app_id != application_id && objects > 0)
    throw Error(ErrorCode::not_a_database,
                "'" + path_ + "' is an SQLite database but not a claimdb database");
  if (version > latest)
    throw Error(ErrorCode::schema_too_new,
                "database '" + path_ + "' has schema version " + std::to_string(version) +
                    ", newer than this claimdb supports (" + std::to_string(latest) +
                    "); upgrade claimdb to open it. The file was not changed");
  if (objects > 0) verify_schema(db_, version, path_, embedded_migrations());
  if (read_only_) {
    if (objects == 0)
      throw Error(ErrorCode::not_a_database,
                  "database '" + path_ + "' is empty: it has no claimdb schema yet (claimdb init creates it)");
    if (version < latest)
      throw Error(ErrorCode::read_only,
                  "database '" + path_ + "' has schema version " + std::to_string(version) +
                      " and needs upgrading to " + std::to_string(latest) +
                      ", which a read-only open cannot do");
    db_.exec("PRAGMA query_only = ON");
    return;
  }
  if (path_ != ":memory:" && !path_.empty()) {
    db_.exec("PRAGMA journal_mode = WAL");
    // In WAL mode NORMAL never corrupts the file; a power cut may lose the
    // last commits, a crashed process never does.
    db_.exec("PRAGMA synchronous = NORMAL");
  }
  if (options.migrate && version < latest) migrate();
}

void Store::migrate() {
  int version = db_.execAndGet("PRAGMA user_version").getInt();
  for (const Migration& m : embedded_migrations()) {
    if (m.version <= version) continue;
    begin();
    try {
      // Another process may have migrated while this one waited for the
      // write lock: the version is read again under the lock.
      version = db_.execAndGet("PRAGMA user_version").getInt();
      if (m.version <= version) {
        commit();
        continue;
      }
      db_.exec(std::string(m.sql));
      db_.exec("PRAGMA user_version = " + std::to_string(m.version));
      db_.exec("PRAGMA application_id = " + std::to_string(application_id));
      commit();
    } catch (...) {
      rollback();
      throw;
    }
    version = m.version;
  }
}

int Store::schema_version() {
  return db_.execAndGet("PRAGMA user_version").getInt();
}

void Store::begin() {
  if (read_only_)
    throw Error(ErrorCode::read_only, "database '" + path_ + "' is open read-only");
  try {
    if (depth_ == 0) {
      db_.exec("BEGIN IMMEDIATE");
      now_ = now_utc();
    } else {
      db_.exec("SAVEPOINT claimdb_" + std::to_string(depth_));
    }
  } catch (const std::exception& e) {
    rethrow_sqlite(e, "cannot start a write transaction on '" + path_ + "'");
  }
  ++depth_;
}

void Store::commit() {
  if (depth_ == 0) return;
  if (depth_ > 1) {
    --depth_;
    db_.exec("RELEASE claimdb_" + std::to_string(depth_));
    return;
  }
  try {
    db_.exec("COMMIT");
    depth_ = 0;
  } catch (const std::exception& e) {
    rollback();
    rethrow_sqlite(e, "cannot commit to '" + path_ + "'");
  }
}

void Store::abort() noexcept {
  if (depth_ <= 1) {
    rollback();
    return;
  }
  --depth_;
  const std::string name = "claimdb_" + std::to_string(depth_);
  sqlite3_exec(handle(), ("ROLLBACK TO " + name + "; RELEASE " + name).c_str(), nullptr, nullptr,
               nullptr);
  // Ids cached inside the savepoint may name rows that no longer exist.
  forget_caches();
}

void Store::rollback() noexcept {
  if (depth_ == 0) return;
  depth_ = 0;
  if (!sqlite3_get_autocommit(handle())) sqlite3_exec(handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  forget_caches();
}

void Store::forget_caches() noexcept {
  source_ids_.clear();
  entity_ids_.clear();
  property_ids_.clear();
  report_ids_.clear();
  property_infos_.clear();
  report_languages_.clear();
  source_languages_.clear();
}

SQLite::Statement& Store::statement(const char* key, const char* sql) {
  auto it = statements_.find(key);
  if (it == statements_.end())
    it = statements_.emplace(key, std::make_unique<SQLite::Statement>(db_, sql)).first;
  // tryReset: reset() would re-throw the error of the statement's last
  // failed run (a refused duplicate), which is already handled.
  it->second->tryReset();
  it->second->clearBindings();
  return *it->second;
}

Stats Store::stats() {
  Stats s;
  auto count = [&](const char* sql) { return db_.execAndGet(sql).getInt64(); };
  s.sources = count("SELECT count(*) FROM sources");
  s.reports = count("SELECT count(*) FROM reports");
  s.entities = count("SELECT count(*) FROM entities");
  s.properties = count("SELECT count(*) FROM properties");
  s.claims = count("SELECT count(*) FROM claims");
  s.links = count("SELECT count(*) FROM links");
  s.detector_links = count("SELECT count(*) FROM detector_links");
  s.reviews = count("SELECT count(*) FROM reviews");
  s.retractions = count("SELECT count(*) FROM retractions");
  s.supersessions = count("SELECT count(*) FROM claims WHERE supersedes IS NOT NULL");
  s.amendments = count("SELECT (SELECT count(*) FROM source_amendments) + (SELECT count(*) FROM entity_amendments) + "
                       "(SELECT count(*) FROM property_amendments) + (SELECT count(*) FROM report_amendments)");
  s.schema_version = schema_version();
  s.file_bytes = count("SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
  return s;
}

std::vector<CheckFinding> Store::check() {
  std::vector<CheckFinding> findings;
  {
    SQLite::Statement q(db_, "PRAGMA integrity_check");
    while (q.executeStep()) {
      std::string row = q.getColumn(0).getString();
      if (row != "ok") findings.push_back({"error", "integrity: " + row});
    }
  }
  {
    SQLite::Statement q(db_, "PRAGMA foreign_key_check");
    while (q.executeStep())
      findings.push_back({"error", "foreign key: row " + q.getColumn(1).getString() +
                                       " of table " + q.getColumn(0).getString() +
                                       " refers to a missing row in " +
                                       q.getColumn(2).getString()});
  }
  const std::int64_t unread = db_.execAndGet(
      "SELECT count(*) FROM claims c JOIN properties p ON p.id = c.property "
      "WHERE p.value_type = 'quantity' AND c.has_interval = 0").getInt64();
  if (unread > 0)
    findings.push_back({"warning", std::to_string(unread) +
                                       " quantity claim(s) have a phrase but no interval"});
  {
    // Claims the detector could not compare with their group: not an error
    // in the file, but nothing may be left out silently.
    SQLite::Statement q(db_,
                        "SELECT u.reason, count(*) FROM detector_uncompared u "
                        "JOIN claims c ON c.id = u.claim "
                        "WHERE NOT EXISTS (SELECT 1 FROM claims n WHERE n.supersedes = c.id) "
                        "AND NOT EXISTS (SELECT 1 FROM retractions r WHERE r.claim = c.id) "
                        "GROUP BY u.reason ORDER BY u.reason");
    std::int64_t total = 0;
    std::string reasons;
    while (q.executeStep()) {
      const std::int64_t n = q.getColumn(1).getInt64();
      total += n;
      reasons += std::string(reasons.empty() ? "" : ", ") + uncompared_reason_name(q.getColumn(0).getInt()) +
                 ": " + std::to_string(n);
    }
    if (total > 0)
      findings.push_back({"warning", std::to_string(total) +
                                         " claim(s) could not be compared with their group (" + reasons +
                                         "); claimdb conflicts --kind uncompared lists them"});
  }
  const std::int64_t inverted = db_.execAndGet(
      "SELECT count(*) FROM claims WHERE lo > hi OR (lo = hi AND (lo_open OR hi_open))").getInt64();
  if (inverted > 0)
    findings.push_back({"error", std::to_string(inverted) + " claim(s) have an empty interval"});
  return findings;
}

}  // namespace claimdb::detail
