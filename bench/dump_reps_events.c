/* Every field of every detector event, floats in hexadecimal (%a), for bit-exact before/after
 * comparisons of detector changes (bench/compare_reps_events.sh). Each file runs as 6-axis IMU
 * input and as accelerometer-only input (its first three columns), pushed in blocks of CHUNK
 * samples (default: the whole file).
 * Usage: dump_reps_events [--chunk N] FILE.csv...   Writes to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "recording.h"
#include "hiptrack/hiptrack.h"

static void print_events(hip_reps *r, const char *name, const char *mode)
{
    hip_rep_event e;
    while (hip_reps_next_event(r, &e) == HIP_OK) {
        printf("%s %s %u %u %d %lld %lld %lld %lld %a %a %a %a %a %a %a\n", name, mode, e.index, e.flags,
               (int)e.source, (long long)e.start_ns, (long long)e.peak_ns, (long long)e.end_ns,
               (long long)e.emitted_ns, e.excursion_deg, e.travel_cm, e.concentric_s, e.eccentric_s,
               e.hold_s, e.peak_speed_dps, e.smoothness);
    }
}

static int run(const recording *rec, hip_reps_input input, size_t chunk, const char *name)
{
    size_t w = input == HIP_REPS_INPUT_IMU ? 6 : 3;
    float *vals = malloc(rec->count * w * sizeof *vals + 1);
    if (!vals) return 1;
    for (size_t i = 0; i < rec->count; i++)
        for (size_t j = 0; j < w; j++) vals[i * w + j] = rec->values[i * 6 + j];
    hip_reps_config cfg;
    hip_reps_config_init(&cfg, input);
    hip_reps *r;
    if (hip_reps_create(&cfg, &r) != HIP_OK) { free(vals); return 1; }
    const char *mode = input == HIP_REPS_INPUT_IMU ? "imu" : "accel";
    size_t done = 0;
    while (done < rec->count) {
        size_t n = rec->count - done, used = 0;
        if (n > chunk) n = chunk;
        hip_status st = hip_reps_push_block(r, rec->t_ns + done, vals + done * w, n, &used);
        if (st != HIP_OK) printf("%s %s status %d at %zu: %s\n", name, mode, (int)st, done, hip_reps_last_error(r));
        done += used ? used : 1;
        print_events(r, name, mode);
    }
    hip_reps_finish(r);
    print_events(r, name, mode);
    hip_reps_destroy(r);
    free(vals);
    return 0;
}

int main(int argc, char **argv)
{
    size_t chunk = (size_t)-1;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--chunk") == 0) { chunk = (size_t)strtoul(argv[2], NULL, 10); first = 3; }
    if (argc <= first || chunk == 0) {
        fprintf(stderr, "usage: dump_reps_events [--chunk N] FILE.csv...\n");
        return 64;
    }
    for (int i = first; i < argc; i++) {
        size_t len;
        char *text = cli_read_file(argv[i], &len);
        rec_options o;
        rec_options_init(&o, 6);
        char msg[256];
        recording rec;
        if (!text || rec_parse(text, len, &o, &rec, msg, sizeof msg)) {
            fprintf(stderr, "%s: %s\n", argv[i], text ? msg : "cannot read");
            free(text);
            return 1;
        }
        free(text);
        const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        if (run(&rec, HIP_REPS_INPUT_IMU, chunk, name) || run(&rec, HIP_REPS_INPUT_ACCEL, chunk, name)) return 1;
        rec_free(&rec);
    }
    return 0;
}
