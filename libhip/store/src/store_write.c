/* Writes: every put validates first, then appends one version in one transaction; it returns only
 * after COMMIT succeeded (an acknowledged write). */
#include "store_internal.h"

#include <string.h>

static hip_status begin_write(hip_store *s, const char *record_id)
{
    if (!s) return HIP_ERR_INVALID;
    hip__clearerr(&s->err);
    if (s->read_only) return hip__seterr(&s->err, HIP_ERR_STATE, "the store is open read-only");
    if (!hip__store_valid_record_id(record_id))
        return hip__seterr(&s->err, HIP_ERR_INVALID,
                           "record_id: expected 1..47 of [a-z0-9_] starting with a letter");
    return HIP_OK;
}

hip_status hip__store_append(hip_store *s, hip_store_kind kind, const char *record_id, int32_t day,
                             int64_t t_ns, const char *body, size_t len, hip_store_record *out)
{
    if (len > 0x7FFFFFFF) return hip__seterr(&s->err, HIP_ERR_RANGE, "record too large");
    sqlite3_stmt *q = NULL, *ins = NULL;
    int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return hip__store_sqlerr(s, rc, "write: cannot lock the store");
    hip_status st = HIP_OK;
    int64_t version = 0;
    int deleted = 1;
    rc = sqlite3_prepare_v2(s->db,
        "SELECT version, deleted, day, t_ns FROM records WHERE kind = ?1 AND record_id = ?2"
        " ORDER BY version DESC LIMIT 1", -1, &q, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int(q, 1, (int)kind);
        sqlite3_bind_text(q, 2, record_id, -1, SQLITE_STATIC);
        rc = sqlite3_step(q);
        if (rc == SQLITE_ROW) {
            version = sqlite3_column_int64(q, 0);
            deleted = sqlite3_column_int(q, 1);
            if (!body) {
                day = (int32_t)sqlite3_column_int64(q, 2);
                t_ns = sqlite3_column_int64(q, 3);
            }
            rc = SQLITE_DONE;
        }
    }
    if (rc != SQLITE_DONE) st = hip__store_sqlerr(s, rc, "write");
    else if (!body && deleted)
        st = hip__seterr(&s->err, HIP_ERR_NOT_FOUND, "%s '%s': no such record%s",
                         hip_store_kind_name(kind), record_id, version ? " (already deleted)" : "");
    if (st == HIP_OK) {
        rc = sqlite3_prepare_v2(s->db,
            "INSERT INTO records(kind, record_id, version, day, t_ns, deleted, body, crc)"
            " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &ins, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int(ins, 1, (int)kind);
            sqlite3_bind_text(ins, 2, record_id, -1, SQLITE_STATIC);
            sqlite3_bind_int64(ins, 3, version + 1);
            sqlite3_bind_int64(ins, 4, day);
            sqlite3_bind_int64(ins, 5, t_ns);
            sqlite3_bind_int(ins, 6, body ? 0 : 1);
            sqlite3_bind_text(ins, 7, body ? body : "", (int)(body ? len : 0), SQLITE_STATIC);
            sqlite3_bind_int64(ins, 8, (sqlite3_int64)hip__store_crc32(body ? body : "",
                                                                       body ? len : 0));
            rc = sqlite3_step(ins);
        }
        if (rc != SQLITE_DONE) st = hip__store_sqlerr(s, rc, "write");
    }
    int64_t seq = sqlite3_last_insert_rowid(s->db);
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    if (st == HIP_OK) {
        rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
        if (rc != SQLITE_OK) st = hip__store_sqlerr(s, rc, "write: commit failed");
    }
    if (st != HIP_OK) {
        if (!sqlite3_get_autocommit(s->db)) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return st;
    }
    if (out) {
        memset(out, 0, sizeof *out);
        out->kind = kind;
        memcpy(out->record_id, record_id, strlen(record_id) + 1);
        out->version = (uint32_t)(version + 1);
        out->seq = seq;
        out->day = day;
        out->t_ns = t_ns;
        out->deleted = body ? 0 : 1;
        out->json_len = body ? len : 0;
    }
    return HIP_OK;
}

