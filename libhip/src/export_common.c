/* What the FHIR and CSV exports share: libhip's pain vocabulary as codes, content-derived ids, and
 * the checks of a config and an input. */
#include "export_internal.h"

#include <stddef.h>
#include <string.h>

const char *const hip__fhir_context_codes[7] = {
    "PAIN_CURRENT",         "PAIN_AVG_24H",        "PAIN_AVG_7D",      "PAIN_WORST_24H",
    "PAIN_DURING_EXERCISE", "PAIN_AFTER_EXERCISE", "PAIN_NEXT_MORNING"};
const char *const hip__fhir_context_text[7] = {
    "pain right now",          "average over last 24 h",     "average over last 7 days",
    "worst in last 24 h",      "highest during the session", "within 1 h after the session",
    "on waking the morning after a session"};
const char *const hip__fhir_answer_codes[11] = {
    "LA6111-4",  "LA6112-2",  "LA6113-0",  "LA6114-8",  "LA6115-5",  "LA10137-0",
    "LA10138-8", "LA10139-6", "LA10140-4", "LA10141-2", "LA13942-0"};

/* ---- ids ---------------------------------------------------------------------------------- */

/* Two FNV-1a 64 lanes with different offset bases: not cryptographic, but stable across platforms
 * and builds, which is what a re-export that must update rather than duplicate needs. */
#define HIP__FNV_PRIME 0x100000001b3ULL

void hip__idhash_bytes(hip__idhash *h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h->a = (h->a ^ s[i]) * HIP__FNV_PRIME;
        h->b = (h->b ^ (unsigned char)(s[i] + 0x5b)) * HIP__FNV_PRIME;
    }
}

void hip__idhash_str(hip__idhash *h, const char *s) { hip__idhash_bytes(h, s, strlen(s) + 1); }

void hip__idhash_i64(hip__idhash *h, int64_t v)
{
    unsigned char b[8];
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++) b[i] = (unsigned char)(u >> (8 * i));   /* fixed byte order */
    hip__idhash_bytes(h, b, 8);
}

void hip__idhash_init(hip__idhash *h, const char *kind, const char *patient)
{
    h->a = 0xcbf29ce484222325ULL;
    h->b = 0x84222325cbf29ce4ULL;
    hip__idhash_str(h, "libhip-fhir-1");
    hip__idhash_str(h, kind);
    hip__idhash_str(h, patient);
}

void hip__idhash_uuid(const hip__idhash *h, char out[HIPTRACK_FHIR_ID_CAP])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char b[16];
    for (int i = 0; i < 8; i++) {
        b[i] = (unsigned char)(h->a >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(h->b >> (56 - 8 * i));
    }
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x80);   /* version 8: custom */
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);   /* variant RFC 9562 */
    size_t k = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out[k++] = '-';
        out[k++] = hex[b[i] >> 4];
        out[k++] = hex[b[i] & 15];
    }
    out[k] = '\0';
}

/* ---- checks ------------------------------------------------------------------------------- */

static int is_id_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.';
}

int hip__fhir_patient_ok(const char *s, size_t cap)
{
    const char *nul = memchr(s, '\0', cap);
    if (!nul) return 0;
    size_t n = (size_t)(nul - s);
    if (n > 8 && memcmp(s, "Patient/", 8) == 0) {
        if (n - 8 > 64) return 0;
        for (size_t i = 8; i < n; i++)
            if (!is_id_char(s[i])) return 0;
        return 1;
    }
    if (n == 9 + 36 && memcmp(s, "urn:uuid:", 9) == 0) {
        for (size_t i = 9; i < n; i++) {
            size_t k = i - 9;
            char c = s[i];
            if (k == 8 || k == 13 || k == 18 || k == 23) {
                if (c != '-') return 0;
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return 0;
            }
        }
        return 1;
    }
    return 0;
}

int hip__fhir_config_ok(const hip_fhir_config *c)
{
    return c && c->struct_size >= sizeof *c && (unsigned)c->bundle_type <= HIP_FHIR_BUNDLE_TRANSACTION &&
           (unsigned)c->pain_value <= HIP_FHIR_PAIN_VALUE_ANSWER &&
           (c->snomed_body_site == 0 || c->snomed_body_site == 1) &&
           (c->pretty == 0 || c->pretty == 1) && hip__fhir_patient_ok(c->patient, sizeof c->patient);
}

/* The size of hip_export_input before the assessments were appended: callers built against that
 * header keep working. */
#define HIP__EXPORT_INPUT_V1_SIZE offsetof(hip_export_input, assessments)

size_t hip__export_assessment_count(const hip_export_input *in)
{
    return in->struct_size >= sizeof *in ? in->assessment_count : 0;
}

int hip__export_input_ok(const hip_export_input *in)
{
    if (!in || in->struct_size < HIP__EXPORT_INPUT_V1_SIZE) return 0;
    if (hip__export_assessment_count(in) && !in->assessments) return 0;
    if (in->session_count && !in->sessions) return 0;
    for (size_t i = 0; i < in->session_count; i++)
        if (!in->sessions[i]) return 0;
    if (in->outcome_count && !in->outcomes) return 0;
    for (size_t i = 0; i < in->outcome_count; i++)
        if (!in->outcomes[i]) return 0;
    return 1;
}

void hip_fhir_config_init(hip_fhir_config *c)
{
    if (!c) return;
    memset(c, 0, sizeof *c);
    c->struct_size = sizeof *c;
    c->bundle_type = HIP_FHIR_BUNDLE_COLLECTION;
    c->pain_value = HIP_FHIR_PAIN_VALUE_INTEGER;
}

void hip_export_input_init(hip_export_input *in)
{
    if (!in) return;
    memset(in, 0, sizeof *in);
    in->struct_size = sizeof *in;
}

/* ---- body site ---------------------------------------------------------------------------- */

static const char *const loc_words[9] = {"hip",           "groin",          "lateral hip",
                                         "buttock",       "anterior thigh", "inner thigh",
                                         "lateral thigh", "knee (referred)", "low back"};

static void copy(char *buf, size_t cap, const char *a, const char *b, const char *c)
{
    size_t n = 0;
    const char *parts[3] = {a, b, c};
    for (int p = 0; p < 3; p++)
        for (const char *s = parts[p]; *s && n + 1 < cap; s++) buf[n++] = *s;
    if (cap) buf[n] = '\0';
}

void hip__body_site_code(hip_pain_location loc, hip_pain_side side, char *buf, size_t cap)
{
    const char *l = hip_pain_location_name(loc);
    if (side == HIP_PAIN_SIDE_UNSPECIFIED) copy(buf, cap, l, "", "");
    else copy(buf, cap, l, "-", hip_pain_side_name(side));
}

void hip__body_site_text(hip_pain_location loc, hip_pain_side side, char *buf, size_t cap)
{
    const char *w = (unsigned)loc <= HIP_PAIN_LOCATION_LOW_BACK ? loc_words[loc] : "hip";
    switch (side) {
    case HIP_PAIN_SIDE_LEFT: copy(buf, cap, "Left ", w, ""); return;
    case HIP_PAIN_SIDE_RIGHT: copy(buf, cap, "Right ", w, ""); return;
    case HIP_PAIN_SIDE_BOTH: copy(buf, cap, "Both sides, ", w, ""); return;
    default:
        copy(buf, cap, w, "", "");
        if (cap > 1 && buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
        return;
    }
}
