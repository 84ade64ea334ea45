# The examples against the installed package with CLAIMDB_USE_STATIC_LIBS:
# nothing of claimdb is loaded at run time.
source "$(dirname "$0")/common.sh"
build="$CLAIMDB_EMBED/examples-static"
rm -rf "$build"
"$CMAKE_COMMAND" -S "$CLAIMDB_SOURCE/examples" -B "$build" -G "$CMAKE_GENERATOR" \
  -DCMAKE_PREFIX_PATH="$CLAIMDB_PREFIX" -DCMAKE_CXX_COMPILER="$CXX" -DCLAIMDB_USE_STATIC_LIBS=ON > /dev/null
"$CMAKE_COMMAND" --build "$build" > /dev/null
if objdump -p "$build/conflicts" | grep -q 'NEEDED.*libclaimdb'; then
  fail "the static build still needs libclaimdb.so"
fi
bash "$(dirname "$0")/run_examples.sh" "$build"
