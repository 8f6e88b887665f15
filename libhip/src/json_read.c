#include "json_read.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numtext.h"
#include "hiptrack/hip_date.h"

hip_status hip__jr_parse(const hip_allocator *a, const char *text, size_t len, hip__json_doc **out,
                         hip__error *e)
{
    hip__json_error je;
    memset(&je, 0, sizeof je);
    if (!text && len) return hip__seterr(e, HIP_ERR_INVALID, "json is NULL");
    hip_status st = hip__json_parse(a, text ? text : "", len, NULL, out, &je);
    if (st == HIP_ERR_NOMEM) return hip__seterr(e, st, "out of memory while parsing JSON");
    if (st != HIP_OK)
        return hip__seterr(e, st, "line %u, column %u: %s", (unsigned)je.line, (unsigned)je.col,
                           je.message);
    return HIP_OK;
}

static const char *type_name(const hip__json *v)
{
    switch (v->type) {
    case HIP__JSON_NULL: return "null";
    case HIP__JSON_FALSE:
    case HIP__JSON_TRUE: return "a boolean";
    case HIP__JSON_NUMBER: return "a number";
    case HIP__JSON_STRING: return "a string";
    case HIP__JSON_ARRAY: return "an array";
    case HIP__JSON_OBJECT: return "an object";
    }
    return "a value";
}

/* A path longer than the buffer ends in "..." (messages stay readable, nothing overflows). */
static const char *finish_path(char *buf, int n)
{
    if (n < 0 || n >= HIP__PATH_CAP) memcpy(buf + HIP__PATH_CAP - 4, "...", 4);
    return buf;
}

const char *hip__jr_path_key(char *buf, const char *path, const char *key)
{
    int n = path && *path ? snprintf(buf, HIP__PATH_CAP, "%s.%s", path, key)
                          : snprintf(buf, HIP__PATH_CAP, "%s", key);
    return finish_path(buf, n);
}

const char *hip__jr_path_index(char *buf, const char *path, size_t index)
{
    return finish_path(buf, snprintf(buf, HIP__PATH_CAP, "%s[%zu]", path ? path : "", index));
}

hip_status hip__jr_header(const hip__json *root, const char *format, int64_t max_version,
                          int64_t *version_out, hip__error *e)
{
    if (!root || root->type != HIP__JSON_OBJECT)
        return hip__seterr(e, HIP_ERR_FORMAT, "document: expected an object with \"format\": \"%s\"",
                           format);
    const hip__json *f = hip__json_get(root, "format");
    if (!f || f->type != HIP__JSON_STRING || strcmp(f->str, format) != 0 || strlen(f->str) != f->len)
        return hip__seterr(e, HIP_ERR_FORMAT, "format: expected \"%s\"", format);
    const hip__json *v = hip__json_get(root, "version");
    if (!v || v->type != HIP__JSON_NUMBER || !v->is_integer || v->integer < 1)
        return hip__seterr(e, HIP_ERR_FORMAT, "version: expected an integer >= 1");
    if (v->integer > max_version)
        return hip__seterr(e, HIP_ERR_VERSION,
                           "version: %s version %lld is newer than this library reads (%lld)", format,
                           (long long)v->integer, (long long)max_version);
    if (version_out) *version_out = v->integer;
    return HIP_OK;
}

hip_status hip__jr_object(const hip__json *v, const char *path, const char *const *allowed,
                          hip__error *e)
{
    if (!v || v->type != HIP__JSON_OBJECT)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected an object, found %s",
                           *path ? path : "document", v ? type_name(v) : "nothing");
    const char *dup = hip__json_duplicate_key(v);
    if (dup) return hip__seterr(e, HIP_ERR_FORMAT, "%s: field \"%s\" appears twice",
                                *path ? path : "document", dup);
    for (size_t i = 0; allowed && i < v->count; i++) {
        const char *k = v->items[i].key;
        size_t j = 0;
        while (allowed[j] && !(strcmp(allowed[j], k) == 0 && strlen(k) == v->items[i].key_len)) j++;
        if (!allowed[j])
            return hip__seterr(e, HIP_ERR_FORMAT, "%s: unknown field \"%.40s\"",
                               *path ? path : "document", k);
    }
    return HIP_OK;
}

