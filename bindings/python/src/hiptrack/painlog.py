"""The pain log (``hip_painlog.h``): 0-10 NRS pain entries with their recall window, location,
side, symptoms, time of day and setting, in time order; and the analytics over them (CLINICAL.md
§1, §3.5, §6): baseline, rolling mean, change and responder status, flares, morning vs night,
severity bands, acute vs chronic, and the cohort "% pain reduction".

Days are the member's local calendar days (the day of ``t_ns + utc_offset_min``) as day numbers;
every function taking a day also takes a :class:`datetime.date` or an ISO string. Every threshold
lives in the config: pass ``hip_painlog_config`` fields as keyword arguments (``PainLog(
resp_pct=50.0)``, ``pain_change(6, 3, responder_criterion=PainCriterion.EITHER)``).
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime
from typing import (Any, Callable, ClassVar, Dict, Iterable, Iterator, List, Optional, Sequence,
                    Tuple, Union)

import numpy as np

from . import capi as _c
from . import dates
from ._enums import (FlareEscalation, PainBand, PainContext, PainCriterion, PainDuration,
                     PainLocation, PainPattern, PainSetting, PainSide, PainSymptom, PainTimeOfDay,
                     PainVerdict)
from ._errors import HipError, InvalidArgumentError, NotFoundError, OutOfRangeError
from ._handle import Handle, fill, set_fields, export_text
from ._values import from_c

#: Bytes of an entry's note buffer (the note holds at most NOTE_CAP - 1 UTF-8 bytes).
NOTE_CAP: int = _c.HIPTRACK_PAIN_NOTE_CAP
#: The largest |utc_offset_min|.
OFFSET_MAX_MIN: int = _c.HIPTRACK_PAIN_OFFSET_MAX


def _config(config: Dict[str, Any]) -> Any:
    cfg = _c.hip_painlog_config()
    set_fields(cfg, config, "config")
    return cfg


@dataclasses.dataclass(frozen=True)
class PainEntry:
    """``hip_pain_entry``: one NRS score. ``nrs`` must be 0..10 and ``utc_offset_min`` within
    ±18 h (:class:`OutOfRangeError` when added; nothing is clamped). Use :meth:`at` to make one
    from an aware datetime."""

    t_ns: int
    nrs: int
    utc_offset_min: int = 0
    context: PainContext = PainContext.CURRENT
    location: PainLocation = PainLocation.UNSPECIFIED
    side: PainSide = PainSide.UNSPECIFIED
    symptoms: PainSymptom = PainSymptom(0)
    time_of_day: PainTimeOfDay = PainTimeOfDay.UNSPECIFIED
    setting: PainSetting = PainSetting.UNSPECIFIED
    note: str = ""

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "context": PainContext, "location": PainLocation, "side": PainSide,
        "symptoms": PainSymptom, "time_of_day": PainTimeOfDay, "setting": PainSetting}

    @classmethod
    def at(cls, when: datetime.datetime, nrs: int, **fields: Any) -> "PainEntry":
        """An entry at an aware datetime (its instant and UTC offset)."""
        if when.tzinfo is None or when.utcoffset() is None:
            raise InvalidArgumentError("when: a datetime needs a time zone (tzinfo)")
        off = when.utcoffset()
        assert off is not None
        delta = when - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        t_ns = (delta.days * 86400 + delta.seconds) * 1_000_000_000 + delta.microseconds * 1000
        return cls(t_ns=t_ns, nrs=nrs, utc_offset_min=int(off.total_seconds() // 60), **fields)

    @property
    def day(self) -> int:
        """The local calendar day (a day number)."""
        return local_day(self.t_ns, self.utc_offset_min)

    @property
    def datetime(self) -> datetime.datetime:
        """The instant as an aware datetime in the member's offset then."""
        tz = datetime.timezone(datetime.timedelta(minutes=self.utc_offset_min))
        epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        return (epoch + datetime.timedelta(microseconds=self.t_ns // 1000)).astimezone(tz)

    @property
    def band(self) -> PainBand:
        """The NRS severity band."""
        return pain_band(self.nrs)


@dataclasses.dataclass(frozen=True)
class PainBaseline:
    """``hip_pain_baseline``: the baseline value and the days and entries it used."""

    nrs: float
    first_day: int
    last_day: int
    day_count: int
    entry_count: int


@dataclasses.dataclass(frozen=True)
class PainWindow:
    """``hip_pain_window``: the mean of the daily values over a window of days."""

    mean_nrs: float
    first_day: int
    last_day: int
    day_count: int
    entry_count: int


@dataclasses.dataclass(frozen=True)
class PainChange:
    """``hip_pain_change``: baseline -> follow-up with the §1.3 verdicts. ``delta_abs`` is
    baseline - followup (positive = better); ``delta_pct`` is None at baseline 0."""

    baseline: float
    followup: float
    delta_abs: float
    delta_pct: Optional[float]
    pct_status: PainVerdict
    resp_pct: PainVerdict
    resp_abs: PainVerdict
    resp_min: PainVerdict
    worse_abs: PainVerdict
    responder: PainVerdict
    criterion: PainCriterion

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "pct_status": PainVerdict, "resp_pct": PainVerdict, "resp_abs": PainVerdict,
        "resp_min": PainVerdict, "worse_abs": PainVerdict, "responder": PainVerdict,
        "criterion": PainCriterion}

    @property
    def is_responder(self) -> bool:
        return self.responder == PainVerdict.YES


@dataclasses.dataclass(frozen=True)
class PainFlare:
    """``hip_pain_flare`` (CLINICAL.md §3.5): days are local day numbers; ``off_day`` is None while
    the flare is ongoing."""

    start_day: int
    on_day: int
    last_day: int
    off_day: Optional[int]
    ongoing: bool
    escalate: FlareEscalation
    baseline: float
    peak_nrs: float


@dataclasses.dataclass(frozen=True)
class PainPatternResult:
    """``hip_pain_pattern_result``: morning vs night."""

    pattern: PainPattern
    morning_count: int
    night_count: int
    morning_mean: float
    night_mean: float

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"pattern": PainPattern}


