/* Fuzz target: program JSON import. Accepted input must round-trip through export; rejected input
 * must leave the previous history unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *export_all(const hip_program *p)
{
    size_t len = 0;
    if (hip_program_export_json(p, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_program_export_json(p, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip_program *p = NULL;
    if (hip_program_create(NULL, &p) != HIP_OK) abort();
    /* Start from a non-empty history so that "unchanged" means something. */
    hip_prescription rx;
    hip_prescription_init(&rx, "squat");
    if (hip_program_begin(p, 20000, 3, NULL) != HIP_OK || hip_program_add(p, &rx) != HIP_OK ||
        hip_program_commit(p) != HIP_OK)
        abort();
    char *before = export_all(p);
    hip_status st = hip_program_import_json(p, (const char *)data, size);
    char *after = export_all(p);
    if (st != HIP_OK) {
        if (st >= 0 || strcmp(before, after) != 0 || !hip_program_last_error(p)[0]) abort();
    } else {
        hip_program *q = NULL;
        if (hip_program_create(NULL, &q) != HIP_OK) abort();
        if (hip_program_import_json(q, after, strlen(after)) != HIP_OK) abort();
        char *again = export_all(q);
        if (strcmp(again, after) != 0) abort();
        free(again);
        hip_program_destroy(q);
    }
    free(before);
    free(after);
    hip_program_destroy(p);
    return 0;
}
