// Resolving ids and reading records back as model types.
#include "storage/store.hpp"
#include "storage/validate.hpp"

#include "model/vocabulary.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

namespace claimdb::detail {

namespace {

std::string text_at(SQLite::Statement& q, int index) {
  return q.isColumnNull(index) ? std::string() : q.getColumn(index).getString();
}

}  // namespace

std::optional<RowId> Store::lookup(std::unordered_map<std::string, RowId>& cache, const char* key,
                                   const char* sql, const std::string& slug) {
  if (auto it = cache.find(slug); it != cache.end()) return it->second;
  auto& q = statement(key, sql);
  q.bind(1, slug);
  if (!q.executeStep()) return std::nullopt;
  RowId id = q.getColumn(0).getInt64();
  cache.emplace(slug, id);
  return id;
}

RowId Store::require(std::unordered_map<std::string, RowId>& cache, const char* key,
                     const char* sql, const std::string& slug, const char* what,
                     const char* field) {
  if (slug.empty()) fail(ErrorCode::bad_input, std::string("missing required field '") + field + "'", field);
  auto id = lookup(cache, key, sql, slug);
  if (!id) fail(ErrorCode::not_found, std::string("unknown ") + what + " '" + slug.substr(0, 80) + "'", field);
  return *id;
}

std::optional<RowId> Store::source_id(const std::string& slug) {
  return lookup(source_ids_, "source_id", "SELECT id FROM sources WHERE slug = ?", slug);
}
std::optional<RowId> Store::entity_id(const std::string& slug) {
  return lookup(entity_ids_, "entity_id", "SELECT id FROM entities WHERE slug = ?", slug);
}
std::optional<RowId> Store::property_id(const std::string& slug) {
  return lookup(property_ids_, "property_id", "SELECT id FROM properties WHERE slug = ?", slug);
}
std::optional<RowId> Store::report_id(const std::string& slug) {
  return lookup(report_ids_, "report_id", "SELECT id FROM reports WHERE slug = ?", slug);
}
std::optional<RowId> Store::claim_id(const std::string& slug) {
  auto& q = statement("claim_id", "SELECT id FROM claims WHERE slug = ?");
  q.bind(1, slug);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<Store::PropertyInfo> Store::property_info(const std::string& slug) {
  if (auto it = property_infos_.find(slug); it != property_infos_.end()) return it->second;
  auto& q = statement("property_info",
                      "SELECT id, value_type, unit FROM properties WHERE slug = ?");
  q.bind(1, slug);
  if (!q.executeStep()) return std::nullopt;
  PropertyInfo info;
  info.id = q.getColumn(0).getInt64();
  info.value_type = parse_value_type(q.getColumn(1).getString()).value_or(ValueType::text);
  info.unit = text_at(q, 2);
  property_infos_.emplace(slug, info);
  return info;
}

std::vector<Source> Store::sources(const std::string& slug, bool as_recorded) {
  SQLite::Statement q(db_, std::string("SELECT slug, name, kind, affiliation, description, recorded_at, language FROM ") +
                               (as_recorded ? "source_records" : "sources") +
                               " WHERE (?1 = '' OR slug = ?1) ORDER BY slug");
  q.bind(1, slug);
  std::vector<Source> out;
  while (q.executeStep()) {
    Source s;
    s.id = text_at(q, 0);
    s.name = text_at(q, 1);
    s.kind = text_at(q, 2);
    s.affiliation = text_at(q, 3);
    s.description = text_at(q, 4);
    s.recorded_at = text_at(q, 5);
    s.language = text_at(q, 6);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Entity> Store::entities(const std::string& slug, bool as_recorded) {
  SQLite::Statement q(db_, std::string("SELECT e.id, e.slug, e.name, e.kind, p.slug, e.description, e.recorded_at "
                                       "FROM ") + (as_recorded ? "entity_records" : "entities") +
                               " e LEFT JOIN entity_records p ON p.id = e.part_of "
                               "WHERE (?1 = '' OR e.slug = ?1) ORDER BY e.slug");
  q.bind(1, slug);
  SQLite::Statement aliases(db_, std::string("SELECT alias FROM ") +
                                     (as_recorded ? "entity_alias_records" : "entity_aliases") +
                                     " WHERE entity = ? ORDER BY position");
  std::vector<Entity> out;
  while (q.executeStep()) {
    Entity e;
    e.id = text_at(q, 1);
    e.name = text_at(q, 2);
    e.kind = text_at(q, 3);
    e.part_of = text_at(q, 4);
    e.description = text_at(q, 5);
    e.recorded_at = text_at(q, 6);
    aliases.reset();
    aliases.bind(1, q.getColumn(0).getInt64());
    while (aliases.executeStep()) e.aliases.push_back(aliases.getColumn(0).getString());
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Property> Store::properties(const std::string& slug, bool as_recorded) {
  SQLite::Statement q(db_, std::string("SELECT id, slug, value_type, unit, multi_valued, cumulative, description, "
                                       "recorded_at FROM ") +
                               (as_recorded ? "property_records" : "properties") +
                               " WHERE (?1 = '' OR slug = ?1) ORDER BY slug");
  q.bind(1, slug);
  SQLite::Statement constraints(db_,
                                "SELECT c.relation, o.slug FROM property_constraints c "
                                "JOIN properties o ON o.id = c.other WHERE c.property = ? "
                                "ORDER BY c.position");
  std::vector<Property> out;
  while (q.executeStep()) {
    Property p;
    p.id = text_at(q, 1);
    p.value_type = parse_value_type(text_at(q, 2)).value_or(ValueType::text);
    p.unit = text_at(q, 3);
    p.multi_valued = q.getColumn(4).getInt() != 0;
    p.cumulative = q.getColumn(5).getInt() != 0;
    p.description = text_at(q, 6);
    p.recorded_at = text_at(q, 7);
    constraints.reset();
    constraints.bind(1, q.getColumn(0).getInt64());
    while (constraints.executeStep())
      p.constraints.push_back({constraints.getColumn(0).getString(), constraints.getColumn(1).getString()});
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Report> Store::reports(const std::string& slug, bool as_recorded) {
  SQLite::Statement q(db_, std::string("SELECT r.slug, s.slug, r.title, r.url, r.published_at, c.slug, r.text, "
                                       "r.recorded_at, r.language FROM ") +
                               (as_recorded ? "report_records" : "reports") +
                               " r LEFT JOIN source_records s ON s.id = r.publisher "
                      "LEFT JOIN report_records c ON c.id = r.cites "
                      "WHERE (?1 = '' OR r.slug = ?1) ORDER BY r.slug");
  q.bind(1, slug);
  std::vector<Report> out;
  while (q.executeStep()) {
    Report r;
    r.id = text_at(q, 0);
    r.publisher = text_at(q, 1);
    r.title = text_at(q, 2);
    r.url = text_at(q, 3);
    r.published_at = text_at(q, 4);
    r.cites = text_at(q, 5);
    r.text = text_at(q, 6);
    r.recorded_at = text_at(q, 7);
    r.language = text_at(q, 8);
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

constexpr const char* claim_columns =
    "SELECT c.slug, s.slug, r.slug, e.slug, p.slug, c.phrase, c.has_interval, c.lo, c.hi, "
    "c.lo_open, c.hi_open, c.unit, c.polarity, c.quote, pl.slug, c.valid_from, c.valid_to, "
    "c.as_of, c.said_at, c.published_at, sup.slug, c.correction_reason, c.recorded_at "
    "FROM claims c JOIN sources s ON s.id = c.claimant JOIN entities e ON e.id = c.entity "
    "JOIN properties p ON p.id = c.property LEFT JOIN reports r ON r.id = c.report "
    "LEFT JOIN entities pl ON pl.id = c.place LEFT JOIN claims sup ON sup.id = c.supersedes ";

Claim claim_from_row(SQLite::Statement& q) {
  Claim c;
  c.id = text_at(q, 0);
  c.claimant = text_at(q, 1);
  c.report = text_at(q, 2);
  c.entity = text_at(q, 3);
  c.property = text_at(q, 4);
  c.value.phrase = text_at(q, 5);
  if (q.getColumn(6).getInt()) {
    Interval in;
    if (!q.isColumnNull(7)) in.lo = q.getColumn(7).getDouble();
    if (!q.isColumnNull(8)) in.hi = q.getColumn(8).getDouble();
    in.lo_open = q.getColumn(9).getInt() != 0;
    in.hi_open = q.getColumn(10).getInt() != 0;
    c.value.interval = in;
  }
  c.value.unit = text_at(q, 11);
  c.polarity = q.getColumn(12).getInt() < 0 ? Polarity::denies : Polarity::asserts;
  c.quote = text_at(q, 13);
  c.place = text_at(q, 14);
  c.valid_from = text_at(q, 15);
  c.valid_to = text_at(q, 16);
  c.as_of = text_at(q, 17);
  c.said_at = text_at(q, 18);
  c.published_at = text_at(q, 19);
  c.supersedes = text_at(q, 20);
  c.correction_reason = text_at(q, 21);
  c.recorded_at = text_at(q, 22);
  return c;
}

}  // namespace

std::vector<Claim> Store::claims(const ClaimFilter& f, const std::string& slug,
                                 const std::string& supersedes) {
  // A filter naming nothing is an error, not an empty list.
  auto known = [](const std::string& slug, const char* kind, const std::optional<RowId>& id) {
    if (!slug.empty() && !id) throw Error(ErrorCode::not_found, std::string("unknown ") + kind + " '" + slug + "'");
  };
  if (!f.entity.empty()) known(f.entity, "entity", entity_id(f.entity));
  if (!f.property.empty()) known(f.property, "property", property_id(f.property));
  if (!f.claimant.empty()) known(f.claimant, "source", source_id(f.claimant));
  if (!f.report.empty()) known(f.report, "report", report_id(f.report));
  // Only fixed SQL fragments are joined; every value is bound.
  std::string sql = claim_columns;
  std::vector<const std::string*> values;
  auto where = [&](const char* condition, const std::string& value) {
    if (value.empty()) return;
    sql += values.empty() ? "WHERE " : "AND ";
    sql += condition;
    values.push_back(&value);
  };
  where("c.slug = ? ", slug);
  where("c.entity = (SELECT id FROM entities WHERE slug = ?) ", f.entity);
  where("c.property = (SELECT id FROM properties WHERE slug = ?) ", f.property);
  where("c.claimant = (SELECT id FROM sources WHERE slug = ?) ", f.claimant);
  where("c.report = (SELECT id FROM reports WHERE slug = ?) ", f.report);
  where("c.supersedes = (SELECT id FROM claims WHERE slug = ?) ", supersedes);
  sql += "ORDER BY c.slug LIMIT ?";
  SQLite::Statement q(db_, sql);
  int index = 1;
  for (const std::string* value : values) q.bind(index++, *value);
  q.bind(index, f.limit > 0 ? f.limit : std::int64_t{-1});
  std::vector<Claim> out;
  while (q.executeStep()) out.push_back(claim_from_row(q));
  return out;
}


std::vector<Link> Store::links(bool with_detector) {
  // The analyst's links, and the detector's (derived: an id naming both
  // claims, no rationale or times; `conflicts` and `why` explain them).
  const std::string recorded =
      "SELECT l.slug, f.slug, t.slug, l.kind, l.origin, l.rationale, "
      "l.created_at, l.recorded_at FROM links l JOIN claims f ON f.id = l.from_claim "
      "JOIN claims t ON t.id = l.to_claim";
  SQLite::Statement q(db_, with_detector
                               ? "SELECT * FROM (" + recorded +
                                     " UNION ALL "
                                     "SELECT '~detector:' || f.slug || ':' || t.slug, f.slug, t.slug, k.name, "
                                     "'detector', NULL, NULL, NULL FROM detector_links l "
                                     "JOIN link_kinds k ON k.code = l.kind JOIN claims f ON f.id = l.from_claim "
                                     "JOIN claims t ON t.id = l.to_claim) ORDER BY 1"
                               : recorded + " ORDER BY l.slug");
  std::vector<Link> out;
  while (q.executeStep()) {
    Link l;
    l.id = text_at(q, 0);
    l.from = text_at(q, 1);
    l.to = text_at(q, 2);
    l.kind = text_at(q, 3);
    l.origin = text_at(q, 4);
    l.rationale = text_at(q, 5);
    l.created_at = text_at(q, 6);
    l.recorded_at = text_at(q, 7);
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<Review> Store::reviews() {
  SQLite::Statement q(db_,
                      "SELECT r.slug, c.slug, r.rating, r.reviewer, r.reviewed_at, r.url, "
                      "r.explanation, r.recorded_at FROM reviews r JOIN claims c ON c.id = r.claim "
                      "ORDER BY r.slug");
  std::vector<Review> out;
  while (q.executeStep()) {
    Review r;
    r.id = text_at(q, 0);
    r.claim = text_at(q, 1);
    r.rating = text_at(q, 2);
    r.reviewer = text_at(q, 3);
    r.reviewed_at = text_at(q, 4);
    r.url = text_at(q, 5);
    r.explanation = text_at(q, 6);
    r.recorded_at = text_at(q, 7);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Retraction> Store::retractions() {
  SQLite::Statement q(db_,
                      "SELECT c.slug, r.reason, s.slug, r.retracted_at, r.recorded_at "
                      "FROM retractions r JOIN claims c ON c.id = r.claim "
                      "LEFT JOIN sources s ON s.id = r.retracted_by ORDER BY c.slug, r.id");
  std::vector<Retraction> out;
  while (q.executeStep()) {
    Retraction r;
    r.claim = text_at(q, 0);
    r.reason = text_at(q, 1);
    r.retracted_by = text_at(q, 2);
    r.retracted_at = text_at(q, 3);
    r.recorded_at = text_at(q, 4);
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

// The amendment tables, their record column and the record tables.
struct AmendedKind {
  const char* record;  // "source", ...
  const char* sql;     // reads (slug, fields..., reason, recorded_at, id) for a record slug or all
};

std::optional<std::string> optional_at(SQLite::Statement& q, int index) {
  if (q.isColumnNull(index)) return std::nullopt;
  return q.getColumn(index).getString();
}

}  // namespace

std::vector<Amendment> Store::amendments(const std::string& record, const std::string& slug) {
  struct Row {
    Amendment amendment;
    int kind_order;
    RowId id;
  };
  std::vector<Row> rows;
  auto read = [&](int order, const char* kind, const std::string& sql,
                  const std::function<void(SQLite::Statement&, Amendment&)>& fields) {
    if (!record.empty() && record != kind) return;
    SQLite::Statement q(db_, sql);
    q.bind(1, slug);
    while (q.executeStep()) {
      Row row;
      row.kind_order = order;
      row.amendment.record = kind;
      row.amendment.id = text_at(q, 0);
      row.amendment.reason = text_at(q, 1);
      row.amendment.recorded_at = text_at(q, 2);
      row.id = q.getColumn(3).getInt64();
      fields(q, row.amendment);
      rows.push_back(std::move(row));
    }
  };
  const std::string where = " WHERE (?1 = '' OR r.slug = ?1)";
  read(0, "source",
       "SELECT r.slug, a.reason, a.recorded_at, a.id, a.name, a.kind, a.affiliation, a.description, "
       "a.language FROM source_amendments a JOIN source_records r ON r.id = a.source" + where,
       [](SQLite::Statement& q, Amendment& a) {
         a.name = optional_at(q, 4);
         a.kind = optional_at(q, 5);
         a.affiliation = optional_at(q, 6);
         a.description = optional_at(q, 7);
         a.language = optional_at(q, 8);
       });
  {
    SQLite::Statement aliases(db_, "SELECT alias FROM entity_alias_amendments WHERE amendment = ? "
                                   "ORDER BY position");
    read(1, "entity",
         "SELECT r.slug, a.reason, a.recorded_at, a.id, a.name, a.kind, a.description, a.aliases "
         "FROM entity_amendments a JOIN entity_records r ON r.id = a.entity" + where,
         [&](SQLite::Statement& q, Amendment& a) {
           a.name = optional_at(q, 4);
           a.kind = optional_at(q, 5);
           a.description = optional_at(q, 6);
           if (q.getColumn(7).getInt()) {
             a.aliases.emplace();
             aliases.reset();
             aliases.bind(1, q.getColumn(3).getInt64());
             while (aliases.executeStep()) a.aliases->push_back(aliases.getColumn(0).getString());
           }
         });
  }
  read(2, "property",
       "SELECT r.slug, a.reason, a.recorded_at, a.id, a.description "
       "FROM property_amendments a JOIN property_records r ON r.id = a.property" + where,
       [](SQLite::Statement& q, Amendment& a) { a.description = optional_at(q, 4); });
  read(3, "report",
       "SELECT r.slug, a.reason, a.recorded_at, a.id, a.title, a.url, a.published_at, a.text, "
       "a.language FROM report_amendments a JOIN report_records r ON r.id = a.report" + where,
       [](SQLite::Statement& q, Amendment& a) {
         a.title = optional_at(q, 4);
         a.url = optional_at(q, 5);
         a.published_at = optional_at(q, 6);
         a.text = optional_at(q, 7);
         a.language = optional_at(q, 8);
       });
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.amendment.recorded_at, a.kind_order, a.amendment.id, a.id) <
           std::tie(b.amendment.recorded_at, b.kind_order, b.amendment.id, b.id);
  });
  std::vector<Amendment> out;
  for (auto& row : rows) out.push_back(std::move(row.amendment));
  return out;
}

std::optional<std::string> Store::same_link(const Link& l) {
  auto& q = statement("same_link",
                      "SELECT l.slug, t.slug, l.kind, l.origin, l.rationale FROM links l "
                      "JOIN claims t ON t.id = l.to_claim "
                      "WHERE l.from_claim = (SELECT id FROM claims WHERE slug = ?) ORDER BY l.id");
  q.bind(1, l.from);
  const std::string origin = l.origin.empty() ? "analyst" : l.origin;
  std::optional<std::string> found;
  while (!found && q.executeStep())
    if (text_at(q, 1) == l.to && text_at(q, 2) == l.kind && text_at(q, 3) == origin &&
        text_at(q, 4) == l.rationale)
      found = text_at(q, 0);
  q.reset();
  return found;
}

std::optional<std::string> Store::same_review(const Review& r) {
  std::string reviewed;
  try {
    reviewed = check_time(r.reviewed_at, "reviewed_at");
  } catch (const Error&) {
    return std::nullopt;  // the insert names the field
  }
  auto& q = statement("same_review",
                      "SELECT slug, rating, reviewer, reviewed_at, url, explanation FROM reviews "
                      "WHERE claim = (SELECT id FROM claims WHERE slug = ?) ORDER BY id");
  q.bind(1, r.claim);
  std::optional<std::string> found;
  while (!found && q.executeStep())
    if (text_at(q, 1) == r.rating && text_at(q, 2) == r.reviewer && text_at(q, 3) == reviewed &&
        text_at(q, 4) == r.url && text_at(q, 5) == r.explanation)
      found = text_at(q, 0);
  q.reset();
  return found;
}

bool Store::same_retraction(const Retraction& r) {
  std::string when;
  try {
    when = check_time(r.retracted_at, "retracted_at");
  } catch (const Error&) {
    return false;
  }
  auto& q = statement("same_retraction",
                      "SELECT x.reason, s.slug, x.retracted_at FROM retractions x "
                      "LEFT JOIN source_records s ON s.id = x.retracted_by "
                      "WHERE x.claim = (SELECT id FROM claims WHERE slug = ?)");
  q.bind(1, r.claim);
  bool found = false;
  while (!found && q.executeStep())
    found = text_at(q, 0) == r.reason && text_at(q, 1) == r.retracted_by && text_at(q, 2) == when;
  q.reset();
  return found;
}

bool Store::retracted(const std::string& claim) {
  auto& q = statement("retracted", "SELECT 1 FROM retractions WHERE claim = (SELECT id FROM claims WHERE slug = ?)");
  q.bind(1, claim);
  const bool found = q.executeStep();
  q.reset();
  return found;
}

std::optional<Claim> Store::latest_claim_version(const std::string& claim) {
  auto rows = claims({}, claim);
  if (rows.empty()) return std::nullopt;
  Claim current = std::move(rows.front());
  for (int guard = 0; guard < 10000; ++guard) {
    SQLite::Statement q(db_,
                        "SELECT slug FROM claims WHERE supersedes = (SELECT id FROM claims WHERE slug = ?) "
                        "ORDER BY recorded_at DESC, id DESC LIMIT 1");
    q.bind(1, current.id);
    if (!q.executeStep()) break;
    const std::string next = text_at(q, 0);
    current = claims({}, next).at(0);
  }
  return current;
}

}  // namespace claimdb::detail
