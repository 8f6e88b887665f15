/* The one-sentence explanation of a decision: "<exercise>: <what>, because <why> [<inputs>]."
 * Numbers are printed locale-free with at most two decimals; the sentence is cut (at a UTF-8
 * boundary, with "...") to fit HIPTRACK_PROGRESSION_TEXT_CAP. */
#include "progression_internal.h"

#include <stdio.h>
#include <string.h>

#include "numtext.h"

typedef struct sb {
    char *buf;
    size_t cap, len;
    int full;
} sb;

static void add(sb *b, const char *s)
{
    size_t n = strlen(s);
    if (b->full || b->len + n >= b->cap) { b->full = 1; return; }
    memcpy(b->buf + b->len, s, n + 1);
    b->len += n;
}

/* Trailing zeros removed: 10.5, 3.33, 12. */
static void num(char *out, size_t cap, double v)
{
    if (hip__format_fixed(out, cap, v, 2) == 0) { snprintf(out, cap, "?"); return; }
    if (strchr(out, '.')) {
        size_t n = strlen(out);
        while (n > 0 && out[n - 1] == '0') out[--n] = 0;
        if (n > 0 && out[n - 1] == '.') out[--n] = 0;
    }
    if (strcmp(out, "-0") == 0) strcpy(out, "0");
}

static const char *unit_of(hip_progression_variable v)
{
    return v == HIP_PROGRESSION_VAR_HOLD ? " s" : v == HIP_PROGRESSION_VAR_LOAD ? " kg" : "";
}

static double var_of(const hip_prescription *p, hip_progression_variable v)
{
    return v == HIP_PROGRESSION_VAR_REPS ? p->reps : v == HIP_PROGRESSION_VAR_SETS ? p->sets
         : v == HIP_PROGRESSION_VAR_HOLD ? p->hold_s : p->load_kg;
}

static void what(sb *b, const hip_progression_decision *d, const hip__rule *rule)
{
    char x[48], y[48], t[160];
    switch (d->action) {
    case HIP_PROGRESSION_CHANGE:
        num(x, sizeof x, var_of(&d->before, d->variable));
        num(y, sizeof y, var_of(&d->after, d->variable));
        snprintf(t, sizeof t, "%s %s -> %s%s", hip_progression_variable_name(d->variable), x, y,
                 unit_of(d->variable));
        add(b, t);
        break;
    case HIP_PROGRESSION_ADVANCE: add(b, "advance to "); add(b, d->after.exercise_id); break;
    case HIP_PROGRESSION_REGRESS: add(b, "regress to "); add(b, d->after.exercise_id); break;
    case HIP_PROGRESSION_PAUSE: add(b, "pause progression"); break;
    case HIP_PROGRESSION_REFER:
        add(b, "refer to a clinician");
        if (d->red_flag_tier != HIP_RED_FLAG_NONE) {
            snprintf(t, sizeof t, " (%s:", hip_red_flag_tier_name(d->red_flag_tier));
            add(b, t);
            for (int i = 0; i < 16; i++)
                if (d->red_flags & (1u << i)) {
                    snprintf(t, sizeof t, " RF-%02d", i + 1);
                    add(b, t);
                }
            add(b, ")");
        }
        break;
    default:
        add(b, "keep as prescribed");
        if (!rule) add(b, ": no rule applies");
        else if (d->limited)
            add(b, rule->cls == HIP_PROGRESSION_CLASS_PROGRESS ? " (no further step is possible)"
                                                              : " (no smaller step is possible)");
        break;
    }
}

void hip__explain(const hip__ctx *c, const hip__rule *rule, hip_progression_decision *d)
{
    char text[512];
    sb b = {text, sizeof text, 0, 0};
    text[0] = 0;
    add(&b, c->rx.exercise_id);
    add(&b, ": ");
    what(&b, d, rule);
    if (rule || d->input_count) {
        add(&b, ", because ");
        add(&b, rule ? (rule->say[0] ? rule->say : rule->id)
                     : "a red-flag symptom was reported and has not been cleared by a clinician");
        add(&b, " [");
        for (size_t i = 0; i < d->input_count; i++) {
            const hip_progression_input *in = &d->inputs[i];
            char v[48], t[160];
            if (i) add(&b, "; ");
            if (in->comparison == HIP_PROGRESSION_CMP_KNOWN) {
                snprintf(t, sizeof t, "%s %s", in->metric, in->known ? "known" : "unknown");
            } else {
                char thr[48];
                num(thr, sizeof thr, in->threshold);
                if (in->known) num(v, sizeof v, in->value); else strcpy(v, "unknown");
                snprintf(t, sizeof t, "%s %s %s %s", in->metric, v, hip_progression_cmp_name(in->comparison),
                         thr);
            }
            add(&b, t);
        }
        add(&b, "]");
    }
    add(&b, ".");
    /* Fit the sentence: cut at a UTF-8 boundary and mark the cut. */
    size_t cap = sizeof d->text;
    if (b.full || b.len >= cap) {
        size_t n = b.len < cap - 4 ? b.len : cap - 4;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
        memcpy(text + n, "...", 4);
    }
    memcpy(d->text, text, strlen(text) + 1 <= cap ? strlen(text) + 1 : cap);
    d->text[cap - 1] = 0;
}
