import CHiptrack

// MARK: - Enums

/// What a progression decision does to one prescribed exercise (`hip_progression_action`).
public enum ProgressionAction: String, Codable, Sendable, CEnumMirror {
    /// No change (also: no rule fired, or no alternative of the firing rule could change anything).
    case keep
    /// Change reps, sets, hold or load (see ``ProgressionDecision/variable``).
    case change
    /// The next harder variant in the catalog graph.
    case advance
    /// The next easier variant.
    case regress
    /// No progression until the cause (a flare) has passed; nothing to apply.
    case pause
    /// Stop automatic changes: refer to a clinician.
    case refer
}

/// The dose variable a ``ProgressionAction/change`` changes (`hip_progression_variable`).
public enum ProgressionVariable: String, Codable, Sendable, CEnumMirror {
    case none
    case reps
    case sets
    /// Hold seconds (`hold_s`).
    case hold = "hold_s"
    /// Load in kg (`load_kg`).
    case load = "load_kg"
}

/// The class of a rule (`hip_progression_class`); the highest class among the true rules decides
/// (refer > reduce > keep > progress).
public enum ProgressionRuleClass: String, Codable, Sendable, CaseIterable {
    /// Advance, or a change that increases.
    case progress
    case keep
    /// Pause, regress, or a change that decreases.
    case reduce
    case refer

    /// The C value: 1...4 in case order.
    var cValue: UInt32 { UInt32(Self.allCases.firstIndex(of: self)! + 1) }
    init?(cValue: UInt32) {
        guard cValue >= 1, Int(cValue) <= Self.allCases.count else { return nil }
        self = Self.allCases[Int(cValue) - 1]
    }
}

/// How urgent the most urgent open red flag is (`hip_red_flag_tier`, CLINICAL.md §3.6).
public enum RedFlagTier: String, Codable, Sendable, CEnumMirror, Comparable {
    case none
    /// Clinician review within a few days.
    case prompt
    /// Same-day clinician contact.
    case urgent
    /// Emergency services now.
    case emergency

    public static func < (a: RedFlagTier, b: RedFlagTier) -> Bool { a.cValue < b.cValue }
}

/// The aggregate of a rule's metric over its window (`hip_progression_agg`).
public enum ProgressionAggregate: String, Codable, Sendable, CEnumMirror {
    /// A metric without a window.
    case none
    case last, min, max, mean, count
}

/// The comparison of one rule input (`hip_progression_cmp`); raw values are the rule language's.
public enum ProgressionComparison: String, Codable, Sendable, CEnumMirror {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "="
    case notEqual = "!="
    /// `known metric`: true when the value is known.
    case known
}

/// The unit of a metric's window (`hip_progression_window`).
public enum ProgressionWindowUnit: String, Codable, Sendable, CEnumMirror {
    case none
    case sessions
    case days
}

// MARK: - Red flags and check-ins

/// A set of red flags RF-01 ... RF-16 (CLINICAL.md §3.6): RF-n is bit n-1.
public struct RedFlags: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// RF-`number`, 1...16 (an empty set otherwise).
    public static func rf(_ number: Int) -> RedFlags {
        (1...16).contains(number) ? RedFlags(rawValue: UInt32(1) << UInt32(number - 1)) : []
    }
    /// Every red flag RF-01 ... RF-16.
    public static let all = RedFlags(rawValue: UInt32(HIPTRACK_RED_FLAG_ALL))
    /// The RF numbers in the set, ascending (`[11]` for RF-11).
    public var numbers: [Int] { (1...16).filter { rawValue & (UInt32(1) << UInt32($0 - 1)) != 0 } }
}

