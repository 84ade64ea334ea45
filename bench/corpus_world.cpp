// The fixed part of the corpus: places and sources, and how claims are
// spread over events.
#include "corpus_model.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace claimdb::bench {
namespace {

// Stream ids, so that different uses of the seed never share a stream.
enum Stream : std::uint64_t { pair_spread = 1, village = 2, source = 3 };

std::string slug(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  return out;
}

int find_place(const std::vector<Place>& places, const char* id) {
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (places[i].id == id) return static_cast<int>(i);
  }
  throw std::logic_error(std::string("corpus table: unknown place ") + id);
}

int find_source(const std::vector<SourceInfo>& sources, const char* id) {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].id == id) return static_cast<int>(i);
  }
  throw std::logic_error(std::string("corpus table: unknown source ") + id);
}

int country_row_of(const char* place_id) {
  for (std::size_t i = 0; i < country_rows.size(); ++i) {
    if (std::strcmp(country_rows[i].id, place_id) == 0) return static_cast<int>(i);
  }
  return -1;
}

std::string authority_name(int country, const std::string& region) {
  switch (country) {
    case 0: return region + " Military Administration";
    case 1: return "Governor of " + region;
    case 2: return region + " Voivode";
    default: return region + " Prefecture";
  }
}

}  // namespace

int World::property_index(const char* id) {
  for (std::size_t i = 0; i < property_rows.size(); ++i) {
    if (std::strcmp(property_rows[i].id, id) == 0) return static_cast<int>(i);
  }
  throw std::logic_error(std::string("corpus table: unknown property ") + id);
}

int World::opponent_of(int country) {
  return country_row_of(country_rows[static_cast<std::size_t>(country)].opponent);
}

