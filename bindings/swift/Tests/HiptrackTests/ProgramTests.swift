import XCTest
import Foundation
@testable import Hiptrack

final class ProgramTests: XCTestCase {
    let start = try! CivilDate(year: 2026, month: 11, day: 2)

    func makeProgram() throws -> Program {
        let program = try Program()
        try program.begin(effective: start, sessionsPerWeek: 3, note: "initial prescription")
        var rx = Prescription(exerciseId: "bridge")
        rx.holdSeconds = 2
        try program.add(rx)
        try program.add(Prescription(exerciseId: "clamshell"))
        try program.commit()
        return program
    }

    func testPrescriptionDefaults() {
        let rx = Prescription(exerciseId: "squat")
        XCTAssertEqual(rx.exerciseId, "squat")
        XCTAssertEqual(rx.sets, 3)
        XCTAssertEqual(rx.reps, 10)
        XCTAssertEqual(rx.restSeconds, 120)
        XCTAssertEqual(rx.painCeiling, 5)
        XCTAssertEqual(rx.side, .both)
        XCTAssertEqual(rx.holdSeconds, 0)
    }

    func testVersionsAndDrafts() throws {
        let program = try makeProgram()
        XCTAssertEqual(program.versionCount, 1)
        XCTAssertFalse(program.hasDraft)
        let v1 = try program.version(at: 0)
        XCTAssertEqual(v1.number, 1)
        XCTAssertEqual(v1.effective, start)
        XCTAssertEqual(v1.sessionsPerWeek, 3)
        XCTAssertEqual(v1.note, "initial prescription")
        XCTAssertEqual(v1.exercises.map(\.exerciseId), ["bridge", "clamshell"])
        XCTAssertEqual(v1.exercises[0].holdSeconds, 2)

        // Version 2 a week later: the draft starts as a copy of version 1.
        let later = try start.adding(days: 7)
        try program.begin(effective: later, sessionsPerWeek: 4)
        XCTAssertTrue(program.hasDraft)
        XCTAssertEqual(try program.draft().map(\.exerciseId), ["bridge", "clamshell"])
        var harder = Prescription(exerciseId: "marching_bridge")
        harder.sets = 2
        try program.replace(at: 0, with: harder)
        try program.remove(at: 1)
        var left = Prescription(exerciseId: "clamshell")
        left.side = .left
        try program.add(left)
        XCTAssertEqual(try program.draft().map(\.exerciseId), ["marching_bridge", "clamshell"])
        try program.commit()

        XCTAssertEqual(program.versions.map(\.number), [1, 2])
        XCTAssertEqual(program.versions[1].note, "")
        XCTAssertEqual(program.versions[1].exercises[1].side, .left)
        XCTAssertNil(program.version(on: try start.adding(days: -1)))
        XCTAssertEqual(program.version(on: start)?.number, 1)
        XCTAssertEqual(program.version(on: try start.adding(days: 6))?.number, 1)
        XCTAssertEqual(program.version(on: later)?.number, 2)
        XCTAssertEqual(program.versionIndex(on: try later.adding(days: 100)), 1)

        // Discard leaves history alone.
        try program.begin(effective: later, sessionsPerWeek: 2)
        try program.remove(at: 0)
        try program.discard()
        XCTAssertEqual(program.versionCount, 2)
        XCTAssertEqual(try program.version(at: 1).exercises.count, 2)
    }

