/* One administration as JSON: {"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr",
 * "date": "2026-11-02", "answers": {"P5": 2, "P10": null}, "activities": {"ACT1": "..."}}.
 * "date" is optional; a missing answer is absent or null (never 0); "activities" (names of the
 * PSFS activity slots) is allowed for psfs only. An import replaces the administration, or changes
 * nothing. */
#include "outcomes_internal.h"

#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

#define HIP__OUTCOME_VERSION 1

static const char *const instrument_names[HIPTRACK_INSTRUMENT_COUNT] = {
    "hoos", "hoos12", "hoos_jr", "hoos_ps", "psfs", "ihot12", "oxford"};

/* The decoded administration, copied into the handle only when complete. */
typedef struct staged {
    hip_instrument instrument;
    int32_t has_day, day;
    int32_t values[HIPTRACK_OUTCOME_MAX_ITEMS];
    char names[HIPTRACK_PSFS_MAX_ACTIVITIES][HIPTRACK_NAME_CAP];
} staged;

static hip_status read_answers(const hip__json *answers, const hip__instrument_def *def, staged *s,
                               hip__error *e)
{
    const char *ids[HIPTRACK_OUTCOME_MAX_ITEMS + 1];
    for (size_t i = 0; i < def->n_items; i++) ids[i] = def->items[i].id;
    ids[def->n_items] = NULL;
    hip_status st = hip__jr_object(answers, "answers", ids, e);
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < def->n_items; i++) {
        const hip__json *v = hip__json_get(answers, def->items[i].id);
        if (!v || v->type == HIP__JSON_NULL) continue;   /* missing */
        int64_t x;
        if ((st = hip__jr_int(answers, def->items[i].id, "answers", 1, def->items[i].min,
                              def->items[i].max, 0, &x, e)) != HIP_OK)
            return st;
        s->values[i] = (int32_t)x;
    }
    return HIP_OK;
}

static hip_status read_activities(const hip__json *acts, const hip__instrument_def *def, staged *s,
                                  hip__error *e)
{
    const char *ids[HIPTRACK_PSFS_MAX_ACTIVITIES + 1];
    for (size_t i = 0; i < def->n_items; i++) ids[i] = def->items[i].id;
    ids[def->n_items] = NULL;
    hip_status st = hip__jr_object(acts, "activities", ids, e);
    for (size_t i = 0; st == HIP_OK && i < def->n_items; i++)
        st = hip__jr_str(acts, def->items[i].id, "activities", 0, 0, s->names[i], HIPTRACK_NAME_CAP,
                         "", e);
    return st;
}

static hip_status read_doc(const hip__json *root, staged *s, hip__error *e)
{
    static const char *const keys[] = {"format", "version", "instrument", "date", "answers", NULL};
    static const char *const psfs_keys[] = {"format", "version", "instrument", "date", "answers",
                                            "activities", NULL};
    int inst;
    hip_status st;
    if ((st = hip__jr_header(root, "hiptrack.outcome", HIP__OUTCOME_VERSION, NULL, e)) != HIP_OK ||
        (st = hip__jr_enum(root, "instrument", "", 1, instrument_names, HIPTRACK_INSTRUMENT_COUNT, 0,
                           &inst, e)) != HIP_OK ||
        (st = hip__jr_object(root, "", inst == HIP_INSTRUMENT_PSFS ? psfs_keys : keys, e)) != HIP_OK)
        return st;
    s->instrument = (hip_instrument)inst;
    const hip__instrument_def *def = hip__instrument(s->instrument);
    if (hip__json_get(root, "date")) {
        if ((st = hip__jr_date(root, "date", "", 1, &s->day, e)) != HIP_OK) return st;
        s->has_day = 1;
    }
    const hip__json *answers = hip__json_get(root, "answers");
    if (!answers) return hip__seterr(e, HIP_ERR_FORMAT, "answers: missing");
    if ((st = read_answers(answers, def, s, e)) != HIP_OK) return st;
    const hip__json *acts = hip__json_get(root, "activities");
    if (acts && (st = read_activities(acts, def, s, e)) != HIP_OK) return st;
    return HIP_OK;
}

hip_status hip_outcome_import_json(hip_outcome_response *r, const char *json, size_t len)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    if (!json) return hip__seterr(&r->err, HIP_ERR_INVALID, "json is NULL");
    hip__json_doc *doc = NULL;
    hip_status st = hip__jr_parse(&r->alloc, json, len, &doc, &r->err);
    if (st != HIP_OK) return st;
    staged s;
    memset(&s, 0, sizeof s);
    for (size_t i = 0; i < HIPTRACK_OUTCOME_MAX_ITEMS; i++) s.values[i] = HIPTRACK_OUTCOME_MISSING;
    st = read_doc(hip__json_root(doc), &s, &r->err);
    hip__json_free(doc);
    if (st != HIP_OK) return st;
    r->instrument = s.instrument;
    r->has_day = s.has_day;
    r->day = s.day;
    memcpy(r->values, s.values, sizeof r->values);
    memcpy(r->names, s.names, sizeof r->names);
    return HIP_OK;
}

hip_status hip_outcome_export_json(const hip_outcome_response *r, char *buf, size_t cap,
                                   size_t *len_out)
{
    if (!r || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    const hip__instrument_def *def = hip__instrument(r->instrument);
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.outcome");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, HIP__OUTCOME_VERSION);
    hip__jw_key(&w, "instrument"); hip__jw_string(&w, def->name);
    if (r->has_day) {
        char date[HIPTRACK_DATE_CAP];
        hip_date_format(r->day, date, sizeof date);
        hip__jw_key(&w, "date"); hip__jw_string(&w, date);
    }
    hip__jw_key(&w, "answers");
    hip__jw_begin_object(&w);
    for (size_t i = 0; i < def->n_items; i++)
        if (r->values[i] != HIPTRACK_OUTCOME_MISSING) {
            hip__jw_key(&w, def->items[i].id);
            hip__jw_integer(&w, r->values[i]);
        }
    hip__jw_end_object(&w);
    if (r->instrument == HIP_INSTRUMENT_PSFS) {
        hip__jw_key(&w, "activities");
        hip__jw_begin_object(&w);
        for (size_t i = 0; i < def->n_items; i++)
            if (r->names[i][0]) {
                hip__jw_key(&w, def->items[i].id);
                hip__jw_string(&w, r->names[i]);
            }
        hip__jw_end_object(&w);
    }
    hip__jw_end_object(&w);
    return hip__jw_result(&w, len_out);
}
