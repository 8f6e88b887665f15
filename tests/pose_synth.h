/* Test helper: a 3-D skeleton in the canonical joints built from known joint angles, and its
 * copies in the other skeletons' layouts and in 2-D views. Shared by test_pose.c. */
#ifndef HIPTRACK_TESTS_POSE_SYNTH_H
#define HIPTRACK_TESTS_POSE_SYNTH_H

#include <math.h>
#include <string.h>
#include "hiptrack/hip_pose.h"

typedef struct synth_angles {
    double hip_flex[2], hip_abd[2], hip_rot[2], knee_flex[2];  /* [0] left, [1] right */
    double trunk_lean;   /* sagittal, forwards positive */
    double yaw;          /* the whole body turned about the vertical */
} synth_angles;

typedef struct sv3 { double x, y, z; } sv3;

static sv3 s_add(sv3 a, sv3 b) { sv3 r = {a.x + b.x, a.y + b.y, a.z + b.z}; return r; }
static sv3 s_mul(sv3 a, double k) { sv3 r = {a.x * k, a.y * k, a.z * k}; return r; }
static sv3 s_cross(sv3 a, sv3 b)
{
    sv3 r = {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return r;
}
static sv3 s_unit(sv3 a)
{
    double n = sqrt(a.x * a.x + a.y * a.y + a.z * a.z);
    return s_mul(a, 1.0 / n);
}

#define SR(d) ((d) * 3.14159265358979323846 / 180.0)

/* Canonical 3-D joints (y up, subject facing +z before yaw; left = +x). */
static void synth_build(const synth_angles *a, hip_keypoint out[HIPTRACK_JOINT_COUNT])
{
    sv3 P[HIPTRACK_JOINT_COUNT];
    sv3 L = {1, 0, 0};
    double lam = SR(a->trunk_lean);
    sv3 U = {0, cos(lam), sin(lam)};
    sv3 A = s_cross(L, U);
    sv3 pelvis = {0, 1.0, 0};
    P[HIP_JOINT_PELVIS] = pelvis;
    P[HIP_JOINT_SPINE_SHOULDER] = s_add(pelvis, s_mul(U, 0.5));
    P[HIP_JOINT_SPINE_MID] = s_add(pelvis, s_mul(U, 0.25));
    P[HIP_JOINT_HEAD] = s_add(pelvis, s_mul(U, 0.7));
    for (int side = 0; side < 2; side++) {
        double sg = side == 0 ? 1 : -1;
        sv3 out = s_mul(L, sg);
        P[HIP_JOINT_SHOULDER_L + side] = s_add(P[HIP_JOINT_SPINE_SHOULDER], s_mul(out, 0.18));
        P[HIP_JOINT_ELBOW_L + side] = s_add(P[HIP_JOINT_SHOULDER_L + side], s_mul(U, -0.28));
        P[HIP_JOINT_WRIST_L + side] = s_add(P[HIP_JOINT_ELBOW_L + side], s_mul(U, -0.25));
        sv3 hip = s_add(pelvis, s_mul(out, 0.1));
        P[HIP_JOINT_HIP_L + side] = hip;
        double fl = SR(a->hip_flex[side]), ab = SR(a->hip_abd[side]);
        sv3 d = s_add(s_add(s_mul(U, -cos(ab) * cos(fl)), s_mul(A, cos(ab) * sin(fl))),
                      s_mul(out, sin(ab)));
        sv3 knee = s_add(hip, s_mul(d, 0.45));
        P[HIP_JOINT_KNEE_L + side] = knee;
        sv3 r = s_unit(s_cross(L, d)), q = s_cross(d, r);
        double kf = SR(a->knee_flex[side]), ro = SR(a->hip_rot[side]);
        sv3 perp = s_add(s_mul(r, cos(ro)), s_mul(q, sg * sin(ro)));
        sv3 s = s_add(s_mul(d, cos(kf)), s_mul(perp, sin(kf)));
        sv3 ankle = s_add(knee, s_mul(s, 0.42));
        P[HIP_JOINT_ANKLE_L + side] = ankle;
        /* Toes ahead of the ankle, horizontal in the body's facing direction. */
        sv3 fwd = {0, 0, 1};
        P[HIP_JOINT_FOOT_L + side] = s_add(ankle, s_mul(fwd, 0.13));
    }
    double yw = SR(a->yaw), c = cos(yw), sn = sin(yw);
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) {
        sv3 p = P[j];
        out[j].x = (float)(c * p.x + sn * p.z + 0.3);
        out[j].y = (float)p.y;
        out[j].z = (float)(-sn * p.x + c * p.z - 2.5);
        out[j].confidence = 1.0f;
    }
}

/* The frame in another skeleton's layout: mapped joints copied (y and z negated for y-down
 * skeletons), unmapped points at confidence 0.9 somewhere harmless. */
static void synth_to_skeleton(const hip_keypoint canon[HIPTRACK_JOINT_COUNT], hip_skeleton sk,
                              int y_down, hip_keypoint *out)
{
    size_t n = hip_pose_skeleton_joint_count(sk);
    for (size_t i = 0; i < n; i++) {
        hip_joint j;
        if (hip_pose_joint_from_skeleton(sk, i, &j) == HIP_OK) {
            out[i] = canon[j];
        } else {
            out[i] = canon[HIP_JOINT_HEAD];
            out[i].confidence = 0.9f;
        }
        if (y_down) {
            out[i].y = -out[i].y;
            out[i].z = -out[i].z;
        }
    }
}

#endif
