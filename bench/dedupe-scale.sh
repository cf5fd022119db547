#!/usr/bin/env bash
# Dedupe at scale: generated CRM exports (~30% of customers duplicated,
# hard negatives included) of 10k to 1M records, deduped end to end (read,
# normalize, match, merge, write), side by side with Miller's exact
# dedupe on phone of the same file. Quality is scored against the
# generator's truth with ../shared/benchmarks/er/score.py.
#
#   bench/dedupe-scale.sh                       # 10k 100k 300k 1M
#   ROWS="10000 100000" bench/dedupe-scale.sh
#
# Needs: miller, GNU time, python3 (Debian: apt-get install miller time python3).
set -euo pipefail
cd "$(dirname "$0")/.."
ER=${ER:-../shared/benchmarks/er}
out=bench/out
mkdir -p "$out"
ROWS=${ROWS:-"10000 100000 300000 1000000"}
for tool in mlr /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; echo "hint: apt-get install miller time python3" >&2; exit 1; }
done
go build -o "$out/crmkit" ./cmd/crmkit
echo "cores: $(nproc), GOMAXPROCS=${GOMAXPROCS:-all}"
echo "| records | crmkit dedupe s | peak RSS MB | mlr head -g phone s | mlr RSS MB | time ratio | F1 | precision | recall |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $ROWS; do
  f="$out/dd-$n.csv"
  [ -s "$f" ] || "$out/crmkit" sample --n "$n" --seed 42 --dialect canonical --truth "$out/dd-$n.truth.csv" -o "$f" 2>/dev/null
  /usr/bin/time -f "%e %M" -o "$out/time-crmkit" "$out/crmkit" dedupe "$f" -q -o "$out/dd-$n.out.csv" \
    --clusters "$out/dd-$n.clusters.csv" --rejects "$out/dd-$n.rejects.csv" 2>/dev/null
  /usr/bin/time -f "%e %M" -o "$out/time-mlr" mlr --icsv --ocsv head -n 1 -g phone "$f" >"$out/dd-$n.mlr.csv"
  read -r cs cm < <(tail -1 "$out/time-crmkit")
  read -r ms mm < <(tail -1 "$out/time-mlr")
  if [ -f "$ER/score.py" ]; then
    read -r _ f1 _ p _ r < <(python3 "$ER/score.py" "$out/dd-$n.truth.csv" "$out/dd-$n.clusters.csv" | tail -1)
  else
    f1=n/a p=n/a r=n/a
  fi
  ratio=$(python3 -c "print('%.1f' % ($cs/$ms))")
  echo "| $n | $cs | $((cm/1024)) | $ms | $((mm/1024)) | $ratio | $f1 | $p | $r |"
done
