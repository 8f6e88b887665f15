/* The rule-set handle, its params, red flags from check-ins (CLINICAL.md §3.6), the PROG-LOAD
 * step (§3.3) and the names of the enums. */
#include "progression_internal.h"

#include <math.h>
#include <string.h>

#include "alloc.h"

void hip_ruleset_config_init(hip_ruleset_config *config)
{
    if (!config) return;
    memset(config, 0, sizeof *config);
    config->struct_size = sizeof *config;
    config->include_builtin = 1;
    config->red_flags_enabled = HIPTRACK_RED_FLAG_ALL;
    config->rest_pain_red_flag = 8;
    config->usual_window_days = 7;
    config->usual_min_logs = 3;
}

static int config_valid(const hip_ruleset_config *c)
{
    return c->struct_size >= sizeof *c && hip__alloc_valid(&c->allocator) &&
           (c->include_builtin == 0 || c->include_builtin == 1) &&
           (c->red_flags_enabled & ~HIPTRACK_RED_FLAG_ALL) == 0 && c->rest_pain_red_flag >= 1 &&
           c->rest_pain_red_flag <= 10 && c->usual_window_days >= 1 && c->usual_window_days <= 60 &&
           c->usual_min_logs >= 1 && c->usual_min_logs <= c->usual_window_days;
}

hip_status hip_ruleset_create(const hip_ruleset_config *config, hip_ruleset **out)
{
    if (!out) return HIP_ERR_INVALID;
    *out = NULL;
    hip_ruleset_config defaults;
    if (!config) {
        hip_ruleset_config_init(&defaults);
        config = &defaults;
    }
    if (!config_valid(config)) return HIP_ERR_INVALID;
    hip_ruleset *rs = hip__calloc(&config->allocator, 1, sizeof *rs);
    if (!rs) return HIP_ERR_NOMEM;
    rs->alloc = config->allocator;
    rs->cfg = *config;
    rs->cfg.struct_size = sizeof rs->cfg;
    if (config->include_builtin) {
        const char *text = hip_progression_builtin_rules();
        hip_status st = hip__rules_parse(rs, text, strlen(text));
        if (st != HIP_OK) {   /* only HIP_ERR_NOMEM: the built-in text is tested */
            hip_ruleset_destroy(rs);
            return st == HIP_ERR_NOMEM ? st : HIP_ERR_FORMAT;
        }
    }
    *out = rs;
    return HIP_OK;
}

void hip_ruleset_destroy(hip_ruleset *rs)
{
    if (!rs) return;
    hip_allocator a = rs->alloc;
    hip__free(&a, rs->rules);
    hip__free(&a, rs->nodes);
    hip__free(&a, rs->actions);
    hip__free(&a, rs->params);
    hip__free(&a, rs);
}

const char *hip_ruleset_last_error(const hip_ruleset *rs) { return rs ? hip__errmsg(&rs->err) : ""; }

void hip_ruleset_error_position(const hip_ruleset *rs, uint32_t *line_out, uint32_t *column_out)
{
    if (line_out) *line_out = rs ? rs->err_line : 0;
    if (column_out) *column_out = rs ? rs->err_col : 0;
}

hip_status hip_ruleset_parse(hip_ruleset *rs, const char *text, size_t len)
{
    if (!rs) return HIP_ERR_INVALID;
    hip__clearerr(&rs->err);
    rs->err_line = rs->err_col = 0;
    if (!text && len) return hip__seterr(&rs->err, HIP_ERR_INVALID, "text is NULL");
    if (len > HIP__RULES_MAX_TEXT)
        return hip__seterr(&rs->err, HIP_ERR_FORMAT, "the text is longer than 1 MiB");
    return hip__rules_parse(rs, text ? text : "", len);
}

hip_status hip_ruleset_export_text(const hip_ruleset *rs, char *buf, size_t cap, size_t *len_out)
{
    if (!rs || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    size_t n = hip__rules_print(rs, buf, cap);
    *len_out = n;
    if (buf && cap <= n) return HIP_ERR_BUFSIZE;
    return HIP_OK;
}

size_t hip_ruleset_count(const hip_ruleset *rs) { return rs ? rs->n_rules : 0; }

hip_status hip_ruleset_rule_at(const hip_ruleset *rs, size_t index, hip_rule_info *out)
{
    if (!rs || !out) return HIP_ERR_INVALID;
    if (index >= rs->n_rules) return HIP_ERR_RANGE;
    const hip__rule *r = &rs->rules[index];
    memset(out, 0, sizeof *out);
    memcpy(out->id, r->id, sizeof out->id);
    out->priority = r->priority;
    out->rule_class = r->cls;
    out->line = r->line;
    out->alternative_count = r->n_actions;
    return HIP_OK;
}

hip_status hip_ruleset_find(const hip_ruleset *rs, const char *id, size_t *index_out)
{
    if (!rs || !id || !index_out) return HIP_ERR_INVALID;
    for (size_t i = 0; i < rs->n_rules; i++)
        if (strcmp(rs->rules[i].id, id) == 0) {
            *index_out = i;
            return HIP_OK;
        }
    return HIP_ERR_NOT_FOUND;
}

size_t hip_ruleset_param_count(const hip_ruleset *rs) { return rs ? rs->n_params : 0; }

hip_status hip_ruleset_param_at(const hip_ruleset *rs, size_t index, hip_rule_param *out)
{
    if (!rs || !out) return HIP_ERR_INVALID;
    if (index >= rs->n_params) return HIP_ERR_RANGE;
    *out = rs->params[index].info;
    return HIP_OK;
}

static long param_index(const hip_ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->n_params; i++)
        if (strcmp(rs->params[i].info.name, name) == 0) return (long)i;
    return -1;
}

