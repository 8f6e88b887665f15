package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_sim_rep_kind;

/** What kind of rep the simulator made ({@code hip_sim_rep_kind}). */
public enum SimRepKind {
    /** {@code HIP_SIM_REP_NORMAL}. */
    NORMAL(hip_sim_rep_kind.HIP_SIM_REP_NORMAL),
    /** {@code HIP_SIM_REP_PARTIAL}: A fraction of the full excursion. */
    PARTIAL(hip_sim_rep_kind.HIP_SIM_REP_PARTIAL),
    /** {@code HIP_SIM_REP_FAST}: A fraction of the normal duration. */
    FAST(hip_sim_rep_kind.HIP_SIM_REP_FAST),
    /** {@code HIP_SIM_REP_SLOW}: A multiple of the normal duration. */
    SLOW(hip_sim_rep_kind.HIP_SIM_REP_SLOW);

    private final int value;

    SimRepKind(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_sim_rep_kind} number
     */
    public int value() {
        return value;
    }

    /**
     * The library's stable lower-case name, as used in JSON and by the CLI.
     *
     * @return the name
     */
    public String id() {
        return HiptrackNative.hip_sim_rep_kind_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_sim_rep_kind} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static SimRepKind fromValue(int value) {
        for (SimRepKind e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no SimRepKind with value " + value);
    }
}
