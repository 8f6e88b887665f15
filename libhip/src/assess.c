/* One range-of-motion measurement: configuration, the state machine a UI follows (waiting for
 * stillness, calibrating the start pose, ready, moving, held, done or failed) and both sources
 * (IMU samples through assess_imu.c, per-frame pose angles). */
#include "assess_internal.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "numtext.h"

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#define SETTLE_S 0.2          /* still this long before calibration starts [DD] */
#define LOCK_MIN_DEG 8.0      /* the plane is locked at max(move_deg, this) [DD] */
#define POSE_SMOOTH_S 0.1     /* time constants of the pose stillness test: the speed is the */
#define POSE_SLOW_S 0.3       /* difference of a fast and a slow average over their lag [DD] */
#define IMU_SMOOTH_S 0.1      /* time constant of the stillness averages of gyro and accel [DD] */
#define DYNAMIC_ACCEL 1.5     /* m/s^2 off gravity: the tilt correction pauses (quality) */

struct hip_assess {
    hip_allocator alloc;
    hip__error err;
    hip_assess_config cfg;
    hip_assess_state state;
    hip_assess_failure failure;
    int have_t;
    int64_t last_t, phase_t0, still_since;
    int still_run;              /* 1 while the current still run lasts */
    int calibrated;
    /* Calibration accumulators. */
    size_t cal_n;
    double acc_sum[3], gyro_sum[3], cal_ref[3];
    double cal_spread_deg;      /* largest deviation seen while calibrating */
    /* IMU tracking. */
    hip__assess_imu imu;
    size_t move_n, dynamic_n;
    /* Pose. */
    int have_smooth;
    double smooth, slow, cal_sum, start_deg;
    double last3[3];            /* pose: the last three primary angles (median: no single-frame spikes) */
    int n3;
    double w_avg[3], a_avg[3];  /* IMU: short averages for the stillness test */
    double ref_sum[6];          /* secondary angles (pose_secondary) at calibration */
    size_t ref_n[6];
    double ref[6];
    int64_t last_valid_t;
    size_t frames, valid_frames;
    /* The measurement. */
    double cur_deg, max_deg;
    int64_t move_t0, max_t;
    double oop_max, rot_max, trunk_max, pelvis_max;
    hip_assess_result result;
};

const char *const hip__rom_motion_names[HIPTRACK_ROM_MOTIONS] = {
    "flexion", "extension", "abduction", "adduction", "internal_rotation", "external_rotation",
    "knee_flexion"};
const char *const hip__assess_side_names[2] = {"left", "right"};
const char *const hip__assess_source_names[2] = {"imu", "pose"};
const char *const hip__assess_posture_names[5] = {"standing", "seated", "supine", "prone", "side_lying"};
static const char *const state_names[7] = {"waiting", "calibrating", "ready", "moving", "held",
                                           "done", "failed"};
static const char *const failure_names[7] = {"none", "moved_during_calibration", "no_stillness",
                                             "no_movement", "gap", "lost_tracking", "too_long"};

const char *hip_rom_motion_name(hip_rom_motion m)
{
    return (unsigned)m < HIPTRACK_ROM_MOTIONS ? hip__rom_motion_names[m] : "unknown";
}
const char *hip_assess_side_name(hip_assess_side s) { return (unsigned)s < 2 ? hip__assess_side_names[s] : "unknown"; }
const char *hip_assess_source_name(hip_assess_source s)
{
    return (unsigned)s < 2 ? hip__assess_source_names[s] : "unknown";
}
const char *hip_assess_posture_name(hip_assess_posture p)
{
    return (unsigned)p < 5 ? hip__assess_posture_names[p] : "unknown";
}
const char *hip_assess_state_name(hip_assess_state s) { return (unsigned)s < 7 ? state_names[s] : "unknown"; }
const char *hip_assess_failure_name(hip_assess_failure f) { return (unsigned)f < 7 ? failure_names[f] : "unknown"; }

static int is_rotation(hip_rom_motion m)
{
    return m == HIP_ROM_INTERNAL_ROTATION || m == HIP_ROM_EXTERNAL_ROTATION;
}

void hip_assess_config_init(hip_assess_config *c, hip_rom_motion motion, hip_assess_side side,
                            hip_assess_source source)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
    c->motion = motion;
    c->side = side;
    c->source = source;
    c->posture = is_rotation(motion) ? HIP_ASSESS_SEATED : HIP_ASSESS_STANDING;
    c->calibration_s = 1.0;
    c->still_gyro_dps = 6.0;
    c->still_accel = 0.4;
    c->still_angle_dps = 10.0;
    c->calibration_tolerance_deg = 3.0;
    c->move_deg = 5.0;
    c->return_fraction = 0.3;
    c->hold_s = 1.0;
    c->max_wait_s = 20.0;
    c->max_duration_s = 30.0;
    c->max_gap_s = 0.5;
    c->tilt_gain = 0.5;
    c->out_of_plane_deg = 10.0;
    c->thigh_rotation_deg = 10.0;
    c->trunk_lean_deg = 10.0;
    c->pelvic_drop_deg = 5.0;
}

