/* Pose front end: skeleton tables, per-frame angles from synthetic skeletons with known angles (3-D
 * at any yaw, every skeleton's layout, 2-D front and side views), missing joints, error paths. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pose_synth.h"

#define TOL 0.5

static void expect_angle(const hip_pose_angles *a, hip_pose_angle which, double deg)
{
    if (!(a->valid & (1u << which)))
        fail_msg("%s: invalid, expected %.2f", hip_pose_angle_name(which), deg);
    if (fabs(a->deg[which] - deg) > TOL)
        fail_msg("%s: %.3f, expected %.3f", hip_pose_angle_name(which), a->deg[which], deg);
}

static void expect_invalid(const hip_pose_angles *a, hip_pose_angle which)
{
    if (a->valid & (1u << which))
        fail_msg("%s: valid (%.2f), expected invalid", hip_pose_angle_name(which), a->deg[which]);
    assert_true(a->deg[which] == 0.0);
}

static hip_pose_angles compute(hip_skeleton sk, uint32_t dims, const hip_keypoint *kp)
{
    hip_pose_angles_config cfg;
    hip_pose_angles_config_init(&cfg, sk, dims);
    hip_pose_angles a;
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, hip_pose_skeleton_joint_count(sk), &a), HIP_OK);
    return a;
}

static void test_skeleton_tables(void **state)
{
    (void)state;
    static const size_t counts[HIPTRACK_SKELETON_COUNT] = {18, 33, 19, 17, 17};
    for (int s = 0; s < HIPTRACK_SKELETON_COUNT; s++) {
        hip_skeleton sk = (hip_skeleton)s, back;
        assert_int_equal(hip_pose_skeleton_joint_count(sk), counts[s]);
        assert_int_equal(hip_pose_skeleton_from_name(hip_pose_skeleton_name(sk), &back), HIP_OK);
        assert_int_equal(back, sk);
        assert_null(hip_pose_skeleton_joint_name(sk, counts[s]));
        /* Every mapped point maps back to its own index; names are unique. */
        int seen[HIPTRACK_JOINT_COUNT] = {0};
        for (size_t i = 0; i < counts[s]; i++) {
            const char *name = hip_pose_skeleton_joint_name(sk, i);
            assert_non_null(name);
            for (size_t k = 0; k < i; k++)
                assert_string_not_equal(name, hip_pose_skeleton_joint_name(sk, k));
            hip_joint j;
            if (hip_pose_joint_from_skeleton(sk, i, &j) != HIP_OK) continue;
            assert_false(seen[j]);
            seen[j] = 1;
            size_t idx;
            assert_int_equal(hip_pose_skeleton_index(sk, j, &idx), HIP_OK);
            assert_int_equal(idx, i);
        }
        /* Every skeleton has the leg and shoulder joints the angles need. */
        static const hip_joint needed[] = {HIP_JOINT_SHOULDER_L, HIP_JOINT_SHOULDER_R,
                                           HIP_JOINT_HIP_L, HIP_JOINT_HIP_R, HIP_JOINT_KNEE_L,
                                           HIP_JOINT_KNEE_R, HIP_JOINT_ANKLE_L, HIP_JOINT_ANKLE_R};
        for (size_t k = 0; k < sizeof needed / sizeof needed[0]; k++) assert_true(seen[needed[k]]);
        hip_joint j;
        assert_int_equal(hip_pose_joint_from_skeleton(sk, counts[s], &j), HIP_ERR_NOT_FOUND);
    }
    hip_joint j;
    size_t idx;
    assert_int_equal(hip_pose_joint_from_skeleton(HIP_SKELETON_MEDIAPIPE_POSE33, 23, &j), HIP_OK);
    assert_int_equal(j, HIP_JOINT_HIP_L);
    assert_string_equal(hip_pose_skeleton_joint_name(HIP_SKELETON_MEDIAPIPE_POSE33, 23), "left_hip");
    assert_int_equal(hip_pose_joint_from_skeleton(HIP_SKELETON_MEDIAPIPE_POSE33, 29, &j),
                     HIP_ERR_NOT_FOUND);   /* heel */
    assert_int_equal(hip_pose_joint_from_skeleton(HIP_SKELETON_COCO17, 15, &j), HIP_OK);
    assert_int_equal(j, HIP_JOINT_ANKLE_L);
    assert_int_equal(hip_pose_skeleton_index(HIP_SKELETON_COCO17, HIP_JOINT_PELVIS, &idx),
                     HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_pose_skeleton_index(HIP_SKELETON_APPLE_VISION_2D, HIP_JOINT_PELVIS, &idx),
                     HIP_OK);
    assert_string_equal(hip_pose_skeleton_joint_name(HIP_SKELETON_APPLE_VISION_2D, idx), "root");
    assert_int_equal(hip_pose_skeleton_index(HIP_SKELETON_APPLE_VISION_3D, HIP_JOINT_SPINE_MID, &idx),
                     HIP_OK);
    assert_string_equal(hip_pose_skeleton_joint_name(HIP_SKELETON_APPLE_VISION_3D, idx), "spine");
    for (int k = 0; k < HIPTRACK_JOINT_COUNT; k++)
        assert_string_equal(hip_joint_name((hip_joint)k),
                            hip_pose_skeleton_joint_name(HIP_SKELETON_HIPTRACK, (size_t)k));
    assert_string_equal(hip_joint_name((hip_joint)18), "unknown");
    assert_string_equal(hip_pose_angle_name(HIP_POSE_KNEE_VALGUS_R), "knee_valgus_r");
    assert_string_equal(hip_pose_angle_name((hip_pose_angle)13), "unknown");
    assert_string_equal(hip_pose_view_name(HIP_POSE_VIEW_SIDE), "side");
    assert_string_equal(hip_pose_view_name((hip_pose_view)3), "unknown");
    assert_string_equal(hip_pose_skeleton_name((hip_skeleton)5), "unknown");
    assert_int_equal(hip_pose_skeleton_joint_count((hip_skeleton)5), 0);
    assert_null(hip_pose_skeleton_joint_name((hip_skeleton)5, 0));
    hip_skeleton sk;
    assert_int_equal(hip_pose_skeleton_from_name("openpose", &sk), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_pose_skeleton_from_name(NULL, &sk), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_skeleton_from_name("coco17", NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_joint_from_skeleton(HIP_SKELETON_COCO17, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_joint_from_skeleton((hip_skeleton)9, 0, &j), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_skeleton_index(HIP_SKELETON_COCO17, HIP_JOINT_HEAD, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_skeleton_index(HIP_SKELETON_COCO17, (hip_joint)18, &idx), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_skeleton_index((hip_skeleton)9, HIP_JOINT_HEAD, &idx), HIP_ERR_INVALID);
}

static const synth_angles cases[] = {
    {{0, 0}, {0, 0}, {0, 0}, {0, 0}, 0, 0},
    {{90, 10}, {0, 5}, {0, 0}, {90, 5}, 0, 0},
    {{110, 105}, {15, 20}, {10, -15}, {120, 125}, 35, 30},
    {{-15, 45}, {25, -5}, {-20, 25}, {30, 60}, -10, -120},
    {{60, 0}, {-8, 40}, {30, 0}, {75, 0}, 20, 200},
};

static void test_angles_3d_known(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const synth_angles *s = &cases[c];
        hip_keypoint kp[HIPTRACK_JOINT_COUNT];
        synth_build(s, kp);
        hip_pose_angles a = compute(HIP_SKELETON_HIPTRACK, 3, kp);
        assert_int_equal(a.view, HIP_POSE_VIEW_AUTO);
        for (int side = 0; side < 2; side++) {
            expect_angle(&a, HIP_POSE_HIP_FLEXION_L + side, s->hip_flex[side]);
            expect_angle(&a, HIP_POSE_HIP_ABDUCTION_L + side, s->hip_abd[side]);
            expect_angle(&a, HIP_POSE_KNEE_FLEXION_L + side, s->knee_flex[side]);
            if (s->knee_flex[side] >= 20)
                expect_angle(&a, HIP_POSE_HIP_ROTATION_L + side, s->hip_rot[side]);
            else
                expect_invalid(&a, HIP_POSE_HIP_ROTATION_L + side);
        }
        expect_angle(&a, HIP_POSE_TRUNK_LEAN_SAGITTAL, s->trunk_lean);
        expect_angle(&a, HIP_POSE_TRUNK_LEAN_FRONTAL, 0);
        expect_angle(&a, HIP_POSE_PELVIC_OBLIQUITY, 0);
    }
}

/* Pelvic drop, frontal lean and valgus on hand-placed joints. */
static void test_angles_3d_frontal(void **state)
{
    (void)state;
    synth_angles s = {{0, 0}, {0, 0}, {0, 0}, {0, 0}, 0, 0};
    hip_keypoint kp[HIPTRACK_JOINT_COUNT];
    synth_build(&s, kp);
    /* Right hip 2 cm lower: obliquity atan(0.02/0.2). */
    kp[HIP_JOINT_HIP_R].y -= 0.02f;
    hip_pose_angles a = compute(HIP_SKELETON_HIPTRACK, 3, kp);
    expect_angle(&a, HIP_POSE_PELVIC_OBLIQUITY, atan2(0.02, 0.2) * 180 / 3.14159265358979);
    /* Trunk towards the subject's left (+x when facing the camera). */
    synth_build(&s, kp);
    kp[HIP_JOINT_SPINE_SHOULDER].x += 0.5f * (float)tan(SR(12.0));
    a = compute(HIP_SKELETON_HIPTRACK, 3, kp);
    expect_angle(&a, HIP_POSE_TRUNK_LEAN_FRONTAL, 12);
    /* Knees moved towards the midline by 5 cm: valgus positive on both; outwards: negative. */
    for (int dir = -1; dir <= 1; dir += 2) {
        synth_build(&s, kp);
        kp[HIP_JOINT_KNEE_L].x -= 0.05f * (float)dir;
        kp[HIP_JOINT_KNEE_R].x += 0.05f * (float)dir;
        a = compute(HIP_SKELETON_HIPTRACK, 3, kp);
        double thigh = atan2(0.05, 0.45), shank = atan2(0.05, 0.42);
        double expect = (thigh + shank) * 180 / 3.14159265358979 * dir;
        assert_true(fabs(a.deg[HIP_POSE_KNEE_VALGUS_L] - expect) < 1.0);
        assert_true(fabs(a.deg[HIP_POSE_KNEE_VALGUS_R] - expect) < 1.0);
    }
    /* A thigh pointing at the camera (deep squat) leaves no frontal angle: valgus invalid. */
    s.hip_flex[0] = 85;
    s.knee_flex[0] = 100;
    synth_build(&s, kp);
    a = compute(HIP_SKELETON_HIPTRACK, 3, kp);
    expect_invalid(&a, HIP_POSE_KNEE_VALGUS_L);
    expect_angle(&a, HIP_POSE_KNEE_VALGUS_R, 0);
}

/* The same body in every skeleton's layout gives the same angles (3-D, and 2-D from the front). */
static void test_every_skeleton(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        hip_keypoint canon[HIPTRACK_JOINT_COUNT];
        synth_build(&cases[c], canon);
        hip_pose_angles ref = compute(HIP_SKELETON_HIPTRACK, 3, canon);
        for (int s = 1; s < HIPTRACK_SKELETON_COUNT; s++) {
            hip_skeleton sk = (hip_skeleton)s;
            hip_keypoint kp[HIPTRACK_SKELETON_MAX_JOINTS];
            hip_pose_angles_config cfg;
            hip_pose_angles_config_init(&cfg, sk, 3);
            synth_to_skeleton(canon, sk, cfg.y_down, kp);
            hip_pose_angles a = compute(sk, 3, kp);
            for (int k = 0; k < HIPTRACK_POSE_ANGLE_COUNT; k++) {
                if (!(ref.valid & (1u << k))) continue;
                expect_angle(&a, (hip_pose_angle)k, ref.deg[k]);
            }
        }
    }
    /* MediaPipe's y-down convention is really applied: the same frame read as y-up is upside down. */
    hip_keypoint canon[HIPTRACK_JOINT_COUNT], kp[33];
    synth_build(&cases[1], canon);
    synth_to_skeleton(canon, HIP_SKELETON_MEDIAPIPE_POSE33, 1, kp);
    hip_pose_angles_config cfg;
    hip_pose_angles_config_init(&cfg, HIP_SKELETON_MEDIAPIPE_POSE33, 3);
    assert_int_equal(cfg.y_down, 1);
    cfg.y_down = 0;
    hip_pose_angles a;
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, 33, &a), HIP_OK);
    assert_true(fabs(a.deg[HIP_POSE_TRUNK_LEAN_SAGITTAL]) > 90);   /* upside down */
}

