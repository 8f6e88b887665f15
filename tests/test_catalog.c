/* The exercise catalog: built-in content and graph invariants, lookups, custom exercises and
 * edges, JSON import/export with its error messages, and allocation failures. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static hip_catalog *new_catalog(int builtin)
{
    hip_catalog_config cfg;
    hip_catalog_config_init(&cfg);
    cfg.include_builtin = builtin;
    hip_catalog *c = NULL;
    assert_int_equal(hip_catalog_create(&cfg, &c), HIP_OK);
    assert_non_null(c);
    return c;
}

static char *export_all(const hip_catalog *c, int custom_only, size_t *len_out)
{
    size_t len = 0;
    assert_int_equal(hip_catalog_export_json(c, custom_only, NULL, 0, &len), HIP_OK);
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    size_t len2 = 0;
    assert_int_equal(hip_catalog_export_json(c, custom_only, buf, len + 1, &len2), HIP_OK);
    assert_int_equal(len, len2);
    assert_int_equal(strlen(buf), len);
    if (len_out) *len_out = len;
    return buf;
}

static void test_builtin_has_the_24_exercises(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    static const char *const ids[24] = {
        "squat", "sit_to_stand", "seated_march", "clamshell", "bridge", "standing_hip_abduction",
        "side_lying_hip_abduction", "straight_leg_raise", "hip_hinge", "step_up",
        "lateral_band_walk", "single_leg_stance", "hip_flexor_stretch", "figure4_stretch",
        "hamstring_stretch", "heel_raise", "lunge", "prone_hip_extension",
        "quadruped_hip_extension", "hip_rotation_mobility", "seated_knee_extension",
        "standing_march", "walking", "stationary_cycling"};
    for (int i = 0; i < 24; i++) {
        hip_exercise ex;
        assert_int_equal(hip_catalog_find(c, ids[i], &ex), HIP_OK);
        char code[8];
        snprintf(code, sizeof code, "EX%02d", i + 1);
        assert_string_equal(ex.code, code);
        assert_string_equal(ex.base_id, ex.id);
        assert_int_equal(ex.builtin, 1);
        assert_true(ex.name[0] != '\0');
    }
    hip_exercise ex;
    assert_int_equal(hip_catalog_find(c, "clamshell", &ex), HIP_OK);
    assert_int_equal(ex.sidedness, HIP_SIDEDNESS_UNILATERAL);
    assert_int_equal(ex.motion.segment, HIP_SEGMENT_THIGH);
    assert_int_equal(ex.dose.sets_min, 2);
    assert_int_equal(ex.dose.sets_max, 3);
    assert_int_equal(ex.dose.reps_min, 10);
    assert_int_equal(ex.dose.reps_max, 15);
    assert_true(ex.motion.hold_s_max >= 1);
    assert_int_equal(hip_catalog_find(c, "hamstring_stretch", &ex), HIP_OK);
    assert_int_equal(ex.motion.count, HIP_COUNT_HOLDS);
    assert_true(ex.categories & HIP_CATEGORY_STRETCH);
    assert_int_equal(hip_catalog_find(c, "seated_march", &ex), HIP_OK);
    assert_int_equal(ex.sidedness, HIP_SIDEDNESS_ALTERNATING);
    assert_int_equal(ex.motion.motion, HIP_MOTION_HIP_FLEXION);
    hip_catalog_destroy(c);
}

static void test_builtin_entries_validate(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    hip_catalog *fresh = new_catalog(0);
    /* Every built-in exercise passes the same validation as a custom one. */
    for (size_t i = 0; i < hip_catalog_count(c); i++) {
        hip_exercise ex;
        assert_int_equal(hip_catalog_at(c, i, &ex), HIP_OK);
        if (strcmp(ex.base_id, ex.id) != 0) {
            hip_exercise base;
            assert_int_equal(hip_catalog_find(c, ex.base_id, &base), HIP_OK);
            assert_string_equal(base.base_id, base.id);   /* bases are bases */
        }
        hip_exercise own = ex;
        own.base_id[0] = '\0';
        if (hip_catalog_add(fresh, &own) != HIP_OK) fail_msg("%s: %s", ex.id, hip_catalog_last_error(fresh));
    }
    hip_catalog_destroy(fresh);
    hip_catalog_destroy(c);
}

