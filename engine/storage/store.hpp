// Internal: the storage layer, the only code that talks to SQLite.
//
// Store owns the connection, applies the embedded migrations, validates and
// inserts records, resolves user ids to row ids, and reads records back as
// model types. Other engine modules reach it through Database::store().
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/model.hpp>
#include <claimdb/quantity.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace claimdb::detail {

// A row id resolved from a user id, per table.
using RowId = std::int64_t;

class Store {
 public:
  Store(const std::string& path, const Options& options);
  ~Store();

  const std::string& path() const noexcept { return path_; }
  bool read_only() const noexcept { return read_only_; }
  int schema_version();
  SQLite::Database& connection() noexcept { return db_; }
  sqlite3* handle() noexcept { return db_.getHandle(); }

  // Transactions: begin() starts BEGIN IMMEDIATE when none is open; nested
  // calls only count depth. The outermost commit() commits; rollback() at any
  // depth rolls the whole transaction back.
  void begin();
  void commit();
  void rollback() noexcept;
  bool in_transaction() const noexcept { return depth_ > 0; }

  // Inserts; each validates its record and throws Error with the field.
  RowId insert(const Source& source);
  RowId insert(const Entity& entity);
  RowId insert(const Property& property);
  RowId insert(const Report& report);
  RowId insert(const Claim& claim);
  std::string insert(const Link& link);
  std::string insert(const Review& review);
  RowId insert(const Retraction& retraction);

  // Id lookups (nullopt when absent).
  std::optional<RowId> source_id(const std::string& slug);
  std::optional<RowId> entity_id(const std::string& slug);
  std::optional<RowId> property_id(const std::string& slug);
  std::optional<RowId> report_id(const std::string& slug);
  std::optional<RowId> claim_id(const std::string& slug);
  // The value type and default unit of a property, for readers of values.
  struct PropertyInfo {
    RowId id = 0;
    ValueType value_type = ValueType::quantity;
    std::string unit;
  };
  std::optional<PropertyInfo> property_info(const std::string& slug);

  // Reading back, ordered by user id. `where` restricts by the filter.
  std::vector<Source> sources(const std::string& slug = {});
  std::vector<Entity> entities(const std::string& slug = {});
  std::vector<Property> properties(const std::string& slug = {});
  std::vector<Report> reports(const std::string& slug = {});
  std::vector<Claim> claims(const ClaimFilter& filter, const std::string& slug = {},
                            const std::string& supersedes = {});
  // Calls visit for each claim (ordered by id) without holding all in memory.
  void each_claim(const std::function<void(const Claim&)>& visit);
  std::vector<Link> links();
  std::vector<Review> reviews();
  std::vector<Retraction> retractions();

  Stats stats();
  std::vector<CheckFinding> check();

 private:
  void configure(const Options& options);
  void migrate();
  void forget_caches() noexcept;
  SQLite::Statement& statement(const char* key, const char* sql);
  std::optional<RowId> lookup(std::unordered_map<std::string, RowId>& cache,
                              const char* key, const char* sql, const std::string& slug);
  RowId require(std::unordered_map<std::string, RowId>& cache, const char* key,
                const char* sql, const std::string& slug, const char* what,
                const char* field);
  void index_text(const char* table, RowId id, const std::string& a,
                  const std::string& b = {});
  std::string next_generated_id(const char* table, const char* prefix);
  // The recorded time of a new row: the transaction's time, or the given one
  // (canonical, never in the future).
  std::string recorded_time(const std::string& given, const char* what);
  // Executes an insert, turning a unique-key failure into ErrorCode::duplicate.
  void insert_row(SQLite::Statement& q, const char* what, const std::string& id);
  // Checks a claim's value against its property and reads a quantity phrase.
  Value read_value(const Claim& claim, const PropertyInfo& info);

  std::string path_;
  bool read_only_ = false;
  SQLite::Database db_;
  int depth_ = 0;
  std::string now_;  // the time of the open transaction, for recorded_at
  const QuantityReader* quantity_reader_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  std::unordered_map<std::string, RowId> source_ids_, entity_ids_, property_ids_,
      report_ids_;
  std::unordered_map<std::string, PropertyInfo> property_infos_;
};

// The newest schema version among the embedded migrations.
int latest_version();

// Turns a SQLite failure into claimdb::Error (busy, read_only, internal, ...).
[[noreturn]] void rethrow_sqlite(const std::exception& failure, const std::string& doing);

}  // namespace claimdb::detail
