/* The core's strict JSON reader (RFC 8259) and writer.
 *
 * Reader: recursive descent bounded by max_depth. Values live in an arena taken from the caller's
 * allocator and released as a whole. Container children are collected on a scratch stack and copied
 * into an exactly-sized array when the container closes, so building is linear in the input. */
#include "json.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "numtext.h"

#define HIP__JSON_DEFAULT_MAX_BYTES (16u << 20)
#define HIP__JSON_DEFAULT_MAX_DEPTH 64
#define HIP__ARENA_BLOCK 65536

typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    /* data follows, aligned as max_align_t */
} arena_block;

struct hip__json_doc {
    hip_allocator alloc;
    arena_block *blocks;
    hip__json root;
};

typedef struct parser {
    hip__json_doc *doc;
    const char *s;
    size_t len, pos;
    uint32_t line;
    size_t line_start;
    size_t max_depth;
    hip__json *stack;         /* scratch: children of open containers */
    size_t sp, stack_cap;
    hip__json_error *err;
    hip_status status;
} parser;

#define ALIGN_UP(n) (((n) + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t))

static void *arena_alloc(hip__json_doc *doc, size_t size)
{
    size = ALIGN_UP(size ? size : 1);
    arena_block *b = doc->blocks;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > HIP__ARENA_BLOCK ? size : HIP__ARENA_BLOCK;
        b = hip__alloc(&doc->alloc, ALIGN_UP(sizeof *b) + cap);
        if (!b) return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = doc->blocks;
        doc->blocks = b;
    }
    void *p = (char *)b + ALIGN_UP(sizeof *b) + b->used;
    b->used += size;
    return p;
}

static hip_status fail(parser *p, size_t at, const char *fmt, const char *arg)
{
    if (p->status != HIP_OK) return p->status;
    p->status = HIP_ERR_FORMAT;
    if (p->err) {
        /* The line/column of offset `at`: count from the last known line start if at is beyond it. */
        uint32_t line = p->line;
        size_t ls = p->line_start;
        if (at < ls) {                        /* rare: recount from the beginning */
            line = 1;
            ls = 0;
            for (size_t i = 0; i < at; i++)
                if (p->s[i] == '\n') { line++; ls = i + 1; }
        }
        p->err->line = line;
        p->err->col = (uint32_t)(at - ls + 1);
        p->err->offset = at;
        snprintf(p->err->message, sizeof p->err->message, fmt, arg ? arg : "");
    }
    return p->status;
}

static hip_status nomem(parser *p)
{
    if (p->status == HIP_OK) {
        p->status = HIP_ERR_NOMEM;
        if (p->err) snprintf(p->err->message, sizeof p->err->message, "out of memory");
    }
    return p->status;
}

static void skip_ws(parser *p)
{
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c == '\n') {
            p->line++;
            p->line_start = p->pos + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            return;
        }
        p->pos++;
    }
}

/* A printable description of the character at pos for messages. */
static const char *describe(parser *p, size_t pos, char *buf, size_t cap)
{
    if (pos >= p->len) return "end of input";
    unsigned char c = (unsigned char)p->s[pos];
    if (c >= 0x21 && c < 0x7f) snprintf(buf, cap, "'%c'", c);
    else snprintf(buf, cap, "byte 0x%02X", c);
    return buf;
}

static hip_status expected(parser *p, const char *what)
{
    char d[32], msg[160];
    snprintf(msg, sizeof msg, "expected %s, found %s", what, describe(p, p->pos, d, sizeof d));
    return fail(p, p->pos, "%s", msg);
}

static int hex4(const char *s, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return 0;
    }
    *out = v;
    return 1;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of a valid UTF-8 sequence at s (n bytes available), or 0 (overlong, surrogate, > U+10FFFF,
 * bad continuation, truncated). */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t need;
    unsigned min, cp;
    if (c >= 0xC2 && c <= 0xDF) { need = 2; min = 0x80; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 3; min = 0x800; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 4; min = 0x10000; cp = c & 0x07; }
    else return 0;
    if (n < need) return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return need;
}

