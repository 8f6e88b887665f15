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


# ---- sessions

class SessionState(enum.IntEnum):
    """``hip_session_state``: NEW (an import target) -> RUNNING (started) -> FINISHED (immutable)."""

    NEW = 0
    RUNNING = 1
    FINISHED = 2


class AbandonReason(enum.IntEnum):
    """``hip_abandon_reason``: how a session ended (NONE = finished, not abandoned)."""

    NONE = 0
    PAIN = 1
    FATIGUE = 2
    TIME = 3
    OTHER = 4


class PainMoment(enum.IntEnum):
    """``hip_pain_moment``: the session pain questions (DURING = the worst during the session)."""

    BEFORE = 0
    DURING = 1
    AFTER = 2


class RepOrigin(enum.IntEnum):
    """``hip_rep_origin``: a logged rep came from the detector or was entered by hand."""

    DETECTOR = 0
    MANUAL = 1


# ---- adherence

class AdherenceUnit(enum.IntEnum):
    """``hip_adherence_unit``: what ADH-3 counts as an activity."""

    REPS = 0
    SESSIONS = 1


# ---- outcome questionnaires

class Instrument(enum.IntEnum):
    """``hip_instrument``: the questionnaires (IHOT12 and OXFORD are scored only in licensed builds)."""

    HOOS = 0
    HOOS12 = 1
    HOOS_JR = 2
    HOOS_PS = 3
    PSFS = 4
    IHOT12 = 5
    OXFORD = 6


class OutcomeScale(enum.IntEnum):
    """``hip_outcome_scale``: one scale of an instrument's score."""

    HOOS_SYMPTOMS = 0
    HOOS_PAIN = 1
    HOOS_ADL = 2
    HOOS_SPORT = 3
    HOOS_QOL = 4
    HOOS12_PAIN = 5
    HOOS12_FUNCTION = 6
    HOOS12_QOL = 7
    HOOS12_SUMMARY = 8
    HOOS_JR = 9
    HOOS_PS = 10
    PSFS = 11
    IHOT12 = 12
    OXFORD = 13


class OutcomeState(enum.IntEnum):
    """``hip_outcome_state``: a scale's score (or change) exists, or why not."""

    SCORED = 0
    NOT_SCOREABLE = 1
    NOT_EVALUABLE = 2


class HoosMissingRule(enum.IntEnum):
    """``hip_hoos_missing_rule``: MISSING_2013 (>= 50 % answered, default) or MISSING_2003."""

    MISSING_2013 = 0
    MISSING_2003 = 1


class HoosPsDirection(enum.IntEnum):
    """``hip_hoos_ps_direction``: HOOS_ALIGNED (100 = no difficulty, default) or ORIGINAL."""

    HOOS_ALIGNED = 0
    ORIGINAL = 1


class ChangeCriterion(enum.IntEnum):
    """``hip_change_criterion``: the kind of threshold a change was judged against."""

    NONE = 0
    MCID = 1
    MDC = 2


# ---- pain log

class PainContext(enum.IntEnum):
    """``hip_pain_context``: the recall window of a pain score (CLINICAL.md §1.1)."""

    CURRENT = 0
    AVG_24H = 1
    AVG_7D = 2
    WORST_24H = 3
    DURING_EXERCISE = 4
    AFTER_EXERCISE = 5
    NEXT_MORNING = 6


class PainLocation(enum.IntEnum):
    """``hip_pain_location`` (CLINICAL.md §6.1)."""

    UNSPECIFIED = 0
    GROIN = 1
    LATERAL_HIP = 2
    BUTTOCK = 3
    ANTERIOR_THIGH = 4
    INNER_THIGH = 5
    LATERAL_THIGH = 6
    KNEE_REFERRED = 7
    LOW_BACK = 8


class PainSide(enum.IntEnum):
    """``hip_pain_side``."""

    UNSPECIFIED = 0
    LEFT = 1
    RIGHT = 2
    BOTH = 3


class PainSymptom(enum.IntFlag):
    """``hip_pain_symptom`` flags (CLINICAL.md §6.2)."""

    STIFFNESS = 1
    SWELLING = 2
    GIVING_WAY = 4
    CLICKING = 8
    REDUCED_MOBILITY = 16
    CATCHING_LOCKING = 32
    LIMP = 64
    WEAKNESS = 128
    NUMBNESS_TINGLING = 256


