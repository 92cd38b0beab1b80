import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import NextStepsStore
import XCTest

/// Renaming and removing a pupil, in the SQLite store and the in-memory one alike.
final class PupilRenameRemoveTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-rename-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func stores() throws -> [(String, RecordStore)] {
        [("sqlite", try SQLiteRecordStore(path: folder.appendingPathComponent("r.sqlite").path)), ("memory", InMemoryRecordStore())]
    }

    /// Two answers (the second replacing the first), a note, a sitting and a place for a pupil.
    private func fill(_ store: RecordStore, pupil: PupilID) throws {
        let khan = try AdultNames.same("Ms Khan", in: try store.adults())
            ?? store.addAdult(Adult(name: "Ms Khan", role: .teacher, addedAt: Date()))
        let sitting = try store.startSitting(Sitting(pupilId: pupil, startedAt: Date(), adultId: khan.id))
        let place = TopicProgress(pupilId: pupil, topicId: "after-school", runStartedAt: Date(), stepId: "why", updatedAt: Date())
        for (kind, words) in [(AnswerKind.words, "first"), (.words, "second"), (.note, "a note")] {
            _ = try store.save(Answer(pupilId: pupil, sittingId: sitting.id, topicId: "after-school", stepId: "why", kind: kind,
                                      words: words, mode: kind == .note ? .adultNote : .typedByPupil, adultId: khan.id, at: Date()),
                               progress: place)
        }
    }

    func testRenameChangesTheNameAndAFollowingKnownAsNameAndRefusesATakenName() throws {
        for (label, store) in try stores() {
            let rude = try store.addPupil(Pupil(name: "Rude Words", createdAt: Date()))
            let chosen = try store.addPupil(Pupil(name: "Sam Smith", knownAs: "Sammy", createdAt: Date()))
            _ = try store.addPupil(Pupil(name: "Alex Green", createdAt: Date()))

            let renamed = try store.renamePupil(id: rude.id!, to: "Priya Shah", knownAs: nil)
            XCTAssertEqual(renamed.name, "Priya Shah", label)
            XCTAssertEqual(renamed.knownAs, "Priya", "\(label): a known-as name that was only the first name follows")
            XCTAssertEqual(try store.pupil(named: "Priya Shah")?.id, rude.id, label)
            XCTAssertNil(try store.pupils().first { $0.name == "Rude Words" }, label)

            XCTAssertEqual(try store.renamePupil(id: chosen.id!, to: "Sam Smyth", knownAs: nil).knownAs, "Sammy",
                           "\(label): a chosen known-as name is kept")
            XCTAssertEqual(try store.renamePupil(id: chosen.id!, to: "Sam Smyth", knownAs: "Sam").knownAs, "Sam", label)
            XCTAssertThrowsError(try store.renamePupil(id: chosen.id!, to: "alex green", knownAs: nil), label) { error in
                XCTAssertEqual("\(error)", "There is already a pupil called Alex Green.", label)
            }
            XCTAssertThrowsError(try store.renamePupil(id: 999, to: "Nobody", knownAs: nil), label)
        }
    }

    func testRemoveTakesEveryRowOfThePupilAndLeavesOthers() throws {
        for (label, store) in try stores() {
            let gone = try store.addPupil(Pupil(name: "Rude Words", createdAt: Date()))
            let kept = try store.addPupil(Pupil(name: "Sam Smith", createdAt: Date()))
            try fill(store, pupil: gone.id!)
            try fill(store, pupil: kept.id!)

            let removal = try store.removePupil(id: gone.id!)
            XCTAssertEqual(removal, PupilRemoval(answers: 3, sittings: 1, topics: 1), label)
            XCTAssertEqual(try store.pupils().map(\.name), ["Sam Smith"], label)
            XCTAssertEqual(try store.answers(pupilId: gone.id!), [], label)
            XCTAssertEqual(try store.sittings(pupilId: gone.id!), [], label)
            XCTAssertEqual(try store.allProgress(pupilId: gone.id!), [], label)
            XCTAssertEqual(try store.answers(pupilId: kept.id!).count, 3, "\(label): the other pupil keeps everything")
            XCTAssertEqual(try store.sittings(pupilId: kept.id!).count, 1, label)
            XCTAssertThrowsError(try store.removePupil(id: gone.id!), "\(label): removing twice is refused")

            // A new pupil never takes the id (and so the records) of a removed one.
            let next = try store.addPupil(Pupil(name: "New Pupil", createdAt: Date()))
            XCTAssertEqual(try store.answers(pupilId: next.id!), [], label)
        }
    }

    func testRemoveLeavesNoRowInAnyTableAndSecureDeleteIsOn() throws {
        let path = folder.appendingPathComponent("s.sqlite").path
        let store = try SQLiteRecordStore(path: path)
        let gone = try store.addPupil(Pupil(name: "Rude Words", createdAt: Date()))
        try fill(store, pupil: gone.id!)
        let before = try store.rowsReferring(toPupil: gone.id!)
        XCTAssertEqual(before, ["pupil": 1, "sitting": 1, "answer": 3, "progress": 1, "planEntry": 0, "encounter": 0, "destination": 0,
                                "sharingEntry": 0], "every table with a pupilId is counted")
        _ = try store.removePupil(id: gone.id!)
        XCTAssertEqual(try store.rowsReferring(toPupil: gone.id!).filter { $0.value != 0 }, [:])
        XCTAssertEqual(try store.rowsReferring(toPupil: gone.id!).count, 8)
        XCTAssertEqual(try store.durabilitySettings().secureDelete, 1)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        // The words are gone from the file's bytes too (secure_delete overwrote them).
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertNil(bytes.range(of: Data("Rude Words".utf8)), "the removed name is still in the file")
        XCTAssertNil(bytes.range(of: Data("a note".utf8)), "a removed answer is still in the file")
    }
}

/// How the start screen measures a typed name against the pupils on record.
final class PupilLookupFindTests: XCTestCase {
    private let pupils = [Pupil(id: 1, name: "Sam Smith", knownAs: "Sam", createdAt: Date()),
                          Pupil(id: 2, name: "Sam Patel", knownAs: "Sam", createdAt: Date()),
                          Pupil(id: 3, name: "Zoë Brown", createdAt: Date())]

    func testExactCloseSeveralAndNone() {
        XCTAssertEqual(PupilLookup.find("Sam Smith", in: pupils), .exact(pupils[0]))
        XCTAssertEqual(PupilLookup.find("  Sam   Smith ", in: pupils), .exact(pupils[0]), "spaces do not matter")
        XCTAssertEqual(PupilLookup.find("sam smith", in: pupils), .close(pupils[0]), "other capitals are asked about")
        XCTAssertEqual(PupilLookup.find("zoe brown", in: pupils), .close(pupils[2]), "accents are ignored")
        XCTAssertEqual(PupilLookup.find("Zoe", in: pupils), .close(pupils[2]), "the known-as name, without its accent")
        XCTAssertEqual(PupilLookup.find("Sma Smith", in: pupils), .close(pupils[0]), "a small misspelling")
        XCTAssertEqual(PupilLookup.find("Sam", in: pupils), .several(2), "two pupils are known as Sam")
        XCTAssertEqual(PupilLookup.find("Sam Pxtlo", in: pupils), .none, "too far from anyone")
        XCTAssertEqual(PupilLookup.find("Priya Shah", in: pupils), .none)
        XCTAssertEqual(PupilLookup.find("", in: pupils), .none)
    }
}
