#!/usr/bin/env bash
# Dedupe quality on the public entity-resolution benchmarks and on crmkit's
# own generated CRM data, scored with ../shared/benchmarks/er/score.py
# (pairwise precision, recall, F1). One line per dataset; the exact crmkit
# command is printed with it.
#
#   bench/dedupe-quality.sh              # every dataset
#   ER=/path/to/benchmarks/er bench/dedupe-quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ER=${ER:-../shared/benchmarks/er}
out=bench/out
mkdir -p "$out"
[ -f "$ER/score.py" ] || { echo "error: $ER/score.py not found" >&2; echo "hint: set ER=/path/to/benchmarks/er" >&2; exit 1; }
go build -o "$out/crmkit" ./cmd/crmkit

# name | input | flags (beyond zero configuration)
# ONLY="name prefix" runs the datasets whose name starts with it.
datasets=(
  "fodors_zagat|$ER/fodors_zagat.csv|"
  "crm-10k (generated)|$out/crm-10k.csv|"
  "crm-100k (generated)|$out/crm-100k.csv|"
  "en-contacts-5k (generated, HubSpot)|$out/en-contacts-5k.csv|"
  "en-accounts-5k (generated, Salesforce)|$out/en-accounts-5k.csv|"
  "febrl3|$ER/febrl3.csv|"
  "febrl4|$ER/febrl4.csv|"
  "chicago_childcare|$ER/chicago_childcare.csv|--region US --fields address=address:10,phone=exact:2,company=tokens:3"
  "patstat_nl|$ER/patstat_nl.csv|"
  "splink_fake1000|$ER/splink_fake1000.csv|"
)
[ -s "$out/crm-100k.csv" ] || "$out/crmkit" sample --n 100000 --seed 1 --truth "$out/crm-100k.truth.csv" -o "$out/crm-100k.csv" 2>/dev/null
[ -s "$out/en-contacts-5k.csv" ] || "$out/crmkit" sample --dialect hubspot-contacts --n 5000 --seed 1 --truth "$out/en-contacts-5k.truth.csv" -o "$out/en-contacts-5k.csv" 2>/dev/null
[ -s "$out/en-accounts-5k.csv" ] || "$out/crmkit" sample --dialect salesforce-accounts --n 5000 --seed 1 --truth "$out/en-accounts-5k.truth.csv" -o "$out/en-accounts-5k.csv" 2>/dev/null
[ -s "$out/crm-10k.csv" ] || "$out/crmkit" sample --n 10000 --seed 1 --truth "$out/crm-10k.truth.csv" -o "$out/crm-10k.csv" 2>/dev/null

echo "| dataset | flags | F1 | precision | recall | F1, rows shuffled | records | customers out | seconds |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
# Every dataset zero-config (no flags), then with flags where a dataset has them.
flagged=()
for d in "${datasets[@]}"; do
  IFS='|' read -r name input flags <<<"$d"
  flagged+=("$name|$input|")
  [ -n "$flags" ] && flagged+=("$name|$input|$flags")
done
datasets=("${flagged[@]}")
for d in "${datasets[@]}"; do
  IFS='|' read -r name input flags <<<"$d"
  [[ -z "${ONLY:-}" || "$name" == "$ONLY"* ]] || continue
  truth="${input%.csv}.truth.csv"
  base=$(basename "${input%.csv}")
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086 # flags are words
  "$out/crmkit" dedupe "$input" $flags -q -o "$out/$base.deduped.csv" --clusters "$out/$base.clusters.csv" --rejects "$out/$base.rejects.csv" 2>"$out/$base.log"
  t1=$(date +%s.%N)
  line=$(python3 "$ER/score.py" "$truth" "$out/$base.clusters.csv" | tail -1)
  read -r _ f1 _ p _ r <<<"$line"
  records=$(($(python3 -c "import csv,sys;print(sum(1 for _ in csv.reader(open(sys.argv[1]))))" "$out/$base.clusters.csv") - 1))
  clusters=$(($(python3 -c "import csv,sys;print(sum(1 for _ in csv.reader(open(sys.argv[1]))))" "$out/$base.deduped.csv") - 1))
  # The same records shuffled must score the same: matching must not lean
  # on row order (several datasets keep duplicates next to each other).
  python3 - "$input" "$out/$base.shuffled.csv" <<'PY'
import csv, random, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
body = rows[1:]
random.Random(3).shuffle(body)
csv.writer(open(sys.argv[2], "w", newline="")).writerows([rows[0]] + body)
PY
  # shellcheck disable=SC2086
  "$out/crmkit" dedupe "$out/$base.shuffled.csv" $flags -q -o /dev/null --clusters "$out/$base.shuffled.clusters.csv" --rejects "$out/$base.rejects.csv" 2>/dev/null
  read -r _ sf1 _ _ _ _ <<<"$(python3 "$ER/score.py" "$truth" "$out/$base.shuffled.clusters.csv" | tail -1)"
  printf '| %s | `%s` | %s | %s | %s | %s | %d | %d | %.1f |\n' "$name" "${flags:-(none)}" "$f1" "$p" "$r" "$sf1" "$records" "$clusters" "$(python3 -c "print($t1 - $t0)")"
done
