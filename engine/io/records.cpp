#include "io/records.hpp"

#include "model/vocabulary.hpp"

#include <claimdb/error.hpp>

#include <cmath>
#include <initializer_list>

namespace claimdb::io {

namespace {

[[noreturn]] void bad(const std::string& field, const std::string& message) {
  Location where;
  where.field = field;
  where.json_path = "/" + field;
  throw Error(ErrorCode::bad_input, message, where);
}

const char* type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    case Json::value_t::binary: return "binary";
    case Json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

// Refuses members outside `allowed` (they are usually typos).
void only(const Json& j, std::initializer_list<std::string_view> allowed, std::string_view skip,
          const char* kind) {
  if (!j.is_object()) {
    Location where;
    throw Error(ErrorCode::bad_input,
                std::string("a ") + kind + " record must be a JSON object, not " + type_name(j), where);
  }
  for (const auto& [key, value] : j.items()) {
    if (key == skip) continue;
    bool known = false;
    for (auto name : allowed) known = known || key == name;
    if (!known) bad(key, std::string("unknown field '") + key + "' in a " + kind + " record");
  }
}

std::string text(const Json& j, const char* field, bool required = false) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) bad(field, std::string("missing required field '") + field + "'");
    return {};
  }
  if (!it->is_string())
    bad(field, std::string("field '") + field + "' must be a string, not " + type_name(*it));
  return it->get<std::string>();
}

bool flag(const Json& j, const char* field, bool fallback = false) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_boolean())
    bad(field, std::string("field '") + field + "' must be true or false, not " + type_name(*it));
  return it->get<bool>();
}

std::optional<double> number(const Json& j, const char* field, const std::string& path) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number())
    bad(path, std::string("field '") + field + "' must be a number or null, not " + type_name(*it));
  double v = it->get<double>();
  if (!std::isfinite(v)) bad(path, std::string("field '") + field + "' must be a finite number");
  return v;
}

// Writes a number as an integer when it is one (exactly representable), so
// 474 stays 474 and not 474.0.
Json number_json(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9007199254740992.0) return Json(static_cast<std::int64_t>(v));
  return Json(v);
}

void put(OrderedJson& out, const char* field, const std::string& value) {
  if (!value.empty()) out[field] = value;
}

Value decode_value(const Json& j) {
  auto it = j.find("value");
  if (it == j.end() || it->is_null()) bad("value", "missing required field 'value'");
  Value v;
  v.unit = text(j, "unit");
  const Json& value = *it;
  if (value.is_string()) {
    v.phrase = value.get<std::string>();
    if (v.phrase.empty()) bad("value", "field 'value' must not be empty");
  } else if (value.is_boolean()) {
    v.phrase = value.get<bool>() ? "true" : "false";
  } else if (value.is_number()) {
    double n = value.get<double>();
    if (!std::isfinite(n)) bad("value", "field 'value' must be a finite number");
    v.phrase = number_json(n).dump();
    v.interval = Interval{n, n, false, false};
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      (void)member;
      if (key != "phrase" && key != "lo" && key != "hi" && key != "lo_open" && key != "hi_open")
        bad("value/" + key, "unknown field '" + key + "' in an interval (use phrase, lo, hi, lo_open, hi_open)");
    }
    Interval in;
    in.lo = number(value, "lo", "value/lo");
    in.hi = number(value, "hi", "value/hi");
    if (!value.contains("lo") || !value.contains("hi"))
      bad("value", "an interval needs both 'lo' and 'hi' (null for an unbounded end)");
    auto open_flag = [&](const char* name) {
      auto f = value.find(name);
      if (f == value.end() || f->is_null()) return false;
      if (!f->is_boolean()) bad(std::string("value/") + name, std::string("field '") + name + "' must be true or false");
      return f->get<bool>();
    };
    in.lo_open = open_flag("lo_open");
    in.hi_open = open_flag("hi_open");
    auto phrase = value.find("phrase");
    if (phrase != value.end() && !phrase->is_null()) {
      if (!phrase->is_string()) bad("value/phrase", "field 'phrase' must be a string");
      v.phrase = phrase->get<std::string>();
    }
    v.interval = in;
  } else {
    bad("value", std::string("field 'value' must be a string, number, boolean or interval object, not ") +
                     type_name(value));
  }
  return v;
}

}  // namespace

