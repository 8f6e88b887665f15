#include "recording.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
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

/* Median of |a| over the first samples, and the largest |gyro| component: the unit checks. The
 * median only matters against the "in g" window (0.5, 1.6): two counts decide that exactly (the
 * median is the (n/2)-th smallest, and magnitudes are never NaN), so the sort is only needed to
 * print the median of a refused file. */
static int check_units(const rec_options *o, const recording *r, char *msg, size_t cap)
{
    if (o->width < 3 || r->count == 0) return 0;
    size_t n = r->count < 2000 ? r->count : 2000;
    size_t at_most_low = 0, below_high = 0;
    for (size_t i = 0; i < n; i++) {
        const float *v = r->values + i * r->width;
        float m = sqrtf(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        at_most_low += m <= 0.5f;
        below_high += m < 1.6f;
    }
    if (at_most_low <= n / 2 && below_high > n / 2) {   /* 0.5 < median < 1.6 */
        float *mag = malloc(n * sizeof *mag);
        if (!mag) return fail(msg, cap, "out of memory");
        for (size_t i = 0; i < n; i++) {
            const float *v = r->values + i * r->width;
            mag[i] = sqrtf(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        }
        qsort(mag, n, sizeof *mag, cmp_float);
        float med = mag[n / 2];
        free(mag);
        return fail(msg, cap, "the accelerometer magnitude is near 1 (median %.2f m/s^2): the file is in g, not m/s^2 (pass --accel-unit g)", (double)med);
    }
    if (o->width == 6) {
        float gmax = 0;
        for (size_t i = 0; i < r->count; i++)
            for (int k = 3; k < 6; k++) {
                float g = fabsf(r->values[i * r->width + (size_t)k]);
                gmax = g > gmax ? g : gmax;
            }
        if (gmax > 40.0f)
            return fail(msg, cap, "the gyroscope reaches %.0f rad/s, which is implausible: the file is probably in deg/s (pass --gyro-unit dps)", (double)gmax);
    }
    return 0;
}

/* Exact powers of ten representable in a double (10^0 .. 10^22), as in numtext.c. */
static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The common field in one pass: padding (' ', '"'), optional '-', digits (no leading zero), optional
 * '.digits', optional exponent of at most 4 digits, padding, then the delimiter, a line end or the
 * end of the text; at most 19 digits in all, a significand <= 2^53 and a decimal exponent in
 * -22..22. That is the input on which hip__parse_double takes its exact (Clinger) path with no digit
 * dropped, and the same single division or multiplication below gives the same double. Anything
 * else returns 0 having decided nothing: the caller then reads the field the general way, which
 * also words the errors. Only used when the delimiter cannot occur inside such a field. */
static int fast_field(const unsigned char *p, const unsigned char *end, unsigned char delim, double *out,
                      const unsigned char **stop)
{
    while (p < end && (*p == ' ' || *p == '"')) p++;
    int neg = p < end && *p == '-';
    p += neg;
    const unsigned char *d0 = p;
    uint64_t m = 0;
    unsigned d;
    while (p < end && (d = (unsigned)*p - '0') <= 9) { m = m * 10 + d; p++; }
    size_t digits = (size_t)(p - d0);
    if (digits == 0 || (digits > 1 && *d0 == '0')) return 0;
    int e = 0;
    if (p < end && *p == '.') {
        const unsigned char *f0 = ++p;
        while (p < end && (d = (unsigned)*p - '0') <= 9) { m = m * 10 + d; p++; }
        if (p == f0) return 0;
        digits += (size_t)(p - f0);
        e = -(int)(p - f0);
    }
    if (digits > 19 || m > (1ULL << 53)) return 0;   /* past 19 digits m wrapped: checked first */
    if (p < end && (*p | 0x20) == 'e') {
        p++;
        int eneg = 0;
        if (p < end && (*p == '+' || *p == '-')) { eneg = *p == '-'; p++; }
        const unsigned char *x0 = p;
        int x = 0;
        while (p < end && p - x0 < 4 && (d = (unsigned)*p - '0') <= 9) { x = x * 10 + (int)d; p++; }
        if (p == x0) return 0;
        e += eneg ? -x : x;
    }
    if (e < -22 || e > 22) return 0;
    while (p < end && (*p == ' ' || *p == '"')) p++;
    if (p < end && *p != delim && *p != '\n' && *p != '\r') return 0;
    double v = m == 0 ? 0.0 : e < 0 ? (double)m / pow10_exact[-e] : (double)m * pow10_exact[e];
    *out = neg ? -v : v;
    *stop = p;
    return 1;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define REC_SWAR 1
/* 10^f and -10^f: m / -10^f is -(m / 10^f) in round-to-nearest (the rounding is symmetric; the
 * CLI never changes the rounding mode), and "-0" gives -0.0 as hip__parse_double does. */
static const double pow10_signed[2][8] = {{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7},
                                          {-1e0, -1e1, -1e2, -1e3, -1e4, -1e5, -1e6, -1e7}};

/* The shape of eight bytes, looked up by which of them are not digits (bit i: byte i): the first
 * non-digit n1, the second n2 (8: none), the digits after a point at n1 (f), the mask of the bytes
 * before n1 and the shifts that move the digits to the end of the word. bad: no digit first, or
 * no non-digit at all (eight digits and maybe more). */
typedef struct swar_shape {
    uint64_t low;
    unsigned char bad, n1, n2, f, sh_int, sh_dot;
} swar_shape;
#define SW_CTZ(m) ((m) & 1 ? 0 : (m) & 2 ? 1 : (m) & 4 ? 2 : (m) & 8 ? 3 : (m) & 16 ? 4 : (m) & 32 ? 5 : (m) & 64 ? 6 : (m) & 128 ? 7 : 8)
#define SW_N1(m) (SW_CTZ(m) & 7)
#define SW_N2(m) SW_CTZ((m) & ((m) - 1))
#define SW_E(m) {(1ULL << (8 * SW_N1(m))) - 1, (m) == 0 || ((m) & 1), SW_N1(m), SW_N2(m), \
                 SW_N2(m) > SW_N1(m) + 1 ? SW_N2(m) - SW_N1(m) - 1 : 0, 64 - 8 * SW_N1(m), 72 - 8 * SW_N2(m)}
#define SW_E4(m) SW_E(m), SW_E((m) + 1), SW_E((m) + 2), SW_E((m) + 3)
#define SW_E16(m) SW_E4(m), SW_E4((m) + 4), SW_E4((m) + 8), SW_E4((m) + 12)
#define SW_E64(m) SW_E16(m), SW_E16((m) + 16), SW_E16((m) + 32), SW_E16((m) + 48)
static const swar_shape swar_shapes[256] = {SW_E64(0), SW_E64(64), SW_E64(128), SW_E64(192)};

/* The most common field of all, eight bytes at a time: optional '-', then at most 8 bytes of
 * digits with at most one '.' between digits (no leading zero, at least one digit after the point),
 * so at most 7 digits: m < 10^7 and a decimal exponent of -6..0, inside the exact path's limits, and
 * m / 10^f (m / 1 = m * 1 without a fraction) is what hip__parse_double computes. Needs 10
 * readable bytes at p; *stop is the byte after the number, which the caller checks (a ninth digit
 * there fails that check). Returns 0 on any other shape. */
static inline int swar_number(const unsigned char *p, double *out, const unsigned char **stop)
{
    unsigned neg = *p == '-';
    p += neg;
    uint64_t w;
    memcpy(&w, p, sizeof w);
    uint64_t t = w ^ 0x3030303030303030u;                                     /* digits become 0..9 */
    uint64_t nd = ((t + 0x7676767676767676u) | t) & 0x8080808080808080u;     /* top bit: not a digit */
    const swar_shape *sh = &swar_shapes[(nd * 0x0002040810204081u) >> 56];   /* gather the top bits */
    /* ... and no leading zero ('0' then a digit) */
    if (sh->bad || ((t | (nd >> 8)) & 0xFF) == 0) return 0;
    unsigned f = 0;
    uint64_t x;
    if (p[sh->n1] == '.') {
        f = sh->f;
        if (!f) return 0;
        x = ((t & sh->low) | ((t >> 8) & ~sh->low)) << sh->sh_dot;           /* drop the point */
        *stop = p + sh->n2;
    } else {
        x = t << sh->sh_int;
        *stop = p + sh->n1;
    }
    /* The digits now end byte 7 with zeros before them: pairs, then fours, then all (byte 0 leads). */
    x = x * 10 + (x >> 8);
    x = (((x & 0x000000FF000000FFu) * (100 + (1000000ULL << 32))) +
         (((x >> 16) & 0x000000FF000000FFu) * (1 + (10000ULL << 32)))) >> 32;
    *out = (double)(uint32_t)x / pow10_signed[neg][f];
    return 1;
}

/* A whole line of w + 1 numbers, in the header's first w + 1 columns, each followed by the
 * delimiter and the last by a line end. The time goes to *t; the values, scaled, straight into dst
 * as floats. A number is read eight bytes at a time (swar_number) while 10 bytes per field are
 * left, which the common shapes are (below 10^7 in magnitude, times at most 9.80665, always a
 * float) and the delimiter follows (a line end after the last; a CR line end takes the other
 * way); a longer one (a time past 10 s with six decimals, a value with more digits) by
 * fast_field, and a value beyond the float range then leaves the line to the general way. Both
 * give what hip__parse_double gives. Returns 0 for any other line (dst may then hold anything),
 * which is then read the general way (that also words the errors). */
static inline int swar_line(const unsigned char *p, const unsigned char *end, size_t w, unsigned char delim,
                            const double *scale, double *t, float *dst, const unsigned char **stop)
{
    int room = (size_t)(end - p) >= (w + 1) * 10 + 1; /* 10 bytes for each field still to read */
    for (size_t k = 0; k <= w; k++) {
        const unsigned char term = k < w ? delim : '\n';
        const unsigned char *q;
        double v;
        if (room && swar_number(p, &v, &q) && *q == term) {
            p = q + (k < w);
        } else {
            if (!fast_field(p, end, delim, &v, &p)) return 0;
            if (k > 0 && !(fabs(v * scale[k - 1]) <= FLT_MAX)) return 0;
            if (p >= end || (*p != term && *p != '\r') || (k < w && *p++ != delim)) return 0;
            room = (size_t)(end - p) >= (w - k) * 10;
        }
        if (k == 0) {
            *t = v;
        } else {
            dst[k - 1] = (float)(v * scale[k - 1]);
        }
    }
    *stop = p;
    return 1;
}
#endif

/* llround for |t| < 9.2e18 (< 2^63): the conversion truncates exactly, t minus its integer part is
 * exact, and halves go away from zero. */
static int64_t round_half_away(double t)
{
    int64_t i = (int64_t)t;
    double f = t - (double)i;
    if (f >= 0.5) i++;
    else if (f <= -0.5) i--;
    return i;
}

/* What reading a data line needs from the header and the options. */
typedef struct reader {
    const char *s;
    const unsigned char *end;
    size_t w;
    const char *const *want;
    const int *where;
    int ncols;
    unsigned char delim;
    int fast;                     /* fast_field may be tried */
    signed char feeds[256];       /* per header column: the first value it feeds, -1 none */
    unsigned char shared[256];    /* 1: another value feeds from that column too */
} reader;

/* Reads the data line at *p into row[0..w] (time, then the values) and leaves *p at its line end;
 * nonzero with msg set when a wanted field is not a number or one is missing. */
static int read_line(const reader *rd, const unsigned char **pp, size_t line, double *row, char *msg, size_t cap)
{
    const unsigned char *u = (const unsigned char *)rd->s, *end = rd->end, *p = *pp;
    const unsigned char *line_start = p;
    const unsigned char delim = rd->delim;
    int col = 0;
    int filled = 0;
    for (;;) {
        int k = col < rd->ncols ? rd->feeds[col] : -1;
        if (k < 0) {
            while (p < end && *p != delim && *p != '\n' && *p != '\r') p++;
        } else {
            double v;
            const unsigned char *q;
            if (rd->fast && fast_field(p, end, delim, &v, &q)) {
                p = q;
            } else {
                /* The general way: the field up to the delimiter, trimmed, parsed exactly. */
                size_t a, b, at = (size_t)(p - u);
                next_field(rd->s, (size_t)(end - u), &at, (char)delim, &a, &b);
                size_t fa = a, fe = b;
                trim(rd->s, &a, &b);
                if (!hip__parse_double(rd->s + a, b - a, &v)) {
                    int shown = (int)(b - a < 24 ? b - a : 24);
                    return fail(msg, cap, "line %zu, column %zu: expected a number in column '%s', found '%.*s'",
                                line, fa - (size_t)(line_start - u) + 1, rd->want[k], shown, rd->s + a);
                }
                p = u + fe;
            }
            row[k] = v;
            filled++;
            if (rd->shared[col])
                for (size_t j = (size_t)k + 1; j <= rd->w; j++)
                    if (rd->where[j] == col) { row[j] = v; filled++; }
        }
        col++;
        if (p < end && *p == delim) p++;
        if (p >= end || *p == '\n' || *p == '\r') break;
    }
    if (filled != (int)rd->w + 1) return fail(msg, cap, "line %zu: %d fields, the header has %d", line, col, rd->ncols);
    *pp = p;
    return 0;
}

/* The header line of s: where[k] = the column named want[k] (the first such), -1 if none; *pos is
 * left at the header's line end. Returns the number of columns, -1 past 256. */
static int header_find(const char *s, size_t len, char delim, const char *const *want, size_t n, int *where,
                       size_t *pos)
{
    for (size_t k = 0; k < n; k++) where[k] = -1;
    int ncols = 0;
    *pos = 0;
    for (;;) {
        size_t a, b;
        next_field(s, len, pos, delim, &a, &b);
        trim(s, &a, &b);
        for (size_t k = 0; k < n; k++)
            if (where[k] < 0 && strlen(want[k]) == b - a && memcmp(s + a, want[k], b - a) == 0) where[k] = ncols;
        if (++ncols > 256) return -1;
        if (at_line_end(s, len, *pos)) break;
    }
    return ncols;
}

/* Skips a UTF-8 byte-order mark (spreadsheet exports write one). */
static void skip_bom(const char **s, size_t *len)
{
    if (*len >= 3 && (unsigned char)(*s)[0] == 0xEF && (unsigned char)(*s)[1] == 0xBB && (unsigned char)(*s)[2] == 0xBF) {
        *s += 3;
        *len -= 3;
    }
}

size_t rec_default_width(const char *s, size_t len, char delim)
{
    skip_bom(&s, &len);
    int where[7];
    size_t pos;
    if (header_find(s, len, delim, default_imu, 7, where, &pos) < 0) return 0;
    for (int k = 0; k < 4; k++)
        if (where[k] < 0) return 0;
    int gyros = (where[4] >= 0) + (where[5] >= 0) + (where[6] >= 0);
    return gyros == 3 ? 6 : gyros == 0 ? 3 : 0;
}

int rec_parse(const char *s, size_t len, const rec_options *o, recording *out, char *msg, size_t cap)
{
    memset(out, 0, sizeof *out);
    size_t w = o->width;
    if (w != 1 && w != 3 && w != 6) return fail(msg, cap, "internal: width must be 1, 3 or 6");
    const char *want[7];
    for (size_t k = 0; k <= w; k++)
        want[k] = o->columns[k] ? o->columns[k] : w == 1 ? default_angle[k] : default_imu[k];
    skip_bom(&s, &len);
    /* Header: find where each wanted column sits. */
    int where[7];
    size_t pos = 0;
    int ncols = header_find(s, len, o->delimiter, want, w + 1, where, &pos);
    if (ncols < 0) return fail(msg, cap, "line 1: more than 256 columns");
    for (size_t k = 0; k <= w; k++)
        if (where[k] < 0)
            return fail(msg, cap, "line 1: no column named '%s' in the header (use --columns to name the columns)", want[k]);
    pos = skip_eol(s, len, pos);

    /* Per header column: the first value it feeds (-1: none) and whether another feeds from it too
     * (two wanted names alike). Columns past the header feed nothing. */
    reader rd;
    rd.s = s;
    rd.end = (const unsigned char *)s + len;
    rd.w = w;
    rd.want = want;
    rd.where = where;
    rd.ncols = ncols;
    rd.delim = (unsigned char)o->delimiter;
    memset(rd.feeds, -1, sizeof rd.feeds);
    memset(rd.shared, 0, sizeof rd.shared);
    for (size_t k = w + 1; k-- > 0;) {
        if (rd.feeds[where[k]] >= 0) rd.shared[where[k]] = 1;
        rd.feeds[where[k]] = (signed char)k;
    }
    /* The fast readers stop at the delimiter only if no character of a number can be one. */
    rd.fast = !strchr(" \"+-.0123456789eE\n\r", rd.delim);
#ifdef REC_SWAR
    /* Whole lines, numbers eight bytes at a time, when the wanted columns are the header's first
     * w + 1, in order. */
    int swar_ok = rd.fast;
    for (size_t k = 0; k <= w; k++) swar_ok &= where[k] == (int)k;
#endif

    size_t capn = 1024;
    out->t_ns = malloc(capn * sizeof *out->t_ns);
    out->values = malloc(capn * w * sizeof *out->values);
    out->width = w;
    if (!out->t_ns || !out->values) { rec_free(out); return fail(msg, cap, "out of memory"); }
    double tscale = o->time_unit == REC_TIME_S ? 1e9 : o->time_unit == REC_TIME_MS ? 1e6 : 1.0;
    double ascale = o->accel_unit == REC_ACCEL_G ? 9.80665 : 1.0;
    double gscale = o->gyro_unit == REC_GYRO_DPS ? 0.017453292519943295 : 1.0;
    double scale[6];
    for (size_t k = 0; k < w; k++) scale[k] = w == 1 ? 1.0 : k < 3 ? ascale : gscale;
    const unsigned char *end = rd.end, *data = (const unsigned char *)s + pos, *p = data;
    size_t line = 2;
    while (p < end) {
        if (*p == '\n' || *p == '\r') {   /* blank line */
            if (*p == '\r') p++;
            if (p < end && *p == '\n') p++;
            line++;
            continue;
        }
        if (out->count == capn) {
            /* The first time, room for the rest at the average line length so far (plus 1/8): one
             * copy of 1024 samples instead of a doubling series; then doubling. */
            size_t more = capn;
            if (capn == 1024) {
                size_t avg = (size_t)(p - data) / capn, rest = (size_t)(end - p) / (avg ? avg : 1);
                more = rest + rest / 8 + 16;
            }
            if (more > SIZE_MAX / (8 * sizeof(float)) - capn) { rec_free(out); return fail(msg, cap, "out of memory"); }
            capn += more;
            int64_t *t = realloc(out->t_ns, capn * sizeof *t);
            if (t) out->t_ns = t;
            float *v = realloc(out->values, capn * w * sizeof *v);
            if (v) out->values = v;
            if (!t || !v) { rec_free(out); return fail(msg, cap, "out of memory"); }
        }
        double row[7];
        float *dst = out->values + out->count * w;
        int general = 1;
#ifdef REC_SWAR
        const unsigned char *q;
        if (swar_ok && (w == 6 ? swar_line(p, end, 6, rd.delim, scale, &row[0], dst, &q)  /* unrolled for IMU rows */
                               : swar_line(p, end, w, rd.delim, scale, &row[0], dst, &q))) {
            p = q;
            general = 0;
        }
#endif
        if (general && read_line(&rd, &p, line, row, msg, cap)) { rec_free(out); return 1; }
        double t = row[0] * tscale;
        if (!(fabs(t) < 9.2e18)) {
            rec_free(out);
            return fail(msg, cap, "line %zu: time %g is out of range", line, row[0]);
        }
        int64_t t_ns = round_half_away(t);
        if (out->count > 0 && t_ns <= out->t_ns[out->count - 1]) {
            rec_free(out);
            return fail(msg, cap, "line %zu: time %.6f s is not after the previous sample's", line, row[0] * tscale * 1e-9);
        }
        out->t_ns[out->count] = t_ns;
        for (size_t k = 0; general && k < w; k++) {
            double x = row[k + 1] * scale[k];
            /* A finite double beyond the float range would become infinite (or undefined) in float. */
            if (!(fabs(x) <= FLT_MAX)) {
                rec_free(out);
                return fail(msg, cap, "line %zu: %g in column '%s' is out of range", line, row[k + 1], want[k + 1]);
            }
            dst[k] = (float)x;
        }
        out->count++;
        if (p < end && *p == '\r') p++;
        if (p < end && *p == '\n') p++;
        line++;
    }
    if (out->count == 0) { rec_free(out); return fail(msg, cap, "no samples after the header"); }
    if (o->check_units && check_units(o, out, msg, cap)) { rec_free(out); return 1; }
    return 0;
}
