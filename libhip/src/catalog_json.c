/* The catalog's JSON form: {"format": "hiptrack.catalog", "version": 1, "exercises": [...],
 * "progressions": [...]}. Imports are all-or-nothing. */
#include "catalog_internal.h"

#include <string.h>

#include "alloc.h"
#include "json_read.h"

#define HIP__CATALOG_VERSION 1
#define HIP__CATALOG_MAX_ITEMS 10000
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static hip_status read_categories(const hip__json *obj, const char *path, uint32_t *out, hip__error *e)
{
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    hip__jr_path_key(p, path, "categories");
    const hip__json *v = hip__json_get(obj, "categories");
    if (!v) return hip__seterr(e, HIP_ERR_FORMAT, "%s: missing", p);
    hip_status st = hip__jr_array(v, p, COUNT_OF(hip__category_names), e);
    if (st != HIP_OK) return st;
    if (v->count == 0) return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected at least one category", p);
    *out = 0;
    for (size_t i = 0; i < v->count; i++) {
        const hip__json *c = &v->items[i];
        size_t k = 0;
        while (k < COUNT_OF(hip__category_names) &&
               !(c->type == HIP__JSON_STRING && strcmp(c->str, hip__category_names[k]) == 0 &&
                 strlen(c->str) == c->len))
            k++;
        if (k == COUNT_OF(hip__category_names))
            return hip__seterr(e, HIP_ERR_FORMAT,
                               "%s: expected strength, mobility, stretch, balance, aerobic, "
                               "functional or motor_control",
                               hip__jr_path_index(q, p, i));
        *out |= 1u << k;
    }
    return HIP_OK;
}

static hip_status read_dose(const hip__json *obj, const char *path, hip_dose *d, hip__error *e)
{
    static const char *const keys[] = {"sets", "reps", "hold_s", "duration_s", "rest_s", NULL};
    char p[HIP__PATH_CAP];
    const hip__json *v = hip__json_get(obj, "dose");
    if (!v) return HIP_OK;   /* defaults stay */
    hip__jr_path_key(p, path, "dose");
    hip_status st;
    if ((st = hip__jr_object(v, p, keys, e)) != HIP_OK ||
        (st = hip__jr_int_range(v, "sets", p, 0, 1, 20, &d->sets_min, &d->sets_max, e)) != HIP_OK ||
        (st = hip__jr_int_range(v, "reps", p, 0, 0, 100, &d->reps_min, &d->reps_max, e)) != HIP_OK ||
        (st = hip__jr_num_range(v, "hold_s", p, 0, 0, 3600, &d->hold_s_min, &d->hold_s_max, e)) != HIP_OK ||
        (st = hip__jr_num_range(v, "duration_s", p, 0, 0, 86400, &d->duration_s_min, &d->duration_s_max, e)) != HIP_OK ||
        (st = hip__jr_num(v, "rest_s", p, 0, 0, 3600, 120, &d->rest_s, e)) != HIP_OK)
        return st;
    return HIP_OK;
}

static hip_status read_motion(const hip__json *obj, const char *path, hip_motion_profile *m,
                              hip__error *e)
{
    static const char *const keys[] = {"segment", "motion", "plane", "count", "excursion_deg",
                                       "travel_cm", "rep_s", "hold_s", NULL};
    char p[HIP__PATH_CAP];
    const hip__json *v = hip__json_get(obj, "motion");
    if (!v) return HIP_OK;
    hip__jr_path_key(p, path, "motion");
    int seg, mot, pl, cnt;
    hip_status st;
    if ((st = hip__jr_object(v, p, keys, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "segment", p, 1, hip__segment_names, COUNT_OF(hip__segment_names), 0, &seg, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "motion", p, 1, hip__motion_names, COUNT_OF(hip__motion_names), 0, &mot, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "plane", p, 0, hip__plane_names, COUNT_OF(hip__plane_names), HIP_PLANE_SAGITTAL, &pl, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "count", p, 0, hip__count_kind_names, COUNT_OF(hip__count_kind_names), HIP_COUNT_REPS, &cnt, e)) != HIP_OK ||
        (st = hip__jr_num_range(v, "excursion_deg", p, 0, 0, 360, &m->excursion_deg_min, &m->excursion_deg_max, e)) != HIP_OK ||
        (st = hip__jr_num_range(v, "travel_cm", p, 0, 0, 200, &m->travel_cm_min, &m->travel_cm_max, e)) != HIP_OK ||
        (st = hip__jr_num_range(v, "rep_s", p, 0, 0, 600, &m->rep_s_min, &m->rep_s_max, e)) != HIP_OK ||
        (st = hip__jr_num_range(v, "hold_s", p, 0, 0, 3600, &m->hold_s_min, &m->hold_s_max, e)) != HIP_OK)
        return st;
    m->segment = (hip_segment)seg;
    m->motion = (hip_motion)mot;
    m->plane = (hip_plane)pl;
    m->count = (hip_count_kind)cnt;
    return HIP_OK;
}

