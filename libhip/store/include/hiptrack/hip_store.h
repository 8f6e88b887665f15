/* The durable store: one member's data in one SQLite file (libhiptrack_store, a separate library so
 * that the core stays libc + libm only). Records are the modules' canonical JSON documents
 * (hiptrack.program, hiptrack.session, one-entry hiptrack.painlog, hiptrack.outcome,
 * hiptrack.decision for progression decisions, one-result hiptrack.assessment) with indexed columns: kind, record id, local day,
 * t_ns, version, and the store-wide sequence number of the write.
 *
 * Append-only and time-versioned: nothing is overwritten. Putting a record id again appends version
 * n + 1; reads return the newest version, or the newest as of an earlier sequence number (history
 * stays inspectable); a deletion is a tombstone version. Every write is one transaction and returns
 * only after COMMIT succeeded (an acknowledged write survives a crash; docs/store.md).
 *
 * A handle is not thread-safe: use one per thread (any number of readers and one writer at a time
 * may share a file; readers see the snapshot of their read). */
#ifndef HIPTRACK_HIP_STORE_H
#define HIPTRACK_HIP_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "hiptrack/hip_api.h"
#include "hiptrack/hip_status.h"
#include "hiptrack/hip_alloc.h"
#include "hiptrack/hip_program.h"
#include "hiptrack/hip_session.h"
#include "hiptrack/hip_painlog.h"
#include "hiptrack/hip_outcomes.h"
#include "hiptrack/hip_progression.h"
#include "hiptrack/hip_assess.h"

#if defined(HIPTRACK_STORE_API)
/* as predefined */
#elif defined(_WIN32)
#  if defined(HIPTRACK_STORE_BUILDING)
#    define HIPTRACK_STORE_API __declspec(dllexport)
#  elif defined(HIPTRACK_SHARED)
#    define HIPTRACK_STORE_API __declspec(dllimport)
#  else
#    define HIPTRACK_STORE_API
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define HIPTRACK_STORE_API __attribute__((visibility("default")))
#else
#  define HIPTRACK_STORE_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* PRAGMA application_id of a hiptrack store: "HIPT" in ASCII. A file with another id is refused. */
#define HIPTRACK_STORE_APPLICATION_ID 0x48495054
/* The schema version this build writes (PRAGMA user_version); older files are migrated on open. */
#define HIPTRACK_STORE_SCHEMA_VERSION 3
/* The whole day range, for queries without a date bound. */
#define HIPTRACK_STORE_DAY_MIN INT32_MIN
#define HIPTRACK_STORE_DAY_MAX INT32_MAX

typedef enum hip_store_kind {
    HIP_STORE_KIND_ANY = 0,        /* queries only: every kind */
    HIP_STORE_KIND_PROGRAM = 1,    /* hiptrack.program; day = latest version's effective day */
    HIP_STORE_KIND_SESSION = 2,    /* hiptrack.session; day = local day of the start */
    HIP_STORE_KIND_PAIN = 3,       /* hiptrack.painlog with one entry; day = local day of t_ns */
    HIP_STORE_KIND_OUTCOME = 4,    /* hiptrack.outcome; day = its date (required) */
    HIP_STORE_KIND_DECISION = 5,   /* hiptrack.decision; day = the decision's day */
    HIP_STORE_KIND_ASSESSMENT = 6  /* hiptrack.assessment with one result; day = its day (schema v3) */
} hip_store_kind;

typedef enum hip_store_sync {
    HIP_STORE_SYNC_FULL = 0,       /* fsync the WAL on every commit: an acknowledged write survives
                                      power loss */
    HIP_STORE_SYNC_NORMAL = 1      /* fsync only at checkpoints: survives a crash of the process,
                                      the last commits may be lost on power loss */
} hip_store_sync;

typedef struct hip_store_config {
    uint32_t struct_size;          /* set by hip_store_config_init */
    hip_allocator allocator;       /* the library's own memory; SQLite uses its own allocator */
    int read_only;                 /* 0; 1: never writes (an older schema is HIP_ERR_VERSION) */
    int create_if_missing;         /* 1; 0: a missing file is HIP_ERR_NOT_FOUND */
    uint32_t busy_timeout_ms;      /* 5000: how long to wait for another writer's lock */
    hip_store_sync sync;           /* FULL */
} hip_store_config;

