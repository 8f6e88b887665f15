/* The session's JSON form: {"format": "hiptrack.session", "version": 1, ...}. An import fills a
 * new session completely (it is then finished), or changes nothing. */
#include "session_internal.h"

#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

#define HIP__SESSION_VERSION 1

extern const char *const hip__side_names[4];

static const char *const origin_names[2] = {"detector", "manual"};
static const char *const source_names[2] = {"rotation", "translation"};
static const char *const flag_names[4] = {"partial", "too_fast", "too_slow", "hold_short"};

/* A struct validator's HIP_ERR_INVALID becomes a document error. */
static hip_status as_format(hip_status st, hip__error *e)
{
    if (st != HIP_OK) e->status = st = HIP_ERR_FORMAT;
    return st;
}

static hip_status read_flags(const hip__json *v, const char *path, uint32_t *flags, hip__error *e)
{
    const hip__json *f = hip__json_get(v, "flags");
    *flags = 0;
    if (!f) return HIP_OK;
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    hip__jr_path_key(p, path, "flags");
    hip_status st = hip__jr_array(f, p, 4, e);
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < f->count; i++) {
        const hip__json *it = &f->items[i];
        uint32_t bit = 0;
        if (it->type == HIP__JSON_STRING && strlen(it->str) == it->len)
            for (unsigned k = 0; k < 4; k++)
                if (strcmp(it->str, flag_names[k]) == 0) bit = 1u << k;
        if (!bit)
            return hip__seterr(e, HIP_ERR_FORMAT,
                               "%s: expected one of partial, too_fast, too_slow, hold_short",
                               hip__jr_path_index(q, p, i));
        if (*flags & bit)
            return hip__seterr(e, HIP_ERR_FORMAT, "%s: flag repeated", hip__jr_path_index(q, p, i));
        *flags |= bit;
    }
    return HIP_OK;
}

static hip_status read_rep(const hip__json *v, const char *path, hip_session_rep *r, hip__error *e)
{
    static const char *const keys[] = {"origin", "source", "flags", "start_ns", "peak_ns", "end_ns",
                                       "excursion_deg", "travel_cm", "concentric_s", "eccentric_s",
                                       "hold_s", "peak_speed_dps", "smoothness", NULL};
    hip_session_rep_init(r);
    int origin, source;
    int64_t t0, t1, t2;
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "origin", path, 0, origin_names, 2, HIP_REP_ORIGIN_MANUAL, &origin, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "source", path, 0, source_names, 2, HIP_REP_SOURCE_ROTATION, &source, e)) != HIP_OK ||
        (st = read_flags(v, path, &r->flags, e)) != HIP_OK ||
        (st = hip__jr_int(v, "start_ns", path, 0, INT64_MIN, INT64_MAX, 0, &t0, e)) != HIP_OK ||
        (st = hip__jr_int(v, "peak_ns", path, 0, INT64_MIN, INT64_MAX, t0, &t1, e)) != HIP_OK ||
        (st = hip__jr_int(v, "end_ns", path, 0, INT64_MIN, INT64_MAX, t1, &t2, e)) != HIP_OK ||
        (st = hip__jr_num(v, "excursion_deg", path, 0, 0, 7200, 0, &r->excursion_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "travel_cm", path, 0, 0, 10000, 0, &r->travel_cm, e)) != HIP_OK ||
        (st = hip__jr_num(v, "concentric_s", path, 0, 0, 3600, 0, &r->concentric_s, e)) != HIP_OK ||
        (st = hip__jr_num(v, "eccentric_s", path, 0, 0, 3600, 0, &r->eccentric_s, e)) != HIP_OK ||
        (st = hip__jr_num(v, "hold_s", path, 0, 0, 3600, 0, &r->hold_s, e)) != HIP_OK ||
        (st = hip__jr_num(v, "peak_speed_dps", path, 0, 0, 100000, 0, &r->peak_speed_dps, e)) != HIP_OK ||
        (st = hip__jr_num(v, "smoothness", path, 0, -1000, 1000, 0, &r->smoothness, e)) != HIP_OK)
        return st;
    r->origin = (hip_rep_origin)origin;
    r->source = (hip_rep_source)source;
    r->start_ns = t0;
    r->peak_ns = t1;
    r->end_ns = t2;
    return as_format(hip__srep_validate(r, path, e), e);
}

