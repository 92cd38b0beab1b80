import Foundation
import GRDB
import NextStepsCareers
import NextStepsRecords
import NextStepsStore
import XCTest

/// `erasePupil`: every row of one pupil goes, the other's stay, and a search of the store's files
/// finds none of the erased pupil's text; the same search does find a copy that is left behind.
final class PupilErasureTests: XCTestCase {
    var folder: URL!
    let at = Date(timeIntervalSince1970: 1_790_000_000)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-erase-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Everything a pupil can have, each piece of text marked with `tag` so it is theirs alone.
    private func fill(_ store: SQLiteRecordStore, _ pupil: PupilID, adult: AdultID, tag: String) throws {
        let sitting = try store.startSitting(Sitting(pupilId: pupil, startedAt: at, adultId: adult))
        let place = TopicProgress(pupilId: pupil, topicId: "after-school", runStartedAt: at, stepId: "why", updatedAt: at)
        let long = String(repeating: "a long answer that needs an overflow page \(tag) ", count: 120)
        for (kind, words) in [(AnswerKind.words, "I want to work with animals \(tag)"), (.words, long), (.note, "adult note \(tag)")] {
            _ = try store.save(Answer(pupilId: pupil, sittingId: sitting.id, topicId: "after-school", stepId: "why", kind: kind,
                                      words: words, mode: kind == .note ? .adultNote : .typedByPupil, adultId: adult, at: at),
                               progress: place)
        }
        _ = try store.add(PlanEntry(pupil: pupil, adult: adult, at: at, body: .parentView(words: "parent view \(tag)", saidBy: "Gran \(tag)")))
        _ = try store.add([EncounterEntry(pupil: pupil, adult: adult, at: at,
                                          body: Encounter(on: Day(iso: "2026-10-01")!, kind: .employer, provider: "Shared Bakery",
                                                          notes: "encounter note \(tag)"))])
        _ = try store.add(DestinationEntry(pupil: pupil, adult: adult, at: at,
                                           body: Destination(checkpoint: .intended, kind: .education, detail: "College \(tag)",
                                                             agreedToBeContacted: true)))
        _ = try store.add(SharingEntry(pupil: pupil, adult: adult, at: at,
                                       body: .leftProgrammeEarly(on: Day(iso: "2026-11-01")!, programme: "Programme \(tag)", note: "moved \(tag)")))
    }

    private func twoPupils() throws -> (SQLiteRecordStore, String, PupilID, PupilID) {
        let path = folder.appendingPathComponent("r.sqlite").path
        let store = try SQLiteRecordStore(path: path)
        let adult = try XCTUnwrap(store.addAdult(Adult(name: "Ms Khan", role: .careersAdviser, addedAt: at)).id)
        let gone = try XCTUnwrap(store.addPupil(Pupil(name: "Zanzibar Quuxley", knownAs: "Zanzi", dateOfBirth: "2010-04-21", createdAt: at)).id)
        let kept = try XCTUnwrap(store.addPupil(Pupil(name: "Ava Jones", createdAt: at)).id)
        try fill(store, gone, adult: adult, tag: "zq-marker")
        try fill(store, kept, adult: adult, tag: "aj-marker")
        return (store, path, gone, kept)
    }

    /// Every file of the store, read raw.
    private func bytes(of path: String) throws -> [Data] {
        try StoreFileSearch.storeFiles(of: path).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    }

