/* hiptrack.decision: a progression decision with its explanation (inputs and sentence) as JSON, so
 * the store can keep it as text like every other record. Enums are written by name. */
#include "hiptrack/hip_store.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "json.h"
#include "json_read.h"

#define DECISION_VERSION 1

static const char *const class_names[] = {NULL, "progress", "keep", "reduce", "refer"};
static const char *const window_names[] = {"none", "sessions", "days"};

/* Names of an enum 0..count-1 from its public name function, for hip__jr_enum. */
#define NAMES_FROM(fn, type, count, arr)                                                           \
    do {                                                                                            \
        for (int i_ = 0; i_ < (count); i_++) (arr)[i_] = fn((type)i_);                              \
    } while (0)

static void write_rx(hip__jw *w, const char *key, const hip_prescription *rx)
{
    hip__jw_key(w, key);
    hip__jw_begin_object(w);
    hip__jw_key(w, "exercise_id"); hip__jw_string(w, rx->exercise_id);
    hip__jw_key(w, "sets"); hip__jw_integer(w, rx->sets);
    hip__jw_key(w, "reps"); hip__jw_integer(w, rx->reps);
    hip__jw_key(w, "hold_s"); hip__jw_number(w, rx->hold_s);
    hip__jw_key(w, "tempo_concentric_s"); hip__jw_number(w, rx->tempo_concentric_s);
    hip__jw_key(w, "tempo_eccentric_s"); hip__jw_number(w, rx->tempo_eccentric_s);
    hip__jw_key(w, "side"); hip__jw_string(w, hip_side_name(rx->side));
    hip__jw_key(w, "load_kg"); hip__jw_number(w, rx->load_kg);
    hip__jw_key(w, "rest_s"); hip__jw_number(w, rx->rest_s);
    hip__jw_key(w, "pain_ceiling"); hip__jw_integer(w, rx->pain_ceiling);
    hip__jw_end_object(w);
}

hip_status hip_store_decision_export_json(const hip_progression_decision *d, char *buf, size_t cap,
                                          size_t *len_out)
{
    if (!d || !len_out || (!buf && cap)) return HIP_ERR_INVALID;
    if (!hip__terminated(d->rule_id, sizeof d->rule_id) || !hip__terminated(d->text, sizeof d->text)
        || !hip__terminated(d->before.exercise_id, sizeof d->before.exercise_id)
        || !hip__terminated(d->after.exercise_id, sizeof d->after.exercise_id)
        || d->input_count > HIPTRACK_PROGRESSION_MAX_INPUTS)
        return HIP_ERR_INVALID;
    hip__jw w;
    hip__jw_init(&w, buf, cap, 0);
    hip__jw_begin_object(&w);
    hip__jw_key(&w, "format"); hip__jw_string(&w, "hiptrack.decision");
    hip__jw_key(&w, "version"); hip__jw_integer(&w, DECISION_VERSION);
    hip__jw_key(&w, "day"); hip__jw_integer(&w, d->day);
    hip__jw_key(&w, "effective_day"); hip__jw_integer(&w, d->effective_day);
    hip__jw_key(&w, "program_version"); hip__jw_integer(&w, d->program_version);
    hip__jw_key(&w, "exercise_index"); hip__jw_integer(&w, (int64_t)d->exercise_index);
    hip__jw_key(&w, "rule_id"); hip__jw_string(&w, d->rule_id);
    hip__jw_key(&w, "rule_class");
    hip__jw_string(&w, (unsigned)d->rule_class - 1u < 4u ? class_names[d->rule_class] : "unknown");
    hip__jw_key(&w, "priority"); hip__jw_integer(&w, d->priority);
    hip__jw_key(&w, "action"); hip__jw_string(&w, hip_progression_action_name(d->action));
    hip__jw_key(&w, "variable"); hip__jw_string(&w, hip_progression_variable_name(d->variable));
    hip__jw_key(&w, "limited"); hip__jw_bool(&w, d->limited != 0);
    write_rx(&w, "before", &d->before);
    write_rx(&w, "after", &d->after);
    hip__jw_key(&w, "red_flags"); hip__jw_integer(&w, d->red_flags);
    hip__jw_key(&w, "red_flag_tier"); hip__jw_string(&w, hip_red_flag_tier_name(d->red_flag_tier));
    hip__jw_key(&w, "inputs");
    hip__jw_begin_array(&w);
    for (size_t i = 0; i < d->input_count; i++) {
        const hip_progression_input *in = &d->inputs[i];
        if (!hip__terminated(in->metric, sizeof in->metric)
            || !hip__terminated(in->threshold_param, sizeof in->threshold_param))
            return HIP_ERR_INVALID;
        hip__jw_begin_object(&w);
        hip__jw_key(&w, "metric"); hip__jw_string(&w, in->metric);
        hip__jw_key(&w, "aggregate"); hip__jw_string(&w, hip_progression_agg_name(in->aggregate));
        hip__jw_key(&w, "window"); hip__jw_integer(&w, in->window);
        hip__jw_key(&w, "window_unit");
        hip__jw_string(&w, (unsigned)in->window_unit < 3u ? window_names[in->window_unit] : "unknown");
        hip__jw_key(&w, "known"); hip__jw_bool(&w, in->known != 0);
        hip__jw_key(&w, "value"); hip__jw_number(&w, in->value);
        hip__jw_key(&w, "comparison"); hip__jw_string(&w, hip_progression_cmp_name(in->comparison));
        hip__jw_key(&w, "threshold"); hip__jw_number(&w, in->threshold);
        hip__jw_key(&w, "threshold_param"); hip__jw_string(&w, in->threshold_param);
        hip__jw_key(&w, "result"); hip__jw_integer(&w, in->result);
        hip__jw_end_object(&w);
    }
    hip__jw_end_array(&w);
    hip__jw_key(&w, "text"); hip__jw_string(&w, d->text);
    hip__jw_end_object(&w);
    hip__jw_finish(&w);
    return hip__jw_result(&w, len_out);
}

