// What the conflict detector reads and writes. Every value is bound; claims
// are read through the (entity, property) index, never by pairing rows in SQL.
#include "storage/store.hpp"

#include "model/vocabulary.hpp"
#include "model/time.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_set>

namespace claimdb::detail {

namespace {

std::string text_or_empty(SQLite::Statement& q, int index) {
  return q.isColumnNull(index) ? std::string() : q.getColumn(index).getString();
}

RowId id_or_zero(SQLite::Statement& q, int index) {
  return q.isColumnNull(index) ? 0 : q.getColumn(index).getInt64();
}

// The columns of a DetectClaim, in the order detect_claim_from_row reads them.
#define CLAIMDB_DETECT_COLUMNS                                                          \
  "SELECT c.id, c.slug, c.claimant, c.report, c.entity, c.property, c.phrase, "         \
  "c.has_interval, c.lo, c.hi, c.lo_open, c.hi_open, c.unit, c.polarity, c.place, "     \
  "c.valid_from, c.valid_to, c.as_of"
constexpr const char* detect_columns =
    CLAIMDB_DETECT_COLUMNS ", "
    "EXISTS (SELECT 1 FROM claims n WHERE n.supersedes = c.id), "
    "EXISTS (SELECT 1 FROM retractions r WHERE r.claim = c.id) "
    "FROM claims c ";
// The same without the two flags (a whole-table scan reads them apart).
constexpr const char* detect_columns_plain = CLAIMDB_DETECT_COLUMNS " FROM claims c ";
#undef CLAIMDB_DETECT_COLUMNS

DetectClaim detect_claim_from_row(SQLite::Statement& q, bool flags = true) {
  DetectClaim c;
  c.id = q.getColumn(0).getInt64();
  c.slug = q.getColumn(1).getString();
  c.claimant = q.getColumn(2).getInt64();
  c.report = id_or_zero(q, 3);
  c.entity = q.getColumn(4).getInt64();
  c.property = q.getColumn(5).getInt64();
  c.phrase = q.getColumn(6).getString();
  if (q.getColumn(7).getInt()) {
    Interval in;
    if (!q.isColumnNull(8)) in.lo = q.getColumn(8).getDouble();
    if (!q.isColumnNull(9)) in.hi = q.getColumn(9).getDouble();
    in.lo_open = q.getColumn(10).getInt() != 0;
    in.hi_open = q.getColumn(11).getInt() != 0;
    c.interval = in;
  }
  c.unit = text_or_empty(q, 12);
  c.denies = q.getColumn(13).getInt() < 0;
  c.place = id_or_zero(q, 14);
  c.valid_from = text_or_empty(q, 15);
  c.valid_to = text_or_empty(q, 16);
  c.as_of = text_or_empty(q, 17);
  if (flags) {
    c.superseded = q.getColumn(18).getInt() != 0;
    c.retracted = q.getColumn(19).getInt() != 0;
  }
  return c;
}

// A statement on the raw C API, for the two loops of a whole-database run
// that touch every claim and every link: SQLiteCpp's Column objects (a shared
// pointer copied per value) cost more there than SQLite's own stepping.
class RawStatement {
 public:
  RawStatement(sqlite3* db, const char* sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  }
  ~RawStatement() { sqlite3_finalize(stmt_); }
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;

  // One step: true with a row, false when done; throws on an error.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);
  }
  void reset() { sqlite3_reset(stmt_); }
  sqlite3_stmt* get() const noexcept { return stmt_; }

