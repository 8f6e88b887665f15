/* Internal: shared by the pose_*.c files. */
#ifndef HIPTRACK_SRC_POSE_INTERNAL_H
#define HIPTRACK_SRC_POSE_INTERNAL_H

#include "hiptrack/hip_pose.h"

/* 1 when the skeleton's coordinates have y growing downwards by default. */
int hip__pose_skeleton_y_down(hip_skeleton skeleton);

#endif
