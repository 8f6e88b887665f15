/* Progression: explicit, explainable rules that progress, hold, regress or pause each prescribed
 * exercise from a member's history (CLINICAL.md §3), and that stop every automatic change on a red
 * flag (§3.6) with "refer to a clinician".
 *
 * Rules are written in a small text language (docs/progression.md) that a physical therapist can
 * read and an app developer can write; the built-in rules (hip_progression_builtin_rules) are
 * written in it. A hip_ruleset holds parsed rules and their named parameters (every threshold is a
 * parameter: hip_ruleset_set_param changes it).
 *
 * Evaluation reads the history (program versions, finished sessions, the pain log, red-flag
 * check-ins; all const) as of one local day and returns one decision per prescribed exercise with
 * a machine-readable explanation (rule id, inputs and their values, thresholds, before/after) and
 * one human sentence. It never allocates and never fails for valid rules: missing data makes a
 * metric "unknown", a comparison on an unknown metric is unknown, and a rule fires only when its
 * condition is true. Decision order: red flag (refer) > pause/regress/reduce > keep > progress,
 * then the rule's priority, then text order. Applying a decision commits a new program version
 * (hip_progression_apply); history is never edited. A dry run evaluates at the end of every program
 * week over the history up to that day. Deterministic: no clock, no locale, no globals. */
#ifndef HIPTRACK_HIP_PROGRESSION_H
#define HIPTRACK_HIP_PROGRESSION_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_catalog.h"
#include "hip_program.h"
#include "hip_session.h"
#include "hip_painlog.h"
#include "hip_assess.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_RULE_NAME_CAP 32          /* bytes of a metric or parameter name buffer */
#define HIPTRACK_PROGRESSION_TEXT_CAP 192  /* == HIPTRACK_TEXT_CAP: the sentence is the version note */
#define HIPTRACK_PROGRESSION_MAX_INPUTS 8  /* comparisons per rule (a parse error beyond) */

/* ---- red flags (CLINICAL.md §3.6) ---- */

/* Answers of a symptom check-in, OR-ed into hip_checkin.answers: "yes" to the question. */
typedef enum hip_checkin_answer {
    HIP_CHECKIN_FEVER = 1 << 0,               /* fever, chills or feeling systemically unwell */
    HIP_CHECKIN_HIP_PAIN = 1 << 1,            /* hip pain now */
    HIP_CHECKIN_HOT_SWOLLEN_HIP = 1 << 2,     /* hot, red, swollen hip */
    HIP_CHECKIN_FALL = 1 << 3,                /* recent fall or trauma */
    HIP_CHECKIN_CANNOT_BEAR_WEIGHT = 1 << 4,  /* cannot put weight on the leg */
    HIP_CHECKIN_DEFORMITY = 1 << 5,           /* leg suddenly shorter / turned out, new deformity */
    HIP_CHECKIN_CANNOT_WALK = 1 << 6,         /* new inability to walk or to move the hip */
    HIP_CHECKIN_SADDLE_BLADDER_BOWEL = 1 << 7,/* new saddle numbness or bladder/bowel problems */
    HIP_CHECKIN_RECENT_PROCEDURE = 1 << 8,    /* recent hip injection/surgery or immunosuppression */
    HIP_CHECKIN_NEW_WARMTH = 1 << 9,          /* new warmth of the hip */
    HIP_CHECKIN_WORSENING_PAIN = 1 << 10,     /* new or worsening hip pain */
    HIP_CHECKIN_SUDDEN_SEVERE_PAIN = 1 << 11, /* sudden severe pain without trauma */
    HIP_CHECKIN_CANCER_HISTORY = 1 << 12,     /* history of cancer */
    HIP_CHECKIN_NIGHT_PAIN = 1 << 13,         /* new night pain */
    HIP_CHECKIN_WEIGHT_LOSS = 1 << 14,        /* unexplained weight loss, night sweats, no appetite */
    HIP_CHECKIN_CONSTANT_PAIN = 1 << 15,      /* constant pain, also at night and at rest */
    HIP_CHECKIN_NUMBNESS_WEAKNESS = 1 << 16,  /* new numbness, tingling or progressive leg weakness */
    HIP_CHECKIN_GROIN_LUMP_ABDOMINAL = 1 << 17, /* groin lump/pulsation, blood in urine, testicular
                                                   swelling, abdominal symptoms */
    HIP_CHECKIN_RAPID_WORSENING = 1 << 18,    /* rapidly worsening symptoms or deformity */
    HIP_CHECKIN_STEROIDS_ALCOHOL = 1 << 19,   /* long-term steroids or heavy alcohol use */
    HIP_CHECKIN_GROIN_PAIN = 1 << 20,         /* new groin pain */
    HIP_CHECKIN_MORNING_STIFFNESS = 1 << 21,  /* morning stiffness > 30 min or several swollen joints */
    HIP_CHECKIN_CALF_PAIN = 1 << 22,          /* calf pain or swelling */
    HIP_CHECKIN_REST_PAIN_PERSISTS = 1 << 23  /* pain at rest has not eased with rest for > 24 h */
} hip_checkin_answer;
#define HIPTRACK_CHECKIN_ALL 0xFFFFFFu

