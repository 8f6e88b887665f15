/* The pain log's JSON form: {"format": "hiptrack.painlog", "version": 1, "entries": [...]}. An
 * entry's instant and UTC offset travel together as RFC 3339 text ("2026-11-02T08:30:00+01:00"),
 * exact to the nanosecond and safe for readers whose numbers are doubles. An import replaces all
 * entries, or changes nothing. */
#include "painlog_internal.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

#define HIP__PAINLOG_VERSION 1

static int digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* Parses "YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|+HH:MM|-HH:MM)": 1 on success, 0 for bad text or an
 * instant outside int64 nanoseconds. */
int hip__pain_parse_time(const char *s, size_t len, int64_t *t_out, int32_t *offset_out)
{
    int hh, mi, ss, oh = 0, om = 0;
    int32_t day;
    if (len < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return 0;
    char date[HIPTRACK_DATE_CAP];
    memcpy(date, s, 10);
    date[10] = '\0';
    if (hip_date_parse(date, &day) != HIP_OK) return 0;
    if (!digits(s + 11, 2, &hh) || !digits(s + 14, 2, &mi) || !digits(s + 17, 2, &ss) || hh > 23 ||
        mi > 59 || ss > 59)
        return 0;
    size_t i = 19;
    int64_t frac = 0;
    if (s[i] == '.') {
        size_t k = 0;
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, k++) {
            if (k >= 9) return 0;
            frac = frac * 10 + (s[i] - '0');
        }
        if (k == 0) return 0;
        for (; k < 9; k++) frac *= 10;
    }
    if (i < len && s[i] == 'Z') {
        i++;
    } else if (i < len && (s[i] == '+' || s[i] == '-')) {
        if (len - i != 6 || s[i + 3] != ':' || !digits(s + i + 1, 2, &oh) || !digits(s + i + 4, 2, &om) ||
            om > 59)
            return 0;
        int sign = s[i] == '-' ? -1 : 1;
        i += 6;
        int off = sign * (oh * 60 + om);
        if (off < -HIPTRACK_PAIN_OFFSET_MAX || off > HIPTRACK_PAIN_OFFSET_MAX) return 0;
        oh = off;
    } else {
        return 0;
    }
    if (i != len) return 0;
    int64_t utc_s = (int64_t)day * 86400 + hh * 3600 + mi * 60 + ss - (int64_t)oh * 60;
    /* t = utc_s * 1e9 + frac without overflow. */
    int64_t t;
    if (utc_s >= 0) {
        if (utc_s > (INT64_MAX - frac) / HIP__PAINLOG_NS) return 0;
        t = utc_s * HIP__PAINLOG_NS + frac;
    } else {
        int64_t s1 = utc_s + (frac ? 1 : 0), rem = frac ? HIP__PAINLOG_NS - frac : 0;
        if (s1 < (INT64_MIN + rem) / HIP__PAINLOG_NS) return 0;
        t = s1 * HIP__PAINLOG_NS - rem;
    }
    *t_out = t;
    *offset_out = oh;
    return 1;
}

void hip__pain_format_time(int64_t t_ns, int32_t offset, char *buf)
{
    int64_t s, frac;
    hip__pain_split_ns(t_ns, &s, &frac);
    int64_t ls = s + (int64_t)offset * 60;
    int64_t d = ls / 86400, sod = ls % 86400;
    if (sod < 0) { sod += 86400; d--; }
    char date[HIPTRACK_DATE_CAP];
    if (hip_date_format((int32_t)d, date, sizeof date) != HIP_OK) memcpy(date, "0000-00-00", 11);
    int n = snprintf(buf, HIP__PAIN_TIME_CAP, "%sT%02d:%02d:%02d", date, (int)(sod / 3600),
                     (int)(sod % 3600 / 60), (int)(sod % 60));
    if (frac) {
        char f[10];
        snprintf(f, sizeof f, "%09ld", (long)frac);
        int k = 9;
        while (f[k - 1] == '0') k--;
        n += snprintf(buf + n, (size_t)(HIP__PAIN_TIME_CAP - n), ".%.*s", k, f);
    }
    int a = offset < 0 ? -offset : offset;
    snprintf(buf + n, (size_t)(HIP__PAIN_TIME_CAP - n), "%c%02d:%02d", offset < 0 ? '-' : '+', a / 60,
             a % 60);
}