/* Kahn's algorithm, independent of the library's own cycle check. */
static void test_builtin_graph_is_acyclic_and_valid(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    size_t n = hip_catalog_count(c), ne = hip_catalog_edge_count(c);
    assert_true(ne >= 30);
    int *indeg = calloc(n, sizeof *indeg), *done = calloc(n, sizeof *done);
    hip_progression_edge *edges = calloc(ne, sizeof *edges);
    size_t *from = calloc(ne, sizeof *from), *to = calloc(ne, sizeof *to);
    hip_exercise *ex = calloc(n, sizeof *ex);
    for (size_t i = 0; i < n; i++) assert_int_equal(hip_catalog_at(c, i, &ex[i]), HIP_OK);
    for (size_t k = 0; k < ne; k++) {
        assert_int_equal(hip_catalog_edge_at(c, k, &edges[k]), HIP_OK);
        from[k] = to[k] = n;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(ex[i].id, edges[k].easier_id) == 0) from[k] = i;
            if (strcmp(ex[i].id, edges[k].harder_id) == 0) to[k] = i;
        }
        assert_true(from[k] < n);   /* every edge names existing exercises */
        assert_true(to[k] < n);
        assert_true(from[k] != to[k]);
        assert_true((unsigned)edges[k].change <= HIP_CHANGE_DURATION);
        for (size_t j = 0; j < k; j++)
            assert_false(from[j] == from[k] && to[j] == to[k]);   /* no duplicate edge */
        indeg[to[k]]++;
    }
    size_t removed = 0;
    for (int progress = 1; progress;) {
        progress = 0;
        for (size_t i = 0; i < n; i++) {
            if (done[i] || indeg[i] != 0) continue;
            done[i] = 1;
            removed++;
            progress = 1;
            for (size_t k = 0; k < ne; k++)
                if (from[k] == i) indeg[to[k]]--;
        }
    }
    assert_int_equal(removed, n);   /* all nodes removed: no cycle, all reachable from entries */
    free(indeg); free(done); free(edges); free(from); free(to); free(ex);
    hip_catalog_destroy(c);
}

static void test_harder_and_easier(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    hip_exercise ex;
    assert_int_equal(hip_catalog_harder(c, "bridge", 0, &ex), HIP_OK);
    assert_string_equal(ex.id, "marching_bridge");
    assert_int_equal(hip_catalog_harder(c, "bridge", 1, &ex), HIP_DONE);
    assert_int_equal(hip_catalog_easier(c, "marching_bridge", 0, &ex), HIP_OK);
    assert_string_equal(ex.id, "bridge");
    assert_int_equal(hip_catalog_harder(c, "seated_march", 0, &ex), HIP_OK);
    assert_string_equal(ex.id, "standing_march");
    /* The squat has two progressions (CLINICAL.md §4.3). */
    int found_goblet = 0, found_split = 0;
    size_t k = 0;
    while (hip_catalog_harder(c, "squat", k, &ex) == HIP_OK) {
        found_goblet |= strcmp(ex.id, "goblet_squat") == 0;
        found_split |= strcmp(ex.id, "split_squat") == 0;
        k++;
    }
    assert_int_equal(k, 2);
    assert_true(found_goblet && found_split);
    assert_int_equal(hip_catalog_easier(c, "sit_to_stand_high_seat", 0, &ex), HIP_DONE);
    assert_int_equal(hip_catalog_harder(c, "no_such", 0, &ex), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_catalog_harder(c, NULL, 0, &ex), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_easier(c, "bridge", 0, NULL), HIP_ERR_INVALID);
    hip_catalog_destroy(c);
}