/* Parses a string at pos (the opening quote) into arena memory. */
static hip_status parse_string(parser *p, const char **out, size_t *len_out)
{
    size_t start = ++p->pos;
    /* Decoded text is never longer than the raw text. */
    size_t end = start;
    while (end < p->len && p->s[end] != '"') end += p->s[end] == '\\' ? 2 : 1;
    size_t raw = (end < p->len ? end : p->len) - start;
    char *o = arena_alloc(p->doc, raw + 1);
    if (!o) return nomem(p);
    size_t n = 0;
    for (;;) {
        if (p->pos >= p->len) return fail(p, p->pos, "unterminated string%s", NULL);
        unsigned char c = (unsigned char)p->s[p->pos];
        if (c == '"') { p->pos++; break; }
        if (c < 0x20) {
            char msg[64];
            snprintf(msg, sizeof msg, "control character U+%04X in string", c);
            return fail(p, p->pos, "%s", msg);
        }
        if (c == '\\') {
            if (p->pos + 1 >= p->len) return fail(p, p->pos, "unterminated string%s", NULL);
            char e = p->s[p->pos + 1];
            const char *simple = strchr("\"\\/bfnrt", e);
            if (e != '\0' && simple) {
                static const char map[] = "\"\\/\b\f\n\r\t";
                o[n++] = map[simple - "\"\\/bfnrt"];
                p->pos += 2;
                continue;
            }
            if (e != 'u') {
                char d[32], msg[64];
                snprintf(msg, sizeof msg, "invalid escape \\%s in string",
                         describe(p, p->pos + 1, d, sizeof d));
                return fail(p, p->pos, "%s", msg);
            }
            unsigned cp;
            if (p->pos + 6 > p->len || !hex4(p->s + p->pos + 2, &cp))
                return fail(p, p->pos, "invalid \\u escape: expected 4 hex digits%s", NULL);
            size_t at = p->pos;
            p->pos += 6;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return fail(p, at, "lone low surrogate in \\u escape%s", NULL);
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (p->pos + 6 > p->len || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u' ||
                    !hex4(p->s + p->pos + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return fail(p, at, "high surrogate not followed by a low surrogate escape%s", NULL);
                p->pos += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            n += put_utf8(o + n, cp);
            continue;
        }
        size_t k = utf8_len((const unsigned char *)p->s + p->pos, p->len - p->pos);
        if (k == 0) return fail(p, p->pos, "invalid UTF-8 in string%s", NULL);
        memcpy(o + n, p->s + p->pos, k);
        n += k;
        p->pos += k;
    }
    o[n] = '\0';
    *out = o;
    *len_out = n;
    return HIP_OK;
}

static hip_status parse_number(parser *p, hip__json *v)
{
    size_t start = p->pos;
    size_t i = p->pos;
    if (i < p->len && p->s[i] == '-') i++;
    int is_int = 1;
    while (i < p->len) {
        char c = p->s[i];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+') { i++; continue; }
        if (c == '.' || c == 'e' || c == 'E') { is_int = 0; i++; continue; }
        break;
    }
    if (!hip__parse_double(p->s + start, i - start, &v->number)) {
        double tmp;
        /* Well-formed but too large for a double, or malformed? Tell them apart. */
        char buf[64];
        size_t n = i - start < sizeof buf - 1 ? i - start : sizeof buf - 1;
        memcpy(buf, p->s + start, n);
        buf[n] = '\0';
        int shape_ok = 0;
        {
            /* Replace the exponent by 0: if that parses, the shape was fine and only the range was not. */
            char *e = strpbrk(buf, "eE");
            if (e && n == i - start) {
                char *d = e + 1;
                if (*d == '+' || *d == '-') d++;
                if (*d >= '0' && *d <= '9') {
                    int digits_only = 1;
                    for (char *q = d; *q; q++) digits_only &= *q >= '0' && *q <= '9';
                    if (digits_only) { d[0] = '0'; d[1] = '\0'; shape_ok = hip__parse_double(buf, strlen(buf), &tmp); }
                }
            }
        }
        if (shape_ok) return fail(p, start, "number out of range for a double%s", NULL);
        return fail(p, start, "invalid number%s", NULL);
    }
    v->type = HIP__JSON_NUMBER;
    p->pos = i;
    if (is_int) {
        /* Exact int64 when the token is an integer that fits. */
        size_t k = start;
        int neg = p->s[k] == '-';
        if (neg) k++;
        uint64_t acc = 0;
        int ok = 1;
        for (; k < i; k++) {
            unsigned d = (unsigned)(p->s[k] - '0');
            if (acc > (UINT64_MAX - d) / 10) { ok = 0; break; }
            acc = acc * 10 + d;
        }
        if (ok && (neg ? acc <= (uint64_t)INT64_MAX + 1 : acc <= (uint64_t)INT64_MAX)) {
            v->is_integer = 1;
            v->integer = neg ? (acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)acc) : (int64_t)acc;
        }
    }
    return HIP_OK;
}

static hip_status parse_value(parser *p, hip__json *v, size_t depth);

static hip_status push_child(parser *p, const hip__json *v)
{
    if (!hip__grow(&p->doc->alloc, (void **)&p->stack, &p->stack_cap, p->sp + 1, sizeof *p->stack))
        return nomem(p);
    p->stack[p->sp++] = *v;
    return HIP_OK;
}

/* Moves the children above base from the scratch stack into an arena array owned by v. */
static hip_status close_container(parser *p, hip__json *v, size_t base)
{
    v->count = p->sp - base;
    if (v->count) {
        v->items = arena_alloc(p->doc, v->count * sizeof *v->items);
        if (!v->items) return nomem(p);
        memcpy(v->items, p->stack + base, v->count * sizeof *v->items);
    }
    p->sp = base;
    return HIP_OK;
}

static hip_status parse_container(parser *p, hip__json *v, size_t depth, int is_object)
{
    if (depth >= p->max_depth) {
        char msg[48];
        snprintf(msg, sizeof msg, "nesting deeper than %zu", p->max_depth);
        return fail(p, p->pos, "%s", msg);
    }
    char close = is_object ? '}' : ']';
    v->type = is_object ? HIP__JSON_OBJECT : HIP__JSON_ARRAY;
    p->pos++;
    size_t base = p->sp;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        return close_container(p, v, base);
    }
    for (;;) {
        hip__json child;
        memset(&child, 0, sizeof child);
        skip_ws(p);
        if (is_object) {
            if (p->pos >= p->len || p->s[p->pos] != '"') return expected(p, "a string key");
            const char *key;
            size_t key_len;
            if (parse_string(p, &key, &key_len) != HIP_OK) return p->status;
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos] != ':') return expected(p, "':' after object key");
            p->pos++;
            skip_ws(p);
            if (parse_value(p, &child, depth + 1) != HIP_OK) return p->status;
            child.key = key;
            child.key_len = key_len;
        } else {
            if (parse_value(p, &child, depth + 1) != HIP_OK) return p->status;
        }
        if (push_child(p, &child) != HIP_OK) return p->status;
        skip_ws(p);
        if (p->pos < p->len && p->s[p->pos] == ',') { p->pos++; continue; }
        if (p->pos < p->len && p->s[p->pos] == close) { p->pos++; break; }
        return expected(p, is_object ? "',' or '}' after object member" : "',' or ']' after array element");
    }
    return close_container(p, v, base);
}