class PainTimeOfDay(enum.IntEnum):
    """``hip_pain_time_of_day`` the member reported (UNSPECIFIED: the local clock decides)."""

    UNSPECIFIED = 0
    MORNING = 1
    AFTERNOON = 2
    EVENING = 3
    NIGHT = 4


class PainSetting(enum.IntEnum):
    """``hip_pain_setting``: what the member was doing."""

    UNSPECIFIED = 0
    REST = 1
    ACTIVITY = 2
    AFTER_EXERCISE = 3
    NIGHT = 4


class PainBand(enum.IntEnum):
    """``hip_pain_band``: NRS severity bands (0, 1-3, 4-6, 7-9, 10)."""

    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3
    EXCRUCIATING = 4


class PainBaselineRule(enum.IntEnum):
    """``hip_pain_baseline_rule``."""

    FIRST_DAYS_MEAN = 0
    FIRST_ENTRY = 1


class PainCriterion(enum.IntEnum):
    """``hip_pain_criterion``: which rule makes a responder (CLINICAL.md §1.3)."""

    PCT = 0
    ABS = 1
    EITHER = 2
    BOTH = 3


class PainVerdict(enum.IntEnum):
    """``hip_pain_verdict``: a three-valued answer (NOT_EVALUABLE: percent change at baseline 0)."""

    NO = 0
    YES = 1
    NOT_EVALUABLE = 2


class FlareBaseline(enum.IntEnum):
    """``hip_pain_flare_baseline``: the baseline a flare is measured against."""

    ROLLING = 0
    FIXED = 1


class PainDuration(enum.IntEnum):
    """``hip_pain_duration`` (SUBACUTE only with ``duration_bands=3``)."""

    ACUTE = 0
    SUBACUTE = 1
    CHRONIC = 2


class PainPattern(enum.IntEnum):
    """``hip_pain_pattern``: morning vs night."""

    UNDETERMINED = 0
    NONE = 1
    MORNING = 2
    NIGHT = 3


class FlareEscalation(enum.IntFlag):
    """``HIPTRACK_PAIN_FLARE_*`` escalation flags of a flare."""

    LONG = 1
    FREQUENT = 2



class CheckinAnswer(enum.IntFlag):
    """``hip_checkin_answer`` flags: "yes" answers of a symptom check-in (CLINICAL.md §3.6)."""

    FEVER = 1 << 0
    HIP_PAIN = 1 << 1
    HOT_SWOLLEN_HIP = 1 << 2
    FALL = 1 << 3
    CANNOT_BEAR_WEIGHT = 1 << 4
    DEFORMITY = 1 << 5
    CANNOT_WALK = 1 << 6
    SADDLE_BLADDER_BOWEL = 1 << 7
    RECENT_PROCEDURE = 1 << 8
    NEW_WARMTH = 1 << 9
    WORSENING_PAIN = 1 << 10
    SUDDEN_SEVERE_PAIN = 1 << 11
    CANCER_HISTORY = 1 << 12
    NIGHT_PAIN = 1 << 13
    WEIGHT_LOSS = 1 << 14
    CONSTANT_PAIN = 1 << 15
    NUMBNESS_WEAKNESS = 1 << 16
    GROIN_LUMP_ABDOMINAL = 1 << 17
    RAPID_WORSENING = 1 << 18
    STEROIDS_ALCOHOL = 1 << 19
    GROIN_PAIN = 1 << 20
    MORNING_STIFFNESS = 1 << 21
    CALF_PAIN = 1 << 22
    REST_PAIN_PERSISTS = 1 << 23


class RedFlagTier(enum.IntEnum):
    """``hip_red_flag_tier``: how soon a clinician must be seen."""

    NONE = 0
    PROMPT = 1
    URGENT = 2
    EMERGENCY = 3


class ProgressionClass(enum.IntEnum):
    """``hip_progression_class``: a rule's direction (decision order: REFER > REDUCE > KEEP >
    PROGRESS)."""

    PROGRESS = 1
    KEEP = 2
    REDUCE = 3
    REFER = 4


