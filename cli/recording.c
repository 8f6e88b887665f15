#include "recording.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numtext.h"

static const char *const default_imu[7] = {"t", "ax", "ay", "az", "gx", "gy", "gz"};
static const char *const default_angle[2] = {"t", "angle"};

void rec_options_init(rec_options *o, size_t width)
{
    memset(o, 0, sizeof *o);
    o->delimiter = ',';
    o->width = width;
    o->check_units = 1;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(char *msg, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
    return 1;
}

/* The field [*pos, end of field) of the current line; advances past the delimiter. */
static void next_field(const char *s, size_t len, size_t *pos, char delim, size_t *fs, size_t *fe)
{
    *fs = *pos;
    while (*pos < len && s[*pos] != delim && s[*pos] != '\n' && s[*pos] != '\r') (*pos)++;
    *fe = *pos;
    if (*pos < len && s[*pos] == delim) (*pos)++;
}

static void trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == '"')) (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '"')) (*b)--;
}

static int at_line_end(const char *s, size_t len, size_t pos)
{
    return pos >= len || s[pos] == '\n' || s[pos] == '\r';
}

static size_t skip_eol(const char *s, size_t len, size_t pos)
{
    if (pos < len && s[pos] == '\r') pos++;
    if (pos < len && s[pos] == '\n') pos++;
    return pos;
}

