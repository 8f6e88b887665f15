/* Counts the reps in a recording CSV (t,ax,ay,az,gx,gy,gz; s, m/s^2, rad/s) with the streaming
 * detector, pushing the file in small blocks as a phone app would push sensor batches.
 * Usage: count_reps FILE.csv [EXERCISE_ID]. Without a file it simulates ten bridges first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <hiptrack/hiptrack.h>

#define BLOCK 32

static int count(hip_reps *det, const int64_t *t, const float *v, size_t n)
{
    int reps = 0;
    hip_rep_event rep;
    for (size_t done = 0; done < n;) {
        size_t want = n - done < BLOCK ? n - done : BLOCK, used;
        if (hip_reps_push_block(det, t + done, v + done * 6, want, &used) != HIP_OK) {
            fprintf(stderr, "%s\n", hip_reps_last_error(det));
            return -1;
        }
        done += used;
        while (hip_reps_next_event(det, &rep) == HIP_OK) {
            printf("rep %2u  %6.2f-%6.2f s  %5.1f deg%s%s\n", rep.index, (double)rep.start_ns * 1e-9,
                   (double)rep.end_ns * 1e-9, rep.excursion_deg, rep.flags & HIP_REP_PARTIAL ? "  partial" : "",
                   rep.flags & HIP_REP_TOO_FAST ? "  too fast" : "");
            reps++;
        }
    }
    hip_reps_finish(det);
    while (hip_reps_next_event(det, &rep) == HIP_OK) reps++;
    return reps;
}

int main(int argc, char **argv)
{
    const char *exercise = argc > 2 ? argv[2] : "bridge";
    hip_catalog *catalog;
    hip_exercise ex;
    if (hip_catalog_create(NULL, &catalog) != HIP_OK) return 1;
    if (hip_catalog_find(catalog, exercise, &ex) != HIP_OK) {
        fprintf(stderr, "unknown exercise '%s'\n", exercise);
        return 1;
    }
    hip_catalog_destroy(catalog);

    size_t n = 0, cap = 1 << 12;
    int64_t *t = malloc(cap * sizeof *t);
    float *v = malloc(cap * 6 * sizeof *v);
    size_t truth = 0;
    if (argc > 1) {
        FILE *f = fopen(argv[1], "r");
        char line[512];
        if (!f || !fgets(line, sizeof line, f)) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
        double s;
        while (fgets(line, sizeof line, f) &&
               sscanf(line, "%lf,%f,%f,%f,%f,%f,%f", &s, &v[n * 6], &v[n * 6 + 1], &v[n * 6 + 2],
                      &v[n * 6 + 3], &v[n * 6 + 4], &v[n * 6 + 5]) == 7) {
            t[n++] = (int64_t)(s * 1e9 + 0.5);
            if (n == cap) {
                cap *= 2;
                t = realloc(t, cap * sizeof *t);
                v = realloc(v, cap * 6 * sizeof *v);
            }
        }
        fclose(f);
    } else {
        hip_sim_config sc;
        hip_sim_config_init(&sc);
        sc.exercise = ex;
        sc.reps_per_set = 10;
        sc.seed = 42;
        hip_sim *sim;
        if (hip_sim_create(&sc, &sim, NULL, 0) != HIP_OK) return 1;
        truth = hip_sim_rep_count(sim);
        size_t got;
        while (hip_sim_read(sim, t + n, v + n * 6, cap - n, &got) == HIP_OK && got) {
            n += got;
            if (n == cap) {
                cap *= 2;
                t = realloc(t, cap * sizeof *t);
                v = realloc(v, cap * 6 * sizeof *v);
            }
        }
        hip_sim_destroy(sim);
    }

    hip_reps_config cfg;
    hip_reps_config_init(&cfg, HIP_REPS_INPUT_IMU);
    hip_reps_config_for_exercise(&cfg, &ex);
    hip_reps *det;
    if (hip_reps_create(&cfg, &det) != HIP_OK) return 1;
    int reps = count(det, t, v, n);
    hip_reps_destroy(det);
    free(t);
    free(v);
    if (reps < 0) return 1;
    printf("%d reps of %s in %zu samples\n", reps, ex.name, n);
    return truth && (size_t)reps != truth ? 1 : 0;
}
