"""Outcome questionnaires (``hip_outcomes.h``, CLINICAL.md §2): HOOS and its five subscales,
HOOS-12, HOOS JR, HOOS-PS and the PSFS (iHOT-12 and Oxford only in licensed builds).

One administration is a response object, one class per instrument, with answers by stable item
id. A missing answer is None, never 0::

    r = hiptrack.HoosJrResponse({"P5": 1, "P10": 2, "A3": 1, "A5": 2, "A12": 2, "A14": 2})
    r["A14"] = None                    # missing
    r.score()[OutcomeScale.HOOS_JR]    # ScaleScore(state=NOT_SCOREABLE, value=None, ...)
    hiptrack.compare(before.score(), after.score())   # change against MCID/MDC thresholds

The library ships item ids, ranges and short topic labels in its own words; official wording and
translations are the app's (and its licences').
"""
from __future__ import annotations

import dataclasses
from typing import (Any, Callable, ClassVar, Dict, Iterator, List, Mapping, Optional, Tuple, Type,
                    Union)

from . import capi as _c
from . import dates
from ._enums import ChangeCriterion, Instrument, OutcomeScale, OutcomeState
from ._errors import HipError, InvalidArgumentError, NotFoundError
from ._handle import Handle, export_text
from ._values import from_c

#: The value of a missing answer in the C API (the Python API uses None).
MISSING: int = _c.HIPTRACK_OUTCOME_MISSING
#: PSFS activity slots.
PSFS_SLOTS: Tuple[str, ...] = tuple(f"ACT{i}" for i in range(1, _c.HIPTRACK_PSFS_MAX_ACTIVITIES + 1))


@dataclasses.dataclass(frozen=True)
class OutcomeItem:
    """``hip_outcome_item``: an item's id, answer range, scale and a short topic label."""

    id: str
    min: int
    max: int
    scale: OutcomeScale
    topic: str

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"scale": OutcomeScale}


@dataclasses.dataclass(frozen=True)
class ScaleScore:
    """``hip_outcome_scale_score``: one scale's score; ``value`` is None unless SCORED."""

    scale: OutcomeScale
    state: OutcomeState
    value: Optional[float]
    higher_is_better: bool
    item_count: int
    answered: int
    raw_sum: int

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "scale": OutcomeScale, "state": OutcomeState, "higher_is_better": bool}

    @property
    def scored(self) -> bool:
        return self.state == OutcomeState.SCORED


@dataclasses.dataclass(frozen=True)
class PsfsActivityScore:
    """``hip_psfs_activity_score``: one rated PSFS activity slot."""

    id: str
    value: int


@dataclasses.dataclass(frozen=True)
class OutcomeResult:
    """``hip_outcome_result``: the scores of one administration. ``result[scale]`` is that
    scale's :class:`ScaleScore`; ``result.value(scale)`` its value or None."""

    instrument: Instrument
    day: Optional[int]
    scales: Tuple[ScaleScore, ...]
    activities: Tuple[PsfsActivityScore, ...] = ()
    _c: Any = dataclasses.field(default=None, repr=False, compare=False, hash=False)

    def __getitem__(self, scale: OutcomeScale) -> ScaleScore:
        for s in self.scales:
            if s.scale == scale:
                return s
        raise KeyError(f"{self.instrument.name} has no scale {OutcomeScale(scale).name}")

    def value(self, scale: OutcomeScale) -> Optional[float]:
        """The scale's score, None when it could not be scored."""
        return self[scale].value

    @property
    def date(self) -> Optional[Any]:
        """The administration date as a :class:`datetime.date`, if set."""
        return None if self.day is None else dates.to_date(self.day)


@dataclasses.dataclass(frozen=True)
class ScaleChange:
    """``hip_outcome_scale_change``: ``delta`` is the improvement (after - before on a
    higher-is-better scale); before/after/delta are None unless the state is SCORED."""

    scale: OutcomeScale
    state: OutcomeState
    before: Optional[float]
    after: Optional[float]
    delta: Optional[float]
    threshold: float
    criterion: ChangeCriterion
    improved: bool
    worsened: bool

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "scale": OutcomeScale, "state": OutcomeState, "criterion": ChangeCriterion,
        "improved": bool, "worsened": bool}


