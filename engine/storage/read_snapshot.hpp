// Internal: one consistent view of the database for a read made of several
// statements (stats, export, a query that resolves ids and then reads).
//
// Outside a transaction every SQLite statement reads the latest commit on its
// own, so a reader beside a writer could count the claims before an import
// committed and the sources after it. A ReadSnapshot opens a deferred read
// transaction for its lifetime (in WAL mode it never blocks the writer, and
// the writer never blocks it); inside an open transaction it does nothing.
#pragma once

#include "storage/store.hpp"

#include <sqlite3.h>

namespace claimdb::detail {

class ReadSnapshot {
 public:
  explicit ReadSnapshot(Store& store) : handle_(store.handle()) {
    if (!store.in_transaction() && sqlite3_get_autocommit(handle_))
      open_ = sqlite3_exec(handle_, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~ReadSnapshot() {
    if (open_ && !sqlite3_get_autocommit(handle_) &&
        sqlite3_exec(handle_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
      sqlite3_exec(handle_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sqlite3* handle_;
  bool open_ = false;
};

}  // namespace claimdb::detail