static hip_status read_set(const hip__json *v, const char *path, size_t exercise, hip__sdata *d,
                           hip__error *e)
{
    static const char *const keys[] = {"start_ns", "load_kg", "rpe", "pain", "reps", NULL};
    hip__sset *ss = &d->sets[d->n_sets];
    memset(ss, 0, sizeof *ss);
    ss->exercise = exercise;
    ss->first_rep = d->n_reps;
    int64_t t0, rpe, pain;
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, e)) != HIP_OK ||
        (st = hip__jr_int(v, "start_ns", path, 0, 0, INT64_MAX, 0, &t0, e)) != HIP_OK ||
        (st = hip__jr_num(v, "load_kg", path, 0, 0, 500, 0, &ss->set.load_kg, e)) != HIP_OK ||
        (st = hip__jr_int(v, "rpe", path, 0, 0, 10, HIPTRACK_NOT_RECORDED, &rpe, e)) != HIP_OK ||
        (st = hip__jr_int(v, "pain", path, 0, 0, 10, HIPTRACK_NOT_RECORDED, &pain, e)) != HIP_OK)
        return st;
    ss->set.start_ns = t0;
    ss->set.rpe = (int32_t)rpe;
    ss->set.pain = (int32_t)pain;
    const hip__json *reps = hip__json_get(v, "reps");
    char rp[HIP__PATH_CAP], ip[HIP__PATH_CAP];
    hip__jr_path_key(rp, path, "reps");
    if (!reps) return hip__seterr(e, HIP_ERR_FORMAT, "%s: missing", rp);
    if ((st = hip__jr_array(reps, rp, HIPTRACK_SESSION_MAX_REPS, e)) != HIP_OK) return st;
    for (size_t k = 0; k < reps->count; k++) {
        hip__jr_path_index(ip, rp, k);
        if ((st = read_rep(&reps->items[k], ip, &d->reps[d->n_reps], e)) != HIP_OK) return st;
        d->n_reps++;
    }
    ss->set.rep_count = reps->count;
    d->n_sets++;
    return HIP_OK;
}

static hip_status read_exercise(const hip__json *v, const char *path, hip__sdata *d, hip__error *e)
{
    static const char *const keys[] = {"exercise", "side", "prescribed", "sets", NULL};
    static const char *const rx_keys[] = {"sets", "reps", "hold_s", "load_kg", NULL};
    hip_session_exercise *ex = &d->ex[d->n_ex];
    hip_session_exercise_init(ex, NULL);
    int side;
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, e)) != HIP_OK ||
        (st = hip__jr_str(v, "exercise", path, 1, 1, ex->exercise_id, sizeof ex->exercise_id, NULL, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "side", path, 0, hip__side_names, 4, HIP_SIDE_BOTH, &side, e)) != HIP_OK)
        return st;
    ex->side = (hip_side)side;
    const hip__json *rx = hip__json_get(v, "prescribed");
    char pp[HIP__PATH_CAP], sp[HIP__PATH_CAP], ip[HIP__PATH_CAP];
    hip__jr_path_key(pp, path, "prescribed");
    if (rx) {
        int64_t sets, reps;
        if ((st = hip__jr_object(rx, pp, rx_keys, e)) != HIP_OK ||
            (st = hip__jr_int(rx, "sets", pp, 0, 0, 20, 0, &sets, e)) != HIP_OK ||
            (st = hip__jr_int(rx, "reps", pp, 0, 0, 100, 0, &reps, e)) != HIP_OK ||
            (st = hip__jr_num(rx, "hold_s", pp, 0, 0, 3600, 0, &ex->prescribed_hold_s, e)) != HIP_OK ||
            (st = hip__jr_num(rx, "load_kg", pp, 0, 0, 500, 0, &ex->prescribed_load_kg, e)) != HIP_OK)
            return st;
        ex->prescribed_sets = (uint32_t)sets;
        ex->prescribed_reps = (uint32_t)reps;
    }
    if ((st = as_format(hip__sexercise_validate(ex, path, e), e)) != HIP_OK) return st;
    const hip__json *sets = hip__json_get(v, "sets");
    hip__jr_path_key(sp, path, "sets");
    if (!sets) return hip__seterr(e, HIP_ERR_FORMAT, "%s: missing", sp);
    if ((st = hip__jr_array(sets, sp, HIPTRACK_SESSION_MAX_SETS, e)) != HIP_OK) return st;
    for (size_t j = 0; j < sets->count; j++) {
        hip__jr_path_index(ip, sp, j);
        if ((st = read_set(&sets->items[j], ip, d->n_ex, d, e)) != HIP_OK) return st;
    }
    ex->set_count = sets->count;
    d->n_ex++;
    return HIP_OK;
}

