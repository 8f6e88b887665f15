import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a ``RepDetector`` is fed.
public enum RepInput: String, Codable, Sendable, CEnumMirror {
    /// 6 floats a sample: ax ay az (m/s², gravity included), gx gy gz (rad/s).
    case imu
    /// 3 floats a sample: ax ay az (m/s², gravity included).
    case accel
    /// 1 float a sample: an angle in degrees (a joint angle from camera pose keypoints).
    case angle

    /// Floats per sample (6, 3 or 1).
    public var width: Int { hip_reps_input_width(hip_reps_input(rawValue: cValue)) }
}

/// Flags of a rep, judged against the prescription when one is given, else against the person's
/// own reference (the median of the first reps of the stream). `Codable` as its raw bits.
public struct RepFlags: NamedFlags, Hashable, Sendable, Codable {
    public static func libraryName(ofFlag flag: UInt32) -> String {
        String(cString: hip_rep_flag_name(hip_rep_flag(rawValue: flag)))
    }

    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Excursion below `partialRatio` x the reference.
    public static let partial = RepFlags(rawValue: HIP_REP_PARTIAL.rawValue)
    /// Duration below `fastRatio` x the reference.
    public static let tooFast = RepFlags(rawValue: HIP_REP_TOO_FAST.rawValue)
    /// Duration above `slowRatio` x the reference.
    public static let tooSlow = RepFlags(rawValue: HIP_REP_TOO_SLOW.rawValue)
    /// Hold below `holdTolerance` x the prescribed hold.
    public static let holdShort = RepFlags(rawValue: HIP_REP_HOLD_SHORT.rawValue)

}

/// Which signal a rep was counted on.
public enum RepSource: String, Codable, Sendable, CEnumMirror {
    /// The tilt of the sensor (or the input angle).
    case rotation
    /// The gravity-free displacement of the sensor.
    case translation
}

/// One repetition found by a ``RepDetector`` (`hip_rep_event`). Times are in the stream's time base.
public struct RepEvent: Hashable, Sendable, Codable {
    /// 1, 2, ... over the stream.
    public var index: Int
    public var flags: RepFlags
    public var source: RepSource
    public var startNs: Int64
    public var peakNs: Int64
    public var endNs: Int64
    /// Timestamp of the sample whose push produced the event.
    public var emittedNs: Int64
    /// Tilt (or angle) excursion from the start position to the far point.
    public var excursionDegrees: Double
    /// Displacement range over the rep.
    public var travelCentimeters: Double
    public var concentricSeconds: Double
    public var eccentricSeconds: Double
    public var holdSeconds: Double
    /// Peak angular speed of the smoothed tilt or angle signal.
    public var peakSpeedDegreesPerSecond: Double
    /// Log dimensionless jerk: closer to 0 is smoother (about -7 typical).
    public var smoothness: Double

    init(_ e: hip_rep_event) {
        index = Int(e.index)
        flags = RepFlags(rawValue: e.flags)
        source = RepSource(cValue: e.source.rawValue) ?? .rotation
        startNs = e.start_ns
        peakNs = e.peak_ns
        endNs = e.end_ns
        emittedNs = e.emitted_ns
        excursionDegrees = e.excursion_deg
        travelCentimeters = e.travel_cm
        concentricSeconds = e.concentric_s
        eccentricSeconds = e.eccentric_s
        holdSeconds = e.hold_s
        peakSpeedDegreesPerSecond = e.peak_speed_dps
        smoothness = e.smoothness
    }

    /// Start time in seconds.
    public var start: Double { Double(startNs) * 1e-9 }
    /// End time in seconds.
    public var end: Double { Double(endNs) * 1e-9 }
    /// `end - start` in seconds.
    public var duration: Double { Double(endNs - startNs) * 1e-9 }
}

/// The configuration of a ``RepDetector`` (`hip_reps_config`): generic ("auto") defaults for an
/// input kind, optionally a catalog exercise's motion profile, and the flag thresholds.
/// The library validates it when the detector is created.
// @unchecked: the C struct holds an allocator (function pointers), which Swift leaves zeroed.
public struct RepDetectorConfiguration: @unchecked Sendable {
    var c: hip_reps_config

    /// Generic ("auto") defaults for `input`.
    public init(input: RepInput = .imu) {
        c = hip_reps_config()
        hip_reps_config_init(&c, hip_reps_input(rawValue: input.cValue))
    }

