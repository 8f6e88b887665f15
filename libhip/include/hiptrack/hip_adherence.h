/* Adherence and engagement metrics (CLINICAL.md §5, ADH-1..ADH-12) over a program history.
 *
 * Inputs are plain arrays, copied into the handle (so apps and stores can feed them without
 * hiptrack session handles): per-session summaries (hip_adherence_session), the program history
 * (hip_adherence_plan: sessions per week and prescribed reps per session from an effective day),
 * planned rest days (a weekday mask and/or single days) and flare pauses (day intervals).
 * hip_adherence_session_from and hip_adherence_plan_from_program fill them from hiptrack handles.
 *
 * Days are hip_date day numbers in the member's local calendar. Program day 0 is start_day; program
 * week w (1, 2, ...) is days 7(w-1) .. 7w-1 after it. "today" is always an argument (no clock).
 *
 * Tolerance of rest and flares [DD]: a planned rest day (rest_weekdays or a rest day) and a day
 * inside a pause interval are "excused". For the day streak (ADH-8) an excused day without a
 * completed session neither breaks nor extends the streak (a day that is excused and has a
 * completed session counts). For weekly metrics only pauses matter (the weekly plan already
 * includes the rest days): a week's prescribed amount and session target are scaled by
 * (7 - paused days) / 7 (target rounded half up); a week whose 7 days are all paused is excused -
 * it is not evaluable for ADH-3/4/5 and neither breaks nor extends the week streak (ADH-9), and
 * ADH-5 then looks at the evaluable weeks on either side of it as consecutive. */
#ifndef HIPTRACK_HIP_ADHERENCE_H
#define HIPTRACK_HIP_ADHERENCE_H

#include <stddef.h>
#include <stdint.h>
#include "hip_api.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_program.h"
#include "hip_session.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HIPTRACK_ADHERENCE_MAX_ITEMS 1000000   /* per input array */

/* One logged session. */
typedef struct hip_adherence_session {
    int32_t day;                /* local calendar day of its start (never re-bucketed) */
    int completed;              /* 1 when it met the completion rule (hip_session_summary.completed) */
    double minutes;             /* active minutes, 0..1440 */
    uint32_t prescribed_reps;   /* as hip_session_summary.prescribed_reps */
    uint32_t done_reps;         /* as hip_session_summary.done_reps_capped (<= prescribed_reps) */
} hip_adherence_session;

/* One program version. */
typedef struct hip_adherence_plan {
    int32_t effective_day;
    uint32_t sessions_per_week;     /* 1..14 */
    uint32_t reps_per_session;      /* prescribed reps of one session (hold-only: 1 per set) */
} hip_adherence_plan;

/* A flare pause: days first_day..last_day inclusive. */
typedef struct hip_adherence_pause {
    int32_t first_day, last_day;
} hip_adherence_pause;

/* What ADH-3 counts as an activity. */
typedef enum hip_adherence_unit {
    HIP_ADHERENCE_UNIT_REPS = 0,       /* done (capped) vs prescribed reps: sessions_per_week x
                                          reps_per_session prescribed a week */
    HIP_ADHERENCE_UNIT_SESSIONS = 1    /* completed sessions vs sessions_per_week */
} hip_adherence_unit;

typedef struct hip_adherence_config {
    uint32_t struct_size;               /* set by hip_adherence_config_init */
    hip_allocator allocator;
    int32_t start_day;                  /* program day 0 (no default: set it) */
    hip_adherence_unit unit;            /* default REPS */
    double adherent_pct;                /* ADH-4/5 threshold, default 80 [S], 1..100 */
    uint32_t weekly_session_target;     /* ADH-9; 0 (default) = the plan's sessions_per_week */
    uint32_t habit_sessions;            /* ADH-7, default 6 [S Hinge] */
    uint32_t habit_window_days;         /* ADH-7, default 14 (span <= 13 days) */
    uint32_t final_month_first_day;     /* ADH-6, default 56 [DD] */
    uint32_t final_month_last_day;      /* ADH-6, default 83 [DD] */
    uint32_t rest_weekdays;             /* bit d (1 = Monday .. 7 = Sunday) = planned rest; default 0 */
} hip_adherence_config;

