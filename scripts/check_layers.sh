#!/usr/bin/env bash
# scripts/check_layers.sh: dependencies point one way (models <- engine <- render <- cli);
# fails when a layer includes a later one. Run by CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=0
check() {  # layer, forbidden layers...
  local layer=$1; shift
  for later in "$@"; do
    if grep -rnE "#include \"$later/" "$layer" --include='*.hpp' --include='*.cpp'; then
      echo "layering: $layer/ must not include $later/"; bad=1
    fi
  done
}
check models engine render cli
check engine render cli
check render cli
exit $bad
