import XCTest
import Foundation
@testable import Hiptrack

final class PainLogTests: XCTestCase {
    let start = try! CivilDate(year: 2026, month: 3, day: 1)
    let hourNs: Int64 = 3_600_000_000_000

    func day(_ n: Int) -> CivilDate { try! start.adding(days: n) }
    /// The instant of `hour`:00 local time on program day `n` at UTC offset `offset` minutes.
    func instant(day n: Int, hour: Int, offset: Int = 0) -> Int64 {
        (Int64(day(n).dayNumber) * 24 + Int64(hour)) * hourNs - Int64(offset) * 60_000_000_000
    }
    /// One avg_24h entry a day at 20:00 with these values.
    func dailyLog(_ values: [Int], configuration: PainLogConfiguration = PainLogConfiguration()) throws -> PainLog {
        let log = try PainLog(configuration: configuration)
        for (i, v) in values.enumerated() {
            try log.add(PainEntry(timeNs: instant(day: i, hour: 20), nrs: v, context: .avg24h))
        }
        return log
    }

    func testEntriesAndOrder() throws {
        let log = try PainLog()
        XCTAssertTrue(log.isEmpty)
        var entry = PainEntry(timeNs: instant(day: 1, hour: 9, offset: 60), utcOffsetMinutes: 60, nrs: 4,
                              context: .avg24h, location: .groin, side: .left, symptoms: [.stiffness, .clicking],
                              timeOfDay: .morning, setting: .rest, note: "stiff first thing ✓")
        try log.add(entry)
        try log.add(PainEntry(timeNs: instant(day: 0, hour: 9), nrs: 6))           // earlier: placed first
        XCTAssertEqual(log.count, 2)
        XCTAssertEqual(log[0].nrs, 6)
        XCTAssertEqual(log[1], entry)
        XCTAssertEqual(log.map(\.nrs), [6, 4])
        XCTAssertEqual(log[1].day, day(1))
        XCTAssertEqual(log[1].symptoms.names, ["stiffness", "clicking"])
        // An entry differing only in location is kept; an exact duplicate is refused.
        entry.location = .buttock
        try log.add(entry)
        XCTAssertEqual(log.count, 3)
        assertHipError(.exists, "identical") { try log.add(entry) }
        try log.remove(at: 0)
        XCTAssertEqual(log.map(\.nrs), [4, 4])
        assertHipError(.range) { try log.remove(at: 5) }
        assertHipError(.range) { try log.remove(at: -1) }

        // Local days: 23:30 in New York is that day, though the next day in UTC.
        let ny = instant(day: 0, hour: 23, offset: -300) + 1_800_000_000_000
        XCTAssertEqual(try PainLog.localDay(of: ny, utcOffsetMinutes: -300), day(0))
        XCTAssertEqual(try PainLog.localDay(of: ny, utcOffsetMinutes: 0), day(1))
        assertHipError(.range, "utc_offset_min") { try PainLog.localDay(of: 0, utcOffsetMinutes: 1081) }
        XCTAssertNil(PainEntry(timeNs: 0, utcOffsetMinutes: 2000, nrs: 1).day)
    }

    func testEntryErrors() throws {
        let log = try PainLog()
        for bad in [-1, 11, Int.max] {
            assertHipError(.range, "nrs") { try log.add(PainEntry(timeNs: 0, nrs: bad)) }
        }
        assertHipError(.range, "utc_offset_min") { try log.add(PainEntry(timeNs: 0, utcOffsetMinutes: 1081, nrs: 3)) }
        assertHipError(.invalid, "symptoms") {
            try log.add(PainEntry(timeNs: 0, nrs: 3, symptoms: PainSymptoms(rawValue: 1 << 20)))
        }
        assertHipError(.invalid, "note") { try log.add(PainEntry(timeNs: 0, nrs: 3, note: String(repeating: "n", count: 256))) }
        assertHipError(.invalid, "NUL") { try log.add(PainEntry(timeNs: 0, nrs: 3, note: "a\u{0}b")) }
        XCTAssertTrue(log.isEmpty)
        XCTAssertFalse(log.lastError.isEmpty)
    }

