#!/usr/bin/env bash
# scripts/demo.sh: the main job on the bundled chains (called by `make demo`): validate each
# workspace against its sources, print the gap table and ranked targets of every chain, draw
# its chain and target maps, and write the HTML reports a chain team opens.
set -euo pipefail
build="${1:-build}"
cl="$build/cli/chainlens"
seeds="$(cd "$(dirname "$0")/.." && pwd)/../shared/seeds"
opened=()
for ws in chains/xihaian chains/qingdao; do
  [[ -d "$ws" ]] || continue
  name="$(basename "$ws")"
  out="out/$name"
  mkdir -p "$out/diagrams"
  echo "== $ws"
  if [[ -d "$seeds" ]]; then "$cl" validate "$ws" --sources "$seeds"; else "$cl" validate "$ws"; fi
  "$cl" info "$ws"
  echo
  for chain in $("$cl" info "$ws" --format ids); do
    echo "== $ws --chain $chain"
    "$cl" gaps "$ws" --chain "$chain"
    echo
    "$cl" targets "$ws" --chain "$chain" --portfolio 3 --top 10
    for view in chain targets; do
      for f in svg png; do
        "$cl" render "$ws" --chain "$chain" --view "$view" --format "$f" -o "$out/diagrams/$chain-$view.$f"
      done
    done
    echo "diagrams: $out/diagrams/$chain-chain.svg, $out/diagrams/$chain-targets.svg (and .png)"
    echo
  done
  "$cl" report "$ws" --all --format html -o "$out/report"
  "$cl" report "$ws" --all --format json -o "$out/json"
  opened+=("$out/report/index.html")
done
echo
echo "Open the reports in a browser:"
for f in "${opened[@]}"; do echo "  $(pwd)/$f"; done
