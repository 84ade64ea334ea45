#include "io/restate.hpp"
#include "model/language.hpp"

#include "model/time.hpp"

#include <claimdb/error.hpp>
#include <claimdb/quantity.hpp>


namespace claimdb::io {

namespace {

class Compare {
 public:
  explicit Compare(std::vector<Difference>& out) : out_(out) {}

  void text(const char* field, const std::string& given, const std::string& stored, bool amendable = true) {
    if (given != stored) out_.push_back({field, stored, given, amendable});
  }
  void time(const char* field, const std::string& given, const std::string& stored, bool amendable = true) {
    const std::string canonical = given.empty() ? given : canonical_time(given).value_or(given);
    text(field, canonical, stored, amendable);
  }
  void flag(const char* field, bool given, bool stored) {
    text(field, given ? "true" : "false", stored ? "true" : "false", false);
  }
  void list(const char* field, const std::vector<std::string>& given, const std::vector<std::string>& stored,
            bool amendable = true) {
    if (given != stored) out_.push_back({field, join(stored), join(given), amendable});
  }

  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
  }

 private:
  std::vector<Difference>& out_;
};

// An unbounded end is open, as stored.
Interval normalised(Interval in) {
  if (!in.lo) in.lo_open = true;
  if (!in.hi) in.hi_open = true;
  return in;
}

bool same(const Interval& a, const Interval& b) {
  return a.lo == b.lo && a.hi == b.hi && a.lo_open == b.lo_open && a.hi_open == b.hi_open;
}

}  // namespace

std::vector<Difference> differences(const Source& g, const Source& s) {
  std::vector<Difference> out;
  Compare c(out);
  c.text("name", g.name, s.name);
  c.text("kind", g.kind, s.kind);
  c.text("affiliation", g.affiliation, s.affiliation);
  c.text("description", g.description, s.description);
  c.text("language", canonical_language(g.language).value_or(g.language), s.language);
  return out;
}

std::vector<Difference> differences(const Entity& g, const Entity& s) {
  std::vector<Difference> out;
  Compare c(out);
  c.text("name", g.name, s.name);
  c.text("kind", g.kind, s.kind);
  c.list("aliases", g.aliases, s.aliases);
  c.text("part_of", g.part_of, s.part_of, false);
  c.text("description", g.description, s.description);
  return out;
}

std::vector<Difference> differences(const Property& g, const Property& s) {
  std::vector<Difference> out;
  Compare c(out);
  c.text("value_type", to_string(g.value_type), to_string(s.value_type), false);
  c.text("unit", g.unit, s.unit, false);
  c.flag("multi_valued", g.multi_valued, s.multi_valued);
  c.flag("cumulative", g.cumulative, s.cumulative);
  std::vector<std::string> given, stored;
  for (const auto& k : g.constraints) given.push_back(k.relation + " " + k.other);
  for (const auto& k : s.constraints) stored.push_back(k.relation + " " + k.other);
  c.list("constraints", given, stored, false);
  c.text("description", g.description, s.description);
  return out;
}

std::vector<Difference> differences(const Report& g, const Report& s) {
  std::vector<Difference> out;
  Compare c(out);
  c.text("title", g.title, s.title);
  c.text("publisher", g.publisher, s.publisher, false);
  c.text("url", g.url, s.url);
  c.time("published_at", g.published_at, s.published_at);
  c.text("cites", g.cites, s.cites, false);
  c.text("text", g.text, s.text);
  c.text("language", canonical_language(g.language).value_or(g.language), s.language);
  return out;
}

