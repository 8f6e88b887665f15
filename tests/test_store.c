/* The SQLite store: versions and corrections, tombstones, "as of" reads, day-range queries, loading
 * into the modules' objects, refusing foreign, corrupt and newer files without touching them,
 * migrations from every earlier schema version, checksums, read-only opens, allocation failures.
 * The crash and concurrency tests are in test_store_crash.c. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "hiptrack/hip_store.h"
#include "store_internal.h"

static const char program_json[] =
    "{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": ["
    " {\"effective\": \"2026-11-02\", \"sessions_per_week\": 3, \"exercises\": ["
    "   {\"exercise\": \"bridge\", \"sets\": 3, \"reps\": 10, \"hold_s\": 2},"
    "   {\"exercise\": \"clamshell\", \"side\": \"left\"}]}]}";

static const char session_json[] =
    "{\"format\": \"hiptrack.session\", \"version\": 1,"
    " \"start_ns\": 1772440200000000000, \"utc_offset_min\": 60, \"end_ns\": 1772442000000000000,"
    " \"pain_before\": 2, \"pain_during\": 3, \"pain_after\": 2,"
    " \"exercises\": [{\"exercise\": \"bridge\", \"side\": \"both\","
    "   \"prescribed\": {\"sets\": 3, \"reps\": 10},"
    "   \"sets\": [{\"rpe\": 5, \"pain\": 3, \"reps\": [{\"origin\": \"manual\"}]}]}]}";

static const char outcome_json[] =
    "{\"format\": \"hiptrack.outcome\", \"version\": 1, \"instrument\": \"hoos_jr\","
    " \"date\": \"2026-11-02\", \"answers\": {\"P5\": 1, \"P10\": 2, \"A3\": 1, \"A5\": 2,"
    " \"A12\": 2, \"A14\": 2}}";

static char tmpdir[256];

static int setup_dir(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/hip_store_test_XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    return 0;
}

static int teardown_dir(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

static const char *path_of(const char *name)
{
    static char p[400];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    return p;
}

static hip_store *open_ok(const char *path)
{
    hip_store *s = NULL;
    char err[256];
    hip_status st = hip_store_open(path, NULL, &s, err, sizeof err);
    if (st != HIP_OK) fail_msg("open %s: %s", path, err);
    return s;
}

static int32_t day_of(int y, int m, int d)
{
    int32_t out = 0;
    assert_int_equal(hip_date_from_ymd(y, m, d, &out), HIP_OK);
    return out;
}

static hip_pain_entry pain(int32_t day, int hour, int32_t nrs)
{
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = ((int64_t)day * 86400 + hour * 3600) * 1000000000LL;
    e.nrs = nrs;
    e.context = HIP_PAIN_CONTEXT_AVG_24H;
    return e;
}

static hip_progression_decision decision(int32_t day)
{
    hip_progression_decision d;
    memset(&d, 0, sizeof d);
    d.day = day;
    d.effective_day = day + 1;
    d.program_version = 2;
    d.exercise_index = 1;
    snprintf(d.rule_id, sizeof d.rule_id, "progress_reps");
    d.rule_class = HIP_PROGRESSION_CLASS_PROGRESS;
    d.priority = 50;
    d.action = HIP_PROGRESSION_CHANGE;
    d.variable = HIP_PROGRESSION_VAR_REPS;
    hip_prescription_init(&d.before, "bridge");
    d.before.load_kg = 0.1 + 0.2;  /* not exactly 0.3: the JSON must round-trip doubles */
    d.after = d.before;
    d.after.reps = 12;
    d.red_flag_tier = HIP_RED_FLAG_NONE;
    d.input_count = 2;
    snprintf(d.inputs[0].metric, sizeof d.inputs[0].metric, "pain_during");
    d.inputs[0].aggregate = HIP_PROGRESSION_AGG_MAX;
    d.inputs[0].window = 2;
    d.inputs[0].window_unit = HIP_PROGRESSION_WINDOW_SESSIONS;
    d.inputs[0].known = 1;
    d.inputs[0].value = 2.0 / 3.0;
    d.inputs[0].comparison = HIP_PROGRESSION_CMP_LE;
    d.inputs[0].threshold = 3;
    snprintf(d.inputs[0].threshold_param, sizeof d.inputs[0].threshold_param, "pain_ok");
    d.inputs[0].result = 1;
    snprintf(d.inputs[1].metric, sizeof d.inputs[1].metric, "rpe");
    d.inputs[1].comparison = HIP_PROGRESSION_CMP_KNOWN;
    d.inputs[1].result = -1;
    snprintf(d.text, sizeof d.text, "Reps of \"bridge\" go from 10 to 12 \xe2\x80\x94 pain stayed low.");
    return d;
}

/* FNV-1a of a file's bytes, and of its -wal beside it when present. */
static uint64_t file_hash(const char *path)
{
    uint64_t h = 1469598103934665603ULL;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    int c;
    while ((c = fgetc(f)) != EOF) { h ^= (unsigned char)c; h *= 1099511628211ULL; }
    fclose(f);
    return h;
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) fail_msg("%s: %s", sql, msg ? msg : "?");
    sqlite3_close(db);
}

/* ---- tests ---- */

static void test_new_store_and_reopen(void **state)
{
    (void)state;
    const char *p = path_of("new.db");
    hip_store *s = open_ok(p);
    uint32_t v = 0;
    assert_int_equal(hip_store_schema_version(s, &v), HIP_OK);
    assert_int_equal(v, HIPTRACK_STORE_SCHEMA_VERSION);
    int64_t seq = -1;
    assert_int_equal(hip_store_last_seq(s, &seq), HIP_OK);
    assert_int_equal(seq, 0);
    hip_pain_entry e = pain(day_of(2026, 11, 2), 8, 4);
    hip_store_record r;
    assert_int_equal(hip_store_put_pain(s, "pain_1", &e, &r), HIP_OK);
    assert_int_equal(r.version, 1);
    assert_int_equal(r.seq, 1);
    assert_int_equal(r.day, day_of(2026, 11, 2));
    assert_int_equal(r.kind, HIP_STORE_KIND_PAIN);
    hip_store_close(s);
    hip_store_close(NULL);

    s = open_ok(p);
    assert_int_equal(hip_store_get(s, HIP_STORE_KIND_PAIN, "pain_1", 0, &r), HIP_OK);
    assert_int_equal(r.version, 1);
    assert_true(r.json_len > 0);
    char *buf = malloc(r.json_len + 1);
    size_t len = 0;
    assert_int_equal(hip_store_read_json(s, r.seq, NULL, 0, &len), HIP_OK);
    assert_int_equal(len, r.json_len);
    assert_int_equal(hip_store_read_json(s, r.seq, buf, len, &len), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_store_read_json(s, r.seq, buf, len + 1, &len), HIP_OK);
    assert_non_null(strstr(buf, "\"hiptrack.painlog\""));
    free(buf);
    assert_int_equal(hip_store_check(s), HIP_OK);
    hip_store_close(s);

    /* The application id is in the file's header. */
    FILE *f = fopen(p, "rb");
    unsigned char h[100];
    assert_int_equal(fread(h, 1, 100, f), 100);
    fclose(f);
    assert_int_equal(h[68] << 24 | h[69] << 16 | h[70] << 8 | h[71], HIPTRACK_STORE_APPLICATION_ID);
}

