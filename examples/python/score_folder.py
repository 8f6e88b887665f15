#!/usr/bin/env python3
"""Research-style batch scoring: count and measure the reps of every recording in a folder and
write one CSV row per recording (counts, flags, excursion, tempo, smoothness), plus, when a
`NAME.labels.json` file with a "reps" list sits beside a recording, the labelled count and the error.

Usage: score_folder.py FOLDER [--exercise ID|auto] [--out scores.csv] [--reps-out reps.csv]
Without FOLDER's recordings (or with --simulate N) it scores N simulated recordings instead.
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import tempfile

import numpy as np

import hiptrack


def load(path: str) -> tuple[np.ndarray, np.ndarray]:
    d = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return np.round(d[:, 0] * 1e9).astype(np.int64), d[:, 1:7].astype(np.float32)


def labelled_count(path: str) -> int | None:
    label = os.path.splitext(path)[0] + ".labels.json"
    if not os.path.exists(label):
        return None
    with open(label) as f:
        doc = json.load(f)
    reps = doc.get("reps") if isinstance(doc, dict) else None
    return len(reps) if isinstance(reps, list) else None


def simulate_folder(folder: str, n: int) -> None:
    ids = ["squat", "bridge", "seated_knee_extension", "side_lying_hip_abduction"]
    for i in range(n):
        t, x, truth = hiptrack.simulate(ids[i % len(ids)], seed=100 + i, reps_per_set=10, partial_fraction=0.2)
        p = os.path.join(folder, f"sim-{i:02d}-{ids[i % len(ids)]}.csv")
        np.savetxt(p, np.column_stack([t * 1e-9, x]), delimiter=",", header="t,ax,ay,az,gx,gy,gz",
                   comments="", fmt=["%.6f"] + ["%.5f"] * 6)
        with open(os.path.splitext(p)[0] + ".labels.json", "w") as f:
            json.dump({"reps": [{"start_s": r.start_ns * 1e-9, "end_s": r.end_ns * 1e-9} for r in truth]}, f)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--exercise", default="auto")
    ap.add_argument("--simulate", type=int, default=0, help="score N simulated recordings")
    ap.add_argument("--out", default="scores.csv")
    ap.add_argument("--reps-out", help="also write every rep of every recording here")
    args = ap.parse_args()

    tmp = None
    folder = args.folder
    if args.simulate or not folder:
        tmp = tempfile.TemporaryDirectory()
        folder = tmp.name
        simulate_folder(folder, args.simulate or 8)
    paths = sorted(p for p in glob.glob(os.path.join(folder, "*.csv")))
    exercise = None if args.exercise == "auto" else hiptrack.Catalog()[args.exercise]

    rows, all_reps = [], []
    det = hiptrack.RepDetector(exercise=exercise)
    for path in paths:
        t, x = load(path)
        det.reset()
        try:
            reps = det.process(t, x)
            error = ""
        except hiptrack.HipError as e:           # a bad sample: keep what came before it
            reps, error = getattr(e, "events", hiptrack.empty_events()), f"{e.status_name}: {e}"
            det.reset()
        cols = hiptrack.columns(reps)
        truth = labelled_count(path)
        n = len(reps)
        flags = cols["flags"]
        rows.append({
            "recording": os.path.basename(path),
            "duration_s": round((t[-1] - t[0]) * 1e-9, 2) if len(t) else 0,
            "samples": len(t),
            "reps": n,
            "labelled_reps": "" if truth is None else truth,
            "count_error": "" if truth is None else n - truth,
            "partial": int(np.count_nonzero(flags & hiptrack.RepFlag.PARTIAL)),
            "too_fast": int(np.count_nonzero(flags & hiptrack.RepFlag.TOO_FAST)),
            "too_slow": int(np.count_nonzero(flags & hiptrack.RepFlag.TOO_SLOW)),
            "excursion_deg_median": round(float(np.median(cols["excursion_deg"])), 1) if n else "",
            "rep_s_median": round(float(np.median(cols["end_s"] - cols["start_s"])), 2) if n else "",
            "smoothness_median": round(float(np.median(cols["smoothness"])), 2) if n else "",
            "error": error,
        })
        for k in range(n):
            all_reps.append({"recording": os.path.basename(path),
                             **{name: cols[name][k].item() for name in hiptrack.REP_DTYPE.names or ()}})
    det.close()

    with open(args.out, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else ["recording"])
        w.writeheader()
        w.writerows(rows)
    if args.reps_out and all_reps:
        with open(args.reps_out, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(all_reps[0]))
            w.writeheader()
            w.writerows(all_reps)
    labelled = [r for r in rows if r["labelled_reps"] != ""]
    if labelled:
        mae = sum(abs(int(r["count_error"])) for r in labelled) / len(labelled)
        print(f"{len(rows)} recordings scored, mean absolute count error {mae:.2f} over {len(labelled)} labelled")
    else:
        print(f"{len(rows)} recordings scored")
    print(f"written: {args.out}" + (f", {args.reps_out}" if args.reps_out else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
