/* Opening a store: refuse what is not ours before SQLite may write to it, then migrate. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

void hip_store_config_init(hip_store_config *config)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
    config->create_if_missing = 1;
    config->busy_timeout_ms = 5000;
    config->sync = HIP_STORE_SYNC_FULL;
}

/* What the file's first 100 bytes say, read with plain stdio so that nothing is written. */
typedef enum file_kind { FILE_MISSING, FILE_EMPTY, FILE_OURS, FILE_REFUSED } file_kind;

static file_kind inspect_file(const char *path, hip__error *e)
{
    FILE *f = fopen(path, "rb");
    if (!f) return FILE_MISSING;
    unsigned char h[100];
    size_t n = fread(h, 1, sizeof h, f);
    int err = ferror(f);
    fclose(f);
    if (err) {
        hip__seterr(e, HIP_ERR_STATE, "%s: cannot read the file", path);
        return FILE_REFUSED;
    }
    if (n == 0) return FILE_EMPTY;
    if (n < sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
        hip__seterr(e, HIP_ERR_FORMAT, "%s: not a hiptrack store (not an SQLite database)", path);
        return FILE_REFUSED;
    }
    uint32_t app = (uint32_t)h[68] << 24 | (uint32_t)h[69] << 16 | (uint32_t)h[70] << 8 | h[71];
    if (app != HIPTRACK_STORE_APPLICATION_ID) {
        hip__seterr(e, HIP_ERR_FORMAT,
                    "%s: not a hiptrack store (an SQLite database with application_id 0x%08lx, "
                    "expected 0x%08lx)", path, (unsigned long)app,
                    (unsigned long)HIPTRACK_STORE_APPLICATION_ID);
        return FILE_REFUSED;
    }
    return FILE_OURS;
}

static int pragma_int(sqlite3 *db, const char *sql, int64_t *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) { *out = sqlite3_column_int64(st, 0); rc = SQLITE_OK; }
        else if (rc == SQLITE_DONE) rc = SQLITE_CORRUPT;
    }
    sqlite3_finalize(st);
    return rc;
}

