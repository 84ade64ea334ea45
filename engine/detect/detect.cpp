// The public detection API: detect_all, list_conflicts, explain_pair.
#include <claimdb/detect.hpp>

#include "detect/detector.hpp"
#include "detect/explain.hpp"
#include "storage/read_snapshot.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <optional>

namespace claimdb {

namespace {

// Listing and explaining only read; the store's cached statements need a
// non-const handle.
detail::Store& reading(const Database& db) { return const_cast<detail::Store&>(db.store()); }

const detect::DetectClaim& require_claim(detect::Explainer& explainer, const std::string& id) {
  const detect::DetectClaim* claim = explainer.claim(id);
  if (!claim) throw Error(ErrorCode::not_found, "unknown claim '" + id.substr(0, 80) + "'");
  return *claim;
}

// Hands batches of entities from the reading thread to one worker thread,
// in order, through a bounded queue (so memory stays flat however large the
// database). With one core it runs each entity at once instead.
class EntityPipeline {
 public:
  using Work = std::function<void(std::vector<detail::DetectClaim>&)>;

  explicit EntityPipeline(Work work) : work_(std::move(work)) {
    if (std::thread::hardware_concurrency() > 1) worker_ = std::thread([this] { run(); });
  }
  ~EntityPipeline() {
    if (worker_.joinable()) {
      close();
      worker_.join();
    }
  }
  EntityPipeline(const EntityPipeline&) = delete;
  EntityPipeline& operator=(const EntityPipeline&) = delete;

  // Takes one entity's claims (moved from).
  void push(std::vector<detail::DetectClaim>& claims) {
    if (!worker_.joinable()) return work_(claims);
    filling_.push_back(std::move(claims));
    filled_claims_ += filling_.back().size();
    if (filled_claims_ >= batch_claims) hand_over();
  }

  // Waits for the worker; rethrows what it threw.
  void finish() {
    if (worker_.joinable()) {
      hand_over();
      close();
      worker_.join();
    }
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  static constexpr std::size_t batch_claims = 4096, max_batches = 16;
  using Batch = std::vector<std::vector<detail::DetectClaim>>;

  Work work_;
  std::thread worker_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> queue_;
  bool closed_ = false;
  std::exception_ptr failure_;
  Batch filling_;
  std::size_t filled_claims_ = 0;

  void hand_over() {
    if (filling_.empty()) return;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < max_batches || failure_; });
    if (failure_) {  // the worker stopped: drop the rest, finish() rethrows
      filling_.clear();
    } else {
      queue_.push_back(std::move(filling_));
      changed_.notify_all();
    }
    filling_ = Batch();
    filled_claims_ = 0;
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  void run() {
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
        changed_.notify_all();
      }
      try {
        for (auto& claims : batch) work_(claims);
      } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
        queue_.clear();
        changed_.notify_all();
        return;
      }
    }
  }
};

}  // namespace

