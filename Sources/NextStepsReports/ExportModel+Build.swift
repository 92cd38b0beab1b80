import Foundation
import NextStepsCore
import NextStepsRecords

extension ExportModel {
    /// The model of one pupil's record, in the content's words and order.
    public static func build(record: RecordExport, content: Content, now: Date) -> ExportModel {
        let summary = AnswerSummary(content: content, history: record.answers)
        let latest = Ordering(content: content).sorted(summary.latest())
        let builder = ItemBuilder(content: content, summary: summary, record: record)
        let items = latest.map { (answer: $0, item: builder.item($0)) }
        let topicIds = items.map(\.answer.topicId).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let topics = topicIds.map { id -> TopicItem in
            let mine = items.filter { $0.answer.topicId == id }
            let groups = builder.sortGroups(mine.map(\.answer), topicId: id)
            return TopicItem(title: content.topic(id)?.title ?? id, id: id, answers: mine.map(\.item),
                             sorted: groups, hasSorted: !groups.isEmpty)
        }
        let areas = AdulthoodArea.allCases.map { area -> AreaItem in
            let mine = items.filter { content.topic($0.answer.topicId)?.step($0.answer.stepId)?.area == area }.map(\.item)
            return AreaItem(area: area.title, id: area.rawValue, answers: mine, hasAnswers: !mine.isEmpty)
        }
        let notes = record.answers.filter { !AnswerChain.isAnswer($0) }.map(builder.note)
        let replacedOn = Dictionary(record.answers.compactMap { answer in answer.supersedes.map { ($0, answer.at) } },
                                    uniquingKeysWith: { first, _ in first })
        let history = record.answers.map { answer in
            HistoryItem(id: answer.id?.description ?? "", item: builder.item(answer),
                        replaced: answer.id.flatMap { replacedOn[$0] } != nil,
                        replacedOn: answer.id.flatMap { replacedOn[$0] }.map(RecordDates.day) ?? "", isNote: !AnswerChain.isAnswer(answer))
        }
        let pupil = PupilFields(name: record.pupil.name, knownAs: record.pupil.knownAs,
                                yearGroup: record.pupil.yearGroup.map(String.init) ?? "", dateOfBirth: record.pupil.dateOfBirth ?? "",
                                hasYearGroup: record.pupil.yearGroup != nil, hasDateOfBirth: record.pupil.dateOfBirth != nil)
        return ExportModel(pupil: pupil, exportedOn: RecordDates.day(now), answers: items.map(\.item), topics: topics,
                           sortedCards: topics.flatMap(\.sorted),
                           preparingForAdulthood: areas, notes: notes, history: history, hasAnswers: !items.isEmpty, hasNotes: !notes.isEmpty)
    }
}

/// Topic, step and card order from the content; questions no longer in it come last.
struct Ordering {
    let content: Content

    func sorted(_ answers: [Answer]) -> [Answer] {
        answers.enumerated().sorted { a, b in key(a.element, a.offset).lexicographicallyPrecedes(key(b.element, b.offset)) }
            .map(\.element)
    }

    private func key(_ answer: Answer, _ offset: Int) -> [Int] {
        let topic = content.topics.firstIndex { $0.id == answer.topicId } ?? content.topics.count
        let steps = content.topic(answer.topicId)?.steps ?? []
        let step = steps.firstIndex { $0.id == answer.stepId } ?? steps.count
        let card = answer.cardId.flatMap { id in steps[safe: step]?.cards.firstIndex(of: id) } ?? 0
        return [topic, step, card, offset]
    }
}

/// Makes the model's items from answers.
struct ItemBuilder {
    let content: Content
    let summary: AnswerSummary
    let record: RecordExport

