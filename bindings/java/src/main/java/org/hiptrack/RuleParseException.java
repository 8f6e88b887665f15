package org.hiptrack;

/**
 * A rule text that does not parse ({@link Status#FORMAT}): the message is the library's ("line 2,
 * column 14: unknown param 'nope'"), and {@link #line()} and {@link #column()} give the place.
 */
public final class RuleParseException extends HipException {
    private static final long serialVersionUID = 1L;

    /** The 1-based line of the error. */
    private final int line;
    /** The 1-based column of the error, in bytes. */
    private final int column;

    RuleParseException(HipException cause, int line, int column) {
        super(cause.statusValue(), cause.getMessage());
        initCause(cause);
        this.line = line;
        this.column = column;
    }

    /**
     * The line of the error.
     *
     * @return 1-based line
     */
    public int line() {
        return line;
    }

    /**
     * The column of the error, counted in bytes of UTF-8.
     *
     * @return 1-based column
     */
    public int column() {
        return column;
    }
}
