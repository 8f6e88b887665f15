/* Adherence: every ADH test vector of CLINICAL.md §5, rest-day and flare-pause tolerance, inputs
 * and their validation, helpers from sessions and programs, allocation failures.
 *
 * Vectors (CLINICAL.md §5): ADH-2 x3 (test_adh2), ADH-3/4 x3 (test_adh3_4), ADH-5 x2 (test_adh5),
 * ADH-6 x2 (test_adh6), ADH-7 x2 (test_adh7), ADH-8 x4 (test_adh8), ADH-9 x2 (test_adh9). */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

static int32_t day(int y, int m, int d)
{
    int32_t out;
    assert_int_equal(hip_date_from_ymd(y, m, d, &out), HIP_OK);
    return out;
}

static void ok(hip_adherence *a, hip_status st)
{
    if (st != HIP_OK) fail_msg("status %d: %s", st, hip_adherence_last_error(a));
}

static hip_adherence *make(int32_t start, hip_adherence_unit unit, uint32_t target)
{
    hip_adherence_config cfg;
    hip_adherence_config_init(&cfg);
    cfg.start_day = start;
    cfg.unit = unit;
    cfg.weekly_session_target = target;
    hip_adherence *a = NULL;
    assert_int_equal(hip_adherence_create(&cfg, &a), HIP_OK);
    return a;
}

static hip_adherence_session done_on(int32_t d)
{
    hip_adherence_session s;
    memset(&s, 0, sizeof s);
    s.day = d;
    s.completed = 1;
    s.minutes = 20;
    return s;
}

/* Completed sessions on the given days. */
static void sessions_on(hip_adherence *a, const int32_t *days, size_t n)
{
    hip_adherence_session *s = calloc(n + 1, sizeof *s);
    for (size_t i = 0; i < n; i++) s[i] = done_on(days[i]);
    ok(a, hip_adherence_set_sessions(a, s, n));
    free(s);
}

static void test_adh2(void **state)
{
    (void)state;
    int32_t start = day(2026, 1, 5);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_SESSIONS, 3);
    int32_t days[35];
    double v;
    /* 35 sessions, days_elapsed 84 -> 35 / 12 */
    for (int i = 0; i < 35; i++) days[i] = start + i * 2;
    sessions_on(a, days, 35);
    ok(a, hip_adherence_sessions_per_week(a, start + 83, &v));
    assert_true(v == 35.0 / 12.0);
    /* 9 sessions, days_elapsed 20 -> 9 / 3 */
    for (int i = 0; i < 9; i++) days[i] = start + i * 2;
    sessions_on(a, days, 9);
    ok(a, hip_adherence_sessions_per_week(a, start + 19, &v));
    assert_true(v == 3.0);
    /* 3 sessions, days_elapsed 6 -> 3 / 1 */
    sessions_on(a, days, 3);
    ok(a, hip_adherence_sessions_per_week(a, start + 5, &v));
    assert_true(v == 3.0);
    /* Day 0 counts as one elapsed day; an incomplete session does not count. */
    hip_adherence_session s[2] = {done_on(start), done_on(start)};
    s[1].completed = 0;
    ok(a, hip_adherence_set_sessions(a, s, 2));
    ok(a, hip_adherence_sessions_per_week(a, start, &v));
    assert_true(v == 1.0);
    assert_int_equal(hip_adherence_sessions_per_week(a, start - 1, &v), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_adherence_last_error(a), "before the program start"));
    assert_int_equal(hip_adherence_sessions_per_week(a, start, NULL), HIP_ERR_INVALID);
    hip_adherence_destroy(a);
}

static void test_adh3_4(void **state)
{
    (void)state;
    double pct;
    /* 17 of 20 -> 85 %, adherent; 15 of 20 -> 75 %, not; 0 prescribed -> NOT_EVALUABLE. */
    assert_int_equal(hip_adherence_completion_pct(17, 20, &pct), HIP_OK);
    assert_true(pct == 85.0 && pct >= 80);
    assert_int_equal(hip_adherence_completion_pct(15, 20, &pct), HIP_OK);
    assert_true(pct == 75.0 && pct < 80);
    assert_int_equal(hip_adherence_completion_pct(0, 0, &pct), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_adherence_completion_pct(21, 20, &pct), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_completion_pct(-1, 20, &pct), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_completion_pct(1, 0.0 / 0.0, &pct), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_completion_pct(1, 2, NULL), HIP_ERR_INVALID);

    /* The same through weeks: 2 sessions of 10 reps prescribed a week (20 activities). */
    int32_t start = day(2026, 1, 5);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    hip_adherence_week w;
    ok(a, hip_adherence_week_at(a, 1, &w));   /* no plan: nothing prescribed */
    assert_false(w.evaluable);
    assert_true(w.completion_pct == 0);
    hip_adherence_plan plan = {start, 2, 10};
    ok(a, hip_adherence_set_plan(a, &plan, 1));
    hip_adherence_session s[4];
    for (int i = 0; i < 4; i++) {
        s[i] = done_on(start + i);
        s[i].prescribed_reps = 10;
    }
    s[0].done_reps = 10;
    s[1].done_reps = 7;      /* week 1: 17 of 20 */
    s[2].day = start + 7;
    s[2].done_reps = 8;
    s[3].day = start + 8;
    s[3].done_reps = 7;      /* week 2: 15 of 20 */
    s[3].completed = 0;
    ok(a, hip_adherence_set_sessions(a, s, 4));
    ok(a, hip_adherence_week_at(a, 1, &w));
    assert_int_equal(w.week, 1);
    assert_int_equal(w.first_day, start);
    assert_true(w.prescribed == 20 && w.done == 17 && w.completion_pct == 85.0);
    assert_true(w.evaluable && w.adherent);
    assert_int_equal(w.sessions_logged, 2);
    assert_int_equal(w.sessions_completed, 2);   /* ADH-1 */
    assert_int_equal(w.session_target, 2);
    assert_true(w.target_met);
    assert_true(w.minutes == 40);
    ok(a, hip_adherence_week_at(a, 2, &w));
    assert_true(w.completion_pct == 75.0);
    assert_false(w.adherent);
    assert_int_equal(w.sessions_completed, 1);
    assert_false(w.target_met);
    ok(a, hip_adherence_week_at(a, 3, &w));
    assert_true(w.evaluable && w.completion_pct == 0);
    /* Extra sessions never push completion past 100 %. */
    s[2].day = start + 2;
    s[3].day = start + 3;
    s[3].done_reps = 10;
    ok(a, hip_adherence_set_sessions(a, s, 4));
    ok(a, hip_adherence_week_at(a, 1, &w));
    assert_true(w.done == 20 && w.completion_pct == 100.0);
    /* Sessions unit: completed sessions of the target. */
    hip_adherence_destroy(a);
    a = make(start, HIP_ADHERENCE_UNIT_SESSIONS, 0);
    plan.sessions_per_week = 4;
    ok(a, hip_adherence_set_plan(a, &plan, 1));
    ok(a, hip_adherence_set_sessions(a, s, 4));
    ok(a, hip_adherence_week_at(a, 1, &w));
    assert_true(w.prescribed == 4 && w.done == 3 && w.completion_pct == 75.0);
    assert_int_equal(hip_adherence_week_at(a, 0, &w), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_week_at(a, 4000000, &w), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_week_at(a, 1, NULL), HIP_ERR_INVALID);
    hip_adherence_destroy(a);
}

