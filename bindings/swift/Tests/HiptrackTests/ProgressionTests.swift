import XCTest
import Foundation
import CHiptrack
@testable import Hiptrack

final class ProgressionTests: XCTestCase {
    let start = try! CivilDate(year: 2026, month: 11, day: 2)   // a Monday
    static let ns: Int64 = 1_000_000_000

    func day(_ n: Int) -> CivilDate { try! start.adding(days: n) }

    /// A member's history: squat, bridge and left clamshell (3 x 10) on Mon/Wed/Fri for `weeks`
    /// weeks, a 24-h pain of 2 every evening, a next-morning pain of 2 after each session, and
    /// `during` pain for the session on program day `painfulDay` (3 on the others).
    struct World {
        let catalog: Catalog
        let program: Program
        let painLog: PainLog
        var sessions: [Session] = []
        var checkIns: [CheckIn] = []
        var history: ProgressionHistory {
            ProgressionHistory(program: program, catalog: catalog, sessions: sessions, painLog: painLog, checkIns: checkIns)
        }
    }

    func makeWorld(weeks: Int, painfulDay: Int? = nil, painfulDuring: Int = 6) throws -> World {
        let program = try Program()
        try program.begin(effective: start, sessionsPerWeek: 3, note: "initial prescription")
        try program.add(Prescription(exerciseId: "squat"))
        try program.add(Prescription(exerciseId: "bridge"))
        var clam = Prescription(exerciseId: "clamshell")
        clam.side = .left
        try program.add(clam)
        try program.commit()
        var world = World(catalog: try Catalog(), program: program, painLog: try PainLog())
        for d in 0..<(7 * weeks) {
            try logPain(world.painLog, day: d, hour: 21, context: .avg24h, nrs: 2)
            if d % 7 == 0 || d % 7 == 2 || d % 7 == 4 {
                world.sessions.append(try session(program, day: d, during: d == painfulDay ? painfulDuring : 3))
                try logPain(world.painLog, day: d + 1, hour: 7, context: .nextMorning, nrs: 2)
            }
        }
        return world
    }

    func logPain(_ log: PainLog, day d: Int, hour: Int, context: PainContext, nrs: Int) throws {
        let t = (Int64(day(d).dayNumber) * 86_400 + Int64(hour) * 3_600) * Self.ns
        try log.add(PainEntry(timeNs: t, nrs: nrs, context: context))
    }

    func session(_ program: Program, day d: Int, during: Int, extraReps: Int = 0, rpe: Int = 6) throws -> Session {
        let s = try Session()
        let t = (Int64(day(d).dayNumber) * 86_400 + 18 * 3_600) * Self.ns
        try s.start(at: t)
        try s.plan(program, versionAt: try XCTUnwrap(program.versionIndex(on: day(d))))
        for (e, ex) in s.exercises.enumerated() {
            for k in 0..<ex.prescribedSets {
                try s.addSet(exercise: e, SessionSet(rpe: rpe))
                let reps = max(ex.prescribedReps, 1) + (k + 1 == ex.prescribedSets ? extraReps : 0)
                for _ in 0..<reps { try s.addRep(SessionRep()) }
            }
        }
        try s.setPain(during, at: .during)
        try s.setPain(2, at: .after)
        try s.finish(at: t + 40 * 60 * Self.ns)
        return s
    }

    // MARK: Enums

