import Foundation
import NextStepsRecords

/// One pupil's way through one topic: input in, presentations and answers to save out.
///
/// A value you drive like ink's story: `begin(at:)`, then `respond(to:at:)` for each line.
/// It never touches the terminal, the voice or the store; its driver saves each `Turn`'s
/// answer and progress durably, then presents. Keep a copy to roll back if a save fails.
public struct Conversation: Sendable {
    /// Where the conversation is inside a step (kept in the state).
    typealias Phase = ConversationState.Phase

    /// The topic being talked through.
    public let topic: Topic
    let content: Content
    let interpreter: AnswerInterpreter
    let pupilId: PupilID
    let sittingId: SittingID?
    let adultId: AdultID?
    /// Every answer of the pupil known so far, oldest first.
    public internal(set) var history: [Answer]
    /// Where the pupil is: the small, versioned, Codable part of a conversation. Everything
    /// else (the topic, the content, who is talking) is fixed for the conversation's life.
    public internal(set) var state: ConversationState

    /// When this time through the topic began; answers before it are "last time".
    public var runStartedAt: Date { state.runStartedAt }
    /// Whether this conversation goes on from an earlier stop.
    public var isResuming: Bool { state.isResuming }
    var stepIndex: Int { get { state.stepIndex } set { state.stepIndex = newValue } }
    var cardIndex: Int { get { state.cardIndex } set { state.cardIndex = newValue } }
    var phase: ConversationState.Phase { get { state.phase } set { state.phase = newValue } }
    var declinedOffer: String? { get { state.declinedOffer } set { state.declinedOffer = newValue } }
    /// How many parts of the card were shown at each question, so `more` shows the next
    /// part and is not offered once all are shown.
    var moreShown: [QuestionKey: Int] { get { state.moreShown } set { state.moreShown = newValue } }
    /// Set by the driver when the last save failed (and cleared by the next good one), so
    /// the break and stop screens never say "everything is saved" when it is not.
    public var lastSaveFailed: Bool { get { state.lastSaveFailed } set { state.lastSaveFailed = newValue } }
    /// How typed words are recorded: by the pupil, or scribed by the adult.
    public internal(set) var typingMode: AnswerMode { get { state.typingMode } set { state.typingMode = newValue } }

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
        self.interpreter = AnswerInterpreter(commands: content.words.commands)
        // An adult typing goes on after a break in the same day (a crash, a closed terminal);
        // another day starts with the pupil typing.
        let sameDay = progress.map { Calendar(identifier: .gregorian).isDate($0.updatedAt, inSameDayAs: now) } ?? false
        let resumedScribing = progress.map { !$0.finished && $0.scribing } ?? false && sameDay
        let mode = typingMode ?? (resumedScribing ? .scribedByAdult : .typedByPupil)
        if let progress, !progress.finished, let stepId = progress.stepId,
           let index = topic.steps.firstIndex(where: { $0.id == stepId }) {
            let card = progress.cardId.flatMap { topic.steps[index].cards.firstIndex(of: $0) } ?? 0
            state = ConversationState(runStartedAt: progress.runStartedAt, isResuming: true, stepIndex: index, cardIndex: card,
                                      typingMode: mode)
        } else {
            state = ConversationState(runStartedAt: now, isResuming: false, stepIndex: 0, cardIndex: 0, typingMode: mode)
        }
    }

    /// Goes on from a saved state: the same topic and content give the same next turns as the
    /// conversation the state was taken from. A state of a newer version, or one that points
    /// past this topic's steps or cards, is refused (nil), never guessed at.
    public init?(topic: Topic, content: Content, pupilId: PupilID, sittingId: SittingID?, adultId: AdultID?,
                 history: [Answer], state: ConversationState) {
        guard state.version <= ConversationState.currentVersion, topic.steps.indices.contains(state.stepIndex),
              state.cardIndex == 0 || topic.steps[state.stepIndex].cards.indices.contains(state.cardIndex) else { return nil }
        self.topic = topic; self.content = content; self.pupilId = pupilId; self.sittingId = sittingId
        self.adultId = adultId; self.history = history; self.state = state
        self.interpreter = AnswerInterpreter(commands: content.words.commands)
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
        // A topic with nothing to ask (a plan with nothing in it yet) does not say "0 steps".
        var lines = isResuming ? [words.say(.welcomeBack, [.step: "\(questionNumber)", .steps: "\(questionCount)"])]
                               : topic.plan + (questionCount == 0 ? [] : [sizeOfTopic])
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
            // "I'm done" at a break is as clear as stop (a short reply that asks to stop).
            if interpreter.interpret(text, at: .words) == .command(.stop) || offer(in: text) == .stop {
                return command(.stop, typed: text, at: now)
            }
            return Turn(presentations: [prompt()])
        }
        if phase == .finished { return Turn(ending: .finished) }
        if case .offering(let offer, let reply, let before) = phase {
            phase = before
            return answerOffer(offer, reply: reply, with: text, at: now)
        }
        if case .clarifying(let indices, let typed) = phase {
            phase = .asking
            return answerClarifying(indices, typed: typed, with: text, at: now)
        }
        var turn = interpretAndAnswer(text, at: now)
        if cut, turn.answer != nil {
            turn.notices.append(content.words.say(.answerCut, [.count: "\(InputCleaner.maxCharacters)"]))
        }
        // Scribed words that read as about the pupil ("he wants …"): a gentle word to the adult
        // only. The words are kept exactly as typed.
        if let answer = turn.answer, answer.mode == .scribedByAdult, answer.kind == .words, ThirdPerson.looksThirdPerson(answer.words) {
            turn.notices.append(content.words.say(.scribeThirdPerson))
        }
        return turn
    }

    /// The answer to "Do you want to stop for now?" (or a break): yes stops (or pauses); no shows
    /// the question again (the reply was a request, never saved as an answer; typed again
    /// there, it is the answer). Anything else was said to the offer, not to the question under
    /// it (`otherReply`): nothing is saved (a tester's "3" here had become option 3 of the card,
    /// and "idk" an "I don't know" to the question).
    private mutating func answerOffer(_ offer: ConversationState.Offer, reply: String, with text: String, at now: Date) -> Turn {
        let intent = interpreter.interpret(text, at: .options(withGlyphs(yesNoOptions), several: false))
        switch intent {
        case .chosen([0]), .command(.yes):
            return command(offer == .stop ? .stop : .pause, typed: text, at: now)
        case .chosen([1]), .command(.no):
            declinedOffer = AnswerInterpreter.normalise(reply)
            return Turn(presentations: [.message([content.words.say(.gentle)]), prompt()])
        default:
            return otherReply(intent, asking: .offering(offer, reply: reply, then: phase), typed: text, at: now)
        }
    }

    /// The answer to "Do you want to change it to: …?": yes saves the option, with the words
    /// first typed; no keeps the answer given before and goes on; back shows the question
    /// again. Anything else is as at the stop offer (`otherReply`); nothing is saved.
    private mutating func answerClarifying(_ indices: [Int], typed: String, with text: String, at now: Date) -> Turn {
        let intent = interpreter.interpret(text, at: .options(withGlyphs(yesNoOptions), several: false))
        switch intent {
        case .chosen([0]), .command(.yes):
            return chose(indices, typed: typed, at: now, checkingEarlier: false)
        case .chosen([1]), .command(.no):
            return advance(after: nil, at: now)
        case .command(.back):
            return Turn(presentations: [prompt()])
        default:
            return otherReply(intent, asking: .clarifying(indices: indices, typed: typed), typed: text, at: now)
        }
    }

    /// A reply other than yes or no to a yes-no question about the pupil's own reply (the stop
    /// offer, "Do you want to change it to"), `asking` being that question: stop stops, break
    /// gives the break, help explains and asks again, an adult's command works as anywhere, and
    /// anything else asks again. It was said to that question, never to the one under it.
    private mutating func otherReply(_ intent: Intent, asking: ConversationState.Phase, typed text: String, at now: Date) -> Turn {
        switch intent {
        case .command(.stop), .command(.pause):
            return command(intent == .command(.stop) ? .stop : .pause, typed: text, at: now)
        case .command(.help):
            phase = asking
            return command(.help, typed: text, at: now)
        case .adult(let action):
            phase = asking
            return adult(action, at: now)
        default:
            phase = asking
            return Turn(presentations: [.message([content.words.say(.gentle)]), prompt()])
        }
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
        case .command(.next) where isReading && phase == .asking && declinedOffer != AnswerInterpreter.normalise(text):
            // Words on a screen only to read go on, unless they ask to stop or for a break
            // (a tester's "leave me alone" there just went on).
            if let offer = offer(in: text) {
                phase = .offering(offer, reply: text, then: phase)
                return Turn(presentations: [prompt()])
            }
            return command(.next, typed: text, at: now)
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