std::vector<Difference> differences(const Claim& g, const Claim& s, const Claim& original) {
  std::vector<Difference> out;
  Compare c(out);
  c.text("claimant", g.claimant, original.claimant, false);
  c.text("entity", g.entity, original.entity, false);
  c.text("property", g.property, original.property, false);
  // The value: as said; the interval and unit only when the file gives them.
  const bool phrase_given = !g.value.phrase.empty();
  if (phrase_given) c.text("value", g.value.phrase, s.value.phrase);
  if (g.value.interval) {
    const bool equal = s.value.interval && same(normalised(*g.value.interval), normalised(*s.value.interval));
    if (!equal)
      out.push_back({"value", s.value.interval ? format_interval(*s.value.interval) : s.value.phrase,
                     format_interval(*g.value.interval), true});
  }
  if (!g.value.unit.empty()) {
    std::string unit = g.value.unit;
    try {
      unit = QuantityReader::builtin().canonical_unit(g.value.unit).unit;
    } catch (const Error&) {
    }
    c.text("unit", unit, s.value.unit);
  }
  c.text("polarity", g.polarity == Polarity::denies ? "denies" : "asserts",
         s.polarity == Polarity::denies ? "denies" : "asserts");
  c.text("quote", g.quote, s.quote);
  c.text("report", g.report, s.report);
  c.text("place", g.place, s.place);
  c.time("valid_from", g.valid_from, s.valid_from);
  c.time("valid_to", g.valid_to, s.valid_to);
  c.time("as_of", g.as_of, s.as_of);
  c.time("said_at", g.said_at, s.said_at);
  c.time("published_at", g.published_at, s.published_at);
  c.text("supersedes", g.supersedes, original.supersedes, false);
  c.text("correction_reason", g.correction_reason, original.correction_reason, false);
  return out;
}

std::string describe(const std::vector<Difference>& differences) {
  std::string out;
  for (const auto& d : differences)
    out += (out.empty() ? "" : "; ") + d.field + ": '" + d.stored.substr(0, 200) + "' in the database, '" +
           d.given.substr(0, 200) + "' in the file";
  return out;
}

Amendment amendment_for(const std::string& record, const std::string& id,
                        const std::vector<Difference>& differences) {
  Amendment a;
  a.record = record;
  a.id = id;
  const std::pair<const char*, std::optional<std::string> Amendment::*> fields[] = {
      {"name", &Amendment::name}, {"kind", &Amendment::kind}, {"affiliation", &Amendment::affiliation},
      {"description", &Amendment::description}, {"title", &Amendment::title}, {"url", &Amendment::url},
      {"published_at", &Amendment::published_at}, {"text", &Amendment::text},
      {"language", &Amendment::language}};
  for (const auto& d : differences) {
    if (d.field == "aliases") {
      a.aliases.emplace();
      // The file's list, as given (Compare joined it for messages only).
      continue;
    }
    for (const auto& [name, member] : fields)
      if (d.field == name) a.*member = d.given;
  }
  return a;
}

std::vector<std::string> reading_warnings(const std::string& claim, const QuantityReading& r) {
  std::vector<std::string> out;
  const std::string said = "claim '" + claim + "': \"" + r.phrase + "\"";
  const std::string interval = format_interval(r.interval) + (r.unit.empty() ? "" : " " + r.unit);
  if (!r.informative)
    out.push_back(said + " -> " + interval +
                  " carries almost no information: it is never the sole basis of a conflict");
  else if (!r.rule.empty() && r.rule != "{n}")
    out.push_back(said + " read as " + interval + " by the rule '" + r.rule + "'");
  // A counted noun of several words stands for one unit.
  const auto last_digit = r.phrase.find_last_of("0123456789");
  if (!r.unit.empty() && last_digit != std::string::npos) {
    std::string noun = r.phrase.substr(last_digit + 1);
    noun.erase(0, noun.find_first_not_of(" \t"));
    noun.erase(noun.find_last_not_of(" \t") + 1);
    if (noun.find(' ') != std::string::npos)
      out.push_back(said + ": '" + noun + "' is read as the unit '" + r.unit + "'");
  }
  // What the reader itself warns about (a separator read one way in the
  // phrase's language, a counted noun kept apart, ...).
  for (const std::string& w : r.warnings) out.push_back(said + ": " + w);
  return out;
}

}  // namespace claimdb::io
