/* The pain log: a member's 0-10 NRS pain entries (CLINICAL.md §1.1) with their recall window,
 * location, side, symptoms, time of day and setting (§6), kept in time order; and the analytics over
 * it: baseline, rolling mean, change and responder status (§1.3), flares (§3.5), morning vs night
 * pattern, severity band (§1.1), acute vs chronic (§1.2) and the cohort "% pain reduction" computed
 * both ways of §1.4. JSON form: {"format": "hiptrack.painlog", "version": 1, "entries": [...]}.
 *
 * Days are the member's local calendar days: the day of an entry is that of t_ns + utc_offset_min
 * (CLINICAL.md §0.2), as a hip_date day number. Every threshold is a design default [DD] and lives in
 * hip_painlog_config. Nothing here returns NaN: a value that cannot be computed has a status
 * (HIP_ERR_NOT_FOUND when there is no data) or a verdict of HIP_PAIN_VERDICT_NOT_EVALUABLE. */
#ifndef HIPTRACK_HIP_PAINLOG_H
#define HIPTRACK_HIP_PAINLOG_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_PAIN_NOTE_CAP 256      /* bytes of an entry's note buffer (UTF-8, NUL-terminated) */
#define HIPTRACK_PAIN_OFFSET_MAX 1080   /* |utc_offset_min| <= 18 h */
#define HIPTRACK_PAIN_MISSING (-1.0)    /* a cohort member without a follow-up value (§0.2) */

/* The recall window stored with every score (CLINICAL.md §1.1, PAIN_*). */
typedef enum hip_pain_context {
    HIP_PAIN_CONTEXT_CURRENT = 0,          /* pain right now */
    HIP_PAIN_CONTEXT_AVG_24H = 1,          /* average over the last 24 h (flares, §3.5) */
    HIP_PAIN_CONTEXT_AVG_7D = 2,           /* average over the last 7 days (outcomes, §1.4) */
    HIP_PAIN_CONTEXT_WORST_24H = 3,        /* worst in the last 24 h */
    HIP_PAIN_CONTEXT_DURING_EXERCISE = 4,  /* highest during the session (§3.1) */
    HIP_PAIN_CONTEXT_AFTER_EXERCISE = 5,   /* within ~1 h after the session (§3.1) */
    HIP_PAIN_CONTEXT_NEXT_MORNING = 6      /* on waking the morning after a session (§3.1) */
} hip_pain_context;

/* Where it hurts (CLINICAL.md §6.1, LOC_*). */
typedef enum hip_pain_location {
    HIP_PAIN_LOCATION_UNSPECIFIED = 0,     /* LOC_HIP_JOINT_UNSPECIFIED: cannot localise */
    HIP_PAIN_LOCATION_GROIN = 1,
    HIP_PAIN_LOCATION_LATERAL_HIP = 2,
    HIP_PAIN_LOCATION_BUTTOCK = 3,
    HIP_PAIN_LOCATION_ANTERIOR_THIGH = 4,
    HIP_PAIN_LOCATION_INNER_THIGH = 5,
    HIP_PAIN_LOCATION_LATERAL_THIGH = 6,
    HIP_PAIN_LOCATION_KNEE_REFERRED = 7,
    HIP_PAIN_LOCATION_LOW_BACK = 8
} hip_pain_location;

/* CLINICAL.md §6.1: LEFT, RIGHT, BOTH; UNSPECIFIED when the member did not say. */
typedef enum hip_pain_side {
    HIP_PAIN_SIDE_UNSPECIFIED = 0,
    HIP_PAIN_SIDE_LEFT = 1,
    HIP_PAIN_SIDE_RIGHT = 2,
    HIP_PAIN_SIDE_BOTH = 3
} hip_pain_side;

