// What was said about an event: one group of claims per (entity, property).
#include "corpus_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace claimdb::bench {
namespace {

enum Stream : std::uint64_t { event_claims = 11 };

constexpr const char* deny_airspace =
    "No drones entered %p's airspace; these claims are a provocation.";
constexpr const char* deny_civilian =
    "Claims that civilian targets were hit in %p are false; only military facilities "
    "were struck.";
// Targets the other side names instead: strike_targets indices of military sites.
constexpr int military_targets[] = {4, 5, 9, 8};

// Drafts the claims of one group into drafts[first, first + size).
class GroupDrafter {
 public:
  GroupDrafter(const World& world, const EventPlan& plan, int group_index, Rng& rng,
               std::vector<ClaimDraft>& drafts, std::size_t first)
      : world_(world),
        plan_(plan),
        group_(plan.groups[static_cast<std::size_t>(group_index)]),
        group_index_(group_index),
        property_(property_rows[static_cast<std::size_t>(group_.property)]),
        rng_(rng),
        drafts_(drafts),
        first_(first),
        opponent_(World::opponent_of(plan.country)),
        value_(plan.facts[static_cast<std::size_t>(group_.property)]) {}

  void draft() {
    std::string_view type = property_.value_type;
    if (type == "quantity") {
      if (group_.scoped) {
        draft_scoped();
      } else if (property_.cumulative) {
        draft_running_total();
      } else {
        draft_figures();
      }
    } else {
      draft_statements();
    }
  }

 private:
  // ---- who and where -------------------------------------------------------

  int speaker(Speaker who, int country) const {
    if (who == Speaker::regional) {
      return world_.places[static_cast<std::size_t>(plan_.city)].authority;
    }
    return world_.speakers[static_cast<std::size_t>(country)][static_cast<std::size_t>(who)];
  }
  const std::string* source_id(int source) const {
    return &world_.sources[static_cast<std::size_t>(source)].id;
  }
  int independent_voice() {
    double r = rng_.unit();
    if (r < 0.45) return world_.outlets[rng_.below(world_.outlets.size())];
    if (r < 0.85) return world_.commentators[rng_.below(world_.commentators.size())];
    // Another official body of the same side.
    return speaker(static_cast<Speaker>(rng_.below(5)), plan_.country);
  }
  int opponent_voice() {
    if (rng_.chance(0.25)) {
      const auto& aligned = world_.side_outlets[static_cast<std::size_t>(opponent_)];
      return aligned[rng_.below(aligned.size())];
    }
    return speaker(rng_.chance(0.6) ? Speaker::military : Speaker::leadership, opponent_);
  }
  int outlet_report() {
    const int count = static_cast<int>(plan_.reports.size());
    return count > 1 ? static_cast<int>(rng_.between(1, count - 1)) : 0;
  }
  int opponent_report() {
    for (std::size_t j = 1; j < plan_.reports.size(); ++j) {
      if (plan_.reports[j].aligned_with_opponent && rng_.chance(0.7)) return static_cast<int>(j);
    }
    return outlet_report();
  }
  const std::string* place_id(int place) const {
    return &world_.places[static_cast<std::size_t>(place)].id;
  }
  int country_place() const {
    return world_.country_place[static_cast<std::size_t>(plan_.country)];
  }

  // ---- drafts --------------------------------------------------------------

  // Starts the next claim of the group, reusing the draft's buffers.
  ClaimDraft& next(ClaimRole role, int claimant) {
    ClaimDraft& claim = drafts_[first_ + used_];
    claim.number = plan_.first_claim + static_cast<std::int64_t>(first_ + used_);
    ++used_;
    claim.group = group_index_;
    claim.role = role;
    claim.echo_of = -1;
    claim.claimant = source_id(claimant);
    claim.report = -1;
    claim.form = ValueForm::phrase;
    claim.phrase.text.clear();
    claim.phrase.exact = false;
    claim.boolean = true;
    claim.denies = false;
    claim.give_unit = false;
    claim.quote.clear();
    claim.place = nullptr;
    claim.valid_from = claim.valid_to = 0;
    claim.as_of = claim.said_at = claim.published_at = 0;
    claim.local_times = rng_.chance(0.15);
    claim.supersedes = -1;
    if (property_.style == QuantityStyle::length || property_.style == QuantityStyle::area ||
        std::strcmp(property_.id, "settlements_captured") == 0) {
      claim.valid_from = plan_.time - plan_.time % day;
      claim.valid_to = claim.valid_from + 7 * day;
    }
    return claim;
  }
  bool full() const { return used_ >= static_cast<std::size_t>(group_.size); }
  std::size_t position(const ClaimDraft& claim) const {
    return static_cast<std::size_t>(claim.number - plan_.first_claim);
  }

