"""Progression rules (``hip_progression.h``, docs/progression.md): explicit, explainable rules
that progress, hold, regress or pause every prescribed exercise from a member's history, and that
stop every automatic change on a red flag with "refer to a clinician".

>>> rules = RuleSet.builtin()                       # the 15 built-in rules (CLINICAL.md §3)
>>> rules.set_param("pain_acceptable", 4)           # every threshold is a param
>>> history = History(program, catalog=catalog, sessions=sessions, painlog=log,
...                   checkins=[CheckIn.on("2026-11-20", CheckinAnswer.NUMBNESS_WEAKNESS)])
>>> for d in rules.evaluate(history, "2026-11-08"):  # one decision per prescribed exercise
...     print(d.action.name, d.rule_id, d.explanation, d.inputs)
...     apply(d, program, catalog)                  # a new program version from the next day
>>> rows = rules.dry_run(history, "2026-11-02", weeks=12)   # week by week, nothing applied

Missing data is None: a check-in's ``rest_pain`` when not asked, a decision's ``rule_id`` when no
rule fired, an input's ``value`` when the metric is unknown and its ``result`` when the comparison
is unknown. Rule text errors raise :class:`RuleSyntaxError` (a :class:`FormatError`) with the
``line`` and ``column`` in its message and as attributes.
"""
from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Callable, ClassVar, Dict, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import capi as _c
from . import dates
from ._enums import (CheckinAnswer, ProgressionAction, ProgressionAgg, ProgressionClass,
                     ProgressionCmp, ProgressionVariable, ProgressionWindow, RedFlagTier)
from ._errors import FormatError, NotFoundError
from ._handle import Handle, fill, set_fields, export_text
from ._values import Prescription, ProgramVersion, from_c
from .assess import AssessmentHistory, RomNormals
from .catalog import Catalog
from .painlog import PainLog
from .program import Program
from .session import Session

#: Comparisons per rule (every input of a decision fits it).
MAX_INPUTS: int = _c.HIPTRACK_PROGRESSION_MAX_INPUTS
#: Bytes of a decision's sentence buffer (the sentence is also the applied version's note).
TEXT_CAP: int = _c.HIPTRACK_PROGRESSION_TEXT_CAP
#: Every red flag (RF-01..RF-16) as a mask.
RED_FLAG_ALL: int = _c.HIPTRACK_RED_FLAG_ALL

_NOT_RECORDED = _c.HIPTRACK_NOT_RECORDED


class RuleSyntaxError(FormatError):
    """A rule text that does not parse: ``message`` is the library's "line L, column C: expected
    ..., found ..."; ``line`` and ``column`` (1-based, bytes) say where."""

    def __init__(self, message: str = "", code: Optional[int] = None, line: int = 0,
                 column: int = 0) -> None:
        super().__init__(message, code)
        self.line = line
        self.column = column


def red_flag_ids(mask: int) -> List[str]:
    """The RF ids of a red-flag mask (bit n-1 is RF-n): ``[\"RF-01\", \"RF-16\"]``."""
    return [f"RF-{n:02d}" for n in range(1, 17) if mask & (1 << (n - 1))]


@dataclasses.dataclass(frozen=True)
class CheckIn:
    """``hip_checkin``: one symptom check-in. ``answers`` are the "yes" answers; ``rest_pain`` is
    0..10 or None (not asked); ``cleared`` marks a clinician's clearance, which clears every red
    flag reported on or before its day. Use :meth:`on` to give the day as a date."""

    day: int
    answers: CheckinAnswer = CheckinAnswer(0)
    rest_pain: Optional[int] = None
    cleared: bool = False

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"answers": CheckinAnswer, "cleared": bool}
    _optional: ClassVar[Dict[str, Any]] = {"rest_pain": _NOT_RECORDED}

    @classmethod
    def on(cls, day: dates.DateLike, answers: CheckinAnswer = CheckinAnswer(0),
           rest_pain: Optional[int] = None, cleared: bool = False) -> "CheckIn":
        """A check-in on a day given as a day number, a date or an ISO string."""
        return cls(dates.to_day(day), answers, rest_pain, cleared)

    @property
    def date(self) -> datetime.date:
        return dates.to_date(self.day)

    def red_flags(self, **config: Any) -> Tuple[int, RedFlagTier]:
        """The red flags this check-in raises (``hip_progression_red_flags``): the RF mask (see
        :func:`red_flag_ids`) and the highest tier. ``config``: ``hip_ruleset_config`` fields
        (``red_flags_enabled``, ``rest_pain_red_flag``). :class:`OutOfRangeError` for a rest pain
        outside 0..10, :class:`InvalidArgumentError` for unknown answer bits."""
        cfg = _c.hip_ruleset_config()
        set_fields(cfg, config, "config")
        _, mask, tier = _c.hip_progression_red_flags(cfg, fill(self, _c.hip_checkin(0), "checkin"))
        return int(mask), RedFlagTier(tier)


