/* Programs: drafts and versions, the date lookup, validation, JSON import/export and its errors,
 * allocation failures. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int32_t day(int y, int m, int d)
{
    int32_t out;
    assert_int_equal(hip_date_from_ymd(y, m, d, &out), HIP_OK);
    return out;
}

static hip_program *new_program(void)
{
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(NULL, &p), HIP_OK);
    return p;
}

static void add(hip_program *p, const char *id, hip_side side, uint32_t reps)
{
    hip_prescription rx;
    hip_prescription_init(&rx, id);
    rx.side = side;
    rx.reps = reps;
    if (hip_program_add(p, &rx) != HIP_OK) fail_msg("add %s: %s", id, hip_program_last_error(p));
}

/* Version 1 on 2026-11-02 (bridge, clamshell left), version 2 on 2026-11-16 (bridge 12 reps). */
static hip_program *two_versions(void)
{
    hip_program *p = new_program();
    assert_int_equal(hip_program_begin(p, day(2026, 11, 2), 3, "start"), HIP_OK);
    add(p, "bridge", HIP_SIDE_BOTH, 10);
    add(p, "clamshell", HIP_SIDE_LEFT, 12);
    assert_int_equal(hip_program_commit(p), HIP_OK);
    assert_int_equal(hip_program_begin(p, day(2026, 11, 16), 4, NULL), HIP_OK);
    hip_prescription rx;
    assert_int_equal(hip_program_draft_at(p, 0, &rx), HIP_OK);
    rx.reps = 12;
    assert_int_equal(hip_program_replace(p, 0, &rx), HIP_OK);
    assert_int_equal(hip_program_commit(p), HIP_OK);
    return p;
}

