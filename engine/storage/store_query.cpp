// What the query language reads. Every statement here is built from fixed
// fragments only; ids arrive resolved to row ids and every piece of user
// text (times, search words, kinds) is a bound parameter.
#include "storage/store.hpp"

#include <sqlite3.h>

#include <array>
#include <cctype>
#include <memory>

namespace claimdb::detail {

namespace {

// "As of now": later than any recorded time.
const std::string& as_of_or_now(const std::string& as_of) {
  static const std::string far_future = "9999-12-31T23:59:59Z";
  return as_of.empty() ? far_future : as_of;
}

Cell cell_at(SQLite::Statement& q, int index) {
  const SQLite::Column column = q.getColumn(index);
  switch (column.getType()) {
    case SQLITE_INTEGER: return Cell(static_cast<std::int64_t>(column.getInt64()));
    case SQLITE_FLOAT: return Cell(column.getDouble());
    case SQLITE_NULL: return Cell();
    default: return Cell(column.getString());
  }
}

QueryResult collect(SQLite::Statement& q, std::vector<std::string> columns) {
  QueryResult out;
  out.columns = std::move(columns);
  const int n = static_cast<int>(out.columns.size());
  while (q.executeStep()) {
    std::vector<Cell> row;
    row.reserve(n);
    for (int i = 0; i < n; ++i) row.push_back(cell_at(q, i));
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string limit_clause(std::int64_t limit) { return limit > 0 ? " LIMIT :limit" : ""; }

void bind_limit(SQLite::Statement& q, std::int64_t limit) {
  if (limit > 0) q.bind(":limit", static_cast<std::int64_t>(limit));
}

// A claim's status as of :t, as SQL over the claim aliased `c`.
std::string status_sql(const char* c) {
  const std::string alias = c;
  return "CASE WHEN EXISTS (SELECT 1 FROM retractions x WHERE x.claim = " + alias +
         ".id AND x.recorded_at <= :t) THEN 'retracted' "
         "WHEN EXISTS (SELECT 1 FROM claims n WHERE n.supersedes = " + alias +
         ".id AND n.recorded_at <= :t) THEN 'superseded' ELSE 'current' END";
}

// The claim's time: when said, else when published (by the claim, else by its
// report); NULL when the sources give no time.
const char* const claim_time_sql = "COALESCE(c.said_at, c.published_at, r.published_at)";

}  // namespace

QueryResult Store::query_claims(const ClaimQuery& f) {
  std::string sql =
      std::string("SELECT c.slug, s.slug, e.slug, p.slug, c.phrase, c.unit, pl.slug, "
                  "CASE WHEN c.polarity = 1 THEN 'asserts' ELSE 'denies' END, ") +
      claim_time_sql + ", r.slug, " + status_sql("c") +
      ", c.quote FROM claims c JOIN sources s ON s.id = c.claimant "
      "JOIN entities e ON e.id = c.entity JOIN properties p ON p.id = c.property "
      "LEFT JOIN reports r ON r.id = c.report LEFT JOIN entities pl ON pl.id = c.place "
      "WHERE c.recorded_at <= :t";
  if (f.entity) sql += " AND c.entity = :entity";
  if (f.property) sql += " AND c.property = :property";
  if (f.claimant) sql += " AND c.claimant = :claimant";
  if (f.report) sql += " AND c.report = :report";
  if (!f.since.empty()) sql += std::string(" AND ") + claim_time_sql + " >= :since";
  if (!f.until.empty()) sql += std::string(" AND ") + claim_time_sql + " <= :until";
  sql += " ORDER BY c.id" + limit_clause(f.limit);
  SQLite::Statement q(db_, sql);
  q.bind(":t", as_of_or_now(f.as_of));
  if (f.entity) q.bind(":entity", static_cast<std::int64_t>(f.entity));
  if (f.property) q.bind(":property", static_cast<std::int64_t>(f.property));
  if (f.claimant) q.bind(":claimant", static_cast<std::int64_t>(f.claimant));
  if (f.report) q.bind(":report", static_cast<std::int64_t>(f.report));
  if (!f.since.empty()) q.bind(":since", f.since);
  if (!f.until.empty()) q.bind(":until", f.until);
  bind_limit(q, f.limit);
  return collect(q, {"id", "claimant", "entity", "property", "value", "unit", "place", "polarity", "time",
                     "report", "status", "quote"});
}

QueryResult Store::query_conflicts(const ConflictQuery& f) {
  // Two arms, one per table: the analyst's links (`links`) and the
  // detector's (`detector_links`), each narrowed through its own indexes,
  // merged by one ORDER BY. A detector link's explanation is left NULL here:
  // it is derived from the two claims by the caller.
  std::string narrow;
  if (f.entity) narrow = "c2.entity = :entity";
  else if (f.source) narrow = "c2.claimant = :source";
  else if (f.between_a) narrow = "c2.claimant = :between_a";
  const int kind_code = link_kind_code(f.kind);
  auto arm = [&](bool detector) {
    const std::string table = detector ? "detector_links" : "links";
    std::string sql =
        std::string("SELECT a.slug, b.slug, ") + (detector ? "k.name" : "l.kind") +
        ", l.severity, e.slug, "
        "CASE WHEN pa.id = pb.id THEN pa.slug ELSE pa.slug || ' / ' || pb.slug END, "
        "sa.slug, a.phrase, sb.slug, b.phrase, " +
        (detector ? "'detector', NULL, " : "l.origin, 'analyst ' || l.origin || ': ' || COALESCE(l.rationale, ''), ") +
        "a.entity AS sort_entity, a.property AS sort_property, l.from_claim AS sort_from, "
        "l.to_claim AS sort_to, " + (detector ? "0" : "l.id") + " AS sort_id FROM " +
        // The detector's links are narrowed by driving the join from the
        // pairs the narrowing finds.
        (detector && !narrow.empty() ? detector_links_of_claims(narrow) + " " : table + " l ") +
        (detector ? "JOIN link_kinds k ON k.code = l.kind " : "") +
        "JOIN claims a ON a.id = l.from_claim JOIN claims b ON b.id = l.to_claim "
        "JOIN sources sa ON sa.id = a.claimant JOIN sources sb ON sb.id = b.claimant "
        "JOIN entities e ON e.id = a.entity "
        "JOIN properties pa ON pa.id = a.property JOIN properties pb ON pb.id = b.property "
        "WHERE a.recorded_at <= :t AND b.recorded_at <= :t " +
        (detector ? "" : "AND l.recorded_at <= :t ") +
        "AND " + status_sql("a") + " = 'current' AND " + status_sql("b") + " = 'current'";
    // Narrow the links through an index first: by the claims of the entity,
    // else of the source, else of one side of `between`.
    if (!narrow.empty() && !detector)
      sql += " AND l.id IN (SELECT l2.id FROM claims c2 JOIN links l2 ON l2.from_claim = c2.id WHERE " +
             narrow + " UNION ALL SELECT l2.id FROM claims c2 JOIN links l2 ON l2.to_claim = c2.id WHERE " +
             narrow + ")";
    if (f.entity) sql += " AND (a.entity = :entity OR b.entity = :entity)";
    if (f.property) sql += " AND (a.property = :property OR b.property = :property)";
    if (f.source) sql += " AND (a.claimant = :source OR b.claimant = :source)";
    if (f.between_a)
      sql += " AND ((a.claimant = :between_a AND b.claimant = :between_b) OR "
             "(a.claimant = :between_b AND b.claimant = :between_a))";
    if (detector) {
      if (f.kind.empty()) sql += " AND l.kind = 1";
      else if (f.kind != "all") sql += " AND l.kind = :kind_code";
    } else {
      // The unary + keeps SQLite from driving the query by the links_kind
      // index (every link of a kind) instead of the narrowing above.
      const char* kind_column = narrow.empty() ? " AND l.kind" : " AND +l.kind";
      if (f.kind.empty()) sql += std::string(kind_column) + " = 'contradicts'";
      else if (f.kind != "all") sql += std::string(kind_column) + " = :kind";
    }
    if (!f.severity_op.empty()) {
      static const std::array<const char*, 5> ops = {">", ">=", "<", "<=", "="};
      const char* op = nullptr;
      for (const char* candidate : ops)
        if (f.severity_op == candidate) op = candidate;
      if (!op) throw Error(ErrorCode::internal, "unknown comparison '" + f.severity_op + "'");
      sql += std::string(" AND l.severity IS NOT NULL AND l.severity ") + op + " :severity";
    }
    return sql;
  };
  const std::string sql = arm(false) + " UNION ALL " + arm(true) +
                          " ORDER BY sort_entity, sort_property, sort_from, sort_to, sort_id" +
                          limit_clause(f.limit);
  SQLite::Statement q(db_, sql);
  q.bind(":t", as_of_or_now(f.as_of));
  if (f.entity) q.bind(":entity", static_cast<std::int64_t>(f.entity));
  if (f.property) q.bind(":property", static_cast<std::int64_t>(f.property));
  if (f.source) q.bind(":source", static_cast<std::int64_t>(f.source));
  if (f.between_a) {
    q.bind(":between_a", static_cast<std::int64_t>(f.between_a));
    q.bind(":between_b", static_cast<std::int64_t>(f.between_b));
  }
  if (!f.kind.empty() && f.kind != "all") {
    q.bind(":kind", f.kind);
    q.bind(":kind_code", kind_code);
  }
  if (!f.severity_op.empty()) q.bind(":severity", f.severity);
  bind_limit(q, f.limit);
  return collect(q, {"a", "b", "kind", "severity", "entity", "property", "claimant_a", "value_a",
                     "claimant_b", "value_b", "origin", "explanation"});
}

QueryResult Store::query_sources(const SourceQuery& f) {
  const bool filtered = f.entity || f.property;
  std::string sql =
      "SELECT s.slug, s.name, s.kind, s.affiliation, COUNT(c.id) FROM sources s "
      "LEFT JOIN claims c ON c.claimant = s.id AND c.recorded_at <= :t";
  if (f.entity) sql += " AND c.entity = :entity";
  if (f.property) sql += " AND c.property = :property";
  sql += " WHERE s.recorded_at <= :t GROUP BY s.id";
  if (filtered) sql += " HAVING COUNT(c.id) > 0";
  sql += " ORDER BY s.slug" + limit_clause(f.limit);
  SQLite::Statement q(db_, sql);
  q.bind(":t", as_of_or_now(f.as_of));
  if (f.entity) q.bind(":entity", static_cast<std::int64_t>(f.entity));
  if (f.property) q.bind(":property", static_cast<std::int64_t>(f.property));
  bind_limit(q, f.limit);
  return collect(q, {"id", "name", "kind", "affiliation", "claims"});
}

QueryResult Store::query_entities(const std::string& as_of, std::int64_t limit) {
  SQLite::Statement q(db_,
                      "SELECT e.slug, e.name, e.kind, p.slug FROM entities e "
                      "LEFT JOIN entities p ON p.id = e.part_of WHERE e.recorded_at <= :t "
                      "ORDER BY e.slug" + limit_clause(limit));
  q.bind(":t", as_of_or_now(as_of));
  bind_limit(q, limit);
  return collect(q, {"id", "name", "kind", "part_of"});
}

QueryResult Store::query_properties(const std::string& as_of, std::int64_t limit) {
  SQLite::Statement q(db_,
                      "SELECT slug, value_type, unit, multi_valued, cumulative FROM properties "
                      "WHERE recorded_at <= :t ORDER BY slug" + limit_clause(limit));
  q.bind(":t", as_of_or_now(as_of));
  bind_limit(q, limit);
  return collect(q, {"id", "value_type", "unit", "multi_valued", "cumulative"});
}

QueryResult Store::query_search(const std::string& match, const std::string& as_of,
                                std::int64_t limit) {
  SQLite::Statement q(
      db_,
      "SELECT type, id, source, text FROM ("
      "SELECT 'claim' AS type, c.slug AS id, s.slug AS source, "
      "snippet(claims_fts, 0, '[', ']', '…', 16) AS text, bm25(claims_fts) AS rank "
      "FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
      "JOIN sources s ON s.id = c.claimant "
      "WHERE claims_fts MATCH :match AND c.recorded_at <= :t "
      "UNION ALL "
      "SELECT 'report', r.slug, p.slug, snippet(reports_fts, -1, '[', ']', '…', 16), "
      "bm25(reports_fts) FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid "
      "LEFT JOIN sources p ON p.id = r.publisher "
      "WHERE reports_fts MATCH :match AND r.recorded_at <= :t) "
      "ORDER BY rank, type, id" + limit_clause(limit));
  q.bind(":match", match);
  q.bind(":t", as_of_or_now(as_of));
  bind_limit(q, limit);
  return collect(q, {"type", "id", "source", "text"});
}

QueryResult Store::query_history(RowId claim, const std::string& as_of) {
  SQLite::Statement q(
      db_,
      "SELECT recorded, event, id, by, detail FROM ("
      "SELECT c.recorded_at AS recorded, 0 AS seq, 'recorded' AS event, c.slug AS id, "
      "s.slug AS by, c.phrase AS detail FROM claims c JOIN sources s ON s.id = c.claimant "
      "WHERE c.id = :c "
      "UNION ALL SELECT c.recorded_at, 1, 'supersedes', o.slug, NULL, c.correction_reason "
      "FROM claims c JOIN claims o ON o.id = c.supersedes WHERE c.id = :c "
      "UNION ALL SELECT n.recorded_at, 2, 'superseded by', n.slug, s.slug, "
      "n.phrase || COALESCE(' (' || n.correction_reason || ')', '') "
      "FROM claims n JOIN sources s ON s.id = n.claimant "
      "WHERE n.supersedes = :c AND n.recorded_at <= :t "
      "UNION ALL SELECT x.recorded_at, 3, 'retracted', NULL, s.slug, x.reason "
      "FROM retractions x LEFT JOIN sources s ON s.id = x.retracted_by "
      "WHERE x.claim = :c AND x.recorded_at <= :t "
      "UNION ALL SELECT v.recorded_at, 4, 'reviewed', v.slug, v.reviewer, "
      "v.rating || COALESCE(': ' || v.explanation, '') FROM reviews v "
      "WHERE v.claim = :c AND v.recorded_at <= :t "
      "UNION ALL SELECT l.recorded_at, 5, l.kind, o.slug, l.origin, l.rationale "
      "FROM links l JOIN claims o ON o.id = l.to_claim "
      "WHERE l.from_claim = :c AND l.origin <> 'detector' AND l.recorded_at <= :t "
      "UNION ALL SELECT l.recorded_at, 5, l.kind || ' (from)', o.slug, l.origin, l.rationale "
      "FROM links l JOIN claims o ON o.id = l.from_claim "
      "WHERE l.to_claim = :c AND l.origin <> 'detector' AND l.recorded_at <= :t"
      ") ORDER BY recorded, seq, id");
  q.bind(":c", static_cast<std::int64_t>(claim));
  q.bind(":t", as_of_or_now(as_of));
  return collect(q, {"recorded", "event", "id", "by", "detail"});
}

std::optional<std::string> Store::claim_recorded_at(const std::string& slug) {
  auto& q = statement("claim_recorded_at", "SELECT recorded_at FROM claims WHERE slug = ?");
  q.bind(1, slug);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

std::vector<std::string> Store::query_ids(IdKind kind, const std::string& prefix,
                                          std::size_t limit) {
  const char* sql = nullptr;
  switch (kind) {
    case IdKind::entity:
      sql = "SELECT slug FROM entities WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::source:
      sql = "SELECT slug FROM sources WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::property:
      sql = "SELECT slug FROM properties WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::report:
      sql = "SELECT slug FROM reports WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
    case IdKind::claim:
      sql = "SELECT slug FROM claims WHERE slug >= ?1 AND slug < ?1 || char(1114111) "
            "ORDER BY slug LIMIT ?2";
      break;
  }
  SQLite::Statement q(db_, sql);
  q.bind(1, prefix);
  q.bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

namespace {

// Refuses, while a statement is prepared, everything that could reach past
// reading the open database: ATTACH and DETACH, and any PRAGMA given a value
// except the few that take a table or index name and only read.
int authorize_read_only(void*, int action, const char* a, const char* b, const char*,
                        const char*) {
  switch (action) {
    case SQLITE_ATTACH:
    case SQLITE_DETACH: return SQLITE_DENY;
    case SQLITE_PRAGMA: {
      if (b == nullptr) return SQLITE_OK;
      static const std::array<const char*, 6> reading = {
          "table_info", "table_xinfo", "index_info", "index_xinfo", "index_list",
          "foreign_key_list"};
      std::string name = a ? a : "";
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (const char* allowed : reading)
        if (name == allowed) return SQLITE_OK;
      return SQLITE_DENY;
    }
    default: return SQLITE_OK;
  }
}

struct CloseConnection {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

[[noreturn]] void refuse(const std::string& why) {
  throw Error(ErrorCode::read_only, ".sql refused: " + why);
}

bool only_blanks(const char* tail) {
  for (; tail && *tail; ++tail)
    if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') return false;
  return true;
}

}  // namespace

namespace {

// Runs one statement on a connection that already refuses writes (query_only
// and the authorizer above are in place).
QueryResult run_read_only(sqlite3* raw, const std::string& sql) {
  sqlite3_stmt* stmt_raw = nullptr;
  const char* tail = nullptr;
  const int prepared =
      sqlite3_prepare_v2(raw, sql.c_str(), static_cast<int>(sql.size()), &stmt_raw, &tail);
  std::unique_ptr<sqlite3_stmt, FinalizeStatement> stmt(stmt_raw);
  if (prepared == SQLITE_AUTH)
    refuse("ATTACH, DETACH and PRAGMAs that set a value are not allowed");
  if (prepared != SQLITE_OK) throw Error(ErrorCode::bad_input, std::string("SQL: ") + sqlite3_errmsg(raw));
  if (!stmt) throw Error(ErrorCode::bad_input, "SQL: no statement given");
  if (!only_blanks(tail)) refuse("give one statement at a time");
  if (!sqlite3_stmt_readonly(stmt.get())) refuse("only statements that read are allowed");

  QueryResult out;
  const int n = sqlite3_column_count(stmt.get());
  for (int i = 0; i < n; ++i) {
    const char* name = sqlite3_column_name(stmt.get(), i);
    out.columns.push_back(name ? name : "");
  }
  for (;;) {
    const int step = sqlite3_step(stmt.get());
    if (step == SQLITE_DONE) break;
    if (step != SQLITE_ROW) {
      const int code = sqlite3_errcode(raw);
      const std::string message = sqlite3_errmsg(raw);
      if (code == SQLITE_READONLY) refuse(message);
      throw Error(code == SQLITE_BUSY ? ErrorCode::busy : ErrorCode::bad_input, "SQL: " + message);
    }
    std::vector<Cell> row;
    row.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(stmt.get(), i)) {
        case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt.get(), i))); break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt.get(), i)); break;
        case SQLITE_NULL: row.emplace_back(); break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), i));
          row.emplace_back(std::string(text ? text : "", sqlite3_column_bytes(stmt.get(), i)));
        }
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace

