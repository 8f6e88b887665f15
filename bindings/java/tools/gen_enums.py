#!/usr/bin/env python3
"""Writes the Java enums of org.hiptrack from the C headers' enums (a one-off helper, run by hand:
the output is checked in and may be edited). For a new module, add its enums to `specs` and run
`python3 bindings/java/tools/gen_enums.py`; it rewrites every listed enum file."""
import re, os
ROOT=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
H=os.path.join(ROOT, 'libhip/include/hiptrack/')
OUT=os.path.join(ROOT, 'bindings/java/src/main/java/org/hiptrack/')
# java name, header, C enum, prefix, name function, flags?, doc
specs = [
 ('Category','hip_catalog.h','hip_category','HIP_CATEGORY_','hip_category_name',True,'An exercise category ({@code hip_category}); an exercise has a set of them.'),
 ('Sidedness','hip_catalog.h','hip_sidedness','HIP_SIDEDNESS_','hip_sidedness_name',False,'How an exercise uses the sides ({@code hip_sidedness}).'),
 ('Segment','hip_catalog.h','hip_segment','HIP_SEGMENT_','hip_segment_name',False,'The body segment a worn sensor or pose tracker follows ({@code hip_segment}).'),
 ('Motion','hip_catalog.h','hip_motion','HIP_MOTION_','hip_motion_name',False,'The primary motion of an exercise ({@code hip_motion}).'),
 ('Plane','hip_catalog.h','hip_plane','HIP_PLANE_','hip_plane_name',False,'The anatomical plane of the primary motion ({@code hip_plane}).'),
 ('CountKind','hip_catalog.h','hip_count_kind','HIP_COUNT_','hip_count_kind_name',False,'What one counted unit of an exercise is ({@code hip_count_kind}).'),
 ('Change','hip_catalog.h','hip_change','HIP_CHANGE_','hip_change_name',False,'The single attribute a progression edge changes ({@code hip_change}).'),
 ('Side','hip_program.h','hip_side','HIP_SIDE_','hip_side_name',False,'The side a prescription applies to ({@code hip_side}).'),
 ('InputKind','hip_reps.h','hip_reps_input','HIP_REPS_INPUT_','hip_reps_input_name',False,'What a rep detector is fed ({@code hip_reps_input}); {@link #width()} floats per sample.'),
 ('RepFlag','hip_reps.h','hip_rep_flag','HIP_REP_','hip_rep_flag_name',True,'A quality flag of a detected rep ({@code hip_rep_flag}); a rep has a set of them.'),
 ('RepSource','hip_reps.h','hip_rep_source','HIP_REP_SOURCE_','hip_rep_source_name',False,'Which signal a rep was counted on ({@code hip_rep_source}).'),
 ('SimRepKind','hip_sim.h','hip_sim_rep_kind','HIP_SIM_REP_','hip_sim_rep_kind_name',False,'What kind of rep the simulator made ({@code hip_sim_rep_kind}).'),
 # Enums without a name function in the library (namefn None) get no id().
 ('SessionState','hip_session.h','hip_session_state','HIP_SESSION_',None,False,'The state of a {@link Session} ({@code hip_session_state}).'),
 ('AbandonReason','hip_session.h','hip_abandon_reason','HIP_ABANDON_','hip_abandon_reason_name',False,'How a session ended ({@code hip_abandon_reason}): NONE when finished, else why it was abandoned.'),
 ('PainMoment','hip_session.h','hip_pain_moment','HIP_PAIN_',None,False,'When a session pain score was asked ({@code hip_pain_moment}).'),
 ('RepOrigin','hip_session.h','hip_rep_origin','HIP_REP_ORIGIN_',None,False,'Where a session rep came from ({@code hip_rep_origin}).'),
 ('AdherenceUnit','hip_adherence.h','hip_adherence_unit','HIP_ADHERENCE_UNIT_',None,False,'What ADH-3 counts as an activity ({@code hip_adherence_unit}).'),
 ('Instrument','hip_outcomes.h','hip_instrument','HIP_INSTRUMENT_','hip_instrument_name',False,'An outcome questionnaire ({@code hip_instrument}); {@link #id()} is its JSON name.'),
 ('OutcomeScale','hip_outcomes.h','hip_outcome_scale','HIP_OUTCOME_SCALE_','hip_outcome_scale_name',False,'A scale of an outcome score ({@code hip_outcome_scale}).'),
 ('OutcomeState','hip_outcomes.h','hip_outcome_state','HIP_OUTCOME_',None,False,'Whether a scale was scored ({@code hip_outcome_state}); never NaN.'),
 ('HoosMissingRule','hip_outcomes.h','hip_hoos_missing_rule','HIP_HOOS_',None,False,'The HOOS missing-item rule ({@code hip_hoos_missing_rule}).'),
 ('HoosPsDirection','hip_outcomes.h','hip_hoos_ps_direction','HIP_HOOS_PS_',None,False,'The HOOS-PS direction ({@code hip_hoos_ps_direction}).'),
 ('ChangeCriterion','hip_outcomes.h','hip_change_criterion','HIP_CHANGE_',None,False,'The kind of threshold a change was judged against ({@code hip_change_criterion}).'),
 ('PainContext','hip_painlog.h','hip_pain_context','HIP_PAIN_CONTEXT_','hip_pain_context_name',False,'The recall window of a pain score ({@code hip_pain_context}).'),
 ('PainLocation','hip_painlog.h','hip_pain_location','HIP_PAIN_LOCATION_','hip_pain_location_name',False,'Where it hurts ({@code hip_pain_location}).'),
 ('PainSide','hip_painlog.h','hip_pain_side','HIP_PAIN_SIDE_','hip_pain_side_name',False,'The side of a pain entry ({@code hip_pain_side}).'),
 ('PainSymptom','hip_painlog.h','hip_pain_symptom','HIP_PAIN_SYMPTOM_','hip_pain_symptom_name',True,'A symptom flag of a pain entry ({@code hip_pain_symptom}); an entry has a set of them.'),
 ('PainTimeOfDay','hip_painlog.h','hip_pain_time_of_day','HIP_PAIN_TIME_OF_DAY_','hip_pain_time_of_day_name',False,'The time of day a member reported ({@code hip_pain_time_of_day}).'),
 ('PainSetting','hip_painlog.h','hip_pain_setting','HIP_PAIN_SETTING_','hip_pain_setting_name',False,'What the member was doing ({@code hip_pain_setting}).'),
 ('PainBand','hip_painlog.h','hip_pain_band','HIP_PAIN_BAND_','hip_pain_band_name',False,'A pain severity band ({@code hip_pain_band}).'),
 ('PainVerdict','hip_painlog.h','hip_pain_verdict','HIP_PAIN_VERDICT_',None,False,'A responder verdict ({@code hip_pain_verdict}).'),
 ('PainCriterion','hip_painlog.h','hip_pain_criterion','HIP_PAIN_CRITERION_',None,False,'Which criterion makes a pain responder ({@code hip_pain_criterion}).'),
 ('PainDuration','hip_painlog.h','hip_pain_duration','HIP_PAIN_DURATION_',None,False,'Acute or chronic pain ({@code hip_pain_duration}).'),
 ('PainPattern','hip_painlog.h','hip_pain_pattern','HIP_PAIN_PATTERN_',None,False,'Morning vs night pain ({@code hip_pain_pattern}).'),
 ('CheckInAnswer','hip_progression.h','hip_checkin_answer','HIP_CHECKIN_',None,True,'A "yes" answer of a red-flag symptom check-in ({@code hip_checkin_answer}); a {@link CheckIn} has a set of them.'),
 ('RedFlagTier','hip_progression.h','hip_red_flag_tier','HIP_RED_FLAG_','hip_red_flag_tier_name',False,'How soon open red flags need a clinician ({@code hip_red_flag_tier}).'),
 ('RuleClass','hip_progression.h','hip_progression_class','HIP_PROGRESSION_CLASS_',None,False,'The class of a progression rule ({@code hip_progression_class}): the direction of its action, which orders decisions.'),
 ('ProgressionAction','hip_progression.h','hip_progression_action','HIP_PROGRESSION_','hip_progression_action_name',False,'What a progression decision does to an exercise ({@code hip_progression_action}).'),
 ('ProgressionVariable','hip_progression.h','hip_progression_variable','HIP_PROGRESSION_VAR_','hip_progression_variable_name',False,'The prescription field a CHANGE decision changes ({@code hip_progression_variable}).'),
 ('Comparison','hip_progression.h','hip_progression_cmp','HIP_PROGRESSION_CMP_','hip_progression_cmp_name',False,'The comparison of a rule input ({@code hip_progression_cmp}); {@link #id()} is its operator as written.'),
 ('Aggregate','hip_progression.h','hip_progression_agg','HIP_PROGRESSION_AGG_','hip_progression_agg_name',False,'How a rule input combines the values of its window ({@code hip_progression_agg}).'),
 ('FhirBundleType','hip_export.h','hip_fhir_bundle_type','HIP_FHIR_BUNDLE_',None,False,'The kind of FHIR Bundle an export writes ({@code hip_fhir_bundle_type}).'),
 ('FhirPainValue','hip_export.h','hip_fhir_pain_value','HIP_FHIR_PAIN_VALUE_',None,False,'How a FHIR pain Observation carries the 0-10 value ({@code hip_fhir_pain_value}).'),
 ('Skeleton','hip_pose.h','hip_skeleton','HIP_SKELETON_','hip_pose_skeleton_name',False,'A keypoint layout ({@code hip_skeleton}).'),
 ('Joint','hip_pose.h','hip_joint','HIP_JOINT_','hip_joint_name',False,'A canonical body joint ({@code hip_joint}), in the hiptrack layout\'s order.'),
 ('PoseAngle','hip_pose.h','hip_pose_angle','HIP_POSE_','hip_pose_angle_name',False,'A per-frame joint angle ({@code hip_pose_angle}).'),
 ('PoseView','hip_pose.h','hip_pose_view','HIP_POSE_VIEW_','hip_pose_view_name',False,'Where a 2-D camera looks from ({@code hip_pose_view}).'),
 ('PoseNeed','hip_pose.h','hip_pose_need','HIP_POSE_NEED_','hip_pose_need_name',False,'What a camera must see to count an exercise ({@code hip_pose_need}).'),
 ('PoseSignal','hip_pose.h','hip_pose_signal','HIP_POSE_SIGNAL_','hip_pose_signal_name',False,'The angle a pose rep counter feeds the rep engine ({@code hip_pose_signal}).'),
 ('PoseFlag','hip_pose.h','hip_pose_flag','HIP_POSE_FLAG_','hip_pose_flag_name',True,'A compensation seen in a rep ({@code hip_pose_flag}); a rep has a set of them.'),
 ('WindowUnit','hip_progression.h','hip_progression_window','HIP_PROGRESSION_WINDOW_',None,False,'The unit of a rule input\'s window ({@code hip_progression_window}).'),
 ('RomMotion','hip_assess.h','hip_rom_motion','HIP_ROM_','hip_rom_motion_name',False,'The motion a range-of-motion assessment measures ({@code hip_rom_motion}).'),
 ('RomBand','hip_assess.h','hip_rom_band','HIP_ROM_','hip_rom_band_name',False,'A range of motion against its normal value ({@code hip_rom_band}).'),
 ('AssessSide','hip_assess.h','hip_assess_side','HIP_ASSESS_','hip_assess_side_name',False,'The side an assessment measured ({@code hip_assess_side}).'),
 ('AssessSource','hip_assess.h','hip_assess_source','HIP_ASSESS_SOURCE_','hip_assess_source_name',False,'What an assessment is fed ({@code hip_assess_source}).'),
 ('AssessPosture','hip_assess.h','hip_assess_posture','HIP_ASSESS_','hip_assess_posture_name',False,'The start posture of an assessment ({@code hip_assess_posture}).'),
 ('AssessState','hip_assess.h','hip_assess_state','HIP_ASSESS_','hip_assess_state_name',False,'Where an assessment is ({@code hip_assess_state}); a UI follows it.'),
 ('AssessFailure','hip_assess.h','hip_assess_failure','HIP_ASSESS_FAIL_','hip_assess_failure_name',False,'Why an assessment failed ({@code hip_assess_failure}).'),
 ('AssessComp','hip_assess.h','hip_assess_comp','HIP_ASSESS_COMP_',None,True,'A compensation seen during an assessment ({@code hip_assess_comp}); a result has a set of them.'),
 ('AssessAngle','hip_assess.h','hip_assess_angle_bit','HIP_ASSESS_ANGLE_',None,True,'A pose angle of a frame ({@code hip_assess_angle_bit}); a frame has a set of valid ones.'),
]
def esc(s): return s.replace('&','&amp;').replace('<','&lt;').replace('>','&gt;').replace('@','{@literal @}')
for jn, hdr, cen, pre, namefn, flags, doc in specs:
    txt=open(H+hdr).read()
    m=re.search(r'typedef enum '+cen+r' \{(.*?)\} '+cen+';', txt, re.S)
    body=m.group(1)
    items=[]
    # A comment continued on the next line is read as one line; several constants may share a
    # line (the comment then documents the last); values may be shifts (1 << 3).
    body=re.sub(r'/\*(.*?)\*/', lambda c: '/* '+' '.join(c.group(1).split())+' */', body, flags=re.S)
    for line in body.split('\n'):
        found=list(re.finditer(r'('+pre+r'[A-Z0-9_]+)\s*=\s*[-0-9]+(?:\s*<<\s*[0-9]+)?\s*,?\s*(?:/\*\s*(.*?)\s*\*/)?', line))
        for k, mm in enumerate(found):
            items.append((mm.group(1), mm.group(2) if k+1==len(found) else None))
    consts=[]
    for c, com in items:
        j=c[len(pre):]
        if j[0].isdigit(): j={'3D':'THREE_D'}.get(j, '_'+j)   # Java names cannot start with a digit
        d = esc(com[0].upper()+com[1:]) if com else None
        if d and not d.endswith('.'): d+='.'
        if not d: d='{@code %s}.'%c
        else: d='{@code %s}: %s'%(c,d)
        consts.append('    /** %s */\n    %s(%s.%s)'%(d,j,cen,c))
    extra=''
    imports='import org.hiptrack.internal.HiptrackNative;\nimport org.hiptrack.internal.%s;\n'%cen
    if flags:
        imports='import java.util.EnumSet;\nimport java.util.Set;\n'+imports
        extra='''
    /**
     * The flags set in a bit mask.
     *
     * @param bits {@code %s} bits; unknown bits are ignored
     * @return a new set
     */
    public static EnumSet<%s> fromBits(int bits) {
        EnumSet<%s> set = EnumSet.noneOf(%s.class);
        for (%s f : values())
            if ((bits & f.value) != 0) set.add(f);
        return set;
    }

    /**
     * The bit mask of a set of flags.
     *
     * @param flags the flags
     * @return their bits ORed together
     */
    public static int toBits(Set<%s> flags) {
        int bits = 0;
        for (%s f : flags) bits |= f.value;
        return bits;
    }
''' % (cen,jn,jn,jn,jn,jn,jn)
    if jn=='InputKind':
        extra+='''
    /**
     * Floats per sample: 6 (imu), 3 (accel) or 1 (angle).
     *
     * @return the sample width
     */
    public int width() {
        return (int) HiptrackNative.hip_reps_input_width(value);
    }
'''
    idm = '' if namefn is None else '''    /**
     * The library's stable lower-case name, as used in JSON and by the CLI.
     *
     * @return the name
     */
    public String id() {
        return HiptrackNative.%s(value);
    }

''' % namefn
    if namefn is None and 'HiptrackNative.' not in extra:
        imports = imports.replace('import org.hiptrack.internal.HiptrackNative;\n', '')
    src='''package org.hiptrack;

%s
/** %s */
public enum %s {
%s;

    private final int value;

    %s(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code %s} number
     */
    public int value() {
        return value;
    }

%s    /**
     * The constant for a C value.
     *
     * @param value a {@code %s} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static %s fromValue(int value) {
        for (%s e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no %s with value " + value);
    }
%s}
''' % (imports, doc, jn, ',\n'.join(consts), jn, cen, idm, cen, jn, jn, jn, extra)
    open(OUT+jn+'.java','w').write(src)
    print(jn, len(items))
