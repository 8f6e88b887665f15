/* The rule language: a hand-written lexer and recursive-descent parser (grammar in
 * docs/progression.md), and the printer of the canonical text. Parsing appends to the rule set;
 * any error truncates the arrays back to where they were, so a failed parse changes nothing. */
#include "progression_internal.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "numtext.h"

const hip__metric_def hip__metrics[HIP__M_COUNT] = {
    {"pain_during", HIP__MK_SESSION},       {"pain_after", HIP__MK_SESSION},
    {"next_morning", HIP__MK_SESSION},      {"next_morning_rise", HIP__MK_SESSION},
    {"completion_pct", HIP__MK_SESSION},    {"good_rep_pct", HIP__MK_SESSION},
    {"rpe", HIP__MK_SESSION},               {"last_set_reps", HIP__MK_SESSION},
    {"reps_over_target", HIP__MK_SESSION},  {"pain_daily", HIP__MK_DAY},
    {"flare_count", HIP__MK_COUNT_DAYS},    {"sessions", HIP__MK_COUNT_DAYS},
    {"week_pain_rise", HIP__MK_SCALAR},     {"week_logs_min", HIP__MK_SCALAR},
    {"flare", HIP__MK_SCALAR},              {"flare_days", HIP__MK_SCALAR},
    {"changed_in_flare", HIP__MK_SCALAR},
    {"red_flag", HIP__MK_SCALAR},           {"days_since_change", HIP__MK_SCALAR},
    {"sessions_since_change", HIP__MK_SCALAR}, {"reps", HIP__MK_SCALAR},
    {"sets", HIP__MK_SCALAR},               {"hold_s", HIP__MK_SCALAR},
    {"load_kg", HIP__MK_SCALAR},            {"strength", HIP__MK_SCALAR},
    {"rom_flexion_deg", HIP__MK_SCALAR},    {"rom_extension_deg", HIP__MK_SCALAR},
    {"rom_abduction_deg", HIP__MK_SCALAR},  {"rom_adduction_deg", HIP__MK_SCALAR},
    {"rom_internal_rotation_deg", HIP__MK_SCALAR}, {"rom_external_rotation_deg", HIP__MK_SCALAR},
    {"rom_knee_flexion_deg", HIP__MK_SCALAR},
    {"rom_flexion_pct", HIP__MK_SCALAR},    {"rom_extension_pct", HIP__MK_SCALAR},
    {"rom_abduction_pct", HIP__MK_SCALAR},  {"rom_adduction_pct", HIP__MK_SCALAR},
    {"rom_internal_rotation_pct", HIP__MK_SCALAR}, {"rom_external_rotation_pct", HIP__MK_SCALAR},
    {"rom_knee_flexion_pct", HIP__MK_SCALAR},
};

static const char *const agg_names[6] = {"", "last", "min", "max", "mean", "count"};
static const char *const cmp_text[7] = {"<", "<=", ">", ">=", "=", "!=", "known"};
static const char *const var_words[5] = {"", "reps", "sets", "hold", "load"};
/* Words that cannot name a param (they would make the text ambiguous). */
static const char *const keywords[] = {
    "rule", "param", "priority", "when", "then", "else", "say", "and", "or", "not", "known",
    "over", "last", "min", "max", "mean", "count", "sessions", "days", "step", "cap", "dose",
    "refer", "pause", "keep", "advance", "regress", "reps", "sets", "hold", "load"};

const char *hip__agg_name(hip_progression_agg agg)
{
    return (unsigned)agg < 6 ? agg_names[agg] : "";
}

int hip__name_is_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= HIPTRACK_ID_CAP || s[0] < 'a' || s[0] > 'z') return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_')) return 0;
    return 1;
}

double hip__val_get(const hip_ruleset *rs, const hip__val *v)
{
    return v->param >= 0 ? rs->params[v->param].info.value : v->num;
}

/* ---- lexer ---- */

typedef enum tok_type {
    T_EOF, T_WORD, T_NUM, T_STR, T_OP, T_LP, T_RP, T_PLUS, T_MINUS, T_PCT
} tok_type;

typedef struct tok {
    tok_type type;
    size_t start, len;
    uint32_t line, col;
    double num;
    hip_progression_cmp op;
} tok;

typedef struct parser {
    hip_ruleset *rs;
    const char *s;
    size_t n, pos;
    uint32_t line, col;
    tok t;
    int depth;
    int failed;
    size_t cmps;   /* comparisons in the rule being parsed */
} parser;

