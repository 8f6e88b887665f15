/* hiptrack_store.i: the SQLite store (libhip/store/include/hiptrack/hip_store.h), wrapped when the
 * binding is built with the store (swig -DHIPTRACK_WITH_STORE; hiptrack.i includes this file).
 * Same contract as hiptrack.i: a handle class whose constructor is open, body-less methods that
 * bind to hip_store_<verb>, and adapters with names of their own (a method with a body named
 * like a library function would clash with it in C: get_record, json_of_seq, load_*_into). */

%{
#include "hiptrack/hip_store.h"
typedef hip_status hip_store_status;
%}

#define HIPTRACK_STORE_API
%ignore hip_store_config_init;
%ignore hip_store_open;
%ignore hip_store_close;
%ignore hip_store_last_error;
%ignore hip_store_schema_version;
%ignore hip_store_last_seq;
%ignore hip_store_check;
%ignore hip_store_put_json;
%ignore hip_store_put_program;
%ignore hip_store_put_session;
%ignore hip_store_put_pain;
%ignore hip_store_put_outcome;
%ignore hip_store_put_decision;
%ignore hip_store_put_assessment;
%ignore hip_store_delete;
%ignore hip_store_query_init;
%ignore hip_store_list;
%ignore hip_store_get;
%ignore hip_store_record_at;
%ignore hip_store_read_json;
%ignore hip_store_load_painlog;
%ignore hip_store_load_program;
%ignore hip_store_load_session;
%ignore hip_store_load_outcome;
%ignore hip_store_load_decision;
%ignore hip_store_load_assessments;
%ignore hip_store_decision_export_json;
%ignore hip_store_decision_import_json;
%include "hiptrack/hip_store.h"

typedef hip_status hip_store_status;
HIP_STATUS_TYPE(hip_store_status, hip__bind_text(result, hip_store_last_error(arg1)))