/* Symptom flags, OR-ed into hip_pain_entry.symptoms (CLINICAL.md §6.2). */
typedef enum hip_pain_symptom {
    HIP_PAIN_SYMPTOM_STIFFNESS = 1 << 0,         /* SYM_STIFFNESS_MORNING / _AFTER_REST */
    HIP_PAIN_SYMPTOM_SWELLING = 1 << 1,          /* SYM_SWELLING */
    HIP_PAIN_SYMPTOM_GIVING_WAY = 1 << 2,        /* SYM_GIVING_WAY */
    HIP_PAIN_SYMPTOM_CLICKING = 1 << 3,          /* SYM_CREPITUS: grinding, clicking, snapping */
    HIP_PAIN_SYMPTOM_REDUCED_MOBILITY = 1 << 4,  /* SYM_REDUCED_ROM */
    HIP_PAIN_SYMPTOM_CATCHING_LOCKING = 1 << 5,  /* SYM_CATCHING_LOCKING */
    HIP_PAIN_SYMPTOM_LIMP = 1 << 6,              /* SYM_LIMP */
    HIP_PAIN_SYMPTOM_WEAKNESS = 1 << 7,          /* SYM_WEAKNESS */
    HIP_PAIN_SYMPTOM_NUMBNESS_TINGLING = 1 << 8  /* SYM_NUMBNESS_TINGLING */
} hip_pain_symptom;
#define HIPTRACK_PAIN_SYMPTOM_ALL 0x1FFu
#define HIPTRACK_PAIN_SYMPTOM_COUNT 9

/* Time of day the member reported. UNSPECIFIED: analytics use the local clock instead
 * (morning 05:00-11:59, afternoon 12:00-16:59, evening 17:00-21:59, night 22:00-04:59) [DD]. */
typedef enum hip_pain_time_of_day {
    HIP_PAIN_TIME_OF_DAY_UNSPECIFIED = 0,
    HIP_PAIN_TIME_OF_DAY_MORNING = 1,
    HIP_PAIN_TIME_OF_DAY_AFTERNOON = 2,
    HIP_PAIN_TIME_OF_DAY_EVENING = 3,
    HIP_PAIN_TIME_OF_DAY_NIGHT = 4
} hip_pain_time_of_day;

/* What the member was doing (CLINICAL.md §6.3 patterns); not the recall window (hip_pain_context). */
typedef enum hip_pain_setting {
    HIP_PAIN_SETTING_UNSPECIFIED = 0,
    HIP_PAIN_SETTING_REST = 1,
    HIP_PAIN_SETTING_ACTIVITY = 2,
    HIP_PAIN_SETTING_AFTER_EXERCISE = 3,
    HIP_PAIN_SETTING_NIGHT = 4
} hip_pain_setting;

/* One pain entry. Two entries equal in every field (the note compared as text) are duplicates. */
typedef struct hip_pain_entry {
    int64_t t_ns;                      /* the instant, ns since 1970-01-01T00:00:00Z */
    int32_t utc_offset_min;            /* the member's UTC offset then, -1080..1080 */
    int32_t nrs;                       /* 0..10; anything else is HIP_ERR_RANGE (never clamped) */
    hip_pain_context context;
    hip_pain_location location;
    hip_pain_side side;
    uint32_t symptoms;                 /* hip_pain_symptom flags */
    hip_pain_time_of_day time_of_day;
    hip_pain_setting setting;
    char note[HIPTRACK_PAIN_NOTE_CAP]; /* valid UTF-8, "" if none */
} hip_pain_entry;

/* Severity bands (CLINICAL.md §1.1, HL7 EU score catalogue). */
typedef enum hip_pain_band {
    HIP_PAIN_BAND_NONE = 0,            /* 0 */
    HIP_PAIN_BAND_MILD = 1,            /* 1-3 */
    HIP_PAIN_BAND_MODERATE = 2,        /* 4-6 */
    HIP_PAIN_BAND_SEVERE = 3,          /* 7-9 */
    HIP_PAIN_BAND_EXCRUCIATING = 4     /* 10 */
} hip_pain_band;

