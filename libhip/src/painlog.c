/* The pain log: entries kept in time order, validation, duplicates, and the pure §1 functions
 * (severity band, change and responders, acute vs chronic, cohort reduction). */
#include "painlog_internal.h"

#include <string.h>

#include "alloc.h"
#include "hiptrack/hip_date.h"

const char *const hip__pain_context_names[7] = {"current", "avg_24h", "avg_7d", "worst_24h",
                                                "during_exercise", "after_exercise", "next_morning"};
const char *const hip__pain_location_names[9] = {"unspecified", "groin", "lateral_hip", "buttock",
                                                 "anterior_thigh", "inner_thigh", "lateral_thigh",
                                                 "knee_referred", "low_back"};
const char *const hip__pain_side_names[4] = {"unspecified", "left", "right", "both"};
const char *const hip__pain_symptom_names[HIPTRACK_PAIN_SYMPTOM_COUNT] = {
    "stiffness", "swelling", "giving_way", "clicking", "reduced_mobility", "catching_locking",
    "limp", "weakness", "numbness_tingling"};
const char *const hip__pain_tod_names[5] = {"unspecified", "morning", "afternoon", "evening", "night"};
const char *const hip__pain_setting_names[5] = {"unspecified", "rest", "activity", "after_exercise",
                                                "night"};

static const char *const band_names[5] = {"none", "mild", "moderate", "severe", "excruciating"};
/* CLINICAL.md §1.1 (HL7 EU score catalogue). */
static const char *const band_snomed[5] = {"301379001", "40196000", "50415004", "76948002", "67849003"};

const char *hip_pain_context_name(hip_pain_context v)
{
    return (unsigned)v < 7 ? hip__pain_context_names[v] : "unknown";
}
const char *hip_pain_location_name(hip_pain_location v)
{
    return (unsigned)v < 9 ? hip__pain_location_names[v] : "unknown";
}
const char *hip_pain_side_name(hip_pain_side v)
{
    return (unsigned)v < 4 ? hip__pain_side_names[v] : "unknown";
}
const char *hip_pain_symptom_name(uint32_t flag)
{
    for (unsigned i = 0; i < HIPTRACK_PAIN_SYMPTOM_COUNT; i++)
        if (flag == (1u << i)) return hip__pain_symptom_names[i];
    return "unknown";
}
const char *hip_pain_time_of_day_name(hip_pain_time_of_day v)
{
    return (unsigned)v < 5 ? hip__pain_tod_names[v] : "unknown";
}
const char *hip_pain_setting_name(hip_pain_setting v)
{
    return (unsigned)v < 5 ? hip__pain_setting_names[v] : "unknown";
}
const char *hip_pain_band_name(hip_pain_band v)
{
    return (unsigned)v < 5 ? band_names[v] : "unknown";
}
const char *hip_pain_band_snomed(hip_pain_band v)
{
    return (unsigned)v < 5 ? band_snomed[v] : "";
}

/* ---- time ---- */

void hip__pain_split_ns(int64_t t_ns, int64_t *s_out, int64_t *frac_out)
{
    int64_t s = t_ns / HIP__PAINLOG_NS, r = t_ns % HIP__PAINLOG_NS;
    if (r < 0) { r += HIP__PAINLOG_NS; s -= 1; }
    *s_out = s;
    *frac_out = r;
}

int64_t hip__pain_local_s(int64_t t_ns, int32_t utc_offset_min)
{
    int64_t s, frac;
    hip__pain_split_ns(t_ns, &s, &frac);
    return s + (int64_t)utc_offset_min * 60;
}

static int32_t day_of_local_s(int64_t local_s)
{
    int64_t d = local_s / 86400;
    if (local_s % 86400 < 0) d -= 1;
    return (int32_t)d;   /* |d| < 2^27 for any int64 t_ns */
}

int32_t hip__pain_entry_day(const hip_pain_entry *e)
{
    return day_of_local_s(hip__pain_local_s(e->t_ns, e->utc_offset_min));
}

hip_status hip_painlog_local_day(int64_t t_ns, int32_t utc_offset_min, int32_t *day_out)
{
    if (!day_out) return HIP_ERR_INVALID;
    if (utc_offset_min < -HIPTRACK_PAIN_OFFSET_MAX || utc_offset_min > HIPTRACK_PAIN_OFFSET_MAX)
        return HIP_ERR_RANGE;
    *day_out = day_of_local_s(hip__pain_local_s(t_ns, utc_offset_min));
    return HIP_OK;
}

