import XCTest
import Foundation
import CHiptrack
@testable import Hiptrack

final class SessionTests: XCTestCase {
    let programStart = try! CivilDate(year: 2026, month: 11, day: 2)
    /// 2026-11-02 23:30 UTC: with a +60 min offset the member's local day is 2026-11-03.
    var lateStartNs: Int64 { Int64(programStart.dayNumber) * 86_400_000_000_000 + 84_600_000_000_000 }

    func makeProgram() throws -> Program {
        let program = try Program()
        try program.begin(effective: programStart, sessionsPerWeek: 3)
        var bridge = Prescription(exerciseId: "bridge")
        bridge.holdSeconds = 2
        try program.add(bridge)
        try program.add(Prescription(exerciseId: "clamshell"))
        try program.commit()
        return program
    }

    func manualRep(at startNs: Int64, flags: RepFlags = []) -> SessionRep {
        var rep = SessionRep()
        rep.startNs = startNs
        rep.peakNs = startNs + 1_000_000_000
        rep.endNs = startNs + 4_000_000_000
        rep.concentricSeconds = 1
        rep.eccentricSeconds = 1
        rep.holdSeconds = 2
        rep.flags = flags
        return rep
    }

    /// Bridge 3 sets of 10 (one rep partial), clamshell 1 set of 4 zero-metric reps.
    func recordLiveSession(threshold: Double = 80) throws -> Session {
        let session = try Session(completionThresholdPercent: threshold)
        XCTAssertEqual(session.state, .new)
        try session.start(at: lateStartNs, utcOffsetMinutes: 60)
        try session.plan(try makeProgram(), versionAt: 0)
        try session.setPain(2, at: .before)
        try session.setPain(4, at: .during)
        for s in 0..<3 {
            try session.addSet(exercise: 0, SessionSet(startNs: lateStartNs + Int64(s) * 60_000_000_000))
            for r in 0..<10 {
                try session.addRep(manualRep(at: Int64(r) * 5_000_000_000, flags: s == 1 && r == 9 ? .partial : []))
            }
            try session.updateSet(SessionSet(startNs: lateStartNs + Int64(s) * 60_000_000_000, rpe: 6, pain: s == 2 ? 5 : 3))
        }
        try session.addSet(exercise: 1, SessionSet(loadKg: 2.5))
        for _ in 0..<4 { try session.addRep(SessionRep()) }
        try session.setPain(3, at: .after)
        try session.finish(at: lateStartNs + 1_800_000_000_000)
        return session
    }

    func testValueDefaults() throws {
        let ex = SessionExercise(exerciseId: "bridge")
        XCTAssertEqual(ex.side, .both)
        XCTAssertEqual(ex.prescribedSets, 0)
        XCTAssertEqual(ex.setCount, 0)
        var rx = Prescription(exerciseId: "clamshell")
        rx.side = .left
        rx.loadKg = 2
        let fromRx = try SessionExercise(prescription: rx)
        XCTAssertEqual(fromRx.exerciseId, "clamshell")
        XCTAssertEqual(fromRx.side, .left)
        XCTAssertEqual(fromRx.prescribedSets, 3)
        XCTAssertEqual(fromRx.prescribedReps, 10)
        XCTAssertEqual(fromRx.prescribedLoadKg, 2)

        let set = SessionSet()
        XCTAssertNil(set.rpe)
        XCTAssertNil(set.pain)
        XCTAssertEqual(set.startNs, 0)
        let rep = SessionRep()
        XCTAssertEqual(rep.origin, .manual)
        XCTAssertEqual(rep.flags, [])
        XCTAssertEqual(rep.excursionDegrees, 0)
        XCTAssertEqual(Session.maxExercises, 200)
        XCTAssertEqual(Session.maxSets, 100)
        XCTAssertEqual(Session.maxReps, 1000)
        XCTAssertEqual(Session.maxUTCOffsetMinutes, 1080)
    }

