import Foundation
import NextStepsRecords

extension Conversation {
    /// The card shown with the current step, if any.
    var currentCard: Card? {
        switch step.kind {
        case .sort: return step.cards[safe: cardIndex].flatMap { content.cards[$0] }
        case .info: return step.card.flatMap { content.cards[$0] }
        default: return nil
        }
    }

    /// How many questions the topic asks: every step but those only to read (a sort step
    /// is one question, with its cards counted inside it).
    public var questionCount: Int { questions.count }

    /// The steps the pupil will be asked, in order.
    var questions: [Step] { topic.steps.filter(isCounted) }

    /// Whether a step is counted as a step the pupil is asked: not something to read, not left
    /// out, and not a follow-up after a no (`ifNo`), which keeps the number of the step it follows.
    func isCounted(_ step: Step) -> Bool { step.kind != .info && step.ifNo == nil && isShown(step) }

    /// The number of the current question, or of the next one while something is read: the
    /// "Step N" the pupil sees, and the one `pupils show` gives the adult.
    public var questionNumber: Int {
        let upTo = topic.steps.prefix(min(stepIndex + 1, topic.steps.count)).filter(isCounted).count
        return step.kind == .info ? min(upTo + 1, questionCount) : upTo
    }

    /// "There are 3 steps. Step 1 has 8 cards." — what the pupil will meet, said with the plan.
    var sizeOfTopic: String {
        let words = content.words
        var text = questionCount == 1 ? words.say(.topicSizeOne) : words.say(.topicSize, [.steps: "\(questionCount)"])
        for (index, step) in questions.enumerated() where step.kind == .sort {
            text += " " + words.say(.topicSizeCards, [.step: "\(index + 1)", .cards: "\(step.cards.count)"])
        }
        return text
    }

    /// The current question as every presenter shows it.
    /// - Parameter showingCard: false just after "more", when the card is still in view.
    func prompt(showingCard: Bool = true) -> Presentation {
        let words = content.words
        guard phase != .finished, topic.steps.indices.contains(stepIndex) else {
            return .closing([words.say(.finished, [.topic: topic.title])])
        }
        // Something only to read is not a step the pupil is asked: it has no number.
        let counter = step.kind == .info ? "" : words.say(.step, [.step: "\(questionNumber)", .steps: "\(questionCount)"])
        let cardCounter = step.kind == .sort
            ? words.say(.card, [.card: "\(cardIndex + 1)", .cards: "\(step.cards.count)"]) : nil
        let cardView = showingCard ? currentCard.map { CardView(title: $0.title, symbol: symbol($0.symbol), sentences: $0.says) } : nil
        let moreHint = (currentCard?.parts.count ?? 0) > moreShown[questionKey, default: 0] ? words.say(.infoMore) : nil
        let extras = words.say(.extraOptions)
        func view(_ text: String, _ options: [Choice], _ hint: [String?], extras: String? = extras,
                  card: CardView? = cardView) -> Presentation {
            let choices = options.enumerated().map { ChoiceLine(number: $0.offset + 1, label: $0.element.label, symbol: symbol($0.element.symbol)) }
            return .question(QuestionView(counter: counter, cardCounter: cardCounter, topicTitle: topic.title, card: card,
                                          symbol: symbol(step.symbol), text: text, choices: choices,
                                          hint: hint.compactMap { $0 }.joined(separator: " "), extras: extras))
        }
        switch phase {
        case .confirming:
            // The question stays in view above; the words ask only one thing.
            let said = previousAnswer(questionKey).map(summary) ?? ""
            let text = words.say(.lastTime, [.answer: said]) + " " + words.say(.stillRight)
            let context = CardView(title: step.text, symbol: symbol(step.symbol), sentences: [])
            return view(text, yesNoOptions, [words.say(.chooseOne), words.say(.orNewAnswer)], card: context)
        case .followUp:
            return view(words.say(.whatNow), [], [words.say(.ownWords)])
        case .clarifying(let indices, _):
            // Both answers in words, and only yes or no to choose: nothing else on screen to answer.
            let said = previousAnswer(questionKey).map(summary) ?? ""
            return view(words.say(.changeTo, [.answer: said, .option: optionLabels(for: indices)]), yesNoOptions,
                        [words.say(.chooseOne)], extras: nil, card: nil)
        case .offering(let offer, _, _):
            // Only the offer, not the card's question too: a "1" must not look like an answer to both.
            return view(words.say(offer == .stop ? .offerStop : .offerBreak), yesNoOptions, [words.say(.chooseOne)], extras: nil, card: nil)
        default:
            break
        }
        switch step.kind {
        case .info:
            return view(step.text, [], [words.say(.infoNext), moreHint], extras: nil)
        case .chooseOne:
            return view(step.text, step.options, [saidBefore, words.say(.chooseOne), keepHint])
        case .chooseSeveral:
            return view(step.text, step.options, [saidBefore, words.say(.chooseSeveral), keepHint])
        case .sort:
            return view(step.text, scale, [saidBefore, words.say(.chooseOne), keepHint, moreHint])
        case .words:
            // A question about earlier answers shows them first ("what do you like about these?").
            let shown = step.recall == nil ? nil : CardView(title: recalledHeading, symbol: symbol(step.symbol), sentences: recallSummary())
            return view(step.text, [], [saidBefore, words.say(.ownWords), keepHint],
                        card: shown.flatMap { $0.sentences.isEmpty ? nil : $0 })
        case .yesNo:
            return view(step.text, yesNoOptions, [saidBefore, words.say(.chooseOne), keepHint])
        case .recall:
            if isEmptyRecall {
                return view(words.say(.nothingToRecall), [], [words.say(.infoNext)], extras: nil)
            }
            // What was said shows as a card, one line a group, so the question itself stays short.
            let said = CardView(title: step.text, symbol: symbol(step.symbol), sentences: recallSummary())
            return view(words.say(.stillRight), yesNoOptions, [words.say(.chooseOne), words.say(.orNewAnswer)], card: said)
        }
    }

    /// "You said: …" for a question asked again (after `back`), or "Last time you said: …"
    /// for one answered on an earlier time through the topic.
    var saidBefore: String? {
        guard let previous = previousAnswer(questionKey) else { return nil }
        let key: PhraseKey = previous.at >= runStartedAt ? .youSaid : .lastTime
        return content.words.say(key, [.answer: summary(previous)])
    }

    /// "You could type next to keep it.", when there is an answer to keep.
    var keepHint: String? { previousAnswer(questionKey) == nil ? nil : content.words.say(.keepIt) }

    /// The heading of the answers a step shows: the recalled step's heading in the views.
    var recalledHeading: String {
        guard let reference = step.recall, let target = content.topic(reference.topic)?.step(reference.step) else { return "" }
        return target.views ?? target.text
    }

    /// What an earlier answer said, in words ("College, Work", "I don't know", or the own words).
    func summary(_ answer: Answer) -> String { AnswerSummary(content: content, history: history).words(for: answer) }

    /// The recalled step's answers, a line each ("I like this: College, Work.").
    func recallSummary() -> [String] {
        let answers = recalledAnswers
        guard let reference = step.recall, let target = content.topic(reference.topic)?.step(reference.step) else { return [] }
        if target.kind != .sort {
            return answers.last.map { [content.words.say(.lastTime, [.answer: summary($0)])] } ?? []
        }
        return AnswerSummary(content: content, history: history).sortGroups(answers, topicId: reference.topic)
    }
}
