/* Internal: the core's strict JSON reader (RFC 8259) and writer. One file, no dependencies beyond
 * libc, because the core must build as-is for iOS, Android and embedded targets (DESIGN.md §9). */
#ifndef HIPTRACK_SRC_JSON_H
#define HIPTRACK_SRC_JSON_H

#include <stddef.h>
#include <stdint.h>
#include "hiptrack/hip_alloc.h"
#include "hiptrack/hip_status.h"

typedef enum hip__json_type {
    HIP__JSON_NULL,
    HIP__JSON_FALSE,
    HIP__JSON_TRUE,
    HIP__JSON_NUMBER,
    HIP__JSON_STRING,
    HIP__JSON_ARRAY,
    HIP__JSON_OBJECT
} hip__json_type;

typedef struct hip__json hip__json;
struct hip__json {
    hip__json_type type;
    uint32_t line, col;      /* 1-based position of the value's first character */
    /* Set when this value is an object member: its key (NUL-terminated; may contain NUL). */
    const char *key;
    size_t key_len;
    /* NUMBER: the value; is_integer when the token has no fraction or exponent and fits int64. */
    double number;
    int is_integer;
    int64_t integer;
    /* STRING: UTF-8, NUL-terminated, may contain NUL (\u0000). */
    const char *str;
    size_t len;
    /* ARRAY: items; OBJECT: members in document order (duplicates kept). */
    hip__json *items;
    size_t count;
};

typedef struct hip__json_limits {
    size_t max_bytes;   /* default 16 MiB */
    size_t max_depth;   /* nesting of arrays/objects, default 64 */
} hip__json_limits;

typedef struct hip__json_error {
    uint32_t line, col;   /* 1-based; col counts bytes */
    size_t offset;
    char message[160];    /* what was expected, e.g. "expected ',' or '}' after object member" */
} hip__json_error;

typedef struct hip__json_doc hip__json_doc;

/* Parses text[0..len). Accepts exactly RFC 8259 (UTF-8 validated; BOM rejected; a lone surrogate
 * escape is rejected; numbers that overflow a double are rejected). limits may be NULL. On error
 * returns HIP_ERR_FORMAT (syntax, limits) or HIP_ERR_NOMEM, fills *err if non-NULL, and sets *out
 * to NULL. All memory comes from a (NULL = malloc) and is released by hip__json_free. */
hip_status hip__json_parse(const hip_allocator *a, const char *text, size_t len,
                           const hip__json_limits *limits, hip__json_doc **out,
                           hip__json_error *err);
const hip__json *hip__json_root(const hip__json_doc *doc);
void hip__json_free(hip__json_doc *doc);

/* First member with that key, or NULL (also when obj is not an object). */
const hip__json *hip__json_get(const hip__json *obj, const char *key);
/* The key of the first member of obj whose key repeats an earlier one, or NULL. */
const char *hip__json_duplicate_key(const hip__json *obj);

/* Writer. Produces compact or indented (2 spaces) JSON into a caller buffer and keeps counting
 * past its end, so the same calls give the size needed (the two-call pattern). */
typedef struct hip__jw {
    char *buf;
    size_t cap;
    size_t len;          /* bytes produced so far (may exceed cap) */
    int pretty;
    int depth;
    int failed;          /* set on a non-finite number or nesting deeper than 64 */
    uint64_t has_items;  /* bit d: the container at depth d already has an element */
    int after_key;
} hip__jw;

void hip__jw_init(hip__jw *w, char *buf, size_t cap, int pretty);
void hip__jw_begin_object(hip__jw *w);
void hip__jw_end_object(hip__jw *w);
void hip__jw_begin_array(hip__jw *w);
void hip__jw_end_array(hip__jw *w);
void hip__jw_key(hip__jw *w, const char *key);
void hip__jw_string(hip__jw *w, const char *s);          /* escapes as needed */
void hip__jw_string_n(hip__jw *w, const char *s, size_t n);
void hip__jw_number(hip__jw *w, double v);               /* via hip__format_double */
void hip__jw_integer(hip__jw *w, int64_t v);
void hip__jw_bool(hip__jw *w, int v);
void hip__jw_null(hip__jw *w);
/* Terminates with NUL when it fits and returns the length excluding the NUL. */
size_t hip__jw_finish(hip__jw *w);
/* Finishes an export written with the two-call pattern: *len_out = the length; HIP_ERR_RANGE if a
 * value could not be written (a non-finite number), HIP_OK without a buffer (the size query),
 * HIP_ERR_BUFSIZE when the buffer is shorter than length + 1. */
hip_status hip__jw_result(hip__jw *w, size_t *len_out);

#endif
