/* Outcome questionnaires: the response handle, answers by item id, scoring (CLINICAL.md §2) and
 * change between two administrations with MCID/MDC flags. */
#include "outcomes_internal.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "hiptrack/hip_date.h"

/* Scale names, indexed by hip_outcome_scale (they are the JSON and docs names). */
static const char *const scale_names[HIPTRACK_OUTCOME_SCALE_COUNT] = {
    "hoos_symptoms", "hoos_pain", "hoos_adl", "hoos_sport", "hoos_qol",
    "hoos12_pain", "hoos12_function", "hoos12_qol", "hoos12_summary",
    "hoos_jr", "hoos_ps", "psfs", "ihot12", "oxford",
};

const char *hip_instrument_name(hip_instrument instrument)
{
    const hip__instrument_def *def = hip__instrument(instrument);
    return def ? def->name : "unknown";
}

const char *hip_outcome_scale_name(hip_outcome_scale scale)
{
    return (unsigned)scale < HIPTRACK_OUTCOME_SCALE_COUNT ? scale_names[scale] : "unknown";
}

int hip_outcome_instrument_available(hip_instrument instrument)
{
    if (!hip__instrument(instrument)) return 0;
#ifndef HIPTRACK_WITH_LICENSED_OUTCOMES
    if (instrument == HIP_INSTRUMENT_IHOT12 || instrument == HIP_INSTRUMENT_OXFORD) return 0;
#endif
    return 1;
}

/* ---- Item metadata ---------------------------------------------------------------------- */

size_t hip_outcome_item_count(hip_instrument instrument)
{
    const hip__instrument_def *def = hip__instrument(instrument);
    return def ? def->n_items : 0;
}

/* Copies src into dst[cap], truncated and NUL-terminated (dst is zeroed by the caller). */
static void copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    memcpy(dst, src, n < cap ? n : cap - 1);
}

static void fill_item(const hip__item_def *d, hip_outcome_item *out)
{
    memset(out, 0, sizeof *out);
    const char *topic = hip__item_topic(d);
    /* The tables are ours and fit (test_item_metadata); the bounds only guard future edits. */
    copy_text(out->id, sizeof out->id, d->id);
    copy_text(out->topic, sizeof out->topic, topic);
    out->min = d->min;
    out->max = d->max;
    out->scale = d->scale;
}

hip_status hip_outcome_item_at(hip_instrument instrument, size_t index, hip_outcome_item *out)
{
    const hip__instrument_def *def = hip__instrument(instrument);
    if (!def || !out) return HIP_ERR_INVALID;
    if (index >= def->n_items) return HIP_ERR_RANGE;
    fill_item(&def->items[index], out);
    return HIP_OK;
}

hip_status hip_outcome_item_find(hip_instrument instrument, const char *item_id,
                                 hip_outcome_item *out)
{
    const hip__instrument_def *def = hip__instrument(instrument);
    if (!def || !item_id || !out) return HIP_ERR_INVALID;
    long i = hip__item_index(def, item_id);
    if (i < 0) return HIP_ERR_NOT_FOUND;
    fill_item(&def->items[i], out);
    return HIP_OK;
}

/* ---- The response handle ---------------------------------------------------------------- */

void hip_outcome_config_init(hip_outcome_config *config)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
    config->instrument = HIP_INSTRUMENT_HOOS;
    config->hoos_missing_rule = HIP_HOOS_MISSING_2013;      /* HOOS-SC-2 [S] */
    config->hoos_ps_direction = HIP_HOOS_PS_HOOS_ALIGNED;   /* §2.4 libhip default [S] */
}

void hip__outcome_blank(hip_outcome_response *r)
{
    for (size_t i = 0; i < HIPTRACK_OUTCOME_MAX_ITEMS; i++) r->values[i] = HIPTRACK_OUTCOME_MISSING;
    memset(r->names, 0, sizeof r->names);
    r->has_day = 0;
    r->day = 0;
}

