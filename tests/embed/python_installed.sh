# tests/python run with only the installed package on the path.
source "$(dirname "$0")/common.sh"
module=$(find "$CLAIMDB_PREFIX" -name '_claimdb*.so' | head -1)
[ -n "$module" ] || fail "the Python module was not installed"
package=$(dirname "$(dirname "$module")")
where=$(cd / && PYTHONPATH="$package" "$CLAIMDB_PYTHON" -c 'import claimdb; print(claimdb.__file__)')
case "$where" in
  "$CLAIMDB_PREFIX"/*) ;;
  *) fail "import claimdb found $where, not the installed module" ;;
esac
cd "$CLAIMDB_SOURCE/tests/python"
PYTHONPATH="$package" CLAIMDB_BINARY="$CLAIMDB_PREFIX/bin/claimdb" PYTHONDONTWRITEBYTECODE=1 \
  "$CLAIMDB_PYTHON" -m unittest -q test_claimdb