/* The module's import status as the store's: the module's own message is kept. */
static hip_status import_error(hip_store *s, hip_status st, const char *kind, const char *msg)
{
    if (st == HIP_ERR_NOMEM) return hip__seterr(&s->err, st, "out of memory");
    if (st != HIP_ERR_VERSION) st = HIP_ERR_FORMAT;
    return hip__seterr(&s->err, st, "invalid %s: %s", kind, msg);
}

/* Validates a document of kind and finds its day and instant. */
static hip_status describe_json(hip_store *s, hip_store_kind kind, const char *json, size_t len,
                                int32_t *day, int64_t *t_ns)
{
    hip_status st;
    *t_ns = 0;
    switch (kind) {
    case HIP_STORE_KIND_PROGRAM: {
        hip_program_config c;
        hip_program_config_init(&c);
        c.allocator = s->allocator;
        hip_program *p = NULL;
        if ((st = hip_program_create(&c, &p)) != HIP_OK) return import_error(s, st, "program", "");
        st = hip_program_import_json(p, json, len);
        if (st != HIP_OK) st = import_error(s, st, "hiptrack.program", hip_program_last_error(p));
        hip_program_version v;
        size_t n = hip_program_version_count(p);
        if (st == HIP_OK && n == 0)
            st = hip__seterr(&s->err, HIP_ERR_FORMAT, "invalid hiptrack.program: no versions");
        if (st == HIP_OK && (st = hip_program_version_at(p, n - 1, &v)) == HIP_OK)
            *day = v.effective_day;
        hip_program_destroy(p);
        return st;
    }
    case HIP_STORE_KIND_SESSION: {
        hip_session_config c;
        hip_session_config_init(&c);
        c.allocator = s->allocator;
        hip_session *x = NULL;
        if ((st = hip_session_create(&c, &x)) != HIP_OK) return import_error(s, st, "session", "");
        st = hip_session_import_json(x, json, len);
        if (st != HIP_OK) st = import_error(s, st, "hiptrack.session", hip_session_last_error(x));
        hip_session_info info;
        if (st == HIP_OK && (st = hip_session_get_info(x, &info)) == HIP_OK) {
            *day = info.day;
            *t_ns = info.start_ns;
        }
        hip_session_destroy(x);
        return st;
    }
    case HIP_STORE_KIND_PAIN: {
        hip_painlog_config c;
        hip_painlog_config_init(&c);
        c.allocator = s->allocator;
        hip_painlog *log = NULL;
        if ((st = hip_painlog_create(&c, &log)) != HIP_OK) return import_error(s, st, "pain", "");
        st = hip_painlog_import_json(log, json, len);
        if (st != HIP_OK) st = import_error(s, st, "hiptrack.painlog", hip_painlog_last_error(log));
        if (st == HIP_OK && hip_painlog_count(log) != 1)
            st = hip__seterr(&s->err, HIP_ERR_FORMAT,
                             "invalid pain record: expected a hiptrack.painlog with one entry, "
                             "found %zu", hip_painlog_count(log));
        hip_pain_entry e;
        if (st == HIP_OK && (st = hip_painlog_entry_at(log, 0, &e)) == HIP_OK) {
            *t_ns = e.t_ns;
            st = hip_painlog_local_day(e.t_ns, e.utc_offset_min, day);
        }
        hip_painlog_destroy(log);
        return st;
    }
    case HIP_STORE_KIND_OUTCOME: {
        hip_outcome_config c;
        hip_outcome_config_init(&c);
        c.allocator = s->allocator;
        hip_outcome_response *r = NULL;
        if ((st = hip_outcome_response_create(&c, &r)) != HIP_OK)
            return import_error(s, st, "outcome", "");
        st = hip_outcome_import_json(r, json, len);
        if (st != HIP_OK)
            st = import_error(s, st, "hiptrack.outcome", hip_outcome_response_last_error(r));
        if (st == HIP_OK && hip_outcome_get_date(r, day) != HIP_OK)
            st = hip__seterr(&s->err, HIP_ERR_FORMAT,
                             "invalid outcome record: the response has no date");
        hip_outcome_response_destroy(r);
        return st;
    }
    case HIP_STORE_KIND_DECISION: {
        hip_progression_decision d;
        char msg[HIP__ERRMSG_CAP];
        st = hip_store_decision_import_json(&s->allocator, json, len, &d, msg, sizeof msg);
        if (st != HIP_OK) return import_error(s, st, "hiptrack.decision", msg);
        *day = d.day;
        return HIP_OK;
    }
    case HIP_STORE_KIND_ASSESSMENT: {
        hip_assess_history_config c;
        hip_assess_history_config_init(&c);
        c.allocator = s->allocator;
        hip_assess_history *h = NULL;
        if ((st = hip_assess_history_create(&c, &h)) != HIP_OK)
            return import_error(s, st, "assessment", "");
        st = hip_assess_history_import_json(h, json, len);
        if (st != HIP_OK)
            st = import_error(s, st, "hiptrack.assessment", hip_assess_history_last_error(h));
        if (st == HIP_OK && hip_assess_history_count(h) != 1)
            st = hip__seterr(&s->err, HIP_ERR_FORMAT,
                             "invalid assessment record: expected a hiptrack.assessment with one "
                             "result, found %zu", hip_assess_history_count(h));
        hip_assess_result r;
        if (st == HIP_OK && (st = hip_assess_history_at(h, 0, &r)) == HIP_OK) *day = r.day;
        hip_assess_history_destroy(h);
        return st;
    }
    default:
        return hip__seterr(&s->err, HIP_ERR_INVALID, "kind: expected a record kind 1..6");
    }
}

