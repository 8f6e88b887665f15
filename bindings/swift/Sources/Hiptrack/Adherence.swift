import CHiptrack

/// What ADH-3 counts as an activity (`hip_adherence_unit`). The library has no names for these;
/// the raw values are the lower-case constant suffixes.
public enum AdherenceUnit: String, Codable, Sendable, CEnumMirror {
    /// Done (capped) against prescribed reps: `sessionsPerWeek x repsPerSession` a week.
    case reps
    /// Completed sessions against the weekly session target.
    case sessions
}

/// The settings of an ``Adherence`` calculator (`hip_adherence_config`), with the library's
/// defaults (CLINICAL.md §5). The library validates them when the calculator is created.
public struct AdherenceConfiguration: Hashable, Sendable, Codable {
    /// Program day 0 (no default).
    public var startDay: CivilDate
    /// Default `.reps`.
    public var unit: AdherenceUnit
    /// ADH-4/5 threshold, 1...100, default 80.
    public var adherentPercent: Double
    /// ADH-9 target, 0...14; `nil` (the default) = the plan's sessions per week.
    public var weeklySessionTarget: Int?
    /// ADH-7: completed sessions (1...100, default 6) ...
    public var habitSessions: Int
    /// ... within this many days (1...366, default 14, so a span <= 13 days).
    public var habitWindowDays: Int
    /// ADH-6: program days of the final month, default 56...83.
    public var finalMonthFirstDay: Int
    public var finalMonthLastDay: Int
    /// Planned rest weekdays, ISO numbering: 1 = Monday ... 7 = Sunday. Default none.
    public var restWeekdays: Set<Int>

    /// The library's defaults (`hip_adherence_config_init`) for a program starting on `startDay`.
    public init(startDay: CivilDate) {
        var c = hip_adherence_config()
        hip_adherence_config_init(&c)
        self.startDay = startDay
        unit = AdherenceUnit(cValue: c.unit.rawValue) ?? .reps
        adherentPercent = c.adherent_pct
        weeklySessionTarget = c.weekly_session_target == 0 ? nil : Int(c.weekly_session_target)
        habitSessions = Int(c.habit_sessions)
        habitWindowDays = Int(c.habit_window_days)
        finalMonthFirstDay = Int(c.final_month_first_day)
        finalMonthLastDay = Int(c.final_month_last_day)
        restWeekdays = Set((1...7).filter { c.rest_weekdays & (UInt32(1) << UInt32($0)) != 0 })
    }

    func cValue() throws -> hip_adherence_config {
        var c = hip_adherence_config()
        hip_adherence_config_init(&c)
        c.start_day = startDay.dayNumber
        c.unit = hip_adherence_unit(rawValue: unit.cValue)
        c.adherent_pct = adherentPercent
        c.weekly_session_target = try uint32(weeklySessionTarget ?? 0, field: "weekly_session_target")
        c.habit_sessions = try uint32(habitSessions, field: "habit_sessions")
        c.habit_window_days = try uint32(habitWindowDays, field: "habit_window_days")
        c.final_month_first_day = try uint32(finalMonthFirstDay, field: "final_month_first_day")
        c.final_month_last_day = try uint32(finalMonthLastDay, field: "final_month_last_day")
        var mask: UInt32 = 0
        for d in restWeekdays {
            guard (1...7).contains(d) else {
                throw HipError(.invalid, "rest_weekdays: \(d) is not an ISO weekday 1..7")
            }
            mask |= UInt32(1) << UInt32(d)
        }
        c.rest_weekdays = mask
        return c
    }
}

/// One logged session as adherence sees it (`hip_adherence_session`).
public struct AdherenceSession: Hashable, Sendable, Codable {
    /// The local calendar day of its start.
    public var day: CivilDate
    /// It met the completion rule (``SessionSummary/completed``).
    public var completed: Bool
    /// Active minutes.
    public var minutes: Double
    /// As ``SessionSummary/prescribedReps``.
    public var prescribedReps: Int
    /// As ``SessionSummary/doneRepsCapped`` (at most `prescribedReps`).
    public var doneReps: Int