/* 2-D: a camera at the side gives the sagittal angles, one in front the frontal ones. */
static void project(const hip_keypoint *canon, int side_view, int flip, hip_keypoint *out)
{
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) {
        out[j] = canon[j];
        /* Bodies in these tests face +z (yaw 0): the side camera's x is z (or -z). */
        out[j].x = side_view ? canon[j].z * (float)flip : canon[j].x * (float)flip;
        out[j].z = 0;
    }
}

static void test_angles_2d_views(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        synth_angles s = cases[c];
        s.yaw = 0;
        for (int side = 0; side < 2; side++) s.hip_abd[side] = 0, s.hip_rot[side] = 0;
        hip_keypoint canon[HIPTRACK_JOINT_COUNT], kp[HIPTRACK_JOINT_COUNT];
        synth_build(&s, canon);
        for (int flip = -1; flip <= 1; flip += 2) {
            project(canon, 1, flip, kp);
            hip_pose_angles_config cfg;
            hip_pose_angles_config_init(&cfg, HIP_SKELETON_HIPTRACK, 2);
            hip_pose_angles a;
            assert_int_equal(hip_pose_angles_compute(&cfg, kp, HIPTRACK_JOINT_COUNT, &a), HIP_OK);
            assert_int_equal(a.view, HIP_POSE_VIEW_SIDE);
            for (int sd = 0; sd < 2; sd++) {
                expect_angle(&a, HIP_POSE_HIP_FLEXION_L + sd, s.hip_flex[sd]);
                expect_angle(&a, HIP_POSE_KNEE_FLEXION_L + sd, s.knee_flex[sd]);
                expect_invalid(&a, HIP_POSE_HIP_ABDUCTION_L + sd);
                expect_invalid(&a, HIP_POSE_HIP_ROTATION_L + sd);
                expect_invalid(&a, HIP_POSE_KNEE_VALGUS_L + sd);
            }
            expect_angle(&a, HIP_POSE_TRUNK_LEAN_SAGITTAL, s.trunk_lean);
            expect_invalid(&a, HIP_POSE_TRUNK_LEAN_FRONTAL);
            expect_invalid(&a, HIP_POSE_PELVIC_OBLIQUITY);
        }
    }
    /* Front view (and from behind): abduction, frontal lean, obliquity, valgus. */
    synth_angles s = {{0, 0}, {20, -10}, {0, 0}, {0, 0}, 0, 0};
    hip_keypoint canon[HIPTRACK_JOINT_COUNT], kp[HIPTRACK_JOINT_COUNT];
    synth_build(&s, canon);
    canon[HIP_JOINT_HIP_R].y -= 0.02f;
    for (int flip = -1; flip <= 1; flip += 2) {
        project(canon, 0, flip, kp);
        hip_pose_angles a = compute(HIP_SKELETON_HIPTRACK, 2, kp);
        assert_int_equal(a.view, HIP_POSE_VIEW_FRONT);
        expect_angle(&a, HIP_POSE_HIP_ABDUCTION_L, 20);
        assert_true(fabs(a.deg[HIP_POSE_HIP_ABDUCTION_R] + 10) < 2.0);  /* hip moved 2 cm */
        expect_angle(&a, HIP_POSE_PELVIC_OBLIQUITY, atan2(0.02, 0.2) * 180 / 3.14159265358979);
        expect_angle(&a, HIP_POSE_TRUNK_LEAN_FRONTAL, 0);
        expect_angle(&a, HIP_POSE_KNEE_VALGUS_L, 0);
        for (int sd = 0; sd < 2; sd++) {
            expect_invalid(&a, HIP_POSE_HIP_FLEXION_L + sd);
            expect_invalid(&a, HIP_POSE_KNEE_FLEXION_L + sd);
        }
        expect_invalid(&a, HIP_POSE_TRUNK_LEAN_SAGITTAL);
    }
    /* An explicit view overrides AUTO; a side view without toes or bent knees reads magnitudes. */
    synth_angles bent = {{30, 0}, {0, 0}, {0, 0}, {0, 0}, -20, 0};
    synth_build(&bent, canon);
    project(canon, 1, 1, kp);
    kp[HIP_JOINT_FOOT_L].confidence = kp[HIP_JOINT_FOOT_R].confidence = 0;
    hip_pose_angles_config cfg;
    hip_pose_angles_config_init(&cfg, HIP_SKELETON_HIPTRACK, 2);
    cfg.view = HIP_POSE_VIEW_FRONT;
    hip_pose_angles a;
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, HIPTRACK_JOINT_COUNT, &a), HIP_OK);
    assert_int_equal(a.view, HIP_POSE_VIEW_FRONT);
    cfg.view = HIP_POSE_VIEW_SIDE;
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, HIPTRACK_JOINT_COUNT, &a), HIP_OK);
    expect_angle(&a, HIP_POSE_TRUNK_LEAN_SAGITTAL, 20);
    expect_angle(&a, HIP_POSE_HIP_FLEXION_L, 30);
}

