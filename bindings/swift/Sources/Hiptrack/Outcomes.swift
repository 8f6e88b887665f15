import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An outcome questionnaire (`hip_instrument`, CLINICAL.md §2); raw values are
/// `hip_instrument_name`'s (the JSON names).
public enum Instrument: String, Codable, Sendable, CEnumMirror {
    /// HOOS: 40 items, 5 subscales (§2.1).
    case hoos
    /// HOOS-12: pain, function, quality of life and a summary (§2.2).
    case hoos12
    /// HOOS JR: 6 items, raw sum -> interval table (§2.3).
    case hoosJR = "hoos_jr"
    /// HOOS-PS: 5 items, raw sum -> table (§2.4).
    case hoosPS = "hoos_ps"
    /// Patient-Specific Functional Scale: 1...5 patient-named activities rated 0...10 (§2.5).
    case psfs
    /// iHOT-12: licence-gated, scored only in a build with the licence option (§2.6).
    case ihot12
    /// Oxford Hip Score: licence-gated (§2.7).
    case oxford

    /// Whether this build scores the instrument (`false` for iHOT-12 and Oxford without the
    /// licence option; their answers can still be recorded and exported).
    public var isAvailable: Bool { hip_outcome_instrument_available(cInstrument) != 0 }

    /// The items in form order: id, answer range, scale and a short topic in libhip's own words
    /// (empty for the licence-gated instruments; use the licensed official wording in a UI).
    public var items: [OutcomeItem] {
        (0..<hip_outcome_item_count(cInstrument)).compactMap { i in
            var item = hip_outcome_item()
            return hip_outcome_item_at(cInstrument, i, &item) == HIP_OK ? OutcomeItem(item) : nil
        }
    }

    /// The item with `id`, or `nil` when the instrument has none.
    public func item(id: String) -> OutcomeItem? {
        guard !id.utf8.contains(0) else { return nil }
        var item = hip_outcome_item()
        return hip_outcome_item_find(cInstrument, id, &item) == HIP_OK ? OutcomeItem(item) : nil
    }

    var cInstrument: hip_instrument { hip_instrument(rawValue: cValue) }
}

/// A scale of a score (`hip_outcome_scale`); raw values are `hip_outcome_scale_name`'s.
public enum OutcomeScale: String, Codable, Sendable, CEnumMirror {
    case hoosSymptoms = "hoos_symptoms"
    case hoosPain = "hoos_pain"
    case hoosADL = "hoos_adl"
    /// Function, sport and recreation.
    case hoosSport = "hoos_sport"
    case hoosQOL = "hoos_qol"
    case hoos12Pain = "hoos12_pain"
    case hoos12Function = "hoos12_function"
    case hoos12QOL = "hoos12_qol"
    /// The mean of the three HOOS-12 scales.
    case hoos12Summary = "hoos12_summary"
    case hoosJR = "hoos_jr"
    case hoosPS = "hoos_ps"
    /// The mean of the rated activities.
    case psfs
    case ihot12
    case oxford
}

/// Whether a scale or a change has a value (`hip_outcome_state`). The library has no names for
/// these; the raw values are the lower-case constant suffixes.
public enum OutcomeState: String, Codable, Sendable, CEnumMirror {
    /// The value holds the result.
    case scored
    /// Too few items answered for the instrument's rule.
    case notScoreable = "not_scoreable"
    /// A change: a side is not scored, or there is nothing to compare.
    case notEvaluable = "not_evaluable"
}

/// The HOOS missing-item rule (`hip_hoos_missing_rule`, CLINICAL.md §2.1). No library names; the
/// raw values are the rules' years.
public enum HOOSMissingRule: String, Codable, Sendable, CEnumMirror {
    /// HOOS-SC-2 (default): at least 50 % of a subscale's items answered.
    case rule2013 = "2013"
    /// HOOS-SC-2-LEGACY: at most 2 missing per subscale.
    case rule2003 = "2003"
}

/// The direction of HOOS-PS (`hip_hoos_ps_direction`, CLINICAL.md §2.4). No library names.
public enum HOOSPSDirection: String, Codable, Sendable, CEnumMirror {
    /// 0 = extreme difficulty, 100 = no difficulty (the default, as HOOS).
    case hoosAligned = "hoos_aligned"
    /// 0 = no difficulty, 100 = extreme (100 - the aligned value).
    case original
}

