import Foundation
import NextStepsRecords

extension Conversation {
    /// What the interpreter should expect at this moment. Every question takes the pupil's
    /// own words as well as its options.
    var shape: PromptShape {
        switch phase {
        case .confirming, .offering, .clarifying: return .options(withGlyphs(yesNoOptions), several: false)
        case .followUp: return .words
        case .paused, .finished: return .reading
        case .asking: break
        }
        switch step.kind {
        case .info: return .reading
        case .words: return .words
        case .chooseOne: return .options(withGlyphs(step.options), several: false)
        case .chooseSeveral: return .options(withGlyphs(step.options), several: true)
        case .yesNo: return .options(withGlyphs(yesNoOptions), several: false)
        case .recall: return isEmptyRecall ? .reading : .options(withGlyphs(yesNoOptions), several: false)
        case .sort: return .options(withGlyphs(scale), several: false)
        }
    }

    /// Options that also answer to the glyph shown beside them (a pupil may type 👍).
    func withGlyphs(_ options: [Choice]) -> [Choice] {
        options.map { option in
            var copy = option
            if let glyph = symbol(option.symbol)?.glyph, !glyph.isEmpty { copy.also.append(glyph) }
            return copy
        }
    }

    /// A recall step with nothing to look back on: shown as something to read.
    var isEmptyRecall: Bool { step.kind == .recall && recalledAnswers.isEmpty }

    /// Whether the current step is only read, not answered.
    var isReading: Bool { step.kind == .info || isEmptyRecall }

    var yesNoOptions: [Choice] {
        let words = content.words
        return [Choice(id: "yes", label: words.say(.yes), symbol: "yes", also: words.commands[.yes] ?? []),
                Choice(id: "no", label: words.say(.no), symbol: "no", also: words.commands[.no] ?? [])]
    }

    var scale: [ScalePoint] { topic.scale.isEmpty ? content.words.scale : topic.scale }

    /// The question being answered now: the step, or the card of a sort step.
    var questionKey: QuestionKey {
        QuestionKey(topicId: topic.id, stepId: step.id, cardId: step.kind == .sort ? step.cards[safe: cardIndex] : nil)
    }

    /// How many options the pupil can see now.
    var optionCount: Int {
        if case .options(let options, _, _) = shape { return options.count }
        return 0
    }

    /// What works here, for a line that was not an option: never contradicts what was typed.
    func numbersHint(tooMany: Bool) -> String {
        let words = content.words
        let count: [Placeholder: String] = [.count: "\(optionCount)"]
        if optionCount == 0 { return words.say(isReading ? .infoNext : .ownWords) }
        return words.say(tooMany ? .oneNumber : .numbersHere, count)
    }

    mutating func command(_ command: Command, typed: String, at now: Date) -> Turn {
        let words = content.words
        switch command {
        case .help:
            let help: PhraseKey = shape == .reading ? .helpReading : (shape == .words ? .helpWords : .help)
            return Turn(presentations: [.message([words.say(help)]), prompt()])
        case .again:
            return Turn(presentations: [prompt()])
        case .pause:
            let before = phase
            phase = .paused(before)
            return Turn(presentations: [.pause([words.say(lastSaveFailed ? .pauseUnsaved : .pause), words.say(.pauseEnd)])])
        case .stop:
            return Turn(presentations: [.closing([stoppedWords])], ending: .stopped)
        case .back:
            return goBack(at: now)
        case .more:
            return more()
        case .next:
            // Past something to read, or past a question already answered (keeping that answer).
            if isReading || phase != .asking || previousAnswer(questionKey) != nil { return advance(after: nil, at: now) }
            return record(.notNow, options: [], words: typed, mode: typingMode, at: now)
        case .all:
            guard step.kind == .chooseSeveral, phase == .asking else { return ownWords(typed, at: now) }
            return chose(step.options.indices.filter { !step.options[$0].alone }, typed: typed, at: now)
        case .dontKnow where phase == .followUp, .skip where phase == .followUp:
            // Not knowing what changed leaves the pupil's "no" standing; it is not replaced.
            return advance(after: nil, at: now)
        case .dontKnow:
            return record(.dontKnow, options: [], words: typed, mode: typingMode, at: now)
        case .skip:
            // "Not now" to "is that still right?" leaves the answer as it was.
            if phase == .confirming { return advance(after: nil, at: now) }
            return record(.notNow, options: [], words: typed, mode: typingMode, at: now)
        case .yes, .no:
            return ownWords(typed, at: now)
        }
    }

    /// The next part of the card, one at a time; once all are shown, says there is no more.
    mutating func more() -> Turn {
        let words = content.words
        let shown = moreShown[questionKey, default: 0]
        guard let card = currentCard, let part = card.parts[safe: shown] else {
            return Turn(presentations: [.message([words.say(.noMore)])])
        }
        moreShown[questionKey] = shown + 1
        return Turn(presentations: [.more(CardView(title: part.title, symbol: symbol(card.symbol), sentences: part.says)),
                                    prompt(showingCard: false)])
    }

