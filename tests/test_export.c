/* Export: FHIR R4 shapes (every output through the checker of test_export_shape.h), one golden pain
 * Observation, the Bundle's date range and determinism, both CSVs parsed back, the round trips
 * pain -> FHIR -> import and pain -> CSV -> import, every error path, allocation failures of both
 * imports, and the fuzz seeds of both import parsers. */
#include "testutil.h"
#include "test_export_shape.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS 1000000000LL
#define PATIENT "Patient/123"

static int32_t day(int y, int m, int d)
{
    int32_t out;
    assert_int_equal(hip_date_from_ymd(y, m, d, &out), HIP_OK);
    return out;
}

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

static void add(hip_painlog *log, const hip_pain_entry *e)
{
    hip_status st = hip_painlog_add(log, e);
    if (st != HIP_OK) fail_msg("add: %d %s", st, hip_painlog_last_error(log));
}

static hip_fhir_config config(void)
{
    hip_fhir_config c;
    hip_fhir_config_init(&c);
    strcpy(c.patient, PATIENT);
    return c;
}

/* Four entries over three local days (2026-03-24..26, +01:00), every field used by one of them. */
static hip_painlog *sample_log(void)
{
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    hip_pain_entry e = entry(at(2026, 3, 25, 8, 5, 60), 60, 4, HIP_PAIN_CONTEXT_AVG_24H);
    e.location = HIP_PAIN_LOCATION_GROIN;
    e.side = HIP_PAIN_SIDE_LEFT;
    e.symptoms = HIP_PAIN_SYMPTOM_STIFFNESS | HIP_PAIN_SYMPTOM_CLICKING;
    e.time_of_day = HIP_PAIN_TIME_OF_DAY_MORNING;
    e.setting = HIP_PAIN_SETTING_REST;
    strcpy(e.note, "=SUM(A1), \"worse\"\nafter stairs");
    add(log, &e);
    e = entry(at(2026, 3, 24, 23, 59, 60), 60, 0, HIP_PAIN_CONTEXT_CURRENT);
    add(log, &e);
    e = entry(at(2026, 3, 26, 0, 0, 60) + 123456789, 60, 10, HIP_PAIN_CONTEXT_NEXT_MORNING);
    e.location = HIP_PAIN_LOCATION_LOW_BACK;
    e.side = HIP_PAIN_SIDE_BOTH;
    strcpy(e.note, "'quoted start");
    add(log, &e);
    e = entry(at(2026, 3, 25, 20, 0, -300), -300, 7, HIP_PAIN_CONTEXT_AFTER_EXERCISE);
    e.location = HIP_PAIN_LOCATION_LATERAL_HIP;
    e.side = HIP_PAIN_SIDE_RIGHT;
    e.symptoms = HIPTRACK_PAIN_SYMPTOM_ALL;
    strcpy(e.note, "caf\xc3\xa9 -ok");
    add(log, &e);
    return log;
}

static hip_session *sample_session(int64_t t0, int finish)
{
    hip_session *s = NULL;
    assert_int_equal(hip_session_create(NULL, &s), HIP_OK);
    assert_int_equal(hip_session_start(s, t0, 60), HIP_OK);
    assert_int_equal(hip_session_set_program(s, 2, day(2026, 3, 1)), HIP_OK);
    assert_int_equal(hip_session_set_pain(s, HIP_PAIN_BEFORE, 2), HIP_OK);
    hip_session_exercise ex;
    hip_session_exercise_init(&ex, "bridge");
    ex.prescribed_sets = 2;
    ex.prescribed_reps = 10;
    ex.prescribed_load_kg = 5;
    assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_OK);
    hip_session_exercise_init(&ex, "clamshell");
    ex.side = HIP_SIDE_LEFT;
    ex.prescribed_sets = 1;
    ex.prescribed_reps = 0;
    ex.prescribed_hold_s = 10;
    assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_OK);
    hip_session_exercise_init(&ex, "squat");   /* prescribed, never done */
    ex.prescribed_sets = 3;
    ex.prescribed_reps = 8;
    assert_int_equal(hip_session_add_exercise(s, &ex, NULL), HIP_OK);
    for (int k = 0; k < 2; k++) {
        hip_session_set set;
        hip_session_set_init(&set);
        set.load_kg = 5;
        set.rpe = 6 + k;
        set.pain = k == 0 ? HIPTRACK_NOT_RECORDED : 3;
        assert_int_equal(hip_session_add_set(s, 0, &set), HIP_OK);
        for (int r = 0; r < 10 - k; r++) {
            hip_session_rep rep;
            hip_session_rep_init(&rep);
            rep.concentric_s = 1;
            rep.eccentric_s = 1.5;
            rep.flags = r == 0 ? HIP_REP_PARTIAL : 0;
            assert_int_equal(hip_session_add_rep(s, &rep), HIP_OK);
        }
    }
    hip_session_set set;
    hip_session_set_init(&set);
    assert_int_equal(hip_session_add_set(s, 1, &set), HIP_OK);
    hip_session_rep rep;
    hip_session_rep_init(&rep);
    rep.hold_s = 9.5;
    assert_int_equal(hip_session_add_rep(s, &rep), HIP_OK);
    assert_int_equal(hip_session_set_pain(s, HIP_PAIN_DURING, 4), HIP_OK);
    if (finish) assert_int_equal(hip_session_finish(s, t0 + 1800 * NS, HIP_ABANDON_PAIN), HIP_OK);
    return s;
}

/* HOOS JR, all six items answered, dated 2026-03-25. */
static hip_outcome_response *sample_outcome(hip_outcome_result *result)
{
    hip_outcome_config oc;
    hip_outcome_config_init(&oc);
    oc.instrument = HIP_INSTRUMENT_HOOS_JR;
    hip_outcome_response *r = NULL;
    assert_int_equal(hip_outcome_response_create(&oc, &r), HIP_OK);
    static const char *const ids[] = {"P5", "P10", "A3", "A5", "A12", "A14"};
    for (int i = 0; i < 6; i++) assert_int_equal(hip_outcome_set_answer(r, ids[i], i % 4), HIP_OK);
    assert_int_equal(hip_outcome_set_date(r, day(2026, 3, 25)), HIP_OK);
    if (result) assert_int_equal(hip_outcome_score(r, result), HIP_OK);
    return r;
}

/* The whole output of a two-call export, checked for the protocol (size query, BUFSIZE, NUL). */
#define EXPORT(call_with_buf_cap, out)                                                              \
    do {                                                                                            \
        size_t len_ = 0, len2_ = 0;                                                                 \
        char *buf = NULL;                                                                           \
        size_t cap = 0;                                                                             \
        assert_int_equal((call_with_buf_cap), HIP_OK);                                              \
        len_ = *lenp;                                                                               \
        buf = malloc(len_ + 1);                                                                     \
        cap = len_;                                                                                 \
        assert_int_equal((call_with_buf_cap), HIP_ERR_BUFSIZE);                                     \
        assert_int_equal(*lenp, len_);                                                              \
        cap = len_ + 1;                                                                             \
        assert_int_equal((call_with_buf_cap), HIP_OK);                                              \
        len2_ = *lenp;                                                                              \
        assert_int_equal(len2_, len_);                                                              \
        assert_int_equal(strlen(buf), len_);                                                        \
        (out) = buf;                                                                                \
    } while (0)