/// What kind of threshold a change was judged against (`hip_change_criterion`). No library names.
public enum ChangeCriterion: String, Codable, Sendable, CEnumMirror {
    /// No threshold configured for the scale. (Named so that it cannot be confused with
    /// `Optional.none`.)
    case noThreshold = "none"
    /// Minimal clinically important difference / change.
    case mcid
    /// Minimum detectable change (PSFS).
    case mdc
}

/// One questionnaire item (`hip_outcome_item`).
public struct OutcomeItem: Hashable, Sendable, Codable, Identifiable {
    /// The stable item id ("P1", "A12", "SP4", "ACT1").
    public var id: String
    /// Answers are integers in this range.
    public var range: ClosedRange<Int>
    /// The scale the item counts towards in its instrument.
    public var scale: OutcomeScale
    /// A short label in libhip's own words ("" for the licence-gated instruments).
    public var topic: String

    init(_ i: hip_outcome_item) {
        id = stringFromCChars(i.id)
        range = closed(Int(i.min), Int(i.max))
        scale = OutcomeScale(cValue: i.scale.rawValue) ?? .hoosSymptoms
        topic = stringFromCChars(i.topic)
    }
}

/// One scale of a score (`hip_outcome_scale_score`).
public struct OutcomeScaleScore: Hashable, Sendable, Codable {
    public var scale: OutcomeScale
    public var state: OutcomeState
    /// The score, or `nil` when the scale is not scoreable.
    public var value: Double?
    /// `true` except for HOOS-PS in the original direction.
    public var higherIsBetter: Bool
    /// Items of the scale (0 for a summary).
    public var itemCount: Int
    /// Of them answered.
    public var answered: Int
    /// Sum of the answered items (the raw score of a table scale).
    public var rawSum: Int

    init(_ s: hip_outcome_scale_score) {
        scale = OutcomeScale(cValue: s.scale.rawValue) ?? .hoosSymptoms
        state = OutcomeState(cValue: s.state.rawValue) ?? .notScoreable
        value = s.state == HIP_OUTCOME_SCORED ? s.value : nil
        higherIsBetter = s.higher_is_better != 0
        itemCount = Int(s.item_count)
        answered = Int(s.answered)
        rawSum = Int(s.raw_sum)
    }

    var cValue: hip_outcome_scale_score {
        var s = hip_outcome_scale_score()
        s.scale = hip_outcome_scale(rawValue: scale.cValue)
        s.state = hip_outcome_state(rawValue: state.cValue)
        s.value = value ?? 0
        s.higher_is_better = higherIsBetter ? 1 : 0
        s.item_count = UInt32(clamping: itemCount)
        s.answered = UInt32(clamping: answered)
        s.raw_sum = Int32(clamping: rawSum)
        return s
    }
}

/// One rated PSFS activity (`hip_psfs_activity_score`).
public struct PSFSActivityScore: Hashable, Sendable, Codable {
    /// The activity's stable slot ("ACT1"..."ACT5").
    public var id: String
    /// 0...10.
    public var value: Int
}

/// A scored administration (`hip_outcome_result`): one entry per scale of the instrument.
public struct OutcomeResult: Hashable, Sendable, Codable {
    public var instrument: Instrument
    /// The administration date, if one was set.
    public var day: CivilDate?
    public var scales: [OutcomeScaleScore]
    /// PSFS: the rated activities, in slot order.
    public var activities: [PSFSActivityScore]

    /// The entry of `scale`, or `nil` when the instrument has no such scale.
    public subscript(scale: OutcomeScale) -> OutcomeScaleScore? { scales.first { $0.scale == scale } }

    init(_ r: hip_outcome_result) {
        instrument = Instrument(cValue: r.instrument.rawValue) ?? .hoos
        day = r.has_day != 0 ? try? CivilDate(dayNumber: r.day) : nil
        var s = r.scales
        scales = withUnsafeBytes(of: &s) { raw in
            Array(raw.bindMemory(to: hip_outcome_scale_score.self).prefix(min(r.scale_count, Int(HIPTRACK_OUTCOME_MAX_SCALES))))
        }.map(OutcomeScaleScore.init)
        var a = r.activities
        activities = withUnsafeBytes(of: &a) { raw in
            Array(raw.bindMemory(to: hip_psfs_activity_score.self).prefix(min(r.activity_count, Int(HIPTRACK_PSFS_MAX_ACTIVITIES))))
        }.map { PSFSActivityScore(id: stringFromCChars($0.id), value: Int($0.value)) }
    }

