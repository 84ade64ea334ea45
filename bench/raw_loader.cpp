#include "raw_loader.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace claimdb::bench {
namespace {

using nlohmann::json;

[[noreturn]] void fail(sqlite3* db, const std::string& doing) {
  throw std::runtime_error(doing + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// One prepared statement, reset after each step.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      fail(db, std::string("prepare ") + sql);
    }
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Binds a string member of a record, or NULL when it is absent or null.
  void text(int index, const json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end() || !it->is_string()) {
      sqlite3_bind_null(stmt_, index);
    } else {
      text(index, it->get_ref<const std::string&>());
    }
  }
  void text(int index, const std::string& value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  }
  void integer(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void real(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
  void null(int index) { sqlite3_bind_null(stmt_, index); }
  void id(int index, std::int64_t value) {
    if (value > 0) {
      integer(index, value);
    } else {
      null(index);
    }
  }

  // Runs an insert; returns the new rowid.
  std::int64_t insert() {
    if (sqlite3_step(stmt_) != SQLITE_DONE) fail(db_, "insert");
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return sqlite3_last_insert_rowid(db_);
  }
  // Runs a one-row lookup of an integer; 0 when there is no row.
  std::int64_t lookup(const std::string& key) {
    text(1, key);
    std::int64_t found = 0;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
      found = sqlite3_column_int64(stmt_, 0);
    } else if (rc != SQLITE_DONE) {
      fail(db_, "lookup");
    }
    sqlite3_reset(stmt_);
    return found;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "?";
    sqlite3_free(message);
    throw std::runtime_error("exec: " + text);
  }
}

void apply_migrations(sqlite3* db, const std::string& schema_dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(schema_dir)) {
    if (entry.path().extension() == ".sql") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw std::runtime_error("no migrations in " + schema_dir);
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream sql;
    sql << in.rdbuf();
    exec(db, "BEGIN");
    exec(db, sql.str());
    exec(db, "COMMIT");
  }
}

