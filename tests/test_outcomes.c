/* Outcome questionnaires: every test vector of CLINICAL.md §2 (listed below with its section),
 * missing answers, item metadata, errors, change with MCID/MDC flags, JSON import/export and
 * allocation failures.
 *
 * CLINICAL.md §2 test vectors and where they are checked:
 *   §2.1 HOOS           H1-H17 (subscale scores, 2013 and 2003 rules)   hoos_vectors[] -> test_vectors
 *                       H18 (value 5 or -2 is out of range)               test_out_of_range_h18
 *                       short forms from a full HOOS (§2.1 list)          test_short_forms_from_hoos
 *   §2.2 HOOS-12        T1-T7                                             hoos12_vectors[] -> test_vectors
 *   §2.3 HOOS JR        7 rows (raw 0, 24, 10, 12, 4, 23, missing)        jr_vectors[] -> test_vectors,
 *                       all 25 table rows + linear-formula check          test_hoos_jr_table
 *   §2.4 HOOS-PS        4 vectors (raw 0, 5, 10, 20)                      ps_vectors[] -> test_vectors
 *   §2.5 PSFS           6 rows (3 scores with change, 2 scores, [])      psfs_vectors[] -> test_vectors,
 *                                                                         test_psfs_change
 *   §2.6 iHOT-12        3 vectors                                         test_licensed_instruments
 *   §2.7 Oxford         3 vectors                                         test_licensed_instruments
 * Tolerances (§0.2): formula scores 1e-9 absolute; table look-ups (HOOS JR, HOOS-PS) exact to 3
 * decimals. The licence-gated vectors run in test_outcomes_licensed (the same file built with
 * HIPTRACK_WITH_LICENSED_OUTCOMES); test_outcomes checks that they are refused without the option. */
#include "testutil.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define M INT_MIN   /* "—" in CLINICAL.md: a missing answer */
#define FORMULA 0
#define TABLE 1

static hip_outcome_response *new_response(hip_instrument inst, hip_hoos_missing_rule rule)
{
    hip_outcome_config cfg;
    hip_outcome_config_init(&cfg);
    cfg.instrument = inst;
    cfg.hoos_missing_rule = rule;
    hip_outcome_response *r = NULL;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_OK);
    return r;
}

/* Sets space-separated ids to answers (M = missing). */
static void fill(hip_outcome_response *r, const char *ids, const int *answers)
{
    char buf[160], *save = NULL;
    snprintf(buf, sizeof buf, "%s", ids);
    int k = 0;
    (void)save;
    for (char *id = strtok(buf, " "); id; id = strtok(NULL, " "), k++) {
        hip_status st = answers[k] == M ? hip_outcome_set_missing(r, id)
                                        : hip_outcome_set_answer(r, id, answers[k]);
        if (st != HIP_OK) fail_msg("set %s: %s", id, hip_outcome_response_last_error(r));
    }
}

static const hip_outcome_scale_score *find_scale(const hip_outcome_result *res, hip_outcome_scale s)
{
    for (size_t k = 0; k < res->scale_count; k++)
        if (res->scales[k].scale == s) return &res->scales[k];
    fail_msg("scale %s not in result", hip_outcome_scale_name(s));
    return NULL;
}

static void check_value(const char *tag, double got, double expected, int kind)
{
    if (kind == TABLE) {
        if (llround(got * 1000.0) != llround(expected * 1000.0))
            fail_msg("%s: %.6f, expected %.3f (3 decimals)", tag, got, expected);
    } else if (!(fabs(got - expected) <= 1e-9)) {
        fail_msg("%s: %.15f, expected %.15f (1e-9)", tag, got, expected);
    }
}

typedef struct vec {
    const char *tag;              /* vector id and CLINICAL.md section */
    hip_instrument inst;
    hip_hoos_missing_rule rule;
    const char *ids;              /* the answered items, in the order of the vector's answers */
    int answers[17];
    hip_outcome_scale scale;
    int scoreable;
    double expected;
    int kind;                     /* FORMULA (1e-9) or TABLE (3 decimals) */
} vec;

#define R13 HIP_HOOS_MISSING_2013
#define R03 HIP_HOOS_MISSING_2003
#define HOOS_S "S1 S2 S3 S4 S5"
#define HOOS_P "P1 P2 P3 P4 P5 P6 P7 P8 P9 P10"
#define HOOS_A "A1 A2 A3 A4 A5 A6 A7 A8 A9 A10 A11 A12 A13 A14 A15 A16 A17"
#define HOOS_SP "SP1 SP2 SP3 SP4"
#define HOOS_Q "Q1 Q2 Q3 Q4"

