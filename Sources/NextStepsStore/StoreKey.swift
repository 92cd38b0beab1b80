import Foundation
import GRDB
import NextStepsRecords
import NextStepsSealing

/// The key a store was opened with, if its records have a passphrase, and the check that every
/// transaction runs: the records are still sealed (or not) as they were when the key was
/// given, so a passphrase set or changed by another NextSteps meanwhile never leads this one
/// to write words in the clear among sealed ones, or under the old key.
final class StoreKey: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: (lock: SealingLock, sealer: FieldSealer)?

    /// The lock and sealer in use, if any.
    var current: (lock: SealingLock, sealer: FieldSealer)? {
        lock.lock(); defer { lock.unlock() }
        return opened
    }

    /// Uses this key from now on.
    func use(_ lock: SealingLock, _ sealer: FieldSealer) {
        self.lock.lock(); defer { self.lock.unlock() }
        opened = (lock, sealer)
    }

    /// Runs `body` in a transaction with this key bound for the rows it reads and writes, once
    /// the records' own lock is checked against it.
    func run<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        let kept = try Self.lock(in: db)
        let inUse = current
        switch (kept, inUse) {
        case (nil, nil):
            return try body(db)
        case (let kept?, let inUse?) where kept == inUse.lock:
            return try SealedColumns.$current.withValue(inUse.sealer) { try body(db) }
        case (.some, nil):
            throw StoreError("These records have a passphrase, and it was not given. Nothing was read or changed. "
                             + "Start again and give the passphrase (or set NEXTSTEPS_PASSPHRASE).")
        case (_, .some):
            throw StoreError("The records' passphrase was set or changed by another NextSteps while this one had them open. "
                             + "Nothing was read or changed. Start again with the new passphrase.")
        }
    }

    /// The lock kept in the records, if they have a passphrase; damaged settings are an error.
    static func lock(in db: Database) throws -> SealingLock? {
        guard let row = try Row.fetchOne(db, sql: "SELECT salt, log2Rounds, blockSize, parallelism, keyCheck FROM sealing WHERE id = 1") else {
            return nil
        }
        do {
            // Read as values, never forced: a damaged row is an error, not a crash.
            func value<T: DatabaseValueConvertible>(_ column: String) throws -> T {
                guard let value = T.fromDatabaseValue(row[column] as DatabaseValue) else { throw SealingError.unusableSettings }
                return value
            }
            let salt: Data = try value("salt"), check: Data = try value("keyCheck")
            let log2Rounds: Int = try value("log2Rounds"), blockSize: Int = try value("blockSize"), parallelism: Int = try value("parallelism")
            return try SealingLock(salt: salt, cost: try ScryptCost(log2Rounds: log2Rounds, blockSize: blockSize, parallelism: parallelism),
                                   check: check)
        } catch {
            throw StoreError("The records' passphrase settings are damaged, so the records cannot be opened. Nothing was changed.")
        }
    }
}
