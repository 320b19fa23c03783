#!/usr/bin/env bash
# scripts/check_layers.sh: dependencies point one way (models <- engine <- render <- server <- cli);
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
check models engine render server cli
check engine render server cli
check render server cli
check server cli
# cpp-httplib is header-heavy: one translation unit of the server includes it, none elsewhere.
httplib_users=$(grep -rlE '#include [<"]httplib.h[>"]' models engine render server cli --include='*.hpp' --include='*.cpp' || true)
if [ "$httplib_users" != "server/http_server.cpp" ]; then
  echo "layering: only server/http_server.cpp may include httplib.h (found: ${httplib_users:-none})"; bad=1
fi
exit $bad
