/* FHIR R4 JSON: pain entries, sessions and outcome administrations as resources, and a Bundle of a
 * date range (CLINICAL.md §1.5; docs/export.md shows each shape). Writes straight into the caller's
 * buffer with the JSON writer: no allocation, no clock. */
#include "export_internal.h"

#include <string.h>

#include "json.h"
#include "painlog_internal.h"
#include "assess_internal.h"
#include "hiptrack/hip_date.h"

/* ---- small writers ------------------------------------------------------------------------ */

static void coding(hip__jw *w, const char *system, const char *code, const char *display)
{
    hip__jw_begin_object(w);
    hip__jw_key(w, "system"); hip__jw_string(w, system);
    hip__jw_key(w, "code"); hip__jw_string(w, code);
    if (display && *display) { hip__jw_key(w, "display"); hip__jw_string(w, display); }
    hip__jw_end_object(w);
}

/* {"coding": [coding], "text": text?} */
static void concept(hip__jw *w, const char *system, const char *code, const char *display,
                    const char *text)
{
    hip__jw_begin_object(w);
    hip__jw_key(w, "coding");
    hip__jw_begin_array(w);
    coding(w, system, code, display);
    hip__jw_end_array(w);
    if (text && *text) { hip__jw_key(w, "text"); hip__jw_string(w, text); }
    hip__jw_end_object(w);
}

static void reference(hip__jw *w, const char *key, const char *ref)
{
    hip__jw_key(w, key);
    hip__jw_begin_object(w);
    hip__jw_key(w, "reference"); hip__jw_string(w, ref);
    hip__jw_end_object(w);
}

static void category(hip__jw *w, const char *code)
{
    hip__jw_key(w, "category");
    hip__jw_begin_array(w);
    concept(w, HIP__OBS_CATEGORY, code, NULL, NULL);
    hip__jw_end_array(w);
}

static void quantity(hip__jw *w, const char *key, double value, const char *unit, const char *code)
{
    hip__jw_key(w, key);
    hip__jw_begin_object(w);
    hip__jw_key(w, "value"); hip__jw_number(w, value);
    hip__jw_key(w, "unit"); hip__jw_string(w, unit);
    hip__jw_key(w, "system"); hip__jw_string(w, HIP__UCUM);
    hip__jw_key(w, "code"); hip__jw_string(w, code);
    hip__jw_end_object(w);
}

static void resource_head(hip__jw *w, const char *type, const char *id)
{
    hip__jw_begin_object(w);
    hip__jw_key(w, "resourceType"); hip__jw_string(w, type);
    hip__jw_key(w, "id"); hip__jw_string(w, id);
}

/* FHIR's dateTime allows offsets up to 14:00 (the tz database has none beyond); an instant whose
 * offset is larger (the pain log allows 18 h) is written in UTC, keeping the instant. */
static void fhir_time(int64_t t_ns, int32_t offset_min, char buf[HIP__PAIN_TIME_CAP])
{
    int big = offset_min > 14 * 60 || offset_min < -14 * 60;
    hip__pain_format_time(t_ns, big ? 0 : offset_min, buf);
    if (big) {
        size_t n = strlen(buf);
        buf[n - 6] = 'Z';
        buf[n - 5] = '\0';
    }
}

/* ---- pain entry --------------------------------------------------------------------------- */

static void pain_id(const hip_pain_entry *e, const char *patient, char id[HIPTRACK_FHIR_ID_CAP])
{
    hip__idhash h;
    hip__idhash_init(&h, "pain", patient);
    hip__idhash_i64(&h, e->t_ns);
    hip__idhash_i64(&h, e->utc_offset_min);
    hip__idhash_i64(&h, e->nrs);
    hip__idhash_i64(&h, e->context);
    hip__idhash_i64(&h, e->location);
    hip__idhash_i64(&h, e->side);
    hip__idhash_i64(&h, e->symptoms);
    hip__idhash_i64(&h, e->time_of_day);
    hip__idhash_i64(&h, e->setting);
    hip__idhash_str(&h, e->note);
    hip__idhash_uuid(&h, id);
}

static const char *const snomed_code[9] = {"24136001", "26893007", "29836001", "46862004", "68367000",
                                           "68367000", "68367000", "72696002", NULL};
static const char *const snomed_display[9] = {
    "Hip joint structure", "Inguinal region structure", "Hip region structure",
    "Buttock structure",   "Thigh structure",           "Thigh structure",
    "Thigh structure",     "Knee region structure",     NULL};

static void attribute(hip__jw *w, const char *attr, const char *system, const char *code)
{
    hip__jw_begin_object(w);
    hip__jw_key(w, "code"); concept(w, HIP__CS_PAIN_ATTRIBUTE, attr, NULL, NULL);
    hip__jw_key(w, "valueCodeableConcept"); concept(w, system, code, NULL, NULL);
    hip__jw_end_object(w);
}

