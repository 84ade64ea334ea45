// Recording claims one at a time: each call one transaction, with the
// detector's links of the touched groups recomputed before it commits.
#include <claimdb/write.hpp>

#include <claimdb/quantity.hpp>

#include "detect/detector.hpp"
#include "io/records.hpp"
#include "io/restate.hpp"
#include "storage/read_snapshot.hpp"
#include "storage/store.hpp"
#include "storage/validate.hpp"

#include <algorithm>
#include <map>

namespace claimdb {

namespace {

detail::Store& reading(const Database& db) { return const_cast<detail::Store&>(db.store()); }

// Runs body in one transaction (a savepoint inside a caller's), recomputing
// the detector's links of the groups it touched before committing.
template <typename Body>
WriteResult transaction(Database& db, const std::string& doing, Body&& body) {
  detail::Store& store = db.store();
  WriteResult result;
  try {
    store.begin();
    try {
      const detail::DetectMark before = detect::mark(store);
      result = body(store);
      detect::detect_since(store, before);
      store.commit();
    } catch (...) {
      store.abort();
      throw;
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, doing);
  }
  return result;
}

// The conflicts a claim takes part in now.
std::vector<Conflict> conflicts_of(const Database& db, const Claim& claim) {
  std::vector<Conflict> out;
  for (auto& c : list_conflicts(db, ConflictFilter{.entity = claim.entity}))
    if (c.a == claim.id || c.b == claim.id) out.push_back(std::move(c));
  return out;
}

bool exists(detail::Store& store, std::string_view kind, const std::string& id) {
  if (kind == "source") return store.source_id(id).has_value();
  if (kind == "entity") return store.entity_id(id).has_value();
  if (kind == "property") return store.property_id(id).has_value();
  if (kind == "report") return store.report_id(id).has_value();
  if (kind == "claim") return store.claim_id(id).has_value();
  throw Error(ErrorCode::internal, "make_id: unknown record kind '" + std::string(kind) + "'");
}

std::string slug(std::string_view text, char separator) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += char(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += char(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != separator) {
      out += separator;
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == separator) out.pop_back();
  return out;
}

std::string made_id(detail::Store& store, std::string_view kind, std::string_view text) {
  std::string base = slug(text, kind == "property" ? '_' : '-');
  if (base.empty()) base = std::string(kind);
  if (!exists(store, kind, base)) return base;
  for (int n = 2;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    if (!exists(store, kind, candidate)) return candidate;
  }
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// The value type a created property gets from a claim's value.
Property property_for(const Claim& claim) {
  Property p;
  p.id = claim.property;
  const std::string& phrase = claim.value.phrase;
  if (phrase == "true" || phrase == "false") {
    p.value_type = ValueType::boolean;
  } else if (claim.value.interval) {
    p.value_type = ValueType::quantity;
    p.unit = claim.value.unit;
  } else if (auto reading = QuantityReader::builtin().try_read(phrase, claim.value.unit)) {
    p.value_type = ValueType::quantity;
    p.unit = reading->unit;
  } else {
    p.value_type = ValueType::category;
  }
  return p;
}

// Why a claim's value cannot be compared with the other current claims of
// its (entity, property) group.
std::vector<std::string> group_warnings(detail::Store& store, const std::string& id) {
  std::vector<std::string> out;
  const auto claim = store.detect_claim(id);
  if (!claim) return out;
  for (const auto& p : store.detect_properties()) {
    if (p.id != claim->property) continue;
    if (p.value_type == ValueType::text)
      out.push_back("claim '" + id + "': property '" + p.slug +
                    "' is text: its claims get no automatic verdict, only analysts' links");
  }
  if (!claim->interval) return out;
  std::vector<std::string> others;
  std::string other_unit;
  for (const auto& other : store.detect_group(claim->entity, claim->property)) {
    if (other.id == claim->id || other.superseded || other.retracted || !other.interval) continue;
    if (other.unit == claim->unit) continue;
    other_unit = other.unit;
    if (others.size() < 3) others.push_back(other.slug);
  }
  if (!others.empty())
    out.push_back("claim '" + id + "': its value is in '" + claim->unit + "', the group's in '" + other_unit +
                  "' (" + join(others, ", ") + "): it cannot be compared with them");
  return out;
}

// Warnings for a claim just inserted: the reader's assumptions, then its group.
std::vector<std::string> entry_warnings(detail::Store& store, const std::string& id) {
  std::vector<std::string> out;
  if (store.last_reading) out = io::reading_warnings(id, *store.last_reading);
  for (auto& w : group_warnings(store, id)) out.push_back(std::move(w));
  return out;
}

}  // namespace

std::vector<std::string> reading_warnings(const std::string& claim, const QuantityReading& reading) {
  return io::reading_warnings(claim, reading);
}

std::string make_id(const Database& db, std::string_view kind, std::string_view text) {
  try {
    return made_id(reading(db), kind, text);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, "making an id");
  }
}

WriteResult add_source(Database& db, Source source) {
  return transaction(db, "adding source", [&](detail::Store& store) {
    if (source.id.empty()) source.id = made_id(store, "source", source.name);
    store.insert(source);
    return WriteResult{.kind = "source", .id = source.id};
  });
}

WriteResult add_entity(Database& db, Entity entity) {
  return transaction(db, "adding entity", [&](detail::Store& store) {
    if (entity.id.empty()) entity.id = made_id(store, "entity", entity.name);
    store.insert(entity);
    return WriteResult{.kind = "entity", .id = entity.id};
  });
}

WriteResult add_property(Database& db, Property property) {
  return transaction(db, "adding property", [&](detail::Store& store) {
    store.insert(property);
    return WriteResult{.kind = "property", .id = property.id};
  });
}

WriteResult add_report(Database& db, Report report) {
  return transaction(db, "adding report", [&](detail::Store& store) {
    if (report.id.empty()) report.id = made_id(store, "report", report.title);
    store.insert(report);
    return WriteResult{.kind = "report", .id = report.id};
  });
}

WriteResult add_claim(Database& db, Claim claim, const AddOptions& options) {
  WriteResult result = transaction(db, "adding claim", [&](detail::Store& store) {
    WriteResult r{.kind = "claim"};
    if (options.create_missing) {
      if (!claim.claimant.empty() && !store.source_id(claim.claimant)) {
        detail::check_id(claim.claimant, "claimant");
        store.insert(Source{.id = claim.claimant, .name = claim.claimant});
        r.created.emplace_back("source", claim.claimant);
      }
      if (!claim.entity.empty() && !store.entity_id(claim.entity)) {
        detail::check_id(claim.entity, "entity");
        store.insert(Entity{.id = claim.entity, .name = claim.entity});
        r.created.emplace_back("entity", claim.entity);
      }
      if (!claim.property.empty() && !store.property_id(claim.property)) {
        detail::check_id(claim.property, "property");
        store.insert(property_for(claim));
        r.created.emplace_back("property", claim.property);
      }
    }
    if (claim.id.empty()) {
      if (claim.claimant.empty()) detail::fail(ErrorCode::bad_input, "missing required field 'claimant'", "claimant");
      if (claim.property.empty()) detail::fail(ErrorCode::bad_input, "missing required field 'property'", "property");
      claim.id = made_id(store, "claim", claim.claimant + "-" + claim.property);
    }
    store.insert(claim);
    r.id = claim.id;
    r.warnings = entry_warnings(store, claim.id);
    return r;
  });
  result.conflicts = conflicts_of(db, claim);
  return result;
}

WriteResult correct_claim(Database& db, const Correction& correction) {
  Claim fixed;
  WriteResult result = transaction(db, "correcting claim", [&](detail::Store& store) {
    if (correction.claim.empty()) detail::fail(ErrorCode::bad_input, "missing required field 'claim'", "claim");
    const auto current = store.detect_claim(correction.claim);
    if (!current)
      detail::fail(ErrorCode::not_found, "unknown claim '" + correction.claim.substr(0, 80) + "'", "claim");
    if (current->retracted)
      detail::fail(ErrorCode::bad_input,
                   "claim '" + correction.claim + "' is retracted: a retracted claim cannot be corrected",
                   "claim");
    if (current->superseded) {
      const auto later = store.claims({}, {}, correction.claim);
      detail::fail(ErrorCode::bad_input,
                   "claim '" + correction.claim + "' is already corrected by '" +
                       (later.empty() ? std::string("?") : later.back().id) + "': correct that one instead",
                   "claim");
    }
    detail::check_text(correction.reason, "reason", true);
    if (correction.value.empty()) detail::fail(ErrorCode::bad_input, "missing required field 'value'", "value");
    const Claim old = store.claims({}, correction.claim).at(0);
    fixed = old;
    fixed.id = correction.id.empty() ? made_id(store, "claim", old.id + "-corrected") : correction.id;
    fixed.value.phrase = correction.value;
    fixed.value.interval.reset();
    fixed.quote = correction.quote;
    fixed.recorded_at.clear();
    fixed.supersedes = old.id;
    fixed.correction_reason = correction.reason;
    store.insert(fixed);
    return WriteResult{.kind = "claim", .id = fixed.id, .warnings = entry_warnings(store, fixed.id)};
  });
  result.conflicts = conflicts_of(db, fixed);
  return result;
}

WriteResult retract_claim(Database& db, const Retraction& retraction) {
  return transaction(db, "retracting claim", [&](detail::Store& store) {
    if (retraction.claim.empty()) detail::fail(ErrorCode::bad_input, "missing required field 'claim'", "claim");
    const auto current = store.detect_claim(retraction.claim);
    if (!current)
      detail::fail(ErrorCode::not_found, "unknown claim '" + retraction.claim.substr(0, 80) + "'", "claim");
    if (current->retracted)
      detail::fail(ErrorCode::bad_input, "claim '" + retraction.claim + "' is already retracted", "claim");
    store.insert(retraction);
    return WriteResult{.kind = "retraction", .id = retraction.claim};
  });
}

WriteResult review_claim(Database& db, const Review& review) {
  return transaction(db, "reviewing claim", [&](detail::Store& store) {
    return WriteResult{.kind = "review", .id = store.insert(review)};
  });
}

const std::vector<std::string>& analyst_link_kinds() {
  static const std::vector<std::string> kinds = {"supports", "contradicts", "refines", "repeats"};
  return kinds;
}

WriteResult link_claims(Database& db, const Link& link) {
  return transaction(db, "linking claims", [&](detail::Store& store) {
    const auto& kinds = analyst_link_kinds();
    if (std::find(kinds.begin(), kinds.end(), link.kind) == kinds.end())
      detail::fail(ErrorCode::bad_input,
                   "unknown link kind '" + link.kind.substr(0, 40) + "' (use " + join(kinds, ", ") + ")",
                   "kind");
    if (link.origin == "detector")
      detail::fail(ErrorCode::bad_input, "origin 'detector' is reserved for claimdb's conflict detector",
                   "origin");
    return WriteResult{.kind = "link", .id = store.insert(link)};
  });
}

WriteResult amend_record(Database& db, const Amendment& amendment) {
  return transaction(db, "amending", [&](detail::Store& store) {
    store.insert(amendment);
    return WriteResult{.kind = "amendment", .id = amendment.id, .record = amendment.record};
  });
}

std::vector<std::string> amendable_fields(std::string_view record) {
  return detail::amendable_fields(std::string(record));
}

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string describe(const Fields& fields) {
  std::string out;
  for (const auto& [name, value] : fields)
    if (!value.empty()) out += (out.empty() ? "" : "; ") + name + ": " + value;
  return out;
}

void set_field(Fields& fields, const std::string& name, const std::string& value) {
  for (auto& [n, v] : fields)
    if (n == name) {
      v = value;
      return;
    }
  fields.emplace_back(name, value);
}

std::string field_value(const Fields& fields, const std::string& name) {
  for (const auto& [n, v] : fields)
    if (n == name) return v;
  return {};
}

// The versions of one record: as recorded, then each amendment.
void versions(detail::Store& store, const std::string& kind, const std::string& id,
              const std::string& recorded_at, Fields fields, std::vector<HistoryEntry>& out) {
  out.push_back({kind, recorded_at, "recorded", id, "", describe(fields)});
  for (const Amendment& a : store.amendments(kind, id)) {
    Fields changes;
    const std::pair<const char*, const std::optional<std::string>*> all[] = {
        {"name", &a.name}, {"kind", &a.kind}, {"affiliation", &a.affiliation},
        {"title", &a.title}, {"url", &a.url}, {"published_at", &a.published_at},
        {"description", &a.description}, {"text", &a.text}, {"language", &a.language}};
    std::string detail;
    auto change = [&](const std::string& name, const std::string& now) {
      const std::string before = field_value(fields, name);
      detail += (detail.empty() ? "" : "; ") + name + ": '" + before + "' -> '" + now + "'";
      set_field(fields, name, now);
    };
    for (const auto& [name, value] : all)
      if (*value) change(name, **value);
    if (a.aliases) change("aliases", join(*a.aliases, ", "));
    detail += (detail.empty() ? "" : "; ") + std::string("reason: ") + a.reason;
    out.push_back({kind, a.recorded_at, "amended", id, "", detail});
  }
}

std::string cell_string(const Cell& cell) {
  if (auto* s = std::get_if<std::string>(&cell)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&cell)) return std::to_string(*d);
  return {};
}

}  // namespace

