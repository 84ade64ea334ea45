# A project that pulls claimdb in with add_subdirectory gets the library and
# none of the command, tests or benchmarks.
source "$(dirname "$0")/common.sh"
build="$CLAIMDB_EMBED/subdirectory"
rm -rf "$build"
"$CMAKE_COMMAND" -S "$CLAIMDB_SOURCE/tests/embed/subdirectory" -B "$build" -G "$CMAKE_GENERATOR" \
  -DCLAIMDB_SOURCE="$CLAIMDB_SOURCE" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$CXX" > "$build.log" 2>&1 ||
  { cat "$build.log"; fail "configuring a project with add_subdirectory(claimdb) failed"; }
"$CMAKE_COMMAND" --build "$build" > "$build.log" 2>&1 || { tail -30 "$build.log"; fail "building it failed"; }
[ ! -e "$build/claimdb/claimdb" ] || fail "the claimdb command was built"
out=$("$build/conflicts")
expect_output "add_subdirectory" "$out" "^3 claims compared, 2 contradictions$"
echo "add_subdirectory build ran"
