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
        var latest: [QuestionKey: Answer] = [:]
        var order: [QuestionKey] = []
        for answer in answers where answer.kind != .note {
            if latest[answer.question] == nil { order.append(answer.question) }
            latest[answer.question] = answer
        }
        out.append("Latest answers (\(answers.count) in all, none overwritten):")
        for key in order {
            guard let answer = latest[key] else { continue }
            let place = [key.topicId, key.stepId, key.cardId].compactMap { $0 }.joined(separator: "/")
            let chosen = answer.optionIds.isEmpty ? "" : " [\(answer.optionIds.joined(separator: ", "))]"
            out.append("  \(place): \(answer.kind.rawValue)\(chosen) \"\(answer.words)\" (\(answer.mode.rawValue))")
        }
        let notes = answers.filter { $0.kind == .note }
        if !notes.isEmpty {
            out.append("Adult notes:")
            notes.forEach { out.append("  \($0.topicId)/\($0.stepId): \($0.words)") }
        }
        return out
    }
}
