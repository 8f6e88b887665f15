/* hiptrack reps: count and measure the reps in a recording CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "numtext.h"
#include "pose_csv.h"
#include "recording.h"
#include "reps_pose.h"
#include "hiptrack/hiptrack.h"

static void usage(void)
{
    fprintf(stderr,
            "usage: hiptrack reps [--exercise ID|auto] [--format table|csv|json] [--input imu|accel|angle]\n"
            "                     [--columns T,AX,AY,AZ,GX,GY,GZ] [--delimiter C|comma|semicolon|tab] [--accel-unit ms2|g]\n"
            "                     [--gyro-unit rads|dps] [--time-unit s|ms|ns] [--no-unit-check] FILE.csv\n"
            "pose recordings (recognised by their header, see docs/pose.md) also take\n"
            "                     [--view auto|front|side] [--signal limb_flexion|hip_flexion|knee_flexion|\n"
            "                      hip_abduction|hip_rotation|trunk_lean] [--x-scale W/H] [--y-down 0|1]\n");
}

static void flags_text(uint32_t flags, uint32_t pose_flags, char *buf, size_t cap)
{
    static const hip_rep_flag all[] = {HIP_REP_PARTIAL, HIP_REP_TOO_FAST, HIP_REP_TOO_SLOW, HIP_REP_HOLD_SHORT};
    buf[0] = '\0';
    for (size_t i = 0; i < 4; i++)
        if (flags & (uint32_t)all[i]) {
            size_t n = strlen(buf);
            snprintf(buf + n, cap - n, "%s%s", n ? "|" : "", hip_rep_flag_name(all[i]));
        }
    /* Pose compensation flags share the column: the output has the same columns for every input. */
    for (uint32_t b = 1; b <= HIP_POSE_FLAG_ASYMMETRY; b <<= 1)
        if (pose_flags & b) {
            size_t n = strlen(buf);
            snprintf(buf + n, cap - n, "%s%s", n ? "|" : "", hip_pose_flag_name((hip_pose_flag)b));
        }
}

static const char *fx(char *buf, double v, int decimals)
{
    if (!hip__format_fixed(buf, 32, v, decimals)) snprintf(buf, 32, "nan");
    return buf;
}

static void print_rep(const char *format, const hip_rep_event *e, const hip_pose_rep_event *pe, hip__jw *w)
{
    char f[128], a[32], b[32], c[32], d[32], g[32], h[32], i[32], j[32], k[32], l[32];
    flags_text(e->flags, pe ? pe->pose_flags : 0, f, sizeof f);
    double s0 = (double)e->start_ns * 1e-9, s1 = (double)e->end_ns * 1e-9, sp = (double)e->peak_ns * 1e-9;
    if (strcmp(format, "csv") == 0) {
        printf("%u,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", (unsigned)e->index, fx(a, s0, 3), fx(b, s1, 3),
               fx(c, sp, 3), fx(d, e->excursion_deg, 1), fx(g, e->travel_cm, 1), fx(h, e->concentric_s, 2),
               fx(i, e->eccentric_s, 2), fx(j, e->hold_s, 2), fx(k, e->peak_speed_dps, 1),
               fx(l, e->smoothness, 2), hip_rep_source_name(e->source), f);
    } else if (strcmp(format, "table") == 0) {
        printf("%4u %9s %9s %8s %8s %6s %6s %6s %8s %-11s %s\n", (unsigned)e->index, fx(a, s0, 2),
               fx(b, s1, 2), fx(c, e->excursion_deg, 1), fx(d, e->travel_cm, 1), fx(g, e->concentric_s, 2),
               fx(h, e->eccentric_s, 2), fx(i, e->hold_s, 2), fx(j, e->peak_speed_dps, 0),
               hip_rep_source_name(e->source), f[0] ? f : "-");
    } else {
        hip__jw_begin_object(w);
        hip__jw_key(w, "index"); hip__jw_integer(w, e->index);
        hip__jw_key(w, "start"); hip__jw_number(w, s0);
        hip__jw_key(w, "peak"); hip__jw_number(w, sp);
        hip__jw_key(w, "end"); hip__jw_number(w, s1);
        hip__jw_key(w, "excursion_deg"); hip__jw_number(w, e->excursion_deg);
        hip__jw_key(w, "travel_cm"); hip__jw_number(w, e->travel_cm);
        hip__jw_key(w, "concentric_s"); hip__jw_number(w, e->concentric_s);
        hip__jw_key(w, "eccentric_s"); hip__jw_number(w, e->eccentric_s);
        hip__jw_key(w, "hold_s"); hip__jw_number(w, e->hold_s);
        hip__jw_key(w, "peak_speed_dps"); hip__jw_number(w, e->peak_speed_dps);
        hip__jw_key(w, "smoothness"); hip__jw_number(w, e->smoothness);
        hip__jw_key(w, "source"); hip__jw_string(w, hip_rep_source_name(e->source));
        hip__jw_key(w, "flags"); hip__jw_string(w, f);
        if (pe) {
            /* The pose summary: only what the view could measure. */
            static const struct { uint32_t bit; const char *key; } fields[] = {
                {HIP_POSE_MEASURED_TRUNK_LEAN, "trunk_lean_max_deg"},
                {HIP_POSE_MEASURED_TRUNK_LATERAL, "trunk_lateral_max_deg"},
                {HIP_POSE_MEASURED_PELVIC, "pelvic_change_max_deg"},
                {HIP_POSE_MEASURED_KNEE_VALGUS, "knee_valgus_max_deg"},
                {HIP_POSE_MEASURED_SIDES, "excursion_l_deg"},
                {HIP_POSE_MEASURED_SIDES, "excursion_r_deg"}};
            const double vals[] = {pe->trunk_lean_max_deg, pe->trunk_lateral_max_deg, pe->pelvic_change_max_deg,
                                   pe->knee_valgus_max_deg, pe->excursion_l_deg, pe->excursion_r_deg};
            for (size_t q = 0; q < sizeof vals / sizeof vals[0]; q++)
                if (pe->measured & fields[q].bit) { hip__jw_key(w, fields[q].key); hip__jw_number(w, vals[q]); }
        }
        hip__jw_end_object(w);
    }
}