static int fail_at(parser *p, const tok *t, const char *expected)
{
    if (p->failed) return 0;
    char found[48];
    switch (t->type) {
    case T_EOF: snprintf(found, sizeof found, "end of text"); break;
    case T_NUM: snprintf(found, sizeof found, "number %.*s", (int)(t->len > 20 ? 20 : t->len),
                         p->s + t->start); break;
    case T_STR: snprintf(found, sizeof found, "a string"); break;
    default: snprintf(found, sizeof found, "'%.*s'", (int)(t->len > 24 ? 24 : t->len), p->s + t->start);
    }
    p->failed = 1;
    p->rs->err_line = t->line;
    p->rs->err_col = t->col;
    hip__seterr(&p->rs->err, HIP_ERR_FORMAT, "line %u, column %u: expected %s, found %s",
                (unsigned)t->line, (unsigned)t->col, expected, found);
    return 0;
}

/* An error about the token itself (a duplicate, a value out of range). */
static int fail_msg(parser *p, const tok *t, const char *what)
{
    if (p->failed) return 0;
    p->failed = 1;
    p->rs->err_line = t->line;
    p->rs->err_col = t->col;
    hip__seterr(&p->rs->err, HIP_ERR_FORMAT, "line %u, column %u: %s", (unsigned)t->line,
                (unsigned)t->col, what);
    return 0;
}

static void advance_char(parser *p)
{
    if (p->s[p->pos] == '\n') { p->line++; p->col = 1; } else p->col++;
    p->pos++;
}

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80) return 1;
    size_t k;
    unsigned min;
    unsigned cp;
    if ((s[0] & 0xE0) == 0xC0) { k = 2; cp = s[0] & 0x1Fu; min = 0x80; }
    else if ((s[0] & 0xF0) == 0xE0) { k = 3; cp = s[0] & 0x0Fu; min = 0x800; }
    else if ((s[0] & 0xF8) == 0xF0) { k = 4; cp = s[0] & 0x07u; min = 0x10000; }
    else return 0;
    if (k > n) return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return k;
}

static int next(parser *p)
{
    for (;;) {   /* blanks and comments */
        while (p->pos < p->n && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' || p->s[p->pos] == '\r' ||
                                 p->s[p->pos] == '\n'))
            advance_char(p);
        if (p->pos < p->n && p->s[p->pos] == '#') {
            while (p->pos < p->n && p->s[p->pos] != '\n') p->pos++, p->col++;
            continue;
        }
        break;
    }
    tok *t = &p->t;
    memset(t, 0, sizeof *t);
    t->start = p->pos;
    t->line = p->line;
    t->col = p->col;
    if (p->pos >= p->n) { t->type = T_EOF; return 1; }
    char c = p->s[p->pos];
    if (is_alpha(c)) {
        while (p->pos < p->n && (is_alpha(p->s[p->pos]) || is_digit(p->s[p->pos]))) advance_char(p);
        t->type = T_WORD;
    } else if (is_digit(c)) {
        while (p->pos < p->n && is_digit(p->s[p->pos])) advance_char(p);
        if (p->pos + 1 < p->n && p->s[p->pos] == '.' && is_digit(p->s[p->pos + 1])) {
            advance_char(p);
            while (p->pos < p->n && is_digit(p->s[p->pos])) advance_char(p);
        }
        t->type = T_NUM;
        t->len = p->pos - t->start;
        if (t->len > 24 || !hip__parse_double(p->s + t->start, t->len, &t->num))
            return fail_msg(p, t, "a number of at most 24 characters");
        if (p->pos < p->n && (is_alpha(p->s[p->pos]) || p->s[p->pos] == '.')) {
            t->len++;
            return fail_at(p, t, "a number");
        }
        return 1;
    } else if (c == '"') {
        advance_char(p);
        for (;;) {
            if (p->pos >= p->n || p->s[p->pos] == '\n') {
                t->type = T_STR;
                t->len = p->pos - t->start;
                return fail_msg(p, t, "unterminated string");
            }
            unsigned char u = (unsigned char)p->s[p->pos];
            if (u == '"') { advance_char(p); break; }
            if (u == '\\') {
                if (p->pos + 1 >= p->n || (p->s[p->pos + 1] != '"' && p->s[p->pos + 1] != '\\')) {
                    tok bad = *t;
                    bad.col = p->col;
                    return fail_msg(p, &bad, "a string may only escape \\\" and \\\\");
                }
                advance_char(p);
                advance_char(p);
                continue;
            }
            size_t k = u < 0x20 || u == 0x7F ? 0 : utf8_len((const unsigned char *)p->s + p->pos,
                                                                p->n - p->pos);
            if (k == 0) {
                tok bad = *t;
                bad.col = p->col;
                return fail_msg(p, &bad, "a control character or invalid UTF-8 in a string");
            }
            for (size_t i = 0; i < k; i++) advance_char(p);
        }
        t->type = T_STR;
    } else {
        advance_char(p);
        char d = p->pos < p->n ? p->s[p->pos] : 0;
        switch (c) {
        case '(': t->type = T_LP; break;
        case ')': t->type = T_RP; break;
        case '+': t->type = T_PLUS; break;
        case '-': t->type = T_MINUS; break;
        case '%': t->type = T_PCT; break;
        case '=': t->type = T_OP; t->op = HIP_PROGRESSION_CMP_EQ; break;
        case '<': case '>':
            t->type = T_OP;
            if (d == '=') advance_char(p);
            t->op = c == '<' ? (d == '=' ? HIP_PROGRESSION_CMP_LE : HIP_PROGRESSION_CMP_LT)
                             : (d == '=' ? HIP_PROGRESSION_CMP_GE : HIP_PROGRESSION_CMP_GT);
            break;
        case '!':
            if (d == '=') {
                advance_char(p);
                t->type = T_OP;
                t->op = HIP_PROGRESSION_CMP_NE;
                break;
            }
            /* fall through */
        default: {
            size_t k = utf8_len((const unsigned char *)p->s + t->start, p->n - t->start);
            t->len = k ? k : 1;
            t->type = T_WORD;
            return fail_msg(p, t, (unsigned char)c >= 0x80 && k == 0 ? "invalid UTF-8"
                                                                   : "unexpected character");
        }
        }
    }
    t->len = p->pos - t->start;
    return 1;
}

