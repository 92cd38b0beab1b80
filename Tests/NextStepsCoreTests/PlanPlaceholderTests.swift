import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

/// `{plan}` in a step's text: allowed only in a words step, filled just before a talk.
final class PlanPlaceholderTests: XCTestCase {
    private static func topic(kind: String) -> String {
        """
        format: 1
        id: plan
        title: My plan
        symbol: pet
        plan:
          - First, you can hear your plan.
        steps:
          - id: still-right
            kind: \(kind)
            symbol: pet
            text: "This is your plan. {plan} Is that still right?"
        """
    }

    private func load(_ topic: String) -> Result<LoadedContent, ContentFailure> {
        ContentLoader.load(contentFolder: "C", symbolsFolder: "S",
                           source: Fixtures.source(topics: ["pets.yaml": Fixtures.pets, "plan.yaml": topic], cards: Fixtures.petCards,
                                                   symbols: ContentLayersTests.symbolIDs))
    }

    func testAWordsStepMayReadBackThePlanAndItIsFilledBeforeTheTalk() throws {
        guard case .success(let loaded) = load(Self.topic(kind: "words")) else { return XCTFail("did not load") }
        let topic = try XCTUnwrap(loaded.content.topic("plan"))
        XCTAssertTrue(topic.readsPlan)
        let filled = topic.fillingPlan(["Advice for you: {who} stays", "We agreed: college"], empty: "Nothing yet.")
        XCTAssertEqual(filled.steps[0].text, "This is your plan. Advice for you: {who} stays\nWe agreed: college Is that still right?")
        XCTAssertEqual(filled.steps[0].kind, .words)
        XCTAssertFalse(filled.readsPlan)
        let empty = topic.fillingPlan([], empty: "Nothing yet.")
        XCTAssertEqual(empty.steps[0].kind, .info, "nothing is asked about a plan that is not there")
        XCTAssertEqual(empty.steps[0].text, "Nothing yet.")
        XCTAssertFalse(try XCTUnwrap(loaded.content.topic("pets")).readsPlan)
    }

    private static let withChange = topic(kind: "words") + """

          - id: what-change
            kind: words
            if-no: still-right
            symbol: pet
            text: What would you change?
        """

    func testAfterANoTheFollowUpIsAskedAndTheNoIsKept() throws {
        guard case .success(let loaded) = load(Self.withChange) else { return XCTFail("did not load") }
        let content = loaded.content
        let topic = try XCTUnwrap(content.topic("plan")).fillingPlan(["We agreed: college"], empty: "Nothing yet.")
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        func talk() -> Conversation {
            Conversation(topic: topic, content: content, pupilId: 1, sittingId: 1, adultId: 7, history: [], progress: nil, now: now)
        }
        var saidNo = talk()
        _ = saidNo.begin(at: now)
        XCTAssertEqual(saidNo.questionCount, 1, "the follow-up is not counted")
        let no = try XCTUnwrap(saidNo.respond(to: "Not really", at: now).answer)
        XCTAssertEqual(no.words, "Not really")
        XCTAssertEqual(saidNo.currentStepId, "what-change")
        XCTAssertEqual(saidNo.questionNumber, 1, "it keeps the number of the step it follows")
        let change = try XCTUnwrap(saidNo.respond(to: "more  visits, I think \u{1F642}", at: now).answer)
        XCTAssertEqual(change.stepId, "what-change")
        XCTAssertEqual(change.words, "more  visits, I think \u{1F642}", "kept exactly")
        XCTAssertTrue(saidNo.isFinished)
        XCTAssertEqual(AnswerChain.latest(to: QuestionKey(topicId: "plan", stepId: "still-right", cardId: nil), in: saidNo.history)?.words,
                       "Not really", "the no still stands")

        var saidYes = talk()
        _ = saidYes.begin(at: now)
        _ = saidYes.respond(to: "yes", at: now)
        XCTAssertTrue(saidYes.isFinished, "no follow-up after a yes")
        var unsure = talk()
        _ = unsure.begin(at: now)
        _ = unsure.respond(to: "no", at: now)
        XCTAssertEqual(unsure.respond(to: "I don't know", at: now).answer?.kind, .dontKnow, "optional: I don't know is an answer")
        XCTAssertTrue(unsure.isFinished)
    }