std::optional<RecordKind> record_kind(std::string_view name) {
  static constexpr std::pair<std::string_view, RecordKind> kinds[] = {
      {"source", RecordKind::source}, {"entity", RecordKind::entity},
      {"property", RecordKind::property}, {"report", RecordKind::report},
      {"claim", RecordKind::claim}, {"link", RecordKind::link},
      {"review", RecordKind::review}, {"retraction", RecordKind::retraction},
      {"amendment", RecordKind::amendment}};
  for (auto [n, k] : kinds)
    if (n == name) return k;
  return std::nullopt;
}

const char* plural(RecordKind kind) {
  switch (kind) {
    case RecordKind::source: return "sources";
    case RecordKind::entity: return "entities";
    case RecordKind::property: return "properties";
    case RecordKind::report: return "reports";
    case RecordKind::claim: return "claims";
    case RecordKind::link: return "links";
    case RecordKind::review: return "reviews";
    case RecordKind::retraction: return "retractions";
    case RecordKind::amendment: return "amendments";
  }
  return "";
}

const char* singular(RecordKind kind) {
  switch (kind) {
    case RecordKind::source: return "source";
    case RecordKind::entity: return "entity";
    case RecordKind::property: return "property";
    case RecordKind::report: return "report";
    case RecordKind::claim: return "claim";
    case RecordKind::link: return "link";
    case RecordKind::review: return "review";
    case RecordKind::retraction: return "retraction";
    case RecordKind::amendment: return "amendment";
  }
  return "";
}

Source decode_source(const Json& j, std::string_view skip) {
  only(j, {"id", "name", "kind", "affiliation", "language", "description", "recorded_at"}, skip, "source");
  Source s;
  s.id = text(j, "id", true);
  s.name = text(j, "name", true);
  s.kind = text(j, "kind");
  s.affiliation = text(j, "affiliation");
  s.language = text(j, "language");
  s.description = text(j, "description");
  s.recorded_at = text(j, "recorded_at");
  return s;
}

Entity decode_entity(const Json& j, std::string_view skip) {
  only(j, {"id", "name", "kind", "aliases", "part_of", "description", "recorded_at"}, skip, "entity");
  Entity e;
  e.id = text(j, "id", true);
  e.name = text(j, "name", true);
  e.kind = text(j, "kind");
  e.part_of = text(j, "part_of");
  e.description = text(j, "description");
  e.recorded_at = text(j, "recorded_at");
  if (auto it = j.find("aliases"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) bad("aliases", "field 'aliases' must be an array of strings");
    for (std::size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string())
        bad("aliases/" + std::to_string(i), "each alias must be a string, not " + std::string(type_name((*it)[i])));
      e.aliases.push_back((*it)[i].get<std::string>());
    }
  }
  return e;
}

