/* Sessions: live recording, immutability, validation of every field, summaries, program plans,
 * JSON round trip and import errors, allocation failures. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS 1000000000LL
/* 2026-03-02T08:30:00Z */
static const int64_t T0 = 1772440200LL * NS;

static int32_t day(int y, int m, int d)
{
    int32_t out;
    assert_int_equal(hip_date_from_ymd(y, m, d, &out), HIP_OK);
    return out;
}

static hip_session *new_session(void)
{
    hip_session *s = NULL;
    assert_int_equal(hip_session_create(NULL, &s), HIP_OK);
    return s;
}

static void ok(hip_session *s, hip_status st)
{
    if (st != HIP_OK) fail_msg("status %d: %s", st, hip_session_last_error(s));
}

static size_t add_ex(hip_session *s, const char *id, uint32_t sets, uint32_t reps)
{
    hip_session_exercise ex;
    hip_session_exercise_init(&ex, id);
    ex.prescribed_sets = sets;
    ex.prescribed_reps = reps;
    size_t idx = 99;
    ok(s, hip_session_add_exercise(s, &ex, &idx));
    return idx;
}

static void add_reps(hip_session *s, size_t ex, int n, uint32_t flags_every_third)
{
    hip_session_set set;
    hip_session_set_init(&set);
    set.load_kg = 2.5;
    ok(s, hip_session_add_set(s, ex, &set));
    for (int i = 0; i < n; i++) {
        hip_rep_event ev;
        memset(&ev, 0, sizeof ev);
        ev.index = (uint32_t)i + 1;
        ev.start_ns = T0 + i * 3 * NS;
        ev.peak_ns = ev.start_ns + NS;
        ev.end_ns = ev.start_ns + 2 * NS;
        ev.flags = (i % 3 == 2) ? flags_every_third : 0;
        ev.excursion_deg = 80;
        ev.concentric_s = 1.0;
        ev.eccentric_s = 0.75;
        ev.hold_s = 0.25;
        ev.peak_speed_dps = 120;
        ev.smoothness = -7;
        ev.source = HIP_REP_SOURCE_TRANSLATION;
        ok(s, hip_session_add_rep_event(s, &ev));
    }
}

/* Bridge 3x10 (2 sets done: 10 + 9 reps, every third flagged), clamshell 2x12 (1 set of 12 + a manual
 * hold rep), an extra exercise not prescribed (1 set of 5). Pain 2/4/3. 30 minutes. */
static hip_session *sample(void)
{
    hip_session *s = new_session();
    ok(s, hip_session_start(s, T0, 60));
    ok(s, hip_session_set_program(s, 2, day(2026, 2, 16)));
    ok(s, hip_session_set_pain(s, HIP_PAIN_BEFORE, 2));
    size_t b = add_ex(s, "bridge", 3, 10);
    size_t c = add_ex(s, "clamshell", 2, 12);
    size_t x = add_ex(s, "seated_march", 0, 0);
    assert_int_equal(b, 0);
    assert_int_equal(c, 1);
    assert_int_equal(x, 2);
    add_reps(s, b, 10, HIP_REP_PARTIAL);
    hip_session_set upd;
    hip_session_set_init(&upd);
    upd.rpe = 6;
    upd.pain = 3;
    upd.load_kg = 2.5;
    upd.start_ns = T0;
    ok(s, hip_session_update_set(s, &upd));
    add_reps(s, c, 11, 0);
    hip_session_rep r;
    hip_session_rep_init(&r);
    r.hold_s = 5;
    r.flags = HIP_REP_HOLD_SHORT;
    ok(s, hip_session_add_rep(s, &r));
    add_reps(s, b, 9, HIP_REP_TOO_FAST | HIP_REP_TOO_SLOW);
    add_reps(s, x, 5, 0);
    ok(s, hip_session_set_pain(s, HIP_PAIN_DURING, 4));
    ok(s, hip_session_set_pain(s, HIP_PAIN_AFTER, 3));
    ok(s, hip_session_finish(s, T0 + 1800 * NS, HIP_ABANDON_NONE));
    return s;
}

static void test_live_recording_and_getters(void **state)
{
    (void)state;
    hip_session *s = sample();
    hip_session_info info;
    assert_int_equal(hip_session_get_info(s, &info), HIP_OK);
    assert_int_equal(info.state, HIP_SESSION_FINISHED);
    assert_int_equal(info.start_ns, T0);
    assert_int_equal(info.end_ns, T0 + 1800 * NS);
    assert_int_equal(info.utc_offset_min, 60);
    assert_int_equal(info.day, day(2026, 3, 2));
    assert_int_equal(info.program_version, 2);
    assert_int_equal(info.program_effective_day, day(2026, 2, 16));
    assert_int_equal(info.pain_before, 2);
    assert_int_equal(info.pain_during, 4);
    assert_int_equal(info.pain_after, 3);
    assert_int_equal(info.abandon_reason, HIP_ABANDON_NONE);
    assert_int_equal(info.exercise_count, 3);
    hip_session_exercise ex;
    assert_int_equal(hip_session_exercise_at(s, 0, &ex), HIP_OK);
    assert_string_equal(ex.exercise_id, "bridge");
    assert_int_equal(ex.set_count, 2);
    assert_int_equal(hip_session_exercise_at(s, 3, &ex), HIP_ERR_RANGE);
    hip_session_set set;
    assert_int_equal(hip_session_set_at(s, 0, 0, &set), HIP_OK);
    assert_int_equal(set.rep_count, 10);
    assert_int_equal(set.rpe, 6);
    assert_int_equal(set.pain, 3);
    assert_int_equal(hip_session_set_at(s, 0, 1, &set), HIP_OK);
    assert_int_equal(set.rep_count, 9);
    assert_int_equal(set.rpe, HIPTRACK_NOT_RECORDED);
    assert_int_equal(hip_session_set_at(s, 0, 2, &set), HIP_ERR_RANGE);
    assert_int_equal(hip_session_set_at(s, 9, 0, &set), HIP_ERR_RANGE);
    hip_session_rep r;
    assert_int_equal(hip_session_rep_at(s, 1, 0, 11, &r), HIP_OK);   /* the manual hold */
    assert_int_equal(r.origin, HIP_REP_ORIGIN_MANUAL);
    assert_true(r.hold_s == 5);
    assert_int_equal(hip_session_rep_at(s, 0, 1, 2, &r), HIP_OK);
    assert_int_equal(r.origin, HIP_REP_ORIGIN_DETECTOR);
    assert_int_equal(r.source, HIP_REP_SOURCE_TRANSLATION);
    assert_int_equal(r.flags, HIP_REP_TOO_FAST | HIP_REP_TOO_SLOW);
    assert_int_equal(r.start_ns, T0 + 6 * NS);
    assert_int_equal(hip_session_rep_at(s, 1, 0, 12, &r), HIP_ERR_RANGE);
    assert_int_equal(hip_session_rep_at(s, 1, 1, 0, &r), HIP_ERR_RANGE);
    hip_session_destroy(s);
}

