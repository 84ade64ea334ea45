// Internal: the storage layer, the only code that talks to SQLite.
//
// Store owns the connection, applies the embedded migrations, validates and
// inserts records, resolves user ids to row ids, and reads records back as
// model types. Other engine modules reach it through Database::store().
#pragma once

#include <chrono>
#include <functional>

#include <claimdb/database.hpp>
#include <claimdb/graph.hpp>
#include <claimdb/model.hpp>
#include <claimdb/quantity.hpp>
#include <claimdb/query.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3;

namespace claimdb::detail {

// A row id resolved from a user id, per table.
using RowId = std::int64_t;

// --- What the conflict detector (engine/detect) reads and writes -----------

// A claim as the detector compares it: row ids instead of slugs for the
// references (names are resolved only when a link is explained).
struct DetectClaim {
  RowId id = 0;                     // claims.id: decides "earlier" and "later"
  std::string slug;                 // the user's claim id
  RowId claimant = 0;               // sources.id of the original speaker
  RowId report = 0;                 // reports.id, or 0 when none
  RowId entity = 0;                 // entities.id
  RowId property = 0;               // properties.id
  std::string phrase;               // the value as said (category/boolean: the value)
  std::optional<Interval> interval; // quantity only
  std::string unit;                 // quantity only
  bool denies = false;              // polarity
  RowId place = 0;                  // entities.id of the scope's place, 0 when unscoped
  std::string valid_from, valid_to, as_of;  // canonical times or ""
  bool superseded = false;          // a newer claim supersedes this one
  bool retracted = false;           // a retraction names this claim
  // Set by the detector, not read from storage: the slug of an earlier
  // current claim this one repeats (same claimant, place, value), or "".
  std::string repeat_of;
};

// A property with what the detector needs to know about it.
struct DetectProperty {
  RowId id = 0;
  std::string slug;
  ValueType value_type = ValueType::quantity;
  std::string unit;
  bool multi_valued = false;
  bool cumulative = false;
  std::vector<std::pair<std::string, RowId>> constraints;  // (relation, other property id)
};

// A source's name and side, for explanations and independence.
struct DetectSource {
  std::string slug;
  std::string affiliation;
};

// An entity's name and enclosing place, for scopes.
struct DetectPlace {
  std::string slug;
  RowId part_of = 0;  // 0: none
};

// A link the detector writes (from is the earlier claim by row id). The
// relation label and the explanation are not stored: they are derived from
// the two claims when the link is listed.
struct DetectLink {
  RowId from = 0, to = 0;
  int kind = 0;                    // a link_kind_code
  std::optional<double> severity;  // contradictions only
};

// The detector's links of the claims matching `narrow` (SQL over the claims
// aliased c2), as a FROM fragment binding detector_links as `l`: the pairs are
// found from those claims through either end's index, and the CROSS JOIN
// keeps SQLite from scanning the table instead (as a row-value IN does).
std::string detector_links_of_claims(const std::string& narrow);

// The codes of detector_links.kind (the link_kinds table of schema 3): 1
// contradicts, 2 supports, 3 update, 4 scope, 5 echo, 6 tension (schema 4);
// 0 for anything else.
int link_kind_code(std::string_view kind);
// The name of a code; "" for an unknown one.
std::string_view link_kind_name(int code);

// A claim detection could not compare with claims of its group (table
// detector_uncompared of schema 4). reason: 1 different units, 2 unreadable
// (no interval), 3 denied figure, 4 group too large (past the detector's
// window); other: the first such claim, or 0.
struct UncomparedClaim {
  RowId claim = 0;
  int reason = 0;
  RowId other = 0;
  std::int64_t count = 0;
};
// "different units", "unreadable", "denied figure", "group too large"; ""
// for an unknown code.
const char* uncompared_reason_name(int reason);

// A stored link read back for listing.
struct StoredLink {
  std::string slug;
  RowId from = 0, to = 0;
  std::string kind, origin, rationale;
  std::optional<double> severity;
};

// Which links conflict listings read. Empty strings do not filter.
struct StoredLinkFilter {
  std::string entity, property, source, kind;  // slugs; either end matches
  double min_severity = 0;                     // applies to detector links
  bool include_non_conflicts = false;          // also supports/update/scope/echo
};

// High-water marks taken before an import, to find what it added.
struct DetectMark {
  RowId claim = 0;       // largest claims.id before
  RowId retraction = 0;  // largest retractions.id before
  RowId link = 0;        // largest links.id before (an analyst's link changes its pair)
  RowId source_amendment = 0;  // largest source_amendments.id before (affiliation)
};

// One version of a record, or one event in a claim's life, for `history`.
struct HistoryRow {
  std::string recorded_at;
  std::string event;   // "recorded", "amended", ...
  std::string id;      // the record (or the other claim, review, link) concerned
  std::string by;      // who, when known
  std::string detail;  // what changed, the value, the reason
};

// --- What the query language (engine/query) reads: store_query.cpp ---------
// Ids arrive resolved to row ids (0: no filter); times are canonical; as_of
// "" means now. limit 0 means all rows.
// News time, apart from database time (as_of): bounds on when a claim was
// published (by the claim, else its report) and when it was said. "": no
// bound; before is exclusive, after exclusive; a claim without that time is
// left out by a bound on it.
struct NewsTime {
  std::string published_before, published_after, said_before, said_after;
  bool any() const {
    return !published_before.empty() || !published_after.empty() || !said_before.empty() ||
           !said_after.empty();
  }
};
struct ClaimQuery {
  RowId entity = 0, property = 0, claimant = 0, report = 0;
  NewsTime news;
  std::string since, until;  // bounds on the claim's time (said, else published)
  std::string as_of;         // only rows recorded at or before
  std::int64_t limit = 0;
};
struct ConflictQuery {
  RowId entity = 0, property = 0, source = 0;  // either side matches
  RowId between_a = 0, between_b = 0;          // one side each
  NewsTime news;                               // both claims
  std::string kind;                            // "": contradicts; "all": every kind
  std::string severity_op;                     // "", ">", ">=", "<", "<=", "="
  double severity = 0;
  std::string as_of;
  std::int64_t limit = 0;
};
struct SourceQuery {
  RowId entity = 0, property = 0;  // only sources with such claims
  std::string as_of;
  std::int64_t limit = 0;
};

class Store {
 public:
  Store(const std::string& path, const Options& options);
  ~Store();