Property decode_property(const Json& j, std::string_view skip) {
  only(j, {"id", "value_type", "unit", "cardinality", "cumulative", "constraints", "description",
           "recorded_at"},
       skip, "property");
  Property p;
  p.id = text(j, "id", true);
  const std::string type = text(j, "value_type", true);
  auto value_type = parse_value_type(type);
  if (!value_type)
    bad("value_type", "unknown value_type '" + type.substr(0, 40) + "' (use quantity, category, boolean or text)");
  p.value_type = *value_type;
  p.unit = text(j, "unit");
  const std::string cardinality = text(j, "cardinality");
  if (cardinality == "multi")
    p.multi_valued = true;
  else if (!cardinality.empty() && cardinality != "single")
    bad("cardinality", "unknown cardinality '" + cardinality.substr(0, 40) + "' (use single or multi)");
  p.cumulative = flag(j, "cumulative");
  p.description = text(j, "description");
  p.recorded_at = text(j, "recorded_at");
  if (auto it = j.find("constraints"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) bad("constraints", "field 'constraints' must be an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& c = (*it)[i];
      const std::string at = "constraints/" + std::to_string(i);
      if (!c.is_object()) bad(at, "a constraint must be an object {\"relation\": \"<=\", \"other\": \"...\"}");
      for (const auto& [key, member] : c.items()) {
        (void)member;
        if (key != "relation" && key != "other") bad(at + "/" + key, "unknown field '" + key + "' in a constraint");
      }
      Constraint constraint;
      try {
        constraint.relation = text(c, "relation", true);
        constraint.other = text(c, "other", true);
      } catch (const Error& e) {
        bad(at + e.location().json_path, e.message());
      }
      if (!is_relation(constraint.relation))
        bad(at + "/relation", "unknown relation '" + constraint.relation.substr(0, 20) + "' (use <=, <, >=, > or =)");
      p.constraints.push_back(constraint);
    }
  }
  return p;
}

Report decode_report(const Json& j, std::string_view skip) {
  only(j, {"id", "title", "publisher", "url", "published_at", "cites", "text", "language", "recorded_at"}, skip,
       "report");
  Report r;
  r.id = text(j, "id", true);
  r.title = text(j, "title", true);
  r.publisher = text(j, "publisher");
  r.url = text(j, "url");
  r.published_at = text(j, "published_at");
  r.cites = text(j, "cites");
  r.text = text(j, "text");
  r.language = text(j, "language");
  r.recorded_at = text(j, "recorded_at");
  return r;
}

Claim decode_claim(const Json& j, std::string_view skip) {
  only(j, {"id", "claimant", "entity", "property", "value", "unit", "polarity", "report", "quote",
           "place", "valid_from", "valid_to", "as_of", "said_at", "published_at", "supersedes",
           "correction_reason", "recorded_at"},
       skip, "claim");
  Claim c;
  c.id = text(j, "id", true);
  c.claimant = text(j, "claimant", true);
  c.entity = text(j, "entity", true);
  c.property = text(j, "property", true);
  c.value = decode_value(j);
  const std::string polarity = text(j, "polarity");
  if (!polarity.empty()) {
    auto p = parse_polarity(polarity);
    if (!p) bad("polarity", "unknown polarity '" + polarity.substr(0, 40) + "' (use asserts or denies)");
    c.polarity = *p;
  }
  c.report = text(j, "report");
  c.quote = text(j, "quote");
  c.place = text(j, "place");
  c.valid_from = text(j, "valid_from");
  c.valid_to = text(j, "valid_to");
  c.as_of = text(j, "as_of");
  c.said_at = text(j, "said_at");
  c.published_at = text(j, "published_at");
  c.supersedes = text(j, "supersedes");
  c.correction_reason = text(j, "correction_reason");
  c.recorded_at = text(j, "recorded_at");
  return c;
}

Link decode_link(const Json& j, std::string_view skip) {
  only(j, {"id", "from", "to", "kind", "origin", "rationale", "created_at", "recorded_at"}, skip, "link");
  Link l;
  l.id = text(j, "id");
  l.from = text(j, "from", true);
  l.to = text(j, "to", true);
  l.kind = text(j, "kind", true);
  l.origin = text(j, "origin");
  l.rationale = text(j, "rationale");
  l.created_at = text(j, "created_at");
  l.recorded_at = text(j, "recorded_at");
  return l;
}

