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
    /// Saves an answer and the new place in the topic in one durable transaction.
    /// The answer supersedes the pupil's latest earlier answer to the same question.
    func save(_ answer: Answer?, progress: TopicProgress) throws -> Answer?
    /// The pupil's place in a topic, if they have begun it.
    func progress(pupilId: Int64, topicId: String) throws -> TopicProgress?
    /// The pupil's place in every topic begun.
    func allProgress(pupilId: Int64) throws -> [TopicProgress]
    /// All of a pupil's answers, oldest first.
    func answers(pupilId: Int64) throws -> [Answer]
}
