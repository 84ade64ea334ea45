// Exporting the whole database as a JSON document or JSON Lines, in a stable
// order in which every reference points backwards.
#include <claimdb/io.hpp>

#include "io/order.hpp"
#include "io/records.hpp"

#include <algorithm>
#include <ostream>
#include <unordered_map>

namespace claimdb {

namespace {

using io::OrderedJson;

// Sorts by id, then moves each record after the ones it refers to.
template <typename T, typename Refs>
std::vector<const T*> backward(const std::vector<T>& items, Refs refs) {
  std::vector<const T*> sorted;
  for (const auto& item : items) sorted.push_back(&item);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const T* a, const T* b) { return a->id < b->id; });
  auto order = io::dependency_order(
      sorted.size(), [&](std::size_t i) { return sorted[i]->id; },
      [&](std::size_t i) { return refs(*sorted[i]); },
      [&](std::size_t i) { return sorted[i]->id; }, "reference");
  std::vector<const T*> out;
  for (auto i : order) out.push_back(sorted[i]);
  return out;
}

// Calls emit(kind, record json) for every record in export order.
template <typename Emit>
void each_record(const Database& db, Emit emit) {
  const Dataset d = db.snapshot();
  for (const auto& s : d.sources) emit("source", io::encode(s));
  for (const auto* e : backward(d.entities, [](const Entity& e) {
         return e.part_of.empty() ? std::vector<std::string>{} : std::vector<std::string>{e.part_of};
       }))
    emit("entity", io::encode(*e));
  std::unordered_map<std::string, ValueType> value_types;
  for (const auto* p : backward(d.properties, [](const Property& p) {
         std::vector<std::string> refs;
         for (const auto& c : p.constraints) refs.push_back(c.other);
         return refs;
       })) {
    value_types[p->id] = p->value_type;
    emit("property", io::encode(*p));
  }
  for (const auto* r : backward(d.reports, [](const Report& r) {
         return r.cites.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.cites};
       }))
    emit("report", io::encode(*r));
  for (const auto* c : backward(d.claims, [](const Claim& c) {
         return c.supersedes.empty() ? std::vector<std::string>{} : std::vector<std::string>{c.supersedes};
       }))
    emit("claim", io::encode(*c, value_types[c->property]));
  // Links made by the detector are derived data: they are recomputed, not exported.
  for (const auto& l : d.links)
    if (l.origin != "detector") emit("link", io::encode(l));
  for (const auto& r : d.reviews) emit("review", io::encode(r));
  for (const auto& r : d.retractions) emit("retraction", io::encode(r));
  for (const auto& a : d.amendments) emit("amendment", io::encode(a));
}

}  // namespace

void export_json(const Database& db, std::ostream& out) {
  OrderedJson doc;
  doc["format"] = "claimdb";
  doc["version"] = json_format_version;
  for (const char* member : {"sources", "entities", "properties", "reports", "claims", "links",
                             "reviews", "retractions"})
    doc[member] = OrderedJson::array();
  each_record(db, [&](const char* kind, OrderedJson record) {
    if (std::string(kind) == "amendment" && !doc.contains("amendments"))
      doc["amendments"] = OrderedJson::array();  // only when there are any
    const std::string member = std::string(kind) == "entity"     ? "entities"
                               : std::string(kind) == "property" ? "properties"
                                                                 : std::string(kind) + "s";
    doc[member].push_back(std::move(record));
  });
  out << doc.dump(2) << '\n';
}

void export_jsonl(const Database& db, std::ostream& out) {
  out << R"({"record":"header","format":"claimdb","version":)" << json_format_version << "}\n";
  each_record(db, [&](const char* kind, const OrderedJson& record) {
    OrderedJson line;
    line["record"] = kind;
    for (const auto& [key, value] : record.items()) line[key] = value;
    out << line.dump() << '\n';
  });
}

}  // namespace claimdb
