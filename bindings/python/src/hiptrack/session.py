"""Performed sessions (``hip_session.h``): exercises, sets and reps as they are done, pain, how
the session ended, and its summary."""
from __future__ import annotations

import dataclasses
import datetime
from typing import Any, ClassVar, Dict, Callable, Iterable, List, Optional, Tuple, Union

import numpy as np

from . import capi as _c
from . import dates
from ._enums import AbandonReason, PainMoment, RepFlag, RepOrigin, RepSource, SessionState, Side
from ._errors import InvalidArgumentError, StateError
from ._handle import Handle, fill, set_fields, export_text
from ._values import Prescription, RepEvent, from_c
from .program import Program
from .reps import REP_DTYPE, iter_events

#: Limits of one session.
MAX_EXERCISES: int = _c.HIPTRACK_SESSION_MAX_EXERCISES
MAX_SETS: int = _c.HIPTRACK_SESSION_MAX_SETS
MAX_REPS: int = _c.HIPTRACK_SESSION_MAX_REPS

_NOT_RECORDED = _c.HIPTRACK_NOT_RECORDED

Instant = Union[int, datetime.datetime]


def _ns(t: Instant, what: str) -> int:
    """ns since 1970 UTC from an int or an aware datetime."""
    if isinstance(t, datetime.datetime):
        if t.tzinfo is None:
            raise InvalidArgumentError(f"{what}: a datetime needs a time zone (tzinfo)")
        delta = t - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        return (delta.days * 86400 + delta.seconds) * 1_000_000_000 + delta.microseconds * 1000
    if isinstance(t, bool) or not isinstance(t, int):
        raise InvalidArgumentError(f"{what}: expected int nanoseconds or an aware datetime")
    return t


def _offset_of(t: datetime.datetime) -> int:
    off = t.utcoffset()
    if off is None:
        raise InvalidArgumentError("start: a datetime needs a time zone (tzinfo)")
    return int(off.total_seconds() // 60)


@dataclasses.dataclass(frozen=True)
class SessionExercise:
    """``hip_session_exercise``: one exercise of a session with its prescription (0 prescribed
    sets: done but not prescribed). ``set_count`` is output only."""

    exercise_id: str
    side: Side = Side.BOTH
    prescribed_sets: int = 0
    prescribed_reps: int = 0
    prescribed_hold_s: float = 0.0
    prescribed_load_kg: float = 0.0
    set_count: int = 0

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"side": Side}
    _readonly: ClassVar[Tuple[str, ...]] = ("set_count",)

    @classmethod
    def from_prescription(cls, prescription: Prescription) -> "SessionExercise":
        """The exercise as a program prescribes it (``hip_session_exercise_from_prescription``)."""
        out = _c.hip_session_exercise("")
        _c.hip_session_exercise_from_prescription(out, fill(prescription, _c.hip_prescription(""),
                                                            "prescription"))
        return from_c(cls, out)


@dataclasses.dataclass(frozen=True)
class SessionSet:
    """``hip_session_set``: one set as performed. ``rpe`` and ``pain`` are 0..10, or None when not
    asked (never 0). ``rep_count`` is output only."""

    start_ns: int = 0
    load_kg: float = 0.0
    rpe: Optional[int] = None
    pain: Optional[int] = None
    rep_count: int = 0

    _optional: ClassVar[Dict[str, Any]] = {"rpe": _NOT_RECORDED, "pain": _NOT_RECORDED}
    _readonly: ClassVar[Tuple[str, ...]] = ("rep_count",)


@dataclasses.dataclass(frozen=True)
class SessionRep:
    """``hip_session_rep``: one logged repetition (or hold). A manual rep leaves what it does not
    know at 0."""

    origin: RepOrigin = RepOrigin.MANUAL
    source: RepSource = RepSource.ROTATION
    flags: RepFlag = RepFlag(0)
    start_ns: int = 0
    peak_ns: int = 0
    end_ns: int = 0
    excursion_deg: float = 0.0
    travel_cm: float = 0.0
    concentric_s: float = 0.0
    eccentric_s: float = 0.0
    hold_s: float = 0.0
    peak_speed_dps: float = 0.0
    smoothness: float = 0.0

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "origin": RepOrigin, "source": RepSource, "flags": RepFlag}

    @classmethod
    def from_event(cls, event: RepEvent) -> "SessionRep":
        """A detector rep (``hip_session_rep_from_event``)."""
        out = _c.hip_session_rep()
        _c.hip_session_rep_from_event(out, fill(event, _c.hip_rep_event(), "event"))
        return from_c(cls, out)


@dataclasses.dataclass(frozen=True)
class SessionInfo:
    """``hip_session_info``. Pains are 0..10 or None (not recorded)."""

    state: SessionState
    start_ns: int
    end_ns: int
    utc_offset_min: int
    day: int
    program_version: int
    program_effective_day: int
    pain_before: Optional[int]
    pain_during: Optional[int]
    pain_after: Optional[int]
    abandon_reason: AbandonReason
    exercise_count: int

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "state": SessionState, "abandon_reason": AbandonReason}
    _optional: ClassVar[Dict[str, Any]] = {
        "pain_before": _NOT_RECORDED, "pain_during": _NOT_RECORDED, "pain_after": _NOT_RECORDED}

    @property
    def date(self) -> datetime.date:
        """The session's local calendar day (of its start) as a date."""
        return dates.to_date(self.day)


