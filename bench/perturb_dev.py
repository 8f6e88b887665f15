#!/usr/bin/env python3
"""How well does the rep detector hold up when the dev recordings come from another device?

Reads every DATA/*.csv (+ *.labels.json) of the dev set, writes perturbed copies into a temporary
folder (labels copied alongside, unchanged: every perturbation keeps the recording's time base),
runs ../shared/tools/score_reps.py over each perturbation with the CLI of a build dir, and prints
one table (exact %, within-one %, MAE, event precision/recall, UCI exact n/16, Exermote exact %)
plus, per perturbation, the sets whose count changed against the unperturbed run.

Perturbations (deterministic seeds; each applied on its own to the original recordings):
  rate50/rate100/rate200  band-limited upsampling (scipy.signal.resample_poly) of the 25 Hz UCI
                          and 10 Hz Exermote signals to a regular 50/100/200 Hz grid
  uci12.5                 UCI at 12.5 Hz (every other sample); Exermote stays at 10 Hz
  rot1..rot3              one random fixed rotation of the sensor frame per file (accel and gyro
                          by the same matrix), three seeds
  jitter1, bias0.002      controls: perturbations far below any real device's; what they change is
                          the bench's noise band (sets that sit on a decision boundary)
  jitter3/jitter10        timestamps + uniform(-3, 3) / (-10, 10) ms (values unchanged)
  gap2s                   2 s of samples dropped in the middle of the longest idle period the
                          labels show (between labelled reps or sets); files without one unchanged
  noise-lo/noise-hi       white noise, accel 0.05 / 0.2 m/s^2 rms, gyro 0.01 / 0.05 rad/s rms
  noise-acc/noise-gyro    noise-hi's accel part alone / gyro part alone
  bias0.02/bias0.05       constant gyro bias of +0.02 / +0.05 rad/s on every axis
  accel-only              the original files with `--input accel` (the CLI reads t,ax,ay,az)
  units                   accel in g, gyro in deg/s, time in ms, with --accel-unit g
                          --gyro-unit dps --time-unit ms
  units-noflags           the same files without the flags (the CLI's unit check should refuse
                          them: every recording then fails and counts as zero reps)

Usage:
  python3 bench/perturb_dev.py [--build build-rel] [--only rate100,rot1,...] [--keep DIR]
                               [--data ../shared/data/dev] [--jobs 2] [--json OUT.json] [--all-changes]
"""
import argparse
import concurrent.futures
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.signal import resample_poly
from scipy.spatial.transform import Rotation

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def load(path):
    d = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return d[:, 0].copy(), d[:, 1:7].copy()


def file_seed(name, salt):
    # Deterministic across runs and Python versions (no hash randomisation).
    return (sum((i + 1) * ord(c) for i, c in enumerate(name)) * 7919 + salt) % (2**32)


# --- perturbations: f(name, t, x, lab) -> (t, x) ------------------------------------------------

def upsample(factor_by_rate):
    def f(name, t, x, lab):
        rate = float(lab.get("rate_hz", round(1.0 / np.median(np.diff(t)))))
        up = factor_by_rate(rate)
        if up is None or up == 1:
            return t, x
        # The recordings are regular to within a few ms (Exermote's phone clock jitters by ~2 ms
        # rms): treat them as a uniform grid over their own span, which keeps the time base.
        n = len(t)
        dt = (t[-1] - t[0]) / (n - 1)
        y = resample_poly(x, up, 1, axis=0, padtype="line")
        m = (n - 1) * up + 1          # stop at the last original sample (no extrapolated tail)
        return t[0] + np.arange(m) * (dt / up), y[:m]
    return f


def to_rate(target):
    return upsample(lambda rate: int(round(target / rate)) if target % rate == 0 else None)


def uci_half(name, t, x, lab):
    if not name.startswith("uci-"):
        return t, x
    return t[::2], x[::2]


def rotation(seed):
    def f(name, t, x, lab):
        r = Rotation.random(random_state=file_seed(name, seed)).as_matrix()
        y = x.copy()
        y[:, 0:3] = x[:, 0:3] @ r.T
        y[:, 3:6] = x[:, 3:6] @ r.T
        return t, y
    return f


def jitter(ms):
    def f(name, t, x, lab):
        rng = np.random.default_rng(file_seed(name, 100 + ms))
        tj = t + rng.uniform(-ms * 1e-3, ms * 1e-3, size=len(t))
        order = np.argsort(tj, kind="stable")
        tj, y = tj[order], x[order]
        # strictly increasing at the written precision (1 us)
        for i in range(1, len(tj)):
            if tj[i] <= tj[i - 1] + 1e-6:
                tj[i] = tj[i - 1] + 2e-6
        return tj, y
    return f


