package org.hiptrack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hiptrack.internal.HiptrackNative;
import org.hiptrack.internal.HiptrackNativeConstants;
import org.hiptrack.internal.hip_progression_decision;
import org.hiptrack.internal.hip_progression_history;
import org.hiptrack.internal.hip_progression_row;
import org.hiptrack.internal.hip_rule_info;
import org.hiptrack.internal.hip_rule_param;
import org.hiptrack.internal.hip_ruleset;
import org.hiptrack.internal.hip_ruleset_config;

/**
 * Progression rules ({@code hip_ruleset}, docs/progression.md): explicit, explainable rules that
 * progress, hold, regress or pause each prescribed exercise from a member's history, and that stop
 * every automatic change on a red flag with "refer to a clinician". Rules are text in a small
 * language; every threshold is a named parameter ({@link #setParam}). Evaluation reads a {@link
 * ProgressionHistory} and gives one {@link Decision} per exercise, with its explanation; {@link
 * Decision#apply} commits it as a new program version.
 *
 * <pre>{@code
 * try (RuleSet rules = RuleSet.builtin()) {
 *     rules.setParam("pain_acceptable", 4);
 *     ProgressionHistory history = new ProgressionHistory(program).catalog(catalog).painLog(log);
 *     for (Decision d : rules.evaluateAll(history, today)) {
 *         System.out.println(d.text);
 *         d.apply(program, catalog);
 *     }
 * }
 * }</pre>
 */
public final class RuleSet extends NativeHandle<hip_ruleset> {
    private static final int DECISION_SIZE = (int) HiptrackNativeConstants.HIP_PROGRESSION_DECISION_SIZE;
    private static final int ROW_SIZE = (int) HiptrackNativeConstants.HIP_PROGRESSION_ROW_SIZE;

    /** The configuration ({@code hip_ruleset_config}); the constructor gives the library's defaults. */
    public static final class Config {
        /** Start with the built-in rules (default true); false: an empty set. */
        public boolean includeBuiltin;
        /** The red flags checked, RF-n as bit n-1 (default all 16). */
        public int redFlagsEnabled;
        /** RF-16: rest pain at or above this, 1..10 (default 8). */
        public int restPainRedFlag;
        /** "Pain as usual": median of the 24-h pain of this many days before a session, 1..60 (default 7). */
        public int usualWindowDays;
        /** ... from at least this many days, else the enrolment baseline, 1..usualWindowDays (default 3). */
        public int usualMinLogs;

        /** The library's defaults. */
        public Config() {
            try (hip_ruleset_config c = new hip_ruleset_config()) {
                includeBuiltin = c.getInclude_builtin() != 0;
                redFlagsEnabled = (int) c.getRed_flags_enabled();
                restPainRedFlag = c.getRest_pain_red_flag();
                usualWindowDays = (int) c.getUsual_window_days();
                usualMinLogs = (int) c.getUsual_min_logs();
            }
        }

        hip_ruleset_config toNative() {
            hip_ruleset_config c = new hip_ruleset_config();
            c.setInclude_builtin(includeBuiltin ? 1 : 0);
            c.setRed_flags_enabled(Values.u32(redFlagsEnabled));
            c.setRest_pain_red_flag(restPainRedFlag);
            c.setUsual_window_days(Values.u32(usualWindowDays));
            c.setUsual_min_logs(Values.u32(usualMinLogs));
            return c;
        }
    }

    /** One rule as parsed ({@code hip_rule_info}). */
    public static final class Rule {
        /** The rule id. */
        public final String id;
        /** 0..1000; higher first within a class. */
        public final int priority;
        /** The direction of its action. */
        public final RuleClass ruleClass;
        /** The line where the rule starts in its text (1-based). */
        public final int line;
        /** The number of actions joined by "else". */
        public final int alternativeCount;

        Rule(hip_rule_info r) {
            id = r.getId();
            priority = r.getPriority();
            ruleClass = RuleClass.fromValue(r.getRule_class());
            line = (int) r.getLine();
            alternativeCount = (int) r.getAlternative_count();
        }

        @Override
        public String toString() {
            return "Rule[" + id + ", " + ruleClass + ", priority " + priority + "]";
        }
    }

    /** A named parameter of the rules ({@code hip_rule_param}). */
    public static final class Param {
        /** The name. */
        public final String name;
        /** The current value. */
        public final double value;
        /** The value as written in the text. */
        public final double defaultValue;
        /** The smallest value its uses allow. */
        public final double minValue;
        /** The largest value its uses allow. */
        public final double maxValue;
        /** True when a use needs a whole number (a window). */
        public final boolean integer;

        Param(hip_rule_param p) {
            name = p.getName();
            value = p.getValue();
            defaultValue = p.getDefault_value();
            minValue = p.getMin_value();
            maxValue = p.getMax_value();
            integer = p.getInteger() != 0;
        }

