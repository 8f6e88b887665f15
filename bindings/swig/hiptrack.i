/* hiptrack.i: the language-neutral SWIG interface (DESIGN.md §7).
 *
 * Each handle becomes a class: the constructor is config_init + create, the destructor is destroy,
 * and the other methods bind straight to hip_<x>_<verb> (a body-less %extend method `verb` calls
 * the C function hip_<x>_verb(self, ...)). The few methods with a body are adapters that give
 * arrays their lengths, so that no language can make the library read or write past a buffer;
 * they have names of their own (push_sample, push_samples, read_into), since SWIG names a method
 * with a body hip_<x>_<method> in C and the library's names are taken.
 * Plain value structs (hip_exercise, hip_rep_event, ...) are wrapped as they are; out-parameters
 * that are structs are passed in by the caller and filled.
 *
 * Nothing here is specific to one language. A language file (hiptrack_python.i, later
 * hiptrack_java.i) sets %module and, BEFORE including this file, defines:
 *
 *   HIP_STATUS_TYPE(TYPE, MESSAGE)   the out typemap of a status type: a negative status becomes
 *                                    the language's exception, with MESSAGE (a C expression that
 *                                    may use arg1, the handle) as its text. TYPE is hip_status for
 *                                    calls that report through their status alone, and one
 *                                    hip_<x>_status per handle whose last_error names the problem.
 *   HIP_LONG_CALL(NAME)              marks a method that may run long (the language may release
 *                                    its interpreter lock around it); every such method leaves
 *                                    its errors in the pending error, never in the language.
 *   a check after every call of hip__bind_pending_status() != 0 (e.g. in %exception) that turns
 *                                    the pending error into an exception (hip__bind_take_error).
 *   typemaps for the array patterns  (const float *IN_ARRAY, size_t IN_LEN)
 *                                    (const int64_t *IN_ARRAY, size_t IN_LEN)
 *                                    (const char *IN_BYTES, size_t IN_LEN)
 *                                    (const void *IN_BYTES, size_t IN_LEN)
 *                                    (float *OUT_ARRAY, size_t OUT_CAP)
 *                                    (int64_t *OUT_ARRAY, size_t OUT_CAP)
 *                                    (hip_rep_event *OUT_ARRAY, size_t OUT_CAP)
 *                                    (char *OUT_BYTES, size_t OUT_CAP)   NULL/0 allowed
 *                                    (void *OUT_BYTES, size_t OUT_CAP)   NULL/0 allowed
 *                                    where LEN and CAP count elements, not bytes.
 *
 * Adding a module (hip_outcomes.h, ...) is mechanical: %ignore its handle functions, %include its
 * header, declare `struct hip_x {};` and HIP_STATUS_TYPE(hip_x_status, hip_x_last_error(arg1)),
 * then a %extend block with the constructor, the destructor and one body-less line per verb. */

%{
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
/* The headers wrapped here, one per module (not the umbrella, which may hold modules not yet
 * wrapped). */
#include "hiptrack/hip_version.h"
#include "hiptrack/hip_status.h"
#include "hiptrack/hip_alloc.h"
#include "hiptrack/hip_date.h"
#include "hiptrack/hip_catalog.h"
#include "hiptrack/hip_program.h"
#include "hiptrack/hip_reps.h"
#include "hiptrack/hip_sim.h"
#include "hiptrack/hip_export.h"   /* before any module: its pain imports extend hip_painlog */
#include "hiptrack/hip_pose.h"

/* The pending error: set by constructors and adapters (which have no handle to keep a message in,
 * or run without the interpreter lock), taken by the language's check after the call. Thread-local
 * so that calls on different handles from different threads do not mix their errors. */
#if defined(_MSC_VER)
#  define HIP__BIND_TLS __declspec(thread)
#else
#  define HIP__BIND_TLS _Thread_local
#endif
static HIP__BIND_TLS hip_status hip__bind_status;
static HIP__BIND_TLS char hip__bind_message[320];

static void hip__bind_fail(hip_status status, const char *message)
{
    hip__bind_status = status;
    if (!message || !*message) message = hip_status_str(status);
    size_t n = strlen(message);
    if (n >= sizeof hip__bind_message) n = sizeof hip__bind_message - 1;
    memcpy(hip__bind_message, message, n);
    hip__bind_message[n] = '\0';
}

static hip_status hip__bind_pending_status(void) { return hip__bind_status; }

/* Returns the pending status, copies its message to buf and clears it. */
static hip_status hip__bind_take_error(char *buf, size_t cap)
{
    hip_status s = hip__bind_status;
    if (cap) {
        size_t n = strlen(hip__bind_message);
        if (n >= cap) n = cap - 1;
        memcpy(buf, hip__bind_message, n);
        buf[n] = '\0';
    }
    hip__bind_status = HIP_OK;
    hip__bind_message[0] = '\0';
    return s;
}

/* The text of a failed status: the handle's last_error when it says something, else the status. */
static const char *hip__bind_text(hip_status status, const char *message)
{
    return (message && *message) ? message : hip_status_str(status);
}

/* Per-handle status types: the same values as hip_status, distinct only to SWIG so that each
 * handle's failures can carry that handle's last_error. */
typedef hip_status hip_catalog_status;
typedef hip_status hip_program_status;
typedef hip_status hip_reps_status;
typedef hip_status hip_pose_reps_status;
%}

%include "stdint.i"
%include "typemaps.i"

/* Plain size_t / int outputs come back with the status. */
%apply size_t *OUTPUT { size_t *consumed_out, size_t *len_out, size_t *count_out, size_t *index_out,
                        size_t *n_out, size_t *events_out };
%apply int32_t *OUTPUT { int32_t *day_out };
%apply int *OUTPUT { int *year_out, int *month_out, int *mday_out, int *major_out, int *minor_out,
                     int *patch_out };

/* Allocators are C function pointers: not expressible in a binding, so configs keep the default. */
%ignore hip_allocator;
%ignore allocator;
%immutable struct_size;
%immutable builtin;

%include "hiptrack/hip_api.h"
%include "hiptrack/hip_version.h"
%include "hiptrack/hip_status.h"
%include "hiptrack/hip_alloc.h"

HIP_STATUS_TYPE(hip_status, hip__bind_text(result, NULL))

/* ---- dates ---------------------------------------------------------------------------------- */
%apply (char *OUT_BYTES, size_t OUT_CAP) { (char *buf, size_t cap) };
%include "hiptrack/hip_date.h"
%clear (char *buf, size_t cap);

/* ---- catalog -------------------------------------------------------------------------------- */
%ignore hip_catalog_config_init;
%ignore hip_catalog_create;
%ignore hip_catalog_destroy;
%ignore hip_catalog_last_error;
%ignore hip_catalog_count;
%ignore hip_catalog_at;
%ignore hip_catalog_find;
%ignore hip_catalog_add;
%ignore hip_catalog_add_edge;
%ignore hip_catalog_edge_count;
%ignore hip_catalog_edge_at;
%ignore hip_catalog_harder;
%ignore hip_catalog_easier;
%ignore hip_catalog_import_json;
%ignore hip_catalog_export_json;
%ignore hip_exercise_init;
%include "hiptrack/hip_catalog.h"

typedef hip_status hip_catalog_status;
HIP_STATUS_TYPE(hip_catalog_status, hip__bind_text(result, hip_catalog_last_error(arg1)))

%extend hip_catalog_config {
    hip_catalog_config() {
        hip_catalog_config *c = (hip_catalog_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_catalog_config_init(c);
        return c;
    }
    ~hip_catalog_config() { free($self); }
}

%extend hip_exercise {
    /* A custom exercise with hip_exercise_init's defaults. */
    hip_exercise() {
        hip_exercise *e = (hip_exercise *)calloc(1, sizeof *e);
        if (!e) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_exercise_init(e);
        return e;
    }
    ~hip_exercise() { free($self); }
}

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_catalog::import_json)
struct hip_catalog {};
%extend hip_catalog {
    hip_catalog(const hip_catalog_config *config = NULL) {
        hip_catalog *c = NULL;
        hip_status s = hip_catalog_create(config, &c);
        if (s != HIP_OK) hip__bind_fail(s, "hip_catalog_create failed");
        return c;
    }
    ~hip_catalog() { hip_catalog_destroy($self); }
    const char *last_error();
    size_t count();
    hip_status at(size_t index, hip_exercise *out);
    hip_status find(const char *id, hip_exercise *out);
    hip_catalog_status add(const hip_exercise *exercise);
    hip_catalog_status add_edge(const char *easier_id, const char *harder_id, hip_change change);
    size_t edge_count();
    hip_status edge_at(size_t index, hip_progression_edge *out);
    hip_status harder(const char *id, size_t k, hip_exercise *out);
    hip_status easier(const char *id, size_t k, hip_exercise *out);
    hip_catalog_status import_json(const char *IN_BYTES, size_t IN_LEN);
    hip_status export_json(int custom_only, char *OUT_BYTES, size_t OUT_CAP, size_t *len_out);
}

/* ---- program -------------------------------------------------------------------------------- */
%ignore hip_program_config_init;
%ignore hip_program_create;
%ignore hip_program_destroy;
%ignore hip_program_last_error;
%ignore hip_prescription_init;
%ignore hip_program_begin;
%ignore hip_program_add;
%ignore hip_program_replace;
%ignore hip_program_remove;
%ignore hip_program_draft_count;
%ignore hip_program_draft_at;
%ignore hip_program_commit;
%ignore hip_program_discard;
%ignore hip_program_version_count;
%ignore hip_program_version_at;
%ignore hip_program_exercise_at;
%ignore hip_program_version_on;
%ignore hip_program_check;
%ignore hip_program_import_json;
%ignore hip_program_export_json;
%include "hiptrack/hip_program.h"

typedef hip_status hip_program_status;
HIP_STATUS_TYPE(hip_program_status, hip__bind_text(result, hip_program_last_error(arg1)))

%extend hip_program_config {
    hip_program_config() {
        hip_program_config *c = (hip_program_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_program_config_init(c);
        return c;
    }
    ~hip_program_config() { free($self); }
}

%extend hip_prescription {
    /* hip_prescription_init's defaults for exercise_id (3 x 10, 120 s rest, pain ceiling 5). */
    hip_prescription(const char *exercise_id = "") {
        hip_prescription *p = (hip_prescription *)calloc(1, sizeof *p);
        if (!p) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_prescription_init(p, exercise_id ? exercise_id : "");
        return p;
    }
    ~hip_prescription() { free($self); }
}

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_program::import_json)
struct hip_program {};
%extend hip_program {
    hip_program(const hip_program_config *config = NULL) {
        hip_program *p = NULL;
        hip_status s = hip_program_create(config, &p);
        if (s != HIP_OK) hip__bind_fail(s, "hip_program_create failed");
        return p;
    }
    ~hip_program() { hip_program_destroy($self); }
    const char *last_error();
    hip_program_status begin(int32_t effective_day, uint32_t sessions_per_week, const char *note = NULL);
    hip_program_status add(const hip_prescription *p);
    hip_program_status replace(size_t index, const hip_prescription *p);
    hip_program_status remove(size_t index);
    hip_program_status draft_count(size_t *count_out);
    hip_program_status draft_at(size_t index, hip_prescription *out);
    hip_program_status commit();
    hip_program_status discard();
    size_t version_count();
    hip_status version_at(size_t index, hip_program_version *out);
    hip_status exercise_at(size_t version_index, size_t index, hip_prescription *out);
    hip_status version_on(int32_t day, size_t *index_out);
    hip_program_status check(const hip_catalog *catalog);
    hip_program_status import_json(const char *IN_BYTES, size_t IN_LEN);
    hip_status export_json(char *OUT_BYTES, size_t OUT_CAP, size_t *len_out);
}

