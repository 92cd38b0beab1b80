import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

/// What conversation tests share: a fixed start time, the pets topic, and the question shown.
class ConversationTestCase: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func makeConversation(_ content: Content, history: [Answer] = [], progress: TopicProgress? = nil) throws -> Conversation {
        let topic = try XCTUnwrap(content.topic("pets"))
        return Conversation(topic: topic, content: content, pupilId: 1, sittingId: 1, adultId: 7,
                            history: history, progress: progress, now: start)
    }

    /// The question view in a turn's presentations.
    func question(_ turn: Turn) -> QuestionView? {
        for case .question(let view) in turn.presentations { return view }
        return nil
    }
}

final class ConversationTests: ConversationTestCase {
    func testOpeningShowsPlanAndHowToStopThenFirstStep() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        let turn = conversation.begin(at: start)
        guard case .opening(let title, _, let lines) = turn.presentations.first else { return XCTFail("no opening") }
        XCTAssertEqual(title, "Pets")
        XCTAssertEqual(lines.first, "First, we look at pets.")
        XCTAssertEqual(lines.last, content.words.say(.anyTime))
        XCTAssertTrue(lines.contains("There are 6 steps. Step 3 has 2 cards."), "the plan says what the pupil will meet: \(lines)")
        XCTAssertEqual(question(turn)?.counter, "", "something only to read is not counted as a step")
        XCTAssertEqual(question(turn)?.card?.title, "Cat")
        XCTAssertEqual(turn.progress?.stepId, "hello", "a new run saves its place at once")
    }

    func testEveryAnswerGetsTheSameNeutralReply() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)  // Enter goes on from the info card
        var replies: [String] = []
        for line in ["dog", "1 3", "1", "3", "Because they are soft", "yes"] {
            let turn = conversation.respond(to: line, at: start)
            XCTAssertNotNil(turn.answer, "\(line) should be saved")
            for case .reply(let text) in turn.presentations { replies.append(text) }
        }
        XCTAssertEqual(Set(replies), [content.words.say(.saved)])
        XCTAssertEqual(replies.count, 6)
    }

    func testAnswersRecordIdsWordsAndHowGiven() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "next", at: start)
        let chosen = try XCTUnwrap(conversation.respond(to: "puppy", at: start).answer)
        XCTAssertEqual(chosen.optionIds, ["dog"])
        XCTAssertEqual(chosen.words, "puppy")
        XCTAssertEqual(chosen.mode, .chosenFromOptions)
        XCTAssertEqual(chosen.adultId, 7)
        let several = try XCTUnwrap(conversation.respond(to: "rabit and cat", at: start).answer)
        XCTAssertEqual(several.kind, .choices)
        XCTAssertEqual(several.optionIds, ["rabbit", "cat"])
        let card = try XCTUnwrap(conversation.respond(to: "2", at: start).answer)
        XCTAssertEqual(card.kind, .sorted)
        XCTAssertEqual(card.cardId, "cat")
        XCTAssertEqual(card.optionIds, ["not-sure"])
        _ = conversation.respond(to: "i don't know", at: start)
        let words = try XCTUnwrap(conversation.respond(to: "  They are  soft ", at: start).answer)
        XCTAssertEqual(words.kind, .words)
        XCTAssertEqual(words.words, "They are  soft", "own words are kept as given, bar the ends")
        XCTAssertEqual(words.mode, .typedByPupil)
    }

    func testSkipAndDontKnowAreRealAnswers() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        XCTAssertEqual(conversation.respond(to: "not now", at: start).answer?.kind, .notNow)
        XCTAssertEqual(conversation.respond(to: "I don\u{2019}t know", at: start).answer?.kind, .dontKnow)
        XCTAssertEqual(conversation.currentStepId, "sort-pets")
    }

    func testEmptyInputReasksGentlyAndUnclearInputIsCalm() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let empty = conversation.respond(to: "   ", at: start)
        XCTAssertNil(empty.answer)
        XCTAssertEqual(empty.presentations.first, .message([content.words.say(.gentle)]))
        XCTAssertNotNil(question(empty), "the question is shown again")
        let unclear = conversation.respond(to: "7", at: start)
        XCTAssertNil(unclear.answer)
        XCTAssertEqual(unclear.presentations, [.message([content.words.say(.numbersHere, [.count: "3"])])],
                       "says which numbers work, never that a number does not")
        XCTAssertEqual(conversation.currentStepId, "favourite")
    }

    func testBackAgainHelpAndBreak() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        let first = conversation.respond(to: "back", at: start)
        XCTAssertEqual(first.presentations.first, .message([content.words.say(.firstStep, [.topic: "Pets"])]),
                       "an information screen never says it is a question")
        _ = conversation.respond(to: "", at: start)
        _ = conversation.respond(to: "cat", at: start)
        let back = conversation.respond(to: "back", at: start)
        XCTAssertEqual(question(back)?.counter, "Step 1 of 6")
        XCTAssertEqual(back.progress?.stepId, "favourite", "going back is saved as the place")
        let youSaid = content.words.say(.youSaid, [.answer: "Cat"])
        XCTAssertEqual(question(back)?.text, "Which pet do you like best?", "the question itself, the same at every kind of step")
        XCTAssertTrue(question(back)?.hint.hasPrefix(youSaid) == true, "with the answer given: \(question(back)?.hint ?? "")")
        XCTAssertTrue(question(back)?.hint.contains(content.words.say(.keepIt)) == true)
        XCTAssertEqual(question(conversation.respond(to: "again", at: start))?.hint, question(back)?.hint)
        let help = conversation.respond(to: "help", at: start)
        XCTAssertEqual(help.presentations.first, .message([content.words.say(.help)]))
        XCTAssertNotNil(question(help), "the question comes back after help")
        XCTAssertNil(conversation.respond(to: "next", at: start).answer, "next keeps the answer given")
        XCTAssertEqual(conversation.currentStepId, "all")
        let pause = conversation.respond(to: "break", at: start)
        XCTAssertEqual(pause.presentations, [.pause([content.words.say(.pause), content.words.say(.pauseEnd)])])
        let resumed = conversation.respond(to: "", at: start)
        XCTAssertNil(resumed.ending, "Enter ends the break")
        XCTAssertEqual(question(resumed)?.counter, "Step 2 of 6")
        _ = conversation.respond(to: "break", at: start)
        let stop = conversation.respond(to: "stop", at: start)
        XCTAssertEqual(stop.ending, .stopped)
        XCTAssertNil(stop.answer)
    }

    func testAnythingTypedAtABreakShowsTheQuestionAndIsNeverAnAnswer() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        for typed in ["2", "you are rubbish", "dog", "yes", "I don't know"] {
            _ = conversation.respond(to: "break", at: start)
            let after = conversation.respond(to: typed, at: start)
            XCTAssertNil(after.answer, "\(typed) at a break is not an answer to a question the pupil cannot see")
            XCTAssertEqual(question(after)?.text, "Which pet do you like best?", "the question is shown again")
            XCTAssertEqual(conversation.currentStepId, "favourite")
        }
        XCTAssertTrue(conversation.history.isEmpty)
    }

    func testAChangedAnswerGoesBackToWhereThePupilHadGot() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        for line in ["", "cat", "1", "like"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(question(conversation.respond(to: "again", at: start))?.cardCounter, "Card 2 of 2")
        for _ in 0..<3 { _ = conversation.respond(to: "back", at: start) }
        XCTAssertEqual(conversation.currentStepId, "favourite")
        let changed = conversation.respond(to: "fish", at: start)
        XCTAssertEqual(changed.answer?.optionIds, ["fish"])
        XCTAssertEqual(conversation.currentStepId, "sort-pets", "not walked through answered steps again")
        XCTAssertEqual(question(changed)?.cardCounter, "Card 2 of 2")
        // `next` is how a pupil who wants to look again walks forward one step at a time.
        for _ in 0..<3 { _ = conversation.respond(to: "back", at: start) }
        _ = conversation.respond(to: "next", at: start)
        XCTAssertEqual(conversation.currentStepId, "all")
    }

    func testMoreShowsTheRestOnceAndStopsOfferingIt() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        for line in ["", "1", "1"] { _ = conversation.respond(to: line, at: start) }
        let more = conversation.respond(to: "more", at: start)
        XCTAssertEqual(question(more)?.hint.contains(content.words.say(.infoMore)), false, "more is not offered again")
        XCTAssertEqual(conversation.respond(to: "more", at: start).presentations, [.message([content.words.say(.noMore)])],
                       "the same text is not shown twice")
    }

    func testInformationScreensGoOnWithAnythingThatIsNotACommand() throws {
        let content = try Fixtures.petsContent()
        for typed in ["ok", "yes", "hello", "1", "banana", "🐶"] {
            var conversation = try makeConversation(content)
            _ = conversation.begin(at: start)
            let turn = conversation.respond(to: typed, at: start)
            XCTAssertNil(turn.answer)
            XCTAssertEqual(conversation.currentStepId, "favourite", "\(typed) goes on from the information screen")
        }
    }

    func testSortStepAsksOneCardAtATimeAndMoreShowsMore() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        for line in ["", "1", "1"] { _ = conversation.respond(to: line, at: start) }
        XCTAssertEqual(conversation.currentStepId, "sort-pets")
        let more = conversation.respond(to: "more", at: start)
        XCTAssertEqual(more.presentations.first, .more(CardView(title: "Cat", symbol: content.symbols["cat"], sentences: ["Cats sleep a lot."])))
        let first = conversation.respond(to: "like", at: start)
        XCTAssertEqual(first.progress?.cardId, "dog")
        XCTAssertEqual(question(first)?.counter, "Step 3 of 6")
        XCTAssertEqual(question(first)?.cardCounter, "Card 2 of 2")
        XCTAssertEqual(question(first)?.card?.title, "Dog")
        let back = conversation.respond(to: "back", at: start)
        XCTAssertEqual(question(back)?.card?.title, "Cat")
    }

    func testFinishingSaysEverythingIsSaved() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        var last: Turn?
        for line in ["", "1", "1", "1", "1", "soft", "yes", "yes"] { last = conversation.respond(to: line, at: start) }
        XCTAssertEqual(last?.ending, .finished)
        XCTAssertEqual(last?.progress?.finished, true)
        XCTAssertEqual(last?.presentations.last, .closing([content.words.say(.finished, [.topic: "Pets"])]))
        XCTAssertTrue(conversation.isFinished)
    }

    func testResumeStartsAtTheSavedStepAndCard() throws {
        let content = try Fixtures.petsContent()
        let progress = TopicProgress(pupilId: 1, topicId: "pets", runStartedAt: start, stepId: "sort-pets", cardId: "dog", updatedAt: start)
        var conversation = try makeConversation(content, progress: progress)
        XCTAssertTrue(conversation.isResuming)
        let turn = conversation.begin(at: start)
        guard case .opening(_, _, let lines) = turn.presentations.first else { return XCTFail("no opening") }
        XCTAssertEqual(lines.first, content.words.say(.welcomeBack, [.step: "3", .steps: "6"]))
        XCTAssertEqual(question(turn)?.card?.title, "Dog")
    }

    func testReturningPupilIsAskedWhetherLastTimeIsStillRight() throws {
        let content = try Fixtures.petsContent()
        let earlier = Answer(id: 9, pupilId: 1, sittingId: 1, topicId: "pets", stepId: "favourite", kind: .choice,
                             optionIds: ["dog"], words: "2", mode: .chosenFromOptions, adultId: nil, at: start.addingTimeInterval(-86_400))
        var conversation = try makeConversation(content, history: [earlier])
        _ = conversation.begin(at: start)
        let asked = conversation.respond(to: "", at: start)
        let view = try XCTUnwrap(question(asked))
        XCTAssertTrue(view.text.contains(content.words.say(.lastTime, [.answer: "Dog"])), view.text)
        XCTAssertEqual(view.choices.map(\.label), ["Yes", "No"])
        let kept = try XCTUnwrap(conversation.respond(to: "yes", at: start).answer)
        XCTAssertEqual(kept.kind, .confirmed)
        XCTAssertEqual(kept.optionIds, ["dog"])
        // "no" asks the question itself.
        var other = try makeConversation(content, history: [earlier])
        _ = other.begin(at: start)
        _ = other.respond(to: "", at: start)
        let no = other.respond(to: "no", at: start)
        XCTAssertNil(no.answer)
        XCTAssertEqual(question(no)?.choices.map(\.label), ["Cat", "Dog", "Fish"])
    }

    func testRecallSummarisesSortedCardsAndTakesNewWordsAfterNo() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        var turn = Turn()
        for line in ["", "1", "1", "1", "3", "soft", "no"] { turn = conversation.respond(to: line, at: start) }
        let view = try XCTUnwrap(question(turn))
        XCTAssertEqual(view.card?.title, "Last time you sorted pets.")
        XCTAssertEqual(view.card?.sentences, ["I like this: Cat.", "I don't like this: Dog."])
        XCTAssertEqual(view.text, content.words.say(.stillRight), "one short question under what was said")
        let no = conversation.respond(to: "no", at: start)
        XCTAssertEqual(question(no)?.text, content.words.say(.whatNow))
        let words = try XCTUnwrap(conversation.respond(to: "I like dogs now", at: start).answer)
        XCTAssertEqual(words.stepId, "check")
        XCTAssertEqual(words.kind, .words)
    }

    func testRecallWithNothingToRecallIsPassedOver() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        var last = Turn()
        for line in ["", "1", "1", "skip", "skip", "soft", "yes"] { last = conversation.respond(to: line, at: start) }
        XCTAssertEqual(question(last)?.text, content.words.say(.nothingToRecall), "nothing sorted here: said plainly")
        XCTAssertEqual(question(last)?.counter, "Step 6 of 6")
        XCTAssertEqual(conversation.respond(to: "", at: start).ending, .finished)
    }

    func testOwnSentencesAtAChoiceAreKeptAndAGlyphOrAllChooses() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let sentence = try XCTUnwrap(conversation.respond(to: "I like the one my gran has", at: start).answer)
        XCTAssertEqual(sentence.kind, .words)
        XCTAssertEqual(sentence.words, "I like the one my gran has")
        XCTAssertEqual(conversation.respond(to: "all of them", at: start).answer?.optionIds, ["cat", "dog", "rabbit"])
        XCTAssertEqual(conversation.respond(to: "*", at: start).answer?.optionIds, ["like"], "the glyph shown beside an option picks it")
        let word = try XCTUnwrap(conversation.respond(to: "gran", at: start).answer, "one word is the pupil's own words too")
        XCTAssertEqual(word.kind, .words)
        XCTAssertEqual(word.words, "gran")
    }

    func testAtStillRightOwnWordsAreKeptNotNowKeepsAndARecallYesReadsAsYes() throws {
        let content = try Fixtures.petsContent()
        let yesterday = start.addingTimeInterval(-86_400)
        let earlier = [
            Answer(pupilId: 1, sittingId: 1, topicId: "pets", stepId: "favourite", kind: .choice, optionIds: ["dog"], words: "2",
                   mode: .chosenFromOptions, adultId: nil, at: yesterday),
            Answer(pupilId: 1, sittingId: 1, topicId: "pets", stepId: "all", kind: .choices, optionIds: ["cat"], words: "1",
                   mode: .chosenFromOptions, adultId: nil, at: yesterday),
            Answer(pupilId: 1, sittingId: 1, topicId: "pets", stepId: "own", kind: .no, words: "no",
                   mode: .chosenFromOptions, adultId: nil, at: yesterday),
        ]
        var conversation = try makeConversation(content, history: earlier)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let words = try XCTUnwrap(conversation.respond(to: "I like cats more now", at: start).answer)
        XCTAssertEqual(words.kind, .words, "a sentence at \"is that still right?\" is kept as the pupil's words")
        let kept = conversation.respond(to: "not now", at: start)
        XCTAssertNil(kept.answer, "not now leaves the earlier answer standing")
        XCTAssertEqual(conversation.currentStepId, "sort-pets")
        for line in ["1", "1", "soft"] { _ = conversation.respond(to: line, at: start) }
        let yesNo = try XCTUnwrap(question(conversation.respond(to: "again", at: start)))
        XCTAssertEqual(yesNo.choices.map(\.label), ["Yes", "No"])
        XCTAssertEqual(yesNo.text, "Would you like a pet?", "a yes-no question is asked again, not confirmed")
        XCTAssertTrue(yesNo.hint.hasPrefix(content.words.say(.lastTime, [.answer: "No"])), yesNo.hint)
        XCTAssertEqual(conversation.respond(to: "yes", at: start).answer?.kind, .yes)
        // The recall: "no", then back returns to its question, not to the step before.
        _ = conversation.respond(to: "no", at: start)
        XCTAssertEqual(question(conversation.respond(to: "back", at: start))?.text, content.words.say(.stillRight))
        let confirmed = try XCTUnwrap(conversation.respond(to: "yes", at: start).answer)
        XCTAssertEqual(AnswerSummary(content: content, history: conversation.history).words(for: confirmed), "Yes")
    }

    func testScribingGoesOnAfterAResume() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        let scribe = conversation.respond(to: "/scribe", at: start)
        XCTAssertEqual(scribe.progress?.scribing, true, "saved, so a resumed session knows")
        let progress = try XCTUnwrap(scribe.progress)
        var resumed = try makeConversation(content, progress: progress)
        XCTAssertEqual(resumed.typingMode, .scribedByAdult)
        guard case .opening(_, _, let lines) = resumed.begin(at: start).presentations.first else { return XCTFail("no opening") }
        XCTAssertTrue(lines.contains(content.words.say(.scribeOn)), "the adult is reminded")
    }

    func testAdultScribesAndNotes() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let scribing = conversation.respond(to: "/scribe", at: start)
        XCTAssertEqual(scribing.presentations, [.message([content.words.say(.scribeOn)])])
        XCTAssertEqual(scribing.notices, [content.words.say(.scribeExactly)], "the adult is told to type the pupil's own words")
        XCTAssertEqual(conversation.respond(to: "fish", at: start).answer?.mode, .scribedByAdult)
        let note = try XCTUnwrap(conversation.respond(to: "/note Looked at the pictures for a long time", at: start).answer)
        XCTAssertEqual(note.kind, .note)
        XCTAssertEqual(note.mode, .adultNote)
        XCTAssertEqual(conversation.currentStepId, "all", "a note does not move the conversation")
        _ = conversation.respond(to: "/pupil", at: start)
        XCTAssertEqual(conversation.respond(to: "cat", at: start).answer?.mode, .chosenFromOptions)
    }

    func testHostileInputNeverCrashesAndIsNeverSavedRaw() throws {
        let content = try Fixtures.petsContent()
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        _ = conversation.respond(to: "", at: start)
        let hostile = ["\u{1B}[31m\u{1B}[2J", "\u{0}\u{7}\u{8}", "\u{FFFD}\u{FFFD}", "\r", String(repeating: " ", count: 500), "1;--"]
        for line in hostile {
            let turn = conversation.respond(to: line, at: start)
            XCTAssertNil(turn.answer, "\(line.prefix(20)) is not an answer here")
            XCTAssertFalse(turn.presentations.isEmpty)
        }
        // Words are kept, cleaned of control characters and nothing else; a very long answer too.
        let long = String(repeating: "a", count: InputCleaner.maxCharacters)
        XCTAssertEqual(conversation.respond(to: long, at: start).answer?.words, long, "a long answer is kept, not refused")
        XCTAssertEqual(conversation.respond(to: "\u{202E}tac", at: start).answer?.words, "tac")
        _ = conversation.respond(to: "back", at: start)
        _ = conversation.respond(to: "back", at: start)
        XCTAssertEqual(conversation.respond(to: "\u{1B}[1mdog\u{1B}[0m", at: start).answer?.optionIds, ["dog"])
    }
}
