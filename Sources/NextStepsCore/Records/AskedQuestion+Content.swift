import Foundation
import NextStepsRecords

extension Content {
    /// The question at `key` as this content shows it: the step's words (after the card's
    /// title for a card) and the options offered. Nil when the content has no such question.
    /// Used when an answer is given, and to fill older answers saved before it was kept.
    /// `shown` is the topic as the talk shows it (its `{plan}` filled in), when it is that topic.
    public func asked(_ key: QuestionKey, shown: Topic? = nil) -> AskedQuestion? {
        let found = shown.flatMap { $0.id == key.topicId ? $0 : nil } ?? topic(key.topicId)
        guard let topic = found, let step = topic.step(key.stepId) else { return nil }
        let card = key.cardId.flatMap { cards[$0] }
        let text = card.map { "\($0.title): \(step.text)" } ?? step.text
        let options: [Choice]
        switch step.kind {
        case .chooseOne, .chooseSeveral: options = step.options
        case .sort: options = topic.scale.isEmpty ? words.scale : topic.scale
        case .yesNo, .recall:
            options = [Choice(id: "yes", label: words.say(.yes), symbol: "yes"), Choice(id: "no", label: words.say(.no), symbol: "no")]
        case .info, .words: options = []
        }
        return AskedQuestion(text: text, options: options.map { AskedOption(id: $0.id, label: $0.label) },
                             contentVersion: words.contentVersion)
    }
}
