import CHiptrack
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// MARK: - Vocabulary (CLINICAL.md §1.1, §6)

/// The recall window stored with every score (`hip_pain_context`, CLINICAL.md §1.1); raw values
/// are `hip_pain_context_name`'s (the JSON names).
public enum PainContext: String, Codable, Sendable, CEnumMirror {
    /// Pain right now.
    case current
    /// Average over the last 24 h (flares, §3.5).
    case avg24h = "avg_24h"
    /// Average over the last 7 days (outcomes, §1.4).
    case avg7d = "avg_7d"
    /// Worst in the last 24 h.
    case worst24h = "worst_24h"
    /// Highest during the session (§3.1).
    case duringExercise = "during_exercise"
    /// Within about 1 h after the session (§3.1).
    case afterExercise = "after_exercise"
    /// On waking the morning after a session (§3.1).
    case nextMorning = "next_morning"
}

/// Where it hurts (`hip_pain_location`, CLINICAL.md §6.1); raw values are `hip_pain_location_name`'s.
public enum PainLocation: String, Codable, Sendable, CEnumMirror {
    /// Cannot localise.
    case unspecified
    case groin
    case lateralHip = "lateral_hip"
    case buttock
    case anteriorThigh = "anterior_thigh"
    case innerThigh = "inner_thigh"
    case lateralThigh = "lateral_thigh"
    case kneeReferred = "knee_referred"
    case lowBack = "low_back"
}

/// The painful side (`hip_pain_side`); raw values are `hip_pain_side_name`'s.
public enum PainSide: String, Codable, Sendable, CEnumMirror {
    case unspecified, left, right, both
}

/// The time of day the member reported (`hip_pain_time_of_day`); raw values are
/// `hip_pain_time_of_day_name`'s. When unspecified, analytics use the local clock.
public enum PainTimeOfDay: String, Codable, Sendable, CEnumMirror {
    case unspecified, morning, afternoon, evening, night
}

/// What the member was doing (`hip_pain_setting`, CLINICAL.md §6.3); raw values are
/// `hip_pain_setting_name`'s.
public enum PainSetting: String, Codable, Sendable, CEnumMirror {
    case unspecified, rest, activity
    case afterExercise = "after_exercise"
    case night
}

/// Severity bands of the 0-10 NRS (`hip_pain_band`, CLINICAL.md §1.1); raw values are
/// `hip_pain_band_name`'s.
public enum PainBand: String, Codable, Sendable, CEnumMirror {
    /// 0. Library name `"none"`.
    case noPain = "none"
    /// 1-3.
    case mild
    /// 4-6.
    case moderate
    /// 7-9.
    case severe
    /// 10.
    case excruciating

    /// The band of an NRS score 0...10 (`hip_painlog_band`); ``HipError/Code/range`` otherwise.
    public init(nrs: Int) throws {
        var band = hip_pain_band(rawValue: 0)
        let status = Int32(exactly: nrs).map { hip_painlog_band($0, &band) } ?? HIP_ERR_RANGE
        try hipCheck(status, "nrs: expected an integer 0..10, got \(nrs)")
        self = PainBand(cValue: band.rawValue) ?? .noPain
    }

    /// The band's SNOMED CT code ("40196000" for mild).
    public var snomedCode: String { String(cString: hip_pain_band_snomed(hip_pain_band(rawValue: cValue))) }
}

/// Symptom flags (`hip_pain_symptom`, CLINICAL.md §6.2). `Codable` as an array of the library's
/// names, as in the pain-log document.
public struct PainSymptoms: NamedFlags, Hashable, Sendable, Codable {
    public static func libraryName(ofFlag flag: UInt32) -> String { String(cString: hip_pain_symptom_name(flag)) }

    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Morning stiffness or stiffness after rest.
    public static let stiffness = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_STIFFNESS.rawValue)
    public static let swelling = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_SWELLING.rawValue)
    public static let givingWay = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_GIVING_WAY.rawValue)
    /// Crepitus: grinding, clicking, snapping.
    public static let clicking = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_CLICKING.rawValue)
    public static let reducedMobility = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_REDUCED_MOBILITY.rawValue)
    public static let catchingLocking = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_CATCHING_LOCKING.rawValue)
    public static let limp = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_LIMP.rawValue)
    public static let weakness = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_WEAKNESS.rawValue)
    public static let numbnessTingling = PainSymptoms(rawValue: HIP_PAIN_SYMPTOM_NUMBNESS_TINGLING.rawValue)
    /// Every known flag.
    public static let all = PainSymptoms(rawValue: HIPTRACK_PAIN_SYMPTOM_ALL)

    public init(from decoder: any Decoder) throws {
        let names = try decoder.singleValueContainer().decode([String].self)
        guard let value = PainSymptoms(names: names) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown symptom in \(names)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(names)
    }
}

