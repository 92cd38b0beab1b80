import Foundation
import NextStepsCareers

/// One pupil's careers record as plain values, ready to join the export model for a school's
/// Word template (`{{#careers.actions}}…`). Kept apart from `ExportModel` until the store
/// holds these records; every value is text or a flag, as templates need.
public struct CareersExportFields: Codable, Sendable, Equatable {
    /// The day the standing is for ("1 December 2026").
    public var asOn: String
    /// Each benchmark with the pupil's standing ("Benchmark 5: employer encounters", "met").
    public var benchmarks: [Standing]
    /// What is missing and what would close it.
    public var gaps: [Gap]
    /// Careers encounters, oldest first.
    public var encounters: [EncounterItem]
    /// Advice given (current entries).
    public var advice: [Said]
    /// Agreed decisions.
    public var decisions: [Said]
    /// Actions.
    public var actions: [ActionItem]
    /// Parents' and carers' views, each with who said it.
    public var parentViews: [Said]
    /// Differences of opinion.
    public var differences: [Said]
    /// Services involved.
    public var services: [Said]
    /// The options agreed for post-16, post-19 and post-25.
    public var options: [Said]
    /// The next review day, or empty.
    public var nextReview: String
    /// Destinations, by checkpoint.
    public var destinations: [DestinationItem]
    /// "full" or "basic details only (Education and Skills Act 2008 s.14(4))", or empty when not chosen.
    public var sharing: String
    /// Who chose the sharing level, or empty.
    public var sharingChosenBy: String
    /// Whether each list has anything (an empty list is not "false" in every template engine).
    public var hasGaps: Bool, hasEncounters: Bool, hasAdvice: Bool, hasDecisions: Bool, hasActions: Bool,
               hasParentViews: Bool, hasDifferences: Bool, hasServices: Bool, hasOptions: Bool, hasNextReview: Bool,
               hasDestinations: Bool

    /// A benchmark and the pupil's standing.
    public struct Standing: Codable, Sendable, Equatable {
        /// The benchmark's title.
        public var title: String
        /// "met", "still to do", "missed", "not yet due".
        public var state: String
    }

    /// A gap.
    public struct Gap: Codable, Sendable, Equatable {
        /// What is missing.
        public var missing: String
        /// What would close it.
        public var close: String
    }

    /// One encounter.
    public struct EncounterItem: Codable, Sendable, Equatable {
        /// "12 November 2026".
        public var date: String
        /// "employer encounter".
        public var kind: String
        /// "5".
        public var benchmark: String
        /// The employer or provider.
        public var provider: String
        /// The adult's notes.
        public var notes: String

        /// Makes an encounter's fields.
        public init(date: String, kind: String, benchmark: String, provider: String, notes: String) {
            self.date = date; self.kind = kind; self.benchmark = benchmark; self.provider = provider; self.notes = notes
        }
    }

    /// Something an adult recorded, with who recorded it (or said it) and when.
    public struct Said: Codable, Sendable, Equatable {
        /// The words, as recorded.
        public var words: String
        /// For a parent's view: who said it; for an option: the stage; else empty.
        public var about: String
        /// The adult who recorded it ("Ms Khan, careers adviser").
        public var recordedBy: String
        /// The day it was recorded.
        public var date: String

        /// Makes the fields of something recorded.
        public init(words: String, about: String, recordedBy: String, date: String) {
            self.words = words; self.about = about; self.recordedBy = recordedBy; self.date = date
        }
    }

    /// One action.
    public struct ActionItem: Codable, Sendable, Equatable {
        /// What will be done.
        public var what: String
        /// Who will do it.
        public var who: String
        /// "1 March 2027".
        public var by: String
        /// "open", "done", "dropped".
        public var status: String
        /// The day done, or empty.
        public var doneOn: String
        /// Whether it is open and past its day.
        public var isOverdue: Bool
    }