def idle_periods(lab, t0, t1):
    """Intervals with no labelled rep (per-rep labels) or no set (otherwise)."""
    spans = sorted((r["start"], r["end"]) for r in lab["reps"]) if "reps" in lab else \
        sorted((s["start"], s["end"]) for s in lab["sets"])
    out, cur = [], t0
    for a, b in spans:
        if a > cur:
            out.append((cur, a))
        cur = max(cur, b)
    if t1 > cur:
        out.append((cur, t1))
    return out


def gap(seconds):
    def f(name, t, x, lab):
        idle = [(a, b) for a, b in idle_periods(lab, t[0], t[-1]) if b - a >= seconds + 2.0]
        if not idle:
            return t, x
        a, b = max(idle, key=lambda p: p[1] - p[0])
        mid = 0.5 * (a + b)
        keep = (t < mid - seconds / 2) | (t >= mid + seconds / 2)
        return t[keep], x[keep]
    return f


def noise(acc_rms, gyro_rms, salt):
    def f(name, t, x, lab):
        rng = np.random.default_rng(file_seed(name, salt))
        y = x.copy()
        y[:, 0:3] += rng.normal(0.0, acc_rms, size=(len(t), 3))
        y[:, 3:6] += rng.normal(0.0, gyro_rms, size=(len(t), 3))
        return t, y
    return f


def gyro_bias(b):
    def f(name, t, x, lab):
        y = x.copy()
        y[:, 3:6] += b
        return t, y
    return f


def identity(name, t, x, lab):
    return t, x


# name -> (transform, extra CLI args, writer units: (time scale, accel scale, gyro scale))
SI = (1.0, 1.0, 1.0)
OTHER_UNITS = (1000.0, 1.0 / 9.80665, 180.0 / np.pi)
UNIT_FLAGS = ["--accel-unit", "g", "--gyro-unit", "dps", "--time-unit", "ms"]
PERTURBATIONS = [
    ("baseline", identity, [], SI),
    ("rate50", to_rate(50), [], SI),
    ("rate100", to_rate(100), [], SI),
    ("rate200", to_rate(200), [], SI),
    ("uci12.5", uci_half, [], SI),
    ("rot1", rotation(1), [], SI),
    ("rot2", rotation(2), [], SI),
    ("rot3", rotation(3), [], SI),
    ("jitter1", jitter(1), [], SI),       # control: a perturbation no device would notice
    ("bias0.002", gyro_bias(0.002), [], SI),  # control
    ("jitter3", jitter(3), [], SI),
    ("jitter10", jitter(10), [], SI),
    ("gap2s", gap(2.0), [], SI),
    ("noise-lo", noise(0.05, 0.01, 201), [], SI),
    ("noise-hi", noise(0.2, 0.05, 202), [], SI),
    ("noise-acc", noise(0.2, 0.0, 202), [], SI),   # noise-hi split by sensor
    ("noise-gyro", noise(0.0, 0.05, 202), [], SI),
    ("bias0.02", gyro_bias(0.02), [], SI),
    ("bias0.05", gyro_bias(0.05), [], SI),
    ("accel-only", identity, ["--input", "accel"], SI),
    ("units", identity, UNIT_FLAGS, OTHER_UNITS),
    ("units-noflags", identity, [], OTHER_UNITS),
]


def write_csv(path, t, x, units):
    ts, a, g = units
    d = np.column_stack([t * ts, x[:, 0:3] * a, x[:, 3:6] * g])
    tfmt = "%.6f" if ts == 1.0 else "%.3f"
    np.savetxt(path, d, delimiter=",", header="t,ax,ay,az,gx,gy,gz", comments="",
               fmt=[tfmt] + ["%.6f"] * 6)