/* One day's check-in. A clinician's clearance is a check-in with cleared = 1: it clears every red
 * flag reported on or before its day. */
typedef struct hip_checkin {
    int32_t day;          /* local calendar day (hip_date day number) */
    uint32_t answers;     /* hip_checkin_answer flags */
    int32_t rest_pain;    /* pain at rest 0..10, or HIPTRACK_NOT_RECORDED */
    int cleared;          /* 1: a clinician cleared the red flags (0 or 1) */
} hip_checkin;

typedef enum hip_red_flag_tier {
    HIP_RED_FLAG_NONE = 0,
    HIP_RED_FLAG_PROMPT = 1,      /* clinician review within a few days */
    HIP_RED_FLAG_URGENT = 2,      /* same-day clinician contact */
    HIP_RED_FLAG_EMERGENCY = 3    /* emergency services / A&E now */
} hip_red_flag_tier;

/* RF-n is bit n-1 of a red-flag mask (RF-01 = 1u, RF-16 = 1u << 15). */
#define HIPTRACK_RED_FLAG_BIT(n) (1u << ((n) - 1))
#define HIPTRACK_RED_FLAG_ALL 0xFFFFu

/* ---- rule sets ---- */

typedef struct hip_ruleset hip_ruleset;

typedef struct hip_ruleset_config {
    uint32_t struct_size;         /* set by hip_ruleset_config_init */
    hip_allocator allocator;
    int include_builtin;          /* 1 (default): start with the built-in rules; 0: empty */
    uint32_t red_flags_enabled;   /* RF mask checked; default HIPTRACK_RED_FLAG_ALL. RF-15 is [U] */
    int32_t rest_pain_red_flag;   /* RF-16: rest pain >= this (1..10), default 8 [DD] */
    uint32_t usual_window_days;   /* "pain as usual" (§3.1): median of the 24-h pain of the N days
                                     before a session, default 7 [DD], 1..60 ... */
    uint32_t usual_min_logs;      /* ... from at least this many days, else the enrolment baseline
                                     (default 3 [DD], 1..usual_window_days) */
} hip_ruleset_config;

/* One rule as parsed. */
typedef enum hip_progression_class {
    HIP_PROGRESSION_CLASS_PROGRESS = 1,   /* advance, or a change that increases */
    HIP_PROGRESSION_CLASS_KEEP = 2,
    HIP_PROGRESSION_CLASS_REDUCE = 3,     /* pause, regress, or a change that decreases */
    HIP_PROGRESSION_CLASS_REFER = 4
} hip_progression_class;

typedef struct hip_rule_info {
    char id[HIPTRACK_ID_CAP];
    int32_t priority;                     /* 0..1000; higher first within a class */
    hip_progression_class rule_class;
    uint32_t line;                        /* where the rule starts in its text (1-based) */
    size_t alternative_count;             /* actions joined by "else" */
} hip_rule_info;

