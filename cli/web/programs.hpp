// Running the helper programs a picture needs: Graphviz's dot, rsvg-convert.
#pragma once

#include <string>
#include <vector>

namespace claimdb::cli::web {

// The program: the environment variable's value when set (it must be
// executable), else `name` found on PATH; "" when absent.
std::string find_program(const std::string& name, const char* variable);

// Runs program with the arguments, feeding it `input` through a temporary
// file (placed with `{in}` among the arguments) and collecting what it writes
// to the file placed with `{out}`. Throws Error(io) when it cannot run or fails.
std::string run_program(const std::string& program, const std::vector<std::string>& arguments,
                        const std::string& input, const std::string& what);

}  // namespace claimdb::cli::web
