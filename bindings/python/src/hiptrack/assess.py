"""Movement assessment (``hip_assess.h``, docs/assess.md): guided active range of motion of the
hip from a thigh IMU or from pose angles, compared with normal values and earlier assessments.

>>> a = Assessment(RomMotion.FLEXION, AssessSide.LEFT, day="2026-11-02")
>>> for t_ns, sample in stream:                       # ax ay az (m/s^2), gx gy gz (rad/s)
...     a.push_imu(t_ns, sample)
...     show(a.state, a.current_deg)                  # the UI follows the state
...     if a.state >= AssessState.DONE: break
>>> r = a.result                                      # AssessResult, or None
>>> compare_normal(r).pct_of_normal, compare_normal(r).band
>>> history = AssessmentHistory(); history.add(r); history.export_json()

Missing results are None: :attr:`Assessment.result` before DONE (a FAILED measurement raises
:class:`StateError` naming the failure), :attr:`Assessment.current_deg` before calibration,
:meth:`AssessmentHistory.latest` / :meth:`AssessmentHistory.change` without data.
"""
from __future__ import annotations

import dataclasses
import datetime
from typing import Any, Callable, ClassVar, Dict, Iterator, Optional, Sequence, Union

import numpy as np

from . import capi as _c
from . import dates
from ._enums import (AssessAngle, AssessComp, AssessFailure, AssessPosture, AssessSide,
                     AssessSource, AssessState, RomBand, RomMotion)
from ._errors import InvalidArgumentError, NotFoundError, StateError
from ._handle import Handle, export_text, fill, set_fields
from ._values import from_c

#: Floats per IMU sample (ax ay az gx gy gz).
IMU_WIDTH: int = _c.HIPTRACK_ASSESS_IMU_WIDTH


@dataclasses.dataclass(frozen=True)
class AssessResult:
    """``hip_assess_result``: one measurement. IMU: ``start_deg`` is 0 (the calibrated start
    pose) and ``max_deg == range_deg``; pose: absolute joint angles. The ``*_deg`` compensation
    figures are the largest magnitudes seen; ``compensations`` flags those over their thresholds."""

    motion: RomMotion
    side: AssessSide
    source: AssessSource
    posture: AssessPosture
    day: int
    start_deg: float
    max_deg: float
    range_deg: float
    duration_s: float
    compensations: AssessComp
    out_of_plane_deg: float
    thigh_rotation_deg: float
    trunk_lean_deg: float
    pelvic_drop_deg: float
    quality: float

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {
        "motion": RomMotion, "side": AssessSide, "source": AssessSource, "posture": AssessPosture,
        "compensations": AssessComp}

    @property
    def date(self) -> datetime.date:
        return dates.to_date(self.day)


@dataclasses.dataclass(frozen=True)
class RomComparison:
    """``hip_rom_comparison``: a range against its normal value."""

    pct_of_normal: float
    deficit_deg: float
    band: RomBand

    _enums: ClassVar[Dict[str, Callable[[int], Any]]] = {"band": RomBand}


@dataclasses.dataclass(frozen=True)
class RomNormals:
    """``hip_rom_normals``: normal range per motion with its source, and the band thresholds
    (within normal >= ``within_pct`` % of normal, reduced >= ``reduced_pct``). :meth:`aaos` and
    :meth:`conservative` are the tables of CLINICAL.md §4; :meth:`replace` makes your own."""

    normal_deg: Dict[RomMotion, float]
    source: str
    within_pct: float = 90.0
    reduced_pct: float = 70.0

    @classmethod
    def aaos(cls) -> "RomNormals":
        """AAOS: flexion 120, extension 30, abduction 45, adduction 30, IR/ER 45 (knee 135)."""
        return cls._from_c(_c.hip_rom_normals(0))

    @classmethod
    def conservative(cls) -> "RomNormals":
        """The lower ends of the other texts: extension 10, IR 30, ER 40; others as AAOS."""
        return cls._from_c(_c.hip_rom_normals(1))

    @classmethod
    def _from_c(cls, c: Any) -> "RomNormals":
        return cls({m: float(c.normal_at(int(m))) for m in RomMotion}, str(c.source),
                   float(c.within_pct), float(c.reduced_pct))

    def replace(self, source: Optional[str] = None, **normal_deg: float) -> "RomNormals":
        """A copy with some normals changed by motion name (``replace(flexion=110)``)."""
        table = dict(self.normal_deg)
        for name, v in normal_deg.items():
            try:
                table[RomMotion[name.upper()]] = float(v)
            except KeyError:
                raise InvalidArgumentError(f"normals: no motion {name!r}") from None
        return dataclasses.replace(self, normal_deg=table,
                                   source=self.source if source is None else source)

    def _to_c(self) -> Any:
        c = _c.hip_rom_normals(0)
        for m, v in self.normal_deg.items():
            c.set_normal(int(m), float(v))
        try:
            c.source = self.source
            c.within_pct = float(self.within_pct)
            c.reduced_pct = float(self.reduced_pct)
        except (TypeError, ValueError, OverflowError) as e:
            raise InvalidArgumentError(f"normals: {e}") from None
        return c


