# Every header under $1 (default: the public headers) compiles on its own,
# without warnings, and pulls in no SQLite, SQLiteCpp, Boost or nlohmann
# header: only the C++ standard library and claimdb's own headers.
source "$(dirname "$0")/common.sh"
dir=${1:-$CLAIMDB_SOURCE/include}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=0
for header in "$dir"/claimdb/*.hpp; do
  name=claimdb/$(basename "$header")
  printf '#include <%s>\n#include <%s>\nint main() { return 0; }\n' "$name" "$name" > "$work/one.cpp"
  "$CXX" -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I "$dir" -I "$CLAIMDB_BUILD/include" \
    "$work/one.cpp" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; fail "$name does not compile on its own"; }
  "$CXX" -std=c++20 -M -I "$dir" -I "$CLAIMDB_BUILD/include" "$work/one.cpp" > "$work/deps.txt"
  if grep -Eo '[^ \\]*(sqlite3|SQLiteCpp|boost/|nlohmann/)[^ \\]*' "$work/deps.txt" | head -3 | grep .; then
    fail "$name includes a dependency's header (above)"
  fi
  count=$((count + 1))
done
[ "$count" -gt 0 ] || fail "no headers in $dir/claimdb"
echo "$count headers compile alone and include only the standard library"