static int range_ok(double v, double lo, double hi) { return v >= lo && v <= hi; }

static hip_status check(const hip_assess_config *c, hip__error *e)
{
    static const struct {
        const char *name;
        size_t off;
        double lo, hi;
    } nums[] = {
        {"calibration_s", offsetof(hip_assess_config, calibration_s), 0.3, 5},
        {"still_gyro_dps", offsetof(hip_assess_config, still_gyro_dps), 0.5, 30},
        {"still_accel", offsetof(hip_assess_config, still_accel), 0.05, 3},
        {"still_angle_dps", offsetof(hip_assess_config, still_angle_dps), 1, 60},
        {"calibration_tolerance_deg", offsetof(hip_assess_config, calibration_tolerance_deg), 0.5, 10},
        {"move_deg", offsetof(hip_assess_config, move_deg), 2, 30},
        {"return_fraction", offsetof(hip_assess_config, return_fraction), 0.05, 0.9},
        {"hold_s", offsetof(hip_assess_config, hold_s), 0.2, 10},
        {"max_wait_s", offsetof(hip_assess_config, max_wait_s), 2, 120},
        {"max_duration_s", offsetof(hip_assess_config, max_duration_s), 2, 120},
        {"max_gap_s", offsetof(hip_assess_config, max_gap_s), 0.05, 5},
        {"tilt_gain", offsetof(hip_assess_config, tilt_gain), 0, 5},
        {"out_of_plane_deg", offsetof(hip_assess_config, out_of_plane_deg), 1, 90},
        {"thigh_rotation_deg", offsetof(hip_assess_config, thigh_rotation_deg), 1, 90},
        {"trunk_lean_deg", offsetof(hip_assess_config, trunk_lean_deg), 1, 90},
        {"pelvic_drop_deg", offsetof(hip_assess_config, pelvic_drop_deg), 1, 90},
    };
    if (c->struct_size < sizeof(hip_assess_config))
        return hip__seterr(e, HIP_ERR_INVALID, "struct_size: expected at least %zu (call hip_assess_config_init)",
                           sizeof(hip_assess_config));
    if (!hip__alloc_valid(&c->allocator))
        return hip__seterr(e, HIP_ERR_INVALID, "allocator: set both alloc and free, or neither");
    if ((unsigned)c->motion >= HIPTRACK_ROM_MOTIONS)
        return hip__seterr(e, HIP_ERR_INVALID, "motion: expected 0..%d", HIPTRACK_ROM_MOTIONS - 1);
    if ((unsigned)c->side > HIP_ASSESS_RIGHT) return hip__seterr(e, HIP_ERR_INVALID, "side: expected left or right");
    if ((unsigned)c->source > HIP_ASSESS_SOURCE_POSE)
        return hip__seterr(e, HIP_ERR_INVALID, "source: expected imu or pose");
    if ((unsigned)c->posture > HIP_ASSESS_SIDE_LYING)
        return hip__seterr(e, HIP_ERR_INVALID, "posture: expected 0..4");
    if (c->day < 0 || c->day > 2932896)
        return hip__seterr(e, HIP_ERR_INVALID, "day: expected a day number 0..2932896");
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        double v;
        memcpy(&v, (const char *)c + nums[i].off, sizeof v);
        if (!range_ok(v, nums[i].lo, nums[i].hi)) {
            char lo[32], hi[32];
            hip__format_double(lo, sizeof lo, nums[i].lo);
            hip__format_double(hi, sizeof hi, nums[i].hi);
            return hip__seterr(e, HIP_ERR_INVALID, "%s: expected %s..%s", nums[i].name, lo, hi);
        }
    }
    return HIP_OK;
}

hip_status hip_assess_config_check(const hip_assess_config *config, char *message_out, size_t message_cap)
{
    hip__error e;
    hip__clearerr(&e);
    hip_status st = config ? check(config, &e) : hip__seterr(&e, HIP_ERR_INVALID, "config is NULL");
    if (message_out && message_cap) {
        size_t n = strlen(e.message);
        if (n >= message_cap) n = message_cap - 1;
        memcpy(message_out, e.message, n);
        message_out[n] = 0;
    }
    return st;
}

static void start_over(hip_assess *a)
{
    hip_assess_config cfg = a->cfg;
    hip_allocator alloc = a->alloc;
    memset(a, 0, sizeof *a);
    a->alloc = alloc;
    a->cfg = cfg;
    a->state = HIP_ASSESS_WAITING;
}

