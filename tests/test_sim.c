/* The motion simulator: config validation, determinism, chunk independence and rewind, physics
 * (gravity at rest, gyro-integrated excursion, vertical travel by strapdown integration), the
 * truth table, every catalog exercise at 10/50/200 Hz, and allocation failures. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hip_sim.h"

#define G 9.80665
#define PI 3.14159265358979323846
#define COLS HIPTRACK_SIM_COLUMNS

static hip_exercise find_exercise(const char *id)
{
    hip_catalog *cat = NULL;
    assert_int_equal(hip_catalog_create(NULL, &cat), HIP_OK);
    hip_exercise ex;
    assert_int_equal(hip_catalog_find(cat, id, &ex), HIP_OK);
    hip_catalog_destroy(cat);
    return ex;
}

/* A config for a catalog exercise; placement < 0 keeps the exercise's own segment. */
static hip_sim_config config_for(const char *id, int placement)
{
    hip_sim_config c;
    hip_sim_config_init(&c);
    c.exercise = find_exercise(id);
    if (placement >= 0) {
        c.placement_from_exercise = 0;
        c.placement = (hip_segment)placement;
    }
    return c;
}

/* No noise, bias or jitter: the ideal signals the physics checks integrate. */
static void make_ideal(hip_sim_config *c)
{
    c->accel_noise = c->gyro_noise = c->accel_bias = c->gyro_bias = 0;
    c->rate_jitter = 0;
}

static hip_sim *create_ok(const hip_sim_config *c)
{
    hip_sim *s = NULL;
    char msg[256] = "x";
    assert_int_equal(hip_sim_create(c, &s, msg, sizeof msg), HIP_OK);
    assert_non_null(s);
    assert_string_equal(msg, "");
    return s;
}

typedef struct stream {
    size_t n;
    int64_t *t;
    float *v;
} stream;

static stream read_all(hip_sim *s)
{
    stream st;
    st.n = hip_sim_sample_count(s);
    st.t = malloc((st.n + 1) * sizeof *st.t);
    st.v = malloc((st.n + 1) * COLS * sizeof *st.v);
    assert_non_null(st.t);
    assert_non_null(st.v);
    size_t got = 0;
    assert_int_equal(hip_sim_read(s, st.t, st.v, st.n + 1, &got), HIP_OK);
    assert_int_equal(got, st.n);
    assert_int_equal(hip_sim_read(s, st.t, st.v, st.n + 1, &got), HIP_DONE);
    assert_int_equal(got, 0);
    return st;
}

static void stream_free(stream *st)
{
    free(st->t);
    free(st->v);
}

static hip_sim_rep rep_at(const hip_sim *s, size_t i)
{
    hip_sim_rep r;
    assert_int_equal(hip_sim_rep_at(s, i, &r), HIP_OK);
    return r;
}

/* First sample index at or after t_ns. */
static size_t index_at(const stream *st, int64_t t_ns)
{
    size_t i = 0;
    while (i < st->n && st->t[i] < t_ns) i++;
    return i;
}

static double norm3(const float *v) { return sqrt((double)v[0] * v[0] + (double)v[1] * v[1] + (double)v[2] * v[2]); }

/* |integral of the gyro vector| over [i0, i1] (trapezoid), in degrees. */
static double gyro_turn_deg(const stream *st, size_t i0, size_t i1)
{
    double acc[3] = {0, 0, 0};
    for (size_t i = i0; i < i1; i++) {
        double dt = (double)(st->t[i + 1] - st->t[i]) * 1e-9;
        for (int k = 0; k < 3; k++)
            acc[k] += 0.5 * dt * ((double)st->v[i * COLS + 3 + k] + (double)st->v[(i + 1) * COLS + 3 + k]);
    }
    return sqrt(acc[0] * acc[0] + acc[1] * acc[1] + acc[2] * acc[2]) * 180.0 / PI;
}

/* Vertical displacement (m) of the sensor from i0 to i1 by strapdown integration that needs no
 * knowledge of the mounting: "up" in the sensor frame is the gravity direction at i0 (at rest),
 * carried along by the gyro; the vertical specific force minus g is integrated twice. */
