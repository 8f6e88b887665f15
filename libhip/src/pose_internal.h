/* Internal: shared by the pose_*.c files. */
#ifndef HIPTRACK_SRC_POSE_INTERNAL_H
#define HIPTRACK_SRC_POSE_INTERNAL_H

#include "hiptrack/hip_pose.h"

/* 1 when the skeleton's coordinates have y growing downwards by default. */
int hip__pose_skeleton_y_down(hip_skeleton skeleton);

/* Angles of a frame already in canonical joints (hip_pose_to_canonical); config checked. */
void hip__pose_angles_from_canonical(const hip_pose_angles_config *config,
                                     const hip_keypoint canon[HIPTRACK_JOINT_COUNT],
                                     hip_pose_angles *out);

#endif