static void test_versions_tombstones_as_of(void **state)
{
    (void)state;
    hip_store *s = open_ok(path_of("versions.db"));
    int32_t d = day_of(2026, 11, 2);
    hip_pain_entry e = pain(d, 8, 4);
    hip_store_record r1, r2, r3, r;
    assert_int_equal(hip_store_put_pain(s, "morning", &e, &r1), HIP_OK);
    e.nrs = 5;  /* a correction: a new version */
    assert_int_equal(hip_store_put_pain(s, "morning", &e, &r2), HIP_OK);
    assert_int_equal(r2.version, 2);
    assert_true(r2.seq > r1.seq);

    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    hip_pain_entry got;
    assert_int_equal(hip_store_load_painlog(s, d, d, 0, log), HIP_OK);
    assert_int_equal(hip_painlog_count(log), 1);
    assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
    assert_int_equal(got.nrs, 5);
    /* As of the first write: the first version. */
    assert_int_equal(hip_store_load_painlog(s, d, d, r1.seq, log), HIP_OK);
    assert_int_equal(hip_painlog_entry_at(log, 0, &got), HIP_OK);
    assert_int_equal(got.nrs, 4);
    assert_int_equal(hip_store_get(s, HIP_STORE_KIND_PAIN, "morning", r1.seq, &r), HIP_OK);
    assert_int_equal(r.version, 1);

    /* Deletion is a tombstone version; history stays. */
    assert_int_equal(hip_store_delete(s, HIP_STORE_KIND_PAIN, "morning", &r3), HIP_OK);
    assert_int_equal(r3.version, 3);
    assert_true(r3.deleted);
    assert_int_equal(r3.day, d);
    assert_int_equal(hip_store_get(s, HIP_STORE_KIND_PAIN, "morning", 0, &r), HIP_ERR_NOT_FOUND);
    assert_non_null(strstr(hip_store_last_error(s), "deleted"));
    assert_int_equal(hip_store_delete(s, HIP_STORE_KIND_PAIN, "morning", NULL), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_store_delete(s, HIP_STORE_KIND_PAIN, "nobody", NULL), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_store_get(s, HIP_STORE_KIND_PAIN, "morning", r2.seq, &r), HIP_OK);
    assert_int_equal(hip_store_read_json(s, r3.seq, NULL, 0, &(size_t){0}), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_store_record_at(s, r3.seq, &r), HIP_OK);
    assert_true(r.deleted);
    assert_int_equal(r.version, 3);
    assert_string_equal(r.record_id, "morning");
    assert_int_equal(hip_store_record_at(s, r1.seq, &r), HIP_OK);
    assert_int_equal(r.version, 1);
    assert_true(r.json_len > 0);
    assert_int_equal(hip_store_record_at(s, 999, &r), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_store_load_painlog(s, d, d, 0, log), HIP_OK);
    assert_int_equal(hip_painlog_count(log), 0);

    hip_store_query q;
    hip_store_query_init(&q);
    size_t n = 99;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 0);
    q.include_deleted = 1;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 1);
    q.all_versions = 1;
    hip_store_record all[3];
    assert_int_equal(hip_store_list(s, &q, all, 2, &n), HIP_ERR_BUFSIZE);
    assert_int_equal(n, 3);
    assert_int_equal(hip_store_list(s, &q, all, 3, &n), HIP_OK);
    for (size_t i = 0; i < 3; i++) assert_int_equal(all[i].version, i + 1);
    assert_true(all[2].deleted);
    /* Put again after a deletion: version 4, alive. */
    assert_int_equal(hip_store_put_pain(s, "morning", &e, &r), HIP_OK);
    assert_int_equal(r.version, 4);
    assert_int_equal(hip_store_get(s, HIP_STORE_KIND_PAIN, "morning", 0, &r), HIP_OK);
    hip_painlog_destroy(log);
    hip_store_close(s);
}

static void test_day_ranges_and_analytics(void **state)
{
    (void)state;
    hip_store *s = open_ok(path_of("range.db"));
    int32_t d0 = day_of(2026, 3, 1);
    char id[32];
    for (int i = 0; i < 14; i++) {
        hip_pain_entry e = pain(d0 + i, 20, i < 7 ? 6 : 3);
        snprintf(id, sizeof id, "p%d", i);
        assert_int_equal(hip_store_put_pain(s, id, &e, NULL), HIP_OK);
    }
    /* The same entry under a second id loads once (the painlog refuses exact duplicates). */
    hip_pain_entry dup = pain(d0 + 3, 20, 6);
    assert_int_equal(hip_store_put_pain(s, "dup", &dup, NULL), HIP_OK);
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    assert_int_equal(hip_store_load_painlog(s, d0 + 2, d0 + 4, 0, log), HIP_OK);
    assert_int_equal(hip_painlog_count(log), 3);
    assert_int_equal(hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log),
                     HIP_OK);
    assert_int_equal(hip_painlog_count(log), 14);
    hip_pain_window w;
    assert_int_equal(hip_painlog_rolling_mean(log, HIP_PAIN_CONTEXT_AVG_24H, d0 + 13, &w), HIP_OK);
    assert_true(w.mean_nrs > 2.99 && w.mean_nrs < 3.01);
    hip_pain_change c;
    assert_int_equal(hip_painlog_change_on(log, HIP_PAIN_CONTEXT_AVG_24H, d0 + 13, &c), HIP_OK);
    assert_int_equal(c.responder, HIP_PAIN_VERDICT_YES);

    /* Lists are by kind and day, in day order. */
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_PROGRAM, "plan", program_json,
                                        strlen(program_json), NULL), HIP_OK);
    hip_store_query q;
    hip_store_query_init(&q);
    q.kind = HIP_STORE_KIND_PAIN;
    q.from_day = d0 + 10;
    q.to_day = d0 + 11;
    hip_store_record rs[4];
    size_t n = 0;
    assert_int_equal(hip_store_list(s, &q, rs, 4, &n), HIP_OK);
    assert_int_equal(n, 2);
    assert_string_equal(rs[0].record_id, "p10");
    assert_string_equal(rs[1].record_id, "p11");
    q.kind = HIP_STORE_KIND_ANY;
    q.from_day = HIPTRACK_STORE_DAY_MIN;
    q.to_day = HIPTRACK_STORE_DAY_MAX;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 16);
    q.kind = (hip_store_kind)9;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_ERR_INVALID);
    hip_painlog_destroy(log);
    hip_store_close(s);
}

