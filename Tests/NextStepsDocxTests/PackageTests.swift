import XCTest
@testable import NextStepsDocx

/// Finding parts: main part through relationships, headers and footers, `.dotx`, byte-identical copies.
final class PackageTests: XCTestCase {
    typealias S = DocxTestSupport

    func testHeadersAndFootersAreFilled() throws {
        let template = try S.docx(body: S.p("Body {{a}}"), headers: [S.p("Head {{a}}")], footers: [S.p("Foot {{b}}")])
        let parts = try S.fill(template, ["a": "1", "b": "2"])
        XCTAssertEqual(S.texts(parts, "word/header1.xml"), ["Head 1"])
        XCTAssertEqual(S.texts(parts, "word/footer1.xml"), ["Foot 2"])
        XCTAssertEqual(S.texts(parts), ["Body 1"])
        XCTAssertEqual(try DocxTemplate(data: template).partNames,
                       ["word/document.xml", "word/header1.xml", "word/footer1.xml"])
    }

    func testMainPartIsFoundThroughRelationshipsNotByName() throws {
        let template = try S.docx(body: S.p("Web {{a}}"), mainPart: "word/document2.xml")
        let loaded = try DocxTemplate(data: template)
        XCTAssertEqual(loaded.mainPartName, "word/document2.xml")
        let parts = try S.fill(template, ["a": "ok"])
        XCTAssertEqual(S.texts(parts, "word/document2.xml"), ["Web ok"])
        XCTAssertFalse(parts.contains { $0.name == "word/document.xml" })
    }

    func testDotxContentTypeIsRewrittenToADocument() throws {
        let template = try S.docx(body: S.p("{{a}}"), dotx: true)
        let loaded = try DocxTemplate(data: template)
        XCTAssertTrue(loaded.isWordTemplate)
        let parts = try S.fill(template, ["a": "x"])
        let types = S.xml(parts, "[Content_Types].xml")
        XCTAssertTrue(types.contains(DocxTemplate.documentContentType))
        XCTAssertFalse(types.contains(DocxTemplate.templateContentType))
        XCTAssertEqual(S.texts(parts), ["x"])
    }

    func testUnchangedPartsAreByteIdenticalAndOrderIsKept() throws {
        let input = S.parts(body: S.p("{{a}}"), headers: [S.p("no tags here")])
        let output = try S.fill(try S.zip(input), ["a": "b"])
        XCTAssertEqual(output.map(\.name), input.map(\.0))
        for (name, data) in input where name != "word/document.xml" {
            XCTAssertEqual(output.first { $0.name == name }?.data, data, "\(name) changed")
        }
    }

    func testDocumentWithoutTagsComesThroughIdentical() throws {
        let input = S.parts(body: S.p("Nothing to fill"))
        let output = try S.unzip(try DocxTemplate(data: try S.zip(input)).render(["a": "b"]))
        XCTAssertEqual(output.map(\.name), input.map(\.0))
        for ((_, original), (_, copy)) in zip(input, output) { XCTAssertEqual(original, copy) }
    }

    func testFilledPartKeepsNamespacesIgnorableAndDeclaration() throws {
        let parts = try S.fill(try S.docx(body: S.p("{{a}}") + S.p("static")), ["a": "b"])
        let xml = S.xml(parts)
        XCTAssertTrue(xml.hasPrefix(S.declaration), "declaration and its CRLF kept")
        XCTAssertTrue(xml.contains("mc:Ignorable=\"w14\""))
        XCTAssertTrue(xml.contains("xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""))
        XCTAssertTrue(xml.contains(S.p("static")))
    }

    func testRelationshipTargetsResolve() {
        XCTAssertEqual(Relationships.resolve("/word/document.xml", from: ""), "word/document.xml")
        XCTAssertEqual(Relationships.resolve("header1.xml", from: "word/document.xml"), "word/header1.xml")
        XCTAssertEqual(Relationships.resolve("../customXml/item1.xml", from: "word/document.xml"), "customXml/item1.xml")
        XCTAssertNil(Relationships.resolve("../../etc/passwd", from: "word/document.xml"))
        XCTAssertEqual(Relationships.relsName(for: "word/document2.xml"), "word/_rels/document2.xml.rels")
    }

    func testRenderingTwiceFromOneTemplateGivesTheSameBytes() throws {
        let template = try DocxTemplate(data: try S.docx(body: S.p("{{#l}}") + S.p("{{.}}") + S.p("{{/l}}")))
        let first = try template.render(["l": ["a", "b"]])
        let second = try template.render(["l": ["a", "b"]])
        XCTAssertEqual(first, second)
        let other = try S.unzip(try template.render(["l": ["c"]]))
        XCTAssertEqual(S.texts(other), ["c"])
    }

    func testTagsInTextBoxesAreFilledInBothWordAndFallbackCopies() throws {
        let box = "<w:txbxContent><w:p><w:r><w:t>Box {{a}}</w:t></w:r></w:p></w:txbxContent>"
        let body = """
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="T"/>\
            <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp \
            xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>\(box)</wps:txbx>\
            </wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>\
            <v:textbox xmlns:v="urn:schemas-microsoft-com:vml">\(box)</v:textbox></w:pict></mc:Fallback>\
            </mc:AlternateContent></w:r><w:r><w:t>after {{a}}</w:t></w:r></w:p>
            """
        let template = try DocxTemplate(data: try S.docx(body: body))
        XCTAssertEqual(template.check().count, 3)
        let parts = try S.fill(try S.docx(body: body), ["a": "filled"])
        let xml = S.xml(parts)
        XCTAssertFalse(xml.contains("{{"))
        XCTAssertEqual(S.count(">filled</w:t>", in: xml), 3, xml)
    }

    func testRenderingConcurrentlyFromOneTemplateIsSafe() throws {
        let template = try DocxTemplate(data: try S.docx(body: S.p("{{#l}}") + S.p("{{.}}") + S.p("{{/l}}")))
        let expected = try template.render(["l": ["a", "b", "c"]])
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let output = try? template.render(["l": ["a", "b", "c"]])
            results.append(output == expected)
        }
        XCTAssertEqual(results.values, Array(repeating: true, count: 16))
    }
}

/// Collects results from concurrent work.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Bool] = []

    func append(_ value: Bool) {
        lock.lock()
        stored.append(value)
        lock.unlock()
    }

    var values: [Bool] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
