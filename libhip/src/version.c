/* The runtime version functions. */
#include "hiptrack/hip_version.h"

int hip_version_number(void) { return HIPTRACK_VERSION_NUMBER; }

const char *hip_version_string(void) { return HIPTRACK_VERSION_STRING; }

void hip_version(int *major_out, int *minor_out, int *patch_out)
{
    if (major_out) *major_out = HIPTRACK_VERSION_MAJOR;
    if (minor_out) *minor_out = HIPTRACK_VERSION_MINOR;
    if (patch_out) *patch_out = HIPTRACK_VERSION_PATCH;
}
