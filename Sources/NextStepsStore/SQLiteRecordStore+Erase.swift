import Foundation
import GRDB
import NextStepsRecords

/// Erasing a pupil for good: every row of theirs removed, the file compacted, and then a search
/// of every file of the store, byte by byte, for each piece of their text.
extension SQLiteRecordStore {
    /// The columns of pupil-keyed tables that hold a pupil's words, names, or what adults wrote
    /// about them: what the search after an erasure looks for. Every other column of those
    /// tables is in `otherColumns`; a test checks that each column is in one of the two, so a
    /// column added later must be placed.
    public static let wordColumns: [String: Set<String>] = [
        "pupil": ["name", "knownAs", "dateOfBirth", "address", "parentContact"],
        "answer": ["words"],
        "planEntry": ["words", "person", "contact"],
        "encounter": ["provider", "notes"],
        "destination": ["detail"],
        "sharingEntry": ["programme", "note"],
    ]

    /// The columns of pupil-keyed tables that hold ids, kinds, days, times, settings, the
    /// question as the content showed it (`asked`: the content's words, and the plan read back,
    /// whose entries are searched from `planEntry`), and an adult's name (a sitting's or an
    /// answer's supporter, from before adults were records): nothing of the pupil's own.
    public static let otherColumns: [String: Set<String>] = [
        "pupil": ["id", "yearGroup", "createdAt", "speech", "leftOn"],
        "answer": ["id", "pupilId", "sittingId", "topicId", "stepId", "cardId", "kind", "optionIds", "mode", "supporter", "at",
                   "supersedesId", "asked", "adultId"],
        "sitting": ["id", "pupilId", "startedAt", "supporterName", "supporterRole", "adultId"],
        "progress": ["pupilId", "topicId", "runStartedAt", "stepId", "cardId", "finished", "updatedAt", "scribing"],
        "planEntry": ["id", "pupilId", "adultId", "at", "supersedesId", "kind", "stage", "day", "status", "doneOn"],
        "encounter": ["id", "pupilId", "adultId", "at", "supersedesId", "on", "kind", "reflectionId"],
        "destination": ["id", "pupilId", "adultId", "at", "supersedesId", "checkpoint", "kind", "agreedToBeContacted"],
        "sharingEntry": ["id", "pupilId", "adultId", "at", "supersedesId", "kind", "level", "chosenBy", "on"],
    ]

