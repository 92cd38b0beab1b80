import Foundation
import NextStepsCareers
import NextStepsRecords

/// The export for the local authority (`--format la`), honouring each pupil's information
/// sharing choice (Education and Skills Act 2008 s.14(4)). For a pupil whose choice is basic
/// details only — or who has no choice recorded, which is read the same way, and says so —
/// it holds only the basic details: name, date of birth, address and parents' or carers'
/// details (those recorded), the day they left and the programmes they left early (day and
/// programme). Nothing else of theirs is read into it: not their answers, words, notes, plan
/// or careers record. For "full", it holds the whole record (the export model) as well.
public struct LocalAuthorityExporter: Exporter {
    /// Makes the exporter.
    public init() {}
    /// "la".
    public var name: String { "la" }
    /// JSON, asked for by name only (`--format la`): a `.json` file is the pupil's own record.
    public var extensions: [String] { [] }
    /// No template.
    public var defaultTemplate: String? { nil }

    /// The document for one pupil; without `resources.sharing`, no choice is taken as recorded.
    public func export(_ model: ExportModel, record: RecordExport, resources: ExportResources) throws -> Data {
        try Self.document([Self.entry(model: model, record: record, facts: resources.sharing ?? SharingFacts())],
                          exportedOn: Day(record.exportedAt))
    }

    /// The version of this document's shape.
    public static let formatVersion = 1

    /// One pupil as the local authority may see them. The whole record is built only for
    /// "full": for anything else the model is never read.
    public static func entry(model: @autoclosure () -> ExportModel, record: RecordExport, facts: SharingFacts) -> Entry {
        let pupil = record.pupil
        let full = facts.level == .full
        let note: String
        switch (facts.chosen, facts.chosenBy) {
        case (.full?, let who): note = "Full sharing, chosen by the \(who?.rawValue ?? "young person or parent")."
        case (.basicOnly?, let who):
            note = "Basic details only, chosen by the \(who?.rawValue ?? "young person or parent") (Education and Skills Act 2008 s.14(4))."
        case (nil, _):
            note = "No sharing choice is recorded, so only the basic details are given (Education and Skills Act 2008 s.14(4))."
        }
        return Entry(name: pupil.name, dateOfBirth: pupil.dateOfBirth, address: pupil.address, parentsOrCarers: pupil.parentContact,
                     sharing: facts.level.rawValue, sharingChosenBy: facts.chosenBy?.rawValue ?? "not recorded",
                     sharingNote: note, leftSchoolOn: facts.leftSchoolOn?.iso,
                     leftProgrammeEarly: facts.leftEarly.map {
                         LeftEarlyItem(on: $0.on.iso, programme: $0.programme, note: full && !$0.note.isEmpty ? $0.note : nil)
                     },
                     record: full ? model() : nil)
    }

    /// The document for these pupils, as JSON (UTF-8, keys sorted).
    public static func document(_ entries: [Entry], exportedOn: Day) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(formatVersion: formatVersion, kind: "nextsteps-local-authority", exportedOn: exportedOn.iso, pupils: entries)
        do { return try encoder.encode(document) } catch { throw ExportError("The local authority export could not be written as JSON: \(error).") }
    }

    struct Document: Encodable {
        var formatVersion: Int
        var kind: String
        var exportedOn: String
        var pupils: [Entry]
    }

    /// One pupil in the local authority's export. Optional fields are left out when empty.
    public struct Entry: Encodable, Sendable, Equatable {
        /// Full name.
        public var name: String
        /// `yyyy-mm-dd`, when recorded.
        public var dateOfBirth: String?
        /// The address, when recorded.
        public var address: String?
        /// Parents' or carers' details, when recorded.
        public var parentsOrCarers: String?
        /// "full" or "basic-only" (also when no choice is recorded).
        public var sharing: String
        /// "young person", "parent" or "not recorded".
        public var sharingChosenBy: String
        /// The sharing choice in a sentence, saying when none is recorded.
        public var sharingNote: String
        /// The day they left school, when they have.
        public var leftSchoolOn: String?
        /// Programmes left early.
        public var leftProgrammeEarly: [LeftEarlyItem]
        /// The whole record: only with full sharing.
        public var record: ExportModel?
    }

    /// A programme left early; the adult's note only with full sharing.
    public struct LeftEarlyItem: Encodable, Sendable, Equatable {
        /// `yyyy-mm-dd`.
        public var on: String
        /// The programme, or empty.
        public var programme: String
        /// The adult's note (full sharing only).
        public var note: String?
    }
}
