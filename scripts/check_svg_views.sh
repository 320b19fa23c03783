#!/usr/bin/env bash
# scripts/check_svg_views.sh CHAINLENS WORKSPACE: renders every view of every chain of the
# workspace as SVG and checks each is well-formed XML with at least one node group (issue 6).
set -euo pipefail
cl="$1"
ws="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
for chain in $("$cl" info "$ws" --format ids); do
  for view in chain targets supply scopes; do
    out="$tmp/$chain-$view.svg"
    "$cl" render "$ws" --chain "$chain" --view "$view" --format svg -o "$out"
    /usr/bin/python3 - "$out" <<'PY'
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
groups = [g for g in doc.getElementsByTagName("g") if g.getAttribute("class") == "node"]
if not groups:
    sys.exit(f"{sys.argv[1]}: no node group")
PY
    n=$((n + 1))
  done
done
echo "$n diagrams well-formed"