    func cValue() throws -> hip_outcome_result {
        guard scales.count <= Int(HIPTRACK_OUTCOME_MAX_SCALES), activities.count <= Int(HIPTRACK_PSFS_MAX_ACTIVITIES) else {
            throw HipError(.invalid, "result: at most \(HIPTRACK_OUTCOME_MAX_SCALES) scales and \(HIPTRACK_PSFS_MAX_ACTIVITIES) activities")
        }
        var r = hip_outcome_result()
        r.instrument = instrument.cInstrument
        r.has_day = day == nil ? 0 : 1
        r.day = day?.dayNumber ?? 0
        r.scale_count = scales.count
        withUnsafeMutableBytes(of: &r.scales) { raw in
            let p = raw.bindMemory(to: hip_outcome_scale_score.self)
            for (i, s) in scales.enumerated() { p[i] = s.cValue }
        }
        r.activity_count = activities.count
        var cActivities: [hip_psfs_activity_score] = []
        for (i, a) in activities.enumerated() {
            var c = hip_psfs_activity_score()
            try storeCChars(a.id, into: &c.id, field: "activities[\(i)].id")
            guard let v = Int32(exactly: a.value) else { throw HipError(.invalid, "activities[\(i)].value: \(a.value) is out of range") }
            c.value = v
            cActivities.append(c)
        }
        withUnsafeMutableBytes(of: &r.activities) { raw in
            let p = raw.bindMemory(to: hip_psfs_activity_score.self)
            for (i, c) in cActivities.enumerated() { p[i] = c }
        }
        return r
    }
}

/// A change threshold: points on the scale (0 = none) and what kind it is.
public struct ChangeThreshold: Hashable, Sendable, Codable {
    /// Points on the scale, >= 0; 0 = no threshold (the change is reported without a flag).
    public var points: Double
    public var criterion: ChangeCriterion
    public init(points: Double, criterion: ChangeCriterion) {
        self.points = points
        self.criterion = criterion
    }
}

/// Change thresholds by scale (`hip_mcid_config`), with the library's defaults: HOOS-12 scales and
/// summary MCID 24; PSFS mean MDC 2 and single activity MDC 3; every other scale none
/// (docs/outcomes.md gives each source).
public struct ChangeThresholds: Hashable, Sendable, Codable {
    /// One entry per scale (every scale is present).
    public var scales: [OutcomeScale: ChangeThreshold]
    /// The single-activity PSFS threshold.
    public var psfsActivity: ChangeThreshold

    /// The library's defaults (`hip_mcid_config_init`).
    public init() {
        var c = hip_mcid_config()
        hip_mcid_config_init(&c)
        var scales: [OutcomeScale: ChangeThreshold] = [:]
        withUnsafeBytes(of: c.threshold) { t in
            withUnsafeBytes(of: c.criterion) { k in
                let points = t.bindMemory(to: Double.self), kinds = k.bindMemory(to: hip_change_criterion.self)
                for scale in OutcomeScale.allCases {
                    let i = Int(scale.cValue)
                    scales[scale] = ChangeThreshold(points: points[i],
                                                    criterion: ChangeCriterion(cValue: kinds[i].rawValue) ?? .noThreshold)
                }
            }
        }
        self.scales = scales
        psfsActivity = ChangeThreshold(points: c.psfs_activity_threshold,
                                       criterion: ChangeCriterion(cValue: c.psfs_activity_criterion.rawValue) ?? .noThreshold)
    }

    /// The threshold of one scale (none when absent from ``scales``).
    public subscript(scale: OutcomeScale) -> ChangeThreshold {
        get { scales[scale] ?? ChangeThreshold(points: 0, criterion: .noThreshold) }
        set { scales[scale] = newValue }
    }

    var cValue: hip_mcid_config {
        var c = hip_mcid_config()
        hip_mcid_config_init(&c)
        withUnsafeMutableBytes(of: &c.threshold) { t in
            let points = t.bindMemory(to: Double.self)
            for scale in OutcomeScale.allCases { points[Int(scale.cValue)] = self[scale].points }
        }
        withUnsafeMutableBytes(of: &c.criterion) { k in
            let kinds = k.bindMemory(to: hip_change_criterion.self)
            for scale in OutcomeScale.allCases { kinds[Int(scale.cValue)] = hip_change_criterion(rawValue: self[scale].criterion.cValue) }
        }
        c.psfs_activity_threshold = psfsActivity.points
        c.psfs_activity_criterion = hip_change_criterion(rawValue: psfsActivity.criterion.cValue)
        return c
    }
}