static void test_summary(void **state)
{
    (void)state;
    hip_session *s = sample();
    hip_session_summary sum;
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_int_equal(sum.day, day(2026, 3, 2));
    assert_true(sum.finished);
    assert_int_equal(sum.prescribed_sets, 5);
    assert_int_equal(sum.done_sets, 3);            /* 2 bridge + 1 clamshell; the extra does not count */
    assert_int_equal(sum.prescribed_reps, 54);     /* 30 + 24 */
    assert_int_equal(sum.done_reps, 10 + 9 + 12 + 5);
    assert_int_equal(sum.done_reps_capped, 19 + 12);
    assert_int_equal(sum.good_reps, 7 + 6 + 11 + 5);   /* flagged: 3 + 3 bridge, the short hold */
    assert_true(sum.set_completion_pct == 60.0);
    assert_true(sum.rep_completion_pct == 100.0 * 31 / 54);
    assert_true(sum.good_rep_pct == 100.0 * 29 / 36);
    assert_false(sum.completed);                   /* 60 % < 80 % */
    /* 35 detector reps x 2 s + the manual 5 s hold */
    assert_true(sum.time_under_tension_s == 35 * 2.0 + 5.0);
    assert_true(sum.active_s == 1800.0);
    assert_int_equal(sum.pain_max, 4);
    assert_int_equal(sum.abandon_reason, HIP_ABANDON_NONE);
    hip_session_destroy(s);

    /* 4 of 5 prescribed sets: completed at 80 %; a lower threshold by config; -1 percentages. */
    hip_session_config cfg;
    hip_session_config_init(&cfg);
    assert_true(cfg.completion_threshold_pct == 80.0);
    s = new_session();
    ok(s, hip_session_start(s, T0, 0));
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_false(sum.finished);
    assert_true(sum.set_completion_pct == -1.0);
    assert_true(sum.rep_completion_pct == -1.0);
    assert_true(sum.good_rep_pct == -1.0);
    assert_int_equal(sum.pain_max, -1);
    assert_false(sum.completed);
    size_t e = add_ex(s, "squat", 5, 2);
    for (int i = 0; i < 4; i++) add_reps(s, e, 2, 0);
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_true(sum.set_completion_pct == 80.0);
    assert_true(sum.completed);
    assert_true(sum.active_s == 0.0);
    ok(s, hip_session_finish(s, T0 + 60 * NS, HIP_ABANDON_TIME));
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_true(sum.completed);                    /* abandoned, yet 80 % of sets were logged */
    assert_int_equal(sum.abandon_reason, HIP_ABANDON_TIME);
    hip_session_destroy(s);

    cfg.completion_threshold_pct = 50;
    assert_int_equal(hip_session_create(&cfg, &s), HIP_OK);
    ok(s, hip_session_start(s, T0, 0));
    e = add_ex(s, "squat", 2, 10);
    add_reps(s, e, 1, 0);
    ok(s, hip_session_add_set(s, e, &(hip_session_set){0, 0, -1, -1, 0}));   /* an empty set is not done */
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_int_equal(sum.done_sets, 1);
    assert_true(sum.completed);
    hip_session_destroy(s);

    /* No prescription at all: completed when any set was logged; hold-only counts one per set. */
    s = new_session();
    ok(s, hip_session_start(s, T0, 0));
    e = add_ex(s, "walking", 0, 0);
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_false(sum.completed);
    add_reps(s, e, 1, 0);
    size_t h = add_ex(s, "single_leg_stance", 3, 0);
    add_reps(s, h, 1, 0);
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_int_equal(sum.prescribed_reps, 3);
    assert_int_equal(sum.done_reps_capped, 1);
    hip_session_destroy(s);
}

static void test_day_uses_start_offset(void **state)
{
    (void)state;
    /* 2026-03-02T23:30Z is 03-03 in Berlin (+1 h) and 03-02 in New York (-5 h). */
    int64_t t = T0 + (15 * 3600) * NS;   /* 2026-03-02T23:30Z */
    hip_session *s = new_session();
    ok(s, hip_session_start(s, t, 60));
    hip_session_info info;
    hip_session_get_info(s, &info);
    assert_int_equal(info.day, day(2026, 3, 3));
    hip_session_destroy(s);
    s = new_session();
    ok(s, hip_session_start(s, t, -5 * 60));
    hip_session_get_info(s, &info);
    assert_int_equal(info.day, day(2026, 3, 2));
    hip_session_destroy(s);
    s = new_session();
    ok(s, hip_session_start(s, 0, -60));   /* 1969-12-31 local */
    hip_session_get_info(s, &info);
    assert_int_equal(info.day, -1);
    hip_session_destroy(s);
}