/* One session a week with done reps pct[i] of 100 prescribed. */
static hip_adherence *weekly_pct(int32_t start, const uint32_t *pct, size_t n)
{
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    hip_adherence_plan plan = {start, 1, 100};
    ok(a, hip_adherence_set_plan(a, &plan, 1));
    hip_adherence_session s[8];
    for (size_t i = 0; i < n; i++) {
        s[i] = done_on(start + 7 * (int32_t)i + 1);
        s[i].prescribed_reps = 100;
        s[i].done_reps = pct[i];
    }
    ok(a, hip_adherence_set_sessions(a, s, n));
    return a;
}

static void test_adh5(void **state)
{
    (void)state;
    int32_t start = day(2026, 1, 5);
    uint32_t w;
    /* [90, 78, 76] -> event at week 3 */
    static const uint32_t v1[] = {90, 78, 76};
    hip_adherence *a = weekly_pct(start, v1, 3);
    ok(a, hip_adherence_poor_adherence(a, start + 21, &w));
    assert_int_equal(w, 3);
    /* Week 3 is not over yet on its last day: no event before it ends. */
    assert_int_equal(hip_adherence_poor_adherence(a, start + 20, &w), HIP_ERR_NOT_FOUND);
    hip_adherence_destroy(a);
    /* [90, 78, 85, 79] -> no event */
    static const uint32_t v2[] = {90, 78, 85, 79};
    a = weekly_pct(start, v2, 4);
    assert_int_equal(hip_adherence_poor_adherence(a, start + 28, &w), HIP_ERR_NOT_FOUND);
    assert_non_null(strstr(hip_adherence_last_error(a), "no poor-adherence event"));
    /* A fully paused week between two low weeks is skipped: [70, paused, 70] -> week 3. */
    static const uint32_t v3[] = {70, 0, 70};
    hip_adherence_destroy(a);
    a = weekly_pct(start, v3, 3);
    hip_adherence_pause p = {start + 7, start + 13};
    ok(a, hip_adherence_set_pauses(a, &p, 1));
    ok(a, hip_adherence_poor_adherence(a, start + 21, &w));
    assert_int_equal(w, 3);
    hip_adherence_week wk;
    ok(a, hip_adherence_week_at(a, 2, &wk));
    assert_true(wk.excused && !wk.evaluable && wk.paused_days == 7 && wk.session_target == 0);
    assert_int_equal(hip_adherence_poor_adherence(a, start + 21, NULL), HIP_ERR_INVALID);
    hip_adherence_destroy(a);
    /* No plan and the reps unit: nothing to compare against. */
    a = make(start, HIP_ADHERENCE_UNIT_REPS, 3);
    assert_int_equal(hip_adherence_poor_adherence(a, start + 21, &w), HIP_ERR_STATE);
    assert_non_null(strstr(hip_adherence_last_error(a), "no plan"));
    hip_adherence_destroy(a);
    /* The sessions unit with a configured target needs no plan. */
    a = make(start, HIP_ADHERENCE_UNIT_SESSIONS, 3);
    int32_t d[] = {start, start + 1};
    sessions_on(a, d, 2);
    ok(a, hip_adherence_poor_adherence(a, start + 14, &w));   /* 2/3, then 0/3 */
    assert_int_equal(w, 2);
    hip_adherence_destroy(a);
}

