/* The exercise catalog: exercises with stable string ids, their default dose, the motion profile
 * the rep detector is configured from, and the regression/progression graph (CLINICAL.md §4).
 *
 * A catalog is created with the built-in hip catalog (or empty), can take custom exercises and
 * edges from the host app, and imports/exports JSON ({"format": "hiptrack.catalog", "version": 1}).
 * Lookups copy values out; nothing returned points into the catalog. A catalog that is no longer
 * modified may be shared by threads. */
#ifndef HIPTRACK_HIP_CATALOG_H
#define HIPTRACK_HIP_CATALOG_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_ID_CAP 48     /* bytes of an id buffer: ids are 1..47 of [a-z0-9_], letter first */
#define HIPTRACK_NAME_CAP 96   /* bytes of a name buffer (UTF-8) */
#define HIPTRACK_TEXT_CAP 192  /* bytes of a free-text field buffer (UTF-8) */
#define HIPTRACK_CODE_CAP 8    /* bytes of a catalog code such as "EX01b" */

/* Categories are flags: an exercise can be, say, strength and functional. */
typedef enum hip_category {
    HIP_CATEGORY_STRENGTH = 1,
    HIP_CATEGORY_MOBILITY = 2,
    HIP_CATEGORY_STRETCH = 4,
    HIP_CATEGORY_BALANCE = 8,
    HIP_CATEGORY_AEROBIC = 16,
    HIP_CATEGORY_FUNCTIONAL = 32,
    HIP_CATEGORY_MOTOR_CONTROL = 64
} hip_category;

typedef enum hip_sidedness {
    HIP_SIDEDNESS_BILATERAL = 0,   /* both legs together */
    HIP_SIDEDNESS_UNILATERAL = 1,  /* one side per set (dose counts per side) */
    HIP_SIDEDNESS_ALTERNATING = 2, /* sides alternate within a set (dose counts per side) */
    HIP_SIDEDNESS_NONE = 3         /* not sided (walking, cycling) */
} hip_sidedness;

/* The body segment whose orientation (or height) a worn sensor or pose tracker should follow. */
typedef enum hip_segment {
    HIP_SEGMENT_THIGH = 0,
    HIP_SEGMENT_SHANK = 1,
    HIP_SEGMENT_PELVIS = 2,
    HIP_SEGMENT_TRUNK = 3,
    HIP_SEGMENT_FOOT = 4,
    HIP_SEGMENT_UPPER_ARM = 5,
    HIP_SEGMENT_FOREARM = 6
} hip_segment;

typedef enum hip_motion {
    HIP_MOTION_HIP_FLEXION = 0,
    HIP_MOTION_HIP_EXTENSION = 1,
    HIP_MOTION_HIP_ABDUCTION = 2,
    HIP_MOTION_HIP_ROTATION = 3,
    HIP_MOTION_KNEE_EXTENSION = 4,
    HIP_MOTION_ANKLE_PLANTARFLEXION = 5,
    HIP_MOTION_TRUNK_FLEXION = 6,
    HIP_MOTION_STATIC = 7,         /* a held position: one hold counts as one rep */
    HIP_MOTION_GAIT = 8,           /* one step counts */
    HIP_MOTION_PEDALLING = 9,      /* one revolution counts */
    HIP_MOTION_OTHER = 10
} hip_motion;

typedef enum hip_plane {
    HIP_PLANE_SAGITTAL = 0,
    HIP_PLANE_FRONTAL = 1,
    HIP_PLANE_TRANSVERSE = 2,
    HIP_PLANE_COMBINED = 3,
    HIP_PLANE_NONE = 4
} hip_plane;

/* What one counted unit of the exercise is. */
typedef enum hip_count_kind {
    HIP_COUNT_REPS = 0,    /* out-and-back excursion of the primary angle */
    HIP_COUNT_HOLDS = 1,   /* a static hold of a prescribed duration */
    HIP_COUNT_CYCLES = 2   /* a periodic cycle: a step, a pedal revolution */
} hip_count_kind;

/* Which single attribute a progression edge changes (CLINICAL.md §4.3). */
typedef enum hip_change {
    HIP_CHANGE_LEVEL = 0,     /* a harder variant of the movement */
    HIP_CHANGE_SUPPORT = 1,   /* less hand support or a less stable surface */
    HIP_CHANGE_LOAD = 2,      /* added weight or band */
    HIP_CHANGE_LEVER = 3,     /* a longer lever arm */
    HIP_CHANGE_RANGE = 4,     /* a larger range of motion */
    HIP_CHANGE_DURATION = 5   /* a longer bout */
} hip_change;

/* Default prescription (CLINICAL.md §3.4, §4.1). A range min..max; min == max for one value. */
typedef struct hip_dose {
    uint32_t sets_min, sets_max;
    uint32_t reps_min, reps_max;        /* per side when sided; 0 for holds and timed bouts */
    double hold_s_min, hold_s_max;      /* hold per rep, or per hold for static exercises */
    double duration_s_min, duration_s_max; /* timed bouts (aerobic); 0 otherwise */
    double rest_s;                      /* rest between sets */
} hip_dose;

/* Motion model for rep detection (CLINICAL.md §4.2); all design defaults, not measured norms. */
typedef struct hip_motion_profile {
    hip_segment segment;
    hip_motion motion;
    hip_plane plane;
    hip_count_kind count;
    double excursion_deg_min, excursion_deg_max; /* primary-angle excursion of a full rep */
    double travel_cm_min, travel_cm_max;         /* vertical travel of the segment; 0 if none */
    double rep_s_min, rep_s_max;                 /* duration of one rep, holds excluded */
    double hold_s_min, hold_s_max;               /* isometric hold in the end position; 0 if none */
} hip_motion_profile;

