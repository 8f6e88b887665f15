#!/bin/sh
# Bit-exact comparison of every detector event field between two builds' dump_reps_events
# (IMU and accelerometer-only input; whole-file blocks and blocks of 7 samples) over the given
# recordings. Usage: bench/compare_reps_events.sh BEFORE_BIN AFTER_BIN FILE.csv...
# Exit 0 and "identical" when every line matches.
set -e
before=$1; after=$2; shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for chunk in 1000000000 7; do
    "$before" --chunk $chunk "$@" > "$tmp/before"
    "$after" --chunk $chunk "$@" > "$tmp/after"
    if ! cmp -s "$tmp/before" "$tmp/after"; then
        echo "chunk $chunk: events differ:"
        diff "$tmp/before" "$tmp/after" | head -20
        exit 1
    fi
    echo "chunk $chunk: $(wc -l < "$tmp/after") event lines identical"
done
echo identical
