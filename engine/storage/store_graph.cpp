// What the claim graph (engine/graph) reads: plain rows, ids as slugs.
//
// Each table is read once in row-id order and references are resolved in
// memory by row id (sources, entities, properties and reports first, then the
// claims, whose slugs the links and reviews look up) rather than by a join per
// row. Claims carry their row id as key and links their ends' row ids, so the
// graph resolves link ends without looking up slugs. A scope reads its claims
// through the (entity, property) index and its links through links_from. Rows
// are handed over in stages: everything up to the reviews at once, then the
// links a batch at a time, so the caller can free each batch before the next
// is read.
#include "storage/store.hpp"

#include <claimdb/error.hpp>

#include <algorithm>
#include <set>
#include <functional>
#include <unordered_map>
#include <utility>

namespace claimdb::detail {

namespace {

// Links per batch handed over while reading.
constexpr std::size_t link_batch = 65536;

std::string column_text(SQLite::Statement& q, int index) {
  return q.isColumnNull(index) ? std::string() : q.getColumn(index).getString();
}

RowId column_id(SQLite::Statement& q, int index) {
  return q.isColumnNull(index) ? 0 : q.getColumn(index).getInt64();
}

// Slugs by row id, added in ascending id order: indexed directly when the ids
// are dense (the usual case), else searched.
class Slugs {
 public:
  void add(RowId id, std::string slug) {
    ids_.push_back(id);
    slugs_.push_back(std::move(slug));
  }
  // Call once every slug is added.
  void seal() {
    dense_ = ids_.empty() || ids_.back() - ids_.front() + 1 == static_cast<RowId>(ids_.size());
    first_ = ids_.empty() ? 0 : ids_.front();
  }
  // The slug of a row id, or nullptr.
  const std::string* find(RowId id) const {
    if (dense_) {
      if (id < first_ || id - first_ >= static_cast<RowId>(slugs_.size())) return nullptr;
      return &slugs_[static_cast<std::size_t>(id - first_)];
    }
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || *it != id) return nullptr;
    return &slugs_[static_cast<std::size_t>(it - ids_.begin())];
  }
  std::string slug(RowId id) const {
    const std::string* s = find(id);
    return s ? *s : std::string();
  }

