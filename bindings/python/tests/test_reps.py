import threading
import time

import numpy as np
import pytest

import hiptrack
from hiptrack import RepDetector, RepsInput, REP_DTYPE


def test_counts_simulated_squats(catalog, squat_recording):
    t, x, truth = squat_recording
    assert t.dtype == np.int64 and x.dtype == np.float32 and x.shape == (t.shape[0], 6)
    with RepDetector(exercise=catalog["squat"]) as det:
        assert det.input == RepsInput.IMU and det.width == 6
        ev = det.process(t, x)
    assert ev.dtype == REP_DTYPE
    assert len(ev) == len(truth) == 16
    assert hiptrack.concat([ev[:3], ev[3:]]).dtype == REP_DTYPE
    assert list(ev["index"]) == list(range(1, 17))
    for rep, true in zip(hiptrack.iter_events(ev), truth):
        assert isinstance(rep, hiptrack.RepEvent)
        assert abs(rep.peak_ns - true.peak_ns) < 1.0e9
        assert rep.duration_s > 0
    assert det.closed


def test_columns_for_pandas(squat_recording):
    t, x, _ = squat_recording
    ev = hiptrack.count_reps(t, x)
    cols = hiptrack.columns(ev)
    assert set(REP_DTYPE.names) <= set(cols) and np.shares_memory(cols["excursion_deg"], ev)
    assert np.allclose(cols["end_s"], ev["end_ns"] * 1e-9)
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(cols)
    assert len(df) == len(ev)
    with pytest.raises(hiptrack.InvalidArgumentError):
        hiptrack.columns(np.zeros(3))


def test_other_dtypes_are_converted(squat_recording):
    t, x, _ = squat_recording
    ref = hiptrack.count_reps(t, x)
    assert np.array_equal(hiptrack.count_reps(t.astype(np.uint64), x.astype(np.float64)), ref)
    assert np.array_equal(hiptrack.count_reps(t.view("datetime64[ns]"), x), ref)
    assert np.array_equal(hiptrack.count_reps(list(t), x.tolist()), ref)
    big = np.zeros((x.shape[0], 12), np.float32)
    big[:, ::2] = x
    assert np.array_equal(hiptrack.count_reps(t, big[:, ::2]), ref)     # strided: copied
    with pytest.raises(hiptrack.InvalidArgumentError, match="nanoseconds"):
        hiptrack.count_reps(t * 1e-9, x)
    with pytest.raises(hiptrack.InvalidArgumentError, match="real numbers"):
        hiptrack.count_reps(t, x.astype(str))


def test_shape_errors():
    det = RepDetector()
    t = np.arange(1, 11, dtype=np.int64) * 20_000_000
    with pytest.raises(hiptrack.InvalidArgumentError, match=r"\(10, 6\)"):
        det.push(t, np.zeros((10, 3), np.float32))
    with pytest.raises(hiptrack.InvalidArgumentError):
        det.push(t.reshape(5, 2), np.zeros((10, 6), np.float32))
    with pytest.raises(ValueError):
        det.push_sample(1, [0.0] * 5)
    with pytest.raises(hiptrack.InvalidArgumentError, match="input"):
        RepDetector("gyro")


def test_config_errors():
    with pytest.raises(hiptrack.InvalidArgumentError, match="max_gap_s"):
        RepDetector(max_gap_s=100.0)
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        RepDetector(no_such_field=1)
    with pytest.raises(hiptrack.InvalidArgumentError):
        RepDetector(reference_reps="three")
    det = RepDetector("angle", reference_reps=2, max_gap_s=2)
    assert det.width == 1 and det.input == RepsInput.ANGLE


