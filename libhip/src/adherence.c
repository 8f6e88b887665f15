/* Adherence and engagement metrics (CLINICAL.md §5): weeks, completion, streaks that tolerate
 * planned rest and flare pauses, habit point, range counts. Metrics never allocate. */
#include "hiptrack/hip_adherence.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "hiptrack/hip_date.h"

struct hip_adherence {
    hip_allocator alloc;
    hip__error err;
    hip_adherence_config cfg;
    hip_adherence_session *sessions;   /* sorted by day */
    size_t n_sessions;
    hip_adherence_plan *plan;          /* effective days ascending */
    size_t n_plan;
    int32_t *rest;                     /* sorted, unique */
    size_t n_rest;
    hip_adherence_pause *pauses;       /* sorted, merged (disjoint, not adjacent) */
    size_t n_pauses;
};

static int valid_day(int32_t day)
{
    char buf[HIPTRACK_DATE_CAP];
    return hip_date_format(day, buf, sizeof buf) == HIP_OK;
}

void hip_adherence_config_init(hip_adherence_config *c)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
    c->unit = HIP_ADHERENCE_UNIT_REPS;
    c->adherent_pct = 80.0;
    c->habit_sessions = 6;
    c->habit_window_days = 14;
    c->final_month_first_day = 56;
    c->final_month_last_day = 83;
}

hip_status hip_adherence_create(const hip_adherence_config *c, hip_adherence **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_adherence_config defaults;
    if (!c) {
        hip_adherence_config_init(&defaults);
        c = &defaults;
    }
    if (c->struct_size < sizeof(hip_adherence_config) || !hip__alloc_valid(&c->allocator) ||
        !valid_day(c->start_day) || (unsigned)c->unit > HIP_ADHERENCE_UNIT_SESSIONS ||
        !(c->adherent_pct >= 1 && c->adherent_pct <= 100) || c->weekly_session_target > 14 ||
        c->habit_sessions < 1 || c->habit_sessions > 100 || c->habit_window_days < 1 ||
        c->habit_window_days > 366 || c->final_month_first_day > c->final_month_last_day ||
        c->final_month_last_day > 100000 || (c->rest_weekdays & ~0xFEu) != 0)
        return HIP_ERR_INVALID;
    hip_adherence *a = hip__calloc(&c->allocator, 1, sizeof *a);
    if (!a) return HIP_ERR_NOMEM;
    a->alloc = c->allocator;
    a->cfg = *c;
    a->cfg.struct_size = sizeof a->cfg;
    *out = a;
    return HIP_OK;
}

void hip_adherence_destroy(hip_adherence *a)
{
    if (!a) return;
    hip_allocator al = a->alloc;
    hip__free(&al, a->sessions);
    hip__free(&al, a->plan);
    hip__free(&al, a->rest);
    hip__free(&al, a->pauses);
    hip__free(&al, a);
}

const char *hip_adherence_last_error(const hip_adherence *a) { return a ? hip__errmsg(&a->err) : ""; }

/* ---- inputs ---- */

static hip_status begin_set(hip_adherence *a, const void *items, size_t count, const char *what)
{
    hip__clearerr(&a->err);
    if (count && !items) return hip__seterr(&a->err, HIP_ERR_INVALID, "%s is NULL", what);
    if (count > HIPTRACK_ADHERENCE_MAX_ITEMS)
        return hip__seterr(&a->err, HIP_ERR_RANGE, "%s: more than %d items", what,
                           HIPTRACK_ADHERENCE_MAX_ITEMS);
    return HIP_OK;
}

/* A copy of count items (NULL for 0), or NULL with *failed set. */
static void *copy_items(hip_adherence *a, const void *items, size_t count, size_t size, int *failed)
{
    *failed = 0;
    if (!count) return NULL;
    void *p = hip__calloc(&a->alloc, count, size);
    if (!p) { *failed = 1; return NULL; }
    memcpy(p, items, count * size);
    return p;
}

static int cmp_session(const void *x, const void *y)
{
    const hip_adherence_session *p = x, *q = y;
    return (p->day > q->day) - (p->day < q->day);
}

static int cmp_day(const void *x, const void *y)
{
    int32_t p = *(const int32_t *)x, q = *(const int32_t *)y;
    return (p > q) - (p < q);
}

