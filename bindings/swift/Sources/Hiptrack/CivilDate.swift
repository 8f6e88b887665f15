import CHiptrack

/// A calendar day in the member's local calendar (proleptic Gregorian, years 1...9999), as the
/// library's day number (days since 1970-01-01).
///
/// Program versions take effect on a `CivilDate`; instants (sensor timestamps) are `Int64`
/// nanoseconds instead. A `CivilDate` always holds a valid day. Its `Codable` form is the
/// `"YYYY-MM-DD"` string that the library's JSON documents use.
///
/// ```swift
/// let start = try CivilDate(year: 2026, month: 11, day: 2)
/// start.dayNumber           // 20759
/// try CivilDate("2026-11-09") - start   // 7
/// ```
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (`hip_date` day number).
    public let dayNumber: Int32

    /// The date of a day number; throws ``HipError/Code/range`` outside years 1...9999.
    public init(dayNumber: Int32) throws {
        var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0
        try hipCheck(hip_date_to_ymd(dayNumber, &y, &m, &d), "day \(dayNumber) is outside years 1..9999")
        self.dayNumber = dayNumber
    }

    /// Throws ``HipError/Code/range`` for a day that does not exist (2026-02-29, month 13, year 0).
    public init(year: Int, month: Int, day: Int) throws {
        guard let y = Int32(exactly: year), let m = Int32(exactly: month), let d = Int32(exactly: day) else {
            throw HipError(.range, "\(year)-\(month)-\(day) is not a date")
        }
        var n: Int32 = 0
        try hipCheck(hip_date_from_ymd(y, m, d, &n), "\(year)-\(month)-\(day) is not a date")
        dayNumber = n
    }

    /// Parses exactly `"YYYY-MM-DD"`: ``HipError/Code/format`` for other text,
    /// ``HipError/Code/range`` for a day that does not exist.
    public init(_ text: String) throws {
        var n: Int32 = 0
        let status = try withCheckedCString(text, field: "date") { hip_date_parse($0, &n) }
        try hipCheck(status, status == HIP_ERR_FORMAT ? "\"\(text)\" is not YYYY-MM-DD" : "\"\(text)\" is not a date")
        dayNumber = n
    }

    /// (year, month 1...12, day 1...31).
    public var components: (year: Int, month: Int, day: Int) {
        var y: Int32 = 0, m: Int32 = 0, d: Int32 = 0
        _ = hip_date_to_ymd(dayNumber, &y, &m, &d)   // cannot fail: dayNumber was checked
        return (Int(y), Int(m), Int(d))
    }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int { Int(hip_date_weekday(dayNumber)) }

    /// The date `days` later (earlier when negative); throws outside years 1...9999.
    public func adding(days: Int) throws -> CivilDate {
        guard let n = Int32(exactly: Int(dayNumber) + days) else {
            throw HipError(.range, "day \(Int(dayNumber) + days) is outside years 1..9999")
        }
        return try CivilDate(dayNumber: n)
    }

    /// Days from `b` to `a`.
    public static func - (a: CivilDate, b: CivilDate) -> Int { Int(a.dayNumber) - Int(b.dayNumber) }
    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    /// `"YYYY-MM-DD"`.
    public var description: String {
        var buf = [CChar](repeating: 0, count: Int(HIPTRACK_DATE_CAP))
        _ = hip_date_format(dayNumber, &buf, buf.count)
        return String(cString: buf)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch let error as HipError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: error.message, underlyingError: error))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
