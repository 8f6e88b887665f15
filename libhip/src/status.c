/* hip_status_str and hip_status_name. */
#include "hiptrack/hip_status.h"

const char *hip_status_str(hip_status status)
{
    switch (status) {
    case HIP_OK: return "ok";
    case HIP_DONE: return "done";
    case HIP_ERR_INVALID: return "invalid argument";
    case HIP_ERR_NOMEM: return "out of memory";
    case HIP_ERR_RANGE: return "value out of range";
    case HIP_ERR_FORMAT: return "malformed or invalid input";
    case HIP_ERR_BUFSIZE: return "buffer too small";
    case HIP_ERR_NOT_FOUND: return "not found";
    case HIP_ERR_EXISTS: return "already exists";
    case HIP_ERR_STATE: return "not allowed in the current state";
    case HIP_ERR_VERSION: return "unsupported format version";
    case HIP_ERR_CORRUPT: return "corrupt data";
    case HIP_ERR_UNSUPPORTED: return "not supported by this build";
    }
    return "unknown status";
}

const char *hip_status_name(hip_status status)
{
    switch (status) {
    case HIP_OK: return "HIP_OK";
    case HIP_DONE: return "HIP_DONE";
    case HIP_ERR_INVALID: return "HIP_ERR_INVALID";
    case HIP_ERR_NOMEM: return "HIP_ERR_NOMEM";
    case HIP_ERR_RANGE: return "HIP_ERR_RANGE";
    case HIP_ERR_FORMAT: return "HIP_ERR_FORMAT";
    case HIP_ERR_BUFSIZE: return "HIP_ERR_BUFSIZE";
    case HIP_ERR_NOT_FOUND: return "HIP_ERR_NOT_FOUND";
    case HIP_ERR_EXISTS: return "HIP_ERR_EXISTS";
    case HIP_ERR_STATE: return "HIP_ERR_STATE";
    case HIP_ERR_VERSION: return "HIP_ERR_VERSION";
    case HIP_ERR_CORRUPT: return "HIP_ERR_CORRUPT";
    case HIP_ERR_UNSUPPORTED: return "HIP_ERR_UNSUPPORTED";
    }
    return "HIP_ERR_UNKNOWN";
}
