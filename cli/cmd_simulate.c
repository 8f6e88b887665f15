/* hiptrack simulate: a simulated recording CSV (DESIGN.md §6) on stdout and, with --labels, its
 * truth in the labels JSON the real recordings carry, so tools/score_reps.py can score a detector
 * on simulated data exactly as on real data. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "numtext.h"
#include "hiptrack/hiptrack.h"
#include "hiptrack/hip_sim.h"

#define SIM_CHUNK 1024

static const char sim_usage[] =
    "usage: hiptrack simulate --exercise ID [--reps N] [--sets S] [--seed S] [--rate HZ]\n"
    "                         [--placement SEGMENT] [--noise ACCEL_SD,GYRO_SD]\n"
    "                         [--partial FRACTION] [--fast FRACTION] [--rest SECONDS]\n"
    "                         [--labels FILE.json]\n"
    "  writes t,ax,ay,az,gx,gy,gz (s, m/s^2 with gravity, rad/s) to stdout\n"
    "  SEGMENT: thigh shank pelvis trunk foot upper_arm forearm (default: the exercise's)\n";

static int bad_value(const char *option, const char *value, const char *expected)
{
    fprintf(stderr, "hiptrack simulate: %s '%s': expected %s\n", option, value, expected);
    return CLI_USAGE;
}

/* Whole-string decimal integer within 0..max (no sign, no spaces, no locale). */
static int parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s) return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return 0;
        uint64_t d = (uint64_t)(*s - '0');
        if (v > (max - d) / 10) return 0;
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

static int parse_number(const char *s, double *out) { return hip__parse_double(s, strlen(s), out); }

static int parse_segment(const char *s, hip_segment *out)
{
    for (int i = 0; i <= (int)HIP_SEGMENT_FOREARM; i++) {
        if (strcmp(s, hip_segment_name((hip_segment)i)) == 0) {
            *out = (hip_segment)i;
            return 1;
        }
    }
    return 0;
}

typedef struct sim_options {
    const char *exercise, *labels;
    hip_sim_config config;
} sim_options;

