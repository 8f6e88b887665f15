/* Evaluation: resolve the history as of a day, evaluate every rule's condition (three-valued:
 * unknown data never makes a rule fire), pick the deciding rule, apply the first alternative of
 * its action that can change the prescription, and commit decisions as program versions. */
#include "progression_internal.h"
#include "program_internal.h"

#include <math.h>
#include <string.h>

#define EPS 1e-9

/* ---- context ---- */

static int same_dose(const hip_prescription *a, const hip_prescription *b)
{
    return strcmp(a->exercise_id, b->exercise_id) == 0 && a->side == b->side && a->sets == b->sets &&
           a->reps == b->reps && a->hold_s == b->hold_s && a->tempo_concentric_s == b->tempo_concentric_s &&
           a->tempo_eccentric_s == b->tempo_eccentric_s && a->load_kg == b->load_kg &&
           a->rest_s == b->rest_s && a->pain_ceiling == b->pain_ceiling;
}

/* The first day of the run of versions, ending with the current one, that prescribe this exercise
 * exactly as now. */
static int32_t change_day_of(const hip_program *p, size_t vi, const hip_prescription *rx)
{
    hip_program_version v;
    hip_program_version_at(p, vi, &v);
    int32_t day = v.effective_day;
    for (size_t j = vi; j-- > 0;) {
        hip_program_version_at(p, j, &v);
        int same = 0;
        for (size_t k = 0; k < v.exercise_count && !same; k++) {
            hip_prescription o;
            same = hip_program_exercise_at(p, j, k, &o) == HIP_OK && same_dose(&o, rx);
        }
        if (!same) break;
        day = v.effective_day;
    }
    return day;
}

/* Resolves what is common to every exercise on the day. flare_buf holds HIP__FLARE_CAP. */
static hip_status ctx_day(hip__ctx *c, const hip_ruleset *rs, const hip_progression_history *h,
                          int32_t day, hip_pain_flare *flare_buf)
{
    if (!rs || !h || h->struct_size < sizeof *h || !h->program || (!h->sessions && h->session_count) ||
        (!h->checkins && h->checkin_count))
        return HIP_ERR_INVALID;
    for (size_t i = 0; i < h->session_count; i++)
        if (!h->sessions[i]) return HIP_ERR_INVALID;
    memset(c, 0, sizeof *c);
    c->rs = rs;
    c->h = h;
    c->day = day;
    hip_status st = hip_program_version_on(h->program, day, &c->version_index);
    if (st != HIP_OK) return st;
    hip_program_version_at(h->program, c->version_index, &c->version);
    st = hip__red_flags_as_of(&rs->cfg, h->checkins, h->checkin_count, day, &c->red_flags, &c->tier);
    if (st != HIP_OK) return st;
    c->flares = flare_buf;
    c->flare_known = 1;
    if (h->painlog) {
        size_t n = 0;
        st = hip_painlog_flares(h->painlog, HIP_PAIN_CONTEXT_AVG_24H, flare_buf, HIP__FLARE_CAP, &n);
        if (st == HIP_OK) {
            c->n_flares = n;
        } else if (st == HIP_ERR_BUFSIZE) {   /* only the oldest are known: beyond them, unknown */
            c->n_flares = HIP__FLARE_CAP;
            const hip_pain_flare *f = &flare_buf[HIP__FLARE_CAP - 1];
            c->flare_known = !f->ongoing && day < f->off_day;
        }
    }
    return HIP_OK;
}

static hip_status ctx_exercise(hip__ctx *c, size_t index)
{
    if (index >= c->version.exercise_count) return HIP_ERR_RANGE;
    c->exercise_index = index;
    hip_program_exercise_at(c->h->program, c->version_index, index, &c->rx);
    c->change_day = change_day_of(c->h->program, c->version_index, &c->rx);
    return HIP_OK;
}

/* ---- conditions ---- */

