/* The simulator's body model: the starting posture of each exercise, how each body segment turns
 * and rises with the exercise's primary angle, and where on the segment the sensor sits.
 *
 * The rows are design defaults [DD] read off CLINICAL.md §4.1-4.2 and ordinary movement
 * mechanics, not measurements. What matters for the tests a simulated stream feeds is that each
 * placement sees a plausible mix of rotation and translation: a thigh in a squat turns through the
 * full primary angle while the pelvis and trunk mostly drop (a phone at the waist must still
 * count); a shank in a seated knee extension turns through it, the thigh barely moves.
 *
 * Body frame: sup (toward the head), ant (anterior), left; sup = ant x left. The simulated leg
 * and arm are the left ones, so abduction and the side-lying top leg point along +left. */
/* The same floats on every compiler and CPU: no fused multiply-add contraction (clang contracts
 * by default; CMake also passes -ffp-contract=off, but SwiftPM and Xcode builds do not). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#include "sim_internal.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

enum { TH, SH, PE, TR, FO, UA, FA };   /* hip_segment order */

/* Sensor lever arm from the segment's pivot (m): mid-thigh pocket, mid-shank strap, waist belt
 * above the hip joint, chest, mid-foot, arm band, wrist. */
static const double sim_lever_m[HIP__SIM_SEGMENTS] = {0.25, 0.22, 0.12, 0.35, 0.10, 0.15, 0.22};
/* Sensors sit on the skin, off the bone's axis: a turn about the long axis still moves them. */
#define SIM_SURFACE_M 0.05

#define TRAVEL_NONE {0, 0, 0, 0, 0, 0, 0}
#define TRAVEL_BODY {1, 0.2, 1, 1, 0, 1, 1}   /* the whole body above the ankles moves */