static void test_every_kind_round_trips(void **state)
{
    (void)state;
    hip_store *s = open_ok(path_of("kinds.db"));
    hip_store_record r;
    /* Program. */
    hip_program *prog = NULL, *prog2 = NULL;
    assert_int_equal(hip_program_create(NULL, &prog), HIP_OK);
    assert_int_equal(hip_program_import_json(prog, program_json, strlen(program_json)), HIP_OK);
    assert_int_equal(hip_store_put_program(s, "plan", prog, &r), HIP_OK);
    assert_int_equal(r.day, day_of(2026, 11, 2));
    assert_int_equal(hip_program_create(NULL, &prog2), HIP_OK);
    assert_int_equal(hip_store_load_program(s, "plan", 0, prog2), HIP_OK);
    assert_int_equal(hip_program_version_count(prog2), 1);
    hip_program_version pv;
    assert_int_equal(hip_program_version_at(prog2, 0, &pv), HIP_OK);
    assert_int_equal(pv.exercise_count, 2);
    assert_int_equal(hip_store_load_program(s, "nope", 0, prog2), HIP_ERR_NOT_FOUND);
    /* Session: put_json and put_session. */
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_SESSION, "s1", session_json,
                                        strlen(session_json), &r), HIP_OK);
    assert_int_equal(r.t_ns, 1772440200000000000LL);
    hip_session *sess = NULL;
    assert_int_equal(hip_session_create(NULL, &sess), HIP_OK);
    assert_int_equal(hip_store_load_session(s, "s1", 0, sess), HIP_OK);
    hip_session_info info;
    assert_int_equal(hip_session_get_info(sess, &info), HIP_OK);
    assert_int_equal(info.pain_during, 3);
    assert_int_equal(hip_store_put_session(s, "s2", sess, &r), HIP_OK);
    assert_int_equal(r.day, info.day);
    /* A loaded session is finished; loading into it again is the caller's state error. */
    assert_int_equal(hip_store_load_session(s, "s2", 0, sess), HIP_ERR_STATE);
    hip_session *running = NULL;
    assert_int_equal(hip_session_create(NULL, &running), HIP_OK);
    assert_int_equal(hip_store_put_session(s, "s3", running, NULL), HIP_ERR_STATE);
    /* Outcome. */
    hip_outcome_response *resp = NULL;
    assert_int_equal(hip_outcome_response_create(NULL, &resp), HIP_OK);
    assert_int_equal(hip_outcome_import_json(resp, outcome_json, strlen(outcome_json)), HIP_OK);
    assert_int_equal(hip_store_put_outcome(s, "visit1", resp, &r), HIP_OK);
    assert_int_equal(r.day, day_of(2026, 11, 2));
    assert_int_equal(hip_outcome_clear_date(resp), HIP_OK);
    assert_int_equal(hip_store_put_outcome(s, "visit2", resp, NULL), HIP_ERR_STATE);
    assert_int_equal(hip_store_load_outcome(s, "visit1", 0, resp), HIP_OK);
    assert_int_equal(hip_outcome_response_instrument(resp), HIP_INSTRUMENT_HOOS_JR);
    int32_t od = 0;
    assert_int_equal(hip_outcome_get_date(resp, &od), HIP_OK);
    assert_int_equal(od, day_of(2026, 11, 2));
    /* Decision: every field round-trips, doubles exactly. */
    hip_progression_decision d = decision(day_of(2026, 11, 8)), back;
    assert_int_equal(hip_store_put_decision(s, "dec_1", &d, &r), HIP_OK);
    assert_int_equal(r.day, d.day);
    memset(&back, 0x55, sizeof back);
    assert_int_equal(hip_store_load_decision(s, "dec_1", 0, &back), HIP_OK);
    assert_int_equal(back.day, d.day);
    assert_int_equal(back.effective_day, d.effective_day);
    assert_int_equal(back.exercise_index, 1);
    assert_string_equal(back.rule_id, d.rule_id);
    assert_int_equal(back.rule_class, d.rule_class);
    assert_int_equal(back.action, d.action);
    assert_int_equal(back.variable, d.variable);
    assert_true(back.before.load_kg == d.before.load_kg);
    assert_int_equal(back.after.reps, 12);
    assert_int_equal(back.input_count, 2);
    assert_true(back.inputs[0].value == d.inputs[0].value);
    assert_string_equal(back.inputs[0].threshold_param, "pain_ok");
    assert_int_equal(back.inputs[0].window_unit, HIP_PROGRESSION_WINDOW_SESSIONS);
    assert_int_equal(back.inputs[1].result, -1);
    assert_int_equal(back.inputs[1].comparison, HIP_PROGRESSION_CMP_KNOWN);
    assert_string_equal(back.text, d.text);
    /* Invalid documents are refused with the module's message; nothing is written. */
    int64_t before = 0, after = 0;
    assert_int_equal(hip_store_last_seq(s, &before), HIP_OK);
    const char bad[] = "{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": "
                       "[{\"effective\": \"2026-11-02\", \"sessions_per_week\": 3, \"exercises\": [{\"exercise\": \"bridge\", "
                       "\"reps\": 500}]}]}";
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_PROGRAM, "plan", bad, strlen(bad), NULL),
                     HIP_ERR_FORMAT);
    if (!strstr(hip_store_last_error(s), "reps")) fail_msg("%s", hip_store_last_error(s));
    const char newer[] = "{\"format\": \"hiptrack.program\", \"version\": 99, \"versions\": []}";
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_PROGRAM, "plan", newer, strlen(newer),
                                        NULL), HIP_ERR_VERSION);
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_PAIN, "plan", program_json,
                                        strlen(program_json), NULL), HIP_ERR_FORMAT);
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_ANY, "plan", program_json,
                                        strlen(program_json), NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_store_put_program(s, "Bad-Id", prog, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_store_put_program(s, "", prog, NULL), HIP_ERR_INVALID);
    hip_pain_entry e = pain(0, 0, 11);
    assert_int_equal(hip_store_put_pain(s, "p", &e, NULL), HIP_ERR_RANGE);
    assert_int_equal(hip_store_last_seq(s, &after), HIP_OK);
    assert_int_equal(before, after);
    /* Names. */
    hip_store_kind k;
    assert_string_equal(hip_store_kind_name(HIP_STORE_KIND_DECISION), "decision");
    assert_string_equal(hip_store_kind_name((hip_store_kind)42), "?");
    assert_int_equal(hip_store_kind_from_name("outcome", &k), HIP_OK);
    assert_int_equal(k, HIP_STORE_KIND_OUTCOME);
    assert_int_equal(hip_store_kind_from_name("pains", &k), HIP_ERR_NOT_FOUND);

    hip_outcome_response_destroy(resp);
    hip_session_destroy(sess);
    hip_session_destroy(running);
    hip_program_destroy(prog);
    hip_program_destroy(prog2);
    hip_store_close(s);
}

static void expect_refused(const char *p, const hip_store_config *cfg, hip_status want,
                           const char *msg_part)
{
    uint64_t h = file_hash(p);
    hip_store *s = (hip_store *)0x1;
    char err[256] = "";
    assert_int_equal(hip_store_open(p, cfg, &s, err, sizeof err), want);
    assert_null(s);
    if (msg_part && !strstr(err, msg_part)) fail_msg("message '%s' lacks '%s'", err, msg_part);
    assert_true(file_hash(p) == h);
}

