import XCTest
@testable import NextStepsDocx

/// Sections over paragraphs and inside one paragraph, inverted sections, the context stack.
final class SectionTests: XCTestCase {
    typealias S = DocxTestSupport

    func testSectionOverParagraphsRepeatsWholeParagraphsWithProperties() throws {
        let item = """
            <w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>{{text}} by {{who}}</w:t></w:r></w:p>
            """
        let body = S.p("Actions:") + S.p("{{#actions}}") + item + S.p("{{/actions}}") + S.p("End")
        let data: TemplateValue = ["actions": [["text": "Read", "who": "Ann"], ["text": "Walk", "who": "Bob"]]]
        let parts = try S.fill(try S.docx(body: body), data)
        XCTAssertEqual(S.texts(parts), ["Actions:", "Read by Ann", "Walk by Bob", "End"])
        XCTAssertEqual(S.count("<w:pStyle w:val=\"ListBullet\"/>", in: S.xml(parts)), 2)
    }

    func testEmptyFalseAndNullSectionsRemoveTheirParagraphs() throws {
        let body = S.p("A") + S.p("{{#items}}") + S.p("item") + S.p("{{/items}}") + S.p("B")
        for value: TemplateValue in [[], false, nil, ""] {
            let data: TemplateValue = ["items": value]
            let parts = try S.fill(try S.docx(body: body), data)
            XCTAssertEqual(S.texts(parts), ["A", "B"], "\(value)")
        }
        let once = try S.fill(try S.docx(body: body), ["items": true])
        XCTAssertEqual(S.texts(once), ["A", "item", "B"])
    }

    func testInvertedSectionShowsOnlyWhenEmpty() throws {
        let body = S.p("{{^actions}}") + S.p("None yet.") + S.p("{{/actions}}")
            + S.p("{{#actions}}") + S.p("- {{.}}") + S.p("{{/actions}}")
        let none = try S.fill(try S.docx(body: body), ["actions": []])
        XCTAssertEqual(S.texts(none), ["None yet."])
        let some = try S.fill(try S.docx(body: body), ["actions": ["x", "y"]])
        XCTAssertEqual(S.texts(some), ["- x", "- y"])
    }

    func testNestedSectionsUseTheContextStackAndDottedNames() throws {
        let body = S.p("{{#groups}}") + S.p("{{title}} for {{pupil.knownAs}}") + S.p("{{#items}}")
            + S.p("{{title}}: {{label}} ({{school.name}})") + S.p("{{/items}}") + S.p("{{/groups}}")
        let data: TemplateValue = [
            "pupil": ["knownAs": "Sam"],
            "school": ["name": "Hill"],
            "groups": [
                ["title": "G1", "items": [["label": "a"], ["label": "b", "title": "own"]]],
                ["title": "G2", "items": []],
            ],
        ]
        let parts = try S.fill(try S.docx(body: body), data)
        XCTAssertEqual(S.texts(parts), ["G1 for Sam", "G1: a (Hill)", "own: b (Hill)", "G2 for Sam"])
    }

    func testObjectSectionPushesContextOnce() throws {
        let body = S.p("{{#pupil}}") + S.p("{{knownAs}} in {{year}}") + S.p("{{/pupil}}")
        let parts = try S.fill(try S.docx(body: body), ["pupil": ["knownAs": "Sam"], "year": "Y5"])
        XCTAssertEqual(S.texts(parts), ["Sam in Y5"])
    }

    func testSectionStartingAndEndingParagraphsWithOtherText() throws {
        let body = S.p("Intro") + S.p("{{#pupils}}Name: {{name}}") + S.p("Notes for {{name}}") + S.p("End of {{name}}{{/pupils}}")
            + S.p("Outro")
        let parts = try S.fill(try S.docx(body: body), ["pupils": [["name": "Ann"], ["name": "Bob"]]])
        XCTAssertEqual(S.texts(parts), ["Intro", "Name: Ann", "Notes for Ann", "End of Ann",
                                        "Name: Bob", "Notes for Bob", "End of Bob", "Outro"])
        let none = try S.fill(try S.docx(body: body), ["pupils": []])
        XCTAssertEqual(S.texts(none), ["Intro", "Outro"])
    }

    func testMarkerParagraphEndingAPageSectionKeepsItsSectionBreak() throws {
        let closing = "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\"/></w:sectPr></w:pPr>"
            + "<w:r><w:t>{{/l}}</w:t></w:r></w:p>"
        let body = S.p("{{#l}}") + S.p("{{.}}") + closing + S.p("landscape page")
        let parts = try S.fill(try S.docx(body: body), ["l": ["a", "b"]])
        XCTAssertEqual(S.texts(parts), ["a", "b", "", "landscape page"])
        XCTAssertEqual(S.count("<w:pgSz w:w=\"16838\"", in: S.xml(parts)), 1)
    }

    func testInlineSectionsInsideOneParagraph() throws {
        let body = S.p("Likes: {{#likes}}{{.}}; {{/likes}}{{^likes}}nothing{{/likes}}.")
        let some = try S.fill(try S.docx(body: body), ["likes": ["trains", "maps"]])
        XCTAssertEqual(S.texts(some), ["Likes: trains; maps; ."])
        let none = try S.fill(try S.docx(body: body), ["likes": []])
        XCTAssertEqual(S.texts(none), ["Likes: nothing."])
    }