    func testEnumNamesMatchLibrary() {
        for a in ProgressionAction.allCases {
            XCTAssertEqual(a.rawValue, String(cString: hip_progression_action_name(hip_progression_action(rawValue: a.cValue))))
        }
        for v in ProgressionVariable.allCases {
            XCTAssertEqual(v.rawValue, String(cString: hip_progression_variable_name(hip_progression_variable(rawValue: v.cValue))))
        }
        for t in RedFlagTier.allCases {
            XCTAssertEqual(t.rawValue, String(cString: hip_red_flag_tier_name(hip_red_flag_tier(rawValue: t.cValue))))
        }
        for a in ProgressionAggregate.allCases {
            XCTAssertEqual(a.rawValue, String(cString: hip_progression_agg_name(hip_progression_agg(rawValue: a.cValue))))
        }
        for c in ProgressionComparison.allCases {
            XCTAssertEqual(c.rawValue, String(cString: hip_progression_cmp_name(hip_progression_cmp(rawValue: c.cValue))))
        }
        XCTAssertEqual(ProgressionRuleClass.progress.cValue, HIP_PROGRESSION_CLASS_PROGRESS.rawValue)
        XCTAssertEqual(ProgressionRuleClass.refer.cValue, HIP_PROGRESSION_CLASS_REFER.rawValue)
        XCTAssertNil(ProgressionRuleClass(cValue: 0))
        XCTAssertEqual(ProgressionWindowUnit(cValue: HIP_PROGRESSION_WINDOW_DAYS.rawValue), .days)
        XCTAssertTrue(RedFlagTier.prompt < .emergency)
        XCTAssertEqual(RedFlags.rf(16).rawValue, 1 << 15)
        XCTAssertEqual(RedFlags.rf(0), [])
        XCTAssertEqual(RedFlags.all.numbers, Array(1...16))
        XCTAssertEqual(CheckInAnswers.restPainPersists.rawValue, 1 << 23)
    }

    // MARK: Rule sets, params, text

    func testBuiltinRulesAndConfiguration() throws {
        let config = RuleSetConfiguration()
        XCTAssertTrue(config.includeBuiltin)
        XCTAssertEqual(config.enabledRedFlags, .all)
        XCTAssertEqual(config.restPainRedFlag, 8)
        XCTAssertEqual(config.usualWindowDays, 7)
        XCTAssertEqual(config.usualMinLogs, 3)

        let rules = try RuleSet()
        XCTAssertEqual(rules.configuration, config)
        XCTAssertEqual(rules.lastError, "")
        XCTAssertNil(rules.errorPosition)
        XCTAssertTrue(RuleSet.builtinText.contains("rule pm1_pain_during priority 800"))
        let ids = rules.rules.map(\.id)
        XCTAssertEqual(ids.first, "red_flag")
        for id in ["flare_escalate", "pm1_pain_during", "pm2_pain_after", "pm3_next_morning", "two_for_two", "effort_up"] {
            XCTAssertTrue(ids.contains(id), id)
        }
        let redFlag = try XCTUnwrap(rules.rule(id: "red_flag"))
        XCTAssertEqual(redFlag.priority, 1000)
        XCTAssertEqual(redFlag.ruleClass, .refer)
        XCTAssertEqual(redFlag.alternativeCount, 1)
        XCTAssertGreaterThan(redFlag.line, 1)
        let pm1 = try XCTUnwrap(rules.rule(id: "pm1_pain_during"))
        XCTAssertEqual(pm1.ruleClass, .reduce)
        XCTAssertEqual(pm1.alternativeCount, 4)
        XCTAssertEqual(try XCTUnwrap(rules.rule(id: "two_for_two")).ruleClass, .progress)
        XCTAssertNil(rules.rule(id: "nope"))
        XCTAssertNil(rules.rule(id: "a\0b"))

        let empty = try RuleSet(configuration: RuleSetConfiguration(includeBuiltin: false))
        XCTAssertTrue(empty.rules.isEmpty)
        XCTAssertTrue(empty.parameters.isEmpty)

        var bad = RuleSetConfiguration()
        bad.restPainRedFlag = 0
        assertHipError(.invalid, "rest_pain_red_flag") { try RuleSet(configuration: bad) }
        bad = RuleSetConfiguration()
        bad.usualMinLogs = 8
        assertHipError(.invalid) { try RuleSet(configuration: bad) }
        bad.usualMinLogs = -1
        assertHipError(.invalid, "usual_min_logs") { try RuleSet(configuration: bad) }
    }

