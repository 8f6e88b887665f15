package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_instrument;

/** An outcome questionnaire ({@code hip_instrument}); {@link #id()} is its JSON name. */
public enum Instrument {
    /** {@code HIP_INSTRUMENT_HOOS}: 40 items, 5 subscales (§2.1). */
    HOOS(hip_instrument.HIP_INSTRUMENT_HOOS),
    /** {@code HIP_INSTRUMENT_HOOS12}: 12 items: pain, function, QOL, summary (§2.2). */
    HOOS12(hip_instrument.HIP_INSTRUMENT_HOOS12),
    /** {@code HIP_INSTRUMENT_HOOS_JR}: 6 items, raw -&gt; interval table (§2.3). */
    HOOS_JR(hip_instrument.HIP_INSTRUMENT_HOOS_JR),
    /** {@code HIP_INSTRUMENT_HOOS_PS}: 5 items, raw -&gt; table (§2.4). */
    HOOS_PS(hip_instrument.HIP_INSTRUMENT_HOOS_PS),
    /** {@code HIP_INSTRUMENT_PSFS}: 1..5 patient-named activities, 0..10 (§2.5). */
    PSFS(hip_instrument.HIP_INSTRUMENT_PSFS),
    /** {@code HIP_INSTRUMENT_IHOT12}: Licence-gated (§2.6). */
    IHOT12(hip_instrument.HIP_INSTRUMENT_IHOT12),
    /** {@code HIP_INSTRUMENT_OXFORD}: Licence-gated; current 0..4 scoring, 48 = best (§2.7). */
    OXFORD(hip_instrument.HIP_INSTRUMENT_OXFORD);

    private final int value;

    Instrument(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_instrument} number
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
        return HiptrackNative.hip_instrument_name(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_instrument} number
     * @return its constant
     * @throws HipException {@link Status#INVALID} for a value outside the enum
     */
    public static Instrument fromValue(int value) {
        for (Instrument e : values())
            if (e.value == value) return e;
        throw new HipException(Status.INVALID.value(), "no Instrument with value " + value);
    }
}
