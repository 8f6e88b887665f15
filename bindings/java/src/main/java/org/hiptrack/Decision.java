package org.hiptrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.hip_prescription;
import org.hiptrack.internal.hip_progression_decision;
import org.hiptrack.internal.hip_progression_input;

/**
 * What progression rules decided for one prescribed exercise ({@code hip_progression_decision}),
 * with its explanation: the deciding rule, its inputs and their values, the prescription before and
 * after, and one human sentence ({@link #text}). {@link #apply} commits it as a new program version.
 */
public final class Decision {
    /** One comparison of the deciding rule, as evaluated ({@code hip_progression_input}). */
    public static final class Input {
        /** The metric ("pain_during"). */
        public final String metric;
        /** How the window's values were combined ({@link Aggregate#NONE} without a window). */
        public final Aggregate aggregate;
        /** N of "over last N sessions|days"; 0 without a window. */
        public final int window;
        /** The unit of the window. */
        public final WindowUnit windowUnit;
        /** False when data was missing (then {@link #value} is 0). */
        public final boolean known;
        /** The metric's value. */
        public final double value;
        /** The comparison. */
        public final Comparison comparison;
        /** The threshold compared with (0 for {@link Comparison#KNOWN}). */
        public final double threshold;
        /** The parameter the threshold came from, "" for a number in the text. */
        public final String thresholdParam;
        /** The comparison's result: 1 true, 0 false, -1 unknown. */
        public final int result;

        Input(hip_progression_input in) {
            metric = in.getMetric();
            aggregate = Aggregate.fromValue(in.getAggregate());
            window = (int) in.getWindow();
            windowUnit = WindowUnit.fromValue(in.getWindow_unit());
            known = in.getKnown() != 0;
            value = in.getValue();
            comparison = Comparison.fromValue(in.getComparison());
            threshold = in.getThreshold();
            thresholdParam = in.getThreshold_param();
            result = in.getResult();
        }

        @Override
        public String toString() {
            return (aggregate == Aggregate.NONE ? "" : aggregate.id() + " ") + metric
                    + (window == 0 ? "" : " over last " + window + (windowUnit == WindowUnit.SESSIONS ? " sessions" : " days"))
                    + " = " + (known ? String.valueOf(value) : "unknown") + " " + comparison.id()
                    + (comparison == Comparison.KNOWN ? "" : " " + threshold)
                    + (thresholdParam.isEmpty() ? "" : " (" + thresholdParam + ")")
                    + " -> " + (result == 1 ? "true" : result == 0 ? "false" : "unknown");
        }
    }

    /** Evaluated as of the end of this local day. */
    public final CivilDate day;
    /** When an applied change takes effect: the day after {@link #day}. */
    public final CivilDate effectiveDay;
    /** The number of the program version evaluated. */
    public final int programVersion;
    /** The exercise's index in that version. */
    public final int exerciseIndex;
    /** The deciding rule's id; "" when none fired. */
    public final String ruleId;
    /** The deciding rule's class ({@link RuleClass#KEEP} when none fired). */
    public final RuleClass ruleClass;
    /** The deciding rule's priority. */
    public final int priority;
    /** What the decision does. */
    public final ProgressionAction action;
    /** The field changed, for {@link ProgressionAction#CHANGE}; else {@link ProgressionVariable#NONE}. */
    public final ProgressionVariable variable;
    /** True when the rule fired but none of its alternatives could change the prescription. */
    public final boolean limited;
    /** The red flags not yet cleared as of {@link #day}: RF-n is bit n-1. */
    public final int redFlags;
    /** The highest tier of those red flags. */
    public final RedFlagTier redFlagTier;
    /** The deciding rule's comparisons as evaluated (unmodifiable). */
    public final List<Input> inputs;
    /** One sentence (UTF-8), also the note of the version {@link #apply} makes. */
    public final String text;

    /* Private copies: what the caller sees (before(), after()) cannot change what apply commits. */
    private final Prescription before;
    private final Prescription after;

