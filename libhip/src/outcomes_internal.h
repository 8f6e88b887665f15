/* Internal: outcome instruments (static item tables) and the response handle, shared by
 * outcomes.c, outcomes_items.c, outcomes_licensed.c and outcomes_json.c. */
#ifndef HIPTRACK_SRC_OUTCOMES_INTERNAL_H
#define HIPTRACK_SRC_OUTCOMES_INTERNAL_H

#include "hiptrack/hip_outcomes.h"
#include "error.h"

typedef struct hip__item_def {
    const char *id;
    int32_t min, max;
    hip_outcome_scale scale;
    const char *topic;       /* libhip's own short label; NULL: take the HOOS item's (same id) */
} hip__item_def;

typedef struct hip__instrument_def {
    const char *name;                      /* JSON name */
    const hip__item_def *items;
    size_t n_items;
    const hip_outcome_scale *scales;       /* in result order */
    size_t n_scales;
} hip__instrument_def;

/* NULL for a value outside the enum. */
const hip__instrument_def *hip__instrument(hip_instrument instrument);
/* Index of id among the instrument's items, or -1. */
long hip__item_index(const hip__instrument_def *def, const char *id);
/* The topic of an item (the HOOS one for short-form items); "" for none. */
const char *hip__item_topic(const hip__item_def *item);

/* Raw -> score tables (index = raw sum). */
extern const double hip__hoos_jr_table[25];
extern const double hip__hoos_ps_table[21];

/* Licence-gated scorers (outcomes_licensed.c); values[] holds all items, all answered. Without the
 * CMake option they are not compiled and hip_outcome_score returns HIP_ERR_UNSUPPORTED. */
#ifdef HIPTRACK_WITH_LICENSED_OUTCOMES
double hip__ihot12_total(const int32_t *values);
double hip__oxford_total(const int32_t *values);
#endif

struct hip_outcome_response {
    hip_allocator alloc;
    hip__error err;
    hip_instrument instrument;
    hip_hoos_missing_rule hoos_missing_rule;
    hip_hoos_ps_direction hoos_ps_direction;
    int32_t has_day;
    int32_t day;
    int32_t values[HIPTRACK_OUTCOME_MAX_ITEMS];   /* HIPTRACK_OUTCOME_MISSING when missing */
    char names[HIPTRACK_PSFS_MAX_ACTIVITIES][HIPTRACK_NAME_CAP];
};

/* Marks everything missing and clears names and date. */
void hip__outcome_blank(hip_outcome_response *r);

#endif
