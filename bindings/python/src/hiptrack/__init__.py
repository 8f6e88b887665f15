"""hiptrack: hip-pain exercise therapy: exercise catalog, versioned programs, streaming rep
detection, a motion simulator, performed sessions, adherence metrics, outcome questionnaires,
the pain log, progression rules and range-of-motion assessments, over the C library libhip
(linked into this extension).

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
from .pose import (Joint, PoseAngle, PoseFlag, PoseNeed, PoseRepCounter, PoseRepEvent, PoseSignal,
                   PoseView, Skeleton)
from . import pose
from ._enums import (AbandonReason, AdherenceUnit, ChangeCriterion, FlareBaseline, FlareEscalation,
                     HoosMissingRule, HoosPsDirection, Instrument, OutcomeScale, OutcomeState,
                     PainBand, PainBaselineRule, PainContext, PainCriterion, PainDuration,
                     PainLocation, PainMoment, PainPattern, PainSetting, PainSide, PainSymptom,
                     PainTimeOfDay, PainVerdict, RepOrigin, SessionState)
from .session import (Session, SessionExercise, SessionInfo, SessionRep, SessionSet, SessionSummary,
                      abandon_reason_name)
from .adherence import (Adherence, AdherencePlan, AdherenceRange, AdherenceReport, AdherenceSession,
                        AdherenceWeek, Pause, completion_pct)
from .outcomes import (Hoos12Response, HoosJrResponse, HoosPsResponse, HoosResponse, Ihot12Response,
                       OutcomeChange, OutcomeItem, OutcomeResponse, OutcomeResult, OxfordResponse,
                       PsfsActivityChange, PsfsActivityScore, PsfsResponse, ScaleChange, ScaleScore,
                       compare, default_thresholds, instrument_available, instrument_name,
                       scale_name)
from .outcomes import items as outcome_items
from .painlog import (PainBaseline, PainChange, PainCohort, PainEntry, PainFlare, PainLog,
                      PainPatternResult, PainWindow, band_name, band_snomed, duration_class,
                      flares_scan, local_day, pain_band, pain_change, pain_cohort)
from ._enums import (CheckinAnswer, ProgressionAction, ProgressionAgg, ProgressionClass,
                     ProgressionCmp, ProgressionVariable, ProgressionWindow, RedFlagTier)
from .progression import (CheckIn, Decision, DecisionInput, DryRunRow, History, RuleInfo,
                          RuleParam, RuleSet, RuleSyntaxError, builtin_text, load_step,
                          red_flag_ids)
from . import progression
from . import export
from ._enums import FhirBundleType, FhirPainValue
from .store import AVAILABLE as STORE_AVAILABLE
from .store import Store, StoreKind, StoreRecord, StoreSync
from ._enums import (AssessAngle, AssessComp, AssessFailure, AssessPosture, AssessSide,
                     AssessSource, AssessState, RomBand, RomMotion)
from .assess import (AssessResult, Assessment, AssessmentHistory, RomComparison, RomNormals,
                     compare_normal)
from .assess import compare as compare_assessments
from . import assess

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
    "Joint", "PoseAngle", "PoseFlag", "PoseNeed", "PoseRepCounter", "PoseRepEvent", "PoseSignal",
    "PoseView", "Skeleton", "pose",
    "AbandonReason", "AdherenceUnit", "ChangeCriterion", "FlareBaseline", "FlareEscalation",
    "HoosMissingRule", "HoosPsDirection", "Instrument", "OutcomeScale", "OutcomeState", "PainBand",
    "PainBaselineRule", "PainContext", "PainCriterion", "PainDuration", "PainLocation", "PainMoment",
    "PainPattern", "PainSetting", "PainSide", "PainSymptom", "PainTimeOfDay", "PainVerdict",
    "RepOrigin", "SessionState",
    "Session", "SessionExercise", "SessionInfo", "SessionRep", "SessionSet", "SessionSummary",
    "abandon_reason_name",
    "Adherence", "AdherencePlan", "AdherenceRange", "AdherenceReport", "AdherenceSession",
    "AdherenceWeek", "Pause", "completion_pct",
    "OutcomeResponse", "HoosResponse", "Hoos12Response", "HoosJrResponse", "HoosPsResponse",
    "PsfsResponse", "Ihot12Response", "OxfordResponse", "OutcomeChange", "OutcomeItem",
    "OutcomeResult", "PsfsActivityChange", "PsfsActivityScore", "ScaleChange", "ScaleScore",
    "compare", "default_thresholds", "instrument_available", "instrument_name", "outcome_items",
    "scale_name",
    "PainLog", "PainEntry", "PainBaseline", "PainChange", "PainCohort", "PainFlare",
    "PainPatternResult", "PainWindow", "band_name", "band_snomed", "duration_class", "flares_scan",
    "local_day", "pain_band", "pain_change", "pain_cohort",
    "CheckinAnswer", "ProgressionAction", "ProgressionAgg", "ProgressionClass", "ProgressionCmp",
    "ProgressionVariable", "ProgressionWindow", "RedFlagTier",
    "progression", "export", "FhirBundleType", "FhirPainValue", "CheckIn", "Decision", "DecisionInput", "DryRunRow", "History", "RuleInfo",
    "RuleParam", "RuleSet", "RuleSyntaxError", "builtin_text", "load_step", "red_flag_ids",
    "STORE_AVAILABLE", "Store", "StoreKind", "StoreRecord", "StoreSync",
    "AssessAngle", "AssessComp", "AssessFailure", "AssessPosture", "AssessSide", "AssessSource",
    "AssessState", "RomBand", "RomMotion",
    "assess", "AssessResult", "Assessment", "AssessmentHistory", "RomComparison", "RomNormals",
    "compare_normal", "compare_assessments",
]
