/* Fuzz target: session JSON import. Accepted input must round-trip through export (and keep its
 * summary); rejected input must leave the session new (nothing half-imported) with a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *export_all(const hip_session *s)
{
    size_t len = 0;
    if (hip_session_export_json(s, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_session_export_json(s, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip_session *s = NULL;
    if (hip_session_create(NULL, &s) != HIP_OK) abort();
    hip_status st = hip_session_import_json(s, (const char *)data, size);
    hip_session_info info;
    if (hip_session_get_info(s, &info) != HIP_OK) abort();
    if (st != HIP_OK) {
        if (st >= 0 || !hip_session_last_error(s)[0]) abort();
        if (info.state != HIP_SESSION_NEW || info.exercise_count != 0) abort();
        size_t len;
        if (hip_session_export_json(s, NULL, 0, &len) != HIP_ERR_STATE) abort();
        /* Still usable: it can start. */
        if (hip_session_start(s, 0, 0) != HIP_OK) abort();
    } else {
        if (info.state != HIP_SESSION_FINISHED || info.end_ns < info.start_ns) abort();
        char *first = export_all(s);
        hip_session *q = NULL;
        if (hip_session_create(NULL, &q) != HIP_OK) abort();
        if (hip_session_import_json(q, first, strlen(first)) != HIP_OK) abort();
        char *again = export_all(q);
        if (strcmp(again, first) != 0) abort();
        hip_session_summary a, b;
        if (hip_session_summarize(s, &a) != HIP_OK || hip_session_summarize(q, &b) != HIP_OK) abort();
        if (memcmp(&a, &b, sizeof a) != 0) abort();
        if (a.good_reps > a.done_reps || a.done_reps_capped > a.prescribed_reps) abort();
        hip_adherence_session as;
        if (hip_adherence_session_from(s, &as) != HIP_OK) abort();
        free(first);
        free(again);
        hip_session_destroy(q);
    }
    hip_session_destroy(s);
    return 0;
}