  // Places the claim in report j (or in none), with the times that follow.
  void publish(ClaimDraft& claim, int report) {
    if (report < 0 || rng_.chance(0.04)) {
      claim.said_at = plan_.time + rng_.between(1 * hour, 20 * hour);
      return;
    }
    claim.report = report;
    claim.published_at = plan_.reports[static_cast<std::size_t>(report)].published_at;
    claim.said_at = claim.published_at - rng_.between(5 * minute, 90 * minute);
  }

  // A repeat of claim `original` through another outlet's report, published
  // after the claimant spoke.
  void echo(std::size_t original) {
    ClaimDraft& claim = drafts_[first_ + used_];
    const std::int64_t number = plan_.first_claim + static_cast<std::int64_t>(first_ + used_);
    ++used_;
    claim = drafts_[original];
    claim.number = number;
    claim.role = ClaimRole::echo;
    claim.echo_of = drafts_[original].number;
    claim.supersedes = -1;
    const std::int64_t said = drafts_[original].said_at;
    int later = 0;  // reports by outlets published after the statement
    for (std::size_t j = 1; j < plan_.reports.size(); ++j) {
      later += plan_.reports[j].published_at >= said && static_cast<int>(j) != claim.report;
    }
    if (later == 0) {  // seen only in a post or broadcast, no report on file
      claim.report = -1;
      claim.published_at = said + rng_.between(30 * minute, 6 * hour);
      return;
    }
    auto pick = static_cast<int>(rng_.below(static_cast<std::uint64_t>(later)));
    for (std::size_t j = 1; j < plan_.reports.size(); ++j) {
      if (plan_.reports[j].published_at < said || static_cast<int>(j) == drafts_[original].report) {
        continue;
      }
      if (pick-- == 0) {
        claim.report = static_cast<int>(j);
        claim.published_at = plan_.reports[j].published_at;
        return;
      }
    }
  }

  // Sets a quantity value: the phrase, how it is written, the quote.
  void set_quantity(ClaimDraft& claim, const Phrase& phrase, const std::string* place) {
    claim.phrase = phrase;
    claim.place = place;
    if (phrase.exact && rng_.chance(0.55)) {
      claim.form = ValueForm::number;
    } else if (rng_.chance(0.03)) {
      claim.form = ValueForm::interval;
    } else {
      claim.form = ValueForm::phrase;
    }
    claim.give_unit = rng_.chance(0.1);
    write_quote(claim, rng_.pick(property_.quotes), phrase.text, phrase.noun);
  }

  // Fills the quote from a pattern: "%v" the value, "%p" the place. `noun`
  // fixes the grammar when the value stands before a noun.
  void write_quote(ClaimDraft& claim, const char* pattern, std::string_view value,
                   Phrase::Noun noun = Phrase::Noun::direct) {
    const Place& where = world_.places[static_cast<std::size_t>(
        claim.place == place_id(country_place()) ? country_place() : plan_.city)];
    claim.quote.clear();
    for (const char* c = pattern; *c; ++c) {
      if (c[0] == '%' && c[1] == 'v') {
        claim.quote += value;
        ++c;
        const bool of_next = std::strncmp(c + 1, " of ", 4) == 0;
        const bool noun_next = c[1] == ' ' && c[2] >= 'a' && c[2] <= 'z';
        if (noun == Phrase::Noun::with_of && noun_next && !of_next) claim.quote += " of";
        if (noun == Phrase::Noun::without_of && of_next) c += 3;
      } else if (c[0] == '%' && c[1] == 'p') {
        claim.quote += where.name;
        ++c;
      } else {
        claim.quote.push_back(*c);
      }
    }
    if (!claim.quote.empty() && claim.quote[0] >= 'a' && claim.quote[0] <= 'z') {
      claim.quote[0] = static_cast<char>(claim.quote[0] - 'a' + 'A');
    }
  }

  // Which side of the true value a conflicting figure falls on.
  enum class Side { either, below, above };

