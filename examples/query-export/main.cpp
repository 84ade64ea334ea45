// Import JSON files, ask the query language a question, and export the
// whole database as JSON Lines.
//
//   query-export QUERY FILE.json... > export.jsonl
#include <claimdb/claimdb.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: query-export QUERY FILE.json...\n");
    return 2;
  }
  const std::string text = argv[1];
  try {
    claimdb::Database db = claimdb::Database::open(":memory:");
    const claimdb::ImportSummary summary =
        claimdb::import_files(db, std::vector<std::string>(argv + 2, argv + argc));
    std::fprintf(stderr, "imported %lld claims\n", static_cast<long long>(summary.claims));

    const claimdb::QueryResult result = claimdb::query(db, text);
    for (const auto& column : result.columns) std::fprintf(stderr, "%s\t", column.c_str());
    std::fprintf(stderr, "\n");
    for (const auto& row : result.rows) {
      for (const auto& cell : row) std::fprintf(stderr, "%s\t", claimdb::cell_text(cell).c_str());
      std::fprintf(stderr, "\n");
    }

    claimdb::export_jsonl(db, std::cout);
    return 0;
  } catch (const claimdb::Error& e) {
    std::fprintf(stderr, "query-export: %s\n", claimdb::describe_query_error(text, e).c_str());
    return 1;
  }
}
