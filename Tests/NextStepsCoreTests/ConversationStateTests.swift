import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

/// The conversation's changing part is a small Codable state: a conversation made again from
/// a saved state goes on exactly as the one it was taken from.
final class ConversationStateTests: ConversationTestCase {
    private func described(_ turn: Turn) -> String {
        "\(turn.presentations) | \(turn.answer.map { "\($0.kind) \($0.optionIds) \($0.words ?? "-")" } ?? "no answer") | "
            + "\(turn.progress?.stepId ?? "-") \(turn.progress?.cardId ?? "-") | \(String(describing: turn.ending))"
    }

    func testAConversationMadeFromItsSavedStateGoesOnTheSame() throws {
        let content = try Fixtures.petsContent()
        let topic = try XCTUnwrap(content.topic("pets"))
        var original = try makeConversation(content)
        _ = original.begin(at: start)
        // Part way: past the reading step, an answer, a look at more, and a break.
        for line in ["", "dog", "more", "break"] { _ = original.respond(to: line, at: start) }
        let saved = try JSONEncoder().encode(original.state)
        let state = try JSONDecoder().decode(ConversationState.self, from: saved)
        XCTAssertEqual(state, original.state)
        var copy = try XCTUnwrap(Conversation(topic: topic, content: content, pupilId: 1, sittingId: 1, adultId: 7,
                                              history: original.history, state: state))
        for line in ["", "1 3", "more", "1", "back", "next", "3", "Because they are soft", "yes", "stop"] {
            XCTAssertEqual(described(copy.respond(to: line, at: start)), described(original.respond(to: line, at: start)),
                           "after \"\(line)\"")
        }
        XCTAssertEqual(copy.state, original.state)
    }

    func testAStateFromANewerProgramOrPastTheTopicIsRefused() throws {
        let content = try Fixtures.petsContent()
        let topic = try XCTUnwrap(content.topic("pets"))
        var conversation = try makeConversation(content)
        _ = conversation.begin(at: start)
        func make(_ change: (inout ConversationState) -> Void) -> Conversation? {
            var state = conversation.state
            change(&state)
            return Conversation(topic: topic, content: content, pupilId: 1, sittingId: 1, adultId: 7, history: [], state: state)
        }
        XCTAssertNotNil(make { _ in })
        XCTAssertNil(make { $0.version = ConversationState.currentVersion + 1 }, "a newer state is never guessed at")
        XCTAssertNil(make { $0.stepIndex = topic.steps.count }, "past the topic's steps")
        XCTAssertNil(make { $0.stepIndex = -1 })
    }
}
