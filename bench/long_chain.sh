#!/usr/bin/env bash
# bench/long_chain.sh: graph passes on one SYNTHETIC chain of N segments (issue 18, item 15), in
# depth (a path: seg-0 <- seg-1 <- ... each the only input of the next) and in breadth (one
# assembly with N-1 direct inputs). Not a timed test: it prints seconds and peak memory per
# command, so that a quadratic pass shows as a jump between sizes. Nothing here is real data.
#   bash bench/long_chain.sh [BUILD_DIR]        LONG_CHAIN_SIZES="10000 100000" LONG_CHAIN_TIMEOUT=600
#   LONG_CHAIN_SHAPES="depth breadth" LONG_CHAIN_COMMANDS="validate,gaps" (default: every command)
set -euo pipefail
build="${1:-build}"
cl="$build/cli/chainlens"
sizes="${LONG_CHAIN_SIZES:-10000 100000}"
shapes="${LONG_CHAIN_SHAPES:-depth breadth}"
only="${LONG_CHAIN_COMMANDS:-}"
limit="${LONG_CHAIN_TIMEOUT:-600}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

gen() {  # gen SHAPE N FILE
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import sys
shape, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w", encoding="utf-8") as f:
    f.write("workspace: {name: synthetic long chain, scope: 中国/山东/青岛}\n")
    f.write("chains:\n  - id: long\n    segments:\n")
    for i in range(n):
        stage = "upstream" if i == 0 else ("downstream" if i == n - 1 else "midstream")
        if shape == "depth":
            inputs = f", inputs: [seg-{i - 1}]" if i > 0 else ""
        else:
            inputs = ", inputs: [" + ", ".join(f"seg-{j}" for j in range(n - 1)) + "]" if i == n - 1 else ""
        f.write(f"      - {{id: seg-{i}, stage: {stage}, final_demand: 1{inputs}}}\n")
    f.write("enterprises:\n")
    for i in range(0, n, 10):
        f.write(f"  - {{id: firm-{i}, location: 中国/山东/青岛, segments: [seg-{i}]}}\n")
PY
}

printf '| shape | segments | command | seconds | peak memory |\n| --- | --- | --- | --- | --- |\n'
for n in $sizes; do
  for shape in $shapes; do
    ws="$tmp/$shape-$n.yaml"
    gen "$shape" "$n" "$ws"
    # report: the Markdown report with both diagrams (GraphViz lays out every segment).
    for cmd in validate info "gaps --chain long" "chokepoints --chain long" "supply --chain long" \
        "report --chain long --format md -o $tmp/report-$shape-$n"; do
      read -r -a words <<<"$cmd"
      [[ -z "$only" || ",$only," == *",${words[0]},"* ]] || continue
      if /usr/bin/time -f "%e %M" -o "$tmp/time" timeout "$limit" "$cl" "${words[0]}" "$ws" "${words[@]:1}" \
          --max-file-mb 1024 >/dev/null 2>"$tmp/err"; then
        read -r secs kb <"$tmp/time"
        printf '| %s | %s | %s | %s | %s MB |\n' "$shape" "$n" "${words[0]}" "$secs" "$((kb / 1024))"
      else
        printf '| %s | %s | %s | failed or over %s s | - |\n' "$shape" "$n" "${words[0]}" "$limit"
      fi
    done
  done
done