/// The "yes" answers of a symptom check-in (`hip_checkin_answer`).
public struct CheckInAnswers: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    private init(_ c: hip_checkin_answer) { rawValue = c.rawValue }

    /// Fever, chills or feeling systemically unwell.
    public static let fever = CheckInAnswers(HIP_CHECKIN_FEVER)
    /// Hip pain now.
    public static let hipPain = CheckInAnswers(HIP_CHECKIN_HIP_PAIN)
    /// Hot, red, swollen hip.
    public static let hotSwollenHip = CheckInAnswers(HIP_CHECKIN_HOT_SWOLLEN_HIP)
    /// Recent fall or trauma.
    public static let fall = CheckInAnswers(HIP_CHECKIN_FALL)
    /// Cannot put weight on the leg.
    public static let cannotBearWeight = CheckInAnswers(HIP_CHECKIN_CANNOT_BEAR_WEIGHT)
    /// Leg suddenly shorter or turned out, new deformity.
    public static let deformity = CheckInAnswers(HIP_CHECKIN_DEFORMITY)
    /// New inability to walk or to move the hip.
    public static let cannotWalk = CheckInAnswers(HIP_CHECKIN_CANNOT_WALK)
    /// New saddle numbness or bladder/bowel problems.
    public static let saddleBladderBowel = CheckInAnswers(HIP_CHECKIN_SADDLE_BLADDER_BOWEL)
    /// Recent hip injection or surgery, or immunosuppression.
    public static let recentProcedure = CheckInAnswers(HIP_CHECKIN_RECENT_PROCEDURE)
    /// New warmth of the hip.
    public static let newWarmth = CheckInAnswers(HIP_CHECKIN_NEW_WARMTH)
    /// New or worsening hip pain.
    public static let worseningPain = CheckInAnswers(HIP_CHECKIN_WORSENING_PAIN)
    /// Sudden severe pain without trauma.
    public static let suddenSeverePain = CheckInAnswers(HIP_CHECKIN_SUDDEN_SEVERE_PAIN)
    /// History of cancer.
    public static let cancerHistory = CheckInAnswers(HIP_CHECKIN_CANCER_HISTORY)
    /// New night pain.
    public static let nightPain = CheckInAnswers(HIP_CHECKIN_NIGHT_PAIN)
    /// Unexplained weight loss, night sweats, no appetite.
    public static let weightLoss = CheckInAnswers(HIP_CHECKIN_WEIGHT_LOSS)
    /// Constant pain, also at night and at rest.
    public static let constantPain = CheckInAnswers(HIP_CHECKIN_CONSTANT_PAIN)
    /// New numbness, tingling or progressive leg weakness.
    public static let numbnessWeakness = CheckInAnswers(HIP_CHECKIN_NUMBNESS_WEAKNESS)
    /// Groin lump or pulsation, blood in urine, testicular swelling, abdominal symptoms.
    public static let groinLumpAbdominal = CheckInAnswers(HIP_CHECKIN_GROIN_LUMP_ABDOMINAL)
    /// Rapidly worsening symptoms or deformity.
    public static let rapidWorsening = CheckInAnswers(HIP_CHECKIN_RAPID_WORSENING)
    /// Long-term steroids or heavy alcohol use.
    public static let steroidsAlcohol = CheckInAnswers(HIP_CHECKIN_STEROIDS_ALCOHOL)
    /// New groin pain.
    public static let groinPain = CheckInAnswers(HIP_CHECKIN_GROIN_PAIN)
    /// Morning stiffness over 30 minutes or several swollen joints.
    public static let morningStiffness = CheckInAnswers(HIP_CHECKIN_MORNING_STIFFNESS)
    /// Calf pain or swelling.
    public static let calfPain = CheckInAnswers(HIP_CHECKIN_CALF_PAIN)
    /// Pain at rest has not eased with rest for more than 24 h.
    public static let restPainPersists = CheckInAnswers(HIP_CHECKIN_REST_PAIN_PERSISTS)
}

/// The red flags of one check-in and the most urgent tier among them.
public struct RedFlagReport: Hashable, Sendable, Codable {
    public var flags: RedFlags
    public var tier: RedFlagTier
}

/// One day's symptom check-in (`hip_checkin`). A clinician's clearance is a check-in with
/// ``cleared`` set: it clears every red flag reported on or before its day.
///
/// ```swift
/// var checkIn = CheckIn(day: today, answers: [.numbnessWeakness])
/// let report = try checkIn.redFlags()      // RF-11, .urgent
/// ```
public struct CheckIn: Hashable, Sendable, Codable {
    /// The member's local calendar day.
    public var day: CivilDate
    /// The questions answered "yes".
    public var answers: CheckInAnswers
    /// Pain at rest 0...10, or `nil` when not asked.
    public var restPain: Int?
    /// A clinician cleared the red flags reported on or before ``day``.
    public var cleared: Bool

    public init(day: CivilDate, answers: CheckInAnswers = [], restPain: Int? = nil, cleared: Bool = false) {
        self.day = day
        self.answers = answers
        self.restPain = restPain
        self.cleared = cleared
    }

    /// A clinician's clearance on `day`.
    public static func clearance(on day: CivilDate) -> CheckIn { CheckIn(day: day, cleared: true) }

