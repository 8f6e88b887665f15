/* hiptrack: the umbrella header. Including it gives the whole public C API. */
#ifndef HIPTRACK_HIPTRACK_H
#define HIPTRACK_HIPTRACK_H

#include "hip_api.h"
#include "hip_version.h"
#include "hip_status.h"
#include "hip_alloc.h"
#include "hip_date.h"
#include "hip_catalog.h"
#include "hip_program.h"
#include "hip_session.h"
#include "hip_adherence.h"
#include "hip_reps.h"
#include "hip_sim.h"
#include "hip_outcomes.h"
#include "hip_painlog.h"
#include "hip_progression.h"
#include "hip_export.h"
#include "hip_assess.h"
#include "hip_pose.h"

#endif