static int literal(parser *p, const char *word)
{
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0) return 0;
    p->pos += n;
    return 1;
}

static hip_status parse_value(parser *p, hip__json *v, size_t depth)
{
    skip_ws(p);
    v->line = p->line;
    v->col = (uint32_t)(p->pos - p->line_start + 1);
    if (p->pos >= p->len) return expected(p, "a value");
    char c = p->s[p->pos];
    switch (c) {
    case '{': return parse_container(p, v, depth, 1);
    case '[': return parse_container(p, v, depth, 0);
    case '"':
        v->type = HIP__JSON_STRING;
        return parse_string(p, &v->str, &v->len);
    case 't':
        if (literal(p, "true")) { v->type = HIP__JSON_TRUE; return HIP_OK; }
        break;
    case 'f':
        if (literal(p, "false")) { v->type = HIP__JSON_FALSE; return HIP_OK; }
        break;
    case 'n':
        if (literal(p, "null")) { v->type = HIP__JSON_NULL; return HIP_OK; }
        break;
    default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p, v);
    }
    return expected(p, "a value");
}

hip_status hip__json_parse(const hip_allocator *a, const char *text, size_t len,
                           const hip__json_limits *limits, hip__json_doc **out,
                           hip__json_error *err)
{
    if (err) memset(err, 0, sizeof *err);
    if (!out || (!text && len)) return HIP_ERR_INVALID;
    *out = NULL;
    size_t max_bytes = limits && limits->max_bytes ? limits->max_bytes : HIP__JSON_DEFAULT_MAX_BYTES;
    size_t max_depth = limits && limits->max_depth ? limits->max_depth : HIP__JSON_DEFAULT_MAX_DEPTH;
    parser p;
    memset(&p, 0, sizeof p);
    p.s = text ? text : "";
    p.len = len;
    p.line = 1;
    p.max_depth = max_depth;
    p.err = err;
    if (len > max_bytes) {
        char msg[64];
        snprintf(msg, sizeof msg, "document larger than %zu bytes", max_bytes);
        return fail(&p, 0, "%s", msg);
    }
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        return fail(&p, 0, "byte-order mark is not allowed%s", NULL);
    hip__json_doc *doc = hip__calloc(a, 1, sizeof *doc);
    if (!doc) return nomem(&p);
    if (a) doc->alloc = *a;
    p.doc = doc;
    if (parse_value(&p, &doc->root, 0) == HIP_OK) {
        skip_ws(&p);
        if (p.pos < p.len) expected(&p, "end of input after the top-level value");
    }
    hip__free(&doc->alloc, p.stack);
    if (p.status != HIP_OK) {
        hip__json_free(doc);
        return p.status;
    }
    *out = doc;
    return HIP_OK;
}

