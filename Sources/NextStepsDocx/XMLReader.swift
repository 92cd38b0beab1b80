/// A strict, non-recursive reader of one XML part into the light tree.
///
/// It refuses any DOCTYPE or ENTITY declaration before reading anything else, accepts
/// only the five predefined entities and character references, and caps nesting depth.
struct XMLReader {
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private let part: String
    private let maximumNodes: Int
    private var index = 0
    private var nodes = 0

    private init(bytes: [UInt8], part: String, maximumNodes: Int) {
        self.bytes = bytes
        self.part = part
        self.maximumNodes = maximumNodes
    }

    /// Refuses a part that declares a DOCTYPE or entities, without parsing it.
    static func refuseDoctype(_ bytes: [UInt8], part: String) throws(DocxError) {
        if declaresDoctypeOrEntity(bytes) { throw .doctypeRefused(part) }
    }

    /// Reads a whole part: prolog, one root element, and trailing comments.
    static func parse(_ bytes: [UInt8], part: String, maximumNodes: Int = 1_000_000) throws(DocxError) -> [XNode] {
        try refuseDoctype(bytes, part: part)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .malformedXML(part: part, detail: "it is not UTF-8 text")
        }
        var reader = XMLReader(bytes: bytes, part: part, maximumNodes: maximumNodes)
        return try reader.readDocument()
    }

    private func fail(_ detail: String) -> DocxError {
        .malformedXML(part: part, detail: "\(detail) at byte \(index)")
    }

    private mutating func readDocument() throws(DocxError) -> [XNode] {
        var top: [XNode] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            top.append(.markup("\u{FEFF}"))
            index = 3
        }
        var stack: [XElement] = []
        var sawRoot = false
        func append(_ node: XNode, to stack: inout [XElement], top: inout [XNode]) {
            nodes += 1
            if stack.isEmpty { top.append(node) } else { stack[stack.count - 1].children.append(node) }
        }
        while index < bytes.count {
            guard nodes < maximumNodes else { throw DocxError.tooManyElements(part) }
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                let raw = string(start, index)
                if stack.isEmpty {
                    guard raw.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) else {
                        throw fail("text outside the root element")
                    }
                } else {
                    try checkReferences(start, index)
                }
                append(.text(raw), to: &stack, top: &top)
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") && next != UInt8(ascii: "/") {
                // A start tag, by far the most common: none of the other forms need a look.
                index += 1
                let element = try readStartTag()
                if stack.isEmpty {
                    guard !sawRoot else { throw fail("a second root element") }
                    sawRoot = true
                }
                if element.selfClosing {
                    append(.element(element.element), to: &stack, top: &top)
                } else {
                    guard stack.count < XMLReader.maximumDepth else { throw DocxError.nestingTooDeep(part) }
                    stack.append(element.element)
                }
            } else if matches(Literal.processingInstruction) {
                let end = try find(Literal.processingInstructionEnd, from: index + 2)
                append(.markup(string(index, end + 2)), to: &stack, top: &top)
                index = end + 2
            } else if matches(Literal.comment) {
                let end = try find(Literal.commentEnd, from: index + 4)
                append(.markup(string(index, end + 3)), to: &stack, top: &top)
                index = end + 3
            } else if matches(Literal.cdata) {
                guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
                let end = try find(Literal.cdataEnd, from: index + 9)
                append(.markup(string(index, end + 3)), to: &stack, top: &top)
                index = end + 3
            } else if matches(Literal.declaration) {
                throw DocxError.doctypeRefused(part)
            } else {
                // What is left after `<?` and `<!`: `</`, an end tag.
                index += 2
                let name = try readName()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw fail("bad end tag") }
                index += 1
                guard let open = stack.popLast(), open.name == name else {
                    throw fail("end tag </\(name)> does not match")
                }
                append(.element(open), to: &stack, top: &top)
            }
        }
        guard stack.isEmpty else { throw fail("unclosed element <\(stack.last?.name ?? "")>") }
        guard sawRoot else { throw fail("no root element") }
        return top
    }

    private mutating func readStartTag() throws(DocxError) -> (element: XElement, selfClosing: Bool) {
        let name = try readName()
        var element = XElement(name: name)
        while true {
            let hadSpace = skipSpace()
            guard index < bytes.count else { throw fail("unfinished start tag") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (element, false)
            }
            if matches(Literal.emptyElementEnd) {
                index += 2
                return (element, true)
            }
            guard hadSpace else { throw fail("missing space between attributes") }
            let attributeName = try readName()
            // An element has few attributes: the ones read so far are searched, with no set made per element.
            guard !element.attributes.contains(where: { $0.name == attributeName }) else {
                throw fail("repeated attribute \(attributeName)")
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw fail("attribute without value") }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw fail("unquoted attribute value")
            }
            let quote = bytes[index]
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != quote {
                guard bytes[end] != UInt8(ascii: "<") else { throw fail("'<' in an attribute value") }
                end += 1
            }
            guard end < bytes.count else { throw fail("unfinished attribute value") }
            try checkReferences(start, end)
            element.attributes.append(
                XAttribute(name: attributeName, rawValue: string(start, end), quote: Character(Unicode.Scalar(quote))))
            index = end + 1
        }
    }

    private mutating func readName() throws(DocxError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") { break }
            index += 1
        }
        guard index > start else { throw fail("missing name") }
        let first = bytes[start]
        guard !(first >= 0x30 && first <= 0x39), first != UInt8(ascii: "-"), first != UInt8(ascii: ".") else {
            throw fail("bad name")
        }
        return string(start, index)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
            index += 1
        }
        return index > start
    }

    /// Checks that every `&` starts one of the five entities or a character reference.
    private func checkReferences(_ start: Int, _ end: Int) throws(DocxError) {
        var position = start
        while position < end {
            if bytes[position] == UInt8(ascii: "&") {
                guard let semicolon = bytes[position..<end].firstIndex(of: UInt8(ascii: ";")),
                      semicolon - position <= 12 else { throw fail("a bare '&'") }
                let name = String(decoding: bytes[(position + 1)..<semicolon], as: UTF8.self)
                guard XMLText.decodeReference(name) != nil else { throw fail("unknown entity &\(name);") }
                position = semicolon
            }
            position += 1
        }
    }

    /// The markup the reader looks for, as bytes made once (not at every `<`).
    private enum Literal {
        static let processingInstruction = Array("<?".utf8), processingInstructionEnd = Array("?>".utf8)
        static let comment = Array("<!--".utf8), commentEnd = Array("-->".utf8)
        static let cdata = Array("<![CDATA[".utf8), cdataEnd = Array("]]>".utf8)
        static let declaration = Array("<!".utf8), emptyElementEnd = Array("/>".utf8)
        static let doctype = Array("<!DOCTYPE".utf8), entity = Array("<!ENTITY".utf8)
    }

    private func matches(_ utf8: [UInt8]) -> Bool {
        guard index + utf8.count <= bytes.count else { return false }
        return bytes[index..<(index + utf8.count)].elementsEqual(utf8)
    }

    private func find(_ utf8: [UInt8], from start: Int) throws(DocxError) -> Int {
        var position = start
        while position + utf8.count <= bytes.count {
            if bytes[position] == utf8[0], bytes[position..<(position + utf8.count)].elementsEqual(utf8) {
                return position
            }
            position += 1
        }
        throw fail("unfinished \(String(decoding: utf8, as: UTF8.self))")
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether `bytes` hold `<!DOCTYPE` or `<!ENTITY`, in any case: one pass, looking only
    /// after each `<!` (rare in a Word part) rather than at every `<`.
    private static func declaresDoctypeOrEntity(_ bytes: [UInt8]) -> Bool {
        let bang = UInt8(ascii: "!"), open = UInt8(ascii: "<")
        return bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count >= 2 else { return false }
            var position = 0
            while position < buffer.count - 1 {
                if buffer[position] == open, buffer[position + 1] == bang {
                    for pattern in [Literal.doctype, Literal.entity] where position + pattern.count <= buffer.count {
                        var offset = 2
                        while offset < pattern.count {
                            var byte = buffer[position + offset]
                            if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
                            if byte != pattern[offset] { break }
                            offset += 1
                        }
                        if offset == pattern.count { return true }
                    }
                }
                position += 1
            }
            return false
        }
    }
}