hip_status hip_assess_create(const hip_assess_config *config, hip_assess **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    if (!config) return HIP_ERR_INVALID;
    hip__error e;
    hip__clearerr(&e);
    if (check(config, &e) != HIP_OK) return HIP_ERR_INVALID;
    hip_assess *a = hip__calloc(&config->allocator, 1, sizeof *a);
    if (!a) return HIP_ERR_NOMEM;
    a->alloc = config->allocator;
    a->cfg = *config;
    a->cfg.struct_size = sizeof a->cfg;
    start_over(a);
    *out = a;
    return HIP_OK;
}

void hip_assess_destroy(hip_assess *a)
{
    if (!a) return;
    hip_allocator alloc = a->alloc;
    hip__free(&alloc, a);
}

const char *hip_assess_last_error(const hip_assess *a) { return a ? hip__errmsg(&a->err) : ""; }

hip_status hip_assess_reset(hip_assess *a)
{
    if (!a) return HIP_ERR_INVALID;
    start_over(a);
    return HIP_OK;
}

hip_assess_state hip_assess_state_of(const hip_assess *a) { return a ? a->state : HIP_ASSESS_FAILED; }
hip_assess_failure hip_assess_failure_of(const hip_assess *a) { return a ? a->failure : HIP_ASSESS_FAIL_NONE; }

static double secs(int64_t dt_ns) { return (double)dt_ns * 1e-9; }

static void fail(hip_assess *a, hip_assess_failure f)
{
    a->state = HIP_ASSESS_FAILED;
    a->failure = f;
}

static void enter(hip_assess *a, hip_assess_state s, int64_t t)
{
    a->state = s;
    a->phase_t0 = t;
}

static void finish_result(hip_assess *a)
{
    const hip_assess_config *c = &a->cfg;
    hip_assess_result *r = &a->result;
    memset(r, 0, sizeof *r);
    r->motion = c->motion;
    r->side = c->side;
    r->source = c->source;
    r->posture = c->posture;
    r->day = c->day;
    r->start_deg = c->source == HIP_ASSESS_SOURCE_POSE ? a->start_deg : 0.0;
    r->max_deg = r->start_deg + a->max_deg;
    r->range_deg = a->max_deg;
    r->duration_s = secs(a->max_t - a->move_t0);
    r->out_of_plane_deg = a->oop_max;
    r->thigh_rotation_deg = a->rot_max;
    r->trunk_lean_deg = a->trunk_max;
    r->pelvic_drop_deg = a->pelvis_max;
    if (a->oop_max > c->out_of_plane_deg) r->compensations |= HIP_ASSESS_COMP_OUT_OF_PLANE;
    if (a->rot_max > c->thigh_rotation_deg) r->compensations |= HIP_ASSESS_COMP_THIGH_ROTATION;
    if (a->trunk_max > c->trunk_lean_deg) r->compensations |= HIP_ASSESS_COMP_TRUNK_LEAN;
    if (a->pelvis_max > c->pelvic_drop_deg) r->compensations |= HIP_ASSESS_COMP_PELVIC_DROP;
    /* Quality: a clean calibration, tracking through the movement and (pose) valid frames. */
    double q = 1.0 - 0.5 * a->cal_spread_deg / c->calibration_tolerance_deg;
    if (c->source == HIP_ASSESS_SOURCE_IMU) {
        if (a->move_n) q *= 1.0 - 0.5 * (double)a->dynamic_n / (double)a->move_n;
        /* A vertical femur's twist has no gravity reference: it drifts with the gyroscope. */
        if (a->imu.geom == HIP__GEOM_TWIST || (c->posture == HIP_ASSESS_STANDING && is_rotation(c->motion)))
            q *= 0.8;
    } else if (a->frames) {
        q *= (double)a->valid_frames / (double)a->frames;
    }
    r->quality = q < 0 ? 0 : q > 1 ? 1 : q;
    a->state = HIP_ASSESS_DONE;
}