    func testParameters() throws {
        let rules = try RuleSet()
        let pain = try XCTUnwrap(rules.parameters.first { $0.name == "pain_acceptable" })
        XCTAssertEqual(pain.value, 5)
        XCTAssertEqual(pain.defaultValue, 5)
        XCTAssertTrue(pain.range.contains(5))
        let window = try XCTUnwrap(rules.parameters.first { $0.name == "pain_window_days" })
        XCTAssertTrue(window.isInteger)
        XCTAssertEqual(try rules.parameter("load_step_kg"), 0.5)

        try rules.setParameter("pain_acceptable", to: 4)
        XCTAssertEqual(try rules.parameter("pain_acceptable"), 4)
        let changed = try XCTUnwrap(rules.parameters.first { $0.name == "pain_acceptable" })
        XCTAssertEqual(changed.value, 4)
        XCTAssertEqual(changed.defaultValue, 5)

        assertHipError(.notFound, "nope") { try rules.parameter("nope") }
        assertHipError(.notFound, "nope") { try rules.setParameter("nope", to: 1) }
        assertHipError(.invalid, "NUL") { try rules.setParameter("a\0", to: 1) }
        assertHipError(.range) { try rules.setParameter("pain_acceptable", to: pain.range.upperBound + 1) }
        assertHipError(.range) { try rules.setParameter("pain_acceptable", to: .nan) }
        assertHipError(.range) { try rules.setParameter("pain_window_days", to: 2.5) }   // a window: whole days
        XCTAssertEqual(try rules.parameter("pain_acceptable"), 4)                      // unchanged
    }

    func testParseErrorsGiveLineAndColumn() throws {
        let rules = try RuleSet()
        let count = rules.rules.count
        let error = assertHipError(.format, "line 3, column 8") {
            try rules.parse("param x = 1\nrule mine priority 10\n  when nope > x\n  then keep\n")
        }
        XCTAssertNotNil(error)
        let position = try XCTUnwrap(rules.errorPosition)
        XCTAssertEqual(position.line, 3)
        XCTAssertEqual(position.column, 8)
        XCTAssertTrue(rules.lastError.hasPrefix("line 3, column 8"))
        XCTAssertEqual(rules.rules.count, count)                    // all or nothing
        assertHipError(.notFound) { try rules.parameter("x") }

        assertHipError(.format, "line 1, column", "expected an action") { try rules.parse("rule r when reps > 1 then") }
        assertHipError(.format, "line 1", "nope") { try rules.parse("rule r when reps > nope then keep") }
        assertHipError(.format, "line 2") { try rules.parse("\nrule red_flag when reps > 1 then keep") }   // duplicate id
        assertHipError(.format, "line 1") { try rules.parse("param pain_acceptable = 3") }               // duplicate param

        try rules.parse("")                                         // nothing to add
        XCTAssertNil(rules.errorPosition)
        try rules.parse("rule mine priority 10 when sets >= 3 then keep say \"enough sets\"")
        XCTAssertEqual(rules.rules.count, count + 1)
        XCTAssertEqual(rules.rules.last?.id, "mine")
        XCTAssertEqual(rules.rules.last?.ruleClass, .keep)
    }

    func testCustomTextAndExportRoundTrip() throws {
        let text = """
            # A PT's own rule set.
            param few = 3
            rule few_sessions priority 300
              when sessions over last 14 days < few
              then keep
              say "fewer than 3 sessions in the last 2 weeks"
            rule up
              when min reps_over_target over last 2 sessions >= 2
              then reps +2 max dose else sets +1 max 3
            """
        let rules = try RuleSet(text: text)
        XCTAssertEqual(rules.rules.map(\.id), ["few_sessions", "up"])
        XCTAssertEqual(rules.rules[0].line, 3)
        XCTAssertEqual(rules.rules[1].priority, 50)
        XCTAssertEqual(rules.rules[1].ruleClass, .progress)
        XCTAssertEqual(rules.rules[1].alternativeCount, 2)
        XCTAssertEqual(rules.parameters.map(\.name), ["few"])
        assertHipError(.format, "line 1") { try RuleSet(text: "rule") }

        let exported = try rules.exportText()
        let again = try RuleSet(text: exported)
        XCTAssertEqual(again.rules.map(\.id), rules.rules.map(\.id))
        XCTAssertEqual(again.parameters, rules.parameters)
        XCTAssertEqual(try again.exportText(), exported)

        let builtin = try RuleSet()
        try builtin.setParameter("rep_step", to: 1)
        let copy = try RuleSet(text: try builtin.exportText())
        XCTAssertEqual(copy.rules.map(\.id), builtin.rules.map(\.id))
        XCTAssertEqual(try copy.parameter("rep_step"), 1)
    }

