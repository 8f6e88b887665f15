#!/usr/bin/env bash
# The main job: install, build, simulate a recording and count its reps with the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)" >/dev/null

out="build/demo"
mkdir -p "$out"
echo "== hiptrack simulate: 2 sets of 10 squats, phone at the waist, 50 Hz, random mounting"
build/cli/hiptrack simulate --exercise squat --placement pelvis --sets 2 --reps 10 --seed 7 \
  --labels "$out/squat.labels.json" > "$out/squat.csv"
echo "   $(($(wc -l < "$out/squat.csv") - 1)) samples written to $out/squat.csv (true reps in $out/squat.labels.json)"
echo
echo "== hiptrack reps --exercise squat $out/squat.csv"
build/cli/hiptrack reps --exercise squat "$out/squat.csv"