    /// Defaults for `input` with `exercise`'s motion profile and, when its dose has one, its hold.
    public init(exercise: Exercise, input: RepInput = .imu) throws {
        self.init(input: input)
        var e = try exercise.cValue()
        try hipCheck(hip_reps_config_for_exercise(&c, &e), "exercise \"\(exercise.id)\": its motion profile is invalid")
    }

    /// Generic ("auto") defaults for `input` (the same as ``init(input:)``).
    public static func auto(input: RepInput = .imu) -> RepDetectorConfiguration { .init(input: input) }

    /// The input kind (changing it keeps the other settings).
    public var input: RepInput {
        get { RepInput(cValue: c.input.rawValue) ?? .imu }
        set { c.input = hip_reps_input(rawValue: newValue.cValue) }
    }
    /// The motion profile that applies, or `nil` for generic ("auto") detection.
    public var profile: MotionProfile? {
        get { c.use_profile != 0 ? MotionProfile(c.profile) : nil }
        set {
            c.use_profile = newValue == nil ? 0 : 1
            if let newValue { c.profile = newValue.cValue }
        }
    }
    /// Prescribed excursion; 0 = the person's own reference.
    public var targetExcursionDegrees: Double {
        get { c.target_excursion_deg } set { c.target_excursion_deg = newValue }
    }
    /// Prescribed hold at the far point; 0 = the profile's, if any.
    public var targetHoldSeconds: Double { get { c.target_hold_s } set { c.target_hold_s = newValue } }
    /// A longer timestamp step ends the current rep; 0.2...10, default 1.
    public var maxGapSeconds: Double { get { c.max_gap_s } set { c.max_gap_s = newValue } }
    /// Reps that form the person's reference, 1...5, default 3.
    public var referenceReps: Int {
        get { Int(c.reference_reps) } set { c.reference_reps = UInt32(clamping: newValue) }
    }
    /// Default 0.78.
    public var partialRatio: Double { get { c.partial_ratio } set { c.partial_ratio = newValue } }
    /// Default 0.6.
    public var fastRatio: Double { get { c.fast_ratio } set { c.fast_ratio = newValue } }
    /// Default 1.8.
    public var slowRatio: Double { get { c.slow_ratio } set { c.slow_ratio = newValue } }
    /// Default 0.8.
    public var holdTolerance: Double { get { c.hold_tolerance } set { c.hold_tolerance = newValue } }
}

/// The streaming rep detector (`hip_reps`): samples in, one ``RepEvent`` per repetition out.
///
/// Push samples one at a time or in blocks, from Swift arrays, buffer pointers or `SIMD3<Float>`
/// vectors (never copied to the heap); then drain ``events``. How the stream is cut into pushes
/// never changes the events. Timestamps are `Int64` nanoseconds and must increase; a NaN,
/// infinite or implausible value or a timestamp that does not increase throws
/// ``HipError/Code/range`` and changes nothing (in a block, the samples before it stay accepted:
/// ``HipError/acceptedSamples``).
///
/// ```swift
/// let detector = try RepDetector(exercise: catalog["squat"]!)
/// try detector.push(times: t, samples: rows)          // [Int64], [Float] (6 per sample)
/// for rep in detector.events { print(rep.index, rep.excursionDegrees, rep.flags) }
/// try detector.finish()                                // end of the stream: settles the last rep
/// let rest = Array(detector.events)
/// ```
///
/// The C detector holds ``queueCapacity`` events; when a long block push would overflow it, this
/// class moves the ready events into a small Swift-side queue, so a push always takes every
/// sample and no event is lost. ``events`` and ``nextEvent()`` read that queue first.
///
/// Suspend and resume with ``snapshot()`` and ``restore(_:)``. Not thread-safe: use one detector
/// from one thread at a time.
public final class RepDetector {
    let handle: OpaquePointer
    /// The configuration the detector was created with.
    public let configuration: RepDetectorConfiguration
    /// Floats per sample.
    public let width: Int
    private var overflow: [RepEvent] = []
    private var overflowHead = 0

    /// Events the C detector holds (`HIPTRACK_REPS_QUEUE`).
    public static let queueCapacity = Int(HIPTRACK_REPS_QUEUE)
    /// Bytes of the detector's whole state (`hip_reps_state_size()`, at most 4 KiB).
    public static var stateSize: Int { hip_reps_state_size() }
    /// Bytes of a snapshot.
    public static var snapshotSize: Int { hip_reps_snapshot_size() }
    /// The latest time after a rep's far point at which its event is emitted, seconds.
    public static let maxLatencySeconds = Double(HIPTRACK_REPS_MAX_LATENCY_S)

