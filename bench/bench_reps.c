#define _POSIX_C_SOURCE 199309L   /* clock_gettime */
/* Detector throughput: 6-axis samples per second on one core, parsing excluded.
 * Usage: bench_reps [--repeat N] FILE.csv...   Prints one line of key=value pairs. */
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

char *cli_read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    fclose(f);
    if (buf) { buf[n] = '\0'; *len_out = (size_t)n; }
    return buf;
}

int main(int argc, char **argv)
{
    int repeat = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "--repeat") == 0) { repeat = atoi(argv[2]); first = 3; }
    size_t n_files = (size_t)(argc - first);
    if (n_files == 0 || repeat < 1) {
        fprintf(stderr, "usage: bench_reps [--repeat N] FILE.csv...\n");
        return 64;
    }
    recording *recs = calloc(n_files, sizeof *recs);
    size_t samples = 0;
    for (size_t i = 0; i < n_files; i++) {
        size_t len;
        char *text = cli_read_file(argv[first + (int)i], &len);
        rec_options o;
        rec_options_init(&o, 6);
        char msg[256];
        if (!text || rec_parse(text, len, &o, &recs[i], msg, sizeof msg)) {
            fprintf(stderr, "%s: %s\n", argv[first + (int)i], text ? msg : "cannot read");
            return 1;
        }
        free(text);
        samples += recs[i].count;
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
        for (size_t i = 0; i < n_files; i++) {
            hip_reps_reset(r);
            size_t done = 0;
            hip_rep_event e;
            while (done < recs[i].count) {
                size_t used;
                hip_reps_push_block(r, recs[i].t_ns + done, recs[i].values + done * 6, recs[i].count - done, &used);
                done += used;
                while (hip_reps_next_event(r, &e) == HIP_OK) reps++;
            }
            hip_reps_finish(r);
            while (hip_reps_next_event(r, &e) == HIP_OK) reps++;
        }
        double dt = now_s() - t0;
        if (dt < best) best = dt;
    }
    printf("files=%zu samples=%zu reps=%zu best_s=%.6f samples_per_s=%.0f state_bytes=%zu\n", n_files,
           samples, reps, best, (double)samples / best, hip_reps_state_size());
    hip_reps_destroy(r);
    for (size_t i = 0; i < n_files; i++) rec_free(&recs[i]);
    free(recs);
    return 0;
}
