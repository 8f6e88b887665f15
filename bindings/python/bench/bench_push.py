#!/usr/bin/env python3
"""Batch push from Python against the C benchmark (bench/bench_reps) on the same recordings.

Both sides time processing only (files parsed beforehand), reset the detector per file, push,
drain every event and finish; the best of --repeat runs counts. The C side pushes each file as one
block; the Python side pushes batches of 1,000 and 10,000 samples and whole files.

Usage: bench_push.py [--build BUILD_DIR] [--repeat N] [--rounds R] [FILE.csv ...]
Without files it writes simulated recordings (t,ax,ay,az,gx,gy,gz) to a temporary folder.
Prints one line per measurement and the ratio Python / C.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

import hiptrack

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def simulated(folder: str) -> list[str]:
    paths = []
    for i, ex in enumerate(["squat", "seated_knee_extension", "bridge", "side_lying_hip_abduction"]):
        t, x, _ = hiptrack.simulate(ex, seed=i + 1, sets=3, reps_per_set=30, rate_hz=50)
        p = os.path.join(folder, f"sim-{ex}.csv")
        data = np.column_stack([t * 1e-9, x.astype(np.float64)])
        np.savetxt(p, data, delimiter=",", header="t,ax,ay,az,gx,gy,gz", comments="",
                   fmt=["%.6f"] + ["%.5f"] * 6)
        paths.append(p)
    return paths


def load(path: str) -> tuple[np.ndarray, np.ndarray]:
    d = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    t = np.round(d[:, 0] * 1e9).astype(np.int64)
    return t, np.ascontiguousarray(d[:, 1:7], dtype=np.float32)


def bench_python(data: list[tuple[np.ndarray, np.ndarray]], batch: int, repeat: int) -> tuple[float, int]:
    det = hiptrack.RepDetector()
    best, reps = float("inf"), 0
    for _ in range(repeat):
        reps = 0
        t0 = time.perf_counter()
        for t, x in data:
            det.reset()
            n = t.shape[0]
            step = n if batch <= 0 else batch
            for i in range(0, n, step):
                reps += det.push(t[i:i + step], x[i:i + step]).shape[0]
            reps += det.finish().shape[0]
        best = min(best, time.perf_counter() - t0)
    det.close()
    return best, reps


def bench_c(exe: str, paths: list[str], repeat: int) -> dict[str, str]:
    out = subprocess.run([exe, "--repeat", str(repeat), *paths], capture_output=True, text=True,
                         check=True).stdout.split()
    return dict(kv.split("=", 1) for kv in out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="CMake build dir with bench/bench_reps")
    ap.add_argument("--repeat", type=int, default=5, help="runs per round (best counts)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved C / Python rounds")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    paths = args.files or simulated(tmp.name)
    data = [load(p) for p in paths]
    samples = sum(t.shape[0] for t, _ in data)
    print(f"recordings: {len(paths)} files, {samples} samples of 6-axis data")

    exe = os.path.join(args.build, "bench", "bench_reps")
    have_c = os.access(exe, os.X_OK)
    if not have_c:
        print(f"C   bench_reps not found at {exe} (cmake --build build --target bench_reps)")
    batches = [(1000, "batches of 1,000"), (10000, "batches of 10,000"), (0, "whole file per push")]
    # Rounds interleave the C and Python runs so that both see the same machine load.
    c_rate, c_reps = 0.0, "?"
    best = {b: float("inf") for b, _ in batches}
    reps = {b: 0 for b, _ in batches}
    for _ in range(args.rounds):
        if have_c:
            fields = bench_c(exe, paths, args.repeat)
            c_rate, c_reps = max(c_rate, float(fields["samples_per_s"])), fields["reps"]
        for b, _ in batches:
            dt, reps[b] = bench_python(data, b, args.repeat)
            best[b] = min(best[b], dt)
    if have_c:
        print(f"C   bench_reps (whole file per push):      {c_rate:14,.0f} samples/s  reps={c_reps}")
    for b, label in batches:
        rate = samples / best[b]
        ratio = f"  ratio {rate / c_rate:6.1%} of C" if c_rate else ""
        print(f"Py  RepDetector.push ({label + '):':24s} {rate:14,.0f} samples/s  reps={reps[b]}{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
