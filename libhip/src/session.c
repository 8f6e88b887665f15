/* Sessions: live recording (start, exercises, sets, reps, finish), getters and summaries. */
#include "session_internal.h"

#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

const char *const hip__abandon_names[5] = {"none", "pain", "fatigue", "time", "other"};

const char *hip_abandon_reason_name(hip_abandon_reason reason)
{
    return (unsigned)reason < 5 ? hip__abandon_names[reason] : "unknown";
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int32_t hip__local_day(int64_t t_ns, int32_t utc_offset_min)
{
    int64_t s = floor_div(t_ns, 1000000000) + (int64_t)utc_offset_min * 60;
    return (int32_t)floor_div(s, 86400);
}

void hip_session_config_init(hip_session_config *config)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
    config->completion_threshold_pct = 80.0;
}

hip_status hip_session_create(const hip_session_config *config, hip_session **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_session_config defaults;
    if (!config) {
        hip_session_config_init(&defaults);
        config = &defaults;
    }
    if (config->struct_size < sizeof(hip_session_config) || !hip__alloc_valid(&config->allocator) ||
        !(config->completion_threshold_pct >= 1 && config->completion_threshold_pct <= 100))
        return HIP_ERR_INVALID;
    hip_session *s = hip__calloc(&config->allocator, 1, sizeof *s);
    if (!s) return HIP_ERR_NOMEM;
    s->alloc = config->allocator;
    s->threshold_pct = config->completion_threshold_pct;
    s->d.info.pain_before = s->d.info.pain_during = s->d.info.pain_after = HIPTRACK_NOT_RECORDED;
    *out = s;
    return HIP_OK;
}

void hip__sdata_free(const hip_allocator *a, hip__sdata *d)
{
    hip__free(a, d->ex);
    hip__free(a, d->sets);
    hip__free(a, d->reps);
    d->ex = NULL;
    d->sets = NULL;
    d->reps = NULL;
}

void hip_session_destroy(hip_session *s)
{
    if (!s) return;
    hip_allocator a = s->alloc;
    hip__sdata_free(&a, &s->d);
    hip__free(&a, s);
}

const char *hip_session_last_error(const hip_session *s) { return s ? hip__errmsg(&s->err) : ""; }

static void copy_id(char *dst, const char *src)
{
    memset(dst, 0, HIPTRACK_ID_CAP);
    if (!src) return;
    size_t n = strlen(src);
    if (n >= HIPTRACK_ID_CAP) n = HIPTRACK_ID_CAP - 1;
    memcpy(dst, src, n);
}

void hip_session_exercise_init(hip_session_exercise *ex, const char *exercise_id)
{
    if (!ex) return;
    memset(ex, 0, sizeof *ex);
    copy_id(ex->exercise_id, exercise_id);
    ex->side = HIP_SIDE_BOTH;
}

void hip_session_exercise_from_prescription(hip_session_exercise *ex, const hip_prescription *rx)
{
    if (!ex) return;
    hip_session_exercise_init(ex, rx ? rx->exercise_id : NULL);
    if (!rx) return;
    ex->side = rx->side;
    ex->prescribed_sets = rx->sets;
    ex->prescribed_reps = rx->reps;
    ex->prescribed_hold_s = rx->hold_s;
    ex->prescribed_load_kg = rx->load_kg;
}

void hip_session_set_init(hip_session_set *set)
{
    if (!set) return;
    memset(set, 0, sizeof *set);
    set->rpe = HIPTRACK_NOT_RECORDED;
    set->pain = HIPTRACK_NOT_RECORDED;
}

void hip_session_rep_init(hip_session_rep *rep)
{
    if (!rep) return;
    memset(rep, 0, sizeof *rep);
    rep->origin = HIP_REP_ORIGIN_MANUAL;
}

void hip_session_rep_from_event(hip_session_rep *rep, const hip_rep_event *ev)
{
    if (!rep) return;
    hip_session_rep_init(rep);
    if (!ev) return;
    rep->origin = HIP_REP_ORIGIN_DETECTOR;
    rep->source = ev->source;
    rep->flags = ev->flags;
    rep->start_ns = ev->start_ns;
    rep->peak_ns = ev->peak_ns;
    rep->end_ns = ev->end_ns;
    rep->excursion_deg = ev->excursion_deg;
    rep->travel_cm = ev->travel_cm;
    rep->concentric_s = ev->concentric_s;
    rep->eccentric_s = ev->eccentric_s;
    rep->hold_s = ev->hold_s;
    rep->peak_speed_dps = ev->peak_speed_dps;
    rep->smoothness = ev->smoothness;
}

