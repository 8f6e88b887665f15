"""Adherence and engagement metrics (``hip_adherence.h``, CLINICAL.md §5, ADH-1..ADH-12) over a
program history: logged sessions, the program's versions, planned rest days and flare pauses.

Days are the member's local calendar days; every function taking a day also takes a
:class:`datetime.date` or an ISO string. There is no clock: "today" is always an argument.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, ClassVar, Dict, Iterable, List, Optional, Sequence, Union

import numpy as np

from . import capi as _c
from . import dates
from ._errors import HipError, InvalidArgumentError, NotFoundError
from ._handle import Handle, set_fields
from ._values import from_c
from .program import Program
from .session import Session


@dataclasses.dataclass(frozen=True)
class AdherenceSession:
    """``hip_adherence_session``: one logged session as the metrics see it."""

    day: int
    completed: bool
    minutes: float = 0.0
    prescribed_reps: int = 0
    done_reps: int = 0

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"completed": bool}

    @classmethod
    def from_session(cls, session: Session) -> "AdherenceSession":
        """From a finished :class:`Session` (:class:`StateError` otherwise): its day, completed,
        active minutes and prescribed and capped done reps."""
        out = _c.hip_adherence_session()
        _c.hip_adherence_session_from(session._live(), out)
        return from_c(cls, out)


@dataclasses.dataclass(frozen=True)
class AdherencePlan:
    """``hip_adherence_plan``: one program version as the metrics see it."""

    effective_day: int
    sessions_per_week: int
    reps_per_session: int = 0

    @classmethod
    def from_program(cls, program: Program, version_index: int = -1) -> "AdherencePlan":
        """From a version of a :class:`Program` (reps per session = sum of sets x reps, one per set
        for a hold-only exercise)."""
        n = len(program)
        if version_index < 0:
            version_index += n
        if not 0 <= version_index < n:
            raise IndexError("program version index out of range")
        out = _c.hip_adherence_plan()
        _c.hip_adherence_plan_from_program(program._live(), version_index, out)
        return from_c(cls, out)


@dataclasses.dataclass(frozen=True)
class Pause:
    """``hip_adherence_pause``: a flare pause, days first_day..last_day inclusive."""

    first_day: int
    last_day: int


@dataclasses.dataclass(frozen=True)
class AdherenceWeek:
    """``hip_adherence_week``: one program week (ADH-1, ADH-3, ADH-4, ADH-9 inputs).
    ``completion_pct`` is None when the week is not evaluable (nothing prescribed)."""

    week: int
    first_day: int
    sessions_logged: int
    sessions_completed: int
    paused_days: int
    excused: bool
    session_target: int
    target_met: bool
    prescribed: float
    done: float
    evaluable: bool
    completion_pct: Optional[float]
    adherent: bool
    minutes: float

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "excused": bool, "target_met": bool, "evaluable": bool, "adherent": bool}


@dataclasses.dataclass(frozen=True)
class AdherenceRange:
    """``hip_adherence_range``: counts over first_day..last_day."""

    first_day: int
    last_day: int
    sessions_logged: int
    sessions_completed: int
    exercise_days: int
    minutes: float


@dataclasses.dataclass(frozen=True)
class AdherenceReport:
    """``hip_adherence_report``: every metric as of ``today``; ``poor_adherence_week`` and
    ``habit_day`` are None when there is no such event."""

    today: int
    current_week: int
    sessions_per_week: float
    poor_adherence_week: Optional[int]
    final_month_completed: bool
    habit_day: Optional[int]
    day_streak: int
    week_streak: int
    exercise_days_last_14: int
    active_weeks: int
    cumulative_minutes: float
    sessions_completed: int


_SESSION_DTYPE = np.dtype({
    "names": ["day", "completed", "minutes", "prescribed_reps", "done_reps"],
    "formats": [np.int32, np.intc, np.float64, np.uint32, np.uint32],
    "offsets": [_c.HIP_ADHERENCE_SESSION_OFF_DAY, _c.HIP_ADHERENCE_SESSION_OFF_COMPLETED,
                _c.HIP_ADHERENCE_SESSION_OFF_MINUTES, _c.HIP_ADHERENCE_SESSION_OFF_PRESCRIBED_REPS,
                _c.HIP_ADHERENCE_SESSION_OFF_DONE_REPS],
    "itemsize": _c.HIP_ADHERENCE_SESSION_SIZE,
})
_PLAN_DTYPE = np.dtype({
    "names": ["effective_day", "sessions_per_week", "reps_per_session"],
    "formats": [np.int32, np.uint32, np.uint32],
    "offsets": [_c.HIP_ADHERENCE_PLAN_OFF_EFFECTIVE_DAY, _c.HIP_ADHERENCE_PLAN_OFF_SESSIONS_PER_WEEK,
                _c.HIP_ADHERENCE_PLAN_OFF_REPS_PER_SESSION],
    "itemsize": _c.HIP_ADHERENCE_PLAN_SIZE,
})
_PAUSE_DTYPE = np.dtype({
    "names": ["first_day", "last_day"],
    "formats": [np.int32, np.int32],
    "offsets": [_c.HIP_ADHERENCE_PAUSE_OFF_FIRST_DAY, _c.HIP_ADHERENCE_PAUSE_OFF_LAST_DAY],
    "itemsize": _c.HIP_ADHERENCE_PAUSE_SIZE,
})


def _records(items: Sequence[Any], dtype: np.dtype, what: str) -> np.ndarray:
    """Packs dataclass values into a record array of the C layout, naming a bad field's path."""
    out = np.zeros(len(items), dtype)
    for i, item in enumerate(items):
        for name in dtype.names or ():
            v = getattr(item, name)
            if isinstance(v, bool):
                v = int(v)
            try:
                if not isinstance(v, (int, float)) or (isinstance(v, float) and dtype[name].kind != "f"):
                    raise TypeError(f"expected a number, got {v!r}")
                if dtype[name].kind in "iu":
                    info = np.iinfo(dtype[name])
                    if not info.min <= v <= info.max:
                        raise OverflowError(f"{v} is out of range {info.min}..{info.max}")
                out[i][name] = v
            except (TypeError, ValueError, OverflowError) as e:
                raise InvalidArgumentError(f"{what}[{i}].{name}: {e}") from None
    return out