    func testLiveSessionAndSummary() throws {
        let session = try recordLiveSession()
        let info = session.info
        XCTAssertEqual(info.state, .finished)
        XCTAssertEqual(info.startNs, lateStartNs)
        XCTAssertEqual(info.endNs, lateStartNs + 1_800_000_000_000)
        XCTAssertEqual(info.utcOffsetMinutes, 60)
        XCTAssertEqual(info.day, try programStart.adding(days: 1))    // the member's local day
        XCTAssertEqual(info.programVersion, 1)
        XCTAssertEqual(info.programEffective, programStart)
        XCTAssertEqual(info.painBefore, 2)
        XCTAssertEqual(info.painDuring, 4)
        XCTAssertEqual(info.painAfter, 3)
        XCTAssertEqual(info.abandonReason, .notAbandoned)
        XCTAssertEqual(info.exerciseCount, 2)

        XCTAssertEqual(session.exercises.map(\.exerciseId), ["bridge", "clamshell"])
        XCTAssertEqual(session.exercises.map(\.setCount), [3, 1])
        XCTAssertEqual(try session.exercise(at: 0).prescribedHoldSeconds, 2)
        let sets = try session.sets(exercise: 0)
        XCTAssertEqual(sets.map(\.repCount), [10, 10, 10])
        XCTAssertEqual(sets.map(\.rpe), [6, 6, 6])
        XCTAssertEqual(sets.map(\.pain), [3, 3, 5])
        XCTAssertEqual(try session.set(exercise: 1, at: 0).loadKg, 2.5)
        XCTAssertNil(try session.set(exercise: 1, at: 0).rpe)
        XCTAssertEqual(try session.rep(exercise: 0, set: 1, at: 9).flags, .partial)
        XCTAssertEqual(try session.reps(exercise: 1, set: 0), Array(repeating: SessionRep(), count: 4))

        let summary = try session.summary()
        XCTAssertEqual(summary.day, try programStart.adding(days: 1))
        XCTAssertTrue(summary.finished)
        XCTAssertEqual(summary.prescribedSets, 6)
        XCTAssertEqual(summary.doneSets, 4)
        XCTAssertEqual(summary.prescribedReps, 60)
        XCTAssertEqual(summary.doneReps, 34)
        XCTAssertEqual(summary.doneRepsCapped, 34)
        XCTAssertEqual(summary.goodReps, 33)
        XCTAssertEqual(try XCTUnwrap(summary.setCompletionPercent), 400.0 / 6, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(summary.repCompletionPercent), 3400.0 / 60, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(summary.goodRepPercent), 3300.0 / 34, accuracy: 1e-9)
        XCTAssertFalse(summary.completed)                          // 66.7 % < 80 %
        XCTAssertEqual(summary.timeUnderTensionSeconds, 120, accuracy: 1e-9)
        XCTAssertEqual(summary.activeSeconds, 1800, accuracy: 1e-9)
        XCTAssertEqual(summary.painMax, 5)
        XCTAssertEqual(summary.abandonReason, .notAbandoned)

        // The same session with a 50 % threshold is completed.
        XCTAssertTrue(try recordLiveSession(threshold: 50).summary().completed)
    }

    func testRunningSummaryAndUnprescribed() throws {
        let session = try Session()
        try session.start(at: 1_000_000_000_000_000_000, utcOffsetMinutes: -300)
        XCTAssertEqual(session.state, .running)
        XCTAssertNil(session.info.programVersion)
        XCTAssertNil(session.info.painBefore)
        var summary = try session.summary()
        XCTAssertFalse(summary.finished)
        XCTAssertNil(summary.setCompletionPercent)          // nothing prescribed: -1 in C
        XCTAssertNil(summary.goodRepPercent)
        XCTAssertNil(summary.painMax)
        XCTAssertFalse(summary.completed)
        try session.setProgram(version: 2, effective: programStart)
        XCTAssertEqual(session.info.programVersion, 2)
        let index = try session.addExercise(SessionExercise(exerciseId: "walking"))
        XCTAssertEqual(index, 0)
        try session.addSet(exercise: index)
        try session.addRep(SessionRep())
        summary = try session.summary()
        XCTAssertTrue(summary.completed)                    // no prescription: one set with a rep
        XCTAssertEqual(summary.activeSeconds, 0)            // still running
        try session.finish(at: 1_000_000_600_000_000_000, reason: .fatigue)
        XCTAssertEqual(try session.summary().abandonReason, .fatigue)
        XCTAssertEqual(try session.summary().activeSeconds, 600, accuracy: 1e-9)
    }

