#!/usr/bin/env bash
# Folding a month's export into a large customer master, next to deduping
# everything again. One generated CRM export (~30% of customers
# duplicated) is cut in two: the first part, deduped, is the master
# (~1,000,000 customers); the last 100,000 records are the new export,
# about a third of them customers the master already has.
#
#   bench/fold.sh                          # master ~1M customers, 100k new
#   MASTER_ROWS=150000 NEW_ROWS=10000 bench/fold.sh
#
# Rows timed: the full re-dedupe (master + new, plain dedupe), the first
# fold (no index yet: the master is indexed and the index saved beside
# it), and the next fold of the same master (index reused). Then the
# chunked-fold property on the public datasets: each shuffled and cut in
# k chunks, folded one by one, against deduping it at once.
#
# Needs: GNU time, python3 (Debian: apt-get install time python3).
set -euo pipefail
cd "$(dirname "$0")/.."
ER=${ER:-../shared/benchmarks/er}
out=bench/out
mkdir -p "$out"
MASTER_ROWS=${MASTER_ROWS:-1475000}
NEW_ROWS=${NEW_ROWS:-100000}
for tool in /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; echo "hint: apt-get install time python3" >&2; exit 1; }
done
go build -o "$out/crmkit" ./cmd/crmkit
total=$((MASTER_ROWS + NEW_ROWS))
all="$out/fold-$total.csv"
master="$out/fold-master-$MASTER_ROWS.csv"
new="$out/fold-new-$NEW_ROWS.csv"
if [ ! -s "$all" ]; then
  "$out/crmkit" sample --n "$total" --seed 42 --dialect canonical -o "$all" 2>/dev/null
fi
if [ ! -s "$master" ] || [ ! -s "$new" ]; then
  # Cut by records, not lines: a note may hold a line break.
  python3 - "$all" "$MASTER_ROWS" "$out/fold-master-input.csv" "$new" <<'PY'
import csv, sys
rows = csv.reader(open(sys.argv[1], newline=""))
head = next(rows)
n = int(sys.argv[2])
with open(sys.argv[3], "w", newline="") as a, open(sys.argv[4], "w", newline="") as b:
    wa, wb = csv.writer(a), csv.writer(b)
    wa.writerow(head)
    wb.writerow(head)
    for i, r in enumerate(rows):
        (wa if i < n else wb).writerow(r)
PY
  rm -f "$master"
fi
if [ ! -s "$master" ]; then
  "$out/crmkit" dedupe "$out/fold-master-input.csv" -q -o "$master" 2>/dev/null
fi
rm -f "$master.crmkit-index"
customers=$(($(wc -l <"$master") - 1))
echo "cores: $(nproc), GOMAXPROCS=${GOMAXPROCS:-all}; master: $customers customers (from $MASTER_ROWS records); new export: $NEW_ROWS records"
echo
echo "| run | seconds | peak RSS MB | result |"
echo "|---|---:|---:|---|"
timed() { # label, then the command
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$out/time-fold" "$@" 2>"$out/fold.log" || { cat "$out/fold.log" >&2; exit 1; }
  read -r s m < <(tail -1 "$out/time-fold")
  echo "| $label | $s | $((m / 1024)) | $(grep '^in ' "$out/fold.log") |"
}
timed "full re-dedupe: \`dedupe master.csv new.csv\`" "$out/crmkit" dedupe "$master" "$new" -o "$out/fold-full.csv"
timed "fold, first run (master indexed, index saved)" "$out/crmkit" dedupe --master "$master" "$new" -o "$out/fold-1.csv"
timed "fold, index reused" "$out/crmkit" dedupe --master "$master" "$new" -o "$out/fold-2.csv"
grep '^fold:' "$out/fold.log" | sed 's/^/    /'
cmp "$out/fold-1.csv" "$out/fold-2.csv" && echo "    (both folds wrote the same bytes)"
index_mb=$(($(stat -c %s "$master.crmkit-index") / 1048576))
echo "    index beside the master: $index_mb MB"

