// bench/corpus_model.hpp: internal to the corpus generator.
//
// The world (places and sources, built once, small) and the per-event plan
// and claim drafts (rebuilt for each event from a seed derived from the event
// number, so any event can be regenerated alone: reports are written in one
// pass, claims in a second, analyst links and reviews in a third, without
// keeping anything per event in memory).
#pragma once

#include "corpus.hpp"
#include "corpus_tables.hpp"
#include "phrases.hpp"
#include "rng.hpp"

#include <array>
#include <string>
#include <vector>

namespace claimdb::bench {

// First and last instants events fall between (UTC seconds since 1970).
inline constexpr std::int64_t corpus_start = 1645660800;  // 2022-02-24T00:00:00Z
inline constexpr std::int64_t corpus_end = 1767139200;    // 2025-12-31T00:00:00Z
inline constexpr std::int64_t minute = 60, hour = 3600, day = 86400;

// Writes "YYYY-MM-DDTHH:MM:SSZ", or with a +02:00 offset when local is true
// (the same instant in Kyiv winter time); returns the length.
std::size_t format_instant(char* out, std::int64_t utc_seconds, bool local);
// Writes "YYYY-MM-DD"; returns the length.
std::size_t format_date(char* out, std::int64_t utc_seconds);

struct Place {
  std::string id;
  std::string name;
  const char* alias = nullptr;
  int parent = -1;   // index of the enclosing place, -1 for a country
  int country = 0;   // index into country_rows, or -1 for countries without events
  int level = 0;     // 0 country, 1 region, 2 city or village
  int authority = -1;  // source index of the regional authority (cities, regions)
};

struct SourceInfo {
  std::string id;
  std::string name;
  const char* kind = "";
  const char* affiliation = "";
  const char* description = nullptr;
};

// Everything the corpus refers to that is not an event: built once.
struct World {
  World(const CorpusOptions& options);

  CorpusOptions options;
  std::int64_t event_count = 0;  // events in the corpus
  std::int64_t claims_base = 0;  // claims per event before the pairwise spread
  std::int64_t claims_extra = 0; // the first claims_extra events get one more

  std::vector<Place> places;
  std::vector<int> country_place;                  // country_rows index -> place index
  std::vector<std::vector<int>> cities_by_country; // country_rows index -> city places
  std::vector<SourceInfo> sources;
  std::vector<int> outlets;                        // independent outlets
  std::vector<std::vector<int>> side_outlets;      // country_rows index -> aligned outlets
  std::vector<int> commentators;                   // journalists, analysts, monitors
  // country_rows index -> source index of its military, general staff,
  // emergency service, energy body and leadership (the Speaker order).
  std::vector<std::array<int, 5>> speakers;

  // Index of a property row by id (ids in the tables are known to exist).
  static int property_index(const char* id);
  // country_rows index of the country whose officials dispute this one's.
  static int opponent_of(int country);

  // The claims of event e: where they start and how many there are.
  std::int64_t first_claim(std::int64_t event) const;
  std::int64_t claim_count(std::int64_t event) const;
};

struct ReportDraft {
  int publisher = 0;              // index into World::sources
  std::int64_t published_at = 0;
  std::int64_t cites_event = -1;  // cited report: event and number, or -1
  int cites_number = -1;
  int headline = 0;               // index into headlines
  int body = -1;                  // index into report_bodies, or -1 for none
  bool aligned_with_opponent = false;  // published by the opponent's media
};

struct GroupPlan {
  int property = 0;       // index into property_rows
  int size = 0;           // claims in the group
  bool scoped = false;    // city against country figures
  bool conflict = false;  // carries a genuine contradiction
};

// One event and what is said about it.
struct EventPlan {
  std::int64_t number = 0;
  std::int64_t first_claim = 0;
  std::int64_t claim_count = 0;
  int kind = 0;       // index into event_kind_rows
  int city = 0;       // index into World::places
  int country = 0;    // index into country_rows
  std::int64_t time = 0;
  std::string id;
  std::string name;
  std::vector<ReportDraft> reports;
  std::vector<GroupPlan> groups;
  std::vector<double> facts;  // true value per property_rows index
};

// How a claim's value is written.
enum class ValueForm { phrase, number, interval, text, boolean };

// The roles claims play in a group, for analyst links and reviews.
enum class ClaimRole { original, echo, independent, correction, update, conflict };

struct ClaimDraft {
  std::int64_t number = 0;     // the claim is "c<number>"
  int group = 0;               // index into EventPlan::groups
  ClaimRole role = ClaimRole::original;
  std::int64_t echo_of = -1;   // claim number repeated, for echoes
  const std::string* claimant = nullptr;
  int report = -1;             // report number within the event, or -1
  ValueForm form = ValueForm::phrase;
  Phrase phrase;               // quantity value, category or text in phrase.text
  bool boolean = true;
  bool denies = false;
  bool give_unit = false;      // write the property's unit explicitly
  std::string quote;
  const std::string* place = nullptr;  // scope, or nullptr
  std::int64_t valid_from = 0, valid_to = 0;  // dates (0: none)
  std::int64_t as_of = 0, said_at = 0, published_at = 0;
  bool local_times = false;
  std::int64_t supersedes = -1;
};

// Fills plan for event e (reports, groups, facts).
void plan_event(const World& world, std::int64_t event, EventPlan& plan);
// Fills drafts with the claims of a planned event.
void draft_claims(const World& world, const EventPlan& plan,
                  std::vector<ClaimDraft>& drafts);

// Groups of a drafted event that break the generator's promise: consistent
// claims that cannot all hold, or a conflict group without a contradiction.
std::int64_t count_broken_groups(const World& world, const EventPlan& plan,
                                 const std::vector<ClaimDraft>& drafts);

}  // namespace claimdb::bench