    func testRepsFromSimulatorAndDetector() throws {
        let catalog = try Catalog()
        let squat = try catalog.require("squat")
        let (recording, truth) = try simulate("squat", seed: 11, sets: 1, reps: 8)
        let events = try detect(recording, with: try RepDetector(exercise: squat), chunk: 64)
        XCTAssertEqual(events.count, truth)

        let session = try Session()
        try session.start(at: 1_790_000_000_000_000_000)
        var ex = SessionExercise(exerciseId: "squat")
        ex.prescribedSets = 1
        ex.prescribedReps = 8
        let index = try session.addExercise(ex)
        try session.addSet(exercise: index)
        XCTAssertEqual(try session.addReps(events), events.count)
        try session.finish(at: 1_790_000_000_000_000_000 + Int64(recording.times.last!))

        let reps = try session.reps(exercise: 0, set: 0)
        XCTAssertEqual(reps.count, truth)
        XCTAssertEqual(reps, events.map(SessionRep.init(event:)))
        for (rep, event) in zip(reps, events) {
            XCTAssertEqual(rep.origin, .detector)
            XCTAssertEqual(rep.startNs, event.startNs)
            XCTAssertEqual(rep.endNs, event.endNs)
            XCTAssertEqual(rep.flags, event.flags)
            XCTAssertEqual(rep.excursionDegrees, event.excursionDegrees)
            XCTAssertEqual(rep.peakSpeedDegreesPerSecond, event.peakSpeedDegreesPerSecond)
        }
        let summary = try session.summary()
        XCTAssertEqual(summary.doneReps, truth)
        XCTAssertEqual(summary.doneSets, 1)
        XCTAssertTrue(summary.completed)
        let tut = events.reduce(0.0) { $0 + $1.concentricSeconds + $1.eccentricSeconds + $1.holdSeconds }
        XCTAssertEqual(summary.timeUnderTensionSeconds, tut, accuracy: 1e-9)

        // The document keeps the detector's reps.
        let copy = try Session(json: try session.exportJSON())
        XCTAssertEqual(try copy.reps(exercise: 0, set: 0), reps)
        XCTAssertTrue(try session.exportJSON().contains("\"origin\": \"detector\""))
    }

    func testStateErrors() throws {
        let session = try Session()
        // Before start.
        assertHipError(.state, "not started") { try session.setPain(3, at: .before) }
        assertHipError(.state, "not started") { try session.addExercise(SessionExercise(exerciseId: "bridge")) }
        assertHipError(.state, "not started") { try session.finish(at: 0) }
        assertHipError(.state, "not started") { try session.summary() }
        assertHipError(.state, "finished") { try session.exportJSON() }
        // Running.
        try session.start(at: 1_000_000_000_000_000_000)
        assertHipError(.state, "already started") { try session.start(at: 1_000_000_000_000_000_000) }
        let index = try session.addExercise(SessionExercise(exerciseId: "bridge"))
        assertHipError(.state, "no set") { try session.addRep(SessionRep()) }
        assertHipError(.state, "no set") { try session.updateSet(SessionSet(rpe: 5)) }
        assertHipError(.state, "already added") { try session.plan(try makeProgram(), versionAt: 0) }
        assertHipError(.state, "new session") { try session.importJSON(try recordLiveSession().exportJSON()) }
        assertHipError(.state) { try session.exportJSON() }
        try session.addSet(exercise: index)
        try session.addRep(SessionRep())
        try session.finish(at: 1_000_000_001_000_000_000)
        // Finished: immutable.
        assertHipError(.state, "finished") { try session.addSet(exercise: index) }
        assertHipError(.state, "finished") { try session.addRep(SessionRep()) }
        assertHipError(.state, "finished") { try session.addExercise(SessionExercise(exerciseId: "squat")) }
        assertHipError(.state, "finished") { try session.setPain(1, at: .after) }
        assertHipError(.state, "finished") { try session.setProgram(version: 1, effective: self.programStart) }
        assertHipError(.state, "finished") { try session.finish(at: 1_000_000_002_000_000_000) }
        assertHipError(.state, "finished") { try session.updateSet(SessionSet()) }
        let error = assertHipError(.state) { try session.start(at: 0) }
        XCTAssertEqual(error?.message, session.lastError)
        XCTAssertEqual(try session.reps(exercise: 0, set: 0).count, 1)   // nothing changed
    }