    func testInlineSectionSplitOverRuns() throws {
        let body = """
            <w:p><w:r><w:t>{{#</w:t></w:r><w:r><w:t>ok}}Y</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>\
            <w:t>E</w:t></w:r><w:r><w:t>S{{/o</w:t></w:r><w:r><w:t>k}}!</w:t></w:r></w:p>
            """
        XCTAssertEqual(S.texts(try S.fill(try S.docx(body: body), ["ok": true])), ["YES!"])
        XCTAssertEqual(S.texts(try S.fill(try S.docx(body: body), ["ok": false])), ["!"])
    }

    func testSectionTagAtTheEdgeOfAContentControlMovesOutOfIt() throws {
        let body = """
            <w:p><w:sdt><w:sdtPr><w:id w:val="7"/></w:sdtPr><w:sdtContent><w:r><w:t>{{#l}}</w:t></w:r></w:sdtContent>\
            </w:sdt><w:r><w:t>[{{.}}]</w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>{{/l}}</w:t></w:r></w:hyperlink></w:p>
            """
        let parts = try S.fill(try S.docx(body: body), ["l": ["a", "b"]])
        XCTAssertEqual(S.texts(parts), ["[a][b]"])
        XCTAssertEqual(S.count("<w:sdt>", in: S.xml(parts)), 2)
        let inside = "<w:p><w:hyperlink r:id=\"rId1\"><w:r><w:t>x {{#l}}</w:t></w:r></w:hyperlink>"
            + "<w:r><w:t>{{/l}}</w:t></w:r></w:p>"
        let problems = try DocxTemplate(data: try S.docx(body: inside)).problemFindings
        XCTAssertFalse(problems.isEmpty)
        XCTAssertTrue(problems.first?.message.contains("content control, link") ?? false, "\(problems)")
    }

    func testSectionRepeatingATableAndParagraphs() throws {
        let table = "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>\(S.p("{{name}}"))</w:tc></w:tr></w:tbl>"
        let body = S.p("{{#people}}") + table + S.p("{{/people}}") + S.p("end")
        let parts = try S.fill(try S.docx(body: body), ["people": [["name": "A"], ["name": "B"]]])
        XCTAssertEqual(S.texts(parts), ["A", "B", "end"])
        XCTAssertEqual(S.count("<w:tbl>", in: S.xml(parts)), 2)
    }

    func testClonedBookmarksAreNotDuplicated() throws {
        let item = """
            <w:p><w:bookmarkStart w:id="7" w:name="Item"/><w:r><w:t>{{.}}</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>
            """
        let body = S.p("{{#list}}") + item + S.p("{{/list}}")
        let parts = try S.fill(try S.docx(body: body), ["list": ["1", "2", "3"]])
        let xml = S.xml(parts)
        XCTAssertEqual(S.texts(parts), ["1", "2", "3"])
        XCTAssertEqual(S.count("w:name=\"Item\"", in: xml), 1)
        XCTAssertEqual(S.count("<w:bookmarkEnd w:id=\"7\"/>", in: xml), 1)
    }

    func testBookmarkHalfInsideARemovedSectionIsNotLeftUnpaired() throws {
        let body = """
            <w:p><w:bookmarkStart w:id="3" w:name="Span"/><w:r><w:t>{{#gone}}</w:t></w:r></w:p>\
            \(S.p("hidden"))<w:p><w:r><w:t>{{/gone}}</w:t></w:r></w:p>\
            <w:p><w:r><w:t>kept</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>
            """
        let parts = try S.fill(try S.docx(body: body), ["gone": false])
        let xml = S.xml(parts)
        XCTAssertEqual(S.texts(parts), ["kept"])
        XCTAssertEqual(S.count("w:bookmarkStart", in: xml), S.count("w:bookmarkEnd", in: xml))
    }

    func testClonedDrawingsGetUniqueIds() throws {
        let drawing = """
            <w:p><w:r><w:t>{{.}}</w:t></w:r><w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/>\
            <wp:docPr id="5" name="Picture 5"/></wp:inline></w:drawing></w:r></w:p>
            """
        let body = S.p("{{#list}}") + drawing + S.p("{{/list}}")
        let parts = try S.fill(try S.docx(body: body), ["list": ["a", "b", "c"]])
        let xml = S.xml(parts)
        let ids = xml.components(separatedBy: "<wp:docPr id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(ids.count, 3)
        XCTAssertEqual(Set(ids).count, 3, "\(ids)")
    }

    func testLookupFollowsMustacheRules() {
        let stack = ContextStack(root: ["a": ["b": "inner"], "x": "outer"]).pushing(["x": "mine"])
        XCTAssertEqual(stack.lookup(TagPath("x")), "mine")
        XCTAssertEqual(stack.lookup(TagPath("a.b")), "inner")
        XCTAssertEqual(stack.lookup(TagPath("a.c")), .null)
        XCTAssertEqual(stack.lookup(TagPath("missing")), .null)
        XCTAssertEqual(stack.lookup(TagPath(".")), ["x": "mine"])
        XCTAssertEqual(TemplateValue.list(["a", "", "b"]).displayText, "a, b")
        XCTAssertEqual(TemplateValue.bool(true).displayText, "true")
    }
}
