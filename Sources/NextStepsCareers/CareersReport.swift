import Foundation
import NextStepsRecords

/// What a careers report checks, in the order it lists them.
public enum CareersRequirement: String, CaseIterable, Sendable, Codable, Comparable {
    /// The pupil's date of birth and year group are both missing, so nothing else can be checked.
    case details
    /// Gatsby Benchmark 5: an employer encounter every school year from Year 7 (age 11).
    case employerEncounters = "benchmark-5"
    /// Gatsby Benchmark 6: a workplace experience by 16 and another by 18.
    case workplaceExperience = "benchmark-6"
    /// Gatsby Benchmark 7 and the Provider Access Legislation: provider encounters in each window.
    case providerEncounters = "benchmark-7"
    /// Gatsby Benchmark 8: a guidance interview by 16 and the chance of another by 18.
    case guidanceInterview = "benchmark-8"
    /// Actions whose day has passed.
    case actions
    /// Annual reviews of the transition plan.
    case reviews
    /// Intended destinations and follow-ups after leaving.
    case destinations

    /// A short heading ("Benchmark 5: employer encounters").
    public var title: String {
        switch self {
        case .details: "Pupil details"
        case .employerEncounters: "Benchmark 5: employer encounters"
        case .workplaceExperience: "Benchmark 6: workplace experience"
        case .providerEncounters: "Benchmark 7: provider encounters"
        case .guidanceInterview: "Benchmark 8: guidance interviews"
        case .actions: "Actions"
        case .reviews: "Reviews"
        case .destinations: "Destinations"
        }
    }

    /// The four benchmarks the report charts.
    public static let benchmarks: [CareersRequirement] = [.employerEncounters, .workplaceExperience, .providerEncounters,
                                                          .guidanceInterview]

    /// In the order above.
    public static func < (a: CareersRequirement, b: CareersRequirement) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a pupil stands against one requirement.
public enum MeasureState: String, CaseIterable, Sendable, Codable {
    /// Met so far.
    case met
    /// Not met yet, and there is still time (or it is late but can still be done).
    case due
    /// Not met, and the time for it has passed.
    case missed
    /// Not checked yet: the pupil is too young, or it does not apply.
    case notYet = "not-yet"

    /// In words.
    public var words: String {
        switch self {
        case .met: "met"
        case .due: "still to do"
        case .missed: "missed"
        case .notYet: "not yet due"
        }
    }
}

/// One thing a pupil is missing, by name, with what would close it.
public struct CareersGap: Sendable, Equatable, Codable {
    /// The pupil's key.
    public var pupil: PupilID
    /// The pupil's full name.
    public var name: String
    /// What it is checked against.
    public var requirement: CareersRequirement
    /// Due (with time left), or missed (the time has passed).
    public var state: MeasureState
    /// What is missing ("no employer encounter yet in 2026/27").
    public var missing: String
    /// What would close it ("an employer or employee encounter by 31 August 2027").
    public var close: String
    /// The day it is due by or was due on, when there is one.
    public var day: Day?

    /// "Sam Smith: no employer encounter yet in 2026/27 — an employer or employee encounter by 31 August 2027".
    public var line: String { "\(name): \(missing) — \(close)" }
}

/// One pupil's standing: their gaps and their state against each benchmark.
public struct PupilCareersSummary: Sendable, Equatable {
    /// The pupil.
    public var pupil: CohortPupil
    /// Their year group on the report's day, when known.
    public var yearGroup: Int?
    /// Whether they had left by the report's day.
    public var hasLeft: Bool
    /// Their state against each of the four benchmarks.
    public var states: [CareersRequirement: MeasureState]
    /// Their encounters (current entries only), oldest first.
    public var encounters: [Encounter]
    /// What they are missing.
    public var gaps: [CareersGap]
}

/// How many pupils stand where against one benchmark (one chart).
public struct BenchmarkTally: Sendable, Equatable {
    /// The benchmark.
    public var requirement: CareersRequirement
    /// Pupils in each state.
    public var counts: [MeasureState: Int]

