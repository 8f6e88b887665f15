import XCTest
import Foundation
import Hiptrack
import HiptrackStore

final class StoreTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("hiptrack-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func entry(day: Int, nrs: Int) -> PainEntry {
        // 2026-03-01T20:00:00Z plus day days
        PainEntry(timeNs: (1_772_395_200 + Int64(day) * 86_400) * 1_000_000_000, nrs: nrs, context: .avg24h)
    }

    private func expectError(_ code: HipError.Code, _ fragment: String, _ body: () throws -> Void) {
        do {
            try body()
            XCTFail("expected \(code.name)")
        } catch let e as HipError {
            XCTAssertEqual(e.code, code, e.message)
            XCTAssertTrue(e.message.contains(fragment), "\"\(e.message)\" lacks \"\(fragment)\"")
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testVersionsHistoryAndAnalytics() throws {
        let store = try Store(path: path("m.db"))
        XCTAssertEqual(try store.schemaVersion(), 3)
        let r1 = try store.putPain("morning", entry(day: 0, nrs: 4))
        let r2 = try store.putPain("morning", entry(day: 0, nrs: 5))
        XCTAssertEqual([r1.version, r2.version], [1, 2])
        XCTAssertEqual(r1.kind, .pain)
        XCTAssertEqual(r1.date, try CivilDate("2026-03-01"))
        XCTAssertEqual(try store.loadPainLog()[0].nrs, 5)
        XCTAssertEqual(try store.loadPainLog(asOf: r1.seq)[0].nrs, 4)
        let gone = try store.delete(.pain, "morning")
        XCTAssertTrue(gone.deleted)
        expectError(.notFound, "deleted") { _ = try store.get(.pain, "morning") }
        XCTAssertEqual(try store.get(.pain, "morning", asOf: r2.seq).version, 2)
        XCTAssertEqual(try store.list(allVersions: true, includeDeleted: true).map(\.version), [1, 2, 3])
        XCTAssertTrue(try store.json(seq: r1.seq).contains("hiptrack.painlog"))

        for d in 1...14 { try store.putPain("p\(d)", entry(day: d, nrs: d <= 7 ? 6 : 3)) }
        let log = try store.loadPainLog(from: try CivilDate("2026-03-02"), to: try CivilDate("2026-03-15"))
        XCTAssertEqual(log.count, 14)
        let change = try log.change(.avg24h, on: try CivilDate("2026-03-15"))
        XCTAssertNotNil(change)
        XCTAssertEqual(try store.list(.pain, from: try CivilDate("2026-03-10")).count, 6)
        try store.verify()
    }

    func testAssessments() throws {
        let store = try Store(path: path("a.db"))
        let r1 = try store.putAssessment("rom_1", AssessResult(motion: .flexion, side: .left,
                                                              day: try CivilDate("2026-11-02"), rangeDegrees: 92))
        XCTAssertEqual(r1.kind, .assessment)
        XCTAssertEqual(r1.date, try CivilDate("2026-11-02"))
        try store.putAssessment("rom_2", AssessResult(motion: .flexion, side: .left,
                                                      day: try CivilDate("2026-11-09"), rangeDegrees: 99.5))
        let all = try store.loadAssessments()
        XCTAssertEqual(all.count, 2)
        XCTAssertEqual(all[1].rangeDegrees, 99.5)
        XCTAssertEqual(all.change(.flexion, side: .left), 7.5)
        XCTAssertEqual(try store.loadAssessments(asOf: r1.seq).count, 1)
        XCTAssertEqual(try store.loadAssessments(from: try CivilDate("2026-11-03")).count, 1)
        var bad = AssessResult(motion: .flexion, side: .left, day: try CivilDate("2026-11-02"), rangeDegrees: 92)
        bad.rangeDegrees = 1
        expectError(.invalid, "range_deg") { try store.putAssessment("rom_3", bad) }
    }

    func testDocumentsRoundTrip() throws {
        let store = try Store(path: path("d.db"))
        let program = try Program(json: """
            {"format": "hiptrack.program", "version": 1, "versions": [{"effective": "2026-11-02",
             "sessions_per_week": 3, "exercises": [{"exercise": "bridge", "sets": 3, "reps": 10}]}]}
            """)
        try store.putProgram("program", program)
        XCTAssertEqual(try store.loadProgram().versionCount, 1)
        let session = try Session(json: """
            {"format": "hiptrack.session", "version": 1, "start_ns": 1772440200000000000,
             "utc_offset_min": 60, "end_ns": 1772442000000000000, "pain_during": 3, "exercises":
             [{"exercise": "bridge", "prescribed": {"sets": 1, "reps": 5}, "sets": [{"reps": [{"origin": "manual"}]}]}]}
            """)
        try store.putSession("s1", session)
        XCTAssertEqual(try store.loadSession("s1").info.painDuring, 3)
        try store.putJSON(.outcome, "visit", json: """
            {"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr", "date": "2026-11-02",
             "answers": {"P5": 1, "P10": 2, "A3": 1, "A5": 2, "A12": 2, "A14": 2}}
            """)
        XCTAssertEqual(try store.loadOutcome("visit").instrument, .hoosJR)
        expectError(.format, "reps") {
            try store.putJSON(.program, "bad", json: """
                {"format": "hiptrack.program", "version": 1, "versions": [{"effective": "2026-11-02",
                 "sessions_per_week": 3, "exercises": [{"exercise": "bridge", "reps": 500}]}]}
                """)
        }
    }

    func testRefusesForeignFilesAndReadOnly() throws {
        let text = path("notes.txt")
        let bytes = Data(repeating: 0x41, count: 200)
        try bytes.write(to: URL(fileURLWithPath: text))
        expectError(.format, "not an SQLite database") { _ = try Store(path: text) }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: text)), bytes)
        var ro = Store.Configuration()
        ro.readOnly = true
        expectError(.notFound, "no such store") { _ = try Store(path: path("missing.db"), configuration: ro) }
        do {
            let store = try Store(path: path("ro.db"))
            try store.putPain("a", entry(day: 1, nrs: 2))
        }
        let reader = try Store(path: path("ro.db"), configuration: ro)
        XCTAssertEqual(try reader.list().count, 1)
        expectError(.state, "read-only") { try reader.putPain("b", entry(day: 2, nrs: 2)) }
    }
}
