/* Internal: what the FHIR and CSV writers and the pain importers share (export_common.c, export_fhir.c,
 * export_csv.c, export_import.c): the vocabulary libhip mints, content-derived ids, config checks. */
#ifndef HIPTRACK_SRC_EXPORT_INTERNAL_H
#define HIPTRACK_SRC_EXPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "hiptrack/hip_export.h"

#define HIP__LOINC "http://loinc.org"
#define HIP__SNOMED "http://snomed.info/sct"
#define HIP__OBS_CATEGORY "http://terminology.hl7.org/CodeSystem/observation-category"
#define HIP__UCUM "http://unitsofmeasure.org"
#define HIP__PAIN_LOINC "72514-3"
#define HIP__PAIN_LOINC_DISPLAY "Pain severity - 0-10 verbal numeric rating [Score] - Reported"

/* CodeSystems minted by libhip (docs/export.md). */
#define HIP__CS_PAIN_CONTEXT "urn:libhip:pain-context"
#define HIP__CS_PAIN_ATTRIBUTE "urn:libhip:pain-attribute"
#define HIP__CS_PAIN_SYMPTOM "urn:libhip:pain-symptom"
#define HIP__CS_PAIN_TOD "urn:libhip:pain-time-of-day"
#define HIP__CS_PAIN_SETTING "urn:libhip:pain-setting"
#define HIP__CS_BODY_SITE "urn:libhip:body-site"
#define HIP__CS_OBSERVATION "urn:libhip:observation"
#define HIP__CS_SESSION "urn:libhip:session-component"
#define HIP__CS_EXERCISE "urn:libhip:exercise"
#define HIP__CS_ABANDON "urn:libhip:abandon-reason"
#define HIP__CS_OUTCOME_SCORE "urn:libhip:outcome-score"
#define HIP__CS_ASSESS_COMPONENT "urn:libhip:assessment-component"
#define HIP__CS_ASSESS_SOURCE "urn:libhip:assessment-source"
#define HIP__CS_ASSESS_POSTURE "urn:libhip:assessment-posture"
#define HIP__CS_ASSESS_COMPENSATION "urn:libhip:assessment-compensation"
#define HIP__EXT_EXERCISE "urn:libhip:extension:exercise"
#define HIP__EXT_SIDE "urn:libhip:extension:side"
#define HIP__QUESTIONNAIRE_PREFIX "urn:libhip:questionnaire:"

/* PAIN_CURRENT ... PAIN_NEXT_MORNING (CLINICAL.md §1.1), by hip_pain_context; and their text. */
extern const char *const hip__fhir_context_codes[7];
extern const char *const hip__fhir_context_text[7];
/* LOINC answer codes of 0..10 (CLINICAL.md §1.5 [S]). */
extern const char *const hip__fhir_answer_codes[11];

/* A 128-bit content hash (two FNV-1a 64 lanes) formatted as a UUID (version 8, RFC 9562). */
typedef struct hip__idhash {
    uint64_t a, b;
} hip__idhash;
void hip__idhash_init(hip__idhash *h, const char *kind, const char *patient);
void hip__idhash_bytes(hip__idhash *h, const void *p, size_t n);
void hip__idhash_i64(hip__idhash *h, int64_t v);
void hip__idhash_str(hip__idhash *h, const char *s);   /* with its terminating NUL */
void hip__idhash_uuid(const hip__idhash *h, char out[HIPTRACK_FHIR_ID_CAP]);

/* 1 when the config is usable: struct_size, enums, and patient a reference. */
int hip__fhir_config_ok(const hip_fhir_config *c);
/* 1 for "Patient/<id>" with a FHIR id, or "urn:uuid:<uuid>". */
int hip__fhir_patient_ok(const char *s, size_t cap);
/* 1 when the input is usable (struct_size, counts with their arrays, non-NULL elements). */
int hip__export_input_ok(const hip_export_input *in);
/* in->assessment_count, or 0 for an input from before the field (struct_size too small). */
size_t hip__export_assessment_count(const hip_export_input *in);

/* The body-site code of a location and side: "groin" or "groin-left" (lateral_hip-both, ...). */
void hip__body_site_code(hip_pain_location loc, hip_pain_side side, char *buf, size_t cap);
/* Human text: "Left groin", "Hip", "Both sides lateral hip". */
void hip__body_site_text(hip_pain_location loc, hip_pain_side side, char *buf, size_t cap);

#endif