// MARK: - Analytics vocabulary (no library names: raw values are the constant suffixes)

/// How the baseline is taken (`hip_pain_baseline_rule`).
public enum PainBaselineRule: String, Codable, Sendable, CEnumMirror {
    /// Mean of the daily values of the first `baselineDays` local days (the default).
    case firstDaysMean = "first_days_mean"
    /// The first entry's NRS.
    case firstEntry = "first_entry"
}

/// Which criterion makes a responder (`hip_pain_criterion`, CLINICAL.md §1.3).
public enum PainCriterion: String, Codable, Sendable, CEnumMirror {
    /// RESP-PCT: baseline >= 1 and percent change >= the threshold (the default).
    case percent = "pct"
    /// RESP-ABS: absolute change >= the threshold.
    case absolute = "abs"
    case either
    case both
}

/// A three-valued verdict (`hip_pain_verdict`).
public enum PainVerdict: String, Codable, Sendable, CEnumMirror {
    case no
    case yes
    /// NOT_EVALUABLE of §1.3: a percent change from a baseline of 0.
    case notEvaluable = "not_evaluable"
}

/// The baseline a flare is measured against (`hip_pain_flare_baseline`, CLINICAL.md §3.5).
public enum PainFlareBaseline: String, Codable, Sendable, CEnumMirror {
    /// Mean of the window before the day, flare days excluded, with enough logs; else the fixed one.
    case rolling
    /// Always the log's (enrolment) baseline.
    case fixed
}

/// Acute vs chronic (`hip_pain_duration`, CLINICAL.md §1.2).
public enum PainDuration: String, Codable, Sendable, CEnumMirror {
    case acute
    /// Only with 3 duration bands.
    case subacute
    case chronic

    /// PAIN-DUR-1: classifies `assessment - onset` days (``HipError/Code/range`` when the onset
    /// is after the assessment). Returns the class and the duration in days.
    public static func classify(onset: CivilDate, assessment: CivilDate,
                                configuration: PainLogConfiguration = PainLogConfiguration()) throws
        -> (duration: PainDuration, days: Int) {
        var c = try configuration.cValue()
        var cls = hip_pain_duration(rawValue: 0)
        var days: Int32 = 0
        let status = hip_painlog_duration_class(onset.dayNumber, assessment.dayNumber, &c, &cls, &days)
        try hipCheck(status, status == HIP_ERR_RANGE ? "onset \(onset) is after the assessment \(assessment)"
                                                     : "invalid pain-log configuration")
        return (PainDuration(cValue: cls.rawValue) ?? .acute, Int(days))
    }
}

/// Morning vs night (`hip_pain_pattern`).
public enum PainPattern: String, Codable, Sendable, CEnumMirror {
    /// Too few morning or night entries.
    case undetermined
    /// The means differ by less than the threshold. Library constant `HIP_PAIN_PATTERN_NONE`.
    case noDifference = "none"
    /// Worse in the morning.
    case morning
    /// Worse at night.
    case night
}

/// Escalation flags of a flare (FLARE-ESCALATE, CLINICAL.md §3.5).
public struct FlareEscalation: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Lasted more than `flareLongDays`.
    public static let long = FlareEscalation(rawValue: HIPTRACK_PAIN_FLARE_LONG)
    /// The `flareFrequentCount`-th flare within `flareFrequentDays`.
    public static let frequent = FlareEscalation(rawValue: HIPTRACK_PAIN_FLARE_FREQUENT)
}

// MARK: - Values

/// One pain entry (`hip_pain_entry`). Two entries equal in every field are duplicates.
public struct PainEntry: Hashable, Sendable, Codable {
    /// The instant, ns since 1970-01-01T00:00:00Z.
    public var timeNs: Int64
    /// The member's UTC offset then, -1080...1080.
    public var utcOffsetMinutes: Int
    /// 0...10 NRS (anything else is refused, never clamped).
    public var nrs: Int
    public var context: PainContext
    public var location: PainLocation
    public var side: PainSide
    public var symptoms: PainSymptoms
    public var timeOfDay: PainTimeOfDay
    public var setting: PainSetting
    /// UTF-8, at most 255 bytes; "" if none.
    public var note: String

