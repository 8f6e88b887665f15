/* A prescription: the exercises a physical therapist prescribes (sets, reps or hold, tempo, side,
 * load, rest, pain ceiling) and how many sessions a week, from an effective date. Every change
 * makes a new version; old versions stay queryable (which version applied on a given day), the
 * way CareKit versions its tasks. JSON form: {"format": "hiptrack.program", "version": 1}.
 *
 * A new version is built as a draft: hip_program_begin copies the latest version, the draft is
 * edited (add, replace, remove) and hip_program_commit appends it. History is never edited. */
#ifndef HIPTRACK_HIP_PROGRAM_H
#define HIPTRACK_HIP_PROGRAM_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_catalog.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hip_side {
    HIP_SIDE_BOTH = 0,         /* bilateral, or each side in turn with the same dose */
    HIP_SIDE_LEFT = 1,
    HIP_SIDE_RIGHT = 2,
    HIP_SIDE_ALTERNATING = 3
} hip_side;

/* One prescribed exercise. */
typedef struct hip_prescription {
    char exercise_id[HIPTRACK_ID_CAP];  /* a catalog id */
    uint32_t sets;                      /* 1..20 */
    uint32_t reps;                      /* per side, 0..100; 0 for a hold-only exercise */
    double hold_s;                      /* hold per rep, or per hold when reps == 0; 0..3600 */
    double tempo_concentric_s;          /* 0 = not prescribed; 0..60 */
    double tempo_eccentric_s;           /* 0 = not prescribed; 0..60 */
    hip_side side;
    double load_kg;                     /* external load, 0 = body weight; 0..500 */
    double rest_s;                      /* between sets; 0..3600 */
    int32_t pain_ceiling;               /* highest acceptable pain during exercise, 0..10 */
} hip_prescription;

typedef struct hip_program_version {
    uint32_t number;                    /* 1, 2, ... in order of creation */
    int32_t effective_day;              /* hip_date day number */
    uint32_t sessions_per_week;         /* 1..14 */
    size_t exercise_count;
    char note[HIPTRACK_TEXT_CAP];       /* why this version was made ("" if not given) */
} hip_program_version;

typedef struct hip_program hip_program;

typedef struct hip_program_config {
    uint32_t struct_size;               /* set by hip_program_config_init */
    hip_allocator allocator;
} hip_program_config;

HIPTRACK_API void hip_program_config_init(hip_program_config *config);
HIPTRACK_API hip_status hip_program_create(const hip_program_config *config, hip_program **out);
HIPTRACK_API void hip_program_destroy(hip_program *program);
/* Message of the last failed call on this program ("" if none); valid until the next call. */
HIPTRACK_API const char *hip_program_last_error(const hip_program *program);

/* Defaults of CLINICAL.md §3.4 and §3.1 [DD]: 3 x 10, 120 s rest, pain ceiling 5, both sides. */
HIPTRACK_API void hip_prescription_init(hip_prescription *p, const char *exercise_id);

/* Starts a draft for a new version effective on effective_day (not before the latest version's),
 * with a copy of the latest version's exercises. note may be NULL. HIP_ERR_STATE if a draft is
 * open. */
HIPTRACK_API hip_status hip_program_begin(hip_program *program, int32_t effective_day,
                                          uint32_t sessions_per_week, const char *note);
/* Draft edits. An exercise may appear once per side; HIP_ERR_EXISTS otherwise. */
HIPTRACK_API hip_status hip_program_add(hip_program *program, const hip_prescription *p);
HIPTRACK_API hip_status hip_program_replace(hip_program *program, size_t index,
                                            const hip_prescription *p);
HIPTRACK_API hip_status hip_program_remove(hip_program *program, size_t index);
HIPTRACK_API hip_status hip_program_draft_count(const hip_program *program, size_t *count_out);
HIPTRACK_API hip_status hip_program_draft_at(const hip_program *program, size_t index,
                                             hip_prescription *out);
/* Appends the draft as a new version (it must hold at least one exercise) and closes it. */
HIPTRACK_API hip_status hip_program_commit(hip_program *program);
HIPTRACK_API hip_status hip_program_discard(hip_program *program);

HIPTRACK_API size_t hip_program_version_count(const hip_program *program);
/* index 0 is version 1. HIP_ERR_RANGE past the end. */
HIPTRACK_API hip_status hip_program_version_at(const hip_program *program, size_t index,
                                               hip_program_version *out);
HIPTRACK_API hip_status hip_program_exercise_at(const hip_program *program, size_t version_index,
                                                size_t index, hip_prescription *out);
/* The index of the version in force on day: the latest with effective_day <= day (for two
 * versions on one day, the later one). HIP_ERR_NOT_FOUND before the first version. */
HIPTRACK_API hip_status hip_program_version_on(const hip_program *program, int32_t day,
                                               size_t *index_out);

/* Checks every exercise id of every version against a catalog: HIP_ERR_NOT_FOUND naming the first
 * unknown one ("versions[1].exercises[2].exercise: no exercise \"x\" in the catalog"). */
HIPTRACK_API hip_status hip_program_check(hip_program *program, const hip_catalog *catalog);

/* Replaces the whole history with a hiptrack.program document; all or nothing (HIP_ERR_FORMAT
 * with line/column or field path, HIP_ERR_VERSION, HIP_ERR_NOMEM; HIP_ERR_STATE with a draft open). */
HIPTRACK_API hip_status hip_program_import_json(hip_program *program, const char *json, size_t len);
/* Two-call pattern as hip_catalog_export_json. */
HIPTRACK_API hip_status hip_program_export_json(const hip_program *program, char *buf, size_t cap,
                                                size_t *len_out);

HIPTRACK_API const char *hip_side_name(hip_side side);

#ifdef __cplusplus
}
#endif
#endif