static char *bundle(const hip_export_input *in, int32_t from, int32_t to, const hip_fhir_config *c)
{
    size_t len = 0, *lenp = &len;
    char *out;
    EXPORT(hip_export_fhir_bundle(in, from, to, c, buf, cap, lenp), out);
    shape_check(out, strlen(out), c->patient);
    return out;
}

static char *pain_fhir(const hip_pain_entry *e, const hip_fhir_config *c)
{
    size_t len = 0, *lenp = &len;
    char *out;
    EXPORT(hip_export_fhir_pain(e, c, buf, cap, lenp), out);
    shape_check(out, strlen(out), c->patient);
    return out;
}

static char *csv_pain(const hip_export_input *in, int32_t from, int32_t to)
{
    size_t len = 0, *lenp = &len;
    char *out;
    EXPORT(hip_export_csv_pain(in, from, to, buf, cap, lenp), out);
    return out;
}

static char *csv_sessions(const hip_export_input *in, int32_t from, int32_t to)
{
    size_t len = 0, *lenp = &len;
    char *out;
    EXPORT(hip_export_csv_sessions(in, from, to, buf, cap, lenp), out);
    return out;
}

static size_t count_of(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle)) n++;
    return n;
}

static void assert_same_entries(const hip_painlog *a, const hip_painlog *b)
{
    assert_int_equal(hip_painlog_count(a), hip_painlog_count(b));
    for (size_t i = 0; i < hip_painlog_count(a); i++) {
        hip_pain_entry x, y;
        assert_int_equal(hip_painlog_entry_at(a, i, &x), HIP_OK);
        assert_int_equal(hip_painlog_entry_at(b, i, &y), HIP_OK);
        assert_true(x.t_ns == y.t_ns);
        assert_int_equal(x.utc_offset_min, y.utc_offset_min);
        assert_int_equal(x.nrs, y.nrs);
        assert_int_equal(x.context, y.context);
        assert_int_equal(x.location, y.location);
        assert_int_equal(x.side, y.side);
        assert_int_equal(x.symptoms, y.symptoms);
        assert_int_equal(x.time_of_day, y.time_of_day);
        assert_int_equal(x.setting, y.setting);
        assert_string_equal(x.note, y.note);
    }
}

/* ---- FHIR ---------------------------------------------------------------------------------- */

/* CLINICAL.md §1.5's example, as libhip writes it (golden). */
static const char golden_pain[] =
    "{\n"
    "  \"resourceType\": \"Observation\",\n"
    "  \"id\": \"@ID@\",\n"
    "  \"status\": \"final\",\n"
    "  \"category\": [\n"
    "    {\n"
    "      \"coding\": [\n"
    "        {\n"
    "          \"system\": \"http://terminology.hl7.org/CodeSystem/observation-category\",\n"
    "          \"code\": \"survey\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"code\": {\n"
    "    \"coding\": [\n"
    "      {\n"
    "        \"system\": \"http://loinc.org\",\n"
    "        \"code\": \"72514-3\",\n"
    "        \"display\": \"Pain severity - 0-10 verbal numeric rating [Score] - Reported\"\n"
    "      }\n"
    "    ]\n"
    "  },\n"
    "  \"subject\": {\n"
    "    \"reference\": \"Patient/123\"\n"
    "  },\n"
    "  \"effectiveDateTime\": \"2024-03-25T08:05:00+01:00\",\n"
    "  \"performer\": [\n"
    "    {\n"
    "      \"reference\": \"Patient/123\"\n"
    "    }\n"
    "  ],\n"
    "  \"valueInteger\": 4,\n"
    "  \"bodySite\": {\n"
    "    \"coding\": [\n"
    "      {\n"
    "        \"system\": \"urn:libhip:body-site\",\n"
    "        \"code\": \"unspecified-left\",\n"
    "        \"display\": \"Left hip\"\n"
    "      },\n"
    "      {\n"
    "        \"system\": \"http://snomed.info/sct\",\n"
    "        \"code\": \"24136001\",\n"
    "        \"display\": \"Hip joint structure\"\n"
    "      }\n"
    "    ],\n"
    "    \"text\": \"Left hip\"\n"
    "  },\n"
    "  \"component\": [\n"
    "    {\n"
    "      \"code\": {\n"
    "        \"coding\": [\n"
    "          {\n"
    "            \"system\": \"urn:libhip:pain-context\",\n"
    "            \"code\": \"PAIN_AVG_24H\"\n"
    "          }\n"
    "        ]\n"
    "      },\n"
    "      \"valueCodeableConcept\": {\n"
    "        \"text\": \"average over last 24 h\"\n"
    "      }\n"
    "    }\n"
    "  ]\n"
    "}";

static void test_pain_golden(void **state)
{
    (void)state;
    hip_pain_entry e = entry(at(2024, 3, 25, 8, 5, 60), 60, 4, HIP_PAIN_CONTEXT_AVG_24H);
    e.side = HIP_PAIN_SIDE_LEFT;
    hip_fhir_config c = config();
    c.pretty = 1;
    c.snomed_body_site = 1;
    char id[HIPTRACK_FHIR_ID_CAP];
    assert_int_equal(hip_export_fhir_pain_id(&e, &c, id, sizeof id), HIP_OK);
    assert_true(shape_match(SHAPE_UUID, id));
    char want[sizeof golden_pain + 64];
    const char *mark = strstr(golden_pain, "@ID@");
    snprintf(want, sizeof want, "%.*s%s%s", (int)(mark - golden_pain), golden_pain, id, mark + 4);
    char *got = pain_fhir(&e, &c);
    assert_string_equal(got, want);
    free(got);
    /* Compact by default; SNOMED off by default (licence, CLINICAL.md §1.5). */
    c = config();
    got = pain_fhir(&e, &c);
    assert_null(strchr(got, '\n'));
    assert_null(strstr(got, "snomed"));
    assert_non_null(strstr(got, "\"valueInteger\":4"));
    free(got);
}

static void test_pain_options(void **state)
{
    (void)state;
    hip_fhir_config c = config();
    for (int nrs = 0; nrs <= 10; nrs++) {
        hip_pain_entry e = entry(at(2026, 1, 2, 9, 0, 0), 0, nrs, (hip_pain_context)(nrs % 7));
        e.location = (hip_pain_location)(nrs % 9);
        e.side = (hip_pain_side)(nrs % 4);
        e.symptoms = 1u << (nrs % 9);
        e.time_of_day = (hip_pain_time_of_day)(nrs % 5);
        e.setting = (hip_pain_setting)(nrs % 5);
        for (int mode = 0; mode < 3; mode++) {
            c.pain_value = (hip_fhir_pain_value)mode;
            c.snomed_body_site = nrs % 2;
            char *got = pain_fhir(&e, &c);
            if (mode == 1) assert_non_null(strstr(got, "\"valueQuantity\":{\"value\":"));
            if (mode == 2) {
                static const char *const la[] = {"LA6111-4", "LA6112-2", "LA6113-0", "LA6114-8", "LA6115-5",
                                                 "LA10137-0", "LA10138-8", "LA10139-6", "LA10140-4",
                                                 "LA10141-2", "LA13942-0"};
                assert_non_null(strstr(got, la[nrs]));
            }
            free(got);
        }
    }
    /* Offsets beyond FHIR's 14:00 are written in UTC. */
    c = config();
    hip_pain_entry e = entry(at(2026, 1, 2, 9, 0, 15 * 60), 15 * 60, 3, HIP_PAIN_CONTEXT_CURRENT);
    char *got = pain_fhir(&e, &c);
    assert_non_null(strstr(got, "\"effectiveDateTime\":\"2026-01-01T18:00:00Z\""));
    free(got);
}