/// The change of one scale between two administrations (`hip_outcome_scale_change`).
public struct OutcomeScaleChange: Hashable, Sendable, Codable {
    public var scale: OutcomeScale
    /// `.scored` when both sides are scored, else `.notEvaluable`.
    public var state: OutcomeState
    /// The scores compared (PSFS: the means over the activities rated at both visits); `nil`
    /// when not evaluable, as are `delta`.
    public var before: Double?
    public var after: Double?
    /// The improvement: after - before on a higher-is-better scale.
    public var delta: Double?
    /// The threshold applied (0 = none) and its kind.
    public var threshold: Double
    public var criterion: ChangeCriterion
    /// delta >= threshold (threshold > 0).
    public var improved: Bool
    /// delta <= -threshold (worsening by symmetry, an assumption; see docs/outcomes.md).
    public var worsened: Bool

    init(_ c: hip_outcome_scale_change) {
        scale = OutcomeScale(cValue: c.scale.rawValue) ?? .hoosSymptoms
        state = OutcomeState(cValue: c.state.rawValue) ?? .notEvaluable
        let evaluable = c.state == HIP_OUTCOME_SCORED
        before = evaluable ? c.before : nil
        after = evaluable ? c.after : nil
        delta = evaluable ? c.delta : nil
        threshold = c.threshold
        criterion = ChangeCriterion(cValue: c.criterion.rawValue) ?? .noThreshold
        improved = c.improved != 0
        worsened = c.worsened != 0
    }
}

/// The change of one PSFS activity rated at both visits (`hip_psfs_activity_change`).
public struct PSFSActivityChange: Hashable, Sendable, Codable {
    public var id: String
    public var before: Int
    public var after: Int
    /// after - before.
    public var delta: Int
    public var improved: Bool
    public var worsened: Bool
}

/// The change between two scored administrations of the same instrument (`hip_outcome_compare`),
/// judged against ``ChangeThresholds``.
public struct OutcomeChange: Hashable, Sendable, Codable {
    public var instrument: Instrument
    public var scales: [OutcomeScaleChange]
    /// PSFS: the activities rated at both visits.
    public var activities: [PSFSActivityChange]

    /// Compares `before` with `after` (same instrument and, for HOOS-PS, the same direction:
    /// ``HipError/Code/invalid`` otherwise, or for a negative or non-finite threshold).
    public init(before: OutcomeResult, after: OutcomeResult, thresholds: ChangeThresholds = ChangeThresholds()) throws {
        var b = try before.cValue(), a = try after.cValue()
        var m = thresholds.cValue
        var c = hip_outcome_change()
        let status = hip_outcome_compare(&b, &a, &m, &c)
        if status.rawValue < 0 {
            let message: String
            if before.instrument != after.instrument {
                message = "cannot compare \(before.instrument.rawValue) with \(after.instrument.rawValue)"
            } else if before.scales.map(\.higherIsBetter) != after.scales.map(\.higherIsBetter) {
                message = "cannot compare HOOS-PS scores of different directions"
            } else {
                message = "invalid thresholds (each >= 0 and finite) or results"
            }
            throw HipError(HipError.Code(status), message)
        }
        instrument = Instrument(cValue: c.instrument.rawValue) ?? before.instrument
        var s = c.scales
        scales = withUnsafeBytes(of: &s) { raw in
            Array(raw.bindMemory(to: hip_outcome_scale_change.self).prefix(min(c.scale_count, Int(HIPTRACK_OUTCOME_MAX_SCALES))))
        }.map(OutcomeScaleChange.init)
        var ac = c.activities
        activities = withUnsafeBytes(of: &ac) { raw in
            Array(raw.bindMemory(to: hip_psfs_activity_change.self).prefix(min(c.activity_count, Int(HIPTRACK_PSFS_MAX_ACTIVITIES))))
        }.map {
            PSFSActivityChange(id: stringFromCChars($0.id), before: Int($0.before), after: Int($0.after),
                               delta: Int($0.delta), improved: $0.improved != 0, worsened: $0.worsened != 0)
        }
    }

