/* The recording CSV reader (cli/recording.c): the one-pass reader against the reader it replaced,
 * kept below as the reference. Every input, generated with numbers of many shapes (signs, leading
 * and trailing zeros, exponents, 17-19 significant digits, decimals halfway between two floats,
 * padding, garbage) and lines of many shapes (CR, CRLF, blank lines, missing and extra fields,
 * columns in any order, every delimiter and unit), must give the same result: the same timestamps
 * and float bits for an accepted file, the same message for a refused one.
 *
 * By hand: test_recording FILE.csv... compares the two readers on the given files under several
 * option sets (e.g. the dev recordings in ../shared/data/dev) and prints one line per file. */
#include "testutil.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numtext.h"
#include "recording.h"

/* The reader as it was before the one-pass rewrite (commit aa3c927), verbatim but for the names:
 * the reference the differential tests compare the current reader with, bit for bit. */
static const char *const ref_default_imu[7] = {"t", "ax", "ay", "az", "gx", "gy", "gz"};
static const char *const ref_default_angle[2] = {"t", "angle"};

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int ref_fail(char *msg, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
    return 1;
}

/* The field [*pos, end of field) of the current line; advances past the delimiter. */
static void ref_next_field(const char *s, size_t len, size_t *pos, char delim, size_t *fs, size_t *fe)
{
    *fs = *pos;
    while (*pos < len && s[*pos] != delim && s[*pos] != '\n' && s[*pos] != '\r') (*pos)++;
    *fe = *pos;
    if (*pos < len && s[*pos] == delim) (*pos)++;
}

static void ref_trim(const char *s, size_t *a, size_t *b)
{
    while (*a < *b && (s[*a] == ' ' || s[*a] == '"')) (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '"')) (*b)--;
}

static int ref_at_line_end(const char *s, size_t len, size_t pos)
{
    return pos >= len || s[pos] == '\n' || s[pos] == '\r';
}

static size_t ref_skip_eol(const char *s, size_t len, size_t pos)
{
    if (pos < len && s[pos] == '\r') pos++;
    if (pos < len && s[pos] == '\n') pos++;
    return pos;
}

static void ref_free(recording *r)
{
    free(r->t_ns);
    free(r->values);
    memset(r, 0, sizeof *r);
}

