import Foundation
import GRDB
import NextStepsRecords
import NextStepsSealing

/// What setting or changing the passphrase did.
public struct SealingSummary: Sendable, Equatable {
    /// Whether the records had no passphrase before (their words were in the clear).
    public let firstTime: Bool
    /// How many rows each table holds, before and after (they are the same, or nothing was changed).
    public let rows: [String: Int]
    /// How many values were sealed (every value of a sealed column that is not NULL).
    public let sealedValues: Int
}

/// A passphrase for the records: set once, then given whenever they are opened, and changed with
/// every sealed value sealed again under the new key in one transaction.
extension SQLiteRecordStore {
    /// Whether the records have a passphrase.
    public func hasPassphrase() throws -> Bool {
        try readChecking { db in try StoreKey.lock(in: db) } != nil
    }

    /// Opens the records with their passphrase, for every read and write after it.
    /// `SealingError.wrongPassphrase` when it is not theirs; records without a passphrase need none.
    public func unlock(passphrase: String) throws {
        guard let kept = try readChecking({ db in try StoreKey.lock(in: db) }) else { return }
        let sealer = try kept.open(passphrase: passphrase)
        key.use(kept, sealer)
    }

    /// Sets the records' passphrase, or changes it (the records must have been opened with the
    /// current one): a new random salt and key, and every sealed value sealed again with a new
    /// nonce, all in one transaction that checks, before it commits, that every table holds as
    /// many rows as before and every value opens under the new key. On any failure nothing changes.
    /// `SealingError.passphraseTooShort` for a passphrase under `SealingLock.minimumLength` characters.
    @discardableResult
    public func setPassphrase(_ passphrase: String, cost: ScryptCost = .standard) throws -> SealingSummary {
        let old = key.current
        if old == nil, try hasPassphrase() {
            throw StoreError("These records have a passphrase: give the current one before changing it. Nothing was changed.")
        }
        let (lock, sealer) = try SealingLock.make(passphrase: passphrase, cost: cost)
        let summary: SealingSummary = try writeChecking { db in
            guard try StoreKey.lock(in: db) == old?.lock else {
                throw StoreError("The records' passphrase was set or changed by another NextSteps meanwhile. Nothing was changed.")
            }
            let before = try Self.rowCounts(db)
            var clear: [String] = []
            for (table, columns) in SealedColumns.byTable.sorted(by: { $0.key < $1.key }) {
                for row in try Self.sealedColumns(of: table, columns, db) {
                    let id: Int64 = row["id"]
                    var values: [DatabaseValue] = []
                    for column in columns {
                        let place = FieldPlace(table: table, row: id, column: column)
                        let text = try Self.clearText(row[column], at: place, under: old?.sealer)
                        values.append(try text.map { clear.append($0); return try sealer.seal($0, at: place).databaseValue } ?? .null)
                    }
                    try db.execute(sql: "UPDATE \(table.quotedDatabaseIdentifier) SET \(columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")) WHERE id = ?",
                                   arguments: StatementArguments(values + [id.databaseValue]))
                }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO sealing (id, salt, log2Rounds, blockSize, parallelism, keyCheck, setAt) VALUES (1, ?, ?, ?, ?, ?, ?)",
                           arguments: [lock.salt, lock.cost.log2Rounds, lock.cost.blockSize, lock.cost.parallelism, lock.check, Date()])
            // The check before commit: the same rows, and every value opens under the new key as the words it held.
            var opened: [String] = []
            for (table, columns) in SealedColumns.byTable.sorted(by: { $0.key < $1.key }) {
                for row in try Self.sealedColumns(of: table, columns, db) {
                    for column in columns {
                        let place = FieldPlace(table: table, row: row["id"], column: column)
                        if let text = try Self.clearText(row[column], at: place, under: sealer) { opened.append(text) }
                    }
                }
            }
            let after = try Self.rowCounts(db)
            guard after == before, opened == clear else {
                throw StoreError("The records did not check out after sealing them again, so nothing was changed.")
            }
            return SealingSummary(firstTime: old == nil, rows: after, sealedValues: opened.count)
        }
        key.use(lock, sealer)
        return summary
    }

    /// One transaction that checks the records' lock itself (`write` would refuse records whose
    /// lock is not the one in use, which is what changing it does).
    private func writeChecking<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch let error as StoreError { throw error } catch let error as SealingError { throw error } catch {
            throw StoreFiles.plain(error, opening: nil)
        }
    }

    /// One read of the records' lock, failures in plain words.
    private func readChecking<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let error as StoreError { throw error } catch {
            throw StoreFiles.plain(error, opening: path)
        }
    }

    /// How many rows every table holds (the `sealing` table left out).
    static func rowCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                                  + "AND name NOT LIKE 'grdb_%' AND name <> 'sealing'") {
            counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
        }
        return counts
    }

    private static func sealedColumns(of table: String, _ columns: [String], _ db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT id, \(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")) FROM \(table.quotedDatabaseIdentifier) ORDER BY id")
    }

    /// A stored value as text: opened under `sealer` when there is one, else as it is; nil for NULL.
    private static func clearText(_ value: DatabaseValue, at place: FieldPlace, under sealer: FieldSealer?) throws -> String? {
        switch (value.storage, sealer) {
        case (.null, _): return nil
        case (.string(let text), nil): return text
        case (.blob(let sealed), let sealer?):
            do { return try sealer.open(sealed, at: place) } catch { throw SealedColumns.damaged(place.table, place.row) }
        default: throw SealedColumns.damaged(place.table, place.row)
        }
    }
}