    /// A detector; throws ``HipError/Code/invalid`` naming the bad configuration field.
    public init(configuration: RepDetectorConfiguration = .init()) throws {
        var c = configuration.c
        var out: OpaquePointer?
        var message = ""
        let status = hip_reps_create(&c, &out)
        if status.rawValue < 0 {
            // hip_reps_create has no handle to keep a message in; name the fields to check.
            message = "invalid detector configuration (input, profile, max_gap_s 0.2..10, reference_reps 1..5, ratios)"
        }
        try hipCheck(status, message)
        handle = out!
        self.configuration = configuration
        width = configuration.input.width
    }

    /// A generic ("auto") detector for `input`.
    public convenience init(input: RepInput) throws {
        try self.init(configuration: RepDetectorConfiguration(input: input))
    }

    /// A detector configured from a catalog exercise.
    public convenience init(exercise: Exercise, input: RepInput = .imu) throws {
        try self.init(configuration: RepDetectorConfiguration(exercise: exercise, input: input))
    }

    deinit { hip_reps_destroy(handle) }

    /// The input kind.
    public var input: RepInput { configuration.input }

    /// The message of the last failed call ("" if none).
    public var lastError: String { lastErrorString(hip_reps_last_error(handle)) }

    // MARK: Pushing

    /// Pushes one sample of ``width`` floats.
    public func push(time: Int64, sample: [Float]) throws {
        try sample.withUnsafeBufferPointer { try push(time: time, sample: $0) }
    }

    /// Pushes one sample of ``width`` floats.
    public func push(time: Int64, sample: UnsafeBufferPointer<Float>) throws {
        guard sample.count == width, let base = sample.baseAddress else {
            throw HipError(.invalid, "sample: \(sample.count) floats, the \(input.rawValue) input takes \(width)")
        }
        try pushOne(time, base, accepted: 0)
    }

    /// Pushes `times.count` samples, row-major (`times.count * width` floats), without copying.
    public func push(times: [Int64], samples: [Float]) throws {
        try times.withUnsafeBufferPointer { t in
            try samples.withUnsafeBufferPointer { s in try push(times: t, samples: s) }
        }
    }

    /// Pushes `times.count` samples, row-major (`times.count * width` floats), from caller memory.
    public func push(times: UnsafeBufferPointer<Int64>, samples: UnsafeBufferPointer<Float>) throws {
        guard samples.count == times.count * width else {
            throw HipError(.invalid, "samples: \(samples.count) floats for \(times.count) timestamps; the \(input.rawValue) input takes \(width) a sample")
        }
        guard let t = times.baseAddress, let s = samples.baseAddress, !times.isEmpty else { return }
        var done = 0
        while done < times.count {
            var used = 0
            let status = hip_reps_push_block(handle, t + done, s + done * width, times.count - done, &used)
            done += used
            if status.rawValue < 0 {
                throw HipError(HipError.Code(status), lastError, acceptedSamples: done)
            }
            if done < times.count {
                // The event queue needs room: keep its events on the Swift side and go on.
                let moved = moveEventsToOverflow()
                if used == 0 && moved == 0 {
                    throw HipError(.state, "the detector took no sample and has no event to drain", acceptedSamples: done)
                }
            }
        }
    }

    /// Pushes accelerometer vectors (m/s², gravity included) to a detector with ``RepInput/accel``
    /// input. Each vector is passed to the library in place (no copy).
    public func push(times: [Int64], accel: [SIMD3<Float>]) throws {
        guard input == .accel else {
            throw HipError(.invalid, "accel: this detector takes \(input.rawValue) input; use a detector with input .accel")
        }
        guard accel.count == times.count else {
            throw HipError(.invalid, "accel: \(accel.count) vectors for \(times.count) timestamps")
        }
        let step = MemoryLayout<SIMD3<Float>>.stride / MemoryLayout<Float>.stride
        try accel.withUnsafeBytes { raw in
            guard let floats = raw.baseAddress?.assumingMemoryBound(to: Float.self) else { return }
            for i in times.indices { try pushOne(times[i], floats + i * step, accepted: i) }
        }
    }

