import Foundation
import NextStepsCore

/// The lines of `pupils show`: details, sittings, where each topic is, and the latest answers.
enum PupilSummary {
    static func lines(pupil: Pupil, sittings: [Sitting], answers: [Answer], progress: [TopicProgress], content: Content) -> [String] {
        var out = ["\(pupil.name) (known as \(pupil.knownAs))"]
        if let year = pupil.yearGroup { out.append("Year group: \(year)") }
        if let dob = pupil.dateOfBirth { out.append("Date of birth: \(dob)") }
        out.append("Sittings: \(sittings.count)")
        for item in progress {
            let title = content.topic(item.topicId)?.title ?? item.topicId
            let place = item.finished ? "finished" : "stopped at \(item.stepId ?? "?")"
            out.append("Topic \(title): \(place)")
        }
        let summary = AnswerSummary(content: content, history: answers)
        out.append("Latest answers (\(answers.count) in all, none overwritten):")
        for answer in summary.latest() {
            let place = [answer.topicId, answer.stepId, answer.cardId].compactMap { $0 }.joined(separator: "/")
            let how = answer.mode.rawValue.replacingOccurrences(of: "-", with: " ")
            let typed = answer.kind == .words ? "" : " (typed \"\(answer.words)\")"
            out.append("  \(place): \(summary.words(for: answer))\(typed), \(how)")
        }
        let notes = answers.filter { $0.kind == .note }
        if !notes.isEmpty {
            out.append("Adult notes:")
            notes.forEach { note in
                out.append("  " + [note.topicId, note.stepId, note.cardId].compactMap { $0 }.joined(separator: "/") + ": \(note.words)")
            }
        }
        return out
    }
}