    func testBandsAndNames() throws {
        XCTAssertEqual(try PainBand(nrs: 0), .noPain)
        XCTAssertEqual(try PainBand(nrs: 3), .mild)
        XCTAssertEqual(try PainBand(nrs: 4), .moderate)
        XCTAssertEqual(try PainBand(nrs: 9), .severe)
        XCTAssertEqual(try PainBand(nrs: 10), .excruciating)
        XCTAssertEqual(PainBand.mild.snomedCode, "40196000")
        assertHipError(.range, "nrs") { try PainBand(nrs: 11) }
        assertHipError(.range, "nrs") { try PainBand(nrs: -1) }
        assertHipError(.range, "nrs") { try PainBand(nrs: Int.min) }
        XCTAssertEqual(PainSymptoms(names: ["limp", "giving_way"]), [.limp, .givingWay])
        XCTAssertNil(PainSymptoms(names: ["itch"]))
        XCTAssertEqual(PainSymptoms.all.names.count, 9)
    }

    // MARK: CLINICAL.md §1.3 vectors

    func testChangeVectors() throws {
        typealias Row = (Double, Double, Double, Double?, PainVerdict, PainVerdict, PainVerdict)
        let rows: [Row] = [
            (8, 5, 3, 37.5, .yes, .yes, .no), (6, 4, 2, 100.0 / 3, .yes, .yes, .no), (10, 7, 3, 30, .yes, .yes, .no),
            (7, 5, 2, 200.0 / 7, .no, .yes, .no), (4, 3, 1, 25, .no, .no, .no), (3, 2, 1, 100.0 / 3, .yes, .no, .no),
            (2, 0, 2, 100, .yes, .yes, .no), (5, 6, -1, -20, .no, .no, .no), (4, 6, -2, -50, .no, .no, .yes),
            (0, 1, -1, nil, .notEvaluable, .no, .no),
        ]
        for (b, f, abs, pct, rPct, rAbs, worse) in rows {
            let c = try PainChange(baseline: b, followup: f)
            XCTAssertEqual(c.deltaAbsolute, abs, accuracy: 1e-9, "\(b) -> \(f)")
            if let pct { XCTAssertEqual(try XCTUnwrap(c.deltaPercent), pct, accuracy: 1e-9) } else { XCTAssertNil(c.deltaPercent) }
            XCTAssertEqual(c.responderPercent, rPct, "\(b) -> \(f)")
            XCTAssertEqual(c.responderAbsolute, rAbs, "\(b) -> \(f)")
            XCTAssertEqual(c.worse, worse, "\(b) -> \(f)")
            XCTAssertEqual(c.criterion, .percent)
            XCTAssertEqual(c.responder, c.responderPercent)
        }
        var config = PainLogConfiguration()
        config.responderCriterion = .absolute
        let byAbs = try PainChange(baseline: 7, followup: 5, configuration: config)
        XCTAssertEqual(byAbs.criterion, .absolute)
        XCTAssertEqual(byAbs.responder, .yes)
        assertHipError(.range) { try PainChange(baseline: 11, followup: 5) }
        assertHipError(.range) { try PainChange(baseline: .nan, followup: 5) }
        config = PainLogConfiguration()
        config.responderPercent = -5
        assertHipError(.invalid, "configuration") { try PainChange(baseline: 5, followup: 3, configuration: config) }
    }

    // MARK: CLINICAL.md §3.5 vectors

