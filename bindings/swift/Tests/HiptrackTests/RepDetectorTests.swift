import XCTest
import Foundation
@testable import Hiptrack

final class RepDetectorTests: XCTestCase {
    func testConfiguration() throws {
        let auto = RepDetectorConfiguration.auto()
        XCTAssertEqual(auto.input, .imu)
        XCTAssertNil(auto.profile)
        XCTAssertEqual(auto.maxGapSeconds, 1)
        XCTAssertEqual(auto.referenceReps, 3)
        XCTAssertEqual(auto.partialRatio, 0.78, accuracy: 1e-12)
        XCTAssertEqual(RepDetectorConfiguration(input: .angle).input, .angle)
        XCTAssertEqual(RepInput.imu.width, 6)
        XCTAssertEqual(RepInput.accel.width, 3)
        XCTAssertEqual(RepInput.angle.width, 1)

        let bridge = try Catalog().require("bridge")
        let config = try RepDetectorConfiguration(exercise: bridge)
        XCTAssertEqual(config.profile, bridge.motion)
        XCTAssertGreaterThan(config.targetHoldSeconds, 0)

        let detector = try RepDetector(exercise: bridge, input: .accel)
        XCTAssertEqual(detector.input, .accel)
        XCTAssertEqual(detector.width, 3)
        XCTAssertEqual(detector.configuration.profile, bridge.motion)
        XCTAssertEqual(detector.pendingEventCount, 0)
        XCTAssertNil(detector.nextEvent())
        XCTAssertGreaterThan(RepDetector.stateSize, 0)
        XCTAssertLessThanOrEqual(RepDetector.stateSize, 4096)
        XCTAssertGreaterThan(RepDetector.snapshotSize, 0)
        XCTAssertEqual(RepDetector.queueCapacity, 12)
    }

    func testInvalidConfiguration() throws {
        var config = RepDetectorConfiguration()
        config.maxGapSeconds = 100
        assertHipError(.invalid) { try RepDetector(configuration: config) }
        config = RepDetectorConfiguration()
        config.referenceReps = -2
        assertHipError(.invalid) { try RepDetector(configuration: config) }
        config = RepDetectorConfiguration()
        config.partialRatio = .nan
        XCTAssertThrowsError(try RepDetector(configuration: config))
        var bad = try Catalog().require("squat")
        bad.id = String(repeating: "s", count: 80)
        assertHipError(.invalid, "id") { try RepDetectorConfiguration(exercise: bad) }
    }

    func testRefusedSamplesChangeNothing() throws {
        let detector = try RepDetector()
        let still: [Float] = [0, 0, 9.81, 0, 0, 0]
        try detector.push(time: 0, sample: still)
        let before = try detector.snapshot()
        assertHipError(.range) { try detector.push(time: 20_000_000, sample: [0, .nan, 9.81, 0, 0, 0]) }
        assertHipError(.range) { try detector.push(time: 20_000_000, sample: [0, 0, .infinity, 0, 0, 0]) }
        assertHipError(.range) { try detector.push(time: 20_000_000, sample: [0, 0, 9.81, 0, 0, 500]) }
        assertHipError(.range) { try detector.push(time: 0, sample: still) }                    // not after the last
        assertHipError(.range) { try detector.push(time: -5, sample: still) }
        XCTAssertFalse(detector.lastError.isEmpty)
        XCTAssertEqual(try detector.snapshot(), before)

        assertHipError(.invalid, "6") { try detector.push(time: 20_000_000, sample: [0, 0, 9.81]) }
        assertHipError(.invalid, "floats") { try detector.push(times: [1, 2], samples: still) }
        assertHipError(.invalid, "accel") { try detector.push(times: [1], accel: [SIMD3<Float>(0, 0, 9.81)]) }
        assertHipError(.invalid) { try detector.push(times: [1, 2], accel: [SIMD3<Float>(0, 0, 9.81)], gyro: [.zero]) }
        try detector.push(times: [], samples: [])           // nothing to do

        // A bad sample in the middle of a block: the samples before it stay accepted.
        let times: [Int64] = [20_000_000, 40_000_000, 60_000_000, 80_000_000]
        var rows = Array([[Float]](repeating: still, count: 4).joined())
        rows[2 * 6 + 4] = .nan
        let error = assertHipError(.range) { try detector.push(times: times, samples: rows) }
        XCTAssertEqual(error?.acceptedSamples, 2)
        try detector.push(times: Array(times[2...]), samples: Array([[Float]](repeating: still, count: 2).joined()))
    }