static void test_lookup_errors(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    hip_exercise ex;
    hip_progression_edge e;
    assert_int_equal(hip_catalog_find(c, "nope", &ex), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_catalog_find(c, NULL, &ex), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_find(NULL, "squat", &ex), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_find(c, "squat", NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_at(c, hip_catalog_count(c), &ex), HIP_ERR_RANGE);
    assert_int_equal(hip_catalog_at(c, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_edge_at(c, hip_catalog_edge_count(c), &e), HIP_ERR_RANGE);
    assert_int_equal(hip_catalog_edge_at(NULL, 0, &e), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_count(NULL), 0);
    assert_int_equal(hip_catalog_edge_count(NULL), 0);
    assert_string_equal(hip_catalog_last_error(NULL), "");
    assert_string_equal(hip_catalog_last_error(c), "");
    hip_catalog_destroy(c);
    hip_catalog_destroy(NULL);
}

static void test_create_config_errors(void **state)
{
    (void)state;
    hip_catalog *c = (hip_catalog *)&c;
    assert_int_equal(hip_catalog_create(NULL, NULL), HIP_ERR_INVALID);
    hip_catalog_config cfg;
    hip_catalog_config_init(&cfg);
    cfg.struct_size = 4;
    assert_int_equal(hip_catalog_create(&cfg, &c), HIP_ERR_INVALID);
    assert_null(c);
    hip_catalog_config_init(&cfg);
    hip_test_alloc_state as;
    hip_test_alloc_reset(&as, -1);
    cfg.allocator = hip_test_counting_allocator(&as);
    cfg.allocator.free = NULL;   /* half an allocator */
    assert_int_equal(hip_catalog_create(&cfg, &c), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_create(NULL, &c), HIP_OK);   /* NULL config: defaults */
    assert_true(hip_catalog_count(c) > 24);
    hip_catalog_destroy(c);
    hip_catalog_config_init(NULL);
}

static hip_exercise custom_exercise(const char *id)
{
    hip_exercise ex;
    hip_exercise_init(&ex);
    snprintf(ex.id, sizeof ex.id, "%s", id);
    snprintf(ex.name, sizeof ex.name, "Custom %s", id);
    return ex;
}

static void test_add_custom(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    size_t n = hip_catalog_count(c);
    hip_exercise ex = custom_exercise("wall_squat"), got;
    snprintf(ex.base_id, sizeof ex.base_id, "squat");
    ex.builtin = 1;   /* ignored on input */
    assert_int_equal(hip_catalog_add(c, &ex), HIP_OK);
    assert_int_equal(hip_catalog_count(c), n + 1);
    assert_int_equal(hip_catalog_find(c, "wall_squat", &got), HIP_OK);
    assert_int_equal(got.builtin, 0);
    assert_string_equal(got.base_id, "squat");
    ex = custom_exercise("own_base");
    assert_int_equal(hip_catalog_add(c, &ex), HIP_OK);
    assert_int_equal(hip_catalog_find(c, "own_base", &got), HIP_OK);
    assert_string_equal(got.base_id, "own_base");
    assert_int_equal(hip_catalog_add(c, &ex), HIP_ERR_EXISTS);
    assert_non_null(strstr(hip_catalog_last_error(c), "already exists"));
    assert_int_equal(hip_catalog_add(c, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_add(NULL, &ex), HIP_ERR_INVALID);
    hip_catalog_destroy(c);
}

/* Each case breaks one field; the error names it. */
static void test_add_rejects_each_bad_field(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    size_t n = hip_catalog_count(c);
    struct { const char *field; hip_exercise ex; hip_status st; } cases[20];
    size_t k = 0;
#define CASE(fieldname, expected, stmt) do { cases[k].field = fieldname; cases[k].st = expected; \
        cases[k].ex = custom_exercise("ok_id"); { hip_exercise *e = &cases[k].ex; stmt; } k++; } while (0)
    CASE("id", HIP_ERR_INVALID, e->id[0] = 'X');
    CASE("id", HIP_ERR_INVALID, e->id[0] = '\0');
    CASE("id", HIP_ERR_INVALID, memset(e->id, 'a', sizeof e->id));
    CASE("name", HIP_ERR_INVALID, e->name[0] = '\0');
    CASE("name", HIP_ERR_INVALID, memset(e->name, 'a', sizeof e->name));
    CASE("base", HIP_ERR_INVALID, snprintf(e->base_id, sizeof e->base_id, "Bad Id"));
    CASE("base", HIP_ERR_NOT_FOUND, snprintf(e->base_id, sizeof e->base_id, "no_such_base"));
    CASE("categories", HIP_ERR_INVALID, e->categories = 0);
    CASE("categories", HIP_ERR_INVALID, e->categories = 1u << 9);
    CASE("sidedness", HIP_ERR_INVALID, e->sidedness = (hip_sidedness)9);
    CASE("dose.sets", HIP_ERR_INVALID, e->dose.sets_min = 0);
    CASE("dose.reps", HIP_ERR_INVALID, e->dose.reps_max = 101);
    CASE("dose.reps", HIP_ERR_INVALID, (e->dose.reps_min = 12, e->dose.reps_max = 10));
    CASE("dose.hold_s", HIP_ERR_INVALID, e->dose.hold_s_max = 0.0 / 0.0);
    CASE("dose.rest_s", HIP_ERR_INVALID, e->dose.rest_s = -1);
    CASE("motion", HIP_ERR_INVALID, e->motion.segment = (hip_segment)99);
    CASE("motion.excursion_deg", HIP_ERR_INVALID, e->motion.excursion_deg_max = 400);
    CASE("motion.rep_s", HIP_ERR_INVALID, e->motion.rep_s_min = 7);
    CASE("motion", HIP_ERR_INVALID, (e->motion.excursion_deg_min = e->motion.excursion_deg_max = 0));
    CASE("muscles", HIP_ERR_INVALID, memset(e->muscles, 'm', sizeof e->muscles));
#undef CASE
    for (size_t i = 0; i < k; i++) {
        hip_status st = hip_catalog_add(c, &cases[i].ex);
        if (st != cases[i].st) fail_msg("case %zu (%s): got %d", i, cases[i].field, st);
        if (!strstr(hip_catalog_last_error(c), cases[i].field))
            fail_msg("case %zu: message '%s' does not name %s", i, hip_catalog_last_error(c), cases[i].field);
    }
    assert_int_equal(hip_catalog_count(c), n);
    hip_catalog_destroy(c);
}

static void test_add_edge(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    size_t ne = hip_catalog_edge_count(c);
    hip_exercise ex = custom_exercise("wall_sit");
    assert_int_equal(hip_catalog_add(c, &ex), HIP_OK);
    assert_int_equal(hip_catalog_add_edge(c, "wall_sit", "squat", HIP_CHANGE_LEVEL), HIP_OK);
    assert_int_equal(hip_catalog_edge_count(c), ne + 1);
    hip_exercise got;
    assert_int_equal(hip_catalog_harder(c, "wall_sit", 0, &got), HIP_OK);
    assert_string_equal(got.id, "squat");
    assert_int_equal(hip_catalog_add_edge(c, "wall_sit", "squat", HIP_CHANGE_LOAD), HIP_ERR_EXISTS);
    /* squat -> ... -> lunge exists, so lunge -> wall_sit -> squat would close a cycle. */
    assert_int_equal(hip_catalog_add_edge(c, "lunge", "wall_sit", HIP_CHANGE_LEVEL), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_catalog_last_error(c), "cyclic"));
    assert_int_equal(hip_catalog_add_edge(c, "squat", "squat", HIP_CHANGE_LEVEL), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_add_edge(c, "squat", "nope", HIP_CHANGE_LEVEL), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_catalog_add_edge(c, "squat", "bridge", (hip_change)17), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_add_edge(c, NULL, "bridge", HIP_CHANGE_LEVEL), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_add_edge(NULL, "squat", "bridge", HIP_CHANGE_LEVEL), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_edge_count(c), ne + 1);
    hip_catalog_destroy(c);
}

static void test_json_round_trip(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    hip_exercise ex = custom_exercise("wall_sit");
    ex.dose.hold_s_min = 0.1;
    ex.dose.hold_s_max = 2.75;
    ex.categories = HIP_CATEGORY_STRENGTH | HIP_CATEGORY_FUNCTIONAL;
    snprintf(ex.muscles, sizeof ex.muscles, "quadriceps, \"quotes\" and \\ backslash \xc3\xa9");
    assert_int_equal(hip_catalog_add(c, &ex), HIP_OK);
    assert_int_equal(hip_catalog_add_edge(c, "wall_sit", "squat", HIP_CHANGE_LEVEL), HIP_OK);
    size_t len;
    char *json = export_all(c, 0, &len);
    hip_catalog *d = new_catalog(0);
    if (hip_catalog_import_json(d, json, len) != HIP_OK) fail_msg("%s", hip_catalog_last_error(d));
    assert_int_equal(hip_catalog_count(d), hip_catalog_count(c));
    assert_int_equal(hip_catalog_edge_count(d), hip_catalog_edge_count(c));
    for (size_t i = 0; i < hip_catalog_count(c); i++) {
        hip_exercise a, b;
        hip_catalog_at(c, i, &a);
        hip_catalog_at(d, i, &b);
        b.builtin = a.builtin;
        assert_memory_equal(&a, &b, sizeof a);   /* exercises are zero-filled, so bytes compare */
    }
    /* Importing the same document again changes nothing: identical entries are skipped. */
    assert_int_equal(hip_catalog_import_json(d, json, len), HIP_OK);
    assert_int_equal(hip_catalog_count(d), hip_catalog_count(c));
    /* The custom part alone goes into a catalog that has the built-ins. */
    char *custom = export_all(c, 1, &len);
    assert_null(strstr(custom, "\"clamshell\""));
    hip_catalog *e = new_catalog(1);
    assert_int_equal(hip_catalog_import_json(e, custom, len), HIP_OK);
    assert_int_equal(hip_catalog_count(e), hip_catalog_count(c));
    char *again = export_all(e, 0, NULL);
    assert_string_equal(again, json);
    free(again); free(custom); free(json);
    hip_catalog_destroy(e);
    hip_catalog_destroy(d);
    hip_catalog_destroy(c);
}

static void test_export_two_call(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    size_t len = 0, len2 = 0;
    assert_int_equal(hip_catalog_export_json(c, 0, NULL, 0, &len), HIP_OK);
    char *buf = malloc(len + 1);
    assert_int_equal(hip_catalog_export_json(c, 0, buf, len, &len2), HIP_ERR_BUFSIZE);
    assert_int_equal(len2, len);
    assert_int_equal(hip_catalog_export_json(c, 0, buf, 10, &len2), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_catalog_export_json(c, 0, NULL, 5, &len2), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_export_json(c, 0, buf, len + 1, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_export_json(NULL, 0, buf, len + 1, &len2), HIP_ERR_INVALID);
    free(buf);
    hip_catalog_destroy(c);
}

static const char *const good_doc =
    "{\"format\": \"hiptrack.catalog\", \"version\": 1,\n"
    " \"exercises\": [\n"
    "  {\"id\": \"towel_slide\", \"name\": \"Towel slide\", \"categories\": [\"mobility\"]},\n"
    "  {\"id\": \"band_squat\", \"name\": \"Band squat\", \"base\": \"squat\", \"categories\": [\"strength\"],\n"
    "   \"dose\": {\"sets\": [2, 3], \"reps\": 12}, \"motion\": {\"segment\": \"thigh\", \"motion\": \"hip_flexion\","
    " \"excursion_deg\": [60, 90], \"rep_s\": [2, 4]}}\n"
    " ],\n"
    " \"progressions\": [{\"easier\": \"squat\", \"harder\": \"band_squat\", \"change\": \"load\"}]}\n";

static void test_import_minimal_document(void **state)
{
    (void)state;
    hip_catalog *c = new_catalog(1);
    size_t n = hip_catalog_count(c);
    assert_int_equal(hip_catalog_import_json(c, good_doc, strlen(good_doc)), HIP_OK);
    assert_int_equal(hip_catalog_count(c), n + 2);
    hip_exercise ex;
    assert_int_equal(hip_catalog_find(c, "band_squat", &ex), HIP_OK);
    assert_int_equal(ex.dose.reps_min, 12);
    assert_int_equal(ex.dose.reps_max, 12);
    assert_int_equal(ex.dose.sets_max, 3);
    assert_int_equal(ex.motion.excursion_deg_min, 60);
    assert_int_equal(hip_catalog_find(c, "towel_slide", &ex), HIP_OK);
    assert_int_equal(ex.categories, HIP_CATEGORY_MOBILITY);
    assert_int_equal(ex.dose.rest_s, 120);   /* defaults fill what the document leaves out */
    hip_catalog_destroy(c);
}

/* A document with one defect, the status and a piece of the message it must give. */
typedef struct bad_doc { const char *text; hip_status st; const char *msg; } bad_doc;

static void test_import_errors_name_the_place(void **state)
{
    (void)state;
    static const bad_doc docs[] = {
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1,\n \"exercises\": [}", HIP_ERR_FORMAT, "line 2, column 16"},
        {"", HIP_ERR_FORMAT, "line 1, column 1"},
        {"[]", HIP_ERR_FORMAT, "document: expected an object"},
        {"{\"format\": \"hiptrack.program\", \"version\": 1, \"exercises\": []}", HIP_ERR_FORMAT, "format: expected \"hiptrack.catalog\""},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 2, \"exercises\": []}", HIP_ERR_VERSION, "newer"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1.5, \"exercises\": []}", HIP_ERR_FORMAT, "version: expected an integer"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1}", HIP_ERR_FORMAT, "exercises: missing"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": {}}", HIP_ERR_FORMAT, "exercises: expected an array"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [], \"extra\": 1}", HIP_ERR_FORMAT, "unknown field \"extra\""},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [], \"exercises\": []}", HIP_ERR_FORMAT, "\"exercises\" appears twice"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a1\", \"name\": \"A\", \"categories\": [\"strength\"]},"
         "{\"id\": \"a2\", \"name\": \"B\", \"categories\": [\"strength\"]}, {\"id\": \"a3\", \"name\": \"C\", \"categories\": [\"strength\"]},"
         "{\"id\": \"a4\", \"name\": \"D\", \"categories\": [\"strength\"], \"dose\": {\"reps\": 500}}]}",
         HIP_ERR_FORMAT, "exercises[3].dose.reps: expected an integer 0..100"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"Bad\", \"name\": \"A\", \"categories\": [\"strength\"]}]}",
         HIP_ERR_FORMAT, "exercises[0].id"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"name\": \"A\", \"categories\": [\"strength\"]}]}",
         HIP_ERR_FORMAT, "exercises[0].id: missing"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a\", \"name\": \"A\", \"categories\": [\"cardio\"]}]}",
         HIP_ERR_FORMAT, "exercises[0].categories[0]"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a\", \"name\": \"A\", \"categories\": []}]}",
         HIP_ERR_FORMAT, "exercises[0].categories: expected at least one"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a\", \"name\": \"A\", \"categories\": [\"strength\"],"
         " \"motion\": {\"segment\": \"elbow\", \"motion\": \"hip_flexion\"}}]}", HIP_ERR_FORMAT, "exercises[0].motion.segment: expected one of thigh"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a\", \"name\": \"A\", \"categories\": [\"strength\"],"
         " \"dose\": {\"sets\": [3, 2]}}]}", HIP_ERR_FORMAT, "exercises[0].dose.sets: min is greater than max"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a\", \"name\": \"A\", \"categories\": [\"strength\"],"
         " \"dose\": {\"rpes\": 3}}]}", HIP_ERR_FORMAT, "exercises[0].dose: unknown field \"rpes\""},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a\", \"name\": \"A\", \"categories\": [\"strength\"]},"
         " {\"id\": \"a\", \"name\": \"A2\", \"categories\": [\"strength\"]}]}", HIP_ERR_FORMAT, "exercises[1].id: \"a\" appears twice"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"squat\", \"name\": \"Other\", \"categories\": [\"strength\"]}]}",
         HIP_ERR_EXISTS, "exercises[0].id: \"squat\" already exists"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [{\"id\": \"a\", \"name\": \"A\", \"base\": \"zzz\", \"categories\": [\"strength\"]}]}",
         HIP_ERR_FORMAT, "base \"zzz\" does not exist"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [], \"progressions\": [{\"easier\": \"lunge\", \"harder\": \"squat\", \"change\": \"level\"}]}",
         HIP_ERR_FORMAT, "progressions[0]: \"lunge\" -> \"squat\" makes the graph cyclic"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [], \"progressions\": [{\"easier\": \"squat\", \"harder\": \"nope\", \"change\": \"level\"}]}",
         HIP_ERR_FORMAT, "progressions[0]: \"squat\" -> \"nope\" names an unknown exercise"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [], \"progressions\": [{\"easier\": \"squat\", \"harder\": \"lunge\", \"change\": \"grip\"}]}",
         HIP_ERR_FORMAT, "progressions[0].change: expected one of level"},
        {"{\"format\": \"hiptrack.catalog\", \"version\": 1, \"exercises\": [], \"progressions\": [{\"easier\": \"bridge\", \"harder\": \"marching_bridge\", \"change\": \"load\"}]}",
         HIP_ERR_EXISTS, "progressions[0]: edge already exists"},
    };
    hip_catalog *c = new_catalog(1);
    char *before = export_all(c, 0, NULL);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        hip_status st = hip_catalog_import_json(c, docs[i].text, strlen(docs[i].text));
        const char *msg = hip_catalog_last_error(c);
        if (st != docs[i].st || !strstr(msg, docs[i].msg))
            fail_msg("doc %zu: status %d message '%s', expected %d with '%s'", i, st, msg, docs[i].st,
                     docs[i].msg);
    }
    /* None of the failed imports changed anything. */
    char *after = export_all(c, 0, NULL);
    assert_string_equal(before, after);
    assert_int_equal(hip_catalog_import_json(c, NULL, 3), HIP_ERR_INVALID);
    assert_int_equal(hip_catalog_import_json(NULL, "{}", 2), HIP_ERR_INVALID);
    free(before); free(after);
    hip_catalog_destroy(c);
}

