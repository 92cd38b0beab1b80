import Foundation

/// A destination recorded for one pupil.
public typealias DestinationEntry = Recorded<Destination>

/// When a destination is recorded: the intention, at leaving, and each year for three years.
public enum DestinationCheckpoint: String, CaseIterable, Sendable, Codable {
    /// What the young person means to do when they leave.
    case intended
    /// Where they went when they left.
    case atLeaving = "at-leaving"
    /// One year after leaving.
    case oneYear = "1-year"
    /// Two years after leaving.
    case twoYears = "2-years"
    /// Three years after leaving (Gatsby Benchmark 3 keeps destinations this long).
    case threeYears = "3-years"

    /// Years after leaving for the follow-ups (1, 2, 3), else nil.
    public var yearsAfterLeaving: Int? {
        switch self {
        case .oneYear: 1
        case .twoYears: 2
        case .threeYears: 3
        default: nil
        }
    }

    /// In words ("1 year after leaving").
    public var words: String {
        switch self {
        case .intended: "intended destination"
        case .atLeaving: "destination at leaving"
        case .oneYear: "destination 1 year after leaving"
        case .twoYears: "destination 2 years after leaving"
        case .threeYears: "destination 3 years after leaving"
        }
    }
}

/// What a young person is doing.
public enum DestinationKind: String, CaseIterable, Sendable, Codable {
    /// Education (sixth form, college, university, specialist college).
    case education
    /// Employment.
    case employment
    /// Training.
    case training
    /// An apprenticeship.
    case apprenticeship
    /// A supported internship.
    case supportedInternship = "supported-internship"
    /// Volunteering.
    case volunteering
    /// Not in education, employment or training.
    case notInEducationOrWork = "not-in-education-or-work"
    /// Not known.
    case unknown
}

/// One destination.
public struct Destination: EntryBody {
    /// Which checkpoint it is for.
    public var checkpoint: DestinationCheckpoint
    /// What the young person is doing.
    public var kind: DestinationKind
    /// Where, in words ("Riverside College, catering").
    public var detail: String
    /// Whether the young person agreed to be contacted for the follow-ups.
    public var agreedToBeContacted: Bool

    /// Makes a destination.
    public init(checkpoint: DestinationCheckpoint, kind: DestinationKind, detail: String = "", agreedToBeContacted: Bool) {
        self.checkpoint = checkpoint; self.kind = kind; self.detail = detail; self.agreedToBeContacted = agreedToBeContacted
    }

    /// One kind per checkpoint, so a correction of "1 year after" supersedes only that.
    public var kindKey: String { "destination-\(checkpoint.rawValue)" }
}

/// An information-sharing choice or a left-early note for one pupil.
public typealias SharingEntry = Recorded<SharingItem>

/// What the local authority may be told.
public enum SharingLevel: String, CaseIterable, Sendable, Codable {
    /// Everything the school would share.
    case full
    /// Only name, address, date of birth and parents' details (Education and Skills Act 2008 s.14(4)).
    case basicOnly = "basic-only"

    /// The details that may be shared at this level, nil meaning all.
    public var onlyFields: [String]? {
        self == .full ? nil : ["name", "address", "date of birth", "parents' details"]
    }
}

/// Who chose the sharing level.
public enum SharingChooser: String, CaseIterable, Sendable, Codable {
    /// The young person.
    case youngPerson = "young person"
    /// Their parent.
    case parent
}

/// An entry about sharing with the local authority.
public enum SharingItem: EntryBody {
    /// Full or basic sharing, and who chose it.
    case choice(SharingLevel, chosenBy: SharingChooser)
    /// The pupil left a programme early, so the local authority can be told.
    case leftProgrammeEarly(on: Day, programme: String, note: String)

    /// "sharing-choice" or "left-early".
    public var kindKey: String {
        switch self {
        case .choice: "sharing-choice"
        case .leftProgrammeEarly: "left-early"
        }
    }
}
