/* hiptrack export: the member's store as FHIR R4 JSON or CSV (hip_export.h), for clinicians and
 * research scripts.
 *
 *   hiptrack export [--store PATH] --fhir --patient Patient/ID [--bundle collection|transaction]
 *                   [--pain-value integer|quantity|answer] [--snomed] [--pretty]
 *                   [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--output FILE]
 *   hiptrack export [--store PATH] --csv pain|sessions [--from ...] [--to ...] [--output FILE]
 *
 * The store is found as for `hiptrack log`, must exist, and is read at one snapshot (the last write
 * when the export starts), so a concurrent `log` never tears an export. Exit codes: 0 ok, 1 an
 * invalid option value, 2 a store that is not usable or whose records do not read back, 64 usage,
 * 69 store not built, 74 I/O. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "hiptrack/hiptrack.h"

#ifndef HIPTRACK_CLI_WITH_STORE

int cmd_export(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hiptrack export: the store was not built (configure with SQLite 3 installed "
                    "and -DHIPTRACK_BUILD_STORE=ON)\n");
    return CLI_UNAVAILABLE;
}

#else

typedef enum { OUT_NONE, OUT_FHIR, OUT_CSV_PAIN, OUT_CSV_SESSIONS } output_kind;

typedef struct options {
    const char *store_path;
    const char *output_path;
    output_kind kind;
    int32_t from_day, to_day;
    hip_fhir_config fhir;
} options;

/* What the export reads, loaded from the store; owned here and released by data_free. */
typedef struct loaded {
    hip_catalog *catalog;
    hip_painlog *painlog;
    hip_session **sessions;
    size_t session_count;
    hip_outcome_response **outcomes;
    hip_outcome_result *results;
    size_t outcome_count;
    hip_assess_result *assessments;
    size_t assessment_count;
} loaded;

static int usage(void)
{
    fprintf(stderr,
            "usage: hiptrack export [--store PATH] --fhir --patient Patient/ID "
            "[--bundle collection|transaction]\n"
            "                       [--pain-value integer|quantity|answer] [--snomed] [--pretty]\n"
            "                       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--output FILE]\n"
            "       hiptrack export [--store PATH] --csv pain|sessions [--from YYYY-MM-DD] "
            "[--to YYYY-MM-DD] [--output FILE]\n");
    return CLI_USAGE;
}

static int bad_value(const char *opt, const char *value, const char *expected)
{
    fprintf(stderr, "hiptrack export: %s: expected %s, found '%s'\n", opt, expected, value);
    return CLI_INVALID;
}

static int parse_options(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->from_day = HIPTRACK_STORE_DAY_MIN;
    o->to_day = HIPTRACK_STORE_DAY_MAX;
    hip_fhir_config_init(&o->fhir);
    int patient_given = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--fhir") == 0) { o->kind = OUT_FHIR; continue; }
        if (strcmp(a, "--snomed") == 0) { o->fhir.snomed_body_site = 1; continue; }
        if (strcmp(a, "--pretty") == 0) { o->fhir.pretty = 1; continue; }
        if (i + 1 >= argc) return usage();
        const char *v = argv[++i];
        if (strcmp(a, "--store") == 0) o->store_path = v;
        else if (strcmp(a, "--output") == 0 || strcmp(a, "-o") == 0) o->output_path = v;
        else if (strcmp(a, "--csv") == 0) {
            if (strcmp(v, "pain") == 0) o->kind = OUT_CSV_PAIN;
            else if (strcmp(v, "sessions") == 0) o->kind = OUT_CSV_SESSIONS;
            else return bad_value(a, v, "pain or sessions");
        } else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
            int32_t *day = a[2] == 'f' ? &o->from_day : &o->to_day;
            if (hip_date_parse(v, day) != HIP_OK) return bad_value(a, v, "a date YYYY-MM-DD");
        } else if (strcmp(a, "--patient") == 0) {
            if (strlen(v) >= sizeof o->fhir.patient) return bad_value(a, v, "a shorter reference");
            strcpy(o->fhir.patient, v);
            patient_given = 1;
        } else if (strcmp(a, "--bundle") == 0) {
            if (strcmp(v, "collection") == 0) o->fhir.bundle_type = HIP_FHIR_BUNDLE_COLLECTION;
            else if (strcmp(v, "transaction") == 0) o->fhir.bundle_type = HIP_FHIR_BUNDLE_TRANSACTION;
            else return bad_value(a, v, "collection or transaction");
        } else if (strcmp(a, "--pain-value") == 0) {
            if (strcmp(v, "integer") == 0) o->fhir.pain_value = HIP_FHIR_PAIN_VALUE_INTEGER;
            else if (strcmp(v, "quantity") == 0) o->fhir.pain_value = HIP_FHIR_PAIN_VALUE_QUANTITY;
            else if (strcmp(v, "answer") == 0) o->fhir.pain_value = HIP_FHIR_PAIN_VALUE_ANSWER;
            else return bad_value(a, v, "integer, quantity or answer");
        } else return usage();
    }
    if (o->kind == OUT_NONE) {
        fprintf(stderr, "hiptrack export: say what to export: --fhir or --csv pain|sessions\n");
        return usage();
    }
    if (o->from_day > o->to_day) {
        fprintf(stderr, "hiptrack export: --from is after --to\n");
        return CLI_INVALID;
    }
    if (o->kind == OUT_FHIR) {
        if (!patient_given) {
            fprintf(stderr, "hiptrack export: --fhir needs --patient (the FHIR reference of the "
                            "member, e.g. Patient/123)\n");
            return CLI_USAGE;
        }
        /* The exporter validates the reference: ask it now, before any reading, with an entry that
         * a known-good reference accepts (so a refusal is the reference's fault). */
        hip_pain_entry probe;
        hip_pain_entry_init(&probe);
        probe.nrs = 0;
        hip_fhir_config good = o->fhir;
        strcpy(good.patient, "Patient/p");
        size_t len;
        if (hip_export_fhir_pain(&probe, &good, NULL, 0, &len) == HIP_OK
            && hip_export_fhir_pain(&probe, &o->fhir, NULL, 0, &len) != HIP_OK)
            return bad_value("--patient", o->fhir.patient,
                             "Patient/<id> with an id of [A-Za-z0-9-.]{1,64}, or urn:uuid:<uuid>");
    }
    return CLI_OK;
}

