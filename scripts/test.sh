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

echo "== Swift package (swift build, swift test, examples/swift)"
# The Swift toolchain is not a Debian package: use swift from PATH or /opt/swift. The build goes
# into build-swift/ (ignored). XCTest only (the tests use no Swift Testing), so swift test ends
# with XCTest's "Executed N tests, with 0 failures" line.
swift_bin="$(command -v swift || true)"
if [ -z "$swift_bin" ] && [ -x /opt/swift/usr/bin/swift ]; then swift_bin=/opt/swift/usr/bin/swift; fi
if [ -z "$swift_bin" ]; then
  echo "SKIPPED: no Swift toolchain (put swift on PATH or install it in /opt/swift)"
else
  "$swift_bin" build --scratch-path build-swift
  "$swift_bin" test --scratch-path build-swift --disable-swift-testing
  swift_bin_dir="$("$swift_bin" build --scratch-path build-swift --show-bin-path)"
  "$swift_bin_dir/CountReps"                          # simulated bridges: exits 1 on a wrong count
  build/cli/hiptrack simulate --exercise squat --reps 12 --seed 5 > build-swift/squat.csv
  "$swift_bin_dir/CountReps" build-swift/squat.csv squat | tee build-swift/count.txt | tail -1
  grep -q "^12 reps of" build-swift/count.txt
fi

echo "== Python binding (pip install ./bindings/python, pytest bindings/python/tests)"
# A venv over the interpreter's own packages (numpy, pytest, ... are reused when present) keeps the
# install out of the system site-packages (and clear of PEP 668). pytest's exit code 5 (no tests
# collected) is a failure like any other.
python3 -m venv --system-site-packages build-python/venv
py=build-python/venv/bin/python
"$py" -m pip install --quiet --disable-pip-version-check ./bindings/python "numpy>=1.22" "pytest>=7" \
  "hypothesis>=6" "mypy>=1.0" "matplotlib>=3.5"
(cd build-python && "../$py" -m pytest -q -p no:cacheprovider ../bindings/python/tests)
