/* The exercise catalog: storage, lookups, validation of custom exercises, the progression graph. */
#include "catalog_internal.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "catalog_builtin.h"
#include "json_read.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

const char *const hip__category_names[7] = {"strength", "mobility", "stretch", "balance",
                                            "aerobic", "functional", "motor_control"};
const char *const hip__sidedness_names[4] = {"bilateral", "unilateral", "alternating", "none"};
const char *const hip__segment_names[7] = {"thigh", "shank", "pelvis", "trunk",
                                           "foot", "upper_arm", "forearm"};
const char *const hip__motion_names[11] = {
    "hip_flexion", "hip_extension", "hip_abduction", "hip_rotation", "knee_extension",
    "ankle_plantarflexion", "trunk_flexion", "static", "gait", "pedalling", "other"};
const char *const hip__plane_names[5] = {"sagittal", "frontal", "transverse", "combined", "none"};
const char *const hip__count_kind_names[3] = {"reps", "holds", "cycles"};
const char *const hip__change_names[6] = {"level", "support", "load", "lever", "range", "duration"};

static const char *name_of(const char *const *names, size_t count, int v)
{
    return v >= 0 && (size_t)v < count ? names[v] : "unknown";
}

const char *hip_category_name(hip_category category)
{
    for (size_t i = 0; i < COUNT_OF(hip__category_names); i++)
        if ((unsigned)category == 1u << i) return hip__category_names[i];
    return "unknown";
}
const char *hip_sidedness_name(hip_sidedness s) { return name_of(hip__sidedness_names, COUNT_OF(hip__sidedness_names), (int)s); }
const char *hip_segment_name(hip_segment s) { return name_of(hip__segment_names, COUNT_OF(hip__segment_names), (int)s); }
const char *hip_motion_name(hip_motion m) { return name_of(hip__motion_names, COUNT_OF(hip__motion_names), (int)m); }
const char *hip_plane_name(hip_plane p) { return name_of(hip__plane_names, COUNT_OF(hip__plane_names), (int)p); }
const char *hip_count_kind_name(hip_count_kind k) { return name_of(hip__count_kind_names, COUNT_OF(hip__count_kind_names), (int)k); }
const char *hip_change_name(hip_change c) { return name_of(hip__change_names, COUNT_OF(hip__change_names), (int)c); }

void hip_catalog_config_init(hip_catalog_config *config)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
    config->include_builtin = 1;
}

hip_status hip__catalog_reserve(hip_catalog *c, size_t more_exercises, size_t more_edges)
{
    if (!hip__grow(&c->alloc, (void **)&c->exercises, &c->cap, c->count + more_exercises,
                   sizeof *c->exercises) ||
        !hip__grow(&c->alloc, (void **)&c->edges, &c->edge_cap, c->edge_count + more_edges,
                   sizeof *c->edges))
        return hip__seterr(&c->err, HIP_ERR_NOMEM, "out of memory");
    return HIP_OK;
}

hip_status hip_catalog_create(const hip_catalog_config *config, hip_catalog **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_catalog_config defaults;
    if (!config) {
        hip_catalog_config_init(&defaults);
        config = &defaults;
    }
    if (config->struct_size < sizeof(hip_catalog_config) || !hip__alloc_valid(&config->allocator))
        return HIP_ERR_INVALID;
    hip_catalog *c = hip__calloc(&config->allocator, 1, sizeof *c);
    if (!c) return HIP_ERR_NOMEM;
    c->alloc = config->allocator;
    if (config->include_builtin) {
        if (hip__catalog_reserve(c, hip__builtin_exercise_count, hip__builtin_edge_count) != HIP_OK) {
            hip_catalog_destroy(c);
            return HIP_ERR_NOMEM;
        }
        memcpy(c->exercises, hip__builtin_exercises, hip__builtin_exercise_count * sizeof *c->exercises);
        memcpy(c->edges, hip__builtin_edges, hip__builtin_edge_count * sizeof *c->edges);
        c->count = hip__builtin_exercise_count;
        c->edge_count = hip__builtin_edge_count;
        c->builtin_edge_count = hip__builtin_edge_count;
    }
    *out = c;
    return HIP_OK;
}

void hip_catalog_destroy(hip_catalog *c)
{
    if (!c) return;
    hip_allocator a = c->alloc;
    hip__free(&a, c->exercises);
    hip__free(&a, c->edges);
    hip__free(&a, c);
}

const char *hip_catalog_last_error(const hip_catalog *c) { return c ? hip__errmsg(&c->err) : ""; }

size_t hip_catalog_count(const hip_catalog *c) { return c ? c->count : 0; }

