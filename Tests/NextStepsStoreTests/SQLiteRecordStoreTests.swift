import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import NextStepsStore
import XCTest

final class SQLiteRecordStoreTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nextsteps-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func answer(_ pupil: PupilID, step: String, card: String? = nil, kind: AnswerKind = .choice, options: [String] = [],
                words: String, at: Date, adult: AdultID? = nil) -> Answer {
        Answer(pupilId: pupil, sittingId: nil, topicId: "after-school", stepId: step, cardId: card, kind: kind,
               optionIds: options, words: words, mode: .chosenFromOptions, adultId: adult, at: at)
    }

    func testSavingIsDurableAndDeletedDataIsOverwritten() throws {
        let store = try SQLiteRecordStore(path: folder.appendingPathComponent("a.sqlite").path)
        let settings = try store.durabilitySettings()
        XCTAssertEqual(settings.synchronous, 3, "synchronous=EXTRA: every commit is fsynced, the folder too once the journal goes")
        XCTAssertEqual(settings.secureDelete, 1)
        XCTAssertEqual(settings.journalMode, "delete")
        XCTAssertEqual(try store.appliedMigrations(), ["v1-pupils-sittings-answers-progress", "v2-pupil-speech-settings", "v3-progress-scribing",
                                                      "v4-answer-asked-as-shown", "v5-adults-as-records", "v6-careers-entries", "v7-sealing",
                                                      "v8-pupil-address-and-parents"])
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testFoldersAre0700AndFilesAre0600EvenWithAnOpenUmask() throws {
        let old = umask(0o022)
        defer { umask(old) }
        let path = folder.appendingPathComponent("deeper/nextsteps/records.sqlite").path
        let store = try SQLiteRecordStore(path: path)
        let pupil = try store.addPupil(Pupil(name: "Mode Test", createdAt: Date()))
        _ = try store.save(answer(pupil.id!, step: "why", kind: .words, words: "hello", at: Date()),
                           progress: TopicProgress(pupilId: pupil.id!, topicId: "after-school", runStartedAt: Date(), stepId: "visit", updatedAt: Date()))
        XCTAssertEqual(try mode(path), 0o600)
        XCTAssertEqual(try mode((path as NSString).deletingLastPathComponent), 0o700)
    }

    func testRecordsSurviveReopeningExactly() throws {
        let path = folder.appendingPathComponent("b.sqlite").path
        let when = Date(timeIntervalSince1970: 1_790_000_123.25)
        var pupilId: PupilID = 0
        do {
            let store = try SQLiteRecordStore(path: path)
            let pupil = try store.addPupil(Pupil(name: "Sam Smith", knownAs: "Sam", yearGroup: 10, dateOfBirth: "2010-04-21", createdAt: when))
            pupilId = try XCTUnwrap(pupil.id)
            let jones = try store.addAdult(Adult(name: "Ms Jones", role: .careersAdviser, addedAt: when))
            let sitting = try store.startSitting(Sitting(pupilId: pupilId, startedAt: when, adultId: jones.id))
            var given = answer(pupilId, step: "sort-routes", card: "fe-college", kind: .sorted, options: ["like"], words: "like \u{1F600} \"quoted\"",
                               at: when, adult: jones.id)
            given.sittingId = sitting.id
            _ = try store.save(given, progress: TopicProgress(pupilId: pupilId, topicId: "after-school", runStartedAt: when,
                                                             stepId: "sort-routes", cardId: "t-level", updatedAt: when))
        }
        let store = try SQLiteRecordStore(path: path)
        let pupil = try XCTUnwrap(try store.pupil(named: "sam"))
        XCTAssertEqual(pupil.yearGroup, 10)
        XCTAssertEqual(pupil.dateOfBirth, "2010-04-21")
        let answers = try store.answers(pupilId: pupilId)
        XCTAssertEqual(answers.count, 1)
        XCTAssertEqual(answers[0].words, "like \u{1F600} \"quoted\"")
        XCTAssertEqual(answers[0].optionIds, ["like"])
        XCTAssertEqual(answers[0].cardId, "fe-college")
        XCTAssertEqual(answers[0].kind, .sorted)
        let jones = try XCTUnwrap(try store.adults().first)
        XCTAssertEqual(jones.name, "Ms Jones")
        XCTAssertEqual(jones.role, .careersAdviser)
        XCTAssertEqual(answers[0].adultId, jones.id)
        XCTAssertEqual(answers[0].at.timeIntervalSince1970, when.timeIntervalSince1970, accuracy: 0.001)
        XCTAssertEqual(try store.sittings(pupilId: pupilId).first?.adultId, jones.id)
        let progress = try XCTUnwrap(try store.progress(pupilId: pupilId, topicId: "after-school"))
        XCTAssertEqual(progress.cardId, "t-level")
        XCTAssertFalse(progress.finished)
    }

    func testANewAnswerSupersedesTheOldOneAndNothingIsOverwritten() throws {
        let store = try SQLiteRecordStore(path: folder.appendingPathComponent("c.sqlite").path)
        let id = try XCTUnwrap(try store.addPupil(Pupil(name: "Alex Jones", createdAt: Date())).id)
        let progress = TopicProgress(pupilId: id, topicId: "after-school", runStartedAt: Date(), stepId: "why", updatedAt: Date())
        let first = try XCTUnwrap(try store.save(answer(id, step: "why", kind: .words, words: "first", at: Date()), progress: progress))
        let other = try XCTUnwrap(try store.save(answer(id, step: "visit", kind: .yes, words: "yes", at: Date()), progress: progress))
        let second = try XCTUnwrap(try store.save(answer(id, step: "why", kind: .words, words: "second", at: Date()), progress: progress))
        XCTAssertNil(first.supersedes)
        XCTAssertNil(other.supersedes)
        XCTAssertEqual(second.supersedes, first.id)
        XCTAssertEqual(try store.answers(pupilId: id).map(\.words), ["first", "yes", "second"])
        var note = answer(id, step: "why", kind: .note, words: "smiled", at: Date())
        note.mode = .adultNote
        let savedNote = try XCTUnwrap(try store.save(note, progress: progress))
        let third = try XCTUnwrap(try store.save(answer(id, step: "why", kind: .words, words: "third", at: Date()), progress: progress))
        XCTAssertNil(savedNote.supersedes, "an adult's note replaces no answer")
        XCTAssertEqual(third.supersedes, second.id, "and no answer replaces a note")
        let finished = TopicProgress(pupilId: id, topicId: "after-school", runStartedAt: Date(), stepId: nil, finished: true, updatedAt: Date())
        _ = try store.save(nil, progress: finished)
        XCTAssertEqual(try store.allProgress(pupilId: id).count, 1, "one place per topic, updated")
        XCTAssertEqual(try store.progress(pupilId: id, topicId: "after-school")?.finished, true)
    }

    func testSpeechSettingsAreKeptWithThePupil() throws {
        let path = folder.appendingPathComponent("speech.sqlite").path
        let store = try SQLiteRecordStore(path: path)
        let pupil = try store.addPupil(Pupil(name: "Sam Smith", createdAt: Date()))
        XCTAssertEqual(pupil.speech, .standard)
        XCTAssertFalse(pupil.speech.enabled, "speech is off until an adult turns it on")
        try store.updateSpeech(pupilId: pupil.id!, to: SpeechSettings(enabled: true, voice: "en-us", rate: 100, pitch: 30, wordGap: 5))
        let reopened = try SQLiteRecordStore(path: path)
        XCTAssertEqual(try reopened.pupil(named: "Sam Smith")?.speech,
                       SpeechSettings(enabled: true, voice: "en-us", rate: 100, pitch: 30, wordGap: 5))
        XCTAssertThrowsError(try reopened.updateSpeech(pupilId: 999, to: .standard))
    }

    func testPupilNamesAreUniqueAndFoundByKnownAs() throws {
        let store = try SQLiteRecordStore(path: folder.appendingPathComponent("d.sqlite").path)
        _ = try store.addPupil(Pupil(name: "Sam Smith", createdAt: Date()))
        XCTAssertThrowsError(try store.addPupil(Pupil(name: "sam smith", createdAt: Date()))) { error in
            XCTAssertEqual((error as? StoreError)?.message, "There is already a pupil called Sam Smith.")
        }
        _ = try store.addPupil(Pupil(name: "Sam Patel", knownAs: "Sammy", createdAt: Date()))
        XCTAssertEqual(try store.pupil(named: "Sammy")?.name, "Sam Patel")
        XCTAssertEqual(try store.pupil(named: "SAM SMITH")?.name, "Sam Smith")
        XCTAssertNil(try store.pupil(named: "Nobody"))
        XCTAssertEqual(try store.pupils().map(\.name), ["Sam Patel", "Sam Smith"])
    }

    func testAFileThatIsNotADatabaseGetsAPlainMessage() throws {
        let path = folder.appendingPathComponent("not-a-db.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SQLiteRecordStore(path: path)) { error in
            XCTAssertTrue("\(error)".contains("is damaged or is not a NextSteps file"), "\(error)")
        }
        let inFile = path + "/inside.sqlite"
        XCTAssertThrowsError(try SQLiteRecordStore(path: inFile)) { error in
            XCTAssertTrue("\(error)".contains("is a file, not a folder"), "\(error)")
        }
    }
}