static hip_assess_result assess_result(int32_t d, hip_rom_motion m, double max)
{
    hip_assess_result r;
    memset(&r, 0, sizeof r);
    r.motion = m;
    r.side = HIP_ASSESS_RIGHT;
    r.source = HIP_ASSESS_SOURCE_IMU;
    r.posture = HIP_ASSESS_STANDING;
    r.day = d;
    r.max_deg = max;
    r.range_deg = max;
    r.duration_s = 1.75;
    r.compensations = HIP_ASSESS_COMP_THIGH_ROTATION;
    r.thigh_rotation_deg = 12.25;
    r.quality = 0.8;
    return r;
}

/* Every column of every row, in seq order, as one text (to compare a file before and after a
 * migration). */
static char *all_rows(hip_store *s)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db,
        "SELECT group_concat(seq || '|' || kind || '|' || record_id || '|' || version || '|' || day"
        " || '|' || t_ns || '|' || deleted || '|' || body || '|' || coalesce(crc, 'null'), '\n')"
        " FROM (SELECT * FROM records ORDER BY seq)", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *t = (const char *)sqlite3_column_text(st, 0);
    char *out = strdup(t ? t : "");
    sqlite3_finalize(st);
    return out;
}

static int64_t seq_counter(hip_store *s)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db,
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'records'), 0)", -1, &st,
        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Assessments: one result per record, its day indexed; loads of a range, as of a seq, without
 * tombstones; documents that are not one result refused. */
static void test_assessments(void **state)
{
    (void)state;
    hip_store *s = open_ok(path_of("assess.db"));
    hip_assess_result a = assess_result(day_of(2026, 5, 1), HIP_ROM_FLEXION, 97.5);
    hip_assess_result b = assess_result(day_of(2026, 5, 8), HIP_ROM_ABDUCTION, 31);
    hip_assess_result c = assess_result(day_of(2026, 5, 3), HIP_ROM_FLEXION, 101.25);
    hip_store_record r;
    assert_int_equal(hip_store_put_assessment(s, "rom_1", &a, &r), HIP_OK);
    assert_int_equal(r.kind, HIP_STORE_KIND_ASSESSMENT);
    assert_int_equal(r.day, a.day);
    assert_int_equal(r.t_ns, 0);
    assert_int_equal(hip_store_put_assessment(s, "rom_2", &b, NULL), HIP_OK);
    int64_t before_c = 0;
    assert_int_equal(hip_store_last_seq(s, &before_c), HIP_OK);
    assert_int_equal(hip_store_put_assessment(s, "rom_3", &c, NULL), HIP_OK);
    hip_assess_history *h = NULL;
    assert_int_equal(hip_assess_history_create(NULL, &h), HIP_OK);
    assert_int_equal(hip_store_load_assessments(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, h),
                     HIP_OK);
    assert_int_equal(hip_assess_history_count(h), 3);
    hip_assess_result back;
    assert_int_equal(hip_assess_history_at(h, 1, &back), HIP_OK);   /* day order: a, c, b */
    assert_true(back.max_deg == 101.25 && back.day == c.day);
    assert_true(back.thigh_rotation_deg == 12.25 && back.compensations == HIP_ASSESS_COMP_THIGH_ROTATION);
    assert_true(back.duration_s == 1.75 && back.quality == 0.8);
    double change = 0;
    assert_int_equal(hip_assess_history_change(h, HIP_ROM_FLEXION, HIP_ASSESS_RIGHT, c.day, &change), HIP_OK);
    assert_true(change == 3.75);
    /* A day range; as of before rom_3; rom_1 deleted. */
    assert_int_equal(hip_store_load_assessments(s, day_of(2026, 5, 2), day_of(2026, 5, 8), 0, h), HIP_OK);
    assert_int_equal(hip_assess_history_count(h), 2);
    assert_int_equal(hip_store_load_assessments(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX,
                                                before_c, h), HIP_OK);
    assert_int_equal(hip_assess_history_count(h), 2);
    assert_int_equal(hip_store_delete(s, HIP_STORE_KIND_ASSESSMENT, "rom_1", NULL), HIP_OK);
    assert_int_equal(hip_store_load_assessments(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, h),
                     HIP_OK);
    assert_int_equal(hip_assess_history_count(h), 2);
    assert_int_equal(hip_assess_history_at(h, 0, &back), HIP_OK);
    assert_int_equal(back.day, c.day);
    /* A new version of a record replaces it. */
    c.max_deg = c.range_deg = 105;
    assert_int_equal(hip_store_put_assessment(s, "rom_3", &c, &r), HIP_OK);
    assert_int_equal(r.version, 2);
    assert_int_equal(hip_store_load_assessments(s, c.day, c.day, 0, h), HIP_OK);
    assert_int_equal(hip_assess_history_count(h), 1);
    assert_int_equal(hip_assess_history_at(h, 0, &back), HIP_OK);
    assert_true(back.max_deg == 105);
    /* The JSON is the assessment history's, and put_json reads it back. */
    size_t len = 0;
    assert_int_equal(hip_store_read_json(s, r.seq, NULL, 0, &len), HIP_OK);
    char *json = malloc(len + 1);
    assert_int_equal(hip_store_read_json(s, r.seq, json, len + 1, &len), HIP_OK);
    assert_non_null(strstr(json, "\"hiptrack.assessment\""));
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_ASSESSMENT, "rom_4", json, len, &r), HIP_OK);
    assert_int_equal(r.day, c.day);
    free(json);
    /* Refused: two results, none, another format, a bad result; nothing written. */
    int64_t s0 = 0, s1 = 0;
    assert_int_equal(hip_store_last_seq(s, &s0), HIP_OK);
    const char two[] = "{\"format\": \"hiptrack.assessment\", \"version\": 1, \"assessments\": ["
                       "{\"motion\": \"flexion\", \"side\": \"left\", \"source\": \"imu\", \"date\": \"2026-05-01\","
                       " \"start_deg\": 0, \"max_deg\": 90, \"range_deg\": 90},"
                       "{\"motion\": \"flexion\", \"side\": \"left\", \"source\": \"imu\", \"date\": \"2026-05-02\","
                       " \"start_deg\": 0, \"max_deg\": 95, \"range_deg\": 95}]}";
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_ASSESSMENT, "x", two, strlen(two), NULL),
                     HIP_ERR_FORMAT);
    assert_non_null(strstr(hip_store_last_error(s), "one result, found 2"));
    const char none[] = "{\"format\": \"hiptrack.assessment\", \"version\": 1, \"assessments\": []}";
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_ASSESSMENT, "x", none, strlen(none), NULL),
                     HIP_ERR_FORMAT);
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_ASSESSMENT, "x", program_json,
                                        strlen(program_json), NULL), HIP_ERR_FORMAT);
    hip_assess_result bad = a;
    bad.range_deg = 5;
    assert_int_equal(hip_store_put_assessment(s, "x", &bad, NULL), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_store_last_error(s), "range_deg"));
    assert_int_equal(hip_store_put_assessment(s, "x", NULL, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_store_put_assessment(s, "Bad", &a, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_store_last_seq(s, &s1), HIP_OK);
    assert_int_equal(s0, s1);
    assert_int_equal(hip_store_load_assessments(s, 0, 1, 0, NULL), HIP_ERR_INVALID);
    /* Names and queries by kind. */
    hip_store_kind k;
    assert_string_equal(hip_store_kind_name(HIP_STORE_KIND_ASSESSMENT), "assessment");
    assert_int_equal(hip_store_kind_from_name("assessment", &k), HIP_OK);
    assert_int_equal(k, HIP_STORE_KIND_ASSESSMENT);
    hip_store_query q;
    hip_store_query_init(&q);
    q.kind = HIP_STORE_KIND_ASSESSMENT;
    size_t n = 0;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 3);   /* rom_2, rom_3 v2, rom_4 */
    q.kind = (hip_store_kind)7;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_store_check(s), HIP_OK);
    hip_assess_history_destroy(h);
    hip_store_close(s);
}

