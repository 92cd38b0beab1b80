import Foundation

/// Why the store could not do something, in words an adult can act on.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words (never pupil text).
    public var message: String

    /// Makes an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// Where pupils, sittings, answers and progress are kept. Every write is durable when it returns.
public protocol RecordStore: AnyObject {
    /// Adds a pupil; a name already in use is refused.
    func addPupil(_ pupil: Pupil) throws -> Pupil
    /// All pupils, by name.
    func pupils() throws -> [Pupil]
    /// The pupil with this name or known-as name (any case), if exactly one matches.
    func pupil(named: String) throws -> Pupil?
    /// Changes how prompts are spoken to a pupil.
    func updateSpeech(pupilId: Int64, to settings: SpeechSettings) throws
    /// Starts a sitting.
    func startSitting(_ sitting: Sitting) throws -> Sitting
    /// All sittings of a pupil, oldest first.
    func sittings(pupilId: Int64) throws -> [Sitting]
    /// Saves an answer and the new place in the topic in one durable transaction, opening
    /// `sitting` in the same transaction when it is given (so no sitting is ever empty).
    /// The answer supersedes the pupil's latest earlier answer to the same question, and
    /// belongs to the sitting opened with it.
    func save(_ answer: Answer?, progress: TopicProgress, opening sitting: Sitting?) throws -> SavedTurn
    /// The pupil's place in a topic, if they have begun it.
    func progress(pupilId: Int64, topicId: String) throws -> TopicProgress?
    /// The pupil's place in every topic begun.
    func allProgress(pupilId: Int64) throws -> [TopicProgress]
    /// All of a pupil's answers, oldest first.
    func answers(pupilId: Int64) throws -> [Answer]
}

/// What one durable save wrote.
public struct SavedTurn: Sendable, Equatable {
    /// The answer as stored (with its id and what it supersedes), if there was one.
    public var answer: Answer?
    /// The sitting opened by this save, if one was.
    public var sitting: Sitting?

    /// Makes the result of a save.
    public init(answer: Answer?, sitting: Sitting?) { self.answer = answer; self.sitting = sitting }
}

extension RecordStore {
    /// Saves an answer and the place, in a sitting already open.
    @discardableResult
    public func save(_ answer: Answer?, progress: TopicProgress) throws -> Answer? {
        try save(answer, progress: progress, opening: nil).answer
    }
}