static hip_status read_program(const hip__json *root, hip_session_info *info, hip__error *e)
{
    static const char *const keys[] = {"version", "effective", NULL};
    const hip__json *p = hip__json_get(root, "program");
    if (!p) return HIP_OK;
    int64_t number;
    hip_status st;
    if ((st = hip__jr_object(p, "program", keys, e)) != HIP_OK ||
        (st = hip__jr_int(p, "version", "program", 1, 1, UINT32_MAX, 1, &number, e)) != HIP_OK ||
        (st = hip__jr_date(p, "effective", "program", 1, &info->program_effective_day, e)) != HIP_OK)
        return st;
    info->program_version = (uint32_t)number;
    return HIP_OK;
}

/* Array sizes for staging, counted leniently (the readers check the types). */
static void count_items(const hip__json *exs, size_t *n_sets, size_t *n_reps)
{
    *n_sets = *n_reps = 0;
    for (size_t i = 0; i < exs->count; i++) {
        const hip__json *sets = hip__json_get(&exs->items[i], "sets");
        if (!sets || sets->type != HIP__JSON_ARRAY) continue;
        *n_sets += sets->count;
        for (size_t j = 0; j < sets->count; j++) {
            const hip__json *reps = hip__json_get(&sets->items[j], "reps");
            if (reps && reps->type == HIP__JSON_ARRAY) *n_reps += reps->count;
        }
    }
}

