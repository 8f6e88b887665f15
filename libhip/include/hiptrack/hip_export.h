/* Symbol visibility. The library is built with -fvisibility=hidden; only HIPTRACK_API names are
 * exported. HIPTRACK_STATIC is defined by consumers of the static library (the CMake target and
 * pkg-config --static do it) so that Windows builds do not expect dllimport. */
#ifndef HIPTRACK_HIP_EXPORT_H
#define HIPTRACK_HIP_EXPORT_H

#if defined(_WIN32) && !defined(HIPTRACK_STATIC)
#  ifdef HIPTRACK_BUILDING
#    define HIPTRACK_API __declspec(dllexport)
#  else
#    define HIPTRACK_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define HIPTRACK_API __attribute__((visibility("default")))
#else
#  define HIPTRACK_API
#endif

#endif