static const hip__sim_row sim_rows[] = {
    /* Thigh from vertical toward horizontal while the hips drop; pelvis tilts and trunk leans a
     * little; arms reach forward (as phones on the upper arm show in real squats). */
    {"squat", HIP_MOTION_HIP_FLEXION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_ML, -1, 0, 0,
     {-1, 0.4, 0.15, 0.35, 0, -0.8, -0.8}, TRAVEL_BODY},
    {"lunge", HIP_MOTION_HIP_FLEXION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_ML, -1, 0, 0,
     {-1, 0.3, 0.05, 0.05, 0, 0, 0}, TRAVEL_BODY},
    /* The catalog gives the thigh's 80-90 deg but no rise; the hips rise about a thigh's length. */
    {"sit_to_stand", HIP_MOTION_HIP_EXTENSION, HIP__SIM_SEATED, 90, 90, HIP__SIM_AXIS_ML, 1, 40, 0,
     {1, 0, 0.15, 0.1, 0, 0, 0}, {1, 0, 1, 1, 0, 1, 1}},
    {"seated_march", HIP_MOTION_HIP_FLEXION, HIP__SIM_SEATED, 90, 90, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-1, -1, -0.05, -0.05, -1, 0, 0}, TRAVEL_NONE},
    /* Knees open about the hip-to-feet line, which lies along the body in side-lying. */
    {"clamshell", HIP_MOTION_HIP_ROTATION, HIP__SIM_SIDE_LYING, 45, 90, HIP__SIM_AXIS_SUP, 1, 0, 0,
     {1, 1, -0.05, 0, 0.3, 0, 0}, TRAVEL_NONE},
    /* Hips rise 10-20 cm with shoulders down: pelvis and trunk tip ~20 deg, thigh ~25 deg. */
    {"bridge", HIP_MOTION_HIP_EXTENSION, HIP__SIM_SUPINE, 45, 90, HIP__SIM_AXIS_ML, 1, 0, 0,
     {0.45, 0.1, -0.35, -0.3, 0, 0, 0}, {0.8, 0.3, 1, 0.5, 0, 0, 0}},
    {"standing_hip_abduction", HIP_MOTION_HIP_ABDUCTION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_AP,
     1, 0, 0, {1, 1, 0.1, 0.1, 1, 0, 0}, TRAVEL_NONE},
    {"side_lying_hip_abduction", HIP_MOTION_HIP_ABDUCTION, HIP__SIM_SIDE_LYING, 0, 0,
     HIP__SIM_AXIS_AP, 1, 0, 0, {1, 1, 0.05, 0, 1, 0, 0}, TRAVEL_NONE},
    {"straight_leg_raise", HIP_MOTION_HIP_FLEXION, HIP__SIM_SUPINE, 0, 0, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-1, -1, -0.05, 0, -1, 0, 0}, TRAVEL_NONE},
    /* The trunk pitches forward with the pelvis; hips go back, the thighs lean slightly. */
    {"hip_hinge", HIP_MOTION_TRUNK_FLEXION, HIP__SIM_STANDING, 0, 20, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-0.1, 0, 0.8, 1, 0, 0, 0}, TRAVEL_NONE},
    /* One rep = up and down the step; the leading thigh flexes as the body rises (simplified). */
    {"step_up", HIP_MOTION_HIP_EXTENSION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-0.6, 0.3, 0.1, 0.15, 0, 0, 0}, {1, 0.5, 1, 1, 0.5, 1, 1}},
    {"lateral_band_walk", HIP_MOTION_HIP_ABDUCTION, HIP__SIM_STANDING, 20, 30, HIP__SIM_AXIS_AP, 1,
     0, 0, {1, 1, 0.05, 0.05, 1, 0, 0}, TRAVEL_NONE},
    /* The lifted thigh rises and is held; the shank hangs from the bent knee. */
    {"single_leg_stance", HIP_MOTION_STATIC, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-1, -0.3, 0.05, 0.05, -0.3, 0, 0}, TRAVEL_NONE},
    {"hip_flexor_stretch", HIP_MOTION_HIP_EXTENSION, HIP__SIM_KNEELING, 0, 90, HIP__SIM_AXIS_ML, 1,
     0, 0, {1, 0, -0.3, 0, 0, 0, 0}, TRAVEL_NONE},
    {"figure4_stretch", HIP_MOTION_HIP_FLEXION, HIP__SIM_SUPINE, 45, 90, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-1, -1, 0, 0, -1, 0, 0}, TRAVEL_NONE},
    {"hamstring_stretch", HIP_MOTION_HIP_FLEXION, HIP__SIM_SUPINE, 0, 0, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-1, -1, -0.05, 0, -1, 0, 0}, TRAVEL_NONE},
    /* The foot plantarflexes fully; the shank leans a little and rises with the heel. */
    {"heel_raise", HIP_MOTION_ANKLE_PLANTARFLEXION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_ML, 1, 0,
     0, {0.1, 0.15, 0, 0, 1, 0, 0}, {1, 1, 1, 1, 0.5, 1, 1}},
    {"prone_hip_extension", HIP_MOTION_HIP_EXTENSION, HIP__SIM_PRONE, 0, 0, HIP__SIM_AXIS_ML, 1, 0,
     0, {1, 1, 0.1, 0, 1, 0, 0}, TRAVEL_NONE},
    /* The thigh swings from vertical to horizontal; the knee straightens, so the shank ends
     * where it began (horizontal, backwards) and mostly translates. */
    {"quadruped_hip_extension", HIP_MOTION_HIP_EXTENSION, HIP__SIM_QUADRUPED, 90, 90,
     HIP__SIM_AXIS_ML, 1, 0, 0, {1, 0.2, 0.05, 0.05, 0.2, 0, 0}, TRAVEL_NONE},
    {"bird_dog", HIP_MOTION_HIP_EXTENSION, HIP__SIM_QUADRUPED, 90, 90, HIP__SIM_AXIS_ML, 1, 0, 0,
     {1, 0.2, 0.05, 0.05, 0.2, -1, -1}, TRAVEL_NONE},
    /* Windshield wipers: the femur turns about its long axis, the bent shank swings sideways. */
    {"hip_rotation_mobility", HIP_MOTION_HIP_ROTATION, HIP__SIM_SUPINE, 45, 90, HIP__SIM_AXIS_LONG,
     1, 0, 0, {1, 1, 0.1, 0, 0.3, 0, 0}, TRAVEL_NONE},
    {"seated_knee_extension", HIP_MOTION_KNEE_EXTENSION, HIP__SIM_SEATED, 90, 90, HIP__SIM_AXIS_ML,
     1, 0, 0, {-0.05, -1, 0, 0, -1, 0, 0}, TRAVEL_NONE},
    {"standing_march", HIP_MOTION_HIP_FLEXION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-1, -0.2, 0.05, 0.05, -0.2, 0.3, 0.3}, TRAVEL_NONE},
    /* Per step: the thigh swings +-20 deg (alternating legs), the body bounces 2-5 cm, the
     * pelvis rocks a few degrees and the arms swing against the legs. */
    {"walking", HIP_MOTION_GAIT, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_ML, 1, 0, 20,
     {-1, -1.3, 0.15, 0.05, -1, 0.8, 1}, {1, 1, 1, 1, 0.3, 1, 1}},
    {"stationary_cycling", HIP_MOTION_PEDALLING, HIP__SIM_SEATED, 70, 100, HIP__SIM_AXIS_ML, 1, 0, 0,
     {-0.6, -1, 0.02, 0, -0.5, 0, 0}, TRAVEL_NONE},

    /* Fallbacks for custom exercises, by motion; the tracked segment always gets a gain. */
    {NULL, HIP_MOTION_HIP_FLEXION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_PLANE, -1, 0, 0,
     {-1, -1, 0, 0, -1, 0, 0}, TRAVEL_BODY},
    {NULL, HIP_MOTION_HIP_EXTENSION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_PLANE, 1, 0, 0,
     {1, 1, 0, 0, 1, 0, 0}, TRAVEL_BODY},
    {NULL, HIP_MOTION_HIP_ABDUCTION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_PLANE, 1, 0, 0,
     {1, 1, 0, 0, 1, 0, 0}, TRAVEL_BODY},
    {NULL, HIP_MOTION_HIP_ROTATION, HIP__SIM_SEATED, 90, 90, HIP__SIM_AXIS_PLANE, 1, 0, 0,
     {1, 1, 0, 0, 1, 0, 0}, TRAVEL_BODY},
    {NULL, HIP_MOTION_KNEE_EXTENSION, HIP__SIM_SEATED, 90, 90, HIP__SIM_AXIS_PLANE, 1, 0, 0,
     {0, -1, 0, 0, -1, 0, 0}, TRAVEL_BODY},
    {NULL, HIP_MOTION_ANKLE_PLANTARFLEXION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_PLANE, 1, 0, 0,
     {0, 0.15, 0, 0, 1, 0, 0}, TRAVEL_BODY},
    {NULL, HIP_MOTION_TRUNK_FLEXION, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_PLANE, -1, 0, 0,
     {0, 0, 0.8, 1, 0, 0, 0}, TRAVEL_BODY},
    {NULL, HIP_MOTION_GAIT, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_PLANE, 1, 0, 20,
     {-1, -1.3, 0.15, 0.05, -1, 0.8, 1}, {1, 1, 1, 1, 0.3, 1, 1}},
    {NULL, HIP_MOTION_PEDALLING, HIP__SIM_SEATED, 70, 100, HIP__SIM_AXIS_PLANE, 1, 0, 0,
     {-0.6, -1, 0, 0, -0.5, 0, 0}, TRAVEL_NONE},
};