/* JSON is written in two passes (size, then text) so that the whole document is valid. */
typedef struct json_out { char *buf; size_t cap; } json_out;

/* Prints the events (IMU: events; pose: pose_events) in the chosen format. */
static int print_all(const char *format, const char *exercise, const hip_rep_event *events,
                     const hip_pose_rep_event *pose_events, size_t n_events, size_t samples, int pose)
{
    int json = strcmp(format, "json") == 0;
    if (strcmp(format, "csv") == 0)
        printf("index,start,end,peak,excursion_deg,travel_cm,concentric_s,eccentric_s,hold_s,peak_speed_dps,smoothness,source,flags\n");
    else if (!json)
        printf("%4s %9s %9s %8s %8s %6s %6s %6s %8s %-11s %s\n", "rep", "start_s", "end_s", "exc_deg", "trav_cm",
               "conc_s", "ecc_s", "hold_s", "peak_dps", "source", "flags");
    if (!json) {
        for (size_t i = 0; i < n_events; i++)
            print_rep(format, pose_events ? &pose_events[i].rep : &events[i], pose_events ? &pose_events[i] : NULL, NULL);
        if (strcmp(format, "table") == 0) printf("%zu reps in %zu %s\n", n_events, samples, pose ? "frames" : "samples");
        return CLI_OK;
    }
    json_out jo = {NULL, 0};
    hip__jw w;
    for (int pass = 0; pass < 2; pass++) {
        hip__jw_init(&w, jo.buf, jo.cap, 1);
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.reps");
        hip__jw_key(&w, "version"); hip__jw_integer(&w, 1);
        hip__jw_key(&w, "exercise"); hip__jw_string(&w, exercise);
        hip__jw_key(&w, "reps");
        hip__jw_begin_array(&w);
        for (size_t i = 0; i < n_events; i++)
            print_rep(format, pose_events ? &pose_events[i].rep : &events[i], pose_events ? &pose_events[i] : NULL, &w);
        hip__jw_end_array(&w);
        hip__jw_end_object(&w);
        size_t need = hip__jw_finish(&w);
        if (pass == 0) {
            jo.cap = need + 1;
            jo.buf = malloc(jo.cap);
            if (!jo.buf) return CLI_IOERR;
        }
    }
    printf("%s\n", jo.buf);
    free(jo.buf);
    return CLI_OK;
}

static int pick(const char *v, const char *const *names, int n, int *out)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v, names[i]) == 0) { *out = i; return 1; }
    return 0;
}