static int is_word(const parser *p, const char *w)
{
    size_t n = strlen(w);
    return p->t.type == T_WORD && p->t.len == n && memcmp(p->s + p->t.start, w, n) == 0;
}

static int accept(parser *p, const char *w)
{
    if (!is_word(p, w)) return 0;
    return next(p) || 1;
}

static int expect_word(parser *p, const char *w, const char *expected)
{
    if (!is_word(p, w)) return fail_at(p, &p->t, expected);
    return next(p);
}

static void word_copy(const parser *p, char *buf, size_t cap)
{
    size_t n = p->t.len < cap ? p->t.len : cap - 1;
    memcpy(buf, p->s + p->t.start, n);
    buf[n] = 0;
}

static long find_param(const hip_ruleset *rs, const char *s, size_t n)
{
    for (size_t i = 0; i < rs->n_params; i++)
        if (strlen(rs->params[i].info.name) == n && memcmp(rs->params[i].info.name, s, n) == 0)
            return (long)i;
    return -1;
}

static int find_metric(const char *s, size_t n)
{
    for (int i = 0; i < HIP__M_COUNT; i++)
        if (strlen(hip__metrics[i].name) == n && memcmp(hip__metrics[i].name, s, n) == 0) return i;
    return -1;
}

/* Checks that a value fits lo..hi (and is whole when integer); a param's domain is narrowed so
 * that set_param keeps every use valid. */
static int narrow(parser *p, const tok *at, hip__val *v, double lo, double hi, int integer,
                  const char *what)
{
    char msg[160], a[32], b[32];
    if (v->param < 0) {
        if (v->num < lo || v->num > hi || (integer && v->num != (double)(long)v->num)) {
            hip__format_double(a, sizeof a, lo);
            hip__format_double(b, sizeof b, hi);
            snprintf(msg, sizeof msg, "%s must be %s %s..%s", what, integer ? "an integer" : "a number",
                     a, b);
            return fail_msg(p, at, msg);
        }
        return 1;
    }
    hip_rule_param *pi = &p->rs->params[v->param].info;
    double nlo = pi->min_value > lo ? pi->min_value : lo;
    double nhi = pi->max_value < hi ? pi->max_value : hi;
    int nint = pi->integer || integer;
    if (pi->value < nlo || pi->value > nhi || (nint && pi->value != (double)(long)pi->value)) {
        snprintf(msg, sizeof msg, "param '%s' does not fit here: %s must be %s in its range",
                 pi->name, what, nint ? "a whole number" : "a number");
        return fail_msg(p, at, msg);
    }
    pi->min_value = nlo;
    pi->max_value = nhi;
    pi->integer = nint;
    return 1;
}

/* A value: [-] number or a param, checked against lo..hi by narrow. */
static int parse_value(parser *p, hip__val *v, double lo, double hi, int integer, const char *what)
{
    tok start = p->t;
    int neg = 0;
    if (p->t.type == T_MINUS) {
        neg = 1;
        if (!next(p)) return 0;
    }
    if (p->t.type == T_NUM) {
        v->num = neg ? -p->t.num : p->t.num;
        v->param = -1;
    } else if (p->t.type == T_WORD && !neg) {
        long i = find_param(p->rs, p->s + p->t.start, p->t.len);
        if (i < 0) {
            char msg[160], name[40];
            word_copy(p, name, sizeof name);
            snprintf(msg, sizeof msg, "unknown param '%s' (declare it with 'param %s = ...' first)",
                     name, name);
            return fail_msg(p, &p->t, msg);
        }
        v->num = 0;
        v->param = i;
    } else {
        return fail_at(p, &p->t, neg ? "a number" : "a number or a param name");
    }
    return narrow(p, &start, v, lo, hi, integer, what) && next(p);
}