/* One program week (ADH-1, ADH-3, ADH-4, ADH-9 inputs). */
typedef struct hip_adherence_week {
    uint32_t week;                  /* 1-based */
    int32_t first_day;              /* its first calendar day */
    uint32_t sessions_logged;
    uint32_t sessions_completed;    /* ADH-1 */
    uint32_t paused_days;           /* 0..7 */
    int excused;                    /* all 7 days paused */
    uint32_t session_target;        /* scaled by the paused days, rounded half up */
    int target_met;                 /* sessions_completed >= session_target (0 when excused) */
    double prescribed;              /* activities prescribed (unit), scaled by the paused days */
    double done;                    /* activities done, at most prescribed */
    int evaluable;                  /* prescribed > 0 (ADH-3 NOT_EVALUABLE otherwise) */
    double completion_pct;          /* ADH-3: 100 x done / prescribed; 0 when not evaluable */
    int adherent;                   /* ADH-4: evaluable and completion_pct >= adherent_pct */
    double minutes;
} hip_adherence_week;

/* Counts over any day range. */
typedef struct hip_adherence_range {
    int32_t first_day, last_day;    /* inclusive */
    uint32_t sessions_logged;
    uint32_t sessions_completed;
    uint32_t exercise_days;         /* distinct days with >= 1 completed session */
    double minutes;                 /* of every logged session */
} hip_adherence_range;

/* Everything as of today. Flags say which optional results exist (never NaN). */
typedef struct hip_adherence_report {
    int32_t today;
    uint32_t current_week;              /* program week of today */
    double sessions_per_week;           /* ADH-2 */
    int has_poor_adherence;             /* ADH-5 */
    uint32_t poor_adherence_week;
    int final_month_completed;          /* ADH-6 */
    int habit_reached;                  /* ADH-7 */
    int32_t habit_day;
    uint32_t day_streak;                /* ADH-8 */
    uint32_t week_streak;               /* ADH-9 */
    uint32_t exercise_days_last_14;     /* ADH-10 */
    uint32_t active_weeks;              /* ADH-11 */
    double cumulative_minutes;          /* ADH-12 */
    uint32_t sessions_completed;        /* start_day .. today */
} hip_adherence_report;

typedef struct hip_adherence hip_adherence;

HIPTRACK_API void hip_adherence_config_init(hip_adherence_config *config);
HIPTRACK_API hip_status hip_adherence_create(const hip_adherence_config *config, hip_adherence **out);
HIPTRACK_API void hip_adherence_destroy(hip_adherence *adherence);
HIPTRACK_API const char *hip_adherence_last_error(const hip_adherence *adherence);

/* Replace the inputs (copied; any order; all or nothing). count 0 clears (array may be NULL). */
HIPTRACK_API hip_status hip_adherence_set_sessions(hip_adherence *adherence,
                                                   const hip_adherence_session *sessions, size_t count);
/* Effective days must not decrease. Weeks before the first version use the first. */
HIPTRACK_API hip_status hip_adherence_set_plan(hip_adherence *adherence, const hip_adherence_plan *plan,
                                               size_t count);
HIPTRACK_API hip_status hip_adherence_set_rest_days(hip_adherence *adherence, const int32_t *days,
                                                    size_t count);
HIPTRACK_API hip_status hip_adherence_set_pauses(hip_adherence *adherence,
                                                 const hip_adherence_pause *pauses, size_t count);

/* From a finished session (HIP_ERR_STATE otherwise): day, completed, minutes, reps. */
HIPTRACK_API hip_status hip_adherence_session_from(const hip_session *session,
                                                   hip_adherence_session *out);
/* From version version_index of a program: prescribed reps per session = sum of sets x reps
 * (x 1 for a hold-only exercise). */
