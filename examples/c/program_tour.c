/* A tour of the catalog and program API: look up an exercise and its next harder variant,
 * prescribe it, progress the program a fortnight later, and ask which version applied when. */
#include <stdio.h>
#include <stdlib.h>
#include <hiptrack/hiptrack.h>

#define CHECK(call)                                                                   \
    do {                                                                              \
        hip_status st_ = (call);                                                      \
        if (st_ < 0) {                                                                \
            fprintf(stderr, "%s failed: %s\n", #call, hip_status_str(st_));           \
            exit(1);                                                                  \
        }                                                                             \
    } while (0)

int main(void)
{
    hip_catalog *catalog;
    CHECK(hip_catalog_create(NULL, &catalog));   /* the built-in hip catalog */

    hip_exercise bridge, harder;
    CHECK(hip_catalog_find(catalog, "bridge", &bridge));
    CHECK(hip_catalog_harder(catalog, "bridge", 0, &harder));
    printf("%s: %u-%u sets of %u-%u, next harder: %s\n", bridge.name, (unsigned)bridge.dose.sets_min,
           (unsigned)bridge.dose.sets_max, (unsigned)bridge.dose.reps_min,
           (unsigned)bridge.dose.reps_max, harder.id);

    hip_program *program;
    CHECK(hip_program_create(NULL, &program));
    int32_t start, later;
    CHECK(hip_date_from_ymd(2026, 11, 2, &start));
    CHECK(hip_date_from_ymd(2026, 11, 16, &later));

    hip_prescription rx;
    CHECK(hip_program_begin(program, start, 3, "initial prescription"));
    hip_prescription_init(&rx, "bridge");
    rx.hold_s = 2;
    CHECK(hip_program_add(program, &rx));
    hip_prescription_init(&rx, "clamshell");
    rx.side = HIP_SIDE_LEFT;
    CHECK(hip_program_add(program, &rx));
    CHECK(hip_program_commit(program));

    /* Two weeks later: the bridge becomes a marching bridge; version 1 stays in the history. */
    CHECK(hip_program_begin(program, later, 3, "bridge progressed"));
    CHECK(hip_program_draft_at(program, 0, &rx));
    snprintf(rx.exercise_id, sizeof rx.exercise_id, "%s", harder.id);
    CHECK(hip_program_replace(program, 0, &rx));
    CHECK(hip_program_commit(program));
    CHECK(hip_program_check(program, catalog));

    size_t index;
    hip_program_version v;
    CHECK(hip_program_version_on(program, later - 1, &index));
    CHECK(hip_program_version_at(program, index, &v));
    CHECK(hip_program_exercise_at(program, index, 0, &rx));
    printf("the day before the change, version %u applied: %s\n", (unsigned)v.number, rx.exercise_id);

    size_t len;
    CHECK(hip_program_export_json(program, NULL, 0, &len));
    char *json = malloc(len + 1);
    CHECK(hip_program_export_json(program, json, len + 1, &len));
    printf("%s\n", json);

    free(json);
    hip_program_destroy(program);
    hip_catalog_destroy(catalog);
    return 0;
}