@dataclasses.dataclass(frozen=True)
class RuleInfo:
    """``hip_rule_info``: one parsed rule."""

    id: str
    priority: int
    rule_class: ProgressionClass
    line: int
    alternative_count: int

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"rule_class": ProgressionClass}


@dataclasses.dataclass(frozen=True)
class RuleParam:
    """``hip_rule_param``: a named threshold, its current and written values and its domain."""

    name: str
    value: float
    default_value: float
    min_value: float
    max_value: float
    integer: bool

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"integer": bool}


@dataclasses.dataclass(frozen=True)
class DecisionInput:
    """``hip_progression_input``: one comparison of the deciding rule as evaluated, e.g.
    ``max pain_during over last 7 days > 5 (pain_acceptable)``. ``value`` is None when the metric
    was unknown (missing data); ``result`` is True, False or None (unknown); ``threshold_param`` is
    None when the threshold was a number."""

    metric: str
    aggregate: ProgressionAgg
    window: int
    window_unit: ProgressionWindow
    known: bool
    value: Optional[float]
    comparison: ProgressionCmp
    threshold: float
    threshold_param: Optional[str]
    result: Optional[bool]

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "aggregate": ProgressionAgg, "window_unit": ProgressionWindow, "known": bool,
        "comparison": ProgressionCmp, "result": bool}
    _optional: ClassVar[Dict[str, Any]] = {"threshold_param": "", "result": -1}

    def __str__(self) -> str:
        left = self.metric
        if self.aggregate != ProgressionAgg.NONE:
            left = f"{self.aggregate.name.lower()} {left}"
        if self.window:
            left += f" over last {self.window} {self.window_unit.name.lower()}"
        value = "unknown" if self.value is None else f"{self.value:g}"
        if self.comparison == ProgressionCmp.KNOWN:
            return f"known {left} ({value})"
        op = str(_c.hip_progression_cmp_name(int(self.comparison)))
        thr = f"{self.threshold:g}" + (f" ({self.threshold_param})" if self.threshold_param else "")
        return f"{left} = {value} {op} {thr}"


@dataclasses.dataclass(frozen=True)
class Decision:
    """``hip_progression_decision``: what the rules decided for one prescribed exercise as of the
    end of ``day``. ``rule_id`` is None when no rule fired (the action is then KEEP); ``after`` is
    ``before`` unless the action is CHANGE, ADVANCE or REGRESS; ``limited`` means the rule fired but
    none of its alternatives could change the prescription; ``red_flags`` is the mask of red flags
    not cleared as of ``day``; ``inputs`` are the deciding rule's comparisons, machine-readable;
    ``text`` (also :attr:`explanation`) is the one-sentence explanation."""

    day: int
    effective_day: int
    program_version: int
    exercise_index: int
    rule_id: Optional[str]
    rule_class: ProgressionClass
    priority: int
    action: ProgressionAction
    variable: ProgressionVariable
    limited: bool
    before: Prescription
    after: Prescription
    red_flags: int
    red_flag_tier: RedFlagTier
    text: str
    inputs: Tuple[DecisionInput, ...] = dataclasses.field(default=(), metadata={"c": False})

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "rule_class": ProgressionClass, "action": ProgressionAction,
        "variable": ProgressionVariable, "limited": bool, "red_flag_tier": RedFlagTier}
    _nested: ClassVar[Dict[str, type]] = {"before": Prescription, "after": Prescription}
    _optional: ClassVar[Dict[str, Any]] = {"rule_id": ""}

    @property
    def explanation(self) -> str:
        """The one-sentence explanation (``text``)."""
        return self.text

    @property
    def exercise_id(self) -> str:
        return self.before.exercise_id

    @property
    def changes(self) -> bool:
        """True when applying the decision makes a new program version."""
        return self.action in (ProgressionAction.CHANGE, ProgressionAction.ADVANCE,
                               ProgressionAction.REGRESS)

    @property
    def date(self) -> datetime.date:
        return dates.to_date(self.day)

    @property
    def effective_date(self) -> datetime.date:
        return dates.to_date(self.effective_day)


