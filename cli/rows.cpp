#include "rows.hpp"

#include <cmath>

namespace claimdb::cli {

namespace {

std::string list_text(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

Row value_json(const TruthAnswer& a) {
  if (a.value_type != ValueType::quantity) return Row(a.value.phrase);
  Row v;
  v["phrase"] = a.value.phrase;
  const auto& i = a.value.interval;
  v["lo"] = i && i->lo ? Row(*i->lo) : Row(nullptr);
  v["hi"] = i && i->hi ? Row(*i->hi) : Row(nullptr);
  v["lo_open"] = i ? i->lo_open : false;
  v["hi_open"] = i ? i->hi_open : false;
  v["unit"] = a.value.unit;
  return v;
}

}  // namespace

Row strings(const std::vector<std::string>& items) {
  Row array = Row::array();
  for (const auto& item : items) array.push_back(item);
  return array;
}

Row claim_row(const Claim& c) {
  Row row;
  row["id"] = c.id;
  row["claimant"] = c.claimant;
  row["entity"] = c.entity;
  row["property"] = c.property;
  row["value"] = c.value.phrase;
  row["interval"] = c.value.interval ? format_interval(*c.value.interval) : std::string();
  row["unit"] = c.value.unit;
  row["polarity"] = c.polarity == Polarity::denies ? "denies" : "asserts";
  row["place"] = c.place;
  row["as_of"] = c.as_of;
  row["report"] = c.report;
  row["supersedes"] = c.supersedes;
  row["quote"] = c.quote;
  return row;
}

Row camps_row(int number, const DisputeCamps& d) {
  Row row;
  row["dispute"] = number;
  row["entity"] = d.dispute.entities.front();
  row["properties"] = strings(d.dispute.properties);
  row["balanced"] = d.balanced;
  row["camps"] = Row::array();
  row["camp_sources"] = Row::array();
  for (const auto& camp : d.camps) {
    row["camps"].push_back(strings(camp.claims));
    row["camp_sources"].push_back(strings(camp.sources));
  }
  row["outside"] = strings(d.outside);
  row["cycle"] = strings(d.cycle);
  row["cycle_links"] = strings(d.cycle_links);
  return row;
}

Row alignment_row(const SourceAlignment& a) {
  Row row;
  row["source"] = a.a;
  row["other"] = a.b;
  row["together"] = a.together;
  row["opposed"] = a.opposed;
  return row;
}

Row truth_row(const TruthAnswer& a, Format format) {
  Row row;
  row["entity"] = a.entity;
  row["property"] = a.property;
  row["place"] = a.place;
  row["valid_from"] = a.valid_from;
  row["valid_to"] = a.valid_to;
  if (format == Format::json) {
    row["value"] = value_json(a);
  } else {
    std::string text = a.value.phrase;
    if (a.value.interval) text += " [" + format_interval(*a.value.interval) + "]";
    row["value"] = text;
  }
  row["confidence"] = std::round(a.confidence * 10000) / 10000;
  if (format == Format::json) {
    row["claims"] = a.claims;
    row["sources"] = a.sources;
    row["dissent"] = a.dissent;
    row["dissent_sources"] = a.dissent_sources;
  } else {
    row["claims"] = list_text(a.claims);
    row["sources"] = list_text(a.sources);
    row["dissent"] = list_text(a.dissent);
    row["dissent_sources"] = list_text(a.dissent_sources);
  }
  row["margin"] = a.margin;
  row["independent_origins"] = a.independent_origins;
  row["alternatives"] = a.alternatives;
  row["reviewed"] = a.reviewed;
  row["method"] = a.method;
  row["explanation"] = a.explanation;
  return row;
}

Row trust_row(const SourceTrust& s, const std::string& method, Format format) {
  Row row;
  row["source"] = s.source;
  row["reliability"] = std::round(s.reliability * 10000) / 10000;
  row["claims"] = s.claims;
  row["agreed"] = s.agreed;
  if (format == Format::json) row["copies"] = s.copies;
  else row["copies"] = list_text(s.copies);
  row["method"] = method;
  return row;
}

Row history_row(const HistoryEntry& h) {
  Row row;
  row["record"] = h.record;
  row["recorded"] = h.recorded_at;
  row["event"] = h.event;
  row["id"] = h.id;
  row["by"] = h.by;
  row["detail"] = h.detail;
  return row;
}

}  // namespace claimdb::cli
