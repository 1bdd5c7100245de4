#!/usr/bin/env bash
# Installs whatever `npm start` / `npm test` need and is still missing:
#   1. Debian's chromium (only with --browser; the e2e tests drive it headless).
#      Installed with apt when running as root; otherwise we explain what to run.
#   2. The project's node_modules, via `npm ci`, when absent or older than
#      package-lock.json.
#   3. The pinned editor (code-server + Node 24) via scripts/install-editor.sh.
# Every step is skipped when already satisfied, so this is cheap to call first.
#
# Usage: bash scripts/ensure-deps.sh [--browser]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "ensure-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[ensure-deps] %s\n' "$*"; }

# --- 0. Node itself -------------------------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  log "node and npm are required (Node 20.19 or newer); install them first"
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  log "Node $(node --version) is too old; Node 20.19 or newer is required"
  exit 1
fi

# --- 1. Chromium ------------------------------------------------------------
CHROMIUM="${LINALG_LENS_CHROMIUM:-/usr/bin/chromium}"
if [[ $want_browser == 1 && ! -x "$CHROMIUM" ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing Debian chromium with apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
  else
    log "chromium is missing at $CHROMIUM. Install it (Debian/Ubuntu: sudo apt-get install chromium)"
    log "or point LINALG_LENS_CHROMIUM at a Chromium/Chrome binary."
    exit 1
  fi
fi

# --- 2. node_modules ----------------------------------------------------------
# npm keeps a copy of the lock it installed from in node_modules/.package-lock.json;
# if package-lock.json changed since (git pull, new dependency) we reinstall.
deps_current() {
  [[ -f node_modules/.package-lock.json ]] || return 1
  [[ ! package-lock.json -nt node_modules/.package-lock.json ]] || return 1
  npm ls --depth=0 >/dev/null 2>&1
}
if deps_current; then
  log "node_modules up to date"
else
  mkdir -p .linalg-lens
  exec 8>.linalg-lens/npm-ci.lock
  flock 8
  if deps_current; then
    log "node_modules installed by a concurrent run"
  else
    log "npm ci (node_modules missing or older than package-lock.json)"
    npm ci --no-audit --no-fund
  fi
  exec 8>&-
fi

# --- 3. The pinned editor -------------------------------------------------------
bash "$ROOT/scripts/install-editor.sh"
