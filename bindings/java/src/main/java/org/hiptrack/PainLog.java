package org.hiptrack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.HiptrackNativeConstants;
import org.hiptrack.internal.hip_pain_baseline;
import org.hiptrack.internal.hip_pain_change;
import org.hiptrack.internal.hip_pain_cohort;
import org.hiptrack.internal.hip_pain_entry;
import org.hiptrack.internal.hip_pain_pattern_result;
import org.hiptrack.internal.hip_pain_window;
import org.hiptrack.internal.hip_painlog;
import org.hiptrack.internal.hip_painlog_config;

/**
 * A member's pain log ({@code hip_painlog}): 0-10 NRS entries in time order and the analytics over
 * them (baseline, rolling mean, change and responder verdicts of CLINICAL.md §1.3, flares §3.5,
 * morning vs night pattern). Days are the member's local days. Nothing returns NaN: an analytic
 * without data throws {@link Status#NOT_FOUND}, a percent change at baseline 0 is {@link
 * PainVerdict#NOT_EVALUABLE}. JSON form: {@code hiptrack.painlog}.
 *
 * <pre>{@code
 * try (PainLog log = new PainLog()) {
 *     log.add(new PainEntry(tNs, 60, 4, PainContext.AVG_24H));
 *     PainLog.Baseline b = log.baseline(PainContext.AVG_24H);
 * }
 * }</pre>
 */
public final class PainLog extends NativeHandle<hip_painlog> {
    private static final int F_SIZE = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_SIZE;
    private static final int F_START = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_START_DAY;
    private static final int F_ON = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_ON_DAY;
    private static final int F_LAST = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_LAST_DAY;
    private static final int F_OFF = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_OFF_DAY;
    private static final int F_ONGOING = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_ONGOING;
    private static final int F_ESCALATE = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_ESCALATE;
    private static final int F_BASELINE = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_BASELINE;
    private static final int F_PEAK = (int) HiptrackNativeConstants.HIP_PAIN_FLARE_OFF_PEAK_NRS;

    /** The thresholds ({@code hip_painlog_config}); the constructor gives the library's defaults. */
    public static final class Config {
        /** Baseline rule: 0 = mean of the first days, 1 = first entry. */
        public int baselineRule;
        /** Days of the baseline, 1..366. */
        public int baselineDays;
        /** Window of the rolling mean, 1..366. */
        public int rollingDays;
        /** RESP-PCT threshold, percent. */
        public double respPct;
        /** RESP-ABS threshold, NRS points. */
        public double respAbs;
        /** RESP-MIN, NRS points. */
        public double minAbs;
        /** RESP-MIN, percent. */
        public double minPct;
        /** WORSE-ABS, NRS points. */
        public double worseAbs;
        /** Which criterion makes a responder. */
        public PainCriterion responderCriterion;
        /** FLARE-ON rise over the baseline. */
        public double flareRise;
        /** FLARE-OFF margin over the baseline. */
        public double flareOffMargin;
        /** Consecutive daily logs for on and off, 1..30. */
        public int flareSustainLogs;
        /** Flare baseline: 0 = rolling, 1 = fixed. */
        public int flareBaseline;
        /** Rolling flare baseline window, days, 1..31. */
        public int flareWindowDays;
        /** Days needed in that window. */
        public int flareMinLogs;
        /** A flare longer than this is LONG. */
        public int flareLongDays;
        /** The n-th flare within flareFrequentDays is FREQUENT. */
        public int flareFrequentCount;
        /** Window of FREQUENT, days. */
        public int flareFrequentDays;
        /** Chronic iff duration exceeds this many days. */
        public int chronicAfterDays;
        /** 3-band mode: subacute from this many days. */
        public int subacuteFromDays;
        /** 2 (acute/chronic) or 3. */
        public int durationBands;
        /** Morning vs night: minimum difference of the means. */
        public double patternMinDiff;
        /** Morning vs night: entries needed in each group. */
        public int patternMinEntries;

