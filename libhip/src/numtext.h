/* Internal: locale-independent conversion between doubles and decimal text. The C library's strtod
 * and printf follow LC_NUMERIC, which a host app may have set; the core never depends on a locale. */
#ifndef HIPTRACK_SRC_NUMTEXT_H
#define HIPTRACK_SRC_NUMTEXT_H

#include <stddef.h>
#include <stdint.h>

/* Parses exactly text[0..len) as a decimal number: optional '-', digits, optional '.digits',
 * optional exponent (e|E, optional sign, digits). Leading '+', leading zeros before other digits,
 * hex, inf and nan are rejected. Returns 1 and sets *out on success; 0 on bad syntax or when the
 * value overflows to infinity. Results round correctly when the significand has at most 19 digits
 * and |exponent| <= 22 after normalisation, and are within 1 ulp otherwise. */
int hip__parse_double(const char *text, size_t len, double *out);

/* Writes v (finite) as the shortest of %.15g, %.16g, %.17g that parses back to the same double with
 * hip__parse_double, always with '.' as decimal point. Returns the length written (excluding the
 * terminating NUL, always written when cap > 0), or 0 if v is not finite or cap is too small. cap of
 * 32 is always enough. */
size_t hip__format_double(char *buf, size_t cap, double v);

/* Formats v with a fixed number of decimals (0..9), '.' as decimal point, round-half-away as printf.
 * Same return convention as hip__format_double. */
size_t hip__format_fixed(char *buf, size_t cap, double v, int decimals);

#endif