static hip_status read_exercise(const hip__json *v, const char *path, hip_exercise *ex, hip__error *e)
{
    static const char *const keys[] = {"id", "name", "base", "code", "categories", "muscles",
                                       "position", "sidedness", "dose", "motion", NULL};
    hip_exercise_init(ex);
    int side;
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, e)) != HIP_OK ||
        (st = hip__jr_str(v, "id", path, 1, 1, ex->id, sizeof ex->id, NULL, e)) != HIP_OK ||
        (st = hip__jr_str(v, "name", path, 1, 1, ex->name, sizeof ex->name, NULL, e)) != HIP_OK ||
        (st = hip__jr_str(v, "base", path, 0, 0, ex->base_id, sizeof ex->base_id, "", e)) != HIP_OK ||
        (st = hip__jr_str(v, "code", path, 0, 0, ex->code, sizeof ex->code, "", e)) != HIP_OK ||
        (st = read_categories(v, path, &ex->categories, e)) != HIP_OK ||
        (st = hip__jr_str(v, "muscles", path, 0, 0, ex->muscles, sizeof ex->muscles, "", e)) != HIP_OK ||
        (st = hip__jr_str(v, "position", path, 0, 0, ex->position, sizeof ex->position, "", e)) != HIP_OK ||
        (st = hip__jr_enum(v, "sidedness", path, 0, hip__sidedness_names, COUNT_OF(hip__sidedness_names), 0, &side, e)) != HIP_OK ||
        (st = read_dose(v, path, &ex->dose, e)) != HIP_OK ||
        (st = read_motion(v, path, &ex->motion, e)) != HIP_OK)
        return st;
    ex->sidedness = (hip_sidedness)side;
    if (!ex->base_id[0]) memcpy(ex->base_id, ex->id, sizeof ex->id);
    st = hip__exercise_validate(ex, path, e);
    if (st != HIP_OK) e->status = st = HIP_ERR_FORMAT;   /* in a document, a bad field is a format error */
    return st;
}

/* Staged exercises and the combined edge list, checked before anything touches the catalog. */
typedef struct staging {
    hip_exercise *ex;
    size_t n;
    hip_progression_edge *edges;   /* the catalog's edges followed by the new ones */
    size_t n_edges;
} staging;

static int known_id(const hip_catalog *c, const staging *s, const char *id)
{
    return hip__exercise_index(c->exercises, c->count, id) >= 0 ||
           hip__exercise_index(s->ex, s->n, id) >= 0;
}

static hip_status stage_exercises(hip_catalog *c, const hip__json *arr, staging *s)
{
    char p[HIP__PATH_CAP];
    for (size_t i = 0; i < arr->count; i++) {
        hip__jr_path_index(p, "exercises", i);
        hip_exercise ex;
        hip_status st = read_exercise(&arr->items[i], p, &ex, &c->err);
        if (st != HIP_OK) return st;
        long have = hip__exercise_index(c->exercises, c->count, ex.id);
        if (have >= 0) {
            if (hip__exercise_equal(&c->exercises[have], &ex)) continue;
            return hip__seterr(&c->err, HIP_ERR_EXISTS,
                               "%s.id: \"%s\" already exists with different content", p, ex.id);
        }
        if (hip__exercise_index(s->ex, s->n, ex.id) >= 0)
            return hip__seterr(&c->err, HIP_ERR_FORMAT, "%s.id: \"%s\" appears twice", p, ex.id);
        s->ex[s->n++] = ex;
    }
    /* Bases may refer to exercises later in the document. */
    for (size_t i = 0; i < s->n; i++)
        if (!known_id(c, s, s->ex[i].base_id))
            return hip__seterr(&c->err, HIP_ERR_FORMAT, "exercise \"%s\": base \"%s\" does not exist",
                               s->ex[i].id, s->ex[i].base_id);
    return HIP_OK;
}