    public init(day: CivilDate, completed: Bool = true, minutes: Double = 0, prescribedReps: Int = 0,
                doneReps: Int = 0) {
        self.day = day
        self.completed = completed
        self.minutes = minutes
        self.prescribedReps = prescribedReps
        self.doneReps = doneReps
    }

    /// From a finished ``Session`` (`hip_adherence_session_from`): ``HipError/Code/state``
    /// otherwise.
    public init(session: Session) throws {
        var s = hip_adherence_session()
        let status = hip_adherence_session_from(session.handle, &s)
        try hipCheck(status, status == HIP_ERR_STATE ? "the session is not finished" : session.lastError)
        self.init(day: try CivilDate(dayNumber: s.day), completed: s.completed != 0, minutes: s.minutes,
                  prescribedReps: Int(s.prescribed_reps), doneReps: Int(s.done_reps))
    }

    func cValue() throws -> hip_adherence_session {
        var s = hip_adherence_session()
        s.day = day.dayNumber
        s.completed = completed ? 1 : 0
        s.minutes = minutes
        s.prescribed_reps = try uint32(prescribedReps, field: "prescribed_reps")
        s.done_reps = try uint32(doneReps, field: "done_reps")
        return s
    }
}

/// One program version as adherence sees it (`hip_adherence_plan`).
public struct AdherencePlan: Hashable, Sendable, Codable {
    public var effective: CivilDate
    /// 1...14.
    public var sessionsPerWeek: Int
    /// Prescribed reps of one session (hold-only: 1 per set).
    public var repsPerSession: Int

    public init(effective: CivilDate, sessionsPerWeek: Int, repsPerSession: Int = 0) {
        self.effective = effective
        self.sessionsPerWeek = sessionsPerWeek
        self.repsPerSession = repsPerSession
    }

    /// From the version at `versionIndex` of a program (`hip_adherence_plan_from_program`): reps
    /// per session = sum of sets x reps (x 1 for a hold-only exercise).
    public init(program: Program, versionAt versionIndex: Int) throws {
        guard versionIndex >= 0 else { throw HipError(.range, "version index \(versionIndex) is negative") }
        var p = hip_adherence_plan()
        try hipCheck(hip_adherence_plan_from_program(program.handle, versionIndex, &p),
                     "version index \(versionIndex): the program has \(program.versionCount) versions")
        self.init(effective: try CivilDate(dayNumber: p.effective_day), sessionsPerWeek: Int(p.sessions_per_week),
                  repsPerSession: Int(p.reps_per_session))
    }

    func cValue() throws -> hip_adherence_plan {
        var p = hip_adherence_plan()
        p.effective_day = effective.dayNumber
        p.sessions_per_week = try uint32(sessionsPerWeek, field: "sessions_per_week")
        p.reps_per_session = try uint32(repsPerSession, field: "reps_per_session")
        return p
    }
}

/// A flare pause: days `first` through `last` inclusive (`hip_adherence_pause`).
public struct AdherencePause: Hashable, Sendable, Codable {
    public var first: CivilDate
    public var last: CivilDate
    public init(first: CivilDate, last: CivilDate) {
        self.first = first
        self.last = last
    }
    var cValue: hip_adherence_pause { hip_adherence_pause(first_day: first.dayNumber, last_day: last.dayNumber) }
}

/// One program week (`hip_adherence_week`): ADH-1, ADH-3, ADH-4 and the ADH-9 input.
public struct AdherenceWeek: Hashable, Sendable, Codable {
    /// 1-based program week.
    public var week: Int
    /// Its first calendar day.
    public var firstDay: CivilDate
    public var sessionsLogged: Int
    /// ADH-1.
    public var sessionsCompleted: Int
    /// 0...7.
    public var pausedDays: Int
    /// All 7 days paused.
    public var excused: Bool
    /// Scaled by the paused days, rounded half up.
    public var sessionTarget: Int
    /// sessionsCompleted >= sessionTarget (false when excused).
    public var targetMet: Bool
    /// Activities prescribed (in the unit), scaled by the paused days.
    public var prescribed: Double
    /// Activities done, at most prescribed.
    public var done: Double
    /// ADH-3: 100 x done / prescribed; `nil` when not evaluable (nothing prescribed).
    public var completionPercent: Double?
    /// ADH-4: evaluable and completionPercent >= the adherent threshold.
    public var adherent: Bool
    public var minutes: Double