%extend hip_store_config {
    hip_store_config() {
        hip_store_config *c = (hip_store_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_store_config_init(c);
        return c;
    }
    ~hip_store_config() { free($self); }
}

%extend hip_store_query {
    hip_store_query() {
        hip_store_query *q = (hip_store_query *)calloc(1, sizeof *q);
        if (!q) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_store_query_init(q);
        return q;
    }
    ~hip_store_query() { free($self); }
}

%extend hip_store_record {
    hip_store_record() { return (hip_store_record *)calloc(1, sizeof(hip_store_record)); }
    ~hip_store_record() { free($self); }
}

/* Filling a decision's fixed inputs array from a language (to store a decision made there). */
%extend hip_progression_decision {
    hip_status set_input_at(size_t index, const hip_progression_input *in) {
        if (!in || index >= HIPTRACK_PROGRESSION_MAX_INPUTS) {
            hip__bind_fail(HIP_ERR_RANGE, "input index out of range");
            return HIP_ERR_RANGE;
        }
        $self->inputs[index] = *in;
        if ($self->input_count < index + 1) $self->input_count = index + 1;
        return HIP_OK;
    }
}

%apply uint32_t *OUTPUT { uint32_t *version_out };
%apply long long *OUTPUT { long long *seq_out };
%apply (int64_t *OUT_ARRAY, size_t OUT_CAP) { (int64_t *seqs, size_t seqs_cap) };

HIP_LONG_CALL(hip_store::load_painlog_into)
HIP_LONG_CALL(hip_store::load_assessments_into)
struct hip_store {};
%extend hip_store {
    /* hip_store_open; a refusal is the pending error with the open's message. */
    hip_store(const char *path, const hip_store_config *config = NULL) {
        hip_store *s = NULL;
        char err[300];
        hip_status st = hip_store_open(path, config, &s, err, sizeof err);
        if (st != HIP_OK) hip__bind_fail(st, err);
        return s;
    }
    ~hip_store() { hip_store_close($self); }
    const char *last_error();
    hip_store_status schema_version(uint32_t *version_out);
    hip_store_status last_seq_value(long long *seq_out) {
        int64_t v = 0;
        hip_status st = hip_store_last_seq($self, &v);
        *seq_out = (long long)v;
        return st;
    }
    hip_store_status check();
    hip_store_status put_json(hip_store_kind kind, const char *record_id, const char *IN_BYTES,
                              size_t IN_LEN, hip_store_record *out);
    hip_store_status put_program(const char *record_id, const hip_program *program,
                                 hip_store_record *out);
    hip_store_status put_session(const char *record_id, const hip_session *session,
                                 hip_store_record *out);
    hip_store_status put_pain(const char *record_id, const hip_pain_entry *entry,
                              hip_store_record *out);
    hip_store_status put_outcome(const char *record_id, const hip_outcome_response *response,
                                 hip_store_record *out);
    hip_store_status put_decision(const char *record_id, const hip_progression_decision *decision,
                                  hip_store_record *out);
    hip_store_status put_assessment(const char *record_id, const hip_assess_result *result,
                                    hip_store_record *out);
    /* hip_store_delete ("delete" is taken by the languages' own destructors). */
    hip_store_status delete_record(hip_store_kind kind, const char *record_id,
                                   hip_store_record *out) {
        return hip_store_delete($self, kind, record_id, out);
    }
    /* hip_store_list in two adapters: the count, then the sequence numbers of the records (each
     * described by record_at); give both the same query.as_of_seq. */
    hip_store_status list_count(const hip_store_query *query, size_t *count_out) {
        return hip_store_list($self, query, NULL, 0, count_out);
    }
    hip_store_status list_seqs(const hip_store_query *query, int64_t *seqs, size_t seqs_cap,
                               size_t *count_out) {
        hip_store_record *recs = NULL;
        hip_status st;
        *count_out = 0;
        if (seqs_cap) {
            recs = (hip_store_record *)calloc(seqs_cap, sizeof *recs);
            if (!recs) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return HIP_ERR_NOMEM; }
        }
        st = hip_store_list($self, query, recs, seqs_cap, count_out);
        if (st == HIP_OK)
            for (size_t i = 0; i < *count_out && i < seqs_cap; i++) seqs[i] = recs[i].seq;
        free(recs);
        return st;
    }
    hip_store_status get_record(hip_store_kind kind, const char *record_id, long long as_of_seq,
                         hip_store_record *out) {
        return hip_store_get($self, kind, record_id, (int64_t)as_of_seq, out);
    }
    hip_store_status record_of_seq(long long seq, hip_store_record *out) {
        return hip_store_record_at($self, (int64_t)seq, out);
    }
    hip_store_status json_of_seq(long long seq, char *OUT_BYTES, size_t OUT_CAP, size_t *len_out) {
        return hip_store_read_json($self, (int64_t)seq, OUT_BYTES, OUT_CAP, len_out);
    }
    hip_store_status load_painlog_into(int32_t from_day, int32_t to_day, long long as_of_seq,
                                  hip_painlog *into) {
        return hip_store_load_painlog($self, from_day, to_day, (int64_t)as_of_seq, into);
    }
    hip_store_status load_assessments_into(int32_t from_day, int32_t to_day, long long as_of_seq,
                                           hip_assess_history *into) {
        return hip_store_load_assessments($self, from_day, to_day, (int64_t)as_of_seq, into);
    }
    hip_store_status load_program_into(const char *record_id, long long as_of_seq, hip_program *into) {
        return hip_store_load_program($self, record_id, (int64_t)as_of_seq, into);
    }
    hip_store_status load_session_into(const char *record_id, long long as_of_seq, hip_session *into) {
        return hip_store_load_session($self, record_id, (int64_t)as_of_seq, into);
    }
    hip_store_status load_outcome_into(const char *record_id, long long as_of_seq,
                                  hip_outcome_response *into) {
        return hip_store_load_outcome($self, record_id, (int64_t)as_of_seq, into);
    }
    hip_store_status load_decision_into(const char *record_id, long long as_of_seq,
                                   hip_progression_decision *out) {
        return hip_store_load_decision($self, record_id, (int64_t)as_of_seq, out);
    }
}
%clear uint32_t *version_out;
%clear long long *seq_out;
%clear (int64_t *seqs, size_t seqs_cap);

%constant size_t HIP_STORE_RECORD_SIZE = sizeof(hip_store_record);