World::World(const CorpusOptions& opts) : options(opts) {
  if (options.claims < 0) throw std::invalid_argument("--claims must not be negative");
  if (!(options.conflict_share >= 0 && options.conflict_share <= 1)) {
    throw std::invalid_argument("--conflict-share must be between 0 and 1");
  }
  event_count = options.claims == 0 ? 0 : std::max<std::int64_t>(1, options.claims / 20);
  if (event_count > 0) {
    claims_base = options.claims / event_count;
    claims_extra = options.claims % event_count;
  }

  // Sources from the tables; regional authorities follow the places below.
  for (const SourceRow& row : core_sources) {
    sources.push_back({row.id, row.name, row.kind, row.affiliation, row.description});
  }
  for (const CountryRow& row : country_rows) {
    speakers.push_back({find_source(sources, row.military),
                        find_source(sources, row.general_staff),
                        find_source(sources, row.emergency), find_source(sources, row.energy),
                        find_source(sources, row.leadership)});
  }

  // Places from the table: a row with children is a region (or a country).
  for (const PlaceRow& row : place_rows) {
    Place place;
    place.id = row.id;
    place.name = row.name;
    place.alias = row.alias;
    place.parent = row.parent ? find_place(places, row.parent) : -1;
    places.push_back(std::move(place));
  }
  for (std::size_t i = 0; i < places.size(); ++i) {
    Place& place = places[i];
    bool has_children = std::any_of(places.begin(), places.end(), [&](const Place& other) {
      return other.parent == static_cast<int>(i);
    });
    place.level = place.parent < 0 ? 0 : has_children ? 1 : 2;
    int top = static_cast<int>(i);
    while (places[static_cast<std::size_t>(top)].parent >= 0) {
      top = places[static_cast<std::size_t>(top)].parent;
    }
    place.country = country_row_of(places[static_cast<std::size_t>(top)].id.c_str());
  }
  country_place.resize(country_rows.size());
  for (std::size_t c = 0; c < country_rows.size(); ++c) {
    country_place[c] = find_place(places, country_rows[c].id);
  }
  // Regional authorities: one per region of a country with events.
  for (Place& place : places) {
    if (place.level != 1 || place.country < 0) continue;
    place.authority = static_cast<int>(sources.size());
    const CountryRow& country = country_rows[static_cast<std::size_t>(place.country)];
    sources.push_back({place.id + "-admin", authority_name(place.country, place.name),
                       "government", country.side, nullptr});
  }
  const int kyiv_admin = find_source(sources, "kyiv-city-admin");
  for (Place& place : places) {
    if (place.level != 2 || place.country < 0) continue;
    const Place& parent = places[static_cast<std::size_t>(place.parent)];
    if (parent.level == 1) {
      place.authority = parent.authority;
    } else {
      place.authority = place.id == "kyiv"
                            ? kyiv_admin
                            : speakers[static_cast<std::size_t>(place.country)][2];
    }
  }

  // Villages, so that large corpora do not pile every event on a few cities.
  std::vector<int> ukrainian_regions;
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (places[i].level == 1 && places[i].country == 0) {
      ukrainian_regions.push_back(static_cast<int>(i));
    }
  }
  const std::int64_t village_count = options.claims / 1000;
  for (std::int64_t k = 0; k < village_count; ++k) {
    Rng rng(stream_seed(options.seed, Stream::village, static_cast<std::uint64_t>(k)));
    std::string name = rng.pick(village_prefixes);
    std::string stem = rng.pick(village_stems);
    if (name.back() == ' ') stem[0] = static_cast<char>(stem[0] - 'a' + 'A');
    name += stem;
    Place place;
    place.id = slug(name) + "-" + std::to_string(k + 1);
    place.name = std::move(name);
    place.parent = ukrainian_regions[rng.below(ukrainian_regions.size())];
    place.level = 2;
    place.country = 0;
    place.authority = places[static_cast<std::size_t>(place.parent)].authority;
    places.push_back(std::move(place));
  }
  cities_by_country.resize(country_rows.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (places[i].level == 2 && places[i].country >= 0) {
      cities_by_country[static_cast<std::size_t>(places[i].country)].push_back(
          static_cast<int>(i));
    }
  }

  // Generated sources: outlets, journalists and analysts, monitors.
  const std::int64_t fixed = static_cast<std::int64_t>(sources.size());
  const std::int64_t generated = std::max<std::int64_t>(12, options.claims / 200 - fixed);
  side_outlets.resize(country_rows.size());
  for (std::int64_t k = 0; k < generated; ++k) {
    Rng rng(stream_seed(options.seed, Stream::source, static_cast<std::uint64_t>(k)));
    // The first few are fixed so that every pool has members.
    static constexpr int first_kinds[] = {0, 0, 0, 0, 1, 2, 3, 4};
    int what;
    if (k < static_cast<std::int64_t>(std::size(first_kinds))) {
      what = first_kinds[k];
    } else {
      double r = rng.unit();
      what = r < 0.52 ? 0 : r < 0.62 ? 1 : r < 0.70 ? 2 : r < 0.72 ? 5 : r < 0.92 ? 3 : 4;
    }
    SourceInfo info;
    const int index = static_cast<int>(sources.size());
    if (what <= 2 || what == 5) {  // outlets: independent, Russian, Ukrainian, Polish
      info.name = std::string(rng.pick(outlet_prefixes)) + " " + rng.pick(outlet_nouns);
      info.kind = "outlet";
      int side = what == 1 ? 1 : what == 2 ? 0 : what == 5 ? 2 : -1;
      info.affiliation = side < 0 ? "independent" : country_rows[static_cast<std::size_t>(side)].side;
      if (side < 0) {
        outlets.push_back(index);
      } else {
        side_outlets[static_cast<std::size_t>(side)].push_back(index);
        info.description = "State-aligned media";
      }
    } else if (what == 3) {
      info.name = std::string(rng.pick(first_names)) + " " + rng.pick(last_names);
      info.kind = "person";
      info.affiliation = "independent";
      static constexpr const char* roles[] = {"Journalist", "Military analyst",
                                              "War correspondent", "Blogger"};
      info.description = rng.pick(roles);
      commentators.push_back(index);
    } else {
      static constexpr const char* suffixes[] = {"Civil Monitor", "Rights Group", "Watch",
                                                 "Conflict Observatory"};
      info.name = std::string(rng.pick(outlet_prefixes)) + " " + rng.pick(suffixes);
      info.kind = "organisation";
      info.affiliation = "ngo";
      commentators.push_back(index);
    }
    info.id = slug(info.name) + "-" + std::to_string(k + 1);
    sources.push_back(std::move(info));
  }
  for (const char* id : {"un-monitoring-mission", "civilian-harm-monitor",
                         "open-source-analysts", "energy-watch"}) {
    commentators.push_back(find_source(sources, id));
  }
  for (auto& aligned : side_outlets) {
    if (aligned.empty()) aligned = outlets;
  }
}

std::int64_t World::first_claim(std::int64_t event) const {
  std::int64_t start = event * claims_base + std::min(event, claims_extra);
  if (event % 2 == 1) {
    Rng rng(stream_seed(options.seed, Stream::pair_spread, static_cast<std::uint64_t>(event / 2)));
    start += static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(claims_base / 2 + 1)));
  }
  return start;
}

std::int64_t World::claim_count(std::int64_t event) const {
  std::int64_t count = claims_base + (event < claims_extra ? 1 : 0);
  // Events pair up: one gets d more claims, its partner d fewer, so the total
  // stays exact while the sizes vary. The last event of an odd count is alone.
  bool paired = (event % 2 == 1) || (event + 1 < event_count);
  if (paired) {
    Rng rng(stream_seed(options.seed, Stream::pair_spread, static_cast<std::uint64_t>(event / 2)));
    auto spread = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(claims_base / 2 + 1)));
    count += event % 2 == 0 ? spread : -spread;
  }
  return count;
}

}  // namespace claimdb::bench
