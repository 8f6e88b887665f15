/* Versioned prescriptions: drafts, commits and the date -> version lookup. */
#include "program_internal.h"

#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

const char *const hip__side_names[4] = {"both", "left", "right", "alternating"};

const char *hip_side_name(hip_side side)
{
    return (unsigned)side < 4 ? hip__side_names[side] : "unknown";
}

void hip_program_config_init(hip_program_config *config)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
}

hip_status hip_program_create(const hip_program_config *config, hip_program **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_program_config defaults;
    if (!config) {
        hip_program_config_init(&defaults);
        config = &defaults;
    }
    if (config->struct_size < sizeof(hip_program_config) || !hip__alloc_valid(&config->allocator))
        return HIP_ERR_INVALID;
    hip_program *p = hip__calloc(&config->allocator, 1, sizeof *p);
    if (!p) return HIP_ERR_NOMEM;
    p->alloc = config->allocator;
    *out = p;
    return HIP_OK;
}

void hip_program_destroy(hip_program *p)
{
    if (!p) return;
    hip_allocator a = p->alloc;
    hip__free(&a, p->versions);
    hip__free(&a, p->items);
    hip__free(&a, p->draft);
    hip__free(&a, p);
}

const char *hip_program_last_error(const hip_program *p) { return p ? hip__errmsg(&p->err) : ""; }

void hip_prescription_init(hip_prescription *p, const char *exercise_id)
{
    if (!p) return;
    memset(p, 0, sizeof *p);
    if (exercise_id) {
        size_t n = strlen(exercise_id);
        if (n >= sizeof p->exercise_id) n = sizeof p->exercise_id - 1;
        memcpy(p->exercise_id, exercise_id, n);
    }
    p->sets = 3;
    p->reps = 10;
    p->side = HIP_SIDE_BOTH;
    p->rest_s = 120;
    p->pain_ceiling = 5;
}

static hip_status check_num(const char *path, const char *field, double v, double lo, double hi,
                            hip__error *e)
{
    if (!(v >= lo && v <= hi))
        return hip__seterr(e, HIP_ERR_INVALID, "%s%s%s: expected a number %d..%d", path,
                           *path ? "." : "", field, (int)lo, (int)hi);
    return HIP_OK;
}

hip_status hip__prescription_validate(const hip_prescription *p, const char *path, hip__error *e)
{
    const char *sep = *path ? "." : "";
    if (!hip__terminated(p->exercise_id, sizeof p->exercise_id) || !hip__valid_id(p->exercise_id))
        return hip__seterr(e, HIP_ERR_INVALID, "%s%sexercise: expected an exercise id", path, sep);
    if (p->sets < 1 || p->sets > 20)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%ssets: expected an integer 1..20", path, sep);
    if (p->reps > 100)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%sreps: expected an integer 0..100", path, sep);
    if ((unsigned)p->side > HIP_SIDE_ALTERNATING)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%sside: unknown value %d", path, sep, (int)p->side);
    if (p->pain_ceiling < 0 || p->pain_ceiling > 10)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%spain_ceiling: expected an integer 0..10", path, sep);
    hip_status st;
    if ((st = check_num(path, "hold_s", p->hold_s, 0, 3600, e)) != HIP_OK ||
        (st = check_num(path, "tempo_s[0]", p->tempo_concentric_s, 0, 60, e)) != HIP_OK ||
        (st = check_num(path, "tempo_s[1]", p->tempo_eccentric_s, 0, 60, e)) != HIP_OK ||
        (st = check_num(path, "load_kg", p->load_kg, 0, 500, e)) != HIP_OK ||
        (st = check_num(path, "rest_s", p->rest_s, 0, 3600, e)) != HIP_OK)
        return st;
    if (p->reps == 0 && p->hold_s <= 0)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%sreps: 0 reps needs a hold_s > 0", path, sep);
    return HIP_OK;
}

long hip__prescription_find(const hip_prescription *list, size_t n, const hip_prescription *p,
                            long skip)
{
    for (size_t i = 0; i < n; i++)
        if ((long)i != skip && list[i].side == p->side &&
            strcmp(list[i].exercise_id, p->exercise_id) == 0)
            return (long)i;
    return -1;
}

