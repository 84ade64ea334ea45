// libFuzzer target for the JSON and JSON Lines importer: any bytes as an
// import into a fresh in-memory database. The first byte picks the shape
// (even: one document, odd: JSON Lines). Only claimdb::Error may escape, and a
// failed import must leave the database empty.
#include <claimdb/claimdb.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool json_lines = (data[0] & 1) != 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  claimdb::Database db = claimdb::Database::open(":memory:");
  try {
    claimdb::import_text(db, text, "fuzz", json_lines);
  } catch (const claimdb::Error&) {
    if (db.stats().claims != 0 || db.stats().sources != 0) std::abort();
  }
  return 0;
}