static hip_status read_symptoms(const hip__json *v, const char *path, uint32_t *out, hip__error *e)
{
    const hip__json *a = hip__json_get(v, "symptoms");
    *out = 0;
    if (!a) return HIP_OK;
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    hip__jr_path_key(p, path, "symptoms");
    hip_status st = hip__jr_array(a, p, HIPTRACK_PAIN_SYMPTOM_COUNT, e);
    if (st != HIP_OK) return st;
    for (size_t i = 0; i < a->count; i++) {
        const hip__json *it = &a->items[i];
        hip__jr_path_index(q, p, i);
        unsigned k = 0;
        if (it->type == HIP__JSON_STRING && strlen(it->str) == it->len)
            while (k < HIPTRACK_PAIN_SYMPTOM_COUNT && strcmp(it->str, hip__pain_symptom_names[k]) != 0) k++;
        else
            k = HIPTRACK_PAIN_SYMPTOM_COUNT;
        if (k == HIPTRACK_PAIN_SYMPTOM_COUNT)
            return hip__seterr(e, HIP_ERR_FORMAT,
                               "%s: expected a symptom (stiffness, swelling, giving_way, clicking, "
                               "reduced_mobility, catching_locking, limp, weakness, numbness_tingling)", q);
        if (*out & (1u << k))
            return hip__seterr(e, HIP_ERR_FORMAT, "%s: \"%s\" appears twice", q, hip__pain_symptom_names[k]);
        *out |= 1u << k;
    }
    return HIP_OK;
}

static hip_status read_entry(const hip__json *v, const char *path, hip_pain_entry *en, hip__error *e)
{
    static const char *const keys[] = {"time", "nrs", "context", "location", "side", "symptoms",
                                       "time_of_day", "setting", "note", NULL};
    hip_pain_entry_init(en);
    char p[HIP__PATH_CAP];
    hip_status st;
    if ((st = hip__jr_object(v, path, keys, e)) != HIP_OK) return st;
    const hip__json *t = hip__json_get(v, "time");
    hip__jr_path_key(p, path, "time");
    if (!t) return hip__seterr(e, HIP_ERR_FORMAT, "%s: missing", p);
    if (t->type != HIP__JSON_STRING || !hip__pain_parse_time(t->str, t->len, &en->t_ns, &en->utc_offset_min))
        return hip__seterr(e, HIP_ERR_FORMAT,
                           "%s: expected RFC 3339 local time with offset (\"2026-11-02T08:30:00+01:00\"), "
                           "offset within 18:00", p);
    int64_t nrs;
    int ctx, loc, side, tod, setting;
    if ((st = hip__jr_int(v, "nrs", path, 1, 0, 10, 0, &nrs, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "context", path, 1, hip__pain_context_names, 7, 0, &ctx, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "location", path, 0, hip__pain_location_names, 9, 0, &loc, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "side", path, 0, hip__pain_side_names, 4, 0, &side, e)) != HIP_OK ||
        (st = read_symptoms(v, path, &en->symptoms, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "time_of_day", path, 0, hip__pain_tod_names, 5, 0, &tod, e)) != HIP_OK ||
        (st = hip__jr_enum(v, "setting", path, 0, hip__pain_setting_names, 5, 0, &setting, e)) != HIP_OK ||
        (st = hip__jr_str(v, "note", path, 0, 0, en->note, sizeof en->note, "", e)) != HIP_OK)
        return st;
    en->nrs = (int32_t)nrs;
    en->context = (hip_pain_context)ctx;
    en->location = (hip_pain_location)loc;
    en->side = (hip_pain_side)side;
    en->time_of_day = (hip_pain_time_of_day)tod;
    en->setting = (hip_pain_setting)setting;
    st = hip__pain_entry_validate(en, path, e);   /* cannot fail after the readers; kept as a guard */
    if (st != HIP_OK) e->status = st = HIP_ERR_FORMAT;
    return st;
}

static int less_time(const void *ctx, size_t a, size_t b)
{
    const hip_pain_entry *e = ctx;
    return e[a].t_ns < e[b].t_ns;
}

/* Memory of an import, released by the caller whatever happens. */
typedef struct staging {
    hip_pain_entry *staged, *entries;
    size_t *idx, *tmp, *order;
} staging;