    init(_ w: hip_adherence_week) {
        week = Int(w.week)
        firstDay = (try? CivilDate(dayNumber: w.first_day)) ?? (try! CivilDate(dayNumber: 0))
        sessionsLogged = Int(w.sessions_logged)
        sessionsCompleted = Int(w.sessions_completed)
        pausedDays = Int(w.paused_days)
        excused = w.excused != 0
        sessionTarget = Int(w.session_target)
        targetMet = w.target_met != 0
        prescribed = w.prescribed
        done = w.done
        completionPercent = w.evaluable != 0 ? w.completion_pct : nil
        adherent = w.adherent != 0
        minutes = w.minutes
    }

    /// Whether ADH-3 can be computed for this week.
    public var evaluable: Bool { completionPercent != nil }
}

/// Counts over a day range (`hip_adherence_range`).
public struct AdherenceRange: Hashable, Sendable, Codable {
    public var first: CivilDate
    public var last: CivilDate
    public var sessionsLogged: Int
    public var sessionsCompleted: Int
    /// Distinct days with at least one completed session.
    public var exerciseDays: Int
    /// Of every logged session.
    public var minutes: Double

    init(_ r: hip_adherence_range) {
        first = (try? CivilDate(dayNumber: r.first_day)) ?? (try! CivilDate(dayNumber: 0))
        last = (try? CivilDate(dayNumber: r.last_day)) ?? first
        sessionsLogged = Int(r.sessions_logged)
        sessionsCompleted = Int(r.sessions_completed)
        exerciseDays = Int(r.exercise_days)
        minutes = r.minutes
    }
}

/// Every metric as of a day (`hip_adherence_report`). Results that may not exist are optional.
public struct AdherenceReport: Hashable, Sendable, Codable {
    public var today: CivilDate
    /// Program week of today.
    public var currentWeek: Int
    /// ADH-2.
    public var sessionsPerWeek: Double
    /// ADH-5: the week of the poor-adherence event, or `nil`.
    public var poorAdherenceWeek: Int?
    /// ADH-6.
    public var finalMonthCompleted: Bool
    /// ADH-7: the day the habit point was reached, or `nil`.
    public var habitDay: CivilDate?
    /// ADH-8.
    public var dayStreak: Int
    /// ADH-9 (0 when no target is known).
    public var weekStreak: Int
    /// ADH-10.
    public var exerciseDaysLast14: Int
    /// ADH-11.
    public var activeWeeks: Int
    /// ADH-12.
    public var cumulativeMinutes: Double
    /// Completed sessions from the start day through today.
    public var sessionsCompleted: Int

    init(_ r: hip_adherence_report) {
        today = (try? CivilDate(dayNumber: r.today)) ?? (try! CivilDate(dayNumber: 0))
        currentWeek = Int(r.current_week)
        sessionsPerWeek = r.sessions_per_week
        poorAdherenceWeek = r.has_poor_adherence != 0 ? Int(r.poor_adherence_week) : nil
        finalMonthCompleted = r.final_month_completed != 0
        habitDay = r.habit_reached != 0 ? try? CivilDate(dayNumber: r.habit_day) : nil
        dayStreak = Int(r.day_streak)
        weekStreak = Int(r.week_streak)
        exerciseDaysLast14 = Int(r.exercise_days_last_14)
        activeWeeks = Int(r.active_weeks)
        cumulativeMinutes = r.cumulative_minutes
        sessionsCompleted = Int(r.sessions_completed)
    }
}