static void write_pain(hip__jw *w, const hip_pain_entry *e, const hip_fhir_config *c, const char *id)
{
    char t[HIP__PAIN_TIME_CAP], text[64], code[64];
    resource_head(w, "Observation", id);
    hip__jw_key(w, "status"); hip__jw_string(w, "final");
    category(w, "survey");
    hip__jw_key(w, "code"); concept(w, HIP__LOINC, HIP__PAIN_LOINC, HIP__PAIN_LOINC_DISPLAY, NULL);
    reference(w, "subject", c->patient);
    fhir_time(e->t_ns, e->utc_offset_min, t);
    hip__jw_key(w, "effectiveDateTime"); hip__jw_string(w, t);
    hip__jw_key(w, "performer");
    hip__jw_begin_array(w);
    hip__jw_begin_object(w);
    hip__jw_key(w, "reference"); hip__jw_string(w, c->patient);
    hip__jw_end_object(w);
    hip__jw_end_array(w);
    switch (c->pain_value) {
    case HIP_FHIR_PAIN_VALUE_QUANTITY:
        hip__jw_key(w, "valueQuantity");
        hip__jw_begin_object(w);
        hip__jw_key(w, "value"); hip__jw_integer(w, e->nrs);
        hip__jw_key(w, "unit"); hip__jw_string(w, "1");
        hip__jw_key(w, "system"); hip__jw_string(w, HIP__UCUM);
        hip__jw_key(w, "code"); hip__jw_string(w, "1");
        hip__jw_end_object(w);
        break;
    case HIP_FHIR_PAIN_VALUE_ANSWER: {
        char num[4] = {0};
        if (e->nrs == 10) memcpy(num, "10", 3);
        else num[0] = (char)('0' + e->nrs);
        hip__jw_key(w, "valueCodeableConcept");
        concept(w, HIP__LOINC, hip__fhir_answer_codes[e->nrs], NULL, num);
        break;
    }
    default:
        hip__jw_key(w, "valueInteger"); hip__jw_integer(w, e->nrs);
    }
    /* bodySite: R4 has no laterality element, so libhip's own pre-coordinated code carries the side
     * (CLINICAL.md §1.5 [DD]); the SNOMED CT coding names the region only. */
    hip__body_site_code(e->location, e->side, code, sizeof code);
    hip__body_site_text(e->location, e->side, text, sizeof text);
    hip__jw_key(w, "bodySite");
    hip__jw_begin_object(w);
    hip__jw_key(w, "coding");
    hip__jw_begin_array(w);
    coding(w, HIP__CS_BODY_SITE, code, text);
    if (c->snomed_body_site && snomed_code[e->location])
        coding(w, HIP__SNOMED, snomed_code[e->location], snomed_display[e->location]);
    hip__jw_end_array(w);
    hip__jw_key(w, "text"); hip__jw_string(w, text);
    hip__jw_end_object(w);
    if (e->note[0]) {
        hip__jw_key(w, "note");
        hip__jw_begin_array(w);
        hip__jw_begin_object(w);
        hip__jw_key(w, "text"); hip__jw_string(w, e->note);
        hip__jw_end_object(w);
        hip__jw_end_array(w);
    }
    hip__jw_key(w, "component");
    hip__jw_begin_array(w);
    hip__jw_begin_object(w);   /* the recall window, exactly as CLINICAL.md §1.5 */
    hip__jw_key(w, "code"); concept(w, HIP__CS_PAIN_CONTEXT, hip__fhir_context_codes[e->context], NULL, NULL);
    hip__jw_key(w, "valueCodeableConcept");
    hip__jw_begin_object(w);
    hip__jw_key(w, "text"); hip__jw_string(w, hip__fhir_context_text[e->context]);
    hip__jw_end_object(w);
    hip__jw_end_object(w);
    if (e->time_of_day != HIP_PAIN_TIME_OF_DAY_UNSPECIFIED)
        attribute(w, "time-of-day", HIP__CS_PAIN_TOD, hip_pain_time_of_day_name(e->time_of_day));
    if (e->setting != HIP_PAIN_SETTING_UNSPECIFIED)
        attribute(w, "setting", HIP__CS_PAIN_SETTING, hip_pain_setting_name(e->setting));
    for (unsigned k = 0; k < HIPTRACK_PAIN_SYMPTOM_COUNT; k++)
        if (e->symptoms & (1u << k)) attribute(w, "symptom", HIP__CS_PAIN_SYMPTOM, hip__pain_symptom_names[k]);
    hip__jw_end_array(w);
    hip__jw_end_object(w);
}

static int entry_ok(const hip_pain_entry *e)
{
    hip__error err;
    return hip__pain_entry_validate(e, "", &err) == HIP_OK;
}

hip_status hip_export_fhir_pain_id(const hip_pain_entry *e, const hip_fhir_config *c, char *buf,
                                   size_t cap)
{
    if (!e || !buf || cap < HIPTRACK_FHIR_ID_CAP || !hip__fhir_config_ok(c) || !entry_ok(e))
        return HIP_ERR_INVALID;
    pain_id(e, c->patient, buf);
    return HIP_OK;
}

hip_status hip_export_fhir_pain(const hip_pain_entry *e, const hip_fhir_config *c, char *buf,
                                size_t cap, size_t *len_out)
{
    if (!e || !len_out || (!buf && cap) || !hip__fhir_config_ok(c) || !entry_ok(e))
        return HIP_ERR_INVALID;
    char id[HIPTRACK_FHIR_ID_CAP];
    pain_id(e, c->patient, id);
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, c->pretty);
    write_pain(&w, e, c, id);
    return hip__jw_result(&w, len_out);
}

