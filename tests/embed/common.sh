# Shared by the embed tests: fail with a message naming what was wrong.
set -euo pipefail
fail() {
  echo "FAILED: $*" >&2
  exit 1
}
expect_file() {
  [ -e "$1" ] || fail "expected $1 to exist"
}
# expect_output "description" "text" PATTERN: PATTERN (grep -E) occurs in text.
expect_output() {
  printf '%s\n' "$2" | grep -Eq -- "$3" || fail "$1: no line matching '$3' in:
$2"
}
