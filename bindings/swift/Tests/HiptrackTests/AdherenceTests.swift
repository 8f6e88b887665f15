import XCTest
import Foundation
@testable import Hiptrack

final class AdherenceTests: XCTestCase {
    let start = try! CivilDate(year: 2026, month: 11, day: 2)   // a Monday

    func day(_ n: Int) -> CivilDate { try! start.adding(days: n) }
    func date(_ text: String) -> CivilDate { try! CivilDate(text) }

    /// Completed sessions on the given program days.
    func sessions(onDays days: [Int], minutes: Double = 30) -> [AdherenceSession] {
        days.map { AdherenceSession(day: day($0), completed: true, minutes: minutes) }
    }

    func testConfigurationDefaults() throws {
        let config = AdherenceConfiguration(startDay: start)
        XCTAssertEqual(config.startDay, start)
        XCTAssertEqual(config.unit, .reps)
        XCTAssertEqual(config.adherentPercent, 80)
        XCTAssertNil(config.weeklySessionTarget)
        XCTAssertEqual(config.habitSessions, 6)
        XCTAssertEqual(config.habitWindowDays, 14)
        XCTAssertEqual(config.finalMonthFirstDay, 56)
        XCTAssertEqual(config.finalMonthLastDay, 83)
        XCTAssertEqual(config.restWeekdays, [])
        let adherence = try Adherence(startDay: start)
        XCTAssertEqual(adherence.configuration, config)
        XCTAssertEqual(adherence.lastError, "")
        XCTAssertEqual(Adherence.maxItems, 1_000_000)
    }

    // MARK: CLINICAL.md §5 test vectors

    func testADH2SessionsPerWeek() throws {
        let adherence = try Adherence(startDay: start)
        try adherence.setSessions(sessions(onDays: (0..<35).map { $0 * 84 / 35 }))
        XCTAssertEqual(try adherence.sessionsPerWeek(today: day(83)), 35.0 / 12, accuracy: 1e-12)   // days_elapsed 84
        try adherence.setSessions(sessions(onDays: [0, 2, 4, 7, 9, 11, 14, 16, 19]))
        XCTAssertEqual(try adherence.sessionsPerWeek(today: day(19)), 3.0, accuracy: 1e-12)        // 9 / 3
        try adherence.setSessions(sessions(onDays: [0, 2, 4]))
        XCTAssertEqual(try adherence.sessionsPerWeek(today: day(5)), 3.0, accuracy: 1e-12)         // 3 / 1
    }

    func testADH3And4Completion() throws {
        XCTAssertEqual(try Adherence.completionPercent(done: 17, prescribed: 20), 85.0)
        XCTAssertEqual(try Adherence.completionPercent(done: 15, prescribed: 20), 75.0)
        XCTAssertNil(try Adherence.completionPercent(done: 0, prescribed: 0))      // NOT_EVALUABLE
        assertHipError(.range) { try Adherence.completionPercent(done: 21, prescribed: 20) }
        assertHipError(.range) { try Adherence.completionPercent(done: -1, prescribed: 20) }
        assertHipError(.range) { try Adherence.completionPercent(done: .nan, prescribed: 20) }
        assertHipError(.range) { try Adherence.completionPercent(done: 1, prescribed: .infinity) }

        // Through weeks: 2 sessions of 10 reps a week = 20 activities.
        let adherence = try Adherence(startDay: start)
        try adherence.setPlan([AdherencePlan(effective: start, sessionsPerWeek: 2, repsPerSession: 10)])
        try adherence.setSessions([
            AdherenceSession(day: day(0), completed: true, minutes: 20, prescribedReps: 10, doneReps: 10),
            AdherenceSession(day: day(3), completed: false, minutes: 15, prescribedReps: 10, doneReps: 7),
            AdherenceSession(day: day(8), completed: true, minutes: 20, prescribedReps: 10, doneReps: 10),
            AdherenceSession(day: day(10), completed: false, minutes: 10, prescribedReps: 10, doneReps: 5),
        ])
        let w1 = try adherence.week(1)
        XCTAssertEqual(w1.week, 1)
        XCTAssertEqual(w1.firstDay, start)
        XCTAssertEqual(w1.sessionsLogged, 2)
        XCTAssertEqual(w1.sessionsCompleted, 1)                // ADH-1
        XCTAssertEqual(w1.prescribed, 20)
        XCTAssertEqual(w1.done, 17)
        XCTAssertEqual(try XCTUnwrap(w1.completionPercent), 85, accuracy: 1e-9)
        XCTAssertTrue(w1.evaluable)
        XCTAssertTrue(w1.adherent)
        XCTAssertEqual(w1.sessionTarget, 2)
        XCTAssertFalse(w1.targetMet)
        XCTAssertEqual(w1.minutes, 35)
        let w2 = try adherence.week(2)
        XCTAssertEqual(w2.firstDay, day(7))
        XCTAssertEqual(try XCTUnwrap(w2.completionPercent), 75, accuracy: 1e-9)
        XCTAssertFalse(w2.adherent)

        // Nothing prescribed: not evaluable.
        try adherence.setPlan([AdherencePlan(effective: start, sessionsPerWeek: 2, repsPerSession: 0)])
        let empty = try adherence.week(1)
        XCTAssertNil(empty.completionPercent)
        XCTAssertFalse(empty.evaluable)
        XCTAssertFalse(empty.adherent)
    }