/* ---- session ------------------------------------------------------------------------------ */

static hip_status session_id(const hip_session *s, const char *patient, char id[HIPTRACK_FHIR_ID_CAP])
{
    hip_session_info info;
    if (hip_session_get_info(s, &info) != HIP_OK) return HIP_ERR_INVALID;
    if (info.state != HIP_SESSION_FINISHED) return HIP_ERR_STATE;
    hip__idhash h;
    hip__idhash_init(&h, "session", patient);
    hip__idhash_i64(&h, info.start_ns);
    hip__idhash_i64(&h, info.end_ns);
    hip__idhash_i64(&h, info.utc_offset_min);
    hip__idhash_i64(&h, (int64_t)info.exercise_count);
    for (size_t i = 0; i < info.exercise_count; i++) {
        hip_session_exercise ex;
        if (hip_session_exercise_at(s, i, &ex) != HIP_OK) return HIP_ERR_INVALID;
        hip__idhash_str(&h, ex.exercise_id);
        hip__idhash_i64(&h, (int64_t)ex.set_count);
    }
    hip__idhash_uuid(&h, id);
    return HIP_OK;
}

/* Begins a component: for an exercise's dose, extensions name the exercise (and side), since a
 * component has no other place to say which exercise it belongs to. */
static void comp_head(hip__jw *w, const char *code, const hip_session_exercise *ex, const char *name)
{
    hip__jw_begin_object(w);
    if (ex) {
        hip__jw_key(w, "extension");
        hip__jw_begin_array(w);
        hip__jw_begin_object(w);
        hip__jw_key(w, "url"); hip__jw_string(w, HIP__EXT_EXERCISE);
        hip__jw_key(w, "valueCoding"); coding(w, HIP__CS_EXERCISE, ex->exercise_id, name);
        hip__jw_end_object(w);
        if (ex->side != HIP_SIDE_BOTH) {
            hip__jw_begin_object(w);
            hip__jw_key(w, "url"); hip__jw_string(w, HIP__EXT_SIDE);
            hip__jw_key(w, "valueCode"); hip__jw_string(w, hip_side_name(ex->side));
            hip__jw_end_object(w);
        }
        hip__jw_end_array(w);
    }
    hip__jw_key(w, "code"); concept(w, HIP__CS_SESSION, code, NULL, NULL);
}

static void comp_int(hip__jw *w, const char *code, int64_t v, const hip_session_exercise *ex,
                     const char *name)
{
    comp_head(w, code, ex, name);
    hip__jw_key(w, "valueInteger"); hip__jw_integer(w, v);
    hip__jw_end_object(w);
}

static void comp_qty(hip__jw *w, const char *code, double v, const hip_session_exercise *ex,
                     const char *name, const char *unit)
{
    comp_head(w, code, ex, name);
    quantity(w, "valueQuantity", v, unit, unit);   /* "s" and "kg" are their own UCUM codes */
    hip__jw_end_object(w);
}

/* Per exercise: what was prescribed and what was done, folded over its sets and reps. */
typedef struct ex_dose {
    uint32_t sets, reps, good_reps;
    double load_kg, hold_s, tut_s;
    int32_t pain_max, rpe_max;
} ex_dose;

static void fold_exercise(const hip_session *s, size_t i, const hip_session_exercise *ex, ex_dose *d)
{
    memset(d, 0, sizeof *d);
    d->pain_max = d->rpe_max = HIPTRACK_NOT_RECORDED;
    d->sets = (uint32_t)ex->set_count;
    for (size_t k = 0; k < ex->set_count; k++) {
        hip_session_set set;
        if (hip_session_set_at(s, i, k, &set) != HIP_OK) continue;
        if (set.load_kg > d->load_kg) d->load_kg = set.load_kg;
        if (set.pain > d->pain_max) d->pain_max = set.pain;
        if (set.rpe > d->rpe_max) d->rpe_max = set.rpe;
        for (size_t r = 0; r < set.rep_count; r++) {
            hip_session_rep rep;
            if (hip_session_rep_at(s, i, k, r, &rep) != HIP_OK) continue;
            d->reps++;
            if (!rep.flags) d->good_reps++;
            if (rep.hold_s > d->hold_s) d->hold_s = rep.hold_s;
            d->tut_s += rep.concentric_s + rep.eccentric_s + rep.hold_s;
        }
    }
}

