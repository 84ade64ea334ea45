// Validating and inserting records. All SQL binds user text as parameters.
#include "storage/store.hpp"
#include "storage/validate.hpp"

#include "model/language.hpp"
#include "model/text.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"

#include <claimdb/quantity.hpp>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cmath>

namespace claimdb::detail {

[[noreturn]] void fail(ErrorCode code, const std::string& message, const char* field) {
  Location where;
  if (field) where.field = field;
  throw Error(code, message, where);
}

void check_id(const std::string& value, const char* field) {
  if (value.empty()) fail(ErrorCode::bad_input, std::string("missing required field '") + field + "'", field);
  if (!valid_utf8(value)) fail(ErrorCode::bad_input, "invalid UTF-8", field);
  if (!valid_id(value))
    fail(ErrorCode::bad_input,
         "invalid id '" + value.substr(0, 80) +
             "': use 1-200 letters, digits and - _ . : / @, starting with a letter or digit",
         field);
}

void check_text(const std::string& value, const char* field, bool required) {
  if (required && value.empty())
    fail(ErrorCode::bad_input, std::string("missing required field '") + field + "'", field);
  if (value.size() > max_text_bytes)
    fail(ErrorCode::bad_input,
         "text of " + std::to_string(value.size()) + " bytes exceeds the limit of " +
             std::to_string(max_text_bytes),
         field);
  if (!valid_utf8(value)) fail(ErrorCode::bad_input, "invalid UTF-8", field);
}

std::string check_time(const std::string& value, const char* field) {
  if (value.empty()) return {};
  check_text(value, field);
  auto canonical = canonical_time(value);
  if (!canonical)
    fail(ErrorCode::bad_input,
         "invalid time '" + value.substr(0, 80) +
             "' (expected ISO 8601: 2025-12-27 or 2025-12-27T06:30:00Z)",
         field);
  return *canonical;
}

std::string check_language(const std::string& value, const char* field) {
  if (value.empty()) return {};
  check_text(value, field);
  auto canonical = canonical_language(value);
  if (!canonical)
    fail(ErrorCode::bad_input,
         std::string("invalid language tag '") + value.substr(0, 80) + "' in field '" + field +
             "' (expected a BCP 47 tag such as en, fr, de-CH or uk)",
         field);
  return *canonical;
}

namespace {

// Binds text, or NULL when empty.
void bind_text(SQLite::Statement& q, int index, const std::string& value) {
  if (value.empty())
    q.bind(index);
  else
    q.bind(index, value);
}

void bind_optional(SQLite::Statement& q, int index, std::optional<std::int64_t> value) {
  if (value)
    q.bind(index, *value);
  else
    q.bind(index);
}

void check_interval(const Interval& in) {
  for (auto [value, field] : {std::pair{in.lo, "lo"}, std::pair{in.hi, "hi"}})
    if (value && !std::isfinite(*value))
      fail(ErrorCode::bad_input, std::string(field) + " must be a finite number", field);
  if (in.lo && in.hi) {
    if (*in.lo > *in.hi)
      fail(ErrorCode::bad_input,
           "lo (" + format_interval({in.lo, in.lo, false, false}) + ") is greater than hi (" +
               format_interval({in.hi, in.hi, false, false}) + ")",
           "value");
    if (*in.lo == *in.hi && (in.lo_open || in.hi_open))
      fail(ErrorCode::bad_input, "the interval is empty: an open end at a single point", "value");
  }
}

// An unbounded end is always open: (250, inf). Both spellings are accepted on
// input and stored the same way, so export and import agree.
Interval normalised(Interval in) {
  if (!in.lo) in.lo_open = true;
  if (!in.hi) in.hi_open = true;
  return in;
}

}  // namespace

std::string Store::recorded_time(const std::string& given, const char* what) {
  if (given.empty()) return now_;
  std::string canonical = check_time(given, "recorded_at");
  if (canonical > now_)
    fail(ErrorCode::bad_input,
         std::string(what) + " recorded_at '" + given + "' is in the future", "recorded_at");
  return canonical;
}

void Store::insert_row(SQLite::Statement& q, const char* what, const std::string& id) {
  try {
    q.exec();
  } catch (const SQLite::Exception& e) {
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE ||
        e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
      fail(ErrorCode::duplicate, std::string(what) + " '" + id + "' already exists", "id");
    rethrow_sqlite(e, std::string("cannot add ") + what + " '" + id + "'");
  }
}

RowId Store::insert(const Source& s) {
  check_id(s.id, "id");
  check_text(s.name, "name", true);
  check_text(s.kind, "kind");
  check_text(s.affiliation, "affiliation");
  check_text(s.description, "description");
  const std::string language = check_language(s.language, "language");
  auto& q = statement("insert_source",
                      "INSERT INTO source_records(slug, name, kind, affiliation, description, recorded_at, "
                      "language) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, s.id);
  q.bind(2, s.name);
  bind_text(q, 3, s.kind);
  bind_text(q, 4, s.affiliation);
  bind_text(q, 5, s.description);
  q.bind(6, recorded_time(s.recorded_at, "source"));
  bind_text(q, 7, language);
  insert_row(q, "source", s.id);
  RowId id = db_.getLastInsertRowid();
  source_ids_[s.id] = id;
  return id;
}

RowId Store::insert(const Entity& e) {
  check_id(e.id, "id");
  check_text(e.name, "name", true);
  check_text(e.kind, "kind");
  check_text(e.description, "description");
  std::optional<RowId> part_of;
  if (!e.part_of.empty()) {
    if (e.part_of == e.id) fail(ErrorCode::bad_input, "an entity cannot be part of itself", "part_of");
    part_of = require(entity_ids_, "entity_id", "SELECT id FROM entities WHERE slug = ?", e.part_of,
                      "entity", "part_of");
  }
  for (const auto& alias : e.aliases) check_text(alias, "aliases", true);
  auto& q = statement("insert_entity",
                      "INSERT INTO entity_records(slug, name, kind, part_of, description, recorded_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, e.id);
  q.bind(2, e.name);
  bind_text(q, 3, e.kind);
  bind_optional(q, 4, part_of);
  bind_text(q, 5, e.description);
  q.bind(6, recorded_time(e.recorded_at, "entity"));
  insert_row(q, "entity", e.id);
  RowId id = db_.getLastInsertRowid();
  for (std::size_t i = 0; i < e.aliases.size(); ++i) {
    auto& a = statement("insert_alias",
                        "INSERT INTO entity_alias_records(entity, position, alias) VALUES (?, ?, ?)");
    a.bind(1, id);
    a.bind(2, static_cast<std::int64_t>(i));
    a.bind(3, e.aliases[i]);
    a.exec();
  }
  entity_ids_[e.id] = id;
  return id;
}

RowId Store::insert(const Property& p) {
  check_id(p.id, "id");
  check_text(p.unit, "unit");
  check_text(p.description, "description");
  if (p.value_type != ValueType::quantity && !p.unit.empty())
    fail(ErrorCode::bad_input, "only quantity properties have a unit", "unit");
  std::vector<RowId> others;
  for (const auto& c : p.constraints) {
    if (!is_relation(c.relation))
      fail(ErrorCode::bad_input,
           "unknown relation '" + c.relation.substr(0, 20) + "' (use <=, <, >=, > or =)",
           "constraints");
    if (c.other == p.id)
      fail(ErrorCode::bad_input, "a property cannot be constrained by itself", "constraints");
    others.push_back(require(property_ids_, "property_id", "SELECT id FROM properties WHERE slug = ?",
                             c.other, "property", "constraints"));
  }
  auto& q = statement("insert_property",
                      "INSERT INTO property_records(slug, value_type, unit, multi_valued, cumulative, "
                      "description, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, p.id);
  q.bind(2, to_string(p.value_type));
  bind_text(q, 3, p.unit);
  q.bind(4, p.multi_valued ? 1 : 0);
  q.bind(5, p.cumulative ? 1 : 0);
  bind_text(q, 6, p.description);
  q.bind(7, recorded_time(p.recorded_at, "property"));
  insert_row(q, "property", p.id);
  RowId id = db_.getLastInsertRowid();
  for (std::size_t i = 0; i < p.constraints.size(); ++i) {
    auto& c = statement("insert_constraint",
                        "INSERT INTO property_constraints(property, position, relation, other) "
                        "VALUES (?, ?, ?, ?)");
    c.bind(1, id);
    c.bind(2, static_cast<std::int64_t>(i));
    c.bind(3, p.constraints[i].relation);
    c.bind(4, others[i]);
    c.exec();
  }
  property_ids_[p.id] = id;
  return id;
}

RowId Store::insert(const Report& r) {
  check_id(r.id, "id");
  check_text(r.title, "title", true);
  check_text(r.url, "url");
  check_text(r.text, "text");
  std::string published = check_time(r.published_at, "published_at");
  const std::string language = check_language(r.language, "language");
  std::optional<RowId> publisher, cites;
  if (!r.publisher.empty())
    publisher = require(source_ids_, "source_id", "SELECT id FROM sources WHERE slug = ?",
                        r.publisher, "source", "publisher");
  if (!r.cites.empty()) {
    if (r.cites == r.id) fail(ErrorCode::bad_input, "a report cannot cite itself", "cites");
    cites = require(report_ids_, "report_id", "SELECT id FROM reports WHERE slug = ?", r.cites,
                    "report", "cites");
  }
  auto& q = statement("insert_report",
                      "INSERT INTO report_records(slug, publisher, title, url, published_at, cites, text, "
                      "recorded_at, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, r.id);
  bind_optional(q, 2, publisher);
  q.bind(3, r.title);
  bind_text(q, 4, r.url);
  bind_text(q, 5, published);
  bind_optional(q, 6, cites);
  bind_text(q, 7, r.text);
  q.bind(8, recorded_time(r.recorded_at, "report"));
  bind_text(q, 9, language);
  insert_row(q, "report", r.id);
  RowId id = db_.getLastInsertRowid();
  index_text("reports_fts", id, r.title, r.text);
  report_ids_[r.id] = id;
  return id;
}

void Store::check_unit_kind(const Claim& c, const std::string& unit, const std::string& expected) {
  // A claim may name its own unit ("km" where the property counts "m"), but
  // not one that measures something else ("km" where it counts drones). A
  // share fits any property ("40%" of the drones).
  CanonicalUnit given, wanted;
  try {
    given = quantity_reader_->canonical_unit(unit);
  } catch (const Error& e) {
    fail(ErrorCode::bad_input, "claim '" + c.id + "': " + e.message(), "unit");
  }
  try {
    wanted = quantity_reader_->canonical_unit(expected);
  } catch (const Error&) {
    return;  // a property unit the table does not know: nothing to check against
  }
  if (given.kind == wanted.kind || given.kind == "share") return;
  fail(ErrorCode::bad_input,
       "claim '" + c.id + "': unit '" + unit + "' (" + given.kind + ") does not match property '" +
           c.property + "' in '" + expected + "' (" + wanted.kind + ")",
       "unit");
}

std::string Store::claim_language(std::optional<RowId> report, RowId claimant) {
  if (report) {
    auto cached = report_languages_.find(*report);
    if (cached == report_languages_.end()) {
      auto& q = statement("report_language",
                          "SELECT COALESCE(r.language, s.language, '') FROM reports r "
                          "LEFT JOIN sources s ON s.id = r.publisher WHERE r.id = ?");
      q.bind(1, *report);
      std::string language = q.executeStep() ? q.getColumn(0).getString() : std::string();
      q.reset();
      cached = report_languages_.emplace(*report, std::move(language)).first;
    }
    if (!cached->second.empty()) return cached->second;
  }
  auto cached = source_languages_.find(claimant);
  if (cached == source_languages_.end()) {
    auto& q = statement("source_language", "SELECT COALESCE(language, '') FROM sources WHERE id = ?");
    q.bind(1, claimant);
    std::string language = q.executeStep() ? q.getColumn(0).getString() : std::string();
    q.reset();
    cached = source_languages_.emplace(claimant, std::move(language)).first;
  }
  return cached->second;
}

Value Store::read_value(const Claim& c, const PropertyInfo& info, const std::string& language) {
  Value v = c.value;
  check_text(v.phrase, "value");
  check_text(v.unit, "unit");
  switch (info.value_type) {
    case ValueType::quantity:
      if (!v.unit.empty() && !info.unit.empty()) check_unit_kind(c, v.unit, info.unit);
      if (v.unit.empty()) v.unit = info.unit;
      if (v.interval) {
        check_interval(*v.interval);
        if (v.phrase.empty()) v.phrase = format_interval(*v.interval);
      } else {
        if (v.phrase.empty()) fail(ErrorCode::bad_input, "missing required field 'value'", "value");
        QuantityReading reading;
        try {
          reading = quantity_reader_->read(v.phrase, v.unit, language);
        } catch (const Error& e) {
          // The message names the language when one was given ("... in fr").
          fail(e.code(),
               "claim '" + c.id + "': " + e.message() +
                   (language.empty() ? " (no language given: read as English)" : ""),
               "value");
        }
        for (const auto& warning : reading.warnings) warnings_.push_back("claim '" + c.id + "': " + warning);
        check_interval(reading.interval);
        v.interval = reading.interval;
        v.unit = reading.unit;
        last_reading = reading;
      }
      break;
    case ValueType::boolean:
      if (v.phrase != "true" && v.phrase != "false")
        fail(ErrorCode::bad_input,
             "property '" + c.property + "' is boolean: the value must be true or false", "value");
      break;
    case ValueType::category:
    case ValueType::text:
      if (v.phrase.empty()) fail(ErrorCode::bad_input, "missing required field 'value'", "value");
      break;
  }
  if (info.value_type != ValueType::quantity && (v.interval || !v.unit.empty()))
    fail(ErrorCode::bad_input,
         "property '" + c.property + "' is " + to_string(info.value_type) +
             ": its value cannot be an interval or have a unit",
         "value");
  if (v.interval) v.interval = normalised(*v.interval);
  return v;
}

RowId Store::insert(const Claim& c) {
  warnings_.clear();  // only the last claim's: an importer takes them after each record
  last_reading.reset();
  check_id(c.id, "id");
  check_text(c.quote, "quote");
  check_text(c.correction_reason, "correction_reason");
  const RowId claimant = require(source_ids_, "source_id", "SELECT id FROM sources WHERE slug = ?",
                                 c.claimant, "source", "claimant");
  const RowId entity = require(entity_ids_, "entity_id", "SELECT id FROM entities WHERE slug = ?",
                               c.entity, "entity", "entity");
  auto info = property_info(c.property);
  if (c.property.empty()) fail(ErrorCode::bad_input, "missing required field 'property'", "property");
  if (!info) fail(ErrorCode::not_found, "unknown property '" + c.property.substr(0, 80) + "'", "property");
  std::optional<RowId> report, place, supersedes;
  if (!c.report.empty())
    report = require(report_ids_, "report_id", "SELECT id FROM reports WHERE slug = ?", c.report,
                     "report", "report");
  if (!c.place.empty())
    place = require(entity_ids_, "entity_id", "SELECT id FROM entities WHERE slug = ?", c.place,
                    "entity", "place");
  if (!c.supersedes.empty()) {
    if (c.supersedes == c.id) fail(ErrorCode::bad_input, "a claim cannot supersede itself", "supersedes");
    supersedes = claim_id(c.supersedes);
    if (!supersedes)
      fail(ErrorCode::not_found, "unknown claim '" + c.supersedes.substr(0, 80) + "'", "supersedes");
  } else if (!c.correction_reason.empty()) {
    fail(ErrorCode::bad_input, "correction_reason is only allowed with supersedes", "correction_reason");
  }
  const std::string valid_from = check_time(c.valid_from, "valid_from");
  const std::string valid_to = check_time(c.valid_to, "valid_to");
  if (!valid_from.empty() && !valid_to.empty() && valid_to < valid_from)
    fail(ErrorCode::bad_input, "valid_to is before valid_from", "valid_to");
  const std::string as_of = check_time(c.as_of, "as_of");
  const std::string said_at = check_time(c.said_at, "said_at");
  const std::string published_at = check_time(c.published_at, "published_at");
  const Value v = read_value(c, *info, info->value_type == ValueType::quantity && !c.value.interval
                                           ? claim_language(report, claimant)
                                           : std::string());

  auto& q = statement(
      "insert_claim",
      "INSERT INTO claims(slug, claimant, report, entity, property, phrase, has_interval, lo, hi, "
      "lo_open, hi_open, unit, polarity, quote, place, valid_from, valid_to, as_of, said_at, "
      "published_at, supersedes, correction_reason, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, c.id);
  q.bind(2, claimant);
  bind_optional(q, 3, report);
  q.bind(4, entity);
  q.bind(5, info->id);
  q.bind(6, v.phrase);
  q.bind(7, v.interval ? 1 : 0);
  if (v.interval && v.interval->lo) q.bind(8, *v.interval->lo); else q.bind(8);
  if (v.interval && v.interval->hi) q.bind(9, *v.interval->hi); else q.bind(9);
  q.bind(10, v.interval && v.interval->lo_open ? 1 : 0);
  q.bind(11, v.interval && v.interval->hi_open ? 1 : 0);
  bind_text(q, 12, v.unit);
  q.bind(13, c.polarity == Polarity::denies ? -1 : 1);
  bind_text(q, 14, c.quote);
  bind_optional(q, 15, place);
  bind_text(q, 16, valid_from);
  bind_text(q, 17, valid_to);
  bind_text(q, 18, as_of);
  bind_text(q, 19, said_at);
  bind_text(q, 20, published_at);
  bind_optional(q, 21, supersedes);
  bind_text(q, 22, c.correction_reason);
  q.bind(23, recorded_time(c.recorded_at, "claim"));
  insert_row(q, "claim", c.id);
  RowId id = db_.getLastInsertRowid();
  if (!c.quote.empty()) index_text("claims_fts", id, c.quote);
  return id;
}

std::string Store::insert(const Link& l) {
  std::string slug = l.id;
  if (!slug.empty()) check_id(slug, "id");
  check_id(l.kind, "kind");
  check_text(l.rationale, "rationale");
  const std::string origin = l.origin.empty() ? "analyst" : l.origin;
  check_text(origin, "origin");
  if (l.from.empty()) fail(ErrorCode::bad_input, "missing required field 'from'", "from");
  if (l.to.empty()) fail(ErrorCode::bad_input, "missing required field 'to'", "to");
  if (l.from == l.to) fail(ErrorCode::bad_input, "a link needs two different claims", "to");
  auto from = claim_id(l.from);
  if (!from) fail(ErrorCode::not_found, "unknown claim '" + l.from.substr(0, 80) + "'", "from");
  auto to = claim_id(l.to);
  if (!to) fail(ErrorCode::not_found, "unknown claim '" + l.to.substr(0, 80) + "'", "to");
  const std::string recorded = recorded_time(l.recorded_at, "link");
  std::string created = check_time(l.created_at, "created_at");
  if (created.empty()) created = recorded;
  if (slug.empty()) slug = next_generated_id("links", "link-");
  auto& q = statement("insert_link",
                      "INSERT INTO links(slug, from_claim, to_claim, kind, origin, rationale, "
                      "created_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, slug);
  q.bind(2, *from);
  q.bind(3, *to);
  q.bind(4, l.kind);
  q.bind(5, origin);
  bind_text(q, 6, l.rationale);
  q.bind(7, created);
  q.bind(8, recorded);
  insert_row(q, "link", slug);
  return slug;
}

std::string Store::insert(const Review& r) {
  std::string slug = r.id;
  if (!slug.empty()) check_id(slug, "id");
  check_text(r.rating, "rating", true);
  check_text(r.reviewer, "reviewer", true);
  check_text(r.url, "url");
  check_text(r.explanation, "explanation");
  const std::string reviewed = check_time(r.reviewed_at, "reviewed_at");
  if (r.claim.empty()) fail(ErrorCode::bad_input, "missing required field 'claim'", "claim");
  auto claim = claim_id(r.claim);
  if (!claim) fail(ErrorCode::not_found, "unknown claim '" + r.claim.substr(0, 80) + "'", "claim");
  if (slug.empty()) slug = next_generated_id("reviews", "review-");
  auto& q = statement("insert_review",
                      "INSERT INTO reviews(slug, claim, rating, reviewer, reviewed_at, url, "
                      "explanation, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, slug);
  q.bind(2, *claim);
  q.bind(3, r.rating);
  q.bind(4, r.reviewer);
  bind_text(q, 5, reviewed);
  bind_text(q, 6, r.url);
  bind_text(q, 7, r.explanation);
  q.bind(8, recorded_time(r.recorded_at, "review"));
  insert_row(q, "review", slug);
  return slug;
}

RowId Store::insert(const Retraction& r) {
  check_text(r.reason, "reason", true);
  const std::string when = check_time(r.retracted_at, "retracted_at");
  if (r.claim.empty()) fail(ErrorCode::bad_input, "missing required field 'claim'", "claim");
  auto claim = claim_id(r.claim);
  if (!claim) fail(ErrorCode::not_found, "unknown claim '" + r.claim.substr(0, 80) + "'", "claim");
  std::optional<RowId> by;
  if (!r.retracted_by.empty())
    by = require(source_ids_, "source_id", "SELECT id FROM sources WHERE slug = ?", r.retracted_by,
                 "source", "retracted_by");
  auto& q = statement("insert_retraction",
                      "INSERT INTO retractions(claim, reason, retracted_by, retracted_at, "
                      "recorded_at) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, *claim);
  q.bind(2, r.reason);
  bind_optional(q, 3, by);
  bind_text(q, 4, when);
  q.bind(5, recorded_time(r.recorded_at, "retraction"));
  insert_row(q, "retraction", r.claim);
  return db_.getLastInsertRowid();
}

void Store::index_text(const char* table, RowId id, const std::string& a, const std::string& b) {
  if (std::string_view(table) == "claims_fts") {
    auto& q = statement("fts_claim", "INSERT INTO claims_fts(rowid, quote) VALUES (?, ?)");
    q.bind(1, id);
    q.bind(2, a);
    q.exec();
  } else {
    auto& q = statement("fts_report", "INSERT INTO reports_fts(rowid, title, text) VALUES (?, ?, ?)");
    q.bind(1, id);
    q.bind(2, a);
    bind_text(q, 3, b);
    q.exec();
  }
}

std::string Store::next_generated_id(const char* table, const char* prefix) {
  const std::string max_sql = std::string("SELECT COALESCE(MAX(id), 0) FROM ") + table;
  std::int64_t n = db_.execAndGet(max_sql).getInt64() + 1;
  const std::string exists_sql = std::string("SELECT 1 FROM ") + table + " WHERE slug = ?";
  for (;; ++n) {
    std::string slug = prefix + std::to_string(n);
    SQLite::Statement q(db_, exists_sql);
    q.bind(1, slug);
    if (!q.executeStep()) return slug;
  }
}

namespace {

// The fields an amendment of each kind may set.
struct AmendableField {
  const char* name;
  std::optional<std::string> Amendment::*member;
  bool required;  // a required field cannot be cleared
  bool time;      // canonical time
};

const std::vector<AmendableField>& amendable(const std::string& record) {
  static const std::vector<AmendableField> source = {
      {"name", &Amendment::name, true, false},
      {"kind", &Amendment::kind, false, false},
      {"affiliation", &Amendment::affiliation, false, false},
      {"description", &Amendment::description, false, false},
      {"language", &Amendment::language, false, false}};
  static const std::vector<AmendableField> entity = {
      {"name", &Amendment::name, true, false},
      {"kind", &Amendment::kind, false, false},
      {"description", &Amendment::description, false, false}};
  static const std::vector<AmendableField> property = {
      {"description", &Amendment::description, false, false}};
  static const std::vector<AmendableField> report = {
      {"title", &Amendment::title, true, false},
      {"url", &Amendment::url, false, false},
      {"published_at", &Amendment::published_at, false, true},
      {"text", &Amendment::text, false, false},
      {"language", &Amendment::language, false, false}};
  static const std::vector<AmendableField> none;
  if (record == "source") return source;
  if (record == "entity") return entity;
  if (record == "property") return property;
  if (record == "report") return report;
  return none;
}

// "a source", "an entity".
std::string article(const std::string& record) {
  return (record == "entity" ? "an " : "a ") + record;
}

std::string field_list(const std::string& record) {
  std::string out;
  for (const auto& f : amendable(record)) out += (out.empty() ? "" : ", ") + std::string(f.name);
  if (record == "entity") out += ", aliases";
  return out;
}

}  // namespace

std::vector<std::string> amendable_fields(const std::string& record) {
  std::vector<std::string> out;
  for (const auto& f : amendable(record)) out.push_back(f.name);
  if (record == "entity") out.push_back("aliases");
  return out;
}

RowId Store::insert(const Amendment& a) {
  if (a.record != "source" && a.record != "entity" && a.record != "property" && a.record != "report")
    fail(ErrorCode::bad_input,
         "unknown record kind '" + a.record.substr(0, 40) + "' (source, entity, property or report)",
         "record");
  check_id(a.id, "id");
  check_text(a.reason, "reason", true);
  // Fields of other kinds are refused, naming the field.
  const auto& allowed = amendable(a.record);
  const std::pair<const char*, const std::optional<std::string>*> all[] = {
      {"name", &a.name}, {"kind", &a.kind}, {"affiliation", &a.affiliation},
      {"description", &a.description}, {"title", &a.title}, {"url", &a.url},
      {"published_at", &a.published_at}, {"text", &a.text}, {"language", &a.language}};
  for (const auto& [name, value] : all) {
    if (!value->has_value()) continue;
    bool ok = false;
    for (const auto& f : allowed) ok = ok || std::string_view(f.name) == name;
    if (!ok)
      fail(ErrorCode::bad_input,
           article(a.record) + " has no field '" + name + "' to amend (amendable: " +
               field_list(a.record) + ")",
           name);
  }
  if (a.aliases && a.record != "entity")
    fail(ErrorCode::bad_input,
         article(a.record) + " has no field 'aliases' to amend (amendable: " + field_list(a.record) + ")",
         "aliases");
  Amendment v = a;
  bool any = a.aliases.has_value();
  for (const auto& f : allowed) {
    auto& value = v.*(f.member);
    if (!value) continue;
    any = true;
    check_text(*value, f.name, f.required);
    if (f.time) value = check_time(*value, f.name);
    if (std::string_view(f.name) == "language" && !value->empty()) value = check_language(*value, f.name);
  }
  if (a.aliases)
    for (const auto& alias : *a.aliases) check_text(alias, "aliases", true);
  if (!any) fail(ErrorCode::bad_input, "an amendment must change at least one field (" + field_list(a.record) + ")", "record");

  // The record and its current values: an amendment that changes nothing is refused.
  std::optional<RowId> target;
  std::vector<std::pair<std::string, std::string>> current;  // field, value
  std::vector<std::string> current_aliases;
  if (a.record == "source") {
    target = source_id(a.id);
    if (target) {
      const Source s = sources(a.id).at(0);
      current = {{"name", s.name}, {"kind", s.kind}, {"affiliation", s.affiliation}, {"description", s.description},
                 {"language", s.language}};
    }
  } else if (a.record == "entity") {
    target = entity_id(a.id);
    if (target) {
      const Entity e = entities(a.id).at(0);
      current = {{"name", e.name}, {"kind", e.kind}, {"description", e.description}};
      current_aliases = e.aliases;
    }
  } else if (a.record == "property") {
    target = property_id(a.id);
    if (target) current = {{"description", properties(a.id).at(0).description}};
  } else {
    target = report_id(a.id);
    if (target) {
      const Report r = reports(a.id).at(0);
      current = {{"title", r.title}, {"url", r.url}, {"published_at", r.published_at}, {"text", r.text},
                 {"language", r.language}};
    }
  }
  if (!target) fail(ErrorCode::not_found, "unknown " + a.record + " '" + a.id.substr(0, 80) + "'", "id");
  bool changes = a.aliases && *a.aliases != current_aliases;
  std::string old_title, old_text;
  for (const auto& [field, value] : current) {
    if (field == "title") old_title = value;
    if (field == "text") old_text = value;
    for (const auto& f : allowed)
      if (field == f.name && (v.*(f.member)) && *(v.*(f.member)) != value) changes = true;
  }
  if (!changes)
    fail(ErrorCode::bad_input,
         a.record + " '" + a.id + "' already has these values: the amendment changes nothing",
         "record");
  const std::string recorded = recorded_time(a.recorded_at, "amendment");

  auto bind_opt = [](SQLite::Statement& q, int index, const std::optional<std::string>& value) {
    if (value) q.bind(index, *value); else q.bind(index);
  };
  RowId id = 0;
  if (a.record == "source") {
    auto& q = statement("insert_source_amendment",
                        "INSERT INTO source_amendments(source, name, kind, affiliation, description, "
                        "reason, recorded_at, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, *target);
    bind_opt(q, 2, v.name);
    bind_opt(q, 3, v.kind);
    bind_opt(q, 4, v.affiliation);
    bind_opt(q, 5, v.description);
    q.bind(6, v.reason);
    q.bind(7, recorded);
    bind_opt(q, 8, v.language);
    q.exec();
    id = db_.getLastInsertRowid();
  } else if (a.record == "entity") {
    auto& q = statement("insert_entity_amendment",
                        "INSERT INTO entity_amendments(entity, name, kind, description, aliases, "
                        "reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, *target);
    bind_opt(q, 2, v.name);
    bind_opt(q, 3, v.kind);
    bind_opt(q, 4, v.description);
    q.bind(5, v.aliases ? 1 : 0);
    q.bind(6, v.reason);
    q.bind(7, recorded);
    q.exec();
    id = db_.getLastInsertRowid();
    if (v.aliases)
      for (std::size_t i = 0; i < v.aliases->size(); ++i) {
        auto& x = statement("insert_alias_amendment",
                            "INSERT INTO entity_alias_amendments(amendment, position, alias) "
                            "VALUES (?, ?, ?)");
        x.bind(1, id);
        x.bind(2, static_cast<std::int64_t>(i));
        x.bind(3, (*v.aliases)[i]);
        x.exec();
      }
  } else if (a.record == "property") {
    auto& q = statement("insert_property_amendment",
                        "INSERT INTO property_amendments(property, description, reason, recorded_at) "
                        "VALUES (?, ?, ?, ?)");
    q.bind(1, *target);
    bind_opt(q, 2, v.description);
    q.bind(3, v.reason);
    q.bind(4, recorded);
    q.exec();
    id = db_.getLastInsertRowid();
  } else {
    auto& q = statement("insert_report_amendment",
                        "INSERT INTO report_amendments(report, title, url, published_at, text, "
                        "reason, recorded_at, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, *target);
    bind_opt(q, 2, v.title);
    bind_opt(q, 3, v.url);
    bind_opt(q, 4, v.published_at);
    bind_opt(q, 5, v.text);
    q.bind(6, v.reason);
    q.bind(7, recorded);
    bind_opt(q, 8, v.language);
    q.exec();
    id = db_.getLastInsertRowid();
    if (v.title || v.text) {
      // The search index follows the current title and text.
      auto& d = statement("fts_report_delete",
                          "INSERT INTO reports_fts(reports_fts, rowid, title, text) "
                          "VALUES ('delete', ?, ?, ?)");
      d.bind(1, *target);
      d.bind(2, old_title);
      bind_text(d, 3, old_text);
      d.exec();
      const Report now = reports(a.id).at(0);
      index_text("reports_fts", *target, now.title, now.text);
    }
  }
  return id;
}

}  // namespace claimdb::detail