/* Applies one option with its value; CLI_OK or an exit code after a message. */
static int apply_option(sim_options *o, const char *opt, const char *val)
{
    hip_sim_config *c = &o->config;
    uint64_t u;
    double d;
    if (strcmp(opt, "--exercise") == 0) o->exercise = val;
    else if (strcmp(opt, "--labels") == 0) o->labels = val;
    else if (strcmp(opt, "--reps") == 0) {
        if (!parse_uint(val, 200, &u) || u < 1) return bad_value(opt, val, "an integer 1..200");
        c->reps_per_set = (uint32_t)u;
    } else if (strcmp(opt, "--sets") == 0) {
        if (!parse_uint(val, 20, &u) || u < 1) return bad_value(opt, val, "an integer 1..20");
        c->sets = (uint32_t)u;
    } else if (strcmp(opt, "--seed") == 0) {
        if (!parse_uint(val, INT64_MAX, &u)) return bad_value(opt, val, "an integer 0..2^63-1");
        c->seed = u;
    } else if (strcmp(opt, "--rate") == 0) {
        if (!parse_number(val, &d) || d < 10 || d > 200) return bad_value(opt, val, "10..200 Hz");
        c->rate_hz = d;
    } else if (strcmp(opt, "--placement") == 0) {
        if (!parse_segment(val, &c->placement))
            return bad_value(opt, val, "thigh, shank, pelvis, trunk, foot, upper_arm or forearm");
        c->placement_from_exercise = 0;
    } else if (strcmp(opt, "--noise") == 0) {
        const char *comma = strchr(val, ',');
        double a, g;
        if (!comma || !hip__parse_double(val, (size_t)(comma - val), &a) ||
            !parse_number(comma + 1, &g) || a < 0 || a > 10 || g < 0 || g > 5)
            return bad_value(opt, val, "ACCEL_SD,GYRO_SD with 0..10 m/s^2 and 0..5 rad/s");
        c->accel_noise = a;
        c->gyro_noise = g;
    } else if (strcmp(opt, "--partial") == 0 || strcmp(opt, "--fast") == 0) {
        if (!parse_number(val, &d) || d < 0 || d > 1) return bad_value(opt, val, "a fraction 0..1");
        if (opt[2] == 'p') c->partial_fraction = d;
        else c->fast_fraction = d;
    } else if (strcmp(opt, "--rest") == 0) {
        if (!parse_number(val, &d) || d < 0 || d > 3600) return bad_value(opt, val, "0..3600 s");
        c->rest_s = d;
    } else {
        fprintf(stderr, "hiptrack simulate: unknown option '%s'\n%s", opt, sim_usage);
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* One CSV field: fixed decimals, '.' whatever the locale, and no "-0.00000". */
static size_t put_fixed(char *p, double v, int decimals)
{
    char buf[48];
    size_t n = hip__format_fixed(buf, sizeof buf, v, decimals);
    const char *s = buf;
    if (n > 1 && buf[0] == '-' && strspn(buf + 1, "0.") == n - 1) {
        s++;
        n--;
    }
    memcpy(p, s, n);
    return n;
}

static int write_csv(hip_sim *sim)
{
    int64_t t[SIM_CHUNK];
    float v[SIM_CHUNK * HIPTRACK_SIM_COLUMNS];
    char line[256];
    fputs("t,ax,ay,az,gx,gy,gz\n", stdout);
    size_t n = 0;
    while (hip_sim_read(sim, t, v, SIM_CHUNK, &n) == HIP_OK) {
        for (size_t i = 0; i < n; i++) {
            size_t len = put_fixed(line, (double)t[i] * 1e-9, 4);
            for (int k = 0; k < HIPTRACK_SIM_COLUMNS; k++) {
                line[len++] = ',';
                len += put_fixed(line + len, (double)v[i * HIPTRACK_SIM_COLUMNS + (size_t)k], 5);
            }
            line[len++] = '\n';
            fwrite(line, 1, len, stdout);
        }
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "hiptrack simulate: cannot write the recording\n");
        return CLI_IOERR;
    }
    return CLI_OK;
}

/* Seconds from ns rounded to 0.1 ms, and other values to 0.01, so the JSON reads cleanly. */
static double seconds(int64_t ns) { return floor((double)ns / 1e5 + 0.5) / 1e4; }
static double hundredths(double v) { return floor(v * 100.0 + 0.5) / 100.0; }

static void write_sets(hip__jw *w, const hip_sim *sim)
{
    hip__jw_begin_array(w);
    size_t n = hip_sim_rep_count(sim);
    for (size_t i = 0; i < n;) {
        hip_sim_rep first, last;
        hip_sim_rep_at(sim, i, &first);
        size_t j = i;
        while (j + 1 < n && hip_sim_rep_at(sim, j + 1, &last) == HIP_OK && last.set == first.set) j++;
        hip_sim_rep_at(sim, j, &last);
        hip__jw_begin_object(w);
        hip__jw_key(w, "start");
        hip__jw_number(w, seconds(first.start_ns));
        hip__jw_key(w, "end");
        hip__jw_number(w, seconds(last.end_ns));
        hip__jw_key(w, "reps");
        hip__jw_integer(w, (int64_t)(j - i + 1));
        hip__jw_end_object(w);
        i = j + 1;
    }
    hip__jw_end_array(w);
}

static void write_reps(hip__jw *w, const hip_sim *sim)
{
    hip__jw_begin_array(w);
    for (size_t i = 0; i < hip_sim_rep_count(sim); i++) {
        hip_sim_rep r;
        hip_sim_rep_at(sim, i, &r);
        hip__jw_begin_object(w);
        hip__jw_key(w, "start");
        hip__jw_number(w, seconds(r.start_ns));
        hip__jw_key(w, "end");
        hip__jw_number(w, seconds(r.end_ns));
        hip__jw_key(w, "kind");
        hip__jw_string(w, hip_sim_rep_kind_name(r.kind));
        hip__jw_key(w, "peak");   /* beyond the real labels: the rest of the simulator's truth */
        hip__jw_number(w, seconds(r.peak_ns));
        hip__jw_key(w, "excursion_deg");
        hip__jw_number(w, hundredths(r.excursion_deg));
        hip__jw_key(w, "travel_cm");
        hip__jw_number(w, hundredths(r.travel_cm));
        hip__jw_key(w, "hold_s");
        hip__jw_number(w, hundredths(r.hold_s));
        hip__jw_end_object(w);
    }
    hip__jw_end_array(w);
}

static size_t labels_json(const sim_options *o, hip_segment seg, const hip_sim *sim, char *buf,
                          size_t cap)
{
    hip__jw w;
    hip__jw_init(&w, buf, cap, 1);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "source");
    hip__jw_string(&w, "hiptrack simulate");
    hip__jw_key(&w, "exercise");
    hip__jw_string(&w, o->exercise);
    hip__jw_key(&w, "placement");
    hip__jw_string(&w, hip_segment_name(seg));
    hip__jw_key(&w, "rate_hz");
    hip__jw_number(&w, o->config.rate_hz);
    hip__jw_key(&w, "seed");
    hip__jw_integer(&w, (int64_t)o->config.seed);
    hip__jw_key(&w, "sets");
    write_sets(&w, sim);
    hip__jw_key(&w, "reps");
    write_reps(&w, sim);
    hip__jw_end_object(&w);
    size_t len = hip__jw_finish(&w);
    if (len < cap && buf[len - 1] != '\n' && len + 1 < cap) {
        buf[len++] = '\n';
        buf[len] = '\0';
    }
    return w.failed ? 0 : len;
}