typedef enum hip_pain_baseline_rule {
    HIP_PAIN_BASELINE_FIRST_DAYS_MEAN = 0,  /* mean of the daily values of the first N local days */
    HIP_PAIN_BASELINE_FIRST_ENTRY = 1       /* the first entry's NRS */
} hip_pain_baseline_rule;

/* Which criterion makes a "responder" (CLINICAL.md §1.3); all are always reported. */
typedef enum hip_pain_criterion {
    HIP_PAIN_CRITERION_PCT = 0,        /* RESP-PCT: baseline >= 1 and delta_pct >= resp_pct */
    HIP_PAIN_CRITERION_ABS = 1,        /* RESP-ABS: delta_abs >= resp_abs */
    HIP_PAIN_CRITERION_EITHER = 2,
    HIP_PAIN_CRITERION_BOTH = 3
} hip_pain_criterion;

typedef enum hip_pain_verdict {
    HIP_PAIN_VERDICT_NO = 0,
    HIP_PAIN_VERDICT_YES = 1,
    HIP_PAIN_VERDICT_NOT_EVALUABLE = 2 /* NOT_EVALUABLE of §1.3: percent change with baseline 0 */
} hip_pain_verdict;

/* The baseline a flare is measured against (CLINICAL.md §3.5). */
typedef enum hip_pain_flare_baseline {
    HIP_PAIN_FLARE_BASELINE_ROLLING = 0,  /* mean of the window before the day, flare days excluded,
                                             with at least flare_min_logs days; else the fixed one */
    HIP_PAIN_FLARE_BASELINE_FIXED = 1     /* always the log's baseline (the enrolment baseline) */
} hip_pain_flare_baseline;

typedef enum hip_pain_duration {
    HIP_PAIN_DURATION_ACUTE = 0,
    HIP_PAIN_DURATION_SUBACUTE = 1,    /* only in the 3-band mode */
    HIP_PAIN_DURATION_CHRONIC = 2
} hip_pain_duration;

typedef enum hip_pain_pattern {
    HIP_PAIN_PATTERN_UNDETERMINED = 0, /* fewer than pattern_min_entries morning or night entries */
    HIP_PAIN_PATTERN_NONE = 1,         /* the means differ by less than pattern_min_diff */
    HIP_PAIN_PATTERN_MORNING = 2,      /* worse in the morning (PAT_MORNING, §6.3) */
    HIP_PAIN_PATTERN_NIGHT = 3         /* worse at night */
} hip_pain_pattern;

/* Escalation flags of a flare (FLARE-ESCALATE, §3.5). */
#define HIPTRACK_PAIN_FLARE_LONG 1u      /* lasted more than flare_long_days */
#define HIPTRACK_PAIN_FLARE_FREQUENT 2u  /* the flare_frequent_count-th flare within flare_frequent_days */