long hip__exercise_index(const hip_exercise *exercises, size_t count, const char *id)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(exercises[i].id, id) == 0) return (long)i;
    return -1;
}

hip_status hip_catalog_at(const hip_catalog *c, size_t index, hip_exercise *out)
{
    if (!c || !out) return HIP_ERR_INVALID;
    if (index >= c->count) return HIP_ERR_RANGE;
    *out = c->exercises[index];
    return HIP_OK;
}

hip_status hip_catalog_find(const hip_catalog *c, const char *id, hip_exercise *out)
{
    if (!c || !id || !out) return HIP_ERR_INVALID;
    long i = hip__exercise_index(c->exercises, c->count, id);
    if (i < 0) return HIP_ERR_NOT_FOUND;
    *out = c->exercises[i];
    return HIP_OK;
}

void hip_exercise_init(hip_exercise *ex)
{
    if (!ex) return;
    memset(ex, 0, sizeof *ex);
    ex->categories = HIP_CATEGORY_STRENGTH;
    ex->sidedness = HIP_SIDEDNESS_BILATERAL;
    ex->dose.sets_min = 2;
    ex->dose.sets_max = 3;
    ex->dose.reps_min = 10;
    ex->dose.reps_max = 10;
    ex->dose.rest_s = 120;
    ex->motion.segment = HIP_SEGMENT_THIGH;
    ex->motion.motion = HIP_MOTION_OTHER;
    ex->motion.plane = HIP_PLANE_SAGITTAL;
    ex->motion.count = HIP_COUNT_REPS;
    ex->motion.excursion_deg_min = 20;
    ex->motion.excursion_deg_max = 90;
    ex->motion.rep_s_min = 1;
    ex->motion.rep_s_max = 6;
}

static hip_status check_range(const char *path, const char *field, double lo, double hi, double min,
                              double max, hip__error *e)
{
    if (!(min >= lo && max <= hi && min <= max))
        return hip__seterr(e, HIP_ERR_INVALID, "%s%s%s: expected %s_min <= %s_max within %d..%d",
                           path, *path ? "." : "", field, field, field, (int)lo, (int)hi);
    return HIP_OK;
}

static hip_status check_text(const char *path, const char *field, const char *buf, size_t cap,
                             int required, hip__error *e)
{
    if (!hip__terminated(buf, cap) || (required && !buf[0]))
        return hip__seterr(e, HIP_ERR_INVALID, "%s%s%s: expected %s text of at most %zu bytes",
                           path, *path ? "." : "", field, required ? "non-empty" : "", cap - 1);
    return HIP_OK;
}

hip_status hip__exercise_validate(const hip_exercise *ex, const char *path, hip__error *e)
{
    const char *sep = *path ? "." : "";
    hip_status st;
    if (!hip__terminated(ex->id, sizeof ex->id) || !hip__valid_id(ex->id))
        return hip__seterr(e, HIP_ERR_INVALID,
                           "%s%sid: expected 1..47 of a-z, 0-9, _ starting with a letter", path, sep);
    if (!hip__terminated(ex->base_id, sizeof ex->base_id) ||
        (ex->base_id[0] && !hip__valid_id(ex->base_id)))
        return hip__seterr(e, HIP_ERR_INVALID, "%s%sbase: expected an exercise id or \"\"", path, sep);
    if ((st = check_text(path, "name", ex->name, sizeof ex->name, 1, e)) != HIP_OK ||
        (st = check_text(path, "code", ex->code, sizeof ex->code, 0, e)) != HIP_OK ||
        (st = check_text(path, "muscles", ex->muscles, sizeof ex->muscles, 0, e)) != HIP_OK ||
        (st = check_text(path, "position", ex->position, sizeof ex->position, 0, e)) != HIP_OK)
        return st;
    if (ex->categories == 0 || (ex->categories >> COUNT_OF(hip__category_names)) != 0)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%scategories: expected at least one known category",
                           path, sep);
    if ((unsigned)ex->sidedness >= COUNT_OF(hip__sidedness_names))
        return hip__seterr(e, HIP_ERR_INVALID, "%s%ssidedness: unknown value", path, sep);
    char p[HIP__PATH_CAP];
    const hip_dose *d = &ex->dose;
    hip__jr_path_key(p, path, "dose");
    if ((st = check_range(p, "sets", 1, 20, d->sets_min, d->sets_max, e)) != HIP_OK ||
        (st = check_range(p, "reps", 0, 100, d->reps_min, d->reps_max, e)) != HIP_OK ||
        (st = check_range(p, "hold_s", 0, 3600, d->hold_s_min, d->hold_s_max, e)) != HIP_OK ||
        (st = check_range(p, "duration_s", 0, 86400, d->duration_s_min, d->duration_s_max, e)) != HIP_OK ||
        (st = check_range(p, "rest_s", 0, 3600, d->rest_s, d->rest_s, e)) != HIP_OK)
        return st;
    const hip_motion_profile *m = &ex->motion;
    hip__jr_path_key(p, path, "motion");
    if ((unsigned)m->segment >= COUNT_OF(hip__segment_names) ||
        (unsigned)m->motion >= COUNT_OF(hip__motion_names) ||
        (unsigned)m->plane >= COUNT_OF(hip__plane_names) ||
        (unsigned)m->count >= COUNT_OF(hip__count_kind_names))
        return hip__seterr(e, HIP_ERR_INVALID, "%s: segment, motion, plane or count out of range", p);
    if ((st = check_range(p, "excursion_deg", 0, 360, m->excursion_deg_min, m->excursion_deg_max, e)) != HIP_OK ||
        (st = check_range(p, "travel_cm", 0, 200, m->travel_cm_min, m->travel_cm_max, e)) != HIP_OK ||
        (st = check_range(p, "rep_s", 0, 600, m->rep_s_min, m->rep_s_max, e)) != HIP_OK ||
        (st = check_range(p, "hold_s", 0, 3600, m->hold_s_min, m->hold_s_max, e)) != HIP_OK)
        return st;
    if (m->count != HIP_COUNT_HOLDS &&
        (m->rep_s_max <= 0 || (m->excursion_deg_max <= 0 && m->travel_cm_max <= 0)))
        return hip__seterr(e, HIP_ERR_INVALID,
                           "%s: a counted movement needs rep_s_max > 0 and an excursion or travel", p);
    return HIP_OK;
}