@dataclasses.dataclass(frozen=True)
class DryRunRow:
    """``hip_progression_row``: the decision for one exercise at the end of program week ``week``
    (1-based)."""

    week: int
    decision: Decision


@dataclasses.dataclass(frozen=True)
class History:
    """What evaluation reads (``hip_progression_history``): the program (required), the catalog
    (needed for advance/regress, dose bounds and ``strength``), finished sessions in any order
    (others are skipped), the pain log, the red-flag check-ins, and range-of-motion assessments
    for the ``rom_*`` metrics (with their normal table, default AAOS). Nothing is copied: the
    objects must stay open while the history is used."""

    program: Program
    catalog: Optional[Catalog] = None
    sessions: Sequence[Session] = ()
    painlog: Optional[PainLog] = None
    checkins: Sequence[CheckIn] = ()
    assessments: Optional[AssessmentHistory] = None
    rom_normals: Optional[RomNormals] = None

    def _to_c(self) -> Any:
        h = _HistoryC()
        h.program = self.program._live()
        if self.catalog is not None:
            h.catalog = self.catalog._live()
        if self.painlog is not None:
            h.painlog = self.painlog._live()
        for s in self.sessions:
            h.add_session(s._live())
        for ci in self.checkins:
            h.add_checkin(fill(ci, _c.hip_checkin(0), "checkin"))
        if self.assessments is not None:
            h.assessments = self.assessments._live()
        if self.rom_normals is not None:
            h.normals_c = self.rom_normals._to_c()   # kept alive with the history
            h.rom_normals = h.normals_c
        return h


class _HistoryC(_c.hip_progression_history):  # type: ignore[misc]
    """The C history plus the normal table it points to (which must live as long as it)."""

    normals_c: Any = None

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "normals_c":
            object.__setattr__(self, name, value)
        else:
            super().__setattr__(name, value)


def _decision(c: Any) -> Decision:
    d = from_c(Decision, c)
    inputs = []
    out = _c.hip_progression_input()
    for i in range(c.input_count):
        c.input_at(i, out)
        inp = from_c(DecisionInput, out)
        if not inp.known:
            inp = dataclasses.replace(inp, value=None)
        inputs.append(inp)
    return dataclasses.replace(d, inputs=tuple(inputs))


def _decision_to_c(d: Decision) -> Any:
    return fill(d, _c.hip_progression_decision(), "decision")


def _records(n: int, size: int) -> Any:
    # numpy's buffers are aligned for any C struct (a bytearray's need not be).
    return np.zeros(n * size, dtype=np.uint8)