/* ---- validation ---- */

static hip_status bad(hip__error *e, const char *path, const char *field, const char *what)
{
    return hip__seterr(e, HIP_ERR_INVALID, "%s%s%s: expected %s", path, *path ? "." : "", field, what);
}

static int in(double v, double lo, double hi) { return v >= lo && v <= hi; }

static int score_ok(int32_t v) { return v == HIPTRACK_NOT_RECORDED || (v >= 0 && v <= 10); }

hip_status hip__sexercise_validate(const hip_session_exercise *ex, const char *path, hip__error *e)
{
    if (!hip__terminated(ex->exercise_id, sizeof ex->exercise_id) || !hip__valid_id(ex->exercise_id))
        return bad(e, path, "exercise", "an exercise id");
    if ((unsigned)ex->side > HIP_SIDE_ALTERNATING) return bad(e, path, "side", "a hip_side");
    if (ex->prescribed_sets > 20) return bad(e, path, "prescribed.sets", "an integer 0..20");
    if (ex->prescribed_reps > 100) return bad(e, path, "prescribed.reps", "an integer 0..100");
    if (!in(ex->prescribed_hold_s, 0, 3600)) return bad(e, path, "prescribed.hold_s", "a number 0..3600");
    if (!in(ex->prescribed_load_kg, 0, 500)) return bad(e, path, "prescribed.load_kg", "a number 0..500");
    return HIP_OK;
}

hip_status hip__sset_validate(const hip_session_set *set, const char *path, hip__error *e)
{
    if (set->start_ns < 0) return bad(e, path, "start_ns", "an instant >= 0");
    if (!in(set->load_kg, 0, 500)) return bad(e, path, "load_kg", "a number 0..500");
    /* Out-of-range scores are HIP_ERR_RANGE, as for hip_session_set_pain and the pain log. */
    if (!score_ok(set->rpe))
        return hip__seterr(e, HIP_ERR_RANGE, "%s%srpe: expected an integer 0..10", path, *path ? "." : "");
    if (!score_ok(set->pain))
        return hip__seterr(e, HIP_ERR_RANGE, "%s%spain: expected an integer 0..10", path, *path ? "." : "");
    return HIP_OK;
}

hip_status hip__srep_validate(const hip_session_rep *r, const char *path, hip__error *e)
{
    if ((unsigned)r->origin > HIP_REP_ORIGIN_MANUAL) return bad(e, path, "origin", "a hip_rep_origin");
    if ((unsigned)r->source > HIP_REP_SOURCE_TRANSLATION) return bad(e, path, "source", "a hip_rep_source");
    if (r->flags & ~(uint32_t)15) return bad(e, path, "flags", "hip_rep_flag bits");
    if (!(r->start_ns <= r->peak_ns && r->peak_ns <= r->end_ns))
        return bad(e, path, "start_ns", "start_ns <= peak_ns <= end_ns");
    if (!in(r->excursion_deg, 0, 7200)) return bad(e, path, "excursion_deg", "a number 0..7200");
    if (!in(r->travel_cm, 0, 10000)) return bad(e, path, "travel_cm", "a number 0..10000");
    if (!in(r->concentric_s, 0, 3600)) return bad(e, path, "concentric_s", "a number 0..3600");
    if (!in(r->eccentric_s, 0, 3600)) return bad(e, path, "eccentric_s", "a number 0..3600");
    if (!in(r->hold_s, 0, 3600)) return bad(e, path, "hold_s", "a number 0..3600");
    if (!in(r->peak_speed_dps, 0, 100000)) return bad(e, path, "peak_speed_dps", "a number 0..100000");
    if (!in(r->smoothness, -1000, 1000)) return bad(e, path, "smoothness", "a number -1000..1000");
    return HIP_OK;
}

/* ---- live recording ---- */

static hip_status need_running(hip_session *s)
{
    if (s->d.info.state == HIP_SESSION_NEW)
        return hip__seterr(&s->err, HIP_ERR_STATE, "the session has not started: call start first");
    if (s->d.info.state == HIP_SESSION_FINISHED)
        return hip__seterr(&s->err, HIP_ERR_STATE, "the session is finished and cannot change");
    return HIP_OK;
}