static void test_adh6(void **state)
{
    (void)state;
    int32_t start = day(2026, 1, 5);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    int c = -1;
    int32_t d[] = {start + 10, start + 60};
    sessions_on(a, d, 2);   /* last completed session on day 60 -> true */
    ok(a, hip_adherence_final_month(a, &c));
    assert_int_equal(c, 1);
    d[1] = start + 50;      /* last on day 50 -> false */
    sessions_on(a, d, 2);
    ok(a, hip_adherence_final_month(a, &c));
    assert_int_equal(c, 0);
    /* Edges 56 and 83; an incomplete session does not count. */
    hip_adherence_session s[3] = {done_on(start + 56), done_on(start + 83), done_on(start + 84)};
    ok(a, hip_adherence_set_sessions(a, &s[0], 1));
    ok(a, hip_adherence_final_month(a, &c));
    assert_int_equal(c, 1);
    ok(a, hip_adherence_set_sessions(a, &s[1], 1));
    ok(a, hip_adherence_final_month(a, &c));
    assert_int_equal(c, 1);
    ok(a, hip_adherence_set_sessions(a, &s[2], 1));
    ok(a, hip_adherence_final_month(a, &c));
    assert_int_equal(c, 0);
    s[0].completed = 0;
    ok(a, hip_adherence_set_sessions(a, &s[0], 1));
    ok(a, hip_adherence_final_month(a, &c));
    assert_int_equal(c, 0);
    assert_int_equal(hip_adherence_final_month(a, NULL), HIP_ERR_INVALID);
    hip_adherence_destroy(a);
}

static void test_adh7(void **state)
{
    (void)state;
    int32_t start = day(2024, 1, 1), out = 0;
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    /* 01-01, 01-02, 01-04, 01-06, 01-09, 01-14 -> reached on 2024-01-14 */
    int32_t d[] = {day(2024, 1, 1), day(2024, 1, 2), day(2024, 1, 4), day(2024, 1, 6),
                   day(2024, 1, 9), day(2024, 1, 14)};
    sessions_on(a, d, 6);
    ok(a, hip_adherence_habit_point(a, day(2024, 2, 1), &out));
    assert_int_equal(out, day(2024, 1, 14));
    /* Not yet on 01-13. */
    assert_int_equal(hip_adherence_habit_point(a, day(2024, 1, 13), &out), HIP_ERR_NOT_FOUND);
    /* Same but last on 01-15 -> not reached (span 14 days) */
    d[5] = day(2024, 1, 15);
    sessions_on(a, d, 6);
    assert_int_equal(hip_adherence_habit_point(a, day(2024, 2, 1), &out), HIP_ERR_NOT_FOUND);
    assert_non_null(strstr(hip_adherence_last_error(a), "habit point not reached"));
    /* A later window counts, incomplete sessions do not, two on one day do. */
    hip_adherence_session s[9];
    for (int i = 0; i < 6; i++) s[i] = done_on(d[i]);
    s[6] = done_on(day(2024, 1, 16));
    s[7] = done_on(day(2024, 1, 16));
    s[8] = done_on(day(2024, 1, 10));
    s[8].completed = 0;
    ok(a, hip_adherence_set_sessions(a, s, 9));
    ok(a, hip_adherence_habit_point(a, day(2024, 2, 1), &out));
    assert_int_equal(out, day(2024, 1, 16));   /* 01-04 .. 01-16: 6 sessions, span 12 days */
    assert_int_equal(hip_adherence_habit_point(a, day(2024, 2, 1), NULL), HIP_ERR_INVALID);
    hip_adherence_destroy(a);
}

