#include "cli/cli_support.hpp"

#include "support.hpp"

#include <sys/wait.h>

#include <filesystem>

namespace claimdb::test {

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

CommandResult run_shell(const std::string& script, const std::string& env,
                        const std::string& err_file) {
  const std::string bin_dir = std::filesystem::path(CLAIMDB_BINARY).parent_path().string();
  std::string command = "cd " + shell_quote(source_dir().string()) + " && PATH=" +
                        shell_quote(bin_dir) + ":\"$PATH\" " + env + " /bin/sh -c " +
                        shell_quote(script) + " 2>" +
                        (err_file.empty() ? std::string("/dev/null") : shell_quote(err_file));
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace claimdb::test