typedef struct hip_rule_param {
    char name[HIPTRACK_RULE_NAME_CAP];
    double value;                         /* current value */
    double default_value;                 /* as written in the text */
    double min_value, max_value;          /* the domain its uses allow */
    int integer;                          /* 1 when a use needs a whole number (a window) */
} hip_rule_param;

HIPTRACK_API void hip_ruleset_config_init(hip_ruleset_config *config);
/* config may be NULL. HIP_ERR_INVALID for a bad config, HIP_ERR_NOMEM. */
HIPTRACK_API hip_status hip_ruleset_create(const hip_ruleset_config *config, hip_ruleset **out);
HIPTRACK_API void hip_ruleset_destroy(hip_ruleset *rules);
/* Message of the last failed call on this rule set ("" if none); valid until the next call. */
HIPTRACK_API const char *hip_ruleset_last_error(const hip_ruleset *rules);
/* Where the last parse error was (1-based); 0, 0 when the last call was not a parse error. */
HIPTRACK_API void hip_ruleset_error_position(const hip_ruleset *rules, uint32_t *line_out,
                                             uint32_t *column_out);

/* The built-in rules' text (static, NUL-terminated, never NULL). */
HIPTRACK_API const char *hip_progression_builtin_rules(void);

/* Adds the params and rules of a text (UTF-8, len bytes, at most 1 MiB). All or nothing:
 * HIP_ERR_FORMAT with "line L, column C: expected ..., found ..." (also for a rule id or param name
 * already in the set), HIP_ERR_NOMEM. */
HIPTRACK_API hip_status hip_ruleset_parse(hip_ruleset *rules, const char *text, size_t len);
/* The rules and params in canonical text form (parsing it gives the same rule set). Two-call
 * pattern: buf NULL gives the length; cap <= length gives HIP_ERR_BUFSIZE. */
HIPTRACK_API hip_status hip_ruleset_export_text(const hip_ruleset *rules, char *buf, size_t cap,
                                                size_t *len_out);

HIPTRACK_API size_t hip_ruleset_count(const hip_ruleset *rules);
HIPTRACK_API hip_status hip_ruleset_rule_at(const hip_ruleset *rules, size_t index,
                                            hip_rule_info *out);
HIPTRACK_API hip_status hip_ruleset_find(const hip_ruleset *rules, const char *id, size_t *index_out);
HIPTRACK_API size_t hip_ruleset_param_count(const hip_ruleset *rules);
HIPTRACK_API hip_status hip_ruleset_param_at(const hip_ruleset *rules, size_t index,
                                             hip_rule_param *out);
HIPTRACK_API hip_status hip_ruleset_get_param(const hip_ruleset *rules, const char *name,
                                              double *value_out);
/* HIP_ERR_NOT_FOUND for an unknown name, HIP_ERR_RANGE outside the param's domain. */
HIPTRACK_API hip_status hip_ruleset_set_param(hip_ruleset *rules, const char *name, double value);

/* ---- history, decisions ---- */

/* What evaluation reads. Pointers are borrowed for the call only; any may be NULL/0 (missing
 * data) except program. sessions: finished sessions in any order (others are skipped). */
typedef struct hip_progression_history {
    uint32_t struct_size;                  /* set by hip_progression_history_init */
    const hip_program *program;
    const hip_catalog *catalog;            /* needed for advance/regress, "dose" bounds, strength */
    const hip_session *const *sessions;
    size_t session_count;
    const hip_painlog *painlog;            /* AVG_24H and NEXT_MORNING entries are read */
    const hip_checkin *checkins;
    size_t checkin_count;
    /* Range-of-motion assessments for the rom_* metrics (docs/assess.md); NULL: they are unknown.
     * rom_normals NULL: the AAOS table (hip_rom_normals_aaos). */
    const hip_assess_history *assessments;
    const hip_rom_normals *rom_normals;
} hip_progression_history;

