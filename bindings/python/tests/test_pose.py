"""The camera pose front end: skeleton tables, per-frame angles, the rep counter over numpy."""
import math
import os

import numpy as np
import pytest

import hiptrack
from hiptrack import pose

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
COCO_FILE = os.path.join(REPO, "tests", "data", "pose_squats_coco17.csv")


def load_coco():
    d = np.loadtxt(COCO_FILE, delimiter=",", skiprows=1)
    return (d[:, 0] * 1e9).round().astype(np.int64), d[:, 1:].reshape(len(d), 17, 3)


def standing(hip_flex_l=0.0, knee_flex_l=0.0):
    """Canonical 3-D joints (y up, facing +z) with the left leg at the given angles."""
    p = np.zeros((18, 3))
    p[hiptrack.Joint.PELVIS] = (0, 1, 0)
    p[hiptrack.Joint.SPINE_MID] = (0, 1.25, 0)
    p[hiptrack.Joint.SPINE_SHOULDER] = (0, 1.5, 0)
    p[hiptrack.Joint.HEAD] = (0, 1.7, 0)
    for side, sx in ((0, 1), (1, -1)):
        p[hiptrack.Joint.SHOULDER_L + side] = (0.18 * sx, 1.5, 0)
        p[hiptrack.Joint.ELBOW_L + side] = (0.18 * sx, 1.22, 0)
        p[hiptrack.Joint.WRIST_L + side] = (0.18 * sx, 0.97, 0)
        hip = np.array([0.1 * sx, 1.0, 0])
        f = math.radians(hip_flex_l if side == 0 else 0)
        k = math.radians(knee_flex_l if side == 0 else 0)
        knee = hip + 0.45 * np.array([0, -math.cos(f), math.sin(f)])
        shank = f - k
        ankle = knee + 0.42 * np.array([0, -math.cos(shank), math.sin(shank)])
        p[hiptrack.Joint.HIP_L + side] = hip
        p[hiptrack.Joint.KNEE_L + side] = knee
        p[hiptrack.Joint.ANKLE_L + side] = ankle
        p[hiptrack.Joint.FOOT_L + side] = ankle + (0, 0, 0.13)
    return p


def test_skeleton_tables():
    assert len(pose.joint_names(hiptrack.Skeleton.MEDIAPIPE_POSE33)) == 33
    assert pose.joint_names(hiptrack.Skeleton.HIPTRACK)[10] == "hip_l"
    assert pose.joint_names(hiptrack.Skeleton.APPLE_VISION_2D)[12] == "root"
    assert pose.skeleton_index(hiptrack.Skeleton.COCO17, hiptrack.Joint.KNEE_R) == 14
    assert pose.skeleton_index(hiptrack.Skeleton.COCO17, hiptrack.Joint.PELVIS) is None
    assert pose.canonical_joint(hiptrack.Skeleton.MEDIAPIPE_POSE33, 23) == hiptrack.Joint.HIP_L
    assert pose.canonical_joint(hiptrack.Skeleton.MEDIAPIPE_POSE33, 29) is None   # heel
    assert pose.ANGLE_NAMES[hiptrack.PoseAngle.KNEE_VALGUS_R] == "knee_valgus_r"
    for sk in hiptrack.Skeleton:
        names = pose.joint_names(sk)
        assert len(set(names)) == len(names)