int hip__exercise_equal(const hip_exercise *a, const hip_exercise *b)
{
    const hip_dose *da = &a->dose, *db = &b->dose;
    const hip_motion_profile *ma = &a->motion, *mb = &b->motion;
    return strcmp(a->id, b->id) == 0 && strcmp(a->name, b->name) == 0 &&
           strcmp(a->base_id, b->base_id) == 0 && strcmp(a->code, b->code) == 0 &&
           a->categories == b->categories && strcmp(a->muscles, b->muscles) == 0 &&
           strcmp(a->position, b->position) == 0 && a->sidedness == b->sidedness &&
           da->sets_min == db->sets_min && da->sets_max == db->sets_max &&
           da->reps_min == db->reps_min && da->reps_max == db->reps_max &&
           da->hold_s_min == db->hold_s_min && da->hold_s_max == db->hold_s_max &&
           da->duration_s_min == db->duration_s_min && da->duration_s_max == db->duration_s_max &&
           da->rest_s == db->rest_s && ma->segment == mb->segment && ma->motion == mb->motion &&
           ma->plane == mb->plane && ma->count == mb->count &&
           ma->excursion_deg_min == mb->excursion_deg_min &&
           ma->excursion_deg_max == mb->excursion_deg_max &&
           ma->travel_cm_min == mb->travel_cm_min && ma->travel_cm_max == mb->travel_cm_max &&
           ma->rep_s_min == mb->rep_s_min && ma->rep_s_max == mb->rep_s_max &&
           ma->hold_s_min == mb->hold_s_min && ma->hold_s_max == mb->hold_s_max;
}

/* Depth-first search from `from` along edges for `target`; the graph is small (tens of nodes), so
 * a bounded explicit stack of edge indices suffices and needs no allocation. */
static int reaches(const hip_progression_edge *edges, size_t count, const char *from,
                   const char *target)
{
    enum { STACK = 256 };
    const char *stack[STACK];
    size_t top = 0, steps = 0;
    stack[top++] = from;
    while (top > 0) {
        const char *node = stack[--top];
        if (strcmp(node, target) == 0) return 1;
        /* A DAG can still revisit nodes; the step bound keeps a pathological graph finite. */
        if (++steps > count * count + 1) return 1;
        for (size_t i = 0; i < count; i++) {
            if (strcmp(edges[i].easier_id, node) != 0) continue;
            if (top == STACK) return 1;   /* too deep to prove acyclic: refuse */
            stack[top++] = edges[i].harder_id;
        }
    }
    return 0;
}

int hip__edges_would_cycle(const hip_progression_edge *edges, size_t count, const char *easier,
                           const char *harder)
{
    return strcmp(easier, harder) == 0 || reaches(edges, count, harder, easier);
}