    /// The red flags this check-in reports (`hip_progression_red_flags`) under `configuration`'s
    /// enabled flags and rest-pain threshold. ``HipError/Code/range`` for a rest pain outside
    /// 0...10, ``HipError/Code/invalid`` for unknown answer bits or a bad configuration.
    public func redFlags(configuration: RuleSetConfiguration = RuleSetConfiguration()) throws -> RedFlagReport {
        var config = try configuration.cValue()
        var c = try cValue()
        var flags: UInt32 = 0
        var tier = HIP_RED_FLAG_NONE
        let status = hip_progression_red_flags(&config, &c, &flags, &tier)
        let unknown = answers.rawValue & ~UInt32(HIPTRACK_CHECKIN_ALL)
        try hipCheck(status, status == HIP_ERR_RANGE
                     ? "check-in \(day): rest_pain must be 0..10, got \(restPain.map(String.init) ?? "none")"
                     : unknown != 0 ? "check-in \(day): unknown answer bits 0x\(String(unknown, radix: 16))"
                     : "invalid rule set configuration (rest_pain_red_flag 1..10, usual_window_days 1..60, usual_min_logs 1..usual_window_days)")
        return RedFlagReport(flags: RedFlags(rawValue: flags), tier: RedFlagTier(cValue: tier.rawValue) ?? .none)
    }

    func cValue() throws -> hip_checkin {
        var c = hip_checkin()
        hip_checkin_init(&c, day.dayNumber)
        c.answers = answers.rawValue
        if let restPain {
            guard let p = Int32(exactly: restPain), (0...10).contains(p) else {
                throw HipError(.range, "check-in \(day): rest_pain must be 0..10, got \(restPain)")
            }
            c.rest_pain = p
        } else {
            c.rest_pain = HIPTRACK_NOT_RECORDED
        }
        c.cleared = cleared ? 1 : 0
        return c
    }
}

// MARK: - Rule sets

/// The settings of a ``RuleSet`` (`hip_ruleset_config`), with the library's defaults.
public struct RuleSetConfiguration: Hashable, Sendable, Codable {
    /// Start with the built-in rules (default `true`); `false` gives an empty set.
    public var includeBuiltin: Bool
    /// The red flags checked (default all; RF-15 is tagged [U] in CLINICAL.md).
    public var enabledRedFlags: RedFlags
    /// RF-16: rest pain at or above this (1...10, default 8).
    public var restPainRedFlag: Int
    /// "Pain as usual" (§3.1): the median 24-h pain of this many days before a session
    /// (1...60, default 7) ...
    public var usualWindowDays: Int
    /// ... from at least this many days with a log (1...usualWindowDays, default 3), else the
    /// pain log's enrolment baseline.
    public var usualMinLogs: Int

    /// The library's defaults (`hip_ruleset_config_init`).
    public init(includeBuiltin: Bool = true) {
        var c = hip_ruleset_config()
        hip_ruleset_config_init(&c)
        self.includeBuiltin = includeBuiltin
        enabledRedFlags = RedFlags(rawValue: c.red_flags_enabled)
        restPainRedFlag = Int(c.rest_pain_red_flag)
        usualWindowDays = Int(c.usual_window_days)
        usualMinLogs = Int(c.usual_min_logs)
    }

    func cValue() throws -> hip_ruleset_config {
        var c = hip_ruleset_config()
        hip_ruleset_config_init(&c)
        c.include_builtin = includeBuiltin ? 1 : 0
        c.red_flags_enabled = enabledRedFlags.rawValue
        guard let rest = Int32(exactly: restPainRedFlag) else {
            throw HipError(.invalid, "rest_pain_red_flag: \(restPainRedFlag) is out of range")
        }
        c.rest_pain_red_flag = rest
        c.usual_window_days = try uint32(usualWindowDays, field: "usual_window_days")
        c.usual_min_logs = try uint32(usualMinLogs, field: "usual_min_logs")
        return c
    }
}

/// One rule of a ``RuleSet`` as parsed (`hip_rule_info`).
public struct RuleInfo: Hashable, Sendable, Codable {
    public var id: String
    /// 0...1000; higher first within a class.
    public var priority: Int
    public var ruleClass: ProgressionRuleClass
    /// Where the rule starts in its text (1-based).
    public var line: Int
    /// The number of actions joined by `else`.
    public var alternativeCount: Int
}