    func testFlareVectors() throws {
        var fixed = PainLogConfiguration()
        fixed.flareBaseline = .fixed
        func onDays(_ baseline: Double, _ values: [Double]) throws -> [CivilDate] {
            try PainFlare.scan(days: (0..<values.count).map { day($0) }, values: values, baseline: baseline,
                               configuration: fixed).map(\.onDay)
        }
        XCTAssertEqual(try onDays(3.0, [3, 5, 5, 4]), [day(2)])          // "day 3" counting from day 1
        XCTAssertEqual(try onDays(3.0, [3, 5, 4, 5]), [])
        XCTAssertEqual(try onDays(4.0, [4, 6, 6, 6]), [day(2)])
        XCTAssertEqual(try onDays(2.4, [2, 4, 4]), [])
        XCTAssertEqual(try onDays(2.5, [2, 4, 5]), [])
        let flare = try XCTUnwrap(PainFlare.scan(days: (0..<4).map { day($0) }, values: [3, 5, 5, 4], baseline: 3,
                                                 configuration: fixed).first)
        XCTAssertEqual(flare.startDay, day(1))
        XCTAssertTrue(flare.isOngoing)
        XCTAssertNil(flare.offDay)
        XCTAssertEqual(flare.peakNRS, 5)
        XCTAssertEqual(flare.baseline, 3)
        assertHipError(.range) { try PainFlare.scan(days: [self.day(1), self.day(0)], values: [3, 3], baseline: 3) }
        assertHipError(.range) { try PainFlare.scan(days: [self.day(0)], values: [11], baseline: 3) }
        assertHipError(.invalid) { try PainFlare.scan(days: [self.day(0)], values: [], baseline: 3) }

        // The same over a log: baseline from the first 7 days, then a flare that resolves.
        let log = try dailyLog([3, 3, 3, 3, 3, 3, 3, 6, 6, 6, 3, 3, 3], configuration: fixed)
        let flares = try log.flares(.avg24h)
        XCTAssertEqual(flares.count, 1)
        XCTAssertEqual(flares[0].onDay, day(8))
        XCTAssertEqual(flares[0].lastDay, day(9))
        XCTAssertEqual(flares[0].offDay, day(11))
        XCTAssertEqual(flares[0].escalation, [])
        XCTAssertEqual(try log.flares(.current), [])                        // no entries of that context
    }

    func testAnalytics() throws {
        let log = try dailyLog([6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 3, 3, 3, 3, 3, 3, 3])
        let baseline = try XCTUnwrap(try log.baseline(.avg24h))
        XCTAssertEqual(baseline.nrs, 6, accuracy: 1e-9)
        XCTAssertEqual(baseline.firstDay, day(0))
        XCTAssertEqual(baseline.lastDay, day(6))
        XCTAssertEqual(baseline.dayCount, 7)
        let window = try XCTUnwrap(try log.rollingMean(.avg24h, endingOn: day(16)))
        XCTAssertEqual(window.meanNRS, 3, accuracy: 1e-9)
        XCTAssertEqual(window.firstDay, day(10))
        XCTAssertEqual(window.dayCount, 7)
        let change = try XCTUnwrap(try log.change(.avg24h, on: day(16)))
        XCTAssertEqual(change.deltaAbsolute, 3, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(change.deltaPercent), 50, accuracy: 1e-9)
        XCTAssertEqual(change.responder, .yes)
        XCTAssertNil(try log.baseline(.avg7d))
        XCTAssertNil(try log.rollingMean(.avg24h, endingOn: day(-30)))
        XCTAssertNil(try log.change(.avg7d, on: day(16)))

        // Morning vs night: 3 morning entries at 7, 3 night entries at 3.
        let pl = try PainLog()
        for d in 0..<3 {
            try pl.add(PainEntry(timeNs: instant(day: d, hour: 7), nrs: 7))
            try pl.add(PainEntry(timeNs: instant(day: d, hour: 23), nrs: 3))
            try pl.add(PainEntry(timeNs: instant(day: d, hour: 14), nrs: 9))     // afternoon: not used
        }
        let pattern = try XCTUnwrap(try pl.pattern(.current, from: day(0), to: day(2)))
        XCTAssertEqual(pattern.pattern, .morning)
        XCTAssertEqual(pattern.morningCount, 3)
        XCTAssertEqual(pattern.nightCount, 3)
        XCTAssertEqual(pattern.morningMean, 7)
        XCTAssertEqual(pattern.nightMean, 3)
        XCTAssertEqual(try pl.pattern(.current, from: day(0), to: day(1))?.pattern, .undetermined)
        XCTAssertNil(try pl.pattern(.avg24h, from: day(0), to: day(2)))
        assertHipError(.invalid) { try pl.pattern(.current, from: self.day(2), to: self.day(0)) }
    }

