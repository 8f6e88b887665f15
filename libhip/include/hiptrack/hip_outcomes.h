/* Outcome questionnaires (CLINICAL.md §2): HOOS with its five subscales, HOOS-12, HOOS JR, HOOS-PS
 * and the Patient-Specific Functional Scale. iHOT-12 and the Oxford Hip Score need licences from
 * their owners (§2.0): their enum values and item ids exist in every build, but they are scored only
 * when the library is built with the CMake option HIPTRACK_WITH_LICENSED_OUTCOMES; otherwise scoring
 * returns HIP_ERR_UNSUPPORTED. The library ships item ids, ranges, scoring and validation only; the
 * official item wording and translations are the app's (and its licences).
 *
 * One administration is a response handle: answers are set by stable item id ("P1", "A12", "SP4",
 * "ACT1"), range-checked, and "missing" is a state of its own, never 0. Scoring fills a value struct
 * with one entry per scale and a per-scale state (a scale that cannot be scored is
 * HIP_OUTCOME_NOT_SCOREABLE, never NaN). hip_outcome_compare compares two scored administrations
 * against configurable MCID/MDC thresholds. JSON form of one administration:
 * {"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr", "date": "2026-11-02",
 *  "answers": {"P5": 2, "P10": null, ...}}; docs/outcomes.md lists every item id. */
#ifndef HIPTRACK_HIP_OUTCOMES_H
#define HIPTRACK_HIP_OUTCOMES_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_catalog.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_ITEM_ID_CAP 8            /* bytes of an item id buffer ("SP4", "ACT1") */
#define HIPTRACK_TOPIC_CAP 64             /* bytes of an item topic buffer */
#define HIPTRACK_OUTCOME_MAX_ITEMS 40     /* items of the largest instrument (HOOS) */
#define HIPTRACK_OUTCOME_MAX_SCALES 8     /* scales of one instrument's score */
#define HIPTRACK_OUTCOME_SCALE_CAP 32     /* entries of per-scale arrays in hip_mcid_config */
#define HIPTRACK_PSFS_MAX_ACTIVITIES 5
#define HIPTRACK_OUTCOME_MISSING (-1)     /* hip_outcome_get_answer's value for a missing answer */

typedef enum hip_instrument {
    HIP_INSTRUMENT_HOOS = 0,       /* 40 items, 5 subscales (§2.1) */
    HIP_INSTRUMENT_HOOS12 = 1,     /* 12 items: pain, function, QOL, summary (§2.2) */
    HIP_INSTRUMENT_HOOS_JR = 2,    /* 6 items, raw -> interval table (§2.3) */
    HIP_INSTRUMENT_HOOS_PS = 3,    /* 5 items, raw -> table (§2.4) */
    HIP_INSTRUMENT_PSFS = 4,       /* 1..5 patient-named activities, 0..10 (§2.5) */
    HIP_INSTRUMENT_IHOT12 = 5,     /* licence-gated (§2.6) */
    HIP_INSTRUMENT_OXFORD = 6      /* licence-gated; current 0..4 scoring, 48 = best (§2.7) */
} hip_instrument;
#define HIPTRACK_INSTRUMENT_COUNT 7

/* Scales; the value indexes hip_mcid_config's arrays. Values never change; new ones go at the end. */
typedef enum hip_outcome_scale {
    HIP_OUTCOME_SCALE_HOOS_SYMPTOMS = 0,
    HIP_OUTCOME_SCALE_HOOS_PAIN = 1,
    HIP_OUTCOME_SCALE_HOOS_ADL = 2,
    HIP_OUTCOME_SCALE_HOOS_SPORT = 3,     /* function, sport and recreation */
    HIP_OUTCOME_SCALE_HOOS_QOL = 4,
    HIP_OUTCOME_SCALE_HOOS12_PAIN = 5,
    HIP_OUTCOME_SCALE_HOOS12_FUNCTION = 6,
    HIP_OUTCOME_SCALE_HOOS12_QOL = 7,
    HIP_OUTCOME_SCALE_HOOS12_SUMMARY = 8, /* mean of the three HOOS-12 scales */
    HIP_OUTCOME_SCALE_HOOS_JR = 9,
    HIP_OUTCOME_SCALE_HOOS_PS = 10,
    HIP_OUTCOME_SCALE_PSFS = 11,          /* mean of the rated activities */
    HIP_OUTCOME_SCALE_IHOT12 = 12,
    HIP_OUTCOME_SCALE_OXFORD = 13
} hip_outcome_scale;
#define HIPTRACK_OUTCOME_SCALE_COUNT 14