        /** The library's defaults. */
        public Config() {
            try (hip_painlog_config c = new hip_painlog_config()) {
                baselineRule = c.getBaseline_rule();
                baselineDays = (int) c.getBaseline_days();
                rollingDays = (int) c.getRolling_days();
                respPct = c.getResp_pct();
                respAbs = c.getResp_abs();
                minAbs = c.getMin_abs();
                minPct = c.getMin_pct();
                worseAbs = c.getWorse_abs();
                responderCriterion = PainCriterion.fromValue(c.getResponder_criterion());
                flareRise = c.getFlare_rise();
                flareOffMargin = c.getFlare_off_margin();
                flareSustainLogs = (int) c.getFlare_sustain_logs();
                flareBaseline = c.getFlare_baseline();
                flareWindowDays = (int) c.getFlare_window_days();
                flareMinLogs = (int) c.getFlare_min_logs();
                flareLongDays = (int) c.getFlare_long_days();
                flareFrequentCount = (int) c.getFlare_frequent_count();
                flareFrequentDays = (int) c.getFlare_frequent_days();
                chronicAfterDays = c.getChronic_after_days();
                subacuteFromDays = c.getSubacute_from_days();
                durationBands = (int) c.getDuration_bands();
                patternMinDiff = c.getPattern_min_diff();
                patternMinEntries = (int) c.getPattern_min_entries();
            }
        }

        hip_painlog_config toNative() {
            hip_painlog_config c = new hip_painlog_config();
            try {
                c.setBaseline_rule(baselineRule);
                c.setBaseline_days(Values.u32(baselineDays));
                c.setRolling_days(Values.u32(rollingDays));
                c.setResp_pct(respPct);
                c.setResp_abs(respAbs);
                c.setMin_abs(minAbs);
                c.setMin_pct(minPct);
                c.setWorse_abs(worseAbs);
                c.setResponder_criterion(Values.nonNull(responderCriterion, "responderCriterion").value());
                c.setFlare_rise(flareRise);
                c.setFlare_off_margin(flareOffMargin);
                c.setFlare_sustain_logs(Values.u32(flareSustainLogs));
                c.setFlare_baseline(flareBaseline);
                c.setFlare_window_days(Values.u32(flareWindowDays));
                c.setFlare_min_logs(Values.u32(flareMinLogs));
                c.setFlare_long_days(Values.u32(flareLongDays));
                c.setFlare_frequent_count(Values.u32(flareFrequentCount));
                c.setFlare_frequent_days(Values.u32(flareFrequentDays));
                c.setChronic_after_days(chronicAfterDays);
                c.setSubacute_from_days(subacuteFromDays);
                c.setDuration_bands(Values.u32(durationBands));
                c.setPattern_min_diff(patternMinDiff);
                c.setPattern_min_entries(Values.u32(patternMinEntries));
                return c;
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
        }
    }

    /** The baseline ({@code hip_pain_baseline}). */
    public static final class Baseline {
        /** The baseline value, 0..10. */
        public final double nrs;
        /** First local day used. */
        public final CivilDate firstDay;
        /** Last local day used. */
        public final CivilDate lastDay;
        /** Days with an entry that were used. */
        public final int dayCount;
        /** Entries used. */
        public final int entryCount;

        Baseline(hip_pain_baseline b) {
            nrs = b.getNrs();
            firstDay = CivilDate.ofDayNumber(b.getFirst_day());
            lastDay = CivilDate.ofDayNumber(b.getLast_day());
            dayCount = (int) b.getDay_count();
            entryCount = (int) b.getEntry_count();
        }
    }

    /** A rolling window ({@code hip_pain_window}). */
    public static final class Window {
        /** Mean of the daily values in the window. */
        public final double meanNrs;
        /** First day of the window. */
        public final CivilDate firstDay;
        /** Last day of the window. */
        public final CivilDate lastDay;
        /** Days with an entry. */
        public final int dayCount;
        /** Entries. */
        public final int entryCount;

        Window(hip_pain_window w) {
            meanNrs = w.getMean_nrs();
            firstDay = CivilDate.ofDayNumber(w.getFirst_day());
            lastDay = CivilDate.ofDayNumber(w.getLast_day());
            dayCount = (int) w.getDay_count();
            entryCount = (int) w.getEntry_count();
        }
    }