def test_angles_3d_and_2d():
    p = standing(60, 80)
    deg, valid = pose.angles(p)
    assert deg.shape == (1, 13) and valid.shape == (1, 13)
    assert deg[0, hiptrack.PoseAngle.HIP_FLEXION_L] == pytest.approx(60, abs=0.5)
    assert deg[0, hiptrack.PoseAngle.KNEE_FLEXION_L] == pytest.approx(80, abs=0.5)
    assert deg[0, hiptrack.PoseAngle.HIP_ROTATION_L] == pytest.approx(0, abs=0.5)
    assert deg[0, hiptrack.PoseAngle.PELVIC_OBLIQUITY] == pytest.approx(0, abs=0.5)
    # Many frames at once; confidences as a fourth column.
    frames = np.stack([standing(a, a) for a in (0, 30, 90)])
    conf = np.ones(frames.shape[:2] + (1,))
    deg, valid = pose.angles(np.concatenate([frames, conf], -1).astype(np.float32))
    assert deg[:, hiptrack.PoseAngle.HIP_FLEXION_L] == pytest.approx([0, 30, 90], abs=0.5)
    # A missing knee: its angles invalid (NaN), the rest still there.
    frames[1, hiptrack.Joint.KNEE_L] = np.nan
    deg, valid = pose.angles(frames)
    assert not valid[1, hiptrack.PoseAngle.KNEE_FLEXION_L]
    assert math.isnan(deg[1, hiptrack.PoseAngle.KNEE_FLEXION_L])
    assert valid[1, hiptrack.PoseAngle.TRUNK_LEAN_SAGITTAL]
    # 2-D side view: x is the subject's forward direction (z), y up.
    side = standing(45, 70)[:, [2, 1]]
    deg, valid = pose.angles(side, dims=2, view=hiptrack.PoseView.SIDE)
    assert deg[0, hiptrack.PoseAngle.HIP_FLEXION_L] == pytest.approx(45, abs=0.5)
    assert not valid[0, hiptrack.PoseAngle.PELVIC_OBLIQUITY]
    with pytest.raises(hiptrack.InvalidArgumentError):
        pose.angles(np.zeros((17, 3)))                    # 17 joints for an 18-joint skeleton
    with pytest.raises(hiptrack.InvalidArgumentError):
        pose.angles(p, x_scale=0)
    with pytest.raises(hiptrack.InvalidArgumentError):
        pose.angles(p, no_such_field=1)


def test_counter_counts_the_coco_file():
    t, k = load_coco()
    c = hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2)
    assert c.joints == 17
    events = c.push(t, k) + c.finish()
    assert len(events) == 3
    e = events[0]
    assert isinstance(e, hiptrack.PoseRepEvent)
    assert 1.0 < e.rep.start_ns * 1e-9 < 2.5
    assert e.pose_flags == hiptrack.PoseFlag(0)
    assert e.trunk_lean_max_deg == pytest.approx(35, abs=3)
    assert e.pelvic_change_max_deg is None                 # not seen from the side
    deg, valid, signal = c.last_angles()
    assert signal is not None and valid[hiptrack.PoseAngle.KNEE_FLEXION_L]


def test_counter_chunking_invariance():
    t, k = load_coco()
    whole = hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2)
    ref = whole.push(t, k) + whole.finish()
    pieces = hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2)
    got = []
    for a in range(0, len(t), 17):
        got += pieces.push(t[a:a + 17], k[a:a + 17])
    got += pieces.finish()
    assert got == ref
    pieces.reset()
    one = []
    for i in range(len(t)):
        one += pieces.push(t[i:i + 1], k[i])
    assert one + pieces.finish() == ref


def test_counter_with_exercise_and_errors():
    cat = hiptrack.builtin_catalog()
    squat = cat.find("squat")
    assert pose.need_for_exercise(squat) == hiptrack.PoseNeed.SIDE
    assert pose.need_for_exercise(cat.find("clamshell")) == hiptrack.PoseNeed.THREE_D
    assert pose.need_for_exercise(cat.find("walking")) == hiptrack.PoseNeed.UNTRACKABLE
    t, k = load_coco()
    c = hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2, exercise=squat,
                                knee_valgus_max_deg=15, min_confidence=0.5)
    assert len(c.push(t, k) + c.finish()) == 3
    with pytest.raises(hiptrack.UnsupportedError):
        hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2, exercise=cat.find("walking"))
    with pytest.raises(hiptrack.InvalidArgumentError, match="median_window"):
        hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2, median_window=4)
    with pytest.raises(hiptrack.InvalidArgumentError):
        hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2, nonsense=1)
    c = hiptrack.PoseRepCounter(hiptrack.Skeleton.COCO17, dims=2)
    with pytest.raises(hiptrack.NotFoundError):
        c.last_angles()
    with pytest.raises(hiptrack.InvalidArgumentError):
        c.push(t[:3], k[:3, :16])                          # wrong joint count
    with pytest.raises(hiptrack.InvalidArgumentError):
        c.push(t[:2], k[:3])                               # lengths differ
    with pytest.raises(hiptrack.InvalidArgumentError):
        c.push(t[:3] * 1e-9, k[:3])                        # float seconds
    c.push(t[:3], k[:3])
    with pytest.raises(hiptrack.OutOfRangeError):
        c.push(t[:1], k[:1])                               # not after the previous frame
    c.close()
    with pytest.raises(hiptrack.StateError):
        c.push(t[:1], k[:1])
