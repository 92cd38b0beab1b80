import Foundation

extension Conversation {
    /// The card shown with the current step, if any.
    var currentCard: Card? {
        switch step.kind {
        case .sort: return step.cards[safe: cardIndex].flatMap { content.cards[$0] }
        case .info: return step.card.flatMap { content.cards[$0] }
        default: return nil
        }
    }

    /// The current question as every presenter shows it.
    /// - Parameter showingCard: false just after "more", when the card is still in view.
    func prompt(showingCard: Bool = true) -> Presentation {
        let words = content.words
        guard phase != .finished, topic.steps.indices.contains(stepIndex) else {
            return .closing([words.say(.finished, ["topic": topic.title])])
        }
        let counter = words.say(.step, ["step": "\(stepIndex + 1)", "steps": "\(topic.steps.count)"])
        let cardCounter = step.kind == .sort
            ? words.say(.card, ["card": "\(cardIndex + 1)", "cards": "\(step.cards.count)"]) : nil
        let cardView = showingCard ? currentCard.map { CardView(title: $0.title, symbol: symbol($0.symbol), sentences: $0.says) } : nil
        let extras = words.say(.extraOptions)
        func view(_ text: String, _ options: [Choice], _ hint: String, extras: String? = extras,
                  card: CardView? = cardView) -> Presentation {
            let choices = options.enumerated().map { ChoiceLine(number: $0.offset + 1, label: $0.element.label, symbol: symbol($0.element.symbol)) }
            return .question(QuestionView(counter: counter, cardCounter: cardCounter, topicTitle: topic.title, card: card,
                                          symbol: symbol(step.symbol), text: text, choices: choices, hint: hint, extras: extras))
        }
        switch phase {
        case .confirming:
            // The question stays in view above; the words ask only one thing.
            let previous = previousAnswer(questionKey)
            let said = previous.map(summary) ?? ""
            // "Last time" is for another day; an answer from earlier today is just "you said".
            let earlierToday = (previous?.at ?? .distantPast) >= runStartedAt
            let text = words.say(earlierToday ? .youSaid : .lastTime, ["answer": said]) + " " + words.say(.stillRight)
            let context = step.kind == .sort ? cardView : CardView(title: step.text, symbol: symbol(step.symbol), sentences: [])
            return view(text, yesNoOptions, words.say(.chooseOne), card: context)
        case .followUp:
            return view(words.say(.whatNow), [], words.say(.ownWords))
        default:
            break
        }
        switch step.kind {
        case .info:
            let hint = [words.say(.infoNext), currentCard?.more.isEmpty == false ? words.say(.infoMore) : nil]
            return view(step.text, [], hint.compactMap { $0 }.joined(separator: " "), extras: nil)
        case .chooseOne:
            return view(step.text, step.options, words.say(.chooseOne))
        case .chooseSeveral:
            return view(step.text, step.options, words.say(.chooseSeveral))
        case .sort:
            let hint = [saidBefore, words.say(.chooseOne), currentCard?.more.isEmpty == false ? words.say(.infoMore) : nil]
            return view(step.text, scale, hint.compactMap { $0 }.joined(separator: " "))
        case .words:
            return view(step.text, [], words.say(.ownWords))
        case .yesNo:
            return view(step.text, yesNoOptions, [saidBefore, words.say(.chooseOne)].compactMap { $0 }.joined(separator: " "))
        case .recall:
            if isEmptyRecall {
                return view(words.say(.nothingToRecall), [], words.say(.infoNext), extras: nil)
            }
            // What was said shows as a card, one line a group, so the question itself stays short.
            let said = CardView(title: step.text, symbol: symbol(step.symbol), sentences: recallSummary())
            return view(words.say(.stillRight), yesNoOptions, words.say(.chooseOne), card: said)
        }
    }

    /// "Last time you said: …" (or "You said: …" from earlier today), for a question asked again.
    var saidBefore: String? {
        guard let previous = previousAnswer(questionKey) else { return nil }
        let key: PhraseKey = previous.at >= runStartedAt ? .youSaid : .lastTime
        return content.words.say(key, ["answer": summary(previous)])
    }

    /// What an earlier answer said, in words ("College, Work", "I don't know", or the own words).
    func summary(_ answer: Answer) -> String { AnswerSummary(content: content, history: history).words(for: answer) }

    /// A "still right" answer stands for the answer it confirmed.
    func substance(of answer: Answer) -> Answer { AnswerSummary(content: content, history: history).substance(of: answer) }

    /// The recalled step's answers, a line each ("I like this: College, Work.").
    func recallSummary() -> [String] {
        let answers = recalledAnswers
        guard let reference = step.recall, let target = content.topic(reference.topic)?.step(reference.step) else { return [] }
        if target.kind != .sort {
            return answers.last.map { [content.words.say(.lastTime, ["answer": summary($0)])] } ?? []
        }
        return AnswerSummary(content: content, history: history).sortGroups(answers, topicId: reference.topic)
    }
}