/* ---- entries ---- */

void hip_pain_entry_init(hip_pain_entry *e)
{
    if (!e) return;
    memset(e, 0, sizeof *e);
    e->context = HIP_PAIN_CONTEXT_CURRENT;
}

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        unsigned cp, min;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return 0;
        if (n - i < len) return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += len;
    }
    return 1;
}

hip_status hip__pain_entry_validate(const hip_pain_entry *e, const char *path, hip__error *err)
{
    const char *sep = *path ? "." : "";
    if (e->nrs < 0 || e->nrs > 10)
        return hip__seterr(err, HIP_ERR_RANGE, "%s%snrs: expected an integer 0..10, got %ld", path,
                           sep, (long)e->nrs);
    if (e->utc_offset_min < -HIPTRACK_PAIN_OFFSET_MAX || e->utc_offset_min > HIPTRACK_PAIN_OFFSET_MAX)
        return hip__seterr(err, HIP_ERR_RANGE, "%s%sutc_offset_min: expected -1080..1080, got %ld",
                           path, sep, (long)e->utc_offset_min);
    if ((unsigned)e->context > HIP_PAIN_CONTEXT_NEXT_MORNING)
        return hip__seterr(err, HIP_ERR_INVALID, "%s%scontext: unknown value %d", path, sep,
                           (int)e->context);
    if ((unsigned)e->location > HIP_PAIN_LOCATION_LOW_BACK)
        return hip__seterr(err, HIP_ERR_INVALID, "%s%slocation: unknown value %d", path, sep,
                           (int)e->location);
    if ((unsigned)e->side > HIP_PAIN_SIDE_BOTH)
        return hip__seterr(err, HIP_ERR_INVALID, "%s%sside: unknown value %d", path, sep, (int)e->side);
    if (e->symptoms & ~HIPTRACK_PAIN_SYMPTOM_ALL)
        return hip__seterr(err, HIP_ERR_INVALID, "%s%ssymptoms: unknown flag bits %u", path, sep,
                           (unsigned)(e->symptoms & ~HIPTRACK_PAIN_SYMPTOM_ALL));
    if ((unsigned)e->time_of_day > HIP_PAIN_TIME_OF_DAY_NIGHT)
        return hip__seterr(err, HIP_ERR_INVALID, "%s%stime_of_day: unknown value %d", path, sep,
                           (int)e->time_of_day);
    if ((unsigned)e->setting > HIP_PAIN_SETTING_NIGHT)
        return hip__seterr(err, HIP_ERR_INVALID, "%s%ssetting: unknown value %d", path, sep,
                           (int)e->setting);
    const char *nul = memchr(e->note, '\0', sizeof e->note);
    if (!nul)
        return hip__seterr(err, HIP_ERR_INVALID, "%s%snote: not NUL-terminated within %d bytes", path,
                           sep, HIPTRACK_PAIN_NOTE_CAP);
    if (!valid_utf8((const unsigned char *)e->note, (size_t)(nul - e->note)))
        return hip__seterr(err, HIP_ERR_INVALID, "%s%snote: not valid UTF-8", path, sep);
    return HIP_OK;
}

int hip__pain_entry_equal(const hip_pain_entry *a, const hip_pain_entry *b)
{
    return a->t_ns == b->t_ns && a->utc_offset_min == b->utc_offset_min && a->nrs == b->nrs &&
           a->context == b->context && a->location == b->location && a->side == b->side &&
           a->symptoms == b->symptoms && a->time_of_day == b->time_of_day &&
           a->setting == b->setting && strcmp(a->note, b->note) == 0;
}

void hip__pain_sort(size_t *idx, size_t *tmp, size_t n,
                    int (*less)(const void *ctx, size_t a, size_t b), const void *ctx)
{
    size_t *src = idx, *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) dst[k++] = less(ctx, src[j], src[i]) ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        size_t *t = src; src = dst; dst = t;
    }
    if (src != idx) memcpy(idx, src, n * sizeof *idx);
}

int hip__pain_less_local(const void *ctx, size_t a, size_t b)
{
    const hip_pain_entry *e = ctx;
    int32_t da = hip__pain_entry_day(&e[a]), db = hip__pain_entry_day(&e[b]);
    if (da != db) return da < db;
    return e[a].t_ns < e[b].t_ns;
}