const hip__json *hip__json_root(const hip__json_doc *doc) { return doc ? &doc->root : NULL; }

void hip__json_free(hip__json_doc *doc)
{
    if (!doc) return;
    hip_allocator a = doc->alloc;
    for (arena_block *b = doc->blocks; b;) {
        arena_block *next = b->next;
        hip__free(&a, b);
        b = next;
    }
    hip__free(&a, doc);
}

const hip__json *hip__json_get(const hip__json *obj, const char *key)
{
    if (!obj || obj->type != HIP__JSON_OBJECT || !key) return NULL;
    size_t n = strlen(key);
    for (size_t i = 0; i < obj->count; i++)
        if (obj->items[i].key_len == n && memcmp(obj->items[i].key, key, n) == 0) return &obj->items[i];
    return NULL;
}

const char *hip__json_duplicate_key(const hip__json *obj)
{
    if (!obj || obj->type != HIP__JSON_OBJECT) return NULL;
    /* Quadratic, but hiptrack objects have a handful of members. */
    for (size_t i = 1; i < obj->count; i++)
        for (size_t j = 0; j < i; j++)
            if (obj->items[i].key_len == obj->items[j].key_len &&
                memcmp(obj->items[i].key, obj->items[j].key, obj->items[i].key_len) == 0)
                return obj->items[i].key;
    return NULL;
}

/* ---- writer ---- */

static void w_put(hip__jw *w, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (w->len + 1 < w->cap) w->buf[w->len] = s[i];   /* keep one byte for the NUL */
        w->len++;
    }
}

static void w_str(hip__jw *w, const char *s) { w_put(w, s, strlen(s)); }

static void w_newline(hip__jw *w)
{
    if (!w->pretty) return;
    w_put(w, "\n", 1);
    for (int i = 0; i < w->depth; i++) w_put(w, "  ", 2);
}

