import Foundation
import GRDB
import NextStepsCareers
import NextStepsRecords

// The careers tables (migration v6) as GRDB records: one row type a table. Kinds are stored by
// the careers enums' raw values and days as `yyyy-mm-dd`; an unknown value, a day that is not a
// day or a field a kind needs that is missing is an error naming the table and the row, never
// what the row says.

extension EntryID: DatabaseValueConvertible {}
extension EncounterKind: DatabaseValueConvertible {}
extension DestinationCheckpoint: DatabaseValueConvertible {}
extension DestinationKind: DatabaseValueConvertible {}
extension SharingLevel: DatabaseValueConvertible {}
extension SharingChooser: DatabaseValueConvertible {}
extension PlanStage: DatabaseValueConvertible {}
extension ActionStatus: DatabaseValueConvertible {}

/// A day is stored as `yyyy-mm-dd` text.
extension Day: DatabaseValueConvertible {
    /// The day as `yyyy-mm-dd`.
    public var databaseValue: DatabaseValue { iso.databaseValue }

    /// The day from `yyyy-mm-dd` text; nil for anything else (a damaged row).
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? { String.fromDatabaseValue(dbValue).flatMap(Day.init(iso:)) }
}

/// Checks shared by the careers rows' messages.
enum CareersRows {
    /// Whether `column` is NULL or a day.
    static func isDayOrNull(_ row: Row, _ column: String) -> Bool {
        let value: DatabaseValue = row[column]
        return value.isNull || Day.fromDatabaseValue(value) != nil
    }

    /// Whether `column` is NULL or a raw value of `T`.
    static func isKnownOrNull<T: RawRepresentable>(_ type: T.Type, _ row: Row, _ column: String) -> Bool where T.RawValue == String {
        let value: DatabaseValue = row[column]
        return value.isNull || String.fromDatabaseValue(value).flatMap(T.init(rawValue:)) != nil
    }

    /// The first of the checks that fails, else "it does not read".
    static func first(_ checks: [(Bool, String)]) -> String { checks.first { !$0.0 }?.1 ?? "it does not read" }
}

/// What every careers row has: its id, pupil, adult, when and what it supersedes.
protocol CareersRow: Codable, CheckedRow, MutablePersistableRecord {
    associatedtype Body: EntryBody
    var id: EntryID? { get set }
    /// The entry; nil when a field its kind needs is missing (the row is damaged).
    var entry: Recorded<Body>? { get }
    init(_ entry: Recorded<Body>)
}

extension CareersRow {
    mutating func didInsert(_ inserted: InsertionSuccess) { id = EntryID(inserted.rowID) }

    /// The entries `request` selects; a row that does not read is an error naming it.
    static func entries(_ db: Database, _ request: QueryInterfaceRequest<Self>) throws -> [Recorded<Body>] {
        try Row.fetchAll(db, request).map { row in
            guard let entry = try read(row).entry else { throw damaged(row, "a field its kind needs is missing") }
            return entry
        }
    }
}

/// A row of `planEntry`.
struct PlanEntryRow: CareersRow {
    static let databaseTableName = "planEntry"
    static let noun = "plan entry"
    /// The kinds of plan entry as stored.
    enum Kind: String, Codable, DatabaseValueConvertible {
        case advice, decision, action, parentView = "parent-view", difference, service, option, nextReview = "next-review"
    }
    var id: EntryID?
    var pupilId: PupilID
    var adultId: AdultID
    var at: Date
    var supersedes: EntryID?
    var kind: Kind
    var words: String?
    var person: String?
    var contact: String?
    var stage: PlanStage?
    var day: Day?
    var status: ActionStatus?
    var doneOn: Day?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, pupilId, adultId, at, kind, words, person, contact, stage, day, status, doneOn
        case supersedes = "supersedesId"
    }

    init(_ entry: PlanEntry) {
        id = entry.id; pupilId = entry.pupil; adultId = entry.adult; at = entry.at; supersedes = entry.supersedes
        switch entry.body {
        case .advice(let text): kind = .advice; words = text
        case .decision(let text): kind = .decision; words = text
        case .action(let action):
            kind = .action; words = action.what; person = action.who; day = action.by; status = action.status; doneOn = action.doneOn
        case .parentView(let text, let saidBy): kind = .parentView; words = text; person = saidBy
        case .difference(let text): kind = .difference; words = text
        case .service(let name, let reach): kind = .service; words = name; contact = reach
        case .option(let optionStage, let text): kind = .option; stage = optionStage; words = text
        case .nextReview(let reviewDay): kind = .nextReview; day = reviewDay
        }
    }

    var entry: PlanEntry? {
        let body: PlanItem
        switch kind {
        case .advice: guard let words else { return nil }; body = .advice(words)
        case .decision: guard let words else { return nil }; body = .decision(words)
        case .action:
            guard let words, let person, let day, let status else { return nil }
            body = .action(PlanAction(what: words, who: person, by: day, status: status, doneOn: doneOn))
        case .parentView: guard let words, let person else { return nil }; body = .parentView(words: words, saidBy: person)
        case .difference: guard let words else { return nil }; body = .difference(words)
        case .service: guard let words else { return nil }; body = .service(name: words, contact: contact ?? "")
        case .option: guard let words, let stage else { return nil }; body = .option(stage: stage, words: words)
        case .nextReview: guard let day else { return nil }; body = .nextReview(day)
        }
        return PlanEntry(id: id, pupil: pupilId, adult: adultId, at: at, supersedes: supersedes, body: body)
    }

    static func damage(in row: Row) -> String {
        CareersRows.first([(CareersRows.isKnownOrNull(Kind.self, row, "kind"), "its kind is not one NextSteps knows"),
                           (CareersRows.isKnownOrNull(PlanStage.self, row, "stage"), "its stage is not one NextSteps knows"),
                           (CareersRows.isKnownOrNull(ActionStatus.self, row, "status"), "its status is not one NextSteps knows"),
                           (CareersRows.isDayOrNull(row, "day"), "its day is not a day"),
                           (CareersRows.isDayOrNull(row, "doneOn"), "its done day is not a day")])
    }
}

