/* Fuzz target: outcome JSON import, and answer values. The input is imported as a hiptrack.outcome
 * document: accepted input must round-trip through export and score without NaN; rejected input must
 * leave the previous administration unchanged. The same bytes then drive set_answer / set_missing
 * calls (instrument, item index, value): out-of-range values must be refused with HIP_ERR_RANGE and
 * change nothing, accepted ones must read back, and every score must stay within its scale. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *export_all(const hip_outcome_response *r)
{
    size_t len = 0;
    if (hip_outcome_export_json(r, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_outcome_export_json(r, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

static double scale_max(hip_outcome_scale s)
{
    switch (s) {
    case HIP_OUTCOME_SCALE_PSFS: return 10;
    case HIP_OUTCOME_SCALE_OXFORD: return 48;
    default: return 100;
    }
}

/* Scores (when this build scores the instrument) and checks every scale's value and state. */
static void check_score(hip_outcome_response *r)
{
    hip_outcome_result res;
    hip_status st = hip_outcome_score(r, &res);
    if (!hip_outcome_instrument_available(hip_outcome_response_instrument(r))) {
        if (st != HIP_ERR_UNSUPPORTED) abort();
        return;
    }
    if (st != HIP_OK || res.scale_count == 0 || res.scale_count > HIPTRACK_OUTCOME_MAX_SCALES) abort();
    for (size_t k = 0; k < res.scale_count; k++) {
        const hip_outcome_scale_score *s = &res.scales[k];
        if (s->state == HIP_OUTCOME_SCORED) {
            if (!isfinite(s->value) || s->value < 0 || s->value > scale_max(s->scale)) abort();
        } else if (s->state != HIP_OUTCOME_NOT_SCOREABLE || s->value != 0) {
            abort();
        }
    }
    hip_outcome_change c;
    if (hip_outcome_compare(&res, &res, NULL, &c) != HIP_OK) abort();
    for (size_t k = 0; k < c.scale_count; k++)
        if (c.scales[k].state == HIP_OUTCOME_SCORED && (c.scales[k].delta != 0 || c.scales[k].improved))
            abort();
}

static void fuzz_json(const uint8_t *data, size_t size)
{
    hip_outcome_response *r = NULL;
    if (hip_outcome_response_create(NULL, &r) != HIP_OK) abort();
    /* Start from a non-empty administration so that "unchanged" means something. */
    if (hip_outcome_set_answer(r, "P1", 2) != HIP_OK || hip_outcome_set_date(r, 20000) != HIP_OK) abort();
    char *before = export_all(r);
    hip_status st = hip_outcome_import_json(r, (const char *)data, size);
    char *after = export_all(r);
    if (st != HIP_OK) {
        if (st >= 0 || strcmp(before, after) != 0 || !hip_outcome_response_last_error(r)[0]) abort();
    } else {
        check_score(r);
        hip_outcome_response *q = NULL;
        if (hip_outcome_response_create(NULL, &q) != HIP_OK) abort();
        if (hip_outcome_import_json(q, after, strlen(after)) != HIP_OK) abort();
        char *again = export_all(q);
        if (strcmp(again, after) != 0) abort();
        free(again);
        hip_outcome_response_destroy(q);
    }
    free(before);
    free(after);
    hip_outcome_response_destroy(r);
}

static void fuzz_answers(const uint8_t *data, size_t size)
{
    if (size < 1) return;
    hip_outcome_config cfg;
    hip_outcome_config_init(&cfg);
    cfg.instrument = (hip_instrument)(data[0] % HIPTRACK_INSTRUMENT_COUNT);
    cfg.hoos_missing_rule = (hip_hoos_missing_rule)((data[0] >> 3) & 1);
    cfg.hoos_ps_direction = (hip_hoos_ps_direction)((data[0] >> 4) & 1);
    hip_outcome_response *r = NULL;
    if (hip_outcome_response_create(&cfg, &r) != HIP_OK) abort();
    size_t n = hip_outcome_item_count(cfg.instrument);
    /* Records of 3 bytes: item index, value (signed 16-bit: covers -1, -2, 5, 11, 101 ...). */
    for (size_t i = 1; i + 3 <= size; i += 3) {
        hip_outcome_item it;
        if (hip_outcome_item_at(cfg.instrument, data[i] % n, &it) != HIP_OK) abort();
        int32_t value = (int16_t)(data[i + 1] | (data[i + 2] << 8));
        if (data[i] >= 0xf0) value = value % 16;   /* bias towards small values */
        int32_t old, now;
        if (hip_outcome_get_answer(r, it.id, &old) != HIP_OK) abort();
        if (data[i] & 0x80 && data[i] < 0xf0) {
            if (hip_outcome_set_missing(r, it.id) != HIP_OK) abort();
            if (hip_outcome_get_answer(r, it.id, &now) != HIP_OK || now != HIPTRACK_OUTCOME_MISSING) abort();
            continue;
        }
        hip_status st = hip_outcome_set_answer(r, it.id, value);
        if (hip_outcome_get_answer(r, it.id, &now) != HIP_OK) abort();
        if (value >= it.min && value <= it.max) {
            if (st != HIP_OK || now != value) abort();
        } else if (st != HIP_ERR_RANGE || now != old || !strstr(hip_outcome_response_last_error(r), it.id)) {
            abort();
        }
        check_score(r);
    }
    check_score(r);
    /* A HOOS response also scores as its short forms. */
    if (cfg.instrument == HIP_INSTRUMENT_HOOS) {
        hip_outcome_result res;
        if (hip_outcome_score_as(r, HIP_INSTRUMENT_HOOS_JR, &res) != HIP_OK) abort();
        if (hip_outcome_score_as(r, HIP_INSTRUMENT_HOOS12, &res) != HIP_OK) abort();
        if (hip_outcome_score_as(r, HIP_INSTRUMENT_HOOS_PS, &res) != HIP_OK) abort();
    }
    /* Export round trip of the built administration. */
    char *json = export_all(r);
    hip_outcome_response *q = NULL;
    if (hip_outcome_response_create(&cfg, &q) != HIP_OK) abort();
    if (hip_outcome_import_json(q, json, strlen(json)) != HIP_OK) abort();
    char *again = export_all(q);
    if (strcmp(json, again) != 0) abort();
    free(json);
    free(again);
    hip_outcome_response_destroy(q);
    hip_outcome_response_destroy(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_json(data, size);
    fuzz_answers(data, size);
    return 0;
}