[ -f "$ER/score.py" ] || { echo "note: $ER not found; the chunked-fold comparison is skipped" >&2; exit 0; }
echo
echo "Chunked folds against deduping at once (rows shuffled, cut in k chunks):"
echo
echo "| dataset | k | customers at once | in chunks | pair F1 at once | in chunks | records lost |"
echo "|---|---:|---:|---:|---:|---:|---:|"
datasets=(
  "fodors_zagat|$ER/fodors_zagat.csv|"
  "febrl3|$ER/febrl3.csv|"
  "febrl4|$ER/febrl4.csv|"
  "chicago_childcare|$ER/chicago_childcare.csv|"
  "chicago_childcare (flags)|$ER/chicago_childcare.csv|--region US --fields address=address:10,phone=exact:2,company=tokens:3"
  "patstat_nl|$ER/patstat_nl.csv|"
  "patstat_nl (flags)|$ER/patstat_nl.csv|--fields company=tokens:6,coauthor=tokens:2 --threshold 0.5 --review-threshold 0.3"
  "splink_fake1000|$ER/splink_fake1000.csv|"
)
for d in "${datasets[@]}"; do
  IFS='|' read -r name input flags <<<"$d"
  for k in 2 5; do
    rm -f "$out"/chunk-*.csv "$out/chunked.csv" "$out/chunked.csv.crmkit-index"
    python3 - "$input" "$k" "$out" <<'PY'
import csv, random, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
head, body = rows[0], rows[1:]
random.Random(7).shuffle(body)
k, out = int(sys.argv[2]), sys.argv[3]
csv.writer(open(f"{out}/chunk-all.csv", "w", newline="")).writerows([head] + body)
for c in range(k):
    part = body[c * len(body) // k:(c + 1) * len(body) // k]
    csv.writer(open(f"{out}/chunk-{c:02d}.csv", "w", newline="")).writerows([head] + part)
PY
    # shellcheck disable=SC2086 # flags are words
    "$out/crmkit" dedupe "$out/chunk-all.csv" $flags -q -o "$out/chunk-once.csv" 2>/dev/null
    first=1
    for c in "$out"/chunk-[0-9]*.csv; do
      if [ $first = 1 ]; then
        # shellcheck disable=SC2086
        "$out/crmkit" dedupe "$c" $flags -q -o "$out/chunked.csv" 2>/dev/null
        first=0
      else
        # shellcheck disable=SC2086
        "$out/crmkit" dedupe --master "$out/chunked.csv" "$c" $flags -q -o "$out/chunked.csv" 2>/dev/null
      fi
    done
    python3 - "$out/chunk-once.csv" "$out/chunked.csv" "${input%.csv}.truth.csv" "$name" "$k" <<'PY'
import csv, itertools, sys
def customers(path):
    out = {}
    for r in csv.DictReader(open(path, newline="")):
        for x in (r["merged_from"].split(";") if r["merged_from"] else [r["id"]]):
            out[x] = r["cluster_id"]
    return out
def pairs(cl):
    groups = {}
    for x, c in cl.items():
        groups.setdefault(c, []).append(x)
    return {p for m in groups.values() for p in itertools.combinations(sorted(m), 2)}, len(groups)
once, chunked = customers(sys.argv[1]), customers(sys.argv[2])
truth = {r["id"]: r["entity_id"] for r in csv.DictReader(open(sys.argv[3], newline=""))}
tp_pairs, _ = pairs(truth)
def f1(p):
    tp = len(p & tp_pairs)
    if not tp:
        return 0.0
    prec, rec = tp / len(p), tp / len(tp_pairs)
    return 2 * prec * rec / (prec + rec)
po, no = pairs(once)
pc, nc = pairs(chunked)
lost = len(set(truth) - set(chunked))
print(f"| {sys.argv[4]} | {sys.argv[5]} | {no} | {nc} | {f1(po):.4f} | {f1(pc):.4f} | {lost} |")
PY
  done
done