typedef struct hip_exercise {
    char id[HIPTRACK_ID_CAP];
    char name[HIPTRACK_NAME_CAP];
    char base_id[HIPTRACK_ID_CAP];  /* the exercise this is a variant of; == id for a base exercise */
    char code[HIPTRACK_CODE_CAP];   /* CLINICAL.md code such as "EX01b"; "" for custom exercises */
    uint32_t categories;            /* hip_category flags, at least one */
    char muscles[HIPTRACK_TEXT_CAP];
    char position[HIPTRACK_TEXT_CAP];
    hip_sidedness sidedness;
    hip_dose dose;
    hip_motion_profile motion;
    int builtin;                    /* output only: 1 for the built-in catalog's exercises */
} hip_exercise;

/* "harder_id is the next harder variant of easier_id"; regression is the reverse edge. */
typedef struct hip_progression_edge {
    char easier_id[HIPTRACK_ID_CAP];
    char harder_id[HIPTRACK_ID_CAP];
    hip_change change;
} hip_progression_edge;

typedef struct hip_catalog hip_catalog;

typedef struct hip_catalog_config {
    uint32_t struct_size;     /* sizeof(hip_catalog_config), set by hip_catalog_config_init */
    hip_allocator allocator;  /* zeroed: malloc/free */
    int include_builtin;      /* 1 (default): start with the built-in hip catalog; 0: empty */
} hip_catalog_config;

HIPTRACK_API void hip_catalog_config_init(hip_catalog_config *config);
/* config may be NULL for the defaults. */
HIPTRACK_API hip_status hip_catalog_create(const hip_catalog_config *config, hip_catalog **out);
HIPTRACK_API void hip_catalog_destroy(hip_catalog *catalog);
/* The message of the last failed add/import/export on this catalog ("" if none). Valid until the
 * next call on the catalog. Read-only lookups report through their status alone. */
HIPTRACK_API const char *hip_catalog_last_error(const hip_catalog *catalog);

HIPTRACK_API size_t hip_catalog_count(const hip_catalog *catalog);
/* Exercises in insertion order (built-ins first). HIP_ERR_RANGE past the end. */
HIPTRACK_API hip_status hip_catalog_at(const hip_catalog *catalog, size_t index, hip_exercise *out);
HIPTRACK_API hip_status hip_catalog_find(const hip_catalog *catalog, const char *id, hip_exercise *out);

/* A zeroed exercise with the defaults a custom exercise starts from (strength, bilateral,
 * 2-3 x 10 reps, 120 s rest, a generic thigh profile). */
HIPTRACK_API void hip_exercise_init(hip_exercise *exercise);
/* Adds a custom exercise after validating every field (HIP_ERR_INVALID with the field named);
 * HIP_ERR_EXISTS if the id is taken. base_id "" means the exercise is its own base. */
HIPTRACK_API hip_status hip_catalog_add(hip_catalog *catalog, const hip_exercise *exercise);
/* Adds an edge; both ids must exist, the edge must be new and keep the graph acyclic. */
HIPTRACK_API hip_status hip_catalog_add_edge(hip_catalog *catalog, const char *easier_id,
                                             const char *harder_id, hip_change change);

HIPTRACK_API size_t hip_catalog_edge_count(const hip_catalog *catalog);
HIPTRACK_API hip_status hip_catalog_edge_at(const hip_catalog *catalog, size_t index,
                                            hip_progression_edge *out);
/* The k-th (0-based) next harder / easier variant of id: HIP_OK, HIP_DONE when there is no k-th,
 * HIP_ERR_NOT_FOUND when id is unknown. */
HIPTRACK_API hip_status hip_catalog_harder(const hip_catalog *catalog, const char *id, size_t k,
                                           hip_exercise *out);
HIPTRACK_API hip_status hip_catalog_easier(const hip_catalog *catalog, const char *id, size_t k,
                                           hip_exercise *out);

/* Imports exercises and edges from a hiptrack.catalog JSON document. An exercise identical to one
 * already present is skipped; a different one with a taken id is an error. All or nothing: on any
 * error (HIP_ERR_FORMAT with line/column or field path, HIP_ERR_VERSION, HIP_ERR_NOMEM) the
 * catalog is unchanged. */
HIPTRACK_API hip_status hip_catalog_import_json(hip_catalog *catalog, const char *json, size_t len);
/* Writes the catalog as JSON (indented). custom_only: 1 to leave the built-ins out. Two-call
 * pattern: buf NULL gives HIP_OK and the length in *len_out; a buffer smaller than length + 1 gives
 * HIP_ERR_BUFSIZE and the length. The output is NUL-terminated. */
HIPTRACK_API hip_status hip_catalog_export_json(const hip_catalog *catalog, int custom_only,
                                               char *buf, size_t cap, size_t *len_out);

/* Stable lower-case names used in JSON and by the CLI ("thigh", "hip_flexion", ...); never NULL
 * ("unknown" for values outside the enum). hip_category_name takes one flag. */
HIPTRACK_API const char *hip_category_name(hip_category category);
HIPTRACK_API const char *hip_sidedness_name(hip_sidedness sidedness);
HIPTRACK_API const char *hip_segment_name(hip_segment segment);
HIPTRACK_API const char *hip_motion_name(hip_motion motion);
HIPTRACK_API const char *hip_plane_name(hip_plane plane);
HIPTRACK_API const char *hip_count_kind_name(hip_count_kind kind);
HIPTRACK_API const char *hip_change_name(hip_change change);

#ifdef __cplusplus
}
#endif
#endif
