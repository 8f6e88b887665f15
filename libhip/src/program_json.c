/* The program's JSON form: {"format": "hiptrack.program", "version": 1, "versions": [...]}.
 * An import replaces the whole history, or changes nothing. */
#include "program_internal.h"

#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

#define HIP__PROGRAM_VERSION 1
#define HIP__PROGRAM_MAX_VERSIONS 10000
#define HIP__PROGRAM_MAX_EXERCISES 1000

/* tempo_s is [concentric, eccentric] seconds (not a min..max range: 3 s up, 1 s down is valid). */
static hip_status read_tempo(const hip__json *v, const char *path, hip_prescription *rx, hip__error *e)
{
    const hip__json *t = hip__json_get(v, "tempo_s");
    if (!t) return HIP_OK;
    char p[HIP__PATH_CAP];
    hip__jr_path_key(p, path, "tempo_s");
    if (t->type != HIP__JSON_ARRAY || t->count != 2 || t->items[0].type != HIP__JSON_NUMBER ||
        t->items[1].type != HIP__JSON_NUMBER || !(t->items[0].number >= 0 && t->items[0].number <= 60) ||
        !(t->items[1].number >= 0 && t->items[1].number <= 60))
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected [concentric, eccentric] seconds, each 0..60", p);
    rx->tempo_concentric_s = t->items[0].number;
    rx->tempo_eccentric_s = t->items[1].number;
    return HIP_OK;
}

static hip_status read_prescription(const hip__json *v, const char *path, hip_prescription *rx,
                                    hip__error *e)
{
    static const char *const keys[] = {"exercise", "sets", "reps", "hold_s", "tempo_s", "side",
                                       "load_kg", "rest_s", "pain_ceiling", NULL};
    hip_prescription_init(rx, NULL);
    int64_t sets, reps, ceiling;
    int side;
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, e)) != HIP_OK ||
        (st = hip__jr_str(v, "exercise", path, 1, 1, rx->exercise_id, sizeof rx->exercise_id, NULL, e)) != HIP_OK ||
        (st = hip__jr_int(v, "sets", path, 0, 1, 20, 3, &sets, e)) != HIP_OK ||
        (st = hip__jr_int(v, "reps", path, 0, 0, 100, 10, &reps, e)) != HIP_OK ||
        (st = hip__jr_num(v, "hold_s", path, 0, 0, 3600, 0, &rx->hold_s, e)) != HIP_OK ||
        (st = read_tempo(v, path, rx, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "side", path, 0, hip__side_names, 4, HIP_SIDE_BOTH, &side, e)) != HIP_OK ||
        (st = hip__jr_num(v, "load_kg", path, 0, 0, 500, 0, &rx->load_kg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "rest_s", path, 0, 0, 3600, 120, &rx->rest_s, e)) != HIP_OK ||
        (st = hip__jr_int(v, "pain_ceiling", path, 0, 0, 10, 5, &ceiling, e)) != HIP_OK)
        return st;
    rx->sets = (uint32_t)sets;
    rx->reps = (uint32_t)reps;
    rx->side = (hip_side)side;
    rx->pain_ceiling = (int32_t)ceiling;
    st = hip__prescription_validate(rx, path, e);
    if (st != HIP_OK) e->status = st = HIP_ERR_FORMAT;
    return st;
}

/* The decoded history, built aside and swapped in only when complete. */
typedef struct decoded {
    hip__version *versions;
    size_t n_versions;
    hip_prescription *items;
    size_t n_items;
} decoded;

static hip_status read_version(hip_program *p, const hip__json *v, size_t index, decoded *d)
{
    static const char *const keys[] = {"number", "effective", "sessions_per_week", "note",
                                       "exercises", NULL};
    char path[HIP__PATH_CAP], ep[HIP__PATH_CAP], ip[HIP__PATH_CAP];
    hip__jr_path_index(path, "versions", index);
    hip__version *ver = &d->versions[index];
    memset(ver, 0, sizeof *ver);
    int64_t number, spw;
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, &p->err)) != HIP_OK ||
        (st = hip__jr_int(v, "number", path, 0, 1, HIP__PROGRAM_MAX_VERSIONS, (int64_t)index + 1, &number, &p->err)) != HIP_OK ||
        (st = hip__jr_date(v, "effective", path, 1, &ver->info.effective_day, &p->err)) != HIP_OK ||
        (st = hip__jr_int(v, "sessions_per_week", path, 1, 1, 14, 3, &spw, &p->err)) != HIP_OK ||
        (st = hip__jr_str(v, "note", path, 0, 0, ver->info.note, sizeof ver->info.note, "", &p->err)) != HIP_OK)
        return st;
    if (number != (int64_t)index + 1)
        return hip__seterr(&p->err, HIP_ERR_FORMAT, "%s.number: expected %zu (versions are in order)",
                           path, index + 1);
    if (index > 0 && ver->info.effective_day < d->versions[index - 1].info.effective_day)
        return hip__seterr(&p->err, HIP_ERR_FORMAT,
                           "%s.effective: before the previous version's effective date", path);
    const hip__json *exs = hip__json_get(v, "exercises");
    hip__jr_path_key(ep, path, "exercises");
    if (!exs) return hip__seterr(&p->err, HIP_ERR_FORMAT, "%s: missing", ep);
    if ((st = hip__jr_array(exs, ep, HIP__PROGRAM_MAX_EXERCISES, &p->err)) != HIP_OK) return st;
    if (exs->count == 0) return hip__seterr(&p->err, HIP_ERR_FORMAT, "%s: expected at least one exercise", ep);
    ver->info.number = (uint32_t)number;
    ver->info.sessions_per_week = (uint32_t)spw;
    ver->info.exercise_count = exs->count;
    ver->first = d->n_items;
    for (size_t i = 0; i < exs->count; i++) {
        hip_prescription *rx = &d->items[d->n_items];
        hip__jr_path_index(ip, ep, i);
        if ((st = read_prescription(&exs->items[i], ip, rx, &p->err)) != HIP_OK) return st;
        if (hip__prescription_find(d->items + ver->first, i, rx, -1) >= 0)
            return hip__seterr(&p->err, HIP_ERR_FORMAT, "%s: %s (side %s) appears twice", ip,
                               rx->exercise_id, hip_side_name(rx->side));
        d->n_items++;
    }
    d->n_versions++;
    return HIP_OK;
}