/* After calibration: one reading of the primary angle and compensations at time t. */
static void track(hip_assess *a, int64_t t, double cur, double oop, double rot, double trunk, double pelvis,
                  int still)
{
    const hip_assess_config *c = &a->cfg;
    a->cur_deg = cur;
    if (a->state == HIP_ASSESS_READY) {
        if (cur >= c->move_deg) {
            enter(a, HIP_ASSESS_MOVING, t);
            a->move_t0 = t;
            a->max_deg = cur;
            a->max_t = t;
        } else {
            if (secs(t - a->phase_t0) > c->max_wait_s) fail(a, HIP_ASSESS_FAIL_NO_MOVEMENT);
            return;
        }
    }
    if (oop > a->oop_max) a->oop_max = oop;
    if (rot > a->rot_max) a->rot_max = rot;
    if (trunk > a->trunk_max) a->trunk_max = trunk;
    if (pelvis > a->pelvis_max) a->pelvis_max = pelvis;
    if (a->state == HIP_ASSESS_HELD && cur > a->max_deg + c->calibration_tolerance_deg)
        enter(a, HIP_ASSESS_MOVING, t);   /* moving on past the hold */
    if (cur > a->max_deg) {
        a->max_deg = cur;
        a->max_t = t;
    }
    if (cur <= c->return_fraction * a->max_deg) {
        finish_result(a);
        return;
    }
    if (secs(t - a->move_t0) > c->max_duration_s) {
        fail(a, HIP_ASSESS_FAIL_TOO_LONG);
        return;
    }
    if (a->state == HIP_ASSESS_MOVING && still && a->still_run &&
        secs(t - a->still_since) >= c->hold_s && cur >= (1.0 - c->return_fraction) * a->max_deg)
        enter(a, HIP_ASSESS_HELD, t);
}

/* Stillness bookkeeping shared by both sources. */
static void note_still(hip_assess *a, int64_t t, int still)
{
    if (still && !a->still_run) {
        a->still_run = 1;
        a->still_since = t;
    } else if (!still) {
        a->still_run = 0;
    }
}

/* Common checks before a sample: state, timestamp order, gaps. 1 = process, 0 = stop here. */
static hip_status begin_sample(hip_assess *a, int64_t t, int *go)
{
    *go = 0;
    if (a->state == HIP_ASSESS_DONE || a->state == HIP_ASSESS_FAILED)
        return hip__seterr(&a->err, HIP_ERR_STATE, "the assessment is %s: reset it to measure again",
                           state_names[a->state]);
    if (a->have_t && t <= a->last_t)
        return hip__seterr(&a->err, HIP_ERR_RANGE, "t_ns: %lld is not after the previous sample (%lld)",
                           (long long)t, (long long)a->last_t);
    *go = 1;
    return HIP_OK;
}

static int gap_failed(hip_assess *a, int64_t t)
{
    if (a->have_t && secs(t - a->last_t) > a->cfg.max_gap_s) {
        if (a->state == HIP_ASSESS_WAITING) {
            a->still_run = 0;   /* waiting just starts over after a gap */
            return 0;
        }
        fail(a, HIP_ASSESS_FAIL_GAP);
        return 1;
    }
    return 0;
}

static hip__assess_geom imu_geom(const hip_assess_config *c)
{
    if (c->posture != HIP_ASSESS_STANDING || c->motion == HIP_ROM_KNEE_FLEXION) return HIP__GEOM_AXIS;
    return is_rotation(c->motion) ? HIP__GEOM_TWIST : HIP__GEOM_SWING;
}

static double angle_between(const double a[3], const double b[3])
{
    double na = sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]), nb = sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
    if (na <= 0 || nb <= 0) return 0;
    double d = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (na * nb);
    return acos(d > 1 ? 1 : d < -1 ? -1 : d) * HIP__ASSESS_DEG;
}

