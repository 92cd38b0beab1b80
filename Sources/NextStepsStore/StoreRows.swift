import Foundation
import GRDB
import NextStepsCareers
import NextStepsRecords

// The store's tables as GRDB records: one Codable row type a table, its columns named by its
// CodingKeys, enums stored by their raw values (DatabaseValueConvertible, which fails on an
// unknown value, never defaults), lists and settings stored as JSON by GRDB.

extension AnswerKind: DatabaseValueConvertible {}
extension AnswerMode: DatabaseValueConvertible {}
extension AdultRole: DatabaseValueConvertible {}

/// A typed id is stored as its plain integer.
extension RecordID where Self: DatabaseValueConvertible {
    /// The id's number.
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    /// The id from a stored integer; nil for anything else.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? { Int64.fromDatabaseValue(dbValue).map(Self.init) }
}

extension PupilID: DatabaseValueConvertible {}
extension SittingID: DatabaseValueConvertible {}
extension AnswerID: DatabaseValueConvertible {}
extension AdultID: DatabaseValueConvertible {}

/// A row type that can say, in words without any pupil text, why a row of its table does not read.
protocol CheckedRow: FetchableRecord, TableRecord {
    /// The table's name in messages ("answer").
    static var noun: String { get }
    /// Why `row` does not read.
    static func damage(in row: Row) -> String
}

extension CheckedRow {
    /// Every row `request` selects; a row that does not read is an error naming it, never relabelled.
    static func all(_ db: Database, _ request: QueryInterfaceRequest<Self>) throws -> [Self] {
        try Row.fetchAll(db, request).map(read)
    }

    /// The one row `request` selects, if any.
    static func one(_ db: Database, _ request: QueryInterfaceRequest<Self>) throws -> Self? {
        try Row.fetchOne(db, request).map(read)
    }

    /// A row read (its sealed columns opened, when the records have a passphrase), or an error
    /// naming it and what is wrong with it.
    static func read(_ row: Row) throws -> Self {
        let row = try SealedColumns.opened(row, table: databaseTableName, noun: noun)
        do { return try Self(row: row) } catch { throw damaged(row, damage(in: row)) }
    }

    /// The error for a row of this table that does not read, naming the table and the row
    /// (never what it holds).
    static func damaged(_ row: Row, _ what: String) -> StoreError {
        let id: Int64? = row["id"]
        return StoreError("The records file has a damaged \(noun) (number \(id.map(String.init) ?? "?")): \(what). "
                          + "Nothing was changed; the records need mending before this can be shown.")
    }

    /// Whether the JSON in `column` reads as `T`.
    static func reads<T: Decodable>(_ type: T.Type, _ row: Row, _ column: String) -> Bool {
        guard let text: String = row[column] else { return true }
        return (try? JSONDecoder().decode(T.self, from: Data(text.utf8))) != nil
    }
}

/// A row of `pupil`.
struct PupilRow: Codable, CheckedRow, MutablePersistableRecord {
    static let databaseTableName = "pupil"
    static let noun = "pupil"
    var id: PupilID?
    var name: String
    var knownAs: String
    var yearGroup: Int?
    var dateOfBirth: String?
    var createdAt: Date
    /// NULL means the standard settings (speech off).
    var speech: SpeechSettings?
    /// The day the pupil left (careers records); NULL while on roll. Never written from `Pupil`.
    var leftOn: Day?
    /// The address and the parents' or carers' details (migration v7); NULL when not recorded.
    var address: String?
    var parentContact: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name, knownAs, yearGroup, dateOfBirth, createdAt, speech, leftOn, address, parentContact
    }

    init(_ pupil: Pupil) {
        id = pupil.id; name = pupil.name; knownAs = pupil.knownAs; yearGroup = pupil.yearGroup
        dateOfBirth = pupil.dateOfBirth; createdAt = pupil.createdAt; speech = pupil.speech
        address = pupil.address; parentContact = pupil.parentContact
    }

    var pupil: Pupil {
        var pupil = Pupil(id: id, name: name, knownAs: knownAs, yearGroup: yearGroup, dateOfBirth: dateOfBirth, createdAt: createdAt,
                          speech: speech ?? .standard)
        pupil.address = address
        pupil.parentContact = parentContact
        return pupil
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = PupilID(inserted.rowID) }

    static func damage(in row: Row) -> String {
        if !reads(SpeechSettings.self, row, "speech") { return "its speech settings do not read" }
        if !CareersRows.isDayOrNull(row, "leftOn") { return "the day it left is not a day" }
        return "it does not read"
    }
}

/// A row of `adult`.
struct AdultRow: Codable, CheckedRow, MutablePersistableRecord {
    static let databaseTableName = "adult"
    static let noun = "adult"
    var id: AdultID?
    var name: String
    var role: AdultRole?
    var addedAt: Date

    enum CodingKeys: String, CodingKey, ColumnExpression { case id, name, role, addedAt }

    init(_ adult: Adult) { id = adult.id; name = adult.name; role = adult.role; addedAt = adult.addedAt }