/* ---- rep detector ----------------------------------------------------------------------------- */
%ignore hip_reps_create;
%ignore hip_reps_create_in;
%ignore hip_reps_destroy;
%ignore hip_reps_reset;
%ignore hip_reps_last_error;
%ignore hip_reps_push;
%ignore hip_reps_push_block;
%ignore hip_reps_finish;
%ignore hip_reps_next_event;
%ignore hip_reps_pending_events;
%ignore hip_reps_snapshot;
%ignore hip_reps_restore;
%ignore hip_reps_config_init;
%ignore hip_reps_config_for_exercise;
%include "hiptrack/hip_reps.h"

typedef hip_status hip_reps_status;
HIP_STATUS_TYPE(hip_reps_status, hip__bind_text(result, hip_reps_last_error(arg1)))

%{
/* The binding keeps each detector in a workspace (hip_reps_create_in) behind a small header that
 * remembers the input kind: the handle does not expose it, and an adapter must know the sample
 * width to check an array's length before the library reads it. */
typedef struct hip__bind_reps_header {
    hip_reps_input input;
    size_t width;
    double align_;
} hip__bind_reps_header;

static hip__bind_reps_header *hip__bind_reps_hdr(const hip_reps *r)
{
    return (hip__bind_reps_header *)(void *)((unsigned char *)(void *)(uintptr_t)r -
                                             sizeof(hip__bind_reps_header));
}

static hip_reps *hip__bind_reps_new(const hip_reps_config *config)
{
    if (!config) { hip__bind_fail(HIP_ERR_INVALID, "config must not be NULL"); return NULL; }
    size_t width = hip_reps_input_width(config->input);
    if (width == 0) { hip__bind_fail(HIP_ERR_INVALID, "config.input: unknown input kind"); return NULL; }
    size_t size = hip_reps_state_size();
    unsigned char *mem = (unsigned char *)malloc(sizeof(hip__bind_reps_header) + size);
    if (!mem) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
    hip__bind_reps_header *h = (hip__bind_reps_header *)(void *)mem;
    h->input = config->input;
    h->width = width;
    hip_reps *r = NULL;
    hip_status s = hip_reps_create_in(config, mem + sizeof *h, size, &r);
    if (s != HIP_OK || (unsigned char *)(void *)r != mem + sizeof *h) {
        free(mem);
        hip__bind_fail(s != HIP_OK ? s : HIP_ERR_STATE,
                       "invalid detector configuration (max_gap_s 0.2..10, reference_reps 1..5, "
                       "ratios and targets positive and finite, profile ranges ordered)");
        return NULL;
    }
    return r;
}

static void hip__bind_reps_free(hip_reps *r)
{
    if (!r) return;
    hip_reps_destroy(r);
    free(hip__bind_reps_hdr(r));
}

/* Pushes t_count samples and moves every event they produce into events (up to events_cap):
 * push_block and next_event in one loop, so that no queue-full stop reaches the caller. Stops
 * when every sample is consumed, when events is full, or at a refused sample (whose status is
 * returned; *consumed_out says how many were taken before it). */
static int hip__bind_reps_push_collect(hip_reps *r, const int64_t *t_ns, size_t t_count,
                                              const float *samples, size_t samples_len,
                                              hip_rep_event *events, size_t events_cap,
                                              size_t *consumed_out, size_t *events_out)
{
    size_t width = hip__bind_reps_hdr(r)->width, done = 0, n_ev = 0;
    *consumed_out = 0;
    *events_out = 0;
    if (samples_len != t_count * width) {
        char msg[160];
        snprintf(msg, sizeof msg, "samples hold %lu values for %lu timestamps; expected %lu (%lu per sample)",
                 (unsigned long)samples_len, (unsigned long)t_count,
                 (unsigned long)(t_count * width), (unsigned long)width);
        hip__bind_fail(HIP_ERR_INVALID, msg);
        return HIP_ERR_INVALID;
    }
    hip_status s = HIP_OK;
    for (;;) {
        while (n_ev < events_cap && hip_reps_next_event(r, &events[n_ev]) == HIP_OK) n_ev++;
        if (done == t_count || n_ev == events_cap) break;
        size_t used = 0;
        s = hip_reps_push_block(r, t_ns + done, samples + done * width, t_count - done, &used);
        done += used;
        if (s != HIP_OK) {
            while (n_ev < events_cap && hip_reps_next_event(r, &events[n_ev]) == HIP_OK) n_ev++;
            break;
        }
    }
    *consumed_out = done;
    *events_out = n_ev;
    return s;
}
%}

%extend hip_reps_config {
    /* hip_reps_config_init: generic ("auto") defaults for an input kind. */
    hip_reps_config(hip_reps_input input = HIP_REPS_INPUT_IMU) {
        hip_reps_config *c = (hip_reps_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_reps_config_init(c, input);
        return c;
    }
    ~hip_reps_config() { free($self); }
    hip_status for_exercise(const hip_exercise *exercise);
}

%apply (const int64_t *IN_ARRAY, size_t IN_LEN) { (const int64_t *t_ns, size_t t_count) };
%apply (const float *IN_ARRAY, size_t IN_LEN) { (const float *samples, size_t samples_len) };
%apply (const float *IN_ARRAY, size_t IN_LEN) { (const float *sample, size_t sample_len) };
%apply (hip_rep_event *OUT_ARRAY, size_t OUT_CAP) { (hip_rep_event *events, size_t events_cap) };
%apply (void *OUT_BYTES, size_t OUT_CAP) { (void *buf, size_t cap) };
%apply (const void *IN_BYTES, size_t IN_LEN) { (const void *buf, size_t len) };

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_reps::push_samples)
HIP_LONG_CALL(hip_reps::push_collect)
struct hip_reps {};
%extend hip_reps {
    hip_reps(const hip_reps_config *config) { return hip__bind_reps_new(config); }
    ~hip_reps() { hip__bind_reps_free($self); }
    const char *last_error();
    hip_reps_status reset();
    hip_reps_input input_kind() { return hip__bind_reps_hdr($self)->input; }
    size_t sample_width() { return hip__bind_reps_hdr($self)->width; }
    /* hip_reps_push with the sample's length checked. */
    hip_reps_status push_sample(int64_t t_ns, const float *sample, size_t sample_len) {
        if (sample_len != hip__bind_reps_hdr($self)->width) {
            hip__bind_fail(HIP_ERR_INVALID, "sample: wrong number of values for the input kind");
            return HIP_ERR_INVALID;
        }
        return hip_reps_push($self, t_ns, sample);
    }
    /* hip_reps_push_block with the arrays' lengths checked. */
    hip_reps_status push_samples(const int64_t *t_ns, size_t t_count, const float *samples,
                                 size_t samples_len, size_t *consumed_out) {
        size_t width = hip__bind_reps_hdr($self)->width;
        *consumed_out = 0;
        if (samples_len != t_count * width) {
            hip__bind_fail(HIP_ERR_INVALID, "samples: length is not timestamps x width");
            return HIP_ERR_INVALID;
        }
        return hip_reps_push_block($self, t_ns, samples, t_count, consumed_out);
    }
    /* Returns the status as a plain int instead of raising: the events taken before a refused
     * sample must reach the caller with the error (nothing accepted is lost). */
    int push_collect(const int64_t *t_ns, size_t t_count, const float *samples,
                     size_t samples_len, hip_rep_event *events, size_t events_cap,
                     size_t *consumed_out, size_t *events_out) {
        return hip__bind_reps_push_collect($self, t_ns, t_count, samples, samples_len, events,
                                           events_cap, consumed_out, events_out);
    }
    hip_reps_status finish();
    hip_status next_event(hip_rep_event *out);
    size_t pending_events();
    hip_status snapshot(void *buf, size_t cap, size_t *len_out);
    hip_reps_status restore(const void *buf, size_t len);
}

%clear (const int64_t *t_ns, size_t t_count);
%clear (const float *samples, size_t samples_len);
%clear (const float *sample, size_t sample_len);
%clear (hip_rep_event *events, size_t events_cap);
%clear (void *buf, size_t cap);
%clear (const void *buf, size_t len);

/* ---- simulator ------------------------------------------------------------------------------ */
%ignore hip_sim_config_init;
%ignore hip_sim_create;
%ignore hip_sim_destroy;
%ignore hip_sim_sample_count;
%ignore hip_sim_duration_s;
%ignore hip_sim_read;
%ignore hip_sim_rewind;
%ignore hip_sim_rep_count;
%ignore hip_sim_rep_at;
%include "hiptrack/hip_sim.h"

%extend hip_sim_config {
    /* hip_sim_config_init's defaults; copy a catalog exercise into .exercise. */
    hip_sim_config() {
        hip_sim_config *c = (hip_sim_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_sim_config_init(c);
        return c;
    }
    ~hip_sim_config() { free($self); }
}

%apply (int64_t *OUT_ARRAY, size_t OUT_CAP) { (int64_t *t_ns_out, size_t t_cap) };
%apply (float *OUT_ARRAY, size_t OUT_CAP) { (float *samples_out, size_t samples_cap) };

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_sim::read_into)
struct hip_sim {};
%extend hip_sim {
    /* hip_sim has no last_error: hip_sim_create writes its message into a caller buffer. */
    hip_sim(const hip_sim_config *config) {
        hip_sim *s = NULL;
        char msg[256] = "";
        hip_status st = hip_sim_create(config, &s, msg, sizeof msg);
        if (st != HIP_OK) hip__bind_fail(st, msg);
        return s;
    }
    ~hip_sim() { hip_sim_destroy($self); }
    size_t sample_count();
    double duration_s();
    /* Reads up to min(t_cap, samples_cap / 6) samples; HIP_DONE with *n_out == 0 at the end. */
    hip_status read_into(int64_t *t_ns_out, size_t t_cap, float *samples_out, size_t samples_cap,
                    size_t *n_out) {
        size_t max = t_cap;
        if (samples_cap / HIPTRACK_SIM_COLUMNS < max) max = samples_cap / HIPTRACK_SIM_COLUMNS;
        *n_out = 0;
        return hip_sim_read($self, t_ns_out, samples_out, max, n_out);
    }
    hip_status rewind();
    size_t rep_count();
    hip_status rep_at(size_t index, hip_sim_rep *out);
}

%clear (int64_t *t_ns_out, size_t t_cap);
%clear (float *samples_out, size_t samples_cap);

