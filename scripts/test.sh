#!/usr/bin/env bash
# Every test: installs what is needed, then builds and runs the C unit tests (cmocka via CTest)
# in the normal build and again under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs="$(nproc)"

echo "== C tests (dev preset)"
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$jobs"
ctest --preset dev -j"$jobs"

echo "== C tests under ASan + UBSan (asan-ubsan preset)"
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j"$jobs"
ctest --preset asan-ubsan -j"$jobs"
