// Counts the reps in a recording CSV (t,ax,ay,az,gx,gy,gz; s, m/s^2, rad/s) with the streaming
// detector, pushing the file in small blocks as a phone app would push sensor batches.
// Usage: CountReps [FILE.csv] [EXERCISE_ID]   (swift run CountReps rec.csv squat)
// Without a file it simulates ten reps of the exercise (default "bridge") and checks the count.
import Foundation
import Hiptrack

func fail(_ message: String) -> Never {
    print("CountReps: \(message)")
    exit(1)
}

/// Reads the recording CSV: a header line, then seconds and six sensor values per line.
func readRecording(_ path: String) throws -> SensorRecording {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var recording = SensorRecording()
    for (number, line) in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).enumerated() {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        if number == 0 && Double(fields.first.map(String.init) ?? "") == nil { continue }   // header
        guard fields.count >= 7, let t = Double(fields[0]) else { fail("\(path):\(number + 1): expected t,ax,ay,az,gx,gy,gz") }
        recording.times.append(Int64((t * 1e9).rounded()))
        for field in fields[1...6] {
            guard let v = Float(field) else { fail("\(path):\(number + 1): \"\(field)\" is not a number") }
            recording.samples.append(v)
        }
    }
    return recording
}

let arguments = CommandLine.arguments
let exerciseId = arguments.count > 2 ? arguments[2] : "bridge"
do {
    let catalog = try Catalog()
    guard let exercise = catalog[exerciseId] else { fail("unknown exercise '\(exerciseId)'") }

    let recording: SensorRecording
    var truth: Int? = nil
    if arguments.count > 1 {
        recording = try readRecording(arguments[1])
    } else {
        let simulator = try Simulator(exercise: exercise, seed: 42, repsPerSet: 10)
        recording = try simulator.readAll()
        truth = simulator.truth.count
    }

    let detector = try RepDetector(exercise: exercise)
    var reps = 0
    func report(_ rep: RepEvent) {
        let flags = rep.flags.isEmpty ? "" : "  " + rep.flags.names.joined(separator: " ")
        print(String(format: "rep %2d  %6.2f-%6.2f s  %5.1f deg", rep.index, rep.start, rep.end,
                     rep.excursionDegrees) + flags)
        reps += 1
    }
    try recording.times.withUnsafeBufferPointer { times in
        try recording.samples.withUnsafeBufferPointer { samples in
            let block = 32
            for start in stride(from: 0, to: times.count, by: block) {
                let end = min(start + block, times.count)
                try detector.push(times: UnsafeBufferPointer(rebasing: times[start..<end]),
                                  samples: UnsafeBufferPointer(rebasing: samples[(start * 6)..<(end * 6)]))
                detector.events.forEach(report)
            }
        }
    }
    try detector.finish()
    detector.events.forEach(report)

    print("\(reps) reps of \(exercise.name) in \(recording.count) samples")
    if let truth, truth != reps { fail("the simulator made \(truth) reps") }
} catch let error as HipError {
    fail(error.description)
} catch {
    fail("\(error)")
}