final class ExportTests: XCTestCase {
    func testExportIsVersionedAndReadsBack() throws {
        let store = InMemoryRecordStore()
        let pupil = try store.addPupil(Pupil(name: "Sam Smith", createdAt: Date(timeIntervalSince1970: 0)))
        _ = try store.save(Answer(pupilId: pupil.id!, sittingId: nil, topicId: "t", stepId: "s", kind: .words, words: "mine",
                                  mode: .typedByPupil, adultId: nil, at: Date(timeIntervalSince1970: 60)),
                           progress: TopicProgress(pupilId: pupil.id!, topicId: "t", runStartedAt: Date(timeIntervalSince1970: 0),
                                                   stepId: nil, finished: true, updatedAt: Date(timeIntervalSince1970: 60)))
        let export = try RecordExport.gather(pupil: pupil, from: store, at: Date(timeIntervalSince1970: 120))
        let json = try export.json()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(object["formatVersion"] as? Int, RecordExport.currentFormat)
        XCTAssertEqual(((object["answers"] as? [[String: Any]])?.first)?["mode"] as? String, "typed-by-pupil")
        XCTAssertEqual(((object["answers"] as? [[String: Any]])?.first)?["at"] as? String, "1970-01-01T00:01:00Z")
        XCTAssertEqual(try RecordExport.read(json), export)
    }
}
