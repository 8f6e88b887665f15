/* The assessment history's JSON form:
 * {"format": "hiptrack.assessment", "version": 1, "assessments": [{...}, ...]}, oldest first.
 * An import replaces the whole history, or changes nothing. */
#include "assess_internal.h"

#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

#define HIP__ASSESS_FORMAT_VERSION 1
#define HIP__ASSESS_MAX 100000

static const char *const comp_names[4] = {"out_of_plane", "thigh_rotation", "trunk_lean", "pelvic_drop"};

static hip_status read_comps(const hip__json *v, const char *path, uint32_t *out, hip__error *e)
{
    const hip__json *c = hip__json_get(v, "compensations");
    *out = 0;
    if (!c) return HIP_OK;
    char p[HIP__PATH_CAP], ip[HIP__PATH_CAP];
    hip__jr_path_key(p, path, "compensations");
    hip_status st = hip__jr_array(c, p, 4, e);
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < c->count; i++) {
        const hip__json *it = &c->items[i];
        hip__jr_path_index(ip, p, i);
        int k = -1;
        if (it->type == HIP__JSON_STRING)
            for (int j = 0; j < 4; j++)
                if (strlen(it->str) == it->len && strcmp(it->str, comp_names[j]) == 0) k = j;
        if (k < 0)
            return hip__seterr(e, HIP_ERR_FORMAT,
                               "%s: expected \"out_of_plane\", \"thigh_rotation\", \"trunk_lean\" or \"pelvic_drop\"", ip);
        if (*out & (1u << k)) return hip__seterr(e, HIP_ERR_FORMAT, "%s: appears twice", ip);
        *out |= 1u << k;
    }
    return HIP_OK;
}

static hip_status read_one(const hip__json *v, const char *path, hip_assess_result *r, hip__error *e)
{
    static const char *const keys[] = {"motion", "side", "source", "posture", "date", "start_deg", "max_deg",
                                       "range_deg", "duration_s", "compensations", "out_of_plane_deg",
                                       "thigh_rotation_deg", "trunk_lean_deg", "pelvic_drop_deg", "quality",
                                       NULL};
    memset(r, 0, sizeof *r);
    int motion, side, source, posture;
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "motion", path, 1, hip__rom_motion_names, HIPTRACK_ROM_MOTIONS, 0, &motion, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "side", path, 1, hip__assess_side_names, 2, 0, &side, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "source", path, 1, hip__assess_source_names, 2, 0, &source, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "posture", path, 0, hip__assess_posture_names, 5, 0, &posture, e)) != HIP_OK ||
        (st = hip__jr_date(v, "date", path, 1, &r->day, e)) != HIP_OK ||
        (st = hip__jr_num(v, "start_deg", path, 1, -360, 360, 0, &r->start_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "max_deg", path, 1, -360, 360, 0, &r->max_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "range_deg", path, 1, 0, 360, 0, &r->range_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "duration_s", path, 0, 0, 3600, 0, &r->duration_s, e)) != HIP_OK ||
        (st = read_comps(v, path, &r->compensations, e)) != HIP_OK ||
        (st = hip__jr_num(v, "out_of_plane_deg", path, 0, 0, 360, 0, &r->out_of_plane_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "thigh_rotation_deg", path, 0, 0, 360, 0, &r->thigh_rotation_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "trunk_lean_deg", path, 0, 0, 360, 0, &r->trunk_lean_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "pelvic_drop_deg", path, 0, 0, 360, 0, &r->pelvic_drop_deg, e)) != HIP_OK ||
        (st = hip__jr_num(v, "quality", path, 0, 0, 1, 1, &r->quality, e)) != HIP_OK)
        return st;
    r->motion = (hip_rom_motion)motion;
    r->side = (hip_assess_side)side;
    r->source = (hip_assess_source)source;
    r->posture = (hip_assess_posture)posture;
    st = hip__assess_result_validate(r, path, e);
    if (st != HIP_OK) e->status = st = HIP_ERR_FORMAT;
    return st;
}