static hip_status stage_edges(hip_catalog *c, const hip__json *arr, staging *s)
{
    static const char *const keys[] = {"easier", "harder", "change", NULL};
    char p[HIP__PATH_CAP];
    for (size_t i = 0; arr && i < arr->count; i++) {
        hip__jr_path_index(p, "progressions", i);
        hip_progression_edge e;
        memset(&e, 0, sizeof e);
        int change;
        hip_status st;
        const hip__json *v = &arr->items[i];
        if ((st = hip__jr_object(v, p, keys, &c->err)) != HIP_OK ||
            (st = hip__jr_str(v, "easier", p, 1, 1, e.easier_id, sizeof e.easier_id, NULL, &c->err)) != HIP_OK ||
            (st = hip__jr_str(v, "harder", p, 1, 1, e.harder_id, sizeof e.harder_id, NULL, &c->err)) != HIP_OK ||
            (st = hip__jr_enum(v, "change", p, 1, hip__change_names, COUNT_OF(hip__change_names), 0, &change, &c->err)) != HIP_OK)
            return st;
        e.change = (hip_change)change;
        if (!known_id(c, s, e.easier_id) || !known_id(c, s, e.harder_id))
            return hip__seterr(&c->err, HIP_ERR_FORMAT, "%s: \"%s\" -> \"%s\" names an unknown exercise",
                               p, e.easier_id, e.harder_id);
        size_t k = 0;
        while (k < s->n_edges && !(strcmp(s->edges[k].easier_id, e.easier_id) == 0 &&
                                   strcmp(s->edges[k].harder_id, e.harder_id) == 0))
            k++;
        if (k < s->n_edges) {
            if (s->edges[k].change == e.change) continue;
            return hip__seterr(&c->err, HIP_ERR_EXISTS, "%s: edge already exists with change \"%s\"",
                               p, hip__change_names[s->edges[k].change]);
        }
        if (hip__edges_would_cycle(s->edges, s->n_edges, e.easier_id, e.harder_id))
            return hip__seterr(&c->err, HIP_ERR_FORMAT, "%s: \"%s\" -> \"%s\" makes the graph cyclic",
                               p, e.easier_id, e.harder_id);
        s->edges[s->n_edges++] = e;
    }
    return HIP_OK;
}

static hip_status import_doc(hip_catalog *c, const hip__json *root, staging *s)
{
    static const char *const keys[] = {"format", "version", "exercises", "progressions", NULL};
    hip_status st;
    if ((st = hip__jr_header(root, "hiptrack.catalog", HIP__CATALOG_VERSION, NULL, &c->err)) != HIP_OK ||
        (st = hip__jr_object(root, "", keys, &c->err)) != HIP_OK)
        return st;
    const hip__json *exs = hip__json_get(root, "exercises");
    const hip__json *prog = hip__json_get(root, "progressions");
    if (!exs) return hip__seterr(&c->err, HIP_ERR_FORMAT, "exercises: missing");
    if ((st = hip__jr_array(exs, "exercises", HIP__CATALOG_MAX_ITEMS, &c->err)) != HIP_OK ||
        (prog && (st = hip__jr_array(prog, "progressions", HIP__CATALOG_MAX_ITEMS, &c->err)) != HIP_OK))
        return st;
    size_t n_prog = prog ? prog->count : 0;
    s->ex = hip__calloc(&c->alloc, exs->count + 1, sizeof *s->ex);
    s->edges = hip__calloc(&c->alloc, c->edge_count + n_prog + 1, sizeof *s->edges);
    if (!s->ex || !s->edges) return hip__seterr(&c->err, HIP_ERR_NOMEM, "out of memory");
    if (c->edge_count) memcpy(s->edges, c->edges, c->edge_count * sizeof *s->edges);
    s->n_edges = c->edge_count;
    if ((st = stage_exercises(c, exs, s)) != HIP_OK || (st = stage_edges(c, prog, s)) != HIP_OK)
        return st;
    if ((st = hip__catalog_reserve(c, s->n, s->n_edges - c->edge_count)) != HIP_OK) return st;
    /* Nothing can fail from here on. */
    if (s->n) memcpy(c->exercises + c->count, s->ex, s->n * sizeof *s->ex);
    c->count += s->n;
    memcpy(c->edges + c->edge_count, s->edges + c->edge_count,
           (s->n_edges - c->edge_count) * sizeof *s->edges);
    c->edge_count = s->n_edges;
    return HIP_OK;
}