 private:
  std::vector<RowId> ids_;
  std::vector<std::string> slugs_;
  bool dense_ = true;
  RowId first_ = 0;
};

// far in the future when no `as of` is given: every record counts.
std::string recorded_by(const std::string& as_of) {
  return as_of.empty() ? std::string("9999-12-31T23:59:59Z") : as_of;
}

// `as_of` (canonical time, or ""): only what was recorded by then, as the
// query language's `as of` means: claims, retractions, reviews and analyst
// links recorded at or before it. Detector links are derived, not recorded
// facts: those of the current detection run among the claims known then.
void read_graph_rows(Store& store, const std::string& entity, const std::string& as_of,
                     GraphRows& rows, const std::function<void(GraphRows&)>& take) {
  const std::string by = recorded_by(as_of);
  SQLite::Database& db = store.connection();
  RowId scope = 0;
  if (!entity.empty()) {
    auto id = store.entity_id(entity);
    if (!id) throw Error(ErrorCode::not_found, "unknown entity '" + entity + "'");
    scope = *id;
  }

  // A column's claim in scope, as SQL. Two texts rather than one
  // "?1 = 0 OR column IN (...)", which makes SQLite read the whole table.
  auto in_scope = [scope](const char* column) {
    return scope == 0 ? std::string("(?1 = 0)") : std::string(column) + " IN (SELECT id FROM claims WHERE entity = ?1)";
  };

  Slugs sources;
  {
    SQLite::Statement q(db, "SELECT id, slug, name, affiliation FROM sources ORDER BY id");
    while (q.executeStep()) {
      std::string slug = q.getColumn(1).getString();
      sources.add(q.getColumn(0).getInt64(), slug);
      rows.sources.push_back(GraphSource{std::move(slug), column_text(q, 2), column_text(q, 3)});
    }
    sources.seal();
  }

  Slugs reports;
  {
    std::vector<RowId> cites;
    auto add_report = [&](SQLite::Statement& q) {
      std::string slug = q.getColumn(1).getString();
      reports.add(q.getColumn(0).getInt64(), slug);
      rows.reports.push_back(GraphReport{std::move(slug), sources.slug(column_id(q, 2)), "", column_text(q, 4)});
      cites.push_back(column_id(q, 3));
    };
    if (scope == 0) {
      SQLite::Statement q(db, "SELECT id, slug, publisher, cites, published_at FROM reports ORDER BY id");
      while (q.executeStep()) add_report(q);
    } else {
      // One entity's graph needs only the reports its claims appeared in and
      // the chains they cite, not every report of the database.
      std::set<RowId> wanted;
      std::vector<RowId> todo;
      SQLite::Statement of_claims(db, "SELECT DISTINCT report FROM claims WHERE entity = ?1 AND report IS NOT NULL");
      of_claims.bind(1, scope);
      while (of_claims.executeStep()) todo.push_back(of_claims.getColumn(0).getInt64());
      SQLite::Statement cited(db, "SELECT cites FROM reports WHERE id = ?1 AND cites IS NOT NULL");
      while (!todo.empty()) {
        const RowId id = todo.back();
        todo.pop_back();
        if (!wanted.insert(id).second) continue;
        cited.bind(1, id);
        if (cited.executeStep()) todo.push_back(cited.getColumn(0).getInt64());
        cited.reset();
      }
      SQLite::Statement q(db, "SELECT id, slug, publisher, cites, published_at FROM reports WHERE id = ?1");
      for (RowId id : wanted) {
        q.bind(1, id);
        if (q.executeStep()) add_report(q);
        q.reset();
      }
    }
    reports.seal();
    for (std::size_t i = 0; i < cites.size(); ++i) rows.reports[i].cites = reports.slug(cites[i]);
  }

  Slugs entities, properties;
  {
    SQLite::Statement q(db, "SELECT id, slug FROM entities WHERE ?1 = 0 OR id = ?1 ORDER BY id");
    q.bind(1, scope);
    while (q.executeStep()) entities.add(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    entities.seal();
    SQLite::Statement p(db, "SELECT id, slug FROM properties ORDER BY id");
    while (p.executeStep()) properties.add(p.getColumn(0).getInt64(), p.getColumn(1).getString());
    properties.seal();
  }

  std::vector<RowId> retracted;
  {
    SQLite::Statement q(db, "SELECT DISTINCT claim FROM retractions WHERE recorded_at <= ?1 ORDER BY claim");
    q.bind(1, by);
    while (q.executeStep()) retracted.push_back(q.getColumn(0).getInt64());
  }

  // The claims in scope; their slugs by row id stay for the links and reviews.
  Slugs claims;
  {
    SQLite::Statement q(db,
                        "SELECT id, slug, claimant, report, entity, property, phrase, said_at, published_at, "
                        "supersedes, place FROM claims WHERE " +
                            // Two texts, so that a scoped graph reads the (entity, property) index
                            // (an "?1 = 0 OR entity = ?1" makes SQLite scan the table).
                            std::string(scope == 0 ? "1" : "entity = ?1") +
                            " AND recorded_at <= ?2 ORDER BY id");
    // Places by row id: the entities read above when the graph covers all,
    // else looked up once each (a scoped graph read only its own entity).
    std::unordered_map<RowId, std::string> place_slugs;
    SQLite::Statement place_slug(db, "SELECT slug FROM entities WHERE id = ?1");
    auto place_of = [&](RowId place) -> std::string {
      if (place == 0) return {};
      if (const std::string* s = entities.find(place)) return *s;
      auto [it, added] = place_slugs.try_emplace(place);
      if (added) {
        place_slug.bind(1, place);
        if (place_slug.executeStep()) it->second = place_slug.getColumn(0).getString();
        place_slug.reset();
      }
      return it->second;
    };
    q.bind(1, scope);
    q.bind(2, by);
    std::vector<std::pair<std::size_t, RowId>> corrections;
    while (q.executeStep()) {
      const std::string* claimant = sources.find(q.getColumn(2).getInt64());
      const std::string* about = entities.find(q.getColumn(4).getInt64());
      const std::string* property = properties.find(q.getColumn(5).getInt64());
      if (!claimant || !about || !property) continue;  // dangling reference: not in the view
      const RowId id = q.getColumn(0).getInt64();
      GraphClaim c;
      c.id = q.getColumn(1).getString();
      c.claimant = *claimant;
      c.report = reports.slug(column_id(q, 3));
      c.entity = *about;
      c.property = *property;
      c.phrase = q.getColumn(6).getString();
      c.said_at = column_text(q, 7);
      c.published_at = column_text(q, 8);
      c.place = place_of(column_id(q, 10));
      if (RowId old = column_id(q, 9); old != 0) corrections.emplace_back(rows.claims.size(), old);
      c.retracted = std::binary_search(retracted.begin(), retracted.end(), id);
      c.key = id;
      claims.add(id, c.id);
      rows.claims.push_back(std::move(c));
    }
    claims.seal();
    // A correction may name a later claim, or one outside the scope (which the
    // graph then ignores), so the slugs are looked up once all are read.
    if (!corrections.empty()) {
      SQLite::Statement slug(db, "SELECT slug FROM claims WHERE id = ?1");
      for (const auto& [row, old] : corrections) {
        if (const std::string* s = claims.find(old)) {
          rows.claims[row].supersedes = *s;
          continue;
        }
        slug.bind(1, old);
        if (slug.executeStep()) rows.claims[row].supersedes = slug.getColumn(0).getString();
        slug.reset();
      }
    }
  }

  {
    SQLite::Statement q(db,
                        "SELECT claim, rating, reviewer FROM reviews WHERE " + in_scope("claim") +
                            " AND recorded_at <= ?2 ORDER BY id");
    q.bind(1, scope);
    q.bind(2, by);
    while (q.executeStep())
      if (const std::string* claim = claims.find(q.getColumn(0).getInt64()))
        rows.reviews.push_back(GraphReview{*claim, q.getColumn(1).getString(), q.getColumn(2).getString()});
  }
  take(rows);

  // Links with both ends in scope, a batch at a time: the analyst's links
  // recorded by then, then the detector's current links.
  {
    SQLite::Statement q(db,
                        "SELECT slug, from_claim, to_claim, kind, origin FROM links WHERE " + in_scope("from_claim") +
                            " AND recorded_at <= ?2 ORDER BY id");
    q.bind(1, scope);
    q.bind(2, by);
    rows.links.reserve(link_batch);
    while (q.executeStep()) {
      const RowId from_id = q.getColumn(1).getInt64(), to_id = q.getColumn(2).getInt64();
      const std::string* from = claims.find(from_id);
      const std::string* to = claims.find(to_id);
      if (!from || !to) continue;
      // The ends by row id too (the claims' keys): the graph then needs no
      // lookup of their slugs.
      rows.links.push_back(GraphLink{q.getColumn(0).getString(), *from, *to, q.getColumn(3).getString(),
                                     q.getColumn(4).getString(), from_id, to_id});
      if (rows.links.size() == link_batch) take(rows);
    }
  }
  {
    SQLite::Statement q(db,
                        "SELECT from_claim, to_claim, kind FROM detector_links WHERE " + in_scope("from_claim") +
                            " ORDER BY from_claim, to_claim");
    q.bind(1, scope);
    const std::string detector = "detector";
    std::string kinds[7];
    for (int code = 1; code <= 6; ++code) kinds[code] = std::string(link_kind_name(code));
    while (q.executeStep()) {
      const RowId from_id = q.getColumn(0).getInt64(), to_id = q.getColumn(1).getInt64();
      const std::string* from = claims.find(from_id);
      const std::string* to = claims.find(to_id);
      if (!from || !to) continue;
      const int code = q.getColumn(2).getInt();
      // A detector link's id names its two claims; it is never a user's id.
      rows.links.push_back(GraphLink{"~detector:" + *from + ":" + *to, *from, *to,
                                     code >= 1 && code <= 6 ? kinds[code] : std::string(), detector,
                                     from_id, to_id});
      if (rows.links.size() == link_batch) take(rows);
    }
  }
}

}  // namespace

void Store::load_graph_rows(const std::string& entity, GraphRows& rows) {
  try {
    read_graph_rows(*this, entity, "", rows, [](GraphRows&) {});
  } catch (const Error&) {
    throw;
  } catch (const std::exception& failure) {
    rethrow_sqlite(failure, "reading the claim graph");
  }
}

void load_graph_rows(const Database& db, const std::string& entity, GraphRows& rows) {
  // Reading only; the store keeps statement caches, hence the cast.
  const_cast<Store&>(db.store()).load_graph_rows(entity, rows);
}

void stream_graph_rows(const Database& db, const std::string& entity, const std::string& as_of,
                       GraphRows& rows, const std::function<void(GraphRows&)>& take) {
  Store& store = const_cast<Store&>(db.store());  // reading only, as above
  try {
    read_graph_rows(store, entity, as_of, rows, take);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& failure) {
    rethrow_sqlite(failure, "reading the claim graph");
  }
}

}  // namespace claimdb::detail
