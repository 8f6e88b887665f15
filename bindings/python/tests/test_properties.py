"""Hypothesis: how a stream is cut into pushes (or reads) never changes the result."""
import numpy as np
from hypothesis import given, settings, strategies as st

import hiptrack

T, X, TRUTH = hiptrack.simulate("squat", seed=21, sets=1, reps_per_set=6, rate_jitter=0.2)
REF = hiptrack.count_reps(T, X)
N = T.shape[0]


def cuts_strategy():
    return st.lists(st.integers(min_value=0, max_value=N), max_size=25).map(
        lambda c: [0] + sorted(set(c)) + [N])


@settings(max_examples=60, deadline=None)
@given(cuts=cuts_strategy())
def test_reps_chunking_invariance(cuts):
    det = hiptrack.RepDetector()
    parts = [det.push(T[a:b], X[a:b]) for a, b in zip(cuts[:-1], cuts[1:])]
    parts.append(det.finish())
    assert np.array_equal(np.concatenate(parts), REF)


@settings(max_examples=30, deadline=None)
@given(cuts=cuts_strategy(), singles=st.integers(min_value=0, max_value=40))
def test_reps_chunking_with_single_samples(cuts, singles):
    det = hiptrack.RepDetector()
    parts = []
    for a, b in zip(cuts[:-1], cuts[1:]):
        k = min(singles, b - a)
        for i in range(a, a + k):
            parts.append(det.push_sample(int(T[i]), X[i]))
        parts.append(det.push(T[a + k:b], X[a + k:b]))
    parts.append(det.finish())
    assert np.array_equal(np.concatenate(parts), REF)


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(min_value=1, max_value=700), min_size=1, max_size=30))
def test_sim_read_chunking_invariance(sizes):
    with hiptrack.Simulator("squat", seed=21, sets=1, reps_per_set=6, rate_jitter=0.2) as sim:
        ts, xs = [], []
        i = 0
        while True:
            t, x = sim.read(sizes[i % len(sizes)])
            i += 1
            if t.shape[0] == 0:
                break
            ts.append(t)
            xs.append(x)
    assert np.array_equal(np.concatenate(ts), T) and np.array_equal(np.concatenate(xs), X)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), reps=st.integers(min_value=1, max_value=8))
def test_every_simulated_squat_is_counted_once(seed, reps):
    t, x, truth = hiptrack.simulate("squat", seed=seed, reps_per_set=reps, pause_probability=0.0)
    ev = hiptrack.count_reps(t, x, exercise=hiptrack.builtin_catalog()["squat"])
    assert abs(len(ev) - len(truth)) <= 1