hip_status hip_program_begin(hip_program *p, int32_t effective_day, uint32_t sessions_per_week,
                             const char *note)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    if (p->draft_open) return hip__seterr(&p->err, HIP_ERR_STATE, "a draft is already open");
    char date[HIPTRACK_DATE_CAP];
    if (hip_date_format(effective_day, date, sizeof date) != HIP_OK)
        return hip__seterr(&p->err, HIP_ERR_RANGE, "effective_day %ld is not a date in years 1..9999",
                           (long)effective_day);
    if (sessions_per_week < 1 || sessions_per_week > 14)
        return hip__seterr(&p->err, HIP_ERR_RANGE, "sessions_per_week: expected 1..14, got %u",
                           (unsigned)sessions_per_week);
    if (note && strlen(note) >= HIPTRACK_TEXT_CAP)
        return hip__seterr(&p->err, HIP_ERR_INVALID, "note: longer than %d bytes", HIPTRACK_TEXT_CAP - 1);
    const hip__version *last = p->n_versions ? &p->versions[p->n_versions - 1] : NULL;
    if (last && effective_day < last->info.effective_day) {
        char prev[HIPTRACK_DATE_CAP];
        hip_date_format(last->info.effective_day, prev, sizeof prev);
        return hip__seterr(&p->err, HIP_ERR_RANGE,
                           "effective date %s is before the latest version's (%s): history is not edited",
                           date, prev);
    }
    size_t n = last ? last->info.exercise_count : 0;
    if (!hip__grow(&p->alloc, (void **)&p->draft, &p->draft_cap, n, sizeof *p->draft))
        return hip__seterr(&p->err, HIP_ERR_NOMEM, "out of memory");
    if (n) memcpy(p->draft, p->items + last->first, n * sizeof *p->draft);
    p->n_draft = n;
    memset(&p->draft_info, 0, sizeof p->draft_info);
    p->draft_info.effective_day = effective_day;
    p->draft_info.sessions_per_week = sessions_per_week;
    if (note) memcpy(p->draft_info.note, note, strlen(note) + 1);
    p->draft_open = 1;
    return HIP_OK;
}

static hip_status need_draft(hip_program *p)
{
    if (!p->draft_open) return hip__seterr(&p->err, HIP_ERR_STATE, "no draft is open: call begin first");
    return HIP_OK;
}

static hip_status check_entry(hip_program *p, const hip_prescription *rx, long skip)
{
    if (!rx) return hip__seterr(&p->err, HIP_ERR_INVALID, "prescription is NULL");
    hip_status st = hip__prescription_validate(rx, "", &p->err);
    if (st != HIP_OK) return st;
    if (hip__prescription_find(p->draft, p->n_draft, rx, skip) >= 0)
        return hip__seterr(&p->err, HIP_ERR_EXISTS, "%s (side %s) is already in the draft",
                           rx->exercise_id, hip_side_name(rx->side));
    return HIP_OK;
}

hip_status hip_program_add(hip_program *p, const hip_prescription *rx)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    hip_status st;
    if ((st = need_draft(p)) != HIP_OK || (st = check_entry(p, rx, -1)) != HIP_OK) return st;
    if (p->n_draft >= 1000) return hip__seterr(&p->err, HIP_ERR_RANGE, "more than 1000 exercises");
    if (!hip__grow(&p->alloc, (void **)&p->draft, &p->draft_cap, p->n_draft + 1, sizeof *p->draft))
        return hip__seterr(&p->err, HIP_ERR_NOMEM, "out of memory");
    p->draft[p->n_draft++] = *rx;
    return HIP_OK;
}

hip_status hip_program_replace(hip_program *p, size_t index, const hip_prescription *rx)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    hip_status st = need_draft(p);
    if (st != HIP_OK) return st;
    if (index >= p->n_draft)
        return hip__seterr(&p->err, HIP_ERR_RANGE, "index %zu: the draft has %zu exercises", index,
                           p->n_draft);
    if ((st = check_entry(p, rx, (long)index)) != HIP_OK) return st;
    p->draft[index] = *rx;
    return HIP_OK;
}

hip_status hip_program_remove(hip_program *p, size_t index)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    hip_status st = need_draft(p);
    if (st != HIP_OK) return st;
    if (index >= p->n_draft)
        return hip__seterr(&p->err, HIP_ERR_RANGE, "index %zu: the draft has %zu exercises", index,
                           p->n_draft);
    memmove(p->draft + index, p->draft + index + 1, (p->n_draft - index - 1) * sizeof *p->draft);
    p->n_draft--;
    return HIP_OK;
}