/* Separator and indentation before a value or key in the current container. */
static void w_before(hip__jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth == 0) return;
    uint64_t bit = 1ull << (w->depth - 1);
    if (w->has_items & bit) w_put(w, ",", 1);
    w->has_items |= bit;
    w_newline(w);
}

void hip__jw_init(hip__jw *w, char *buf, size_t cap, int pretty)
{
    memset(w, 0, sizeof *w);
    w->buf = buf;
    w->cap = buf ? cap : 0;
    w->pretty = pretty;
}

static void w_open(hip__jw *w, char c)
{
    w_before(w);
    if (w->depth >= 64) {
        w->failed = 1;
        return;
    }
    w_put(w, &c, 1);
    w->depth++;
    w->has_items &= ~(1ull << (w->depth - 1));
}

static void w_close(hip__jw *w, char c)
{
    if (w->depth <= 0) {
        w->failed = 1;
        return;
    }
    int had = (w->has_items >> (w->depth - 1)) & 1;
    w->depth--;
    if (had) w_newline(w);
    w_put(w, &c, 1);
}

void hip__jw_begin_object(hip__jw *w) { w_open(w, '{'); }
void hip__jw_end_object(hip__jw *w) { w_close(w, '}'); }
void hip__jw_begin_array(hip__jw *w) { w_open(w, '['); }
void hip__jw_end_array(hip__jw *w) { w_close(w, ']'); }

static void w_quoted(hip__jw *w, const char *s, size_t n)
{
    w_put(w, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': w_put(w, "\\\"", 2); break;
        case '\\': w_put(w, "\\\\", 2); break;
        case '\n': w_put(w, "\\n", 2); break;
        case '\r': w_put(w, "\\r", 2); break;
        case '\t': w_put(w, "\\t", 2); break;
        case '\b': w_put(w, "\\b", 2); break;
        case '\f': w_put(w, "\\f", 2); break;
        default:
            if (c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
                w_put(w, esc, 6);
            } else {
                w_put(w, (const char *)&s[i], 1);
            }
        }
    }
    w_put(w, "\"", 1);
}

void hip__jw_key(hip__jw *w, const char *key)
{
    w_before(w);
    w_quoted(w, key, strlen(key));
    w_put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
    w->after_key = 1;
}

void hip__jw_string(hip__jw *w, const char *s) { hip__jw_string_n(w, s, strlen(s)); }

void hip__jw_string_n(hip__jw *w, const char *s, size_t n)
{
    w_before(w);
    w_quoted(w, s, n);
}

void hip__jw_number(hip__jw *w, double v)
{
    char buf[40];
    w_before(w);
    /* -0 is written as 0 (as JavaScript's JSON.stringify does): "-0" would read back as the
     * integer 0, so the output would not be canonical (a second round trip would change it). */
    if (v == 0) v = 0.0;
    if (hip__format_double(buf, sizeof buf, v) == 0) {
        w->failed = 1;
        w_str(w, "0");
        return;
    }
    w_str(w, buf);
}

void hip__jw_integer(hip__jw *w, int64_t v)
{
    char buf[24];
    w_before(w);
    snprintf(buf, sizeof buf, "%lld", (long long)v);
    w_str(w, buf);
}

void hip__jw_bool(hip__jw *w, int v)
{
    w_before(w);
    w_str(w, v ? "true" : "false");
}

void hip__jw_null(hip__jw *w)
{
    w_before(w);
    w_str(w, "null");
}

hip_status hip__jw_result(hip__jw *w, size_t *len_out)
{
    size_t n = hip__jw_finish(w);
    *len_out = n;
    if (w->failed) return HIP_ERR_RANGE;
    if (!w->buf) return HIP_OK;
    return n + 1 > w->cap ? HIP_ERR_BUFSIZE : HIP_OK;
}

size_t hip__jw_finish(hip__jw *w)
{
    if (w->depth != 0) w->failed = 1;
    if (w->cap > 0) w->buf[w->len < w->cap ? w->len : w->cap - 1] = '\0';
    return w->len;
}