static long add_node(parser *p, const hip__node *n)
{
    hip_ruleset *rs = p->rs;
    if (!hip__grow(&rs->alloc, (void **)&rs->nodes, &rs->nodes_cap, rs->n_nodes + 1, sizeof *n)) {
        p->failed = 1;
        hip__seterr(&rs->err, HIP_ERR_NOMEM, "out of memory");
        return -1;
    }
    rs->nodes[rs->n_nodes] = *n;
    return (long)rs->n_nodes++;
}

static long parse_or(parser *p);

/* [agg] metric [over last N sessions|days] */
static int parse_metric_ref(parser *p, hip__node *n, int for_known)
{
    tok at = p->t;
    n->agg = HIP_PROGRESSION_AGG_NONE;
    for (int a = 1; a <= 5; a++)
        if (is_word(p, agg_names[a])) {
            n->agg = (hip_progression_agg)a;
            if (!next(p)) return 0;
            break;
        }
    if (p->t.type != T_WORD) return fail_at(p, &p->t, "a metric name");
    int m = find_metric(p->s + p->t.start, p->t.len);
    if (m < 0) {
        char msg[96], name[40];
        word_copy(p, name, sizeof name);
        snprintf(msg, sizeof msg, "unknown metric '%s' (see docs/progression.md)", name);
        return fail_msg(p, &p->t, msg);
    }
    n->metric = (hip__metric)m;
    hip__mkind kind = hip__metrics[m].kind;
    tok mt = p->t;
    if (!next(p)) return 0;
    n->unit = HIP_PROGRESSION_WINDOW_NONE;
    n->window.num = 0;
    n->window.param = -1;
    if (accept(p, "over")) {
        if (p->failed || !expect_word(p, "last", "'last' after 'over'")) return 0;
        tok wt = p->t;
        if (!parse_value(p, &n->window, 1, HIP__RULES_MAX_DAY_WINDOW, 1, "a window")) return 0;
        if (is_word(p, "sessions")) n->unit = HIP_PROGRESSION_WINDOW_SESSIONS;
        else if (is_word(p, "days")) n->unit = HIP_PROGRESSION_WINDOW_DAYS;
        else return fail_at(p, &p->t, "'sessions' or 'days'");
        if (kind == HIP__MK_SCALAR)
            return fail_msg(p, &mt, "this metric takes no window");
        if (kind != HIP__MK_SESSION && n->unit == HIP_PROGRESSION_WINDOW_SESSIONS)
            return fail_msg(p, &p->t, "this metric takes a window in days");
        if (n->unit == HIP_PROGRESSION_WINDOW_SESSIONS) {
            double w = hip__val_get(p->rs, &n->window);
            if (w > HIP__RULES_MAX_SESSION_WINDOW)
                return fail_msg(p, &wt, "a window must be 1..100 sessions");
            if (n->window.param >= 0 &&
                p->rs->params[n->window.param].info.max_value > HIP__RULES_MAX_SESSION_WINDOW)
                p->rs->params[n->window.param].info.max_value = HIP__RULES_MAX_SESSION_WINDOW;
        }
        if (!next(p)) return 0;
    } else if (p->failed) {
        return 0;
    }
    if (kind == HIP__MK_SCALAR || kind == HIP__MK_COUNT_DAYS) {
        if (n->agg != HIP_PROGRESSION_AGG_NONE) return fail_msg(p, &at, "this metric takes no aggregate");
        if (kind == HIP__MK_COUNT_DAYS && n->unit == HIP_PROGRESSION_WINDOW_NONE)
            return fail_at(p, &p->t, "'over last N days' after this metric");
    } else {
        if (n->agg == HIP_PROGRESSION_AGG_NONE) n->agg = HIP_PROGRESSION_AGG_LAST;
        if (n->unit == HIP_PROGRESSION_WINDOW_NONE) {
            n->unit = kind == HIP__MK_SESSION ? HIP_PROGRESSION_WINDOW_SESSIONS
                                              : HIP_PROGRESSION_WINDOW_DAYS;
            n->window.num = 1;
        }
    }
    (void)for_known;
    return 1;
}

static long parse_primary(parser *p)
{
    hip__node n;
    memset(&n, 0, sizeof n);
    n.rhs.param = -1;
    if (p->t.type == T_LP) {
        if (++p->depth > HIP__RULES_MAX_DEPTH) return fail_msg(p, &p->t, "conditions nest too deep"), -1;
        if (!next(p)) return -1;
        long r = parse_or(p);
        if (r < 0) return -1;
        if (p->t.type != T_RP) return fail_at(p, &p->t, "')'"), -1;
        p->depth--;
        return next(p) ? r : -1;
    }
    tok at = p->t;
    if (accept(p, "known")) {
        if (p->failed) return -1;
        n.type = HIP__N_KNOWN;
        n.cmp = HIP_PROGRESSION_CMP_KNOWN;
        if (!parse_metric_ref(p, &n, 1)) return -1;
    } else {
        if (p->failed) return -1;
        n.type = HIP__N_CMP;
        if (!parse_metric_ref(p, &n, 0)) return -1;
        if (p->t.type != T_OP) return fail_at(p, &p->t, "a comparison (<, <=, >, >=, =, !=)"), -1;
        n.cmp = p->t.op;
        if (!next(p) || !parse_value(p, &n.rhs, -1e9, 1e9, 0, "a threshold")) return -1;
    }
    if (++p->cmps > HIPTRACK_PROGRESSION_MAX_INPUTS)
        return fail_msg(p, &at, "a rule may test at most 8 metrics"), -1;
    return add_node(p, &n);
}

