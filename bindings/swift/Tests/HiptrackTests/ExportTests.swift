import XCTest
import Foundation
import CHiptrack
@testable import Hiptrack

final class ExportTests: XCTestCase {
    /// 2026-03-02T08:00:00Z.
    let t0: Int64 = 1_772_438_400_000_000_000
    let day: Int64 = 86_400_000_000_000

    func makeLog() throws -> PainLog {
        let log = try PainLog()
        var e = PainEntry(timeNs: t0, utcOffsetMinutes: 60, nrs: 4, context: .avg24h)
        e.location = .groin
        e.side = .left
        e.note = "=1+1, \"x\""
        try log.add(e)
        try log.add(PainEntry(timeNs: t0 + day, utcOffsetMinutes: -300, nrs: 7, context: .nextMorning))
        return log
    }

    func makeSession(finish: Bool = true) throws -> Session {
        let s = try Session()
        try s.start(at: t0, utcOffsetMinutes: 60)
        var ex = SessionExercise(exerciseId: "bridge")
        ex.prescribedSets = 2
        ex.prescribedReps = 3
        let i = try s.addExercise(ex)
        try s.addSet(exercise: i)
        for _ in 0..<3 { try s.addRep(SessionRep()) }
        try s.setPain(2, at: .before)
        if finish { try s.finish(at: t0 + 1_800_000_000_000) }
        return s
    }

    func makeOutcome() throws -> OutcomeResponse {
        let r = try OutcomeResponse(instrument: .hoosJR)
        for id in ["P5", "P10", "A3", "A5", "A12", "A14"] { try r.setAnswer(1, for: id) }
        try r.setDate(try CivilDate(year: 2026, month: 3, day: 2))
        return r
    }

    func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    func testBundleShapeAndRoundTrip() throws {
        let log = try makeLog()
        let sources = Export.Sources(painLog: log, sessions: [try makeSession()], outcomes: [try makeOutcome()],
                                     catalog: try Catalog())
        let options = Export.FHIROptions(patient: "Patient/123")
        let text = try Export.fhirBundle(sources, options: options)
        let bundle = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        XCTAssertEqual(bundle["resourceType"] as? String, "Bundle")
        XCTAssertEqual(bundle["type"] as? String, "collection")
        let entries = bundle["entry"] as! [[String: Any]]
        XCTAssertEqual(entries.count, 5)
        for entry in entries {
            let resource = entry["resource"] as! [String: Any]
            XCTAssertEqual(entry["fullUrl"] as? String, "urn:uuid:" + (resource["id"] as! String))
            if resource["resourceType"] as? String == "Observation" {
                XCTAssertEqual(resource["status"] as? String, "final")
                XCTAssertNotNil(resource["code"])
                XCTAssertEqual((resource["subject"] as? [String: String])?["reference"], "Patient/123")
            } else {
                XCTAssertEqual(resource["resourceType"] as? String, "QuestionnaireResponse")
                XCTAssertEqual(resource["status"] as? String, "completed")
            }
        }
        XCTAssertEqual(count(text, "\"72514-3\""), 2)
        XCTAssertFalse(text.contains("56840-2"))
        XCTAssertEqual(text, try Export.fhirBundle(sources, options: options))
        let back = try PainLog()
        try Export.importFHIRPain(into: back, text)
        XCTAssertEqual(Array(back), Array(log))
        let oneDay = try CivilDate(year: 2026, month: 3, day: 2)
        XCTAssertEqual(count(try Export.fhirBundle(sources, from: oneDay, to: oneDay, options: options), "\"72514-3\""), 1)
        var tx = options
        tx.bundleType = .transaction
        XCTAssertEqual(count(try Export.fhirBundle(sources, options: tx), "\"method\":\"PUT\""), 5)
    }

