/* Reads: listing by kind and day, one record's newest version (as of a sequence number), its JSON,
 * and loading records into the modules' objects. Nothing returned points into the handle. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

/* Records that are the newest version of their record as of ?4 (or every version). */
static const char list_sql[] =
    "SELECT kind, record_id, version, seq, day, t_ns, deleted, length(CAST(body AS BLOB))"
    " FROM records r"
    " WHERE (?1 = 0 OR kind = ?1) AND day BETWEEN ?2 AND ?3 AND seq <= ?4"
    "   AND (?5 OR version = (SELECT max(version) FROM records r2"
    "                         WHERE r2.kind = r.kind AND r2.record_id = r.record_id"
    "                           AND r2.seq <= ?4))"
    "   AND (?6 OR deleted = 0)"
    " ORDER BY day, t_ns, record_id, version";

static int64_t as_of(int64_t seq) { return seq > 0 ? seq : INT64_MAX; }

static void fill_record(sqlite3_stmt *st, hip_store_record *r)
{
    memset(r, 0, sizeof *r);
    r->kind = (hip_store_kind)sqlite3_column_int(st, 0);
    const unsigned char *id = sqlite3_column_text(st, 1);
    snprintf(r->record_id, sizeof r->record_id, "%s", id ? (const char *)id : "");
    r->version = (uint32_t)sqlite3_column_int64(st, 2);
    r->seq = sqlite3_column_int64(st, 3);
    r->day = (int32_t)sqlite3_column_int64(st, 4);
    r->t_ns = sqlite3_column_int64(st, 5);
    r->deleted = sqlite3_column_int(st, 6) != 0;
    r->json_len = r->deleted ? 0 : (size_t)sqlite3_column_int64(st, 7);
}

void hip_store_query_init(hip_store_query *q)
{
    if (!q) return;
    memset(q, 0, sizeof *q);
    q->struct_size = sizeof *q;
    q->from_day = HIPTRACK_STORE_DAY_MIN;
    q->to_day = HIPTRACK_STORE_DAY_MAX;
}

hip_status hip_store_list(hip_store *s, const hip_store_query *q, hip_store_record *out,
                          size_t cap, size_t *count_out)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    if (!q || !count_out || (!out && cap) || q->struct_size < sizeof(hip_store_query)
        || (unsigned)q->kind > HIP__STORE_KIND_LAST)
        return hip__seterr(&s->err, HIP_ERR_INVALID,
                           "query: NULL, struct_size too small or kind out of range");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, list_sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "list");
    sqlite3_bind_int(st, 1, (int)q->kind);
    sqlite3_bind_int64(st, 2, q->from_day);
    sqlite3_bind_int64(st, 3, q->to_day);
    sqlite3_bind_int64(st, 4, as_of(q->as_of_seq));
    sqlite3_bind_int(st, 5, q->all_versions != 0);
    sqlite3_bind_int(st, 6, q->include_deleted != 0);
    size_t n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n < cap) fill_record(st, &out[n]);
        n++;
    }
    hip_status r = rc == SQLITE_DONE ? HIP_OK : hip__store_sqlerr(s, rc, "list");
    sqlite3_finalize(st);
    if (r != HIP_OK) return r;
    *count_out = n;
    if (out && n > cap)
        return hip__seterr(&s->err, HIP_ERR_BUFSIZE, "list: %zu records, room for %zu", n, cap);
    return HIP_OK;
}

static hip_status check_key(hip_store *s, hip_store_kind kind, const char *record_id)
{
    if ((unsigned)kind - 1u >= HIP__STORE_KIND_LAST)
        return hip__seterr(&s->err, HIP_ERR_INVALID, "kind: expected a record kind 1..6");
    if (!hip__store_valid_record_id(record_id))
        return hip__seterr(&s->err, HIP_ERR_INVALID,
                           "record_id: expected 1..47 of [a-z0-9_] starting with a letter");
    return HIP_OK;
}