    func testChunkingInvarianceThroughEverySwiftPushAPI() throws {
        let (recording, truth) = try simulate("squat", seed: 3, sets: 2, reps: 8)
        let squat = try Catalog().require("squat")
        let reference = try detect(recording, with: try RepDetector(exercise: squat), chunk: 64)
        XCTAssertEqual(reference.count, truth)

        for chunk in [1, 7, 250, recording.count] {
            XCTAssertEqual(try detect(recording, with: try RepDetector(exercise: squat), chunk: chunk), reference, "chunk \(chunk)")
        }

        // One sample at a time, from arrays and from buffer pointers.
        let single = try RepDetector(exercise: squat)
        var events: [RepEvent] = []
        try recording.samples.withUnsafeBufferPointer { all in
            for i in 0..<recording.count {
                try single.push(time: recording.times[i], sample: UnsafeBufferPointer(rebasing: all[(i * 6)..<(i * 6 + 6)]))
                events += single.events
            }
        }
        try single.finish()
        events += single.events
        XCTAssertEqual(events, reference)

        // The whole recording in one push without draining: events wait in the Swift-side queue.
        let whole = try RepDetector(exercise: squat)
        try recording.times.withUnsafeBufferPointer { t in
            try recording.samples.withUnsafeBufferPointer { s in try whole.push(times: t, samples: s) }
        }
        XCTAssertGreaterThan(whole.pendingEventCount, RepDetector.queueCapacity - 6)
        try whole.finish()
        XCTAssertEqual(whole.pendingEventCount, reference.count)
        XCTAssertEqual(Array(whole.events), reference)
        XCTAssertEqual(whole.pendingEventCount, 0)

        // SIMD3 accelerometer + gyroscope vectors.
        let vectors = try RepDetector(exercise: squat)
        let accel = (0..<recording.count).map { SIMD3<Float>(recording.samples[$0 * 6], recording.samples[$0 * 6 + 1], recording.samples[$0 * 6 + 2]) }
        let gyro = (0..<recording.count).map { SIMD3<Float>(recording.samples[$0 * 6 + 3], recording.samples[$0 * 6 + 4], recording.samples[$0 * 6 + 5]) }
        try vectors.push(times: recording.times, accel: accel, gyro: gyro)
        try vectors.finish()
        XCTAssertEqual(Array(vectors.events), reference)

        // Accelerometer-only input: [SIMD3<Float>] (read in place) and [Float] rows agree.
        let accelRows = accel.flatMap { [$0.x, $0.y, $0.z] }
        let a1 = try RepDetector(exercise: squat, input: .accel)
        try a1.push(times: recording.times, accel: accel)
        try a1.finish()
        let a2 = try RepDetector(exercise: squat, input: .accel)
        try a2.push(times: recording.times, samples: accelRows)
        try a2.finish()
        let accelEvents = Array(a1.events)
        XCTAssertEqual(accelEvents, Array(a2.events))
        XCTAssertFalse(accelEvents.isEmpty)
        let bad = try RepDetector(input: .accel)
        var nanAccel = accel
        nanAccel[5].y = .nan
        XCTAssertEqual(assertHipError(.range) { try bad.push(times: recording.times, accel: nanAccel) }?.acceptedSamples, 5)
    }

