/* Progression: the rule language (parse errors with positions, round trip, params), every built-in
 * rule at, just below and just above its thresholds, the CLINICAL.md §3 test vectors (PM-T*,
 * PROG-2F2, PROG-LOAD, PROG-UNDER, §3.6 red flags), decision order, missing data, evaluate_all,
 * dry run, apply, and allocation failures. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define D0 20000              /* program day 0 */
#define NS 1000000000LL
#define MAX_S 64

/* ---- a small history ---- */

typedef struct hist {
    hip_catalog *catalog;
    hip_program *program;
    hip_painlog *pain;
    hip_session *s[MAX_S];
    size_t ns;
    hip_checkin checkins[8];
    size_t nc;
    hip_progression_history h;
} hist;

static void hist_init(hist *t, const char *exercise, uint32_t reps, double load)
{
    memset(t, 0, sizeof *t);
    assert_int_equal(hip_catalog_create(NULL, &t->catalog), HIP_OK);
    assert_int_equal(hip_program_create(NULL, &t->program), HIP_OK);
    assert_int_equal(hip_painlog_create(NULL, &t->pain), HIP_OK);
    hip_prescription rx;
    hip_prescription_init(&rx, exercise);
    rx.reps = reps;
    rx.load_kg = load;
    if (reps == 0) rx.hold_s = 30;
    assert_int_equal(hip_program_begin(t->program, D0, 3, "start"), HIP_OK);
    assert_int_equal(hip_program_add(t->program, &rx), HIP_OK);
    assert_int_equal(hip_program_commit(t->program), HIP_OK);
    hip_progression_history_init(&t->h);
    t->h.program = t->program;
    t->h.catalog = t->catalog;
    t->h.painlog = t->pain;
}

static void hist_sync(hist *t)
{
    t->h.sessions = (const hip_session *const *)t->s;
    t->h.session_count = t->ns;
    t->h.checkins = t->checkins;
    t->h.checkin_count = t->nc;
}

static void hist_free(hist *t)
{
    for (size_t i = 0; i < t->ns; i++) hip_session_destroy(t->s[i]);
    hip_painlog_destroy(t->pain);
    hip_program_destroy(t->program);
    hip_catalog_destroy(t->catalog);
}

/* A session on program day d following the version in force: each set gets reps[k] reps (the
 * first bad[k] of them flagged partial), rpe (or -1) and the session's pain during/after (or -1). */
static void session(hist *t, int32_t d, const uint32_t *reps, const uint32_t *bad, size_t sets,
                    int32_t rpe, int32_t during, int32_t after)
{
    hip_session *s = NULL;
    assert_int_equal(hip_session_create(NULL, &s), HIP_OK);
    int64_t start = ((int64_t)(D0 + d) * 86400 + 18 * 3600) * NS;
    assert_int_equal(hip_session_start(s, start, 0), HIP_OK);
    size_t vi;
    assert_int_equal(hip_program_version_on(t->program, D0 + d, &vi), HIP_OK);
    assert_int_equal(hip_session_plan_program(s, t->program, vi), HIP_OK);
    for (size_t k = 0; k < sets; k++) {
        hip_session_set set;
        hip_session_set_init(&set);
        set.rpe = rpe;
        assert_int_equal(hip_session_add_set(s, 0, &set), HIP_OK);
        for (uint32_t j = 0; j < reps[k]; j++) {
            hip_session_rep rep;
            hip_session_rep_init(&rep);
            if (bad && j < bad[k]) rep.flags = HIP_REP_PARTIAL;
            assert_int_equal(hip_session_add_rep(s, &rep), HIP_OK);
        }
    }
    if (during >= 0) assert_int_equal(hip_session_set_pain(s, HIP_PAIN_DURING, during), HIP_OK);
    if (after >= 0) assert_int_equal(hip_session_set_pain(s, HIP_PAIN_AFTER, after), HIP_OK);
    assert_int_equal(hip_session_finish(s, start + 1800 * NS, HIP_ABANDON_NONE), HIP_OK);
    assert_true(t->ns < MAX_S);
    t->s[t->ns++] = s;
    hist_sync(t);
}

/* A plain session: 3 sets of n reps, no pain or RPE recorded. */
static void plain(hist *t, int32_t d, uint32_t n)
{
    uint32_t r[3] = {n, n, n};
    session(t, d, r, NULL, 3, -1, -1, -1);
}

static void pain(hist *t, int32_t d, hip_pain_context ctx, int32_t nrs)
{
    hip_pain_entry e;
    hip_pain_entry_init(&e);
    e.t_ns = ((int64_t)(D0 + d) * 86400 + (ctx == HIP_PAIN_CONTEXT_NEXT_MORNING ? 7 : 21) * 3600) * NS;
    e.nrs = nrs;
    e.context = ctx;
    assert_int_equal(hip_painlog_add(t->pain, &e), HIP_OK);
}

static void morning(hist *t, int32_t d, int32_t nrs) { pain(t, d, HIP_PAIN_CONTEXT_NEXT_MORNING, nrs); }
static void daily(hist *t, int32_t d, int32_t nrs) { pain(t, d, HIP_PAIN_CONTEXT_AVG_24H, nrs); }

static hip_ruleset *builtin(void)
{
    hip_ruleset *rs = NULL;
    assert_int_equal(hip_ruleset_create(NULL, &rs), HIP_OK);
    return rs;
}

static hip_ruleset *custom(const char *text)
{
    hip_ruleset_config c;
    hip_ruleset_config_init(&c);
    c.include_builtin = 0;
    hip_ruleset *rs = NULL;
    assert_int_equal(hip_ruleset_create(&c, &rs), HIP_OK);
    if (hip_ruleset_parse(rs, text, strlen(text)) != HIP_OK)
        fail_msg("parse: %s", hip_ruleset_last_error(rs));
    return rs;
}

static hip_progression_decision eval_at(const hip_ruleset *rs, hist *t, int32_t d)
{
    hip_progression_decision dec;
    hist_sync(t);
    hip_status st = hip_progression_evaluate(rs, &t->h, D0 + d, 0, &dec);
    if (st != HIP_OK) fail_msg("evaluate: %s", hip_status_name(st));
    return dec;
}

static void set_param(hip_ruleset *rs, const char *name, double v)
{
    if (hip_ruleset_set_param(rs, name, v) != HIP_OK) fail_msg("%s", hip_ruleset_last_error(rs));
}

#define ASSERT_RULE(dec, id) assert_string_equal((dec).rule_id, (id))

/* ---- the language ---- */

static void expect_error(const char *text, uint32_t line, uint32_t col, const char *part)
{
    hip_ruleset *rs = custom("param base = 1\nrule base when rpe > base then keep\n");
    char before[4096], after[4096];
    size_t n;
    assert_int_equal(hip_ruleset_export_text(rs, before, sizeof before, &n), HIP_OK);
    assert_int_equal(hip_ruleset_parse(rs, text, strlen(text)), HIP_ERR_FORMAT);
    uint32_t l, c;
    hip_ruleset_error_position(rs, &l, &c);
    if (l != line || c != col || !strstr(hip_ruleset_last_error(rs), part))
        { print_error("%s -> %u:%u %s\n", text, l, c, hip_ruleset_last_error(rs)); fail(); }
    assert_int_equal(hip_ruleset_export_text(rs, after, sizeof after, &n), HIP_OK);
    assert_string_equal(before, after);   /* all or nothing */
    assert_int_equal(hip_ruleset_count(rs), 1);
    assert_int_equal(hip_ruleset_param_count(rs), 1);
    hip_ruleset_destroy(rs);
}