class ProgressionAction(enum.IntEnum):
    """``hip_progression_action``: what a decision does to a prescription."""

    KEEP = 0
    CHANGE = 1
    ADVANCE = 2
    REGRESS = 3
    PAUSE = 4
    REFER = 5


class ProgressionVariable(enum.IntEnum):
    """``hip_progression_variable``: what a CHANGE changes."""

    NONE = 0
    REPS = 1
    SETS = 2
    HOLD = 3
    LOAD = 4


class ProgressionCmp(enum.IntEnum):
    """``hip_progression_cmp``: the comparison of a rule input."""

    LT = 0
    LE = 1
    GT = 2
    GE = 3
    EQ = 4
    NE = 5
    KNOWN = 6


class ProgressionAgg(enum.IntEnum):
    """``hip_progression_agg``: the aggregate of a windowed metric."""

    NONE = 0
    LAST = 1
    MIN = 2
    MAX = 3
    MEAN = 4
    COUNT = 5


class ProgressionWindow(enum.IntEnum):
    """``hip_progression_window``: the unit of "over last N ..."."""

    NONE = 0
    SESSIONS = 1
    DAYS = 2

# Enum class -> prefix of its C constants (tests compare every constant with these enums).
class FhirBundleType(enum.IntEnum):
    """``hip_fhir_bundle_type``."""

    COLLECTION = 0
    TRANSACTION = 1


class FhirPainValue(enum.IntEnum):
    """``hip_fhir_pain_value``: how the 0-10 value is written."""

    INTEGER = 0
    QUANTITY = 1
    ANSWER = 2


class RomMotion(enum.IntEnum):
    """``hip_rom_motion``: the motion an assessment measures."""

    FLEXION = 0
    EXTENSION = 1
    ABDUCTION = 2
    ADDUCTION = 3
    INTERNAL_ROTATION = 4
    EXTERNAL_ROTATION = 5
    KNEE_FLEXION = 6


class RomBand(enum.IntEnum):
    """``hip_rom_band``: a range against its normal value."""

    WITHIN_NORMAL = 0
    REDUCED = 1
    MARKEDLY_REDUCED = 2


class AssessSide(enum.IntEnum):
    """``hip_assess_side``: the side measured."""

    LEFT = 0
    RIGHT = 1


class AssessSource(enum.IntEnum):
    """``hip_assess_source``: IMU samples or pose angles."""

    IMU = 0
    POSE = 1


class AssessPosture(enum.IntEnum):
    """``hip_assess_posture``: the start posture the UI asks for."""

    STANDING = 0
    SEATED = 1
    SUPINE = 2
    PRONE = 3
    SIDE_LYING = 4


class AssessState(enum.IntEnum):
    """``hip_assess_state``: where a measurement is (a UI follows it)."""

    WAITING = 0
    CALIBRATING = 1
    READY = 2
    MOVING = 3
    HELD = 4
    DONE = 5
    FAILED = 6


class AssessFailure(enum.IntEnum):
    """``hip_assess_failure``: why a measurement failed."""

    NONE = 0
    MOVED_DURING_CALIBRATION = 1
    NO_STILLNESS = 2
    NO_MOVEMENT = 3
    GAP = 4
    LOST_TRACKING = 5
    TOO_LONG = 6


class AssessComp(enum.IntFlag):
    """``hip_assess_comp``: compensations seen during a measurement."""

    OUT_OF_PLANE = 1
    THIGH_ROTATION = 2
    TRUNK_LEAN = 4
    PELVIC_DROP = 8


class AssessAngle(enum.IntFlag):
    """``hip_assess_angle_bit``: which pose angles of a frame are valid."""

    HIP_FLEXION = 1
    HIP_ABDUCTION = 2
    HIP_ROTATION = 4
    KNEE_FLEXION = 8
    TRUNK_LEAN_SAGITTAL = 16
    TRUNK_LEAN_FRONTAL = 32
    PELVIC_OBLIQUITY = 64

