"""The streaming rep detector (``hip_reps.h``) over numpy arrays.

Input: timestamps as int64 nanoseconds, shape (N,), and samples as float32, shape (N, width)
(width 6 for IMU ``ax ay az gx gy gz`` in m/s^2 and rad/s, 3 for ACCEL, 1 for ANGLE in degrees;
(N,) is accepted for ANGLE). Arrays of exactly these dtypes that are C-contiguous are read in
place, never copied. Other dtypes: any real dtype for samples is converted to float32 (one copy;
float64 loses precision beyond float32's), integer timestamps of another dtype are converted to
int64 (one copy), ``datetime64`` timestamps are viewed as int64 nanoseconds after conversion to
``[ns]``, and float timestamps are refused (:class:`InvalidArgumentError`: seconds are the usual
mistake; pass ``(t_s * 1e9).astype(np.int64)``). Non-contiguous arrays are copied.

Output: events as a structured numpy array of :data:`REP_DTYPE` (one record per rep, the fields
of ``hip_rep_event``; the C code writes into it directly), :func:`columns` gives a dict of
column arrays ready for ``pandas.DataFrame``, and :meth:`RepDetector.stream` and
:func:`iter_events` give :class:`RepEvent` objects one by one.
"""
from __future__ import annotations

import threading
from typing import Any, Dict, Iterable, Iterator, Optional, Tuple, Union

import numpy as np
import numpy.typing as npt

from . import capi as _c
from ._enums import RepsInput
from ._errors import InvalidArgumentError, StateError
from ._handle import Handle, fill, set_fields
from ._values import Exercise, RepEvent, from_c

_F32 = np.dtype(np.float32)
_I64 = np.dtype(np.int64)

#: The numpy dtype of one ``hip_rep_event`` (same layout as the C struct).
REP_DTYPE: np.dtype = np.dtype({
    "names": ["index", "flags", "source", "start_ns", "peak_ns", "end_ns", "emitted_ns",
              "excursion_deg", "travel_cm", "concentric_s", "eccentric_s", "hold_s",
              "peak_speed_dps", "smoothness"],
    "formats": [np.uint32, np.uint32, np.int32, np.int64, np.int64, np.int64, np.int64,
                np.float64, np.float64, np.float64, np.float64, np.float64, np.float64, np.float64],
    "offsets": [_c.HIP_REP_EVENT_OFF_INDEX, _c.HIP_REP_EVENT_OFF_FLAGS, _c.HIP_REP_EVENT_OFF_SOURCE,
                _c.HIP_REP_EVENT_OFF_START_NS, _c.HIP_REP_EVENT_OFF_PEAK_NS,
                _c.HIP_REP_EVENT_OFF_END_NS, _c.HIP_REP_EVENT_OFF_EMITTED_NS,
                _c.HIP_REP_EVENT_OFF_EXCURSION_DEG, _c.HIP_REP_EVENT_OFF_TRAVEL_CM,
                _c.HIP_REP_EVENT_OFF_CONCENTRIC_S, _c.HIP_REP_EVENT_OFF_ECCENTRIC_S,
                _c.HIP_REP_EVENT_OFF_HOLD_S, _c.HIP_REP_EVENT_OFF_PEAK_SPEED_DPS,
                _c.HIP_REP_EVENT_OFF_SMOOTHNESS],
    "itemsize": _c.hip__bind_rep_event_size(),
})

#: Events the detector holds between pushes (the binding drains them on every push).
QUEUE_CAPACITY: int = _c.HIPTRACK_REPS_QUEUE
#: The latest a rep's event comes after the rep's far point, in seconds.
MAX_LATENCY_S: float = _c.HIPTRACK_REPS_MAX_LATENCY_S

RepArray = npt.NDArray[np.void]


def empty_events() -> RepArray:
    """An empty event array."""
    return np.empty(0, REP_DTYPE)


def concat(parts: "list[RepArray]") -> RepArray:
    """Joins event arrays keeping :data:`REP_DTYPE` exactly (np.concatenate may repack the
    padded struct layout)."""
    out = np.empty(sum(p.shape[0] for p in parts), REP_DTYPE)
    i = 0
    for p in parts:
        out[i:i + p.shape[0]] = p
        i += p.shape[0]
    return out


def columns(events: RepArray) -> Dict[str, np.ndarray]:
    """The event array as a dict of column arrays (views, no copy): ``pandas.DataFrame(columns(ev))``.
    Adds ``start_s``, ``peak_s`` and ``end_s`` (float seconds) for convenience."""
    if events.dtype.names != REP_DTYPE.names:
        raise InvalidArgumentError("columns: expected an array of REP_DTYPE")
    out: Dict[str, np.ndarray] = {name: events[name] for name in REP_DTYPE.names or ()}
    for name in ("start", "peak", "end"):
        out[name + "_s"] = events[name + "_ns"] * 1e-9
    return out