static void write_session(hip__jw *w, const hip_session *s, const hip_catalog *cat,
                          const hip_fhir_config *c, const char *id)
{
    hip_session_info info;
    hip_session_get_info(s, &info);
    char t[HIP__PAIN_TIME_CAP];
    resource_head(w, "Observation", id);
    hip__jw_key(w, "status"); hip__jw_string(w, "final");
    category(w, "activity");
    hip__jw_key(w, "code");
    concept(w, HIP__CS_OBSERVATION, "exercise-session", "Exercise therapy session", "Exercise therapy session");
    reference(w, "subject", c->patient);
    hip__jw_key(w, "effectivePeriod");
    hip__jw_begin_object(w);
    fhir_time(info.start_ns, info.utc_offset_min, t);
    hip__jw_key(w, "start"); hip__jw_string(w, t);
    fhir_time(info.end_ns, info.utc_offset_min, t);
    hip__jw_key(w, "end"); hip__jw_string(w, t);
    hip__jw_end_object(w);
    hip__jw_key(w, "performer");
    hip__jw_begin_array(w);
    hip__jw_begin_object(w);
    hip__jw_key(w, "reference"); hip__jw_string(w, c->patient);
    hip__jw_end_object(w);
    hip__jw_end_array(w);
    hip__jw_key(w, "component");
    hip__jw_begin_array(w);
    static const char *const pain_codes[3] = {"pain-before", "pain-during", "pain-after"};
    const int32_t pains[3] = {info.pain_before, info.pain_during, info.pain_after};
    for (int k = 0; k < 3; k++)
        if (pains[k] != HIPTRACK_NOT_RECORDED)
            comp_int(w, pain_codes[k], pains[k], NULL, NULL);
    comp_qty(w, "duration", (double)(info.end_ns - info.start_ns) / 1e9, NULL, NULL, "s");
    if (info.abandon_reason != HIP_ABANDON_NONE) {
        hip__jw_begin_object(w);
        hip__jw_key(w, "code"); concept(w, HIP__CS_SESSION, "abandon-reason", NULL, NULL);
        hip__jw_key(w, "valueCodeableConcept");
        concept(w, HIP__CS_ABANDON, hip_abandon_reason_name(info.abandon_reason), NULL, NULL);
        hip__jw_end_object(w);
    }
    if (info.program_version) comp_int(w, "program-version", info.program_version, NULL, NULL);
    for (size_t i = 0; i < info.exercise_count; i++) {
        hip_session_exercise ex;
        if (hip_session_exercise_at(s, i, &ex) != HIP_OK) continue;
        hip_exercise known;
        const char *name = cat && hip_catalog_find(cat, ex.exercise_id, &known) == HIP_OK ? known.name : NULL;
        ex_dose d;
        fold_exercise(s, i, &ex, &d);
        comp_int(w, "sets-prescribed", ex.prescribed_sets, &ex, name);
        comp_int(w, "sets-done", d.sets, &ex, name);
        comp_int(w, "reps-prescribed", ex.prescribed_reps, &ex, name);
        comp_int(w, "reps-done", d.reps, &ex, name);
        comp_int(w, "reps-good", d.good_reps, &ex, name);
        if (ex.prescribed_load_kg > 0)
            comp_qty(w, "load-prescribed", ex.prescribed_load_kg, &ex, name, "kg");
        if (d.load_kg > 0) comp_qty(w, "load", d.load_kg, &ex, name, "kg");
        if (ex.prescribed_hold_s > 0)
            comp_qty(w, "hold-prescribed", ex.prescribed_hold_s, &ex, name, "s");
        if (d.hold_s > 0) comp_qty(w, "hold", d.hold_s, &ex, name, "s");
        if (d.tut_s > 0) comp_qty(w, "time-under-tension", d.tut_s, &ex, name, "s");
        if (d.pain_max != HIPTRACK_NOT_RECORDED) comp_int(w, "set-pain-max", d.pain_max, &ex, name);
        if (d.rpe_max != HIPTRACK_NOT_RECORDED) comp_int(w, "rpe-max", d.rpe_max, &ex, name);
    }
    hip__jw_end_array(w);
    hip__jw_end_object(w);
}

hip_status hip_export_fhir_session(const hip_session *s, const hip_catalog *cat,
                                   const hip_fhir_config *c, char *buf, size_t cap, size_t *len_out)
{
    if (!s || !len_out || (!buf && cap) || !hip__fhir_config_ok(c)) return HIP_ERR_INVALID;
    char id[HIPTRACK_FHIR_ID_CAP];
    hip_status st = session_id(s, c->patient, id);
    if (st != HIP_OK) return st;
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, c->pretty);
    write_session(&w, s, cat, c, id);
    return hip__jw_result(&w, len_out);
}

/* ---- outcomes ----------------------------------------------------------------------------- */

static hip_status outcome_id(const hip_outcome_response *r, const char *patient,
                             char id[HIPTRACK_FHIR_ID_CAP], int32_t *day_out)
{
    int32_t day;
    if (hip_outcome_get_date(r, &day) != HIP_OK) return HIP_ERR_INVALID;
    hip_instrument ins = hip_outcome_response_instrument(r);
    hip__idhash h;
    hip__idhash_init(&h, "questionnaire-response", patient);
    hip__idhash_str(&h, hip_instrument_name(ins));
    hip__idhash_i64(&h, day);
    size_t n = hip_outcome_item_count(ins);
    for (size_t i = 0; i < n; i++) {
        hip_outcome_item it;
        int32_t v = HIPTRACK_OUTCOME_MISSING;
        char name[HIPTRACK_NAME_CAP] = "";
        if (hip_outcome_item_at(ins, i, &it) != HIP_OK) return HIP_ERR_INVALID;
        hip_outcome_get_answer(r, it.id, &v);
        if (ins == HIP_INSTRUMENT_PSFS) hip_outcome_get_activity_name(r, it.id, name, sizeof name);
        hip__idhash_i64(&h, v);
        hip__idhash_str(&h, name);
    }
    hip__idhash_uuid(&h, id);
    *day_out = day;
    return HIP_OK;
}

