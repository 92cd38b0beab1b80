import XCTest
@testable import NextStepsDocx

/// The repairs PartFiller makes to every filled part as it writes, checked on hand-made trees.
final class RepairTests: XCTestCase {
    func repaired(_ xml: String, firstFreeDrawingID: Int = 100, data: TemplateValue = .null) throws -> String {
        var ids = UniqueIDs(firstFreeDrawingID: firstFreeDrawingID)
        let nodes = try XMLReader.parse(Array(xml.utf8), part: "test")
        return String(decoding: PartFiller.fill(nodes, ContextStack(root: data), ids: &ids), as: UTF8.self)
    }

    func testRowWithoutCellsAndTableWithoutRowsGo() throws {
        let xml = "<w:body><w:tbl><w:tblPr/><w:tr><w:trPr/></w:tr></w:tbl><w:p/></w:body>"
        XCTAssertEqual(try repaired(xml), "<w:body><w:p/></w:body>")
    }

    func testCellEndsWithAParagraph() throws {
        let xml = "<w:tc><w:tcPr/><w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc>"
        XCTAssertEqual(try repaired(xml), "<w:tc><w:tcPr/><w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:tc>")
        XCTAssertEqual(try repaired("<w:tc><w:tcPr/></w:tc>"), "<w:tc><w:tcPr/><w:p/></w:tc>")
    }

    func testHeadersAndTextBoxesKeepAParagraph() throws {
        XCTAssertEqual(try repaired("<w:hdr></w:hdr>"), "<w:hdr><w:p/></w:hdr>")
        XCTAssertEqual(try repaired("<w:txbxContent><w:sdt/></w:txbxContent>"), "<w:txbxContent><w:sdt/><w:p/></w:txbxContent>")
    }

    func testDuplicateDrawingAndControlIdsAreRenumbered() throws {
        let xml = "<r><wp:docPr id=\"1\"/><wp:docPr id=\"1\"/><wp:docPr id=\"2\"/><w:id w:val=\"-5\"/><w:id w:val=\"-5\"/></r>"
        XCTAssertEqual(try repaired(xml, firstFreeDrawingID: 10),
                       "<r><wp:docPr id=\"1\"/><wp:docPr id=\"10\"/><wp:docPr id=\"2\"/><w:id w:val=\"-5\"/><w:id w:val=\"100000\"/></r>")
    }

    func testUnpairedBookmarksAndCommentRangesAreRemoved() throws {
        let xml = "<w:p><w:bookmarkStart w:id=\"1\" w:name=\"a\"/><w:bookmarkEnd w:id=\"2\"/><w:bookmarkStart w:id=\"3\" w:name=\"b\"/>"
            + "<w:bookmarkEnd w:id=\"3\"/><w:commentRangeStart w:id=\"9\"/></w:p>"
        XCTAssertEqual(try repaired(xml), "<w:p><w:bookmarkStart w:id=\"3\" w:name=\"b\"/><w:bookmarkEnd w:id=\"3\"/></w:p>")
    }

    func testARangeInsideATableThatGoesIsNotCountedAndItsPartnerGoes() throws {
        let xml = "<w:body><w:bookmarkStart w:id=\"4\" w:name=\"x\"/><w:tbl><w:tblPr/><w:tr>"
            + "<w:bookmarkEnd w:id=\"4\"/></w:tr></w:tbl><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:body>"
        XCTAssertEqual(try repaired(xml), "<w:body><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:body>")
    }

    func testIdsStayUniqueAcrossParts() throws {
        var ids = UniqueIDs(firstFreeDrawingID: 7)
        let part = try XMLReader.parse(Array("<w:ftr><wp:docPr id=\"3\"/><w:p/></w:ftr>".utf8), part: "test")
        let first = String(decoding: PartFiller.fill(part, ContextStack(root: .null), ids: &ids), as: UTF8.self)
        let second = String(decoding: PartFiller.fill(part, ContextStack(root: .null), ids: &ids), as: UTF8.self)
        XCTAssertEqual(first, "<w:ftr><wp:docPr id=\"3\"/><w:p/></w:ftr>")
        XCTAssertEqual(second, "<w:ftr><wp:docPr id=\"7\"/><w:p/></w:ftr>")
    }

    func testAnElementLeftEmptyIsWrittenAsAnEmptyElement() throws {
        XCTAssertEqual(try repaired("<w:body><w:p></w:p><w:tc></w:tc></w:body>"), "<w:body><w:p/><w:tc><w:p/></w:tc></w:body>")
    }

    func testWordsParagraphIdsAreLeftOutOfCopies() throws {
        let xml = "<w:body><w:p><w:r><w:t>{{#items}}</w:t></w:r></w:p>"
            + "<w:p w14:paraId=\"1A2B3C4D\" w14:textId=\"77777777\" w:rsidR=\"00AB\"><w:r><w:t>{{.}}</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>{{/items}}</w:t></w:r></w:p></w:body>"
        let template = try XMLReader.parse(Array(xml.utf8), part: "test")
        var builder = TemplateBuilder(part: "test", firstTagID: 0)
        let nodes = builder.build(template)
        XCTAssertTrue(builder.problems.isEmpty, "\(builder.problems)")
        var ids = UniqueIDs(firstFreeDrawingID: 1)
        let filled = String(decoding: PartFiller.fill(nodes, ContextStack(root: ["items": ["a", "b", "c"]]), ids: &ids), as: UTF8.self)
        XCTAssertEqual(filled.components(separatedBy: "w14:paraId=").count - 1, 1, filled)
        XCTAssertEqual(filled.components(separatedBy: "w14:textId=").count - 1, 1, filled)
        XCTAssertEqual(filled.components(separatedBy: "w:rsidR=").count - 1, 3, "other attributes stay on every copy: \(filled)")
    }
}
