/* A FHIR R4 shape checker for the exports (test code, not the library): the structure rules of
 * CLINICAL.md §1.5 and the required elements of each resource libhip writes. It walks the DOM of
 * the library's own strict JSON reader and fails the test with the path of the first violation. */
#ifndef HIPTRACK_TEST_EXPORT_SHAPE_H
#define HIPTRACK_TEST_EXPORT_SHAPE_H

#include "testutil.h"

#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

static int shape_match(const char *pattern, const char *s)
{
    regex_t re;
    if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0) fail_msg("bad regex %s", pattern);
    int ok = regexec(&re, s, 0, NULL, 0) == 0;
    regfree(&re);
    return ok;
}

/* FHIR R4 dateTime (the regex of the specification, offsets up to 14:00). */
#define SHAPE_DATETIME                                                                              \
    "^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])" \
    "(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|" \
    "14:00)))?)?)?$"
#define SHAPE_INSTANT_WITH_OFFSET "T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"
#define SHAPE_ID "^[A-Za-z0-9.-]{1,64}$"
#define SHAPE_UUID "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

#define SHAPE_FAIL(path, ...)                                                                       \
    do {                                                                                            \
        char m_[256];                                                                               \
        snprintf(m_, sizeof m_, __VA_ARGS__);                                                       \
        fail_msg("shape: %s: %s", path, m_);                                                        \
    } while (0)

static const char *shape_str(const hip__json *obj, const char *key, const char *path)
{
    const hip__json *v = hip__json_get(obj, key);
    if (!v || v->type != HIP__JSON_STRING || v->len == 0) SHAPE_FAIL(path, "%s: expected a non-empty string", key);
    return v->str;
}

static const hip__json *shape_array(const hip__json *obj, const char *key, const char *path, int required)
{
    const hip__json *v = hip__json_get(obj, key);
    if (!v) {
        if (required) SHAPE_FAIL(path, "%s: missing", key);
        return NULL;
    }
    if (v->type != HIP__JSON_ARRAY || v->count == 0) SHAPE_FAIL(path, "%s: expected a non-empty array", key);
    return v;
}

/* Every object member: no empty strings, arrays or objects (FHIR forbids them); no 56840-2. */
static void shape_no_empty(const hip__json *v, const char *path)
{
    if (v->type == HIP__JSON_STRING) {
        if (v->len == 0) SHAPE_FAIL(path, "empty string");
        if (strcmp(v->str, "56840-2") == 0) SHAPE_FAIL(path, "the discouraged LOINC 56840-2");
    }
    if ((v->type == HIP__JSON_ARRAY || v->type == HIP__JSON_OBJECT) && v->count == 0)
        SHAPE_FAIL(path, "empty array or object");
    if (v->type == HIP__JSON_ARRAY || v->type == HIP__JSON_OBJECT)
        for (size_t i = 0; i < v->count; i++) shape_no_empty(&v->items[i], path);
}

/* A CodeableConcept: coding[] each with system (a URI) and code; or text alone. */
static void shape_concept(const hip__json *cc, const char *path)
{
    if (!cc || cc->type != HIP__JSON_OBJECT) SHAPE_FAIL(path, "expected a CodeableConcept");
    const hip__json *cs = shape_array(cc, "coding", path, 0);
    if (!cs && !hip__json_get(cc, "text")) SHAPE_FAIL(path, "neither coding nor text");
    for (size_t i = 0; cs && i < cs->count; i++) {
        const char *sys = shape_str(&cs->items[i], "system", path);
        shape_str(&cs->items[i], "code", path);
        if (!shape_match("^(https?://|urn:)", sys)) SHAPE_FAIL(path, "system %s is not a URI", sys);
    }
}

static const char *shape_code(const hip__json *cc, size_t k)
{
    const hip__json *cs = hip__json_get(cc, "coding");
    return cs && k < cs->count ? hip__json_get(&cs->items[k], "code")->str : "";
}

static const char *shape_system(const hip__json *cc, size_t k)
{
    const hip__json *cs = hip__json_get(cc, "coding");
    return cs && k < cs->count ? hip__json_get(&cs->items[k], "system")->str : "";
}

static int shape_value_count(const hip__json *o)
{
    int n = 0;
    for (size_t i = 0; i < o->count; i++)
        if (strncmp(o->items[i].key, "value", 5) == 0) n++;
    return n;
}

static void shape_datetime(const char *s, const char *path, int need_time)
{
    if (!shape_match(SHAPE_DATETIME, s)) SHAPE_FAIL(path, "%s is not an R4 dateTime", s);
    if (need_time && !shape_match(SHAPE_INSTANT_WITH_OFFSET, s)) SHAPE_FAIL(path, "%s has no time with offset", s);
}

