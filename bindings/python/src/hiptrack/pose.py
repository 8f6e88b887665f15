"""The camera pose front end (``hip_pose.h``): keypoints in, joint angles and counted reps out.

Keypoints are numpy arrays of shape ``(joints, C)`` for one frame or ``(frames, joints, C)`` for
many, in the skeleton's joint order (:func:`joint_names`), where the last axis is
``x, y, z, confidence`` (C = 4), ``x, y, z`` (C = 3, confidence 1) or ``x, y`` (C = 2, 2-D).
For 2-D keypoints with confidences use C = 4 with z = 0 (or C = 3 and ``dims=2``: ``x, y, c``).
A joint is missing when its confidence is below ``min_confidence`` or a coordinate is NaN.

>>> import numpy as np, hiptrack
>>> counter = hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2)
>>> events = counter.push(t_ns, frames)       # frames: (N, 17, 3) x, y, confidence
>>> events += counter.finish()
"""
from __future__ import annotations

import dataclasses
import enum
from typing import Any, List, Optional, Tuple, Union

import numpy as np

from . import capi as _c
from ._errors import InvalidArgumentError, NotFoundError
from ._handle import Handle, fill, set_fields
from ._values import Exercise, RepEvent, from_c
from .reps import as_timestamps


class Skeleton(enum.IntEnum):
    """``hip_skeleton``: the keypoint layouts apps get."""

    HIPTRACK = 0
    MEDIAPIPE_POSE33 = 1
    APPLE_VISION_2D = 2
    APPLE_VISION_3D = 3
    COCO17 = 4


class Joint(enum.IntEnum):
    """``hip_joint``: the canonical joints (the hiptrack layout's order)."""

    PELVIS = 0
    SPINE_MID = 1
    SPINE_SHOULDER = 2
    HEAD = 3
    SHOULDER_L = 4
    SHOULDER_R = 5
    ELBOW_L = 6
    ELBOW_R = 7
    WRIST_L = 8
    WRIST_R = 9
    HIP_L = 10
    HIP_R = 11
    KNEE_L = 12
    KNEE_R = 13
    ANKLE_L = 14
    ANKLE_R = 15
    FOOT_L = 16
    FOOT_R = 17


class PoseAngle(enum.IntEnum):
    """``hip_pose_angle``: the columns of :func:`angles`."""

    HIP_FLEXION_L = 0
    HIP_FLEXION_R = 1
    HIP_ABDUCTION_L = 2
    HIP_ABDUCTION_R = 3
    HIP_ROTATION_L = 4
    HIP_ROTATION_R = 5
    KNEE_FLEXION_L = 6
    KNEE_FLEXION_R = 7
    TRUNK_LEAN_SAGITTAL = 8
    TRUNK_LEAN_FRONTAL = 9
    PELVIC_OBLIQUITY = 10
    KNEE_VALGUS_L = 11
    KNEE_VALGUS_R = 12


class PoseView(enum.IntEnum):
    """``hip_pose_view``: where a 2-D camera looks from."""

    AUTO = 0
    FRONT = 1
    SIDE = 2


class PoseNeed(enum.IntEnum):
    """``hip_pose_need``: what a camera must see to count an exercise."""

    SIDE = 0
    FRONT = 1
    THREE_D = 2
    UNTRACKABLE = 3


class PoseSignal(enum.IntEnum):
    """``hip_pose_signal``: the angle fed to the rep engine."""

    LIMB_FLEXION = 0
    HIP_FLEXION = 1
    KNEE_FLEXION = 2
    HIP_ABDUCTION = 3
    HIP_ROTATION = 4
    TRUNK_LEAN = 5


class PoseFlag(enum.IntFlag):
    """``hip_pose_flag``: compensations seen in a rep."""

    TRUNK_LEAN = 1
    PELVIC_DROP = 2
    KNEE_VALGUS = 4
    ASYMMETRY = 8


ANGLE_NAMES: Tuple[str, ...] = tuple(str(_c.hip_pose_angle_name(a)) for a in PoseAngle)


def joint_names(skeleton: Union[Skeleton, int]) -> List[str]:
    """The skeleton's joint names in its order (the pose CSV's column stems)."""
    sk = int(Skeleton(skeleton))
    return [str(_c.hip_pose_skeleton_joint_name(sk, i))
            for i in range(int(_c.hip_pose_skeleton_joint_count(sk)))]


