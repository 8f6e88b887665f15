import CHiptrack

/// What kind of rep the simulator made (the truth a detector's flags are judged against).
public enum SimulatedRepKind: String, Codable, Sendable, CEnumMirror {
    case normal
    /// A fraction of the full excursion.
    case partial
    /// A fraction of the normal duration.
    case fast
    /// A multiple of the normal duration.
    case slow
}

/// One rep the simulator planned (`hip_sim_rep`): the ground truth for a detector.
public struct SimulatedRep: Hashable, Sendable, Codable {
    /// 0-based set number.
    public var set: Int
    /// 0-based rep number over the whole stream.
    public var index: Int
    public var startNs: Int64
    public var peakNs: Int64
    public var endNs: Int64
    /// Of the primary angle.
    public var excursionDegrees: Double
    /// Vertical travel of the sensor's segment (0 if none).
    public var travelCentimeters: Double
    public var holdSeconds: Double
    public var kind: SimulatedRepKind

    init(_ r: hip_sim_rep) {
        set = Int(r.set)
        index = Int(r.index)
        startNs = r.start_ns
        peakNs = r.peak_ns
        endNs = r.end_ns
        excursionDegrees = r.excursion_deg
        travelCentimeters = r.travel_cm
        holdSeconds = r.hold_s
        kind = SimulatedRepKind(cValue: r.kind.rawValue) ?? .normal
    }
}

/// A recording: timestamps (ns) and row-major samples (`width` floats each).
public struct SensorRecording: Hashable, Sendable {
    public var times: [Int64]
    public var samples: [Float]
    /// Floats per sample (6 for the simulator's IMU streams).
    public var width: Int
    public init(times: [Int64] = [], samples: [Float] = [], width: Int = 6) {
        self.times = times
        self.samples = samples
        self.width = width
    }
    /// The number of samples.
    public var count: Int { times.count }
}

/// The configuration of a ``Simulator`` (`hip_sim_config`), with the library's defaults.
/// The library validates it when the simulator is created.
// @unchecked: the C struct holds an allocator (function pointers), which Swift leaves zeroed.
public struct SimulatorConfiguration: @unchecked Sendable {
    var c: hip_sim_config
    /// The exercise whose motion profile and dose drive the simulation.
    public var exercise: Exercise

    /// Defaults for `exercise` (1 set of 10 reps at 50 Hz, seed 0).
    public init(exercise: Exercise) {
        c = hip_sim_config()
        hip_sim_config_init(&c)
        self.exercise = exercise
    }

    public var seed: UInt64 { get { c.seed } set { c.seed = newValue } }
    /// The segment the sensor sits on; `nil` (the default) means the exercise's tracked segment.
    public var placement: Segment? {
        get { c.placement_from_exercise != 0 ? nil : Segment(cValue: c.placement.rawValue) }
        set {
            c.placement_from_exercise = newValue == nil ? 1 : 0
            if let newValue { c.placement = hip_segment(rawValue: newValue.cValue) }
        }
    }
    /// 1...20, default 1.
    public var sets: Int { get { Int(c.sets) } set { c.sets = UInt32(clamping: newValue) } }
    /// 1...200, default 10.
    public var repsPerSet: Int { get { Int(c.reps_per_set) } set { c.reps_per_set = UInt32(clamping: newValue) } }
    /// 10...200, default 50.
    public var rateHz: Double { get { c.rate_hz } set { c.rate_hz = newValue } }
    /// Timestamp jitter as a fraction of the period, 0...0.5.
    public var rateJitter: Double { get { c.rate_jitter } set { c.rate_jitter = newValue } }
    /// Still time before the first set, default 2 s.
    public var leadInSeconds: Double { get { c.lead_in_s } set { c.lead_in_s = newValue } }
    /// Rest between sets, default 20 s.
    public var restSeconds: Double { get { c.rest_s } set { c.rest_s = newValue } }
    /// Relative s.d. of rep duration, 0...0.5, default 0.1.
    public var tempoVariation: Double { get { c.tempo_variation } set { c.tempo_variation = newValue } }
    /// Relative s.d. of rep excursion, 0...0.5, default 0.05.
    public var excursionVariation: Double { get { c.excursion_variation } set { c.excursion_variation = newValue } }
    /// Chance of a 1-4 s pause after a rep, 0...1, default 0.1.
    public var pauseProbability: Double { get { c.pause_probability } set { c.pause_probability = newValue } }
    /// Share of reps made partial, 0...1.
    public var partialFraction: Double { get { c.partial_fraction } set { c.partial_fraction = newValue } }
    /// Share of reps made fast, 0...1.
    public var fastFraction: Double { get { c.fast_fraction } set { c.fast_fraction = newValue } }
    /// Small movement between sets, 0...1, default 0.3.
    public var fidget: Double { get { c.fidget } set { c.fidget = newValue } }
    /// White noise s.d., m/s², default 0.05.
    public var accelNoise: Double { get { c.accel_noise } set { c.accel_noise = newValue } }
    /// White noise s.d., rad/s, default 0.01.
    public var gyroNoise: Double { get { c.gyro_noise } set { c.gyro_noise = newValue } }
    /// Bias magnitude, m/s² (random direction), default 0.05.
    public var accelBias: Double { get { c.accel_bias } set { c.accel_bias = newValue } }
    /// Bias magnitude, rad/s (random direction), default 0.005.
    public var gyroBias: Double { get { c.gyro_bias } set { c.gyro_bias = newValue } }
    /// Random sensor orientation on the segment (default `true`).
    public var randomMounting: Bool { get { c.random_mounting != 0 } set { c.random_mounting = newValue ? 1 : 0 } }
}