/// Adherence and engagement metrics (`hip_adherence`, CLINICAL.md §5 ADH-1...ADH-12) over a
/// program history: sessions, program versions, planned rest days and flare pauses go in as plain
/// values (copied into the calculator), and every metric takes `today` (there is no clock).
///
/// ```swift
/// let adherence = try Adherence(configuration: AdherenceConfiguration(startDay: start))
/// try adherence.setPlan([try AdherencePlan(program: program, versionAt: 0)])
/// try adherence.setSessions(finishedSessions.map { try AdherenceSession(session: $0) })
/// let report = try adherence.report(on: today)
/// print(report.sessionsPerWeek, report.dayStreak, report.habitDay as Any)
/// ```
///
/// Rest days and pauses are tolerated: an excused day neither breaks nor extends the day streak,
/// and a paused week's targets are scaled (see docs/adherence.md). Results that do not exist
/// (no poor-adherence event, habit point not reached, a week with nothing prescribed) are `nil`
/// rather than errors. Not thread-safe: use one calculator from one thread at a time.
public final class Adherence {
    let handle: OpaquePointer
    /// The settings the calculator was created with.
    public let configuration: AdherenceConfiguration

    /// Items per input array, at most.
    public static let maxItems = Int(HIPTRACK_ADHERENCE_MAX_ITEMS)

    /// A calculator; ``HipError/Code/invalid`` for settings out of range.
    public init(configuration: AdherenceConfiguration) throws {
        var c = try configuration.cValue()
        var out: OpaquePointer?
        try hipCheck(hip_adherence_create(&c, &out),
                     "invalid adherence configuration (adherent_pct 1..100, weekly_session_target 0..14, habit_sessions 1..100, habit_window_days 1..366, final month first <= last)")
        handle = out!
        self.configuration = configuration
    }

    /// A calculator with the default settings for a program starting on `startDay`.
    public convenience init(startDay: CivilDate) throws {
        try self.init(configuration: AdherenceConfiguration(startDay: startDay))
    }

    deinit { hip_adherence_destroy(handle) }

    /// The message of the last failed call ("" if none).
    public var lastError: String { lastErrorString(hip_adherence_last_error(handle)) }

    // MARK: Inputs (each call replaces that input; all or nothing)

    /// Replaces the logged sessions (any order).
    public func setSessions(_ sessions: [AdherenceSession]) throws {
        let c = try sessions.enumerated().map { i, s -> hip_adherence_session in
            do { return try s.cValue() } catch let e as HipError { throw HipError(e.code, "sessions[\(i)].\(e.message)") }
        }
        try hipCheck(c.withUnsafeBufferPointer { hip_adherence_set_sessions(handle, $0.baseAddress, $0.count) }, lastError)
    }

    /// Replaces the program history (effective days must not decrease). Weeks before the first
    /// version use the first.
    public func setPlan(_ plan: [AdherencePlan]) throws {
        let c = try plan.enumerated().map { i, p -> hip_adherence_plan in
            do { return try p.cValue() } catch let e as HipError { throw HipError(e.code, "plan[\(i)].\(e.message)") }
        }
        try hipCheck(c.withUnsafeBufferPointer { hip_adherence_set_plan(handle, $0.baseAddress, $0.count) }, lastError)
    }

    /// Replaces the single planned rest days (besides the configuration's rest weekdays).
    public func setRestDays(_ days: [CivilDate]) throws {
        let c = days.map(\.dayNumber)
        try hipCheck(c.withUnsafeBufferPointer { hip_adherence_set_rest_days(handle, $0.baseAddress, $0.count) }, lastError)
    }

    /// Replaces the flare pauses (overlapping or adjacent pauses merge).
    public func setPauses(_ pauses: [AdherencePause]) throws {
        let c = pauses.map(\.cValue)
        try hipCheck(c.withUnsafeBufferPointer { hip_adherence_set_pauses(handle, $0.baseAddress, $0.count) }, lastError)
    }

    // MARK: Metrics

