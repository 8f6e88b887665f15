/* Fuzz target: the rep detector on arbitrary streams. The input chooses the input kind, a chunk
 * plan and the samples (NaN, Inf, huge and denormal values included, timestamps jittered or going
 * back). Asserts: refused samples change nothing, events are ordered and finite, and feeding the
 * same accepted samples in single pushes gives exactly the same events (chunking invariance). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

#define MAX_EVENTS 4096

static size_t drain(hip_reps *r, hip_rep_event *ev, size_t n)
{
    hip_rep_event e;
    while (hip_reps_next_event(r, &e) == HIP_OK) {
        if (!isfinite(e.excursion_deg) || !isfinite(e.travel_cm) || !isfinite(e.smoothness)) abort();
        if (e.start_ns > e.end_ns || (n && e.index != ev[n - 1].index + 1)) abort();
        if (n < MAX_EVENTS) ev[n++] = e;
    }
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    hip_reps_input input = (hip_reps_input)(data[0] % 3);
    size_t w = hip_reps_input_width(input);
    size_t chunk = 1 + data[1] % 37;
    data += 2;
    size -= 2;
    /* Each sample: a 2-byte time step (ms, may be 0: a repeated timestamp) and w floats. */
    size_t rec = 2 + 4 * w, n = size / rec;
    int64_t *t = malloc((n + 1) * sizeof *t);
    float *v = malloc((n + 1) * w * sizeof *v);
    if (!t || !v) abort();
    int64_t now = 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *p = data + i * rec;
        now += (int64_t)(p[0] | p[1] << 8) * 1000000;
        t[i] = now;
        memcpy(v + i * w, p + 2, 4 * w);
    }
    static hip_rep_event a[MAX_EVENTS], b[MAX_EVENTS];
    static int64_t kept_t[1 << 16];
    static float kept_v[(1 << 16) * 6];
    hip_reps_config cfg;
    hip_reps_config_init(&cfg, input);
    hip_reps *r1, *r2;
    if (hip_reps_create(&cfg, &r1) != HIP_OK || hip_reps_create(&cfg, &r2) != HIP_OK) abort();
    size_t na = 0, nb = 0, kept = 0, i = 0;
    while (i < n) {
        size_t want = chunk < n - i ? chunk : n - i, used = 0;
        hip_status st = hip_reps_push_block(r1, t + i, v + i * w, want, &used);
        for (size_t k = 0; k < used && kept < (1 << 16); k++, kept++) {
            kept_t[kept] = t[i + k];
            memcpy(kept_v + kept * w, v + (i + k) * w, 4 * w);
        }
        i += used;
        if (st == HIP_ERR_RANGE) i++;          /* skip the refused sample */
        else if (st != HIP_OK) abort();
        na = drain(r1, a, na);
    }
    if (hip_reps_finish(r1) != HIP_OK) abort();
    na = drain(r1, a, na);
    for (size_t k = 0; k < kept; k++) {
        if (hip_reps_push(r2, kept_t[k], kept_v + k * w) != HIP_OK) abort();
        nb = drain(r2, b, nb);
    }
    if (hip_reps_finish(r2) != HIP_OK) abort();
    nb = drain(r2, b, nb);
    if (kept < (1 << 16) && (na != nb || memcmp(a, b, na * sizeof a[0]) != 0)) abort();
    hip_reps_destroy(r1);
    hip_reps_destroy(r2);
    free(t);
    free(v);
    return 0;
}