def test_angle_input_counts():
    rate = 50
    t = np.arange(0, 30 * rate, dtype=np.int64) * (1_000_000_000 // rate)
    s = t * 1e-9
    angle = (45 * (1 - np.cos(2 * np.pi * s / 3.0))).astype(np.float32)
    angle[: 2 * rate] = 0
    ev = hiptrack.count_reps(t, angle, input="angle")
    assert 8 <= len(ev) <= 10


def test_refused_sample_keeps_what_was_accepted(squat_recording):
    t, x, _ = squat_recording
    ref = hiptrack.count_reps(t, x)
    bad = x.copy()
    cut = t.shape[0] * 3 // 4
    bad[cut, 2] = np.nan
    det = RepDetector()
    with pytest.raises(hiptrack.OutOfRangeError) as ei:
        det.push(t, bad)
    assert ei.value.consumed == cut
    assert str(ei.value) == det.last_error and str(ei.value)
    got = ei.value.events
    assert det.pending_events == 0 and len(det.drain()) == 0
    rest = det.process(t[cut:], x[cut:])        # the stream goes on after the refused sample
    assert np.array_equal(np.concatenate([got, rest]), ref)
    det.push(t[:10], x[:10])
    with pytest.raises(hiptrack.OutOfRangeError) as ei:
        det.push_sample(int(t[5]), x[5])       # timestamp not after the previous one
    assert ei.value.consumed == 0 and det.last_error


def test_push_sample_and_stream(squat_recording):
    t, x, _ = squat_recording
    ref = hiptrack.count_reps(t, x)
    det = RepDetector()
    parts = [det.push_sample(int(ti), xi) for ti, xi in zip(t[:3000], x[:3000])]
    parts.append(det.push(t[3000:], x[3000:]))
    parts.append(det.finish())
    assert np.array_equal(hiptrack.concat(parts), ref)
    det.reset()
    chunks = ((t[i:i + 777], x[i:i + 777]) for i in range(0, t.shape[0], 777))
    events = list(det.stream(chunks))
    assert [e.index for e in events] == list(ref["index"])
    assert events == list(hiptrack.iter_events(ref))


def test_snapshot_restore(squat_recording):
    t, x, _ = squat_recording
    half = t.shape[0] // 2
    a = RepDetector()
    first = a.push(t[:half], x[:half])
    snap = a.snapshot()
    assert isinstance(snap, bytes) and len(snap) > 0
    b = RepDetector()
    b.restore(snap)
    assert np.array_equal(b.process(t[half:], x[half:]), a.process(t[half:], x[half:]))
    corrupt = bytearray(snap)
    corrupt[len(corrupt) // 2] ^= 0xFF
    with pytest.raises(hiptrack.CorruptError):
        b.restore(bytes(corrupt))
    with pytest.raises(hiptrack.InvalidArgumentError):
        RepDetector("angle").restore(snap)
    with pytest.raises(hiptrack.HipError):
        b.restore(b"")
    assert len(first) > 0 and RepDetector.state_size() <= 4096


def test_closed_detector():
    det = RepDetector()
    det.close()
    with pytest.raises(hiptrack.StateError):
        det.push(np.zeros(1, np.int64), np.zeros((1, 6), np.float32))
    with pytest.raises(hiptrack.StateError):
        det.finish()
    assert "closed" in repr(det)


def test_zero_copy_input():
    """float32/int64 C-contiguous arrays reach C as they are: the conversion helpers return them."""
    from hiptrack.reps import as_samples, as_timestamps
    x = np.zeros((100, 6), np.float32)
    t = np.arange(100, dtype=np.int64)
    assert as_samples(x, 6) is x and as_timestamps(t) is t


def test_gil_released_during_push():
    """Another Python thread makes progress while a long push runs in C."""
    t, x, _ = hiptrack.simulate("squat", seed=3, sets=20, reps_per_set=50, rate_hz=200)
    det = RepDetector()
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0)

    th = threading.Thread(target=ticker)
    th.start()
    time.sleep(0.01)
    t0 = time.perf_counter()
    det.push(t, x)
    t1 = time.perf_counter()
    stop.set()
    th.join()
    during = [k for k in ticks if t0 < k < t1]
    assert t1 - t0 > 0.01
    assert len(during) > 10


def test_one_thread_per_detector():
    t, x, _ = hiptrack.simulate("squat", seed=3, sets=20, reps_per_set=50, rate_hz=200)
    det = RepDetector()
    errors = []

    def push():
        try:
            det.push(t, x)
        except hiptrack.StateError as e:
            errors.append(e)
        except hiptrack.OutOfRangeError:
            pass   # the other thread got in first: our timestamps are no longer increasing

    threads = [threading.Thread(target=push) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert all("another thread" in str(e) for e in errors)
