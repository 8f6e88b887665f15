/* Internal: allocation through a per-object hip_allocator (NULL or zeroed = malloc/free). */
#ifndef HIPTRACK_SRC_ALLOC_H
#define HIPTRACK_SRC_ALLOC_H

#include <stddef.h>
#include "hiptrack/hip_alloc.h"

/* 1 when the allocator is usable: both functions set, or both NULL (the default). */
int hip__alloc_valid(const hip_allocator *a);
void *hip__alloc(const hip_allocator *a, size_t size);
/* Zero-filled; fails (NULL) on overflow of n * size. */
void *hip__calloc(const hip_allocator *a, size_t n, size_t size);
void hip__free(const hip_allocator *a, void *ptr);
/* Grows an array to hold at least need elements (doubling); on failure *items is untouched. */
int hip__grow(const hip_allocator *a, void **items, size_t *cap, size_t need, size_t elem_size);

#endif
