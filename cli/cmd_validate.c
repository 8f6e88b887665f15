/* hiptrack validate: is a file a valid hiptrack document? Malformed JSON (exit 2) is told apart from
 * well-formed JSON that breaks a hiptrack rule (exit 1), with line/column or the field path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "hiptrack/hiptrack.h"

static int validate_catalog(const char *path, const char *text, size_t len)
{
    hip_catalog *cat = NULL;
    if (hip_catalog_create(NULL, &cat) != HIP_OK) return CLI_IOERR;
    hip_status st = hip_catalog_import_json(cat, text, len);
    if (st != HIP_OK) fprintf(stderr, "%s: invalid hiptrack.catalog: %s\n", path, hip_catalog_last_error(cat));
    else printf("%s: valid hiptrack.catalog (%zu exercises in all)\n", path, hip_catalog_count(cat));
    hip_catalog_destroy(cat);
    return st == HIP_OK ? CLI_OK : CLI_INVALID;
}

/* The built-in catalog plus, with --catalog, the app's custom exercises: the ids a document may use. */
static int open_catalog(const char *catalog_path, hip_catalog **out)
{
    if (hip_catalog_create(NULL, out) != HIP_OK) return CLI_IOERR;
    if (!catalog_path) return CLI_OK;
    size_t len;
    char *text = cli_read_file(catalog_path, &len);
    if (!text) return CLI_IOERR;
    hip_status st = hip_catalog_import_json(*out, text, len);
    free(text);
    if (st == HIP_OK) return CLI_OK;
    fprintf(stderr, "%s: %s\n", catalog_path, hip_catalog_last_error(*out));
    return CLI_INVALID;
}

static int validate_program(const char *path, const char *text, size_t len, const char *catalog_path)
{
    hip_catalog *cat = NULL;
    hip_program *prog = NULL;
    int rc = CLI_INVALID;
    if ((rc = open_catalog(catalog_path, &cat)) != CLI_OK) goto done;
    rc = CLI_INVALID;
    if (hip_program_create(NULL, &prog) != HIP_OK) {
        rc = CLI_IOERR;
        goto done;
    }
    if (hip_program_import_json(prog, text, len) != HIP_OK ||
        hip_program_check(prog, cat) != HIP_OK) {
        fprintf(stderr, "%s: invalid hiptrack.program: %s\n", path, hip_program_last_error(prog));
        goto done;
    }
    printf("%s: valid hiptrack.program (%zu versions)\n", path, hip_program_version_count(prog));
    rc = CLI_OK;
done:
    hip_program_destroy(prog);
    hip_catalog_destroy(cat);
    return rc;
}

/* A session document; its exercise ids are checked against the catalog as a program's are. */
static int validate_session(const char *path, const char *text, size_t len, const char *catalog_path)
{
    hip_catalog *cat = NULL;
    hip_session *s = NULL;
    int rc = CLI_INVALID;
    if ((rc = open_catalog(catalog_path, &cat)) != CLI_OK) goto done;
    rc = CLI_INVALID;
    if (hip_session_create(NULL, &s) != HIP_OK) {
        rc = CLI_IOERR;
        goto done;
    }
    if (hip_session_import_json(s, text, len) != HIP_OK) {
        fprintf(stderr, "%s: invalid hiptrack.session: %s\n", path, hip_session_last_error(s));
        goto done;
    }
    hip_session_info info;
    hip_session_get_info(s, &info);
    for (size_t i = 0; i < info.exercise_count; i++) {
        hip_session_exercise ex;
        hip_exercise found;
        hip_session_exercise_at(s, i, &ex);
        if (hip_catalog_find(cat, ex.exercise_id, &found) != HIP_OK) {
            fprintf(stderr, "%s: invalid hiptrack.session: exercises[%zu].exercise: no exercise \"%s\" in the catalog\n",
                    path, i, ex.exercise_id);
            goto done;
        }
    }
    hip_session_summary sum;
    hip_session_summarize(s, &sum);
    printf("%s: valid hiptrack.session (%zu exercises, %u reps, %s)\n", path, info.exercise_count,
           (unsigned)sum.done_reps, sum.completed ? "completed" : "not completed");
    rc = CLI_OK;
done:
    hip_session_destroy(s);
    hip_catalog_destroy(cat);
    return rc;
}