/// A seeded, deterministic motion simulator (`hip_sim`): IMU streams of any catalog exercise
/// (6 floats a sample: ax ay az in m/s² with gravity, gx gy gz in rad/s) with the true reps.
///
/// ```swift
/// var config = SimulatorConfiguration(exercise: catalog["squat"]!)
/// config.seed = 7
/// config.sets = 2
/// let sim = try Simulator(configuration: config)
/// let recording = try sim.readAll()
/// print(sim.truth.count, "reps in", recording.count, "samples")
/// ```
///
/// Reading is streaming and chunk-independent; ``rewind()`` starts again.
public final class Simulator {
    let handle: OpaquePointer
    public let configuration: SimulatorConfiguration

    /// Floats per sample (`HIPTRACK_SIM_COLUMNS`).
    public static let width = Int(HIPTRACK_SIM_COLUMNS)

    /// Plans the whole stream; throws ``HipError/Code/invalid`` or ``HipError/Code/range``
    /// naming the bad field.
    public init(configuration: SimulatorConfiguration) throws {
        var c = configuration.c
        c.exercise = try configuration.exercise.cValue()
        var out: OpaquePointer?
        var message = [CChar](repeating: 0, count: 256)
        let status = hip_sim_create(&c, &out, &message, message.count)
        try hipCheck(status, String(cString: message))
        handle = out!
        self.configuration = configuration
    }

    /// A simulator of `sets` x `repsPerSet` reps of `exercise` with the other defaults.
    public convenience init(exercise: Exercise, seed: UInt64 = 0, sets: Int = 1, repsPerSet: Int = 10) throws {
        var config = SimulatorConfiguration(exercise: exercise)
        config.seed = seed
        config.sets = sets
        config.repsPerSet = repsPerSet
        try self.init(configuration: config)
    }

    deinit { hip_sim_destroy(handle) }

    /// Samples in the whole stream.
    public var sampleCount: Int { hip_sim_sample_count(handle) }
    /// Length of the stream, seconds.
    public var duration: Double { hip_sim_duration_s(handle) }

    /// The true reps, in order.
    public var truth: [SimulatedRep] {
        (0..<hip_sim_rep_count(handle)).compactMap { i in
            var r = hip_sim_rep()
            return hip_sim_rep_at(handle, i, &r) == HIP_OK ? SimulatedRep(r) : nil
        }
    }

    /// Reads up to `times.count` samples into caller memory (`samples` must hold 6 floats per
    /// timestamp slot); returns how many were read, 0 once the stream is exhausted.
    public func read(times: UnsafeMutableBufferPointer<Int64>, samples: UnsafeMutableBufferPointer<Float>) throws -> Int {
        guard samples.count >= times.count * Self.width else {
            throw HipError(.invalid, "samples: \(samples.count) floats cannot hold \(times.count) samples of \(Self.width)")
        }
        guard let t = times.baseAddress, let s = samples.baseAddress else { return 0 }
        var n = 0
        let status = hip_sim_read(handle, t, s, times.count, &n)
        if status == HIP_DONE { return 0 }
        try hipCheck(status, "")
        return n
    }

    /// Reads up to `maxSamples` samples; empty arrays once the stream is exhausted.
    public func read(maxSamples: Int) throws -> SensorRecording {
        guard maxSamples >= 0 else { throw HipError(.invalid, "maxSamples: \(maxSamples) is negative") }
        var times = [Int64](repeating: 0, count: maxSamples)
        var samples = [Float](repeating: 0, count: maxSamples * Self.width)
        let n = try times.withUnsafeMutableBufferPointer { t in
            try samples.withUnsafeMutableBufferPointer { s in try read(times: t, samples: s) }
        }
        times.removeSubrange(n...)
        samples.removeSubrange((n * Self.width)...)
        return SensorRecording(times: times, samples: samples, width: Self.width)
    }

    /// Reads the rest of the stream.
    public func readAll() throws -> SensorRecording {
        try read(maxSamples: sampleCount)
    }

    /// Starts the stream again from its first sample.
    public func rewind() throws { try hipCheck(hip_sim_rewind(handle), "") }
}
