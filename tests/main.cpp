// The test runner's entry point (doctest). Tests are registered with CTest,
// one CTest test per doctest case.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