  const std::string& path() const noexcept { return path_; }
  bool read_only() const noexcept { return read_only_; }
  int schema_version();
  SQLite::Database& connection() noexcept { return db_; }
  sqlite3* handle() noexcept { return db_.getHandle(); }

  // Transactions: begin() starts BEGIN IMMEDIATE when none is open, and a
  // savepoint inside an open one. commit() commits (or releases) the
  // innermost level; abort() undoes just the innermost level, so a failed
  // call inside a caller's transaction leaves the caller's work in place;
  // rollback() undoes the whole transaction.
  void begin();
  void commit();
  void abort() noexcept;
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
  RowId insert(const Amendment& amendment);

  // How the phrase of the claim inserted last was read (nullopt when it
  // gave its interval, or is not a quantity): for warnings at entry.
  std::optional<QuantityReading> last_reading;

  // What inserting the last claim found worth telling (a quantity phrase
  // read one of two ways, ...); clears them.
  std::vector<std::string> take_warnings() { return std::exchange(warnings_, {}); }

  // The language a claim's phrase is read in: its report's, else the
  // report's publisher's, else its claimant's; "" when none is given.
  std::string claim_language(std::optional<RowId> report, RowId claimant);

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

  // Reading back, ordered by user id: the current values (amendments
  // applied), or with as_recorded the values first recorded.
  std::vector<Source> sources(const std::string& slug = {}, bool as_recorded = false);
  std::vector<Entity> entities(const std::string& slug = {}, bool as_recorded = false);
  std::vector<Property> properties(const std::string& slug = {}, bool as_recorded = false);
  std::vector<Report> reports(const std::string& slug = {}, bool as_recorded = false);
  // Re-stated records (an import of what is already there): the id of a
  // recorded link or review with the same content (ids aside), whether the
  // same retraction is recorded, the claim's latest version (the end of its
  // corrections, newest first), and whether the claim is retracted.
  std::optional<std::string> same_link(const Link& link);
  std::optional<std::string> same_review(const Review& review);
  bool same_retraction(const Retraction& retraction);
  std::optional<Claim> latest_claim_version(const std::string& claim);
  bool retracted(const std::string& claim);
  // Every amendment, oldest first, or those of one record.
  std::vector<Amendment> amendments(const std::string& record = {}, const std::string& slug = {});
  std::vector<Claim> claims(const ClaimFilter& filter, const std::string& slug = {},
                            const std::string& supersedes = {});
  // Recorded links, then (with_detector) the detector's, by id.
  std::vector<Link> links(bool with_detector = true);
  std::vector<Review> reviews();
  std::vector<Retraction> retractions();

  Stats stats();
  std::vector<CheckFinding> check();

