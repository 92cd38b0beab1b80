import XCTest
@testable import NextStepsDocx

/// Tags that Word split over runs, with spell-check marks and bookmarks between the pieces.
final class TagSplittingTests: XCTestCase {
    typealias S = DocxTestSupport

    func testTagSplitOverRunsWithProofErrAndBookmarkBetweenPieces() throws {
        let body = """
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Name: </w:t></w:r>\
            <w:r><w:rPr><w:i/></w:rPr><w:t>{{pupil.</w:t></w:r>\
            <w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>\
            <w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>known</w:t></w:r><w:bookmarkEnd w:id="0"/>\
            <w:r><w:t>As}}</w:t></w:r><w:proofErr w:type="spellEnd"/>\
            <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> (end)</w:t></w:r></w:p>
            """
        let parts = try S.fill(try S.docx(body: body), ["pupil": ["knownAs": "Sam"]])
        XCTAssertEqual(S.texts(parts), ["Name: Sam (end)"])
        let xml = S.xml(parts)
        // The value has the formatting of the tag's first character (italic), nothing else.
        XCTAssertTrue(xml.contains("<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">Sam</w:t></w:r>"), xml)
        // Bookmark and proofErr pairs survive, out of the value's run.
        XCTAssertEqual(S.count("<w:bookmarkStart", in: xml), 1)
        XCTAssertEqual(S.count("<w:bookmarkEnd", in: xml), 1)
        XCTAssertEqual(S.count("<w:proofErr", in: xml), 2)
        XCTAssertTrue(xml.contains("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> (end)</w:t>"))
        XCTAssertFalse(xml.contains("<w:u "), "the run that only held part of the tag is gone")
    }

    func testCommentRangesBetweenPiecesStayPairedAndOutOfTheValue() throws {
        let body = """
            <w:p><w:r><w:t>A {{na</w:t></w:r><w:commentRangeStart w:id="4"/><w:r><w:t>me}} B</w:t></w:r>\
            <w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r></w:p>
            """
        let parts = try S.fill(try S.docx(body: body), ["name": "Cy"])
        let xml = S.xml(parts)
        XCTAssertEqual(S.texts(parts), ["A Cy B"])
        XCTAssertTrue(xml.contains("<w:t xml:space=\"preserve\">Cy</w:t></w:r><w:commentRangeStart w:id=\"4\"/>"), xml)
        XCTAssertEqual(S.count("<w:commentRangeEnd w:id=\"4\"/>", in: xml), 1)
    }

    func testSplitDelimitersAreFound() throws {
        let body = """
            <w:p><w:r><w:t>Hello {</w:t></w:r><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>{</w:t></w:r>\
            <w:r><w:t>name}</w:t></w:r><w:r><w:t>}!</w:t></w:r></w:p>
            """
        let parts = try S.fill(try S.docx(body: body), ["name": "Ada"])
        XCTAssertEqual(S.texts(parts), ["Hello Ada!"])
        // The first character of the tag is the plain "{", so the value is plain.
        XCTAssertTrue(S.xml(parts).contains("<w:r><w:t xml:space=\"preserve\">Ada</w:t></w:r>"))
    }

    func testCurlyQuotesAndSpacesInsideTags() throws {
        XCTAssertEqual(TagScanner.straightened("\u{201C}a\u{201D} \u{2018}b\u{2019}"), "\"a\" 'b'")
        let body = S.p("[{{ name }}] [{{# show }}yes{{/ show }}] [{{\u{00A0}name\u{00A0}}}]")
        let parts = try S.fill(try S.docx(body: body), ["name": "Bo", "show": true])
        XCTAssertEqual(S.texts(parts), ["[Bo] [yes] [Bo]"])
    }

    func testSurroundingTextKeepsItsOwnRunsAndUntouchedRunsStayIdentical() throws {
        let body = """
            <w:p><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t>Before</w:t></w:r>\
            <w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">x {{a}} y</w:t></w:r></w:p>
            """
        let parts = try S.fill(try S.docx(body: body), ["a": "1"])
        let xml = S.xml(parts)
        XCTAssertTrue(xml.contains("<w:r w:rsidR=\"00A1\"><w:rPr><w:b/></w:rPr><w:t>Before</w:t></w:r>"))
        XCTAssertEqual(S.count("<w:i/>", in: xml), 3, "before, value and after each keep italic")
        XCTAssertEqual(S.texts(parts), ["Beforex 1 y"])
    }

    func testTagInsideHyperlinkIsFilled() throws {
        let body = """
            <w:p><w:hyperlink r:id="rId9"><w:r><w:t>{{</w:t></w:r><w:r><w:t>url}}</w:t></w:r></w:hyperlink></w:p>
            """
        let parts = try S.fill(try S.docx(body: body), ["url": "example"])
        XCTAssertEqual(S.texts(parts), ["example"])
        XCTAssertTrue(S.xml(parts).contains("<w:hyperlink r:id=\"rId9\"><w:r>"))
    }

    func testTagCutByLineBreakIsReported() throws {
        let body = "<w:p><w:r><w:t>{{na</w:t><w:br/><w:t>me}}</w:t></w:r></w:p>"
        let template = try DocxTemplate(data: try S.docx(body: body))
        let problems = template.problemFindings
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems[0].message.contains("line break"))
        XCTAssertEqual(problems[0].part, "word/document.xml")
        XCTAssertThrowsError(try template.render([:])) { error in
            XCTAssertTrue(String(describing: error).contains("line break"))
        }
    }

    func testScannerFindsKindsAndRejectsNonTags() {
        let text = Array("{{a}} {{#b}} {{^c}} {{/b}} {{.}} {{x y}}".unicodeScalars)
        let (tags, issues) = TagScanner.scan(text)
        XCTAssertEqual(tags.map(\.kind), [.variable, .open, .inverted, .close, .variable])
        XCTAssertEqual(tags.map(\.name), ["a", "b", "c", "b", "."])
        XCTAssertEqual(issues.count, 1)
        XCTAssertTrue(issues[0].message.contains("is not a tag"))
    }

    func testParagraphsWithoutBracesAreLeftAsTheyWere() throws {
        let body = S.p("Plain") + "<w:p><w:r><w:t>{{a}}</w:t></w:r></w:p>"
        let parts = try S.fill(try S.docx(body: body), ["a": "A"])
        XCTAssertTrue(S.xml(parts).contains(S.p("Plain")))
    }
}