def compare_normal(result: AssessResult, normals: Optional[RomNormals] = None) -> RomComparison:
    """Percent of normal, deficit and band (``hip_assess_compare_normal``; default AAOS).
    :class:`OutOfRangeError` for a normal value that is not positive or bands out of order."""
    n = (normals or RomNormals.aaos())._to_c()
    out = _c.hip_rom_comparison()
    _c.hip_assess_compare_normal(fill(result, _c.hip_assess_result(), "result"), n, out)
    return from_c(RomComparison, out)


def compare(earlier: AssessResult, later: AssessResult) -> float:
    """``later.range_deg - earlier.range_deg`` (``hip_assess_compare``);
    :class:`InvalidArgumentError` when motion or side differ."""
    _, change = _c.hip_assess_compare(fill(earlier, _c.hip_assess_result(), "earlier"),
                                      fill(later, _c.hip_assess_result(), "later"))
    return float(change)


_ANGLE_FIELDS = {
    "hip_flexion_deg": AssessAngle.HIP_FLEXION, "hip_abduction_deg": AssessAngle.HIP_ABDUCTION,
    "hip_rotation_deg": AssessAngle.HIP_ROTATION, "knee_flexion_deg": AssessAngle.KNEE_FLEXION,
    "trunk_lean_sagittal_deg": AssessAngle.TRUNK_LEAN_SAGITTAL,
    "trunk_lean_frontal_deg": AssessAngle.TRUNK_LEAN_FRONTAL,
    "pelvic_obliquity_deg": AssessAngle.PELVIC_OBLIQUITY,
}


class Assessment(Handle):
    """``hip_assess``: one range-of-motion measurement. ``config`` keywords are
    ``hip_assess_config`` fields (``posture``, ``calibration_s``, ``still_gyro_dps``, ``move_deg``,
    ``tilt_gain``, the compensation thresholds, ...); ``day`` takes a day number, a date or an ISO
    string. :class:`InvalidArgumentError` names a field out of its range."""

    _kind = "assessment"

    def __init__(self, motion: RomMotion, side: AssessSide,
                 source: AssessSource = AssessSource.IMU, day: Optional[dates.DateLike] = None,
                 **config: Any) -> None:
        cfg = _c.hip_assess_config(int(motion), int(side), int(source))
        if day is not None:
            cfg.day = dates.to_day(day)
        set_fields(cfg, config, "config")
        self._c = _c.hip_assess(cfg)

    def push_imu(self, t_ns: int, sample: Sequence[float]) -> None:
        """One IMU sample (6 values). :class:`OutOfRangeError` for a timestamp not after the
        previous one or a NaN/implausible value; :class:`StateError` after DONE/FAILED."""
        self._live().push_sample(int(t_ns), np.ascontiguousarray(sample, dtype=np.float32))

    def push_imu_block(self, t_ns: Sequence[int], samples: Any) -> int:
        """n samples (``samples`` n x 6); returns how many went in: all, or fewer when the
        measurement ended (DONE/FAILED) on the way. A refused sample raises (the ones before it
        went in)."""
        t = np.ascontiguousarray(t_ns, dtype=np.int64)
        x = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1)
        _, used = self._live().push_samples(t, x)
        return int(used)

    def push_angles(self, t_ns: int, **angles: Optional[float]) -> None:
        """One frame of pose angles of the measured side (degrees): ``hip_flexion_deg``,
        ``hip_abduction_deg``, ``hip_rotation_deg``, ``knee_flexion_deg``,
        ``trunk_lean_sagittal_deg``, ``trunk_lean_frontal_deg``, ``pelvic_obliquity_deg``; a missing
        or None angle is invalid in this frame."""
        a = _c.hip_assess_angles()
        valid = 0
        for name, v in angles.items():
            if name not in _ANGLE_FIELDS:
                raise InvalidArgumentError(f"angles: no field {name!r}")
            if v is None:
                continue
            setattr(a, name, float(v))
            valid |= int(_ANGLE_FIELDS[name])
        a.valid = valid
        self._live().push_angles(int(t_ns), a)

    def push_keypoints(self, t_ns: int, keypoints: Any, skeleton: Any = None, *, dims: int = 3,
                       **pose_config: Any) -> None:
        """One frame of keypoints (shape (joints, 2|3|4), as :func:`hiptrack.pose.angles` takes
        them): the measured side's angles come from ``hip_pose_angles_compute``. ``skeleton``
        (default the hiptrack layout), ``dims`` and keyword arguments (``view``, ``x_scale``, ...)
        configure the pose angles."""
        from . import pose
        sk = pose.Skeleton.HIPTRACK if skeleton is None else pose.Skeleton(skeleton)
        cfg = _c.hip_pose_angles_config(int(sk), int(dims))
        set_fields(cfg, {k: int(v) if isinstance(v, int) else v for k, v in pose_config.items()},
                   "pose_config")
        frame = pose._as_frames(keypoints, len(pose.joint_names(sk)), int(dims))
        self._live().push_keypoints_flat(int(t_ns), cfg, frame[0].reshape(-1))

    def finish(self) -> None:
        """The person says "done": a movement becomes DONE, otherwise FAILED."""
        self._live().finish()

    def reset(self) -> None:
        """Back to WAITING with the same configuration ("try again")."""
        self._live().reset()

    @property
    def state(self) -> AssessState:
        return AssessState(self._live().current_state())

    @property
    def failure(self) -> AssessFailure:
        return AssessFailure(self._live().failure_reason())

    @property
    def current_deg(self) -> Optional[float]:
        """The live angle from the start pose in the motion's direction; None before calibration."""
        try:
            _, deg = self._live().current_deg()
        except NotFoundError:
            return None
        return float(deg)

    @property
    def result(self) -> Optional[AssessResult]:
        """The result once DONE; None while measuring; :class:`StateError` when FAILED."""
        c = self._live()
        if self.state == AssessState.FAILED:
            raise StateError(f"the assessment failed: {self.failure.name.lower()}")
        out = _c.hip_assess_result()
        try:
            c.result_get(out)
        except NotFoundError:
            return None
        return from_c(AssessResult, out)

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        return "<hiptrack.Assessment closed>" if self.closed else f"<hiptrack.Assessment {self.state.name}>"