/* Normalised image coordinates with x_scale: a 16:9 frame. */
static void test_x_scale_and_vision_2d(void **state)
{
    (void)state;
    synth_angles s = {{70, 0}, {0, 0}, {0, 0}, {80, 0}, 10, 0};
    hip_keypoint canon[HIPTRACK_JOINT_COUNT], side[HIPTRACK_JOINT_COUNT], kp[19];
    synth_build(&s, canon);
    project(canon, 1, 1, side);
    /* Into Vision's normalised coordinates: x / width, y / height, origin bottom left. */
    const double w = 3.2, h = 1.8;
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) {
        side[j].x = (float)((side[j].x + 1.6) / w);
        side[j].y = (float)(side[j].y / h);
    }
    synth_to_skeleton(side, HIP_SKELETON_APPLE_VISION_2D, 0, kp);
    hip_pose_angles_config cfg;
    hip_pose_angles_config_init(&cfg, HIP_SKELETON_APPLE_VISION_2D, 2);
    cfg.view = HIP_POSE_VIEW_SIDE;
    hip_pose_angles a;
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, 19, &a), HIP_OK);
    assert_true(fabs(a.deg[HIP_POSE_HIP_FLEXION_L] - 70) > 2);   /* distorted without x_scale */
    cfg.x_scale = w / h;
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, 19, &a), HIP_OK);
    /* Vision 2-D has no toes: the bent knee tells the facing. */
    expect_angle(&a, HIP_POSE_HIP_FLEXION_L, 70);
    expect_angle(&a, HIP_POSE_KNEE_FLEXION_L, 80);
    expect_angle(&a, HIP_POSE_TRUNK_LEAN_SAGITTAL, 10);
}

static void test_missing_joints(void **state)
{
    (void)state;
    hip_keypoint kp[HIPTRACK_JOINT_COUNT];
    synth_build(&cases[2], kp);
    kp[HIP_JOINT_ANKLE_L].confidence = 0.1f;             /* below min_confidence */
    kp[HIP_JOINT_KNEE_R].x = NAN;                         /* "not detected" marker */
    hip_pose_angles a = compute(HIP_SKELETON_HIPTRACK, 3, kp);
    expect_invalid(&a, HIP_POSE_KNEE_FLEXION_L);
    expect_invalid(&a, HIP_POSE_HIP_ROTATION_L);
    expect_angle(&a, HIP_POSE_HIP_FLEXION_L, cases[2].hip_flex[0]);
    expect_invalid(&a, HIP_POSE_HIP_FLEXION_R);
    expect_invalid(&a, HIP_POSE_KNEE_FLEXION_R);
    expect_angle(&a, HIP_POSE_TRUNK_LEAN_SAGITTAL, cases[2].trunk_lean);
    /* No shoulders and no pelvis in a COCO frame without shoulders: the vertical stands in. */
    synth_angles s = {{40, 0}, {0, 0}, {0, 0}, {10, 0}, 0, 0};
    hip_keypoint canon[HIPTRACK_JOINT_COUNT], coco[17];
    synth_build(&s, canon);
    synth_to_skeleton(canon, HIP_SKELETON_COCO17, 1, coco);
    coco[5].confidence = coco[6].confidence = 0;
    a = compute(HIP_SKELETON_COCO17, 3, coco);
    expect_angle(&a, HIP_POSE_HIP_FLEXION_L, 40);
    expect_invalid(&a, HIP_POSE_TRUNK_LEAN_SAGITTAL);
    /* Without a hip nothing body-relative is left. */
    synth_build(&s, kp);
    kp[HIP_JOINT_HIP_R].confidence = 0;
    a = compute(HIP_SKELETON_HIPTRACK, 3, kp);
    assert_int_equal(a.valid, 0);
    a = compute(HIP_SKELETON_HIPTRACK, 2, kp);
    assert_int_equal(a.valid, 0);
    /* min_confidence 0 takes even confidence-0 joints. */
    synth_build(&s, kp);
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) kp[j].confidence = 0;
    hip_pose_angles_config cfg;
    hip_pose_angles_config_init(&cfg, HIP_SKELETON_HIPTRACK, 3);
    cfg.min_confidence = 0;
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, HIPTRACK_JOINT_COUNT, &a), HIP_OK);
    expect_angle(&a, HIP_POSE_HIP_FLEXION_L, 40);
    /* Every joint at one point: nothing valid, nothing NaN. */
    memset(kp, 0, sizeof kp);
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) kp[j].confidence = 1;
    for (uint32_t dims = 2; dims <= 3; dims++) {
        a = compute(HIP_SKELETON_HIPTRACK, dims, kp);
        for (int k = 0; k < HIPTRACK_POSE_ANGLE_COUNT; k++) assert_true(a.deg[k] == a.deg[k]);
    }
}

static void test_canonical_and_derived(void **state)
{
    (void)state;
    hip_keypoint canon[HIPTRACK_JOINT_COUNT], mp[33], out[HIPTRACK_JOINT_COUNT];
    synth_build(&cases[1], canon);
    synth_to_skeleton(canon, HIP_SKELETON_MEDIAPIPE_POSE33, 1, mp);
    mp[11].confidence = 0.6f;
    hip_pose_angles_config cfg;
    hip_pose_angles_config_init(&cfg, HIP_SKELETON_MEDIAPIPE_POSE33, 3);
    assert_int_equal(hip_pose_to_canonical(&cfg, mp, 33, out), HIP_OK);
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) {
        assert_true(fabs(out[j].x - canon[j].x) < 1e-5);
        assert_true(fabs(out[j].y - canon[j].y) < 1e-5);
        assert_true(fabs(out[j].z - canon[j].z) < 1e-5);
    }
    assert_true(out[HIP_JOINT_SPINE_SHOULDER].confidence == 0.6f);   /* the smaller source */
    assert_true(out[HIP_JOINT_PELVIS].confidence == 1.0f);
    /* 2-D: z ignored, set to 0. */
    cfg.dims = 2;
    assert_int_equal(hip_pose_to_canonical(&cfg, mp, 33, out), HIP_OK);
    assert_true(out[HIP_JOINT_KNEE_L].z == 0.0f);
    /* Missing source: no derived joint. */
    mp[23].confidence = 0;
    assert_int_equal(hip_pose_to_canonical(&cfg, mp, 33, out), HIP_OK);
    assert_true(out[HIP_JOINT_PELVIS].confidence == 0.0f);
    assert_true(out[HIP_JOINT_HIP_L].confidence == 0.0f);
}