def skeleton_index(skeleton: Union[Skeleton, int], joint: Union[Joint, int]) -> Optional[int]:
    """The skeleton's point index for a canonical joint, or None when it has no such point (the
    pelvis and shoulder centre are then derived from the hips and shoulders)."""
    try:
        res = _c.hip_pose_skeleton_index(int(Skeleton(skeleton)), int(Joint(joint)))
    except NotFoundError:
        return None
    return int(res[1])


def canonical_joint(skeleton: Union[Skeleton, int], index: int) -> Optional[Joint]:
    """The canonical joint a skeleton's point maps to, or None (eyes, ears, fingers, heels)."""
    for j in Joint:
        if skeleton_index(skeleton, j) == index:
            return j
    return None


def need_for_exercise(exercise: Exercise) -> PoseNeed:
    """Which view (or 3-D) a camera needs to count the exercise."""
    return PoseNeed(_c.hip_pose_need_for_exercise(fill(exercise, _c.hip_exercise(), "exercise")))


def _as_frames(keypoints: Any, joints: int, dims: int) -> np.ndarray:
    """(frames, joints, 4) float32, C-contiguous, from the accepted shapes."""
    k = np.asarray(keypoints)
    if k.dtype.kind not in "fiu":
        raise InvalidArgumentError(f"keypoints: expected real numbers, got dtype {k.dtype}")
    if k.ndim == 2:
        k = k[None]
    if k.ndim != 3 or k.shape[1] != joints or k.shape[2] not in (2, 3, 4):
        raise InvalidArgumentError(
            f"keypoints: expected shape (frames, {joints}, 2|3|4), got {np.shape(keypoints)}")
    c = k.shape[2]
    if c == 4 and k.dtype == np.float32 and k.flags.c_contiguous:
        return k
    out = np.zeros((k.shape[0], joints, 4), np.float32)
    out[..., 3] = 1.0
    out[..., 0:2] = k[..., 0:2]
    if c == 4:
        out[..., 2:4] = k[..., 2:4]
    elif c == 3 and dims == 2:
        out[..., 3] = k[..., 2]       # x, y, confidence
    elif c == 3:
        out[..., 2] = k[..., 2]       # x, y, z
    return out


def angles(keypoints: Any, skeleton: Union[Skeleton, int] = Skeleton.HIPTRACK, *, dims: int = 3,
           **config: Any) -> Tuple[np.ndarray, np.ndarray]:
    """Per-frame angles: ``(deg, valid)``, each of shape (frames, 13) (columns by
    :class:`PoseAngle`; ``deg`` is NaN where ``valid`` is False). Keyword arguments set
    ``hip_pose_angles_config`` fields (``view``, ``x_scale``, ``y_down``, ``min_confidence``,
    ``rotation_min_knee_deg``)."""
    cfg = _c.hip_pose_angles_config(int(Skeleton(skeleton)), int(dims))
    set_fields(cfg, {k: int(v) if isinstance(v, enum.IntEnum) else v for k, v in config.items()},
               "config")
    frames = _as_frames(keypoints, len(joint_names(skeleton)), int(dims))
    n = frames.shape[0]
    deg = np.full((n, len(PoseAngle)), np.nan)
    valid = np.zeros((n, len(PoseAngle)), bool)
    out = _c.hip_pose_angles()
    for i in range(n):
        _c.hip__bind_pose_angles(cfg, frames[i].reshape(-1), out)
        bits = int(out.valid)
        for a in range(len(PoseAngle)):
            if bits >> a & 1:
                valid[i, a] = True
                deg[i, a] = out.angle(a)
    return deg, valid


@dataclasses.dataclass(frozen=True)
class PoseRepEvent:
    """``hip_pose_rep_event``: the rep engine's event plus what the camera saw in the rep. A
    summary value the view could not measure is None."""

    rep: RepEvent
    pose_flags: PoseFlag
    trunk_lean_max_deg: Optional[float]
    trunk_lateral_max_deg: Optional[float]
    pelvic_change_max_deg: Optional[float]
    knee_valgus_max_deg: Optional[float]
    excursion_l_deg: Optional[float]
    excursion_r_deg: Optional[float]


_MEASURED = (("trunk_lean_max_deg", 1), ("trunk_lateral_max_deg", 2), ("pelvic_change_max_deg", 4),
             ("knee_valgus_max_deg", 8), ("excursion_l_deg", 16), ("excursion_r_deg", 16))


