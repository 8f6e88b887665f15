"""Movement assessment through Python: an IMU stream of a known abduction, pose angles, normal
values, the history and its JSON form, and a progression rule on the range of motion."""
import math

import numpy as np
import pytest

import hiptrack
from hiptrack import (AssessComp, AssessFailure, AssessPosture, AssessResult, AssessSide,
                      AssessSource, AssessState, Assessment, AssessmentHistory, RomBand, RomMotion,
                      RomNormals, compare_assessments, compare_normal)

G = 9.80665


def abduction_stream(angle_deg, rate=50.0, wobble=0.0):
    """A standing thigh abducted by angle_deg about the forward axis (sensor = thigh frame):
    2 s still, 2 s out, 1 s hold, 2 s back, 1 s still."""
    n = int(8 * rate)
    t = np.arange(n) / rate
    u = np.clip((t - 2) / 2, 0, 1)
    up = 0.5 - 0.5 * np.cos(np.pi * u)
    down = 0.5 - 0.5 * np.cos(np.pi * np.clip((t - 5) / 2, 0, 1))
    th = np.radians(angle_deg) * (up - down)
    if wobble:
        th += np.radians(wobble) * np.sin(np.pi * np.clip((t - 0.5) / 0.4, 0, 1))
    w = np.gradient(th, t)
    x = np.zeros((n, 6), dtype=np.float32)
    x[:, 1] = G * np.sin(th)      # gravity seen by a frame turned by th about x
    x[:, 2] = G * np.cos(th)
    x[:, 3] = w
    return (np.arange(n) * int(1e9 / rate)).astype(np.int64), x


def test_imu_known_abduction():
    t, x = abduction_stream(35)
    a = Assessment(RomMotion.ABDUCTION, AssessSide.RIGHT, day="2026-11-02")
    assert a.state == AssessState.WAITING and a.current_deg is None and a.result is None
    seen = []
    for i in range(len(t)):
        a.push_imu(int(t[i]), x[i])
        if not seen or seen[-1] != a.state:
            seen.append(a.state)
        if a.state >= AssessState.DONE:
            break
    assert seen == [AssessState.WAITING, AssessState.CALIBRATING, AssessState.READY,
                    AssessState.MOVING, AssessState.HELD, AssessState.DONE]
    r = a.result
    assert isinstance(r, AssessResult)
    assert abs(r.range_deg - 35) < 1.0 and r.start_deg == 0 and r.max_deg == r.range_deg
    assert r.motion == RomMotion.ABDUCTION and r.side == AssessSide.RIGHT
    assert r.posture == AssessPosture.STANDING and r.compensations == AssessComp(0)
    assert r.date.isoformat() == "2026-11-02" and 0.5 < r.quality <= 1
    with pytest.raises(hiptrack.StateError):
        a.push_imu(int(t[-1]) + 10**9, x[0])
    a.reset()
    assert a.state == AssessState.WAITING
    used = a.push_imu_block(t, x)
    assert 200 < used < len(t) and a.state == AssessState.DONE
    assert a.result.range_deg == pytest.approx(r.range_deg)


def test_imu_errors():
    with pytest.raises(hiptrack.InvalidArgumentError, match="move_deg: expected 2..30"):
        Assessment(RomMotion.FLEXION, AssessSide.LEFT, move_deg=1)
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        Assessment(RomMotion.FLEXION, AssessSide.LEFT, nope=1)
    t, x = abduction_stream(30, wobble=8)
    a = Assessment(RomMotion.ABDUCTION, AssessSide.LEFT)
    for i in range(len(t)):
        a.push_imu(int(t[i]), x[i])
        if a.state == AssessState.FAILED:
            break
    assert a.failure == AssessFailure.MOVED_DURING_CALIBRATION
    with pytest.raises(hiptrack.StateError, match="moved_during_calibration"):
        a.result
    a.reset()
    a.push_imu(100, x[0])
    with pytest.raises(hiptrack.OutOfRangeError, match="t_ns"):
        a.push_imu(100, x[0])
    with pytest.raises(hiptrack.OutOfRangeError, match="sample\\[2\\]"):
        a.push_imu(200, [0, 0, math.nan, 0, 0, 0])
    with pytest.raises(hiptrack.InvalidArgumentError, match="6 values"):
        a.push_imu(300, [0, 0, 9.8])
    with pytest.raises(hiptrack.InvalidArgumentError):
        a.push_imu_block([1, 2], np.zeros(6, dtype=np.float32))
    with pytest.raises(hiptrack.StateError, match="pose angles"):
        Assessment(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.POSE).push_imu(0, x[0])
    a.close()
    with pytest.raises(hiptrack.StateError, match="closed"):
        a.state


