// Names, places and properties for the rules, read lazily and cached.
#include "detect/rules.hpp"

#include <claimdb/error.hpp>

namespace claimdb::detect {

Lookup::Lookup(detail::Store& store) : store_(store), reader_(QuantityReader::builtin()) {
  for (auto& p : store_.detect_properties()) properties_.emplace(p.id, std::move(p));
  // Constraint components: properties joined by constraints either way.
  std::unordered_map<RowId, std::vector<RowId>> neighbours;
  for (const auto& [id, p] : properties_)
    for (const auto& [relation, other] : p.constraints) {
      neighbours[id].push_back(other);
      neighbours[other].push_back(id);
    }
  for (const auto& [id, p] : properties_) {
    if (components_.count(id)) continue;
    std::vector<RowId> component{id};
    for (std::size_t next = 0; next < component.size(); ++next)
      for (RowId other : neighbours[component[next]]) {
        bool seen = false;
        for (RowId known : component) seen = seen || known == other;
        if (!seen) component.push_back(other);
      }
    for (RowId member : component) components_[member] = component;
  }
}

const DetectProperty& Lookup::property(RowId id) const {
  auto it = properties_.find(id);
  if (it == properties_.end())
    throw Error(ErrorCode::internal, "property row " + std::to_string(id) + " not found");
  return it->second;
}

const std::vector<RowId>& Lookup::constraint_component(RowId id) const {
  auto it = components_.find(id);
  if (it == components_.end())
    throw Error(ErrorCode::internal, "property row " + std::to_string(id) + " not found");
  return it->second;
}

void Lookup::preload() {
  store_.each_detect_source([this](RowId id, detail::DetectSource s) { sources_.insert_or_assign(id, std::move(s)); });
  store_.each_detect_place([this](RowId id, detail::DetectPlace p) { places_.insert_or_assign(id, std::move(p)); });
  preloaded_ = true;
}

const detail::DetectSource& Lookup::source(RowId id) {
  auto it = sources_.find(id);
  if (it == sources_.end()) {
    auto found = preloaded_ ? std::nullopt : store_.detect_source(id);
    it = sources_.emplace(id, found.value_or(detail::DetectSource{"?", ""})).first;
  }
  return it->second;
}

const std::string& Lookup::source_name(RowId id) { return source(id).slug; }

bool Lookup::independent(RowId a, RowId b) {
  if (a == b) return false;
  const std::string& x = affiliation(a);
  return x.empty() || x == "independent" || x != affiliation(b);
}
const std::string& Lookup::affiliation(RowId id) { return source(id).affiliation; }

const detail::DetectPlace& Lookup::place(RowId id) {
  auto it = places_.find(id);
  if (it == places_.end()) {
    auto found = preloaded_ ? std::nullopt : store_.detect_place(id);
    it = places_.emplace(id, found.value_or(detail::DetectPlace{"?", 0})).first;
  }
  return it->second;
}

const std::string& Lookup::place_name(RowId id) { return place(id).slug; }

bool Lookup::inside(RowId part, RowId whole) {
  if (part == 0 || part == whole) return false;
  if (whole == 0) return true;
  // part_of chains are short; the cap guards against a cycle in bad data.
  RowId at = place(part).part_of;
  for (int depth = 0; at != 0 && depth < 64; ++depth) {
    if (at == whole) return true;
    at = place(at).part_of;
  }
  return false;
}

bool Lookup::informative(const DetectClaim& claim) {
  // Only open-ended readings ("many" is [2, inf)) can be uninformative; the
  // check avoids re-reading millions of plain figures.
  if (!claim.interval || claim.interval->hi) return true;
  const std::string key = claim.phrase + '\x1f' + claim.unit;
  auto it = informative_.find(key);
  if (it != informative_.end()) return it->second;
  // A value given as an explicit interval has no phrase rule: it is informative.
  auto reading = reader_.try_read(claim.phrase, claim.unit);
  // A phrase in another language ("viele", "de nombreux"): the claim's
  // language is not at hand here, so the first language that reads it says.
  for (const auto& language : QuantityReader::languages()) {
    if (reading) break;
    if (language != "en") reading = reader_.try_read(claim.phrase, claim.unit, language);
  }
  const bool result = !reading || reading->informative;
  informative_.emplace(key, result);
  return result;
}

}  // namespace claimdb::detect
