/* hiptrack version: the single place the version is written (CMake parses it). */
#ifndef HIPTRACK_HIP_VERSION_H
#define HIPTRACK_HIP_VERSION_H

#include "hip_api.h"

#define HIPTRACK_VERSION_MAJOR 0
#define HIPTRACK_VERSION_MINOR 1
#define HIPTRACK_VERSION_PATCH 0
#define HIPTRACK_VERSION_STRING "0.1.0"
/* One number that orders versions: major * 10000 + minor * 100 + patch. */
#define HIPTRACK_VERSION_NUMBER \
    (HIPTRACK_VERSION_MAJOR * 10000 + HIPTRACK_VERSION_MINOR * 100 + HIPTRACK_VERSION_PATCH)

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the library actually linked, which can differ from the header a program was
 * compiled against (a binding checks the two at import). */
HIPTRACK_API int hip_version_number(void);
HIPTRACK_API const char *hip_version_string(void);
HIPTRACK_API void hip_version(int *major_out, int *minor_out, int *patch_out);

#ifdef __cplusplus
}
#endif
#endif
