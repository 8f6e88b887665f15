/* Compiled as C99 with -Wall -Wextra -Wpedantic -Werror: the store's header is strict C99. */
#include "hiptrack/hip_store.h"

int hip_header_store_c99_probe(void);
int hip_header_store_c99_probe(void) { return HIPTRACK_STORE_SCHEMA_VERSION + (int)HIP_STORE_KIND_PAIN; }