    /// Pushes accelerometer (m/s², gravity included) and gyroscope (rad/s) vectors to a detector
    /// with ``RepInput/imu`` input. Each sample's six floats are assembled on the stack (no heap).
    public func push(times: [Int64], accel: [SIMD3<Float>], gyro: [SIMD3<Float>]) throws {
        guard input == .imu else {
            throw HipError(.invalid, "accel, gyro: this detector takes \(input.rawValue) input; use a detector with input .imu")
        }
        guard accel.count == times.count, gyro.count == times.count else {
            throw HipError(.invalid, "accel, gyro: \(accel.count) and \(gyro.count) vectors for \(times.count) timestamps")
        }
        for i in times.indices {
            let a = accel[i], g = gyro[i]
            var row: (Float, Float, Float, Float, Float, Float) = (a.x, a.y, a.z, g.x, g.y, g.z)
            try withUnsafePointer(to: &row) { p in
                try p.withMemoryRebound(to: Float.self, capacity: 6) { try pushOne(times[i], $0, accepted: i) }
            }
        }
    }

    private func pushOne(_ time: Int64, _ sample: UnsafePointer<Float>, accepted: Int) throws {
        var status = hip_reps_push(handle, time, sample)
        if status == HIP_ERR_BUFSIZE {
            moveEventsToOverflow()
            status = hip_reps_push(handle, time, sample)
        }
        if status.rawValue < 0 { throw HipError(HipError.Code(status), lastError, acceptedSamples: accepted) }
    }

    /// Ends the stream: settles the last rep (its event becomes available). Pushing again starts
    /// a new segment.
    public func finish() throws {
        var status = hip_reps_finish(handle)
        if status == HIP_ERR_BUFSIZE {
            moveEventsToOverflow()
            status = hip_reps_finish(handle)
        }
        try hipCheck(status, lastError)
    }

    /// Back to the state right after creation (same configuration); pending events are dropped.
    public func reset() throws {
        try hipCheck(hip_reps_reset(handle), lastError)
        overflow.removeAll(keepingCapacity: true)
        overflowHead = 0
    }

    // MARK: Events

    /// The oldest pending event, or `nil` when there is none.
    public func nextEvent() -> RepEvent? {
        if overflowHead < overflow.count {
            let e = overflow[overflowHead]
            overflowHead += 1
            if overflowHead == overflow.count {
                overflow.removeAll(keepingCapacity: true)
                overflowHead = 0
            }
            return e
        }
        var e = hip_rep_event()
        return hip_reps_next_event(handle, &e) == HIP_OK ? RepEvent(e) : nil
    }

    /// The number of events waiting to be read.
    public var pendingEventCount: Int { overflow.count - overflowHead + hip_reps_pending_events(handle) }

    /// The pending events as a single-pass sequence that drains them (`hip_reps_next_event`).
    public var events: Events { Events(detector: self) }

    /// A single-pass sequence of a detector's pending events; iterating consumes them.
    public struct Events: Sequence, IteratorProtocol {
        let detector: RepDetector
        public mutating func next() -> RepEvent? { detector.nextEvent() }
    }

    @discardableResult
    private func moveEventsToOverflow() -> Int {
        var n = 0
        var e = hip_rep_event()
        while hip_reps_next_event(handle, &e) == HIP_OK {
            overflow.append(RepEvent(e))
            n += 1
        }
        return n
    }

    // MARK: Snapshots

    /// The whole state (configuration and queued events included), versioned and checksummed,
    /// for suspending and resuming on the same build (not an archive format).
    ///
    /// Throws ``HipError/Code/state`` while events sit in the Swift-side overflow queue (only
    /// after a block push that overflowed the C queue): drain ``events`` first.
    public func snapshot() throws -> Data {
        guard overflowHead == overflow.count else {
            throw HipError(.state, "\(overflow.count - overflowHead) events are pending on the Swift side; drain events before a snapshot")
        }
        var length = 0
        try hipCheck(hip_reps_snapshot(handle, nil, 0, &length), lastError)
        var data = Data(count: length)
        let status = data.withUnsafeMutableBytes { hip_reps_snapshot(handle, $0.baseAddress, $0.count, &length) }
        try hipCheck(status, lastError)
        return data
    }

    /// Restores a snapshot; refuses a corrupt (``HipError/Code/corrupt``), foreign or other-build
    /// (``HipError/Code/version``) or other-input (``HipError/Code/invalid``) snapshot and then
    /// changes nothing.
    public func restore(_ snapshot: Data) throws {
        let status = snapshot.withUnsafeBytes { raw -> hip_status in
            var empty: UInt8 = 0
            return raw.baseAddress.map { hip_reps_restore(handle, $0, raw.count) }
                ?? hip_reps_restore(handle, &empty, 0)
        }
        try hipCheck(status, lastError)
        overflow.removeAll(keepingCapacity: true)
        overflowHead = 0
    }
}