class RuleSet(Handle):
    """``hip_ruleset``: parsed rules and their named parameters.

    ``RuleSet()`` / :meth:`builtin` start with the built-in rules, :meth:`parse` with a text of
    your own (on top of the built-in rules with ``include_builtin=True``); :meth:`add` adds more
    text to a set. Config keywords are ``hip_ruleset_config`` fields: ``include_builtin``,
    ``red_flags_enabled``, ``rest_pain_red_flag``, ``usual_window_days``, ``usual_min_logs``
    (:class:`InvalidArgumentError` when out of range). ``len(rules)`` is the number of rules,
    iteration goes over :class:`RuleInfo` values and ``"id" in rules`` tests for a rule.
    """

    _kind = "rule set"

    def __init__(self, **config: Any) -> None:
        cfg = _c.hip_ruleset_config()
        set_fields(cfg, config, "config")
        self._c = _c.hip_ruleset(cfg)

    @classmethod
    def builtin(cls, **config: Any) -> "RuleSet":
        """The built-in rules (CLINICAL.md §3; the text is :func:`builtin_text`)."""
        config.setdefault("include_builtin", True)
        return cls(**config)

    @classmethod
    def parse(cls, text: Union[str, bytes], include_builtin: bool = False, **config: Any) -> "RuleSet":
        """A rule set from a text (without the built-in rules unless ``include_builtin``).
        :class:`RuleSyntaxError` (a :class:`FormatError`) with line and column when it does not
        parse."""
        rs = cls(include_builtin=include_builtin, **config)
        rs.add(text)
        return rs

    def add(self, text: Union[str, bytes]) -> None:
        """Adds the params and rules of a text; all or nothing. :class:`RuleSyntaxError` with
        ``line`` and ``column`` (also for a rule id or param name already in the set)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        c = self._live()
        try:
            c.parse_text(data)
        except FormatError as e:
            line, column = self.error_position
            raise RuleSyntaxError(e.message, int(e.code), line, column) from None

    @property
    def error_position(self) -> Tuple[int, int]:
        """(line, column) of the last parse error, (0, 0) when the last call was not one."""
        line, column = self._live().error_position()
        return int(line), int(column)

    def export_text(self) -> str:
        """The rules and params in canonical text form (:meth:`parse` of it gives the same set)."""
        return export_text(self._live().export_text)

    # ---- rules
    def __len__(self) -> int:
        return int(self._live().count())

    def __iter__(self) -> Iterator[RuleInfo]:
        c = self._live()
        out = _c.hip_rule_info()
        for i in range(c.count()):
            c.rule_at(i, out)
            yield from_c(RuleInfo, out)

    def __contains__(self, rule_id: object) -> bool:
        if not isinstance(rule_id, str):
            return False
        try:
            self.find(rule_id)
        except NotFoundError:
            return False
        return True

    @property
    def rules(self) -> List[RuleInfo]:
        """Every rule in text order."""
        return list(self)

    def find(self, rule_id: str) -> int:
        """The index of a rule (:class:`NotFoundError` for an unknown id)."""
        _, index = self._live().find(rule_id)
        return int(index)

    def rule(self, rule_id: str) -> RuleInfo:
        """One rule by id (:class:`NotFoundError` for an unknown id)."""
        c = self._live()
        out = _c.hip_rule_info()
        c.rule_at(self.find(rule_id), out)
        return from_c(RuleInfo, out)

    # ---- params
    @property
    def params(self) -> Dict[str, RuleParam]:
        """Every param by name, in declaration order."""
        c = self._live()
        out = _c.hip_rule_param()
        items: Dict[str, RuleParam] = {}
        for i in range(c.param_count()):
            c.param_at(i, out)
            p = from_c(RuleParam, out)
            items[p.name] = p
        return items

    def get_param(self, name: str) -> float:
        """A param's current value (:class:`NotFoundError` for an unknown name)."""
        _, value = self._live().get_param(name)
        return float(value)

    def set_param(self, name: str, value: float) -> None:
        """Changes a param (:class:`NotFoundError` for an unknown name, :class:`OutOfRangeError`
        outside its domain, see :attr:`params`)."""
        self._live().set_param(name, float(value))

    # ---- evaluation
    def decide(self, history: History, day: dates.DateLike, exercise_index: int) -> Decision:
        """The decision for one exercise of the version in force on ``day`` (as of the end of
        that day). :class:`NotFoundError` when no version is in force, :class:`OutOfRangeError`
        for the index, :class:`FormatError` for a check-in out of range."""
        h = history._to_c()
        out = _c.hip_progression_decision()
        self._live().evaluate_one(h, dates.to_day(day), exercise_index, out)
        return _decision(out)

    def evaluate(self, history: History, day: dates.DateLike) -> List[Decision]:
        """One decision per exercise of the version in force on ``day``."""
        c = self._live()
        h = history._to_c()
        d = dates.to_day(day)
        _, n = c.evaluate_all_into(h, d, None)
        if n == 0:
            return []
        size = int(_c.HIP_PROGRESSION_DECISION_SIZE)
        buf = _records(n, size)
        _, n = c.evaluate_all_into(h, d, buf)
        out = _c.hip_progression_decision()
        items = []
        for i in range(n):
            _c.hip__bind_progression_decision_at(buf[:n * size], i, out)
            items.append(_decision(out))
        return items

    def dry_run(self, history: History, start: dates.DateLike, weeks: int) -> List[DryRunRow]:
        """At the end of each program week w = 1..weeks (day ``start + 7w - 1``), every exercise
        of the version then in force, over the history up to that day; nothing is applied
        between weeks. Weeks before the first version have no rows."""
        c = self._live()
        h = history._to_c()
        s = dates.to_day(start)
        _, n = c.dry_run_into(h, s, weeks, None)
        if n == 0:
            return []
        size = int(_c.HIP_PROGRESSION_ROW_SIZE)
        buf = _records(n, size)
        _, n = c.dry_run_into(h, s, weeks, buf)
        out = _c.hip_progression_row()
        rows = []
        for i in range(n):
            _c.hip__bind_progression_row_at(buf[:n * size], i, out)
            rows.append(DryRunRow(int(out.week), _decision(out.decision)))
        return rows

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        if self.closed:
            return "<hiptrack.RuleSet closed>"
        return f"<hiptrack.RuleSet {len(self)} rules, {len(self.params)} params>"


