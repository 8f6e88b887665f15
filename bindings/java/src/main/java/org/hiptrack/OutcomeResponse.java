package org.hiptrack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.HiptrackNativeConstants;
import org.hiptrack.internal.hip_mcid_config;
import org.hiptrack.internal.hip_outcome_change;
import org.hiptrack.internal.hip_outcome_config;
import org.hiptrack.internal.hip_outcome_item;
import org.hiptrack.internal.hip_outcome_response;
import org.hiptrack.internal.hip_outcome_result;
import org.hiptrack.internal.hip_outcome_scale_change;
import org.hiptrack.internal.hip_outcome_scale_score;
import org.hiptrack.internal.hip_psfs_activity_change;
import org.hiptrack.internal.hip_psfs_activity_score;

/**
 * One administration of an outcome questionnaire (CLINICAL.md §2), {@code hip_outcome_response}:
 * answers by stable item id ("P1", "A12", "SP4", "ACT1"), range-checked; a missing answer is a
 * state of its own, never 0. {@link #score()} gives one entry per scale (a scale that cannot be
 * scored is {@link OutcomeState#NOT_SCOREABLE}, never NaN); {@link #compare} compares two
 * administrations against MCID/MDC thresholds. JSON form: {@code hiptrack.outcome}.
 *
 * <pre>{@code
 * try (OutcomeResponse r = new OutcomeResponse(Instrument.HOOS_JR)) {
 *     r.setAnswer("P5", 2);
 *     OutcomeResponse.Score score = r.score();
 * }
 * }</pre>
 */
public final class OutcomeResponse extends NativeHandle<hip_outcome_response> {
    private static final int NAME_CAP = HiptrackNativeConstants.HIPTRACK_NAME_CAP;

    /** Item metadata ({@code hip_outcome_item}); topic is libhip's own short label. */
    public static final class Item {
        /** The stable item id. */
        public final String id;
        /** The lowest answer. */
        public final int min;
        /** The highest answer. */
        public final int max;
        /** The scale the item counts towards. */
        public final OutcomeScale scale;
        /** A short label ("" for the licence-gated instruments). */
        public final String topic;

        Item(hip_outcome_item i) {
            id = i.getId();
            min = i.getMin();
            max = i.getMax();
            scale = OutcomeScale.fromValue(i.getScale());
            topic = i.getTopic();
        }

        @Override
        public String toString() {
            return "Item[" + id + " " + min + ".." + max + "]";
        }
    }

    /** The score of one scale ({@code hip_outcome_scale_score}). */
    public static final class ScaleScore {
        /** The scale. */
        public final OutcomeScale scale;
        /** SCORED or NOT_SCOREABLE. */
        public final OutcomeState state;
        /** The score when SCORED, else 0. */
        public final double value;
        /** True except HOOS-PS in the original direction. */
        public final boolean higherIsBetter;
        /** Items of the scale (summary: 0). */
        public final int itemCount;
        /** Of them answered. */
        public final int answered;
        /** Sum of the answered items. */
        public final int rawSum;

        ScaleScore(hip_outcome_scale_score s) {
            scale = OutcomeScale.fromValue(s.getScale());
            state = OutcomeState.fromValue(s.getState());
            value = s.getValue();
            higherIsBetter = s.getHigher_is_better() != 0;
            itemCount = (int) s.getItem_count();
            answered = (int) s.getAnswered();
            rawSum = s.getRaw_sum();
        }

        /**
         * Whether the scale was scored.
         *
         * @return state == SCORED
         */
        public boolean scored() {
            return state == OutcomeState.SCORED;
        }

        @Override
        public String toString() {
            return scale.id() + (scored() ? "=" + value : " " + state);
        }
    }

    /** A rated PSFS activity ({@code hip_psfs_activity_score}). */
    public static final class ActivityScore {
        /** The slot id, "ACT1".."ACT5". */
        public final String id;
        /** 0..10. */
        public final int value;

        ActivityScore(hip_psfs_activity_score a) {
            id = a.getId();
            value = a.getValue();
        }
    }