def iter_events(events: RepArray) -> Iterator[RepEvent]:
    """The records of an event array as :class:`RepEvent` values."""
    names = REP_DTYPE.names or ()
    for rec in events.tolist():
        yield from_c(RepEvent, _Record(names, rec))


class _Record:
    __slots__ = ("_d",)

    def __init__(self, names: Tuple[str, ...], values: Tuple[Any, ...]) -> None:
        self._d = dict(zip(names, values))

    def __getattr__(self, name: str) -> Any:
        return self._d[name]


def as_timestamps(t_ns: Any) -> np.ndarray:
    """t_ns as a C-contiguous int64 array (no copy when it already is one)."""
    t = np.asarray(t_ns)
    if t.dtype != _I64:
        if t.dtype.kind == "M":
            t = t.astype("datetime64[ns]").view(_I64)
        elif t.dtype.kind in "iu" or (t.dtype.kind == "b" and False):
            if t.size and t.dtype.kind == "u" and int(t.max()) > np.iinfo(np.int64).max:
                raise InvalidArgumentError("t_ns: timestamps beyond int64")
            t = t.astype(_I64)
        else:
            raise InvalidArgumentError(
                f"t_ns: expected integer nanoseconds (int64), got dtype {t.dtype}; "
                "for seconds use (t_s * 1e9).astype(np.int64)")
    if not t.flags.c_contiguous:
        t = np.ascontiguousarray(t)
    return t


def as_samples(samples: Any, width: int) -> np.ndarray:
    """samples as a C-contiguous float32 array (no copy when it already is one)."""
    x = np.asarray(samples)
    if x.dtype != _F32:
        if x.dtype.kind not in "fiub":
            raise InvalidArgumentError(f"samples: expected real numbers, got dtype {x.dtype}")
        x = x.astype(_F32)
    if not x.flags.c_contiguous:
        x = np.ascontiguousarray(x)
    return x


