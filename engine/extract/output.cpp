// Writing drafts as the JSON format v1, so that they import as they are.
#include <cstdio>
#include <ostream>

#include "claimdb/extract.hpp"
#include "claimdb/io.hpp"
#include "io/records.hpp"

namespace claimdb {

namespace {

std::string confidence_text(double c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", c);
  return buffer;
}

}  // namespace

Review draft_review(const DraftClaim& draft) {
  Review r;
  r.id = draft.claim.id + "-draft";
  r.claim = draft.claim.id;
  r.rating = draft_rating;
  r.reviewer = draft_reviewer;
  std::string text = "Drafted by claimdb extract; confidence " + confidence_text(draft.confidence) +
                     "; quote at characters " + std::to_string(draft.quote_begin) + "-" +
                     std::to_string(draft.quote_end) + ", value at " + std::to_string(draft.value_begin) + "-" +
                     std::to_string(draft.value_end) + " of report " + draft.claim.report + ".";
  for (auto& note : draft.needs_review) text += " Check " + note + ".";
  r.explanation = text;
  return r;
}

void write_extraction_json(const Extraction& x, std::ostream& out) {
  io::OrderedJson doc;
  doc["format"] = "claimdb";
  doc["version"] = json_format_version;
  auto& sources = doc["sources"] = io::OrderedJson::array();
  for (auto& s : x.sources) sources.push_back(io::encode(s));
  auto& entities = doc["entities"] = io::OrderedJson::array();
  for (auto& e : x.entities) entities.push_back(io::encode(e));
  auto& properties = doc["properties"] = io::OrderedJson::array();
  for (auto& p : x.properties) properties.push_back(io::encode(p));
  doc["reports"] = io::OrderedJson::array({io::encode(x.report)});
  auto& claims = doc["claims"] = io::OrderedJson::array();
  auto& reviews = doc["reviews"] = io::OrderedJson::array();
  for (auto& c : x.claims) {
    claims.push_back(io::encode(c.claim, c.value_type));
    reviews.push_back(io::encode(draft_review(c)));
  }
  out << doc.dump(2) << '\n';
}

ExtractSink jsonl_sink(std::ostream& out) {
  ExtractSink sink;
  auto line = [&out](const char* kind, io::OrderedJson j) {
    io::OrderedJson tagged;
    tagged["record"] = kind;
    for (auto& [key, value] : j.items()) tagged[key] = value;
    out << tagged.dump() << '\n';
  };
  sink.source = [line](const Source& s) { line("source", io::encode(s)); };
  sink.entity = [line](const Entity& e) { line("entity", io::encode(e)); };
  sink.property = [line](const Property& p) { line("property", io::encode(p)); };
  sink.report = [line](const Report& r) { line("report", io::encode(r)); };
  sink.claim = [line](const DraftClaim& c) {
    line("claim", io::encode(c.claim, c.value_type));
    line("review", io::encode(draft_review(c)));
  };
  return sink;
}

}  // namespace claimdb
