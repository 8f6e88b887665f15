/* hiptrack log: records into the member's store (libhiptrack_store) and lists what is stored.
 *
 *   hiptrack log [--store PATH] pain --nrs N [--context C] [--at RFC3339] [--note TEXT] [--id ID]
 *   hiptrack log [--store PATH] session|program|outcome|assessment FILE.json [--id ID]
 *   hiptrack log [--store PATH] list [--kind K] [--from DAY] [--to DAY] [--all-versions]
 *   hiptrack log [--store PATH] show KIND ID [--as-of SEQ]
 *   hiptrack log [--store PATH] delete KIND ID
 *
 * The store is --store, else $HIPTRACK_STORE, else $XDG_DATA_HOME/hiptrack/hiptrack.db, else
 * ~/.local/share/hiptrack/hiptrack.db (its directory is created). Exit codes as validate: 0 ok,
 * 1 an invalid document or value, 2 malformed JSON or a file that is not a usable store, 64 usage,
 * 74 I/O (cannot read the input, cannot create the store), 69 store not built. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "hiptrack/hiptrack.h"

#ifndef HIPTRACK_CLI_WITH_STORE

int cmd_log(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "hiptrack log: the store was not built (configure with SQLite 3 installed and "
                    "-DHIPTRACK_BUILD_STORE=ON)\n");
    return CLI_UNAVAILABLE;
}

#else

#include <time.h>

#include "json.h"

static int usage(void)
{
    fprintf(stderr,
            "usage: hiptrack log [--store PATH] pain --nrs N [--context C] [--at RFC3339] "
            "[--note TEXT] [--id ID]\n"
            "       hiptrack log [--store PATH] session|program|outcome|assessment FILE.json [--id ID]\n"
            "       hiptrack log [--store PATH] list [--kind K] [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
            "[--all-versions]\n"
            "       hiptrack log [--store PATH] show KIND ID [--as-of SEQ]\n"
            "       hiptrack log [--store PATH] delete KIND ID\n");
    return CLI_USAGE;
}

static int print_written(const hip_store_record *r)
{
    char date[HIPTRACK_DATE_CAP] = "?";
    hip_date_format(r->day, date, sizeof date);
    printf("stored %s '%s' version %u (seq %lld, %s)\n", hip_store_kind_name(r->kind), r->record_id,
           r->version, (long long)r->seq, date);
    return CLI_OK;
}

static int store_error(hip_store *s)
{
    fprintf(stderr, "hiptrack log: %s\n", hip_store_last_error(s));
    return CLI_INVALID;
}

/* Local time now as RFC 3339 with the machine's UTC offset. */
static void now_rfc3339(char *buf, size_t cap)
{
    time_t t = time(NULL);
    struct tm lt;
    localtime_r(&t, &lt);
    long off = lt.tm_gmtoff / 60;
    snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", lt.tm_year + 1900,
             lt.tm_mon + 1, lt.tm_mday, lt.tm_hour, lt.tm_min, lt.tm_sec, off < 0 ? '-' : '+',
             labs(off) / 60, labs(off) % 60);
}

