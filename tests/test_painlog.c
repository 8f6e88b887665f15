/* The pain log: every test vector of CLINICAL.md §1 (§1.1 severity bands, §1.2 PAIN-DUR-1, §1.3
 * change and responders, §1.4 cohort vector) and of §3.5 (flares), each analytic at, just below and
 * just above its thresholds, entries (order, duplicates, validation, local days), JSON import/export
 * and its errors, allocation failures. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS 1000000000LL

static int32_t day(int y, int m, int d)
{
    int32_t out;
    assert_int_equal(hip_date_from_ymd(y, m, d, &out), HIP_OK);
    return out;
}

/* The instant of a local wall-clock time at a UTC offset. */
static int64_t at(int y, int mo, int d, int hh, int mi, int32_t offset_min)
{
    int64_t local_s = (int64_t)day(y, mo, d) * 86400 + hh * 3600 + mi * 60;
    return (local_s - (int64_t)offset_min * 60) * NS;
}

static hip_pain_entry entry(int64_t t_ns, int32_t offset, int32_t nrs, hip_pain_context ctx)
{
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = t_ns;
    e.utc_offset_min = offset;
    e.nrs = nrs;
    e.context = ctx;
    return e;
}

static hip_painlog *new_log(const hip_painlog_config *cfg)
{
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(cfg, &log), HIP_OK);
    return log;
}

static void add_ok(hip_painlog *log, const hip_pain_entry *e)
{
    if (hip_painlog_add(log, e) != HIP_OK) fail_msg("add: %s", hip_painlog_last_error(log));
}

/* One AVG_24H entry per day at 20:00 (offset +60) from 2026-03-01, values as given. */
static void add_daily(hip_painlog *log, const int *values, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        hip_pain_entry e = entry(at(2026, 3, 1, 20, 0, 60) + (int64_t)i * 86400 * NS, 60, values[i],
                                 HIP_PAIN_CONTEXT_AVG_24H);
        add_ok(log, &e);
    }
}

/* ---- CLINICAL.md §1.1: severity bands ---- */

static void test_band_vectors(void **state)
{
    (void)state;
    /* §1.1 test vectors: 0->NONE, 3->MILD, 4->MODERATE, 6->MODERATE, 7->SEVERE, 9->SEVERE,
     * 10->EXCRUCIATING, 11->error. */
    static const struct { int32_t nrs; hip_pain_band band; } v[] = {
        {0, HIP_PAIN_BAND_NONE}, {3, HIP_PAIN_BAND_MILD}, {4, HIP_PAIN_BAND_MODERATE},
        {6, HIP_PAIN_BAND_MODERATE}, {7, HIP_PAIN_BAND_SEVERE}, {9, HIP_PAIN_BAND_SEVERE},
        {10, HIP_PAIN_BAND_EXCRUCIATING},
        /* the other edges of each band */
        {1, HIP_PAIN_BAND_MILD}};
    hip_pain_band b;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        assert_int_equal(hip_painlog_band(v[i].nrs, &b), HIP_OK);
        assert_int_equal(b, v[i].band);
    }
    b = HIP_PAIN_BAND_MILD;
    assert_int_equal(hip_painlog_band(11, &b), HIP_ERR_RANGE);
    assert_int_equal(b, HIP_PAIN_BAND_MILD);   /* untouched */
    assert_int_equal(hip_painlog_band(-1, &b), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_band(INT32_MAX, &b), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_band(5, NULL), HIP_ERR_INVALID);
    /* SNOMED CT codes of the §1.1 table. */
    assert_string_equal(hip_pain_band_snomed(HIP_PAIN_BAND_NONE), "301379001");
    assert_string_equal(hip_pain_band_snomed(HIP_PAIN_BAND_MILD), "40196000");
    assert_string_equal(hip_pain_band_snomed(HIP_PAIN_BAND_MODERATE), "50415004");
    assert_string_equal(hip_pain_band_snomed(HIP_PAIN_BAND_SEVERE), "76948002");
    assert_string_equal(hip_pain_band_snomed(HIP_PAIN_BAND_EXCRUCIATING), "67849003");
    assert_string_equal(hip_pain_band_snomed((hip_pain_band)5), "");
    assert_string_equal(hip_pain_band_name(HIP_PAIN_BAND_MODERATE), "moderate");
    assert_string_equal(hip_pain_band_name((hip_pain_band)-1), "unknown");
}

/* ---- CLINICAL.md §1.2: PAIN-DUR-1 ---- */