static long parse_not(parser *p)
{
    if (is_word(p, "not")) {
        if (++p->depth > HIP__RULES_MAX_DEPTH) return fail_msg(p, &p->t, "conditions nest too deep"), -1;
        if (!next(p)) return -1;
        long a = parse_not(p);
        if (a < 0) return -1;
        p->depth--;
        hip__node n;
        memset(&n, 0, sizeof n);
        n.type = HIP__N_NOT;
        n.a = (size_t)a;
        return add_node(p, &n);
    }
    return parse_primary(p);
}

static long parse_binary(parser *p, const char *word, hip__ntype type, long (*sub)(parser *))
{
    long a = sub(p);
    while (a >= 0 && is_word(p, word)) {
        if (!next(p)) return -1;
        long b = sub(p);
        if (b < 0) return -1;
        hip__node n;
        memset(&n, 0, sizeof n);
        n.type = type;
        n.a = (size_t)a;
        n.b = (size_t)b;
        a = add_node(p, &n);
    }
    return a;
}

static long parse_and(parser *p) { return parse_binary(p, "and", HIP__N_AND, parse_not); }
static long parse_or(parser *p) { return parse_binary(p, "or", HIP__N_OR, parse_and); }

static hip_progression_class action_class(const hip__action *a)
{
    switch (a->kind) {
    case HIP_PROGRESSION_REFER: return HIP_PROGRESSION_CLASS_REFER;
    case HIP_PROGRESSION_PAUSE: case HIP_PROGRESSION_REGRESS: return HIP_PROGRESSION_CLASS_REDUCE;
    case HIP_PROGRESSION_KEEP: return HIP_PROGRESSION_CLASS_KEEP;
    case HIP_PROGRESSION_ADVANCE: return HIP_PROGRESSION_CLASS_PROGRESS;
    default: return a->sign > 0 ? HIP_PROGRESSION_CLASS_PROGRESS : HIP_PROGRESSION_CLASS_REDUCE;
    }
}

/* Domain of a variable's value (as hip_prescription validation) and of one step. */
static double var_max(hip_progression_variable v)
{
    return v == HIP_PROGRESSION_VAR_REPS ? 100 : v == HIP_PROGRESSION_VAR_SETS ? 20
         : v == HIP_PROGRESSION_VAR_HOLD ? 3600 : 500;
}

static int parse_action(parser *p, hip__action *a)
{
    memset(a, 0, sizeof *a);
    a->amount.param = a->step.param = a->bound_val.param = a->cap.param = -1;
    static const struct { const char *w; hip_progression_action k; } simple[] = {
        {"refer", HIP_PROGRESSION_REFER}, {"pause", HIP_PROGRESSION_PAUSE},
        {"keep", HIP_PROGRESSION_KEEP}, {"advance", HIP_PROGRESSION_ADVANCE},
        {"regress", HIP_PROGRESSION_REGRESS}};
    for (size_t i = 0; i < 5; i++)
        if (is_word(p, simple[i].w)) {
            a->kind = simple[i].k;
            return next(p);
        }
    for (int v = 1; v <= 4; v++)
        if (is_word(p, var_words[v])) a->var = (hip_progression_variable)v;
    if (a->var == HIP_PROGRESSION_VAR_NONE)
        return fail_at(p, &p->t, "an action (refer, pause, keep, advance, regress, reps, sets, hold, load)");
    a->kind = HIP_PROGRESSION_CHANGE;
    if (!next(p)) return 0;
    if (p->t.type == T_PLUS) a->sign = 1;
    else if (p->t.type == T_MINUS) a->sign = -1;
    else return fail_at(p, &p->t, "'+' or '-' and an amount");
    if (!next(p)) return 0;
    double vmax = var_max(a->var);
    tok amount_at = p->t;
    if (!parse_value(p, &a->amount, -1e9, 1e9, 0, "an amount")) return 0;
    int whole = a->var == HIP_PROGRESSION_VAR_REPS || a->var == HIP_PROGRESSION_VAR_SETS;
    if (p->t.type == T_PCT) {
        a->percent = 1;
        if (!narrow(p, &amount_at, &a->amount, 0.1, a->sign < 0 ? 100 : 1000, 0, "a percent change") ||
            !next(p))
            return 0;
    } else if (!narrow(p, &amount_at, &a->amount, whole ? 1 : 0.001, vmax, whole, "an amount")) {
        return 0;
    }
    for (;;) {
        tok at = p->t;
        if (accept(p, "step")) {
            if (p->failed || a->has_step) return fail_msg(p, &at, "'step' given twice");
            a->has_step = 1;
            if (!parse_value(p, &a->step, 0.001, vmax, 0, "a step")) return 0;
        } else if (is_word(p, "max") || is_word(p, "min")) {
            int is_max = is_word(p, "max");
            if (is_max != (a->sign > 0))
                return fail_msg(p, &at, a->sign > 0 ? "an increase takes 'max', not 'min'"
                                                    : "a decrease takes 'min', not 'max'");
            if (a->bound != HIP__BOUND_NONE) return fail_msg(p, &at, "a bound given twice");
            if (!next(p)) return 0;
            if (accept(p, "dose")) {
                if (p->failed) return 0;
                if (a->var == HIP_PROGRESSION_VAR_LOAD)
                    return fail_msg(p, &at, "the catalog dose has no load: give a number");
                a->bound = HIP__BOUND_DOSE;
            } else {
                if (p->failed || !parse_value(p, &a->bound_val, 0, vmax, 0, "a bound")) return 0;
                a->bound = HIP__BOUND_VALUE;
            }
        } else if (accept(p, "cap")) {
            if (p->failed || a->has_cap) return fail_msg(p, &at, "'cap' given twice");
            a->has_cap = 1;
            if (!parse_value(p, &a->cap, 0.001, 1000, 0, "a cap")) return 0;
            if (p->t.type != T_PCT) return fail_at(p, &p->t, "'%' after the cap");
            if (!next(p)) return 0;
        } else {
            return !p->failed;
        }
    }
}

