/* Per-frame joint angles from canonical keypoints (definitions in hip_pose.h). 3-D angles are
 * taken in the body's own frame (hip line + trunk), so the camera's position does not matter;
 * 2-D angles only in the image plane, for the view the camera has. */
#include "pose_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define DEG (180.0 / 3.14159265358979323846)
/* 2-D AUTO view: the hip line at least this fraction of the trunk's length means a front view.
 * Hip joint centres are 0.2-0.35 trunk lengths apart face on (Kinect's are narrow), under 0.06
 * from the side; turned subjects and deep flexion fall in between. */
#define FRONT_RATIO HIP__POSE_FRONT_RATIO
/* 3-D knee valgus needs both leg segments at least this long seen from the front (a thigh
 * pointing at the camera in a deep squat leaves no frontal-plane angle worth reporting). */
#define VALGUS_MIN_FORESHORTEN 0.5

typedef struct v3 { double x, y, z; } v3;

static v3 vsub(v3 a, v3 b) { v3 r = {a.x - b.x, a.y - b.y, a.z - b.z}; return r; }
static v3 vscale(v3 a, double s) { v3 r = {a.x * s, a.y * s, a.z * s}; return r; }
static double vdot(v3 a, v3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
static double vlen(v3 a) { return sqrt(vdot(a, a)); }
static v3 vcross(v3 a, v3 b)
{
    v3 r = {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
    return r;
}
/* Unit vector, or 0 when a is too short to have a direction. */
static int vnorm(v3 a, v3 *out)
{
    double n = vlen(a);
    if (!(n > 1e-9)) return 0;
    *out = vscale(a, 1.0 / n);
    return 1;
}

void hip_pose_angles_config_init(hip_pose_angles_config *config, hip_skeleton skeleton,
                                 uint32_t dims)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
    config->skeleton = skeleton;
    config->dims = dims;
    config->y_down = hip__pose_skeleton_y_down(skeleton);
    config->x_scale = 1.0;
    config->min_confidence = 0.3;
    config->view = HIP_POSE_VIEW_AUTO;
    config->rotation_min_knee_deg = 20.0;
}

static hip_status bad(char *msg, size_t cap, const char *text)
{
    if (msg && cap) snprintf(msg, cap, "%s", text);
    return HIP_ERR_INVALID;
}

hip_status hip_pose_angles_config_check(const hip_pose_angles_config *c, char *msg, size_t cap)
{
    if (msg && cap) msg[0] = '\0';
    if (!c) return bad(msg, cap, "config: NULL");
    if (c->struct_size < sizeof *c) return bad(msg, cap, "struct_size: too small (call hip_pose_angles_config_init)");
    if ((unsigned)c->skeleton >= HIPTRACK_SKELETON_COUNT) return bad(msg, cap, "skeleton: unknown");
    if (c->dims != 2 && c->dims != 3) return bad(msg, cap, "dims: expected 2 or 3");
    if (c->y_down != 0 && c->y_down != 1) return bad(msg, cap, "y_down: expected 0 or 1");
    if (!(c->x_scale >= 0.01 && c->x_scale <= 100)) return bad(msg, cap, "x_scale: expected 0.01..100");
    if (!(c->min_confidence >= 0 && c->min_confidence <= 1))
        return bad(msg, cap, "min_confidence: expected 0..1");
    if ((unsigned)c->view > HIP_POSE_VIEW_SIDE) return bad(msg, cap, "view: expected auto, front or side");
    if (!(c->rotation_min_knee_deg >= 5 && c->rotation_min_knee_deg <= 90))
        return bad(msg, cap, "rotation_min_knee_deg: expected 5..90");
    return HIP_OK;
}

typedef struct frame {
    v3 p[HIPTRACK_JOINT_COUNT];
    int ok[HIPTRACK_JOINT_COUNT];
} frame;

static void set(hip_pose_angles *out, hip_pose_angle a, double deg)
{
    if (!(deg - deg == 0)) return;   /* never let a NaN out */
    out->deg[a] = deg;
    out->valid |= 1u << a;
}

/* Frontal-plane projection angle at the knee from 2-D points (u = lateral axis pointing to the
 * subject's left, v = up): 180 minus the hip-knee-ankle angle, positive with the knee medial. */
static double fppa(double hu, double hv, double ku, double kv, double au, double av, int left)
{
    double tu = ku - hu, tv = kv - hv, su = au - ku, sv = av - kv;
    double ang = atan2(tu * sv - tv * su, tu * su + tv * sv) * DEG;
    if (ang < 0) ang = -ang;
    /* Knee offset from the hip-ankle line along the lateral axis. */
    double lu = au - hu, lv = av - hv, len2 = lu * lu + lv * lv;
    double t = len2 > 0 ? ((ku - hu) * lu + (kv - hv) * lv) / len2 : 0;
    double off = ku - (hu + t * lu);
    double medial = left ? -off : off;   /* medial is -u for the left leg, +u for the right */
    return medial >= 0 ? ang : -ang;
}

static void angles_3d(const frame *f, const hip_pose_angles_config *cfg, hip_pose_angles *out)
{
    const v3 G = {0, 1, 0};
    if (!f->ok[HIP_JOINT_HIP_L] || !f->ok[HIP_JOINT_HIP_R]) return;
    v3 hipline = vsub(f->p[HIP_JOINT_HIP_L], f->p[HIP_JOINT_HIP_R]), L;
    if (!vnorm(hipline, &L)) return;
    int have_trunk = f->ok[HIP_JOINT_SPINE_SHOULDER] && f->ok[HIP_JOINT_PELVIS];
    v3 T = have_trunk ? vsub(f->p[HIP_JOINT_SPINE_SHOULDER], f->p[HIP_JOINT_PELVIS]) : G;
    v3 U, A;
    if (!vnorm(vsub(T, vscale(L, vdot(T, L))), &U)) return;
    A = vcross(L, U);

    /* Pelvic obliquity against the horizontal. */
    double rise = vdot(hipline, G);
    double flat = vlen(vsub(hipline, vscale(G, rise)));
    set(out, HIP_POSE_PELVIC_OBLIQUITY, atan2(rise, flat) * DEG);
    /* Trunk lean against the vertical, in the horizontal body axes. */
    v3 Lh;
    if (have_trunk && vnorm(vsub(L, vscale(G, vdot(L, G))), &Lh)) {
        v3 Ah = vcross(Lh, G);
        set(out, HIP_POSE_TRUNK_LEAN_SAGITTAL, atan2(vdot(T, Ah), vdot(T, G)) * DEG);
        set(out, HIP_POSE_TRUNK_LEAN_FRONTAL, atan2(vdot(T, Lh), vdot(T, G)) * DEG);
    }
    for (int side = 0; side < 2; side++) {
        int left = side == 0;
        hip_joint jh = left ? HIP_JOINT_HIP_L : HIP_JOINT_HIP_R;
        hip_joint jk = left ? HIP_JOINT_KNEE_L : HIP_JOINT_KNEE_R;
        hip_joint ja = left ? HIP_JOINT_ANKLE_L : HIP_JOINT_ANKLE_R;
        if (!f->ok[jh] || !f->ok[jk]) continue;
        v3 d = vsub(f->p[jk], f->p[jh]), dn;
        if (!vnorm(d, &dn)) continue;
        v3 outward = left ? L : vscale(L, -1);
        set(out, left ? HIP_POSE_HIP_FLEXION_L : HIP_POSE_HIP_FLEXION_R,
            atan2(vdot(d, A), -vdot(d, U)) * DEG);
        double sag = sqrt(vdot(d, A) * vdot(d, A) + vdot(d, U) * vdot(d, U));
        set(out, left ? HIP_POSE_HIP_ABDUCTION_L : HIP_POSE_HIP_ABDUCTION_R,
            atan2(vdot(d, outward), sag) * DEG);
        if (!f->ok[ja]) continue;
        v3 s = vsub(f->p[ja], f->p[jk]), sn;
        if (!vnorm(s, &sn)) continue;
        double c = vdot(dn, sn);
        double knee = atan2(vlen(vcross(dn, sn)), c) * DEG;
        set(out, left ? HIP_POSE_KNEE_FLEXION_L : HIP_POSE_KNEE_FLEXION_R, knee);
        /* Rotation: the shank about the thigh, against where pure flexion would put it. */
        v3 r, q, sp = vsub(s, vscale(dn, vdot(s, dn)));
        if (knee >= cfg->rotation_min_knee_deg && vnorm(vcross(L, dn), &r)) {
            q = vcross(dn, r);
            double rot = atan2(vdot(sp, q), vdot(sp, r)) * DEG;
            set(out, left ? HIP_POSE_HIP_ROTATION_L : HIP_POSE_HIP_ROTATION_R, left ? rot : -rot);
        }
        /* Valgus: the leg seen from the body's front. */
        double tu = vdot(d, L), tv = vdot(d, U), su = vdot(s, L), sv = vdot(s, U);
        if (sqrt(tu * tu + tv * tv) >= VALGUS_MIN_FORESHORTEN * vlen(d) &&
            sqrt(su * su + sv * sv) >= VALGUS_MIN_FORESHORTEN * vlen(s)) {
            v3 h = f->p[jh], k = f->p[jk], a = f->p[ja];
            set(out, left ? HIP_POSE_KNEE_VALGUS_L : HIP_POSE_KNEE_VALGUS_R,
                fppa(vdot(h, L), vdot(h, U), vdot(k, L), vdot(k, U), vdot(a, L), vdot(a, U), left));
        }
    }
}

/* Side view: which way along x the subject faces (+1, -1), or 0 when it cannot be told. */
static int facing_2d(const frame *f)
{
    double toes = 0, knees = 0;
    int ntoes = 0, nknees = 0;
    for (int side = 0; side < 2; side++) {
        hip_joint jh = side ? HIP_JOINT_HIP_R : HIP_JOINT_HIP_L;
        hip_joint jk = side ? HIP_JOINT_KNEE_R : HIP_JOINT_KNEE_L;
        hip_joint ja = side ? HIP_JOINT_ANKLE_R : HIP_JOINT_ANKLE_L;
        hip_joint jf = side ? HIP_JOINT_FOOT_R : HIP_JOINT_FOOT_L;
        if (!f->ok[jh] || !f->ok[jk] || !f->ok[ja]) continue;
        v3 h = f->p[jh], k = f->p[jk], a = f->p[ja];
        double leg = vlen(vsub(k, h)) + vlen(vsub(a, k));
        if (f->ok[jf]) {
            toes += f->p[jf].x - a.x;
            ntoes++;
        }
        /* A bent knee points forwards: its offset from the hip-ankle line. */
        double dy = a.y - h.y;
        if (fabs(dy) > 1e-9) {
            double off = k.x - (h.x + (a.x - h.x) * (k.y - h.y) / dy);
            if (fabs(off) > 0.05 * leg) {
                knees += off;
                nknees++;
            }
        }
    }
    if (ntoes && fabs(toes) > 1e-9) return toes > 0 ? 1 : -1;
    if (nknees) return knees > 0 ? 1 : knees < 0 ? -1 : 0;
    return 0;
}

static double wrap180(double a)
{
    while (a > 180) a -= 360;
    while (a <= -180) a += 360;
    return a;
}

static void angles_2d(const frame *f, const hip_pose_angles_config *cfg, hip_pose_angles *out)
{
    int have_hips = f->ok[HIP_JOINT_HIP_L] && f->ok[HIP_JOINT_HIP_R];
    int have_trunk = f->ok[HIP_JOINT_SPINE_SHOULDER] && f->ok[HIP_JOINT_PELVIS];
    v3 T = {0, 1, 0};
    if (have_trunk) T = vsub(f->p[HIP_JOINT_SPINE_SHOULDER], f->p[HIP_JOINT_PELVIS]);
    if (!(vlen(T) > 1e-9)) return;
    hip_pose_view view = cfg->view;
    if (view == HIP_POSE_VIEW_AUTO) {
        if (!have_hips || !have_trunk) return;
        double w = vlen(vsub(f->p[HIP_JOINT_HIP_L], f->p[HIP_JOINT_HIP_R]));
        view = w >= FRONT_RATIO * vlen(T) ? HIP_POSE_VIEW_FRONT : HIP_POSE_VIEW_SIDE;
    }
    out->view = view;
    if (view == HIP_POSE_VIEW_SIDE) {
        int fs = facing_2d(f);
        double fx = fs ? fs : 1;
        if (have_trunk) {
            double lean = atan2(fx * T.x, T.y) * DEG;
            set(out, HIP_POSE_TRUNK_LEAN_SAGITTAL, fs ? lean : fabs(lean));
        }
        double trunk_down = atan2(-fx * T.x, T.y);   /* -T from straight down, forward positive */
        for (int side = 0; side < 2; side++) {
            int left = side == 0;
            hip_joint jh = left ? HIP_JOINT_HIP_L : HIP_JOINT_HIP_R;
            hip_joint jk = left ? HIP_JOINT_KNEE_L : HIP_JOINT_KNEE_R;
            hip_joint ja = left ? HIP_JOINT_ANKLE_L : HIP_JOINT_ANKLE_R;
            if (!f->ok[jh] || !f->ok[jk]) continue;
            v3 d = vsub(f->p[jk], f->p[jh]);
            if (!(vlen(d) > 1e-9)) continue;
            double flex = wrap180((atan2(fx * d.x, -d.y) - trunk_down) * DEG);
            set(out, left ? HIP_POSE_HIP_FLEXION_L : HIP_POSE_HIP_FLEXION_R, fs ? flex : fabs(flex));
            if (!f->ok[ja]) continue;
            v3 s = vsub(f->p[ja], f->p[jk]);
            if (!(vlen(s) > 1e-9)) continue;
            double knee = fabs(atan2(d.x * s.y - d.y * s.x, d.x * s.x + d.y * s.y)) * DEG;
            set(out, left ? HIP_POSE_KNEE_FLEXION_L : HIP_POSE_KNEE_FLEXION_R, knee);
        }
        return;
    }
    /* Front view: the subject's left is +x when they face the camera, -x from behind. */
    if (!have_hips) return;
    v3 hipline = vsub(f->p[HIP_JOINT_HIP_L], f->p[HIP_JOINT_HIP_R]);
    if (!(fabs(hipline.x) > 1e-9)) return;
    double lx = hipline.x > 0 ? 1 : -1;
    set(out, HIP_POSE_PELVIC_OBLIQUITY, atan2(hipline.y, fabs(hipline.x)) * DEG);
    if (have_trunk) set(out, HIP_POSE_TRUNK_LEAN_FRONTAL, atan2(lx * T.x, T.y) * DEG);
    v3 U = {0, 1, 0};
    vnorm(T, &U);
    for (int side = 0; side < 2; side++) {
        int left = side == 0;
        hip_joint jh = left ? HIP_JOINT_HIP_L : HIP_JOINT_HIP_R;
        hip_joint jk = left ? HIP_JOINT_KNEE_L : HIP_JOINT_KNEE_R;
        hip_joint ja = left ? HIP_JOINT_ANKLE_L : HIP_JOINT_ANKLE_R;
        if (!f->ok[jh] || !f->ok[jk]) continue;
        v3 d = vsub(f->p[jk], f->p[jh]);
        if (!(vlen(d) > 1e-9)) continue;
        /* Lateral axis of the body in the image: perpendicular to the trunk, towards the left. */
        v3 Lb = {U.y * lx, -U.x * lx, 0};
        double out_sign = left ? 1 : -1;
        set(out, left ? HIP_POSE_HIP_ABDUCTION_L : HIP_POSE_HIP_ABDUCTION_R,
            atan2(out_sign * vdot(d, Lb), -vdot(d, U)) * DEG);
        if (!f->ok[ja]) continue;
        v3 h = f->p[jh], k = f->p[jk], a = f->p[ja];
        if (!(vlen(vsub(a, k)) > 1e-9)) continue;
        set(out, left ? HIP_POSE_KNEE_VALGUS_L : HIP_POSE_KNEE_VALGUS_R,
            fppa(vdot(h, Lb), vdot(h, U), vdot(k, Lb), vdot(k, U), vdot(a, Lb), vdot(a, U), left));
    }
}

double hip__pose_width_ratio(const hip_keypoint c[HIPTRACK_JOINT_COUNT])
{
    const hip_keypoint *l = &c[HIP_JOINT_HIP_L], *r = &c[HIP_JOINT_HIP_R];
    const hip_keypoint *p = &c[HIP_JOINT_PELVIS], *s = &c[HIP_JOINT_SPINE_SHOULDER];
    if (!(l->confidence > 0 && r->confidence > 0 && p->confidence > 0 && s->confidence > 0)) return 0;
    double t = hypot(s->x - p->x, s->y - p->y);
    return t > 1e-9 ? hypot(l->x - r->x, l->y - r->y) / t : 0;
}

void hip__pose_angles_from_canonical(const hip_pose_angles_config *config,
                                     const hip_keypoint canon[HIPTRACK_JOINT_COUNT],
                                     hip_pose_angles *out)
{
    memset(out, 0, sizeof *out);
    frame f;
    for (int j = 0; j < HIPTRACK_JOINT_COUNT; j++) {
        v3 p = {canon[j].x, canon[j].y, canon[j].z};
        f.p[j] = p;
        f.ok[j] = canon[j].confidence > 0;
    }
    if (config->dims == 3)
        angles_3d(&f, config, out);
    else
        angles_2d(&f, config, out);
}

hip_status hip_pose_angles_compute(const hip_pose_angles_config *config,
                                   const hip_keypoint *keypoints, size_t count,
                                   hip_pose_angles *out)
{
    if (!out) return HIP_ERR_INVALID;
    hip_keypoint canon[HIPTRACK_JOINT_COUNT];
    hip_status st = hip_pose_to_canonical(config, keypoints, count, canon);
    if (st != HIP_OK) return st;
    hip__pose_angles_from_canonical(config, canon, out);
    return HIP_OK;
}
