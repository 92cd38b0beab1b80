import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

/// What a pupil says is never changed or lost: each test here failed before the change that
/// made it pass (found by trying NextSteps as pupils and advisers would).
final class PupilWordsKeptTests: ConversationTestCase {
    func testANewAnswerAtStillRightIsTheNewAnswer() throws {
        let content = try Fixtures.petsContent()
        let earlier = Answer(pupilId: 1, sittingId: 1, topicId: "pets", stepId: "favourite", kind: .choice, optionIds: ["dog"],
                             words: "2", mode: .chosenFromOptions, adultId: nil, at: start.addingTimeInterval(-86_400))
        var conversation = try makeConversation(content, history: [earlier])
        _ = conversation.begin(at: start)
        let asked = try XCTUnwrap(question(conversation.respond(to: "", at: start)))
        XCTAssertTrue(asked.hint.contains(content.words.say(.orNewAnswer)), asked.hint)
        let changed = try XCTUnwrap(conversation.respond(to: "cat", at: start).answer, "no need to type no first")
        XCTAssertEqual(changed.kind, .choice)
        XCTAssertEqual(changed.optionIds, ["cat"])
        XCTAssertEqual(changed.words, "cat")
        // One word that is not an option is kept as the new answer in the pupil's words.
        var other = try makeConversation(content, history: [earlier])
        _ = other.begin(at: start)
        _ = other.respond(to: "", at: start)
        let own = try XCTUnwrap(other.respond(to: "hamsters", at: start).answer)
        XCTAssertEqual(own.kind, .words)
        XCTAssertEqual(own.words, "hamsters")
    }

    func testOneWordThatIsNotAnOptionIsKeptWhereASentenceWouldBe() throws {
        let content = try Fixtures.petsContent()
        for typed in ["trains", "hamsters", "i like trains"] {
            var conversation = try makeConversation(content)
            _ = conversation.begin(at: start)
            _ = conversation.respond(to: "", at: start)
            let answer = try XCTUnwrap(conversation.respond(to: typed, at: start).answer, typed)
            XCTAssertEqual(answer.kind, .words)
            XCTAssertEqual(answer.words, typed)
        }
    }

    func testANoteIsForTheAdultAndTheQuestionComesBackAtOnce() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let turn = conversation.respond(to: "/note Tired today", at: start)
        XCTAssertEqual(turn.answer?.kind, .note)
        XCTAssertFalse(turn.presentations.contains(.reply(content.words.say(.saved))), "not the pupil's neutral reply")
        XCTAssertEqual(turn.presentations.first, .message([content.words.say(.noteSaved)]))
        XCTAssertEqual(question(turn)?.text, "Which pet do you like best?")
    }

    func testAnAnswerLongerThanTheStoreTakesIsKeptAndOnlyTheAdultIsTold() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let long = String(repeating: "b", count: InputCleaner.maxCharacters + 10)
        let turn = conversation.respond(to: long, at: start)
        XCTAssertEqual(turn.answer?.words.count, InputCleaner.maxCharacters)
        XCTAssertEqual(turn.notices, [content.words.say(.answerCut, [.count: "\(InputCleaner.maxCharacters)"])])
        XCTAssertTrue(turn.presentations.contains(.reply(content.words.say(.saved))), "the pupil hears the same reply as ever")
    }

    func testANumberThatIsNotAnOptionIsToldWhichNumbersWork() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        XCTAssertEqual(conversation.respond(to: "1 2", at: start).presentations,
                       [.message([content.words.say(.oneNumber, [.count: "3"])])], "one number fits here, and it says so")
        XCTAssertEqual(conversation.respond(to: "9", at: start).presentations,
                       [.message([content.words.say(.numbersHere, [.count: "3"])])])
    }
}

extension PupilWordsKeptTests {
    /// Found trying it: after `back` to a card sorted "I don't like this", "yes" (meaning
    /// "still right") was saved as "I like this". Then a second tester found the other side:
    /// "yes" meaning "I like this" silently kept "I don't like this". A bare yes or no that is
    /// another option than the answer given is now asked about, with both answers in words.
    func testYesAfterBackIsAskedAboutAndNeverSavedAsEitherMeaningUnseen() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        for line in ["", "1", "1", "I hate this"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(conversation.history.last?.optionIds, ["dont-like"])
        _ = conversation.respond(to: "back", at: start)
        let asked = conversation.respond(to: "yes", at: start)
        XCTAssertNil(asked.answer, "nothing saved before the pupil says which")
        let view = try XCTUnwrap(question(asked))
        XCTAssertEqual(view.text, content.words.say(.changeTo, [.answer: "I don't like this", .option: "I like this"]))
        XCTAssertEqual(view.choices.map(\.label), ["Yes", "No"])
        // No: what was said stands, and the talk goes on.
        let kept = conversation.respond(to: "no", at: start)
        XCTAssertNil(kept.answer)
        XCTAssertEqual(question(kept)?.cardCounter, "Card 2 of 2", "on to the next card")
        XCTAssertEqual(conversation.history.last?.optionIds, ["dont-like"])
        // Yes: the new option, saved with the words first typed.
        _ = conversation.respond(to: "back", at: start)
        XCTAssertEqual(question(conversation.respond(to: "yes", at: start))?.text,
                       content.words.say(.changeTo, [.answer: "I don't like this", .option: "I like this"]))
        XCTAssertNil(conversation.respond(to: "3", at: start).answer, "anything else asks again")
        let changed = try XCTUnwrap(conversation.respond(to: "1", at: start).answer)
        XCTAssertEqual(changed.optionIds, ["like"])
        XCTAssertEqual(changed.words, "yes", "exactly as typed")
        // The same option either way is simply that answer.
        _ = conversation.respond(to: "back", at: start)
        let same = try XCTUnwrap(conversation.respond(to: "yes", at: start).answer, "yes is what was said: nothing to ask")
        XCTAssertEqual(same.optionIds, ["like"])
        // A number is always the option.
        _ = conversation.respond(to: "back", at: start)
        XCTAssertEqual(conversation.respond(to: "3", at: start).answer?.optionIds, ["dont-like"], "a number is always the option")
    }
}

extension PupilWordsKeptTests {
    func testMoreShowsACardsPartsOneAtATime() throws {
        let content = try Fixtures.petsContent()
        XCTAssertEqual(content.cards["dog"]?.ages, "1 to 15")
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        for line in ["", "1", "1", "like"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(question(conversation.respond(to: "again", at: start))?.card?.title, "Dog")
        let first = conversation.respond(to: "more", at: start)
        XCTAssertEqual(first.presentations.first, .more(CardView(title: "A day with a dog", symbol: content.symbols["dog"],
                                                                   sentences: ["You walk the dog in the morning."])))
        XCTAssertEqual(question(first)?.hint.contains(content.words.say(.infoMore)), true, "one more part to ask for")
        let second = conversation.respond(to: "more", at: start)
        XCTAssertEqual(second.presentations.first, .more(CardView(title: "Who it is for", symbol: content.symbols["dog"],
                                                                    sentences: ["It is for people who like to walk."])))
        XCTAssertEqual(question(second)?.hint.contains(content.words.say(.infoMore)), false, "nothing more is offered")
        XCTAssertEqual(conversation.respond(to: "more", at: start).presentations, [.message([content.words.say(.noMore)])])
    }
}
