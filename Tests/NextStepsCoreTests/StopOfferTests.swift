import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

/// "can we stop" typed at a card was saved as the pupil's view of that card (a fresh-eye tester
/// found it in the Word form). A short reply that asks to stop, or for a break, is asked about
/// first; it is never saved as an answer: "no" shows the question again, and the same words
/// typed again there are the answer, exactly as typed.
final class StopOfferTests: ConversationTestCase {
    func atFirstQuestion() throws -> (Content, Conversation) {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        return (content, conversation)
    }

    func questionText(_ turn: Turn) -> String? {
        for case .question(let view) in turn.presentations { return view.text }
        return nil
    }

    func testCanWeStopIsAskedAboutAndYesStopsWithNothingSaved() throws {
        var (content, conversation) = try atFirstQuestion()
        let step = conversation.currentStepId
        let offer = conversation.respond(to: "can we stop", at: start)
        XCTAssertNil(offer.answer, "a request is not an answer")
        XCTAssertEqual(questionText(offer), content.words.say(.offerStop))
        let yes = conversation.respond(to: "yes", at: start)
        XCTAssertNil(yes.answer)
        XCTAssertEqual(yes.ending, .stopped)
        XCTAssertFalse(conversation.history.contains { $0.words == "can we stop" })
        XCTAssertEqual(conversation.currentStepId, step, "a resume comes back to the same question")
    }

    func testNoShowsTheQuestionAgainAndTheSameWordsTypedAgainAreTheAnswer() throws {
        var (content, conversation) = try atFirstQuestion()
        let step = conversation.currentStepId
        _ = conversation.respond(to: "Can we STOP?!", at: start)
        let no = conversation.respond(to: "no", at: start)
        XCTAssertNil(no.answer, "a request to stop is never saved as the pupil's view")
        XCTAssertEqual(no.presentations.first, .message([content.words.say(.gentle)]))
        XCTAssertEqual(conversation.currentStepId, step)
        XCTAssertNotEqual(questionText(no), content.words.say(.offerStop), "the question itself is shown again")
        let again = try XCTUnwrap(conversation.respond(to: "Can we STOP?!", at: start).answer, "not asked about twice")
        XCTAssertEqual(again.kind, .words)
        XCTAssertEqual(again.words, "Can we STOP?!", "the pupil's words, never changed")
    }

    func testImDoneAtABreakStops() throws {
        var (_, conversation) = try atFirstQuestion()
        _ = conversation.respond(to: "break", at: start)
        XCTAssertEqual(conversation.respond(to: "I'm done", at: start).ending, .stopped)
    }

    func testABreakIsOfferedAndYesGivesTheBreakScreen() throws {
        var (content, conversation) = try atFirstQuestion()
        XCTAssertEqual(questionText(conversation.respond(to: "can I have a break please", at: start)), content.words.say(.offerBreak))
        let yes = conversation.respond(to: "y", at: start)
        XCTAssertNil(yes.answer)
        XCTAssertTrue(yes.presentations.contains { if case .pause = $0 { true } else { false } }, "\(yes.presentations)")
    }

    // Anything but yes or no at the offer was said to the offer, never to the question under
    // it: a fresh-eye tester's "3" there was saved as option 3 of the card, "idk" as "I don't
    // know" and "whatever" as the pupil's words. The offer is asked again; nothing is saved.
    func testAnythingElseAtTheOfferAsksItAgainAndSavesNothing() throws {
        var (content, conversation) = try atFirstQuestion()
        let step = conversation.currentStepId
        _ = conversation.respond(to: "i'm done", at: start)
        for reply in ["3", "puppy", "idk", "whatever", "", "next"] {
            let turn = conversation.respond(to: reply, at: start)
            XCTAssertNil(turn.answer, "\(reply) is not an answer to the question under the offer")
            XCTAssertNil(turn.ending, reply)
            XCTAssertEqual(questionText(turn), content.words.say(.offerStop), "the offer is asked again after \(reply)")
        }
        XCTAssertTrue(conversation.history.isEmpty, "nothing saved: \(conversation.history.map(\.words))")
        XCTAssertEqual(conversation.currentStepId, step)
        // An adult's note is kept, and the offer stays.
        let note = conversation.respond(to: "/note Sam looks tired", at: start)
        XCTAssertEqual(note.answer?.kind, .note)
        XCTAssertEqual(conversation.respond(to: "2", at: start).presentations.first, .message([content.words.say(.gentle)]), "2 is No")
        let answer = try XCTUnwrap(conversation.respond(to: "puppy", at: start).answer)
        XCTAssertEqual(answer.optionIds, ["dog"])
        XCTAssertEqual(answer.words, "puppy")
    }

