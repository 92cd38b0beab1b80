import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsTestSupport

/// One sitting of a generated script: a topic and the lines typed in it.
struct Talk: Sendable, CustomStringConvertible {
    var topicId: String
    var lines: [String]
    var description: String { "\(topicId): \(lines.map { $0.count > 80 ? "<\($0.count) characters>" : $0 })" }
}

/// The pupil's answers only are counted (`CountingStore(…, counting: AnswerChain.isAnswer)`): an
/// adult's note is not an answer, and after "no" to "is that still right?" (not saved, the
/// question is asked again) a talk stopped at a note would be asked "is that still right?" again
/// on resuming, which a straight run is not.
/// Shows nothing: the properties look at the records, not the screen.
final class SilentPresenter: Presenter {
    func present(_ presentation: Presentation) {}
}

/// Talks through sittings with the real `TalkSession`, the in-memory store and a stepping clock.
struct TalkDriver {
    let content: Content
    let store = CountingStore(InMemoryRecordStore(), counting: AnswerChain.isAnswer)
    let clock = SteppingClock()
    let pupilId: PupilID
    let adultId: AdultID?

    init(content: Content, pupilName: String = "Sam Test", adultName: String? = nil) throws {
        self.content = content
        pupilId = try store.inner.addPupil(Pupil(name: pupilName, createdAt: Date(timeIntervalSince1970: 1_780_000_000))).id!
        let records = store.inner
        adultId = try adultName.map { try records.addAdult(Adult(name: $0, role: .teachingAssistant, addedAt: Date(timeIntervalSince1970: 1_780_000_000))).id! }
    }

    /// A conversation for `topicId` from what the store holds now.
    func conversation(_ topicId: String) throws -> Conversation {
        guard let topic = content.topic(topicId) else { throw PropertyFailure("no topic \(topicId)") }
        return Conversation(topic: topic, content: content, pupilId: pupilId, sittingId: nil, adultId: adultId,
                            history: try store.answers(pupilId: pupilId), progress: try store.progress(pupilId: pupilId, topicId: topicId),
                            now: clock.now())
    }

    /// Runs one session over `lines` (all of them, or until stop or the end of the topic).
    func runStraight(_ talk: Talk) throws -> SessionOutcome {
        let lines = ScriptedLineSource(talk.lines)
        return try session(talk.topicId, lines: lines).run()
    }

    /// Runs the same lines, but ends the session after every saved answer and starts a new one
    /// from the store, as a pupil who stops and comes back would. Returns the last outcome.
    func runResumingAfterEveryAnswer(_ talk: Talk) throws -> SessionOutcome {
        let script = ScriptedLineSource(talk.lines)
        var sessions = 0
        while true {
            sessions += 1
            if sessions > talk.lines.count + 2 { throw PropertyFailure("the sessions do not move on") }
            let outcome = try session(talk.topicId, lines: StopAfterAnswerSource(script: script, store: store)).run()
            // Finished or stopped, or every line used: the straight run ends there too.
            if outcome != .endOfInput || script.count == 0 { return outcome }
        }
    }

    private func session(_ topicId: String, lines: LineSource) throws -> TalkSession {
        let sitting = Sitting(pupilId: pupilId, startedAt: clock.now(), adultId: adultId)
        return TalkSession(conversation: try conversation(topicId), store: store, lines: lines, presenters: [SilentPresenter()],
                           clock: clock, sitting: sitting)
    }
}

/// A property's own failure to set up (never a pass).
struct PropertyFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