    /// ADH-3/4 arithmetic: 100 x done / prescribed, or `nil` when nothing is prescribed (not
    /// evaluable); ``HipError/Code/range`` for negative or non-finite values or done > prescribed.
    public static func completionPercent(done: Double, prescribed: Double) throws -> Double? {
        var pct = 0.0
        let status = hip_adherence_completion_pct(done, prescribed, &pct)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, "done \(done), prescribed \(prescribed): expected finite 0 <= done <= prescribed")
        return pct
    }

    /// ADH-1, 3, 4 and the ADH-9 inputs for program week `week` (>= 1). ``HipError/Code/state``
    /// when the unit needs a plan (reps, or a target from the plan) and none is set.
    public func week(_ week: Int) throws -> AdherenceWeek {
        guard let w = UInt32(exactly: week) else { throw HipError(.range, "week \(week): expected 1..") }
        var out = hip_adherence_week()
        try hipCheck(hip_adherence_week_at(handle, w, &out), lastError)
        return AdherenceWeek(out)
    }

    /// ADH-2: completed sessions from the start through `today` / max(1, ceil(days elapsed / 7)).
    /// ``HipError/Code/range`` when today is before the start (as every metric taking `today`).
    public func sessionsPerWeek(today: CivilDate) throws -> Double {
        var out = 0.0
        try hipCheck(hip_adherence_sessions_per_week(handle, today.dayNumber, &out), lastError)
        return out
    }

    /// ADH-5: the first complete week (ending before today) whose completion and the previous
    /// evaluable week's are both below the threshold; `nil` when there is none.
    public func poorAdherenceWeek(today: CivilDate) throws -> Int? {
        var out: UInt32 = 0
        let status = hip_adherence_poor_adherence(handle, today.dayNumber, &out)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, lastError)
        return Int(out)
    }

    /// ADH-6: whether a completed session falls on the final month's program days.
    public func finalMonthCompleted() throws -> Bool {
        var out: Int32 = 0
        try hipCheck(hip_adherence_final_month(handle, &out), lastError)
        return out != 0
    }

    /// ADH-7: the day of the session that first closes the habit (6 completed sessions within 14
    /// days by default), or `nil` when not reached by `today`.
    public func habitPoint(today: CivilDate) throws -> CivilDate? {
        var out: Int32 = 0
        let status = hip_adherence_habit_point(handle, today.dayNumber, &out)
        if status == HIP_ERR_NOT_FOUND { return nil }
        try hipCheck(status, lastError)
        return try CivilDate(dayNumber: out)
    }

    /// ADH-8: days with a completed session in a row ending today, or yesterday when today has
    /// none yet; excused days are skipped.
    public func dayStreak(today: CivilDate) throws -> Int {
        var out: UInt32 = 0
        try hipCheck(hip_adherence_day_streak(handle, today.dayNumber, &out), lastError)
        return Int(out)
    }

    /// ADH-9: program weeks in a row meeting the session target, ending at today's week if met,
    /// else at the previous week; excused weeks are skipped. ``HipError/Code/state`` without a
    /// plan or a configured target.
    public func weekStreak(today: CivilDate) throws -> Int {
        var out: UInt32 = 0
        try hipCheck(hip_adherence_week_streak(handle, today.dayNumber, &out), lastError)
        return Int(out)
    }

    /// Counts over `first` through `last` (``HipError/Code/range`` when last < first).
    public func rangeStats(from first: CivilDate, through last: CivilDate) throws -> AdherenceRange {
        var out = hip_adherence_range()
        try hipCheck(hip_adherence_range_stats(handle, first.dayNumber, last.dayNumber, &out), lastError)
        return AdherenceRange(out)
    }

    /// ADH-10: distinct days with a completed session on today-13 through today.
    public func exerciseDaysLast14(today: CivilDate) throws -> Int {
        var out: UInt32 = 0
        try hipCheck(hip_adherence_exercise_days_last_14(handle, today.dayNumber, &out), lastError)
        return Int(out)
    }

    /// ADH-11: program weeks 1 through today's week with at least one completed session.
    public func activeWeeks(today: CivilDate) throws -> Int {
        var out: UInt32 = 0
        try hipCheck(hip_adherence_active_weeks(handle, today.dayNumber, &out), lastError)
        return Int(out)
    }

    /// ADH-12: minutes of every logged session from the start through today.
    public func cumulativeMinutes(today: CivilDate) throws -> Double {
        var out = 0.0
        try hipCheck(hip_adherence_cumulative_minutes(handle, today.dayNumber, &out), lastError)
        return out
    }

    /// Every metric as of `today` (``HipError/Code/range`` when today is before the start).
    public func report(on today: CivilDate) throws -> AdherenceReport {
        var out = hip_adherence_report()
        try hipCheck(hip_adherence_report_on(handle, today.dayNumber, &out), lastError)
        return AdherenceReport(out)
    }
}