static hip_status import_doc(hip_session *s, const hip__json *root, hip__sdata *d)
{
    static const char *const keys[] = {"format", "version", "start_ns", "utc_offset_min", "end_ns",
                                       "program", "pain_before", "pain_during", "pain_after",
                                       "abandon", "exercises", NULL};
    hip__error *e = &s->err;
    hip_session_info *info = &d->info;
    int64_t t0, t1, off, pb, pd, pa;
    int reason;
    hip_status st;
    if ((st = hip__jr_header(root, "hiptrack.session", HIP__SESSION_VERSION, NULL, e)) != HIP_OK ||
        (st = hip__jr_object(root, "", keys, e)) != HIP_OK ||
        (st = hip__jr_int(root, "start_ns", "", 1, 0, INT64_MAX, 0, &t0, e)) != HIP_OK ||
        (st = hip__jr_int(root, "utc_offset_min", "", 1, -HIPTRACK_UTC_OFFSET_MAX_MIN, HIPTRACK_UTC_OFFSET_MAX_MIN, 0, &off, e)) != HIP_OK ||
        (st = hip__jr_int(root, "end_ns", "", 1, 0, INT64_MAX, 0, &t1, e)) != HIP_OK ||
        (st = read_program(root, info, e)) != HIP_OK ||
        (st = hip__jr_int(root, "pain_before", "", 0, 0, 10, HIPTRACK_NOT_RECORDED, &pb, e)) != HIP_OK ||
        (st = hip__jr_int(root, "pain_during", "", 0, 0, 10, HIPTRACK_NOT_RECORDED, &pd, e)) != HIP_OK ||
        (st = hip__jr_int(root, "pain_after", "", 0, 0, 10, HIPTRACK_NOT_RECORDED, &pa, e)) != HIP_OK ||
        (st = hip__jr_enum(root, "abandon", "", 0, hip__abandon_names, 5, HIP_ABANDON_NONE, &reason, e)) != HIP_OK)
        return st;
    if (t1 < t0) return hip__seterr(e, HIP_ERR_FORMAT, "end_ns: before start_ns");
    info->state = HIP_SESSION_FINISHED;
    info->start_ns = t0;
    info->end_ns = t1;
    info->utc_offset_min = (int32_t)off;
    info->day = hip__local_day(t0, (int32_t)off);
    info->pain_before = (int32_t)pb;
    info->pain_during = (int32_t)pd;
    info->pain_after = (int32_t)pa;
    info->abandon_reason = (hip_abandon_reason)reason;
    const hip__json *exs = hip__json_get(root, "exercises");
    if (!exs) return hip__seterr(e, HIP_ERR_FORMAT, "exercises: missing");
    if ((st = hip__jr_array(exs, "exercises", HIPTRACK_SESSION_MAX_EXERCISES, e)) != HIP_OK) return st;
    size_t n_sets, n_reps;
    count_items(exs, &n_sets, &n_reps);
    d->ex = hip__calloc(&s->alloc, exs->count + 1, sizeof *d->ex);
    d->sets = hip__calloc(&s->alloc, n_sets + 1, sizeof *d->sets);
    d->reps = hip__calloc(&s->alloc, n_reps + 1, sizeof *d->reps);
    if (!d->ex || !d->sets || !d->reps) return hip__seterr(e, HIP_ERR_NOMEM, "out of memory");
    d->ex_cap = exs->count + 1;
    d->sets_cap = n_sets + 1;
    d->reps_cap = n_reps + 1;
    char ip[HIP__PATH_CAP];
    for (size_t i = 0; i < exs->count; i++) {
        hip__jr_path_index(ip, "exercises", i);
        if ((st = read_exercise(&exs->items[i], ip, d, e)) != HIP_OK) return st;
    }
    info->exercise_count = d->n_ex;
    return HIP_OK;
}

hip_status hip_session_import_json(hip_session *s, const char *json, size_t len)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    if (!json) return hip__seterr(&s->err, HIP_ERR_INVALID, "json is NULL");
    if (s->d.info.state != HIP_SESSION_NEW)
        return hip__seterr(&s->err, HIP_ERR_STATE, "only a new session (not started) can be imported into");
    hip__json_doc *doc = NULL;
    hip_status st = hip__jr_parse(&s->alloc, json, len, &doc, &s->err);
    if (st != HIP_OK) return st;
    hip__sdata d;
    memset(&d, 0, sizeof d);
    st = import_doc(s, hip__json_root(doc), &d);
    if (st == HIP_OK) {
        hip__sdata old = s->d;
        s->d = d;
        d = old;
    }
    hip__sdata_free(&s->alloc, &d);
    hip__json_free(doc);
    return st;
}

static void write_rep(hip__jw *w, const hip_session_rep *r)
{
    hip__jw_begin_object(w);
    hip__jw_key(w, "origin"); hip__jw_string(w, origin_names[r->origin]);
    hip__jw_key(w, "source"); hip__jw_string(w, source_names[r->source]);
    hip__jw_key(w, "flags");
    hip__jw_begin_array(w);
    for (unsigned k = 0; k < 4; k++)
        if (r->flags & (1u << k)) hip__jw_string(w, flag_names[k]);
    hip__jw_end_array(w);
    hip__jw_key(w, "start_ns"); hip__jw_integer(w, r->start_ns);
    hip__jw_key(w, "peak_ns"); hip__jw_integer(w, r->peak_ns);
    hip__jw_key(w, "end_ns"); hip__jw_integer(w, r->end_ns);
    hip__jw_key(w, "excursion_deg"); hip__jw_number(w, r->excursion_deg);
    hip__jw_key(w, "travel_cm"); hip__jw_number(w, r->travel_cm);
    hip__jw_key(w, "concentric_s"); hip__jw_number(w, r->concentric_s);
    hip__jw_key(w, "eccentric_s"); hip__jw_number(w, r->eccentric_s);
    hip__jw_key(w, "hold_s"); hip__jw_number(w, r->hold_s);
    hip__jw_key(w, "peak_speed_dps"); hip__jw_number(w, r->peak_speed_dps);
    hip__jw_key(w, "smoothness"); hip__jw_number(w, r->smoothness);
    hip__jw_end_object(w);
}