    /// The change of `scale`, or `nil` when the instrument has no such scale.
    public subscript(scale: OutcomeScale) -> OutcomeScaleChange? { scales.first { $0.scale == scale } }
}

/// One administration of an outcome questionnaire (`hip_outcome_response`): answers set by stable
/// item id and range-checked, "missing" as a state of its own (never 0), an optional date, and
/// for PSFS the patient's activity names.
///
/// ```swift
/// let jr = try OutcomeResponse(instrument: .hoosJR)
/// for (id, answer) in zip(["P5", "P10", "A3", "A5", "A12", "A14"], [1, 2, 1, 2, 2, 2]) {
///     try jr.setAnswer(answer, for: id)
/// }
/// let score = try jr.score()
/// score[.hoosJR]?.value          // 58.930 (raw 10)
/// ```
///
/// A full HOOS administration also yields HOOS-12, HOOS JR and HOOS-PS through
/// ``score(as:)``; ``OutcomeChange`` compares two scores against MCID/MDC thresholds.
///
/// `Codable`: the form is the `hiptrack.outcome` document (decoding imports it with the library's
/// strict reader; a library error becomes `DecodingError.dataCorrupted` whose underlying error is
/// the ``HipError`` with the field path).
public final class OutcomeResponse: Codable {
    let handle: OpaquePointer
    /// The HOOS missing-item rule this response scores with.
    public let missingRule: HOOSMissingRule
    /// The HOOS-PS direction this response scores with.
    public let psDirection: HOOSPSDirection

    /// Most PSFS activities.
    public static let maxPSFSActivities = Int(HIPTRACK_PSFS_MAX_ACTIVITIES)

    /// An administration of `instrument` with every answer missing and no date.
    public init(instrument: Instrument = .hoos, missingRule: HOOSMissingRule = .rule2013,
                psDirection: HOOSPSDirection = .hoosAligned) throws {
        var config = hip_outcome_config()
        hip_outcome_config_init(&config)
        config.instrument = instrument.cInstrument
        config.hoos_missing_rule = hip_hoos_missing_rule(rawValue: missingRule.cValue)
        config.hoos_ps_direction = hip_hoos_ps_direction(rawValue: psDirection.cValue)
        var out: OpaquePointer?
        try hipCheck(hip_outcome_response_create(&config, &out), "invalid outcome configuration")
        handle = out!
        self.missingRule = missingRule
        self.psDirection = psDirection
    }

    /// An administration imported from a `hiptrack.outcome` document (which names its instrument).
    public convenience init(json: String, missingRule: HOOSMissingRule = .rule2013,
                            psDirection: HOOSPSDirection = .hoosAligned) throws {
        try self.init(missingRule: missingRule, psDirection: psDirection)
        try importJSON(json)
    }

    deinit { hip_outcome_response_destroy(handle) }

    /// The message of the last failed call on this response ("" if none).
    public var lastError: String { lastErrorString(hip_outcome_response_last_error(handle)) }

    /// The instrument of the current administration (an import may change it).
    public var instrument: Instrument {
        Instrument(cValue: hip_outcome_response_instrument(handle).rawValue) ?? .hoos
    }

    /// Marks every answer missing and clears activity names and the date; the instrument stays.
    public func clear() throws { try hipCheck(hip_outcome_clear(handle), lastError) }

    // MARK: Answers

    /// Sets the answer to item `id`, or marks it missing when `value` is `nil`.
    /// ``HipError/Code/notFound`` for an id the instrument does not have, ``HipError/Code/range``
    /// (naming the item and its range) for a value outside it; nothing changes then.
    public func setAnswer(_ value: Int?, for id: String) throws {
        if let value, Int32(exactly: value) == nil {   // beyond any item's range
            guard let item = instrument.item(id: id) else {
                throw HipError(.notFound, "\(instrument.rawValue) has no item \"\(id)\"")
            }
            throw HipError(.range, "\(id): \(value) is out of range \(item.range.lowerBound)..\(item.range.upperBound)")
        }
        let status: hip_status = try withCheckedCString(id, field: "item id") { cid in
            guard let value else { return hip_outcome_set_missing(handle, cid) }
            return hip_outcome_set_answer(handle, cid, Int32(value))
        }
        try hipCheck(status, lastError)
    }

