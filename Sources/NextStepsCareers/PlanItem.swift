import Foundation

/// An entry of the transition plan made by an adult.
public typealias PlanEntry = Recorded<PlanItem>

/// What an adult records about a pupil's plan.
public enum PlanItem: EntryBody {
    /// Advice given to the pupil (Gatsby Benchmark 3: a record of individual advice).
    case advice(String)
    /// A decision agreed with the pupil.
    case decision(String)
    /// Something someone will do, by when.
    case action(PlanAction)
    /// A parent's or carer's view, in their words, with who said it.
    case parentView(words: String, saidBy: String)
    /// A difference of opinion, recorded as it is, never smoothed away.
    case difference(String)
    /// A service involved with the pupil (social care, CAMHS, the local authority's SEN team …).
    case service(name: String, contact: String)
    /// The option agreed for a stage after school.
    case option(stage: PlanStage, words: String)
    /// The day of the next review.
    case nextReview(Day)

    /// "advice", "decision", "action", "parent-view", "difference", "service", "option-post-16", "next-review".
    public var kindKey: String {
        switch self {
        case .advice: "advice"
        case .decision: "decision"
        case .action: "action"
        case .parentView: "parent-view"
        case .difference: "difference"
        case .service: "service"
        case .option(let stage, _): "option-\(stage.rawValue)"
        case .nextReview: "next-review"
        }
    }

    /// The action, when this is one.
    public var action: PlanAction? { if case .action(let action) = self { action } else { nil } }
    /// The review day, when this is one.
    public var reviewDay: Day? { if case .nextReview(let day) = self { day } else { nil } }
}

/// The stages after school a transition plan names options for.
public enum PlanStage: String, CaseIterable, Sendable, Codable {
    /// After Year 11.
    case post16 = "post-16"
    /// After 19.
    case post19 = "post-19"
    /// After 25.
    case post25 = "post-25"
}

/// Whether an action is still to do.
public enum ActionStatus: String, CaseIterable, Sendable, Codable {
    /// Still to do.
    case open
    /// Done.
    case done
    /// No longer going to be done.
    case dropped
}

/// Something someone will do for the pupil, by a day.
public struct PlanAction: Sendable, Equatable, Codable {
    /// What will be done.
    public var what: String
    /// Who will do it (a name or a role: "Ms Khan", "Sam's mum", "Sam").
    public var who: String
    /// The day it should be done by.
    public var by: Day
    /// Open, done or dropped.
    public var status: ActionStatus
    /// The day it was done, when done.
    public var doneOn: Day?

    /// Makes an action.
    public init(what: String, who: String, by: Day, status: ActionStatus = .open, doneOn: Day? = nil) {
        self.what = what; self.who = who; self.by = by; self.status = status; self.doneOn = doneOn
    }

    /// Whether it is open and its day has passed on `today`.
    public func isOverdue(today: Day) -> Bool { status == .open && by < today }
}