HIPTRACK_API hip_status hip_adherence_plan_from_program(const hip_program *program, size_t version_index,
                                                        hip_adherence_plan *out);

/* ADH-3/4 arithmetic: 100 x done / prescribed. HIP_ERR_NOT_FOUND (NOT_EVALUABLE) when prescribed is 0;
 * HIP_ERR_RANGE for negative, non-finite or done > prescribed. */
HIPTRACK_API hip_status hip_adherence_completion_pct(double done, double prescribed, double *pct_out);

/* ADH-1, 3, 4, 9 for program week week (>= 1). Without a plan (and no weekly_session_target) nothing
 * is prescribed, so the week comes back with evaluable = 0; the streak metrics need a target and
 * return HIP_ERR_STATE then. */
HIPTRACK_API hip_status hip_adherence_week_at(hip_adherence *adherence, uint32_t week,
                                              hip_adherence_week *out);
/* ADH-2: completed sessions on start_day..today / max(1, ceil(days_elapsed / 7)),
 * days_elapsed = today - start_day + 1. HIP_ERR_RANGE when today is before start_day. */
HIPTRACK_API hip_status hip_adherence_sessions_per_week(hip_adherence *adherence, int32_t today,
                                                        double *out);
/* ADH-5: the first complete week (ending before today) w whose completion and the previous
 * evaluable week's are both below adherent_pct. HIP_ERR_NOT_FOUND when there is none. */
HIPTRACK_API hip_status hip_adherence_poor_adherence(hip_adherence *adherence, int32_t today,
                                                     uint32_t *week_out);
/* ADH-6: 1 when a completed session falls on program days final_month_first_day..last_day. */
HIPTRACK_API hip_status hip_adherence_final_month(hip_adherence *adherence, int *completed_out);
/* ADH-7: the day of the first session that closes habit_sessions completed sessions within
 * habit_window_days (sessions on start_day..today). HIP_ERR_NOT_FOUND when not reached. */
HIPTRACK_API hip_status hip_adherence_habit_point(hip_adherence *adherence, int32_t today,
                                                  int32_t *day_out);
/* ADH-8: days with a completed session in a row ending today, or yesterday when today has none
 * yet (grace); excused days are skipped (see above). */
HIPTRACK_API hip_status hip_adherence_day_streak(hip_adherence *adherence, int32_t today,
                                                 uint32_t *streak_out);
/* ADH-9: program weeks in a row meeting the session target, ending at today's week if met, else at
 * the previous week; excused weeks are skipped. */
HIPTRACK_API hip_status hip_adherence_week_streak(hip_adherence *adherence, int32_t today,
                                                  uint32_t *streak_out);
/* ADH-10, ADH-12 and more over first_day..last_day (HIP_ERR_RANGE when last < first). */
HIPTRACK_API hip_status hip_adherence_range_stats(hip_adherence *adherence, int32_t first_day,
                                                  int32_t last_day, hip_adherence_range *out);
/* ADH-10: distinct days with a completed session on today-13 .. today. */
HIPTRACK_API hip_status hip_adherence_exercise_days_last_14(hip_adherence *adherence, int32_t today,
                                                            uint32_t *days_out);
/* ADH-11: program weeks 1 .. today's week with >= 1 completed session. */
HIPTRACK_API hip_status hip_adherence_active_weeks(hip_adherence *adherence, int32_t today,
                                                   uint32_t *weeks_out);
/* ADH-12: minutes of every logged session on start_day .. today. */
HIPTRACK_API hip_status hip_adherence_cumulative_minutes(hip_adherence *adherence, int32_t today,
                                                         double *minutes_out);
/* All of the above as of today (HIP_ERR_RANGE when today is before start_day). */
HIPTRACK_API hip_status hip_adherence_report_on(hip_adherence *adherence, int32_t today,
                                                hip_adherence_report *out);

#ifdef __cplusplus
}
#endif
#endif
