import Foundation
import GRDB

/// Migration v7: where the records keep what turns a passphrase into their key. Empty while the
/// records have no passphrase (they are then exactly as before); one row once one is set: the
/// random salt, the scrypt cost and the key check (see `SealingLock`). Nothing else changes
/// shape: a sealed column keeps its name and holds a BLOB instead of text.
enum SealingMigration {
    static func sealing(_ db: Database) throws {
        try db.create(table: "sealing") { t in
            t.column("id", .integer).primaryKey().check { $0 == 1 }
            t.column("salt", .blob).notNull()
            t.column("log2Rounds", .integer).notNull()
            t.column("blockSize", .integer).notNull()
            t.column("parallelism", .integer).notNull()
            t.column("keyCheck", .blob).notNull()
            t.column("setAt", .datetime).notNull()
        }
    }
}