    func item(_ answer: Answer) -> ExportModel.AnswerItem {
        let topic = content.topic(answer.topicId)
        let step = topic?.step(answer.stepId)
        let card = answer.cardId.flatMap { content.cards[$0] }
        let stepText = step?.text ?? "A question that is no longer in the content (\(answer.stepId))"
        // The question exactly as the pupil saw it, when it was kept; else as the content has it now.
        let question = answer.asked?.text ?? card.map { "\($0.title): \(stepText)" } ?? stepText
        let heading = (step?.views ?? stepText) + (card.map { ": \($0.title)" } ?? "")
        let own = summary.isOwnWords(answer)
        let said = [.dontKnow, .notNow].contains(summary.substance(of: answer).kind)
        let typed = summary.typedWords(for: answer)
        var who: String, mine: String
        switch (own, answer.mode) {
        case (_, .adultNote): (who, mine) = ("an adult's note", "An adult wrote this.")
        case (false, .scribedByAdult) where said: (who, mine) = ("the pupil's answer, typed by the adult", "I said this. An adult typed it.")
        case (false, _) where said: (who, mine) = ("the pupil's answer", "I said this.")
        case (true, .scribedByAdult) where ThirdPerson.looksThirdPerson(answer.words):
            // "She said music": the adult's words about the pupil, never "I said this" on the pupil's page.
            (who, mine) = ("the adult's words about what the pupil said, typed by the adult", "An adult wrote this about what I said.")
        case (true, .scribedByAdult): (who, mine) = ("the pupil's words, typed by the adult", "I said this. An adult typed it.")
        case (true, _): (who, mine) = ("the pupil's own words", "My own words.")
        case (false, .scribedByAdult): (who, mine) = ("the pupil's choice, typed by the adult", "I chose this. An adult typed it.")
        case (false, _): (who, mine) = ("the pupil's choice", "I chose this.")
        }
        // Words typed and read as this answer are shown with it: "nah" is never "I chose this".
        let how = summary.howGiven(answer)
        if let typed, answer.mode != .adultNote {
            let quoted = "\u{201C}\(typed)\u{201D}"
            if answer.mode == .scribedByAdult {
                (who, mine) = ("the pupil's words \(quoted), typed by the adult and read as this answer", "I said \(quoted). An adult typed it.")
            } else {
                (who, mine) = ("the pupil's words \(quoted), read as this answer", "I typed \(quoted).")
            }
        }
        return ExportModel.AnswerItem(
            topic: topic?.title ?? answer.topicId, question: question, heading: heading,
            answer: summary.words(for: answer, quoted: false), how: how, who: who, whoMine: mine, isOwnWords: own,
            typed: typed ?? "", hasTyped: typed != nil,
            supporter: supporter(of: answer), role: role(of: answer), hasSupporter: !supporter(of: answer).isEmpty,
            hasRole: !role(of: answer).isEmpty, date: RecordDates.day(answer.at),
            symbol: symbol(answer, step: step, card: card), topicId: answer.topicId, stepId: answer.stepId,
            cardId: answer.cardId ?? "")
    }

    func note(_ answer: Answer) -> ExportModel.NoteItem {
        let step = content.topic(answer.topicId)?.step(answer.stepId)
        return ExportModel.NoteItem(topic: content.topic(answer.topicId)?.title ?? answer.topicId,
                                    question: step?.text ?? answer.stepId, note: answer.words, supporter: supporter(of: answer),
                                    role: role(of: answer), hasSupporter: !supporter(of: answer).isEmpty,
                                    hasRole: !role(of: answer).isEmpty, date: RecordDates.day(answer.at))
    }

    func sortGroups(_ answers: [Answer], topicId: String) -> [ExportModel.SortGroup] {
        let sorted = answers.filter { $0.cardId != nil && summary.substance(of: $0).kind == .sorted }
        var groups: [ExportModel.SortGroup] = []
        for stepId in sorted.map(\.stepId).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            let step = content.topic(topicId)?.step(stepId)
            for point in summary.scale(ofTopic: topicId) {
                let cards = sorted.filter { $0.stepId == stepId && summary.substance(of: $0).optionIds == [point.id] }
                    .compactMap { $0.cardId.map { content.cards[$0]?.title ?? $0 } }
                guard !cards.isEmpty else { continue }
                groups.append(ExportModel.SortGroup(question: step?.views ?? step?.text ?? stepId, label: point.label,
                                                    cards: cards, list: cards.joined(separator: ", ")))
            }
        }
        return groups
    }

    /// The adult's name, or nothing when no adult was named.
    private func supporter(of answer: Answer) -> String { record.adult(answer.adultId)?.name ?? "" }

    /// The adult's role, or nothing when no adult was named or their role was not recorded.
    private func role(of answer: Answer) -> String { record.adult(answer.adultId)?.role?.inWords ?? "" }

    private func symbol(_ answer: Answer, step: Step?, card: Card?) -> String {
        let real = summary.substance(of: answer)
        if let card { return card.symbol }
        if let first = real.optionIds.first, let option = step?.options.first(where: { $0.id == first }) { return option.symbol }
        return step?.symbol ?? ""
    }
}
