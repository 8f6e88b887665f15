import XCTest
import Foundation
import CHiptrack
@testable import Hiptrack

final class HipErrorTests: XCTestCase {
    func testCodesMatchTheLibrary() {
        let codes: [(HipError.Code, String)] = [
            (.invalid, "HIP_ERR_INVALID"), (.noMemory, "HIP_ERR_NOMEM"), (.range, "HIP_ERR_RANGE"),
            (.format, "HIP_ERR_FORMAT"), (.bufferSize, "HIP_ERR_BUFSIZE"), (.notFound, "HIP_ERR_NOT_FOUND"),
            (.exists, "HIP_ERR_EXISTS"), (.state, "HIP_ERR_STATE"), (.version, "HIP_ERR_VERSION"),
            (.corrupt, "HIP_ERR_CORRUPT"), (.unsupported, "HIP_ERR_UNSUPPORTED"),
        ]
        for (i, (code, name)) in codes.enumerated() {
            XCTAssertEqual(code.rawValue, Int32(-1 - i))
            XCTAssertEqual(code.name, name)
            XCTAssertFalse(code.summary.isEmpty)
        }
        XCTAssertEqual(HipError.Code.noMemory.summary, "out of memory")
    }

    func testMessageDescriptionAndPatternMatch() {
        let error = HipError(.range, "t: 3 is not after 5")
        XCTAssertEqual(error.status, -3)
        XCTAssertEqual(error.name, "HIP_ERR_RANGE")
        XCTAssertEqual(error.description, "HIP_ERR_RANGE: t: 3 is not after 5")
        XCTAssertNil(error.acceptedSamples)
        XCTAssertEqual(HipError(.corrupt).message, HipError.Code.corrupt.summary)   // empty -> summary
        do {
            throw error
        } catch HipError.Code.format {
            XCTFail("matched the wrong code")
        } catch HipError.Code.range {
            // matched by code
        } catch {
            XCTFail("not matched")
        }
    }
}

final class VersionTests: XCTestCase {
    func testLinkedMatchesHeader() throws {
        XCTAssertEqual(HiptrackVersion.linked, HiptrackVersion.header)
        XCTAssertEqual(HiptrackVersion.linkedString, HiptrackVersion.header.description)
        XCTAssertEqual(HiptrackVersion.linked.number, Int(hip_version_number()))
        try HiptrackVersion.check()
    }

    func testCompatibilityRules() {
        let v010 = HiptrackVersion(major: 0, minor: 1, patch: 0)
        XCTAssertTrue(HiptrackVersion.isCompatible(linked: HiptrackVersion(major: 0, minor: 1, patch: 3), header: v010))
        XCTAssertFalse(HiptrackVersion.isCompatible(linked: HiptrackVersion(major: 0, minor: 2, patch: 0), header: v010))
        XCTAssertFalse(HiptrackVersion.isCompatible(linked: v010, header: HiptrackVersion(major: 0, minor: 1, patch: 1)))
        XCTAssertTrue(HiptrackVersion.isCompatible(linked: HiptrackVersion(major: 1, minor: 3, patch: 0),
                                                   header: HiptrackVersion(major: 1, minor: 2, patch: 5)))
        XCTAssertFalse(HiptrackVersion.isCompatible(linked: HiptrackVersion(major: 2, minor: 0, patch: 0),
                                                    header: HiptrackVersion(major: 1, minor: 0, patch: 0)))
        XCTAssertLessThan(v010, HiptrackVersion(major: 0, minor: 1, patch: 1))
    }
}

final class CivilDateTests: XCTestCase {
    func testDayNumbers() throws {
        XCTAssertEqual(try CivilDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        let d = try CivilDate(year: 2026, month: 11, day: 2)
        XCTAssertEqual(d.description, "2026-11-02")
        XCTAssertEqual(d.year, 2026)
        XCTAssertEqual(d.month, 11)
        XCTAssertEqual(d.day, 2)
        XCTAssertEqual(d.weekday, 1)   // a Monday
        XCTAssertEqual(try CivilDate(dayNumber: d.dayNumber), d)
        XCTAssertEqual(try CivilDate("2026-11-09") - d, 7)
        XCTAssertEqual(try d.adding(days: 7), try CivilDate("2026-11-09"))
        XCTAssertLessThan(d, try d.adding(days: 1))
        XCTAssertEqual(try CivilDate(year: 2024, month: 2, day: 29).description, "2024-02-29")
    }

    func testErrors() {
        assertHipError(.range) { try CivilDate(year: 2026, month: 2, day: 29) }
        assertHipError(.range) { try CivilDate(year: 2026, month: 13, day: 1) }
        assertHipError(.range) { try CivilDate(year: 0, month: 1, day: 1) }
        assertHipError(.range) { try CivilDate(year: Int.max, month: 1, day: 1) }
        assertHipError(.format, "not YYYY-MM-DD") { try CivilDate("2026/11/02") }
        assertHipError(.format) { try CivilDate("") }
        assertHipError(.range, "not a date") { try CivilDate("2026-02-30") }
        assertHipError(.invalid, "NUL") { try CivilDate("2026-11-02\u{0}x") }
        assertHipError(.range) { try CivilDate(dayNumber: Int32.max) }
        assertHipError(.range) { try CivilDate(year: 9999, month: 12, day: 31).adding(days: 1) }
    }

    func testCodableAsString() throws {
        let d = try CivilDate("2026-11-02")
        let json = try JSONEncoder().encode([d])
        XCTAssertEqual(String(decoding: json, as: UTF8.self), "[\"2026-11-02\"]")
        XCTAssertEqual(try JSONDecoder().decode([CivilDate].self, from: json), [d])
        XCTAssertThrowsError(try JSONDecoder().decode([CivilDate].self, from: Data("[\"2026-02-30\"]".utf8))) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual((context.underlyingError as? HipError)?.code, .range)
        }
    }
}