@dataclasses.dataclass(frozen=True)
class PainCohort:
    """``hip_pain_cohort`` (CLINICAL.md §1.4): "% pain reduction" both ways; a value is None
    when undefined (no completer, mean baseline 0, zero denominator)."""

    enrolled: int
    completers: int
    pct_ratio: Optional[float]
    pct_mean: Optional[float]
    pct_mean_members: int
    pct_mean_excluded: int
    responders_pct: int
    responders_abs: int
    resp_pct_rate_itt: Optional[float]
    resp_pct_rate_completers: Optional[float]
    resp_abs_rate_itt: Optional[float]
    resp_abs_rate_completers: Optional[float]


_FLARE_DTYPE = np.dtype({
    "names": ["start_day", "on_day", "last_day", "off_day", "ongoing", "escalate", "baseline",
              "peak_nrs"],
    "formats": [np.int32, np.int32, np.int32, np.int32, np.uint32, np.uint32, np.float64, np.float64],
    "offsets": [_c.HIP_PAIN_FLARE_OFF_START_DAY, _c.HIP_PAIN_FLARE_OFF_ON_DAY,
                _c.HIP_PAIN_FLARE_OFF_LAST_DAY, _c.HIP_PAIN_FLARE_OFF_OFF_DAY,
                _c.HIP_PAIN_FLARE_OFF_ONGOING, _c.HIP_PAIN_FLARE_OFF_ESCALATE,
                _c.HIP_PAIN_FLARE_OFF_BASELINE, _c.HIP_PAIN_FLARE_OFF_PEAK_NRS],
    "itemsize": _c.HIP_PAIN_FLARE_SIZE,
})


