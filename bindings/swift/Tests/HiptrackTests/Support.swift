import XCTest
import Foundation
@testable import Hiptrack

/// Asserts that body throws a HipError with `code` whose message contains every fragment.
@discardableResult
func assertHipError<T>(_ code: HipError.Code, _ fragments: String..., file: StaticString = #filePath,
                       line: UInt = #line, _ body: () throws -> T) -> HipError? {
    do {
        _ = try body()
        XCTFail("expected \(code.name), nothing was thrown", file: file, line: line)
        return nil
    } catch let error as HipError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        for fragment in fragments {
            XCTAssertTrue(error.message.contains(fragment), "\"\(error.message)\" lacks \"\(fragment)\"", file: file, line: line)
        }
        return error
    } catch {
        XCTFail("expected HipError \(code.name), got \(error)", file: file, line: line)
        return nil
    }
}

/// A simulated recording of `id` and its true rep count.
func simulate(_ id: String, seed: UInt64 = 42, sets: Int = 1, reps: Int = 10) throws -> (SensorRecording, Int) {
    let catalog = try Catalog()
    let sim = try Simulator(exercise: try catalog.require(id), seed: seed, sets: sets, repsPerSet: reps)
    return (try sim.readAll(), sim.truth.count)
}

/// Pushes a recording in blocks of `chunk` samples, draining events after every push.
func detect(_ recording: SensorRecording, with detector: RepDetector, chunk: Int) throws -> [RepEvent] {
    var events: [RepEvent] = []
    let n = recording.count, w = recording.width
    var start = 0
    while start < n {
        let end = min(start + chunk, n)
        try detector.push(times: Array(recording.times[start..<end]), samples: Array(recording.samples[(start * w)..<(end * w)]))
        events.append(contentsOf: detector.events)
        start = end
    }
    try detector.finish()
    events.append(contentsOf: detector.events)
    return events
}