static int cmp_pause(const void *x, const void *y)
{
    const hip_adherence_pause *p = x, *q = y;
    return (p->first_day > q->first_day) - (p->first_day < q->first_day);
}

hip_status hip_adherence_set_sessions(hip_adherence *a, const hip_adherence_session *s, size_t count)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = begin_set(a, s, count, "sessions");
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < count; i++) {
        if (!valid_day(s[i].day))
            return hip__seterr(&a->err, HIP_ERR_INVALID, "sessions[%zu].day: not a date in years 1..9999", i);
        if (s[i].completed != 0 && s[i].completed != 1)
            return hip__seterr(&a->err, HIP_ERR_INVALID, "sessions[%zu].completed: expected 0 or 1", i);
        if (!(s[i].minutes >= 0 && s[i].minutes <= 1440))
            return hip__seterr(&a->err, HIP_ERR_INVALID, "sessions[%zu].minutes: expected a number 0..1440", i);
        if (s[i].done_reps > s[i].prescribed_reps)
            return hip__seterr(&a->err, HIP_ERR_INVALID,
                               "sessions[%zu].done_reps: more than prescribed_reps (count capped reps)", i);
    }
    int failed;
    hip_adherence_session *copy = copy_items(a, s, count, sizeof *s, &failed);
    if (failed) return hip__seterr(&a->err, HIP_ERR_NOMEM, "out of memory");
    if (count) qsort(copy, count, sizeof *copy, cmp_session);
    hip__free(&a->alloc, a->sessions);
    a->sessions = copy;
    a->n_sessions = count;
    return HIP_OK;
}

hip_status hip_adherence_set_plan(hip_adherence *a, const hip_adherence_plan *p, size_t count)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = begin_set(a, p, count, "plan");
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < count; i++) {
        if (!valid_day(p[i].effective_day))
            return hip__seterr(&a->err, HIP_ERR_INVALID, "plan[%zu].effective_day: not a date in years 1..9999", i);
        if (i && p[i].effective_day < p[i - 1].effective_day)
            return hip__seterr(&a->err, HIP_ERR_INVALID, "plan[%zu].effective_day: before the previous version's", i);
        if (p[i].sessions_per_week < 1 || p[i].sessions_per_week > 14)
            return hip__seterr(&a->err, HIP_ERR_INVALID, "plan[%zu].sessions_per_week: expected 1..14", i);
        if (p[i].reps_per_session > 100000)
            return hip__seterr(&a->err, HIP_ERR_INVALID, "plan[%zu].reps_per_session: expected 0..100000", i);
    }
    int failed;
    hip_adherence_plan *copy = copy_items(a, p, count, sizeof *p, &failed);
    if (failed) return hip__seterr(&a->err, HIP_ERR_NOMEM, "out of memory");
    hip__free(&a->alloc, a->plan);
    a->plan = copy;
    a->n_plan = count;
    return HIP_OK;
}

hip_status hip_adherence_set_rest_days(hip_adherence *a, const int32_t *days, size_t count)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = begin_set(a, days, count, "days");
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < count; i++)
        if (!valid_day(days[i]))
            return hip__seterr(&a->err, HIP_ERR_INVALID, "days[%zu]: not a date in years 1..9999", i);
    int failed;
    int32_t *copy = copy_items(a, days, count, sizeof *days, &failed);
    if (failed) return hip__seterr(&a->err, HIP_ERR_NOMEM, "out of memory");
    size_t n = 0;
    if (count) {
        qsort(copy, count, sizeof *copy, cmp_day);
        for (size_t i = 0; i < count; i++)
            if (!n || copy[n - 1] != copy[i]) copy[n++] = copy[i];
    }
    hip__free(&a->alloc, a->rest);
    a->rest = copy;
    a->n_rest = n;
    return HIP_OK;
}