/// One named parameter of a ``RuleSet`` (`hip_rule_param`): every threshold of a rule is one.
public struct RuleParameter: Hashable, Sendable, Codable {
    public var name: String
    /// The current value.
    public var value: Double
    /// The value written in the text.
    public var defaultValue: Double
    /// The domain its uses allow; ``RuleSet/setParameter(_:to:)`` refuses values outside.
    public var range: ClosedRange<Double>
    /// A use needs a whole number (a window).
    public var isInteger: Bool
}

/// Explicit, explainable progression rules (`hip_ruleset`, docs/progression.md): they progress,
/// hold, regress or pause every prescribed exercise from a member's history (CLINICAL.md §3), and
/// stop every automatic change on a red flag with "refer to a clinician".
///
/// Rules are text in a small language; the built-in rules (``builtinText``) are written in it and
/// every threshold is a named parameter.
///
/// ```swift
/// let rules = try RuleSet()                          // the built-in rules
/// try rules.setParameter("pain_acceptable", to: 4)
/// try rules.parse("""
///     rule few_sessions priority 300
///       when sessions over last 14 days < 3
///       then keep
///     """)                                           // HipError .format: "line 2, column 8: ..."
/// let history = ProgressionHistory(program: program, catalog: catalog, sessions: sessions,
///                                  painLog: painLog, checkIns: checkIns)
/// for decision in try rules.evaluateAll(history, on: today) {
///     print(decision.explanation)
///     try program.apply(decision, catalog: catalog)   // a new program version from tomorrow
/// }
/// ```
public final class RuleSet {
    let handle: OpaquePointer

    /// The configuration the set was made with.
    public let configuration: RuleSetConfiguration

    /// The text of the built-in rules (`hip_progression_builtin_rules`).
    public static var builtinText: String { String(cString: hip_progression_builtin_rules()) }

    /// A rule set: the built-in rules unless `configuration.includeBuiltin` is false.
    /// ``HipError/Code/invalid`` for a bad configuration.
    public init(configuration: RuleSetConfiguration = RuleSetConfiguration()) throws {
        var config = try configuration.cValue()
        var out: OpaquePointer?
        try hipCheck(hip_ruleset_create(&config, &out),
                     "invalid rule set configuration (rest_pain_red_flag 1..10, usual_window_days 1..60, usual_min_logs 1..usual_window_days)")
        handle = out!
        self.configuration = configuration
    }

    /// A set with only the rules and params of `text` (no built-in rules).
    public convenience init(text: String) throws {
        try self.init(configuration: RuleSetConfiguration(includeBuiltin: false))
        try parse(text)
    }

    deinit { hip_ruleset_destroy(handle) }

    /// The message of the last failed call on this rule set ("" if none).
    public var lastError: String { lastErrorString(hip_ruleset_last_error(handle)) }

    /// Where the last parse error was (1-based line and byte column), or `nil` when the last
    /// call was not a failed parse.
    public var errorPosition: (line: Int, column: Int)? {
        var line: UInt32 = 0, column: UInt32 = 0
        hip_ruleset_error_position(handle, &line, &column)
        return line == 0 ? nil : (Int(line), Int(column))
    }

    // MARK: Text