Review decode_review(const Json& j, std::string_view skip) {
  only(j, {"id", "claim", "rating", "reviewer", "reviewed_at", "url", "explanation", "recorded_at"},
       skip, "review");
  Review r;
  r.id = text(j, "id");
  r.claim = text(j, "claim", true);
  r.rating = text(j, "rating", true);
  r.reviewer = text(j, "reviewer", true);
  r.reviewed_at = text(j, "reviewed_at");
  r.url = text(j, "url");
  r.explanation = text(j, "explanation");
  r.recorded_at = text(j, "recorded_at");
  return r;
}

Retraction decode_retraction(const Json& j, std::string_view skip) {
  only(j, {"claim", "reason", "retracted_by", "retracted_at", "recorded_at"}, skip, "retraction");
  Retraction r;
  r.claim = text(j, "claim", true);
  r.reason = text(j, "reason", true);
  r.retracted_by = text(j, "retracted_by");
  r.retracted_at = text(j, "retracted_at");
  r.recorded_at = text(j, "recorded_at");
  return r;
}

OrderedJson encode(const Source& s) {
  OrderedJson out;
  out["id"] = s.id;
  out["name"] = s.name;
  put(out, "kind", s.kind);
  put(out, "affiliation", s.affiliation);
  put(out, "language", s.language);
  put(out, "description", s.description);
  put(out, "recorded_at", s.recorded_at);
  return out;
}

OrderedJson encode(const Entity& e) {
  OrderedJson out;
  out["id"] = e.id;
  out["name"] = e.name;
  put(out, "kind", e.kind);
  if (!e.aliases.empty()) out["aliases"] = e.aliases;
  put(out, "part_of", e.part_of);
  put(out, "description", e.description);
  put(out, "recorded_at", e.recorded_at);
  return out;
}

OrderedJson encode(const Property& p) {
  OrderedJson out;
  out["id"] = p.id;
  out["value_type"] = to_string(p.value_type);
  put(out, "unit", p.unit);
  out["cardinality"] = p.multi_valued ? "multi" : "single";
  out["cumulative"] = p.cumulative;
  if (!p.constraints.empty()) {
    OrderedJson list = OrderedJson::array();
    for (const auto& c : p.constraints) list.push_back({{"relation", c.relation}, {"other", c.other}});
    out["constraints"] = list;
  }
  put(out, "description", p.description);
  put(out, "recorded_at", p.recorded_at);
  return out;
}

OrderedJson encode(const Report& r) {
  OrderedJson out;
  out["id"] = r.id;
  out["title"] = r.title;
  put(out, "publisher", r.publisher);
  put(out, "url", r.url);
  put(out, "published_at", r.published_at);
  put(out, "cites", r.cites);
  put(out, "text", r.text);
  put(out, "language", r.language);
  put(out, "recorded_at", r.recorded_at);
  return out;
}

OrderedJson encode(const Claim& c, ValueType value_type) {
  OrderedJson out;
  out["id"] = c.id;
  out["claimant"] = c.claimant;
  out["entity"] = c.entity;
  out["property"] = c.property;
  if (value_type == ValueType::boolean) {
    out["value"] = c.value.phrase == "true";
  } else if (c.value.interval) {
    const Interval& in = *c.value.interval;
    OrderedJson v;
    v["phrase"] = c.value.phrase;
    v["lo"] = in.lo ? OrderedJson(number_json(*in.lo)) : OrderedJson(nullptr);
    v["hi"] = in.hi ? OrderedJson(number_json(*in.hi)) : OrderedJson(nullptr);
    v["lo_open"] = in.lo_open;
    v["hi_open"] = in.hi_open;
    out["value"] = v;
  } else {
    out["value"] = c.value.phrase;
  }
  put(out, "unit", c.value.unit);
  if (c.polarity == Polarity::denies) out["polarity"] = "denies";
  put(out, "report", c.report);
  put(out, "quote", c.quote);
  put(out, "place", c.place);
  put(out, "valid_from", c.valid_from);
  put(out, "valid_to", c.valid_to);
  put(out, "as_of", c.as_of);
  put(out, "said_at", c.said_at);
  put(out, "published_at", c.published_at);
  put(out, "supersedes", c.supersedes);
  put(out, "correction_reason", c.correction_reason);
  put(out, "recorded_at", c.recorded_at);
  return out;
}