hip_status hip_program_draft_count(const hip_program *p, size_t *count_out)
{
    if (!p || !count_out) return HIP_ERR_INVALID;
    if (!p->draft_open) return HIP_ERR_STATE;
    *count_out = p->n_draft;
    return HIP_OK;
}

hip_status hip_program_draft_at(const hip_program *p, size_t index, hip_prescription *out)
{
    if (!p || !out) return HIP_ERR_INVALID;
    if (!p->draft_open) return HIP_ERR_STATE;
    if (index >= p->n_draft) return HIP_ERR_RANGE;
    *out = p->draft[index];
    return HIP_OK;
}

hip_status hip_program_commit(hip_program *p)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    hip_status st = need_draft(p);
    if (st != HIP_OK) return st;
    if (p->n_draft == 0)
        return hip__seterr(&p->err, HIP_ERR_STATE, "the draft has no exercises");
    if (!hip__grow(&p->alloc, (void **)&p->versions, &p->versions_cap, p->n_versions + 1,
                   sizeof *p->versions) ||
        !hip__grow(&p->alloc, (void **)&p->items, &p->items_cap, p->n_items + p->n_draft,
                   sizeof *p->items))
        return hip__seterr(&p->err, HIP_ERR_NOMEM, "out of memory");
    hip__version *v = &p->versions[p->n_versions];
    v->info = p->draft_info;
    v->info.number = (uint32_t)p->n_versions + 1;
    v->info.exercise_count = p->n_draft;
    v->first = p->n_items;
    memcpy(p->items + p->n_items, p->draft, p->n_draft * sizeof *p->items);
    p->n_items += p->n_draft;
    p->n_versions++;
    p->draft_open = 0;
    p->n_draft = 0;
    return HIP_OK;
}

hip_status hip_program_discard(hip_program *p)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    hip_status st = need_draft(p);
    if (st != HIP_OK) return st;
    p->draft_open = 0;
    p->n_draft = 0;
    return HIP_OK;
}

size_t hip_program_version_count(const hip_program *p) { return p ? p->n_versions : 0; }

hip_status hip_program_version_at(const hip_program *p, size_t index, hip_program_version *out)
{
    if (!p || !out) return HIP_ERR_INVALID;
    if (index >= p->n_versions) return HIP_ERR_RANGE;
    *out = p->versions[index].info;
    return HIP_OK;
}

hip_status hip_program_exercise_at(const hip_program *p, size_t version_index, size_t index,
                                   hip_prescription *out)
{
    if (!p || !out) return HIP_ERR_INVALID;
    if (version_index >= p->n_versions) return HIP_ERR_RANGE;
    const hip__version *v = &p->versions[version_index];
    if (index >= v->info.exercise_count) return HIP_ERR_RANGE;
    *out = p->items[v->first + index];
    return HIP_OK;
}

hip_status hip_program_version_on(const hip_program *p, int32_t day, size_t *index_out)
{
    if (!p || !index_out) return HIP_ERR_INVALID;
    /* Effective days never decrease, so the answer is the last version not after day. */
    size_t lo = 0, hi = p->n_versions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->versions[mid].info.effective_day <= day) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return HIP_ERR_NOT_FOUND;
    *index_out = lo - 1;
    return HIP_OK;
}

hip_status hip_program_check(hip_program *p, const hip_catalog *catalog)
{
    if (!p) return HIP_ERR_INVALID;
    hip__clearerr(&p->err);
    if (!catalog) return hip__seterr(&p->err, HIP_ERR_INVALID, "catalog is NULL");
    hip_exercise ex;
    for (size_t v = 0; v < p->n_versions; v++)
        for (size_t i = 0; i < p->versions[v].info.exercise_count; i++) {
            const hip_prescription *rx = &p->items[p->versions[v].first + i];
            if (hip_catalog_find(catalog, rx->exercise_id, &ex) != HIP_OK)
                return hip__seterr(&p->err, HIP_ERR_NOT_FOUND,
                                   "versions[%zu].exercises[%zu].exercise: no exercise \"%s\" in the catalog",
                                   v, i, rx->exercise_id);
        }
    return HIP_OK;
}