def test_pose_angles():
    a = Assessment(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.POSE, pelvic_drop_deg=3)
    for i in range(240):
        t = i / 30
        u = 0.5 - 0.5 * math.cos(math.pi * min(max((t - 2) / 2, 0), 1))
        d = 0.5 - 0.5 * math.cos(math.pi * min(max((t - 5) / 2, 0), 1))
        flex = 4 + 70 * (u - d)
        a.push_angles(int(i * 1e9 / 30), hip_flexion_deg=flex, hip_abduction_deg=2.0,
                      trunk_lean_sagittal_deg=-8 * (u - d) ** 2, pelvic_obliquity_deg=None)
        if a.state >= AssessState.DONE:
            break
    r = a.result
    assert r is not None and r.source == AssessSource.POSE
    assert abs(r.start_deg - 4) < 0.5 and abs(r.range_deg - 70) < 1.5
    assert r.compensations == AssessComp(0) and abs(r.trunk_lean_deg - 8) < 1
    with pytest.raises(hiptrack.InvalidArgumentError, match="no field"):
        Assessment(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.POSE).push_angles(0, hip=3)
    with pytest.raises(hiptrack.OutOfRangeError, match="hip_flexion_deg"):
        Assessment(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.POSE).push_angles(
            0, hip_flexion_deg=1000)


def test_keypoints_through_hip_pose():
    # A standing skeleton (hiptrack layout, metres, y up) whose left thigh swings forward by 60
    # degrees and back: the hip flexion comes from hip_pose.
    names = hiptrack.pose.joint_names(hiptrack.pose.Skeleton.HIPTRACK)
    # facing the camera (+z): the subject's left is on the camera's right (+x)
    base = {"pelvis": (0, 1.0, 0), "spine_mid": (0, 1.25, 0), "spine_shoulder": (0, 1.5, 0),
            "head": (0, 1.7, 0), "shoulder_l": (0.2, 1.45, 0), "shoulder_r": (-0.2, 1.45, 0),
            "elbow_l": (0.25, 1.2, 0), "elbow_r": (-0.25, 1.2, 0), "wrist_l": (0.25, 1.0, 0),
            "wrist_r": (-0.25, 1.0, 0), "hip_l": (0.1, 1.0, 0), "hip_r": (-0.1, 1.0, 0),
            "knee_l": (0.1, 0.55, 0), "knee_r": (-0.1, 0.55, 0), "ankle_l": (0.1, 0.1, 0),
            "ankle_r": (-0.1, 0.1, 0), "foot_l": (0.1, 0.05, 0.12), "foot_r": (-0.1, 0.05, 0.12)}
    a = Assessment(RomMotion.FLEXION, AssessSide.LEFT, AssessSource.POSE)
    for i in range(240):
        t = i / 30
        u = 0.5 - 0.5 * math.cos(math.pi * min(max((t - 2) / 2, 0), 1))
        d = 0.5 - 0.5 * math.cos(math.pi * min(max((t - 5) / 2, 0), 1))
        th = math.radians(60 * (u - d))
        pts = dict(base)
        # flexion swings the leg forward (+z)
        pts["knee_l"] = (0.1, 1.0 - 0.45 * math.cos(th), 0.45 * math.sin(th))
        pts["ankle_l"] = (0.1, 1.0 - 0.9 * math.cos(th), 0.9 * math.sin(th))
        pts["foot_l"] = (0.1, pts["ankle_l"][1] - 0.05, pts["ankle_l"][2] + 0.12)
        a.push_keypoints(int(i * 1e9 / 30), np.array([pts[n] for n in names], dtype=np.float32))
        if a.state >= AssessState.DONE:
            break
    r = a.result
    assert r is not None and abs(r.range_deg - 60) < 3
    with pytest.raises(hiptrack.InvalidArgumentError, match="keypoints"):
        a.reset()
        a.push_keypoints(0, np.zeros((5, 3), dtype=np.float32))


def result(motion, side, day, rng):
    return AssessResult(motion, side, AssessSource.IMU, AssessPosture.STANDING,
                        hiptrack.dates.to_day(day), 0.0, rng, rng, 2.0, AssessComp(0), 0.0, 0.0,
                        0.0, 0.0, 0.9)