typedef enum hip_progression_action {
    HIP_PROGRESSION_KEEP = 0,       /* no change (also: no rule fired, or none could change) */
    HIP_PROGRESSION_CHANGE = 1,     /* change reps, sets, hold or load */
    HIP_PROGRESSION_ADVANCE = 2,    /* the next harder variant in the catalog graph */
    HIP_PROGRESSION_REGRESS = 3,    /* the next easier variant */
    HIP_PROGRESSION_PAUSE = 4,      /* no progression until the cause (a flare) has passed */
    HIP_PROGRESSION_REFER = 5       /* stop automatic changes: refer to a clinician */
} hip_progression_action;

typedef enum hip_progression_variable {
    HIP_PROGRESSION_VAR_NONE = 0,
    HIP_PROGRESSION_VAR_REPS = 1,
    HIP_PROGRESSION_VAR_SETS = 2,
    HIP_PROGRESSION_VAR_HOLD = 3,   /* hold_s */
    HIP_PROGRESSION_VAR_LOAD = 4    /* load_kg */
} hip_progression_variable;

typedef enum hip_progression_cmp {
    HIP_PROGRESSION_CMP_LT = 0, HIP_PROGRESSION_CMP_LE = 1, HIP_PROGRESSION_CMP_GT = 2,
    HIP_PROGRESSION_CMP_GE = 3, HIP_PROGRESSION_CMP_EQ = 4, HIP_PROGRESSION_CMP_NE = 5,
    HIP_PROGRESSION_CMP_KNOWN = 6   /* "known metric": true when the value is known */
} hip_progression_cmp;

typedef enum hip_progression_agg {
    HIP_PROGRESSION_AGG_NONE = 0,   /* a metric without a window */
    HIP_PROGRESSION_AGG_LAST = 1, HIP_PROGRESSION_AGG_MIN = 2, HIP_PROGRESSION_AGG_MAX = 3,
    HIP_PROGRESSION_AGG_MEAN = 4, HIP_PROGRESSION_AGG_COUNT = 5
} hip_progression_agg;

typedef enum hip_progression_window {
    HIP_PROGRESSION_WINDOW_NONE = 0,
    HIP_PROGRESSION_WINDOW_SESSIONS = 1,
    HIP_PROGRESSION_WINDOW_DAYS = 2
} hip_progression_window;

/* One comparison of the deciding rule, as evaluated. */
typedef struct hip_progression_input {
    char metric[HIPTRACK_RULE_NAME_CAP];     /* "pain_during" */
    hip_progression_agg aggregate;
    uint32_t window;                         /* N of "over last N sessions|days"; 0 without */
    hip_progression_window window_unit;
    int known;                               /* 0: missing data, value is 0 */
    double value;
    hip_progression_cmp comparison;
    double threshold;                        /* 0 for KNOWN */
    char threshold_param[HIPTRACK_RULE_NAME_CAP];  /* the param it came from, "" for a number */
    int result;                              /* 1 true, 0 false, -1 unknown */
} hip_progression_input;

typedef struct hip_progression_decision {
    int32_t day;                             /* evaluated as of the end of this local day */
    int32_t effective_day;                   /* day + 1: when an applied change takes effect */
    uint32_t program_version;                /* number of the version evaluated */
    size_t exercise_index;                   /* index in that version */
    char rule_id[HIPTRACK_ID_CAP];           /* the deciding rule; "" when none fired */
    hip_progression_class rule_class;        /* of the deciding rule (KEEP when none) */
    int32_t priority;
    hip_progression_action action;
    hip_progression_variable variable;       /* for CHANGE */
    int limited;                             /* 1: the rule fired but no alternative could apply */
    hip_prescription before, after;          /* after == before unless CHANGE/ADVANCE/REGRESS */
    uint32_t red_flags;                      /* RF mask not yet cleared as of day */
    hip_red_flag_tier red_flag_tier;
    size_t input_count;
    hip_progression_input inputs[HIPTRACK_PROGRESSION_MAX_INPUTS];
    char text[HIPTRACK_PROGRESSION_TEXT_CAP];  /* one sentence, UTF-8 */
} hip_progression_decision;

/* One dry-run row: the decision for one exercise at the end of one program week. */
typedef struct hip_progression_row {
    uint32_t week;                           /* 1-based program week */
    hip_progression_decision decision;
} hip_progression_row;