typedef struct inputs {
    size_t n;
    hip_progression_input in[HIPTRACK_PROGRESSION_MAX_INPUTS];
} inputs;

static int compare(double a, hip_progression_cmp op, double b)
{
    switch (op) {
    case HIP_PROGRESSION_CMP_LT: return a < b - EPS;
    case HIP_PROGRESSION_CMP_LE: return a <= b + EPS;
    case HIP_PROGRESSION_CMP_GT: return a > b + EPS;
    case HIP_PROGRESSION_CMP_GE: return a >= b - EPS;
    case HIP_PROGRESSION_CMP_EQ: return fabs(a - b) <= EPS;
    default: return fabs(a - b) > EPS;
    }
}

static void copy_name(char dst[HIPTRACK_RULE_NAME_CAP], const char *src)
{
    size_t n = strlen(src);
    if (n >= HIPTRACK_RULE_NAME_CAP) n = HIPTRACK_RULE_NAME_CAP - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* 1 true, 0 false, -1 unknown (Kleene logic). Every comparison is evaluated and recorded. */
static int eval_node(const hip__ctx *c, size_t i, inputs *rec)
{
    const hip__node *n = &c->rs->nodes[i];
    if (n->type == HIP__N_AND || n->type == HIP__N_OR) {
        int a = eval_node(c, n->a, rec), b = eval_node(c, n->b, rec);
        if (n->type == HIP__N_AND) return a == 0 || b == 0 ? 0 : a == 1 && b == 1 ? 1 : -1;
        return a == 1 || b == 1 ? 1 : a == 0 && b == 0 ? 0 : -1;
    }
    if (n->type == HIP__N_NOT) {
        int a = eval_node(c, n->a, rec);
        return a < 0 ? -1 : !a;
    }
    hip__mval v = hip__metric_value(c, n);
    int r;
    double thr = 0;
    if (n->type == HIP__N_KNOWN) {
        r = v.known;
    } else {
        thr = hip__val_get(c->rs, &n->rhs);
        r = v.known ? compare(v.value, n->cmp, thr) : -1;
    }
    if (rec->n < HIPTRACK_PROGRESSION_MAX_INPUTS) {
        hip_progression_input *in = &rec->in[rec->n++];
        memset(in, 0, sizeof *in);
        copy_name(in->metric, hip__metrics[n->metric].name);
        in->aggregate = n->agg;
        in->window = n->unit == HIP_PROGRESSION_WINDOW_NONE ? 0 : (uint32_t)hip__val_get(c->rs, &n->window);
        in->window_unit = n->unit;
        in->known = v.known;
        in->value = v.known ? v.value : 0;
        in->comparison = n->cmp;
        in->threshold = thr;
        if (n->type == HIP__N_CMP && n->rhs.param >= 0)
            copy_name(in->threshold_param, c->rs->params[n->rhs.param].info.name);
        in->result = r;
    }
    return r;
}

/* ---- actions ---- */

static double round_step(double x, double step) { return floor(x / step + 0.5) * step; }

static int in_version(const hip__ctx *c, const char *id)
{
    for (size_t k = 0; k < c->version.exercise_count; k++) {
        hip_prescription o;
        if (k != c->exercise_index && hip_program_exercise_at(c->h->program, c->version_index, k, &o) == HIP_OK &&
            o.side == c->rx.side && strcmp(o.exercise_id, id) == 0)
            return 1;
    }
    return 0;
}

/* Advance/regress: the first harder/easier variant not already prescribed on this side. */
static int variant(const hip__ctx *c, int harder, hip_prescription *after)
{
    if (!c->h->catalog) return 0;
    hip_exercise e;
    for (size_t k = 0;; k++) {
        hip_status st = harder ? hip_catalog_harder(c->h->catalog, c->rx.exercise_id, k, &e)
                               : hip_catalog_easier(c->h->catalog, c->rx.exercise_id, k, &e);
        if (st != HIP_OK) return 0;
        if (!in_version(c, e.id)) break;
    }
    *after = c->rx;
    memcpy(after->exercise_id, e.id, sizeof after->exercise_id);
    if (e.dose.reps_min == 0) {          /* a hold-only variant */
        after->reps = 0;
        if (e.dose.hold_s_min > 0) after->hold_s = e.dose.hold_s_min;
        if (after->hold_s <= 0) return 0;
    } else if (harder || c->rx.reps == 0) {   /* a harder variant starts at the low end of its dose */
        after->reps = e.dose.reps_min > 100 ? 100 : e.dose.reps_min;
    }
    return 1;
}

static double get_var(const hip_prescription *p, hip_progression_variable v)
{
    switch (v) {
    case HIP_PROGRESSION_VAR_REPS: return p->reps;
    case HIP_PROGRESSION_VAR_SETS: return p->sets;
    case HIP_PROGRESSION_VAR_HOLD: return p->hold_s;
    default: return p->load_kg;
    }
}

static int dose_bound(const hip__ctx *c, hip_progression_variable v, int upper, double *out)
{
    hip_exercise e;
    if (!c->h->catalog || hip_catalog_find(c->h->catalog, c->rx.exercise_id, &e) != HIP_OK) return 0;
    switch (v) {
    case HIP_PROGRESSION_VAR_REPS: *out = upper ? e.dose.reps_max : e.dose.reps_min; break;
    case HIP_PROGRESSION_VAR_SETS: *out = upper ? e.dose.sets_max : e.dose.sets_min; break;
    default: *out = upper ? e.dose.hold_s_max : e.dose.hold_s_min; break;
    }
    return 1;
}

static int change(const hip__ctx *c, const hip__action *a, hip_prescription *after)
{
    const hip_ruleset *rs = c->rs;
    double cur = get_var(&c->rx, a->var);
    int whole = a->var == HIP_PROGRESSION_VAR_REPS || a->var == HIP_PROGRESSION_VAR_SETS;
    if (a->var == HIP_PROGRESSION_VAR_REPS && c->rx.reps == 0) return 0;   /* hold-only */
    double step = a->has_step ? hip__val_get(rs, &a->step) : whole ? 1 : a->var == HIP_PROGRESSION_VAR_LOAD ? 0.5 : 1;
    if (whole && step < 1) step = 1;
    double amount = hip__val_get(rs, &a->amount), nv;
    if (a->percent) {
        if (cur <= 0) return 0;   /* no percent of nothing (body weight, no hold) */
        double r = round_step(cur * (1 + a->sign * amount / 100), step);
        nv = a->sign > 0 ? fmax(cur + step, r) : fmin(cur - step, r);
    } else {
        nv = cur + a->sign * amount;
        if (a->has_step) nv = round_step(nv, step);
    }
    if (whole) nv = floor(nv + 0.5);
    double bound;
    if (a->bound == HIP__BOUND_VALUE) bound = hip__val_get(rs, &a->bound_val);
    else if (a->bound == HIP__BOUND_DOSE) { if (!dose_bound(c, a->var, a->sign > 0, &bound)) return 0; }
    else bound = a->sign > 0 ? 1e9 : -1e9;
    nv = a->sign > 0 ? fmin(nv, bound) : fmax(nv, bound);
    /* The prescription's own domain. */
    double lo = whole ? 1 : 0, hi = a->var == HIP_PROGRESSION_VAR_REPS ? 100 : a->var == HIP_PROGRESSION_VAR_SETS ? 20
                                : a->var == HIP_PROGRESSION_VAR_HOLD ? 3600 : 500;
    if (a->var == HIP_PROGRESSION_VAR_HOLD && c->rx.reps == 0) lo = step < cur ? step : cur;
    nv = fmin(fmax(nv, lo), hi);
    if (a->sign > 0 ? !(nv > cur + EPS) : !(nv < cur - EPS)) return 0;
    if (a->has_cap && (cur <= 0 || fabs(nv - cur) / cur * 100 > hip__val_get(rs, &a->cap) + EPS)) return 0;
    *after = c->rx;
    switch (a->var) {
    case HIP_PROGRESSION_VAR_REPS: after->reps = (uint32_t)nv; break;
    case HIP_PROGRESSION_VAR_SETS: after->sets = (uint32_t)nv; break;
    case HIP_PROGRESSION_VAR_HOLD: after->hold_s = nv; break;
    default: after->load_kg = nv; break;
    }
    return 1;
}

/* The first alternative that applies; 0 when none does. */
static int apply_rule(const hip__ctx *c, const hip__rule *r, hip_progression_decision *d)
{
    for (size_t k = 0; k < r->n_actions; k++) {
        const hip__action *a = &c->rs->actions[r->first_action + k];
        hip_prescription after = c->rx;
        int ok;
        switch (a->kind) {
        case HIP_PROGRESSION_ADVANCE: ok = variant(c, 1, &after); break;
        case HIP_PROGRESSION_REGRESS: ok = variant(c, 0, &after); break;
        case HIP_PROGRESSION_CHANGE: ok = change(c, a, &after); break;
        default: ok = 1; break;
        }
        if (ok) {
            d->action = a->kind;
            d->variable = a->kind == HIP_PROGRESSION_CHANGE ? a->var : HIP_PROGRESSION_VAR_NONE;
            d->after = after;
            return 1;
        }
    }
    return 0;
}

/* ---- decisions ---- */

static int better(const hip__rule *a, size_t ia, const hip__rule *b, size_t ib)
{
    if (a->cls != b->cls) return a->cls > b->cls;
    if (a->priority != b->priority) return a->priority > b->priority;
    return ia < ib;
}

static void decide(const hip__ctx *c, hip_progression_decision *d)
{
    const hip_ruleset *rs = c->rs;
    memset(d, 0, sizeof *d);
    d->day = c->day;
    d->effective_day = c->day + 1;
    d->program_version = c->version.number;
    d->exercise_index = c->exercise_index;
    d->before = d->after = c->rx;
    d->red_flags = c->red_flags;
    d->red_flag_tier = c->tier;
    d->rule_class = HIP_PROGRESSION_CLASS_KEEP;
    d->action = HIP_PROGRESSION_KEEP;
    long best = -1;
    inputs rec, best_rec;
    memset(&rec, 0, sizeof rec);   /* copied whole into the decision: no uninitialised bytes */
    memset(&best_rec, 0, sizeof best_rec);
    for (size_t i = 0; i < rs->n_rules; i++) {
        const hip__rule *r = &rs->rules[i];
        if (best >= 0 && !better(r, i, &rs->rules[best], (size_t)best)) continue;
        rec.n = 0;
        if (eval_node(c, r->cond, &rec) == 1) {
            best = (long)i;
            best_rec = rec;
        }
    }
    const hip__rule *r = best >= 0 ? &rs->rules[best] : NULL;
    if (c->tier != HIP_RED_FLAG_NONE && (!r || r->cls != HIP_PROGRESSION_CLASS_REFER)) {
        /* The guard: whatever the rules say, an uncleared red flag stops automatic changes. */
        strcpy(d->rule_id, "red_flag_guard");
        d->rule_class = HIP_PROGRESSION_CLASS_REFER;
        d->priority = 1000;
        d->action = HIP_PROGRESSION_REFER;
        d->input_count = 1;
        hip_progression_input *in = &d->inputs[0];
        strcpy(in->metric, "red_flag");
        in->known = 1;
        in->value = c->tier;
        in->comparison = HIP_PROGRESSION_CMP_GE;
        in->threshold = 1;
        in->result = 1;
        hip__explain(c, NULL, d);
        return;
    }
    if (r) {
        memcpy(d->rule_id, r->id, sizeof d->rule_id);
        d->rule_class = r->cls;
        d->priority = r->priority;
        d->input_count = best_rec.n;
        memcpy(d->inputs, best_rec.in, sizeof best_rec.in);
        if (!apply_rule(c, r, d)) d->limited = 1;   /* stays KEEP */
    }
    hip__explain(c, r, d);
}

void hip_progression_history_init(hip_progression_history *h)
{
    if (!h) return;
    memset(h, 0, sizeof *h);
    h->struct_size = sizeof *h;
}

hip_status hip_progression_evaluate(const hip_ruleset *rs, const hip_progression_history *h,
                                    int32_t day, size_t exercise_index, hip_progression_decision *out)
{
    if (!out) return HIP_ERR_INVALID;
    hip__ctx c;
    hip_pain_flare flares[HIP__FLARE_CAP];
    hip_status st = ctx_day(&c, rs, h, day, flares);
    if (st == HIP_OK) st = ctx_exercise(&c, exercise_index);
    if (st != HIP_OK) return st;
    decide(&c, out);
    return HIP_OK;
}

hip_status hip__evaluate_day(const hip_ruleset *rs, const hip_progression_history *h, int32_t day,
                             hip_progression_decision *out, size_t cap, size_t *count_out)
{
    hip__ctx c;
    hip_pain_flare flares[HIP__FLARE_CAP];
    hip_status st = ctx_day(&c, rs, h, day, flares);
    if (st != HIP_OK) return st;
    *count_out = c.version.exercise_count;
    if (!out) return HIP_OK;
    if (cap < c.version.exercise_count) return HIP_ERR_BUFSIZE;
    for (size_t i = 0; i < c.version.exercise_count; i++) {
        ctx_exercise(&c, i);
        decide(&c, &out[i]);
    }
    return HIP_OK;
}

hip_status hip_progression_apply(const hip_progression_decision *d, const hip_catalog *catalog,
                                 hip_program *program)
{
    if (!d || !program) return HIP_ERR_INVALID;
    if (d->action != HIP_PROGRESSION_CHANGE && d->action != HIP_PROGRESSION_ADVANCE &&
        d->action != HIP_PROGRESSION_REGRESS)
        return (unsigned)d->action <= HIP_PROGRESSION_REFER ? HIP_DONE : HIP_ERR_INVALID;
    size_t n = hip_program_version_count(program), draft;
    if (hip_program_draft_count(program, &draft) == HIP_OK) return HIP_ERR_STATE;
    hip_program_version v;
    if (n == 0 || hip_program_version_at(program, n - 1, &v) != HIP_OK || v.number < d->program_version)
        return HIP_ERR_STATE;
    hip_prescription cur;
    if (hip_program_exercise_at(program, n - 1, d->exercise_index, &cur) != HIP_OK ||
        !same_dose(&cur, &d->before))
        return HIP_ERR_STATE;
    if (catalog && d->action != HIP_PROGRESSION_CHANGE) {
        hip_exercise e;
        if (hip_catalog_find(catalog, d->after.exercise_id, &e) != HIP_OK) return HIP_ERR_NOT_FOUND;
    }
    char note[HIPTRACK_TEXT_CAP];
    memcpy(note, d->text, sizeof note);
    note[sizeof note - 1] = 0;
    if (memchr(d->text, 0, sizeof d->text) == NULL) return HIP_ERR_INVALID;
    hip_status st = hip_program_begin(program, d->effective_day, v.sessions_per_week, note);
    if (st != HIP_OK) return st;
    st = hip_program_replace(program, d->exercise_index, &d->after);
    if (st == HIP_OK) st = hip_program_commit(program);
    if (st != HIP_OK) {   /* close the draft, keeping the program's message */
        hip__error saved = program->err;
        hip_program_discard(program);
        program->err = saved;
    }
    return st;
}