def test_normals_and_compare():
    aaos = RomNormals.aaos()
    assert aaos.normal_deg[RomMotion.FLEXION] == 120 and aaos.normal_deg[RomMotion.EXTENSION] == 30
    assert "AAOS" in aaos.source
    cons = RomNormals.conservative()
    assert cons.normal_deg[RomMotion.INTERNAL_ROTATION] == 30
    r = result(RomMotion.INTERNAL_ROTATION, AssessSide.LEFT, "2026-11-02", 30.0)
    assert compare_normal(r).band == RomBand.MARKEDLY_REDUCED
    c = compare_normal(r, cons)
    assert c.band == RomBand.WITHIN_NORMAL and c.pct_of_normal == pytest.approx(100)
    mine = aaos.replace(source="clinic", internal_rotation=35)
    assert compare_normal(r, mine).band == RomBand.REDUCED and mine.source == "clinic"
    with pytest.raises(hiptrack.InvalidArgumentError):
        aaos.replace(twist=3)
    with pytest.raises(hiptrack.OutOfRangeError):
        compare_normal(r, aaos.replace(internal_rotation=0))
    later = result(RomMotion.INTERNAL_ROTATION, AssessSide.LEFT, "2026-12-02", 38.0)
    assert compare_assessments(r, later) == pytest.approx(8)
    with pytest.raises(hiptrack.InvalidArgumentError):
        compare_assessments(r, result(RomMotion.FLEXION, AssessSide.LEFT, "2026-12-02", 38.0))


def test_history_json():
    h = AssessmentHistory()
    h.add(result(RomMotion.FLEXION, AssessSide.LEFT, "2026-11-20", 95.0))
    h.add(result(RomMotion.FLEXION, AssessSide.LEFT, "2026-11-02", 80.0))
    assert [r.range_deg for r in h] == [80.0, 95.0] and len(h) == 2 and h[-1].range_deg == 95
    assert h.latest(RomMotion.FLEXION, AssessSide.LEFT).range_deg == 95
    assert h.latest(RomMotion.FLEXION, AssessSide.LEFT, "2026-11-10").range_deg == 80
    assert h.latest(RomMotion.FLEXION, AssessSide.RIGHT) is None
    assert h.change(RomMotion.FLEXION, AssessSide.LEFT) == pytest.approx(15)
    assert h.change(RomMotion.ABDUCTION, AssessSide.LEFT) is None
    with pytest.raises(IndexError):
        h[2]
    bad = result(RomMotion.FLEXION, AssessSide.LEFT, "2026-11-02", 80.0)
    with pytest.raises(hiptrack.InvalidArgumentError, match="result.quality"):
        h.add(AssessResult(**{**bad.__dict__, "quality": 3.0}))
    text = h.export_json()
    assert '"format": "hiptrack.assessment"' in text
    g = AssessmentHistory()
    g.import_json(text)
    assert list(g) == list(h)
    with pytest.raises(hiptrack.FormatError, match=r"assessments\[0\]\.range_deg"):
        g.import_json(text.replace('"range_deg": 80', '"range_deg": 70', 1))
    assert len(g) == 2


def test_progression_rule_on_rom():
    program = hiptrack.Program()
    program.begin("2026-11-02", 3)
    program.add(hiptrack.Prescription.for_exercise("standing_march", side=hiptrack.Side.LEFT))
    program.commit()
    rules = hiptrack.RuleSet.parse(
        "rule rom_ready when rom_flexion_pct >= 75 then reps +2 max 15 say \"flexion is back\"\n")
    h = AssessmentHistory()
    h.add(result(RomMotion.FLEXION, AssessSide.LEFT, "2026-11-05", 84.0))       # 70 %
    hist = hiptrack.progression.History(program, assessments=h)
    (d,) = rules.evaluate(hist, "2026-11-06")
    assert d.rule_id is None
    h.add(result(RomMotion.FLEXION, AssessSide.LEFT, "2026-11-12", 96.0))       # 80 %
    (d,) = rules.evaluate(hist, "2026-11-12")
    assert d.rule_id == "rom_ready" and d.after.reps == 12
    assert d.inputs[0].metric == "rom_flexion_pct" and d.inputs[0].value == pytest.approx(80)
    # Another normal table (kept alive by the history while it is used).
    hist2 = hiptrack.progression.History(program, assessments=h,
                                         rom_normals=RomNormals.aaos().replace(flexion=140))
    (d,) = rules.evaluate(hist2, "2026-11-12")
    assert d.rule_id is None
