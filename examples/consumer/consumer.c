/* Links against an installed hiptrack and looks up an exercise: proof the package works. */
#include <stdio.h>
#include <string.h>
#include <hiptrack/hiptrack.h>

int main(void)
{
    if (hip_version_number() != HIPTRACK_VERSION_NUMBER) {
        fprintf(stderr, "header %s but library %s\n", HIPTRACK_VERSION_STRING, hip_version_string());
        return 1;
    }
    hip_catalog *catalog = NULL;
    if (hip_catalog_create(NULL, &catalog) != HIP_OK) return 1;
    hip_exercise ex;
    hip_status st = hip_catalog_find(catalog, "clamshell", &ex);
    if (st == HIP_OK)
        printf("hiptrack %s: %s, %u-%u x %u-%u\n", hip_version_string(), ex.name,
               (unsigned)ex.dose.sets_min, (unsigned)ex.dose.sets_max, (unsigned)ex.dose.reps_min,
               (unsigned)ex.dose.reps_max);
    hip_catalog_destroy(catalog);
    return st == HIP_OK && strcmp(ex.id, "clamshell") == 0 ? 0 : 1;
}