class AssessmentHistory(Handle):
    """``hip_assess_history``: results over time, in day order; ``len``, indexing and iteration
    give :class:`AssessResult` values. JSON form ``hiptrack.assessment``."""

    _kind = "assessment history"

    def __init__(self) -> None:
        self._c = _c.hip_assess_history()

    def add(self, result: AssessResult) -> None:
        """Adds a result (validated: :class:`InvalidArgumentError` naming the field)."""
        self._live().add(fill(result, _c.hip_assess_result(), "result"))

    def __len__(self) -> int:
        return int(self._live().count())

    def __getitem__(self, index: int) -> AssessResult:
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("assessment index out of range")
        out = _c.hip_assess_result()
        self._live().at(index, out)
        return from_c(AssessResult, out)

    def __iter__(self) -> Iterator[AssessResult]:
        for i in range(len(self)):
            yield self[i]

    def latest(self, motion: RomMotion, side: AssessSide,
               day: dates.DateLike = 2932896) -> Optional[AssessResult]:
        """The latest result of a motion and side on or before ``day`` (default: any); None."""
        out = _c.hip_assess_result()
        try:
            self._live().latest(int(motion), int(side), dates.to_day(day), out)
        except NotFoundError:
            return None
        return from_c(AssessResult, out)

    def change(self, motion: RomMotion, side: AssessSide,
               day: dates.DateLike = 2932896) -> Optional[float]:
        """Range change from the first to the latest result (on or before ``day``); None with
        fewer than two."""
        try:
            _, d = self._live().change(int(motion), int(side), dates.to_day(day))
        except NotFoundError:
            return None
        return float(d)

    def import_json(self, text: Union[str, bytes]) -> None:
        """Replaces the history with a ``hiptrack.assessment`` document; all or nothing
        (:class:`FormatError` naming the field path)."""
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        self._live().import_json(data)

    def export_json(self) -> str:
        """The history as a ``hiptrack.assessment`` document."""
        return export_text(self._live().export_json)

    @property
    def last_error(self) -> str:
        """The library's message of the last failed call ("" if none)."""
        return str(self._live().last_error())

    def __repr__(self) -> str:
        return ("<hiptrack.AssessmentHistory closed>" if self.closed
                else f"<hiptrack.AssessmentHistory {len(self)} results>")


def motion_name(motion: RomMotion) -> str:
    """The motion's JSON name (``"internal_rotation"``)."""
    return str(_c.hip_rom_motion_name(int(motion)))


__all__ = ["IMU_WIDTH", "AssessResult", "RomComparison", "RomNormals", "Assessment",
           "AssessmentHistory", "compare_normal", "compare", "motion_name"]