static int ref_cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Median of |a| over the first samples, and the largest |gyro| component: the unit checks. */
static int ref_check_units(const rec_options *o, const recording *r, char *msg, size_t cap)
{
    if (o->width < 3 || r->count == 0) return 0;
    size_t n = r->count < 2000 ? r->count : 2000;
    float *mag = malloc(n * sizeof *mag);
    if (!mag) return ref_fail(msg, cap, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const float *v = r->values + i * r->width;
        mag[i] = sqrtf(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }
    qsort(mag, n, sizeof *mag, ref_cmp_float);
    float med = mag[n / 2];
    free(mag);
    if (med > 0.5f && med < 1.6f)
        return ref_fail(msg, cap, "the accelerometer magnitude is near 1 (median %.2f m/s^2): the file is in g, not m/s^2 (pass --accel-unit g)", (double)med);
    if (o->width == 6) {
        float gmax = 0;
        for (size_t i = 0; i < r->count; i++)
            for (int k = 3; k < 6; k++) {
                float g = fabsf(r->values[i * r->width + (size_t)k]);
                if (g > gmax) gmax = g;
            }
        if (gmax > 40.0f)
            return ref_fail(msg, cap, "the gyroscope reaches %.0f rad/s, which is implausible: the file is probably in deg/s (pass --gyro-unit dps)", (double)gmax);
    }
    return 0;
}

static int ref_rec_parse(const char *s, size_t len, const rec_options *o, recording *out, char *msg, size_t cap)
{
    memset(out, 0, sizeof *out);
    size_t w = o->width;
    if (w != 1 && w != 3 && w != 6) return ref_fail(msg, cap, "internal: width must be 1, 3 or 6");
    const char *want[7];
    for (size_t k = 0; k <= w; k++)
        want[k] = o->columns[k] ? o->columns[k] : w == 1 ? ref_default_angle[k] : ref_default_imu[k];
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
        ref_next_field(s, len, &pos, o->delimiter, &a, &b);
        ref_trim(s, &a, &b);
        for (size_t k = 0; k <= w; k++)
            if (where[k] < 0 && strlen(want[k]) == b - a && memcmp(s + a, want[k], b - a) == 0) where[k] = ncols;
        if (++ncols > 256) return ref_fail(msg, cap, "line 1: more than 256 columns");
        if (ref_at_line_end(s, len, pos)) break;
    }
    for (size_t k = 0; k <= w; k++)
        if (where[k] < 0)
            return ref_fail(msg, cap, "line 1: no column named '%s' in the header (use --columns to name the columns)", want[k]);
    pos = ref_skip_eol(s, len, pos);

    size_t capn = 1024;
    out->t_ns = malloc(capn * sizeof *out->t_ns);
    out->values = malloc(capn * w * sizeof *out->values);
    out->width = w;
    if (!out->t_ns || !out->values) { ref_free(out); return ref_fail(msg, cap, "out of memory"); }
    double tscale = o->time_unit == REC_TIME_S ? 1e9 : o->time_unit == REC_TIME_MS ? 1e6 : 1.0;
    double ascale = o->accel_unit == REC_ACCEL_G ? 9.80665 : 1.0;
    double gscale = o->gyro_unit == REC_GYRO_DPS ? 0.017453292519943295 : 1.0;
    size_t line = 2;
    while (pos < len) {
        size_t line_start = pos;
        if (ref_at_line_end(s, len, pos)) { pos = ref_skip_eol(s, len, pos); line++; continue; }   /* blank line */
        if (out->count == capn) {
            capn *= 2;
            int64_t *t = realloc(out->t_ns, capn * sizeof *t);
            if (t) out->t_ns = t;
            float *v = realloc(out->values, capn * w * sizeof *v);
            if (v) out->values = v;
            if (!t || !v) { ref_free(out); return ref_fail(msg, cap, "out of memory"); }
        }
        double row[7];
        int col = 0;
        int filled = 0;
        while (1) {
            size_t a, b;
            ref_next_field(s, len, &pos, o->delimiter, &a, &b);
            size_t fa = a;
            ref_trim(s, &a, &b);
            for (size_t k = 0; k <= w; k++) {
                if (where[k] != col) continue;
                double v;
                if (!hip__parse_double(s + a, b - a, &v)) {
                    int shown = (int)(b - a < 24 ? b - a : 24);
                    int r = ref_fail(msg, cap, "line %zu, column %zu: expected a number in column '%s', found '%.*s'",
                                 line, fa - line_start + 1, want[k], shown, s + a);
                    ref_free(out);
                    return r;
                }
                row[k] = v;
                filled++;
            }
            col++;
            if (ref_at_line_end(s, len, pos)) break;
        }
        if (filled != (int)w + 1) {
            int r = ref_fail(msg, cap, "line %zu: %d fields, the header has %d", line, col, ncols);
            ref_free(out);
            return r;
        }
        double t = row[0] * tscale;
        if (!(fabs(t) < 9.2e18)) {
            ref_free(out);
            return ref_fail(msg, cap, "line %zu: time %g is out of range", line, row[0]);
        }
        out->t_ns[out->count] = (int64_t)llround(t);
        if (out->count > 0 && out->t_ns[out->count] <= out->t_ns[out->count - 1]) {
            ref_free(out);
            return ref_fail(msg, cap, "line %zu: time %.6f s is not after the previous sample's", line, row[0] * tscale * 1e-9);
        }
        for (size_t k = 0; k < w; k++) {
            double scale = w == 1 ? 1.0 : k < 3 ? ascale : gscale;
            double x = row[k + 1] * scale;
            /* A finite double beyond the float range would become infinite (or undefined) in float. */
            if (!(fabs(x) <= FLT_MAX)) {
                ref_free(out);
                return ref_fail(msg, cap, "line %zu: %g in column '%s' is out of range", line, row[k + 1], want[k + 1]);
            }
            out->values[out->count * w + k] = (float)x;
        }
        out->count++;
        pos = ref_skip_eol(s, len, pos);
        line++;
    }
    if (out->count == 0) { ref_free(out); return ref_fail(msg, cap, "no samples after the header"); }
    if (o->check_units && ref_check_units(o, out, msg, cap)) { ref_free(out); return 1; }
    return 0;
}


