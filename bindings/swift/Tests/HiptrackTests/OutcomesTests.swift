import XCTest
import Foundation
@testable import Hiptrack

final class OutcomesTests: XCTestCase {
    /// A HOOS response with the subscale of `prefix` answered (nil = missing).
    func hoos(_ prefix: String, _ answers: [Int?], rule: HOOSMissingRule = .rule2013) throws -> OutcomeResponse {
        let r = try OutcomeResponse(instrument: .hoos, missingRule: rule)
        for (i, a) in answers.enumerated() { try r.setAnswer(a, for: "\(prefix)\(i + 1)") }
        return r
    }

    func answer(_ r: OutcomeResponse, _ ids: [String], _ values: [Int?]) throws {
        for (id, v) in zip(ids, values) { try r.setAnswer(v, for: id) }
    }

    func testItems() throws {
        XCTAssertEqual(Instrument.hoos.items.count, 40)
        XCTAssertEqual(Instrument.hoos.items.first?.id, "S1")
        XCTAssertEqual(Instrument.hoos.items.last?.id, "Q4")
        XCTAssertEqual(Instrument.hoosJR.items.map(\.id), ["P5", "P10", "A3", "A5", "A12", "A14"])
        XCTAssertEqual(Instrument.hoosPS.items.map(\.id), ["A1", "A13", "A14", "SP2", "SP3"])
        XCTAssertEqual(Instrument.hoos12.items.count, 12)
        XCTAssertEqual(Instrument.psfs.items.map(\.id), ["ACT1", "ACT2", "ACT3", "ACT4", "ACT5"])
        let a12 = try XCTUnwrap(Instrument.hoos.item(id: "A12"))
        XCTAssertEqual(a12.range, 0...4)
        XCTAssertEqual(a12.scale, .hoosADL)
        XCTAssertFalse(a12.topic.isEmpty)
        XCTAssertEqual(Instrument.psfs.item(id: "ACT2")?.range, 0...10)
        XCTAssertEqual(Instrument.ihot12.item(id: "I1")?.range, 0...100)
        XCTAssertEqual(Instrument.ihot12.item(id: "I1")?.topic, "")       // no licensed wording
        XCTAssertNil(Instrument.hoosJR.item(id: "P1"))
        XCTAssertNil(Instrument.hoos.item(id: "P\u{0}1"))
        XCTAssertTrue(Instrument.hoos.isAvailable)
        XCTAssertTrue(Instrument.psfs.isAvailable)
        XCTAssertFalse(Instrument.oxford.isAvailable)                     // default build: no licence option
        XCTAssertFalse(Instrument.ihot12.isAvailable)
    }

    // MARK: CLINICAL.md §2 vectors

    func testHOOSSubscales() throws {
        XCTAssertEqual(try hoos("S", [1, 2, 0, 3, 1]).score()[.hoosSymptoms]?.value, 65.0)                         // H2
        let h4 = try hoos("P", [1, 1, 2, 2, 3, 0, 1, 2, 2, 1]).score()[.hoosPain]                                  // H4
        XCTAssertEqual(try XCTUnwrap(h4?.value), 62.5, accuracy: 1e-9)
        XCTAssertEqual(h4?.answered, 10)
        XCTAssertEqual(h4?.rawSum, 15)
        let h5 = [1, 1, 2, nil, 3, 0, nil, 2, nil, nil] as [Int?]
        XCTAssertEqual(try XCTUnwrap(try hoos("P", h5).score()[.hoosPain]?.value), 62.5, accuracy: 1e-9)         // H5
        let h6 = [1, 1, 2, nil, 3, nil, nil, nil, nil, 2] as [Int?]
        XCTAssertEqual(try XCTUnwrap(try hoos("P", h6).score()[.hoosPain]?.value), 55.0, accuracy: 1e-9)         // H6
        let h7 = try hoos("P", [1, nil, 2, nil, 3, nil, nil, nil, nil, nil]).score()[.hoosPain]                    // H7
        XCTAssertEqual(h7?.state, .notScoreable)
        XCTAssertNil(h7?.value)
        let h8 = try hoos("P", h5, rule: .rule2003).score()[.hoosPain]                                              // H8
        XCTAssertEqual(h8?.state, .notScoreable)
        let h10 = try hoos("A", [3, 3, 2, 1, 4, 2, 3, 1, 4, 2, 4, 1, 3, 2, 2, 4, 1]).score()[.hoosADL]               // H10
        XCTAssertEqual(try XCTUnwrap(h10?.value), 100 - 25 * 42.0 / 17, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(try hoos("Q", [1, 2, nil, 2]).score()[.hoosQOL]?.value), 175.0 / 3, accuracy: 1e-9)   // H17
        let result = try hoos("SP", [2, nil, nil, 1]).score()                                                      // H14
        XCTAssertEqual(result.instrument, .hoos)
        XCTAssertEqual(result.scales.map(\.scale), [.hoosSymptoms, .hoosPain, .hoosADL, .hoosSport, .hoosQOL])
        XCTAssertEqual(try XCTUnwrap(result[.hoosSport]?.value), 62.5, accuracy: 1e-9)
        XCTAssertEqual(result[.hoosSymptoms]?.state, .notScoreable)
        XCTAssertNil(result[.psfs])
        XCTAssertNil(result.day)
    }