    /// An entry with the library's defaults (`hip_pain_entry_init`) for the fields not given.
    public init(timeNs: Int64, utcOffsetMinutes: Int = 0, nrs: Int, context: PainContext = .current,
                location: PainLocation = .unspecified, side: PainSide = .unspecified, symptoms: PainSymptoms = [],
                timeOfDay: PainTimeOfDay = .unspecified, setting: PainSetting = .unspecified, note: String = "") {
        self.timeNs = timeNs
        self.utcOffsetMinutes = utcOffsetMinutes
        self.nrs = nrs
        self.context = context
        self.location = location
        self.side = side
        self.symptoms = symptoms
        self.timeOfDay = timeOfDay
        self.setting = setting
        self.note = note
    }

    init(_ e: hip_pain_entry) {
        timeNs = e.t_ns
        utcOffsetMinutes = Int(e.utc_offset_min)
        nrs = Int(e.nrs)
        context = PainContext(cValue: e.context.rawValue) ?? .current
        location = PainLocation(cValue: e.location.rawValue) ?? .unspecified
        side = PainSide(cValue: e.side.rawValue) ?? .unspecified
        symptoms = PainSymptoms(rawValue: e.symptoms)
        timeOfDay = PainTimeOfDay(cValue: e.time_of_day.rawValue) ?? .unspecified
        setting = PainSetting(cValue: e.setting.rawValue) ?? .unspecified
        note = stringFromCChars(e.note)
    }

    func cValue() throws -> hip_pain_entry {
        var e = hip_pain_entry()
        hip_pain_entry_init(&e)
        e.t_ns = timeNs
        guard let offset = Int32(exactly: utcOffsetMinutes) else {
            throw HipError(.range, "utc_offset_min: expected -1080..1080, got \(utcOffsetMinutes)")
        }
        e.utc_offset_min = offset
        guard let n = Int32(exactly: nrs) else { throw HipError(.range, "nrs: expected an integer 0..10, got \(nrs)") }
        e.nrs = n
        e.context = hip_pain_context(rawValue: context.cValue)
        e.location = hip_pain_location(rawValue: location.cValue)
        e.side = hip_pain_side(rawValue: side.cValue)
        e.symptoms = symptoms.rawValue
        e.time_of_day = hip_pain_time_of_day(rawValue: timeOfDay.cValue)
        e.setting = hip_pain_setting(rawValue: setting.cValue)
        try storeCChars(note, into: &e.note, field: "note")
        return e
    }

    /// The member's local calendar day of the entry (`hip_painlog_local_day`), or `nil` for an
    /// offset beyond 18 h.
    public var day: CivilDate? { try? PainLog.localDay(of: timeNs, utcOffsetMinutes: utcOffsetMinutes) }
}

/// The thresholds of a ``PainLog`` and of the pure functions (`hip_painlog_config`), with the
/// library's design defaults [DD]. The library refuses a value out of its domain with
/// ``HipError/Code/invalid``.
public struct PainLogConfiguration: Hashable, Sendable, Codable {
    public var baselineRule: PainBaselineRule
    /// 1...366, default 7.
    public var baselineDays: Int
    /// Window of ``PainLog/rollingMean(_:endingOn:)``: 1...366, default 7.
    public var rollingDays: Int
    /// RESP-PCT threshold, default 30 %.
    public var responderPercent: Double
    /// RESP-ABS threshold, default 2 NRS points.
    public var responderAbsolute: Double
    /// RESP-MIN: default 1 point ...
    public var minimumAbsolute: Double
    /// ... or 15 %.
    public var minimumPercent: Double
    /// WORSE-ABS: default 2 points.
    public var worseAbsolute: Double
    /// Default ``PainCriterion/percent``.
    public var responderCriterion: PainCriterion
    /// FLARE-ON: daily >= baseline + 2 (default).
    public var flareRise: Double
    /// FLARE-OFF: daily <= baseline + 1 (default).
    public var flareOffMargin: Double
    /// Consecutive daily logs for on and off: 1...30, default 2.
    public var flareSustainLogs: Int
    public var flareBaseline: PainFlareBaseline
    /// 1...31, default 7.
    public var flareWindowDays: Int
    /// 1...flareWindowDays, default 4.
    public var flareMinLogs: Int
    /// Default 7.
    public var flareLongDays: Int
    /// 2...100, default 3.
    public var flareFrequentCount: Int
    /// Default 30.
    public var flareFrequentDays: Int
    /// Chronic iff the duration exceeds this (default 84 days; IASP's 3 months is 91).
    public var chronicAfterDays: Int
    /// 3-band mode: subacute from this day (default 42).
    public var subacuteFromDays: Int
    /// 2 (acute/chronic, the default) or 3.
    public var durationBands: Int
    /// Morning vs night: default 1.0 NRS point, > 0.
    public var patternMinDifference: Double
    /// Entries needed in each group, default 3.
    public var patternMinEntries: Int