static void test_state_rules(void **state)
{
    (void)state;
    hip_session *s = new_session();
    hip_session_exercise ex;
    hip_session_exercise_init(&ex, "squat");
    hip_session_set set;
    hip_session_set_init(&set);
    hip_session_rep rep;
    hip_session_rep_init(&rep);
    hip_rep_event ev;
    memset(&ev, 0, sizeof ev);
    hip_session_summary sum;
    size_t len;
    /* Not started. */
    assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_ERR_STATE);
    assert_non_null(strstr(hip_session_last_error(s), "start"));
    assert_int_equal(hip_session_set_pain(s, HIP_PAIN_BEFORE, 1), HIP_ERR_STATE);
    assert_int_equal(hip_session_set_program(s, 1, 0), HIP_ERR_STATE);
    assert_int_equal(hip_session_finish(s, T0, HIP_ABANDON_NONE), HIP_ERR_STATE);
    assert_int_equal(hip_session_summarize(s, &sum), HIP_ERR_STATE);
    assert_int_equal(hip_session_export_json(s, NULL, 0, &len), HIP_ERR_STATE);
    /* Started: no set yet. */
    ok(s, hip_session_start(s, T0, 0));
    assert_int_equal(hip_session_start(s, T0, 0), HIP_ERR_STATE);
    assert_int_equal(hip_session_add_rep(s, &rep), HIP_ERR_STATE);
    assert_non_null(strstr(hip_session_last_error(s), "add_set"));
    assert_int_equal(hip_session_add_rep_event(s, &ev), HIP_ERR_STATE);
    assert_int_equal(hip_session_update_set(s, &set), HIP_ERR_STATE);
    assert_int_equal(hip_session_add_set(s, 0, &set), HIP_ERR_RANGE);
    assert_int_equal(hip_session_export_json(s, NULL, 0, &len), HIP_ERR_STATE);
    assert_int_equal(hip_session_import_json(s, "{}", 2), HIP_ERR_STATE);
    ok(s, hip_session_add_exercise(s, &ex, NULL));
    ok(s, hip_session_add_set(s, 0, &set));
    ok(s, hip_session_add_rep(s, &rep));
    assert_int_equal(hip_session_finish(s, T0 - 1, HIP_ABANDON_NONE), HIP_ERR_RANGE);
    assert_int_equal(hip_session_finish(s, T0, (hip_abandon_reason)9), HIP_ERR_INVALID);
    ok(s, hip_session_finish(s, T0, HIP_ABANDON_PAIN));
    /* Finished: immutable. */
    size_t before;
    assert_int_equal(hip_session_export_json(s, NULL, 0, &before), HIP_OK);
    assert_int_equal(hip_session_start(s, T0, 0), HIP_ERR_STATE);
    assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_ERR_STATE);
    assert_non_null(strstr(hip_session_last_error(s), "finished"));
    assert_int_equal(hip_session_add_set(s, 0, &set), HIP_ERR_STATE);
    assert_int_equal(hip_session_update_set(s, &set), HIP_ERR_STATE);
    assert_int_equal(hip_session_add_rep(s, &rep), HIP_ERR_STATE);
    assert_int_equal(hip_session_add_rep_event(s, &ev), HIP_ERR_STATE);
    assert_int_equal(hip_session_set_pain(s, HIP_PAIN_AFTER, 1), HIP_ERR_STATE);
    assert_int_equal(hip_session_set_program(s, 1, 0), HIP_ERR_STATE);
    assert_int_equal(hip_session_finish(s, T0, HIP_ABANDON_NONE), HIP_ERR_STATE);
    assert_int_equal(hip_session_import_json(s, "{}", 2), HIP_ERR_STATE);
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(NULL, &p), HIP_OK);
    assert_int_equal(hip_session_plan_program(s, p, 0), HIP_ERR_STATE);
    hip_program_destroy(p);
    assert_int_equal(hip_session_export_json(s, NULL, 0, &len), HIP_OK);
    assert_int_equal(len, before);
    hip_session_destroy(s);
}

