#!/usr/bin/env bash
# End-to-end import benchmark: crmkit import (full normalization) against
# Miller's plain `mlr --icsv --ocsv cat` on the same generated file, plus
# peak RSS at 100k and 1M rows to show memory does not grow with rows.
#
#   bench/import.sh            # 100k and 1M rows
#   ROWS="1000000" bench/import.sh
#
# Needs: miller, hyperfine, GNU time (Debian: apt-get install miller hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
ROWS=${ROWS:-"100000 1000000"}
RUNS=${RUNS:-3}

for tool in mlr hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; echo "hint: apt-get install miller hyperfine time" >&2; exit 1; }
done

go build -o "$out/crmkit" ./cmd/crmkit
echo "| rows | file MB | columns | crmkit import s | mlr cat s | ratio | crmkit peak RSS MB | mlr peak RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $ROWS; do
  f="$out/sample-$n.csv"
  [ -s "$f" ] || "$out/crmkit" sample --n "$n" --seed 42 -o "$f" 2>/dev/null
  mb=$(( $(stat -c %s "$f") / 1000000 ))
  cols=$(head -1 "$f" | awk -F, '{print NF}')
  hyperfine --runs "$RUNS" --warmup 1 --export-json "$out/import-$n.json" \
    -n crmkit "$out/crmkit import $f -o $out/clean-$n.csv --rejects $out/rejects-$n.csv -q" \
    -n mlr "mlr --icsv --ocsv cat $f > $out/mlr-$n.csv" >/dev/null 2>&1
  read -r tc tm < <(python3 -c "import json,sys; r=json.load(open('$out/import-$n.json'))['results']; print(' '.join('%.2f'%x['median'] for x in r))")
  /usr/bin/time -f %M -o "$out/rss-crmkit" "$out/crmkit" import "$f" -o "$out/clean-$n.csv" --rejects "$out/rejects-$n.csv" -q 2>/dev/null
  /usr/bin/time -f %M -o "$out/rss-mlr" mlr --icsv --ocsv cat "$f" >/dev/null
  rc=$(tail -1 "$out/rss-crmkit"); rm_=$(tail -1 "$out/rss-mlr")
  ratio=$(python3 -c "print('%.2f' % ($tc/$tm))")
  echo "| $n | $mb | $cols | $tc | $tm | $ratio | $((rc/1024)) | $((rm_/1024)) |"
done
