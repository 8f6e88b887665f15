/* hiptrack catalog: the built-in exercises as a table or as hiptrack.catalog JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "numtext.h"
#include "hiptrack/hiptrack.h"

static void print_range(const char *unit, double lo, double hi)
{
    char a[32], b[32];
    hip__format_double(a, sizeof a, lo);
    hip__format_double(b, sizeof b, hi);
    if (lo == hi) printf("%s%s", a, unit);
    else printf("%s-%s%s", a, b, unit);
}

static void print_exercise(const hip_exercise *ex)
{
    const hip_dose *d = &ex->dose;
    const hip_motion_profile *m = &ex->motion;
    printf("%-34s %-6s %-12s ", ex->id, ex->code, hip_sidedness_name(ex->sidedness));
    print_range("", d->sets_min, d->sets_max);
    printf(" x ");
    if (d->reps_max > 0) print_range("", d->reps_min, d->reps_max);
    else if (d->duration_s_max > 0) print_range(" s", d->duration_s_min, d->duration_s_max);
    else print_range(" s hold", d->hold_s_min, d->hold_s_max);
    printf("  %s/%s", hip_segment_name(m->segment), hip_motion_name(m->motion));
    if (m->excursion_deg_max > 0) {
        printf(" ");
        print_range(" deg", m->excursion_deg_min, m->excursion_deg_max);
    }
    printf("  %s\n", ex->name);
}

int cmd_catalog(int argc, char **argv)
{
    const char *format = "table", *id = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) format = argv[++i];
        else if (strcmp(argv[i], "--id") == 0 && i + 1 < argc) id = argv[++i];
        else {
            fprintf(stderr, "usage: hiptrack catalog [--format table|json] [--id ID]\n");
            return CLI_USAGE;
        }
    }
    if (strcmp(format, "table") != 0 && strcmp(format, "json") != 0) {
        fprintf(stderr, "hiptrack catalog: --format must be table or json, not '%s'\n", format);
        return CLI_USAGE;
    }
    hip_catalog *cat = NULL;
    if (hip_catalog_create(NULL, &cat) != HIP_OK) return CLI_IOERR;
    int rc = CLI_OK;
    if (strcmp(format, "json") == 0) {
        size_t len = 0;
        hip_catalog_export_json(cat, 0, NULL, 0, &len);
        char *buf = malloc(len + 1);
        if (buf && hip_catalog_export_json(cat, 0, buf, len + 1, &len) == HIP_OK) printf("%s\n", buf);
        else rc = CLI_IOERR;
        free(buf);
    } else if (id) {
        hip_exercise ex;
        if (hip_catalog_find(cat, id, &ex) != HIP_OK) {
            fprintf(stderr, "hiptrack catalog: no exercise '%s' (hiptrack catalog lists them)\n", id);
            rc = CLI_INVALID;
        } else {
            print_exercise(&ex);
            for (size_t k = 0;; k++) {
                hip_exercise e2;
                if (hip_catalog_easier(cat, id, k, &e2) != HIP_OK) break;
                printf("  easier: %s\n", e2.id);
            }
            for (size_t k = 0;; k++) {
                hip_exercise e2;
                if (hip_catalog_harder(cat, id, k, &e2) != HIP_OK) break;
                printf("  harder: %s\n", e2.id);
            }
        }
    } else {
        printf("%-34s %-6s %-12s %s\n", "id", "code", "sidedness", "dose  motion  name");
        for (size_t i = 0; i < hip_catalog_count(cat); i++) {
            hip_exercise ex;
            hip_catalog_at(cat, i, &ex);
            print_exercise(&ex);
        }
    }
    hip_catalog_destroy(cat);
    return rc;
}
