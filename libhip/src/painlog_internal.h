/* Internal: the pain-log handle, shared by painlog.c, painlog_analytics.c and painlog_json.c. */
#ifndef HIPTRACK_SRC_PAINLOG_INTERNAL_H
#define HIPTRACK_SRC_PAINLOG_INTERNAL_H

#include "hiptrack/hip_painlog.h"
#include "error.h"

/* The most entries a log holds (add and import alike, so every export can be imported again). */
#define HIP__PAINLOG_MAX_ENTRIES 50000
#define HIP__PAINLOG_NS 1000000000LL
/* Tolerance of threshold comparisons on means (a mean of 10/3 compared with 30 %). */
#define HIP__PAIN_EPS 1e-9

struct hip_painlog {
    hip_allocator alloc;
    hip_painlog_config cfg;
    hip__error err;
    hip_pain_entry *entries;   /* by t_ns; equal t_ns in order of arrival */
    size_t n, cap;
    size_t *order;             /* indices of entries by (local day, t_ns), stable */
    size_t order_cap;
};

extern const char *const hip__pain_context_names[7];
extern const char *const hip__pain_location_names[9];
extern const char *const hip__pain_side_names[4];
extern const char *const hip__pain_symptom_names[HIPTRACK_PAIN_SYMPTOM_COUNT];
extern const char *const hip__pain_tod_names[5];
extern const char *const hip__pain_setting_names[5];

/* Floor division of an instant into whole seconds and the nanoseconds after it (0..1e9-1). */
void hip__pain_split_ns(int64_t t_ns, int64_t *s_out, int64_t *frac_out);
/* Local seconds since 1970-01-01T00:00 local, and the local day. offset must be in range. */
int64_t hip__pain_local_s(int64_t t_ns, int32_t utc_offset_min);
int32_t hip__pain_entry_day(const hip_pain_entry *e);

/* RFC 3339 local time with offset, shared with the FHIR and CSV forms (export_*.c). */
#define HIP__PAIN_TIME_CAP 40   /* "YYYY-MM-DDTHH:MM:SS.fffffffff+HH:MM" is 35 bytes */
/* Parses "YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|+HH:MM|-HH:MM)": 1 on success, 0 for bad text, an offset
 * beyond 18 h or an instant outside int64 nanoseconds. */
int hip__pain_parse_time(const char *s, size_t len, int64_t *t_out, int32_t *offset_out);
/* Formats an instant in its local time with the offset; buf holds HIP__PAIN_TIME_CAP bytes. */
void hip__pain_format_time(int64_t t_ns, int32_t offset, char *buf);

/* Validates every field; messages name the field below path ("entries[2].nrs: ..."). */
hip_status hip__pain_entry_validate(const hip_pain_entry *e, const char *path, hip__error *err);
int hip__pain_entry_equal(const hip_pain_entry *a, const hip_pain_entry *b);

/* A stable merge sort of idx[0..n) with tmp[0..n) as scratch; less(ctx, a, b) is a strict order. */
void hip__pain_sort(size_t *idx, size_t *tmp, size_t n,
                    int (*less)(const void *ctx, size_t a, size_t b), const void *ctx);
/* Orders indices of entries by (local day, t_ns). */
int hip__pain_less_local(const void *ctx, size_t a, size_t b);

/* NULL -> defaults in *tmp; else checks struct_size and every field. 0 when invalid. */
int hip__painlog_config_resolve(const hip_painlog_config *in, hip_painlog_config *tmp,
                                const hip_painlog_config **out);

#endif
