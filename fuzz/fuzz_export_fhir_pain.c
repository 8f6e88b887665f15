/* Fuzz target: pain import from FHIR (an Observation or a Bundle). Accepted input must
 * round-trip through the FHIR Bundle export to the same entries; rejected input must leave the
 * previous entries unchanged and say why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *painlog_json(const hip_painlog *log)
{
    size_t len = 0;
    if (hip_painlog_export_json(log, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_painlog_export_json(log, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

static char *export_again(const hip_painlog *log)
{
    hip_export_input in;
    hip_export_input_init(&in);
    in.painlog = log;
    size_t len = 0;
    hip_fhir_config c;
    hip_fhir_config_init(&c);
    memcpy(c.patient, "Patient/1", 10);
    if (hip_export_fhir_bundle(&in, -200000, 200000, &c, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_export_fhir_bundle(&in, -200000, 200000, &c, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip_painlog *log = NULL;
    if (hip_painlog_create(NULL, &log) != HIP_OK) abort();
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = 1767225600LL * 1000000000LL;
    e.nrs = 4;
    if (hip_painlog_add(log, &e) != HIP_OK) abort();
    char *before = painlog_json(log);
    hip_status st = hip_export_import_fhir_pain(log, (const char *)data, size);
    char *after = painlog_json(log);
    if (st != HIP_OK) {
        if (st >= 0 || strcmp(before, after) != 0 || !hip_painlog_last_error(log)[0]) abort();
    } else {
        /* An offset beyond FHIR's 14:00 is written in UTC, so such logs are not compared. */
        int wide = 0;
        for (size_t i = 0; i < hip_painlog_count(log); i++) {
            hip_pain_entry a;
            if (hip_painlog_entry_at(log, i, &a) != HIP_OK) abort();
            wide |= a.utc_offset_min > 840 || a.utc_offset_min < -840;
        }
        if (wide) goto done;
        char *text = export_again(log);
        hip_painlog *q = NULL;
        if (hip_painlog_create(NULL, &q) != HIP_OK) abort();
        if (hip_export_import_fhir_pain(q, text, strlen(text)) != HIP_OK) abort();
        if (hip_painlog_count(q) != hip_painlog_count(log)) abort();
        for (size_t i = 0; i < hip_painlog_count(q); i++) {
            hip_pain_entry a, b;
            if (hip_painlog_entry_at(log, i, &a) != HIP_OK || hip_painlog_entry_at(q, i, &b) != HIP_OK) abort();
            if (a.t_ns != b.t_ns || a.nrs != b.nrs || a.context != b.context || a.symptoms != b.symptoms ||
                a.location != b.location || a.side != b.side || strcmp(a.note, b.note) != 0)
                abort();
        }
        free(text);
        hip_painlog_destroy(q);
    }
done:
    free(before);
    free(after);
    hip_painlog_destroy(log);
    return 0;
}
