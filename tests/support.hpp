// Shared helpers for the tests: temporary files and folders that clean up
// after themselves, and paths into the source tree.
#pragma once

#include <claimdb/claimdb.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace claimdb::test {

// The repository's root (set by CMake).
inline std::filesystem::path source_dir() { return CLAIMDB_SOURCE_DIR; }
inline std::filesystem::path fixture(const std::string& relative) {
  return source_dir() / "fixtures" / relative;
}

// A fresh folder under the system temp folder, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("claimdb-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(file(name), std::ios::binary) << content;
    return file(name);
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string export_string(const Database& db) {
  std::ostringstream out;
  export_json(db, out);
  return out.str();
}

// The seed fixture's two files.
inline std::vector<std::string> seed_files() {
  return {fixture("kyiv-strike/article.json").string(),
          fixture("kyiv-strike/synthetic-counter-accounts.json").string()};
}

}  // namespace claimdb::test