    func testShortFormsFromHOOS() throws {
        let r = try OutcomeResponse(instrument: .hoos)
        try answer(r, ["P1", "P4", "P5", "P7"], [1, 2, 2, 1])            // T1
        try answer(r, ["A3", "A4", "A7", "SP4"], [2, 2, 3, 1])           // T2
        try answer(r, ["Q1", "Q2", "Q3", "Q4"], [3, 2, 2, 3])            // T3
        let h12 = try r.score(as: .hoos12)
        XCTAssertEqual(h12.instrument, .hoos12)
        XCTAssertEqual(try XCTUnwrap(h12[.hoos12Pain]?.value), 62.5, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(h12[.hoos12Function]?.value), 50.0, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(h12[.hoos12QOL]?.value), 37.5, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(h12[.hoos12Summary]?.value), 50.0, accuracy: 1e-9)   // T4
        // HOOS JR needs all six: P10, A5, A12, A14 are missing.
        XCTAssertEqual(try r.score(as: .hoosJR)[.hoosJR]?.state, .notScoreable)
        try answer(r, ["P5", "P10", "A3", "A5", "A12", "A14"], [1, 2, 1, 2, 2, 2])
        XCTAssertEqual(try XCTUnwrap(try r.score(as: .hoosJR)[.hoosJR]?.value), 58.930, accuracy: 5e-4)
        assertHipError(.invalid, "cannot be scored as") { try OutcomeResponse(instrument: .psfs).score(as: .hoos12) }
    }

    func testHOOSJRAndHOOSPS() throws {
        let jr = try OutcomeResponse(instrument: .hoosJR)
        try jr.setAnswers(["P5": 1, "P10": 0, "A3": 1, "A5": 1, "A12": 0, "A14": 1])
        let score = try jr.score()[.hoosJR]
        XCTAssertEqual(try XCTUnwrap(score?.value), 76.776, accuracy: 5e-4)       // raw 4, not the linear 83.33
        XCTAssertEqual(score?.rawSum, 4)
        try jr.setAnswer(nil, for: "A5")
        XCTAssertNil(try jr.answer(for: "A5"))
        XCTAssertEqual(try jr.score()[.hoosJR]?.state, .notScoreable)

        let ps = try OutcomeResponse(instrument: .hoosPS)
        try ps.setAnswers(["A1": 2, "A13": 1, "A14": 0, "SP2": 4, "SP3": 3])
        let aligned = try ps.score()
        XCTAssertEqual(try XCTUnwrap(aligned[.hoosPS]?.value), 62.3, accuracy: 5e-4)
        XCTAssertEqual(aligned[.hoosPS]?.higherIsBetter, true)
        let original = try OutcomeResponse(instrument: .hoosPS, psDirection: .original)
        try original.setAnswers(["A1": 2, "A13": 1, "A14": 0, "SP2": 4, "SP3": 3])
        let reversed = try original.score()
        XCTAssertEqual(try XCTUnwrap(reversed[.hoosPS]?.value), 37.7, accuracy: 5e-4)
        XCTAssertEqual(reversed[.hoosPS]?.higherIsBetter, false)
        assertHipError(.invalid, "direction") { try OutcomeChange(before: aligned, after: reversed) }
    }