static void data_free(loaded *d)
{
    for (size_t i = 0; i < d->session_count; i++) hip_session_destroy(d->sessions[i]);
    for (size_t i = 0; i < d->outcome_count; i++) hip_outcome_response_destroy(d->outcomes[i]);
    free(d->sessions);
    free(d->outcomes);
    free(d->results);
    free(d->assessments);
    hip_painlog_destroy(d->painlog);
    hip_catalog_destroy(d->catalog);
}

static int store_failed(hip_store *s)
{
    fprintf(stderr, "hiptrack export: %s\n", hip_store_last_error(s));
    return CLI_MALFORMED;
}

/* The newest version of every record of kind in the range, as of as_of. */
static int list_records(hip_store *s, hip_store_kind kind, const options *o, int64_t as_of,
                        hip_store_record **out, size_t *count)
{
    hip_store_query q;
    hip_store_query_init(&q);
    q.kind = kind;
    q.from_day = o->from_day;
    q.to_day = o->to_day;
    q.as_of_seq = as_of;
    *out = NULL;
    *count = 0;
    if (hip_store_list(s, &q, NULL, 0, count) != HIP_OK) return store_failed(s);
    *out = calloc(*count ? *count : 1, sizeof **out);
    if (!*out) return CLI_IOERR;
    if (hip_store_list(s, &q, *out, *count, count) != HIP_OK) return store_failed(s);
    return CLI_OK;
}

static int load_sessions(hip_store *s, const options *o, int64_t as_of, loaded *d)
{
    hip_store_record *recs;
    size_t n;
    int rc = list_records(s, HIP_STORE_KIND_SESSION, o, as_of, &recs, &n);
    if (rc == CLI_OK && !(d->sessions = calloc(n ? n : 1, sizeof *d->sessions))) rc = CLI_IOERR;
    for (size_t i = 0; rc == CLI_OK && i < n; i++) {
        if (hip_session_create(NULL, &d->sessions[i]) != HIP_OK) { rc = CLI_IOERR; break; }
        d->session_count = i + 1;
        if (hip_store_load_session(s, recs[i].record_id, as_of, d->sessions[i]) != HIP_OK)
            rc = store_failed(s);
    }
    free(recs);
    return rc;
}

static int load_outcomes(hip_store *s, const options *o, int64_t as_of, loaded *d)
{
    hip_store_record *recs;
    size_t n;
    int rc = list_records(s, HIP_STORE_KIND_OUTCOME, o, as_of, &recs, &n);
    if (rc == CLI_OK && (!(d->outcomes = calloc(n ? n : 1, sizeof *d->outcomes))
                         || !(d->results = calloc(n ? n : 1, sizeof *d->results))))
        rc = CLI_IOERR;
    for (size_t i = 0; rc == CLI_OK && i < n; i++) {
        if (hip_outcome_response_create(NULL, &d->outcomes[i]) != HIP_OK) { rc = CLI_IOERR; break; }
        d->outcome_count = i + 1;
        if (hip_store_load_outcome(s, recs[i].record_id, as_of, d->outcomes[i]) != HIP_OK)
            rc = store_failed(s);
        else if (hip_outcome_score(d->outcomes[i], &d->results[i]) != HIP_OK) {
            fprintf(stderr, "hiptrack export: outcome '%s': %s\n", recs[i].record_id,
                    hip_outcome_response_last_error(d->outcomes[i]));
            rc = CLI_MALFORMED;
        }
    }
    free(recs);
    return rc;
}

