// Serialising the corpus: record order, JSON shapes, times.
#include "corpus.hpp"

#include "corpus_model.hpp"
#include "json_lines.hpp"

#include <cmath>
#include <cstring>

namespace claimdb::bench {
namespace {

enum Stream : std::uint64_t { annotation_pick = 12, annotation = 13 };

void two_digits(char* out, std::int64_t value) {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
}

// Civil date from days since 1970-01-01 (proleptic Gregorian).
void civil_from_days(std::int64_t days, std::int64_t& year, std::int64_t& month,
                     std::int64_t& day_of_month) {
  days += 719468;  // shift the epoch to 0000-03-01
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
  day_of_month = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
}

std::size_t write_date(char* out, std::int64_t seconds) {
  std::int64_t days = seconds / day - (seconds % day < 0 ? 1 : 0);
  std::int64_t year, month, day_of_month;
  civil_from_days(days, year, month, day_of_month);
  two_digits(out, year / 100);
  two_digits(out + 2, year % 100);
  out[4] = '-';
  two_digits(out + 5, month);
  out[7] = '-';
  two_digits(out + 8, day_of_month);
  return 10;
}

}  // namespace

std::size_t format_date(char* out, std::int64_t utc_seconds) {
  return write_date(out, utc_seconds);
}

std::size_t format_instant(char* out, std::int64_t utc_seconds, bool local) {
  const std::int64_t seconds = utc_seconds + (local ? 2 * hour : 0);
  write_date(out, seconds);
  std::int64_t of_day = seconds % day;
  if (of_day < 0) of_day += day;
  out[10] = 'T';
  two_digits(out + 11, of_day / hour);
  out[13] = ':';
  two_digits(out + 14, of_day % hour / minute);
  out[16] = ':';
  two_digits(out + 17, of_day % minute);
  if (!local) {
    out[19] = 'Z';
    return 20;
  }
  std::memcpy(out + 19, "+02:00", 6);
  return 25;
}

namespace {

class CorpusWriter {
 public:
  CorpusWriter(const CorpusOptions& options, std::FILE* out) : world_(options), out_(out) {}

  CorpusCounts run() {
    out_.begin("header");
    out_.field("format", "claimdb");
    out_.field("version", std::int64_t{1});
    out_.end();
    write_sources();
    write_places();
    write_properties();
    for_each_event([&] { write_event(); });
    for_each_event([&] { write_reports(); });
    for_each_event([&] {
      draft_claims(world_, plan_, drafts_);
      for (const ClaimDraft& claim : drafts_) write_claim(claim);
      counts_.groups += static_cast<std::int64_t>(plan_.groups.size());
      for (const GroupPlan& group : plan_.groups) counts_.conflict_groups += group.conflict;
      if (world_.options.self_check) {
        counts_.broken_groups += count_broken_groups(world_, plan_, drafts_);
      }
    });
    for_each_annotated_event([&] { write_links(); });
    for_each_annotated_event([&] { write_reviews(); });
    for_each_annotated_event([&] { write_retractions(); });
    out_.flush();
    counts_.lines = out_.lines();
    counts_.bytes = out_.bytes();
    return counts_;
  }

 private:
  template <typename Action>
  void for_each_event(Action action) {
    for (std::int64_t e = 0; e < world_.event_count; ++e) {
      plan_event(world_, e, plan_);
      action();
    }
  }
  // About one event in 35 gets analyst links and fact-checks.
  template <typename Action>
  void for_each_annotated_event(Action action) {
    for (std::int64_t e = 0; e < world_.event_count; ++e) {
      Rng rng(stream_seed(world_.options.seed, Stream::annotation_pick, static_cast<std::uint64_t>(e)));
      if (e != 0 && !rng.chance(1.0 / 35)) continue;
      plan_event(world_, e, plan_);
      draft_claims(world_, plan_, drafts_);
      action();
    }
  }

  // ---- the fixed records ---------------------------------------------------