static void test_versions_and_lookup(void **state)
{
    (void)state;
    hip_program *p = two_versions();
    assert_int_equal(hip_program_version_count(p), 2);
    hip_program_version v;
    assert_int_equal(hip_program_version_at(p, 0, &v), HIP_OK);
    assert_int_equal(v.number, 1);
    assert_int_equal(v.sessions_per_week, 3);
    assert_int_equal(v.exercise_count, 2);
    assert_string_equal(v.note, "start");
    assert_int_equal(hip_program_version_at(p, 1, &v), HIP_OK);
    assert_int_equal(v.number, 2);
    assert_int_equal(v.sessions_per_week, 4);
    assert_string_equal(v.note, "");
    /* The draft started from version 1's exercises, and version 1 is untouched. */
    hip_prescription rx;
    assert_int_equal(hip_program_exercise_at(p, 0, 0, &rx), HIP_OK);
    assert_int_equal(rx.reps, 10);
    assert_int_equal(hip_program_exercise_at(p, 1, 0, &rx), HIP_OK);
    assert_int_equal(rx.reps, 12);
    assert_int_equal(hip_program_exercise_at(p, 1, 1, &rx), HIP_OK);
    assert_string_equal(rx.exercise_id, "clamshell");
    assert_int_equal(rx.side, HIP_SIDE_LEFT);
    size_t idx;
    assert_int_equal(hip_program_version_on(p, day(2026, 11, 1), &idx), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_program_version_on(p, day(2026, 11, 2), &idx), HIP_OK);
    assert_int_equal(idx, 0);
    assert_int_equal(hip_program_version_on(p, day(2026, 11, 15), &idx), HIP_OK);
    assert_int_equal(idx, 0);
    assert_int_equal(hip_program_version_on(p, day(2026, 11, 16), &idx), HIP_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(hip_program_version_on(p, day(2030, 1, 1), &idx), HIP_OK);
    assert_int_equal(idx, 1);
    hip_program_destroy(p);
}

static void test_same_day_correction_wins(void **state)
{
    (void)state;
    hip_program *p = two_versions();
    assert_int_equal(hip_program_begin(p, day(2026, 11, 16), 4, "correction"), HIP_OK);
    assert_int_equal(hip_program_remove(p, 1), HIP_OK);
    assert_int_equal(hip_program_commit(p), HIP_OK);
    size_t idx;
    assert_int_equal(hip_program_version_on(p, day(2026, 11, 16), &idx), HIP_OK);
    assert_int_equal(idx, 2);
    hip_program_version v;
    assert_int_equal(hip_program_version_at(p, 2, &v), HIP_OK);
    assert_int_equal(v.exercise_count, 1);
    hip_program_destroy(p);
}

static void test_draft_rules(void **state)
{
    (void)state;
    hip_program *p = two_versions();
    hip_prescription rx;
    hip_prescription_init(&rx, "squat");
    size_t n;
    /* No draft open. */
    assert_int_equal(hip_program_add(p, &rx), HIP_ERR_STATE);
    assert_non_null(strstr(hip_program_last_error(p), "begin"));
    assert_int_equal(hip_program_commit(p), HIP_ERR_STATE);
    assert_int_equal(hip_program_discard(p), HIP_ERR_STATE);
    assert_int_equal(hip_program_remove(p, 0), HIP_ERR_STATE);
    assert_int_equal(hip_program_replace(p, 0, &rx), HIP_ERR_STATE);
    assert_int_equal(hip_program_draft_count(p, &n), HIP_ERR_STATE);
    assert_int_equal(hip_program_draft_at(p, 0, &rx), HIP_ERR_STATE);
    /* History is not edited: no version before the latest. */
    assert_int_equal(hip_program_begin(p, day(2026, 11, 15), 3, NULL), HIP_ERR_RANGE);
    assert_non_null(strstr(hip_program_last_error(p), "2026-11-15"));
    assert_int_equal(hip_program_begin(p, day(2026, 12, 1), 0, NULL), HIP_ERR_RANGE);
    assert_int_equal(hip_program_begin(p, day(2026, 12, 1), 15, NULL), HIP_ERR_RANGE);
    assert_int_equal(hip_program_begin(p, 9999999, 3, NULL), HIP_ERR_RANGE);
    char longnote[300];
    memset(longnote, 'n', sizeof longnote - 1);
    longnote[sizeof longnote - 1] = '\0';
    assert_int_equal(hip_program_begin(p, day(2026, 12, 1), 3, longnote), HIP_ERR_INVALID);
    assert_int_equal(hip_program_begin(p, day(2026, 12, 1), 3, NULL), HIP_OK);
    assert_int_equal(hip_program_begin(p, day(2026, 12, 1), 3, NULL), HIP_ERR_STATE);
    assert_int_equal(hip_program_draft_count(p, &n), HIP_OK);
    assert_int_equal(n, 2);
    /* Same exercise and side twice is refused; another side is fine. */
    hip_prescription_init(&rx, "clamshell");
    rx.side = HIP_SIDE_LEFT;
    assert_int_equal(hip_program_add(p, &rx), HIP_ERR_EXISTS);
    rx.side = HIP_SIDE_RIGHT;
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    assert_int_equal(hip_program_replace(p, 0, &rx), HIP_ERR_EXISTS);   /* would duplicate index 2 */
    assert_int_equal(hip_program_replace(p, 2, &rx), HIP_OK);           /* replacing itself is fine */
    assert_int_equal(hip_program_replace(p, 9, &rx), HIP_ERR_RANGE);
    assert_int_equal(hip_program_remove(p, 9), HIP_ERR_RANGE);
    assert_int_equal(hip_program_draft_at(p, 9, &rx), HIP_ERR_RANGE);
    assert_int_equal(hip_program_add(p, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_program_discard(p), HIP_OK);
    assert_int_equal(hip_program_version_count(p), 2);
    /* An empty draft cannot be committed. */
    hip_program *q = new_program();
    assert_int_equal(hip_program_begin(q, day(2026, 1, 1), 3, NULL), HIP_OK);
    assert_int_equal(hip_program_draft_count(q, &n), HIP_OK);
    assert_int_equal(n, 0);
    assert_int_equal(hip_program_commit(q), HIP_ERR_STATE);
    assert_non_null(strstr(hip_program_last_error(q), "no exercises"));
    hip_program_destroy(q);
    hip_program_destroy(p);
}

static void test_prescription_validation(void **state)
{
    (void)state;
    hip_program *p = new_program();
    assert_int_equal(hip_program_begin(p, day(2026, 1, 1), 3, NULL), HIP_OK);
    hip_prescription rx;
    const char *fields[] = {"exercise", "exercise", "sets", "sets", "reps", "hold_s", "tempo_s[0]",
                            "tempo_s[1]", "side", "load_kg", "rest_s", "pain_ceiling", "reps"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        hip_prescription_init(&rx, "squat");
        switch (i) {
        case 0: rx.exercise_id[0] = 'S'; break;
        case 1: memset(rx.exercise_id, 'a', sizeof rx.exercise_id); break;
        case 2: rx.sets = 0; break;
        case 3: rx.sets = 21; break;
        case 4: rx.reps = 101; break;
        case 5: rx.hold_s = -1; break;
        case 6: rx.tempo_concentric_s = 61; break;
        case 7: rx.tempo_eccentric_s = 0.0 / 0.0; break;
        case 8: rx.side = (hip_side)7; break;
        case 9: rx.load_kg = 1e9; break;
        case 10: rx.rest_s = 1.0 / 0.0; break;
        case 11: rx.pain_ceiling = 11; break;
        case 12: rx.reps = 0; rx.hold_s = 0; break;
        }
        assert_int_equal(hip_program_add(p, &rx), HIP_ERR_INVALID);
        if (!strstr(hip_program_last_error(p), fields[i]))
            fail_msg("case %zu: '%s' does not name %s", i, hip_program_last_error(p), fields[i]);
    }
    hip_prescription_init(&rx, "single_leg_stance");   /* hold-only is valid */
    rx.reps = 0;
    rx.hold_s = 30;
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    hip_program_destroy(p);
}

static void test_check_against_catalog(void **state)
{
    (void)state;
    hip_catalog *cat = NULL;
    assert_int_equal(hip_catalog_create(NULL, &cat), HIP_OK);
    hip_program *p = two_versions();
    assert_int_equal(hip_program_check(p, cat), HIP_OK);
    assert_int_equal(hip_program_begin(p, day(2026, 12, 1), 3, NULL), HIP_OK);
    add(p, "moon_walk", HIP_SIDE_BOTH, 10);
    assert_int_equal(hip_program_commit(p), HIP_OK);
    assert_int_equal(hip_program_check(p, cat), HIP_ERR_NOT_FOUND);
    assert_string_equal(hip_program_last_error(p),
                        "versions[2].exercises[2].exercise: no exercise \"moon_walk\" in the catalog");
    assert_int_equal(hip_program_check(p, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_program_check(NULL, cat), HIP_ERR_INVALID);
    hip_program_destroy(p);
    hip_catalog_destroy(cat);
}

static char *export_all(const hip_program *p, size_t *len_out)
{
    size_t len = 0;
    assert_int_equal(hip_program_export_json(p, NULL, 0, &len), HIP_OK);
    char *buf = malloc(len + 1);
    assert_int_equal(hip_program_export_json(p, buf, len, &len), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_program_export_json(p, buf, len + 1, &len), HIP_OK);
    *len_out = len;
    return buf;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    hip_program *p = two_versions();
    assert_int_equal(hip_program_begin(p, day(2027, 1, 4), 2, "tempo \"slow\""), HIP_OK);
    hip_prescription rx;
    hip_prescription_init(&rx, "squat");
    rx.tempo_concentric_s = 3;
    rx.tempo_eccentric_s = 1.5;
    rx.load_kg = 2.5;
    rx.hold_s = 0.25;
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    assert_int_equal(hip_program_commit(p), HIP_OK);
    size_t len;
    char *json = export_all(p, &len);
    assert_non_null(strstr(json, "\"effective\": \"2027-01-04\""));
    hip_program *q = new_program();
    if (hip_program_import_json(q, json, len) != HIP_OK) fail_msg("%s", hip_program_last_error(q));
    assert_int_equal(hip_program_version_count(q), 3);
    for (size_t v = 0; v < 3; v++) {
        hip_program_version a, b;
        hip_program_version_at(p, v, &a);
        hip_program_version_at(q, v, &b);
        assert_memory_equal(&a, &b, sizeof a);
        for (size_t i = 0; i < a.exercise_count; i++) {
            hip_prescription x, y;
            hip_program_exercise_at(p, v, i, &x);
            hip_program_exercise_at(q, v, i, &y);
            assert_memory_equal(&x, &y, sizeof x);
        }
    }
    size_t len2;
    char *json2 = export_all(q, &len2);
    assert_string_equal(json, json2);
    free(json); free(json2);
    hip_program_destroy(q);
    hip_program_destroy(p);
}

static const char *const good_doc =
    "{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [\n"
    " {\"effective\": \"2026-11-02\", \"sessions_per_week\": 3, \"exercises\": [\n"
    "   {\"exercise\": \"bridge\", \"sets\": 3, \"reps\": 10, \"hold_s\": 2},\n"
    "   {\"exercise\": \"clamshell\", \"side\": \"left\", \"tempo_s\": [2, 2]}]},\n"
    " {\"number\": 2, \"effective\": \"2026-11-16\", \"sessions_per_week\": 3, \"exercises\": [\n"
    "   {\"exercise\": \"marching_bridge\", \"sets\": 3, \"reps\": 10, \"pain_ceiling\": 4}]}]}\n";

typedef struct bad_doc { const char *text; hip_status st; const char *msg; } bad_doc;

static void test_import_errors(void **state)
{
    (void)state;
    static const bad_doc docs[] = {
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [,]}", HIP_ERR_FORMAT, "line 1, column 59"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"versions\": []}", HIP_ERR_FORMAT, "format: expected \"hiptrack.program\""},
        {"{\"format\": \"hiptrack.program\", \"version\": 3, \"versions\": []}", HIP_ERR_VERSION, "newer"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1}", HIP_ERR_FORMAT, "versions: missing"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"sessions_per_week\": 3, \"exercises\": []}]}",
         HIP_ERR_FORMAT, "versions[0].effective: missing"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-30\", \"sessions_per_week\": 3, \"exercises\": []}]}",
         HIP_ERR_FORMAT, "versions[0].effective: expected a date"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3, \"exercises\": []}]}",
         HIP_ERR_FORMAT, "versions[0].exercises: expected at least one"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 30, \"exercises\": []}]}",
         HIP_ERR_FORMAT, "versions[0].sessions_per_week: expected an integer 1..14"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\", \"reps\": 10.5}]}]}", HIP_ERR_FORMAT, "versions[0].exercises[0].reps: expected an integer 0..100"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\", \"side\": \"middle\"}]}]}", HIP_ERR_FORMAT, "versions[0].exercises[0].side: expected one of both"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\", \"tempo_s\": [2]}]}]}", HIP_ERR_FORMAT, "versions[0].exercises[0].tempo_s: expected [concentric, eccentric]"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\", \"reps\": 0}]}]}", HIP_ERR_FORMAT, "versions[0].exercises[0].reps: 0 reps needs a hold_s"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\"}, {\"exercise\": \"squat\"}]}]}", HIP_ERR_FORMAT, "versions[0].exercises[1]: squat (side both) appears twice"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\", \"weight\": 3}]}]}", HIP_ERR_FORMAT, "versions[0].exercises[0]: unknown field \"weight\""},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"number\": 2, \"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\"}]}]}", HIP_ERR_FORMAT, "versions[0].number: expected 1"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": [{\"effective\": \"2026-02-03\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\"}]}, {\"effective\": \"2026-02-01\", \"sessions_per_week\": 3,"
         " \"exercises\": [{\"exercise\": \"squat\"}]}]}", HIP_ERR_FORMAT, "versions[1].effective: before the previous"},
    };
    hip_program *p = two_versions();
    size_t len;
    char *before = export_all(p, &len);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        hip_status st = hip_program_import_json(p, docs[i].text, strlen(docs[i].text));
        const char *msg = hip_program_last_error(p);
        if (st != docs[i].st || !strstr(msg, docs[i].msg))
            fail_msg("doc %zu: status %d message '%s', expected %d with '%s'", i, st, msg,
                     docs[i].st, docs[i].msg);
    }
    char *after = export_all(p, &len);
    assert_string_equal(before, after);   /* failed imports changed nothing */
    /* An open draft blocks an import. */
    assert_int_equal(hip_program_begin(p, day(2027, 1, 1), 3, NULL), HIP_OK);
    assert_int_equal(hip_program_import_json(p, good_doc, strlen(good_doc)), HIP_ERR_STATE);
    assert_int_equal(hip_program_discard(p), HIP_OK);
    assert_int_equal(hip_program_import_json(p, good_doc, strlen(good_doc)), HIP_OK);
    assert_int_equal(hip_program_version_count(p), 2);   /* replaced, not appended */
    assert_int_equal(hip_program_import_json(p, NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_program_import_json(NULL, good_doc, 1), HIP_ERR_INVALID);
    free(before); free(after);
    hip_program_destroy(p);
}