static hip_status import_doc(hip_painlog *log, const hip__json *root, staging *g)
{
    static const char *const keys[] = {"format", "version", "entries", NULL};
    hip_status st;
    if ((st = hip__jr_header(root, "hiptrack.painlog", HIP__PAINLOG_VERSION, NULL, &log->err)) != HIP_OK ||
        (st = hip__jr_object(root, "", keys, &log->err)) != HIP_OK)
        return st;
    const hip__json *es = hip__json_get(root, "entries");
    if (!es) return hip__seterr(&log->err, HIP_ERR_FORMAT, "entries: missing");
    if ((st = hip__jr_array(es, "entries", HIP__PAINLOG_MAX_ENTRIES, &log->err)) != HIP_OK) return st;
    size_t n = es->count;
    g->staged = hip__calloc(&log->alloc, n + 1, sizeof *g->staged);
    g->entries = hip__calloc(&log->alloc, n + 1, sizeof *g->entries);
    g->idx = hip__calloc(&log->alloc, n + 1, sizeof *g->idx);
    g->tmp = hip__calloc(&log->alloc, n + 1, sizeof *g->tmp);
    g->order = hip__calloc(&log->alloc, n + 1, sizeof *g->order);
    if (!g->staged || !g->entries || !g->idx || !g->tmp || !g->order)
        return hip__seterr(&log->err, HIP_ERR_NOMEM, "out of memory");
    char path[HIP__PATH_CAP];
    for (size_t i = 0; i < n; i++) {
        hip__jr_path_index(path, "entries", i);
        if ((st = read_entry(&es->items[i], path, &g->staged[i], &log->err)) != HIP_OK) return st;
        g->idx[i] = i;
    }
    /* Time order, stable, so entries at one instant keep their document order. */
    hip__pain_sort(g->idx, g->tmp, n, less_time, g->staged);
    for (size_t i = 0; i < n; i++) {
        const hip_pain_entry *e = &g->staged[g->idx[i]];
        for (size_t j = i; j-- > 0 && g->staged[g->idx[j]].t_ns == e->t_ns;)
            if (hip__pain_entry_equal(&g->staged[g->idx[j]], e))
                return hip__seterr(&log->err, HIP_ERR_EXISTS,
                                   "entries[%zu]: an exact duplicate of entries[%zu]", g->idx[i],
                                   g->idx[j]);
        g->entries[i] = *e;
        g->order[i] = i;
    }
    hip__pain_sort(g->order, g->tmp, n, hip__pain_less_local, g->entries);
    /* Swap in; the old arrays go back to the caller to free. */
    hip_pain_entry *oe = log->entries;
    size_t *oo = log->order;
    log->entries = g->entries;
    log->order = g->order;
    log->n = n;
    log->cap = log->order_cap = n + 1;
    g->entries = oe;
    g->order = oo;
    return HIP_OK;
}

hip_status hip_painlog_import_json(hip_painlog *log, const char *json, size_t len)
{
    if (!log) return HIP_ERR_INVALID;
    hip__clearerr(&log->err);
    if (!json) return hip__seterr(&log->err, HIP_ERR_INVALID, "json is NULL");
    hip__json_doc *doc = NULL;
    hip_status st = hip__jr_parse(&log->alloc, json, len, &doc, &log->err);
    if (st != HIP_OK) return st;
    staging g;
    memset(&g, 0, sizeof g);
    st = import_doc(log, hip__json_root(doc), &g);
    hip__free(&log->alloc, g.staged);
    hip__free(&log->alloc, g.entries);
    hip__free(&log->alloc, g.idx);
    hip__free(&log->alloc, g.tmp);
    hip__free(&log->alloc, g.order);
    hip__json_free(doc);
    return st;
}

hip_status hip_painlog_export_json(const hip_painlog *log, char *buf, size_t cap, size_t *len_out)
{
    if (!log || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.painlog");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, HIP__PAINLOG_VERSION);
    hip__jw_key(&w, "entries");
    hip__jw_begin_array(&w);
    for (size_t i = 0; i < log->n; i++) {
        const hip_pain_entry *e = &log->entries[i];
        char t[HIP__PAIN_TIME_CAP];
        hip__pain_format_time(e->t_ns, e->utc_offset_min, t);
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "time"); hip__jw_string(&w, t);
        hip__jw_key(&w, "nrs"); hip__jw_integer(&w, e->nrs);
        hip__jw_key(&w, "context"); hip__jw_string(&w, hip_pain_context_name(e->context));
        hip__jw_key(&w, "location"); hip__jw_string(&w, hip_pain_location_name(e->location));
        hip__jw_key(&w, "side"); hip__jw_string(&w, hip_pain_side_name(e->side));
        hip__jw_key(&w, "symptoms");
        hip__jw_begin_array(&w);
        for (unsigned k = 0; k < HIPTRACK_PAIN_SYMPTOM_COUNT; k++)
            if (e->symptoms & (1u << k)) hip__jw_string(&w, hip__pain_symptom_names[k]);
        hip__jw_end_array(&w);
        hip__jw_key(&w, "time_of_day"); hip__jw_string(&w, hip_pain_time_of_day_name(e->time_of_day));
        hip__jw_key(&w, "setting"); hip__jw_string(&w, hip_pain_setting_name(e->setting));
        hip__jw_key(&w, "note"); hip__jw_string(&w, e->note);
        hip__jw_end_object(&w);
    }
    hip__jw_end_array(&w);
    hip__jw_end_object(&w);
    return hip__jw_result(&w, len_out);
}
