"""Value types: frozen dataclasses copied out of (and into) the C structs of the same name."""
from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Callable, ClassVar, Dict, Tuple, Type, TypeVar

from . import capi as _c
from ._enums import (Category, Change, CountKind, Motion, Plane, RepFlag, RepSource, Segment, Side,
                     Sidedness, SimRepKind)

T = TypeVar("T")


def _day_to_date(day: int) -> datetime.date:
    return datetime.date(1970, 1, 1) + datetime.timedelta(days=day)


@dataclasses.dataclass(frozen=True)
class Dose:
    """``hip_dose``: a default prescription as ranges (min == max for one value)."""

    sets_min: int
    sets_max: int
    reps_min: int
    reps_max: int
    hold_s_min: float
    hold_s_max: float
    duration_s_min: float
    duration_s_max: float
    rest_s: float


@dataclasses.dataclass(frozen=True)
class MotionProfile:
    """``hip_motion_profile``: the motion model the rep detector is configured from."""

    segment: Segment
    motion: Motion
    plane: Plane
    count: CountKind
    excursion_deg_min: float
    excursion_deg_max: float
    travel_cm_min: float
    travel_cm_max: float
    rep_s_min: float
    rep_s_max: float
    hold_s_min: float
    hold_s_max: float

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "segment": Segment, "motion": Motion, "plane": Plane, "count": CountKind}


@dataclasses.dataclass(frozen=True)
class Exercise:
    """``hip_exercise``: one catalog exercise. Use :meth:`custom` to start a custom one."""

    id: str
    name: str
    base_id: str
    code: str
    categories: Category
    muscles: str
    position: str
    sidedness: Sidedness
    dose: Dose
    motion: MotionProfile
    builtin: bool

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "categories": Category, "sidedness": Sidedness, "builtin": bool}
    _nested: ClassVar[Dict[str, type]] = {"dose": Dose, "motion": MotionProfile}
    _readonly: ClassVar[Tuple[str, ...]] = ("builtin",)

    @classmethod
    def custom(cls, id: str, name: str = "", **fields: Any) -> "Exercise":
        """A custom exercise with the library's defaults (``hip_exercise_init``: strength,
        bilateral, 2-3 x 10 reps, 120 s rest, a generic thigh profile), changed by ``fields``."""
        base = from_c(cls, _c.hip_exercise())
        return dataclasses.replace(base, id=id, name=name or id, **fields)


@dataclasses.dataclass(frozen=True)
class ProgressionEdge:
    """``hip_progression_edge``: ``harder_id`` is the next harder variant of ``easier_id``."""

    easier_id: str
    harder_id: str
    change: Change

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"change": Change}


@dataclasses.dataclass(frozen=True)
class Prescription:
    """``hip_prescription``: one prescribed exercise. ``Prescription.for_exercise(id)`` gives
    the library's defaults (3 x 10, 120 s rest, pain ceiling 5)."""

    exercise_id: str
    sets: int = 3
    reps: int = 10
    hold_s: float = 0.0
    tempo_concentric_s: float = 0.0
    tempo_eccentric_s: float = 0.0
    side: Side = Side.BOTH
    load_kg: float = 0.0
    rest_s: float = 120.0
    pain_ceiling: int = 5

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"side": Side}

    @classmethod
    def for_exercise(cls, exercise_id: str, **fields: Any) -> "Prescription":
        """``hip_prescription_init`` defaults for ``exercise_id``, changed by ``fields``."""
        base = from_c(cls, _c.hip_prescription(exercise_id))
        return dataclasses.replace(base, **fields)


@dataclasses.dataclass(frozen=True)
class ProgramVersion:
    """``hip_program_version`` plus its exercises."""

    number: int
    effective_day: int
    sessions_per_week: int
    exercise_count: int
    note: str
    exercises: Tuple[Prescription, ...] = ()

    @property
    def effective_date(self) -> datetime.date:
        """``effective_day`` as a :class:`datetime.date`."""
        return _day_to_date(self.effective_day)


@dataclasses.dataclass(frozen=True)
class RepEvent:
    """``hip_rep_event``: one detected repetition (times in the stream's nanoseconds)."""

    index: int
    flags: RepFlag
    source: RepSource
    start_ns: int
    peak_ns: int
    end_ns: int
    emitted_ns: int
    excursion_deg: float
    travel_cm: float
    concentric_s: float
    eccentric_s: float
    hold_s: float
    peak_speed_dps: float
    smoothness: float

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"flags": RepFlag, "source": RepSource}

    @property
    def partial(self) -> bool:
        """True when the rep's excursion was short of the reference."""
        return bool(self.flags & RepFlag.PARTIAL)

    @property
    def duration_s(self) -> float:
        """end - start, in seconds."""
        return (self.end_ns - self.start_ns) * 1e-9


@dataclasses.dataclass(frozen=True)
class SimRep:
    """``hip_sim_rep``: the truth about one simulated rep."""

    set: int
    index: int
    start_ns: int
    peak_ns: int
    end_ns: int
    excursion_deg: float
    travel_cm: float
    hold_s: float
    kind: SimRepKind

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"kind": SimRepKind}


def _plain_fields(cls: type) -> "list[str]":
    return [f.name for f in dataclasses.fields(cls)
            if f.name != "exercises" and not f.name.startswith("_") and f.metadata.get("c", True)]


def from_c(cls: Type[T], c: Any) -> T:
    """Copies a SWIG struct proxy into the dataclass ``cls``. Fields named in the class's
    ``_optional`` (field -> C sentinel such as -1 for "not recorded") become None at the sentinel."""
    enums: Dict[str, Callable[[int], Any]] = getattr(cls, "_enums", {})
    nested: Dict[str, type] = getattr(cls, "_nested", {})
    optional: Dict[str, Any] = getattr(cls, "_optional", {})
    kw: Dict[str, Any] = {}
    for name in _plain_fields(cls):
        v = getattr(c, name)
        if name in optional and v == optional[name]:
            v = None
        elif name in nested:
            v = from_c(nested[name], v)
        elif name in enums:
            v = enums[name](v)
        kw[name] = v
    return cls(**kw)


def to_c(obj: Any, c: Any) -> Any:
    """Copies the dataclass ``obj`` into the SWIG struct proxy ``c`` and returns ``c``."""
    nested: Dict[str, type] = getattr(type(obj), "_nested", {})
    readonly: Tuple[str, ...] = getattr(type(obj), "_readonly", ())
    optional: Dict[str, Any] = getattr(type(obj), "_optional", {})
    for name in _plain_fields(type(obj)):
        if name in readonly:
            continue
        v = getattr(obj, name)
        if v is None and name in optional:
            v = optional[name]
        if name in nested:
            to_c(v, getattr(c, name))
        else:
            setattr(c, name, int(v) if isinstance(v, (bool, int)) else v)
    return c


__all__ = ["Dose", "MotionProfile", "Exercise", "ProgressionEdge", "Prescription",
           "ProgramVersion", "RepEvent", "SimRep"]
