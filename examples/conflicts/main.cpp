// Load a small data set of claims from code, let claimdb find the conflicts,
// and print each with its explanation.
//
//   conflicts [DATABASE]     (default: an in-memory database)
#include <claimdb/claimdb.hpp>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  try {
    claimdb::Database db = claimdb::Database::open(argc > 1 ? argv[1] : ":memory:");

    // Everything in one transaction: all of it lands, or none.
    claimdb::Database::Transaction tx(db);
    db.add(claimdb::Source{.id = "harbour-authority", .name = "Harbour Authority", .kind = "government",
                           .affiliation = "city"});
    db.add(claimdb::Source{.id = "dockers-union", .name = "Dockers' Union", .kind = "organisation",
                           .affiliation = "union"});
    db.add(claimdb::Entity{.id = "port-strike", .name = "Port strike", .kind = "event"});
    db.add(claimdb::Property{.id = "ships_waiting", .value_type = claimdb::ValueType::quantity,
                             .unit = "ship"});
    db.add(claimdb::Claim{.id = "authority-ships", .claimant = "harbour-authority",
                          .entity = "port-strike", .property = "ships_waiting",
                          .value = {.phrase = "about 12"},
                          .quote = "About 12 ships are waiting to unload, the authority said."});
    db.add(claimdb::Claim{.id = "union-ships", .claimant = "dockers-union", .entity = "port-strike",
                          .property = "ships_waiting", .value = {.phrase = "more than 40"},
                          .quote = "More than 40 ships are stuck outside the harbour."});
    db.add(claimdb::Claim{.id = "union-ships-2", .claimant = "dockers-union", .entity = "port-strike",
                          .property = "ships_waiting", .value = {.phrase = "at least 40"}});
    tx.commit();

    const claimdb::DetectSummary summary = claimdb::detect_all(db);
    std::printf("%lld claims compared, %lld contradictions\n", static_cast<long long>(summary.claims),
                static_cast<long long>(summary.contradictions));
    for (const claimdb::Conflict& c : claimdb::list_conflicts(db, {.entity = "port-strike"}))
      std::printf("%s vs %s (%s, severity %.2f): %s\n", c.a.c_str(), c.b.c_str(), c.relation.c_str(),
                  c.severity, c.explanation.c_str());
    return 0;
  } catch (const claimdb::Error& e) {
    std::fprintf(stderr, "conflicts: %s\n", e.what());
    return 1;
  }
}