hip_status hip__jr_array(const hip__json *v, const char *path, size_t max_count, hip__error *e)
{
    if (!v || v->type != HIP__JSON_ARRAY)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected an array, found %s", path,
                           v ? type_name(v) : "nothing");
    if (v->count > max_count)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: more than %zu elements", path, max_count);
    return HIP_OK;
}

/* The member, or NULL: then a required member is an error (*st set). */
static const hip__json *member(const hip__json *obj, const char *key, const char *path, int required,
                               hip_status *st, hip__error *e)
{
    const hip__json *v = hip__json_get(obj, key);
    *st = HIP_OK;
    if (!v && required) {
        char p[HIP__PATH_CAP];
        *st = hip__seterr(e, HIP_ERR_FORMAT, "%s: missing", hip__jr_path_key(p, path, key));
    }
    return v;
}

static hip_status int_value(const hip__json *v, const char *p, int64_t lo, int64_t hi, int64_t *out,
                            hip__error *e)
{
    if (v->type != HIP__JSON_NUMBER || !v->is_integer || v->integer < lo || v->integer > hi)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected an integer %lld..%lld", p, (long long)lo,
                           (long long)hi);
    *out = v->integer;
    return HIP_OK;
}

static hip_status num_value(const hip__json *v, const char *p, double lo, double hi, double *out,
                            hip__error *e)
{
    if (v->type != HIP__JSON_NUMBER || !(v->number >= lo && v->number <= hi)) {
        char a[32], b[32];
        hip__format_double(a, sizeof a, lo);
        hip__format_double(b, sizeof b, hi);
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected a number %s..%s", p, a, b);
    }
    *out = v->number;
    return HIP_OK;
}

hip_status hip__jr_int(const hip__json *obj, const char *key, const char *path, int required,
                       int64_t lo, int64_t hi, int64_t dflt, int64_t *out, hip__error *e)
{
    hip_status st;
    const hip__json *v = member(obj, key, path, required, &st, e);
    if (!v) { if (st == HIP_OK) *out = dflt; return st; }
    char p[HIP__PATH_CAP];
    return int_value(v, hip__jr_path_key(p, path, key), lo, hi, out, e);
}

hip_status hip__jr_num(const hip__json *obj, const char *key, const char *path, int required,
                       double lo, double hi, double dflt, double *out, hip__error *e)
{
    hip_status st;
    const hip__json *v = member(obj, key, path, required, &st, e);
    if (!v) { if (st == HIP_OK) *out = dflt; return st; }
    char p[HIP__PATH_CAP];
    return num_value(v, hip__jr_path_key(p, path, key), lo, hi, out, e);
}

hip_status hip__jr_num_range(const hip__json *obj, const char *key, const char *path, int required,
                             double lo, double hi, double *min_out, double *max_out, hip__error *e)
{
    hip_status st;
    const hip__json *v = member(obj, key, path, required, &st, e);
    if (!v) return st;   /* optional and missing: the caller's defaults stay */
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    hip__jr_path_key(p, path, key);
    if (v->type == HIP__JSON_NUMBER) {
        st = num_value(v, p, lo, hi, min_out, e);
        if (st == HIP_OK) *max_out = *min_out;
        return st;
    }
    if (v->type != HIP__JSON_ARRAY || v->count != 2)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected a number or [min, max]", p);
    if ((st = num_value(&v->items[0], hip__jr_path_index(q, p, 0), lo, hi, min_out, e)) != HIP_OK ||
        (st = num_value(&v->items[1], hip__jr_path_index(q, p, 1), lo, hi, max_out, e)) != HIP_OK)
        return st;
    if (*min_out > *max_out)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: min is greater than max", p);
    return HIP_OK;
}

