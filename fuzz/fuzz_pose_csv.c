/* Fuzz target: the pose CSV reader (skeleton detection from the header, 2-D/3-D, confidences,
 * missing fields) and the pose counter over whatever it accepts. An accepted recording has
 * increasing timestamps and coordinates that are finite or NaN (missing), and the counter takes
 * every frame. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pose_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char delim = size && (data[0] & 1) ? ';' : ',';
    const char *text = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    pose_recording r;
    char msg[256];
    int detected = pose_csv_detect(text, len, delim);
    if (pose_csv_parse(text, len, delim, &r, msg, sizeof msg) != 0) {
        if (!msg[0] || r.t_ns || r.points) abort();
        return 0;
    }
    if (!detected || r.count == 0 || (r.dims != 2 && r.dims != 3)) abort();
    if (r.joints != hip_pose_skeleton_joint_count(r.skeleton)) abort();
    for (size_t i = 0; i < r.count; i++) {
        if (i && r.t_ns[i] <= r.t_ns[i - 1]) abort();
        for (size_t j = 0; j < r.joints; j++) {
            const hip_keypoint *k = &r.points[i * r.joints + j];
            if (isinf(k->x) || isinf(k->y) || isinf(k->z)) abort();
        }
    }
    hip_pose_reps_config cfg;
    hip_pose_reps_config_init(&cfg, r.skeleton, r.dims);
    if (size && (data[0] & 2)) cfg.angles.view = HIP_POSE_VIEW_FRONT;
    hip_pose_reps *p = NULL;
    if (hip_pose_reps_create(&cfg, &p) != HIP_OK) abort();
    hip_pose_rep_event e;
    for (size_t i = 0; i < r.count; i++) {
        if (hip_pose_reps_push(p, r.t_ns[i], r.points + i * r.joints, r.joints) != HIP_OK) abort();
        while (hip_pose_reps_next_event(p, &e) == HIP_OK)
            if (!(e.rep.excursion_deg == e.rep.excursion_deg)) abort();
    }
    if (hip_pose_reps_finish(p) != HIP_OK) abort();
    while (hip_pose_reps_next_event(p, &e) == HIP_OK) {}
    hip_pose_reps_destroy(p);
    pose_recording_free(&r);
    return 0;
}
