import Foundation
import NextStepsCore
import NextStepsRecords
import XCTest

/// Scribed words that read as about the pupil ("he wants …") get a gentle word to the adult,
/// never to the pupil; the words are kept exactly as typed.
final class ThirdPersonTests: XCTestCase {
    func testTheRuleFindsWordsAboutThePupilAndLeavesTheirOwnVoiceAlone() {
        for about in ["He wants to work with animals", "she said college", "They like trains.", "he's happy at school",
                      "I went there. She liked the kitchen!", "HE WOULD like a job", "She\u{2019}d like to go", "His favourite is music",
                      "they're not sure", "Shes ok with buses"] {
            XCTAssertTrue(ThirdPerson.looksThirdPerson(about), about)
        }
        for own in ["I want to work with animals", "I think they are kind", "My mum says she wants me to go", "college",
                    "the helpers", "Sheffield college", "Theatre", "hello", "", "they", "her"] {
            XCTAssertFalse(ThirdPerson.looksThirdPerson(own), own)
        }
    }

    private func visit() throws -> (Conversation, Content) {
        let content = try Fixtures.shipped().content
        let topic = try XCTUnwrap(content.topic("after-a-visit"))
        var conversation = Conversation(topic: topic, content: content, pupilId: 1, sittingId: 1, adultId: 7, history: [], progress: nil,
                                        now: Date(timeIntervalSince1970: 1_790_000_000))
        _ = conversation.begin(at: Date(timeIntervalSince1970: 1_790_000_000))
        _ = conversation.respond(to: "", at: Date(timeIntervalSince1970: 1_790_000_000))
        return (conversation, content)
    }

    func testScribedWordsAboutThePupilWarnTheAdultOnlyAndAreKeptExactly() throws {
        var (conversation, content) = try visit()
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        _ = conversation.respond(to: "/scribe", at: now)
        let typed = "He wants  to go back to Riverside College"
        let turn = conversation.respond(to: typed, at: now)
        let answer = try XCTUnwrap(turn.answer)
        XCTAssertEqual(answer.words, typed, "never changed")
        XCTAssertEqual(answer.mode, .scribedByAdult)
        XCTAssertEqual(turn.notices, [content.words.say(.scribeThirdPerson)])
        let shown = turn.presentations.map { "\($0)" }.joined()
        XCTAssertFalse(shown.contains(content.words.say(.scribeThirdPerson)), "the pupil's screen and reply do not change")
        XCTAssertTrue(turn.presentations.contains(.reply(content.words.say(.saved))))
    }

    func testOwnVoiceWhenScribedAndThePupilsOwnTypingGetNoWord() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var (scribed, _) = try visit()
        _ = scribed.respond(to: "/scribe", at: now)
        XCTAssertEqual(scribed.respond(to: "I went to Riverside College", at: now).notices, [])
        var (typed, _) = try visit()
        let turn = typed.respond(to: "He wants to come too", at: now)
        XCTAssertEqual(turn.answer?.mode, .typedByPupil)
        XCTAssertEqual(turn.notices, [], "the pupil's own typing is their own voice, whatever it says")
    }
}
