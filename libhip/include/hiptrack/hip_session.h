/* One performed session, recorded against a program version: per exercise the sets, per set the
 * reps (from the rep detector's events or entered by hand), load, RPE and pain; pain before,
 * during and after the session; how it ended (finished, or abandoned for pain, fatigue, time or
 * another reason); summaries (prescribed vs done, quality, time under tension, duration).
 * JSON form: {"format": "hiptrack.session", "version": 1}.
 *
 * A session is built live: hip_session_start (the start instant and the member's UTC offset at
 * that moment), hip_session_add_exercise (or hip_session_plan_program), hip_session_add_set,
 * hip_session_add_rep / hip_session_add_rep_event, hip_session_finish. A finished session is
 * immutable: every edit then fails with HIP_ERR_STATE.
 *
 * Time: start_ns and end_ns are instants in ns since 1970-01-01T00:00:00Z. The session's calendar
 * day is the day of its start in the member's local time (start + utc_offset_min) and never changes
 * afterwards, whatever time zone the member moves to (CLINICAL.md §5 cross-time-zone rule). Rep
 * times stay in the time base of the stream they came from. */
#ifndef HIPTRACK_HIP_SESSION_H
#define HIPTRACK_HIP_SESSION_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_catalog.h"
#include "hip_program.h"
#include "hip_reps.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_NOT_RECORDED (-1)          /* a pain or RPE that was not asked; never 0 */
#define HIPTRACK_SESSION_MAX_EXERCISES 200
#define HIPTRACK_SESSION_MAX_SETS 100       /* per exercise */
#define HIPTRACK_SESSION_MAX_REPS 1000      /* per set */
#define HIPTRACK_UTC_OFFSET_MAX_MIN 1080    /* |utc_offset_min| <= 18 h */

typedef enum hip_session_state {
    HIP_SESSION_NEW = 0,        /* created, not started (an import target) */
    HIP_SESSION_RUNNING = 1,    /* started: exercises, sets, reps and pain may be added */
    HIP_SESSION_FINISHED = 2    /* finished or imported: immutable */
} hip_session_state;

typedef enum hip_abandon_reason {
    HIP_ABANDON_NONE = 0,       /* the session was finished, not abandoned */
    HIP_ABANDON_PAIN = 1,
    HIP_ABANDON_FATIGUE = 2,
    HIP_ABANDON_TIME = 3,
    HIP_ABANDON_OTHER = 4
} hip_abandon_reason;

typedef enum hip_pain_moment {
    HIP_PAIN_BEFORE = 0,
    HIP_PAIN_DURING = 1,        /* the worst pain during the session */
    HIP_PAIN_AFTER = 2          /* right after; the next-morning pain belongs to the pain log */
} hip_pain_moment;

typedef enum hip_rep_origin {
    HIP_REP_ORIGIN_DETECTOR = 0,   /* from a hip_rep_event */
    HIP_REP_ORIGIN_MANUAL = 1      /* entered by hand */
} hip_rep_origin;

/* One repetition (or one hold of a hold-only exercise): the metrics of hip_rep_event. A manual
 * rep leaves what it does not know at 0. */
typedef struct hip_session_rep {
    hip_rep_origin origin;
    hip_rep_source source;
    uint32_t flags;                      /* hip_rep_flag bits; 0 = a good-quality rep */
    int64_t start_ns, peak_ns, end_ns;   /* stream time base; start <= peak <= end */
    double excursion_deg;                /* 0..7200 */
    double travel_cm;                    /* 0..10000 */
    double concentric_s, eccentric_s, hold_s;   /* each 0..3600 */
    double peak_speed_dps;               /* 0..100000 */
    double smoothness;                   /* -1000..1000 (log dimensionless jerk; 0 = unknown) */
} hip_session_rep;