typedef struct hip_painlog_config {
    uint32_t struct_size;               /* set by hip_painlog_config_init */
    hip_allocator allocator;
    /* Baseline [DD]. */
    hip_pain_baseline_rule baseline_rule;  /* FIRST_DAYS_MEAN */
    uint32_t baseline_days;                /* 7; 1..366 */
    uint32_t rolling_days;                 /* window of hip_painlog_rolling_mean: 7; 1..366 */
    /* Change and responders, CLINICAL.md §1.3 (thresholds in NRS points and percent). */
    double resp_pct;                       /* RESP-PCT: 30.0 */
    double resp_abs;                       /* RESP-ABS: 2.0 */
    double min_abs;                        /* RESP-MIN: 1.0 ... */
    double min_pct;                        /* ... or 15.0 % */
    double worse_abs;                      /* WORSE-ABS: 2.0 (delta_abs <= -worse_abs) */
    hip_pain_criterion responder_criterion; /* PCT */
    /* Flares, CLINICAL.md §3.5. */
    double flare_rise;                     /* FLARE-ON: daily >= baseline + 2.0 */
    double flare_off_margin;               /* FLARE-OFF: daily <= baseline + 1.0 */
    uint32_t flare_sustain_logs;           /* 2 consecutive daily logs, for on and off; 1..30 */
    hip_pain_flare_baseline flare_baseline; /* ROLLING */
    uint32_t flare_window_days;            /* 7; 1..31 */
    uint32_t flare_min_logs;               /* 4; 1..flare_window_days */
    uint32_t flare_long_days;              /* 7 */
    uint32_t flare_frequent_count;         /* 3; 2..100 */
    uint32_t flare_frequent_days;          /* 30 */
    /* Acute vs chronic, CLINICAL.md §1.2 (PAIN-DUR-1). */
    int32_t chronic_after_days;            /* chronic iff duration > 84 */
    int32_t subacute_from_days;            /* 3-band mode: subacute 42..chronic_after_days */
    uint32_t duration_bands;               /* 2 (acute/chronic) or 3 */
    /* Morning vs night pattern [DD]. */
    double pattern_min_diff;               /* 1.0 NRS point; > 0 */
    uint32_t pattern_min_entries;          /* 3 in each group */
} hip_painlog_config;

typedef struct hip_pain_baseline {
    double nrs;                        /* the baseline value, 0..10 */
    int32_t first_day, last_day;       /* local days of the entries used */
    uint32_t day_count;                /* days with an entry that were used */
    uint32_t entry_count;
} hip_pain_baseline;

typedef struct hip_pain_window {
    double mean_nrs;                   /* mean of the daily values in the window */
    int32_t first_day, last_day;       /* the window (inclusive) */
    uint32_t day_count;                /* days of the window with an entry */
    uint32_t entry_count;
} hip_pain_window;

/* Change from baseline to follow-up and the §1.3 verdicts. */
typedef struct hip_pain_change {
    double baseline;
    double followup;
    double delta_abs;                  /* baseline - followup (positive = better) */
    double delta_pct;                  /* 100 * delta_abs / baseline; 0 when not evaluable */
    hip_pain_verdict pct_status;       /* YES when delta_pct is defined, NOT_EVALUABLE at baseline 0 */
    hip_pain_verdict resp_pct;         /* RESP-PCT */
    hip_pain_verdict resp_abs;         /* RESP-ABS */
    hip_pain_verdict resp_min;         /* RESP-MIN */
    hip_pain_verdict worse_abs;        /* WORSE-ABS */
    hip_pain_verdict responder;        /* by criterion */
    hip_pain_criterion criterion;      /* the configured criterion that decided responder */
} hip_pain_change;

/* One flare: days are local day numbers. */
typedef struct hip_pain_flare {
    int32_t start_day;                 /* the first log of the sustained rise */
    int32_t on_day;                    /* FLARE-ON: the flare_sustain_logs-th consecutive high log */
    int32_t last_day;                  /* the last log still in the flare */
    int32_t off_day;                   /* FLARE-OFF: the resolving log; valid when !ongoing */
    uint32_t ongoing;                  /* 1 when not resolved by the last log */
    uint32_t escalate;                 /* HIPTRACK_PAIN_FLARE_* flags */
    double baseline;                   /* the baseline it was measured against */
    double peak_nrs;                   /* highest daily value in the flare */
} hip_pain_flare;

typedef struct hip_pain_pattern_result {
    hip_pain_pattern pattern;
    uint32_t morning_count, night_count;
    double morning_mean, night_mean;   /* 0 when the count is 0 */
} hip_pain_pattern_result;

