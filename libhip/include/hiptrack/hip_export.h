/* Export for clinicians and research scripts: FHIR R4 JSON (CLINICAL.md §1.5) and CSV; and import
 * of pain entries back from both, so that an export round-trips and a clinician's file can come
 * back. docs/export.md shows each resource, the CodeSystems libhip mints and the CSV columns.
 *
 * FHIR: a pain entry is an Observation (LOINC 72514-3, category survey, valueInteger by default); a
 * finished session is an Observation (category activity, code urn:libhip:observation
 * "exercise-session") with the per-exercise dose in components; an outcome administration is a
 * QuestionnaireResponse plus one Observation per scored scale (urn:libhip:outcome-score); a movement
 * assessment (hip_assess.h) is an Observation (category exam, code urn:libhip:observation
 * "hip-rom-<motion>", valueQuantity in degrees) with its start, maximum, source and compensations
 * in components. A Bundle
 * collects the records of a date range. Ids are derived from content and the patient reference
 * (no clock, no random): the same input gives the same bytes.
 *
 * CSV: RFC 4180 (quoted when needed, '\n' line ends), a header row, locale-free numbers. Free text
 * (notes, exercise names) that starts with = + - @ TAB CR or ' gets a leading ' so that a
 * spreadsheet does not run it as a formula; the pain import removes it again.
 *
 * Exports only read their inputs and never allocate. Days are hip_date day numbers in the member's
 * local calendar (an entry's t_ns + utc_offset_min, a session's start day, an outcome's date). */
#ifndef HIPTRACK_HIP_EXPORT_H
#define HIPTRACK_HIP_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_catalog.h"
#include "hip_painlog.h"
#include "hip_session.h"
#include "hip_outcomes.h"
#include "hip_assess.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_FHIR_REF_CAP 128   /* bytes of a reference buffer ("Patient/123") */
#define HIPTRACK_FHIR_ID_CAP 40     /* bytes of a resource id (a UUID: 36 characters) */

typedef enum hip_fhir_bundle_type {
    HIP_FHIR_BUNDLE_COLLECTION = 0,  /* default: a set of resources, no server semantics */
    HIP_FHIR_BUNDLE_TRANSACTION = 1  /* each entry gets request {method PUT, url Type/id}: re-sending
                                        the same export updates rather than duplicates */
} hip_fhir_bundle_type;

/* How the 0-10 pain value is written (CLINICAL.md §1.5 [S] shapes; default [DD]). */
typedef enum hip_fhir_pain_value {
    HIP_FHIR_PAIN_VALUE_INTEGER = 0,    /* valueInteger (default) */
    HIP_FHIR_PAIN_VALUE_QUANTITY = 1,   /* valueQuantity, UCUM unit "1" (French ANS profile) */
    HIP_FHIR_PAIN_VALUE_ANSWER = 2      /* valueCodeableConcept with the LOINC answer code
                                           (LA6111-4 .. LA13942-0) and the number as text */
} hip_fhir_pain_value;

typedef struct hip_fhir_config {
    uint32_t struct_size;                 /* set by hip_fhir_config_init */
    char patient[HIPTRACK_FHIR_REF_CAP];  /* required: "Patient/<id>" with a FHIR id
                                             ([A-Za-z0-9-.]{1,64}) or "urn:uuid:<uuid>" */
    hip_fhir_bundle_type bundle_type;     /* COLLECTION */
    hip_fhir_pain_value pain_value;       /* INTEGER */
    int32_t snomed_body_site;             /* 0 (default): bodySite is libhip's coding + text; 1 adds
                                             the SNOMED CT coding (needs a SNOMED affiliate licence
                                             in most countries, CLINICAL.md §1.5) */
    int32_t pretty;                       /* 1: indented JSON; 0 (default): compact */
} hip_fhir_config;

/* What an export reads. Every part is optional (NULL / count 0). The pointed-to objects are only
 * read, and must not change during the call. */
typedef struct hip_export_input {
    uint32_t struct_size;                            /* set by hip_export_input_init */
    const hip_painlog *painlog;
    const hip_session *const *sessions;              /* finished sessions (HIP_ERR_STATE otherwise) */
    size_t session_count;
    const hip_outcome_response *const *outcomes;     /* each needs a date */
    const hip_outcome_result *outcome_results;       /* NULL, or outcome_count scores: result i is
                                                        the score of outcomes[i] (its instrument, or
                                                        a HOOS short form of a HOOS response) */
    size_t outcome_count;
    const hip_catalog *catalog;                      /* exercise names (may be NULL) */
    /* Appended later: an input whose struct_size ends before here has no assessments. */
    const hip_assess_result *assessments;            /* movement assessment results */
    size_t assessment_count;
} hip_export_input;