static int parse_rule(parser *p)
{
    hip_ruleset *rs = p->rs;
    hip__rule r;
    memset(&r, 0, sizeof r);
    r.line = p->t.line;
    if (!next(p)) return 0;
    if (p->t.type != T_WORD || p->t.len >= HIPTRACK_ID_CAP)
        return fail_at(p, &p->t, "a rule id (a-z, 0-9, _; letter first; at most 47)");
    word_copy(p, r.id, sizeof r.id);
    if (!hip__name_is_id(r.id)) return fail_at(p, &p->t, "a rule id (a-z, 0-9, _; letter first; at most 47)");
    for (size_t i = 0; i < rs->n_rules; i++)
        if (strcmp(rs->rules[i].id, r.id) == 0) {
            char msg[128];
            snprintf(msg, sizeof msg, "rule '%s' is already defined (line %u)", r.id,
                     (unsigned)rs->rules[i].line);
            return fail_msg(p, &p->t, msg);
        }
    if (rs->n_rules >= HIP__RULES_MAX_RULES) return fail_msg(p, &p->t, "more than 1000 rules");
    if (!next(p)) return 0;
    r.priority = 50;
    if (accept(p, "priority")) {
        if (p->failed) return 0;
        if (p->t.type != T_NUM || p->t.num > 1000 || p->t.num != (double)(long)p->t.num)
            return fail_at(p, &p->t, "a priority 0..1000");
        r.priority = (int32_t)p->t.num;
        if (!next(p)) return 0;
    }
    if (p->failed || !expect_word(p, "when", "'when' and a condition")) return 0;
    p->cmps = 0;
    p->depth = 0;
    long cond = parse_or(p);
    if (cond < 0) return 0;
    r.cond = (size_t)cond;
    if (!expect_word(p, "then", p->cmps ? "'and', 'or' or 'then'" : "'then'")) return 0;
    hip__action acts[HIP__RULES_MAX_ALTS];
    size_t na = 0;
    for (;;) {
        tok at = p->t;
        if (na == HIP__RULES_MAX_ALTS) return fail_msg(p, &at, "more than 8 alternatives");
        if (!parse_action(p, &acts[na])) return 0;
        hip_progression_class c = action_class(&acts[na]);
        if (na == 0) r.cls = c;
        else if (c != r.cls || acts[na].kind == HIP_PROGRESSION_KEEP || acts[na].kind == HIP_PROGRESSION_PAUSE ||
                 acts[na].kind == HIP_PROGRESSION_REFER)
            return fail_msg(p, &at, "an alternative must change in the same direction as the first");
        na++;
        if (!is_word(p, "else")) break;
        if (acts[0].kind == HIP_PROGRESSION_KEEP || acts[0].kind == HIP_PROGRESSION_PAUSE ||
            acts[0].kind == HIP_PROGRESSION_REFER)
            return fail_msg(p, &p->t, "keep, pause and refer always apply: no 'else'");
        if (!next(p)) return 0;
    }
    if (accept(p, "say")) {
        if (p->failed) return 0;
        if (p->t.type != T_STR) return fail_at(p, &p->t, "a quoted sentence after 'say'");
        size_t o = 0;
        for (size_t i = p->t.start + 1; i + 1 < p->t.start + p->t.len; i++) {
            if (p->s[i] == '\\') i++;
            if (o + 1 >= sizeof r.say) return fail_msg(p, &p->t, "a 'say' text is at most 111 bytes");
            r.say[o++] = p->s[i];
        }
        r.say[o] = 0;
        if (!next(p)) return 0;
    } else if (p->failed) {
        return 0;
    }
    if (!hip__grow(&rs->alloc, (void **)&rs->actions, &rs->actions_cap, rs->n_actions + na,
                   sizeof *rs->actions) ||
        !hip__grow(&rs->alloc, (void **)&rs->rules, &rs->rules_cap, rs->n_rules + 1, sizeof r)) {
        p->failed = 1;
        hip__seterr(&rs->err, HIP_ERR_NOMEM, "out of memory");
        return 0;
    }
    r.first_action = rs->n_actions;
    r.n_actions = na;
    memcpy(rs->actions + rs->n_actions, acts, na * sizeof acts[0]);
    rs->n_actions += na;
    rs->rules[rs->n_rules++] = r;
    return 1;
}