  void write_sources() {
    for (const SourceInfo& source : world_.sources) {
      out_.begin("source");
      out_.field("id", source.id);
      out_.field("name", source.name);
      out_.field("kind", source.kind);
      out_.field("affiliation", source.affiliation);
      if (source.description) out_.field("description", source.description);
      out_.end();
      ++counts_.sources;
    }
  }

  void write_places() {
    static constexpr const char* levels[] = {"Country", "Region", "City"};
    for (const Place& place : world_.places) {
      out_.begin("entity");
      out_.field("id", place.id);
      out_.field("name", place.name);
      out_.field("kind", "place");
      if (place.alias) {
        out_.key_prefix("aliases");
        out_.raw("[");
        out_.string(place.alias);
        out_.raw("]");
      }
      if (place.parent >= 0) {
        out_.field("part_of", world_.places[static_cast<std::size_t>(place.parent)].id);
      }
      out_.field("description", levels[place.level]);
      out_.end();
      ++counts_.entities;
    }
  }

  void write_properties() {
    for (const PropertyRow& property : property_rows) {
      out_.begin("property");
      out_.field("id", property.id);
      out_.field("value_type", property.value_type);
      if (property.unit) out_.field("unit", property.unit);
      out_.field("cardinality", property.multi_valued ? "multi" : "single");
      if (property.cumulative) out_.field("cumulative", true);
      if (property.at_most) {
        out_.key_prefix("constraints");
        out_.raw("[{\"relation\":\"<=\",\"other\":");
        out_.string(property.at_most);
        out_.raw("}]");
      }
      out_.field("description", property.description);
      out_.end();
      ++counts_.properties;
    }
  }

  // ---- events and reports --------------------------------------------------

  void write_event() {
    out_.begin("entity");
    out_.field("id", plan_.id);
    out_.field("name", plan_.name);
    out_.field("kind", "event");
    out_.end();
    ++counts_.entities;
  }

  // Expands "%p" (the city) and "%k" (the kind of event) in a pattern.
  void expand(const char* pattern, std::string& out) const {
    const EventKindRow& kind = event_kind_rows[static_cast<std::size_t>(plan_.kind)];
    out.clear();
    for (const char* c = pattern; *c; ++c) {
      if (c[0] == '%' && c[1] == 'p') {
        out += world_.places[static_cast<std::size_t>(plan_.city)].name;
        ++c;
      } else if (c[0] == '%' && c[1] == 'k') {
        std::size_t at = out.size();
        out += kind.label;
        if (at > 0) out[at] = static_cast<char>(out[at] - 'A' + 'a');
        ++c;
      } else {
        out.push_back(*c);
      }
    }
  }

  void write_reports() {
    for (std::size_t j = 0; j < plan_.reports.size(); ++j) {
      const ReportDraft& report = plan_.reports[j];
      const std::string& publisher = world_.sources[static_cast<std::size_t>(report.publisher)].id;
      out_.begin("report");
      out_.field_id("id", "r", plan_.number + 1, static_cast<std::int64_t>(j));
      expand(headlines[static_cast<std::size_t>(report.headline)], text_);
      out_.field("title", text_);
      out_.field("publisher", publisher);
      char date[16];
      format_date(date, report.published_at);
      date[4] = date[7] = '/';
      text_.assign("https://").append(publisher).append(".example/").append(date, 10);
      text_.append("/").append(plan_.id).append("-").append(std::to_string(j));
      out_.field("url", text_);
      write_time("published_at", report.published_at, false);
      if (report.cites_event >= 0) {
        out_.field_id("cites", "r", report.cites_event + 1, report.cites_number);
      }
      if (report.body >= 0) {
        expand(report_bodies[static_cast<std::size_t>(report.body)], text_);
        out_.field("text", text_);
      }
      out_.end();
      ++counts_.reports;
    }
  }

  // ---- claims --------------------------------------------------------------

