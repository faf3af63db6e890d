#!/usr/bin/env bash
# iescan benchmark: builds iescan in Release when needed, generates the corpus outside the
# repository and measures iescan against ripgrep (see bench/README.md).
#
#   bench/run.sh                    # 320 MB corpus, -j2, 3 runs, scaling 1x/2x/4x, all sections
#   bench/run.sh --quick            # 20 MB smoke check
#   bench/run.sh --size-mb 100 --jobs 4 --runs 5 --scale 1,2 --skip eslint,kinds
#
# Environment: IESCAN_BENCH_DIR  work directory (default /tmp/iescan-bench)
#              IESCAN_BUILD_DIR  build directory (default build-bench-release in the repo)
#              IESCAN            an already built binary to measure instead
# Every other option is passed to bench/bench.py (--help lists them).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
work=${IESCAN_BENCH_DIR:-/tmp/iescan-bench}
build=${IESCAN_BUILD_DIR:-$repo/build-bench-release}

case $(realpath -m "$work")/ in
  "$(realpath "$repo")"/*) echo "run.sh: the work directory must be outside the repository" >&2; exit 2 ;;
esac

for tool in python3 rg; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required (Debian: apt-get install python3 ripgrep)" >&2; exit 2; }
done
if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time not found (apt-get install time); measuring with os.wait4 instead" >&2
fi

if [[ -n ${IESCAN:-} ]]; then
  bin=$IESCAN
else
  if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build "$build" --target iescan -j "$(nproc)" >/dev/null
  bin=$build/iescan
fi
cache=$(dirname "$bin")/CMakeCache.txt
if [[ -f $cache ]] && ! grep -q 'CMAKE_BUILD_TYPE:STRING=Release' "$cache"; then
  echo "run.sh: warning: $bin does not come from a Release build" >&2
fi

mkdir -p "$work"
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the repository
exec python3 "$here/bench.py" --iescan "$bin" --work "$work" "$@"