    func testADH5PoorAdherence() throws {
        let adherence = try Adherence(startDay: start)
        try adherence.setPlan([AdherencePlan(effective: start, sessionsPerWeek: 1, repsPerSession: 100)])
        func weekly(_ done: [Int]) -> [AdherenceSession] {
            done.enumerated().map { w, d in
                AdherenceSession(day: day(7 * w + 1), completed: true, minutes: 20, prescribedReps: 100, doneReps: d)
            }
        }
        try adherence.setSessions(weekly([90, 78, 76]))
        XCTAssertEqual(try adherence.poorAdherenceWeek(today: day(21)), 3)
        XCTAssertNil(try adherence.poorAdherenceWeek(today: day(20)))       // week 3 not complete yet
        XCTAssertEqual(try adherence.report(on: day(21)).poorAdherenceWeek, 3)
        try adherence.setSessions(weekly([90, 78, 85, 79]))
        XCTAssertNil(try adherence.poorAdherenceWeek(today: day(28)))
        XCTAssertNil(try adherence.report(on: day(28)).poorAdherenceWeek)
    }

    func testADH6FinalMonth() throws {
        let adherence = try Adherence(startDay: start)
        try adherence.setSessions(sessions(onDays: [3, 20, 60]))
        XCTAssertTrue(try adherence.finalMonthCompleted())
        try adherence.setSessions(sessions(onDays: [3, 20, 50]))
        XCTAssertFalse(try adherence.finalMonthCompleted())
    }

    func testADH7HabitPoint() throws {
        let adherence = try Adherence(startDay: date("2024-01-01"))
        let dates = ["2024-01-01", "2024-01-02", "2024-01-04", "2024-01-06", "2024-01-09"]
        try adherence.setSessions((dates + ["2024-01-14"]).map { AdherenceSession(day: date($0)) })
        XCTAssertEqual(try adherence.habitPoint(today: date("2024-01-20")), date("2024-01-14"))
        XCTAssertEqual(try adherence.report(on: date("2024-01-20")).habitDay, date("2024-01-14"))
        XCTAssertNil(try adherence.habitPoint(today: date("2024-01-13")))   // not yet
        try adherence.setSessions((dates + ["2024-01-15"]).map { AdherenceSession(day: date($0)) })
        XCTAssertNil(try adherence.habitPoint(today: date("2024-01-20")))   // span 14 days
        XCTAssertNil(try adherence.report(on: date("2024-01-20")).habitDay)
    }

    func testADH8DayStreak() throws {
        let adherence = try Adherence(startDay: date("2026-03-01"))
        try adherence.setSessions(["2026-03-01", "2026-03-02", "2026-03-03"].map { AdherenceSession(day: date($0)) })
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-03")), 3)
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-04")), 3)   // grace
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-05")), 0)
        try adherence.setSessions(["2026-03-01", "2026-03-03"].map { AdherenceSession(day: date($0)) })
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-03")), 1)
        // A planned rest day in the gap neither breaks nor extends the streak.
        try adherence.setRestDays([date("2026-03-02")])
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-03")), 2)
        try adherence.setRestDays([])
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-03")), 1)
        // So does a flare pause.
        try adherence.setPauses([AdherencePause(first: date("2026-03-02"), last: date("2026-03-02"))])
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-03")), 2)
        // Incomplete sessions do not count.
        try adherence.setPauses([])
        try adherence.setSessions([AdherenceSession(day: date("2026-03-03"), completed: false)])
        XCTAssertEqual(try adherence.dayStreak(today: date("2026-03-03")), 0)
    }

    func testRestWeekdaysInConfiguration() throws {
        // docs/adherence.md: sessions Mon, Tue, Thu, Wednesday a rest day: streak 3 on Thursday.
        var config = AdherenceConfiguration(startDay: start)      // start is a Monday
        XCTAssertEqual(start.weekday, 1)
        config.restWeekdays = [3]
        let adherence = try Adherence(configuration: config)
        try adherence.setSessions(sessions(onDays: [0, 1, 3]))
        XCTAssertEqual(try adherence.dayStreak(today: day(3)), 3)
        XCTAssertEqual(try Adherence(startDay: start).dayStreak(today: day(3)), 0)
    }