static hip_status read_bool(const hip__json *obj, const char *key, const char *path, int *out,
                            hip__error *e)
{
    const hip__json *v = hip__json_get(obj, key);
    char p[HIP__PATH_CAP];
    if (!v || (v->type != HIP__JSON_TRUE && v->type != HIP__JSON_FALSE))
        return hip__seterr(e, HIP_ERR_FORMAT, "%s: expected true or false",
                           hip__jr_path_key(p, path, key));
    *out = v->type == HIP__JSON_TRUE;
    return HIP_OK;
}

static hip_status read_rx(const hip__json *root, const char *key, hip_prescription *rx,
                          hip__error *e)
{
    static const char *const keys[] = {"exercise_id", "sets", "reps", "hold_s",
        "tempo_concentric_s", "tempo_eccentric_s", "side", "load_kg", "rest_s", "pain_ceiling", NULL};
    const char *side_names[4];
    NAMES_FROM(hip_side_name, hip_side, 4, side_names);
    const hip__json *o = hip__json_get(root, key);
    const char *p = key;
    hip_status st;
    int64_t i64;
    int en;
    if (!o) return hip__seterr(e, HIP_ERR_FORMAT, "%s: missing", p);
    if ((st = hip__jr_object(o, p, keys, e)) != HIP_OK) return st;
    memset(rx, 0, sizeof *rx);
    if ((st = hip__jr_str(o, "exercise_id", p, 1, 0, rx->exercise_id, sizeof rx->exercise_id, "",
                          e)) != HIP_OK) return st;
    if ((st = hip__jr_int(o, "sets", p, 1, 0, 1000, 0, &i64, e)) != HIP_OK) return st;
    rx->sets = (uint32_t)i64;
    if ((st = hip__jr_int(o, "reps", p, 1, 0, 1000, 0, &i64, e)) != HIP_OK) return st;
    rx->reps = (uint32_t)i64;
    if ((st = hip__jr_num(o, "hold_s", p, 1, 0, 1e9, 0, &rx->hold_s, e)) != HIP_OK) return st;
    if ((st = hip__jr_num(o, "tempo_concentric_s", p, 1, 0, 1e9, 0, &rx->tempo_concentric_s, e))
        != HIP_OK) return st;
    if ((st = hip__jr_num(o, "tempo_eccentric_s", p, 1, 0, 1e9, 0, &rx->tempo_eccentric_s, e))
        != HIP_OK) return st;
    if ((st = hip__jr_enum(o, "side", p, 1, side_names, 4, 0, &en, e)) != HIP_OK) return st;
    rx->side = (hip_side)en;
    if ((st = hip__jr_num(o, "load_kg", p, 1, 0, 1e9, 0, &rx->load_kg, e)) != HIP_OK) return st;
    if ((st = hip__jr_num(o, "rest_s", p, 1, 0, 1e9, 0, &rx->rest_s, e)) != HIP_OK) return st;
    if ((st = hip__jr_int(o, "pain_ceiling", p, 1, 0, 10, 0, &i64, e)) != HIP_OK) return st;
    rx->pain_ceiling = (int32_t)i64;
    return HIP_OK;
}

