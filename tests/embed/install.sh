# cmake --install of the build tree into a fresh prefix, and what must be there.
source "$(dirname "$0")/common.sh"
rm -rf "$CLAIMDB_PREFIX"
"$CMAKE_COMMAND" --install "$CLAIMDB_BUILD" --prefix "$CLAIMDB_PREFIX" > /dev/null
lib=$(ls -d "$CLAIMDB_PREFIX"/lib*/ | head -1)
expect_file "$lib/libclaimdb.a"
expect_file "$lib/libclaimdb.so"
expect_file "$lib/libclaimdb.so.0.1"
expect_file "$lib/libclaimdb.so.0.1.0"
expect_file "$lib/cmake/claimdb/claimdbConfig.cmake"
expect_file "$lib/cmake/claimdb/claimdbConfigVersion.cmake"
expect_file "$lib/cmake/claimdb/claimdbTargets.cmake"
expect_file "$lib/pkgconfig/claimdb.pc"
expect_file "$CLAIMDB_PREFIX/bin/claimdb"
for h in claimdb database detect error graph io model quantity query version; do
  expect_file "$CLAIMDB_PREFIX/include/claimdb/$h.hpp"
done
# No internal header is installed.
[ -z "$(find "$CLAIMDB_PREFIX/include" -name '*.hpp' -path '*storage*')" ] || fail "internal headers installed"
soname=$(objdump -p "$lib/libclaimdb.so.0.1.0" | awk '/SONAME/ {print $2}')
[ "$soname" = "libclaimdb.so.0.1" ] || fail "SONAME is '$soname', expected libclaimdb.so.0.1"
version=$("$CLAIMDB_PREFIX/bin/claimdb" --version)
expect_output "the installed command runs" "$version" "0\.1\.0"
grep -q 'CLAIMDB_VERSION_STRING "0.1.0"' "$CLAIMDB_PREFIX/include/claimdb/version.hpp" ||
  fail "version.hpp does not say 0.1.0"
# The Python module, beside the library, imports from there.
if [ -n "${CLAIMDB_PYTHON:-}" ]; then
  module=$(find "$CLAIMDB_PREFIX" -name '_claimdb*.so' | head -1)
  [ -n "$module" ] || fail "the Python module was not installed"
  package=$(dirname "$(dirname "$module")")
  out=$(cd / && PYTHONPATH="$package" "$CLAIMDB_PYTHON" -c \
    'import claimdb; db = claimdb.open(); print(claimdb.version, claimdb.__file__)')
  expect_output "the installed Python module" "$out" "^0\.1\.0 $CLAIMDB_PREFIX/"
fi
echo "installed into $CLAIMDB_PREFIX"