hip_status hip_assess_push_imu(hip_assess *a, int64_t t, const float *sample)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!sample) return hip__seterr(&a->err, HIP_ERR_INVALID, "sample is NULL");
    if (a->cfg.source != HIP_ASSESS_SOURCE_IMU)
        return hip__seterr(&a->err, HIP_ERR_STATE, "source: this assessment takes pose angles");
    for (int k = 0; k < HIPTRACK_ASSESS_IMU_WIDTH; k++) {
        double lim = k < 3 ? 1000.0 : 100.0;
        if (!(fabs((double)sample[k]) <= lim))
            return hip__seterr(&a->err, HIP_ERR_RANGE, "sample[%d]: expected a finite value within +-%d",
                               k, (int)lim);
    }
    int go;
    hip_status st = begin_sample(a, t, &go);
    if (!go) return st;
    const hip_assess_config *c = &a->cfg;
    double acc[3] = {sample[0], sample[1], sample[2]}, gyr[3] = {sample[3], sample[4], sample[5]};
    double dt = a->have_t ? secs(t - a->last_t) : 0;
    if (!a->have_t) a->phase_t0 = t;   /* waiting starts with the first sample */
    int gap = gap_failed(a, t);
    a->have_t = 1;
    a->last_t = t;
    if (gap) return HIP_OK;
    double an = sqrt(acc[0] * acc[0] + acc[1] * acc[1] + acc[2] * acc[2]);
    /* Stillness on short averages: sensor noise alone must not read as movement. */
    double ka = dt > 0 && dt <= c->max_gap_s ? dt / (IMU_SMOOTH_S + dt) : 1.0;
    for (int j = 0; j < 3; j++) {
        a->w_avg[j] += ka * (gyr[j] - a->w_avg[j]);
        a->a_avg[j] += ka * (acc[j] - a->a_avg[j]);
    }
    double wn = sqrt(a->w_avg[0] * a->w_avg[0] + a->w_avg[1] * a->w_avg[1] + a->w_avg[2] * a->w_avg[2]) *
                HIP__ASSESS_DEG;
    double aan = sqrt(a->a_avg[0] * a->a_avg[0] + a->a_avg[1] * a->a_avg[1] + a->a_avg[2] * a->a_avg[2]);
    int still = wn < c->still_gyro_dps && fabs(aan - HIP__ASSESS_G) < c->still_accel;
    note_still(a, t, still);
    switch (a->state) {
    case HIP_ASSESS_WAITING:
        if (still && secs(t - a->still_since) >= SETTLE_S) {
            enter(a, HIP_ASSESS_CALIBRATING, t);
            a->cal_n = 0;
            memset(a->acc_sum, 0, sizeof a->acc_sum);
            memset(a->gyro_sum, 0, sizeof a->gyro_sum);
            memcpy(a->cal_ref, a->a_avg, sizeof a->cal_ref);
        } else if (secs(t - a->phase_t0) > c->max_wait_s) {
            fail(a, HIP_ASSESS_FAIL_NO_STILLNESS);
        }
        if (a->state != HIP_ASSESS_CALIBRATING) break;
        /* This sample is the first of the calibration. */
        /* fall through */
    case HIP_ASSESS_CALIBRATING: {
        double mean[3];
        for (int k = 0; k < 3; k++) mean[k] = a->cal_n ? a->acc_sum[k] / (double)a->cal_n : a->cal_ref[k];
        double dev = angle_between(a->a_avg, mean);
        /* Moving: the tilt left the start pose, or the sensor turned faster than "still". */
        if (dev > c->calibration_tolerance_deg || !still) {
            fail(a, HIP_ASSESS_FAIL_MOVED_DURING_CALIBRATION);
            break;
        }
        if (dev > a->cal_spread_deg) a->cal_spread_deg = dev;
        for (int k = 0; k < 3; k++) {
            a->acc_sum[k] += acc[k];
            a->gyro_sum[k] += gyr[k];
        }
        a->cal_n++;
        if (secs(t - a->phase_t0) >= c->calibration_s) {
            double bias[3], up[3], n;
            for (int k = 0; k < 3; k++) {
                bias[k] = a->gyro_sum[k] / (double)a->cal_n;
                up[k] = a->acc_sum[k] / (double)a->cal_n;
            }
            n = sqrt(up[0] * up[0] + up[1] * up[1] + up[2] * up[2]);
            for (int k = 0; k < 3; k++) up[k] /= n;
            hip__assess_imu_start(&a->imu, bias, up, imu_geom(c));
            a->calibrated = 1;
            enter(a, HIP_ASSESS_READY, t);
        }
        break;
    }
    case HIP_ASSESS_READY:
    case HIP_ASSESS_MOVING:
    case HIP_ASSESS_HELD: {
        hip__assess_imu_step(&a->imu, gyr, acc, dt, c->tilt_gain);
        hip__assess_reading rd;
        double lock = c->move_deg > LOCK_MIN_DEG ? c->move_deg : LOCK_MIN_DEG;
        hip__assess_imu_read(&a->imu, lock, &rd);
        if (a->state != HIP_ASSESS_READY) {
            a->move_n++;
            if (fabs(an - HIP__ASSESS_G) >= DYNAMIC_ACCEL) a->dynamic_n++;
        }
        track(a, t, rd.primary_deg, rd.out_of_plane_deg, rd.thigh_rotation_deg, 0, 0, still);
        break;
    }
    default: break;
    }
    return HIP_OK;
}

hip_status hip_assess_push_imu_block(hip_assess *a, const int64_t *t_ns, const float *samples, size_t count,
                                     size_t *consumed_out)
{
    if (consumed_out) *consumed_out = 0;
    if (!a) return HIP_ERR_INVALID;
    if ((!t_ns || !samples) && count) {
        hip__clearerr(&a->err);
        return hip__seterr(&a->err, HIP_ERR_INVALID, "t_ns and samples must not be NULL");
    }
    for (size_t i = 0; i < count; i++) {
        hip_status st = hip_assess_push_imu(a, t_ns[i], samples + i * HIPTRACK_ASSESS_IMU_WIDTH);
        if (st != HIP_OK) return st;
        if (consumed_out) *consumed_out = i + 1;
        if (a->state == HIP_ASSESS_DONE || a->state == HIP_ASSESS_FAILED) break;   /* the rest is not needed */
    }
    return HIP_OK;
}

