import XCTest
@testable import NextStepsDocx

/// Values are escaped, cleaned of characters XML forbids, and laid out with breaks and tabs.
final class EscapingTests: XCTestCase {
    typealias S = DocxTestSupport

    func fill(_ value: String) throws -> (texts: [String], xml: String) {
        let parts = try S.fill(try S.docx(body: S.p("[{{v}}]")), ["v": .text(value)])
        return (S.texts(parts), S.xml(parts))
    }

    func testMarkupCharactersAreEscaped() throws {
        let value = "Tom & Jerry <b>\"hi\"</b> it's </w:t><w:r>"
        let (texts, xml) = try fill(value)
        XCTAssertEqual(texts, ["[\(value)]"])
        XCTAssertTrue(xml.contains("Tom &amp; Jerry &lt;b&gt;&quot;hi&quot;&lt;/b&gt; it&apos;s"))
    }

    func testEmojiAndRightToLeftTextSurvive() throws {
        let value = "😀👩🏽‍🏫 שלום עולם مرحبا e\u{301}"
        XCTAssertEqual(try fill(value).texts, ["[\(value)]"])
    }

    func testForbiddenControlCharactersAreRemovedAndVerticalTabBreaks() throws {
        let value = "a\u{0}b\u{1}c\u{8}d\u{E}e\u{1F}f\u{FFFE}g\u{FFFF}h\u{B}i\u{C}j"
        let (texts, xml) = try fill(value)
        XCTAssertEqual(texts, ["[abcdefgh\ni\nj]"])
        XCTAssertEqual(S.count("<w:br/>", in: xml), 2)
    }

    func testLineEndingsAndTabsBecomeBreaksAndTabsBesideTheText() throws {
        let (texts, xml) = try fill("one\r\ntwo\rthree\nfour\tfive")
        XCTAssertEqual(texts, ["[one\ntwo\nthree\nfour\tfive]"])
        XCTAssertEqual(S.count("<w:br/>", in: xml), 3)
        XCTAssertEqual(S.count("<w:tab/>", in: xml), 1)
        XCTAssertTrue(xml.contains("<w:t xml:space=\"preserve\">one</w:t><w:br/><w:t xml:space=\"preserve\">two</w:t>"))
        XCTAssertFalse(xml.dropFirst(S.declaration.count).unicodeScalars.contains("\r"), "no raw carriage return written")
    }

    func testLeadingAndTrailingSpacesArePreserved() throws {
        let (texts, xml) = try fill("  spaced  ")
        XCTAssertEqual(texts, ["[  spaced  ]"])
        let written = xml.components(separatedBy: "<w:t").dropFirst().filter { !$0.hasPrefix("s") && !$0.hasPrefix("b") }
        XCTAssertTrue(written.allSatisfy { $0.hasPrefix(" xml:space=\"preserve\"") }, "\(written)")
    }

    func testEmptyAndMissingValuesLeaveNothing() throws {
        XCTAssertEqual(try fill("").texts, ["[]"])
        let parts = try S.fill(try S.docx(body: S.p("[{{missing.name}}]")), [:])
        XCTAssertEqual(S.texts(parts), ["[]"])
    }

    func testSanitizeRules() {
        XCTAssertEqual(XMLText.sanitize("a\r\n\r\nb"), "a\n\nb")
        XCTAssertEqual(XMLText.sanitize("\u{9}\u{A}\u{D}"), "\t\n\n")
        XCTAssertEqual(XMLText.unescape("&lt;&#65;&#x42;&amp;amp;"), "<AB&amp;")
    }

    func testEntitiesInTemplateTextAreDecodedForTagsAndKeptElsewhere() throws {
        let body = "<w:p><w:r><w:t>&quot;{{a}}&quot; &amp; &#x41;</w:t></w:r></w:p>"
        let parts = try S.fill(try S.docx(body: body), ["a": "<x>"])
        XCTAssertEqual(S.texts(parts), ["\"<x>\" & A"])
    }
}
