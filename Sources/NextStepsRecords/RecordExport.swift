import Foundation

/// A pupil's whole record as one versioned document: the JSON export and the pupil's
/// subject-access copy. Field names are part of the format; add fields, never rename them.
public struct RecordExport: Codable, Sendable, Equatable {
    /// The version of this format: 2 adds each answer's words beside its ids and the views.
    public static let currentFormat = 2
    /// The oldest version this NextSteps still reads.
    public static let oldestReadable = 1

    /// The format version of this document.
    public var formatVersion: Int
    /// When it was made.
    public var exportedAt: Date
    /// The pupil.
    public var pupil: Pupil
    /// Every sitting, oldest first.
    public var sittings: [Sitting]
    /// Every answer, oldest first; superseded answers are kept.
    public var answers: [Answer]
    /// The place reached in each topic.
    public var progress: [TopicProgress]

    /// Makes a record from its parts.
    public init(formatVersion: Int = RecordExport.currentFormat, exportedAt: Date, pupil: Pupil, sittings: [Sitting],
                answers: [Answer], progress: [TopicProgress]) {
        self.formatVersion = formatVersion; self.exportedAt = exportedAt; self.pupil = pupil
        self.sittings = sittings; self.answers = answers; self.progress = progress
    }

    /// Gathers a pupil's whole record from a store.
    public static func gather(pupil: Pupil, from store: RecordStore, at now: Date) throws -> RecordExport {
        guard let id = pupil.id else { throw StoreError("This pupil has not been saved yet.") }
        return RecordExport(formatVersion: currentFormat, exportedAt: now, pupil: pupil,
                            sittings: try store.sittings(pupilId: id), answers: try store.answers(pupilId: id),
                            progress: try store.allProgress(pupilId: id))
    }

    /// The document as JSON: sorted keys, ISO 8601 dates, indented.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a document made by `json()` or by the JSON export; one made by a newer NextSteps
    /// (or too old to read) is refused with a clear message, never half-read.
    public static func read(_ data: Data) throws -> RecordExport {
        struct Version: Decodable { var formatVersion: Int }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let version = try? decoder.decode(Version.self, from: data) else {
            throw StoreError("This is not a NextSteps record: it has no format version.")
        }
        guard version.formatVersion <= currentFormat else {
            throw StoreError("This record was made by a newer NextSteps (format \(version.formatVersion)); this one reads up to format \(currentFormat).")
        }
        guard version.formatVersion >= oldestReadable else {
            throw StoreError("This record's format \(version.formatVersion) is too old to read.")
        }
        return try decoder.decode(RecordExport.self, from: data)
    }
}
