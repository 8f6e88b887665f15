/* Fuzz target: assessment history JSON import. Accepted input must round-trip through export;
 * rejected input must leave the previous history unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *export_all(const hip_assess_history *h)
{
    size_t len = 0;
    if (hip_assess_history_export_json(h, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_assess_history_export_json(h, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip_assess_history *h = NULL;
    if (hip_assess_history_create(NULL, &h) != HIP_OK) abort();
    /* Start from a non-empty history so that "unchanged" means something. */
    hip_assess_result r;
    memset(&r, 0, sizeof r);
    r.motion = HIP_ROM_ABDUCTION;
    r.day = 20000;
    r.max_deg = r.range_deg = 33;
    r.quality = 1;
    if (hip_assess_history_add(h, &r) != HIP_OK) abort();
    char *before = export_all(h);
    hip_status st = hip_assess_history_import_json(h, (const char *)data, size);
    char *after = export_all(h);
    if (st != HIP_OK) {
        if (st >= 0 || strcmp(before, after) != 0 || !hip_assess_history_last_error(h)[0]) abort();
    } else {
        hip_assess_history *g = NULL;
        if (hip_assess_history_create(NULL, &g) != HIP_OK) abort();
        if (hip_assess_history_import_json(g, after, strlen(after)) != HIP_OK) abort();
        char *again = export_all(g);
        if (strcmp(again, after) != 0) abort();
        free(again);
        hip_assess_history_destroy(g);
    }
    free(before);
    free(after);
    hip_assess_history_destroy(h);
    return 0;
}