    func testPSFSAndChange() throws {
        let day1 = try CivilDate("2026-11-02"), day2 = try CivilDate("2026-12-14")
        let before = try OutcomeResponse(instrument: .psfs)
        try before.setAnswers(["ACT1": 3, "ACT2": 5, "ACT3": 4])
        try before.setActivityName("climbing stairs", for: "ACT1")
        try before.setDate(day1)
        let after = try OutcomeResponse(instrument: .psfs)
        try after.setAnswers(["ACT1": 6, "ACT2": 7, "ACT3": 6])
        try after.setDate(day2)
        let b = try before.score(), a = try after.score()
        XCTAssertEqual(try XCTUnwrap(b[.psfs]?.value), 4.0, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(a[.psfs]?.value), 19.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(b.day, day1)
        XCTAssertEqual(b.activities, [PSFSActivityScore(id: "ACT1", value: 3), PSFSActivityScore(id: "ACT2", value: 5),
                                      PSFSActivityScore(id: "ACT3", value: 4)])
        let change = try OutcomeChange(before: b, after: a)
        let mean = try XCTUnwrap(change[.psfs])
        XCTAssertEqual(mean.state, .scored)
        XCTAssertEqual(try XCTUnwrap(mean.delta), 7.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(mean.threshold, 2)
        XCTAssertEqual(mean.criterion, .mdc)
        XCTAssertTrue(mean.improved)
        XCTAssertFalse(mean.worsened)
        XCTAssertEqual(change.activities.map(\.delta), [3, 2, 2])
        XCTAssertEqual(change.activities.map(\.improved), [true, false, false])   // single-activity MDC 3

        // 2,2,3 -> 3,3,4: +1.0, below the MDC of 2.
        let small = try OutcomeResponse(instrument: .psfs)
        try small.setAnswers(["ACT1": 2, "ACT2": 2, "ACT3": 3])
        let later = try OutcomeResponse(instrument: .psfs)
        try later.setAnswers(["ACT1": 3, "ACT2": 3, "ACT3": 4])
        let c2 = try OutcomeChange(before: try small.score(), after: try later.score())
        XCTAssertEqual(try XCTUnwrap(c2[.psfs]?.delta), 1.0, accuracy: 1e-9)
        XCTAssertFalse(c2[.psfs]?.improved ?? true)
        // Custom thresholds.
        var thresholds = ChangeThresholds()
        XCTAssertEqual(thresholds[.hoos12Summary], ChangeThreshold(points: 24, criterion: .mcid))
        XCTAssertEqual(thresholds[.psfs], ChangeThreshold(points: 2, criterion: .mdc))
        XCTAssertEqual(thresholds.psfsActivity, ChangeThreshold(points: 3, criterion: .mdc))
        XCTAssertEqual(thresholds[.hoosJR].points, 0)
        thresholds[.psfs] = ChangeThreshold(points: 1, criterion: .mcid)
        XCTAssertTrue(try OutcomeChange(before: try small.score(), after: try later.score(), thresholds: thresholds)[.psfs]?.improved ?? false)
        thresholds[.psfs] = ChangeThreshold(points: -1, criterion: .mcid)
        assertHipError(.invalid, "thresholds") { try OutcomeChange(before: try small.score(), after: try later.score(), thresholds: thresholds) }

        // Nothing rated: not scoreable, and the change is not evaluable.
        let empty = try OutcomeResponse(instrument: .psfs)
        XCTAssertEqual(try empty.score()[.psfs]?.state, .notScoreable)
        let none = try OutcomeChange(before: try empty.score(), after: a)
        XCTAssertEqual(none[.psfs]?.state, .notEvaluable)
        XCTAssertNil(none[.psfs]?.delta)
        assertHipError(.invalid, "cannot compare") { try OutcomeChange(before: b, after: try self.hoos("S", [0]).score()) }

        // Activity names and dates.
        XCTAssertEqual(try before.activityName(for: "ACT1"), "climbing stairs")
        XCTAssertEqual(try before.activityName(for: "ACT2"), "")
        XCTAssertEqual(before.date, day1)
        try before.setDate(nil)
        XCTAssertNil(before.date)
        assertHipError(.invalid, "longer than") { try before.setActivityName(String(repeating: "n", count: 96), for: "ACT1") }
        assertHipError(.invalid, "NUL") { try before.setActivityName("a\u{0}b", for: "ACT1") }
        assertHipError(.state, "psfs") { try OutcomeResponse(instrument: .hoos).setActivityName("x", for: "P1") }
        assertHipError(.state, "psfs") { try OutcomeResponse(instrument: .hoos).activityName(for: "P1") }
        assertHipError(.notFound, "ACT9") { try before.setActivityName("x", for: "ACT9") }
        try before.clear()
        XCTAssertNil(try before.answer(for: "ACT1"))
        XCTAssertEqual(try before.activityName(for: "ACT1"), "")
        XCTAssertEqual(before.instrument, .psfs)
    }

    func testAnswerErrors() throws {
        let r = try OutcomeResponse(instrument: .hoos)
        try r.setAnswer(3, for: "P5")
        for bad in [5, -2, -1, Int.max, Int.min] {                                  // H18
            assertHipError(.range, "P5", "out of range 0..4") { try r.setAnswer(bad, for: "P5") }
        }
        XCTAssertEqual(try r.answer(for: "P5"), 3)                                  // unchanged
        assertHipError(.notFound, "ZZ9") { try r.setAnswer(1, for: "ZZ9") }
        assertHipError(.notFound, "ZZ9") { try r.setAnswer(Int.max, for: "ZZ9") }
        assertHipError(.notFound, "ZZ9") { try r.setAnswer(nil, for: "ZZ9") }
        assertHipError(.notFound, "ZZ9") { try r.answer(for: "ZZ9") }
        assertHipError(.invalid, "NUL") { try r.setAnswer(1, for: "P\u{0}5") }
        let psfs = try OutcomeResponse(instrument: .psfs)
        assertHipError(.range, "ACT1", "0..10") { try psfs.setAnswer(11, for: "ACT1") }
        try psfs.setAnswer(10, for: "ACT1")
        // Licence-gated instruments: answers are kept, scoring is refused.
        let oxford = try OutcomeResponse(instrument: .oxford)
        try oxford.setAnswer(4, for: "O1")
        XCTAssertEqual(try oxford.answer(for: "O1"), 4)
        assertHipError(.unsupported, "licen") { try oxford.score() }
        XCTAssertTrue(try oxford.exportJSON().contains("\"O1\": 4"))
    }

    func testJSON() throws {
        let r = try OutcomeResponse(instrument: .psfs)
        try r.setAnswers(["ACT1": 0, "ACT2": 7])
        try r.setActivityName("putting on socks", for: "ACT2")
        try r.setDate(try CivilDate("2026-11-02"))
        let json = try r.exportJSON()
        XCTAssertTrue(json.contains("\"format\": \"hiptrack.outcome\""))
        XCTAssertTrue(json.contains("\"instrument\": \"psfs\""))
        XCTAssertTrue(json.contains("\"ACT1\": 0"))
        XCTAssertFalse(json.contains("ACT3"))                  // missing answers are left out

        let copy = try OutcomeResponse(json: json)
        XCTAssertEqual(copy.instrument, .psfs)
        XCTAssertEqual(try copy.answer(for: "ACT2"), 7)
        XCTAssertEqual(try copy.activityName(for: "ACT2"), "putting on socks")
        XCTAssertEqual(copy.date, try CivilDate("2026-11-02"))
        XCTAssertEqual(try copy.exportJSON(), json)
        XCTAssertEqual(try copy.score(), try r.score())

        // An import replaces the instrument; a failed one changes nothing.
        let target = try OutcomeResponse(instrument: .hoos)
        let error = assertHipError(.format, "answers.P5") {
            try target.importJSON(#"{"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr", "answers": {"P5": 7}}"#)
        }
        XCTAssertEqual(error?.message, target.lastError)
        XCTAssertEqual(target.instrument, .hoos)
        assertHipError(.format, "answers") {
            try target.importJSON(#"{"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr", "answers": {"P1": 2}}"#)
        }
        assertHipError(.format, "line 1, column") { try target.importJSON("{\"format\": hiptrack}") }
        assertHipError(.version) { try target.importJSON(#"{"format": "hiptrack.outcome", "version": 3, "instrument": "hoos", "answers": {}}"#) }
        try target.importJSON(#"{"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr", "answers": {"P5": 2, "P10": null}}"#)
        XCTAssertEqual(target.instrument, .hoosJR)
        XCTAssertEqual(try target.answer(for: "P5"), 2)
        XCTAssertNil(try target.answer(for: "P10"))
        XCTAssertEqual(target.missingRule, .rule2013)
    }

    struct Visit: Codable {
        var outcome: OutcomeResponse
        var clinician: String
    }

    func testCodable() throws {
        let r = try OutcomeResponse(instrument: .hoosJR)
        try r.setAnswers(["P5": 1, "P10": 2, "A3": 1, "A5": 2, "A12": 2, "A14": 2])
        let data = try JSONEncoder().encode(Visit(outcome: r, clinician: "pt-7"))
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains(#""instrument":"hoos_jr""#))
        let visit = try JSONDecoder().decode(Visit.self, from: data)
        XCTAssertEqual(try visit.outcome.score(), try r.score())

        let bad = Data(#"{"clinician": "x", "outcome": {"format": "hiptrack.outcome", "version": 1, "instrument": "hoos_jr", "answers": {"A14": 9}}}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Visit.self, from: bad)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertTrue((context.underlyingError as? HipError)?.message.contains("answers.A14") ?? false, "\(context)")
        }
        let score = try r.score()
        XCTAssertEqual(try JSONDecoder().decode(OutcomeResult.self, from: JSONEncoder().encode(score)), score)
        let thresholds = ChangeThresholds()
        XCTAssertEqual(try JSONDecoder().decode(ChangeThresholds.self, from: JSONEncoder().encode(thresholds)), thresholds)
    }
}