static void test_duration_vectors(void **state)
{
    (void)state;
    hip_pain_duration k;
    int32_t days;
    /* §1.2 table. */
    assert_int_equal(hip_painlog_duration_class(day(2024, 1, 1), day(2024, 3, 25), NULL, &k, &days), HIP_OK);
    assert_int_equal(days, 84);
    assert_int_equal(k, HIP_PAIN_DURATION_ACUTE);
    assert_int_equal(hip_painlog_duration_class(day(2024, 1, 1), day(2024, 3, 26), NULL, &k, &days), HIP_OK);
    assert_int_equal(days, 85);
    assert_int_equal(k, HIP_PAIN_DURATION_CHRONIC);
    assert_int_equal(hip_painlog_duration_class(day(2024, 1, 1), day(2024, 1, 1), NULL, &k, &days), HIP_OK);
    assert_int_equal(days, 0);
    assert_int_equal(k, HIP_PAIN_DURATION_ACUTE);
    assert_int_equal(hip_painlog_duration_class(day(2024, 3, 26), day(2024, 1, 1), NULL, &k, &days),
                     HIP_ERR_RANGE);
    /* 84 (at), 83 (below), 85 (above): the 2-band cut; days_out may be NULL. */
    assert_int_equal(hip_painlog_duration_class(0, 83, NULL, &k, NULL), HIP_OK);
    assert_int_equal(k, HIP_PAIN_DURATION_ACUTE);
    /* The 3-band option: ACUTE 0-41, SUBACUTE 42-84, CHRONIC > 84. */
    hip_painlog_config cfg;
    hip_painlog_config_init(&cfg);
    cfg.duration_bands = 3;
    static const struct { int32_t d; hip_pain_duration k; } three[] = {
        {0, HIP_PAIN_DURATION_ACUTE}, {41, HIP_PAIN_DURATION_ACUTE}, {42, HIP_PAIN_DURATION_SUBACUTE},
        {43, HIP_PAIN_DURATION_SUBACUTE}, {84, HIP_PAIN_DURATION_SUBACUTE}, {85, HIP_PAIN_DURATION_CHRONIC}};
    for (size_t i = 0; i < sizeof three / sizeof three[0]; i++) {
        assert_int_equal(hip_painlog_duration_class(100, 100 + three[i].d, &cfg, &k, &days), HIP_OK);
        assert_int_equal(k, three[i].k);
    }
    /* Configurable threshold: IASP's 3 months ~ 91 days. */
    hip_painlog_config_init(&cfg);
    cfg.chronic_after_days = 91;
    assert_int_equal(hip_painlog_duration_class(0, 91, &cfg, &k, NULL), HIP_OK);
    assert_int_equal(k, HIP_PAIN_DURATION_ACUTE);
    assert_int_equal(hip_painlog_duration_class(0, 92, &cfg, &k, NULL), HIP_OK);
    assert_int_equal(k, HIP_PAIN_DURATION_CHRONIC);
    /* Errors. */
    assert_int_equal(hip_painlog_duration_class(0, 1, NULL, NULL, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_duration_class(INT32_MIN, INT32_MAX, NULL, &k, NULL), HIP_ERR_RANGE);
    cfg.duration_bands = 4;
    assert_int_equal(hip_painlog_duration_class(0, 1, &cfg, &k, NULL), HIP_ERR_INVALID);
}

/* ---- CLINICAL.md §1.3: change scores and responders ---- */

#define Y HIP_PAIN_VERDICT_YES
#define N HIP_PAIN_VERDICT_NO
#define NE HIP_PAIN_VERDICT_NOT_EVALUABLE

static void test_change_vectors(void **state)
{
    (void)state;
    /* §1.3 table: baseline, follow-up, delta_abs, delta_pct, RESP-PCT, RESP-ABS, WORSE-ABS. */
    static const struct {
        double b, f, abs, pct;
        hip_pain_verdict resp_pct, resp_abs, worse;
    } v[] = {
        {8, 5, 3, 37.5, Y, Y, N},
        {6, 4, 2, 100.0 / 3.0, Y, Y, N},
        {10, 7, 3, 30.0, Y, Y, N},          /* RESP-PCT boundary */
        {7, 5, 2, 200.0 / 7.0, N, Y, N},    /* criteria disagree */
        {4, 3, 1, 25.0, N, N, N},
        {3, 2, 1, 100.0 / 3.0, Y, N, N},    /* criteria disagree */
        {2, 0, 2, 100.0, Y, Y, N},
        {5, 6, -1, -20.0, N, N, N},
        {4, 6, -2, -50.0, N, N, Y},
        {0, 1, -1, 0.0, NE, N, N},          /* delta_pct undefined */
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        hip_pain_change c;
        assert_int_equal(hip_painlog_change(v[i].b, v[i].f, NULL, &c), HIP_OK);
        assert_float_equal(c.delta_abs, v[i].abs, 1e-9);
        assert_float_equal(c.delta_pct, v[i].pct, 1e-9);
        assert_int_equal(c.pct_status, v[i].b == 0 ? NE : Y);
        if (c.resp_pct != v[i].resp_pct || c.resp_abs != v[i].resp_abs || c.worse_abs != v[i].worse)
            fail_msg("row %zu (%g -> %g): pct %d abs %d worse %d", i, v[i].b, v[i].f, c.resp_pct,
                     c.resp_abs, c.worse_abs);
        /* The default criterion is RESP-PCT and the result says so. */
        assert_int_equal(c.criterion, HIP_PAIN_CRITERION_PCT);
        assert_int_equal(c.responder, c.resp_pct);
        assert_float_equal(c.baseline, v[i].b, 0);
        assert_float_equal(c.followup, v[i].f, 0);
    }
}

static hip_pain_change change(double b, double f, const hip_painlog_config *cfg)
{
    hip_pain_change c;
    assert_int_equal(hip_painlog_change(b, f, cfg, &c), HIP_OK);
    return c;
}

static void test_change_thresholds(void **state)
{
    (void)state;
    /* RESP-PCT at 30 % (10 -> 7), just below (7 -> 5, 28.6 %; 10 -> 7.01, 29.9 %), just above
     * (10 -> 6.99, 30.1 %). A mean of 10/3 -> 7/3 is 30 % up to rounding: it counts. */
    assert_int_equal(change(10, 7, NULL).resp_pct, Y);
    assert_int_equal(change(10, 7.01, NULL).resp_pct, N);
    assert_int_equal(change(10, 6.99, NULL).resp_pct, Y);
    assert_int_equal(change(10.0 / 3.0, 7.0 / 3.0, NULL).resp_pct, Y);
    /* RESP-PCT needs baseline >= 1: 1 -> 0 yes, 0.9 -> 0 no (evaluable), 0 -> 0 not evaluable. */
    assert_int_equal(change(1, 0, NULL).resp_pct, Y);
    assert_int_equal(change(0.9, 0, NULL).resp_pct, N);
    assert_int_equal(change(0, 0, NULL).resp_pct, NE);
    /* RESP-ABS at 2, below (1.99), above (2.01). */
    assert_int_equal(change(5, 3, NULL).resp_abs, Y);
    assert_int_equal(change(5, 3.01, NULL).resp_abs, N);
    assert_int_equal(change(5, 2.99, NULL).resp_abs, Y);
    /* RESP-MIN: delta_abs >= 1 or delta_pct >= 15. */
    assert_int_equal(change(4, 3, NULL).resp_min, Y);      /* 1 point */
    assert_int_equal(change(10, 9.01, NULL).resp_min, N);  /* 0.99 point, 9.9 % */
    assert_int_equal(change(4, 3.4, NULL).resp_min, Y);    /* 0.6 point but 15 % */
    assert_int_equal(change(4, 3.41, NULL).resp_min, N);   /* 14.75 % */
    assert_int_equal(change(4, 3.39, NULL).resp_min, Y);
    assert_int_equal(change(0, 0, NULL).resp_min, NE);
    /* WORSE-ABS at -2, -1.99, -2.01. */
    assert_int_equal(change(4, 6, NULL).worse_abs, Y);
    assert_int_equal(change(4, 5.99, NULL).worse_abs, N);
    assert_int_equal(change(4, 6.01, NULL).worse_abs, Y);
    /* Configured thresholds and criteria. */
    hip_painlog_config cfg;
    hip_painlog_config_init(&cfg);
    cfg.resp_pct = 50;                       /* IMMPACT "substantial" */
    assert_int_equal(change(8, 4, &cfg).resp_pct, Y);
    assert_int_equal(change(8, 4.01, &cfg).resp_pct, N);
    cfg.resp_abs = 1;                        /* Salaffi "slightly better" */
    assert_int_equal(change(4, 3, &cfg).resp_abs, Y);
    cfg.worse_abs = 1;
    assert_int_equal(change(5, 6, &cfg).worse_abs, Y);
    cfg.min_abs = 2;
    cfg.min_pct = 30;
    assert_int_equal(change(10, 8.5, &cfg).resp_min, N);
    hip_painlog_config_init(&cfg);
    cfg.responder_criterion = HIP_PAIN_CRITERION_ABS;
    hip_pain_change c = change(7, 5, &cfg);  /* §1.3: abs yes, pct no */
    assert_int_equal(c.responder, Y);
    assert_int_equal(c.criterion, HIP_PAIN_CRITERION_ABS);
    cfg.responder_criterion = HIP_PAIN_CRITERION_EITHER;
    assert_int_equal(change(7, 5, &cfg).responder, Y);
    assert_int_equal(change(3, 2, &cfg).responder, Y);
    assert_int_equal(change(4, 3, &cfg).responder, N);
    assert_int_equal(change(0, 1, &cfg).responder, NE);   /* pct unknown, abs no */
    cfg.responder_criterion = HIP_PAIN_CRITERION_BOTH;
    assert_int_equal(change(7, 5, &cfg).responder, N);
    assert_int_equal(change(8, 5, &cfg).responder, Y);
    assert_int_equal(change(0, 1, &cfg).responder, N);    /* abs no decides */
    cfg.resp_abs = 0;
    assert_int_equal(change(0, 0, &cfg).responder, NE);   /* abs yes, pct unknown */
    /* Inputs: NRS values 0..10 (means allowed), never clamped. */
    hip_pain_change out;
    assert_int_equal(hip_painlog_change(11, 5, NULL, &out), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_change(5, -0.5, NULL, &out), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_change(NAN, 5, NULL, &out), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_change(5, INFINITY, NULL, &out), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_change(5, 5, NULL, NULL), HIP_ERR_INVALID);
    cfg.resp_pct = 101;
    assert_int_equal(hip_painlog_change(5, 5, &cfg, &out), HIP_ERR_INVALID);
}

/* ---- CLINICAL.md §1.4: cohort "% pain reduction" ---- */

static void test_cohort_vector(void **state)
{
    (void)state;
    /* §1.4 worked vector: baselines [8,6,4,7], finals [4,3,3,7] -> OUT-PCT-RATIO 32.0,
     * OUT-PCT-MEAN 31.25, RESP-PCT 2/4 = 50 %, RESP-ABS 2/4 = 50 %. */
    const double b[] = {8, 6, 4, 7}, f[] = {4, 3, 3, 7};
    hip_pain_cohort r;
    assert_int_equal(hip_painlog_cohort(b, f, 4, NULL, &r), HIP_OK);
    assert_int_equal(r.enrolled, 4);
    assert_int_equal(r.completers, 4);
    assert_true(r.pct_ratio_valid);
    assert_float_equal(r.pct_ratio, 32.0, 1e-9);
    assert_true(r.pct_mean_valid);
    assert_float_equal(r.pct_mean, 31.25, 1e-9);
    assert_int_equal(r.pct_mean_members, 4);
    assert_int_equal(r.pct_mean_excluded, 0);
    assert_int_equal(r.responders_pct, 2);
    assert_int_equal(r.responders_abs, 2);
    assert_true(r.rate_itt_valid && r.rate_completers_valid);
    assert_float_equal(r.resp_pct_rate_itt, 50.0, 1e-9);
    assert_float_equal(r.resp_pct_rate_completers, 50.0, 1e-9);
    assert_float_equal(r.resp_abs_rate_itt, 50.0, 1e-9);
    assert_float_equal(r.resp_abs_rate_completers, 50.0, 1e-9);

    /* A non-completer and a baseline-0 member: ITT vs completers, exclusion count. */
    const double b2[] = {8, 6, 4, 7, 5, 0}, f2[] = {4, 3, 3, 7, HIPTRACK_PAIN_MISSING, 2};
    assert_int_equal(hip_painlog_cohort(b2, f2, 6, NULL, &r), HIP_OK);
    assert_int_equal(r.enrolled, 6);
    assert_int_equal(r.completers, 5);
    assert_float_equal(r.pct_ratio, 100.0 * (25.0 / 5 - 19.0 / 5) / (25.0 / 5), 1e-9);   /* 24 % */
    assert_float_equal(r.pct_mean, 31.25, 1e-9);   /* the baseline-0 member is left out ... */
    assert_int_equal(r.pct_mean_excluded, 1);       /* ... and counted */
    assert_int_equal(r.responders_pct, 2);
    assert_float_equal(r.resp_pct_rate_itt, 100.0 * 2 / 6, 1e-9);
    assert_float_equal(r.resp_pct_rate_completers, 100.0 * 2 / 5, 1e-9);

    /* Nothing evaluable: no completers; all baselines 0. */
    const double b3[] = {5, 6}, f3[] = {HIPTRACK_PAIN_MISSING, HIPTRACK_PAIN_MISSING};
    assert_int_equal(hip_painlog_cohort(b3, f3, 2, NULL, &r), HIP_OK);
    assert_false(r.pct_ratio_valid);
    assert_false(r.pct_mean_valid);
    assert_false(r.rate_completers_valid);
    assert_true(r.rate_itt_valid);
    assert_float_equal(r.resp_pct_rate_itt, 0.0, 0);
    const double b4[] = {0, 0}, f4[] = {0, 1};
    assert_int_equal(hip_painlog_cohort(b4, f4, 2, NULL, &r), HIP_OK);
    assert_false(r.pct_ratio_valid);
    assert_false(r.pct_mean_valid);
    assert_int_equal(r.pct_mean_excluded, 2);
    /* Configured thresholds reach the cohort: RESP-PCT at 25 % adds the 4 -> 3 member. */
    hip_painlog_config cfg;
    hip_painlog_config_init(&cfg);
    cfg.resp_pct = 25;
    assert_int_equal(hip_painlog_cohort(b, f, 4, &cfg, &r), HIP_OK);
    assert_int_equal(r.responders_pct, 3);
    /* Errors. */
    assert_int_equal(hip_painlog_cohort(b, f, 0, NULL, &r), HIP_ERR_NOT_FOUND);
    const double bad_b[] = {8, 11}, bad_f[] = {4, -0.5};
    assert_int_equal(hip_painlog_cohort(bad_b, f, 2, NULL, &r), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_cohort(b, bad_f, 2, NULL, &r), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_cohort(NULL, f, 2, NULL, &r), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_cohort(b, NULL, 2, NULL, &r), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_cohort(b, f, 4, NULL, NULL), HIP_ERR_INVALID);
    cfg.struct_size = 4;
    assert_int_equal(hip_painlog_cohort(b, f, 4, &cfg, &r), HIP_ERR_INVALID);
}

/* ---- CLINICAL.md §3.5: flares ---- */

static size_t scan(const double *v, size_t n, double baseline, const hip_painlog_config *cfg,
                   hip_pain_flare *out, size_t cap)
{
    int32_t days[64];
    for (size_t i = 0; i < n; i++) days[i] = (int32_t)(i + 1);   /* day 1, 2, ... */
    size_t count = 99;
    hip_status st = hip_painlog_flares_scan(days, v, n, baseline, cfg, out, cap, &count);
    if (st != HIP_OK) fail_msg("scan: status %d", st);
    return count;
}

static void test_flare_vectors(void **state)
{
    (void)state;
    hip_painlog_config fixed;
    hip_painlog_config_init(&fixed);
    fixed.flare_baseline = HIP_PAIN_FLARE_BASELINE_FIXED;   /* §3.5 vectors: baseline_flare fixed */
    hip_pain_flare f[4];
    /* 3.0 | 3, 5, 5, 4 | day 3 */
    const double a[] = {3, 5, 5, 4};
    assert_int_equal(scan(a, 4, 3.0, &fixed, f, 4), 1);
    assert_int_equal(f[0].on_day, 3);
    assert_int_equal(f[0].start_day, 2);
    assert_true(f[0].ongoing);          /* day 4 (4 <= 3 + 1) is one resolving log of two */
    assert_int_equal(f[0].last_day, 3);
    assert_float_equal(f[0].baseline, 3.0, 0);
    assert_float_equal(f[0].peak_nrs, 5.0, 0);
    /* 3.0 | 3, 5, 4, 5 | none (not consecutive) */
    const double b[] = {3, 5, 4, 5};
    assert_int_equal(scan(b, 4, 3.0, &fixed, f, 4), 0);
    /* 4.0 | 4, 6, 6, 6 | day 3 */
    const double c[] = {4, 6, 6, 6};
    assert_int_equal(scan(c, 4, 4.0, &fixed, f, 4), 1);
    assert_int_equal(f[0].on_day, 3);
    assert_int_equal(f[0].last_day, 4);
    /* 2.4 | 2, 4, 4 | none (4 < 4.4) */
    const double d[] = {2, 4, 4};
    assert_int_equal(scan(d, 3, 2.4, &fixed, f, 4), 0);
    /* 2.5 | 2, 4, 5 | none (only day 3 >= 4.5) */
    const double e[] = {2, 4, 5};
    assert_int_equal(scan(e, 3, 2.5, &fixed, f, 4), 0);
    /* The rise threshold: at (+2.0), just below (+1.99), just above (+2.01). */
    const double at2[] = {5, 5}, below[] = {4.99, 4.99}, above[] = {5.01, 5.01};
    assert_int_equal(scan(at2, 2, 3.0, &fixed, f, 4), 1);
    assert_int_equal(scan(below, 2, 3.0, &fixed, f, 4), 0);
    assert_int_equal(scan(above, 2, 3.0, &fixed, f, 4), 1);
    /* Sustain: one high log is not a flare; with flare_sustain_logs 1 it is. */
    const double one[] = {3, 6, 3};
    assert_int_equal(scan(one, 3, 3.0, &fixed, f, 4), 0);
    hip_painlog_config quick = fixed;
    quick.flare_sustain_logs = 1;
    assert_int_equal(scan(one, 3, 3.0, &quick, f, 4), 1);
    assert_int_equal(f[0].on_day, 2);
    /* FLARE-OFF: <= baseline + 1 on 2 consecutive logs; at (4), above (4.01), and broken pairs. */
    const double off[] = {5, 5, 4, 4, 3};
    assert_int_equal(scan(off, 5, 3.0, &fixed, f, 4), 1);
    assert_false(f[0].ongoing);
    assert_int_equal(f[0].off_day, 4);
    assert_int_equal(f[0].last_day, 2);
    const double not_off[] = {5, 5, 4.01, 4.01, 4.01};
    assert_int_equal(scan(not_off, 5, 3.0, &fixed, f, 4), 1);
    assert_true(f[0].ongoing);
    assert_int_equal(f[0].last_day, 5);
    const double broken[] = {5, 5, 4, 6, 4, 4};   /* the single low log on day 3 stays in the flare */
    assert_int_equal(scan(broken, 6, 3.0, &fixed, f, 4), 1);
    assert_int_equal(f[0].last_day, 4);
    assert_int_equal(f[0].off_day, 6);
    assert_float_equal(f[0].peak_nrs, 6.0, 0);
    /* Two flares; the count query and a too-small buffer. */
    const double two[] = {5, 5, 3, 3, 6, 6, 3, 3};
    size_t count = 0;
    int32_t days[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    assert_int_equal(hip_painlog_flares_scan(days, two, 8, 3.0, &fixed, NULL, 0, &count), HIP_OK);
    assert_int_equal(count, 2);
    assert_int_equal(hip_painlog_flares_scan(days, two, 8, 3.0, &fixed, f, 1, &count), HIP_ERR_BUFSIZE);
    assert_int_equal(count, 2);
    assert_int_equal(f[0].on_day, 2);
    assert_int_equal(scan(two, 8, 3.0, &fixed, f, 4), 2);
    assert_int_equal(f[1].start_day, 5);
    assert_int_equal(f[1].on_day, 6);
    assert_int_equal(f[1].off_day, 8);
    /* Errors: unsorted days, values out of range, NULLs, bad config. */
    int32_t unsorted[3] = {1, 3, 3};
    const double ok3[] = {1, 2, 3}, bad3[] = {1, 11, 3};
    assert_int_equal(hip_painlog_flares_scan(unsorted, ok3, 3, 3.0, NULL, NULL, 0, &count), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_flares_scan(days, bad3, 3, 3.0, NULL, NULL, 0, &count), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_flares_scan(days, ok3, 3, NAN, NULL, NULL, 0, &count), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_flares_scan(days, ok3, 3, 3.0, NULL, NULL, 1, &count), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_flares_scan(NULL, ok3, 3, 3.0, NULL, NULL, 0, &count), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_flares_scan(days, ok3, 3, 3.0, NULL, NULL, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_flares_scan(NULL, NULL, 0, 3.0, NULL, NULL, 0, &count), HIP_OK);
    assert_int_equal(count, 0);
    hip_painlog_config bad = fixed;
    bad.flare_min_logs = 8;   /* more than the window */
    assert_int_equal(hip_painlog_flares_scan(days, ok3, 3, 3.0, &bad, NULL, 0, &count), HIP_ERR_INVALID);
}

static void test_flare_rolling_and_escalation(void **state)
{
    (void)state;
    hip_pain_flare f[8];
    /* Rolling baseline (the default). Days 1-2 at 5 against the enrolment 2 (no earlier logs) start
     * a flare whose baseline stays 2 until it resolves (never: 5 > 3), so it is one long flare. */
    const double up[] = {5, 5, 5, 5, 5, 5, 5, 7, 7};
    assert_int_equal(scan(up, 9, 2.0, NULL, f, 8), 1);
    assert_int_equal(f[0].on_day, 2);
    assert_int_equal(f[0].last_day, 9);
    assert_true(f[0].ongoing);
    assert_float_equal(f[0].baseline, 2.0, 0);
    assert_float_equal(f[0].peak_nrs, 7.0, 0);
    assert_int_equal(f[0].escalate, HIPTRACK_PAIN_FLARE_LONG);
    /* A rise over a rolling baseline: at +2 (5, 5 over 3) and just below (4.99). */
    const double flat[] = {3, 3, 3, 3, 3, 3, 3, 5, 5};
    assert_int_equal(scan(flat, 9, 3.0, NULL, f, 8), 1);
    assert_int_equal(f[0].on_day, 9);
    assert_float_equal(f[0].baseline, 3.0, 0);
    const double flat_below[] = {3, 3, 3, 3, 3, 3, 3, 4.99, 4.99};
    assert_int_equal(scan(flat_below, 9, 3.0, NULL, f, 8), 0);
    /* A long quiet series (older days leave the window) then 2 over a rolling 1. */
    double longer[50];
    for (int i = 0; i < 48; i++) longer[i] = i < 40 ? 6 : 1;
    longer[48] = longer[49] = 3;
    assert_int_equal(scan(longer, 50, 6.0, NULL, f, 8), 1);
    assert_int_equal(f[0].on_day, 50);
    assert_float_equal(f[0].baseline, 1.0, 0);
    /* Min logs: with 3 earlier days (< 4) day 4 is measured against the enrolment baseline 5 (3 is
     * no rise); day 5 has 4 (mean 0.75): 3 >= 2.75 starts a run that the data end. With
     * flare_min_logs 3, day 4 already uses the mean 0 and days 4-5 are a flare. */
    const double three[] = {0, 0, 0, 3, 3};
    assert_int_equal(scan(three, 5, 5.0, NULL, f, 8), 0);
    hip_painlog_config min3;
    hip_painlog_config_init(&min3);
    min3.flare_min_logs = 3;
    assert_int_equal(scan(three, 5, 5.0, &min3, f, 8), 1);
    assert_int_equal(f[0].on_day, 5);
    assert_float_equal(f[0].baseline, 0.0, 0);
    const double four[] = {0, 0, 0, 0, 3, 3};   /* 4 days of 0: baseline 0 (not the enrolment 5) */
    assert_int_equal(scan(four, 6, 5.0, NULL, f, 8), 1);
    assert_int_equal(f[0].on_day, 6);
    assert_float_equal(f[0].baseline, 0.0, 0);
    /* Flare days leave the rolling window: after a flare (days 5-7, resolved on day 9) day 10's
     * window (days 3-9) keeps 2, 2, 3, 3 (mean 2.5, threshold 4.5), so 5, 5 is a new flare; with
     * the flare days counted the mean would be 25/7 and the threshold 5.57. */
    const double after[] = {2, 2, 2, 2, 5, 5, 5, 3, 3, 5, 5};
    assert_int_equal(scan(after, 11, 2.0, NULL, f, 8), 2);
    assert_int_equal(f[0].start_day, 5);
    assert_int_equal(f[0].on_day, 6);
    assert_int_equal(f[0].last_day, 7);
    assert_int_equal(f[0].off_day, 9);
    assert_int_equal(f[1].start_day, 10);
    assert_int_equal(f[1].on_day, 11);
    assert_float_equal(f[1].baseline, 2.5, 1e-12);
    /* Escalation: a flare lasting more than 7 days, and the 3rd flare within 30 days. */
    hip_painlog_config fixed;
    hip_painlog_config_init(&fixed);
    fixed.flare_baseline = HIP_PAIN_FLARE_BASELINE_FIXED;
    const double eight[] = {6, 6, 6, 6, 6, 6, 6, 6, 2, 2};
    const double seven[] = {6, 6, 6, 6, 6, 6, 6, 2, 2};
    assert_int_equal(scan(eight, 10, 2.0, &fixed, f, 8), 1);
    assert_int_equal(f[0].escalate, HIPTRACK_PAIN_FLARE_LONG);
    assert_int_equal(scan(seven, 9, 2.0, &fixed, f, 8), 1);
    assert_int_equal(f[0].escalate, 0);
    /* Flares on days 2, 6, 10 (within 30 days): the third is FREQUENT. With days spread so that the
     * third comes 30 days after the first, it is not. */
    const double rep[] = {6, 6, 2, 2, 6, 6, 2, 2, 6, 6, 2, 2};
    int32_t close_days[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    int32_t far_days[12] = {1, 2, 3, 4, 5, 6, 7, 8, 31, 32, 33, 34};
    int32_t edge_days[12] = {1, 2, 3, 4, 5, 6, 7, 8, 30, 31, 33, 34};
    size_t n;
    assert_int_equal(hip_painlog_flares_scan(close_days, rep, 12, 2.0, &fixed, f, 8, &n), HIP_OK);
    assert_int_equal(n, 3);
    assert_int_equal(f[0].escalate | f[1].escalate, 0);
    assert_int_equal(f[2].escalate, HIPTRACK_PAIN_FLARE_FREQUENT);
    assert_int_equal(hip_painlog_flares_scan(far_days, rep, 12, 2.0, &fixed, f, 8, &n), HIP_OK);
    assert_int_equal(f[2].on_day, 32);   /* 32 - 2 = 30: not within 30 days */
    assert_int_equal(f[2].escalate, 0);
    assert_int_equal(hip_painlog_flares_scan(edge_days, rep, 12, 2.0, &fixed, f, 8, &n), HIP_OK);
    assert_int_equal(f[2].on_day, 31);   /* 31 - 2 = 29: within */
    assert_int_equal(f[2].escalate, HIPTRACK_PAIN_FLARE_FREQUENT);
}

/* ---- entries ---- */

static void test_entries_order_and_duplicates(void **state)
{
    (void)state;
    hip_painlog *log = new_log(NULL);
    hip_pain_entry a = entry(at(2026, 3, 2, 9, 0, 0), 0, 4, HIP_PAIN_CONTEXT_CURRENT);
    hip_pain_entry b = entry(at(2026, 3, 1, 9, 0, 0), 0, 5, HIP_PAIN_CONTEXT_CURRENT);
    hip_pain_entry c = entry(at(2026, 3, 3, 9, 0, 0), 0, 6, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &a);
    add_ok(log, &c);
    add_ok(log, &b);   /* out of order: kept in time order */
    hip_pain_entry same_time = a;
    same_time.location = HIP_PAIN_LOCATION_GROIN;   /* same instant, another location: accepted */
    add_ok(log, &same_time);
    assert_int_equal(hip_painlog_count(log), 4);
    hip_pain_entry got;
    int32_t expect_nrs[4] = {5, 4, 4, 6};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(hip_painlog_entry_at(log, i, &got), HIP_OK);
        assert_int_equal(got.nrs, expect_nrs[i]);
    }
    assert_int_equal(hip_painlog_entry_at(log, 2, &got), HIP_OK);
    assert_int_equal(got.location, HIP_PAIN_LOCATION_GROIN);   /* after the earlier arrival */
    assert_int_equal(hip_painlog_entry_at(log, 4, &got), HIP_ERR_RANGE);
    /* An exact duplicate is refused with EXISTS and a message that says which. */
    assert_int_equal(hip_painlog_add(log, &a), HIP_ERR_EXISTS);
    assert_string_equal(hip_painlog_last_error(log),
                        "an identical entry (2026-03-02 09:00 local, nrs 4, current) is already in the log at index 1");
    /* Garbage after the note's NUL does not make it different. */
    hip_pain_entry a2 = a;
    memset(a2.note + 1, 'x', sizeof a2.note - 1);
    a2.note[0] = '\0';
    a2.note[sizeof a2.note - 1] = '\0';
    assert_int_equal(hip_painlog_add(log, &a2), HIP_ERR_EXISTS);
    /* Any differing field makes it a new entry. */
    hip_pain_entry d = a;
    snprintf(d.note, sizeof d.note, "after the walk");
    add_ok(log, &d);
    d = a; d.utc_offset_min = 60; d.t_ns -= 3600 * NS;   /* the same local time, another instant */
    add_ok(log, &d);
    assert_int_equal(hip_painlog_count(log), 6);
    assert_string_equal(hip_painlog_last_error(log), "");
    /* remove */
    assert_int_equal(hip_painlog_remove(log, 6), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_painlog_last_error(log), "index 6"));
    assert_int_equal(hip_painlog_remove(log, 0), HIP_OK);
    assert_int_equal(hip_painlog_count(log), 5);
    assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
    assert_int_equal(got.t_ns, d.t_ns);
    while (hip_painlog_count(log)) assert_int_equal(hip_painlog_remove(log, hip_painlog_count(log) - 1), HIP_OK);
    hip_pain_baseline base;
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_CURRENT, &base), HIP_ERR_NOT_FOUND);
    add_ok(log, &a);   /* removed entries are no longer duplicates */
    hip_painlog_destroy(log);
}