hip_status hip_adherence_set_pauses(hip_adherence *a, const hip_adherence_pause *p, size_t count)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = begin_set(a, p, count, "pauses");
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < count; i++) {
        if (!valid_day(p[i].first_day) || !valid_day(p[i].last_day))
            return hip__seterr(&a->err, HIP_ERR_INVALID, "pauses[%zu]: not a date in years 1..9999", i);
        if (p[i].last_day < p[i].first_day)
            return hip__seterr(&a->err, HIP_ERR_INVALID, "pauses[%zu].last_day: before first_day", i);
    }
    int failed;
    hip_adherence_pause *copy = copy_items(a, p, count, sizeof *p, &failed);
    if (failed) return hip__seterr(&a->err, HIP_ERR_NOMEM, "out of memory");
    size_t n = 0;
    if (count) {
        qsort(copy, count, sizeof *copy, cmp_pause);
        for (size_t i = 0; i < count; i++) {
            if (n && copy[i].first_day <= copy[n - 1].last_day + 1) {
                if (copy[i].last_day > copy[n - 1].last_day) copy[n - 1].last_day = copy[i].last_day;
            } else {
                copy[n++] = copy[i];
            }
        }
    }
    hip__free(&a->alloc, a->pauses);
    a->pauses = copy;
    a->n_pauses = n;
    return HIP_OK;
}

hip_status hip_adherence_session_from(const hip_session *session, hip_adherence_session *out)
{
    if (!session || !out) return HIP_ERR_INVALID;
    hip_session_summary sum;
    hip_status st = hip_session_summarize(session, &sum);
    if (st != HIP_OK) return st;
    if (!sum.finished) return HIP_ERR_STATE;
    memset(out, 0, sizeof *out);
    out->day = sum.day;
    out->completed = sum.completed ? 1 : 0;
    out->minutes = sum.active_s / 60.0;
    out->prescribed_reps = sum.prescribed_reps;
    out->done_reps = sum.done_reps_capped;
    return HIP_OK;
}

hip_status hip_adherence_plan_from_program(const hip_program *program, size_t version_index,
                                           hip_adherence_plan *out)
{
    if (!program || !out) return HIP_ERR_INVALID;
    hip_program_version v;
    hip_status st = hip_program_version_at(program, version_index, &v);
    if (st != HIP_OK) return st;
    memset(out, 0, sizeof *out);
    out->effective_day = v.effective_day;
    out->sessions_per_week = v.sessions_per_week;
    for (size_t i = 0; i < v.exercise_count; i++) {
        hip_prescription rx;
        hip_program_exercise_at(program, version_index, i, &rx);
        out->reps_per_session += rx.sets * (rx.reps ? rx.reps : 1);
    }
    return HIP_OK;
}

hip_status hip_adherence_completion_pct(double done, double prescribed, double *pct_out)
{
    if (!pct_out) return HIP_ERR_INVALID;
    if (!(done >= 0 && done <= 1e12) || !(prescribed >= 0 && prescribed <= 1e12) || done > prescribed)
        return HIP_ERR_RANGE;
    if (prescribed == 0) return HIP_ERR_NOT_FOUND;   /* NOT_EVALUABLE */
    *pct_out = 100.0 * done / prescribed;
    return HIP_OK;
}

/* ---- lookups ---- */

/* Index of the first session with day >= day. */
static size_t lower_bound(const hip_adherence *a, int32_t day)
{
    size_t lo = 0, hi = a->n_sessions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->sessions[mid].day < day) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int completed_on(const hip_adherence *a, int32_t day)
{
    for (size_t i = lower_bound(a, day); i < a->n_sessions && a->sessions[i].day == day; i++)
        if (a->sessions[i].completed) return 1;
    return 0;
}

/* The pause containing day, or NULL. */
static const hip_adherence_pause *pause_on(const hip_adherence *a, int32_t day)
{
    size_t lo = 0, hi = a->n_pauses;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->pauses[mid].last_day < day) lo = mid + 1;
        else hi = mid;
    }
    return lo < a->n_pauses && a->pauses[lo].first_day <= day ? &a->pauses[lo] : NULL;
}

static int rest_on(const hip_adherence *a, int32_t day)
{
    if (a->cfg.rest_weekdays & (1u << hip_date_weekday(day))) return 1;
    size_t lo = 0, hi = a->n_rest;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->rest[mid] < day) lo = mid + 1;
        else hi = mid;
    }
    return lo < a->n_rest && a->rest[lo] == day;
}

static const hip_adherence_plan *plan_on(const hip_adherence *a, int32_t day)
{
    if (!a->n_plan) return NULL;
    size_t i = 0;
    while (i + 1 < a->n_plan && a->plan[i + 1].effective_day <= day) i++;
    return &a->plan[i];
}

