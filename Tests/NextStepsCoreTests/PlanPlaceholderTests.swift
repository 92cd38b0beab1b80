import Foundation
import NextStepsCore
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

    func testOtherStepsAndOtherPlaceholdersAreRefusedWithTheirLine() {
        guard case .failure(let failure) = load(Self.topic(kind: "yes-no")) else { return XCTFail("a yes-no step with {plan} loaded") }
        XCTAssertTrue(failure.description.contains("plan.yaml:11"), failure.description)
        XCTAssertTrue(failure.description.contains("only a words step"), failure.description)
        let other = Self.topic(kind: "words").replacingOccurrences(of: "{plan}", with: "{plans}")
        guard case .failure(let second) = load(other) else { return XCTFail("{plans} loaded") }
        XCTAssertTrue(second.description.contains("{plans} is not filled in here"), second.description)
    }
}