    /// One destination.
    public struct DestinationItem: Codable, Sendable, Equatable {
        /// "destination at leaving".
        public var checkpoint: String
        /// "apprenticeship".
        public var kind: String
        /// Where, in words.
        public var detail: String
        /// "yes" or "no".
        public var agreedToBeContacted: String
    }

    /// The fields for `summary`'s pupil from the records (current entries only).
    public static func build(_ summary: PupilCareersSummary, records: CareersRecords, today: Day) throws -> CareersExportFields {
        let key = summary.pupil.key
        let adults = Dictionary(records.adults.map { ($0.key, $0.nameAndRole) }, uniquingKeysWith: { a, _ in a })
        let plan = try LatestEntries.current(records.plan.filter { $0.pupil == key })
        func said(_ entry: PlanEntry, _ words: String, _ about: String = "") -> Said {
            Said(words: words, about: about, recordedBy: adults[entry.adult] ?? "", date: Day(entry.at).long)
        }
        var advice: [Said] = [], decisions: [Said] = [], views: [Said] = [], differences: [Said] = [], services: [Said] = []
        var options: [Said] = [], actions: [ActionItem] = []
        var review: (Date, Day)?
        for entry in plan {
            switch entry.body {
            case .advice(let words): advice.append(said(entry, words))
            case .decision(let words): decisions.append(said(entry, words))
            case .parentView(let words, let who): views.append(said(entry, words, who))
            case .difference(let words): differences.append(said(entry, words))
            case .service(let name, let contact): services.append(said(entry, name, contact))
            case .option(let stage, let words): options.append(said(entry, words, stage.rawValue))
            case .nextReview(let day): if review.map({ $0.0 <= entry.at }) ?? true { review = (entry.at, day) }
            case .action(let action):
                actions.append(ActionItem(what: action.what, who: action.who, by: action.by.long, status: action.status.rawValue,
                                          doneOn: action.doneOn?.long ?? "", isOverdue: action.isOverdue(today: today)))
            }
        }
        let destinations = try LatestEntries.latestOfEachKind(records.destinations.filter { $0.pupil == key })
        let destinationItems = DestinationCheckpoint.allCases.compactMap { checkpoint in
            destinations["destination-\(checkpoint.rawValue)"].map {
                DestinationItem(checkpoint: checkpoint.words, kind: $0.body.kind.rawValue.replacingOccurrences(of: "-", with: " "),
                                detail: $0.body.detail, agreedToBeContacted: $0.body.agreedToBeContacted ? "yes" : "no")
            }
        }
        var sharing = "", chosenBy = ""
        if case .choice(let level, let who)? = try LatestEntries.latestOfEachKind(records.sharing.filter { $0.pupil == key })["sharing-choice"]?.body {
            sharing = level == .full ? "full" : "basic details only (Education and Skills Act 2008 s.14(4))"
            chosenBy = who.rawValue
        }
        let encounters = summary.encounters.map {
            EncounterItem(date: $0.on.long, kind: $0.kind.words, benchmark: String($0.kind.benchmark), provider: $0.provider, notes: $0.notes)
        }
        return CareersExportFields(
            asOn: today.long,
            benchmarks: CareersRequirement.benchmarks.map { Standing(title: $0.title, state: (summary.states[$0] ?? .notYet).words) },
            gaps: summary.gaps.map { Gap(missing: $0.missing, close: $0.close) }, encounters: encounters, advice: advice,
            decisions: decisions, actions: actions, parentViews: views, differences: differences, services: services, options: options,
            nextReview: review?.1.long ?? "", destinations: destinationItems, sharing: sharing, sharingChosenBy: chosenBy,
            hasGaps: !summary.gaps.isEmpty, hasEncounters: !encounters.isEmpty, hasAdvice: !advice.isEmpty,
            hasDecisions: !decisions.isEmpty, hasActions: !actions.isEmpty, hasParentViews: !views.isEmpty,
            hasDifferences: !differences.isEmpty, hasServices: !services.isEmpty, hasOptions: !options.isEmpty,
            hasNextReview: review != nil, hasDestinations: !destinationItems.isEmpty)
    }
}