/* Defaults as documented on each field; patient is "". */
HIPTRACK_API void hip_fhir_config_init(hip_fhir_config *config);
/* Everything NULL / 0. */
HIPTRACK_API void hip_export_input_init(hip_export_input *input);

/* The id an export gives a pain entry (a UUID derived from the entry and the patient reference);
 * fullUrl is "urn:uuid:" + id. buf holds HIPTRACK_FHIR_ID_CAP bytes. HIP_ERR_INVALID for a bad
 * config or entry. */
HIPTRACK_API hip_status hip_export_fhir_pain_id(const hip_pain_entry *entry,
                                                const hip_fhir_config *config, char *buf,
                                                size_t cap);

/* Byte outputs, two-call pattern: buf NULL (cap 0) asks the length; cap <= length gives
 * HIP_ERR_BUFSIZE with *len_out set. HIP_ERR_INVALID for a bad config (patient missing or not a
 * reference, struct_size too small, an unknown enum value), a NULL argument or a bad input value;
 * these report through their status only. */

/* One pain entry as an Observation. */
HIPTRACK_API hip_status hip_export_fhir_pain(const hip_pain_entry *entry,
                                             const hip_fhir_config *config, char *buf, size_t cap,
                                             size_t *len_out);
/* One finished session as an Observation (HIP_ERR_STATE unless finished); catalog may be NULL. */
HIPTRACK_API hip_status hip_export_fhir_session(const hip_session *session,
                                                const hip_catalog *catalog,
                                                const hip_fhir_config *config, char *buf,
                                                size_t cap, size_t *len_out);
/* One administration as a QuestionnaireResponse (HIP_ERR_INVALID without a date). */
HIPTRACK_API hip_status hip_export_fhir_questionnaire(const hip_outcome_response *response,
                                                      const hip_fhir_config *config, char *buf,
                                                      size_t cap, size_t *len_out);
/* One movement assessment result as an Observation (HIP_ERR_INVALID for a result that
 * hip_assess_history_add would refuse). */
HIPTRACK_API hip_status hip_export_fhir_assessment(const hip_assess_result *result,
                                                   const hip_fhir_config *config, char *buf,
                                                   size_t cap, size_t *len_out);
/* A Bundle of every record of input whose local day is in from_day..to_day (inclusive): pain
 * entries in time order, then sessions, then per outcome its QuestionnaireResponse and score
 * Observations (scored scales only), then the assessments, each in input order. HIP_ERR_INVALID when from_day > to_day;
 * HIP_ERR_STATE for an unfinished session. */
HIPTRACK_API hip_status hip_export_fhir_bundle(const hip_export_input *input, int32_t from_day,
                                               int32_t to_day, const hip_fhir_config *config,
                                               char *buf, size_t cap, size_t *len_out);

/* CSV of the pain entries in from_day..to_day, one row per entry; columns in docs/export.md. */
HIPTRACK_API hip_status hip_export_csv_pain(const hip_export_input *input, int32_t from_day,
                                            int32_t to_day, char *buf, size_t cap,
                                            size_t *len_out);
/* CSV of the sessions in from_day..to_day, one row per set (an exercise without a set: one row
 * with empty set columns); columns in docs/export.md. */
HIPTRACK_API hip_status hip_export_csv_sessions(const hip_export_input *input, int32_t from_day,
                                                int32_t to_day, char *buf, size_t cap,
                                                size_t *len_out);

/* Imports replace every entry of log, all or nothing (as hip_painlog_import_json); the message is in
 * hip_painlog_last_error. */
/* Pain Observations (LOINC 72514-3), alone or in a Bundle: other resources of a Bundle are skipped;
 * an Observation with another code is refused with its path
 * ("entry[3].resource.code.coding[0].code: expected 72514-3"). HIP_ERR_FORMAT, HIP_ERR_EXISTS for
 * a duplicate entry, HIP_ERR_NOMEM. Documents up to 64 MiB (a full log's Bundle is about 42 MB). */
HIPTRACK_API hip_status hip_export_import_fhir_pain(hip_painlog *log, const char *json, size_t len);
/* The pain CSV of hip_export_csv_pain (header row required; '\n' or "\r\n" line ends); errors name
 * "line L, column C". */
HIPTRACK_API hip_status hip_export_import_csv_pain(hip_painlog *log, const char *csv, size_t len);

#ifdef __cplusplus
}
#endif
#endif