    /// The library's defaults (`hip_painlog_config_init`).
    public init() {
        var c = hip_painlog_config()
        hip_painlog_config_init(&c)
        baselineRule = PainBaselineRule(cValue: c.baseline_rule.rawValue) ?? .firstDaysMean
        baselineDays = Int(c.baseline_days)
        rollingDays = Int(c.rolling_days)
        responderPercent = c.resp_pct
        responderAbsolute = c.resp_abs
        minimumAbsolute = c.min_abs
        minimumPercent = c.min_pct
        worseAbsolute = c.worse_abs
        responderCriterion = PainCriterion(cValue: c.responder_criterion.rawValue) ?? .percent
        flareRise = c.flare_rise
        flareOffMargin = c.flare_off_margin
        flareSustainLogs = Int(c.flare_sustain_logs)
        flareBaseline = PainFlareBaseline(cValue: c.flare_baseline.rawValue) ?? .rolling
        flareWindowDays = Int(c.flare_window_days)
        flareMinLogs = Int(c.flare_min_logs)
        flareLongDays = Int(c.flare_long_days)
        flareFrequentCount = Int(c.flare_frequent_count)
        flareFrequentDays = Int(c.flare_frequent_days)
        chronicAfterDays = Int(c.chronic_after_days)
        subacuteFromDays = Int(c.subacute_from_days)
        durationBands = Int(c.duration_bands)
        patternMinDifference = c.pattern_min_diff
        patternMinEntries = Int(c.pattern_min_entries)
    }

    func cValue() throws -> hip_painlog_config {
        var c = hip_painlog_config()
        hip_painlog_config_init(&c)
        c.baseline_rule = hip_pain_baseline_rule(rawValue: baselineRule.cValue)
        c.baseline_days = try uint32(baselineDays, field: "baseline_days")
        c.rolling_days = try uint32(rollingDays, field: "rolling_days")
        c.resp_pct = responderPercent
        c.resp_abs = responderAbsolute
        c.min_abs = minimumAbsolute
        c.min_pct = minimumPercent
        c.worse_abs = worseAbsolute
        c.responder_criterion = hip_pain_criterion(rawValue: responderCriterion.cValue)
        c.flare_rise = flareRise
        c.flare_off_margin = flareOffMargin
        c.flare_sustain_logs = try uint32(flareSustainLogs, field: "flare_sustain_logs")
        c.flare_baseline = hip_pain_flare_baseline(rawValue: flareBaseline.cValue)
        c.flare_window_days = try uint32(flareWindowDays, field: "flare_window_days")
        c.flare_min_logs = try uint32(flareMinLogs, field: "flare_min_logs")
        c.flare_long_days = try uint32(flareLongDays, field: "flare_long_days")
        c.flare_frequent_count = try uint32(flareFrequentCount, field: "flare_frequent_count")
        c.flare_frequent_days = try uint32(flareFrequentDays, field: "flare_frequent_days")
        guard let chronic = Int32(exactly: chronicAfterDays), let subacute = Int32(exactly: subacuteFromDays) else {
            throw HipError(.invalid, "chronic_after_days, subacute_from_days: out of range")
        }
        c.chronic_after_days = chronic
        c.subacute_from_days = subacute
        c.duration_bands = try uint32(durationBands, field: "duration_bands")
        c.pattern_min_diff = patternMinDifference
        c.pattern_min_entries = try uint32(patternMinEntries, field: "pattern_min_entries")
        return c
    }

    /// Calls body with the C configuration (pure functions take it by pointer).
    func withC<R>(_ body: (UnsafePointer<hip_painlog_config>) throws -> R) throws -> R {
        var c = try cValue()
        return try body(&c)
    }
}

/// A baseline (`hip_pain_baseline`).
public struct PainBaseline: Hashable, Sendable, Codable {
    /// The baseline value, 0...10.
    public var nrs: Double
    /// Local days of the entries used.
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// Days with an entry that were used.
    public var dayCount: Int
    public var entryCount: Int

