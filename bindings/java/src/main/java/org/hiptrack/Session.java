package org.hiptrack;

import org.hiptrack.internal.HiptrackNativeConstants;
import org.hiptrack.internal.hip_rep_event;
import org.hiptrack.internal.hip_session;
import org.hiptrack.internal.hip_session_config;
import org.hiptrack.internal.hip_session_exercise;
import org.hiptrack.internal.hip_session_info;
import org.hiptrack.internal.hip_session_rep;
import org.hiptrack.internal.hip_session_set;
import org.hiptrack.internal.hip_session_summary;

/**
 * One performed session ({@code hip_session}), built live: {@link #start}, {@link #addExercise} (or
 * {@link #planProgram}), {@link #addSet}, {@link #addRep(RepEvent)} per detector event, {@link
 * #finish}. A finished session is immutable: every edit then throws {@link Status#STATE}. JSON
 * form: {@code hiptrack.session}.
 *
 * <pre>{@code
 * try (Session session = new Session()) {
 *     session.start(startNs, 60);
 *     int bridge = session.addExercise(SessionExercise.fromPrescription(rx));
 *     session.addSet(bridge, new SessionSet());
 *     for (RepEvent rep : detector.events()) session.addRep(rep);
 *     session.finish(endNs, AbandonReason.NONE);
 *     SessionSummary summary = session.summary();
 * }
 * }</pre>
 *
 * The session's calendar day is that of its start in the member's local time and never changes.
 */
public final class Session extends NativeHandle<hip_session> {
    /** A pain or RPE that was not asked ({@code HIPTRACK_NOT_RECORDED}); never 0. */
    public static final int NOT_RECORDED = HiptrackNativeConstants.HIPTRACK_NOT_RECORDED;

    /** A new session with the default completion threshold (80 % of prescribed sets). */
    public Session() {
        super(create(null), "Session");
    }

    /**
     * A new session.
     *
     * @param completionThresholdPct a session is completed at this share of prescribed sets, 1..100
     * @throws HipException {@link Status#INVALID} outside 1..100
     */
    public Session(double completionThresholdPct) {
        super(create(completionThresholdPct), "Session");
    }

    private static hip_session create(Double pct) {
        try (hip_session_config c = new hip_session_config()) {
            if (pct != null) c.setCompletion_threshold_pct(pct);
            return new hip_session(c);
        }
    }