    func testErasingOnePupilTakesEveryRowAndLeavesNoCopyWhileTheOtherKeepsEverything() throws {
        let (store, path, gone, kept) = try twoPupils()
        let pieces = try store.pupilTexts(id: gone)
        XCTAssertTrue(pieces.contains("Zanzibar Quuxley") && pieces.contains("Zanzi") && pieces.contains("adult note zq-marker")
                      && pieces.contains("Gran zq-marker") && pieces.contains("moved zq-marker"), "\(pieces)")
        XCTAssertFalse(pieces.contains { $0.contains("aj-marker") }, "only the erased pupil's text is searched for")
        let keptBefore = (try store.answers(pupilId: kept), try store.careersRecords(pupils: [kept]))
        XCTAssertTrue(try bytes(of: path).contains { $0.range(of: Data("zq-marker".utf8)) != nil }, "precondition: the words are there")

        let erasure = try store.erasePupil(id: gone)

        XCTAssertEqual(erasure.removal, PupilRemoval(answers: 3, sittings: 1, topics: 1, careersEntries: 4))
        XCTAssertTrue(erasure.check.isClean, "\(erasure.check)")
        XCTAssertEqual(erasure.check.searched, pieces.count)
        XCTAssertTrue(erasure.check.files.contains("r.sqlite"), "\(erasure.check.files)")
        XCTAssertEqual(erasure.check.stillKept, 1, "\"Shared Bakery\" is the other pupil's encounter too")
        XCTAssertTrue(try store.rowsReferring(toPupil: gone).values.allSatisfy { $0 == 0 })
        // Checked here too, independently of the store's own search.
        for file in try bytes(of: path) {
            for marker in ["zq-marker", "Zanzibar", "Quuxley", "2010-04-21"] {
                XCTAssertNil(file.range(of: Data(marker.utf8)), "\(marker) is still in a file of the store")
            }
        }
        XCTAssertEqual(try store.answers(pupilId: kept), keptBefore.0, "the other pupil's answers are as they were")
        XCTAssertEqual(try store.careersRecords(pupils: [kept]), keptBefore.1, "and their careers entries")
        XCTAssertEqual(try store.pupils().map(\.name), ["Ava Jones"])
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertTrue(try bytes(of: path).contains { $0.range(of: Data("aj-marker".utf8)) != nil }, "the kept pupil's words are there")
        XCTAssertFalse(FileManager.default.fileExists(atPath: PupilSessionLock.path(storePath: path, pupilId: gone)))
    }

    /// The search can fail: a removal with secure_delete off and no VACUUM leaves the words in
    /// freed space, and a stray side file holding them is found and named.
    func testTheSearchFindsCopiesLeftBehind() throws {
        let (store, path, gone, _) = try twoPupils()
        let pieces = try store.pupilTexts(id: gone)
        let before = try store.proveGone(pieces)
        XCTAssertEqual(before.stillKept, pieces.count, "before the removal, every piece is found, and held by the pupil's rows")

        let raw = try DatabaseQueue(path: path)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "DELETE FROM pupil WHERE id = ?", arguments: [gone])
        }
        try raw.close()
        XCTAssertTrue(try store.rowsReferring(toPupil: gone).values.allSatisfy { $0 == 0 }, "every row is gone")
        let check = try store.proveGone(pieces)
        XCTAssertFalse(check.isClean, "without secure_delete and VACUUM, freed pages keep the words")
        XCTAssertGreaterThan(check.found["r.sqlite"] ?? 0, 3, "\(check)")

        try store.compact()
        XCTAssertTrue(try store.proveGone(pieces).isClean, "VACUUM leaves no freed page")
        try Data("left over: I want to work with animals zq-marker".utf8).write(to: URL(fileURLWithPath: path + "-shm"))
        let planted = try store.proveGone(pieces)
        XCTAssertEqual(planted.found, ["r.sqlite-shm": 1], "\(planted)")
        XCTAssertTrue(planted.files.contains("r.sqlite-shm"))
    }

    func testRemovalWithSecureDeleteLeavesNoCopyEvenBeforeVacuum() throws {
        let (store, _, gone, _) = try twoPupils()
        let pieces = try store.pupilTexts(id: gone)
        _ = try store.removePupil(id: gone)
        XCTAssertTrue(try store.proveGone(pieces).isClean, "secure_delete overwrites freed cells, index entries and overflow pages")
    }

    func testShortPiecesFoundByChanceAreCountedApartNotAsCopies() throws {
        let (store, path, _, _) = try twoPupils()
        // "SQL" is in every SQLite file's first bytes and in no row.
        let check = try store.proveGone(["SQL", "no such words anywhere zz"])
        XCTAssertTrue(check.isClean, "\(check)")
        XCTAssertEqual(check.tooShort, 1)
        XCTAssertEqual(check.searched, 2)
        XCTAssertTrue(try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data("SQL".utf8)) != nil, "precondition")
    }

    /// A column added to a pupil's tables later must be placed: searched, or said not to hold
    /// their words.
    func testEveryColumnOfThePupilsTablesIsPlaced() throws {
        let path = folder.appendingPathComponent("c.sqlite").path
        _ = try SQLiteRecordStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            var pupilTables = 0
            for table in tables {
                let columns = Set(try db.columns(in: table).map(\.name))
                guard table == "pupil" || columns.contains("pupilId") else { continue }
                pupilTables += 1
                let placed = SQLiteRecordStore.wordColumns[table, default: []].union(SQLiteRecordStore.otherColumns[table, default: []])
                XCTAssertEqual(columns, placed, "table \(table)")
                XCTAssertTrue(SQLiteRecordStore.wordColumns[table, default: []].isDisjoint(with: SQLiteRecordStore.otherColumns[table, default: []]))
            }
            XCTAssertEqual(pupilTables, 8)
        }
    }
}