static void test_adh8(void **state)
{
    (void)state;
    int32_t start = day(2026, 2, 1);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    uint32_t n = 99;
    int32_t d[] = {day(2026, 3, 1), day(2026, 3, 2), day(2026, 3, 3)};
    sessions_on(a, d, 3);
    ok(a, hip_adherence_day_streak(a, day(2026, 3, 3), &n));   /* today 03-03 -> 3 */
    assert_int_equal(n, 3);
    ok(a, hip_adherence_day_streak(a, day(2026, 3, 4), &n));   /* today 03-04, nothing yet -> 3 (grace) */
    assert_int_equal(n, 3);
    ok(a, hip_adherence_day_streak(a, day(2026, 3, 5), &n));   /* today 03-05 -> 0 */
    assert_int_equal(n, 0);
    int32_t d2[] = {day(2026, 3, 1), day(2026, 3, 3)};
    sessions_on(a, d2, 2);
    ok(a, hip_adherence_day_streak(a, day(2026, 3, 3), &n));   /* 03-01, 03-03; today 03-03 -> 1 */
    assert_int_equal(n, 1);
    /* No sessions at all. */
    ok(a, hip_adherence_set_sessions(a, NULL, 0));
    ok(a, hip_adherence_day_streak(a, day(2026, 3, 3), &n));
    assert_int_equal(n, 0);
    assert_int_equal(hip_adherence_day_streak(a, day(2026, 3, 3), NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_day_streak(a, 99999999, &n), HIP_ERR_RANGE);
    hip_adherence_destroy(a);
}

static void test_adh9(void **state)
{
    (void)state;
    int32_t start = day(2026, 1, 5);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_SESSIONS, 3);
    static const int counts1[] = {3, 4, 2, 3, 3};
    static const int counts2[] = {3, 4, 2, 3, 1};
    int32_t d[20];
    size_t n = 0;
    for (int w = 0; w < 5; w++)
        for (int k = 0; k < counts1[w]; k++) d[n++] = start + 7 * w + k;
    sessions_on(a, d, n);
    uint32_t streak = 99;
    ok(a, hip_adherence_week_streak(a, start + 28 + 4, &streak));   /* current = week 5 -> 2 */
    assert_int_equal(streak, 2);
    n = 0;
    for (int w = 0; w < 5; w++)
        for (int k = 0; k < counts2[w]; k++) d[n++] = start + 7 * w + k;
    sessions_on(a, d, n);
    ok(a, hip_adherence_week_streak(a, start + 28 + 4, &streak));   /* week 5 not yet met -> 1 */
    assert_int_equal(streak, 1);
    assert_int_equal(hip_adherence_week_streak(a, start + 28, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_week_streak(a, start - 1, &streak), HIP_ERR_RANGE);
    hip_adherence_destroy(a);
    /* The target comes from the plan when not configured, and is needed. */
    a = make(start, HIP_ADHERENCE_UNIT_SESSIONS, 0);
    assert_int_equal(hip_adherence_week_streak(a, start, &streak), HIP_ERR_STATE);
    hip_adherence_plan plan[2] = {{start, 2, 10}, {start + 7, 4, 10}};
    ok(a, hip_adherence_set_plan(a, plan, 2));
    int32_t e[] = {start, start + 1, start + 7, start + 8, start + 9};
    sessions_on(a, e, 5);
    ok(a, hip_adherence_week_streak(a, start + 13, &streak));   /* week 2 needs 4: 3 so far -> week 1 */
    assert_int_equal(streak, 1);
    hip_adherence_destroy(a);
}

static void test_rest_and_pause_tolerance(void **state)
{
    (void)state;
    int32_t mon = day(2026, 3, 2);   /* a Monday */
    assert_int_equal(hip_date_weekday(mon), 1);
    hip_adherence *a = make(mon - 28, HIP_ADHERENCE_UNIT_SESSIONS, 3);
    uint32_t n;
    /* Mon, Tue, (Wed), Thu: Wednesday breaks the streak unless it is a planned rest day. */
    int32_t d[] = {mon, mon + 1, mon + 3};
    sessions_on(a, d, 3);
    ok(a, hip_adherence_day_streak(a, mon + 3, &n));
    assert_int_equal(n, 1);
    int32_t rest[] = {mon + 2, mon + 2, mon - 40};   /* duplicates and unordered are fine */
    ok(a, hip_adherence_set_rest_days(a, rest, 3));
    ok(a, hip_adherence_day_streak(a, mon + 3, &n));
    assert_int_equal(n, 3);                           /* the rest day neither breaks nor counts */
    ok(a, hip_adherence_day_streak(a, mon + 4, &n));  /* Friday, nothing yet: grace */
    assert_int_equal(n, 3);
    ok(a, hip_adherence_day_streak(a, mon + 5, &n));  /* Saturday: Friday broke it */
    assert_int_equal(n, 0);
    ok(a, hip_adherence_set_rest_days(a, NULL, 0));
    /* The same through the weekday mask (bit 3 = Wednesday, bit 5 = Friday). */
    hip_adherence_config cfg;
    hip_adherence_config_init(&cfg);
    cfg.start_day = mon - 28;
    cfg.weekly_session_target = 3;
    cfg.rest_weekdays = (1u << 3) | (1u << 5);
    hip_adherence *b = NULL;
    assert_int_equal(hip_adherence_create(&cfg, &b), HIP_OK);
    sessions_on(b, d, 3);
    ok(b, hip_adherence_day_streak(b, mon + 5, &n));  /* Sat: Fri is rest too */
    assert_int_equal(n, 3);
    /* A session on a rest day counts. */
    int32_t d3[] = {mon, mon + 1, mon + 2, mon + 3};
    sessions_on(b, d3, 4);
    ok(b, hip_adherence_day_streak(b, mon + 3, &n));
    assert_int_equal(n, 4);
    hip_adherence_destroy(b);

    /* A flare pause of 5 days between sessions keeps the day streak; overlapping pauses merge. */
    int32_t d4[] = {mon, mon + 1, mon + 7, mon + 8};
    sessions_on(a, d4, 4);
    ok(a, hip_adherence_day_streak(a, mon + 8, &n));
    assert_int_equal(n, 2);
    hip_adherence_pause p[2] = {{mon + 4, mon + 6}, {mon + 2, mon + 4}};
    ok(a, hip_adherence_set_pauses(a, p, 2));
    ok(a, hip_adherence_day_streak(a, mon + 8, &n));
    assert_int_equal(n, 4);
    /* Today inside a pause: the streak before it stands. */
    ok(a, hip_adherence_day_streak(a, mon + 5, &n));
    assert_int_equal(n, 2);

    /* Weeks: target 3; a fully paused week is skipped by the week streak, a partly paused week
     * has a scaled target (3 x 3/7 = 1.29 -> 1) and a scaled prescription. */
    int32_t start = mon - 28;
    int32_t w[] = {start, start + 1, start + 2,           /* week 1: 3 */
                   /* week 2: paused */
                   start + 14, start + 15, start + 16,    /* week 3: 3 */
                   start + 21};                           /* week 4: 1, with 4 paused days */
    sessions_on(a, w, 7);
    hip_adherence_pause wp[2] = {{start + 7, start + 13}, {start + 24, start + 27}};
    ok(a, hip_adherence_set_pauses(a, wp, 2));
    hip_adherence_week wk;
    ok(a, hip_adherence_week_at(a, 4, &wk));
    assert_int_equal(wk.paused_days, 4);
    assert_false(wk.excused);
    assert_int_equal(wk.session_target, 1);
    assert_true(wk.target_met);
    assert_true(wk.prescribed == 1 && wk.done == 1 && wk.adherent);
    uint32_t streak;
    ok(a, hip_adherence_week_streak(a, start + 27, &streak));
    assert_int_equal(streak, 3);   /* weeks 4, 3, 1 (2 excused) */
    ok(a, hip_adherence_set_pauses(a, NULL, 0));
    ok(a, hip_adherence_week_streak(a, start + 27, &streak));
    assert_int_equal(streak, 1);   /* week 4 (1 of 3) is still current: week 3, then week 2 breaks */
    ok(a, hip_adherence_week_streak(a, start + 28, &streak));
    assert_int_equal(streak, 0);   /* week 5 current (0), week 4 (1 of 3) is over and not met */
    /* Rest days do not change weekly targets (the plan includes them). */
    int32_t r2[] = {start + 21, start + 22};
    ok(a, hip_adherence_set_rest_days(a, r2, 2));
    ok(a, hip_adherence_week_at(a, 4, &wk));
    assert_int_equal(wk.session_target, 3);
    hip_adherence_destroy(a);
}

static void test_ranges_weeks_minutes(void **state)
{
    (void)state;
    int32_t start = day(2026, 1, 5);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    hip_adherence_session s[6] = {done_on(start - 3), done_on(start + 1), done_on(start + 1),
                                  done_on(start + 20), done_on(start + 30), done_on(start + 31)};
    s[2].minutes = 12.5;
    s[4].completed = 0;
    s[4].minutes = 5;
    ok(a, hip_adherence_set_sessions(a, s, 6));
    hip_adherence_range r;
    ok(a, hip_adherence_range_stats(a, start, start + 31, &r));
    assert_int_equal(r.sessions_logged, 5);
    assert_int_equal(r.sessions_completed, 4);
    assert_int_equal(r.exercise_days, 3);
    assert_true(r.minutes == 20 + 12.5 + 20 + 5 + 20);
    assert_int_equal(hip_adherence_range_stats(a, start, start - 1, &r), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_range_stats(a, start, start, NULL), HIP_ERR_INVALID);
    uint32_t n;
    /* ADH-10: days today-13 .. today. */
    ok(a, hip_adherence_exercise_days_last_14(a, start + 31, &n));
    assert_int_equal(n, 2);            /* day 20 and day 31; day 30 incomplete */
    ok(a, hip_adherence_exercise_days_last_14(a, start + 14, &n));
    assert_int_equal(n, 1);            /* day 1 (two sessions) */
    ok(a, hip_adherence_exercise_days_last_14(a, start + 15, &n));
    assert_int_equal(n, 0);
    assert_int_equal(hip_adherence_exercise_days_last_14(a, start, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_exercise_days_last_14(a, INT32_MIN, &n), HIP_ERR_RANGE);
    /* ADH-11: weeks 1 (day 1), 3 (day 20), 5 (day 31). */
    ok(a, hip_adherence_active_weeks(a, start + 31, &n));
    assert_int_equal(n, 3);
    ok(a, hip_adherence_active_weeks(a, start + 20, &n));
    assert_int_equal(n, 2);
    assert_int_equal(hip_adherence_active_weeks(a, start, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_active_weeks(a, start - 1, &n), HIP_ERR_RANGE);
    /* ADH-12: every logged session from the start. */
    double m;
    ok(a, hip_adherence_cumulative_minutes(a, start + 31, &m));
    assert_true(m == 77.5);   /* day -3 is before the start */
    assert_int_equal(hip_adherence_cumulative_minutes(a, start, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_cumulative_minutes(a, start - 1, &m), HIP_ERR_RANGE);
    hip_adherence_destroy(a);
}

static void test_report(void **state)
{
    (void)state;
    int32_t start = day(2024, 1, 1);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_SESSIONS, 3);
    int32_t d[] = {day(2024, 1, 1), day(2024, 1, 2), day(2024, 1, 4), day(2024, 1, 6),
                   day(2024, 1, 9), day(2024, 1, 14)};
    sessions_on(a, d, 6);
    hip_adherence_report r;
    ok(a, hip_adherence_report_on(a, day(2024, 1, 15), &r));
    assert_int_equal(r.today, day(2024, 1, 15));
    assert_int_equal(r.current_week, 3);
    assert_true(r.sessions_per_week == 6.0 / 3.0);
    assert_true(r.habit_reached);
    assert_int_equal(r.habit_day, day(2024, 1, 14));
    assert_int_equal(r.day_streak, 1);
    assert_int_equal(r.week_streak, 0);              /* week 2 had 2 of 3 */
    assert_false(r.has_poor_adherence);             /* week 1 3/3, week 2 2/3 */
    assert_int_equal(r.exercise_days_last_14, 5);   /* 01-02 .. 01-15 */
    assert_int_equal(r.active_weeks, 2);
    assert_true(r.cumulative_minutes == 120);
    assert_int_equal(r.sessions_completed, 6);
    assert_false(r.final_month_completed);
    ok(a, hip_adherence_report_on(a, day(2024, 1, 29), &r));
    assert_true(r.has_poor_adherence);
    assert_int_equal(r.poor_adherence_week, 3);
    assert_string_equal(hip_adherence_last_error(a), "");
    assert_int_equal(hip_adherence_report_on(a, start - 1, &r), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_report_on(a, start, NULL), HIP_ERR_INVALID);
    hip_adherence_destroy(a);
    /* Without plan or target the report still works (no week streak, no event). */
    a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    ok(a, hip_adherence_report_on(a, start + 40, &r));
    assert_int_equal(r.week_streak, 0);
    assert_false(r.has_poor_adherence);
    hip_adherence_destroy(a);
}

static void test_from_session_and_program(void **state)
{
    (void)state;
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(NULL, &p), HIP_OK);
    assert_int_equal(hip_program_begin(p, day(2026, 3, 2), 3, NULL), HIP_OK);
    hip_prescription rx;
    hip_prescription_init(&rx, "bridge");   /* 3 x 10 */
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    hip_prescription_init(&rx, "single_leg_stance");
    rx.reps = 0;
    rx.hold_s = 30;
    rx.sets = 2;                             /* 2 holds */
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    assert_int_equal(hip_program_commit(p), HIP_OK);
    hip_adherence_plan plan;
    assert_int_equal(hip_adherence_plan_from_program(p, 0, &plan), HIP_OK);
    assert_int_equal(plan.effective_day, day(2026, 3, 2));
    assert_int_equal(plan.sessions_per_week, 3);
    assert_int_equal(plan.reps_per_session, 32);
    assert_int_equal(hip_adherence_plan_from_program(p, 1, &plan), HIP_ERR_RANGE);
    assert_int_equal(hip_adherence_plan_from_program(NULL, 0, &plan), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_plan_from_program(p, 0, NULL), HIP_ERR_INVALID);

    hip_session *s = NULL;
    assert_int_equal(hip_session_create(NULL, &s), HIP_OK);
    hip_adherence_session as;
    assert_int_equal(hip_adherence_session_from(s, &as), HIP_ERR_STATE);   /* not started */
    /* 2026-03-02T23:30Z at UTC-5 is 03-02 local. */
    int64_t t0 = 1772494200LL * 1000000000LL;
    assert_int_equal(hip_session_start(s, t0, -5 * 60), HIP_OK);
    assert_int_equal(hip_session_plan_program(s, p, 0), HIP_OK);
    hip_session_set set;
    hip_session_set_init(&set);
    hip_session_rep rep;
    hip_session_rep_init(&rep);
    for (int k = 0; k < 3; k++) {
        assert_int_equal(hip_session_add_set(s, 0, &set), HIP_OK);
        for (int i = 0; i < 10; i++) assert_int_equal(hip_session_add_rep(s, &rep), HIP_OK);
    }
    assert_int_equal(hip_adherence_session_from(s, &as), HIP_ERR_STATE);   /* still running */
    assert_int_equal(hip_session_finish(s, t0 + 1500LL * 1000000000LL, HIP_ABANDON_NONE), HIP_OK);
    assert_int_equal(hip_adherence_session_from(s, &as), HIP_OK);
    assert_int_equal(as.day, day(2026, 3, 2));
    assert_int_equal(as.completed, 0);   /* 3 of 5 sets */
    assert_true(as.minutes == 25.0);
    assert_int_equal(as.prescribed_reps, 32);
    assert_int_equal(as.done_reps, 30);
    assert_int_equal(hip_adherence_session_from(NULL, &as), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_session_from(s, NULL), HIP_ERR_INVALID);

    hip_adherence *a = make(plan.effective_day, HIP_ADHERENCE_UNIT_REPS, 0);
    assert_int_equal(hip_adherence_plan_from_program(p, 0, &plan), HIP_OK);
    ok(a, hip_adherence_set_plan(a, &plan, 1));
    ok(a, hip_adherence_set_sessions(a, &as, 1));
    hip_adherence_week w;
    ok(a, hip_adherence_week_at(a, 1, &w));
    assert_true(w.prescribed == 96 && w.done == 30);
    hip_adherence_destroy(a);
    hip_session_destroy(s);
    hip_program_destroy(p);
}

static void test_input_validation(void **state)
{
    (void)state;
    int32_t start = day(2026, 1, 5);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_REPS, 0);
    hip_adherence_session good[2] = {done_on(start), done_on(start + 1)};
    ok(a, hip_adherence_set_sessions(a, good, 2));
    const char *msgs[] = {"sessions[1].day", "sessions[1].completed", "sessions[1].minutes",
                          "sessions[1].minutes", "sessions[1].done_reps"};
    for (int i = 0; i < 5; i++) {
        hip_adherence_session s[2] = {done_on(start + 3), done_on(start + 4)};
        switch (i) {
        case 0: s[1].day = 99999999; break;
        case 1: s[1].completed = 2; break;
        case 2: s[1].minutes = -1; break;
        case 3: s[1].minutes = 0.0 / 0.0; break;
        case 4: s[1].done_reps = 3; s[1].prescribed_reps = 2; break;
        }
        assert_int_equal(hip_adherence_set_sessions(a, s, 2), HIP_ERR_INVALID);
        if (!strstr(hip_adherence_last_error(a), msgs[i]))
            fail_msg("case %d: '%s'", i, hip_adherence_last_error(a));
    }
    assert_int_equal(hip_adherence_set_sessions(a, NULL, 1), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_set_sessions(a, good, HIPTRACK_ADHERENCE_MAX_ITEMS + 1), HIP_ERR_RANGE);
    /* Refused inputs left the old ones. */
    hip_adherence_range r;
    ok(a, hip_adherence_range_stats(a, start, start + 10, &r));
    assert_int_equal(r.sessions_completed, 2);

    hip_adherence_plan pl[2] = {{start, 3, 30}, {start + 7, 3, 30}};
    const char *pmsgs[] = {"plan[1].effective_day: not", "plan[1].effective_day: before", "plan[1].sessions_per_week",
                           "plan[1].sessions_per_week", "plan[1].reps_per_session"};
    for (int i = 0; i < 5; i++) {
        hip_adherence_plan q[2] = {pl[0], pl[1]};
        switch (i) {
        case 0: q[1].effective_day = -99999999; break;
        case 1: q[1].effective_day = start - 1; break;
        case 2: q[1].sessions_per_week = 0; break;
        case 3: q[1].sessions_per_week = 15; break;
        case 4: q[1].reps_per_session = 100001; break;
        }
        assert_int_equal(hip_adherence_set_plan(a, q, 2), HIP_ERR_INVALID);
        if (!strstr(hip_adherence_last_error(a), pmsgs[i]))
            fail_msg("plan case %d: '%s'", i, hip_adherence_last_error(a));
    }
    assert_int_equal(hip_adherence_set_plan(a, NULL, 2), HIP_ERR_INVALID);
    ok(a, hip_adherence_set_plan(a, pl, 2));
    int32_t bad_day = 99999999;
    assert_int_equal(hip_adherence_set_rest_days(a, &bad_day, 1), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_adherence_last_error(a), "days[0]"));
    assert_int_equal(hip_adherence_set_rest_days(a, NULL, 1), HIP_ERR_INVALID);
    hip_adherence_pause bp = {start + 2, start + 1};
    assert_int_equal(hip_adherence_set_pauses(a, &bp, 1), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_adherence_last_error(a), "pauses[0].last_day"));
    bp.first_day = 99999999;
    assert_int_equal(hip_adherence_set_pauses(a, &bp, 1), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_set_pauses(a, NULL, 1), HIP_ERR_INVALID);
    hip_adherence_destroy(a);
}

