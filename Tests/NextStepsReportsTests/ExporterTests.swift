import Foundation
import NextStepsCore
import NextStepsRecords
@testable import NextStepsReports
import XCTest

final class ExporterTests: XCTestCase {
    func template(_ name: String) throws -> Data {
        try Data(contentsOf: ReportFixtures.root.appendingPathComponent("Content/templates/\(name)"))
    }

    func testMarkdownKeepsThePupilsWordsExactlyAndSaysWhoIsTalking() throws {
        let model = try ReportFixtures.model()
        let data = try MarkdownExporter().export(model, record: ReportFixtures.record(),
                                                 resources: ExportResources(template: try template("my-views.md.mustache")))
        let text = try XCTUnwrap(String(data: data, encoding: .utf8))
        XCTAssertTrue(text.contains("# My views: Sam"))
        XCTAssertTrue(text.contains(#"My cat \<Tilly\> & "Rex" \*stars\* =SUM(A1)"#), "Markdown's own characters are escaped, nothing else:\n\(text)")
        XCTAssertFalse(text.contains("&amp;"), "no HTML escaping in Markdown")
        XCTAssertEqual(MarkdownContentType().escapeText("&amp; & &#38; &x &;"), ##"\&amp; & \&\#38; &x &;"##,
                       "an & is escaped only where it would start a character reference")
        XCTAssertTrue(text.contains("the pupil's own words; typed by the pupil; with Ms Khan, careers adviser;"), text)
        XCTAssertTrue(text.contains("## Adults' notes"))
        XCTAssertTrue(text.contains("Smiled a lot"))
        XCTAssertFalse(text.contains("{{"), "every tag is filled")
    }

    func testHTMLIsSelfContainedEscapedAndLabelled() throws {
        let model = try ReportFixtures.model()
        let svg = Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100"/></svg>"#.utf8)
        let content = try ReportFixtures.content()
        let pictures = Dictionary(uniqueKeysWithValues: Set(model.answers.map(\.symbol)).map { ($0, svg) })
        let data = try HTMLExporter().export(model, record: ReportFixtures.record(),
                                             resources: ExportResources(template: try template("my-views.html.mustache"),
                                                                        pictures: pictures, symbols: content.symbols))
        let html = try XCTUnwrap(String(data: data, encoding: .utf8))
        XCTAssertTrue(html.contains(#"<html lang="en-GB">"#))
        XCTAssertTrue(html.contains("My cat &lt;Tilly&gt; &amp; &quot;Rex&quot; *stars*"), "the pupil's words, escaped for HTML")
        XCTAssertTrue(html.contains(#"src="data:image/svg+xml;base64,"#), "pictures are inline")
        XCTAssertFalse(html.contains("src=\"http"), "nothing is fetched")
        XCTAssertFalse(html.contains("alt=\"\""), "every picture has words")
        XCTAssertTrue(html.contains("@page { size: A4"), "printable on A4")
        XCTAssertFalse(html.contains("Smiled a lot"), "the adults' notes are not on the pupil's page")
        let headings = html.components(separatedBy: "<h").dropFirst().compactMap { $0.first }.compactMap { Int(String($0)) }
        XCTAssertEqual(headings.first, 1)
        XCTAssertTrue(zip(headings, headings.dropFirst()).allSatisfy { $1 <= $0 + 1 }, "headings in order: \(headings)")
    }

    func testCSVNeutralisesFormulasQuotesAndOpensAsUTF8() throws {
        let data = try CSVExporter().export(try ReportFixtures.model(), record: ReportFixtures.record(), resources: ExportResources())
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte order mark, so Excel reads UTF-8")
        let text = try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, CSVExporter.headings.joined(separator: ","))
        XCTAssertEqual(lines.count, 1 + 8 + 1, "a header, a row per current answer, and the final line end")
        XCTAssertTrue(text.contains(#""My cat <Tilly> & ""Rex"" *stars* =SUM(A1)""#), "quoted, quotes doubled")
        for cell in ["=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx"] {
            let row = CSVExporterProbe.cell(cell)
            XCTAssertTrue(row.hasPrefix("'") || row.hasPrefix("\"'"), "\(cell) is made plain text: \(row)")
        }
        XCTAssertEqual(CSVExporterProbe.cell("plain"), "plain")
    }

    func testJSONHasWordsBesideIdsAndReadsBackButANewerFormatIsRefused() throws {
        let record = ReportFixtures.record()
        let data = try JSONExporter().export(try ReportFixtures.model(), record: record, resources: ExportResources())
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["formatVersion"] as? Int, RecordExport.currentFormat)
        let answers = try XCTUnwrap(object["answers"] as? [[String: Any]])
        XCTAssertEqual(answers.first?["supporter"] as? String, "Ms Khan", "the adult's name beside the id, as before")
        XCTAssertEqual(answers.first?["adultId"] as? Int, 1)
        XCTAssertEqual((object["sittings"] as? [[String: Any]])?.first?["supporterRole"] as? String, "careers adviser")
        XCTAssertEqual(answers.first?["answerInWords"] as? String, "Animals", "a replaced answer keeps its own words")
        XCTAssertEqual(answers.first?["replaced"] as? Bool, true)
        XCTAssertEqual(answers.first?["question"] as? String, "Some people have a job they like. What kind of work might you like?")
        XCTAssertEqual(answers[3]["who"] as? String, "an adult's note")
        // "I hate this" read as "I don't like this" was typed, not chosen: the same words as
        // every other export (a tester found "chosen from the options" here alone).
        XCTAssertEqual(answers[5]["how"] as? String, AnswerMode.typedByPupil.inWords)
        XCTAssertEqual(answers[1]["how"] as? String, AnswerMode.chosenFromOptions.inWords, "option numbers are chosen")
        XCTAssertEqual(try RecordExport.read(data).answers, record.answers)
        let newer = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"formatVersion\" : \(RecordExport.currentFormat)", with: "\"formatVersion\" : 99")
        XCTAssertThrowsError(try RecordExport.read(Data(newer.utf8))) { error in
            XCTAssertTrue("\(error)".contains("newer NextSteps"), "\(error)")
        }
    }

    func testTheFormatFollowsTheFilesEnding() {
        let registry = ExporterRegistry.standard
        XCTAssertEqual(registry.exporter(forFile: "sam.HTML")?.name, "html")
        XCTAssertEqual(registry.exporter(forFile: "out/sam.md")?.name, "md")
        XCTAssertEqual(registry.exporter(forFile: "cohort.csv")?.name, "csv")
        XCTAssertNil(registry.exporter(forFile: "sam"))
        XCTAssertEqual(registry.exporter(named: "JSON")?.name, "json")
    }
}
