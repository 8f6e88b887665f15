#define _POSIX_C_SOURCE 200809L   /* clock_gettime, mkdtemp */
/* Store throughput and open time: acknowledged writes per second (each one transaction, returned
 * after COMMIT) with synchronous FULL and NORMAL, the time to open a store of N records, and the
 * time to load all its pain entries into a hip_painlog.
 * Usage: bench_store [--writes N] [--dir DIR]   Prints key=value lines. DIR should be on the disk
 * whose fsync cost is of interest (default /tmp; a tmpfs makes fsync free). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hiptrack/hip_store.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void remove_store(const char *path)
{
    const char *sfx[] = {"", "-wal", "-shm"};
    char p[600];
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, sfx[i]);
        unlink(p);
    }
}

static double write_rate(const char *path, hip_store_sync sync, int writes)
{
    remove_store(path);
    hip_store_config cfg;
    hip_store_config_init(&cfg);
    cfg.sync = sync;
    hip_store *s = NULL;
    char err[256];
    if (hip_store_open(path, &cfg, &s, err, sizeof err) != HIP_OK) {
        fprintf(stderr, "%s\n", err);
        exit(1);
    }
    double t0 = now_s();
    for (int i = 0; i < writes; i++) {
        hip_pain_entry e;
        hip_pain_entry_init(&e);
        e.t_ns = (int64_t)i * 3600LL * 1000000000LL;
        e.nrs = i % 11;
        char id[32];
        snprintf(id, sizeof id, "p%d", i);
        if (hip_store_put_pain(s, id, &e, NULL) != HIP_OK) {
            fprintf(stderr, "%s\n", hip_store_last_error(s));
            exit(1);
        }
    }
    double dt = now_s() - t0;
    hip_store_close(s);
    return writes / dt;
}

int main(int argc, char **argv)
{
    int writes = 2000;
    const char *dir = "/tmp";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--writes") == 0) writes = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "--dir") == 0) dir = argv[i + 1];
    }
    if (writes < 1) writes = 1;
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/hip_bench_store_XXXXXX", dir);
    if (!mkdtemp(tmpl)) { perror("mkdtemp"); return 1; }
    char path[600];
    snprintf(path, sizeof path, "%s/bench.db", tmpl);

    double full = write_rate(path, HIP_STORE_SYNC_FULL, writes);
    double normal = write_rate(path, HIP_STORE_SYNC_NORMAL, writes);
    printf("writes=%d\nacked_writes_per_s_sync_full=%.0f\nacked_writes_per_s_sync_normal=%.0f\n",
           writes, full, normal);

    /* Open time of the store just written (NORMAL run: `writes` records), and a full load. */
    const int opens = 50;
    double t0 = now_s();
    for (int i = 0; i < opens; i++) {
        hip_store *s = NULL;
        if (hip_store_open(path, NULL, &s, NULL, 0) != HIP_OK) return 1;
        hip_store_close(s);
    }
    printf("open_close_ms=%.3f\n", (now_s() - t0) * 1000.0 / opens);
    hip_store *s = NULL;
    if (hip_store_open(path, NULL, &s, NULL, 0) != HIP_OK) return 1;
    hip_painlog *log = NULL;
    hip_painlog_create(NULL, &log);
    t0 = now_s();
    if (hip_store_load_painlog(s, HIPTRACK_STORE_DAY_MIN, HIPTRACK_STORE_DAY_MAX, 0, log) != HIP_OK)
        return 1;
    printf("load_painlog_ms=%.3f (%zu entries)\n", (now_s() - t0) * 1000.0, hip_painlog_count(log));
    hip_painlog_destroy(log);
    hip_store_close(s);
    remove_store(path);
    rmdir(tmpl);
    return 0;
}