  // A figure the other side (or a monitor) gives that cannot be squared with
  // the true value v: its interval lies outside v's guard band.
  void conflicting_quantity(ClaimDraft& claim, double v, const std::string* place,
                            Side side = Side::either) {
    const QuantityStyle style = property_.style;
    // Shares cannot go far above a large value, so they always go below.
    bool below = v >= 3 && (style == QuantityStyle::share ? v >= 8 : rng_.chance(0.7));
    if (side != Side::either) below = side == Side::below && v >= 3;
    double w;
    if (below) {
      w = std::round(v * rng_.uniform(0.1, 0.5));
    } else {
      w = std::round(v * rng_.uniform(2.0, 4.0)) + static_cast<double>(rng_.between(2, 5));
      if (style == QuantityStyle::share) w = std::min(w, 100.0);
    }
    if (style == QuantityStyle::large) {
      w = std::round(w / 1000) * 1000;
      if (below && w >= guard_lo(v)) w = 0;
    }
    Phrase phrase;
    if (!say_conflicting(rng_, style, w, v, phrase)) {
      // Rounding pulled the figure into the band: push it clear.
      w = below ? 0 : std::ceil(guard_hi(v)) + 1;
      say_conflicting(rng_, style, w, v, phrase);
    }
    set_quantity(claim, phrase, place);
  }

  // ---- quantity groups -----------------------------------------------------

  // Plain figures: an official figure, its echoes, independent estimates,
  // perhaps a correction, and in a conflict group the other side's figure.
  void draft_figures() {
    const Latitude latitude = group_.conflict ? Latitude::tight : Latitude::loose;
    const int official = speaker(property_.speaker, plan_.country);
    int conflicts = group_.conflict ? (group_.size >= 5 ? 2 : 1) : 0;
    Phrase phrase;

    ClaimDraft& first = next(ClaimRole::original, official);
    say_value(rng_, property_.style, value_, latitude, phrase);
    set_quantity(first, phrase, nullptr);
    publish(first, plan_.reports[0].publisher == official ? 0 : outlet_report());
    const std::size_t original = position(first);
    bool corrected = false;
    std::size_t conflict_claim = 0;

    while (!full()) {
      const int remaining = group_.size - static_cast<int>(used_);
      if (conflicts > 0 && (remaining <= conflicts || rng_.chance(0.3))) {
        if (conflict_claim != 0 && rng_.chance(0.7)) {
          echo(conflict_claim);
        } else {
          draft_figure_conflict(conflict_claim);
        }
        --conflicts;
        continue;
      }
      double r = rng_.unit();
      if (r < 0.42) {
        echo(original);
      } else if (r < 0.48 && !corrected) {
        corrected = true;
        ClaimDraft& fix = next(ClaimRole::correction, official);
        Phrase fixed;
        say_value(rng_, property_.style, value_, Latitude::tight, fixed);
        set_quantity(fix, fixed, nullptr);
        publish(fix, outlet_report());
        fix.supersedes = drafts_[original].number;
        if (fix.said_at < drafts_[original].said_at) fix.said_at = drafts_[original].said_at + hour;
        if (fix.published_at != 0 && fix.published_at < fix.said_at) fix.published_at = fix.said_at;
      } else {
        ClaimDraft& other = next(ClaimRole::independent, independent_voice());
        say_value(rng_, property_.style, value_, latitude, phrase);
        set_quantity(other, phrase, nullptr);
        publish(other, outlet_report());
      }
    }
  }

  void draft_figure_conflict(std::size_t& conflict_claim) {
    std::string_view id = property_.id;
    const bool interception = id == "drones_intercepted" || id == "missiles_intercepted";
    if (interception) {
      // State media inflating the air defence's success beyond the launch
      // count: breaks the declared constraint against the launched figure.
      const auto& aligned = world_.side_outlets[static_cast<std::size_t>(plan_.country)];
      ClaimDraft& claim = next(ClaimRole::conflict, aligned[rng_.below(aligned.size())]);
      const double launched = plan_.facts[static_cast<std::size_t>(
          World::property_index(property_.at_most))];
      double w = std::round(launched * rng_.uniform(1.3, 2.0)) + 2;
      Phrase phrase;
      if (!say_conflicting(rng_, property_.style, w, launched, phrase)) {
        say_conflicting(rng_, property_.style, std::ceil(guard_hi(launched)) + 2, launched, phrase);
      }
      set_quantity(claim, phrase, nullptr);
      publish(claim, outlet_report());
      conflict_claim = first_ + used_ - 1;
      return;
    }
    ClaimDraft& claim = next(ClaimRole::conflict, opponent_voice());
    conflicting_quantity(claim, value_, nullptr);
    publish(claim, opponent_report());
    conflict_claim = first_ + used_ - 1;
  }