    // "stop bullying me" asks to stop in words, and it is also what the adult must see: a reply
    // holding words from the wellbeing list is kept as the pupil's answer, never let go as a
    // request (found by a tester: "stop bullying me", then yes, left no trace).
    func testAReplyWithWellbeingWordsIsKeptNotTakenAsARequest() throws {
        var (content, conversation) = try atFirstQuestion()
        var withList = content
        withList.wellbeingPhrases = ["bullying", "hurt"]
        conversation = try makeConversation(withList)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let kept = try XCTUnwrap(conversation.respond(to: "stop bullying me", at: start).answer)
        XCTAssertEqual(kept.words, "stop bullying me")
        XCTAssertNil(conversation.respond(to: "can we stop", at: start).answer, "a request without such words is still asked about")
    }

    // At the offer, break gives the break and help explains and asks again (a tester's "break"
    // and "help" there were only asked again).
    func testBreakAndHelpWorkAtTheOffer() throws {
        var (content, conversation) = try atFirstQuestion()
        _ = conversation.respond(to: "can we stop", at: start)
        let help = conversation.respond(to: "help", at: start)
        XCTAssertEqual(questionText(help), content.words.say(.offerStop), "asked again after the help")
        XCTAssertNotEqual(help.presentations.first, .message([content.words.say(.gentle)]))
        let pause = conversation.respond(to: "break", at: start)
        XCTAssertTrue(pause.presentations.contains { if case .pause = $0 { true } else { false } }, "\(pause.presentations)")
        XCTAssertNil(pause.answer)
    }

    // On a screen only to read, a request to stop is asked about too (a tester's "leave me
    // alone" there just went on to the next screen).
    func testARequestOnAScreenToReadIsAskedAbout() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        let opening = conversation.begin(at: start)
        XCTAssertTrue(opening.presentations.contains { if case .question(let view) = $0 { view.choices.isEmpty } else { false } },
                      "the pets topic starts on a screen to read")
        let offer = conversation.respond(to: "leave me alone", at: start)
        XCTAssertEqual(questionText(offer), content.words.say(.offerStop))
        XCTAssertEqual(conversation.respond(to: "yes", at: start).ending, .stopped)
    }

    func testALongerReplyThatMentionsStoppingIsAViewAndStopAloneIsTheCommand() throws {
        var (_, conversation) = try atFirstQuestion()
        let long = "I want to work at the bus stop"
        XCTAssertEqual(conversation.respond(to: long, at: start).answer?.words, long, "more than 6 words: a view")
        var (_, breakTime) = try atFirstQuestion()
        let friends = "I like break time with my friends"
        XCTAssertEqual(breakTime.respond(to: friends, at: start).answer?.words, friends)
        var (_, other) = try atFirstQuestion()
        XCTAssertEqual(other.respond(to: "stop", at: start).ending, .stopped, "the command itself is not asked about")
        var (_, third) = try atFirstQuestion()
        XCTAssertEqual(third.respond(to: "trains and buses", at: start).answer?.words, "trains and buses", "nothing to ask about")
    }

    func testTheWordsComeFromContentAndMatchWholeWords() throws {
        let words = try Fixtures.petsContent().words
        XCTAssertEqual(words.offer(in: "can we stop now"), .stop)
        XCTAssertEqual(words.offer(in: "I NEED A BREAK!"), .pause)
        // Found by a tester, saved as answers before: a pupil who wants to leave.
        XCTAssertEqual(words.offer(in: "leave me alone"), .stop)
        XCTAssertEqual(words.offer(in: "can I go back to class"), .stop)
        XCTAssertNil(words.offer(in: "breakfast and stopwatches"), "whole words only")
        XCTAssertNil(words.offer(in: ""))
        var none = words
        none.asksToStop = []
        none.asksForBreak = []
        XCTAssertNil(none.offer(in: "can we stop"), "a school that lists none is never asked")
    }
}
