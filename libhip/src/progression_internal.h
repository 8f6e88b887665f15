/* Internal: the rule set (parsed rules as flat arrays), shared by the progression*.c files.
 *
 *   progression_parse.c    lexer + recursive-descent parser, canonical text export
 *   progression_builtin.c  the built-in rules' text (CLINICAL.md §3)
 *   progression.c          rule-set handle, params, red flags, load step, names
 *   progression_metrics.c  metric values over the history
 *   progression_eval.c     condition evaluation, actions, decisions, apply
 *   progression_explain.c  the one-sentence explanation
 *   progression_dryrun.c   evaluate_all and the week-by-week dry run */
#ifndef HIPTRACK_SRC_PROGRESSION_INTERNAL_H
#define HIPTRACK_SRC_PROGRESSION_INTERNAL_H

#include "hiptrack/hip_progression.h"
#include "error.h"

#define HIP__RULES_MAX_TEXT (1u << 20)
#define HIP__RULES_MAX_RULES 1000
#define HIP__RULES_MAX_PARAMS 200
#define HIP__RULES_MAX_ALTS 8
#define HIP__RULES_MAX_DEPTH 32
#define HIP__RULES_SAY_CAP 112
#define HIP__RULES_MAX_SESSION_WINDOW 100
#define HIP__RULES_MAX_DAY_WINDOW 366

/* Metrics. The kind says which windows a metric takes. */
typedef enum hip__metric {
    /* per session (window: sessions or days; default "last ... over last 1 sessions") */
    HIP__M_PAIN_DURING, HIP__M_PAIN_AFTER, HIP__M_NEXT_MORNING, HIP__M_NEXT_MORNING_RISE,
    HIP__M_COMPLETION, HIP__M_GOOD_REPS, HIP__M_RPE, HIP__M_LAST_SET_REPS, HIP__M_REPS_OVER,
    /* per day (window: days) */
    HIP__M_PAIN_DAILY, HIP__M_FLARE_COUNT, HIP__M_SESSIONS,
    /* scalars (no window) */
    HIP__M_WEEK_RISE, HIP__M_WEEK_LOGS, HIP__M_FLARE, HIP__M_FLARE_DAYS, HIP__M_CHANGED_IN_FLARE,
    HIP__M_RED_FLAG,
    HIP__M_DAYS_SINCE_CHANGE, HIP__M_SESSIONS_SINCE_CHANGE, HIP__M_REPS, HIP__M_SETS, HIP__M_HOLD,
    HIP__M_LOAD, HIP__M_STRENGTH,
    /* range of motion from the latest assessment (scalars), one per hip_rom_motion: degrees, then
     * percent of normal */
    HIP__M_ROM_DEG, HIP__M_ROM_DEG_LAST = HIP__M_ROM_DEG + HIPTRACK_ROM_MOTIONS - 1,
    HIP__M_ROM_PCT, HIP__M_ROM_PCT_LAST = HIP__M_ROM_PCT + HIPTRACK_ROM_MOTIONS - 1,
    HIP__M_COUNT
} hip__metric;

typedef enum hip__mkind { HIP__MK_SESSION, HIP__MK_DAY, HIP__MK_COUNT_DAYS, HIP__MK_SCALAR } hip__mkind;

typedef struct hip__metric_def {
    const char *name;
    hip__mkind kind;
} hip__metric_def;
extern const hip__metric_def hip__metrics[HIP__M_COUNT];

/* A number in the text: a literal or a parameter. */
typedef struct hip__val {
    double num;
    long param;   /* index into params, or -1 for the literal num */
} hip__val;

typedef enum hip__ntype { HIP__N_AND, HIP__N_OR, HIP__N_NOT, HIP__N_CMP, HIP__N_KNOWN } hip__ntype;