static void write_score(hip__jw *w, const char *key, int32_t v)
{
    if (v == HIPTRACK_NOT_RECORDED) return;   /* absent = not recorded */
    hip__jw_key(w, key);
    hip__jw_integer(w, v);
}

hip_status hip_session_export_json(const hip_session *s, char *buf, size_t cap, size_t *len_out)
{
    if (!s || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    const hip_session_info *info = &s->d.info;
    if (info->state != HIP_SESSION_FINISHED) return HIP_ERR_STATE;
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.session");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, HIP__SESSION_VERSION);
    hip__jw_key(&w, "start_ns"); hip__jw_integer(&w, info->start_ns);
    hip__jw_key(&w, "utc_offset_min"); hip__jw_integer(&w, info->utc_offset_min);
    hip__jw_key(&w, "end_ns"); hip__jw_integer(&w, info->end_ns);
    if (info->program_version) {
        char date[HIPTRACK_DATE_CAP];
        hip_date_format(info->program_effective_day, date, sizeof date);
        hip__jw_key(&w, "program");
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "version"); hip__jw_integer(&w, info->program_version);
        hip__jw_key(&w, "effective"); hip__jw_string(&w, date);
        hip__jw_end_object(&w);
    }
    write_score(&w, "pain_before", info->pain_before);
    write_score(&w, "pain_during", info->pain_during);
    write_score(&w, "pain_after", info->pain_after);
    hip__jw_key(&w, "abandon"); hip__jw_string(&w, hip__abandon_names[info->abandon_reason]);
    hip__jw_key(&w, "exercises");
    hip__jw_begin_array(&w);
    for (size_t i = 0; i < s->d.n_ex; i++) {
        const hip_session_exercise *ex = &s->d.ex[i];
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "exercise"); hip__jw_string(&w, ex->exercise_id);
        hip__jw_key(&w, "side"); hip__jw_string(&w, hip__side_names[ex->side]);
        hip__jw_key(&w, "prescribed");
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "sets"); hip__jw_integer(&w, ex->prescribed_sets);
        hip__jw_key(&w, "reps"); hip__jw_integer(&w, ex->prescribed_reps);
        hip__jw_key(&w, "hold_s"); hip__jw_number(&w, ex->prescribed_hold_s);
        hip__jw_key(&w, "load_kg"); hip__jw_number(&w, ex->prescribed_load_kg);
        hip__jw_end_object(&w);
        hip__jw_key(&w, "sets");
        hip__jw_begin_array(&w);
        for (size_t j = 0; j < s->d.n_sets; j++) {
            const hip__sset *ss = &s->d.sets[j];
            if (ss->exercise != i) continue;
            hip__jw_begin_object(&w);
            hip__jw_key(&w, "start_ns"); hip__jw_integer(&w, ss->set.start_ns);
            hip__jw_key(&w, "load_kg"); hip__jw_number(&w, ss->set.load_kg);
            write_score(&w, "rpe", ss->set.rpe);
            write_score(&w, "pain", ss->set.pain);
            hip__jw_key(&w, "reps");
            hip__jw_begin_array(&w);
            for (size_t k = 0; k < ss->set.rep_count; k++) write_rep(&w, &s->d.reps[ss->first_rep + k]);
            hip__jw_end_array(&w);
            hip__jw_end_object(&w);
        }
        hip__jw_end_array(&w);
        hip__jw_end_object(&w);
    }
    hip__jw_end_array(&w);
    hip__jw_end_object(&w);
    return hip__jw_result(&w, len_out);
}