/* §2.1 HOOS test vectors H1-H17. */
static const vec hoos_vectors[] = {
    {"H1 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_S, {0, 0, 0, 0, 0}, HIP_OUTCOME_SCALE_HOOS_SYMPTOMS, 1, 100.0, FORMULA},
    {"H2 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_S, {1, 2, 0, 3, 1}, HIP_OUTCOME_SCALE_HOOS_SYMPTOMS, 1, 65.0, FORMULA},
    {"H3 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_P, {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, HIP_OUTCOME_SCALE_HOOS_PAIN, 1, 50.0, FORMULA},
    {"H4 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_P, {1, 1, 2, 2, 3, 0, 1, 2, 2, 1}, HIP_OUTCOME_SCALE_HOOS_PAIN, 1, 62.5, FORMULA},
    {"H5 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_P, {1, 1, 2, M, 3, 0, M, 2, M, M}, HIP_OUTCOME_SCALE_HOOS_PAIN, 1, 62.5, FORMULA},
    {"H6 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_P, {1, 1, 2, M, 3, M, M, M, M, 2}, HIP_OUTCOME_SCALE_HOOS_PAIN, 1, 55.0, FORMULA},
    {"H7 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_P, {1, M, 2, M, 3, M, M, M, M, M}, HIP_OUTCOME_SCALE_HOOS_PAIN, 0, 0, FORMULA},
    {"H8 §2.1", HIP_INSTRUMENT_HOOS, R03, HOOS_P, {1, 1, 2, M, 3, 0, M, 2, M, M}, HIP_OUTCOME_SCALE_HOOS_PAIN, 0, 0, FORMULA},
    {"H9 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_A, {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, HIP_OUTCOME_SCALE_HOOS_ADL, 1, 0.0, FORMULA},
    {"H10 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_A, {3, 3, 2, 1, 4, 2, 3, 1, 4, 2, 4, 1, 3, 2, 2, 4, 1}, HIP_OUTCOME_SCALE_HOOS_ADL, 1, 100.0 - 25.0 * 42.0 / 17.0, FORMULA},
    {"H11 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_A, {3, 3, 2, 1, 4, 2, 3, 1, 4, M, M, M, M, M, M, M, M}, HIP_OUTCOME_SCALE_HOOS_ADL, 1, 36.111111111111111, FORMULA},
    {"H12 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_A, {3, 3, 2, 1, 4, 2, 3, 1, M, M, M, M, M, M, M, M, M}, HIP_OUTCOME_SCALE_HOOS_ADL, 0, 0, FORMULA},
    {"H13 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_SP, {2, 4, 3, 1}, HIP_OUTCOME_SCALE_HOOS_SPORT, 1, 37.5, FORMULA},
    {"H14 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_SP, {2, M, M, 1}, HIP_OUTCOME_SCALE_HOOS_SPORT, 1, 62.5, FORMULA},
    {"H15 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_SP, {2, M, M, M}, HIP_OUTCOME_SCALE_HOOS_SPORT, 0, 0, FORMULA},
    {"H16 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_Q, {3, 2, 2, 3}, HIP_OUTCOME_SCALE_HOOS_QOL, 1, 37.5, FORMULA},
    {"H17 §2.1", HIP_INSTRUMENT_HOOS, R13, HOOS_Q, {1, 2, M, 2}, HIP_OUTCOME_SCALE_HOOS_QOL, 1, 58.333333333333333, FORMULA},
};

#define H12_PAIN "P1 P4 P5 P7"
#define H12_FUNC "A3 A4 A7 SP4"
/* §2.2 HOOS-12 test vectors T1-T7 (T4 and T7's summary: test_hoos12_summary). */
static const vec hoos12_vectors[] = {
    {"T1 §2.2", HIP_INSTRUMENT_HOOS12, R13, H12_PAIN, {1, 2, 2, 1}, HIP_OUTCOME_SCALE_HOOS12_PAIN, 1, 62.5, FORMULA},
    {"T2 §2.2", HIP_INSTRUMENT_HOOS12, R13, H12_FUNC, {2, 2, 3, 1}, HIP_OUTCOME_SCALE_HOOS12_FUNCTION, 1, 50.0, FORMULA},
    {"T3 §2.2", HIP_INSTRUMENT_HOOS12, R13, HOOS_Q, {3, 2, 2, 3}, HIP_OUTCOME_SCALE_HOOS12_QOL, 1, 37.5, FORMULA},
    {"T5 §2.2", HIP_INSTRUMENT_HOOS12, R13, H12_PAIN, {1, M, 3, M}, HIP_OUTCOME_SCALE_HOOS12_PAIN, 1, 50.0, FORMULA},
    {"T6 §2.2", HIP_INSTRUMENT_HOOS12, R13, H12_FUNC, {0, 1, M, 2}, HIP_OUTCOME_SCALE_HOOS12_FUNCTION, 1, 75.0, FORMULA},
    {"T7 §2.2", HIP_INSTRUMENT_HOOS12, R13, H12_PAIN, {1, M, M, M}, HIP_OUTCOME_SCALE_HOOS12_PAIN, 0, 0, FORMULA},
};

#define JR "P5 P10 A3 A5 A12 A14"
/* §2.3 HOOS JR test vectors (answers in the order P5, P10, A3, A5, A12, A14). */
static const vec jr_vectors[] = {
    {"JR raw 0 §2.3", HIP_INSTRUMENT_HOOS_JR, R13, JR, {0, 0, 0, 0, 0, 0}, HIP_OUTCOME_SCALE_HOOS_JR, 1, 100.000, TABLE},
    {"JR raw 24 §2.3", HIP_INSTRUMENT_HOOS_JR, R13, JR, {4, 4, 4, 4, 4, 4}, HIP_OUTCOME_SCALE_HOOS_JR, 1, 0.000, TABLE},
    {"JR raw 10 §2.3", HIP_INSTRUMENT_HOOS_JR, R13, JR, {1, 2, 1, 2, 2, 2}, HIP_OUTCOME_SCALE_HOOS_JR, 1, 58.930, TABLE},
    {"JR raw 12 §2.3", HIP_INSTRUMENT_HOOS_JR, R13, JR, {2, 2, 2, 2, 2, 2}, HIP_OUTCOME_SCALE_HOOS_JR, 1, 52.965, TABLE},
    {"JR raw 4 §2.3", HIP_INSTRUMENT_HOOS_JR, R13, JR, {1, 0, 1, 1, 0, 1}, HIP_OUTCOME_SCALE_HOOS_JR, 1, 76.776, TABLE},
    {"JR raw 23 §2.3", HIP_INSTRUMENT_HOOS_JR, R13, JR, {4, 4, 4, 4, 4, 3}, HIP_OUTCOME_SCALE_HOOS_JR, 1, 8.104, TABLE},
    {"JR missing §2.3", HIP_INSTRUMENT_HOOS_JR, R13, JR, {2, 2, M, 2, 2, 2}, HIP_OUTCOME_SCALE_HOOS_JR, 0, 0, TABLE},
};

#define PS "A1 A13 A14 SP2 SP3"
/* §2.4 HOOS-PS test vectors (HOOS-aligned direction, the default). */
static const vec ps_vectors[] = {
    {"PS raw 0 §2.4", HIP_INSTRUMENT_HOOS_PS, R13, PS, {0, 0, 0, 0, 0}, HIP_OUTCOME_SCALE_HOOS_PS, 1, 100.0, TABLE},
    {"PS raw 5 §2.4", HIP_INSTRUMENT_HOOS_PS, R13, PS, {1, 1, 1, 1, 1}, HIP_OUTCOME_SCALE_HOOS_PS, 1, 80.0, TABLE},
    {"PS raw 10 §2.4", HIP_INSTRUMENT_HOOS_PS, R13, PS, {2, 1, 0, 4, 3}, HIP_OUTCOME_SCALE_HOOS_PS, 1, 62.3, TABLE},
    {"PS raw 20 §2.4", HIP_INSTRUMENT_HOOS_PS, R13, PS, {4, 4, 4, 4, 4}, HIP_OUTCOME_SCALE_HOOS_PS, 1, 0.0, TABLE},
};

/* §2.5 PSFS scores of every row (the changes are in test_psfs_change). */
static const vec psfs_vectors[] = {
    {"PSFS 3,5,4 §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1 ACT2 ACT3", {3, 5, 4}, HIP_OUTCOME_SCALE_PSFS, 1, 4.0, FORMULA},
    {"PSFS 6,7,6 §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1 ACT2 ACT3", {6, 7, 6}, HIP_OUTCOME_SCALE_PSFS, 1, 19.0 / 3.0, FORMULA},
    {"PSFS 2,2,3 §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1 ACT2 ACT3", {2, 2, 3}, HIP_OUTCOME_SCALE_PSFS, 1, 7.0 / 3.0, FORMULA},
    {"PSFS 3,3,4 §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1 ACT2 ACT3", {3, 3, 4}, HIP_OUTCOME_SCALE_PSFS, 1, 10.0 / 3.0, FORMULA},
    {"PSFS 0,10 §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1 ACT2", {0, 10}, HIP_OUTCOME_SCALE_PSFS, 1, 5.0, FORMULA},
    {"PSFS 7,6,8,5,9 §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1 ACT2 ACT3 ACT4 ACT5", {7, 6, 8, 5, 9}, HIP_OUTCOME_SCALE_PSFS, 1, 7.0, FORMULA},
    {"PSFS 4 (single) §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1", {4}, HIP_OUTCOME_SCALE_PSFS, 1, 4.0, FORMULA},
    {"PSFS 7 (single) §2.5", HIP_INSTRUMENT_PSFS, R13, "ACT1", {7}, HIP_OUTCOME_SCALE_PSFS, 1, 7.0, FORMULA},
    {"PSFS [] §2.5", HIP_INSTRUMENT_PSFS, R13, "", {0}, HIP_OUTCOME_SCALE_PSFS, 0, 0, FORMULA},
};

static void run_vector(const vec *v, hip_instrument score_as)
{
    hip_outcome_response *r = new_response(v->inst, v->rule);
    fill(r, v->ids, v->answers);
    hip_outcome_result res;
    if (hip_outcome_score_as(r, score_as, &res) != HIP_OK)
        fail_msg("%s: %s", v->tag, hip_outcome_response_last_error(r));
    const hip_outcome_scale_score *s = find_scale(&res, v->scale);
    if (v->scoreable) {
        if (s->state != HIP_OUTCOME_SCORED) fail_msg("%s: not scored (state %d)", v->tag, s->state);
        check_value(v->tag, s->value, v->expected, v->kind);
    } else {
        if (s->state != HIP_OUTCOME_NOT_SCOREABLE) fail_msg("%s: expected NOT_SCOREABLE", v->tag);
        assert_true(s->value == 0.0);
    }
    hip_outcome_response_destroy(r);
}

static void run_table(const vec *vs, size_t n)
{
    for (size_t i = 0; i < n; i++) run_vector(&vs[i], vs[i].inst);
}

static void test_vectors(void **state)
{
    (void)state;
    run_table(hoos_vectors, sizeof hoos_vectors / sizeof hoos_vectors[0]);
    run_table(hoos12_vectors, sizeof hoos12_vectors / sizeof hoos12_vectors[0]);
    run_table(jr_vectors, sizeof jr_vectors / sizeof jr_vectors[0]);
    run_table(ps_vectors, sizeof ps_vectors / sizeof ps_vectors[0]);
    run_table(psfs_vectors, sizeof psfs_vectors / sizeof psfs_vectors[0]);
}

/* H6 is the 2013 boundary (exactly 50 %); under the 2003 rule H4 (10 answered) still scores and 8
 * answered is the boundary. */
static void test_hoos_rules(void **state)
{
    (void)state;
    static const vec extra[] = {
        {"H4 under 2003", HIP_INSTRUMENT_HOOS, R03, HOOS_P, {1, 1, 2, 2, 3, 0, 1, 2, 2, 1}, HIP_OUTCOME_SCALE_HOOS_PAIN, 1, 62.5, FORMULA},
        {"P 8 of 10 under 2003", HIP_INSTRUMENT_HOOS, R03, HOOS_P, {1, 1, 2, 2, 3, 0, 1, 2, M, M}, HIP_OUTCOME_SCALE_HOOS_PAIN, 1, 100.0 - 25.0 * 12.0 / 8.0, FORMULA},
        {"ADL 15 of 17 under 2003", HIP_INSTRUMENT_HOOS, R03, HOOS_A, {3, 3, 2, 1, 4, 2, 3, 1, 4, 2, 4, 1, 3, 2, 2, M, M}, HIP_OUTCOME_SCALE_HOOS_ADL, 1, 100.0 - 25.0 * 37.0 / 15.0, FORMULA},
        {"ADL 14 of 17 under 2003", HIP_INSTRUMENT_HOOS, R03, HOOS_A, {3, 3, 2, 1, 4, 2, 3, 1, 4, 2, 4, 1, 3, 2, M, M, M}, HIP_OUTCOME_SCALE_HOOS_ADL, 0, 0, FORMULA},
        {"S 3 of 5 under 2003", HIP_INSTRUMENT_HOOS, R03, HOOS_S, {1, 2, M, M, 3}, HIP_OUTCOME_SCALE_HOOS_SYMPTOMS, 1, 50.0, FORMULA},
        {"S 2 of 5 under 2013", HIP_INSTRUMENT_HOOS, R13, HOOS_S, {1, 2, M, M, M}, HIP_OUTCOME_SCALE_HOOS_SYMPTOMS, 0, 0, FORMULA},
        {"QOL 2 of 4 under 2003", HIP_INSTRUMENT_HOOS, R03, HOOS_Q, {1, M, M, 3}, HIP_OUTCOME_SCALE_HOOS_QOL, 1, 50.0, FORMULA},
    };
    run_table(extra, sizeof extra / sizeof extra[0]);
    /* An empty HOOS: five scales, none scoreable, answered counts 0, item counts 5/10/17/4/4. */
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS, R13);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    assert_int_equal(res.scale_count, 5);
    static const uint32_t counts[5] = {5, 10, 17, 4, 4};
    for (size_t k = 0; k < 5; k++) {
        assert_int_equal(res.scales[k].state, HIP_OUTCOME_NOT_SCOREABLE);
        assert_int_equal(res.scales[k].item_count, counts[k]);
        assert_int_equal(res.scales[k].answered, 0);
        assert_int_equal(res.scales[k].higher_is_better, 1);
    }
    assert_int_equal(res.has_day, 0);
    hip_outcome_response_destroy(r);
}

/* H18 §2.1: a value 5 or -2 for an item is an error naming the item; nothing changes. */
static void test_out_of_range_h18(void **state)
{
    (void)state;
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS, R13);
    assert_int_equal(hip_outcome_set_answer(r, "P3", 2), HIP_OK);
    assert_int_equal(hip_outcome_set_answer(r, "P3", 5), HIP_ERR_RANGE);
    assert_string_equal(hip_outcome_response_last_error(r), "P3: 5 is out of range 0..4");
    assert_int_equal(hip_outcome_set_answer(r, "S2", -2), HIP_ERR_RANGE);
    assert_string_equal(hip_outcome_response_last_error(r), "S2: -2 is out of range 0..4");
    assert_int_equal(hip_outcome_set_answer(r, "Q1", HIPTRACK_OUTCOME_MISSING), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_outcome_response_last_error(r), "use hip_outcome_set_missing"));
    int32_t v;
    assert_int_equal(hip_outcome_get_answer(r, "P3", &v), HIP_OK);
    assert_int_equal(v, 2);
    assert_int_equal(hip_outcome_get_answer(r, "S2", &v), HIP_OK);
    assert_int_equal(v, HIPTRACK_OUTCOME_MISSING);
    /* Every instrument's bounds: min and max accepted, one past either side refused. */
    for (int inst = 0; inst < HIPTRACK_INSTRUMENT_COUNT; inst++) {
        hip_outcome_response *q = new_response((hip_instrument)inst, R13);
        for (size_t i = 0; i < hip_outcome_item_count((hip_instrument)inst); i++) {
            hip_outcome_item it;
            assert_int_equal(hip_outcome_item_at((hip_instrument)inst, i, &it), HIP_OK);
            assert_int_equal(hip_outcome_set_answer(q, it.id, it.min), HIP_OK);
            assert_int_equal(hip_outcome_set_answer(q, it.id, it.max), HIP_OK);
            assert_int_equal(hip_outcome_set_answer(q, it.id, it.min - 1), HIP_ERR_RANGE);
            assert_int_equal(hip_outcome_set_answer(q, it.id, it.max + 1), HIP_ERR_RANGE);
            assert_non_null(strstr(hip_outcome_response_last_error(q), it.id));
            assert_int_equal(hip_outcome_get_answer(q, it.id, &v), HIP_OK);
            assert_int_equal(v, it.max);
        }
        hip_outcome_response_destroy(q);
    }
    hip_outcome_response_destroy(r);
}

/* Missing is not 0: a missing item drops out of the mean, a 0 counts as "no problem". */
static void test_missing_is_not_zero(void **state)
{
    (void)state;
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS, R13);
    static const int sym[5] = {4, 4, 4, 4, M};
    fill(r, HOOS_S, sym);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    check_value("S with S5 missing", res.scales[0].value, 0.0, FORMULA);
    assert_int_equal(res.scales[0].answered, 4);
    assert_int_equal(hip_outcome_set_answer(r, "S5", 0), HIP_OK);
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    check_value("S with S5 = 0", res.scales[0].value, 20.0, FORMULA);
    assert_int_equal(res.scales[0].raw_sum, 16);
    assert_int_equal(hip_outcome_set_missing(r, "S5"), HIP_OK);
    int32_t v = 0;
    assert_int_equal(hip_outcome_get_answer(r, "S5", &v), HIP_OK);
    assert_int_equal(v, HIPTRACK_OUTCOME_MISSING);
    /* clear: everything missing, date gone, instrument kept. */
    assert_int_equal(hip_outcome_set_date(r, 20000), HIP_OK);
    assert_int_equal(hip_outcome_clear(r), HIP_OK);
    assert_int_equal(hip_outcome_get_answer(r, "S1", &v), HIP_OK);
    assert_int_equal(v, HIPTRACK_OUTCOME_MISSING);
    int32_t day;
    assert_int_equal(hip_outcome_get_date(r, &day), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_response_instrument(r), HIP_INSTRUMENT_HOOS);
    hip_outcome_response_destroy(r);
}

/* T4 (summary of T1-T3 = 50.0) and T7 (pain not scoreable, so the summary is not either). */
static void test_hoos12_summary(void **state)
{
    (void)state;
    static const int t1[4] = {1, 2, 2, 1}, t2[4] = {2, 2, 3, 1}, t3[4] = {3, 2, 2, 3},
                     t7[4] = {1, M, M, M};
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS12, R13);
    fill(r, H12_PAIN, t1);
    fill(r, H12_FUNC, t2);
    fill(r, HOOS_Q, t3);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    assert_int_equal(res.scale_count, 4);
    const hip_outcome_scale_score *sum = find_scale(&res, HIP_OUTCOME_SCALE_HOOS12_SUMMARY);
    assert_int_equal(sum->state, HIP_OUTCOME_SCORED);
    check_value("T4 §2.2", sum->value, 50.0, FORMULA);
    fill(r, H12_PAIN, t7);
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    assert_int_equal(find_scale(&res, HIP_OUTCOME_SCALE_HOOS12_PAIN)->state, HIP_OUTCOME_NOT_SCOREABLE);
    assert_int_equal(find_scale(&res, HIP_OUTCOME_SCALE_HOOS12_FUNCTION)->state, HIP_OUTCOME_SCORED);
    sum = find_scale(&res, HIP_OUTCOME_SCALE_HOOS12_SUMMARY);
    assert_int_equal(sum->state, HIP_OUTCOME_NOT_SCOREABLE);   /* T7 §2.2 */
    assert_true(sum->value == 0.0);
    hip_outcome_response_destroy(r);
}

/* §2.3: every row of the raw -> interval table through the API (raw r = r ones then twos ...),
 * strictly decreasing, and not the linear formula (raw 4 -> 76.776, not 83.33). */
static void test_hoos_jr_table(void **state)
{
    (void)state;
    static const double table[25] = {
        100.000, 92.340, 85.257, 80.550, 76.776, 73.472, 70.426, 67.516, 64.664, 61.815, 58.930,
        55.985, 52.965, 49.858, 46.652, 43.335, 39.902, 36.363, 32.735, 29.009, 25.103, 20.805,
        15.633, 8.104, 0.000};
    static const char *const ids[6] = {"P5", "P10", "A3", "A5", "A12", "A14"};
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS_JR, R13);
    double prev = 101;
    for (int raw = 0; raw <= 24; raw++) {
        for (int i = 0; i < 6; i++) {
            int v = raw / 6 + (i < raw % 6 ? 1 : 0);
            assert_int_equal(hip_outcome_set_answer(r, ids[i], v), HIP_OK);
        }
        hip_outcome_result res;
        assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
        assert_int_equal(res.scales[0].raw_sum, raw);
        char tag[32];
        snprintf(tag, sizeof tag, "HOOS JR raw %d §2.3", raw);
        check_value(tag, res.scales[0].value, table[raw], TABLE);
        assert_true(res.scales[0].value < prev);
        prev = res.scales[0].value;
        if (raw == 4) assert_true(fabs(res.scales[0].value - (100.0 - 4.0 / 24.0 * 100.0)) > 6);
    }
    hip_outcome_response_destroy(r);
}

/* §2.1: one 40-item HOOS also yields HOOS-12, HOOS JR and HOOS-PS; the §2.2-§2.4 vectors give the
 * same results from a full HOOS response. */
static void test_short_forms_from_hoos(void **state)
{
    (void)state;
    const vec *tables[3] = {hoos12_vectors, jr_vectors, ps_vectors};
    size_t counts[3] = {sizeof hoos12_vectors / sizeof hoos12_vectors[0],
                        sizeof jr_vectors / sizeof jr_vectors[0], sizeof ps_vectors / sizeof ps_vectors[0]};
    for (int t = 0; t < 3; t++)
        for (size_t i = 0; i < counts[t]; i++) {
            vec v = tables[t][i];
            hip_instrument as = v.inst;
            v.inst = HIP_INSTRUMENT_HOOS;
            run_vector(&v, as);
        }
    /* Pairs that do not exist are refused. */
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS_JR, R13);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score_as(r, HIP_INSTRUMENT_HOOS, &res), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_outcome_response_last_error(r), "a hoos_jr response cannot be scored as hoos"));
    hip_outcome_response_destroy(r);
    r = new_response(HIP_INSTRUMENT_HOOS, R13);
    assert_int_equal(hip_outcome_score_as(r, HIP_INSTRUMENT_PSFS, &res), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_score_as(r, (hip_instrument)99, &res), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_score_as(r, HIP_INSTRUMENT_HOOS12, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_score_as(NULL, HIP_INSTRUMENT_HOOS12, &res), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_score(NULL, &res), HIP_ERR_INVALID);
    hip_outcome_response_destroy(r);
}

/* HOOS-PS in the original direction (0 = no difficulty): 100 - the HOOS-aligned value, labelled. */
static void test_hoos_ps_direction(void **state)
{
    (void)state;
    hip_outcome_config cfg;
    hip_outcome_config_init(&cfg);
    cfg.instrument = HIP_INSTRUMENT_HOOS_PS;
    cfg.hoos_ps_direction = HIP_HOOS_PS_ORIGINAL;
    hip_outcome_response *r = NULL;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_OK);
    static const int raw10[5] = {2, 1, 0, 4, 3};
    fill(r, PS, raw10);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    check_value("PS raw 10 original", res.scales[0].value, 100.0 - 62.3, TABLE);
    assert_int_equal(res.scales[0].higher_is_better, 0);
    assert_int_equal(hip_outcome_set_missing(r, "SP3"), HIP_OK);
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    assert_int_equal(res.scales[0].state, HIP_OUTCOME_NOT_SCOREABLE);   /* no missing items [S*] */
    hip_outcome_response_destroy(r);
}

static hip_outcome_result score_of(hip_instrument inst, const char *ids, const int *answers)
{
    hip_outcome_response *r = new_response(inst, R13);
    fill(r, ids, answers);
    hip_outcome_result res;
    if (hip_outcome_score(r, &res) != HIP_OK) fail_msg("%s", hip_outcome_response_last_error(r));
    hip_outcome_response_destroy(r);
    return res;
}

/* §2.5 change rows: +2.333 meets the mean MDC (2), +1.0 does not, and a single activity 4 -> 7 meets
 * the single-activity MDC (3). Only activities rated at both visits count. */
static void test_psfs_change(void **state)
{
    (void)state;
    static const int b1[3] = {3, 5, 4}, a1[3] = {6, 7, 6}, b2[3] = {2, 2, 3}, a2[3] = {3, 3, 4};
    static const int b3[1] = {4}, a3[1] = {7};
    hip_outcome_change c;
    hip_outcome_result before = score_of(HIP_INSTRUMENT_PSFS, "ACT1 ACT2 ACT3", b1);
    hip_outcome_result after = score_of(HIP_INSTRUMENT_PSFS, "ACT1 ACT2 ACT3", a1);
    assert_int_equal(before.activity_count, 3);
    assert_string_equal(before.activities[1].id, "ACT2");
    assert_int_equal(before.activities[1].value, 5);
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    assert_int_equal(c.instrument, HIP_INSTRUMENT_PSFS);
    assert_int_equal(c.scales[0].state, HIP_OUTCOME_SCORED);
    check_value("PSFS 3,5,4 -> 6,7,6 change §2.5", c.scales[0].delta, 7.0 / 3.0, FORMULA);
    assert_int_equal(c.scales[0].criterion, HIP_CHANGE_MDC);
    assert_true(c.scales[0].threshold == 2.0);
    assert_int_equal(c.scales[0].improved, 1);
    assert_int_equal(c.activity_count, 3);
    assert_int_equal(c.activities[0].delta, 3);
    assert_int_equal(c.activities[0].improved, 1);   /* 3 -> 6 meets the single-activity MDC */
    assert_int_equal(c.activities[1].improved, 0);   /* 5 -> 7 does not */

    before = score_of(HIP_INSTRUMENT_PSFS, "ACT1 ACT2 ACT3", b2);
    after = score_of(HIP_INSTRUMENT_PSFS, "ACT1 ACT2 ACT3", a2);
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    check_value("PSFS 2,2,3 -> 3,3,4 change §2.5", c.scales[0].delta, 1.0, FORMULA);
    assert_int_equal(c.scales[0].improved, 0);
    assert_int_equal(c.scales[0].worsened, 0);

    before = score_of(HIP_INSTRUMENT_PSFS, "ACT1", b3);
    after = score_of(HIP_INSTRUMENT_PSFS, "ACT1", a3);
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    check_value("PSFS 4 -> 7 change §2.5", c.scales[0].delta, 3.0, FORMULA);
    assert_int_equal(c.activity_count, 1);
    assert_int_equal(c.activities[0].delta, 3);
    assert_int_equal(c.activities[0].improved, 1);   /* single-activity MDC (3) met */

    /* Activities rated at one visit only are left out: ACT3 dropped, ACT4 added at follow-up. */
    static const int b4[3] = {2, 4, 9}, a4[3] = {5, 4, 0};
    before = score_of(HIP_INSTRUMENT_PSFS, "ACT1 ACT2 ACT3", b4);
    after = score_of(HIP_INSTRUMENT_PSFS, "ACT1 ACT2 ACT4", a4);
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    assert_int_equal(c.activity_count, 2);
    check_value("PSFS common before", c.scales[0].before, 3.0, FORMULA);
    check_value("PSFS common after", c.scales[0].after, 4.5, FORMULA);
    check_value("PSFS common delta", c.scales[0].delta, 1.5, FORMULA);
    /* No activity in common: not evaluable. */
    static const int one[1] = {5};
    before = score_of(HIP_INSTRUMENT_PSFS, "ACT1", one);
    after = score_of(HIP_INSTRUMENT_PSFS, "ACT2", one);
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    assert_int_equal(c.activity_count, 0);
    assert_int_equal(c.scales[0].state, HIP_OUTCOME_NOT_EVALUABLE);
    /* Worsening by the activity threshold. */
    static const int w[1] = {1};
    before = score_of(HIP_INSTRUMENT_PSFS, "ACT1", a3);
    after = score_of(HIP_INSTRUMENT_PSFS, "ACT1", w);
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    assert_int_equal(c.activities[0].worsened, 1);
    assert_int_equal(c.scales[0].worsened, 1);
}

/* MCID flags: HOOS-12 defaults to 24 points (Soh 2022), HOOS subscales have no default threshold,
 * thresholds are configurable, a side that is not scored makes the change not evaluable. */
static void test_change_mcid(void **state)
{
    (void)state;
    static const int pain_b[4] = {2, 2, 2, 2}, pain_a[4] = {0, 1, 0, 1};   /* 50 -> 87.5 */
    static const int f_b[4] = {2, 2, 2, 2}, f_a[4] = {1, 1, 2, 1};         /* 50 -> 68.75 */
    static const int q_b[4] = {2, 2, 2, 2}, q_a[4] = {4, M, M, 4};         /* 50 -> 0 */
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS12, R13);
    fill(r, H12_PAIN, pain_b); fill(r, H12_FUNC, f_b); fill(r, HOOS_Q, q_b);
    hip_outcome_result before, after;
    assert_int_equal(hip_outcome_score(r, &before), HIP_OK);
    fill(r, H12_PAIN, pain_a); fill(r, H12_FUNC, f_a); fill(r, HOOS_Q, q_a);
    assert_int_equal(hip_outcome_score(r, &after), HIP_OK);
    hip_outcome_change c;
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    assert_int_equal(c.scale_count, 4);
    assert_int_equal(c.scales[0].scale, HIP_OUTCOME_SCALE_HOOS12_PAIN);
    check_value("pain delta", c.scales[0].delta, 37.5, FORMULA);
    assert_true(c.scales[0].threshold == 24.0);
    assert_int_equal(c.scales[0].criterion, HIP_CHANGE_MCID);
    assert_int_equal(c.scales[0].improved, 1);
    check_value("function delta", c.scales[1].delta, 18.75, FORMULA);
    assert_int_equal(c.scales[1].improved, 0);
    check_value("qol delta", c.scales[2].delta, -50.0, FORMULA);
    assert_int_equal(c.scales[2].worsened, 1);
    check_value("summary delta", c.scales[3].delta, (37.5 + 18.75 - 50.0) / 3.0, FORMULA);
    /* A custom threshold; exactly the threshold counts (>=). */
    hip_mcid_config m;
    hip_mcid_config_init(&m);
    m.threshold[HIP_OUTCOME_SCALE_HOOS12_FUNCTION] = 18.75;
    assert_int_equal(hip_outcome_compare(&before, &after, &m, &c), HIP_OK);
    assert_int_equal(c.scales[1].improved, 1);
    /* Not evaluable when one side is not scored. */
    fill(r, H12_PAIN, (const int[4]){1, M, M, M});
    assert_int_equal(hip_outcome_score(r, &after), HIP_OK);
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    assert_int_equal(c.scales[0].state, HIP_OUTCOME_NOT_EVALUABLE);
    assert_int_equal(c.scales[0].improved, 0);
    assert_int_equal(c.scales[3].state, HIP_OUTCOME_NOT_EVALUABLE);
    assert_int_equal(c.scales[1].state, HIP_OUTCOME_SCORED);
    hip_outcome_response_destroy(r);

    /* HOOS subscales: no default threshold, so no flag; a configured one applies. */
    hip_outcome_result hb = score_of(HIP_INSTRUMENT_HOOS, HOOS_Q, (const int[4]){3, 3, 3, 3});
    hip_outcome_result ha = score_of(HIP_INSTRUMENT_HOOS, HOOS_Q, (const int[4]){1, 1, 1, 1});
    assert_int_equal(hip_outcome_compare(&hb, &ha, NULL, &c), HIP_OK);
    assert_int_equal(c.scales[4].criterion, HIP_CHANGE_NONE);
    check_value("hoos qol delta", c.scales[4].delta, 50.0, FORMULA);
    assert_int_equal(c.scales[4].improved, 0);
    assert_int_equal(c.scales[0].state, HIP_OUTCOME_NOT_EVALUABLE);
    m.threshold[HIP_OUTCOME_SCALE_HOOS_QOL] = 10;
    m.criterion[HIP_OUTCOME_SCALE_HOOS_QOL] = HIP_CHANGE_MCID;
    assert_int_equal(hip_outcome_compare(&hb, &ha, &m, &c), HIP_OK);
    assert_int_equal(c.scales[4].improved, 1);
    assert_int_equal(c.scales[4].criterion, HIP_CHANGE_MCID);
    /* HOOS JR has no default (18 is [S*, U]); configured, it flags. */
    hip_outcome_result jb = score_of(HIP_INSTRUMENT_HOOS_JR, JR, (const int[6]){2, 2, 2, 2, 2, 2});
    hip_outcome_result ja = score_of(HIP_INSTRUMENT_HOOS_JR, JR, (const int[6]){1, 0, 1, 1, 0, 1});
    assert_int_equal(hip_outcome_compare(&jb, &ja, NULL, &c), HIP_OK);
    check_value("jr delta", c.scales[0].delta, 76.776 - 52.965, TABLE);
    assert_int_equal(c.scales[0].improved, 0);
    m.threshold[HIP_OUTCOME_SCALE_HOOS_JR] = 18;
    m.criterion[HIP_OUTCOME_SCALE_HOOS_JR] = HIP_CHANGE_MCID;
    assert_int_equal(hip_outcome_compare(&jb, &ja, &m, &c), HIP_OK);
    assert_int_equal(c.scales[0].improved, 1);
}

/* HOOS-PS original direction: lower is better, so a falling score is an improvement. */
static void test_change_direction(void **state)
{
    (void)state;
    hip_outcome_config cfg;
    hip_outcome_config_init(&cfg);
    cfg.instrument = HIP_INSTRUMENT_HOOS_PS;
    cfg.hoos_ps_direction = HIP_HOOS_PS_ORIGINAL;
    hip_outcome_response *r = NULL;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_OK);
    hip_outcome_result before, after, aligned;
    fill(r, PS, (const int[5]){2, 2, 2, 2, 2});   /* raw 10: 37.7 */
    assert_int_equal(hip_outcome_score(r, &before), HIP_OK);
    fill(r, PS, (const int[5]){1, 1, 1, 1, 1});   /* raw 5: 20.0 */
    assert_int_equal(hip_outcome_score(r, &after), HIP_OK);
    hip_outcome_change c;
    assert_int_equal(hip_outcome_compare(&before, &after, NULL, &c), HIP_OK);
    check_value("ps original delta", c.scales[0].delta, 17.7, TABLE);
    hip_outcome_response_destroy(r);
    aligned = score_of(HIP_INSTRUMENT_HOOS_PS, PS, (const int[5]){1, 1, 1, 1, 1});
    assert_int_equal(hip_outcome_compare(&before, &aligned, NULL, &c), HIP_ERR_INVALID);
}

static void test_compare_errors(void **state)
{
    (void)state;
    hip_outcome_result a = score_of(HIP_INSTRUMENT_HOOS, HOOS_Q, (const int[4]){3, 3, 3, 3});
    hip_outcome_result b = score_of(HIP_INSTRUMENT_HOOS_JR, JR, (const int[6]){1, 0, 1, 1, 0, 1});
    hip_outcome_change c;
    assert_int_equal(hip_outcome_compare(&a, &b, NULL, &c), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_compare(NULL, &a, NULL, &c), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_compare(&a, NULL, NULL, &c), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_compare(&a, &a, NULL, NULL), HIP_ERR_INVALID);
    hip_mcid_config m;
    hip_mcid_config_init(&m);
    m.struct_size = 4;
    assert_int_equal(hip_outcome_compare(&a, &a, &m, &c), HIP_ERR_INVALID);
    hip_mcid_config_init(&m);
    m.threshold[3] = -1;
    assert_int_equal(hip_outcome_compare(&a, &a, &m, &c), HIP_ERR_INVALID);
    hip_mcid_config_init(&m);
    m.threshold[3] = NAN;
    assert_int_equal(hip_outcome_compare(&a, &a, &m, &c), HIP_ERR_INVALID);
    hip_mcid_config_init(&m);
    m.criterion[0] = (hip_change_criterion)7;
    assert_int_equal(hip_outcome_compare(&a, &a, &m, &c), HIP_ERR_INVALID);
    hip_mcid_config_init(&m);
    m.psfs_activity_threshold = INFINITY;
    assert_int_equal(hip_outcome_compare(&a, &a, &m, &c), HIP_ERR_INVALID);
    hip_mcid_config_init(&m);
    m.psfs_activity_criterion = (hip_change_criterion)-1;
    assert_int_equal(hip_outcome_compare(&a, &a, &m, &c), HIP_ERR_INVALID);
    hip_mcid_config_init(NULL);
    /* Hand-made results that no scoring call produces are refused. */
    hip_outcome_result x = a;
    x.scale_count = 99;
    assert_int_equal(hip_outcome_compare(&x, &x, NULL, &c), HIP_ERR_INVALID);
    x = a;
    x.scales[4].value = NAN;
    assert_int_equal(hip_outcome_compare(&x, &x, NULL, &c), HIP_ERR_INVALID);
    x = a;
    x.scales[1].scale = (hip_outcome_scale)40;
    assert_int_equal(hip_outcome_compare(&x, &x, NULL, &c), HIP_ERR_INVALID);
    x = a;
    x.instrument = (hip_instrument)9;
    assert_int_equal(hip_outcome_compare(&x, &x, NULL, &c), HIP_ERR_INVALID);
    x = a;
    x.activity_count = 6;
    assert_int_equal(hip_outcome_compare(&x, &x, NULL, &c), HIP_ERR_INVALID);
    hip_outcome_result p = score_of(HIP_INSTRUMENT_PSFS, "ACT1", (const int[1]){4});
    x = p;
    x.activities[0].value = 11;
    assert_int_equal(hip_outcome_compare(&x, &p, NULL, &c), HIP_ERR_INVALID);
    x = a;
    x.scales[0].scale = HIP_OUTCOME_SCALE_HOOS_PAIN;
    assert_int_equal(hip_outcome_compare(&a, &x, NULL, &c), HIP_ERR_INVALID);
}

/* §2.6 iHOT-12 and §2.7 Oxford: scored only in a licensed build; otherwise HIP_ERR_UNSUPPORTED
 * with a message about the licence (answers can still be recorded and exported). */
static void test_licensed_instruments(void **state)
{
    (void)state;
    static const char *const ihot_ids = "I1 I2 I3 I4 I5 I6 I7 I8 I9 I10 I11 I12";
    static const char *const ohs_ids = "O1 O2 O3 O4 O5 O6 O7 O8 O9 O10 O11 O12";
    static const vec licensed[] = {
        {"iHOT-12 12 x 50 §2.6", HIP_INSTRUMENT_IHOT12, R13, NULL, {50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50}, HIP_OUTCOME_SCALE_IHOT12, 1, 50.0, FORMULA},
        {"iHOT-12 12 x 100 §2.6", HIP_INSTRUMENT_IHOT12, R13, NULL, {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, HIP_OUTCOME_SCALE_IHOT12, 1, 100.0, FORMULA},
        {"iHOT-12 mixed §2.6", HIP_INSTRUMENT_IHOT12, R13, NULL, {20, 35, 40, 55, 60, 45, 30, 25, 70, 80, 65, 50}, HIP_OUTCOME_SCALE_IHOT12, 1, 47.916666666666667, FORMULA},
        {"iHOT-12 one missing [DD]", HIP_INSTRUMENT_IHOT12, R13, NULL, {50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, M}, HIP_OUTCOME_SCALE_IHOT12, 0, 0, FORMULA},
        {"Oxford 12 x 4 §2.7", HIP_INSTRUMENT_OXFORD, R13, NULL, {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, HIP_OUTCOME_SCALE_OXFORD, 1, 48.0, FORMULA},
        {"Oxford 12 x 0 §2.7", HIP_INSTRUMENT_OXFORD, R13, NULL, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, HIP_OUTCOME_SCALE_OXFORD, 1, 0.0, FORMULA},
        {"Oxford mixed §2.7", HIP_INSTRUMENT_OXFORD, R13, NULL, {4, 3, 3, 2, 4, 3, 2, 3, 4, 4, 3, 2}, HIP_OUTCOME_SCALE_OXFORD, 1, 37.0, FORMULA},
        {"Oxford one missing [DD]", HIP_INSTRUMENT_OXFORD, R13, NULL, {M, 3, 3, 2, 4, 3, 2, 3, 4, 4, 3, 2}, HIP_OUTCOME_SCALE_OXFORD, 0, 0, FORMULA},
    };
    int available = hip_outcome_instrument_available(HIP_INSTRUMENT_IHOT12);
    assert_int_equal(available, hip_outcome_instrument_available(HIP_INSTRUMENT_OXFORD));
    for (size_t i = 0; i < sizeof licensed / sizeof licensed[0]; i++) {
        vec v = licensed[i];
        v.ids = v.inst == HIP_INSTRUMENT_IHOT12 ? ihot_ids : ohs_ids;
        if (available) {
            run_vector(&v, v.inst);
            continue;
        }
        hip_outcome_response *r = new_response(v.inst, R13);
        fill(r, v.ids, v.answers);   /* recording answers works without the licence option */
        hip_outcome_result res;
        memset(&res, 0x5a, sizeof res);
        hip_outcome_result untouched = res;
        assert_int_equal(hip_outcome_score(r, &res), HIP_ERR_UNSUPPORTED);
        assert_non_null(strstr(hip_outcome_response_last_error(r), "licence"));
        assert_non_null(strstr(hip_outcome_response_last_error(r), "HIPTRACK_WITH_LICENSED_OUTCOMES"));
        assert_memory_equal(&res, &untouched, sizeof res);
        hip_outcome_response_destroy(r);
    }
    /* No item text of the licensed instruments ships: topics are empty. */
    hip_outcome_item it;
    assert_int_equal(hip_outcome_item_at(HIP_INSTRUMENT_IHOT12, 11, &it), HIP_OK);
    assert_string_equal(it.id, "I12");
    assert_int_equal(it.max, 100);
    assert_string_equal(it.topic, "");
    assert_int_equal(hip_outcome_item_at(HIP_INSTRUMENT_OXFORD, 0, &it), HIP_OK);
    assert_string_equal(it.id, "O1");
    assert_int_equal(it.max, 4);
    assert_string_equal(it.topic, "");
    for (int inst = 0; inst < 5; inst++) assert_int_equal(hip_outcome_instrument_available((hip_instrument)inst), 1);
    assert_int_equal(hip_outcome_instrument_available((hip_instrument)7), 0);
}

/* Item metadata: ids, order, ranges, scales and topics per instrument (docs/outcomes.md lists them). */
static void test_item_metadata(void **state)
{
    (void)state;
    static const struct { hip_instrument inst; size_t n; const char *ids; } expect[] = {
        {HIP_INSTRUMENT_HOOS, 40, HOOS_S " " HOOS_P " " HOOS_A " " HOOS_SP " " HOOS_Q},
        {HIP_INSTRUMENT_HOOS12, 12, H12_PAIN " " H12_FUNC " " HOOS_Q},
        {HIP_INSTRUMENT_HOOS_JR, 6, JR},
        {HIP_INSTRUMENT_HOOS_PS, 5, PS},
        {HIP_INSTRUMENT_PSFS, 5, "ACT1 ACT2 ACT3 ACT4 ACT5"},
        {HIP_INSTRUMENT_IHOT12, 12, "I1 I2 I3 I4 I5 I6 I7 I8 I9 I10 I11 I12"},
        {HIP_INSTRUMENT_OXFORD, 12, "O1 O2 O3 O4 O5 O6 O7 O8 O9 O10 O11 O12"},
    };
    static const char *const names[7] = {"hoos", "hoos12", "hoos_jr", "hoos_ps", "psfs", "ihot12", "oxford"};
    for (size_t e = 0; e < 7; e++) {
        assert_int_equal(expect[e].inst, (hip_instrument)e);
        assert_string_equal(hip_instrument_name(expect[e].inst), names[e]);
        assert_int_equal(hip_outcome_item_count(expect[e].inst), expect[e].n);
        char buf[200];
        snprintf(buf, sizeof buf, "%s", expect[e].ids);
        size_t i = 0;
        for (char *id = strtok(buf, " "); id; id = strtok(NULL, " "), i++) {
            hip_outcome_item it, found;
            assert_int_equal(hip_outcome_item_at(expect[e].inst, i, &it), HIP_OK);
            assert_string_equal(it.id, id);
            assert_int_equal(hip_outcome_item_find(expect[e].inst, id, &found), HIP_OK);
            assert_memory_equal(&it, &found, sizeof it);
            assert_int_equal(it.min, 0);
            if (e < 5) assert_true(strlen(it.topic) > 0);
        }
        assert_int_equal(i, expect[e].n);
        hip_outcome_item it;
        assert_int_equal(hip_outcome_item_at(expect[e].inst, expect[e].n, &it), HIP_ERR_RANGE);
    }
    hip_outcome_item it;
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_HOOS_JR, "A12", &it), HIP_OK);
    assert_int_equal(it.scale, HIP_OUTCOME_SCALE_HOOS_JR);
    assert_string_equal(it.topic, "lying in bed, turning or keeping hip position");   /* from HOOS A12 */
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_HOOS12, "SP4", &it), HIP_OK);
    assert_int_equal(it.scale, HIP_OUTCOME_SCALE_HOOS12_FUNCTION);   /* function, not pain (§2.2) */
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_HOOS, "SP4", &it), HIP_OK);
    assert_int_equal(it.scale, HIP_OUTCOME_SCALE_HOOS_SPORT);
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_PSFS, "ACT3", &it), HIP_OK);
    assert_int_equal(it.max, 10);
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_HOOS, "p1", &it), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_HOOS_JR, "P1", &it), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_HOOS, NULL, &it), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_item_find(HIP_INSTRUMENT_HOOS, "P1", NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_item_find((hip_instrument)7, "P1", &it), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_item_at((hip_instrument)-1, 0, &it), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_item_at(HIP_INSTRUMENT_HOOS, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_item_count((hip_instrument)7), 0);
    assert_string_equal(hip_instrument_name((hip_instrument)7), "unknown");
    static const char *const scales[HIPTRACK_OUTCOME_SCALE_COUNT] = {
        "hoos_symptoms", "hoos_pain", "hoos_adl", "hoos_sport", "hoos_qol", "hoos12_pain",
        "hoos12_function", "hoos12_qol", "hoos12_summary", "hoos_jr", "hoos_ps", "psfs", "ihot12", "oxford"};
    for (int s = 0; s < HIPTRACK_OUTCOME_SCALE_COUNT; s++)
        assert_string_equal(hip_outcome_scale_name((hip_outcome_scale)s), scales[s]);
    assert_string_equal(hip_outcome_scale_name((hip_outcome_scale)HIPTRACK_OUTCOME_SCALE_COUNT), "unknown");
}