/* Fail the Nth allocation for every N: each attempt reports HIP_ERR_NOMEM, leaks nothing and
 * leaves the catalog as it was; the loop ends when the operation finally succeeds. */
static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_catalog_config cfg;
    hip_catalog_config_init(&cfg);
    long n;
    for (n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_catalog *c = NULL;
        hip_status st = hip_catalog_create(&cfg, &c);
        if (st == HIP_OK) { hip_catalog_destroy(c); assert_int_equal(as.outstanding, 0); break; }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_null(c);
        assert_int_equal(as.outstanding, 0);
    }
    assert_true(n >= 1);
    size_t imports = 0;
    for (n = 0;; n++) {
        hip_test_alloc_reset(&as, -1);
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_catalog *c = NULL;
        assert_int_equal(hip_catalog_create(&cfg, &c), HIP_OK);
        size_t count = hip_catalog_count(c), edges = hip_catalog_edge_count(c);
        as.countdown = n;
        hip_status st = hip_catalog_import_json(c, good_doc, strlen(good_doc));
        as.countdown = -1;
        if (st == HIP_OK) { hip_catalog_destroy(c); assert_int_equal(as.outstanding, 0); break; }
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_int_equal(hip_catalog_count(c), count);
        assert_int_equal(hip_catalog_edge_count(c), edges);
        hip_exercise ex = custom_exercise("after_failure");   /* the catalog still works */
        assert_int_equal(hip_catalog_add(c, &ex), HIP_OK);
        hip_catalog_destroy(c);
        assert_int_equal(as.outstanding, 0);
        imports++;
    }
    assert_true(imports >= 2);
    /* add and add_edge under failure: the catalog is unchanged. */
    hip_test_alloc_reset(&as, -1);
    cfg.allocator = hip_test_counting_allocator(&as);
    cfg.include_builtin = 0;
    hip_catalog *c = NULL;
    assert_int_equal(hip_catalog_create(&cfg, &c), HIP_OK);
    hip_exercise a = custom_exercise("first"), b = custom_exercise("second");
    as.countdown = 0;
    assert_int_equal(hip_catalog_add(c, &a), HIP_ERR_NOMEM);
    assert_int_equal(hip_catalog_count(c), 0);
    as.countdown = -1;
    assert_int_equal(hip_catalog_add(c, &a), HIP_OK);
    assert_int_equal(hip_catalog_add(c, &b), HIP_OK);
    as.countdown = 0;
    assert_int_equal(hip_catalog_add_edge(c, "first", "second", HIP_CHANGE_LEVEL), HIP_ERR_NOMEM);
    assert_int_equal(hip_catalog_edge_count(c), 0);
    as.countdown = -1;
    hip_catalog_destroy(c);
    assert_int_equal(as.outstanding, 0);
}

