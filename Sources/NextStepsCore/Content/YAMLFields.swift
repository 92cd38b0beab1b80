import Yams

/// A pupil-facing piece of text and where it was written, so the lint can point at it.
public struct TextSite: Sendable, Equatable {
    /// What kind of text it is: a question (step text), a label, a sentence of a card, a phrase.
    public enum Role: String, Sendable {
        /// Words before and including a question.
        case question
        /// A short label: an option, a card title, a topic title.
        case label
        /// Sentences shown to read (a plan, a card).
        case sentences
    }
    /// The file the text is in.
    public var file: String
    /// The line of the text.
    public var line: Int?
    /// What a text belongs to, so the lint and the reading-ease figures never guess it from a
    /// file's name or a title, and a school layer's replacement drops the texts it replaces.
    public enum Owner: Sendable, Hashable {
        /// A topic, by id.
        case topic(String)
        /// A card, by id.
        case card(String)
        /// One of the program's phrases.
        case phrase(PhraseKey)
        /// A point of the default scale, by id.
        case scale(String)
        /// A fact's words, by id.
        case fact(String)
    }
    /// The text itself.
    public var text: String
    /// How the lint reads it.
    public var role: Role
    /// What the text belongs to.
    public var owner: Owner?

    /// Makes a site.
    public init(file: String, line: Int?, text: String, role: Role, owner: Owner? = nil) {
        self.file = file; self.line = line; self.text = text; self.role = role; self.owner = owner
    }
}

/// The versions of the content format, the way a story format is versioned: every content file
/// says its `format:`, and a file newer than `current` or older than `minimum` is refused with a
/// clear message rather than read wrongly.
public enum ContentFormat {
    /// The format this program writes about in docs/content-format.md: 2 added `facts.yaml`,
    /// `{fact:id}` in cards and topics, and the lint's `hard-words`, `negative-words` and
    /// `joining-words` lists.
    public static let current = 2
    /// The oldest format this program still reads (format 1 has no facts).
    public static let minimum = 1
}

/// Reads the fields of one YAML mapping, reporting each problem with its line.
struct YAMLFields {
    let mapping: Node.Mapping
    let file: String
    let line: Int?
    let problems: ProblemList
    let what: String

    init?(_ node: Node, file: String, problems: ProblemList, what: String) {
        guard case .mapping(let mapping) = node else {
            problems.add(file, node.mark?.line, "\(what) should be a set of `name: value` lines")
            return nil
        }
        self.mapping = mapping; self.file = file; self.line = node.mark?.line
        self.problems = problems; self.what = what
    }

    /// The value for `key`, matched on the key's text (so `yes:` and `"yes":` are the same key).
    func node(_ key: String) -> Node? {
        for (name, value) in mapping {
            if case .scalar(let scalar) = name, scalar.string == key { return value }
        }
        return nil
    }

    func lineOf(_ key: String) -> Int? { node(key)?.mark?.line ?? line }

    /// A required or optional single line of text.
    func string(_ key: String, required: Bool = true) -> String? {
        guard let node = node(key) else {
            if required { problems.add(file, line, "\(what) has no `\(key)`") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            problems.add(file, node.mark?.line, "`\(key)` of \(what) should be a single value")
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty && required { problems.add(file, node.mark?.line, "`\(key)` of \(what) is empty") }
        return value
    }

    /// An id: lower-case letters, digits and hyphens.
    func id(_ key: String = "id") -> String? {
        guard let value = string(key) else { return nil }
        if !ContentID.isValid(value) {
            problems.add(file, lineOf(key), "`\(key)` \"\(value)\" of \(what) should be lower-case words joined by -")
        }
        return value
    }

    /// A list of single values (`[a, b]` or one item a line).
    func strings(_ key: String, required: Bool = true) -> [(String, Int?)] {
        guard let node = node(key) else {
            if required { problems.add(file, line, "\(what) has no `\(key)`") }
            return []
        }
        guard case .sequence(let sequence) = node else {
            problems.add(file, node.mark?.line, "`\(key)` of \(what) should be a list")
            return []
        }
        var out: [(String, Int?)] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                problems.add(file, item.mark?.line, "each item of `\(key)` should be a single value")
                continue
            }
            out.append((scalar.string.trimmingCharacters(in: .whitespacesAndNewlines), item.mark?.line))
        }
        return out
    }

    /// A list of mappings.
    func maps(_ key: String, what itemWhat: String, required: Bool = true) -> [YAMLFields] {
        guard let node = node(key) else {
            if required { problems.add(file, line, "\(what) has no `\(key)`") }
            return []
        }
        guard case .sequence(let sequence) = node else {
            problems.add(file, node.mark?.line, "`\(key)` of \(what) should be a list")
            return []
        }
        return sequence.compactMap { YAMLFields($0, file: file, problems: problems, what: itemWhat) }
    }

    /// Reports keys that are not known, so a misspelt key is not silently ignored.
    func refuseUnknownKeys(_ known: Set<String>) {
        for (key, _) in mapping {
            guard case .scalar(let scalar) = key else { continue }
            if !known.contains(scalar.string) {
                problems.add(file, key.mark?.line, "\(what) has an unknown field `\(scalar.string)` (known: \(known.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// Checks `format:` against the formats this program reads; the format, when it can be read.
    @discardableResult
    func checkFormat() -> Int? {
        guard let text = string("format") else { return nil }
        let readable = "this NextSteps reads formats \(ContentFormat.minimum) to \(ContentFormat.current)"
        guard let format = Int(text) else {
            problems.add(file, lineOf("format"), "format \(text) is not a whole number; \(readable)")
            return nil
        }
        if format > ContentFormat.current {
            problems.add(file, lineOf("format"), "format \(format) is newer than \(readable): install a newer NextSteps to use this file")
            return nil
        }
        if format < ContentFormat.minimum {
            problems.add(file, lineOf("format"), "format \(format) is older than \(readable): see docs/content-format.md for what changed")
            return nil
        }
        return format
    }
}

/// The shape of ids in content.
enum ContentID {
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
