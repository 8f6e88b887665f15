package org.hiptrack;

import java.util.Arrays;
import org.hiptrack.internal.HiptrackNativeConstants;
import org.hiptrack.internal.hip_rom_normals;

/**
 * Normal range of motion per motion, with its source and the band thresholds ({@code
 * hip_rom_normals}): within normal at or above {@code withinPct} percent of normal, reduced at or
 * above {@code reducedPct}, markedly reduced below. {@link #aaos()} and {@link #conservative()} are
 * the tables of CLINICAL.md §4; {@link #with(RomMotion, double)} makes your own. Immutable.
 */
public final class RomNormals {
    private static final int MOTIONS = HiptrackNativeConstants.HIPTRACK_ROM_MOTIONS;
    private final double[] normalDeg;
    /** Where the values come from. */
    public final String source;
    /** Within normal from this percent of normal. */
    public final double withinPct;
    /** Reduced from this percent of normal. */
    public final double reducedPct;

    private RomNormals(double[] normalDeg, String source, double withinPct, double reducedPct) {
        this.normalDeg = normalDeg;
        this.source = source;
        this.withinPct = withinPct;
        this.reducedPct = reducedPct;
    }

    private static RomNormals of(int conservative) {
        try (hip_rom_normals n = new hip_rom_normals(conservative)) {
            double[] v = new double[MOTIONS];
            for (int i = 0; i < MOTIONS; i++) v[i] = n.normal_at(i);
            return new RomNormals(v, n.getSource(), n.getWithin_pct(), n.getReduced_pct());
        }
    }

    /**
     * AAOS: flexion 120, extension 30, abduction 45, adduction 30, internal and external rotation 45
     * (knee flexion 135).
     *
     * @return the table
     */
    public static RomNormals aaos() {
        return of(0);
    }

    /**
     * The lower ends of the other goniometry texts: extension 10, internal rotation 30, external
     * rotation 40; the others as AAOS.
     *
     * @return the table
     */
    public static RomNormals conservative() {
        return of(1);
    }

    /**
     * The normal value of a motion.
     *
     * @param motion the motion
     * @return degrees
     */
    public double normalDeg(RomMotion motion) {
        return normalDeg[Values.nonNull(motion, "motion").value()];
    }

    /**
     * A copy with one normal value changed.
     *
     * @param motion the motion
     * @param deg its normal range, degrees
     * @return the new table
     */
    public RomNormals with(RomMotion motion, double deg) {
        double[] v = Arrays.copyOf(normalDeg, MOTIONS);
        v[Values.nonNull(motion, "motion").value()] = deg;
        return new RomNormals(v, source, withinPct, reducedPct);
    }

    /**
     * A copy with other band thresholds and source.
     *
     * @param source where the values come from
     * @param withinPct within normal from this percent
     * @param reducedPct reduced from this percent
     * @return the new table
     */
    public RomNormals with(String source, double withinPct, double reducedPct) {
        return new RomNormals(normalDeg, Values.nonNull(source, "source"), withinPct, reducedPct);
    }

    hip_rom_normals toNative() {
        hip_rom_normals n = new hip_rom_normals(0);
        try {
            for (int i = 0; i < MOTIONS; i++) n.set_normal(i, normalDeg[i]);
            n.setSource(source);
            n.setWithin_pct(withinPct);
            n.setReduced_pct(reducedPct);
            return n;
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
    }
}
