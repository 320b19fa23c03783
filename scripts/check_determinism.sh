#!/usr/bin/env bash
# scripts/check_determinism.sh CHAINLENS: the same input gives byte-identical JSON, CSV, xlsx, DOT,
# SVG and HTML across runs and thread counts (issue 9); dates appear only where asked for (--date).
set -euo pipefail
cl="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
same() { cmp -s "$1" "$2" || { echo "differs: $3" >&2; diff <(head -c 2000 "$1") <(head -c 2000 "$2") >&2 || true; exit 1; }; }
for run in 1 2; do
  "$cl" analyze chains/xihaian --chain xinping >"$tmp/analyze$run.json"
  "$cl" gaps chains/xihaian --chain auto --all-scopes --format csv >"$tmp/gaps$run.csv"
  "$cl" targets chains/xihaian --chain auto --portfolio 3 --format xlsx -o "$tmp/targets$run.xlsx"
  "$cl" render chains/xihaian --chain ship --view chain --format dot -o "$tmp/ship$run.dot"
  "$cl" render chains/xihaian --chain ship --view targets --format svg -o "$tmp/ship$run.svg"
  "$cl" report chains/xihaian --chain appliance --format html -o "$tmp/report$run" 2>/dev/null
done
same "$tmp/analyze1.json" "$tmp/analyze2.json" "analyze JSON"
same "$tmp/gaps1.csv" "$tmp/gaps2.csv" "gaps CSV"
same "$tmp/targets1.xlsx" "$tmp/targets2.xlsx" "targets xlsx"
same "$tmp/ship1.dot" "$tmp/ship2.dot" "chain DOT"
same "$tmp/ship1.svg" "$tmp/ship2.svg" "targets SVG"
same "$tmp/report1/appliance.html" "$tmp/report2/appliance.html" "report HTML"
# No date unless asked: the report carries today's date, the diagrams none.
if grep -q "$(date +%Y)-" "$tmp/ship1.svg"; then echo "a diagram carries a date nobody asked for" >&2; exit 1; fi
# Scoring: the same rows whatever the thread count and chunk size.
/usr/bin/python3 bench/gen_candidates.py --rows 20000 --segments auto.battery,auto.motor,xinping.sensor --format csv >"$tmp/pool.csv"
for j in 1 2 4; do
  "$cl" score chains/xihaian --chain auto --candidates "$tmp/pool.csv" -j "$j" --chunk $((j * 37)) --no-progress -o "$tmp/score$j.csv" 2>/dev/null
  "$cl" score chains/xihaian --chain auto --candidates "$tmp/pool.csv" -j "$j" --format jsonl --no-progress -o "$tmp/score$j.jsonl" 2>/dev/null
done
same "$tmp/score1.csv" "$tmp/score2.csv" "score CSV -j1/-j2"
same "$tmp/score1.csv" "$tmp/score4.csv" "score CSV -j1/-j4"
same "$tmp/score1.jsonl" "$tmp/score4.jsonl" "score JSON Lines -j1/-j4"
echo "byte-identical: JSON, CSV, xlsx, DOT, SVG, HTML, score at -j 1/2/4"
