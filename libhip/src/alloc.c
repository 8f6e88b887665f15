#include "alloc.h"

#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int hip__alloc_valid(const hip_allocator *a)
{
    if (!a) return 1;
    return (a->alloc == NULL) == (a->free == NULL);
}

void *hip__alloc(const hip_allocator *a, size_t size)
{
    if (size == 0) size = 1;
    if (a && a->alloc) return a->alloc(a->opaque, size);
    return malloc(size);
}

void *hip__calloc(const hip_allocator *a, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) return NULL;
    size_t bytes = n * size;
    void *p = hip__alloc(a, bytes);
    if (p && bytes) memset(p, 0, bytes);
    return p;
}

void hip__free(const hip_allocator *a, void *ptr)
{
    if (!ptr) return;
    if (a && a->free) a->free(a->opaque, ptr);
    else free(ptr);
}

int hip__grow(const hip_allocator *a, void **items, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap) return 1;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2) return 0;
        ncap *= 2;
    }
    if (elem_size && ncap > SIZE_MAX / elem_size) return 0;
    void *p = hip__alloc(a, ncap * elem_size);
    if (!p) return 0;
    if (*items && *cap) memcpy(p, *items, *cap * elem_size);
    hip__free(a, *items);
    *items = p;
    *cap = ncap;
    return 1;
}
