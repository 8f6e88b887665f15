/* Symbol visibility. The library is built with -fvisibility=hidden; only HIPTRACK_API names are
 * exported. On Windows, code that uses the DLL needs dllimport: the CMake target hiptrack::hiptrack
 * defines HIPTRACK_SHARED for its users. Without it (the static library, SwiftPM, Xcode, the NDK
 * linking the sources in) the declarations are plain. */
#ifndef HIPTRACK_HIP_API_H
#define HIPTRACK_HIP_API_H

/* An embedder may predefine HIPTRACK_API (e.g. empty, to keep the symbols out of its own exports). */
#if defined(HIPTRACK_API)
/* as predefined */
#elif defined(_WIN32)
#  if defined(HIPTRACK_BUILDING)
#    define HIPTRACK_API __declspec(dllexport)
#  elif defined(HIPTRACK_SHARED)
#    define HIPTRACK_API __declspec(dllimport)
#  else
#    define HIPTRACK_API
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define HIPTRACK_API __attribute__((visibility("default")))
#else
#  define HIPTRACK_API
#endif

#endif