static hip_status import_doc(hip_program *p, const hip__json *root, decoded *d)
{
    static const char *const keys[] = {"format", "version", "versions", NULL};
    hip_status st;
    if ((st = hip__jr_header(root, "hiptrack.program", HIP__PROGRAM_VERSION, NULL, &p->err)) != HIP_OK ||
        (st = hip__jr_object(root, "", keys, &p->err)) != HIP_OK)
        return st;
    const hip__json *vs = hip__json_get(root, "versions");
    if (!vs) return hip__seterr(&p->err, HIP_ERR_FORMAT, "versions: missing");
    if ((st = hip__jr_array(vs, "versions", HIP__PROGRAM_MAX_VERSIONS, &p->err)) != HIP_OK) return st;
    size_t total = 0;
    for (size_t i = 0; i < vs->count; i++) {
        const hip__json *ex = hip__json_get(&vs->items[i], "exercises");
        if (ex && ex->type == HIP__JSON_ARRAY) total += ex->count;
    }
    d->versions = hip__calloc(&p->alloc, vs->count + 1, sizeof *d->versions);
    d->items = hip__calloc(&p->alloc, total + 1, sizeof *d->items);
    if (!d->versions || !d->items) return hip__seterr(&p->err, HIP_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < vs->count; i++)
        if ((st = read_version(p, &vs->items[i], i, d)) != HIP_OK) return st;
    /* Swap the decoded history in; the old arrays are released by the caller. */
    hip__version *ov = p->versions;
    hip_prescription *oi = p->items;
    p->versions = d->versions;
    p->n_versions = d->n_versions;
    p->versions_cap = vs->count + 1;
    p->items = d->items;
    p->n_items = d->n_items;
    p->items_cap = total + 1;
    d->versions = ov;
    d->items = oi;
    return HIP_OK;
}

hip_status hip_program_import_json(hip_program *p, const char *json, size_t len)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    if (!json) return hip__seterr(&p->err, HIP_ERR_INVALID, "json is NULL");
    if (p->draft_open) return hip__seterr(&p->err, HIP_ERR_STATE, "a draft is open");
    hip__json_doc *doc = NULL;
    hip_status st = hip__jr_parse(&p->alloc, json, len, &doc, &p->err);
    if (st != HIP_OK) return st;
    decoded d;
    memset(&d, 0, sizeof d);
    st = import_doc(p, hip__json_root(doc), &d);
    hip__free(&p->alloc, d.versions);
    hip__free(&p->alloc, d.items);
    hip__json_free(doc);
    return st;
}

hip_status hip_program_export_json(const hip_program *p, char *buf, size_t cap, size_t *len_out)
{
    if (!p || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.program");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, HIP__PROGRAM_VERSION);
    hip__jw_key(&w, "versions");
    hip__jw_begin_array(&w);
    for (size_t v = 0; v < p->n_versions; v++) {
        const hip__version *ver = &p->versions[v];
        char date[HIPTRACK_DATE_CAP];
        hip_date_format(ver->info.effective_day, date, sizeof date);
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "number"); hip__jw_integer(&w, ver->info.number);
        hip__jw_key(&w, "effective"); hip__jw_string(&w, date);
        hip__jw_key(&w, "sessions_per_week"); hip__jw_integer(&w, ver->info.sessions_per_week);
        hip__jw_key(&w, "note"); hip__jw_string(&w, ver->info.note);
        hip__jw_key(&w, "exercises");
        hip__jw_begin_array(&w);
        for (size_t i = 0; i < ver->info.exercise_count; i++) {
            const hip_prescription *rx = &p->items[ver->first + i];
            hip__jw_begin_object(&w);
            hip__jw_key(&w, "exercise"); hip__jw_string(&w, rx->exercise_id);
            hip__jw_key(&w, "sets"); hip__jw_integer(&w, rx->sets);
            hip__jw_key(&w, "reps"); hip__jw_integer(&w, rx->reps);
            hip__jw_key(&w, "hold_s"); hip__jw_number(&w, rx->hold_s);
            hip__jw_key(&w, "tempo_s");
            hip__jw_begin_array(&w);
            hip__jw_number(&w, rx->tempo_concentric_s);
            hip__jw_number(&w, rx->tempo_eccentric_s);
            hip__jw_end_array(&w);
            hip__jw_key(&w, "side"); hip__jw_string(&w, hip_side_name(rx->side));
            hip__jw_key(&w, "load_kg"); hip__jw_number(&w, rx->load_kg);
            hip__jw_key(&w, "rest_s"); hip__jw_number(&w, rx->rest_s);
            hip__jw_key(&w, "pain_ceiling"); hip__jw_integer(&w, rx->pain_ceiling);
            hip__jw_end_object(&w);
        }
        hip__jw_end_array(&w);
        hip__jw_end_object(&w);
    }
    hip__jw_end_array(&w);
    hip__jw_end_object(&w);
    return hip__jw_result(&w, len_out);
}
