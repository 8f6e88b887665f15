#!/usr/bin/env bash
# The main job: install, build, and run hiptrack's demo from a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)" >/dev/null

echo "== hiptrack catalog (the built-in exercises)"
build/cli/hiptrack catalog
echo
echo "== examples/c/program_tour.c (prescribe, progress, look up a version)"
build/examples/example_program_tour
