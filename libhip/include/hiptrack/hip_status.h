/* Status codes. Every fallible call returns one: HIP_OK, a positive non-error signal such as
 * HIP_DONE, or a negative HIP_ERR_*. The details of the last error are kept per handle
 * (hip_<module>_last_error). Values never change once released; new codes are added at the end. */
#ifndef HIPTRACK_HIP_STATUS_H
#define HIPTRACK_HIP_STATUS_H

#include "hip_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hip_status {
    HIP_OK = 0,
    HIP_DONE = 1,              /* nothing more: an iteration or event queue is exhausted */

    HIP_ERR_INVALID = -1,      /* an argument is invalid (NULL, out of its domain) */
    HIP_ERR_NOMEM = -2,        /* an allocation failed; the object is unchanged */
    HIP_ERR_RANGE = -3,        /* a number is out of range, NaN or infinite */
    HIP_ERR_FORMAT = -4,       /* input text or bytes are malformed or fail validation */
    HIP_ERR_BUFSIZE = -5,      /* the caller's buffer is too small; the size is reported */
    HIP_ERR_NOT_FOUND = -6,    /* no such id, version or item */
    HIP_ERR_EXISTS = -7,       /* a duplicate of something already present */
    HIP_ERR_STATE = -8,        /* the call is not allowed in the object's current state */
    HIP_ERR_VERSION = -9,      /* a serialized format version this build does not read */
    HIP_ERR_CORRUPT = -10,     /* a checksum or integrity check failed */
    HIP_ERR_UNSUPPORTED = -11  /* a feature this build does not include */
} hip_status;

/* A short, static, English description of a status ("out of memory"); never NULL. */
HIPTRACK_API const char *hip_status_str(hip_status status);

/* The enum constant's name ("HIP_ERR_NOMEM"), for logs and bindings; never NULL. */
HIPTRACK_API const char *hip_status_name(hip_status status);

#ifdef __cplusplus
}
#endif
#endif