static void test_refuses_foreign_corrupt_newer(void **state)
{
    (void)state;
    /* Not a database: text, and a short file. */
    const char *txt = path_of("notes.txt");
    write_file(txt, "hello, this is not a database, just some notes that are long enough to "
                    "fill more than one hundred bytes of a header.....", 120);
    expect_refused(txt, NULL, HIP_ERR_FORMAT, "not an SQLite database");
    const char *tiny = path_of("tiny.bin");
    write_file(tiny, "SQLite", 6);
    expect_refused(tiny, NULL, HIP_ERR_FORMAT, "not a hiptrack store");
    /* Another application's SQLite database. */
    const char *foreign = path_of("foreign.db");
    raw_exec(foreign, "CREATE TABLE t(x); INSERT INTO t VALUES(1); PRAGMA application_id = 7;");
    expect_refused(foreign, NULL, HIP_ERR_FORMAT, "application_id 0x00000007");
    const char *foreign0 = path_of("foreign0.db");
    raw_exec(foreign0, "CREATE TABLE t(x);");
    expect_refused(foreign0, NULL, HIP_ERR_FORMAT, "application_id 0x00000000");
    /* A newer schema. */
    const char *newer = path_of("newer.db");
    hip_store *s = open_ok(newer);
    hip_store_close(s);
    raw_exec(newer, "PRAGMA user_version = 99;");
    expect_refused(newer, NULL, HIP_ERR_VERSION, "schema version 99 is newer");
    /* A damaged store: our header, garbage pages. */
    const char *bad = path_of("damaged.db");
    s = open_ok(bad);
    for (int i = 0; i < 50; i++) {
        hip_pain_entry e = pain(100 + i, 1, 3);
        char id[16];
        snprintf(id, sizeof id, "p%d", i);
        assert_int_equal(hip_store_put_pain(s, id, &e, NULL), HIP_OK);
    }
    hip_store_close(s);
    FILE *f = fopen(bad, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    assert_true(size >= 4096 * 2);
    unsigned char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)(i * 37 + 11);
    fseek(f, 4096, SEEK_SET);  /* page 2 onwards: the schema's table pages */
    fwrite(junk, 1, sizeof junk, f);
    fclose(f);
    uint64_t h = file_hash(bad);
    hip_store *d = NULL;
    char err[256];
    hip_status st = hip_store_open(bad, NULL, &d, err, sizeof err);
    if (st == HIP_OK) {
        /* SQLite may not notice until the damaged page is read. */
        hip_painlog *log = NULL;
        assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
        st = hip_store_load_painlog(d, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log);
        if (st == HIP_OK) st = hip_store_check(d);
        hip_painlog_destroy(log);
        hip_store_close(d);
    }
    assert_int_equal(st, HIP_ERR_CORRUPT);
    assert_true(file_hash(bad) == h);
    /* Missing: read-only or create_if_missing 0. */
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.create_if_missing = 0;
    expect_refused(path_of("missing.db"), &cfg, HIP_ERR_NOT_FOUND, "no such store");
    cfg.create_if_missing = 1;
    cfg.read_only = 1;
    expect_refused(path_of("missing.db"), &cfg, HIP_ERR_NOT_FOUND, "no such store");
    assert_int_equal(access(path_of("missing.db"), F_OK), -1);
    /* An empty file is a new store when writable, refused read-only. */
    write_file(path_of("empty.db"), "", 0);
    expect_refused(path_of("empty.db"), &cfg, HIP_ERR_FORMAT, "empty file");
    s = open_ok(path_of("empty.db"));
    hip_store_close(s);
    /* Bad arguments. */
    hip_store *o = NULL;
    assert_int_equal(hip_store_open(NULL, NULL, &o, NULL, 0), HIP_ERR_INVALID);
    assert_int_equal(hip_store_open(path_of("x.db"), NULL, NULL, NULL, 0), HIP_ERR_INVALID);
    cfg.struct_size = 4;
    assert_int_equal(hip_store_open(path_of("x.db"), &cfg, &o, NULL, 0), HIP_ERR_INVALID);
}

static void test_read_only_never_writes(void **state)
{
    (void)state;
    const char *p = path_of("ro.db");
    hip_store *s = open_ok(p);
    hip_pain_entry e = pain(200, 9, 2);
    assert_int_equal(hip_store_put_pain(s, "a", &e, NULL), HIP_OK);
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_PROGRAM, "plan", program_json,
                                        strlen(program_json), NULL), HIP_OK);
    hip_store_close(s);
    uint64_t h = file_hash(p);
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.read_only = 1;
    char err[256];
    assert_int_equal(hip_store_open(p, &cfg, &s, err, sizeof err), HIP_OK);
    assert_int_equal(hip_store_put_pain(s, "b", &e, NULL), HIP_ERR_STATE);
    assert_non_null(strstr(hip_store_last_error(s), "read-only"));
    assert_int_equal(hip_store_delete(s, HIP_STORE_KIND_PAIN, "a", NULL), HIP_ERR_STATE);
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    assert_int_equal(hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log),
                     HIP_OK);
    assert_int_equal(hip_painlog_count(log), 1);
    assert_int_equal(hip_store_check(s), HIP_OK);
    hip_painlog_destroy(log);
    hip_store_close(s);
    assert_true(file_hash(p) == h);
    /* An older schema cannot be read without migrating: read-only says so. */
    const char *old = path_of("ro_old.db");
    hip_store *o = NULL;
    assert_int_equal(hip__store_open_upto(old, NULL, 1, &o, NULL, 0), HIP_OK);
    hip_store_close(o);
    expect_refused(old, &cfg, HIP_ERR_VERSION, "open it writable once");
}

