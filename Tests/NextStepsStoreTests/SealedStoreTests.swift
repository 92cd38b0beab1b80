import Foundation
import GRDB
import NextStepsCareers
import NextStepsRecords
import NextStepsSealing
import NextStepsStore
import XCTest

/// Records with a passphrase (migration v7): the pupils' words, names and notes sealed per field
/// and bound to their row; a wrong passphrase told at once; setting and changing it loses no row.
final class SealedStoreTests: XCTestCase {
    var folder: URL!
    let at = Date(timeIntervalSince1970: 1_790_000_000)
    let passphrase = "purple elephant mornings"
    let cost = ScryptCost.cheapestForTests
    /// A pupil's words no store file may hold once the records are sealed.
    let marker = "ZQX-MARKER-\(UUID().uuidString)"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-sealed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    struct Filled {
        let store: SQLiteRecordStore
        let path: String
        let sam: PupilID
        let ava: PupilID
        let khan: AdultID
    }

    /// A store with two pupils, answers, and one careers entry of every table, holding the marker.
    func filledStore(_ name: String = "s.sqlite") throws -> Filled {
        let path = folder.appendingPathComponent(name).path
        let store = try SQLiteRecordStore(path: path)
        let sam = try XCTUnwrap(store.addPupil(Pupil(name: "Sam Smith", knownAs: "Sammy", yearGroup: 11, dateOfBirth: "2010-10-10", createdAt: at)).id)
        let ava = try XCTUnwrap(store.addPupil(Pupil(name: "ava Jones", createdAt: at)).id)
        let khan = try XCTUnwrap(store.addAdult(Adult(name: "Ms Khan", role: .careersAdviser, addedAt: at)).id)
        try save(store, sam, "why", words: "I like \(marker) and animals")
        try save(store, sam, "home", kind: .choice, options: ["with-family"], words: "With my family")
        try save(store, ava, "why", words: "Ava's own words")
        _ = try store.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .parentView(words: "Mum says \(marker)", saidBy: "Mum")))
        _ = try store.add(PlanEntry(pupil: sam, adult: khan, at: at, body: .nextReview(Day(iso: "2027-03-10")!)))
        _ = try store.add([EncounterEntry(pupil: sam, adult: khan, at: at,
                                          body: Encounter(on: Day(iso: "2026-10-01")!, kind: .employer, provider: "Bakery", notes: "Notes \(marker)"))])
        _ = try store.add(DestinationEntry(pupil: sam, adult: khan, at: at,
                                           body: Destination(checkpoint: .intended, kind: .education, detail: "College \(marker)", agreedToBeContacted: true)))
        _ = try store.add(SharingEntry(pupil: sam, adult: khan, at: at, body: .leftProgrammeEarly(on: Day(iso: "2026-11-20")!, programme: "Catering", note: "Moved \(marker)")))
        return Filled(store: store, path: path, sam: sam, ava: ava, khan: khan)
    }

    func save(_ store: SQLiteRecordStore, _ pupil: PupilID, _ step: String, kind: AnswerKind = .words, options: [String] = [], words: String) throws {
        let answer = Answer(pupilId: pupil, sittingId: nil, topicId: "after-school", stepId: step, cardId: nil, kind: kind,
                            optionIds: options, words: words, mode: kind == .words ? .typedByPupil : .chosenFromOptions, adultId: nil, at: at)
        _ = try store.save(answer, progress: TopicProgress(pupilId: pupil, topicId: "after-school", runStartedAt: at, stepId: step, updatedAt: at),
                           opening: nil)
    }

    /// Everything the store gives back, to compare before and after.
    func everything(_ store: SQLiteRecordStore) throws -> String {
        let pupils = try store.pupils()
        var parts = pupils.map { "\($0)" }
        for pupil in pupils { parts += try store.answers(pupilId: pupil.id!).map { "\($0)" } }
        let careers = try store.careersRecords(pupils: nil)
        parts += careers.pupils.map { "\($0)" } + careers.plan.map { "\($0)" } + careers.encounters.map { "\($0)" }
            + careers.destinations.map { "\($0)" } + careers.sharing.map { "\($0)" }
        return parts.joined(separator: "\n")
    }

    /// Every byte of every file the store has (the database and any side file).
    func storeBytes(_ path: String) throws -> Data {
        var bytes = Data()
        for suffix in ["", "-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            bytes += try Data(contentsOf: URL(fileURLWithPath: path + suffix))
        }
        return bytes
    }

    func raw(_ path: String) throws -> DatabaseQueue { try DatabaseQueue(path: path) }

    func testWithoutAPassphraseTheRecordsStayInTheClearAsBefore() throws {
        let filled = try filledStore()
        XCTAssertFalse(try filled.store.hasPassphrase())
        let types = try raw(filled.path).read { db in try String.fetchAll(db, sql: "SELECT typeof(words) FROM answer UNION SELECT typeof(name) FROM pupil") }
        XCTAssertEqual(Set(types), ["text"])
        XCTAssertNotNil(try storeBytes(filled.path).range(of: Data(marker.utf8)), "without a passphrase the words are in the file, as before")
    }

    func testSettingAPassphraseSealsEveryRowInOneGoAndLosesNone() throws {
        let filled = try filledStore()
        let before = try everything(filled.store)
        let countsBefore = try raw(filled.path).read { db in try Int.fetchAll(db, sql: "SELECT (SELECT count(*) FROM pupil) + (SELECT count(*) FROM answer) + (SELECT count(*) FROM planEntry) + (SELECT count(*) FROM encounter) + (SELECT count(*) FROM destination) + (SELECT count(*) FROM sharingEntry)") }
        let summary = try filled.store.setPassphrase(passphrase, cost: cost)
        XCTAssertTrue(summary.firstTime)
        XCTAssertEqual(summary.rows["pupil"], 2)
        XCTAssertEqual(summary.rows["answer"], 3)
        XCTAssertEqual(summary.rows["planEntry"], 2)
        // Pupils: 3 + 2 (Ava has no date of birth); answers: 3 × 2; plan: a parent's view's words and who
        // (the next review has none); then the encounter, the destination and the sharing entry's two.
        XCTAssertEqual(summary.sealedValues, 5 + 6 + 2 + 1 + 1 + 2)
        XCTAssertEqual(try everything(filled.store), before, "the same records read back")
        XCTAssertEqual(try everything(reopened(filled.path)), before)
        let countsAfter = try raw(filled.path).read { db in try Int.fetchAll(db, sql: "SELECT (SELECT count(*) FROM pupil) + (SELECT count(*) FROM answer) + (SELECT count(*) FROM planEntry) + (SELECT count(*) FROM encounter) + (SELECT count(*) FROM destination) + (SELECT count(*) FROM sharingEntry)") }
        XCTAssertEqual(countsAfter, countsBefore)
        let types = try raw(filled.path).read { db in
            try String.fetchAll(db, sql: "SELECT typeof(words) FROM answer UNION SELECT typeof(optionIds) FROM answer UNION SELECT typeof(name) FROM pupil "
                                         + "UNION SELECT typeof(notes) FROM encounter UNION SELECT typeof(detail) FROM destination UNION SELECT typeof(note) FROM sharingEntry")
        }
        XCTAssertEqual(Set(types), ["blob"])
        XCTAssertNil(try storeBytes(filled.path).range(of: Data(marker.utf8)), "no store file holds the words once sealed")
        XCTAssertNil(try storeBytes(filled.path).range(of: Data("Sam Smith".utf8)), "nor the pupil's name")
        XCTAssertEqual(try filled.store.integrityCheck(), "ok")
    }

    func reopened(_ path: String, _ given: String? = nil) throws -> SQLiteRecordStore {
        let store = try SQLiteRecordStore(path: path)
        try store.unlock(passphrase: given ?? passphrase)
        return store
    }

    func testWordsSavedAfterwardsAreSealedAndReadBackAndNamesStillFindPupils() throws {
        let filled = try filledStore()
        try filled.store.setPassphrase(passphrase, cost: cost)
        let store = try reopened(filled.path)
        let zoe = try XCTUnwrap(store.addPupil(Pupil(name: "Zoë Adams", knownAs: "Zo", createdAt: at)).id)
        try save(store, zoe, "why", words: "later \(marker)")
        _ = try store.add(PlanEntry(pupil: zoe, adult: filled.khan, at: at, body: .advice("Advice \(marker)")))
        XCTAssertEqual(try store.answers(pupilId: zoe).map(\.words), ["later \(marker)"])
        XCTAssertEqual(try store.pupils().map(\.name), ["ava Jones", "Sam Smith", "Zoë Adams"], "sorted as the clear records sort")
        XCTAssertEqual(try store.careersRecords(pupils: nil).pupils.map(\.name), ["ava Jones", "Sam Smith", "Zoë Adams"])
        XCTAssertEqual(try store.pupil(named: "sam smith")?.id, filled.sam)
        XCTAssertEqual(try store.pupil(named: "Zo")?.id, zoe)
        XCTAssertEqual(try store.pupil(id: filled.sam)?.name, "Sam Smith", "a pupil read alone by number is opened too")
        XCTAssertEqual(try store.pupil(id: zoe)?.knownAs, "Zo")
        XCTAssertNil(try store.pupil(id: PupilID(99_999)), "no pupil has that number")
        XCTAssertThrowsError(try store.addPupil(Pupil(name: "SAM SMITH", createdAt: at)), "a name in use is still refused")
        let renamed = try store.renamePupil(id: zoe, to: "Zoe Adams-Brown", knownAs: "Zed")
        XCTAssertEqual(try reopened(filled.path).pupil(named: "Zed")?.name, renamed.name)
        XCTAssertNil(try storeBytes(filled.path).range(of: Data(marker.utf8)))
        XCTAssertNil(try storeBytes(filled.path).range(of: Data("Adams".utf8)))
    }

    func testAWrongPassphraseIsToldInUnderASecondAndNothingIsRead() throws {
        let filled = try filledStore()
        try filled.store.setPassphrase(passphrase, cost: .standard)
        let store = try SQLiteRecordStore(path: filled.path)
        XCTAssertTrue(try store.hasPassphrase())
        let start = Date()
        XCTAssertThrowsError(try store.unlock(passphrase: "purple elephant evenings")) { XCTAssertEqual($0 as? SealingError, .wrongPassphrase) }
        let wrong = Date().timeIntervalSince(start)
        // Told after one key derivation and nothing more (a debug build derives several times
        // slower than the release build that README times).
        let deriving = Date()
        _ = try SealingLock.make(passphrase: "another passphrase", cost: .standard)
        XCTAssertLessThan(wrong, Date().timeIntervalSince(deriving) * 1.5 + 0.2)
        #if !DEBUG
        XCTAssertLessThan(wrong, 1.0)
        #endif
        XCTAssertThrowsError(try store.pupils()) { XCTAssertTrue("\($0)".contains("passphrase"), "\($0)") }
        XCTAssertThrowsError(try store.addPupil(Pupil(name: "New Pupil", createdAt: at)))
        XCTAssertNoThrow(try store.unlock(passphrase: passphrase))
        XCTAssertEqual(try store.pupils().count, 2)
    }

    func testACiphertextMovedToAnotherRowDoesNotOpenItIsAnError() throws {
        let filled = try filledStore()
        try filled.store.setPassphrase(passphrase, cost: cost)
        // Swap the sealed words of Sam's first answer (1) and Ava's (3), as someone with the file could.
        try raw(filled.path).write { db in
            let first = try XCTUnwrap(Data.fetchOne(db, sql: "SELECT words FROM answer WHERE id = 1"))
            let third = try XCTUnwrap(Data.fetchOne(db, sql: "SELECT words FROM answer WHERE id = 3"))
            try db.execute(sql: "UPDATE answer SET words = ? WHERE id = 1", arguments: [third])
            try db.execute(sql: "UPDATE answer SET words = ? WHERE id = 3", arguments: [first])
            XCTAssertEqual(try Data.fetchOne(db, sql: "SELECT words FROM answer WHERE id = 3"), first)
        }
        let store = try reopened(filled.path)
        XCTAssertThrowsError(try store.answers(pupilId: filled.sam)) {
            XCTAssertTrue("\($0)".contains("damaged answer (number 1)"), "\($0)")
            XCTAssertFalse("\($0)".contains(marker))
        }
        XCTAssertThrowsError(try store.answers(pupilId: filled.ava))
        // Moved to another column of the same row.
        try raw(filled.path).write { db in try db.execute(sql: "UPDATE pupil SET knownAs = name WHERE id = 1") }
        XCTAssertThrowsError(try store.pupils()) { XCTAssertTrue("\($0)".contains("damaged pupil (number 1)"), "\($0)") }
    }

    func testWordsPutInTheClearIntoSealedRecordsAreAnErrorNotRead() throws {
        let filled = try filledStore()
        try filled.store.setPassphrase(passphrase, cost: cost)
        try raw(filled.path).write { db in try db.execute(sql: "UPDATE answer SET words = 'planted' WHERE id = 2") }
        XCTAssertThrowsError(try reopened(filled.path).answers(pupilId: filled.sam))
    }

    func testChangingThePassphraseSealsEverythingAgainWithNewNoncesAndLosesNoRow() throws {
        let filled = try filledStore()
        try filled.store.setPassphrase(passphrase, cost: cost)
        let before = try everything(filled.store)
        func sealedValues() throws -> (Set<Data>, Data?) {
            try raw(filled.path).read { db in
                (Set(try Data.fetchAll(db, sql: "SELECT words FROM answer UNION ALL SELECT name FROM pupil UNION ALL SELECT notes FROM encounter")),
                 try Data.fetchOne(db, sql: "SELECT salt FROM sealing"))
            }
        }
        let (oldValues, oldSalt) = try sealedValues()
        let store = try reopened(filled.path)
        let summary = try store.setPassphrase("a brand new passphrase", cost: cost)
        XCTAssertFalse(summary.firstTime)
        XCTAssertEqual(summary.rows["answer"], 3)
        let (newValues, newSalt) = try sealedValues()
        XCTAssertNotEqual(oldSalt, newSalt)
        XCTAssertEqual(newValues.count, oldValues.count)
        XCTAssertTrue(oldValues.isDisjoint(with: newValues), "every value sealed again with a fresh nonce")
        XCTAssertEqual(try everything(store), before)
        XCTAssertThrowsError(try SQLiteRecordStore(path: filled.path).unlock(passphrase: passphrase)) {
            XCTAssertEqual($0 as? SealingError, .wrongPassphrase)
        }
        XCTAssertEqual(try everything(reopened(filled.path, "a brand new passphrase")), before)
        XCTAssertThrowsError(try filled.store.pupils(), "the store still holding the old key refuses") {
            XCTAssertTrue("\($0)".contains("changed by another NextSteps"), "\($0)")
        }
    }

    func testAChangeNeedsTheCurrentPassphraseAndAShortOneIsRefused() throws {
        let filled = try filledStore()
        XCTAssertThrowsError(try filled.store.setPassphrase("short", cost: cost)) {
            XCTAssertEqual($0 as? SealingError, .passphraseTooShort(minimum: SealingLock.minimumLength))
        }
        XCTAssertFalse(try filled.store.hasPassphrase())
        try filled.store.setPassphrase(passphrase, cost: cost)
        let locked = try SQLiteRecordStore(path: filled.path)
        XCTAssertThrowsError(try locked.setPassphrase("someone else's passphrase", cost: cost))
        XCTAssertNoThrow(try locked.unlock(passphrase: passphrase))
    }

    func testAStoreOpenedBeforeThePassphraseWasSetWritesNoWordsInTheClear() throws {
        let filled = try filledStore()
        let other = try SQLiteRecordStore(path: filled.path)
        try filled.store.setPassphrase(passphrase, cost: cost)
        XCTAssertThrowsError(try save(other, filled.sam, "later", words: "in the clear \(marker)"))
        XCTAssertThrowsError(try other.addPupil(Pupil(name: "Clear Name", createdAt: at)))
        XCTAssertNil(try storeBytes(filled.path).range(of: Data(marker.utf8)))
    }

    func testRemovingAPupilStillTakesEveryRowOfTheirs() throws {
        let filled = try filledStore()
        try filled.store.setPassphrase(passphrase, cost: cost)
        let removal = try filled.store.removePupil(id: filled.sam)
        XCTAssertEqual(removal.answers, 2)
        XCTAssertTrue(try filled.store.rowsReferring(toPupil: filled.sam).values.allSatisfy { $0 == 0 })
        XCTAssertEqual(try filled.store.pupils().map(\.name), ["ava Jones"])
    }

    func testASealedAndAClearStoreUsedTurnAboutEachKeepTheirOwnWay() throws {
        let sealed = try filledStore("sealed.sqlite")
        try sealed.store.setPassphrase(passphrase, cost: cost)
        let clear = try filledStore("clear.sqlite")
        for round in 0..<3 {
            try save(clear.store, clear.sam, "later", words: "clear words \(round)")
            try save(sealed.store, sealed.sam, "later", words: "sealed words \(round)")
            _ = try clear.store.addPupil(Pupil(name: "Clear \(round)", createdAt: at))
            _ = try sealed.store.addPupil(Pupil(name: "Sealed \(round)", createdAt: at))
        }
        func types(_ path: String) throws -> Set<String> {
            Set(try raw(path).read { db in try String.fetchAll(db, sql: "SELECT typeof(words) FROM answer UNION SELECT typeof(name) FROM pupil") })
        }
        XCTAssertEqual(try types(clear.path), ["text"])
        XCTAssertEqual(try types(sealed.path), ["blob"])
        XCTAssertEqual(try sealed.store.answers(pupilId: sealed.sam).last?.words, "sealed words 2")
        XCTAssertEqual(try clear.store.answers(pupilId: clear.sam).last?.words, "clear words 2")
    }
}