int cmd_reps(int argc, char **argv)
{
    const char *exercise = "auto", *format = "table", *path = NULL, *columns = NULL;
    int input = HIP_REPS_INPUT_IMU, input_given = 0, accel_unit = 0, gyro_unit = 0, time_unit = 0, unit_check = 1;
    char delimiter = ',';
    int view = -1, signal = -1, y_down = -1;
    double x_scale = 0;
    static const char *const views[] = {"auto", "front", "side"},
                             *const signals[] = {"limb_flexion", "hip_flexion", "knee_flexion",
                                                 "hip_abduction", "hip_rotation", "trunk_lean"},
                             *const ydowns[] = {"0", "1"};
    static const char *const inputs[] = {"imu", "accel", "angle"}, *const aunits[] = {"ms2", "g"},
                             *const gunits[] = {"rads", "dps"}, *const tunits[] = {"s", "ms", "ns"},
                             *const formats[] = {"table", "csv", "json"};
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int ok = 1, dummy;
        if (strcmp(o, "--no-unit-check") == 0) { unit_check = 0; continue; }
        if (o[0] != '-' || o[1] == '\0') {
            if (path) { usage(); return CLI_USAGE; }
            path = o;
            continue;
        }
        if (!v) { fprintf(stderr, "hiptrack reps: %s needs a value\n", o); return CLI_USAGE; }
        i++;
        if (strcmp(o, "--exercise") == 0) exercise = v;
        else if (strcmp(o, "--format") == 0) { format = v; ok = pick(v, formats, 3, &dummy); }
        else if (strcmp(o, "--input") == 0) { ok = pick(v, inputs, 3, &input); input_given = 1; }
        else if (strcmp(o, "--accel-unit") == 0) ok = pick(v, aunits, 2, &accel_unit);
        else if (strcmp(o, "--gyro-unit") == 0) ok = pick(v, gunits, 2, &gyro_unit);
        else if (strcmp(o, "--time-unit") == 0) ok = pick(v, tunits, 3, &time_unit);
        else if (strcmp(o, "--columns") == 0) columns = v;
        else if (strcmp(o, "--view") == 0) ok = pick(v, views, 3, &view);
        else if (strcmp(o, "--signal") == 0) ok = pick(v, signals, 6, &signal);
        else if (strcmp(o, "--y-down") == 0) ok = pick(v, ydowns, 2, &y_down);
        else if (strcmp(o, "--x-scale") == 0) ok = hip__parse_double(v, strlen(v), &x_scale) && x_scale >= 0.01 && x_scale <= 100;
        else if (strcmp(o, "--delimiter") == 0) {
            /* Names as well as characters: ';' is awkward in shells and build scripts. */
            static const char *const names[] = {"comma", "semicolon", "tab", "space", "pipe"};
            static const char chars[] = ",;\t |";
            int k;
            if (pick(v, names, 5, &k)) delimiter = chars[k];
            else if (strlen(v) == 1 && strchr(chars, v[0])) delimiter = v[0];
            else ok = 0;
        } else {
            fprintf(stderr, "hiptrack reps: unknown option %s\n", o);
            usage();
            return CLI_USAGE;
        }
        if (!ok) { fprintf(stderr, "hiptrack reps: bad value '%s' for %s\n", v, o); return CLI_USAGE; }
    }
    if (!path) { usage(); return CLI_USAGE; }

    hip_exercise ex;
    int have_ex = 0;
    if (strcmp(exercise, "auto") != 0) {
        hip_catalog *cat = NULL;
        if (hip_catalog_create(NULL, &cat) != HIP_OK) return CLI_IOERR;
        hip_status st = hip_catalog_find(cat, exercise, &ex);
        if (st == HIP_ERR_NOT_FOUND) {
            /* Names other data sets use for catalog exercises (UI-PRMD's, for instance). */
            static const char *const aliases[][2] = {{"deep_squat", "squat"}, {"inline_lunge", "lunge"},
                                                     {"forward_lunge", "lunge"}, {"chair_stand", "sit_to_stand"}};
            for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
                if (strcmp(exercise, aliases[i][0]) == 0) st = hip_catalog_find(cat, aliases[i][1], &ex);
        }
        hip_catalog_destroy(cat);
        if (st != HIP_OK) {
            fprintf(stderr, "hiptrack reps: unknown exercise '%s' (hiptrack catalog lists them; --exercise auto counts any)\n", exercise);
            return CLI_INVALID;
        }
        have_ex = 1;
    }
    hip_reps_config cfg;
    hip_reps_config_init(&cfg, (hip_reps_input)input);
    if (have_ex) hip_reps_config_for_exercise(&cfg, &ex);

    rec_options ro;
    rec_options_init(&ro, hip_reps_input_width((hip_reps_input)input));
    ro.delimiter = delimiter;
    ro.accel_unit = (rec_accel_unit)accel_unit;
    ro.gyro_unit = (rec_gyro_unit)gyro_unit;
    ro.time_unit = (rec_time_unit)time_unit;
    ro.check_units = unit_check;
    char colbuf[512];
    if (columns) {
        snprintf(colbuf, sizeof colbuf, "%s", columns);
        size_t k = 0;
        for (char *tok = strtok(colbuf, ","); tok; tok = strtok(NULL, ",")) {
            if (k > ro.width) { fprintf(stderr, "hiptrack reps: --columns names more than %zu columns\n", ro.width + 1); return CLI_USAGE; }
            ro.columns[k++] = tok;
        }
        if (k != ro.width + 1) { fprintf(stderr, "hiptrack reps: --columns needs %zu names (time first)\n", ro.width + 1); return CLI_USAGE; }
    }
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text) return CLI_IOERR;
    hip_pose_rep_event *pose_events = NULL;
    if (pose_csv_detect(text, len, delimiter)) {
        reps_pose_options po = {have_ex ? &ex : NULL, delimiter, view, signal, y_down, x_scale};
        size_t n_pose = 0, frames = 0;
        int prc = reps_pose_run(path, text, len, &po, &pose_events, &n_pose, &frames);
        free(text);
        if (prc != CLI_OK) return prc;
        prc = print_all(format, exercise, NULL, pose_events, n_pose, frames, 1);
        free(pose_events);
        return prc;
    }
    /* A recording with the accelerometer columns and none of the gyroscope's is read as
     * accelerometer-only input, unless --input or --columns says otherwise. */
    if (!input_given && !columns && rec_default_width(text, len, delimiter) == 3) {
        hip_reps_config_init(&cfg, HIP_REPS_INPUT_ACCEL);
        if (have_ex) hip_reps_config_for_exercise(&cfg, &ex);
        ro.width = hip_reps_input_width(HIP_REPS_INPUT_ACCEL);
        fprintf(stderr, "%s: no gyroscope columns (gx, gy, gz): counting from the accelerometer alone (--input accel)\n",
                path);
    }
    recording rec;
    char msg[256];
    int bad = rec_parse(text, len, &ro, &rec, msg, sizeof msg);
    free(text);
    if (bad) {
        fprintf(stderr, "%s: %s\n", path, msg);
        return CLI_INVALID;
    }

    hip_reps *det = NULL;
    if (hip_reps_create(&cfg, &det) != HIP_OK) { rec_free(&rec); return CLI_IOERR; }
    hip_rep_event *events = NULL;
    size_t n_events = 0, cap_events = 0;
    size_t done = 0;
    int rc = CLI_OK, finished = 0;
    while (rc == CLI_OK && !finished) {
        hip_status st;
        if (done < rec.count) {
            size_t used = 0;
            st = hip_reps_push_block(det, rec.t_ns + done, rec.values + done * rec.width, rec.count - done, &used);
            done += used;
        } else {
            st = hip_reps_finish(det);
            finished = 1;
        }
        if (st != HIP_OK) {
            fprintf(stderr, "%s: %s\n", path, hip_reps_last_error(det));
            rc = CLI_INVALID;
        }
        hip_rep_event e;
        while (rc == CLI_OK && hip_reps_next_event(det, &e) == HIP_OK) {
            if (n_events == cap_events) {
                cap_events = cap_events ? cap_events * 2 : 64;
                hip_rep_event *ne = realloc(events, cap_events * sizeof *ne);
                if (!ne) { rc = CLI_IOERR; break; }
                events = ne;
            }
            events[n_events++] = e;
        }
    }
    if (rc == CLI_OK) rc = print_all(format, exercise, events, NULL, n_events, rec.count, 0);
    free(events);
    hip_reps_destroy(det);
    rec_free(&rec);
    return rc;
}
