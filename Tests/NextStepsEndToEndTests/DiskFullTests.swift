import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsStore
import XCTest

/// A disk that fills up mid-session, simulated with `ulimit -f` (and SIGXFSZ ignored, so
/// writes past the limit fail with EFBIG instead of killing the process).
final class DiskFullTests: XCTestCase {
    /// 128 blocks of 512 bytes: the first 16 pages (4 KiB each) of the file can be written, and
    /// those hold the schema, the sittings and the progress. The answer table of the pre-filled
    /// store ends far beyond, so saving an answer fails.
    private let limit = "trap '' XFSZ; ulimit -f 128"

    /// A store with Sam (no answers) and a filler pupil with 100 long answers (≈ 250 KB).
    private func prefilledStore(_ sandbox: Sandbox) throws -> Int {
        try sandbox.addPupil("Sam Smith", knownAs: "Sam")
        try sandbox.addPupil("Filler Person", knownAs: "Filler")
        let records = try SQLiteRecordStore(path: sandbox.store)
        let filler = try XCTUnwrap(try records.pupil(named: "Filler")?.id)
        let now = Date()
        let words = String(repeating: "filler words ", count: 146)    // ≈ 1900 bytes: 2 answers a page
        for index in 0..<100 {
            let answer = Answer(pupilId: filler, sittingId: nil, topicId: "about-me", stepId: "good-day", kind: .words,
                                words: words + "\(index)", mode: .typedByPupil, adultId: nil, at: now)
            _ = try records.save(answer, progress: TopicProgress(pupilId: filler, topicId: "about-me", runStartedAt: now,
                                                                  stepId: "bad-day", finished: false, updatedAt: now))
        }
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: sandbox.store)[.size] as? Int)
        XCTAssertGreaterThan(size, 200_000, "the store must reach well past the limit")
        return size
    }

    /// Runs About me under the limit: Enter, then "1" twice (both saves fail), then end of input.
    private func runWithFullDisk(_ sandbox: Sandbox) throws -> RunResult {
        try Sanitizer.skip(under: .thread, because: """
            under `ulimit -f` the thread-sanitized binary dies with SIGBUS before it writes a word, \
            and the sanitizer reports a nested fault in its own handler; without it the test runs.
            """)
        return try sandbox.run(["talk", "--pupil", "Sam", "--topic", "about-me", "--store", sandbox.store],
                               lines: ["", "1", "1"], shell: limit, timeout: 20)
    }

    // 10. The save fails: calm words, no crash, nothing claimed as saved, the file still sound.
    func testAFullDiskIsToldCalmlyAndTheRecordsStaySound() throws {
        let sandbox = try Sandbox("diskfull")
        _ = try prefilledStore(sandbox)
        let result = try runWithFullDisk(sandbox)

        XCTAssertEqual(result.exitCode, 0, "no crash, no SIGXFSZ\n\(result.transcript)")
        XCTAssertNil(Text.crashWord(in: result.out + result.err), result.transcript)
        XCTAssertEqual(result.out.components(separatedBy: Phrases.notSaved).count - 1, 2,
                       "each failed save is told calmly (if 0: the limit did not bite, see `limit`)\n\(result.transcript)")
        XCTAssertFalse(result.out.contains(Phrases.saved), "nothing may be called saved\n\(result.transcript)")
        XCTAssertNil(Text.inOrder([AboutMe.marker(2), Phrases.notSaved, AboutMe.marker(2), AboutMe.questions[1],
                                   Phrases.notSaved, AboutMe.marker(2)], in: result.out),
                     "the question is asked again after each failure\n\(result.transcript)")
        XCTAssertFalse(result.out.contains(AboutMe.marker(3)), "it does not go on as if saved")

        // Without the limit: the file is sound (a hot journal is rolled back), nothing half-saved.
        let records = try SQLiteRecordStore(path: sandbox.store)
        XCTAssertEqual(try records.integrityCheck(), "ok")
        let sam = try XCTUnwrap(try records.pupil(named: "Sam")?.id)
        let filler = try XCTUnwrap(try records.pupil(named: "Filler")?.id)
        XCTAssertEqual(try records.answers(pupilId: sam).count, 0)
        XCTAssertEqual(try records.answers(pupilId: filler).count, 100, "the other pupil's answers are untouched")
        XCTAssertEqual(try records.progress(pupilId: sam, topicId: "about-me")?.stepId, "important",
                       "the place before the failed answer is kept")

        // And with room again, the same answer saves and the session goes on.
        let after = try sandbox.run(["talk", "--pupil", "Sam", "--store", sandbox.store], lines: ["1"])
        XCTAssertEqual(after.exitCode, 0, after.transcript)
        XCTAssertNil(Text.inOrder([AboutMe.welcomeBack(2), Phrases.saved, AboutMe.marker(3)], in: after.out), after.transcript)
        XCTAssertEqual(try sandbox.answers(pupil: "Sam").first?["optionIds"] as? [String], ["family"])
    }

    // After a failed save, the closing words must not claim that everything is saved.
    func testAfterAFailedSaveTheProgramDoesNotSayEverythingIsSaved() throws {
        let sandbox = try Sandbox("diskfull-closing")
        _ = try prefilledStore(sandbox)
        let result = try runWithFullDisk(sandbox)
        XCTAssertEqual(result.exitCode, 0, result.transcript)
        XCTAssertTrue(result.out.contains(Phrases.notSaved), "precondition: the save failed\n\(result.transcript)")
        let afterFailure = result.out.components(separatedBy: Phrases.notSaved).last ?? ""
        XCTAssertFalse(afterFailure.contains("Everything is saved"),
                       "the last answer could not be saved, yet the closing line says \"\(Phrases.stopped)\"\n\(result.transcript)")
    }
}