/* ---- configuration ---- */

void hip_painlog_config_init(hip_painlog_config *c)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
    c->baseline_rule = HIP_PAIN_BASELINE_FIRST_DAYS_MEAN;
    c->baseline_days = 7;
    c->rolling_days = 7;
    c->resp_pct = 30.0;
    c->resp_abs = 2.0;
    c->min_abs = 1.0;
    c->min_pct = 15.0;
    c->worse_abs = 2.0;
    c->responder_criterion = HIP_PAIN_CRITERION_PCT;
    c->flare_rise = 2.0;
    c->flare_off_margin = 1.0;
    c->flare_sustain_logs = 2;
    c->flare_baseline = HIP_PAIN_FLARE_BASELINE_ROLLING;
    c->flare_window_days = 7;
    c->flare_min_logs = 4;
    c->flare_long_days = 7;
    c->flare_frequent_count = 3;
    c->flare_frequent_days = 30;
    c->chronic_after_days = 84;
    c->subacute_from_days = 42;
    c->duration_bands = 2;
    c->pattern_min_diff = 1.0;
    c->pattern_min_entries = 3;
}

static int in(double v, double lo, double hi) { return v >= lo && v <= hi; }

int hip__painlog_config_resolve(const hip_painlog_config *c, hip_painlog_config *tmp,
                                const hip_painlog_config **out)
{
    if (!c) {
        hip_painlog_config_init(tmp);
        *out = tmp;
        return 1;
    }
    *out = c;
    return c->struct_size >= sizeof *c && hip__alloc_valid(&c->allocator) &&
           (unsigned)c->baseline_rule <= HIP_PAIN_BASELINE_FIRST_ENTRY &&
           c->baseline_days >= 1 && c->baseline_days <= 366 &&
           c->rolling_days >= 1 && c->rolling_days <= 366 &&
           in(c->resp_pct, 0, 100) && in(c->resp_abs, 0, 10) && in(c->min_abs, 0, 10) &&
           in(c->min_pct, 0, 100) && in(c->worse_abs, 0, 10) &&
           (unsigned)c->responder_criterion <= HIP_PAIN_CRITERION_BOTH &&
           in(c->flare_rise, 0, 10) && c->flare_rise > 0 && in(c->flare_off_margin, 0, 10) &&
           c->flare_sustain_logs >= 1 && c->flare_sustain_logs <= 30 &&
           (unsigned)c->flare_baseline <= HIP_PAIN_FLARE_BASELINE_FIXED &&
           c->flare_window_days >= 1 && c->flare_window_days <= 31 &&
           c->flare_min_logs >= 1 && c->flare_min_logs <= c->flare_window_days &&
           c->flare_long_days >= 1 && c->flare_long_days <= 366 &&
           c->flare_frequent_count >= 2 && c->flare_frequent_count <= 100 &&
           c->flare_frequent_days >= 1 && c->flare_frequent_days <= 366 &&
           c->chronic_after_days >= 0 && c->chronic_after_days <= 36500 &&
           c->subacute_from_days >= 0 && c->subacute_from_days <= c->chronic_after_days &&
           (c->duration_bands == 2 || c->duration_bands == 3) &&
           in(c->pattern_min_diff, 0, 10) && c->pattern_min_diff > 0 &&
           c->pattern_min_entries >= 1 && c->pattern_min_entries <= 1000000;
}

/* ---- the handle ---- */

hip_status hip_painlog_create(const hip_painlog_config *config, hip_painlog **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_painlog_config tmp;
    const hip_painlog_config *c;
    if (!hip__painlog_config_resolve(config, &tmp, &c)) return HIP_ERR_INVALID;
    hip_painlog *log = hip__calloc(&c->allocator, 1, sizeof *log);
    if (!log) return HIP_ERR_NOMEM;
    log->alloc = c->allocator;
    memcpy(&log->cfg, c, sizeof log->cfg);   /* a newer caller's extra fields are not kept */
    log->cfg.struct_size = sizeof log->cfg;
    *out = log;
    return HIP_OK;
}

void hip_painlog_destroy(hip_painlog *log)
{
    if (!log) return;
    hip_allocator a = log->alloc;
    hip__free(&a, log->entries);
    hip__free(&a, log->order);
    hip__free(&a, log);
}