hip_status hip__store_find(hip_store *s, hip_store_kind kind, const char *record_id,
                           int64_t as_of_seq, int allow_deleted, sqlite3_stmt **stmt_out)
{
    *stmt_out = NULL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT seq, version, day, t_ns, deleted, body, crc, length(CAST(body AS BLOB))"
        " FROM records WHERE kind = ?1 AND record_id = ?2 AND seq <= ?3"
        " ORDER BY version DESC LIMIT 1", -1, &st, NULL);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "read");
    sqlite3_bind_int(st, 1, (int)kind);
    sqlite3_bind_text(st, 2, record_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, as_of(as_of_seq));
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && (allow_deleted || !sqlite3_column_int(st, 4))) {
        *stmt_out = st;
        return HIP_OK;
    }
    hip_status r = rc == SQLITE_ROW || rc == SQLITE_DONE
        ? hip__seterr(&s->err, HIP_ERR_NOT_FOUND, "%s '%s': no such record%s",
                      hip_store_kind_name(kind), record_id, rc == SQLITE_ROW ? " (deleted)" : "")
        : hip__store_sqlerr(s, rc, "read");
    sqlite3_finalize(st);
    return r;
}

hip_status hip__store_verify(hip_store *s, sqlite3_stmt *st, int body_col, int crc_col,
                             int seq_col, const char **body_out, size_t *len_out)
{
    const char *body = (const char *)sqlite3_column_blob(st, body_col);
    size_t len = (size_t)sqlite3_column_bytes(st, body_col);
    if (!body) body = "";
    if (sqlite3_column_type(st, crc_col) != SQLITE_NULL
        && (uint32_t)sqlite3_column_int64(st, crc_col) != hip__store_crc32(body, len))
        return hip__seterr(&s->err, HIP_ERR_CORRUPT, "record seq %lld: checksum mismatch",
                           (long long)sqlite3_column_int64(st, seq_col));
    *body_out = body;
    *len_out = len;
    return HIP_OK;
}

hip_status hip_store_get(hip_store *s, hip_store_kind kind, const char *record_id,
                         int64_t as_of_seq, hip_store_record *out)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status r = check_key(s, kind, record_id);
    if (r != HIP_OK) return r;
    if (!out) return hip__seterr(&s->err, HIP_ERR_INVALID, "out must not be NULL");
    sqlite3_stmt *st = NULL;
    if ((r = hip__store_find(s, kind, record_id, as_of_seq, 0, &st)) != HIP_OK) return r;
    memset(out, 0, sizeof *out);
    out->kind = kind;
    snprintf(out->record_id, sizeof out->record_id, "%s", record_id);
    out->seq = sqlite3_column_int64(st, 0);
    out->version = (uint32_t)sqlite3_column_int64(st, 1);
    out->day = (int32_t)sqlite3_column_int64(st, 2);
    out->t_ns = sqlite3_column_int64(st, 3);
    out->json_len = (size_t)sqlite3_column_int64(st, 7);
    sqlite3_finalize(st);
    return HIP_OK;
}

hip_status hip_store_record_at(hip_store *s, int64_t seq, hip_store_record *out)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    if (!out) return hip__seterr(&s->err, HIP_ERR_INVALID, "out must not be NULL");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT kind, record_id, version, seq, day, t_ns, deleted, length(CAST(body AS BLOB))"
        " FROM records WHERE seq = ?1", -1, &st, NULL);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "read");
    sqlite3_bind_int64(st, 1, seq);
    rc = sqlite3_step(st);
    hip_status r = HIP_OK;
    if (rc == SQLITE_ROW) fill_record(st, out);
    else if (rc == SQLITE_DONE)
        r = hip__seterr(&s->err, HIP_ERR_NOT_FOUND, "seq %lld: no such write", (long long)seq);
    else r = hip__store_sqlerr(s, rc, "read");
    sqlite3_finalize(st);
    return r;
}

