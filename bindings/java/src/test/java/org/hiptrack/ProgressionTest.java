package org.hiptrack;

import static org.hiptrack.Support.assertHip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProgressionTest {
    /** Monday 2026-11-02. */
    static final CivilDate D0 = CivilDate.of(2026, 11, 2);
    static final long NS = 1_000_000_000L;

    /** squat and bridge, 3 x 10, from D0. */
    static Program program() {
        Program p = new Program();
        p.begin(D0, 3, "initial prescription");
        p.add(new Prescription("squat"));
        p.add(new Prescription("bridge"));
        p.commit();
        return p;
    }

    /** A finished session on a day of the version in force, every prescribed rep done. */
    static Session session(Program program, CivilDate day, int during, int after, int rpe) {
        Session s = new Session();
        long start = ((long) day.dayNumber() * 86400 + 18 * 3600) * NS;
        s.start(start, 0);
        s.planProgram(program, program.versionOn(day));
        int n = s.info().exerciseCount;
        for (int e = 0; e < n; e++) {
            SessionExercise ex = s.exercise(e);
            for (int k = 0; k < ex.prescribedSets; k++) {
                SessionSet set = new SessionSet();
                set.rpe = rpe;
                s.addSet(e, set);
                for (int r = 0; r < ex.prescribedReps; r++) s.addRep(new SessionRep());
            }
        }
        s.setPain(PainMoment.DURING, during);
        s.setPain(PainMoment.AFTER, after);
        s.finish(start + 40 * 60 * NS, AbandonReason.NONE);
        return s;
    }

    static void closeAll(List<Session> sessions) {
        for (Session s : sessions) s.close();
    }

    // ---- rule sets -------------------------------------------------------------------------------

    @Test
    void builtinRules() {
        try (RuleSet rules = RuleSet.builtin()) {
            assertEquals(15, rules.count());
            List<RuleSet.Rule> all = rules.rules();
            assertEquals(15, all.size());
            assertEquals("red_flag", all.get(0).id);
            assertEquals(RuleClass.REFER, all.get(0).ruleClass);
            assertEquals(1000, all.get(0).priority);
            RuleSet.Rule pm1 = rules.find("pm1_pain_during").get();
            assertEquals(800, pm1.priority);
            assertEquals(RuleClass.REDUCE, pm1.ruleClass);
            assertTrue(pm1.alternativeCount >= 2, pm1.toString());
            assertTrue(pm1.line > 1);
            int index = 0;
            while (!all.get(index).id.equals("pm1_pain_during")) index++;
            assertEquals(pm1.line, rules.rule(index).line);
            assertFalse(rules.find("nope").isPresent());
            assertHip(Status.RANGE, () -> rules.rule(15));
            assertHip(Status.RANGE, () -> rules.rule(-1));
            assertHip(Status.INVALID, () -> rules.find(null));
            String text = RuleSet.builtinText();
            assertTrue(text.contains("rule red_flag"), text);
            assertEquals(rules.count(), new RuleSet().count());
        }
    }

    @Test
    void params() {
        try (RuleSet rules = RuleSet.builtin()) {
            assertEquals(5.0, rules.param("pain_acceptable"));
            RuleSet.Param p = rules.params().stream().filter(x -> x.name.equals("pain_acceptable")).findFirst().get();
            assertEquals(5.0, p.value);
            assertEquals(5.0, p.defaultValue);
            assertTrue(p.minValue <= 0 && p.maxValue >= 10, p.toString());
            rules.setParam("pain_acceptable", 4);
            assertEquals(4.0, rules.param("pain_acceptable"));
            p = rules.params().stream().filter(x -> x.name.equals("pain_acceptable")).findFirst().get();
            assertEquals(4.0, p.value);
            assertEquals(5.0, p.defaultValue);
            RuleSet.Param window = rules.params().stream().filter(x -> x.integer).findFirst().get();
            assertTrue(window.integer);
            // Bad params: unknown name, outside the domain, a fraction for a whole number.
            HipException e = assertHip(Status.NOT_FOUND, () -> rules.setParam("nope", 1));
            assertEquals(e.getMessage(), rules.lastError());
            assertHip(Status.NOT_FOUND, () -> rules.param("nope"));
            // pain_window_days is a window: 1..366 days, whole.
            RuleSet.Param days = rules.params().stream().filter(x -> x.name.equals("pain_window_days")).findFirst().get();
            assertTrue(days.integer);
            assertEquals(1.0, days.minValue);
            assertEquals(366.0, days.maxValue);
            assertHip(Status.RANGE, () -> rules.setParam("pain_window_days", 0));
            assertHip(Status.RANGE, () -> rules.setParam("pain_window_days", 367));
            assertHip(Status.RANGE, () -> rules.setParam("pain_window_days", 7.5));
            assertHip(Status.RANGE, () -> rules.setParam(window.name, window.value + 0.5));
            rules.setParam("pain_window_days", 14);
            assertEquals(14.0, rules.param("pain_window_days"));
            assertHip(Status.INVALID, () -> rules.setParam(null, 1));
            assertHip(Status.INVALID, () -> rules.param(null));
            assertEquals(4.0, rules.param("pain_acceptable"));   // unchanged by the failures
        }
    }

    @Test
    void config() {
        RuleSet.Config c = new RuleSet.Config();
        assertTrue(c.includeBuiltin);
        assertEquals(0xFFFF, c.redFlagsEnabled);
        assertEquals(8, c.restPainRedFlag);
        assertEquals(7, c.usualWindowDays);
        assertEquals(3, c.usualMinLogs);
        c.includeBuiltin = false;
        try (RuleSet empty = new RuleSet(c)) {
            assertEquals(0, empty.count());
            assertTrue(empty.params().isEmpty());
            assertEquals("", empty.exportText().trim());
        }
        c.restPainRedFlag = 0;
        assertHip(Status.INVALID, () -> new RuleSet(c));
        c.restPainRedFlag = 8;
        c.usualMinLogs = 8;   // more than usualWindowDays
        assertHip(Status.INVALID, () -> new RuleSet(c));
        assertHip(Status.INVALID, () -> new RuleSet(null));
    }

    @Test
    void parseAndExport() {
        String text = "param few = 3\n"
                + "rule few_sessions priority 300\n"
                + "  when sessions over last 14 days < few\n"
                + "  then keep\n"
                + "  say \"fewer than 3 sessions in the last 2 weeks\"\n";
        try (RuleSet rules = RuleSet.parse(text)) {
            assertEquals(1, rules.count());
            RuleSet.Rule r = rules.rule(0);
            assertEquals("few_sessions", r.id);
            assertEquals(300, r.priority);
            assertEquals(RuleClass.KEEP, r.ruleClass);
            assertEquals(2, r.line);
            assertEquals(1, r.alternativeCount);
            assertEquals(3.0, rules.param("few"));
            String exported = rules.exportText();
            try (RuleSet again = RuleSet.parse(exported)) {
                assertEquals(exported, again.exportText());
                assertEquals(1, again.count());
                assertEquals(3.0, again.param("few"));
            }
            // Adding to a set: the new rule comes after.
            rules.add("rule easy when rpe <= 2 then reps +2 max 20");
            assertEquals(2, rules.count());
            assertEquals(RuleClass.PROGRESS, rules.rule(1).ruleClass);
        }
        try (RuleSet rules = RuleSet.builtin()) {
            rules.add(text);
            assertEquals(16, rules.count());
        }
    }

    @Test
    void parseErrorsHaveLineAndColumn() {
        RuleParseException e = assertThrows(RuleParseException.class,
                () -> RuleSet.parse("param a = 3\nrule x when nope > 3 then keep"));
        assertEquals(Status.FORMAT, e.code());
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().startsWith("line 2, column 13: "), e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());

        e = assertThrows(RuleParseException.class, () -> RuleSet.parse("rule x when red_flag >= 1 then"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("line 1, column " + e.column() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("end of text"), e.getMessage());

        e = assertThrows(RuleParseException.class, () -> RuleSet.parse("rule x when reps > nope then keep"));
        assertTrue(e.getMessage().contains("unknown param 'nope'"), e.getMessage());

        try (RuleSet rules = RuleSet.builtin()) {
            String before = rules.exportText();
            // A rule id already in the set; all or nothing: the first rule is not added either.
            e = assertThrows(RuleParseException.class, () -> rules.add(
                    "rule mine when reps > 0 then keep\nrule red_flag when red_flag >= 1 then refer"));
            assertEquals(2, e.line());
            assertEquals(15, rules.count());
            assertEquals(before, rules.exportText());
            assertEquals(e.getMessage(), rules.lastError());
            assertHip(Status.INVALID, () -> rules.add(null));
        }
        assertHip(Status.INVALID, () -> RuleSet.parse(null));
    }

    // ---- evaluation --------------------------------------------------------------------------------

    @Test
    void painDuringAboveFiveRegressesOrReduces() {
        List<Session> sessions = new ArrayList<>();
        try (Catalog catalog = new Catalog(); Program program = program(); PainLog log = new PainLog();
             RuleSet rules = RuleSet.builtin()) {
            CivilDate day = D0.plusDays(2);
            sessions.add(session(program, D0, 3, 2, 6));
            sessions.add(session(program, day, 6, 2, 6));
            log.add(new PainEntry(((long) day.dayNumber() * 86400 + 21 * 3600) * NS, 0, 3, PainContext.AVG_24H));
            ProgressionHistory h = new ProgressionHistory(program).catalog(catalog).painLog(log).sessions(sessions);
            assertEquals(2, h.sessions().size());
            assertTrue(h.checkIns().isEmpty());
            assertEquals(program, h.program());

            Decision d = rules.evaluate(h, day, 0);
            assertEquals("pm1_pain_during", d.ruleId, d.toString());
            assertEquals(RuleClass.REDUCE, d.ruleClass);
            assertEquals(800, d.priority);
            assertTrue(d.action == ProgressionAction.REGRESS || d.action == ProgressionAction.CHANGE, d.toString());
            assertTrue(d.changes());
            assertFalse(d.limited);
            assertEquals(day, d.day);
            assertEquals(day.plusDays(1), d.effectiveDay);
            assertEquals(1, d.programVersion);
            assertEquals(0, d.exerciseIndex);
            assertEquals("squat", d.before().exerciseId);
            assertEquals(10, d.before().reps);
            assertEquals(0, d.redFlags);
            assertEquals(RedFlagTier.NONE, d.redFlagTier);
            assertFalse(d.hasRedFlag(1));
            assertFalse(d.text.isEmpty());
            assertEquals(1, d.inputs.size());
            Decision.Input in = d.inputs.get(0);
            assertEquals("pain_during", in.metric);
            assertEquals(Aggregate.MAX, in.aggregate);
            assertEquals(7, in.window);
            assertEquals(WindowUnit.DAYS, in.windowUnit);
            assertTrue(in.known);
            assertEquals(6.0, in.value);
            assertEquals(Comparison.GT, in.comparison);
            assertEquals(5.0, in.threshold);
            assertEquals("pain_acceptable", in.thresholdParam);
            assertEquals(1, in.result);
            assertTrue(in.toString().contains("max pain_during over last 7 days = 6.0 > 5.0"), in.toString());
            assertThrows(UnsupportedOperationException.class, () -> d.inputs.clear());
            // The copies handed out do not change the decision.
            d.after().reps = 99;
            assertNotEquals(99, d.after().reps);

            List<Decision> all = rules.evaluateAll(h, day);
            assertEquals(2, all.size());
            assertEquals(d.text, all.get(0).text);
            assertEquals("bridge", all.get(1).before().exerciseId);
            assertEquals(1, all.get(1).exerciseIndex);

            // The threshold is a param: at 6 the rule no longer fires.
            rules.setParam("pain_acceptable", 6);
            Decision relaxed = rules.evaluate(h, day, 0);
            assertNotEquals("pm1_pain_during", relaxed.ruleId, relaxed.toString());
        } finally {
            closeAll(sessions);
        }
    }

    @Test
    void redFlagRefers() {
        List<Session> sessions = new ArrayList<>();
        try (Program program = program(); RuleSet rules = RuleSet.builtin()) {
            sessions.add(session(program, D0, 2, 2, 5));
            CivilDate day = D0.plusDays(1);
            ProgressionHistory h = new ProgressionHistory(program).sessions(sessions)
                    .addCheckIn(CheckIn.of(day, CheckInAnswer.NUMBNESS_WEAKNESS));
            for (Decision d : rules.evaluateAll(h, day)) {
                assertEquals(ProgressionAction.REFER, d.action, d.toString());
                assertEquals("red_flag", d.ruleId);
                assertEquals(RuleClass.REFER, d.ruleClass);
                assertNotEquals(0, d.redFlags);
                assertNotEquals(RedFlagTier.NONE, d.redFlagTier);
                assertFalse(d.changes());
                assertEquals(d.before().reps, d.after().reps);
                assertFalse(d.apply(program, null));   // nothing to apply
            }
            assertEquals(1, program.versionCount());

            // A rule set without a refer rule still cannot progress through a red flag.
            try (RuleSet mine = RuleSet.parse("rule up when reps >= 1 then reps +2 max 30")) {
                Decision d = mine.evaluate(h, day, 0);
                assertEquals(ProgressionAction.REFER, d.action);
                assertEquals("red_flag_guard", d.ruleId);
                Decision none = mine.evaluate(new ProgressionHistory(program), day, 0);
                assertEquals(ProgressionAction.CHANGE, none.action);
                assertEquals(ProgressionVariable.REPS, none.variable);
                assertEquals(12, none.after().reps);
            }

            // A clinician's clearance clears it.
            CivilDate later = day.plusDays(1);
            h.checkIns(Arrays.asList(CheckIn.clearance(later)));
            assertEquals(2, h.checkIns().size());
            Decision d = rules.evaluate(h, later, 0);
            assertNotEquals(ProgressionAction.REFER, d.action, d.toString());
            assertEquals(0, d.redFlags);
            assertEquals(RedFlagTier.NONE, d.redFlagTier);

            // A check-in out of range.
            CheckIn bad = new CheckIn(later);
            bad.restPain = 11;
            ProgressionHistory hb = new ProgressionHistory(program).addCheckIn(bad);
            assertHip(Status.FORMAT, () -> rules.evaluate(hb, later, 0));
        } finally {
            closeAll(sessions);
        }
    }

    @Test
    void checkInRedFlags() {
        CheckIn c = new CheckIn(D0);
        assertTrue(c.answers.isEmpty());
        assertEquals(CheckIn.NOT_RECORDED, c.restPain);
        assertFalse(c.cleared);
        CheckIn.RedFlags none = c.redFlags();
        assertEquals(0, none.mask);
        assertEquals(RedFlagTier.NONE, none.tier);

        CheckIn fever = CheckIn.of(D0, CheckInAnswer.FEVER, CheckInAnswer.HIP_PAIN);
        assertEquals(EnumSet.of(CheckInAnswer.FEVER, CheckInAnswer.HIP_PAIN), fever.answers);
        CheckIn.RedFlags rf = fever.redFlags();
        assertTrue(rf.has(1), rf.toString());   // RF-01: fever and hip pain
        assertFalse(rf.has(2));
        assertFalse(rf.has(0));
        assertNotEquals(RedFlagTier.NONE, rf.tier);
        assertTrue(fever.toString().contains("FEVER"));

        // Fever alone is not RF-01.
        assertFalse(CheckIn.of(D0, CheckInAnswer.FEVER).redFlags().has(1));

        // RF-01 switched off in the configuration.
        RuleSet.Config config = new RuleSet.Config();
        config.redFlagsEnabled = 0xFFFF & ~1;
        assertFalse(fever.redFlags(config).has(1));
        config.restPainRedFlag = 11;
        assertHip(Status.INVALID, () -> fever.redFlags(config));

        CheckIn clear = CheckIn.clearance(D0);
        assertTrue(clear.cleared);
        assertEquals(0, clear.redFlags().mask);

        c.restPain = 11;
        assertHip(Status.RANGE, c::redFlags);
        c.restPain = 3;
        c.answers = null;
        assertHip(Status.INVALID, c::redFlags);
        assertHip(Status.INVALID, () -> new CheckIn(null));
        assertHip(Status.INVALID, () -> CheckIn.of(D0, (CheckInAnswer) null));
        assertEquals(EnumSet.allOf(CheckInAnswer.class),
                CheckInAnswer.fromBits(CheckInAnswer.toBits(EnumSet.allOf(CheckInAnswer.class))));
    }

    @Test
    void dryRunRows() {
        List<Session> sessions = new ArrayList<>();
        try (Catalog catalog = new Catalog(); Program program = program(); RuleSet rules = RuleSet.builtin()) {
            for (int week = 0; week < 3; week++)
                for (int wd : new int[] {0, 2, 4}) sessions.add(session(program, D0.plusDays(7 * week + wd), 2, 2, 6));
            ProgressionHistory h = new ProgressionHistory(program).catalog(catalog).sessions(sessions);
            List<DryRunRow> rows = rules.dryRun(h, D0, 3);
            assertEquals(6, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                DryRunRow row = rows.get(i);
                assertEquals(i / 2 + 1, row.week, row.toString());
                assertEquals(D0.plusDays(7 * row.week - 1), row.decision.day);
                assertEquals(i % 2, row.decision.exerciseIndex);
                assertFalse(row.decision.text.isEmpty());
            }
            // Week 3's rows are what evaluation at its last day gives.
            List<Decision> end = rules.evaluateAll(h, D0.plusDays(20));
            assertEquals(end.get(0).text, rows.get(4).decision.text);
            assertEquals(end.get(1).text, rows.get(5).decision.text);
            // Same input, same rows; nothing applied.
            assertEquals(rows.get(3).decision.text, rules.dryRun(h, D0, 3).get(3).decision.text);
            assertEquals(1, program.versionCount());
            // Weeks before the first version have no rows.
            List<DryRunRow> early = rules.dryRun(h, D0.plusDays(-14), 3);
            assertEquals(2, early.size());
            assertEquals(3, early.get(0).week);
            assertTrue(rules.dryRun(h, D0, 0).isEmpty());
            assertHip(Status.RANGE, () -> rules.dryRun(h, D0, -1));
            assertHip(Status.INVALID, () -> rules.dryRun(null, D0, 1));
            assertHip(Status.INVALID, () -> rules.dryRun(h, null, 1));
        } finally {
            closeAll(sessions);
        }
    }

    @Test
    void applyCreatesVersionAndKeepsHistory() {
        List<Session> sessions = new ArrayList<>();
        try (Catalog catalog = new Catalog(); Program program = program(); RuleSet rules = RuleSet.builtin()) {
            CivilDate day = D0.plusDays(2);
            sessions.add(session(program, day, 6, 2, 6));
            ProgressionHistory h = new ProgressionHistory(program).catalog(catalog).sessions(sessions);
            List<Decision> all = rules.evaluateAll(h, day);
            Decision d = all.get(0);
            assertTrue(d.changes(), d.toString());
            assertTrue(d.apply(program, catalog));
            assertEquals(2, program.versionCount());
            ProgramVersion v1 = program.version(0);
            ProgramVersion v2 = program.version(1);
            assertEquals("initial prescription", v1.note);
            assertEquals(D0, v1.effective);
            assertEquals(d.text, v2.note);
            assertEquals(d.effectiveDay, v2.effective);
            assertEquals(2, v2.number);
            // History is never edited: version 1 still prescribes the old squat.
            Prescription old = program.exercises(0).get(0);
            assertEquals("squat", old.exerciseId);
            assertEquals(10, old.reps);
            assertEquals(3, old.sets);
            Prescription now = program.exercises(1).get(0);
            Prescription after = d.after();
            assertEquals(after.exerciseId, now.exerciseId);
            assertEquals(after.sets, now.sets);
            assertEquals(after.reps, now.reps);
            assertEquals(after.loadKg, now.loadKg);
            assertEquals("bridge", program.exercises(1).get(1).exerciseId);
            // A decision cannot be applied twice (stale: the latest version no longer prescribes its before).
            assertHip(Status.STATE, () -> d.apply(program, catalog));
            assertEquals(2, program.versionCount());
            // The decisions of one evaluation can be applied one after the other.
            Decision second = all.get(1);
            assertEquals(second.changes(), second.apply(program, null));
            assertEquals(second.changes() ? 3 : 2, program.versionCount());
            // An open draft refuses.
            try (RuleSet up = RuleSet.parse("rule up when reps >= 1 then reps +2 max 30")) {
                Decision next = up.evaluate(new ProgressionHistory(program), day.plusDays(7), 1);
                assertEquals(ProgressionAction.CHANGE, next.action, next.toString());
                program.begin(day.plusDays(8), 3, "draft");
                HipException e = assertHip(Status.STATE, () -> next.apply(program, catalog));
                assertFalse(e.getMessage().isEmpty());
                program.discard();
                int versions = program.versionCount();
                assertTrue(next.apply(program, catalog));
                assertEquals(versions + 1, program.versionCount());
                assertEquals(next.after().reps, program.exercises(versions).get(1).reps);
            }
            assertHip(Status.INVALID, () -> d.apply(null, catalog));
        } finally {
            closeAll(sessions);
        }
    }

    @Test
    void evaluationErrors() {
        List<Session> sessions = new ArrayList<>();
        try (Program program = program(); RuleSet rules = RuleSet.builtin()) {
            ProgressionHistory h = new ProgressionHistory(program);
            HipException e = assertHip(Status.NOT_FOUND, () -> rules.evaluate(h, D0.plusDays(-1), 0));
            assertTrue(e.getMessage().contains("no program version"), e.getMessage());
            assertHip(Status.NOT_FOUND, () -> rules.evaluateAll(h, D0.plusDays(-1)));
            assertHip(Status.RANGE, () -> rules.evaluate(h, D0, 2));
            assertHip(Status.RANGE, () -> rules.evaluate(h, D0, -1));
            assertHip(Status.INVALID, () -> rules.evaluate(null, D0, 0));
            assertHip(Status.INVALID, () -> rules.evaluate(h, null, 0));
            assertHip(Status.INVALID, () -> rules.evaluateAll(h, null));
            assertHip(Status.INVALID, () -> new ProgressionHistory(null));
            assertHip(Status.INVALID, () -> h.addSession(null));
            assertHip(Status.INVALID, () -> h.sessions(null));
            assertHip(Status.INVALID, () -> h.checkIns(null));
            // No rule fired: keep with rule id "".
            Decision d = rules.evaluate(h, D0, 0);
            assertEquals(ProgressionAction.KEEP, d.action, d.toString());
            assertEquals(ProgressionVariable.NONE, d.variable);
            assertFalse(d.apply(program, null));

            // A closed handle in the history.
            Session s = session(program, D0, 2, 2, 5);
            sessions.add(s);
            ProgressionHistory withSession = new ProgressionHistory(program).addSession(s);
            rules.evaluate(withSession, D0, 0);
            s.close();
            assertHip(Status.STATE, () -> rules.evaluate(withSession, D0, 0));
            Catalog closed = new Catalog();
            closed.close();
            assertHip(Status.STATE, () -> rules.evaluate(new ProgressionHistory(program).catalog(closed), D0, 0));
            PainLog closedLog = new PainLog();
            closedLog.close();
            assertHip(Status.STATE, () -> rules.evaluateAll(new ProgressionHistory(program).painLog(closedLog), D0));
        } finally {
            closeAll(sessions);
        }
        Program closedProgram = program();
        closedProgram.close();
        try (RuleSet rules = RuleSet.builtin()) {
            assertHip(Status.STATE, () -> rules.evaluate(new ProgressionHistory(closedProgram), D0, 0));
        }
    }

    @Test
    void loadStep() {
        assertEquals(OptionalDouble.of(21.0), RuleSet.loadStep(20, 5, 0.5, 10));
        assertEquals(OptionalDouble.of(4.5), RuleSet.loadStep(4, 5, 0.5, 20));
        assertFalse(RuleSet.loadStep(4, 5, 0.5, 10).isPresent());   // +12.5 % is over the cap
        assertHip(Status.RANGE, () -> RuleSet.loadStep(0, 5, 0.5, 10));
        assertHip(Status.RANGE, () -> RuleSet.loadStep(4, 0, 0.5, 10));
        assertHip(Status.RANGE, () -> RuleSet.loadStep(4, 5, 0, 10));
    }

    @Test
    void enumNames() {
        assertEquals("change", ProgressionAction.CHANGE.id());
        assertEquals("refer", ProgressionAction.REFER.id());
        assertEquals("reps", ProgressionVariable.REPS.id());
        assertEquals("hold_s", ProgressionVariable.HOLD.id());   // the metric's name, not the enum's
        assertEquals(">", Comparison.GT.id());
        assertEquals("known", Comparison.KNOWN.id());
        assertEquals("max", Aggregate.MAX.id());
        assertEquals("none", RedFlagTier.NONE.id());
        assertEquals(WindowUnit.DAYS, WindowUnit.fromValue(WindowUnit.DAYS.value()));
        assertEquals(RuleClass.REFER, RuleClass.fromValue(4));
        assertHip(Status.INVALID, () -> ProgressionAction.fromValue(42));
        assertHip(Status.INVALID, () -> Comparison.fromValue(42));
        List<String> ops = new ArrayList<>();
        for (Comparison c : Comparison.values()) {
            assertEquals(c, Comparison.fromValue(c.value()));
            assertNotEquals("unknown", c.id());
            assertFalse(ops.contains(c.id()), c.id());
            ops.add(c.id());
        }
        assertEquals(Arrays.asList("<", "<=", ">", ">=", "=", "!=", "known"), ops);
    }

    @Test
    void closeTwiceAndUseAfterClose() {
        RuleSet rules = RuleSet.builtin();
        assertFalse(rules.isClosed());
        rules.close();
        rules.close();
        assertTrue(rules.isClosed());
        assertHip(Status.STATE, rules::count);
        assertHip(Status.STATE, rules::rules);
        assertHip(Status.STATE, rules::params);
        assertHip(Status.STATE, rules::exportText);
        assertHip(Status.STATE, rules::lastError);
        assertHip(Status.STATE, () -> rules.rule(0));
        assertHip(Status.STATE, () -> rules.find("red_flag"));
        assertHip(Status.STATE, () -> rules.param("pain_acceptable"));
        assertHip(Status.STATE, () -> rules.setParam("pain_acceptable", 4));
        assertHip(Status.STATE, () -> rules.add("rule x when reps > 0 then keep"));
        try (Program program = program()) {
            ProgressionHistory h = new ProgressionHistory(program);
            assertHip(Status.STATE, () -> rules.evaluate(h, D0, 0));
            assertHip(Status.STATE, () -> rules.evaluateAll(h, D0));
            assertHip(Status.STATE, () -> rules.dryRun(h, D0, 1));
        }
    }
}
