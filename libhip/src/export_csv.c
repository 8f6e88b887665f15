/* CSV for clinicians and research scripts (RFC 4180, '\n' line ends, header row, locale-free
 * numbers): pain entries one row per entry, sessions one row per set in the manner of the
 * FitNotes and Strong exports. Columns are listed in docs/export.md. No allocation. */
#include "export_internal.h"

#include <string.h>

#include "numtext.h"
#include "painlog_internal.h"
#include "hiptrack/hip_date.h"

/* A writer that keeps counting past the end of the buffer (the two-call pattern). */
typedef struct csvw {
    char *buf;
    size_t cap, len;
    int first;   /* no cell yet on this row */
} csvw;

static void put(csvw *w, const char *s, size_t n)
{
    if (w->len < w->cap) {
        size_t room = w->cap - w->len;
        memcpy(w->buf + w->len, s, n < room ? n : room);
    }
    w->len += n;
}

static void sep(csvw *w)
{
    if (!w->first) put(w, ",", 1);
    w->first = 0;
}

static void row_end(csvw *w)
{
    put(w, "\n", 1);
    w->first = 1;
}

/* A cell, quoted when it holds a comma, quote, CR or LF (RFC 4180). free_text: a value a member or
 * app typed; one that starts like a formula gets a leading ' (OWASP "CSV injection"). */
static void cell(csvw *w, const char *s, int free_text)
{
    sep(w);
    size_t n = strlen(s);
    int guard = free_text && n && strchr("=+-@\t\r'", s[0]) != NULL;
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote) put(w, "\"", 1);
    if (guard) put(w, "'", 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') put(w, "\"", 1);
        put(w, s + i, 1);
    }
    if (quote) put(w, "\"", 1);
}

static void cell_int(csvw *w, int64_t v)
{
    char b[24];
    size_t n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char t[24];
    do { t[n++] = (char)('0' + u % 10); u /= 10; } while (u);
    size_t k = 0;
    if (v < 0) b[k++] = '-';
    while (n) b[k++] = t[--n];
    b[k] = '\0';
    cell(w, b, 0);
}

/* An optional integer (HIPTRACK_NOT_RECORDED -> empty). */
static void cell_opt(csvw *w, int32_t v)
{
    if (v == HIPTRACK_NOT_RECORDED) cell(w, "", 0);
    else cell_int(w, v);
}

static void cell_num(csvw *w, double v)
{
    char b[32];
    if (!hip__format_double(b, sizeof b, v)) b[0] = '\0';
    cell(w, b, 0);
}

static hip_status finish(csvw *w, size_t *len_out)
{
    *len_out = w->len;
    if (!w->buf) return HIP_OK;
    if (w->len >= w->cap) return HIP_ERR_BUFSIZE;
    w->buf[w->len] = '\0';
    return HIP_OK;
}

static void header(csvw *w, const char *const *cols)
{
    for (size_t i = 0; cols[i]; i++) cell(w, cols[i], 0);
    row_end(w);
}

/* ---- pain --------------------------------------------------------------------------------- */

const char *const hip__csv_pain_columns[] = {"time", "date",     "nrs",         "context", "location",
                                            "side", "symptoms", "time_of_day", "setting", "note", NULL};

hip_status hip_export_csv_pain(const hip_export_input *in, int32_t from_day, int32_t to_day, char *buf,
                               size_t cap, size_t *len_out)
{
    if (!len_out || (!buf && cap) || !hip__export_input_ok(in) || from_day > to_day)
        return HIP_ERR_INVALID;
    csvw w = {buf, buf ? cap : 0, 0, 1};
    header(&w, hip__csv_pain_columns);
    size_t n = in->painlog ? hip_painlog_count(in->painlog) : 0;
    for (size_t i = 0; i < n; i++) {
        hip_pain_entry e;
        if (hip_painlog_entry_at(in->painlog, i, &e) != HIP_OK) return HIP_ERR_INVALID;
        int32_t day = hip__pain_entry_day(&e);
        if (day < from_day || day > to_day) continue;
        char t[HIP__PAIN_TIME_CAP], date[HIPTRACK_DATE_CAP], sym[160];
        hip__pain_format_time(e.t_ns, e.utc_offset_min, t);
        if (hip_date_format(day, date, sizeof date) != HIP_OK) date[0] = '\0';
        size_t k = 0;
        sym[0] = '\0';
        for (unsigned b = 0; b < HIPTRACK_PAIN_SYMPTOM_COUNT; b++) {
            if (!(e.symptoms & (1u << b))) continue;
            const char *nm = hip__pain_symptom_names[b];
            size_t l = strlen(nm);
            if (k) sym[k++] = ';';
            memcpy(sym + k, nm, l + 1);
            k += l;
        }
        cell(&w, t, 0);
        cell(&w, date, 0);
        cell_int(&w, e.nrs);
        cell(&w, hip_pain_context_name(e.context), 0);
        cell(&w, hip_pain_location_name(e.location), 0);
        cell(&w, hip_pain_side_name(e.side), 0);
        cell(&w, sym, 0);
        cell(&w, hip_pain_time_of_day_name(e.time_of_day), 0);
        cell(&w, hip_pain_setting_name(e.setting), 0);
        cell(&w, e.note, 1);
        row_end(&w);
    }
    return finish(&w, len_out);
}

