#!/usr/bin/env python3
"""Score the pose rep counter on 2-D projections of the 3-D pose-dev recordings.

Every recording in DATA_DIR (../shared/data/pose-dev) is seen by a virtual pinhole camera
3 m from the subject at 1 m height, looking horizontally:
  front  in front of the subject (along the normal of their median hip line), and
  side   at the subject's left, 90 degrees to that.
The projections are written as 2-D pose CSVs in the hiptrack layout (t, <joint>_x, <joint>_y;
normalised image coordinates u = X/Z, v = Y/Z, y up) with the labels beside them, and scored with
score_reps.py. The 3-D originals are scored too. --check asserts the accuracy goals for all
three: the 3-D recordings, the side view (every pose-dev exercise is sagittal but the side lunge,
whose knee and hip flexion a side camera sees too) and the front view (where the counter follows
the heights the movements change: docs/pose.md). Exits 77 (skipped) without DATA_DIR. Needs numpy.

Usage: pose_projections.py [--check] [--keep DIR] DATA_DIR SCORE_REPS HIPTRACK
"""
import argparse
import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError:   # the CTest skips
    np = None

JOINTS = ["pelvis", "spine_mid", "spine_shoulder", "head", "shoulder_l", "shoulder_r", "elbow_l",
          "elbow_r", "wrist_l", "wrist_r", "hip_l", "hip_r", "knee_l", "knee_r", "ankle_l",
          "ankle_r", "foot_l", "foot_r"]
IX = {n: i for i, n in enumerate(JOINTS)}
GOALS = {"within1": 97.0, "exact": 90.0, "precision": 97.0, "recall": 97.0}


def load(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    cols = {name: k for k, name in enumerate(header)}
    pts = np.stack([np.stack([data[:, cols[j + "_" + a]] for a in "xyz"], -1) for j in JOINTS], 1)
    return data[:, cols["t"]], pts


def project(pts, view, distance=3.0, height=1.0):
    """Pinhole projection (focal length 1) from a camera in front of or beside the subject."""
    up = np.array([0.0, 1.0, 0.0])
    left = np.median(pts[:, IX["hip_l"]] - pts[:, IX["hip_r"]], axis=0)
    left[1] = 0.0
    left /= np.linalg.norm(left)
    facing = np.cross(left, up)                  # the subject's anterior direction
    centre = np.median(pts[:, IX["pelvis"]], axis=0)
    centre[1] = height
    look = -facing if view == "front" else -left  # the camera's optical axis
    cam = centre - look * distance
    right = np.cross(look, up)
    rel = pts - cam
    z = rel @ look
    return np.stack([(rel @ right) / z, (rel @ up) / z], -1)


def write_2d(path, t, uv):
    cols = ["t"] + [j + "_" + a for j in JOINTS for a in "xy"]
    flat = uv.reshape(len(t), -1)
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        for k in range(len(t)):
            f.write("%.4f," % t[k] + ",".join("%.5f" % v for v in flat[k]) + "\n")


def score(data_dir, score_reps, hiptrack):
    """score_reps.py's JSON, with its summary per exercise added under "groups"."""
    cmd = [sys.executable, score_reps, "--json", data_dir, "--",
           hiptrack, "reps", "--format", "csv", "--exercise", "{exercise}", "{csv}"]
    out = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    spec = importlib.util.spec_from_file_location("score_reps", score_reps)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = out["rows"]
    out["groups"] = {ex: mod.summarize([r for r in rows if r["exercise"] == ex])
                     for ex in sorted({r["exercise"] for r in rows})}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="fail unless every view meets the goals")
    ap.add_argument("--keep", help="write the projections here instead of a temporary directory")
    ap.add_argument("data_dir")
    ap.add_argument("score_reps")
    ap.add_argument("hiptrack")
    a = ap.parse_args()
    if np is None or not os.path.isdir(a.data_dir) or not os.path.exists(a.score_reps):
        print("skipped: needs numpy and %s" % a.data_dir)
        return 77
    tmp = a.keep or tempfile.mkdtemp(prefix="pose_proj_")
    results = {"3d": score(a.data_dir, a.score_reps, a.hiptrack)}
    try:
        for view in ("front", "side"):
            d = os.path.join(tmp, view)
            os.makedirs(d, exist_ok=True)
            for csv in sorted(glob.glob(os.path.join(a.data_dir, "*.csv"))):
                base = os.path.basename(csv)[:-4]
                t, pts = load(csv)
                write_2d(os.path.join(d, base + ".csv"), t, project(pts, view))
                shutil.copy(os.path.join(a.data_dir, base + ".labels.json"), d)
            results[view] = score(d, a.score_reps, a.hiptrack)
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    failed = []
    for view, res in results.items():
        print("== %s" % view)
        for name, m in sorted(res["groups"].items()) + [("all", res["all"])]:
            print("%-30s sets=%3d exact=%5.1f within1=%5.1f precision=%5.1f recall=%5.1f" % (
                name, m["sets"], m["exact"], m["within1"], m["precision"], m["recall"]))
        for k, goal in GOALS.items():
            if res["all"][k] < goal:
                failed.append("%s %s %.1f < %.1f" % (view, k, res["all"][k], goal))
    if a.check and failed:
        print("goals missed: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
