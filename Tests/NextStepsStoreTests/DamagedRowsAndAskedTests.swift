import Foundation
import GRDB
import NextStepsCore
import NextStepsRecords
import NextStepsStore
import XCTest

/// A pupil's statutory views are never mislabelled unseen: a damaged row is an error. And each
/// answer keeps the question as it was shown.
final class DamagedRowsAndAskedTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-damaged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func storeWithOneAnswer(_ path: String) throws -> (SQLiteRecordStore, PupilID) {
        let store = try SQLiteRecordStore(path: path)
        let pupil = try store.addPupil(Pupil(name: "Sam Smith", createdAt: Date(timeIntervalSince1970: 0)))
        let asked = AskedQuestion(text: "Where would you like to live?", options: [AskedOption(id: "home", label: "At home")],
                                  contentVersion: "test")
        _ = try store.save(Answer(pupilId: pupil.id!, sittingId: nil, topicId: "t", stepId: "s", kind: .choice, optionIds: ["home"],
                                  words: "1", mode: .chosenFromOptions, adultId: nil, at: Date()).asking(asked),
                           progress: TopicProgress(pupilId: pupil.id!, topicId: "t", runStartedAt: Date(), stepId: "s", updatedAt: Date()))
        return (store, pupil.id!)
    }

    func testTheQuestionAsShownIsKeptWithTheAnswer() throws {
        let path = folder.appendingPathComponent("a.sqlite").path
        let (store, id) = try storeWithOneAnswer(path)
        let answer = try XCTUnwrap(try store.answers(pupilId: id).first)
        XCTAssertEqual(answer.asked?.text, "Where would you like to live?")
        XCTAssertEqual(answer.asked?.options, [AskedOption(id: "home", label: "At home")])
        XCTAssertEqual(answer.asked?.contentVersion, "test")
    }

    func testAnUnknownKindOrModeOrBadOptionsAreAnErrorNeverRelabelled() throws {
        for (column, value, words) in [("kind", "wordz", "kind \"wordz\" is not known"), ("mode", "telepathy", "\"telepathy\""),
                                       ("optionIds", "not json", "chosen options do not read"), ("asked", "{", "question kept")] {
            let path = folder.appendingPathComponent("\(column).sqlite").path
            let (store, id) = try storeWithOneAnswer(path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "UPDATE answer SET \(column) = ?", arguments: [value]) }
            XCTAssertThrowsError(try store.answers(pupilId: id), column) { error in
                XCTAssertTrue("\(error)".contains(words), "\(column): \(error)")
                XCTAssertTrue("\(error)".contains("damaged answer"), "\(error)")
            }
        }
        let path = folder.appendingPathComponent("speech.sqlite").path
        let (store, _) = try storeWithOneAnswer(path)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE pupil SET speech = 'oops'") }
        XCTAssertThrowsError(try store.pupils()) { error in XCTAssertTrue("\(error)".contains("speech settings"), "\(error)") }
    }

    /// A store made by the previous release (migrations v1 to v3, answers without the question)
    /// opens, gains v4, and its answers are filled from today's content; the words are untouched.
    func testAStoreFromThePreviousReleaseIsMigratedAndFilled() throws {
        let path = folder.appendingPathComponent("old.sqlite").path
        do {
            let queue = try PreviousRelease.store(at: path, through: 3)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO pupil (name, knownAs, createdAt) VALUES ('Sam Smith', 'Sam', '2026-01-01 00:00:00.000')")
                try db.execute(sql: """
                    INSERT INTO answer (pupilId, topicId, stepId, kind, optionIds, words, mode, at)
                    VALUES (1, 'my-future', 'home', 'choice', '["with-family"]', 'family', 'chosen-from-options', '2026-01-02 00:00:00.000')
                    """)
            }
        }
        let store = try SQLiteRecordStore(path: path)
        XCTAssertEqual(try store.appliedMigrations().suffix(5), ["v4-answer-asked-as-shown", "v5-adults-as-records", "v6-careers-entries",
                                                                 "v7-sealing", "v8-pupil-address-and-parents"])
        XCTAssertNil(try store.answers(pupilId: 1).first?.asked)
        let filled = try store.fillAskedQuestions { key in
            key.stepId == "home" ? AskedQuestion(text: "Where would you like to live as an adult?",
                                                 options: [AskedOption(id: "with-family", label: "With my family")], contentVersion: "now") : nil
        }
        XCTAssertEqual(filled, 1)
        let answer = try XCTUnwrap(try store.answers(pupilId: 1).first)
        XCTAssertEqual(answer.asked?.text, "Where would you like to live as an adult?")
        XCTAssertEqual(answer.words, "family", "the pupil's words are untouched")
        XCTAssertEqual(answer.optionIds, ["with-family"])
        XCTAssertEqual(try store.fillAskedQuestions { _ in nil }, 0, "filled once")
    }
}

extension DamagedRowsAndAskedTests {
    func testARecordsFileFromANewerNextStepsIsRefusedAndLeftAlone() throws {
        let path = folder.appendingPathComponent("newer.sqlite").path
        _ = try storeWithOneAnswer(path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SQLiteRecordStore(path: path)) { error in
            XCTAssertTrue("\(error)".contains("made by a newer NextSteps"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "nothing was changed")
    }
}

extension DamagedRowsAndAskedTests {
    /// Found in an outside run: a records file truncated to 0 bytes was used as new, empty
    /// records without a word.
    func testARecordsFileCutToNothingIsRefusedNotTakenAsNew() throws {
        let path = folder.appendingPathComponent("cut.sqlite").path
        _ = try storeWithOneAnswer(path)
        XCTAssertEqual(truncate(path, 0), 0)
        XCTAssertThrowsError(try SQLiteRecordStore(path: path)) { error in
            XCTAssertTrue("\(error)".contains("is empty (0 bytes)"), "\(error)")
        }
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: path))[.size] as? Int, 0, "nothing was written")
        XCTAssertNoThrow(try SQLiteRecordStore(path: folder.appendingPathComponent("new.sqlite").path), "a new name is new records")
    }
}