static hip_status connect(hip_store *s, const char *path, int flags)
{
    int rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_EXRESCODE, NULL);
    if (rc != SQLITE_OK) {
        hip_status st = hip__store_status_of(rc);
        hip__seterr(&s->err, st == HIP_OK ? HIP_ERR_STATE : st, "%s: cannot open: %s", path,
                    s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        sqlite3_close(s->db);
        s->db = NULL;
        return s->err.status;
    }
    /* Defensive: a file from outside cannot use schema tricks (triggers calling functions, writes
     * to sqlite_master); damaged cells are caught early. */
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_exec(s->db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
    return HIP_OK;
}

/* Reads the identity of an open file: application_id, user_version, object count. */
static hip_status identify(hip_store *s, const char *path, int64_t *app, int64_t *ver,
                           int64_t *objects)
{
    int rc = pragma_int(s->db, "PRAGMA application_id", app);
    if (rc == SQLITE_OK) rc = pragma_int(s->db, "PRAGMA user_version", ver);
    if (rc == SQLITE_OK) rc = pragma_int(s->db, "SELECT count(*) FROM sqlite_master", objects);
    if (rc != SQLITE_OK) {
        hip_status st = hip__store_status_of(rc);
        if (st == HIP_OK || st == HIP_ERR_NOT_FOUND) st = HIP_ERR_CORRUPT;
        if (st == HIP_ERR_STATE)
            return hip__seterr(&s->err, st, "%s: cannot be read: %s (a crash may have left a "
                               "journal that only a writable open recovers)", path,
                               sqlite3_errmsg(s->db));
        return hip__seterr(&s->err, st, "%s: %s: %s", path,
                           st == HIP_ERR_FORMAT ? "not a hiptrack store" : "damaged store",
                           sqlite3_errmsg(s->db));
    }
    return HIP_OK;
}

static hip_status check_identity(hip_store *s, const char *path, int64_t app, int64_t ver,
                                 int64_t objects, int *fresh)
{
    *fresh = 0;
    /* A new file: nothing in it yet (a store whose creation was interrupted may carry the id). */
    if ((app == 0 || app == HIPTRACK_STORE_APPLICATION_ID) && ver == 0 && objects == 0) {
        *fresh = 1;
        return HIP_OK;
    }
    if (app != HIPTRACK_STORE_APPLICATION_ID)
        return hip__seterr(&s->err, HIP_ERR_FORMAT,
                           "%s: not a hiptrack store (application_id 0x%08lx, expected 0x%08lx)",
                           path, (unsigned long)(uint32_t)app,
                           (unsigned long)HIPTRACK_STORE_APPLICATION_ID);
    if (ver > HIPTRACK_STORE_SCHEMA_VERSION)
        return hip__seterr(&s->err, HIP_ERR_VERSION,
                           "%s: schema version %lld is newer than this library reads (%d)", path,
                           (long long)ver, HIPTRACK_STORE_SCHEMA_VERSION);
    if (ver < 1)
        return hip__seterr(&s->err, HIP_ERR_CORRUPT, "%s: hiptrack store without a schema version",
                           path);
    return HIP_OK;
}

static void copy_error(const hip__error *e, char *buf, size_t cap)
{
    if (buf && cap) snprintf(buf, cap, "%s", hip__errmsg(e));
}

hip_status hip__store_open_upto(const char *path, const hip_store_config *config, uint32_t upto,
                                hip_store **out, char *error_buf, size_t error_cap)
{
    hip_store_config dflt;
    hip__error e;
    hip__clearerr(&e);
    if (out) *out = NULL;
    if (!config) { hip_store_config_init(&dflt); config = &dflt; }
    if (!path || !*path || !out) {
        hip__seterr(&e, HIP_ERR_INVALID, "path and out must not be NULL or empty");
        copy_error(&e, error_buf, error_cap);
        return e.status;
    }
    if (config->struct_size < sizeof(hip_store_config) || !hip__alloc_valid(&config->allocator)
        || (unsigned)config->sync > HIP_STORE_SYNC_NORMAL) {
        hip__seterr(&e, HIP_ERR_INVALID, "config: struct_size, allocator or sync is invalid");
        copy_error(&e, error_buf, error_cap);
        return e.status;
    }
    file_kind fk = inspect_file(path, &e);
    if (fk == FILE_REFUSED) { copy_error(&e, error_buf, error_cap); return e.status; }
    if (fk == FILE_MISSING && (config->read_only || !config->create_if_missing)) {
        hip__seterr(&e, HIP_ERR_NOT_FOUND, "%s: no such store", path);
        copy_error(&e, error_buf, error_cap);
        return e.status;
    }
    if (fk == FILE_EMPTY && config->read_only) {
        hip__seterr(&e, HIP_ERR_FORMAT, "%s: an empty file is not a hiptrack store", path);
        copy_error(&e, error_buf, error_cap);
        return e.status;
    }

    hip_store *s = hip__calloc(&config->allocator, 1, sizeof *s);
    if (!s) {
        hip__seterr(&e, HIP_ERR_NOMEM, "out of memory");
        copy_error(&e, error_buf, error_cap);
        return e.status;
    }
    s->allocator = config->allocator;
    s->read_only = config->read_only != 0;
    hip__clearerr(&s->err);
    hip_status st = HIP_OK;
    int64_t app = 0, ver = 0, objects = 0;
    int fresh = 0;

    /* An existing file is first identified over a read-only connection, which never writes (no
     * checkpoint on close), so a refused file keeps its bytes. */
    if (fk == FILE_OURS) {
        st = connect(s, path, SQLITE_OPEN_READONLY);
        if (st == HIP_OK) st = identify(s, path, &app, &ver, &objects);
        /* A hot journal left by a crash (the header is ours) can only be rolled back by a
         * writer: let the writable connection below recover it and identify the file again. */
        if (st == HIP_ERR_STATE && !s->read_only) {
            hip__clearerr(&s->err);
            st = HIP_OK;
            app = ver = objects = 0;
            sqlite3_close(s->db);
            s->db = NULL;
        }
        if (st == HIP_OK && s->db) st = check_identity(s, path, app, ver, objects, &fresh);
        if (st == HIP_OK && s->read_only && ver < HIPTRACK_STORE_SCHEMA_VERSION)
            st = hip__seterr(&s->err, HIP_ERR_VERSION,
                             "%s: schema version %lld needs a migration to %d: open it writable "
                             "once", path, (long long)ver, HIPTRACK_STORE_SCHEMA_VERSION);
        if (!s->read_only || st != HIP_OK) { sqlite3_close(s->db); s->db = NULL; }
    }
    if (st == HIP_OK && !s->db) {
        int flags = s->read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | (fk == FILE_MISSING ? SQLITE_OPEN_CREATE : 0);
        st = connect(s, path, flags);
        if (st == HIP_OK) st = identify(s, path, &app, &ver, &objects);
        if (st == HIP_OK) st = check_identity(s, path, app, ver, objects, &fresh);
    }
    if (st == HIP_OK) {
        sqlite3_busy_timeout(s->db, (int)(config->busy_timeout_ms > 600000u ? 600000u
                                                                          : config->busy_timeout_ms));
        if (hip__store_register_functions(s->db) != SQLITE_OK)
            st = hip__store_sqlerr(s, sqlite3_errcode(s->db), "open");
    }
    if (st == HIP_OK && s->read_only) {
        if (sqlite3_exec(s->db, "PRAGMA query_only = ON", NULL, NULL, NULL) != SQLITE_OK)
            st = hip__store_sqlerr(s, sqlite3_errcode(s->db), "open");
    } else if (st == HIP_OK) {
        /* A new file gets its schema (v1 sets the application_id) in rollback mode first, so the
         * id is in the main file before WAL mode starts: a crash right after creation leaves a
         * file that the next open still recognises. */
        if (fresh) st = hip__store_migrate(s, 1);
        if (st == HIP_OK) {
            int rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
            if (rc == SQLITE_OK)
                rc = sqlite3_exec(s->db, config->sync == HIP_STORE_SYNC_FULL
                                             ? "PRAGMA synchronous = FULL"
                                             : "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
            if (rc != SQLITE_OK) st = hip__store_sqlerr(s, rc, "open: setting WAL mode");
        }
        if (st == HIP_OK) st = hip__store_migrate(s, upto);
    }
    if (st != HIP_OK) {
        copy_error(&s->err, error_buf, error_cap);
        hip_store_close(s);
        return st;
    }
    *out = s;
    return HIP_OK;
}

hip_status hip_store_open(const char *path, const hip_store_config *config, hip_store **out,
                          char *error_buf, size_t error_cap)
{
    return hip__store_open_upto(path, config, HIPTRACK_STORE_SCHEMA_VERSION, out, error_buf,
                                error_cap);
}

void hip_store_close(hip_store *s)
{
    if (!s) return;
    /* sqlite3_close_v2: statements are always finalized by the store, so this closes at once. */
    if (s->db) sqlite3_close_v2(s->db);
    hip_allocator a = s->allocator;
    hip__free(&a, s);
}

const char *hip_store_last_error(const hip_store *s)
{
    return s ? hip__errmsg(&s->err) : "";
}

hip_status hip_store_schema_version(hip_store *s, uint32_t *version_out)
{
    if (!s || !version_out) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    int64_t v = 0;
    int rc = pragma_int(s->db, "PRAGMA user_version", &v);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "schema version");
    *version_out = (uint32_t)v;
    return HIP_OK;
}

hip_status hip_store_last_seq(hip_store *s, int64_t *seq_out)
{
    if (!s || !seq_out) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    int64_t v = 0;
    int rc = pragma_int(s->db, "SELECT coalesce(max(seq), 0) FROM records", &v);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "last seq");
    *seq_out = v;
    return HIP_OK;
}

hip_status hip_store_check(hip_store *s)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "integrity check");
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        hip_status r = hip__store_sqlerr(s, rc, "integrity check");
        sqlite3_finalize(st);
        return r;
    }
    const char *res = (const char *)sqlite3_column_text(st, 0);
    if (!res || strcmp(res, "ok") != 0) {
        hip__seterr(&s->err, HIP_ERR_CORRUPT, "integrity check: %s", res ? res : "no result");
        sqlite3_finalize(st);
        return HIP_ERR_CORRUPT;
    }
    sqlite3_finalize(st);
    rc = sqlite3_prepare_v2(s->db, "SELECT seq, body, crc FROM records WHERE crc IS NOT NULL", -1,
                            &st, NULL);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "checksum check");
    hip_status r = HIP_OK;
    while (r == HIP_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *b;
        size_t n;
        r = hip__store_verify(s, st, 1, 2, 0, &b, &n);
    }
    if (r == HIP_OK && rc != SQLITE_DONE) r = hip__store_sqlerr(s, rc, "checksum check");
    sqlite3_finalize(st);
    return r;
}