static void write_questionnaire(hip__jw *w, const hip_outcome_response *r, const hip_fhir_config *c,
                                const char *id, int32_t day)
{
    hip_instrument ins = hip_outcome_response_instrument(r);
    char q[64], date[HIPTRACK_DATE_CAP];
    size_t n = strlen(HIP__QUESTIONNAIRE_PREFIX);
    memcpy(q, HIP__QUESTIONNAIRE_PREFIX, n);
    memcpy(q + n, hip_instrument_name(ins), strlen(hip_instrument_name(ins)) + 1);
    hip_date_format(day, date, sizeof date);
    resource_head(w, "QuestionnaireResponse", id);
    hip__jw_key(w, "questionnaire"); hip__jw_string(w, q);
    hip__jw_key(w, "status"); hip__jw_string(w, "completed");
    reference(w, "subject", c->patient);
    hip__jw_key(w, "authored"); hip__jw_string(w, date);
    reference(w, "author", c->patient);
    reference(w, "source", c->patient);
    size_t count = hip_outcome_item_count(ins), answered = 0;
    for (size_t i = 0; i < count; i++) {
        hip_outcome_item it;
        int32_t v = HIPTRACK_OUTCOME_MISSING;
        if (hip_outcome_item_at(ins, i, &it) != HIP_OK) continue;
        hip_outcome_get_answer(r, it.id, &v);
        if (v == HIPTRACK_OUTCOME_MISSING) continue;   /* a missing answer is an absent item */
        if (!answered++) {
            hip__jw_key(w, "item");
            hip__jw_begin_array(w);
        }
        hip__jw_begin_object(w);
        hip__jw_key(w, "linkId"); hip__jw_string(w, it.id);
        char name[HIPTRACK_NAME_CAP] = "";
        if (ins == HIP_INSTRUMENT_PSFS) hip_outcome_get_activity_name(r, it.id, name, sizeof name);
        if (name[0]) { hip__jw_key(w, "text"); hip__jw_string(w, name); }
        hip__jw_key(w, "answer");
        hip__jw_begin_array(w);
        hip__jw_begin_object(w);
        hip__jw_key(w, "valueInteger"); hip__jw_integer(w, v);
        hip__jw_end_object(w);
        hip__jw_end_array(w);
        hip__jw_end_object(w);
    }
    if (answered) hip__jw_end_array(w);
    hip__jw_end_object(w);
}

hip_status hip_export_fhir_questionnaire(const hip_outcome_response *r, const hip_fhir_config *c,
                                         char *buf, size_t cap, size_t *len_out)
{
    if (!r || !len_out || (!buf && cap) || !hip__fhir_config_ok(c)) return HIP_ERR_INVALID;
    char id[HIPTRACK_FHIR_ID_CAP];
    int32_t day;
    hip_status st = outcome_id(r, c->patient, id, &day);
    if (st != HIP_OK) return st;
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, c->pretty);
    write_questionnaire(&w, r, c, id, day);
    return hip__jw_result(&w, len_out);
}

/* "hoos_pain" -> "HOOS-PAIN" */
static void score_code(hip_outcome_scale scale, char *buf, size_t cap)
{
    const char *s = hip_outcome_scale_name(scale);
    size_t n = 0;
    for (; s[n] && n + 1 < cap; n++)
        buf[n] = s[n] == '_' ? '-' : (s[n] >= 'a' && s[n] <= 'z') ? (char)(s[n] - 'a' + 'A') : s[n];
    buf[n] = '\0';
}

static void score_id(const char *qr_id, const char *patient, hip_outcome_scale scale,
                     char id[HIPTRACK_FHIR_ID_CAP])
{
    hip__idhash h;
    hip__idhash_init(&h, "outcome-score", patient);
    hip__idhash_str(&h, qr_id);
    hip__idhash_i64(&h, scale);
    hip__idhash_uuid(&h, id);
}

static void write_score(hip__jw *w, const hip_outcome_scale_score *sc, const hip_fhir_config *c,
                        const char *id, const char *qr_id, int32_t day)
{
    char code[32], date[HIPTRACK_DATE_CAP], ref[HIPTRACK_FHIR_ID_CAP + 16];
    score_code(sc->scale, code, sizeof code);
    hip_date_format(day, date, sizeof date);
    resource_head(w, "Observation", id);
    hip__jw_key(w, "status"); hip__jw_string(w, "final");
    category(w, "survey");
    hip__jw_key(w, "code"); concept(w, HIP__CS_OUTCOME_SCORE, code, NULL, NULL);
    reference(w, "subject", c->patient);
    hip__jw_key(w, "effectiveDateTime"); hip__jw_string(w, date);
    memcpy(ref, "urn:uuid:", 9);
    memcpy(ref + 9, qr_id, strlen(qr_id) + 1);
    hip__jw_key(w, "derivedFrom");
    hip__jw_begin_array(w);
    hip__jw_begin_object(w);
    hip__jw_key(w, "reference"); hip__jw_string(w, ref);
    hip__jw_end_object(w);
    hip__jw_end_array(w);
    quantity(w, "valueQuantity", sc->value, "score", "{score}");
    hip__jw_end_object(w);
}