    /** Change from baseline to follow-up with the §1.3 verdicts ({@code hip_pain_change}). */
    public static final class Change {
        /** The baseline. */
        public final double baseline;
        /** The follow-up. */
        public final double followup;
        /** baseline - followup (positive = better). */
        public final double deltaAbs;
        /** 100 x deltaAbs / baseline; 0 when not evaluable. */
        public final double deltaPct;
        /** YES when deltaPct is defined, NOT_EVALUABLE at baseline 0. */
        public final PainVerdict pctStatus;
        /** RESP-PCT. */
        public final PainVerdict respPct;
        /** RESP-ABS. */
        public final PainVerdict respAbs;
        /** RESP-MIN. */
        public final PainVerdict respMin;
        /** WORSE-ABS. */
        public final PainVerdict worseAbs;
        /** By the configured criterion. */
        public final PainVerdict responder;
        /** The criterion that decided responder. */
        public final PainCriterion criterion;

        Change(hip_pain_change c) {
            baseline = c.getBaseline();
            followup = c.getFollowup();
            deltaAbs = c.getDelta_abs();
            deltaPct = c.getDelta_pct();
            pctStatus = PainVerdict.fromValue(c.getPct_status());
            respPct = PainVerdict.fromValue(c.getResp_pct());
            respAbs = PainVerdict.fromValue(c.getResp_abs());
            respMin = PainVerdict.fromValue(c.getResp_min());
            worseAbs = PainVerdict.fromValue(c.getWorse_abs());
            responder = PainVerdict.fromValue(c.getResponder());
            criterion = PainCriterion.fromValue(c.getCriterion());
        }

        @Override
        public String toString() {
            return "Change[" + baseline + " -> " + followup + ", responder " + responder + "]";
        }
    }

    /** One flare ({@code hip_pain_flare}). */
    public static final class Flare {
        /** Escalation flag: lasted more than flareLongDays. */
        public static final int LONG = (int) HiptrackNativeConstants.HIPTRACK_PAIN_FLARE_LONG;
        /** Escalation flag: the n-th flare within flareFrequentDays. */
        public static final int FREQUENT = (int) HiptrackNativeConstants.HIPTRACK_PAIN_FLARE_FREQUENT;
        /** The first log of the sustained rise. */
        public final CivilDate startDay;
        /** FLARE-ON. */
        public final CivilDate onDay;
        /** The last log still in the flare. */
        public final CivilDate lastDay;
        /** FLARE-OFF, the resolving log; null while ongoing. */
        public final CivilDate offDay;
        /** Not resolved by the last log. */
        public final boolean ongoing;
        /** {@link #LONG} and {@link #FREQUENT} bits. */
        public final int escalate;
        /** The baseline it was measured against. */
        public final double baseline;
        /** The highest daily value. */
        public final double peakNrs;

        Flare(ByteBuffer b, int i) {
            int base = i * F_SIZE;
            startDay = CivilDate.ofDayNumber(b.getInt(base + F_START));
            onDay = CivilDate.ofDayNumber(b.getInt(base + F_ON));
            lastDay = CivilDate.ofDayNumber(b.getInt(base + F_LAST));
            ongoing = b.getInt(base + F_ONGOING) != 0;
            offDay = ongoing ? null : CivilDate.ofDayNumber(b.getInt(base + F_OFF));
            escalate = b.getInt(base + F_ESCALATE);
            baseline = b.getDouble(base + F_BASELINE);
            peakNrs = b.getDouble(base + F_PEAK);
        }

        @Override
        public String toString() {
            return "Flare[" + startDay + ".." + (ongoing ? "ongoing" : offDay.toString()) + ", peak " + peakNrs + "]";
        }
    }

    /** Morning vs night ({@code hip_pain_pattern_result}). */
    public static final class PatternResult {
        /** The pattern. */
        public final PainPattern pattern;
        /** Morning entries. */
        public final int morningCount;
        /** Night entries. */
        public final int nightCount;
        /** Their mean (0 without entries). */
        public final double morningMean;
        /** Their mean (0 without entries). */
        public final double nightMean;