hip_status hip_ruleset_get_param(const hip_ruleset *rs, const char *name, double *value_out)
{
    if (!rs || !name || !value_out) return HIP_ERR_INVALID;
    long i = param_index(rs, name);
    if (i < 0) return HIP_ERR_NOT_FOUND;
    *value_out = rs->params[i].info.value;
    return HIP_OK;
}

hip_status hip_ruleset_set_param(hip_ruleset *rs, const char *name, double value)
{
    if (!rs) return HIP_ERR_INVALID;
    hip__clearerr(&rs->err);
    rs->err_line = rs->err_col = 0;
    if (!name) return hip__seterr(&rs->err, HIP_ERR_INVALID, "name is NULL");
    long i = param_index(rs, name);
    if (i < 0) return hip__seterr(&rs->err, HIP_ERR_NOT_FOUND, "no param \"%.40s\"", name);
    hip_rule_param *p = &rs->params[i].info;
    if (!(value >= p->min_value && value <= p->max_value) ||
        (p->integer && value != floor(value)))
        return hip__seterr(&rs->err, HIP_ERR_RANGE, "%s: the value is outside the range its rules allow%s",
                           p->name, p->integer ? " (a whole number)" : "");
    p->value = value;
    return HIP_OK;
}

/* ---- red flags ---- */

/* Tier of RF-01..RF-16 (CLINICAL.md §3.6 table). */
static const hip_red_flag_tier rf_tier[16] = {
    HIP_RED_FLAG_EMERGENCY, HIP_RED_FLAG_EMERGENCY, HIP_RED_FLAG_EMERGENCY, HIP_RED_FLAG_EMERGENCY,
    HIP_RED_FLAG_EMERGENCY, HIP_RED_FLAG_URGENT, HIP_RED_FLAG_URGENT, HIP_RED_FLAG_URGENT,
    HIP_RED_FLAG_URGENT, HIP_RED_FLAG_URGENT, HIP_RED_FLAG_URGENT, HIP_RED_FLAG_URGENT,
    HIP_RED_FLAG_PROMPT, HIP_RED_FLAG_PROMPT, HIP_RED_FLAG_URGENT, HIP_RED_FLAG_PROMPT};

hip_red_flag_tier hip__red_flag_tier_of(uint32_t flags)
{
    hip_red_flag_tier t = HIP_RED_FLAG_NONE;
    for (int i = 0; i < 16; i++)
        if ((flags & (1u << i)) && rf_tier[i] > t) t = rf_tier[i];
    return t;
}

static uint32_t flags_of(const hip_ruleset_config *c, const hip_checkin *k)
{
    uint32_t a = k->answers, f = 0;
#define HAS(x) ((a & (uint32_t)HIP_CHECKIN_##x) != 0)
    if ((HAS(FEVER) && HAS(HIP_PAIN)) || HAS(HOT_SWOLLEN_HIP)) f |= HIPTRACK_RED_FLAG_BIT(1);
    if ((HAS(FALL) && HAS(CANNOT_BEAR_WEIGHT)) || HAS(DEFORMITY)) f |= HIPTRACK_RED_FLAG_BIT(2);
    if (HAS(CANNOT_WALK)) f |= HIPTRACK_RED_FLAG_BIT(3);
    if (HAS(SADDLE_BLADDER_BOWEL)) f |= HIPTRACK_RED_FLAG_BIT(4);
    if (HAS(RECENT_PROCEDURE) && (HAS(NEW_WARMTH) || HAS(WORSENING_PAIN))) f |= HIPTRACK_RED_FLAG_BIT(5);
    if (HAS(SUDDEN_SEVERE_PAIN)) f |= HIPTRACK_RED_FLAG_BIT(6);
    if (HAS(CANCER_HISTORY) && (HAS(WORSENING_PAIN) || HAS(NIGHT_PAIN))) f |= HIPTRACK_RED_FLAG_BIT(7);
    if (HAS(WEIGHT_LOSS)) f |= HIPTRACK_RED_FLAG_BIT(8);
    if (HAS(CONSTANT_PAIN)) f |= HIPTRACK_RED_FLAG_BIT(9);
    if (HAS(NUMBNESS_WEAKNESS)) f |= HIPTRACK_RED_FLAG_BIT(10);
    if (HAS(GROIN_LUMP_ABDOMINAL)) f |= HIPTRACK_RED_FLAG_BIT(11);
    if (HAS(RAPID_WORSENING)) f |= HIPTRACK_RED_FLAG_BIT(12);
    if (HAS(STEROIDS_ALCOHOL) && HAS(GROIN_PAIN)) f |= HIPTRACK_RED_FLAG_BIT(13);
    if (HAS(MORNING_STIFFNESS)) f |= HIPTRACK_RED_FLAG_BIT(14);
    if (HAS(CALF_PAIN)) f |= HIPTRACK_RED_FLAG_BIT(15);
    if (HAS(REST_PAIN_PERSISTS) && k->rest_pain >= c->rest_pain_red_flag) f |= HIPTRACK_RED_FLAG_BIT(16);
#undef HAS
    return f & c->red_flags_enabled;
}