/* Layout of hip_rep_event, for languages that view an array of them without copying. */
%inline %{
static size_t hip__bind_rep_event_size(void) { return sizeof(hip_rep_event); }
%}
%{
#include <stddef.h>
%}
%constant size_t HIP_REP_EVENT_OFF_INDEX = offsetof(hip_rep_event, index);
%constant size_t HIP_REP_EVENT_OFF_FLAGS = offsetof(hip_rep_event, flags);
%constant size_t HIP_REP_EVENT_OFF_SOURCE = offsetof(hip_rep_event, source);
%constant size_t HIP_REP_EVENT_OFF_START_NS = offsetof(hip_rep_event, start_ns);
%constant size_t HIP_REP_EVENT_OFF_PEAK_NS = offsetof(hip_rep_event, peak_ns);
%constant size_t HIP_REP_EVENT_OFF_END_NS = offsetof(hip_rep_event, end_ns);
%constant size_t HIP_REP_EVENT_OFF_EMITTED_NS = offsetof(hip_rep_event, emitted_ns);
%constant size_t HIP_REP_EVENT_OFF_EXCURSION_DEG = offsetof(hip_rep_event, excursion_deg);
%constant size_t HIP_REP_EVENT_OFF_TRAVEL_CM = offsetof(hip_rep_event, travel_cm);
%constant size_t HIP_REP_EVENT_OFF_CONCENTRIC_S = offsetof(hip_rep_event, concentric_s);
%constant size_t HIP_REP_EVENT_OFF_ECCENTRIC_S = offsetof(hip_rep_event, eccentric_s);
%constant size_t HIP_REP_EVENT_OFF_HOLD_S = offsetof(hip_rep_event, hold_s);
%constant size_t HIP_REP_EVENT_OFF_PEAK_SPEED_DPS = offsetof(hip_rep_event, peak_speed_dps);
%constant size_t HIP_REP_EVENT_OFF_SMOOTHNESS = offsetof(hip_rep_event, smoothness);

/* ---- sessions ------------------------------------------------------------------------------- */
%{
#include "hiptrack/hip_session.h"
typedef hip_status hip_session_status;

/* A struct array passed as bytes (the contract's IN_BYTES/OUT_BYTES): the byte length must be a
 * whole number of records, and the data aligned for the record (a misaligned input is copied). */
static int hip__bind_records(size_t len, size_t size, const char *what, size_t *count_out)
{
    char msg[160];
    *count_out = 0;
    if (len % size != 0) {
        snprintf(msg, sizeof msg, "%s: %lu bytes is not a whole number of %lu-byte records", what,
                 (unsigned long)len, (unsigned long)size);
        hip__bind_fail(HIP_ERR_INVALID, msg);
        return -1;
    }
    *count_out = len / size;
    return 0;
}

/* bytes as an aligned pointer: itself when aligned, else a malloc'd copy in *tmp (free it). */
static const void *hip__bind_aligned(const void *bytes, size_t len, size_t align, void **tmp)
{
    *tmp = NULL;
    if (!bytes || len == 0 || ((uintptr_t)bytes % align) == 0) return bytes;
    *tmp = malloc(len);
    if (!*tmp) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
    memcpy(*tmp, bytes, len);
    return *tmp;
}
#define HIP__BIND_ALIGNOF(T) _Alignof(T)
%}

%ignore hip_session_config_init;
%ignore hip_session_create;
%ignore hip_session_destroy;
%ignore hip_session_last_error;
%ignore hip_session_exercise_init;
%ignore hip_session_set_init;
%ignore hip_session_rep_init;
%ignore hip_session_start;
%ignore hip_session_set_program;
%ignore hip_session_plan_program;
%ignore hip_session_set_pain;
%ignore hip_session_add_exercise;
%ignore hip_session_add_set;
%ignore hip_session_update_set;
%ignore hip_session_add_rep;
%ignore hip_session_add_rep_event;
%ignore hip_session_finish;
%ignore hip_session_get_info;
%ignore hip_session_exercise_at;
%ignore hip_session_set_at;
%ignore hip_session_rep_at;
%ignore hip_session_summarize;
%ignore hip_session_import_json;
%ignore hip_session_export_json;
%immutable rep_count;
%immutable set_count;
%include "hiptrack/hip_session.h"
%mutable rep_count;
%mutable set_count;

typedef hip_status hip_session_status;
HIP_STATUS_TYPE(hip_session_status, hip__bind_text(result, hip_session_last_error(arg1)))

%extend hip_session_config {
    hip_session_config() {
        hip_session_config *c = (hip_session_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_session_config_init(c);
        return c;
    }
    ~hip_session_config() { free($self); }
}

%extend hip_session_exercise {
    /* hip_session_exercise_init: nothing prescribed, side both. */
    hip_session_exercise(const char *exercise_id = "") {
        hip_session_exercise *e = (hip_session_exercise *)calloc(1, sizeof *e);
        if (!e) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_session_exercise_init(e, exercise_id ? exercise_id : "");
        return e;
    }
    ~hip_session_exercise() { free($self); }
}

%extend hip_session_set {
    /* hip_session_set_init: RPE and pain not recorded, the rest 0. */
    hip_session_set() {
        hip_session_set *s = (hip_session_set *)calloc(1, sizeof *s);
        if (!s) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_session_set_init(s);
        return s;
    }
    ~hip_session_set() { free($self); }
}

%extend hip_session_rep {
    /* hip_session_rep_init: a manual rep with every metric 0. */
    hip_session_rep() {
        hip_session_rep *r = (hip_session_rep *)calloc(1, sizeof *r);
        if (!r) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_session_rep_init(r);
        return r;
    }
    ~hip_session_rep() { free($self); }
}

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_session::import_json)
struct hip_session {};
%extend hip_session {
    hip_session(const hip_session_config *config = NULL) {
        hip_session *s = NULL;
        hip_status st = hip_session_create(config, &s);
        if (st != HIP_OK) hip__bind_fail(st, "hip_session_create failed (completion_threshold_pct 1..100)");
        return s;
    }
    ~hip_session() { hip_session_destroy($self); }
    const char *last_error();
    hip_session_status start(int64_t start_ns, int32_t utc_offset_min);
    hip_session_status set_program(uint32_t version_number, int32_t effective_day);
    hip_session_status plan_program(const hip_program *program, size_t version_index);
    hip_session_status set_pain(hip_pain_moment moment, int32_t pain);
    hip_session_status add_exercise(const hip_session_exercise *ex, size_t *index_out);
    hip_session_status add_set(size_t exercise_index, const hip_session_set *set);
    hip_session_status update_set(const hip_session_set *set);
    hip_session_status add_rep(const hip_session_rep *rep);
    hip_session_status add_rep_event(const hip_rep_event *event);
    hip_session_status finish(int64_t end_ns, hip_abandon_reason reason);
    hip_session_status get_info(hip_session_info *out);
    hip_session_status exercise_at(size_t index, hip_session_exercise *out);
    hip_session_status set_at(size_t exercise_index, size_t set_index, hip_session_set *out);
    hip_session_status rep_at(size_t exercise_index, size_t set_index, size_t rep_index,
                              hip_session_rep *out);
    hip_session_status summarize(hip_session_summary *out);
    hip_session_status import_json(const char *IN_BYTES, size_t IN_LEN);
    hip_session_status export_json(char *OUT_BYTES, size_t OUT_CAP, size_t *len_out);
}

/* ---- adherence ------------------------------------------------------------------------------ */
%{
#include "hiptrack/hip_adherence.h"
typedef hip_status hip_adherence_status;
%}

%ignore hip_adherence_config_init;
%ignore hip_adherence_create;
%ignore hip_adherence_destroy;
%ignore hip_adherence_last_error;
%ignore hip_adherence_set_sessions;
%ignore hip_adherence_set_plan;
%ignore hip_adherence_set_rest_days;
%ignore hip_adherence_set_pauses;
%ignore hip_adherence_week_at;
%ignore hip_adherence_sessions_per_week;
%ignore hip_adherence_poor_adherence;
%ignore hip_adherence_final_month;
%ignore hip_adherence_habit_point;
%ignore hip_adherence_day_streak;
%ignore hip_adherence_week_streak;
%ignore hip_adherence_range_stats;
%ignore hip_adherence_exercise_days_last_14;
%ignore hip_adherence_active_weeks;
%ignore hip_adherence_cumulative_minutes;
%ignore hip_adherence_report_on;
%apply double *OUTPUT { double *pct_out };
%include "hiptrack/hip_adherence.h"
%clear double *pct_out;

typedef hip_status hip_adherence_status;
HIP_STATUS_TYPE(hip_adherence_status, hip__bind_text(result, hip_adherence_last_error(arg1)))