static void shape_reference(const hip__json *o, const char *key, const char *patient, const char *path)
{
    const hip__json *r = hip__json_get(o, key);
    if (!r) SHAPE_FAIL(path, "%s: missing", key);
    const char *ref = shape_str(r, "reference", path);
    if (patient && strcmp(ref, patient) != 0) SHAPE_FAIL(path, "%s.reference %s, expected %s", key, ref, patient);
}

static void shape_observation(const hip__json *o, const char *patient, const char *path)
{
    const char *status = shape_str(o, "status", path);
    if (!shape_match("^(registered|preliminary|final|amended|corrected|cancelled|entered-in-error|unknown)$", status))
        SHAPE_FAIL(path, "status %s", status);
    const hip__json *code = hip__json_get(o, "code");
    if (!code) SHAPE_FAIL(path, "code: missing");
    shape_concept(code, path);
    shape_reference(o, "subject", patient, path);
    if (shape_value_count(o) > 1) SHAPE_FAIL(path, "more than one value[x]");
    const hip__json *cat = shape_array(o, "category", path, 1);
    for (size_t i = 0; i < cat->count; i++) {
        shape_concept(&cat->items[i], path);
        if (strcmp(shape_system(&cat->items[i], 0), "http://terminology.hl7.org/CodeSystem/observation-category"))
            SHAPE_FAIL(path, "category system");
    }
    const hip__json *eff = hip__json_get(o, "effectiveDateTime");
    const hip__json *per = hip__json_get(o, "effectivePeriod");
    if (!eff == !per) SHAPE_FAIL(path, "exactly one of effectiveDateTime and effectivePeriod");
    const hip__json *comps = shape_array(o, "component", path, 0);
    for (size_t i = 0; comps && i < comps->count; i++) {
        shape_concept(hip__json_get(&comps->items[i], "code"), path);
        if (shape_value_count(&comps->items[i]) != 1) SHAPE_FAIL(path, "component[%zu]: one value[x]", i);
        const hip__json *ext = hip__json_get(&comps->items[i], "extension");
        for (size_t k = 0; ext && k < ext->count; k++) shape_str(&ext->items[k], "url", path);
    }
    const char *sys = shape_system(code, 0), *c = shape_code(code, 0);
    if (strcmp(c, "72514-3") == 0) {   /* CLINICAL.md §1.5 */
        if (strcmp(sys, "http://loinc.org")) SHAPE_FAIL(path, "72514-3 outside LOINC");
        if (strcmp(hip__json_get(&hip__json_get(code, "coding")->items[0], "display")->str,
                   "Pain severity - 0-10 verbal numeric rating [Score] - Reported"))
            SHAPE_FAIL(path, "72514-3 display");
        if (strcmp(shape_code(&cat->items[0], 0), "survey")) SHAPE_FAIL(path, "pain category must be survey");
        if (!eff) SHAPE_FAIL(path, "pain needs effectiveDateTime");
        shape_datetime(eff->str, path, 1);
        const hip__json *pf = shape_array(o, "performer", path, 1);
        shape_str(&pf->items[0], "reference", path);
        const hip__json *vi = hip__json_get(o, "valueInteger");
        const hip__json *vq = hip__json_get(o, "valueQuantity");
        const hip__json *vc = hip__json_get(o, "valueCodeableConcept");
        if (vi && !(vi->is_integer && vi->integer >= 0 && vi->integer <= 10)) SHAPE_FAIL(path, "valueInteger 0..10");
        if (vq && (strcmp(shape_str(vq, "code", path), "1") || strcmp(shape_str(vq, "system", path), "http://unitsofmeasure.org")))
            SHAPE_FAIL(path, "valueQuantity UCUM 1");
        if (vc && !shape_match("^LA[0-9]+-[0-9]$", shape_code(vc, 0))) SHAPE_FAIL(path, "LA answer code");
        if (!vi && !vq && !vc) SHAPE_FAIL(path, "pain without a value");
        if (!comps || strcmp(shape_system(hip__json_get(&comps->items[0], "code"), 0), "urn:libhip:pain-context"))
            SHAPE_FAIL(path, "component[0] must be the pain context");
        if (!shape_match("^PAIN_(CURRENT|AVG_24H|AVG_7D|WORST_24H|DURING_EXERCISE|AFTER_EXERCISE|NEXT_MORNING)$",
                         shape_code(hip__json_get(&comps->items[0], "code"), 0)))
            SHAPE_FAIL(path, "pain context code");
        const hip__json *bs = hip__json_get(o, "bodySite");
        if (!bs) SHAPE_FAIL(path, "bodySite: missing");
        shape_concept(bs, path);
        shape_str(bs, "text", path);
    } else if (strcmp(sys, "urn:libhip:observation") == 0) {
        if (shape_match("^(hip-rom-(flexion|extension|abduction|adduction|internal-rotation|external-rotation)|"
                        "knee-rom-flexion)$", c)) {
            /* A movement assessment: exam, a date, the range in UCUM degrees, the side as bodySite,
             * components start and max in degrees, source and posture coded, compensations known. */
            if (strcmp(shape_code(&cat->items[0], 0), "exam")) SHAPE_FAIL(path, "assessment category");
            if (!eff) SHAPE_FAIL(path, "assessment effectiveDateTime");
            shape_datetime(eff->str, path, 0);
            const hip__json *vq = hip__json_get(o, "valueQuantity");
            if (!vq || hip__json_get(vq, "value")->type != HIP__JSON_NUMBER ||
                strcmp(shape_str(vq, "code", path), "deg") ||
                strcmp(shape_str(vq, "system", path), "http://unitsofmeasure.org"))
                SHAPE_FAIL(path, "assessment valueQuantity in UCUM deg");
            if (hip__json_get(vq, "value")->number < 0) SHAPE_FAIL(path, "negative range");
            const hip__json *bs = hip__json_get(o, "bodySite");
            if (!bs) SHAPE_FAIL(path, "bodySite: missing");
            shape_concept(bs, path);
            if (strcmp(shape_system(bs, 0), "urn:libhip:body-site") ||
                !shape_match("^(hip|knee)-(left|right)$", shape_code(bs, 0)))
                SHAPE_FAIL(path, "assessment bodySite %s", shape_code(bs, 0));
            if (!comps) SHAPE_FAIL(path, "assessment components: missing");
            int seen_start = 0, seen_max = 0, seen_source = 0;
            for (size_t i = 0; i < comps->count; i++) {
                const hip__json *cc = hip__json_get(&comps->items[i], "code");
                if (strcmp(shape_system(cc, 0), "urn:libhip:assessment-component"))
                    SHAPE_FAIL(path, "component[%zu] system", i);
                const char *k = shape_code(cc, 0);
                const hip__json *q = hip__json_get(&comps->items[i], "valueQuantity");
                const hip__json *v = hip__json_get(&comps->items[i], "valueCodeableConcept");
                if (!strcmp(k, "start") || !strcmp(k, "max")) {
                    if (!q || strcmp(shape_str(q, "code", path), "deg")) SHAPE_FAIL(path, "%s in deg", k);
                    seen_start += !strcmp(k, "start");
                    seen_max += !strcmp(k, "max");
                } else if (!strcmp(k, "duration") || !strcmp(k, "quality")) {
                    if (!q || strcmp(shape_str(q, "code", path), !strcmp(k, "duration") ? "s" : "1"))
                        SHAPE_FAIL(path, "%s unit", k);
                } else if (!strcmp(k, "source")) {
                    if (!v || !shape_match("^(imu|pose)$", shape_code(v, 0))) SHAPE_FAIL(path, "source");
                    seen_source++;
                } else if (!strcmp(k, "posture")) {
                    if (!v || !shape_match("^(standing|seated|supine|prone|side_lying)$", shape_code(v, 0)))
                        SHAPE_FAIL(path, "posture");
                } else if (!strcmp(k, "compensation")) {
                    if (!v || !shape_match("^(out_of_plane|thigh_rotation|trunk_lean|pelvic_drop)$", shape_code(v, 0)))
                        SHAPE_FAIL(path, "compensation");
                } else {
                    SHAPE_FAIL(path, "unknown assessment component %s", k);
                }
            }
            if (seen_start != 1 || seen_max != 1 || seen_source != 1)
                SHAPE_FAIL(path, "assessment needs one start, max and source component");
            return;
        }
        if (strcmp(c, "exercise-session")) SHAPE_FAIL(path, "unknown libhip observation %s", c);
        if (!per) SHAPE_FAIL(path, "a session needs effectivePeriod");
        shape_datetime(shape_str(per, "start", path), path, 1);
        shape_datetime(shape_str(per, "end", path), path, 1);
        if (strcmp(shape_code(&cat->items[0], 0), "activity")) SHAPE_FAIL(path, "session category");
    } else if (strcmp(sys, "urn:libhip:outcome-score") == 0) {
        if (!shape_match("^(HOOS|HOOS12|PSFS|IHOT12|OXFORD)(-[A-Z]+)?$", c)) SHAPE_FAIL(path, "score code %s", c);
        if (!eff) SHAPE_FAIL(path, "score effectiveDateTime");
        shape_datetime(eff->str, path, 0);
        const hip__json *vq = hip__json_get(o, "valueQuantity");
        if (!vq || hip__json_get(vq, "value")->type != HIP__JSON_NUMBER) SHAPE_FAIL(path, "score valueQuantity");
        shape_array(o, "derivedFrom", path, 1);
    } else {
        SHAPE_FAIL(path, "unexpected code system %s", sys);
    }
}