/* Cohort "% pain reduction" (CLINICAL.md §1.4). Flags *_valid are 1 when the value is defined. */
typedef struct hip_pain_cohort {
    size_t enrolled;                   /* members (ITT denominator) */
    size_t completers;                 /* members with a follow-up */
    double pct_ratio;                  /* OUT-PCT-RATIO over completers */
    uint32_t pct_ratio_valid;          /* 0 when no completer or mean baseline 0 */
    double pct_mean;                   /* OUT-PCT-MEAN over completers with baseline > 0 */
    uint32_t pct_mean_valid;
    size_t pct_mean_members;           /* members averaged */
    size_t pct_mean_excluded;          /* completers excluded for baseline 0 */
    size_t responders_pct;             /* RESP-PCT responders (baseline 0 never responds) */
    size_t responders_abs;             /* RESP-ABS responders */
    double resp_pct_rate_itt, resp_pct_rate_completers;   /* percent, 0..100 */
    double resp_abs_rate_itt, resp_abs_rate_completers;
    uint32_t rate_itt_valid, rate_completers_valid;       /* 0 for a zero denominator */
} hip_pain_cohort;

typedef struct hip_painlog hip_painlog;

/* Defaults as documented on each field. */
HIPTRACK_API void hip_painlog_config_init(hip_painlog_config *config);
/* HIP_ERR_INVALID for a bad config (a threshold out of its domain, struct_size too small). */
HIPTRACK_API hip_status hip_painlog_create(const hip_painlog_config *config, hip_painlog **out);
HIPTRACK_API void hip_painlog_destroy(hip_painlog *log);
/* Message of the last failed call on this log ("" if none); valid until the next call. */
HIPTRACK_API const char *hip_painlog_last_error(const hip_painlog *log);

/* t_ns 0, offset 0, nrs 0, context CURRENT, everything else unspecified, empty note. */
HIPTRACK_API void hip_pain_entry_init(hip_pain_entry *entry);

/* Adds an entry in time order (after entries with the same t_ns). HIP_ERR_RANGE for nrs or
 * utc_offset_min out of range, HIP_ERR_INVALID for another bad field (named in the message),
 * HIP_ERR_EXISTS for an exact duplicate, HIP_ERR_NOMEM. The log is unchanged on failure. */
HIPTRACK_API hip_status hip_painlog_add(hip_painlog *log, const hip_pain_entry *entry);
HIPTRACK_API hip_status hip_painlog_remove(hip_painlog *log, size_t index);
HIPTRACK_API size_t hip_painlog_count(const hip_painlog *log);
/* Entries in time order; HIP_ERR_RANGE past the end. */
HIPTRACK_API hip_status hip_painlog_entry_at(const hip_painlog *log, size_t index,
                                             hip_pain_entry *out);

/* Replaces all entries with a hiptrack.painlog document; all or nothing (HIP_ERR_FORMAT with
 * line/column or field path, HIP_ERR_EXISTS for a duplicate entry, HIP_ERR_VERSION, HIP_ERR_NOMEM). */
HIPTRACK_API hip_status hip_painlog_import_json(hip_painlog *log, const char *json, size_t len);
/* Two-call pattern: buf NULL (cap 0) asks the length; cap <= length gives HIP_ERR_BUFSIZE. */
HIPTRACK_API hip_status hip_painlog_export_json(const hip_painlog *log, char *buf, size_t cap,
                                                size_t *len_out);

/* Analytics over the entries of one context. A day's value is the mean of that local day's
 * entries. HIP_ERR_NOT_FOUND when there is nothing to compute from. They never allocate. */
HIPTRACK_API hip_status hip_painlog_baseline(const hip_painlog *log, hip_pain_context context,
                                             hip_pain_baseline *out);
/* Mean of the daily values of the rolling_days local days ending on day. */
HIPTRACK_API hip_status hip_painlog_rolling_mean(const hip_painlog *log, hip_pain_context context,
                                                 int32_t day, hip_pain_window *out);
/* Change from the baseline to the rolling mean ending on day, with the §1.3 verdicts. */
HIPTRACK_API hip_status hip_painlog_change_on(const hip_painlog *log, hip_pain_context context,
                                              int32_t day, hip_pain_change *out);