static int log_pain(hip_store *s, int argc, char **argv)
{
    const char *nrs = NULL, *context = "current", *at = NULL, *note = NULL, *id = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc) return usage();
        if (strcmp(a, "--nrs") == 0) nrs = argv[++i];
        else if (strcmp(a, "--context") == 0) context = argv[++i];
        else if (strcmp(a, "--at") == 0) at = argv[++i];
        else if (strcmp(a, "--note") == 0) note = argv[++i];
        else if (strcmp(a, "--id") == 0) id = argv[++i];
        else return usage();
    }
    if (!nrs) return usage();
    char now[64];
    if (!at) { now_rfc3339(now, sizeof now); at = now; }
    /* The entry goes through the pain log's own reader, so --at and --context follow its rules and
     * its messages (docs/painlog.md). */
    char doc[1024];
    hip__jw w;
    hip__jw_init(&w, doc, sizeof doc, 0);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.painlog");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, 1);
    hip__jw_key(&w, "entries"); hip__jw_begin_array(&w); hip__jw_begin_object(&w);
    hip__jw_key(&w, "time"); hip__jw_string(&w, at);
    char *end = NULL;
    long v = strtol(nrs, &end, 10);
    if (!*nrs || *end || v < -1000 || v > 1000) {
        fprintf(stderr, "hiptrack log: --nrs: expected an integer 0..10, found '%s'\n", nrs);
        return CLI_INVALID;
    }
    hip__jw_key(&w, "nrs"); hip__jw_integer(&w, v);
    hip__jw_key(&w, "context"); hip__jw_string(&w, context);
    if (note) { hip__jw_key(&w, "note"); hip__jw_string(&w, note); }
    hip__jw_end_object(&w); hip__jw_end_array(&w); hip__jw_end_object(&w);
    size_t len = 0;
    if (hip__jw_result(&w, &len) != HIP_OK) {
        fprintf(stderr, "hiptrack log: the note is too long\n");
        return CLI_INVALID;
    }
    hip_painlog *log = NULL;
    if (hip_painlog_create(NULL, &log) != HIP_OK) return CLI_IOERR;
    hip_pain_entry e;
    if (hip_painlog_import_json(log, doc, len) != HIP_OK
        || hip_painlog_entry_at(log, 0, &e) != HIP_OK) {
        /* Name the option rather than the document's field. */
        const char *msg = hip_painlog_last_error(log);
        const char *dot = strstr(msg, "].");
        const char *field = dot ? dot + 2 : msg;
        if (strncmp(field, "time:", 5) == 0) fprintf(stderr, "hiptrack log: --at:%s\n", field + 5);
        else fprintf(stderr, "hiptrack log: --%s\n", field);
        hip_painlog_destroy(log);
        return CLI_INVALID;
    }
    hip_painlog_destroy(log);
    char idbuf[HIPTRACK_ID_CAP];
    if (!id) {
        snprintf(idbuf, sizeof idbuf, "pain_%lld", (long long)e.t_ns);
        for (char *p = idbuf; *p; p++) if (*p == '-') *p = 'm';
        id = idbuf;
    }
    hip_store_record r;
    if (hip_store_put_pain(s, id, &e, &r) != HIP_OK) return store_error(s);
    return print_written(&r);
}

/* A document file: malformed JSON exits 2 with line:column, an invalid one 1 with the field. */
static int log_file(hip_store *s, hip_store_kind kind, int argc, char **argv)
{
    const char *file = NULL, *id = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--id") == 0 && i + 1 < argc) id = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) return usage();
        else if (!file) file = argv[i];
        else return usage();
    }
    if (!file) return usage();
    size_t len = 0;
    char *text = cli_read_file(file, &len);
    if (!text) return CLI_IOERR;
    hip__json_doc *doc = NULL;
    hip__json_error jerr;
    if (hip__json_parse(NULL, text, len, NULL, &doc, &jerr) != HIP_OK) {
        fprintf(stderr, "%s:%u:%u: malformed JSON: %s\n", file, (unsigned)jerr.line,
                (unsigned)jerr.col, jerr.message);
        free(text);
        return CLI_MALFORMED;
    }
    hip__json_free(doc);
    /* A default id from the document: the session's start, the outcome's instrument and date. */
    char idbuf[HIPTRACK_ID_CAP];
    hip_status st = HIP_OK;
    if (!id && kind == HIP_STORE_KIND_PROGRAM) id = "program";
    if (!id && kind == HIP_STORE_KIND_SESSION) {
        hip_session *x = NULL;
        hip_session_info info;
        if (hip_session_create(NULL, &x) == HIP_OK && hip_session_import_json(x, text, len) == HIP_OK
            && hip_session_get_info(x, &info) == HIP_OK) {
            snprintf(idbuf, sizeof idbuf, "session_%lld", (long long)info.start_ns);
            for (char *p = idbuf; *p; p++) if (*p == '-') *p = 'm';
            id = idbuf;
        }
        hip_session_destroy(x);
    }
    if (!id && kind == HIP_STORE_KIND_OUTCOME) {
        hip_outcome_response *r = NULL;
        int32_t day = 0;
        int y, m, d;
        if (hip_outcome_response_create(NULL, &r) == HIP_OK
            && hip_outcome_import_json(r, text, len) == HIP_OK && hip_outcome_get_date(r, &day) == HIP_OK
            && hip_date_to_ymd(day, &y, &m, &d) == HIP_OK) {
            snprintf(idbuf, sizeof idbuf, "%s_%04d%02d%02d",
                     hip_instrument_name(hip_outcome_response_instrument(r)), y, m, d);
            for (char *p = idbuf; *p; p++)
                if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
                else if (*p == '-') *p = '_';
            id = idbuf;
        }
        hip_outcome_response_destroy(r);
    }
    if (!id && kind == HIP_STORE_KIND_ASSESSMENT) {   /* rom_<motion>_<side>_<yyyymmdd> */
        hip_assess_history *h = NULL;
        hip_assess_result a;
        int y, m, d;
        if (hip_assess_history_create(NULL, &h) == HIP_OK && hip_assess_history_import_json(h, text, len) == HIP_OK
            && hip_assess_history_count(h) == 1 && hip_assess_history_at(h, 0, &a) == HIP_OK
            && hip_date_to_ymd(a.day, &y, &m, &d) == HIP_OK) {
            snprintf(idbuf, sizeof idbuf, "rom_%s_%s_%04d%02d%02d", hip_rom_motion_name(a.motion),
                     hip_assess_side_name(a.side), y, m, d);
            id = idbuf;
        }
        hip_assess_history_destroy(h);
    }
    if (!id) id = "unnamed";  /* the store names the document's error below */
    hip_store_record rec;
    st = hip_store_put_json(s, kind, id, text, len, &rec);
    free(text);
    if (st != HIP_OK) {
        fprintf(stderr, "%s: %s\n", file, hip_store_last_error(s));
        return cli_store_status_exit(st) == CLI_MALFORMED && st != HIP_ERR_VERSION ? CLI_INVALID
                                                                        : cli_store_status_exit(st);
    }
    return print_written(&rec);
}