static void test_validation(void **state)
{
    (void)state;
    hip_session *s = new_session();
    assert_int_equal(hip_session_start(s, T0, 1081), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_session_last_error(s), "utc_offset_min"));
    assert_int_equal(hip_session_start(s, T0, -1081), HIP_ERR_RANGE);
    assert_int_equal(hip_session_start(s, -1, 0), HIP_ERR_RANGE);
    ok(s, hip_session_start(s, T0, -1080));
    /* Pain is 0..10 only: rejected, never clamped (CLINICAL.md §0.2, PM-T9). */
    assert_int_equal(hip_session_set_pain(s, HIP_PAIN_DURING, 11), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_session_last_error(s), "pain: expected an integer 0..10"));
    assert_int_equal(hip_session_set_pain(s, HIP_PAIN_BEFORE, -1), HIP_ERR_RANGE);
    assert_int_equal(hip_session_set_pain(s, (hip_pain_moment)3, 1), HIP_ERR_INVALID);
    ok(s, hip_session_set_pain(s, HIP_PAIN_DURING, 10));
    ok(s, hip_session_set_pain(s, HIP_PAIN_BEFORE, 0));
    assert_int_equal(hip_session_set_program(s, 0, day(2026, 1, 1)), HIP_ERR_RANGE);
    assert_int_equal(hip_session_set_program(s, 1, 99999999), HIP_ERR_RANGE);
    /* Exercise fields. */
    const char *ex_fields[] = {"exercise", "exercise", "side", "prescribed.sets", "prescribed.reps",
                               "prescribed.hold_s", "prescribed.load_kg"};
    for (size_t i = 0; i < 7; i++) {
        hip_session_exercise ex;
        hip_session_exercise_init(&ex, "squat");
        switch (i) {
        case 0: ex.exercise_id[0] = 'Q'; break;
        case 1: memset(ex.exercise_id, 'a', sizeof ex.exercise_id); break;
        case 2: ex.side = (hip_side)4; break;
        case 3: ex.prescribed_sets = 21; break;
        case 4: ex.prescribed_reps = 101; break;
        case 5: ex.prescribed_hold_s = 0.0 / 0.0; break;
        case 6: ex.prescribed_load_kg = 501; break;
        }
        assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_ERR_INVALID);
        if (!strstr(hip_session_last_error(s), ex_fields[i]))
            fail_msg("exercise case %zu: '%s'", i, hip_session_last_error(s));
    }
    assert_int_equal(hip_session_add_exercise(s, NULL, NULL), HIP_ERR_INVALID);
    size_t e = add_ex(s, "squat", 3, 10);
    /* Set fields: RPE and pain 0..10 or not recorded. */
    const char *set_fields[] = {"start_ns", "load_kg", "rpe", "rpe", "pain", "pain"};
    for (size_t i = 0; i < 6; i++) {
        hip_session_set set;
        hip_session_set_init(&set);
        switch (i) {
        case 0: set.start_ns = -5; break;
        case 1: set.load_kg = -1; break;
        case 2: set.rpe = 11; break;
        case 3: set.rpe = -2; break;
        case 4: set.pain = 11; break;
        case 5: set.pain = -3; break;
        }
        /* Scores out of 0..10 are range errors (as for pain elsewhere); other fields are invalid. */
        assert_int_equal(hip_session_add_set(s, e, &set), i >= 2 ? HIP_ERR_RANGE : HIP_ERR_INVALID);
        if (!strstr(hip_session_last_error(s), set_fields[i]))
            fail_msg("set case %zu: '%s'", i, hip_session_last_error(s));
    }
    assert_int_equal(hip_session_add_set(s, e, NULL), HIP_ERR_INVALID);
    add_reps(s, e, 1, 0);
    hip_session_set bad;
    hip_session_set_init(&bad);
    bad.rpe = 12;
    assert_int_equal(hip_session_update_set(s, &bad), HIP_ERR_RANGE);
    assert_int_equal(hip_session_update_set(s, NULL), HIP_ERR_INVALID);
    /* Rep fields. */
    const char *rep_fields[] = {"origin", "source", "flags", "start_ns", "start_ns", "excursion_deg",
                                "travel_cm", "concentric_s", "eccentric_s", "hold_s",
                                "peak_speed_dps", "smoothness"};
    for (size_t i = 0; i < 12; i++) {
        hip_session_rep r;
        hip_session_rep_init(&r);
        switch (i) {
        case 0: r.origin = (hip_rep_origin)2; break;
        case 1: r.source = (hip_rep_source)2; break;
        case 2: r.flags = 16; break;
        case 3: r.start_ns = 5; break;
        case 4: r.peak_ns = 5; break;
        case 5: r.excursion_deg = 7201; break;
        case 6: r.travel_cm = -1; break;
        case 7: r.concentric_s = 1.0 / 0.0; break;
        case 8: r.eccentric_s = -0.5; break;
        case 9: r.hold_s = 4000; break;
        case 10: r.peak_speed_dps = 1e6; break;
        case 11: r.smoothness = 0.0 / 0.0; break;
        }
        assert_int_equal(hip_session_add_rep(s, &r), HIP_ERR_INVALID);
        if (!strstr(hip_session_last_error(s), rep_fields[i]))
            fail_msg("rep case %zu: '%s'", i, hip_session_last_error(s));
    }
    assert_int_equal(hip_session_add_rep(s, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_add_rep_event(s, NULL), HIP_ERR_INVALID);
    /* Nothing refused was recorded. */
    hip_session_set got;
    assert_int_equal(hip_session_set_at(s, e, 0, &got), HIP_OK);
    assert_int_equal(got.rep_count, 1);
    hip_session_exercise ex;
    assert_int_equal(hip_session_exercise_at(s, e, &ex), HIP_OK);
    assert_int_equal(ex.set_count, 1);
    hip_session_info info;
    hip_session_get_info(s, &info);
    assert_int_equal(info.exercise_count, 1);
    assert_int_equal(info.pain_during, 10);
    hip_session_destroy(s);
}

static void test_limits(void **state)
{
    (void)state;
    hip_session *s = new_session();
    ok(s, hip_session_start(s, T0, 0));
    hip_session_exercise ex;
    hip_session_exercise_init(&ex, "squat");
    for (int i = 0; i < HIPTRACK_SESSION_MAX_EXERCISES; i++) ok(s, hip_session_add_exercise(s, &ex, NULL));
    assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_ERR_RANGE);
    hip_session_set set;
    hip_session_set_init(&set);
    for (int i = 0; i < HIPTRACK_SESSION_MAX_SETS; i++) ok(s, hip_session_add_set(s, 0, &set));
    assert_int_equal(hip_session_add_set(s, 0, &set), HIP_ERR_RANGE);
    hip_session_rep r;
    hip_session_rep_init(&r);
    for (int i = 0; i < HIPTRACK_SESSION_MAX_REPS; i++) ok(s, hip_session_add_rep(s, &r));
    assert_int_equal(hip_session_add_rep(s, &r), HIP_ERR_RANGE);
    hip_session_destroy(s);
}

static void test_plan_program(void **state)
{
    (void)state;
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(NULL, &p), HIP_OK);
    assert_int_equal(hip_program_begin(p, day(2026, 2, 2), 3, NULL), HIP_OK);
    hip_prescription rx;
    hip_prescription_init(&rx, "bridge");
    rx.hold_s = 2;
    rx.load_kg = 4;
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    hip_prescription_init(&rx, "clamshell");
    rx.side = HIP_SIDE_LEFT;
    rx.sets = 2;
    rx.reps = 15;
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    assert_int_equal(hip_program_commit(p), HIP_OK);

    hip_session *s = new_session();
    assert_int_equal(hip_session_plan_program(s, p, 0), HIP_ERR_STATE);   /* not started */
    ok(s, hip_session_start(s, T0, 0));
    assert_int_equal(hip_session_plan_program(s, NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_session_plan_program(s, p, 1), HIP_ERR_RANGE);
    ok(s, hip_session_plan_program(s, p, 0));
    assert_int_equal(hip_session_plan_program(s, p, 0), HIP_ERR_STATE);   /* exercises exist */
    hip_session_info info;
    hip_session_get_info(s, &info);
    assert_int_equal(info.program_version, 1);
    assert_int_equal(info.program_effective_day, day(2026, 2, 2));
    assert_int_equal(info.exercise_count, 2);
    hip_session_exercise ex;
    assert_int_equal(hip_session_exercise_at(s, 1, &ex), HIP_OK);
    assert_string_equal(ex.exercise_id, "clamshell");
    assert_int_equal(ex.side, HIP_SIDE_LEFT);
    assert_int_equal(ex.prescribed_sets, 2);
    assert_int_equal(ex.prescribed_reps, 15);
    assert_int_equal(hip_session_exercise_at(s, 0, &ex), HIP_OK);
    assert_true(ex.prescribed_hold_s == 2 && ex.prescribed_load_kg == 4);
    hip_session_summary sum;
    assert_int_equal(hip_session_summarize(s, &sum), HIP_OK);
    assert_int_equal(sum.prescribed_sets, 5);
    assert_int_equal(sum.prescribed_reps, 60);
    hip_session_destroy(s);
    hip_program_destroy(p);

    hip_session_exercise_from_prescription(&ex, NULL);
    assert_string_equal(ex.exercise_id, "");
    hip_session_exercise_from_prescription(NULL, &rx);
}

