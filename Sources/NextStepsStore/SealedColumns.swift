import Foundation
import GRDB
import NextStepsCareers
import NextStepsRecords
import NextStepsSealing

/// Which columns hold a pupil's words, notes or other personal text, and so are sealed once the
/// records have a passphrase: each value a BLOB sealed with AES-GCM for its table, row and column
/// (see `FieldSealer`). NULL stays NULL. Everything else (ids, days, kinds, times, the question
/// as it was shown, adults' names) stays as it is, so the records can still be looked up.
enum SealedColumns {
    /// The sealed columns of each table.
    static let byTable: [String: [String]] = [
        "pupil": ["name", "knownAs", "dateOfBirth", "address", "parentContact"],
        "answer": ["words", "optionIds"],
        "planEntry": ["words", "person", "contact"],
        "encounter": ["notes"],
        "destination": ["detail"],
        "sharingEntry": ["programme", "note"],
    ]

    /// The key of the records whose transaction is running on this thread: nil when the records
    /// have no passphrase. Bound by `SQLiteRecordStore.read` and `write` around every
    /// transaction, after checking the records are still sealed (or not) as the store was opened.
    @TaskLocal static var current: FieldSealer?

    /// `row` of `table` with its sealed columns opened (as it is when there is no key). A sealed
    /// column that holds anything but a value sealed for its place is an error naming the table
    /// and the row, never what it holds.
    static func opened(_ row: Row, table: String, noun: String) throws -> Row {
        guard let sealer = current, let columns = byTable[table] else { return row }
        guard let id = Int64.fromDatabaseValue(row["id"] as DatabaseValue) else { throw damaged(noun, nil) }
        var values: [String: DatabaseValue] = [:]
        for (column, value) in row { values[column] = value }
        for column in columns {
            guard let value = values[column] else { continue }
            switch value.storage {
            case .null: continue
            case .blob(let sealed):
                do {
                    values[column] = try sealer.open(sealed, at: FieldPlace(table: table, row: id, column: column)).databaseValue
                } catch {
                    throw damaged(noun, id)
                }
            default: throw damaged(noun, id)
            }
        }
        return Row(values)
    }

    /// `values` (a row's columns) with its sealed columns sealed for row `id` of `table`.
    static func sealed(_ values: [String: DatabaseValue], table: String, id: Int64, with sealer: FieldSealer) throws -> [String: DatabaseValue] {
        var values = values
        for column in byTable[table] ?? [] {
            guard let value = values[column] else { continue }
            values[column] = try seal(value, at: FieldPlace(table: table, row: id, column: column), with: sealer)
        }
        return values
    }

    /// One value sealed for `place`: text becomes a sealed BLOB; NULL stays NULL; anything else
    /// in a column of words is a damaged row.
    static func seal(_ value: DatabaseValue, at place: FieldPlace, with sealer: FieldSealer) throws -> DatabaseValue {
        switch value.storage {
        case .null: return value
        case .string(let text): return try sealer.seal(text, at: place).databaseValue
        default: throw damaged(place.table, place.row)
        }
    }

    static func damaged(_ noun: String, _ id: Int64?) -> StoreError {
        StoreError("The records file has a damaged \(noun) (number \(id.map(String.init) ?? "?")): a sealed part of it does not open "
                   + "(it was changed or moved). Nothing was changed; the records need mending before this can be shown.")
    }

    /// SQLite's NOCASE order (ASCII letters folded, then byte by byte), for sorting names
    /// opened from sealed rows as the records sort them when they are not sealed.
    static func nocaseLess(_ left: String, _ right: String) -> Bool {
        func folded(_ text: String) -> [UInt8] { text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 } }
        return folded(left).lexicographicallyPrecedes(folded(right))
    }
}

/// A row type whose table has sealed columns: its id can be given before it is inserted, so
/// its sealed columns are bound to the row they are written in.
protocol SealableRow: CheckedRow, MutablePersistableRecord {
    /// Gives the row the id it is about to be inserted with.
    mutating func takeRowID(_ id: Int64)
}

extension SealableRow {
    /// Inserts the row, as `insert` does; when the records have a passphrase, its sealed columns
    /// are sealed for the row's id (the next id of the table, given before the insert) and the
    /// words are never written in the clear. The row keeps its words in memory.
    mutating func insertSealed(_ db: Database) throws {
        guard let sealer = SealedColumns.current else { return try insert(db) }
        let table = Self.databaseTableName
        // The id SQLite would give (AUTOINCREMENT: above any id the table has ever had).
        let next = try Int64.fetchOne(db, sql: """
            SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), coalesce((SELECT max(id) FROM \(table.quotedDatabaseIdentifier)), 0)) + 1
            """, arguments: [table]) ?? 1
        takeRowID(next)
        let values = try SealedColumns.sealed(try databaseDictionary, table: table, id: next, with: sealer)
        let columns = values.keys.sorted()
        try db.execute(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) "
                       + "VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(columns.map { values[$0] }))
    }

    /// Updates these columns of the row, as `update(_:columns:)` does, sealing those that are
    /// sealed when the records have a passphrase.
    func updateSealed(_ db: Database, columns names: [String]) throws {
        guard let sealer = SealedColumns.current else { return try update(db, columns: names) }
        let table = Self.databaseTableName
        let all = try databaseDictionary
        guard let id = all["id"].flatMap(Int64.fromDatabaseValue) else { throw StoreError("There is no such \(Self.noun).") }
        let values = try SealedColumns.sealed(all.filter { names.contains($0.key) }, table: table, id: id, with: sealer)
        try db.execute(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET \(names.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")) WHERE id = ?",
                       arguments: StatementArguments(names.map { values[$0] } + [id.databaseValue]))
        guard db.changesCount == 1 else { throw StoreError("There is no such \(Self.noun).") }
    }
}

extension PupilRow: SealableRow { mutating func takeRowID(_ id: Int64) { self.id = PupilID(id) } }
extension AnswerRow: SealableRow { mutating func takeRowID(_ id: Int64) { self.id = AnswerID(id) } }
extension PlanEntryRow: SealableRow { mutating func takeRowID(_ id: Int64) { self.id = EntryID(id) } }
extension EncounterRow: SealableRow { mutating func takeRowID(_ id: Int64) { self.id = EntryID(id) } }
extension DestinationRow: SealableRow { mutating func takeRowID(_ id: Int64) { self.id = EntryID(id) } }
extension SharingEntryRow: SealableRow { mutating func takeRowID(_ id: Int64) { self.id = EntryID(id) } }
