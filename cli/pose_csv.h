/* The pose recording CSV reader: a header "t,<joint>_x,<joint>_y[,<joint>_z][,<joint>_c],..."
 * naming every joint of one known skeleton, then one frame per line. It reads bytes (no I/O) so
 * that it can be fuzzed and tested directly. */
#ifndef HIPTRACK_CLI_POSE_CSV_H
#define HIPTRACK_CLI_POSE_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "hiptrack/hip_pose.h"

typedef struct pose_recording {
    hip_skeleton skeleton;
    uint32_t dims;          /* 3 when every joint has a _z column, else 2 */
    size_t joints;          /* the skeleton's joint count */
    size_t count;           /* frames */
    int64_t *t_ns;          /* count timestamps (the t column is in seconds) */
    hip_keypoint *points;   /* count x joints; an empty or "nan" field makes the joint missing */
} pose_recording;

/* 1 when the first line names the columns of a known skeleton (the file is a pose recording). */
int pose_csv_detect(const char *text, size_t len, char delimiter);
/* Parses text[0..len). On failure returns nonzero with "line L: ..." in msg. */
int pose_csv_parse(const char *text, size_t len, char delimiter, pose_recording *out, char *msg,
                   size_t cap);
void pose_recording_free(pose_recording *r);

#endif