    /// `checkingEarlier`: false once the pupil has said that a yes or no meant this option.
    mutating func chose(_ indices: [Int], typed: String, at now: Date, checkingEarlier: Bool = true) -> Turn {
        let mode: AnswerMode = typingMode == .scribedByAdult ? .scribedByAdult : .chosenFromOptions
        if phase == .confirming {
            if indices == [0] {
                let earlier = previousAnswer(questionKey)
                return record(.confirmed, options: earlier?.optionIds ?? [], words: typed, mode: mode, at: now)
            }
            phase = .asking
            return Turn(presentations: [prompt()])
        }
        if checkingEarlier, AnswerInterpreter.numbers(in: AnswerInterpreter.normalise(typed)) == nil, let turn = keepOrChange(typed, at: now) {
            return turn
        }
        switch step.kind {
        case .chooseOne:
            return record(.choice, options: indices.map { step.options[$0].id }, words: typed, mode: mode, at: now)
        case .chooseSeveral:
            // "None of these" with some of these would record two opposite things: ask again.
            if indices.count > 1, let alone = indices.first(where: { step.options[$0].alone }) {
                return Turn(presentations: [.message([content.words.say(.aloneOption, [.option: step.options[alone].label])])])
            }
            return record(.choices, options: indices.map { step.options[$0].id }, words: typed, mode: mode, at: now)
        case .sort:
            return record(.sorted, options: [scale[indices[0]].id], words: typed, mode: mode, at: now)
        case .yesNo:
            return record(indices == [0] ? .yes : .no, options: [], words: typed, mode: mode, at: now)
        case .recall:
            if indices == [0] {
                return record(.confirmed, options: recalledAnswers.flatMap(\.optionIds), words: typed, mode: mode, at: now)
            }
            // "No, that is not still right" is an answer in itself: kept before asking what changed.
            let answer = makeAnswer(.no, options: [], words: typed, mode: mode, at: now)
            history.append(answer)
            phase = .followUp
            return Turn(answer: answer, progress: progress(at: now), presentations: [.reply(content.words.say(.saved)), prompt()])
        case .info, .words:
            return ownWords(typed, at: now)
        }
    }

    /// The pupil's own words, kept exactly as typed. At "is that still right?" they are the
    /// new answer: an option's words choose that option, anything else is kept as said.
    mutating func ownWords(_ text: String, at now: Date) -> Turn {
        // "can we stop", "I need a break": asked first; nothing is saved until the pupil says.
        // On a screen only to read too (a tester's "leave me alone" there just went on).
        if phase == .asking || phase == .followUp || phase == .confirming,
           declinedOffer != AnswerInterpreter.normalise(text), let offer = offer(in: text) {
            phase = .offering(offer, reply: text, then: phase)
            return Turn(presentations: [prompt()])
        }
        if isReading && phase == .asking { return advance(after: nil, at: now) }
        if phase == .confirming {
            phase = .asking
            if case .options(let options, let several, _) = shape,
               case .chosen(let indices) = interpreter.interpret(text, at: .options(options, several: several, ownWords: false)),
               AnswerInterpreter.numbers(in: AnswerInterpreter.normalise(text)) == nil {
                return chose(indices, typed: text, at: now)
            }
        }
        if let turn = keepOrChange(text, at: now) { return turn }
        return record(.words, options: [], words: text, mode: typingMode, at: now)
    }

    /// Back at a question answered before ("You said: I don't like this."), a bare "yes" or
    /// "no" may mean "still right" (or not) as well as an option ("I like this"): the opposite.
    /// When it is an option other than the answer given, the pupil is asked which they mean
    /// ("Do you want to change it to: I like this?"); when it is the same option, it is that
    /// answer either way. When it is no option, "yes" keeps the answer and "no" asks for the new
    /// one. (A yes-no question is the exception: there, yes and no are the answers themselves;
    /// so is a question whose no leads to a follow-up, such as My plan's.)
    mutating func keepOrChange(_ text: String, at now: Date) -> Turn? {
        guard phase == .asking, step.kind != .yesNo, step.kind != .recall, !decidesAFollowUp,
              let previous = previousAnswer(questionKey) else { return nil }
        let key = AnswerInterpreter.normalise(text)
        let isYes = content.words.commands[.yes, default: []].contains(key)
        guard isYes || content.words.commands[.no, default: []].contains(key) else { return nil }
        if case .options(let options, let several, _) = shape,
           case .chosen(let indices) = interpreter.interpret(text, at: .options(options, several: several, ownWords: false)) {
            if optionIds(for: indices) == previous.optionIds { return nil }
            phase = .clarifying(indices: indices, typed: text)
            return Turn(presentations: [prompt()])
        }
        return isYes ? advance(after: nil, at: now) : Turn(presentations: [.message([content.words.say(.newAnswer)]), prompt()])
    }