/* Any motion without its own fallback (static, other): the tracked segment alone turns. */
static const hip__sim_row sim_row_generic = {
    NULL, HIP_MOTION_OTHER, HIP__SIM_STANDING, 0, 0, HIP__SIM_AXIS_PLANE, 1, 0, 0,
    {0, 0, 0, 0, 0, 0, 0}, TRAVEL_BODY};

#define SIM_ROW_COUNT (sizeof sim_rows / sizeof sim_rows[0])

const hip__sim_row *hip__sim_row_for(const hip_exercise *ex)
{
    for (size_t i = 0; i < SIM_ROW_COUNT; i++)   /* a variant with its own row (bird dog) first */
        if (sim_rows[i].id && strcmp(sim_rows[i].id, ex->id) == 0) return &sim_rows[i];
    for (size_t i = 0; i < SIM_ROW_COUNT; i++)
        if (sim_rows[i].id && strcmp(sim_rows[i].id, ex->base_id) == 0) return &sim_rows[i];
    for (size_t i = 0; i < SIM_ROW_COUNT; i++)
        if (!sim_rows[i].id && sim_rows[i].motion == ex->motion.motion) return &sim_rows[i];
    return &sim_row_generic;
}

/* ---- Postures ---- */

static const struct {
    const char *word;
    hip__sim_posture posture;
} sim_posture_words[] = {
    {"side-lying", HIP__SIM_SIDE_LYING}, {"side lying", HIP__SIM_SIDE_LYING},
    {"side plank", HIP__SIM_SIDE_LYING}, {"hands and knees", HIP__SIM_QUADRUPED},
    {"quadruped", HIP__SIM_QUADRUPED},   {"kneeling", HIP__SIM_KNEELING},
    {"supine", HIP__SIM_SUPINE},         {"crook-lying", HIP__SIM_SUPINE},
    {"prone", HIP__SIM_PRONE},           {"seated", HIP__SIM_SEATED},
    {"sitting", HIP__SIM_SEATED},        {"standing", HIP__SIM_STANDING},
    {"walking", HIP__SIM_STANDING},
};

