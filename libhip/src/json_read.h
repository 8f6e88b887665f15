/* Internal: typed, validating reads from a parsed JSON document, shared by every hiptrack JSON
 * format. Each reader names the failing field by its path ("exercises[3].dose.reps: expected an
 * integer 0..100"), records it in the handle's error and returns HIP_ERR_FORMAT. */
#ifndef HIPTRACK_SRC_JSON_READ_H
#define HIPTRACK_SRC_JSON_READ_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "json.h"

#define HIP__PATH_CAP 128

/* Parses text; a syntax error becomes "line L, column C: <what was expected>". */
hip_status hip__jr_parse(const hip_allocator *a, const char *text, size_t len, hip__json_doc **out,
                         hip__error *e);

/* The root must be an object with "format": format and "version" in 1..max_version:
 * HIP_ERR_FORMAT for a wrong/missing format, HIP_ERR_VERSION for a newer version. */
hip_status hip__jr_header(const hip__json *root, const char *format, int64_t max_version,
                          int64_t *version_out, hip__error *e);

/* v must be an object whose keys are all in allowed (NULL-terminated) and unique. */
hip_status hip__jr_object(const hip__json *v, const char *path, const char *const *allowed,
                          hip__error *e);
/* v must be an array of at most max_count elements. */
hip_status hip__jr_array(const hip__json *v, const char *path, size_t max_count, hip__error *e);

/* Member readers. A missing member is an error when required, else *out = dflt. */
hip_status hip__jr_int(const hip__json *obj, const char *key, const char *path, int required,
                       int64_t lo, int64_t hi, int64_t dflt, int64_t *out, hip__error *e);
hip_status hip__jr_num(const hip__json *obj, const char *key, const char *path, int required,
                       double lo, double hi, double dflt, double *out, hip__error *e);
/* A number, or [min, max] with min <= max; a plain number x gives min = max = x. An optional
 * member that is missing leaves *min_out and *max_out as they were (the caller's defaults). */
hip_status hip__jr_num_range(const hip__json *obj, const char *key, const char *path, int required,
                             double lo, double hi, double *min_out, double *max_out, hip__error *e);
hip_status hip__jr_int_range(const hip__json *obj, const char *key, const char *path, int required,
                             int64_t lo, int64_t hi, uint32_t *min_out, uint32_t *max_out,
                             hip__error *e);
/* A string without NUL of 0..cap-1 bytes (min_len..); copied NUL-terminated into buf. */
hip_status hip__jr_str(const hip__json *obj, const char *key, const char *path, int required,
                       size_t min_len, char *buf, size_t cap, const char *dflt, hip__error *e);
/* A string that is one of names[0..count) (NULL entries are skipped); *out = its index. */
hip_status hip__jr_enum(const hip__json *obj, const char *key, const char *path, int required,
                        const char *const *names, size_t count, int dflt, int *out, hip__error *e);
/* A date "YYYY-MM-DD" as a day number. */
hip_status hip__jr_date(const hip__json *obj, const char *key, const char *path, int required,
                        int32_t *out, hip__error *e);

/* path + "." + key, or path + "[" + index + "]", into buf (truncated safely). */
const char *hip__jr_path_key(char *buf, const char *path, const char *key);
const char *hip__jr_path_index(char *buf, const char *path, size_t index);

/* 1 when s is a valid id: 1..47 of [a-z0-9_], starting with a letter. */
int hip__valid_id(const char *s);
/* 1 when buf holds a NUL within cap bytes (a C caller's fixed buffer is terminated). */
int hip__terminated(const char *buf, size_t cap);

#endif
