# pkg-config: compile the conflicts example with the flags claimdb.pc gives,
# once against the shared library and once --static.
source "$(dirname "$0")/common.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lib=$(ls -d "$CLAIMDB_PREFIX"/lib*/ | head -1)
export PKG_CONFIG_PATH="$lib/pkgconfig"
version=$(pkg-config --modversion claimdb)
[ "$version" = "0.1.0" ] || fail "pkg-config --modversion claimdb says '$version'"
# shellcheck disable=SC2046
"$CXX" -o "$work/shared" "$CLAIMDB_SOURCE/examples/conflicts/main.cpp" $(pkg-config --cflags --libs claimdb) \
  -Wl,-rpath,"$lib"
out=$("$work/shared")
expect_output "pkg-config, shared" "$out" "^3 claims compared, 2 contradictions$"
# The static archive by name; what it needs from pkg-config --static.
# shellcheck disable=SC2046
"$CXX" -o "$work/static" "$CLAIMDB_SOURCE/examples/conflicts/main.cpp" $(pkg-config --cflags claimdb) \
  $(pkg-config --static --libs claimdb | sed 's/-lclaimdb\b/-l:libclaimdb.a/')
if objdump -p "$work/static" | grep -q 'NEEDED.*libclaimdb'; then
  fail "the --static link still needs libclaimdb.so"
fi
out=$("$work/static")
expect_output "pkg-config, static" "$out" "^3 claims compared, 2 contradictions$"
echo "pkg-config builds ran"
