// claimdb/database.hpp: the handle to one claimdb database.
//
// A Database owns one SQLite connection to one file. It is move-only and not
// thread-safe: use one handle per thread (several handles, in one process or
// many, may share a file; SQLite's WAL lets readers run beside one writer).
//
// Append-only: nothing here deletes or rewrites a recorded claim, source,
// report, entity, property, analyst link or review. A correction is a new
// claim that supersedes the old one; a retraction is recorded beside it.
#pragma once

#include <claimdb/error.hpp>
#include <claimdb/model.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimdb {

namespace detail {
class Store;
}

struct Options {
  // Create the file (and the schema) when it does not exist. Default: true.
  bool create_if_missing = true;
  // Open with SQLITE_OPEN_READONLY; every write fails with ErrorCode::read_only.
  // Default: false.
  bool read_only = false;
  // How long to wait for another writer's lock before failing with
  // ErrorCode::busy, in milliseconds. Default: 10000.
  int busy_timeout_ms = 10000;
  // Called once per handle, on the calling thread, the first time it has to
  // wait for another connection's lock (before waiting): a command line can
  // say "waiting for another writer". Must not throw. Default: none.
  std::function<void()> on_wait;
  // Apply pending schema migrations on open (ignored when read_only).
  // Default: true.
  bool migrate = true;
};

// Which claims list_claims returns. Empty members do not filter.
struct ClaimFilter {
  std::string entity;    // only claims about this entity id
  std::string property;  // only claims on this property id
  std::string claimant;  // only claims by this source id
  std::string report;    // only claims seen in this report id
  std::int64_t limit = 0;  // at most this many (0: all)
};

// Row counts per table, as printed by `claimdb stats`.
struct Stats {
  std::int64_t sources = 0, reports = 0, entities = 0, properties = 0;
  std::int64_t claims = 0, links = 0, reviews = 0, retractions = 0;
  std::int64_t detector_links = 0;  // derived by the detector; `links` counts recorded ones
  std::int64_t supersessions = 0;
  std::int64_t amendments = 0;  // of sources, entities, properties and reports
  int schema_version = 0;
  std::int64_t file_bytes = 0;  // size of the database file (0 for :memory:)
};

// One finding of Database::check().
struct CheckFinding {
  std::string severity;  // "error" or "warning"
  std::string what;      // what is wrong, in a sentence
};

class Database {
 public:
  // Open (or create, per options) the database at path. ":memory:" opens a
  // private in-memory database. Throws Error: io when the file cannot be
  // opened, not_a_database when it is not SQLite or not claimdb's,
  // schema_too_new when a newer claimdb wrote it (the file is left untouched).
  static Database open(const std::string& path, const Options& options = {});

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // The schema version of the open file, and the newest this code knows.
  int schema_version() const;
  static int latest_schema_version() noexcept;
  const std::string& path() const noexcept;

  // A write transaction. Destroying it without commit() rolls everything back.
  // Nested transactions are not supported (begin() while one is open throws).
  class Transaction {
   public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

   private:
    Database* db_;
    bool done_ = false;
  };

  // Adding records. Each call is atomic on its own, or part of an open
  // Transaction. Ids must be new (ErrorCode::duplicate) and references must
  // exist (ErrorCode::not_found). Empty recorded_at is set to the current time.
  void add(const Source& source);
  void add(const Report& report);
  void add(const Entity& entity);
  void add(const Property& property);
  void add(const Claim& claim);
  // Returns the link's id (generated when link.id is empty).
  std::string add(const Link& link);
  // Returns the review's id (generated when review.id is empty).
  std::string add(const Review& review);
  void add(const Retraction& retraction);
  // Records an amendment of a source, entity, property or report
  // (<claimdb/model.hpp>). Throws not_found for an unknown id, bad_input
  // naming the field for a field the kind does not have, a missing reason,
  // or an amendment that changes nothing.
  void add(const Amendment& amendment);

  // Looking records up by id. find_* returns nullopt when absent; get_*
  // throws ErrorCode::not_found.
  std::optional<Source> find_source(const std::string& id) const;
  std::optional<Report> find_report(const std::string& id) const;
  std::optional<Entity> find_entity(const std::string& id) const;
  std::optional<Property> find_property(const std::string& id) const;
  std::optional<Claim> find_claim(const std::string& id) const;
  Claim get_claim(const std::string& id) const;

  // Listing, in a stable order (by id), with amended fields at their
  // current values.
  std::vector<Source> list_sources() const;
  std::vector<Report> list_reports() const;
  std::vector<Entity> list_entities() const;
  std::vector<Property> list_properties() const;
  std::vector<Claim> list_claims(const ClaimFilter& filter = {}) const;
  // Every link by id: those recorded, and the detector's (origin "detector",
  // id "~detector:A:B", no rationale or times: list_conflicts and
  // explain_pair in <claimdb/detect.hpp> explain them).
  std::vector<Link> list_links() const;
  std::vector<Review> list_reviews() const;
  std::vector<Retraction> list_retractions() const;
  // Amendments, oldest first: all, or those of one record ("source", id).
  std::vector<Amendment> list_amendments(const std::string& record = {},
                                         const std::string& id = {}) const;
  // Claims that supersede the given one (its corrections), oldest first.
  std::vector<Claim> corrections_of(const std::string& claim_id) const;

  // The whole database in stable order (what export writes): the records as
  // first recorded and their amendments, without the detector's derived links.
  Dataset snapshot() const;

  Stats stats() const;
  // Integrity checks: SQLite's own, foreign keys, and claimdb invariants
  // (interval bounds, supersession cycles). Empty when all is well.
  std::vector<CheckFinding> check() const;

  // For the engine's own modules; not part of the stable API.
  detail::Store& store() noexcept { return *store_; }
  const detail::Store& store() const noexcept { return *store_; }

 private:
  explicit Database(std::unique_ptr<detail::Store> store);
  std::unique_ptr<detail::Store> store_;
};

}  // namespace claimdb