def _event(c: Any) -> PoseRepEvent:
    measured = int(c.measured)
    kw = {name: (float(getattr(c, name)) if measured & bit else None) for name, bit in _MEASURED}
    return PoseRepEvent(rep=from_c(RepEvent, c.rep), pose_flags=PoseFlag(int(c.pose_flags)), **kw)


class PoseRepCounter(Handle):
    """Counts reps from keypoint frames with the same rep engine as :class:`RepDetector`.

    ``PoseRepCounter(skeleton, dims=2|3, exercise=ex)`` applies a catalog exercise (the angle that
    counts it, its motion profile, the 2-D view it needs, the compensation checks); without one
    the generic limb-flexion signal is used. Keyword arguments set ``hip_pose_reps_config`` fields
    (``gap_fill_s``, ``median_window``, ``checks``, ``trunk_lean_max_deg``, ...); ``view``,
    ``x_scale``, ``y_down`` and ``min_confidence`` go to the angle configuration.
    """

    _kind = "pose rep counter"
    _ANGLE_FIELDS = ("view", "x_scale", "y_down", "min_confidence", "rotation_min_knee_deg")

    def __init__(self, skeleton: Union[Skeleton, int] = Skeleton.HIPTRACK, *, dims: int = 3,
                 exercise: Optional[Exercise] = None, **config: Any) -> None:
        self._skeleton = Skeleton(skeleton)
        self._dims = int(dims)
        cfg = _c.hip_pose_reps_config(int(self._skeleton), self._dims)
        if exercise is not None:
            cfg.apply_exercise(fill(exercise, _c.hip_exercise(), "exercise"))
        plain = {k: int(v) if isinstance(v, enum.IntEnum) else v for k, v in config.items()}
        set_fields(cfg.angles, {k: v for k, v in plain.items() if k in self._ANGLE_FIELDS}, "config")
        set_fields(cfg, {k: v for k, v in plain.items() if k not in self._ANGLE_FIELDS}, "config")
        self._c = _c.hip_pose_reps(cfg)
        self._joints = int(self._c.joint_count())

    @property
    def joints(self) -> int:
        """Keypoints per frame."""
        return self._joints

    def _drain(self, out: List[PoseRepEvent]) -> None:
        c = self._live()
        ev = _c.hip_pose_rep_event()
        while c.next_event(ev) == 0:
            out.append(_event(ev))

    def push(self, t_ns: Any, keypoints: Any) -> List[PoseRepEvent]:
        """Pushes frames (timestamps int64 ns, shape (N,); keypoints (N, joints, 2|3|4)); returns
        the events they produced. A refused frame raises (the frames before it are kept)."""
        c = self._live()
        t = as_timestamps(t_ns)
        frames = _as_frames(keypoints, self._joints, self._dims)
        if t.ndim != 1 or t.shape[0] != frames.shape[0]:
            raise InvalidArgumentError(
                f"t_ns: expected shape ({frames.shape[0]},), got {t.shape}")
        flat = frames.reshape(-1)
        out: List[PoseRepEvent] = []
        done = 0
        n = t.shape[0]
        per = self._joints * 4
        while done < n:
            _, used = c.push_frames(t[done:], flat[done * per:])
            done += int(used)
            self._drain(out)
        self._drain(out)
        return out

    def finish(self) -> List[PoseRepEvent]:
        """End of the stream: settles the last rep and returns the remaining events."""
        self._live().finish()
        out: List[PoseRepEvent] = []
        self._drain(out)
        return out

    def reset(self) -> None:
        """Back to the state right after construction."""
        self._live().reset()

    def last_angles(self) -> Tuple[np.ndarray, np.ndarray, Optional[float]]:
        """The last frame's ``(deg, valid)`` (13 each, as in :func:`angles`) and the signal angle
        fed for it (None when the frame had none). Raises NotFoundError before the first frame."""
        out = _c.hip_pose_angles()
        res = self._live().last_angles(out)
        sig, ok = float(res[1]), int(res[2])
        bits = int(out.valid)
        valid = np.array([bool(bits >> a & 1) for a in range(len(PoseAngle))])
        deg = np.array([out.angle(a) if valid[a] else np.nan for a in range(len(PoseAngle))])
        return deg, valid, (sig if ok else None)