static int parse_day(const char *opt, const char *text, int32_t *out)
{
    if (hip_date_parse(text, out) == HIP_OK) return CLI_OK;
    fprintf(stderr, "hiptrack log: %s: expected a date YYYY-MM-DD, found '%s'\n", opt, text);
    return CLI_INVALID;
}

static int log_list(hip_store *s, int argc, char **argv)
{
    hip_store_query q;
    hip_store_query_init(&q);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--all-versions") == 0) { q.all_versions = 1; q.include_deleted = 1; continue; }
        if (i + 1 >= argc) return usage();
        int rc = CLI_OK;
        if (strcmp(a, "--kind") == 0) {
            if (hip_store_kind_from_name(argv[++i], &q.kind) != HIP_OK) {
                fprintf(stderr, "hiptrack log: --kind: expected program, session, pain, outcome, "
                                "decision or assessment, found '%s'\n", argv[i]);
                return CLI_INVALID;
            }
        } else if (strcmp(a, "--from") == 0) rc = parse_day("--from", argv[++i], &q.from_day);
        else if (strcmp(a, "--to") == 0) rc = parse_day("--to", argv[++i], &q.to_day);
        else return usage();
        if (rc != CLI_OK) return rc;
    }
    int64_t seq = 0;
    if (hip_store_last_seq(s, &seq) != HIP_OK) return store_error(s);
    q.as_of_seq = seq;  /* the same snapshot for both calls */
    size_t n = 0;
    if (hip_store_list(s, &q, NULL, 0, &n) != HIP_OK) return store_error(s);
    hip_store_record *recs = calloc(n ? n : 1, sizeof *recs);
    if (!recs) return CLI_IOERR;
    hip_status st = hip_store_list(s, &q, recs, n, &n);
    if (st != HIP_OK) { free(recs); return store_error(s); }
    printf("%-10s  %-10s  %-32s  %7s  %6s\n", "day", "kind", "id", "version", "seq");
    for (size_t i = 0; i < n; i++) {
        char date[HIPTRACK_DATE_CAP] = "?";
        hip_date_format(recs[i].day, date, sizeof date);
        printf("%-10s  %-10s  %-32s  %7u  %6lld%s\n", date, hip_store_kind_name(recs[i].kind),
               recs[i].record_id, recs[i].version, (long long)recs[i].seq,
               recs[i].deleted ? "  (deleted)" : "");
    }
    printf("%zu records\n", n);
    free(recs);
    return CLI_OK;
}

