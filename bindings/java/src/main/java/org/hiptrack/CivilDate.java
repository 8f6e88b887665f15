package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;

/**
 * A civil date in the member's local calendar, as the library's day number (days since
 * 1970-01-01, proleptic Gregorian, years 1..9999). Program versions and the like use it;
 * instants are {@code long} nanoseconds. Immutable; equal day numbers are equal dates.
 */
public final class CivilDate implements Comparable<CivilDate> {
    private final int day;

    private CivilDate(int day) {
        this.day = day;
    }

    /**
     * The date of a day number.
     *
     * @param day days since 1970-01-01
     * @return the date
     * @throws HipException {@link Status#RANGE} outside years 1..9999
     */
    public static CivilDate ofDayNumber(int day) {
        int[] y = new int[1], m = new int[1], d = new int[1];
        HiptrackNative.hip_date_to_ymd(day, y, m, d);
        return new CivilDate(day);
    }

    /**
     * A date from its parts.
     *
     * @param year  1..9999
     * @param month 1..12
     * @param day   1..31
     * @return the date
     * @throws HipException {@link Status#RANGE} for a day that does not exist (2026-02-29)
     */
    public static CivilDate of(int year, int month, int day) {
        int[] out = new int[1];
        HiptrackNative.hip_date_from_ymd(year, month, day, out);
        return new CivilDate(out[0]);
    }

    /**
     * Parses exactly "YYYY-MM-DD".
     *
     * @param text the date
     * @return the date
     * @throws HipException {@link Status#FORMAT} for other text, {@link Status#RANGE} for a bad date
     */
    public static CivilDate parse(String text) {
        if (text == null) throw new HipException(Status.INVALID.value(), "text must not be null");
        int[] out = new int[1];
        HiptrackNative.hip_date_parse(text, out);
        return new CivilDate(out[0]);
    }

    /**
     * The day number.
     *
     * @return days since 1970-01-01
     */
    public int dayNumber() {
        return day;
    }

    private int[] ymd() {
        int[] y = new int[1], m = new int[1], d = new int[1];
        HiptrackNative.hip_date_to_ymd(day, y, m, d);
        return new int[] {y[0], m[0], d[0]};
    }

    /**
     * The year.
     *
     * @return 1..9999
     */
    public int year() {
        return ymd()[0];
    }

    /**
     * The month.
     *
     * @return 1..12
     */
    public int month() {
        return ymd()[1];
    }

    /**
     * The day of the month.
     *
     * @return 1..31
     */
    public int dayOfMonth() {
        return ymd()[2];
    }

    /**
     * The ISO weekday.
     *
     * @return 1 = Monday ... 7 = Sunday
     */
    public int weekday() {
        return HiptrackNative.hip_date_weekday(day);
    }

    /**
     * The date some days later (or earlier, for a negative count).
     *
     * @param days the number of days to add
     * @return the new date
     * @throws HipException {@link Status#RANGE} outside years 1..9999
     */
    public CivilDate plusDays(int days) {
        return ofDayNumber(day + days);
    }

    /** "YYYY-MM-DD". */
    @Override
    public String toString() {
        byte[] buf = new byte[HiptrackNative.HIPTRACK_DATE_CAP];
        HiptrackNative.hip_date_format(day, buf);
        return new String(buf, 0, 10, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public int compareTo(CivilDate other) {
        return Integer.compare(day, other.day);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CivilDate && ((CivilDate) o).day == day;
    }

    @Override
    public int hashCode() {
        return day;
    }
}
