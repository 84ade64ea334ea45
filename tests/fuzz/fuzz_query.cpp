// libFuzzer target for the query language: any bytes as a query, parsed and,
// when it parses, run over the Kyiv fixture in an in-memory database loaded
// once per process. See targets.hpp for what must hold.
#include "targets.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const claimdb::Database db = claimdb::fuzz::kyiv_database(CLAIMDB_SOURCE_DIR);
  const std::string problem =
      claimdb::fuzz::query_input(db, {reinterpret_cast<const char*>(data), size});
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_query: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