    func testRangeAndValidationErrors() throws {
        assertHipError(.invalid, "completion_threshold_pct") { try Session(completionThresholdPercent: 0) }
        assertHipError(.invalid) { try Session(completionThresholdPercent: .nan) }
        let session = try Session()
        assertHipError(.range, "utc_offset_min") { try session.start(at: 0, utcOffsetMinutes: 1081) }
        assertHipError(.range, "utc_offset_min") { try session.start(at: 0, utcOffsetMinutes: Int.min) }
        assertHipError(.range, "start_ns") { try session.start(at: -1) }
        XCTAssertEqual(session.state, .new)                 // refused calls change nothing
        try session.start(at: 5_000_000_000, utcOffsetMinutes: -1080)

        for pain in [-1, 11, Int.max] {
            assertHipError(.range, "pain") { try session.setPain(pain, at: .during) }
        }
        XCTAssertNil(session.info.painDuring)
        try session.setPain(0, at: .during)
        XCTAssertEqual(session.info.painDuring, 0)
        assertHipError(.range, "version_number") { try session.setProgram(version: 0, effective: self.programStart) }
        assertHipError(.range, "version_number") { try session.setProgram(version: -2, effective: self.programStart) }
        assertHipError(.range, "version_index") { try session.plan(try makeProgram(), versionAt: 3) }
        assertHipError(.range) { try session.plan(try makeProgram(), versionAt: -1) }

        assertHipError(.invalid, "exercise") { try session.addExercise(SessionExercise(exerciseId: "Not An Id")) }
        assertHipError(.invalid, "exercise") { try session.addExercise(SessionExercise(exerciseId: String(repeating: "x", count: 64))) }
        var ex = SessionExercise(exerciseId: "bridge")
        ex.prescribedSets = 21
        assertHipError(.invalid, "prescribed.sets") { try session.addExercise(ex) }
        ex.prescribedSets = -1
        assertHipError(.invalid, "prescribed.sets") { try session.addExercise(ex) }
        ex = SessionExercise(exerciseId: "bridge")
        ex.prescribedLoadKg = 501
        assertHipError(.invalid, "prescribed.load_kg") { try session.addExercise(ex) }
        let index = try session.addExercise(SessionExercise(exerciseId: "bridge"))

        assertHipError(.range, "exercise_index") { try session.addSet(exercise: 7) }
        assertHipError(.range) { try session.addSet(exercise: -1) }
        assertHipError(.range, "pain") { try session.addSet(exercise: index, SessionSet(pain: 11)) }
        assertHipError(.range, "pain") { try session.addSet(exercise: index, SessionSet(pain: -1)) }
        assertHipError(.range, "rpe") { try session.addSet(exercise: index, SessionSet(rpe: 12)) }
        assertHipError(.invalid, "load_kg") { try session.addSet(exercise: index, SessionSet(loadKg: -1)) }
        XCTAssertEqual(try session.exercise(at: index).setCount, 0)
        try session.addSet(exercise: index, SessionSet(rpe: 10, pain: 10))
        assertHipError(.range, "rpe") { try session.updateSet(SessionSet(rpe: 11)) }

        var rep = SessionRep()
        rep.startNs = 10
        rep.peakNs = 5
        assertHipError(.invalid, "start_ns") { try session.addRep(rep) }
        rep = SessionRep()
        rep.excursionDegrees = 7201
        assertHipError(.invalid, "excursion_deg") { try session.addRep(rep) }
        rep = SessionRep()
        rep.smoothness = .nan
        assertHipError(.invalid, "smoothness") { try session.addRep(rep) }
        XCTAssertEqual(try session.set(exercise: index, at: 0).repCount, 0)

        assertHipError(.range, "end_ns") { try session.finish(at: 4_999_999_999) }
        assertHipError(.range) { try session.exercise(at: 1) }
        assertHipError(.range) { try session.exercise(at: -1) }
        assertHipError(.range) { try session.set(exercise: 0, at: 1) }
        assertHipError(.range) { try session.rep(exercise: 0, set: 0, at: 0) }
        assertHipError(.range) { try session.rep(exercise: 0, set: -1, at: 0) }
        try session.finish(at: 5_000_000_000, reason: .pain)
        XCTAssertEqual(session.info.abandonReason, .pain)
    }