QueryResult Store::read_only_sql(const std::string& sql) {
  if (path_ == ":memory:" || path_.empty()) return read_only_sql_in_memory(sql);
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, CloseConnection> db(raw);
  if (opened != SQLITE_OK)
    throw Error(ErrorCode::io, "cannot open '" + path_ + "' read-only: " +
                                   (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(opened)));
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_limit(raw, SQLITE_LIMIT_ATTACHED, 0);
  if (sqlite3_exec(raw, "PRAGMA query_only = ON", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::internal, std::string("cannot set query_only: ") + sqlite3_errmsg(raw));
  sqlite3_set_authorizer(raw, authorize_read_only, nullptr);
  return run_read_only(raw, sql);
}

// An in-memory database has no file a second connection could open, so the
// statement runs on the store's own connection, made read-only for its
// duration: query_only on, the same authorizer, both restored afterwards.
QueryResult Store::read_only_sql_in_memory(const std::string& sql) {
  sqlite3* raw = db_.getHandle();
  bool was_query_only = false;
  {
    SQLite::Statement q(db_, "PRAGMA query_only");
    if (q.executeStep()) was_query_only = q.getColumn(0).getInt() != 0;
  }
  struct Restore {
    sqlite3* db;
    bool query_only;
    ~Restore() {
      sqlite3_set_authorizer(db, nullptr, nullptr);
      if (!query_only) sqlite3_exec(db, "PRAGMA query_only = OFF", nullptr, nullptr, nullptr);
    }
  };
  if (sqlite3_exec(raw, "PRAGMA query_only = ON", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw Error(ErrorCode::internal, std::string("cannot set query_only: ") + sqlite3_errmsg(raw));
  Restore restore{raw, was_query_only};
  sqlite3_set_authorizer(raw, authorize_read_only, nullptr);
  return run_read_only(raw, sql);
}

}  // namespace claimdb::detail