    /// What a short reply asks for (`Words.offer`), unless it holds words from the wellbeing
    /// list: "stop bullying me" is kept as an answer, so the adult sees it, never taken as a
    /// request to stop and let go unsaved (found by a tester).
    func offer(in text: String) -> ConversationState.Offer? {
        guard let offer = content.words.offer(in: text),
              ConcernMatcher(phrases: content.wellbeingPhrases).hits(in: text).isEmpty else { return nil }
        return offer
    }

    /// The ids an answer choosing `indices` here is saved with.
    func optionIds(for indices: [Int]) -> [String] {
        step.kind == .sort ? indices.map { scale[$0].id } : indices.map { step.options[$0].id }
    }

    /// The labels of `indices` here, as the pupil sees them.
    func optionLabels(for indices: [Int]) -> String {
        (step.kind == .sort ? indices.map { scale[$0].label } : indices.map { step.options[$0].label }).joined(separator: ", ")
    }

    mutating func adult(_ action: AdultAction, at now: Date) -> Turn {
        let words = content.words
        switch action {
        case .scribe:
            typingMode = .scribedByAdult
            // The adult is reminded that what they type is kept as the pupil's own words.
            var turn = Turn(progress: progress(at: now), presentations: [.message([words.say(.scribeOn)])])
            turn.notices = [words.say(.scribeExactly)]
            return turn
        case .pupilTypes:
            typingMode = .typedByPupil
            return Turn(progress: progress(at: now), presentations: [.message([words.say(.scribeOff)])])
        case .note(let note):
            // The adult's note is not an answer: the pupil's neutral reply is not used for it.
            let answer = makeAnswer(.note, options: [], words: note, mode: .adultNote, at: now)
            history.append(answer)
            return Turn(answer: answer, progress: progress(at: now), presentations: [.message([words.say(.noteSaved)]), prompt()])
        case .unknown:
            return Turn(presentations: [.message([words.say(.adultHelp)])])
        }
    }

    /// Records an answer to the current question and moves on.
    mutating func record(_ kind: AnswerKind, options: [String], words: String, mode: AnswerMode, at now: Date) -> Turn {
        if isReading && phase == .asking {
            return advance(after: nil, at: now)
        }
        let answer = makeAnswer(kind, options: options, words: words, mode: mode, at: now)
        history.append(answer)
        declinedOffer = nil
        return advance(after: answer, at: now)
    }

    func makeAnswer(_ kind: AnswerKind, options: [String], words: String, mode: AnswerMode, at now: Date) -> Answer {
        Answer(pupilId: pupilId, sittingId: sittingId, topicId: questionKey.topicId, stepId: questionKey.stepId,
               cardId: questionKey.cardId, kind: kind, optionIds: options, words: words, mode: mode,
               adultId: adultId, at: now).asking(content.asked(questionKey, shown: topic))
    }

    /// The latest answer to `key` (last time, or earlier today before going back), if it is
    /// worth asking "is that still right?" about.
    func previousAnswer(_ key: QuestionKey) -> Answer? {
        guard let answer = AnswerChain.latest(to: key, in: history) else { return nil }
        return answer.kind == .notNow ? nil : answer
    }

    /// The latest answers to the step a recall step looks back on (one a card for a sort step);
    /// nothing when all of them were "not now".
    var recalledAnswers: [Answer] { recalled(for: step) }

    /// The latest answers to the step that `step` looks back on; nothing when all were "not now".
    func recalled(for step: Step) -> [Answer] {
        guard let reference = step.recall else { return [] }
        let answers = AnswerSummary(content: content, history: history).latest()
            .filter { $0.topicId == reference.topic && $0.stepId == reference.step }
        return answers.allSatisfy { $0.kind == .notNow } ? [] : answers
    }

    /// Whether the pupil meets this step: a recall of another topic with nothing to look back
    /// on is left out, so a first-time pupil is never shown an empty "last time". (Another
    /// topic's answers do not change during this one, so the count of steps stays put.)
    func isShown(_ step: Step) -> Bool {
        // Asked only just after a no to an earlier step, this time through the topic.
        if let earlier = step.ifNo {
            guard let answer = AnswerChain.latest(to: QuestionKey(topicId: topic.id, stepId: earlier, cardId: nil), in: history),
                  answer.at >= runStartedAt else { return false }
            return content.words.isNo(answer)
        }
        guard step.kind == .recall, let reference = step.recall, reference.topic != topic.id else { return true }
        return !recalled(for: step).isEmpty
    }
}
