import Foundation

/// A tag found in a paragraph's text, in positions (Unicode scalars) of that text.
struct TagSpan: Sendable, Equatable {
    /// What a tag does.
    enum Kind: Sendable, Equatable {
        case variable, open, inverted, close
    }

    var start: Int
    var end: Int
    var kind: Kind
    var name: String
    /// The tag as typed, with quotes straightened.
    var typed: String
}

/// A value tag left in the template tree, with the run properties of its first character.
struct TagNode: Sendable {
    var id: Int
    var kind: TagSpan.Kind
    let name: String
    /// The name split at its dots, for looking it up.
    let path: TagPath
    var typed: String
    /// The run properties (`w:rPr`) of the tag's first character, written out once; empty when it has none.
    var runProperties: [UInt8]
    var location: TemplateLocation

    init(id: Int, kind: TagSpan.Kind, name: String, typed: String, runProperties: [UInt8] = [], location: TemplateLocation) {
        self.id = id
        self.kind = kind
        self.name = name
        self.path = TagPath(name)
        self.typed = typed
        self.runProperties = runProperties
        self.location = location
    }
}

/// A section, paired and grouped: its children repeat per item.
struct SectionNode: Sendable {
    /// Whether it repeats text in a paragraph, whole paragraphs, or whole table rows.
    enum Layout: Sendable { case inline, block, rows }

    var open: TagNode
    var layout: Layout
    var children: [XNode]
    var inverted: Bool { open.kind == .inverted }
}

/// Finds Mustache tags in the decoded text of one paragraph.
enum TagScanner {
    /// A problem found while scanning, at a position in the text.
    struct Issue: Sendable, Equatable {
        var message: String
        var position: Int
    }

    /// Every well-formed tag and every problem (a tag cut by a line break or a paragraph end,
    /// a stray `}}`, something between braces that is not a tag).
    static func scan(_ text: [Unicode.Scalar]) -> (tags: [TagSpan], issues: [Issue]) {
        var tags: [TagSpan] = []
        var issues: [Issue] = []
        var index = 0
        var plainStart = 0
        func reportStrayClosers(upTo end: Int) {
            var position = plainStart
            while position + 1 < end {
                if text[position] == "}" && text[position + 1] == "}" {
                    issues.append(Issue(
                        message: "“}}” has no “{{” before it in its paragraph; a tag cannot cross paragraphs",
                        position: position))
                    return
                }
                position += 1
            }
        }
        while index + 1 < text.count {
            guard text[index] == "{", text[index + 1] == "{" else {
                index += 1
                continue
            }
            reportStrayClosers(upTo: index)
            var probe = index + 2
            var closer: Int?
            var blocker: Issue?
            while probe + 1 < text.count || (probe < text.count && text[probe] == "\n") {
                let scalar = text[probe]
                if scalar == "\n" {
                    blocker = Issue(message: "the tag starting “\(snippet(text, index))” is cut by a line break",
                                    position: index)
                    break
                }
                if scalar == "{" && text[probe + 1] == "{" && probe > index + 2 {
                    blocker = Issue(message: "“{{” has no “}}” after it", position: index)
                    break
                }
                if scalar == "}" && text[probe + 1] == "}" {
                    closer = probe
                    break
                }
                probe += 1
            }
            if let blocker {
                issues.append(blocker)
                index = max(probe, index + 2)
                plainStart = index
                continue
            }
            guard var close = closer else {
                issues.append(Issue(
                    message: "the tag starting “\(snippet(text, index))” does not end in its paragraph; "
                        + "a tag cannot cross paragraphs",
                    position: index))
                return (tags, issues)
            }
            var inner = String(scalars: text[(index + 2)..<close])
            // `{{{name}}}` (Mustache's unescaped form) is filled like `{{name}}`: values are always escaped.
            if inner.hasPrefix("{"), close + 2 < text.count, text[close + 2] == "}" {
                inner.removeFirst()
                close += 1
            }
            let end = close + 2
            if let (kind, name) = parse(inner) {
                tags.append(TagSpan(start: index, end: end, kind: kind, name: name,
                                    typed: "{{" + straightened(inner) + "}}"))
            } else {
                issues.append(Issue(message: "“{{\(inner)}}” is not a tag: expected a name such as {{pupil.knownAs}}",
                                    position: index))
            }
            index = end
            plainStart = end
        }
        reportStrayClosers(upTo: text.count)
        return (tags, issues)
    }

