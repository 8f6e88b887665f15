/* hiptrack reps on a pose recording: the pose front end over the same rep engine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pose_csv.h"
#include "reps_pose.h"

int reps_pose_run(const char *path, const char *text, size_t len, const reps_pose_options *o,
                  hip_pose_rep_event **events_out, size_t *n_out, size_t *frames_out)
{
    *events_out = NULL;
    *n_out = 0;
    *frames_out = 0;
    pose_recording rec;
    char msg[256];
    if (pose_csv_parse(text, len, o->delimiter, &rec, msg, sizeof msg)) {
        fprintf(stderr, "%s: %s\n", path, msg);
        return CLI_INVALID;
    }
    hip_pose_reps_config cfg;
    hip_pose_reps_config_init(&cfg, rec.skeleton, rec.dims);
    if (o->exercise) {
        hip_status st = hip_pose_reps_config_for_exercise(&cfg, o->exercise);
        if (st != HIP_OK) {
            fprintf(stderr, "%s: exercise '%s' cannot be counted from %u-D pose keypoints (view it needs: %s)\n",
                    path, o->exercise->id, (unsigned)rec.dims,
                    hip_pose_need_name(hip_pose_need_for_exercise(o->exercise)));
            pose_recording_free(&rec);
            return CLI_INVALID;
        }
    }
    if (o->view >= 0) cfg.angles.view = (hip_pose_view)o->view;
    if (o->signal >= 0) cfg.signal = (hip_pose_signal)o->signal;
    if (o->x_scale > 0) cfg.angles.x_scale = o->x_scale;
    if (o->y_down >= 0) cfg.angles.y_down = o->y_down;
    if (hip_pose_reps_config_check(&cfg, msg, sizeof msg) != HIP_OK) {
        fprintf(stderr, "%s: %s\n", path, msg);
        pose_recording_free(&rec);
        return CLI_INVALID;
    }
    hip_pose_reps *det = NULL;
    if (hip_pose_reps_create(&cfg, &det) != HIP_OK) {
        pose_recording_free(&rec);
        return CLI_IOERR;
    }
    hip_pose_rep_event *events = NULL;
    size_t n = 0, capn = 0, done = 0;
    int rc = CLI_OK, finished = 0;
    while (rc == CLI_OK && !finished) {
        hip_status st;
        if (done < rec.count) {
            size_t used = 0;
            st = hip_pose_reps_push_block(det, rec.t_ns + done, rec.points + done * rec.joints,
                                          rec.count - done, rec.joints, &used);
            done += used;
        } else {
            st = hip_pose_reps_finish(det);
            finished = 1;
        }
        if (st != HIP_OK) {
            fprintf(stderr, "%s: %s\n", path, hip_pose_reps_last_error(det));
            rc = CLI_INVALID;
        }
        hip_pose_rep_event e;
        while (rc == CLI_OK && hip_pose_reps_next_event(det, &e) == HIP_OK) {
            if (n == capn) {
                capn = capn ? capn * 2 : 64;
                hip_pose_rep_event *ne = realloc(events, capn * sizeof *ne);
                if (!ne) { rc = CLI_IOERR; break; }
                events = ne;
            }
            events[n++] = e;
        }
    }
    hip_pose_reps_destroy(det);
    *frames_out = rec.count;
    pose_recording_free(&rec);
    if (rc != CLI_OK) {
        free(events);
        return rc;
    }
    *events_out = events;
    *n_out = n;
    return CLI_OK;
}
