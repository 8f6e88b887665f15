package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CivilDateTest {
    @Test
    void partsAndText() {
        CivilDate d = CivilDate.of(2026, 11, 2);
        assertEquals(2026, d.year());
        assertEquals(11, d.month());
        assertEquals(2, d.dayOfMonth());
        assertEquals(1, d.weekday(), "2026-11-02 is a Monday");
        assertEquals("2026-11-02", d.toString());
        assertEquals(d, CivilDate.parse("2026-11-02"));
        assertEquals(d.hashCode(), CivilDate.parse("2026-11-02").hashCode());
        assertEquals(0, CivilDate.of(1970, 1, 1).dayNumber());
        assertEquals(d, CivilDate.ofDayNumber(d.dayNumber()));
        assertEquals(CivilDate.of(2026, 11, 3), d.plusDays(1));
        assertTrue(d.compareTo(d.plusDays(-1)) > 0);
        assertNotEquals(d, "2026-11-02");
    }

    @Test
    void errors() {
        assertHip(Status.RANGE, () -> CivilDate.of(2026, 2, 29));
        assertHip(Status.RANGE, () -> CivilDate.of(0, 1, 1));
        assertHip(Status.RANGE, () -> CivilDate.of(2026, 13, 1));
        assertHip(Status.FORMAT, () -> CivilDate.parse("2026-1-1"));
        assertHip(Status.FORMAT, () -> CivilDate.parse("yesterday"));
        assertHip(Status.RANGE, () -> CivilDate.parse("2026-02-30"));
        assertHip(Status.INVALID, () -> CivilDate.parse(null));
        assertHip(Status.INVALID, () -> CivilDate.parse("2026-11-02\0"));
        assertHip(Status.RANGE, () -> CivilDate.ofDayNumber(Integer.MAX_VALUE));
        assertHip(Status.RANGE, () -> CivilDate.of(9999, 12, 31).plusDays(1));
    }
}
