package org.hiptrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hiptrack.internal.hip_prescription;
import org.hiptrack.internal.hip_program;
import org.hiptrack.internal.hip_program_version;

/**
 * A versioned prescription ({@code hip_program}). A new version is built as a draft: {@link
 * #begin} copies the latest version, the draft is edited ({@link #add}, {@link #replace}, {@link
 * #remove}) and {@link #commit} appends it; history is never edited. JSON form: {@code
 * hiptrack.program}.
 *
 * <pre>{@code
 * try (Program program = new Program()) {
 *     program.begin(CivilDate.of(2026, 11, 2), 3, "initial prescription");
 *     program.add(new Prescription("bridge"));
 *     program.commit();
 *     String json = program.exportJson();
 * }
 * }</pre>
 */
public final class Program extends NativeHandle<hip_program> {
    /** An empty program. */
    public Program() {
        super(new hip_program(null), "Program");
    }

    /**
     * The message of the last failed call ("" if none).
     *
     * @return the message
     */
    public String lastError() {
        return proxy().last_error();
    }

    /**
     * Starts a draft for a new version with a copy of the latest version's exercises.
     *
     * @param effective       the day it takes effect (not before the latest version's)
     * @param sessionsPerWeek 1..14
     * @param note            why the version is made, or null
     * @throws HipException {@link Status#STATE} when a draft is open
     */
    public void begin(CivilDate effective, int sessionsPerWeek, String note) {
        proxy().begin(Values.nonNull(effective, "effective").dayNumber(), Values.u32(sessionsPerWeek), note);
    }

    /**
     * Adds an exercise to the draft (once per side).
     *
     * @param p the prescription (copied)
     * @throws HipException {@link Status#INVALID} naming the field, {@link Status#EXISTS}, {@link
     *     Status#STATE} without a draft
     */
    public void add(Prescription p) {
        hip_program h = proxy();
        try (hip_prescription n = Values.nonNull(p, "prescription").toNative()) {
            h.add(n);
        }
    }

    /**
     * Replaces the draft's exercise at index.
     *
     * @param index the position in the draft
     * @param p     the prescription (copied)
     */
    public void replace(int index, Prescription p) {
        hip_program h = proxy();
        try (hip_prescription n = Values.nonNull(p, "prescription").toNative()) {
            h.replace(index, n);
        }
    }

    /**
     * Removes the draft's exercise at index.
     *
     * @param index the position in the draft
     */
    public void remove(int index) {
        proxy().remove(index);
    }

    /**
     * The draft's exercises.
     *
     * @return an unmodifiable list of copies
     * @throws HipException {@link Status#STATE} without a draft
     */
    public List<Prescription> draft() {
        hip_program h = proxy();
        long[] n = new long[1];
        h.draft_count(n);
        List<Prescription> list = new ArrayList<>((int) n[0]);
        try (hip_prescription p = new hip_prescription("")) {
            for (int i = 0; i < n[0]; i++) {
                h.draft_at(i, p);
                list.add(Prescription.from(p));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** Appends the draft (at least one exercise) as a new version and closes it. */
    public void commit() {
        proxy().commit();
    }

    /** Drops the draft. */
    public void discard() {
        proxy().discard();
    }

    /**
     * The number of committed versions.
     *
     * @return the count
     */
    public int versionCount() {
        return (int) proxy().version_count();
    }

    /**
     * A committed version; index 0 is version 1.
     *
     * @param index 0..versionCount()-1
     * @return the version
     * @throws HipException {@link Status#RANGE} past the end
     */
    public ProgramVersion version(int index) {
        hip_program h = proxy();
        try (hip_program_version v = new hip_program_version()) {
            h.version_at(index, v);
            return ProgramVersion.from(v);
        }
    }

    /**
     * Every committed version, oldest first.
     *
     * @return an unmodifiable list
     */
    public List<ProgramVersion> versions() {
        int n = versionCount();
        List<ProgramVersion> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(version(i));
        return Collections.unmodifiableList(list);
    }

    /**
     * The exercises of a committed version.
     *
     * @param versionIndex 0..versionCount()-1
     * @return an unmodifiable list of copies
     */
    public List<Prescription> exercises(int versionIndex) {
        hip_program h = proxy();
        int n = version(versionIndex).exerciseCount;
        List<Prescription> list = new ArrayList<>(n);
        try (hip_prescription p = new hip_prescription("")) {
            for (int i = 0; i < n; i++) {
                h.exercise_at(versionIndex, i, p);
                list.add(Prescription.from(p));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The index of the version in force on a day (the latest effective on or before it).
     *
     * @param day the day
     * @return the version index, or -1 before the first version
     */
    public int versionOn(CivilDate day) {
        hip_program h = proxy();
        long[] index = new long[1];
        try {
            h.version_on(Values.nonNull(day, "day").dayNumber(), index);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return -1;
            throw e;
        }
        return (int) index[0];
    }

    /**
     * Checks every exercise id of every version against a catalog.
     *
     * @param catalog the catalog
     * @throws HipException {@link Status#NOT_FOUND} naming the first unknown id
     */
    public void check(Catalog catalog) {
        hip_program h = proxy();
        h.check(Values.nonNull(catalog, "catalog").proxy());
    }

    /**
     * Replaces the whole history with a {@code hiptrack.program} document; all or nothing.
     *
     * @param json the document
     * @throws HipException {@link Status#FORMAT} with line/column or field path, {@link
     *     Status#VERSION}, {@link Status#STATE} with a draft open
     */
    public void importJson(String json) {
        proxy().import_json(Values.utf8(json, "json"));
    }

    /**
     * The program as indented JSON.
     *
     * @return the document
     */
    public String exportJson() {
        final hip_program h = proxy();
        return Values.exportText(h::export_json);
    }
}
