#!/usr/bin/env bash
# Line and branch coverage of libhip/src by the C test suite (unit tests, fuzz corpus replays,
# examples, CLI tests): builds the `coverage` preset (gcc --coverage, -O0, build-coverage/), runs
# ctest --preset coverage and summarises with gcovr (installed from PyPI into build-coverage/venv).
# Writes build-coverage/coverage.txt (per file) and build-coverage/html/index.html.
#   scripts/coverage.sh            # prints the per-file table and the totals
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

cmake --preset coverage >/dev/null
cmake --build --preset coverage -j"$jobs" >/dev/null
find build-coverage -name '*.gcda' -delete        # counts of this run only
# A failing test still leaves its counts: the summary is printed, and the script fails at the end.
ctest_rc=0
ctest --preset coverage -j"$jobs" >build-coverage/ctest.log 2>&1 || ctest_rc=$?
grep -E "tests passed" build-coverage/ctest.log

gcovr_bin=build-coverage/venv/bin/gcovr
if [ ! -x "$gcovr_bin" ]; then
  python3 -m venv build-coverage/venv
  build-coverage/venv/bin/python -m pip install --quiet --disable-pip-version-check "gcovr>=7"
fi
mkdir -p build-coverage/html
# Branches: gcc's, minus those gcovr can prove unreachable. The object directory is the build tree.
"$gcovr_bin" --root . --filter 'libhip/src/' --object-directory build-coverage \
  --exclude-unreachable-branches --gcov-ignore-parse-errors=negative_hits.warn_once_per_file \
  --txt build-coverage/coverage.txt --html-details build-coverage/html/index.html \
  --print-summary build-coverage | tee build-coverage/summary.txt
cat build-coverage/coverage.txt
if [ "$ctest_rc" -ne 0 ]; then
  sed -n '/The following tests FAILED/,$p' build-coverage/ctest.log
  exit "$ctest_rc"
fi
