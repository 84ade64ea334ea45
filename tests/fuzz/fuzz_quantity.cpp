// libFuzzer target for the quantity reader: any bytes as a phrase (and, split
// at the first newline, a default unit). See targets.hpp for what must hold.
#include "targets.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem =
      claimdb::fuzz::quantity_input({reinterpret_cast<const char*>(data), size});
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_quantity: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
