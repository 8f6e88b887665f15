import XCTest
import Foundation
import CHiptrack
@testable import Hiptrack

final class CatalogTests: XCTestCase {
    func testBuiltinAndEmpty() throws {
        let catalog = try Catalog()
        XCTAssertGreaterThan(catalog.count, 20)
        XCTAssertEqual(catalog.count, hip_catalog_count(catalog.handle))
        XCTAssertTrue(catalog.allSatisfy(\.isBuiltin))
        XCTAssertEqual(catalog.first?.id, "squat")
        XCTAssertEqual(try Catalog(builtin: false).count, 0)
        XCTAssertEqual(try Catalog(builtin: false).edges.count, 0)
        XCTAssertEqual(catalog.lastError, "")

        // Sequence and random access agree.
        let ids = catalog.map(\.id)
        XCTAssertEqual(ids.count, catalog.count)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(catalog[3].id, ids[3])
        var iterated = 0
        for exercise in catalog { XCTAssertFalse(exercise.name.isEmpty); iterated += 1 }
        XCTAssertEqual(iterated, catalog.count)
    }

    func testLookups() throws {
        let catalog = try Catalog()
        let bridge = try XCTUnwrap(catalog["bridge"])
        XCTAssertEqual(bridge.name, "Glute bridge")
        XCTAssertEqual(bridge.code, "EX05")
        XCTAssertEqual(bridge.baseId, "bridge")
        XCTAssertEqual(bridge.motion.segment, .pelvis)
        XCTAssertEqual(bridge.motion.motion, .hipExtension)
        XCTAssertEqual(bridge.sidedness, .bilateral)
        XCTAssertEqual(bridge.dose.reps, 10...10)
        XCTAssertTrue(bridge.categories.contains(.strength))
        XCTAssertNil(catalog["no_such_exercise"])
        XCTAssertNil(catalog["bridge\u{0}x"])
        assertHipError(.notFound, "no_such") { try catalog.require("no_such") }

        XCTAssertEqual(try catalog.harder(than: "bridge")?.id, "marching_bridge")
        XCTAssertEqual(try catalog.easier(than: "marching_bridge")?.id, "bridge")
        XCTAssertNil(try catalog.harder(than: "bridge", step: 100))
        XCTAssertEqual(try catalog.progressions(of: "bridge").first?.id, "marching_bridge")
        XCTAssertEqual(try catalog.regressions(of: "marching_bridge").map(\.id), ["bridge"])
        assertHipError(.notFound, "nope") { try catalog.harder(than: "nope") }
        assertHipError(.notFound) { try catalog.easier(than: "nope") }
        assertHipError(.invalid, "step") { try catalog.harder(than: "bridge", step: -1) }
        assertHipError(.invalid, "NUL") { try catalog.harder(than: "bridge\u{0}") }

        let edges = catalog.edges
        XCTAssertFalse(edges.isEmpty)
        XCTAssertTrue(edges.contains(ProgressionEdge(easierId: "bridge", harderId: "marching_bridge",
                                                     change: edges.first { $0.harderId == "marching_bridge" }!.change)))
    }