def _day(value: dates.DateLike) -> int:
    return dates.to_day(value)


class Adherence(Handle):
    """The ADH metrics over one member's program::

        adh = hiptrack.Adherence("2026-11-02", sessions=[...], plan=[AdherencePlan(day, 3, 30)])
        adh.report("2026-12-01").day_streak

    ``start_day`` is program day 0. Inputs (replaced by the ``set_*`` methods, validated fully
    before anything changes, errors naming the item such as ``sessions[3].minutes``):
    ``sessions`` (:class:`AdherenceSession` or finished :class:`Session` values), ``plan``
    (:class:`AdherencePlan`, effective days ascending), ``rest_days`` (days), ``pauses``
    (:class:`Pause` or (first, last) pairs). Keyword arguments set ``hip_adherence_config``
    fields: ``unit`` (:class:`AdherenceUnit`), ``adherent_pct`` (80), ``weekly_session_target``
    (0 = the plan's), ``habit_sessions`` (6), ``habit_window_days`` (14),
    ``final_month_first_day``/``final_month_last_day`` (56/83) and ``rest_weekdays`` (an int bit
    mask, bit d = ISO weekday d, or an iterable of ISO weekdays 1..7).
    """

    _kind = "adherence"

    def __init__(self, start_day: dates.DateLike, *,
                 sessions: Iterable[Union[AdherenceSession, Session]] = (),
                 plan: Iterable[AdherencePlan] = (), rest_days: Iterable[dates.DateLike] = (),
                 pauses: Iterable[Any] = (), **config: Any) -> None:
        cfg = _c.hip_adherence_config()
        cfg.start_day = _day(start_day)
        rw = config.pop("rest_weekdays", 0)
        if not isinstance(rw, int):
            mask = 0
            for d in rw:
                if isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7:
                    raise InvalidArgumentError(f"config.rest_weekdays: expected ISO weekdays 1..7, got {d!r}")
                mask |= 1 << d
            rw = mask
        config["rest_weekdays"] = rw
        set_fields(cfg, config, "config")
        self._start = int(cfg.start_day)
        self._c = _c.hip_adherence(cfg)
        self.set_sessions(sessions)
        self.set_plan(plan)
        self.set_rest_days(rest_days)
        self.set_pauses(pauses)

    @property
    def start_day(self) -> int:
        """Program day 0."""
        return self._start

    # ---- inputs
    def set_sessions(self, sessions: Iterable[Union[AdherenceSession, Session]]) -> None:
        """Replaces the logged sessions (any order)."""
        items = [AdherenceSession.from_session(s) if isinstance(s, Session) else s for s in sessions]
        self._live().set_sessions_bytes(_records(items, _SESSION_DTYPE, "sessions").view(np.uint8))

    def set_plan(self, plan: Iterable[AdherencePlan]) -> None:
        """Replaces the program history (effective days must not decrease)."""
        items = list(plan)
        self._live().set_plan_bytes(_records(items, _PLAN_DTYPE, "plan").view(np.uint8))

    def set_rest_days(self, days: Iterable[dates.DateLike]) -> None:
        """Replaces the single planned rest days."""
        arr = np.array([_day(d) for d in days], dtype=np.int64)
        if arr.size and (arr.min() < np.iinfo(np.int32).min or arr.max() > np.iinfo(np.int32).max):
            raise InvalidArgumentError("rest_days: a day is out of range")
        self._live().set_rest_days_bytes(arr.astype(np.int32).view(np.uint8))

    def set_pauses(self, pauses: Iterable[Any]) -> None:
        """Replaces the flare pauses (:class:`Pause` values or (first, last) pairs of days)."""
        items = [p if isinstance(p, Pause) else Pause(_day(p[0]), _day(p[1])) for p in pauses]
        self._live().set_pauses_bytes(_records(items, _PAUSE_DTYPE, "pauses").view(np.uint8))

    # ---- metrics
    def week(self, week: int) -> AdherenceWeek:
        """ADH-1, 3, 4, 9 of program week ``week`` (>= 1)."""
        out = _c.hip_adherence_week()
        self._live().week_at(week, out)
        w = from_c(AdherenceWeek, out)
        return w if w.evaluable else dataclasses.replace(w, completion_pct=None)

    def weeks(self, today: dates.DateLike) -> List[AdherenceWeek]:
        """Weeks 1 .. today's week."""
        n = self.report(today).current_week
        return [self.week(w) for w in range(1, n + 1)]

    def sessions_per_week(self, today: dates.DateLike) -> float:
        """ADH-2: completed sessions / max(1, ceil(days elapsed / 7))."""
        return float(self._live().sessions_per_week(_day(today))[1])

    def poor_adherence(self, today: dates.DateLike) -> Optional[int]:
        """ADH-5: the week of the first poor-adherence event, or None."""
        try:
            return int(self._live().poor_adherence(_day(today))[1])
        except NotFoundError:
            return None

    def final_month(self) -> bool:
        """ADH-6: a completed session on program days 56..83 (configurable)."""
        return bool(self._live().final_month()[1])

    def habit_point(self, today: dates.DateLike) -> Optional[int]:
        """ADH-7: the day the habit point (6 completed sessions within 14 days) was reached, or None."""
        try:
            return int(self._live().habit_point(_day(today))[1])
        except NotFoundError:
            return None

    def day_streak(self, today: dates.DateLike) -> int:
        """ADH-8: days in a row with a completed session (with a grace day; excused days skipped)."""
        return int(self._live().day_streak(_day(today))[1])

    def week_streak(self, today: dates.DateLike) -> int:
        """ADH-9: program weeks in a row meeting the session target."""
        return int(self._live().week_streak(_day(today))[1])

    def range_stats(self, first_day: dates.DateLike, last_day: dates.DateLike) -> AdherenceRange:
        """Logged/completed sessions, exercise days and minutes over a day range."""
        out = _c.hip_adherence_range()
        self._live().range_stats(_day(first_day), _day(last_day), out)
        return from_c(AdherenceRange, out)

    def exercise_days_last_14(self, today: dates.DateLike) -> int:
        """ADH-10: distinct days with a completed session on today-13..today."""
        return int(self._live().exercise_days_last_14(_day(today))[1])

    def active_weeks(self, today: dates.DateLike) -> int:
        """ADH-11: program weeks up to today's with a completed session."""
        return int(self._live().active_weeks(_day(today))[1])

    def cumulative_minutes(self, today: dates.DateLike) -> float:
        """ADH-12: minutes of every logged session up to today."""
        return float(self._live().cumulative_minutes(_day(today))[1])

    def report(self, today: dates.DateLike) -> AdherenceReport:
        """Everything as of today."""
        out = _c.hip_adherence_report()
        self._live().report_on(_day(today), out)
        return AdherenceReport(
            today=int(out.today), current_week=int(out.current_week),
            sessions_per_week=float(out.sessions_per_week),
            poor_adherence_week=int(out.poor_adherence_week) if out.has_poor_adherence else None,
            final_month_completed=bool(out.final_month_completed),
            habit_day=int(out.habit_day) if out.habit_reached else None,
            day_streak=int(out.day_streak), week_streak=int(out.week_streak),
            exercise_days_last_14=int(out.exercise_days_last_14), active_weeks=int(out.active_weeks),
            cumulative_minutes=float(out.cumulative_minutes),
            sessions_completed=int(out.sessions_completed))

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        return "<hiptrack.Adherence closed>" if self.closed else \
            f"<hiptrack.Adherence from {dates.format(self._start)}>"


def completion_pct(done: float, prescribed: float) -> Optional[float]:
    """ADH-3/4 arithmetic: 100 x done / prescribed; None when nothing is prescribed
    (NOT_EVALUABLE); :class:`OutOfRangeError` for negative values or done > prescribed."""
    try:
        return float(_c.hip_adherence_completion_pct(done, prescribed)[1])
    except NotFoundError:
        return None
    except HipError as e:
        raise type(e)(f"completion_pct({done!r}, {prescribed!r}): done and prescribed must be "
                      f"finite, >= 0, done <= prescribed", int(e.code)) from None


__all__ = ["Adherence", "AdherenceSession", "AdherencePlan", "Pause", "AdherenceWeek",
           "AdherenceRange", "AdherenceReport", "completion_pct"]