    func testJSON() throws {
        let session = try recordLiveSession()
        let json = try session.exportJSON()
        XCTAssertTrue(json.contains("\"format\": \"hiptrack.session\""))
        XCTAssertTrue(json.contains("\"abandon\": \"none\""))
        XCTAssertTrue(json.contains("\"origin\": \"manual\""))
        let copy = try Session(json: json)
        XCTAssertEqual(copy.state, .finished)
        XCTAssertEqual(copy.info, session.info)
        XCTAssertEqual(copy.exercises, session.exercises)
        XCTAssertEqual(try copy.summary(), try session.summary())
        XCTAssertEqual(try copy.exportJSON(), json)
        // Derived values follow the reading handle's threshold.
        XCTAssertTrue(try Session(json: json, completionThresholdPercent: 60).summary().completed)

        let fresh = try Session()
        let bad = #"{"format": "hiptrack.session", "version": 1, "start_ns": 0, "utc_offset_min": 0, "end_ns": 0, "exercises": [{"exercise": "bridge", "sets": [{"pain": 11, "reps": []}]}]}"#
        let error = assertHipError(.format, "exercises[0].sets[0].pain") { try fresh.importJSON(bad) }
        XCTAssertEqual(error?.message, fresh.lastError)
        XCTAssertEqual(fresh.state, .new)                    // all or nothing
        assertHipError(.format, "exercises[0].sets[0].reps[0].flags") {
            try fresh.importJSON(#"{"format": "hiptrack.session", "version": 1, "start_ns": 0, "utc_offset_min": 0, "end_ns": 0, "exercises": [{"exercise": "bridge", "sets": [{"reps": [{"flags": ["wobbly"]}]}]}]}"#)
        }
        assertHipError(.format, "exercises") {
            try fresh.importJSON(#"{"format": "hiptrack.session", "version": 1, "start_ns": 0, "utc_offset_min": 0, "end_ns": 0}"#)
        }
        assertHipError(.format, "line 1, column") { try fresh.importJSON("{\"format\": ") }
        assertHipError(.format) { try fresh.importJSON("") }
        assertHipError(.version) { try fresh.importJSON(#"{"format": "hiptrack.session", "version": 9}"#) }
        XCTAssertEqual(fresh.state, .new)
        try fresh.importJSON(Data(json.utf8))
        XCTAssertEqual(fresh.info, session.info)
        assertHipError(.state) { try fresh.importJSON(json) }   // only into a new session
    }

    struct Logged: Codable {
        var session: Session
        var member: String
    }

    func testCodable() throws {
        let session = try recordLiveSession()
        let data = try JSONEncoder().encode(Logged(session: session, member: "m-1"))
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""format":"hiptrack.session""#), text)
        let decoded = try JSONDecoder().decode(Logged.self, from: data)
        XCTAssertEqual(decoded.session.info, session.info)
        XCTAssertEqual(try decoded.session.summary(), try session.summary())

        let bad = Data(#"{"member": "x", "session": {"format": "hiptrack.session", "version": 1, "start_ns": 0, "utc_offset_min": 0, "end_ns": 0, "exercises": [{"exercise": "bridge", "sets": [{"rpe": "hard", "reps": []}]}]}}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Logged.self, from: bad)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertTrue((context.underlyingError as? HipError)?.message.contains("exercises[0].sets[0].rpe") ?? false, "\(context)")
        }
        // Value structs use their Swift shape.
        let summary = try session.summary()
        XCTAssertEqual(try JSONDecoder().decode(SessionSummary.self, from: JSONEncoder().encode(summary)), summary)
        let rep = try session.rep(exercise: 0, set: 0, at: 0)
        XCTAssertEqual(try JSONDecoder().decode(SessionRep.self, from: JSONEncoder().encode(rep)), rep)
    }
}