hip_status hip_outcome_response_create(const hip_outcome_config *config, hip_outcome_response **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_outcome_config defaults;
    if (!config) {
        hip_outcome_config_init(&defaults);
        config = &defaults;
    }
    if (config->struct_size < sizeof(hip_outcome_config) || !hip__alloc_valid(&config->allocator) ||
        !hip__instrument(config->instrument) || (unsigned)config->hoos_missing_rule > 1 ||
        (unsigned)config->hoos_ps_direction > 1)
        return HIP_ERR_INVALID;
    hip_outcome_response *r = hip__calloc(&config->allocator, 1, sizeof *r);
    if (!r) return HIP_ERR_NOMEM;
    r->alloc = config->allocator;
    r->instrument = config->instrument;
    r->hoos_missing_rule = config->hoos_missing_rule;
    r->hoos_ps_direction = config->hoos_ps_direction;
    hip__outcome_blank(r);
    *out = r;
    return HIP_OK;
}

void hip_outcome_response_destroy(hip_outcome_response *r)
{
    if (!r) return;
    hip_allocator a = r->alloc;
    hip__free(&a, r);
}

const char *hip_outcome_response_last_error(const hip_outcome_response *r)
{
    return r ? hip__errmsg(&r->err) : "";
}

hip_instrument hip_outcome_response_instrument(const hip_outcome_response *r)
{
    return r ? r->instrument : HIP_INSTRUMENT_HOOS;
}

hip_status hip_outcome_clear(hip_outcome_response *r)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    hip__outcome_blank(r);
    return HIP_OK;
}

/* The index of item_id in the response's instrument, or an error recorded in r. */
static hip_status find_item(hip_outcome_response *r, const char *item_id, long *index)
{
    if (!item_id) return hip__seterr(&r->err, HIP_ERR_INVALID, "item_id is NULL");
    const hip__instrument_def *def = hip__instrument(r->instrument);
    *index = hip__item_index(def, item_id);
    if (*index < 0)
        return hip__seterr(&r->err, HIP_ERR_NOT_FOUND, "%s has no item \"%.16s\"", def->name, item_id);
    return HIP_OK;
}

hip_status hip_outcome_set_answer(hip_outcome_response *r, const char *item_id, int32_t value)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    long i = -1;   /* set by find_item on success; -O3 cannot see that */
    hip_status st = find_item(r, item_id, &i);
    if (st != HIP_OK) return st;
    const hip__item_def *d = &hip__instrument(r->instrument)->items[i];
    if (value < d->min || value > d->max)
        return hip__seterr(&r->err, HIP_ERR_RANGE, "%s: %ld is out of range %ld..%ld%s", d->id,
                           (long)value, (long)d->min, (long)d->max,
                           value == HIPTRACK_OUTCOME_MISSING ? " (use hip_outcome_set_missing)" : "");
    r->values[i] = value;
    return HIP_OK;
}

hip_status hip_outcome_set_missing(hip_outcome_response *r, const char *item_id)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    long i = -1;   /* set by find_item on success; -O3 cannot see that */
    hip_status st = find_item(r, item_id, &i);
    if (st != HIP_OK) return st;
    r->values[i] = HIPTRACK_OUTCOME_MISSING;
    return HIP_OK;
}

hip_status hip_outcome_get_answer(const hip_outcome_response *r, const char *item_id,
                                  int32_t *value_out)
{
    if (!r || !item_id || !value_out) return HIP_ERR_INVALID;
    long i = hip__item_index(hip__instrument(r->instrument), item_id);
    if (i < 0) return HIP_ERR_NOT_FOUND;
    *value_out = r->values[i];
    return HIP_OK;
}

static hip_status find_activity(hip_outcome_response *r, const char *item_id, long *index)
{
    if (r->instrument != HIP_INSTRUMENT_PSFS)
        return hip__seterr(&r->err, HIP_ERR_STATE, "activity names belong to psfs, not %s",
                           hip_instrument_name(r->instrument));
    return find_item(r, item_id, index);
}

