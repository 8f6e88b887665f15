#define _POSIX_C_SOURCE 199309L   /* clock_gettime */
/* Detector throughput: 6-axis samples per second on one core, parsing excluded; with --with-parse
 * also the recording CSV reader alone and the two together (the CLI's work on a file), from the
 * file's bytes already in memory (reading the file from disk is excluded: it is the same for any
 * reader and depends on the page cache). Each figure is the best of --repeat runs.
 * Usage: bench_reps [--repeat N] [--with-parse] FILE.csv...   Prints one line of key=value pairs:
 * samples_per_s is the detector alone; with --with-parse, parse_samples_per_s (rec_parse, the unit
 * checks included, as `hiptrack reps` runs it) and e2e_samples_per_s (rec_parse then the detector,
 * file by file). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "recording.h"
#include "hiptrack/hiptrack.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The detector over one parsed recording, from a reset; returns the events. */
static size_t detect(hip_reps *r, const recording *rec)
{
    size_t reps = 0, done = 0;
    hip_rep_event e;
    hip_reps_reset(r);
    while (done < rec->count) {
        size_t used;
        hip_reps_push_block(r, rec->t_ns + done, rec->values + done * 6, rec->count - done, &used);
        done += used;
        while (hip_reps_next_event(r, &e) == HIP_OK) reps++;
    }
    hip_reps_finish(r);
    while (hip_reps_next_event(r, &e) == HIP_OK) reps++;
    return reps;
}

static int parse(const char *text, size_t len, recording *rec, const char *path)
{
    rec_options o;
    rec_options_init(&o, 6);
    char msg[256];
    if (rec_parse(text, len, &o, rec, msg, sizeof msg)) {
        fprintf(stderr, "%s: %s\n", path, msg);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int repeat = 5, first = 1, with_parse = 0;
    for (;;) {
        if (argc > first + 1 && strcmp(argv[first], "--repeat") == 0) { repeat = atoi(argv[first + 1]); first += 2; }
        else if (argc > first && strcmp(argv[first], "--with-parse") == 0) { with_parse = 1; first++; }
        else break;
    }
    size_t n_files = (size_t)(argc - first);
    if (n_files == 0 || repeat < 1) {
        fprintf(stderr, "usage: bench_reps [--repeat N] [--with-parse] FILE.csv...\n");
        return 64;
    }
    recording *recs = calloc(n_files, sizeof *recs);
    char **texts = calloc(n_files, sizeof *texts);
    size_t *lens = calloc(n_files, sizeof *lens);
    if (!recs || !texts || !lens) return 1;
    size_t samples = 0, bytes = 0;
    for (size_t i = 0; i < n_files; i++) {
        const char *path = argv[first + (int)i];
        texts[i] = cli_read_file(path, &lens[i]);
        if (!texts[i]) { fprintf(stderr, "%s: cannot read\n", path); return 1; }
        if (parse(texts[i], lens[i], &recs[i], path)) return 1;
        samples += recs[i].count;
        bytes += lens[i];
    }
    hip_reps_config cfg;
    hip_reps_config_init(&cfg, HIP_REPS_INPUT_IMU);
    hip_reps *r;
    if (hip_reps_create(&cfg, &r) != HIP_OK) return 1;
    double best = 1e30;
    size_t reps = 0;
    for (int k = 0; k < repeat; k++) {
        reps = 0;
        double t0 = now_s();
        for (size_t i = 0; i < n_files; i++) reps += detect(r, &recs[i]);
        double dt = now_s() - t0;
        if (dt < best) best = dt;
    }
    printf("files=%zu samples=%zu reps=%zu best_s=%.6f samples_per_s=%.0f state_bytes=%zu", n_files,
           samples, reps, best, (double)samples / best, hip_reps_state_size());
    if (with_parse) {
        double best_parse = 1e30, best_e2e = 1e30;
        size_t reps_e2e = 0;
        for (int k = 0; k < repeat; k++) {
            /* the reader alone */
            double t0 = now_s();
            for (size_t i = 0; i < n_files; i++) {
                recording rec;
                if (parse(texts[i], lens[i], &rec, argv[first + (int)i])) return 1;
                rec_free(&rec);
            }
            double dt = now_s() - t0;
            if (dt < best_parse) best_parse = dt;
            /* the reader then the detector, file by file: what `hiptrack reps` does */
            reps_e2e = 0;
            t0 = now_s();
            for (size_t i = 0; i < n_files; i++) {
                recording rec;
                if (parse(texts[i], lens[i], &rec, argv[first + (int)i])) return 1;
                reps_e2e += detect(r, &rec);
                rec_free(&rec);
            }
            dt = now_s() - t0;
            if (dt < best_e2e) best_e2e = dt;
        }
        if (reps_e2e != reps) { fprintf(stderr, "end to end found %zu events, not %zu\n", reps_e2e, reps); return 1; }
        printf(" bytes=%zu parse_best_s=%.6f parse_samples_per_s=%.0f parse_mb_per_s=%.1f e2e_best_s=%.6f e2e_samples_per_s=%.0f",
               bytes, best_parse, (double)samples / best_parse, (double)bytes / best_parse * 1e-6, best_e2e,
               (double)samples / best_e2e);
    }
    printf("\n");
    hip_reps_destroy(r);
    for (size_t i = 0; i < n_files; i++) {
        rec_free(&recs[i]);
        free(texts[i]);
    }
    free(recs);
    free(texts);
    free(lens);
    return 0;
}