hip_status hip_store_read_json(hip_store *s, int64_t seq, char *buf, size_t cap, size_t *len_out)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    if (!len_out || (!buf && cap))
        return hip__seterr(&s->err, HIP_ERR_INVALID, "len_out must not be NULL");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT seq, deleted, body, crc FROM records WHERE seq = ?1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "read");
    sqlite3_bind_int64(st, 1, seq);
    rc = sqlite3_step(st);
    hip_status r = HIP_OK;
    const char *body = NULL;
    size_t len = 0;
    if (rc == SQLITE_DONE || (rc == SQLITE_ROW && sqlite3_column_int(st, 1)))
        r = hip__seterr(&s->err, HIP_ERR_NOT_FOUND, "seq %lld: %s", (long long)seq,
                        rc == SQLITE_DONE ? "no such write" : "a deletion has no JSON");
    else if (rc != SQLITE_ROW) r = hip__store_sqlerr(s, rc, "read");
    else r = hip__store_verify(s, st, 2, 3, 0, &body, &len);
    if (r == HIP_OK) {
        *len_out = len;
        if (buf && cap <= len)
            r = hip__seterr(&s->err, HIP_ERR_BUFSIZE, "read: %zu bytes + NUL, room for %zu", len, cap);
        else if (buf) {
            memcpy(buf, body, len);
            buf[len] = '\0';
        }
    }
    sqlite3_finalize(st);
    return r;
}

/* ---- loading ---- */

/* A stored document the module does not read back: HIP_ERR_CORRUPT naming the record, except for
 * what is not the data's fault (memory, the caller's object state). */
static hip_status load_error(hip_store *s, hip_status st, hip_store_kind kind, const char *id,
                             int64_t seq, const char *msg)
{
    if (st == HIP_ERR_NOMEM) return hip__seterr(&s->err, st, "out of memory");
    if (st == HIP_ERR_STATE || st == HIP_ERR_INVALID)
        return hip__seterr(&s->err, st, "%s", msg);
    return hip__seterr(&s->err, HIP_ERR_CORRUPT, "%s '%s' (seq %lld): stored JSON does not read: %s",
                       hip_store_kind_name(kind), id, (long long)seq, msg);
}

typedef hip_status (*import_fn)(void *obj, const char *json, size_t len);
typedef const char *(*errmsg_fn)(const void *obj);

static hip_status load_one(hip_store *s, hip_store_kind kind, const char *record_id,
                           int64_t as_of_seq, void *into, import_fn imp, errmsg_fn msg)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    hip_status r = check_key(s, kind, record_id);
    if (r != HIP_OK) return r;
    if (!into) return hip__seterr(&s->err, HIP_ERR_INVALID, "into must not be NULL");
    sqlite3_stmt *st = NULL;
    if ((r = hip__store_find(s, kind, record_id, as_of_seq, 0, &st)) != HIP_OK) return r;
    const char *body = NULL;   /* set by hip__store_verify on HIP_OK */
    size_t len = 0;
    r = hip__store_verify(s, st, 5, 6, 0, &body, &len);
    if (r == HIP_OK) {
        r = imp(into, body, len);
        if (r != HIP_OK)
            r = load_error(s, r, kind, record_id, sqlite3_column_int64(st, 0), msg(into));
    }
    sqlite3_finalize(st);
    return r;
}

static hip_status imp_program(void *o, const char *j, size_t n) { return hip_program_import_json(o, j, n); }
static const char *msg_program(const void *o) { return hip_program_last_error(o); }
static hip_status imp_session(void *o, const char *j, size_t n) { return hip_session_import_json(o, j, n); }
static const char *msg_session(const void *o) { return hip_session_last_error(o); }
static hip_status imp_outcome(void *o, const char *j, size_t n) { return hip_outcome_import_json(o, j, n); }
static const char *msg_outcome(const void *o) { return hip_outcome_response_last_error(o); }

hip_status hip_store_load_program(hip_store *s, const char *record_id, int64_t as_of_seq,
                                  hip_program *into)
{
    return load_one(s, HIP_STORE_KIND_PROGRAM, record_id, as_of_seq, into, imp_program, msg_program);
}

hip_status hip_store_load_session(hip_store *s, const char *record_id, int64_t as_of_seq,
                                  hip_session *into)
{
    return load_one(s, HIP_STORE_KIND_SESSION, record_id, as_of_seq, into, imp_session, msg_session);
}

hip_status hip_store_load_outcome(hip_store *s, const char *record_id, int64_t as_of_seq,
                                  hip_outcome_response *into)
{
    return load_one(s, HIP_STORE_KIND_OUTCOME, record_id, as_of_seq, into, imp_outcome, msg_outcome);
}

