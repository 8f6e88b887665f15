/* Scorers of the licence-gated instruments (CLINICAL.md §2.0): compiled only with the CMake option
 * HIPTRACK_WITH_LICENSED_OUTCOMES, which a product turns on once it holds the licences. No item
 * text of these instruments is in the tree, only ids, ranges and the scoring arithmetic. */
#include "outcomes_internal.h"

#ifdef HIPTRACK_WITH_LICENSED_OUTCOMES

/* iHOT-12: total = mean of the 12 item scores (0-100), 100 = best (§2.6 [S*]); all 12 required
 * [DD: the iHOT-12 missing-data rule is U]. */
double hip__ihot12_total(const int32_t *values)
{
    double sum = 0;
    for (int i = 0; i < 12; i++) sum += values[i];
    return sum / 12.0;
}

/* Oxford Hip Score, current 0-4 scoring: total 0-48, 48 = best (§2.7 [S*]); all 12 required
 * [DD: the official missing-data rule is in the paid manual, U]. */
double hip__oxford_total(const int32_t *values)
{
    int32_t sum = 0;
    for (int i = 0; i < 12; i++) sum += values[i];
    return (double)sum;
}

#else
/* ISO C wants a translation unit to declare something. */
typedef int hip__outcomes_licensed_unused;
#endif