/* ---- generated input ---- */

typedef struct rng { uint64_t s; } rng;
static uint64_t next(rng *r)   /* xorshift64* */
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545F4914F6CDD1DULL;
}
static unsigned below(rng *r, unsigned n) { return (unsigned)(next(r) >> 33) % n; }
static int chance(rng *r, unsigned percent) { return below(r, 100) < percent; }

typedef struct buf { char *p; size_t len, cap; } buf;
static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void putf(buf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && (size_t)n < sizeof tmp);
    put(b, tmp, (size_t)n);
}
static void digits(rng *r, buf *b, unsigned n, int nonzero_first)
{
    for (unsigned i = 0; i < n; i++) {
        char c = (char)('0' + (i == 0 && nonzero_first ? 1 + below(r, 9) : below(r, 10)));
        put(b, &c, 1);
    }
}

/* A random double of any magnitude (bits), or a float-range one. */
static double any_double(rng *r)
{
    double d;
    do {
        uint64_t bits = next(r);
        memcpy(&d, &bits, sizeof d);
    } while (!isfinite(d));
    return d;
}

/* One number field around typical; valid: only numbers the reader accepts (within about 1e30). */
static void number(rng *r, buf *b, double typical, int valid)
{
    unsigned kind = below(r, valid ? 89 : 100);
    if (kind < 45) {   /* the common shape: [-]int.frac, as the recordings are written */
        double v = (double)(next(r) >> 11) / 9007199254740992.0 * 2 * typical - typical;
        static const char *const fmt[] = {"%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f", "%.7f", "%.8f"};
        putf(b, fmt[below(r, 9)], v);
    } else if (kind < 53) {   /* integers, sometimes with leading zeros or a sign */
        if (chance(r, 30)) puts_(b, "-");
        if (!valid && chance(r, 5)) puts_(b, "0");
        digits(r, b, 1 + below(r, 12), valid || chance(r, 90));
    } else if (kind < 63) {   /* long digit strings: 17-19 significant digits and beyond */
        if (chance(r, 50)) puts_(b, "-");
        unsigned ni = below(r, 4) ? 1 + below(r, 6) : 1 + below(r, 25);
        if (chance(r, 20)) { puts_(b, "0"); ni = 0; }
        else digits(r, b, ni, 1);
        puts_(b, ".");
        if (chance(r, 30)) digits(r, b, below(r, 8), 0);   /* leading fraction zeros */
        unsigned sig = 15 + below(r, 6);   /* 15-20 significant digits in all */
        unsigned nf = sig > ni ? sig - ni : 1;
        if (chance(r, 20)) nf = 1 + below(r, 30);
        digits(r, b, nf, 0);
        if (chance(r, 20)) digits(r, b, below(r, 6), 0);
    } else if (kind < 73) {   /* exponents */
        if (chance(r, 40)) puts_(b, "-");
        if (chance(r, 10)) puts_(b, "0");
        else digits(r, b, 1 + below(r, 4), 1);
        if (chance(r, 70)) { puts_(b, "."); digits(r, b, 1 + below(r, 10), 0); }
        puts_(b, chance(r, 50) ? "e" : "E");
        unsigned s = below(r, 3);
        if (s == 1) puts_(b, "-");
        if (s == 2) puts_(b, "+");
        if (valid) {
            putf(b, chance(r, 10) ? "0%u" : "%u", below(r, 31));
        } else {
            if (chance(r, 10)) puts_(b, "0");
            digits(r, b, chance(r, 90) ? 1 + below(r, 2) : 1 + below(r, 6), 0);
        }
    } else if (kind < 83) {   /* printf of random values, near float rounding boundaries too */
        unsigned how = below(r, 5);
        if (how == 0) {
            double d = any_double(r);
            putf(b, "%.17g", valid ? fmod(d, 1e30) : d);
        } else if (how == 1) {
            float f = (float)(((double)(next(r) >> 11) / 9007199254740992.0 - 0.5) * 2 * typical);
            double mid = ((double)f + (double)nextafterf(f, INFINITY)) / 2;   /* halfway: ties to even */
            if (chance(r, 50)) mid = nextafter(mid, chance(r, 50) ? INFINITY : -INFINITY);
            putf(b, chance(r, 50) ? "%.17g" : "%.19g", mid);
        } else if (how == 2) {
            putf(b, "%.18g", ((double)(next(r) >> 11) / 9007199254740992.0 - 0.5) * typical);
        } else if (how == 3) {
            float f;
            uint32_t bits = (uint32_t)next(r);
            memcpy(&f, &bits, sizeof f);
            if (!isfinite(f) || (valid && fabsf(f) > 1e30f)) f = 1.5f;
            putf(b, "%.9g", (double)f);
        } else {
            putf(b, "%g", ((double)(next(r) >> 11) / 9007199254740992.0 - 0.5) * typical);
        }
    } else if (kind < 89) {   /* padding the reader trims, around a plain number */
        const char *pad[] = {" ", "\"", "  ", "\" ", " \""};
        if (chance(r, 70)) puts_(b, pad[below(r, 5)]);
        putf(b, "%.*f", (int)below(r, 6), ((double)(next(r) >> 11) / 9007199254740992.0 - 0.5) * typical);
        if (chance(r, 70)) puts_(b, pad[below(r, 5)]);
    } else if (kind < 89 + 4 * !valid) {   /* zeros and edges */
        static const char *const z[] = {"0", "-0", "0.0", "-0.000", "0e5", "-0e-5", "0.0e-400", "00", "-00.5",
                                        "1e-400", "-1e-400", "9007199254740993", "9007199254740992", "4.9e-324",
                                        "1.7976931348623157e308", "3.4028235e38", "3.4028236e38", "-3.40282357e38",
                                        "1e39", "1e300", "1e309", "1e22", "1e23", "123456789012345678901234567890",
                                        "0.1234567", "12345678", "1234567.8", "0.00000001", "99999999", "9999999.9"};
        static const char *const zv[] = {"0", "-0", "0.0", "-0.000", "0e5", "-0e-5", "0.0e-400", "1e-400", "-1e-400",
                                         "9007199254740993", "9007199254740992", "4.9e-324", "1e22", "1e23", "-1e23",
                                         "0.1234567", "12345678", "1234567.8", "0.00000001", "99999999", "9999999.9"};
        if (valid) puts_(b, zv[below(r, sizeof zv / sizeof zv[0])]);
        else puts_(b, z[below(r, sizeof z / sizeof z[0])]);
    } else {   /* not numbers */
        static const char *const bad[] = {"", "-", "+1", ".5", "5.", "1e", "1e+", "nan", "inf", "-inf", "0x10",
                                          "1..2", "--1", "1.5.2", "O.5", "1 2", "\"\"", "1e5e5", "12a", "a12",
                                          "1-2", "1.-2", "1e-", "\xef\xbb\xbf" "1", "1\x01", "\t1", "1 .5"};
        puts_(b, bad[below(r, sizeof bad / sizeof bad[0])]);
    }
}