static void test_entry_validation(void **state)
{
    (void)state;
    hip_painlog *log = new_log(NULL);
    hip_pain_entry ok = entry(0, 0, 5, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &ok);
    static const struct { int field; int value; hip_status st; const char *msg; } bad[] = {
        {0, 11, HIP_ERR_RANGE, "nrs: expected an integer 0..10, got 11"},
        {0, -1, HIP_ERR_RANGE, "nrs: expected an integer 0..10, got -1"},
        {1, 1081, HIP_ERR_RANGE, "utc_offset_min: expected -1080..1080, got 1081"},
        {1, -1081, HIP_ERR_RANGE, "utc_offset_min"},
        {2, 7, HIP_ERR_INVALID, "context: unknown value 7"},
        {2, -1, HIP_ERR_INVALID, "context: unknown value -1"},
        {3, 9, HIP_ERR_INVALID, "location: unknown value 9"},
        {4, 4, HIP_ERR_INVALID, "side: unknown value 4"},
        {5, 0x200, HIP_ERR_INVALID, "symptoms: unknown flag bits 512"},
        {6, 5, HIP_ERR_INVALID, "time_of_day: unknown value 5"},
        {7, 5, HIP_ERR_INVALID, "setting: unknown value 5"},
        {8, 0, HIP_ERR_INVALID, "note: not NUL-terminated within 256 bytes"},
        {9, 0, HIP_ERR_INVALID, "note: not valid UTF-8"},
        {10, 0, HIP_ERR_INVALID, "note: not valid UTF-8"},
        {11, 0, HIP_ERR_INVALID, "note: not valid UTF-8"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hip_pain_entry e = entry(NS, 0, 5, HIP_PAIN_CONTEXT_CURRENT);
        switch (bad[i].field) {
        case 0: e.nrs = bad[i].value; break;
        case 1: e.utc_offset_min = bad[i].value; break;
        case 2: e.context = (hip_pain_context)bad[i].value; break;
        case 3: e.location = (hip_pain_location)bad[i].value; break;
        case 4: e.side = (hip_pain_side)bad[i].value; break;
        case 5: e.symptoms = (uint32_t)bad[i].value | HIP_PAIN_SYMPTOM_CLICKING; break;
        case 6: e.time_of_day = (hip_pain_time_of_day)bad[i].value; break;
        case 7: e.setting = (hip_pain_setting)bad[i].value; break;
        case 8: memset(e.note, 'a', sizeof e.note); break;
        case 9: memcpy(e.note, "caf\xC3", 5); break;            /* truncated sequence */
        case 10: memcpy(e.note, "\xC0\xAF", 3); break;          /* overlong */
        case 11: memcpy(e.note, "\xED\xA0\x80", 4); break;      /* surrogate */
        }
        hip_status st = hip_painlog_add(log, &e);
        if (st != bad[i].st || strcmp(hip_painlog_last_error(log), bad[i].msg) != 0)
            if (!strstr(hip_painlog_last_error(log), bad[i].msg) || st != bad[i].st)
                fail_msg("case %zu: status %d '%s'", i, st, hip_painlog_last_error(log));
    }
    assert_int_equal(hip_painlog_count(log), 1);   /* nothing bad got in */
    /* The edges that are valid. */
    hip_pain_entry e = entry(NS, -1080, 0, HIP_PAIN_CONTEXT_NEXT_MORNING);
    e.symptoms = HIPTRACK_PAIN_SYMPTOM_ALL;
    e.location = HIP_PAIN_LOCATION_LOW_BACK;
    e.side = HIP_PAIN_SIDE_BOTH;
    e.time_of_day = HIP_PAIN_TIME_OF_DAY_NIGHT;
    e.setting = HIP_PAIN_SETTING_NIGHT;
    memset(e.note, 'a', sizeof e.note - 1);
    e.note[sizeof e.note - 1] = '\0';
    add_ok(log, &e);
    e = entry(NS, 1080, 10, HIP_PAIN_CONTEXT_CURRENT);
    snprintf(e.note, sizeof e.note, "h\xC3\xBC" "fte \xE2\x80\x94 \xF0\x9F\x98\xA3");   /* UTF-8 */
    add_ok(log, &e);
    e = entry(INT64_MIN, 0, 1, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &e);
    e = entry(INT64_MAX, 0, 1, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &e);
    assert_int_equal(hip_painlog_add(log, NULL), HIP_ERR_INVALID);
    assert_string_equal(hip_painlog_last_error(log), "entry is NULL");
    hip_painlog_destroy(log);
}

static void test_local_days(void **state)
{
    (void)state;
    int32_t d;
    /* 23:30 at UTC-05:00 is 04:30Z the next day, but the member's day is the first. */
    int64_t t = at(2026, 3, 1, 23, 30, -300);
    assert_int_equal(hip_painlog_local_day(t, -300, &d), HIP_OK);
    assert_int_equal(d, day(2026, 3, 1));
    assert_int_equal(hip_painlog_local_day(t, 0, &d), HIP_OK);
    assert_int_equal(d, day(2026, 3, 2));
    /* Midnight belongs to the new day; one nanosecond before to the old one. */
    t = at(2026, 3, 2, 0, 0, 60);
    assert_int_equal(hip_painlog_local_day(t, 60, &d), HIP_OK);
    assert_int_equal(d, day(2026, 3, 2));
    assert_int_equal(hip_painlog_local_day(t - 1, 60, &d), HIP_OK);
    assert_int_equal(d, day(2026, 3, 1));
    /* Before 1970. */
    assert_int_equal(hip_painlog_local_day(-1, 0, &d), HIP_OK);
    assert_int_equal(d, -1);
    assert_int_equal(hip_painlog_local_day(INT64_MIN, -1080, &d), HIP_OK);
    assert_int_equal(hip_painlog_local_day(INT64_MAX, 1080, &d), HIP_OK);
    assert_int_equal(hip_painlog_local_day(0, 1081, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_painlog_local_day(0, 0, NULL), HIP_ERR_INVALID);
    /* The analytics use local days: two entries 2 h apart in UTC on two local days. */
    hip_painlog *log = new_log(NULL);
    hip_pain_entry e1 = entry(at(2026, 3, 1, 23, 0, -300), -300, 2, HIP_PAIN_CONTEXT_CURRENT);
    hip_pain_entry e2 = entry(at(2026, 3, 2, 4, 30, 60), 60, 6, HIP_PAIN_CONTEXT_CURRENT);   /* earlier instant */
    assert_true(e2.t_ns < e1.t_ns);
    add_ok(log, &e1);
    add_ok(log, &e2);
    hip_pain_entry got;
    assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
    assert_int_equal(got.nrs, 6);   /* time order is instant order */
    hip_pain_window w;
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_CURRENT, day(2026, 3, 1), &w), HIP_OK);
    assert_int_equal(w.day_count, 1);
    assert_float_equal(w.mean_nrs, 2.0, 0);   /* the local day of e1, though e2 came first */
    hip_pain_baseline b;
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_CURRENT, &b), HIP_OK);
    assert_int_equal(b.first_day, day(2026, 3, 1));
    assert_int_equal(b.last_day, day(2026, 3, 2));
    hip_painlog_destroy(log);
}

