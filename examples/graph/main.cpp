// Walk the support/contradiction graph of a database: its disputes, and
// the two camps of each balanced one.
//
//   graph DATABASE [ENTITY]
#include <claimdb/claimdb.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: graph DATABASE [ENTITY]\n");
    return 2;
  }
  try {
    claimdb::Options options;
    options.read_only = true;
    const claimdb::Database db = claimdb::Database::open(argv[1], options);
    claimdb::GraphScope scope;
    if (argc > 2) scope.entity = argv[2];
    const claimdb::ClaimGraph graph = claimdb::ClaimGraph::load(db, scope);
    std::printf("%zu claims, %zu links\n", graph.claim_count(), graph.link_count());

    for (const claimdb::DisputeCamps& d : claimdb::find_camps(graph)) {
      std::printf("dispute over %s (%s): %zu claims, %lld contradictions\n",
                  joined(d.dispute.entities).c_str(), joined(d.dispute.properties).c_str(),
                  d.dispute.claims.size(), static_cast<long long>(d.dispute.contradictions));
      if (!d.balanced) {
        std::printf("  no two camps: %s\n", joined(d.cycle).c_str());
        continue;
      }
      for (std::size_t i = 0; i < d.camps.size(); ++i)
        std::printf("  camp %zu: %s\n", i + 1, joined(d.camps[i].sources).c_str());
    }
    return 0;
  } catch (const claimdb::Error& e) {
    std::fprintf(stderr, "graph: %s\n", e.what());
    return 1;
  }
}