static int result_ok(const hip_outcome_response *r, const hip_outcome_result *res)
{
    hip_instrument ins = hip_outcome_response_instrument(r);
    int same = res->instrument == ins;
    int short_form = ins == HIP_INSTRUMENT_HOOS &&
                     (res->instrument == HIP_INSTRUMENT_HOOS12 || res->instrument == HIP_INSTRUMENT_HOOS_JR ||
                      res->instrument == HIP_INSTRUMENT_HOOS_PS);
    if (!(same || short_form) || res->scale_count > HIPTRACK_OUTCOME_MAX_SCALES) return 0;
    for (size_t i = 0; i < res->scale_count; i++) {
        const hip_outcome_scale_score *sc = &res->scales[i];
        if ((unsigned)sc->scale >= HIPTRACK_OUTCOME_SCALE_COUNT) return 0;
        if (sc->state == HIP_OUTCOME_SCORED && !(sc->value >= -1e6 && sc->value <= 1e6)) return 0;
    }
    return 1;
}

/* ---- movement assessment ------------------------------------------------------------------ */

static int assess_ok(const hip_assess_result *r)
{
    hip__error err;
    return r && hip__assess_result_validate(r, "", &err) == HIP_OK;
}

static int assess_same(const hip_assess_result *a, const hip_assess_result *b)
{
    return a->motion == b->motion && a->side == b->side && a->source == b->source &&
           a->posture == b->posture && a->day == b->day && a->start_deg == b->start_deg &&
           a->max_deg == b->max_deg && a->range_deg == b->range_deg && a->duration_s == b->duration_s &&
           a->compensations == b->compensations && a->out_of_plane_deg == b->out_of_plane_deg &&
           a->thigh_rotation_deg == b->thigh_rotation_deg && a->trunk_lean_deg == b->trunk_lean_deg &&
           a->pelvic_drop_deg == b->pelvic_drop_deg && a->quality == b->quality;
}

/* A double into the id hash by its IEEE bits in a fixed byte order (no text formatting). */
static void idhash_double(hip__idhash *h, double v)
{
    int64_t bits;
    memcpy(&bits, &v, sizeof bits);
    hip__idhash_i64(h, bits);
}

static void assess_id(const hip_assess_result *r, const char *patient, char id[HIPTRACK_FHIR_ID_CAP])
{
    hip__idhash h;
    hip__idhash_init(&h, "assessment", patient);
    hip__idhash_i64(&h, r->motion);
    hip__idhash_i64(&h, r->side);
    hip__idhash_i64(&h, r->source);
    hip__idhash_i64(&h, r->posture);
    hip__idhash_i64(&h, r->day);
    idhash_double(&h, r->start_deg);
    idhash_double(&h, r->max_deg);
    idhash_double(&h, r->range_deg);
    idhash_double(&h, r->duration_s);
    hip__idhash_i64(&h, r->compensations);
    idhash_double(&h, r->out_of_plane_deg);
    idhash_double(&h, r->thigh_rotation_deg);
    idhash_double(&h, r->trunk_lean_deg);
    idhash_double(&h, r->pelvic_drop_deg);
    idhash_double(&h, r->quality);
    hip__idhash_uuid(&h, id);
}

/* "hip-rom-internal-rotation", "knee-rom-flexion"; and the display text. */
static void assess_code(hip_rom_motion m, char *code, size_t cap, char *text, size_t tcap)
{
    static const char *const words[HIPTRACK_ROM_MOTIONS] = {
        "flexion", "extension", "abduction", "adduction", "internal rotation", "external rotation",
        "flexion"};
    const char *joint = m == HIP_ROM_KNEE_FLEXION ? "knee" : "hip";
    const char *name = m == HIP_ROM_KNEE_FLEXION ? "flexion" : hip_rom_motion_name(m);
    size_t n = 0;
    for (const char *p = joint; *p && n + 1 < cap; p++) code[n++] = *p;
    for (const char *p = "-rom-"; *p && n + 1 < cap; p++) code[n++] = *p;
    for (const char *p = name; *p && n + 1 < cap; p++) code[n++] = *p == '_' ? '-' : *p;
    code[n] = '\0';
    n = 0;
    const char *parts[4] = {m == HIP_ROM_KNEE_FLEXION ? "Knee" : "Hip", " ", words[m],
                            " active range of motion"};
    for (int k = 0; k < 4; k++)
        for (const char *p = parts[k]; *p && n + 1 < tcap; p++) text[n++] = *p;
    text[n] = '\0';
}

static void assess_comp_head(hip__jw *w, const char *code)
{
    hip__jw_begin_object(w);
    hip__jw_key(w, "code"); concept(w, HIP__CS_ASSESS_COMPONENT, code, NULL, NULL);
}