typedef enum hip_outcome_state {
    HIP_OUTCOME_SCORED = 0,           /* value holds the result */
    HIP_OUTCOME_NOT_SCOREABLE = 1,    /* too few items answered for the instrument's rule */
    HIP_OUTCOME_NOT_EVALUABLE = 2     /* change: a side is not scored, or nothing to compare */
} hip_outcome_state;

/* HOOS missing-item rule (§2.1). */
typedef enum hip_hoos_missing_rule {
    HIP_HOOS_MISSING_2013 = 0,   /* HOOS-SC-2, default: >= 50 % of a subscale's items answered */
    HIP_HOOS_MISSING_2003 = 1    /* HOOS-SC-2-LEGACY: at most 2 missing per subscale */
} hip_hoos_missing_rule;

/* HOOS-PS direction (§2.4): libhip's default is the HOOS-aligned one. */
typedef enum hip_hoos_ps_direction {
    HIP_HOOS_PS_HOOS_ALIGNED = 0,   /* 0 = extreme difficulty, 100 = no difficulty */
    HIP_HOOS_PS_ORIGINAL = 1        /* 0 = no difficulty, 100 = extreme (100 - aligned value) */
} hip_hoos_ps_direction;

/* Which kind of threshold a change was judged against (§1.3: report the criterion used). */
typedef enum hip_change_criterion {
    HIP_CHANGE_NONE = 0,   /* no threshold configured for the scale */
    HIP_CHANGE_MCID = 1,   /* minimal clinically important difference/change */
    HIP_CHANGE_MDC = 2     /* minimum detectable change (PSFS) */
} hip_change_criterion;

/* Item metadata, for building forms. topic is a short label in libhip's own words (empty for the
 * licence-gated instruments); use the licensed official wording in a UI. */
typedef struct hip_outcome_item {
    char id[HIPTRACK_ITEM_ID_CAP];
    int32_t min;                      /* answers are integers min..max */
    int32_t max;
    hip_outcome_scale scale;          /* the scale the item counts towards in this instrument */
    char topic[HIPTRACK_TOPIC_CAP];
} hip_outcome_item;

typedef struct hip_outcome_scale_score {
    hip_outcome_scale scale;
    hip_outcome_state state;
    double value;                     /* the score when state == HIP_OUTCOME_SCORED, else 0 */
    int32_t higher_is_better;         /* 1, except HOOS-PS in the original direction */
    uint32_t item_count;              /* items of the scale (summary: 0) */
    uint32_t answered;                /* of them answered */
    int32_t raw_sum;                  /* sum of the answered items (table scales: the raw score) */
} hip_outcome_scale_score;

typedef struct hip_psfs_activity_score {
    char id[HIPTRACK_ITEM_ID_CAP];    /* "ACT1".."ACT5": the activity's stable slot */
    int32_t value;                    /* 0..10 */
} hip_psfs_activity_score;

typedef struct hip_outcome_result {
    hip_instrument instrument;
    int32_t has_day;                  /* 1 when day is set */
    int32_t day;                      /* hip_date day number of the administration */
    size_t scale_count;
    hip_outcome_scale_score scales[HIPTRACK_OUTCOME_MAX_SCALES];
    size_t activity_count;            /* PSFS: the rated activities, in slot order */
    hip_psfs_activity_score activities[HIPTRACK_PSFS_MAX_ACTIVITIES];
} hip_outcome_result;

typedef struct hip_outcome_config {
    uint32_t struct_size;             /* set by hip_outcome_config_init */
    hip_allocator allocator;
    hip_instrument instrument;        /* default HIP_INSTRUMENT_HOOS */
    hip_hoos_missing_rule hoos_missing_rule;      /* default HIP_HOOS_MISSING_2013 */
    hip_hoos_ps_direction hoos_ps_direction;      /* default HIP_HOOS_PS_HOOS_ALIGNED */
} hip_outcome_config;

