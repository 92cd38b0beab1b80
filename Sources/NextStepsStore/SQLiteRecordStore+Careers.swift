import Foundation
import GRDB
import NextStepsCareers
import NextStepsRecords

/// The adults' side in the same file and on the same queue: entries only added, each durable
/// when it returns.
extension SQLiteRecordStore: CareersLog {
    /// Adds a plan entry.
    public func add(_ entry: PlanEntry) throws -> PlanEntry {
        try write { db in try Self.insert(PlanEntryRow(entry), in: db) }
    }

    /// Adds encounters in one transaction: all, or none.
    public func add(_ entries: [EncounterEntry]) throws -> [EncounterEntry] {
        try write { db in try entries.map { try Self.insert(EncounterRow($0), in: db) } }
    }

    /// Adds a destination.
    public func add(_ entry: DestinationEntry) throws -> DestinationEntry {
        try write { db in try Self.insert(DestinationRow(entry), in: db) }
    }

    /// Adds an information-sharing entry.
    public func add(_ entry: SharingEntry) throws -> SharingEntry {
        try write { db in try Self.insert(SharingEntryRow(entry), in: db) }
    }

    /// Notes the day a pupil left (nil: on roll again).
    public func recordLeaving(pupilId: PupilID, on day: Day?) throws {
        try write { db in
            guard var row = try PupilRow.one(db, PupilRow.filter(key: pupilId)) else { throw StoreError("There is no such pupil.") }
            row.leftOn = day
            try row.update(db, columns: [PupilRow.CodingKeys.leftOn])
        }
    }

    /// Everything the careers reports read for these pupils (nil: everyone), oldest first.
    public func careersRecords(pupils wanted: [PupilID]?) throws -> CareersRecords {
        try read { db in
            var pupilRequest = PupilRow.order(PupilRow.CodingKeys.name.collating(.nocase))
            if let wanted { pupilRequest = pupilRequest.filter(wanted.contains(PupilRow.CodingKeys.id)) }
            var pupils = try PupilRow.all(db, pupilRequest).map { try CohortPupil($0.pupil, leftOn: $0.leftOn) }
            // Sealed names are sorted once opened, as SQLite sorts them in the clear.
            if SealedColumns.current != nil { pupils.sort { SealedColumns.nocaseLess($0.name, $1.name) } }
            func of<R: CareersRow>(_ type: R.Type) throws -> [Recorded<R.Body>] {
                var request = R.order(Column("id"))
                if let wanted { request = request.filter(wanted.contains(Column("pupilId"))) }
                return try R.entries(db, request)
            }
            let adults = try AdultRow.all(db, AdultRow.order(AdultRow.CodingKeys.id)).compactMap { CohortAdult($0.adult) }
            return CareersRecords(pupils: pupils, adults: adults, plan: try of(PlanEntryRow.self), encounters: try of(EncounterRow.self),
                                  destinations: try of(DestinationRow.self), sharing: try of(SharingEntryRow.self))
        }
    }

    /// How many careers entries of a pupil's the four tables hold.
    static func careersEntryCount(of pupil: PupilID, in db: Database) throws -> Int {
        var count = 0
        for table in [PlanEntryRow.databaseTableName, EncounterRow.databaseTableName, DestinationRow.databaseTableName,
                      SharingEntryRow.databaseTableName] {
            count += try Table(table).filter(Column("pupilId") == pupil).fetchCount(db)
        }
        return count
    }

    /// Checks the pupil, the adult and what the entry supersedes, then inserts it.
    private static func insert<R: CareersRow & SealableRow>(_ given: R, in db: Database) throws -> Recorded<R.Body> {
        guard let entry = given.entry else { throw StoreError("The entry is not complete.") }
        guard try PupilRow.exists(db, key: entry.pupil) else { throw StoreError("There is no such pupil.") }
        guard try AdultRow.exists(db, key: entry.adult) else { throw StoreError("There is no such adult.") }
        if let target = entry.supersedes {
            let earlier = try R.entries(db, R.filter(key: target))
            try CareersLogRules.checkSupersedes(entry, in: earlier)
        }
        var row = given
        row.id = nil
        try row.insertSealed(db)
        guard let saved = row.entry else { throw StoreError("The entry is not complete.") }
        return saved
    }
}