hip_status hip_store_put_json(hip_store *s, hip_store_kind kind, const char *record_id,
                              const char *json, size_t len, hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if (!json) return hip__seterr(&s->err, HIP_ERR_INVALID, "json must not be NULL");
    int32_t day = 0;
    int64_t t_ns = 0;
    if ((st = describe_json(s, kind, json, len, &day, &t_ns)) != HIP_OK) return st;
    return hip__store_append(s, kind, record_id, day, t_ns, json, len, out);
}

/* Exports through the two-call pattern into memory from the store's allocator and appends. */
typedef hip_status (*export_fn)(const void *obj, char *buf, size_t cap, size_t *len_out);

static hip_status put_export(hip_store *s, hip_store_kind kind, const char *record_id,
                             const void *obj, export_fn fn, int32_t day, int64_t t_ns,
                             hip_store_record *out)
{
    size_t len = 0;
    hip_status st = fn(obj, NULL, 0, &len);
    if (st != HIP_OK)
        return hip__seterr(&s->err, st, "%s: cannot export it (%s)", hip_store_kind_name(kind),
                           hip_status_str(st));
    char *buf = hip__alloc(&s->allocator, len + 1);
    if (!buf) return hip__seterr(&s->err, HIP_ERR_NOMEM, "out of memory");
    st = fn(obj, buf, len + 1, &len);
    if (st == HIP_OK) st = hip__store_append(s, kind, record_id, day, t_ns, buf, len, out);
    else hip__seterr(&s->err, st, "%s: cannot export it", hip_store_kind_name(kind));
    hip__free(&s->allocator, buf);
    return st;
}

static hip_status export_program(const void *o, char *b, size_t c, size_t *n)
{ return hip_program_export_json(o, b, c, n); }
static hip_status export_session(const void *o, char *b, size_t c, size_t *n)
{ return hip_session_export_json(o, b, c, n); }
static hip_status export_painlog(const void *o, char *b, size_t c, size_t *n)
{ return hip_painlog_export_json(o, b, c, n); }
static hip_status export_outcome(const void *o, char *b, size_t c, size_t *n)
{ return hip_outcome_export_json(o, b, c, n); }
static hip_status export_assessment(const void *o, char *b, size_t c, size_t *n)
{ return hip_assess_history_export_json(o, b, c, n); }
static hip_status export_decision(const void *o, char *b, size_t c, size_t *n)
{ return hip_store_decision_export_json(o, b, c, n); }

hip_status hip_store_put_program(hip_store *s, const char *record_id, const hip_program *program,
                                 hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if (!program) return hip__seterr(&s->err, HIP_ERR_INVALID, "program must not be NULL");
    size_t n = hip_program_version_count(program);
    hip_program_version v;
    if (n == 0 || hip_program_version_at(program, n - 1, &v) != HIP_OK)
        return hip__seterr(&s->err, HIP_ERR_STATE, "program: no committed version to store");
    return put_export(s, HIP_STORE_KIND_PROGRAM, record_id, program, export_program,
                      v.effective_day, 0, out);
}

