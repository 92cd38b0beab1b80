/// An attribute as written in the source: its value stays escaped, with its quote character.
struct XAttribute: Sendable {
    var name: String
    var rawValue: String
    var quote: Character = "\""
}

/// An element of the light XML tree that keeps what it read byte for byte where it can.
struct XElement: Sendable {
    var name: String
    var attributes: [XAttribute]
    var children: [XNode]

    init(name: String, attributes: [XAttribute] = [], children: [XNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The raw (still escaped) value of an attribute.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.rawValue
    }

    /// Sets an attribute, adding it when absent; `rawValue` must already be escaped.
    mutating func setAttribute(_ name: String, _ rawValue: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].rawValue = rawValue
            attributes[index].quote = "\""
        } else {
            attributes.append(XAttribute(name: name, rawValue: rawValue))
        }
    }

    /// The first child element with this name.
    func child(named name: String) -> XElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }
}

/// A node of the light XML tree; `tag` and `section` exist only in a template, never in output.
indirect enum XNode: Sendable {
    /// An element with its children.
    case element(XElement)
    /// Character data, still escaped as in the source.
    case text(String)
    /// A comment, processing instruction, CDATA section or XML declaration, verbatim.
    case markup(String)
    /// A subtree without tags, serialized once to UTF-8; `name` is its element name.
    case frozen([UInt8], name: String)
    /// A value tag (template only).
    case tag(TagNode)
    /// A section to expand (template only).
    case section(SectionNode)

    /// The element name, for elements and frozen elements.
    var elementName: String? {
        switch self {
        case .element(let element): return element.name
        case .frozen(_, let name): return name
        default: return nil
        }
    }
}

/// Writes trees back to XML as UTF-8 bytes.
enum XMLWriter {
    /// Serializes nodes (which must hold no template nodes) into `out`.
    static func write(_ nodes: [XNode], into out: inout [UInt8]) {
        for node in nodes { write(node, into: &out) }
    }

    static func write(_ node: XNode, into out: inout [UInt8]) {
        switch node {
        case .element(let element):
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: element.name.utf8)
            for attribute in element.attributes {
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: attribute.name.utf8)
                out.append(UInt8(ascii: "="))
                let quote: UInt8 = attribute.quote == "'" ? 0x27 : 0x22
                out.append(quote)
                out.append(contentsOf: attribute.rawValue.utf8)
                out.append(quote)
            }
            if element.children.isEmpty {
                out.append(UInt8(ascii: "/"))
                out.append(UInt8(ascii: ">"))
            } else {
                out.append(UInt8(ascii: ">"))
                write(element.children, into: &out)
                out.append(UInt8(ascii: "<"))
                out.append(UInt8(ascii: "/"))
                out.append(contentsOf: element.name.utf8)
                out.append(UInt8(ascii: ">"))
            }
        case .text(let raw), .markup(let raw):
            out.append(contentsOf: raw.utf8)
        case .frozen(let bytes, _):
            out.append(contentsOf: bytes)
        case .tag, .section:
            break  // The renderer replaces these; a template node never reaches the writer.
        }
    }

    /// Serializes one subtree to new bytes.
    static func bytes(_ node: XNode) -> [UInt8] {
        var out: [UInt8] = []
        write(node, into: &out)
        return out
    }
}
