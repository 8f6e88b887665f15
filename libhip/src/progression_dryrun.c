/* Every exercise on one day (evaluate_all) and the week-by-week dry run: at the end of each
 * program week, over the history up to that day, as it was (decisions are not applied). */
#include "progression_internal.h"

#include <string.h>

hip_status hip_progression_evaluate_all(const hip_ruleset *rs, const hip_progression_history *h,
                                        int32_t day, hip_progression_decision *out, size_t cap,
                                        size_t *count_out)
{
    if (!count_out || (!out && cap)) return HIP_ERR_INVALID;
    return hip__evaluate_day(rs, h, day, out, cap, count_out);
}

hip_status hip_progression_dry_run(const hip_ruleset *rs, const hip_progression_history *h,
                                   int32_t start_day, uint32_t weeks, hip_progression_row *out,
                                   size_t cap, size_t *count_out)
{
    if (!count_out || (!out && cap) || weeks > 520) return HIP_ERR_INVALID;
    if ((int64_t)start_day + 7 * (int64_t)weeks > INT32_MAX) return HIP_ERR_RANGE;
    /* First pass: count (cheap: no rule is evaluated). */
    size_t total = 0;
    for (uint32_t w = 1; w <= weeks; w++) {
        size_t n = 0;
        hip_status st = hip__evaluate_day(rs, h, start_day + (int32_t)(7 * w) - 1, NULL, 0, &n);
        if (st == HIP_ERR_NOT_FOUND) continue;   /* before the first version */
        if (st != HIP_OK) return st;
        total += n;
    }
    *count_out = total;
    if (!out) return HIP_OK;
    if (cap < total) return HIP_ERR_BUFSIZE;
    size_t k = 0;
    for (uint32_t w = 1; w <= weeks; w++) {
        int32_t day = start_day + (int32_t)(7 * w) - 1;
        size_t n = 0;
        if (hip__evaluate_day(rs, h, day, NULL, 0, &n) != HIP_OK) continue;
        for (size_t i = 0; i < n; i++) {
            hip_progression_row *row = &out[k + i];
            memset(row, 0, sizeof *row);
            row->week = w;
            hip_status st = hip_progression_evaluate(rs, h, day, i, &row->decision);
            if (st != HIP_OK) return st;
        }
        k += n;
    }
    return HIP_OK;
}