static void test_enum_names(void **state)
{
    (void)state;
    assert_string_equal(hip_category_name(HIP_CATEGORY_STRETCH), "stretch");
    assert_string_equal(hip_category_name((hip_category)3), "unknown");
    assert_string_equal(hip_sidedness_name(HIP_SIDEDNESS_ALTERNATING), "alternating");
    assert_string_equal(hip_segment_name(HIP_SEGMENT_SHANK), "shank");
    assert_string_equal(hip_motion_name(HIP_MOTION_HIP_ABDUCTION), "hip_abduction");
    assert_string_equal(hip_plane_name(HIP_PLANE_FRONTAL), "frontal");
    assert_string_equal(hip_count_kind_name(HIP_COUNT_CYCLES), "cycles");
    assert_string_equal(hip_change_name(HIP_CHANGE_LEVER), "lever");
    assert_string_equal(hip_segment_name((hip_segment)-1), "unknown");
    assert_string_equal(hip_motion_name((hip_motion)99), "unknown");
}

/* add and add_edge failing at every allocation while the arrays grow through several capacities
 * (with and without the built-ins): each failure leaves exercises and edges as they were. */
static void test_edits_fail_cleanly_at_every_allocation(void **state)
{
    (void)state;
    for (int builtin = 0; builtin <= 1; builtin++) {
        hip_test_alloc_state as;
        hip_test_alloc_reset(&as, -1);
        hip_catalog_config cfg;
        hip_catalog_config_init(&cfg);
        cfg.include_builtin = builtin;
        cfg.allocator = hip_test_counting_allocator(&as);
        hip_catalog *c = NULL;
        assert_int_equal(hip_catalog_create(&cfg, &c), HIP_OK);
        for (int i = 0; i < 40; i++) {
            char id[32], prev[32];
            snprintf(id, sizeof id, "custom_%d", i);
            snprintf(prev, sizeof prev, "custom_%d", i - 1);
            hip_exercise ex = custom_exercise(id);
            size_t count = hip_catalog_count(c), edges = hip_catalog_edge_count(c);
            HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_catalog_add(c, &ex),
                                         hip_catalog_count(c) == count && hip_catalog_edge_count(c) == edges);
            assert_int_equal(hip_catalog_count(c), count + 1);
            if (i == 0) continue;
            HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_catalog_add_edge(c, prev, id, HIP_CHANGE_LEVEL),
                                         hip_catalog_count(c) == count + 1 && hip_catalog_edge_count(c) == edges);
            assert_int_equal(hip_catalog_edge_count(c), edges + 1);
        }
        assert_true(as.failures >= (builtin ? 2u : 4u));   /* each growth failed at least once */
        hip_exercise got;
        assert_int_equal(hip_catalog_harder(c, "custom_38", 0, &got), HIP_OK);
        assert_string_equal(got.id, "custom_39");
        hip_catalog_destroy(c);
        assert_int_equal(as.outstanding, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_has_the_24_exercises),
        cmocka_unit_test(test_builtin_entries_validate),
        cmocka_unit_test(test_builtin_graph_is_acyclic_and_valid),
        cmocka_unit_test(test_harder_and_easier),
        cmocka_unit_test(test_lookup_errors),
        cmocka_unit_test(test_create_config_errors),
        cmocka_unit_test(test_add_custom),
        cmocka_unit_test(test_add_rejects_each_bad_field),
        cmocka_unit_test(test_add_edge),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_export_two_call),
        cmocka_unit_test(test_import_minimal_document),
        cmocka_unit_test(test_import_errors_name_the_place),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_edits_fail_cleanly_at_every_allocation),
        cmocka_unit_test(test_enum_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