/* One set as performed. */
typedef struct hip_session_set {
    int64_t start_ns;           /* 0 = not recorded */
    double load_kg;             /* 0..500 */
    int32_t rpe;                /* 0..10 or HIPTRACK_NOT_RECORDED */
    int32_t pain;               /* pain during this set, 0..10 or HIPTRACK_NOT_RECORDED */
    size_t rep_count;           /* output only: reps logged in the set (ignored on input) */
} hip_session_set;

/* One exercise of the session with its prescription (0 prescribed sets: done but not prescribed).
 * A unilateral exercise whose sides are logged separately is two exercises (side left, right). */
typedef struct hip_session_exercise {
    char exercise_id[HIPTRACK_ID_CAP];
    hip_side side;
    uint32_t prescribed_sets;   /* 0..20 */
    uint32_t prescribed_reps;   /* per set, 0..100; 0 = hold-only (one hold per set) */
    double prescribed_hold_s;   /* 0..3600 */
    double prescribed_load_kg;  /* 0..500 */
    size_t set_count;           /* output only: sets logged (ignored on input) */
} hip_session_exercise;

typedef struct hip_session_info {
    hip_session_state state;
    int64_t start_ns;           /* 0 before start */
    int64_t end_ns;             /* 0 until finished */
    int32_t utc_offset_min;
    int32_t day;                /* local calendar day of the start (hip_date day number) */
    uint32_t program_version;   /* hip_program_version.number; 0 = not recorded against a program */
    int32_t program_effective_day;   /* that version's effective day (0 when program_version is 0) */
    int32_t pain_before, pain_during, pain_after;   /* 0..10 or HIPTRACK_NOT_RECORDED */
    hip_abandon_reason abandon_reason;
    size_t exercise_count;
} hip_session_info;

/* Percentages are 0..100 and -1 when their denominator is 0 (never NaN). */
typedef struct hip_session_summary {
    int32_t day;
    int finished;
    uint32_t prescribed_sets;   /* sum of prescribed_sets */
    uint32_t done_sets;         /* sets with >= 1 rep, at most the prescribed per prescribed exercise */
    uint32_t prescribed_reps;   /* sum of prescribed_sets x prescribed_reps (x 1 for hold-only) */
    uint32_t done_reps;         /* every rep logged */
    uint32_t done_reps_capped;  /* per exercise at most its prescribed reps (counts toward completion) */
    uint32_t good_reps;         /* reps without flags */
    double set_completion_pct;  /* 100 x done_sets / prescribed_sets */
    double rep_completion_pct;  /* 100 x done_reps_capped / prescribed_reps */
    double good_rep_pct;        /* 100 x good_reps / done_reps */
    int completed;              /* set_completion_pct >= threshold (no prescription: >= 1 set done) */
    double time_under_tension_s;   /* sum over reps of concentric_s + eccentric_s + hold_s */
    double active_s;            /* end - start of a finished session; 0 while running */
    int32_t pain_max;           /* the highest of pain_during and every set's pain; -1 if none */
    hip_abandon_reason abandon_reason;
} hip_session_summary;

typedef struct hip_session hip_session;

typedef struct hip_session_config {
    uint32_t struct_size;           /* set by hip_session_config_init */
    hip_allocator allocator;
    double completion_threshold_pct;   /* a session is completed at this share of prescribed sets
                                          logged; default 80 (CLINICAL.md §5), 1..100 */
} hip_session_config;

HIPTRACK_API void hip_session_config_init(hip_session_config *config);
HIPTRACK_API hip_status hip_session_create(const hip_session_config *config, hip_session **out);
HIPTRACK_API void hip_session_destroy(hip_session *session);
HIPTRACK_API const char *hip_session_last_error(const hip_session *session);

/* Value helpers (no handle). */
HIPTRACK_API void hip_session_exercise_init(hip_session_exercise *ex, const char *exercise_id);
HIPTRACK_API void hip_session_exercise_from_prescription(hip_session_exercise *ex,
                                                         const hip_prescription *rx);