hip_status hip_session_start(hip_session *s, int64_t start_ns, int32_t utc_offset_min)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    if (s->d.info.state != HIP_SESSION_NEW)
        return hip__seterr(&s->err, HIP_ERR_STATE, "the session has already started");
    if (utc_offset_min < -HIPTRACK_UTC_OFFSET_MAX_MIN || utc_offset_min > HIPTRACK_UTC_OFFSET_MAX_MIN)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "utc_offset_min: expected -1080..1080, got %ld",
                           (long)utc_offset_min);
    if (start_ns < 0)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "start_ns: expected an instant >= 0 (ns since 1970)");
    s->d.info.state = HIP_SESSION_RUNNING;
    s->d.info.start_ns = start_ns;
    s->d.info.utc_offset_min = utc_offset_min;
    s->d.info.day = hip__local_day(start_ns, utc_offset_min);
    return HIP_OK;
}

hip_status hip_session_set_program(hip_session *s, uint32_t version_number, int32_t effective_day)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_running(s);
    if (st != HIP_OK) return st;
    char date[HIPTRACK_DATE_CAP];
    if (version_number < 1)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "version_number: expected >= 1");
    if (hip_date_format(effective_day, date, sizeof date) != HIP_OK)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "effective_day %ld is not a date in years 1..9999",
                           (long)effective_day);
    s->d.info.program_version = version_number;
    s->d.info.program_effective_day = effective_day;
    return HIP_OK;
}

static int grow_ex(hip_session *s, size_t need)
{
    return hip__grow(&s->alloc, (void **)&s->d.ex, &s->d.ex_cap, need, sizeof *s->d.ex);
}

hip_status hip_session_plan_program(hip_session *s, const hip_program *program, size_t version_index)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_running(s);
    if (st != HIP_OK) return st;
    if (!program) return hip__seterr(&s->err, HIP_ERR_INVALID, "program is NULL");
    if (s->d.n_ex) return hip__seterr(&s->err, HIP_ERR_STATE, "exercises were already added");
    hip_program_version v;
    if (hip_program_version_at(program, version_index, &v) != HIP_OK)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "version_index %zu: the program has %zu versions",
                           version_index, hip_program_version_count(program));
    if (v.exercise_count > HIPTRACK_SESSION_MAX_EXERCISES)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "more than %d exercises", HIPTRACK_SESSION_MAX_EXERCISES);
    if (!grow_ex(s, v.exercise_count)) return hip__seterr(&s->err, HIP_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < v.exercise_count; i++) {
        hip_prescription rx;
        hip_program_exercise_at(program, version_index, i, &rx);
        hip_session_exercise_from_prescription(&s->d.ex[i], &rx);
    }
    s->d.n_ex = v.exercise_count;
    s->d.info.exercise_count = s->d.n_ex;
    s->d.info.program_version = v.number;
    s->d.info.program_effective_day = v.effective_day;
    return HIP_OK;
}

hip_status hip_session_set_pain(hip_session *s, hip_pain_moment moment, int32_t pain)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_running(s);
    if (st != HIP_OK) return st;
    if ((unsigned)moment > HIP_PAIN_AFTER)
        return hip__seterr(&s->err, HIP_ERR_INVALID, "moment: unknown value %d", (int)moment);
    if (pain < 0 || pain > 10)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "pain: expected an integer 0..10, got %ld", (long)pain);
    int32_t *slot = moment == HIP_PAIN_BEFORE ? &s->d.info.pain_before
                  : moment == HIP_PAIN_DURING ? &s->d.info.pain_during : &s->d.info.pain_after;
    *slot = pain;
    return HIP_OK;
}

hip_status hip_session_add_exercise(hip_session *s, const hip_session_exercise *ex, size_t *index_out)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_running(s);
    if (st != HIP_OK) return st;
    if (!ex) return hip__seterr(&s->err, HIP_ERR_INVALID, "exercise is NULL");
    if ((st = hip__sexercise_validate(ex, "", &s->err)) != HIP_OK) return st;
    if (s->d.n_ex >= HIPTRACK_SESSION_MAX_EXERCISES)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "more than %d exercises", HIPTRACK_SESSION_MAX_EXERCISES);
    if (!grow_ex(s, s->d.n_ex + 1)) return hip__seterr(&s->err, HIP_ERR_NOMEM, "out of memory");
    s->d.ex[s->d.n_ex] = *ex;
    s->d.ex[s->d.n_ex].set_count = 0;
    if (index_out) *index_out = s->d.n_ex;
    s->d.info.exercise_count = ++s->d.n_ex;
    return HIP_OK;
}