    private Decision(hip_progression_decision d) {
        day = CivilDate.ofDayNumber(d.getDay());
        effectiveDay = CivilDate.ofDayNumber(d.getEffective_day());
        programVersion = (int) d.getProgram_version();
        exerciseIndex = (int) d.getExercise_index();
        ruleId = d.getRule_id();
        ruleClass = RuleClass.fromValue(d.getRule_class());
        priority = d.getPriority();
        action = ProgressionAction.fromValue(d.getAction());
        variable = ProgressionVariable.fromValue(d.getVariable());
        limited = d.getLimited() != 0;
        before = Prescription.from(d.getBefore());
        after = Prescription.from(d.getAfter());
        redFlags = (int) d.getRed_flags();
        redFlagTier = RedFlagTier.fromValue(d.getRed_flag_tier());
        int n = (int) d.getInput_count();
        List<Input> list = new ArrayList<>(n);
        try (hip_progression_input in = new hip_progression_input()) {
            for (int i = 0; i < n; i++) {
                d.input_at(i, in);
                list.add(new Input(in));
            }
        }
        inputs = Collections.unmodifiableList(list);
        text = d.getText();
    }

    static Decision from(hip_progression_decision d) {
        return new Decision(d);
    }

    /**
     * The prescription evaluated.
     *
     * @return a copy
     */
    public Prescription before() {
        return copy(before);
    }

    /**
     * The prescription after the decision (equal to {@link #before()} unless the action is CHANGE,
     * ADVANCE or REGRESS).
     *
     * @return a copy
     */
    public Prescription after() {
        return copy(after);
    }

    /**
     * Whether the decision changes the prescription (CHANGE, ADVANCE or REGRESS).
     *
     * @return true when {@link #apply} would commit a version
     */
    public boolean changes() {
        return action == ProgressionAction.CHANGE || action == ProgressionAction.ADVANCE
                || action == ProgressionAction.REGRESS;
    }

    /**
     * Whether RF-n is among the open red flags.
     *
     * @param n 1..16
     * @return true when bit n-1 of {@link #redFlags} is set
     */
    public boolean hasRedFlag(int n) {
        return n >= 1 && n <= 32 && (redFlags & (1 << (n - 1))) != 0;
    }

    /**
     * Commits a new program version effective on {@link #effectiveDay}, with {@link #after()} in
     * place of the exercise and {@link #text} as its note; history is never edited. The decisions
     * of one evaluation can be applied one after the other, but none twice.
     *
     * @param program the program evaluated
     * @param catalog the catalog, to check an advance/regress target; or null to skip the check
     * @return true when a version was committed; false for KEEP, PAUSE and REFER (nothing to apply)
     * @throws HipException {@link Status#STATE} when a draft is open or the decision is stale (the
     *     latest version no longer prescribes {@link #before()} at {@link #exerciseIndex}), {@link
     *     Status#NOT_FOUND} when the advance/regress target is not in the catalog
     */
    public boolean apply(Program program, Catalog catalog) {
        Values.nonNull(program, "program");
        try (hip_progression_decision d = toNative()) {
            int st = HiptrackNative.hip__bind_progression_apply(d, catalog == null ? null : catalog.proxy(),
                    program.proxy());
            return st == Status.OK.value();
        }
    }

    private hip_progression_decision toNative() {
        hip_progression_decision d = new hip_progression_decision();
        try (hip_prescription b = before.toNative(); hip_prescription a = after.toNative()) {
            d.setDay(day.dayNumber());
            d.setEffective_day(effectiveDay.dayNumber());
            d.setProgram_version(Values.u32(programVersion));
            d.setExercise_index(exerciseIndex);
            d.setRule_id(ruleId);
            d.setRule_class(ruleClass.value());
            d.setPriority(priority);
            d.setAction(action.value());
            d.setVariable(variable.value());
            d.setLimited(limited ? 1 : 0);
            d.setBefore(b);
            d.setAfter(a);
            d.setRed_flags(Values.u32(redFlags));
            d.setRed_flag_tier(redFlagTier.value());
            d.setText(text);
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private static Prescription copy(Prescription p) {
        try (hip_prescription n = p.toNative()) {
            return Prescription.from(n);
        }
    }

    @Override
    public String toString() {
        return "Decision[" + before.exerciseId + " " + action + (ruleId.isEmpty() ? "" : " by " + ruleId)
                + ": " + text + "]";
    }
}