static double vertical_travel_m(const stream *st, size_t i0, size_t i1)
{
    const float *f0 = &st->v[i0 * COLS];
    double up[3], n0 = norm3(f0);
    for (int k = 0; k < 3; k++) up[k] = f0[k] / n0;
    double vel = 0, pos = 0, a_prev = 0;
    for (size_t i = i0; i < i1; i++) {
        double dt = (double)(st->t[i + 1] - st->t[i]) * 1e-9;
        const float *w = &st->v[i * COLS + 3];
        /* A world-fixed vector seen from the sensor turns the other way: du/dt = u x w. */
        double du[3] = {up[1] * w[2] - up[2] * w[1], up[2] * w[0] - up[0] * w[2],
                        up[0] * w[1] - up[1] * w[0]};
        double n = 0;
        for (int k = 0; k < 3; k++) {
            up[k] += du[k] * dt;
            n += up[k] * up[k];
        }
        n = sqrt(n);
        const float *f = &st->v[(i + 1) * COLS];
        double a = -G;
        for (int k = 0; k < 3; k++) {
            up[k] /= n;
            a += f[k] * up[k];
        }
        double v_new = vel + 0.5 * (a_prev + a) * dt;
        pos += 0.5 * (vel + v_new) * dt;
        vel = v_new;
        a_prev = a;
    }
    return pos;
}

/* ---- Configuration ---- */

static void test_config_defaults(void **state)
{
    (void)state;
    hip_sim_config c;
    hip_sim_config_init(&c);
    assert_int_equal(c.struct_size, sizeof c);
    assert_int_equal(c.sets, 1);
    assert_int_equal(c.reps_per_set, 10);
    assert_true(c.rate_hz == 50.0);
    assert_int_equal(c.placement_from_exercise, 1);
    assert_int_equal(c.random_mounting, 1);
    hip_sim_config_init(NULL);
    hip_sim *s = create_ok(&c);   /* the generic exercise simulates as it is */
    assert_int_equal(hip_sim_rep_count(s), 10);
    assert_true(hip_sim_duration_s(s) > 10.0);
    assert_true(hip_sim_sample_count(s) > 500);
    hip_sim_destroy(s);
    hip_sim_destroy(NULL);
}

static void half_free(void *opaque, void *ptr)
{
    (void)opaque;
    free(ptr);
}

typedef struct bad_case {
    const char *field;     /* the message must start with this */
    hip_status status;
} bad_case;

