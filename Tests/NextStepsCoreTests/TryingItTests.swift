import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

/// Found by a fresh pair of eyes trying NextSteps as pupils and an adviser would; each test
/// failed before the change that made it pass.
final class TryingItTests: ConversationTestCase {
    func begun(_ content: Content, history: [Answer] = [], progress: TopicProgress? = nil) throws -> Conversation {
        var conversation = try makeConversation(content, history: history, progress: progress)
        _ = conversation.begin(at: start)
        return conversation
    }

    func testAllNeverChoosesNoneOfTheseAndNoneWithOthersIsAskedAgain() throws {
        let content = try Fixtures.petsContent()
        var conversation = try begun(content)
        for line in ["", "1"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(conversation.respond(to: "all", at: start).answer?.optionIds, ["cat", "dog", "rabbit"])
        _ = conversation.respond(to: "back", at: start)
        let both = conversation.respond(to: "1 4", at: start)
        XCTAssertNil(both.answer, "none of these and a cat would say two opposite things")
        XCTAssertEqual(both.presentations, [.message([content.words.say(.aloneOption, [.option: "None of these"])])])
        XCTAssertEqual(conversation.respond(to: "4", at: start).answer?.optionIds, ["none"])
    }

    func testNoToStillRightIsKeptEvenWhenThePupilDoesNotKnowWhatChanged() throws {
        let content = try Fixtures.petsContent()
        var conversation = try begun(content)
        for line in ["", "1", "1", "1", "3", "soft", "no"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(conversation.currentStepId, "check")
        let no = try XCTUnwrap(conversation.respond(to: "no", at: start).answer, "the no is an answer in itself")
        XCTAssertEqual(no.kind, .no)
        XCTAssertEqual(no.stepId, "check")
        let unsure = conversation.respond(to: "idk", at: start)
        XCTAssertNil(unsure.answer, "not knowing what changed does not replace the no")
        XCTAssertEqual(unsure.ending, .finished)
        XCTAssertEqual(AnswerSummary(content: content, history: conversation.history).latest().last?.kind, .no)
    }

    func testAnEmojiIsThePupilsOwnWordsAndAThumbUpIsYes() throws {
        let content = try Fixtures.petsContent()
        var conversation = try begun(content)
        _ = conversation.respond(to: "", at: start)
        let shrug = try XCTUnwrap(conversation.respond(to: "🤷", at: start).answer, "a picture is an answer")
        XCTAssertEqual(shrug.kind, .words)
        XCTAssertEqual(shrug.words, "🤷")
        for line in ["1", "1", "1", "soft"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(conversation.currentStepId, "own")
        XCTAssertEqual(conversation.respond(to: "👍", at: start).answer?.kind, .yes)
    }

    func testWhatAndWdymAskForHelpAndAreNotSaved() throws {
        let content = try Fixtures.petsContent()
        var conversation = try begun(content)
        _ = conversation.respond(to: "", at: start)
        for typed in ["wdym", "what", "huh?", "I don't understand"] {
            let turn = conversation.respond(to: typed, at: start)
            XCTAssertNil(turn.answer, typed)
            XCTAssertEqual(turn.presentations.first, .message([content.words.say(.help)]), typed)
        }
    }

    func testAnAdultTypingDoesNotGoOnIntoAnotherDay() throws {
        let content = try Fixtures.petsContent()
        let yesterday = TopicProgress(pupilId: 1, topicId: "pets", runStartedAt: start.addingTimeInterval(-90_000), stepId: "all",
                                      updatedAt: start.addingTimeInterval(-86_400), scribing: true)
        XCTAssertEqual(try makeConversation(content, progress: yesterday).typingMode, .typedByPupil)
        let earlierToday = TopicProgress(pupilId: 1, topicId: "pets", runStartedAt: start.addingTimeInterval(-600), stepId: "all",
                                         updatedAt: start.addingTimeInterval(-60), scribing: true)
        XCTAssertEqual(try makeConversation(content, progress: earlierToday).typingMode, .scribedByAdult, "after a crash, the same day")
    }

    func testAJumpBackToWhereThePupilWasIsSaid() throws {
        let content = try Fixtures.petsContent()
        var conversation = try begun(content)
        for line in ["", "1", "1", "back", "back"] { _ = conversation.respond(to: line, at: start) }
        let changed = conversation.respond(to: "2", at: start)
        XCTAssertEqual(changed.presentations.prefix(2), [.reply(content.words.say(.saved)), .message([content.words.say(.backToPlace)])])
        XCTAssertEqual(conversation.currentStepId, "sort-pets")
    }

    func testAYesNoViewsHeadingThatSaysWhatThePupilWantsIsRefused() {
        let topic = Fixtures.pets.replacingOccurrences(of: "text: Would you like a pet?", with: "text: Would you like a pet?\n    views: I would like a pet")
        let failed: [ContentProblem]
        switch Fixtures.load(Fixtures.source(topics: ["pets.yaml": topic], cards: Fixtures.petCards,
                                             symbols: ["pet", "cat", "dog", "fish", "rabbit"])) {
        case .success: failed = []
        case .failure(let failure): failed = failure.problems
        }
        XCTAssertTrue(failed.contains { $0.message.contains("says what the pupil wants") }, "\(failed)")
    }
}

extension TryingItTests {
    /// Each answer keeps the question and options exactly as shown, with the content version.
    func testEveryAnswerKeepsTheQuestionAsShown() throws {
        let content = try Fixtures.petsContent()
        var conversation = try begun(content)
        _ = conversation.respond(to: "", at: start)
        let answer = try XCTUnwrap(conversation.respond(to: "2", at: start).answer)
        XCTAssertEqual(answer.asked?.text, "Which pet do you like best?")
        XCTAssertEqual(answer.asked?.options.map(\.label), ["Cat", "Dog", "Fish"])
        XCTAssertEqual(answer.asked?.contentVersion, content.words.contentVersion)
        for line in ["1", "like"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(conversation.history.last?.asked?.text, "Cat: Do you like this?", "a card's title comes first")
    }
}
