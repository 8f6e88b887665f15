package org.hiptrack;

import java.util.EnumSet;
import org.hiptrack.internal.hip_exercise;

/**
 * A catalog exercise ({@code hip_exercise}): a plain value, copied out of and into a {@link
 * Catalog}. {@code new Exercise()} has the defaults a custom exercise starts from (strength,
 * bilateral, 2-3 x 10 reps, 120 s rest, a generic thigh profile).
 */
public final class Exercise {
    /** Stable id: 1..47 of [a-z0-9_], letter first. */
    public String id = "";
    /** Display name (UTF-8, at most 95 bytes). */
    public String name = "";
    /** The exercise this is a variant of; equal to id (or "") for a base exercise. */
    public String baseId = "";
    /** Catalog code such as "EX01b"; "" for custom exercises. */
    public String code = "";
    /** Categories, at least one. */
    public EnumSet<Category> categories = EnumSet.noneOf(Category.class);
    /** Muscles worked (free text, at most 191 bytes). */
    public String muscles = "";
    /** Starting position (free text, at most 191 bytes). */
    public String position = "";
    /** How the exercise uses the sides. */
    public Sidedness sidedness = Sidedness.BILATERAL;
    /** Default prescription. */
    public Dose dose = new Dose();
    /** Motion model for rep detection. */
    public MotionProfile motion = new MotionProfile();
    /** Output only: true for the built-in catalog's exercises. */
    public boolean builtin;

    /** A custom exercise with the library's defaults ({@code hip_exercise_init}). */
    public Exercise() {
        try (hip_exercise e = new hip_exercise()) {
            copyFrom(e);
        }
    }

    /**
     * A custom exercise with the library's defaults and an id and name.
     *
     * @param id   the stable id
     * @param name the display name
     */
    public Exercise(String id, String name) {
        this();
        this.id = id;
        this.name = name;
    }

    private Exercise(hip_exercise e) {
        copyFrom(e);
    }

    static Exercise from(hip_exercise e) {
        return new Exercise(e);
    }

    private void copyFrom(hip_exercise e) {
        id = e.getId();
        name = e.getName();
        baseId = e.getBase_id();
        code = e.getCode();
        categories = Category.fromBits((int) e.getCategories());
        muscles = e.getMuscles();
        position = e.getPosition();
        sidedness = Sidedness.fromValue(e.getSidedness());
        dose = Dose.from(e.getDose());
        motion = MotionProfile.from(e.getMotion());
        builtin = e.getBuiltin() != 0;
    }

    /** A new C value holding this exercise; the caller closes it. */
    hip_exercise toNative() {
        hip_exercise e = new hip_exercise();
        try {
            e.setId(Values.nonNull(id, "id"));
            e.setName(Values.nonNull(name, "name"));
            e.setBase_id(baseId == null ? "" : baseId);
            e.setCode(code == null ? "" : code);
            e.setCategories(Values.u32(Category.toBits(Values.nonNull(categories, "categories"))));
            e.setMuscles(muscles == null ? "" : muscles);
            e.setPosition(position == null ? "" : position);
            e.setSidedness(Values.nonNull(sidedness, "sidedness").value());
            Values.nonNull(dose, "dose").to(e.getDose());
            Values.nonNull(motion, "motion").to(e.getMotion());
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    @Override
    public String toString() {
        return "Exercise[" + id + ": " + name + "]";
    }
}