    // MARK: Red flags, load step

    func testCheckInRedFlags() throws {
        let none = try CheckIn(day: start).redFlags()
        XCTAssertEqual(none, RedFlagReport(flags: [], tier: .none))

        let numbness = try CheckIn(day: start, answers: [.numbnessWeakness]).redFlags()
        XCTAssertFalse(numbness.flags.isEmpty)
        XCTAssertGreaterThan(numbness.tier, .none)

        let septic = try CheckIn(day: start, answers: [.fever, .hipPain]).redFlags()
        XCTAssertTrue(septic.flags.contains(.rf(1)))                 // RF-01 = fever and hip pain
        XCTAssertEqual(try CheckIn(day: start, answers: [.fever]).redFlags().flags.contains(.rf(1)), false)

        let rest = CheckIn(day: start, answers: [.restPainPersists], restPain: 9)
        XCTAssertTrue(try rest.redFlags().flags.contains(.rf(16)))   // RF-16: rest pain >= 8, not easing
        var config = RuleSetConfiguration()
        config.restPainRedFlag = 10
        XCTAssertFalse(try rest.redFlags(configuration: config).flags.contains(.rf(16)))
        config = RuleSetConfiguration()
        config.enabledRedFlags = RedFlags.all.subtracting(.rf(16))
        XCTAssertFalse(try rest.redFlags(configuration: config).flags.contains(.rf(16)))

        XCTAssertTrue(CheckIn.clearance(on: start).cleared)
        assertHipError(.range, "rest_pain") { try CheckIn(day: start, restPain: 11).redFlags() }
        config = RuleSetConfiguration()
        config.restPainRedFlag = 11
        assertHipError(.invalid, "configuration") { try rest.redFlags(configuration: config) }
        config.restPainRedFlag = Int.max
        assertHipError(.invalid, "rest_pain_red_flag") { try rest.redFlags(configuration: config) }
        assertHipError(.invalid, "unknown answer bits 0x40000000") {
            try CheckIn(day: start, answers: CheckInAnswers(rawValue: 1 << 30)).redFlags()
        }
    }

    func testLoadStep() throws {
        let up = try RuleSet.loadStep(loadKg: 20, percent: 5, stepKg: 0.5, capPercent: 10)
        XCTAssertEqual(up.newLoadKg, 21)
        XCTAssertTrue(up.withinCap)
        let capped = try RuleSet.loadStep(loadKg: 4, percent: 5, stepKg: 0.5, capPercent: 10)
        XCTAssertEqual(capped.newLoadKg, 4.5)                        // +12.5 %: refused by the cap
        XCTAssertFalse(capped.withinCap)
        assertHipError(.range) { try RuleSet.loadStep(loadKg: 0, percent: 5, stepKg: 0.5, capPercent: 10) }
        assertHipError(.range) { try RuleSet.loadStep(loadKg: 10, percent: 5, stepKg: -1, capPercent: 10) }
    }

    // MARK: Evaluation