static void test_response_errors(void **state)
{
    (void)state;
    hip_outcome_response *r = (hip_outcome_response *)&r;
    assert_int_equal(hip_outcome_response_create(NULL, NULL), HIP_ERR_INVALID);
    hip_outcome_config cfg;
    hip_outcome_config_init(&cfg);
    cfg.struct_size = 4;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_ERR_INVALID);
    assert_null(r);
    hip_outcome_config_init(&cfg);
    cfg.instrument = (hip_instrument)7;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_ERR_INVALID);
    hip_outcome_config_init(&cfg);
    cfg.hoos_missing_rule = (hip_hoos_missing_rule)2;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_ERR_INVALID);
    hip_outcome_config_init(&cfg);
    cfg.hoos_ps_direction = (hip_hoos_ps_direction)2;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_ERR_INVALID);
    hip_outcome_config_init(&cfg);
    hip_test_alloc_state as;
    cfg.allocator = hip_test_counting_allocator(&as);
    cfg.allocator.free = NULL;   /* half an allocator */
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_ERR_INVALID);
    hip_outcome_config_init(NULL);
    hip_outcome_response_destroy(NULL);
    assert_string_equal(hip_outcome_response_last_error(NULL), "");
    assert_int_equal(hip_outcome_response_instrument(NULL), HIP_INSTRUMENT_HOOS);

    assert_int_equal(hip_outcome_response_create(NULL, &r), HIP_OK);   /* defaults: HOOS */
    assert_int_equal(hip_outcome_response_instrument(r), HIP_INSTRUMENT_HOOS);
    assert_string_equal(hip_outcome_response_last_error(r), "");
    assert_int_equal(hip_outcome_set_answer(r, "X1", 1), HIP_ERR_NOT_FOUND);
    assert_string_equal(hip_outcome_response_last_error(r), "hoos has no item \"X1\"");
    assert_int_equal(hip_outcome_set_missing(r, "ACT1"), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_set_answer(r, NULL, 1), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_set_missing(r, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_set_answer(NULL, "P1", 1), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_set_missing(NULL, "P1"), HIP_ERR_INVALID);
    int32_t v;
    assert_int_equal(hip_outcome_get_answer(r, "X1", &v), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_get_answer(r, NULL, &v), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_get_answer(r, "P1", NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_get_answer(NULL, "P1", &v), HIP_ERR_INVALID);
    /* A successful call clears the message. */
    assert_int_equal(hip_outcome_set_answer(r, "P1", 1), HIP_OK);
    assert_string_equal(hip_outcome_response_last_error(r), "");
    /* Activity names belong to PSFS. */
    char name[HIPTRACK_NAME_CAP];
    assert_int_equal(hip_outcome_set_activity_name(r, "P1", "x"), HIP_ERR_STATE);
    assert_non_null(strstr(hip_outcome_response_last_error(r), "psfs"));
    assert_int_equal(hip_outcome_get_activity_name(r, "P1", name, sizeof name), HIP_ERR_STATE);
    assert_int_equal(hip_outcome_set_activity_name(NULL, "ACT1", "x"), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_get_activity_name(NULL, "ACT1", name, sizeof name), HIP_ERR_INVALID);
    /* Dates. */
    int32_t day;
    assert_int_equal(hip_outcome_get_date(r, &day), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_set_date(r, 20395), HIP_OK);
    assert_int_equal(hip_outcome_get_date(r, &day), HIP_OK);
    assert_int_equal(day, 20395);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    assert_int_equal(res.has_day, 1);
    assert_int_equal(res.day, 20395);
    assert_int_equal(hip_outcome_set_date(r, 5000000), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_outcome_response_last_error(r), "day 5000000"));
    assert_int_equal(hip_outcome_get_date(r, &day), HIP_OK);
    assert_int_equal(day, 20395);
    assert_int_equal(hip_outcome_clear_date(r), HIP_OK);
    assert_int_equal(hip_outcome_get_date(r, &day), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_set_date(NULL, 1), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_clear_date(NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_get_date(NULL, &day), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_get_date(r, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_clear(NULL), HIP_ERR_INVALID);
    hip_outcome_response_destroy(r);

    /* PSFS names: fixed buffer, too long refused, BUFSIZE on a small buffer. */
    r = new_response(HIP_INSTRUMENT_PSFS, R13);
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT2", "walking the dog"), HIP_OK);
    assert_int_equal(hip_outcome_get_activity_name(r, "ACT2", name, sizeof name), HIP_OK);
    assert_string_equal(name, "walking the dog");
    assert_int_equal(hip_outcome_get_activity_name(r, "ACT1", name, sizeof name), HIP_OK);
    assert_string_equal(name, "");
    assert_int_equal(hip_outcome_get_activity_name(r, "ACT2", name, 15), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_outcome_get_activity_name(r, "ACT2", name, 16), HIP_OK);
    assert_int_equal(hip_outcome_get_activity_name(r, "ACT9", name, 16), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_get_activity_name(r, NULL, name, 16), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_get_activity_name(r, "ACT2", NULL, 16), HIP_ERR_INVALID);
    char longname[HIPTRACK_NAME_CAP + 1];
    memset(longname, 'a', HIPTRACK_NAME_CAP);
    longname[HIPTRACK_NAME_CAP] = '\0';
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT2", longname), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_outcome_response_last_error(r), "ACT2: name longer than 95 bytes"));
    longname[HIPTRACK_NAME_CAP - 1] = '\0';
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT2", longname), HIP_OK);
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT2", NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT6", "x"), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT2", ""), HIP_OK);
    assert_int_equal(hip_outcome_get_activity_name(r, "ACT2", name, 1), HIP_OK);
    hip_outcome_response_destroy(r);
}

/* ---- JSON --------------------------------------------------------------------------------- */

static char *export_all(const hip_outcome_response *r, size_t *len_out)
{
    size_t len = 0;
    assert_int_equal(hip_outcome_export_json(r, NULL, 0, &len), HIP_OK);
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    assert_int_equal(hip_outcome_export_json(r, buf, len + 1, len_out), HIP_OK);
    assert_int_equal(*len_out, len);
    return buf;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_PSFS, R13);
    fill(r, "ACT1 ACT3", (const int[2]){0, 10});
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT1", "kneeling \"in the garden\""), HIP_OK);
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT2", "stairs"), HIP_OK);
    assert_int_equal(hip_outcome_set_date(r, 20394), HIP_OK);   /* 2025-11-02 */
    size_t len;
    char *json = export_all(r, &len);
    assert_non_null(strstr(json, "\"format\": \"hiptrack.outcome\""));
    assert_non_null(strstr(json, "\"instrument\": \"psfs\""));
    assert_non_null(strstr(json, "\"date\": \"2025-11-02\""));
    assert_non_null(strstr(json, "\"ACT1\": 0"));   /* a 0 answer is exported ... */
    assert_null(strstr(json, "\"ACT2\": "  "0"));    /* ... a missing one is not */
    /* Two-call pattern: too small gives BUFSIZE and the length. */
    char small[8];
    size_t n2 = 0;
    assert_int_equal(hip_outcome_export_json(r, small, sizeof small, &n2), HIP_ERR_BUFSIZE);
    assert_int_equal(n2, len);
    assert_int_equal(hip_outcome_export_json(r, NULL, 5, &n2), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_export_json(r, small, sizeof small, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_export_json(NULL, NULL, 0, &n2), HIP_ERR_INVALID);

    /* Import into a response made for another instrument: the document's instrument wins. */
    hip_outcome_response *q = new_response(HIP_INSTRUMENT_HOOS, R13);
    if (hip_outcome_import_json(q, json, len) != HIP_OK) fail_msg("%s", hip_outcome_response_last_error(q));
    assert_int_equal(hip_outcome_response_instrument(q), HIP_INSTRUMENT_PSFS);
    int32_t v, day;
    assert_int_equal(hip_outcome_get_answer(q, "ACT1", &v), HIP_OK);
    assert_int_equal(v, 0);
    assert_int_equal(hip_outcome_get_answer(q, "ACT2", &v), HIP_OK);
    assert_int_equal(v, HIPTRACK_OUTCOME_MISSING);
    assert_int_equal(hip_outcome_get_date(q, &day), HIP_OK);
    assert_int_equal(day, 20394);
    char name[HIPTRACK_NAME_CAP];
    assert_int_equal(hip_outcome_get_activity_name(q, "ACT1", name, sizeof name), HIP_OK);
    assert_string_equal(name, "kneeling \"in the garden\"");
    size_t len2;
    char *json2 = export_all(q, &len2);
    assert_string_equal(json, json2);
    hip_outcome_result a, b;
    assert_int_equal(hip_outcome_score(r, &a), HIP_OK);
    assert_int_equal(hip_outcome_score(q, &b), HIP_OK);
    assert_memory_equal(&a, &b, sizeof a);
    free(json); free(json2);

    /* A HOOS JR document as in the brief, with an explicit null for a missing answer, no date. */
    static const char jr[] =
        "{\"format\": \"hiptrack.outcome\", \"version\": 1, \"instrument\": \"hoos_jr\",\n"
        " \"answers\": {\"P5\": 1, \"P10\": 2, \"A3\": 1, \"A5\": 2, \"A12\": 2, \"A14\": null}}";
    assert_int_equal(hip_outcome_import_json(q, jr, strlen(jr)), HIP_OK);
    assert_int_equal(hip_outcome_get_date(q, &day), HIP_ERR_NOT_FOUND);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score(q, &res), HIP_OK);
    assert_int_equal(res.scales[0].state, HIP_OUTCOME_NOT_SCOREABLE);
    assert_int_equal(hip_outcome_set_answer(q, "A14", 2), HIP_OK);
    assert_int_equal(hip_outcome_score(q, &res), HIP_OK);
    check_value("JR raw 10 via JSON", res.scales[0].value, 58.930, TABLE);
    json = export_all(q, &len);
    assert_null(strstr(json, "\"date\""));
    assert_null(strstr(json, "\"activities\""));
    free(json);
    hip_outcome_response_destroy(q);
    hip_outcome_response_destroy(r);
}