/* Makes field number i of the config bad; returns what create must say. */
static bad_case spoil(hip_sim_config *c, int i)
{
    switch (i) {
    case 0: c->struct_size = 8; return (bad_case){"struct_size", HIP_ERR_INVALID};
    case 1: c->allocator.free = half_free; return (bad_case){"allocator", HIP_ERR_INVALID};
    case 2: c->placement_from_exercise = 2; return (bad_case){"placement_from_exercise", HIP_ERR_INVALID};
    case 3: c->placement_from_exercise = 0; c->placement = (hip_segment)7; return (bad_case){"placement", HIP_ERR_INVALID};
    case 4: c->random_mounting = -1; return (bad_case){"random_mounting", HIP_ERR_INVALID};
    case 5: c->sets = 0; return (bad_case){"sets: expected 1..20", HIP_ERR_RANGE};
    case 6: c->sets = 21; return (bad_case){"sets", HIP_ERR_RANGE};
    case 7: c->reps_per_set = 0; return (bad_case){"reps_per_set: expected 1..200", HIP_ERR_RANGE};
    case 8: c->reps_per_set = 201; return (bad_case){"reps_per_set", HIP_ERR_RANGE};
    case 9: c->rate_hz = 9.99; return (bad_case){"rate_hz: expected 10..200", HIP_ERR_RANGE};
    case 10: c->rate_hz = 200.5; return (bad_case){"rate_hz", HIP_ERR_RANGE};
    case 11: c->rate_hz = NAN; return (bad_case){"rate_hz", HIP_ERR_RANGE};
    case 12: c->rate_jitter = 0.51; return (bad_case){"rate_jitter", HIP_ERR_RANGE};
    case 13: c->rate_jitter = -0.01; return (bad_case){"rate_jitter", HIP_ERR_RANGE};
    case 14: c->lead_in_s = -1; return (bad_case){"lead_in_s", HIP_ERR_RANGE};
    case 15: c->lead_in_s = INFINITY; return (bad_case){"lead_in_s", HIP_ERR_RANGE};
    case 16: c->rest_s = -0.5; return (bad_case){"rest_s", HIP_ERR_RANGE};
    case 17: c->rest_s = 3601; return (bad_case){"rest_s", HIP_ERR_RANGE};
    case 18: c->tempo_variation = 0.6; return (bad_case){"tempo_variation", HIP_ERR_RANGE};
    case 19: c->excursion_variation = -0.1; return (bad_case){"excursion_variation", HIP_ERR_RANGE};
    case 20: c->pause_probability = 1.5; return (bad_case){"pause_probability", HIP_ERR_RANGE};
    case 21: c->partial_fraction = -0.2; return (bad_case){"partial_fraction", HIP_ERR_RANGE};
    case 22: c->fast_fraction = 1.2; return (bad_case){"fast_fraction", HIP_ERR_RANGE};
    case 23: c->partial_fraction = 0.6; c->fast_fraction = 0.5;
        return (bad_case){"partial_fraction + fast_fraction", HIP_ERR_RANGE};
    case 24: c->fidget = 2; return (bad_case){"fidget", HIP_ERR_RANGE};
    case 25: c->accel_noise = -1; return (bad_case){"accel_noise", HIP_ERR_RANGE};
    case 26: c->gyro_noise = NAN; return (bad_case){"gyro_noise", HIP_ERR_RANGE};
    case 27: c->accel_bias = 100; return (bad_case){"accel_bias", HIP_ERR_RANGE};
    case 28: c->gyro_bias = -0.001; return (bad_case){"gyro_bias", HIP_ERR_RANGE};
    case 29: c->exercise.motion.rep_s_min = 5; c->exercise.motion.rep_s_max = 2;
        return (bad_case){"exercise.motion.rep_s", HIP_ERR_INVALID};
    case 30: c->exercise.motion.segment = (hip_segment)42;
        return (bad_case){"exercise.motion", HIP_ERR_INVALID};
    case 31: c->exercise.dose.sets_min = 0; return (bad_case){"exercise.dose.sets", HIP_ERR_INVALID};
    case 32: c->exercise.id[0] = 'X'; return (bad_case){"exercise.id", HIP_ERR_INVALID};
    case 33: c->exercise.motion.count = HIP_COUNT_HOLDS; c->exercise.dose.hold_s_min = 0;
        c->exercise.dose.hold_s_max = 0; c->exercise.motion.hold_s_min = 0; c->exercise.motion.hold_s_max = 0;
        return (bad_case){"exercise.dose.hold_s", HIP_ERR_INVALID};
    case 34: c->sets = 20; c->reps_per_set = 200; c->exercise.motion.rep_s_max = 600;
        return (bad_case){"sets * reps_per_set", HIP_ERR_RANGE};
    default: return (bad_case){NULL, HIP_OK};
    }
}

static void test_config_errors_name_the_field(void **state)
{
    (void)state;
    int cases = 0;
    for (int i = 0;; i++) {
        hip_sim_config c = config_for("squat", -1);
        bad_case want = spoil(&c, i);
        if (!want.field) break;
        hip_sim *s = (hip_sim *)&c;   /* must be reset to NULL on failure */
        char msg[256] = "";
        hip_status st = hip_sim_create(&c, &s, msg, sizeof msg);
        if (st != want.status || strncmp(msg, want.field, strlen(want.field)) != 0)
            fail_msg("case %d: got %d '%s', want %d '%s...'", i, st, msg, want.status, want.field);
        assert_null(s);
        cases++;
    }
    assert_int_equal(cases, 35);
    /* NULL arguments, and a message buffer too small is cut, still terminated. */
    hip_sim_config c = config_for("squat", -1);
    hip_sim *s = NULL;
    char msg[8];
    assert_int_equal(hip_sim_create(NULL, &s, msg, sizeof msg), HIP_ERR_INVALID);
    assert_string_equal(msg, "config:");
    assert_int_equal(hip_sim_create(&c, NULL, NULL, 0), HIP_ERR_INVALID);
    c.rate_hz = 1;
    assert_int_equal(hip_sim_create(&c, &s, NULL, 0), HIP_ERR_RANGE);
    c.rate_hz = 10;
    c.placement_from_exercise = 0;
    c.placement = HIP_SEGMENT_FOREARM;
    s = create_ok(&c);   /* the edges of the ranges are valid */
    hip_sim_destroy(s);
}

/* ---- Determinism and streaming ---- */