@dataclasses.dataclass(frozen=True)
class SessionSummary:
    """``hip_session_summary``. Percentages are 0..100, or None when their denominator is 0;
    ``pain_max`` is None when no pain was recorded."""

    day: int
    finished: bool
    prescribed_sets: int
    done_sets: int
    prescribed_reps: int
    done_reps: int
    done_reps_capped: int
    good_reps: int
    set_completion_pct: Optional[float]
    rep_completion_pct: Optional[float]
    good_rep_pct: Optional[float]
    completed: bool
    time_under_tension_s: float
    active_s: float
    pain_max: Optional[int]
    abandon_reason: AbandonReason

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "finished": bool, "completed": bool, "abandon_reason": AbandonReason}
    _optional: ClassVar[Dict[str, Any]] = {
        "set_completion_pct": -1.0, "rep_completion_pct": -1.0, "good_rep_pct": -1.0, "pain_max": -1}


class Session(Handle):
    """One performed session, built live::

        with hiptrack.Session() as s:
            s.start(start_ns, utc_offset_min=60)      # or s.start(aware_datetime)
            i = s.add_exercise(SessionExercise("bridge", prescribed_sets=3, prescribed_reps=10))
            s.add_set(i, load_kg=0, rpe=None)          # the current set; reps go to it
            s.add_reps(detector_events)                # RepEvent values or a REP_DTYPE array
            s.update_set(rpe=6, pain=2)                # asked after the set
            s.set_pain(PainMoment.AFTER, 3)
            s.finish(end_ns)                           # or s.finish(end_ns, AbandonReason.PAIN)
            print(s.summary.completed, s.export_json())

    States: NEW -> RUNNING (:meth:`start`) -> FINISHED (:meth:`finish` or :meth:`import_json`).
    An edit in the wrong state raises :class:`StateError`; a pain or RPE outside 0..10
    :class:`OutOfRangeError`; a refused call changes nothing. ``completion_threshold_pct``
    (1..100, default 80) decides :attr:`SessionSummary.completed`.
    """

    _kind = "session"

    def __init__(self, **config: Any) -> None:
        cfg = _c.hip_session_config()
        set_fields(cfg, config, "config")
        self._c = _c.hip_session(cfg)

    @classmethod
    def from_json(cls, text: Union[str, bytes], **config: Any) -> "Session":
        """A finished session read from a ``hiptrack.session`` document."""
        s = cls(**config)
        s.import_json(text)
        return s

    # ---- building
    def start(self, start: Instant, utc_offset_min: Optional[int] = None) -> None:
        """NEW -> RUNNING. ``start`` is ns since 1970 UTC or an aware datetime (whose offset is
        used when ``utc_offset_min`` is not given). The session's day is fixed here."""
        if utc_offset_min is None:
            utc_offset_min = _offset_of(start) if isinstance(start, datetime.datetime) else 0
        self._live().start(_ns(start, "start"), utc_offset_min)

    def set_program(self, version_number: int, effective: dates.DateLike) -> None:
        """Records the program version the session follows."""
        self._live().set_program(version_number, dates.to_day(effective))

    def plan_program(self, program: Program, version_index: int = -1) -> None:
        """Records a program version (default the latest) and adds its exercises as prescribed."""
        n = len(program)
        if version_index < 0:
            version_index += n
        if not 0 <= version_index < n:
            raise IndexError("program version index out of range")
        self._live().plan_program(program._live(), version_index)

    def set_pain(self, moment: PainMoment, pain: int) -> None:
        """Pain before, during (the worst) or after the session, 0..10 (:class:`OutOfRangeError`
        otherwise; nothing is clamped)."""
        self._live().set_pain(int(moment), pain)

    def add_exercise(self, exercise: Union[SessionExercise, Prescription, str], **fields: Any) -> int:
        """Adds an exercise (a :class:`SessionExercise`, a :class:`Prescription` or an id, changed
        by ``fields``); returns its index."""
        if isinstance(exercise, str):
            exercise = SessionExercise(exercise)
        elif isinstance(exercise, Prescription):
            exercise = SessionExercise.from_prescription(exercise)
        if fields:
            exercise = dataclasses.replace(exercise, **fields)
        _, index = self._live().add_exercise(fill(exercise, _c.hip_session_exercise(""), "exercise"))
        return int(index)

    def add_set(self, exercise_index: int, set: Optional[SessionSet] = None, **fields: Any) -> None:
        """Starts a new set of an exercise (a :class:`SessionSet`, changed by ``fields``: start_ns,
        load_kg, rpe, pain); it becomes the current set that reps go to."""
        c = self._live()
        st = dataclasses.replace(set or SessionSet(), **fields)
        c.add_set(exercise_index, fill(st, _c.hip_session_set(), "set"))
        ex = _c.hip_session_exercise("")
        c.exercise_at(exercise_index, ex)
        self._current = (exercise_index, int(ex.set_count) - 1)

    def update_set(self, set: Optional[SessionSet] = None, **fields: Any) -> None:
        """Replaces start, load, RPE and pain of the current set; with only ``fields`` (such as
        ``rpe=6``) the current set's other values are kept."""
        c = self._live()
        if set is None:
            set = self.current_set()
        st = dataclasses.replace(set, **fields)
        c.update_set(fill(st, _c.hip_session_set(), "set"))

    def current_set(self) -> SessionSet:
        """The current set, the last one added (:class:`StateError` when there is none)."""
        if self._current is None:
            raise StateError("no current set: call add_set first")
        return self.set_at(*self._current)

    _current: Optional[Tuple[int, int]] = None

    def add_rep(self, rep: Union[SessionRep, RepEvent, None] = None, **fields: Any) -> None:
        """Adds a rep to the current set: a :class:`SessionRep` (default: a manual rep, changed by
        ``fields``) or a detector :class:`RepEvent`."""
        c = self._live()
        if isinstance(rep, RepEvent):
            if fields:
                rep = dataclasses.replace(rep, **fields)
            c.add_rep_event(fill(rep, _c.hip_rep_event(), "event"))
            return
        r = dataclasses.replace(rep or SessionRep(), **fields)
        c.add_rep(fill(r, _c.hip_session_rep(), "rep"))

    def add_reps(self, events: Union[np.ndarray, Iterable[Union[RepEvent, SessionRep]]]) -> int:
        """Adds detector events (a :data:`REP_DTYPE` array or :class:`RepEvent` values) or
        :class:`SessionRep` values to the current set; returns how many."""
        if isinstance(events, np.ndarray):
            if events.dtype != REP_DTYPE:
                raise InvalidArgumentError("events: expected an array of REP_DTYPE")
            events = iter_events(events)
        n = 0
        for e in events:
            self.add_rep(e)
            n += 1
        return n

    def finish(self, end: Instant, reason: AbandonReason = AbandonReason.NONE) -> SessionSummary:
        """RUNNING -> FINISHED (immutable from now on); returns the summary. ``reason`` other than
        NONE records an abandoned session."""
        self._live().finish(_ns(end, "end"), int(reason))
        return self.summary

    # ---- reading
    @property
    def info(self) -> SessionInfo:
        """State, times, day, program version, pains, abandon reason."""
        out = _c.hip_session_info()
        self._live().get_info(out)
        return from_c(SessionInfo, out)

    @property
    def state(self) -> SessionState:
        return self.info.state

    @property
    def day(self) -> int:
        """The local calendar day of the start (a day number)."""
        return self.info.day

    @property
    def summary(self) -> SessionSummary:
        """Prescribed vs done, quality, time under tension (:class:`StateError` before start)."""
        out = _c.hip_session_summary()
        self._live().summarize(out)
        return from_c(SessionSummary, out)

    @property
    def exercises(self) -> List[SessionExercise]:
        c = self._live()
        out = _c.hip_session_exercise("")
        items = []
        for i in range(self.info.exercise_count):
            c.exercise_at(i, out)
            items.append(from_c(SessionExercise, out))
        return items

    def set_at(self, exercise_index: int, set_index: int) -> SessionSet:
        out = _c.hip_session_set()
        self._live().set_at(exercise_index, set_index, out)
        return from_c(SessionSet, out)

    def sets(self, exercise_index: int) -> List[SessionSet]:
        """The sets of one exercise."""
        c = self._live()
        ex = _c.hip_session_exercise("")
        c.exercise_at(exercise_index, ex)
        return [self.set_at(exercise_index, i) for i in range(ex.set_count)]

    def reps(self, exercise_index: int, set_index: int) -> List[SessionRep]:
        """The reps of one set."""
        c = self._live()
        s = self.set_at(exercise_index, set_index)
        out = _c.hip_session_rep()
        items = []
        for i in range(s.rep_count):
            c.rep_at(exercise_index, set_index, i, out)
            items.append(from_c(SessionRep, out))
        return items

    # ---- JSON
    def import_json(self, text: Union[str, bytes]) -> None:
        """Reads a ``hiptrack.session`` document into a NEW session (which becomes FINISHED); all or
        nothing (:class:`FormatError` naming the field path, :class:`VersionError`)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        self._live().import_json(data)

    def export_json(self) -> str:
        """The finished session as a ``hiptrack.session`` document."""
        return export_text(self._live().export_json)

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        if self.closed:
            return "<hiptrack.Session closed>"
        i = self.info
        return f"<hiptrack.Session {i.state.name.lower()} {i.exercise_count} exercises>"


def abandon_reason_name(reason: AbandonReason) -> str:
    """The JSON name of an abandon reason ("none", "pain", ...)."""
    return str(_c.hip_abandon_reason_name(int(reason)))


__all__ = ["Session", "SessionExercise", "SessionSet", "SessionRep", "SessionInfo", "SessionSummary",
           "MAX_EXERCISES", "MAX_SETS", "MAX_REPS", "abandon_reason_name"]
