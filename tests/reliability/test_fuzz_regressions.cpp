// Inputs the libFuzzer targets once crashed on (or found misbehaving), kept
// in fixtures/fuzz-regressions/TARGET/ and fed through the same entry points
// (tests/fuzz/targets.hpp). Each file is one input, byte for byte; its name
// says what went wrong. See tests/fuzz/run.
#include "fuzz/targets.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

using namespace claimdb;
using claimdb::test::fixture;
using claimdb::test::read_file;

namespace {

std::vector<std::filesystem::path> inputs(const std::string& target) {
  std::vector<std::filesystem::path> out;
  const auto dir = fixture("fuzz-regressions/" + target);
  if (std::filesystem::is_directory(dir))
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().filename() != "README.md")
        out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: the quantity reader") {
  for (const auto& path : inputs("quantity")) {
    CAPTURE(path.filename().string());
    CHECK(fuzz::quantity_input(read_file(path.string())) == "");
  }
}

TEST_CASE("fuzz regressions: the JSON and JSON Lines importer") {
  Database db = Database::open(":memory:");
  for (const auto& path : inputs("import")) {
    CAPTURE(path.filename().string());
    CHECK(fuzz::import_input(db, read_file(path.string())) == "");
    CHECK(db.stats().claims == 0);
  }
}

TEST_CASE("fuzz regressions: the query language") {
  const Database db = fuzz::kyiv_database(test::source_dir().string());
  for (const auto& path : inputs("query")) {
    CAPTURE(path.filename().string());
    CHECK(fuzz::query_input(db, read_file(path.string())) == "");
  }
}
