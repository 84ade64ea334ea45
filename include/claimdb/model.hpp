// claimdb/model.hpp: the records claimdb stores.
//
// Plain value types with public fields. Ids are the stable strings chosen by
// the user ("zelensky", "kyiv-strike-2025-12"); references between records use
// those ids. Times are ISO 8601 text in canonical form: "YYYY-MM-DD" for a
// date, "YYYY-MM-DDTHH:MM:SSZ" for an instant (converted to UTC on input).
// An empty string means "not given".
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace claimdb {

// What a claim is about: an event, place, organisation or person.
struct Entity {
  std::string id;                    // stable slug, e.g. "kyiv-strike-2025-12"
  std::string name;                  // human-readable name
  std::string kind;                  // free text: "event", "place", "organisation", ...
  std::vector<std::string> aliases;  // other names, kept in the given order
  std::string part_of;               // id of the enclosing entity (a place inside a place), or ""
  std::string description;           // optional free text
  std::string recorded_at;           // set by the database when empty
};

// Who asserts: a person, an organisation, an outlet, a government body.
struct Source {
  std::string id;           // stable slug, e.g. "zelensky"
  std::string name;         // human-readable name
  std::string kind;         // "person", "organisation", "outlet", "government", ...
  std::string affiliation;  // the side it belongs to, e.g. "ukraine-gov", or ""
  std::string language;     // BCP 47 tag its words are usually in ("uk", "de-CH"), or ""
  std::string description;  // optional free text
  std::string recorded_at;  // set by the database when empty
};

// Where a claim appeared.
struct Report {
  std::string id;            // stable slug
  std::string publisher;     // id of the publishing source, or ""
  std::string title;         // headline or title
  std::string url;           // where it can be read, or ""
  std::string published_at;  // publication time, or ""
  std::string cites;         // id of a report this one cites, or ""
  std::string text;          // optional body text (indexed for search)
  std::string language;      // BCP 47 tag of its text ("fr", "de-CH"), or "": its publisher's, else en
  std::string recorded_at;   // set by the database when empty
};

// The kind of value a property takes.
enum class ValueType { quantity, category, boolean, text };
const char* to_string(ValueType type) noexcept;

// A declared relation between two properties of the same entity and scope,
// e.g. drones_intercepted <= drones_launched.
struct Constraint {
  std::string relation;  // one of "<=", "<", ">=", ">", "="
  std::string other;     // id of the other property
};

// What is said about an entity.
struct Property {
  std::string id;                       // stable slug, e.g. "drones_launched"
  ValueType value_type = ValueType::quantity;  // how values are read and compared
  std::string unit;                     // default unit for quantities, e.g. "drone", or ""
  bool multi_valued = false;            // false: one true value at a time (single-valued)
  bool cumulative = false;              // a running total that may only rise over as_of time
  std::vector<Constraint> constraints;  // relations to other properties
  std::string description;              // optional free text
  std::string recorded_at;              // set by the database when empty
};

// A quantity as an interval [lo, hi] with open or closed ends. An absent end
// is unbounded. A point value has lo == hi and both ends closed.
struct Interval {
  std::optional<double> lo;  // lower bound, or unbounded below
  std::optional<double> hi;  // upper bound, or unbounded above
  bool lo_open = false;      // true: lo itself is excluded
  bool hi_open = false;      // true: hi itself is excluded
};

// A claim's value. Which members matter depends on the property's value type:
// quantity: phrase (as said), interval (when known) and unit;
// category and text: phrase holds the value; boolean: phrase is "true"/"false".
struct Value {
  std::string phrase;               // the value as said, e.g. "nearly 200"
  std::optional<Interval> interval;  // quantity only: how the phrase was read
  std::string unit;                 // quantity only: unit after reading, e.g. "drone"
};

// Whether a claim asserts or denies its value.
enum class Polarity { asserts, denies };

// One assertion by a claimant about an entity's property.
struct Claim {
  std::string id;            // stable slug
  std::string claimant;      // id of the original speaker (a source)
  std::string report;        // id of the report it was seen in, or ""
  std::string entity;        // id of the entity it is about
  std::string property;      // id of the property
  Value value;               // what is claimed
  Polarity polarity = Polarity::asserts;
  std::string quote;         // the verbatim words, or ""
  std::string place;         // scope: id of a place entity, or "" for unscoped
  std::string valid_from;    // scope: start of the time window the value holds for, or ""
  std::string valid_to;      // scope: end of that window, or ""
  std::string as_of;         // for running totals: the time the figure was current, or ""
  std::string said_at;       // when the claimant said it, or ""
  std::string published_at;  // when the report published it, or ""
  std::string recorded_at;   // when it entered the database; set by the database when empty
  std::string supersedes;    // id of an earlier claim this one corrects, or ""
  std::string correction_reason;  // why it supersedes, or ""
};

// An edge between two claims.
struct Link {
  std::string id;          // stable slug; generated ("link-N") when empty
  std::string from;        // claim id
  std::string to;          // claim id
  std::string kind;        // "supports", "contradicts", "refines", "repeats", ...
  std::string origin;      // "detector", or the analyst's name
  std::string rationale;   // why the link holds, or ""
  std::string created_at;  // when the link was made; set by the database when empty
  std::string recorded_at; // set by the database when empty
};

// A fact-checker's verdict on a claim (compatible with schema.org ClaimReview).
struct Review {
  std::string id;           // stable slug; generated ("review-N") when empty
  std::string claim;        // id of the reviewed claim
  std::string rating;       // e.g. "false", "mostly-true", "misleading"
  std::string reviewer;     // who reviewed (person or organisation name)
  std::string reviewed_at;  // date of the review, or ""
  std::string url;          // where the review is published, or ""
  std::string explanation;  // the reasoning, or ""
  std::string recorded_at;  // set by the database when empty
};

// A recorded withdrawal of a claim. The claim itself stays.
struct Retraction {
  std::string claim;         // id of the retracted claim
  std::string reason;        // why it was withdrawn
  std::string retracted_by;  // id of the source that withdrew it, or ""
  std::string retracted_at;  // when, or ""
  std::string recorded_at;   // set by the database when empty
};

// A change to descriptive fields of a recorded source, entity, property or
// report. The record itself stays as first recorded; its current value of a
// field is that of the latest amendment setting it. Which fields a kind
// takes: source: name, kind, affiliation, description; entity: name, kind,
// aliases, description; property: description; report: title, url,
// published_at, text. An absent field is unchanged; "" clears an optional one.
struct Amendment {
  std::string record;  // "source", "entity", "property" or "report"
  std::string id;      // the amended record's id
  std::optional<std::string> name, kind, affiliation, description;
  std::optional<std::string> title, url, published_at, text;
  std::optional<std::string> language;  // source or report: a BCP 47 tag ("" clears it)
  std::optional<std::vector<std::string>> aliases;  // entity: the new aliases, in order
  std::string reason;       // why (required)
  std::string recorded_at;  // set by the database when empty
};

// Everything in a database (or in one import document), in a stable order.
// Sources, entities, properties and reports are as first recorded; their
// amendments follow, oldest first.
struct Dataset {
  std::vector<Source> sources;
  std::vector<Report> reports;
  std::vector<Entity> entities;
  std::vector<Property> properties;
  std::vector<Claim> claims;
  std::vector<Link> links;
  std::vector<Review> reviews;
  std::vector<Retraction> retractions;
  std::vector<Amendment> amendments;
};

}  // namespace claimdb