  void write_time(std::string_view key, std::int64_t seconds, bool local) {
    std::size_t length = format_instant(time_, seconds, local);
    out_.field(key, std::string_view(time_, length));
  }
  void write_date_field(std::string_view key, std::int64_t seconds) {
    std::size_t length = format_date(time_, seconds);
    out_.field(key, std::string_view(time_, length));
  }

  void write_bound(double value) {
    if (std::isinf(value)) {
      out_.raw("null");
    } else {
      out_.number(value);
    }
  }

  void write_value(const ClaimDraft& claim) {
    out_.key_prefix("value");
    switch (claim.form) {
      case ValueForm::phrase:
      case ValueForm::text:
        out_.string(claim.phrase.text);
        return;
      case ValueForm::boolean:
        out_.raw(claim.boolean ? "true" : "false");
        return;
      case ValueForm::number:
        if (claim.phrase.point == std::floor(claim.phrase.point)) {
          out_.number(static_cast<std::int64_t>(claim.phrase.point));
        } else {
          out_.number(claim.phrase.point);
        }
        return;
      case ValueForm::interval: {
        const Reading& reading = claim.phrase.reading;
        out_.raw("{\"phrase\":");
        out_.string(claim.phrase.text);
        out_.raw(",\"lo\":");
        write_bound(reading.lo);
        out_.raw(",\"hi\":");
        write_bound(reading.hi);
        out_.raw(reading.lo_open ? ",\"lo_open\":true" : ",\"lo_open\":false");
        out_.raw(reading.hi_open ? ",\"hi_open\":true}" : ",\"hi_open\":false}");
        return;
      }
    }
  }

  void write_claim(const ClaimDraft& claim) {
    const GroupPlan& group = plan_.groups[static_cast<std::size_t>(claim.group)];
    const PropertyRow& property = property_rows[static_cast<std::size_t>(group.property)];
    out_.begin("claim");
    out_.field_id("id", "c", claim.number + 1);
    out_.field("claimant", *claim.claimant);
    out_.field("entity", plan_.id);
    out_.field("property", property.id);
    write_value(claim);
    if (claim.give_unit && property.unit) out_.field("unit", property.unit);
    if (claim.denies) out_.field("polarity", "denies");
    if (claim.report >= 0) out_.field_id("report", "r", plan_.number + 1, claim.report);
    out_.field("quote", claim.quote);
    if (claim.place) out_.field("place", *claim.place);
    if (claim.valid_from) write_date_field("valid_from", claim.valid_from);
    if (claim.valid_to) write_date_field("valid_to", claim.valid_to);
    if (claim.as_of) write_time("as_of", claim.as_of, claim.local_times);
    if (claim.said_at) write_time("said_at", claim.said_at, claim.local_times);
    if (claim.published_at) write_time("published_at", claim.published_at, claim.local_times);
    if (claim.supersedes >= 0) {
      out_.field_id("supersedes", "c", claim.supersedes + 1);
      out_.field("correction_reason", "Figure revised after the count was verified");
    }
    out_.end();
    ++counts_.claims;
  }

  // ---- analyst links, fact-checks, retractions -----------------------------

  // The first claim of a role in group g, or nullptr.
  const ClaimDraft* find(std::size_t g, ClaimRole role) const {
    for (const ClaimDraft& claim : drafts_) {
      if (static_cast<std::size_t>(claim.group) == g && claim.role == role) return &claim;
    }
    return nullptr;
  }

  void write_link(int& serial, const ClaimDraft& from, const ClaimDraft& to, const char* kind,
                  const char* rationale, Rng& rng) {
    out_.begin("link");
    out_.field_id("id", "l", plan_.number + 1, serial++);
    out_.field_id("from", "c", from.number + 1);
    out_.field_id("to", "c", to.number + 1);
    out_.field("kind", kind);
    out_.field("origin", rng.pick(analysts));
    out_.field("rationale", rationale);
    write_time("created_at", plan_.time + rng.between(day, 5 * day), false);
    out_.end();
    ++counts_.links;
  }

