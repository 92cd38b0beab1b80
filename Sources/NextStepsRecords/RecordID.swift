/// A record's id as the store gives it: a number, typed by what it names, so that a pupil's id
/// cannot be passed where an answer's is expected. Each encodes as a plain integer, so the JSON
/// export and records made before ids were typed read the same.
public protocol RecordID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral
where IntegerLiteralType == Int64 {
    /// The number the store gave.
    var rawValue: Int64 { get }
    /// The id with this number.
    init(_ rawValue: Int64)
}

extension RecordID {
    /// The id with this number, written in a test or a fixture.
    public init(integerLiteral value: Int64) { self.init(value) }

    /// Reads the id from a plain integer.
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(Int64.self)) }

    /// Writes the id as a plain integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Ids in the order the store gave them.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The number, as the store and the exports show it.
    public var description: String { String(rawValue) }
}

/// A pupil's id.
public struct PupilID: RecordID {
    /// The number the store gave.
    public let rawValue: Int64
    /// The id with this number.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
}

/// A sitting's id.
public struct SittingID: RecordID {
    /// The number the store gave.
    public let rawValue: Int64
    /// The id with this number.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
}

/// An answer's (or an adult's note's) id.
public struct AnswerID: RecordID {
    /// The number the store gave.
    public let rawValue: Int64
    /// The id with this number.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
}

/// A supporting adult's id.
public struct AdultID: RecordID {
    /// The number the store gave.
    public let rawValue: Int64
    /// The id with this number.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
}

/// A careers entry's id (advice, an action, an encounter, a destination, a sharing choice …).
/// Each kind of entry has its own table, so an id names an entry only together with its kind.
public struct EntryID: RecordID {
    /// The number the store gave.
    public let rawValue: Int64
    /// The id with this number.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
}