    func testEnumNamesMatchTheLibrary() {
        for c in Sidedness.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_sidedness_name(hip_sidedness(rawValue: c.cValue)))) }
        for c in Segment.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_segment_name(hip_segment(rawValue: c.cValue)))) }
        for c in Motion.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_motion_name(hip_motion(rawValue: c.cValue)))) }
        for c in Plane.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_plane_name(hip_plane(rawValue: c.cValue)))) }
        for c in CountKind.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_count_kind_name(hip_count_kind(rawValue: c.cValue)))) }
        for c in Change.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_change_name(hip_change(rawValue: c.cValue)))) }
        for c in Side.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_side_name(hip_side(rawValue: c.cValue)))) }
        for c in RepInput.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_reps_input_name(hip_reps_input(rawValue: c.cValue)))) }
        for c in RepSource.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_rep_source_name(hip_rep_source(rawValue: c.cValue)))) }
        for c in SimulatedRepKind.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_sim_rep_kind_name(hip_sim_rep_kind(rawValue: c.cValue)))) }
        for c in AbandonReason.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_abandon_reason_name(hip_abandon_reason(rawValue: c.cValue)))) }
        for c in Instrument.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_instrument_name(hip_instrument(rawValue: c.cValue)))) }
        for c in OutcomeScale.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_outcome_scale_name(hip_outcome_scale(rawValue: c.cValue)))) }
        for c in PainContext.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_pain_context_name(hip_pain_context(rawValue: c.cValue)))) }
        for c in PainLocation.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_pain_location_name(hip_pain_location(rawValue: c.cValue)))) }
        for c in PainSide.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_pain_side_name(hip_pain_side(rawValue: c.cValue)))) }
        for c in PainTimeOfDay.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_pain_time_of_day_name(hip_pain_time_of_day(rawValue: c.cValue)))) }
        for c in PainSetting.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_pain_setting_name(hip_pain_setting(rawValue: c.cValue)))) }
        for c in PainBand.allCases { XCTAssertEqual(c.rawValue, String(cString: hip_pain_band_name(hip_pain_band(rawValue: c.cValue)))) }
        // One past the last case is unknown to the library: the Swift enums are complete.
        XCTAssertEqual(String(cString: hip_motion_name(hip_motion(rawValue: UInt32(Motion.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_segment_name(hip_segment(rawValue: UInt32(Segment.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_change_name(hip_change(rawValue: UInt32(Change.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_abandon_reason_name(hip_abandon_reason(rawValue: UInt32(AbandonReason.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_instrument_name(hip_instrument(rawValue: UInt32(Instrument.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_outcome_scale_name(hip_outcome_scale(rawValue: UInt32(OutcomeScale.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_pain_context_name(hip_pain_context(rawValue: UInt32(PainContext.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_pain_location_name(hip_pain_location(rawValue: UInt32(PainLocation.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_pain_side_name(hip_pain_side(rawValue: UInt32(PainSide.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_pain_time_of_day_name(hip_pain_time_of_day(rawValue: UInt32(PainTimeOfDay.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_pain_setting_name(hip_pain_setting(rawValue: UInt32(PainSetting.allCases.count)))), "unknown")
        XCTAssertEqual(String(cString: hip_pain_band_name(hip_pain_band(rawValue: UInt32(PainBand.allCases.count)))), "unknown")
        XCTAssertEqual(PainSymptoms.all.names, (0..<Int(HIPTRACK_PAIN_SYMPTOM_COUNT)).map { String(cString: hip_pain_symptom_name(UInt32(1) << UInt32($0))) })
        // Enums the library has no name function for: their counts match the C enums.
        XCTAssertEqual(Instrument.allCases.count, Int(HIPTRACK_INSTRUMENT_COUNT))
        XCTAssertEqual(OutcomeScale.allCases.count, Int(HIPTRACK_OUTCOME_SCALE_COUNT))
        XCTAssertEqual(SessionState.allCases.last?.cValue, HIP_SESSION_FINISHED.rawValue)
        XCTAssertEqual(PainMoment.allCases.last?.cValue, HIP_PAIN_AFTER.rawValue)
        XCTAssertEqual(RepOrigin.allCases.last?.cValue, HIP_REP_ORIGIN_MANUAL.rawValue)
        XCTAssertEqual(AdherenceUnit.allCases.last?.cValue, HIP_ADHERENCE_UNIT_SESSIONS.rawValue)
        XCTAssertEqual(OutcomeState.allCases.last?.cValue, HIP_OUTCOME_NOT_EVALUABLE.rawValue)
        XCTAssertEqual(HOOSMissingRule.allCases.last?.cValue, HIP_HOOS_MISSING_2003.rawValue)
        XCTAssertEqual(HOOSPSDirection.allCases.last?.cValue, HIP_HOOS_PS_ORIGINAL.rawValue)
        XCTAssertEqual(ChangeCriterion.allCases.last?.cValue, HIP_CHANGE_MDC.rawValue)
        XCTAssertEqual(PainBaselineRule.allCases.last?.cValue, HIP_PAIN_BASELINE_FIRST_ENTRY.rawValue)
        XCTAssertEqual(PainCriterion.allCases.last?.cValue, HIP_PAIN_CRITERION_BOTH.rawValue)
        XCTAssertEqual(PainVerdict.allCases.last?.cValue, HIP_PAIN_VERDICT_NOT_EVALUABLE.rawValue)
        XCTAssertEqual(PainFlareBaseline.allCases.last?.cValue, HIP_PAIN_FLARE_BASELINE_FIXED.rawValue)
        XCTAssertEqual(PainDuration.allCases.last?.cValue, HIP_PAIN_DURATION_CHRONIC.rawValue)
        XCTAssertEqual(PainPattern.allCases.last?.cValue, HIP_PAIN_PATTERN_NIGHT.rawValue)
        XCTAssertEqual(Categories([.strength, .functional]).names, ["strength", "functional"])
        XCTAssertEqual(Categories(names: ["motor_control", "balance"]), [.motorControl, .balance])
        XCTAssertNil(Categories(names: ["strenght"]))
        XCTAssertEqual(RepFlags([.partial, .tooFast]).names, ["partial", "too_fast"])
    }

    func customExercise() -> Exercise {
        var e = Exercise(id: "band_squat", name: "Band squat")
        e.baseId = "squat"
        e.categories = [.strength, .functional]
        e.dose.sets = 2...3
        e.dose.reps = 12...12
        e.motion.excursionDegrees = 60...90
        return e
    }

    func testAddCustomExerciseAndEdge() throws {
        let catalog = try Catalog()
        let defaults = Exercise(id: "x", name: "X")
        XCTAssertEqual(defaults.categories, .strength)
        XCTAssertEqual(defaults.sidedness, .bilateral)
        XCTAssertEqual(defaults.dose.sets, 2...3)
        XCTAssertFalse(defaults.isBuiltin)

        let custom = customExercise()
        try catalog.add(custom)
        let stored = try XCTUnwrap(catalog["band_squat"])
        XCTAssertEqual(stored, custom)   // a full round trip through the C struct
        XCTAssertFalse(stored.isBuiltin)
        XCTAssertEqual(catalog.last, stored)

        try catalog.addEdge(easier: "squat", harder: "band_squat", change: .load)
        XCTAssertEqual(catalog.edges.last, ProgressionEdge(easierId: "squat", harderId: "band_squat", change: .load))
        XCTAssertTrue(try catalog.progressions(of: "squat").map(\.id).contains("band_squat"))
    }

    func testAddErrors() throws {
        let catalog = try Catalog()
        assertHipError(.exists, "squat") { try catalog.add(Exercise(id: "squat", name: "Another squat")) }
        XCTAssertTrue(catalog.lastError.contains("squat"))
        assertHipError(.invalid, "id") { try catalog.add(Exercise(id: "Bad Id", name: "x")) }
        var noCategory = Exercise(id: "no_category", name: "x")
        noCategory.categories = []
        assertHipError(.invalid, "categories") { try catalog.add(noCategory) }
        var badDose = Exercise(id: "bad_dose", name: "x")
        badDose.dose.sets = 1...50
        assertHipError(.invalid, "sets") { try catalog.add(badDose) }
        // Strings that do not fit the C struct are refused by the Swift layer, never truncated.
        assertHipError(.invalid, "id", "at most 47") { try catalog.add(Exercise(id: String(repeating: "a", count: 48), name: "x")) }
        assertHipError(.invalid, "name") { try catalog.add(Exercise(id: "long_name", name: String(repeating: "é", count: 60))) }
        assertHipError(.invalid, "NUL") { try catalog.add(Exercise(id: "nul\u{0}", name: "x")) }
        var negative = Exercise(id: "negative", name: "x")
        negative.dose.reps = -1...3
        assertHipError(.invalid, "dose.reps") { try catalog.add(negative) }
        XCTAssertNil(catalog["negative"])

        assertHipError(.notFound) { try catalog.addEdge(easier: "squat", harder: "nope", change: .level) }
        assertHipError(.exists) { try catalog.addEdge(easier: "bridge", harder: "marching_bridge", change: .level) }
        // A cycle is refused.
        let edge = try XCTUnwrap(catalog.edges.first)
        XCTAssertThrowsError(try catalog.add(ProgressionEdge(easierId: edge.harderId, harderId: edge.easierId, change: .level))) {
            XCTAssertNotNil($0 as? HipError)
        }
        assertHipError(.invalid, "NUL") { try catalog.addEdge(easier: "squat\u{0}", harder: "bridge", change: .level) }
    }

    func testJSONExportImport() throws {
        let catalog = try Catalog()
        try catalog.add(customExercise())
        try catalog.addEdge(easier: "squat", harder: "band_squat", change: .load)
        let custom = try catalog.exportJSON(customOnly: true)
        XCTAssertTrue(custom.contains("\"format\": \"hiptrack.catalog\""))
        XCTAssertTrue(custom.contains("band_squat"))
        XCTAssertFalse(custom.contains("\"id\": \"bridge\""))
        XCTAssertTrue(try catalog.exportJSON().contains("\"id\": \"bridge\""))

        let other = try Catalog(json: custom)
        XCTAssertEqual(other["band_squat"], catalog["band_squat"])
        XCTAssertEqual(other.edges, catalog.edges)
        try other.importJSON(custom)          // identical: a no-op
        XCTAssertEqual(other.count, catalog.count)

        let empty = try Catalog(builtin: false)
        assertHipError(.format, "base \"squat\"") { try empty.importJSON(custom) }   // band_squat's base
        XCTAssertEqual(empty.count, 0)                                // all or nothing
    }

    func testJSONErrors() throws {
        let catalog = try Catalog()
        let count = catalog.count
        assertHipError(.format, "line 1, column") { try catalog.importJSON("{\"format\": ") }
        assertHipError(.format, "line 2") { try catalog.importJSON("{\"format\": \"hiptrack.catalog\",\n \"version\": 1,,}") }
        assertHipError(.format) { try catalog.importJSON("") }
        assertHipError(.format) { try catalog.importJSON(Data([0xff, 0xfe])) }
        assertHipError(.version) { try catalog.importJSON(#"{"format": "hiptrack.catalog", "version": 99, "exercises": []}"#) }
        assertHipError(.format, "exercises[0].dose.reps") {
            try catalog.importJSON(#"{"format": "hiptrack.catalog", "version": 1, "exercises": [{"id": "a", "name": "A", "categories": ["strength"], "dose": {"reps": "ten"}}]}"#)
        }
        assertHipError(.format, "exercises[0]", "unknown field", "rpes") {
            try catalog.importJSON(#"{"format": "hiptrack.catalog", "version": 1, "exercises": [{"id": "a", "name": "A", "categories": ["strength"], "rpes": 1}]}"#)
        }
        XCTAssertTrue(catalog.lastError.contains("rpes"))
        XCTAssertEqual(catalog.count, count)
    }

    struct AppModel: Codable {
        var title: String
        var catalog: Catalog
    }

    func testCodableIsTheLibraryDocument() throws {
        let catalog = try Catalog()
        try catalog.add(customExercise())
        let data = try JSONEncoder().encode(AppModel(title: "t", catalog: catalog))
        // The nested form is the hiptrack.catalog document itself.
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let document = try XCTUnwrap(object?["catalog"] as? [String: Any])
        XCTAssertEqual(document["format"] as? String, "hiptrack.catalog")
        XCTAssertEqual(document["version"] as? Int, 1)
        let decoded = try JSONDecoder().decode(AppModel.self, from: data)
        XCTAssertEqual(Array(decoded.catalog), Array(catalog))
        XCTAssertEqual(decoded.catalog.edges, catalog.edges)

        let bad = #"{"title": "t", "catalog": {"format": "hiptrack.catalog", "version": 1, "exercises": [{"id": "a", "name": "A"}]}}"#
        XCTAssertThrowsError(try JSONDecoder().decode(AppModel.self, from: Data(bad.utf8))) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(context.codingPath.map(\.stringValue), ["catalog"])
            let hip = context.underlyingError as? HipError
            XCTAssertEqual(hip?.code, .format)
            XCTAssertTrue(hip?.message.contains("exercises[0].categories") ?? false, hip?.message ?? "")
        }
    }

    func testValueStructsAreCodable() throws {
        let bridge = try Catalog().require("bridge")
        let data = try JSONEncoder().encode(bridge)
        XCTAssertEqual(try JSONDecoder().decode(Exercise.self, from: data), bridge)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"hip_extension\""))
        let edge = ProgressionEdge(easierId: "a", harderId: "b", change: .lever)
        XCTAssertEqual(try JSONDecoder().decode(ProgressionEdge.self, from: JSONEncoder().encode(edge)), edge)
    }
}
