/* Fuzz target: a store file. The input bytes are written to a temporary file, which is opened
 * and read completely (every record listed, every JSON read, every kind loaded into its object),
 * read-only and then writable. No crash; a read-only open never changes the file, and a refused
 * file keeps its bytes exactly. Seeds: fuzz/corpora/store_file (tiny stores made by
 * fuzz/make_store_seeds.c, files that are not stores, and inputs the fuzzer found). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hiptrack/hip_store.h"

static void read_everything(hip_store *s)
{
    hip_store_query q;
    hip_store_query_init(&q);
    q.all_versions = 1;
    q.include_deleted = 1;
    size_t n = 0;
    if (hip_store_list(s, &q, NULL, 0, &n) != HIP_OK) return;
    if (n > 1000) n = 1000;
    hip_store_record *recs = calloc(n ? n : 1, sizeof *recs);
    if (!recs) abort();
    size_t got = 0;
    hip_status st = hip_store_list(s, &q, recs, n, &got);
    if (st == HIP_OK || st == HIP_ERR_BUFSIZE) {
        for (size_t i = 0; i < n && i < got; i++) {
            size_t len = 0;
            if (hip_store_read_json(s, recs[i].seq, NULL, 0, &len) == HIP_OK) {
                char *buf = malloc(len + 1);
                if (!buf) abort();
                if (hip_store_read_json(s, recs[i].seq, buf, len + 1, &len) == HIP_OK
                    && buf[len] != '\0')
                    abort();
                free(buf);
            }
            const char *id = recs[i].record_id;
            switch (recs[i].kind) {
            case HIP_STORE_KIND_PROGRAM: {
                hip_program *p = NULL;
                if (hip_program_create(NULL, &p) != HIP_OK) abort();
                (void)hip_store_load_program(s, id, 0, p);
                hip_program_destroy(p);
                break;
            }
            case HIP_STORE_KIND_SESSION: {
                hip_session *x = NULL;
                if (hip_session_create(NULL, &x) != HIP_OK) abort();
                (void)hip_store_load_session(s, id, 0, x);
                hip_session_destroy(x);
                break;
            }
            case HIP_STORE_KIND_OUTCOME: {
                hip_outcome_response *r = NULL;
                if (hip_outcome_response_create(NULL, &r) != HIP_OK) abort();
                (void)hip_store_load_outcome(s, id, 0, r);
                hip_outcome_response_destroy(r);
                break;
            }
            case HIP_STORE_KIND_DECISION: {
                hip_progression_decision d;
                (void)hip_store_load_decision(s, id, 0, &d);
                break;
            }
            default:
                break;
            }
        }
    }
    free(recs);
    hip_painlog *log = NULL;
    if (hip_painlog_create(NULL, &log) != HIP_OK) abort();
    (void)hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log);
    hip_painlog_destroy(log);
    hip_assess_history *h = NULL;
    if (hip_assess_history_create(NULL, &h) != HIP_OK) abort();
    (void)hip_store_load_assessments(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, h);
    hip_assess_history_destroy(h);
    (void)hip_store_check(s);
}

static int same_bytes(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return size == 0;
    int same = 1;
    for (size_t i = 0; i < size && same; i++) same = fgetc(f) == data[i];
    if (same) same = fgetc(f) == EOF;
    fclose(f);
    return same;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[] = "/tmp/hip_fuzz_store_XXXXXX";
    if (!mkdtemp(dir)) abort();
    char path[64], side[80];
    snprintf(path, sizeof path, "%s/f.db", dir);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size)) abort();
    fclose(f);

    /* Read-only first: it never writes, whatever the file (accepted or not). A read-only open
     * may accept what a writable one refuses: SQLite resolves CHECK constraints only for writers. */
    hip_store *s = NULL;
    char err[256];
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.read_only = 1;
    hip_status st = hip_store_open(path, &cfg, &s, err, sizeof err);
    if (st == HIP_OK) {
        read_everything(s);
        hip_store_close(s);
    } else if (s || st >= 0 || !err[0]) {
        abort();
    }
    if (!same_bytes(path, data, size)) abort();

    /* Writable: a refused file keeps its bytes. */
    s = NULL;
    st = hip_store_open(path, NULL, &s, err, sizeof err);
    if (st == HIP_OK) {
        read_everything(s);
        hip_store_close(s);
    } else {
        if (s || st >= 0 || !err[0]) abort();
        if (!same_bytes(path, data, size)) abort();
    }

    const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(side, sizeof side, "%s%s", path, suffixes[i]);
        unlink(side);
    }
    rmdir(dir);
    return 0;
}
