/* A 12-week dry run of the built-in progression rules, with their explanations.
 *
 * The story: from Monday 2026-11-02 a member does squats, bridges and left-side clamshells
 * (3 x 10) on Mondays, Wednesdays and Fridays, logs a 24-hour pain every evening and the pain on
 * the morning after each session. At the end of every week the built-in rules are evaluated and
 * their changes applied (each one a new program version), so the member then trains at the new
 * dose. Scripted events: an easy start, a painful session in week 5 (pain 6 during), a flare in
 * week 7, next-morning pain above usual in week 9, a red-flag check-in (new leg numbness) in
 * week 11 that a clinician clears in week 12.
 *
 * Then the dry run: what the rules would have done, week by week, over that history, printed with
 * the one-sentence explanations; and the same with one threshold changed (pain_acceptable = 4), as
 * a clinician checking a rule set would. Deterministic; exits 1 if a library call fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hiptrack/hiptrack.h>

#define WEEKS 12
#define NS 1000000000LL
#define MAX_SESSIONS (3 * WEEKS)

#define TRY(call, handle_msg) \
    do { hip_status st_ = (call); if (st_ < 0) fail(#call, st_, (handle_msg)); } while (0)

static _Noreturn void fail(const char *call, hip_status st, const char *message)
{
    fprintf(stderr, "dry_run: %s failed: %s (%s)\n", call,
            message && *message ? message : hip_status_str(st), hip_status_name(st));
    exit(1);
}

typedef struct world {
    int32_t start;
    hip_catalog *catalog;
    hip_program *program;
    hip_painlog *pain;
    hip_session *sessions[MAX_SESSIONS];
    size_t session_count;
    hip_checkin checkins[2];
    size_t checkin_count;
    char live_text[WEEKS * 3][HIPTRACK_PROGRESSION_TEXT_CAP];   /* what was decided live */
    size_t live_count;
} world;

static void log_pain(world *w, int32_t day, int hour, hip_pain_context ctx, int32_t nrs)
{
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = ((int64_t)(w->start + day) * 86400 + hour * 3600) * NS;
    e.nrs = nrs;
    e.context = ctx;
    TRY(hip_painlog_add(w->pain, &e), hip_painlog_last_error(w->pain));
}

/* How the member does in a week: reps beyond the target in the last set, effort, pain. */
typedef struct week_plan {
    int32_t extra_reps;     /* last set: prescribed + extra */
    int32_t rpe;
    int32_t daily;          /* 24-h pain on ordinary days */
} week_plan;

static const week_plan plans[WEEKS] = {
    {0, 6, 2}, {2, 4, 2}, {2, 4, 2}, {2, 4, 2}, {2, 4, 2}, {1, 5, 2},
    {0, 6, 2}, {2, 4, 2}, {2, 4, 2}, {2, 4, 2}, {2, 4, 2}, {2, 4, 2}};

static void one_session(world *w, int32_t day, const week_plan *plan, int32_t during, int32_t after)
{
    hip_session *s = NULL;
    TRY(hip_session_create(NULL, &s), NULL);
    int64_t start = ((int64_t)(w->start + day) * 86400 + 18 * 3600) * NS;
    TRY(hip_session_start(s, start, 0), hip_session_last_error(s));
    size_t vi;
    TRY(hip_program_version_on(w->program, w->start + day, &vi), NULL);
    TRY(hip_session_plan_program(s, w->program, vi), hip_session_last_error(s));
    hip_session_info info;
    TRY(hip_session_get_info(s, &info), NULL);
    for (size_t e = 0; e < info.exercise_count; e++) {
        hip_session_exercise ex;
        TRY(hip_session_exercise_at(s, e, &ex), NULL);
        for (uint32_t k = 0; k < ex.prescribed_sets; k++) {
            hip_session_set set;
            hip_session_set_init(&set);
            set.rpe = plan->rpe;
            TRY(hip_session_add_set(s, e, &set), hip_session_last_error(s));
            uint32_t reps = ex.prescribed_reps ? ex.prescribed_reps : 1;
            if (k + 1 == ex.prescribed_sets && ex.prescribed_reps) reps += (uint32_t)plan->extra_reps;
            for (uint32_t r = 0; r < reps; r++) {
                hip_session_rep rep;
                hip_session_rep_init(&rep);
                TRY(hip_session_add_rep(s, &rep), hip_session_last_error(s));
            }
        }
    }
    TRY(hip_session_set_pain(s, HIP_PAIN_DURING, during), hip_session_last_error(s));
    TRY(hip_session_set_pain(s, HIP_PAIN_AFTER, after), hip_session_last_error(s));
    TRY(hip_session_finish(s, start + 40 * 60 * NS, HIP_ABANDON_NONE), hip_session_last_error(s));
    w->sessions[w->session_count++] = s;
}