/* Decisions are read into a value, through a small adapter with the import_fn shape. */
typedef struct decision_target {
    const hip_allocator *allocator;
    hip_progression_decision *out;
    char msg[HIP__ERRMSG_CAP];
} decision_target;

static hip_status imp_decision(void *o, const char *j, size_t n)
{
    decision_target *t = o;
    return hip_store_decision_import_json(t->allocator, j, n, t->out, t->msg, sizeof t->msg);
}
static const char *msg_decision(const void *o) { return ((const decision_target *)o)->msg; }

hip_status hip_store_load_decision(hip_store *s, const char *record_id, int64_t as_of_seq,
                                   hip_progression_decision *out)
{
    if (!s) return HIP_ERR_INVALID;
    if (!out) {
        hip__clearerr(&s->err);
        return hip__seterr(&s->err, HIP_ERR_INVALID, "out must not be NULL");
    }
    decision_target t = {&s->allocator, out, ""};
    return load_one(s, HIP_STORE_KIND_DECISION, record_id, as_of_seq, &t, imp_decision,
                    msg_decision);
}

/* A collection that a day range of one-item records loads into (the pain log, the assessment
 * history). Each stored document is read back through the collection's own importer into a
 * one-item staging object, its item is added to a staging collection, and that is handed to into
 * through its all-or-nothing import: the store never parses a module's JSON itself, and a failed
 * load leaves into unchanged. */
typedef struct range_collection {
    hip_store_kind kind;
    const char *what;             /* "pain", "assessments": in messages */
    const char *one_item;         /* the message when a record does not hold exactly one item */
    const char *order_by;         /* the load order */
    hip_status (*create)(const hip_allocator *allocator, void **out);
    void (*destroy)(void *obj);
    import_fn import;
    hip_status (*export)(const void *obj, char *buf, size_t cap, size_t *len_out);
    errmsg_fn last_error;
    size_t (*count)(const void *obj);
    hip_status (*add_only_item)(void *all, const void *one);   /* one holds exactly one item */
} range_collection;

static hip_status load_range(hip_store *s, const range_collection *k, int32_t from_day,
                             int32_t to_day, int64_t as_of_seq, void *into)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    if (!into) return hip__seterr(&s->err, HIP_ERR_INVALID, "into must not be NULL");
    void *all = NULL, *one = NULL;
    char *buf = NULL;
    sqlite3_stmt *st = NULL;
    hip_status r = k->create(&s->allocator, &all);
    if (r == HIP_OK) r = k->create(&s->allocator, &one);
    if (r != HIP_OK) { r = hip__seterr(&s->err, HIP_ERR_NOMEM, "out of memory"); goto done; }
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT seq, record_id, body, crc FROM records r"
             " WHERE kind = %d AND day BETWEEN ?1 AND ?2 AND seq <= ?3 AND deleted = 0"
             "   AND version = (SELECT max(version) FROM records r2 WHERE r2.kind = %d"
             "                  AND r2.record_id = r.record_id AND r2.seq <= ?3)"
             " ORDER BY %s", (int)k->kind, (int)k->kind, k->order_by);
    char what[40];
    snprintf(what, sizeof what, "load %s", k->what);
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) { r = hip__store_sqlerr(s, rc, what); goto done; }
    sqlite3_bind_int64(st, 1, from_day);
    sqlite3_bind_int64(st, 2, to_day);
    sqlite3_bind_int64(st, 3, as_of(as_of_seq));
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *body = NULL;   /* set by hip__store_verify on HIP_OK */
        size_t len = 0;
        if ((r = hip__store_verify(s, st, 2, 3, 0, &body, &len)) != HIP_OK) goto done;
        const char *id = (const char *)sqlite3_column_text(st, 1);
        r = k->import(one, body, len);
        int one_item = r == HIP_OK && k->count(one) == 1;
        if (r == HIP_OK && !one_item) r = HIP_ERR_FORMAT;
        if (r != HIP_OK) {
            r = load_error(s, r, k->kind, id ? id : "", sqlite3_column_int64(st, 0),
                           r == HIP_ERR_FORMAT && !one_item && !k->last_error(one)[0]
                               ? k->one_item : k->last_error(one));
            goto done;
        }
        if ((r = k->add_only_item(all, one)) != HIP_OK) {
            r = hip__seterr(&s->err, r, "%s: %s", what, k->last_error(all));
            goto done;
        }
    }
    if (rc != SQLITE_DONE) { r = hip__store_sqlerr(s, rc, what); goto done; }
    sqlite3_finalize(st);
    st = NULL;
    size_t len = 0;
    if ((r = k->export(all, NULL, 0, &len)) != HIP_OK) {
        r = hip__seterr(&s->err, r, "%s: export failed", what);
        goto done;
    }
    if (!(buf = hip__alloc(&s->allocator, len + 1))) {
        r = hip__seterr(&s->err, HIP_ERR_NOMEM, "out of memory");
        goto done;
    }
    if ((r = k->export(all, buf, len + 1, &len)) == HIP_OK) r = k->import(into, buf, len);
    if (r != HIP_OK) hip__seterr(&s->err, r, "%s: %s", what, k->last_error(into));