  // A running total: the same body updates it as counting goes on, each
  // update repeated by outlets; a conflict is a much lower (or, from a
  // monitor, much higher) figure for the same as_of time.
  void draft_running_total() {
    const int official = speaker(property_.speaker, plan_.country);
    const int conflicts = group_.conflict ? 1 : 0;
    const int report_count = static_cast<int>(plan_.reports.size());
    // One update per report at most, so that each is published after the last.
    const int updates = std::max(1, std::min({group_.size - conflicts, report_count,
                                              static_cast<int>(rng_.between(2, 4))}));
    const Latitude latitude = group_.conflict ? Latitude::tight : Latitude::loose;
    Phrase phrase;
    double previous = 0;
    std::size_t last_update = 0;
    std::int64_t final_as_of = 0;
    for (int i = 0; i < updates; ++i) {
      double figure = value_;
      if (i + 1 < updates) {
        figure = std::round(value_ * (i + 1) / updates * rng_.uniform(0.7, 1.0));
      }
      figure = std::max(figure, previous);
      previous = figure;
      ClaimDraft& update = next(i == 0 ? ClaimRole::original : ClaimRole::update, official);
      // The last update must hold the true value tightly in a conflict group.
      say_value(rng_, property_.style, figure, i + 1 == updates ? latitude : Latitude::loose,
                phrase);
      set_quantity(update, phrase, nullptr);
      update.report = i;
      update.published_at = plan_.reports[static_cast<std::size_t>(i)].published_at;
      // Reports are at least ten minutes apart: each count is newer than the last.
      update.as_of = update.published_at - rng_.between(5 * minute, 60 * minute);
      if (i > 0) update.as_of = std::max(update.as_of, final_as_of + 5 * minute);
      update.said_at = std::min(update.as_of + 5 * minute, update.published_at);
      last_update = position(update);
      final_as_of = update.as_of;
    }
    bool conflict_done = conflicts == 0;
    while (!full()) {
      const int remaining = group_.size - static_cast<int>(used_);
      if (!conflict_done && (remaining == 1 || rng_.chance(0.3))) {
        conflict_done = true;
        const bool lower = value_ >= 3;
        ClaimDraft& claim =
            next(ClaimRole::conflict,
                 lower ? opponent_voice()
                       : world_.commentators[rng_.below(world_.commentators.size())]);
        conflicting_quantity(claim, value_, nullptr, lower ? Side::below : Side::above);
        publish(claim, lower ? opponent_report() : report_count - 1);
        claim.as_of = final_as_of;
        if (claim.said_at < final_as_of) claim.said_at = final_as_of + 10 * minute;
        if (claim.published_at != 0 && claim.published_at < claim.said_at) {
          claim.published_at = claim.said_at;
        }
        continue;
      }
      if (rng_.chance(0.5)) {
        // Repeat one of the updates, most often the latest.
        std::size_t which = rng_.chance(0.6) ? last_update
                                             : first_ + static_cast<std::size_t>(rng_.below(
                                                            static_cast<std::uint64_t>(updates)));
        echo(which);
      } else {
        ClaimDraft& other = next(ClaimRole::independent, independent_voice());
        say_value(rng_, property_.style, value_, latitude, phrase);
        set_quantity(other, phrase, nullptr);
        other.report = report_count - 1;
        other.published_at = plan_.reports.back().published_at;
        other.as_of = final_as_of;
        other.said_at = std::max(final_as_of, other.published_at - 30 * minute);
      }
    }
  }

  // City figures against national ones. The city part never exceeds the
  // national whole, except in a conflict group, where a city figure does.
  void draft_scoped() {
    const double whole = value_;
    double part = std::max(1.0, std::round(whole * rng_.uniform(0.3, 0.8)));
    if (property_.style == QuantityStyle::large) part = std::round(part / 1000) * 1000;
    const std::string* country = place_id(country_place());
    const std::string* city = place_id(plan_.city);
    const int national = speaker(rng_.chance(0.5) ? Speaker::leadership : Speaker::emergency,
                                 plan_.country);
    const int regional = world_.places[static_cast<std::size_t>(plan_.city)].authority;
    const Latitude latitude = group_.conflict ? Latitude::tight : Latitude::loose;
    bool conflict_done = !group_.conflict;
    Phrase phrase;

    ClaimDraft& top = next(ClaimRole::original, national);
    say_value(rng_, property_.style, whole, latitude, phrase);
    set_quantity(top, phrase, country);
    publish(top, outlet_report());
    const std::size_t national_claim = position(top);
    // The regional figure, unless a two-claim conflict group needs the slot.
    std::size_t city_claim = national_claim;
    if (!group_.conflict || group_.size >= 3) {
      ClaimDraft& local = next(ClaimRole::independent, regional);
      say_value(rng_, property_.style, part, Latitude::loose, phrase);
      set_quantity(local, phrase, city);
      publish(local, outlet_report());
      city_claim = position(local);
    }

    while (!full()) {
      const int remaining = group_.size - static_cast<int>(used_);
      if (!conflict_done && (remaining == 1 || rng_.chance(0.4))) {
        conflict_done = true;
        // A city figure above the national total.
        ClaimDraft& claim = next(ClaimRole::conflict, rng_.chance(0.5) ? regional : independent_voice());
        conflicting_quantity(claim, whole, city, Side::above);
        publish(claim, outlet_report());
        continue;
      }
      double r = rng_.unit();
      if (r < 0.4) {
        echo(rng_.chance(0.5) ? national_claim : city_claim);
      } else {
        const bool national_figure = rng_.chance(0.5);
        ClaimDraft& other = next(ClaimRole::independent, independent_voice());
        say_value(rng_, property_.style, national_figure ? whole : part,
                  national_figure ? latitude : Latitude::loose, phrase);
        set_quantity(other, phrase, national_figure ? country : city);
        publish(other, outlet_report());
      }
    }
    if (property_.cumulative) {
      // One common "as of" time: the hour before the first statement.
      std::int64_t as_of = drafts_[first_].said_at;
      for (std::size_t i = first_; i < first_ + used_; ++i) {
        as_of = std::min(as_of, drafts_[i].said_at);
      }
      as_of -= as_of % hour;
      for (std::size_t i = first_; i < first_ + used_; ++i) drafts_[i].as_of = as_of;
    }
  }