hip_status hip_session_add_set(hip_session *s, size_t exercise_index, const hip_session_set *set)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_running(s);
    if (st != HIP_OK) return st;
    if (!set) return hip__seterr(&s->err, HIP_ERR_INVALID, "set is NULL");
    if (exercise_index >= s->d.n_ex)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "exercise_index %zu: the session has %zu exercises",
                           exercise_index, s->d.n_ex);
    if ((st = hip__sset_validate(set, "", &s->err)) != HIP_OK) return st;
    if (s->d.ex[exercise_index].set_count >= HIPTRACK_SESSION_MAX_SETS)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "more than %d sets of exercise %zu",
                           HIPTRACK_SESSION_MAX_SETS, exercise_index);
    if (!hip__grow(&s->alloc, (void **)&s->d.sets, &s->d.sets_cap, s->d.n_sets + 1, sizeof *s->d.sets))
        return hip__seterr(&s->err, HIP_ERR_NOMEM, "out of memory");
    hip__sset *ns = &s->d.sets[s->d.n_sets++];
    ns->exercise = exercise_index;
    ns->first_rep = s->d.n_reps;
    ns->set = *set;
    ns->set.rep_count = 0;
    s->d.ex[exercise_index].set_count++;
    return HIP_OK;
}

static hip_status need_set(hip_session *s)
{
    hip_status st = need_running(s);
    if (st != HIP_OK) return st;
    if (!s->d.n_sets) return hip__seterr(&s->err, HIP_ERR_STATE, "no set is open: call add_set first");
    return HIP_OK;
}

hip_status hip_session_update_set(hip_session *s, const hip_session_set *set)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_set(s);
    if (st != HIP_OK) return st;
    if (!set) return hip__seterr(&s->err, HIP_ERR_INVALID, "set is NULL");
    if ((st = hip__sset_validate(set, "", &s->err)) != HIP_OK) return st;
    hip__sset *cur = &s->d.sets[s->d.n_sets - 1];
    size_t n = cur->set.rep_count;
    cur->set = *set;
    cur->set.rep_count = n;
    return HIP_OK;
}

hip_status hip_session_add_rep(hip_session *s, const hip_session_rep *rep)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_set(s);
    if (st != HIP_OK) return st;
    if (!rep) return hip__seterr(&s->err, HIP_ERR_INVALID, "rep is NULL");
    if ((st = hip__srep_validate(rep, "", &s->err)) != HIP_OK) return st;
    hip__sset *cur = &s->d.sets[s->d.n_sets - 1];
    if (cur->set.rep_count >= HIPTRACK_SESSION_MAX_REPS)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "more than %d reps in a set", HIPTRACK_SESSION_MAX_REPS);
    if (!hip__grow(&s->alloc, (void **)&s->d.reps, &s->d.reps_cap, s->d.n_reps + 1, sizeof *s->d.reps))
        return hip__seterr(&s->err, HIP_ERR_NOMEM, "out of memory");
    s->d.reps[s->d.n_reps++] = *rep;
    cur->set.rep_count++;
    return HIP_OK;
}

hip_status hip_session_add_rep_event(hip_session *s, const hip_rep_event *event)
{
    if (!s) return HIP_ERR_INVALID;
    if (!event) {
        hip__clearerr(&s->err);
        return hip__seterr(&s->err, HIP_ERR_INVALID, "event is NULL");
    }
    hip_session_rep rep;
    hip_session_rep_from_event(&rep, event);
    return hip_session_add_rep(s, &rep);
}

hip_status hip_session_finish(hip_session *s, int64_t end_ns, hip_abandon_reason reason)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status st = need_running(s);
    if (st != HIP_OK) return st;
    if ((unsigned)reason > HIP_ABANDON_OTHER)
        return hip__seterr(&s->err, HIP_ERR_INVALID, "reason: unknown value %d", (int)reason);
    if (end_ns < s->d.info.start_ns)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "end_ns: before the session's start");
    s->d.info.end_ns = end_ns;
    s->d.info.abandon_reason = reason;
    s->d.info.state = HIP_SESSION_FINISHED;
    return HIP_OK;
}

/* ---- getters ---- */