    /// Adds the params and rules of `text` (at most 1 MiB of UTF-8); all or nothing.
    /// ``HipError/Code/format`` with `"line L, column C: expected ..., found ..."` (also for a rule
    /// id or param name already in the set); ``errorPosition`` has the same place.
    public func parse(_ text: String) throws {
        var bytes = Array(text.utf8)
        let count = bytes.count
        if bytes.isEmpty { bytes.append(0) }
        let status = bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { hip_ruleset_parse(handle, $0.baseAddress, count) }
        }
        try hipCheck(status, lastError)
    }

    /// The rules and params in canonical text form (parsing it gives the same rule set).
    public func exportText() throws -> String {
        try exportTwoCall { buf, cap, len in hip_ruleset_export_text(handle, buf, cap, len) }
    }

    // MARK: Rules and params

    /// The rules, in text order.
    public var rules: [RuleInfo] { (0..<hip_ruleset_count(handle)).compactMap(ruleInfo(at:)) }

    /// The rule with `id`, or `nil`.
    public func rule(id: String) -> RuleInfo? {
        guard !id.utf8.contains(0) else { return nil }
        var index = 0
        guard id.withCString({ hip_ruleset_find(handle, $0, &index) }) == HIP_OK else { return nil }
        return ruleInfo(at: index)
    }

    private func ruleInfo(at index: Int) -> RuleInfo? {
        var r = hip_rule_info()
        guard hip_ruleset_rule_at(handle, index, &r) == HIP_OK else { return nil }
        return RuleInfo(id: stringFromCChars(r.id), priority: Int(r.priority),
                        ruleClass: ProgressionRuleClass(cValue: r.rule_class.rawValue) ?? .keep,
                        line: Int(r.line), alternativeCount: r.alternative_count)
    }

    /// The params, in declaration order.
    public var parameters: [RuleParameter] {
        (0..<hip_ruleset_param_count(handle)).compactMap { i in
            var p = hip_rule_param()
            guard hip_ruleset_param_at(handle, i, &p) == HIP_OK else { return nil }
            return RuleParameter(name: stringFromCChars(p.name), value: p.value, defaultValue: p.default_value,
                                 range: p.min_value...max(p.min_value, p.max_value), isInteger: p.integer != 0)
        }
    }

    /// The current value of the param `name`: ``HipError/Code/notFound`` for an unknown name.
    public func parameter(_ name: String) throws -> Double {
        var value = 0.0
        let status = try withCheckedCString(name, field: "param") { hip_ruleset_get_param(handle, $0, &value) }
        try hipCheck(status, status == HIP_ERR_NOT_FOUND ? "unknown param '\(name)'" : lastError)
        return value
    }

    /// Sets the param `name` (every rule using it sees the new value): ``HipError/Code/notFound``
    /// for an unknown name, ``HipError/Code/range`` outside the param's domain
    /// (``RuleParameter/range``, whole numbers for windows).
    public func setParameter(_ name: String, to value: Double) throws {
        let status = try withCheckedCString(name, field: "param") { hip_ruleset_set_param(handle, $0, value) }
        guard status.rawValue < 0 else { return }
        let message = lastError
        if !message.isEmpty { throw HipError(HipError.Code(status), message) }
        if status == HIP_ERR_NOT_FOUND { throw HipError(.notFound, "unknown param '\(name)'") }
        throw HipError(HipError.Code(status), "param '\(name)': \(value) is outside its domain")
    }

    // MARK: Evaluation

    /// The decision for the exercise at `exerciseIndex` of the version in force on `day`, over
    /// the history up to the end of that day. ``HipError/Code/notFound`` when no version is in
    /// force, ``HipError/Code/range`` for the index, ``HipError/Code/format`` or
    /// ``HipError/Code/range`` for a check-in out of range.
    public func evaluate(_ history: ProgressionHistory, on day: CivilDate, exercise exerciseIndex: Int) throws -> ProgressionDecision {
        guard exerciseIndex >= 0 else { throw HipError(.range, "exercise index \(exerciseIndex) is negative") }
        var d = hip_progression_decision()
        let status = try history.withC { hip_progression_evaluate(handle, $0, day.dayNumber, exerciseIndex, &d) }
        try hipCheck(status, evaluationMessage(status, history, day, exerciseIndex))
        return try ProgressionDecision(d)
    }

    /// One decision for every exercise of the version in force on `day`.
    public func evaluateAll(_ history: ProgressionHistory, on day: CivilDate) throws -> [ProgressionDecision] {
        try history.withC { h in
            var count = 0
            var status = hip_progression_evaluate_all(handle, h, day.dayNumber, nil, 0, &count)
            try hipCheck(status, evaluationMessage(status, history, day, nil))
            var out = [hip_progression_decision](repeating: hip_progression_decision(), count: Swift.max(count, 1))
            status = out.withUnsafeMutableBufferPointer {
                hip_progression_evaluate_all(handle, h, day.dayNumber, $0.baseAddress, $0.count, &count)
            }
            try hipCheck(status, evaluationMessage(status, history, day, nil))
            return try out.prefix(count).map { try ProgressionDecision($0) }
        }
    }

    /// What the rules would have decided at the end of each program week 1...`weeks` (day
    /// `start + 7w - 1`), for every exercise of the version then in force, over the history up
    /// to that day. Decisions are not applied between weeks; weeks before the first version have
    /// no rows.
    public func dryRun(_ history: ProgressionHistory, from start: CivilDate, weeks: Int) throws -> [DryRunRow] {
        let w = try uint32(weeks, field: "weeks")
        return try history.withC { h in
            var count = 0
            var status = hip_progression_dry_run(handle, h, start.dayNumber, w, nil, 0, &count)
            try hipCheck(status, evaluationMessage(status, history, start, nil))
            var out = [hip_progression_row](repeating: hip_progression_row(), count: Swift.max(count, 1))
            status = out.withUnsafeMutableBufferPointer {
                hip_progression_dry_run(handle, h, start.dayNumber, w, $0.baseAddress, $0.count, &count)
            }
            try hipCheck(status, evaluationMessage(status, history, start, nil))
            return try out.prefix(count).map { DryRunRow(week: Int($0.week), decision: try ProgressionDecision($0.decision)) }
        }
    }

    /// PROG-LOAD (§3.3): the next load, `max(load + step, roundHalfUp(load x (1 + percent/100), step))`,
    /// and whether it is within `capPercent` of `loadKg` (if not, use a reps or level change
    /// instead). ``HipError/Code/range`` for a load, percent or step <= 0.
    public static func loadStep(loadKg: Double, percent: Double, stepKg: Double, capPercent: Double) throws -> (newLoadKg: Double, withinCap: Bool) {
        var out = 0.0
        let status = hip_progression_load_step(loadKg, percent, stepKg, capPercent, &out)
        try hipCheck(status, "load_step: load, percent and step must be > 0 (load \(loadKg), percent \(percent), step \(stepKg))")
        return (out, status == HIP_OK)
    }

    private func evaluationMessage(_ status: hip_status, _ history: ProgressionHistory, _ day: CivilDate, _ index: Int?) -> String {
        switch status {
        case HIP_ERR_NOT_FOUND: return "no program version is in force on \(day)"
        case HIP_ERR_RANGE:
            let n = history.program.version(on: day)?.exercises.count ?? 0
            return "exercise index \(index ?? 0) is out of range: the version in force on \(day) has \(n) exercises"
        case HIP_ERR_FORMAT: return "a check-in is out of range (rest_pain 0..10, cleared 0 or 1, known answers)"
        case HIP_ERR_INVALID: return "invalid history (the program has no versions, or a count is out of range)"
        default: return ""
        }
    }
}