    func testDurationAndCohort() throws {
        XCTAssertEqual(try PainDuration.classify(onset: day(0), assessment: day(84)).duration, .acute)
        let chronic = try PainDuration.classify(onset: day(0), assessment: day(85))
        XCTAssertEqual(chronic.duration, .chronic)
        XCTAssertEqual(chronic.days, 85)
        var three = PainLogConfiguration()
        three.durationBands = 3
        XCTAssertEqual(try PainDuration.classify(onset: day(0), assessment: day(50), configuration: three).duration, .subacute)
        assertHipError(.range, "after") { try PainDuration.classify(onset: self.day(5), assessment: self.day(0)) }
        three.durationBands = 4
        assertHipError(.invalid) { try PainDuration.classify(onset: self.day(0), assessment: self.day(5), configuration: three) }

        // Three completers (8->4, 6->5, 0->0) and one without follow-up.
        let cohort = try PainCohort(baselines: [8, 6, 0, 7], finals: [4, 5, 0, nil])
        XCTAssertEqual(cohort.enrolled, 4)
        XCTAssertEqual(cohort.completers, 3)
        XCTAssertEqual(try XCTUnwrap(cohort.percentOfMeans), 100.0 * (14.0 / 3 - 9.0 / 3) / (14.0 / 3), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(cohort.meanOfPercents), (50 + 100.0 / 6) / 2, accuracy: 1e-9)
        XCTAssertEqual(cohort.meanOfPercentsMembers, 2)
        XCTAssertEqual(cohort.meanOfPercentsExcluded, 1)
        XCTAssertEqual(cohort.respondersPercent, 1)
        XCTAssertEqual(cohort.respondersAbsolute, 1)
        XCTAssertEqual(try XCTUnwrap(cohort.responderPercentRateITT), 25, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(cohort.responderPercentRateCompleters), 100.0 / 3, accuracy: 1e-9)
        let noCompleters = try PainCohort(baselines: [5], finals: [nil])
        XCTAssertNil(noCompleters.percentOfMeans)
        XCTAssertNil(noCompleters.responderPercentRateCompleters)
        XCTAssertEqual(noCompleters.responderPercentRateITT, 0)
        assertHipError(.notFound, "empty") { try PainCohort(baselines: [], finals: []) }
        assertHipError(.range) { try PainCohort(baselines: [11], finals: [3]) }
        assertHipError(.range) { try PainCohort(baselines: [5], finals: [-1]) }
        assertHipError(.invalid) { try PainCohort(baselines: [5, 4], finals: [3]) }
    }

    func testConfiguration() throws {
        let config = PainLogConfiguration()
        XCTAssertEqual(config.baselineRule, .firstDaysMean)
        XCTAssertEqual(config.baselineDays, 7)
        XCTAssertEqual(config.responderPercent, 30)
        XCTAssertEqual(config.responderAbsolute, 2)
        XCTAssertEqual(config.flareSustainLogs, 2)
        XCTAssertEqual(config.flareBaseline, .rolling)
        XCTAssertEqual(config.chronicAfterDays, 84)
        XCTAssertEqual(config.durationBands, 2)
        XCTAssertEqual(try PainLog().configuration, config)
        var bad = PainLogConfiguration()
        bad.baselineDays = 0
        assertHipError(.invalid, "configuration") { try PainLog(configuration: bad) }
        bad = PainLogConfiguration()
        bad.flareMinLogs = 20
        assertHipError(.invalid) { try PainLog(configuration: bad) }
        bad = PainLogConfiguration()
        bad.rollingDays = -1
        assertHipError(.invalid, "rolling_days") { try PainLog(configuration: bad) }
        var first = PainLogConfiguration()
        first.baselineRule = .firstEntry
        let log = try dailyLog([5, 1, 1], configuration: first)
        XCTAssertEqual(try log.baseline(.avg24h)?.nrs, 5)
    }