/* Builds a file at schema version 1 with data in that version's shape (no crc column). */
static void make_v1_store(const char *p)
{
    hip_store *s = NULL;
    assert_int_equal(hip__store_open_upto(p, NULL, 1, &s, NULL, 0), HIP_OK);
    uint32_t v = 0;
    assert_int_equal(hip_store_schema_version(s, &v), HIP_OK);
    assert_int_equal(v, 1);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db,
        "INSERT INTO records(kind, record_id, version, day, t_ns, deleted, body)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &st, NULL), SQLITE_OK);
    struct { int kind; const char *id; int version; int32_t day; int64_t t_ns; int deleted;
             const char *body; } rows[] = {
        {1, "plan", 1, day_of(2026, 11, 2), 0, 0, program_json},
        {2, "s1", 1, 20514, 1772440200000000000LL, 0, session_json},
        {4, "visit1", 1, day_of(2026, 11, 2), 0, 0, outcome_json},
        {3, "p1", 1, day_of(2026, 3, 2), 0, 0,
         "{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": [{\"time\": "
         "\"2026-03-02T09:00:00+01:00\", \"nrs\": 3, \"context\": \"current\"}]}"},
        {3, "p1", 2, day_of(2026, 3, 2), 0, 0,
         "{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": [{\"time\": "
         "\"2026-03-02T09:00:00+01:00\", \"nrs\": 4, \"context\": \"current\"}]}"},
        {3, "p2", 1, day_of(2026, 3, 3), 0, 0,
         "{\"format\": \"hiptrack.painlog\", \"version\": 1, \"entries\": [{\"time\": "
         "\"2026-03-03T09:00:00+01:00\", \"nrs\": 6, \"context\": \"current\"}]}"},
        {3, "p2", 2, day_of(2026, 3, 3), 0, 1, ""},
    };
    assert_int_equal(sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        sqlite3_bind_int(st, 1, rows[i].kind);
        sqlite3_bind_text(st, 2, rows[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, rows[i].version);
        sqlite3_bind_int64(st, 4, rows[i].day);
        sqlite3_bind_int64(st, 5, rows[i].t_ns);
        sqlite3_bind_int(st, 6, rows[i].deleted);
        sqlite3_bind_text(st, 7, rows[i].body, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_reset(st);
    }
    assert_int_equal(sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_finalize(st);
    /* v1's triggers keep records append-only. */
    assert_int_not_equal(sqlite3_exec(s->db, "UPDATE records SET day = 0", NULL, NULL, NULL),
                         SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(s->db, "DELETE FROM records", NULL, NULL, NULL), SQLITE_OK);
    hip_store_close(s);
}

static void check_migrated(const char *p)
{
    hip_store *s = open_ok(p);
    uint32_t v = 0;
    assert_int_equal(hip_store_schema_version(s, &v), HIP_OK);
    assert_int_equal(v, HIPTRACK_STORE_SCHEMA_VERSION);
    assert_int_equal(hip_store_check(s), HIP_OK);
    hip_program *prog = NULL;
    assert_int_equal(hip_program_create(NULL, &prog), HIP_OK);
    assert_int_equal(hip_store_load_program(s, "plan", 0, prog), HIP_OK);
    assert_int_equal(hip_program_version_count(prog), 1);
    hip_program_destroy(prog);
    hip_session *sess = NULL;
    assert_int_equal(hip_session_create(NULL, &sess), HIP_OK);
    assert_int_equal(hip_store_load_session(s, "s1", 0, sess), HIP_OK);
    hip_session_destroy(sess);
    hip_outcome_response *resp = NULL;
    assert_int_equal(hip_outcome_response_create(NULL, &resp), HIP_OK);
    assert_int_equal(hip_store_load_outcome(s, "visit1", 0, resp), HIP_OK);
    hip_outcome_response_destroy(resp);
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    assert_int_equal(hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log),
                     HIP_OK);
    assert_int_equal(hip_painlog_count(log), 1);  /* p1 v2 (p2 deleted) */
    hip_pain_entry e;
    assert_int_equal(hip_painlog_entry_at(log, 0, &e), HIP_OK);
    assert_int_equal(e.nrs, 4);
    hip_painlog_destroy(log);
    hip_store_query q;
    hip_store_query_init(&q);
    q.all_versions = 1;
    q.include_deleted = 1;
    size_t n = 0;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 7);
    /* Every migrated row got its checksum. */
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT count(*) FROM records WHERE crc IS NULL", -1,
                                        &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    /* The rebuilt table (v3) is still append-only. */
    assert_int_not_equal(sqlite3_exec(s->db, "UPDATE records SET day = 0", NULL, NULL, NULL), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(s->db, "DELETE FROM records", NULL, NULL, NULL), SQLITE_OK);
    /* And the store goes on: new versions after the migrated ones, and the new kind. */
    hip_pain_entry e2 = pain(day_of(2026, 3, 4), 9, 2);
    hip_store_record r;
    assert_int_equal(hip_store_put_pain(s, "p1", &e2, &r), HIP_OK);
    assert_int_equal(r.version, 3);
    assert_int_equal(r.seq, 8);
    hip_assess_result a = assess_result(day_of(2026, 3, 5), HIP_ROM_EXTENSION, 20);
    assert_int_equal(hip_store_put_assessment(s, "rom", &a, &r), HIP_OK);
    assert_int_equal(r.seq, 9);
    hip_store_close(s);
}

static void test_migrations_from_every_version(void **state)
{
    (void)state;
    /* v0: a new (empty) file. */
    write_file(path_of("v0.db"), "", 0);
    hip_store *s = open_ok(path_of("v0.db"));
    uint32_t v = 0;
    assert_int_equal(hip_store_schema_version(s, &v), HIP_OK);
    assert_int_equal(v, HIPTRACK_STORE_SCHEMA_VERSION);
    hip_store_close(s);
    /* v1 with data of v1's shape. */
    make_v1_store(path_of("v1.db"));
    check_migrated(path_of("v1.db"));
    /* v2 with data written by the v2 code paths: v2 -> v3 keeps every row, column for column
     * (seq, crc), the AUTOINCREMENT counter (a seq is never reused), the triggers and the index. */
    {
        const char *p2 = path_of("v2data.db");
        hip_store *o = NULL;
        assert_int_equal(hip__store_open_upto(p2, NULL, 2, &o, NULL, 0), HIP_OK);
        hip_pain_entry pe = pain(day_of(2026, 4, 1), 8, 3);
        assert_int_equal(hip_store_put_pain(o, "p1", &pe, NULL), HIP_OK);
        pe.nrs = 5;
        assert_int_equal(hip_store_put_pain(o, "p1", &pe, NULL), HIP_OK);
        assert_int_equal(hip_store_put_json(o, HIP_STORE_KIND_PROGRAM, "plan", program_json,
                                            strlen(program_json), NULL), HIP_OK);
        hip_progression_decision d = decision(day_of(2026, 4, 2));
        assert_int_equal(hip_store_put_decision(o, "dec", &d, NULL), HIP_OK);
        assert_int_equal(hip_store_delete(o, HIP_STORE_KIND_PROGRAM, "plan", NULL), HIP_OK);
        /* v2 refuses the new kind: its CHECK says so. */
        hip_assess_result a = assess_result(day_of(2026, 4, 3), HIP_ROM_FLEXION, 90);
        assert_int_not_equal(hip_store_put_assessment(o, "rom", &a, NULL), HIP_OK);
        char *rows2 = all_rows(o);
        int64_t counter2 = seq_counter(o);
        assert_int_equal(counter2, 5);
        hip_store_close(o);
        o = open_ok(p2);
        assert_int_equal(hip_store_schema_version(o, &v), HIP_OK);
        assert_int_equal(v, 3);
        char *rows3 = all_rows(o);
        assert_string_equal(rows2, rows3);
        assert_int_equal(seq_counter(o), counter2);
        assert_int_equal(hip_store_check(o), HIP_OK);
        assert_int_not_equal(sqlite3_exec(o->db, "UPDATE records SET day = 0", NULL, NULL, NULL), SQLITE_OK);
        assert_int_not_equal(sqlite3_exec(o->db, "DELETE FROM records", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_stmt *st = NULL;
        assert_int_equal(sqlite3_prepare_v2(o->db, "SELECT count(*) FROM sqlite_master WHERE"
                                            " (type = 'index' AND name = 'records_by_day') OR"
                                            " (type = 'trigger' AND name IN ('records_no_update', 'records_no_delete'))"
                                            " OR name = 'records_v3'", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 3);
        sqlite3_finalize(st);
        hip_store_record r;
        assert_int_equal(hip_store_put_assessment(o, "rom", &a, &r), HIP_OK);
        assert_int_equal(r.seq, counter2 + 1);
        hip_painlog *log = NULL;
        assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
        assert_int_equal(hip_store_load_painlog(o, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log), HIP_OK);
        assert_int_equal(hip_painlog_count(log), 1);
        hip_painlog_destroy(log);
        hip_progression_decision back;
        assert_int_equal(hip_store_load_decision(o, "dec", 0, &back), HIP_OK);
        assert_int_equal(back.day, d.day);
        free(rows2);
        free(rows3);
        hip_store_close(o);
    }
    /* Every version up to the current one opens (the list grows with the schema). */
    for (uint32_t upto = 1; upto <= HIPTRACK_STORE_SCHEMA_VERSION; upto++) {
        char name[32];
        snprintf(name, sizeof name, "upto%u.db", upto);
        hip_store *o = NULL;
        assert_int_equal(hip__store_open_upto(path_of(name), NULL, upto, &o, NULL, 0), HIP_OK);
        assert_int_equal(hip_store_schema_version(o, &v), HIP_OK);
        assert_int_equal(v, upto);
        hip_store_close(o);
        o = open_ok(path_of(name));
        assert_int_equal(hip_store_schema_version(o, &v), HIP_OK);
        assert_int_equal(v, HIPTRACK_STORE_SCHEMA_VERSION);
        assert_int_equal(hip_store_check(o), HIP_OK);
        hip_store_close(o);
    }
}

static void copy_file(const char *from, const char *to)
{
    size_t n = 0;
    char *data = hip_test_read_file(from, &n);
    assert_non_null(data);
    write_file(to, data, n);
    free(data);
}

/* A crash in the middle of a rollback-journal transaction leaves a hot journal beside the file
 * (a store is in that mode only while it is created): the next writable open recovers it. */
static void test_hot_journal_is_recovered(void **state)
{
    (void)state;
    char p[600];
    snprintf(p, sizeof p, "%s", path_of("hot.db"));  /* path_of's buffer is reused below */
    hip_store *s = NULL;
    assert_int_equal(hip__store_open_upto(p, NULL, 1, &s, NULL, 0), HIP_OK);
    hip_store_close(s);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1;"
                                      "BEGIN; INSERT INTO records(kind, record_id, version, day, t_ns,"
                                      " body) WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v + 1"
                                      " FROM c WHERE v < 200) SELECT 3, 'x' || v, 1, 0, 0,"
                                      " printf('%.500c', 'a') FROM c;", NULL, NULL, NULL),
                     SQLITE_OK);
    char journal[600], crashed[600], crashed_journal[600];
    snprintf(journal, sizeof journal, "%.500s-journal", p);
    snprintf(crashed, sizeof crashed, "%s", path_of("crashed.db"));
    snprintf(crashed_journal, sizeof crashed_journal, "%.500s-journal", crashed);
    copy_file(p, crashed);               /* the state at the "crash": pages spilled, journal hot */
    copy_file(journal, crashed_journal);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);

    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.read_only = 1;
    expect_refused(crashed, &cfg, HIP_ERR_STATE, "only a writable open recovers");
    s = open_ok(crashed);
    assert_int_equal(hip_store_check(s), HIP_OK);
    hip_store_query q;
    hip_store_query_init(&q);
    size_t n = 99;
    assert_int_equal(hip_store_list(s, &q, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 0);              /* the uncommitted rows are gone */
    hip_store_close(s);
    assert_int_equal(access(crashed_journal, F_OK), -1);
}

static void test_damaged_records(void **state)
{
    (void)state;
    const char *p = path_of("tampered.db");
    hip_store *s = open_ok(p);
    hip_store_record r;
    assert_int_equal(hip_store_put_json(s, HIP_STORE_KIND_PROGRAM, "plan", program_json,
                                        strlen(program_json), &r), HIP_OK);
    hip_pain_entry e = pain(300, 9, 2);
    assert_int_equal(hip_store_put_pain(s, "pain_a", &e, NULL), HIP_OK);
    /* Valid JSON of the wrong shape with a matching checksum: the reader names the record. */
    const char *wrong = "{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": 3}";
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO records(kind, record_id, version, day, t_ns, deleted, body, crc)"
             " VALUES(3, 'pain_b', 1, 300, 0, 0, '%s', %u)", wrong,
             hip__store_crc32(wrong, strlen(wrong)));
    assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(NULL, &log), HIP_OK);
    assert_int_equal(hip_store_load_painlog(s, 300, 300, 0, log), HIP_ERR_CORRUPT);
    assert_non_null(strstr(hip_store_last_error(s), "pain 'pain_b'"));
    assert_int_equal(hip_painlog_count(log), 0);
    /* A value changed behind the store's back: the checksum catches it. */
    assert_int_equal(sqlite3_exec(s->db, "DROP TRIGGER records_no_update;"
                                  "UPDATE records SET body = replace(body, 'bridge', 'bridgf')"
                                  " WHERE record_id = 'plan'", NULL, NULL, NULL), SQLITE_OK);
    hip_program *prog = NULL;
    assert_int_equal(hip_program_create(NULL, &prog), HIP_OK);
    assert_int_equal(hip_store_load_program(s, "plan", 0, prog), HIP_ERR_CORRUPT);
    assert_non_null(strstr(hip_store_last_error(s), "checksum"));
    size_t n = 0;
    assert_int_equal(hip_store_read_json(s, r.seq, NULL, 0, &n), HIP_ERR_CORRUPT);
    assert_int_equal(hip_store_check(s), HIP_ERR_CORRUPT);
    hip_program_destroy(prog);
    hip_painlog_destroy(log);
    hip_store_close(s);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_test_alloc_reset(&as, -1);
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.allocator = hip_test_counting_allocator(&as);
    const char *p = path_of("alloc.db");
    hip_store *s = NULL;
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_open(p, &cfg, &s, NULL, 0), s == NULL);
    /* Puts: nothing written on failure. */
    int64_t seq0 = 0, seq1 = 0;
    hip_pain_entry e = pain(400, 8, 5);
    assert_int_equal(hip_store_last_seq(s, &seq0), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_put_pain(s, "pain_x", &e, NULL),
                                 hip_store_last_seq(s, &seq1) == HIP_OK && seq1 == seq0);
    assert_int_equal(hip_store_last_seq(s, &seq0), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_put_json(s, HIP_STORE_KIND_SESSION, "s1", session_json,
                                                        strlen(session_json), NULL),
                                 hip_store_last_seq(s, &seq1) == HIP_OK && seq1 == seq0);
    assert_int_equal(hip_store_last_seq(s, &seq0), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_put_json(s, HIP_STORE_KIND_PROGRAM, "plan",
                                                        program_json, strlen(program_json), NULL),
                                 hip_store_last_seq(s, &seq1) == HIP_OK && seq1 == seq0);
    assert_int_equal(hip_store_last_seq(s, &seq0), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_put_json(s, HIP_STORE_KIND_OUTCOME, "visit",
                                                        outcome_json, strlen(outcome_json), NULL),
                                 hip_store_last_seq(s, &seq1) == HIP_OK && seq1 == seq0);
    hip_progression_decision d = decision(400), back;
    assert_int_equal(hip_store_last_seq(s, &seq0), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_put_decision(s, "dec", &d, NULL),
                                 hip_store_last_seq(s, &seq1) == HIP_OK && seq1 == seq0);
    hip_assess_result ar = assess_result(400, HIP_ROM_FLEXION, 80);
    assert_int_equal(hip_store_last_seq(s, &seq0), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_put_assessment(s, "rom", &ar, NULL),
                                 hip_store_last_seq(s, &seq1) == HIP_OK && seq1 == seq0);
    /* Loads: the object is unchanged on failure (the painlog's and the store's allocator share
     * the counter). */
    hip_painlog_config pc;
    hip_painlog_config_init(&pc);
    pc.allocator = cfg.allocator;
    hip_painlog *log = NULL;
    assert_int_equal(hip_painlog_create(&pc, &log), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN,
                                                            HIPTRACK_STORE_DAY_MAX, 0, log),
                                 hip_painlog_count(log) == 0);
    assert_int_equal(hip_painlog_count(log), 1);
    hip_program_config prc;
    hip_program_config_init(&prc);
    prc.allocator = cfg.allocator;
    hip_program *prog = NULL;
    assert_int_equal(hip_program_create(&prc, &prog), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_load_program(s, "plan", 0, prog),
                                 hip_program_version_count(prog) == 0);
    hip_session_config sc;
    hip_session_config_init(&sc);
    sc.allocator = cfg.allocator;
    hip_session *sess = NULL;
    assert_int_equal(hip_session_create(&sc, &sess), HIP_OK);
    hip_session_info info;
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_load_session(s, "s1", 0, sess),
                                 hip_session_get_info(sess, &info) == HIP_OK
                                     && info.state == HIP_SESSION_NEW);
    hip_outcome_config oc;
    hip_outcome_config_init(&oc);
    oc.allocator = cfg.allocator;
    hip_outcome_response *resp = NULL;
    assert_int_equal(hip_outcome_response_create(&oc, &resp), HIP_OK);
    int32_t od;
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_load_outcome(s, "visit", 0, resp),
                                 hip_outcome_get_date(resp, &od) == HIP_ERR_NOT_FOUND);
    memset(&back, 0, sizeof back);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_load_decision(s, "dec", 0, &back), back.day == 0);
    assert_int_equal(back.day, 400);
    hip_assess_history_config hc;
    hip_assess_history_config_init(&hc);
    hc.allocator = cfg.allocator;
    hip_assess_history *hist = NULL;
    assert_int_equal(hip_assess_history_create(&hc, &hist), HIP_OK);
    HIP_TEST_EVERY_ALLOC_FAILURE(as, hip_store_load_assessments(s, HIPTRACK_STORE_DAY_MIN,
                                                                HIPTRACK_STORE_DAY_MAX, 0, hist),
                                 hip_assess_history_count(hist) == 0);
    assert_int_equal(hip_assess_history_count(hist), 1);
    hip_assess_history_destroy(hist);
    hip_outcome_response_destroy(resp);
    hip_session_destroy(sess);
    hip_program_destroy(prog);
    hip_painlog_destroy(log);
    hip_store_close(s);
    assert_int_equal(as.outstanding, 0);
}