static void test_null_and_config_errors(void **state)
{
    (void)state;
    hip_program *p = (hip_program *)&p;
    assert_int_equal(hip_program_create(NULL, NULL), HIP_ERR_INVALID);
    hip_program_config cfg;
    hip_program_config_init(&cfg);
    cfg.struct_size = 1;
    assert_int_equal(hip_program_create(&cfg, &p), HIP_ERR_INVALID);
    assert_null(p);
    hip_program_config_init(NULL);
    hip_prescription_init(NULL, "x");
    hip_program_destroy(NULL);
    assert_int_equal(hip_program_version_count(NULL), 0);
    assert_string_equal(hip_program_last_error(NULL), "");
    hip_program_version v;
    hip_prescription rx;
    size_t n;
    assert_int_equal(hip_program_version_at(NULL, 0, &v), HIP_ERR_INVALID);
    assert_int_equal(hip_program_exercise_at(NULL, 0, 0, &rx), HIP_ERR_INVALID);
    assert_int_equal(hip_program_version_on(NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_program_begin(NULL, 0, 3, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_program_commit(NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_program_discard(NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_program_add(NULL, &rx), HIP_ERR_INVALID);
    assert_int_equal(hip_program_replace(NULL, 0, &rx), HIP_ERR_INVALID);
    assert_int_equal(hip_program_remove(NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_program_draft_count(NULL, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_program_draft_at(NULL, 0, &rx), HIP_ERR_INVALID);
    assert_int_equal(hip_program_export_json(NULL, NULL, 0, &n), HIP_ERR_INVALID);
    p = two_versions();
    assert_int_equal(hip_program_version_at(p, 2, &v), HIP_ERR_RANGE);
    assert_int_equal(hip_program_exercise_at(p, 2, 0, &rx), HIP_ERR_RANGE);
    assert_int_equal(hip_program_exercise_at(p, 0, 2, &rx), HIP_ERR_RANGE);
    assert_string_equal(hip_side_name(HIP_SIDE_ALTERNATING), "alternating");
    assert_string_equal(hip_side_name((hip_side)8), "unknown");
    hip_program_destroy(p);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_program_config cfg;
    hip_program_config_init(&cfg);
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_program *p = NULL;
        hip_status st = hip_program_create(&cfg, &p);
        if (st == HIP_OK) {
            hip_program_destroy(p);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(as.outstanding, 0);
    }
    size_t failures = 0;
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, -1);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_program *p = NULL;
        assert_int_equal(hip_program_create(&cfg, &p), HIP_OK);
        assert_int_equal(hip_program_begin(p, day(2026, 1, 1), 3, NULL), HIP_OK);
        add(p, "squat", HIP_SIDE_BOTH, 10);
        assert_int_equal(hip_program_commit(p), HIP_OK);
        as.countdown = n;
        hip_status st = hip_program_import_json(p, good_doc, strlen(good_doc));
        as.countdown = -1;
        if (st == HIP_OK) {
            assert_int_equal(hip_program_version_count(p), 2);
            hip_program_destroy(p);
            assert_int_equal(as.outstanding, 0);
            break;
        }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(hip_program_version_count(p), 1);   /* the old history is intact */
        hip_prescription rx;
        assert_int_equal(hip_program_exercise_at(p, 0, 0, &rx), HIP_OK);
        assert_string_equal(rx.exercise_id, "squat");
        hip_program_destroy(p);
        assert_int_equal(as.outstanding, 0);
        failures++;
    }
    assert_true(failures >= 2);
    /* begin, add and commit under failure leave the program as it was. */
    hip_test_alloc_reset(&as, -1);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(&cfg, &p), HIP_OK);
    assert_int_equal(hip_program_begin(p, day(2026, 1, 1), 3, NULL), HIP_OK);
    hip_prescription rx;
    hip_prescription_init(&rx, "squat");
    as.countdown = 0;
    assert_int_equal(hip_program_add(p, &rx), HIP_ERR_NOMEM);
    as.countdown = -1;
    assert_int_equal(hip_program_add(p, &rx), HIP_OK);
    as.countdown = 0;
    assert_int_equal(hip_program_commit(p), HIP_ERR_NOMEM);
    assert_int_equal(hip_program_version_count(p), 0);
    as.countdown = -1;
    assert_int_equal(hip_program_commit(p), HIP_OK);   /* the draft survived the failure */
    assert_int_equal(hip_program_version_count(p), 1);
    /* The draft buffer is reused, so a new draft needs no allocation. */
    as.countdown = 0;
    assert_int_equal(hip_program_begin(p, day(2026, 2, 1), 3, NULL), HIP_OK);
    as.countdown = -1;
    hip_program_destroy(p);
    assert_int_equal(as.outstanding, 0);
}

/* begin (which copies the previous version), add and commit, failing at every allocation while
 * the arrays grow through several capacities: each failure leaves versions and draft as they were. */
static int draft_is(const hip_program *p, size_t n)
{
    size_t c = (size_t)-1;
    return hip_program_draft_count(p, &c) == HIP_OK && c == n;
}

static void test_edits_fail_cleanly_at_every_allocation(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_test_alloc_reset(&as, -1);
    hip_program_config cfg;
    hip_program_config_init(&cfg);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_program *p = NULL;
    assert_int_equal(hip_program_create(&cfg, &p), HIP_OK);
    size_t draft = 0;
    for (int v = 0; v < 12; v++) {
        size_t versions = hip_program_version_count(p);
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_program_begin(p, day(2026, 1, 1) + 7 * v, 3, NULL),
                                     hip_program_version_count(p) == versions);
        assert_true(draft_is(p, draft));   /* the previous version's exercises */
        for (int k = 0; k < 3; k++) {
            char id[32];
            snprintf(id, sizeof id, "ex_%d_%d", v, k);
            hip_prescription rx;
            hip_prescription_init(&rx, id);
            HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_program_add(p, &rx), draft_is(p, draft));
            draft++;
        }
        HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_program_commit(p),
                                     hip_program_version_count(p) == versions && draft_is(p, draft));
        assert_int_equal(hip_program_version_count(p), versions + 1);
    }
    assert_true(as.failures >= 12);
    hip_prescription rx;
    assert_int_equal(hip_program_exercise_at(p, 11, 35, &rx), HIP_OK);
    assert_string_equal(rx.exercise_id, "ex_11_2");
    assert_int_equal(hip_program_exercise_at(p, 0, 0, &rx), HIP_OK);
    assert_string_equal(rx.exercise_id, "ex_0_0");
    hip_program_destroy(p);
    assert_int_equal(as.outstanding, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_versions_and_lookup),
        cmocka_unit_test(test_same_day_correction_wins),
        cmocka_unit_test(test_draft_rules),
        cmocka_unit_test(test_prescription_validation),
        cmocka_unit_test(test_check_against_catalog),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_import_errors),
        cmocka_unit_test(test_null_and_config_errors),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_edits_fail_cleanly_at_every_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
