/* Fuzz target: pain-log JSON import. Accepted input must round-trip through export (and the
 * analytics must run on it); rejected input must leave the previous entries unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *export_all(const hip_painlog *log)
{
    size_t len = 0;
    if (hip_painlog_export_json(log, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_painlog_export_json(log, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

/* Every analytic over every context either computes or reports NOT_FOUND. */
static void analyse(const hip_painlog *log)
{
    hip_pain_entry first;
    int32_t day = 0;
    if (hip_painlog_entry_at(log, 0, &first) == HIP_OK &&
        hip_painlog_local_day(first.t_ns, first.utc_offset_min, &day) != HIP_OK)
        abort();
    for (int c = 0; c <= HIP_PAIN_CONTEXT_NEXT_MORNING; c++) {
        hip_pain_baseline b;
        hip_pain_window w;
        hip_pain_change ch;
        hip_pain_pattern_result p;
        hip_pain_flare f[4];
        size_t n = 0;
        hip_status st = hip_painlog_baseline(log, (hip_pain_context)c, &b);
        if (st != HIP_OK && st != HIP_ERR_NOT_FOUND) abort();
        if (st == HIP_OK && !(b.nrs >= 0 && b.nrs <= 10)) abort();
        st = hip_painlog_rolling_mean(log, (hip_pain_context)c, day + 3, &w);
        if (st != HIP_OK && st != HIP_ERR_NOT_FOUND) abort();
        st = hip_painlog_change_on(log, (hip_pain_context)c, day + 3, &ch);
        if (st != HIP_OK && st != HIP_ERR_NOT_FOUND) abort();
        st = hip_painlog_flares(log, (hip_pain_context)c, f, 4, &n);
        if (st != HIP_OK && st != HIP_ERR_NOT_FOUND && st != HIP_ERR_BUFSIZE) abort();
        st = hip_painlog_pattern(log, (hip_pain_context)c, day - 400, day + 400, &p);
        if (st != HIP_OK && st != HIP_ERR_NOT_FOUND) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip_painlog *log = NULL;
    if (hip_painlog_create(NULL, &log) != HIP_OK) abort();
    /* Start from a non-empty log so that "unchanged" means something. */
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = 1767225600LL * 1000000000LL;
    e.nrs = 4;
    e.context = HIP_PAIN_CONTEXT_AVG_24H;
    if (hip_painlog_add(log, &e) != HIP_OK) abort();
    char *before = export_all(log);
    hip_status st = hip_painlog_import_json(log, (const char *)data, size);
    char *after = export_all(log);
    if (st != HIP_OK) {
        if (st >= 0 || strcmp(before, after) != 0 || !hip_painlog_last_error(log)[0]) abort();
    } else {
        analyse(log);
        hip_painlog *q = NULL;
        if (hip_painlog_create(NULL, &q) != HIP_OK) abort();
        if (hip_painlog_import_json(q, after, strlen(after)) != HIP_OK) abort();
        if (hip_painlog_count(q) != hip_painlog_count(log)) abort();
        char *again = export_all(q);
        if (strcmp(again, after) != 0) abort();
        free(again);
        hip_painlog_destroy(q);
    }
    free(before);
    free(after);
    hip_painlog_destroy(log);
    return 0;
}