    func testExactCountsAndEventFields() throws {
        let catalog = try Catalog()
        for id in ["squat", "bridge", "seated_march"] {
            let (recording, truth) = try simulate(id, seed: 42, sets: 2, reps: 10)
            let events = try detect(recording, with: try RepDetector(exercise: catalog.require(id)), chunk: 32)
            XCTAssertEqual(events.count, truth, id)
            XCTAssertEqual(events.map(\.index), Array(1...truth), id)
            for e in events {
                XCTAssertLessThan(e.startNs, e.peakNs)
                XCTAssertLessThan(e.peakNs, e.endNs)
                XCTAssertGreaterThanOrEqual(e.emittedNs, e.endNs)
                XCTAssertGreaterThan(e.excursionDegrees, 5)
                XCTAssertGreaterThan(e.duration, 0)
                XCTAssertEqual(e.end - e.start, e.duration, accuracy: 1e-6)
            }
            let data = try JSONEncoder().encode(events)
            XCTAssertEqual(try JSONDecoder().decode([RepEvent].self, from: data), events)
        }
    }

    func testAngleInput() throws {
        let detector = try RepDetector(configuration: .auto(input: .angle))
        var times: [Int64] = [], angles: [Float] = []
        for i in 0..<(50 * 40) {                   // 40 s at 50 Hz, a rep every 4 s after 4 s of rest
            let t = Double(i) / 50
            times.append(Int64(t * 1e9))
            angles.append(t < 4 ? 0 : Float(30 * (1 - cos(2 * Double.pi * (t - 4) / 4))))
        }
        try detector.push(times: times, samples: angles)
        try detector.finish()
        let count = Array(detector.events).count
        XCTAssertGreaterThanOrEqual(count, 8)
        XCTAssertLessThanOrEqual(count, 9)
    }

    func testSnapshotRestoreAndReset() throws {
        let (recording, _) = try simulate("bridge", seed: 9)
        let bridge = try Catalog().require("bridge")
        let reference = try detect(recording, with: try RepDetector(exercise: bridge), chunk: 50)

        // Suspend half-way, resume in a new detector.
        let half = recording.count / 2
        let first = try RepDetector(exercise: bridge)
        try first.push(times: Array(recording.times[..<half]), samples: Array(recording.samples[..<(half * 6)]))
        var events = Array(first.events)
        let snapshot = try first.snapshot()
        XCTAssertEqual(snapshot.count, RepDetector.snapshotSize)
        let resumed = try RepDetector(exercise: bridge)
        try resumed.restore(snapshot)
        try resumed.push(times: Array(recording.times[half...]), samples: Array(recording.samples[(half * 6)...]))
        try resumed.finish()
        events += resumed.events
        XCTAssertEqual(events, reference)

        // Corrupt, truncated, empty, foreign and other-input snapshots change nothing.
        let target = try RepDetector(exercise: bridge)
        let clean = try target.snapshot()
        var flipped = snapshot
        flipped[flipped.count - 9] ^= 0x40
        assertHipError(.corrupt) { try target.restore(flipped) }
        assertHipError(.corrupt, "too short") { try target.restore(snapshot.prefix(10)) }
        assertHipError(.corrupt) { try target.restore(Data()) }
        assertHipError(.corrupt, "not a hiptrack") { try target.restore(Data(repeating: 7, count: snapshot.count)) }
        XCTAssertThrowsError(try target.restore(snapshot + Data([0])))
        let angle = try RepDetector(configuration: .auto(input: .angle))
        assertHipError(.invalid) { try angle.restore(snapshot) }
        XCTAssertEqual(try target.snapshot(), clean)

        // With events waiting on the Swift side a snapshot would lose them: refused.
        let (long, longTruth) = try simulate("bridge", seed: 9, sets: 2, reps: 10)
        let busy = try RepDetector(exercise: bridge)
        try busy.push(times: long.times, samples: long.samples)
        XCTAssertGreaterThan(busy.pendingEventCount, RepDetector.queueCapacity)
        assertHipError(.state, "drain") { try busy.snapshot() }
        XCTAssertLessThanOrEqual(Array(busy.events).count, longTruth)
        XCTAssertNoThrow(try busy.snapshot())

        // Reset: back to a fresh detector (pending events dropped, the stream may start over).
        try busy.reset()
        XCTAssertEqual(busy.pendingEventCount, 0)
        XCTAssertEqual(try busy.snapshot(), clean)
        try busy.push(times: recording.times, samples: recording.samples)
        try busy.finish()
        XCTAssertEqual(Array(busy.events), reference)
    }
}