std::vector<HistoryEntry> record_history(const Database& db, const std::string& id) {
  detail::Store& store = reading(db);
  try {
    detail::ReadSnapshot consistent(store);
    std::vector<HistoryEntry> out;
    if (auto rowid = store.claim_id(id)) {
      const QueryResult r = store.query_history(*rowid, "");
      for (const auto& row : r.rows)
        out.push_back({"claim", cell_string(row.at(0)), cell_string(row.at(1)),
                       cell_string(row.at(2)), cell_string(row.at(3)), cell_string(row.at(4))});
    }
    for (const Source& s : store.sources(id, true))
      versions(store, "source", id, s.recorded_at,
               {{"name", s.name}, {"kind", s.kind}, {"affiliation", s.affiliation},
                {"description", s.description}, {"language", s.language}},
               out);
    for (const Entity& e : store.entities(id, true))
      versions(store, "entity", id, e.recorded_at,
               {{"name", e.name}, {"kind", e.kind}, {"part_of", e.part_of},
                {"aliases", join(e.aliases, ", ")}, {"description", e.description}},
               out);
    for (const Property& p : store.properties(id, true))
      versions(store, "property", id, p.recorded_at,
               {{"value_type", to_string(p.value_type)}, {"unit", p.unit},
                {"description", p.description}},
               out);
    for (const Report& r : store.reports(id, true))
      versions(store, "report", id, r.recorded_at,
               {{"title", r.title}, {"publisher", r.publisher}, {"url", r.url},
                {"published_at", r.published_at}, {"cites", r.cites}, {"text", r.text},
                {"language", r.language}},
               out);
    if (out.empty()) throw Error(ErrorCode::not_found, "unknown id '" + id.substr(0, 80) + "'", Location{.field = "id"});
    return out;
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, "reading the history");
  }
}

