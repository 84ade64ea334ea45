// Running the real `claimdb` binary from tests, as a user would.
#pragma once

#include <cstdio>
#include <string>

namespace claimdb::test {

struct CommandResult {
  int status = -1;     // exit status (or -1 when it did not exit normally)
  std::string out;     // standard output
};

// Runs `script` with /bin/sh in the repository's root, with the claimdb
// binary's folder first on PATH and `env` (e.g. "CLAIMDB_DB=/tmp/x.db")
// prepended. Standard error goes to `err_file` when given, else is discarded.
CommandResult run_shell(const std::string& script, const std::string& env = {},
                        const std::string& err_file = {});

// Quotes text for /bin/sh.
std::string shell_quote(const std::string& text);

}  // namespace claimdb::test