hip_status hip_catalog_import_json(hip_catalog *c, const char *json, size_t len)
{
    if (!c) return HIP_ERR_INVALID;
    hip__clearerr(&c->err);
    if (!json) return hip__seterr(&c->err, HIP_ERR_INVALID, "json is NULL");
    hip__json_doc *doc = NULL;
    hip_status st = hip__jr_parse(&c->alloc, json, len, &doc, &c->err);
    if (st != HIP_OK) return st;
    staging s;
    memset(&s, 0, sizeof s);
    st = import_doc(c, hip__json_root(doc), &s);
    hip__free(&c->alloc, s.ex);
    hip__free(&c->alloc, s.edges);
    hip__json_free(doc);
    return st;
}

static void write_range(hip__jw *w, const char *key, double lo, double hi)
{
    hip__jw_key(w, key);
    if (lo == hi) {
        hip__jw_number(w, lo);
        return;
    }
    hip__jw_begin_array(w);
    hip__jw_number(w, lo);
    hip__jw_number(w, hi);
    hip__jw_end_array(w);
}

static void write_exercise(hip__jw *w, const hip_exercise *ex)
{
    hip__jw_begin_object(w);
    hip__jw_key(w, "id"); hip__jw_string(w, ex->id);
    hip__jw_key(w, "name"); hip__jw_string(w, ex->name);
    hip__jw_key(w, "base"); hip__jw_string(w, ex->base_id);
    hip__jw_key(w, "code"); hip__jw_string(w, ex->code);
    hip__jw_key(w, "categories");
    hip__jw_begin_array(w);
    for (size_t k = 0; k < COUNT_OF(hip__category_names); k++)
        if (ex->categories & (1u << k)) hip__jw_string(w, hip__category_names[k]);
    hip__jw_end_array(w);
    hip__jw_key(w, "muscles"); hip__jw_string(w, ex->muscles);
    hip__jw_key(w, "position"); hip__jw_string(w, ex->position);
    hip__jw_key(w, "sidedness"); hip__jw_string(w, hip_sidedness_name(ex->sidedness));
    const hip_dose *d = &ex->dose;
    hip__jw_key(w, "dose");
    hip__jw_begin_object(w);
    write_range(w, "sets", d->sets_min, d->sets_max);
    write_range(w, "reps", d->reps_min, d->reps_max);
    write_range(w, "hold_s", d->hold_s_min, d->hold_s_max);
    write_range(w, "duration_s", d->duration_s_min, d->duration_s_max);
    hip__jw_key(w, "rest_s"); hip__jw_number(w, d->rest_s);
    hip__jw_end_object(w);
    const hip_motion_profile *m = &ex->motion;
    hip__jw_key(w, "motion");
    hip__jw_begin_object(w);
    hip__jw_key(w, "segment"); hip__jw_string(w, hip_segment_name(m->segment));
    hip__jw_key(w, "motion"); hip__jw_string(w, hip_motion_name(m->motion));
    hip__jw_key(w, "plane"); hip__jw_string(w, hip_plane_name(m->plane));
    hip__jw_key(w, "count"); hip__jw_string(w, hip_count_kind_name(m->count));
    write_range(w, "excursion_deg", m->excursion_deg_min, m->excursion_deg_max);
    write_range(w, "travel_cm", m->travel_cm_min, m->travel_cm_max);
    write_range(w, "rep_s", m->rep_s_min, m->rep_s_max);
    write_range(w, "hold_s", m->hold_s_min, m->hold_s_max);
    hip__jw_end_object(w);
    hip__jw_end_object(w);
}

hip_status hip_catalog_export_json(const hip_catalog *c, int custom_only, char *buf, size_t cap,
                                   size_t *len_out)
{
    if (!c || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.catalog");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, HIP__CATALOG_VERSION);
    hip__jw_key(&w, "exercises");
    hip__jw_begin_array(&w);
    for (size_t i = 0; i < c->count; i++)
        if (!(custom_only && c->exercises[i].builtin)) write_exercise(&w, &c->exercises[i]);
    hip__jw_end_array(&w);
    hip__jw_key(&w, "progressions");
    hip__jw_begin_array(&w);
    for (size_t i = custom_only ? c->builtin_edge_count : 0; i < c->edge_count; i++) {
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "easier"); hip__jw_string(&w, c->edges[i].easier_id);
        hip__jw_key(&w, "harder"); hip__jw_string(&w, c->edges[i].harder_id);
        hip__jw_key(&w, "change"); hip__jw_string(&w, hip_change_name(c->edges[i].change));
        hip__jw_end_object(&w);
    }
    hip__jw_end_array(&w);
    hip__jw_end_object(&w);
    return hip__jw_result(&w, len_out);
}