typedef struct hip_outcome_response hip_outcome_response;

HIPTRACK_API void hip_outcome_config_init(hip_outcome_config *config);
/* A response with every answer missing and no date. HIP_ERR_INVALID for a bad config (naming no
 * field: the handle does not exist yet). */
HIPTRACK_API hip_status hip_outcome_response_create(const hip_outcome_config *config,
                                                    hip_outcome_response **out);
HIPTRACK_API void hip_outcome_response_destroy(hip_outcome_response *response);
/* Message of the last failed call on this response ("" if none); valid until the next call. */
HIPTRACK_API const char *hip_outcome_response_last_error(const hip_outcome_response *response);

/* The instrument of the current administration (an import may change it); HOOS for NULL. */
HIPTRACK_API hip_instrument hip_outcome_response_instrument(const hip_outcome_response *response);
/* Marks every answer missing, clears activity names and the date; the instrument stays. */
HIPTRACK_API hip_status hip_outcome_clear(hip_outcome_response *response);

/* HIP_ERR_NOT_FOUND for an id the instrument does not have; HIP_ERR_RANGE (naming the item and its
 * range) for a value outside it. To record a missing answer use hip_outcome_set_missing. */
HIPTRACK_API hip_status hip_outcome_set_answer(hip_outcome_response *response, const char *item_id,
                                               int32_t value);
HIPTRACK_API hip_status hip_outcome_set_missing(hip_outcome_response *response, const char *item_id);
/* *value_out is the answer, or HIPTRACK_OUTCOME_MISSING. */
HIPTRACK_API hip_status hip_outcome_get_answer(const hip_outcome_response *response,
                                               const char *item_id, int32_t *value_out);
/* PSFS only (HIP_ERR_STATE otherwise): the patient's name for an activity slot, app text of at most
 * HIPTRACK_NAME_CAP - 1 bytes ("" clears it). Names are carried, not used for matching: an activity
 * keeps its slot id across visits. */
HIPTRACK_API hip_status hip_outcome_set_activity_name(hip_outcome_response *response,
                                                      const char *item_id, const char *name);
/* Copies the name ("" if none) into buf; HIP_ERR_BUFSIZE when cap is too small. */
HIPTRACK_API hip_status hip_outcome_get_activity_name(const hip_outcome_response *response,
                                                      const char *item_id, char *buf, size_t cap);
/* The administration date (hip_date day number); get gives HIP_ERR_NOT_FOUND when none is set. */
HIPTRACK_API hip_status hip_outcome_set_date(hip_outcome_response *response, int32_t day);
HIPTRACK_API hip_status hip_outcome_clear_date(hip_outcome_response *response);
HIPTRACK_API hip_status hip_outcome_get_date(const hip_outcome_response *response, int32_t *day_out);

/* Scores the response's instrument. Scales that cannot be scored have state
 * HIP_OUTCOME_NOT_SCOREABLE; the call itself still returns HIP_OK. HIP_ERR_UNSUPPORTED (with a
 * message about the licence) for iHOT-12 and Oxford in a build without them. */
HIPTRACK_API hip_status hip_outcome_score(hip_outcome_response *response, hip_outcome_result *out);
/* Scores another instrument from the same answers: a full HOOS response also yields HOOS-12,
 * HOOS JR and HOOS-PS (their items are HOOS items, §2.1). HIP_ERR_INVALID for other pairs. */
HIPTRACK_API hip_status hip_outcome_score_as(hip_outcome_response *response, hip_instrument as,
                                             hip_outcome_result *out);

/* Change thresholds by scale. 0 = no threshold (the change is reported without a flag). */
typedef struct hip_mcid_config {
    uint32_t struct_size;                                    /* set by hip_mcid_config_init */
    double threshold[HIPTRACK_OUTCOME_SCALE_CAP];            /* points on the scale, >= 0 */
    hip_change_criterion criterion[HIPTRACK_OUTCOME_SCALE_CAP];
    double psfs_activity_threshold;                          /* single-activity threshold */
    hip_change_criterion psfs_activity_criterion;
} hip_mcid_config;