    func testADH9WeekStreak() throws {
        var config = AdherenceConfiguration(startDay: start)
        config.weeklySessionTarget = 3
        let adherence = try Adherence(configuration: config)
        func weekly(_ counts: [Int]) -> [AdherenceSession] {
            counts.enumerated().flatMap { w, n in self.sessions(onDays: (0..<n).map { 7 * w + $0 }) }
        }
        try adherence.setSessions(weekly([3, 4, 2, 3, 3]))
        XCTAssertEqual(try adherence.weekStreak(today: day(34)), 2)
        try adherence.setSessions(weekly([3, 4, 2, 3, 1]))
        XCTAssertEqual(try adherence.weekStreak(today: day(34)), 1)   // week 5 not yet met: week 4 only
        XCTAssertEqual(try adherence.report(on: day(34)).weekStreak, 1)

        // A fully paused week is excused and skipped.
        try adherence.setSessions(weekly([3, 3, 0, 3]))
        XCTAssertEqual(try adherence.weekStreak(today: day(27)), 1)
        try adherence.setPauses([AdherencePause(first: day(14), last: day(20))])
        XCTAssertEqual(try adherence.weekStreak(today: day(27)), 3)
        let paused = try adherence.week(3)
        XCTAssertEqual(paused.pausedDays, 7)
        XCTAssertTrue(paused.excused)
        XCTAssertFalse(paused.targetMet)
    }

    func testRangeReportAndOtherMetrics() throws {
        let adherence = try Adherence(startDay: start)
        try adherence.setPlan([AdherencePlan(effective: start, sessionsPerWeek: 3, repsPerSession: 30)])
        var logged = sessions(onDays: [0, 2, 4, 7, 9, 20], minutes: 25)
        logged.append(AdherenceSession(day: day(9), completed: false, minutes: 5))
        try adherence.setSessions(logged)

        let range = try adherence.rangeStats(from: day(0), through: day(9))
        XCTAssertEqual(range.first, day(0))
        XCTAssertEqual(range.last, day(9))
        XCTAssertEqual(range.sessionsLogged, 6)
        XCTAssertEqual(range.sessionsCompleted, 5)
        XCTAssertEqual(range.exerciseDays, 5)
        XCTAssertEqual(range.minutes, 130, accuracy: 1e-9)
        XCTAssertEqual(try adherence.exerciseDaysLast14(today: day(20)), 3)    // days 7, 9, 20
        XCTAssertEqual(try adherence.activeWeeks(today: day(20)), 3)
        XCTAssertEqual(try adherence.cumulativeMinutes(today: day(9)), 130, accuracy: 1e-9)

        let report = try adherence.report(on: day(20))
        XCTAssertEqual(report.today, day(20))
        XCTAssertEqual(report.currentWeek, 3)
        XCTAssertEqual(report.sessionsCompleted, 6)
        XCTAssertEqual(report.sessionsPerWeek, 2, accuracy: 1e-12)
        XCTAssertEqual(report.dayStreak, 1)
        XCTAssertEqual(report.exerciseDaysLast14, 3)
        XCTAssertEqual(report.activeWeeks, 3)
        XCTAssertEqual(report.cumulativeMinutes, 155, accuracy: 1e-9)
        XCTAssertFalse(report.finalMonthCompleted)
        XCTAssertNil(report.habitDay)
        XCTAssertEqual(try JSONDecoder().decode(AdherenceReport.self, from: JSONEncoder().encode(report)), report)
    }

    func testFromSessionAndProgram() throws {
        let program = try Program()
        try program.begin(effective: start, sessionsPerWeek: 3)
        var bridge = Prescription(exerciseId: "bridge")
        bridge.sets = 2
        bridge.reps = 0           // hold-only: one hold per set
        bridge.holdSeconds = 20
        try program.add(bridge)
        try program.add(Prescription(exerciseId: "clamshell"))    // 3 x 10
        try program.commit()
        let plan = try AdherencePlan(program: program, versionAt: 0)
        XCTAssertEqual(plan, AdherencePlan(effective: start, sessionsPerWeek: 3, repsPerSession: 32))
        assertHipError(.range) { try AdherencePlan(program: program, versionAt: 1) }
        assertHipError(.range) { try AdherencePlan(program: program, versionAt: -1) }

        let session = try Session()
        let startNs = Int64(day(2).dayNumber) * 86_400_000_000_000 + 36_000_000_000_000   // 10:00 UTC
        try session.start(at: startNs, utcOffsetMinutes: 0)
        assertHipError(.state) { try AdherenceSession(session: session) }
        try session.plan(program, versionAt: 0)
        for s in 0..<2 {
            try session.addSet(exercise: 0)
            try session.addRep(SessionRep())
            try session.addSet(exercise: 1)
            for _ in 0..<(s == 0 ? 10 : 12) { try session.addRep(SessionRep()) }
        }
        try session.finish(at: startNs + 1_500_000_000_000)
        let logged = try AdherenceSession(session: session)
        XCTAssertEqual(logged.day, day(2))
        XCTAssertTrue(logged.completed)                 // 4 of 5 sets = 80 %
        XCTAssertEqual(logged.minutes, 25, accuracy: 1e-9)
        XCTAssertEqual(logged.prescribedReps, 32)
        XCTAssertEqual(logged.doneReps, 24)             // 2 holds + 22 clamshells (cap 30)

        let adherence = try Adherence(startDay: start)
        try adherence.setPlan([plan])
        try adherence.setSessions([logged])
        XCTAssertEqual(try adherence.week(1).sessionsCompleted, 1)
        XCTAssertEqual(try XCTUnwrap(adherence.week(1).completionPercent), 100.0 * 24 / 96, accuracy: 1e-9)
        assertHipError(.state) { try AdherenceSession(session: Session()) }
    }