static void assess_comp_qty(hip__jw *w, const char *code, double v, const char *unit)
{
    assess_comp_head(w, code);
    quantity(w, "valueQuantity", v, unit, unit);   /* "deg", "s" and "1" are their own UCUM codes */
    hip__jw_end_object(w);
}

static void assess_comp_code(hip__jw *w, const char *code, const char *system, const char *value)
{
    assess_comp_head(w, code);
    hip__jw_key(w, "valueCodeableConcept"); concept(w, system, value, NULL, NULL);
    hip__jw_end_object(w);
}

static void write_assessment(hip__jw *w, const hip_assess_result *r, const hip_fhir_config *c,
                             const char *id)
{
    static const char *const comp_names[4] = {"out_of_plane", "thigh_rotation", "trunk_lean",
                                              "pelvic_drop"};
    char code[48], text[64], date[HIPTRACK_DATE_CAP], site[24];
    assess_code(r->motion, code, sizeof code, text, sizeof text);
    hip_date_format(r->day, date, sizeof date);
    resource_head(w, "Observation", id);
    hip__jw_key(w, "status"); hip__jw_string(w, "final");
    category(w, "exam");
    hip__jw_key(w, "code"); concept(w, HIP__CS_OBSERVATION, code, text, text);
    reference(w, "subject", c->patient);
    hip__jw_key(w, "effectiveDateTime"); hip__jw_string(w, date);   /* the result has a day only */
    quantity(w, "valueQuantity", r->range_deg, "deg", "deg");
    /* bodySite as the pain export: libhip's pre-coordinated joint-side code (R4 has no laterality
     * element), with the joint measured. */
    const char *joint = r->motion == HIP_ROM_KNEE_FLEXION ? "knee" : "hip";
    size_t n = strlen(joint), m = strlen(hip_assess_side_name(r->side));
    memcpy(site, joint, n);
    site[n] = '-';
    memcpy(site + n + 1, hip_assess_side_name(r->side), m + 1);
    const char *site_text = r->motion == HIP_ROM_KNEE_FLEXION
        ? (r->side == HIP_ASSESS_LEFT ? "Left knee" : "Right knee")
        : (r->side == HIP_ASSESS_LEFT ? "Left hip" : "Right hip");
    hip__jw_key(w, "bodySite"); concept(w, HIP__CS_BODY_SITE, site, site_text, site_text);
    hip__jw_key(w, "component");
    hip__jw_begin_array(w);
    assess_comp_qty(w, "start", r->start_deg, "deg");
    assess_comp_qty(w, "max", r->max_deg, "deg");
    if (r->duration_s > 0) assess_comp_qty(w, "duration", r->duration_s, "s");
    assess_comp_qty(w, "quality", r->quality, "1");
    assess_comp_code(w, "source", HIP__CS_ASSESS_SOURCE, hip_assess_source_name(r->source));
    assess_comp_code(w, "posture", HIP__CS_ASSESS_POSTURE, hip_assess_posture_name(r->posture));
    for (unsigned k = 0; k < 4; k++)
        if (r->compensations & (1u << k))
            assess_comp_code(w, "compensation", HIP__CS_ASSESS_COMPENSATION, comp_names[k]);
    hip__jw_end_array(w);
    hip__jw_end_object(w);
}

hip_status hip_export_fhir_assessment(const hip_assess_result *r, const hip_fhir_config *c,
                                      char *buf, size_t cap, size_t *len_out)
{
    if (!len_out || (!buf && cap) || !hip__fhir_config_ok(c) || !assess_ok(r)) return HIP_ERR_INVALID;
    char id[HIPTRACK_FHIR_ID_CAP];
    assess_id(r, c->patient, id);
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, c->pretty);
    write_assessment(&w, r, c, id);
    return hip__jw_result(&w, len_out);
}

/* ---- bundle ------------------------------------------------------------------------------- */

static void entry_begin(hip__jw *w, const char *id)
{
    char url[HIPTRACK_FHIR_ID_CAP + 16];
    memcpy(url, "urn:uuid:", 9);
    memcpy(url + 9, id, strlen(id) + 1);
    hip__jw_begin_object(w);
    hip__jw_key(w, "fullUrl"); hip__jw_string(w, url);
    hip__jw_key(w, "resource");
}

static void entry_end(hip__jw *w, const hip_fhir_config *c, const char *type, const char *id)
{
    if (c->bundle_type == HIP_FHIR_BUNDLE_TRANSACTION) {
        char url[HIPTRACK_FHIR_ID_CAP + 32];
        size_t n = strlen(type);
        memcpy(url, type, n);
        url[n] = '/';
        memcpy(url + n + 1, id, strlen(id) + 1);
        hip__jw_key(w, "request");
        hip__jw_begin_object(w);
        hip__jw_key(w, "method"); hip__jw_string(w, "PUT");
        hip__jw_key(w, "url"); hip__jw_string(w, url);
        hip__jw_end_object(w);
    }
    hip__jw_end_object(w);
}

/* One pass over the records in range: with w NULL it only checks the inputs and folds every id
 * into h (the Bundle's own id is derived from its content); with w it writes the entries. */
