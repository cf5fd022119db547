#!/usr/bin/env bash
# Assign at scale: a generated export of 1M records owned by 200 reps (with
# 撞单 disputes, orphans and inactive reps), imported once into canonical
# CSV, then `crmkit assign` with the sample's roster: customers grouped by
# shared phone, e-mail or company, disputes settled, distribution within
# territories and caps (the default policy: no reclaim), output and audit
# written. Wall time and peak RSS from GNU time.
#
#   bench/assign.sh
#   ROWS=100000 bench/assign.sh
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
printf 'assign:\n  overflow: pool\n' >"$out/assign-policy.yaml"
echo "cores: $(nproc); $n records, $(($(wc -l <"$out/as-$n.reps.csv") - 1)) reps"
echo "| command | seconds | peak RSS MB |"
echo "|---|---:|---:|"
/usr/bin/time -f "%e %M" -o "$out/time-assign" "$out/crmkit" assign "$canon" --reps "$out/as-$n.reps.csv" \
  --config "$out/assign-policy.yaml" --as-of 2026-01-01 --audit "$out/as-$n.audit.csv" -o "$out/as-$n.assigned.csv" 2>"$out/as-$n.log"
read -r s m < <(tail -1 "$out/time-assign")
echo "| \`crmkit assign canon.csv --reps reps.csv --audit audit.csv -o assigned.csv\` | $s | $((m/1024)) |"
grep '^assign:' "$out/as-$n.log" || true
