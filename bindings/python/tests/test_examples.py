"""The examples in examples/python run and write what they promise."""
import csv
import os
import subprocess
import sys

import pytest

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "python")


def run(script, *args, cwd):
    r = subprocess.run([sys.executable, os.path.join(EXAMPLES, script), *args], cwd=cwd,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_plot_reps(tmp_path):
    pytest.importorskip("matplotlib")
    out = run("plot_reps.py", "--out", "reps.png", cwd=tmp_path)
    assert "16 reps" in out
    assert (tmp_path / "reps.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_score_folder(tmp_path):
    run("score_folder.py", "--simulate", "3", "--out", "scores.csv", "--reps-out", "reps.csv", cwd=tmp_path)
    rows = list(csv.DictReader(open(tmp_path / "scores.csv")))
    assert len(rows) == 3 and all(r["count_error"] == "0" for r in rows)
    assert len(list(csv.DictReader(open(tmp_path / "reps.csv")))) == 30