/* Writes the labels to f (opened before the CSV, so a bad path fails before any output). */
static int write_labels(const sim_options *o, hip_segment seg, const hip_sim *sim, FILE *f)
{
    size_t need = labels_json(o, seg, sim, NULL, 0);
    char *buf = need ? malloc(need + 2) : NULL;
    size_t len = buf ? labels_json(o, seg, sim, buf, need + 2) : 0;
    int ok = len && fwrite(buf, 1, len, f) == len;
    if (fclose(f) != 0) ok = 0;
    free(buf);
    if (!ok) {
        fprintf(stderr, "hiptrack simulate: cannot write %s\n", o->labels);
        return CLI_IOERR;
    }
    return CLI_OK;
}

static int simulate(sim_options *o, const hip_catalog *cat)
{
    hip_sim_config *c = &o->config;
    if (hip_catalog_find(cat, o->exercise, &c->exercise) != HIP_OK) {
        fprintf(stderr, "hiptrack simulate: unknown exercise '%s' (hiptrack catalog lists them)\n",
                o->exercise);
        return CLI_INVALID;
    }
    hip_segment seg = c->placement_from_exercise ? c->exercise.motion.segment : c->placement;
    hip_sim *sim = NULL;
    char msg[256];
    hip_status st = hip_sim_create(c, &sim, msg, sizeof msg);
    if (st != HIP_OK) {
        fprintf(stderr, "hiptrack simulate: %s\n", msg);
        return st == HIP_ERR_NOMEM ? CLI_IOERR : CLI_USAGE;
    }
    FILE *labels = o->labels ? fopen(o->labels, "wb") : NULL;
    if (o->labels && !labels) {
        fprintf(stderr, "hiptrack simulate: cannot write %s\n", o->labels);
        hip_sim_destroy(sim);
        return CLI_IOERR;
    }
    int rc = write_csv(sim);
    if (labels) {
        if (rc == CLI_OK) rc = write_labels(o, seg, sim, labels);
        else fclose(labels);
    }
    hip_sim_destroy(sim);
    return rc;
}

int cmd_simulate(int argc, char **argv)
{
    sim_options o;
    memset(&o, 0, sizeof o);
    hip_sim_config_init(&o.config);
    for (int i = 1; i < argc; i += 2) {   /* every option takes a value */
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(sim_usage, stdout);
            return CLI_OK;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "hiptrack simulate: %s needs a value\n%s", argv[i], sim_usage);
            return CLI_USAGE;
        }
        int rc = apply_option(&o, argv[i], argv[i + 1]);
        if (rc != CLI_OK) return rc;
    }
    if (!o.exercise) {
        fprintf(stderr, "hiptrack simulate: --exercise is required\n%s", sim_usage);
        return CLI_USAGE;
    }
    hip_catalog *cat = NULL;
    if (hip_catalog_create(NULL, &cat) != HIP_OK) return CLI_IOERR;
    int rc = simulate(&o, cat);
    hip_catalog_destroy(cat);
    return rc;
}