static void test_parse_errors(void **state)
{
    (void)state;
    expect_error("rule a when rpe > 5 then", 1, 25, "expected an action");
    expect_error("rule a when rpe 5 then keep", 1, 17, "expected a comparison");
    expect_error("rule a\n  when rpe > nope then keep", 2, 14, "unknown param 'nope'");
    expect_error("rule a when flare over last 3 days = 1 then keep", 1, 13, "takes no window");
    expect_error("rule a when max rpe over last 101 sessions > 1 then keep", 1, 31, "1..100 sessions");
    expect_error("rule a when rpe > 1 then reps +2 else keep", 1, 39, "same direction");
    expect_error("rule a when rpe > 1 then keep else pause", 1, 31, "no 'else'");
    expect_error("rule a when bogus > 1 then keep", 1, 13, "unknown metric 'bogus'");
    expect_error("rule a when rpe > 1 then sets -50", 1, 32, "integer 1..20");
    expect_error("rule base when rpe > 1 then keep", 1, 6, "already defined (line 2)");
    expect_error("param base = 2", 1, 7, "already defined (line 1)");
    expect_error("param rpe = 2", 1, 7, "keyword or metric");
    expect_error("param when = 2", 1, 7, "keyword or metric");
    expect_error("rule a when rpe > 1 then keep say \"open", 1, 35, "unterminated string");
    expect_error("rule a when rpe > 1 then keep say \"a\\nb\"", 1, 37, "escape");
    expect_error("\n\n  @", 3, 3, "unexpected character");
    expect_error("rule a when rpe \xff 1 then keep", 1, 17, "invalid UTF-8");
    expect_error("rule A when rpe > 1 then keep", 1, 6, "a rule id");
    expect_error("rule a priority 1001 when rpe > 1 then keep", 1, 17, "a priority 0..1000");
    expect_error("rule a when flare_count >= 1 then keep", 1, 25, "'over last N days'");
    expect_error("rule a when max sessions over last 7 days >= 1 then keep", 1, 13, "no aggregate");
    expect_error("rule a when max rpe over 2 sessions > 1 then keep", 1, 26, "'last' after 'over'");
    expect_error("rule a when max pain_daily over last 2 sessions > 1 then keep", 1, 40, "in days");
    expect_error("rule a when rpe > 1 then reps +2 min 3", 1, 34, "takes 'max'");
    expect_error("rule a when rpe > 1 then load +2 max dose", 1, 34, "no load");
    expect_error("rule a when rpe > 1 then load +5% cap 10", 1, 41, "'%' after the cap");
    expect_error("rule a when (rpe > 1 then keep", 1, 22, "')'");
    expect_error("rule a when rpe > 1 and then keep", 1, 25, "unknown metric 'then'");
    expect_error("rule a when rpe > 1 keep", 1, 21, "'and', 'or' or 'then'");
    expect_error("keep", 1, 1, "'rule' or 'param'");
    expect_error("param base2 = base", 1, 15, "expected a number");
    expect_error("param w = 2.5\nrule a when max rpe over last w sessions > 1 then keep", 2, 31, "whole number");
    expect_error("rule a when rpe > 12abc then keep", 1, 19, "expected a number");
    expect_error("rule a when rpe > 1 and rpe > 1 and rpe > 1 and rpe > 1 and rpe > 1 and rpe > 1 and "
                 "rpe > 1 and rpe > 1 and rpe > 1 then keep", 1, 109, "at most 8 metrics");
    /* Nesting is bounded. */
    char deep[200] = "rule a when ";
    for (int i = 0; i < 40; i++) strcat(deep, "(");
    strcat(deep, "rpe > 1");
    expect_error(deep, 1, 45, "nest too deep");
}

static void test_parse_round_trip_and_queries(void **state)
{
    (void)state;
    const char *text =
        "# a comment\n"
        "param lim = 4.5   # threshold\n"
        "param win = 3\n"
        "rule b_rule priority 10\n"
        "  when not (max pain_after over last 7 days > lim or known next_morning) and count rpe over last win sessions >= 1\n"
        "  then load -25% step 0.5 min 0 else hold -5 min dose cap 50%\n"
        "  say \"a \\\"quoted\\\" \\\\ reason\"\n"
        "rule a when next_morning_rise > -1 then keep\n";
    expect_error("rule x when rpe > 1 then load -25% else hold +5", 1, 41, "same direction");
    hip_ruleset *rs = custom("rule a when rpe > 1 then sets -1 else reps -2 min 5 else regress");
    hip_ruleset_destroy(rs);
    rs = custom(text);
    assert_int_equal(hip_ruleset_count(rs), 2);
    hip_rule_info ri;
    assert_int_equal(hip_ruleset_rule_at(rs, 0, &ri), HIP_OK);
    assert_string_equal(ri.id, "b_rule");
    assert_int_equal(ri.priority, 10);
    assert_int_equal(ri.rule_class, HIP_PROGRESSION_CLASS_REDUCE);
    assert_int_equal(ri.line, 4);
    assert_int_equal(ri.alternative_count, 2);
    size_t idx;
    assert_int_equal(hip_ruleset_find(rs, "a", &idx), HIP_OK);
    assert_int_equal(idx, 1);
    assert_int_equal(hip_ruleset_find(rs, "zz", &idx), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_ruleset_rule_at(rs, 2, &ri), HIP_ERR_RANGE);
    /* Params: domains follow their uses. */
    hip_rule_param p;
    assert_int_equal(hip_ruleset_param_count(rs), 2);
    assert_int_equal(hip_ruleset_param_at(rs, 1, &p), HIP_OK);
    assert_string_equal(p.name, "win");
    assert_int_equal(p.integer, 1);
    assert_true(p.min_value == 1 && p.max_value == 100);
    assert_int_equal(hip_ruleset_param_at(rs, 2, &p), HIP_ERR_RANGE);
    assert_int_equal(hip_ruleset_set_param(rs, "win", 2.5), HIP_ERR_RANGE);
    assert_int_equal(hip_ruleset_set_param(rs, "win", 101), HIP_ERR_RANGE);
    assert_int_equal(hip_ruleset_set_param(rs, "nope", 1), HIP_ERR_NOT_FOUND);
    assert_non_null(strstr(hip_ruleset_last_error(rs), "nope"));
    assert_int_equal(hip_ruleset_set_param(rs, "win", 5), HIP_OK);
    double v;
    assert_int_equal(hip_ruleset_get_param(rs, "win", &v), HIP_OK);
    assert_true(v == 5);
    assert_int_equal(hip_ruleset_get_param(rs, "x", &v), HIP_ERR_NOT_FOUND);
    /* Export, parse, export: the same text. */
    size_t n;
    assert_int_equal(hip_ruleset_export_text(rs, NULL, 0, &n), HIP_OK);
    char *a = malloc(n + 1);
    char small[4];
    assert_int_equal(hip_ruleset_export_text(rs, small, sizeof small, &n), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_ruleset_export_text(rs, a, n + 1, &n), HIP_OK);
    assert_non_null(strstr(a, "param win = 5\n"));
    assert_non_null(strstr(a, "say \"a \\\"quoted\\\" \\\\ reason\""));
    assert_non_null(strstr(a, "not (max pain_after over last 7 days > lim or known last next_morning over last 1 sessions)"));
    hip_ruleset *b = custom(a);
    char *c2 = malloc(n + 1);
    assert_int_equal(hip_ruleset_export_text(b, c2, n + 1, &n), HIP_OK);
    assert_string_equal(a, c2);
    free(a);
    free(c2);
    hip_ruleset_destroy(b);
    hip_ruleset_destroy(rs);
    /* The built-in text parses, round-trips, and every rule has a say text. */
    rs = builtin();
    assert_int_equal(hip_ruleset_count(rs), 15);
    assert_int_equal(hip_ruleset_export_text(rs, NULL, 0, &n), HIP_OK);
    a = malloc(n + 1);
    assert_int_equal(hip_ruleset_export_text(rs, a, n + 1, &n), HIP_OK);
    b = custom(a);
    assert_int_equal(hip_ruleset_count(b), 15);
    free(a);
    hip_ruleset_destroy(b);
    hip_ruleset_destroy(rs);
}

