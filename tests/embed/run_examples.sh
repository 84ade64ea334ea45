# Runs the three examples built in $1 and checks what they print.
source "$(dirname "$0")/common.sh"
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$("$bin/conflicts" "$work/port.db")
expect_output "conflicts" "$out" "^3 claims compared, 2 contradictions$"
expect_output "conflicts" "$out" "^authority-ships vs union-ships \(disjoint, severity [0-9.]+\): .+"
expect_output "conflicts" "$out" "^authority-ships vs union-ships-2 "

out=$("$bin/graph" "$work/port.db" port-strike)
expect_output "graph" "$out" "^3 claims, [0-9]+ links$"
expect_output "graph" "$out" "^dispute over port-strike \(ships_waiting\): 3 claims, 2 contradictions$"
expect_output "graph" "$out" "^  camp 1: harbour-authority$"
expect_output "graph" "$out" "^  camp 2: dockers-union$"

"$bin/query-export" "conflicts about kyiv-strike-2025-12 on drones_intercepted" \
  "$CLAIMDB_SOURCE/fixtures/kyiv-strike/article.json" \
  "$CLAIMDB_SOURCE/fixtures/kyiv-strike/synthetic-counter-accounts.json" > "$work/out.jsonl" 2> "$work/err.txt"
err=$(cat "$work/err.txt")
expect_output "query-export" "$err" "^imported [0-9]+ claims$"
expect_output "query-export" "$err" "^a	b	kind	severity	"
expect_output "query-export" "$err" "contradicts"
lines=$(wc -l < "$work/out.jsonl")
[ "$lines" -gt 20 ] || fail "query-export wrote $lines JSON lines"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/out.jsonl" ||
  fail "query-export's output is not JSON Lines"

# A bad query is the library's error, with its column.
if "$bin/query-export" "claims abuot x" "$CLAIMDB_SOURCE/fixtures/kyiv-strike/article.json" \
    > /dev/null 2> "$work/err.txt"; then
  fail "query-export accepted a bad query"
fi
expect_output "query-export error" "$(cat "$work/err.txt")" "did you mean 'about'"
echo "examples in $bin ran as expected"