    init(_ b: hip_pain_baseline) {
        nrs = b.nrs
        firstDay = civilDate(b.first_day)
        lastDay = civilDate(b.last_day)
        dayCount = Int(b.day_count)
        entryCount = Int(b.entry_count)
    }
}

/// A rolling window (`hip_pain_window`).
public struct PainWindow: Hashable, Sendable, Codable {
    /// Mean of the daily values in the window.
    public var meanNRS: Double
    /// The window (inclusive).
    public var firstDay: CivilDate
    public var lastDay: CivilDate
    /// Days of the window with an entry.
    public var dayCount: Int
    public var entryCount: Int

    init(_ w: hip_pain_window) {
        meanNRS = w.mean_nrs
        firstDay = civilDate(w.first_day)
        lastDay = civilDate(w.last_day)
        dayCount = Int(w.day_count)
        entryCount = Int(w.entry_count)
    }
}

/// Change from a baseline to a follow-up with the CLINICAL.md §1.3 verdicts (`hip_pain_change`).
public struct PainChange: Hashable, Sendable, Codable {
    public var baseline: Double
    public var followup: Double
    /// baseline - followup (positive = better).
    public var deltaAbsolute: Double
    /// 100 x deltaAbsolute / baseline; `nil` at baseline 0 (not evaluable).
    public var deltaPercent: Double?
    /// RESP-PCT.
    public var responderPercent: PainVerdict
    /// RESP-ABS.
    public var responderAbsolute: PainVerdict
    /// RESP-MIN.
    public var minimalChange: PainVerdict
    /// WORSE-ABS.
    public var worse: PainVerdict
    /// By ``criterion``.
    public var responder: PainVerdict
    /// The configured criterion that decided ``responder``.
    public var criterion: PainCriterion

    /// §1.3 for two NRS values 0...10 (means allowed); ``HipError/Code/range`` otherwise.
    public init(baseline: Double, followup: Double, configuration: PainLogConfiguration = PainLogConfiguration()) throws {
        var out = hip_pain_change()
        let status = try configuration.withC { hip_painlog_change(baseline, followup, $0, &out) }
        try hipCheck(status, status == HIP_ERR_RANGE ? "baseline \(baseline), followup \(followup): expected numbers 0..10"
                                                     : "invalid pain-log configuration")
        self.init(out)
    }

    init(_ c: hip_pain_change) {
        baseline = c.baseline
        followup = c.followup
        deltaAbsolute = c.delta_abs
        deltaPercent = c.pct_status == HIP_PAIN_VERDICT_NOT_EVALUABLE ? nil : c.delta_pct
        responderPercent = PainVerdict(cValue: c.resp_pct.rawValue) ?? .notEvaluable
        responderAbsolute = PainVerdict(cValue: c.resp_abs.rawValue) ?? .notEvaluable
        minimalChange = PainVerdict(cValue: c.resp_min.rawValue) ?? .notEvaluable
        worse = PainVerdict(cValue: c.worse_abs.rawValue) ?? .notEvaluable
        responder = PainVerdict(cValue: c.responder.rawValue) ?? .notEvaluable
        criterion = PainCriterion(cValue: c.criterion.rawValue) ?? .percent
    }
}

/// One flare (`hip_pain_flare`, CLINICAL.md §3.5).
public struct PainFlare: Hashable, Sendable, Codable {
    /// The first log of the sustained rise.
    public var startDay: CivilDate
    /// FLARE-ON: the day the rise was sustained.
    public var onDay: CivilDate
    /// The last log still in the flare.
    public var lastDay: CivilDate
    /// FLARE-OFF: the resolving log; `nil` while the flare is ongoing.
    public var offDay: CivilDate?
    public var escalation: FlareEscalation
    /// The baseline it was measured against.
    public var baseline: Double
    /// The highest daily value in the flare.
    public var peakNRS: Double

    /// Not resolved by the last log.
    public var isOngoing: Bool { offDay == nil }

    init(_ f: hip_pain_flare) {
        startDay = civilDate(f.start_day)
        onDay = civilDate(f.on_day)
        lastDay = civilDate(f.last_day)
        offDay = f.ongoing != 0 ? nil : civilDate(f.off_day)
        escalation = FlareEscalation(rawValue: f.escalate)
        baseline = f.baseline
        peakNRS = f.peak_nrs
    }

