// claimdb/write.hpp: recording, correcting and reviewing claims one at a time,
// as a fact-checker does (what `claimdb add`, `correct`, `retract`, `review`,
// `link`, `amend` and `history` call).
//
// Each call is one transaction: it validates, records, recomputes the
// detector's links of the (entity, property) groups it touched, and commits;
// on any error nothing changes. Nothing is overwritten: a correction is a new
// claim that supersedes the old one, an amendment a new version of a record's
// descriptive fields (see Amendment in <claimdb/model.hpp>).
#pragma once

#include <claimdb/database.hpp>
#include <claimdb/detect.hpp>
#include <claimdb/model.hpp>
#include <claimdb/quantity.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace claimdb {

// What one write recorded.
struct WriteResult {
  std::string kind;  // "source", "entity", "property", "report", "claim", "review", "link",
                     // "retraction", "amendment"
  std::string id;    // the new record's id (a retraction or amendment: the claim or record's)
  std::string record;  // an amendment: the amended record's kind (source, entity, ...)
  // Records made on the way (add claim with create_missing): (kind, id).
  std::vector<std::pair<std::string, std::string>> created;
  // A claim: the conflicts it now takes part in (contradictions), explained.
  std::vector<Conflict> conflicts;
  // A claim: what the quantity reader assumed (a vague phrase's rule, an
  // ambiguous separator, a phrase that carries almost no information), and
  // why its value cannot be compared with the other claims of its group.
  std::vector<std::string> warnings;
};

struct AddOptions {
  // Create an unknown claimant (a source), entity or property instead of
  // refusing it. A created property's value type follows the value: a
  // quantity when the phrase reads as one, boolean for true/false, else a
  // category. Default: false.
  bool create_missing = false;
};

// A readable id made from text, unique among the records of a kind
// ("source", "entity", "property", "report", "claim"): lower-case letters
// and digits joined by '-' ('_' for properties), "-2", "-3", ... appended
// when taken.
std::string make_id(const Database& db, std::string_view kind, std::string_view text);

// Adding. An empty id is made with make_id from the name (source, entity),
// the name given as id (property), the title (report), or the claimant and
// property (claim).
WriteResult add_source(Database& db, Source source);
WriteResult add_entity(Database& db, Entity entity);
WriteResult add_property(Database& db, Property property);
WriteResult add_report(Database& db, Report report);
WriteResult add_claim(Database& db, Claim claim, const AddOptions& options = {});

// A correction of a claim's value: a new claim, a copy of the old one with
// the new value (and quote, when given), that supersedes it.
struct Correction {
  std::string claim;   // the claim corrected; must be current (not retracted, not superseded)
  std::string value;   // the corrected value, as said
  std::string reason;  // why (required)
  std::string quote;   // the correction's own words, or "" to keep the old quote
  std::string id;      // the new claim's id, or "" to make one
};
WriteResult correct_claim(Database& db, const Correction& correction);

// Retracting (a claim not already retracted), reviewing and linking claims.
WriteResult retract_claim(Database& db, const Retraction& retraction);
WriteResult review_claim(Database& db, const Review& review);
// kind: supports, contradicts, refines or repeats; origin "" is "analyst".
WriteResult link_claims(Database& db, const Link& link);
WriteResult amend_record(Database& db, const Amendment& amendment);

// What the quantity reader assumed reading a claim's phrase (`reading` as
// QuantityReader::read gave it): the rule of a vague phrase, a separator
// that could be read the other way, a phrase that carries almost no
// information. One sentence each, naming the claim.
std::vector<std::string> reading_warnings(const std::string& claim, const QuantityReading& reading);

// The link kinds link_claims takes.
const std::vector<std::string>& analyst_link_kinds();
// The fields an amendment of a record kind may set.
std::vector<std::string> amendable_fields(std::string_view record);

// One entry of a record's history.
struct HistoryEntry {
  std::string record;       // the kind of the record whose history it is
  std::string recorded_at;  // when the database learnt it
  std::string event;        // recorded, amended; for a claim also supersedes,
                            // superseded by, retracted, reviewed, a link kind
  std::string id;           // the other record concerned (correction, review, linked claim)
  std::string by;           // who, when known
  std::string detail;       // the values, what changed and why
};
// The versions of a source, entity, property or report (as recorded, then
// each amendment with its reason), or a claim's corrections, retraction,
// reviews and links, in time order. An id used by records of several kinds
// gives the history of each. Throws Error(not_found) for an unknown id.
std::vector<HistoryEntry> record_history(const Database& db, const std::string& id);

// A record at its current values as a JSON object in the export format
// (docs/json-format.md). kind: source, entity, property, report, claim,
// review, link. Throws Error(not_found).
std::string record_json(const Database& db, std::string_view kind, const std::string& id);

}  // namespace claimdb