static char *export_all(const hip_session *s, size_t *len_out)
{
    size_t len = 0;
    assert_int_equal(hip_session_export_json(s, NULL, 0, &len), HIP_OK);
    char *buf = malloc(len + 1);
    assert_int_equal(hip_session_export_json(s, buf, len, &len), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_session_export_json(s, buf, len + 1, &len), HIP_OK);
    assert_int_equal(strlen(buf), len);
    *len_out = len;
    return buf;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    hip_session *s = sample();
    size_t len;
    char *json = export_all(s, &len);
    assert_non_null(strstr(json, "\"format\": \"hiptrack.session\""));
    assert_non_null(strstr(json, "\"effective\": \"2026-02-16\""));
    assert_non_null(strstr(json, "\"flags\": [\n"));
    assert_non_null(strstr(json, "\"too_fast\""));
    hip_session *q = new_session();
    if (hip_session_import_json(q, json, len) != HIP_OK) fail_msg("%s", hip_session_last_error(q));
    hip_session_info a, b;
    hip_session_get_info(s, &a);
    hip_session_get_info(q, &b);
    assert_memory_equal(&a, &b, sizeof a);
    for (size_t e = 0; e < a.exercise_count; e++) {
        hip_session_exercise x, y;
        hip_session_exercise_at(s, e, &x);
        hip_session_exercise_at(q, e, &y);
        assert_memory_equal(&x, &y, sizeof x);
        for (size_t j = 0; j < x.set_count; j++) {
            hip_session_set u, v;
            hip_session_set_at(s, e, j, &u);
            hip_session_set_at(q, e, j, &v);
            assert_memory_equal(&u, &v, sizeof u);
            for (size_t k = 0; k < u.rep_count; k++) {
                hip_session_rep r1, r2;
                hip_session_rep_at(s, e, j, k, &r1);
                hip_session_rep_at(q, e, j, k, &r2);
                assert_memory_equal(&r1, &r2, sizeof r1);
            }
        }
    }
    hip_session_summary s1, s2;
    hip_session_summarize(s, &s1);
    hip_session_summarize(q, &s2);
    assert_memory_equal(&s1, &s2, sizeof s1);
    size_t len2;
    char *json2 = export_all(q, &len2);
    assert_string_equal(json, json2);
    /* An imported session is finished and immutable. */
    hip_session_exercise ex;
    hip_session_exercise_init(&ex, "squat");
    assert_int_equal(hip_session_add_exercise(q, &ex, NULL), HIP_ERR_STATE);
    free(json); free(json2);
    hip_session_destroy(q);
    hip_session_destroy(s);
}

static const char *const good_doc =
    "{\"format\": \"hiptrack.session\", \"version\": 1, \"start_ns\": 1772440200000000000,\n"
    " \"utc_offset_min\": 60, \"end_ns\": 1772442000000000000, \"pain_before\": 3,\n"
    " \"abandon\": \"fatigue\", \"exercises\": [\n"
    "  {\"exercise\": \"bridge\", \"prescribed\": {\"sets\": 2, \"reps\": 2}, \"sets\": [\n"
    "    {\"rpe\": 7, \"reps\": [{\"origin\": \"detector\", \"flags\": [\"partial\"], \"start_ns\": 5,"
    " \"end_ns\": 9, \"concentric_s\": 1}, {}]}]}]}\n";

typedef struct bad_doc { const char *text; hip_status st; const char *msg; } bad_doc;

#define HDR "{\"format\": \"hiptrack.session\", \"version\": 1, "
#define TIMES "\"start_ns\": 10, \"utc_offset_min\": 0, \"end_ns\": 20, "

static void test_import(void **state)
{
    (void)state;
    hip_session *s = new_session();
    ok(s, hip_session_import_json(s, good_doc, strlen(good_doc)));
    hip_session_info info;
    hip_session_get_info(s, &info);
    assert_int_equal(info.state, HIP_SESSION_FINISHED);
    assert_int_equal(info.abandon_reason, HIP_ABANDON_FATIGUE);
    assert_int_equal(info.pain_before, 3);
    assert_int_equal(info.pain_during, HIPTRACK_NOT_RECORDED);
    assert_int_equal(info.program_version, 0);
    assert_int_equal(info.day, day(2026, 3, 2));
    hip_session_rep r;
    assert_int_equal(hip_session_rep_at(s, 0, 0, 0, &r), HIP_OK);
    assert_int_equal(r.flags, HIP_REP_PARTIAL);
    assert_int_equal(r.peak_ns, 5);   /* peak defaults to start */
    assert_int_equal(hip_session_rep_at(s, 0, 0, 1, &r), HIP_OK);
    assert_int_equal(r.origin, HIP_REP_ORIGIN_MANUAL);
    hip_session_summary sum;
    hip_session_summarize(s, &sum);
    assert_false(sum.completed);       /* 1 of 2 prescribed sets = 50 % < 80 % */
    assert_true(sum.set_completion_pct == 50.0);
    hip_session_destroy(s);
}