static hip_progression_history history(const world *w)
{
    hip_progression_history h;
    hip_progression_history_init(&h);
    h.program = w->program;
    h.catalog = w->catalog;
    h.sessions = (const hip_session *const *)w->sessions;
    h.session_count = w->session_count;
    h.painlog = w->pain;
    h.checkins = w->checkins;
    h.checkin_count = w->checkin_count;
    return h;
}

/* Twelve weeks of training; the rules' changes are applied at the end of every week. */
static void live(world *w, const hip_ruleset *rules)
{
    for (int32_t week = 0; week < WEEKS; week++) {
        const week_plan *plan = &plans[week];
        for (int32_t wd = 0; wd < 7; wd++) {
            int32_t day = 7 * week + wd;
            int flare = day >= 44 && day <= 47;                 /* Tue-Fri of week 7 */
            log_pain(w, day, 21, HIP_PAIN_CONTEXT_AVG_24H, flare ? 5 : plan->daily);
            if (wd == 0 || wd == 2 || wd == 4) {
                int32_t during = day == 30 ? 6 : 3;             /* week 5, Wednesday */
                one_session(w, day, plan, during, 2);
                int32_t morning = day == 58 ? 4 : flare ? 5 : 2;   /* week 9, Tuesday */
                log_pain(w, day + 1, 7, HIP_PAIN_CONTEXT_NEXT_MORNING, morning);
            }
            if (day == 72) {                                    /* week 11: new numbness */
                hip_checkin_init(&w->checkins[w->checkin_count], w->start + day);
                w->checkins[w->checkin_count++].answers = HIP_CHECKIN_NUMBNESS_WEAKNESS;
            }
            if (day == 78) {                                    /* week 12: cleared */
                hip_checkin_init(&w->checkins[w->checkin_count], w->start + day);
                w->checkins[w->checkin_count++].cleared = 1;
            }
        }
        hip_progression_history h = history(w);
        hip_progression_decision d[8];
        size_t n;
        TRY(hip_progression_evaluate_all(rules, &h, w->start + 7 * week + 6, d, 8, &n), NULL);
        for (size_t i = 0; i < n; i++) {
            TRY(hip_progression_apply(&d[i], w->catalog, w->program), hip_program_last_error(w->program));
            if (w->live_count < WEEKS * 3) memcpy(w->live_text[w->live_count++], d[i].text, sizeof d[i].text);
        }
    }
}

static hip_progression_row *dry_run(const world *w, const hip_ruleset *rules, size_t *count)
{
    hip_progression_history h = history(w);
    TRY(hip_progression_dry_run(rules, &h, w->start, WEEKS, NULL, 0, count), NULL);
    hip_progression_row *rows = malloc(*count * sizeof *rows);
    if (!rows) fail("malloc", HIP_ERR_NOMEM, NULL);
    TRY(hip_progression_dry_run(rules, &h, w->start, WEEKS, rows, *count, count), NULL);
    return rows;
}