const char *hip_painlog_last_error(const hip_painlog *log)
{
    return log ? hip__errmsg(&log->err) : "";
}

/* The first index whose t_ns is greater than t (entries with equal t_ns end before it). */
static size_t upper_bound(const hip_painlog *log, int64_t t)
{
    size_t lo = 0, hi = log->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (log->entries[mid].t_ns <= t) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static void describe_time(const hip_pain_entry *e, char *buf, size_t cap)
{
    int64_t ls = hip__pain_local_s(e->t_ns, e->utc_offset_min);
    int32_t d = day_of_local_s(ls);
    if (hip_date_format(d, buf, cap) != HIP_OK) { if (cap) buf[0] = '\0'; return; }
    int64_t sod = ls - (int64_t)d * 86400;
    size_t n = strlen(buf);
    if (cap > n + 6) {
        buf[n] = ' ';
        buf[n + 1] = (char)('0' + sod / 36000);
        buf[n + 2] = (char)('0' + sod / 3600 % 10);
        buf[n + 3] = ':';
        buf[n + 4] = (char)('0' + sod % 3600 / 600);
        buf[n + 5] = (char)('0' + sod % 3600 / 60 % 10);
        buf[n + 6] = '\0';
    }
}

hip_status hip_painlog_add(hip_painlog *log, const hip_pain_entry *e)
{
    if (!log) return HIP_ERR_INVALID;
    hip__clearerr(&log->err);
    if (!e) return hip__seterr(&log->err, HIP_ERR_INVALID, "entry is NULL");
    hip_status st = hip__pain_entry_validate(e, "", &log->err);
    if (st != HIP_OK) return st;
    size_t pos = upper_bound(log, e->t_ns);
    for (size_t i = pos; i-- > 0 && log->entries[i].t_ns == e->t_ns;)
        if (hip__pain_entry_equal(&log->entries[i], e)) {
            char when[32];
            describe_time(e, when, sizeof when);
            return hip__seterr(&log->err, HIP_ERR_EXISTS,
                               "an identical entry (%s local, nrs %ld, %s) is already in the log at index %zu",
                               when, (long)e->nrs, hip_pain_context_name(e->context), i);
        }
    if (log->n >= HIP__PAINLOG_MAX_ENTRIES)
        return hip__seterr(&log->err, HIP_ERR_RANGE, "the log is full (%d entries)",
                           HIP__PAINLOG_MAX_ENTRIES);
    if (!hip__grow(&log->alloc, (void **)&log->entries, &log->cap, log->n + 1, sizeof *log->entries) ||
        !hip__grow(&log->alloc, (void **)&log->order, &log->order_cap, log->n + 1, sizeof *log->order))
        return hip__seterr(&log->err, HIP_ERR_NOMEM, "out of memory");
    /* Nothing below can fail. */
    memmove(log->entries + pos + 1, log->entries + pos, (log->n - pos) * sizeof *log->entries);
    log->entries[pos] = *e;
    memset(log->entries[pos].note, 0, sizeof log->entries[pos].note);   /* no stale bytes */
    memcpy(log->entries[pos].note, e->note, strlen(e->note) + 1);
    for (size_t k = 0; k < log->n; k++)
        if (log->order[k] >= pos) log->order[k]++;
    /* Its place in local order: after every entry that sorts before or equal to it. */
    size_t lo = 0, hi = log->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (!hip__pain_less_local(log->entries, pos, log->order[mid])) lo = mid + 1;
        else hi = mid;
    }
    memmove(log->order + lo + 1, log->order + lo, (log->n - lo) * sizeof *log->order);
    log->order[lo] = pos;
    log->n++;
    return HIP_OK;
}

hip_status hip_painlog_remove(hip_painlog *log, size_t index)
{
    if (!log) return HIP_ERR_INVALID;
    hip__clearerr(&log->err);
    if (index >= log->n)
        return hip__seterr(&log->err, HIP_ERR_RANGE, "index %zu: the log has %zu entries", index, log->n);
    memmove(log->entries + index, log->entries + index + 1,
            (log->n - index - 1) * sizeof *log->entries);
    size_t k2 = 0;
    for (size_t k = 0; k < log->n; k++) {
        size_t v = log->order[k];
        if (v == index) continue;
        log->order[k2++] = v > index ? v - 1 : v;
    }
    log->n--;
    return HIP_OK;
}

