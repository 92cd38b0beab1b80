import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport
import PropertyBased
import Testing

/// A talk stopped after every answer and resumed ends exactly as one run straight through on
/// the same lines: through the saved `ConversationState` (encoded and decoded), and through
/// the store with the real `TalkSession`, as a pupil who stops and comes back.
@Suite struct ResumeProperties {
    @Test func aStateSavedAndRestoredAfterEveryAnswerGoesOnTheSame() async throws {
        let content = try Shipped.content()
        await propertyCheck(count: 30, input: Talks.generator(content)) { talks in
            let straight = try EngineCheck(content: content), resumed = try EngineCheck(content: content)
            for talk in talks {
                var one = try straight.conversation(talk.topicId), other = try resumed.conversation(talk.topicId)
                #expect(described(one.begin(at: straight.clock.now())) == described(other.begin(at: resumed.clock.now())))
                for line in talk.lines where !one.isFinished {
                    let turn = one.respond(to: line, at: straight.clock.now())
                    let again = other.respond(to: line, at: resumed.clock.now())
                    try #require(described(turn) == described(again), "after \(line.debugDescription) in \(talk)")
                    if let progress = turn.progress { _ = try straight.store.save(turn.answer, progress: progress, opening: nil) }
                    if let progress = again.progress { _ = try resumed.store.save(again.answer, progress: progress, opening: nil) }
                    // (A finished talk's state is not restored: `Conversation(state:)` refuses a state past
                    // the last step, and a finished talk has nothing left to go on with.)
                    if again.answer != nil && !other.isFinished {
                        // Stop here: keep only the saved state, and make the conversation again from it.
                        let state = try JSONDecoder().decode(ConversationState.self, from: JSONEncoder().encode(other.state))
                        try #require(state == other.state, "the state reads back as written")
                        other = try #require(Conversation(topic: other.topic, content: content, pupilId: resumed.pupilId, sittingId: nil,
                                                          adultId: nil, history: other.history, state: state),
                                             "a state saved after an answer can be restored: \(state)")
                    }
                    if turn.ending != nil { break }
                }
                #expect(one.state == other.state)
                #expect(one.history == other.history)
            }
            #expect(try straight.store.answers(pupilId: straight.pupilId) == resumed.store.answers(pupilId: resumed.pupilId))
        }
    }

    @Test func aTalkStoppedAfterEveryAnswerAndResumedFromTheStoreEndsTheSame() async throws {
        let content = try Shipped.content()
        await propertyCheck(count: 30, input: Talks.generator(content)) { talks in
            let straight = try TalkDriver(content: content), resumed = try TalkDriver(content: content)
            for talk in talks {
                let outcome = try straight.runStraight(talk)
                let again = try resumed.runResumingAfterEveryAnswer(talk)
                #expect(outcome == again, "\(talk)")
            }
            let one = try straight.store.answers(pupilId: straight.pupilId), other = try resumed.store.answers(pupilId: resumed.pupilId)
            // The first answer that differs, in words (nil when both runs stored the same answers).
            let first = zip(one, other).enumerated().first { essence($0.element.0) != essence($0.element.1) }?.offset
                ?? (one.count == other.count ? nil : min(one.count, other.count))
            let difference = first.map { index in
                "\(one.count) answers straight, \(other.count) resumed; first difference at \(index): "
                    + "\(one.dropFirst(index).first.map { String(essence($0).prefix(200)) } ?? "none") / "
                    + "\(other.dropFirst(index).first.map { String(essence($0).prefix(200)) } ?? "none")"
            }
            #expect(difference == nil, "talks: \(talks)")
            let place = { (driver: TalkDriver) in
                try driver.store.inner.allProgress(pupilId: driver.pupilId)
                    .map { "\($0.topicId) \($0.stepId ?? "-") \($0.cardId ?? "-") \($0.finished) \($0.scribing)" }
            }
            #expect(try place(straight) == place(resumed), "talks: \(talks)")
        }
    }
}

extension EngineCheck {
    /// A conversation for `topicId` from what this check's store holds now.
    func conversation(_ topicId: String) throws -> Conversation {
        guard let topic = content.topic(topicId) else { throw PropertyFailure("no topic \(topicId)") }
        return Conversation(topic: topic, content: content, pupilId: pupilId, sittingId: nil, adultId: nil,
                            history: try store.answers(pupilId: pupilId), progress: try store.progress(pupilId: pupilId, topicId: topic.id),
                            now: clock.now())
    }
}