// MARK: - History and decisions

/// What evaluation reads (`hip_progression_history`): borrowed for the call only, never changed.
/// Everything but the program may be missing; missing data makes a metric unknown.
public struct ProgressionHistory {
    public var program: Program
    /// Needed for advance/regress, `dose` bounds and the `strength` metric.
    public var catalog: Catalog?
    /// Finished sessions in any order (others are skipped).
    public var sessions: [Session]
    /// Its `AVG_24H` and `NEXT_MORNING` entries are read.
    public var painLog: PainLog?
    /// Red-flag check-ins and clinician clearances.
    public var checkIns: [CheckIn]
    /// Range-of-motion assessments for the `rom_*` metrics (unknown without).
    public var assessments: AssessmentHistory?
    /// The normal table of the `rom_*_pct` metrics (`nil`: AAOS).
    public var romNormals: RomNormals?

    public init(program: Program, catalog: Catalog? = nil, sessions: [Session] = [], painLog: PainLog? = nil,
                checkIns: [CheckIn] = [], assessments: AssessmentHistory? = nil, romNormals: RomNormals? = nil) {
        self.program = program
        self.catalog = catalog
        self.sessions = sessions
        self.painLog = painLog
        self.checkIns = checkIns
        self.assessments = assessments
        self.romNormals = romNormals
    }

    func withC<R>(_ body: (UnsafePointer<hip_progression_history>) throws -> R) throws -> R {
        let checkins = try checkIns.enumerated().map { i, c -> hip_checkin in
            do { return try c.cValue() } catch let e as HipError { throw HipError(e.code, "checkins[\(i)]: \(e.message)") }
        }
        let handles: [OpaquePointer?] = sessions.map { $0.handle }
        let normals: [hip_rom_normals] = try romNormals.map { [try $0.cValue()] } ?? []
        return try withExtendedLifetime((program, catalog, sessions, painLog, assessments)) {
            try handles.withUnsafeBufferPointer { s in
                try checkins.withUnsafeBufferPointer { c in
                    try normals.withUnsafeBufferPointer { n in
                        var h = hip_progression_history()
                        hip_progression_history_init(&h)
                        h.program = program.handle
                        h.catalog = catalog?.handle
                        h.sessions = s.baseAddress
                        h.session_count = s.count
                        h.painlog = painLog?.handle
                        h.checkins = c.baseAddress
                        h.checkin_count = c.count
                        h.assessments = assessments?.handle
                        h.rom_normals = n.isEmpty ? nil : n.baseAddress   // an empty array may still have one
                        return try body(&h)
                    }
                }
            }
        }
    }
}

