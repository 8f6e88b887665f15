/* Locale-independent number parsing and printing. */
#include "testutil.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "numtext.h"

static int parse(const char *s, double *v) { return hip__parse_double(s, strlen(s), v); }

static void test_parse_accepts_json_numbers(void **state)
{
    (void)state;
    struct { const char *s; double v; } ok[] = {
        {"0", 0}, {"-0", -0.0}, {"1", 1}, {"-12", -12}, {"0.5", 0.5}, {"3.25e2", 325},
        {"1E3", 1000}, {"1e+3", 1000}, {"2.5e-3", 0.0025}, {"0.1", 0.1}, {"123456789012345678901234567890", 1.2345678901234568e29},
        {"1.7976931348623157e308", 1.7976931348623157e308}, {"5e-324", 5e-324}, {"2.2250738585072014e-308", 2.2250738585072014e-308},
        {"0.000000000000000000000000000001", 1e-30}, {"1e-400", 0.0}, {"-1e-400", -0.0},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        double v = 42;
        if (!parse(ok[i].s, &v)) fail_msg("rejected %s", ok[i].s);
        if (v != ok[i].v) fail_msg("%s parsed as %.17g", ok[i].s, v);
    }
}

/* The slow path (more than 2^53 or beyond 10^+-22) rounds correctly on every platform: it used
 * long double intermediates, which are 64 bits on Apple arm64, MSVC and under valgrind, where
 * DBL_MAX overflowed and 1e-300 did not round-trip. Halfway and near-halfway cases included. */
static void test_parse_slow_path_rounds_correctly(void **state)
{
    (void)state;
    struct { const char *s; uint64_t bits; } cases[] = {
        {"1.7976931348623157e308", 0x7fefffffffffffffULL},   /* DBL_MAX */
        {"1e-300", 0x01a56e1fc2f8f359ULL},
        {"2.2250738585072011e-308", 0x000fffffffffffffULL},  /* the largest subnormal */
        {"4.9406564584124654e-324", 0x0000000000000001ULL},
        {"9007199254740993", 0x4340000000000000ULL},         /* 2^53 + 1: ties to even */
        {"9007199254740995", 0x4340000000000002ULL},         /* 2^53 + 3: ties to even (up) */
        {"1e23", 0x44b52d02c7e14af6ULL},
        {"8.98846567431158e307", 0x7fe0000000000000ULL},     /* 2^1023 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double v = 42;
        if (!parse(cases[i].s, &v)) fail_msg("rejected %s", cases[i].s);
        uint64_t bits;
        memcpy(&bits, &v, sizeof bits);
        if (bits != cases[i].bits) fail_msg("%s parsed as %.17g (bits %016llx)", cases[i].s, v, (unsigned long long)bits);
    }
}

static void test_parse_rejects(void **state)
{
    (void)state;
    const char *bad[] = {"", "-", "+1", "01", "1.", ".5", "1e", "1e+", "0x10", "inf", "nan", "1.5.2",
                         "1 ", " 1", "--1", "1e309", "-1e309", "1e99999999999999999999", "1,5"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = 42;
        if (parse(bad[i], &v)) fail_msg("accepted '%s' as %g", bad[i], v);
        assert_true(v == 42);   /* untouched on failure */
    }
}

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s;
}

static void test_format_round_trips(void **state)
{
    (void)state;
    double fixed[] = {0.1, 1.0 / 3.0, 2.5, -7.75, 1e-300, 5e-324, 1.7976931348623157e308, 123456.789,
                      9007199254740993.0, 0.30000000000000004};
    char buf[40];
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        size_t n = hip__format_double(buf, sizeof buf, fixed[i]);
        assert_true(n > 0);
        double back;
        assert_true(hip__parse_double(buf, n, &back));
        if (back != fixed[i]) fail_msg("%.17g -> %s -> %.17g", fixed[i], buf, back);
    }
    uint64_t s = 12345;
    size_t exact = 0, total = 20000;
    for (size_t i = 0; i < total; i++) {
        uint64_t bits = lcg(&s);
        double v;
        memcpy(&v, &bits, sizeof v);
        if (!isfinite(v)) continue;
        size_t n = hip__format_double(buf, sizeof buf, v);
        assert_true(n > 0);
        double back;
        assert_true(hip__parse_double(buf, n, &back));
        /* The slow path is within one ulp; almost every value round-trips exactly. */
        if (back == v) exact++;
        else assert_true(fabs(back - v) <= fabs(v) * 4e-16);
    }
    print_message("format/parse: %zu of %zu random doubles round-trip exactly\n", exact, total);
    assert_true(exact >= total * 9 / 10);
    assert_string_equal((hip__format_double(buf, sizeof buf, 2.5), buf), "2.5");
    assert_string_equal((hip__format_double(buf, sizeof buf, 120), buf), "120");
    assert_string_equal((hip__format_double(buf, sizeof buf, 0.1), buf), "0.1");
}

static void test_format_edges(void **state)
{
    (void)state;
    char buf[40];
    assert_int_equal(hip__format_double(buf, sizeof buf, NAN), 0);
    assert_int_equal(hip__format_double(buf, sizeof buf, INFINITY), 0);
    assert_int_equal(hip__format_double(buf, 3, 123.5), 0);   /* too small */
    assert_int_equal(hip__format_double(NULL, 0, 1.0), 0);
    assert_int_equal(hip__format_fixed(buf, sizeof buf, 1.23456, 3), 5);
    assert_string_equal(buf, "1.235");
    assert_int_equal(hip__format_fixed(buf, sizeof buf, -2.0, 0), 2);
    assert_string_equal(buf, "-2");
    assert_int_equal(hip__format_fixed(buf, sizeof buf, 1.0, 10), 0);
    assert_int_equal(hip__format_fixed(buf, sizeof buf, NAN, 2), 0);
    assert_int_equal(hip__format_fixed(buf, sizeof buf, 1e16, 2), 0);
    assert_int_equal(hip__format_fixed(buf, 4, 12.5, 2), 0);
}

/* A host app may switch LC_NUMERIC to a comma locale; output and input must not change. */
static void test_independent_of_locale(void **state)
{
    (void)state;
    const char *locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "C.UTF-8"};
    const char *used = NULL;
    for (size_t i = 0; i < sizeof locales / sizeof locales[0] && !used; i++)
        if (setlocale(LC_NUMERIC, locales[i])) used = locales[i];
    char buf[40];
    hip__format_double(buf, sizeof buf, 2.5);
    assert_string_equal(buf, "2.5");
    hip__format_fixed(buf, sizeof buf, 0.25, 2);
    assert_string_equal(buf, "0.25");
    double v;
    assert_true(parse("2.5", &v));
    assert_true(v == 2.5);
    setlocale(LC_NUMERIC, "C");
    if (!used) print_message("no comma locale installed; checked under the C locale only\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_accepts_json_numbers),
        cmocka_unit_test(test_parse_slow_path_rounds_correctly),
        cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_format_round_trips),
        cmocka_unit_test(test_format_edges),
        cmocka_unit_test(test_independent_of_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
