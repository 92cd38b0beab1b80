import Foundation
import NextStepsRecords

/// How a talk session ended.
public enum SessionOutcome: Sendable, Equatable {
    /// The topic was finished.
    case finished
    /// The pupil typed stop (or break then stop).
    case stopped
    /// Input ended (Ctrl-D, a closed pipe); everything was saved.
    case endOfInput
}

/// Drives a conversation: reads lines, saves each answer durably, then presents.
///
/// Nothing is shown as saved before the store has it on disk. If a save fails (a full disk),
/// the conversation rolls back to before the answer, the pupil is told calmly, and the
/// question is asked again with nothing lost from the screen.
public final class TalkSession {
    private var conversation: Conversation
    private let store: TalkRecords
    private let lines: LineSource
    private let presenters: [Presenter]
    private let clock: Clock
    /// The prompt shown before each line of input; the adult's when the adult is typing.
    public var prompts = (pupil: "> ", adult: "adult> ")
    /// Told whether everything shown as saved is on disk: false after a failed save, true
    /// again after the next good one (so a signal handler can say the right thing).
    public var onSavedStateChange: ((Bool) -> Void)?
    /// Told each answer (or note) once it is saved.
    public var onAnswerSaved: ((Answer) -> Void)?
    /// Whether the last save failed and nothing has been saved since.
    public private(set) var lastSaveFailed = false
    /// The sitting to open with the first answer or move, so that a talk stopped at its
    /// first question leaves no empty sitting behind.
    private var pendingSitting: Sitting?
    /// The sitting once it is in the store.
    public private(set) var sitting: Sitting?

    /// Makes a session. `sitting` (not yet saved) is opened with the first answer or move.
    public init(conversation: Conversation, store: TalkRecords, lines: LineSource, presenters: [Presenter], clock: Clock,
                sitting: Sitting? = nil) {
        self.conversation = conversation; self.store = store; self.lines = lines
        self.presenters = presenters; self.clock = clock
        if let sitting, sitting.id == nil { pendingSitting = sitting } else { self.sitting = sitting }
    }

    /// Runs until the topic is finished, the pupil stops, or input ends.
    public func run() -> SessionOutcome {
        var opening = conversation.begin(at: clock.now())
        // Opening a topic is not a move: the place is saved with the first answer or move.
        opening.progress = nil
        if let ending = apply(opening, rollback: nil) { return outcome(ending) }
        while true {
            let input = lines.read(prompt: conversation.typingMode == .scribedByAdult ? prompts.adult : prompts.pupil)
            presenters.forEach { $0.inputArrived() }
            guard case .line(let text) = input else {
                present(.closing([conversation.stoppedWords]))
                return .endOfInput
            }
            let before = conversation
            let turn = conversation.respond(to: text, at: clock.now())
            if let ending = apply(turn, rollback: before, typed: text) { return outcome(ending) }
        }
    }

    /// Saves what the turn asks, then presents it; on a failed save, rolls back and says so.
    private func apply(_ turn: Turn, rollback: Conversation?, typed: String? = nil) -> Ending? {
        // Every turn with an answer carries the new place too: both go in one transaction.
        if let progress = turn.progress {
            do {
                var answer = turn.answer
                if let id = sitting?.id { answer?.sittingId = id }
                let saved = try store.save(answer, progress: progress, opening: pendingSitting)
                if let opened = saved.sitting {
                    sitting = opened
                    pendingSitting = nil
                }
                setSaveFailed(false)
                if let answer { onAnswerSaved?(answer) }
            } catch {
                if let rollback { conversation = rollback }
                setSaveFailed(true)
                present(.message([conversation.content.words.say(.notSaved)]))
                presenters.forEach { $0.notice("Not saved: \(error)") }
                present(conversation.repeatPrompt())
                // The words go back on the line, ready to send again: "your words are still here".
                if let typed, turn.answer != nil { lines.offerAgain(typed) }
                return nil
            }
        }
        turn.notices.forEach { notice in presenters.forEach { $0.notice(notice) } }
        turn.presentations.forEach(present)
        return turn.ending
    }

    /// Tells the conversation (which chooses its words by it) and the signal handler.
    private func setSaveFailed(_ failed: Bool) {
        conversation.lastSaveFailed = failed
        guard failed != lastSaveFailed else { return }
        lastSaveFailed = failed
        onSavedStateChange?(!failed)
    }

    private func present(_ presentation: Presentation) {
        presenters.forEach { $0.present(presentation) }
    }

    private func outcome(_ ending: Ending) -> SessionOutcome {
        ending == .finished ? .finished : .stopped
    }
}