C_PREFIXES: "dict[type[enum.Enum], str]" = {
    Category: "HIP_CATEGORY_", Sidedness: "HIP_SIDEDNESS_", Segment: "HIP_SEGMENT_",
    Motion: "HIP_MOTION_", Plane: "HIP_PLANE_", CountKind: "HIP_COUNT_", Change: "HIP_CHANGE_",
    Side: "HIP_SIDE_", RepsInput: "HIP_REPS_INPUT_", RepFlag: "HIP_REP_", RepSource: "HIP_REP_SOURCE_",
    SimRepKind: "HIP_SIM_REP_",
    SessionState: "HIP_SESSION_", AbandonReason: "HIP_ABANDON_", PainMoment: "HIP_PAIN_",
    RepOrigin: "HIP_REP_ORIGIN_", AdherenceUnit: "HIP_ADHERENCE_UNIT_", Instrument: "HIP_INSTRUMENT_",
    OutcomeScale: "HIP_OUTCOME_SCALE_", OutcomeState: "HIP_OUTCOME_", HoosMissingRule: "HIP_HOOS_",
    HoosPsDirection: "HIP_HOOS_PS_", ChangeCriterion: "HIP_CHANGE_", PainContext: "HIP_PAIN_CONTEXT_",
    PainLocation: "HIP_PAIN_LOCATION_", PainSide: "HIP_PAIN_SIDE_", PainSymptom: "HIP_PAIN_SYMPTOM_",
    PainTimeOfDay: "HIP_PAIN_TIME_OF_DAY_", PainSetting: "HIP_PAIN_SETTING_", PainBand: "HIP_PAIN_BAND_",
    PainBaselineRule: "HIP_PAIN_BASELINE_", PainCriterion: "HIP_PAIN_CRITERION_",
    PainVerdict: "HIP_PAIN_VERDICT_", FlareBaseline: "HIP_PAIN_FLARE_BASELINE_",
    PainDuration: "HIP_PAIN_DURATION_", PainPattern: "HIP_PAIN_PATTERN_",
    CheckinAnswer: "HIP_CHECKIN_", RedFlagTier: "HIP_RED_FLAG_",
    ProgressionClass: "HIP_PROGRESSION_CLASS_", ProgressionAction: "HIP_PROGRESSION_",
    ProgressionVariable: "HIP_PROGRESSION_VAR_", ProgressionCmp: "HIP_PROGRESSION_CMP_",
    ProgressionAgg: "HIP_PROGRESSION_AGG_", ProgressionWindow: "HIP_PROGRESSION_WINDOW_",
    FhirBundleType: "HIP_FHIR_BUNDLE_", FhirPainValue: "HIP_FHIR_PAIN_VALUE_",
    RomMotion: "HIP_ROM_", RomBand: "HIP_ROM_", AssessSide: "HIP_ASSESS_", AssessPosture: "HIP_ASSESS_",
    AssessState: "HIP_ASSESS_", AssessSource: "HIP_ASSESS_SOURCE_", AssessFailure: "HIP_ASSESS_FAIL_",
    AssessComp: "HIP_ASSESS_COMP_", AssessAngle: "HIP_ASSESS_ANGLE_",
}

__all__ = ["Category", "Sidedness", "Segment", "Motion", "Plane", "CountKind", "Change", "Side",
           "RepsInput", "RepFlag", "RepSource", "SimRepKind", "SessionState", "AbandonReason",
           "PainMoment", "RepOrigin", "AdherenceUnit", "Instrument", "OutcomeScale", "OutcomeState",
           "HoosMissingRule", "HoosPsDirection", "ChangeCriterion", "PainContext", "PainLocation",
           "PainSide", "PainSymptom", "PainTimeOfDay", "PainSetting", "PainBand", "PainBaselineRule",
           "PainCriterion", "PainVerdict", "FlareBaseline", "PainDuration", "PainPattern",
           "FlareEscalation", "CheckinAnswer", "RedFlagTier", "ProgressionClass",
           "ProgressionAction", "ProgressionVariable", "ProgressionCmp", "ProgressionAgg",
           "ProgressionWindow", "FhirBundleType", "FhirPainValue", "RomMotion", "RomBand", "AssessSide", "AssessSource",
           "AssessPosture", "AssessState", "AssessFailure", "AssessComp", "AssessAngle"]