/* Flares over the daily values (CLINICAL.md §3.5), oldest first. flares may be NULL with cap 0 to
 * ask the count; HIP_ERR_BUFSIZE (with *count_out) when cap is too small. HIP_ERR_NOT_FOUND when
 * the context has no entries. */
HIPTRACK_API hip_status hip_painlog_flares(const hip_painlog *log, hip_pain_context context,
                                           hip_pain_flare *flares, size_t cap, size_t *count_out);
/* Morning vs night over the local days from_day..to_day (inclusive). */
HIPTRACK_API hip_status hip_painlog_pattern(const hip_painlog *log, hip_pain_context context,
                                            int32_t from_day, int32_t to_day,
                                            hip_pain_pattern_result *out);

/* Pure functions. config NULL means the defaults; a bad config is HIP_ERR_INVALID. */
/* The local day of an instant: HIP_ERR_RANGE for an offset beyond +-18 h. */
HIPTRACK_API hip_status hip_painlog_local_day(int64_t t_ns, int32_t utc_offset_min,
                                              int32_t *day_out);
/* §1.1 bands: HIP_ERR_RANGE for nrs outside 0..10. */
HIPTRACK_API hip_status hip_painlog_band(int32_t nrs, hip_pain_band *band_out);
/* §1.3 for two NRS values 0..10 (means allowed); HIP_ERR_RANGE otherwise. */
HIPTRACK_API hip_status hip_painlog_change(double baseline, double followup,
                                           const hip_painlog_config *config, hip_pain_change *out);
/* PAIN-DUR-1: duration = assessment_day - onset_day; HIP_ERR_RANGE when onset is after
 * assessment. days_out may be NULL. */
HIPTRACK_API hip_status hip_painlog_duration_class(int32_t onset_day, int32_t assessment_day,
                                                   const hip_painlog_config *config,
                                                   hip_pain_duration *class_out, int32_t *days_out);
/* Flares over a daily series (days strictly increasing, values 0..10) with baseline as the fixed
 * (enrolment) baseline. Output as hip_painlog_flares. */
HIPTRACK_API hip_status hip_painlog_flares_scan(const int32_t *days, const double *daily_nrs,
                                                size_t n, double baseline,
                                                const hip_painlog_config *config,
                                                hip_pain_flare *flares, size_t cap,
                                                size_t *count_out);
/* Cohort reduction over n members: baselines 0..10; finals 0..10 or HIPTRACK_PAIN_MISSING for a
 * member without follow-up. HIP_ERR_RANGE for any other value, HIP_ERR_NOT_FOUND for n == 0. */
HIPTRACK_API hip_status hip_painlog_cohort(const double *baselines, const double *finals, size_t n,
                                           const hip_painlog_config *config, hip_pain_cohort *out);

/* Names used in JSON ("avg_24h", "lateral_hip", ...); "unknown" for a bad value. */
HIPTRACK_API const char *hip_pain_context_name(hip_pain_context v);
HIPTRACK_API const char *hip_pain_location_name(hip_pain_location v);
HIPTRACK_API const char *hip_pain_side_name(hip_pain_side v);
/* The name of one flag ("clicking"); "unknown" for 0, a combination or an unknown bit. */
HIPTRACK_API const char *hip_pain_symptom_name(uint32_t flag);
HIPTRACK_API const char *hip_pain_time_of_day_name(hip_pain_time_of_day v);
HIPTRACK_API const char *hip_pain_setting_name(hip_pain_setting v);
HIPTRACK_API const char *hip_pain_band_name(hip_pain_band v);
/* The band's SNOMED CT code ("40196000" for mild), "" for a bad value. */
HIPTRACK_API const char *hip_pain_band_snomed(hip_pain_band v);

#ifdef __cplusplus
}
#endif
#endif