static hip_status check_today(hip_adherence *a, int32_t today)
{
    hip__clearerr(&a->err);
    if (!valid_day(today))
        return hip__seterr(&a->err, HIP_ERR_RANGE, "today: not a date in years 1..9999");
    if (today < a->cfg.start_day)
        return hip__seterr(&a->err, HIP_ERR_RANGE, "today: before the program start");
    return HIP_OK;
}

static uint32_t week_of(const hip_adherence *a, int32_t day)
{
    return (uint32_t)((day - a->cfg.start_day) / 7) + 1;
}

/* Whether weekly metrics have what they need (a plan, or a configured target for SESSIONS). */
static hip_status need_weekly(hip_adherence *a, int for_target)
{
    if (a->n_plan) return HIP_OK;
    if (a->cfg.weekly_session_target && (for_target || a->cfg.unit == HIP_ADHERENCE_UNIT_SESSIONS))
        return HIP_OK;
    return hip__seterr(&a->err, HIP_ERR_STATE,
                       "no plan is set (set_plan) and no weekly_session_target is configured");
}

static void compute_week(const hip_adherence *a, uint32_t week, hip_adherence_week *w)
{
    memset(w, 0, sizeof *w);
    w->week = week;
    w->first_day = (int32_t)(a->cfg.start_day + 7 * (int64_t)(week - 1));
    int32_t last = w->first_day + 6;
    for (int32_t d = w->first_day; d <= last; d++)
        if (pause_on(a, d)) w->paused_days++;
    w->excused = w->paused_days == 7;
    uint32_t active = 7 - w->paused_days;
    const hip_adherence_plan *p = plan_on(a, w->first_day);
    uint32_t target = a->cfg.weekly_session_target ? a->cfg.weekly_session_target
                                                   : p ? p->sessions_per_week : 0;
    w->session_target = (uint32_t)((target * active * 2 + 7) / 14);   /* round half up of t*a/7 */
    double done_reps = 0;
    for (size_t i = lower_bound(a, w->first_day); i < a->n_sessions && a->sessions[i].day <= last; i++) {
        const hip_adherence_session *s = &a->sessions[i];
        w->sessions_logged++;
        if (s->completed) w->sessions_completed++;
        w->minutes += s->minutes;
        done_reps += s->done_reps;
    }
    w->target_met = w->session_target > 0 && w->sessions_completed >= w->session_target;
    if (a->cfg.unit == HIP_ADHERENCE_UNIT_SESSIONS) {
        w->prescribed = w->session_target;
        w->done = w->sessions_completed;
    } else {
        w->prescribed = p ? (double)p->sessions_per_week * p->reps_per_session * active / 7.0 : 0;
        w->done = done_reps;
    }
    if (w->done > w->prescribed) w->done = w->prescribed;
    w->evaluable = w->prescribed > 0;
    w->completion_pct = w->evaluable ? 100.0 * w->done / w->prescribed : 0;
    w->adherent = w->evaluable && w->completion_pct >= a->cfg.adherent_pct;
}

/* ---- metrics ---- */

hip_status hip_adherence_week_at(hip_adherence *a, uint32_t week, hip_adherence_week *out)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!out) return hip__seterr(&a->err, HIP_ERR_INVALID, "out is NULL");
    int64_t last = a->cfg.start_day + 7 * (int64_t)week - 1;
    if (week < 1 || last > INT32_MAX || !valid_day((int32_t)last))
        return hip__seterr(&a->err, HIP_ERR_RANGE, "week %u: expected 1.. within years 1..9999",
                           (unsigned)week);
    compute_week(a, week, out);
    return HIP_OK;
}

static uint32_t completed_between(const hip_adherence *a, int32_t first, int32_t last)
{
    uint32_t n = 0;
    for (size_t i = lower_bound(a, first); i < a->n_sessions && a->sessions[i].day <= last; i++)
        n += a->sessions[i].completed ? 1u : 0u;
    return n;
}

hip_status hip_adherence_sessions_per_week(hip_adherence *a, int32_t today, double *out)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = check_today(a, today);
    if (st != HIP_OK) return st;
    if (!out) return hip__seterr(&a->err, HIP_ERR_INVALID, "out is NULL");
    int64_t elapsed = (int64_t)today - a->cfg.start_day + 1;
    int64_t weeks = (elapsed + 6) / 7;
    *out = (double)completed_between(a, a->cfg.start_day, today) / (double)(weeks < 1 ? 1 : weeks);
    return HIP_OK;
}

