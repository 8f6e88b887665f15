/* The schema and its forward migrations. Each step runs in its own transaction and sets
 * user_version, so a crash between steps leaves a file at a known version; a step is never edited
 * once released (files in the wild were made by it): a change is a new step.
 *
 *   v1  the records table (append-only: triggers refuse UPDATE and DELETE), application_id
 *   v2  a CRC-32 column for every record (filled for the records of v1), and the indexes for
 *       queries by day and by record
 *   v3  kind 6 (assessment): SQLite cannot alter a CHECK constraint, so the table is rebuilt with
 *       CHECK(kind BETWEEN 1 AND 6), every row copied with its seq and crc, the AUTOINCREMENT
 *       counter carried over, the triggers and the index recreated */
#include "store_internal.h"

#include <stdio.h>

static const char v1_sql[] =
    "CREATE TABLE records("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " kind INTEGER NOT NULL CHECK(kind BETWEEN 1 AND 5),"
    " record_id TEXT NOT NULL,"
    " version INTEGER NOT NULL CHECK(version >= 1),"
    " day INTEGER NOT NULL,"
    " t_ns INTEGER NOT NULL,"
    " deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),"
    " body TEXT NOT NULL,"
    " UNIQUE(kind, record_id, version));"
    "CREATE TRIGGER records_no_update BEFORE UPDATE ON records"
    " BEGIN SELECT RAISE(ABORT, 'hiptrack store records are append-only'); END;"
    "CREATE TRIGGER records_no_delete BEFORE DELETE ON records"
    " BEGIN SELECT RAISE(ABORT, 'hiptrack store records are append-only'); END;";

static const char v2_sql[] =
    "ALTER TABLE records ADD COLUMN crc INTEGER;"
    "DROP TRIGGER records_no_update;"
    "UPDATE records SET crc = hip_crc32(body);"
    "CREATE TRIGGER records_no_update BEFORE UPDATE ON records"
    " BEGIN SELECT RAISE(ABORT, 'hiptrack store records are append-only'); END;"
    "CREATE INDEX records_by_day ON records(kind, day, t_ns);";

/* The triggers go first (the old table's are dropped with it anyway; this makes sure no DELETE
 * trigger sees the drop). sqlite_sequence keeps records' counter: seqs are never reused. */
static const char v3_sql[] =
    "DROP TRIGGER records_no_update;"
    "DROP TRIGGER records_no_delete;"
    "CREATE TABLE records_v3("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    " kind INTEGER NOT NULL CHECK(kind BETWEEN 1 AND 6),"
    " record_id TEXT NOT NULL,"
    " version INTEGER NOT NULL CHECK(version >= 1),"
    " day INTEGER NOT NULL,"
    " t_ns INTEGER NOT NULL,"
    " deleted INTEGER NOT NULL DEFAULT 0 CHECK(deleted IN (0, 1)),"
    " body TEXT NOT NULL,"
    " crc INTEGER,"
    " UNIQUE(kind, record_id, version));"
    "INSERT INTO records_v3(seq, kind, record_id, version, day, t_ns, deleted, body, crc)"
    " SELECT seq, kind, record_id, version, day, t_ns, deleted, body, crc FROM records ORDER BY seq;"
    "INSERT INTO sqlite_sequence(name, seq)"
    " SELECT 'records_v3', seq FROM sqlite_sequence WHERE name = 'records'"
    "   AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'records_v3');"
    "UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence"
    " WHERE name = 'records'), 0)) WHERE name = 'records_v3';"
    "DROP TABLE records;"
    "ALTER TABLE records_v3 RENAME TO records;"
    "CREATE TRIGGER records_no_update BEFORE UPDATE ON records"
    " BEGIN SELECT RAISE(ABORT, 'hiptrack store records are append-only'); END;"
    "CREATE TRIGGER records_no_delete BEFORE DELETE ON records"
    " BEGIN SELECT RAISE(ABORT, 'hiptrack store records are append-only'); END;"
    "CREATE INDEX records_by_day ON records(kind, day, t_ns);";

static const char *const steps[] = {NULL, v1_sql, v2_sql, v3_sql};

static void crc_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const void *p = sqlite3_value_blob(argv[0]);
    int n = sqlite3_value_bytes(argv[0]);
    sqlite3_result_int64(ctx, (sqlite3_int64)hip__store_crc32(p ? p : "", (size_t)n));
}

int hip__store_register_functions(sqlite3 *db)
{
    return sqlite3_create_function(db, "hip_crc32", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   crc_fn, NULL, NULL);
}

static int user_version(sqlite3 *db, uint32_t *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) { *out = (uint32_t)sqlite3_column_int64(st, 0); rc = SQLITE_OK; }
    }
    sqlite3_finalize(st);
    return rc;
}

hip_status hip__store_migrate(hip_store *s, uint32_t upto)
{
    if (upto > HIPTRACK_STORE_SCHEMA_VERSION) upto = HIPTRACK_STORE_SCHEMA_VERSION;
    for (;;) {
        /* The version is read inside the write transaction: another process opening the same new
         * file at the same moment migrates once, the other sees the result. */
        int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "migration: cannot lock the store");
        uint32_t v = 0;
        rc = user_version(s->db, &v);
        if (rc != SQLITE_OK || v >= upto) {
            sqlite3_exec(s->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
            return rc == SQLITE_OK ? HIP_OK : hip__store_sqlerr(s, rc, "migration");
        }
        char tail[96];
        snprintf(tail, sizeof tail, "PRAGMA user_version = %u; PRAGMA application_id = %d;",
                 v + 1, (int)HIPTRACK_STORE_APPLICATION_ID);
        rc = sqlite3_exec(s->db, steps[v + 1], NULL, NULL, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, tail, NULL, NULL, NULL);
        if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK) {
            char what[64];
            snprintf(what, sizeof what, "migration to schema version %u", v + 1);
            hip_status st = hip__store_sqlerr(s, rc, what);
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return st;
        }
    }
}
