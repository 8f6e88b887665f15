#!/usr/bin/env python3
"""Detector throughput against the SciPy baseline, in one run over the same recordings.

The baseline (../shared/tools/baseline_reps.py, the offline pipeline a researcher would write) is
loaded in-process and timed twice: as written (its count(path) reads the CSV with np.loadtxt), and
on processing alone (its file reading replaced by the already-loaded arrays; the fair comparison,
since the detector's figure excludes parsing too). The C side is bench/bench_reps: the streaming
detector over already-parsed samples, best of 5. The three alternate over BENCH_ROUNDS rounds
(default 3) and each round's ratios are printed, with the median.

End to end: the same bench_reps run (--with-parse) also times the CLI's recording CSV reader
followed by the detector, file by file, from the files' bytes already in memory (the read from
disk excluded; the baseline's np.loadtxt reads them from the page cache), and that rate is
compared with the baseline as written (np.loadtxt + SciPy) on extra lines.

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
    data = {p: np.loadtxt(p, delimiter=",", skiprows=1) for p in paths}
    samples = sum(len(d) for d in data.values())
    real_loadtxt = np.loadtxt

    def baseline_as_written():
        # count(path) reads its CSV with np.loadtxt, then processes it
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            for p in paths:
                baseline.count(p)
            best = min(best, time.perf_counter() - t0)
        return samples / best

    def baseline_processing_only():
        # the files are already loaded: count() gets the arrays
        np.loadtxt = lambda path, **kw: data[path]
        best = float("inf")
        try:
            for _ in range(3):
                t0 = time.perf_counter()
                for p in paths:
                    baseline.count(p)
                best = min(best, time.perf_counter() - t0)
        finally:
            np.loadtxt = real_loadtxt
        return samples / best

    def detector():
        out = subprocess.run([os.path.join(build, "bench", "bench_reps"), "--repeat", "5", "--with-parse", *paths],
                             capture_output=True, text=True, check=True).stdout.strip()
        return dict(kv.split("=") for kv in out.split())

    # The machine may be shared: the three measurements alternate over a few rounds, and each
    # round's ratios compare figures taken seconds apart.
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    rows = []
    for _ in range(rounds):
        full = baseline_as_written()
        proc = baseline_processing_only()
        fields = detector()
        rows.append((float(fields["samples_per_s"]), full, proc, float(fields["e2e_samples_per_s"]),
                     float(fields["parse_samples_per_s"]), float(fields["parse_mb_per_s"])))
    print(f"recordings: {len(paths)} files, {samples} samples of 6-axis data; {rounds} alternating rounds")
    print(f"hiptrack state: {fields['state_bytes']} bytes")
    for k, (c, full, proc, e2e, _, _) in enumerate(rows, 1):
        print(f"round {k}: hiptrack {c:,.0f} samples/s; baseline as written {full:,.0f} samples/s"
              f" -> {c / full:.1f}x; baseline processing only {proc:,.0f} samples/s -> {c / proc:.1f}x")
        print(f"round {k} end to end: hiptrack CSV reader + detector {e2e:,.0f} samples/s; baseline as written"
              f" {full:,.0f} samples/s -> {e2e / full:.1f}x")
    med = lambda v: sorted(v)[len(v) // 2]
    c_best = max(r[0] for r in rows)
    print(f"hiptrack detector (C, streaming): {c_best:,.0f} samples/s (best round)")
    print(f"ratio vs baseline_reps.py as written (CSV load + SciPy): median {med([r[0] / r[1] for r in rows]):.1f}x")
    print(f"ratio vs baseline_reps.py processing only (arrays preloaded): median {med([r[0] / r[2] for r in rows]):.1f}x")
    best = max(rows, key=lambda r: r[3])
    print(f"hiptrack end to end (C CSV reader + detector, file bytes in memory): {best[3]:,.0f} samples/s"
          f" (best round; the reader alone {best[4]:,.0f} samples/s, {best[5]:.0f} MB/s)")
    print(f"ratio end to end vs baseline_reps.py as written (np.loadtxt + SciPy): median {med([r[3] / r[1] for r in rows]):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
