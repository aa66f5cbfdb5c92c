#!/usr/bin/env bash
# Load benchmark of the real host on 127.0.0.1 (see docs/benchmarks.md). Installs wrk from Debian when missing.
# Usage: bench/load/run.sh [--contacts N] [--seconds S] [--connections 64 256] [--postgres] [--no-build] [--keep]
set -euo pipefail
if ! command -v wrk >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
exec python3 "$(dirname "$0")/loadtest.py" "$@"
