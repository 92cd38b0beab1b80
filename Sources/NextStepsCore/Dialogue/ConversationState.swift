import Foundation
import NextStepsRecords

/// Where a pupil is in a topic: the only part of a `Conversation` that changes, small and
/// Codable, with a version (the way ink keeps its story fixed and versions the save state).
/// The topic, the content and the ids stay in the conversation itself.
public struct ConversationState: Sendable, Equatable, Codable {
    /// The version this program writes and the newest it reads.
    public static let currentVersion = 1

    /// Where the conversation is inside a step.
    public indirect enum Phase: Sendable, Equatable, Codable {
        /// Asking the question.
        case asking
        /// "Last time you said …, is that still right?"
        case confirming
        /// After "no" to a recall: "What would you say now?"
        case followUp
        /// The break screen; the phase to return to.
        case paused(Phase)
        /// "Do you want to stop for now?" (or a break), after a short reply that asked for it;
        /// the reply, kept to save exactly as typed if the answer is no; the phase to return to.
        case offering(Offer, reply: String, then: Phase)
        /// At a question answered before, a bare "yes" or "no" that is an option other than the
        /// answer given: "You said before: …. Do you want to change it to: …?" The options it
        /// chose, and what was typed, to save exactly as typed if the answer is yes.
        case clarifying(indices: [Int], typed: String)
        /// The topic is over.
        case finished
    }

    /// What a reply asked for, offered before anything is saved.
    public enum Offer: String, Sendable, Equatable, Codable {
        /// To stop for today.
        case stop
        /// A break.
        case pause
    }

    /// The version this state was written in.
    public var version = ConversationState.currentVersion
    /// When this time through the topic began; answers before it are "last time".
    public var runStartedAt: Date
    /// Whether the conversation went on from an earlier stop.
    public var isResuming: Bool
    /// The step being asked, by position in the topic.
    public var stepIndex: Int
    /// The card being asked about in a sorting step, by position.
    public var cardIndex: Int
    /// Asking, confirming, following up, paused or finished.
    public var phase: Phase = .asking
    /// How many parts of a card were shown at each question (for `more`).
    public var moreShown: [QuestionKey: Int] = [:]
    /// Whether the last save failed (so no screen says "everything is saved").
    public var lastSaveFailed = false
    /// How typed words are recorded: by the pupil, or scribed by the adult.
    public var typingMode: AnswerMode
    /// A reply the pupil said "no" to stopping (or a break) for: typed again at the same
    /// question, it is their answer, not asked about twice.
    public var declinedOffer: String?

    /// Makes a state at a step.
    public init(runStartedAt: Date, isResuming: Bool, stepIndex: Int, cardIndex: Int, typingMode: AnswerMode) {
        self.runStartedAt = runStartedAt; self.isResuming = isResuming
        self.stepIndex = stepIndex; self.cardIndex = cardIndex; self.typingMode = typingMode
    }
}
