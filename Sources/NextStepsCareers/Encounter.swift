import Foundation
import NextStepsRecords

/// A careers encounter recorded for one pupil.
public typealias EncounterEntry = Recorded<Encounter>

/// The kinds of careers encounter, each with the Gatsby Benchmark it counts for.
public enum EncounterKind: String, CaseIterable, Sendable, Codable {
    /// A meaningful encounter with an employer (Benchmark 5).
    case employer
    /// A meaningful encounter with an employee (Benchmark 5).
    case employee
    /// A workplace experience: a visit, shadowing, a placement (Benchmark 6).
    case workplaceExperience = "workplace-experience"
    /// A school or college sixth form (Benchmark 7).
    case sixthForm = "sixth-form"
    /// A further education college (Benchmark 7 and the Provider Access Legislation).
    case college = "fe-college"
    /// A university (Benchmark 7; a degree apprenticeship talk is an apprenticeship provider).
    case university
    /// An apprenticeship provider (Benchmark 7 and the Provider Access Legislation).
    case apprenticeshipProvider = "apprenticeship-provider"
    /// A technical-education provider: a UTC, a T Level provider (Benchmark 7 and the Provider Access Legislation).
    case technicalEducationProvider = "technical-education-provider"
    /// A personal guidance interview with a qualified careers adviser (Benchmark 8).
    case guidanceInterview = "guidance-interview"

    /// The Gatsby Benchmark it counts for: 5, 6, 7 or 8.
    public var benchmark: Int {
        switch self {
        case .employer, .employee: 5
        case .workplaceExperience: 6
        case .sixthForm, .college, .university, .apprenticeshipProvider, .technicalEducationProvider: 7
        case .guidanceInterview: 8
        }
    }

    /// Whether it counts for the Provider Access Legislation (providers of technical education
    /// or apprenticeships). Sixth forms and universities count for Benchmark 7 only.
    public var countsForProviderAccess: Bool {
        self == .college || self == .apprenticeshipProvider || self == .technicalEducationProvider
    }

    /// The kind in words for adults ("an employer encounter").
    public var words: String {
        switch self {
        case .employer: "employer encounter"
        case .employee: "employee encounter"
        case .workplaceExperience: "workplace experience"
        case .sixthForm: "sixth form encounter"
        case .college: "FE college encounter"
        case .university: "university encounter"
        case .apprenticeshipProvider: "apprenticeship provider encounter"
        case .technicalEducationProvider: "technical-education provider encounter"
        case .guidanceInterview: "guidance interview"
        }
    }
}

/// The kinds of provider Benchmark 7 asks a pupil to meet a range of by 16: sixth forms,
/// colleges, universities, and apprenticeship and technical-education providers (one kind: both
/// are ways into work with training). The rule is written once, in `PupilCheck`.
public enum ProviderKind: String, CaseIterable, Sendable, Comparable {
    /// A school or college sixth form.
    case sixthForm = "sixth form"
    /// A further education college.
    case college
    /// A university.
    case university
    /// An apprenticeship or technical-education provider.
    case apprenticeshipOrTechnical = "apprenticeship or technical-education provider"

    /// In the order above.
    public static func < (a: ProviderKind, b: ProviderKind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

extension EncounterKind {
    /// The kind of provider met, for Benchmark 7's range; nil for encounters that are not with a provider.
    public var providerKind: ProviderKind? {
        switch self {
        case .sixthForm: .sixthForm
        case .college: .college
        case .university: .university
        case .apprenticeshipProvider, .technicalEducationProvider: .apprenticeshipOrTechnical
        default: nil
        }
    }
}

/// One careers encounter.
public struct Encounter: EntryBody {
    /// The day it happened.
    public var on: Day
    /// What kind it was.
    public var kind: EncounterKind
    /// The employer, provider or adviser ("Riverside College").
    public var provider: String
    /// The adult's notes.
    public var notes: String
    /// The pupil's own reflection on it, when they talked about it afterwards.
    public var reflection: AnswerID?

    /// Makes an encounter.
    public init(on: Day, kind: EncounterKind, provider: String, notes: String = "", reflection: AnswerID? = nil) {
        self.on = on; self.kind = kind; self.provider = provider; self.notes = notes; self.reflection = reflection
    }

    /// "encounter": any encounter may correct any other (a wrong kind is a correction too).
    public var kindKey: String { "encounter" }
}

/// One encounter entered once for a whole group or year.
public struct GroupEncounter: Sendable, Equatable {
    /// The encounter.
    public var encounter: Encounter
    /// The pupils who took part.
    public var pupils: [PupilID]
    /// Who recorded it.
    public var adult: AdultID
    /// When it was recorded.
    public var at: Date

    /// Makes a group encounter.
    public init(encounter: Encounter, pupils: [PupilID], adult: AdultID, at: Date) {
        self.encounter = encounter; self.pupils = pupils; self.adult = adult; self.at = at
    }

    /// One unsaved entry per pupil, each pupil once, in the order given (no reflection link:
    /// a reflection is one pupil's own).
    public func entries() -> [EncounterEntry] {
        var seen = Set<PupilID>()
        var body = encounter
        body.reflection = nil
        return pupils.filter { seen.insert($0).inserted }.map { EncounterEntry(pupil: $0, adult: adult, at: at, body: body) }
    }
}
