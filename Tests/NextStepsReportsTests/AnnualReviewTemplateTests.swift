import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NextStepsCore
import NextStepsDocx
import NextStepsReports
import XCTest
import ZIPFoundation

/// The shipped annual-review Word template: kept with its source, free of problems, and filled
/// with the pupil's words exactly.
final class AnnualReviewTemplateTests: XCTestCase {
    let templates = ReportFixtures.root.appendingPathComponent("Content/templates")

    func parts(of data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var out: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            out[entry.path] = bytes
        }
        return out
    }

    func testTheShippedTemplateIsBuiltFromItsSource() throws {
        let shipped = try parts(of: try Data(contentsOf: templates.appendingPathComponent("annual-review.docx")))
        let source = templates.appendingPathComponent("annual-review")
        XCTAssertEqual(shipped.count, 7)
        for (name, bytes) in shipped {
            XCTAssertEqual(try Data(contentsOf: source.appendingPathComponent(name)), bytes,
                           "\(name) differs from its source: run .ci/build-annual-review")
        }
    }

    func testItHasNoProblemsAndUsesOnlyKnownNames() throws {
        let findings = try DocxExporter.check(try Data(contentsOf: templates.appendingPathComponent("annual-review.docx")))
        XCTAssertEqual(findings.filter(\.isProblem).map(\.text), [])
        XCTAssertGreaterThan(findings.count, 40)
        let inspection = try DocxExporter.inspect(try Data(contentsOf: templates.appendingPathComponent("annual-review.docx")))
        XCTAssertTrue(inspection.hasTags)
        XCTAssertEqual(inspection.lines, findings)
    }

    // A template for another engine (`{name}` tags, no `{{…}}`) fills nothing: refused, not written empty.
    func testATemplateWithNoNextStepsTagsIsRefused() throws {
        let fixture = URL(fileURLWithPath: "/work/shared/fixtures/docx-wild/easytemplatex__real_life_-_he.docx")
        guard let template = try? Data(contentsOf: fixture) else { throw XCTSkip("the wild templates are not on this machine") }
        let inspection = try DocxExporter.inspect(template)
        XCTAssertFalse(inspection.hasTags)
        XCTAssertFalse(inspection.singleBraceTags.isEmpty)
        XCTAssertThrowsError(try DocxExporter().export(try ReportFixtures.model(), record: ReportFixtures.record(),
                                                       resources: ExportResources(template: template))) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("no NextSteps tags") && line.contains("{{pupil.name}}"), line)
            XCTAssertTrue(line.contains(inspection.singleBraceTags[0]), line)
            XCTAssertFalse(line.contains("\n"), "one line: \(line)")
        }
    }

    func testFilledItHoldsThePupilsWordsExactlyAndIsWellFormed() throws {
        let model = try ReportFixtures.model()
        let template = try Data(contentsOf: templates.appendingPathComponent("annual-review.docx"))
        let filled = try DocxExporter().export(model, record: ReportFixtures.record(), resources: ExportResources(template: template))
        let out = try parts(of: filled)
        let document = try XCTUnwrap(out["word/document.xml"])
        XCTAssertNoThrow(try XMLDocument(data: document, options: []), "well-formed")
        let xml = String(decoding: document, as: UTF8.self)
        XCTAssertFalse(xml.contains("{{"), "every tag is filled")
        XCTAssertTrue(xml.contains("My cat &lt;Tilly&gt; &amp; \"Rex\" *stars* =SUM(A1)") || xml.contains("My cat &lt;Tilly&gt; &amp; &quot;Rex&quot; *stars* =SUM(A1)"),
                      "the pupil's words, escaped for XML")
        XCTAssertTrue(xml.contains("Smiled a lot"), "notes are in their own part of the form")
        XCTAssertEqual(out["word/styles.xml"], try parts(of: template)["word/styles.xml"], "untouched parts are copied byte for byte")
        let footer = String(decoding: try XCTUnwrap(out["word/footer1.xml"]), as: UTF8.self)
        XCTAssertTrue(footer.contains("Sam Smith"), "headers and footers are filled too")
    }
}