    /// The flare rule over any daily series: `days` strictly increasing with values 0...10, and
    /// `baseline` as the fixed (enrolment) baseline (`hip_painlog_flares_scan`).
    public static func scan(days: [CivilDate], values: [Double], baseline: Double,
                            configuration: PainLogConfiguration = PainLogConfiguration()) throws -> [PainFlare] {
        guard days.count == values.count else {
            throw HipError(.invalid, "days, values: \(days.count) days for \(values.count) values")
        }
        let d = days.map(\.dayNumber)
        return try configuration.withC { config in
            try d.withUnsafeBufferPointer { dp in
                try values.withUnsafeBufferPointer { vp in
                    try twoCallFlares("days strictly increasing, values and baseline 0..10") { buf, cap, n in
                        hip_painlog_flares_scan(dp.baseAddress, vp.baseAddress, d.count, baseline, config, buf, cap, n)
                    }
                }
            }
        }
    }
}

/// Morning vs night over a day range (`hip_pain_pattern_result`).
public struct PainPatternResult: Hashable, Sendable, Codable {
    public var pattern: PainPattern
    public var morningCount: Int
    public var nightCount: Int
    /// `nil` when the count is 0.
    public var morningMean: Double?
    public var nightMean: Double?

    init(_ r: hip_pain_pattern_result) {
        pattern = PainPattern(cValue: r.pattern.rawValue) ?? .undetermined
        morningCount = Int(r.morning_count)
        nightCount = Int(r.night_count)
        morningMean = r.morning_count == 0 ? nil : r.morning_mean
        nightMean = r.night_count == 0 ? nil : r.night_mean
    }
}

/// A cohort's "% pain reduction" both ways of CLINICAL.md §1.4 (`hip_pain_cohort`). A value that
/// is undefined (a zero denominator) is `nil`.
public struct PainCohort: Hashable, Sendable, Codable {
    /// Members (the intention-to-treat denominator).
    public var enrolled: Int
    /// Members with a follow-up.
    public var completers: Int
    /// OUT-PCT-RATIO over completers.
    public var percentOfMeans: Double?
    /// OUT-PCT-MEAN over completers with baseline > 0.
    public var meanOfPercents: Double?
    /// Members averaged for ``meanOfPercents``.
    public var meanOfPercentsMembers: Int
    /// Completers excluded from it for a baseline of 0.
    public var meanOfPercentsExcluded: Int
    /// RESP-PCT responders (a baseline of 0 never responds).
    public var respondersPercent: Int
    /// RESP-ABS responders.
    public var respondersAbsolute: Int
    /// Rates in percent over all enrolled (ITT) and over completers.
    public var responderPercentRateITT: Double?
    public var responderPercentRateCompleters: Double?
    public var responderAbsoluteRateITT: Double?
    public var responderAbsoluteRateCompleters: Double?

    /// Cohort reduction over members with `baselines` 0...10 and `finals` 0...10, or `nil` for a
    /// member without follow-up. ``HipError/Code/range`` for other values,
    /// ``HipError/Code/notFound`` for an empty cohort.
    public init(baselines: [Double], finals: [Double?], configuration: PainLogConfiguration = PainLogConfiguration()) throws {
        guard baselines.count == finals.count else {
            throw HipError(.invalid, "baselines, finals: \(baselines.count) baselines for \(finals.count) finals")
        }
        // -1 is the C sentinel for "no follow-up"; in Swift that is nil, so a literal -1 is refused.
        if let i = finals.firstIndex(where: { $0 == HIPTRACK_PAIN_MISSING }) {
            throw HipError(.range, "finals[\(i)]: expected a number 0..10 or nil")
        }
        let f = finals.map { $0 ?? HIPTRACK_PAIN_MISSING }
        var out = hip_pain_cohort()
        let status = try configuration.withC { config in
            baselines.withUnsafeBufferPointer { b in
                f.withUnsafeBufferPointer { hip_painlog_cohort(b.baseAddress, $0.baseAddress, b.count, config, &out) }
            }
        }
        let message: String
        switch status {
        case HIP_ERR_NOT_FOUND: message = "the cohort is empty"
        case HIP_ERR_RANGE: message = "baselines and finals must be 0..10 (a final may be nil)"
        default: message = "invalid pain-log configuration"
        }
        try hipCheck(status, message)
        enrolled = out.enrolled
        completers = out.completers
        percentOfMeans = out.pct_ratio_valid != 0 ? out.pct_ratio : nil
        meanOfPercents = out.pct_mean_valid != 0 ? out.pct_mean : nil
        meanOfPercentsMembers = out.pct_mean_members
        meanOfPercentsExcluded = out.pct_mean_excluded
        respondersPercent = out.responders_pct
        respondersAbsolute = out.responders_abs
        responderPercentRateITT = out.rate_itt_valid != 0 ? out.resp_pct_rate_itt : nil
        responderAbsoluteRateITT = out.rate_itt_valid != 0 ? out.resp_abs_rate_itt : nil
        responderPercentRateCompleters = out.rate_completers_valid != 0 ? out.resp_pct_rate_completers : nil
        responderAbsoluteRateCompleters = out.rate_completers_valid != 0 ? out.resp_abs_rate_completers : nil
    }
}

