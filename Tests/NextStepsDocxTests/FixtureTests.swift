import XCTest
@testable import NextStepsDocx

/// Real Word and LibreOffice templates from other engines' test suites.
final class FixtureTests: XCTestCase {
    typealias S = DocxTestSupport

    func testEveryFixtureOpensAndReportsItsTagsWithLocations() throws {
        let fixtures = try WildFixtures.all()
        XCTAssertGreaterThanOrEqual(fixtures.count, 20)
        for (name, data) in fixtures {
            let template = try DocxTemplate(data: data)
            XCTAssertTrue(template.partNames.contains(template.mainPartName), name)
            for finding in template.check() {
                XCTAssertTrue(template.partNames.contains(finding.part), "\(name): \(finding)")
                XCTAssertGreaterThan(finding.location.paragraph, 0, "\(name): \(finding)")
            }
        }
    }

    func testFixturesWithoutNextStepsTagsComeThroughByteIdentical() throws {
        var checked = 0
        for (name, data) in try WildFixtures.all() {
            let template = try DocxTemplate(data: data)
            guard template.check().isEmpty else { continue }
            checked += 1
            let input = try S.unzip(data)
            let output = try S.unzip(try template.render(["x": "y"]))
            XCTAssertEqual(output.map(\.name), input.map(\.name), name)
            for (original, copy) in zip(input, output) {
                XCTAssertEqual(original.data, copy.data, "\(name): \(original.name) changed")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 10)
    }

    func testFixturesWithFillableTagsRenderCleanlyAndKeepOtherPartsIdentical() throws {
        var checked = 0
        for (name, data) in try WildFixtures.all() {
            let template = try DocxTemplate(data: data)
            guard template.problemFindings.isEmpty, !template.check().isEmpty else { continue }
            checked += 1
            let output = try S.unzip(try template.render([:]))
            try S.assertHygiene(output)
            let tagged = Set(template.check().map(\.part))
            for original in try S.unzip(data) where !tagged.contains(original.name) {
                XCTAssertEqual(output.first { $0.name == original.name }?.data, original.data, "\(name): \(original.name)")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 3)
    }

    func testNestedForTemplateFills() throws {
        let converter = DocxtplConverter()
        let data = try WildFixtures.rewriting(try WildFixtures.data("docxtpl__nested_for_tpl")) { xml in
            FixtureRewriter.rewrite(xml, edits: converter.edits)
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        let value: TemplateValue = [
            "dishes": [["name": "Soup", "ingredients": ["leek", "salt"]], ["name": "Tart", "ingredients": ["egg"]]],
            "authors": [["name": "Le Guin", "books": [["title": "Earthsea"]]]],
        ]
        let parts = try S.fill(data, value)
        let texts = S.texts(parts).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertTrue(texts.contains("Soup : leek, salt, "), "\(texts)")
        XCTAssertTrue(texts.contains("Tart : egg, "), "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("Le Guin  :  Earthsea") }, "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("{%") })
    }

    func testOrderTemplateRepeatsTableRowsAndChoosesBranches() throws {
        let converter = DocxtplConverter()
        let data = try WildFixtures.rewriting(try WildFixtures.data("docxtpl__order_tpl")) { xml in
            FixtureRewriter.rewrite(xml, edits: converter.edits)
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        let value: TemplateValue = [
            "customer_name": "Ms <Smith> & Co", "total_price": "30", "company_name": "Shop", "is_paid": false,
            "in_europe": true,
            "items": [["desc": "Pens", "qty": "2", "price": "10"], ["desc": "Ink", "qty": "1", "price": "20"]],
        ]
        let parts = try S.fill(data, value)
        let texts = S.texts(parts)
        XCTAssertTrue(texts.contains("Dear Ms <Smith> & Co,"), "\(texts)")
        let start = try XCTUnwrap(texts.firstIndex(of: "Pens"))
        XCTAssertEqual(Array(texts[start..<(start + 6)]), ["Pens", "2", "10", "Ink", "1", "20"])
        XCTAssertTrue(texts.contains { $0.hasPrefix("Please, pay your order : 30") && $0.contains("Euros") })
        XCTAssertFalse(texts.contains("You have already paid this order, thank you."))
    }

    func testSplitDelimitersFixtureFills() throws {
        let original = try WildFixtures.data("docxtemplates__splitDelimiters")
        let data = try WildFixtures.rewriting(original) { xml in
            FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\+\\+\\+INS (\\w+)\\+\\+\\+", text).map { match in
                    let name = match.range(at: 1)
                    var units: [String?] = ["{", "{", "", "", "", "", ""]
                    units += Array(repeating: nil, count: name.length)
                    units += ["}", "}", ""]
                    return FixtureRewriter.Edit(range: match.range, units: units)
                }
            }
        }
        let parts = try S.fill(data, ["foo": "FOO"])
        let texts = S.texts(parts).filter { $0.contains("FOO") }
        XCTAssertEqual(texts.count, 4, "\(S.texts(parts))")
        XCTAssertTrue(texts.allSatisfy { $0.hasSuffix(":FOO") }, "\(texts)")
    }

    func testOffice365FixtureWithDocument2Fills() throws {
        let original = try WildFixtures.data("docxtemplates__office365")
        let data = try WildFixtures.rewriting(original, part: "word/document2.xml") { xml in
            FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\{(\\w+)\\}", text).map { match in
                    FixtureRewriter.Edit(range: match.range,
                                         units: ["{{"] + Array(repeating: nil, count: match.range.length - 2) + ["}}"])
                }
            }
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.mainPartName, "word/document2.xml")
        let parts = try S.fill(data, ["test": "one", "test2": "two"])
        let texts = S.texts(parts, "word/document2.xml").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(texts.contains("one") && texts.contains("two"), "\(texts)")
    }

    func testHeaderFooterFixtureFillsEveryPart() throws {
        var data = try WildFixtures.data("docxtpl__header_footer_tpl")
        data = try WildFixtures.rewriting(data) { xml in
            FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\{\\{p mysubdoc\\}\\}", text).map { FixtureRewriter.Edit.whole($0.range, "") }
            }
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        XCTAssertEqual(Set(template.check().map(\.part)), ["word/document.xml", "word/header2.xml", "word/footer2.xml"])
        let parts = try S.fill(data, ["title": "Review", "date": "1 Dec", "company_name": "Hill School"])
        XCTAssertTrue(S.texts(parts).contains("Review"))
        XCTAssertTrue(S.texts(parts, "word/header2.xml").contains { $0.contains("1 Dec") })
        XCTAssertTrue(S.texts(parts, "word/footer2.xml").contains { $0.contains("Hill School") })
    }

    func testContentControlsFixtureFillsInlineSectionsInsideControls() throws {
        var open: [String] = []
        let data = try WildFixtures.rewriting(try WildFixtures.data("easytemplatex__content_controls")) { xml in
            FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\{\\{ >> (\\w+) \\}\\}|\\{\\{ << \\}\\}", text).map { match in
                    if match.range(at: 1).location != NSNotFound {
                        let name = (text as NSString).substring(with: match.range(at: 1))
                        open.append(name)
                        return .whole(match.range, "{{#\(name)}}")
                    }
                    return .whole(match.range, "{{/\(open.popLast() ?? "?")}}")
                }
            }
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        let value: TemplateValue = ["Loop1": [["Tag1": "a"], ["Tag1": "b"]], "Loop2": [], "Loop3": true, "Tag3": "t3"]
        let parts = try S.fill(data, value)
        let texts = S.texts(parts)
        XCTAssertTrue(texts.contains { $0.contains("Hello  Something1 a Something1 b") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("Hello  Something3 t3") }, "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("Something2") }, "\(texts)")
        let controlIDs = S.xml(parts).components(separatedBy: "<w:id w:val=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertGreaterThan(controlIDs.count, 4)
        XCTAssertEqual(Set(controlIDs).count, controlIDs.count, "content control ids stay unique: \(controlIDs)")
    }

    func testHebrewSchoolReportFillsRightToLeftLoops() throws {
        let data = try WildFixtures.rewriting(try WildFixtures.data("easytemplatex__real_life_-_he")) { xml in
            FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\{([#/@]?)([^{}]+)\\}", text).map { match in
                    let ns = text as NSString
                    if ns.substring(with: match.range(at: 1)) == "@" { return .whole(match.range, "") }
                    var units: [String?] = []
                    for offset in 0..<match.range.length {
                        let unit = ns.substring(with: NSRange(location: match.range.location + offset, length: 1))
                        units.append(unit == "{" ? "{{" : unit == "}" ? "}}" : unit == " " ? "_" : nil)
                    }
                    return FixtureRewriter.Edit(range: match.range, units: units)
                }
            }
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        let groups: TemplateValue = [["שם_הקבוצה": "מתמטיקה", "שם_המורה": "רות", "הערכה_מילולית": "עבודה טובה & מסודרת"],
                                     ["שם_הקבוצה": "אנגלית", "שם_המורה": "Ms Lee", "הערכה_מילולית": "Good <progress>"]]
        let value: TemplateValue = ["תלמידים": [["שם_התלמיד": "דנה", "קבוצות": groups], ["שם_התלמיד": "יואב", "קבוצות": []]]]
        let parts = try S.fill(data, value)
        let texts = S.texts(parts).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertEqual(texts.filter { $0.contains("שם התלמיד/ה:") }.count, 2, "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("דנה") } && texts.contains { $0.contains("יואב") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("מתמטיקה") && $0.contains("רות") }, "\(texts)")
        XCTAssertTrue(texts.contains("עבודה טובה & מסודרת"), "\(texts)")
        XCTAssertTrue(texts.contains("Good <progress>"), "\(texts)")
        XCTAssertEqual(S.xml(parts, "word/header1.xml"), S.xml(try S.unzip(data), "word/header1.xml"))
    }

    /// docxtemplater's `{#x}…{/x}` in one table row, tags split by Word: the row form of sections.
    func testIntelligentLoopTableRowRepeats() throws {
        let data = try WildFixtures.rewriting(try WildFixtures.data("docxtemplater__tag-intelligent-loop-table")) { xml in
            FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\{[#/^]?\\w+\\}", text).map { match in
                    FixtureRewriter.Edit(range: match.range,
                                         units: ["{{"] + Array(repeating: nil, count: match.range.length - 2) + ["}}"])
                }
            }
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        let clients: TemplateValue = [["first_name": "Ann", "last_name": "Ray", "phone": "01"],
                                      ["first_name": "Bo", "last_name": "Sun", "phone": "02"],
                                      ["first_name": "Cy", "last_name": "Tan", "phone": "03"]]
        let parts = try S.fill(data, ["clients": clients])
        let texts = S.texts(parts).filter { !$0.isEmpty }
        let start = try XCTUnwrap(texts.firstIndex(of: "Ann"))
        XCTAssertEqual(Array(texts[start..<(start + 9)]), ["Ann", "Ray", "01", "Bo", "Sun", "02", "Cy", "Tan", "03"])
        let none = try S.fill(data, ["clients": []])
        XCTAssertFalse(S.texts(none).contains("Ann"))
    }

    /// docx-templates' `+++FOR+++` rows holding only the loop commands: the marker-row form.
    func testForRowTemplateRepeatsRowsBetweenMarkerRows() throws {
        let data = try WildFixtures.rewriting(try WildFixtures.data("docxtemplates__for-row1")) { xml in
            FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\+\\+\\+FOR \\w+ IN \\w+\\+\\+\\+", text).map { .whole($0.range, "{{#companies}}") }
                    + FixtureRewriter.matches("\\+\\+\\+INS \\$company\\.name\\+\\+\\+", text).map { .whole($0.range, "{{name}}") }
                    + FixtureRewriter.matches("\\+\\+\\+END-FOR \\w+\\+\\+\\+", text).map { .whole($0.range, "{{/companies}}") }
            }
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        let parts = try S.fill(data, ["companies": [["name": "Acme & Sons"], ["name": "Globex"]]])
        let xml = S.xml(parts)
        XCTAssertEqual(S.texts(parts).filter { !$0.isEmpty }, ["Name", "Acme & Sons", "Globex"])
        XCTAssertEqual(S.count("<w:tr ", in: xml) + S.count("<w:tr>", in: xml), 3, "header row and one row per company")
    }

    /// docxtpl's row loop of the vertical-merge example (cells spanning columns), without its `{% vm %}` command.
    func testVerticalMergeTemplateRepeatsRows() throws {
        let converter = DocxtplConverter()
        let data = try WildFixtures.rewriting(try WildFixtures.data("docxtpl__vertical_merge_tpl")) { xml in
            let withoutMerge = FixtureRewriter.rewrite(xml) { (text: String) -> [FixtureRewriter.Edit] in
                FixtureRewriter.matches("\\{% vm %\\}", text).map { FixtureRewriter.Edit.whole($0.range, "") }
            }
            return FixtureRewriter.rewrite(withoutMerge, edits: converter.edits)
        }
        let template = try DocxTemplate(data: data)
        XCTAssertEqual(template.problemFindings, [])
        let items: TemplateValue = [["desc": "Pens", "qty": "2", "price": "3"], ["desc": "Ink", "qty": "1", "price": "4"],
                                    ["desc": "Pads", "qty": "5", "price": "6"]]
        let parts = try S.fill(data, ["items": items, "category": "Office", "total_price": "13"])
        let texts = S.texts(parts)
        for word in ["Pens", "Ink", "Pads", "13"] { XCTAssertTrue(texts.contains(word), "\(word) in \(texts)") }
        let spans = S.count("<w:gridSpan", in: S.xml(try S.unzip(data)))
        XCTAssertGreaterThan(spans, 0)
        XCTAssertEqual(S.count("<w:tr ", in: S.xml(try S.unzip(data))), 5)
        XCTAssertEqual(S.count("<w:tr ", in: S.xml(parts)), 5, "header, three item rows, total; the marker rows are gone")
    }
}
