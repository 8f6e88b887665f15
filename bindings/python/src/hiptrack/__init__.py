"""hiptrack: hip-pain exercise therapy: exercise catalog, versioned programs, streaming rep
detection and a motion simulator, over the C library libhip (linked into this extension).

>>> import hiptrack
>>> cat = hiptrack.Catalog()
>>> t, x, truth = hiptrack.simulate("squat", seed=1, reps_per_set=5)
>>> reps = hiptrack.count_reps(t, x, exercise=cat["squat"])
>>> len(reps)
5

``hiptrack.capi`` is the raw SWIG binding of the C API, for what the classes here do not cover.
"""
from __future__ import annotations

from . import capi
from ._version import version as __version__

# The extension and the library it was compiled against must be the same release, and this
# package must be the release of that library.
if capi.hip_version_number() != capi.HIPTRACK_VERSION_NUMBER or capi.hip_version_string() != __version__:
    raise ImportError(
        f"hiptrack: version mismatch: package {__version__}, headers {capi.HIPTRACK_VERSION_STRING}, "
        f"library {capi.hip_version_string()}; reinstall the package")

from . import dates
from ._enums import (Category, Change, CountKind, Motion, Plane, RepFlag, RepsInput, RepSource,
                     Segment, Side, Sidedness, SimRepKind)
from ._errors import (AlreadyExistsError, BufferSizeError, CorruptError, FormatError, HipError,
                      InvalidArgumentError, NotFoundError, OutOfMemoryError, OutOfRangeError,
                      StateError, Status, UnsupportedError, VersionError)
from ._values import (Dose, Exercise, MotionProfile, Prescription, ProgramVersion, ProgressionEdge,
                      RepEvent, SimRep)
from .catalog import Catalog, builtin_catalog
from .program import Program
from .reps import (MAX_LATENCY_S, QUEUE_CAPACITY, REP_DTYPE, RepDetector, columns, concat,
                   count_reps, empty_events, iter_events)
from .sim import Simulator, simulate

#: The C library's version as (major, minor, patch).
version_info = tuple(int(p) for p in capi.hip_version_string().split("."))


def status_name(code: int) -> str:
    """The C name of a status code (``"HIP_ERR_RANGE"``)."""
    return str(capi.hip_status_name(code))


def status_str(code: int) -> str:
    """The library's short description of a status code."""
    return str(capi.hip_status_str(code))


__all__ = [
    "__version__", "version_info", "capi", "dates", "status_name", "status_str",
    "Category", "Change", "CountKind", "Motion", "Plane", "RepFlag", "RepsInput", "RepSource",
    "Segment", "Side", "Sidedness", "SimRepKind",
    "AlreadyExistsError", "BufferSizeError", "CorruptError", "FormatError", "HipError",
    "InvalidArgumentError", "NotFoundError", "OutOfMemoryError", "OutOfRangeError", "StateError",
    "Status", "UnsupportedError", "VersionError",
    "Dose", "Exercise", "MotionProfile", "Prescription", "ProgramVersion", "ProgressionEdge",
    "RepEvent", "SimRep",
    "Catalog", "builtin_catalog", "Program",
    "MAX_LATENCY_S", "QUEUE_CAPACITY", "REP_DTYPE", "RepDetector", "columns", "concat", "count_reps",
    "empty_events", "iter_events",
    "Simulator", "simulate",
]