%extend hip_adherence_config {
    /* hip_adherence_config_init's defaults; set start_day. */
    hip_adherence_config() {
        hip_adherence_config *c = (hip_adherence_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_adherence_config_init(c);
        return c;
    }
    ~hip_adherence_config() { free($self); }
}

%apply double *OUTPUT { double *per_week_out, double *minutes_out };
%apply uint32_t *OUTPUT { uint32_t *week_out, uint32_t *streak_out, uint32_t *days_out,
                          uint32_t *weeks_out };
%apply int *OUTPUT { int *completed_out };

struct hip_adherence {};
%extend hip_adherence {
    hip_adherence(const hip_adherence_config *config) {
        hip_adherence *a = NULL;
        hip_status st = hip_adherence_create(config, &a);
        if (st != HIP_OK) hip__bind_fail(st, "hip_adherence_create failed (a configuration field is out of its range)");
        return a;
    }
    ~hip_adherence() { hip_adherence_destroy($self); }
    const char *last_error();
    /* The input setters take their arrays as bytes (records of hip_adherence_session,
     * hip_adherence_plan, int32_t and hip_adherence_pause; HIP_ADHERENCE_*_SIZE and _OFF_* below
     * give the layouts), their lengths checked here. */
    hip_adherence_status set_sessions_bytes(const void *IN_BYTES, size_t IN_LEN) {
        size_t n; void *tmp; hip_status st;
        if (hip__bind_records(IN_LEN, sizeof(hip_adherence_session), "sessions", &n)) return HIP_ERR_INVALID;
        const void *p = hip__bind_aligned(IN_BYTES, IN_LEN, HIP__BIND_ALIGNOF(hip_adherence_session), &tmp);
        if (IN_LEN && !p) return HIP_ERR_NOMEM;
        st = hip_adherence_set_sessions($self, (const hip_adherence_session *)p, n);
        free(tmp);
        return st;
    }
    hip_adherence_status set_plan_bytes(const void *IN_BYTES, size_t IN_LEN) {
        size_t n; void *tmp; hip_status st;
        if (hip__bind_records(IN_LEN, sizeof(hip_adherence_plan), "plan", &n)) return HIP_ERR_INVALID;
        const void *p = hip__bind_aligned(IN_BYTES, IN_LEN, HIP__BIND_ALIGNOF(hip_adherence_plan), &tmp);
        if (IN_LEN && !p) return HIP_ERR_NOMEM;
        st = hip_adherence_set_plan($self, (const hip_adherence_plan *)p, n);
        free(tmp);
        return st;
    }
    hip_adherence_status set_rest_days_bytes(const void *IN_BYTES, size_t IN_LEN) {
        size_t n; void *tmp; hip_status st;
        if (hip__bind_records(IN_LEN, sizeof(int32_t), "rest_days", &n)) return HIP_ERR_INVALID;
        const void *p = hip__bind_aligned(IN_BYTES, IN_LEN, HIP__BIND_ALIGNOF(int32_t), &tmp);
        if (IN_LEN && !p) return HIP_ERR_NOMEM;
        st = hip_adherence_set_rest_days($self, (const int32_t *)p, n);
        free(tmp);
        return st;
    }
    hip_adherence_status set_pauses_bytes(const void *IN_BYTES, size_t IN_LEN) {
        size_t n; void *tmp; hip_status st;
        if (hip__bind_records(IN_LEN, sizeof(hip_adherence_pause), "pauses", &n)) return HIP_ERR_INVALID;
        const void *p = hip__bind_aligned(IN_BYTES, IN_LEN, HIP__BIND_ALIGNOF(hip_adherence_pause), &tmp);
        if (IN_LEN && !p) return HIP_ERR_NOMEM;
        st = hip_adherence_set_pauses($self, (const hip_adherence_pause *)p, n);
        free(tmp);
        return st;
    }
    hip_adherence_status week_at(uint32_t week, hip_adherence_week *out);
    hip_adherence_status sessions_per_week(int32_t today, double *per_week_out);
    hip_adherence_status poor_adherence(int32_t today, uint32_t *week_out);
    hip_adherence_status final_month(int *completed_out);
    hip_adherence_status habit_point(int32_t today, int32_t *day_out);
    hip_adherence_status day_streak(int32_t today, uint32_t *streak_out);
    hip_adherence_status week_streak(int32_t today, uint32_t *streak_out);
    hip_adherence_status range_stats(int32_t first_day, int32_t last_day, hip_adherence_range *out);
    hip_adherence_status exercise_days_last_14(int32_t today, uint32_t *days_out);
    hip_adherence_status active_weeks(int32_t today, uint32_t *weeks_out);
    hip_adherence_status cumulative_minutes(int32_t today, double *minutes_out);
    hip_adherence_status report_on(int32_t today, hip_adherence_report *out);
}

%clear double *per_week_out, double *minutes_out;
%clear uint32_t *week_out, uint32_t *streak_out, uint32_t *days_out, uint32_t *weeks_out;
%clear int *completed_out;

/* Record layouts of the adherence inputs, for languages that pass them as bytes. */
%constant size_t HIP_ADHERENCE_SESSION_SIZE = sizeof(hip_adherence_session);
%constant size_t HIP_ADHERENCE_SESSION_OFF_DAY = offsetof(hip_adherence_session, day);
%constant size_t HIP_ADHERENCE_SESSION_OFF_COMPLETED = offsetof(hip_adherence_session, completed);
%constant size_t HIP_ADHERENCE_SESSION_OFF_MINUTES = offsetof(hip_adherence_session, minutes);
%constant size_t HIP_ADHERENCE_SESSION_OFF_PRESCRIBED_REPS = offsetof(hip_adherence_session, prescribed_reps);
%constant size_t HIP_ADHERENCE_SESSION_OFF_DONE_REPS = offsetof(hip_adherence_session, done_reps);
%constant size_t HIP_ADHERENCE_PLAN_SIZE = sizeof(hip_adherence_plan);
%constant size_t HIP_ADHERENCE_PLAN_OFF_EFFECTIVE_DAY = offsetof(hip_adherence_plan, effective_day);
%constant size_t HIP_ADHERENCE_PLAN_OFF_SESSIONS_PER_WEEK = offsetof(hip_adherence_plan, sessions_per_week);
%constant size_t HIP_ADHERENCE_PLAN_OFF_REPS_PER_SESSION = offsetof(hip_adherence_plan, reps_per_session);
%constant size_t HIP_ADHERENCE_PAUSE_SIZE = sizeof(hip_adherence_pause);
%constant size_t HIP_ADHERENCE_PAUSE_OFF_FIRST_DAY = offsetof(hip_adherence_pause, first_day);
%constant size_t HIP_ADHERENCE_PAUSE_OFF_LAST_DAY = offsetof(hip_adherence_pause, last_day);

/* ---- outcome questionnaires ----------------------------------------------------------------- */
%{
#include "hiptrack/hip_outcomes.h"
typedef hip_status hip_outcome_response_status;
%}

%ignore hip_outcome_config_init;
%ignore hip_outcome_response_create;
%ignore hip_outcome_response_destroy;
%ignore hip_outcome_response_last_error;
%ignore hip_outcome_response_instrument;
%ignore hip_outcome_clear;
%ignore hip_outcome_set_answer;
%ignore hip_outcome_set_missing;
%ignore hip_outcome_get_answer;
%ignore hip_outcome_set_activity_name;
%ignore hip_outcome_get_activity_name;
%ignore hip_outcome_set_date;
%ignore hip_outcome_clear_date;
%ignore hip_outcome_get_date;
%ignore hip_outcome_score;
%ignore hip_outcome_score_as;
%ignore hip_outcome_import_json;
%ignore hip_outcome_export_json;
%ignore hip_mcid_config_init;
/* Fixed arrays inside value structs: read and written through the adapters below. */
%ignore hip_outcome_result::scales;
%ignore hip_outcome_result::activities;
%ignore hip_outcome_change::scales;
%ignore hip_outcome_change::activities;
%ignore hip_mcid_config::threshold;
%ignore hip_mcid_config::criterion;
%include "hiptrack/hip_outcomes.h"

typedef hip_status hip_outcome_response_status;
HIP_STATUS_TYPE(hip_outcome_response_status,
                hip__bind_text(result, hip_outcome_response_last_error(arg1)))

%extend hip_outcome_config {
    /* hip_outcome_config_init: HOOS, 2013 missing rule, HOOS-aligned HOOS-PS. */
    hip_outcome_config() {
        hip_outcome_config *c = (hip_outcome_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_outcome_config_init(c);
        return c;
    }
    ~hip_outcome_config() { free($self); }
}

%extend hip_outcome_result {
    hip_status scale_at(size_t index, hip_outcome_scale_score *out) {
        if (index >= $self->scale_count || index >= HIPTRACK_OUTCOME_MAX_SCALES) {
            hip__bind_fail(HIP_ERR_RANGE, "scale index out of range");
            return HIP_ERR_RANGE;
        }
        *out = $self->scales[index];
        return HIP_OK;
    }
    hip_status activity_at(size_t index, hip_psfs_activity_score *out) {
        if (index >= $self->activity_count || index >= HIPTRACK_PSFS_MAX_ACTIVITIES) {
            hip__bind_fail(HIP_ERR_RANGE, "activity index out of range");
            return HIP_ERR_RANGE;
        }
        *out = $self->activities[index];
        return HIP_OK;
    }
}

%extend hip_outcome_change {
    hip_status scale_at(size_t index, hip_outcome_scale_change *out) {
        if (index >= $self->scale_count || index >= HIPTRACK_OUTCOME_MAX_SCALES) {
            hip__bind_fail(HIP_ERR_RANGE, "scale index out of range");
            return HIP_ERR_RANGE;
        }
        *out = $self->scales[index];
        return HIP_OK;
    }
    hip_status activity_at(size_t index, hip_psfs_activity_change *out) {
        if (index >= $self->activity_count || index >= HIPTRACK_PSFS_MAX_ACTIVITIES) {
            hip__bind_fail(HIP_ERR_RANGE, "activity index out of range");
            return HIP_ERR_RANGE;
        }
        *out = $self->activities[index];
        return HIP_OK;
    }
}

%extend hip_mcid_config {
    /* hip_mcid_config_init's defaults (HOOS-12 MCID 24, PSFS MDC 2 and 3). */
    hip_mcid_config() {
        hip_mcid_config *c = (hip_mcid_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_mcid_config_init(c);
        return c;
    }
    ~hip_mcid_config() { free($self); }
    double threshold_of(hip_outcome_scale scale) {
        if ((unsigned)scale >= HIPTRACK_OUTCOME_SCALE_CAP) {
            hip__bind_fail(HIP_ERR_RANGE, "scale out of range");
            return 0;
        }
        return $self->threshold[scale];
    }
    hip_change_criterion criterion_of(hip_outcome_scale scale) {
        if ((unsigned)scale >= HIPTRACK_OUTCOME_SCALE_CAP) {
            hip__bind_fail(HIP_ERR_RANGE, "scale out of range");
            return HIP_CHANGE_NONE;
        }
        return $self->criterion[scale];
    }
    /* Sets one scale's threshold (>= 0; 0 = none); hip_outcome_compare validates the values. */
    hip_status set_threshold(hip_outcome_scale scale, double threshold, hip_change_criterion criterion) {
        if ((unsigned)scale >= HIPTRACK_OUTCOME_SCALE_CAP) {
            hip__bind_fail(HIP_ERR_RANGE, "scale out of range");
            return HIP_ERR_RANGE;
        }
        $self->threshold[scale] = threshold;
        $self->criterion[scale] = criterion;
        return HIP_OK;
    }
}

%apply int32_t *OUTPUT { int32_t *value_out };

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_outcome_response::import_json)
struct hip_outcome_response {};
%extend hip_outcome_response {
    hip_outcome_response(const hip_outcome_config *config = NULL) {
        hip_outcome_response *r = NULL;
        hip_status st = hip_outcome_response_create(config, &r);
        if (st != HIP_OK) hip__bind_fail(st, "hip_outcome_response_create failed (unknown instrument, missing rule or direction)");
        return r;
    }
    ~hip_outcome_response() { hip_outcome_response_destroy($self); }
    const char *last_error();
    hip_instrument instrument();
    /* The library names this handle's verbs hip_outcome_<verb> (not hip_outcome_response_<verb>),
     * so each is a one-line forward. */
    hip_outcome_response_status clear() { return hip_outcome_clear($self); }
    hip_outcome_response_status set_answer(const char *item_id, int32_t value) {
        return hip_outcome_set_answer($self, item_id, value);
    }
    hip_outcome_response_status set_missing(const char *item_id) {
        return hip_outcome_set_missing($self, item_id);
    }
    hip_outcome_response_status get_answer(const char *item_id, int32_t *value_out) {
        return hip_outcome_get_answer($self, item_id, value_out);
    }
    hip_outcome_response_status set_activity_name(const char *item_id, const char *name) {
        return hip_outcome_set_activity_name($self, item_id, name);
    }
    hip_outcome_response_status get_activity_name(const char *item_id, char *OUT_BYTES, size_t OUT_CAP) {
        return hip_outcome_get_activity_name($self, item_id, OUT_BYTES, OUT_CAP);
    }
    hip_outcome_response_status set_date(int32_t day) { return hip_outcome_set_date($self, day); }
    hip_outcome_response_status clear_date() { return hip_outcome_clear_date($self); }
    hip_outcome_response_status get_date(int32_t *day_out) { return hip_outcome_get_date($self, day_out); }
    hip_outcome_response_status score(hip_outcome_result *out) { return hip_outcome_score($self, out); }
    hip_outcome_response_status score_as(hip_instrument instrument, hip_outcome_result *out) {
        return hip_outcome_score_as($self, instrument, out);
    }
    hip_outcome_response_status import_json(const char *IN_BYTES, size_t IN_LEN) {
        return hip_outcome_import_json($self, IN_BYTES, IN_LEN);
    }
    hip_outcome_response_status export_json(char *OUT_BYTES, size_t OUT_CAP, size_t *len_out) {
        return hip_outcome_export_json($self, OUT_BYTES, OUT_CAP, len_out);
    }
}

%clear int32_t *value_out;

/* ---- pain log ------------------------------------------------------------------------------- */
%{
#include "hiptrack/hip_painlog.h"
typedef hip_status hip_painlog_status;
%}

%ignore hip_painlog_config_init;
%ignore hip_painlog_create;
%ignore hip_painlog_destroy;
%ignore hip_painlog_last_error;
%ignore hip_pain_entry_init;
%ignore hip_painlog_add;
%ignore hip_painlog_remove;
%ignore hip_painlog_count;
%ignore hip_painlog_entry_at;
%ignore hip_painlog_import_json;
%ignore hip_painlog_export_json;
%ignore hip_painlog_baseline;
%ignore hip_painlog_rolling_mean;
%ignore hip_painlog_change_on;
%ignore hip_painlog_flares;
%ignore hip_painlog_pattern;
%ignore hip_painlog_flares_scan;
%ignore hip_painlog_cohort;
%apply int *OUTPUT { hip_pain_band *band_out, hip_pain_duration *class_out };
%apply int32_t *OUTPUT { int32_t *days_out };
%include "hiptrack/hip_painlog.h"
%clear hip_pain_band *band_out, hip_pain_duration *class_out;
%clear int32_t *days_out;

typedef hip_status hip_painlog_status;
HIP_STATUS_TYPE(hip_painlog_status, hip__bind_text(result, hip_painlog_last_error(arg1)))

%extend hip_painlog_config {
    hip_painlog_config() {
        hip_painlog_config *c = (hip_painlog_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_painlog_config_init(c);
        return c;
    }
    ~hip_painlog_config() { free($self); }
}

%extend hip_pain_entry {
    /* hip_pain_entry_init: t_ns 0, offset 0, nrs 0, context current, the rest unspecified. */
    hip_pain_entry() {
        hip_pain_entry *e = (hip_pain_entry *)calloc(1, sizeof *e);
        if (!e) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_pain_entry_init(e);
        return e;
    }
    ~hip_pain_entry() { free($self); }
}

%{
/* Flares into bytes (records of hip_pain_flare): NULL/0 asks the count. */
static hip_status hip__bind_flares_out(void *bytes, size_t len, hip_pain_flare **out, size_t *cap)
{
    *out = NULL;
    *cap = 0;
    if (!bytes) return HIP_OK;
    if ((uintptr_t)bytes % HIP__BIND_ALIGNOF(hip_pain_flare) != 0) {
        hip__bind_fail(HIP_ERR_INVALID, "flares: the output buffer is not aligned for hip_pain_flare");
        return HIP_ERR_INVALID;
    }
    *out = (hip_pain_flare *)bytes;
    *cap = len / sizeof(hip_pain_flare);
    return HIP_OK;
}
%}

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_painlog::import_json)
struct hip_painlog {};
%extend hip_painlog {
    hip_painlog(const hip_painlog_config *config = NULL) {
        hip_painlog *l = NULL;
        hip_status st = hip_painlog_create(config, &l);
        if (st != HIP_OK) hip__bind_fail(st, "hip_painlog_create failed (a threshold is out of its domain)");
        return l;
    }
    ~hip_painlog() { hip_painlog_destroy($self); }
    const char *last_error();
    hip_painlog_status add(const hip_pain_entry *entry);
    hip_painlog_status remove(size_t index);
    size_t count();
    hip_painlog_status entry_at(size_t index, hip_pain_entry *out);
    hip_painlog_status import_json(const char *IN_BYTES, size_t IN_LEN);
    hip_painlog_status export_json(char *OUT_BYTES, size_t OUT_CAP, size_t *len_out);
    hip_painlog_status baseline(hip_pain_context context, hip_pain_baseline *out);
    hip_painlog_status rolling_mean(hip_pain_context context, int32_t day, hip_pain_window *out);
    hip_painlog_status change_on(hip_pain_context context, int32_t day, hip_pain_change *out);
    /* hip_painlog_flares into bytes (records of hip_pain_flare; NULL asks the count). */
    hip_painlog_status flares_into(hip_pain_context context, void *OUT_BYTES, size_t OUT_CAP,
                                   size_t *count_out) {
        hip_pain_flare *f; size_t cap;
        *count_out = 0;
        if (hip__bind_flares_out(OUT_BYTES, OUT_CAP, &f, &cap) != HIP_OK) return HIP_ERR_INVALID;
        return hip_painlog_flares($self, context, f, cap, count_out);
    }
    hip_painlog_status pattern(hip_pain_context context, int32_t from_day, int32_t to_day,
                               hip_pain_pattern_result *out);
}

/* The pure functions with arrays, as adapters over bytes: days are int32_t records, values and
 * baselines/finals double records, flares hip_pain_flare records (NULL asks the count). */
%apply (const void *IN_BYTES, size_t IN_LEN) { (const void *days, size_t days_len),
                                               (const void *values, size_t values_len),
                                               (const void *baselines, size_t baselines_len),
                                               (const void *finals, size_t finals_len) };
%apply (void *OUT_BYTES, size_t OUT_CAP) { (void *flares, size_t flares_len) };
%inline %{
static hip_status hip__bind_painlog_flares_scan(const void *days, size_t days_len,
                                                const void *values, size_t values_len,
                                                double baseline, const hip_painlog_config *config,
                                                void *flares, size_t flares_len, size_t *count_out)
{
    size_t n, nv, cap;
    void *t1, *t2;
    hip_pain_flare *f;
    hip_status st;
    *count_out = 0;
    if (hip__bind_records(days_len, sizeof(int32_t), "days", &n)) return HIP_ERR_INVALID;
    if (hip__bind_records(values_len, sizeof(double), "daily_nrs", &nv)) return HIP_ERR_INVALID;
    if (n != nv) {
        hip__bind_fail(HIP_ERR_INVALID, "days and daily_nrs differ in length");
        return HIP_ERR_INVALID;
    }
    if (hip__bind_flares_out(flares, flares_len, &f, &cap) != HIP_OK) return HIP_ERR_INVALID;
    const void *d = hip__bind_aligned(days, days_len, HIP__BIND_ALIGNOF(int32_t), &t1);
    const void *v = hip__bind_aligned(values, values_len, HIP__BIND_ALIGNOF(double), &t2);
    if ((days_len && !d) || (values_len && !v)) { free(t1); free(t2); return HIP_ERR_NOMEM; }
    st = hip_painlog_flares_scan((const int32_t *)d, (const double *)v, n, baseline, config, f, cap,
                                 count_out);
    free(t1);
    free(t2);
    return st;
}

static hip_status hip__bind_painlog_cohort(const void *baselines, size_t baselines_len,
                                           const void *finals, size_t finals_len,
                                           const hip_painlog_config *config, hip_pain_cohort *out)
{
    size_t n, nf;
    void *t1, *t2;
    hip_status st;
    if (hip__bind_records(baselines_len, sizeof(double), "baselines", &n)) return HIP_ERR_INVALID;
    if (hip__bind_records(finals_len, sizeof(double), "finals", &nf)) return HIP_ERR_INVALID;
    if (n != nf) {
        hip__bind_fail(HIP_ERR_INVALID, "baselines and finals differ in length");
        return HIP_ERR_INVALID;
    }
    const void *b = hip__bind_aligned(baselines, baselines_len, HIP__BIND_ALIGNOF(double), &t1);
    const void *f = hip__bind_aligned(finals, finals_len, HIP__BIND_ALIGNOF(double), &t2);
    if ((baselines_len && !b) || (finals_len && !f)) { free(t1); free(t2); return HIP_ERR_NOMEM; }
    st = hip_painlog_cohort((const double *)b, (const double *)f, n, config, out);
    free(t1);
    free(t2);
    return st;
}
%}
%clear (const void *days, size_t days_len);
%clear (const void *values, size_t values_len);
%clear (const void *baselines, size_t baselines_len);
%clear (const void *finals, size_t finals_len);
%clear (void *flares, size_t flares_len);

/* Record layout of hip_pain_flare, for languages that read an array of them as bytes. */
%constant size_t HIP_PAIN_FLARE_SIZE = sizeof(hip_pain_flare);
%constant size_t HIP_PAIN_FLARE_OFF_START_DAY = offsetof(hip_pain_flare, start_day);
%constant size_t HIP_PAIN_FLARE_OFF_ON_DAY = offsetof(hip_pain_flare, on_day);
%constant size_t HIP_PAIN_FLARE_OFF_LAST_DAY = offsetof(hip_pain_flare, last_day);
%constant size_t HIP_PAIN_FLARE_OFF_OFF_DAY = offsetof(hip_pain_flare, off_day);
%constant size_t HIP_PAIN_FLARE_OFF_ONGOING = offsetof(hip_pain_flare, ongoing);
%constant size_t HIP_PAIN_FLARE_OFF_ESCALATE = offsetof(hip_pain_flare, escalate);
%constant size_t HIP_PAIN_FLARE_OFF_BASELINE = offsetof(hip_pain_flare, baseline);
%constant size_t HIP_PAIN_FLARE_OFF_PEAK_NRS = offsetof(hip_pain_flare, peak_nrs);

/* ---- movement assessment -------------------------------------------------------------------- */
%{
#include "hiptrack/hip_assess.h"
typedef hip_status hip_assess_status;
typedef hip_status hip_assess_history_status;
%}

%ignore hip_assess_config_init;
%ignore hip_assess_config_check;
%ignore hip_assess_create;
%ignore hip_assess_destroy;
%ignore hip_assess_last_error;
%ignore hip_assess_reset;
%ignore hip_assess_push_imu;
%ignore hip_assess_push_imu_block;
%ignore hip_assess_push_angles;
/* The keypoint entry point is push_keypoints_flat below (after the pose section), with the
 * keypoints as a flat float array as hip_pose_reps takes them. */
%ignore hip_assess_push_keypoints;
%ignore hip_assess_finish;
%ignore hip_assess_state_of;
%ignore hip_assess_failure_of;
%ignore hip_assess_current_deg;
%ignore hip_assess_result_get;
%ignore hip_assess_history_config_init;
%ignore hip_assess_history_create;
%ignore hip_assess_history_destroy;
%ignore hip_assess_history_last_error;
%ignore hip_assess_history_add;
%ignore hip_assess_history_count;
%ignore hip_assess_history_at;
%ignore hip_assess_history_latest;
%ignore hip_assess_history_change;
%ignore hip_assess_history_import_json;
%ignore hip_assess_history_export_json;
%ignore hip_rom_normals_aaos;
%ignore hip_rom_normals_conservative;
/* The normal table's array is read and written through normal_at / set_normal. */
%ignore hip_rom_normals::normal_deg;
%apply double *OUTPUT { double *change_deg_out, double *deg_out };
%include "hiptrack/hip_assess.h"

typedef hip_status hip_assess_status;
typedef hip_status hip_assess_history_status;
HIP_STATUS_TYPE(hip_assess_status, hip__bind_text(result, hip_assess_last_error(arg1)))
HIP_STATUS_TYPE(hip_assess_history_status, hip__bind_text(result, hip_assess_history_last_error(arg1)))

%extend hip_assess_config {
    /* hip_assess_config_init's defaults for a motion, side and source. */
    hip_assess_config(hip_rom_motion motion = HIP_ROM_FLEXION, hip_assess_side side = HIP_ASSESS_LEFT,
                      hip_assess_source source = HIP_ASSESS_SOURCE_IMU) {
        hip_assess_config *c = (hip_assess_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_assess_config_init(c, motion, side, source);
        return c;
    }
    ~hip_assess_config() { free($self); }
}

%extend hip_assess_angles {
    hip_assess_angles() {
        hip_assess_angles *a = (hip_assess_angles *)calloc(1, sizeof *a);
        if (!a) hip__bind_fail(HIP_ERR_NOMEM, NULL);
        return a;
    }
    ~hip_assess_angles() { free($self); }
}

%extend hip_rom_normals {
    /* The AAOS table (hip_rom_normals_aaos); conservative = 1: hip_rom_normals_conservative. */
    hip_rom_normals(int conservative = 0) {
        hip_rom_normals *n = (hip_rom_normals *)calloc(1, sizeof *n);
        if (!n) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        if (conservative) hip_rom_normals_conservative(n);
        else hip_rom_normals_aaos(n);
        return n;
    }
    ~hip_rom_normals() { free($self); }
    double normal_at(hip_rom_motion motion) {
        return (unsigned)motion < HIPTRACK_ROM_MOTIONS ? $self->normal_deg[motion] : 0.0;
    }
    hip_status set_normal(hip_rom_motion motion, double deg) {
        if ((unsigned)motion >= HIPTRACK_ROM_MOTIONS) {
            hip__bind_fail(HIP_ERR_INVALID, "motion: unknown");
            return HIP_ERR_INVALID;
        }
        $self->normal_deg[motion] = deg;
        return HIP_OK;
    }
}

%apply (const int64_t *IN_ARRAY, size_t IN_LEN) { (const int64_t *t_ns, size_t t_count) };
%apply (const float *IN_ARRAY, size_t IN_LEN) { (const float *samples, size_t samples_len) };
%apply (const float *IN_ARRAY, size_t IN_LEN) { (const float *sample, size_t sample_len) };

struct hip_assess {};
%extend hip_assess {
    hip_assess(const hip_assess_config *config) {
        char msg[200];
        hip_assess *a = NULL;
        hip_status st = hip_assess_config_check(config, msg, sizeof msg);
        if (st == HIP_OK) st = hip_assess_create(config, &a);
        if (st != HIP_OK) hip__bind_fail(st, msg[0] ? msg : "hip_assess_create failed");
        return a;
    }
    ~hip_assess() { hip_assess_destroy($self); }
    const char *last_error();
    hip_assess_status reset();
    /* hip_assess_push_imu with the sample's length checked (6 values). */
    hip_assess_status push_sample(int64_t t_ns, const float *sample, size_t sample_len) {
        if (sample_len != HIPTRACK_ASSESS_IMU_WIDTH) {
            hip__bind_fail(HIP_ERR_INVALID, "sample: expected 6 values (ax ay az gx gy gz)");
            return HIP_ERR_INVALID;
        }
        return hip_assess_push_imu($self, t_ns, sample);
    }
    /* hip_assess_push_imu_block with the arrays' lengths checked. */
    hip_assess_status push_samples(const int64_t *t_ns, size_t t_count, const float *samples,
                                   size_t samples_len, size_t *consumed_out) {
        *consumed_out = 0;
        if (samples_len != t_count * HIPTRACK_ASSESS_IMU_WIDTH) {
            hip__bind_fail(HIP_ERR_INVALID, "samples: length is not timestamps x 6");
            return HIP_ERR_INVALID;
        }
        return hip_assess_push_imu_block($self, t_ns, samples, t_count, consumed_out);
    }
    hip_assess_status push_angles(int64_t t_ns, const hip_assess_angles *angles);
    hip_assess_status finish();
    hip_assess_state current_state() { return hip_assess_state_of($self); }
    hip_assess_failure failure_reason() { return hip_assess_failure_of($self); }
    hip_status current_deg(double *deg_out);
    hip_status result_get(hip_assess_result *out);
}

%clear (const int64_t *t_ns, size_t t_count);
%clear (const float *samples, size_t samples_len);
%clear (const float *sample, size_t sample_len);

%extend hip_assess_history_config {
    hip_assess_history_config() {
        hip_assess_history_config *c = (hip_assess_history_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_assess_history_config_init(c);
        return c;
    }
    ~hip_assess_history_config() { free($self); }
}

HIP_LONG_CALL(hip_assess_history::import_json)
struct hip_assess_history {};
%extend hip_assess_history {
    hip_assess_history(const hip_assess_history_config *config = NULL) {
        hip_assess_history *h = NULL;
        hip_status st = hip_assess_history_create(config, &h);
        if (st != HIP_OK) hip__bind_fail(st, "hip_assess_history_create failed");
        return h;
    }
    ~hip_assess_history() { hip_assess_history_destroy($self); }
    const char *last_error();
    hip_assess_history_status add(const hip_assess_result *result);
    size_t count();
    hip_status at(size_t index, hip_assess_result *out);
    hip_status latest(hip_rom_motion motion, hip_assess_side side, int32_t day, hip_assess_result *out);
    hip_status change(hip_rom_motion motion, hip_assess_side side, int32_t day, double *change_deg_out);
    hip_assess_history_status import_json(const char *IN_BYTES, size_t IN_LEN);
    hip_status export_json(char *OUT_BYTES, size_t OUT_CAP, size_t *len_out);
}
%clear double *change_deg_out, double *deg_out;

/* ---- progression rules ---------------------------------------------------------------------- */
%{
#include "hiptrack/hip_progression.h"
typedef hip_status hip_ruleset_status;
%}

%ignore hip_ruleset_config_init;
%ignore hip_ruleset_create;
%ignore hip_ruleset_destroy;
%ignore hip_ruleset_last_error;
%ignore hip_ruleset_error_position;
%ignore hip_ruleset_parse;
%ignore hip_ruleset_export_text;
%ignore hip_ruleset_count;
%ignore hip_ruleset_rule_at;
%ignore hip_ruleset_find;
%ignore hip_ruleset_param_count;
%ignore hip_ruleset_param_at;
%ignore hip_ruleset_get_param;
%ignore hip_ruleset_set_param;
%ignore hip_progression_history_init;
%ignore hip_progression_evaluate;
%ignore hip_progression_evaluate_all;
%ignore hip_progression_dry_run;
%ignore hip_progression_apply;
%ignore hip_checkin_init;
/* The history's arrays are owned by the binding (add_session, add_checkin below); the decision's
 * fixed inputs array is read through input_at. */
%ignore hip_progression_history::sessions;
%ignore hip_progression_history::checkins;
%immutable hip_progression_history::session_count;
%immutable hip_progression_history::checkin_count;
%ignore hip_progression_decision::inputs;
%apply uint32_t *OUTPUT { uint32_t *flags_out };
%apply int *OUTPUT { hip_red_flag_tier *tier_out };
%apply double *OUTPUT { double *new_out };
%include "hiptrack/hip_progression.h"
%clear uint32_t *flags_out;
%clear hip_red_flag_tier *tier_out;
%clear double *new_out;

typedef hip_status hip_ruleset_status;
HIP_STATUS_TYPE(hip_ruleset_status, hip__bind_text(result, hip_ruleset_last_error(arg1)))

%{
/* The failure of a progression call that keeps no message of its own, as the pending error. */
static hip_status hip__bind_progression_fail(hip_status st, const char *what)
{
    char msg[200];
    const char *why;
    if (st >= 0) return st;
    switch (st) {
    case HIP_ERR_INVALID: why = "invalid history (no program, or a NULL session)"; break;
    case HIP_ERR_NOT_FOUND: why = "no program version in force on that day"; break;
    case HIP_ERR_RANGE: why = "exercise index out of range"; break;
    case HIP_ERR_FORMAT: why = "a check-in is out of range"; break;
    case HIP_ERR_BUFSIZE: why = "the output buffer is too small"; break;
    default: why = hip_status_str(st); break;
    }
    snprintf(msg, sizeof msg, "%s: %s", what, why);
    hip__bind_fail(st, msg);
    return st;
}

/* Records of T into bytes (NULL asks the count): aligned, whole records. */
static hip_status hip__bind_records_out(void *bytes, size_t len, size_t size, size_t align,
                                        const char *what, void **out, size_t *cap)
{
    *out = NULL;
    *cap = 0;
    if (!bytes) return HIP_OK;
    if ((uintptr_t)bytes % align != 0) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s: the output buffer is not aligned for its records", what);
        hip__bind_fail(HIP_ERR_INVALID, msg);
        return HIP_ERR_INVALID;
    }
    *out = bytes;
    *cap = len / size;
    return HIP_OK;
}

/* Record index of bytes (whole records of size) into out. */
static hip_status hip__bind_record_at(const void *bytes, size_t len, size_t size, size_t index,
                                      const char *what, void *out)
{
    size_t n;
    if (hip__bind_records(len, size, what, &n)) return HIP_ERR_INVALID;
    if (index >= n) {
        hip__bind_fail(HIP_ERR_RANGE, "record index out of range");
        return HIP_ERR_RANGE;
    }
    memcpy(out, (const unsigned char *)bytes + index * size, size);
    return HIP_OK;
}
%}

%extend hip_ruleset_config {
    /* hip_ruleset_config_init's defaults (built-in rules, every red flag, RF-16 at 8, 7/3 days). */
    hip_ruleset_config() {
        hip_ruleset_config *c = (hip_ruleset_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_ruleset_config_init(c);
        return c;
    }
    ~hip_ruleset_config() { free($self); }
}

%extend hip_checkin {
    /* hip_checkin_init: no answers, rest pain not recorded, not cleared. */
    hip_checkin(int32_t day = 0) {
        hip_checkin *c = (hip_checkin *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_checkin_init(c, day);
        return c;
    }
    ~hip_checkin() { free($self); }
}

%extend hip_progression_history {
    /* hip_progression_history_init; the session and check-in arrays belong to this object. */
    hip_progression_history() {
        hip_progression_history *h = (hip_progression_history *)calloc(1, sizeof *h);
        if (!h) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_progression_history_init(h);
        return h;
    }
    ~hip_progression_history() {
        free((void *)(uintptr_t)$self->sessions);
        free((void *)(uintptr_t)$self->checkins);
        free($self);
    }
    /* Appends a session (borrowed: it must outlive every call that uses this history). */
    hip_status add_session(const hip_session *session) {
        if (!session) { hip__bind_fail(HIP_ERR_INVALID, "session must not be NULL"); return HIP_ERR_INVALID; }
        const hip_session **a = (const hip_session **)realloc(
            (void *)(uintptr_t)$self->sessions, ($self->session_count + 1) * sizeof *a);
        if (!a) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return HIP_ERR_NOMEM; }
        a[$self->session_count] = session;
        $self->sessions = a;
        $self->session_count++;
        return HIP_OK;
    }
    /* Appends a copy of a check-in. */
    hip_status add_checkin(const hip_checkin *checkin) {
        if (!checkin) { hip__bind_fail(HIP_ERR_INVALID, "checkin must not be NULL"); return HIP_ERR_INVALID; }
        hip_checkin *a = (hip_checkin *)realloc((void *)(uintptr_t)$self->checkins,
                                                ($self->checkin_count + 1) * sizeof *a);
        if (!a) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return HIP_ERR_NOMEM; }
        a[$self->checkin_count] = *checkin;
        $self->checkins = a;
        $self->checkin_count++;
        return HIP_OK;
    }
}

%extend hip_progression_decision {
    hip_status input_at(size_t index, hip_progression_input *out) {
        if (index >= $self->input_count || index >= HIPTRACK_PROGRESSION_MAX_INPUTS) {
            hip__bind_fail(HIP_ERR_RANGE, "input index out of range");
            return HIP_ERR_RANGE;
        }
        *out = $self->inputs[index];
        return HIP_OK;
    }
}

%apply uint32_t *OUTPUT { uint32_t *line_out, uint32_t *column_out };
%apply double *OUTPUT { double *value_out };

/* Marked before the class: SWIG features apply to what follows them. */
HIP_LONG_CALL(hip_ruleset::parse)
HIP_LONG_CALL(hip_ruleset::dry_run_into)
struct hip_ruleset {};
%extend hip_ruleset {
    hip_ruleset(const hip_ruleset_config *config = NULL) {
        hip_ruleset *r = NULL;
        hip_status st = hip_ruleset_create(config, &r);
        if (st != HIP_OK) hip__bind_fail(st, "hip_ruleset_create failed (a configuration field is out of its range)");
        return r;
    }
    ~hip_ruleset() { hip_ruleset_destroy($self); }
    const char *last_error();
    void error_position(uint32_t *line_out, uint32_t *column_out);
    /* hip_ruleset_parse; its message ("line L, column C: ...") goes to the pending error, as the
     * call may run without the interpreter lock. */
    hip_status parse_text(const char *IN_BYTES, size_t IN_LEN) {
        hip_status st = hip_ruleset_parse($self, IN_BYTES, IN_LEN);
        if (st < 0) hip__bind_fail(st, hip_ruleset_last_error($self));
        return st;
    }
    hip_ruleset_status export_text(char *OUT_BYTES, size_t OUT_CAP, size_t *len_out);
    size_t count();
    hip_ruleset_status rule_at(size_t index, hip_rule_info *out);
    hip_ruleset_status find(const char *id, size_t *index_out);
    size_t param_count();
    hip_ruleset_status param_at(size_t index, hip_rule_param *out);
    hip_ruleset_status get_param(const char *name, double *value_out);
    hip_ruleset_status set_param(const char *name, double value);
    /* hip_progression_evaluate / _evaluate_all / _dry_run with this rule set; the arrays are bytes
     * (records of hip_progression_decision and hip_progression_row; NULL asks the count; read one
     * with hip__bind_progression_decision_at / _row_at). Failures go to the pending error. */
    hip_status evaluate_one(const hip_progression_history *history, int32_t day,
                            size_t exercise_index, hip_progression_decision *out) {
        return hip__bind_progression_fail(
            hip_progression_evaluate($self, history, day, exercise_index, out), "evaluate");
    }
    hip_status evaluate_all_into(const hip_progression_history *history, int32_t day,
                                 void *OUT_BYTES, size_t OUT_CAP, size_t *count_out) {
        void *d; size_t cap;
        *count_out = 0;
        if (hip__bind_records_out(OUT_BYTES, OUT_CAP, sizeof(hip_progression_decision),
                                  HIP__BIND_ALIGNOF(hip_progression_decision), "decisions", &d, &cap))
            return HIP_ERR_INVALID;
        return hip__bind_progression_fail(
            hip_progression_evaluate_all($self, history, day, (hip_progression_decision *)d, cap,
                                         count_out), "evaluate_all");
    }
    hip_status dry_run_into(const hip_progression_history *history, int32_t start_day,
                            uint32_t weeks, void *OUT_BYTES, size_t OUT_CAP, size_t *count_out) {
        void *r; size_t cap;
        *count_out = 0;
        if (hip__bind_records_out(OUT_BYTES, OUT_CAP, sizeof(hip_progression_row),
                                  HIP__BIND_ALIGNOF(hip_progression_row), "rows", &r, &cap))
            return HIP_ERR_INVALID;
        return hip__bind_progression_fail(
            hip_progression_dry_run($self, history, start_day, weeks, (hip_progression_row *)r, cap,
                                    count_out), "dry_run");
    }
}

%clear uint32_t *line_out, uint32_t *column_out;
%clear double *value_out;

%apply (const void *IN_BYTES, size_t IN_LEN) { (const void *records, size_t records_len) };
%inline %{
/* One record of the arrays that evaluate_all_into and dry_run_into fill. */
static hip_status hip__bind_progression_decision_at(const void *records, size_t records_len,
                                                    size_t index, hip_progression_decision *out)
{
    return hip__bind_record_at(records, records_len, sizeof(hip_progression_decision), index,
                               "decisions", out);
}

static hip_status hip__bind_progression_row_at(const void *records, size_t records_len,
                                               size_t index, hip_progression_row *out)
{
    return hip__bind_record_at(records, records_len, sizeof(hip_progression_row), index, "rows", out);
}

/* hip_progression_apply with its failure as the pending error (the program's message when it
 * reported one). HIP_DONE: nothing to apply. */
static hip_status hip__bind_progression_apply(const hip_progression_decision *decision,
                                              const hip_catalog *catalog, hip_program *program)
{
    char before[320] = "";
    if (program) snprintf(before, sizeof before, "%s", hip_program_last_error(program));
    hip_status st = hip_progression_apply(decision, catalog, program);
    if (st < 0) {
        /* The program's message only when this call set it (it may hold an older one). */
        const char *m = program ? hip_program_last_error(program) : "";
        if (!m || strcmp(m, before) == 0) m = "";
        if (!*m) {
            switch (st) {
            case HIP_ERR_STATE: m = "apply: a draft is open or the decision is stale (the latest version no longer prescribes its before)"; break;
            case HIP_ERR_NOT_FOUND: m = "apply: the advance/regress target is not in the catalog"; break;
            default: m = NULL; break;
            }
        }
        hip__bind_fail(st, m);
    }
    return st;
}
%}
%clear (const void *records, size_t records_len);

%constant size_t HIP_PROGRESSION_DECISION_SIZE = sizeof(hip_progression_decision);
%constant size_t HIP_PROGRESSION_ROW_SIZE = sizeof(hip_progression_row);

/* ---- export (FHIR R4, CSV) ------------------------------------------------------------------ */
%{
#include "hiptrack/hip_export.h"
/* What an export reads, collected by reference: the language layer keeps the objects alive while
 * this lives (it holds references to them). Binding-only: not part of the C API. */
typedef struct hip_export_sources {
    const hip_painlog *painlog;
    const hip_catalog *catalog;
    const hip_session **sessions;
    size_t session_count, session_cap;
    const hip_outcome_response **outcomes;
    hip_outcome_result *results;
    size_t outcome_count, outcome_cap, scored;
    hip_assess_result *assessments;   /* copies: results are values */
    size_t assessment_count, assessment_cap;
} hip_export_sources;
static hip_status hip__bind_export_fail(hip_status st, const hip_export_sources *s,
                                        const hip_fhir_config *c, int32_t from_day, int32_t to_day)
{
    const char *m = NULL;
    if (st == HIP_ERR_INVALID) {
        if (from_day > to_day) m = "from_day is after to_day";
        else if (c && !memchr(c->patient, '\0', sizeof c->patient)) m = "patient: not terminated";
        else if (c && !c->patient[0]) m = "patient: required (\"Patient/<id>\" or \"urn:uuid:<uuid>\")";
        else m = "invalid argument: patient must be \"Patient/<id>\" (id [A-Za-z0-9-.]{1,64}) or \"urn:uuid:<uuid>\"; an "
                 "enum out of range; or an outcome without a date, or with a score of another instrument; or an "
                 "assessment result that hip_assess_history_add would refuse";
    } else if (st == HIP_ERR_STATE) {
        m = "a session is not finished";
    }
    (void)s;
    hip__bind_fail(st, m);
    return st;
}

static void hip__bind_export_input(const hip_export_sources *s, hip_export_input *in)
{
    hip_export_input_init(in);
    in->painlog = s->painlog;
    in->catalog = s->catalog;
    in->sessions = s->sessions;
    in->session_count = s->session_count;
    in->outcomes = s->outcomes;
    in->outcome_count = s->outcome_count;
    in->outcome_results = s->scored ? s->results : NULL;
    in->assessments = s->assessments;
    in->assessment_count = s->assessment_count;
}
%}

/* hip_export_input holds C arrays of handle pointers, which no binding can build safely: the
 * bindings fill a hip_export_sources (below) instead, and the exports over an input are its
 * methods. The one-resource exports and the pain imports are bound directly. */
%ignore hip_export_input;
%ignore hip_export_input_init;
%ignore hip_fhir_config_init;
%ignore hip_export_fhir_bundle;
%ignore hip_export_csv_pain;
%ignore hip_export_csv_sessions;
%ignore hip_export_import_fhir_pain;
%ignore hip_export_import_csv_pain;
%apply (char *OUT_BYTES, size_t OUT_CAP) { (char *buf, size_t cap) };
%include "hiptrack/hip_export.h"
%clear (char *buf, size_t cap);

%extend hip_fhir_config {
    /* hip_fhir_config_init: no patient (required), collection, valueInteger, no SNOMED, compact. */
    hip_fhir_config() {
        hip_fhir_config *c = (hip_fhir_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_fhir_config_init(c);
        return c;
    }
    ~hip_fhir_config() { free($self); }
}

/* The pain imports, as methods of the log they fill (their message is the log's last_error). */
HIP_LONG_CALL(hip_painlog::import_fhir_pain)
HIP_LONG_CALL(hip_painlog::import_csv_pain)
%extend hip_painlog {
    hip_painlog_status import_fhir_pain(const char *IN_BYTES, size_t IN_LEN) {
        return hip_export_import_fhir_pain($self, IN_BYTES, IN_LEN);
    }
    hip_painlog_status import_csv_pain(const char *IN_BYTES, size_t IN_LEN) {
        return hip_export_import_csv_pain($self, IN_BYTES, IN_LEN);
    }
}

struct hip_export_sources {};


%extend hip_export_sources {
    hip_export_sources() {
        hip_export_sources *s = (hip_export_sources *)calloc(1, sizeof *s);
        if (!s) hip__bind_fail(HIP_ERR_NOMEM, NULL);
        return s;
    }
    ~hip_export_sources() {
        free((void *)$self->sessions);
        free((void *)$self->outcomes);
        free($self->results);
        free($self->assessments);
        free($self);
    }
    /* NULL clears. */
    void set_painlog(const hip_painlog *log) { $self->painlog = log; }
    void set_catalog(const hip_catalog *catalog) { $self->catalog = catalog; }
    hip_status add_session(const hip_session *session) {
        if (!session) { hip__bind_fail(HIP_ERR_INVALID, "session is None"); return HIP_ERR_INVALID; }
        if ($self->session_count == $self->session_cap) {
            size_t cap = $self->session_cap ? 2 * $self->session_cap : 8;
            const hip_session **p = (const hip_session **)realloc((void *)$self->sessions, cap * sizeof *p);
            if (!p) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return HIP_ERR_NOMEM; }
            $self->sessions = p;
            $self->session_cap = cap;
        }
        $self->sessions[$self->session_count++] = session;
        return HIP_OK;
    }
    /* result may be NULL (no score Observations for this administration). */
    hip_status add_outcome(const hip_outcome_response *response, const hip_outcome_result *result = NULL) {
        if (!response) { hip__bind_fail(HIP_ERR_INVALID, "response is None"); return HIP_ERR_INVALID; }
        if ($self->outcome_count == $self->outcome_cap) {
            size_t cap = $self->outcome_cap ? 2 * $self->outcome_cap : 8;
            const hip_outcome_response **p =
                (const hip_outcome_response **)realloc((void *)$self->outcomes, cap * sizeof *p);
            if (!p) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return HIP_ERR_NOMEM; }
            $self->outcomes = p;
            hip_outcome_result *r = (hip_outcome_result *)realloc($self->results, cap * sizeof *r);
            if (!r) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return HIP_ERR_NOMEM; }
            $self->results = r;
            $self->outcome_cap = cap;
        }
        hip_outcome_result *slot = &$self->results[$self->outcome_count];
        if (result) {
            *slot = *result;
            $self->scored = 1;
        } else {
            /* No scores: a result of the response's own instrument with no scale. */
            memset(slot, 0, sizeof *slot);
            slot->instrument = hip_outcome_response_instrument(response);
        }
        $self->outcomes[$self->outcome_count++] = response;
        return HIP_OK;
    }
    /* A movement assessment result, copied (validated by the export). */
    hip_status add_assessment(const hip_assess_result *result) {
        if (!result) { hip__bind_fail(HIP_ERR_INVALID, "result is None"); return HIP_ERR_INVALID; }
        if ($self->assessment_count == $self->assessment_cap) {
            size_t cap = $self->assessment_cap ? 2 * $self->assessment_cap : 8;
            hip_assess_result *p = (hip_assess_result *)realloc($self->assessments, cap * sizeof *p);
            if (!p) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return HIP_ERR_NOMEM; }
            $self->assessments = p;
            $self->assessment_cap = cap;
        }
        $self->assessments[$self->assessment_count++] = *result;
        return HIP_OK;
    }
    size_t session_count() { return $self->session_count; }
    size_t outcome_count() { return $self->outcome_count; }
    size_t assessment_count() { return $self->assessment_count; }
    hip_status fhir_bundle(int32_t from_day, int32_t to_day, const hip_fhir_config *config,
                           char *OUT_BYTES, size_t OUT_CAP, size_t *len_out) {
        hip_export_input in;
        hip__bind_export_input($self, &in);
        hip_status st = hip_export_fhir_bundle(&in, from_day, to_day, config, OUT_BYTES, OUT_CAP, len_out);
        return st < 0 && st != HIP_ERR_BUFSIZE ? hip__bind_export_fail(st, $self, config, from_day, to_day) : st;
    }
    hip_status csv_pain(int32_t from_day, int32_t to_day, char *OUT_BYTES, size_t OUT_CAP, size_t *len_out) {
        hip_export_input in;
        hip__bind_export_input($self, &in);
        hip_status st = hip_export_csv_pain(&in, from_day, to_day, OUT_BYTES, OUT_CAP, len_out);
        return st < 0 && st != HIP_ERR_BUFSIZE ? hip__bind_export_fail(st, $self, NULL, from_day, to_day) : st;
    }
    hip_status csv_sessions(int32_t from_day, int32_t to_day, char *OUT_BYTES, size_t OUT_CAP,
                            size_t *len_out) {
        hip_export_input in;
        hip__bind_export_input($self, &in);
        hip_status st = hip_export_csv_sessions(&in, from_day, to_day, OUT_BYTES, OUT_CAP, len_out);
        return st < 0 && st != HIP_ERR_BUFSIZE ? hip__bind_export_fail(st, $self, NULL, from_day, to_day) : st;
    }
}

