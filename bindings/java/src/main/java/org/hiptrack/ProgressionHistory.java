package org.hiptrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hiptrack.internal.hip_checkin;
import org.hiptrack.internal.hip_progression_history;

/**
 * What progression rules read ({@code hip_progression_history}): the program (required), and
 * optionally the catalog (needed for advance/regress, "dose" bounds and the strength metric), the
 * finished sessions (any order; others are skipped), the pain log, the red-flag check-ins and the
 * range-of-motion assessments (with a normal table) of the {@code rom_*} metrics.
 * Handles are referenced, not copied: they must stay open while a {@link RuleSet} evaluates this
 * history, and are read as they are at that time (a closed one throws {@link Status#STATE}).
 *
 * <pre>{@code
 * ProgressionHistory h = new ProgressionHistory(program).catalog(catalog).painLog(log)
 *         .sessions(sessions).checkIns(checkIns);
 * }</pre>
 */
public final class ProgressionHistory {
    private final Program program;
    private Catalog catalog;
    private PainLog painLog;
    private final List<Session> sessions = new ArrayList<>();
    private final List<CheckIn> checkIns = new ArrayList<>();
    private AssessmentHistory assessments;
    private RomNormals romNormals;

    /**
     * A history of a program alone (no catalog, sessions, pain log or check-ins).
     *
     * @param program the member's program
     */
    public ProgressionHistory(Program program) {
        this.program = Values.nonNull(program, "program");
    }

    /**
     * Sets the catalog.
     *
     * @param catalog the catalog, or null for none
     * @return this history
     */
    public ProgressionHistory catalog(Catalog catalog) {
        this.catalog = catalog;
        return this;
    }

    /**
     * Sets the pain log (its {@code AVG_24H} and {@code NEXT_MORNING} entries are read).
     *
     * @param painLog the pain log, or null for none
     * @return this history
     */
    public ProgressionHistory painLog(PainLog painLog) {
        this.painLog = painLog;
        return this;
    }

    /**
     * Sets the range-of-motion assessments the {@code rom_*} metrics read.
     *
     * @param assessments the history, or null for none (the metrics are then unknown)
     * @return this history
     */
    public ProgressionHistory assessments(AssessmentHistory assessments) {
        this.assessments = assessments;
        return this;
    }

    /**
     * Sets the normal table of the {@code rom_*_pct} metrics.
     *
     * @param normals the table, or null for AAOS
     * @return this history
     */
    public ProgressionHistory romNormals(RomNormals normals) {
        this.romNormals = normals;
        return this;
    }

    /**
     * Adds sessions.
     *
     * @param sessions sessions (unfinished ones are skipped by the rules)
     * @return this history
     */
    public ProgressionHistory sessions(Iterable<Session> sessions) {
        for (Session s : Values.nonNull(sessions, "sessions")) addSession(s);
        return this;
    }

    /**
     * Adds one session.
     *
     * @param session a session
     * @return this history
     */
    public ProgressionHistory addSession(Session session) {
        sessions.add(Values.nonNull(session, "session"));
        return this;
    }

    /**
     * Adds check-ins (copied when evaluated).
     *
     * @param checkIns the check-ins
     * @return this history
     */
    public ProgressionHistory checkIns(Iterable<CheckIn> checkIns) {
        for (CheckIn c : Values.nonNull(checkIns, "checkIns")) addCheckIn(c);
        return this;
    }

    /**
     * Adds one check-in.
     *
     * @param checkIn a check-in
     * @return this history
     */
    public ProgressionHistory addCheckIn(CheckIn checkIn) {
        checkIns.add(Values.nonNull(checkIn, "checkIn"));
        return this;
    }

    /**
     * The program.
     *
     * @return the program
     */
    public Program program() {
        return program;
    }

    /**
     * The sessions added so far.
     *
     * @return an unmodifiable view
     */
    public List<Session> sessions() {
        return Collections.unmodifiableList(sessions);
    }

    /**
     * The check-ins added so far.
     *
     * @return an unmodifiable view
     */
    public List<CheckIn> checkIns() {
        return Collections.unmodifiableList(checkIns);
    }

    /** A new C history referencing the handles (valid while they are open); the caller closes it. */
    hip_progression_history toNative() {
        hip_progression_history h = romNormals == null ? new hip_progression_history()
                : new WithNormals(romNormals.toNative());
        try {
            if (assessments != null) h.setAssessments(assessments.proxy());
            if (h instanceof WithNormals) h.setRom_normals(((WithNormals) h).normals);
            h.setProgram(program.proxy());
            if (catalog != null) h.setCatalog(catalog.proxy());
            if (painLog != null) h.setPainlog(painLog.proxy());
            for (Session s : sessions) h.add_session(s.proxy());
            for (CheckIn c : checkIns) {
                try (hip_checkin n = c.toNative()) {
                    h.add_checkin(n);
                }
            }
            return h;
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /** A C history that owns the normal table it points to (closed with it). */
    private static final class WithNormals extends hip_progression_history {
        final org.hiptrack.internal.hip_rom_normals normals;

        WithNormals(org.hiptrack.internal.hip_rom_normals normals) {
            this.normals = normals;
        }

        @Override
        public synchronized void delete() {
            super.delete();
            normals.close();
        }
    }
}