    /// CLINICAL.md §3.1 PM-1: pain during exercise above 5 -> step down (regress, else less load,
    /// sets or reps), never progress.
    func testPainDuringAboveAcceptableRegresses() throws {
        let world = try makeWorld(weeks: 1, painfulDay: 2, painfulDuring: 6)
        let rules = try RuleSet()
        let d = try rules.evaluate(world.history, on: day(6), exercise: 0)
        XCTAssertEqual(d.ruleId, "pm1_pain_during")
        XCTAssertEqual(d.ruleClass, .reduce)
        XCTAssertEqual(d.priority, 800)
        XCTAssertEqual(d.action, .regress)                          // squat -> its easier variant
        XCTAssertEqual(d.after.exerciseId, "mini_squat")
        XCTAssertEqual(try world.catalog.easier(than: "squat")?.id, "mini_squat")
        XCTAssertEqual(d.variable, .none)
        XCTAssertFalse(d.limited)
        XCTAssertTrue(d.changesProgram)
        XCTAssertEqual(d.before.exerciseId, "squat")
        XCTAssertEqual(d.day, day(6))
        XCTAssertEqual(d.effectiveDay, day(7))
        XCTAssertEqual(d.programVersion, 1)
        XCTAssertEqual(d.exerciseIndex, 0)
        XCTAssertEqual(d.redFlags, [])
        XCTAssertEqual(d.redFlagTier, .none)
        XCTAssertTrue(d.explanation.contains("PM-1"), d.explanation)
        let input = try XCTUnwrap(d.inputs.first)
        XCTAssertEqual(input.metric, "pain_during")
        XCTAssertEqual(input.aggregate, .max)
        XCTAssertEqual(input.window, 7)
        XCTAssertEqual(input.windowUnit, .days)
        XCTAssertEqual(input.value, 6)
        XCTAssertEqual(input.comparison, .greater)
        XCTAssertEqual(input.threshold, 5)
        XCTAssertEqual(input.thresholdParameter, "pain_acceptable")
        XCTAssertEqual(input.result, true)

        // Pain 5 is acceptable: PM-1 does not fire.
        let ok = try makeWorld(weeks: 1, painfulDay: 2, painfulDuring: 5)
        XCTAssertNotEqual(try rules.evaluate(ok.history, on: day(6), exercise: 0).ruleId, "pm1_pain_during")
        // A raised threshold: 6 is acceptable too.
        try rules.setParameter("pain_acceptable", to: 6)
        XCTAssertNotEqual(try rules.evaluate(world.history, on: day(6), exercise: 0).ruleId, "pm1_pain_during")

        // evaluateAll: one decision per exercise, the same as evaluate.
        let strict = try RuleSet()
        let all = try strict.evaluateAll(world.history, on: day(6))
        XCTAssertEqual(all.count, 3)
        XCTAssertEqual(all.map(\.before.exerciseId), ["squat", "bridge", "clamshell"])
        XCTAssertEqual(all[0], try strict.evaluate(world.history, on: day(6), exercise: 0))
        XCTAssertEqual(all.map(\.exerciseIndex), [0, 1, 2])

        // Value semantics: Codable and the C round trip keep every field.
        let decoded = try JSONDecoder().decode(ProgressionDecision.self, from: try JSONEncoder().encode(d))
        XCTAssertEqual(decoded, d)
        XCTAssertEqual(try ProgressionDecision(try d.cValue()), d)

        // Applying the regression: version 2 prescribes mini_squat from the next day.
        XCTAssertTrue(try world.program.apply(d, catalog: world.catalog))
        XCTAssertEqual(world.program.version(on: day(7))?.exercises.first?.exerciseId, "mini_squat")
        XCTAssertEqual(world.program.version(on: day(6))?.exercises.first?.exerciseId, "squat")
    }

    func testUnknownMetricsAndNoRule() throws {
        // No sessions, no pain log: nothing is known, no rule of this set fires.
        let world = try makeWorld(weeks: 0)
        let rules = try RuleSet(text: "rule hot when max pain_during over last 7 days > 5 then regress")
        let d = try rules.evaluate(ProgressionHistory(program: world.program), on: day(3), exercise: 1)
        XCTAssertNil(d.ruleId)
        XCTAssertEqual(d.action, .keep)
        XCTAssertEqual(d.ruleClass, .keep)
        XCTAssertEqual(d.variable, .none)
        XCTAssertFalse(d.changesProgram)
        XCTAssertEqual(d.after, d.before)
        XCTAssertTrue(d.inputs.isEmpty)
    }

