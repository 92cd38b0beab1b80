import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsReports
import PropertyBased
import Testing

/// Every export of any generated record is well-formed: JSON parses and reads back, CSV parses
/// back to the same cells (formulas made plain text), HTML and every XML part of the Word file
/// parse with FoundationXML, Markdown keeps its shape whatever the words, no template tag is
/// left unfilled, and the pupil's words come out exactly as stored.
@Suite struct ExportProperties {
    struct Rendered {
        var json, csv, markdown, html, docx: Data
    }

    static func render(_ record: RecordExport, content: Content) throws -> Rendered {
        let model = ExportModel.build(record: record, content: content, now: record.exportedAt)
        let svg = Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#.utf8)
        let pictures = Dictionary(uniqueKeysWithValues: Set(model.answers.map(\.symbol)).map { ($0, svg) })
        return Rendered(
            json: try JSONExporter().export(model, record: record, resources: ExportResources()),
            csv: try CSVExporter().export(model, record: record, resources: ExportResources()),
            markdown: try MarkdownExporter().export(model, record: record, resources: ExportResources(template: try Shipped.template("my-views.md.mustache"))),
            html: try HTMLExporter().export(model, record: record, resources: ExportResources(template: try Shipped.template("my-views.html.mustache"),
                                                                                              pictures: pictures, symbols: content.symbols)),
            docx: try DocxExporter().export(model, record: record, resources: ExportResources(template: try Shipped.template("annual-review.docx"))))
    }

    /// The same record with every name and every answer's words replaced by plain markers
    /// (`zq7qz` for the answer at index 7), to see where the words land and the shape without them.
    static func plain(_ record: RecordExport) -> RecordExport {
        var copy = record
        copy.pupil.name = "Sam Test"
        copy.pupil.knownAs = "Sam"
        copy.adults = record.adults.enumerated().map { index, adult in
            var plain = adult
            plain.name = "Adult \(index + 1)"
            return plain
        }
        copy.answers = record.answers.enumerated().map { index, answer in
            var plain = answer
            plain.words = "zq\(index)qz"
            return plain
        }
        return copy
    }

    /// A spreadsheet cell as it must come out: a leading =, +, -, @, tab or CR made plain text.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    @Test func everyExportOfAnyRecordIsWellFormed() async throws {
        let content = try Shipped.content()
        await propertyCheck(count: 20, input: Records.recipe(content)) { recipe in
            let record = try Records.make(recipe, content: content)
            let model = ExportModel.build(record: record, content: content, now: record.exportedAt)
            let hostile = try Self.render(record, content: content)
            let markers = try Self.render(Self.plain(record), content: content)
            // libxml2 drops U+FEFF (a byte order mark) wherever it reads one, so the words are
            // looked for without it in what FoundationXML gives back.
            let words = record.answers.enumerated().map { (marker: "zq\($0.offset)qz", words: $0.element.words.replacingOccurrences(of: "\u{FEFF}", with: "")) }

            // JSON: parses, and reads back to the same record.
            _ = try JSONSerialization.jsonObject(with: hostile.json)
            let read = try RecordExport.read(hostile.json)
            #expect(read.answers == record.answers && read.pupil == record.pupil && read.adults == record.adults, "\(recipe)")

            // CSV: a byte order mark, then rows that parse back to exactly the cells, formulas neutralised.
            #expect(hostile.csv.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
            let rows = try ExportReaders.csv(String(decoding: hostile.csv.dropFirst(3), as: UTF8.self))
            let expected = [CSVExporter.headings] + model.answers.map { item in
                [model.pupil.name, model.pupil.knownAs, model.pupil.yearGroup, item.topic, item.question, item.answer, item.typed, item.who,
                 item.how, item.supporter, item.role, item.date, item.topicId, item.stepId, item.cardId].map(Self.neutralised)
            }
            #expect(rows == expected, "\(recipe)")
            #expect(!rows.joined().contains { $0.first.map { "=+-@\t\r".contains($0) } ?? false }, "a cell a spreadsheet would run")

            // Markdown: the same block shape as with plain words, and every tag filled.
            let markdown = String(decoding: hostile.markdown, as: UTF8.self), plainMarkdown = String(decoding: markers.markdown, as: UTF8.self)
            #expect(ExportReaders.markdownShape(markdown) == ExportReaders.markdownShape(plainMarkdown), "\(recipe)")
            #expect(!plainMarkdown.contains("{{") && !plainMarkdown.contains("}}"), "a tag left unfilled in Markdown")

            // HTML: parses as XML; the words are there exactly as stored; every tag filled.
            let html = try ExportReaders.htmlText(String(decoding: hostile.html, as: UTF8.self))
            let plainHTML = try ExportReaders.htmlText(String(decoding: markers.html, as: UTF8.self))
            #expect(!plainHTML.contains("{{") && !plainHTML.contains("}}"), "a tag left unfilled in HTML")
            // Words typed for an option are shown beside it only when they are other words than
            // its meaning ("nah" for "I don't like this"); a marker always is, so those are not looked for.
            // (Nor are option numbers: "3" is a choice from the list.)
            let meanings = Set(model.answers.map { AnswerInterpreter.normalise($0.answer) })
            func shownWhenTyped(_ text: String) -> Bool {
                let key = AnswerInterpreter.normalise(text)
                return !meanings.contains(key) && AnswerInterpreter.numbers(in: key) == nil
            }
            for (marker, text) in words where !text.isEmpty && plainHTML.contains(marker) && shownWhenTyped(text) {
                #expect(html.contains(text), "the HTML does not hold \(text.prefix(80).debugDescription) exactly")
            }
            #expect(html.contains(record.pupil.knownAs.replacingOccurrences(of: "\u{FEFF}", with: "")), "the HTML does not name the pupil as stored")

            // Word: every XML part parses; no tag left; the words are there exactly as stored.
            let parts = try ExportReaders.docxParts(hostile.docx), plainParts = try ExportReaders.docxParts(markers.docx)
            #expect(parts.keys.contains("word/document.xml"))
            for (name, part) in parts {
                #expect(throws: Never.self, "\(name) is not well-formed XML") { _ = try ExportReaders.xmlText(part) }
            }
            var plainText = ""
            for (name, part) in plainParts {
                let text = try ExportReaders.xmlText(part)
                #expect(!text.contains("{{") && !text.contains("}}"), "a tag left unfilled in \(name)")
                if name == "word/document.xml" { plainText = text }
            }
            let document = try ExportReaders.xmlText(parts["word/document.xml"] ?? Data())
            for (marker, text) in words where !text.isEmpty && plainText.contains(marker) && shownWhenTyped(text) {
                #expect(document.contains(text), "the Word file does not hold \(text.prefix(80).debugDescription) exactly")
            }
        }
    }
}