def builtin_text() -> str:
    """The built-in rules' text (docs/progression.md describes the language)."""
    return str(_c.hip_progression_builtin_rules())


def evaluate(rules: RuleSet, history: History, day: dates.DateLike) -> List[Decision]:
    """:meth:`RuleSet.evaluate`."""
    return rules.evaluate(history, day)


def dry_run(rules: RuleSet, history: History, start: dates.DateLike, weeks: int) -> List[DryRunRow]:
    """:meth:`RuleSet.dry_run`."""
    return rules.dry_run(history, start, weeks)


def apply(decision: Decision, program: Program,
          catalog: Optional[Catalog] = None) -> Optional[ProgramVersion]:
    """Commits a new program version effective on ``decision.effective_day`` with
    ``decision.after`` in place of the exercise and the sentence as its note; returns it, or None
    for a decision with nothing to apply (KEEP, PAUSE, REFER). Earlier versions are kept.
    :class:`StateError` when a draft is open or the decision is stale (the latest version no longer
    prescribes ``decision.before``, e.g. it was applied already); :class:`NotFoundError` when an
    advance/regress target is not in ``catalog`` (None skips the check)."""
    st = _c.hip__bind_progression_apply(_decision_to_c(decision),
                                        catalog._live() if catalog is not None else None,
                                        program._live())
    if st != 0:
        return None
    return program[len(program) - 1]


def load_step(load_kg: float, pct: float, step_kg: float, cap_pct: float) -> Tuple[float, bool]:
    """PROG-LOAD (CLINICAL.md §3.3): ``max(load + step, roundHalfUp(load x (1 + pct/100), step))``
    and whether it is within ``cap_pct`` of the load (False: use a reps or level change instead).
    :class:`OutOfRangeError` for load, pct or step <= 0."""
    st, new = _c.hip_progression_load_step(float(load_kg), float(pct), float(step_kg), float(cap_pct))
    return float(new), st == 0


__all__ = ["RuleSet", "RuleSyntaxError", "RuleInfo", "RuleParam", "CheckIn", "History", "Decision",
           "DecisionInput", "DryRunRow", "builtin_text", "evaluate", "dry_run", "apply",
           "load_step", "red_flag_ids", "MAX_INPUTS", "TEXT_CAP", "RED_FLAG_ALL"]