size_t hip_painlog_count(const hip_painlog *log) { return log ? log->n : 0; }

hip_status hip_painlog_entry_at(const hip_painlog *log, size_t index, hip_pain_entry *out)
{
    if (!log || !out) return HIP_ERR_INVALID;
    if (index >= log->n) return HIP_ERR_RANGE;
    *out = log->entries[index];
    return HIP_OK;
}

/* ---- pure §1 functions ---- */

hip_status hip_painlog_band(int32_t nrs, hip_pain_band *band_out)
{
    if (!band_out) return HIP_ERR_INVALID;
    if (nrs < 0 || nrs > 10) return HIP_ERR_RANGE;
    *band_out = nrs == 0 ? HIP_PAIN_BAND_NONE
              : nrs <= 3 ? HIP_PAIN_BAND_MILD
              : nrs <= 6 ? HIP_PAIN_BAND_MODERATE
              : nrs <= 9 ? HIP_PAIN_BAND_SEVERE
                         : HIP_PAIN_BAND_EXCRUCIATING;
    return HIP_OK;
}

static hip_pain_verdict yes_no(int b) { return b ? HIP_PAIN_VERDICT_YES : HIP_PAIN_VERDICT_NO; }

/* Kleene logic over verdicts: any YES wins "either", any NO wins "both"; else NOT_EVALUABLE. */
static hip_pain_verdict v_or(hip_pain_verdict a, hip_pain_verdict b)
{
    if (a == HIP_PAIN_VERDICT_YES || b == HIP_PAIN_VERDICT_YES) return HIP_PAIN_VERDICT_YES;
    if (a == HIP_PAIN_VERDICT_NO && b == HIP_PAIN_VERDICT_NO) return HIP_PAIN_VERDICT_NO;
    return HIP_PAIN_VERDICT_NOT_EVALUABLE;
}

static hip_pain_verdict v_and(hip_pain_verdict a, hip_pain_verdict b)
{
    if (a == HIP_PAIN_VERDICT_NO || b == HIP_PAIN_VERDICT_NO) return HIP_PAIN_VERDICT_NO;
    if (a == HIP_PAIN_VERDICT_YES && b == HIP_PAIN_VERDICT_YES) return HIP_PAIN_VERDICT_YES;
    return HIP_PAIN_VERDICT_NOT_EVALUABLE;
}

static void compute_change(double b, double f, const hip_painlog_config *c, hip_pain_change *out)
{
    memset(out, 0, sizeof *out);
    out->baseline = b;
    out->followup = f;
    out->delta_abs = b - f;
    out->criterion = c->responder_criterion;
    int pct_ok = b > 0;
    out->pct_status = pct_ok ? HIP_PAIN_VERDICT_YES : HIP_PAIN_VERDICT_NOT_EVALUABLE;
    out->delta_pct = pct_ok ? 100.0 * (b - f) / b : 0.0;
    /* RESP-PCT: baseline >= 1 and delta_pct >= 30; NOT_EVALUABLE at baseline 0. */
    out->resp_pct = !pct_ok ? HIP_PAIN_VERDICT_NOT_EVALUABLE
                            : yes_no(b >= 1.0 - HIP__PAIN_EPS && out->delta_pct >= c->resp_pct - HIP__PAIN_EPS);
    out->resp_abs = yes_no(out->delta_abs >= c->resp_abs - HIP__PAIN_EPS);
    /* RESP-MIN: delta_abs >= 1 || delta_pct >= 15 (the percent half is unknown at baseline 0). */
    hip_pain_verdict min_pct = !pct_ok ? HIP_PAIN_VERDICT_NOT_EVALUABLE
                                       : yes_no(out->delta_pct >= c->min_pct - HIP__PAIN_EPS);
    out->resp_min = v_or(yes_no(out->delta_abs >= c->min_abs - HIP__PAIN_EPS), min_pct);
    out->worse_abs = yes_no(out->delta_abs <= -c->worse_abs + HIP__PAIN_EPS);
    switch (c->responder_criterion) {
    case HIP_PAIN_CRITERION_ABS: out->responder = out->resp_abs; break;
    case HIP_PAIN_CRITERION_EITHER: out->responder = v_or(out->resp_pct, out->resp_abs); break;
    case HIP_PAIN_CRITERION_BOTH: out->responder = v_and(out->resp_pct, out->resp_abs); break;
    default: out->responder = out->resp_pct; break;
    }
}