// MARK: - The log

/// A member's pain log (`hip_painlog`): 0-10 NRS entries with their recall window, location,
/// side, symptoms, time of day and setting, kept in time order; and the analytics over it:
/// baseline, rolling mean, change and responder status, flares and the morning vs night pattern.
///
/// ```swift
/// let log = try PainLog()
/// try log.add(PainEntry(timeNs: t, utcOffsetMinutes: 60, nrs: 4, context: .avg24h,
///                       location: .groin, side: .left, symptoms: [.stiffness]))
/// let baseline = try log.baseline(.avg24h)            // nil without entries of that context
/// let change = try log.change(.avg24h, on: today)     // with the §1.3 verdicts
/// let flares = try log.flares(.avg24h)
/// ```
///
/// Days are the member's local calendar days (the day of `timeNs + utcOffsetMinutes`). Analytics
/// return `nil` (or no flares) when there is nothing to compute from; they never give NaN.
///
/// `Codable`: the form is the `hiptrack.painlog` document (decoding imports it with the library's
/// strict reader; a library error becomes `DecodingError.dataCorrupted` whose underlying error is
/// the ``HipError`` with the field path).
public final class PainLog: RandomAccessCollection, Codable {
    let handle: OpaquePointer
    /// The thresholds the log was created with.
    public let configuration: PainLogConfiguration

    /// An empty log; ``HipError/Code/invalid`` for a threshold out of its domain.
    public init(configuration: PainLogConfiguration = PainLogConfiguration()) throws {
        var c = try configuration.cValue()
        var out: OpaquePointer?
        try hipCheck(hip_painlog_create(&c, &out), "invalid pain-log configuration (a threshold out of its domain)")
        handle = out!
        self.configuration = configuration
    }

    /// A log imported from a `hiptrack.painlog` document.
    public convenience init(json: String, configuration: PainLogConfiguration = PainLogConfiguration()) throws {
        try self.init(configuration: configuration)
        try importJSON(json)
    }

    deinit { hip_painlog_destroy(handle) }

    /// The message of the last failed call ("" if none).
    public var lastError: String { lastErrorString(hip_painlog_last_error(handle)) }

    // MARK: Collection (entries in time order)

    public var startIndex: Int { 0 }
    public var endIndex: Int { hip_painlog_count(handle) }

    /// The entry at `position` (0 ..< count); traps out of range, as an array does.
    public subscript(position: Int) -> PainEntry {
        precondition(position >= 0 && position < endIndex, "PainLog index out of range")
        var e = hip_pain_entry()
        let status = hip_painlog_entry_at(handle, position, &e)
        precondition(status == HIP_OK, "hip_painlog_entry_at failed")
        return PainEntry(e)
    }

    // MARK: Editing

    /// Adds an entry in time order (after entries at the same instant). ``HipError/Code/range``
    /// for the NRS or the UTC offset, ``HipError/Code/invalid`` for another bad field (named),
    /// ``HipError/Code/exists`` for an exact duplicate; the log is unchanged then.
    public func add(_ entry: PainEntry) throws {
        var e = try entry.cValue()
        try hipCheck(hip_painlog_add(handle, &e), lastError)
    }

    /// Removes the entry at `index`.
    public func remove(at index: Int) throws {
        guard index >= 0 else { throw HipError(.range, "index \(index) is negative") }
        let status = hip_painlog_remove(handle, index)
        try hipCheck(status, lastError.isEmpty ? "index \(index): the log has \(count) entries" : lastError)
    }

    // MARK: Analytics (over the entries of one context)