hip_status hip_outcome_set_activity_name(hip_outcome_response *r, const char *item_id,
                                         const char *name)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    long i = -1;   /* set by find_item on success; -O3 cannot see that */
    hip_status st = find_activity(r, item_id, &i);
    if (st != HIP_OK) return st;
    if (!name) return hip__seterr(&r->err, HIP_ERR_INVALID, "%s: name is NULL", item_id);
    size_t n = strlen(name);
    if (n >= HIPTRACK_NAME_CAP)
        return hip__seterr(&r->err, HIP_ERR_INVALID, "%s: name longer than %d bytes", item_id,
                           HIPTRACK_NAME_CAP - 1);
    memset(r->names[i], 0, sizeof r->names[i]);
    memcpy(r->names[i], name, n);
    return HIP_OK;
}

hip_status hip_outcome_get_activity_name(const hip_outcome_response *r, const char *item_id,
                                         char *buf, size_t cap)
{
    if (!r || !item_id || !buf) return HIP_ERR_INVALID;
    if (r->instrument != HIP_INSTRUMENT_PSFS) return HIP_ERR_STATE;
    long i = hip__item_index(hip__instrument(r->instrument), item_id);
    if (i < 0) return HIP_ERR_NOT_FOUND;
    size_t n = strlen(r->names[i]);
    if (n + 1 > cap) return HIP_ERR_BUFSIZE;
    memcpy(buf, r->names[i], n + 1);
    return HIP_OK;
}

hip_status hip_outcome_set_date(hip_outcome_response *r, int32_t day)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    int y, m, d;
    if (hip_date_to_ymd(day, &y, &m, &d) != HIP_OK)
        return hip__seterr(&r->err, HIP_ERR_RANGE, "day %ld is not a date in years 1..9999", (long)day);
    r->has_day = 1;
    r->day = day;
    return HIP_OK;
}

hip_status hip_outcome_clear_date(hip_outcome_response *r)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    r->has_day = 0;
    r->day = 0;
    return HIP_OK;
}

hip_status hip_outcome_get_date(const hip_outcome_response *r, int32_t *day_out)
{
    if (!r || !day_out) return HIP_ERR_INVALID;
    if (!r->has_day) return HIP_ERR_NOT_FOUND;
    *day_out = r->day;
    return HIP_OK;
}

/* ---- Scoring ------------------------------------------------------------------------------ */

/* Answered count and sum of the items of one scale. */
static void tally(const hip__instrument_def *def, const int32_t *values, hip_outcome_scale scale,
                  hip_outcome_scale_score *s)
{
    for (size_t i = 0; i < def->n_items; i++) {
        if (def->items[i].scale != scale) continue;
        s->item_count++;
        if (values[i] != HIPTRACK_OUTCOME_MISSING) {
            s->answered++;
            s->raw_sum += values[i];
        }
    }
}

static void set_value(hip_outcome_scale_score *s, double value)
{
    s->state = HIP_OUTCOME_SCORED;
    s->value = value;
}

/* HOOS subscale: valid with at least min_answered items; 100 - 25 x mean(answered)
 * (HOOS-SC-1 [S]; the mean over answered items is the 2013 guide's substitution, HOOS-SC-2). */
static void score_hoos_scale(hip_outcome_scale_score *s, uint32_t min_answered)
{
    if (s->answered < min_answered || s->answered == 0) return;
    double mean = (double)s->raw_sum / (double)s->answered;
    set_value(s, 100.0 - mean * 100.0 / 4.0);
}

/* HOOS-12 scale (H12-SC-1 [S], arithmetic D): at least 2 of 4 answered; a person-specific mean is
 * imputed for missing items, then the 0..16 sum is transformed to 100 = best. */
static void score_hoos12_scale(hip_outcome_scale_score *s)
{
    if (s->answered < 2) return;
    double mean = (double)s->raw_sum / (double)s->answered;
    double imputed_sum = mean * 4.0;
    set_value(s, 100.0 - 100.0 * imputed_sum / 16.0);
}