void rec_free(recording *r)
{
    free(r->t_ns);
    free(r->values);
    memset(r, 0, sizeof *r);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Median of |a| over the first samples, and the largest |gyro| component: the unit checks. */
static int check_units(const rec_options *o, const recording *r, char *msg, size_t cap)
{
    if (o->width < 3 || r->count == 0) return 0;
    size_t n = r->count < 2000 ? r->count : 2000;
    float *mag = malloc(n * sizeof *mag);
    if (!mag) return fail(msg, cap, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const float *v = r->values + i * r->width;
        mag[i] = sqrtf(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
    qsort(mag, n, sizeof *mag, cmp_float);
    float med = mag[n / 2];
    free(mag);
    if (med > 0.5f && med < 1.6f)
        return fail(msg, cap, "the accelerometer magnitude is near 1 (median %.2f m/s^2): the file is in g, not m/s^2 (pass --accel-unit g)", (double)med);
    if (o->width == 6) {
        float gmax = 0;
        for (size_t i = 0; i < r->count; i++)
            for (int k = 3; k < 6; k++) {
                float g = fabsf(r->values[i * r->width + (size_t)k]);
                if (g > gmax) gmax = g;
            }
        if (gmax > 40.0f)
            return fail(msg, cap, "the gyroscope reaches %.0f rad/s, which is implausible: the file is probably in deg/s (pass --gyro-unit dps)", (double)gmax);
    }
    return 0;
}

int rec_parse(const char *s, size_t len, const rec_options *o, recording *out, char *msg, size_t cap)
{
    memset(out, 0, sizeof *out);
    size_t w = o->width;
    if (w != 1 && w != 3 && w != 6) return fail(msg, cap, "internal: width must be 1, 3 or 6");
    const char *want[7];
    for (size_t k = 0; k <= w; k++)
        want[k] = o->columns[k] ? o->columns[k] : w == 1 ? default_angle[k] : default_imu[k];
    if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) {
        s += 3;   /* a UTF-8 byte-order mark from spreadsheet exports */
        len -= 3;
    }
    /* Header: find where each wanted column sits. */
    int where[7];
    for (size_t k = 0; k <= w; k++) where[k] = -1;
    size_t pos = 0;
    int ncols = 0;
    for (;;) {
        size_t a, b;
        next_field(s, len, &pos, o->delimiter, &a, &b);
        trim(s, &a, &b);
        for (size_t k = 0; k <= w; k++)
            if (where[k] < 0 && strlen(want[k]) == b - a && memcmp(s + a, want[k], b - a) == 0) where[k] = ncols;
        if (++ncols > 256) return fail(msg, cap, "line 1: more than 256 columns");
        if (at_line_end(s, len, pos)) break;
    }
    for (size_t k = 0; k <= w; k++)
        if (where[k] < 0)
            return fail(msg, cap, "line 1: no column named '%s' in the header (use --columns to name the columns)", want[k]);
    pos = skip_eol(s, len, pos);

    size_t capn = 1024;
    out->t_ns = malloc(capn * sizeof *out->t_ns);
    out->values = malloc(capn * w * sizeof *out->values);
    out->width = w;
    if (!out->t_ns || !out->values) { rec_free(out); return fail(msg, cap, "out of memory"); }
    double tscale = o->time_unit == REC_TIME_S ? 1e9 : o->time_unit == REC_TIME_MS ? 1e6 : 1.0;
    double ascale = o->accel_unit == REC_ACCEL_G ? 9.80665 : 1.0;
    double gscale = o->gyro_unit == REC_GYRO_DPS ? 0.017453292519943295 : 1.0;
    size_t line = 2;
    while (pos < len) {
        size_t line_start = pos;
        if (at_line_end(s, len, pos)) { pos = skip_eol(s, len, pos); line++; continue; }   /* blank line */
        if (out->count == capn) {
            capn *= 2;
            int64_t *t = realloc(out->t_ns, capn * sizeof *t);
            if (t) out->t_ns = t;
            float *v = realloc(out->values, capn * w * sizeof *v);
            if (v) out->values = v;
            if (!t || !v) { rec_free(out); return fail(msg, cap, "out of memory"); }
        }
        double row[7];
        int col = 0;
        int filled = 0;
        while (1) {
            size_t a, b;
            next_field(s, len, &pos, o->delimiter, &a, &b);
            size_t fa = a;
            trim(s, &a, &b);
            for (size_t k = 0; k <= w; k++) {
                if (where[k] != col) continue;
                double v;
                if (!hip__parse_double(s + a, b - a, &v)) {
                    int shown = (int)(b - a < 24 ? b - a : 24);
                    int r = fail(msg, cap, "line %zu, column %zu: expected a number in column '%s', found '%.*s'",
                                 line, fa - line_start + 1, want[k], shown, s + a);
                    rec_free(out);
                    return r;
                }
                row[k] = v;
                filled++;
            }
            col++;
            if (at_line_end(s, len, pos)) break;
        }
        if (filled != (int)w + 1) {
            int r = fail(msg, cap, "line %zu: %d fields, the header has %d", line, col, ncols);
            rec_free(out);
            return r;
        }
        double t = row[0] * tscale;
        if (!(fabs(t) < 9.2e18)) {
            rec_free(out);
            return fail(msg, cap, "line %zu: time %g is out of range", line, row[0]);
        }
        out->t_ns[out->count] = (int64_t)llround(t);
        if (out->count > 0 && out->t_ns[out->count] <= out->t_ns[out->count - 1]) {
            rec_free(out);
            return fail(msg, cap, "line %zu: time %.6f s is not after the previous sample's", line, row[0] * tscale * 1e-9);
        }
        for (size_t k = 0; k < w; k++) {
            double scale = w == 1 ? 1.0 : k < 3 ? ascale : gscale;
            double x = row[k + 1] * scale;
            /* A finite double beyond the float range would become infinite (or undefined) in float. */
            if (!(fabs(x) <= FLT_MAX)) {
                rec_free(out);
                return fail(msg, cap, "line %zu: %g in column '%s' is out of range", line, row[k + 1], want[k + 1]);
            }
            out->values[out->count * w + k] = (float)x;
        }
        out->count++;
        pos = skip_eol(s, len, pos);
        line++;
    }
    if (out->count == 0) { rec_free(out); return fail(msg, cap, "no samples after the header"); }
    if (o->check_units && check_units(o, out, msg, cap)) { rec_free(out); return 1; }
    return 0;
}
