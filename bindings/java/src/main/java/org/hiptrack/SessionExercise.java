package org.hiptrack;

import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_session_exercise;

/**
 * One exercise of a {@link Session} with its prescription ({@code hip_session_exercise}): a plain
 * value. Zero prescribed sets means done but not prescribed. A unilateral exercise whose sides are
 * logged separately is two exercises (side LEFT and RIGHT).
 */
public final class SessionExercise {
    /** A catalog exercise id. */
    public String exerciseId;
    /** The side. */
    public Side side;
    /** Prescribed sets, 0..20. */
    public int prescribedSets;
    /** Prescribed reps per set, 0..100; 0 = hold-only (one hold per set). */
    public int prescribedReps;
    /** Prescribed hold, seconds, 0..3600. */
    public double prescribedHoldS;
    /** Prescribed load, kg, 0..500. */
    public double prescribedLoadKg;
    /** Output only: sets logged (ignored when adding). */
    public int setCount;

    /**
     * An exercise with nothing prescribed, side both ({@code hip_session_exercise_init}).
     *
     * @param exerciseId a catalog exercise id
     */
    public SessionExercise(String exerciseId) {
        try (hip_session_exercise e = new hip_session_exercise("")) {
            e.setExercise_id(Values.nonNull(exerciseId, "exerciseId"));   // refuses text too long, never cuts it
            copyFrom(e);
        }
    }

    private SessionExercise() {}

    /**
     * The exercise as a program prescribes it ({@code hip_session_exercise_from_prescription}).
     *
     * @param rx the prescription
     * @return a new value
     */
    public static SessionExercise fromPrescription(Prescription rx) {
        try (hip_session_exercise e = new hip_session_exercise("");
             org.hiptrack.internal.hip_prescription p = Values.nonNull(rx, "prescription").toNative()) {
            HiptrackNative.hip_session_exercise_from_prescription(e, p);
            return from(e);
        }
    }

    static SessionExercise from(hip_session_exercise e) {
        SessionExercise o = new SessionExercise();
        o.copyFrom(e);
        return o;
    }

    private void copyFrom(hip_session_exercise e) {
        exerciseId = e.getExercise_id();
        side = Side.fromValue(e.getSide());
        prescribedSets = (int) e.getPrescribed_sets();
        prescribedReps = (int) e.getPrescribed_reps();
        prescribedHoldS = e.getPrescribed_hold_s();
        prescribedLoadKg = e.getPrescribed_load_kg();
        setCount = (int) e.getSet_count();
    }

    /** A new C value; the caller closes it. */
    hip_session_exercise toNative() {
        hip_session_exercise e = new hip_session_exercise("");
        try {
            e.setExercise_id(Values.nonNull(exerciseId, "exerciseId"));
            e.setSide(Values.nonNull(side, "side").value());
            e.setPrescribed_sets(Values.u32(prescribedSets));
            e.setPrescribed_reps(Values.u32(prescribedReps));
            e.setPrescribed_hold_s(prescribedHoldS);
            e.setPrescribed_load_kg(prescribedLoadKg);
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    @Override
    public String toString() {
        return "SessionExercise[" + exerciseId + " " + prescribedSets + " x " + prescribedReps + ", "
                + setCount + " sets logged]";
    }
}