def _flares(call: Callable[[Any], Tuple[int, int]]) -> List[PainFlare]:
    """Two-call pattern over a flares-into-bytes adapter."""
    _, n = call(None)
    while True:
        buf = np.zeros(n, _FLARE_DTYPE)
        try:
            _, n2 = call(buf.view(np.uint8))
        except HipError as e:
            if int(e.code) == -5:   # grew meanwhile: impossible for one call, but stay safe
                n += 4
                continue
            raise
        break
    out = []
    for rec in buf[:n2].tolist():
        d = dict(zip(_FLARE_DTYPE.names or (), rec))
        out.append(PainFlare(start_day=int(d["start_day"]), on_day=int(d["on_day"]),
                             last_day=int(d["last_day"]),
                             off_day=None if d["ongoing"] else int(d["off_day"]),
                             ongoing=bool(d["ongoing"]), escalate=FlareEscalation(d["escalate"]),
                             baseline=float(d["baseline"]), peak_nrs=float(d["peak_nrs"])))
    return out


def _change(c: Any) -> PainChange:
    ch = from_c(PainChange, c)
    return ch if ch.pct_status != PainVerdict.NOT_EVALUABLE else dataclasses.replace(ch, delta_pct=None)


@contextlib.contextmanager
def _no_data(context: PainContext, day: Optional[dates.DateLike] = None) -> Iterator[None]:
    """Gives NOT_FOUND without a message of its own one that says what is missing."""
    try:
        yield
    except NotFoundError as e:
        if e.message and e.message != str(_c.hip_status_str(int(e.code))):
            raise
        where = "" if day is None else f" up to {dates.format(dates.to_day(day))}"
        raise NotFoundError(f"no {PainContext(context).name.lower()} pain entries{where} to compute "
                            "from") from None


