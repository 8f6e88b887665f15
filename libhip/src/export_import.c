/* Pain entries back from FHIR (an Observation or a Bundle) and from the pain CSV. Both decode
 * everything into staging memory first; the log is changed only when every record was read and no
 * two are duplicates (all or nothing, as hip_painlog_import_json). */
#include "export_internal.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "painlog_internal.h"

#define HIP__FHIR_MAX_BYTES ((size_t)64 << 20)

/* ---- commit: shared by both formats ------------------------------------------------------- */

static int less_time(const void *ctx, size_t a, size_t b)
{
    const hip_pain_entry *e = ctx;
    return e[a].t_ns < e[b].t_ns;
}

/* where[i] names record i in a duplicate message: "entry[%zu]" (FHIR) or "line %zu" (CSV). */
static hip_status commit(hip_painlog *log, const hip_pain_entry *staged, const size_t *where,
                         const char *where_fmt_kind, size_t n)
{
    hip_status st = HIP_OK;
    size_t *idx = hip__calloc(&log->alloc, n + 1, sizeof *idx);
    size_t *tmp = hip__calloc(&log->alloc, n + 1, sizeof *tmp);
    size_t *order = hip__calloc(&log->alloc, n + 1, sizeof *order);
    hip_pain_entry *entries = hip__calloc(&log->alloc, n + 1, sizeof *entries);
    if (!idx || !tmp || !order || !entries) {
        st = hip__seterr(&log->err, HIP_ERR_NOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) idx[i] = i;
    hip__pain_sort(idx, tmp, n, less_time, staged);   /* stable: one instant keeps file order */
    for (size_t i = 0; i < n; i++) {
        const hip_pain_entry *e = &staged[idx[i]];
        for (size_t j = i; j-- > 0 && staged[idx[j]].t_ns == e->t_ns;)
            if (hip__pain_entry_equal(&staged[idx[j]], e)) {
                size_t a = where[idx[i]], b = where[idx[j]];
                if (a < b) { size_t x = a; a = b; b = x; }
                st = where_fmt_kind[0] == 'l'
                         ? hip__seterr(&log->err, HIP_ERR_EXISTS, "line %zu: an exact duplicate of line %zu", a, b)
                         : hip__seterr(&log->err, HIP_ERR_EXISTS, "entry[%zu]: an exact duplicate of entry[%zu]",
                                       a, b);
                goto done;
            }
        entries[i] = *e;
        order[i] = i;
    }
    hip__pain_sort(order, tmp, n, hip__pain_less_local, entries);
    /* Nothing below can fail: swap in, free the old arrays. */
    hip_pain_entry *oe = log->entries;
    size_t *oo = log->order;
    log->entries = entries;
    log->order = order;
    log->n = n;
    log->cap = log->order_cap = n + 1;
    entries = oe;
    order = oo;
done:
    hip__free(&log->alloc, idx);
    hip__free(&log->alloc, tmp);
    hip__free(&log->alloc, order);
    hip__free(&log->alloc, entries);
    return st;
}

/* ---- FHIR ---------------------------------------------------------------------------------- */

static int str_is(const hip__json *v, const char *s)
{
    return v && v->type == HIP__JSON_STRING && v->len == strlen(s) && memcmp(v->str, s, v->len) == 0;
}

static int str_prefix(const hip__json *v, const char *s)
{
    size_t n = strlen(s);
    return v && v->type == HIP__JSON_STRING && v->len >= n && memcmp(v->str, s, n) == 0;
}

static int name_index(const hip__json *v, const char *const *names, size_t count)
{
    if (!v || v->type != HIP__JSON_STRING || strlen(v->str) != v->len) return -1;
    for (size_t i = 0; i < count; i++)
        if (names[i] && strcmp(v->str, names[i]) == 0) return (int)i;
    return -1;
}

/* The first coding of concept cc (an object) with that system, or NULL; *k_out its index. */
static const hip__json *find_coding(const hip__json *cc, const char *system, size_t *k_out)
{
    const hip__json *cs = hip__json_get(cc, "coding");
    if (!cs || cs->type != HIP__JSON_ARRAY) return NULL;
    for (size_t k = 0; k < cs->count; k++)
        if (str_is(hip__json_get(&cs->items[k], "system"), system)) {
            if (k_out) *k_out = k;
            return &cs->items[k];
        }
    return NULL;
}

/* Codes of the pain context component: PAIN_CURRENT ... (export_common.c). */
static hip_status read_component(const hip__json *c, const char *path, hip_pain_entry *e, int *seen_ctx,
                                 hip__error *err)
{
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    if (c->type != HIP__JSON_OBJECT) return hip__seterr(err, HIP_ERR_FORMAT, "%s: expected an object", path);
    const hip__json *code = hip__json_get(c, "code");
    size_t k = 0;
    const hip__json *ctx = find_coding(code, HIP__CS_PAIN_CONTEXT, &k);
    if (ctx) {
        int v = name_index(hip__json_get(ctx, "code"), hip__fhir_context_codes, 7);
        hip__jr_path_key(p, path, "code.coding");
        hip__jr_path_index(q, p, k);
        if (v < 0)
            return hip__seterr(err, HIP_ERR_FORMAT, "%s.code: expected a pain context (PAIN_CURRENT, "
                               "PAIN_AVG_24H, PAIN_AVG_7D, PAIN_WORST_24H, PAIN_DURING_EXERCISE, "
                               "PAIN_AFTER_EXERCISE, PAIN_NEXT_MORNING)", q);
        if (*seen_ctx) return hip__seterr(err, HIP_ERR_FORMAT, "%s: a second pain context", path);
        *seen_ctx = 1;
        e->context = (hip_pain_context)v;
        return HIP_OK;
    }
    const hip__json *attr = find_coding(code, HIP__CS_PAIN_ATTRIBUTE, NULL);
    if (!attr) return HIP_OK;   /* another system's component: not ours to read */
    const hip__json *val = hip__json_get(c, "valueCodeableConcept");
    hip__jr_path_key(p, path, "valueCodeableConcept");
    const hip__json *a = hip__json_get(attr, "code");
    const hip__json *vc;
    int v = -1;
    if (str_is(a, "time-of-day")) {
        vc = find_coding(val, HIP__CS_PAIN_TOD, NULL);
        v = vc ? name_index(hip__json_get(vc, "code"), hip__pain_tod_names, 5) : -1;
        if (v <= 0) return hip__seterr(err, HIP_ERR_FORMAT, "%s: expected a %s coding (morning, afternoon, "
                                       "evening, night)", p, HIP__CS_PAIN_TOD);
        e->time_of_day = (hip_pain_time_of_day)v;
    } else if (str_is(a, "setting")) {
        vc = find_coding(val, HIP__CS_PAIN_SETTING, NULL);
        v = vc ? name_index(hip__json_get(vc, "code"), hip__pain_setting_names, 5) : -1;
        if (v <= 0) return hip__seterr(err, HIP_ERR_FORMAT, "%s: expected a %s coding (rest, activity, "
                                       "after_exercise, night)", p, HIP__CS_PAIN_SETTING);
        e->setting = (hip_pain_setting)v;
    } else if (str_is(a, "symptom")) {
        vc = find_coding(val, HIP__CS_PAIN_SYMPTOM, NULL);
        v = vc ? name_index(hip__json_get(vc, "code"), hip__pain_symptom_names, HIPTRACK_PAIN_SYMPTOM_COUNT) : -1;
        if (v < 0) return hip__seterr(err, HIP_ERR_FORMAT, "%s: expected a %s coding", p, HIP__CS_PAIN_SYMPTOM);
        if (e->symptoms & (1u << v))
            return hip__seterr(err, HIP_ERR_FORMAT, "%s: symptom %s appears twice", p, hip__pain_symptom_names[v]);
        e->symptoms |= 1u << v;
    } else {
        hip__jr_path_key(p, path, "code");
        return hip__seterr(err, HIP_ERR_FORMAT, "%s: unknown %s code (time-of-day, setting, symptom)", p,
                           HIP__CS_PAIN_ATTRIBUTE);
    }
    return HIP_OK;
}

static hip_status read_body_site(const hip__json *bs, const char *path, hip_pain_entry *e, hip__error *err)
{
    size_t k = 0;
    const hip__json *c = find_coding(bs, HIP__CS_BODY_SITE, &k);
    if (!c) return HIP_OK;   /* another coding only (SNOMED, text): the location stays unspecified */
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    hip__jr_path_key(q, path, "coding");
    hip__jr_path_index(p, q, k);
    const hip__json *code = hip__json_get(c, "code");
    if (code && code->type == HIP__JSON_STRING && strlen(code->str) == code->len && code->len < 64) {
        for (int loc = 0; loc < 9; loc++)
            for (int side = 0; side < 4; side++) {
                char want[64];
                hip__body_site_code((hip_pain_location)loc, (hip_pain_side)side, want, sizeof want);
                if (strcmp(want, code->str) == 0) {
                    e->location = (hip_pain_location)loc;
                    e->side = (hip_pain_side)side;
                    return HIP_OK;
                }
            }
    }
    return hip__seterr(err, HIP_ERR_FORMAT, "%s.code: expected a %s code (\"groin\", \"groin-left\", ...)", p,
                       HIP__CS_BODY_SITE);
}

/* 1 when every coding of the code is one of libhip's own (a session or score Observation). */
static int libhip_only(const hip__json *code)
{
    const hip__json *cs = hip__json_get(code, "coding");
    if (!cs || cs->type != HIP__JSON_ARRAY || cs->count == 0) return 0;
    for (size_t k = 0; k < cs->count; k++)
        if (!str_prefix(hip__json_get(&cs->items[k], "system"), "urn:libhip:")) return 0;
    return 1;
}

/* Reads one Observation at path into e. *skip_out = 1 for a libhip Observation that is not pain. */
static hip_status read_observation(const hip__json *o, const char *path, hip_pain_entry *e, int *skip_out,
                                   hip__error *err)
{
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    const char *dot = *path ? "." : "";
    hip_pain_entry_init(e);
    *skip_out = 0;
    const hip__json *code = hip__json_get(o, "code");
    if (!find_coding(code, HIP__LOINC, NULL) && libhip_only(code)) {
        *skip_out = 1;
        return HIP_OK;
    }
    const hip__json *lc = NULL;
    const hip__json *cs = hip__json_get(code, "coding");
    size_t k = 0;
    if (cs && cs->type == HIP__JSON_ARRAY)
        for (k = 0; k < cs->count; k++)
            if (str_is(hip__json_get(&cs->items[k], "system"), HIP__LOINC) &&
                str_is(hip__json_get(&cs->items[k], "code"), HIP__PAIN_LOINC)) {
                lc = &cs->items[k];
                break;
            }
    if (!lc) {
        if (!cs || cs->type != HIP__JSON_ARRAY || cs->count == 0)
            return hip__seterr(err, HIP_ERR_FORMAT, "%s%scode.coding: expected a LOINC coding 72514-3", path, dot);
        return hip__seterr(err, HIP_ERR_FORMAT, "%s%scode.coding[0].code: expected 72514-3 (LOINC pain severity "
                           "0-10) from http://loinc.org", path, dot);
    }
    const hip__json *status = hip__json_get(o, "status");
    if (!str_is(status, "final") && !str_is(status, "amended") && !str_is(status, "corrected"))
        return hip__seterr(err, HIP_ERR_FORMAT, "%s%sstatus: expected final, amended or corrected", path, dot);
    const hip__json *t = hip__json_get(o, "effectiveDateTime");
    if (!t || t->type != HIP__JSON_STRING || !hip__pain_parse_time(t->str, t->len, &e->t_ns, &e->utc_offset_min))
        return hip__seterr(err, HIP_ERR_FORMAT, "%s%seffectiveDateTime: expected a dateTime with seconds and "
                           "UTC offset (\"2026-11-02T08:30:00+01:00\"), offset within 18:00", path, dot);
    const hip__json *vi = hip__json_get(o, "valueInteger");
    const hip__json *vq = hip__json_get(o, "valueQuantity");
    const hip__json *vc = hip__json_get(o, "valueCodeableConcept");
    if (vi) {
        if (vi->type != HIP__JSON_NUMBER || !vi->is_integer || vi->integer < 0 || vi->integer > 10)
            return hip__seterr(err, HIP_ERR_FORMAT, "%s%svalueInteger: expected an integer 0..10", path, dot);
        e->nrs = (int32_t)vi->integer;
    } else if (vq) {
        const hip__json *v = hip__json_get(vq, "value");
        const hip__json *c = hip__json_get(vq, "code");
        if (!v || v->type != HIP__JSON_NUMBER || !(v->number >= 0 && v->number <= 10) ||
            v->number != (double)(int)v->number)
            return hip__seterr(err, HIP_ERR_FORMAT, "%s%svalueQuantity.value: expected an integer 0..10", path, dot);
        if (c && !str_is(c, "1"))
            return hip__seterr(err, HIP_ERR_FORMAT, "%s%svalueQuantity.code: expected UCUM \"1\"", path, dot);
        e->nrs = (int32_t)v->number;
    } else if (vc) {
        const hip__json *c = find_coding(vc, HIP__LOINC, NULL);
        int v = c ? name_index(hip__json_get(c, "code"), hip__fhir_answer_codes, 11) : -1;
        if (v < 0)
            return hip__seterr(err, HIP_ERR_FORMAT, "%s%svalueCodeableConcept: expected a LOINC answer code "
                               "LA6111-4 .. LA13942-0", path, dot);
        e->nrs = v;
    } else {
        return hip__seterr(err, HIP_ERR_FORMAT, "%s%svalueInteger: missing (a 0-10 value is required)", path, dot);
    }
    hip_status st;
    const hip__json *bs = hip__json_get(o, "bodySite");
    snprintf(p, sizeof p, "%s%sbodySite", path, dot);
    if (bs && (st = read_body_site(bs, p, e, err)) != HIP_OK) return st;
    const hip__json *comps = hip__json_get(o, "component");
    int seen = 0;
    if (comps) {
        snprintf(p, sizeof p, "%s%scomponent", path, dot);
        if (comps->type != HIP__JSON_ARRAY) return hip__seterr(err, HIP_ERR_FORMAT, "%s: expected an array", p);
        for (size_t i = 0; i < comps->count; i++) {
            hip__jr_path_index(q, p, i);
            if ((st = read_component(&comps->items[i], q, e, &seen, err)) != HIP_OK) return st;
        }
    }
    const hip__json *notes = hip__json_get(o, "note");
    if (notes && notes->type == HIP__JSON_ARRAY && notes->count) {
        const hip__json *nt = hip__json_get(&notes->items[0], "text");
        snprintf(p, sizeof p, "%s%snote[0].text", path, dot);
        if (!nt || nt->type != HIP__JSON_STRING || strlen(nt->str) != nt->len || nt->len >= HIPTRACK_PAIN_NOTE_CAP)
            return hip__seterr(err, HIP_ERR_FORMAT, "%s: expected a string of at most %d bytes without NUL", p,
                               HIPTRACK_PAIN_NOTE_CAP - 1);
        memcpy(e->note, nt->str, nt->len + 1);
    }
    if ((st = hip__pain_entry_validate(e, path, err)) != HIP_OK) err->status = st = HIP_ERR_FORMAT;
    return st;
}

typedef struct staging {
    hip_pain_entry *entries;
    size_t *where;
} staging;

static hip_status import_fhir(hip_painlog *log, const hip__json *root, staging *g)
{
    hip__error *err = &log->err;
    const hip__json *rt = hip__json_get(root, "resourceType");
    if (root->type != HIP__JSON_OBJECT || !rt)
        return hip__seterr(err, HIP_ERR_FORMAT, "resourceType: missing (expected Observation or Bundle)");
    size_t n = 0;
    if (str_is(rt, "Observation")) {
        g->entries = hip__calloc(&log->alloc, 1, sizeof *g->entries);
        g->where = hip__calloc(&log->alloc, 1, sizeof *g->where);
        if (!g->entries || !g->where) return hip__seterr(err, HIP_ERR_NOMEM, "out of memory");
        int skip;
        hip_status st = read_observation(root, "", &g->entries[0], &skip, err);
        if (st != HIP_OK) return st;
        if (skip)
            return hip__seterr(err, HIP_ERR_FORMAT, "code.coding[0].code: expected 72514-3 (LOINC pain severity "
                               "0-10) from http://loinc.org");
        n = 1;
    } else if (str_is(rt, "Bundle")) {
        const hip__json *es = hip__json_get(root, "entry");
        size_t count = 0;
        if (es) {
            hip_status st = hip__jr_array(es, "entry", HIP__PAINLOG_MAX_ENTRIES, err);
            if (st != HIP_OK) return st;
            count = es->count;
        }
        g->entries = hip__calloc(&log->alloc, count + 1, sizeof *g->entries);
        g->where = hip__calloc(&log->alloc, count + 1, sizeof *g->where);
        if (!g->entries || !g->where) return hip__seterr(err, HIP_ERR_NOMEM, "out of memory");
        char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
        for (size_t i = 0; i < count; i++) {
            hip__jr_path_index(p, "entry", i);
            const hip__json *res = hip__json_get(&es->items[i], "resource");
            hip__jr_path_key(q, p, "resource");
            if (!res || res->type != HIP__JSON_OBJECT)
                return hip__seterr(err, HIP_ERR_FORMAT, "%s: expected a resource object", q);
            /* Other resource types (QuestionnaireResponse, Patient, ...) are not pain entries. */
            if (!str_is(hip__json_get(res, "resourceType"), "Observation")) continue;
            int skip;
            hip_status st = read_observation(res, q, &g->entries[n], &skip, err);
            if (st != HIP_OK) return st;
            if (skip) continue;
            g->where[n++] = i;
        }
    } else {
        return hip__seterr(err, HIP_ERR_FORMAT, "resourceType: expected Observation or Bundle");
    }
    return commit(log, g->entries, g->where, "entry", n);
}

hip_status hip_export_import_fhir_pain(hip_painlog *log, const char *json, size_t len)
{
    if (!log) return HIP_ERR_INVALID;
    hip__clearerr(&log->err);
    if (!json) return hip__seterr(&log->err, HIP_ERR_INVALID, "json is NULL");
    /* A full log (HIP__PAINLOG_MAX_ENTRIES) is about 42 MB of Bundle: more than the reader's
     * default 16 MiB, so this import allows HIP__FHIR_MAX_BYTES. */
    hip__json_doc *doc = NULL;
    hip__json_limits limits = {HIP__FHIR_MAX_BYTES, 0};
    hip__json_error je;
    memset(&je, 0, sizeof je);
    hip_status st = hip__json_parse(&log->alloc, json, len, &limits, &doc, &je);
    if (st == HIP_ERR_NOMEM) return hip__seterr(&log->err, st, "out of memory while parsing JSON");
    if (st != HIP_OK)
        return hip__seterr(&log->err, st, "line %u, column %u: %s", (unsigned)je.line, (unsigned)je.col,
                           je.message);
    staging g = {NULL, NULL};
    st = import_fhir(log, hip__json_root(doc), &g);
    hip__free(&log->alloc, g.entries);
    hip__free(&log->alloc, g.where);
    hip__json_free(doc);
    return st;
}

/* ---- CSV ----------------------------------------------------------------------------------- */

extern const char *const hip__csv_pain_columns[];
enum { COL_TIME, COL_DATE, COL_NRS, COL_CONTEXT, COL_LOCATION, COL_SIDE, COL_SYMPTOMS, COL_TOD, COL_SETTING,
       COL_NOTE, COL_COUNT };
#define HIP__CSV_MAX_COLS 64
#define HIP__CSV_CELL_CAP 512

/* A cursor over RFC 4180 text. */
typedef struct csvr {
    const char *s;
    size_t n, i;
    size_t line, line_start;
} csvr;

/* Reads one cell into buf (unquoted, "" undoubled); *end_out: 0 more cells, 1 end of row, 2 end of
 * input. Returns 0 with a message on a syntax error. */
static int read_cell(csvr *r, char *buf, size_t cap, size_t *len_out, int *end_out, size_t *col_out,
                     hip__error *err)
{
    size_t k = 0;
    *col_out = r->i - r->line_start + 1;
    int quoted = r->i < r->n && r->s[r->i] == '"';
    if (quoted) {
        r->i++;
        for (;;) {
            if (r->i >= r->n) {
                hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu: unterminated quoted cell", r->line, *col_out);
                return 0;
            }
            char c = r->s[r->i++];
            if (c == '"') {
                if (r->i < r->n && r->s[r->i] == '"') r->i++;
                else break;
            }
            if (c == '\n') { r->line++; r->line_start = r->i; }
            if (k + 1 >= cap) {
                hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu: cell longer than %d bytes", r->line,
                            *col_out, HIP__CSV_CELL_CAP - 1);
                return 0;
            }
            buf[k++] = c;
        }
    } else {
        while (r->i < r->n && r->s[r->i] != ',' && r->s[r->i] != '\n' && r->s[r->i] != '\r') {
            char c = r->s[r->i++];
            if (c == '"') {
                hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu: a quote inside an unquoted cell", r->line,
                            r->i - r->line_start);
                return 0;
            }
            if (k + 1 >= cap) {
                hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu: cell longer than %d bytes", r->line,
                            *col_out, HIP__CSV_CELL_CAP - 1);
                return 0;
            }
            buf[k++] = c;
        }
    }
    buf[k] = '\0';
    *len_out = k;
    if (r->i >= r->n) { *end_out = 2; return 1; }
    char c = r->s[r->i];
    if (c == ',') { r->i++; *end_out = 0; return 1; }
    if (c == '\r') {
        if (r->i + 1 < r->n && r->s[r->i + 1] == '\n') r->i++;
        else {
            hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu: a CR without LF", r->line, r->i - r->line_start + 1);
            return 0;
        }
    }
    if (r->s[r->i] == '\n') {
        r->i++;
        r->line++;
        r->line_start = r->i;
        *end_out = r->i >= r->n ? 2 : 1;
        return 1;
    }
    hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu: expected ',' or a line end after a quoted cell", r->line,
                r->i - r->line_start + 1);
    return 0;
}

