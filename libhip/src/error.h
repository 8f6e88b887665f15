/* Internal: the per-handle error message (SQLite's errmsg, not thread-local). */
#ifndef HIPTRACK_SRC_ERROR_H
#define HIPTRACK_SRC_ERROR_H

#include <stddef.h>
#include "hiptrack/hip_status.h"

#define HIP__ERRMSG_CAP 256

typedef struct hip__error {
    hip_status status;
    char message[HIP__ERRMSG_CAP];
} hip__error;

/* Records status and a printf-style message (%s %d %u %zu %ld %lld only: no floating point, which
 * would depend on the locale; use hip__fmt_double into a buffer first) and returns status. */
hip_status hip__seterr(hip__error *e, hip_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void hip__clearerr(hip__error *e);
/* The message to return from hip_x_last_error: "" when there was no error. */
const char *hip__errmsg(const hip__error *e);

#endif
