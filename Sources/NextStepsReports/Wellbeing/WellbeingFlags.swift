import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// One of the pupil's answers that holds words from the school's wellbeing list, for an adult
/// to follow up quietly. The pupil's words are exactly as saved.
public struct WellbeingFlag: Sendable, Equatable {
    /// The answer, as stored.
    public var answer: Answer
    /// The topic's title (or its id when the content no longer has it).
    public var topic: String
    /// The question as the pupil saw it when they answered (or as the content has it now).
    public var question: String
    /// The phrases of the list found in the answer, in the order they occur.
    public var phrases: [String]
    /// Whether the pupil changed this answer later (it is listed all the same: what a pupil
    /// said once may still need a follow-up).
    public var changedLater = false
}

/// Finds flagged answers in stored answers. Nothing is stored: the flags are worked out again
/// from the answers and the current list each time they are shown.
///
/// - Every answer the pupil gave is looked at, a replaced one too (marked as changed later):
///   words that may be a concern are not hidden from the adult because the pupil moved on.
/// - Adult notes are left out: they are the adult's words, not the pupil's. Words the adult
///   typed for the pupil (scribed) are the pupil's words and are looked at.
public enum WellbeingFlags {
    /// The flagged answers in `answers` (one pupil's, oldest first), in the order they were
    /// given; only those of `sitting` when it is given.
    public static func flags(in answers: [Answer], phrases: [String], content: Content, sitting: SittingID? = nil) -> [WellbeingFlag] {
        let matcher = ConcernMatcher(phrases: phrases)
        let replaced = Set(answers.compactMap(\.supersedes))
        return answers.filter(AnswerChain.isAnswer)
            .filter { sitting == nil || $0.sittingId == sitting }
            .sorted { $0.at < $1.at }
            .compactMap { answer in
                let hits = matcher.hits(in: answer.words)
                guard !hits.isEmpty else { return nil }
                var seen: [String] = []
                for hit in hits where !seen.contains(hit.phrase) { seen.append(hit.phrase) }
                return WellbeingFlag(answer: answer, topic: topicTitle(answer, content: content),
                                     question: question(answer, content: content), phrases: seen,
                                     changedLater: answer.id.map(replaced.contains) ?? false)
            }
    }

    /// The lines an adult reads: the heading, then for each flag the topic, the question and the
    /// pupil's exact words (control characters shown as U+FFFD so they cannot act on the terminal).
    /// No lines when nothing is flagged.
    public static func lines(_ flags: [WellbeingFlag], heading: String, dates: Bool = false) -> [String] {
        guard !flags.isEmpty else { return [] }
        var out = [heading]
        for flag in flags {
            let when = (dates ? " (\(RecordDates.day(flag.answer.at)))" : "") + (flag.changedLater ? " (changed later)" : "")
            out.append("  \(visible(flag.topic)): \(visible(flag.question))\(when)")
            out.append("    \u{201C}\(visible(flag.answer.words))\u{201D}  [\(flag.phrases.map(visible).joined(separator: ", "))]")
        }
        return out
    }

    private static func topicTitle(_ answer: Answer, content: Content) -> String {
        content.topic(answer.topicId)?.title ?? answer.topicId
    }

    private static func question(_ answer: Answer, content: Content) -> String {
        let text = answer.asked?.text
            ?? answer.cardId.flatMap { content.cards[$0]?.title }
            ?? content.topic(answer.topicId)?.step(answer.stepId)?.text
            ?? answer.stepId
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The text with every control character (C0, DEL, C1) shown as U+FFFD.
    public static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
        }))
    }
}