static hip_status cell_error(hip__error *err, size_t line, size_t col, const char *name, const char *what)
{
    return hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu (%s): %s", line, col, name, what);
}

static hip_status parse_cell(int col, const char *c, size_t len, size_t line, size_t at, hip_pain_entry *e,
                             hip__error *err)
{
    const char *name = hip__csv_pain_columns[col];
    if (strlen(c) != len) return cell_error(err, line, at, name, "contains a NUL byte");
    int v;
    switch (col) {
    case COL_TIME:
        if (!hip__pain_parse_time(c, len, &e->t_ns, &e->utc_offset_min))
            return cell_error(err, line, at, name, "expected RFC 3339 local time with offset "
                              "(\"2026-11-02T08:30:00+01:00\"), offset within 18:00");
        return HIP_OK;
    case COL_NRS:
        if (len == 0 || len > 2 || c[0] < '0' || c[0] > '9' || (len == 2 && (c[0] != '1' || c[1] != '0')))
            return cell_error(err, line, at, name, "expected an integer 0..10");
        e->nrs = len == 2 ? 10 : c[0] - '0';
        return HIP_OK;
    case COL_CONTEXT:
        for (v = 0; v < 7 && strcmp(c, hip__pain_context_names[v]) != 0; v++) {}
        if (v == 7) return cell_error(err, line, at, name, "expected a pain context (current, avg_24h, avg_7d, "
                                      "worst_24h, during_exercise, after_exercise, next_morning)");
        e->context = (hip_pain_context)v;
        return HIP_OK;
    case COL_LOCATION:
        for (v = 0; v < 9 && strcmp(c, hip__pain_location_names[v]) != 0; v++) {}
        if (v == 9 && len) return cell_error(err, line, at, name, "expected a pain location (docs/painlog.md)");
        e->location = v == 9 ? HIP_PAIN_LOCATION_UNSPECIFIED : (hip_pain_location)v;
        return HIP_OK;
    case COL_SIDE:
        for (v = 0; v < 4 && strcmp(c, hip__pain_side_names[v]) != 0; v++) {}
        if (v == 4 && len) return cell_error(err, line, at, name, "expected unspecified, left, right or both");
        e->side = v == 4 ? HIP_PAIN_SIDE_UNSPECIFIED : (hip_pain_side)v;
        return HIP_OK;
    case COL_TOD:
        for (v = 0; v < 5 && strcmp(c, hip__pain_tod_names[v]) != 0; v++) {}
        if (v == 5 && len) return cell_error(err, line, at, name, "expected unspecified, morning, afternoon, "
                                             "evening or night");
        e->time_of_day = v == 5 ? HIP_PAIN_TIME_OF_DAY_UNSPECIFIED : (hip_pain_time_of_day)v;
        return HIP_OK;
    case COL_SETTING:
        for (v = 0; v < 5 && strcmp(c, hip__pain_setting_names[v]) != 0; v++) {}
        if (v == 5 && len) return cell_error(err, line, at, name, "expected unspecified, rest, activity, "
                                             "after_exercise or night");
        e->setting = v == 5 ? HIP_PAIN_SETTING_UNSPECIFIED : (hip_pain_setting)v;
        return HIP_OK;
    case COL_SYMPTOMS: {
        size_t i = 0;
        while (i < len) {
            size_t j = i;
            while (j < len && c[j] != ';') j++;
            unsigned b = 0;
            while (b < HIPTRACK_PAIN_SYMPTOM_COUNT &&
                   !(strlen(hip__pain_symptom_names[b]) == j - i && memcmp(c + i, hip__pain_symptom_names[b], j - i) == 0))
                b++;
            if (b == HIPTRACK_PAIN_SYMPTOM_COUNT)
                return cell_error(err, line, at, name, "expected symptom names separated by ';' (stiffness, swelling, "
                                  "giving_way, clicking, reduced_mobility, catching_locking, limp, weakness, "
                                  "numbness_tingling)");
            if (e->symptoms & (1u << b)) return cell_error(err, line, at, name, "a symptom appears twice");
            e->symptoms |= 1u << b;
            i = j + 1;
            if (j + 1 == len && c[j] == ';') return cell_error(err, line, at, name, "a trailing ';'");
        }
        return HIP_OK;
    }
    case COL_NOTE: {
        /* Undo the export's formula guard: a leading ' was added to text starting with = + - @ TAB CR '. */
        if (len > 1 && c[0] == '\'' && strchr("=+-@\t\r'", c[1])) { c++; len--; }
        if (len >= HIPTRACK_PAIN_NOTE_CAP) return cell_error(err, line, at, name, "longer than 255 bytes");
        memcpy(e->note, c, len + 1);
        return HIP_OK;
    }
    default:
        return HIP_OK;   /* date: derived from time; not read */
    }
}

