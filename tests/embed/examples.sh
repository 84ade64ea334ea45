# The examples, built with find_package(claimdb) against the installed
# package: claimdb::claimdb is the shared library.
source "$(dirname "$0")/common.sh"
build="$CLAIMDB_EMBED/examples-shared"
rm -rf "$build"
"$CMAKE_COMMAND" -S "$CLAIMDB_SOURCE/examples" -B "$build" -G "$CMAKE_GENERATOR" \
  -DCMAKE_PREFIX_PATH="$CLAIMDB_PREFIX" -DCMAKE_CXX_COMPILER="$CXX" > /dev/null
"$CMAKE_COMMAND" --build "$build" > /dev/null
needed=$(objdump -p "$build/conflicts" | awk '/NEEDED/ {print $2}')
expect_output "linked to the shared library" "$needed" "^libclaimdb\.so\.0\.1$"
bash "$(dirname "$0")/run_examples.sh" "$build"
