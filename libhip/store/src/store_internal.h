/* Internal: the store handle and helpers shared by the store's source files. */
#ifndef HIPTRACK_STORE_INTERNAL_H
#define HIPTRACK_STORE_INTERNAL_H

#include <sqlite3.h>

#include "hiptrack/hip_store.h"
#include "alloc.h"
#include "error.h"

/* The last record kind (kinds are 1..HIP__STORE_KIND_LAST). */
#define HIP__STORE_KIND_LAST 6u

struct hip_store {
    hip_allocator allocator;
    sqlite3 *db;
    int read_only;
    hip__error err;
};

/* CRC-32 (IEEE, as zlib) of a record's JSON: kept beside it from schema v2 to catch a damaged value
 * that PRAGMA integrity_check cannot see (it checks structure, not content). */
uint32_t hip__store_crc32(const void *data, size_t len);

/* Maps a SQLite result code to a status and records "what: sqlite message" in the handle. */
hip_status hip__store_sqlerr(hip_store *s, int rc, const char *what);
hip_status hip__store_status_of(int rc);

/* The migration steps, v0 -> v1 -> ... -> HIPTRACK_STORE_SCHEMA_VERSION, each in its own
 * transaction. upto: the version to stop at (tests build older files with it). */
hip_status hip__store_migrate(hip_store *s, uint32_t upto);
/* hip_store_open, stopping the migrations at schema version upto (tests build older files). */
hip_status hip__store_open_upto(const char *path, const hip_store_config *config, uint32_t upto,
                                hip_store **out, char *error_buf, size_t error_cap);
/* Registers hip_crc32() on the connection (used by the v2 migration). */
int hip__store_register_functions(sqlite3 *db);

/* 1 when id is a valid record id (the catalog's id rules: 1..47 of [a-z0-9_], letter first). */
int hip__store_valid_record_id(const char *id);

/* Appends one version in one transaction (BEGIN IMMEDIATE ... COMMIT). body NULL: a tombstone
 * (day and t_ns are then taken from the newest version). */
hip_status hip__store_append(hip_store *s, hip_store_kind kind, const char *record_id, int32_t day,
                             int64_t t_ns, const char *body, size_t len, hip_store_record *out);

/* Finds the newest version as of as_of_seq and returns its statement positioned on the row
 * (columns: seq, version, day, t_ns, deleted, body, crc), or HIP_ERR_NOT_FOUND. The caller
 * finalizes *stmt_out. Deleted rows are NOT_FOUND unless allow_deleted. */
hip_status hip__store_find(hip_store *s, hip_store_kind kind, const char *record_id,
                           int64_t as_of_seq, int allow_deleted, sqlite3_stmt **stmt_out);
/* Verifies a row's checksum (crc column NULL: a row written before v2 that was not migrated). */
hip_status hip__store_verify(hip_store *s, sqlite3_stmt *st, int body_col, int crc_col,
                             int seq_col, const char **body_out, size_t *len_out);

#endif