/* The SQLite store, when the binding is built with it (swig -DHIPTRACK_WITH_STORE). */
#ifdef HIPTRACK_WITH_STORE
%include "hiptrack_store.i"
#endif
/* ---- camera pose front end -------------------------------------------------------------------- */
/* Keypoints cross as flat float arrays of x, y, z, confidence per joint (hip_keypoint is four
 * floats, no padding), so every language passes them with the float array typemap. */
%ignore hip_pose_to_canonical;
%ignore hip_pose_angles_compute;
%ignore hip_pose_angles_config_init;
%ignore hip_pose_reps_config_init;
%ignore hip_pose_reps_config_for_exercise;
%ignore hip_pose_reps_create;
%ignore hip_pose_reps_destroy;
%ignore hip_pose_reps_reset;
%ignore hip_pose_reps_last_error;
%ignore hip_pose_reps_joint_count;
%ignore hip_pose_reps_push;
%ignore hip_pose_reps_push_block;
%ignore hip_pose_reps_finish;
%ignore hip_pose_reps_next_event;
%ignore hip_pose_reps_pending_events;
%ignore hip_pose_reps_last_angles;
%ignore hip_pose_angles::deg;
%apply int *OUTPUT { int *signal_valid_out };
%apply double *OUTPUT { double *signal_deg_out };
%include "hiptrack/hip_pose.h"