static hip_status score_values(hip_outcome_response *r, hip_instrument inst, const int32_t *values,
                               hip_outcome_result *out)
{
    const hip__instrument_def *def = hip__instrument(inst);
    hip_outcome_result res;
    memset(&res, 0, sizeof res);
    res.instrument = inst;
    res.has_day = r->has_day;
    res.day = r->day;
    res.scale_count = def->n_scales;
    for (size_t k = 0; k < def->n_scales; k++) {
        hip_outcome_scale_score *s = &res.scales[k];
        s->scale = def->scales[k];
        s->state = HIP_OUTCOME_NOT_SCOREABLE;
        s->higher_is_better = 1;
        tally(def, values, s->scale, s);
    }
    switch (inst) {
    case HIP_INSTRUMENT_HOOS:
        for (size_t k = 0; k < def->n_scales; k++) {
            uint32_t n = res.scales[k].item_count;
            /* 2013: >= 50 % answered (P 5, S 3, ADL 9, SP 2, QOL 2) [S]; 2003: at most 2 missing
             * (P 8, S 3, ADL 15, SP 2, QOL 2) [S]. */
            uint32_t min = r->hoos_missing_rule == HIP_HOOS_MISSING_2003 ? n - 2 : (n + 1) / 2;
            score_hoos_scale(&res.scales[k], min);
        }
        break;
    case HIP_INSTRUMENT_HOOS12: {
        for (size_t k = 0; k < 3; k++) score_hoos12_scale(&res.scales[k]);
        /* H12-SC-2: the mean of the three scales, only when all three are valid [S* / DD]. */
        hip_outcome_scale_score *sum = &res.scales[3];
        if (res.scales[0].state == HIP_OUTCOME_SCORED && res.scales[1].state == HIP_OUTCOME_SCORED &&
            res.scales[2].state == HIP_OUTCOME_SCORED)
            set_value(sum, (res.scales[0].value + res.scales[1].value + res.scales[2].value) / 3.0);
        break;
    }
    case HIP_INSTRUMENT_HOOS_JR:
        /* HJR-SC-1 [S]: raw sum -> interval table; HJR-SC-2 [DD]: all 6 items required. */
        if (res.scales[0].answered == res.scales[0].item_count)
            set_value(&res.scales[0], hip__hoos_jr_table[res.scales[0].raw_sum]);
        break;
    case HIP_INSTRUMENT_HOOS_PS:
        /* Raw sum -> table [S*]; no missing items allowed [S*]. */
        if (r->hoos_ps_direction == HIP_HOOS_PS_ORIGINAL) res.scales[0].higher_is_better = 0;
        if (res.scales[0].answered == res.scales[0].item_count) {
            double v = hip__hoos_ps_table[res.scales[0].raw_sum];
            set_value(&res.scales[0], r->hoos_ps_direction == HIP_HOOS_PS_ORIGINAL ? 100.0 - v : v);
        }
        break;
    case HIP_INSTRUMENT_PSFS:
        /* PSFS-SC-1 [S]: mean of the rated activities; none rated -> not scoreable. */
        for (size_t i = 0; i < def->n_items; i++) {
            if (values[i] == HIPTRACK_OUTCOME_MISSING) continue;
            hip_psfs_activity_score *a = &res.activities[res.activity_count++];
            memcpy(a->id, def->items[i].id, strlen(def->items[i].id) + 1);
            a->value = values[i];
        }
        if (res.scales[0].answered > 0)
            set_value(&res.scales[0], (double)res.scales[0].raw_sum / (double)res.scales[0].answered);
        break;
    case HIP_INSTRUMENT_IHOT12:
    case HIP_INSTRUMENT_OXFORD:
#ifdef HIPTRACK_WITH_LICENSED_OUTCOMES
        if (res.scales[0].answered == res.scales[0].item_count)
            set_value(&res.scales[0], inst == HIP_INSTRUMENT_IHOT12 ? hip__ihot12_total(values)
                                                                    : hip__oxford_total(values));
        break;
#else
        return hip__seterr(&r->err, HIP_ERR_UNSUPPORTED,
                           "%s needs a licence from its owner: this build does not score it "
                           "(build with -DHIPTRACK_WITH_LICENSED_OUTCOMES=ON once licensed)",
                           def->name);
#endif
    }
    *out = res;
    return HIP_OK;
}

hip_status hip_outcome_score(hip_outcome_response *r, hip_outcome_result *out)
{
    if (!r) return HIP_ERR_INVALID;
    return hip_outcome_score_as(r, r->instrument, out);
}