static void test_null_and_config_errors(void **state)
{
    (void)state;
    hip_adherence *a = (hip_adherence *)&a;
    assert_int_equal(hip_adherence_create(NULL, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_create(NULL, &a), HIP_OK);   /* start 1970-01-01 */
    hip_adherence_destroy(a);
    hip_adherence_config cfg;
    for (int i = 0; i < 13; i++) {
        hip_adherence_config_init(&cfg);
        switch (i) {
        case 0: cfg.struct_size = 4; break;
        case 1: cfg.start_day = 99999999; break;
        case 2: cfg.unit = (hip_adherence_unit)2; break;
        case 3: cfg.adherent_pct = 0; break;
        case 4: cfg.adherent_pct = 0.0 / 0.0; break;
        case 5: cfg.weekly_session_target = 15; break;
        case 6: cfg.habit_sessions = 0; break;
        case 7: cfg.habit_window_days = 0; break;
        case 8: cfg.habit_window_days = 367; break;
        case 9: cfg.final_month_first_day = 90; break;
        case 10: cfg.rest_weekdays = 1; break;
        case 11: cfg.allocator.free = hip_test_counting_allocator(NULL).free; break;
        case 12: cfg.habit_sessions = 101; break;
        }
        a = (hip_adherence *)&a;
        assert_int_equal(hip_adherence_create(&cfg, &a), HIP_ERR_INVALID);
        assert_null(a);
    }
    hip_adherence_config_init(NULL);
    hip_adherence_destroy(NULL);
    assert_string_equal(hip_adherence_last_error(NULL), "");
    hip_adherence_session s;
    hip_adherence_plan p;
    hip_adherence_pause q;
    int32_t d = 0;
    double v;
    uint32_t n;
    int c;
    hip_adherence_week w;
    hip_adherence_range r;
    hip_adherence_report rep;
    assert_int_equal(hip_adherence_set_sessions(NULL, &s, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_set_plan(NULL, &p, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_set_rest_days(NULL, &d, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_set_pauses(NULL, &q, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_week_at(NULL, 1, &w), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_sessions_per_week(NULL, 0, &v), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_poor_adherence(NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_final_month(NULL, &c), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_habit_point(NULL, 0, &d), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_day_streak(NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_week_streak(NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_range_stats(NULL, 0, 0, &r), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_exercise_days_last_14(NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_active_weeks(NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_cumulative_minutes(NULL, 0, &v), HIP_ERR_INVALID);
    assert_int_equal(hip_adherence_report_on(NULL, 0, &rep), HIP_ERR_INVALID);
    /* Metrics that take today refuse a day that is not a date. */
    a = make(0, HIP_ADHERENCE_UNIT_REPS, 3);
    assert_int_equal(hip_adherence_habit_point(a, 99999999, &d), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_adherence_last_error(a), "today"));
    hip_adherence_destroy(a);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_adherence_config cfg;
    hip_adherence_config_init(&cfg);
    cfg.start_day = day(2026, 1, 5);
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_adherence *a = NULL;
        hip_status st = hip_adherence_create(&cfg, &a);
        if (st == HIP_OK) { hip_adherence_destroy(a); assert_int_equal(as.outstanding, 0); break; }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(as.outstanding, 0);
    }
    hip_test_alloc_reset(&as, -1);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_adherence *a = NULL;
    assert_int_equal(hip_adherence_create(&cfg, &a), HIP_OK);
    int32_t start = cfg.start_day;
    hip_adherence_session s1 = done_on(start), s2[2] = {done_on(start + 1), done_on(start + 2)};
    hip_adherence_plan p1 = {start, 3, 30}, p2 = {start, 4, 30};
    int32_t r1 = start + 3, r2[2] = {start + 4, start + 5};
    hip_adherence_pause q1 = {start + 10, start + 11}, q2 = {start + 20, start + 21};
    ok(a, hip_adherence_set_sessions(a, &s1, 1));
    ok(a, hip_adherence_set_plan(a, &p1, 1));
    ok(a, hip_adherence_set_rest_days(a, &r1, 1));
    ok(a, hip_adherence_set_pauses(a, &q1, 1));
    as.countdown = 0;
    assert_int_equal(hip_adherence_set_sessions(a, s2, 2), HIP_ERR_NOMEM);
    assert_int_equal(hip_adherence_set_plan(a, &p2, 1), HIP_ERR_NOMEM);
    assert_int_equal(hip_adherence_set_rest_days(a, r2, 2), HIP_ERR_NOMEM);
    assert_int_equal(hip_adherence_set_pauses(a, &q2, 1), HIP_ERR_NOMEM);
    /* Metrics never allocate, and the old inputs are intact. */
    hip_adherence_report rep;
    ok(a, hip_adherence_report_on(a, start + 20, &rep));
    assert_int_equal(rep.sessions_completed, 1);
    hip_adherence_week w;
    ok(a, hip_adherence_week_at(a, 1, &w));
    assert_int_equal(w.session_target, 3);
    ok(a, hip_adherence_week_at(a, 2, &w));
    assert_int_equal(w.paused_days, 2);
    as.countdown = -1;
    ok(a, hip_adherence_set_sessions(a, s2, 2));
    ok(a, hip_adherence_set_plan(a, &p2, 1));
    ok(a, hip_adherence_set_rest_days(a, r2, 2));
    ok(a, hip_adherence_set_pauses(a, &q2, 1));
    ok(a, hip_adherence_week_at(a, 1, &w));
    assert_int_equal(w.session_target, 4);
    hip_adherence_destroy(a);
    assert_int_equal(as.outstanding, 0);
}

/* A streak asked for before the program starts, and a session longer than a day, are refused. */
static void test_streak_and_minutes_bounds(void **state)
{
    (void)state;
    int32_t start = day(2026, 3, 1);
    hip_adherence *a = make(start, HIP_ADHERENCE_UNIT_SESSIONS, 3);
    uint32_t streak = 7;
    assert_int_equal(hip_adherence_day_streak(a, start - 1, &streak), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_adherence_last_error(a), "before the program start"));
    assert_int_equal(streak, 7);
    hip_adherence_session s = done_on(start);
    s.minutes = 1441;
    assert_int_equal(hip_adherence_set_sessions(a, &s, 1), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_adherence_last_error(a), "sessions[0].minutes: expected a number 0..1440"));
    s.minutes = 1440;
    assert_int_equal(hip_adherence_set_sessions(a, &s, 1), HIP_OK);
    hip_adherence_destroy(a);
}

/* The four setters, failing at every allocation with inputs of growing size: each failure keeps the
 * previous inputs (the report is unchanged). */
static void test_setters_fail_cleanly_at_every_allocation(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_test_alloc_reset(&as, -1);
    hip_adherence_config cfg;
    hip_adherence_config_init(&cfg);
    cfg.start_day = day(2026, 1, 5);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_adherence *a = NULL;
    assert_int_equal(hip_adherence_create(&cfg, &a), HIP_OK);
    int32_t start = cfg.start_day;
    hip_adherence_session sessions[40];
    int32_t rest[40];
    hip_adherence_pause pauses[10];
    hip_adherence_plan plans[10];
    for (int i = 0; i < 40; i++) { sessions[i] = done_on(start + 2 * i); rest[i] = start + 2 * i + 1; }
    for (int i = 0; i < 10; i++) {
        pauses[i].first_day = start + 100 + 3 * i;
        pauses[i].last_day = start + 101 + 3 * i;
        plans[i].effective_day = start + 7 * i;
        plans[i].sessions_per_week = 3 + (uint32_t)(i % 3);
        plans[i].reps_per_session = 30;
    }
    hip_adherence_report before, after;
    for (size_t n = 1; n <= 40; n += 13) {
        ok(a, hip_adherence_report_on(a, start + 140, &before));
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_adherence_set_sessions(a, sessions, n),
            hip_adherence_report_on(a, start + 140, &after) == HIP_OK && !memcmp(&before, &after, sizeof before));
        ok(a, hip_adherence_report_on(a, start + 140, &before));
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_adherence_set_rest_days(a, rest, n),
            hip_adherence_report_on(a, start + 140, &after) == HIP_OK && !memcmp(&before, &after, sizeof before));
        ok(a, hip_adherence_report_on(a, start + 140, &before));
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_adherence_set_pauses(a, pauses, n / 5 + 1),
            hip_adherence_report_on(a, start + 140, &after) == HIP_OK && !memcmp(&before, &after, sizeof before));
        ok(a, hip_adherence_report_on(a, start + 140, &before));
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_adherence_set_plan(a, plans, n / 5 + 1),
            hip_adherence_report_on(a, start + 140, &after) == HIP_OK && !memcmp(&before, &after, sizeof before));
    }
    assert_true(as.failures >= 12);
    hip_adherence_destroy(a);
    assert_int_equal(as.outstanding, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_adh2),
        cmocka_unit_test(test_adh3_4),
        cmocka_unit_test(test_adh5),
        cmocka_unit_test(test_adh6),
        cmocka_unit_test(test_adh7),
        cmocka_unit_test(test_adh8),
        cmocka_unit_test(test_streak_and_minutes_bounds),
        cmocka_unit_test(test_adh9),
        cmocka_unit_test(test_rest_and_pause_tolerance),
        cmocka_unit_test(test_ranges_weeks_minutes),
        cmocka_unit_test(test_report),
        cmocka_unit_test(test_from_session_and_program),
        cmocka_unit_test(test_input_validation),
        cmocka_unit_test(test_null_and_config_errors),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_setters_fail_cleanly_at_every_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