/* A condition node. AND/OR: a, b children; NOT: a. CMP/KNOWN: a metric reference. */
typedef struct hip__node {
    hip__ntype type;
    size_t a, b;
    hip__metric metric;
    hip_progression_agg agg;
    hip_progression_window unit;
    hip__val window;
    hip_progression_cmp cmp;
    hip__val rhs;
} hip__node;

typedef enum hip__bound { HIP__BOUND_NONE, HIP__BOUND_VALUE, HIP__BOUND_DOSE } hip__bound;

typedef struct hip__action {
    hip_progression_action kind;          /* CHANGE for the reps/sets/hold/load changes */
    hip_progression_variable var;
    int sign;                             /* +1 / -1 */
    hip__val amount;
    int percent;
    int has_step;
    hip__val step;
    hip__bound bound;                     /* "max" for +, "min" for - */
    hip__val bound_val;
    int has_cap;
    hip__val cap;                         /* percent */
} hip__action;

typedef struct hip__rule {
    char id[HIPTRACK_ID_CAP];
    int32_t priority;
    hip_progression_class cls;
    uint32_t line;
    size_t cond;                          /* root node */
    size_t first_action, n_actions;
    char say[HIP__RULES_SAY_CAP];
} hip__rule;

typedef struct hip__param {
    hip_rule_param info;
    uint32_t line;
} hip__param;

struct hip_ruleset {
    hip_allocator alloc;
    hip_ruleset_config cfg;
    hip__error err;
    uint32_t err_line, err_col;
    hip__rule *rules;
    size_t n_rules, rules_cap;
    hip__node *nodes;
    size_t n_nodes, nodes_cap;
    hip__action *actions;
    size_t n_actions, actions_cap;
    hip__param *params;
    size_t n_params, params_cap;
};

double hip__val_get(const hip_ruleset *rs, const hip__val *v);
int hip__name_is_id(const char *s);

/* Parser: appends to rs; on failure truncates back and sets the error (with position). */
hip_status hip__rules_parse(hip_ruleset *rs, const char *text, size_t len);
/* Canonical text of the whole set; returns the length, writing at most cap bytes (NUL included
 * when cap > 0). */
size_t hip__rules_print(const hip_ruleset *rs, char *buf, size_t cap);
const char *hip__agg_name(hip_progression_agg agg);

/* ---- evaluation ---- */

/* A metric's value as of the evaluation: known 0 = unknown. */
typedef struct hip__mval {
    int known;
    double value;
} hip__mval;

/* Everything one evaluation needs, resolved once. */
typedef struct hip__ctx {
    const hip_ruleset *rs;
    const hip_progression_history *h;
    int32_t day;
    size_t version_index;
    hip_program_version version;
    size_t exercise_index;
    hip_prescription rx;
    int32_t change_day;                   /* effective day of the current prescription */
    uint32_t red_flags;
    hip_red_flag_tier tier;
    /* flares of the 24-h pain as of day */
    int flare_known;
    hip_pain_flare *flares;
    size_t n_flares;
    int flares_truncated;
} hip__ctx;

#define HIP__FLARE_CAP 128

hip__mval hip__metric_value(const hip__ctx *c, const hip__node *n);
/* Red flags of the check-ins up to day not cleared by a later (or same-day) clearance. */
hip_status hip__red_flags_as_of(const hip_ruleset_config *cfg, const hip_checkin *c, size_t n,
                                int32_t day, uint32_t *flags_out, hip_red_flag_tier *tier_out);
hip_red_flag_tier hip__red_flag_tier_of(uint32_t flags);

/* Every exercise of the version in force on day into out[0..count) (out NULL: count only). */
hip_status hip__evaluate_day(const hip_ruleset *rs, const hip_progression_history *h, int32_t day,
                             hip_progression_decision *out, size_t cap, size_t *count_out);

/* Explanation sentence for a finished decision. */
void hip__explain(const hip__ctx *c, const hip__rule *rule, hip_progression_decision *d);

#endif
