/* Compiled as C99 with -Wall -Wextra -Wpedantic -Werror: the public headers are strict C99. */
#include "hiptrack/hiptrack.h"

int hip_header_c99_probe(void);
int hip_header_c99_probe(void) { return HIPTRACK_VERSION_NUMBER + (int)HIP_OK; }