/* The indexed columns of one stored version (no JSON: see hip_store_read_json). */
typedef struct hip_store_record {
    hip_store_kind kind;
    char record_id[HIPTRACK_ID_CAP];  /* 1..47 of [a-z0-9_], letter first */
    uint32_t version;              /* 1, 2, ... per (kind, record_id) */
    int64_t seq;                   /* store-wide write sequence, increasing */
    int32_t day;                   /* local day (hip_date day number) */
    int64_t t_ns;                  /* instant when the kind has one, else 0 */
    int deleted;                   /* 1: a tombstone */
    size_t json_len;               /* bytes of the JSON (0 for a tombstone) */
} hip_store_record;

typedef struct hip_store_query {
    uint32_t struct_size;          /* set by hip_store_query_init */
    hip_store_kind kind;           /* ANY */
    int32_t from_day, to_day;      /* inclusive; the whole range by default */
    int64_t as_of_seq;             /* 0: now; else the store as it was after write as_of_seq */
    int all_versions;              /* 0: the newest version of each record; 1: every version */
    int include_deleted;           /* 0: records whose newest version is a tombstone are left out */
} hip_store_query;

typedef struct hip_store hip_store;

/* Defaults as documented on each field. */
HIPTRACK_STORE_API void hip_store_config_init(hip_store_config *config);
/* Opens (or creates) the store at path. HIP_ERR_NOT_FOUND: missing and not to be created;
 * HIP_ERR_FORMAT: not a hiptrack store (another SQLite database, not a database at all);
 * HIP_ERR_CORRUPT: a damaged database; HIP_ERR_VERSION: a newer schema, or an older one opened
 * read-only; HIP_ERR_STATE: locked or unwritable. A refused file is never modified. config may be
 * NULL (defaults). On failure *out is NULL and, when error_buf is not NULL, the message is copied
 * there (NUL-terminated, truncated to error_cap). */
HIPTRACK_STORE_API hip_status hip_store_open(const char *path, const hip_store_config *config,
                                             hip_store **out, char *error_buf, size_t error_cap);
HIPTRACK_STORE_API void hip_store_close(hip_store *store);
/* Message of the last failed call on this store ("" if none); valid until the next call. */
HIPTRACK_STORE_API const char *hip_store_last_error(const hip_store *store);
/* The schema version of the open file (after migration: HIPTRACK_STORE_SCHEMA_VERSION). */
HIPTRACK_STORE_API hip_status hip_store_schema_version(hip_store *store, uint32_t *version_out);
/* The sequence number of the last write (0 for an empty store). */
HIPTRACK_STORE_API hip_status hip_store_last_seq(hip_store *store, int64_t *seq_out);
/* PRAGMA integrity_check plus a check of every record's checksum: HIP_ERR_CORRUPT naming the
 * first problem. */
HIPTRACK_STORE_API hip_status hip_store_check(hip_store *store);

/* ---- writes: each is one transaction; out (may be NULL) receives the version written ---- */

/* Appends a version of record_id. The JSON is validated by the module's importer (HIP_ERR_FORMAT
 * or HIP_ERR_VERSION with its message) and stored as given. */
HIPTRACK_STORE_API hip_status hip_store_put_json(hip_store *store, hip_store_kind kind,
                                                 const char *record_id, const char *json,
                                                 size_t len, hip_store_record *out);
HIPTRACK_STORE_API hip_status hip_store_put_program(hip_store *store, const char *record_id,
                                                    const hip_program *program,
                                                    hip_store_record *out);
/* The session must have been started. */
HIPTRACK_STORE_API hip_status hip_store_put_session(hip_store *store, const char *record_id,
                                                    const hip_session *session,
                                                    hip_store_record *out);
HIPTRACK_STORE_API hip_status hip_store_put_pain(hip_store *store, const char *record_id,
                                                 const hip_pain_entry *entry,
                                                 hip_store_record *out);
HIPTRACK_STORE_API hip_status hip_store_put_outcome(hip_store *store, const char *record_id,
                                                    const hip_outcome_response *response,
                                                    hip_store_record *out);
HIPTRACK_STORE_API hip_status hip_store_put_decision(hip_store *store, const char *record_id,
                                                     const hip_progression_decision *decision,
                                                     hip_store_record *out);
/* A movement assessment result (validated as hip_assess_history_add does) as a hiptrack.assessment
 * document with one result; day = the result's day. */
HIPTRACK_STORE_API hip_status hip_store_put_assessment(hip_store *store, const char *record_id,
                                                       const hip_assess_result *result,
                                                       hip_store_record *out);
/* Appends a tombstone: HIP_ERR_NOT_FOUND when the record does not exist or is already deleted. */
HIPTRACK_STORE_API hip_status hip_store_delete(hip_store *store, hip_store_kind kind,
                                               const char *record_id, hip_store_record *out);

/* ---- reads ---- */

