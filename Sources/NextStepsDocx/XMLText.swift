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
        guard raw.contains("&") else { return raw }
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
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
