"""The library's enums as Python enums (values equal to the C constants; a test checks them)."""
from __future__ import annotations

import enum


class Category(enum.IntFlag):
    """``hip_category`` flags: an exercise can be, say, strength and functional."""

    STRENGTH = 1
    MOBILITY = 2
    STRETCH = 4
    BALANCE = 8
    AEROBIC = 16
    FUNCTIONAL = 32
    MOTOR_CONTROL = 64


class Sidedness(enum.IntEnum):
    """``hip_sidedness``."""

    BILATERAL = 0
    UNILATERAL = 1
    ALTERNATING = 2
    NONE = 3


class Segment(enum.IntEnum):
    """``hip_segment``: the body segment a sensor follows."""

    THIGH = 0
    SHANK = 1
    PELVIS = 2
    TRUNK = 3
    FOOT = 4
    UPPER_ARM = 5
    FOREARM = 6


class Motion(enum.IntEnum):
    """``hip_motion``."""

    HIP_FLEXION = 0
    HIP_EXTENSION = 1
    HIP_ABDUCTION = 2
    HIP_ROTATION = 3
    KNEE_EXTENSION = 4
    ANKLE_PLANTARFLEXION = 5
    TRUNK_FLEXION = 6
    STATIC = 7
    GAIT = 8
    PEDALLING = 9
    OTHER = 10


class Plane(enum.IntEnum):
    """``hip_plane``."""

    SAGITTAL = 0
    FRONTAL = 1
    TRANSVERSE = 2
    COMBINED = 3
    NONE = 4


class CountKind(enum.IntEnum):
    """``hip_count_kind``: what one counted unit of an exercise is."""

    REPS = 0
    HOLDS = 1
    CYCLES = 2


class Change(enum.IntEnum):
    """``hip_change``: the attribute a progression edge changes."""

    LEVEL = 0
    SUPPORT = 1
    LOAD = 2
    LEVER = 3
    RANGE = 4
    DURATION = 5


class Side(enum.IntEnum):
    """``hip_side`` of a prescription."""

    BOTH = 0
    LEFT = 1
    RIGHT = 2
    ALTERNATING = 3


class RepsInput(enum.IntEnum):
    """``hip_reps_input``: what one sample holds (and so its width: 6, 3 or 1 values)."""

    IMU = 0
    ACCEL = 1
    ANGLE = 2


class RepFlag(enum.IntFlag):
    """``hip_rep_flag`` bits of a rep event."""

    PARTIAL = 1
    TOO_FAST = 2
    TOO_SLOW = 4
    HOLD_SHORT = 8


class RepSource(enum.IntEnum):
    """``hip_rep_source``: the signal a rep was counted on."""

    ROTATION = 0
    TRANSLATION = 1


class SimRepKind(enum.IntEnum):
    """``hip_sim_rep_kind``: the kind of rep the simulator made."""

    NORMAL = 0
    PARTIAL = 1
    FAST = 2
    SLOW = 3


# Enum class -> prefix of its C constants (tests compare every constant with these enums).
C_PREFIXES: "dict[type[enum.Enum], str]" = {
    Category: "HIP_CATEGORY_", Sidedness: "HIP_SIDEDNESS_", Segment: "HIP_SEGMENT_",
    Motion: "HIP_MOTION_", Plane: "HIP_PLANE_", CountKind: "HIP_COUNT_", Change: "HIP_CHANGE_",
    Side: "HIP_SIDE_", RepsInput: "HIP_REPS_INPUT_", RepFlag: "HIP_REP_", RepSource: "HIP_REP_SOURCE_",
    SimRepKind: "HIP_SIM_REP_",
}

__all__ = ["Category", "Sidedness", "Segment", "Motion", "Plane", "CountKind", "Change", "Side",
           "RepsInput", "RepFlag", "RepSource", "SimRepKind"]