HIPTRACK_STORE_API void hip_store_query_init(hip_store_query *query);
/* Records matching query, ordered by day, t_ns, record id, version. Two-call pattern: out NULL (cap
 * 0) gives the count; cap < count gives HIP_ERR_BUFSIZE and the count. Give both calls the same
 * as_of_seq (hip_store_last_seq) to see the same records while another process writes. */
HIPTRACK_STORE_API hip_status hip_store_list(hip_store *store, const hip_store_query *query,
                                             hip_store_record *out, size_t cap, size_t *count_out);
/* The newest version of a record as of as_of_seq (0: now); HIP_ERR_NOT_FOUND when there is none or
 * it is deleted. */
HIPTRACK_STORE_API hip_status hip_store_get(hip_store *store, hip_store_kind kind,
                                            const char *record_id, int64_t as_of_seq,
                                            hip_store_record *out);
/* The indexed columns of the version written at seq (tombstones too): HIP_ERR_NOT_FOUND for no
 * such seq. */
HIPTRACK_STORE_API hip_status hip_store_record_at(hip_store *store, int64_t seq,
                                                  hip_store_record *out);
/* The JSON of the version written at seq. Two-call pattern (buf NULL asks the length; the text is
 * NUL-terminated). HIP_ERR_NOT_FOUND for no such seq or a tombstone; HIP_ERR_CORRUPT when the
 * stored checksum does not match. */
HIPTRACK_STORE_API hip_status hip_store_read_json(hip_store *store, int64_t seq, char *buf,
                                                  size_t cap, size_t *len_out);

/* ---- loading into the modules' objects, for their analytics ---- */

/* Replaces the entries of into with the pain entries of the local days from_day..to_day (newest
 * versions as of as_of_seq, tombstones left out); entries identical in every field load once. All or
 * nothing: on failure into is unchanged. HIP_ERR_CORRUPT (naming the record) for stored JSON that
 * does not read back. */
HIPTRACK_STORE_API hip_status hip_store_load_painlog(hip_store *store, int32_t from_day,
                                                     int32_t to_day, int64_t as_of_seq,
                                                     hip_painlog *into);
/* The newest version of the record as of as_of_seq, imported into the object (its own import
 * rules: all or nothing). HIP_ERR_NOT_FOUND, HIP_ERR_CORRUPT as above. */
HIPTRACK_STORE_API hip_status hip_store_load_program(hip_store *store, const char *record_id,
                                                     int64_t as_of_seq, hip_program *into);
HIPTRACK_STORE_API hip_status hip_store_load_session(hip_store *store, const char *record_id,
                                                     int64_t as_of_seq, hip_session *into);
HIPTRACK_STORE_API hip_status hip_store_load_outcome(hip_store *store, const char *record_id,
                                                     int64_t as_of_seq,
                                                     hip_outcome_response *into);
HIPTRACK_STORE_API hip_status hip_store_load_decision(hip_store *store, const char *record_id,
                                                      int64_t as_of_seq,
                                                      hip_progression_decision *out);

/* Replaces the results of into with the assessments of the days from_day..to_day (newest versions
 * as of as_of_seq, tombstones left out), in day order (same day: stored order). All or nothing: on
 * failure into is unchanged. HIP_ERR_CORRUPT (naming the record) for stored JSON that does not
 * read back. */
HIPTRACK_STORE_API hip_status hip_store_load_assessments(hip_store *store, int32_t from_day,
                                                         int32_t to_day, int64_t as_of_seq,
                                                         hip_assess_history *into);

/* "program", "session", "pain", "outcome", "decision", "assessment" ("any" for 0); "?" for others. */
HIPTRACK_STORE_API const char *hip_store_kind_name(hip_store_kind kind);
/* The kind named name: HIP_ERR_NOT_FOUND for an unknown name. */
HIPTRACK_STORE_API hip_status hip_store_kind_from_name(const char *name, hip_store_kind *kind_out);

/* Decisions as JSON ({"format": "hiptrack.decision", "version": 1}); the store uses these, and
 * they are useful on their own. Two-call pattern for the export. */
HIPTRACK_STORE_API hip_status hip_store_decision_export_json(const hip_progression_decision *d,
                                                             char *buf, size_t cap,
                                                             size_t *len_out);
/* HIP_ERR_FORMAT naming the field (message in error_buf when not NULL); allocator may be NULL. */
HIPTRACK_STORE_API hip_status hip_store_decision_import_json(const hip_allocator *allocator,
                                                             const char *json, size_t len,
                                                             hip_progression_decision *out,
                                                             char *error_buf, size_t error_cap);

#ifdef __cplusplus
}
#endif
#endif