typedef struct bad_doc { const char *text; hip_status st; const char *msg; } bad_doc;
#define HDR "{\"format\": \"hiptrack.outcome\", \"version\": 1, "

static void test_import_errors(void **state)
{
    (void)state;
    static const bad_doc docs[] = {
        {HDR "\"instrument\": \"hoos\", \"answers\": {,}}", HIP_ERR_FORMAT, "line 1, column 80: expected a string key"},
        {"[]", HIP_ERR_FORMAT, "document: expected an object"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1}", HIP_ERR_FORMAT, "format: expected \"hiptrack.outcome\""},
        {"{\"format\": \"hiptrack.outcome\", \"version\": 2}", HIP_ERR_VERSION, "newer"},
        {HDR "\"answers\": {}}", HIP_ERR_FORMAT, "instrument: missing"},
        {HDR "\"instrument\": \"womac\", \"answers\": {}}", HIP_ERR_FORMAT, "instrument: expected one of hoos, hoos12, hoos_jr"},
        {HDR "\"instrument\": \"hoos\"}", HIP_ERR_FORMAT, "answers: missing"},
        {HDR "\"instrument\": \"hoos\", \"answers\": []}", HIP_ERR_FORMAT, "answers: expected an object, found an array"},
        {HDR "\"instrument\": \"hoos_jr\", \"answers\": {\"P1\": 2}}", HIP_ERR_FORMAT, "answers: unknown field \"P1\""},
        {HDR "\"instrument\": \"hoos_jr\", \"answers\": {\"P5\": 5}}", HIP_ERR_FORMAT, "answers.P5: expected an integer 0..4"},
        {HDR "\"instrument\": \"hoos\", \"answers\": {\"S2\": -2}}", HIP_ERR_FORMAT, "answers.S2: expected an integer 0..4"},
        {HDR "\"instrument\": \"hoos\", \"answers\": {\"S2\": 1.5}}", HIP_ERR_FORMAT, "answers.S2: expected an integer 0..4"},
        {HDR "\"instrument\": \"hoos\", \"answers\": {\"S2\": \"1\"}}", HIP_ERR_FORMAT, "answers.S2: expected an integer 0..4"},
        {HDR "\"instrument\": \"psfs\", \"answers\": {\"ACT1\": 11}}", HIP_ERR_FORMAT, "answers.ACT1: expected an integer 0..10"},
        {HDR "\"instrument\": \"hoos\", \"answers\": {\"S2\": 1, \"S2\": 2}}", HIP_ERR_FORMAT, "answers: field \"S2\" appears twice"},
        {HDR "\"instrument\": \"hoos\", \"date\": \"2026-02-30\", \"answers\": {}}", HIP_ERR_FORMAT, "date: expected a date"},
        {HDR "\"instrument\": \"hoos\", \"answers\": {}, \"activities\": {}}", HIP_ERR_FORMAT, "document: unknown field \"activities\""},
        {HDR "\"instrument\": \"psfs\", \"answers\": {}, \"activities\": {\"ACT6\": \"x\"}}", HIP_ERR_FORMAT, "activities: unknown field \"ACT6\""},
        {HDR "\"instrument\": \"psfs\", \"answers\": {}, \"activities\": {\"ACT1\": 3}}", HIP_ERR_FORMAT, "activities.ACT1: expected a string of 0..95 bytes"},
        {HDR "\"instrument\": \"psfs\", \"answers\": {}, \"activities\": []}", HIP_ERR_FORMAT, "activities: expected an object"},
        {HDR "\"instrument\": \"psfs\", \"answers\": {}, \"score\": 4}", HIP_ERR_FORMAT, "document: unknown field \"score\""},
        {HDR "\"instrument\": \"oxford\", \"answers\": {\"O1\": 5}}", HIP_ERR_FORMAT, "answers.O1: expected an integer 0..4"},
    };
    hip_outcome_response *r = new_response(HIP_INSTRUMENT_HOOS, R13);
    fill(r, HOOS_Q, (const int[4]){1, 2, M, 2});
    assert_int_equal(hip_outcome_set_date(r, 20000), HIP_OK);
    size_t len;
    char *before = export_all(r, &len);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        hip_status st = hip_outcome_import_json(r, docs[i].text, strlen(docs[i].text));
        const char *msg = hip_outcome_response_last_error(r);
        if (st != docs[i].st || !strstr(msg, docs[i].msg))
            fail_msg("doc %zu: status %d message '%s', expected %d with '%s'", i, st, msg,
                     docs[i].st, docs[i].msg);
    }
    char *after = export_all(r, &len);
    assert_string_equal(before, after);   /* failed imports changed nothing */
    assert_int_equal(hip_outcome_import_json(r, NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_outcome_import_json(NULL, "{}", 2), HIP_ERR_INVALID);
    free(before); free(after);
    hip_outcome_response_destroy(r);
}