    var adult: Adult { Adult(id: id, name: name, role: role, addedAt: addedAt) }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = AdultID(inserted.rowID) }

    static func damage(in row: Row) -> String {
        let role: String? = row["role"]
        return "the role \"\(role ?? "")\" is not known"
    }
}

/// A row of `sitting`. (Its old `supporterName` and `supporterRole` columns are kept as they
/// were and no longer written: adults are records now.)
struct SittingRow: Codable, CheckedRow, MutablePersistableRecord {
    static let databaseTableName = "sitting"
    static let noun = "sitting"
    var id: SittingID?
    var pupilId: PupilID
    var startedAt: Date
    var adultId: AdultID?

    enum CodingKeys: String, CodingKey, ColumnExpression { case id, pupilId, startedAt, adultId }

    init(_ sitting: Sitting) { id = sitting.id; pupilId = sitting.pupilId; startedAt = sitting.startedAt; adultId = sitting.adultId }

    var sitting: Sitting { Sitting(id: id, pupilId: pupilId, startedAt: startedAt, adultId: adultId) }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = SittingID(inserted.rowID) }

    static func damage(in row: Row) -> String { "it does not read" }
}

/// A row of `answer`. (Its old `supporter` column is kept as it was and no longer written.)
struct AnswerRow: Codable, CheckedRow, MutablePersistableRecord {
    static let databaseTableName = "answer"
    static let noun = "answer"
    var id: AnswerID?
    var pupilId: PupilID
    var sittingId: SittingID?
    var topicId: String
    var stepId: String
    var cardId: String?
    var kind: AnswerKind
    /// JSON array of option ids.
    var optionIds: [String]
    var words: String
    var mode: AnswerMode
    var adultId: AdultID?
    var at: Date
    var supersedes: AnswerID?
    /// JSON of the question as shown; NULL for answers saved before it was kept.
    var asked: AskedQuestion?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, pupilId, sittingId, topicId, stepId, cardId, kind, optionIds, words, mode, adultId, at, asked
        case supersedes = "supersedesId"
    }

    init(_ answer: Answer) {
        id = answer.id; pupilId = answer.pupilId; sittingId = answer.sittingId; topicId = answer.topicId; stepId = answer.stepId
        cardId = answer.cardId; kind = answer.kind; optionIds = answer.optionIds; words = answer.words; mode = answer.mode
        adultId = answer.adultId; at = answer.at; supersedes = answer.supersedes; asked = answer.asked
    }

    var answer: Answer {
        Answer(id: id, pupilId: pupilId, sittingId: sittingId, topicId: topicId, stepId: stepId, cardId: cardId, kind: kind,
               optionIds: optionIds, words: words, mode: mode, adultId: adultId, at: at, supersedes: supersedes).asking(asked)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = AnswerID(inserted.rowID) }

    /// The answers to one question, oldest first.
    static func to(_ key: QuestionKey, of pupilId: PupilID) -> QueryInterfaceRequest<AnswerRow> {
        filter(CodingKeys.pupilId == pupilId && CodingKeys.topicId == key.topicId && CodingKeys.stepId == key.stepId
               && CodingKeys.cardId == key.cardId).order(CodingKeys.id)
    }

    static func damage(in row: Row) -> String {
        let kind: String? = row["kind"], mode: String? = row["mode"]
        if kind.flatMap(AnswerKind.init(rawValue:)) == nil { return "its kind \"\(kind ?? "")\" is not known" }
        if mode.flatMap(AnswerMode.init(rawValue:)) == nil { return "the way it was given, \"\(mode ?? "")\", is not known" }
        if !reads([String].self, row, "optionIds") { return "its chosen options do not read" }
        if !reads(AskedQuestion.self, row, "asked") { return "the question kept with it does not read" }
        return "it does not read"
    }
}

/// A row of `progress`: one a pupil and topic.
struct ProgressRow: Codable, CheckedRow, PersistableRecord {
    static let databaseTableName = "progress"
    static let noun = "place in a topic"
    var pupilId: PupilID
    var topicId: String
    var runStartedAt: Date
    var stepId: String?
    var cardId: String?
    var finished: Bool
    var updatedAt: Date
    var scribing: Bool

    enum CodingKeys: String, CodingKey, ColumnExpression { case pupilId, topicId, runStartedAt, stepId, cardId, finished, updatedAt, scribing }

    init(_ progress: TopicProgress) {
        pupilId = progress.pupilId; topicId = progress.topicId; runStartedAt = progress.runStartedAt; stepId = progress.stepId
        cardId = progress.cardId; finished = progress.finished; updatedAt = progress.updatedAt; scribing = progress.scribing
    }

    var progress: TopicProgress {
        TopicProgress(pupilId: pupilId, topicId: topicId, runStartedAt: runStartedAt, stepId: stepId, cardId: cardId,
                      finished: finished, updatedAt: updatedAt, scribing: scribing)
    }

    static func damage(in row: Row) -> String { "it does not read" }
}