static hip_status checkin_valid(const hip_checkin *k)
{
    if ((k->answers & ~HIPTRACK_CHECKIN_ALL) != 0) return HIP_ERR_INVALID;
    if (k->rest_pain != HIPTRACK_NOT_RECORDED && (k->rest_pain < 0 || k->rest_pain > 10))
        return HIP_ERR_RANGE;
    if (k->cleared != 0 && k->cleared != 1) return HIP_ERR_RANGE;
    return HIP_OK;
}

hip_status hip_progression_red_flags(const hip_ruleset_config *config, const hip_checkin *checkin,
                                     uint32_t *flags_out, hip_red_flag_tier *tier_out)
{
    hip_ruleset_config defaults;
    if (!config) {
        hip_ruleset_config_init(&defaults);
        config = &defaults;
    }
    if (!checkin || !flags_out || !tier_out || !config_valid(config)) return HIP_ERR_INVALID;
    hip_status st = checkin_valid(checkin);
    if (st != HIP_OK) return st;
    *flags_out = flags_of(config, checkin);
    *tier_out = hip__red_flag_tier_of(*flags_out);
    return HIP_OK;
}

hip_status hip__red_flags_as_of(const hip_ruleset_config *cfg, const hip_checkin *c, size_t n,
                                int32_t day, uint32_t *flags_out, hip_red_flag_tier *tier_out)
{
    int32_t cleared = INT32_MIN;
    int any_clear = 0;
    for (size_t i = 0; i < n; i++) {
        hip_status st = checkin_valid(&c[i]);
        if (st != HIP_OK) return HIP_ERR_FORMAT;
        if (c[i].cleared && c[i].day <= day && (!any_clear || c[i].day > cleared)) {
            cleared = c[i].day;
            any_clear = 1;
        }
    }
    uint32_t f = 0;
    for (size_t i = 0; i < n; i++)
        if (c[i].day <= day && (!any_clear || c[i].day > cleared)) f |= flags_of(cfg, &c[i]);
    *flags_out = f;
    *tier_out = hip__red_flag_tier_of(f);
    return HIP_OK;
}

void hip_checkin_init(hip_checkin *checkin, int32_t day)
{
    if (!checkin) return;
    memset(checkin, 0, sizeof *checkin);
    checkin->day = day;
    checkin->rest_pain = HIPTRACK_NOT_RECORDED;
}

/* ---- PROG-LOAD ---- */

hip_status hip_progression_load_step(double load_kg, double pct, double step_kg, double cap_pct,
                                     double *new_out)
{
    if (!new_out) return HIP_ERR_INVALID;
    if (!(load_kg > 0 && load_kg <= 500) || !(pct > 0 && pct <= 1000) || !(step_kg > 0 && step_kg <= 500) ||
        !(cap_pct > 0 && cap_pct <= 1000))
        return HIP_ERR_RANGE;
    double rounded = floor(load_kg * (1 + pct / 100) / step_kg + 0.5) * step_kg;
    double n = load_kg + step_kg > rounded ? load_kg + step_kg : rounded;
    *new_out = n;
    return (n - load_kg) / load_kg * 100 > cap_pct + 1e-9 ? HIP_DONE : HIP_OK;
}

/* ---- names ---- */

const char *hip_progression_action_name(hip_progression_action a)
{
    static const char *const names[6] = {"keep", "change", "advance", "regress", "pause", "refer"};
    return (unsigned)a < 6 ? names[a] : "unknown";
}

const char *hip_progression_variable_name(hip_progression_variable v)
{
    static const char *const names[5] = {"none", "reps", "sets", "hold_s", "load_kg"};
    return (unsigned)v < 5 ? names[v] : "unknown";
}

const char *hip_red_flag_tier_name(hip_red_flag_tier t)
{
    static const char *const names[4] = {"none", "prompt", "urgent", "emergency"};
    return (unsigned)t < 4 ? names[t] : "unknown";
}

const char *hip_progression_agg_name(hip_progression_agg a)
{
    static const char *const names[6] = {"none", "last", "min", "max", "mean", "count"};
    return (unsigned)a < 6 ? names[a] : "unknown";
}

const char *hip_progression_cmp_name(hip_progression_cmp c)
{
    static const char *const names[7] = {"<", "<=", ">", ">=", "=", "!=", "known"};
    return (unsigned)c < 7 ? names[c] : "unknown";
}
