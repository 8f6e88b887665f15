/* Normal values, comparisons and the history of assessments over time. */
#include "assess_internal.h"

#include <math.h>
#include <string.h>

#include "alloc.h"

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

struct hip_assess_history {
    hip_allocator alloc;
    hip__error err;
    hip_assess_result *items;
    size_t n, cap;
};

static const char *const band_names[3] = {"within_normal", "reduced", "markedly_reduced"};

const char *hip_rom_band_name(hip_rom_band b) { return (unsigned)b < 3 ? band_names[b] : "unknown"; }

static void copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

void hip_rom_normals_aaos(hip_rom_normals *out)
{
    if (!out) return;
    static const double v[HIPTRACK_ROM_MOTIONS] = {120, 30, 45, 30, 45, 45, 135};
    memset(out, 0, sizeof *out);
    memcpy(out->normal_deg, v, sizeof v);
    copy_text(out->source, sizeof out->source,
              "AAOS (CLINICAL.md 4 [S*]); knee flexion 135 from the AAOS table, not in CLINICAL.md");
    out->within_pct = 90;
    out->reduced_pct = 70;
}

void hip_rom_normals_conservative(hip_rom_normals *out)
{
    if (!out) return;
    hip_rom_normals_aaos(out);
    out->normal_deg[HIP_ROM_EXTENSION] = 10;
    out->normal_deg[HIP_ROM_INTERNAL_ROTATION] = 30;
    out->normal_deg[HIP_ROM_EXTERNAL_ROTATION] = 40;
    copy_text(out->source, sizeof out->source,
              "lower ends of other goniometry texts (CLINICAL.md 4 [S*]): extension 10, IR 30, ER 40; others AAOS");
}

hip_status hip_assess_compare_normal(const hip_assess_result *r, const hip_rom_normals *n,
                                     hip_rom_comparison *out)
{
    if (!r || !n || !out) return HIP_ERR_INVALID;
    if ((unsigned)r->motion >= HIPTRACK_ROM_MOTIONS || !(r->range_deg >= 0 && r->range_deg <= 360))
        return HIP_ERR_INVALID;
    double normal = n->normal_deg[r->motion];
    if (!(normal > 0 && normal <= 360)) return HIP_ERR_RANGE;
    if (!(n->reduced_pct >= 0 && n->reduced_pct <= n->within_pct && n->within_pct <= 200)) return HIP_ERR_RANGE;
    out->pct_of_normal = r->range_deg / normal * 100.0;
    out->deficit_deg = normal - r->range_deg;
    out->band = out->pct_of_normal >= n->within_pct  ? HIP_ROM_WITHIN_NORMAL
                : out->pct_of_normal >= n->reduced_pct ? HIP_ROM_REDUCED
                                                       : HIP_ROM_MARKEDLY_REDUCED;
    return HIP_OK;
}

hip_status hip_assess_compare(const hip_assess_result *earlier, const hip_assess_result *later,
                              double *change_deg_out)
{
    if (!earlier || !later || !change_deg_out) return HIP_ERR_INVALID;
    if (earlier->motion != later->motion || earlier->side != later->side) return HIP_ERR_INVALID;
    if (!(fabs(earlier->range_deg) <= 360) || !(fabs(later->range_deg) <= 360)) return HIP_ERR_RANGE;
    *change_deg_out = later->range_deg - earlier->range_deg;
    return HIP_OK;
}

static hip_status check_deg(const char *path, const char *field, double v, double lo, double hi, hip__error *e)
{
    if (!(v >= lo && v <= hi))
        return hip__seterr(e, HIP_ERR_INVALID, "%s%s%s: expected a number %d..%d", path, *path ? "." : "", field,
                           (int)lo, (int)hi);
    return HIP_OK;
}

hip_status hip__assess_result_validate(const hip_assess_result *r, const char *path, hip__error *e)
{
    const char *dot = *path ? "." : "";
    if ((unsigned)r->motion >= HIPTRACK_ROM_MOTIONS)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%smotion: unknown", path, dot);
    if ((unsigned)r->side > HIP_ASSESS_RIGHT) return hip__seterr(e, HIP_ERR_INVALID, "%s%sside: unknown", path, dot);
    if ((unsigned)r->source > HIP_ASSESS_SOURCE_POSE)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%ssource: unknown", path, dot);
    if ((unsigned)r->posture > HIP_ASSESS_SIDE_LYING)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%sposture: unknown", path, dot);
    if (r->day < 0 || r->day > 2932896)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%sday: expected a day number 0..2932896", path, dot);
    hip_status st;
    if ((st = check_deg(path, "start_deg", r->start_deg, -360, 360, e)) != HIP_OK ||
        (st = check_deg(path, "max_deg", r->max_deg, -360, 360, e)) != HIP_OK ||
        (st = check_deg(path, "range_deg", r->range_deg, 0, 360, e)) != HIP_OK ||
        (st = check_deg(path, "duration_s", r->duration_s, 0, 3600, e)) != HIP_OK ||
        (st = check_deg(path, "out_of_plane_deg", r->out_of_plane_deg, 0, 360, e)) != HIP_OK ||
        (st = check_deg(path, "thigh_rotation_deg", r->thigh_rotation_deg, 0, 360, e)) != HIP_OK ||
        (st = check_deg(path, "trunk_lean_deg", r->trunk_lean_deg, 0, 360, e)) != HIP_OK ||
        (st = check_deg(path, "pelvic_drop_deg", r->pelvic_drop_deg, 0, 360, e)) != HIP_OK ||
        (st = check_deg(path, "quality", r->quality, 0, 1, e)) != HIP_OK)
        return st;
    if (fabs(r->max_deg - r->start_deg - r->range_deg) > 0.01)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%srange_deg: expected max_deg - start_deg", path, dot);
    if (r->compensations & ~15u)
        return hip__seterr(e, HIP_ERR_INVALID, "%s%scompensations: unknown flags", path, dot);
    return HIP_OK;
}

