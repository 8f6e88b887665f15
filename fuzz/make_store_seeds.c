/* Writes the seed corpus of the store_file fuzz target: tiny stores (512-byte pages) made by the
 * library itself, in every schema version and with every kind of record, plus a damaged one.
 *   make_store_seeds DIR        (built with the store; run by hand, the output is committed) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "hiptrack/hip_store.h"
#include "store_internal.h"

static void die(const char *what) { fprintf(stderr, "make_store_seeds: %s\n", what); exit(1); }

/* A new file with small pages, marked as ours but without a schema: the store creates it. */
static void small_pages(const char *path)
{
    remove(path);
    sqlite3 *db = NULL;
    char sql[128];
    snprintf(sql, sizeof sql, "PRAGMA page_size = 512; PRAGMA application_id = %d; VACUUM;",
             (int)HIPTRACK_STORE_APPLICATION_ID);
    if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        die(sqlite3_errmsg(db));
    sqlite3_close(db);
}

static hip_store *open_upto(const char *path, uint32_t upto)
{
    hip_store *s = NULL;
    char err[256];
    if (hip__store_open_upto(path, NULL, upto, &s, err, sizeof err) != HIP_OK) die(err);
    return s;
}

/* Every kind of record of schema version upto (assessments from v3). */
static void every_kind(const char *p, uint32_t upto, const char *program, const char *session,
                       const char *outcome)
{
    small_pages(p);
    hip_store *s = open_upto(p, upto);
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = 1772440200000000000LL;
    e.nrs = 4;
    if (hip_store_put_pain(s, "pain_1", &e, NULL) != HIP_OK) die(hip_store_last_error(s));
    e.nrs = 5;
    if (hip_store_put_pain(s, "pain_1", &e, NULL) != HIP_OK) die(hip_store_last_error(s));
    e.t_ns += 86400000000000LL;
    if (hip_store_put_pain(s, "pain_2", &e, NULL) != HIP_OK) die(hip_store_last_error(s));
    if (hip_store_delete(s, HIP_STORE_KIND_PAIN, "pain_2", NULL) != HIP_OK) die("delete");
    if (hip_store_put_json(s, HIP_STORE_KIND_PROGRAM, "plan", program, strlen(program), NULL)
        != HIP_OK) die(hip_store_last_error(s));
    if (hip_store_put_json(s, HIP_STORE_KIND_SESSION, "s1", session, strlen(session), NULL)
        != HIP_OK) die(hip_store_last_error(s));
    if (hip_store_put_json(s, HIP_STORE_KIND_OUTCOME, "visit", outcome, strlen(outcome), NULL)
        != HIP_OK) die(hip_store_last_error(s));
    hip_progression_decision d;
    memset(&d, 0, sizeof d);
    d.day = 20400;
    d.rule_class = HIP_PROGRESSION_CLASS_KEEP;
    hip_prescription_init(&d.before, "bridge");
    d.after = d.before;
    d.input_count = 1;
    snprintf(d.inputs[0].metric, sizeof d.inputs[0].metric, "pain_during");
    snprintf(d.text, sizeof d.text, "Keep.");
    if (hip_store_put_decision(s, "dec", &d, NULL) != HIP_OK) die(hip_store_last_error(s));
    if (upto >= 3) {
        hip_assess_result a;
        memset(&a, 0, sizeof a);
        a.motion = HIP_ROM_FLEXION;
        a.side = HIP_ASSESS_LEFT;
        a.source = HIP_ASSESS_SOURCE_POSE;
        a.day = 20401;
        a.start_deg = 4;
        a.max_deg = 104;
        a.range_deg = 100;
        a.compensations = HIP_ASSESS_COMP_TRUNK_LEAN;
        a.trunk_lean_deg = 11;
        a.quality = 0.9;
        if (hip_store_put_assessment(s, "rom_1", &a, NULL) != HIP_OK) die(hip_store_last_error(s));
    }
    hip_store_close(s);
}

int main(int argc, char **argv)
{
    if (argc != 2) die("usage: make_store_seeds DIR");
    char p[512];
    const char *program = "{\"format\": \"hiptrack.program\", \"version\": 1, \"versions\": "
        "[{\"effective\": \"2026-11-02\", \"sessions_per_week\": 3, \"exercises\": "
        "[{\"exercise\": \"bridge\", \"sets\": 3, \"reps\": 10}]}]}";
    const char *session = "{\"format\": \"hiptrack.session\", \"version\": 1, \"start_ns\": "
        "1772440200000000000, \"utc_offset_min\": 60, \"end_ns\": 1772442000000000000, "
        "\"exercises\": [{\"exercise\": \"bridge\", \"prescribed\": {\"sets\": 1, \"reps\": 5}, "
        "\"sets\": [{\"reps\": [{\"origin\": \"manual\"}]}]}]}";
    const char *outcome = "{\"format\": \"hiptrack.outcome\", \"version\": 1, \"instrument\": "
        "\"hoos_jr\", \"date\": \"2026-11-02\", \"answers\": {\"P5\": 1, \"A3\": 2}}";

    snprintf(p, sizeof p, "%s/empty_v2.db", argv[1]);
    small_pages(p);
    hip_store_close(open_upto(p, 2));

    snprintf(p, sizeof p, "%s/empty_v1.db", argv[1]);
    small_pages(p);
    hip_store_close(open_upto(p, 1));

    snprintf(p, sizeof p, "%s/every_kind.db", argv[1]);
    every_kind(p, HIPTRACK_STORE_SCHEMA_VERSION, program, session, outcome);
    snprintf(p, sizeof p, "%s/every_kind_v2.db", argv[1]);
    every_kind(p, 2, program, session, outcome);

    /* v1 with a pain record (the v2 migration fills its checksum). */
    snprintf(p, sizeof p, "%s/pain_v1.db", argv[1]);
    small_pages(p);
    hip_store *s = open_upto(p, 1);
    if (sqlite3_exec(s->db, "INSERT INTO records(kind, record_id, version, day, t_ns, body) VALUES"
                     "(3, 'p', 1, 20514, 0, '{\"format\": \"hiptrack.painlog\", \"version\": 1, "
                     "\"entries\": [{\"time\": \"2026-03-02T09:00:00Z\", \"nrs\": 3, \"context\": "
                     "\"current\"}]}')", NULL, NULL, NULL) != SQLITE_OK) die("insert v1");
    hip_store_close(s);

    /* A record whose JSON does not read back, with a valid checksum. */
    snprintf(p, sizeof p, "%s/bad_record.db", argv[1]);
    small_pages(p);
    s = open_upto(p, 2);
    char sql[400];
    const char *bad = "{\"format\": \"hiptrack.session\", \"version\": 1}";
    snprintf(sql, sizeof sql, "INSERT INTO records(kind, record_id, version, day, t_ns, body, crc)"
             " VALUES(2, 's', 1, 0, 0, '%s', %u)", bad, hip__store_crc32(bad, strlen(bad)));
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) die("insert bad");
    hip_store_close(s);

    /* A newer schema version. */
    snprintf(p, sizeof p, "%s/newer.db", argv[1]);
    small_pages(p);
    s = open_upto(p, HIPTRACK_STORE_SCHEMA_VERSION);
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", HIPTRACK_STORE_SCHEMA_VERSION + 1);
    sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    hip_store_close(s);
    return 0;
}
