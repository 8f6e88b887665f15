#include "pose_csv.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numtext.h"

#define MAX_COLS 512
#define NAME_CAP 48

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(char *msg, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
    return 1;
}

/* One header: the column names (trimmed of spaces and quotes, cut at NAME_CAP - 1). */
typedef struct header {
    int n;
    char names[MAX_COLS][NAME_CAP];
    size_t end;   /* offset just past the header line */
} header;

static int read_header(const char *s, size_t len, char delim, header *h)
{
    size_t pos = 0;
    if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        pos = 3;
    h->n = 0;
    for (;;) {
        size_t a = pos;
        while (pos < len && s[pos] != delim && s[pos] != '\n' && s[pos] != '\r') pos++;
        size_t b = pos;
        while (a < b && (s[a] == ' ' || s[a] == '"')) a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '"')) b--;
        if (h->n == MAX_COLS) return 0;
        size_t n = b - a < NAME_CAP - 1 ? b - a : NAME_CAP - 1;
        memcpy(h->names[h->n], s + a, n);
        h->names[h->n][n] = '\0';
        h->n++;
        if (pos < len && s[pos] == delim) {
            pos++;
            continue;
        }
        break;
    }
    if (pos < len && s[pos] == '\r') pos++;
    if (pos < len && s[pos] == '\n') pos++;
    h->end = pos;
    return 1;
}

static int find(const header *h, const char *stem, const char *suffix)
{
    char want[NAME_CAP + 8];
    snprintf(want, sizeof want, "%s%s", stem, suffix);
    for (int i = 0; i < h->n; i++)
        if (strcmp(h->names[i], want) == 0) return i;
    return -1;
}

/* Larger skeletons first: COCO's names are a subset of MediaPipe's. */
static const hip_skeleton order[HIPTRACK_SKELETON_COUNT] = {
    HIP_SKELETON_MEDIAPIPE_POSE33, HIP_SKELETON_APPLE_VISION_2D, HIP_SKELETON_HIPTRACK,
    HIP_SKELETON_APPLE_VISION_3D, HIP_SKELETON_COCO17};

/* The skeleton whose every joint has _x and _y columns, or -1. */
static int match(const header *h)
{
    if (h->n < 1 || strcmp(h->names[0], "t") != 0) return -1;
    for (int k = 0; k < HIPTRACK_SKELETON_COUNT; k++) {
        hip_skeleton sk = order[k];
        size_t n = hip_pose_skeleton_joint_count(sk), i;
        for (i = 0; i < n; i++) {
            const char *name = hip_pose_skeleton_joint_name(sk, i);
            if (find(h, name, "_x") < 0 || find(h, name, "_y") < 0) break;
        }
        if (i == n) return (int)sk;
    }
    return -1;
}

int pose_csv_detect(const char *text, size_t len, char delimiter)
{
    static header h;   /* large; the CLI is single-threaded */
    if (!text || !read_header(text, len, delimiter, &h)) return 0;
    return match(&h) >= 0;
}

void pose_recording_free(pose_recording *r)
{
    free(r->t_ns);
    free(r->points);
    memset(r, 0, sizeof *r);
}

static int is_missing(const char *s, size_t a, size_t b)
{
    if (a == b) return 1;
    return b - a == 3 && (memcmp(s + a, "nan", 3) == 0 || memcmp(s + a, "NaN", 3) == 0);
}

