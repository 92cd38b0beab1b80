/// Escaping and unescaping of XML character data, and turning a value into run content.
enum XMLText {
    /// Decodes the name between `&` and `;`: one of the five entities or a character reference.
    static func decodeReference(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, let scalar = Unicode.Scalar(value), isAllowed(scalar) else { return nil }
            return String(Character(scalar))
        }
    }

    /// Decodes escaped character data (already checked by the reader).
    static func unescape(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "&")) else { return raw }
        var out = ""
        var rest = Substring(raw)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"),
                  let decoded = decodeReference(String(rest[rest.index(after: amp)..<semicolon])) else {
                out += rest[amp...]
                return out
            }
            out += decoded
            rest = rest[rest.index(after: semicolon)...]
        }
        out += rest
        return out
    }

    /// Escapes text for character data or a double-quoted attribute value.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isSpecial) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a byte is one of the five characters `escape` replaces (all ASCII, so a byte of
    /// UTF-8 text is one of them only where that character stands).
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Appends `text` escaped as `escape` does, as UTF-8 bytes.
    static func appendEscaped(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 { appendEscaped(byte, into: &out) }
    }

    /// Appends one byte of UTF-8 text, escaped.
    @inline(__always)
    static func appendEscaped(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case 0x26: out.append(contentsOf: ampersand)
        case 0x3C: out.append(contentsOf: lessThan)
        case 0x3E: out.append(contentsOf: greaterThan)
        case 0x22: out.append(contentsOf: quote)
        case 0x27: out.append(contentsOf: apostrophe)
        default: out.append(byte)
        }
    }

    /// Whether XML 1.0 allows this character.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00...0x1F: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Makes a value safe for Word: line endings become `\n`, U+000B and U+000C become a
    /// line break, and the other characters XML 1.0 forbids are removed.
    static func sanitize(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0D: out.append("\n")
            case 0x0A: if !previousWasCR { out.append("\n") }
            case 0x0B, 0x0C: out.append("\n")
            default: if isAllowed(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// A `w:t` element holding `text`, with `xml:space="preserve"`.
    static func textElement(_ text: String, attributes: [XAttribute] = []) -> XNode {
        var element = XElement(name: "w:t", attributes: attributes, children: [.text(escape(text))])
        element.setAttribute("xml:space", "preserve")
        return .element(element)
    }

    /// Writes `runContent(for: value)` as XML into `out`. Text with no control character and
    /// no U+FFFE or U+FFFF (almost every value) is one `w:t`, written straight from its bytes
    /// (copied whole when nothing in it needs escaping).
    static func writeRunContent(for value: String, into out: inout [UInt8]) {
        guard !value.isEmpty else { return }
        guard !needsSanitizing(value) else {
            XMLWriter.write(runContent(for: value), into: &out)
            return
        }
        out.append(contentsOf: textOpen)
        var value = value
        value.withUTF8 { bytes in
            if bytes.contains(where: isSpecial) {
                for byte in bytes { appendEscaped(byte, into: &out) }
            } else {
                out.append(contentsOf: bytes)
            }
        }
        out.append(contentsOf: textClose)
    }

    private static let textOpen = Array("<w:t xml:space=\"preserve\">".utf8)
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&apos;".utf8)
    private static let textClose = Array("</w:t>".utf8)

    /// Whether `sanitize` or the line breaks and tabs of `runContent` would change anything:
    /// a control character (below U+0020, tab included), or U+FFFE or U+FFFF (EF BF BE/BF in UTF-8).
    static func needsSanitizing(_ value: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            if byte < 0x20 { return true }
            if previous == (0xEF, 0xBF) && (byte == 0xBE || byte == 0xBF) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Run content for a value: `w:t` pieces with `w:br` for each line break and `w:tab` for each tab.
    static func runContent(for value: String) -> [XNode] {
        var nodes: [XNode] = []
        var piece = ""
        func flush() {
            if !piece.isEmpty { nodes.append(textElement(piece)) }
            piece = ""
        }
        for character in sanitize(value) {
            switch character {
            case "\n":
                flush()
                nodes.append(.element(XElement(name: "w:br")))
            case "\t":
                flush()
                nodes.append(.element(XElement(name: "w:tab")))
            default:
                piece.append(character)
            }
        }
        flush()
        return nodes
    }
}