static char sim_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* Offset of word in text ignoring ASCII case (no locale), or -1. */
static long sim_find_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; text[i]; i++) {
        size_t k = 0;
        while (k < n && text[i + k] && sim_lower(text[i + k]) == word[k]) k++;
        if (k == n) return (long)i;
    }
    return -1;
}

/* The posture the exercise's position text names first ("supine crook-lying ... or seated"
 * is supine), so variants and custom exercises lie, sit or stand as they say. */
static int sim_posture_of_text(const char *position, hip__sim_posture *out)
{
    long best = -1;
    for (size_t i = 0; i < sizeof sim_posture_words / sizeof sim_posture_words[0]; i++) {
        long at = sim_find_word(position, sim_posture_words[i].word);
        if (at >= 0 && (best < 0 || at < best)) {
            best = at;
            *out = sim_posture_words[i].posture;
        }
    }
    return best >= 0;
}

static void sim_set3(double v[3], double x, double y, double z)
{
    v[0] = x;
    v[1] = y;
    v[2] = z;
}

/* The body axes in the world for a posture (world x forward, y left, z up). */
static void sim_body_frame(hip__sim_posture p, double sup[3], double ant[3], double left[3])
{
    switch (p) {
    case HIP__SIM_SUPINE: sim_set3(sup, -1, 0, 0); sim_set3(ant, 0, 0, 1); sim_set3(left, 0, 1, 0); break;
    case HIP__SIM_PRONE: sim_set3(sup, 1, 0, 0); sim_set3(ant, 0, 0, -1); sim_set3(left, 0, 1, 0); break;
    case HIP__SIM_SIDE_LYING: sim_set3(sup, 0, -1, 0); sim_set3(ant, 1, 0, 0); sim_set3(left, 0, 0, 1); break;
    case HIP__SIM_QUADRUPED: sim_set3(sup, 1, 0, 0); sim_set3(ant, 0, 0, -1); sim_set3(left, 0, 1, 0); break;
    default: sim_set3(sup, 0, 0, 1); sim_set3(ant, 1, 0, 0); sim_set3(left, 0, 1, 0); break;
    }
}

