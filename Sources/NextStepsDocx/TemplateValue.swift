/// A value for Mustache-style tags: text, yes/no, a list, an object of named values, or nothing.
/// (Not `indirect`: lists and objects keep their values in their own storage already, and a
/// boxed case would cost an allocation for every text of every answer.)
public enum TemplateValue: Sendable, Equatable {
    /// Text shown where a tag stands.
    case text(String)
    /// A yes/no switch for sections.
    case bool(Bool)
    /// Items that a section repeats over.
    case list([TemplateValue])
    /// Named values, found by `{{name}}` and dotted names such as `{{pupil.knownAs}}`.
    case object([String: TemplateValue])
    /// No value: shows as nothing and hides a section.
    case null

    /// The text a tag shows for this value (lists join their items with ", ").
    var displayText: String {
        switch self {
        case .text(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return items.map(\.displayText).filter { !$0.isEmpty }.joined(separator: ", ")
        case .object, .null: return ""
        }
    }

    /// Whether a section over this value shows nothing (false, null, an empty list or empty text).
    var isFalsy: Bool {
        switch self {
        case .bool(let flag): return !flag
        case .null: return true
        case .list(let items): return items.isEmpty
        case .text(let text): return text.isEmpty
        case .object: return false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// Makes a `.text` value from a string literal.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// Makes a `.bool` value from `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// Makes a `.list` value from an array literal.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Makes an `.object` value from a dictionary literal (a later duplicate key wins).
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// Makes `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

/// The Mustache context stack: the innermost value first, then the ones around it.
struct ContextStack {
    private(set) var frames: [TemplateValue]

    init(root: TemplateValue) { frames = [root] }

    /// A new stack with `value` as the innermost context.
    func pushing(_ value: TemplateValue) -> ContextStack {
        var copy = self
        copy.frames.append(value)
        return copy
    }

    /// Looks a name up as Mustache does: `.` is the current item; for `a.b.c` the first
    /// context (innermost outward) that has `a` is used, then `b` and `c` are looked up inside it.
    func lookup(_ path: TagPath) -> TemplateValue {
        guard let first = path.keys.first else { return frames.last ?? .null }
        for case .object(let fields) in frames.reversed() {
            guard var value = fields[first] else { continue }
            for key in path.keys.dropFirst() {
                guard case .object(let inner) = value, let next = inner[key] else { return .null }
                value = next
            }
            return value
        }
        return .null
    }
}

/// A tag's name split at its dots, once, when the template is read: `.` (the current item)
/// has no keys.
struct TagPath: Sendable, Equatable {
    let keys: [String]

    init(_ name: String) {
        if name == "." {
            keys = []
        } else if !name.utf8.contains(UInt8(ascii: ".")) {
            keys = [name]
        } else {
            keys = name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }
}
