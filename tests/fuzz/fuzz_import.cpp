// libFuzzer target for the JSON and JSON Lines importer: any bytes as an
// import (the first byte picks the shape). See targets.hpp for what must hold.
//
// One in-memory database serves the whole process: each input is imported
// inside a transaction that is rolled back afterwards (the import itself runs
// in a savepoint within it, as when a caller wraps it in a transaction),
// which is far faster than creating a database per input.
#include "targets.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static claimdb::Database db = claimdb::Database::open(":memory:");
  const std::string problem =
      claimdb::fuzz::import_input(db, {reinterpret_cast<const char*>(data), size});
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_import: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