typedef hip_status hip_pose_reps_status;
HIP_STATUS_TYPE(hip_pose_reps_status, hip__bind_text(result, hip_pose_reps_last_error(arg1)))

%{
typedef char hip__bind_keypoint_is_four_floats[sizeof(hip_keypoint) == 4 * sizeof(float) ? 1 : -1];

/* Checks that a flat float array holds frames x joints keypoints of four floats. */
static int hip__bind_pose_len(size_t len, size_t frames, size_t joints)
{
    if (len == frames * joints * 4) return 1;
    char msg[200];
    snprintf(msg, sizeof msg, "keypoints hold %lu floats; expected %lu frames x %lu joints x 4 "
             "(x, y, z, confidence) = %lu", (unsigned long)len, (unsigned long)frames,
             (unsigned long)joints, (unsigned long)(frames * joints * 4));
    hip__bind_fail(HIP_ERR_INVALID, msg);
    return 0;
}

/* hip_pose_angles_compute over one frame given as a flat float array. */
static hip_status hip__bind_pose_angles(const hip_pose_angles_config *config,
                                        const float *keypoints, size_t keypoints_len,
                                        hip_pose_angles *out)
{
    if (!config || !out) { hip__bind_fail(HIP_ERR_INVALID, "config and out must not be NULL"); return HIP_ERR_INVALID; }
    char msg[160];
    if (hip_pose_angles_config_check(config, msg, sizeof msg) != HIP_OK) {
        hip__bind_fail(HIP_ERR_INVALID, msg);
        return HIP_ERR_INVALID;
    }
    size_t joints = hip_pose_skeleton_joint_count(config->skeleton);
    if (!hip__bind_pose_len(keypoints_len, 1, joints)) return HIP_ERR_INVALID;
    return hip_pose_angles_compute(config, (const hip_keypoint *)(const void *)keypoints, joints, out);
}
%}