    /// Single-brace pieces such as `{name}` (another engine's tags, not NextSteps's), as they
    /// read with line breaks and tabs taken out; outside any `{{…}}`, at most `limit`.
    static func singleBraced(_ text: [Unicode.Scalar], limit: Int = 3) -> [String] {
        var found: [String] = []
        var index = 0
        while index < text.count, found.count < limit {
            guard text[index] == "{" else { index += 1; continue }
            if index + 1 < text.count, text[index + 1] == "{" {
                // A double brace is NextSteps's own (or its problem, reported elsewhere): skip past it.
                index += 2
                while index < text.count, text[index] == "{" { index += 1 }
                continue
            }
            var probe = index + 1
            while probe < text.count, probe - index <= 60, text[probe] != "{", text[probe] != "}" { probe += 1 }
            guard probe < text.count, text[probe] == "}", probe > index + 1 else { index = probe; continue }
            let inner = text[(index + 1)..<probe].filter { $0 != "\n" && $0 != "\t" }
            if inner.contains(where: { $0.properties.isAlphabetic }) {
                found.append("{" + String(scalars: inner) + "}")
            }
            index = probe + 1
        }
        return found
    }

    /// Parses what is between the braces: an optional `#`, `^` or `/`, then a name.
    static func parse(_ inner: String) -> (TagSpan.Kind, String)? {
        // Almost every tag is plain ASCII: read on bytes. (A carriage return goes the long way,
        // where "\r\n" is one character, so the two ways never disagree.)
        if inner.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return parseASCII(Array(inner.utf8)) }
        return parseAnyText(inner)
    }

    /// `parse` for any text: by characters, with Word's quotes straightened.
    static func parseAnyText(_ inner: String) -> (TagSpan.Kind, String)? {
        var body = Substring(straightened(inner)).trimmingSpaces()
        var kind = TagSpan.Kind.variable
        switch body.first {
        case "#": kind = .open
        case "^": kind = .inverted
        case "/": kind = .close
        default: break
        }
        if kind != .variable { body = body.dropFirst().trimmingSpaces() }
        guard !body.isEmpty else { return nil }
        if body == "." { return (kind, ".") }
        let allowed = body.unicodeScalars.allSatisfy { scalar in
            // ASCII is answered without the Unicode property tables (its letters are A–Z and a–z).
            let isLetter = scalar.isASCII ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar))
                : scalar.properties.isAlphabetic
            return isLetter || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "."
        }
        guard allowed, !body.hasPrefix("."), !body.hasSuffix("."), !body.contains("..") else { return nil }
        return (kind, String(body))
    }

    /// `parse` for ASCII text without a carriage return, on bytes: the same rules, without
    /// grapheme breaking, Unicode property tables or Foundation's substring search.
    private static func parseASCII(_ bytes: [UInt8]) -> (TagSpan.Kind, String)? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        var body = bytes[...]
        func trim() {
            while let first = body.first, isSpace(first) { body.removeFirst() }
            while let last = body.last, isSpace(last) { body.removeLast() }
        }
        trim()
        var kind = TagSpan.Kind.variable
        switch body.first {
        case UInt8(ascii: "#"): kind = .open
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        default: break
        }
        if kind != .variable {
            body.removeFirst()
            trim()
        }
        guard !body.isEmpty else { return nil }
        let dot = UInt8(ascii: ".")
        if body.count == 1, body.first == dot { return (kind, ".") }
        let allowed = body.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == dot
        }
        guard allowed, body.first != dot, body.last != dot,
              !zip(body, body.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return nil }
        return (kind, String(decoding: body, as: UTF8.self))
    }

    /// Maps Word's curly quotes back to straight ones and no-break spaces to spaces.
    static func straightened(_ text: String) -> String {
        // Almost every tag is plain ASCII, which has nothing to straighten.
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": out.append("\"")
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out.append("'")
            case "\u{00A0}", "\u{202F}": out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A short piece of text around a position, on one line.
    static func snippet(_ text: [Unicode.Scalar], _ position: Int, radius: Int = 30) -> String {
        let lower = max(0, position - radius)
        let upper = min(text.count, position + radius)
        guard lower < upper else { return "" }
        var scalars = String.UnicodeScalarView()
        for scalar in text[lower..<upper] { scalars.append(scalar == "\n" || scalar == "\t" ? " " : scalar) }
        let piece = String(scalars)
        let trimmed = Substring(piece).trimmingSpaces()
        return (lower > 0 ? "…" : "") + trimmed + (upper < text.count ? "…" : "")
    }
}

extension Substring {
    /// The text without spaces, tabs, no-break spaces and line ends at either end.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