    /// The baseline, or `nil` when the context has no entries.
    public func baseline(_ context: PainContext) throws -> PainBaseline? {
        var out = hip_pain_baseline()
        let status = hip_painlog_baseline(handle, hip_pain_context(rawValue: context.cValue), &out)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, "baseline failed")
        return PainBaseline(out)
    }

    /// The mean of the daily values of the `rollingDays` local days ending on `day`, or `nil`
    /// when that window has no entries of the context.
    public func rollingMean(_ context: PainContext, endingOn day: CivilDate) throws -> PainWindow? {
        var out = hip_pain_window()
        let status = hip_painlog_rolling_mean(handle, hip_pain_context(rawValue: context.cValue), day.dayNumber, &out)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, "rolling mean failed")
        return PainWindow(out)
    }

    /// The change from the baseline to the rolling mean ending on `day` with the §1.3 verdicts, or
    /// `nil` when either has no data.
    public func change(_ context: PainContext, on day: CivilDate) throws -> PainChange? {
        var out = hip_pain_change()
        let status = hip_painlog_change_on(handle, hip_pain_context(rawValue: context.cValue), day.dayNumber, &out)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, "change failed")
        return PainChange(out)
    }

    /// The flares, oldest first (none when the context has no entries). Meant for
    /// ``PainContext/avg24h`` (§3.5).
    public func flares(_ context: PainContext) throws -> [PainFlare] {
        do {
            return try twoCallFlares("flares failed") { buf, cap, n in
                hip_painlog_flares(handle, hip_pain_context(rawValue: context.cValue), buf, cap, n)
            }
        } catch HipError.Code.notFound {
            return []
        }
    }

    /// Morning vs night over the local days `from` through `to`, or `nil` when there is no entry
    /// of the context in them. ``HipError/Code/invalid`` when `to` is before `from`.
    public func pattern(_ context: PainContext, from: CivilDate, to: CivilDate) throws -> PainPatternResult? {
        guard from <= to else { throw HipError(.invalid, "from \(from) is after to \(to)") }
        var out = hip_pain_pattern_result()
        let status = hip_painlog_pattern(handle, hip_pain_context(rawValue: context.cValue), from.dayNumber, to.dayNumber, &out)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, "pattern failed")
        return PainPatternResult(out)
    }

    /// The member's local calendar day of an instant (`hip_painlog_local_day`):
    /// ``HipError/Code/range`` for an offset beyond 18 h.
    public static func localDay(of timeNs: Int64, utcOffsetMinutes: Int) throws -> CivilDate {
        var day: Int32 = 0
        let status = Int32(exactly: utcOffsetMinutes).map { hip_painlog_local_day(timeNs, $0, &day) } ?? HIP_ERR_RANGE
        try hipCheck(status, "utc_offset_min: expected -1080..1080, got \(utcOffsetMinutes)")
        return try CivilDate(dayNumber: day)
    }

    // MARK: JSON

    /// Replaces all entries with a `hiptrack.painlog` document; all or nothing
    /// (``HipError/Code/format`` with the line and column or the field path,
    /// ``HipError/Code/exists`` for a duplicate entry, ``HipError/Code/version``).
    public func importJSON(_ json: String) throws { try importJSON(Data(json.utf8)) }

    /// Imports a `hiptrack.painlog` document from UTF-8 bytes.
    public func importJSON(_ json: Data) throws {
        let status = withJSONBytes(json) { hip_painlog_import_json(handle, $0, $1) }
        try hipCheck(status, lastError)
    }

    /// The log as an indented `hiptrack.painlog` document (every field, entries in time order).
    public func exportJSON() throws -> String {
        try exportTwoCall { buf, cap, len in hip_painlog_export_json(handle, buf, cap, len) }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeLibraryDocument(try exportJSON(), to: encoder)
    }

    public required convenience init(from decoder: any Decoder) throws {
        try self.init()
        try decodeLibraryDocument(from: decoder) { try self.importJSON($0) }
    }
}

// MARK: - Helpers

/// A day number the library produced (always valid); 1970-01-01 if not.
func civilDate(_ day: Int32) -> CivilDate {
    (try? CivilDate(dayNumber: day)) ?? (try! CivilDate(dayNumber: 0))
}

/// The two-call pattern for flare arrays.
func twoCallFlares(_ message: String,
                   _ call: (UnsafeMutablePointer<hip_pain_flare>?, Int, UnsafeMutablePointer<Int>) -> hip_status) throws -> [PainFlare] {
    var count = 0
    try hipCheck(call(nil, 0, &count), message)
    if count == 0 { return [] }
    var flares = [hip_pain_flare](repeating: hip_pain_flare(), count: count)
    try hipCheck(flares.withUnsafeMutableBufferPointer { call($0.baseAddress, $0.count, &count) }, message)
    return flares.prefix(count).map(PainFlare.init)
}