    /** A scored administration ({@code hip_outcome_result}). */
    public static final class Score {
        /** The instrument scored. */
        public final Instrument instrument;
        /** The administration date, if set. */
        public final Optional<CivilDate> date;
        /** One entry per scale (unmodifiable). */
        public final List<ScaleScore> scales;
        /** PSFS: the rated activities in slot order (unmodifiable). */
        public final List<ActivityScore> activities;

        Score(hip_outcome_result r) {
            instrument = Instrument.fromValue(r.getInstrument());
            date = r.getHas_day() != 0 ? Optional.of(CivilDate.ofDayNumber(r.getDay())) : Optional.<CivilDate>empty();
            List<ScaleScore> s = new ArrayList<>();
            try (hip_outcome_scale_score o = new hip_outcome_scale_score()) {
                for (long i = 0; i < r.getScale_count(); i++) {
                    r.scale_at(i, o);
                    s.add(new ScaleScore(o));
                }
            }
            List<ActivityScore> a = new ArrayList<>();
            try (hip_psfs_activity_score o = new hip_psfs_activity_score()) {
                for (long i = 0; i < r.getActivity_count(); i++) {
                    r.activity_at(i, o);
                    a.add(new ActivityScore(o));
                }
            }
            scales = Collections.unmodifiableList(s);
            activities = Collections.unmodifiableList(a);
        }

        /**
         * The score of one scale.
         *
         * @param scale the scale
         * @return its entry
         * @throws HipException {@link Status#NOT_FOUND} when the instrument has no such scale
         */
        public ScaleScore scale(OutcomeScale scale) {
            for (ScaleScore s : scales)
                if (s.scale == scale) return s;
            throw new HipException(Status.NOT_FOUND.value(), instrument.id() + " has no scale " + scale.id());
        }

        @Override
        public String toString() {
            return "Score[" + instrument.id() + " " + scales + "]";
        }
    }

    /** The change of one scale ({@code hip_outcome_scale_change}). */
    public static final class ScaleChange {
        /** The scale. */
        public final OutcomeScale scale;
        /** SCORED when both sides are scored, else NOT_EVALUABLE. */
        public final OutcomeState state;
        /** The earlier score. */
        public final double before;
        /** The later score. */
        public final double after;
        /** Improvement (after - before on a higher-is-better scale). */
        public final double delta;
        /** The threshold applied (0 = none). */
        public final double threshold;
        /** The kind of threshold. */
        public final ChangeCriterion criterion;
        /** delta at least the threshold (threshold &gt; 0). */
        public final boolean improved;
        /** delta at most minus the threshold. */
        public final boolean worsened;

        ScaleChange(hip_outcome_scale_change c) {
            scale = OutcomeScale.fromValue(c.getScale());
            state = OutcomeState.fromValue(c.getState());
            before = c.getBefore();
            after = c.getAfter();
            delta = c.getDelta();
            threshold = c.getThreshold();
            criterion = ChangeCriterion.fromValue(c.getCriterion());
            improved = c.getImproved() != 0;
            worsened = c.getWorsened() != 0;
        }

        @Override
        public String toString() {
            return scale.id() + " " + state + " delta " + delta + (improved ? " improved" : "") + (worsened ? " worsened" : "");
        }
    }

    /** The change of one PSFS activity rated at both visits ({@code hip_psfs_activity_change}). */
    public static final class ActivityChange {
        /** The slot id. */
        public final String id;
        /** The earlier rating. */
        public final int before;
        /** The later rating. */
        public final int after;
        /** after - before. */
        public final int delta;
        /** delta at least the single-activity threshold. */
        public final boolean improved;
        /** delta at most minus that threshold. */
        public final boolean worsened;

        ActivityChange(hip_psfs_activity_change c) {
            id = c.getId();
            before = c.getBefore();
            after = c.getAfter();
            delta = c.getDelta();
            improved = c.getImproved() != 0;
            worsened = c.getWorsened() != 0;
        }
    }

    /** The comparison of two administrations ({@code hip_outcome_change}). */
    public static final class Change {
        /** The instrument. */
        public final Instrument instrument;
        /** One entry per scale (unmodifiable). */
        public final List<ScaleChange> scales;
        /** PSFS: activities rated at both visits (unmodifiable). */
        public final List<ActivityChange> activities;