  void write_links() {
    Rng rng(stream_seed(world_.options.seed, Stream::annotation, static_cast<std::uint64_t>(plan_.number), 1));
    int serial = 0;
    for (std::size_t g = 0; g < plan_.groups.size() && serial < 4; ++g) {
      const ClaimDraft* original = find(g, ClaimRole::original);
      if (!original) continue;
      if (const ClaimDraft* conflict = find(g, ClaimRole::conflict)) {
        write_link(serial, *conflict, *original, "contradicts",
                   "The two accounts cannot both hold for the same night.", rng);
      }
      if (const ClaimDraft* echo = find(g, ClaimRole::echo); echo && echo->echo_of == original->number) {
        write_link(serial, *echo, *original, "repeats",
                   "Same official figure, relayed by another outlet.", rng);
      }
      if (const ClaimDraft* other = find(g, ClaimRole::independent); other && rng.chance(0.5)) {
        write_link(serial, *other, *original, "supports",
                   "An independent count agrees with the official figure.", rng);
      }
    }
  }

  void write_review(int& serial, const ClaimDraft& claim, const char* rating,
                    const char* explanation, Rng& rng) {
    out_.begin("review");
    out_.field_id("id", "rv", plan_.number + 1, serial++);
    out_.field_id("claim", "c", claim.number + 1);
    out_.field("rating", rating);
    const char* reviewer = rng.pick(fact_checkers);
    out_.field("reviewer", reviewer);
    write_date_field("reviewed_at", plan_.time + rng.between(2 * day, 9 * day));
    text_.assign("https://factcheck.example/").append(plan_.id).append("/");
    text_.append(std::to_string(claim.number + 1));
    out_.field("url", text_);
    out_.field("explanation", explanation);
    out_.end();
    ++counts_.reviews;
  }

  void write_reviews() {
    Rng rng(stream_seed(world_.options.seed, Stream::annotation, static_cast<std::uint64_t>(plan_.number), 2));
    int serial = 0;
    for (std::size_t g = 0; g < plan_.groups.size() && serial < 2; ++g) {
      if (const ClaimDraft* conflict = find(g, ClaimRole::conflict)) {
        write_review(serial, *conflict, rng.chance(0.6) ? "false" : "misleading",
                     "Satellite images and local reports contradict the figure.", rng);
      } else if (const ClaimDraft* original = find(g, ClaimRole::original); original && rng.chance(0.3)) {
        write_review(serial, *original, rng.chance(0.7) ? "mostly-true" : "true",
                     "Consistent with independent counts and debris photographed on site.", rng);
      }
    }
  }

  void write_retractions() {
    Rng rng(stream_seed(world_.options.seed, Stream::annotation, static_cast<std::uint64_t>(plan_.number), 3));
    if (!rng.chance(0.2)) return;
    for (const ClaimDraft& claim : drafts_) {
      if (claim.role != ClaimRole::echo || claim.report < 0) continue;
      const ReportDraft& report = plan_.reports[static_cast<std::size_t>(claim.report)];
      out_.begin("retraction");
      out_.field_id("claim", "c", claim.number + 1);
      out_.field("reason", "The outlet withdrew the figure after the official count was corrected.");
      out_.field("retracted_by", world_.sources[static_cast<std::size_t>(report.publisher)].id);
      write_time("retracted_at", report.published_at + rng.between(hour, 2 * day), false);
      out_.end();
      ++counts_.retractions;
      return;
    }
  }

  World world_;
  JsonLineWriter out_;
  EventPlan plan_;
  std::vector<ClaimDraft> drafts_;
  CorpusCounts counts_;
  std::string text_;  // scratch for titles, URLs, bodies
  char time_[40] = {};
};

}  // namespace

CorpusCounts write_corpus(const CorpusOptions& options, std::FILE* out) {
  return CorpusWriter(options, out).run();
}

}  // namespace claimdb::bench
