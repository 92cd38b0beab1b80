import Foundation
import NextStepsRecords

/// One pupil's way through one topic: input in, presentations and answers to save out.
///
/// A value you drive like ink's story: `begin(at:)`, then `respond(to:at:)` for each line.
/// It never touches the terminal, the voice or the store; its driver saves each `Turn`'s
/// answer and progress durably, then presents. Keep a copy to roll back if a save fails.
public struct Conversation: Sendable {
    /// Where the conversation is inside a step.
    enum Phase: Sendable, Equatable {
        /// Asking the question.
        case asking
        /// "Last time you said …, is that still right?"
        case confirming
        /// After "no" to a recall: "What would you say now?"
        case followUp
        /// The break screen; the phase to return to.
        indirect case paused(Phase)
        /// The topic is over.
        case finished
    }

    /// The topic being talked through.
    public let topic: Topic
    let content: Content
    let interpreter: AnswerInterpreter
    let pupilId: PupilID
    let sittingId: SittingID?
    let adultId: AdultID?
    /// When this time through the topic began; answers before it are "last time".
    public internal(set) var runStartedAt: Date
    /// Every answer of the pupil known so far, oldest first.
    public internal(set) var history: [Answer]
    /// Whether this conversation goes on from an earlier stop.
    public let isResuming: Bool
    var stepIndex: Int
    var cardIndex: Int
    var phase: Phase = .asking
    /// How many parts of the card were shown at each question, so `more` shows the next
    /// part and is not offered once all are shown.
    var moreShown: [QuestionKey: Int] = [:]
    /// Set by the driver when the last save failed (and cleared by the next good one), so
    /// the break and stop screens never say "everything is saved" when it is not.
    public var lastSaveFailed = false
    /// How typed words are recorded: by the pupil, or scribed by the adult.
    public internal(set) var typingMode: AnswerMode = .typedByPupil

    /// Starts or resumes a topic for a pupil.
    ///
    /// - Parameters:
    ///   - history: all the pupil's earlier answers, oldest first.
    ///   - progress: the saved place in this topic, if any; a finished topic starts a new run.
    ///   - typingMode: whether the pupil types, or the adult types what the pupil says; when
    ///     not given, a resumed topic goes on as it was left.
    public init(topic: Topic, content: Content, pupilId: PupilID, sittingId: SittingID?, adultId: AdultID?,
                history: [Answer], progress: TopicProgress?, now: Date, typingMode: AnswerMode? = nil) {
        self.topic = topic; self.content = content; self.pupilId = pupilId; self.sittingId = sittingId
        self.adultId = adultId; self.history = history
        // An adult typing goes on after a break in the same day (a crash, a closed terminal);
        // another day starts with the pupil typing.
        let sameDay = progress.map { Calendar(identifier: .gregorian).isDate($0.updatedAt, inSameDayAs: now) } ?? false
        let resumedScribing = progress.map { !$0.finished && $0.scribing } ?? false && sameDay
        self.typingMode = typingMode ?? (resumedScribing ? .scribedByAdult : .typedByPupil)
        self.interpreter = AnswerInterpreter(commands: content.words.commands)
        if let progress, !progress.finished, let stepId = progress.stepId,
           let index = topic.steps.firstIndex(where: { $0.id == stepId }) {
            isResuming = true
            runStartedAt = progress.runStartedAt
            stepIndex = index
            cardIndex = progress.cardId.flatMap { topic.steps[index].cards.firstIndex(of: $0) } ?? 0
        } else {
            isResuming = false
            runStartedAt = now
            stepIndex = 0
            cardIndex = 0
        }
    }

    /// Whether the topic has ended.
    public var isFinished: Bool { phase == .finished }

    /// The id of the step being asked (nil when finished).
    public var currentStepId: String? { phase == .finished ? nil : topic.steps[safe: stepIndex]?.id }

    /// Opens the topic (plan, or "welcome back") and asks the current question.
    public mutating func begin(at now: Date) -> Turn {
        var presentations: [Presentation] = []
        let words = content.words
        settleForward()
        // Stopped just after "no, that is not still right": go on with "what would you change?".
        if isResuming, step.kind == .recall, let latest = AnswerChain.latest(to: questionKey, in: history),
           latest.kind == .no, latest.at >= runStartedAt {
            phase = .followUp
        }
        var lines = isResuming ? [words.say(.welcomeBack, [.step: "\(questionNumber)", .steps: "\(questionCount)"])]
                               : topic.plan + [sizeOfTopic]
        lines.append(words.say(.anyTime))
        if typingMode == .scribedByAdult { lines.append(words.say(.scribeOn)) }
        presentations.append(.opening(title: topic.title, symbol: symbol(topic.symbol), lines: lines))
        if phase == .finished {
            presentations.append(.closing([words.say(.nothingElse), words.say(.finished, [.topic: topic.title])]))
            return Turn(progress: progress(at: now), presentations: presentations, ending: .finished)
        }
        presentations.append(prompt())
        return Turn(progress: progress(at: now), presentations: presentations)
    }

    /// What one line of input does.
    public mutating func respond(to line: String, at now: Date) -> Turn {
        let (text, cut) = InputCleaner.clean(line)
        if case .paused(let before) = phase {
            // Anything typed at a break ends it and shows the question again: what is typed
            // there is never an answer to a question the pupil cannot see. Stop still stops.
            phase = before
            if interpreter.interpret(text, at: .words) == .command(.stop) { return command(.stop, typed: text, at: now) }
            return Turn(presentations: [prompt()])
        }
        if phase == .finished { return Turn(ending: .finished) }
        var turn = interpretAndAnswer(text, at: now)
        if cut, turn.answer != nil {
            turn.notices.append(content.words.say(.answerCut, [.count: "\(InputCleaner.maxCharacters)"]))
        }
        return turn
    }

    private mutating func interpretAndAnswer(_ text: String, at now: Date) -> Turn {
        let words = content.words
        switch interpreter.interpret(text, at: shape) {
        case .empty:
            return Turn(presentations: [.message([words.say(.gentle)]), prompt()])
        case .notAnOption(let tooMany):
            return Turn(presentations: [.message([numbersHint(tooMany: tooMany)])])
        case .unclear:
            return Turn(presentations: [.message([numbersHint(tooMany: false)])])
        case .adult(let action):
            return adult(action, at: now)
        case .command(let command):
            return self.command(command, typed: text, at: now)
        case .chosen(let indices):
            return chose(indices, typed: text, at: now)
        case .words(let typed):
            return ownWords(typed, at: now)
        }
    }

    /// What is said when the session stops for today (also when input ends).
    public var stoppedWords: String { content.words.say(lastSaveFailed ? .stoppedUnsaved : .stopped) }

    /// The current prompt again (after a failed save, or for "again").
    public func repeatPrompt() -> Presentation { prompt() }

    func symbol(_ id: String) -> Symbol? { content.symbols[id] }

    /// The current step (the last one once the topic is over, so no index is ever out of range).
    var step: Step { topic.steps[min(stepIndex, topic.steps.count - 1)] }

    /// The place to save now.
    func progress(at now: Date) -> TopicProgress {
        let finished = phase == .finished
        let cardId = finished ? nil : step.cards[safe: cardIndex]
        return TopicProgress(pupilId: pupilId, topicId: topic.id, runStartedAt: runStartedAt,
                        stepId: finished ? nil : step.id, cardId: cardId, finished: finished, updatedAt: now,
                        scribing: typingMode == .scribedByAdult)
    }
}

extension Array {
    /// The element at `index`, or nil when there is none.
    public subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