/// One comparison of the deciding rule, as evaluated (`hip_progression_input`).
public struct ProgressionInput: Hashable, Sendable, Codable {
    /// The metric, such as `"pain_during"`.
    public var metric: String
    public var aggregate: ProgressionAggregate
    /// N of "over last N sessions|days"; 0 without a window.
    public var window: Int
    public var windowUnit: ProgressionWindowUnit
    /// The metric's value, or `nil` when it is unknown (missing data).
    public var value: Double?
    public var comparison: ProgressionComparison
    /// The threshold compared against (0 for ``ProgressionComparison/known``).
    public var threshold: Double
    /// The param the threshold came from, or `nil` for a number in the text.
    public var thresholdParameter: String?
    /// The comparison's result: `nil` when unknown.
    public var result: Bool?

    init(_ c: hip_progression_input) {
        metric = stringFromCChars(c.metric)
        aggregate = ProgressionAggregate(cValue: c.aggregate.rawValue) ?? .none
        window = Int(c.window)
        windowUnit = ProgressionWindowUnit(cValue: c.window_unit.rawValue) ?? .none
        value = c.known != 0 ? c.value : nil
        comparison = ProgressionComparison(cValue: c.comparison.rawValue) ?? .known
        threshold = c.threshold
        let param = stringFromCChars(c.threshold_param)
        thresholdParameter = param.isEmpty ? nil : param
        result = c.result == 1 ? true : c.result == 0 ? false : nil
    }

    func cValue() throws -> hip_progression_input {
        var c = hip_progression_input()
        try storeCChars(metric, into: &c.metric, field: "metric")
        c.aggregate = hip_progression_agg(rawValue: aggregate.cValue)
        c.window = try uint32(window, field: "window")
        c.window_unit = hip_progression_window(rawValue: windowUnit.cValue)
        c.known = value == nil ? 0 : 1
        c.value = value ?? 0
        c.comparison = hip_progression_cmp(rawValue: comparison.cValue)
        c.threshold = threshold
        try storeCChars(thresholdParameter ?? "", into: &c.threshold_param, field: "threshold_param")
        c.result = result.map { $0 ? 1 : 0 } ?? -1
        return c
    }
}

/// The decision for one prescribed exercise (`hip_progression_decision`): what to do, which rule
/// decided and why, in machine-readable form (``inputs``) and as one human sentence
/// (``explanation``). Apply it with ``Program/apply(_:catalog:)``.
public struct ProgressionDecision: Hashable, Sendable, Codable {
    /// Evaluated as of the end of this local day.
    public var day: CivilDate
    /// The day after ``day``: when an applied change takes effect.
    public var effectiveDay: CivilDate
    /// The number of the program version evaluated.
    public var programVersion: Int
    /// The exercise's index in that version.
    public var exerciseIndex: Int
    /// The deciding rule, or `nil` when none fired (``action`` is then ``ProgressionAction/keep``).
    /// `"red_flag_guard"` when an open red flag overrode rules that have no refer rule.
    public var ruleId: String?
    /// The class of the deciding rule (``ProgressionRuleClass/keep`` when none fired).
    public var ruleClass: ProgressionRuleClass
    public var priority: Int
    public var action: ProgressionAction
    /// The variable a ``ProgressionAction/change`` changes (``ProgressionVariable/none`` otherwise).
    public var variable: ProgressionVariable
    /// The rule fired but none of its alternatives could change the prescription.
    public var limited: Bool
    /// The prescription evaluated.
    public var before: Prescription
    /// The prescription after the decision (== ``before`` unless change, advance or regress).
    public var after: Prescription
    /// Red flags not yet cleared as of ``day``.
    public var redFlags: RedFlags
    public var redFlagTier: RedFlagTier
    /// The deciding rule's comparisons, with their values, thresholds and results.
    public var inputs: [ProgressionInput]
    /// One sentence saying what and why, such as
    /// `"squat: reps 10 -> 12, because the last set was 2+ reps over ..."`; it becomes the note
    /// of the version ``Program/apply(_:catalog:)`` makes.
    public var explanation: String

    /// Whether applying it would make a new program version.
    public var changesProgram: Bool { action == .change || action == .advance || action == .regress }

