import XCTest
@testable import NextStepsDocx

/// `check` lists every tag with its place and every problem at once.
final class CheckTests: XCTestCase {
    typealias S = DocxTestSupport

    func testEveryTagIsListedWithItsLocation() throws {
        let table = TableRowTests.table(TableRowTests.row("{{#actions}}{{text}}", "{{who}}{{/actions}}"))
        let template = try DocxTemplate(data: try S.docx(body: S.p("Hello {{pupil.knownAs}}") + table,
                                                         headers: [S.p("{{school.name}}")]))
        let findings = template.check()
        XCTAssertEqual(findings.map(\.message),
                       ["{{pupil.knownAs}}", "{{#actions}}", "{{text}}", "{{who}}", "{{/actions}}", "{{school.name}}"])
        XCTAssertTrue(findings.allSatisfy { $0.kind == .tag })
        XCTAssertEqual(findings[0].location, TemplateLocation(part: "word/document.xml", paragraph: 1,
                                                              nearby: "Hello {{pupil.knownAs}}"))
        XCTAssertEqual(findings[3].location.table, 1)
        XCTAssertEqual(findings[3].location.row, 1)
        XCTAssertEqual(findings[3].location.paragraph, 3)
        XCTAssertEqual(findings[5].part, "word/header1.xml")
        XCTAssertTrue(findings[3].description.contains("table 1 row 1"), findings[3].description)
    }

    // A template written for another engine (`{name}` tags) has no NextSteps tag: it says so,
    // with a few of its single-brace pieces; `{{…}}` and plain braces in words are not those.
    func testATemplateWithOnlySingleBraceTagsHasNoTagsAndNamesThem() throws {
        let body = S.p("Name: {first name}") + S.p("{#rows}{שם}{/rows}") + S.p("{@page}") + S.p("{ } {1} {x")
        let other = try DocxTemplate(data: try S.docx(body: body))
        XCTAssertFalse(other.hasTags)
        XCTAssertEqual(other.check(knownNames: ["pupil.name"]), [])
        XCTAssertEqual(other.singleBraceTags, ["{first name}", "{#rows}", "{שם}"])

        let plain = try DocxTemplate(data: try S.docx(body: S.p("No tags here at all.")))
        XCTAssertFalse(plain.hasTags)
        XCTAssertEqual(plain.singleBraceTags, [])

        let ours = try DocxTemplate(data: try S.docx(body: S.p("Hello {{pupil.knownAs}}") + S.p("{{#a}}{b}{{/a}}")))
        XCTAssertTrue(ours.hasTags)
        XCTAssertEqual(ours.singleBraceTags, [], "a paragraph with NextSteps tags is not searched for others")
        XCTAssertEqual(TagScanner.singleBraced(Array("{{name}} {{{raw}}} and {other}".unicodeScalars)), ["{other}"])
        XCTAssertEqual(TagScanner.singleBraced(Array("{l1\nl2\tl3}".unicodeScalars)), ["{l1l2l3}"], "line breaks are taken out")
    }

    func testUnknownNamesAreReportedAndSectionRelativeNamesAccepted() throws {
        let body = S.p("{{pupil.knownAs}} {{pupil.nickname}} {{nope}}") + S.p("{{#actions}}")
            + S.p("{{text}} {{pupil.knownAs}} {{bogus}} {{.}}") + S.p("{{/actions}}") + S.p("{{#pupil}}{{knownAs}}{{/pupil}}")
        let template = try DocxTemplate(data: try S.docx(body: body))
        let known: Set<String> = ["pupil.knownAs", "actions", "actions.text"]
        let problems = template.check(knownNames: known).filter { $0.kind == .problem }
        XCTAssertEqual(problems.map(\.message).sorted(), [
            "“{{bogus}}” is not a name NextSteps knows",
            "“{{nope}}” is not a name NextSteps knows",
            "“{{pupil.nickname}}” is not a name NextSteps knows",
        ])
        XCTAssertTrue(template.check(knownNames: nil).allSatisfy { $0.kind == .tag })
    }

    func testAllProblemsAreReportedAtOnce() throws {
        let body = S.p("{{#open}}") + S.p("text") + S.p("{{/other}}") + S.p("bad {{ a b }} tag")
            + S.p("{{unclosed") + S.p("x {{#inline}} y") + S.p("z}}")
        let template = try DocxTemplate(data: try S.docx(body: body, footers: [S.p("{{/nothing}}")]))
        let problems = template.check().filter { $0.kind == .problem }
        let messages = problems.map(\.message).joined(separator: "\n")
        XCTAssertGreaterThanOrEqual(problems.count, 6, messages)
        XCTAssertTrue(messages.contains("“{{/other}}” closes a section, but “{{#open}}” is still open"), messages)
        XCTAssertTrue(messages.contains("is not a tag"), messages)
        XCTAssertTrue(messages.contains("does not end in its paragraph"), messages)
        XCTAssertTrue(messages.contains("“}}” has no “{{” before it"), messages)
        XCTAssertTrue(messages.contains("shares its paragraph with other text"), messages)
        XCTAssertTrue(problems.contains { $0.part == "word/footer1.xml" }, messages)
        XCTAssertEqual(template.problemFindings.count, problems.count)
        XCTAssertThrowsError(try template.render([:])) { error in
            guard case .templateProblems(let count, _) = error as? DocxError else { return XCTFail("\(error)") }
            XCTAssertEqual(count, problems.count)
        }
    }

    func testSectionAcrossATableEdgeIsReported() throws {
        let table = TableRowTests.table(TableRowTests.row("{{/items}}", "a"))
        let template = try DocxTemplate(data: try S.docx(body: S.p("{{#items}}") + table))
        let problems = template.problemFindings
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems.contains { $0.location.table == 1 && $0.message.contains("{{/items}}") })
        XCTAssertTrue(problems.contains { $0.location.table == nil && $0.message.contains("never closed") })
    }

    func testNoTagsMeansNoFindings() throws {
        XCTAssertEqual(try DocxTemplate(data: try S.docx(body: S.p("Plain { text } here"))).check(), [])
    }
}
