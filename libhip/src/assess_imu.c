/* The IMU path of an assessment: the thigh's orientation relative to the calibrated start pose,
 * integrated from the gyroscope (bias removed) with a gravity tilt correction (Mahony's
 * complementary filter: the accelerometer pulls the estimated "up" back when the sensor is not
 * accelerating), and the angles read off it.
 *
 * The sensor's mounting on the thigh is unknown, so the motion's plane is taken from the movement
 * itself: the direction the thigh first moves in (once past lock_deg) defines the plane, and
 * anything outside it later is out-of-plane motion. Standing, the femur hangs along gravity at the
 * start, which fixes its long axis in the sensor frame; the orientation then splits into the
 * femur's swing (flexion/extension/abduction/adduction, and its leaving the plane) and the twist
 * about the femur (rotation). Gravity cannot see rotation about the vertical, so the twist of a
 * vertical femur comes from the gyroscope alone and drifts with the residual bias. */
#include "assess_internal.h"

#include <math.h>
#include <string.h>

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

static double dot3(const double a[3], const double b[3]) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

static void cross3(const double a[3], const double b[3], double out[3])
{
    double x = a[1] * b[2] - a[2] * b[1], y = a[2] * b[0] - a[0] * b[2], z = a[0] * b[1] - a[1] * b[0];
    out[0] = x;
    out[1] = y;
    out[2] = z;
}

static double norm3(const double a[3]) { return sqrt(dot3(a, a)); }

static double clamp1(double x) { return x > 1 ? 1 : x < -1 ? -1 : x; }

/* v rotated by the unit quaternion q (q v q*). */
static void qrot(const double q[4], const double v[3], double out[3])
{
    double u[3] = {q[1], q[2], q[3]}, t[3], ut[3];
    cross3(u, v, t);
    for (int k = 0; k < 3; k++) t[k] *= 2.0;
    cross3(u, t, ut);
    for (int k = 0; k < 3; k++) out[k] = v[k] + q[0] * t[k] + ut[k];
}

/* v rotated by the inverse of q. */
static void qrot_inv(const double q[4], const double v[3], double out[3])
{
    double c[4] = {q[0], -q[1], -q[2], -q[3]};
    qrot(c, v, out);
}

void hip__assess_imu_start(hip__assess_imu *m, const double bias[3], const double up0[3],
                           hip__assess_geom geom)
{
    memset(m, 0, sizeof *m);
    memcpy(m->bias, bias, sizeof m->bias);
    memcpy(m->up0, up0, sizeof m->up0);
    m->q[0] = 1.0;
    m->geom = geom;
    m->twist_sign = 1.0;
}

void hip__assess_imu_step(hip__assess_imu *m, const double gyro[3], const double accel[3], double dt_s,
                          double tilt_gain)
{
    double w[3] = {gyro[0] - m->bias[0], gyro[1] - m->bias[1], gyro[2] - m->bias[2]};
    double wi[3];
    /* Trapezoidal: the mean of this and the previous rate over the step. */
    for (int k = 0; k < 3; k++) wi[k] = m->have_prev ? 0.5 * (w[k] + m->prev_w[k]) : w[k];
    memcpy(m->prev_w, w, sizeof w);
    m->have_prev = 1;
    double an = norm3(accel);
    /* Only a sensor that is not accelerating much sees gravity alone. */
    if (tilt_gain > 0 && an > 0 && fabs(an - HIP__ASSESS_G) < 1.5) {
        double a[3] = {accel[0] / an, accel[1] / an, accel[2] / an}, v[3], e[3];
        qrot_inv(m->q, m->up0, v);
        cross3(a, v, e);
        for (int k = 0; k < 3; k++) wi[k] += tilt_gain * e[k];
    }
    double th = norm3(wi) * dt_s;
    double dq[4] = {1, 0, 0, 0};
    if (th > 1e-12) {
        double s = sin(0.5 * th) / norm3(wi);
        dq[0] = cos(0.5 * th);
        dq[1] = wi[0] * s;
        dq[2] = wi[1] * s;
        dq[3] = wi[2] * s;
    }
    const double *q = m->q;
    double r[4] = {q[0] * dq[0] - q[1] * dq[1] - q[2] * dq[2] - q[3] * dq[3],
                   q[0] * dq[1] + q[1] * dq[0] + q[2] * dq[3] - q[3] * dq[2],
                   q[0] * dq[2] - q[1] * dq[3] + q[2] * dq[0] + q[3] * dq[1],
                   q[0] * dq[3] + q[1] * dq[2] - q[2] * dq[1] + q[3] * dq[0]};
    double n = sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2] + r[3] * r[3]);
    for (int k = 0; k < 4; k++) m->q[k] = r[k] / n;
}