class PainLog(Handle):
    """A member's pain entries in time order, with the analytics over them.

    ``len(log)``, ``log[i]`` (a :class:`PainEntry`, negative indexes allowed), iteration,
    :meth:`add` (an entry or its fields), :meth:`remove`. An exact duplicate is refused
    (:class:`AlreadyExistsError`); ``nrs`` outside 0..10 or an offset beyond ±18 h raise
    :class:`OutOfRangeError`; another bad field :class:`InvalidArgumentError` naming it. The log
    is unchanged after a refused call.

    Analytics work on the entries of one recall window (``context``; flares are meant for
    AVG_24H, outcomes for AVG_7D). A day's value is the mean of that day's entries. With nothing to
    compute from they raise :class:`NotFoundError` (flares give an empty list).
    """

    _kind = "pain log"

    def __init__(self, entries: Iterable[PainEntry] = (), **config: Any) -> None:
        self._c = _c.hip_painlog(_config(config))
        self.extend(entries)

    @classmethod
    def from_json(cls, text: Union[str, bytes], **config: Any) -> "PainLog":
        """A log of the entries of a ``hiptrack.painlog`` document."""
        log = cls(**config)
        log.import_json(text)
        return log

    # ---- entries
    def add(self, entry: Optional[PainEntry] = None, **fields: Any) -> None:
        """Adds an entry (placed in time order), or one made of ``fields`` (t_ns, nrs, ...)."""
        e = dataclasses.replace(entry, **fields) if entry is not None else PainEntry(**fields)
        self._live().add(fill(e, _c.hip_pain_entry(), "entry"))

    def extend(self, entries: Iterable[PainEntry]) -> None:
        """Adds several entries (stops at the first refused one)."""
        for e in entries:
            self.add(e)

    def remove(self, index: int) -> None:
        """Removes the entry at index."""
        n = len(self)
        if index < 0:
            index += n
        self._live().remove(index)

    def __len__(self) -> int:
        return int(self._live().count())

    def __getitem__(self, index: int) -> PainEntry:
        c = self._live()
        n = int(c.count())
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("pain log index out of range")
        out = _c.hip_pain_entry()
        c.entry_at(index, out)
        return from_c(PainEntry, out)

    def __iter__(self) -> Iterator[PainEntry]:
        for i in range(len(self)):
            yield self[i]

    @property
    def entries(self) -> List[PainEntry]:
        """Every entry, in time order."""
        return list(self)

    # ---- analytics
    def baseline(self, context: PainContext = PainContext.CURRENT) -> PainBaseline:
        """The baseline (default: mean of the daily values of the first 7 local days)."""
        out = _c.hip_pain_baseline()
        with _no_data(context):
            self._live().baseline(int(context), out)
        return from_c(PainBaseline, out)

    def rolling_mean(self, day: dates.DateLike, context: PainContext = PainContext.CURRENT) -> PainWindow:
        """The mean of the daily values of the ``rolling_days`` (7) days ending on ``day``."""
        out = _c.hip_pain_window()
        with _no_data(context, day):
            self._live().rolling_mean(int(context), dates.to_day(day), out)
        return from_c(PainWindow, out)

    def change_on(self, day: dates.DateLike, context: PainContext = PainContext.CURRENT) -> PainChange:
        """Change from the baseline to the rolling mean ending on ``day``, with the §1.3 verdicts."""
        out = _c.hip_pain_change()
        with _no_data(context, day):
            self._live().change_on(int(context), dates.to_day(day), out)
        return _change(out)

    def flares(self, context: PainContext = PainContext.AVG_24H) -> List[PainFlare]:
        """Flares over the daily values (CLINICAL.md §3.5), oldest first."""
        c = self._live()
        try:
            return _flares(lambda buf: c.flares_into(int(context), buf)) 
        except NotFoundError:
            return []

    def pattern(self, from_day: dates.DateLike, to_day: dates.DateLike,
                context: PainContext = PainContext.CURRENT) -> PainPatternResult:
        """Morning vs night over the local days from_day..to_day."""
        out = _c.hip_pain_pattern_result()
        with _no_data(context):
            self._live().pattern(int(context), dates.to_day(from_day), dates.to_day(to_day), out)
        return from_c(PainPatternResult, out)

    # ---- JSON
    def import_json(self, text: Union[str, bytes]) -> None:
        """Replaces all entries with a ``hiptrack.painlog`` document; all or nothing
        (:class:`FormatError` naming the field path, :class:`AlreadyExistsError` for a duplicate)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        self._live().import_json(data)

    def export_json(self) -> str:
        """The log as a ``hiptrack.painlog`` document."""
        return export_text(self._live().export_json)

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        return "<hiptrack.PainLog closed>" if self.closed else f"<hiptrack.PainLog {len(self)} entries>"


# ---- pure functions

def _reraise(e: HipError, message: str) -> HipError:
    return type(e)(message, int(e.code))


def local_day(t_ns: int, utc_offset_min: int) -> int:
    """The local day of an instant (:class:`OutOfRangeError` for an offset beyond ±18 h)."""
    try:
        return int(_c.hip_painlog_local_day(t_ns, utc_offset_min)[1])
    except HipError as e:
        raise _reraise(e, f"utc_offset_min: {utc_offset_min} is out of range "
                          f"-{OFFSET_MAX_MIN}..{OFFSET_MAX_MIN}") from None


def pain_band(nrs: int) -> PainBand:
    """The §1.1 severity band of an NRS score (:class:`OutOfRangeError` outside 0..10)."""
    if isinstance(nrs, bool) or not isinstance(nrs, int):
        raise InvalidArgumentError(f"nrs: expected an integer 0..10, got {nrs!r}")
    if not 0 <= nrs <= 10:
        raise OutOfRangeError(f"nrs: {nrs} is out of range 0..10")
    return PainBand(_c.hip_painlog_band(nrs)[1])


def band_name(band: PainBand) -> str:
    """The band's name ("mild", ...)."""
    return str(_c.hip_pain_band_name(int(band)))


def band_snomed(band: PainBand) -> str:
    """The band's SNOMED CT code ("40196000" for mild)."""
    return str(_c.hip_pain_band_snomed(int(band)))


def pain_change(baseline: float, followup: float, **config: Any) -> PainChange:
    """§1.3 change and verdicts between two NRS values 0..10 (means allowed);
    :class:`OutOfRangeError` otherwise."""
    out = _c.hip_pain_change()
    try:
        _c.hip_painlog_change(float(baseline), float(followup), _config(config), out)
    except HipError as e:
        raise _reraise(e, f"pain_change({baseline!r}, {followup!r}): values must be finite NRS "
                          "0..10 and the config valid") from None
    return _change(out)