static hip_status import_csv(hip_painlog *log, const char *s, size_t n, staging *g)
{
    hip__error *err = &log->err;
    csvr r = {s, n, 0, 1, 0};
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) r.i = r.line_start = 3;   /* a spreadsheet's BOM */
    char cellbuf[HIP__CSV_CELL_CAP];
    int map[HIP__CSV_MAX_COLS];
    int have[COL_COUNT] = {0};
    size_t ncols = 0, len, col;
    int end = r.i >= n ? 2 : 0;
    if (end == 2) return hip__seterr(err, HIP_ERR_FORMAT, "line 1: missing header row");
    while (end == 0) {
        if (!read_cell(&r, cellbuf, sizeof cellbuf, &len, &end, &col, err)) return err->status;
        if (ncols >= HIP__CSV_MAX_COLS)
            return hip__seterr(err, HIP_ERR_FORMAT, "line 1, column %zu: more than %d columns", col, HIP__CSV_MAX_COLS);
        int k = 0;
        while (k < COL_COUNT && strcmp(cellbuf, hip__csv_pain_columns[k]) != 0) k++;
        if (k < COL_COUNT && have[k])
            return hip__seterr(err, HIP_ERR_FORMAT, "line 1, column %zu: column %s appears twice", col, cellbuf);
        if (k < COL_COUNT) have[k] = 1;
        map[ncols++] = k < COL_COUNT ? k : -1;   /* an unknown column is carried but not read */
    }
    static const int required[] = {COL_TIME, COL_NRS, COL_CONTEXT};
    for (size_t i = 0; i < 3; i++)
        if (!have[required[i]])
            return hip__seterr(err, HIP_ERR_FORMAT, "line 1: missing column %s (required: time, nrs, context)",
                               hip__csv_pain_columns[required[i]]);
    size_t rows = 1;
    for (size_t i = r.i; i < n; i++) rows += s[i] == '\n';
    if (rows > HIP__PAINLOG_MAX_ENTRIES + 1) rows = HIP__PAINLOG_MAX_ENTRIES + 1;
    g->entries = hip__calloc(&log->alloc, rows + 1, sizeof *g->entries);
    g->where = hip__calloc(&log->alloc, rows + 1, sizeof *g->where);
    if (!g->entries || !g->where) return hip__seterr(err, HIP_ERR_NOMEM, "out of memory");
    size_t count = 0;
    while (end != 2) {
        size_t line = r.line;
        /* An empty line (the last newline, or a blank line) is no record. */
        if (r.s[r.i] == '\n' || (r.s[r.i] == '\r' && r.i + 1 < n && r.s[r.i + 1] == '\n')) {
            r.i += r.s[r.i] == '\r' ? 2 : 1;
            r.line++;
            r.line_start = r.i;
            if (r.i >= n) break;
            continue;
        }
        if (count >= HIP__PAINLOG_MAX_ENTRIES || count >= rows)
            return hip__seterr(err, HIP_ERR_FORMAT, "line %zu: more than %d entries", line, HIP__PAINLOG_MAX_ENTRIES);
        hip_pain_entry *e = &g->entries[count];
        hip_pain_entry_init(e);
        size_t k = 0;
        end = 0;
        while (end == 0) {
            if (!read_cell(&r, cellbuf, sizeof cellbuf, &len, &end, &col, err)) return err->status;
            if (k >= ncols)
                return hip__seterr(err, HIP_ERR_FORMAT, "line %zu, column %zu: more cells than the %zu columns "
                                   "of the header", line, col, ncols);
            if (map[k] >= 0) {
                hip_status st = parse_cell(map[k], cellbuf, len, line, col, e, err);
                if (st != HIP_OK) return st;
            }
            k++;
        }
        if (k != ncols)
            return hip__seterr(err, HIP_ERR_FORMAT, "line %zu: %zu cells, the header has %zu", line, k, ncols);
        char path[32];
        snprintf(path, sizeof path, "line %zu", line);
        hip_status st = hip__pain_entry_validate(e, path, err);
        if (st != HIP_OK) { err->status = HIP_ERR_FORMAT; return HIP_ERR_FORMAT; }
        g->where[count++] = line;
    }
    return commit(log, g->entries, g->where, "line", count);
}

hip_status hip_export_import_csv_pain(hip_painlog *log, const char *csv, size_t len)
{
    if (!log) return HIP_ERR_INVALID;
    hip__clearerr(&log->err);
    if (!csv) return hip__seterr(&log->err, HIP_ERR_INVALID, "csv is NULL");
    staging g = {NULL, NULL};
    hip_status st = import_csv(log, csv, len, &g);
    hip__free(&log->alloc, g.entries);
    hip__free(&log->alloc, g.where);
    return st;
}
