import XCTest
@testable import NextStepsDocx

/// Table rows that repeat, and the repairs that keep tables valid.
final class TableRowTests: XCTestCase {
    typealias S = DocxTestSupport

    static func cell(_ text: String) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>\(S.p(text))</w:tc>"
    }

    static func row(_ cells: String...) -> String {
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cells.map(cell).joined() + "</w:tr>"
    }

    static func table(_ rows: String...) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/>"
            + "</w:tblGrid>" + rows.joined() + "</w:tbl>"
    }

    let people: TemplateValue = ["rows": [["name": "Ann", "age": "9"], ["name": "Bob", "age": "10"]]]

    func testRowStartingAndEndingWithTheTagsRepeats() throws {
        let body = Self.table(Self.row("Name", "Age"), Self.row("{{#rows}}{{name}}", "{{age}}{{/rows}}"))
        let parts = try S.fill(try S.docx(body: body), people)
        XCTAssertEqual(S.texts(parts), ["Name", "Age", "Ann", "9", "Bob", "10"])
        XCTAssertEqual(S.count("<w:cantSplit/>", in: S.xml(parts)), 3, "whole rows cloned with their properties")
    }

    func testRowsBetweenRowsHoldingOnlyTheTagsRepeat() throws {
        let body = Self.table(Self.row("Name", "Age"), Self.row("{{#rows}}", ""), Self.row("{{name}}", "{{age}}"),
                              Self.row("{{/rows}}", ""), Self.row("Total", "2"))
        let parts = try S.fill(try S.docx(body: body), people)
        XCTAssertEqual(S.texts(parts), ["Name", "Age", "Ann", "9", "Bob", "10", "Total", "2"])
        XCTAssertEqual(S.count("<w:tr>", in: S.xml(parts)), 4)
    }

    func testSectionOverSeveralRowsWithContentInTheEdgeRows() throws {
        let body = Self.table(Self.row("{{#rows}}{{name}}", "x"), Self.row("{{age}}", "y{{/rows}}"))
        let parts = try S.fill(try S.docx(body: body), people)
        XCTAssertEqual(S.texts(parts), ["Ann", "x", "9", "y", "Bob", "x", "10", "y"])
    }

    func testSectionRemovingAllRowsRemovesTheTable() throws {
        let body = S.p("Before") + Self.table(Self.row("{{#rows}}{{name}}", "{{age}}{{/rows}}")) + S.p("After")
        let parts = try S.fill(try S.docx(body: body), ["rows": []])
        XCTAssertEqual(S.texts(parts), ["Before", "After"])
        XCTAssertFalse(S.xml(parts).contains("<w:tbl>"))
    }

    func testTableRemovedInsideACellLeavesTheCellAParagraph() throws {
        let inner = Self.table(Self.row("{{#rows}}{{name}}", "{{/rows}}"))
        let body = Self.table("<w:tr><w:tc><w:tcPr/>\(inner)</w:tc>\(Self.cell("Outer"))</w:tr>")
        let parts = try S.fill(try S.docx(body: body), ["rows": []])
        let xml = S.xml(parts)
        XCTAssertEqual(S.count("<w:tbl>", in: xml), 1)
        XCTAssertTrue(xml.contains("<w:tc><w:tcPr/><w:p/></w:tc>"), "the cell ends with a paragraph: \(xml)")
    }

    func testCellEmptiedBySectionKeepsAParagraph() throws {
        let cell = "<w:tc><w:tcPr/>\(S.p("{{#notes}}"))\(S.p("{{.}}"))\(S.p("{{/notes}}"))</w:tc>"
        let body = Self.table("<w:tr>\(cell)\(Self.cell("right"))</w:tr>")
        let parts = try S.fill(try S.docx(body: body), ["notes": []])
        let xml = S.xml(parts)
        XCTAssertTrue(xml.contains("<w:tc><w:tcPr/><w:p/></w:tc>"), xml)
        XCTAssertEqual(S.texts(parts), ["", "right"])
    }

    func testSectionInsideOneCellRepeatsParagraphsThere() throws {
        let cell = "<w:tc>\(S.p("{{#rows}}"))\(S.p("{{name}}"))\(S.p("{{/rows}}"))</w:tc>"
        let body = Self.table("<w:tr>\(cell)</w:tr>")
        let parts = try S.fill(try S.docx(body: body), people)
        XCTAssertEqual(S.texts(parts), ["Ann", "Bob"])
    }

    func testSectionCrossingRowsIncorrectlyIsReported() throws {
        let body = Self.table(Self.row("x {{#rows}}", "a"), Self.row("b", "{{/rows}}"))
        let template = try DocxTemplate(data: try S.docx(body: body))
        XCTAssertFalse(template.problemFindings.isEmpty)
        XCTAssertTrue(template.problemFindings.contains { $0.location.table == 1 && $0.location.row == 1 },
                      "\(template.problemFindings)")
        XCTAssertThrowsError(try template.render(people))
    }

    func testRowSectionNeverClosedIsReported() throws {
        let body = Self.table(Self.row("{{#rows}}", ""), Self.row("{{name}}", ""))
        let template = try DocxTemplate(data: try S.docx(body: body))
        XCTAssertEqual(template.problemFindings.count, 1, "\(template.problemFindings)")
        XCTAssertTrue(template.problemFindings[0].message.contains("{{/rows}}"))
    }
}