hip_status hip__jr_int_range(const hip__json *obj, const char *key, const char *path, int required,
                             int64_t lo, int64_t hi, uint32_t *min_out, uint32_t *max_out,
                             hip__error *e)
{
    hip_status st;
    const hip__json *v = member(obj, key, path, required, &st, e);
    if (!v) return st;   /* optional and missing: the caller's defaults stay */
    char p[HIP__PATH_CAP], q[HIP__PATH_CAP];
    hip__jr_path_key(p, path, key);
    int64_t a = 0, b = 0;
    if (v->type == HIP__JSON_NUMBER) {
        if ((st = int_value(v, p, lo, hi, &a, e)) != HIP_OK) return st;
        *min_out = *max_out = (uint32_t)a;
        return HIP_OK;
    }
    if (v->type != HIP__JSON_ARRAY || v->count != 2)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected an integer or [min, max]", p);
    if ((st = int_value(&v->items[0], hip__jr_path_index(q, p, 0), lo, hi, &a, e)) != HIP_OK ||
        (st = int_value(&v->items[1], hip__jr_path_index(q, p, 1), lo, hi, &b, e)) != HIP_OK)
        return st;
    if (a > b) return hip__seterr(e, HIP_ERR_FORMAT, "%s: min is greater than max", p);
    *min_out = (uint32_t)a;
    *max_out = (uint32_t)b;
    return HIP_OK;
}

hip_status hip__jr_str(const hip__json *obj, const char *key, const char *path, int required,
                       size_t min_len, char *buf, size_t cap, const char *dflt, hip__error *e)
{
    hip_status st;
    const hip__json *v = member(obj, key, path, required, &st, e);
    if (!v) {
        if (st == HIP_OK) snprintf(buf, cap, "%s", dflt ? dflt : "");
        return st;
    }
    char p[HIP__PATH_CAP];
    hip__jr_path_key(p, path, key);
    if (v->type != HIP__JSON_STRING || v->len < min_len || v->len >= cap ||
        memchr(v->str, '\0', v->len) != NULL)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected a string of %zu..%zu bytes", p, min_len,
                           cap - 1);
    memcpy(buf, v->str, v->len + 1);
    return HIP_OK;
}

hip_status hip__jr_enum(const hip__json *obj, const char *key, const char *path, int required,
                        const char *const *names, size_t count, int dflt, int *out, hip__error *e)
{
    hip_status st;
    const hip__json *v = member(obj, key, path, required, &st, e);
    if (!v) { if (st == HIP_OK) *out = dflt; return st; }
    if (v->type == HIP__JSON_STRING && strlen(v->str) == v->len) {
        for (size_t i = 0; i < count; i++)
            if (names[i] && strcmp(names[i], v->str) == 0) { *out = (int)i; return HIP_OK; }
    }
    char p[HIP__PATH_CAP], list[160];
    size_t n = 0;
    list[0] = '\0';
    for (size_t i = 0; i < count && n < sizeof list; i++) {
        if (!names[i]) continue;
        int w = snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", names[i]);
        if (w < 0) break;
        n += (size_t)w;
    }
    return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected one of %s", hip__jr_path_key(p, path, key),
                       list);
}

hip_status hip__jr_date(const hip__json *obj, const char *key, const char *path, int required,
                        int32_t *out, hip__error *e)
{
    hip_status st;
    const hip__json *v = member(obj, key, path, required, &st, e);
    if (!v) return st;
    char p[HIP__PATH_CAP];
    if (v->type != HIP__JSON_STRING || strlen(v->str) != v->len || hip_date_parse(v->str, out) != HIP_OK)
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected a date \"YYYY-MM-DD\"",
                           hip__jr_path_key(p, path, key));
    return HIP_OK;
}

int hip__valid_id(const char *s)
{
    if (!s || !(s[0] >= 'a' && s[0] <= 'z')) return 0;
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return 0;
        if (n >= 47) return 0;
    }
    return 1;
}

int hip__terminated(const char *buf, size_t cap)
{
    return buf && memchr(buf, '\0', cap) != NULL;
}
