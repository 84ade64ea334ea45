// bench/corpus_tables.hpp: the fixed vocabulary the corpus is drawn from.
//
// Places, official bodies, properties, event kinds, and the words quotes and
// headlines are made of. Everything the generator writes comes from these
// tables or from numbers, so the corpus reads like wire copy about a war of
// drone and missile strikes, and full-text search finds words like "heating",
// "energy" and "drones". The data is synthetic: no figure describes a real
// event.
#pragma once

#include "phrases.hpp"

#include <span>

namespace claimdb::bench {

// A place; the rows are ordered countries, regions, cities so that part_of
// always points at an earlier row.
struct PlaceRow {
  const char* id;      // slug, e.g. "kharkiv"
  const char* name;    // display name
  const char* parent;  // enclosing place id, nullptr for a country
  const char* alias;   // another name (local spelling, former name) or nullptr
};
extern const std::span<const PlaceRow> place_rows;

// Who speaks for a country, by the kind of figure.
struct CountryRow {
  const char* id;            // place id of the country
  const char* adjective;     // "Ukrainian"
  const char* side;          // affiliation of its official bodies
  const char* opponent;      // the country whose officials dispute its figures
  const char* military;      // air force / defence ministry: drones, missiles
  const char* general_staff; // front-line figures
  const char* emergency;     // rescuers: casualties, damage
  const char* energy;        // energy ministry or grid operator
  const char* leadership;    // head of state's office: statements
  double event_weight;       // share of events on its territory
};
extern const std::span<const CountryRow> country_rows;

// A source that is not generated: official bodies and a few monitors.
struct SourceRow {
  const char* id;
  const char* name;
  const char* kind;         // "government", "organisation", "outlet", "person"
  const char* affiliation;  // side
  const char* description;  // or nullptr
};
extern const std::span<const SourceRow> core_sources;

// Who, on a country's side, first states a property's figure.
enum class Speaker { military, general_staff, emergency, energy, leadership, regional };

// How claims on a property behave in the corpus.
struct PropertyRow {
  const char* id;
  const char* value_type;   // "quantity", "category", "boolean", "text"
  const char* unit;         // default unit, or nullptr
  bool multi_valued;        // cardinality "multi"
  bool cumulative;          // running total over as_of
  const char* at_most;      // id of the property this one may not exceed, or nullptr
  const char* description;
  QuantityStyle style;      // how quantities are worded
  Speaker speaker;          // who states it first
  bool scoped;              // figures are given per city and per country
  std::span<const char* const> quotes;  // "%v" is the value, "%p" the place
};
extern const std::span<const PropertyRow> property_rows;

// A kind of event and what gets said about it.
struct EventKindRow {
  const char* slug;    // part of the event id: "drone-attack"
  const char* label;   // "Drone attack on"
  double weight;       // share of events
  std::span<const char* const> properties;  // property ids
};
extern const std::span<const EventKindRow> event_kind_rows;

// Words.
extern const std::span<const char* const> strike_targets;     // category values
extern const std::span<const char* const> weapon_kinds;       // multi-valued values
extern const std::span<const char* const> statements;         // text values
extern const std::span<const char* const> outlet_prefixes;    // "Eastern", "Dnipro"
extern const std::span<const char* const> outlet_nouns;       // "Herald", "Wire"
extern const std::span<const char* const> first_names;
extern const std::span<const char* const> last_names;
extern const std::span<const char* const> village_prefixes;   // "Novo", "Velyka "
extern const std::span<const char* const> village_stems;      // "selivka"
extern const std::span<const char* const> headlines;          // "%p" the place, "%k" the event
extern const std::span<const char* const> report_bodies;      // "%p", "%k"
extern const std::span<const char* const> fact_checkers;      // review authors
extern const std::span<const char* const> analysts;           // link origins

}  // namespace claimdb::bench