static void test_import_errors(void **state)
{
    (void)state;
    static const bad_doc docs[] = {
        {HDR "\"start_ns\": 1,}", HIP_ERR_FORMAT, "line 1, column"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1}", HIP_ERR_FORMAT, "format: expected \"hiptrack.session\""},
        {HDR "\"version\": 1}", HIP_ERR_FORMAT, "field \"version\" appears twice"},
        {"{\"format\": \"hiptrack.session\", \"version\": 2}", HIP_ERR_VERSION, "newer"},
        {HDR "\"utc_offset_min\": 0, \"end_ns\": 1, \"exercises\": []}", HIP_ERR_FORMAT, "start_ns: missing"},
        {HDR "\"start_ns\": -1, \"utc_offset_min\": 0, \"end_ns\": 1, \"exercises\": []}", HIP_ERR_FORMAT, "start_ns: expected an integer 0.."},
        {HDR "\"start_ns\": 1, \"utc_offset_min\": 2000, \"end_ns\": 1, \"exercises\": []}", HIP_ERR_FORMAT, "utc_offset_min: expected an integer -1080..1080"},
        {HDR "\"start_ns\": 5, \"utc_offset_min\": 0, \"end_ns\": 1, \"exercises\": []}", HIP_ERR_FORMAT, "end_ns: before start_ns"},
        {HDR TIMES "\"pain_after\": 11, \"exercises\": []}", HIP_ERR_FORMAT, "pain_after: expected an integer 0..10"},
        {HDR TIMES "\"pain_before\": 2.5, \"exercises\": []}", HIP_ERR_FORMAT, "pain_before: expected an integer 0..10"},
        {HDR TIMES "\"abandon\": \"boredom\", \"exercises\": []}", HIP_ERR_FORMAT, "abandon: expected one of none, pain, fatigue, time, other"},
        {HDR TIMES "\"program\": {\"version\": 0, \"effective\": \"2026-01-01\"}, \"exercises\": []}", HIP_ERR_FORMAT, "program.version: expected an integer 1.."},
        {HDR TIMES "\"program\": {\"version\": 1}, \"exercises\": []}", HIP_ERR_FORMAT, "program.effective: missing"},
        {HDR TIMES "\"program\": {\"version\": 1, \"effective\": \"2026-13-01\"}, \"exercises\": []}", HIP_ERR_FORMAT, "program.effective: expected a date"},
        {HDR TIMES "\"program\": 3, \"exercises\": []}", HIP_ERR_FORMAT, "program: expected an object"},
        {HDR TIMES "\"rpe\": 3, \"exercises\": []}", HIP_ERR_FORMAT, "document: unknown field \"rpe\""},
        {HDR TIMES "\"pain_during\": 1}", HIP_ERR_FORMAT, "exercises: missing"},
        {HDR TIMES "\"exercises\": {}}", HIP_ERR_FORMAT, "exercises: expected an array"},
        {HDR TIMES "\"exercises\": [{\"sets\": []}]}", HIP_ERR_FORMAT, "exercises[0].exercise: missing"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"Squat\", \"sets\": []}]}", HIP_ERR_FORMAT, "exercises[0].exercise: expected an exercise id"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\"}]}", HIP_ERR_FORMAT, "exercises[0].sets: missing"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"side\": \"up\", \"sets\": []}]}", HIP_ERR_FORMAT, "exercises[0].side: expected one of both"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"prescribed\": {\"sets\": 21}, \"sets\": []}]}", HIP_ERR_FORMAT, "exercises[0].prescribed.sets: expected an integer 0..20"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"prescribed\": {\"load\": 2}, \"sets\": []}]}", HIP_ERR_FORMAT, "exercises[0].prescribed: unknown field \"load\""},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{}]}]}", HIP_ERR_FORMAT, "exercises[0].sets[0].reps: missing"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"rpe\": 11, \"reps\": []}]}]}", HIP_ERR_FORMAT, "exercises[0].sets[0].rpe: expected an integer 0..10"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"pain\": -1, \"reps\": []}]}]}", HIP_ERR_FORMAT, "exercises[0].sets[0].pain: expected an integer 0..10"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"load_kg\": 600, \"reps\": []}]}]}", HIP_ERR_FORMAT, "exercises[0].sets[0].load_kg: expected a number 0..500"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"flags\": [\"wobbly\"]}]}]}]}", HIP_ERR_FORMAT, "exercises[0].sets[0].reps[0].flags[0]: expected one of partial"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"flags\": [\"partial\", \"partial\"]}]}]}]}", HIP_ERR_FORMAT, "reps[0].flags[1]: flag repeated"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"flags\": \"partial\"}]}]}]}", HIP_ERR_FORMAT, "reps[0].flags: expected an array"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"origin\": \"camera\"}]}]}]}", HIP_ERR_FORMAT, "reps[0].origin: expected one of detector, manual"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"source\": \"magic\"}]}]}]}", HIP_ERR_FORMAT, "reps[0].source: expected one of rotation, translation"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"start_ns\": 9, \"end_ns\": 3}]}]}]}", HIP_ERR_FORMAT, "exercises[0].sets[0].reps[0].start_ns: expected start_ns <= peak_ns <= end_ns"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"hold_s\": -1}]}]}]}", HIP_ERR_FORMAT, "reps[0].hold_s: expected a number 0..3600"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"smoothness\": \"smooth\"}]}]}]}", HIP_ERR_FORMAT, "reps[0].smoothness: expected a number -1000..1000"},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{\"speed\": 1}]}]}]}", HIP_ERR_FORMAT, "reps[0]: unknown field \"speed\""},
        {HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [[]]}]}]}", HIP_ERR_FORMAT, "reps[0]: expected an object"},
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        hip_session *s = new_session();
        hip_status st = hip_session_import_json(s, docs[i].text, strlen(docs[i].text));
        const char *msg = hip_session_last_error(s);
        if (st != docs[i].st || !strstr(msg, docs[i].msg))
            fail_msg("doc %zu: status %d message '%s', expected %d with '%s'", i, st, msg,
                     docs[i].st, docs[i].msg);
        /* Unchanged: still new, so it can start or import afterwards. */
        hip_session_info info;
        hip_session_get_info(s, &info);
        assert_int_equal(info.state, HIP_SESSION_NEW);
        assert_int_equal(info.exercise_count, 0);
        ok(s, hip_session_import_json(s, good_doc, strlen(good_doc)));
        hip_session_destroy(s);
    }
    /* Too many reps in a set. */
    size_t cap = 64 + 3 * (HIPTRACK_SESSION_MAX_REPS + 1) + 200;
    char *big = malloc(cap);
    size_t n = (size_t)snprintf(big, cap, HDR TIMES "\"exercises\": [{\"exercise\": \"squat\", \"sets\": [{\"reps\": [{}");
    for (int i = 0; i < HIPTRACK_SESSION_MAX_REPS; i++) { memcpy(big + n, ",{}", 3); n += 3; }
    n += (size_t)snprintf(big + n, cap - n, "]}]}]}");
    hip_session *s = new_session();
    assert_int_equal(hip_session_import_json(s, big, n), HIP_ERR_FORMAT);
    assert_non_null(strstr(hip_session_last_error(s), "reps: more than 1000 elements"));
    assert_int_equal(hip_session_import_json(s, NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_session_import_json(NULL, good_doc, 1), HIP_ERR_INVALID);
    free(big);
    hip_session_destroy(s);
}