        @Override
        public String toString() {
            return "Param[" + name + " = " + value + ", " + minValue + ".." + maxValue + "]";
        }
    }

    /** A rule set with the built-in rules. */
    public RuleSet() {
        this(new Config());
    }

    /**
     * A rule set with a configuration.
     *
     * @param config the configuration
     * @throws HipException {@link Status#INVALID} for a field out of its range
     */
    public RuleSet(Config config) {
        super(create(config), "RuleSet");
    }

    private static hip_ruleset create(Config config) {
        try (hip_ruleset_config c = Values.nonNull(config, "config").toNative()) {
            return new hip_ruleset(c);
        }
    }

    /**
     * The built-in rules (CLINICAL.md §3) with their default parameters.
     *
     * @return a new rule set; close it
     */
    public static RuleSet builtin() {
        return new RuleSet();
    }

    /**
     * The text of the built-in rules, in the rule language.
     *
     * @return the text
     */
    public static String builtinText() {
        return HiptrackNative.hip_progression_builtin_rules();
    }

    /**
     * A rule set of only the rules and parameters of a text (no built-in rules).
     *
     * @param text rules in the language of docs/progression.md
     * @return a new rule set; close it
     * @throws RuleParseException with "line L, column C: expected ..., found ..." when it does not parse
     */
    public static RuleSet parse(String text) {
        Config config = new Config();
        config.includeBuiltin = false;
        RuleSet rules = new RuleSet(config);
        try {
            rules.add(text);
            return rules;
        } catch (RuntimeException e) {
            rules.close();
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
     * Adds the parameters and rules of a text; all or nothing.
     *
     * @param text rules in the language of docs/progression.md (at most 1 MiB of UTF-8)
     * @throws RuleParseException ({@link Status#FORMAT}) with line and column, also for a rule id
     *     or parameter name already in the set
     */
    public void add(String text) {
        hip_ruleset h = proxy();
        try {
            h.parse_text(Values.utf8(text, "text"));
        } catch (HipException e) {
            if (e.code() != Status.FORMAT) throw e;
            long[] line = new long[1];
            long[] column = new long[1];
            h.error_position(line, column);
            throw new RuleParseException(e, (int) line[0], (int) column[0]);
        }
    }

    /**
     * The rules and parameters in canonical text form (parsing it gives the same rule set).
     *
     * @return the text
     */
    public String exportText() {
        final hip_ruleset h = proxy();
        return Values.exportText(h::export_text);
    }

    /**
     * The number of rules.
     *
     * @return the count
     */
    public int count() {
        return (int) proxy().count();
    }

    /**
     * One rule.
     *
     * @param index 0..count()-1
     * @return the rule
     * @throws HipException {@link Status#RANGE} past the end
     */
    public Rule rule(int index) {
        hip_ruleset h = proxy();
        try (hip_rule_info r = new hip_rule_info()) {
            h.rule_at(index, r);
            return new Rule(r);
        }
    }

    /**
     * Every rule, in text order.
     *
     * @return an unmodifiable list
     */
    public List<Rule> rules() {
        int n = count();
        List<Rule> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(rule(i));
        return Collections.unmodifiableList(list);
    }

    /**
     * A rule by id.
     *
     * @param id the rule id
     * @return the rule, or empty when there is none
     */
    public Optional<Rule> find(String id) {
        hip_ruleset h = proxy();
        long[] index = new long[1];
        try {
            h.find(Values.nonNull(id, "id"), index);
        } catch (HipException e) {
            if (e.code() == Status.NOT_FOUND) return Optional.empty();
            throw e;
        }
        return Optional.of(rule((int) index[0]));
    }

    /**
     * Every parameter, in text order.
     *
     * @return an unmodifiable list
     */
    public List<Param> params() {
        hip_ruleset h = proxy();
        int n = (int) h.param_count();
        List<Param> list = new ArrayList<>(n);
        try (hip_rule_param p = new hip_rule_param()) {
            for (int i = 0; i < n; i++) {
                h.param_at(i, p);
                list.add(new Param(p));
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * A parameter's current value.
     *
     * @param name the parameter name
     * @return its value
     * @throws HipException {@link Status#NOT_FOUND} for an unknown name
     */
    public double param(String name) {
        hip_ruleset h = proxy();
        double[] value = new double[1];
        h.get_param(Values.nonNull(name, "name"), value);
        return value[0];
    }

    /**
     * Changes a parameter (every rule using it sees the new value).
     *
     * @param name  the parameter name
     * @param value the new value, within the parameter's domain ({@link Param#minValue}..{@link
     *     Param#maxValue}, whole when {@link Param#integer})
     * @throws HipException {@link Status#NOT_FOUND} for an unknown name, {@link Status#RANGE} outside
     *     the domain
     */
    public void setParam(String name, double value) {
        hip_ruleset h = proxy();
        h.set_param(Values.nonNull(name, "name"), value);
    }

    /**
     * The decision for one exercise of the program version in force on a day, as of the end of
     * that day.
     *
     * @param history       what the rules read
     * @param day           the evaluated day
     * @param exerciseIndex the exercise's index in that version
     * @return the decision
     * @throws HipException {@link Status#NOT_FOUND} (no version on that day), {@link Status#RANGE}
     *     (index), {@link Status#FORMAT} (a check-in out of range), {@link Status#STATE} (a closed
     *     handle in the history)
     */
    public Decision evaluate(ProgressionHistory history, CivilDate day, int exerciseIndex) {
        hip_ruleset h = proxy();
        int d = Values.nonNull(day, "day").dayNumber();
        try (hip_progression_history n = Values.nonNull(history, "history").toNative();
             hip_progression_decision out = new hip_progression_decision()) {
            h.evaluate_one(n, d, exerciseIndex, out);
            return Decision.from(out);
        }
    }

    /**
     * The decisions for every exercise of the program version in force on a day.
     *
     * @param history what the rules read
     * @param day     the evaluated day
     * @return an unmodifiable list, in the version's exercise order
     * @throws HipException as {@link #evaluate}
     */
    public List<Decision> evaluateAll(ProgressionHistory history, CivilDate day) {
        hip_ruleset h = proxy();
        int d = Values.nonNull(day, "day").dayNumber();
        try (hip_progression_history n = Values.nonNull(history, "history").toNative()) {
            long[] count = new long[1];
            h.evaluate_all_into(n, d, null, count);
            List<Decision> list = new ArrayList<>((int) count[0]);
            if (count[0] == 0) return Collections.unmodifiableList(list);
            byte[] records = new byte[(int) count[0] * DECISION_SIZE];
            h.evaluate_all_into(n, d, records, count);
            try (hip_progression_decision one = new hip_progression_decision()) {
                for (int i = 0; i < count[0]; i++) {
                    HiptrackNative.hip__bind_progression_decision_at(records, i, one);
                    list.add(Decision.from(one));
                }
            }
            return Collections.unmodifiableList(list);
        }
    }

    /**
     * A dry run: at the end of each program week w = 1..weeks (day start + 7w - 1), the decision
     * for every exercise of the version then in force, over the history up to that day. Decisions
     * are not applied between weeks; weeks before the first version have no rows.
     *
     * @param history what the rules read
     * @param start   program day 0
     * @param weeks   the number of weeks
     * @return an unmodifiable list of rows, week by week
     * @throws HipException as {@link #evaluate}
     */
    public List<DryRunRow> dryRun(ProgressionHistory history, CivilDate start, int weeks) {
        hip_ruleset h = proxy();
        int s = Values.nonNull(start, "start").dayNumber();
        if (weeks < 0) throw new HipException(Status.RANGE.value(), "weeks must not be negative");
        try (hip_progression_history n = Values.nonNull(history, "history").toNative()) {
            long[] count = new long[1];
            h.dry_run_into(n, s, weeks, null, count);
            List<DryRunRow> list = new ArrayList<>((int) count[0]);
            if (count[0] == 0) return Collections.unmodifiableList(list);
            byte[] records = new byte[(int) count[0] * ROW_SIZE];
            h.dry_run_into(n, s, weeks, records, count);
            try (hip_progression_row one = new hip_progression_row()) {
                for (int i = 0; i < count[0]; i++) {
                    HiptrackNative.hip__bind_progression_row_at(records, i, one);
                    list.add(new DryRunRow((int) one.getWeek(), Decision.from(one.getDecision())));
                }
            }
            return Collections.unmodifiableList(list);
        }
    }

    /**
     * PROG-LOAD (CLINICAL.md §3.3): the next load, max(load + step, roundHalfUp(load x (1 +
     * pct/100), step)), unless it is more than capPct above the load.
     *
     * @param loadKg the current load, &gt; 0
     * @param pct    the increase, percent, &gt; 0
     * @param stepKg the smallest increment, &gt; 0
     * @param capPct the largest increase allowed, percent
     * @return the new load, or empty when it would exceed the cap (use a reps or level change instead)
     * @throws HipException {@link Status#RANGE} for a load, percent or step not above 0
     */
    public static OptionalDouble loadStep(double loadKg, double pct, double stepKg, double capPct) {
        double[] out = new double[1];
        int st = HiptrackNative.hip_progression_load_step(loadKg, pct, stepKg, capPct, out);
        return st == Status.OK.value() ? OptionalDouble.of(out[0]) : OptionalDouble.empty();
    }
}