        Change(hip_outcome_change c) {
            instrument = Instrument.fromValue(c.getInstrument());
            List<ScaleChange> s = new ArrayList<>();
            try (hip_outcome_scale_change o = new hip_outcome_scale_change()) {
                for (long i = 0; i < c.getScale_count(); i++) {
                    c.scale_at(i, o);
                    s.add(new ScaleChange(o));
                }
            }
            List<ActivityChange> a = new ArrayList<>();
            try (hip_psfs_activity_change o = new hip_psfs_activity_change()) {
                for (long i = 0; i < c.getActivity_count(); i++) {
                    c.activity_at(i, o);
                    a.add(new ActivityChange(o));
                }
            }
            scales = Collections.unmodifiableList(s);
            activities = Collections.unmodifiableList(a);
        }

        /**
         * The change of one scale.
         *
         * @param scale the scale
         * @return its entry
         * @throws HipException {@link Status#NOT_FOUND} when the instrument has no such scale
         */
        public ScaleChange scale(OutcomeScale scale) {
            for (ScaleChange s : scales)
                if (s.scale == scale) return s;
            throw new HipException(Status.NOT_FOUND.value(), instrument.id() + " has no scale " + scale.id());
        }
    }

    /**
     * Change thresholds by scale ({@code hip_mcid_config}); the constructor gives the library's
     * defaults (HOOS-12 MCID 24, PSFS MDC 2 for the mean and 3 for one activity, others none).
     */
    public static final class Thresholds {
        /** Threshold per scale, points (0 = none); every scale has an entry. */
        public final Map<OutcomeScale, Double> threshold = new EnumMap<>(OutcomeScale.class);
        /** The kind of each scale's threshold. */
        public final Map<OutcomeScale, ChangeCriterion> criterion = new EnumMap<>(OutcomeScale.class);
        /** Single-activity PSFS threshold. */
        public double psfsActivityThreshold;
        /** Its kind. */
        public ChangeCriterion psfsActivityCriterion;

        /** The library's defaults. */
        public Thresholds() {
            try (hip_mcid_config c = new hip_mcid_config()) {
                for (OutcomeScale s : OutcomeScale.values()) {
                    threshold.put(s, c.threshold_of(s.value()));
                    criterion.put(s, ChangeCriterion.fromValue(c.criterion_of(s.value())));
                }
                psfsActivityThreshold = c.getPsfs_activity_threshold();
                psfsActivityCriterion = ChangeCriterion.fromValue(c.getPsfs_activity_criterion());
            }
        }

        /**
         * Sets one scale's threshold.
         *
         * @param scale     the scale
         * @param points    the threshold, 0 or more (0 = none)
         * @param criterion its kind
         * @return this
         */
        public Thresholds set(OutcomeScale scale, double points, ChangeCriterion criterion) {
            threshold.put(Values.nonNull(scale, "scale"), points);
            this.criterion.put(scale, Values.nonNull(criterion, "criterion"));
            return this;
        }

        hip_mcid_config toNative() {
            hip_mcid_config c = new hip_mcid_config();
            try {
                for (OutcomeScale s : OutcomeScale.values()) {
                    Double t = threshold.get(s);
                    ChangeCriterion k = criterion.get(s);
                    c.set_threshold(s.value(), t == null ? 0.0 : t, k == null ? ChangeCriterion.NONE.value() : k.value());
                }
                c.setPsfs_activity_threshold(psfsActivityThreshold);
                c.setPsfs_activity_criterion(Values.nonNull(psfsActivityCriterion, "psfsActivityCriterion").value());
                return c;
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
        }
    }

    /**
     * An empty administration (every answer missing, no date) with the default rules.
     *
     * @param instrument the questionnaire
     */
    public OutcomeResponse(Instrument instrument) {
        this(instrument, HoosMissingRule.MISSING_2013, HoosPsDirection.HOOS_ALIGNED);
    }

