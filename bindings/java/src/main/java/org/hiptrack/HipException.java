package org.hiptrack;

/**
 * A failed hiptrack call: the library's status and its message, which says what and where
 * ("versions[0].exercises[1].reps: expected an integer 0..100", "line 2, column 16: ...").
 * Unchecked, like {@link IllegalArgumentException}; every method of the binding may throw it.
 */
public class HipException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The negative {@code hip_status} value. */
    private final int status;

    /**
     * Creates an exception for a status (the native code throws these).
     *
     * @param status  a negative {@code hip_status} value
     * @param message what went wrong and where
     */
    public HipException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * The status as an enum constant.
     *
     * @return the status; {@link Status#UNKNOWN} for a value this binding does not know
     */
    public Status code() {
        return Status.fromValue(status);
    }

    /**
     * The status as the C library's number.
     *
     * @return the negative {@code hip_status} value
     */
    public int statusValue() {
        return status;
    }

    @Override
    public String toString() {
        return "HipException[" + code().cName() + "]: " + getMessage();
    }
}
