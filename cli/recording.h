/* The recording CSV reader (DESIGN.md §6): a header naming the columns, then one sample per line.
 * It reads bytes (no I/O) so that it can be fuzzed and tested directly. */
#ifndef HIPTRACK_CLI_RECORDING_H
#define HIPTRACK_CLI_RECORDING_H

#include <stddef.h>
#include <stdint.h>

typedef enum { REC_ACCEL_MS2 = 0, REC_ACCEL_G = 1 } rec_accel_unit;
typedef enum { REC_GYRO_RADS = 0, REC_GYRO_DPS = 1 } rec_gyro_unit;
typedef enum { REC_TIME_S = 0, REC_TIME_MS = 1, REC_TIME_NS = 2 } rec_time_unit;

typedef struct rec_options {
    char delimiter;               /* ',' by default; '\t' and ';' work too */
    const char *columns[7];       /* header names of t and the values, NULL = defaults */
    size_t width;                 /* values per sample: 6 (imu), 3 (accel), 1 (angle) */
    rec_accel_unit accel_unit;
    rec_gyro_unit gyro_unit;
    rec_time_unit time_unit;
    int check_units;              /* 1: refuse files whose magnitudes betray the other unit */
} rec_options;

typedef struct recording {
    size_t count;
    int64_t *t_ns;                /* count timestamps */
    float *values;                /* count x width, converted to m/s^2, rad/s, deg */
    size_t width;
} recording;

void rec_options_init(rec_options *o, size_t width);
/* Parses text[0..len). On failure returns nonzero with "line L, column C: ..." or a unit hint in
 * msg. The recording owns malloc'd arrays (rec_free). */
int rec_parse(const char *text, size_t len, const rec_options *o, recording *out, char *msg, size_t cap);
void rec_free(recording *r);
/* What the header of text[0..len) holds under the default column names: 6 for t,ax,ay,az,gx,gy,gz,
 * 3 for t,ax,ay,az without any of gx,gy,gz (an accelerometer-only recording), 0 otherwise. */
size_t rec_default_width(const char *text, size_t len, char delimiter);

#endif
