#!/usr/bin/env python3
"""Detector throughput against the SciPy baseline, in one run over the same recordings.

The baseline (../shared/tools/baseline_reps.py, the offline pipeline a researcher would write) is
loaded in-process and timed twice: as written (its count(path) reads the CSV with np.loadtxt), and
on processing alone (its file reading replaced by the already-loaded arrays). The C side is
bench/bench_reps: the streaming detector over already-parsed samples, best of N.

Usage: bench_vs_baseline.py BUILD_DIR [RECORDINGS_DIR]
Without RECORDINGS_DIR it uses ../shared/data/dev when present, else recordings that
`hiptrack simulate` makes in a temporary folder.
"""
import glob
import importlib.util
import os
import subprocess
import sys
import tempfile
import time

import numpy as np


def simulated(build, folder):
    cli = os.path.join(build, "cli", "hiptrack")
    paths = []
    for i, ex in enumerate(["squat", "seated_knee_extension", "bridge", "side_lying_hip_abduction"]):
        p = os.path.join(folder, f"sim-{ex}.csv")
        with open(p, "w") as f:
            subprocess.run([cli, "simulate", "--exercise", ex, "--reps", "30", "--sets", "3",
                            "--rate", "50", "--seed", str(i + 1)], stdout=f, check=True)
        paths.append(p)
    return paths


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "build"))
    shared = os.path.abspath(os.path.join(here, "..", "..", "shared"))
    tmp = tempfile.TemporaryDirectory()
    if len(sys.argv) > 2:
        paths = sorted(glob.glob(os.path.join(sys.argv[2], "*.csv")))
    elif os.path.isdir(os.path.join(shared, "data", "dev")):
        paths = sorted(glob.glob(os.path.join(shared, "data", "dev", "*.csv")))
    else:
        paths = simulated(build, tmp.name)
    baseline_path = os.path.join(shared, "tools", "baseline_reps.py")
    if not os.path.exists(baseline_path):
        print("baseline_reps.py not found beside the checkout; nothing to compare with")
        return 0

    spec = importlib.util.spec_from_file_location("baseline_reps", baseline_path)
    baseline = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(baseline)
    # 1. The pipeline as written: count(path) reads its CSV with np.loadtxt, then processes it.
    best_full = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        for p in paths:
            baseline.count(p)
        best_full = min(best_full, time.perf_counter() - t0)

    # 2. Processing only: the files are loaded once and count() gets the arrays.
    data = {p: np.loadtxt(p, delimiter=",", skiprows=1) for p in paths}
    samples = sum(len(d) for d in data.values())
    real_loadtxt = np.loadtxt
    np.loadtxt = lambda path, **kw: data[path]   # processing only: the files are already loaded
    best = float("inf")
    try:
        for _ in range(3):
            t0 = time.perf_counter()
            for p in paths:
                baseline.count(p)
            best = min(best, time.perf_counter() - t0)
    finally:
        np.loadtxt = real_loadtxt
    base_rate = samples / best
    full_rate = samples / best_full

    out = subprocess.run([os.path.join(build, "bench", "bench_reps"), "--repeat", "5", *paths],
                         capture_output=True, text=True, check=True).stdout.strip()
    fields = dict(kv.split("=") for kv in out.split())
    c_rate = float(fields["samples_per_s"])
    print(f"recordings: {len(paths)} files, {samples} samples of 6-axis data")
    print(f"hiptrack detector (C, streaming): {c_rate:,.0f} samples/s, state {fields['state_bytes']} bytes")
    print(f"baseline_reps.py count(path) as written (CSV load + SciPy): {full_rate:,.0f} samples/s"
          f" -> ratio {c_rate / full_rate:.1f}x")
    print(f"baseline_reps.py processing only (arrays preloaded): {base_rate:,.0f} samples/s"
          f" -> ratio {c_rate / base_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