int main(void)
{
    static world w;
    TRY(hip_date_from_ymd(2026, 11, 2, &w.start), NULL);
    TRY(hip_catalog_create(NULL, &w.catalog), NULL);
    TRY(hip_program_create(NULL, &w.program), NULL);
    TRY(hip_painlog_create(NULL, &w.pain), NULL);
    TRY(hip_program_begin(w.program, w.start, 3, "initial prescription"), hip_program_last_error(w.program));
    const char *ids[3] = {"squat", "bridge", "clamshell"};
    for (int i = 0; i < 3; i++) {
        hip_prescription rx;
        hip_prescription_init(&rx, ids[i]);
        if (i == 2) rx.side = HIP_SIDE_LEFT;
        TRY(hip_program_add(w.program, &rx), hip_program_last_error(w.program));
    }
    TRY(hip_program_commit(w.program), hip_program_last_error(w.program));

    hip_ruleset *rules = NULL;
    TRY(hip_ruleset_create(NULL, &rules), NULL);
    live(&w, rules);

    size_t n;
    hip_progression_row *rows = dry_run(&w, rules, &n);
    printf("Dry run of the built-in rules (%zu rules), 12 weeks from 2026-11-02, %zu program versions\n",
           hip_ruleset_count(rules), hip_program_version_count(w.program));
    printf("%-4s %-10s %-10s %-8s %-18s %s\n", "week", "day", "exercise", "action", "rule", "explanation");
    for (size_t i = 0; i < n; i++) {
        const hip_progression_decision *d = &rows[i].decision;
        char date[HIPTRACK_DATE_CAP];
        TRY(hip_date_format(d->day, date, sizeof date), NULL);
        printf("%-4u %-10s %-10s %-8s %-18s %s\n", (unsigned)rows[i].week, date, d->before.exercise_id,
               hip_progression_action_name(d->action), d->rule_id[0] ? d->rule_id : "-", d->text);
    }
    /* The dry run reads only what was known at the end of each week: it repeats the live decisions. */
    if (n != w.live_count) fail("dry run row count", HIP_ERR_STATE, NULL);
    for (size_t i = 0; i < n; i++)
        if (strcmp(rows[i].decision.text, w.live_text[i]) != 0) fail("dry run vs live", HIP_ERR_STATE, NULL);

    /* One decision in machine-readable form. */
    for (size_t i = 0; i < n; i++) {
        const hip_progression_decision *d = &rows[i].decision;
        if (d->action != HIP_PROGRESSION_CHANGE) continue;
        char eff[HIPTRACK_DATE_CAP];
        TRY(hip_date_format(d->effective_day, eff, sizeof eff), NULL);
        printf("\nweek %u, %s: rule %s (priority %d): %s %u x %u -> %u x %u from %s\n", (unsigned)rows[i].week, d->before.exercise_id, d->rule_id, (int)d->priority,
               hip_progression_variable_name(d->variable), (unsigned)d->before.sets, (unsigned)d->before.reps,
               (unsigned)d->after.sets, (unsigned)d->after.reps, eff);
        for (size_t k = 0; k < d->input_count; k++) {
            const hip_progression_input *in = &d->inputs[k];
            printf("  input %zu: %s%s%s", k, in->aggregate ? hip_progression_agg_name(in->aggregate) : "",
                   in->aggregate ? " " : "", in->metric);
            if (in->window)
                printf(" over last %u %s", (unsigned)in->window,
                       in->window_unit == HIP_PROGRESSION_WINDOW_SESSIONS ? "sessions" : "days");
            printf(" = %g (%s), %s %g%s%s -> %s\n", in->value, in->known ? "known" : "unknown",
                   hip_progression_cmp_name(in->comparison), in->threshold,
                   in->threshold_param[0] ? " from param " : "", in->threshold_param,
                   in->result == 1 ? "true" : in->result ? "unknown" : "false");
        }
        break;
    }

    /* The same history with a stricter pain threshold. */
    hip_ruleset *strict = NULL;
    TRY(hip_ruleset_create(NULL, &strict), NULL);
    TRY(hip_ruleset_set_param(strict, "pain_acceptable", 4), hip_ruleset_last_error(strict));
    size_t m;
    hip_progression_row *other = dry_run(&w, strict, &m);
    size_t differ = 0;
    for (size_t i = 0; i < n && i < m; i++)
        if (strcmp(rows[i].decision.text, other[i].decision.text) != 0) differ++;
    printf("\nWith pain_acceptable = 4 instead of 5: %zu of %zu weekly decisions differ.\n", differ, n);

    free(rows);
    free(other);
    hip_ruleset_destroy(strict);
    hip_ruleset_destroy(rules);
    for (size_t i = 0; i < w.session_count; i++) hip_session_destroy(w.sessions[i]);
    hip_painlog_destroy(w.pain);
    hip_program_destroy(w.program);
    hip_catalog_destroy(w.catalog);
    return 0;
}
