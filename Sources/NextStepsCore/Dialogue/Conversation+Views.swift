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
    func prompt() -> Presentation {
        let words = content.words
        guard phase != .finished, topic.steps.indices.contains(stepIndex) else {
            return .closing([words.say(.finished, ["topic": topic.title])])
        }
        var counter = words.say(.step, ["step": "\(stepIndex + 1)", "steps": "\(topic.steps.count)"])
        if step.kind == .sort {
            counter += " · " + words.say(.card, ["card": "\(cardIndex + 1)", "cards": "\(step.cards.count)"])
        }
        let cardView = currentCard.map { CardView(title: $0.title, symbol: symbol($0.symbol), sentences: $0.says) }
        let extras = words.say(.extraOptions)
        func view(_ text: String, _ options: [Choice], _ hint: String, extras: String? = extras) -> Presentation {
            let choices = options.enumerated().map { ChoiceLine(number: $0.offset + 1, label: $0.element.label, symbol: symbol($0.element.symbol)) }
            return .question(QuestionView(counter: counter, topicTitle: topic.title, card: cardView, symbol: symbol(step.symbol),
                                          text: text, choices: choices, hint: hint, extras: extras))
        }
        switch phase {
        case .confirming:
            let said = lastTime(questionKey).map(summary) ?? ""
            let text = [step.kind == .sort ? nil : step.text, words.say(.lastTime, ["answer": said]), words.say(.stillRight)]
                .compactMap { $0 }.joined(separator: " ")
            return view(text, yesNoOptions, words.say(.chooseOne))
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
            let hint = [words.say(.chooseOne), currentCard?.more.isEmpty == false ? words.say(.infoMore) : nil]
            return view(step.text, scale, hint.compactMap { $0 }.joined(separator: " "))
        case .words:
            return view(step.text, [], words.say(.ownWords))
        case .yesNo:
            return view(step.text, yesNoOptions, words.say(.chooseOne))
        case .recall:
            let said = recallSummary()
            let text = [step.text, said, words.say(.stillRight)].joined(separator: " ")
            return view(text, yesNoOptions, words.say(.chooseOne))
        }
    }

    /// What an earlier answer said, in words ("College, Work", "I don't know", or the own words).
    func summary(_ answer: Answer) -> String { AnswerSummary(content: content, history: history).words(for: answer) }

    /// A "still right" answer stands for the answer it confirmed.
    func substance(of answer: Answer) -> Answer { AnswerSummary(content: content, history: history).substance(of: answer) }

    /// The recalled step's answers in a sentence or two ("I like this: College, Work.").
    func recallSummary() -> String {
        let answers = recalledAnswers
        guard let reference = step.recall, let target = content.topic(reference.topic)?.step(reference.step) else { return "" }
        if target.kind != .sort {
            return answers.last.map { content.words.say(.lastTime, ["answer": summary($0)]) } ?? ""
        }
        let targetTopic = content.topic(reference.topic)
        let points = targetTopic.map { $0.scale.isEmpty ? content.words.scale : $0.scale } ?? content.words.scale
        var parts: [String] = []
        for point in points {
            let titles = answers.filter { substance(of: $0).optionIds == [point.id] }
                .compactMap { $0.cardId.flatMap { content.cards[$0]?.title } }
            if !titles.isEmpty { parts.append("\(point.label): \(titles.joined(separator: ", ")).") }
        }
        return parts.joined(separator: " ")
    }
}
