// What the claim graph (engine/graph) reads: plain rows, ids as slugs.
// Every value is bound; a scope reads through the (entity, property) index.
#include "storage/store.hpp"

#include <claimdb/error.hpp>

namespace claimdb::detail {

namespace {

std::string column_text(SQLite::Statement& q, int index) {
  return q.isColumnNull(index) ? std::string() : q.getColumn(index).getString();
}

}  // namespace

void Store::load_graph_rows(const std::string& entity, GraphRows& rows) {
  try {
    RowId scope = 0;
    if (!entity.empty()) {
      auto id = entity_id(entity);
      if (!id) throw Error(ErrorCode::not_found, "unknown entity '" + entity + "'");
      scope = *id;
    }

    SQLite::Statement sources(db_, "SELECT slug, name, affiliation FROM sources ORDER BY id");
    while (sources.executeStep())
      rows.sources.push_back(
          GraphSource{sources.getColumn(0).getString(), column_text(sources, 1), column_text(sources, 2)});

    SQLite::Statement reports(db_,
                              "SELECT r.slug, p.slug, c.slug, r.published_at FROM reports r "
                              "LEFT JOIN sources p ON p.id = r.publisher "
                              "LEFT JOIN reports c ON c.id = r.cites ORDER BY r.id");
    while (reports.executeStep())
      rows.reports.push_back(GraphReport{reports.getColumn(0).getString(), column_text(reports, 1),
                                         column_text(reports, 2), column_text(reports, 3)});

    SQLite::Statement claims(
        db_,
        "SELECT c.slug, s.slug, r.slug, e.slug, p.slug, c.phrase, c.said_at, c.published_at, "
        "o.slug, EXISTS (SELECT 1 FROM retractions x WHERE x.claim = c.id) "
        "FROM claims c JOIN sources s ON s.id = c.claimant "
        "LEFT JOIN reports r ON r.id = c.report JOIN entities e ON e.id = c.entity "
        "JOIN properties p ON p.id = c.property LEFT JOIN claims o ON o.id = c.supersedes "
        "WHERE ?1 = 0 OR c.entity = ?1 ORDER BY c.id");
    claims.bind(1, scope);
    while (claims.executeStep()) {
      GraphClaim c;
      c.id = claims.getColumn(0).getString();
      c.claimant = claims.getColumn(1).getString();
      c.report = column_text(claims, 2);
      c.entity = claims.getColumn(3).getString();
      c.property = claims.getColumn(4).getString();
      c.phrase = claims.getColumn(5).getString();
      c.said_at = column_text(claims, 6);
      c.published_at = column_text(claims, 7);
      c.supersedes = column_text(claims, 8);
      c.retracted = claims.getColumn(9).getInt() != 0;
      rows.claims.push_back(std::move(c));
    }

    SQLite::Statement links(db_,
                            "SELECT l.slug, a.slug, b.slug, l.kind, l.origin FROM links l "
                            "JOIN claims a ON a.id = l.from_claim JOIN claims b ON b.id = l.to_claim "
                            "WHERE ?1 = 0 OR (a.entity = ?1 AND b.entity = ?1) ORDER BY l.id");
    links.bind(1, scope);
    while (links.executeStep())
      rows.links.push_back(GraphLink{links.getColumn(0).getString(), links.getColumn(1).getString(),
                                     links.getColumn(2).getString(), links.getColumn(3).getString(),
                                     links.getColumn(4).getString()});

    SQLite::Statement reviews(db_,
                              "SELECT c.slug, v.rating, v.reviewer FROM reviews v "
                              "JOIN claims c ON c.id = v.claim WHERE ?1 = 0 OR c.entity = ?1 "
                              "ORDER BY v.id");
    reviews.bind(1, scope);
    while (reviews.executeStep())
      rows.reviews.push_back(GraphReview{reviews.getColumn(0).getString(),
                                         reviews.getColumn(1).getString(),
                                         reviews.getColumn(2).getString()});
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

}  // namespace claimdb::detail