static int nrs_value(double v) { return v >= 0.0 && v <= 10.0; }   /* false for NaN */

hip_status hip_painlog_change(double baseline, double followup, const hip_painlog_config *config,
                              hip_pain_change *out)
{
    hip_painlog_config tmp;
    const hip_painlog_config *c;
    if (!out || !hip__painlog_config_resolve(config, &tmp, &c)) return HIP_ERR_INVALID;
    if (!nrs_value(baseline) || !nrs_value(followup)) return HIP_ERR_RANGE;
    compute_change(baseline, followup, c, out);
    return HIP_OK;
}

hip_status hip_painlog_duration_class(int32_t onset_day, int32_t assessment_day,
                                      const hip_painlog_config *config,
                                      hip_pain_duration *class_out, int32_t *days_out)
{
    hip_painlog_config tmp;
    const hip_painlog_config *c;
    if (!class_out || !hip__painlog_config_resolve(config, &tmp, &c)) return HIP_ERR_INVALID;
    int64_t days = (int64_t)assessment_day - (int64_t)onset_day;
    if (days < 0 || days > INT32_MAX) return HIP_ERR_RANGE;
    hip_pain_duration k;
    if (days > c->chronic_after_days) k = HIP_PAIN_DURATION_CHRONIC;
    else if (c->duration_bands == 3 && days >= c->subacute_from_days) k = HIP_PAIN_DURATION_SUBACUTE;
    else k = HIP_PAIN_DURATION_ACUTE;
    *class_out = k;
    if (days_out) *days_out = (int32_t)days;
    return HIP_OK;
}

hip_status hip_painlog_cohort(const double *baselines, const double *finals, size_t n,
                              const hip_painlog_config *config, hip_pain_cohort *out)
{
    hip_painlog_config tmp;
    const hip_painlog_config *c;
    if (!out || (n && (!baselines || !finals)) || !hip__painlog_config_resolve(config, &tmp, &c))
        return HIP_ERR_INVALID;
    for (size_t i = 0; i < n; i++)
        if (!nrs_value(baselines[i]) || !(nrs_value(finals[i]) || finals[i] == HIPTRACK_PAIN_MISSING))
            return HIP_ERR_RANGE;
    if (n == 0) return HIP_ERR_NOT_FOUND;
    hip_pain_cohort r;
    memset(&r, 0, sizeof r);
    r.enrolled = n;
    double sum_b = 0, sum_f = 0, sum_pct = 0;
    for (size_t i = 0; i < n; i++) {
        if (finals[i] == HIPTRACK_PAIN_MISSING) continue;
        hip_pain_change ch;
        compute_change(baselines[i], finals[i], c, &ch);
        r.completers++;
        sum_b += baselines[i];
        sum_f += finals[i];
        if (ch.pct_status == HIP_PAIN_VERDICT_YES) {
            sum_pct += ch.delta_pct;
            r.pct_mean_members++;
        } else {
            r.pct_mean_excluded++;
        }
        if (ch.resp_pct == HIP_PAIN_VERDICT_YES) r.responders_pct++;
        if (ch.resp_abs == HIP_PAIN_VERDICT_YES) r.responders_abs++;
    }
    if (r.completers) {
        double mb = sum_b / (double)r.completers, mf = sum_f / (double)r.completers;
        if (mb > 0) {
            r.pct_ratio = 100.0 * (mb - mf) / mb;   /* OUT-PCT-RATIO */
            r.pct_ratio_valid = 1;
        }
        r.resp_pct_rate_completers = 100.0 * (double)r.responders_pct / (double)r.completers;
        r.resp_abs_rate_completers = 100.0 * (double)r.responders_abs / (double)r.completers;
        r.rate_completers_valid = 1;
    }
    if (r.pct_mean_members) {
        r.pct_mean = sum_pct / (double)r.pct_mean_members;   /* OUT-PCT-MEAN */
        r.pct_mean_valid = 1;
    }
    r.resp_pct_rate_itt = 100.0 * (double)r.responders_pct / (double)n;
    r.resp_abs_rate_itt = 100.0 * (double)r.responders_abs / (double)n;
    r.rate_itt_valid = 1;
    *out = r;
    return HIP_OK;
}