/* Hip and knee flexion of the moving leg when a posture is not the row's own. */
static void sim_default_angles(hip__sim_posture p, double *hip_deg, double *knee_deg)
{
    *hip_deg = p == HIP__SIM_SEATED || p == HIP__SIM_QUADRUPED ? 90 : 0;
    *knee_deg = p == HIP__SIM_SEATED || p == HIP__SIM_QUADRUPED || p == HIP__SIM_KNEELING ? 90 : 0;
}

/* Unit vector from a segment's pivot toward its sensor, in body axes (cos * a + sin * b). */
static void sim_mix2(double c, const double a[3], double s, const double b[3], double out[3])
{
    for (int k = 0; k < 3; k++) out[k] = c * a[k] + s * b[k];
}

static void sim_segment_dir(hip_segment seg, hip__sim_posture p, double hip_deg, double knee_deg,
                            const double sup[3], const double ant[3], double out[3])
{
    double down[3] = {-sup[0], -sup[1], -sup[2]};
    double phi = hip_deg * HIP__SIM_DEG, alpha = (hip_deg - knee_deg) * HIP__SIM_DEG;
    switch (seg) {
    case HIP_SEGMENT_THIGH: sim_mix2(cos(phi), down, sin(phi), ant, out); break;
    case HIP_SEGMENT_SHANK: sim_mix2(cos(alpha), down, sin(alpha), ant, out); break;
    case HIP_SEGMENT_FOOT: sim_mix2(sin(alpha), sup, cos(alpha), ant, out); break;
    case HIP_SEGMENT_PELVIS:
    case HIP_SEGMENT_TRUNK: memcpy(out, sup, 3 * sizeof *out); break;
    default:   /* arms hang along the body, or reach for the floor on hands and knees */
        memcpy(out, p == HIP__SIM_QUADRUPED ? ant : down, 3 * sizeof *out);
        break;
    }
}

/* ---- Vectors ---- */

void hip__sim_cross(const double a[3], const double b[3], double out[3])
{
    double x = a[1] * b[2] - a[2] * b[1], y = a[2] * b[0] - a[0] * b[2];
    double z = a[0] * b[1] - a[1] * b[0];
    sim_set3(out, x, y, z);
}

void hip__sim_rotate(const double axis[3], double angle, const double v[3], double out[3])
{
    double c = cos(angle), s = sin(angle), av[3];
    double d = (axis[0] * v[0] + axis[1] * v[1] + axis[2] * v[2]) * (1.0 - c);
    hip__sim_cross(axis, v, av);
    for (int k = 0; k < 3; k++) out[k] = v[k] * c + av[k] * s + axis[k] * d;
}

void hip__sim_mat_t_vec(const double m[9], const double v[3], double out[3])
{
    double x = m[0] * v[0] + m[3] * v[1] + m[6] * v[2];
    double y = m[1] * v[0] + m[4] * v[1] + m[7] * v[2];
    double z = m[2] * v[0] + m[5] * v[1] + m[8] * v[2];
    sim_set3(out, x, y, z);
}

/* A uniformly random rotation (Shoemake's method: a uniform unit quaternion). */
static void sim_random_rotation(hip__sim_rng *r, double m[9])
{
    double u1 = hip__sim_uniform(r), u2 = hip__sim_uniform(r), u3 = hip__sim_uniform(r);
    double a = sqrt(1.0 - u1), b = sqrt(u1);
    double x = a * sin(2 * HIP__SIM_PI * u2), y = a * cos(2 * HIP__SIM_PI * u2);
    double z = b * sin(2 * HIP__SIM_PI * u3), w = b * cos(2 * HIP__SIM_PI * u3);
    double q[9] = {1 - 2 * (y * y + z * z), 2 * (x * y - z * w),     2 * (x * z + y * w),
                   2 * (x * y + z * w),     1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                   2 * (x * z - y * w),     2 * (y * z + x * w),     1 - 2 * (x * x + y * y)};
    memcpy(m, q, sizeof q);
}

