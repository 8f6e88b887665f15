/* Fuzz target: detector snapshot restore. Arbitrary bytes must be refused or, if accepted (a
 * mutated valid snapshot whose checksum still matches), leave a detector that keeps working. The
 * input is also used as the tail of a real snapshot, so the fuzzer starts from valid headers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static void exercise(hip_reps *r)
{
    float s[6] = {0.1f, 9.7f, 0.3f, 0.01f, 0.02f, 0.0f};
    hip_rep_event e;
    int64_t t = 1000000000000LL;
    for (int i = 0; i < 200; i++) {
        s[1] = 9.7f + (float)(i % 50) * 0.05f;
        hip_status st = hip_reps_push(r, t + i * 20000000LL, s);
        if (st == HIP_ERR_BUFSIZE) while (hip_reps_next_event(r, &e) == HIP_OK) {}
    }
    hip_reps_finish(r);
    while (hip_reps_next_event(r, &e) == HIP_OK) {}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip_reps_config cfg;
    hip_reps_config_init(&cfg, HIP_REPS_INPUT_IMU);
    hip_reps *r;
    if (hip_reps_create(&cfg, &r) != HIP_OK) abort();
    /* 1: the raw bytes. */
    if (hip_reps_restore(r, data, size) == HIP_OK) exercise(r);
    /* 2: a valid snapshot with the input overwriting its state part. */
    size_t len = hip_reps_snapshot_size();
    uint8_t *snap = malloc(len);
    if (!snap || hip_reps_snapshot(r, snap, len, &len) != HIP_OK) abort();
    size_t header = len > 64 ? 64 : 0;
    memcpy(snap + header, data, size < len - header ? size : len - header);
    if (hip_reps_restore(r, snap, len) == HIP_OK) exercise(r);
    free(snap);
    hip_reps_destroy(r);
    return 0;
}
