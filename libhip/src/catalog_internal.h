/* Internal: the catalog handle, shared by catalog.c (lookups, edits) and catalog_json.c. */
#ifndef HIPTRACK_SRC_CATALOG_INTERNAL_H
#define HIPTRACK_SRC_CATALOG_INTERNAL_H

#include "hiptrack/hip_catalog.h"
#include "error.h"

struct hip_catalog {
    hip_allocator alloc;
    hip__error err;
    hip_exercise *exercises;
    size_t count, cap;
    hip_progression_edge *edges;
    size_t edge_count, edge_cap;
    size_t builtin_edge_count;   /* the first edges are the built-in graph */
};

/* Index of id among exercises[0..count), or -1. */
long hip__exercise_index(const hip_exercise *exercises, size_t count, const char *id);
/* Checks every field of ex; messages name fields below path (e.g. "exercises[3]"). base_id must
 * be "" or a valid id; whether it exists is the caller's check. */
hip_status hip__exercise_validate(const hip_exercise *ex, const char *path, hip__error *e);
/* Field-wise equality (builtin ignored). */
int hip__exercise_equal(const hip_exercise *a, const hip_exercise *b);
/* 1 when adding easier -> harder to edges would close a cycle. */
int hip__edges_would_cycle(const hip_progression_edge *edges, size_t count, const char *easier,
                           const char *harder);
/* Reserves room for more exercises and edges (all-or-nothing imports reserve first). */
hip_status hip__catalog_reserve(hip_catalog *c, size_t more_exercises, size_t more_edges);

/* Name tables indexed by enum value (JSON and CLI); category names by bit position. */
extern const char *const hip__category_names[7];
extern const char *const hip__sidedness_names[4];
extern const char *const hip__segment_names[7];
extern const char *const hip__motion_names[11];
extern const char *const hip__plane_names[5];
extern const char *const hip__count_kind_names[3];
extern const char *const hip__change_names[6];

#endif