static void test_config_and_errors(void **state)
{
    (void)state;
    hip_pose_angles_config cfg;
    char msg[128];
    hip_keypoint kp[HIPTRACK_JOINT_COUNT];
    hip_keypoint out[HIPTRACK_JOINT_COUNT];
    synth_build(&cases[0], kp);
    hip_pose_angles a;
    hip_pose_angles_config_init(&cfg, HIP_SKELETON_HIPTRACK, 3);
    assert_int_equal(hip_pose_angles_config_check(&cfg, msg, sizeof msg), HIP_OK);
    assert_string_equal(msg, "");
    assert_int_equal(hip_pose_angles_compute(NULL, kp, 18, &a), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_angles_compute(&cfg, NULL, 18, &a), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, 18, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, 17, &a), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_to_canonical(&cfg, kp, 18, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_to_canonical(NULL, kp, 18, out), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_angles_config_check(NULL, msg, sizeof msg), HIP_ERR_INVALID);
    hip_pose_angles_config_init(NULL, HIP_SKELETON_HIPTRACK, 3);
#define BAD(stmt, field)                                                                          \
    do {                                                                                          \
        hip_pose_angles_config_init(&cfg, HIP_SKELETON_HIPTRACK, 3);                              \
        stmt;                                                                                     \
        assert_int_equal(hip_pose_angles_config_check(&cfg, msg, sizeof msg), HIP_ERR_INVALID);   \
        assert_non_null(strstr(msg, field));                                                      \
        assert_int_equal(hip_pose_angles_compute(&cfg, kp, 18, &a), HIP_ERR_INVALID);             \
        assert_int_equal(hip_pose_angles_config_check(&cfg, NULL, 0), HIP_ERR_INVALID);           \
    } while (0)
    BAD(cfg.struct_size = 4, "struct_size");
    BAD(cfg.skeleton = (hip_skeleton)5, "skeleton");
    BAD(cfg.dims = 1, "dims");
    BAD(cfg.dims = 4, "dims");
    BAD(cfg.y_down = 2, "y_down");
    BAD(cfg.x_scale = 0, "x_scale");
    BAD(cfg.x_scale = NAN, "x_scale");
    BAD(cfg.min_confidence = 1.5, "min_confidence");
    BAD(cfg.min_confidence = -0.1, "min_confidence");
    BAD(cfg.view = (hip_pose_view)3, "view");
    BAD(cfg.rotation_min_knee_deg = 1, "rotation_min_knee_deg");
#undef BAD
    /* A refused call leaves the output alone. */
    memset(&a, 0x5a, sizeof a);
    hip_pose_angles before = a;
    hip_pose_angles_config_init(&cfg, HIP_SKELETON_HIPTRACK, 3);
    assert_int_equal(hip_pose_angles_compute(&cfg, kp, 5, &a), HIP_ERR_INVALID);
    assert_memory_equal(&a, &before, sizeof a);
}

/* ---- the streaming counter ---- */

#define FPS 30
#define REP_S 2.5
#define REST_S 1.5

typedef struct stream_params {
    int reps;
    double hip_deg, knee_deg;      /* peak flexion of both legs (right side scaled by right_scale) */
    double right_scale;
    double lean0, lean_deg;        /* trunk lean at rest and added at depth */
    double drop_deg;               /* right hip lowered at depth by this obliquity */
    double valgus_m;               /* knees moved medially at depth, metres */
    double yaw;
} stream_params;

static uint32_t lcg_state = 1;
static double noise(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;
    return ((double)(lcg_state >> 8) / 16777216.0 - 0.5);
}

static size_t stream_frames(const stream_params *sp)
{
    return (size_t)((REST_S + sp->reps * (REP_S + REST_S)) * FPS);
}

/* Frame k of a stream of squats: rest, then reps separated by rests. */
static void stream_frame(const stream_params *sp, size_t k, int64_t *t_ns, hip_keypoint *kp)
{
    double t = (double)k / FPS;
    *t_ns = (int64_t)k * 1000000000 / FPS + 5000000000LL;
    double u = t - REST_S, depth = 0;
    if (u > 0) {
        double cyc = fmod(u, REP_S + REST_S);
        if (u < sp->reps * (REP_S + REST_S) && cyc < REP_S)
            depth = 0.5 - 0.5 * cos(2 * 3.14159265358979 * cyc / REP_S);
    }
    synth_angles s = {{sp->hip_deg * depth, sp->hip_deg * depth * sp->right_scale},
                      {0, 0}, {0, 0},
                      {sp->knee_deg * depth, sp->knee_deg * depth * sp->right_scale},
                      sp->lean0 + sp->lean_deg * depth, sp->yaw};
    synth_build(&s, kp);
    double yw = SR(sp->yaw);
    /* Medial knee shift along the body's left axis (x before yaw). */
    kp[HIP_JOINT_KNEE_L].x -= (float)(sp->valgus_m * depth * cos(yw));
    kp[HIP_JOINT_KNEE_L].z += (float)(sp->valgus_m * depth * sin(yw));
    kp[HIP_JOINT_KNEE_R].x += (float)(sp->valgus_m * depth * cos(yw));
    kp[HIP_JOINT_KNEE_R].z -= (float)(sp->valgus_m * depth * sin(yw));
    kp[HIP_JOINT_HIP_R].y -= (float)(0.2 * tan(SR(sp->drop_deg)) * depth);
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) {
        kp[j].x += (float)(0.002 * noise());
        kp[j].y += (float)(0.002 * noise());
        kp[j].z += (float)(0.002 * noise());
    }
}

static const stream_params plain = {6, 90, 100, 1.0, 10, 20, 0, 0, 30};

static hip_pose_reps *new_counter(const char *exercise_id, uint32_t dims)
{
    hip_pose_reps_config cfg;
    hip_pose_reps_config_init(&cfg, HIP_SKELETON_HIPTRACK, dims);
    if (exercise_id) {
        hip_catalog *cat = NULL;
        hip_exercise ex;
        assert_int_equal(hip_catalog_create(NULL, &cat), HIP_OK);
        assert_int_equal(hip_catalog_find(cat, exercise_id, &ex), HIP_OK);
        hip_catalog_destroy(cat);
        assert_int_equal(hip_pose_reps_config_for_exercise(&cfg, &ex), HIP_OK);
    }
    hip_pose_reps *p = NULL;
    assert_int_equal(hip_pose_reps_create(&cfg, &p), HIP_OK);
    return p;
}

/* Runs a whole stream frame by frame (frames where drop(k) is true lose their knees); returns
 * the events. */
