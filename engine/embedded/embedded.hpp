// Files from the source tree compiled into the library (schema migrations,
// the vague-quantity table). See cmake/embed.cmake.
#pragma once

#include <cstddef>
#include <string_view>

namespace claimdb::embedded {

struct EmbeddedFile {
  std::string_view name;      // base name, e.g. "0001_initial.sql"
  std::string_view contents;  // the file's bytes
};

}  // namespace claimdb::embedded
