/* Civil dates as a day number: days since 1970-01-01 in the proleptic Gregorian calendar, read in
 * the member's local calendar (CLINICAL.md §0.2). Program versions, adherence weeks and the like
 * use it; instants use int64 t_ns. Years 1..9999. */
#ifndef HIPTRACK_HIP_DATE_H
#define HIPTRACK_HIP_DATE_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_DATE_CAP 11  /* "YYYY-MM-DD" plus NUL */

/* HIP_ERR_RANGE for a day that does not exist (2026-02-29, month 13, year 0). */
HIPTRACK_API hip_status hip_date_from_ymd(int year, int month, int day, int32_t *day_out);
/* HIP_ERR_RANGE when day lies outside years 1..9999. */
HIPTRACK_API hip_status hip_date_to_ymd(int32_t day, int *year_out, int *month_out, int *mday_out);
/* Parses exactly "YYYY-MM-DD": HIP_ERR_FORMAT for other text, HIP_ERR_RANGE for a bad date. */
HIPTRACK_API hip_status hip_date_parse(const char *text, int32_t *day_out);
/* Writes "YYYY-MM-DD" (needs HIPTRACK_DATE_CAP bytes): HIP_ERR_BUFSIZE / HIP_ERR_RANGE. */
HIPTRACK_API hip_status hip_date_format(int32_t day, char *buf, size_t cap);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
HIPTRACK_API int hip_date_weekday(int32_t day);

#ifdef __cplusplus
}
#endif
#endif