        PatternResult(hip_pain_pattern_result p) {
            pattern = PainPattern.fromValue(p.getPattern());
            morningCount = (int) p.getMorning_count();
            nightCount = (int) p.getNight_count();
            morningMean = p.getMorning_mean();
            nightMean = p.getNight_mean();
        }
    }

    /** Cohort "% pain reduction" computed both ways of CLINICAL.md §1.4 ({@code hip_pain_cohort}). */
    public static final class Cohort {
        /** Members (ITT denominator). */
        public final int enrolled;
        /** Members with a follow-up. */
        public final int completers;
        /** OUT-PCT-RATIO over completers; empty without a completer or at mean baseline 0. */
        public final OptionalDouble pctRatio;
        /** OUT-PCT-MEAN over completers with baseline above 0; empty when none. */
        public final OptionalDouble pctMean;
        /** Members averaged by pctMean. */
        public final int pctMeanMembers;
        /** Completers left out of pctMean for baseline 0. */
        public final int pctMeanExcluded;
        /** RESP-PCT responders. */
        public final int respondersPct;
        /** RESP-ABS responders. */
        public final int respondersAbs;
        /** RESP-PCT rate over enrolled, percent; empty for no member. */
        public final OptionalDouble respPctRateItt;
        /** RESP-PCT rate over completers, percent; empty without a completer. */
        public final OptionalDouble respPctRateCompleters;
        /** RESP-ABS rate over enrolled, percent. */
        public final OptionalDouble respAbsRateItt;
        /** RESP-ABS rate over completers, percent. */
        public final OptionalDouble respAbsRateCompleters;

        Cohort(hip_pain_cohort c) {
            enrolled = (int) c.getEnrolled();
            completers = (int) c.getCompleters();
            pctRatio = c.getPct_ratio_valid() != 0 ? OptionalDouble.of(c.getPct_ratio()) : OptionalDouble.empty();
            pctMean = c.getPct_mean_valid() != 0 ? OptionalDouble.of(c.getPct_mean()) : OptionalDouble.empty();
            pctMeanMembers = (int) c.getPct_mean_members();
            pctMeanExcluded = (int) c.getPct_mean_excluded();
            respondersPct = (int) c.getResponders_pct();
            respondersAbs = (int) c.getResponders_abs();
            boolean itt = c.getRate_itt_valid() != 0, comp = c.getRate_completers_valid() != 0;
            respPctRateItt = itt ? OptionalDouble.of(c.getResp_pct_rate_itt()) : OptionalDouble.empty();
            respAbsRateItt = itt ? OptionalDouble.of(c.getResp_abs_rate_itt()) : OptionalDouble.empty();
            respPctRateCompleters = comp ? OptionalDouble.of(c.getResp_pct_rate_completers()) : OptionalDouble.empty();
            respAbsRateCompleters = comp ? OptionalDouble.of(c.getResp_abs_rate_completers()) : OptionalDouble.empty();
        }
    }

    /** A cohort member without a follow-up value ({@code HIPTRACK_PAIN_MISSING}). */
    public static final double MISSING = HiptrackNativeConstants.HIPTRACK_PAIN_MISSING;

    /** An empty log with the default thresholds. */
    public PainLog() {
        this(new Config());
    }

    /**
     * An empty log.
     *
     * @param config the thresholds (copied)
     * @throws HipException {@link Status#INVALID} for a threshold out of its domain
     */
    public PainLog(Config config) {
        super(create(config), "PainLog");
    }

    private static hip_painlog create(Config config) {
        try (hip_painlog_config c = Values.nonNull(config, "config").toNative()) {
            return new hip_painlog(c);
        }
    }