@dataclasses.dataclass(frozen=True)
class PsfsActivityChange:
    """``hip_psfs_activity_change``: one activity rated at both visits."""

    id: str
    before: int
    after: int
    delta: int
    improved: bool
    worsened: bool

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"improved": bool, "worsened": bool}


@dataclasses.dataclass(frozen=True)
class OutcomeChange:
    """``hip_outcome_change``: per scale (``change[scale]``) and, for PSFS, per activity."""

    instrument: Instrument
    scales: Tuple[ScaleChange, ...]
    activities: Tuple[PsfsActivityChange, ...] = ()

    def __getitem__(self, scale: OutcomeScale) -> ScaleChange:
        for s in self.scales:
            if s.scale == scale:
                return s
        raise KeyError(f"{self.instrument.name} has no scale {OutcomeScale(scale).name}")


def _result_from_c(c: Any) -> OutcomeResult:
    scales = []
    out = _c.hip_outcome_scale_score()
    for i in range(c.scale_count):
        c.scale_at(i, out)
        s = from_c(ScaleScore, out)
        if s.state != OutcomeState.SCORED:
            s = dataclasses.replace(s, value=None)
        scales.append(s)
    acts = []
    a = _c.hip_psfs_activity_score()
    for i in range(c.activity_count):
        c.activity_at(i, a)
        acts.append(from_c(PsfsActivityScore, a))
    return OutcomeResult(Instrument(c.instrument), int(c.day) if c.has_day else None,
                         tuple(scales), tuple(acts), c)


# ---- item metadata

def items(instrument: Instrument) -> List[OutcomeItem]:
    """The items of an instrument in form order (ids, ranges, scales, topics)."""
    out = _c.hip_outcome_item()
    result = []
    for i in range(_c.hip_outcome_item_count(int(instrument))):
        _c.hip_outcome_item_at(int(instrument), i, out)
        result.append(from_c(OutcomeItem, out))
    return result


def instrument_available(instrument: Instrument) -> bool:
    """True when this build scores the instrument (False for iHOT-12 and Oxford without the
    licence option)."""
    return bool(_c.hip_outcome_instrument_available(int(instrument)))


def instrument_name(instrument: Instrument) -> str:
    """The JSON name ("hoos", "hoos_jr", ...)."""
    return str(_c.hip_instrument_name(int(instrument)))


def scale_name(scale: OutcomeScale) -> str:
    """The scale's name ("hoos_pain", ...)."""
    return str(_c.hip_outcome_scale_name(int(scale)))


# ---- thresholds and comparison

ThresholdSpec = Union[float, Tuple[float, ChangeCriterion]]


def default_thresholds() -> Dict[OutcomeScale, Tuple[float, ChangeCriterion]]:
    """``hip_mcid_config_init``'s thresholds by scale (0 = none): HOOS-12 MCID 24, PSFS MDC 2."""
    m = _c.hip_mcid_config()
    return {s: (float(m.threshold_of(int(s))), ChangeCriterion(m.criterion_of(int(s))))
            for s in OutcomeScale}


