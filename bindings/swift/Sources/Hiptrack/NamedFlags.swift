import CHiptrack

/// A set of flags that the library names one by one (`hip_category_name`, `hip_pain_symptom_name`,
/// `hip_rep_flag_name`): the names of the flags set, in flag order, and the flags back from names.
public protocol NamedFlags: OptionSet, CustomStringConvertible where RawValue == UInt32 {
    /// The library's name of one flag bit ("unknown" for a bit the library does not define).
    static func libraryName(ofFlag flag: UInt32) -> String
}

extension NamedFlags {
    /// The library's names of the flags set, in flag order (`["strength", "functional"]`).
    public var names: [String] {
        (0..<32).compactMap { bit -> String? in
            let flag = UInt32(1) << UInt32(bit)
            return rawValue & flag != 0 ? Self.libraryName(ofFlag: flag) : nil
        }
    }

    /// Flags from the library's names; `nil` if a name is unknown.
    public init?(names: [String]) {
        var value: UInt32 = 0
        for name in names {
            guard name != "unknown",
                  let bit = (0..<32).first(where: { Self.libraryName(ofFlag: UInt32(1) << UInt32($0)) == name })
            else { return nil }
            value |= UInt32(1) << UInt32(bit)
        }
        self.init(rawValue: value)
    }

    public var description: String { names.joined(separator: ",") }
}
