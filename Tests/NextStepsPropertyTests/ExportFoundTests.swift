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
}