def compare(before: OutcomeResult, after: OutcomeResult, *,
            thresholds: Optional[Mapping[OutcomeScale, ThresholdSpec]] = None,
            psfs_activity_threshold: Optional[ThresholdSpec] = None) -> OutcomeChange:
    """Compares two scored administrations of the same instrument.

    ``thresholds`` overrides the default threshold of some scales: a number (judged as an MCID) or
    (number, :class:`ChangeCriterion`); 0 means none. ``psfs_activity_threshold`` likewise for one
    PSFS activity (default MDC 3). :class:`InvalidArgumentError` for different instruments or
    results not made by :meth:`OutcomeResponse.score`.
    """
    if not isinstance(before, OutcomeResult) or not isinstance(after, OutcomeResult) \
            or before._c is None or after._c is None:
        raise InvalidArgumentError("compare: expected two results of OutcomeResponse.score()")
    m = _c.hip_mcid_config()
    for scale, spec in (thresholds or {}).items():
        value, crit = spec if isinstance(spec, tuple) else (spec, ChangeCriterion.MCID)
        m.set_threshold(int(OutcomeScale(scale)), float(value), int(crit))
    if psfs_activity_threshold is not None:
        spec = psfs_activity_threshold
        value, crit = spec if isinstance(spec, tuple) else (spec, ChangeCriterion.MDC)
        m.psfs_activity_threshold = float(value)
        m.psfs_activity_criterion = int(crit)
    out = _c.hip_outcome_change()
    try:
        _c.hip_outcome_compare(before._c, after._c, m, out)
    except HipError as e:
        raise type(e)(f"compare: {before.instrument.name} vs {after.instrument.name}: the instruments "
                      "(and HOOS-PS directions) must match and thresholds be finite and >= 0",
                      int(e.code)) from None
    scales = []
    sc = _c.hip_outcome_scale_change()
    for i in range(out.scale_count):
        out.scale_at(i, sc)
        s = from_c(ScaleChange, sc)
        if s.state != OutcomeState.SCORED:
            s = dataclasses.replace(s, before=None, after=None, delta=None)
        scales.append(s)
    acts = []
    ac = _c.hip_psfs_activity_change()
    for i in range(out.activity_count):
        out.activity_at(i, ac)
        acts.append(from_c(PsfsActivityChange, ac))
    return OutcomeChange(Instrument(out.instrument), tuple(scales), tuple(acts))


# ---- responses

Answer = Optional[int]