/* ---- baseline, rolling mean, change ---- */

static void test_baseline_rolling_change(void **state)
{
    (void)state;
    hip_painlog *log = new_log(NULL);
    /* Days 1..9 (2026-03-01..09): 6 6 6 6 6 6 6 then 2 2; day 1 has a second entry (4) and a
     * CURRENT entry that AVG_24H analytics ignore. */
    const int v[] = {6, 6, 6, 6, 6, 6, 6, 2, 2};
    add_daily(log, v, 9);
    hip_pain_entry extra = entry(at(2026, 3, 1, 8, 0, 60), 60, 4, HIP_PAIN_CONTEXT_AVG_24H);
    add_ok(log, &extra);
    hip_pain_entry other = entry(at(2026, 3, 1, 9, 0, 60), 60, 10, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &other);
    /* Baseline = mean of daily values of the first 7 days (day 1 = mean(4, 6) = 5). */
    hip_pain_baseline b;
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_AVG_24H, &b), HIP_OK);
    assert_float_equal(b.nrs, (5.0 + 6 * 6) / 7, 1e-12);
    assert_int_equal(b.day_count, 7);
    assert_int_equal(b.entry_count, 8);
    assert_int_equal(b.first_day, day(2026, 3, 1));
    assert_int_equal(b.last_day, day(2026, 3, 7));   /* day 7 in (at N), day 8 out (just above) */
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_CURRENT, &b), HIP_OK);
    assert_float_equal(b.nrs, 10, 0);
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_AVG_7D, &b), HIP_ERR_NOT_FOUND);
    /* Rolling 7-day mean ending on day 9: days 3..9 = (6*5 + 2 + 2) / 7. */
    hip_pain_window w;
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 3, 9), &w), HIP_OK);
    assert_float_equal(w.mean_nrs, 34.0 / 7, 1e-12);
    assert_int_equal(w.first_day, day(2026, 3, 3));
    assert_int_equal(w.day_count, 7);
    /* A window that only reaches day 1 (ending on 2026-02-28 + 7 = day 7 ... ) and one before it. */
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 3, 1), &w), HIP_OK);
    assert_int_equal(w.day_count, 1);
    assert_int_equal(w.entry_count, 2);
    assert_float_equal(w.mean_nrs, 5.0, 0);
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 2, 28), &w), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 3, 16), &w), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 3, 15), &w), HIP_OK);
    assert_int_equal(w.day_count, 1);   /* day 9 is the first day of the window ending on day 15 */
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, INT32_MIN, &w), HIP_ERR_NOT_FOUND);
    /* Change from the baseline to the rolling mean. */
    hip_pain_change c;
    assert_int_equal(hip_painlog_change_on(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 3, 9), &c), HIP_OK);
    assert_float_equal(c.baseline, 41.0 / 7, 1e-12);
    assert_float_equal(c.followup, 34.0 / 7, 1e-12);
    assert_float_equal(c.delta_abs, 1.0, 1e-12);
    assert_int_equal(c.resp_abs, N);
    assert_int_equal(c.resp_min, Y);
    assert_int_equal(hip_painlog_change_on(log, HIP_PAIN_CONTEXT_AVG_7D, day(2026, 3, 9), &c), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_painlog_change_on(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 1, 9), &c), HIP_ERR_NOT_FOUND);
    hip_painlog_destroy(log);

    /* Baseline rule FIRST_ENTRY, a 1-day baseline and a 3-day rolling window. */
    hip_painlog_config cfg;
    hip_painlog_config_init(&cfg);
    cfg.baseline_rule = HIP_PAIN_BASELINE_FIRST_ENTRY;
    cfg.rolling_days = 3;
    log = new_log(&cfg);
    add_daily(log, v, 9);
    add_ok(log, &extra);   /* 08:00 on day 1: the first entry */
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_AVG_24H, &b), HIP_OK);
    assert_float_equal(b.nrs, 4, 0);
    assert_int_equal(b.entry_count, 1);
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 3, 9), &w), HIP_OK);
    assert_float_equal(w.mean_nrs, 10.0 / 3, 1e-12);
    /* 4 -> 10/3 with RESP-PCT ... 16.7 %: no; with RESP-MIN: yes (15 %). */
    assert_int_equal(hip_painlog_change_on(log, HIP_PAIN_CONTEXT_AVG_24H, day(2026, 3, 9), &c), HIP_OK);
    assert_int_equal(c.resp_pct, N);
    assert_int_equal(c.resp_min, Y);
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_WORST_24H, &b), HIP_ERR_NOT_FOUND);
    hip_painlog_destroy(log);
    cfg.baseline_rule = HIP_PAIN_BASELINE_FIRST_DAYS_MEAN;
    cfg.baseline_days = 1;
    log = new_log(&cfg);
    add_daily(log, v, 9);
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_AVG_24H, &b), HIP_OK);
    assert_int_equal(b.day_count, 1);
    hip_painlog_destroy(log);
}

