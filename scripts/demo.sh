#!/usr/bin/env bash
# scripts/demo.sh: the main job on the bundled chains (called by `make demo`): validate
# each workspace against its sources, then the gap table and the ranked targets of every chain.
set -euo pipefail
build="${1:-build}"
cl="$build/cli/chainlens"
seeds="$(cd "$(dirname "$0")/.." && pwd)/../shared/seeds"
for ws in chains/xihaian chains/qingdao; do
  [[ -d "$ws" ]] || continue
  echo "== $ws"
  if [[ -d "$seeds" ]]; then "$cl" validate "$ws" --sources "$seeds"; else "$cl" validate "$ws"; fi
  "$cl" info "$ws"
  echo
  for chain in $("$cl" info "$ws" --format ids); do
    echo "== $ws --chain $chain"
    "$cl" gaps "$ws" --chain "$chain"
    echo
    "$cl" targets "$ws" --chain "$chain" --portfolio 3 --limit 10
    mkdir -p "out/$(basename "$ws")"
    for f in svg png; do
      "$cl" render "$ws" --chain "$chain" --view chain --format "$f" -o "out/$(basename "$ws")/$chain-chain.$f"
    done
    echo "diagram: out/$(basename "$ws")/$chain-chain.svg (and .png)"
    echo
  done
done
