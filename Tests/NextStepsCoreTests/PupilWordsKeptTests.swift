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
    /// "still right") was saved as "I like this". Now yes keeps and no asks again.
    func testYesAfterBackKeepsTheAnswerOnACardAndNeverSelectsTheOpposite() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        for line in ["", "1", "1", "I hate this"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(conversation.history.last?.optionIds, ["dont-like"])
        _ = conversation.respond(to: "back", at: start)
        let kept = conversation.respond(to: "yes", at: start)
        XCTAssertNil(kept.answer, "yes keeps what was said")
        XCTAssertEqual(question(kept)?.cardCounter, "Card 2 of 2")
        _ = conversation.respond(to: "back", at: start)
        let change = conversation.respond(to: "nah", at: start)
        XCTAssertNil(change.answer)
        XCTAssertEqual(change.presentations.first, .message([content.words.say(.whatNow)]))
        XCTAssertEqual(conversation.respond(to: "1", at: start).answer?.optionIds, ["like"], "a number is always the option")
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