std::string record_json(const Database& db, std::string_view kind, const std::string& id) {
  detail::Store& store = reading(db);
  auto missing = [&]() -> std::string {
    throw Error(ErrorCode::not_found, "unknown " + std::string(kind) + " '" + id.substr(0, 80) + "'");
  };
  try {
    if (kind == "source") {
      auto rows = store.sources(id);
      return rows.empty() ? missing() : io::encode(rows[0]).dump();
    }
    if (kind == "entity") {
      auto rows = store.entities(id);
      return rows.empty() ? missing() : io::encode(rows[0]).dump();
    }
    if (kind == "property") {
      auto rows = store.properties(id);
      return rows.empty() ? missing() : io::encode(rows[0]).dump();
    }
    if (kind == "report") {
      auto rows = store.reports(id);
      return rows.empty() ? missing() : io::encode(rows[0]).dump();
    }
    if (kind == "claim") {
      auto rows = store.claims({}, id);
      if (rows.empty()) return missing();
      const auto info = store.property_info(rows[0].property);
      return io::encode(rows[0], info ? info->value_type : ValueType::text).dump();
    }
    if (kind == "review") {
      for (const Review& r : store.reviews())
        if (r.id == id) return io::encode(r).dump();
      return missing();
    }
    if (kind == "link") {
      for (const Link& l : store.links(false))
        if (l.id == id) return io::encode(l).dump();
      return missing();
    }
    throw Error(ErrorCode::bad_input, "unknown record kind '" + std::string(kind) + "'");
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, "reading the record");
  }
}

}  // namespace claimdb