class OutcomeResponse(Handle):
    """One administration of a questionnaire: answers by item id, a date, scoring.

    Use the class of the instrument (:class:`HoosResponse`, :class:`Hoos12Response`,
    :class:`HoosJrResponse`, :class:`HoosPsResponse`, :class:`PsfsResponse`,
    :class:`Ihot12Response`, :class:`OxfordResponse`) or :meth:`for_instrument`. A response is a
    mutable mapping of item ids: ``r["P5"] = 2``, ``r["P5"]`` (None when missing),
    ``r["P5"] = None`` or ``del r["P5"]`` (missing), ``r.update({...})``, ``len(r)`` (the item
    count), iteration over item ids. An unknown id raises :class:`NotFoundError` (a
    ``LookupError``), a value out of the item's range :class:`OutOfRangeError` (a ``ValueError``)
    naming the item and range, a non-integer :class:`InvalidArgumentError`.
    """

    _kind = "outcome response"
    instrument: ClassVar[Instrument] = Instrument.HOOS

    def __init__(self, answers: Optional[Mapping[str, Answer]] = None, *,
                 date: Optional[dates.DateLike] = None, **options: Any) -> None:
        cfg = _c.hip_outcome_config()
        cfg.instrument = int(self.instrument)
        for name, value in options.items():
            if name not in ("hoos_missing_rule", "hoos_ps_direction"):
                raise InvalidArgumentError(f"config: no field {name!r}")
            setattr(cfg, name, int(value))
        self._c = _c.hip_outcome_response(cfg)
        if answers:
            self.update(answers)
        if date is not None:
            self.date = dates.to_day(date)

    @staticmethod
    def for_instrument(instrument: Instrument, answers: Optional[Mapping[str, Answer]] = None,
                       **kwargs: Any) -> "OutcomeResponse":
        """A response of the class for ``instrument``."""
        return _CLASSES[Instrument(instrument)](answers, **kwargs)

    @staticmethod
    def from_json(text: Union[str, bytes], **options: Any) -> "OutcomeResponse":
        """The administration of a ``hiptrack.outcome`` document, as the response class of its
        instrument."""
        r = OutcomeResponse(**options)
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        r._live().import_json(data)
        cls = _CLASSES[Instrument(r._c.instrument())]
        obj = cls.__new__(cls)
        obj._c, r._c = r._c, None
        return obj

    # ---- answers
    def _id(self, item_id: object) -> str:
        if not isinstance(item_id, str):
            raise InvalidArgumentError(f"item id: expected a str, got {item_id!r}")
        return item_id

    def __getitem__(self, item_id: str) -> Answer:
        _, v = self._live().get_answer(self._id(item_id))
        return None if v == MISSING else int(v)

    def __setitem__(self, item_id: str, value: Answer) -> None:
        item_id = self._id(item_id)
        if value is None:
            self._live().set_missing(item_id)
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgumentError(f"{item_id}: expected an integer answer or None, got {value!r}")
        if not -2**31 <= value < 2**31:
            raise InvalidArgumentError(f"{item_id}: {value} is out of range")
        self._live().set_answer(item_id, value)

    def __delitem__(self, item_id: str) -> None:
        self._live().set_missing(self._id(item_id))

    def __contains__(self, item_id: object) -> bool:
        return isinstance(item_id, str) and item_id in self.item_ids

    def __iter__(self) -> Iterator[str]:
        return iter(self.item_ids)

    def __len__(self) -> int:
        return len(self.item_ids)

    def update(self, answers: Mapping[str, Answer]) -> None:
        """Sets several answers (None = missing). Stops at the first refused one."""
        for k, v in answers.items():
            self[k] = v

    @property
    def items(self) -> List[OutcomeItem]:
        """The instrument's items in form order."""
        return items(self.current_instrument)

    @property
    def item_ids(self) -> List[str]:
        return [i.id for i in self.items]

    @property
    def answers(self) -> Dict[str, Answer]:
        """Every item id -> its answer (None when missing), in form order."""
        return {i: self[i] for i in self.item_ids}

    @property
    def answered(self) -> int:
        """How many items are answered."""
        return sum(v is not None for v in self.answers.values())

    @property
    def current_instrument(self) -> Instrument:
        """The instrument of the handle (the class's instrument)."""
        return Instrument(self._live().instrument())

    def clear(self) -> None:
        """Marks every answer missing and clears activity names and the date."""
        self._live().clear()

    # ---- date
    @property
    def date(self) -> Optional[int]:
        """The administration day (a day number), or None. Set it to a day, a date, an ISO
        string or None."""
        try:
            return int(self._live().get_date()[1])
        except NotFoundError:
            return None

    @date.setter
    def date(self, value: Optional[dates.DateLike]) -> None:
        if value is None:
            self._live().clear_date()
        else:
            self._live().set_date(dates.to_day(value))

    # ---- scoring
    def score(self) -> OutcomeResult:
        """Scores the instrument. Scales without enough answers are NOT_SCOREABLE (value None);
        :class:`UnsupportedError` for iHOT-12 and Oxford in a build without the licence option."""
        out = _c.hip_outcome_result()
        self._live().score(out)
        return _result_from_c(out)

    def score_as(self, instrument: Instrument) -> OutcomeResult:
        """Scores another instrument from the same answers (a full HOOS also yields HOOS-12,
        HOOS JR and HOOS-PS); :class:`InvalidArgumentError` for other pairs."""
        out = _c.hip_outcome_result()
        self._live().score_as(int(instrument), out)
        return _result_from_c(out)

    # ---- JSON
    def import_json(self, text: Union[str, bytes]) -> None:
        """Replaces the administration with a ``hiptrack.outcome`` document of this instrument;
        all or nothing (:class:`FormatError` naming the field path). A document of another
        instrument is refused (:class:`InvalidArgumentError`; use :meth:`from_json`)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        c = self._live()
        backup = self.export_json().encode("utf-8")
        c.import_json(data)
        got = Instrument(c.instrument())
        if got != self.instrument and type(self) is not OutcomeResponse:
            c.import_json(backup)
            raise InvalidArgumentError(
                f"instrument: the document is a {instrument_name(got)} administration, not "
                f"{instrument_name(self.instrument)}; use OutcomeResponse.from_json")

    def export_json(self) -> str:
        """The administration as a ``hiptrack.outcome`` document (missing answers left out)."""
        return export_text(self._live().export_json)

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        if self.closed:
            return f"<hiptrack.{type(self).__name__} closed>"
        return f"<hiptrack.{type(self).__name__} {self.answered}/{len(self)} answered>"


class HoosResponse(OutcomeResponse):
    """HOOS: 40 items (S1-S5, P1-P10, A1-A17, SP1-SP4, Q1-Q4), 0..4, five subscales.
    ``hoos_missing_rule`` selects the 2013 (default) or 2003 missing-item rule."""

    instrument = Instrument.HOOS


class Hoos12Response(OutcomeResponse):
    """HOOS-12: P1 P4 P5 P7, A3 A4 A7 SP4, Q1-Q4 (0..4): pain, function, QOL and summary."""

    instrument = Instrument.HOOS12


class HoosJrResponse(OutcomeResponse):
    """HOOS JR: P5 P10 A3 A5 A12 A14 (0..4), raw sum -> interval table; all six required."""

    instrument = Instrument.HOOS_JR


class HoosPsResponse(OutcomeResponse):
    """HOOS-PS: A1 A13 A14 SP2 SP3 (0..4), raw sum -> table. ``hoos_ps_direction``:
    HOOS_ALIGNED (default, 100 = no difficulty) or ORIGINAL."""

    instrument = Instrument.HOOS_PS


class PsfsResponse(OutcomeResponse):
    """PSFS: activity slots ACT1-ACT5, each 0 (unable) .. 10 (as before); the score is the mean of
    the rated ones. A slot keeps its id across visits; its name is app text."""

    instrument = Instrument.PSFS

    def set_activity(self, slot: str, name: str, rating: Answer = None) -> None:
        """Names a slot's activity and (optionally) rates it."""
        self._live().set_activity_name(self._id(slot), name)
        if rating is not None:
            self[slot] = rating

    def activity_name(self, slot: str) -> str:
        """The patient's name for a slot's activity ("" if none)."""
        buf = bytearray(_c.HIPTRACK_NAME_CAP)
        self._live().get_activity_name(self._id(slot), buf)
        return buf.split(b"\0", 1)[0].decode("utf-8")

    @property
    def activities(self) -> Dict[str, Tuple[str, Answer]]:
        """Slot -> (name, rating) for every slot with a name or a rating."""
        out = {}
        for slot in PSFS_SLOTS:
            name, rating = self.activity_name(slot), self[slot]
            if name or rating is not None:
                out[slot] = (name, rating)
        return out