hip_status hip_store_put_session(hip_store *s, const char *record_id, const hip_session *session,
                                 hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if (!session) return hip__seterr(&s->err, HIP_ERR_INVALID, "session must not be NULL");
    hip_session_info info;
    if (hip_session_get_info(session, &info) != HIP_OK || info.state != HIP_SESSION_FINISHED)
        return hip__seterr(&s->err, HIP_ERR_STATE, "session: only a finished session is stored");
    return put_export(s, HIP_STORE_KIND_SESSION, record_id, session, export_session, info.day,
                      info.start_ns, out);
}

hip_status hip_store_put_pain(hip_store *s, const char *record_id, const hip_pain_entry *entry,
                              hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if (!entry) return hip__seterr(&s->err, HIP_ERR_INVALID, "entry must not be NULL");
    int32_t day = 0;
    if (hip_painlog_local_day(entry->t_ns, entry->utc_offset_min, &day) != HIP_OK)
        return hip__seterr(&s->err, HIP_ERR_RANGE, "entry.utc_offset_min: expected -1080..1080");
    hip_painlog_config c;
    hip_painlog_config_init(&c);
    c.allocator = s->allocator;
    hip_painlog *log = NULL;
    if ((st = hip_painlog_create(&c, &log)) != HIP_OK)
        return hip__seterr(&s->err, st, "out of memory");
    st = hip_painlog_add(log, entry);
    if (st != HIP_OK) hip__seterr(&s->err, st, "entry: %s", hip_painlog_last_error(log));
    else st = put_export(s, HIP_STORE_KIND_PAIN, record_id, log, export_painlog, day, entry->t_ns,
                         out);
    hip_painlog_destroy(log);
    return st;
}

hip_status hip_store_put_outcome(hip_store *s, const char *record_id,
                                 const hip_outcome_response *response, hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if (!response) return hip__seterr(&s->err, HIP_ERR_INVALID, "response must not be NULL");
    int32_t day = 0;
    if (hip_outcome_get_date(response, &day) != HIP_OK)
        return hip__seterr(&s->err, HIP_ERR_STATE,
                           "response: set its date (hip_outcome_set_date) before storing it");
    return put_export(s, HIP_STORE_KIND_OUTCOME, record_id, response, export_outcome, day, 0, out);
}

hip_status hip_store_put_decision(hip_store *s, const char *record_id,
                                  const hip_progression_decision *decision, hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if (!decision) return hip__seterr(&s->err, HIP_ERR_INVALID, "decision must not be NULL");
    return put_export(s, HIP_STORE_KIND_DECISION, record_id, decision, export_decision,
                      decision->day, 0, out);
}

hip_status hip_store_put_assessment(hip_store *s, const char *record_id,
                                    const hip_assess_result *result, hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if (!result) return hip__seterr(&s->err, HIP_ERR_INVALID, "result must not be NULL");
    hip_assess_history_config c;
    hip_assess_history_config_init(&c);
    c.allocator = s->allocator;
    hip_assess_history *h = NULL;
    if ((st = hip_assess_history_create(&c, &h)) != HIP_OK)
        return hip__seterr(&s->err, st, "out of memory");
    st = hip_assess_history_add(h, result);
    if (st != HIP_OK) hip__seterr(&s->err, st, "%s", hip_assess_history_last_error(h));
    else st = put_export(s, HIP_STORE_KIND_ASSESSMENT, record_id, h, export_assessment,
                         result->day, 0, out);
    hip_assess_history_destroy(h);
    return st;
}

hip_status hip_store_delete(hip_store *s, hip_store_kind kind, const char *record_id,
                            hip_store_record *out)
{
    hip_status st = begin_write(s, record_id);
    if (st != HIP_OK) return st;
    if ((unsigned)kind - 1u >= HIP__STORE_KIND_LAST)
        return hip__seterr(&s->err, HIP_ERR_INVALID, "kind: expected a record kind 1..6");
    return hip__store_append(s, kind, record_id, 0, 0, NULL, 0, out);
}