OrderedJson encode(const Link& l) {
  OrderedJson out;
  out["id"] = l.id;
  out["from"] = l.from;
  out["to"] = l.to;
  out["kind"] = l.kind;
  out["origin"] = l.origin;
  put(out, "rationale", l.rationale);
  put(out, "created_at", l.created_at);
  put(out, "recorded_at", l.recorded_at);
  return out;
}

OrderedJson encode(const Review& r) {
  OrderedJson out;
  out["id"] = r.id;
  out["claim"] = r.claim;
  out["rating"] = r.rating;
  out["reviewer"] = r.reviewer;
  put(out, "reviewed_at", r.reviewed_at);
  put(out, "url", r.url);
  put(out, "explanation", r.explanation);
  put(out, "recorded_at", r.recorded_at);
  return out;
}

OrderedJson encode(const Retraction& r) {
  OrderedJson out;
  out["claim"] = r.claim;
  out["reason"] = r.reason;
  put(out, "retracted_by", r.retracted_by);
  put(out, "retracted_at", r.retracted_at);
  put(out, "recorded_at", r.recorded_at);
  return out;
}

Amendment decode_amendment(const Json& j, std::string_view skip) {
  only(j, {"amends", "id", "set", "reason", "recorded_at"}, skip, "amendment");
  Amendment a;
  a.record = text(j, "amends", true);
  a.id = text(j, "id", true);
  a.reason = text(j, "reason", true);
  a.recorded_at = text(j, "recorded_at");
  auto set = j.find("set");
  if (set == j.end() || set->is_null()) bad("set", "missing required field 'set'");
  if (!set->is_object()) bad("set", "field 'set' must be an object of the fields it changes");
  const std::pair<const char*, std::optional<std::string> Amendment::*> fields[] = {
      {"name", &Amendment::name}, {"kind", &Amendment::kind}, {"affiliation", &Amendment::affiliation},
      {"description", &Amendment::description}, {"title", &Amendment::title}, {"url", &Amendment::url},
      {"published_at", &Amendment::published_at}, {"text", &Amendment::text},
      {"language", &Amendment::language}};
  for (const auto& [key, value] : set->items()) {
    if (key == "aliases") {
      if (!value.is_array()) bad("set/aliases", "field 'aliases' must be an array of strings");
      a.aliases.emplace();
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
          bad("set/aliases/" + std::to_string(i), "each alias must be a string, not " + std::string(type_name(value[i])));
        a.aliases->push_back(value[i].get<std::string>());
      }
      continue;
    }
    bool known = false;
    for (const auto& [name, member] : fields) {
      if (key != name) continue;
      known = true;
      if (!value.is_string())
        bad("set/" + key, "field '" + key + "' must be a string, not " + type_name(value));
      a.*member = value.get<std::string>();
    }
    if (!known) bad("set/" + key, "unknown field '" + key + "' in an amendment");
  }
  return a;
}

OrderedJson encode(const Amendment& a) {
  OrderedJson out;
  out["amends"] = a.record;
  out["id"] = a.id;
  OrderedJson set = OrderedJson::object();
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"name", &a.name}, {"kind", &a.kind}, {"affiliation", &a.affiliation},
      {"title", &a.title}, {"url", &a.url}, {"published_at", &a.published_at},
      {"description", &a.description}, {"text", &a.text}, {"language", &a.language}};
  for (const auto& [name, value] : fields)
    if (*value) set[name] = **value;
  if (a.aliases) set["aliases"] = *a.aliases;
  out["set"] = std::move(set);
  out["reason"] = a.reason;
  put(out, "recorded_at", a.recorded_at);
  return out;
}

}  // namespace claimdb::io