    func testSingleResources() throws {
        let log = try makeLog()
        var options = Export.FHIROptions(patient: "Patient/123")
        options.painValue = .answer
        options.snomedBodySite = true
        let obs = try Export.fhirPain(log[0], options: options)
        XCTAssertTrue(obs.contains("\"LA6115-5\""))
        XCTAssertTrue(obs.contains("\"26893007\""))
        XCTAssertTrue(obs.contains("\"id\":\"\(try Export.fhirPainID(log[0], patient: "Patient/123"))\""))
        XCTAssertTrue(try Export.fhirSession(try makeSession(), options: options).contains("\"effectivePeriod\""))
        XCTAssertEqual(count(try Export.fhirQuestionnaire(try makeOutcome(), options: options), "\"linkId\""), 6)
    }

    func testCSVRoundTrip() throws {
        let log = try makeLog()
        let csv = try Export.csvPain(log)
        XCTAssertTrue(csv.hasPrefix("time,date,nrs,context,location,side,symptoms,time_of_day,setting,note\n"))
        XCTAssertTrue(csv.contains(",\"'=1+1, \"\"x\"\"\"\n"))
        let back = try PainLog()
        try Export.importCSVPain(into: back, csv)
        XCTAssertEqual(Array(back), Array(log))
        let sessions = try Export.csvSessions([try makeSession()])
        XCTAssertEqual(count(sessions, "\n"), 2)
        XCTAssertTrue(sessions.contains(",bridge,,both,1,3,3,3,0,kg,"))
    }

    func testErrors() throws {
        let log = try makeLog()
        assertHipError(.invalid, "patient") {
            try Export.fhirBundle(Export.Sources(painLog: log), options: Export.FHIROptions(patient: "123"))
        }
        assertHipError(.state, "not finished") {
            try Export.fhirBundle(Export.Sources(sessions: [try makeSession(finish: false)]),
                                  options: Export.FHIROptions(patient: "Patient/1"))
        }
        assertHipError(.format, "line 2, column 22 (nrs)") {
            try Export.importCSVPain(into: log, "time,nrs,context\n2026-01-02T09:00:00Z,11,current\n")
        }
        assertHipError(.format, "expected Observation or Bundle") {
            try Export.importFHIRPain(into: log, "{\"resourceType\":\"Patient\"}")
        }
        XCTAssertEqual(log.count, 2)
    }

    func testAssessmentObservationAndBundle() throws {
        var r = AssessResult(motion: .externalRotation, side: .right, day: try CivilDate("2026-03-25"), rangeDegrees: 38.5)
        r.compensations = [.pelvicDrop]
        r.pelvicDropDegrees = 6
        let options = Export.FHIROptions(patient: "Patient/1")
        let obs = try Export.fhirAssessment(r, options: options)
        XCTAssertTrue(obs.contains("\"code\":\"hip-rom-external-rotation\""), obs)
        XCTAssertTrue(obs.contains("\"valueQuantity\":{\"value\":38.5,\"unit\":\"deg\""), obs)
        XCTAssertTrue(obs.contains("\"code\":\"hip-right\""), obs)
        XCTAssertTrue(obs.contains("\"code\":\"pelvic_drop\""), obs)
        XCTAssertEqual(obs, try Export.fhirAssessment(r, options: options))
        let bundle = try Export.fhirBundle(Export.Sources(assessments: [r]), from: try CivilDate("2026-03-25"),
                                           to: try CivilDate("2026-03-25"), options: options)
        let id = obs.range(of: "\"id\":\"")!.upperBound
        XCTAssertTrue(bundle.contains(String(obs[id...].prefix(36))), bundle)
        XCTAssertFalse(try Export.fhirBundle(Export.Sources(assessments: [r]), from: try CivilDate("2026-03-26"),
                                             options: options).contains("hip-rom"))
        var bad = r
        bad.rangeDegrees = 3
        assertHipError(.invalid, "fhirAssessment") { try Export.fhirAssessment(bad, options: options) }
    }
}