static void test_api_errors(void **state)
{
    (void)state;
    hip_ruleset_config c;
    hip_ruleset_config_init(&c);
    hip_ruleset *rs = NULL;
    assert_int_equal(hip_ruleset_create(&c, NULL), HIP_ERR_INVALID);
    c.struct_size = 4;
    assert_int_equal(hip_ruleset_create(&c, &rs), HIP_ERR_INVALID);
    hip_ruleset_config_init(&c);
    c.usual_min_logs = 8;
    assert_int_equal(hip_ruleset_create(&c, &rs), HIP_ERR_INVALID);
    hip_ruleset_config_init(&c);
    c.rest_pain_red_flag = 11;
    assert_int_equal(hip_ruleset_create(&c, &rs), HIP_ERR_INVALID);
    hip_ruleset_config_init(&c);
    c.red_flags_enabled = 1u << 16;
    assert_int_equal(hip_ruleset_create(&c, &rs), HIP_ERR_INVALID);
    assert_null(rs);
    hip_ruleset_destroy(NULL);
    assert_string_equal(hip_ruleset_last_error(NULL), "");
    assert_int_equal(hip_ruleset_parse(NULL, "", 0), HIP_ERR_INVALID);
    rs = builtin();
    assert_int_equal(hip_ruleset_parse(rs, NULL, 3), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_parse(rs, NULL, 0), HIP_OK);
    assert_int_equal(hip_ruleset_parse(rs, "x", (size_t)2 << 20), HIP_ERR_FORMAT);
    assert_int_equal(hip_ruleset_export_text(rs, NULL, 5, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_rule_at(rs, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_find(rs, NULL, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_param_at(NULL, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_get_param(rs, NULL, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_set_param(NULL, "x", 1), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_set_param(rs, NULL, 1), HIP_ERR_INVALID);
    assert_int_equal(hip_ruleset_count(NULL), 0);
    assert_int_equal(hip_ruleset_param_count(NULL), 0);
    uint32_t l = 9, col = 9;
    hip_ruleset_error_position(NULL, &l, &col);
    assert_true(l == 0 && col == 0);
    /* Evaluation arguments. */
    hist t;
    hist_init(&t, "squat", 10, 0);
    hip_progression_decision d;
    assert_int_equal(hip_progression_evaluate(rs, &t.h, D0, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_progression_evaluate(NULL, &t.h, D0, 0, &d), HIP_ERR_INVALID);
    assert_int_equal(hip_progression_evaluate(rs, &t.h, D0 - 1, 0, &d), HIP_ERR_NOT_FOUND);
    assert_int_equal(hip_progression_evaluate(rs, &t.h, D0, 1, &d), HIP_ERR_RANGE);
    hip_progression_history bad = t.h;
    bad.struct_size = 0;
    assert_int_equal(hip_progression_evaluate(rs, &bad, D0, 0, &d), HIP_ERR_INVALID);
    bad = t.h;
    bad.session_count = 1;
    assert_int_equal(hip_progression_evaluate(rs, &bad, D0, 0, &d), HIP_ERR_INVALID);
    const hip_session *null_session = NULL;
    bad.sessions = &null_session;
    assert_int_equal(hip_progression_evaluate(rs, &bad, D0, 0, &d), HIP_ERR_INVALID);
    bad = t.h;
    bad.program = NULL;
    assert_int_equal(hip_progression_evaluate(rs, &bad, D0, 0, &d), HIP_ERR_INVALID);
    bad = t.h;
    bad.checkin_count = 1;
    assert_int_equal(hip_progression_evaluate(rs, &bad, D0, 0, &d), HIP_ERR_INVALID);
    hip_checkin ck;
    hip_checkin_init(&ck, D0);
    ck.rest_pain = 11;
    bad.checkins = &ck;
    assert_int_equal(hip_progression_evaluate(rs, &bad, D0, 0, &d), HIP_ERR_FORMAT);
    size_t n;
    assert_int_equal(hip_progression_evaluate_all(rs, &t.h, D0, NULL, 1, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_progression_evaluate_all(rs, &t.h, D0, NULL, 0, NULL), HIP_ERR_INVALID);
    assert_int_equal(hip_progression_dry_run(rs, &t.h, D0, 600, NULL, 0, &n), HIP_ERR_INVALID);
    assert_int_equal(hip_progression_dry_run(rs, &t.h, INT32_MAX - 3, 2, NULL, 0, &n), HIP_ERR_RANGE);
    assert_int_equal(hip_progression_apply(NULL, NULL, t.program), HIP_ERR_INVALID);
    hip_progression_history_init(NULL);
    hip_checkin_init(NULL, 0);
    /* Names. */
    assert_string_equal(hip_progression_action_name(HIP_PROGRESSION_REFER), "refer");
    assert_string_equal(hip_progression_action_name((hip_progression_action)9), "unknown");
    assert_string_equal(hip_progression_variable_name(HIP_PROGRESSION_VAR_LOAD), "load_kg");
    assert_string_equal(hip_progression_variable_name((hip_progression_variable)9), "unknown");
    assert_string_equal(hip_red_flag_tier_name(HIP_RED_FLAG_URGENT), "urgent");
    assert_string_equal(hip_red_flag_tier_name((hip_red_flag_tier)9), "unknown");
    assert_string_equal(hip_progression_cmp_name(HIP_PROGRESSION_CMP_GE), ">=");
    assert_string_equal(hip_progression_cmp_name((hip_progression_cmp)9), "unknown");
    assert_string_equal(hip_progression_agg_name(HIP_PROGRESSION_AGG_MEAN), "mean");
    assert_string_equal(hip_progression_agg_name((hip_progression_agg)9), "unknown");
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

/* ---- §3.6 red flags ---- */

static void rf(uint32_t answers, int32_t rest_pain, uint32_t want, hip_red_flag_tier tier)
{
    hip_checkin c;
    hip_checkin_init(&c, D0);
    c.answers = answers;
    c.rest_pain = rest_pain;
    uint32_t f;
    hip_red_flag_tier t;
    assert_int_equal(hip_progression_red_flags(NULL, &c, &f, &t), HIP_OK);
    if (f != want || t != tier) fail_msg("answers %x: flags %x tier %d", answers, f, t);
}

static void test_red_flag_vectors(void **state)
{
    (void)state;
    rf(HIP_CHECKIN_FEVER | HIP_CHECKIN_HIP_PAIN, -1, HIPTRACK_RED_FLAG_BIT(1), HIP_RED_FLAG_EMERGENCY);
    rf(HIP_CHECKIN_FEVER, -1, 0, HIP_RED_FLAG_NONE);
    rf(HIP_CHECKIN_FALL, 6, 0, HIP_RED_FLAG_NONE);   /* fall, can bear weight, pain 6 */
    rf(HIP_CHECKIN_FALL | HIP_CHECKIN_CANNOT_BEAR_WEIGHT, -1, HIPTRACK_RED_FLAG_BIT(2), HIP_RED_FLAG_EMERGENCY);
    rf(HIP_CHECKIN_CANCER_HISTORY | HIP_CHECKIN_NIGHT_PAIN, -1, HIPTRACK_RED_FLAG_BIT(7), HIP_RED_FLAG_URGENT);
    rf(HIP_CHECKIN_NUMBNESS_WEAKNESS, -1, HIPTRACK_RED_FLAG_BIT(10), HIP_RED_FLAG_URGENT);
    rf(HIP_CHECKIN_STEROIDS_ALCOHOL | HIP_CHECKIN_GROIN_PAIN, -1, HIPTRACK_RED_FLAG_BIT(13), HIP_RED_FLAG_PROMPT);
    rf(HIP_CHECKIN_STEROIDS_ALCOHOL, -1, 0, HIP_RED_FLAG_NONE);
    rf(HIP_CHECKIN_CANCER_HISTORY | HIP_CHECKIN_WORSENING_PAIN | HIP_CHECKIN_FEVER | HIP_CHECKIN_HIP_PAIN, -1,
       HIPTRACK_RED_FLAG_BIT(1) | HIPTRACK_RED_FLAG_BIT(7), HIP_RED_FLAG_EMERGENCY);   /* highest wins */
    rf(0, 3, 0, HIP_RED_FLAG_NONE);
    /* Every other trigger. */
    rf(HIP_CHECKIN_HOT_SWOLLEN_HIP, -1, HIPTRACK_RED_FLAG_BIT(1), HIP_RED_FLAG_EMERGENCY);
    rf(HIP_CHECKIN_DEFORMITY, -1, HIPTRACK_RED_FLAG_BIT(2), HIP_RED_FLAG_EMERGENCY);
    rf(HIP_CHECKIN_CANNOT_WALK, -1, HIPTRACK_RED_FLAG_BIT(3), HIP_RED_FLAG_EMERGENCY);
    rf(HIP_CHECKIN_SADDLE_BLADDER_BOWEL, -1, HIPTRACK_RED_FLAG_BIT(4), HIP_RED_FLAG_EMERGENCY);
    rf(HIP_CHECKIN_RECENT_PROCEDURE | HIP_CHECKIN_NEW_WARMTH, -1, HIPTRACK_RED_FLAG_BIT(5), HIP_RED_FLAG_EMERGENCY);
    rf(HIP_CHECKIN_RECENT_PROCEDURE, -1, 0, HIP_RED_FLAG_NONE);
    rf(HIP_CHECKIN_SUDDEN_SEVERE_PAIN, -1, HIPTRACK_RED_FLAG_BIT(6), HIP_RED_FLAG_URGENT);
    rf(HIP_CHECKIN_WEIGHT_LOSS, -1, HIPTRACK_RED_FLAG_BIT(8), HIP_RED_FLAG_URGENT);
    rf(HIP_CHECKIN_CONSTANT_PAIN, -1, HIPTRACK_RED_FLAG_BIT(9), HIP_RED_FLAG_URGENT);
    rf(HIP_CHECKIN_GROIN_LUMP_ABDOMINAL, -1, HIPTRACK_RED_FLAG_BIT(11), HIP_RED_FLAG_URGENT);
    rf(HIP_CHECKIN_RAPID_WORSENING, -1, HIPTRACK_RED_FLAG_BIT(12), HIP_RED_FLAG_URGENT);
    rf(HIP_CHECKIN_MORNING_STIFFNESS, -1, HIPTRACK_RED_FLAG_BIT(14), HIP_RED_FLAG_PROMPT);
    rf(HIP_CHECKIN_CALF_PAIN, -1, HIPTRACK_RED_FLAG_BIT(15), HIP_RED_FLAG_URGENT);
    /* RF-16 at, just below and just above its threshold (8). */
    rf(HIP_CHECKIN_REST_PAIN_PERSISTS, 7, 0, HIP_RED_FLAG_NONE);
    rf(HIP_CHECKIN_REST_PAIN_PERSISTS, 8, HIPTRACK_RED_FLAG_BIT(16), HIP_RED_FLAG_PROMPT);
    rf(HIP_CHECKIN_REST_PAIN_PERSISTS, 9, HIPTRACK_RED_FLAG_BIT(16), HIP_RED_FLAG_PROMPT);
    rf(0, 9, 0, HIP_RED_FLAG_NONE);
    /* Configurable: RF-15 ([U]) off, RF-16 threshold. */
    hip_ruleset_config cfg;
    hip_ruleset_config_init(&cfg);
    cfg.red_flags_enabled &= ~HIPTRACK_RED_FLAG_BIT(15);
    cfg.rest_pain_red_flag = 9;
    hip_checkin c;
    hip_checkin_init(&c, D0);
    c.answers = HIP_CHECKIN_CALF_PAIN | HIP_CHECKIN_REST_PAIN_PERSISTS;
    c.rest_pain = 8;
    uint32_t f;
    hip_red_flag_tier t;
    assert_int_equal(hip_progression_red_flags(&cfg, &c, &f, &t), HIP_OK);
    assert_int_equal(f, 0);
    /* Errors. */
    c.rest_pain = 11;
    assert_int_equal(hip_progression_red_flags(NULL, &c, &f, &t), HIP_ERR_RANGE);
    c.rest_pain = -1;
    c.cleared = 2;
    assert_int_equal(hip_progression_red_flags(NULL, &c, &f, &t), HIP_ERR_RANGE);
    c.cleared = 0;
    c.answers = 1u << 24;
    assert_int_equal(hip_progression_red_flags(NULL, &c, &f, &t), HIP_ERR_INVALID);
    assert_int_equal(hip_progression_red_flags(NULL, NULL, &f, &t), HIP_ERR_INVALID);
    cfg.struct_size = 0;
    c.answers = 0;
    assert_int_equal(hip_progression_red_flags(&cfg, &c, &f, &t), HIP_ERR_INVALID);
}

static void test_red_flag_rule_and_clearance(void **state)
{
    (void)state;
    hist t;
    hist_init(&t, "squat", 10, 0);
    for (int d = 0; d < 5; d += 2) plain(&t, d, 12);   /* would progress */
    for (int d = 1; d < 6; d += 2) morning(&t, d, 1);
    hip_ruleset *rs = builtin();
    hip_progression_decision d = eval_at(rs, &t, 6);
    ASSERT_RULE(d, "two_for_two");
    hip_checkin_init(&t.checkins[t.nc++], D0 + 5);
    t.checkins[0].answers = HIP_CHECKIN_CANCER_HISTORY | HIP_CHECKIN_NIGHT_PAIN;
    d = eval_at(rs, &t, 4);   /* the check-in is later: not seen */
    assert_int_equal(d.action, HIP_PROGRESSION_KEEP);
    d = eval_at(rs, &t, 6);
    ASSERT_RULE(d, "red_flag");
    assert_int_equal(d.action, HIP_PROGRESSION_REFER);
    assert_int_equal(d.red_flag_tier, HIP_RED_FLAG_URGENT);
    assert_int_equal(d.red_flags, HIPTRACK_RED_FLAG_BIT(7));
    assert_non_null(strstr(d.text, "refer to a clinician (urgent: RF-07)"));
    assert_memory_equal(&d.before, &d.after, sizeof d.before);
    /* Still there a week later; cleared by a clinician on day 9; a new flag after that counts. */
    d = eval_at(rs, &t, 8);
    ASSERT_RULE(d, "red_flag");
    hip_checkin_init(&t.checkins[t.nc], D0 + 9);
    t.checkins[t.nc++].cleared = 1;
    d = eval_at(rs, &t, 9);
    assert_int_equal(d.red_flag_tier, HIP_RED_FLAG_NONE);
    assert_int_not_equal(d.action, HIP_PROGRESSION_REFER);
    hip_checkin_init(&t.checkins[t.nc], D0 + 10);
    t.checkins[t.nc++].answers = HIP_CHECKIN_CALF_PAIN;
    d = eval_at(rs, &t, 10);
    assert_int_equal(d.red_flag_tier, HIP_RED_FLAG_URGENT);
    /* A rule set without a red-flag rule still refers (the guard). */
    hip_ruleset *c = custom("rule up when rpe < 100 or reps > 0 then reps +2");
    d = eval_at(c, &t, 10);
    ASSERT_RULE(d, "red_flag_guard");
    assert_int_equal(d.action, HIP_PROGRESSION_REFER);
    assert_int_equal(d.input_count, 1);
    hip_ruleset_destroy(c);
    hip_ruleset_destroy(rs);
    hist_free(&t);
}

/* ---- §3.1 pain-monitoring model ---- */

/* One PM vector: sessions on days 0, 2, 4, 6 (last-set reps 12, so PROG-2F2 would progress);
 * the vector's pains on the session of day 11; daily logs so that usual = 2 and the week means are
 * as given (0 = fewer than 3 logs); evaluated on day 13. */
static hip_progression_decision pm_vector(int32_t during, int32_t after, int32_t next_morning,
                                          double week, double prev)
{
    hist t;
    hist_init(&t, "squat", 10, 0);
    uint32_t r[3] = {12, 12, 12};
    for (int d = 7; d <= 9; d += 2) { session(&t, d, r, NULL, 3, 3, 2, 2); morning(&t, d + 1, 2); }
    session(&t, 11, r, NULL, 3, 3, during, after);
    if (next_morning >= 0) morning(&t, 12, next_morning);
    /* "usual" is the day before the session (usual_window_days = 1): 2. Week 1 (days 0..6) and
     * week 2 (days 7..13) get 4 or 5 daily logs with the vector's means. */
    if (prev > 3.1) { daily(&t, 0, 4); daily(&t, 1, 3); } else daily(&t, 1, 3);
    daily(&t, 2, 3); daily(&t, 4, 3); daily(&t, 6, 3);             /* 3.0 or 3.2 */
    int32_t hi = week > 3.1 ? 4 : 3;                                 /* 3,3,4,2 or 4,4,4,2 */
    daily(&t, 7, hi); daily(&t, 8, hi); daily(&t, 9, 4); daily(&t, 10, 2);
    hip_ruleset_config cfg;
    hip_ruleset_config_init(&cfg);
    cfg.usual_window_days = 1;
    cfg.usual_min_logs = 1;
    hip_ruleset *rs = NULL;
    assert_int_equal(hip_ruleset_create(&cfg, &rs), HIP_OK);
    hip_progression_decision d = eval_at(rs, &t, 13);
    hip_ruleset_destroy(rs);
    hist_free(&t);
    return d;
}

static void test_pm_vectors(void **state)
{
    (void)state;
    /* usual = 2 for every vector (the 24-h log of the day before the session). */
    hip_progression_decision d;
    d = pm_vector(3, 2, 2, 3.0, 3.2);            /* PM-T1 */
    assert_int_equal(d.rule_class, HIP_PROGRESSION_CLASS_PROGRESS);
    d = pm_vector(5, 5, 2, 3.0, 3.0);            /* PM-T2: 5 is still acceptable */
    assert_int_equal(d.rule_class, HIP_PROGRESSION_CLASS_PROGRESS);
    ASSERT_RULE(d, "two_for_two");
    d = pm_vector(6, 4, 2, 3.0, 3.0);            /* PM-T3 */
    ASSERT_RULE(d, "pm1_pain_during");
    assert_int_equal(d.action, HIP_PROGRESSION_REGRESS);
    assert_string_equal(d.after.exercise_id, "mini_squat");
    d = pm_vector(4, 6, 3, 3.0, 3.0);            /* PM-T4: PM-2 outranks PM-3 */
    ASSERT_RULE(d, "pm2_pain_after");
    assert_int_equal(d.action, HIP_PROGRESSION_REGRESS);
    d = pm_vector(4, 5, 4, 3.0, 3.0);            /* PM-T5 */
    ASSERT_RULE(d, "pm3_next_morning");
    assert_int_equal(d.action, HIP_PROGRESSION_CHANGE);
    assert_int_equal(d.variable, HIP_PROGRESSION_VAR_SETS);   /* body weight: sets 3 -> 2 */
    assert_int_equal(d.after.sets, 2);
    d = pm_vector(5, 3, 3, 3.0, 3.0);            /* PM-T6 */
    ASSERT_RULE(d, "pm3_next_morning");
    d = pm_vector(4, 4, 2, 3.5, 3.0);            /* PM-T7 */
    ASSERT_RULE(d, "pm4_week_rise");
    assert_int_equal(d.action, HIP_PROGRESSION_KEEP);
    d = pm_vector(2, 2, -1, 3.0, 3.0);           /* PM-T8 */
    ASSERT_RULE(d, "pm5_pending");
    /* PM-T9: an NRS of 11 never gets into the history. */
    hip_session *s = NULL;
    assert_int_equal(hip_session_create(NULL, &s), HIP_OK);
    assert_int_equal(hip_session_start(s, 0, 0), HIP_OK);
    assert_int_equal(hip_session_set_pain(s, HIP_PAIN_DURING, 11), HIP_ERR_RANGE);
    hip_session_destroy(s);
}

static void test_pm1_pm2_thresholds(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    for (int which = 0; which < 2; which++)
        for (int32_t p = 4; p <= 6; p++) {
            hist t;
            hist_init(&t, "squat", 10, 0);
            uint32_t r[3] = {10, 10, 10};
            session(&t, 1, r, NULL, 3, -1, which ? 1 : p, which ? p : 1);
            morning(&t, 2, 0);
            hip_progression_decision d = eval_at(rs, &t, 6);
            const char *id = which ? "pm2_pain_after" : "pm1_pain_during";
            if (p > 5) {
                ASSERT_RULE(d, id);
                assert_int_equal(d.input_count, 1);
                assert_true(d.inputs[0].value == p && d.inputs[0].threshold == 5);
                assert_string_equal(d.inputs[0].threshold_param, "pain_acceptable");
                assert_int_equal(d.inputs[0].window, 7);
                assert_int_equal(d.inputs[0].window_unit, HIP_PROGRESSION_WINDOW_DAYS);
                assert_int_equal(d.inputs[0].aggregate, HIP_PROGRESSION_AGG_MAX);
            } else {
                assert_string_not_equal(d.rule_id, id);
            }
            /* Outside the window (7 days) the pain no longer counts. */
            d = eval_at(rs, &t, 8);
            assert_string_not_equal(d.rule_id, id);
            /* Without a catalog there is no easier variant: the next alternative (sets -1). */
            if (p > 5) {
                t.h.catalog = NULL;
                d = eval_at(rs, &t, 6);
                assert_int_equal(d.action, HIP_PROGRESSION_CHANGE);
                assert_int_equal(d.after.sets, 2);
            }
            hist_free(&t);
        }
    /* The threshold is a param. */
    set_param(rs, "pain_acceptable", 3);
    hist t;
    hist_init(&t, "squat", 10, 0);
    uint32_t r[3] = {10, 10, 10};
    session(&t, 1, r, NULL, 3, -1, 4, -1);
    ASSERT_RULE(eval_at(rs, &t, 6), "pm1_pain_during");
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

static void test_pm3_next_morning(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    for (int32_t nm = 1; nm <= 3; nm++) {
        hist t;
        hist_init(&t, "squat", 10, 20);
        for (int d = 0; d < 5; d++) daily(&t, d, 2);   /* usual = 2 */
        plain(&t, 5, 10);
        morning(&t, 6, nm);
        hip_progression_decision d = eval_at(rs, &t, 6);
        if (nm > 2) {
            ASSERT_RULE(d, "pm3_next_morning");
            assert_int_equal(d.variable, HIP_PROGRESSION_VAR_LOAD);   /* 20 kg -25 % = 15 kg */
            assert_true(d.after.load_kg == 15);
            assert_true(d.inputs[0].value == 1 && d.inputs[0].threshold == 0);
        } else {
            assert_string_not_equal(d.rule_id, "pm3_next_morning");
        }
        /* The tolerance is a param. */
        set_param(rs, "next_morning_tolerance", 1);
        assert_string_not_equal(eval_at(rs, &t, 6).rule_id, "pm3_next_morning");
        set_param(rs, "next_morning_tolerance", 0);
        hist_free(&t);
    }
    /* Fewer than 3 logs before the session: the enrolment baseline is "usual". */
    hist t;
    hist_init(&t, "squat", 10, 0);
    daily(&t, 0, 4);
    daily(&t, 1, 4);
    plain(&t, 2, 10);
    morning(&t, 3, 4);
    assert_string_not_equal(eval_at(rs, &t, 3).rule_id, "pm3_next_morning");
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

static void test_pm4_week_rise(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    /* (week mean - previous) = -1/3, 0, +1/3 with 3 logs each; then only 2 logs this week. */
    int32_t this_week[3][3] = {{3, 3, 2}, {3, 3, 3}, {3, 3, 4}};
    for (int k = 0; k < 4; k++) {
        hist t;
        hist_init(&t, "squat", 10, 0);
        plain(&t, 8, 10);
        morning(&t, 9, 0);
        for (int d = 0; d < 3; d++) daily(&t, d, 3);
        for (int d = 0; d < (k == 3 ? 2 : 3); d++) daily(&t, 7 + d, this_week[k == 3 ? 2 : k][d]);
        hip_progression_decision dec = eval_at(rs, &t, 13);
        if (k == 2) {
            ASSERT_RULE(dec, "pm4_week_rise");
            assert_int_equal(dec.input_count, 2);
        } else {
            assert_string_not_equal(dec.rule_id, "pm4_week_rise");
        }
        hist_free(&t);
    }
    hip_ruleset_destroy(rs);
}

static void test_pm5_pending(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    hist t;
    hist_init(&t, "squat", 10, 0);
    /* No session at all: nothing is pending and no rule applies. */
    hip_progression_decision d = eval_at(rs, &t, 6);
    assert_string_equal(d.rule_id, "");
    assert_int_equal(d.action, HIP_PROGRESSION_KEEP);
    assert_non_null(strstr(d.text, "no rule applies"));
    plain(&t, 6, 10);
    ASSERT_RULE(eval_at(rs, &t, 6), "pm5_pending");   /* the morning after is tomorrow */
    ASSERT_RULE(eval_at(rs, &t, 7), "pm5_pending");
    morning(&t, 7, 1);
    assert_string_not_equal(eval_at(rs, &t, 7).rule_id, "pm5_pending");
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

/* ---- §3.5 flares ---- */

/* Daily 24-h pain 2 on days 0..9, then 5 from day 10 (FLARE-ON on day 11) up to day last. */
static void flare_history(hist *t, int32_t last)
{
    for (int32_t d = 0; d <= last; d++) daily(t, d, d < 10 ? 2 : 5);
}

static void test_flares(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    hist t;
    hist_init(&t, "squat", 10, 0);
    flare_history(&t, 20);
    hip_progression_decision d = eval_at(rs, &t, 10);
    assert_string_not_equal(d.rule_id, "flare_regress");   /* one high day is not a flare */
    d = eval_at(rs, &t, 11);
    ASSERT_RULE(d, "flare_regress");
    assert_int_equal(d.action, HIP_PROGRESSION_REGRESS);
    assert_string_equal(d.after.exercise_id, "mini_squat");
    /* FLARE-ESCALATE: flare_days 7 (day 18) is not > 7; day 19 is. */
    d = eval_at(rs, &t, 18);
    assert_string_not_equal(d.rule_id, "flare_escalate");
    d = eval_at(rs, &t, 19);
    ASSERT_RULE(d, "flare_escalate");
    assert_int_equal(d.action, HIP_PROGRESSION_REFER);
    assert_int_equal(d.red_flag_tier, HIP_RED_FLAG_NONE);
    /* Once the regression is applied (effective day 12), the flare only pauses progression. */
    d = eval_at(rs, &t, 11);
    assert_int_equal(hip_progression_apply(&d, t.catalog, t.program), HIP_OK);
    d = eval_at(rs, &t, 12);
    ASSERT_RULE(d, "flare_pause");
    assert_int_equal(d.action, HIP_PROGRESSION_PAUSE);
    assert_int_equal(hip_progression_apply(&d, t.catalog, t.program), HIP_DONE);
    hist_free(&t);
    /* A stretch (not strength) only pauses. */
    hist_init(&t, "hip_flexor_stretch", 0, 0);
    flare_history(&t, 12);
    ASSERT_RULE(eval_at(rs, &t, 11), "flare_pause");
    /* Without a catalog "strength" is unknown: pause as well. */
    t.h.catalog = NULL;
    ASSERT_RULE(eval_at(rs, &t, 11), "flare_pause");
    hist_free(&t);
    /* Frequent flares: two flares within 30 days; the count threshold at 3 (default), 2, 1. */
    hist_init(&t, "hip_flexor_stretch", 0, 0);
    int32_t v[] = {2, 2, 2, 2, 2, 5, 5, 2, 2, 2, 2, 2, 2, 2, 5, 5, 2, 2, 2};
    for (int32_t i = 0; i < 19; i++) daily(&t, i, v[i]);
    size_t nf;
    hip_pain_flare fl[4];
    assert_int_equal(hip_painlog_flares(t.pain, HIP_PAIN_CONTEXT_AVG_24H, fl, 4, &nf), HIP_OK);
    assert_int_equal(nf, 2);
    assert_string_not_equal(eval_at(rs, &t, 18).rule_id, "flare_escalate");
    set_param(rs, "flare_frequent_count", 2);
    ASSERT_RULE(eval_at(rs, &t, 18), "flare_escalate");
    set_param(rs, "flare_frequent_count", 1);
    ASSERT_RULE(eval_at(rs, &t, 18), "flare_escalate");
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

/* ---- §3.3 performance ---- */

static hip_progression_decision two_for_two(uint32_t target, const uint32_t *last_set, size_t n)
{
    hist t;
    hist_init(&t, "squat", target, 0);
    for (size_t i = 0; i < n; i++) {
        uint32_t r[3] = {target, target, last_set[i]};
        session(&t, (int32_t)(2 * i), r, NULL, 3, -1, -1, -1);
        morning(&t, (int32_t)(2 * i + 1), 0);
    }
    hip_ruleset *rs = builtin();
    hip_progression_decision d = eval_at(rs, &t, 13);
    hip_ruleset_destroy(rs);
    hist_free(&t);
    return d;
}

static void test_two_for_two_vectors(void **state)
{
    (void)state;
    uint32_t a[] = {12, 12}, b[] = {12, 11}, c[] = {11, 13, 12}, e[] = {12}, f[] = {10, 10}, g[] = {14, 13};
    hip_progression_decision d = two_for_two(10, a, 2);
    ASSERT_RULE(d, "two_for_two");
    assert_int_equal(d.variable, HIP_PROGRESSION_VAR_REPS);
    assert_int_equal(d.after.reps, 12);
    assert_non_null(strstr(d.text, "squat: reps 10 -> 12, because"));
    assert_string_not_equal(two_for_two(10, b, 2).rule_id, "two_for_two");
    ASSERT_RULE(two_for_two(10, c, 3), "two_for_two");
    assert_string_not_equal(two_for_two(10, e, 1).rule_id, "two_for_two");
    ASSERT_RULE(two_for_two(8, f, 2), "two_for_two");
    assert_string_not_equal(two_for_two(12, g, 2).rule_id, "two_for_two");
}

static void test_progression_ladder(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    /* reps 14 -> 15 (the catalog dose max), then sets 3 is already the max, then advance; a loaded
     * exercise at the end of its graph goes up in load. */
    struct { const char *ex; uint32_t reps; uint32_t sets; double load; hip_progression_action act;
             uint32_t want_reps; const char *want_ex; double want_load; } cases[] = {
        {"squat", 14, 3, 0, HIP_PROGRESSION_CHANGE, 15, "squat", 0},
        {"squat", 15, 2, 0, HIP_PROGRESSION_CHANGE, 15, "squat", 0},
        {"squat", 15, 3, 0, HIP_PROGRESSION_ADVANCE, 8, "goblet_squat", 0},
        {"lunge", 15, 3, 10, HIP_PROGRESSION_CHANGE, 15, "lunge", 10.5},
        {"lunge", 15, 3, 4, HIP_PROGRESSION_KEEP, 15, "lunge", 4},   /* 4.5 kg is +12.5 % */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hist t;
        hist_init(&t, cases[i].ex, cases[i].reps, cases[i].load);
        hip_prescription rx;
        assert_int_equal(hip_program_exercise_at(t.program, 0, 0, &rx), HIP_OK);
        if (rx.sets != cases[i].sets) {
            assert_int_equal(hip_program_begin(t.program, D0, 3, NULL), HIP_OK);
            rx.sets = cases[i].sets;
            assert_int_equal(hip_program_replace(t.program, 0, &rx), HIP_OK);
            assert_int_equal(hip_program_commit(t.program), HIP_OK);
        }
        uint32_t r[3] = {cases[i].reps + 2, cases[i].reps + 2, cases[i].reps + 2};
        session(&t, 0, r, NULL, cases[i].sets, -1, -1, -1);
        session(&t, 2, r, NULL, cases[i].sets, -1, -1, -1);
        morning(&t, 3, 0);
        hip_progression_decision d = eval_at(rs, &t, 6);
        ASSERT_RULE(d, "two_for_two");
        if (d.action != cases[i].act) fail_msg("case %zu: %s", i, d.text);
        assert_int_equal(d.after.reps, cases[i].want_reps);
        assert_string_equal(d.after.exercise_id, cases[i].want_ex);
        assert_true(d.after.load_kg == cases[i].want_load);
        if (i == 1) assert_int_equal(d.after.sets, 3);
        if (cases[i].act == HIP_PROGRESSION_KEEP) {
            assert_int_equal(d.limited, 1);
            assert_non_null(strstr(d.text, "no further step"));
        }
        hist_free(&t);
    }
    hip_ruleset_destroy(rs);
}

static void test_load_vectors(void **state)
{
    (void)state;
    double n;
    assert_int_equal(hip_progression_load_step(10, 5, 0.5, 10, &n), HIP_OK);
    assert_true(n == 10.5);
    assert_int_equal(hip_progression_load_step(20, 5, 1.0, 10, &n), HIP_OK);
    assert_true(n == 21.0);
    assert_int_equal(hip_progression_load_step(8, 5, 0.5, 10, &n), HIP_OK);
    assert_true(n == 8.5);
    assert_int_equal(hip_progression_load_step(4, 10, 0.5, 10, &n), HIP_DONE);
    assert_true(n == 4.5);
    assert_int_equal(hip_progression_load_step(2, 5, 0.5, 10, &n), HIP_DONE);
    assert_true(n == 2.5);
    assert_int_equal(hip_progression_load_step(5, 5, 0.5, 10, &n), HIP_OK);   /* exactly +10 % */
    assert_true(n == 5.5);
    assert_int_equal(hip_progression_load_step(0, 5, 0.5, 10, &n), HIP_ERR_RANGE);
    assert_int_equal(hip_progression_load_step(10, 0, 0.5, 10, &n), HIP_ERR_RANGE);
    assert_int_equal(hip_progression_load_step(10, 5, 0, 10, &n), HIP_ERR_RANGE);
    assert_int_equal(hip_progression_load_step(10, 5, 0.5, 10, NULL), HIP_ERR_INVALID);
}

static void test_under_performance(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    hist t;
    hist_init(&t, "squat", 10, 0);
    uint32_t done[4][3] = {{10, 10, 10}, {8, 8, 8}, {10, 10, 5}, {10, 10, 0}};   /* 30, 24, 25, 20 */
    for (int i = 0; i < 4; i++) {
        session(&t, 2 * i, done[i], NULL, 3, -1, -1, -1);
        morning(&t, 2 * i + 1, 0);
        hip_progression_decision d = eval_at(rs, &t, 2 * i + 1);
        if (i == 3) {
            ASSERT_RULE(d, "under_performance");
            assert_int_equal(d.after.reps, 8);
            assert_true(d.inputs[0].value > 83.3 && d.inputs[0].value < 83.4);   /* max of 80, 83.3, 66.7 */
        } else {
            assert_string_not_equal(d.rule_id, "under_performance");
        }
    }
    /* At the threshold: one complete session among the last 3 stops it. */
    uint32_t full[3] = {10, 10, 10};
    session(&t, 8, full, NULL, 3, -1, -1, -1);
    morning(&t, 9, 0);
    assert_string_not_equal(eval_at(rs, &t, 9).rule_id, "under_performance");
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

static void test_quality_and_effort(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    /* good_rep_pct of two sessions: 20/30 = 66.7 (below 70), 21/30 = 70 (at), 22/30 = 73.3. */
    for (uint32_t badn = 8; badn <= 10; badn++) {
        hist t;
        hist_init(&t, "squat", 10, 0);
        uint32_t r[3] = {10, 10, 10}, bad[3] = {badn, 0, 0};
        session(&t, 0, r, bad, 3, -1, -1, -1);
        session(&t, 2, r, bad, 3, -1, -1, -1);
        morning(&t, 3, 0);
        hip_progression_decision d = eval_at(rs, &t, 6);
        if (badn == 10) {
            ASSERT_RULE(d, "quality_down");
            assert_string_equal(d.after.exercise_id, "mini_squat");
        } else {
            assert_string_not_equal(d.rule_id, "quality_down");
        }
        hist_free(&t);
    }
    /* quality_hold: only the last session low. */
    hist t;
    hist_init(&t, "squat", 10, 0);
    uint32_t r[3] = {12, 12, 12}, bad[3] = {12, 0, 0}, none[3] = {0, 0, 0};
    session(&t, 0, r, none, 3, -1, -1, -1);
    session(&t, 2, r, bad, 3, -1, -1, -1);
    morning(&t, 3, 0);
    ASSERT_RULE(eval_at(rs, &t, 6), "quality_hold");
    hist_free(&t);
    /* effort: RPE 5,5 holds (even with 2 reps over target); 4,5 does not hold; 4,4 progresses. */
    int32_t rpes[4][2] = {{5, 5}, {4, 5}, {4, 4}, {5, 6}};
    const char *want[4] = {"effort_hold", "", "two_for_two", "effort_hold"};
    for (int k = 0; k < 4; k++) {
        hist_init(&t, "squat", 10, 0);
        uint32_t rr[3] = {10, 10, 10};
        session(&t, 0, rr, NULL, 3, rpes[k][0], -1, -1);
        session(&t, 2, rr, NULL, 3, rpes[k][1], -1, -1);
        morning(&t, 3, 0);
        hip_progression_decision d = eval_at(rs, &t, 6);
        if (k == 2) ASSERT_RULE(d, "effort_up");
        else if (*want[k]) ASSERT_RULE(d, want[k]);
        else assert_string_equal(d.rule_id, "");
        hist_free(&t);
    }
    /* effort_up threshold is a param. */
    set_param(rs, "rpe_easy_max", 3);
    hist_init(&t, "squat", 10, 0);
    uint32_t rr[3] = {10, 10, 10};
    session(&t, 0, rr, NULL, 3, 4, -1, -1);
    session(&t, 2, rr, NULL, 3, 4, -1, -1);
    morning(&t, 3, 0);
    assert_string_equal(eval_at(rs, &t, 6).rule_id, "");
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

/* ---- decision order, missing data, custom rules ---- */

static void test_order_and_missing_data(void **state)
{
    (void)state;
    hist t;
    hist_init(&t, "squat", 10, 0);
    plain(&t, 0, 12);
    plain(&t, 2, 12);
    morning(&t, 3, 0);
    /* Classes first (keep beats progress whatever the priority), then priority, then order. */
    hip_ruleset *rs = custom("rule up priority 999 when reps >= 1 then reps +1\n"
                             "rule hold priority 1 when reps >= 1 then keep\n"
                             "rule first priority 5 when sets >= 1 then keep\n"
                             "rule second priority 5 when sets >= 1 then keep\n");
    ASSERT_RULE(eval_at(rs, &t, 6), "first");
    hip_ruleset_destroy(rs);
    /* Unknown data: a comparison is unknown, "not" keeps it unknown, "or" with true is true. */
    rs = custom("rule a priority 9 when not (pain_during > 5) then keep\n"
                "rule b priority 8 when pain_during > 5 or reps = 10 then pause\n");
    hip_progression_decision d = eval_at(rs, &t, 6);
    ASSERT_RULE(d, "b");
    assert_int_equal(d.input_count, 2);
    assert_int_equal(d.inputs[0].known, 0);
    assert_int_equal(d.inputs[0].result, -1);
    assert_int_equal(d.inputs[1].result, 1);
    assert_non_null(strstr(d.text, "pain_during unknown > 5"));
    hip_ruleset_destroy(rs);
    /* Aggregates and windows. */
    rs = custom("rule c when count pain_during over last 2 sessions = 0 and mean completion_pct over last 14 days = 100"
                " and sessions over last 5 days = 1 and days_since_change = 6 and sessions_since_change = 2"
                " and last_set_reps = 12 and hold_s = 0 and load_kg = 0 then keep");
    d = eval_at(rs, &t, 6);
    if (strcmp(d.rule_id, "c") != 0) fail_msg("%s", d.text);
    hip_ruleset_destroy(rs);
    rs = custom("rule d when max rpe over last 3 sessions >= 0 then keep\n"   /* only 2 sessions */
                "rule e when min pain_daily over last 7 days >= 0 then keep\n"
                "rule f when strength = 1 and flare = 0 and red_flag = 0 and week_logs_min = 0 then pause\n");
    ASSERT_RULE(eval_at(rs, &t, 6), "f");
    hip_ruleset_destroy(rs);
    hist_free(&t);
}

static void test_explanation_fits(void **state)
{
    (void)state;
    char text[2048] = "rule a when reps > 1 and reps > 2 and reps > 3 and reps > 4 and reps > 5 and reps > 6 "
                      "and reps > 7 and reps > 8 then keep say \"";
    for (int i = 0; i < 55; i++) strcat(text, "\xc3\xa9");   /* 110 bytes of UTF-8 */
    strcat(text, "\"");
    hip_ruleset *rs = custom(text);
    hist t;
    hist_init(&t, "squat", 10, 0);
    hip_progression_decision d = eval_at(rs, &t, 6);
    ASSERT_RULE(d, "a");
    assert_int_equal(d.input_count, 8);
    size_t n = strlen(d.text);
    assert_true(n < sizeof d.text);
    assert_string_equal(d.text + n - 3, "...");
    assert_true(((unsigned char)d.text[n - 4] & 0xC0) != 0xC0);   /* not a cut-off lead byte */
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

/* ---- evaluate_all, dry run, apply ---- */

static void test_all_dry_run_and_apply(void **state)
{
    (void)state;
    hip_ruleset *rs = builtin();
    hist t;
    hist_init(&t, "squat", 10, 0);
    assert_int_equal(hip_program_begin(t.program, D0 + 7, 3, "add bridge"), HIP_OK);
    hip_prescription rx;
    hip_prescription_init(&rx, "bridge");
    assert_int_equal(hip_program_add(t.program, &rx), HIP_OK);
    assert_int_equal(hip_program_commit(t.program), HIP_OK);
    for (int d = 0; d < 13; d += 2) { plain(&t, d, 12); morning(&t, d + 1, 0); }
    hist_sync(&t);
    size_t n;
    assert_int_equal(hip_progression_evaluate_all(rs, &t.h, D0 + 13, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 2);
    hip_progression_decision all[2];
    assert_int_equal(hip_progression_evaluate_all(rs, &t.h, D0 + 13, all, 1, &n), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_progression_evaluate_all(rs, &t.h, D0 + 13, all, 2, &n), HIP_OK);
    assert_string_equal(all[1].before.exercise_id, "bridge");
    assert_int_equal(all[1].exercise_index, 1);
    assert_int_equal(hip_progression_evaluate_all(rs, &t.h, D0 - 1, all, 2, &n), HIP_ERR_NOT_FOUND);
    /* Dry run from a week before the program: week 1 has no rows, week 2 one, weeks 3-4 two. */
    assert_int_equal(hip_progression_dry_run(rs, &t.h, D0 - 7, 4, NULL, 0, &n), HIP_OK);
    assert_int_equal(n, 5);
    hip_progression_row rows[5];
    assert_int_equal(hip_progression_dry_run(rs, &t.h, D0 - 7, 4, rows, 4, &n), HIP_ERR_BUFSIZE);
    assert_int_equal(hip_progression_dry_run(rs, &t.h, D0 - 7, 4, rows, 5, &n), HIP_OK);
    assert_int_equal(rows[0].week, 2);
    assert_int_equal(rows[0].decision.day, D0 - 7 + 13);
    assert_int_equal(rows[4].week, 4);
    ASSERT_RULE(rows[1].decision, "two_for_two");
    /* Deterministic: the same rows again. */
    hip_progression_row again[5];
    assert_int_equal(hip_progression_dry_run(rs, &t.h, D0 - 7, 4, again, 5, &n), HIP_OK);
    assert_memory_equal(rows, again, sizeof rows);
    /* Apply: a new version from the next day with the sentence as its note. */
    hip_progression_decision d = all[0];
    ASSERT_RULE(d, "two_for_two");
    assert_int_equal(hip_progression_apply(&d, t.catalog, t.program), HIP_OK);
    assert_int_equal(hip_program_version_count(t.program), 3);
    hip_program_version v;
    assert_int_equal(hip_program_version_at(t.program, 2, &v), HIP_OK);
    assert_int_equal(v.effective_day, D0 + 14);
    assert_string_equal(v.note, d.text);
    assert_int_equal(hip_program_exercise_at(t.program, 2, 0, &rx), HIP_OK);
    assert_int_equal(rx.reps, 12);
    /* History is not edited; a stale decision is refused. */
    assert_int_equal(hip_program_exercise_at(t.program, 1, 0, &rx), HIP_OK);
    assert_int_equal(rx.reps, 10);
    assert_int_equal(hip_progression_apply(&d, t.catalog, t.program), HIP_ERR_STATE);
    /* The new dose counts as a change: no progression until 2 sessions at it. */
    plain(&t, 14, 14);
    morning(&t, 15, 0);
    hip_progression_decision e = eval_at(rs, &t, 15);
    assert_string_not_equal(e.rule_id, "two_for_two");
    plain(&t, 16, 14);
    morning(&t, 17, 0);
    e = eval_at(rs, &t, 17);
    ASSERT_RULE(e, "two_for_two");
    /* KEEP gives HIP_DONE; a draft in the way is HIP_ERR_STATE; unknown variant NOT_FOUND. */
    hip_progression_decision k = e;
    k.action = HIP_PROGRESSION_KEEP;
    assert_int_equal(hip_progression_apply(&k, NULL, t.program), HIP_DONE);
    k.action = (hip_progression_action)42;
    assert_int_equal(hip_progression_apply(&k, NULL, t.program), HIP_ERR_INVALID);
    assert_int_equal(hip_program_begin(t.program, D0 + 20, 3, NULL), HIP_OK);
    assert_int_equal(hip_progression_apply(&e, t.catalog, t.program), HIP_ERR_STATE);
    assert_int_equal(hip_program_discard(t.program), HIP_OK);
    k = e;
    k.action = HIP_PROGRESSION_ADVANCE;
    strcpy(k.after.exercise_id, "no_such_thing");
    assert_int_equal(hip_progression_apply(&k, t.catalog, t.program), HIP_ERR_NOT_FOUND);
    /* The program refuses an effective day before its latest version: its error, no draft left. */
    k = e;
    k.effective_day = D0 + 1;
    assert_int_equal(hip_progression_apply(&k, t.catalog, t.program), HIP_ERR_RANGE);
    assert_int_equal(hip_program_draft_count(t.program, &n), HIP_ERR_STATE);
    /* A bad replacement (sets 0) fails inside the draft: discarded, message kept. */
    k = e;
    k.after.sets = 0;
    assert_int_equal(hip_progression_apply(&k, t.catalog, t.program), HIP_ERR_INVALID);
    assert_non_null(strstr(hip_program_last_error(t.program), "sets"));
    assert_int_equal(hip_program_draft_count(t.program, &n), HIP_ERR_STATE);
    assert_int_equal(hip_program_version_count(t.program), 3);
    assert_int_equal(hip_progression_apply(&e, t.catalog, t.program), HIP_OK);
    hist_free(&t);
    hip_ruleset_destroy(rs);
}

/* ---- allocation failures ---- */

static void test_allocation_failures(void **state)
{
    (void)state;
    hip_test_alloc_state as;
    hip_ruleset_config cfg;
    hip_ruleset_config_init(&cfg);
    cfg.allocator = hip_test_counting_allocator(&as);
    hip_ruleset *rs = NULL;
    for (long n = 0;; n++) {
        hip_test_alloc_reset(&as, n);
        hip_status st = hip_ruleset_create(&cfg, &rs);
        if (st == HIP_OK) break;
        assert_int_equal(st, HIP_ERR_NOMEM);
        assert_null(rs);
        assert_int_equal(as.outstanding, 0);
    }
    as.countdown = -1;
    size_t len;
    assert_int_equal(hip_ruleset_export_text(rs, NULL, 0, &len), HIP_OK);
    char *before = malloc(len + 1);
    assert_int_equal(hip_ruleset_export_text(rs, before, len + 1, &len), HIP_OK);
    /* Parsing more text: each failure leaves the set as it was. */
    static const char more[] = "param extra = 3\nrule extra_rule when rpe > extra then keep\n"
                               "rule extra_two when rpe > 9 then sets -1 else reps -1\n";
    hip_ruleset_destroy(rs);
    cfg.include_builtin = 0;
    assert_int_equal(hip_ruleset_create(&cfg, &rs), HIP_OK);
    static const char first[] = "rule r0 when rpe > 1 then keep\n";
    assert_int_equal(hip_ruleset_parse(rs, first, sizeof first - 1), HIP_OK);
    char *base = malloc(4096);
    assert_int_equal(hip_ruleset_export_text(rs, base, 4096, &len), HIP_OK);
    for (long n = 0;; n++) {
        as.countdown = n;
        hip_status st = hip_ruleset_parse(rs, more, sizeof more - 1);
        as.countdown = -1;
        if (st == HIP_OK) break;
        assert_int_equal(st, HIP_ERR_NOMEM);
        char now[4096];
        assert_int_equal(hip_ruleset_export_text(rs, now, sizeof now, &len), HIP_OK);
        assert_string_equal(now, base);
    }
    assert_int_equal(hip_ruleset_count(rs), 3);
    hip_ruleset_destroy(rs);
    assert_int_equal(as.outstanding, 0);
    free(before);
    free(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_round_trip_and_queries),
        cmocka_unit_test(test_api_errors),
        cmocka_unit_test(test_red_flag_vectors),
        cmocka_unit_test(test_red_flag_rule_and_clearance),
        cmocka_unit_test(test_pm_vectors),
        cmocka_unit_test(test_pm1_pm2_thresholds),
        cmocka_unit_test(test_pm3_next_morning),
        cmocka_unit_test(test_pm4_week_rise),
        cmocka_unit_test(test_pm5_pending),
        cmocka_unit_test(test_flares),
        cmocka_unit_test(test_two_for_two_vectors),
        cmocka_unit_test(test_progression_ladder),
        cmocka_unit_test(test_load_vectors),
        cmocka_unit_test(test_under_performance),
        cmocka_unit_test(test_quality_and_effort),
        cmocka_unit_test(test_order_and_missing_data),
        cmocka_unit_test(test_explanation_fits),
        cmocka_unit_test(test_all_dry_run_and_apply),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