/* ---- sessions ----------------------------------------------------------------------------- */

static const char *const session_columns[] = {
    "date",     "time",          "utc_offset",    "session_id",      "exercise_order",
    "exercise_id", "exercise_name", "side",       "set_order",       "reps",
    "reps_prescribed", "good_reps", "weight",     "weight_unit",     "seconds",
    "seconds_prescribed", "distance", "rpe",      "set_pain",        "pain_before",
    "pain_during", "pain_after",  "abandon_reason", NULL};

hip_status hip_export_csv_sessions(const hip_export_input *in, int32_t from_day, int32_t to_day,
                                   char *buf, size_t cap, size_t *len_out)
{
    if (!len_out || (!buf && cap) || !hip__export_input_ok(in) || from_day > to_day)
        return HIP_ERR_INVALID;
    csvw w = {buf, buf ? cap : 0, 0, 1};
    header(&w, session_columns);
    for (size_t si = 0; si < in->session_count; si++) {
        const hip_session *s = in->sessions[si];
        hip_session_info info;
        if (hip_session_get_info(s, &info) != HIP_OK) return HIP_ERR_INVALID;
        if (info.state != HIP_SESSION_FINISHED) return HIP_ERR_STATE;
        if (info.day < from_day || info.day > to_day) continue;
        char t[HIP__PAIN_TIME_CAP], date[HIPTRACK_DATE_CAP], sid[HIPTRACK_FHIR_ID_CAP];
        hip__pain_format_time(info.start_ns, info.utc_offset_min, t);   /* date T time offset */
        if (hip_date_format(info.day, date, sizeof date) != HIP_OK) date[0] = '\0';
        char *tt = strchr(t, 'T'), *off = t + strlen(t) - 6;
        char hms[16] = "", offset[8] = "";
        if (tt) {
            memcpy(hms, tt + 1, 8);
            hms[8] = '\0';
        }
        memcpy(offset, off, 7);
        /* The session's id: derived from its times, so every export gives a session the same id. */
        hip__idhash h;
        hip__idhash_init(&h, "csv-session", "");
        hip__idhash_i64(&h, info.start_ns);
        hip__idhash_i64(&h, info.end_ns);
        hip__idhash_i64(&h, info.utc_offset_min);
        hip__idhash_uuid(&h, sid);
        for (size_t i = 0; i < info.exercise_count; i++) {
            hip_session_exercise ex;
            if (hip_session_exercise_at(s, i, &ex) != HIP_OK) return HIP_ERR_INVALID;
            hip_exercise known;
            const char *name =
                in->catalog && hip_catalog_find(in->catalog, ex.exercise_id, &known) == HIP_OK ? known.name : "";
            size_t sets = ex.set_count ? ex.set_count : 1;
            for (size_t k = 0; k < sets; k++) {
                hip_session_set set;
                int has = ex.set_count > 0 && hip_session_set_at(s, i, k, &set) == HIP_OK;
                uint32_t good = 0;
                double hold = 0;
                for (size_t r = 0; has && r < set.rep_count; r++) {
                    hip_session_rep rep;
                    if (hip_session_rep_at(s, i, k, r, &rep) != HIP_OK) continue;
                    if (!rep.flags) good++;
                    hold += rep.hold_s;
                }
                cell(&w, date, 0);
                cell(&w, hms, 0);
                cell(&w, offset, 0);
                cell(&w, sid, 0);
                cell_int(&w, (int64_t)i + 1);
                cell(&w, ex.exercise_id, 0);
                cell(&w, name, 1);
                cell(&w, hip_side_name(ex.side), 0);
                if (has) {
                    cell_int(&w, (int64_t)k + 1);
                    cell_int(&w, (int64_t)set.rep_count);
                } else {
                    cell(&w, "", 0);
                    cell(&w, "", 0);
                }
                cell_int(&w, ex.prescribed_reps);
                if (has) cell_int(&w, good); else cell(&w, "", 0);
                if (has) cell_num(&w, set.load_kg); else cell(&w, "", 0);
                cell(&w, "kg", 0);
                if (has && hold > 0) cell_num(&w, hold); else cell(&w, "", 0);
                if (ex.prescribed_hold_s > 0) cell_num(&w, ex.prescribed_hold_s); else cell(&w, "", 0);
                cell(&w, "", 0);   /* distance: not recorded by hiptrack, kept for Strong's layout */
                cell_opt(&w, has ? set.rpe : HIPTRACK_NOT_RECORDED);
                cell_opt(&w, has ? set.pain : HIPTRACK_NOT_RECORDED);
                cell_opt(&w, info.pain_before);
                cell_opt(&w, info.pain_during);
                cell_opt(&w, info.pain_after);
                cell(&w, info.abandon_reason ? hip_abandon_reason_name(info.abandon_reason) : "", 0);
                row_end(&w);
            }
        }
    }
    return finish(&w, len_out);
}
