import Foundation

extension Conversation {
    /// What the interpreter should expect at this moment.
    var shape: PromptShape {
        switch phase {
        case .confirming: return .options(yesNoOptions, several: false)
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
            guard let card = currentCard, !card.more.isEmpty else {
                return Turn(presentations: [.message([words.say(.noMore)])])
            }
            return Turn(presentations: [.more(CardView(title: card.title, symbol: symbol(card.symbol), sentences: card.more)),
                                        prompt(showingCard: false)])
        case .next:
            // Past something to read, or past a question already answered (keeping that answer).
            if isReading || phase != .asking || previousAnswer(questionKey) != nil { return advance(after: nil, at: now) }
            return record(.notNow, options: [], words: typed, mode: typingMode, at: now)
        case .all:
            guard step.kind == .chooseSeveral, phase == .asking else {
                return Turn(presentations: [.message([words.say(.unclear)])])
            }
            return chose(Array(step.options.indices), typed: typed, at: now)
        case .dontKnow:
            return record(.dontKnow, options: [], words: typed, mode: typingMode, at: now)
        case .skip:
            // "Not now" to "is that still right?" leaves the answer as it was.
            if phase == .confirming { return advance(after: nil, at: now) }
            return record(.notNow, options: [], words: typed, mode: typingMode, at: now)
        case .yes, .no:
            return Turn(presentations: [.message([words.say(.unclear)])])
        }
    }

    mutating func chose(_ indices: [Int], typed: String, at now: Date) -> Turn {
        let mode: AnswerMode = typingMode == .scribedByAdult ? .scribedByAdult : .chosenFromOptions
        switch phase {
        case .confirming:
            if indices == [0] {
                let earlier = previousAnswer(questionKey)
                return record(.confirmed, options: earlier?.optionIds ?? [], words: typed, mode: mode, at: now)
            }
            phase = .asking
            return Turn(presentations: [prompt()])
        default:
            break
        }
        switch step.kind {
        case .chooseOne:
            return record(.choice, options: indices.map { step.options[$0].id }, words: typed, mode: mode, at: now)
        case .chooseSeveral:
            return record(.choices, options: indices.map { step.options[$0].id }, words: typed, mode: mode, at: now)
        case .sort:
            return record(.sorted, options: [scale[indices[0]].id], words: typed, mode: mode, at: now)
        case .yesNo:
            return record(indices == [0] ? .yes : .no, options: [], words: typed, mode: mode, at: now)
        case .recall:
            if indices == [0] {
                return record(.confirmed, options: recalledAnswers.flatMap(\.optionIds), words: typed, mode: mode, at: now)
            }
            phase = .followUp
            return Turn(presentations: [prompt()])
        case .info, .words:
            return Turn(presentations: [.message([content.words.say(.unclear)])])
        }
    }

    mutating func ownWords(_ text: String, at now: Date) -> Turn {
        record(.words, options: [], words: text, mode: typingMode, at: now)
    }

    /// A pupil's own sentence at a question with options is kept as their own words, not refused.
    /// A single unknown word is more likely a slip, so it is asked about instead.
    mutating func keepUnmatchedWords(_ text: String, at now: Date) -> Turn? {
        let choosing = phase == .asking && [.chooseOne, .chooseSeveral, .sort, .yesNo].contains(step.kind)
        guard choosing || phase == .confirming else { return nil }
        let words = text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }
        guard words.count >= 2 else { return nil }
        return ownWords(text, at: now)
    }

    mutating func adult(_ action: AdultAction, at now: Date) -> Turn {
        switch action {
        case .scribe:
            typingMode = .scribedByAdult
            return Turn(progress: progress(at: now), presentations: [.message([content.words.say(.scribeOn)])])
        case .pupilTypes:
            typingMode = .typedByPupil
            return Turn(progress: progress(at: now), presentations: [.message([content.words.say(.scribeOff)])])
        case .note(let note):
            let answer = makeAnswer(.note, options: [], words: note, mode: .adultNote, at: now)
            history.append(answer)
            return Turn(answer: answer, progress: progress(at: now), presentations: [.reply(content.words.say(.saved))])
        case .unknown:
            return Turn(presentations: [.message(["Adult commands: /scribe, /pupil, /note followed by the note."])])
        }
    }

    /// Records an answer to the current question and moves on.
    mutating func record(_ kind: AnswerKind, options: [String], words: String, mode: AnswerMode, at now: Date) -> Turn {
        if isReading && phase == .asking {
            return advance(after: nil, at: now)
        }
        let answer = makeAnswer(kind, options: options, words: words, mode: mode, at: now)
        history.append(answer)
        return advance(after: answer, at: now)
    }

    func makeAnswer(_ kind: AnswerKind, options: [String], words: String, mode: AnswerMode, at now: Date) -> Answer {
        Answer(pupilId: pupilId, sittingId: sittingId, topicId: questionKey.topicId, stepId: questionKey.stepId,
               cardId: questionKey.cardId, kind: kind, optionIds: options, words: words, mode: mode,
               supporter: supporter, at: now)
    }

    /// The latest answer to `key` (last time, or earlier today before going back), if it is
    /// worth asking "is that still right?" about.
    func previousAnswer(_ key: QuestionKey) -> Answer? {
        guard let answer = history.last(where: { $0.question == key && $0.kind != .note }) else { return nil }
        return answer.kind == .notNow ? nil : answer
    }

    /// The latest answers to the step a recall step looks back on (one a card for a sort step).
    var recalledAnswers: [Answer] {
        guard let reference = step.recall else { return [] }
        return AnswerSummary(content: content, history: history).latest()
            .filter { $0.topicId == reference.topic && $0.stepId == reference.step }
    }
}