static void test_same_seed_same_bytes(void **state)
{
    (void)state;
    hip_sim_config c = config_for("clamshell", -1);
    c.seed = 12345;
    c.sets = 2;
    c.reps_per_set = 4;
    c.partial_fraction = 0.25;
    c.rate_jitter = 0.3;
    hip_sim *a = create_ok(&c), *b = create_ok(&c);
    stream sa = read_all(a), sb = read_all(b);
    assert_int_equal(sa.n, sb.n);
    assert_memory_equal(sa.t, sb.t, sa.n * sizeof *sa.t);
    assert_memory_equal(sa.v, sb.v, sa.n * COLS * sizeof *sa.v);
    for (size_t i = 0; i < hip_sim_rep_count(a); i++) {
        hip_sim_rep ra = rep_at(a, i), rb = rep_at(b, i);
        assert_memory_equal(&ra, &rb, sizeof ra);
    }
    hip_sim_destroy(b);
    c.seed = 12346;
    b = create_ok(&c);
    stream sc = read_all(b);
    size_t n = sc.n < sa.n ? sc.n : sa.n;
    assert_true(memcmp(sa.v, sc.v, n * COLS * sizeof *sa.v) != 0);
    assert_true(rep_at(a, 0).end_ns != rep_at(b, 0).end_ns);
    stream_free(&sa);
    stream_free(&sb);
    stream_free(&sc);
    hip_sim_destroy(a);
    hip_sim_destroy(b);
}

