/* Internal: the built-in hip catalog (CLINICAL.md §4.1-4.3) as constant tables. */
#ifndef HIPTRACK_SRC_CATALOG_BUILTIN_H
#define HIPTRACK_SRC_CATALOG_BUILTIN_H

#include <stddef.h>
#include "hiptrack/hip_catalog.h"

extern const hip_exercise hip__builtin_exercises[];
extern const size_t hip__builtin_exercise_count;
extern const hip_progression_edge hip__builtin_edges[];
extern const size_t hip__builtin_edge_count;

#endif
