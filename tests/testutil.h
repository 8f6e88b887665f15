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

/* Runs call with allocation number N failing, for N = 0, 1, 2, ... until it returns HIP_OK: each
 * failure must be HIP_ERR_NOMEM and leave `unchanged` true (the state before the call). The
 * allocator counts in `as` (a hip_test_alloc_state); it is left not failing. */
#define HIP_TEST_EVERY_ALLOC_FAILURE(as, call, unchanged)                                          \
    do {                                                                                            \
        for (long hip_n_ = 0;; hip_n_++) {                                                          \
            (as).countdown = hip_n_;                                                                \
            hip_status hip_st_ = (call);                                                            \
            (as).countdown = -1;                                                                    \
            if (hip_st_ == HIP_OK) break;                                                           \
            if (hip_st_ != HIP_ERR_NOMEM)                                                           \
                fail_msg("%s: status %d with allocation %ld failing", #call, (int)hip_st_, hip_n_);   \
            if (!(unchanged))                                                                       \
                fail_msg("%s: changed state with allocation %ld failing", #call, hip_n_);           \
            assert_true(hip_n_ < 1000);                                                             \
        }                                                                                           \
    } while (0)

/* The directory ../shared (from HIPTRACK_SHARED_DIR), or NULL when absent. */
const char *hip_test_shared_dir(void);

/* Reads a whole file into a malloc'd NUL-terminated buffer; NULL if unreadable. */
char *hip_test_read_file(const char *path, size_t *len_out);

#endif