class RepDetector(Handle):
    """Streams samples in, one event per repetition out.

    ``RepDetector()`` is the generic ("auto") IMU detector; ``RepDetector(exercise=ex)`` applies a
    catalog exercise's motion profile and hold; ``input=RepsInput.ANGLE`` (or ``"angle"``) counts
    a joint angle in degrees. Keyword arguments set ``hip_reps_config`` fields (``max_gap_s``,
    ``reference_reps``, ``partial_ratio``, ``fast_ratio``, ``slow_ratio``, ``hold_tolerance``,
    ``target_excursion_deg``, ``target_hold_s``).

    Every push returns the events it produced (possibly none) as a :data:`REP_DTYPE` array; how the
    stream is cut into pushes never changes the events. :meth:`finish` settles the last rep at the
    end of a stream. Pushes release the GIL while the C code runs. One thread at a time per
    detector (a second thread pushing concurrently gets :class:`StateError`).
    """

    _kind = "rep detector"

    def __init__(self, input: Union[RepsInput, str, int] = RepsInput.IMU, *,
                 exercise: Optional[Exercise] = None, **config: Any) -> None:
        if isinstance(input, str):
            try:
                input = RepsInput[input.upper()]
            except KeyError:
                raise InvalidArgumentError(f"input: expected imu, accel or angle, got {input!r}") from None
        cfg = _c.hip_reps_config(int(input))
        if exercise is not None:
            cfg.for_exercise(fill(exercise, _c.hip_exercise(), "exercise"))
        set_fields(cfg, config, "config")
        self._c = _c.hip_reps(cfg)
        self._input = RepsInput(self._c.input_kind())
        self._width = int(self._c.sample_width())
        self._busy = threading.Lock()
        self._one_t = np.zeros(1, _I64)

    @property
    def input(self) -> RepsInput:
        """What a sample holds."""
        return self._input

    @property
    def width(self) -> int:
        """Values per sample (6, 3 or 1)."""
        return self._width

    @staticmethod
    def state_size() -> int:
        """Bytes of detector state (the same for every configuration)."""
        return int(_c.hip_reps_state_size())

    def _shape(self, t: np.ndarray, x: np.ndarray) -> None:
        n = t.shape[0] if t.ndim == 1 else -1
        if t.ndim != 1:
            raise InvalidArgumentError(f"t_ns: expected shape (N,), got {t.shape}")
        w = self._width
        if x.ndim == 2 and x.shape == (n, w):
            return
        if x.ndim == 1 and w == 1 and x.shape[0] == n:
            return
        raise InvalidArgumentError(
            f"samples: expected shape ({n}, {w}) for {self._input.name} input, got {x.shape}")

    def push(self, t_ns: Any, samples: Any) -> RepArray:
        """Pushes N samples; returns the events they produced.

        On a refused sample (:class:`OutOfRangeError` for a NaN, infinite or implausible value or a
        timestamp not after the previous one) the samples before it are kept and the detector is
        otherwise unchanged; the exception's ``consumed`` attribute says how many samples were
        taken and its ``events`` attribute holds the events they produced.
        """
        t = as_timestamps(t_ns)
        x = as_samples(samples, self._width)
        self._shape(t, x)
        return self._push(t, x)

    def _push(self, t: np.ndarray, x: np.ndarray) -> RepArray:
        c = self._live()
        n = t.shape[0]
        if not self._busy.acquire(blocking=False):
            raise StateError("this rep detector is being used by another thread")
        try:
            out = np.empty(8 + (n >> 6), REP_DTYPE)
            st, used, k = c.push_collect(t, x, out)
            if used == n and st == 0:  # the common case: every sample in, every event out
                return out if k == out.shape[0] else out[:k]
            parts = [out[:k]]
            done = used
            while st == 0 and done < n:  # the event array filled up: give it more room
                out = np.empty(8 + ((n - done) >> 4), REP_DTYPE)
                st, used, k = c.push_collect(t[done:], x[done:], out)
                done += used
                parts.append(out[:k])
            events = concat(parts)
            if st < 0:
                err = _c.hip_py_error(st, c.last_error())
                err.consumed = done
                err.events = events
                raise err
            return events
        finally:
            self._busy.release()

    def push_sample(self, t_ns: int, sample: Any) -> RepArray:
        """Pushes one sample (``width`` values); returns the events it produced."""
        x = as_samples(sample, self._width).reshape(1, -1)
        t = self._one_t
        t[0] = t_ns
        if x.shape[1] != self._width:
            raise InvalidArgumentError(f"sample: expected {self._width} values, got {x.shape[1]}")
        return self._push(t, x if self._width != 1 else x.reshape(1, 1))

    def finish(self) -> RepArray:
        """Ends the stream: settles the last rep and returns the remaining events. Pushing again
        starts a new segment."""
        c = self._live()
        c.finish()
        return self.drain()

    def drain(self) -> RepArray:
        """Events still queued in the detector (none, unless the raw ``capi`` was used)."""
        c = self._live()
        n = int(c.pending_events())
        out = np.empty(n, REP_DTYPE)
        if n:
            _, _, k = c.push_collect(self._one_t[:0], np.empty((0, self._width), _F32), out)
            out = out[:k]
        return out

    def process(self, t_ns: Any, samples: Any) -> RepArray:
        """push + finish: every rep of a whole recording."""
        ev = self.push(t_ns, samples)
        tail = self.finish()
        return ev if tail.shape[0] == 0 else concat([ev, tail])

    def stream(self, chunks: Iterable[Tuple[Any, Any]], finish: bool = True) -> Iterator[RepEvent]:
        """Pushes (t_ns, samples) chunks as they come and yields each rep as a :class:`RepEvent`
        as soon as it is detected; finishes the stream at the end unless ``finish`` is False."""
        for t, x in chunks:
            yield from iter_events(self.push(t, x))
        if finish:
            yield from iter_events(self.finish())

    def reset(self) -> None:
        """Back to the state right after creation (same configuration)."""
        self._live().reset()

    @property
    def pending_events(self) -> int:
        """Events queued in the detector (0 except after a refused sample)."""
        return int(self._live().pending_events())

    def snapshot(self) -> bytes:
        """The whole state (configuration included), versioned and checksummed."""
        buf = bytearray(_c.hip_reps_snapshot_size())
        _, n = self._live().snapshot(buf)
        return bytes(buf[:n])

    def restore(self, snapshot: Union[bytes, bytearray, memoryview]) -> None:
        """Restores a :meth:`snapshot` (:class:`CorruptError`, :class:`VersionError` or
        :class:`InvalidArgumentError` for another input kind; the state is then unchanged)."""
        self._live().restore(snapshot)

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        state = "closed" if self.closed else f"input={self._input.name.lower()}"
        return f"<hiptrack.RepDetector {state}>"


def count_reps(t_ns: Any, samples: Any, exercise: Optional[Exercise] = None,
               input: Union[RepsInput, str, int] = RepsInput.IMU, **config: Any) -> RepArray:
    """Every rep of a whole recording in one call (a fresh detector, push + finish)."""
    with RepDetector(input, exercise=exercise, **config) as det:
        return det.process(t_ns, samples)
