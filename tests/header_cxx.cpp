// Compiled as C++ with -Wall -Wextra -Wpedantic -Werror: the public headers work from C++.
#include "hiptrack/hiptrack.h"

int hip_header_cxx_probe();
int hip_header_cxx_probe() { return HIPTRACK_VERSION_NUMBER + static_cast<int>(HIP_OK); }
