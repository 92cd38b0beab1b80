import Foundation
import NextStepsRecords

/// Says what answers meant, in the content's words: for "last time you said …", for
/// `pupils show`, and for the pupil's own views.
public struct AnswerSummary: Sendable {
    /// The content the answers refer to.
    public let content: Content
    /// Every answer of the pupil, oldest first.
    public let history: [Answer]

    /// Makes a summary over a pupil's answers.
    public init(content: Content, history: [Answer]) { self.content = content; self.history = history }

    /// A "still right" answer stands for the answer it confirmed.
    public func substance(of answer: Answer) -> Answer {
        // A recall's "still right" confirms what it recalled, not an earlier answer to itself.
        guard answer.kind == .confirmed, content.topic(answer.topicId)?.step(answer.stepId)?.kind != .recall else { return answer }
        return history.last { $0.question == answer.question && $0.kind != .confirmed && AnswerChain.isAnswer($0) && $0.at <= answer.at }
            ?? answer
    }

    /// Whether an answer stands for the pupil's own words rather than an option they chose.
    public func isOwnWords(_ answer: Answer) -> Bool {
        let real = substance(of: answer)
        if real.kind == .words || real.kind == .note { return true }
        let target = content.topic(real.topicId)?.step(real.stepId)
        let isChoice = [.choice, .choices].contains(real.kind) || (real.kind == .confirmed && target?.kind != .recall)
        return isChoice && !real.optionIds.contains { id in target?.options.contains { $0.id == id } == true }
    }

    /// The sorting scale a topic uses.
    public func scale(ofTopic id: String) -> [ScalePoint] {
        guard let topic = content.topic(id), !topic.scale.isEmpty else { return content.words.scale }
        return topic.scale
    }

    /// What an answer said ("College, Work", "I don't know", or the own words in quotes; with
    /// `quoted` false, the own words exactly, for a document that says who is talking).
    public func words(for answer: Answer, quoted: Bool = true) -> String {
        let words = content.words
        func own(_ text: String) -> String { quoted ? "\u{201C}\(text)\u{201D}" : text }
        let real = substance(of: answer)
        let target = content.topic(real.topicId)?.step(real.stepId)
        switch real.kind {
        case .dontKnow: return words.say(.dontKnow)
        case .notNow: return words.say(.notNow)
        case .yes: return words.say(.yes)
        case .no: return words.say(.no)
        case .words, .note: return own(real.words)
        case .sorted:
            let points = scale(ofTopic: real.topicId)
            return real.optionIds.compactMap { id in points.first { $0.id == id }?.label }.joined(separator: ", ")
        case .confirmed where target?.kind == .recall:
            return words.say(.yes)
        case .choice, .choices, .confirmed:
            let labels = real.optionIds.compactMap { id in target?.options.first { $0.id == id }?.label }
            return labels.isEmpty ? own(real.words) : labels.joined(separator: ", ")
        }
    }

    /// What was typed for an answer that was read as an option, "I don't know" or "not now",
    /// exactly as typed, when it is other words than the meaning it was read as: "nah" for
    /// "I don't like this", "dunno" for "I don't know". Nil for the pupil's own words (those are
    /// the answer itself), for "is that still right?", for words that say the meaning itself
    /// and, unless `includingNumbers`, for option numbers. A document that says "I chose this"
    /// must show these words too: the pupil typed them, they did not pick from the list.
    public func typedWords(for answer: Answer, includingNumbers: Bool = false) -> String? {
        guard ![.words, .note, .confirmed].contains(answer.kind) else { return nil }
        let typed = answer.words
        guard !typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        let key = AnswerInterpreter.normalise(typed)
        if !includingNumbers, AnswerInterpreter.numbers(in: key) != nil { return nil }
        return key == AnswerInterpreter.normalise(words(for: answer, quoted: false)) ? nil : typed
    }

    /// How an answer was given, in words: "typed by the pupil" for words typed and read as an
    /// option (never "chosen from the options", which option numbers are), else its mode's words.
    public func howGiven(_ answer: Answer) -> String {
        answer.mode == .chosenFromOptions && typedWords(for: answer) != nil ? AnswerMode.typedByPupil.inWords : answer.mode.inWords
    }

    /// Sorted cards grouped on the scale, a line a point ("I like this: College, Work."), then
    /// every other answer given on a card, so that nothing the pupil said is left out:
    /// their own words about a card, "I don't know" and "Not now".
    public func sortGroups(_ answers: [Answer], topicId: String) -> [String] {
        let words = content.words
        func title(_ answer: Answer) -> String? { answer.cardId.map { content.cards[$0]?.title ?? $0 } }
        let real = answers.map { (answer: $0, substance: substance(of: $0)) }
        var lines: [String] = scale(ofTopic: topicId).compactMap { point in
            let titles = real.filter { $0.substance.kind == .sorted && $0.substance.optionIds == [point.id] }.compactMap { title($0.answer) }
            return titles.isEmpty ? nil : "\(point.label): \(titles.joined(separator: ", "))."
        }
        for item in real where item.substance.kind == .words {
            if let card = title(item.answer) { lines.append("\(card): \u{201C}\(item.substance.words)\u{201D}") }
        }
        for (kind, phrase) in [(AnswerKind.dontKnow, PhraseKey.dontKnow), (.notNow, .notNow)] {
            let titles = real.filter { $0.substance.kind == kind }.compactMap { title($0.answer) }
            if !titles.isEmpty { lines.append("\(words.say(phrase)): \(titles.joined(separator: ", ")).") }
        }
        return lines
    }

    /// The latest answer to each question, in the order the questions were first answered
    /// (the rule is `AnswerChain`'s).
    public func latest() -> [Answer] { AnswerChain.latestEach(in: history) }
}

/// The pupil's own views in the first person, one sentence a question, in content order:
/// the words of the spoken "My views" and, later, of the written exports.
public enum MyViews {
    /// The sentences, from the title to the end.
    public static func sentences(pupil: Pupil, answers: [Answer], content: Content) -> [String] {
        let summary = AnswerSummary(content: content, history: answers)
        let latest = summary.latest()
        let words = content.words
        var out = [words.say(.viewsTitle, [.name: pupil.knownAs])]
        for topic in content.topics {
            for step in topic.steps where step.kind != .info {
                let heading = (step.views ?? step.text).trimmingCharacters(in: CharacterSet(charactersIn: ".?! "))
                let mine = latest.filter { $0.topicId == topic.id && $0.stepId == step.id }
                if step.kind == .sort {
                    let parts = summary.sortGroups(mine, topicId: topic.id)
                    if !parts.isEmpty { out.append("\(heading). " + parts.joined(separator: " ")) }
                } else if let answer = mine.last {
                    out.append(sentence("\(heading): \(summary.words(for: answer))"))
                }
            }
        }
        out.append(words.say(.viewsEnd))
        return out
    }

    /// Ends with a full stop unless the pupil's own words already end a sentence.
    static func sentence(_ text: String) -> String {
        let ending = text.trimmingCharacters(in: CharacterSet(charactersIn: "\u{201D}\"")).last
        return ending.map { ".!?".contains($0) } == true ? text : text + "."
    }
}