DetectSummary detect_all(Database& db) {
  const auto start = std::chrono::steady_clock::now();
  detail::Store& store = db.store();
  DetectSummary summary;
  store.begin();
  try {
    store.detect_bulk_cache(true);
    detect::Lookup lookup(store);
    lookup.explain = false;  // links store kind and severity; listings explain
    const detect::AnalystLinks analyst(store);
    // Every link is kept in memory (24 bytes each) and written at the end
    // in key order: appending to the table's B-tree instead of inserting at
    // random places.
    std::vector<detail::DetectLink> links;
    std::vector<detail::UncomparedClaim> notes;
    lookup.preload();
    {
      // This thread reads the claims from SQLite; a second one runs the rules
      // on each entity's claims as they arrive (the lookup asks the store
      // nothing after preload, and only that thread touches the links, the
      // notes and the summary). Entities are compared in the order they are
      // read, so the result does not depend on the timing.
      EntityPipeline pipeline([&](std::vector<detail::DetectClaim>& claims) {
        detect::detect_entity(store, lookup, claims, summary, &analyst, &links, &notes);
      });
      store.each_detect_entity([&](std::vector<detail::DetectClaim>& claims) { pipeline.push(claims); });
      pipeline.finish();
    }
    summary.removed = store.replace_detector_links(links);
    store.replace_uncompared(notes);
    store.commit();
    store.detect_bulk_cache(false);
  } catch (const Error&) {
    store.rollback();
    store.detect_bulk_cache(false);
    throw;
  } catch (const std::exception& e) {
    store.rollback();
    store.detect_bulk_cache(false);
    detail::rethrow_sqlite(e, "conflict detection failed");
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

std::vector<Conflict> list_conflicts(const Database& db, const ConflictFilter& filter) {
  detail::Store& store = reading(db);
  detail::StoredLinkFilter query;
  query.entity = filter.entity;
  query.property = filter.property;
  query.source = filter.source;
  query.kind = filter.kind;
  query.min_severity = filter.min_severity;
  query.include_non_conflicts = filter.include_non_conflicts;
  std::vector<Conflict> out;
  try {
    detail::ReadSnapshot snapshot(store);
    // A filter naming nothing is a mistake to report, not an empty answer.
    auto known = [](bool found, const char* kind, const std::string& id, const char* field) {
      if (!found)
        throw Error(ErrorCode::not_found, std::string("unknown ") + kind + " '" + id.substr(0, 80) + "'",
                    Location{.field = field});
    };
    if (!filter.entity.empty()) known(store.entity_id(filter.entity).has_value(), "entity", filter.entity, "entity");
    if (!filter.property.empty())
      known(store.property_id(filter.property).has_value(), "property", filter.property, "property");
    if (!filter.source.empty()) known(store.source_id(filter.source).has_value(), "source", filter.source, "source");
    detect::Explainer explainer(store);
    detect::Lookup& lookup = explainer.lookup();
    for (const auto& link : store.conflict_links(query)) {
      const detect::DetectClaim* a = explainer.claim(link.from);
      const detect::DetectClaim* b = explainer.claim(link.to);
      if (!a || !b || a->superseded || a->retracted || b->superseded || b->retracted) continue;
      Conflict c;
      c.a = a->slug;
      c.b = b->slug;
      c.kind = link.kind;
      c.origin = link.origin;
      c.entity = lookup.place_name(a->entity);
      c.property = lookup.property(a->property).slug;
      c.property_b = lookup.property(b->property).slug;
      c.claimant_a = lookup.source_name(a->claimant);
      c.claimant_b = lookup.source_name(b->claimant);
      c.phrase_a = a->phrase;
      c.phrase_b = b->phrase;
      c.interval_a = a->interval;
      c.interval_b = b->interval;
      c.unit_a = a->unit;
      c.unit_b = b->unit;
      const detect::Verdict v = explainer.explain(*a, *b);
      if (link.origin == "detector") {
        // Derived by the rules that made the link; the stored kind and
        // severity are what the listing filtered on.
        c.relation = v.relation;
        c.severity = link.severity.value_or(0);
        c.explanation = v.explanation;
      } else {
        // An analyst's link: the detector's own reading of the pair, when it
        // agrees, then the analyst's words.
        const bool agrees = v.kind == link.kind;
        c.relation = agrees ? v.relation : "analyst";
        c.severity = agrees ? v.severity.value_or(0) : 0;
        c.explanation = (agrees ? v.explanation + "; " : std::string()) + "analyst " + link.origin +
                        ": " + link.rationale;
        if (filter.min_severity > 0 && c.severity < filter.min_severity) continue;
      }
      out.push_back(std::move(c));
    }
    // The claims detection could not compare, after the links: one row per
    // claim, against the first claim of its group it met.
    const bool notes = filter.kind.empty() ? filter.include_non_conflicts : filter.kind == "uncompared";
    if (notes && filter.min_severity <= 0)
      for (const auto& note : store.uncompared(query)) {
        const detect::DetectClaim* a = explainer.claim(note.claim);
        const detect::DetectClaim* b = note.other ? explainer.claim(note.other) : nullptr;
        if (!a || a->superseded || a->retracted) continue;
        Conflict c;
        c.a = a->slug;
        c.kind = "uncompared";
        c.relation = detail::uncompared_reason_name(note.reason);
        c.origin = "detector";
        c.entity = lookup.place_name(a->entity);
        c.property = c.property_b = lookup.property(a->property).slug;
        c.claimant_a = lookup.source_name(a->claimant);
        c.phrase_a = a->phrase;
        c.interval_a = a->interval;
        c.unit_a = a->unit;
        if (b) {
          c.b = b->slug;
          c.claimant_b = lookup.source_name(b->claimant);
          c.phrase_b = b->phrase;
          c.interval_b = b->interval;
          c.unit_b = b->unit;
          if (note.reason != 4) c.explanation = explainer.explain(*a, *b).explanation;
        }
        const std::string others = note.count == 1 ? std::string("1 claim") : std::to_string(note.count) + " claims";
        c.explanation += (c.explanation.empty() ? "" : "; ") + c.a + " was not compared with " + others +
                         " of its group (" + c.relation + ")";
        if (note.reason == 4)
          c.explanation += ": in a group this large each claim is compared with the " +
                           std::to_string(detect::group_window) + " claims recorded before and after it";
        out.push_back(std::move(c));
      }
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, "cannot list conflicts");
  }
  return out;
}

Relation explain_pair(const Database& db, const std::string& a, const std::string& b) {
  detail::Store& store = reading(db);
  try {
    detect::Explainer explainer(store);
    const detect::DetectClaim& first = require_claim(explainer, a);
    const detect::DetectClaim& second = require_claim(explainer, b);
    const detect::Verdict v = explainer.explain(first, second);
    Relation r;
    r.a = a;
    r.b = b;
    r.comparable = v.comparable;
    r.kind = !v.kind.empty() ? v.kind : v.comparable ? "compatible" : "not comparable";
    r.relation = v.relation;
    r.severity = v.severity.value_or(0);
    r.explanation = v.explanation;
    return r;
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    detail::rethrow_sqlite(e, "cannot explain the pair");
  }
}

}  // namespace claimdb