static void sim_mat_mul(const double a[9], const double b[9], double out[9])
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            out[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
}

/* ---- The rig ---- */

static double sim_motion_sign(hip_motion m)
{
    /* Flexion-like motions turn a downward segment forward: negative about the left axis. */
    return m == HIP_MOTION_HIP_FLEXION || m == HIP_MOTION_KNEE_EXTENSION ||
                   m == HIP_MOTION_STATIC || m == HIP_MOTION_GAIT || m == HIP_MOTION_PEDALLING
               ? -1.0
               : 1.0;
}

static void sim_axis_of(const hip_exercise *ex, const hip__sim_row *row, const double sup[3],
                        const double ant[3], const double left[3], const double tracked[3],
                        double out[3])
{
    hip__sim_axis a = row->axis;
    if (a == HIP__SIM_AXIS_PLANE) {
        switch (ex->motion.plane) {
        case HIP_PLANE_FRONTAL: a = HIP__SIM_AXIS_AP; break;
        case HIP_PLANE_TRANSVERSE: a = HIP__SIM_AXIS_LONG; break;
        case HIP_PLANE_COMBINED: a = HIP__SIM_AXIS_SUP; break;
        default: a = HIP__SIM_AXIS_ML; break;
        }
    }
    const double *v = a == HIP__SIM_AXIS_AP ? ant : a == HIP__SIM_AXIS_SUP ? sup
                    : a == HIP__SIM_AXIS_LONG ? tracked : left;
    memcpy(out, v, 3 * sizeof *out);
}

void hip__sim_rig_build(const hip_exercise *ex, const hip__sim_row *row, hip_segment segment,
                        int random_mounting, hip__sim_rng *rng, hip__sim_rig *out)
{
    memset(out, 0, sizeof *out);
    hip__sim_posture p = row->posture;
    double hip_deg = row->hip_deg, knee_deg = row->knee_deg;
    if (sim_posture_of_text(ex->position, &p) && p != row->posture)
        sim_default_angles(p, &hip_deg, &knee_deg);
    double sup[3], ant[3], left[3], u[3], tracked[3], e3[3];
    sim_body_frame(p, sup, ant, left);
    sim_segment_dir(segment, p, hip_deg, knee_deg, sup, ant, u);
    /* Hip rotation turns the femur about its own long axis (a bent shank swings with it); a
     * trunk or arm turns about its own. */
    hip_segment spin = ex->motion.segment;
    if (spin == HIP_SEGMENT_SHANK || spin == HIP_SEGMENT_FOOT) spin = HIP_SEGMENT_THIGH;
    sim_segment_dir(spin, p, hip_deg, knee_deg, sup, ant, tracked);
    sim_axis_of(ex, row, sup, ant, left, tracked, out->axis);

    int s = (int)segment;
    out->gain = row->gain[s];
    if (segment == ex->motion.segment && out->gain == 0) out->gain = sim_motion_sign(ex->motion.motion);
    out->travel_gain = row->travel_sign * row->travel[s];

    /* Segment frame: e1 along the lever, e2 = left (every lever lies in the sagittal plane),
     * e3 = e1 x e2 (the skin side); the sensor sits on it at the lever arm. */
    hip__sim_cross(u, left, e3);
    for (int k = 0; k < 3; k++) out->r0[k] = sim_lever_m[s] * u[k] + SIM_SURFACE_M * e3[k];
    double base[9] = {u[0], left[0], e3[0], u[1], left[1], e3[1], u[2], left[2], e3[2]};
    if (random_mounting) {
        double mount[9];
        sim_random_rotation(rng, mount);
        sim_mat_mul(base, mount, out->R0);
    } else {
        memcpy(out->R0, base, sizeof base);
    }
}