static void test_reading_is_chunk_independent(void **state)
{
    (void)state;
    hip_sim_config c = config_for("seated_march", -1);
    c.seed = 7;
    c.sets = 2;
    c.reps_per_set = 3;
    c.rest_s = 6;
    c.fidget = 1;
    hip_sim *s = create_ok(&c);
    stream whole = read_all(s);
    size_t n = whole.n;
    int64_t *t = malloc(n * sizeof *t);
    float *v = malloc(n * COLS * sizeof *v);
    assert_non_null(t);
    assert_non_null(v);
    for (int mode = 0; mode < 2; mode++) {   /* 1 x N was read_all; now N x 1, then random */
        assert_int_equal(hip_sim_rewind(s), HIP_OK);
        memset(t, 0, n * sizeof *t);
        memset(v, 0, n * COLS * sizeof *v);
        uint32_t lcg = 12345u;
        size_t at = 0, got = 0;
        for (;;) {
            size_t chunk = 1;
            if (mode == 1) {   /* 0..96, so empty reads happen in between too */
                lcg = lcg * 1664525u + 1013904223u;
                chunk = (lcg >> 16) % 97;
            }
            if (chunk > n - at) chunk = n - at;
            hip_status st = hip_sim_read(s, t + at, v + at * COLS, chunk, &got);
            if (st == HIP_DONE) break;
            assert_int_equal(st, HIP_OK);
            assert_int_equal(got, chunk);
            at += got;
        }
        assert_int_equal(at, n);
        assert_memory_equal(t, whole.t, n * sizeof *t);
        assert_memory_equal(v, whole.v, n * COLS * sizeof *v);
    }
    size_t got = 99;
    assert_int_equal(hip_sim_read(NULL, t, v, 1, &got), HIP_ERR_INVALID);
    assert_int_equal(got, 0);
    assert_int_equal(hip_sim_read(s, NULL, v, 1, &got), HIP_ERR_INVALID);
    assert_int_equal(hip_sim_read(s, t, NULL, 1, &got), HIP_ERR_INVALID);
    assert_int_equal(hip_sim_read(s, t, v, 1, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_sim_rewind(NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_sim_rewind(s), HIP_OK);
    assert_int_equal(hip_sim_read(s, NULL, NULL, 0, &got), HIP_OK);
    assert_int_equal(got, 0);
    free(t);
    free(v);
    stream_free(&whole);
    hip_sim_destroy(s);
}

static void test_timestamps_jitter_but_increase(void **state)
{
    (void)state;
    hip_sim_config c = config_for("bridge", -1);
    c.rate_jitter = 0.5;
    c.rate_hz = 25;
    hip_sim *s = create_ok(&c);
    stream st = read_all(s);
    double period_ns = 1e9 / 25.0;
    int jittered = 0;
    for (size_t i = 0; i < st.n; i++) {
        double ideal = (double)i * period_ns;
        assert_true((double)st.t[i] >= ideal - 1 && (double)st.t[i] <= ideal + 0.5 * period_ns + 1);
        if (i > 0) assert_true(st.t[i] > st.t[i - 1]);
        if (fabs((double)st.t[i] - ideal) > 1e5) jittered++;
    }
    assert_true(jittered > (int)st.n / 2);
    assert_true(fabs((double)st.n / 25.0 - hip_sim_duration_s(s)) < 0.1);
    stream_free(&st);
    hip_sim_destroy(s);
}

/* ---- Physics ---- */

static void test_rest_reads_gravity(void **state)
{
    (void)state;
    for (int ideal = 0; ideal < 2; ideal++) {
        hip_sim_config c = config_for("standing_hip_abduction", -1);
        c.lead_in_s = 5;
        if (ideal) make_ideal(&c);
        hip_sim *s = create_ok(&c);
        stream st = read_all(s);
        size_t end = index_at(&st, rep_at(s, 0).start_ns);
        assert_true(end > 200);
        double mean_a = 0, gyro[3] = {0, 0, 0};
        for (size_t i = 0; i < end; i++) {
            double a = norm3(&st.v[i * COLS]);
            if (ideal) {
                assert_true(fabs(a - G) < 1e-4);
                assert_true(norm3(&st.v[i * COLS + 3]) < 1e-6);
            } else {
                assert_true(fabs(a - G) < 0.05 + 5 * 0.05);   /* bias + 5 s.d. */
            }
            mean_a += a / (double)end;
            for (int k = 0; k < 3; k++) gyro[k] += st.v[i * COLS + 3 + k] / (double)end;
        }
        assert_true(fabs(mean_a - G) < 0.06);
        assert_true(sqrt(gyro[0] * gyro[0] + gyro[1] * gyro[1] + gyro[2] * gyro[2]) < 0.005 + 0.003);
        stream_free(&st);
        hip_sim_destroy(s);
    }
}

/* The gyro integrated from a rep's start to its peak turns through the excursion. */
static void check_gyro_excursion(const char *id, int placement, double gain, double tol)
{
    hip_sim_config c = config_for(id, placement);
    c.seed = 99;
    c.reps_per_set = 6;
    c.partial_fraction = 1.0 / 3.0;
    hip_sim *s = create_ok(&c);
    stream st = read_all(s);
    for (size_t r = 0; r < hip_sim_rep_count(s); r++) {
        hip_sim_rep rep = rep_at(s, r);
        size_t i0 = index_at(&st, rep.start_ns) - 1, i1 = index_at(&st, rep.peak_ns);
        double turn = gyro_turn_deg(&st, i0, i1), want = gain * rep.excursion_deg;
        if (fabs(turn - want) > tol * want + 0.5)
            fail_msg("%s rep %zu: gyro turned %.1f deg, expected %.1f", id, r, turn, want);
    }
    stream_free(&st);
    hip_sim_destroy(s);
}

static void test_gyro_integrates_to_excursion(void **state)
{
    (void)state;
    check_gyro_excursion("seated_knee_extension", -1, 1.0, 0.1);
    check_gyro_excursion("standing_hip_abduction", -1, 1.0, 0.1);
    check_gyro_excursion("side_lying_hip_abduction", HIP_SEGMENT_THIGH, 1.0, 0.1);
    check_gyro_excursion("straight_leg_raise", HIP_SEGMENT_THIGH, 1.0, 0.1);
    check_gyro_excursion("clamshell", -1, 1.0, 0.1);
    check_gyro_excursion("hip_rotation_mobility", -1, 1.0, 0.1);
    check_gyro_excursion("squat", HIP_SEGMENT_THIGH, 1.0, 0.1);
    check_gyro_excursion("squat", HIP_SEGMENT_UPPER_ARM, 0.8, 0.1);
    check_gyro_excursion("hip_hinge", HIP_SEGMENT_TRUNK, 1.0, 0.1);
}

static void test_pelvis_squat_drops_without_turning(void **state)
{
    (void)state;
    double thigh_turn = 0, pelvis_turn = 0;
    for (int p = 0; p < 2; p++) {
        hip_sim_config c = config_for("squat", p ? HIP_SEGMENT_PELVIS : HIP_SEGMENT_THIGH);
        make_ideal(&c);
        c.seed = 3;
        c.rate_hz = 200;
        c.reps_per_set = 5;
        hip_sim *s = create_ok(&c);
        stream st = read_all(s);
        for (size_t r = 0; r < hip_sim_rep_count(s); r++) {
            hip_sim_rep rep = rep_at(s, r);
            size_t i0 = index_at(&st, rep.start_ns) - 1, i1 = index_at(&st, rep.peak_ns);
            double turn = gyro_turn_deg(&st, i0, i1);
            if (p) pelvis_turn += turn;
            else thigh_turn += turn;
            assert_true(rep.travel_cm >= 20.0 * 0.6 && rep.travel_cm <= 40.0 * 1.4);
            if (p) {   /* the waist drops by the squat's travel (lever effects: ~1 cm) */
                double drop = -vertical_travel_m(&st, i0, i1) * 100.0;
                if (fabs(drop - rep.travel_cm) > 0.1 * rep.travel_cm)
                    fail_msg("rep %zu: pelvis dropped %.1f cm, expected %.1f", r, drop, rep.travel_cm);
                /* and is back where it started at the end of the rep */
                size_t i2 = index_at(&st, rep.end_ns);
                assert_true(fabs(vertical_travel_m(&st, i0, i2)) < 0.02);
            }
        }
        stream_free(&st);
        hip_sim_destroy(s);
    }
    assert_true(pelvis_turn < 0.25 * thigh_turn);
    assert_true(thigh_turn > 5 * 40.0);
}

static void test_travel_of_rising_exercises(void **state)
{
    (void)state;
    /* A waist sensor rises with the hips, except in a bridge: there it sits toward the head from
     * the hips and tips down with the trunk, so it rises visibly less than the hips do. */
    static const struct { const char *id; double lo, hi; } cases[] = {
        {"bridge", 0.5, 1.05}, {"step_up", 0.9, 1.1}, {"heel_raise", 0.9, 1.1},
        {"sit_to_stand", 0.9, 1.1}, {"single_leg_bridge", 0.5, 1.05}, {"lunge", 0.9, 1.1}};
    for (size_t e = 0; e < sizeof cases / sizeof cases[0]; e++) {
        hip_sim_config c = config_for(cases[e].id, HIP_SEGMENT_PELVIS);
        make_ideal(&c);
        c.rate_hz = 200;
        c.reps_per_set = 3;
        hip_sim *s = create_ok(&c);
        stream st = read_all(s);
        for (size_t r = 0; r < hip_sim_rep_count(s); r++) {
            hip_sim_rep rep = rep_at(s, r);
            assert_true(rep.travel_cm > 3.0);
            size_t i0 = index_at(&st, rep.start_ns) - 1, i1 = index_at(&st, rep.peak_ns);
            double rise = fabs(vertical_travel_m(&st, i0, i1)) * 100.0;
            if (rise < cases[e].lo * rep.travel_cm - 0.5 || rise > cases[e].hi * rep.travel_cm + 0.5)
                fail_msg("%s rep %zu: rose %.1f cm, hips %.1f", cases[e].id, r, rise, rep.travel_cm);
        }
        stream_free(&st);
        hip_sim_destroy(s);
    }
}

static void test_fidgets_stay_below_a_rep(void **state)
{
    (void)state;
    hip_sim_config c = config_for("prone_hip_extension", -1);   /* a small 10-20 deg rep */
    make_ideal(&c);
    c.sets = 2;
    c.reps_per_set = 2;
    c.rest_s = 30;
    c.fidget = 1;
    hip_sim *s = create_ok(&c);
    stream st = read_all(s);
    size_t i0 = index_at(&st, rep_at(s, 1).end_ns) + 1, i1 = index_at(&st, rep_at(s, 2).start_ns) - 1;
    const float *f0 = &st.v[i0 * COLS];
    double max_w = 0, max_tilt = 0;
    for (size_t i = i0; i < i1; i++) {
        const float *f = &st.v[i * COLS];
        double w = norm3(f + 3), d = 0;
        for (int k = 0; k < 3; k++) d += (double)f[k] * f0[k];
        double tilt = acos(fmin(1.0, d / (norm3(f) * norm3(f0)))) * 180.0 / PI;
        if (w > max_w) max_w = w;
        if (tilt > max_tilt) max_tilt = tilt;
    }
    assert_true(max_w > 0.005);                 /* the rest is not frozen */
    assert_true(max_tilt < 0.25 * 10.0 + 1.0);  /* a few degrees at most */
    stream_free(&st);
    hip_sim_destroy(s);
}

/* ---- Truth table ---- */

static void test_truth_table(void **state)
{
    (void)state;
    hip_sim_config c = config_for("squat", -1);
    c.seed = 2024;
    c.sets = 3;
    c.reps_per_set = 10;
    c.rest_s = 15;
    c.partial_fraction = 0.2;
    c.fast_fraction = 0.3;
    c.pause_probability = 0.5;
    hip_sim *s = create_ok(&c);
    assert_int_equal(hip_sim_rep_count(s), 30);
    int64_t end_ns = (int64_t)(hip_sim_duration_s(s) * 1e9);
    size_t kinds[4] = {0, 0, 0, 0};
    double exc[4] = {0, 0, 0, 0}, len[4] = {0, 0, 0, 0};
    hip_sim_rep prev;
    memset(&prev, 0, sizeof prev);
    for (size_t i = 0; i < 30; i++) {
        hip_sim_rep r = rep_at(s, i);
        assert_int_equal(r.index, i);
        assert_int_equal(r.set, i / 10);
        assert_true(r.start_ns < r.peak_ns && r.peak_ns < r.end_ns);
        assert_true(r.start_ns >= 2000000000 && r.end_ns < end_ns);
        if (i > 0) assert_true(r.start_ns >= prev.end_ns);
        if (i % 10 == 0 && i > 0) assert_true(r.start_ns - prev.end_ns >= 15000000000);
        assert_true(r.hold_s == 0);
        kinds[r.kind]++;
        exc[r.kind] += r.excursion_deg;
        len[r.kind] += (double)(r.end_ns - r.start_ns) * 1e-9;
        prev = r;
    }
    assert_int_equal(kinds[HIP_SIM_REP_PARTIAL], 6);
    assert_int_equal(kinds[HIP_SIM_REP_FAST], 9);
    assert_int_equal(kinds[HIP_SIM_REP_NORMAL], 15);
    assert_int_equal(kinds[HIP_SIM_REP_SLOW], 0);
    assert_true(exc[HIP_SIM_REP_PARTIAL] / 6 < 0.7 * exc[HIP_SIM_REP_NORMAL] / 15);
    assert_true(len[HIP_SIM_REP_FAST] / 9 < 0.7 * len[HIP_SIM_REP_NORMAL] / 15);
    hip_sim_rep r;
    assert_int_equal(hip_sim_rep_at(s, 30, &r), HIP_ERR_RANGE);
    assert_int_equal(hip_sim_rep_at(s, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_sim_rep_at(NULL, 0, &r), HIP_ERR_INVALID);
    assert_int_equal(hip_sim_rep_count(NULL), 0);
    assert_int_equal(hip_sim_sample_count(NULL), 0);
    assert_true(hip_sim_duration_s(NULL) == 0);
    hip_sim_destroy(s);

    /* Shares round half up, and together never exceed the reps. */
    c.sets = 1;
    c.reps_per_set = 1;
    c.partial_fraction = 0.5;
    c.fast_fraction = 0.5;
    s = create_ok(&c);
    assert_int_equal(rep_at(s, 0).kind, HIP_SIM_REP_PARTIAL);
    hip_sim_destroy(s);
    assert_string_equal(hip_sim_rep_kind_name(HIP_SIM_REP_NORMAL), "normal");
    assert_string_equal(hip_sim_rep_kind_name(HIP_SIM_REP_PARTIAL), "partial");
    assert_string_equal(hip_sim_rep_kind_name(HIP_SIM_REP_FAST), "fast");
    assert_string_equal(hip_sim_rep_kind_name(HIP_SIM_REP_SLOW), "slow");
    assert_string_equal(hip_sim_rep_kind_name((hip_sim_rep_kind)9), "unknown");
}

static void test_holds_and_cycles(void **state)
{
    (void)state;
    hip_sim_config c = config_for("single_leg_stance", -1);
    c.reps_per_set = 3;
    hip_sim *s = create_ok(&c);
    assert_int_equal(hip_sim_rep_count(s), 3);
    for (size_t i = 0; i < 3; i++) {
        hip_sim_rep r = rep_at(s, i);
        assert_true(r.hold_s >= 20 * 0.8 && r.hold_s <= 30 * 1.2);
        assert_true((double)(r.end_ns - r.start_ns) * 1e-9 > r.hold_s);
    }
    hip_sim_destroy(s);

    static const char *const cyclic[] = {"walking", "stationary_cycling"};
    for (int e = 0; e < 2; e++) {
        c = config_for(cyclic[e], -1);
        c.sets = 2;
        c.reps_per_set = 20;
        c.pause_probability = 1;   /* cycles never pause */
        s = create_ok(&c);
        hip_exercise ex = find_exercise(cyclic[e]);
        for (size_t i = 0; i < 40; i++) {
            hip_sim_rep r = rep_at(s, i);
            double len = (double)(r.end_ns - r.start_ns) * 1e-9;
            assert_true(len >= ex.motion.rep_s_min * 0.5 && len <= ex.motion.rep_s_max * 1.6);
            if (i % 20 != 0) assert_true(llabs(r.start_ns - rep_at(s, i - 1).end_ns) <= 1);
            assert_true(r.hold_s == 0);
        }
        if (e == 0) assert_true(rep_at(s, 0).travel_cm >= 2.0 * 0.6);
        hip_sim_destroy(s);
    }
}

/* ---- Every catalog exercise ---- */

static void test_every_catalog_exercise(void **state)
{
    (void)state;
    hip_catalog *cat = NULL;
    assert_int_equal(hip_catalog_create(NULL, &cat), HIP_OK);
    static const double rates[] = {10, 50, 200};
    float v[256 * COLS];
    int64_t t[256];
    for (size_t e = 0; e < hip_catalog_count(cat); e++) {
        hip_sim_config c;
        hip_sim_config_init(&c);
        assert_int_equal(hip_catalog_at(cat, e, &c.exercise), HIP_OK);
        c.sets = 2;
        c.reps_per_set = 3;
        c.rest_s = 5;
        c.seed = e;
        for (int r = 0; r < 3; r++) {
            c.rate_hz = rates[r];
            hip_sim *s = NULL;
            char msg[256];
            if (hip_sim_create(&c, &s, msg, sizeof msg) != HIP_OK)
                fail_msg("%s: %s", c.exercise.id, msg);
            assert_int_equal(hip_sim_rep_count(s), 6);
            size_t n = 0, total = 0;
            int64_t last = -1;
            double amax = 0, amin = 1e9;
            while (hip_sim_read(s, t, v, 256, &n) == HIP_OK) {
                for (size_t i = 0; i < n; i++) {
                    for (int k = 0; k < COLS; k++)
                        if (!isfinite(v[i * COLS + k])) fail_msg("%s: not finite", c.exercise.id);
                    assert_true(t[i] > last);
                    last = t[i];
                    double a = norm3(&v[i * COLS]);
                    amax = fmax(amax, a);
                    amin = fmin(amin, a);
                    if (norm3(&v[i * COLS + 3]) > 15.0) fail_msg("%s: gyro too fast", c.exercise.id);
                }
                total += n;
            }
            assert_int_equal(total, hip_sim_sample_count(s));
            /* Body movement, not impacts: within ~0.6 g of gravity (pedalling is the most). */
            if (amax > G + 6.0 || amin < G - 6.0)
                fail_msg("%s at %g Hz: |a| in %.2f..%.2f", c.exercise.id, c.rate_hz, amin, amax);
            hip_sim_destroy(s);
        }
    }
    hip_catalog_destroy(cat);
}

/* ---- Allocation failures ---- */

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_sim_config c = config_for("squat", -1);
    c.sets = 3;
    long n;
    for (n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        c.allocator = hip_test_counting_allocator(&as);
        hip_sim *s = (hip_sim *)&c;
        char msg[64];
        hip_status st = hip_sim_create(&c, &s, msg, sizeof msg);
        if (st == HIP_OK) {
            size_t got = 0;
            int64_t t[4];
            float v[4 * COLS];
            assert_int_equal(hip_sim_read(s, t, v, 4, &got), HIP_OK);   /* reading allocates nothing */
            assert_int_equal(as.failures, 0);
            hip_sim_destroy(s);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_string_equal(msg, "out of memory");
        assert_null(s);
        assert_int_equal(as.outstanding, 0);
    }
    assert_true(n >= 2);
    hip_test_alloc_reset(&as, -1);
    c.allocator = hip_test_counting_allocator(&as);
    hip_sim *s = create_ok(&c);
    size_t allocs = as.allocs;
    stream st = read_all(s);
    assert_int_equal(as.allocs, allocs);
    stream_free(&st);
    hip_sim_destroy(s);
    assert_int_equal(as.outstanding, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_config_defaults),
        cmocka_unit_test(test_config_errors_name_the_field),
        cmocka_unit_test(test_same_seed_same_bytes),
        cmocka_unit_test(test_reading_is_chunk_independent),
        cmocka_unit_test(test_timestamps_jitter_but_increase),
        cmocka_unit_test(test_rest_reads_gravity),
        cmocka_unit_test(test_gyro_integrates_to_excursion),
        cmocka_unit_test(test_pelvis_squat_drops_without_turning),
        cmocka_unit_test(test_travel_of_rising_exercises),
        cmocka_unit_test(test_fidgets_stay_below_a_rep),
        cmocka_unit_test(test_truth_table),
        cmocka_unit_test(test_holds_and_cycles),
        cmocka_unit_test(test_every_catalog_exercise),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
