import XCTest
import Foundation
@testable import Hiptrack

final class SimulatorTests: XCTestCase {
    func testConfigurationDefaults() throws {
        let squat = try Catalog().require("squat")
        let config = SimulatorConfiguration(exercise: squat)
        XCTAssertEqual(config.exercise, squat)
        XCTAssertEqual(config.sets, 1)
        XCTAssertEqual(config.repsPerSet, 10)
        XCTAssertEqual(config.rateHz, 50)
        XCTAssertNil(config.placement)
        XCTAssertTrue(config.randomMounting)
        XCTAssertEqual(config.leadInSeconds, 2)
        XCTAssertEqual(config.restSeconds, 20)
    }

    func testReadTruthAndRewind() throws {
        let squat = try Catalog().require("squat")
        var config = SimulatorConfiguration(exercise: squat)
        config.seed = 5
        config.sets = 2
        config.repsPerSet = 6
        config.placement = .pelvis
        XCTAssertEqual(config.placement, .pelvis)
        let sim = try Simulator(configuration: config)
        XCTAssertEqual(sim.configuration.sets, 2)
        let truth = sim.truth
        XCTAssertEqual(truth.count, 12)
        XCTAssertEqual(truth.map(\.set), Array(repeating: 0, count: 6) + Array(repeating: 1, count: 6))
        XCTAssertEqual(truth.map(\.index), Array(0..<12))
        XCTAssertTrue(truth.allSatisfy { $0.startNs < $0.peakNs && $0.peakNs < $0.endNs && $0.kind == .normal })
        XCTAssertGreaterThan(sim.duration, 20)

        let all = try sim.readAll()
        XCTAssertEqual(all.count, sim.sampleCount)
        XCTAssertEqual(all.samples.count, all.count * 6)
        XCTAssertEqual(try sim.read(maxSamples: 10).count, 0)      // exhausted
        XCTAssertTrue(zip(all.times, all.times.dropFirst()).allSatisfy { $0 < $1 })

        // Chunk-independent and repeatable after a rewind.
        try sim.rewind()
        var chunked = SensorRecording()
        while true {
            let part = try sim.read(maxSamples: 37)
            if part.count == 0 { break }
            chunked.times += part.times
            chunked.samples += part.samples
        }
        XCTAssertEqual(chunked, all)

        // Into caller memory.
        try sim.rewind()
        var times = [Int64](repeating: 0, count: 100), samples = [Float](repeating: 0, count: 600)
        let n = try times.withUnsafeMutableBufferPointer { t in
            try samples.withUnsafeMutableBufferPointer { s in try sim.read(times: t, samples: s) }
        }
        XCTAssertEqual(n, 100)
        XCTAssertEqual(times, Array(all.times[..<100]))
        XCTAssertEqual(samples, Array(all.samples[..<600]))
        assertHipError(.invalid, "samples") {
            try times.withUnsafeMutableBufferPointer { t in
                try samples.withUnsafeMutableBufferPointer { s in try sim.read(times: t, samples: UnsafeMutableBufferPointer(rebasing: s[..<10])) }
            }
        }
        assertHipError(.invalid) { try sim.read(maxSamples: -1) }

        // Same seed, same stream; another seed, another stream.
        XCTAssertEqual(try Simulator(configuration: config).readAll(), all)
        config.seed = 6
        XCTAssertNotEqual(try Simulator(configuration: config).readAll(), all)
        let data = try JSONEncoder().encode(truth)
        XCTAssertEqual(try JSONDecoder().decode([SimulatedRep].self, from: data), truth)
    }

    func testPartialAndFastReps() throws {
        var config = SimulatorConfiguration(exercise: try Catalog().require("bridge"))
        config.repsPerSet = 20
        config.partialFraction = 0.3
        config.fastFraction = 0.2
        let kinds = Set(try Simulator(configuration: config).truth.map(\.kind))
        XCTAssertTrue(kinds.contains(.partial))
        XCTAssertTrue(kinds.contains(.fast))
    }

    func testInvalidConfiguration() throws {
        let squat = try Catalog().require("squat")
        var config = SimulatorConfiguration(exercise: squat)
        config.rateHz = 1000
        assertHipError(.range, "rate_hz") { try Simulator(configuration: config) }
        config = SimulatorConfiguration(exercise: squat)
        config.sets = 0
        XCTAssertThrowsError(try Simulator(configuration: config)) { error in
            XCTAssertTrue((error as? HipError)?.message.contains("sets") ?? false, "\(error)")
        }
        config = SimulatorConfiguration(exercise: squat)
        config.repsPerSet = -1
        XCTAssertThrowsError(try Simulator(configuration: config))
        config = SimulatorConfiguration(exercise: squat)
        config.accelNoise = .nan
        XCTAssertThrowsError(try Simulator(configuration: config))
        var long = squat
        long.name = String(repeating: "n", count: 200)
        assertHipError(.invalid, "name") { try Simulator(configuration: SimulatorConfiguration(exercise: long)) }
    }
}
