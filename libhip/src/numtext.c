/* Locale-independent decimal <-> double conversion. */
/* The same floats on every compiler and CPU: no fused multiply-add contraction (clang contracts
 * by default; CMake also passes -ffp-contract=off, but SwiftPM and Xcode builds do not). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

#include "numtext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exact powers of ten representable in a double (10^0 .. 10^22). */
static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* m * 10^e, correctly rounded, for the cases the exact fast path cannot take. The C library's
 * strtod rounds correctly (glibc, musl, bionic, Apple, MSVC 2015+); it is given "<m>e<e>", which
 * has no decimal separator and so reads the same in every LC_NUMERIC locale. (Long double
 * intermediates, used before, gave platform-dependent results: 80 bits on x86, 64 on Apple arm64,
 * MSVC and under valgrind, where 1.7976931348623157e308 overflowed and 1e-300 lost its round trip.) */
static double scale_slow(uint64_t m, long e)
{
    char buf[48];
    int n = snprintf(buf, sizeof buf, "%llue%ld", (unsigned long long)m, e);
    if (n <= 0 || (size_t)n >= sizeof buf) return 0.0;
    return strtod(buf, NULL);
}

int hip__parse_double(const char *s, size_t len, double *out)
{
    size_t i = 0;
    int neg = 0;
    if (i < len && s[i] == '-') { neg = 1; i++; }
    if (i >= len || !is_digit(s[i])) return 0;
    uint64_t m = 0;
    int digits = 0;                   /* significant digits kept in m */
    long dropped = 0;                 /* integer digits not kept (scale up) */
    long frac = 0;                    /* fraction digits kept (scale down) */
    if (s[i] == '0') {
        i++;
        if (i < len && is_digit(s[i])) return 0;   /* no leading zeros */
    } else {
        for (; i < len && is_digit(s[i]); i++) {
            if (digits < 19) { m = m * 10 + (uint64_t)(s[i] - '0'); if (m) digits++; }
            else dropped++;
        }
    }
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || !is_digit(s[i])) return 0;
        for (; i < len && is_digit(s[i]); i++) {
            if (digits < 19) {
                m = m * 10 + (uint64_t)(s[i] - '0');
                if (m) digits++;
                frac++;
            }
        }
    }
    long exp10 = 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        int eneg = 0;
        if (i < len && (s[i] == '+' || s[i] == '-')) { eneg = s[i] == '-'; i++; }
        if (i >= len || !is_digit(s[i])) return 0;
        for (; i < len && is_digit(s[i]); i++)
            if (exp10 < 100000) exp10 = exp10 * 10 + (s[i] - '0');   /* saturate */
        if (eneg) exp10 = -exp10;
    }
    if (i != len) return 0;
    long e = exp10 + dropped - frac;
    double v;
    if (m == 0) v = 0.0;
    else if (m <= (1ULL << 53) && e >= -22 && e <= 22)
        v = e < 0 ? (double)m / pow10_exact[-e] : (double)m * pow10_exact[e];   /* exact: one rounding */
    else if (e + digits > 310) return 0;                                          /* overflow */
    else if (e + digits < -330) v = 0.0;                                          /* underflow */
    else v = scale_slow(m, e);
    if (isinf(v)) return 0;
    *out = neg ? -v : v;
    return 1;
}

/* Replaces a locale's decimal separator (',' or a multibyte one) with '.', in place. */
static size_t fix_decimal_point(char *buf, size_t n)
{
    size_t w = 0;
    int seen_point = 0;
    for (size_t r = 0; r < n; r++) {
        char c = buf[r];
        if (is_digit(c) || c == '-' || c == '+' || c == 'e' || c == 'E') {
            buf[w++] = c;
        } else if (!seen_point) {
            buf[w++] = '.';
            seen_point = 1;
            /* Skip the rest of a multibyte separator. */
            while (r + 1 < n && !is_digit(buf[r + 1])) r++;
        }
    }
    buf[w] = '\0';
    return w;
}

size_t hip__format_double(char *buf, size_t cap, double v)
{
    if (!buf || cap == 0) return 0;
    buf[0] = '\0';
    if (!isfinite(v)) return 0;
    char tmp[48];
    for (int prec = 15; prec <= 17; prec++) {
        int n = snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (n <= 0 || (size_t)n >= sizeof tmp) return 0;
        size_t len = fix_decimal_point(tmp, (size_t)n);
        double back;
        if (prec == 17 || (hip__parse_double(tmp, len, &back) && back == v)) {
            if (len + 1 > cap) return 0;
            memcpy(buf, tmp, len + 1);
            return len;
        }
    }
    return 0;
}

size_t hip__format_fixed(char *buf, size_t cap, double v, int decimals)
{
    if (!buf || cap == 0) return 0;
    buf[0] = '\0';
    if (!isfinite(v) || decimals < 0 || decimals > 9 || fabs(v) >= 1e15) return 0;
    char tmp[48];
    int n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    if (n <= 0 || (size_t)n >= sizeof tmp) return 0;
    size_t len = decimals ? fix_decimal_point(tmp, (size_t)n) : (size_t)n;
    if (len + 1 > cap) return 0;
    memcpy(buf, tmp, len + 1);
    return len;
}
