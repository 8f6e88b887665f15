/* Pose front end: skeleton tables, per-frame angles from synthetic skeletons with known angles (3-D
 * at any yaw, every skeleton's layout, 2-D front and side views), missing joints, error paths. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
