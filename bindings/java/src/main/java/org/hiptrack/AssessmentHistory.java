package org.hiptrack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hiptrack.internal.hip_assess_history;
import org.hiptrack.internal.hip_assess_result;

/**
 * Range-of-motion results over time, in day order ({@code hip_assess_history}); JSON form {@code
 * hiptrack.assessment}. A {@link ProgressionHistory} can pass it to rules (the {@code rom_*}
 * metrics).
 */
public final class AssessmentHistory extends NativeHandle<hip_assess_history> {
    /** An empty history. */
    public AssessmentHistory() {
        super(new hip_assess_history(null), "AssessmentHistory");
    }

    /**
     * A history from a {@code hiptrack.assessment} document.
     *
     * @param json the document
     * @return the history
     * @throws HipException {@link Status#FORMAT} naming the field path
     */
    public static AssessmentHistory fromJson(String json) {
        AssessmentHistory h = new AssessmentHistory();
        try {
            h.importJson(json);
            return h;
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
    }

    /**
     * Adds a result (validated).
     *
     * @param result the result
     * @throws HipException {@link Status#INVALID} naming the field
     */
    public void add(AssessResult result) {
        hip_assess_history h = proxy();
        try (hip_assess_result r = Values.nonNull(result, "result").toNative()) {
            h.add(r);
        }
    }

    /**
     * The number of results.
     *
     * @return the count
     */
    public int count() {
        return (int) proxy().count();
    }

    /**
     * One result, oldest first.
     *
     * @param index 0..count()-1
     * @return the result
     * @throws HipException {@link Status#RANGE} past the end
     */
    public AssessResult get(int index) {
        hip_assess_history h = proxy();
        try (hip_assess_result r = new hip_assess_result()) {
            h.at(index, r);
            return new AssessResult(r);
        }
    }

    /**
     * All results, oldest first.
     *
     * @return a new list
     */
    public List<AssessResult> results() {
        List<AssessResult> out = new ArrayList<>();
        for (int i = 0; i < count(); i++) out.add(get(i));
        return out;
    }

    /**
     * The latest result of a motion and side on or before a day.
     *
     * @param motion the motion
     * @param side the side
     * @param day the day
     * @return the result, empty when there is none
     */
    public Optional<AssessResult> latest(RomMotion motion, AssessSide side, CivilDate day) {
        hip_assess_history h = proxy();
        try (hip_assess_result r = new hip_assess_result()) {
            try {
                h.latest(Values.nonNull(motion, "motion").value(), Values.nonNull(side, "side").value(),
                        Values.nonNull(day, "day").dayNumber(), r);
            } catch (HipException e) {
                if (e.code() == Status.NOT_FOUND) return Optional.empty();
                throw e;
            }
            return Optional.of(new AssessResult(r));
        }
    }

    /**
     * The change of range from the first to the latest result of a motion and side (on or before
     * a day).
     *
     * @param motion the motion
     * @param side the side
     * @param day the day
     * @return degrees, empty with fewer than two results
     */
    public OptionalDouble change(RomMotion motion, AssessSide side, CivilDate day) {
        double[] out = new double[1];
        try {
            proxy().change(Values.nonNull(motion, "motion").value(), Values.nonNull(side, "side").value(),
                    Values.nonNull(day, "day").dayNumber(), out);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return OptionalDouble.empty();
            throw e;
        }
        return OptionalDouble.of(out[0]);
    }

    /**
     * Replaces the history with a {@code hiptrack.assessment} document; all or nothing.
     *
     * @param json the document
     * @throws HipException {@link Status#FORMAT} naming the field path, {@link Status#VERSION}
     */
    public void importJson(String json) {
        proxy().import_json(Values.utf8(json, "json"));
    }

    /**
     * The history as a {@code hiptrack.assessment} document.
     *
     * @return the JSON text
     */
    public String exportJson() {
        hip_assess_history h = proxy();
        return Values.exportText((buf, len) -> h.export_json(buf, len));
    }

    /**
     * The library's message of the last failed call.
     *
     * @return the message, "" if none
     */
    public String lastError() {
        return proxy().last_error();
    }
}