    /// Every distinct piece of the pupil's text the store holds (their name, known-as name and
    /// date of birth, every answer's and note's words, the words of their careers entries), each
    /// as kept (UTF-8). Empty words are left out.
    public func pupilTexts(id: PupilID) throws -> [String] {
        try read { db in
            guard try PupilRow.exists(db, key: id) else { throw StoreError("There is no such pupil.") }
            var pieces = Set<String>()
            for (table, columns) in Self.wordColumns {
                let key = table == PupilRow.databaseTableName ? "id" : "pupilId"
                let list = (["id"] + columns.sorted()).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                for stored in try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier) WHERE \(key.quotedDatabaseIdentifier) = ?",
                                               arguments: [id]) {
                    // Opened first when the records are sealed, so the search is for the words themselves.
                    let row = try SealedColumns.opened(stored, table: table, noun: table)
                    for column in columns {
                        if let text = String.fromDatabaseValue(row[column] as DatabaseValue), !text.isEmpty { pieces.insert(text) }
                    }
                }
            }
            return pieces.sorted()
        }
    }

    /// Removes the pupil and every row of theirs (`removePupil`), then empties and truncates any
    /// write-ahead log, rebuilds the file with VACUUM (so no freed page is left), and searches
    /// every file of the store for each piece of their text (`proveGone`). The pupil's talk lock
    /// file, empty but named by their number, is removed too; the caller should hold it.
    public func erasePupil(id: PupilID) throws -> PupilErasure {
        let pieces = try pupilTexts(id: id)
        let removal = try removePupil(id: id)
        try compact()
        try? FileManager.default.removeItem(atPath: PupilSessionLock.path(storePath: path, pupilId: id))
        return PupilErasure(removal: removal, check: try proveGone(pieces))
    }

    /// Checkpoints and truncates the write-ahead log (when there is one) and rebuilds the file
    /// with VACUUM, leaving no free page behind.
    public func compact() throws {
        if damage != nil { throw StoreHealth.refusal(path) }
        wrote = true
        do {
            try queue.writeWithoutTransaction { db in
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "VACUUM")
            }
        } catch let error as StoreError { throw error } catch {
            throw StoreFiles.plain(error, opening: path)
        }
    }

    /// Searches every file of the store (the records file, any journal, write-ahead log or
    /// shared-memory file, anything else whose name begins with the records file's) byte by
    /// byte for each piece. A piece found that the records still kept also hold (another
    /// pupil's answer, an adult's name, the shape of the tables) proves nothing and is counted
    /// apart, as is a piece under 4 bytes that was found (it can match by chance); any other
    /// piece found is a copy left behind.
    ///
    /// SQLite keeps a long text in pieces on several pages, so a text longer than
    /// `StoreFileSearch.chunkBytes` is searched for as consecutive chunks of about that many
    /// bytes: any copy of 2 × that many bytes of it in a row holds a whole chunk.
    public func proveGone(_ pieces: [String]) throws -> ErasureCheck {
        let files = StoreFileSearch.storeFiles(of: path)
        let chunks = pieces.enumerated().flatMap { index, piece in StoreFileSearch.chunks(of: piece).map { (index, $0) } }
        let hits = try StoreFileSearch.search(chunks.map { Array($0.1.utf8) }, in: files)
        var check = ErasureCheck(files: files.map { ($0 as NSString).lastPathComponent }, searched: pieces.count)
        // Each piece found: a copy if any chunk of it found is held by nothing kept.
        var copies: [Int: Set<String>] = [:], kept = Set<Int>(), short = Set<Int>()
        for (chunkIndex, foundIn) in hits {
            let (index, chunk) = chunks[chunkIndex]
            if try stillKept(chunk) {
                kept.insert(index)
            } else if pieces[index].utf8.count < ErasureCheck.shortest {
                short.insert(index)
            } else {
                copies[index, default: []].formUnion(foundIn)
            }
        }
        for (_, foundIn) in copies {
            for file in foundIn { check.found[(file as NSString).lastPathComponent, default: 0] += 1 }
        }
        check.stillKept = kept.subtracting(copies.keys).count
        check.tooShort = short.subtracting(copies.keys).subtracting(kept).count
        return check
    }

    /// Whether any value of any table (or the tables' own definitions) still holds `piece`.
    private func stillKept(_ piece: String) throws -> Bool {
        try read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") + ["sqlite_master"]
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                    .compactMap { $0[0] as String? }
                guard !columns.isEmpty else { continue }
                let test = columns.map { "instr(CAST(\($0.quotedDatabaseIdentifier) AS TEXT), ?1) > 0" }.joined(separator: " OR ")
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.quotedDatabaseIdentifier) WHERE \(test))",
                                     arguments: [piece]) == true {
                    return true
                }
            }
            return false
        }
    }
}

/// What an erasure removed, and what the search afterwards found.
public struct PupilErasure: Sendable, Equatable {
    /// The rows removed.
    public var removal: PupilRemoval
    /// The search of the store's files.
    public var check: ErasureCheck
}

/// The search of a store's files for a pupil's text after an erasure. It holds counts and file
/// names only, never the text.
public struct ErasureCheck: Sendable, Equatable {
    /// A found piece shorter than this many bytes proves nothing (it can match by chance).
    public static let shortest = 4
    /// The files searched (their names, in the store's folder).
    public var files: [String]
    /// How many pieces of text were searched for.
    public var searched: Int
    /// Pieces found that records still kept also hold (another pupil's words, an adult's name).
    public var stillKept = 0
    /// Pieces under `shortest` bytes that were found, held nowhere else.
    public var tooShort = 0
    /// For each file, how many pieces were found in it that nothing kept holds: copies left behind.
    public var found: [String: Int] = [:]

    /// Makes a check.
    public init(files: [String], searched: Int, stillKept: Int = 0, tooShort: Int = 0, found: [String: Int] = [:]) {
        self.files = files; self.searched = searched; self.stillKept = stillKept; self.tooShort = tooShort; self.found = found
    }

    /// True when no copy was found.
    public var isClean: Bool { found.isEmpty }
}