hip_status hip_session_get_info(const hip_session *s, hip_session_info *out)
{
    if (!s || !out) return HIP_ERR_INVALID;
    *out = s->d.info;
    return HIP_OK;
}

hip_status hip_session_exercise_at(const hip_session *s, size_t index, hip_session_exercise *out)
{
    if (!s || !out) return HIP_ERR_INVALID;
    if (index >= s->d.n_ex) return HIP_ERR_RANGE;
    *out = s->d.ex[index];
    return HIP_OK;
}

static const hip__sset *find_set(const hip_session *s, size_t ex, size_t set_index)
{
    if (ex >= s->d.n_ex || set_index >= s->d.ex[ex].set_count) return NULL;
    for (size_t i = 0; i < s->d.n_sets; i++)
        if (s->d.sets[i].exercise == ex && set_index-- == 0) return &s->d.sets[i];
    return NULL;
}

hip_status hip_session_set_at(const hip_session *s, size_t exercise_index, size_t set_index,
                              hip_session_set *out)
{
    if (!s || !out) return HIP_ERR_INVALID;
    const hip__sset *ss = find_set(s, exercise_index, set_index);
    if (!ss) return HIP_ERR_RANGE;
    *out = ss->set;
    return HIP_OK;
}

hip_status hip_session_rep_at(const hip_session *s, size_t exercise_index, size_t set_index,
                              size_t rep_index, hip_session_rep *out)
{
    if (!s || !out) return HIP_ERR_INVALID;
    const hip__sset *ss = find_set(s, exercise_index, set_index);
    if (!ss || rep_index >= ss->set.rep_count) return HIP_ERR_RANGE;
    *out = s->d.reps[ss->first_rep + rep_index];
    return HIP_OK;
}

static double pct(uint32_t num, uint32_t den) { return den ? 100.0 * num / den : -1.0; }

hip_status hip_session_summarize(const hip_session *s, hip_session_summary *out)
{
    if (!s || !out) return HIP_ERR_INVALID;
    if (s->d.info.state == HIP_SESSION_NEW) return HIP_ERR_STATE;
    hip_session_summary r;
    memset(&r, 0, sizeof r);
    r.day = s->d.info.day;
    r.finished = s->d.info.state == HIP_SESSION_FINISHED;
    r.abandon_reason = s->d.info.abandon_reason;
    r.pain_max = s->d.info.pain_during;
    for (size_t e = 0; e < s->d.n_ex; e++) {
        const hip_session_exercise *ex = &s->d.ex[e];
        uint32_t per_set = ex->prescribed_reps ? ex->prescribed_reps : 1;
        uint32_t rx_reps = ex->prescribed_sets * per_set;
        uint32_t sets_done = 0, reps_done = 0;
        for (size_t i = 0; i < s->d.n_sets; i++) {
            const hip__sset *ss = &s->d.sets[i];
            if (ss->exercise != e) continue;
            if (ss->set.pain > r.pain_max) r.pain_max = ss->set.pain;
            if (ss->set.rep_count) sets_done++;
            reps_done += (uint32_t)ss->set.rep_count;
            for (size_t k = 0; k < ss->set.rep_count; k++) {
                const hip_session_rep *rep = &s->d.reps[ss->first_rep + k];
                if (!rep->flags) r.good_reps++;
                r.time_under_tension_s += rep->concentric_s + rep->eccentric_s + rep->hold_s;
            }
        }
        r.prescribed_sets += ex->prescribed_sets;
        r.prescribed_reps += rx_reps;
        r.done_reps += reps_done;
        if (ex->prescribed_sets) {
            r.done_sets += sets_done < ex->prescribed_sets ? sets_done : ex->prescribed_sets;
            r.done_reps_capped += reps_done < rx_reps ? reps_done : rx_reps;
        }
    }
    r.set_completion_pct = pct(r.done_sets, r.prescribed_sets);
    r.rep_completion_pct = pct(r.done_reps_capped, r.prescribed_reps);
    r.good_rep_pct = pct(r.good_reps, r.done_reps);
    if (r.prescribed_sets) {
        r.completed = r.set_completion_pct >= s->threshold_pct;
    } else {
        int any = 0;
        for (size_t i = 0; i < s->d.n_sets; i++) any |= s->d.sets[i].set.rep_count > 0;
        r.completed = any;
    }
    if (r.finished) r.active_s = (double)(s->d.info.end_ns - s->d.info.start_ns) / 1e9;
    *out = r;
    return HIP_OK;
}
