/* Internal: the session handle, shared by session.c and session_json.c. */
#ifndef HIPTRACK_SRC_SESSION_INTERNAL_H
#define HIPTRACK_SRC_SESSION_INTERNAL_H

#include "hiptrack/hip_session.h"
#include "error.h"

/* Sets are kept in the order they were added; each names its exercise. A set's reps are
 * reps[first_rep .. first_rep + set.rep_count): reps only ever go to the last set added. */
typedef struct hip__sset {
    size_t exercise;
    size_t first_rep;
    hip_session_set set;
} hip__sset;

/* Everything a session records, apart from the allocator and error (swapped whole on import). */
typedef struct hip__sdata {
    hip_session_info info;
    hip_session_exercise *ex;
    size_t n_ex, ex_cap;
    hip__sset *sets;
    size_t n_sets, sets_cap;
    hip_session_rep *reps;
    size_t n_reps, reps_cap;
} hip__sdata;

struct hip_session {
    hip_allocator alloc;
    hip__error err;
    double threshold_pct;
    hip__sdata d;
};

extern const char *const hip__abandon_names[5];

/* Local calendar day of an instant with a UTC offset. */
int32_t hip__local_day(int64_t t_ns, int32_t utc_offset_min);
/* Field validation; messages name fields below path ("" for API calls). */
hip_status hip__sexercise_validate(const hip_session_exercise *ex, const char *path, hip__error *e);
hip_status hip__sset_validate(const hip_session_set *set, const char *path, hip__error *e);
hip_status hip__srep_validate(const hip_session_rep *rep, const char *path, hip__error *e);
void hip__sdata_free(const hip_allocator *a, hip__sdata *d);

#endif