    func testErrors() throws {
        var config = AdherenceConfiguration(startDay: start)
        config.adherentPercent = 0
        assertHipError(.invalid, "adherent_pct") { try Adherence(configuration: config) }
        config = AdherenceConfiguration(startDay: start)
        config.weeklySessionTarget = 15
        assertHipError(.invalid) { try Adherence(configuration: config) }
        config.weeklySessionTarget = -1
        assertHipError(.invalid, "weekly_session_target") { try Adherence(configuration: config) }
        config = AdherenceConfiguration(startDay: start)
        config.restWeekdays = [0]
        assertHipError(.invalid, "rest_weekdays") { try Adherence(configuration: config) }
        config = AdherenceConfiguration(startDay: start)
        config.finalMonthFirstDay = 90
        assertHipError(.invalid) { try Adherence(configuration: config) }

        let adherence = try Adherence(startDay: start)
        // Metrics: today before the start, bad weeks, missing plan or target.
        assertHipError(.range, "before the program start") { try adherence.sessionsPerWeek(today: self.day(-1)) }
        assertHipError(.range) { try adherence.report(on: self.day(-1)) }
        assertHipError(.range) { try adherence.habitPoint(today: self.day(-1)) }
        assertHipError(.range) { try adherence.poorAdherenceWeek(today: self.day(-1)) }
        assertHipError(.range, "week") { try adherence.week(0) }
        assertHipError(.range) { try adherence.week(-1) }
        assertHipError(.state, "no plan") { try adherence.weekStreak(today: self.day(3)) }
        XCTAssertEqual(try adherence.report(on: day(3)).weekStreak, 0)   // the report still works
        assertHipError(.range, "last_day") { try adherence.rangeStats(from: self.day(5), through: self.day(4)) }

        // Inputs: validated fully, all or nothing, the message names the item.
        try adherence.setSessions(sessions(onDays: [0, 1]))
        var bad = sessions(onDays: [0, 1, 2])
        bad[2].minutes = -5
        let error = assertHipError(.invalid, "sessions[2].minutes") { try adherence.setSessions(bad) }
        XCTAssertEqual(error?.message, adherence.lastError)
        bad = sessions(onDays: [0])
        bad[0].doneReps = 5
        assertHipError(.invalid, "sessions[0].done_reps") { try adherence.setSessions(bad) }
        bad[0].doneReps = -5
        assertHipError(.invalid, "sessions[0].done_reps") { try adherence.setSessions(bad) }
        XCTAssertEqual(try adherence.rangeStats(from: day(0), through: day(9)).sessionsLogged, 2)   // unchanged

        assertHipError(.invalid, "plan[1].effective_day") {
            try adherence.setPlan([AdherencePlan(effective: self.day(7), sessionsPerWeek: 3),
                                   AdherencePlan(effective: self.day(0), sessionsPerWeek: 3)])
        }
        assertHipError(.invalid, "plan[0].sessions_per_week") {
            try adherence.setPlan([AdherencePlan(effective: self.start, sessionsPerWeek: 0)])
        }
        assertHipError(.invalid, "plan[0].sessions_per_week") {
            try adherence.setPlan([AdherencePlan(effective: self.start, sessionsPerWeek: -3)])
        }
        assertHipError(.invalid, "pauses[0].last_day") {
            try adherence.setPauses([AdherencePause(first: self.day(5), last: self.day(4))])
        }
        assertHipError(.state) { try adherence.weekStreak(today: self.day(3)) }   // the refused plan was not set
        try adherence.setPlan([])
        try adherence.setPauses([])
        try adherence.setRestDays([])
        try adherence.setSessions([])
        XCTAssertEqual(try adherence.cumulativeMinutes(today: day(9)), 0)
    }
}