int pose_csv_parse(const char *s, size_t len, char delim, pose_recording *out, char *msg,
                   size_t cap)
{
    memset(out, 0, sizeof *out);
    header *h = malloc(sizeof *h);
    if (!h) return fail(msg, cap, "out of memory");
    if (!read_header(s, len, delim, h)) {
        free(h);
        return fail(msg, cap, "line 1: more than %d columns", MAX_COLS);
    }
    int sk = match(h);
    if (sk < 0) {
        free(h);
        return fail(msg, cap, "line 1: not a pose header (t, then <joint>_x, <joint>_y[, _z, _c] for every joint of one skeleton)");
    }
    out->skeleton = (hip_skeleton)sk;
    out->joints = hip_pose_skeleton_joint_count(out->skeleton);
    /* Column of each value: role 0..3 = x, y, z, confidence; -1 = absent. */
    int col_of[HIPTRACK_SKELETON_MAX_JOINTS][4];
    int all_z = 1;
    for (size_t j = 0; j < out->joints; j++) {
        const char *name = hip_pose_skeleton_joint_name(out->skeleton, j);
        col_of[j][0] = find(h, name, "_x");
        col_of[j][1] = find(h, name, "_y");
        col_of[j][2] = find(h, name, "_z");
        col_of[j][3] = find(h, name, "_c");
        if (col_of[j][2] < 0) all_z = 0;
    }
    out->dims = all_z ? 3 : 2;
    int ncols = h->n;
    size_t pos = h->end;
    free(h);
    /* role_at[col] = joint * 4 + role, or -1. */
    int role_at[MAX_COLS];
    for (int c = 0; c < ncols; c++) role_at[c] = -1;
    for (size_t j = 0; j < out->joints; j++)
        for (int r = 0; r < 4; r++)
            if (col_of[j][r] >= 0 && (r != 2 || all_z)) role_at[col_of[j][r]] = (int)j * 4 + r;

    size_t capn = 256;
    out->t_ns = malloc(capn * sizeof *out->t_ns);
    out->points = malloc(capn * out->joints * sizeof *out->points);
    if (!out->t_ns || !out->points) {
        pose_recording_free(out);
        return fail(msg, cap, "out of memory");
    }
    size_t line = 2;
    while (pos < len) {
        if (s[pos] == '\n' || s[pos] == '\r') {
            if (s[pos] == '\r') pos++;
            if (pos < len && s[pos] == '\n') pos++;
            line++;
            continue;
        }
        if (out->count == capn) {
            capn *= 2;
            int64_t *t = realloc(out->t_ns, capn * sizeof *t);
            if (t) out->t_ns = t;
            hip_keypoint *p = realloc(out->points, capn * out->joints * sizeof *p);
            if (p) out->points = p;
            if (!t || !p) {
                pose_recording_free(out);
                return fail(msg, cap, "out of memory");
            }
        }
        hip_keypoint *row = out->points + out->count * out->joints;
        for (size_t j = 0; j < out->joints; j++) {
            row[j].x = row[j].y = row[j].z = 0;
            row[j].confidence = 1;
        }
        double t = 0;
        int col = 0;
        for (;;) {
            size_t a = pos;
            while (pos < len && s[pos] != delim && s[pos] != '\n' && s[pos] != '\r') pos++;
            size_t b = pos;
            while (a < b && (s[a] == ' ' || s[a] == '"')) a++;
            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '"')) b--;
            if (col >= ncols) {
                pose_recording_free(out);
                return fail(msg, cap, "line %zu: more fields than the header's %d", line, ncols);
            }
            int role = col == 0 ? -2 : role_at[col];
            if (role != -1) {
                double v;
                int missing = role >= 0 && is_missing(s, a, b);
                if (!missing && !hip__parse_double(s + a, b - a, &v)) {
                    int shown = (int)(b - a < 24 ? b - a : 24);
                    pose_recording_free(out);
                    return fail(msg, cap, "line %zu, field %d: expected a number, found '%.*s'", line,
                                col + 1, shown, s + a);
                }
                if (role == -2) {
                    t = v;
                } else {
                    hip_keypoint *k = &row[role / 4];
                    /* Beyond the float range a value cannot be a position: missing. */
                    float f = missing || !(fabs(v) <= 1e30) ? NAN : (float)v;
                    int r = role % 4;
                    if (r == 0) k->x = f;
                    else if (r == 1) k->y = f;
                    else if (r == 2) k->z = f;
                    else k->confidence = missing ? 0.0f : f;
                }
            }
            col++;
            if (pos < len && s[pos] == delim) {
                pos++;
                continue;
            }
            break;
        }
        if (col != ncols) {
            pose_recording_free(out);
            return fail(msg, cap, "line %zu: %d fields, the header has %d", line, col, ncols);
        }
        double tn = t * 1e9;
        if (!(fabs(tn) < 9.2e18)) {
            pose_recording_free(out);
            return fail(msg, cap, "line %zu: time %g is out of range", line, t);
        }
        out->t_ns[out->count] = (int64_t)llround(tn);
        if (out->count > 0 && out->t_ns[out->count] <= out->t_ns[out->count - 1]) {
            pose_recording_free(out);
            return fail(msg, cap, "line %zu: time %.6f s is not after the previous frame's", line, t);
        }
        out->count++;
        if (pos < len && s[pos] == '\r') pos++;
        if (pos < len && s[pos] == '\n') pos++;
        line++;
    }
    if (out->count == 0) {
        pose_recording_free(out);
        return fail(msg, cap, "no frames after the header");
    }
    return 0;
}