class Loader {
 public:
  explicit Loader(sqlite3* db)
      : db_(db),
        source_(db, "INSERT INTO source_records(slug, name, kind, affiliation, description, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)"),
        entity_(db, "INSERT INTO entity_records(slug, name, kind, part_of, description, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)"),
        alias_(db, "INSERT INTO entity_alias_records(entity, position, alias) VALUES (?, ?, ?)"),
        property_(db, "INSERT INTO property_records(slug, value_type, unit, multi_valued, cumulative, "
                      "description, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        constraint_(db, "INSERT INTO property_constraints(property, position, relation, other) "
                        "VALUES (?, ?, ?, ?)"),
        report_(db, "INSERT INTO report_records(slug, publisher, title, url, published_at, cites, text, "
                    "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        report_text_(db, "INSERT INTO reports_fts(rowid, title, text) VALUES (?, ?, ?)"),
        claim_(db, "INSERT INTO claims(slug, claimant, report, entity, property, phrase, "
                   "has_interval, lo, hi, lo_open, hi_open, unit, polarity, quote, place, "
                   "valid_from, valid_to, as_of, said_at, published_at, supersedes, "
                   "correction_reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        claim_text_(db, "INSERT INTO claims_fts(rowid, quote) VALUES (?, ?)"),
        claim_id_(db, "SELECT id FROM claims WHERE slug = ?"),
        link_(db, "INSERT INTO links(slug, from_claim, to_claim, kind, origin, rationale, "
                  "created_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        review_(db, "INSERT INTO reviews(slug, claim, rating, reviewer, reviewed_at, url, "
                    "explanation, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        retraction_(db, "INSERT INTO retractions(claim, reason, retracted_by, retracted_at, "
                        "recorded_at) VALUES (?, ?, ?, ?, ?)") {}

  void load(const json& r, RawLoadCounts& counts) {
    const std::string& kind = r.at("record").get_ref<const std::string&>();
    if (kind == "header") return;
    ++counts.records;
    if (kind == "claim") {
      claim(r);
      ++counts.claims;
    } else if (kind == "source") {
      source(r);
    } else if (kind == "entity") {
      entity(r);
    } else if (kind == "property") {
      property(r);
    } else if (kind == "report") {
      report(r);
    } else if (kind == "link") {
      link(r);
    } else if (kind == "review") {
      review(r);
    } else if (kind == "retraction") {
      retraction(r);
    } else {
      throw std::runtime_error("unknown record " + kind);
    }
  }

 private:
  // The row id behind a reference, or 0 when the member is absent.
  static std::int64_t ref(const std::unordered_map<std::string, std::int64_t>& ids,
                          const json& r, const char* key) {
    auto it = r.find(key);
    if (it == r.end() || !it->is_string()) return 0;
    auto found = ids.find(it->get_ref<const std::string&>());
    if (found == ids.end()) throw std::runtime_error(std::string("dangling ") + key);
    return found->second;
  }
  std::int64_t claim_ref(const json& r, const char* key) {
    auto it = r.find(key);
    if (it == r.end() || !it->is_string()) return 0;
    std::int64_t id = claim_id_.lookup(it->get_ref<const std::string&>());
    if (id == 0) throw std::runtime_error(std::string("dangling ") + key);
    return id;
  }
  void recorded(Statement& s, int index, const json& r) {
    auto it = r.find("recorded_at");
    if (it != r.end() && it->is_string()) {
      s.text(index, it->get_ref<const std::string&>());
    } else {
      s.text(index, now_);
    }
  }

  void source(const json& r) {
    source_.text(1, r, "id");
    source_.text(2, r, "name");
    source_.text(3, r, "kind");
    source_.text(4, r, "affiliation");
    source_.text(5, r, "description");
    recorded(source_, 6, r);
    sources_[r.at("id").get<std::string>()] = source_.insert();
  }

  void entity(const json& r) {
    entity_.text(1, r, "id");
    entity_.text(2, r, "name");
    entity_.text(3, r, "kind");
    entity_.id(4, ref(entities_, r, "part_of"));
    entity_.text(5, r, "description");
    recorded(entity_, 6, r);
    const std::int64_t id = entity_.insert();
    entities_[r.at("id").get<std::string>()] = id;
    if (auto aliases = r.find("aliases"); aliases != r.end() && aliases->is_array()) {
      std::int64_t position = 0;
      for (const json& alias : *aliases) {
        alias_.integer(1, id);
        alias_.integer(2, position++);
        alias_.text(3, alias.get_ref<const std::string&>());
        alias_.insert();
      }
    }
  }

  void property(const json& r) {
    property_.text(1, r, "id");
    property_.text(2, r, "value_type");
    property_.text(3, r, "unit");
    property_.integer(4, r.value("cardinality", std::string("single")) == "multi");
    property_.integer(5, r.value("cumulative", false));
    property_.text(6, r, "description");
    recorded(property_, 7, r);
    const std::int64_t id = property_.insert();
    const std::string& slug = r.at("id").get_ref<const std::string&>();
    properties_[slug] = id;
    units_[id] = r.value("unit", std::string());
    if (auto constraints = r.find("constraints"); constraints != r.end() && constraints->is_array()) {
      std::int64_t position = 0;
      for (const json& c : *constraints) {
        constraint_.integer(1, id);
        constraint_.integer(2, position++);
        constraint_.text(3, c.at("relation").get_ref<const std::string&>());
        constraint_.integer(4, properties_.at(c.at("other").get<std::string>()));
        constraint_.insert();
      }
    }
  }

  void report(const json& r) {
    report_.text(1, r, "id");
    report_.id(2, ref(sources_, r, "publisher"));
    report_.text(3, r, "title");
    report_.text(4, r, "url");
    report_.text(5, r, "published_at");
    report_.id(6, ref(reports_, r, "cites"));
    report_.text(7, r, "text");
    recorded(report_, 8, r);
    const std::int64_t id = report_.insert();
    reports_[r.at("id").get<std::string>()] = id;
    report_text_.integer(1, id);
    report_text_.text(2, r, "title");
    report_text_.text(3, r, "text");
    report_text_.insert();
  }

  void claim(const json& r) {
    claim_.text(1, r, "id");
    claim_.id(2, ref(sources_, r, "claimant"));
    claim_.id(3, ref(reports_, r, "report"));
    claim_.id(4, ref(entities_, r, "entity"));
    const std::int64_t property = ref(properties_, r, "property");
    claim_.id(5, property);
    const json& value = r.at("value");
    bool interval = false;
    claim_.integer(10, 0);
    claim_.integer(11, 0);
    if (value.is_string()) {
      claim_.text(6, value.get_ref<const std::string&>());
    } else if (value.is_number()) {
      phrase_ = value.dump();
      claim_.text(6, phrase_);
      claim_.real(8, value.get<double>());
      claim_.real(9, value.get<double>());
      interval = true;
    } else if (value.is_boolean()) {
      phrase_ = value.get<bool>() ? "true" : "false";
      claim_.text(6, phrase_);
    } else if (value.is_object()) {
      phrase_ = value.value("phrase", std::string());
      claim_.text(6, phrase_);
      if (auto lo = value.find("lo"); lo != value.end() && lo->is_number()) claim_.real(8, lo->get<double>());
      if (auto hi = value.find("hi"); hi != value.end() && hi->is_number()) claim_.real(9, hi->get<double>());
      claim_.integer(10, value.value("lo_open", false));
      claim_.integer(11, value.value("hi_open", false));
      interval = true;
    }
    claim_.integer(7, interval);
    if (auto unit = r.find("unit"); unit != r.end() && unit->is_string()) {
      claim_.text(12, unit->get_ref<const std::string&>());
    } else if (const std::string& fallback = units_[property]; !fallback.empty()) {
      claim_.text(12, fallback);
    }
    claim_.integer(13, r.value("polarity", std::string("asserts")) == "denies" ? -1 : 1);
    claim_.text(14, r, "quote");
    claim_.id(15, ref(entities_, r, "place"));
    claim_.text(16, r, "valid_from");
    claim_.text(17, r, "valid_to");
    claim_.text(18, r, "as_of");
    claim_.text(19, r, "said_at");
    claim_.text(20, r, "published_at");
    claim_.id(21, claim_ref(r, "supersedes"));
    claim_.text(22, r, "correction_reason");
    recorded(claim_, 23, r);
    const std::int64_t id = claim_.insert();
    if (auto quote = r.find("quote"); quote != r.end() && quote->is_string()) {
      claim_text_.integer(1, id);
      claim_text_.text(2, quote->get_ref<const std::string&>());
      claim_text_.insert();
    }
  }

  void link(const json& r) {
    if (auto id = r.find("id"); id != r.end() && id->is_string()) {
      link_.text(1, id->get_ref<const std::string&>());
    } else {
      generated_ = "link-" + std::to_string(++links_);
      link_.text(1, generated_);
    }
    link_.integer(2, claim_ref(r, "from"));
    link_.integer(3, claim_ref(r, "to"));
    link_.text(4, r, "kind");
    if (r.contains("origin")) {
      link_.text(5, r, "origin");
    } else {
      link_.text(5, analyst_);
    }
    link_.text(6, r, "rationale");
    if (r.contains("created_at")) {
      link_.text(7, r, "created_at");
    } else {
      link_.text(7, now_);
    }
    recorded(link_, 8, r);
    link_.insert();
  }

  void review(const json& r) {
    if (auto id = r.find("id"); id != r.end() && id->is_string()) {
      review_.text(1, id->get_ref<const std::string&>());
    } else {
      generated_ = "review-" + std::to_string(++reviews_);
      review_.text(1, generated_);
    }
    review_.integer(2, claim_ref(r, "claim"));
    review_.text(3, r, "rating");
    review_.text(4, r, "reviewer");
    review_.text(5, r, "reviewed_at");
    review_.text(6, r, "url");
    review_.text(7, r, "explanation");
    recorded(review_, 8, r);
    review_.insert();
  }

  void retraction(const json& r) {
    retraction_.integer(1, claim_ref(r, "claim"));
    retraction_.text(2, r, "reason");
    retraction_.id(3, ref(sources_, r, "retracted_by"));
    retraction_.text(4, r, "retracted_at");
    recorded(retraction_, 5, r);
    retraction_.insert();
  }

  sqlite3* db_;
  Statement source_, entity_, alias_, property_, constraint_, report_, report_text_, claim_,
      claim_text_, claim_id_, link_, review_, retraction_;
  std::unordered_map<std::string, std::int64_t> sources_, entities_, properties_, reports_;
  std::unordered_map<std::int64_t, std::string> units_;  // property row -> default unit
  const std::string now_ = "2026-01-01T00:00:00Z";
  const std::string analyst_ = "analyst";
  std::string phrase_, generated_;  // storage that must outlive a bound statement
  std::int64_t links_ = 0, reviews_ = 0;
};

}  // namespace

RawLoadCounts raw_sqlite_load(const std::string& jsonl, const std::string& db_path,
                              const std::string& schema_dir) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("open " + db_path + ": " + message);
  }
  RawLoadCounts counts;
  try {
    // The settings claimdb uses for a writable database.
    exec(db, "PRAGMA foreign_keys = ON");
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, "PRAGMA synchronous = NORMAL");
    apply_migrations(db, schema_dir);
    std::ifstream in(jsonl, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + jsonl);
    exec(db, "BEGIN");
    {
      Loader loader(db);
      std::string line;
      while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        loader.load(json::parse(line), counts);
      }
    }
    exec(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    throw;
  }
  sqlite3_close(db);
  return counts;
}

}  // namespace claimdb::bench