static void test_flares_from_log(void **state)
{
    (void)state;
    hip_painlog *log = new_log(NULL);
    /* Enrolment baseline = first 7 days = 3; then 5, 5 (flare on day 9), 4, 3 (off on day 11). */
    const int v[] = {3, 3, 3, 3, 3, 3, 3, 3, 5, 5, 4, 3, 3};
    add_daily(log, v, 13);
    hip_pain_flare f[2];
    size_t n = 0;
    assert_int_equal(hip_painlog_flares(log, HIP_PAIN_CONTEXT_AVG_24H, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 1);
    assert_int_equal(hip_painlog_flares(log, HIP_PAIN_CONTEXT_AVG_24H, f, 2, &n), HIP_OK);
    assert_int_equal(f[0].start_day, day(2026, 3, 9));
    assert_int_equal(f[0].on_day, day(2026, 3, 10));
    assert_int_equal(f[0].last_day, day(2026, 3, 10));
    assert_int_equal(f[0].off_day, day(2026, 3, 12));
    assert_false(f[0].ongoing);
    assert_float_equal(f[0].baseline, 3.0, 0);
    /* A second entry on day 10 (mean 4.5 < 5) breaks the run: no flare. */
    hip_pain_entry e = entry(at(2026, 3, 10, 7, 0, 60), 60, 4, HIP_PAIN_CONTEXT_AVG_24H);
    add_ok(log, &e);
    assert_int_equal(hip_painlog_flares(log, HIP_PAIN_CONTEXT_AVG_24H, f, 2, &n), HIP_OK);
    assert_int_equal(n, 0);
    /* Errors. */
    assert_int_equal(hip_painlog_flares(log, HIP_PAIN_CONTEXT_AVG_7D, f, 2, &n), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_painlog_flares(log, HIP_PAIN_CONTEXT_AVG_24H, NULL, 2, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_flares(log, HIP_PAIN_CONTEXT_AVG_24H, f, 2, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_flares(log, (hip_pain_context)9, f, 2, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_flares(NULL, HIP_PAIN_CONTEXT_AVG_24H, f, 2, &n), HIP_ERR_INVALID);
    hip_painlog_destroy(log);
}

/* ---- morning vs night ---- */

static void add_at_hour(hip_painlog *log, int d, int hour, int nrs)
{
    hip_pain_entry e = entry(at(2026, 4, d, hour, 0, 120), 120, nrs, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &e);
}

static void test_pattern(void **state)
{
    (void)state;
    hip_painlog *log = new_log(NULL);
    hip_pain_pattern_result r;
    int32_t from = day(2026, 4, 1), to = day(2026, 4, 30);
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_CURRENT, from, to, &r), HIP_ERR_NOT_FOUND);
    /* Mornings by the clock (05:00, 11:00), nights (22:00, 04:00): 5 vs 4 -> difference 1 = at. */
    add_at_hour(log, 1, 5, 5);
    add_at_hour(log, 2, 11, 5);
    add_at_hour(log, 1, 22, 4);
    add_at_hour(log, 2, 4, 4);
    add_at_hour(log, 3, 14, 9);   /* afternoon and evening are neither */
    add_at_hour(log, 3, 21, 9);
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_CURRENT, from, to, &r), HIP_OK);
    assert_int_equal(r.pattern, HIP_PAIN_PATTERN_UNDETERMINED);   /* 2 each < 3 */
    assert_int_equal(r.morning_count, 2);
    assert_int_equal(r.night_count, 2);
    /* The third of each: one by time_of_day, one by setting NIGHT (at 15:00 by the clock). */
    hip_pain_entry e = entry(at(2026, 4, 4, 15, 0, 120), 120, 5, HIP_PAIN_CONTEXT_CURRENT);
    e.time_of_day = HIP_PAIN_TIME_OF_DAY_MORNING;
    add_ok(log, &e);
    e = entry(at(2026, 4, 4, 16, 0, 120), 120, 4, HIP_PAIN_CONTEXT_CURRENT);
    e.setting = HIP_PAIN_SETTING_NIGHT;
    add_ok(log, &e);
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_CURRENT, from, to, &r), HIP_OK);
    assert_int_equal(r.morning_count, 3);
    assert_int_equal(r.night_count, 3);
    assert_float_equal(r.morning_mean, 5.0, 0);
    assert_float_equal(r.night_mean, 4.0, 0);
    assert_int_equal(r.pattern, HIP_PAIN_PATTERN_MORNING);   /* diff 1.0: at the threshold */
    /* Just above (1.01) and just below (0.99) by configuring the threshold. */
    hip_painlog_config cfg;
    hip_painlog_config_init(&cfg);
    cfg.pattern_min_diff = 1.01;
    hip_painlog *log2 = new_log(&cfg);
    size_t n = hip_painlog_count(log);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(hip_painlog_entry_at(log, i, &e), HIP_OK);
        add_ok(log2, &e);
    }
    assert_int_equal(hip_painlog_pattern(log2, HIP_PAIN_CONTEXT_CURRENT, from, to, &r), HIP_OK);
    assert_int_equal(r.pattern, HIP_PAIN_PATTERN_NONE);
    hip_painlog_destroy(log2);
    cfg.pattern_min_diff = 0.99;
    log2 = new_log(&cfg);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(hip_painlog_entry_at(log, i, &e), HIP_OK);
        add_ok(log2, &e);
    }
    assert_int_equal(hip_painlog_pattern(log2, HIP_PAIN_CONTEXT_CURRENT, from, to, &r), HIP_OK);
    assert_int_equal(r.pattern, HIP_PAIN_PATTERN_MORNING);
    hip_painlog_destroy(log2);
    /* Night worse: three more nights at 10 (03:00) -> night mean (4*3 + 30)/6 = 7. */
    add_at_hour(log, 5, 3, 10);
    add_at_hour(log, 6, 3, 10);
    add_at_hour(log, 7, 3, 10);
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_CURRENT, from, to, &r), HIP_OK);
    assert_int_equal(r.pattern, HIP_PAIN_PATTERN_NIGHT);
    assert_float_equal(r.night_mean, 7.0, 1e-12);
    /* The day range is inclusive and in local days: only 2026-04-05..07 -> no mornings. */
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_CURRENT, day(2026, 4, 5), day(2026, 4, 7), &r), HIP_OK);
    assert_int_equal(r.morning_count, 0);
    assert_float_equal(r.morning_mean, 0.0, 0);
    assert_int_equal(r.night_count, 3);
    assert_int_equal(r.pattern, HIP_PAIN_PATTERN_UNDETERMINED);
    /* NEXT_MORNING entries count as mornings whatever the clock says. */
    e = entry(at(2026, 4, 8, 13, 0, 120), 120, 3, HIP_PAIN_CONTEXT_NEXT_MORNING);
    add_ok(log, &e);
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_NEXT_MORNING, from, to, &r), HIP_OK);
    assert_int_equal(r.morning_count, 1);
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_CURRENT, to, from, &r), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_pattern(log, HIP_PAIN_CONTEXT_CURRENT, from, to, NULL), HIP_ERR_INVALID);
    hip_painlog_destroy(log);
}