    // The second time through, a fresh-eye tester's "no" to the plan was lost: the question came
    // with "Last time you said …. Is that still right?" under it (two questions at once), "no"
    // brought back the question, and the next words replaced the answer with no follow-up. A
    // question whose no leads to a follow-up is asked as it is, and its no is the answer.
    func testTheSecondTimeThroughANoToThePlanIsKeptAndFollowedUp() throws {
        guard case .success(let loaded) = load(Self.withChange) else { return XCTFail("did not load") }
        let content = loaded.content
        let topic = try XCTUnwrap(content.topic("plan")).fillingPlan(["We agreed: college"], empty: "Nothing yet.")
        let then = Date(timeIntervalSince1970: 1_790_000_000), now = then.addingTimeInterval(7 * 86_400)
        let earlier = Answer(id: 1, pupilId: 1, sittingId: 1, topicId: "plan", stepId: "still-right", kind: .words,
                             words: "nah not rly", mode: .typedByPupil, adultId: nil, at: then)
        var talk = Conversation(topic: topic, content: content, pupilId: 1, sittingId: 2, adultId: 7, history: [earlier], progress: nil, now: now)
        let opening = talk.begin(at: now)
        var asked: QuestionView?
        for case .question(let view) in opening.presentations { asked = view }
        let view = try XCTUnwrap(asked)
        XCTAssertEqual(view.text, topic.steps[0].text, "the plan's own question, once")
        XCTAssertTrue(view.choices.isEmpty, "no yes/no of another question under it")
        XCTAssertTrue(view.hint.contains(content.words.say(.lastTime, [.answer: "\u{201C}nah not rly\u{201D}"])), view.hint)
        let no = try XCTUnwrap(talk.respond(to: "no", at: now).answer, "the no is the answer")
        XCTAssertEqual(no.words, "no")
        XCTAssertEqual(talk.currentStepId, "what-change")
        let change = try XCTUnwrap(talk.respond(to: "I want the farm", at: now).answer)
        XCTAssertEqual(change.stepId, "what-change")
        XCTAssertEqual(AnswerChain.latest(to: QuestionKey(topicId: "plan", stepId: "still-right", cardId: nil), in: talk.history)?.words, "no")
        XCTAssertTrue(content.words.isNo(no), "the adult is told the plan is not right")
    }

    func testIfNoMustNameAnEarlierQuestionOfTheTopic() {
        guard case .failure(let missing) = load(Self.withChange.replacingOccurrences(of: "if-no: still-right", with: "if-no: nowhere")) else {
            return XCTFail("an if-no to a missing step loaded")
        }
        XCTAssertTrue(missing.description.contains("not an earlier step"), missing.description)
        let onChoice = Self.withChange.replacingOccurrences(of: "kind: words\n    if-no", with: "kind: yes-no\n    if-no")
        guard case .failure(let kind) = load(onChoice) else { return XCTFail("if-no on a yes-no step loaded") }
        XCTAssertTrue(kind.description.contains("only a words step"), kind.description)
    }

    func testOtherStepsAndOtherPlaceholdersAreRefusedWithTheirLine() {
        guard case .failure(let failure) = load(Self.topic(kind: "yes-no")) else { return XCTFail("a yes-no step with {plan} loaded") }
        XCTAssertTrue(failure.description.contains("plan.yaml:11"), failure.description)
        XCTAssertTrue(failure.description.contains("only a words step"), failure.description)
        let other = Self.topic(kind: "words").replacingOccurrences(of: "{plan}", with: "{plans}")
        guard case .failure(let second) = load(other) else { return XCTFail("{plans} loaded") }
        XCTAssertTrue(second.description.contains("{plans} is not filled in here"), second.description)
    }
}
