package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_pain_setting;

/** What the member was doing ({@code hip_pain_setting}). */
public enum PainSetting {
    /** {@code HIP_PAIN_SETTING_UNSPECIFIED}. */
    UNSPECIFIED(hip_pain_setting.HIP_PAIN_SETTING_UNSPECIFIED),
    /** {@code HIP_PAIN_SETTING_REST}. */
    REST(hip_pain_setting.HIP_PAIN_SETTING_REST),
    /** {@code HIP_PAIN_SETTING_ACTIVITY}. */
    ACTIVITY(hip_pain_setting.HIP_PAIN_SETTING_ACTIVITY),
    /** {@code HIP_PAIN_SETTING_AFTER_EXERCISE}. */
    AFTER_EXERCISE(hip_pain_setting.HIP_PAIN_SETTING_AFTER_EXERCISE),
    /** {@code HIP_PAIN_SETTING_NIGHT}. */
    NIGHT(hip_pain_setting.HIP_PAIN_SETTING_NIGHT);

    private final int value;

    PainSetting(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_pain_setting} number
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
        return HiptrackNative.hip_pain_setting_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_pain_setting} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static PainSetting fromValue(int value) {
        for (PainSetting e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no PainSetting with value " + value);
    }
}
