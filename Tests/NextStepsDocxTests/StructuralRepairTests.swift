import XCTest
@testable import NextStepsDocx

/// The repairs applied to every filled part, checked on hand-made trees.
final class StructuralRepairTests: XCTestCase {
    func repaired(_ xml: String, firstFreeDrawingID: Int = 100) throws -> String {
        var repair = StructuralRepair(firstFreeDrawingID: firstFreeDrawingID)
        let nodes = repair.repair(try XMLReader.parse(Array(xml.utf8), part: "test"))
        var out: [UInt8] = []
        XMLWriter.write(nodes, into: &out)
        return String(decoding: out, as: UTF8.self)
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
}
