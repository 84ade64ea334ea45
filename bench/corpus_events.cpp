// Events: what happened (the plan) and what was said about it (the drafts).
#include "corpus_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace claimdb::bench {
namespace {

enum Stream : std::uint64_t { event_plan = 10 };

constexpr std::size_t speaker_slot(Speaker speaker) {
  return static_cast<std::size_t>(speaker);
}

// Property indices of each event kind, resolved once.
const std::vector<std::vector<int>>& kind_properties() {
  static const std::vector<std::vector<int>> table = [] {
    std::vector<std::vector<int>> out;
    for (const EventKindRow& kind : event_kind_rows) {
      std::vector<int> ids;
      for (const char* id : kind.properties) ids.push_back(World::property_index(id));
      out.push_back(std::move(ids));
    }
    return out;
  }();
  return table;
}

bool disputable(const PropertyRow& property) {
  std::string_view type = property.value_type;
  if (type == "text") return false;
  if (type == "category") return !property.multi_valued;
  return true;
}

// True figures of one event. Skewed like real ones: most attacks are small,
// a few are huge; most strikes kill no one or a few.
void draw_facts(Rng& rng, const EventKindRow& kind, std::vector<double>& facts) {
  // Property ids in the order the figures are drawn, resolved once.
  static constexpr const char* ids[] = {
      "drones_launched", "drones_intercepted", "missiles_launched", "missiles_intercepted",
      "deaths", "injured", "buildings_damaged", "evacuated", "homes_without_heat_share",
      "people_without_power", "front_line_advance", "area_captured", "settlements_captured",
      "strike_target"};
  static const std::vector<int> index = [] {
    std::vector<int> out;
    for (const char* id : ids) out.push_back(World::property_index(id));
    return out;
  }();
  const bool incident = std::strcmp(kind.slug, "airspace-incident") == 0;
  const double drones = incident ? static_cast<double>(rng.between(1, 25))
                                 : std::round(std::exp(rng.uniform(std::log(8.0), std::log(750.0))));
  const double missiles = static_cast<double>(rng.between(2, 90));
  const double r = rng.unit();
  const double deaths = r < 0.35 ? 0
                        : r < 0.8 ? static_cast<double>(rng.between(1, 6))
                                  : static_cast<double>(rng.between(7, 45));
  const double values[] = {
      drones,
      std::round(drones * rng.uniform(0.6, 0.97)),
      missiles,
      std::round(missiles * rng.uniform(0.3, 0.9)),
      deaths,
      deaths * static_cast<double>(rng.between(1, 4)) + static_cast<double>(rng.between(0, 25)),
      static_cast<double>(rng.between(1, 140)),
      static_cast<double>(rng.between(10, 3000)),
      static_cast<double>(rng.between(5, 85)),
      static_cast<double>(rng.between(20, 2500) * 1000),
      static_cast<double>(rng.between(2, 50)) / 2,
      static_cast<double>(rng.between(2, 150)),
      static_cast<double>(rng.between(1, 8)),
      static_cast<double>(rng.below(strike_targets.size())),
  };
  facts.assign(property_rows.size(), 0);
  for (std::size_t i = 0; i < std::size(values); ++i) {
    facts[static_cast<std::size_t>(index[i])] = values[i];
  }
}

void plan_reports(const World& world, Rng& rng, EventPlan& plan) {
  const int count = static_cast<int>(
      std::max<std::int64_t>(2, (plan.claim_count + static_cast<std::int64_t>(rng.below(5))) / 5));
  const auto& speakers = world.speakers[static_cast<std::size_t>(plan.country)];
  const std::string_view kind = event_kind_rows[static_cast<std::size_t>(plan.kind)].slug;
  const int opponent = World::opponent_of(plan.country);
  plan.reports.resize(static_cast<std::size_t>(count));
  std::int64_t when = plan.time + rng.between(1 * hour, 6 * hour);
  for (int j = 0; j < count; ++j) {
    ReportDraft& report = plan.reports[static_cast<std::size_t>(j)];
    report = ReportDraft{};
    if (j == 0) {  // the official statement comes first
      report.publisher = kind == "offensive" ? speakers[speaker_slot(Speaker::general_staff)]
                         : kind == "shelling"
                             ? world.places[static_cast<std::size_t>(plan.city)].authority
                             : speakers[speaker_slot(Speaker::military)];
    } else {
      when += rng.between(10 * minute, 8 * hour);
      double r = rng.unit();
      if (r < 0.2) {
        const auto& aligned = world.side_outlets[static_cast<std::size_t>(opponent)];
        report.publisher = aligned[rng.below(aligned.size())];
        report.aligned_with_opponent = true;
      } else if (r < 0.3) {
        const auto& aligned = world.side_outlets[static_cast<std::size_t>(plan.country)];
        report.publisher = aligned[rng.below(aligned.size())];
      } else {
        // An outlet not yet covering this event, if one turns up quickly.
        for (int attempt = 0; attempt < 3; ++attempt) {
          report.publisher = world.outlets[rng.below(world.outlets.size())];
          bool taken = false;
          for (int k = 1; k < j; ++k) {
            taken |= plan.reports[static_cast<std::size_t>(k)].publisher == report.publisher;
          }
          if (!taken) break;
        }
      }
      double c = rng.unit();
      if (c < 0.35) {
        report.cites_event = plan.number;
        report.cites_number = 0;
      } else if (c < 0.45 && j > 1) {
        report.cites_event = plan.number;
        report.cites_number = static_cast<int>(rng.between(1, j - 1));
      } else if (c < 0.48 && plan.number > 0) {
        report.cites_event = plan.number - 1;
        report.cites_number = 0;
      }
    }
    report.published_at = when;
    report.headline = static_cast<int>(rng.below(headlines.size()));
    report.body = rng.chance(0.3) ? static_cast<int>(rng.below(report_bodies.size())) : -1;
  }
}

void plan_groups(const World& world, Rng& rng, EventPlan& plan) {
  std::vector<int> order = kind_properties()[static_cast<std::size_t>(plan.kind)];
  for (std::size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[rng.below(i)]);
  }
  plan.groups.clear();
  std::int64_t left = plan.claim_count;
  for (int property : order) {
    if (left == 0) break;
    // Two draws, keep the smaller: most disputes are small, a few are large.
    auto size = static_cast<std::int64_t>(2 + std::min(rng.below(9), rng.below(9)));
    if (size > left) size = left;
    if (left - size == 1) ++size;
    left -= size;
    const PropertyRow& row = property_rows[static_cast<std::size_t>(property)];
    GroupPlan group;
    group.property = property;
    group.size = static_cast<int>(size);
    group.scoped = row.scoped && plan.facts[static_cast<std::size_t>(property)] >= 2 &&
                   rng.chance(0.35);
    group.conflict = disputable(row) && size >= 2 && rng.chance(world.options.conflict_share);
    plan.groups.push_back(group);
  }
  // More claims than the kind has properties: grow the groups in turn.
  for (std::size_t i = 0; left > 0; i = (i + 1) % plan.groups.size(), --left) {
    ++plan.groups[i].size;
  }
}

}  // namespace

