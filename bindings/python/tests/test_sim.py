import numpy as np
import pytest

import hiptrack
from hiptrack import Segment, SimRepKind, Simulator


def test_simulator(catalog):
    with Simulator(catalog["bridge"], seed=5, sets=2, reps_per_set=4, rate_hz=100) as sim:
        n = sim.sample_count
        assert n == len(sim) and sim.duration_s > 10
        t, x = sim.read()
        assert t.shape == (n,) and x.shape == (n, 6) and x.dtype == np.float32
        assert np.all(np.diff(t) > 0)
        assert sim.read(10)[0].shape == (0,)
        sim.rewind()
        t2, x2 = sim.read(n + 100)
        assert np.array_equal(t, t2) and np.array_equal(x, x2)
        truth = sim.reps
        assert len(truth) == 8 and {r.set for r in truth} == {0, 1}
        assert all(isinstance(r.kind, SimRepKind) for r in truth)
        sim.rewind()
        chunks = list(sim)
        assert np.array_equal(np.concatenate([c[0] for c in chunks]), t)
        sim.rewind()
        tb = np.empty(50, np.int64)
        xb = np.empty((50, 6), np.float32)
        assert sim.read_into(tb, xb) == 50 and np.array_equal(tb, t[:50])
    assert "closed" in repr(sim)


def test_deterministic_and_placement():
    a = hiptrack.simulate("squat", seed=11, reps_per_set=3)
    b = hiptrack.simulate("squat", seed=11, reps_per_set=3)
    c = hiptrack.simulate("squat", seed=12, reps_per_set=3)
    assert np.array_equal(a[1], b[1]) and not np.array_equal(a[1], c[1])
    d = hiptrack.simulate("squat", seed=11, reps_per_set=3, placement=Segment.TRUNK)
    assert not np.array_equal(a[1], d[1])


def test_simulator_errors(catalog):
    with pytest.raises(hiptrack.OutOfRangeError) as ei:
        Simulator("squat", rate_hz=1000)
    assert "rate_hz" in str(ei.value)
    with pytest.raises(hiptrack.HipError, match="sets"):
        Simulator("squat", sets=0)
    with pytest.raises(hiptrack.NotFoundError):
        Simulator("no_such_exercise")
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        Simulator("squat", colour="red")
    with pytest.raises(hiptrack.InvalidArgumentError):
        Simulator("squat", chunk=0)
    sim = Simulator("squat")
    with pytest.raises(hiptrack.InvalidArgumentError):
        sim.read(-1)
    with pytest.raises(TypeError):
        sim.read_into(np.empty(5, np.int32), np.empty((5, 6), np.float32))