hip_status hip_assess_history_import_json(hip_assess_history *h, const char *json, size_t len)
{
    if (!h) return HIP_ERR_INVALID;
    hip__error *e = hip__assess_history_err(h);
    const hip_allocator *a = hip__assess_history_alloc(h);
    hip__clearerr(e);
    if (!json) return hip__seterr(e, HIP_ERR_INVALID, "json is NULL");
    hip__json_doc *doc = NULL;
    hip_status st = hip__jr_parse(a, json, len, &doc, e);
    if (st != HIP_OK) return st;
    static const char *const keys[] = {"format", "version", "assessments", NULL};
    const hip__json *root = hip__json_root(doc), *list = NULL;
    hip_assess_result *items = NULL;
    size_t n = 0, cap = 0;
    if ((st = hip__jr_header(root, "hiptrack.assessment", HIP__ASSESS_FORMAT_VERSION, NULL, e)) != HIP_OK ||
        (st = hip__jr_object(root, "", keys, e)) != HIP_OK)
        goto out;
    list = hip__json_get(root, "assessments");
    if (!list) {
        st = hip__seterr(e, HIP_ERR_FORMAT, "assessments: missing");
        goto out;
    }
    if ((st = hip__jr_array(list, "assessments", HIP__ASSESS_MAX, e)) != HIP_OK) goto out;
    cap = list->count + 1;
    items = hip__calloc(a, cap, sizeof *items);
    if (!items) {
        st = hip__seterr(e, HIP_ERR_NOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < list->count; i++) {
        char path[HIP__PATH_CAP];
        hip__jr_path_index(path, "assessments", i);
        if ((st = read_one(&list->items[i], path, &items[i], e)) != HIP_OK) goto out;
        if (i > 0 && items[i].day < items[i - 1].day) {
            st = hip__seterr(e, HIP_ERR_FORMAT, "%s.date: before the previous assessment's (oldest first)", path);
            goto out;
        }
        n++;
    }
    hip__assess_history_swap(h, &items, &n, &cap);
out:
    hip__free(a, items);
    hip__json_free(doc);
    return st;
}

hip_status hip_assess_history_export_json(const hip_assess_history *h, char *buf, size_t cap, size_t *len_out)
{
    if (!h || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    size_t n;
    const hip_assess_result *items = hip__assess_history_items(h, &n);
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.assessment");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, HIP__ASSESS_FORMAT_VERSION);
    hip__jw_key(&w, "assessments");
    hip__jw_begin_array(&w);
    for (size_t i = 0; i < n; i++) {
        const hip_assess_result *r = &items[i];
        char date[HIPTRACK_DATE_CAP];
        hip_date_format(r->day, date, sizeof date);
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "motion"); hip__jw_string(&w, hip_rom_motion_name(r->motion));
        hip__jw_key(&w, "side"); hip__jw_string(&w, hip_assess_side_name(r->side));
        hip__jw_key(&w, "source"); hip__jw_string(&w, hip_assess_source_name(r->source));
        hip__jw_key(&w, "posture"); hip__jw_string(&w, hip_assess_posture_name(r->posture));
        hip__jw_key(&w, "date"); hip__jw_string(&w, date);
        hip__jw_key(&w, "start_deg"); hip__jw_number(&w, r->start_deg);
        hip__jw_key(&w, "max_deg"); hip__jw_number(&w, r->max_deg);
        hip__jw_key(&w, "range_deg"); hip__jw_number(&w, r->range_deg);
        hip__jw_key(&w, "duration_s"); hip__jw_number(&w, r->duration_s);
        hip__jw_key(&w, "compensations");
        hip__jw_begin_array(&w);
        for (int k = 0; k < 4; k++)
            if (r->compensations & (1u << k)) hip__jw_string(&w, comp_names[k]);
        hip__jw_end_array(&w);
        hip__jw_key(&w, "out_of_plane_deg"); hip__jw_number(&w, r->out_of_plane_deg);
        hip__jw_key(&w, "thigh_rotation_deg"); hip__jw_number(&w, r->thigh_rotation_deg);
        hip__jw_key(&w, "trunk_lean_deg"); hip__jw_number(&w, r->trunk_lean_deg);
        hip__jw_key(&w, "pelvic_drop_deg"); hip__jw_number(&w, r->pelvic_drop_deg);
        hip__jw_key(&w, "quality"); hip__jw_number(&w, r->quality);
        hip__jw_end_object(&w);
    }
    hip__jw_end_array(&w);
    hip__jw_end_object(&w);
    return hip__jw_result(&w, len_out);
}