hip_status hip_catalog_add(hip_catalog *c, const hip_exercise *ex)
{
    if (!c) return HIP_ERR_INVALID;
    hip__clearerr(&c->err);
    if (!ex) return hip__seterr(&c->err, HIP_ERR_INVALID, "exercise is NULL");
    hip_status st = hip__exercise_validate(ex, "", &c->err);
    if (st != HIP_OK) return st;
    if (hip__exercise_index(c->exercises, c->count, ex->id) >= 0)
        return hip__seterr(&c->err, HIP_ERR_EXISTS, "id: exercise \"%s\" already exists", ex->id);
    if (ex->base_id[0] && strcmp(ex->base_id, ex->id) != 0 &&
        hip__exercise_index(c->exercises, c->count, ex->base_id) < 0)
        return hip__seterr(&c->err, HIP_ERR_NOT_FOUND, "base: no exercise \"%s\"", ex->base_id);
    if ((st = hip__catalog_reserve(c, 1, 0)) != HIP_OK) return st;
    hip_exercise *dst = &c->exercises[c->count++];
    *dst = *ex;
    if (!dst->base_id[0]) memcpy(dst->base_id, dst->id, sizeof dst->id);
    dst->builtin = 0;
    return HIP_OK;
}

static int edge_exists(const hip_catalog *c, const char *easier, const char *harder)
{
    for (size_t i = 0; i < c->edge_count; i++)
        if (strcmp(c->edges[i].easier_id, easier) == 0 && strcmp(c->edges[i].harder_id, harder) == 0)
            return 1;
    return 0;
}

hip_status hip_catalog_add_edge(hip_catalog *c, const char *easier_id, const char *harder_id,
                                hip_change change)
{
    if (!c) return HIP_ERR_INVALID;
    hip__clearerr(&c->err);
    if (!easier_id || !harder_id)
        return hip__seterr(&c->err, HIP_ERR_INVALID, "edge ids must not be NULL");
    if ((unsigned)change >= COUNT_OF(hip__change_names))
        return hip__seterr(&c->err, HIP_ERR_INVALID, "change: unknown value %d", (int)change);
    const char *ids[2] = {easier_id, harder_id};
    for (int i = 0; i < 2; i++)
        if (hip__exercise_index(c->exercises, c->count, ids[i]) < 0)
            return hip__seterr(&c->err, HIP_ERR_NOT_FOUND, "edge: no exercise \"%.47s\"", ids[i]);
    if (edge_exists(c, easier_id, harder_id))
        return hip__seterr(&c->err, HIP_ERR_EXISTS, "edge %s -> %s already exists", easier_id, harder_id);
    if (hip__edges_would_cycle(c->edges, c->edge_count, easier_id, harder_id))
        return hip__seterr(&c->err, HIP_ERR_INVALID, "edge %s -> %s would make the graph cyclic",
                           easier_id, harder_id);
    hip_status st = hip__catalog_reserve(c, 0, 1);
    if (st != HIP_OK) return st;
    hip_progression_edge *e = &c->edges[c->edge_count++];
    memset(e, 0, sizeof *e);
    memcpy(e->easier_id, easier_id, strlen(easier_id) + 1);
    memcpy(e->harder_id, harder_id, strlen(harder_id) + 1);
    e->change = change;
    return HIP_OK;
}

size_t hip_catalog_edge_count(const hip_catalog *c) { return c ? c->edge_count : 0; }

hip_status hip_catalog_edge_at(const hip_catalog *c, size_t index, hip_progression_edge *out)
{
    if (!c || !out) return HIP_ERR_INVALID;
    if (index >= c->edge_count) return HIP_ERR_RANGE;
    *out = c->edges[index];
    return HIP_OK;
}

/* The k-th neighbour of id along edges (harder: id is the easier end). */
static hip_status neighbour(const hip_catalog *c, const char *id, size_t k, int harder,
                            hip_exercise *out)
{
    if (!c || !id || !out) return HIP_ERR_INVALID;
    if (hip__exercise_index(c->exercises, c->count, id) < 0) return HIP_ERR_NOT_FOUND;
    for (size_t i = 0; i < c->edge_count; i++) {
        const hip_progression_edge *e = &c->edges[i];
        if (strcmp(harder ? e->easier_id : e->harder_id, id) != 0) continue;
        if (k-- == 0) return hip_catalog_find(c, harder ? e->harder_id : e->easier_id, out);
    }
    return HIP_DONE;
}

hip_status hip_catalog_harder(const hip_catalog *c, const char *id, size_t k, hip_exercise *out)
{
    return neighbour(c, id, k, 1, out);
}

hip_status hip_catalog_easier(const hip_catalog *c, const char *id, size_t k, hip_exercise *out)
{
    return neighbour(c, id, k, 0, out);
}
