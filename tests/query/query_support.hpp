// The seed database the query tests run over: the Kyiv strike fixture plus
// fixtures/queries/history.json (records with fixed recorded times, for
// `history` and `as of`), imported once into a file.
#pragma once

#include "support.hpp"

#include <memory>
#include <string>

namespace claimdb::test {

// A database file holding the query fixture; built on first use and shared
// by the tests of one run, which only read it. Copy it before writing.
inline const std::string& query_fixture_db() {
  static const std::unique_ptr<TempDir> dir = std::make_unique<TempDir>();
  static const std::string path = [] {
    const std::string file = dir->file("queries.db");
    Database db = Database::open(file);
    auto files = seed_files();
    files.push_back(fixture("queries/history.json").string());
    import_files(db, files);
    return file;
  }();
  return path;
}

}  // namespace claimdb::test
