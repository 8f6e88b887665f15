/* Per-object allocator (as zstd's customMem): each config may carry one; there is no global
 * allocator. A zeroed hip_allocator means malloc/free. Both functions or neither must be set. */
#ifndef HIPTRACK_HIP_ALLOC_H
#define HIPTRACK_HIP_ALLOC_H

#include <stddef.h>
#include "hip_api.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hip_allocator {
    /* Returns a block of at least size bytes aligned for any type, or NULL. */
    void *(*alloc)(void *opaque, size_t size);
    /* Releases a block from alloc; never called with NULL. */
    void (*free)(void *opaque, void *ptr);
    void *opaque;
} hip_allocator;

#ifdef __cplusplus
}
#endif
#endif
