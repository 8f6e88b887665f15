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

Input rates: the dev recordings are 10 Hz (Exermote, an iPhone) and 25 Hz (UCI, Xsens), below
what phones and wearables usually deliver (50-100 Hz). With --rates 50,100 (the default) the same
recordings are also band-limited upsampled to each rate (bench/perturb_dev.py's resampling, written
as its files are) and compared again, and a last table lists every rate side by side. --rates none
measures the recordings as they are only.

Usage: bench_vs_baseline.py BUILD_DIR [RECORDINGS_DIR] [--rates HZ,HZ,...|none]
Without RECORDINGS_DIR it uses ../shared/data/dev when present, else recordings that
`hiptrack simulate` makes in a temporary folder.
"""
import argparse
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


def compare(build, baseline, paths, rounds):
    """Times the baseline (as written and processing only) and bench_reps over paths, alternating
    over rounds; prints each round and returns the summary figures."""
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
    summary = {
        "samples": samples,
        "detector": max(r[0] for r in rows),
        "as_written": med([r[0] / r[1] for r in rows]),
        "processing": med([r[0] / r[2] for r in rows]),
        "end_to_end": med([r[3] / r[1] for r in rows]),
    }
    best = max(rows, key=lambda r: r[3])
    print(f"hiptrack detector (C, streaming): {summary['detector']:,.0f} samples/s (best round)")
    print(f"ratio vs baseline_reps.py as written (CSV load + SciPy): median {summary['as_written']:.1f}x")
    print(f"ratio vs baseline_reps.py processing only (arrays preloaded): median {summary['processing']:.1f}x")
    print(f"hiptrack end to end (C CSV reader + detector, file bytes in memory): {best[3]:,.0f} samples/s"
          f" (best round; the reader alone {best[4]:,.0f} samples/s, {best[5]:.0f} MB/s)")
    print(f"ratio end to end vs baseline_reps.py as written (np.loadtxt + SciPy): median {summary['end_to_end']:.1f}x")
    return summary


def resampled(paths, rate, folder):
    """The recordings band-limited upsampled to rate Hz, as bench/perturb_dev.py makes its rateN
    sets; files whose rate does not divide rate are left out. Returns the new paths."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("perturb_dev", os.path.join(here, "perturb_dev.py"))
    pd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pd)
    out = []
    for p in paths:
        t, x = pd.load(p)
        t2, x2 = pd.to_rate(rate)(os.path.basename(p), t, x, {})
        if len(t2) == len(t):
            continue
        q = os.path.join(folder, os.path.basename(p))
        pd.write_csv(q, t2, x2, pd.SI)
        out.append(q)
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Detector throughput against the SciPy baseline.")
    ap.add_argument("build", nargs="?", default=os.path.join(here, "..", "build"))
    ap.add_argument("recordings", nargs="?", help="folder of recording CSVs (default: the dev set)")
    ap.add_argument("--rates", default="50,100",
                    help="also compare the recordings upsampled to these rates (Hz, comma-separated; none: off)")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    shared = os.path.abspath(os.path.join(here, "..", "..", "shared"))
    tmp = tempfile.TemporaryDirectory()
    if args.recordings:
        paths = sorted(glob.glob(os.path.join(args.recordings, "*.csv")))
    elif os.path.isdir(os.path.join(shared, "data", "dev")):
        paths = sorted(glob.glob(os.path.join(shared, "data", "dev", "*.csv")))
    else:
        paths = simulated(build, tmp.name)
    baseline_path = os.path.join(shared, "tools", "baseline_reps.py")
    if not os.path.exists(baseline_path):
        print("baseline_reps.py not found beside the checkout; nothing to compare with")
        return 0
    rates = [] if args.rates == "none" else [int(r) for r in args.rates.split(",") if r]

    spec = importlib.util.spec_from_file_location("baseline_reps", baseline_path)
    baseline = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(baseline)
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))

    table = [("as recorded", compare(build, baseline, paths, rounds))]
    for rate in rates:
        folder = os.path.join(tmp.name, f"rate{rate}")
        os.makedirs(folder)
        up = resampled(paths, rate, folder)
        if not up:
            continue
        print(f"\n-- the same recordings upsampled to {rate} Hz")
        table.append((f"{rate} Hz", compare(build, baseline, up, rounds)))
    if len(table) > 1:
        print("\n| input | samples | detector samples/s | vs baseline as written | processing only | end to end |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, m in table:
            print(f"| {name} | {m['samples']:,} | {m['detector']:,.0f} | {m['as_written']:.1f}x | {m['processing']:.1f}x"
                  f" | {m['end_to_end']:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
