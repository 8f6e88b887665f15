package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_status;

/** The library's status codes ({@code hip_status}); {@link HipException#code()} gives one. */
public enum Status {
    /** Success. */
    OK(hip_status.HIP_OK),
    /** Nothing more: an iteration or event queue is exhausted. */
    DONE(hip_status.HIP_DONE),
    /** An argument is invalid (null, out of its domain). */
    INVALID(hip_status.HIP_ERR_INVALID),
    /** An allocation failed; the object is unchanged. */
    NOMEM(hip_status.HIP_ERR_NOMEM),
    /** A number is out of range, NaN or infinite. */
    RANGE(hip_status.HIP_ERR_RANGE),
    /** Input text or bytes are malformed or fail validation. */
    FORMAT(hip_status.HIP_ERR_FORMAT),
    /** A buffer is too small. */
    BUFSIZE(hip_status.HIP_ERR_BUFSIZE),
    /** No such id, version or item. */
    NOT_FOUND(hip_status.HIP_ERR_NOT_FOUND),
    /** A duplicate of something already present. */
    EXISTS(hip_status.HIP_ERR_EXISTS),
    /** The call is not allowed in the object's current state (a closed object, an open draft). */
    STATE(hip_status.HIP_ERR_STATE),
    /** A serialized format version this build does not read. */
    VERSION(hip_status.HIP_ERR_VERSION),
    /** A checksum or integrity check failed. */
    CORRUPT(hip_status.HIP_ERR_CORRUPT),
    /** A feature this build does not include. */
    UNSUPPORTED(hip_status.HIP_ERR_UNSUPPORTED),
    /** A status this binding does not know (a newer native library). */
    UNKNOWN(Integer.MIN_VALUE);

    private final int value;

    Status(int value) {
        this.value = value;
    }

    /**
     * The C value.
     *
     * @return the {@code hip_status} number
     */
    public int value() {
        return value;
    }

    /**
     * The C enum constant's name.
     *
     * @return "HIP_ERR_NOMEM", ...
     */
    public String cName() {
        return this == UNKNOWN ? "UNKNOWN" : HiptrackNative.hip_status_name(value);
    }

    /**
     * The library's short English description.
     *
     * @return "out of memory", ...
     */
    public String description() {
        return HiptrackNative.hip_status_str(value);
    }

    /**
     * The constant for a C value.
     *
     * @param value a {@code hip_status} number
     * @return its constant, or {@link #UNKNOWN}
     */
    public static Status fromValue(int value) {
        for (Status s : values())
            if (s.value == value) return s;
        return UNKNOWN;
    }
}