static void test_null_and_config_errors(void **state)
{
    (void)state;
    hip_session *s = (hip_session *)&s;
    assert_int_equal(hip_session_create(NULL, NULL), HIP_ERR_INVALID);
    hip_session_config cfg;
    hip_session_config_init(&cfg);
    cfg.struct_size = 1;
    assert_int_equal(hip_session_create(&cfg, &s), HIP_ERR_INVALID);
    assert_null(s);
    hip_session_config_init(&cfg);
    cfg.completion_threshold_pct = 0;
    assert_int_equal(hip_session_create(&cfg, &s), HIP_ERR_INVALID);
    cfg.completion_threshold_pct = 100.5;
    assert_int_equal(hip_session_create(&cfg, &s), HIP_ERR_INVALID);
    hip_session_config_init(&cfg);
    cfg.allocator.alloc = hip_test_counting_allocator(NULL).alloc;
    cfg.allocator.free = NULL;
    assert_int_equal(hip_session_create(&cfg, &s), HIP_ERR_INVALID);
    hip_session_config_init(NULL);
    hip_session_exercise_init(NULL, "x");
    hip_session_set_init(NULL);
    hip_session_rep_init(NULL);
    hip_session_rep_from_event(NULL, NULL);
    hip_session_rep rep;
    hip_session_rep_from_event(&rep, NULL);
    assert_int_equal(rep.origin, HIP_REP_ORIGIN_MANUAL);
    hip_session_exercise ex;
    hip_session_exercise_init(&ex, "a_very_long_exercise_identifier_that_is_longer_than_the_cap");
    assert_int_equal(strlen(ex.exercise_id), HIPTRACK_ID_CAP - 1);
    hip_session_destroy(NULL);
    assert_string_equal(hip_session_last_error(NULL), "");
    hip_session_info info;
    hip_session_set set;
    hip_session_summary sum;
    size_t n;
    assert_int_equal(hip_session_start(NULL, 0, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_session_set_program(NULL, 1, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_session_plan_program(NULL, NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_session_set_pain(NULL, HIP_PAIN_AFTER, 1), HIP_ERR_INVALID);
    assert_int_equal(hip_session_add_exercise(NULL, &ex, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_add_set(NULL, 0, &set), HIP_ERR_INVALID);
    assert_int_equal(hip_session_update_set(NULL, &set), HIP_ERR_INVALID);
    assert_int_equal(hip_session_add_rep(NULL, &rep), HIP_ERR_INVALID);
    assert_int_equal(hip_session_add_rep_event(NULL, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_finish(NULL, 0, HIP_ABANDON_NONE), HIP_ERR_INVALID);
    assert_int_equal(hip_session_get_info(NULL, &info), HIP_ERR_INVALID);
    assert_int_equal(hip_session_exercise_at(NULL, 0, &ex), HIP_ERR_INVALID);
    assert_int_equal(hip_session_set_at(NULL, 0, 0, &set), HIP_ERR_INVALID);
    assert_int_equal(hip_session_rep_at(NULL, 0, 0, 0, &rep), HIP_ERR_INVALID);
    assert_int_equal(hip_session_summarize(NULL, &sum), HIP_ERR_INVALID);
    assert_int_equal(hip_session_export_json(NULL, NULL, 0, &n), HIP_ERR_INVALID);
    s = sample();
    assert_int_equal(hip_session_get_info(s, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_exercise_at(s, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_set_at(s, 0, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_rep_at(s, 0, 0, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_summarize(s, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_session_export_json(s, NULL, 5, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_session_export_json(s, NULL, 0, NULL), HIP_ERR_INVALID);
    hip_session_destroy(s);
    assert_string_equal(hip_abandon_reason_name(HIP_ABANDON_NONE), "none");
    assert_string_equal(hip_abandon_reason_name(HIP_ABANDON_PAIN), "pain");
    assert_string_equal(hip_abandon_reason_name(HIP_ABANDON_FATIGUE), "fatigue");
    assert_string_equal(hip_abandon_reason_name(HIP_ABANDON_TIME), "time");
    assert_string_equal(hip_abandon_reason_name(HIP_ABANDON_OTHER), "other");
    assert_string_equal(hip_abandon_reason_name((hip_abandon_reason)5), "unknown");
}

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_session_config cfg;
    hip_session_config_init(&cfg);
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_session *s = NULL;
        hip_status st = hip_session_create(&cfg, &s);
        if (st == HIP_OK) { hip_session_destroy(s); assert_int_equal(as.outstanding, 0); break; }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(as.outstanding, 0);
    }
    /* Import: every failure leaves the session new. */
    size_t failures = 0;
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, -1);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_session *s = NULL;
        assert_int_equal(hip_session_create(&cfg, &s), HIP_OK);
        as.countdown = n;
        hip_status st = hip_session_import_json(s, good_doc, strlen(good_doc));
        as.countdown = -1;
        hip_session_info info;
        hip_session_get_info(s, &info);
        if (st == HIP_OK) {
            assert_int_equal(info.exercise_count, 1);
            hip_session_destroy(s);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(info.state, HIP_SESSION_NEW);
        assert_int_equal(info.exercise_count, 0);
        hip_session_destroy(s);
        assert_int_equal(as.outstanding, 0);
        failures++;
    }
    assert_true(failures >= 3);
    /* add_exercise, plan_program, add_set, add_rep under failure change nothing. */
    hip_test_alloc_reset(&as, -1);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_session *s = NULL;
    assert_int_equal(hip_session_create(&cfg, &s), HIP_OK);
    ok(s, hip_session_start(s, T0, 0));
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(NULL, &p), HIP_OK);
    assert_int_equal(hip_program_begin(p, 20000, 3, NULL), HIP_OK);
    hip_prescription rx;
    hip_prescription_init(&rx, "squat");
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    assert_int_equal(hip_program_commit(p), HIP_OK);
    as.countdown = 0;
    assert_int_equal(hip_session_plan_program(s, p, 0), HIP_ERR_NOMEM);
    hip_session_info info;
    hip_session_get_info(s, &info);
    assert_int_equal(info.exercise_count, 0);
    assert_int_equal(info.program_version, 0);
    hip_session_exercise ex;
    hip_session_exercise_init(&ex, "squat");
    assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_ERR_NOMEM);
    hip_session_get_info(s, &info);
    assert_int_equal(info.exercise_count, 0);
    as.countdown = -1;
    ok(s, hip_session_plan_program(s, p, 0));
    hip_session_set set;
    hip_session_set_init(&set);
    as.countdown = 0;
    assert_int_equal(hip_session_add_set(s, 0, &set), HIP_ERR_NOMEM);
    assert_int_equal(hip_session_exercise_at(s, 0, &ex), HIP_OK);
    assert_int_equal(ex.set_count, 0);
    as.countdown = -1;
    ok(s, hip_session_add_set(s, 0, &set));
    hip_session_rep r;
    hip_session_rep_init(&r);
    as.countdown = 0;
    assert_int_equal(hip_session_add_rep(s, &r), HIP_ERR_NOMEM);
    assert_int_equal(hip_session_set_at(s, 0, 0, &set), HIP_OK);
    assert_int_equal(set.rep_count, 0);
    as.countdown = -1;
    ok(s, hip_session_add_rep(s, &r));
    ok(s, hip_session_finish(s, T0, HIP_ABANDON_NONE));
    hip_program_destroy(p);
    hip_session_destroy(s);
    assert_int_equal(as.outstanding, 0);
}

/* plan_program, add_exercise, add_set, add_rep and add_rep_event failing at every allocation while
 * the arrays grow through several capacities: each failure leaves the session as it was. */
static void test_edits_fail_cleanly_at_every_allocation(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_test_alloc_reset(&as, -1);
    hip_session_config cfg;
    hip_session_config_init(&cfg);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(NULL, &p), HIP_OK);
    assert_int_equal(hip_program_begin(p, 20000, 3, NULL), HIP_OK);
    for (int k = 0; k < 5; k++) {
        char id[32];
        snprintf(id, sizeof id, "ex_%d", k);
        hip_prescription rx;
        hip_prescription_init(&rx, id);
        assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    }
    assert_int_equal(hip_program_commit(p), HIP_OK);
    hip_session *s = NULL;
    assert_int_equal(hip_session_create(&cfg, &s), HIP_OK);
    ok(s, hip_session_start(s, T0, 0));
    hip_session_info info;
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_session_plan_program(s, p, 0),
                                 hip_session_get_info(s, &info) == HIP_OK && info.exercise_count == 0 &&
                                     info.program_version == 0);
    for (int k = 0; k < 20; k++) {
        hip_session_exercise ex;
        hip_session_exercise_init(&ex, "extra");
        size_t n = 5 + (size_t)k, index = 0;
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_session_add_exercise(s, &ex, &index),
                                     hip_session_get_info(s, &info) == HIP_OK && info.exercise_count == n);
        assert_int_equal(index, n);
    }
    for (size_t e = 0; e < 25; e++) {
        hip_session_set set;
        hip_session_set_init(&set);
        hip_session_exercise ex;
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_session_add_set(s, e, &set),
                                     hip_session_exercise_at(s, e, &ex) == HIP_OK && ex.set_count == 0);
        for (uint32_t r = 0; r < 6; r++) {
            hip_session_set got;
            hip_session_rep rep;
            hip_session_rep_init(&rep);
            HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_session_add_rep(s, &rep),
                                         hip_session_set_at(s, e, 0, &got) == HIP_OK && got.rep_count == 2 * r);
            hip_rep_event ev;
            memset(&ev, 0, sizeof ev);
            HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_session_add_rep_event(s, &ev),
                                         hip_session_set_at(s, e, 0, &got) == HIP_OK && got.rep_count == 2 * r + 1);
        }
    }
    assert_true(as.failures >= 10);
    ok(s, hip_session_finish(s, T0, HIP_ABANDON_NONE));
    hip_session_summary sum;
    ok(s, hip_session_summarize(s, &sum));
    assert_int_equal(sum.done_reps, 25 * 12);
    hip_program_destroy(p);
    hip_session_destroy(s);
    assert_int_equal(as.outstanding, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_live_recording_and_getters),
        cmocka_unit_test(test_summary),
        cmocka_unit_test(test_day_uses_start_offset),
        cmocka_unit_test(test_state_rules),
        cmocka_unit_test(test_validation),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_plan_program),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_import),
        cmocka_unit_test(test_import_errors),
        cmocka_unit_test(test_null_and_config_errors),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_edits_fail_cleanly_at_every_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
