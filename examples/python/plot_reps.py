#!/usr/bin/env python3
"""Count the reps of one recording and save a PNG of the signal with each detected rep marked.

Usage: plot_reps.py [RECORDING.csv] [--exercise ID] [--out reps.png]
The recording is the CLI's CSV (t,ax,ay,az,gx,gy,gz: seconds, m/s^2 with gravity, rad/s); without
one, a simulated set of squats is used.
"""
from __future__ import annotations

import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import hiptrack  # noqa: E402


def load(path: str) -> tuple[np.ndarray, np.ndarray]:
    d = np.loadtxt(path, delimiter=",", skiprows=1)
    return np.round(d[:, 0] * 1e9).astype(np.int64), d[:, 1:7].astype(np.float32)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("recording", nargs="?")
    ap.add_argument("--exercise", default="squat", help="catalog id, or 'auto' for the generic detector")
    ap.add_argument("--out", default="reps.png")
    args = ap.parse_args()

    catalog = hiptrack.Catalog()
    exercise = None if args.exercise == "auto" else catalog[args.exercise]
    if args.recording:
        t, x = load(args.recording)
        title = args.recording
    else:
        t, x, _ = hiptrack.simulate(exercise or "squat", seed=1, sets=2, reps_per_set=8, rest_s=8)
        title = f"simulated {args.exercise}"

    reps = hiptrack.count_reps(t, x, exercise=exercise)
    cols = hiptrack.columns(reps)

    s = (t - t[0]) * 1e-9
    t0 = t[0] * 1e-9
    fig, (ax_acc, ax_gyr) = plt.subplots(2, 1, sharex=True, figsize=(12, 6))
    for i, name in enumerate(["ax", "ay", "az"]):
        ax_acc.plot(s, x[:, i], lw=0.7, label=name)
    for i, name in enumerate(["gx", "gy", "gz"]):
        ax_gyr.plot(s, x[:, 3 + i], lw=0.7, label=name)
    for k in range(len(reps)):
        start, end, peak = cols["start_s"][k] - t0, cols["end_s"][k] - t0, cols["peak_s"][k] - t0
        partial = bool(cols["flags"][k] & hiptrack.RepFlag.PARTIAL)
        for ax in (ax_acc, ax_gyr):
            ax.axvspan(start, end, color="tab:red" if partial else "tab:green", alpha=0.15, lw=0)
            ax.axvline(peak, color="k", lw=0.5, ls=":")
        ax_acc.text(peak, ax_acc.get_ylim()[1], f"{cols['index'][k]}\n{cols['excursion_deg'][k]:.0f}°",
                    ha="center", va="top", fontsize=7)
    ax_acc.set_ylabel("accel (m/s²)")
    ax_gyr.set_ylabel("gyro (rad/s)")
    ax_gyr.set_xlabel("time (s)")
    ax_acc.legend(loc="upper right", fontsize=7, ncol=3)
    ax_gyr.legend(loc="upper right", fontsize=7, ncol=3)
    ax_acc.set_title(f"{title}: {len(reps)} reps (green full range, red partial)")
    fig.tight_layout()
    fig.savefig(args.out, dpi=120)
    print(f"{len(reps)} reps; plot written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