void plan_event(const World& world, std::int64_t event, EventPlan& plan) {
  Rng rng(stream_seed(world.options.seed, Stream::event_plan, static_cast<std::uint64_t>(event)));
  plan.number = event;
  plan.first_claim = world.first_claim(event);
  plan.claim_count = world.claim_count(event);

  double r = rng.unit();
  plan.country = static_cast<int>(country_rows.size()) - 1;
  for (std::size_t c = 0; c < country_rows.size(); ++c) {
    if (r < country_rows[c].event_weight) {
      plan.country = static_cast<int>(c);
      break;
    }
    r -= country_rows[c].event_weight;
  }
  const int incident = static_cast<int>(event_kind_rows.size()) - 1;  // airspace incident
  if (plan.country >= 2) {
    plan.kind = incident;
  } else {
    double total = 0;
    for (int k = 0; k < incident; ++k) total += event_kind_rows[static_cast<std::size_t>(k)].weight;
    double pick = rng.unit() * total;
    plan.kind = incident - 1;
    for (int k = 0; k < incident; ++k) {
      double weight = event_kind_rows[static_cast<std::size_t>(k)].weight;
      if (pick < weight) {
        plan.kind = k;
        break;
      }
      pick -= weight;
    }
  }
  const auto& cities = world.cities_by_country[static_cast<std::size_t>(plan.country)];
  plan.city = cities[rng.below(cities.size())];

  const std::int64_t span = corpus_end - corpus_start;
  const std::int64_t slot = std::max<std::int64_t>(1, span / std::max<std::int64_t>(1, world.event_count));
  plan.time = corpus_start + event * span / std::max<std::int64_t>(1, world.event_count) +
              static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(slot)));

  const EventKindRow& kind = event_kind_rows[static_cast<std::size_t>(plan.kind)];
  const Place& city = world.places[static_cast<std::size_t>(plan.city)];
  char date[16];
  std::string_view date_text(date, format_date(date, plan.time));
  plan.id.assign(city.id).append("-").append(kind.slug).append("-").append(date_text);
  plan.id.append("-").append(std::to_string(event + 1));
  plan.name.assign(kind.label).append(" ").append(city.name).append(", ").append(date_text);

  draw_facts(rng, kind, plan.facts);
  plan_reports(world, rng, plan);
  plan_groups(world, rng, plan);
}

}  // namespace claimdb::bench