hip_status hip_outcome_score_as(hip_outcome_response *r, hip_instrument as, hip_outcome_result *out)
{
    if (!r) return HIP_ERR_INVALID;
    hip__clearerr(&r->err);
    if (!out) return hip__seterr(&r->err, HIP_ERR_INVALID, "out is NULL");
    const hip__instrument_def *target = hip__instrument(as);
    if (!target) return hip__seterr(&r->err, HIP_ERR_INVALID, "unknown instrument %d", (int)as);
    if (as == r->instrument) return score_values(r, as, r->values, out);
    if (r->instrument != HIP_INSTRUMENT_HOOS ||
        (as != HIP_INSTRUMENT_HOOS12 && as != HIP_INSTRUMENT_HOOS_JR && as != HIP_INSTRUMENT_HOOS_PS))
        return hip__seterr(&r->err, HIP_ERR_INVALID, "a %s response cannot be scored as %s",
                           hip_instrument_name(r->instrument), target->name);
    /* The short forms' items are HOOS items with the same ids (§2.1). */
    const hip__instrument_def *hoos = hip__instrument(HIP_INSTRUMENT_HOOS);
    int32_t values[HIPTRACK_OUTCOME_MAX_ITEMS];
    for (size_t i = 0; i < target->n_items; i++)
        values[i] = r->values[hip__item_index(hoos, target->items[i].id)];
    return score_values(r, as, values, out);
}

/* ---- Change ------------------------------------------------------------------------------- */

void hip_mcid_config_init(hip_mcid_config *c)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
    /* HOOS-12 after total hip replacement: MCID 24.0-28.1 points (Soh 2022) [S]; the lower end is
     * the default [DD]. Applied to each HOOS-12 scale and the summary. */
    static const hip_outcome_scale h12[] = {HIP_OUTCOME_SCALE_HOOS12_PAIN, HIP_OUTCOME_SCALE_HOOS12_FUNCTION,
                                            HIP_OUTCOME_SCALE_HOOS12_QOL, HIP_OUTCOME_SCALE_HOOS12_SUMMARY};
    for (size_t i = 0; i < 4; i++) {
        c->threshold[h12[i]] = 24.0;
        c->criterion[h12[i]] = HIP_CHANGE_MCID;
    }
    /* PSFS minimum detectable change (90 % CI): 2 points for the mean, 3 for one activity [S]. */
    c->threshold[HIP_OUTCOME_SCALE_PSFS] = 2.0;
    c->criterion[HIP_OUTCOME_SCALE_PSFS] = HIP_CHANGE_MDC;
    c->psfs_activity_threshold = 3.0;
    c->psfs_activity_criterion = HIP_CHANGE_MDC;
    /* HOOS subscales: no MCID in CLINICAL.md. HOOS JR: 18 appears in public code attributed to
     * Lyman 2018 [S*, U], so it is not a default (U is never hard-coded); iHOT-12 and Oxford: only
     * PASS values (absolute states, not changes) are given. All configurable. */
}

/* Float noise (differences of means) must not flip a boundary case such as a change of exactly
 * the threshold; the scores are rationals whose differences are far coarser than this. */
#define HIP__CHANGE_EPS 1e-9

static int valid_criterion(hip_change_criterion c) { return (unsigned)c <= HIP_CHANGE_MDC; }

static int valid_result(const hip_outcome_result *r)
{
    if (!hip__instrument(r->instrument) || r->scale_count > HIPTRACK_OUTCOME_MAX_SCALES ||
        r->activity_count > HIPTRACK_PSFS_MAX_ACTIVITIES)
        return 0;
    for (size_t k = 0; k < r->scale_count; k++) {
        const hip_outcome_scale_score *s = &r->scales[k];
        if ((unsigned)s->scale >= HIPTRACK_OUTCOME_SCALE_COUNT) return 0;
        if (s->state == HIP_OUTCOME_SCORED && !isfinite(s->value)) return 0;
    }
    for (size_t a = 0; a < r->activity_count; a++)
        if (!hip__terminated(r->activities[a].id, sizeof r->activities[a].id) ||
            r->activities[a].value < 0 || r->activities[a].value > 10)
            return 0;
    return 1;
}