    func testErrors() throws {
        let program = try Program()
        assertHipError(.state) { try program.add(Prescription(exerciseId: "bridge")) }
        assertHipError(.state) { try program.commit() }
        assertHipError(.state) { try program.discard() }
        assertHipError(.state) { try program.draft() }
        assertHipError(.range) { try program.version(at: 0) }
        assertHipError(.range) { try program.version(at: -1) }

        try program.begin(effective: start, sessionsPerWeek: 3)
        assertHipError(.state) { try program.begin(effective: start, sessionsPerWeek: 3) }
        assertHipError(.state, "no exercises") { try program.commit() }            // an empty draft
        var bad = Prescription(exerciseId: "bridge")
        bad.reps = 101
        assertHipError(.invalid, "reps") { try program.add(bad) }
        bad = Prescription(exerciseId: "bridge")
        bad.painCeiling = 11
        assertHipError(.invalid, "pain_ceiling") { try program.add(bad) }
        bad.painCeiling = Int.max
        assertHipError(.invalid, "pain_ceiling") { try program.add(bad) }
        bad = Prescription(exerciseId: "bridge")
        bad.sets = -3
        assertHipError(.invalid, "sets") { try program.add(bad) }
        assertHipError(.invalid, "exercise_id") { try program.add(Prescription(exerciseId: String(repeating: "x", count: 60))) }
        try program.add(Prescription(exerciseId: "bridge"))
        assertHipError(.exists) { try program.add(Prescription(exerciseId: "bridge")) }
        assertHipError(.range) { try program.remove(at: 5) }
        assertHipError(.range) { try program.remove(at: -1) }
        assertHipError(.range) { try program.replace(at: 9, with: Prescription(exerciseId: "squat")) }
        assertHipError(.invalid, "NUL") { try program.begin(effective: start, sessionsPerWeek: 3, note: "a\u{0}b") }
        try program.commit()
        assertHipError(.invalid) { try program.begin(effective: start, sessionsPerWeek: -1) }
        XCTAssertThrowsError(try program.begin(effective: try start.adding(days: -1), sessionsPerWeek: 3))
        XCTAssertThrowsError(try program.begin(effective: start, sessionsPerWeek: 15))
        XCTAssertFalse(program.hasDraft)
    }

    func testCheckAgainstCatalog() throws {
        let program = try makeProgram()
        let catalog = try Catalog()
        try program.check(against: catalog)
        try program.begin(effective: start, sessionsPerWeek: 3)
        try program.add(Prescription(exerciseId: "moonwalk"))
        try program.commit()
        assertHipError(.notFound, "versions[1].exercises[2]", "moonwalk") { try program.check(against: catalog) }
        assertHipError(.notFound) { try program.check(against: try Catalog(builtin: false)) }
    }

    func testJSON() throws {
        let program = try makeProgram()
        let json = try program.exportJSON()
        XCTAssertTrue(json.contains("\"format\": \"hiptrack.program\""))
        XCTAssertTrue(json.contains("\"effective\": \"2026-11-02\""))
        let copy = try Program(json: json)
        XCTAssertEqual(copy.versions, program.versions)
        XCTAssertEqual(try copy.exportJSON(), json)

        let bad = #"{"format": "hiptrack.program", "version": 1, "versions": [{"effective": "2026-11-02", "sessions_per_week": 3, "exercises": [{"exercise": "bridge", "reps": 500}]}]}"#
        let error = assertHipError(.format, "versions[0].exercises[0].reps") { try copy.importJSON(bad) }
        XCTAssertEqual(error?.message, copy.lastError)
        XCTAssertEqual(copy.versions, program.versions)   // unchanged
        assertHipError(.format, "line 1, column") { try copy.importJSON("[1,") }
        assertHipError(.version) { try copy.importJSON(#"{"format": "hiptrack.program", "version": 2, "versions": []}"#) }
        try copy.begin(effective: start, sessionsPerWeek: 3)
        assertHipError(.state) { try copy.importJSON(json) }
    }

    struct Plan: Codable {
        var program: Program
        var owner: String
    }

    func testCodable() throws {
        let program = try makeProgram()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Plan(program: program, owner: "pt-7"))
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""format":"hiptrack.program""#), text)
        XCTAssertTrue(text.contains(#""exercise":"bridge""#), text)
        let plan = try JSONDecoder().decode(Plan.self, from: data)
        XCTAssertEqual(plan.program.versions, program.versions)
        XCTAssertEqual(plan.owner, "pt-7")

        let bad = Data(#"{"owner": "x", "program": {"format": "hiptrack.program", "version": 1, "versions": [{"effective": "2026-13-01", "exercises": []}]}}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Plan.self, from: bad)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertTrue((context.underlyingError as? HipError)?.message.contains("versions[0]") ?? false, "\(context)")
        }

        // The value structs use their Swift shape.
        let version = try program.version(at: 0)
        XCTAssertEqual(try JSONDecoder().decode(ProgramVersion.self, from: JSONEncoder().encode(version)), version)
    }
}
