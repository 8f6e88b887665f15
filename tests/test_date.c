/* Civil dates: round trips, validation, parsing, formatting, weekdays. */
#include "testutil.h"

#include <string.h>

static void test_known_days(void **state)
{
    (void)state;
    int32_t d;
    assert_int_equal(hip_date_from_ymd(1970, 1, 1, &d), HIP_OK);
    assert_int_equal(d, 0);
    assert_int_equal(hip_date_from_ymd(2000, 3, 1, &d), HIP_OK);
    assert_int_equal(d, 11017);
    assert_int_equal(hip_date_from_ymd(1969, 12, 31, &d), HIP_OK);
    assert_int_equal(d, -1);
    assert_int_equal(hip_date_from_ymd(1, 1, 1, &d), HIP_OK);
    assert_int_equal(d, -719162);
    assert_int_equal(hip_date_from_ymd(9999, 12, 31, &d), HIP_OK);
    assert_int_equal(d, 2932896);
}

static void test_round_trip_every_day(void **state)
{
    (void)state;
    int32_t prev = 0;
    int first = 1;
    for (int y = 1; y <= 9999; y += (y < 1900 || y > 2100) ? 97 : 1)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= 31; d++) {
                int32_t day;
                if (hip_date_from_ymd(y, m, d, &day) != HIP_OK) continue;
                int yy, mm, dd;
                assert_int_equal(hip_date_to_ymd(day, &yy, &mm, &dd), HIP_OK);
                assert_int_equal(yy, y);
                assert_int_equal(mm, m);
                assert_int_equal(dd, d);
                if (!first && y > 1900 && y <= 2100) assert_true(day > prev);
                prev = day;
                first = 0;
            }
}

static void test_invalid_dates(void **state)
{
    (void)state;
    int32_t d;
    assert_int_equal(hip_date_from_ymd(2026, 2, 29, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_from_ymd(2024, 2, 29, &d), HIP_OK);
    assert_int_equal(hip_date_from_ymd(1900, 2, 29, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_from_ymd(2000, 2, 29, &d), HIP_OK);
    assert_int_equal(hip_date_from_ymd(2026, 13, 1, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_from_ymd(2026, 4, 31, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_from_ymd(0, 1, 1, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_from_ymd(10000, 1, 1, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_from_ymd(2026, 1, 0, &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_from_ymd(2026, 1, 1, NULL), HIP_ERR_INVALID);
    int y;
    assert_int_equal(hip_date_to_ymd(2932897, &y, NULL, NULL), HIP_ERR_RANGE);
    assert_int_equal(hip_date_to_ymd(-719163, &y, NULL, NULL), HIP_ERR_RANGE);
}

static void test_parse_and_format(void **state)
{
    (void)state;
    int32_t d;
    assert_int_equal(hip_date_parse("2026-11-24", &d), HIP_OK);
    char buf[HIPTRACK_DATE_CAP];
    assert_int_equal(hip_date_format(d, buf, sizeof buf), HIP_OK);
    assert_string_equal(buf, "2026-11-24");
    assert_int_equal(hip_date_format(-719162, buf, sizeof buf), HIP_OK);
    assert_string_equal(buf, "0001-01-01");
    const char *bad[] = {"2026-1-24", "2026/11/24", "2026-11-24 ", "20261124", "", "2026-11-2x",
                         "-026-11-24"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(hip_date_parse(bad[i], &d), HIP_ERR_FORMAT);
    assert_int_equal(hip_date_parse("2026-02-30", &d), HIP_ERR_RANGE);
    assert_int_equal(hip_date_parse(NULL, &d), HIP_ERR_INVALID);
    assert_int_equal(hip_date_parse("2026-11-24", NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_date_format(0, buf, 10), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_date_format(0, NULL, 11), HIP_ERR_INVALID);
    assert_int_equal(hip_date_format(5000000, buf, sizeof buf), HIP_ERR_RANGE);
}

static void test_weekday(void **state)
{
    (void)state;
    int32_t d;
    assert_int_equal(hip_date_from_ymd(2026, 11, 24, &d), HIP_OK);   /* a Tuesday */
    assert_int_equal(hip_date_weekday(d), 2);
    assert_int_equal(hip_date_weekday(0), 4);                         /* 1970-01-01: Thursday */
    assert_int_equal(hip_date_weekday(-1), 3);
    assert_int_equal(hip_date_weekday(-719162), 1);                   /* 0001-01-01: Monday */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_days),
        cmocka_unit_test(test_round_trip_every_day),
        cmocka_unit_test(test_invalid_dates),
        cmocka_unit_test(test_parse_and_format),
        cmocka_unit_test(test_weekday),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
