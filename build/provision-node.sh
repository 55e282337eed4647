#!/usr/bin/env bash
# Lays out Node.js >= 24 like a Node distribution (bin/node, lib/node_modules/npm) in the folder given, for the
# Vaadin/Hilla frontend build. Uses the machine's Node when it is recent enough; otherwise installs Node itself from
# the npm registry (package node-linux-<arch>), since Vaadin's own download from nodejs.org is not reachable everywhere.
set -euo pipefail
target=$1 node_version=$2 npm_version=$3
want_major=${node_version%%.*}

if [ -x "$target/bin/node" ] && [ -f "$target/lib/node_modules/npm/bin/npm-cli.js" ]; then
  have=$("$target/bin/node" --version | sed 's/^v//')
  [ "${have%%.*}" -ge "$want_major" ] && exit 0
fi

rm -rf "$target" && mkdir -p "$target/bin" "$target/lib"
if command -v node >/dev/null && [ "$(node --version | sed 's/^v\([0-9]*\).*/\1/')" -ge "$want_major" ]; then
  ln -s "$(command -v node)" "$target/bin/node"
else
  command -v npm >/dev/null || { echo "provision-node: needs npm (any version) to fetch Node $node_version" >&2; exit 1; }
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;; esac
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  echo "provision-node: installing node-$os-$arch@$node_version from the npm registry into $target"
  npm install --silent --no-audit --no-fund --prefix "$target/pkg" "node-$os-$arch@$node_version"
  ln -s "../pkg/node_modules/node-$os-$arch/bin/node" "$target/bin/node"
fi
echo "provision-node: installing npm@$npm_version"
PATH="$target/bin:$PATH" npm install --silent --no-audit --no-fund --global --prefix "$target" "npm@$npm_version"
ln -sf "../lib/node_modules/npm/bin/npm-cli.js" "$target/bin/npm"
ln -sf "../lib/node_modules/npm/bin/npx-cli.js" "$target/bin/npx"
"$target/bin/node" --version
