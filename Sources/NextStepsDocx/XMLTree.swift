/// An attribute as written in the source: its value stays escaped, with its quote character.
struct XAttribute: Sendable {
    var name: String
    var rawValue: String
    var quote: Character = "\""
}

/// What filling and repair need to know of an element, worked out once from its name.
enum ElementRole: UInt8, Sendable {
    case other, paragraph, table, row, cell
    /// `w:sdt` or `w:customXml`: may stand where rows or cells do.
    case rowOrCellHolder
    /// `w:hdr`, `w:ftr` or `w:txbxContent`: must hold a paragraph.
    case story
    /// `wp:docPr`, whose `id` must be unique.
    case drawingProperties
    /// A content control's `w:id`, whose `w:val` must be unique.
    case controlID
    case bookmarkStart, bookmarkEnd, commentRangeStart, commentRangeEnd, commentReference

    init(name: String) {
        // Sorted by length first: a name is compared only with the names of its length
        // (every element of every template is read through here).
        switch name.utf8.count {
        case 3: self = name == "w:p" ? .paragraph : .other
        case 4: self = name == "w:tr" ? .row : name == "w:tc" ? .cell : name == "w:id" ? .controlID : .other
        case 5:
            switch name {
            case "w:tbl": self = .table
            case "w:sdt": self = .rowOrCellHolder
            case "w:hdr", "w:ftr": self = .story
            default: self = .other
            }
        case 8: self = name == "wp:docPr" ? .drawingProperties : .other
        case 11: self = name == "w:customXml" ? .rowOrCellHolder : .other
        case 13: self = name == "w:txbxContent" ? .story : name == "w:bookmarkEnd" ? .bookmarkEnd : .other
        case 15: self = name == "w:bookmarkStart" ? .bookmarkStart : .other
        case 17: self = name == "w:commentRangeEnd" ? .commentRangeEnd : .other
        case 18: self = name == "w:commentReference" ? .commentReference : .other
        case 19: self = name == "w:commentRangeStart" ? .commentRangeStart : .other
        default: self = .other
        }
    }

    /// Bookmarks and comment ranges: left out of second and later copies, never duplicated.
    var isRangeMark: Bool {
        switch self {
        case .bookmarkStart, .bookmarkEnd, .commentRangeStart, .commentRangeEnd, .commentReference: return true
        default: return false
        }
    }
}

/// An element of the light XML tree that keeps what it read byte for byte where it can.
struct XElement: Sendable {
    let name: String
    /// The role its name gives it.
    let role: ElementRole
    var attributes: [XAttribute]
    var children: [XNode]

    init(name: String, attributes: [XAttribute] = [], children: [XNode] = []) {
        self.name = name
        self.role = ElementRole(name: name)
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
///
/// Only the two large template cases are boxed: elements, text and frozen bytes stay inline, so
/// that reading and filling a part do not allocate a box for every node.
enum XNode: Sendable {
    /// An element with its children.
    case element(XElement)
    /// Character data, still escaped as in the source.
    case text(String)
    /// A comment, processing instruction, CDATA section or XML declaration, verbatim.
    case markup(String)
    /// A subtree without tags, serialized once to UTF-8; `name` is its element name.
    case frozen([UInt8], name: String, role: ElementRole)
    /// A value tag (template only).
    indirect case tag(TagNode)
    /// A section to expand (template only).
    indirect case section(SectionNode)

    /// The element name, for elements and frozen elements.
    var elementName: String? {
        switch self {
        case .element(let element): return element.name
        case .frozen(_, let name, _): return name
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
            writeStartTag(element, into: &out)
            if element.children.isEmpty {
                closeEmpty(&out)
            } else {
                write(element.children, into: &out)
                writeEndTag(element.name, into: &out)
            }
        case .text(let raw), .markup(let raw):
            out.append(contentsOf: raw.utf8)
        case .frozen(let bytes, _, _):
            out.append(contentsOf: bytes)
        case .tag, .section:
            break  // The renderer replaces these; a template node never reaches the writer.
        }
    }

    /// Writes `<name attributes>`; `closeEmpty` turns it into `<name attributes/>`.
    static func writeStartTag(_ element: XElement, into out: inout [UInt8]) {
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
        out.append(UInt8(ascii: ">"))
    }

    /// Turns the start tag just written (ending in `>`) into an empty-element tag.
    static func closeEmpty(_ out: inout [UInt8]) {
        out[out.count - 1] = UInt8(ascii: "/")
        out.append(UInt8(ascii: ">"))
    }

    /// Writes `</name>`.
    static func writeEndTag(_ name: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(UInt8(ascii: "/"))
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    /// Serializes one subtree to new bytes.
    static func bytes(_ node: XNode) -> [UInt8] {
        var out: [UInt8] = []
        write(node, into: &out)
        return out
    }
}
