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

%include "hiptrack/hip_export.h"
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
