import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsReports
import Testing

/// Records the export property found breaking the Markdown's shape, kept as regressions: a
/// name that begins like a list item ("1. Listed") made the line under the heading a list.
@Suite struct ExportFoundTests {
    @Test(arguments: ["1. Listed", "1) Listed", "- Dash", "+ Plus", "12345. Long number"])
    func aNameThatLooksLikeAListItemStaysText(_ name: String) throws {
        let content = try Shipped.content()
        let pupil = Pupil(id: 1, name: name, knownAs: "Sam", createdAt: Date(timeIntervalSince1970: 1_780_000_000))
        let record = RecordExport(exportedAt: Date(timeIntervalSince1970: 1_790_000_000), pupil: pupil, sittings: [], answers: [], progress: [])
        func shape(_ record: RecordExport) throws -> [String] {
            ExportReaders.markdownShape(String(decoding: try ExportProperties.render(record, content: content).markdown, as: UTF8.self))
        }
        var plain = record
        plain.pupil.name = "Sam Test"
        #expect(try shape(record) == shape(plain))
    }

    /// swift-mustache's HTML escaping went by Character: "<" with a combining mark after it was
    /// written raw, and the page no longer parsed as the words stored.
    @Test(arguments: ["<\u{32E}script>alert(1)</script>", "&\u{301}amp;", "\"\u{301}quoted", "a <\u{20DD} b"])
    func wordsWithCombiningMarksAreEscapedInHTML(_ words: String) throws {
        let content = try Shipped.content()
        let pupil = Pupil(id: 1, name: "Sam Test", knownAs: "Sam", createdAt: Date(timeIntervalSince1970: 1_780_000_000))
        let answer = Answer(id: 1, pupilId: 1, sittingId: nil, topicId: "about-me", stepId: "important-words", kind: .words,
                            words: words, mode: .typedByPupil, adultId: nil, at: Date(timeIntervalSince1970: 1_790_000_000))
        let record = RecordExport(exportedAt: Date(timeIntervalSince1970: 1_790_000_000), pupil: pupil, sittings: [], answers: [answer], progress: [])
        let html = try ExportReaders.htmlText(String(decoding: try ExportProperties.render(record, content: content).html, as: UTF8.self))
        #expect(html.contains(words))
    }
}
