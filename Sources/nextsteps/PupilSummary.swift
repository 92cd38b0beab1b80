import Foundation
import NextStepsCore
import NextStepsRecords
import NextStepsReports

/// The lines of `pupils show`, in words for the adult: details, sittings, where each topic is,
/// and every answer under its question, with when, how and with whom it was given, and
/// whether a later answer replaced it. The pupil's own words are shown exactly as saved.
enum PupilSummary {
    static func lines(pupil: Pupil, adults: [Adult], sittings: [Sitting], answers: [Answer], progress: [TopicProgress],
                      content: Content) -> [String] {
        let adults = Dictionary(adults.compactMap { adult in adult.id.map { ($0, adult) } }, uniquingKeysWith: { first, _ in first })
        var out = ["\(pupil.name) (known as \(pupil.knownAs))"]
        if let year = pupil.yearGroup { out.append("Year group: \(year)") }
        if let dob = pupil.dateOfBirth { out.append("Date of birth: \(dob)") }
        if let address = pupil.address { out.append("Address: \(address)") }
        if let parents = pupil.parentContact { out.append("Parents or carers: \(parents)") }
        out.append("Sittings: \(sittings.count)")
        for sitting in sittings {
            out.append("  \(day(sitting.startedAt)), \(adult(sitting.adultId.flatMap { adults[$0] }))")
        }
        if !progress.isEmpty { out.append("Topics:") }
        for item in progress {
            out.append("  \(content.topic(item.topicId)?.title ?? item.topicId): \(place(item, pupil: pupil, answers: answers, content: content))")
        }
        out.append(counts(answers) + ".")
        out += answerLines(answers, adults: adults, content: content)
        let flags = WellbeingFlags.flags(in: answers, phrases: content.wellbeingPhrases, content: content)
        out += WellbeingFlags.lines(flags, heading: content.words.say(.flagsHeading), dates: true)
        return out
    }

    /// Topics whose answers are a pupil's reflection on an encounter: `pupils show` gives each
    /// answer's number, for `encounter link`.
    static let reflectionTopics: Set<String> = ["after-a-visit"]

    /// "8 answers in all, 2 of them replaced by a later answer, 1 adult note" (notes are not
    /// counted as answers).
    static func counts(_ answers: [Answer]) -> String {
        let notes = answers.filter { !AnswerChain.isAnswer($0) }.count
        let replaced = Set(answers.compactMap(\.supersedes)).count
        return "\(plural(answers.count - notes, "answer")) in all, \(replaced) of them replaced by a later answer, \(plural(notes, "adult note"))"
    }

    /// Where a topic is: "finished on 2 Dec 2026" or "stopped at step 3 of 5: <step text>",
    /// numbered as the pupil saw it (the talk's own count, which leaves out a look-back with
    /// nothing to look back on).
    static func place(_ item: TopicProgress, pupil: Pupil, answers: [Answer], content: Content) -> String {
        if item.finished { return "finished on \(day(item.updatedAt))" }
        guard let topic = content.topic(item.topicId), let stepId = item.stepId, let pupilId = pupil.id,
              let index = topic.steps.firstIndex(where: { $0.id == stepId }) else { return "begun" }
        let card = item.cardId.flatMap { content.cards[$0]?.title }.map { " (card \u{201C}\($0)\u{201D})" } ?? ""
        let talk = Conversation(topic: topic, content: content, pupilId: pupilId, sittingId: nil, adultId: nil,
                                history: answers, progress: item, now: item.updatedAt)
        return "stopped at step \(talk.questionNumber) of \(talk.questionCount)\(card): \(oneLine(topic.steps[index].text))"
    }

    /// Every answer and note under its topic and question, in the content's order.
    private static func answerLines(_ answers: [Answer], adults: [AdultID: Adult], content: Content) -> [String] {
        let summary = AnswerSummary(content: content, history: answers)
        let replacedOn = Dictionary(answers.compactMap { answer in answer.supersedes.map { ($0, answer.at) } },
                                    uniquingKeysWith: { first, _ in first })
        let topicOrder = content.topics.map(\.id)
        let topicIds = Set(answers.map(\.topicId)).sorted {
            (topicOrder.firstIndex(of: $0) ?? Int.max, $0) < (topicOrder.firstIndex(of: $1) ?? Int.max, $1)
        }
        var out: [String] = []
        for topicId in topicIds {
            let topic = content.topic(topicId)
            out.append(topic?.title ?? "Topic \(topicId) (no longer in the content)")
            var questions: [QuestionKey] = []
            for answer in answers where answer.topicId == topicId && !questions.contains(answer.question) {
                questions.append(answer.question)
            }
            let stepOrder = topic?.steps.map(\.id) ?? []
            questions.sort { (stepOrder.firstIndex(of: $0.stepId) ?? Int.max) < (stepOrder.firstIndex(of: $1.stepId) ?? Int.max) }
            for question in questions {
                out.append("  " + heading(question, content: content))
                for answer in answers where answer.question == question {
                    var line = "    \(said(answer, summary: summary)) \u{2014} \(summary.howGiven(answer)), \(day(answer.at)), "
                    line += adult(answer.adultId.flatMap { adults[$0] })
                    if let id = answer.id, let when = replacedOn[id] { line += "; replaced on \(day(when))" }
                    // The number an encounter is linked to this reflection by (`encounter link … --answer N`).
                    if reflectionTopics.contains(answer.topicId), AnswerChain.isAnswer(answer), let id = answer.id {
                        line += "; answer \(id)"
                    }
                    out.append(line)
                }
            }
        }
        return out
    }

    /// The question in words: the card's title for a sorted card, else the step's text.
    private static func heading(_ question: QuestionKey, content: Content) -> String {
        if let cardId = question.cardId {
            return content.cards[cardId].map { "Card: \($0.title)" } ?? "Card \(cardId) (no longer in the content)"
        }
        // A step that reads back the plan is named by its views heading: its text is filled per talk.
        return content.topic(question.topicId)?.step(question.stepId).map { oneLine($0.readsPlan ? $0.views ?? $0.text : $0.text) }
            ?? "Question \(question.stepId) (no longer in the content)"
    }

    /// What the answer said; when the pupil typed other words for a choice, those too, exactly.
    private static func said(_ answer: Answer, summary: AnswerSummary) -> String {
        let meaning = summary.words(for: answer)
        if answer.kind == .words || answer.kind == .note { return meaning }
        if answer.kind == .confirmed {
            // The words answered "is that still right?", not the question itself.
            let typed = answer.words, same = AnswerInterpreter.normalise(typed) == AnswerInterpreter.normalise(meaning)
            return "still right: " + meaning + (same || typed.isEmpty ? "" : " (typed \u{201C}\(typed)\u{201D})")
        }
        return meaning + (summary.typedWords(for: answer, includingNumbers: true).map { " (typed \u{201C}\($0)\u{201D})" } ?? "")
    }


    private static func adult(_ adult: Adult?) -> String {
        adult.map { "with \($0.nameAndRole)" } ?? "no adult named"
    }

    /// A date as "2 Dec 2026".
    static func day(_ date: Date) -> String { RecordDates.day(date) }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