static const char alloc_doc[] =
    "{\"format\": \"hiptrack.outcome\", \"version\": 1, \"instrument\": \"psfs\", \"date\": \"2026-01-05\",\n"
    " \"answers\": {\"ACT1\": 3, \"ACT2\": 5}, \"activities\": {\"ACT1\": \"stairs\", \"ACT2\": \"gardening\"}}";

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_outcome_config cfg;
    hip_outcome_config_init(&cfg);
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_outcome_response *r = NULL;
        hip_status st = hip_outcome_response_create(&cfg, &r);
        if (st == HIP_OK) {
            hip_outcome_response_destroy(r);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_null(r);
        assert_int_equal(as.outstanding, 0);
    }
    size_t failures = 0;
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, -1);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_outcome_response *r = NULL;
        assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_OK);
        assert_int_equal(hip_outcome_set_answer(r, "P1", 3), HIP_OK);
        size_t len;
        char *before = export_all(r, &len);
        as.countdown = n;
        hip_status st = hip_outcome_import_json(r, alloc_doc, strlen(alloc_doc));
        as.countdown = -1;
        if (st == HIP_OK) {
            assert_int_equal(hip_outcome_response_instrument(r), HIP_INSTRUMENT_PSFS);
            free(before);
            hip_outcome_response_destroy(r);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        char *after = export_all(r, &len);
        assert_string_equal(before, after);   /* unchanged */
        free(before); free(after);
        hip_outcome_response_destroy(r);
        assert_int_equal(as.outstanding, 0);
        failures++;
    }
    assert_true(failures >= 1);
    /* Answers, scoring, names, dates, export and compare never allocate. */
    hip_test_alloc_reset(&as, -1);
    cfg.allocator = hip_test_counting_allocator(&as);
    cfg.instrument = HIP_INSTRUMENT_PSFS;
    hip_outcome_response *r = NULL;
    assert_int_equal(hip_outcome_response_create(&cfg, &r), HIP_OK);
    as.countdown = 0;
    assert_int_equal(hip_outcome_set_answer(r, "ACT1", 4), HIP_OK);
    assert_int_equal(hip_outcome_set_activity_name(r, "ACT1", "stairs"), HIP_OK);
    assert_int_equal(hip_outcome_set_date(r, 20000), HIP_OK);
    hip_outcome_result res;
    assert_int_equal(hip_outcome_score(r, &res), HIP_OK);
    hip_outcome_change c;
    assert_int_equal(hip_outcome_compare(&res, &res, NULL, &c), HIP_OK);
    size_t len;
    assert_int_equal(hip_outcome_export_json(r, NULL, 0, &len), HIP_OK);
    assert_int_equal(as.failures, 0);
    as.countdown = -1;
    hip_outcome_response_destroy(r);
    assert_int_equal(as.outstanding, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_hoos_rules),
        cmocka_unit_test(test_out_of_range_h18),
        cmocka_unit_test(test_missing_is_not_zero),
        cmocka_unit_test(test_hoos12_summary),
        cmocka_unit_test(test_hoos_jr_table),
        cmocka_unit_test(test_short_forms_from_hoos),
        cmocka_unit_test(test_hoos_ps_direction),
        cmocka_unit_test(test_psfs_change),
        cmocka_unit_test(test_change_mcid),
        cmocka_unit_test(test_change_direction),
        cmocka_unit_test(test_compare_errors),
        cmocka_unit_test(test_licensed_instruments),
        cmocka_unit_test(test_item_metadata),
        cmocka_unit_test(test_response_errors),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_import_errors),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
