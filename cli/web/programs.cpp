#include "programs.hpp"

#include <claimdb/error.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

extern char** environ;

namespace claimdb::cli::web {

std::string find_program(const std::string& name, const char* variable) {
  if (const char* chosen = std::getenv(variable); chosen && *chosen)
    return access(chosen, X_OK) == 0 ? chosen : "";
  const char* path = std::getenv("PATH");
  const std::string dirs = path ? path : "";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string dir = dirs.substr(start, end - start);
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

namespace {

// Temporary files removed when the run ends, however it ends.
struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& suffix) {
    std::random_device random;
    path = std::filesystem::temp_directory_path() /
           ("claimdb-" + std::to_string(random()) + std::to_string(random()) + suffix);
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

}  // namespace

std::string run_program(const std::string& program, const std::vector<std::string>& arguments,
                        const std::string& input, const std::string& what) {
  TempFile in(".in"), out(".out");
  {
    std::ofstream file(in.path, std::ios::binary);
    file << input;
    if (!file) throw Error(ErrorCode::io, "cannot write a temporary file for " + what);
  }
  std::vector<std::string> words{program};
  for (const auto& a : arguments) {
    std::string word = a;
    for (const auto& [mark, path] : {std::pair{std::string("{in}"), in.path.string()},
                                     std::pair{std::string("{out}"), out.path.string()}})
      if (auto at = word.find(mark); at != std::string::npos) word.replace(at, mark.size(), path);
    words.push_back(word);
  }
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t child = 0;
  const int spawned = posix_spawn(&child, program.c_str(), nullptr, nullptr, argv.data(), environ);
  if (spawned != 0) throw Error(ErrorCode::io, "cannot run " + program + ": " + std::strerror(spawned));
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw Error(ErrorCode::io, program + " failed to render " + what);
  std::ifstream file(out.path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace claimdb::cli::web
