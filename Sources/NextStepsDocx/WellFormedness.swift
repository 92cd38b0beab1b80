#if canImport(Glibc)
import Glibc
#endif
/// A strict, allocation-light well-formedness check of a filled part.
///
/// It checks what a filled part can get wrong: UTF-8, characters XML 1.0 forbids, element
/// nesting and names that match, quoted and unrepeated attributes, only the five predefined
/// entities or character references, no DOCTYPE, exactly one root. (The tests re-read every
/// output part with libxml2 as well.)
struct WellFormedness {
    /// The bytes being checked, valid only while `check` runs.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let part: String
    private var index = 0
    /// Attribute names of the start tag being read: the first `attributeCount` are this tag's
    /// (the array is kept from tag to tag, so that no element costs an allocation).
    private var attributeNames: [Range<Int>] = []
    private var attributeCount = 0

    /// Throws `outputNotWellFormed` when `bytes` is not a well-formed XML document.
    static func check(_ bytes: [UInt8], part: String) throws(DocxError) {
        let failure: DocxError? = bytes.withUnsafeBufferPointer { buffer in
            guard isUTF8(buffer) else { return .outputNotWellFormed(part: part, detail: "not UTF-8") }
            var checker = WellFormedness(bytes: buffer, part: part)
            do throws(DocxError) {
                try checker.run()
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Whether `buffer` is UTF-8. An ASCII byte is never part of a longer sequence, so each run
    /// of non-ASCII bytes between them must be UTF-8 on its own; only those runs are decoded.
    static func isUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = buffer.count
        let raw = UnsafeRawBufferPointer(buffer)
        while index < count {
            // Eight ASCII bytes at a time.
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if buffer[index] < 0x80 {
                index += 1
                continue
            }
            var end = index + 1
            while end < count, buffer[end] >= 0x80 { end += 1 }
            guard String(validating: UnsafeBufferPointer(rebasing: buffer[index..<end]), as: UTF8.self) != nil else {
                return false
            }
            index = end
        }
        return true
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, part: String) {
        self.bytes = bytes
        self.part = part
    }

    private func fail(_ detail: String) -> DocxError {
        .outputNotWellFormed(part: part, detail: "\(detail) at byte \(index)")
    }

    private mutating func run() throws(DocxError) {
        var stack: [Range<Int>] = []
        stack.reserveCapacity(64)
        var roots = 0
        let count = bytes.count
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < count {
            if bytes[index] != UInt8(ascii: "<") {
                try text(outsideRoot: stack.isEmpty)
                continue
            }
            let next: UInt8 = index + 1 < count ? bytes[index + 1] : 0
            switch next {
            case UInt8(ascii: "?"):
                try skip(past: "?>")
            case UInt8(ascii: "!"):
                if starts("<!--") {
                    try skip(past: "-->")
                } else if starts("<![CDATA[") {
                    guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
                    try skip(past: "]]>")
                } else {
                    throw fail("a declaration")
                }
            case UInt8(ascii: "/"):
                index += 2
                let name = try name()
                skipSpace()
                guard index < count, bytes[index] == UInt8(ascii: ">"), let open = stack.popLast(),
                      same(open, name) else { throw fail("an end tag that does not match") }
                index += 1
            default:
                index += 1
                let name = try name()
                if stack.isEmpty {
                    roots += 1
                    guard roots == 1 else { throw fail("a second root element") }
                }
                if try attributes() { stack.append(name) }
            }
        }
        guard stack.isEmpty else { throw fail("an unclosed element") }
        guard roots == 1 else { throw fail("no root element") }
    }

    /// Character data up to the next '<': references, allowed characters, no "]]>".
    private mutating func text(outsideRoot: Bool) throws(DocxError) {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            // Above '>' only U+FFFE and U+FFFF (EF BF BE/BF) need a look: most text goes by here.
            if byte > UInt8(ascii: ">") && byte != 0xEF && !outsideRoot {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "<"):
                return
            case UInt8(ascii: "&"):
                guard !outsideRoot else { throw fail("text outside the root element") }
                try reference()
                continue
            case 0x20, 0x0A, 0x0D, 0x09:
                break
            case UInt8(ascii: ">"):
                if index >= 2, bytes[index - 1] == UInt8(ascii: "]"), bytes[index - 2] == UInt8(ascii: "]") {
                    throw fail("']]>' in text")
                }
            default:
                if outsideRoot { throw fail("text outside the root element") }
                if byte < 0x20 || byte == 0xEF { try character(byte) }
            }
            index += 1
        }
    }

    /// Reads attributes to the end of a start tag; true when the element stays open.
    private mutating func attributes() throws(DocxError) -> Bool {
        attributeCount = 0
        while true {
            let spaced = skipSpace()
            guard index < bytes.count else { throw fail("an unfinished start tag") }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return true
            }
            if starts("/>") {
                index += 2
                return false
            }
            guard spaced else { throw fail("attributes without space between them") }
            let name = try name()
            for other in attributeNames.prefix(attributeCount) where same(other, name) {
                throw fail("a repeated attribute")
            }
            if attributeCount < attributeNames.count {
                attributeNames[attributeCount] = name
            } else {
                attributeNames.append(name)
            }
            attributeCount += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw fail("an attribute without '='") }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else {
                throw fail("an unquoted attribute")
            }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote {
                let byte = bytes[index]
                if byte > UInt8(ascii: ">") && byte != 0xEF {
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "<") { throw fail("'<' in an attribute") }
                if byte == UInt8(ascii: "&") {
                    try reference()
                    continue
                }
                try character(byte)
                index += 1
            }
            guard index < bytes.count else { throw fail("an unfinished attribute") }
            index += 1
        }
    }

    /// Refuses control characters and U+FFFE / U+FFFF.
    private func character(_ byte: UInt8) throws(DocxError) {
        if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { throw fail("a forbidden control character") }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF,
           bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF { throw fail("U+FFFE or U+FFFF") }
    }

    private mutating func reference() throws(DocxError) {
        let start = index + 1
        var end = start
        while end < bytes.count, end - start <= 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"),
              XMLText.decodeReference(String(decoding: bytes[start..<end], as: UTF8.self)) != nil else {
            throw fail("an unknown or bare entity reference")
        }
        index = end + 1
    }

    private mutating func name() throws(DocxError) -> Range<Int> {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte > UInt8(ascii: ">") {   // every byte that ends a name is at or below '>'
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "&") || byte == 0x22 || byte == 0x27 { break }
            index += 1
        }
        guard index > start else { throw fail("a missing name") }
        let first = bytes[start]
        if (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: "-") || first == UInt8(ascii: ".") {
            throw fail("a name starting with a digit, '-' or '.'")
        }
        return start..<index
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
            || bytes[index] == 0x0D { index += 1 }
        return index > start
    }

    /// Whether two names in the bytes are the same.
    private func same(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return memcmp(base + first.lowerBound, base + second.lowerBound, first.count) == 0
    }

    private func starts(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
    }

    private mutating func skip(past literal: StaticString) throws(DocxError) {
        let count = literal.utf8CodeUnitCount
        while index + count <= bytes.count {
            if literal.withUTF8Buffer({ bytes[index..<(index + count)].elementsEqual($0) }) {
                index += count
                return
            }
            index += 1
        }
        throw fail("an unfinished comment, CDATA or processing instruction")
    }
}