  // Conflict detection (store_detect.cpp). Reads use the (entity, property)
  // index; nothing scans all pairs.
  std::vector<DetectProperty> detect_properties();
  std::optional<DetectSource> detect_source(RowId id);
  std::optional<DetectPlace> detect_place(RowId id);
  // Every source and every entity (as a place), for a whole-database run that
  // must not ask SQLite per claim (its rules run on a second thread).
  void each_detect_source(const std::function<void(RowId, DetectSource)>& visit);
  void each_detect_place(const std::function<void(RowId, DetectPlace)>& visit);
  // Every claim, grouped by entity (ascending), then property, then id;
  // calls visit once per entity with all its claims.
  void each_detect_entity(const std::function<void(std::vector<DetectClaim>&)>& visit);
  // The claims of one (entity, property) group, by id.
  std::vector<DetectClaim> detect_group(RowId entity, RowId property);
  std::optional<DetectClaim> detect_claim(const std::string& slug);
  std::optional<DetectClaim> detect_claim(RowId id);
  DetectMark detect_mark();
  // The (entity, property) groups holding claims added, superseded or
  // retracted after the mark.
  std::vector<std::pair<RowId, RowId>> groups_touched_since(const DetectMark& mark);
  // Deletes the detector links touching a claim of one group (and the group's
  // uncompared claims); returns how many links were deleted.
  std::int64_t delete_detector_links(RowId entity, RowId property);
  // Whether an analyst link of this kind joins the two claims (either way).
  bool analyst_link_exists(RowId a, RowId b, const std::string& kind);
  // Every analyst link as (from, to, kind), read once by a whole-database run.
  std::vector<StoredLink> analyst_links();
  // A page cache large enough for a whole-database run (on), or the default (off).
  void detect_bulk_cache(bool on) noexcept;
  // Deletes every detector link and writes `links` (sorted here by from, to)
  // in key order, building the to_claim index once at the end, by sorting.
  // Returns how many links were deleted.
  std::int64_t replace_detector_links(std::vector<DetectLink>& links);
  void insert_detector_link(const DetectLink& link);
  // The claims detection could not compare (detector_uncompared): one row per
  // claim, replacing any earlier one; replace_uncompared empties the table first.
  void insert_uncompared(const UncomparedClaim& note);
  void replace_uncompared(const std::vector<UncomparedClaim>& notes);
  // Those of claims matching the entity, property and source of the filter,
  // ordered by entity, property and claim.
  std::vector<UncomparedClaim> uncompared(const StoredLinkFilter& filter);
  std::vector<StoredLink> conflict_links(const StoredLinkFilter& filter);

  // The claim graph (store_graph.cpp): appends the claims about one entity
  // ("" for all, in id order), the links with both ends among them, their
  // reviews, and every source and report.
  void load_graph_rows(const std::string& entity, GraphRows& rows);
  // The same for a database handle (what engine/graph calls, declaring it
  // itself so that it never includes this header and SQLite's).
  friend void load_graph_rows(const Database& db, const std::string& entity, GraphRows& rows);

  // The query language (store_query.cpp). Results are ready to show.
  QueryResult query_claims(const ClaimQuery& query);
  QueryResult query_conflicts(const ConflictQuery& query);
  QueryResult query_sources(const SourceQuery& query);
  QueryResult query_entities(const std::string& as_of, std::int64_t limit);
  QueryResult query_properties(const std::string& as_of, std::int64_t limit);
  // match is an FTS5 expression built by the caller from quoted words.
  QueryResult query_search(const std::string& match, const std::string& as_of, std::int64_t limit);
  QueryResult query_history(RowId claim, const std::string& as_of);
  std::optional<std::string> claim_recorded_at(const std::string& slug);
  std::vector<std::string> query_ids(IdKind kind, const std::string& prefix, std::size_t limit);
  // One read-only statement on a separate read-only connection (see
  // claimdb::query_sql); refuses with Error(read_only) before running.
  QueryResult read_only_sql(const std::string& sql);
  QueryResult read_only_sql_in_memory(const std::string& sql);

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
  Value read_value(const Claim& claim, const PropertyInfo& info, const std::string& language);
  // Refuses a claim's own unit when it measures another kind than the
  // property's unit (length where drones are counted).
  void check_unit_kind(const Claim& claim, const std::string& unit, const std::string& expected);

  // SQLite's busy handler: waits with backoff up to busy_timeout_ms, telling
  // on_wait once before the first wait.
  static int on_busy(void* self, int attempt) noexcept;

  std::string path_;
  bool read_only_ = false;
  int busy_timeout_ms_ = 10000;
  std::function<void()> on_wait_;
  bool told_waiting_ = false;
  std::chrono::steady_clock::time_point busy_since_{};
  SQLite::Database db_;
  int depth_ = 0;
  std::string now_;  // the time of the open transaction, for recorded_at
  const QuantityReader* quantity_reader_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  std::unordered_map<std::string, RowId> source_ids_, entity_ids_, property_ids_,
      report_ids_;
  std::unordered_map<std::string, PropertyInfo> property_infos_;
  std::unordered_map<RowId, std::string> report_languages_, source_languages_;
  std::vector<std::string> warnings_;
};

// The fields an amendment of a record kind may set ("source": name, kind,
// affiliation, description; ...), empty for an unknown kind.
std::vector<std::string> amendable_fields(const std::string& record);

// The newest schema version among the embedded migrations.
int latest_version();

// Turns a SQLite failure into claimdb::Error (busy, read_only, internal, ...).
[[noreturn]] void rethrow_sqlite(const std::exception& failure, const std::string& doing);

}  // namespace claimdb::detail
