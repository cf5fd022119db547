#!/usr/bin/env bash
# Classify and report at scale: a generated export of 1M customers is
# imported once into canonical CSV (what dedupe or import hands on), then
#   1. crmkit classify          (two passes: facts in memory, records spooled to a temp file)
#   2. crmkit report tiers      on the classified file
#   3. crmkit report tiers      on the unclassified file (classifies on the fly)
# Wall time and peak RSS from GNU time.
#
#   bench/classify.sh
#   ROWS=100000 bench/classify.sh
#
# Needs: GNU time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
n=${ROWS:-1000000}
command -v /usr/bin/time >/dev/null || { echo "error: GNU time not found" >&2; echo "hint: apt-get install time" >&2; exit 1; }
go build -o "$out/crmkit" ./cmd/crmkit
src="$out/dd-$n.csv"
[ -s "$src" ] || "$out/crmkit" sample --n "$n" --seed 42 --dialect canonical -o "$src" 2>/dev/null
canon="$out/canon-$n.csv"
[ -s "$canon" ] || "$out/crmkit" import "$src" -q -o "$canon" 2>/dev/null
echo "cores: $(nproc); $n records"
echo "| step | command | seconds | peak RSS MB |"
echo "|---|---|---:|---:|"
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time-classify" "$out/crmkit" "$@" >/dev/null 2>&1
  read -r s m < <(tail -1 "$out/time-classify")
  echo "| $name | \`crmkit $*\` | $s | $((m/1024)) |"
}
run "classify" classify "$canon" --as-of 2026-01-01 -q -o "$out/classified-$n.csv"
run "report classified" report tiers "$out/classified-$n.csv" -o "$out/tiers-$n.tsv"
run "classify + report in one" report tiers "$canon" --as-of 2026-01-01 -o "$out/tiers-otf-$n.tsv"
cmp -s "$out/tiers-$n.tsv" "$out/tiers-otf-$n.tsv" && echo "(both reports are identical)"