static int parse_param(parser *p)
{
    hip_ruleset *rs = p->rs;
    hip__param pa;
    memset(&pa, 0, sizeof pa);
    pa.line = p->t.line;
    if (!next(p)) return 0;
    tok name = p->t;
    if (p->t.type != T_WORD || p->t.len >= HIPTRACK_RULE_NAME_CAP)
        return fail_at(p, &p->t, "a param name (a-z, 0-9, _; letter first; at most 31)");
    word_copy(p, pa.info.name, sizeof pa.info.name);
    if (!hip__name_is_id(pa.info.name))
        return fail_at(p, &p->t, "a param name (a-z, 0-9, _; letter first; at most 31)");
    char msg[128];
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(keywords[i], pa.info.name) == 0 || find_metric(pa.info.name, strlen(pa.info.name)) >= 0) {
            snprintf(msg, sizeof msg, "'%s' is a keyword or metric, not a param name", pa.info.name);
            return fail_msg(p, &name, msg);
        }
    long dup = find_param(rs, pa.info.name, strlen(pa.info.name));
    if (dup >= 0) {
        snprintf(msg, sizeof msg, "param '%s' is already defined (line %u)", pa.info.name,
                 (unsigned)rs->params[dup].line);
        return fail_msg(p, &name, msg);
    }
    if (rs->n_params >= HIP__RULES_MAX_PARAMS) return fail_msg(p, &name, "more than 200 params");
    if (!next(p)) return 0;
    if (p->t.type != T_OP || p->t.op != HIP_PROGRESSION_CMP_EQ) return fail_at(p, &p->t, "'='");
    if (!next(p)) return 0;
    if (p->t.type == T_WORD) return fail_at(p, &p->t, "a number");
    hip__val v;
    if (!parse_value(p, &v, -1e9, 1e9, 0, "a param value")) return 0;
    pa.info.value = pa.info.default_value = v.num;
    pa.info.min_value = -1e9;
    pa.info.max_value = 1e9;
    if (!hip__grow(&rs->alloc, (void **)&rs->params, &rs->params_cap, rs->n_params + 1, sizeof pa)) {
        p->failed = 1;
        hip__seterr(&rs->err, HIP_ERR_NOMEM, "out of memory");
        return 0;
    }
    rs->params[rs->n_params++] = pa;
    return 1;
}

hip_status hip__rules_parse(hip_ruleset *rs, const char *text, size_t len)
{
    size_t n_rules = rs->n_rules, n_nodes = rs->n_nodes, n_actions = rs->n_actions;
    size_t n_params = rs->n_params;
    /* Param domains narrow as rules use them: keep the old ones to restore on failure. */
    double lo[HIP__RULES_MAX_PARAMS], hi[HIP__RULES_MAX_PARAMS];
    int integer[HIP__RULES_MAX_PARAMS];
    for (size_t i = 0; i < n_params; i++) {
        lo[i] = rs->params[i].info.min_value;
        hi[i] = rs->params[i].info.max_value;
        integer[i] = rs->params[i].info.integer;
    }
    parser p;
    memset(&p, 0, sizeof p);
    p.rs = rs;
    p.s = text;
    p.n = len;
    p.line = p.col = 1;
    rs->err_line = rs->err_col = 0;
    if (next(&p)) {
        while (p.t.type != T_EOF) {
            if (is_word(&p, "rule")) { if (!parse_rule(&p)) break; }
            else if (is_word(&p, "param")) { if (!parse_param(&p)) break; }
            else { fail_at(&p, &p.t, "'rule' or 'param'"); break; }
        }
    }
    if (!p.failed) return HIP_OK;
    rs->n_rules = n_rules;
    rs->n_nodes = n_nodes;
    rs->n_actions = n_actions;
    rs->n_params = n_params;
    for (size_t i = 0; i < n_params; i++) {
        rs->params[i].info.min_value = lo[i];
        rs->params[i].info.max_value = hi[i];
        rs->params[i].info.integer = integer[i];
    }
    return rs->err.status;
}

