package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnumsTest {
    static final Class<?>[] ENUMS = {Category.class, Sidedness.class, Segment.class, Motion.class,
            Plane.class, CountKind.class, Change.class, Side.class, InputKind.class, RepFlag.class,
            RepSource.class, SimRepKind.class, AbandonReason.class, Instrument.class, OutcomeScale.class,
            PainContext.class, PainLocation.class, PainSide.class, PainSymptom.class, PainTimeOfDay.class,
            PainSetting.class, PainBand.class, ProgressionAction.class, RedFlagTier.class,
            Aggregate.class};
    /** Enums whose C type has no name function: no id(). */
    static final Class<?>[] UNNAMED = {SessionState.class, PainMoment.class, RepOrigin.class,
            AdherenceUnit.class, OutcomeState.class, HoosMissingRule.class, HoosPsDirection.class,
            ChangeCriterion.class, PainVerdict.class, PainCriterion.class, PainDuration.class, PainPattern.class,
            RuleClass.class, WindowUnit.class, CheckInAnswer.class, ProgressionVariable.class};

    @Test
    void unnamedEnumsRoundTrip() throws Exception {
        for (Class<?> cls : UNNAMED) {
            Method value = cls.getMethod("value");
            Method fromValue = cls.getMethod("fromValue", int.class);
            Set<Integer> seen = new HashSet<>();
            for (Object constant : cls.getEnumConstants()) {
                int v = (Integer) value.invoke(constant);
                assertEquals(constant, fromValue.invoke(null, v));
                assertTrue(seen.add(v), cls.getSimpleName() + "." + constant);
            }
            assertHip(Status.INVALID, () -> {
                try {
                    fromValue.invoke(null, 12345);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }
        assertEquals(0, HoosMissingRule.MISSING_2013.value());
        assertEquals("40196000", org.hiptrack.internal.HiptrackNative.hip_pain_band_snomed(PainBand.MILD.value()));
    }

    /** Every constant: value round trip, a library name that is not "unknown", distinct names. */
    @Test
    void everyEnumMatchesTheLibrary() throws Exception {
        for (Class<?> cls : ENUMS) {
            Method value = cls.getMethod("value");
            Method id = cls.getMethod("id");
            Method fromValue = cls.getMethod("fromValue", int.class);
            Set<String> ids = new HashSet<>();
            for (Object constant : cls.getEnumConstants()) {
                int v = (Integer) value.invoke(constant);
                assertEquals(constant, fromValue.invoke(null, v));
                String name = (String) id.invoke(constant);
                assertNotEquals("unknown", name, cls.getSimpleName() + "." + constant);
                assertEquals(((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT), name,
                        cls.getSimpleName() + "." + constant);
                assertTrue(ids.add(name));
            }
            assertHip(Status.INVALID, () -> {
                try {
                    fromValue.invoke(null, 12345);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }
    }

    @Test
    void flags() {
        EnumSet<Category> c = Category.fromBits(Category.STRENGTH.value() | Category.BALANCE.value() | 1 << 20);
        assertEquals(EnumSet.of(Category.STRENGTH, Category.BALANCE), c);
        assertEquals(Category.STRENGTH.value() | Category.BALANCE.value(), Category.toBits(c));
        assertTrue(RepFlag.fromBits(0).isEmpty());
        assertEquals(15, RepFlag.toBits(EnumSet.allOf(RepFlag.class)));
        assertEquals(0x1FF, PainSymptom.toBits(EnumSet.allOf(PainSymptom.class)));
        assertEquals(EnumSet.of(PainSymptom.STIFFNESS, PainSymptom.NUMBNESS_TINGLING), PainSymptom.fromBits(0x101 | 1 << 12));
    }

    @Test
    void inputWidths() {
        assertEquals(6, InputKind.IMU.width());
        assertEquals(3, InputKind.ACCEL.width());
        assertEquals(1, InputKind.ANGLE.width());
        assertFalse(InputKind.IMU.id().isEmpty());
    }
}
