/* Shared test helpers: a counting allocator that can fail the Nth allocation (as SQLite's and
 * zstd's tests do), and access to the optional ../shared data. */
#ifndef HIPTRACK_TESTUTIL_H
#define HIPTRACK_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "hiptrack/hiptrack.h"

typedef struct hip_test_alloc_state {
    long countdown;       /* allocations left before failures start; < 0: never fail */
    size_t allocs;        /* successful allocations */
    size_t frees;
    size_t outstanding;   /* allocs - frees */
    size_t failures;      /* allocations refused */
    size_t bytes;         /* bytes outstanding */
} hip_test_alloc_state;

/* An allocator over malloc that counts, and fails every allocation once countdown reaches 0. */
hip_allocator hip_test_counting_allocator(hip_test_alloc_state *state);
void hip_test_alloc_reset(hip_test_alloc_state *state, long countdown);

/* The directory ../shared (from HIPTRACK_SHARED_DIR), or NULL when absent. */
const char *hip_test_shared_dir(void);

/* Reads a whole file into a malloc'd NUL-terminated buffer; NULL if unreadable. */
char *hip_test_read_file(const char *path, size_t *len_out);

#endif