/* The primary angle of a frame in the motion's direction; 0 when the frame lacks it. */
static int pose_primary(const hip_assess_config *c, const hip_assess_angles *f, double *out)
{
    switch (c->motion) {
    case HIP_ROM_FLEXION:
    case HIP_ROM_EXTENSION:
        if (!(f->valid & HIP_ASSESS_ANGLE_HIP_FLEXION)) return 0;
        *out = c->motion == HIP_ROM_FLEXION ? f->hip_flexion_deg : -f->hip_flexion_deg;
        return 1;
    case HIP_ROM_ABDUCTION:
    case HIP_ROM_ADDUCTION:
        if (!(f->valid & HIP_ASSESS_ANGLE_HIP_ABDUCTION)) return 0;
        *out = c->motion == HIP_ROM_ABDUCTION ? f->hip_abduction_deg : -f->hip_abduction_deg;
        return 1;
    case HIP_ROM_INTERNAL_ROTATION:
    case HIP_ROM_EXTERNAL_ROTATION:
        if (!(f->valid & HIP_ASSESS_ANGLE_HIP_ROTATION)) return 0;
        *out = c->motion == HIP_ROM_INTERNAL_ROTATION ? f->hip_rotation_deg : -f->hip_rotation_deg;
        return 1;
    default:
        if (!(f->valid & HIP_ASSESS_ANGLE_KNEE_FLEXION)) return 0;
        *out = f->knee_flexion_deg;
        return 1;
    }
}

/* The secondary angles of a frame: flexion, abduction, rotation, trunk sagittal, trunk frontal,
 * pelvic obliquity. */
#define SECONDARY 6
static void pose_secondary(const hip_assess_angles *f, double v[SECONDARY], int ok[SECONDARY])
{
    static const uint32_t bits[SECONDARY] = {
        HIP_ASSESS_ANGLE_HIP_FLEXION, HIP_ASSESS_ANGLE_HIP_ABDUCTION, HIP_ASSESS_ANGLE_HIP_ROTATION,
        HIP_ASSESS_ANGLE_TRUNK_LEAN_SAGITTAL, HIP_ASSESS_ANGLE_TRUNK_LEAN_FRONTAL,
        HIP_ASSESS_ANGLE_PELVIC_OBLIQUITY};
    v[0] = f->hip_flexion_deg;
    v[1] = f->hip_abduction_deg;
    v[2] = f->hip_rotation_deg;
    v[3] = f->trunk_lean_sagittal_deg;
    v[4] = f->trunk_lean_frontal_deg;
    v[5] = f->pelvic_obliquity_deg;
    for (int k = 0; k < SECONDARY; k++) ok[k] = (f->valid & bits[k]) != 0;
}

hip_status hip_assess_angles_from_pose(const hip_pose_angles *pose, hip_assess_side side, hip_assess_angles *out)
{
    if (!pose || !out || (unsigned)side > HIP_ASSESS_RIGHT) return HIP_ERR_INVALID;
    int r = side == HIP_ASSESS_RIGHT;
    static const struct {
        hip_pose_angle left, right;
        uint32_t bit;
    } map[7] = {
        {HIP_POSE_HIP_FLEXION_L, HIP_POSE_HIP_FLEXION_R, HIP_ASSESS_ANGLE_HIP_FLEXION},
        {HIP_POSE_HIP_ABDUCTION_L, HIP_POSE_HIP_ABDUCTION_R, HIP_ASSESS_ANGLE_HIP_ABDUCTION},
        {HIP_POSE_HIP_ROTATION_L, HIP_POSE_HIP_ROTATION_R, HIP_ASSESS_ANGLE_HIP_ROTATION},
        {HIP_POSE_KNEE_FLEXION_L, HIP_POSE_KNEE_FLEXION_R, HIP_ASSESS_ANGLE_KNEE_FLEXION},
        {HIP_POSE_TRUNK_LEAN_SAGITTAL, HIP_POSE_TRUNK_LEAN_SAGITTAL, HIP_ASSESS_ANGLE_TRUNK_LEAN_SAGITTAL},
        {HIP_POSE_TRUNK_LEAN_FRONTAL, HIP_POSE_TRUNK_LEAN_FRONTAL, HIP_ASSESS_ANGLE_TRUNK_LEAN_FRONTAL},
        {HIP_POSE_PELVIC_OBLIQUITY, HIP_POSE_PELVIC_OBLIQUITY, HIP_ASSESS_ANGLE_PELVIC_OBLIQUITY},
    };
    double v[7];
    hip_assess_angles a;
    memset(&a, 0, sizeof a);
    for (int k = 0; k < 7; k++) {
        hip_pose_angle i = r ? map[k].right : map[k].left;
        v[k] = 0;
        if (pose->valid & (1u << i)) {
            v[k] = pose->deg[i];
            a.valid |= map[k].bit;
        }
    }
    a.hip_flexion_deg = v[0];
    a.hip_abduction_deg = v[1];
    a.hip_rotation_deg = v[2];
    a.knee_flexion_deg = v[3];
    a.trunk_lean_sagittal_deg = v[4];
    a.trunk_lean_frontal_deg = v[5];
    a.pelvic_obliquity_deg = v[6];
    *out = a;
    return HIP_OK;
}