static hip_status bundle_pass(const hip_export_input *in, int32_t from, int32_t to,
                              const hip_fhir_config *c, hip__jw *w, hip__idhash *h, size_t *count)
{
    char id[HIPTRACK_FHIR_ID_CAP];
    size_t n = in->painlog ? hip_painlog_count(in->painlog) : 0;
    for (size_t i = 0; i < n; i++) {
        hip_pain_entry e;
        if (hip_painlog_entry_at(in->painlog, i, &e) != HIP_OK) return HIP_ERR_INVALID;
        int32_t day = hip__pain_entry_day(&e);
        if (day < from || day > to) continue;
        pain_id(&e, c->patient, id);
        if (h) { hip__idhash_str(h, id); ++*count; }
        if (w) {
            entry_begin(w, id);
            write_pain(w, &e, c, id);
            entry_end(w, c, "Observation", id);
        }
    }
    for (size_t i = 0; i < in->session_count; i++) {
        hip_session_info info;
        if (hip_session_get_info(in->sessions[i], &info) != HIP_OK) return HIP_ERR_INVALID;
        if (info.state != HIP_SESSION_FINISHED) return HIP_ERR_STATE;
        if (info.day < from || info.day > to) continue;
        hip_status st = session_id(in->sessions[i], c->patient, id);
        if (st != HIP_OK) return st;
        if (h) { hip__idhash_str(h, id); ++*count; }
        if (w) {
            entry_begin(w, id);
            write_session(w, in->sessions[i], in->catalog, c, id);
            entry_end(w, c, "Observation", id);
        }
    }
    for (size_t i = 0; i < in->outcome_count; i++) {
        int32_t day;
        hip_status st = outcome_id(in->outcomes[i], c->patient, id, &day);
        if (st != HIP_OK) return st;
        const hip_outcome_result *res = in->outcome_results ? &in->outcome_results[i] : NULL;
        if (res && !result_ok(in->outcomes[i], res)) return HIP_ERR_INVALID;
        if (day < from || day > to) continue;
        if (h) { hip__idhash_str(h, id); ++*count; }
        if (w) {
            entry_begin(w, id);
            write_questionnaire(w, in->outcomes[i], c, id, day);
            entry_end(w, c, "QuestionnaireResponse", id);
        }
        for (size_t k = 0; res && k < res->scale_count; k++) {
            const hip_outcome_scale_score *sc = &res->scales[k];
            if (sc->state != HIP_OUTCOME_SCORED) continue;   /* not scoreable: no Observation */
            char sid[HIPTRACK_FHIR_ID_CAP];
            score_id(id, c->patient, sc->scale, sid);
            if (h) { hip__idhash_str(h, sid); ++*count; }
            if (w) {
                entry_begin(w, sid);
                write_score(w, sc, c, sid, id, day);
                entry_end(w, c, "Observation", sid);
            }
        }
    }
    size_t na = hip__export_assessment_count(in);
    for (size_t i = 0; i < na; i++) {
        const hip_assess_result *r = &in->assessments[i];
        if (!assess_ok(r)) return HIP_ERR_INVALID;
        if (r->day < from || r->day > to) continue;
        int repeat = 0;   /* the same result given twice is one measurement: one entry */
        for (size_t j = 0; j < i && !repeat; j++) repeat = assess_same(&in->assessments[j], r);
        if (repeat) continue;
        assess_id(r, c->patient, id);
        if (h) { hip__idhash_str(h, id); ++*count; }
        if (w) {
            entry_begin(w, id);
            write_assessment(w, r, c, id);
            entry_end(w, c, "Observation", id);
        }
    }
    return HIP_OK;
}

hip_status hip_export_fhir_bundle(const hip_export_input *in, int32_t from_day, int32_t to_day,
                                  const hip_fhir_config *c, char *buf, size_t cap, size_t *len_out)
{
    if (!len_out || (!buf && cap) || !hip__export_input_ok(in) || !hip__fhir_config_ok(c) ||
        from_day > to_day)
        return HIP_ERR_INVALID;
    hip__idhash h;
    hip__idhash_init(&h, "bundle", c->patient);
    hip__idhash_i64(&h, from_day);
    hip__idhash_i64(&h, to_day);
    hip__idhash_i64(&h, c->bundle_type);
    size_t count = 0;
    hip_status st = bundle_pass(in, from_day, to_day, c, NULL, &h, &count);
    if (st != HIP_OK) return st;
    char id[HIPTRACK_FHIR_ID_CAP];
    hip__idhash_uuid(&h, id);
    hip__jw w;
    hip__jw_init(&w, buf, buf ? cap : 0, c->pretty);
    resource_head(&w, "Bundle", id);
    hip__jw_key(&w, "type");
    hip__jw_string(&w, c->bundle_type == HIP_FHIR_BUNDLE_TRANSACTION ? "transaction" : "collection");
    if (count) {   /* FHIR has no empty arrays: an empty range is a Bundle without entry */
        hip__jw_key(&w, "entry");
        hip__jw_begin_array(&w);
        bundle_pass(in, from_day, to_day, c, &w, NULL, NULL);
        hip__jw_end_array(&w);
    }
    hip__jw_end_object(&w);
    return hip__jw_result(&w, len_out);
}
