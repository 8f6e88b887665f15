package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusTest {
    @Test
    void everyStatusMatchesTheLibrary() {
        for (Status s : Status.values()) {
            if (s == Status.UNKNOWN) continue;
            assertEquals(s, Status.fromValue(s.value()));
            assertEquals("HIP_" + (s.value() < 0 ? "ERR_" : "") + s.name(), s.cName());
            assertFalse(s.description().isEmpty());
        }
        assertEquals(0, Status.OK.value());
        assertEquals(-2, Status.NOMEM.value());
        assertEquals("out of memory", Status.NOMEM.description());
    }

    @Test
    void unknownStatus() {
        assertEquals(Status.UNKNOWN, Status.fromValue(-999));
        assertEquals("UNKNOWN", Status.UNKNOWN.cName());
        HipException e = new HipException(-999, "from the future");
        assertEquals(Status.UNKNOWN, e.code());
        assertEquals(-999, e.statusValue());
    }

    @Test
    void exceptionCarriesStatusAndMessage() {
        HipException e = new HipException(Status.FORMAT.value(), "line 1, column 2: boom");
        assertEquals(Status.FORMAT, e.code());
        assertEquals(-4, e.statusValue());
        assertEquals("line 1, column 2: boom", e.getMessage());
        assertTrue(e.toString().contains("HIP_ERR_FORMAT"));
        assertTrue(e instanceof RuntimeException, "unchecked");
    }

    @Test
    void nativeErrorsArriveAsHipException() {
        HipException e = assertHip(Status.RANGE, () -> CivilDate.of(2026, 2, 29));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void version() {
        assertEquals(Hiptrack.JAR_VERSION, Hiptrack.version());
        assertTrue(Hiptrack.versionNumber() >= 100 || Hiptrack.version().startsWith("0."));
        Hiptrack.checkVersion();
    }
}