/// A row of `encounter`.
struct EncounterRow: CareersRow {
    static let databaseTableName = "encounter"
    static let noun = "encounter"
    var id: EntryID?
    var pupilId: PupilID
    var adultId: AdultID
    var at: Date
    var supersedes: EntryID?
    var on: Day
    var kind: EncounterKind
    var provider: String
    var notes: String
    var reflectionId: AnswerID?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, pupilId, adultId, at, on, kind, provider, notes, reflectionId
        case supersedes = "supersedesId"
    }

    init(_ entry: EncounterEntry) {
        id = entry.id; pupilId = entry.pupil; adultId = entry.adult; at = entry.at; supersedes = entry.supersedes
        on = entry.body.on; kind = entry.body.kind; provider = entry.body.provider; notes = entry.body.notes
        reflectionId = entry.body.reflection
    }

    var entry: EncounterEntry? {
        EncounterEntry(id: id, pupil: pupilId, adult: adultId, at: at, supersedes: supersedes,
                       body: Encounter(on: on, kind: kind, provider: provider, notes: notes, reflection: reflectionId))
    }

    static func damage(in row: Row) -> String {
        CareersRows.first([(CareersRows.isKnownOrNull(EncounterKind.self, row, "kind"), "its kind is not one NextSteps knows"),
                           (CareersRows.isDayOrNull(row, "on"), "its day is not a day")])
    }
}

/// A row of `destination`.
struct DestinationRow: CareersRow {
    static let databaseTableName = "destination"
    static let noun = "destination"
    var id: EntryID?
    var pupilId: PupilID
    var adultId: AdultID
    var at: Date
    var supersedes: EntryID?
    var checkpoint: DestinationCheckpoint
    var kind: DestinationKind
    var detail: String
    var agreedToBeContacted: Bool

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, pupilId, adultId, at, checkpoint, kind, detail, agreedToBeContacted
        case supersedes = "supersedesId"
    }

    init(_ entry: DestinationEntry) {
        id = entry.id; pupilId = entry.pupil; adultId = entry.adult; at = entry.at; supersedes = entry.supersedes
        checkpoint = entry.body.checkpoint; kind = entry.body.kind; detail = entry.body.detail
        agreedToBeContacted = entry.body.agreedToBeContacted
    }

    var entry: DestinationEntry? {
        DestinationEntry(id: id, pupil: pupilId, adult: adultId, at: at, supersedes: supersedes,
                         body: Destination(checkpoint: checkpoint, kind: kind, detail: detail, agreedToBeContacted: agreedToBeContacted))
    }

    static func damage(in row: Row) -> String {
        CareersRows.first([(CareersRows.isKnownOrNull(DestinationCheckpoint.self, row, "checkpoint"), "its checkpoint is not one NextSteps knows"),
                           (CareersRows.isKnownOrNull(DestinationKind.self, row, "kind"), "its kind is not one NextSteps knows")])
    }
}

/// A row of `sharingEntry`.
struct SharingEntryRow: CareersRow {
    static let databaseTableName = "sharingEntry"
    static let noun = "information-sharing entry"
    /// The kinds of sharing entry as stored.
    enum Kind: String, Codable, DatabaseValueConvertible { case choice, leftEarly = "left-early" }
    var id: EntryID?
    var pupilId: PupilID
    var adultId: AdultID
    var at: Date
    var supersedes: EntryID?
    var kind: Kind
    var level: SharingLevel?
    var chosenBy: SharingChooser?
    var on: Day?
    var programme: String?
    var note: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, pupilId, adultId, at, kind, level, chosenBy, on, programme, note
        case supersedes = "supersedesId"
    }

    init(_ entry: SharingEntry) {
        id = entry.id; pupilId = entry.pupil; adultId = entry.adult; at = entry.at; supersedes = entry.supersedes
        switch entry.body {
        case .choice(let chosen, let who): kind = .choice; level = chosen; chosenBy = who
        case .leftProgrammeEarly(let day, let name, let words): kind = .leftEarly; on = day; programme = name; note = words
        }
    }

    var entry: SharingEntry? {
        let body: SharingItem
        switch kind {
        case .choice: guard let level, let chosenBy else { return nil }; body = .choice(level, chosenBy: chosenBy)
        case .leftEarly: guard let on else { return nil }; body = .leftProgrammeEarly(on: on, programme: programme ?? "", note: note ?? "")
        }
        return SharingEntry(id: id, pupil: pupilId, adult: adultId, at: at, supersedes: supersedes, body: body)
    }

    static func damage(in row: Row) -> String {
        CareersRows.first([(CareersRows.isKnownOrNull(Kind.self, row, "kind"), "its kind is not one NextSteps knows"),
                           (CareersRows.isKnownOrNull(SharingLevel.self, row, "level"), "its level is not one NextSteps knows"),
                           (CareersRows.isKnownOrNull(SharingChooser.self, row, "chosenBy"), "who chose it is not one NextSteps knows"),
                           (CareersRows.isDayOrNull(row, "on"), "its day is not a day")])
    }
}