static hip_status read_input(const hip__json *o, const char *p, hip_progression_input *in,
                             hip__error *e)
{
    static const char *const keys[] = {"metric", "aggregate", "window", "window_unit", "known",
        "value", "comparison", "threshold", "threshold_param", "result", NULL};
    const char *agg_names[6], *cmp_names[7];
    NAMES_FROM(hip_progression_agg_name, hip_progression_agg, 6, agg_names);
    NAMES_FROM(hip_progression_cmp_name, hip_progression_cmp, 7, cmp_names);
    hip_status st;
    int64_t i64;
    int en;
    if ((st = hip__jr_object(o, p, keys, e)) != HIP_OK) return st;
    memset(in, 0, sizeof *in);
    if ((st = hip__jr_str(o, "metric", p, 1, 0, in->metric, sizeof in->metric, "", e)) != HIP_OK)
        return st;
    if ((st = hip__jr_enum(o, "aggregate", p, 1, agg_names, 6, 0, &en, e)) != HIP_OK) return st;
    in->aggregate = (hip_progression_agg)en;
    if ((st = hip__jr_int(o, "window", p, 1, 0, UINT32_MAX, 0, &i64, e)) != HIP_OK) return st;
    in->window = (uint32_t)i64;
    if ((st = hip__jr_enum(o, "window_unit", p, 1, window_names, 3, 0, &en, e)) != HIP_OK)
        return st;
    in->window_unit = (hip_progression_window)en;
    if ((st = read_bool(o, "known", p, &in->known, e)) != HIP_OK) return st;
    if ((st = hip__jr_num(o, "value", p, 1, -1e300, 1e300, 0, &in->value, e)) != HIP_OK) return st;
    if ((st = hip__jr_enum(o, "comparison", p, 1, cmp_names, 7, 0, &en, e)) != HIP_OK) return st;
    in->comparison = (hip_progression_cmp)en;
    if ((st = hip__jr_num(o, "threshold", p, 1, -1e300, 1e300, 0, &in->threshold, e)) != HIP_OK)
        return st;
    if ((st = hip__jr_str(o, "threshold_param", p, 1, 0, in->threshold_param,
                          sizeof in->threshold_param, "", e)) != HIP_OK) return st;
    if ((st = hip__jr_int(o, "result", p, 1, -1, 1, 0, &i64, e)) != HIP_OK) return st;
    in->result = (int)i64;
    return HIP_OK;
}

