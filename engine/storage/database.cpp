// The public Database handle: forwards to Store, makes each call atomic, and
// lets no exception but claimdb::Error escape.
#include <claimdb/database.hpp>

#include "storage/read_snapshot.hpp"
#include "storage/store.hpp"

#include <filesystem>

namespace claimdb {

namespace {

// Runs body; any non-claimdb failure becomes claimdb::Error.
template <typename Body>
auto guarded(const std::string& doing, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, doing);
  }
}

// Runs body inside a (possibly nested) write transaction.
template <typename Body>
auto atomically(detail::Store& store, const std::string& doing, Body&& body) -> decltype(body()) {
  return guarded(doing, [&] {
    store.begin();
    try {
      if constexpr (std::is_void_v<decltype(body())>) {
        body();
        store.commit();
      } else {
        auto result = body();
        store.commit();
        return result;
      }
    } catch (...) {
      store.abort();
      throw;
    }
  });
}

}  // namespace

Database Database::open(const std::string& path, const Options& options) {
  if (path.empty()) throw Error(ErrorCode::io, "no database path given");
  if (path != ":memory:" && !options.create_if_missing && !std::filesystem::exists(path))
    throw Error(ErrorCode::io, "database '" + path + "' does not exist");
  if (std::error_code ec; std::filesystem::is_directory(path, ec))
    throw Error(ErrorCode::io, "database '" + path + "' is a directory, not a file");
  return guarded("cannot open database '" + path + "'",
                 [&] { return Database(std::make_unique<detail::Store>(path, options)); });
}

Database::Database(std::unique_ptr<detail::Store> store) : store_(std::move(store)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

int Database::schema_version() const {
  return guarded("reading the schema version", [&] { return store_->schema_version(); });
}
int Database::latest_schema_version() noexcept { return detail::latest_version(); }
const std::string& Database::path() const noexcept { return store_->path(); }

Database::Transaction::Transaction(Database& db) : db_(&db) {
  if (db.store_->in_transaction())
    throw Error(ErrorCode::internal, "a transaction is already open on this database handle");
  db.store_->begin();
}

Database::Transaction::~Transaction() {
  if (!done_) db_->store_->rollback();
}

void Database::Transaction::commit() {
  if (done_) throw Error(ErrorCode::internal, "transaction already finished");
  done_ = true;
  guarded("committing", [&] { db_->store_->commit(); });
}

void Database::add(const Source& s) { atomically(*store_, "adding source", [&] { store_->insert(s); }); }
void Database::add(const Report& r) { atomically(*store_, "adding report", [&] { store_->insert(r); }); }
void Database::add(const Entity& e) { atomically(*store_, "adding entity", [&] { store_->insert(e); }); }
void Database::add(const Property& p) {
  atomically(*store_, "adding property", [&] { store_->insert(p); });
}
void Database::add(const Claim& c) { atomically(*store_, "adding claim", [&] { store_->insert(c); }); }
std::string Database::add(const Link& l) {
  if (l.origin == "detector")
    throw Error(ErrorCode::bad_input, "origin 'detector' is reserved for claimdb's conflict detector",
                Location{.field = "origin"});
  return atomically(*store_, "adding link", [&] { return store_->insert(l); });
}
std::string Database::add(const Review& r) {
  return atomically(*store_, "adding review", [&] { return store_->insert(r); });
}
void Database::add(const Retraction& r) {
  atomically(*store_, "adding retraction", [&] { store_->insert(r); });
}
void Database::add(const Amendment& a) {
  atomically(*store_, "adding amendment", [&] { store_->insert(a); });
}

namespace {
template <typename T>
std::optional<T> first(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}
}  // namespace

std::optional<Source> Database::find_source(const std::string& id) const {
  if (id.empty()) return std::nullopt;
  return guarded("reading source", [&] { return first(store_->sources(id)); });
}
std::optional<Report> Database::find_report(const std::string& id) const {
  if (id.empty()) return std::nullopt;
  return guarded("reading report", [&] { return first(store_->reports(id)); });
}
std::optional<Entity> Database::find_entity(const std::string& id) const {
  if (id.empty()) return std::nullopt;
  return guarded("reading entity", [&] { return first(store_->entities(id)); });
}
std::optional<Property> Database::find_property(const std::string& id) const {
  if (id.empty()) return std::nullopt;
  return guarded("reading property", [&] { return first(store_->properties(id)); });
}
std::optional<Claim> Database::find_claim(const std::string& id) const {
  if (id.empty()) return std::nullopt;
  return guarded("reading claim", [&] { return first(store_->claims({}, id)); });
}
Claim Database::get_claim(const std::string& id) const {
  auto claim = find_claim(id);
  if (!claim) throw Error(ErrorCode::not_found, "unknown claim '" + id + "'");
  return *claim;
}

std::vector<Source> Database::list_sources() const {
  return guarded("listing sources", [&] { return store_->sources(); });
}
std::vector<Report> Database::list_reports() const {
  return guarded("listing reports", [&] { return store_->reports(); });
}
std::vector<Entity> Database::list_entities() const {
  return guarded("listing entities", [&] { return store_->entities(); });
}
std::vector<Property> Database::list_properties() const {
  return guarded("listing properties", [&] { return store_->properties(); });
}
std::vector<Claim> Database::list_claims(const ClaimFilter& filter) const {
  return guarded("listing claims", [&] { return store_->claims(filter); });
}
std::vector<Link> Database::list_links() const {
  return guarded("listing links", [&] { return store_->links(); });
}
std::vector<Review> Database::list_reviews() const {
  return guarded("listing reviews", [&] { return store_->reviews(); });
}
std::vector<Retraction> Database::list_retractions() const {
  return guarded("listing retractions", [&] { return store_->retractions(); });
}
std::vector<Amendment> Database::list_amendments(const std::string& record,
                                                 const std::string& id) const {
  return guarded("listing amendments", [&] { return store_->amendments(record, id); });
}
std::vector<Claim> Database::corrections_of(const std::string& claim_id) const {
  return guarded("listing corrections", [&] { return store_->claims({}, {}, claim_id); });
}

Dataset Database::snapshot() const {
  return guarded("reading the database", [&] {
    detail::ReadSnapshot consistent(*store_);
    Dataset d;
    d.sources = store_->sources({}, true);
    d.reports = store_->reports({}, true);
    d.entities = store_->entities({}, true);
    d.properties = store_->properties({}, true);
    d.claims = store_->claims({});
    d.links = store_->links(false);  // recorded links; the detector's are derived
    d.reviews = store_->reviews();
    d.retractions = store_->retractions();
    d.amendments = store_->amendments();
    return d;
  });
}

Stats Database::stats() const {
  return guarded("counting", [&] {
    detail::ReadSnapshot consistent(*store_);
    return store_->stats();
  });
}

std::vector<CheckFinding> Database::check() const {
  return guarded("checking", [&] {
    detail::ReadSnapshot consistent(*store_);
    return store_->check();
  });
}

}  // namespace claimdb