    /**
     * An empty administration.
     *
     * @param instrument  the questionnaire
     * @param missingRule the HOOS missing-item rule
     * @param direction   the HOOS-PS direction
     */
    public OutcomeResponse(Instrument instrument, HoosMissingRule missingRule, HoosPsDirection direction) {
        super(create(instrument, missingRule, direction), "OutcomeResponse");
    }

    private static hip_outcome_response create(Instrument i, HoosMissingRule r, HoosPsDirection d) {
        try (hip_outcome_config c = new hip_outcome_config()) {
            c.setInstrument(Values.nonNull(i, "instrument").value());
            c.setHoos_missing_rule(Values.nonNull(r, "missingRule").value());
            c.setHoos_ps_direction(Values.nonNull(d, "direction").value());
            return new hip_outcome_response(c);
        }
    }

    /**
     * An administration from a {@code hiptrack.outcome} document.
     *
     * @param json the document
     * @return a new response (the caller closes it)
     * @throws HipException {@link Status#FORMAT} with line/column or field path
     */
    public static OutcomeResponse fromJson(String json) {
        OutcomeResponse r = new OutcomeResponse(Instrument.HOOS);
        try {
            r.importJson(json);
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /**
     * The items of an instrument, in order.
     *
     * @param instrument the instrument
     * @return an unmodifiable list
     */
    public static List<Item> items(Instrument instrument) {
        int v = Values.nonNull(instrument, "instrument").value();
        long n = HiptrackNative.hip_outcome_item_count(v);
        List<Item> list = new ArrayList<>();
        try (hip_outcome_item o = new hip_outcome_item()) {
            for (long i = 0; i < n; i++) {
                HiptrackNative.hip_outcome_item_at(v, i, o);
                list.add(new Item(o));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * One item of an instrument.
     *
     * @param instrument the instrument
     * @param itemId     the item id
     * @return the item
     * @throws HipException {@link Status#NOT_FOUND} for an id the instrument does not have
     */
    public static Item item(Instrument instrument, String itemId) {
        try (hip_outcome_item o = new hip_outcome_item()) {
            HiptrackNative.hip_outcome_item_find(Values.nonNull(instrument, "instrument").value(),
                    Values.nonNull(itemId, "itemId"), o);
            return new Item(o);
        }
    }

    /**
     * Whether this build scores an instrument (iHOT-12 and Oxford need the licence option).
     *
     * @param instrument the instrument
     * @return true when scoring is available
     */
    public static boolean available(Instrument instrument) {
        return HiptrackNative.hip_outcome_instrument_available(Values.nonNull(instrument, "instrument").value()) != 0;
    }

    /**
     * Compares two administrations of the same instrument with the default thresholds.
     *
     * @param before the earlier administration
     * @param after  the later one
     * @return the change per scale
     * @throws HipException {@link Status#INVALID} for different instruments
     */
    public static Change compare(OutcomeResponse before, OutcomeResponse after) {
        return compare(before, after, null);
    }

    /**
     * Compares two administrations of the same instrument (and HOOS-PS direction).
     *
     * @param before     the earlier administration
     * @param after      the later one
     * @param thresholds the thresholds, or null for the defaults
     * @return the change per scale
     * @throws HipException {@link Status#INVALID} for different instruments or bad thresholds
     */
    public static Change compare(OutcomeResponse before, OutcomeResponse after, Thresholds thresholds) {
        hip_outcome_response b = Values.nonNull(before, "before").proxy();
        hip_outcome_response a = Values.nonNull(after, "after").proxy();
        try (hip_outcome_result rb = new hip_outcome_result();
             hip_outcome_result ra = new hip_outcome_result();
             hip_outcome_change out = new hip_outcome_change();
             hip_mcid_config m = thresholds == null ? null : thresholds.toNative()) {
            b.score(rb);
            a.score(ra);
            HiptrackNative.hip_outcome_compare(rb, ra, m, out);
            return new Change(out);
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
     * The instrument (an import may change it).
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return Instrument.fromValue(proxy().instrument());
    }

    /** Marks every answer missing and clears activity names and the date. */
    public void clear() {
        proxy().clear();
    }

    /**
     * Sets an answer.
     *
     * @param itemId the item id ("P1")
     * @param value  an integer in the item's range
     * @throws HipException {@link Status#NOT_FOUND} for an unknown id, {@link Status#RANGE} naming
     *     the item and its range
     */
    public void setAnswer(String itemId, int value) {
        hip_outcome_response h = proxy();
        h.set_answer(Values.nonNull(itemId, "itemId"), value);
    }

    /**
     * Marks an answer missing.
     *
     * @param itemId the item id
     * @throws HipException {@link Status#NOT_FOUND} for an unknown id
     */
    public void setMissing(String itemId) {
        hip_outcome_response h = proxy();
        h.set_missing(Values.nonNull(itemId, "itemId"));
    }

    /**
     * An answer.
     *
     * @param itemId the item id
     * @return the answer, or empty when missing (never 0 for missing)
     * @throws HipException {@link Status#NOT_FOUND} for an unknown id
     */
    public OptionalInt answer(String itemId) {
        hip_outcome_response h = proxy();
        int[] out = new int[1];
        h.get_answer(Values.nonNull(itemId, "itemId"), out);
        return out[0] == HiptrackNativeConstants.HIPTRACK_OUTCOME_MISSING ? OptionalInt.empty() : OptionalInt.of(out[0]);
    }

    /**
     * PSFS only: the patient's name for an activity slot ("" clears it).
     *
     * @param itemId "ACT1".."ACT5"
     * @param name   app text
     * @throws HipException {@link Status#STATE} for another instrument
     */
    public void setActivityName(String itemId, String name) {
        hip_outcome_response h = proxy();
        h.set_activity_name(Values.nonNull(itemId, "itemId"), Values.nonNull(name, "name"));
    }

    /**
     * The name of an activity slot.
     *
     * @param itemId "ACT1".."ACT5"
     * @return the name ("" if none)
     */
    public String activityName(String itemId) {
        hip_outcome_response h = proxy();
        byte[] buf = new byte[NAME_CAP];
        h.get_activity_name(Values.nonNull(itemId, "itemId"), buf);
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Sets the administration date.
     *
     * @param date the date
     */
    public void setDate(CivilDate date) {
        hip_outcome_response h = proxy();
        h.set_date(Values.nonNull(date, "date").dayNumber());
    }

    /** Clears the administration date. */
    public void clearDate() {
        proxy().clear_date();
    }

    /**
     * The administration date.
     *
     * @return the date, or empty when none is set
     */
    public Optional<CivilDate> date() {
        hip_outcome_response h = proxy();
        int[] out = new int[1];
        try {
            h.get_date(out);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return Optional.empty();
            throw e;
        }
        return Optional.of(CivilDate.ofDayNumber(out[0]));
    }

    /**
     * Scores the instrument.
     *
     * @return one entry per scale
     * @throws HipException {@link Status#UNSUPPORTED} for a licence-gated instrument not in this build
     */
    public Score score() {
        hip_outcome_response h = proxy();
        try (hip_outcome_result r = new hip_outcome_result()) {
            h.score(r);
            return new Score(r);
        }
    }

    /**
     * Scores another instrument from the same answers (a full HOOS also yields HOOS-12, HOOS JR and
     * HOOS-PS).
     *
     * @param instrument the instrument to score
     * @return one entry per scale
     * @throws HipException {@link Status#INVALID} for other pairs
     */
    public Score scoreAs(Instrument instrument) {
        hip_outcome_response h = proxy();
        try (hip_outcome_result r = new hip_outcome_result()) {
            h.score_as(Values.nonNull(instrument, "instrument").value(), r);
            return new Score(r);
        }
    }

    /**
     * Replaces the administration (instrument included) with a {@code hiptrack.outcome} document.
     *
     * @param json the document
     * @throws HipException {@link Status#FORMAT} with line/column or field path, {@link Status#VERSION}
     */
    public void importJson(String json) {
        proxy().import_json(Values.utf8(json, "json"));
    }

    /**
     * The administration as JSON (missing answers left out).
     *
     * @return the document
     */
    public String exportJson() {
        final hip_outcome_response h = proxy();
        return Values.exportText(h::export_json);
    }
}