    /**
     * A log from a {@code hiptrack.painlog} document.
     *
     * @param json the document
     * @return a new log (the caller closes it)
     * @throws HipException {@link Status#FORMAT} with line/column or field path
     */
    public static PainLog fromJson(String json) {
        PainLog l = new PainLog();
        try {
            l.importJson(json);
            return l;
        } catch (RuntimeException e) {
            l.close();
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
     * Adds an entry in time order; the log is unchanged on failure.
     *
     * @param entry the entry (copied)
     * @throws HipException {@link Status#RANGE} for NRS or offset, {@link Status#INVALID} naming
     *     another field, {@link Status#EXISTS} for a duplicate
     */
    public void add(PainEntry entry) {
        hip_painlog h = proxy();
        try (hip_pain_entry e = Values.nonNull(entry, "entry").toNative()) {
            h.add(e);
        }
    }

    /**
     * Removes an entry.
     *
     * @param index 0..count()-1
     * @throws HipException {@link Status#RANGE} past the end
     */
    public void remove(int index) {
        proxy().remove(index);
    }

    /**
     * The number of entries.
     *
     * @return the count
     */
    public int count() {
        return (int) proxy().count();
    }

    /**
     * An entry, in time order.
     *
     * @param index 0..count()-1
     * @return a copy
     * @throws HipException {@link Status#RANGE} past the end
     */
    public PainEntry entry(int index) {
        hip_painlog h = proxy();
        try (hip_pain_entry e = new hip_pain_entry()) {
            h.entry_at(index, e);
            return PainEntry.from(e);
        }
    }

    /**
     * Every entry, in time order.
     *
     * @return an unmodifiable list of copies
     */
    public List<PainEntry> entries() {
        int n = count();
        List<PainEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(entry(i));
        return Collections.unmodifiableList(list);
    }

    /**
     * Replaces all entries with a {@code hiptrack.painlog} document; all or nothing.
     *
     * @param json the document
     * @throws HipException {@link Status#FORMAT} with line/column or field path, {@link
     *     Status#EXISTS} for a duplicate, {@link Status#VERSION}
     */
    public void importJson(String json) {
        proxy().import_json(Values.utf8(json, "json"));
    }

    /**
     * The log as JSON.
     *
     * @return the document
     */
    public String exportJson() {
        final hip_painlog h = proxy();
        return Values.exportText(h::export_json);
    }

    /**
     * The baseline of one context.
     *
     * @param context the recall window
     * @return the baseline
     * @throws HipException {@link Status#NOT_FOUND} without entries
     */
    public Baseline baseline(PainContext context) {
        hip_painlog h = proxy();
        try (hip_pain_baseline b = new hip_pain_baseline()) {
            h.baseline(Values.nonNull(context, "context").value(), b);
            return new Baseline(b);
        }
    }

    /**
     * The mean of the daily values of the rolling window ending on a day.
     *
     * @param context the recall window
     * @param day     the last day of the window
     * @return the window
     * @throws HipException {@link Status#NOT_FOUND} without entries in it
     */
    public Window rollingMean(PainContext context, CivilDate day) {
        hip_painlog h = proxy();
        try (hip_pain_window w = new hip_pain_window()) {
            h.rolling_mean(Values.nonNull(context, "context").value(), Values.nonNull(day, "day").dayNumber(), w);
            return new Window(w);
        }
    }

    /**
     * The change from the baseline to the rolling mean ending on a day, with the §1.3 verdicts.
     *
     * @param context the recall window
     * @param day     the follow-up day
     * @return the change
     * @throws HipException {@link Status#NOT_FOUND} without data
     */
    public Change changeOn(PainContext context, CivilDate day) {
        hip_painlog h = proxy();
        try (hip_pain_change c = new hip_pain_change()) {
            h.change_on(Values.nonNull(context, "context").value(), Values.nonNull(day, "day").dayNumber(), c);
            return new Change(c);
        }
    }

    /**
     * The flares of one context (CLINICAL.md §3.5), oldest first.
     *
     * @param context the recall window
     * @return an unmodifiable list
     * @throws HipException {@link Status#NOT_FOUND} without entries
     */
    public List<Flare> flares(PainContext context) {
        hip_painlog h = proxy();
        int ctx = Values.nonNull(context, "context").value();
        long[] count = new long[1];
        h.flares_into(ctx, null, count);
        ByteBuffer b = ByteBuffer.allocate((int) count[0] * F_SIZE).order(ByteOrder.nativeOrder());
        if (count[0] > 0) h.flares_into(ctx, b.array(), count);
        List<Flare> list = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) list.add(new Flare(b, i));
        return Collections.unmodifiableList(list);
    }

    /**
     * Morning vs night over a range of local days.
     *
     * @param context the recall window
     * @param from    the first day
     * @param to      the last day (inclusive)
     * @return the pattern
     */
    public PatternResult pattern(PainContext context, CivilDate from, CivilDate to) {
        hip_painlog h = proxy();
        try (hip_pain_pattern_result p = new hip_pain_pattern_result()) {
            h.pattern(Values.nonNull(context, "context").value(), Values.nonNull(from, "from").dayNumber(),
                    Values.nonNull(to, "to").dayNumber(), p);
            return new PatternResult(p);
        }
    }

    /**
     * The local day of an instant.
     *
     * @param tNs          ns since the epoch
     * @param utcOffsetMin the UTC offset, -1080..1080
     * @return the day
     * @throws HipException {@link Status#RANGE} for an offset beyond 18 h
     */
    public static CivilDate localDay(long tNs, int utcOffsetMin) {
        int[] out = new int[1];
        HiptrackNative.hip_painlog_local_day(tNs, utcOffsetMin, out);
        return CivilDate.ofDayNumber(out[0]);
    }

    /**
     * The severity band of an NRS score (§1.1).
     *
     * @param nrs 0..10
     * @return the band
     * @throws HipException {@link Status#RANGE} outside 0..10
     */
    public static PainBand band(int nrs) {
        int[] out = new int[1];
        HiptrackNative.hip_painlog_band(nrs, out);
        return PainBand.fromValue(out[0]);
    }

    /**
     * The §1.3 change of two NRS values with the default thresholds.
     *
     * @param baseline 0..10 (means allowed)
     * @param followup 0..10
     * @return the change
     * @throws HipException {@link Status#RANGE} outside 0..10
     */
    public static Change change(double baseline, double followup) {
        return change(baseline, followup, new Config());
    }

    /**
     * The §1.3 change of two NRS values.
     *
     * @param baseline 0..10 (means allowed)
     * @param followup 0..10
     * @param config   the thresholds
     * @return the change
     * @throws HipException {@link Status#RANGE} outside 0..10, {@link Status#INVALID} for a bad config
     */
    public static Change change(double baseline, double followup, Config config) {
        try (hip_painlog_config c = Values.nonNull(config, "config").toNative();
             hip_pain_change out = new hip_pain_change()) {
            HiptrackNative.hip_painlog_change(baseline, followup, c, out);
            return new Change(out);
        }
    }

    /**
     * PAIN-DUR-1: acute or chronic by the days from onset to assessment (default thresholds).
     *
     * @param onset      the onset day
     * @param assessment the assessment day, not before onset
     * @return the class
     * @throws HipException {@link Status#RANGE} when onset is after assessment
     */
    public static PainDuration durationClass(CivilDate onset, CivilDate assessment) {
        int[] cls = new int[1];
        int[] days = new int[1];
        try (hip_painlog_config c = new hip_painlog_config()) {
            HiptrackNative.hip_painlog_duration_class(Values.nonNull(onset, "onset").dayNumber(),
                    Values.nonNull(assessment, "assessment").dayNumber(), c, cls, days);
        }
        return PainDuration.fromValue(cls[0]);
    }

    private static byte[] doubles(double[] values, String what) {
        ByteBuffer b = ByteBuffer.allocate(Values.nonNull(values, what).length * 8).order(ByteOrder.nativeOrder());
        for (int i = 0; i < values.length; i++) b.putDouble(i * 8, values[i]);
        return b.array();
    }

    /**
     * The cohort "% pain reduction" (CLINICAL.md §1.4) with the default thresholds.
     *
     * @param baselines each member's baseline, 0..10
     * @param finals    each member's follow-up, 0..10 or {@link #MISSING}
     * @return the cohort figures
     * @throws HipException {@link Status#RANGE} for another value, {@link Status#NOT_FOUND} for no
     *     member, {@link Status#INVALID} for arrays of different lengths
     */
    public static Cohort cohort(double[] baselines, double[] finals) {
        try (hip_painlog_config c = new hip_painlog_config(); hip_pain_cohort out = new hip_pain_cohort()) {
            HiptrackNative.hip__bind_painlog_cohort(doubles(baselines, "baselines"), doubles(finals, "finals"), c, out);
            return new Cohort(out);
        }
    }
}
