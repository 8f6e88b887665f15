/* Twelve weeks of hip exercise therapy for one member, simulated end to end, then an outcome report.
 *
 * The story: a physical therapist prescribes bridges, clamshells (left hip) and seated marches,
 * three sessions a week (Mon, Wed, Fri at 18:00) from Monday 2026-11-02. In week 5 the bridge is
 * progressed to its next harder variant (a new program version). Each planned session is missed,
 * done, or - once, during a pain flare in week 7 - abandoned for pain. Every set is a motion
 * simulator stream pushed through the rep detector, whose events become the session's reps. The
 * member logs a 24-hour average pain every evening and the pain the morning after each session;
 * pain improves, with one flare. HOOS JR is answered at weeks 0, 6 and 12. The report: per-week
 * sessions and rep quality, pain trend and responder status, flares, adherence, HOOS JR change.
 *
 * Everything is deterministic from SEED (no rand(), no clock). Exits 1 if a library call fails or
 * the detector's count of a set differs from the simulator's truth by more than one rep. */
#include <stdio.h>
#include <stdlib.h>
#include <hiptrack/hiptrack.h>

#define SEED 20261102u
#define WEEKS 12
#define DAYS (7 * WEEKS)
#define OFFSET_MIN 60        /* the member lives in CET (UTC+1) all winter */
#define PROGRESS_WEEK 5      /* the bridge becomes harder from this week on */
#define FLARE_DAY 43         /* program day the flare starts (Tuesday of week 7) */
#define ABANDON_DAY 44       /* that Wednesday's session is stopped for pain; Friday is skipped */
#define MAX_SESSIONS (3 * WEEKS)
#define CHUNK 256            /* samples per sensor batch */

