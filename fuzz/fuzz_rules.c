/* Fuzz target: the rule-language parser. Accepted text must round-trip through the canonical
 * export (export, parse, export gives the same text) and evaluate without failing on a small
 * history; rejected text must leave the rule set unchanged and report a line and column. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hiptrack/hiptrack.h"

static char *export_all(const hip_ruleset *rs)
{
    size_t len = 0;
    if (hip_ruleset_export_text(rs, NULL, 0, &len) != HIP_OK) abort();
    char *buf = malloc(len + 1);
    if (!buf || hip_ruleset_export_text(rs, buf, len + 1, &len) != HIP_OK) abort();
    return buf;
}

static void evaluate(const hip_ruleset *rs)
{
    hip_program *p = NULL;
    hip_prescription rx;
    hip_prescription_init(&rx, "squat");
    if (hip_program_create(NULL, &p) != HIP_OK || hip_program_begin(p, 20000, 3, NULL) != HIP_OK ||
        hip_program_add(p, &rx) != HIP_OK || hip_program_commit(p) != HIP_OK)
        abort();
    hip_checkin ck;
    hip_checkin_init(&ck, 20003);
    hip_progression_history h;
    hip_progression_history_init(&h);
    h.program = p;
    h.checkins = &ck;
    h.checkin_count = 1;
    hip_progression_decision d;
    if (hip_progression_evaluate(rs, &h, 20006, 0, &d) != HIP_OK) abort();
    if (memchr(d.text, 0, sizeof d.text) == NULL || d.input_count > HIPTRACK_PROGRESSION_MAX_INPUTS) abort();
    hip_program_destroy(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hip_ruleset_config cfg;
    hip_ruleset_config_init(&cfg);
    cfg.include_builtin = 0;
    hip_ruleset *rs = NULL;
    if (hip_ruleset_create(&cfg, &rs) != HIP_OK) abort();
    /* A param and a rule first, so that "unchanged" means something. */
    static const char seed[] = "param limit = 5\nrule base when pain_during > limit then keep\n";
    if (hip_ruleset_parse(rs, seed, sizeof seed - 1) != HIP_OK) abort();
    char *before = export_all(rs);
    hip_status st = hip_ruleset_parse(rs, (const char *)data, size);
    char *after = export_all(rs);
    if (st != HIP_OK) {
        uint32_t line = 0, col = 0;
        hip_ruleset_error_position(rs, &line, &col);
        if (st != HIP_ERR_FORMAT || strcmp(before, after) != 0 || !hip_ruleset_last_error(rs)[0] ||
            line == 0 || col == 0)
            abort();
    } else {
        hip_ruleset *again = NULL;
        if (hip_ruleset_create(&cfg, &again) != HIP_OK) abort();
        if (hip_ruleset_parse(again, after, strlen(after)) != HIP_OK) abort();
        char *text = export_all(again);
        if (strcmp(text, after) != 0) abort();
        free(text);
        hip_ruleset_destroy(again);
        evaluate(rs);
    }
    free(before);
    free(after);
    hip_ruleset_destroy(rs);
    return 0;
}
