import Foundation
import GRDB
import NextStepsCore
import NextStepsRecords

/// Pupils' records in one SQLite file, written durably.
///
/// - warning: Every commit is fsynced (`synchronous=EXTRA`, checked at open) before a save
///   returns, the folder included once the journal is deleted (FULL leaves that out, so a
///   power cut could bring the journal back and undo a save shown as saved), deleted data is overwritten (`secure_delete`), and the file and its journal are
///   0600 in a 0700 folder. The caller should also set `umask(0o077)` before opening.
public final class SQLiteRecordStore: RecordStore {
    /// The connection every read and write goes through (the erasure's VACUUM too).
    let queue: DatabaseQueue
    /// The records' key, once their passphrase is given (see SQLiteRecordStore+Sealing).
    let key = StoreKey()
    /// The database file.
    public let path: String
    /// Whether this store has written: its fingerprint is kept when it closes, so the next start
    /// need not check a file only NextSteps has changed.
    var wrote = false
    /// What SQLite's check found wrong with the file when it was opened; nil when it is sound.
    /// A damaged file is open read-only, and every write is refused (`StoreHealth`).
    public let damage: String?

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
            try db.execute(sql: "PRAGMA synchronous = EXTRA")
        }
        do {
            var opened = try DatabaseQueue(path: path, configuration: configuration)
            try opened.inDatabase { db in
                let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous")
                let secureDelete = try Int.fetchOne(db, sql: "PRAGMA secure_delete")
                guard synchronous == 3, secureDelete == 1 else {
                    throw StoreError("The records file could not be set to save safely (synchronous=\(synchronous ?? -1)).")
                }
            }
            // A file whose check fails is opened read-only: read (for an export) at most, never
            // written. A file just as the last check or NextSteps last left it is not checked again.
            let unchanged = StoreHealth.isUnchanged(path)
            damage = unchanged ? nil : try StoreHealth.damage(in: opened)
            if damage == nil && !unchanged { StoreHealth.remember(path) }
            if damage != nil {
                var readOnly = configuration
                readOnly.readonly = true
                opened = try DatabaseQueue(path: path, configuration: readOnly)
            }
            queue = opened
            // A file that a newer NextSteps has changed is never written by this one.
            if try queue.read({ try StoreMigrations.migrator.hasBeenSuperseded($0) }) {
                throw StoreError("The records file \(path) was made by a newer NextSteps. This one cannot use it; "
                                 + "nothing was changed. Install the newer NextSteps to go on.")
            }
            if damage == nil {
                try StoreMigrations.migrator.migrate(queue)
                // A migration may have written: keep the fingerprint as this process leaves the file.
                if !unchanged { wrote = true }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreFiles.plain(error, opening: path)
        }
    }

    deinit {
        if wrote && damage == nil { StoreHealth.remember(path) }
    }

    /// The store's migrations that have been applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    /// The settings that make saving safe, as SQLite reports them on the store's own connection:
    /// `synchronous` (3 is EXTRA), `secure_delete` (1 is on), and the journal mode.
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
            if let same = PupilNames.sameName(pupil.name, in: try PupilRow.all(db, PupilRow.all()).map(\.pupil)) {
                throw StoreError("There is already a pupil called \(same.name).")
            }
            var row = PupilRow(pupil)
            try row.insertSealed(db)
            return row.pupil
        }
    }

    /// All pupils, by name.
    public func pupils() throws -> [Pupil] {
        try read { db in
            let pupils = try PupilRow.all(db, PupilRow.order(PupilRow.CodingKeys.name.collating(.nocase))).map(\.pupil)
            // Sealed names are sorted once opened, as SQLite sorts them in the clear.
            return SealedColumns.current == nil ? pupils : pupils.sorted { SealedColumns.nocaseLess($0.name, $1.name) }
        }
    }

    /// The pupil with this name or known-as name (any case), if exactly one matches.
    public func pupil(named name: String) throws -> Pupil? {
        PupilLookup.match(name, in: try pupils())
    }

    /// The pupil with this number, one row read (a school's other pupils are neither read nor opened).
    public func pupil(id: PupilID) throws -> Pupil? {
        try read { db in try PupilRow.one(db, PupilRow.filter(key: id))?.pupil }
    }

    /// Gives a pupil a new name (and known-as name); a name another pupil has is refused.
    public func renamePupil(id: PupilID, to name: String, knownAs: String?) throws -> Pupil {
        try write { db in
            guard let row = try PupilRow.one(db, PupilRow.filter(key: id)) else { throw StoreError("There is no such pupil.") }
            if let same = PupilNames.sameName(name, in: try PupilRow.all(db, PupilRow.all()).map(\.pupil), except: id) {
                throw StoreError("There is already a pupil called \(same.name).")
            }
            let renamed = PupilRow(try PupilNames.cleaned(row.pupil.renamed(to: name, knownAs: knownAs)))
            try renamed.updateSealed(db, columns: [PupilRow.CodingKeys.name.name, PupilRow.CodingKeys.knownAs.name])
            return renamed.pupil
        }
    }

    /// Removes a pupil and, through the foreign keys, every sitting, answer, place in a topic
    /// and careers entry (plan, encounters, destinations, sharing) of theirs, in one transaction; `secure_delete` overwrites what was there. If any
    /// table still held a row of the pupil's afterwards, nothing is removed.
    public func removePupil(id: PupilID) throws -> PupilRemoval {
        try write { db in
            guard try PupilRow.exists(db, key: id) else { throw StoreError("There is no such pupil.") }
            let removal = PupilRemoval(answers: try AnswerRow.filter(AnswerRow.CodingKeys.pupilId == id).fetchCount(db),
                                       sittings: try SittingRow.filter(SittingRow.CodingKeys.pupilId == id).fetchCount(db),
                                       topics: try ProgressRow.filter(ProgressRow.CodingKeys.pupilId == id).fetchCount(db),
                                       careersEntries: try Self.careersEntryCount(of: id, in: db))
            _ = try PupilRow.deleteOne(db, key: id)
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

    /// Every table is counted, so one added later (advice, actions …) cannot be missed.
    private static func rowsReferring(toPupil id: PupilID, in db: Database) throws -> [String: Int] {
        var counts = ["pupil": try PupilRow.filter(key: id).fetchCount(db)]
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
        for table in tables where try db.columns(in: table).contains(where: { $0.name == "pupilId" }) {
            counts[table] = try Table(table).filter(Column("pupilId") == id).fetchCount(db)
        }
        return counts
    }

    /// Changes how prompts are spoken to a pupil.
    public func updateSpeech(pupilId: PupilID, to settings: SpeechSettings) throws {
        try write { db in
            guard var row = try PupilRow.one(db, PupilRow.filter(key: pupilId)) else { throw StoreError("There is no such pupil.") }
            row.speech = settings
            try row.update(db, columns: [PupilRow.CodingKeys.speech])
        }
    }

    /// Records a pupil's address and their parents' or carers' details (nil leaves one as it
    /// is; an empty text clears it). These are the basic details a local authority may always be told.
    public func updateDetails(pupilId: PupilID, address: String?, parentContact: String?) throws -> Pupil {
        try write { db in
            guard var row = try PupilRow.one(db, PupilRow.filter(key: pupilId)) else { throw StoreError("There is no such pupil.") }
            if let address { row.address = address.isEmpty ? nil : address }
            if let parentContact { row.parentContact = parentContact.isEmpty ? nil : parentContact }
            try row.update(db, columns: [PupilRow.CodingKeys.address, PupilRow.CodingKeys.parentContact])
            return row.pupil
        }
    }

    /// Adds an adult; a name another adult already has (in any case) is refused.
    public func addAdult(_ given: Adult) throws -> Adult {
        let adult = try AdultNames.cleaned(given)
        return try write { db in
            if let same = AdultNames.same(adult.name, in: try AdultRow.all(db, AdultRow.all()).map(\.adult)) {
                throw StoreError("There is already an adult called \(same.name).")
            }
            var row = AdultRow(adult)
            try row.insert(db)
            return row.adult
        }
    }

    /// All adults, by name.
    public func adults() throws -> [Adult] {
        try read { db in
            try AdultRow.all(db, AdultRow.order(AdultRow.CodingKeys.name.collating(.nocase), AdultRow.CodingKeys.id)).map(\.adult)
        }
    }

    /// Records the role of an adult whose role was not recorded; a different role already
    /// recorded is refused, never changed.
    public func recordRole(adultId: AdultID, _ role: AdultRole) throws -> Adult {
        try write { db in
            guard var row = try AdultRow.one(db, AdultRow.filter(key: adultId)) else { throw StoreError("There is no such adult.") }
            try AdultNames.check(recording: role, for: row.adult)
            row.role = role
            try row.update(db, columns: [AdultRow.CodingKeys.role])
            return row.adult
        }
    }

    /// Starts a sitting.
    public func startSitting(_ sitting: Sitting) throws -> Sitting {
        try write { db in
            var row = SittingRow(sitting)
            try row.insert(db)
            return row.sitting
        }
    }

    /// All sittings of a pupil, oldest first.
    public func sittings(pupilId: PupilID) throws -> [Sitting] {
        try read { db in
            try SittingRow.all(db, SittingRow.filter(SittingRow.CodingKeys.pupilId == pupilId).order(SittingRow.CodingKeys.id)).map(\.sitting)
        }
    }

    /// Saves an answer and the new place in the topic in one durable transaction, opening
    /// the sitting in the same transaction when one is given.
    public func save(_ answer: Answer?, progress: TopicProgress, opening sitting: Sitting?) throws -> SavedTurn {
        try write { db in
            var opened: SittingRow?
            if let sitting {
                opened = SittingRow(sitting)
                try opened?.insert(db)
            }
            var saved: Answer?
            if var answer {
                if let opened { answer.sittingId = opened.id }
                let earlier = try AnswerRow.all(db, AnswerRow.to(answer.question, of: answer.pupilId)).map(\.answer)
                answer.supersedes = AnswerChain.superseded(by: answer, in: earlier)
                var row = AnswerRow(answer)
                try row.insertSealed(db)
                saved = row.answer
            }
            try ProgressRow(progress).upsert(db)
            return SavedTurn(answer: saved, sitting: opened?.sitting)
        }
    }

    /// The pupil's place in a topic.
    public func progress(pupilId: PupilID, topicId: String) throws -> TopicProgress? {
        try read { db in
            try ProgressRow.one(db, ProgressRow.filter(key: [ProgressRow.CodingKeys.pupilId.name: pupilId.databaseValue,
                                                              ProgressRow.CodingKeys.topicId.name: topicId.databaseValue]))?.progress
        }
    }

    /// The pupil's place in every topic begun.
    public func allProgress(pupilId: PupilID) throws -> [TopicProgress] {
        try read { db in
            try ProgressRow.all(db, ProgressRow.filter(ProgressRow.CodingKeys.pupilId == pupilId).order(ProgressRow.CodingKeys.topicId))
                .map(\.progress)
        }
    }

    /// All of a pupil's answers, oldest first.
    public func answers(pupilId: PupilID) throws -> [Answer] {
        try read { db in
            try AnswerRow.all(db, AnswerRow.filter(AnswerRow.CodingKeys.pupilId == pupilId).order(AnswerRow.CodingKeys.id)).map(\.answer)
        }
    }

    /// Keeps the question as shown with every answer saved before it was kept (records made by
    /// an older NextSteps), from `asked` (today's content); returns how many were filled.
    /// The pupil's words, choices and times are not touched.
    @discardableResult
    public func fillAskedQuestions(_ asked: (QuestionKey) -> AskedQuestion?) throws -> Int {
        // Read first: at almost every start there is nothing to fill, and then no write (and
        // no fsync) is added to start-up.
        let missing = try read { db in
            try AnswerRow.all(db, AnswerRow.filter(AnswerRow.CodingKeys.asked == nil)).map(\.answer).filter(AnswerChain.isAnswer)
        }
        let updates = missing.compactMap { answer in asked(answer.question).map { answer.asking($0) } }
        guard !updates.isEmpty else { return 0 }
        return try write { db in
            var filled = 0
            for update in updates {
                // Only where nothing was kept meanwhile: a question kept is never replaced.
                guard try AnswerRow.filter(key: update.id).filter(AnswerRow.CodingKeys.asked == nil).fetchCount(db) == 1 else { continue }
                try AnswerRow(update).update(db, columns: [AnswerRow.CodingKeys.asked])
                filled += 1
            }
            return filled
        }
    }

    /// One transaction, committed (and fsynced) before it returns; with the records' key bound
    /// once their lock is checked (StoreKey.run).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if damage != nil { throw StoreHealth.refusal(path) }
        wrote = true
        do { return try queue.write { db in try key.run(db, body) } } catch let error as StoreError { throw error } catch {
            throw StoreFiles.plain(error, opening: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read { db in try key.run(db, body) } } catch let error as StoreError { throw error } catch {
            throw StoreFiles.plain(error, opening: path)
        }
    }
}
