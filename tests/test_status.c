/* hip_status_str/name and the version functions. */
#include "testutil.h"

#include <string.h>

static void test_every_status_has_text(void **state)
{
    (void)state;
    for (int s = HIP_ERR_UNSUPPORTED; s <= HIP_DONE; s++) {
        assert_string_not_equal(hip_status_str((hip_status)s), "unknown status");
        assert_int_equal(strncmp(hip_status_name((hip_status)s), "HIP_", 4), 0);
    }
    assert_string_equal(hip_status_str(HIP_ERR_NOMEM), "out of memory");
    assert_string_equal(hip_status_name(HIP_ERR_BUFSIZE), "HIP_ERR_BUFSIZE");
    assert_string_equal(hip_status_str((hip_status)42), "unknown status");
    assert_string_equal(hip_status_name((hip_status)-42), "HIP_ERR_UNKNOWN");
}

static void test_version_matches_header(void **state)
{
    (void)state;
    int major = -1, minor = -1, patch = -1;
    hip_version(&major, &minor, &patch);
    assert_int_equal(major, HIPTRACK_VERSION_MAJOR);
    assert_int_equal(minor, HIPTRACK_VERSION_MINOR);
    assert_int_equal(patch, HIPTRACK_VERSION_PATCH);
    assert_int_equal(hip_version_number(), HIPTRACK_VERSION_NUMBER);
    assert_string_equal(hip_version_string(), HIPTRACK_VERSION_STRING);
    hip_version(NULL, NULL, NULL);   /* NULL outputs are allowed */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_status_has_text),
        cmocka_unit_test(test_version_matches_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
