#!/usr/bin/env bash
# scripts/demo.sh: the main job on the bundled chains (called by `make demo`).
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
done