  // ---- categories, booleans, text -----------------------------------------

  void draft_statements() {
    std::string_view type = property_.value_type;
    const int official = speaker(property_.speaker, plan_.country);
    bool conflict_done = !group_.conflict;
    std::size_t original = 0;
    while (!full()) {
      const bool first = used_ == 0;
      const int remaining = group_.size - static_cast<int>(used_);
      if (!first && !conflict_done && (remaining == 1 || rng_.chance(0.35))) {
        conflict_done = true;
        ClaimDraft& claim = next(ClaimRole::conflict, opponent_voice());
        if (type == "boolean") {
          claim.form = ValueForm::boolean;
          claim.denies = true;
          write_quote(claim,
                      std::strcmp(property_.id, "airspace_violated") == 0 ? deny_airspace
                                                                          : deny_civilian,
                      "");
        } else {
          int target = static_cast<int>(value_);
          int other = rng_.pick(military_targets);
          if (other == target) other = military_targets[0] == target ? military_targets[1]
                                                                     : military_targets[0];
          set_text(claim, strike_targets[static_cast<std::size_t>(other)]);
        }
        publish(claim, opponent_report());
        continue;
      }
      if (!first && rng_.chance(0.4)) {
        echo(original);
        continue;
      }
      ClaimDraft& claim = next(first ? ClaimRole::original : ClaimRole::independent,
                               first ? official : independent_voice());
      if (type == "boolean") {
        claim.form = ValueForm::boolean;
        write_quote(claim, rng_.pick(property_.quotes), "");
      } else if (type == "text") {
        set_text(claim, rng_.pick(statements));
      } else if (property_.multi_valued) {
        set_text(claim, rng_.pick(weapon_kinds));
      } else {
        set_text(claim, strike_targets[static_cast<std::size_t>(value_)]);
      }
      publish(claim, first && plan_.reports[0].publisher == official ? 0 : outlet_report());
      if (first) original = position(claim);
    }
  }

  void set_text(ClaimDraft& claim, const char* text) {
    claim.form = ValueForm::text;
    claim.phrase.text = text;
    write_quote(claim, rng_.pick(property_.quotes), text);
  }

  const World& world_;
  const EventPlan& plan_;
  const GroupPlan& group_;
  int group_index_;
  const PropertyRow& property_;
  Rng& rng_;
  std::vector<ClaimDraft>& drafts_;
  std::size_t first_;     // index of the group's first claim in drafts_
  std::size_t used_ = 0;  // claims drafted so far
  int opponent_;
  double value_;          // the true value (or category index) of the property
};

}  // namespace

void draft_claims(const World& world, const EventPlan& plan, std::vector<ClaimDraft>& drafts) {
  Rng rng(stream_seed(world.options.seed, Stream::event_claims,
                      static_cast<std::uint64_t>(plan.number)));
  drafts.resize(static_cast<std::size_t>(plan.claim_count));
  std::size_t first = 0;
  for (std::size_t g = 0; g < plan.groups.size(); ++g) {
    GroupDrafter(world, plan, static_cast<int>(g), rng, drafts, first).draft();
    first += static_cast<std::size_t>(plan.groups[g].size);
  }
}

}  // namespace claimdb::bench
