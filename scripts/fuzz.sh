#!/usr/bin/env bash
# Fuzzes every libFuzzer target (fuzz/CMakeLists.txt, HIPTRACK_FUZZ_TARGETS) for SECONDS each
# (default 60) and prints executions, new corpus units and crashes per target.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 3600 session_json
#
# Needs clang with libFuzzer (Debian: clang + libclang-rt-<N>-dev; the Swift toolchain's clang in
# /opt/swift/usr/bin also has it). Builds the `fuzz` preset (build-fuzz/, ASan + UBSan). The seed
# corpus fuzz/corpora/<target> is read only: new inputs go to a temporary folder, crashes to
# build-fuzz/artifacts/<target>/. FUZZ_JOBS=N runs N targets at once (default 1). Exits 1 when a
# target crashed: minimise the input (fuzz_<target> -minimize_crash=1 -runs=10000 CRASH), fix the
# bug, add the input to fuzz/corpora/<target>/ under a descriptive name.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
jobs="${FUZZ_JOBS:-1}"

if [ -z "${CC:-}" ] && ! command -v clang >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/clang ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$probe/t.c"
if ! clang -fsanitize=fuzzer,address,undefined "$probe/t.c" -o "$probe/t" >/dev/null 2>&1; then
  echo "clang with libFuzzer is needed (Debian: apt-get install clang libclang-rt-dev)" >&2
  exit 2
fi

echo "== building the fuzz preset (build-fuzz/)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" > build-fuzz/build.log 2>&1 || { grep -v "Cannot export local symbol" build-fuzz/build.log | tail -40; exit 1; }

if [ "$#" -gt 0 ]; then targets=("$@"); else mapfile -t targets < build-fuzz/fuzz/targets.txt; fi
work="build-fuzz/run"
rm -rf "$work"
mkdir -p "$work"

run_one() {
  local t="$1" exe="build-fuzz/fuzz/fuzz_$1"
  local new="$work/$t/new" art="build-fuzz/artifacts/$t/"
  mkdir -p "$new" "$art"
  rm -f "$art"crash-* "$art"leak-* "$art"timeout-* "$art"oom-* "$art"slow-unit-*
  # The first folder receives new units; the seed corpus after it is only read.
  "$exe" "$new" "fuzz/corpora/$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$art" > "$work/$t/log" 2>&1 || true
}

echo "== fuzzing ${#targets[@]} targets for ${seconds} s each (${jobs} at a time)"
running=0
for t in "${targets[@]}"; do
  [ -x "build-fuzz/fuzz/fuzz_$t" ] || { echo "no target fuzz_$t" >&2; exit 2; }
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

total_crashes=0
printf '\n%-16s %14s %10s %8s  %s\n' target executions new_units crashes artifacts
for t in "${targets[@]}"; do
  log="$work/$t/log"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  units="$(find "$work/$t/new" -type f | wc -l)"
  mapfile -t arts < <(find "build-fuzz/artifacts/$t" -type f \( -name 'crash-*' -o -name 'leak-*' \
    -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
  crashes="${#arts[@]}"
  if [ "$crashes" -eq 0 ] && grep -q "ERROR: libFuzzer\|==ERROR: \|runtime error:" "$log"; then crashes=1; fi
  total_crashes=$((total_crashes + crashes))
  printf '%-16s %14s %10s %8s  %s\n' "$t" "${execs:-?}" "$units" "$crashes" "${arts[*]:-}"
done
echo
if [ "$total_crashes" -gt 0 ]; then
  echo "FAILED: $total_crashes crash(es); logs in $work/<target>/log"
  exit 1
fi
echo "no crashes; logs in $work/<target>/log"
