#!/usr/bin/env bash
# Export and the whole pipeline at scale, 2 cores, wall time and peak RSS
# from GNU time:
#   1. crmkit export of 1M canonical records to XLSX, next to the CSV export
#   2. crmkit pipeline on a 1M-record export owned by 200 reps: read,
#      dedupe, classify, assign, write an XLSX split by value tier with a
#      summary sheet, reports and audit
#
#   bench/pipeline.sh
#   ROWS=100000 bench/pipeline.sh
#
# Needs: GNU time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
n=${ROWS:-1000000}
command -v /usr/bin/time >/dev/null || { echo "error: GNU time not found" >&2; echo "hint: apt-get install time" >&2; exit 1; }
go build -o "$out/crmkit" ./cmd/crmkit
src="$out/as-$n.csv"
[ -s "$src" ] || "$out/crmkit" sample --n "$n" --seed 42 --reps 200 --dialect canonical --roster "$out/as-$n.reps.csv" -o "$src" 2>/dev/null
canon="$out/as-canon-$n.csv"
[ -s "$canon" ] || "$out/crmkit" import "$src" -q -o "$canon" 2>/dev/null
cat >"$out/pipeline-$n.yaml" <<YAML
pipeline:
  inputs: [{path: as-$n.csv}]
  reps: as-$n.reps.csv
  output: pipe-$n/customers.xlsx
  split-by: value_tier
  summary: true
  reports: pipe-$n/reports.md
  audit: pipe-$n/audit.csv
  review: pipe-$n/review.csv
as-of: 2026-01-01
assign: {overflow: pool}
YAML
echo "cores: $(nproc); $n records"
echo "| command | seconds | peak RSS MB | output MB |"
echo "|---|---:|---:|---:|"
run() {
  local label=$1 file=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$out/time-pipe" "$out/crmkit" "$@" >/dev/null 2>&1
  read -r s m < <(tail -1 "$out/time-pipe")
  echo "| $label | $s | $((m/1024)) | $(( $(stat -c %s "$file") / 1000000 )) |"
}
run "\`crmkit export canon.csv -o customers.xlsx\`" "$out/exp-$n.xlsx" export "$canon" -q -o "$out/exp-$n.xlsx"
run "\`crmkit export canon.csv -o customers.csv\`" "$out/exp-$n.csv" export "$canon" -q -o "$out/exp-$n.csv"
run "\`crmkit pipeline\` (read, dedupe, classify, assign, XLSX by tier + summary, reports, audit)" "$out/pipe-$n/customers.xlsx" pipeline -c "$out/pipeline-$n.yaml"
# The same steps as a shell chain (each command reads the one before's
# canonical CSV) against the pipeline above: the README's ratio.
/usr/bin/time -f "%e %M" -o "$out/time-pipe" bash -c "set -o pipefail; cd '$out' && ./crmkit dedupe as-$n.csv -q | ./crmkit classify - -q --as-of 2026-01-01 | ./crmkit assign - -q --reps as-$n.reps.csv --as-of 2026-01-01 -c pipeline-$n.yaml | ./crmkit export - -q -o chain-$n.xlsx --split-by value_tier --summary" >/dev/null 2>&1
read -r s m < <(tail -1 "$out/time-pipe")
echo "| shell chain \`dedupe | classify | assign | export -o x.xlsx\` (same steps, no reports) | $s | $((m/1024)) (largest step) | $(( $(stat -c %s "$out/chain-$n.xlsx") / 1000000 )) |"