hip_status hip_assess_push_keypoints(hip_assess *a, int64_t t, const hip_pose_angles_config *pc,
                                     const hip_keypoint *kp, size_t count)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!pc || !kp) return hip__seterr(&a->err, HIP_ERR_INVALID, "pose_config and keypoints must not be NULL");
    char msg[128];
    if (hip_pose_angles_config_check(pc, msg, sizeof msg) != HIP_OK)
        return hip__seterr(&a->err, HIP_ERR_INVALID, "pose_config.%s", msg);
    if (count != hip_pose_skeleton_joint_count(pc->skeleton))
        return hip__seterr(&a->err, HIP_ERR_INVALID, "count: expected %zu keypoints for the %s skeleton",
                           hip_pose_skeleton_joint_count(pc->skeleton), hip_pose_skeleton_name(pc->skeleton));
    hip_pose_angles pose;
    hip_status st = hip_pose_angles_compute(pc, kp, count, &pose);
    if (st != HIP_OK) return hip__seterr(&a->err, st, "keypoints: %s", hip_status_str(st));
    hip_assess_angles f;
    hip_assess_angles_from_pose(&pose, a->cfg.side, &f);
    return hip_assess_push_angles(a, t, &f);
}

hip_status hip_assess_push_angles(hip_assess *a, int64_t t, const hip_assess_angles *f)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!f) return hip__seterr(&a->err, HIP_ERR_INVALID, "angles is NULL");
    if (a->cfg.source != HIP_ASSESS_SOURCE_POSE)
        return hip__seterr(&a->err, HIP_ERR_STATE, "source: this assessment takes IMU samples");
    static const char *const names[7] = {"hip_flexion_deg", "hip_abduction_deg", "hip_rotation_deg",
                                         "knee_flexion_deg", "trunk_lean_sagittal_deg",
                                         "trunk_lean_frontal_deg", "pelvic_obliquity_deg"};
    const double vals[7] = {f->hip_flexion_deg, f->hip_abduction_deg, f->hip_rotation_deg,
                            f->knee_flexion_deg, f->trunk_lean_sagittal_deg, f->trunk_lean_frontal_deg,
                            f->pelvic_obliquity_deg};
    for (int k = 0; k < 7; k++)
        if ((f->valid & (1u << k)) && !(fabs(vals[k]) <= 360.0))
            return hip__seterr(&a->err, HIP_ERR_RANGE, "angles.%s: expected a finite angle within +-360",
                               names[k]);
    if (f->valid & ~127u) return hip__seterr(&a->err, HIP_ERR_INVALID, "angles.valid: unknown bits");
    int go;
    hip_status st = begin_sample(a, t, &go);
    if (!go) return st;
    const hip_assess_config *c = &a->cfg;
    double p = 0;
    int has = pose_primary(c, f, &p);
    double dt = a->have_t ? secs(t - a->last_t) : 0;
    if (!a->have_t) a->last_valid_t = a->phase_t0 = t;
    int gap = gap_failed(a, t);
    a->have_t = 1;
    a->last_t = t;
    if (gap) return HIP_OK;
    if (a->state >= HIP_ASSESS_READY) a->frames++;
    if (!has) {
        if (secs(t - a->last_valid_t) > c->max_gap_s) {
            if (a->state == HIP_ASSESS_WAITING) a->still_run = 0;
            else fail(a, HIP_ASSESS_FAIL_LOST_TRACKING);
        }
        return HIP_OK;
    }
    double since = secs(t - a->last_valid_t);
    a->last_valid_t = t;
    if (a->state >= HIP_ASSESS_READY) a->valid_frames++;
    /* Smoothed primary angle: keypoint jitter would otherwise read as speed. */
    double speed = 0;
    if (!a->have_smooth || since > c->max_gap_s) {
        a->smooth = a->slow = p;
        a->have_smooth = 1;
        a->n3 = 0;
    } else {
        a->smooth += dt / (POSE_SMOOTH_S + dt) * (p - a->smooth);
        a->slow += dt / (POSE_SLOW_S + dt) * (p - a->slow);
        /* On a ramp the fast average lags the slow one by speed x (slow - fast time constant). */
        speed = fabs(a->smooth - a->slow) / (POSE_SLOW_S - POSE_SMOOTH_S);
    }
    int still = speed < c->still_angle_dps;
    note_still(a, t, still);
    /* The measurement uses the median of the last three frames: the averages above would shave the
     * top off a peak without a hold (about 6 deg off a straight-leg raise), a median only removes
     * one-frame keypoint spikes. */
    a->last3[a->n3 % 3] = p;
    a->n3++;
    double m3 = p;
    if (a->n3 >= 3) {
        double x = a->last3[0], y = a->last3[1], z = a->last3[2];
        m3 = x > y ? (y > z ? y : (x > z ? z : x)) : (x > z ? x : (y > z ? z : y));
    }
    double sec[SECONDARY];
    int ok[SECONDARY];
    pose_secondary(f, sec, ok);
    switch (a->state) {
    case HIP_ASSESS_WAITING:
        if (still && secs(t - a->still_since) >= SETTLE_S) {
            enter(a, HIP_ASSESS_CALIBRATING, t);
            a->cal_n = 0;
            a->cal_sum = 0;
            memset(a->ref_sum, 0, sizeof a->ref_sum);
            memset(a->ref_n, 0, sizeof a->ref_n);
        } else if (secs(t - a->phase_t0) > c->max_wait_s) {
            fail(a, HIP_ASSESS_FAIL_NO_STILLNESS);
        }
        if (a->state != HIP_ASSESS_CALIBRATING) break;
        /* fall through */
    case HIP_ASSESS_CALIBRATING: {
        double mean = a->cal_n ? a->cal_sum / (double)a->cal_n : m3;
        double dev = fabs(m3 - mean);
        if (dev > c->calibration_tolerance_deg || !still) {
            fail(a, HIP_ASSESS_FAIL_MOVED_DURING_CALIBRATION);
            break;
        }
        if (dev > a->cal_spread_deg) a->cal_spread_deg = dev;
        a->cal_sum += m3;
        a->cal_n++;
        for (int k = 0; k < SECONDARY; k++)
            if (ok[k]) {
                a->ref_sum[k] += sec[k];
                a->ref_n[k]++;
            }
        if (secs(t - a->phase_t0) >= c->calibration_s) {
            a->start_deg = a->cal_sum / (double)a->cal_n;
            for (int k = 0; k < SECONDARY; k++) a->ref[k] = a->ref_n[k] ? a->ref_sum[k] / (double)a->ref_n[k] : 0;
            a->calibrated = 1;
            enter(a, HIP_ASSESS_READY, t);
        }
        break;
    }
    case HIP_ASSESS_READY:
    case HIP_ASSESS_MOVING:
    case HIP_ASSESS_HELD: {
        double d[SECONDARY];
        for (int k = 0; k < SECONDARY; k++) d[k] = ok[k] && a->ref_n[k] ? fabs(sec[k] - a->ref[k]) : 0;
        double oop = 0, rot = 0;
        switch (c->motion) {
        case HIP_ROM_FLEXION:
        case HIP_ROM_EXTENSION: oop = d[1]; rot = d[2]; break;
        case HIP_ROM_ABDUCTION:
        case HIP_ROM_ADDUCTION: oop = d[0]; rot = d[2]; break;
        case HIP_ROM_INTERNAL_ROTATION:
        case HIP_ROM_EXTERNAL_ROTATION: oop = d[0] > d[1] ? d[0] : d[1]; break;
        default: break;
        }
        track(a, t, m3 - a->start_deg, oop, rot, d[3] > d[4] ? d[3] : d[4], d[5], still);
        break;
    }
    default: break;
    }
    return HIP_OK;
}

