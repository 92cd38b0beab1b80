import Foundation
import GRDB
import NextStepsCore
import NextStepsRecords

/// Pupils' records in one SQLite file, written durably.
///
/// - warning: Every commit is fsynced (`synchronous=FULL`, checked at open) before a save
///   returns, deleted data is overwritten (`secure_delete`), and the file and its journal are
///   0600 in a 0700 folder. The caller should also set `umask(0o077)` before opening.
public final class SQLiteRecordStore: RecordStore {
    private let queue: DatabaseQueue
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the store at `path`, and brings its shape up to date.
    public init(path: String) throws {
        self.path = path
        // A records file cut to nothing is not quietly used as new, empty records.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw StoreError("The records file \(path) is empty (0 bytes), so any records it held are not in it. "
                             + "Nothing was written. Restore it from a backup; to start new records there, delete it first.")
        }
        try StoreFiles.prepareFolder(for: path)
        // SQLite gives its journal the database file's mode, so a 0600 file from the start
        // keeps every side file private too, whatever the umask.
        StoreFiles.createPrivately(path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another NextSteps (an export in a second terminal) may hold the file for a moment.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.inDatabase { db in
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous")
                let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete")
                guard synchronous == 2, secureDelete == 1 else {
                    throw StoreError("The records file could not be set to save safely (synchronous=\(synchronous ?? -1)).")
                }
            }
            // A file that a newer NextSteps has changed is never written by this one.
            if try queue.read({ try StoreMigrations.migrator.hasBeenSuperseded($0) }) {
                throw StoreError("The records file \(path) was made by a newer NextSteps. This one cannot use it; "
                                 + "nothing was changed. Install the newer NextSteps to go on.")
            }
            try StoreMigrations.migrator.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreFiles.plain(error, opening: path)
        }
    }

    /// The store's migrations that have been applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    /// The settings that make saving safe, as SQLite reports them on the store's own connection:
    /// `synchronous` (2 is FULL), `secure_delete` (1 is on), and the journal mode.
    public func durabilitySettings() throws -> (synchronous: Int, secureDelete: Int, journalMode: String) {
        try queue.inDatabase { db in
            (try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
             try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? -1,
             try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "")
        }
    }

    /// Runs SQLite's integrity check; "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// Adds a pupil; a name already in use is refused.
    public func addPupil(_ given: Pupil) throws -> Pupil {
        let pupil = try PupilNames.cleaned(given)
        return try write { db in
            let others = try Row.fetchAll(db, sql: "SELECT * FROM pupil").map { try StoreRows.pupil($0) }
            if let same = PupilNames.sameName(pupil.name, in: others) {
                throw StoreError("There is already a pupil called \(same.name).")
            }
            try db.execute(sql: """
                INSERT INTO pupil (name, knownAs, yearGroup, dateOfBirth, createdAt, speech) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [pupil.name, pupil.knownAs, pupil.yearGroup, pupil.dateOfBirth, pupil.createdAt,
                                 StoreRows.speechJSON(pupil.speech)])
            var saved = pupil
            saved.id = .init(db.lastInsertedRowID)
            return saved
        }
    }

    /// All pupils, by name.
    public func pupils() throws -> [Pupil] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM pupil ORDER BY name COLLATE NOCASE").map { try StoreRows.pupil($0) } }
    }

    /// The pupil with this name or known-as name (any case), if exactly one matches.
    public func pupil(named name: String) throws -> Pupil? {
        PupilLookup.match(name, in: try pupils())
    }

    /// Gives a pupil a new name (and known-as name); a name another pupil has is refused.
    public func renamePupil(id: PupilID, to name: String, knownAs: String?) throws -> Pupil {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM pupil WHERE id = ?", arguments: [id]) else {
                throw StoreError("There is no such pupil.")
            }
            let others = try Row.fetchAll(db, sql: "SELECT * FROM pupil").map { try StoreRows.pupil($0) }
            if let same = PupilNames.sameName(name, in: others, except: id) {
                throw StoreError("There is already a pupil called \(same.name).")
            }
            let renamed = try PupilNames.cleaned(try StoreRows.pupil(row).renamed(to: name, knownAs: knownAs))
            try db.execute(sql: "UPDATE pupil SET name = ?, knownAs = ? WHERE id = ?", arguments: [renamed.name, renamed.knownAs, id])
            return renamed
        }
    }

    /// Removes a pupil and, through the foreign keys, every sitting, answer and place in a
    /// topic of theirs, in one transaction; `secure_delete` overwrites what was there. If any
    /// table still held a row of the pupil's afterwards, nothing is removed.
    public func removePupil(id: PupilID) throws -> PupilRemoval {
        try write { db in
            guard try Row.fetchOne(db, sql: "SELECT id FROM pupil WHERE id = ?", arguments: [id]) != nil else {
                throw StoreError("There is no such pupil.")
            }
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE pupilId = ?", arguments: [id]) ?? 0
            }
            let removal = PupilRemoval(answers: try count("answer"), sittings: try count("sitting"), topics: try count("progress"))
            try db.execute(sql: "DELETE FROM pupil WHERE id = ?", arguments: [id])
            let left = try Self.rowsReferring(toPupil: id, in: db)
            if left.values.contains(where: { $0 > 0 }) {
                throw StoreError("Some of the pupil's records could not be removed, so nothing was removed.")
            }
            return removal
        }
    }

    /// How many rows each table holds that belong to this pupil (the pupil's own row, and every
    /// row with a `pupilId`): all nought once the pupil is removed.
    public func rowsReferring(toPupil id: PupilID) throws -> [String: Int] {
        try read { db in try Self.rowsReferring(toPupil: id, in: db) }
    }

    private static func rowsReferring(toPupil id: PupilID, in db: Database) throws -> [String: Int] {
        var counts = ["pupil": try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pupil WHERE id = ?", arguments: [id]) ?? 0]
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
        for table in tables where try db.columns(in: table).contains(where: { $0.name == "pupilId" }) {
            counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier) WHERE pupilId = ?",
                                             arguments: [id]) ?? 0
        }
        return counts
    }

    /// Changes how prompts are spoken to a pupil.
    public func updateSpeech(pupilId: PupilID, to settings: SpeechSettings) throws {
        try write { db in
            try db.execute(sql: "UPDATE pupil SET speech = ? WHERE id = ?", arguments: [StoreRows.speechJSON(settings), pupilId])
            if db.changesCount == 0 { throw StoreError("There is no such pupil.") }
        }
    }

    /// Adds an adult; a name another adult already has (in any case) is refused.
    public func addAdult(_ given: Adult) throws -> Adult {
        let adult = try AdultNames.cleaned(given)
        return try write { db in
            let others = try Row.fetchAll(db, sql: "SELECT * FROM adult").map(StoreRows.adult)
            if let same = AdultNames.same(adult.name, in: others) { throw StoreError("There is already an adult called \(same.name).") }
            try db.execute(sql: "INSERT INTO adult (name, role, addedAt) VALUES (?, ?, ?)",
                           arguments: [adult.name, adult.role?.rawValue, adult.addedAt])
            var saved = adult
            saved.id = AdultID(db.lastInsertedRowID)
            return saved
        }
    }

    /// All adults, by name.
    public func adults() throws -> [Adult] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM adult ORDER BY name COLLATE NOCASE, id").map(StoreRows.adult) }
    }

    /// Records the role of an adult whose role was not recorded; a different role already
    /// recorded is refused, never changed.
    public func recordRole(adultId: AdultID, _ role: AdultRole) throws -> Adult {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM adult WHERE id = ?", arguments: [adultId]) else {
                throw StoreError("There is no such adult.")
            }
            var adult = try StoreRows.adult(row)
            try AdultNames.check(recording: role, for: adult)
            adult.role = role
            try db.execute(sql: "UPDATE adult SET role = ? WHERE id = ?", arguments: [role.rawValue, adultId])
            return adult
        }
    }

    /// Starts a sitting.
    public func startSitting(_ sitting: Sitting) throws -> Sitting {
        try write { db in try insertSitting(sitting, db) }
    }

    private func insertSitting(_ sitting: Sitting, _ db: Database) throws -> Sitting {
        try db.execute(sql: "INSERT INTO sitting (pupilId, startedAt, adultId) VALUES (?, ?, ?)",
                       arguments: [sitting.pupilId, sitting.startedAt, sitting.adultId])
        var saved = sitting
        saved.id = .init(db.lastInsertedRowID)
        return saved
    }

    /// All sittings of a pupil, oldest first.
    public func sittings(pupilId: PupilID) throws -> [Sitting] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sitting WHERE pupilId = ? ORDER BY id", arguments: [pupilId]).map(StoreRows.sitting)
        }
    }

    /// Saves an answer and the new place in the topic in one durable transaction, opening
    /// the sitting in the same transaction when one is given.
    public func save(_ answer: Answer?, progress: TopicProgress, opening sitting: Sitting?) throws -> SavedTurn {
        try write { db in
            var opened: Sitting?
            if let sitting { opened = try insertSitting(sitting, db) }
            var saved = answer
            if var answer {
                if let opened { answer.sittingId = opened.id }
                let earlier = try Row.fetchAll(db, sql: """
                    SELECT * FROM answer WHERE pupilId = ? AND topicId = ? AND stepId = ? AND cardId IS ? ORDER BY id
                    """, arguments: [answer.pupilId, answer.topicId, answer.stepId, answer.cardId]).map(StoreRows.answer)
                answer.supersedes = AnswerChain.superseded(by: answer, in: earlier)
                try db.execute(sql: """
                    INSERT INTO answer (pupilId, sittingId, topicId, stepId, cardId, kind, optionIds, words, mode, adultId, at,
                                        supersedesId, asked)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [answer.pupilId, answer.sittingId, answer.topicId, answer.stepId, answer.cardId,
                                     answer.kind.rawValue, StoreRows.optionsJSON(answer.optionIds), answer.words,
                                     answer.mode.rawValue, answer.adultId, answer.at, answer.supersedes,
                                     StoreRows.askedJSON(answer.asked)])
                answer.id = AnswerID(db.lastInsertedRowID)
                saved = answer
            }
            try db.execute(sql: """
                INSERT INTO progress (pupilId, topicId, runStartedAt, stepId, cardId, finished, updatedAt, scribing)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (pupilId, topicId) DO UPDATE SET runStartedAt = excluded.runStartedAt,
                    stepId = excluded.stepId, cardId = excluded.cardId, finished = excluded.finished,
                    updatedAt = excluded.updatedAt, scribing = excluded.scribing
                """, arguments: [progress.pupilId, progress.topicId, progress.runStartedAt, progress.stepId,
                                 progress.cardId, progress.finished, progress.updatedAt, progress.scribing])
            return SavedTurn(answer: saved, sitting: opened)
        }
    }

    /// The pupil's place in a topic.
    public func progress(pupilId: PupilID, topicId: String) throws -> TopicProgress? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM progress WHERE pupilId = ? AND topicId = ?",
                             arguments: [pupilId, topicId]).map(StoreRows.progress)
        }
    }

    /// The pupil's place in every topic begun.
    public func allProgress(pupilId: PupilID) throws -> [TopicProgress] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM progress WHERE pupilId = ? ORDER BY topicId", arguments: [pupilId])
                .map(StoreRows.progress)
        }
    }

    /// All of a pupil's answers, oldest first.
    public func answers(pupilId: PupilID) throws -> [Answer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE pupilId = ? ORDER BY id", arguments: [pupilId]).map { try StoreRows.answer($0) }
        }
    }

    /// Keeps the question as shown with every answer saved before it was kept (records made by
    /// an older NextSteps), from `asked` (today's content); returns how many were filled.
    /// The pupil's words, choices and times are not touched.
    @discardableResult
    public func fillAskedQuestions(_ asked: (QuestionKey) -> AskedQuestion?) throws -> Int {
        // Read first: at almost every start there is nothing to fill, and then no write (and
        // no fsync) is added to start-up.
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, topicId, stepId, cardId FROM answer WHERE asked IS NULL AND kind != 'note'")
        }
        let updates: [(id: AnswerID, json: String)] = rows.compactMap { row in
            let key = QuestionKey(topicId: row["topicId"], stepId: row["stepId"], cardId: row["cardId"])
            return StoreRows.askedJSON(asked(key)).map { (row["id"], $0) }
        }
        guard !updates.isEmpty else { return 0 }
        return try write { db in
            for update in updates {
                try db.execute(sql: "UPDATE answer SET asked = ? WHERE id = ? AND asked IS NULL", arguments: [update.json, update.id])
            }
            return updates.count
        }
    }

    /// One transaction, committed (and fsynced) before it returns.
    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch let error as StoreError { throw error } catch {
            throw StoreFiles.plain(error, opening: nil)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let error as StoreError { throw error } catch {
            throw StoreFiles.plain(error, opening: nil)
        }
    }
}