static void test_bundle_shape_and_range(void **state)
{
    (void)state;
    hip_painlog *log = sample_log();
    hip_session *s1 = sample_session(at(2026, 3, 25, 10, 0, 60), 1);
    hip_session *s2 = sample_session(at(2026, 3, 27, 10, 0, 60), 1);
    hip_outcome_result res;
    hip_outcome_response *o = sample_outcome(&res);
    hip_catalog *cat = NULL;
    assert_int_equal(hip_catalog_create(NULL, &cat), HIP_OK);
    const hip_session *sessions[] = {s1, s2};
    const hip_outcome_response *outcomes[] = {o};
    hip_export_input in;
    hip_export_input_init(&in);
    in.painlog = log;
    in.sessions = sessions;
    in.session_count = 2;
    in.outcomes = outcomes;
    in.outcome_results = &res;
    in.outcome_count = 1;
    in.catalog = cat;
    hip_fhir_config c = config();
    int32_t d24 = day(2026, 3, 24), d25 = day(2026, 3, 25), d26 = day(2026, 3, 26), d27 = day(2026, 3, 27);
    char *all = bundle(&in, d24, d27, &c);
    assert_int_equal(count_of(all, "\"fullUrl\""), 4 + 2 + 1 + 1);
    assert_int_equal(count_of(all, "72514-3"), 4);
    assert_int_equal(count_of(all, "\"QuestionnaireResponse\""), 1);
    assert_int_equal(count_of(all, "\"HOOS-JR\""), 1);
    assert_int_equal(count_of(all, "exercise-session"), 2);
    assert_non_null(strstr(all, "\"display\":\"Glute bridge"));   /* the catalog's name */
    assert_non_null(strstr(all, "\"questionnaire\":\"urn:libhip:questionnaire:hoos_jr\""));
    assert_non_null(strstr(all, "{\"url\":\"urn:libhip:extension:side\",\"valueCode\":\"left\"}"));
    assert_non_null(strstr(all, "\"abandon-reason\""));
    /* Deterministic: the same bytes again; another patient gives other ids. */
    char *again = bundle(&in, d24, d27, &c);
    assert_string_equal(all, again);
    free(again);
    hip_fhir_config c2 = config();
    strcpy(c2.patient, "urn:uuid:0b3c1f7e-2d2a-4c6e-9a51-3f1e2d4c5b6a");
    again = bundle(&in, d24, d27, &c2);
    const char *id1 = strstr(all, "urn:uuid:"), *id2 = strstr(again, "urn:uuid:");
    assert_memory_not_equal(id1, id2, 45);
    free(again);
    /* Boundaries: 23:59 local of the 24th is in [24, 24]; 00:00 local of the 26th is not in [25, 25]. */
    char *b = bundle(&in, d24, d24, &c);
    assert_int_equal(count_of(b, "\"fullUrl\""), 1);
    assert_non_null(strstr(b, "2026-03-24T23:59:00+01:00"));
    free(b);
    b = bundle(&in, d25, d25, &c);
    assert_int_equal(count_of(b, "72514-3"), 2);   /* 08:05 +01:00 and 20:00 -05:00 */
    assert_int_equal(count_of(b, "exercise-session"), 1);
    assert_int_equal(count_of(b, "\"QuestionnaireResponse\""), 1);
    free(b);
    b = bundle(&in, d26, d26, &c);
    assert_int_equal(count_of(b, "\"fullUrl\""), 1);
    assert_non_null(strstr(b, "2026-03-26T00:00:00.123456789+01:00"));
    free(b);
    b = bundle(&in, d27 + 1, d27 + 100, &c);   /* nothing in range: a Bundle without entry (FHIR has no []) */
    assert_null(strstr(b, "\"entry\""));
    free(b);
    /* Transaction: PUT Type/id on every entry. */
    c.bundle_type = HIP_FHIR_BUNDLE_TRANSACTION;
    c.pretty = 1;
    b = bundle(&in, d24, d27, &c);
    assert_int_equal(count_of(b, "\"method\": \"PUT\""), 8);
    free(b);
    /* Only the session or only the questionnaire, alone. */
    c = config();
    size_t len = 0, *lenp = &len;
    char *one;
    EXPORT(hip_export_fhir_session(s1, NULL, &c, buf, cap, lenp), one);
    shape_check(one, len, PATIENT);
    assert_null(strstr(one, "\"display\":\"Glute"));
    free(one);
    EXPORT(hip_export_fhir_questionnaire(o, &c, buf, cap, lenp), one);
    shape_check(one, len, PATIENT);
    assert_int_equal(count_of(one, "\"linkId\""), 6);
    free(one);
    /* A HOOS response with its HOOS-12 score (a short form of the same answers). */
    hip_outcome_config oc;
    hip_outcome_config_init(&oc);
    hip_outcome_response *hoos = NULL;
    assert_int_equal(hip_outcome_response_create(&oc, &hoos), HIP_OK);
    for (size_t i = 0; i < hip_outcome_item_count(HIP_INSTRUMENT_HOOS); i++) {
        hip_outcome_item it;
        assert_int_equal(hip_outcome_item_at(HIP_INSTRUMENT_HOOS, i, &it), HIP_OK);
        if (i % 7) assert_int_equal(hip_outcome_set_answer(hoos, it.id, (int32_t)(i % 5)), HIP_OK);
    }
    assert_int_equal(hip_outcome_set_date(hoos, d26), HIP_OK);
    hip_outcome_result r12;
    assert_int_equal(hip_outcome_score_as(hoos, HIP_INSTRUMENT_HOOS12, &r12), HIP_OK);
    const hip_outcome_response *two[] = {o, hoos};
    hip_outcome_result rs[2] = {res, r12};
    in.outcomes = two;
    in.outcome_results = rs;
    in.outcome_count = 2;
    b = bundle(&in, d24, d27, &c);
    assert_non_null(strstr(b, "\"HOOS12-SUMMARY\""));
    free(b);
    in.outcome_results = NULL;   /* answers only */
    b = bundle(&in, d24, d27, &c);
    assert_int_equal(count_of(b, "urn:libhip:outcome-score"), 0);
    assert_int_equal(count_of(b, "\"QuestionnaireResponse\""), 2);
    free(b);
    hip_outcome_response_destroy(hoos);
    free(all);
    hip_catalog_destroy(cat);
    hip_outcome_response_destroy(o);
    hip_session_destroy(s1);
    hip_session_destroy(s2);
    hip_painlog_destroy(log);
}