/* ---- JSON ---- */

static char *export_all(const hip_painlog *log, size_t *len_out)
{
    size_t len = 0;
    assert_int_equal(hip_painlog_export_json(log, NULL, 0, &len), HIP_OK);
    char *buf = malloc(len + 1);
    assert_int_equal(hip_painlog_export_json(log, buf, len, &len), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_painlog_export_json(log, buf, len + 1, &len), HIP_OK);
    *len_out = len;
    return buf;
}

static hip_painlog *sample_log(void)
{
    hip_painlog *log = new_log(NULL);
    hip_pain_entry e = entry(at(2026, 11, 2, 8, 30, 60), 60, 4, HIP_PAIN_CONTEXT_AVG_24H);
    e.location = HIP_PAIN_LOCATION_GROIN;
    e.side = HIP_PAIN_SIDE_LEFT;
    e.symptoms = HIP_PAIN_SYMPTOM_STIFFNESS | HIP_PAIN_SYMPTOM_CLICKING;
    e.time_of_day = HIP_PAIN_TIME_OF_DAY_MORNING;
    e.setting = HIP_PAIN_SETTING_REST;
    snprintf(e.note, sizeof e.note, "stiff \"first thing\"\n\xE2\x80\x94 eased after 20 min");
    add_ok(log, &e);
    e = entry(at(2026, 11, 1, 22, 15, -330) + 123456789, -330, 7, HIP_PAIN_CONTEXT_WORST_24H);
    e.location = HIP_PAIN_LOCATION_LATERAL_HIP;
    e.setting = HIP_PAIN_SETTING_NIGHT;
    add_ok(log, &e);
    e = entry(-1, 0, 0, HIP_PAIN_CONTEXT_CURRENT);   /* 1969-12-31T23:59:59.999999999Z */
    add_ok(log, &e);
    e = entry(INT64_MIN, -1080, 10, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &e);
    e = entry(INT64_MAX, 1080, 10, HIP_PAIN_CONTEXT_CURRENT);
    add_ok(log, &e);
    return log;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    hip_painlog *log = sample_log();
    size_t len;
    char *json = export_all(log, &len);
    assert_non_null(strstr(json, "\"format\": \"hiptrack.painlog\""));
    assert_non_null(strstr(json, "\"time\": \"2026-11-02T08:30:00+01:00\""));
    assert_non_null(strstr(json, "\"time\": \"2026-11-01T22:15:00.123456789-05:30\""));
    assert_non_null(strstr(json, "\"time\": \"1969-12-31T23:59:59.999999999+00:00\""));
    assert_non_null(strstr(json, "\"symptoms\": [\n"));
    assert_non_null(strstr(json, "\"clicking\""));
    hip_painlog *q = new_log(NULL);
    if (hip_painlog_import_json(q, json, len) != HIP_OK) fail_msg("%s", hip_painlog_last_error(q));
    assert_int_equal(hip_painlog_count(q), hip_painlog_count(log));
    for (size_t i = 0; i < hip_painlog_count(log); i++) {
        hip_pain_entry a, b;
        hip_painlog_entry_at(log, i, &a);
        hip_painlog_entry_at(q, i, &b);
        assert_memory_equal(&a, &b, sizeof a);
    }
    size_t len2;
    char *json2 = export_all(q, &len2);
    assert_string_equal(json, json2);
    free(json); free(json2);
    hip_painlog_destroy(q);
    hip_painlog_destroy(log);

    /* Import accepts out-of-order entries, Z, short fractions and defaults. */
    static const char *doc =
        "{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": [\n"
        " {\"time\": \"2026-03-02T09:00:00Z\", \"nrs\": 3, \"context\": \"current\"},\n"
        " {\"time\": \"2026-03-01T09:00:00.5+02:00\", \"nrs\": 6, \"context\": \"avg_7d\", \"symptoms\": [\"limp\"]}]}";
    q = new_log(NULL);
    if (hip_painlog_import_json(q, doc, strlen(doc)) != HIP_OK) fail_msg("%s", hip_painlog_last_error(q));
    hip_pain_entry e;
    assert_int_equal(hip_painlog_entry_at(q, 0, &e), HIP_OK);
    assert_int_equal(e.nrs, 6);
    assert_int_equal(e.t_ns, at(2026, 3, 1, 9, 0, 120) + NS / 2);
    assert_int_equal(e.utc_offset_min, 120);
    assert_int_equal(e.symptoms, HIP_PAIN_SYMPTOM_LIMP);
    assert_int_equal(e.context, HIP_PAIN_CONTEXT_AVG_7D);
    assert_int_equal(hip_painlog_entry_at(q, 1, &e), HIP_OK);
    assert_int_equal(e.utc_offset_min, 0);
    assert_int_equal(e.location, HIP_PAIN_LOCATION_UNSPECIFIED);
    assert_int_equal(e.side, HIP_PAIN_SIDE_UNSPECIFIED);
    assert_string_equal(e.note, "");
    hip_painlog_destroy(q);
}

typedef struct bad_doc { const char *text; hip_status st; const char *msg; } bad_doc;

#define HDR "{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": ["
#define E0 "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": 3, \"context\": \"current\""

static void test_import_errors(void **state)
{
    (void)state;
    static const bad_doc docs[] = {
        {HDR ",]}", HIP_ERR_FORMAT, "line 1, column 58: expected a value"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"entries\": []}", HIP_ERR_FORMAT, "format: expected \"hiptrack.painlog\""},
        {"{\"format\": \"hiptrack.painlog\", \"version\": 2, \"entries\": []}", HIP_ERR_VERSION, "newer"},
        {"{\"format\": \"hiptrack.painlog\", \"version\": 1}", HIP_ERR_FORMAT, "entries: missing"},
        {"{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": {}}", HIP_ERR_FORMAT, "entries: expected an array"},
        {"{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": [], \"x\": 1}", HIP_ERR_FORMAT, "document: unknown field \"x\""},
        {HDR "3]}", HIP_ERR_FORMAT, "entries[0]: expected an object"},
        {HDR E0 "}, {\"nrs\": 3, \"context\": \"current\"}]}", HIP_ERR_FORMAT, "entries[1].time: missing"},
        {HDR E0 ", \"nrs\": 4}]}", HIP_ERR_FORMAT, "entries[0]: field \"nrs\" appears twice"},
        {HDR "{\"time\": \"2026-03-02T09:00:00+01:00\", \"context\": \"current\"}]}", HIP_ERR_FORMAT, "entries[0].nrs: missing"},
        {HDR "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": 11, \"context\": \"current\"}]}", HIP_ERR_FORMAT, "entries[0].nrs: expected an integer 0..10"},
        {HDR "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": -1, \"context\": \"current\"}]}", HIP_ERR_FORMAT, "entries[0].nrs: expected an integer 0..10"},
        {HDR "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": 4.5, \"context\": \"current\"}]}", HIP_ERR_FORMAT, "entries[0].nrs: expected an integer 0..10"},
        {HDR "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": \"4\", \"context\": \"current\"}]}", HIP_ERR_FORMAT, "entries[0].nrs: expected an integer 0..10"},
        {HDR "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": 4}]}", HIP_ERR_FORMAT, "entries[0].context: missing"},
        {HDR "{\"time\": \"2026-03-02T09:00:00+01:00\", \"nrs\": 4, \"context\": \"avg_30d\"}]}", HIP_ERR_FORMAT, "entries[0].context: expected one of current, avg_24h"},
        {HDR E0 ", \"location\": \"knee\"}]}", HIP_ERR_FORMAT, "entries[0].location: expected one of"},
        {HDR E0 ", \"side\": \"alternating\"}]}", HIP_ERR_FORMAT, "entries[0].side: expected one of unspecified, left, right, both"},
        {HDR E0 ", \"symptoms\": \"clicking\"}]}", HIP_ERR_FORMAT, "entries[0].symptoms: expected an array"},
        {HDR E0 ", \"symptoms\": [\"clicking\", \"popping\"]}]}", HIP_ERR_FORMAT, "entries[0].symptoms[1]: expected a symptom"},
        {HDR E0 ", \"symptoms\": [\"limp\", \"limp\"]}]}", HIP_ERR_FORMAT, "entries[0].symptoms[1]: \"limp\" appears twice"},
        {HDR E0 ", \"symptoms\": [1]}]}", HIP_ERR_FORMAT, "entries[0].symptoms[0]: expected a symptom"},
        {HDR E0 ", \"time_of_day\": \"noon\"}]}", HIP_ERR_FORMAT, "entries[0].time_of_day: expected one of"},
        {HDR E0 ", \"setting\": \"sleep\"}]}", HIP_ERR_FORMAT, "entries[0].setting: expected one of"},
        {HDR E0 ", \"note\": 5}]}", HIP_ERR_FORMAT, "entries[0].note: expected a string of 0..255 bytes"},
        {HDR E0 ", \"note\": \"a\\u0000b\"}]}", HIP_ERR_FORMAT, "entries[0].note: expected a string"},
        {HDR E0 ", \"mood\": 3}]}", HIP_ERR_FORMAT, "entries[0]: unknown field \"mood\""},
        {HDR E0 "}, " E0 "}]}", HIP_ERR_EXISTS, "entries[1]: an exact duplicate of entries[0]"},
    };
    hip_painlog *log = sample_log();
    size_t len;
    char *before = export_all(log, &len);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        hip_status st = hip_painlog_import_json(log, docs[i].text, strlen(docs[i].text));
        const char *msg = hip_painlog_last_error(log);
        if (st != docs[i].st || !strstr(msg, docs[i].msg))
            fail_msg("doc %zu: status %d message '%s', expected %d with '%s'", i, st, msg,
                     docs[i].st, docs[i].msg);
    }
    /* Bad times, each reported on the field. */
    static const char *const times[] = {
        "2026-03-02 09:00:00+01:00", "2026-03-02T09:00:00", "2026-03-02T24:00:00Z",
        "2026-03-02T09:60:00Z", "2026-03-02T09:00:60Z", "2026-02-30T09:00:00Z",
        "2026-03-02T09:00:00.Z", "2026-03-02T09:00:00.1234567890Z", "2026-03-02T09:00:00+18:01",
        "2026-03-02T09:00:00-19:00", "2026-03-02T09:00:00+01:60", "2026-03-02T09:00:00+0100",
        "2026-03-02T09:00:00z", "2026-03-02T09:00:00Z ", "2262-04-12T00:00:00Z",
        "1677-09-21T00:00:00Z", "0000-01-01T00:00:00Z", "2026-3-02T09:00:00Z", "x"};
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        char doc[256];
        snprintf(doc, sizeof doc, HDR "{\"time\": \"%s\", \"nrs\": 1, \"context\": \"current\"}]}", times[i]);
        hip_status st = hip_painlog_import_json(log, doc, strlen(doc));
        if (st != HIP_ERR_FORMAT || !strstr(hip_painlog_last_error(log), "entries[0].time: expected RFC 3339"))
            fail_msg("time '%s': status %d '%s'", times[i], st, hip_painlog_last_error(log));
    }
    const char *t_ok = HDR "{\"time\": 5, \"nrs\": 1, \"context\": \"current\"}]}";
    assert_int_equal(hip_painlog_import_json(log, t_ok, strlen(t_ok)), HIP_ERR_FORMAT);
    char *after = export_all(log, &len);
    assert_string_equal(before, after);   /* failed imports changed nothing */
    /* The edges of int64 nanoseconds that are valid. */
    static const char *const edge =
        HDR "{\"time\": \"2262-04-11T23:47:16.854775807Z\", \"nrs\": 1, \"context\": \"current\"},"
        " {\"time\": \"1677-09-21T00:12:43.145224192Z\", \"nrs\": 1, \"context\": \"current\"}]}";
    if (hip_painlog_import_json(log, edge, strlen(edge)) != HIP_OK) fail_msg("%s", hip_painlog_last_error(log));
    hip_pain_entry e;
    assert_int_equal(hip_painlog_entry_at(log, 0, &e), HIP_OK);
    assert_true(e.t_ns == INT64_MIN);
    assert_int_equal(hip_painlog_entry_at(log, 1, &e), HIP_OK);
    assert_true(e.t_ns == INT64_MAX);
    static const char *const over1 = HDR "{\"time\": \"2262-04-11T23:47:16.854775808Z\", \"nrs\": 1, \"context\": \"current\"}]}";
    static const char *const over2 = HDR "{\"time\": \"1677-09-21T00:12:43.145224191Z\", \"nrs\": 1, \"context\": \"current\"}]}";
    assert_int_equal(hip_painlog_import_json(log, over1, strlen(over1)), HIP_ERR_FORMAT);
    assert_int_equal(hip_painlog_import_json(log, over2, strlen(over2)), HIP_ERR_FORMAT);
    /* An import replaces; an empty list empties. */
    const char *empty = HDR "]}";
    assert_int_equal(hip_painlog_import_json(log, empty, strlen(empty)), HIP_OK);
    assert_int_equal(hip_painlog_count(log), 0);
    assert_int_equal(hip_painlog_import_json(log, NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_import_json(NULL, empty, 1), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_export_json(log, NULL, 5, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_export_json(log, NULL, 0, NULL), HIP_ERR_INVALID);
    free(before); free(after);
    hip_painlog_destroy(log);
}

static void test_capacity(void **state)
{
    (void)state;
    /* The log holds at most 50000 entries, by import and by add alike. */
    size_t cap = 50000 * 80 + 100, n = 0;
    char *doc = malloc(cap);
    n += (size_t)snprintf(doc + n, cap - n, HDR);
    for (int i = 0; i < 50000; i++)
        n += (size_t)snprintf(doc + n, cap - n, "%s{\"time\": \"2026-01-01T00:00:%02d.%06dZ\", \"nrs\": 1, \"context\": \"current\"}",
                              i ? "," : "", i % 60, i);
    n += (size_t)snprintf(doc + n, cap - n, "]}");
    hip_painlog *log = new_log(NULL);
    if (hip_painlog_import_json(log, doc, n) != HIP_OK) fail_msg("%s", hip_painlog_last_error(log));
    assert_int_equal(hip_painlog_count(log), 50000);
    hip_pain_entry e = entry(0, 0, 1, HIP_PAIN_CONTEXT_CURRENT);
    assert_int_equal(hip_painlog_add(log, &e), HIP_ERR_RANGE);
    assert_string_equal(hip_painlog_last_error(log), "the log is full (50000 entries)");
    hip_painlog_destroy(log);
    free(doc);
}

/* ---- configuration, NULLs, names ---- */

static void test_config_and_nulls(void **state)
{
    (void)state;
    hip_painlog *log = (hip_painlog *)&log;
    assert_int_equal(hip_painlog_create(NULL, NULL), HIP_ERR_INVALID);
    hip_painlog_config cfg;
    hip_painlog_config_init(&cfg);
    assert_int_equal(cfg.baseline_days, 7);
    assert_float_equal(cfg.resp_pct, 30.0, 0);
    assert_float_equal(cfg.flare_rise, 2.0, 0);
    assert_int_equal(cfg.chronic_after_days, 84);
    /* Each field out of its domain is refused. */
    for (int i = 0; i < 31; i++) {
        hip_painlog_config_init(&cfg);
        switch (i) {
        case 0: cfg.struct_size = 8; break;
        case 1: cfg.baseline_rule = (hip_pain_baseline_rule)2; break;
        case 2: cfg.baseline_days = 0; break;
        case 3: cfg.baseline_days = 367; break;
        case 4: cfg.rolling_days = 0; break;
        case 5: cfg.resp_pct = NAN; break;
        case 6: cfg.resp_abs = 10.5; break;
        case 7: cfg.min_abs = -1; break;
        case 8: cfg.min_pct = 100.5; break;
        case 9: cfg.worse_abs = INFINITY; break;
        case 10: cfg.responder_criterion = (hip_pain_criterion)4; break;
        case 11: cfg.flare_rise = 0; break;
        case 12: cfg.flare_off_margin = -0.1; break;
        case 13: cfg.flare_sustain_logs = 0; break;
        case 14: cfg.flare_sustain_logs = 31; break;
        case 15: cfg.flare_baseline = (hip_pain_flare_baseline)2; break;
        case 16: cfg.flare_window_days = 32; break;
        case 17: cfg.flare_min_logs = 0; break;
        case 18: cfg.flare_long_days = 0; break;
        case 19: cfg.flare_frequent_count = 1; break;
        case 20: cfg.flare_frequent_count = 101; break;
        case 21: cfg.flare_frequent_days = 0; break;
        case 22: cfg.chronic_after_days = -1; break;
        case 23: cfg.subacute_from_days = 85; break;
        case 24: cfg.duration_bands = 1; break;
        case 25: cfg.pattern_min_diff = 0; break;
        case 26: cfg.pattern_min_entries = 0; break;
        case 27: { hip_test_alloc_state st; cfg.allocator = hip_test_counting_allocator(&st); cfg.allocator.alloc = NULL; } break;
        case 28: cfg.flare_window_days = 0; break;
        case 29: cfg.rolling_days = 400; break;
        case 30: cfg.subacute_from_days = -1; break;
        }
        log = (hip_painlog *)&log;
        if (hip_painlog_create(&cfg, &log) != HIP_ERR_INVALID) fail_msg("config case %d accepted", i);
        assert_null(log);
    }
    hip_painlog_config_init(NULL);
    hip_pain_entry_init(NULL);
    hip_painlog_destroy(NULL);
    assert_int_equal(hip_painlog_count(NULL), 0);
    assert_string_equal(hip_painlog_last_error(NULL), "");
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    assert_int_equal(e.nrs, 0);
    assert_int_equal(e.context, HIP_PAIN_CONTEXT_CURRENT);
    assert_string_equal(e.note, "");
    size_t n;
    hip_pain_baseline b;
    hip_pain_window w;
    hip_pain_change c;
    hip_pain_pattern_result p;
    assert_int_equal(hip_painlog_add(NULL, &e), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_remove(NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_entry_at(NULL, 0, &e), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_export_json(NULL, NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_baseline(NULL, HIP_PAIN_CONTEXT_CURRENT, &b), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_rolling_mean(NULL, HIP_PAIN_CONTEXT_CURRENT, 0, &w), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_change_on(NULL, HIP_PAIN_CONTEXT_CURRENT, 0, &c), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_pattern(NULL, HIP_PAIN_CONTEXT_CURRENT, 0, 1, &p), HIP_ERR_INVALID);
    log = new_log(NULL);
    assert_int_equal(hip_painlog_entry_at(log, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_baseline(log, (hip_pain_context)7, &b), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_CURRENT, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_rolling_mean(log, (hip_pain_context)-1, 0, &w), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_CURRENT, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_change_on(log, (hip_pain_context)7, 0, &c), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_change_on(log, HIP_PAIN_CONTEXT_CURRENT, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_pattern(log, (hip_pain_context)7, 0, 1, &p), HIP_ERR_INVALID);
    assert_int_equal(hip_painlog_remove(log, 0), HIP_ERR_RANGE);
    hip_painlog_destroy(log);
    /* Names (the JSON vocabulary). */
    assert_string_equal(hip_pain_context_name(HIP_PAIN_CONTEXT_AVG_24H), "avg_24h");
    assert_string_equal(hip_pain_context_name(HIP_PAIN_CONTEXT_NEXT_MORNING), "next_morning");
    assert_string_equal(hip_pain_context_name((hip_pain_context)7), "unknown");
    assert_string_equal(hip_pain_location_name(HIP_PAIN_LOCATION_LATERAL_HIP), "lateral_hip");
    assert_string_equal(hip_pain_location_name((hip_pain_location)9), "unknown");
    assert_string_equal(hip_pain_side_name(HIP_PAIN_SIDE_BOTH), "both");
    assert_string_equal(hip_pain_side_name((hip_pain_side)4), "unknown");
    assert_string_equal(hip_pain_symptom_name(HIP_PAIN_SYMPTOM_GIVING_WAY), "giving_way");
    assert_string_equal(hip_pain_symptom_name(HIP_PAIN_SYMPTOM_NUMBNESS_TINGLING), "numbness_tingling");
    assert_string_equal(hip_pain_symptom_name(0), "unknown");
    assert_string_equal(hip_pain_symptom_name(HIP_PAIN_SYMPTOM_LIMP | HIP_PAIN_SYMPTOM_WEAKNESS), "unknown");
    assert_string_equal(hip_pain_symptom_name(1u << 9), "unknown");
    assert_string_equal(hip_pain_time_of_day_name(HIP_PAIN_TIME_OF_DAY_EVENING), "evening");
    assert_string_equal(hip_pain_time_of_day_name((hip_pain_time_of_day)5), "unknown");
    assert_string_equal(hip_pain_setting_name(HIP_PAIN_SETTING_AFTER_EXERCISE), "after_exercise");
    assert_string_equal(hip_pain_setting_name((hip_pain_setting)5), "unknown");
}

/* ---- allocation failures ---- */

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_painlog_config cfg;
    hip_painlog_config_init(&cfg);
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_painlog *log = NULL;
        hip_status st = hip_painlog_create(&cfg, &log);
        if (st == HIP_OK) {
            hip_painlog_destroy(log);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_null(log);
        assert_int_equal(as.outstanding, 0);
    }
    /* import: every failure leaves the one old entry. */
    hip_painlog *src = sample_log();
    size_t len;
    char *doc = export_all(src, &len);
    hip_painlog_destroy(src);
    size_t failures = 0;
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, -1);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_painlog *log = NULL;
        assert_int_equal(hip_painlog_create(&cfg, &log), HIP_OK);
        hip_pain_entry e = entry(42, 0, 3, HIP_PAIN_CONTEXT_CURRENT);
        add_ok(log, &e);
        as.countdown = n;
        hip_status st = hip_painlog_import_json(log, doc, len);
        as.countdown = -1;
        if (st == HIP_OK) {
            assert_int_equal(hip_painlog_count(log), 5);
            hip_painlog_destroy(log);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(hip_painlog_count(log), 1);
        hip_pain_entry got;
        assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
        assert_int_equal(got.t_ns, 42);
        hip_pain_baseline b;
        assert_int_equal(hip_painlog_baseline(log, HIP_PAIN_CONTEXT_CURRENT, &b), HIP_OK);
        hip_painlog_destroy(log);
        assert_int_equal(as.outstanding, 0);
        failures++;
    }
    assert_true(failures >= 6);
    free(doc);
    /* add: the first add allocates both arrays; each failure leaves the log as it was. */
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, -1);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_painlog *log = NULL;
        assert_int_equal(hip_painlog_create(&cfg, &log), HIP_OK);
        hip_pain_entry e = entry(42, 0, 3, HIP_PAIN_CONTEXT_CURRENT);
        as.countdown = n;
        hip_status st = hip_painlog_add(log, &e);
        as.countdown = -1;
        if (st == HIP_OK) {
            assert_int_equal(hip_painlog_count(log), 1);
            /* growth past the first capacity (8) goes through the same path */
            for (int i = 1; i < 8; i++) {
                e.t_ns = 42 + i;
                add_ok(log, &e);
            }
            e.t_ns = 1;
            as.countdown = 0;
            assert_int_equal(hip_painlog_add(log, &e), HIP_ERR_NOMEM);
            assert_string_equal(hip_painlog_last_error(log), "out of memory");
            as.countdown = 1;   /* entries grow, order does not */
            assert_int_equal(hip_painlog_add(log, &e), HIP_ERR_NOMEM);
            as.countdown = -1;
            assert_int_equal(hip_painlog_count(log), 8);
            hip_pain_entry got;
            assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
            assert_int_equal(got.t_ns, 42);
            add_ok(log, &e);
            assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
            assert_int_equal(got.t_ns, 1);
            hip_painlog_destroy(log);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(hip_painlog_count(log), 0);
        hip_painlog_destroy(log);
        assert_int_equal(as.outstanding, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_band_vectors),
        cmocka_unit_test(test_duration_vectors),
        cmocka_unit_test(test_change_vectors),
        cmocka_unit_test(test_change_thresholds),
        cmocka_unit_test(test_cohort_vector),
        cmocka_unit_test(test_flare_vectors),
        cmocka_unit_test(test_flare_rolling_and_escalation),
        cmocka_unit_test(test_entries_order_and_duplicates),
        cmocka_unit_test(test_entry_validation),
        cmocka_unit_test(test_local_days),
        cmocka_unit_test(test_baseline_rolling_change),
        cmocka_unit_test(test_flares_from_log),
        cmocka_unit_test(test_pattern),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_import_errors),
        cmocka_unit_test(test_capacity),
        cmocka_unit_test(test_config_and_nulls),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