class Ihot12Response(OutcomeResponse):
    """iHOT-12: I1-I12 (0..100). Scored only in builds with the licence option."""

    instrument = Instrument.IHOT12


class OxfordResponse(OutcomeResponse):
    """Oxford Hip Score: O1-O12 (0..4, 48 = best). Scored only in builds with the licence option."""

    instrument = Instrument.OXFORD


_CLASSES: Dict[Instrument, Type[OutcomeResponse]] = {
    Instrument.HOOS: HoosResponse, Instrument.HOOS12: Hoos12Response,
    Instrument.HOOS_JR: HoosJrResponse, Instrument.HOOS_PS: HoosPsResponse,
    Instrument.PSFS: PsfsResponse, Instrument.IHOT12: Ihot12Response,
    Instrument.OXFORD: OxfordResponse,
}

__all__ = ["OutcomeResponse", "HoosResponse", "Hoos12Response", "HoosJrResponse", "HoosPsResponse",
           "PsfsResponse", "Ihot12Response", "OxfordResponse", "OutcomeItem", "ScaleScore",
           "PsfsActivityScore", "OutcomeResult", "ScaleChange", "PsfsActivityChange",
           "OutcomeChange", "items", "instrument_available", "instrument_name", "scale_name",
           "default_thresholds", "compare", "MISSING", "PSFS_SLOTS"]