def make_set(name, fn, units, recs, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    changed = 0
    for base, (t, x, lab, lab_path) in recs.items():
        t2, x2 = fn(base, t, x, lab)
        changed += (len(t2) != len(t)) or not (np.array_equal(t2, t) and np.array_equal(x2, x)) or units != SI
        write_csv(os.path.join(out_dir, base + ".csv"), t2, x2, units)
        shutil.copyfile(lab_path, os.path.join(out_dir, base + ".labels.json"))
    return changed


def score(scorer, data_dir, cli, extra):
    cmd = [sys.executable, scorer, "--json", data_dir, "--", cli, "reps", "--format", "csv",
           *extra, "--exercise", "{exercise}", "{csv}"]
    p = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def summary(res):
    rows = res["rows"]
    a = res["all"]
    uci = [r for r in rows if r["recording"].startswith("uci-")]
    exm = [r for r in rows if r["recording"].startswith("exermote-")]
    return {
        "exact": a["exact"], "within1": a["within1"], "mae": a["mae"],
        "precision": a.get("precision", 0.0), "recall": a.get("recall", 0.0),
        "uci_exact": sum(r["true"] == r["found"] for r in uci), "uci_n": len(uci),
        "exm_exact": 100.0 * sum(r["true"] == r["found"] for r in exm) / max(1, len(exm)),
        "failures": len(res["failures"]),
    }


def set_keys(rows):
    seen = {}
    out = {}
    for r in rows:
        k = seen.get(r["recording"], 0)
        seen[r["recording"]] = k + 1
        out[(r["recording"], k)] = r
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(REPO, "build-rel"), help="build dir holding cli/hiptrack")
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data", "dev"))
    ap.add_argument("--scorer", default=os.path.join(REPO, "..", "shared", "tools", "score_reps.py"))
    ap.add_argument("--only", help="comma-separated perturbation names (baseline is always run)")
    ap.add_argument("--keep", help="write the perturbed sets into this folder and keep them (outside the repo!)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", help="write all per-set results to this file")
    ap.add_argument("--all-changes", action="store_true", help="list every changed set (default: the first 12)")
    a = ap.parse_args()

    cli = os.path.join(a.build, "cli", "hiptrack")
    if not os.access(cli, os.X_OK):
        sys.exit(f"no CLI at {cli} (build the hiptrack_cli target)")
    names = [p[0] for p in PERTURBATIONS]
    chosen = names if not a.only else ["baseline"] + [n for n in a.only.split(",") if n != "baseline"]
    for n in chosen:
        if n not in names:
            sys.exit(f"unknown perturbation {n}; known: {', '.join(names)}")
    if a.keep:
        real = os.path.realpath(a.keep)
        for forbidden in (REPO, os.path.realpath(os.path.join(a.data, "..", ".."))):
            if real == forbidden or real.startswith(forbidden + os.sep):
                sys.exit(f"--keep must be outside {forbidden}")

    t_start = time.perf_counter()
    recs = {}
    for lab_path in sorted(glob.glob(os.path.join(a.data, "*.labels.json"))):
        base = os.path.basename(lab_path)[: -len(".labels.json")]
        t, x = load(os.path.join(a.data, base + ".csv"))
        with open(lab_path) as f:
            recs[base] = (t, x, json.load(f), lab_path)

    root = a.keep or tempfile.mkdtemp(prefix="hiptrack-perturb-")
    table = {}
    try:
        spec = {p[0]: p for p in PERTURBATIONS}

        def run(name):
            _, fn, extra, units = spec[name]
            d = os.path.join(root, name)
            if name == "baseline" or name == "accel-only":
                d, n_changed = a.data, 0   # the originals: nothing to write (accel-only: other flags)
            else:
                n_changed = make_set(name, fn, units, recs, d)
            return name, n_changed, score(a.scorer, d, cli, extra)

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
            for name, n_changed, res in ex.map(run, chosen):
                table[name] = (n_changed, res)
    finally:
        if not a.keep:
            shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - t_start

    hdr = f"{'perturbation':14s} {'files':>5s} {'exact%':>7s} {'within1%':>8s} {'MAE':>5s} {'P%':>5s} {'R%':>5s} {'UCI':>6s} {'Exm%':>6s} {'fail':>4s}"
    print(hdr)
    print("-" * len(hdr))
    for name in chosen:
        n_changed, res = table[name]
        s = summary(res)
        print(f"{name:14s} {n_changed:5d} {s['exact']:7.1f} {s['within1']:8.1f} {s['mae']:5.2f} "
              f"{s['precision']:5.1f} {s['recall']:5.1f} {s['uci_exact']:3d}/{s['uci_n']:<2d} "
              f"{s['exm_exact']:6.1f} {s['failures']:4d}")
    base = set_keys(table["baseline"][1]["rows"])
    print()
    for name in chosen:
        if name == "baseline":
            continue
        cur = set_keys(table[name][1]["rows"])
        diffs = [(k, base[k], cur[k]) for k in base if k in cur and cur[k]["found"] != base[k]["found"]]
        better = sum(abs(c["found"] - c["true"]) < abs(b["found"] - b["true"]) for _, b, c in diffs)
        worse = sum(abs(c["found"] - c["true"]) > abs(b["found"] - b["true"]) for _, b, c in diffs)
        print(f"{name}: {len(diffs)} sets changed ({worse} worse, {better} better)")
        shown = diffs if a.all_changes else diffs[:12]
        for (rec, i), b, c in shown:
            print(f"   {rec:40s} set{i:<2d} {c['exercise']:26s} true={c['true']:3d} base={b['found']:3d} now={c['found']:3d}")
        if len(shown) < len(diffs):
            print(f"   ... {len(diffs) - len(shown)} more (--all-changes lists them)")
        for fail in table[name][1]["failures"][:3]:
            print("   FAILED", fail[0], fail[1], "; ".join(fail[2]))
        if len(table[name][1]["failures"]) > 3:
            print(f"   ... {len(table[name][1]['failures']) - 3} more failures")
    print(f"\n{len(chosen)} runs, {len(recs)} recordings, {elapsed:.1f} s")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({k: {"files_changed": v[0], **v[1]} for k, v in table.items()}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