/* An outcome administration: valid when it imports; the scores say whether it is complete. */
static int validate_outcome(const char *path, const char *text, size_t len)
{
    hip_outcome_response *r = NULL;
    if (hip_outcome_response_create(NULL, &r) != HIP_OK) {
        fprintf(stderr, "%s: out of memory\n", path);
        return CLI_IOERR;
    }
    int rc = CLI_OK;
    hip_outcome_result res;
    if (hip_outcome_import_json(r, text, len) != HIP_OK) {
        fprintf(stderr, "%s: invalid hiptrack.outcome: %s\n", path, hip_outcome_response_last_error(r));
        rc = CLI_INVALID;
    } else if (hip_outcome_score(r, &res) != HIP_OK) {
        fprintf(stderr, "%s: invalid hiptrack.outcome: %s\n", path, hip_outcome_response_last_error(r));
        rc = CLI_INVALID;
    } else {
        size_t scored = 0;
        for (size_t i = 0; i < res.scale_count; i++) scored += res.scales[i].state == HIP_OUTCOME_SCORED;
        printf("%s: valid hiptrack.outcome (%s, %zu of %zu scales scored)\n", path,
               hip_instrument_name(res.instrument), scored, res.scale_count);
    }
    hip_outcome_response_destroy(r);
    return rc;
}

static int validate_painlog(const char *path, const char *text, size_t len)
{
    hip_painlog *log = NULL;
    if (hip_painlog_create(NULL, &log) != HIP_OK) {
        fprintf(stderr, "%s: out of memory\n", path);
        return CLI_IOERR;
    }
    int rc = CLI_OK;
    if (hip_painlog_import_json(log, text, len) != HIP_OK) {
        fprintf(stderr, "%s: invalid hiptrack.painlog: %s\n", path, hip_painlog_last_error(log));
        rc = CLI_INVALID;
    } else {
        printf("%s: valid hiptrack.painlog (%zu entries)\n", path, hip_painlog_count(log));
    }
    hip_painlog_destroy(log);
    return rc;
}

/* Range-of-motion assessment results (hip_assess.h). */
static int validate_assessment(const char *path, const char *text, size_t len)
{
    hip_assess_history *h = NULL;
    if (hip_assess_history_create(NULL, &h) != HIP_OK) {
        fprintf(stderr, "%s: out of memory\n", path);
        return CLI_IOERR;
    }
    int rc = CLI_OK;
    if (hip_assess_history_import_json(h, text, len) != HIP_OK) {
        fprintf(stderr, "%s: invalid hiptrack.assessment: %s\n", path, hip_assess_history_last_error(h));
        rc = CLI_INVALID;
    } else {
        printf("%s: valid hiptrack.assessment (%zu results)\n", path, hip_assess_history_count(h));
    }
    hip_assess_history_destroy(h);
    return rc;
}

int cmd_validate(int argc, char **argv)
{
    const char *catalog_path = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--catalog") == 0 && i + 1 < argc) catalog_path = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "hiptrack validate: unknown option %s\n", argv[i]);
            return CLI_USAGE;
        } else if (!path) path = argv[i];
        else {
            fprintf(stderr, "hiptrack validate: one file at a time\n");
            return CLI_USAGE;
        }
    }
    if (!path) {
        fprintf(stderr, "usage: hiptrack validate [--catalog FILE] FILE.json\n");
        return CLI_USAGE;
    }
    size_t len;
    char *text = cli_read_file(path, &len);
    if (!text) return CLI_IOERR;

    hip__json_doc *doc = NULL;
    hip__json_error err;
    hip_status st = hip__json_parse(NULL, text, len, NULL, &doc, &err);
    if (st != HIP_OK) {
        if (st == HIP_ERR_NOMEM) fprintf(stderr, "%s: out of memory\n", path);
        else fprintf(stderr, "%s:%u:%u: malformed JSON: %s\n", path, (unsigned)err.line,
                     (unsigned)err.col, err.message);
        free(text);
        return st == HIP_ERR_NOMEM ? CLI_IOERR : CLI_MALFORMED;
    }
    const hip__json *format = hip__json_get(hip__json_root(doc), "format");
    char kind[64] = "";
    if (format && format->type == HIP__JSON_STRING && format->len < sizeof kind)
        memcpy(kind, format->str, format->len + 1);
    hip__json_free(doc);

    int rc;
    if (strcmp(kind, "hiptrack.catalog") == 0) rc = validate_catalog(path, text, len);
    else if (strcmp(kind, "hiptrack.program") == 0) rc = validate_program(path, text, len, catalog_path);
    else if (strcmp(kind, "hiptrack.session") == 0) rc = validate_session(path, text, len, catalog_path);
    else if (strcmp(kind, "hiptrack.outcome") == 0) rc = validate_outcome(path, text, len);
    else if (strcmp(kind, "hiptrack.painlog") == 0) rc = validate_painlog(path, text, len);
    else if (strcmp(kind, "hiptrack.assessment") == 0) rc = validate_assessment(path, text, len);
    else {
        fprintf(stderr, "%s: format: expected \"hiptrack.catalog\", \"hiptrack.program\", "
                        "\"hiptrack.session\", \"hiptrack.outcome\", \"hiptrack.painlog\" or "
                        "\"hiptrack.assessment\"%s%s%s\n",
                path, kind[0] ? ", found \"" : "", kind, kind[0] ? "\"" : "");
        rc = CLI_INVALID;
    }
    free(text);
    return rc;
}
