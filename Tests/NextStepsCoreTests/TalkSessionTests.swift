import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import NextStepsTerminal
import XCTest

final class TalkSessionTests: XCTestCase {
    func session(_ lines: [String], store: InMemoryRecordStore, content: Content) throws -> (TalkSession, RecordingOutput) {
        let pupil = try store.pupil(named: "Sam") ?? store.addPupil(Pupil(name: "Sam", createdAt: Date(timeIntervalSince1970: 0)))
        let clock = SteppingClock()
        let conversation = Conversation(topic: try XCTUnwrap(content.topic("pets")), content: content, pupilId: pupil.id!,
                                        sittingId: nil, adultId: nil, history: try store.answers(pupilId: pupil.id!),
                                        progress: try store.progress(pupilId: pupil.id!, topicId: "pets"), now: clock.now())
        let output = RecordingOutput()
        let screen = ScreenPresenter(renderer: ScreenRenderer(plain: true), output: output)
        return (TalkSession(conversation: conversation, store: store, lines: ScriptedLineSource(lines), presenters: [screen], clock: clock), output)
    }

    func testAFailedSaveIsSaidCalmlyTheQuestionComesBackAndNothingClaimsToBeSaved() throws {
        let content = try Fixtures.petsContent()
        let store = InMemoryRecordStore()
        var states: [Bool] = []
        let (talk, output) = try session(["", "dog"], store: store, content: content)
        talk.onSavedStateChange = { states.append($0) }
        // Opening a topic saves nothing; save 1 is the place after the card; save 2, the answer, fails.
        store.failOnSave = 2
        XCTAssertEqual(talk.run(), .endOfInput)
        XCTAssertTrue(output.text.contains(content.words.say(.notSaved)), output.text)
        XCTAssertFalse(output.text.contains(content.words.say(.saved)), "nothing was saved, so nothing says so")
        XCTAssertTrue(output.text.hasSuffix(content.words.say(.stoppedUnsaved) + "\n"), output.text)
        XCTAssertEqual(states, [false])
        XCTAssertTrue(talk.lastSaveFailed)
        XCTAssertEqual(try store.answers(pupilId: 1), [])
        // The same question is asked again after the failure, so nothing moved on.
        XCTAssertEqual(output.text.components(separatedBy: "Which pet do you like best?").count - 1, 2)
    }

    func testTheNextGoodSaveClearsTheFailure() throws {
        let content = try Fixtures.petsContent()
        let store = InMemoryRecordStore()
        var states: [Bool] = []
        let (talk, output) = try session(["", "dog", "dog", "stop"], store: store, content: content)
        talk.onSavedStateChange = { states.append($0) }
        store.failOnSave = 2
        XCTAssertEqual(talk.run(), .stopped)
        XCTAssertEqual(states, [false, true])
        XCTAssertEqual(try store.answers(pupilId: 1).map(\.optionIds), [["dog"]])
        XCTAssertTrue(output.text.hasSuffix(content.words.say(.stopped) + "\n"), output.text)
    }
}


/// Records the words put back on the line after a failed save.
final class OfferingLineSource: LineSource {
    let script: ScriptedLineSource
    private(set) var offered: [String] = []
    init(_ lines: [String]) { script = ScriptedLineSource(lines) }
    func read(prompt: String) -> LineInput { script.read(prompt: prompt) }
    func offerAgain(_ text: String) { offered.append(text) }
}

extension TalkSessionTests {
    /// "Your words are still here" is true: the words that could not be saved go back on the line.
    func testWordsThatCouldNotBeSavedArePutBackOnTheLine() throws {
        let content = try Fixtures.petsContent()
        let store = InMemoryRecordStore()
        let pupil = try store.addPupil(Pupil(name: "Sam", createdAt: Date(timeIntervalSince1970: 0)))
        let clock = SteppingClock()
        let conversation = Conversation(topic: try XCTUnwrap(content.topic("pets")), content: content, pupilId: pupil.id!,
                                        sittingId: nil, adultId: nil, history: [], progress: nil, now: clock.now())
        let lines = OfferingLineSource(["", "My dog Rex is the best"])
        let talk = TalkSession(conversation: conversation, store: store, lines: lines,
                               presenters: [ScreenPresenter(renderer: ScreenRenderer(plain: true), output: RecordingOutput())], clock: clock)
        store.failOnSave = 2
        _ = talk.run()
        XCTAssertEqual(lines.offered, ["My dog Rex is the best"], "the pupil does not have to type it again")
    }
}