    /// The pupils in `state`.
    public func count(_ state: MeasureState) -> Int { counts[state] ?? 0 }
    /// All pupils counted.
    public var total: Int { counts.values.reduce(0, +) }
}

/// Which pupils a report covers and how it reads the rules.
public struct CareersReportOptions: Sendable, Equatable {
    /// The day the report is for ("today"); every check is made as on this day.
    public var today: Day
    /// One year group (on `today`), or nil for everyone, leavers included.
    public var yearGroup: Int?
    /// School years that ended before this day are not checked (the school's records start here).
    public var recordsSince: Day?
    /// Workplace experiences needed by 16: 1 in the original wording; the 2024 update asks for "multiple".
    public var workplaceExperiencesBy16: Int
    /// How many days ahead a review or a destination follow-up counts as due soon.
    public var soonDays: Int
    /// Benchmark 7's "range of providers by 16": how many different kinds of provider
    /// (`ProviderKind`) the pupil has met by the end of the school year they turn 16.
    public var providerKindsBy16: Int

    /// Options for `today`.
    public init(today: Day, yearGroup: Int? = nil, recordsSince: Day? = nil, workplaceExperiencesBy16: Int = 1, soonDays: Int = 30,
                providerKindsBy16: Int = 2) {
        self.today = today; self.yearGroup = yearGroup; self.recordsSince = recordsSince
        self.workplaceExperiencesBy16 = workplaceExperiencesBy16; self.soonDays = soonDays; self.providerKindsBy16 = providerKindsBy16
    }
}

/// The careers report for one pupil or a cohort, made from the records as on one day.
public struct CareersReport: Sendable, Equatable {
    /// The options it was made with.
    public var options: CareersReportOptions
    /// "Year 10" or "Everyone".
    public var scope: String
    /// Each pupil covered, by name.
    public var pupils: [PupilCareersSummary]

    /// "School years before 2026/27 are not checked (records start on 1 September 2026)." or nil
    /// when every year is checked: said with every rendering, so nobody reads a gap as missed
    /// when it was only never recorded.
    public var checkedFrom: String? {
        options.recordsSince.map { day in
            "School years before \(SchoolCalendar.schoolYear(containing: day)) are not checked (records start on \(day.long))."
        }
    }

    /// Every gap, pupil by pupil (by name), each pupil's in requirement order.
    public var gaps: [CareersGap] { pupils.flatMap(\.gaps) }

    /// One tally per benchmark, for the charts: pupils on roll whose year group is known (the
    /// others are listed as gaps, not counted as "not yet due").
    public var tallies: [BenchmarkTally] {
        CareersRequirement.benchmarks.map { requirement in
            var counts: [MeasureState: Int] = [:]
            for pupil in pupils where !pupil.hasLeft && pupil.yearGroup != nil { counts[pupil.states[requirement] ?? .notYet, default: 0] += 1 }
            return BenchmarkTally(requirement: requirement, counts: counts)
        }
    }

    /// Makes the report. Throws when a stored correction points somewhere it cannot.
    public static func make(_ records: CareersRecords, options: CareersReportOptions) throws -> CareersReport {
        // Positions, not copies: a cohort's records are grouped by pupil without copying them.
        let plan = positions(records.plan), encounters = positions(records.encounters)
        let destinations = positions(records.destinations)
        var summaries: [PupilCareersSummary] = []
        for pupil in records.pupils {
            let check = try PupilCheck(pupil: pupil, options: options, plan: (plan[pupil.key] ?? []).map { records.plan[Int($0)] },
                                       encounters: (encounters[pupil.key] ?? []).map { records.encounters[Int($0)] },
                                       destinations: (destinations[pupil.key] ?? []).map { records.destinations[Int($0)] })
            if let group = options.yearGroup, check.hasLeft || check.yearGroupToday != group { continue }
            summaries.append(check.summary())
        }
        summaries.sort { ($0.pupil.name, $0.pupil.key) < ($1.pupil.name, $1.pupil.key) }
        return CareersReport(options: options, scope: options.yearGroup.map { "Year \($0)" } ?? "Everyone", pupils: summaries)
    }

    private static func positions<B>(_ entries: [Recorded<B>]) -> [PupilID: [Int32]] {
        var found: [PupilID: [Int32]] = [:]
        for (index, entry) in entries.enumerated() { found[entry.pupil, default: []].append(Int32(index)) }
        return found
    }
}
