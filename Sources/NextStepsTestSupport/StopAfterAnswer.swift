import Foundation
import NextStepsCore
import NextStepsRecords

/// A talk store that counts what it saves, so a script can stop right after each saved answer.
/// `counts` says what counts: every saved answer (notes included), or only the pupil's own
/// (`AnswerChain.isAnswer`).
public final class CountingStore: TalkRecords {
    /// The store that keeps the records.
    public let inner: InMemoryRecordStore
    /// How many counted answers have been saved.
    public private(set) var answersSaved = 0
    private let counts: (Answer) -> Bool

    /// Counts, in `inner`, every saved answer that `counts` accepts (all of them by default).
    public init(_ inner: InMemoryRecordStore, counting counts: @escaping (Answer) -> Bool = { _ in true }) {
        self.inner = inner
        self.counts = counts
    }

    /// Adds a pupil.
    public func addPupil(_ pupil: Pupil) throws -> Pupil { try inner.addPupil(pupil) }
    /// Starts a sitting.
    public func startSitting(_ sitting: Sitting) throws -> Sitting { try inner.startSitting(sitting) }
    /// Saves, and counts the answer when it counts.
    public func save(_ answer: Answer?, progress: TopicProgress, opening sitting: Sitting?) throws -> SavedTurn {
        let saved = try inner.save(answer, progress: progress, opening: sitting)
        if let answer = saved.answer, counts(answer) { answersSaved += 1 }
        return saved
    }
    /// A pupil's place in a topic.
    public func progress(pupilId: PupilID, topicId: String) throws -> TopicProgress? { try inner.progress(pupilId: pupilId, topicId: topicId) }
    /// A pupil's answers.
    public func answers(pupilId: PupilID) throws -> [Answer] { try inner.answers(pupilId: pupilId) }
}

/// Plays script lines until one more counted answer has been saved, then ends input (the
/// session stops, saved).
public final class StopAfterAnswerSource: LineSource {
    let script: ScriptedLineSource
    let store: CountingStore
    let savedAtStart: Int

    /// Reads `script` until `store` counts one more saved answer.
    public init(script: ScriptedLineSource, store: CountingStore) {
        self.script = script; self.store = store; savedAtStart = store.answersSaved
    }

    /// The script's next line, or the end once an answer was saved.
    public func read(prompt: String) -> LineInput {
        store.answersSaved > savedAtStart ? .end : script.read(prompt: prompt)
    }
}