    init(_ d: hip_progression_decision) throws {
        day = try CivilDate(dayNumber: d.day)
        effectiveDay = try CivilDate(dayNumber: d.effective_day)
        programVersion = Int(d.program_version)
        exerciseIndex = d.exercise_index
        let id = stringFromCChars(d.rule_id)
        ruleId = id.isEmpty ? nil : id
        ruleClass = ProgressionRuleClass(cValue: d.rule_class.rawValue) ?? .keep
        priority = Int(d.priority)
        action = ProgressionAction(cValue: d.action.rawValue) ?? .keep
        variable = ProgressionVariable(cValue: d.variable.rawValue) ?? .none
        limited = d.limited != 0
        before = Prescription(d.before)
        after = Prescription(d.after)
        redFlags = RedFlags(rawValue: d.red_flags)
        redFlagTier = RedFlagTier(cValue: d.red_flag_tier.rawValue) ?? .none
        let n = Swift.min(d.input_count, Int(HIPTRACK_PROGRESSION_MAX_INPUTS))
        inputs = withUnsafeBytes(of: d.inputs) { raw in
            (0..<n).map { ProgressionInput(raw.load(fromByteOffset: $0 * MemoryLayout<hip_progression_input>.stride, as: hip_progression_input.self)) }
        }
        explanation = stringFromCChars(d.text)
    }

    func cValue() throws -> hip_progression_decision {
        var d = hip_progression_decision()
        d.day = day.dayNumber
        d.effective_day = effectiveDay.dayNumber
        d.program_version = try uint32(programVersion, field: "program_version")
        guard exerciseIndex >= 0 else { throw HipError(.range, "exercise_index \(exerciseIndex) is negative") }
        d.exercise_index = exerciseIndex
        try storeCChars(ruleId ?? "", into: &d.rule_id, field: "rule_id")
        d.rule_class = hip_progression_class(rawValue: ruleClass.cValue)
        guard let p = Int32(exactly: priority) else { throw HipError(.invalid, "priority: \(priority) is out of range") }
        d.priority = p
        d.action = hip_progression_action(rawValue: action.cValue)
        d.variable = hip_progression_variable(rawValue: variable.cValue)
        d.limited = limited ? 1 : 0
        d.before = try before.cValue()
        d.after = try after.cValue()
        d.red_flags = redFlags.rawValue
        d.red_flag_tier = hip_red_flag_tier(rawValue: redFlagTier.cValue)
        guard inputs.count <= Int(HIPTRACK_PROGRESSION_MAX_INPUTS) else {
            throw HipError(.invalid, "inputs: \(inputs.count) inputs, at most \(HIPTRACK_PROGRESSION_MAX_INPUTS)")
        }
        let cInputs = try inputs.map { try $0.cValue() }
        d.input_count = cInputs.count
        withUnsafeMutableBytes(of: &d.inputs) { raw in
            for (i, input) in cInputs.enumerated() {
                raw.storeBytes(of: input, toByteOffset: i * MemoryLayout<hip_progression_input>.stride, as: hip_progression_input.self)
            }
        }
        try storeCChars(explanation, into: &d.text, field: "text")
        return d
    }
}

/// One row of a dry run: the decision for one exercise at the end of one program week.
public struct DryRunRow: Hashable, Sendable, Codable {
    /// 1-based program week.
    public var week: Int
    public var decision: ProgressionDecision
}

extension Program {
    /// Applies a progression decision (`hip_progression_apply`): commits a new version effective
    /// on ``ProgressionDecision/effectiveDay`` with ``ProgressionDecision/after`` in place of the
    /// exercise and the explanation as its note; earlier versions stay as they were. Returns
    /// `false` (nothing committed) for keep, pause and refer.
    ///
    /// ``HipError/Code/state`` when a draft is open or the latest version no longer prescribes
    /// ``ProgressionDecision/before`` at that index (a stale or already applied decision);
    /// ``HipError/Code/notFound`` when an advance/regress target is not in `catalog` (`nil`
    /// skips the check).
    @discardableResult
    public func apply(_ decision: ProgressionDecision, catalog: Catalog? = nil) throws -> Bool {
        var d = try decision.cValue()
        let status = withExtendedLifetime(catalog) { hip_progression_apply(&d, catalog?.handle, handle) }
        switch status {
        case HIP_DONE: return false
        case HIP_ERR_STATE where !hasDraft:
            throw HipError(.state, "stale decision: the latest version no longer prescribes \(decision.before.exerciseId) as decided at index \(decision.exerciseIndex)")
        case HIP_ERR_STATE:
            throw HipError(.state, "a draft is open: commit or discard it before applying a decision")
        case HIP_ERR_NOT_FOUND:
            throw HipError(.notFound, "\(decision.after.exerciseId): not in the catalog")
        default:
            try hipCheck(status, lastError)
            return true
        }
    }
}
