/* hiptrack reps: the pose recording path (cmd_reps_pose.c), called by cmd_reps.c. */
#ifndef HIPTRACK_CLI_REPS_POSE_H
#define HIPTRACK_CLI_REPS_POSE_H

#include <stddef.h>
#include "hiptrack/hiptrack.h"

typedef struct reps_pose_options {
    const hip_exercise *exercise;   /* NULL: auto */
    char delimiter;
    int view;                       /* hip_pose_view, or -1: from the exercise */
    int signal;                     /* hip_pose_signal, or -1: from the exercise */
    int y_down;                     /* 0/1, or -1: the skeleton's convention */
    double x_scale;                 /* 0: the default (1) */
} reps_pose_options;

/* Counts the reps of a pose CSV; the events (malloc'd) and the frame count come back. Prints its
 * own messages; returns a CLI exit code. */
int reps_pose_run(const char *path, const char *text, size_t len, const reps_pose_options *o,
                  hip_pose_rep_event **events_out, size_t *n_out, size_t *frames_out);

#endif
