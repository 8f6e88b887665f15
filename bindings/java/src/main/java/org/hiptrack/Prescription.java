package org.hiptrack;

import org.hiptrack.internal.hip_prescription;

/**
 * One prescribed exercise ({@code hip_prescription}): a plain value. {@code new
 * Prescription("bridge")} has the library's defaults: 3 x 10, 120 s rest, pain ceiling 5, both sides.
 */
public final class Prescription {
    /** A catalog exercise id. */
    public String exerciseId;
    /** Sets, 1..20. */
    public int sets;
    /** Reps per set (per side), 0..100; 0 for a hold-only exercise. */
    public int reps;
    /** Hold per rep (or per hold when reps is 0), seconds, 0..3600. */
    public double holdS;
    /** Concentric tempo, seconds, 0..60; 0 = not prescribed. */
    public double tempoConcentricS;
    /** Eccentric tempo, seconds, 0..60; 0 = not prescribed. */
    public double tempoEccentricS;
    /** The side. */
    public Side side;
    /** External load, kg, 0..500; 0 = body weight. */
    public double loadKg;
    /** Rest between sets, seconds, 0..3600. */
    public double restS;
    /** Highest acceptable pain during the exercise, 0..10. */
    public int painCeiling;

    /**
     * The library's defaults for an exercise ({@code hip_prescription_init}).
     *
     * @param exerciseId a catalog exercise id
     */
    public Prescription(String exerciseId) {
        try (hip_prescription p = new hip_prescription(Values.nonNull(exerciseId, "exerciseId"))) {
            copyFrom(p);
        }
    }

    private Prescription() {}

    static Prescription from(hip_prescription p) {
        Prescription o = new Prescription();
        o.copyFrom(p);
        return o;
    }

    private void copyFrom(hip_prescription p) {
        exerciseId = p.getExercise_id();
        sets = (int) p.getSets();
        reps = (int) p.getReps();
        holdS = p.getHold_s();
        tempoConcentricS = p.getTempo_concentric_s();
        tempoEccentricS = p.getTempo_eccentric_s();
        side = Side.fromValue(p.getSide());
        loadKg = p.getLoad_kg();
        restS = p.getRest_s();
        painCeiling = p.getPain_ceiling();
    }

    /** A new C value holding this prescription; the caller closes it. */
    hip_prescription toNative() {
        hip_prescription p = new hip_prescription(Values.nonNull(exerciseId, "exerciseId"));
        try {
            p.setSets(Values.u32(sets));
            p.setReps(Values.u32(reps));
            p.setHold_s(holdS);
            p.setTempo_concentric_s(tempoConcentricS);
            p.setTempo_eccentric_s(tempoEccentricS);
            p.setSide(Values.nonNull(side, "side").value());
            p.setLoad_kg(loadKg);
            p.setRest_s(restS);
            p.setPain_ceiling(painCeiling);
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "Prescription[" + exerciseId + " " + sets + " x " + reps + "]";
    }
}