HIPTRACK_API void hip_progression_history_init(hip_progression_history *history);

/* The decision for exercise exercise_index of the version in force on day. HIP_ERR_INVALID (NULL,
 * bad history), HIP_ERR_NOT_FOUND (no version on day), HIP_ERR_RANGE (index), HIP_ERR_FORMAT (a
 * check-in out of range). Never allocates. */
HIPTRACK_API hip_status hip_progression_evaluate(const hip_ruleset *rules,
                                                 const hip_progression_history *history,
                                                 int32_t day, size_t exercise_index,
                                                 hip_progression_decision *out);
/* Every exercise of the version in force on day. Two-call pattern: out NULL (cap 0) gives the
 * count; cap < count gives HIP_ERR_BUFSIZE and the count. */
HIPTRACK_API hip_status hip_progression_evaluate_all(const hip_ruleset *rules,
                                                     const hip_progression_history *history,
                                                     int32_t day, hip_progression_decision *out,
                                                     size_t cap, size_t *count_out);
/* Week by week from program day 0 (start_day): at the end of each week w = 1..weeks (day
 * start_day + 7w - 1), every exercise of the version then in force, over the history up to that
 * day; a week before the first version has no rows. The history is taken as it was: decisions are
 * not applied between weeks. Two-call pattern as evaluate_all. */
HIPTRACK_API hip_status hip_progression_dry_run(const hip_ruleset *rules,
                                                const hip_progression_history *history,
                                                int32_t start_day, uint32_t weeks,
                                                hip_progression_row *out, size_t cap,
                                                size_t *count_out);
/* Commits a new version effective on decision->effective_day with decision->after in place of the
 * exercise and the sentence as its note. The decisions of one evaluation can be applied one after
 * the other (each makes a version; the last of a day is the one in force). HIP_DONE (nothing
 * committed) for KEEP, PAUSE, REFER; HIP_ERR_STATE when a draft is open or the latest version no
 * longer prescribes decision->before at decision->exercise_index (a stale decision);
 * HIP_ERR_NOT_FOUND when an advance/regress target is not in the catalog (catalog may be NULL to
 * skip the check). Errors are also in hip_program_last_error where the program reported them. */
HIPTRACK_API hip_status hip_progression_apply(const hip_progression_decision *decision,
                                              const hip_catalog *catalog, hip_program *program);

/* The red flags of one check-in: RF mask and highest tier. config NULL: defaults. HIP_ERR_RANGE
 * for rest_pain or cleared out of range, HIP_ERR_INVALID for unknown answer bits or a bad config. */
HIPTRACK_API hip_status hip_progression_red_flags(const hip_ruleset_config *config,
                                                  const hip_checkin *checkin, uint32_t *flags_out,
                                                  hip_red_flag_tier *tier_out);
/* PROG-LOAD (§3.3): new = max(load + step, roundHalfUp(load x (1 + pct/100), step)). HIP_OK with
 * *new_out; HIP_DONE with the candidate in *new_out when it is more than cap_pct above load (use a
 * reps/level change instead); HIP_ERR_RANGE for load <= 0, pct <= 0 or step <= 0. */
HIPTRACK_API hip_status hip_progression_load_step(double load_kg, double pct, double step_kg,
                                                  double cap_pct, double *new_out);

HIPTRACK_API void hip_checkin_init(hip_checkin *checkin, int32_t day);
/* "keep", "change", ...; "unknown" for other values. */
HIPTRACK_API const char *hip_progression_action_name(hip_progression_action action);
HIPTRACK_API const char *hip_progression_variable_name(hip_progression_variable variable);
HIPTRACK_API const char *hip_red_flag_tier_name(hip_red_flag_tier tier);
/* "none", "last", "min", "max", "mean", "count"; "unknown" otherwise. */
HIPTRACK_API const char *hip_progression_agg_name(hip_progression_agg agg);
/* "<", "<=", ..., "known". */
HIPTRACK_API const char *hip_progression_cmp_name(hip_progression_cmp cmp);

#ifdef __cplusplus
}
#endif
#endif
