import Foundation

/// A pupil's whole record as one versioned document: the JSON export and the pupil's
/// subject-access copy. Field names are part of the format; add fields, never rename them.
public struct RecordExport: Sendable, Equatable {
    /// The version of this format: 2 adds each answer's words beside its ids and the views;
    /// 3 adds the adults as records, referred to by `adultId` (their names and roles stay
    /// beside each sitting and answer, as before).
    public static let currentFormat = 3
    /// The oldest version this NextSteps still reads.
    public static let oldestReadable = 1

    /// The format version of this document; a document of an older format is brought up to
    /// the current one as it is read.
    public var formatVersion: Int
    /// When it was made.
    public var exportedAt: Date
    /// The pupil.
    public var pupil: Pupil
    /// The adults who supported the pupil in these sittings and answers.
    public var adults: [Adult]
    /// Every sitting, oldest first.
    public var sittings: [Sitting]
    /// Every answer, oldest first; superseded answers are kept.
    public var answers: [Answer]
    /// The place reached in each topic.
    public var progress: [TopicProgress]

    /// Makes a record from its parts.
    public init(formatVersion: Int = RecordExport.currentFormat, exportedAt: Date, pupil: Pupil, adults: [Adult] = [],
                sittings: [Sitting], answers: [Answer], progress: [TopicProgress]) {
        self.formatVersion = formatVersion; self.exportedAt = exportedAt; self.pupil = pupil; self.adults = adults
        self.sittings = sittings; self.answers = answers; self.progress = progress
    }

    /// Gathers a pupil's whole record from a store, with the adults it names.
    public static func gather(pupil: Pupil, from store: RecordReader, at now: Date) throws -> RecordExport {
        guard let id = pupil.id else { throw StoreError("This pupil has not been saved yet.") }
        let sittings = try store.sittings(pupilId: id), answers = try store.answers(pupilId: id)
        let named = Set(sittings.compactMap(\.adultId) + answers.compactMap(\.adultId))
        return RecordExport(formatVersion: currentFormat, exportedAt: now, pupil: pupil,
                            adults: try store.adults().filter { $0.id.map(named.contains) == true },
                            sittings: sittings, answers: answers, progress: try store.allProgress(pupilId: id))
    }

    /// The adult with this id among the record's adults.
    public func adult(_ id: AdultID?) -> Adult? {
        guard let id else { return nil }
        return adults.first { $0.id == id }
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
