#!/usr/bin/env bash
# Runs every test of PreferenceUiKit. On a fresh Debian machine it first installs and starts what the tests
# need (each script in eng/prereqs/ checks before it installs), then runs `dotnet test` on the solution and
# prints one closing line: "Tests: N passed, N failed, N skipped".
#
#   ./test.sh                 all tests
#   ./test.sh --filter X      extra arguments go to `dotnet test`
set -euo pipefail
cd "$(dirname "$0")"

for script in eng/prereqs/*.sh; do
  [ -e "$script" ] || continue
  # shellcheck source=/dev/null
  source "$script"
done

log="$(mktemp -t preferenceuikit-test.XXXXXX.log)"
set +e
dotnet test PreferenceUiKit.sln -c Release --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# "Passed!  - Failed:     0, Passed:    35, Skipped:     0, Total:    35" per test assembly
summary=$( { grep -E '^(Passed|Failed)!' "$log" || true; } | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d %d %d", p, f, s}')
read -r passed failed skipped <<<"${summary:-0 0 0}"
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/^/  /' || true
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