typedef int (*drop_fn)(size_t k);
static size_t run_stream(hip_pose_reps *p, const stream_params *sp, drop_fn drop,
                         hip_pose_rep_event *ev, size_t cap)
{
    size_t n = 0, frames = stream_frames(sp);
    lcg_state = 7;
    for (size_t k = 0; k < frames; k++) {
        int64_t t;
        hip_keypoint kp[HIPTRACK_JOINT_COUNT];
        stream_frame(sp, k, &t, kp);
        if (drop && drop(k)) {
            kp[HIP_JOINT_KNEE_L].confidence = kp[HIP_JOINT_KNEE_R].confidence = 0;
        }
        assert_int_equal(hip_pose_reps_push(p, t, kp, HIPTRACK_JOINT_COUNT), HIP_OK);
        while (n < cap && hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    }
    assert_int_equal(hip_pose_reps_finish(p), HIP_OK);
    while (n < cap && hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    return n;
}

static void test_counter_counts(void **state)
{
    (void)state;
    hip_pose_rep_event ev[32];
    hip_pose_reps *p = new_counter(NULL, 3);
    hip_pose_angles a;
    assert_int_equal(hip_pose_reps_last_angles(p, &a, NULL, NULL), HIP_ERR_NOT_FOUND);
    size_t n = run_stream(p, &plain, NULL, ev, 32);
    assert_int_equal(n, (size_t)plain.reps);
    for (size_t i = 0; i < n; i++) {
        double start = 5.0 + REST_S + (double)i * (REP_S + REST_S);
        assert_true(fabs((double)ev[i].rep.start_ns * 1e-9 - start) < 0.6);
        assert_true(fabs((double)ev[i].rep.end_ns * 1e-9 - (start + REP_S)) < 0.6);
        assert_true(ev[i].rep.excursion_deg > 80 && ev[i].rep.excursion_deg < 110);
        assert_int_equal(ev[i].pose_flags, 0);
        assert_true(ev[i].measured & HIP_POSE_MEASURED_TRUNK_LEAN);
        assert_true(fabs(ev[i].trunk_lean_max_deg - 30) < 2);
        assert_true(ev[i].excursion_l_deg > 85 && ev[i].excursion_l_deg < 103);
    }
    double sig;
    int valid;
    assert_int_equal(hip_pose_reps_last_angles(p, &a, &sig, &valid), HIP_OK);
    assert_int_equal(valid, 1);
    assert_true(fabs(sig) < 3);
    assert_int_equal(hip_pose_reps_joint_count(p), 18);
    /* Reset: the same stream gives the same events. */
    hip_pose_rep_event ev2[32];
    assert_int_equal(hip_pose_reps_reset(p), HIP_OK);
    assert_int_equal(run_stream(p, &plain, NULL, ev2, 32), n);
    assert_memory_equal(ev, ev2, n * sizeof ev[0]);
    hip_pose_reps_destroy(p);
    /* With the catalog's squat, and from a 2-D side camera. */
    p = new_counter("squat", 3);
    assert_int_equal(run_stream(p, &plain, NULL, ev, 32), (size_t)plain.reps);
    hip_pose_reps_destroy(p);
}

static void test_counter_2d_side(void **state)
{
    (void)state;
    hip_pose_reps_config cfg;
    hip_pose_reps_config_init(&cfg, HIP_SKELETON_HIPTRACK, 2);
    hip_pose_reps *p = NULL;
    assert_int_equal(hip_pose_reps_create(&cfg, &p), HIP_OK);
    stream_params sp = plain;
    sp.yaw = 0;
    size_t n = 0, frames = stream_frames(&sp);
    hip_pose_rep_event ev[32];
    lcg_state = 3;
    for (size_t k = 0; k < frames; k++) {
        int64_t t;
        hip_keypoint kp[HIPTRACK_JOINT_COUNT], side[HIPTRACK_JOINT_COUNT];
        stream_frame(&sp, k, &t, kp);
        project(kp, 1, -1, side);
        assert_int_equal(hip_pose_reps_push(p, t, side, HIPTRACK_JOINT_COUNT), HIP_OK);
        while (hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    }
    assert_int_equal(hip_pose_reps_finish(p), HIP_OK);
    while (hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    assert_int_equal(n, (size_t)sp.reps);
    hip_pose_angles a;
    assert_int_equal(hip_pose_reps_last_angles(p, &a, NULL, NULL), HIP_OK);
    assert_int_equal(a.view, HIP_POSE_VIEW_SIDE);
    hip_pose_reps_destroy(p);
}

/* 2-D front view, limb flexion: movements in depth are seen through the heights they change. A
 * standing body seen from the front; frame k lowers everything above the ankles by drop x the leg
 * length (thighs and shanks keep their image length and direction, so the foreshortening
 * estimate sees nothing) and raises the left ankle by lift x the leg length. */
static void front_frame(double drop, double lift, size_t k, int64_t *t_ns, hip_keypoint *kp)
{
    synth_angles s;
    memset(&s, 0, sizeof s);
    hip_keypoint canon[HIPTRACK_JOINT_COUNT];
    synth_build(&s, canon);
    project(canon, 0, 1, kp);
    const double leg = 0.87;   /* hip to ankle in synth_build */
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++)
        if (j != HIP_JOINT_ANKLE_L && j != HIP_JOINT_ANKLE_R && j != HIP_JOINT_FOOT_L &&
            j != HIP_JOINT_FOOT_R)
            kp[j].y -= (float)(drop * leg);
    kp[HIP_JOINT_ANKLE_L].y += (float)(lift * leg);
    kp[HIP_JOINT_FOOT_L].y += (float)(lift * leg);
    *t_ns = (int64_t)k * 1000000000 / FPS;
}

static double front_signal(hip_pose_reps *p, double drop, double lift, size_t k)
{
    int64_t t;
    hip_keypoint kp[HIPTRACK_JOINT_COUNT];
    front_frame(drop, lift, k, &t, kp);
    assert_int_equal(hip_pose_reps_push(p, t, kp, HIPTRACK_JOINT_COUNT), HIP_OK);
    hip_pose_angles a;
    double sig = -1;
    int valid = 0;
    assert_int_equal(hip_pose_reps_last_angles(p, &a, &sig, &valid), HIP_OK);
    assert_int_equal(a.view, HIP_POSE_VIEW_FRONT);
    assert_int_equal(valid, 1);
    return sig;
}

static void test_counter_2d_front(void **state)
{
    (void)state;
    hip_pose_reps *p = new_counter(NULL, 2);
    size_t k = 0;
    for (; k < 30; k++) assert_true(fabs(front_signal(p, 0, 0, k)) < 0.5);
    /* The pelvis 0.2 leg lengths lower: 2 acos(0.8); one ankle half a leg length up: acos(0.5). */
    for (int i = 0; i < 3; i++, k++) front_signal(p, 0.2, 0, k);
    assert_true(fabs(front_signal(p, 0.2, 0, k++) - 2 * acos(0.8) * 180 / 3.14159265358979) < 0.5);
    for (int i = 0; i < 3; i++, k++) front_signal(p, 0, 0.5, k);
    assert_true(fabs(front_signal(p, 0, 0.5, k++) - 60) < 0.5);
    /* A stance that settles 0.1 leg lengths lower is the new standing height within seconds. */
    for (int i = 0; i < 8 * FPS; i++, k++) front_signal(p, 0.1, 0, k);
    assert_true(front_signal(p, 0.1, 0, k++) < 1);
    hip_pose_reps_destroy(p);

    /* Counting: six reps lowering the pelvis by a quarter of the leg, with rests between. */
    p = new_counter("squat", 2);
    hip_pose_rep_event ev[32];
    size_t n = 0;
    stream_params sp = plain;
    size_t frames = stream_frames(&sp);
    for (k = 0; k < frames; k++) {
        double u = (double)k / FPS - REST_S, depth = 0, cyc = fmod(u, REP_S + REST_S);
        if (u > 0 && u < sp.reps * (REP_S + REST_S) && cyc < REP_S)
            depth = 0.5 - 0.5 * cos(2 * 3.14159265358979 * cyc / REP_S);
        int64_t t;
        hip_keypoint kp[HIPTRACK_JOINT_COUNT];
        front_frame(0.25 * depth, 0, k, &t, kp);
        assert_int_equal(hip_pose_reps_push(p, t, kp, HIPTRACK_JOINT_COUNT), HIP_OK);
        while (n < 32 && hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    }
    assert_int_equal(hip_pose_reps_finish(p), HIP_OK);
    while (n < 32 && hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    assert_int_equal(n, (size_t)sp.reps);
    /* 2 acos(0.75) = 82.8 degrees, less the standing height's slow sink by the bottom (2 acos
     * (0.775) = 78.5) and the engine's smoothing. */
    for (size_t i = 0; i < n; i++)
        assert_true(ev[i].rep.excursion_deg > 65 && ev[i].rep.excursion_deg < 80);
    hip_pose_reps_destroy(p);
}

/* Pushing in any chunks gives the same events. */
static void test_counter_chunking(void **state)
{
    (void)state;
    size_t frames = stream_frames(&plain);
    int64_t *t = malloc(frames * sizeof *t);
    hip_keypoint *kp = malloc(frames * HIPTRACK_JOINT_COUNT * sizeof *kp);
    assert_non_null(t);
    assert_non_null(kp);
    lcg_state = 7;
    for (size_t k = 0; k < frames; k++) stream_frame(&plain, k, &t[k], kp + k * HIPTRACK_JOINT_COUNT);
    /* Knees lost for a few frames: the gap filler is part of what must not depend on chunks. */
    for (size_t k = 100; k < 105; k++) kp[k * HIPTRACK_JOINT_COUNT + HIP_JOINT_KNEE_L].confidence = 0;
    for (size_t k = 100; k < 105; k++) kp[k * HIPTRACK_JOINT_COUNT + HIP_JOINT_KNEE_R].confidence = 0;
    hip_pose_rep_event ref[32], got[32];
    size_t nref = 0;
    static const size_t chunks[] = {0, 1, 7, 64, 100000};
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
        hip_pose_reps *p = new_counter(NULL, 3);
        size_t n = 0, done = 0;
        while (done < frames) {
            size_t want = chunks[c] ? chunks[c] : 1 + (done * 7919) % 37;
            if (want > frames - done) want = frames - done;
            size_t used = 0;
            assert_int_equal(hip_pose_reps_push_block(p, t + done, kp + done * HIPTRACK_JOINT_COUNT, want,
                                                      HIPTRACK_JOINT_COUNT, &used), HIP_OK);
            done += used;
            while (hip_pose_reps_next_event(p, &got[n]) == HIP_OK) n++;
        }
        assert_int_equal(hip_pose_reps_finish(p), HIP_OK);
        while (hip_pose_reps_next_event(p, &got[n]) == HIP_OK) n++;
        if (c == 0) {
            nref = n;
            memcpy(ref, got, n * sizeof *got);
            assert_int_equal(nref, (size_t)plain.reps);
        } else {
            assert_int_equal(n, nref);
            assert_memory_equal(ref, got, n * sizeof *got);
        }
        hip_pose_reps_destroy(p);
    }
    free(t);
    free(kp);
}

/* The second rep spans frames 165-240, the rest after it 240-285. */
static int drop_short(size_t k) { return k >= 190 && k < 196; }   /* 0.2 s in the second rep */
static int drop_long(size_t k) { return k >= 180 && k < 225; }    /* 1.5 s in the second rep */
static int drop_rest(size_t k) { return k >= 245 && k < 280; }    /* 1.2 s in the rest after it */

static void test_counter_gaps(void **state)
{
    (void)state;
    hip_pose_rep_event ref[32], ev[32];
    hip_pose_reps *p = new_counter(NULL, 3);
    size_t nref = run_stream(p, &plain, NULL, ref, 32);
    /* A short gap is interpolated: the same reps, at nearly the same times. */
    assert_int_equal(hip_pose_reps_reset(p), HIP_OK);
    size_t n = run_stream(p, &plain, drop_short, ev, 32);
    assert_int_equal(n, nref);
    for (size_t i = 0; i < n; i++)
        assert_true(llabs(ev[i].rep.end_ns - ref[i].rep.end_ns) < 100000000);
    /* A long gap in the middle of a rep loses that rep, not the others. */
    assert_int_equal(hip_pose_reps_reset(p), HIP_OK);
    n = run_stream(p, &plain, drop_long, ev, 32);
    assert_int_equal(n, nref - 1);
    /* A long gap while resting loses nothing. */
    assert_int_equal(hip_pose_reps_reset(p), HIP_OK);
    n = run_stream(p, &plain, drop_rest, ev, 32);
    assert_int_equal(n, nref);
    /* During a gap the frame has no signal. */
    assert_int_equal(hip_pose_reps_reset(p), HIP_OK);
    hip_keypoint kp[HIPTRACK_JOINT_COUNT];
    int64_t t;
    stream_frame(&plain, 0, &t, kp);
    kp[HIP_JOINT_KNEE_L].confidence = kp[HIP_JOINT_KNEE_R].confidence = 0;
    assert_int_equal(hip_pose_reps_push(p, t, kp, HIPTRACK_JOINT_COUNT), HIP_OK);
    int valid = 1;
    double sig = 1;
    hip_pose_angles a;
    assert_int_equal(hip_pose_reps_last_angles(p, &a, &sig, &valid), HIP_OK);
    assert_int_equal(valid, 0);
    assert_true(sig == 0);
    hip_pose_reps_destroy(p);
}

/* Kinect-style spikes: an ankle a metre off for two frames now and then changes nothing. */
static void test_counter_spikes(void **state)
{
    (void)state;
    hip_pose_rep_event ref[32], ev[32];
    hip_pose_reps *p = new_counter(NULL, 3);
    size_t nref = run_stream(p, &plain, NULL, ref, 32);
    assert_int_equal(hip_pose_reps_reset(p), HIP_OK);
    size_t n = 0, frames = stream_frames(&plain);
    lcg_state = 7;
    for (size_t k = 0; k < frames; k++) {
        int64_t t;
        hip_keypoint kp[HIPTRACK_JOINT_COUNT];
        stream_frame(&plain, k, &t, kp);
        if (k % 50 == 20 || k % 50 == 21) {
            kp[HIP_JOINT_ANKLE_L].y += 1.0f;
            kp[HIP_JOINT_FOOT_L].z += 1.0f;
        }
        assert_int_equal(hip_pose_reps_push(p, t, kp, HIPTRACK_JOINT_COUNT), HIP_OK);
        while (hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    }
    assert_int_equal(hip_pose_reps_finish(p), HIP_OK);
    while (hip_pose_reps_next_event(p, &ev[n]) == HIP_OK) n++;
    assert_int_equal(n, nref);
    hip_pose_reps_destroy(p);
}

static void test_counter_compensation(void **state)
{
    (void)state;
    hip_pose_rep_event ev[32];
    struct { stream_params sp; const char *exercise; uint32_t flag; } cases_c[] = {
        {{4, 90, 100, 1.0, 10, 50, 0, 0, 0}, NULL, HIP_POSE_FLAG_TRUNK_LEAN},
        {{4, 90, 100, 1.0, 10, 20, 9, 0, 0}, NULL, HIP_POSE_FLAG_PELVIC_DROP},
        {{4, 40, 60, 1.0, 10, 10, 0, 0.06, 0}, NULL, HIP_POSE_FLAG_KNEE_VALGUS},
        {{4, 90, 100, 0.5, 10, 20, 0, 0, 0}, "squat", HIP_POSE_FLAG_ASYMMETRY},
    };
    for (size_t c = 0; c < sizeof cases_c / sizeof cases_c[0]; c++) {
        hip_pose_reps *p = new_counter(cases_c[c].exercise, 3);
        size_t n = run_stream(p, &cases_c[c].sp, NULL, ev, 32);
        assert_int_equal(n, (size_t)cases_c[c].sp.reps);
        for (size_t i = 0; i < n; i++)
            if (ev[i].pose_flags != cases_c[c].flag)
                fail_msg("case %zu rep %zu: flags %u, expected %u (lean %.1f, pelvis %.1f, valgus %.1f, "
                         "L %.1f R %.1f)", c, i, ev[i].pose_flags, cases_c[c].flag, ev[i].trunk_lean_max_deg,
                         ev[i].pelvic_change_max_deg, ev[i].knee_valgus_max_deg, ev[i].excursion_l_deg,
                         ev[i].excursion_r_deg);
        hip_pose_reps_destroy(p);
        /* The same movement without the compensation: no flag. */
        stream_params clean = cases_c[c].sp;
        clean.lean_deg = 20;
        clean.drop_deg = 0;
        clean.valgus_m = 0;
        clean.right_scale = 1;
        p = new_counter(cases_c[c].exercise, 3);
        n = run_stream(p, &clean, NULL, ev, 32);
        assert_int_equal(n, (size_t)clean.reps);
        for (size_t i = 0; i < n; i++) assert_int_equal(ev[i].pose_flags, 0);
        hip_pose_reps_destroy(p);
    }
    /* Asymmetry is judged only for bilateral exercises: auto leaves it out. */
    stream_params uneven = {4, 90, 100, 0.5, 10, 20, 0, 0, 0};
    hip_pose_reps *p = new_counter(NULL, 3);
    size_t n = run_stream(p, &uneven, NULL, ev, 32);
    assert_int_equal(n, 4);
    assert_int_equal(ev[0].pose_flags, 0);
    assert_true(ev[0].excursion_r_deg < 0.6 * ev[0].excursion_l_deg);
    hip_pose_reps_destroy(p);
    assert_string_equal(hip_pose_flag_name(HIP_POSE_FLAG_KNEE_VALGUS), "knee_valgus");
    assert_string_equal(hip_pose_flag_name((hip_pose_flag)64), "unknown");
}

static void test_exercise_rules(void **state)
{
    (void)state;
    hip_catalog *cat = NULL;
    assert_int_equal(hip_catalog_create(NULL, &cat), HIP_OK);
    struct { const char *id; hip_pose_need need; int signal; } rules[] = {
        {"squat", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_LIMB_FLEXION},
        {"lunge", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_LIMB_FLEXION},
        {"sit_to_stand", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_HIP_FLEXION},
        {"bridge", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_HIP_FLEXION},
        {"straight_leg_raise", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_LIMB_FLEXION},
        {"hip_hinge", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_TRUNK_LEAN},
        {"seated_knee_extension", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_KNEE_FLEXION},
        {"standing_hip_abduction", HIP_POSE_NEED_FRONT, HIP_POSE_SIGNAL_HIP_ABDUCTION},
        {"clamshell", HIP_POSE_NEED_3D, HIP_POSE_SIGNAL_HIP_ROTATION},
        {"single_leg_stance", HIP_POSE_NEED_SIDE, HIP_POSE_SIGNAL_LIMB_FLEXION},
        {"heel_raise", HIP_POSE_NEED_UNTRACKABLE, -1},
        {"walking", HIP_POSE_NEED_UNTRACKABLE, -1},
        {"stationary_cycling", HIP_POSE_NEED_UNTRACKABLE, -1},
    };
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        hip_exercise ex;
        assert_int_equal(hip_catalog_find(cat, rules[i].id, &ex), HIP_OK);
        assert_int_equal(hip_pose_need_for_exercise(&ex), rules[i].need);
        hip_pose_signal sig;
        hip_status st = hip_pose_signal_for_exercise(&ex, &sig);
        hip_pose_reps_config cfg, before;
        hip_pose_reps_config_init(&cfg, HIP_SKELETON_COCO17, 2);
        before = cfg;
        hip_status cst = hip_pose_reps_config_for_exercise(&cfg, &ex);
        if (rules[i].signal < 0) {
            assert_int_equal(st, HIP_ERR_UNSUPPORTED);
            assert_int_equal(cst, HIP_ERR_UNSUPPORTED);
            assert_memory_equal(&cfg, &before, sizeof cfg);
            continue;
        }
        assert_int_equal(st, HIP_OK);
        assert_int_equal(sig, rules[i].signal);
        if (rules[i].need == HIP_POSE_NEED_3D) {
            assert_int_equal(cst, HIP_ERR_UNSUPPORTED);   /* 2-D keypoints */
            hip_pose_reps_config_init(&cfg, HIP_SKELETON_APPLE_VISION_3D, 3);
            cst = hip_pose_reps_config_for_exercise(&cfg, &ex);
        }
        assert_int_equal(cst, HIP_OK);
        assert_int_equal(cfg.signal, rules[i].signal);
        assert_int_equal(hip_pose_reps_config_check(&cfg, NULL, 0), HIP_OK);
        assert_int_equal((cfg.checks & HIP_POSE_FLAG_ASYMMETRY) != 0,
                         ex.sidedness == HIP_SIDEDNESS_BILATERAL);
    }
    hip_catalog_destroy(cat);
    assert_int_equal(hip_pose_need_for_exercise(NULL), HIP_POSE_NEED_UNTRACKABLE);
    hip_pose_signal sig;
    assert_int_equal(hip_pose_signal_for_exercise(NULL, &sig), HIP_ERR_INVALID);
    assert_string_equal(hip_pose_need_name(HIP_POSE_NEED_3D), "3d");
    assert_string_equal(hip_pose_need_name((hip_pose_need)4), "unknown");
    assert_string_equal(hip_pose_signal_name(HIP_POSE_SIGNAL_TRUNK_LEAN), "trunk_lean");
    assert_string_equal(hip_pose_signal_name((hip_pose_signal)6), "unknown");
    hip_pose_reps_config cfg;
    hip_pose_reps_config_init(&cfg, HIP_SKELETON_COCO17, 2);
    assert_int_equal(hip_pose_reps_config_for_exercise(&cfg, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_config_for_exercise(NULL, NULL), HIP_ERR_INVALID);
}

static void free_only(void *opaque, void *ptr)
{
    (void)opaque;
    free(ptr);
}

static void test_counter_errors(void **state)
{
    (void)state;
    hip_pose_reps_config cfg;
    char msg[160];
    hip_pose_reps *p = NULL;
    assert_int_equal(hip_pose_reps_create(NULL, &p), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_create(&cfg, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_config_check(NULL, msg, sizeof msg), HIP_ERR_INVALID);
    hip_pose_reps_config_init(NULL, HIP_SKELETON_HIPTRACK, 3);
#define BAD(stmt, field)                                                                            \
    do {                                                                                            \
        hip_pose_reps_config_init(&cfg, HIP_SKELETON_HIPTRACK, 3);                                  \
        stmt;                                                                                       \
        assert_int_equal(hip_pose_reps_config_check(&cfg, msg, sizeof msg), HIP_ERR_INVALID);       \
        if (!strstr(msg, field)) fail_msg("message '%s' does not name %s", msg, field);             \
        assert_int_equal(hip_pose_reps_create(&cfg, &p), HIP_ERR_INVALID);                          \
        assert_null(p);                                                                             \
    } while (0)
    BAD(cfg.struct_size = 8, "struct_size");
    BAD(cfg.allocator.free = free_only, "allocator");
    BAD(cfg.angles.dims = 5, "angles.dims");
    BAD(cfg.reps.struct_size = 0, "reps.struct_size");
    BAD(cfg.reps.reference_reps = 9, "reps.reference_reps");
    BAD(cfg.signal = (hip_pose_signal)6, "signal");
    BAD(cfg.angles.dims = 2; cfg.signal = HIP_POSE_SIGNAL_HIP_ROTATION, "signal");
    BAD(cfg.gap_fill_s = 1.5, "gap_fill_s");
    BAD(cfg.median_window = 4, "median_window");
    BAD(cfg.median_window = 11, "median_window");
    BAD(cfg.history_frames = 10, "history_frames");
    BAD(cfg.checks = 16, "checks");
    BAD(cfg.trunk_lean_max_deg = -1, "trunk_lean_max_deg");
    BAD(cfg.trunk_lateral_max_deg = NAN, "trunk_lateral_max_deg");
    BAD(cfg.pelvic_change_max_deg = 91, "pelvic_change_max_deg");
    BAD(cfg.knee_valgus_max_deg = 100, "knee_valgus_max_deg");
    BAD(cfg.asymmetry_min_ratio = 2, "asymmetry_min_ratio");
#undef BAD
    hip_pose_reps_config_init(&cfg, HIP_SKELETON_HIPTRACK, 3);
    assert_int_equal(hip_pose_reps_config_check(&cfg, msg, sizeof msg), HIP_OK);
    assert_int_equal(hip_pose_reps_create(&cfg, &p), HIP_OK);
    hip_keypoint kp[HIPTRACK_JOINT_COUNT];
    int64_t t;
    stream_frame(&plain, 0, &t, kp);
    assert_int_equal(hip_pose_reps_push(NULL, t, kp, 18), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_push(p, t, NULL, 18), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_push(p, t, kp, 17), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_pose_reps_last_error(p), "count"));
    assert_int_equal(hip_pose_reps_push(p, t, kp, 18), HIP_OK);
    assert_int_equal(hip_pose_reps_push(p, t, kp, 18), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_pose_reps_last_error(p), "t_ns"));
    size_t used = 99;
    int64_t ts[2] = {t + 1000, t - 5};
    hip_keypoint two[36];
    memcpy(two, kp, sizeof kp);
    memcpy(two + 18, kp, sizeof kp);
    assert_int_equal(hip_pose_reps_push_block(p, ts, two, 2, 18, &used), HIP_ERR_RANGE);
    assert_int_equal(used, 1);
    assert_int_equal(hip_pose_reps_push_block(p, NULL, two, 2, 18, &used), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_push_block(p, ts, two, 0, 18, &used), HIP_OK);
    assert_int_equal(used, 0);
    assert_int_equal(hip_pose_reps_push_block(NULL, ts, two, 1, 18, &used), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_finish(NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_reset(NULL), HIP_ERR_INVALID);
    hip_pose_rep_event e;
    assert_int_equal(hip_pose_reps_next_event(NULL, &e), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_next_event(p, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_next_event(p, &e), HIP_DONE);
    assert_int_equal(hip_pose_reps_pending_events(NULL), 0);
    assert_int_equal(hip_pose_reps_joint_count(NULL), 0);
    assert_string_equal(hip_pose_reps_last_error(NULL), "");
    hip_pose_angles a;
    assert_int_equal(hip_pose_reps_last_angles(NULL, &a, NULL, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_pose_reps_last_angles(p, NULL, NULL, NULL), HIP_ERR_INVALID);
    hip_pose_reps_destroy(p);
    hip_pose_reps_destroy(NULL);

    /* A full queue refuses frames (nothing consumed) until drained. */
    stream_params many = plain;
    many.reps = 40;
    p = new_counter(NULL, 3);
    size_t frames = stream_frames(&many), k = 0, got = 0;
    hip_status st = HIP_OK;
    lcg_state = 7;
    for (; k < frames; k++) {
        stream_frame(&many, k, &t, kp);
        st = hip_pose_reps_push(p, t, kp, 18);
        if (st != HIP_OK) break;
    }
    assert_int_equal(st, HIP_ERR_BUFSIZE);
    assert_int_equal(hip_pose_reps_pending_events(p), HIPTRACK_POSE_QUEUE - HIPTRACK_POSE_PUSH_ROOM + 1);
    while (hip_pose_reps_next_event(p, &e) == HIP_OK) got++;
    for (; k < frames; k++) {
        stream_frame(&many, k, &t, kp);
        assert_int_equal(hip_pose_reps_push(p, t, kp, 18), HIP_OK);
        while (hip_pose_reps_next_event(p, &e) == HIP_OK) got++;
    }
    assert_int_equal(hip_pose_reps_finish(p), HIP_OK);
    while (hip_pose_reps_next_event(p, &e) == HIP_OK) got++;
    assert_int_equal(got, 40);
    hip_pose_reps_destroy(p);
}

static void test_counter_alloc_failure(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_test_alloc_reset(&as, -1);
    hip_pose_reps_config cfg;
    hip_pose_reps_config_init(&cfg, HIP_SKELETON_MEDIAPIPE_POSE33, 2);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_pose_reps *p = NULL;
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_pose_reps_create(&cfg, &p), p == NULL && as.outstanding == 0);
    assert_true(as.failures >= 2);
    assert_int_equal(hip_pose_reps_joint_count(p), 33);
    hip_pose_reps_destroy(p);
    assert_int_equal(as.outstanding, 0);
}

/* Absurd coordinates (near the float range, infinite) are taken without NaN reaching the engine. */
static void test_counter_absurd_values(void **state)
{
    (void)state;
    for (uint32_t dims = 2; dims <= 3; dims++)
        for (int view = 0; view < 3; view++) {
            hip_pose_reps_config cfg;
            hip_pose_reps_config_init(&cfg, HIP_SKELETON_HIPTRACK, dims);
            cfg.angles.x_scale = 100;
            if (dims == 2) cfg.angles.view = (hip_pose_view)view;
            hip_pose_reps *p = NULL;
            assert_int_equal(hip_pose_reps_create(&cfg, &p), HIP_OK);
            size_t frames = stream_frames(&plain);
            lcg_state = 5;
            hip_pose_rep_event e;
            for (size_t k = 0; k < frames; k++) {
                int64_t t;
                hip_keypoint kp[HIPTRACK_JOINT_COUNT];
                stream_frame(&plain, k, &t, kp);
                if (k % 7 == 3) kp[k % HIPTRACK_JOINT_COUNT].x = 3e38f;
                if (k % 11 == 5) kp[(k + 3) % HIPTRACK_JOINT_COUNT].y = -INFINITY;
                if (k % 13 == 2) kp[(k + 5) % HIPTRACK_JOINT_COUNT].z = 1e30f;
                assert_int_equal(hip_pose_reps_push(p, t, kp, HIPTRACK_JOINT_COUNT), HIP_OK);
                while (hip_pose_reps_next_event(p, &e) == HIP_OK)
                    assert_true(e.rep.excursion_deg == e.rep.excursion_deg);
                hip_pose_angles a;
                double sig;
                int ok;
                assert_int_equal(hip_pose_reps_last_angles(p, &a, &sig, &ok), HIP_OK);
                for (int i = 0; i < HIPTRACK_POSE_ANGLE_COUNT; i++) assert_true(a.deg[i] - a.deg[i] == 0);
                assert_true(sig - sig == 0);
            }
            assert_int_equal(hip_pose_reps_finish(p), HIP_OK);
            hip_pose_reps_destroy(p);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skeleton_tables),
        cmocka_unit_test(test_angles_3d_known),
        cmocka_unit_test(test_angles_3d_frontal),
        cmocka_unit_test(test_every_skeleton),
        cmocka_unit_test(test_angles_2d_views),
        cmocka_unit_test(test_x_scale_and_vision_2d),
        cmocka_unit_test(test_missing_joints),
        cmocka_unit_test(test_canonical_and_derived),
        cmocka_unit_test(test_config_and_errors),
        cmocka_unit_test(test_counter_counts),
        cmocka_unit_test(test_counter_2d_side),
        cmocka_unit_test(test_counter_2d_front),
        cmocka_unit_test(test_counter_chunking),
        cmocka_unit_test(test_counter_gaps),
        cmocka_unit_test(test_counter_spikes),
        cmocka_unit_test(test_counter_compensation),
        cmocka_unit_test(test_exercise_rules),
        cmocka_unit_test(test_counter_errors),
        cmocka_unit_test(test_counter_alloc_failure),
        cmocka_unit_test(test_counter_absurd_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