hip_status hip_adherence_poor_adherence(hip_adherence *a, int32_t today, uint32_t *week_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = check_today(a, today);
    if (st != HIP_OK) return st;
    if (!week_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "week_out is NULL");
    if ((st = need_weekly(a, 0)) != HIP_OK) return st;
    int prev_low = 0;
    hip_adherence_week w;
    for (uint32_t week = 1; a->cfg.start_day + 7 * (int64_t)week - 1 < today; week++) {
        compute_week(a, week, &w);
        if (!w.evaluable) continue;   /* excused or nothing prescribed: skipped */
        int low = w.completion_pct < a->cfg.adherent_pct;
        if (low && prev_low) {
            *week_out = week;
            return HIP_OK;
        }
        prev_low = low;
    }
    return hip__seterr(&a->err, HIP_ERR_NOT_FOUND, "no poor-adherence event");
}

hip_status hip_adherence_final_month(hip_adherence *a, int *completed_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!completed_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "completed_out is NULL");
    int64_t first = (int64_t)a->cfg.start_day + a->cfg.final_month_first_day;
    int64_t last = (int64_t)a->cfg.start_day + a->cfg.final_month_last_day;
    *completed_out = 0;
    for (size_t i = 0; i < a->n_sessions; i++)
        if (a->sessions[i].completed && a->sessions[i].day >= first && a->sessions[i].day <= last)
            *completed_out = 1;
    return HIP_OK;
}

hip_status hip_adherence_habit_point(hip_adherence *a, int32_t today, int32_t *day_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = check_today(a, today);
    if (st != HIP_OK) return st;
    if (!day_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "day_out is NULL");
    const uint32_t n = a->cfg.habit_sessions;
    size_t j = lower_bound(a, a->cfg.start_day);
    uint32_t count = 0;   /* completed sessions in [j, i] */
    for (size_t i = j; i < a->n_sessions && a->sessions[i].day <= today; i++) {
        if (!a->sessions[i].completed) continue;
        count++;
        while (count > n || !a->sessions[j].completed) {
            if (a->sessions[j].completed) count--;
            j++;
        }
        if (count == n && a->sessions[i].day - a->sessions[j].day <= (int32_t)a->cfg.habit_window_days - 1) {
            *day_out = a->sessions[i].day;
            return HIP_OK;
        }
    }
    return hip__seterr(&a->err, HIP_ERR_NOT_FOUND, "habit point not reached");
}

hip_status hip_adherence_day_streak(hip_adherence *a, int32_t today, uint32_t *streak_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!valid_day(today)) return hip__seterr(&a->err, HIP_ERR_RANGE, "today: not a date in years 1..9999");
    if (today < a->cfg.start_day) return hip__seterr(&a->err, HIP_ERR_RANGE, "today: before the program start");
    if (!streak_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "streak_out is NULL");
    uint32_t streak = 0;
    int32_t earliest = INT32_MAX;
    for (size_t i = 0; i < a->n_sessions; i++)
        if (a->sessions[i].completed) { earliest = a->sessions[i].day; break; }
    int32_t d = completed_on(a, today) ? today : today - 1;   /* grace: today is not over */
    while (d >= earliest) {
        const hip_adherence_pause *p;
        if (completed_on(a, d)) {
            streak++;
            d--;
        } else if ((p = pause_on(a, d)) != NULL) {
            d = p->first_day - 1;
        } else if (rest_on(a, d)) {
            d--;
        } else {
            break;
        }
    }
    *streak_out = streak;
    return HIP_OK;
}

hip_status hip_adherence_week_streak(hip_adherence *a, int32_t today, uint32_t *streak_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = check_today(a, today);
    if (st != HIP_OK) return st;
    if (!streak_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "streak_out is NULL");
    if ((st = need_weekly(a, 1)) != HIP_OK) return st;
    uint32_t week = week_of(a, today), streak = 0;
    hip_adherence_week w;
    compute_week(a, week, &w);
    if (w.session_target > 0 && !w.target_met) week--;   /* the current week is not over */
    for (; week >= 1; week--) {
        compute_week(a, week, &w);
        if (w.session_target == 0) continue;   /* excused */
        if (!w.target_met) break;
        streak++;
    }
    *streak_out = streak;
    return HIP_OK;
}

