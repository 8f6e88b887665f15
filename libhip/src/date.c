/* Civil-date arithmetic (H. Hinnant's days_from_civil / civil_from_days algorithms). */
#include "hiptrack/hip_date.h"

#include <string.h>

#define HIP__DAY_MIN (-719162)   /* 0001-01-01 */
#define HIP__DAY_MAX 2932896     /* 9999-12-31 */

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

hip_status hip_date_from_ymd(int year, int month, int day, int32_t *day_out)
{
    if (!day_out) return HIP_ERR_INVALID;
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month))
        return HIP_ERR_RANGE;
    int y = month <= 2 ? year - 1 : year;
    int era = y / 400;                       /* y >= 0 here */
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;               /* March = 0 */
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *day_out = (int32_t)(era * 146097 + doe - 719468);
    return HIP_OK;
}

hip_status hip_date_to_ymd(int32_t day, int *year_out, int *month_out, int *mday_out)
{
    if (day < HIP__DAY_MIN || day > HIP__DAY_MAX) return HIP_ERR_RANGE;
    int z = day + 719468;
    int era = z / 146097;                    /* z > 0 in range */
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    int y = yoe + era * 400 + (m <= 2);
    if (year_out) *year_out = y;
    if (month_out) *month_out = m;
    if (mday_out) *mday_out = d;
    return HIP_OK;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

hip_status hip_date_parse(const char *text, int32_t *day_out)
{
    if (!text || !day_out) return HIP_ERR_INVALID;
    int y, m, d;
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 4, &y) ||
        !digits(text + 5, 2, &m) || !digits(text + 8, 2, &d))
        return HIP_ERR_FORMAT;
    return hip_date_from_ymd(y, m, d, day_out);
}

hip_status hip_date_format(int32_t day, char *buf, size_t cap)
{
    if (!buf) return HIP_ERR_INVALID;
    int y, m, d;
    if (hip_date_to_ymd(day, &y, &m, &d) != HIP_OK) return HIP_ERR_RANGE;
    if (cap < HIPTRACK_DATE_CAP) return HIP_ERR_BUFSIZE;
    int v[3] = {y, m, d}, w[3] = {4, 2, 2};
    char *p = buf;
    for (int i = 0; i < 3; i++) {
        for (int k = w[i] - 1, x = v[i]; k >= 0; k--, x /= 10) p[k] = (char)('0' + x % 10);
        p += w[i];
        if (i < 2) *p++ = '-';
    }
    *p = '\0';
    return HIP_OK;
}

int hip_date_weekday(int32_t day)
{
    /* 1970-01-01 was a Thursday (ISO 4). */
    int r = (int)((day % 7 + 7) % 7);
    return (r + 3) % 7 + 1;
}