static const char delims[] = {',', ';', '\t', ' ', '|'};

/* A header of the wanted names (in any order, maybe with others and padding) and lines. */
/* mode 0: every value in the common shape; 1: valid numbers of every shape; 2: anything, and
 * lines with blank lines, missing or extra fields, stray bytes. */
static void recording_text(rng *r, buf *b, const rec_options *o, size_t lines, double typical, int mode)
{
    int noise = mode == 2;
    const char *names[7] = {"t", "ax", "ay", "az", "gx", "gy", "gz"};
    if (o->width == 1) names[1] = "angle";
    for (size_t k = 0; k <= o->width; k++)
        if (o->columns[k]) names[k] = o->columns[k];
    /* columns: the wanted ones in a random order among up to 3 others */
    int order[10];
    size_t ncol = 0;
    for (size_t k = 0; k <= o->width; k++) order[ncol++] = (int)k;
    size_t extra = chance(r, 70) ? 0 : below(r, 4);
    for (size_t e = 0; e < extra; e++) order[ncol++] = -1;
    if (chance(r, 40))
        for (size_t i = ncol - 1; i > 0; i--) {
            size_t j = below(r, (unsigned)i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    char d = o->delimiter;
    if (chance(r, 3)) puts_(b, "\xef\xbb\xbf");
    for (size_t c = 0; c < ncol; c++) {
        if (c) put(b, &d, 1);
        int quote = d != '"' && chance(r, 10);
        if (quote) puts_(b, "\"");
        puts_(b, order[c] >= 0 ? names[order[c]] : "x");
        if (quote) puts_(b, "\"");
    }
    const char *eol = chance(r, 80) ? "\n" : chance(r, 50) ? "\r\n" : "\r";
    puts_(b, eol);
    double t = chance(r, 80) ? 0 : -50 + below(r, 100);
    double dt = chance(r, 50) ? 0.01 : chance(r, 50) ? 0.04 : 0.5;
    unsigned tshape = below(r, 4);
    for (size_t i = 0; i < lines; i++) {
        if (noise && chance(r, 1)) puts_(b, chance(r, 50) ? "\n" : "\r\n");   /* blank line */
        size_t fields = ncol;
        if (noise && chance(r, 1)) fields = below(r, (unsigned)ncol + 2);
        for (size_t c = 0; c < fields; c++) {
            if (c) put(b, &d, 1);
            int k = c < ncol ? order[c] : -1;
            if (k == 0 && !(noise && chance(r, 3))) {   /* a plausible time */
                t += dt * (noise && chance(r, 1) ? -1 : 1);
                unsigned how = noise && chance(r, 2) ? below(r, 4) : tshape;
                if (how == 0) putf(b, "%.4f", t);
                else if (how == 1) putf(b, "%.3f", t * 1000);
                else if (how == 2) putf(b, "%.1f", t * 1e3 + 0.5);   /* halves: llround's ties */
                else putf(b, "%.17g", t);
            } else if (mode == 0) {
                static const char *const fmt[] = {"%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f", "%.7f"};
                putf(b, fmt[below(r, 8)], ((double)(next(r) >> 11) / 9007199254740992.0 - 0.5) * 2 * typical);
            } else {
                number(r, b, typical, mode == 1);
            }
        }
        if (noise && chance(r, 1)) put(b, &d, 1);   /* trailing delimiter */
        if (i + 1 < lines || chance(r, 70)) puts_(b, chance(r, 95) ? eol : "\r\n");
        if (noise && chance(r, 1)) {   /* a random byte somewhere on the line */
            size_t at = b->len - below(r, 20) % (b->len ? b->len : 1);
            if (at < b->len) b->p[at] = (char)below(r, 256);
        }
    }
}

/* ---- comparison ---- */

typedef struct tally { size_t accepted, refused, samples; } tally;

static void same(const char *text, size_t len, const rec_options *o, tally *tl)
{
    recording a, b;
    char ma[256] = "", mb[256] = "";
    int ra = ref_rec_parse(text, len, o, &a, ma, sizeof ma);
    int rb = rec_parse(text, len, o, &b, mb, sizeof mb);
    if (ra != rb || strcmp(ma, mb) != 0)
        fail_msg("width %zu delimiter %d units %d/%d/%d check %d: reference %d '%s', reader %d '%s'\ninput (%zu bytes):\n%.*s",
                 o->width, o->delimiter, o->accel_unit, o->gyro_unit, o->time_unit, o->check_units, ra, ma, rb, mb,
                 len, (int)(len < 600 ? len : 600), text);
    if (ra == 0) {
        if (a.count != b.count || a.width != b.width) fail_msg("counts %zu/%zu differ", a.count, b.count);
        if (memcmp(a.t_ns, b.t_ns, a.count * sizeof *a.t_ns) != 0) {
            for (size_t i = 0; i < a.count; i++)
                if (a.t_ns[i] != b.t_ns[i]) fail_msg("sample %zu: time %lld vs %lld", i, (long long)a.t_ns[i], (long long)b.t_ns[i]);
        }
        if (memcmp(a.values, b.values, a.count * a.width * sizeof *a.values) != 0) {
            for (size_t i = 0; i < a.count * a.width; i++)
                if (memcmp(&a.values[i], &b.values[i], sizeof(float)) != 0)
                    fail_msg("sample %zu value %zu: %.9g vs %.9g\ninput:\n%.*s", i / a.width, i % a.width,
                             (double)a.values[i], (double)b.values[i], (int)(len < 600 ? len : 600), text);
        }
        tl->accepted++;
        tl->samples += a.count;
        ref_free(&a);
        rec_free(&b);
    } else {
        if (b.t_ns || b.values) fail_msg("a refused file left arrays behind");
        tl->refused++;
    }
}

static void random_options(rng *r, rec_options *o, const char **names)
{
    static const size_t widths[3] = {6, 3, 1};
    rec_options_init(o, widths[below(r, 3)]);
    o->delimiter = below(r, 3) ? ',' : delims[below(r, sizeof delims)];
    o->accel_unit = chance(r, 20) ? REC_ACCEL_G : REC_ACCEL_MS2;
    o->gyro_unit = chance(r, 20) ? REC_GYRO_DPS : REC_GYRO_RADS;
    o->time_unit = (rec_time_unit)below(r, 3);
    o->check_units = chance(r, 70);
    if (chance(r, 15)) {   /* named columns, sometimes two values from one column */
        static const char *const pool[] = {"time", "a", "b", "c", "d", "e", "f"};
        for (size_t k = 0; k <= o->width; k++) names[k] = pool[k];
        if (o->width > 1 && chance(r, 50)) names[1 + below(r, (unsigned)o->width)] = names[1];
        for (size_t k = 0; k <= o->width; k++) o->columns[k] = names[k];
    }
}

static uint64_t seed_from_env(uint64_t fallback)
{
    const char *s = getenv("HIP_RECORDING_SEED");
    return s && *s ? strtoull(s, NULL, 0) | 1 : fallback;
}

static size_t rounds_from_env(size_t fallback)
{
    const char *s = getenv("HIP_RECORDING_ROUNDS");
    return s && *s ? (size_t)strtoull(s, NULL, 0) : fallback;
}

/* Whole files, mostly clean (the fast paths) with noise in some. */
static void test_random_files_match_reference(void **state)
{
    (void)state;
    rng r = {seed_from_env(0x9E3779B97F4A7C15ULL)};
    tally tl = {0, 0, 0};
    size_t rounds = rounds_from_env(3000);
    for (size_t i = 0; i < rounds; i++) {
        rec_options o;
        const char *names[7];
        random_options(&r, &o, names);
        buf b = {NULL, 0, 0};
        static const double typical[] = {1.0, 10.0, 12.0, 150.0, 2000.0, 1e-3};
        size_t lines = chance(&r, 3) ? 1500 + below(&r, 3000) : below(&r, 60);
        int mode = (int)below(&r, 3);
        if (mode < 2 && chance(&r, 60)) o.check_units = 0;
        recording_text(&r, &b, &o, lines, typical[below(&r, 6)], mode);
        same(b.p ? b.p : "", b.len, &o, &tl);
        /* every prefix of a short file: where the fast paths give way to the careful one */
        if (b.len < 400 && chance(&r, 20))
            for (size_t n = 0; n < b.len; n++) same(b.p, n, &o, &tl);
        free(b.p);
    }
    print_message("random files: %zu accepted (%zu samples), %zu refused\n", tl.accepted, tl.samples, tl.refused);
    assert_true(tl.accepted > rounds / 10);
    assert_true(tl.refused > rounds / 10);
}

/* One number of every shape in every column position, with room after it (the eight-byte reader)
 * and at the very end of the text (the careful one). */
static void test_random_numbers_match_reference(void **state)
{
    (void)state;
    rng r = {seed_from_env(0xD1B54A32D192ED03ULL)};
    tally tl = {0, 0, 0};
    size_t rounds = rounds_from_env(3000) * 40;
    for (size_t i = 0; i < rounds; i++) {
        rec_options o;
        rec_options_init(&o, i % 2 ? 1 : 6);
        o.check_units = 0;
        o.delimiter = i % 7 == 0 ? ';' : ',';
        buf num = {NULL, 0, 0};
        static const double typical[] = {1.0, 10.0, 100.0, 1e4, 1e7, 1e-4};
        number(&r, &num, typical[below(&r, 6)], 0);
        buf b = {NULL, 0, 0};
        puts_(&b, o.width == 1 ? "t,angle\n" : "t,ax,ay,az,gx,gy,gz\n");
        size_t col = below(&r, (unsigned)o.width + 1);
        int last = chance(&r, 25);
        for (size_t line = 0; line < (last ? 1u : 3u); line++) {
            for (size_t k = 0; k <= o.width; k++) {
                if (k) put(&b, &o.delimiter, 1);
                if (line == 0 && k == col) put(&b, num.p, num.len);
                else putf(&b, "%zu.25", line + 1);
            }
            if (!last || chance(&r, 50)) puts_(&b, "\n");
        }
        same(b.p, b.len, &o, &tl);
        free(num.p);
        free(b.p);
    }
    print_message("single numbers: %zu accepted, %zu refused\n", tl.accepted, tl.refused);
}

/* Shapes named one by one: the eight-byte reader's edges (8 and 9 bytes, a point at each place,
 * a ninth digit), leading zeros, and the unit checks' median window. */
static void test_edges_match_reference(void **state)
{
    (void)state;
    static const char *const nums[] = {
        "1", "12", "1234567", "12345678", "123456789", "1.2", "1.234567", "1.2345678", "12.345678", "1234567.8",
        "123456.78", "0.1234567", "0.12345678", "-1.234567", "-12345678", "-0", "-0.0", "0", "0.", ".0", "00",
        "01", "0.0000001", "-9999999", "99999999", "9.9999999", "1.e5", "1.5e", "1.5e0", "1.5e+22", "1.5e-22",
        "1.5e23", "1.5e-23", "12345678901234567", "1234567890123456789", "12345678901234567890",
        "0.30000000000000004", "9007199254740993", "1.00000005960464477539", "1.0000000596046448",
        "3.4028234663852886e38", "3.4028235677973366e38", "1.1754943508222875e-38", "1.401298464324817e-45",
        "7.006492321624085e-46", "1-", "1.2.", "1,", "\"1.5\"", " 1.5 ", "1.5\"x", "+1.5", "- 1",
    };
    tally tl = {0, 0, 0};
    const char *delims_here = ",;\t |";
    for (size_t d = 0; d < strlen(delims_here); d++)
        for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
            for (size_t col = 0; col < 7; col++)
                for (int pad = 0; pad < 2; pad++) {
                    rec_options o;
                    rec_options_init(&o, 6);
                    o.delimiter = delims_here[d];
                    o.check_units = 0;
                    buf b = {NULL, 0, 0};
                    put(&b, "t,ax,ay,az,gx,gy,gz\n", 20);
                    if (o.delimiter != ',')
                        for (size_t c = 0; c < b.len; c++)
                            if (b.p[c] == ',') b.p[c] = o.delimiter;
                    for (size_t line = 0; line < (pad ? 3u : 1u); line++) {
                        for (size_t k = 0; k < 7; k++) {
                            if (k) put(&b, &o.delimiter, 1);
                            if (line == 0 && k == col) puts_(&b, nums[i]);
                            else putf(&b, "%zu", line + 1);
                        }
                        puts_(&b, "\n");
                    }
                    same(b.p, b.len, &o, &tl);
                    free(b.p);
                }
    /* the unit checks: accelerations whose median magnitude sits on either side of 0.5 and 1.6 */
    rng r = {seed_from_env(0x2545F4914F6CDD1DULL)};
    for (size_t i = 0; i < 400; i++) {
        rec_options o;
        rec_options_init(&o, i % 2 ? 6 : 3);
        buf b = {NULL, 0, 0};
        puts_(&b, o.width == 6 ? "t,ax,ay,az,gx,gy,gz\n" : "t,ax,ay,az\n");
        size_t n = 1 + below(&r, i < 200 ? 40 : 2500);
        double centre = (double)below(&r, 25) / 10;   /* 0.0 .. 2.4 */
        for (size_t s = 0; s < n; s++) {
            double m = centre + ((double)below(&r, 2001) - 1000) / 2000.0 * (double)below(&r, 4);
            if (chance(&r, 2)) m = i % 3 ? 0.5f : 1.6f;   /* exactly on a bound */
            putf(&b, "%zu,%.9g,0,0", s, m);
            if (o.width == 6) putf(&b, ",%.3f,0,%g", (double)below(&r, 45), chance(&r, 1) ? 40.0 : 1.0);
            puts_(&b, "\n");
        }
        same(b.p, b.len, &o, &tl);
        free(b.p);
    }
    /* long lines first, then short ones: the first estimate of the line count falls short and the
     * arrays grow again; a trailing CR blank line at the very end */
    for (int v = 0; v < 4; v++) {
        rec_options o;
        rec_options_init(&o, v % 2 ? 1 : 3);
        o.check_units = v < 2;
        buf b = {NULL, 0, 0};
        puts_(&b, o.width == 1 ? "t,angle\n" : "t,ax,ay,az\n");
        for (size_t s = 0; s < 6000; s++) {
            if (s < 1100) putf(&b, "%zu.000000000000000001,%.17g", s, 9.80665 + (double)s * 1e-9);
            else putf(&b, "%zu,%zu", s, s % 10);
            if (o.width == 3) puts_(&b, ",0,0");
            puts_(&b, "\n");
        }
        puts_(&b, v < 2 ? "\r" : "\r\n\r");
        same(b.p, b.len, &o, &tl);
        free(b.p);
    }
    print_message("edges: %zu accepted, %zu refused\n", tl.accepted, tl.refused);
}

static int compare_files(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *text = hip_test_read_file(argv[i], &len);
        if (!text) { fprintf(stderr, "%s: cannot read\n", argv[i]); return 1; }
        size_t sets = 0, accepted = 0, samples = 0;
        for (int v = 0; v < 12; v++) {
            rec_options o;
            rec_options_init(&o, v < 8 ? 6 : v < 10 ? 3 : 1);
            if (v == 1) o.check_units = 0;
            if (v == 2) o.accel_unit = REC_ACCEL_G;
            if (v == 3) o.gyro_unit = REC_GYRO_DPS;
            if (v == 4) o.time_unit = REC_TIME_MS;
            if (v == 5) o.time_unit = REC_TIME_NS;
            if (v == 6) { static const char *c[7] = {"t", "gz", "gy", "gx", "az", "ay", "ax"}; memcpy(o.columns, c, sizeof c); }
            if (v == 7) o.delimiter = ';';
            if (v == 11) { o.columns[0] = "t"; o.columns[1] = "gx"; }
            recording a, b;
            char ma[256] = "", mb[256] = "";
            int ra = ref_rec_parse(text, len, &o, &a, ma, sizeof ma);
            int rb = rec_parse(text, len, &o, &b, mb, sizeof mb);
            int ok = ra == rb && strcmp(ma, mb) == 0;
            if (ok && ra == 0)
                ok = a.count == b.count && memcmp(a.t_ns, b.t_ns, a.count * sizeof *a.t_ns) == 0 &&
                     memcmp(a.values, b.values, a.count * a.width * sizeof *a.values) == 0;
            if (!ok) { printf("%s: option set %d DIFFERS ('%s' / '%s')\n", argv[i], v, ma, mb); bad = 1; }
            sets++;
            if (ra == 0) { accepted++; samples += a.count; ref_free(&a); rec_free(&b); }
        }
        printf("%s: %zu option sets identical (%zu accepted, %zu samples)\n", argv[i], sets, accepted, samples);
        free(text);
    }
    return bad;
}

int main(int argc, char **argv)
{
    if (argc > 1) return compare_files(argc, argv);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_files_match_reference),
        cmocka_unit_test(test_random_numbers_match_reference),
        cmocka_unit_test(test_edges_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