hip_status hip_adherence_range_stats(hip_adherence *a, int32_t first_day, int32_t last_day,
                                     hip_adherence_range *out)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!out) return hip__seterr(&a->err, HIP_ERR_INVALID, "out is NULL");
    if (last_day < first_day) return hip__seterr(&a->err, HIP_ERR_RANGE, "last_day: before first_day");
    memset(out, 0, sizeof *out);
    out->first_day = first_day;
    out->last_day = last_day;
    int32_t last_counted = 0;
    int any = 0;
    for (size_t i = lower_bound(a, first_day); i < a->n_sessions && a->sessions[i].day <= last_day; i++) {
        const hip_adherence_session *s = &a->sessions[i];
        out->sessions_logged++;
        out->minutes += s->minutes;
        if (!s->completed) continue;
        out->sessions_completed++;
        if (!any || s->day != last_counted) out->exercise_days++;
        any = 1;
        last_counted = s->day;
    }
    return HIP_OK;
}

hip_status hip_adherence_exercise_days_last_14(hip_adherence *a, int32_t today, uint32_t *days_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip__clearerr(&a->err);
    if (!days_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "days_out is NULL");
    if (!valid_day(today)) return hip__seterr(&a->err, HIP_ERR_RANGE, "today: not a date in years 1..9999");
    hip_adherence_range r;
    hip_status st = hip_adherence_range_stats(a, today - 13, today, &r);
    if (st == HIP_OK) *days_out = r.exercise_days;
    return st;
}

hip_status hip_adherence_active_weeks(hip_adherence *a, int32_t today, uint32_t *weeks_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = check_today(a, today);
    if (st != HIP_OK) return st;
    if (!weeks_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "weeks_out is NULL");
    uint32_t n = 0, last = 0;
    for (size_t i = lower_bound(a, a->cfg.start_day); i < a->n_sessions && a->sessions[i].day <= today; i++) {
        if (!a->sessions[i].completed) continue;
        uint32_t w = week_of(a, a->sessions[i].day);
        if (w != last) n++;
        last = w;
    }
    *weeks_out = n;
    return HIP_OK;
}

hip_status hip_adherence_cumulative_minutes(hip_adherence *a, int32_t today, double *minutes_out)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = check_today(a, today);
    if (st != HIP_OK) return st;
    if (!minutes_out) return hip__seterr(&a->err, HIP_ERR_INVALID, "minutes_out is NULL");
    hip_adherence_range r;
    hip_adherence_range_stats(a, a->cfg.start_day, today, &r);
    *minutes_out = r.minutes;
    return HIP_OK;
}

hip_status hip_adherence_report_on(hip_adherence *a, int32_t today, hip_adherence_report *out)
{
    if (!a) return HIP_ERR_INVALID;
    hip_status st = check_today(a, today);
    if (st != HIP_OK) return st;
    if (!out) return hip__seterr(&a->err, HIP_ERR_INVALID, "out is NULL");
    hip_adherence_report r;
    memset(&r, 0, sizeof r);
    r.today = today;
    r.current_week = week_of(a, today);
    hip_adherence_sessions_per_week(a, today, &r.sessions_per_week);
    r.has_poor_adherence = hip_adherence_poor_adherence(a, today, &r.poor_adherence_week) == HIP_OK;
    hip_adherence_final_month(a, &r.final_month_completed);
    r.habit_reached = hip_adherence_habit_point(a, today, &r.habit_day) == HIP_OK;
    hip_adherence_day_streak(a, today, &r.day_streak);
    if (hip_adherence_week_streak(a, today, &r.week_streak) != HIP_OK) r.week_streak = 0;
    hip_adherence_exercise_days_last_14(a, today, &r.exercise_days_last_14);
    hip_adherence_active_weeks(a, today, &r.active_weeks);
    hip_adherence_cumulative_minutes(a, today, &r.cumulative_minutes);
    r.sessions_completed = completed_between(a, a->cfg.start_day, today);
    hip__clearerr(&a->err);
    *out = r;
    return HIP_OK;
}
