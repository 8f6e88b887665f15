import CHiptrack

// Fixed-size C char arrays (imported as tuples) <-> String. Reading stops at the first NUL and
// decodes UTF-8 with replacement (never traps); writing refuses strings that do not fit (with the
// NUL) or contain a NUL instead of truncating them: a truncated id could name another exercise.

func stringFromCChars<T>(_ chars: T) -> String {
    withUnsafeBytes(of: chars) { raw in
        let end = raw.firstIndex(of: 0) ?? raw.count
        return String(decoding: raw[..<end], as: UTF8.self)
    }
}

func storeCChars<T>(_ value: String, into chars: inout T, field: String) throws {
    let capacity = MemoryLayout<T>.size
    let bytes = Array(value.utf8)
    if bytes.contains(0) {
        throw HipError(.invalid, "\(field): contains a NUL character")
    }
    if bytes.count >= capacity {
        throw HipError(.invalid, "\(field): \(bytes.count) bytes of UTF-8, at most \(capacity - 1) fit")
    }
    withUnsafeMutableBytes(of: &chars) { raw in
        for i in raw.indices { raw[i] = 0 }
        raw.copyBytes(from: bytes)
    }
}

/// Calls body with a C string of value, refusing embedded NULs (C would silently cut the string).
func withCheckedCString<R>(_ value: String, field: String,
                           _ body: (UnsafePointer<CChar>) throws -> R) throws -> R {
    if value.utf8.contains(0) { throw HipError(.invalid, "\(field): contains a NUL character") }
    return try value.withCString(body)
}

func uint32(_ value: Int, field: String) throws -> UInt32 {
    guard let v = UInt32(exactly: value) else {
        throw HipError(.invalid, "\(field): \(value) is out of range")
    }
    return v
}