    /// Sets several answers (`nil` = missing), in order; stops at the first error (the answers
    /// before it stay set).
    public func setAnswers(_ answers: KeyValuePairs<String, Int?>) throws {
        for (id, value) in answers { try setAnswer(value, for: id) }
    }

    /// The answer to item `id`, or `nil` when it is missing; ``HipError/Code/notFound`` for an id
    /// the instrument does not have.
    public func answer(for id: String) throws -> Int? {
        var v: Int32 = 0
        let status = try withCheckedCString(id, field: "item id") { hip_outcome_get_answer(handle, $0, &v) }
        // The getter is const in C and records no message.
        try hipCheck(status, "\(instrument.rawValue) has no item \"\(id)\"")
        return v == Int32(HIPTRACK_OUTCOME_MISSING) ? nil : Int(v)
    }

    /// PSFS only (``HipError/Code/state`` otherwise): the patient's name for an activity slot
    /// ("ACT1"...), at most 95 bytes of UTF-8; "" clears it. Names are carried, not matched.
    public func setActivityName(_ name: String, for id: String) throws {
        let status = try withCheckedCString(id, field: "item id") { cid in
            try withCheckedCString(name, field: "name") { hip_outcome_set_activity_name(handle, cid, $0) }
        }
        try hipCheck(status, lastError)
    }

    /// The patient's name for an activity slot ("" if none).
    public func activityName(for id: String) throws -> String {
        var buf = [CChar](repeating: 0, count: Int(HIPTRACK_NAME_CAP))
        let status = try withCheckedCString(id, field: "item id") { hip_outcome_get_activity_name(handle, $0, &buf, buf.count) }
        try hipCheck(status, status == HIP_ERR_STATE ? "activity names belong to psfs, not \(instrument.rawValue)"
                                                     : "\(instrument.rawValue) has no item \"\(id)\"")
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The administration date, or `nil` when none is set.
    public var date: CivilDate? {
        var day: Int32 = 0
        return hip_outcome_get_date(handle, &day) == HIP_OK ? try? CivilDate(dayNumber: day) : nil
    }

    /// Sets (or, with `nil`, clears) the administration date.
    public func setDate(_ date: CivilDate?) throws {
        let status = date.map { hip_outcome_set_date(handle, $0.dayNumber) } ?? hip_outcome_clear_date(handle)
        try hipCheck(status, lastError)
    }

    // MARK: Scoring

    /// Scores the instrument. Scales that cannot be scored have state ``OutcomeState/notScoreable``
    /// and no value. ``HipError/Code/unsupported`` for iHOT-12 and Oxford in a build without them.
    public func score() throws -> OutcomeResult {
        var r = hip_outcome_result()
        try hipCheck(hip_outcome_score(handle, &r), lastError)
        return OutcomeResult(r)
    }

    /// Scores another instrument from the same answers: a HOOS response also yields HOOS-12,
    /// HOOS JR and HOOS-PS. ``HipError/Code/invalid`` for other pairs.
    public func score(as instrument: Instrument) throws -> OutcomeResult {
        var r = hip_outcome_result()
        try hipCheck(hip_outcome_score_as(handle, instrument.cInstrument, &r), lastError)
        return OutcomeResult(r)
    }

    // MARK: JSON

    /// Replaces the whole administration (instrument included; the scoring settings stay) with a
    /// `hiptrack.outcome` document; all or nothing (``HipError/Code/format`` with the line and
    /// column or the field path, ``HipError/Code/version``).
    public func importJSON(_ json: String) throws { try importJSON(Data(json.utf8)) }

    /// Imports a `hiptrack.outcome` document from UTF-8 bytes.
    public func importJSON(_ json: Data) throws {
        let status = withJSONBytes(json) { hip_outcome_import_json(handle, $0, $1) }
        try hipCheck(status, lastError)
    }

    /// The administration as an indented `hiptrack.outcome` document (answers in item order,
    /// missing ones left out).
    public func exportJSON() throws -> String {
        try exportTwoCall { buf, cap, len in hip_outcome_export_json(handle, buf, cap, len) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeLibraryDocument(try exportJSON(), to: encoder)
    }

    public required convenience init(from decoder: any Decoder) throws {
        try self.init()
        try decodeLibraryDocument(from: decoder) { try self.importJSON($0) }
    }
}