def duration_class(onset: dates.DateLike, assessment: dates.DateLike,
                   **config: Any) -> Tuple[PainDuration, int]:
    """PAIN-DUR-1: (acute/subacute/chronic, duration in days); :class:`OutOfRangeError` when the
    onset is after the assessment."""
    o, a = dates.to_day(onset), dates.to_day(assessment)
    try:
        _, cls, days = _c.hip_painlog_duration_class(o, a, _config(config))
    except HipError as e:
        raise _reraise(e, f"onset {dates.format(o)} is after the assessment {dates.format(a)}"
                       if o > a else "duration_class: invalid config") from None
    return PainDuration(cls), int(days)


def flares_scan(days: Sequence[dates.DateLike], daily_nrs: Sequence[float], baseline: float,
                **config: Any) -> List[PainFlare]:
    """The §3.5 flare rule over a daily series (days strictly increasing, values 0..10) with
    ``baseline`` as the fixed (enrolment) baseline."""
    d = np.array([dates.to_day(x) for x in days], np.int32)
    v = np.ascontiguousarray(np.asarray(daily_nrs, np.float64))
    if v.ndim != 1:
        raise InvalidArgumentError(f"daily_nrs: expected shape (N,), got {v.shape}")
    cfg = _config(config)
    try:
        return _flares(lambda buf: _c.hip__bind_painlog_flares_scan(
            d.view(np.uint8), v.view(np.uint8), float(baseline), cfg, buf))
    except HipError as e:
        if e.message and e.message != _c.hip_status_str(int(e.code)):
            raise
        raise _reraise(e, "flares_scan: days must be strictly increasing, values and baseline "
                          "NRS 0..10") from None


def pain_cohort(baselines: Sequence[float], finals: Sequence[Optional[float]], **config: Any) -> PainCohort:
    """§1.4 cohort "% pain reduction" over members: ``baselines`` 0..10, ``finals`` 0..10 or None
    for a member without follow-up."""
    b = np.ascontiguousarray(np.asarray(baselines, np.float64))
    f = np.array([_c.HIPTRACK_PAIN_MISSING if x is None else x for x in finals], np.float64)
    out = _c.hip_pain_cohort()
    try:
        _c.hip__bind_painlog_cohort(b.view(np.uint8), f.view(np.uint8), _config(config), out)
    except HipError as e:
        if e.message and e.message != _c.hip_status_str(int(e.code)):
            raise
        raise _reraise(e, "pain_cohort: baselines must be 0..10, finals 0..10 or None, and the "
                          "cohort not empty") from None
    rate_itt, rate_c = bool(out.rate_itt_valid), bool(out.rate_completers_valid)
    return PainCohort(
        enrolled=int(out.enrolled), completers=int(out.completers),
        pct_ratio=float(out.pct_ratio) if out.pct_ratio_valid else None,
        pct_mean=float(out.pct_mean) if out.pct_mean_valid else None,
        pct_mean_members=int(out.pct_mean_members), pct_mean_excluded=int(out.pct_mean_excluded),
        responders_pct=int(out.responders_pct), responders_abs=int(out.responders_abs),
        resp_pct_rate_itt=float(out.resp_pct_rate_itt) if rate_itt else None,
        resp_pct_rate_completers=float(out.resp_pct_rate_completers) if rate_c else None,
        resp_abs_rate_itt=float(out.resp_abs_rate_itt) if rate_itt else None,
        resp_abs_rate_completers=float(out.resp_abs_rate_completers) if rate_c else None)


__all__ = ["PainLog", "PainEntry", "PainBaseline", "PainWindow", "PainChange", "PainFlare",
           "PainPatternResult", "PainCohort", "local_day", "pain_band", "band_name", "band_snomed",
           "pain_change", "duration_class", "flares_scan", "pain_cohort", "NOTE_CAP",
           "OFFSET_MAX_MIN"]