/* The assessments of the range, copied out of a history as values for hip_export_input. */
static int load_assessments(hip_store *s, const options *o, int64_t as_of, loaded *d)
{
    hip_assess_history *h = NULL;
    if (hip_assess_history_create(NULL, &h) != HIP_OK) return CLI_IOERR;
    int rc = CLI_OK;
    if (hip_store_load_assessments(s, o->from_day, o->to_day, as_of, h) != HIP_OK) {
        rc = store_failed(s);
    } else {
        size_t n = hip_assess_history_count(h);
        if (!(d->assessments = calloc(n ? n : 1, sizeof *d->assessments))) rc = CLI_IOERR;
        for (size_t i = 0; rc == CLI_OK && i < n; i++)
            if (hip_assess_history_at(h, i, &d->assessments[i]) != HIP_OK) rc = CLI_IOERR;
        if (rc == CLI_OK) d->assessment_count = n;
    }
    hip_assess_history_destroy(h);
    return rc;
}

static int load(hip_store *s, const options *o, loaded *d)
{
    int64_t as_of = 0;
    if (hip_store_last_seq(s, &as_of) != HIP_OK) return store_failed(s);
    if (hip_catalog_create(NULL, &d->catalog) != HIP_OK || hip_painlog_create(NULL, &d->painlog) != HIP_OK)
        return CLI_IOERR;
    if (as_of == 0) return CLI_OK;  /* an empty store (and 0 would mean "now" to the reads below) */
    int rc = CLI_OK;
    if (o->kind == OUT_FHIR || o->kind == OUT_CSV_PAIN) {
        if (hip_store_load_painlog(s, o->from_day, o->to_day, as_of, d->painlog) != HIP_OK)
            return store_failed(s);
    }
    if (o->kind == OUT_FHIR || o->kind == OUT_CSV_SESSIONS) rc = load_sessions(s, o, as_of, d);
    if (rc == CLI_OK && o->kind == OUT_FHIR) rc = load_outcomes(s, o, as_of, d);
    if (rc == CLI_OK && o->kind == OUT_FHIR) rc = load_assessments(s, o, as_of, d);
    return rc;
}

static hip_status run_export(const options *o, const hip_export_input *in, char *buf, size_t cap,
                             size_t *len)
{
    switch (o->kind) {
    case OUT_FHIR: return hip_export_fhir_bundle(in, o->from_day, o->to_day, &o->fhir, buf, cap, len);
    case OUT_CSV_PAIN: return hip_export_csv_pain(in, o->from_day, o->to_day, buf, cap, len);
    default: return hip_export_csv_sessions(in, o->from_day, o->to_day, buf, cap, len);
    }
}

static int write_output(const options *o, const char *text, size_t len)
{
    FILE *f = o->output_path ? fopen(o->output_path, "wb") : stdout;
    if (!f) {
        fprintf(stderr, "hiptrack export: cannot open %s for writing\n", o->output_path);
        return CLI_IOERR;
    }
    int ok = fwrite(text, 1, len, f) == len;
    if (o->kind == OUT_FHIR) ok = ok && fputc('\n', f) != EOF;  /* CSV ends with its own newline */
    ok = (o->output_path ? fclose(f) : fflush(f)) == 0 && ok;
    if (!ok) {
        fprintf(stderr, "hiptrack export: cannot write %s\n", o->output_path ? o->output_path : "stdout");
        return CLI_IOERR;
    }
    return CLI_OK;
}

int cmd_export(int argc, char **argv)
{
    options o;
    int rc = parse_options(argc, argv, &o);
    if (rc != CLI_OK) return rc;
    char pathbuf[4096];
    hip_store *s = NULL;
    rc = cli_store_open("export", cli_store_path(o.store_path, pathbuf, sizeof pathbuf), 0, &s);
    if (rc != CLI_OK) return rc;

    loaded d;
    memset(&d, 0, sizeof d);
    rc = load(s, &o, &d);
    hip_store_close(s);
    char *text = NULL;
    if (rc == CLI_OK) {
        hip_export_input in;
        hip_export_input_init(&in);
        in.painlog = d.painlog;
        in.sessions = (const hip_session *const *)d.sessions;
        in.session_count = d.session_count;
        in.outcomes = (const hip_outcome_response *const *)d.outcomes;
        in.outcome_results = d.results;
        in.outcome_count = d.outcome_count;
        in.catalog = d.catalog;
        in.assessments = d.assessments;
        in.assessment_count = d.assessment_count;
        size_t len = 0;
        hip_status st = run_export(&o, &in, NULL, 0, &len);
        if (st == HIP_OK && !(text = malloc(len + 1))) rc = CLI_IOERR;
        if (st == HIP_OK && text) st = run_export(&o, &in, text, len + 1, &len);
        if (st != HIP_OK) {
            fprintf(stderr, "hiptrack export: the export failed: %s\n", hip_status_str(st));
            rc = cli_store_status_exit(st);
        } else if (rc == CLI_OK) {
            rc = write_output(&o, text, len);
        }
    }
    free(text);
    data_free(&d);
    return rc;
}

#endif