    func testJSON() throws {
        let log = try PainLog()
        try log.add(PainEntry(timeNs: instant(day: 1, hour: 8, offset: 60) + 1_800_000_000_000, utcOffsetMinutes: 60, nrs: 4,
                              context: .avg24h, location: .groin, side: .left, symptoms: [.stiffness, .clicking],
                              timeOfDay: .morning, setting: .rest, note: "stiff first thing"))
        try log.add(PainEntry(timeNs: instant(day: 2, hour: 21), nrs: 2, context: .nextMorning))
        let json = try log.exportJSON()
        XCTAssertTrue(json.contains("\"format\": \"hiptrack.painlog\""))
        XCTAssertTrue(json.contains("\"time\": \"2026-03-02T08:30:00+01:00\""), json)
        XCTAssertTrue(json.contains("\"location\": \"groin\""), json)
        XCTAssertTrue(json.contains("\"clicking\""), json)
        let copy = try PainLog(json: json)
        XCTAssertEqual(Array(copy), Array(log))
        XCTAssertEqual(try copy.exportJSON(), json)

        let error = assertHipError(.format, "entries[1].nrs") {
            try copy.importJSON(#"{"format": "hiptrack.painlog", "version": 1, "entries": [{"time": "2026-03-01T08:00:00Z", "nrs": 3, "context": "current"}, {"time": "2026-03-02T08:00:00Z", "nrs": 12, "context": "current"}]}"#)
        }
        XCTAssertEqual(error?.message, copy.lastError)
        XCTAssertEqual(Array(copy), Array(log))                                // all or nothing
        assertHipError(.format, "entries[0].symptoms[1]") {
            try copy.importJSON(#"{"format": "hiptrack.painlog", "version": 1, "entries": [{"time": "2026-03-01T08:00:00Z", "nrs": 3, "context": "current", "symptoms": ["limp", "limp"]}]}"#)
        }
        assertHipError(.format, "entries[0].time") {
            try copy.importJSON(#"{"format": "hiptrack.painlog", "version": 1, "entries": [{"time": "yesterday", "nrs": 3, "context": "current"}]}"#)
        }
        assertHipError(.exists, "entries[1]") {
            try copy.importJSON(#"{"format": "hiptrack.painlog", "version": 1, "entries": [{"time": "2026-03-01T08:00:00Z", "nrs": 3, "context": "current"}, {"time": "2026-03-01T08:00:00Z", "nrs": 3, "context": "current"}]}"#)
        }
        assertHipError(.format, "line 1, column") { try copy.importJSON("{\"entries\": [") }
        assertHipError(.version) { try copy.importJSON(#"{"format": "hiptrack.painlog", "version": 7, "entries": []}"#) }
        try copy.importJSON(#"{"format": "hiptrack.painlog", "version": 1, "entries": []}"#)
        XCTAssertTrue(copy.isEmpty)
    }

    struct Member: Codable {
        var pain: PainLog
        var id: String
    }

    func testCodable() throws {
        let log = try dailyLog([3, 4, 5])
        let data = try JSONEncoder().encode(Member(pain: log, id: "m-1"))
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains(#""format":"hiptrack.painlog""#))
        let member = try JSONDecoder().decode(Member.self, from: data)
        XCTAssertEqual(Array(member.pain), Array(log))

        let bad = Data(#"{"id": "x", "pain": {"format": "hiptrack.painlog", "version": 1, "entries": [{"time": "2026-03-01T08:00:00Z", "nrs": 3, "context": "sometimes"}]}}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(Member.self, from: bad)) { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return XCTFail("\(error)") }
            XCTAssertTrue((context.underlyingError as? HipError)?.message.contains("entries[0].context") ?? false, "\(context)")
        }
        let entry = log[0]
        XCTAssertEqual(try JSONDecoder().decode(PainEntry.self, from: JSONEncoder().encode(entry)), entry)
        XCTAssertTrue(String(decoding: try JSONEncoder().encode(PainSymptoms([.limp])), as: UTF8.self).contains("limp"))
    }
}