%apply (const float *IN_ARRAY, size_t IN_LEN) { (const float *keypoints, size_t keypoints_len) };
%apply (const int64_t *IN_ARRAY, size_t IN_LEN) { (const int64_t *t_ns, size_t t_count) };
hip_status hip__bind_pose_angles(const hip_pose_angles_config *config, const float *keypoints,
                                 size_t keypoints_len, hip_pose_angles *out);

%extend hip_pose_angles {
    hip_pose_angles() { return (hip_pose_angles *)calloc(1, sizeof(hip_pose_angles)); }
    ~hip_pose_angles() { free($self); }
    /* deg[angle], 0 for an unknown angle. */
    double angle(int angle) { return angle >= 0 && angle < HIPTRACK_POSE_ANGLE_COUNT ? $self->deg[angle] : 0.0; }
}

%extend hip_pose_angles_config {
    hip_pose_angles_config(hip_skeleton skeleton = HIP_SKELETON_HIPTRACK, uint32_t dims = 3) {
        hip_pose_angles_config *c = (hip_pose_angles_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_pose_angles_config_init(c, skeleton, dims);
        return c;
    }
    ~hip_pose_angles_config() { free($self); }
}

%extend hip_pose_reps_config {
    hip_pose_reps_config(hip_skeleton skeleton = HIP_SKELETON_HIPTRACK, uint32_t dims = 3) {
        hip_pose_reps_config *c = (hip_pose_reps_config *)calloc(1, sizeof *c);
        if (!c) { hip__bind_fail(HIP_ERR_NOMEM, NULL); return NULL; }
        hip_pose_reps_config_init(c, skeleton, dims);
        return c;
    }
    ~hip_pose_reps_config() { free($self); }
    /* hip_pose_reps_config_for_exercise, with a message for an untrackable exercise. */
    hip_status apply_exercise(const hip_exercise *exercise) {
        hip_status s = hip_pose_reps_config_for_exercise($self, exercise);
        if (s == HIP_ERR_UNSUPPORTED)
            hip__bind_fail(s, "this exercise cannot be counted from these keypoints (see need_for_exercise)");
        return s;
    }
}

HIP_LONG_CALL(hip_pose_reps::push_frames)
struct hip_pose_reps {};
%extend hip_pose_reps {
    hip_pose_reps(const hip_pose_reps_config *config) {
        hip_pose_reps *p = NULL;
        char msg[200];
        if (!config) { hip__bind_fail(HIP_ERR_INVALID, "config must not be NULL"); return NULL; }
        if (hip_pose_reps_config_check(config, msg, sizeof msg) != HIP_OK) {
            hip__bind_fail(HIP_ERR_INVALID, msg);
            return NULL;
        }
        hip_status s = hip_pose_reps_create(config, &p);
        if (s != HIP_OK) { hip__bind_fail(s, NULL); return NULL; }
        return p;
    }
    ~hip_pose_reps() { hip_pose_reps_destroy($self); }
    const char *last_error();
    hip_pose_reps_status reset();
    size_t joint_count();
    /* hip_pose_reps_push_block with the arrays' lengths checked: keypoints are t_count frames x
     * joint_count() x 4 floats. Stops early (HIP_OK, *consumed_out < t_count) when the event
     * queue needs draining with next_event. */
    hip_pose_reps_status push_frames(const int64_t *t_ns, size_t t_count, const float *keypoints,
                                     size_t keypoints_len, size_t *consumed_out) {
        *consumed_out = 0;
        size_t joints = hip_pose_reps_joint_count($self);
        if (!hip__bind_pose_len(keypoints_len, t_count, joints)) return HIP_ERR_INVALID;
        return hip_pose_reps_push_block($self, t_ns, (const hip_keypoint *)(const void *)keypoints,
                                        t_count, joints, consumed_out);
    }
    hip_pose_reps_status finish();
    hip_status next_event(hip_pose_rep_event *out);
    size_t pending_events();
    hip_status last_angles(hip_pose_angles *out, double *signal_deg_out, int *signal_valid_out);
}

/* The assessment's keypoint path: hip_assess_push_keypoints with the array's length checked
 * (one frame of the skeleton's joint count x 4 floats). */
%extend hip_assess {
    hip_assess_status push_keypoints_flat(int64_t t_ns, const hip_pose_angles_config *pose_config,
                                          const float *IN_ARRAY, size_t IN_LEN) {
        const float *keypoints = IN_ARRAY;
        size_t keypoints_len = IN_LEN;
        if (!pose_config) { hip__bind_fail(HIP_ERR_INVALID, "pose_config must not be NULL"); return HIP_ERR_INVALID; }
        size_t joints = hip_pose_skeleton_joint_count(pose_config->skeleton);
        if (keypoints_len != joints * 4) {
            /* (SWIG emits this body before the pose section's helpers: checked here.) */
            char msg[160];
            snprintf(msg, sizeof msg, "keypoints hold %lu floats; expected %lu joints x 4 (x, y, z, confidence)",
                     (unsigned long)keypoints_len, (unsigned long)joints);
            hip__bind_fail(HIP_ERR_INVALID, msg);
            return HIP_ERR_INVALID;
        }
        return hip_assess_push_keypoints($self, t_ns, pose_config,
                                         (const hip_keypoint *)(const void *)keypoints, joints);
    }
}

%clear (const float *keypoints, size_t keypoints_len);
%clear (const int64_t *t_ns, size_t t_count);