void hip_assess_history_config_init(hip_assess_history_config *c)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
}

hip_status hip_assess_history_create(const hip_assess_history_config *c, hip_assess_history **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_assess_history_config d;
    if (!c) {
        hip_assess_history_config_init(&d);
        c = &d;
    }
    if (c->struct_size < sizeof(hip_assess_history_config) || !hip__alloc_valid(&c->allocator))
        return HIP_ERR_INVALID;
    hip_assess_history *h = hip__calloc(&c->allocator, 1, sizeof *h);
    if (!h) return HIP_ERR_NOMEM;
    h->alloc = c->allocator;
    *out = h;
    return HIP_OK;
}

void hip_assess_history_destroy(hip_assess_history *h)
{
    if (!h) return;
    hip_allocator a = h->alloc;
    hip__free(&a, h->items);
    hip__free(&a, h);
}

const char *hip_assess_history_last_error(const hip_assess_history *h) { return h ? hip__errmsg(&h->err) : ""; }

hip_status hip_assess_history_add(hip_assess_history *h, const hip_assess_result *r)
{
    if (!h) return HIP_ERR_INVALID;
    hip__clearerr(&h->err);
    if (!r) return hip__seterr(&h->err, HIP_ERR_INVALID, "result is NULL");
    hip_status st = hip__assess_result_validate(r, "result", &h->err);
    if (st != HIP_OK) return st;
    void *items = h->items;
    if (!hip__grow(&h->alloc, &items, &h->cap, h->n + 1, sizeof *h->items))
        return hip__seterr(&h->err, HIP_ERR_NOMEM, "out of memory");
    h->items = items;
    size_t at = h->n;
    while (at > 0 && h->items[at - 1].day > r->day) at--;
    memmove(h->items + at + 1, h->items + at, (h->n - at) * sizeof *h->items);
    h->items[at] = *r;
    h->n++;
    return HIP_OK;
}

size_t hip_assess_history_count(const hip_assess_history *h) { return h ? h->n : 0; }

hip_status hip_assess_history_at(const hip_assess_history *h, size_t i, hip_assess_result *out)
{
    if (!h || !out) return HIP_ERR_INVALID;
    if (i >= h->n) return HIP_ERR_RANGE;
    *out = h->items[i];
    return HIP_OK;
}

static long find(const hip_assess_history *h, hip_rom_motion m, hip_assess_side s, int32_t day, int first)
{
    long found = -1;
    for (size_t i = 0; i < h->n && h->items[i].day <= day; i++)
        if (h->items[i].motion == m && h->items[i].side == s) {
            found = (long)i;
            if (first) break;
        }
    return found;
}

hip_status hip_assess_history_latest(const hip_assess_history *h, hip_rom_motion m, hip_assess_side s,
                                     int32_t day, hip_assess_result *out)
{
    if (!h || !out) return HIP_ERR_INVALID;
    long i = find(h, m, s, day, 0);
    if (i < 0) return HIP_ERR_NOT_FOUND;
    *out = h->items[i];
    return HIP_OK;
}

hip_status hip_assess_history_change(const hip_assess_history *h, hip_rom_motion m, hip_assess_side s,
                                     int32_t day, double *change_deg_out)
{
    if (!h || !change_deg_out) return HIP_ERR_INVALID;
    long a = find(h, m, s, day, 1), b = find(h, m, s, day, 0);
    if (a < 0 || a == b) return HIP_ERR_NOT_FOUND;
    *change_deg_out = h->items[b].range_deg - h->items[a].range_deg;
    return HIP_OK;
}

void hip__assess_history_swap(hip_assess_history *h, hip_assess_result **items, size_t *n, size_t *cap)
{
    hip_assess_result *oi = h->items;
    size_t on = h->n, oc = h->cap;
    h->items = *items;
    h->n = *n;
    h->cap = *cap;
    *items = oi;
    *n = on;
    *cap = oc;
}

hip__error *hip__assess_history_err(hip_assess_history *h) { return &h->err; }
const hip_allocator *hip__assess_history_alloc(const hip_assess_history *h) { return &h->alloc; }
const hip_assess_result *hip__assess_history_items(const hip_assess_history *h, size_t *n)
{
    *n = h->n;
    return h->items;
}