static void shape_questionnaire(const hip__json *q, const char *patient, const char *path)
{
    const char *status = shape_str(q, "status", path);
    if (!shape_match("^(in-progress|completed|amended|entered-in-error|stopped)$", status))
        SHAPE_FAIL(path, "status %s", status);
    if (!shape_match("^urn:libhip:questionnaire:[a-z0-9_]+$", shape_str(q, "questionnaire", path)))
        SHAPE_FAIL(path, "questionnaire canonical");
    shape_reference(q, "subject", patient, path);
    shape_datetime(shape_str(q, "authored", path), path, 0);
    const hip__json *items = shape_array(q, "item", path, 0);
    for (size_t i = 0; items && i < items->count; i++) {
        shape_str(&items->items[i], "linkId", path);
        const hip__json *ans = shape_array(&items->items[i], "answer", path, 1);
        if (shape_value_count(&ans->items[0]) != 1) SHAPE_FAIL(path, "item[%zu].answer: one value[x]", i);
    }
}

/* Checks one resource (recursively for a Bundle); returns its resourceType. */
static const char *shape_resource(const hip__json *r, const char *patient, const char *path)
{
    if (!r || r->type != HIP__JSON_OBJECT) SHAPE_FAIL(path, "expected a resource object");
    shape_no_empty(r, path);
    const char *type = shape_str(r, "resourceType", path);
    if (!shape_match(SHAPE_ID, shape_str(r, "id", path))) SHAPE_FAIL(path, "id");
    if (strcmp(type, "Observation") == 0) {
        shape_observation(r, patient, path);
    } else if (strcmp(type, "QuestionnaireResponse") == 0) {
        shape_questionnaire(r, patient, path);
    } else if (strcmp(type, "Bundle") == 0) {
        const char *bt = shape_str(r, "type", path);
        if (!shape_match("^(collection|transaction)$", bt)) SHAPE_FAIL(path, "Bundle.type %s", bt);
        const hip__json *es = hip__json_get(r, "entry");
        if (es && es->type != HIP__JSON_ARRAY) SHAPE_FAIL(path, "entry: expected an array");
        for (size_t i = 0; es && i < es->count; i++) {
            char p[64];
            snprintf(p, sizeof p, "%s.entry[%zu]", path, i);
            const hip__json *e = &es->items[i];
            const char *url = shape_str(e, "fullUrl", p);
            if (strncmp(url, "urn:uuid:", 9) || !shape_match(SHAPE_UUID, url + 9)) SHAPE_FAIL(p, "fullUrl %s", url);
            const hip__json *res = hip__json_get(e, "resource");
            const char *rt = shape_resource(res, patient, p);
            if (strcmp(hip__json_get(res, "id")->str, url + 9)) SHAPE_FAIL(p, "id differs from fullUrl");
            for (size_t k = 0; k < i; k++)
                if (strcmp(hip__json_get(&es->items[k], "fullUrl")->str, url) == 0) SHAPE_FAIL(p, "duplicate fullUrl");
            const hip__json *req = hip__json_get(e, "request");
            if (strcmp(bt, "transaction") == 0) {
                char want[128];
                snprintf(want, sizeof want, "%s/%s", rt, url + 9);
                if (!req || strcmp(shape_str(req, "method", p), "PUT") || strcmp(shape_str(req, "url", p), want))
                    SHAPE_FAIL(p, "request PUT %s", want);
            } else if (req) {
                SHAPE_FAIL(p, "request in a collection");
            }
            /* References inside the Bundle resolve to an entry. */
            const hip__json *df = hip__json_get(res, "derivedFrom");
            for (size_t k = 0; df && k < df->count; k++) {
                const char *ref = shape_str(&df->items[k], "reference", p);
                int found = 0;
                for (size_t j = 0; j < es->count; j++)
                    found |= strcmp(hip__json_get(&es->items[j], "fullUrl")->str, ref) == 0;
                if (!found) SHAPE_FAIL(p, "derivedFrom %s does not resolve", ref);
            }
        }
    } else {
        SHAPE_FAIL(path, "unexpected resourceType %s", type);
    }
    return type;
}

/* Parses text and checks it; returns the root's resourceType. */
static void shape_check(const char *text, size_t len, const char *patient)
{
    hip__json_doc *doc = NULL;
    hip__json_error err;
    if (hip__json_parse(NULL, text, len, NULL, &doc, &err) != HIP_OK)
        fail_msg("shape: not JSON: line %u, column %u: %s", err.line, err.col, err.message);
    shape_resource(hip__json_root(doc), patient, "$");
    hip__json_free(doc);
}

#endif