static int kind_arg(const char *text, hip_store_kind *kind)
{
    if (hip_store_kind_from_name(text, kind) == HIP_OK && *kind != HIP_STORE_KIND_ANY) return CLI_OK;
    fprintf(stderr, "hiptrack log: expected a kind (program, session, pain, outcome, decision, "
                    "assessment), "
                    "found '%s'\n", text);
    return CLI_INVALID;
}

static int log_show(hip_store *s, int argc, char **argv)
{
    if (argc != 2 && !(argc == 4 && strcmp(argv[2], "--as-of") == 0)) return usage();
    hip_store_kind kind;
    int rc = kind_arg(argv[0], &kind);
    if (rc != CLI_OK) return rc;
    int64_t as_of = argc == 4 ? strtoll(argv[3], NULL, 10) : 0;
    hip_store_record r;
    if (hip_store_get(s, kind, argv[1], as_of, &r) != HIP_OK) return store_error(s);
    char *buf = malloc(r.json_len + 1);
    size_t len = 0;
    if (!buf) return CLI_IOERR;
    if (hip_store_read_json(s, r.seq, buf, r.json_len + 1, &len) != HIP_OK) {
        free(buf);
        fprintf(stderr, "hiptrack log: %s\n", hip_store_last_error(s));
        return CLI_MALFORMED;
    }
    printf("%s\n", buf);
    free(buf);
    return CLI_OK;
}

static int log_delete(hip_store *s, int argc, char **argv)
{
    if (argc != 2) return usage();
    hip_store_kind kind;
    int rc = kind_arg(argv[0], &kind);
    if (rc != CLI_OK) return rc;
    hip_store_record r;
    if (hip_store_delete(s, kind, argv[1], &r) != HIP_OK) return store_error(s);
    printf("deleted %s '%s' (version %u, seq %lld)\n", hip_store_kind_name(kind), r.record_id,
           r.version, (long long)r.seq);
    return CLI_OK;
}

int cmd_log(int argc, char **argv)
{
    const char *path = NULL;
    int i = 1;
    while (i < argc && argv[i][0] == '-') {
        if (strcmp(argv[i], "--store") == 0 && i + 1 < argc) { path = argv[i + 1]; i += 2; }
        else return usage();
    }
    if (i >= argc) return usage();
    const char *sub = argv[i++];
    char buf[4096];
    path = cli_store_path(path, buf, sizeof buf);
    int reads = strcmp(sub, "list") == 0 || strcmp(sub, "show") == 0;
    int known = reads || strcmp(sub, "pain") == 0 || strcmp(sub, "session") == 0
                || strcmp(sub, "program") == 0 || strcmp(sub, "outcome") == 0
                || strcmp(sub, "assessment") == 0 || strcmp(sub, "delete") == 0;
    if (!known) {
        fprintf(stderr, "hiptrack log: unknown subcommand '%s'\n", sub);
        return usage();
    }
    hip_store *s = NULL;
    int rc = cli_store_open("log", path, !reads, &s);
    if (rc != CLI_OK) return rc;
    int n = argc - i;
    char **rest = argv + i;
    if (strcmp(sub, "pain") == 0) rc = log_pain(s, n, rest);
    else if (strcmp(sub, "session") == 0) rc = log_file(s, HIP_STORE_KIND_SESSION, n, rest);
    else if (strcmp(sub, "program") == 0) rc = log_file(s, HIP_STORE_KIND_PROGRAM, n, rest);
    else if (strcmp(sub, "outcome") == 0) rc = log_file(s, HIP_STORE_KIND_OUTCOME, n, rest);
    else if (strcmp(sub, "assessment") == 0) rc = log_file(s, HIP_STORE_KIND_ASSESSMENT, n, rest);
    else if (strcmp(sub, "list") == 0) rc = log_list(s, n, rest);
    else if (strcmp(sub, "show") == 0) rc = log_show(s, n, rest);
    else rc = log_delete(s, n, rest);
    hip_store_close(s);
    return rc;
}

#endif
