import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import NextStepsDocx

/// Hostile templates are refused with a one-line reason, quickly.
final class HostileTests: XCTestCase {
    typealias S = DocxTestSupport

    /// Asserts that reading `data` fails with `expected` in under a second.
    func assertRefused(_ data: Data, _ expected: DocxError, limits: DocxLimits = DocxLimits(),
                       file: StaticString = #filePath, line: UInt = #line) {
        let start = Date()
        XCTAssertThrowsError(try DocxTemplate(data: data, limits: limits), file: file, line: line) { error in
            XCTAssertEqual(error as? DocxError, expected, file: file, line: line)
            let text = String(describing: error)
            XCTAssertFalse(text.contains("\n"), "one line: \(text)", file: file, line: line)
            XCTAssertGreaterThan(text.count, 20, file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "refused, not stuck (speed is measured in the benchmark, not here)", file: file, line: line)
    }

    func replacing(_ name: String, with data: Data, in parts: [(String, Data)]) -> [(String, Data)] {
        parts.map { $0.0 == name ? ($0.0, data) : $0 }
    }

    func testNotAZip() {
        assertRefused(Data("just some text, not a document at all".utf8), .notZip)
        assertRefused(Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40)), .notZip)
        XCTAssertEqual(DocxError.notZip.description, "This file is not a Word document (it is not a zip file).")
    }

    func testTruncatedAndCorruptedZipsAreRefused() throws {
        let whole = try S.docx(body: S.p("{{a}}"))
        for cut in [30, whole.count / 2, whole.count - 10] {
            let start = Date()
            XCTAssertThrowsError(try DocxTemplate(data: whole.prefix(cut))) { error in
                XCTAssertTrue([.notZip, .damagedEntry("word/document.xml")].contains(error as? DocxError) ||
                              String(describing: error).contains("This file is not a Word document"), "\(error)")
            }
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, "refused, not stuck")
        }
        var flipped = [UInt8](whole)
        // Corrupt the compressed bytes of the first entry: its checksum no longer matches.
        for index in 60..<80 { flipped[index] ^= 0xFF }
        XCTAssertThrowsError(try DocxTemplate(data: Data(flipped)))
    }

    func testMissingParts() throws {
        let parts = S.parts(body: S.p("x"))
        assertRefused(try S.zip(parts.filter { $0.0 != "[Content_Types].xml" }), .missingPart("[Content_Types].xml"))
        assertRefused(try S.zip(parts.filter { $0.0 != "_rels/.rels" }), .missingPart("_rels/.rels"))
        assertRefused(try S.zip(parts.filter { $0.0 != "word/document.xml" }), .missingPart("word/document.xml"))
        let noMain = Data("<Relationships xmlns=\"\(S.relsNamespace)\"/>".utf8)
        assertRefused(try S.zip(replacing("_rels/.rels", with: noMain, in: parts)), .noMainDocument)
    }

    func testPathTraversalAndOddNamesAreRefused() throws {
        let parts = S.parts(body: S.p("x"))
        for name in ["../evil", "word/../../evil.xml", "/etc/passwd", "word\\evil.xml", "C:/evil", "word/./a.xml"] {
            assertRefused(try S.zip(parts + [(name, Data("x".utf8))]), .unsafeEntryName(name))
        }
        XCTAssertEqual(DocxError.unsafeEntryName("../evil").description,
                       "The template has a part named \"../evil\", which points outside the document. It was refused.")
    }

    func testDuplicateEntriesAreRefused() throws {
        let parts = S.parts(body: S.p("x"))
        assertRefused(try S.zip(parts + [("word/styles.xml", Data("<x/>".utf8))]), .duplicateEntry("word/styles.xml"))
        assertRefused(try S.zip(parts + [("WORD/Styles.xml", Data("<x/>".utf8))]), .duplicateEntry("WORD/Styles.xml"))
    }

    func testZipBombPartIsStoppedAtThePartCap() throws {
        let bomb = Data(count: 40 << 20)  // 40 MiB of zeros: about 40 KiB compressed
        let template = try S.zip(S.parts(body: S.p("x")) + [("word/media/bomb.bin", bomb)])
        XCTAssertLessThan(template.count, 1 << 20)
        assertRefused(template, .partTooLarge("word/media/bomb.bin", limitBytes: 32 << 20))
    }

    func testDeclaredSizesThatLieDoNotHelpABomb() throws {
        var template = try S.zip(S.parts(body: S.p("x")) + [("word/media/bomb.bin", Data(count: 40 << 20))])
        var huge = template
        // Make every header claim the part is 1 KiB (local headers and the central directory).
        Self.patchSizes(&template, signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22, to: [0, 4, 0, 0])
        Self.patchSizes(&template, signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24, to: [0, 4, 0, 0])
        assertRefused(template, .partTooLarge("word/media/bomb.bin", limitBytes: 32 << 20))
        // Or claim 1 GiB: nothing is allocated from the claim.
        Self.patchSizes(&huge, signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22, to: [0, 0, 0, 0x40])
        Self.patchSizes(&huge, signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24, to: [0, 0, 0, 0x40])
        assertRefused(huge, .partTooLarge("word/media/bomb.bin", limitBytes: 32 << 20))
    }

    static func patchSizes(_ data: inout Data, signature: [UInt8], sizeOffset: Int, to value: [UInt8]) {
        var bytes = [UInt8](data)
        var index = 0
        while index + sizeOffset + 4 <= bytes.count {
            if Array(bytes[index..<(index + 4)]) == signature {
                let size = UInt32(bytes[index + sizeOffset]) | UInt32(bytes[index + sizeOffset + 1]) << 8
                    | UInt32(bytes[index + sizeOffset + 2]) << 16 | UInt32(bytes[index + sizeOffset + 3]) << 24
                if size > 1 << 20 {
                    bytes.replaceSubrange((index + sizeOffset)..<(index + sizeOffset + 4), with: value)
                }
            }
            index += 1
        }
        data = Data(bytes)
    }

    func testTotalSizeAndEntryCountCaps() throws {
        let parts = S.parts(body: S.p("x")) + (0..<6).map { ("word/media/f\($0).bin", Data(count: 1 << 20)) }
        let template = try S.zip(parts)
        assertRefused(template, .documentTooLarge(limitBytes: 4 << 20), limits: DocxLimits(maximumTotalBytes: 4 << 20))
        assertRefused(template, .tooManyEntries(limit: 8), limits: DocxLimits(maximumEntries: 8))
        XCTAssertNoThrow(try DocxTemplate(data: template))
    }

    static let billionLaughs = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">\
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">\
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">\
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">\
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">\
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>\
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
        """

    func testBillionLaughsIsRefusedBeforeParsing() throws {
        let parts = S.parts(body: S.p("x"))
        assertRefused(try S.zip(replacing("word/document.xml", with: Data(Self.billionLaughs.utf8), in: parts)),
                      .doctypeRefused("word/document.xml"))
        // A part that is only copied, never filled, is refused too.
        assertRefused(try S.zip(replacing("word/styles.xml", with: Data(Self.billionLaughs.utf8), in: parts)),
                      .doctypeRefused("word/styles.xml"))
    }

    func testExternalEntityIsRefused() throws {
        let xxe = """
            <?xml version="1.0"?><!doctype w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>
            """
        let parts = S.parts(body: S.p("x"))
        assertRefused(try S.zip(replacing("word/document.xml", with: Data(xxe.utf8), in: parts)),
                      .doctypeRefused("word/document.xml"))
    }

    /// Regression guard for RELIABILITY item 6: the platform parser refuses billion laughs.
    func testPlatformParserStillRefusesBillionLaughs() {
        let start = Date()
        let parser = XMLParser(data: Data(Self.billionLaughs.utf8))
        parser.shouldResolveExternalEntities = false
        let collector = TextCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        XCTAssertTrue(!parsed || collector.paragraphs.joined().count < 1_000_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "refused, not stuck")
    }

    func testMalformedAndDeeplyNestedXMLAreRefused() throws {
        let parts = S.parts(body: S.p("x"))
        let broken = Data("<w:document><w:body></w:document>".utf8)
        XCTAssertThrowsError(try DocxTemplate(data: try S.zip(replacing("word/document.xml", with: broken, in: parts))))
        let deep = Data((String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)).utf8)
        assertRefused(try S.zip(replacing("word/document.xml", with: deep, in: parts)), .nestingTooDeep("word/document.xml"))
        let badEntity = Data("<w:document><w:body>&nbsp;</w:body></w:document>".utf8)
        XCTAssertThrowsError(try DocxTemplate(data: try S.zip(replacing("word/document.xml", with: badEntity, in: parts))))
    }

    func testPartsWithTooManyElementsAreRefused() throws {
        let parts = S.parts(body: String(repeating: S.p("x"), count: 600))
        assertRefused(try S.zip(parts), .tooManyElements("word/document.xml"), limits: DocxLimits(maximumXMLNodes: 2_000))
        XCTAssertNoThrow(try DocxTemplate(data: try S.zip(parts)))
    }

    func testSectionsNestedTooDeeplyAreAProblemNotACrash() throws {
        let body = S.p(String(repeating: "{{#a}}", count: 5_000) + "x" + String(repeating: "{{/a}}", count: 5_000))
        let template = try DocxTemplate(data: try S.docx(body: body))
        XCTAssertEqual(template.problemFindings.count, 1)
        XCTAssertTrue(template.problemFindings[0].message.contains("nest more than"))
        XCTAssertThrowsError(try template.render(["a": true]))
    }

    func testTagAcrossParagraphsFixtureIsReported() throws {
        // docxtemplater's delimiters are single braces; make them NextSteps's double ones.
        let original = try WildFixtures.data("docxtemplater__tag-splitted-multiline")
        let converted = try WildFixtures.rewriting(original) { xml in
            xml.replacingOccurrences(of: "<w:t>{</w:t>", with: "<w:t>{{</w:t>")
                .replacingOccurrences(of: "<w:t>}</w:t>", with: "<w:t>}}</w:t>")
        }
        let start = Date()
        let template = try DocxTemplate(data: converted)
        let problems = template.problemFindings
        guard !problems.isEmpty else { return XCTFail("the tag across paragraphs was not reported") }
        // The tag is cut by a line break in its first paragraph, and its "}}" stands alone four paragraphs later.
        XCTAssertTrue(problems[0].message.contains("{{l1"), problems[0].message)
        XCTAssertTrue(problems.contains { $0.message.contains("cannot cross paragraphs") && $0.location.paragraph == 5 },
                      "\(problems)")
        XCTAssertEqual(problems[0].part, "word/document.xml")
        XCTAssertFalse(problems[0].location.nearby.isEmpty)
        XCTAssertThrowsError(try template.render([:])) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("{{l1") && text.contains("word/document.xml"), text)
            XCTAssertFalse(text.contains("\n"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "refused, not stuck")
    }

    func testEveryErrorDescriptionIsOneLine() {
        let errors: [DocxError] = [
            .notZip, .missingPart("a"), .noMainDocument, .unsafeEntryName("../x"), .duplicateEntry("a"),
            .tooManyEntries(limit: 1), .partTooLarge("a", limitBytes: 1 << 25), .documentTooLarge(limitBytes: 1 << 27),
            .damagedEntry("a"), .doctypeRefused("a"), .malformedXML(part: "a", detail: "b"), .nestingTooDeep("a"),
            .tooManyElements("a"),
            .templateProblems(count: 3, first: "x"), .outputNotWellFormed(part: "a", detail: "b"), .writeFailed("x"),
        ]
        for error in errors {
            XCTAssertFalse(error.description.contains("\n"))
            XCTAssertTrue(error.description.hasSuffix(".") || error.description.hasSuffix(")"), error.description)
        }
    }
}