/* Defaults from CLINICAL.md (docs/outcomes.md gives each tag): HOOS-12 scales and summary MCID 24.0
 * (§2.2, Soh 2022 [S], lower end of 24.0-28.1 after hip replacement); PSFS MDC 2 for the mean and 3
 * for one activity (§2.5 [S]); every other scale 0 (none: HOOS JR's 18 is [S*, U], see the docs). */
HIPTRACK_API void hip_mcid_config_init(hip_mcid_config *config);

typedef struct hip_outcome_scale_change {
    hip_outcome_scale scale;
    hip_outcome_state state;          /* SCORED when both sides are scored, else NOT_EVALUABLE */
    double before;
    double after;
    double delta;                     /* improvement: after - before on a higher-is-better scale */
    double threshold;                 /* the threshold applied (0 = none) */
    hip_change_criterion criterion;
    int32_t improved;                 /* delta >= threshold (threshold > 0) */
    int32_t worsened;                 /* delta <= -threshold (symmetry assumption, see docs) */
} hip_outcome_scale_change;

typedef struct hip_psfs_activity_change {
    char id[HIPTRACK_ITEM_ID_CAP];
    int32_t before;
    int32_t after;
    int32_t delta;                    /* after - before */
    int32_t improved;                 /* delta >= psfs_activity_threshold (when > 0) */
    int32_t worsened;
} hip_psfs_activity_change;

typedef struct hip_outcome_change {
    hip_instrument instrument;
    size_t scale_count;
    hip_outcome_scale_change scales[HIPTRACK_OUTCOME_MAX_SCALES];
    size_t activity_count;            /* PSFS: activities rated at both visits */
    hip_psfs_activity_change activities[HIPTRACK_PSFS_MAX_ACTIVITIES];
} hip_outcome_change;

/* Compares two scores of the same instrument (and, for HOOS-PS, the same direction): HIP_ERR_INVALID
 * otherwise or for a bad mcid config. mcid may be NULL (the defaults). PSFS: only activities rated
 * at both visits count, and the PSFS scale change is the change of their mean (§2.5). */
HIPTRACK_API hip_status hip_outcome_compare(const hip_outcome_result *before,
                                            const hip_outcome_result *after,
                                            const hip_mcid_config *mcid, hip_outcome_change *out);

/* Item metadata by instrument (stateless; the licence-gated instruments list ids and ranges only). */
HIPTRACK_API size_t hip_outcome_item_count(hip_instrument instrument);
/* HIP_ERR_RANGE past the end, HIP_ERR_INVALID for an unknown instrument. */
HIPTRACK_API hip_status hip_outcome_item_at(hip_instrument instrument, size_t index,
                                            hip_outcome_item *out);
/* HIP_ERR_NOT_FOUND for an id the instrument does not have. */
HIPTRACK_API hip_status hip_outcome_item_find(hip_instrument instrument, const char *item_id,
                                              hip_outcome_item *out);
/* 1 when this build scores the instrument (0 for iHOT-12 and Oxford without the licence option). */
HIPTRACK_API int hip_outcome_instrument_available(hip_instrument instrument);
/* "hoos", "hoos12", "hoos_jr", "hoos_ps", "psfs", "ihot12", "oxford" (the JSON names); "unknown". */
HIPTRACK_API const char *hip_instrument_name(hip_instrument instrument);
/* "hoos_symptoms", "hoos_pain", ... "oxford"; "unknown". */
HIPTRACK_API const char *hip_outcome_scale_name(hip_outcome_scale scale);

/* Replaces the whole administration (instrument included) with a hiptrack.outcome document; all or
 * nothing (HIP_ERR_FORMAT with line/column or field path, HIP_ERR_VERSION, HIP_ERR_NOMEM). */
HIPTRACK_API hip_status hip_outcome_import_json(hip_outcome_response *response, const char *json,
                                                size_t len);
/* Two-call pattern as hip_program_export_json. Answers in item order, missing ones left out. */
HIPTRACK_API hip_status hip_outcome_export_json(const hip_outcome_response *response, char *buf,
                                                size_t cap, size_t *len_out);

#ifdef __cplusplus
}
#endif
#endif