static hip_assess_result assessment(int32_t d, hip_rom_motion m, hip_assess_side side, double start,
                                    double max)
{
    hip_assess_result r;
    memset(&r, 0, sizeof r);
    r.motion = m;
    r.side = side;
    r.source = HIP_ASSESS_SOURCE_POSE;
    r.posture = HIP_ASSESS_STANDING;
    r.day = d;
    r.start_deg = start;
    r.max_deg = max;
    r.range_deg = max - start;
    r.duration_s = 2.5;
    r.quality = 0.9;
    return r;
}

static char *assess_fhir(const hip_assess_result *r, const hip_fhir_config *c)
{
    size_t len = 0, *lenp = &len;
    char *out;
    EXPORT(hip_export_fhir_assessment(r, c, buf, cap, lenp), out);
    shape_check(out, strlen(out), c->patient);
    return out;
}

/* A movement assessment: one Observation (exam, hip-rom-<motion>, degrees, side, components), its
 * content-derived id, every motion and side through the checker, and the Bundle with assessments
 * after the outcomes, in range, a repeated result once, and an input from before the fields. */
static void test_assessment(void **state)
{
    (void)state;
    hip_fhir_config c = config();
    int32_t d24 = day(2026, 3, 24), d25 = day(2026, 3, 25);
    hip_assess_result r = assessment(d25, HIP_ROM_FLEXION, HIP_ASSESS_LEFT, 5.5, 100.5);
    r.compensations = HIP_ASSESS_COMP_OUT_OF_PLANE | HIP_ASSESS_COMP_PELVIC_DROP;
    r.out_of_plane_deg = 12;
    r.pelvic_drop_deg = 6;
    char *obs = assess_fhir(&r, &c);
    assert_non_null(strstr(obs, "\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"exam\"}]}]"));
    assert_non_null(strstr(obs, "{\"system\":\"urn:libhip:observation\",\"code\":\"hip-rom-flexion\",\"display\":\"Hip flexion active range of motion\"}"));
    assert_non_null(strstr(obs, "\"effectiveDateTime\":\"2026-03-25\""));
    assert_non_null(strstr(obs, "\"valueQuantity\":{\"value\":95,\"unit\":\"deg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"deg\"}"));
    assert_non_null(strstr(obs, "\"bodySite\":{\"coding\":[{\"system\":\"urn:libhip:body-site\",\"code\":\"hip-left\",\"display\":\"Left hip\"}],\"text\":\"Left hip\"}"));
    assert_non_null(strstr(obs, "\"code\":\"start\"}]},\"valueQuantity\":{\"value\":5.5,"));
    assert_non_null(strstr(obs, "\"code\":\"max\"}]},\"valueQuantity\":{\"value\":100.5,"));
    assert_non_null(strstr(obs, "{\"system\":\"urn:libhip:assessment-source\",\"code\":\"pose\"}"));
    assert_int_equal(count_of(obs, "urn:libhip:assessment-compensation"), 2);
    assert_non_null(strstr(obs, "\"code\":\"pelvic_drop\""));
    /* Same content, same bytes; another result or patient, another id. */
    char *again = assess_fhir(&r, &c);
    assert_string_equal(obs, again);
    free(again);
    hip_assess_result r2 = r;
    r2.max_deg += 1;
    r2.range_deg += 1;
    again = assess_fhir(&r2, &c);
    assert_memory_not_equal(strstr(obs, "\"id\""), strstr(again, "\"id\""), 44);
    free(again);
    /* Every motion, both sides, IMU without compensations, pretty. */
    c.pretty = 1;
    for (int m = 0; m < HIPTRACK_ROM_MOTIONS; m++)
        for (int sd = 0; sd < 2; sd++) {
            hip_assess_result x = assessment(d24, (hip_rom_motion)m, (hip_assess_side)sd, 0, 30);
            x.source = HIP_ASSESS_SOURCE_IMU;
            x.duration_s = 0;
            char *o = assess_fhir(&x, &c);
            if (m == HIP_ROM_KNEE_FLEXION) assert_non_null(strstr(o, "knee-rom-flexion"));
            if (m == HIP_ROM_INTERNAL_ROTATION) assert_non_null(strstr(o, "hip-rom-internal-rotation"));
            assert_null(strstr(o, "\"duration\""));
            free(o);
        }
    c.pretty = 0;
    /* Errors: a result history_add would refuse, NULLs, a bad config. */
    size_t len = 0;
    hip_assess_result bad = r;
    bad.range_deg = 3;   /* not max - start */
    assert_int_equal(hip_export_fhir_assessment(&bad, &c, NULL, 0, &len), HIP_ERR_INVALID);
    bad = r;
    bad.motion = (hip_rom_motion)HIPTRACK_ROM_MOTIONS;
    assert_int_equal(hip_export_fhir_assessment(&bad, &c, NULL, 0, &len), HIP_ERR_INVALID);
    bad = r;
    bad.quality = 0.0 / 0.0;
    assert_int_equal(hip_export_fhir_assessment(&bad, &c, NULL, 0, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_assessment(NULL, &c, NULL, 0, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_assessment(&r, &c, NULL, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_assessment(&r, NULL, NULL, 0, &len), HIP_ERR_INVALID);
    char small[8];
    assert_int_equal(hip_export_fhir_assessment(&r, &c, small, sizeof small, &len), HIP_ERR_BUFSIZE);
    assert_int_equal(len, strlen(obs));
    /* Bundle: after the outcomes, in range only, a repeated result once. */
    hip_outcome_result res;
    hip_outcome_response *o = sample_outcome(&res);
    const hip_outcome_response *outcomes[] = {o};
    hip_assess_result list[4] = {r, assessment(d24, HIP_ROM_ABDUCTION, HIP_ASSESS_RIGHT, 0, 40), r,
                                 assessment(d25 + 10, HIP_ROM_EXTENSION, HIP_ASSESS_LEFT, 0, 20)};
    hip_export_input in;
    hip_export_input_init(&in);
    in.outcomes = outcomes;
    in.outcome_results = &res;
    in.outcome_count = 1;
    in.assessments = list;
    in.assessment_count = 4;
    char *b = bundle(&in, d24, d25, &c);
    assert_int_equal(count_of(b, "hip-rom-"), 2);
    assert_non_null(strstr(b, "hip-rom-abduction"));
    assert_null(strstr(b, "hip-rom-extension"));
    assert_true(strstr(b, "\"QuestionnaireResponse\"") < strstr(b, "hip-rom-flexion"));
    assert_true(strstr(b, "hip-rom-flexion") < strstr(b, "hip-rom-abduction"));   /* input order */
    char obs_id[64];
    memcpy(obs_id, strstr(obs, "\"id\":\""), 44);   /* "id":"<36>" */
    obs_id[44] = '\0';
    assert_non_null(strstr(b, obs_id));   /* the same id alone and in a Bundle */
    char *again2 = bundle(&in, d24, d25, &c);
    assert_string_equal(b, again2);
    free(again2);
    /* An input built before the fields existed (smaller struct_size) has no assessments. */
    in.struct_size = (uint32_t)offsetof(hip_export_input, assessments);
    char *old = bundle(&in, d24, d25, &c);
    assert_null(strstr(old, "hip-rom-"));
    free(old);
    in.struct_size = sizeof in;
    /* A bad result anywhere (even out of range) refuses the Bundle; NULL array with a count too. */
    list[3].range_deg = -1;
    assert_int_equal(hip_export_fhir_bundle(&in, d24, d25, &c, NULL, 0, &len), HIP_ERR_INVALID);
    in.assessments = NULL;
    assert_int_equal(hip_export_fhir_bundle(&in, d24, d25, &c, NULL, 0, &len), HIP_ERR_INVALID);
    hip_outcome_response_destroy(o);
    free(b);
    free(obs);
}

static void test_fhir_errors(void **state)
{
    (void)state;
    hip_pain_entry e = entry(at(2026, 1, 2, 9, 0, 0), 0, 3, HIP_PAIN_CONTEXT_CURRENT);
    hip_fhir_config c = config();
    size_t len = 0;
    char buf[4096];
    assert_int_equal(hip_export_fhir_pain(&e, &c, NULL, 0, &len), HIP_OK);
    /* Config: patient required and a reference; struct_size; enums. */
    static const char *const bad_patients[] = {"", "123", "Patient/", "Patient/a b", "Practitioner/1",
                                               "urn:uuid:XYZ", "Patient/0123456789012345678901234567890123456789012345678901234567890123456789"};
    for (size_t i = 0; i < sizeof bad_patients / sizeof *bad_patients; i++) {
        c = config();
        strcpy(c.patient, bad_patients[i]);
        assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    }
    c = config();
    strcpy(c.patient, "Patient/a.b-C9");
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_OK);
    c = config();
    c.struct_size = 4;
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    c = config();
    c.pain_value = (hip_fhir_pain_value)3;
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    c = config();
    c.bundle_type = (hip_fhir_bundle_type)2;
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    c = config();
    c.snomed_body_site = 2;
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    c = config();
    memset(c.patient, 'x', sizeof c.patient);   /* not terminated */
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    /* Arguments and entry values. */
    c = config();
    assert_int_equal(hip_export_fhir_pain(NULL, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_pain(&e, NULL, buf, sizeof buf, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_pain(&e, &c, NULL, 5, &len), HIP_ERR_INVALID);
    e.nrs = 11;
    assert_int_equal(hip_export_fhir_pain(&e, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    char id[HIPTRACK_FHIR_ID_CAP];
    assert_int_equal(hip_export_fhir_pain_id(&e, &c, id, sizeof id), HIP_ERR_INVALID);
    e.nrs = 3;
    assert_int_equal(hip_export_fhir_pain_id(&e, &c, id, 10), HIP_ERR_INVALID);
    hip_fhir_config_init(NULL);
    hip_export_input_init(NULL);
    /* Bundle: range, input, unfinished session, undated outcome, mismatched result. */
    hip_export_input in;
    hip_export_input_init(&in);
    assert_int_equal(hip_export_fhir_bundle(&in, 5, 4, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_bundle(NULL, 4, 5, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    in.session_count = 1;
    assert_int_equal(hip_export_fhir_bundle(&in, 4, 5, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    const hip_session *null_session[] = {NULL};
    in.sessions = null_session;
    assert_int_equal(hip_export_fhir_bundle(&in, 4, 5, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    hip_export_input_init(&in);
    in.struct_size = 8;
    assert_int_equal(hip_export_fhir_bundle(&in, 4, 5, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    hip_session *running = sample_session(at(2026, 3, 25, 10, 0, 60), 0);
    hip_export_input_init(&in);
    const hip_session *ss[] = {running};
    in.sessions = ss;
    in.session_count = 1;
    assert_int_equal(hip_export_fhir_bundle(&in, -100000, 100000, &c, buf, sizeof buf, &len), HIP_ERR_STATE);
    assert_int_equal(hip_export_fhir_session(running, NULL, &c, buf, sizeof buf, &len), HIP_ERR_STATE);
    assert_int_equal(hip_export_csv_sessions(&in, -100000, 100000, buf, sizeof buf, &len), HIP_ERR_STATE);
    hip_session_destroy(running);
    hip_outcome_result res;
    hip_outcome_response *o = sample_outcome(&res);
    hip_export_input_init(&in);
    const hip_outcome_response *os[] = {o};
    in.outcomes = os;
    in.outcome_count = 1;
    in.outcome_results = &res;
    res.instrument = HIP_INSTRUMENT_PSFS;
    assert_int_equal(hip_export_fhir_bundle(&in, -100000, 100000, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    res.instrument = HIP_INSTRUMENT_HOOS_JR;
    res.scale_count = 99;
    assert_int_equal(hip_export_fhir_bundle(&in, -100000, 100000, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    res.scale_count = 1;
    assert_int_equal(hip_export_fhir_bundle(&in, -100000, 100000, &c, buf, sizeof buf, &len), HIP_OK);
    assert_int_equal(hip_outcome_clear_date(o), HIP_OK);
    assert_int_equal(hip_export_fhir_bundle(&in, -100000, 100000, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_questionnaire(o, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_questionnaire(NULL, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_fhir_session(NULL, NULL, &c, buf, sizeof buf, &len), HIP_ERR_INVALID);
    hip_outcome_response_destroy(o);
}

/* ---- CSV ---------------------------------------------------------------------------------- */

static void test_csv_pain(void **state)
{
    (void)state;
    hip_painlog *log = sample_log();
    hip_export_input in;
    hip_export_input_init(&in);
    in.painlog = log;
    char *csv = csv_pain(&in, -100000, 100000);
    if (getenv("EXPORT_DEBUG")) printf("%s", csv);
    const char *want_head = "time,date,nrs,context,location,side,symptoms,time_of_day,setting,note\n"
                            "2026-03-24T23:59:00+01:00,2026-03-24,0,current,unspecified,unspecified,,"
                            "unspecified,unspecified,\n"
                            "2026-03-25T08:05:00+01:00,2026-03-25,4,avg_24h,groin,left,stiffness;clicking,"
                            "morning,rest,\"'=SUM(A1), \"\"worse\"\"\nafter stairs\"\n";
    assert_memory_equal(csv, want_head, strlen(want_head));
    assert_non_null(strstr(csv, ",''quoted start\n"));   /* a leading ' is doubled */
    assert_non_null(strstr(csv, ",caf\xc3\xa9 -ok\n"));   /* a '-' inside is no formula */
    assert_int_equal(count_of(csv, "\n"), 1 + 4 + 1);      /* header, 4 rows, one newline in a note */
    /* Round trip: CSV -> import -> identical entries. */
    hip_painlog *back = NULL;
    assert_int_equal(hip_painlog_create(NULL, &back), HIP_OK);
    hip_status st = hip_export_import_csv_pain(back, csv, strlen(csv));
    if (st != HIP_OK) fail_msg("%s", hip_painlog_last_error(back));
    assert_same_entries(log, back);
    free(csv);
    /* The range: only the 25th. */
    csv = csv_pain(&in, day(2026, 3, 25), day(2026, 3, 25));
    assert_int_equal(count_of(csv, ",2026-03-25,"), 2);
    assert_int_equal(count_of(csv, ",2026-03-24,") + count_of(csv, ",2026-03-26,"), 0);
    free(csv);
    /* An empty input is the header alone. */
    hip_export_input_init(&in);
    csv = csv_pain(&in, 0, 0);
    assert_string_equal(csv, "time,date,nrs,context,location,side,symptoms,time_of_day,setting,note\n");
    free(csv);
    size_t len;
    assert_int_equal(hip_export_csv_pain(&in, 1, 0, NULL, 0, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_csv_pain(NULL, 0, 1, NULL, 0, &len), HIP_ERR_INVALID);
    assert_int_equal(hip_export_csv_pain(&in, 0, 1, NULL, 0, NULL), HIP_ERR_INVALID);
    hip_painlog_destroy(back);
    hip_painlog_destroy(log);
}

static void test_csv_sessions(void **state)
{
    (void)state;
    hip_session *s = sample_session(at(2026, 3, 25, 10, 0, 60), 1);
    hip_catalog *cat = NULL;
    assert_int_equal(hip_catalog_create(NULL, &cat), HIP_OK);
    const hip_session *ss[] = {s};
    hip_export_input in;
    hip_export_input_init(&in);
    in.sessions = ss;
    in.session_count = 1;
    in.catalog = cat;
    char *csv = csv_sessions(&in, -100000, 100000);
    if (getenv("EXPORT_DEBUG")) printf("%s", csv);
    const char *head = "date,time,utc_offset,session_id,exercise_order,exercise_id,exercise_name,side,set_order,"
                       "reps,reps_prescribed,good_reps,weight,weight_unit,seconds,seconds_prescribed,distance,rpe,"
                       "set_pain,pain_before,pain_during,pain_after,abandon_reason\n";
    assert_memory_equal(csv, head, strlen(head));
    /* 2 bridge sets + 1 clamshell set + 1 row for the squat without sets. */
    assert_int_equal(count_of(csv, "\n"), 1 + 4);
    /* Parse back: every row has the header's 23 cells (no quoted cells in this fixture). */
    char *line = csv;
    int rows = 0;
    while (*line) {
        char *nl = strchr(line, '\n');
        assert_non_null(nl);
        size_t commas = 0;
        int quoted = 0;
        for (char *p = line; p < nl; p++) {
            if (*p == '"') quoted = !quoted;
            commas += *p == ',' && !quoted;
        }
        assert_int_equal(commas, 22);
        if (rows == 1) {
            char want[256];
            assert_int_equal(strncmp(line, "2026-03-25,10:00:00,+01:00,", 27), 0);
            snprintf(want, sizeof want, ",1,bridge,Glute bridge,both,1,10,10,9,5,kg,,,,6,,2,4,,pain\n");
            assert_non_null(strstr(line, want));
        }
        if (rows == 3) assert_non_null(strstr(line, ",2,clamshell,"));
        if (rows == 3) assert_non_null(strstr(line, ",left,1,1,0,1,0,kg,9.5,10,,,,2,4,,pain\n"));
        if (rows == 4) assert_non_null(strstr(line, ",3,squat,\"Squat (bodyweight, to chair)\",both,,,8,,,kg,,,,,,2,4,,pain\n"));
        line = nl + 1;
        rows++;
    }
    assert_int_equal(rows, 5);
    free(csv);
    csv = csv_sessions(&in, day(2026, 3, 26), day(2026, 3, 30));
    assert_string_equal(csv, head);
    free(csv);
    hip_catalog_destroy(cat);
    hip_session_destroy(s);
}

/* ---- round trip and import errors --------------------------------------------------------- */

static void test_fhir_round_trip(void **state)
{
    (void)state;
    hip_painlog *log = sample_log();
    hip_session *s1 = sample_session(at(2026, 3, 25, 10, 0, 60), 1);
    hip_outcome_result res;
    hip_outcome_response *o = sample_outcome(&res);
    const hip_session *ss[] = {s1};
    const hip_outcome_response *os[] = {o};
    hip_export_input in;
    hip_export_input_init(&in);
    in.painlog = log;
    in.sessions = ss;
    in.session_count = 1;
    in.outcomes = os;
    in.outcome_results = &res;
    in.outcome_count = 1;
    for (int mode = 0; mode < 3; mode++)
        for (int snomed = 0; snomed < 2; snomed++) {
            hip_fhir_config c = config();
            c.pain_value = (hip_fhir_pain_value)mode;
            c.snomed_body_site = snomed;
            c.bundle_type = (hip_fhir_bundle_type)snomed;
            c.pretty = mode == 1;
            char *b = bundle(&in, -100000, 100000, &c);
            hip_painlog *back = NULL;
            assert_int_equal(hip_painlog_create(NULL, &back), HIP_OK);
            hip_status st = hip_export_import_fhir_pain(back, b, strlen(b));
            if (st != HIP_OK) fail_msg("%s", hip_painlog_last_error(back));
            assert_same_entries(log, back);   /* sessions, questionnaire and scores were skipped */
            hip_painlog_destroy(back);
            free(b);
        }
    /* One Observation alone. */
    hip_pain_entry e;
    assert_int_equal(hip_painlog_entry_at(log, 1, &e), HIP_OK);
    hip_fhir_config c = config();
    char *one = pain_fhir(&e, &c);
    hip_painlog *back = NULL;
    assert_int_equal(hip_painlog_create(NULL, &back), HIP_OK);
    assert_int_equal(hip_export_import_fhir_pain(back, one, strlen(one)), HIP_OK);
    hip_pain_entry got;
    assert_int_equal(hip_painlog_count(back), 1);
    assert_int_equal(hip_painlog_entry_at(back, 0, &got), HIP_OK);
    assert_string_equal(got.note, e.note);
    assert_int_equal(got.symptoms, e.symptoms);
    free(one);
    hip_painlog_destroy(back);
    hip_outcome_response_destroy(o);
    hip_session_destroy(s1);
    hip_painlog_destroy(log);
}

static const char ok_obs[] =
    "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
    "\"code\":\"72514-3\"}]},\"effectiveDateTime\":\"2026-01-02T09:00:00+01:00\",\"valueInteger\":5}";

static void expect_import(hip_painlog *log, int fhir, const char *text, hip_status want, const char *msg)
{
    size_t before = hip_painlog_count(log);
    hip_status st = fhir ? hip_export_import_fhir_pain(log, text, strlen(text))
                         : hip_export_import_csv_pain(log, text, strlen(text));
    if (st != want) fail_msg("status %d (want %d): %s\n%s", st, want, hip_painlog_last_error(log), text);
    if (msg && !strstr(hip_painlog_last_error(log), msg))
        fail_msg("message \"%s\" lacks \"%s\"", hip_painlog_last_error(log), msg);
    if (want != HIP_OK) assert_int_equal(hip_painlog_count(log), before);
}

static void test_import_fhir_errors(void **state)
{
    (void)state;
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    hip_pain_entry keep = entry(at(2020, 1, 1, 0, 0, 0), 0, 1, HIP_PAIN_CONTEXT_CURRENT);
    add(log, &keep);
    expect_import(log, 1, "{", HIP_ERR_FORMAT, "line 1, column 2");
    expect_import(log, 1, "[]", HIP_ERR_FORMAT, "resourceType");
    expect_import(log, 1, "{\"resourceType\":\"Patient\"}", HIP_ERR_FORMAT, "expected Observation or Bundle");
    char doc[2048];
#define OBS(fmt, ...) snprintf(doc, sizeof doc, fmt, __VA_ARGS__)
    const char *head = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                       "\"http://loinc.org\",\"code\":\"72514-3\"}]},";
    OBS("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}},"
        "{\"resource\":%s},{\"resource\":%s},{\"resource\":%s}]}",
        ok_obs, "{\"resourceType\":\"QuestionnaireResponse\"}",
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
        "\"code\":\"38208-5\"}]}}");
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "entry[3].resource.code.coding[0].code: expected 72514-3");
    OBS("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":%s},{\"resource\":%s}]}", ok_obs, ok_obs);
    expect_import(log, 1, doc, HIP_ERR_EXISTS, "entry[1]: an exact duplicate of entry[0]");
    OBS("{\"resourceType\":\"Bundle\",\"entry\":[{\"fullUrl\":\"x\"}]}%s", "");
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "entry[0].resource: expected a resource object");
    OBS("{\"resourceType\":\"Bundle\",\"entry\":{}}%s", "");
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "entry: expected an array");
    OBS("%s\"effectiveDateTime\":\"2026-01-02\",\"valueInteger\":5}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "effectiveDateTime: expected a dateTime");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00+01:00\",\"valueInteger\":11}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "valueInteger: expected an integer 0..10");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00+01:00\"}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "valueInteger: missing");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00+01:00\",\"valueQuantity\":{\"value\":4.5}}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "valueQuantity.value");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00+01:00\",\"valueQuantity\":{\"value\":4,\"code\":\"mm\"}}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "valueQuantity.code");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00+01:00\",\"valueCodeableConcept\":{\"coding\":[{\"system\":"
        "\"http://loinc.org\",\"code\":\"LA9999-9\"}]}}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "valueCodeableConcept: expected a LOINC answer code");
    OBS("{\"resourceType\":\"Observation\",\"status\":\"preliminary\",\"code\":{\"coding\":[{\"system\":"
        "\"http://loinc.org\",\"code\":\"72514-3\"}]},\"effectiveDateTime\":\"2026-01-02T09:00:00Z\",\"valueInteger\":1}%s", "");
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "status: expected final");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00Z\",\"valueInteger\":1,\"bodySite\":{\"coding\":[{\"system\":"
        "\"http://snomed.info/sct\",\"code\":\"24136001\"},{\"system\":\"urn:libhip:body-site\",\"code\":\"elbow\"}]}}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "bodySite.coding[1].code: expected a urn:libhip:body-site code");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00Z\",\"valueInteger\":1,\"component\":[{\"code\":{\"coding\":"
        "[{\"system\":\"urn:libhip:pain-context\",\"code\":\"PAIN_SOMETIMES\"}]}}]}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "component[0].code.coding[0].code: expected a pain context");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00Z\",\"valueInteger\":1,\"component\":[{\"code\":{\"coding\":"
        "[{\"system\":\"urn:libhip:pain-attribute\",\"code\":\"symptom\"}]},\"valueCodeableConcept\":{\"coding\":"
        "[{\"system\":\"urn:libhip:pain-symptom\",\"code\":\"itch\"}]}}]}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "component[0].valueCodeableConcept: expected a urn:libhip:pain-symptom");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00Z\",\"valueInteger\":1,\"component\":[{\"code\":{\"coding\":"
        "[{\"system\":\"urn:libhip:pain-attribute\",\"code\":\"mood\"}]}}]}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "component[0].code: unknown urn:libhip:pain-attribute code");
    OBS("%s\"effectiveDateTime\":\"2026-01-02T09:00:00Z\",\"valueInteger\":1,\"note\":[{\"text\":7}]}", head);
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "note[0].text");
    OBS("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"pain\"},"
        "\"effectiveDateTime\":\"2026-01-02T09:00:00Z\",\"valueInteger\":1}%s", "");
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "code.coding: expected a LOINC coding 72514-3");
    /* A session Observation alone is not a pain entry. */
    OBS("{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
        "\"urn:libhip:observation\",\"code\":\"exercise-session\"}]}}%s", "");
    expect_import(log, 1, doc, HIP_ERR_FORMAT, "expected 72514-3");
    /* Nothing changed by any of them; then a good import replaces the entries. */
    hip_pain_entry got;
    assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
    assert_int_equal(got.nrs, 1);
    expect_import(log, 1, ok_obs, HIP_OK, NULL);
    assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
    assert_int_equal(got.nrs, 5);
    assert_int_equal(got.utc_offset_min, 60);
    expect_import(log, 1, "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", HIP_OK, NULL);
    assert_int_equal(hip_painlog_count(log), 0);
    assert_int_equal(hip_export_import_fhir_pain(NULL, "{}", 2), HIP_ERR_INVALID);
    assert_int_equal(hip_export_import_fhir_pain(log, NULL, 0), HIP_ERR_INVALID);
    hip_painlog_destroy(log);
#undef OBS
}

static void test_import_csv_errors(void **state)
{
    (void)state;
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    hip_pain_entry keep = entry(at(2020, 1, 1, 0, 0, 0), 0, 1, HIP_PAIN_CONTEXT_CURRENT);
    add(log, &keep);
    const char *h = "time,nrs,context\n";
    char doc[1024];
    expect_import(log, 0, "", HIP_ERR_FORMAT, "line 1: missing header row");
    expect_import(log, 0, "time,nrs\n", HIP_ERR_FORMAT, "line 1: missing column context");
    expect_import(log, 0, "time,nrs,context,nrs\n", HIP_ERR_FORMAT, "line 1, column 18: column nrs appears twice");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00+01:00,11,current\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2, column 27 (nrs): expected an integer 0..10");
    snprintf(doc, sizeof doc, "%s2026-01-02 09:00,1,current\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2, column 1 (time)");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,1,sometimes\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2, column 24 (context)");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,1\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2: 2 cells, the header has 3");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,1,current,x\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2, column 32: more cells");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,\"1,current\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "unterminated quoted cell");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,1\"2,current\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2, column 23: a quote inside an unquoted cell");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,\"1\"x,current\n", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "expected ',' or a line end");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,1,current\r2026", h);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "a CR without LF");
    snprintf(doc, sizeof doc, "time,nrs,context,symptoms\n2026-01-02T09:00:00Z,1,current,limp;limp\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2, column 32 (symptoms): a symptom appears twice");
    snprintf(doc, sizeof doc, "time,nrs,context,symptoms\n2026-01-02T09:00:00Z,1,current,limp;\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "a trailing ';'");
    snprintf(doc, sizeof doc, "time,nrs,context,symptoms\n2026-01-02T09:00:00Z,1,current,itch\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "expected symptom names");
    snprintf(doc, sizeof doc, "time,nrs,context,side,location,time_of_day,setting\n"
                              "2026-01-02T09:00:00Z,1,current,up,,,\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "(side)");
    snprintf(doc, sizeof doc, "time,nrs,context,side,location,time_of_day,setting\n"
                              "2026-01-02T09:00:00Z,1,current,,elbow,,\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "(location)");
    snprintf(doc, sizeof doc, "time,nrs,context,side,location,time_of_day,setting\n"
                              "2026-01-02T09:00:00Z,1,current,,,noon,\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "(time_of_day)");
    snprintf(doc, sizeof doc, "time,nrs,context,side,location,time_of_day,setting\n"
                              "2026-01-02T09:00:00Z,1,current,,,,gym\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "(setting)");
    snprintf(doc, sizeof doc, "time,nrs,context,note\n2026-01-02T09:00:00Z,1,current,\"\xff\"\n");
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "line 2.note: not valid UTF-8");
    char longnote[700];
    memset(longnote, 'a', 300);
    longnote[300] = '\0';
    snprintf(doc, sizeof doc, "time,nrs,context,note\n2026-01-02T09:00:00Z,1,current,%s\n", longnote);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "(note): longer than 255 bytes");
    memset(longnote, 'a', 600);
    longnote[600] = '\0';
    snprintf(doc, sizeof doc, "time,nrs,context,note\n2026-01-02T09:00:00Z,1,current,%s\n", longnote);
    expect_import(log, 0, doc, HIP_ERR_FORMAT, "cell longer than 511 bytes");
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,1,current\n2026-01-02T09:00:00Z,1,current\n", h);
    expect_import(log, 0, doc, HIP_ERR_EXISTS, "line 3: an exact duplicate of line 2");
    hip_pain_entry got;
    assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
    assert_int_equal(got.nrs, 1);
    assert_int_equal(hip_painlog_count(log), 1);
    /* Accepted: a BOM, CRLF, unknown columns, columns in another order, blank lines, no final newline. */
    snprintf(doc, sizeof doc, "\xEF\xBB\xBF" "extra,context,nrs,time\r\nA,avg_7d,3,2026-01-02T09:00:00Z\r\n\r\n"
                              "\"b,c\",current,10,2026-01-03T09:00:00-03:30");
    expect_import(log, 0, doc, HIP_OK, NULL);
    assert_int_equal(hip_painlog_count(log), 2);
    assert_int_equal(hip_painlog_entry_at(log, 1, &got), HIP_OK);
    assert_int_equal(got.nrs, 10);
    assert_int_equal(got.utc_offset_min, -210);
    snprintf(doc, sizeof doc, "%s2026-01-02T09:00:00Z,1,current\n2026-01-02T10:00:00+01:00,1,current\n", h);
    expect_import(log, 0, doc, HIP_OK, NULL);   /* same instant, different offsets: not duplicates */
    assert_int_equal(hip_painlog_count(log), 2);
    expect_import(log, 0, h, HIP_OK, NULL);   /* the header alone: an empty log */
    assert_int_equal(hip_painlog_count(log), 0);
    assert_int_equal(hip_export_import_csv_pain(NULL, "", 0), HIP_ERR_INVALID);
    assert_int_equal(hip_export_import_csv_pain(log, NULL, 0), HIP_ERR_INVALID);
    hip_painlog_destroy(log);
}

static int same_log(const hip_painlog *a, const hip_painlog *b)
{
    if (hip_painlog_count(a) != hip_painlog_count(b)) return 0;
    for (size_t i = 0; i < hip_painlog_count(a); i++) {
        hip_pain_entry x, y;
        hip_painlog_entry_at(a, i, &x);
        hip_painlog_entry_at(b, i, &y);
        if (x.t_ns != y.t_ns || x.nrs != y.nrs || strcmp(x.note, y.note)) return 0;
    }
    return 1;
}

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_painlog *src = sample_log();
    hip_export_input in;
    hip_export_input_init(&in);
    in.painlog = src;
    hip_fhir_config c = config();
    char *b = bundle(&in, -100000, 100000, &c);
    char *csv = csv_pain(&in, -100000, 100000);
    hip_test_alloc_state as;
    hip_test_alloc_reset(&as, -1);
    hip_painlog_config pc;
    hip_painlog_config_init(&pc);
    pc.allocator = hip_test_counting_allocator(&as);
    hip_painlog *log = NULL, *ref = NULL;
    assert_int_equal(hip_painlog_create(&pc, &log), HIP_OK);
    assert_int_equal(hip_painlog_create(NULL, &ref), HIP_OK);
    hip_pain_entry keep = entry(at(2020, 1, 1, 0, 0, 0), 0, 1, HIP_PAIN_CONTEXT_CURRENT);
    add(log, &keep);
    add(ref, &keep);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_export_import_fhir_pain(log, b, strlen(b)), same_log(log, ref));
    assert_same_entries(log, src);
    hip_painlog_destroy(ref);
    ref = NULL;
    assert_int_equal(hip_painlog_create(NULL, &ref), HIP_OK);
    add(ref, &keep);
    const char *one = "time,nrs,context\n2020-01-01T00:00:00+00:00,1,current\n";
    assert_int_equal(hip_export_import_csv_pain(log, one, strlen(one)), HIP_OK);
    assert_true(same_log(log, ref));
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_export_import_csv_pain(log, csv, strlen(csv)), same_log(log, ref));
    assert_same_entries(log, src);
    /* The single-Observation path. */
    hip_pain_entry first;
    assert_int_equal(hip_painlog_entry_at(src, 0, &first), HIP_OK);
    char *obs = pain_fhir(&first, &c);
    hip_painlog_destroy(ref);
    assert_int_equal(hip_painlog_create(NULL, &ref), HIP_OK);
    for (size_t i = 0; i < hip_painlog_count(log); i++) {
        hip_pain_entry x;
        assert_int_equal(hip_painlog_entry_at(log, i, &x), HIP_OK);
        add(ref, &x);
    }
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_export_import_fhir_pain(log, obs, strlen(obs)), same_log(log, ref));
    assert_int_equal(hip_painlog_count(log), 1);
    free(obs);
    /* Exports never allocate. */
    size_t before = as.allocs, len;
    assert_int_equal(hip_export_fhir_bundle(&in, -100000, 100000, &c, NULL, 0, &len), HIP_OK);
    assert_int_equal(hip_export_csv_pain(&in, -100000, 100000, NULL, 0, &len), HIP_OK);
    assert_int_equal(as.allocs, before);
    hip_painlog_destroy(log);
    assert_int_equal(as.outstanding, 0);
    hip_painlog_destroy(ref);
    hip_painlog_destroy(src);
    free(b);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pain_golden),
        cmocka_unit_test(test_pain_options),
        cmocka_unit_test(test_bundle_shape_and_range),
        cmocka_unit_test(test_assessment),
        cmocka_unit_test(test_fhir_errors),
        cmocka_unit_test(test_csv_pain),
        cmocka_unit_test(test_csv_sessions),
        cmocka_unit_test(test_fhir_round_trip),
        cmocka_unit_test(test_import_fhir_errors),
        cmocka_unit_test(test_import_csv_errors),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
