// A header that leaks a dependency: tests/embed/headers.sh must refuse it.
#pragma once
#include <nlohmann/json.hpp>
