#!/usr/bin/env bash
# Every test: installs what is needed, then builds and runs the C unit tests (cmocka via CTest)
# in the normal build, again under AddressSanitizer + UBSan and under valgrind memcheck.
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

echo "== C tests under valgrind memcheck (dev build: unit tests and fuzz corpus replays)"
# ctest -T memcheck runs each test under valgrind with the options set in CMakeLists.txt
# (--error-exitcode=1, definite and indirect leaks are errors): any report fails the test. The CLI,
# example, header, ABI and install tests are left out (they run cmake or are covered above).
if ! ctest --test-dir build -T memcheck -j"$jobs" \
     -E '^(header_compiles|exported_symbols|exported_symbols_store|store_crash|consumer_install|cli_.*|example_.*)$'; then
  grep -l "ERROR SUMMARY: [1-9]\|definitely lost: [1-9]\|indirectly lost: [1-9]" \
    build/Testing/Temporary/MemoryChecker.*.log | xargs -r cat
  exit 1
fi

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

echo "== Java binding (JNI library, jar, JUnit 5 via CTest, examples/java)"
# build-java/: the whole project with -DHIPTRACK_BUILD_JAVA=ON; ctest -R java runs the JUnit 5
# console launcher on the test jar (under -Xcheck:jni) and the CountReps example on a CLI recording.
cmake -S . -B build-java -DHIPTRACK_BUILD_JAVA=ON >/dev/null
cmake --build build-java -j"$jobs"
ctest --test-dir build-java -R java --output-on-failure