    /**
     * A finished session from a {@code hiptrack.session} document.
     *
     * @param json the document
     * @return a new session (the caller closes it)
     * @throws HipException {@link Status#FORMAT} with line/column or field path, {@link Status#VERSION}
     */
    public static Session fromJson(String json) {
        Session s = new Session();
        try {
            s.importJson(json);
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
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
     * NEW to RUNNING.
     *
     * @param startNs      the start instant, ns since 1970-01-01T00:00:00Z
     * @param utcOffsetMin the member's UTC offset at that moment, -1080..1080
     * @throws HipException {@link Status#RANGE} for the offset, {@link Status#STATE} when started
     */
    public void start(long startNs, int utcOffsetMin) {
        proxy().start(startNs, utcOffsetMin);
    }

    /**
     * Records the program version the session follows.
     *
     * @param versionNumber the version number, 1 or more
     * @param effective     that version's effective day
     */
    public void setProgram(int versionNumber, CivilDate effective) {
        hip_session h = proxy();
        h.set_program(Values.u32(versionNumber), Values.nonNull(effective, "effective").dayNumber());
    }

    /**
     * Records a program version and adds each of its exercises as prescribed (no sets yet).
     *
     * @param program      the program
     * @param versionIndex 0..versionCount()-1
     * @throws HipException {@link Status#STATE} once an exercise was added
     */
    public void planProgram(Program program, int versionIndex) {
        hip_session h = proxy();
        h.plan_program(Values.nonNull(program, "program").proxy(), versionIndex);
    }

    /**
     * Records the pain before, during (the worst) or after the session.
     *
     * @param moment when
     * @param pain   0..10
     * @throws HipException {@link Status#RANGE} outside 0..10 (nothing is clamped)
     */
    public void setPain(PainMoment moment, int pain) {
        hip_session h = proxy();
        h.set_pain(Values.nonNull(moment, "moment").value(), pain);
    }

    /**
     * Adds an exercise.
     *
     * @param exercise the exercise (copied)
     * @return its index
     * @throws HipException {@link Status#INVALID} naming the field, {@link Status#STATE} when not running
     */
    public int addExercise(SessionExercise exercise) {
        hip_session h = proxy();
        long[] index = new long[1];
        try (hip_session_exercise e = Values.nonNull(exercise, "exercise").toNative()) {
            h.add_exercise(e, index);
        }
        return (int) index[0];
    }

    /**
     * Starts a new set of an exercise; it becomes the current set that reps go to.
     *
     * @param exerciseIndex the exercise's index
     * @param set           load, RPE, pain (copied)
     * @throws HipException {@link Status#RANGE} for a bad index or value
     */
    public void addSet(int exerciseIndex, SessionSet set) {
        hip_session h = proxy();
        try (hip_session_set s = Values.nonNull(set, "set").toNative()) {
            h.add_set(exerciseIndex, s);
        }
    }

    /**
     * Replaces start, load, RPE and pain of the current set (e.g. RPE asked after the set).
     *
     * @param set the new values (copied)
     * @throws HipException {@link Status#STATE} without a current set
     */
    public void updateSet(SessionSet set) {
        hip_session h = proxy();
        try (hip_session_set s = Values.nonNull(set, "set").toNative()) {
            h.update_set(s);
        }
    }

    /**
     * Adds a rep to the current set.
     *
     * @param rep the rep (copied)
     * @throws HipException {@link Status#STATE} without a current set
     */
    public void addRep(SessionRep rep) {
        hip_session h = proxy();
        try (hip_session_rep r = Values.nonNull(rep, "rep").toNative()) {
            h.add_rep(r);
        }
    }

    /**
     * Adds a detector event as a rep of the current set.
     *
     * @param event the event
     * @throws HipException {@link Status#STATE} without a current set
     */
    public void addRep(RepEvent event) {
        hip_session h = proxy();
        try (hip_rep_event e = Values.nonNull(event, "event").toNative()) {
            h.add_rep_event(e);
        }
    }

    /**
     * Adds every event as a rep of the current set, in order.
     *
     * @param events the events
     * @return the number added
     */
    public int addReps(Iterable<RepEvent> events) {
        int n = 0;
        for (RepEvent e : Values.nonNull(events, "events")) {
            addRep(e);
            n++;
        }
        return n;
    }

    /**
     * RUNNING to FINISHED.
     *
     * @param endNs  the end instant, not before the start
     * @param reason {@link AbandonReason#NONE} when finished normally, else why it was abandoned
     * @throws HipException {@link Status#STATE} when not running, {@link Status#RANGE} for an end before the start
     */
    public void finish(long endNs, AbandonReason reason) {
        hip_session h = proxy();
        h.finish(endNs, Values.nonNull(reason, "reason").value());
    }

    /**
     * The state, times, day, program and pain.
     *
     * @return a copy
     */
    public SessionInfo info() {
        hip_session h = proxy();
        try (hip_session_info i = new hip_session_info()) {
            h.get_info(i);
            return new SessionInfo(i);
        }
    }

    /**
     * The state.
     *
     * @return NEW, RUNNING or FINISHED
     */
    public SessionState state() {
        return info().state;
    }

    /**
     * An exercise, with the number of sets logged.
     *
     * @param index 0..exerciseCount-1
     * @return a copy
     * @throws HipException {@link Status#RANGE} past the end
     */
    public SessionExercise exercise(int index) {
        hip_session h = proxy();
        try (hip_session_exercise e = new hip_session_exercise("")) {
            h.exercise_at(index, e);
            return SessionExercise.from(e);
        }
    }

    /**
     * A set, with the number of reps logged.
     *
     * @param exerciseIndex the exercise
     * @param setIndex      the set
     * @return a copy
     * @throws HipException {@link Status#RANGE} past the end
     */
    public SessionSet set(int exerciseIndex, int setIndex) {
        hip_session h = proxy();
        try (hip_session_set s = new hip_session_set()) {
            h.set_at(exerciseIndex, setIndex, s);
            return SessionSet.from(s);
        }
    }

    /**
     * A rep.
     *
     * @param exerciseIndex the exercise
     * @param setIndex      the set
     * @param repIndex      the rep
     * @return a copy
     * @throws HipException {@link Status#RANGE} past the end
     */
    public SessionRep rep(int exerciseIndex, int setIndex, int repIndex) {
        hip_session h = proxy();
        try (hip_session_rep r = new hip_session_rep()) {
            h.rep_at(exerciseIndex, setIndex, repIndex, r);
            return SessionRep.from(r);
        }
    }

    /**
     * Prescribed vs done, quality, time under tension; a running session as it stands.
     *
     * @return the summary
     * @throws HipException {@link Status#STATE} before start
     */
    public SessionSummary summary() {
        hip_session h = proxy();
        try (hip_session_summary s = new hip_session_summary()) {
            h.summarize(s);
            return new SessionSummary(s);
        }
    }

    /**
     * Loads a {@code hiptrack.session} document into a NEW session, which becomes FINISHED; all or
     * nothing.
     *
     * @param json the document
     * @throws HipException {@link Status#FORMAT} with line/column or field path, {@link
     *     Status#VERSION}, {@link Status#STATE} unless NEW
     */
    public void importJson(String json) {
        proxy().import_json(Values.utf8(json, "json"));
    }

    /**
     * The finished session as JSON.
     *
     * @return the document
     * @throws HipException {@link Status#STATE} unless FINISHED
     */
    public String exportJson() {
        final hip_session h = proxy();
        return Values.exportText(h::export_json);
    }
}