/* rpe and pain HIPTRACK_NOT_RECORDED, the rest 0. */
HIPTRACK_API void hip_session_set_init(hip_session_set *set);
/* A manual rep with every metric 0. */
HIPTRACK_API void hip_session_rep_init(hip_session_rep *rep);
HIPTRACK_API void hip_session_rep_from_event(hip_session_rep *rep, const hip_rep_event *event);

/* NEW -> RUNNING. HIP_ERR_RANGE for |utc_offset_min| > 18 h; HIP_ERR_STATE when already started. */
HIPTRACK_API hip_status hip_session_start(hip_session *session, int64_t start_ns, int32_t utc_offset_min);
/* Records the program version the session follows (number >= 1, a valid effective day). */
HIPTRACK_API hip_status hip_session_set_program(hip_session *session, uint32_t version_number,
                                                int32_t effective_day);
/* Records the program's version version_index and adds each of its exercises as prescribed (no sets
 * yet). Only before any exercise was added (HIP_ERR_STATE). */
HIPTRACK_API hip_status hip_session_plan_program(hip_session *session, const hip_program *program,
                                                 size_t version_index);
/* pain must be 0..10 (HIP_ERR_RANGE otherwise; nothing is clamped). */
HIPTRACK_API hip_status hip_session_set_pain(hip_session *session, hip_pain_moment moment, int32_t pain);
/* Adds an exercise; *index_out (may be NULL) receives its index. */
HIPTRACK_API hip_status hip_session_add_exercise(hip_session *session, const hip_session_exercise *ex,
                                                 size_t *index_out);
/* Starts a new set of exercise exercise_index; it becomes the current set that reps go to. */
HIPTRACK_API hip_status hip_session_add_set(hip_session *session, size_t exercise_index,
                                            const hip_session_set *set);
/* Replaces start_ns, load, RPE and pain of the current set (e.g. RPE asked after the set). */
HIPTRACK_API hip_status hip_session_update_set(hip_session *session, const hip_session_set *set);
/* Adds a rep to the current set (HIP_ERR_STATE without one). */
HIPTRACK_API hip_status hip_session_add_rep(hip_session *session, const hip_session_rep *rep);
HIPTRACK_API hip_status hip_session_add_rep_event(hip_session *session, const hip_rep_event *event);
/* RUNNING -> FINISHED. end_ns must not be before start_ns. */
HIPTRACK_API hip_status hip_session_finish(hip_session *session, int64_t end_ns,
                                           hip_abandon_reason reason);

HIPTRACK_API hip_status hip_session_get_info(const hip_session *session, hip_session_info *out);
HIPTRACK_API hip_status hip_session_exercise_at(const hip_session *session, size_t index,
                                                hip_session_exercise *out);
HIPTRACK_API hip_status hip_session_set_at(const hip_session *session, size_t exercise_index,
                                           size_t set_index, hip_session_set *out);
HIPTRACK_API hip_status hip_session_rep_at(const hip_session *session, size_t exercise_index,
                                           size_t set_index, size_t rep_index, hip_session_rep *out);
/* HIP_ERR_STATE before start. A running session is summarised as it stands. */
HIPTRACK_API hip_status hip_session_summarize(const hip_session *session, hip_session_summary *out);

/* Only into a NEW session (HIP_ERR_STATE otherwise); the result is FINISHED. All or nothing:
 * HIP_ERR_FORMAT (line/column or field path), HIP_ERR_VERSION, HIP_ERR_NOMEM. */
HIPTRACK_API hip_status hip_session_import_json(hip_session *session, const char *json, size_t len);
/* Two-call pattern as hip_program_export_json; HIP_ERR_STATE unless FINISHED. */
HIPTRACK_API hip_status hip_session_export_json(const hip_session *session, char *buf, size_t cap,
                                                size_t *len_out);

/* "none", "pain", "fatigue", "time", "other"; "unknown" otherwise. */
HIPTRACK_API const char *hip_abandon_reason_name(hip_abandon_reason reason);

#ifdef __cplusplus
}
#endif
#endif
