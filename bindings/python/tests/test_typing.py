"""The package's annotations and stubs satisfy mypy (strict), and so does typed client code."""
import os
import subprocess
import sys

import pytest

import hiptrack

CLIENT = '''
import numpy as np
import hiptrack

cat: hiptrack.Catalog = hiptrack.Catalog()
ex: hiptrack.Exercise = cat["squat"]
t, x, truth = hiptrack.simulate(ex, seed=1)
with hiptrack.RepDetector(exercise=ex) as det:
    ev: np.ndarray = det.process(t, x)
cols: dict[str, np.ndarray] = hiptrack.columns(ev)
first: hiptrack.RepEvent = next(hiptrack.iter_events(ev))
n: int = first.index
try:
    cat["nope"]
except hiptrack.NotFoundError as e:
    code: "hiptrack.Status | int" = e.code
'''


def test_mypy_accepts_package_and_client(tmp_path):
    pytest.importorskip("mypy")
    client = tmp_path / "client.py"
    client.write_text(CLIENT)
    pkg = os.path.dirname(hiptrack.__file__)
    for target in (["-p", "hiptrack"], [str(client)]):
        r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                            "--cache-dir", str(tmp_path / "cache"), *target],
                           capture_output=True, text=True, cwd=tmp_path)
        assert r.returncode == 0, r.stdout + r.stderr
    assert os.path.exists(os.path.join(pkg, "py.typed"))
