/* Internal: shared by the pose_*.c files. */
#ifndef HIPTRACK_SRC_POSE_INTERNAL_H
#define HIPTRACK_SRC_POSE_INTERNAL_H

#include "hiptrack/hip_pose.h"

/* 2-D AUTO view threshold: hip width / trunk length at or above means a front view. */
#define HIP__POSE_FRONT_RATIO 0.12

/* Hip width / trunk length of a canonical 2-D frame; 0 when it cannot be measured. */
double hip__pose_width_ratio(const hip_keypoint canon[HIPTRACK_JOINT_COUNT]);

/* 1 when the skeleton's coordinates have y growing downwards by default. */
int hip__pose_skeleton_y_down(hip_skeleton skeleton);

/* Angles of a frame already in canonical joints (hip_pose_to_canonical); config checked. */
void hip__pose_angles_from_canonical(const hip_pose_angles_config *config,
                                     const hip_keypoint canon[HIPTRACK_JOINT_COUNT],
                                     hip_pose_angles *out);

#endif