hip_status hip_assess_finish(hip_assess *a)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    switch (a->state) {
    case HIP_ASSESS_DONE:
    case HIP_ASSESS_FAILED:
        return hip__seterr(&a->err, HIP_ERR_STATE, "the assessment is already %s", state_names[a->state]);
    case HIP_ASSESS_MOVING:
    case HIP_ASSESS_HELD: finish_result(a); break;
    case HIP_ASSESS_READY: fail(a, HIP_ASSESS_FAIL_NO_MOVEMENT); break;
    default: fail(a, HIP_ASSESS_FAIL_NO_STILLNESS); break;
    }
    return HIP_OK;
}

hip_status hip_assess_current_deg(const hip_assess *a, double *deg_out)
{
    if (!a || !deg_out) return HIP_ERR_INVALID;
    if (!a->calibrated) return HIP_ERR_NOT_FOUND;
    *deg_out = a->cur_deg;
    return HIP_OK;
}

hip_status hip_assess_result_get(const hip_assess *a, hip_assess_result *out)
{
    if (!a || !out) return HIP_ERR_INVALID;
    if (a->state == HIP_ASSESS_FAILED) return HIP_ERR_STATE;
    if (a->state != HIP_ASSESS_DONE) return HIP_ERR_NOT_FOUND;
    *out = a->result;
    return HIP_OK;
}
