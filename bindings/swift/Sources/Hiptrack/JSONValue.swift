#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON document tree, used to give ``Catalog`` and ``Program`` a `Codable` form that *is* the
/// library's JSON document: encoding exports the library's JSON text and replays it into the
/// encoder as a tree; decoding reads a tree from the decoder, writes it as JSON text and imports
/// it with the library's strict reader (so every validation rule and field-path message applies).
enum JSONValue: Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            self = .object(try keyed.allKeys.map { ($0.stringValue, try keyed.decode(JSONValue.self, forKey: $0)) })
        } else if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int64.self) { self = .integer(i) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else { self = .string(try c.decode(String.self)) }
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer(); try c.encode(b)
        case .integer(let i):
            var c = encoder.singleValueContainer(); try c.encode(i)
        case .number(let d):
            var c = encoder.singleValueContainer(); try c.encode(d)
        case .string(let s):
            var c = encoder.singleValueContainer(); try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let members):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try c.encode(value, forKey: Key(key)) }
        }
    }

    /// Parses library JSON text.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// JSON text for the library's reader.
    func text() throws -> Data { try JSONEncoder().encode(self) }
}

/// Decodes a library document from any decoder and hands its JSON text to `importer`; a library
/// error becomes `DecodingError.dataCorrupted` with the ``HipError`` as the underlying error.
func decodeLibraryDocument(from decoder: any Decoder, _ importer: (Data) throws -> Void) throws {
    let tree = try JSONValue(from: decoder)
    do {
        try importer(try tree.text())
    } catch let error as HipError {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                debugDescription: error.description, underlyingError: error))
    }
}

/// Encodes library JSON text into any encoder as a tree.
func encodeLibraryDocument(_ text: String, to encoder: any Encoder) throws {
    try JSONValue.parse(text).encode(to: encoder)
}