    func testRedFlagRefersAndClearanceResumes() throws {
        var world = try makeWorld(weeks: 2)
        world.checkIns = [CheckIn(day: day(10), answers: [.numbnessWeakness])]
        let rules = try RuleSet()
        for d in try rules.evaluateAll(world.history, on: day(13)) {
            XCTAssertEqual(d.action, .refer)
            XCTAssertEqual(d.ruleId, "red_flag")
            XCTAssertEqual(d.ruleClass, .refer)
            XCTAssertFalse(d.redFlags.isEmpty)
            XCTAssertGreaterThan(d.redFlagTier, .none)
            XCTAssertFalse(d.changesProgram)
            XCTAssertEqual(try XCTUnwrap(d.inputs.first).metric, "red_flag")
        }
        // Before the check-in nothing is seen.
        XCTAssertNotEqual(try rules.evaluate(world.history, on: day(9), exercise: 0).action, .refer)

        // A rule set without a refer rule cannot progress through a red flag either.
        let custom = try RuleSet(text: "rule always when sets >= 1 then sets +1 max 5")
        let guarded = try custom.evaluate(world.history, on: day(13), exercise: 0)
        XCTAssertEqual(guarded.action, .refer)
        XCTAssertEqual(guarded.ruleId, "red_flag_guard")

        // A clinician's clearance clears it.
        world.checkIns.append(.clearance(on: day(12)))
        XCTAssertNotEqual(try rules.evaluate(world.history, on: day(13), exercise: 0).action, .refer)
        XCTAssertEqual(try custom.evaluate(world.history, on: day(13), exercise: 0).action, .change)

        // A check-in out of range is refused.
        world.checkIns = [CheckIn(day: day(10), restPain: 12)]
        assertHipError(.range, "checkins[0]", "rest_pain") { try rules.evaluate(world.history, on: day(13), exercise: 0) }
        world.checkIns = [CheckIn(day: day(10), answers: CheckInAnswers(rawValue: 1 << 31))]
        assertHipError(.format, "check-in") { try rules.evaluate(world.history, on: day(13), exercise: 0) }
    }

    func testEvaluationErrors() throws {
        let world = try makeWorld(weeks: 1)
        let rules = try RuleSet()
        assertHipError(.notFound, "no program version") { try rules.evaluate(world.history, on: day(-1), exercise: 0) }
        assertHipError(.notFound) { try rules.evaluateAll(world.history, on: day(-1)) }
        assertHipError(.range, "exercise index 3", "3 exercises") { try rules.evaluate(world.history, on: day(6), exercise: 3) }
        assertHipError(.range, "negative") { try rules.evaluate(world.history, on: day(6), exercise: -1) }
        assertHipError(.invalid, "weeks") { try rules.dryRun(world.history, from: start, weeks: -1) }
        let empty = try Program()
        assertHipError(.notFound) { try rules.evaluate(ProgressionHistory(program: empty), on: day(6), exercise: 0) }
    }

    // MARK: Dry run

    func testDryRunRows() throws {
        let world = try makeWorld(weeks: 3, painfulDay: 9)
        let rules = try RuleSet()
        let rows = try rules.dryRun(world.history, from: start, weeks: 3)
        XCTAssertEqual(rows.count, 9)                                // 3 weeks x 3 exercises
        XCTAssertEqual(rows.map(\.week), [1, 1, 1, 2, 2, 2, 3, 3, 3])
        for row in rows {
            XCTAssertEqual(row.decision.day, day(7 * row.week - 1))
            XCTAssertFalse(row.decision.explanation.isEmpty)
        }
        // Week 2 holds the painful session: PM-1 for every exercise; week 1 does not.
        XCTAssertTrue(rows.filter { $0.week == 2 }.allSatisfy { $0.decision.ruleId == "pm1_pain_during" })
        XCTAssertTrue(rows.filter { $0.week == 1 }.allSatisfy { $0.decision.ruleId != "pm1_pain_during" })
        // Each row is the evaluation of that day over the history up to it.
        XCTAssertEqual(rows[3].decision, try rules.evaluate(world.history, on: day(13), exercise: 0))
        // Deterministic.
        XCTAssertEqual(try rules.dryRun(world.history, from: start, weeks: 3), rows)
        // Weeks before the first version have no rows; zero weeks none at all.
        XCTAssertEqual(try rules.dryRun(world.history, from: day(-14), weeks: 3).map(\.week), [3, 3, 3])
        XCTAssertEqual(try rules.dryRun(world.history, from: start, weeks: 0), [])
        // A different threshold changes the rows.
        try rules.setParameter("pain_acceptable", to: 6)
        XCTAssertNotEqual(try rules.dryRun(world.history, from: start, weeks: 3), rows)
    }

