import Foundation

/// Where a pupil is in a topic, saved with every answer so a session resumes at the exact step.
public struct TopicProgress: Sendable, Equatable, Codable {
    /// The pupil.
    public var pupilId: PupilID
    /// The topic.
    public var topicId: String
    /// When this time through the topic began; answers before it are "last time".
    public var runStartedAt: Date
    /// The step to ask next; nil when the topic is finished.
    public var stepId: String?
    /// The card to ask next, in a sort step.
    public var cardId: String?
    /// Whether the topic was finished.
    public var finished: Bool
    /// When this was saved.
    public var updatedAt: Date
    /// Whether the adult was typing for the pupil (`/scribe`), so a resumed session goes on so.
    public var scribing: Bool

    /// Makes progress.
    public init(pupilId: PupilID, topicId: String, runStartedAt: Date, stepId: String?, cardId: String? = nil,
                finished: Bool = false, updatedAt: Date, scribing: Bool = false) {
        self.scribing = scribing
        self.pupilId = pupilId; self.topicId = topicId; self.runStartedAt = runStartedAt
        self.stepId = stepId; self.cardId = cardId; self.finished = finished; self.updatedAt = updatedAt
    }
}