static hip_status read_decision(const hip__json *root, hip_progression_decision *d, hip__error *e)
{
    static const char *const keys[] = {"format", "version", "day", "effective_day",
        "program_version", "exercise_index", "rule_id", "rule_class", "priority", "action",
        "variable", "limited", "before", "after", "red_flags", "red_flag_tier", "inputs", "text",
        NULL};
    const char *action_names[6], *var_names[5], *tier_names[4];
    NAMES_FROM(hip_progression_action_name, hip_progression_action, 6, action_names);
    NAMES_FROM(hip_progression_variable_name, hip_progression_variable, 5, var_names);
    NAMES_FROM(hip_red_flag_tier_name, hip_red_flag_tier, 4, tier_names);
    hip_status st;
    int64_t i64;
    int en;
    if ((st = hip__jr_header(root, "hiptrack.decision", DECISION_VERSION, &i64, e)) != HIP_OK)
        return st;
    if ((st = hip__jr_object(root, "", keys, e)) != HIP_OK) return st;
    memset(d, 0, sizeof *d);
    if ((st = hip__jr_int(root, "day", "", 1, INT32_MIN, INT32_MAX, 0, &i64, e)) != HIP_OK) return st;
    d->day = (int32_t)i64;
    if ((st = hip__jr_int(root, "effective_day", "", 1, INT32_MIN, INT32_MAX, 0, &i64, e)) != HIP_OK)
        return st;
    d->effective_day = (int32_t)i64;
    if ((st = hip__jr_int(root, "program_version", "", 1, 0, UINT32_MAX, 0, &i64, e)) != HIP_OK)
        return st;
    d->program_version = (uint32_t)i64;
    if ((st = hip__jr_int(root, "exercise_index", "", 1, 0, INT32_MAX, 0, &i64, e)) != HIP_OK)
        return st;
    d->exercise_index = (size_t)i64;
    if ((st = hip__jr_str(root, "rule_id", "", 1, 0, d->rule_id, sizeof d->rule_id, "", e)) != HIP_OK)
        return st;
    if ((st = hip__jr_enum(root, "rule_class", "", 1, class_names, 5, 0, &en, e)) != HIP_OK)
        return st;
    d->rule_class = (hip_progression_class)en;
    if ((st = hip__jr_int(root, "priority", "", 1, INT32_MIN, INT32_MAX, 0, &i64, e)) != HIP_OK)
        return st;
    d->priority = (int32_t)i64;
    if ((st = hip__jr_enum(root, "action", "", 1, action_names, 6, 0, &en, e)) != HIP_OK) return st;
    d->action = (hip_progression_action)en;
    if ((st = hip__jr_enum(root, "variable", "", 1, var_names, 5, 0, &en, e)) != HIP_OK) return st;
    d->variable = (hip_progression_variable)en;
    if ((st = read_bool(root, "limited", "", &d->limited, e)) != HIP_OK) return st;
    if ((st = read_rx(root, "before", &d->before, e)) != HIP_OK) return st;
    if ((st = read_rx(root, "after", &d->after, e)) != HIP_OK) return st;
    if ((st = hip__jr_int(root, "red_flags", "", 1, 0, UINT32_MAX, 0, &i64, e)) != HIP_OK) return st;
    d->red_flags = (uint32_t)i64;
    if ((st = hip__jr_enum(root, "red_flag_tier", "", 1, tier_names, 4, 0, &en, e)) != HIP_OK)
        return st;
    d->red_flag_tier = (hip_red_flag_tier)en;
    const hip__json *inputs = hip__json_get(root, "inputs");
    if (!inputs) return hip__seterr(e, HIP_ERR_FORMAT, "inputs: missing");
    if ((st = hip__jr_array(inputs, "inputs", HIPTRACK_PROGRESSION_MAX_INPUTS, e)) != HIP_OK)
        return st;
    for (size_t i = 0; i < inputs->count; i++) {
        char p[HIP__PATH_CAP];
        if ((st = read_input(&inputs->items[i], hip__jr_path_index(p, "inputs", i), &d->inputs[i],
                             e)) != HIP_OK)
            return st;
    }
    d->input_count = inputs->count;
    return hip__jr_str(root, "text", "", 1, 0, d->text, sizeof d->text, "", e);
}

hip_status hip_store_decision_import_json(const hip_allocator *allocator, const char *json,
                                          size_t len, hip_progression_decision *out,
                                          char *error_buf, size_t error_cap)
{
    hip__error e;
    hip__clearerr(&e);
    hip_status st;
    if (!out || (!json && len) || (allocator && !hip__alloc_valid(allocator))) {
        st = hip__seterr(&e, HIP_ERR_INVALID, "NULL argument or half an allocator");
    } else {
        hip__json_doc *doc = NULL;
        st = hip__jr_parse(allocator, json ? json : "", len, &doc, &e);
        if (st == HIP_OK) {
            hip_progression_decision d;
            st = read_decision(hip__json_root(doc), &d, &e);
            if (st == HIP_OK) *out = d;
            hip__json_free(doc);
        }
    }
    if (st != HIP_OK && error_buf && error_cap)
        snprintf(error_buf, error_cap, "%s", hip__errmsg(&e));
    return st;
}