    // MARK: Apply

    func testApplyCreatesVersionAndKeepsHistory() throws {
        let world = try makeWorld(weeks: 1, painfulDay: 2)
        let rules = try RuleSet(text: "rule fewer when max pain_during over last 7 days > 5 then sets -1 min 1 say \"it hurt\"")
        let decisions = try rules.evaluateAll(world.history, on: day(6))
        let first = decisions[0]
        XCTAssertEqual(first.action, .change)
        XCTAssertEqual(first.variable, .sets)
        XCTAssertEqual(first.before.sets, 3)
        XCTAssertEqual(first.after.sets, 2)
        XCTAssertTrue(first.changesProgram)
        XCTAssertTrue(first.explanation.contains("it hurt"), first.explanation)
        let original = try world.program.version(at: 0)

        XCTAssertTrue(try world.program.apply(first, catalog: world.catalog))
        XCTAssertEqual(world.program.versionCount, 2)
        let v2 = try world.program.version(at: 1)
        XCTAssertEqual(v2.number, 2)
        XCTAssertEqual(v2.effective, day(7))
        XCTAssertEqual(v2.note, first.explanation)
        XCTAssertEqual(v2.sessionsPerWeek, original.sessionsPerWeek)
        XCTAssertEqual(v2.exercises[0], first.after)
        XCTAssertEqual(Array(v2.exercises[1...]), Array(original.exercises[1...]))
        XCTAssertEqual(try world.program.version(at: 0), original)   // history is never edited
        XCTAssertEqual(world.program.version(on: day(6)), original)

        // The other decisions of the same evaluation apply one after the other ...
        XCTAssertTrue(try world.program.apply(decisions[1]))
        XCTAssertEqual(world.program.versionCount, 3)
        // ... but none twice: a stale decision is refused.
        assertHipError(.state, "stale decision") { try world.program.apply(first, catalog: world.catalog) }
        XCTAssertEqual(world.program.versionCount, 3)

        // Keep, pause and refer commit nothing.
        var keep = decisions[2]
        keep.action = .keep
        XCTAssertFalse(try world.program.apply(keep))
        keep.action = .refer
        XCTAssertFalse(try world.program.apply(keep))
        XCTAssertEqual(world.program.versionCount, 3)

        // An advance to an exercise the catalog does not have.
        var advance = decisions[2]
        advance.action = .advance
        advance.after.exerciseId = "no_such_exercise"
        assertHipError(.notFound, "no_such_exercise") { try world.program.apply(advance, catalog: world.catalog) }
        XCTAssertEqual(world.program.versionCount, 3)

        // An open draft blocks applying.
        try world.program.begin(effective: day(8), sessionsPerWeek: 3)
        assertHipError(.state, "draft") { try world.program.apply(decisions[2]) }
        try world.program.discard()
        XCTAssertTrue(try world.program.apply(decisions[2], catalog: world.catalog))
        XCTAssertEqual(world.program.versionCount, 4)

        // A decision the Swift layer cannot express in C.
        var bad = decisions[2]
        bad.explanation = String(repeating: "x", count: 300)
        assertHipError(.invalid, "text") { try world.program.apply(bad) }
        bad = decisions[2]
        bad.inputs = Array(repeating: bad.inputs.first ?? ProgressionInput(hip_progression_input()), count: 9)
        assertHipError(.invalid, "inputs") { try world.program.apply(bad) }
    }
}