/* ---- canonical text ---- */

typedef struct out {
    char *buf;
    size_t cap, len;
} out;

static void put(out *o, const char *s)
{
    size_t n = strlen(s);
    if (o->len + n < o->cap) memcpy(o->buf + o->len, s, n);
    else if (o->len < o->cap) memcpy(o->buf + o->len, s, o->cap - o->len);
    o->len += n;
}

static void put_val(out *o, const hip_ruleset *rs, const hip__val *v)
{
    if (v->param >= 0) { put(o, rs->params[v->param].info.name); return; }
    char b[40];
    if (v->num < 0) put(o, "-");
    hip__format_double(b, sizeof b, v->num < 0 ? -v->num : v->num);
    put(o, b);
}

static void put_node(out *o, const hip_ruleset *rs, size_t i, int parent_prec)
{
    const hip__node *n = &rs->nodes[i];
    int prec = n->type == HIP__N_OR ? 1 : n->type == HIP__N_AND ? 2 : 3;
    if (n->type == HIP__N_OR || n->type == HIP__N_AND) {
        if (prec < parent_prec) put(o, "(");
        put_node(o, rs, n->a, prec);
        put(o, n->type == HIP__N_OR ? " or " : " and ");
        put_node(o, rs, n->b, prec + 1);
        if (prec < parent_prec) put(o, ")");
        return;
    }
    if (n->type == HIP__N_NOT) {
        put(o, "not ");
        put_node(o, rs, n->a, 3);
        return;
    }
    if (n->type == HIP__N_KNOWN) put(o, "known ");
    if (n->agg != HIP_PROGRESSION_AGG_NONE) { put(o, agg_names[n->agg]); put(o, " "); }
    put(o, hip__metrics[n->metric].name);
    if (n->unit != HIP_PROGRESSION_WINDOW_NONE) {
        put(o, " over last ");
        put_val(o, rs, &n->window);
        put(o, n->unit == HIP_PROGRESSION_WINDOW_SESSIONS ? " sessions" : " days");
    }
    if (n->type == HIP__N_CMP) {
        put(o, " ");
        put(o, cmp_text[n->cmp]);
        put(o, " ");
        put_val(o, rs, &n->rhs);
    }
}

static void put_action(out *o, const hip_ruleset *rs, const hip__action *a)
{
    if (a->kind != HIP_PROGRESSION_CHANGE) { put(o, hip_progression_action_name(a->kind)); return; }
    put(o, var_words[a->var]);
    put(o, a->sign > 0 ? " +" : " -");
    put_val(o, rs, &a->amount);
    if (a->percent) put(o, "%");
    if (a->has_step) { put(o, " step "); put_val(o, rs, &a->step); }
    if (a->bound != HIP__BOUND_NONE) {
        put(o, a->sign > 0 ? " max " : " min ");
        if (a->bound == HIP__BOUND_DOSE) put(o, "dose"); else put_val(o, rs, &a->bound_val);
    }
    if (a->has_cap) { put(o, " cap "); put_val(o, rs, &a->cap); put(o, "%"); }
}

size_t hip__rules_print(const hip_ruleset *rs, char *buf, size_t cap)
{
    out o = {buf, cap, 0};
    char b[48];
    for (size_t i = 0; i < rs->n_params; i++) {
        put(&o, "param ");
        put(&o, rs->params[i].info.name);
        put(&o, " = ");
        hip__val v = {rs->params[i].info.value, -1};
        put_val(&o, rs, &v);
        put(&o, "\n");
    }
    for (size_t i = 0; i < rs->n_rules; i++) {
        const hip__rule *r = &rs->rules[i];
        put(&o, "\nrule ");
        put(&o, r->id);
        snprintf(b, sizeof b, " priority %ld\n  when ", (long)r->priority);
        put(&o, b);
        put_node(&o, rs, r->cond, 1);
        put(&o, "\n  then ");
        for (size_t k = 0; k < r->n_actions; k++) {
            if (k) put(&o, " else ");
            put_action(&o, rs, &rs->actions[r->first_action + k]);
        }
        if (r->say[0]) {
            put(&o, "\n  say \"");
            for (const char *s = r->say; *s; s++) {
                char e[3] = {'\\', *s, 0};
                put(&o, *s == '"' || *s == '\\' ? e : e + 1);
            }
            put(&o, "\"");
        }
        put(&o, "\n");
    }
    if (cap) buf[o.len < cap ? o.len : cap - 1] = 0;
    return o.len;
}
