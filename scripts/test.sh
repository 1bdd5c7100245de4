#!/usr/bin/env bash
# `npm test`: every check the project has, in the order a failure is cheapest
# to find: dependencies, build, lint, unit tests, end-to-end tests.
# Dependencies and build must succeed for anything else to mean something, so
# they stop the run; lint, unit and e2e all run even if an earlier one fails,
# and the exit status is non-zero if any of them failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

declare -a names=() results=() times=()
failed=0

section() {
  local name="$1"
  shift
  printf '\n\033[1m━━━ %s ━━━\033[0m\n' "$name"
  local start=$SECONDS status=0
  "$@" || status=$?
  names+=("$name")
  times+=("$((SECONDS - start))")
  if [[ $status == 0 ]]; then
    results+=("ok")
  else
    results+=("FAILED (exit $status)")
    failed=1
  fi
  return $status
}

summary() {
  printf '\n\033[1m━━━ summary ━━━\033[0m\n'
  local i
  for i in "${!names[@]}"; do
    printf '  %-22s %5ss  %s\n' "${names[$i]}" "${times[$i]}" "${results[$i]}"
  done
  if [[ $failed == 0 ]]; then printf '\nall checks passed\n'; else printf '\nSOME CHECKS FAILED\n'; fi
}

total_start=$SECONDS
if ! section "dependencies" bash scripts/ensure-deps.sh --browser || ! section "build" npm run build; then
  summary
  exit 1
fi
section "lint" npm run lint
section "unit tests" npm run test:unit
section "end-to-end tests" npm run test:e2e
summary
printf 'total %ss\n' "$((SECONDS - total_start))"
exit $failed
