// Compiled as C++ with -Wall -Wextra -Wpedantic -Werror: the store's header works from C++.
#include "hiptrack/hip_store.h"

int hip_header_store_cxx_probe();
int hip_header_store_cxx_probe() { return HIPTRACK_STORE_SCHEMA_VERSION + static_cast<int>(HIP_STORE_KIND_PAIN); }