static void test_decision_json_errors(void **state)
{
    (void)state;
    hip_progression_decision d = decision(10), back;
    size_t len = 0;
    assert_int_equal(hip_store_decision_export_json(&d, NULL, 0, &len), HIP_OK);
    char *buf = malloc(len + 1);
    assert_int_equal(hip_store_decision_export_json(&d, buf, len + 1, &len), HIP_OK);
    char err[256];
    assert_int_equal(hip_store_decision_import_json(NULL, buf, len, &back, err, sizeof err), HIP_OK);
    char *p = strstr(buf, "\"action\":\"change\"");
    assert_non_null(p);
    memcpy(p, "\"action\":\"chang?\"", 17);
    assert_int_equal(hip_store_decision_import_json(NULL, buf, len, &back, err, sizeof err),
                     HIP_ERR_FORMAT);
    assert_non_null(strstr(err, "action"));
    assert_int_equal(hip_store_decision_import_json(NULL, "{", 1, &back, err, sizeof err),
                     HIP_ERR_FORMAT);
    assert_non_null(strstr(err, "line 1"));
    const char newer[] = "{\"format\": \"hiptrack.decision\", \"version\": 2}";
    assert_int_equal(hip_store_decision_import_json(NULL, newer, strlen(newer), &back, err,
                                                    sizeof err), HIP_ERR_VERSION);
    d.input_count = 99;
    assert_int_equal(hip_store_decision_export_json(&d, NULL, 0, &len), HIP_ERR_INVALID);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_store_and_reopen),
        cmocka_unit_test(test_versions_tombstones_as_of),
        cmocka_unit_test(test_day_ranges_and_analytics),
        cmocka_unit_test(test_every_kind_round_trips),
        cmocka_unit_test(test_assessments),
        cmocka_unit_test(test_refuses_foreign_corrupt_newer),
        cmocka_unit_test(test_read_only_never_writes),
        cmocka_unit_test(test_migrations_from_every_version),
        cmocka_unit_test(test_hot_journal_is_recovered),
        cmocka_unit_test(test_damaged_records),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_decision_json_errors),
    };
    return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
