/* Fuzz target: the JSON reader and writer. Accepted input is re-serialised, must parse again and
 * must serialise to the same bytes the second time (the writer's output is canonical). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

static void write_value(hip__jw *w, const hip__json *v)
{
    switch (v->type) {
    case HIP__JSON_NULL: hip__jw_null(w); break;
    case HIP__JSON_FALSE: hip__jw_bool(w, 0); break;
    case HIP__JSON_TRUE: hip__jw_bool(w, 1); break;
    case HIP__JSON_NUMBER:
        if (v->is_integer) hip__jw_integer(w, v->integer);
        else hip__jw_number(w, v->number);
        break;
    case HIP__JSON_STRING: hip__jw_string_n(w, v->str, v->len); break;
    case HIP__JSON_ARRAY:
        hip__jw_begin_array(w);
        for (size_t i = 0; i < v->count; i++) write_value(w, &v->items[i]);
        hip__jw_end_array(w);
        break;
    case HIP__JSON_OBJECT:
        hip__jw_begin_object(w);
        for (size_t i = 0; i < v->count; i++) {
            /* Keys with NUL cannot go through hip__jw_key; write them as strings' keys. */
            hip__jw_key(w, memchr(v->items[i].key, 0, v->items[i].key_len) ? "\\0key" : v->items[i].key);
            write_value(w, &v->items[i]);
        }
        hip__jw_end_object(w);
        break;
    }
}

static char *serialise(const hip__json *root, size_t *len)
{
    hip__jw w;
    hip__jw_init(&w, NULL, 0, 0);
    write_value(&w, root);
    size_t n = hip__jw_finish(&w);
    char *buf = malloc(n + 1);
    if (!buf) abort();
    hip__jw_init(&w, buf, n + 1, 0);
    write_value(&w, root);
    if (hip__jw_finish(&w) != n || w.failed) abort();
    *len = n;
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip__json_doc *doc = NULL;
    hip__json_error err;
    hip_status st = hip__json_parse(NULL, (const char *)data, size, NULL, &doc, &err);
    if (st != HIP_OK) {
        if (doc || err.line == 0 || err.col == 0 || !err.message[0]) abort();
        return 0;
    }
    size_t n1, n2;
    char *out1 = serialise(hip__json_root(doc), &n1);
    hip__json_doc *doc2 = NULL;
    if (hip__json_parse(NULL, out1, n1, NULL, &doc2, &err) != HIP_OK) abort();
    char *out2 = serialise(hip__json_root(doc2), &n2);
    if (n1 != n2 || memcmp(out1, out2, n1) != 0) abort();
    free(out1);
    free(out2);
    hip__json_free(doc2);
    hip__json_free(doc);
    return 0;
}