/* Stops with the call, the library's message for the handle (or the status text), the status. */
#define TRY(call, message) \
    do { hip_status st_ = (call); if (st_ < 0) fail(#call, st_, (message)); } while (0)
/* Shorthands for the handles used throughout (always named w->... and s). */
#define TRY_PROGRAM(call) TRY(call, hip_program_last_error(w->program))
#define TRY_PAIN(call) TRY(call, hip_painlog_last_error(w->pain))
#define TRY_ADH(call) TRY(call, hip_adherence_last_error(w->adh))
#define TRY_SESSION(call) TRY(call, hip_session_last_error(s))

static _Noreturn void fail(const char *call, hip_status st, const char *message)
{
    fprintf(stderr, "twelve_weeks: %s failed: %s (%s)\n", call,
            message && *message ? message : hip_status_str(st), hip_status_name(st));
    exit(1);
}

typedef struct week_stats {
    unsigned planned, logged, abandoned, good_reps, done_reps;
} week_stats;

/* Everything the twelve weeks produce. */
typedef struct world {
    uint64_t rng;
    int32_t start;                   /* program day 0, a hip_date day number */
    hip_catalog *catalog;
    hip_program *program;
    hip_painlog *pain;
    hip_adherence *adh;
    hip_adherence_session sessions[MAX_SESSIONS];
    size_t session_count;
    week_stats weeks[WEEKS];
    unsigned sets, reps_true, reps_found, sets_off_by_one, adherent_weeks;
} world;

/* splitmix64: small, seedable, the same on every platform. */
static double uniform(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (double)((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
}

/* Rounds to the nearest whole NRS point, kept in 0..10 (no libm needed). */
static int32_t nrs(double v) { return v < 0 ? 0 : v > 10 ? 10 : (int32_t)(v + 0.5); }

/* The instant of a local clock time on a program day, in ns since 1970 UTC. */
static int64_t instant_ns(const world *w, int32_t day, int hour, int minute)
{
    int64_t local_s = (int64_t)(w->start + day) * 86400 + hour * 3600 + minute * 60;
    return (local_s - OFFSET_MIN * 60) * 1000000000LL;
}

static const char *date_text(int32_t day, char buf[HIPTRACK_DATE_CAP])
{
    TRY(hip_date_format(day, buf, HIPTRACK_DATE_CAP), "");
    return buf;
}

/* The member's underlying pain: 6/10 at the start, easing to 2.5 by week 12, plus a flare of up
 * to +3 over five days in week 7. */
static double pain_level(int32_t day)
{
    static const double flare[] = {2.0, 3.0, 3.0, 2.0, 1.0};
    double level = 6.0 - 3.5 * day / (DAYS - 1);
    if (day >= FLARE_DAY && day < FLARE_DAY + 5) level += flare[day - FLARE_DAY];
    return level;
}

static void log_pain(world *w, int32_t day, int hour, int32_t value, hip_pain_context context)
{
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = instant_ns(w, day, hour, 0);
    e.utc_offset_min = OFFSET_MIN;
    e.nrs = value;
    e.context = context;
    e.location = HIP_PAIN_LOCATION_LATERAL_HIP;
    e.side = HIP_PAIN_SIDE_LEFT;
    TRY_PAIN(hip_painlog_add(w->pain, &e));
}

/* Version 1: bridge (2 s hold), clamshell on the painful left side, seated march; 3 sessions a
 * week. Version 2 (week 5): the bridge's next harder variant from the catalog's progression graph. */
static void build_program(world *w)
{
    static const char *ids[] = {"bridge", "clamshell", "seated_march"};
    hip_prescription rx;
    TRY_PROGRAM(hip_program_begin(w->program, w->start, 3, "initial prescription"));
    for (size_t i = 0; i < 3; i++) {
        hip_prescription_init(&rx, ids[i]);   /* 3 x 10, 120 s rest, pain ceiling 5 */
        if (i == 0) rx.hold_s = 2;
        if (i == 1) {   /* the painful left hip, 12 reps */
            rx.side = HIP_SIDE_LEFT;
            rx.reps = 12;
        }
        if (i == 2) rx.side = HIP_SIDE_ALTERNATING;
        TRY_PROGRAM(hip_program_add(w->program, &rx));
    }
    TRY_PROGRAM(hip_program_commit(w->program));

    hip_exercise harder;
    hip_status st = hip_catalog_harder(w->catalog, "bridge", 0, &harder);
    if (st != HIP_OK) fail("hip_catalog_harder", st < 0 ? st : HIP_ERR_NOT_FOUND, "no harder bridge");
    TRY_PROGRAM(hip_program_begin(w->program, w->start + 7 * (PROGRESS_WEEK - 1), 3,
                                  "bridges easy, pain settling"));
    TRY_PROGRAM(hip_program_draft_at(w->program, 0, &rx));
    snprintf(rx.exercise_id, sizeof rx.exercise_id, "%s", harder.id);
    rx.hold_s = 0;   /* the marching bridge holds the bridge, not each march */
    rx.side = HIP_SIDE_ALTERNATING;
    TRY_PROGRAM(hip_program_replace(w->program, 0, &rx));
    TRY_PROGRAM(hip_program_commit(w->program));
    TRY_PROGRAM(hip_program_check(w->program, w->catalog));
}

/* Moves the detector's queued events into the session's current set. */
static void drain(hip_reps *det, hip_session *s, unsigned *found)
{
    hip_rep_event ev;
    hip_status st;
    while ((st = hip_reps_next_event(det, &ev)) == HIP_OK) {
        TRY_SESSION(hip_session_add_rep_event(s, &ev));
        (*found)++;
    }
    if (st < 0) fail("hip_reps_next_event", st, hip_reps_last_error(det));
}

/* One set: simulate the prescribed reps with the sensor on the moving segment (partial reps get
 * likelier as the member tires in later sets), stream them through the detector in phone-sized
 * batches and log the detected reps. Returns the set's duration in seconds. */
static double do_set(world *w, const hip_exercise *ex, const hip_prescription *rx, uint32_t set_no,
                     hip_reps *det, hip_session *s)
{
    hip_sim_config sc;
    hip_sim_config_init(&sc);
    sc.seed = (uint64_t)(uniform(&w->rng) * 0x1.0p53);   /* each set its own stream */
    sc.exercise = *ex;   /* the simulator reads the hold from the exercise's dose, not from rx */
    if (rx->hold_s > 0) sc.exercise.dose.hold_s_min = sc.exercise.dose.hold_s_max = rx->hold_s;
    sc.reps_per_set = rx->reps;
    sc.partial_fraction = 0.05 * set_no;   /* 0, 5 %, 10 % */
    hip_sim *sim;
    char msg[HIPTRACK_TEXT_CAP];
    TRY(hip_sim_create(&sc, &sim, msg, sizeof msg), msg);

    TRY(hip_reps_reset(det), hip_reps_last_error(det));
    int64_t t[CHUNK];
    float v[CHUNK * HIPTRACK_SIM_COLUMNS];
    size_t n;
    unsigned found = 0;
    hip_status st;
    while ((st = hip_sim_read(sim, t, v, CHUNK, &n)) == HIP_OK && n > 0) {
        for (size_t done = 0, used; done < n; done += used) {   /* stops early to be drained */
            TRY(hip_reps_push_block(det, t + done, v + done * HIPTRACK_SIM_COLUMNS, n - done, &used),
                hip_reps_last_error(det));
            drain(det, s, &found);
        }
    }
    if (st < 0) fail("hip_sim_read", st, "");
    TRY(hip_reps_finish(det), hip_reps_last_error(det));
    drain(det, s, &found);

    unsigned truth = (unsigned)hip_sim_rep_count(sim);
    if (found + 1 < truth || found > truth + 1) {
        fprintf(stderr, "twelve_weeks: %s set %u: the detector counted %u reps, the simulator made %u\n",
                ex->id, set_no + 1, found, truth);
        exit(1);
    }
    w->sets++;
    w->reps_true += truth;
    w->reps_found += found;
    w->sets_off_by_one += found != truth;
    double seconds = hip_sim_duration_s(sim);
    hip_sim_destroy(sim);
    return seconds;
}

/* One exercise of a session: its sets, each simulated, detected and logged, with RPE and pain
 * asked after the set. `abandon`: the first set hurts beyond the pain ceiling and the member stops.
 * Advances *clock_s (seconds into the session); returns the worst set pain. */
static int32_t do_exercise(world *w, hip_session *s, size_t version, size_t index, int32_t before,
                           int abandon, double *clock_s)
{
    hip_prescription rx;
    hip_exercise ex;
    TRY_PROGRAM(hip_program_exercise_at(w->program, version, index, &rx));
    TRY(hip_catalog_find(w->catalog, rx.exercise_id, &ex), "");
    hip_reps_config cfg;   /* the catalog's motion profile and the prescribed hold */
    hip_reps_config_init(&cfg, HIP_REPS_INPUT_IMU);
    cfg.target_hold_s = rx.hold_s;
    TRY(hip_reps_config_for_exercise(&cfg, &ex), "");
    hip_reps *det;
    TRY(hip_reps_create(&cfg, &det), "");

    hip_session_info info;
    TRY_SESSION(hip_session_get_info(s, &info));
    int32_t worst = before;
    for (uint32_t k = 0; k < (abandon ? 1 : rx.sets); k++) {
        hip_session_set set;
        hip_session_set_init(&set);
        set.start_ns = info.start_ns + (int64_t)(*clock_s * 1e9);
        TRY_SESSION(hip_session_add_set(s, index, &set));
        *clock_s += do_set(w, &ex, &rx, k, det, s) + rx.rest_s;
        set.rpe = (int32_t)(4 + k + (before >= 5));   /* effort rises set by set */
        set.pain = abandon ? rx.pain_ceiling + 2 : nrs(before + 0.6 * uniform(&w->rng) + 0.2 * k);
        if (set.pain > worst) worst = set.pain;
        TRY_SESSION(hip_session_update_set(s, &set));
    }
    hip_reps_destroy(det);
    return worst;
}

/* One session on program day `day` at 18:00, following the program version in force. */
static void do_session(world *w, int32_t day, int abandon)
{
    size_t version;
    TRY_PROGRAM(hip_program_version_on(w->program, w->start + day, &version));
    hip_session *s;
    TRY(hip_session_create(NULL, &s), "");
    int64_t start_ns = instant_ns(w, day, 18, 0);
    TRY_SESSION(hip_session_start(s, start_ns, OFFSET_MIN));
    TRY_SESSION(hip_session_plan_program(s, w->program, version));
    int32_t before = nrs(pain_level(day) - 1.0 + uniform(&w->rng)), worst = before;
    TRY_SESSION(hip_session_set_pain(s, HIP_PAIN_BEFORE, before));

    hip_session_info info;
    TRY_SESSION(hip_session_get_info(s, &info));
    double clock_s = 60;   /* a minute of warm-up, then exercise after exercise */
    for (size_t i = 0; i < info.exercise_count && !(abandon && i > 0); i++) {
        int32_t pain = do_exercise(w, s, version, i, before, abandon, &clock_s);
        if (pain > worst) worst = pain;
    }
    TRY_SESSION(hip_session_set_pain(s, HIP_PAIN_DURING, worst));
    TRY_SESSION(hip_session_set_pain(s, HIP_PAIN_AFTER, abandon ? worst - 1 : before));
    TRY_SESSION(hip_session_finish(s, start_ns + (int64_t)(clock_s * 1e9),
                                   abandon ? HIP_ABANDON_PAIN : HIP_ABANDON_NONE));

    hip_session_summary sum;
    TRY_SESSION(hip_session_summarize(s, &sum));
    week_stats *ws = &w->weeks[day / 7];
    ws->logged++;
    ws->abandoned += sum.abandon_reason != HIP_ABANDON_NONE;
    ws->good_reps += sum.good_reps;
    ws->done_reps += sum.done_reps;
    TRY(hip_adherence_session_from(s, &w->sessions[w->session_count++]), "");
    hip_session_destroy(s);

    /* The morning after (07:00): a hard session leaves a little more pain. */
    double morning = pain_level(day + 1) + (abandon ? 1.5 : 0.3) + uniform(&w->rng) - 0.5;
    log_pain(w, day + 1, 7, nrs(morning), HIP_PAIN_CONTEXT_NEXT_MORNING);
}

/* The twelve weeks, day by day: Mon/Wed/Fri sessions (about one in ten missed, the Friday of the
 * flare week skipped to rest it) and every evening (21:00) the 24-hour average pain. */
static void live_twelve_weeks(world *w)
{
    for (int32_t day = 0; day < DAYS; day++) {
        int weekday = hip_date_weekday(w->start + day);
        if (weekday == 1 || weekday == 3 || weekday == 5) {
            w->weeks[day / 7].planned++;
            int missed = uniform(&w->rng) < 0.1 || day == ABANDON_DAY + 2;
            if (!missed) do_session(w, day, day == ABANDON_DAY);
        }
        double evening = pain_level(day) + 1.2 * (uniform(&w->rng) - 0.5);
        log_pain(w, day, 21, nrs(evening), HIP_PAIN_CONTEXT_AVG_24H);
    }
}

/* Adherence is computed from plain arrays: the logged sessions and the program's history. */
static void compute_adherence(world *w)
{
    hip_adherence_config ac;
    hip_adherence_config_init(&ac);
    ac.start_day = w->start;
    ac.rest_weekdays = 1u << 2 | 1u << 4 | 1u << 6 | 1u << 7;   /* Tue, Thu, Sat, Sun: planned rest */
    TRY(hip_adherence_create(&ac, &w->adh), "");
    hip_adherence_plan plans[2];
    size_t count = hip_program_version_count(w->program);
    if (count > 2) fail("hip_program_version_count", HIP_ERR_RANGE, "more versions than planned");
    for (size_t v = 0; v < count; v++)
        TRY(hip_adherence_plan_from_program(w->program, v, &plans[v]), "");
    TRY_ADH(hip_adherence_set_plan(w->adh, plans, count));
    TRY_ADH(hip_adherence_set_sessions(w->adh, w->sessions, w->session_count));
}

/* A HOOS JR administration: six answers 0 (none) .. 4 (extreme), in the instrument's item order. */
static void hoos_jr(int32_t day, const int32_t answers[6], hip_outcome_result *out)
{
    hip_outcome_config oc;
    hip_outcome_config_init(&oc);
    oc.instrument = HIP_INSTRUMENT_HOOS_JR;
    hip_outcome_response *r;
    TRY(hip_outcome_response_create(&oc, &r), "");
    for (size_t i = 0; i < hip_outcome_item_count(HIP_INSTRUMENT_HOOS_JR); i++) {
        hip_outcome_item item;
        TRY(hip_outcome_item_at(HIP_INSTRUMENT_HOOS_JR, i, &item), "");
        TRY(hip_outcome_set_answer(r, item.id, answers[i]), hip_outcome_response_last_error(r));
    }
    TRY(hip_outcome_set_date(r, day), hip_outcome_response_last_error(r));
    TRY(hip_outcome_score(r, out), hip_outcome_response_last_error(r));
    if (out->scales[0].state != HIP_OUTCOME_SCORED) fail("hip_outcome_score", HIP_ERR_STATE, "unscored");
    hip_outcome_response_destroy(r);
}

static void report_program(world *w)
{
    char d[HIPTRACK_DATE_CAP];
    for (size_t v = 0; v < hip_program_version_count(w->program); v++) {
        hip_program_version pv;
        TRY_PROGRAM(hip_program_version_at(w->program, v, &pv));
        printf("program v%u from %s (%s), %u sessions/week:", pv.number,
               date_text(pv.effective_day, d), pv.note, pv.sessions_per_week);
        for (size_t i = 0; i < pv.exercise_count; i++) {
            hip_prescription rx;
            TRY_PROGRAM(hip_program_exercise_at(w->program, v, i, &rx));
            printf(" %s %ux%u%s", rx.exercise_id, rx.sets, rx.reps,
                   rx.side == HIP_SIDE_LEFT ? " left" : rx.side == HIP_SIDE_ALTERNATING ? " alt" : "");
        }
        printf("\n");
    }
}

/* Per week: logged/planned sessions; completed sessions (>= 80 % of sets) vs the weekly target;
 * reps done vs prescribed (ADH-3, adherent at 80 %); detector reps with no quality flag; the
 * week's mean 24-hour pain. */
static void report_weeks(world *w)
{
    char d[HIPTRACK_DATE_CAP];
    printf("\nweek  from        program              logged  completed  reps done  good reps  pain\n");
    for (uint32_t k = 1; k <= WEEKS; k++) {
        const week_stats *ws = &w->weeks[k - 1];
        int32_t first = w->start + 7 * (int32_t)(k - 1);
        hip_adherence_week aw;
        hip_pain_window pw;
        size_t version;
        hip_prescription rx;
        TRY_ADH(hip_adherence_week_at(w->adh, k, &aw));
        w->adherent_weeks += aw.adherent != 0;
        TRY_PAIN(hip_painlog_rolling_mean(w->pain, HIP_PAIN_CONTEXT_AVG_24H, first + 6, &pw));
        TRY_PROGRAM(hip_program_version_on(w->program, first, &version));
        TRY_PROGRAM(hip_program_exercise_at(w->program, version, 0, &rx));
        printf("%4u  %s  v%zu %-16s  %u/%u     %u/%u        %5.1f %%   ", k, date_text(first, d),
               version + 1, rx.exercise_id, ws->logged, ws->planned, aw.sessions_completed,
               aw.session_target, aw.completion_pct);
        if (ws->done_reps) printf("%5.1f %%", 100.0 * ws->good_reps / ws->done_reps);
        else printf("    -  ");
        printf("    %.1f%s", pw.mean_nrs, aw.adherent ? "" : "   not adherent");
        if (ws->abandoned) printf("; %u stopped for pain", ws->abandoned);
        printf("\n");
    }
    printf("detector vs simulator: %u sets, %u reps made, %u counted, sets off by one rep: %u\n",
           w->sets, w->reps_true, w->reps_found, w->sets_off_by_one);
}

static const char *verdict(hip_pain_verdict v)
{
    return v == HIP_PAIN_VERDICT_YES ? "yes" : v == HIP_PAIN_VERDICT_NO ? "no" : "not evaluable";
}

static void report_pain(world *w, int32_t today)
{
    char a[HIPTRACK_DATE_CAP], b[HIPTRACK_DATE_CAP];
    hip_pain_baseline base;
    hip_pain_window last;
    hip_pain_change ch;
    TRY_PAIN(hip_painlog_baseline(w->pain, HIP_PAIN_CONTEXT_AVG_24H, &base));
    TRY_PAIN(hip_painlog_rolling_mean(w->pain, HIP_PAIN_CONTEXT_AVG_24H, today, &last));
    TRY_PAIN(hip_painlog_change_on(w->pain, HIP_PAIN_CONTEXT_AVG_24H, today, &ch));
    printf("\npain (24-hour average, NRS 0-10; %zu log entries)\n", hip_painlog_count(w->pain));
    printf("  baseline     %.1f  (%s .. %s)\n", base.nrs, date_text(base.first_day, a),
           date_text(base.last_day, b));
    printf("  last 7 days  %.1f  (%s .. %s)\n", last.mean_nrs, date_text(last.first_day, a),
           date_text(last.last_day, b));
    printf("  change       %.1f points better (%.0f %%): responder (>= 30 %%) %s; >= 2 points %s; "
           "worse %s\n", ch.delta_abs, ch.delta_pct, verdict(ch.responder), verdict(ch.resp_abs),
           verdict(ch.worse_abs));

    size_t count;
    hip_pain_flare flares[8];
    TRY_PAIN(hip_painlog_flares(w->pain, HIP_PAIN_CONTEXT_AVG_24H, flares, 8, &count));
    printf("  flares       %zu\n", count);
    for (size_t i = 0; i < count; i++) {
        printf("    from %s, peak %.1f against %.1f, ", date_text(flares[i].start_day, a),
               flares[i].peak_nrs, flares[i].baseline);
        if (flares[i].ongoing) printf("ongoing\n");
        else printf("settled %s\n", date_text(flares[i].off_day, b));
    }
}

static void report_adherence(world *w, int32_t today)
{
    char d[HIPTRACK_DATE_CAP];
    hip_adherence_report r;
    TRY_ADH(hip_adherence_report_on(w->adh, today, &r));
    printf("\nadherence (as of %s)\n", date_text(today, d));
    printf("  %.2f completed sessions a week; %u of %d weeks adherent (>= 80 %% of prescribed reps)\n",
           r.sessions_per_week, w->adherent_weeks, WEEKS);
    if (r.habit_reached) printf("  habit point %s (6 sessions in 14 days)\n", date_text(r.habit_day, d));
    else printf("  habit point not reached\n");
    if (r.has_poor_adherence)
        printf("  poor adherence (two weeks below 80 %%) at week %u\n", r.poor_adherence_week);
    printf("  streaks: %u days, %u weeks; %u exercise days in the last 14; %u active weeks; %.0f min\n",
           r.day_streak, r.week_streak, r.exercise_days_last_14, r.active_weeks, r.cumulative_minutes);
}

static void report_hoos(int32_t start)
{
    static const int32_t answers[3][6] = {{3, 2, 3, 2, 3, 2}, {2, 2, 2, 1, 2, 1}, {1, 1, 1, 0, 1, 1}};
    static const int weeks[3] = {0, 6, 12};
    hip_outcome_result res[3];
    char d[HIPTRACK_DATE_CAP];
    printf("\nHOOS JR (0 = worst, 100 = best)\n");
    for (int i = 0; i < 3; i++) {
        hoos_jr(start + 7 * weeks[i] - (i == 2), answers[i], &res[i]);   /* week 12: the last day */
        printf("  week %2d (%s)  %.1f\n", weeks[i], date_text(res[i].day, d), res[i].scales[0].value);
    }
    /* The library sets no HOOS JR MCID by default (18 is weakly sourced, see docs/outcomes.md);
     * this report opts in explicitly. */
    hip_mcid_config mcid;
    hip_mcid_config_init(&mcid);
    mcid.threshold[HIP_OUTCOME_SCALE_HOOS_JR] = 18;
    mcid.criterion[HIP_OUTCOME_SCALE_HOOS_JR] = HIP_CHANGE_MCID;
    for (int i = 1; i < 3; i++) {
        hip_outcome_change ch;
        TRY(hip_outcome_compare(&res[0], &res[i], &mcid, &ch), "");
        const hip_outcome_scale_change *c = &ch.scales[0];
        printf("  week 0 -> %-2d  %+.1f  MCID %.0f %s\n", weeks[i], c->delta, c->threshold,
               c->improved ? "reached" : c->worsened ? "worse" : "not reached");
    }
}

int main(void)
{
    static world storage;   /* zeroed, and too large for a comfortable stack frame */
    world *w = &storage;
    w->rng = SEED;
    TRY(hip_date_from_ymd(2026, 11, 2, &w->start), "");
    TRY(hip_catalog_create(NULL, &w->catalog), "");
    TRY(hip_program_create(NULL, &w->program), "");
    TRY(hip_painlog_create(NULL, &w->pain), "");
    build_program(w);

    printf("hiptrack: twelve simulated weeks of hip exercise therapy (seed %u)\n", SEED);
    report_program(w);
    live_twelve_weeks(w);
    compute_adherence(w);

    int32_t today = w->start + DAYS - 1;   /* the last day of week 12 */
    report_weeks(w);
    report_pain(w, today);
    report_adherence(w, today);
    report_hoos(w->start);

    hip_adherence_destroy(w->adh);
    hip_painlog_destroy(w->pain);
    hip_program_destroy(w->program);
    hip_catalog_destroy(w->catalog);
    return 0;
}