static void judge(double delta, double threshold, int32_t *improved, int32_t *worsened)
{
    *improved = threshold > 0 && delta >= threshold - HIP__CHANGE_EPS;
    *worsened = threshold > 0 && delta <= -threshold + HIP__CHANGE_EPS;
}

hip_status hip_outcome_compare(const hip_outcome_result *before, const hip_outcome_result *after,
                               const hip_mcid_config *mcid, hip_outcome_change *out)
{
    if (!before || !after || !out) return HIP_ERR_INVALID;
    hip_mcid_config defaults;
    if (!mcid) {
        hip_mcid_config_init(&defaults);
        mcid = &defaults;
    }
    if (mcid->struct_size < sizeof(hip_mcid_config)) return HIP_ERR_INVALID;
    for (size_t k = 0; k < HIPTRACK_OUTCOME_SCALE_CAP; k++)
        if (!(mcid->threshold[k] >= 0 && isfinite(mcid->threshold[k])) || !valid_criterion(mcid->criterion[k]))
            return HIP_ERR_INVALID;
    if (!(mcid->psfs_activity_threshold >= 0 && isfinite(mcid->psfs_activity_threshold)) ||
        !valid_criterion(mcid->psfs_activity_criterion))
        return HIP_ERR_INVALID;
    if (!valid_result(before) || !valid_result(after) || before->instrument != after->instrument ||
        before->scale_count != after->scale_count)
        return HIP_ERR_INVALID;
    for (size_t k = 0; k < before->scale_count; k++)
        if (before->scales[k].scale != after->scales[k].scale ||
            before->scales[k].higher_is_better != after->scales[k].higher_is_better)
            return HIP_ERR_INVALID;

    hip_outcome_change c;
    memset(&c, 0, sizeof c);
    c.instrument = before->instrument;
    c.scale_count = before->scale_count;
    /* PSFS: activities rated at both visits (matched by slot id), §2.5 [DD]. */
    double sum_b = 0, sum_a = 0;
    for (size_t i = 0; i < before->activity_count; i++)
        for (size_t j = 0; j < after->activity_count; j++) {
            if (strcmp(before->activities[i].id, after->activities[j].id) != 0) continue;
            hip_psfs_activity_change *ac = &c.activities[c.activity_count++];
            memcpy(ac->id, before->activities[i].id, sizeof ac->id);
            ac->before = before->activities[i].value;
            ac->after = after->activities[j].value;
            ac->delta = ac->after - ac->before;
            judge(ac->delta, mcid->psfs_activity_threshold, &ac->improved, &ac->worsened);
            sum_b += ac->before;
            sum_a += ac->after;
            break;
        }
    for (size_t k = 0; k < c.scale_count; k++) {
        const hip_outcome_scale_score *b = &before->scales[k], *a = &after->scales[k];
        hip_outcome_scale_change *sc = &c.scales[k];
        sc->scale = b->scale;
        sc->state = HIP_OUTCOME_NOT_EVALUABLE;
        sc->threshold = mcid->threshold[b->scale];
        sc->criterion = sc->threshold > 0 ? mcid->criterion[b->scale] : HIP_CHANGE_NONE;
        if (b->state != HIP_OUTCOME_SCORED || a->state != HIP_OUTCOME_SCORED) continue;
        sc->before = b->value;
        sc->after = a->value;
        if (b->scale == HIP_OUTCOME_SCALE_PSFS) {
            if (c.activity_count == 0) {   /* no activity rated at both visits */
                sc->before = sc->after = 0;
                continue;
            }
            sc->before = sum_b / (double)c.activity_count;
            sc->after = sum_a / (double)c.activity_count;
        }
        sc->state = HIP_OUTCOME_SCORED;
        sc->delta = b->higher_is_better ? sc->after - sc->before : sc->before - sc->after;
        judge(sc->delta, sc->threshold, &sc->improved, &sc->worsened);
    }
    *out = c;
    return HIP_OK;
}