  bool null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  RowId id(int i) const { return sqlite3_column_int64(stmt_, i); }  // 0 for NULL
  std::string text(int i) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// detect_claim_from_row on the raw API (the same columns, without the flags).
DetectClaim detect_claim_from_raw(const RawStatement& q) {
  DetectClaim c;
  c.id = q.id(0);
  c.slug = q.text(1);
  c.claimant = q.id(2);
  c.report = q.id(3);
  c.entity = q.id(4);
  c.property = q.id(5);
  c.phrase = q.text(6);
  if (q.id(7)) {
    Interval in;
    if (!q.null(8)) in.lo = sqlite3_column_double(q.get(), 8);
    if (!q.null(9)) in.hi = sqlite3_column_double(q.get(), 9);
    in.lo_open = q.id(10) != 0;
    in.hi_open = q.id(11) != 0;
    c.interval = in;
  }
  c.unit = q.text(12);
  c.denies = q.id(13) < 0;
  c.place = q.id(14);
  c.valid_from = q.text(15);
  c.valid_to = q.text(16);
  c.as_of = q.text(17);
  return c;
}

}  // namespace

std::vector<DetectProperty> Store::detect_properties() {
  SQLite::Statement q(db_,
                      "SELECT id, slug, value_type, unit, multi_valued, cumulative FROM properties "
                      "ORDER BY id");
  SQLite::Statement constraints(db_,
                                "SELECT relation, other FROM property_constraints "
                                "WHERE property = ? ORDER BY position");
  std::vector<DetectProperty> out;
  while (q.executeStep()) {
    DetectProperty p;
    p.id = q.getColumn(0).getInt64();
    p.slug = q.getColumn(1).getString();
    p.value_type = parse_value_type(q.getColumn(2).getString()).value_or(ValueType::text);
    p.unit = text_or_empty(q, 3);
    p.multi_valued = q.getColumn(4).getInt() != 0;
    p.cumulative = q.getColumn(5).getInt() != 0;
    constraints.reset();
    constraints.bind(1, p.id);
    while (constraints.executeStep())
      p.constraints.emplace_back(constraints.getColumn(0).getString(),
                                 constraints.getColumn(1).getInt64());
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<DetectSource> Store::detect_source(RowId id) {
  auto& q = statement("detect_source", "SELECT slug, affiliation FROM sources WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return DetectSource{q.getColumn(0).getString(), text_or_empty(q, 1)};
}

std::optional<DetectPlace> Store::detect_place(RowId id) {
  auto& q = statement("detect_place", "SELECT slug, part_of FROM entities WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return DetectPlace{q.getColumn(0).getString(), id_or_zero(q, 1)};
}

void Store::each_detect_source(const std::function<void(RowId, DetectSource)>& visit) {
  RawStatement q(handle(), "SELECT id, slug, affiliation FROM sources");
  while (q.step()) visit(q.id(0), DetectSource{q.text(1), q.text(2)});
}

void Store::each_detect_place(const std::function<void(RowId, DetectPlace)>& visit) {
  RawStatement q(handle(), "SELECT id, slug, part_of FROM entities");
  while (q.step()) visit(q.id(0), DetectPlace{q.text(1), q.id(2)});
}

void Store::each_detect_entity(const std::function<void(std::vector<DetectClaim>&)>& visit) {
  // Which claims are superseded or retracted, read once (two small index
  // scans) instead of two subqueries per row.
  std::unordered_set<RowId> superseded, retracted;
  {
    SQLite::Statement q(db_, "SELECT supersedes FROM claims WHERE supersedes IS NOT NULL");
    while (q.executeStep()) superseded.insert(q.getColumn(0).getInt64());
    SQLite::Statement r(db_, "SELECT claim FROM retractions");
    while (r.executeStep()) retracted.insert(r.getColumn(0).getInt64());
  }
  // One pass over the table; the index on (entity, property) hands rows over
  // already sorted.
  RawStatement q(handle(), (std::string(detect_columns_plain) + "ORDER BY c.entity, c.property, c.id").c_str());
  std::vector<DetectClaim> batch;
  while (q.step()) {
    DetectClaim c = detect_claim_from_raw(q);
    c.superseded = !superseded.empty() && superseded.count(c.id) != 0;
    c.retracted = !retracted.empty() && retracted.count(c.id) != 0;
    if (!batch.empty() && batch.back().entity != c.entity) {
      visit(batch);
      batch.clear();
    }
    batch.push_back(std::move(c));
  }
  if (!batch.empty()) visit(batch);
}

std::vector<DetectClaim> Store::detect_group(RowId entity, RowId property) {
  auto& q = statement("detect_group", (std::string(detect_columns) +
                                       "WHERE c.entity = ? AND c.property = ? ORDER BY c.id")
                                          .c_str());
  q.bind(1, entity);
  q.bind(2, property);
  std::vector<DetectClaim> out;
  while (q.executeStep()) out.push_back(detect_claim_from_row(q));
  return out;
}

std::optional<DetectClaim> Store::detect_claim(const std::string& slug) {
  auto& q = statement("detect_claim_slug",
                      (std::string(detect_columns) + "WHERE c.slug = ?").c_str());
  q.bind(1, slug);
  if (!q.executeStep()) return std::nullopt;
  return detect_claim_from_row(q);
}

std::optional<DetectClaim> Store::detect_claim(RowId id) {
  auto& q = statement("detect_claim_id", (std::string(detect_columns) + "WHERE c.id = ?").c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return detect_claim_from_row(q);
}

DetectMark Store::detect_mark() {
  DetectMark mark;
  mark.claim = db_.execAndGet("SELECT COALESCE(MAX(id), 0) FROM claims").getInt64();
  mark.retraction = db_.execAndGet("SELECT COALESCE(MAX(id), 0) FROM retractions").getInt64();
  mark.link = db_.execAndGet("SELECT COALESCE(MAX(id), 0) FROM links").getInt64();
  mark.source_amendment =
      db_.execAndGet("SELECT COALESCE(MAX(id), 0) FROM source_amendments").getInt64();
  return mark;
}

std::vector<std::pair<RowId, RowId>> Store::groups_touched_since(const DetectMark& mark) {
  // Three rowid ranges, each read through the primary key: one UNION ... ORDER
  // BY makes SQLite merge by scanning the whole (entity, property) index.
  std::set<std::pair<RowId, RowId>> groups;
  auto collect = [&](const char* key, const char* sql, RowId since) {
    auto& q = statement(key, sql);
    q.bind(1, since);
    while (q.executeStep()) groups.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    q.reset();
  };
  collect("touched_added", "SELECT entity, property FROM claims WHERE id > ?", mark.claim);
  collect("touched_superseded",
          "SELECT o.entity, o.property FROM claims n JOIN claims o ON o.id = n.supersedes "
          "WHERE n.id > ?",
          mark.claim);
  collect("touched_retracted",
          "SELECT c.entity, c.property FROM retractions r JOIN claims c ON c.id = r.claim "
          "WHERE r.id > ?",
          mark.retraction);
  // An analyst's link replaces the detector's for its pair.
  collect("touched_linked",
          "SELECT c.entity, c.property FROM links l JOIN claims c ON c.id = l.from_claim "
          "WHERE l.id > ?1 UNION SELECT c.entity, c.property FROM links l "
          "JOIN claims c ON c.id = l.to_claim WHERE l.id > ?1",
          mark.link);
  // A source's amended side changes which of its claims are independent.
  collect("touched_affiliation",
          "SELECT DISTINCT c.entity, c.property FROM source_amendments a "
          "JOIN claims c ON c.claimant = a.source WHERE a.id > ? AND a.affiliation IS NOT NULL",
          mark.source_amendment);
  return {groups.begin(), groups.end()};
}

namespace {

// detector_links.kind - 1, as the link_kinds table of schemas 3 and 4 names them.
constexpr std::string_view link_kind_names[] = {"contradicts", "supports", "update", "scope", "echo",
                                                 "tension"};
constexpr int link_kind_count = static_cast<int>(std::size(link_kind_names));

void bind_detector_link(SQLite::Statement& q, const DetectLink& link) {
  q.bind(1, link.from);
  q.bind(2, link.to);
  q.bind(3, link.kind);
  if (link.severity) q.bind(4, *link.severity); else q.bind(4);
}

}  // namespace

int link_kind_code(std::string_view kind) {
  for (int i = 0; i < link_kind_count; ++i)
    if (link_kind_names[i] == kind) return i + 1;
  return 0;
}

std::string_view link_kind_name(int code) {
  return code >= 1 && code <= link_kind_count ? link_kind_names[code - 1] : std::string_view();
}

std::string detector_links_of_claims(const std::string& narrow) {
  return "(SELECT l2.from_claim AS f, l2.to_claim AS t FROM claims c2 JOIN detector_links l2 "
         "ON l2.from_claim = c2.id WHERE " + narrow +
         " UNION SELECT l2.from_claim, l2.to_claim FROM claims c2 JOIN detector_links l2 "
         "ON l2.to_claim = c2.id WHERE " + narrow +
         ") n CROSS JOIN detector_links l ON l.from_claim = n.f AND l.to_claim = n.t";
}

std::int64_t Store::delete_detector_links(RowId entity, RowId property) {
  // Two statements, each driven by an index of detector_links: the primary
  // key for the earlier end, detector_links_to for the later one.
  auto& from = statement("delete_detector_links_from",
                         "DELETE FROM detector_links WHERE from_claim IN "
                         "(SELECT id FROM claims WHERE entity = ?1 AND property = ?2)");
  from.bind(1, entity);
  from.bind(2, property);
  std::int64_t removed = from.exec();
  auto& to = statement("delete_detector_links_to",
                       "DELETE FROM detector_links WHERE to_claim IN "
                       "(SELECT id FROM claims WHERE entity = ?1 AND property = ?2)");
  to.bind(1, entity);
  to.bind(2, property);
  removed += to.exec();
  auto& notes = statement("delete_detector_uncompared",
                          "DELETE FROM detector_uncompared WHERE claim IN "
                          "(SELECT id FROM claims WHERE entity = ?1 AND property = ?2)");
  notes.bind(1, entity);
  notes.bind(2, property);
  notes.exec();
  return removed;
}

void Store::insert_uncompared(const UncomparedClaim& note) {
  auto& q = statement("insert_detector_uncompared",
                      "INSERT OR REPLACE INTO detector_uncompared (claim, reason, other, count) "
                      "VALUES (?, ?, ?, ?)");
  q.bind(1, note.claim);
  q.bind(2, note.reason);
  if (note.other) q.bind(3, note.other); else q.bind(3);
  q.bind(4, note.count);
  q.exec();
}

void Store::replace_uncompared(const std::vector<UncomparedClaim>& notes) {
  db_.exec("DELETE FROM detector_uncompared");
  for (const auto& note : notes) insert_uncompared(note);
}

std::vector<UncomparedClaim> Store::uncompared(const StoredLinkFilter& f) {
  SQLite::Statement q(
      db_,
      "SELECT u.claim, u.reason, u.other, u.count FROM detector_uncompared u "
      "JOIN claims c ON c.id = u.claim "
      "WHERE (?1 = '' OR c.entity = (SELECT id FROM entities WHERE slug = ?1)) "
      "AND (?2 = '' OR c.property = (SELECT id FROM properties WHERE slug = ?2)) "
      "AND (?3 = '' OR c.claimant = (SELECT id FROM sources WHERE slug = ?3)) "
      "ORDER BY c.entity, c.property, c.id");
  q.bind(1, f.entity);
  q.bind(2, f.property);
  q.bind(3, f.source);
  std::vector<UncomparedClaim> out;
  while (q.executeStep()) {
    UncomparedClaim u;
    u.claim = q.getColumn(0).getInt64();
    u.reason = q.getColumn(1).getInt();
    u.other = id_or_zero(q, 2);
    u.count = q.getColumn(3).getInt64();
    out.push_back(u);
  }
  return out;
}

const char* uncompared_reason_name(int reason) {
  switch (reason) {
    case 1: return "different units";
    case 2: return "unreadable";
    case 3: return "denied figure";
    case 4: return "group too large";
  }
  return "";
}

bool Store::analyst_link_exists(RowId a, RowId b, const std::string& kind) {
  auto& q = statement("analyst_link_exists",
                      // The unary + keeps the planner on the from_claim index:
                      // the (kind, origin) index would scan every link of a kind.
                      "SELECT 1 FROM links WHERE from_claim = ?1 AND to_claim = ?2 "
                      "AND +origin <> 'detector' AND +kind = ?3 "
                      "UNION ALL SELECT 1 FROM links WHERE from_claim = ?2 AND to_claim = ?1 "
                      "AND +origin <> 'detector' AND +kind = ?3 LIMIT 1");
  q.bind(1, a);
  q.bind(2, b);
  q.bind(3, kind);
  return q.executeStep();
}

std::vector<StoredLink> Store::analyst_links() {
  SQLite::Statement q(db_, "SELECT from_claim, to_claim, kind FROM links WHERE origin <> 'detector'");
  std::vector<StoredLink> out;
  while (q.executeStep()) {
    StoredLink l;
    l.from = q.getColumn(0).getInt64();
    l.to = q.getColumn(1).getInt64();
    l.kind = q.getColumn(2).getString();
    out.push_back(std::move(l));
  }
  return out;
}

void Store::detect_bulk_cache(bool on) noexcept {
  // 256 MiB: a whole-database run rewrites every detector link in one
  // transaction; with the default 2 MiB cache the pages spill through the WAL.
  sqlite3_exec(handle(), on ? "PRAGMA cache_size = -262144" : "PRAGMA cache_size = -2000",
               nullptr, nullptr, nullptr);
}

std::int64_t Store::replace_detector_links(std::vector<DetectLink>& links) {
  const std::int64_t removed = db_.execAndGet("SELECT count(*) FROM detector_links").getInt64();
  // A cached statement left mid-row keeps a cursor open, and SQLite refuses
  // to drop an index under an open cursor (SQLITE_LOCKED).
  for (auto& [key, cached] : statements_) cached->tryReset();
  // Every other index of the table is read from the schema, dropped and built
  // again after the rows: one sort instead of a random insert per link.
  std::vector<std::pair<std::string, std::string>> indexes;
  {
    SQLite::Statement q(db_,
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                        "AND tbl_name = 'detector_links' AND sql IS NOT NULL ORDER BY name");
    while (q.executeStep()) indexes.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  }
  for (const auto& index : indexes) db_.exec("DROP INDEX \"" + index.first + "\"");
  // No WHERE clause and no trigger: SQLite empties the table at once.
  db_.exec("DELETE FROM detector_links");
  std::sort(links.begin(), links.end(), [](const DetectLink& x, const DetectLink& y) {
    return x.from != y.from ? x.from < y.from : x.to < y.to;
  });
  RawStatement q(handle(), "INSERT INTO detector_links (from_claim, to_claim, kind, severity) VALUES (?, ?, ?, ?)");
  sqlite3_stmt* insert = q.get();
  for (const DetectLink& link : links) {
    sqlite3_bind_int64(insert, 1, link.from);
    sqlite3_bind_int64(insert, 2, link.to);
    sqlite3_bind_int(insert, 3, link.kind);
    if (link.severity) sqlite3_bind_double(insert, 4, *link.severity);
    else sqlite3_bind_null(insert, 4);
    q.step();
    q.reset();
  }
  for (const auto& index : indexes) db_.exec(index.second);
  return removed;
}

void Store::insert_detector_link(const DetectLink& link) {
  auto& q = statement("insert_detector_link",
                      "INSERT INTO detector_links (from_claim, to_claim, kind, severity) "
                      "VALUES (?, ?, ?, ?)");
  bind_detector_link(q, link);
  q.exec();
}

std::vector<StoredLink> Store::conflict_links(const StoredLinkFilter& f) {
  // The analyst's links and the detector's, each filtered through its own
  // indexes, then merged in one order.
  const std::string filters =
      "(?3 = '' OR a.entity = (SELECT id FROM entities WHERE slug = ?3) "
      "     OR b.entity = (SELECT id FROM entities WHERE slug = ?3)) "
      "AND (?4 = '' OR a.property = (SELECT id FROM properties WHERE slug = ?4) "
      "     OR b.property = (SELECT id FROM properties WHERE slug = ?4)) "
      "AND (?5 = '' OR a.claimant = (SELECT id FROM sources WHERE slug = ?5) "
      "     OR b.claimant = (SELECT id FROM sources WHERE slug = ?5)) ";
  // The detector's links of one entity or source are found from its claims,
  // not by reading every link.
  std::string narrow;
  if (!f.entity.empty()) narrow = "c2.entity = (SELECT id FROM entities WHERE slug = ?3)";
  else if (!f.source.empty()) narrow = "c2.claimant = (SELECT id FROM sources WHERE slug = ?5)";
  const std::string detector_links =
      narrow.empty() ? std::string("detector_links l") : detector_links_of_claims(narrow);
  const std::string kind_filter =
      "(CASE WHEN ?1 <> '' THEN k = ?1 WHEN ?2 THEN 1 ELSE k = 'contradicts' END) ";
  SQLite::Statement q(
      db_,
      "SELECT * FROM ("
      "SELECT l.slug, l.from_claim, l.to_claim, l.kind AS k, l.origin, l.rationale, NULL, "
      "a.entity AS e, a.property AS p, l.id AS i FROM links l "
      "JOIN claims a ON a.id = l.from_claim JOIN claims b ON b.id = l.to_claim WHERE " +
          filters +
          "UNION ALL "
          "SELECT '', l.from_claim, l.to_claim, k.name, 'detector', NULL, l.severity, "
          "a.entity, a.property, 0 FROM " + detector_links +
          " JOIN link_kinds k ON k.code = l.kind "
          "JOIN claims a ON a.id = l.from_claim JOIN claims b ON b.id = l.to_claim WHERE " +
          filters + "AND COALESCE(l.severity, 0) >= ?6) WHERE " + kind_filter +
          "ORDER BY e, p, from_claim, to_claim, i");
  q.bind(1, f.kind);
  q.bind(2, f.include_non_conflicts ? 1 : 0);
  q.bind(3, f.entity);
  q.bind(4, f.property);
  q.bind(5, f.source);
  q.bind(6, f.min_severity);
  std::vector<StoredLink> out;
  while (q.executeStep()) {
    StoredLink l;
    l.slug = q.getColumn(0).getString();
    l.from = q.getColumn(1).getInt64();
    l.to = q.getColumn(2).getInt64();
    l.kind = q.getColumn(3).getString();
    l.origin = q.getColumn(4).getString();
    l.rationale = text_or_empty(q, 5);
    if (!q.isColumnNull(6)) l.severity = q.getColumn(6).getDouble();
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace claimdb::detail
