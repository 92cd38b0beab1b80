import Foundation
import NextStepsCareers
import NextStepsCore
import NextStepsRecords

/// The adults' side of a pupil's record in lines for the adult (`plan list`, `pupils show`):
/// the current plan entries by kind, each with its number, who made it and when, then the
/// encounters, destinations and sharing choice. Words are shown exactly as recorded.
enum CareersLines {
    /// The lines for the one pupil in `records`; empty when nothing is recorded. Throws when
    /// a stored correction points somewhere it cannot.
    /// `reflections` holds, by answer id, the pupil's words of the answers an encounter may be
    /// linked to; a linked encounter shows them beside it, exactly.
    static func lines(_ records: CareersRecords, today: Day, reflections: [AnswerID: String] = [:]) throws -> [String] {
        let adults = Dictionary(records.adults.map { ($0.key, $0.nameAndRole) }, uniquingKeysWith: { first, _ in first })
        func by<B>(_ entry: Recorded<B>) -> String {
            " (\(entry.id.map { "#\($0)" } ?? ""), \(adults[entry.adult] ?? "adult \(entry.adult)"), \(Day(entry.at).long))"
        }
        var out: [String] = []
        let plan = try LatestEntries.current(records.plan)
        let sections: [(String, (PlanItem) -> String?)] = [
            ("Advice", { if case .advice(let words) = $0 { words } else { nil } }),
            ("Decisions", { if case .decision(let words) = $0 { words } else { nil } }),
            ("Actions", { item in item.action.map { action in
                "\(action.what) \u{2014} \(action.who), by \(action.by.long): \(status(action, today: today))" } }),
            ("Parents' and carers' views", { if case .parentView(let words, let saidBy) = $0 { "\(saidBy): \(words)" } else { nil } }),
            ("Differences of opinion", { if case .difference(let words) = $0 { words } else { nil } }),
            ("Services", { if case .service(let name, let contact) = $0 { contact.isEmpty ? name : "\(name) (\(contact))" } else { nil } }),
            ("Options", { if case .option(let stage, let words) = $0 { "\(stage.rawValue): \(words)" } else { nil } }),
        ]
        for (title, text) in sections {
            let found = plan.compactMap { entry in text(entry.body).map { "  \($0)\(by(entry))" } }
            if !found.isEmpty { out.append(title + ":"); out += found }
        }
        if let review = try LatestEntries.latestOfEachKind(records.plan)["next-review"], let day = review.body.reviewDay {
            out.append("Next review: \(day.long)\(day < today ? " (passed)" : "")\(by(review))")
        }
        let encounters = try LatestEntries.current(records.encounters).sorted { $0.body.on < $1.body.on }
        if !encounters.isEmpty { out.append("Encounters:") }
        for entry in encounters {
            let notes = entry.body.notes.isEmpty ? "" : " \u{2014} \(entry.body.notes)"
            out.append("  \(entry.body.on.long): \(entry.body.kind.words), \(entry.body.provider)\(notes)\(by(entry))")
            if let linked = entry.body.reflection {
                out.append("    In their own words (answer \(linked)): " + (reflections[linked] ?? "(that answer is not in the records)"))
            }
        }
        let destinations = try LatestEntries.latestOfEachKind(records.destinations)
        let checkpoints = DestinationCheckpoint.allCases.compactMap { destinations["destination-\($0.rawValue)"] }
        if !checkpoints.isEmpty { out.append("Destinations:") }
        for entry in checkpoints {
            let body = entry.body
            let detail = body.detail.isEmpty ? "" : ", \(body.detail)"
            out.append("  \(body.checkpoint.words): \(body.kind.rawValue.replacingOccurrences(of: "-", with: " "))\(detail); "
                       + "\(body.agreedToBeContacted ? "agreed" : "did not agree") to be contacted\(by(entry))")
        }
        let sharing = try LatestEntries.current(records.sharing)
        if let choice = sharing.last(where: { $0.body.kindKey == "sharing-choice" }), case .choice(let level, let chooser) = choice.body {
            out.append("Sharing with the local authority: \(level == .full ? "full" : "basic details only"), chosen by the \(chooser.rawValue)\(by(choice))")
        }
        for entry in sharing {
            if case .leftProgrammeEarly(let on, let programme, let note) = entry.body {
                out.append("Left a programme early: \(programme.isEmpty ? "a programme" : programme) on \(on.long)\(note.isEmpty ? "" : " \u{2014} \(note)")\(by(entry))")
            }
        }
        return out
    }

    /// The pupil's answers in words, by id, for showing a linked reflection beside its encounter.
    static func reflections(_ answers: [Answer], content: Content) -> [AnswerID: String] {
        let summary = AnswerSummary(content: content, history: answers)
        return Dictionary(answers.compactMap { answer in answer.id.map { ($0, summary.words(for: answer)) } },
                          uniquingKeysWith: { first, _ in first })
    }

    /// "open", "open, overdue", "done on 3 March 2027", "dropped".
    static func status(_ action: PlanAction, today: Day) -> String {
        switch action.status {
        case .open: action.isOverdue(today: today) ? "open, overdue" : "open"
        case .done: action.doneOn.map { "done on \($0.long)" } ?? "done"
        case .dropped: "dropped"
        }
    }

    /// The kind of a plan entry in words ("advice", "parent's or carer's view", "post-16 option").
    static func kindWords(_ item: PlanItem) -> String {
        switch item {
        case .advice: "advice"
        case .decision: "decision"
        case .action: "action"
        case .parentView: "parent's or carer's view"
        case .difference: "difference of opinion"
        case .service: "service"
        case .option(let stage, _): "\(stage.rawValue) option"
        case .nextReview: "next review"
        }
    }
}