done:
    sqlite3_finalize(st);
    hip__free(&s->allocator, buf);
    if (one) k->destroy(one);
    if (all) k->destroy(all);
    return r;
}

/* ---- the pain log ---- */
static hip_status pain_create(const hip_allocator *a, void **out)
{
    hip_painlog_config c;
    hip_painlog_config_init(&c);
    c.allocator = *a;
    return hip_painlog_create(&c, (hip_painlog **)out);
}
static void pain_destroy(void *o) { hip_painlog_destroy(o); }
static hip_status pain_import(void *o, const char *j, size_t n) { return hip_painlog_import_json(o, j, n); }
static hip_status pain_export(const void *o, char *b, size_t cap, size_t *len)
{
    return hip_painlog_export_json(o, b, cap, len);
}
static const char *pain_error(const void *o) { return hip_painlog_last_error(o); }
static size_t pain_count(const void *o) { return hip_painlog_count(o); }
static hip_status pain_add_only(void *all, const void *one)
{
    hip_pain_entry e;
    hip_status r = hip_painlog_entry_at(one, 0, &e);
    if (r == HIP_OK) r = hip_painlog_add(all, &e);
    return r == HIP_ERR_EXISTS ? HIP_OK : r;   /* the same entry stored twice loads once */
}
static const range_collection pain_collection = {
    HIP_STORE_KIND_PAIN, "pain", "expected one entry", "day, t_ns, seq",
    pain_create, pain_destroy, pain_import, pain_export, pain_error, pain_count, pain_add_only};

hip_status hip_store_load_painlog(hip_store *s, int32_t from_day, int32_t to_day,
                                  int64_t as_of_seq, hip_painlog *into)
{
    return load_range(s, &pain_collection, from_day, to_day, as_of_seq, into);
}

/* ---- the assessment history ---- */
static hip_status assess_create(const hip_allocator *a, void **out)
{
    hip_assess_history_config c;
    hip_assess_history_config_init(&c);
    c.allocator = *a;
    return hip_assess_history_create(&c, (hip_assess_history **)out);
}
static void assess_destroy(void *o) { hip_assess_history_destroy(o); }
static hip_status assess_import(void *o, const char *j, size_t n)
{
    return hip_assess_history_import_json(o, j, n);
}
static hip_status assess_export(const void *o, char *b, size_t cap, size_t *len)
{
    return hip_assess_history_export_json(o, b, cap, len);
}
static const char *assess_error(const void *o) { return hip_assess_history_last_error(o); }
static size_t assess_count(const void *o) { return hip_assess_history_count(o); }
static hip_status assess_add_only(void *all, const void *one)
{
    hip_assess_result a;
    hip_status r = hip_assess_history_at(one, 0, &a);
    return r == HIP_OK ? hip_assess_history_add(all, &a) : r;
}
static const range_collection assess_collection = {
    HIP_STORE_KIND_ASSESSMENT, "assessments", "expected one assessment", "day, seq",
    assess_create, assess_destroy, assess_import, assess_export, assess_error, assess_count,
    assess_add_only};

hip_status hip_store_load_assessments(hip_store *s, int32_t from_day, int32_t to_day,
                                      int64_t as_of_seq, hip_assess_history *into)
{
    return load_range(s, &assess_collection, from_day, to_day, as_of_seq, into);
}