static void read_axis(hip__assess_imu *m, double lock_deg, hip__assess_reading *out)
{
    double s = m->q[0] < 0 ? -1.0 : 1.0;   /* the shorter of the two equivalent rotations */
    double v[3] = {s * m->q[1], s * m->q[2], s * m->q[3]};
    double vn = norm3(v), angle = 2.0 * atan2(vn, s * m->q[0]) * HIP__ASSESS_DEG;
    double r[3] = {0, 0, 0};
    if (vn > 0)
        for (int k = 0; k < 3; k++) r[k] = v[k] / vn * angle;
    if (!m->locked) {
        out->primary_deg = angle;
        if (angle >= lock_deg && vn > 0) {
            for (int k = 0; k < 3; k++) m->lock_dir[k] = v[k] / vn;
            m->locked = 1;
        }
        return;
    }
    double along = dot3(r, m->lock_dir), perp[3];
    for (int k = 0; k < 3; k++) perp[k] = r[k] - along * m->lock_dir[k];
    out->primary_deg = along;
    out->out_of_plane_deg = norm3(perp);
}

/* Rotation matrix of a unit quaternion, row-major. */
static void qmat(const double q[4], double m[9])
{
    double w = q[0], x = q[1], y = q[2], z = q[3];
    double r[9] = {1 - 2 * (y * y + z * z), 2 * (x * y - z * w),     2 * (x * z + y * w),
                   2 * (x * y + z * w),     1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                   2 * (x * z - y * w),     2 * (y * z + x * w),     1 - 2 * (x * x + y * y)};
    memcpy(m, r, sizeof r);
}

/* Standing, before the lock: the femur's elevation from vertical. After it: the orientation in the
 * basis (d, n, up) (d the locked horizontal direction of the movement, n = up x d) decomposed as
 * the hip's joint coordinate system does (ISB: the motion about n first, then about the floating
 * axis, then about the femur's long axis): R = Rn(alpha) Rd(beta) Rup(gamma); alpha is the motion,
 * beta leaving the plane, gamma the rotation about the femur. */
static void read_swing(hip__assess_imu *m, double lock_deg, hip__assess_reading *out)
{
    double f0[3] = {-m->up0[0], -m->up0[1], -m->up0[2]}, f[3];
    qrot(m->q, f0, f);
    if (!m->locked) {
        double elevation = acos(clamp1(dot3(f, f0))) * HIP__ASSESS_DEG;
        double tw = 2.0 * atan2(dot3(m->q + 1, f0), m->q[0]) * HIP__ASSESS_DEG;
        if (tw > 180) tw -= 360;
        if (tw < -180) tw += 360;
        out->primary_deg = elevation;
        out->thigh_rotation_deg = fabs(tw);
        double h[3], along = dot3(f, m->up0);
        for (int k = 0; k < 3; k++) h[k] = f[k] - along * m->up0[k];
        double hn = norm3(h);
        if (elevation >= lock_deg && hn > 0) {
            for (int k = 0; k < 3; k++) m->lock_dir[k] = h[k] / hn;
            m->locked = 1;
        }
        return;
    }
    double n[3], R[9], B[9], RB[9], M[9];
    cross3(m->up0, m->lock_dir, n);
    qmat(m->q, R);
    for (int k = 0; k < 3; k++) {   /* columns d, n, up */
        B[3 * k] = m->lock_dir[k];
        B[3 * k + 1] = n[k];
        B[3 * k + 2] = m->up0[k];
    }
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) RB[3 * i + j] = R[3 * i] * B[j] + R[3 * i + 1] * B[3 + j] + R[3 * i + 2] * B[6 + j];
    for (int i = 0; i < 3; i++)      /* M = B^T R B */
        for (int j = 0; j < 3; j++) M[3 * i + j] = B[i] * RB[j] + B[3 + i] * RB[3 + j] + B[6 + i] * RB[6 + j];
    out->primary_deg = atan2(dot3(f, m->lock_dir), dot3(f, f0)) * HIP__ASSESS_DEG;
    out->out_of_plane_deg = fabs(asin(clamp1(-M[5]))) * HIP__ASSESS_DEG;
    out->thigh_rotation_deg = fabs(atan2(M[3], M[4])) * HIP__ASSESS_DEG;
}

static void read_twist(hip__assess_imu *m, double lock_deg, hip__assess_reading *out)
{
    double f0[3] = {-m->up0[0], -m->up0[1], -m->up0[2]}, f[3];
    qrot(m->q, f0, f);
    double tw = 2.0 * atan2(dot3(m->q + 1, f0), m->q[0]) * HIP__ASSESS_DEG;
    if (tw > 180) tw -= 360;
    if (tw < -180) tw += 360;
    out->out_of_plane_deg = acos(clamp1(dot3(f, f0))) * HIP__ASSESS_DEG;
    if (!m->locked) {
        out->primary_deg = fabs(tw);
        if (fabs(tw) >= lock_deg) {
            m->twist_sign = tw < 0 ? -1.0 : 1.0;
            m->locked = 1;
        }
        return;
    }
    out->primary_deg = m->twist_sign * tw;
}

void hip__assess_imu_read(hip__assess_imu *m, double lock_deg, hip__assess_reading *out)
{
    memset(out, 0, sizeof *out);
    switch (m->geom) {
    case HIP__GEOM_SWING: read_swing(m, lock_deg, out); break;
    case HIP__GEOM_TWIST: read_twist(m, lock_deg, out); break;
    default: read_axis(m, lock_deg, out); break;
    }
}
