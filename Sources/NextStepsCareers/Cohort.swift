import Foundation
import NextStepsRecords

/// A pupil as the careers reports need them: a key for the store's pupil, names, and the
/// facts the dates rest on. Small on purpose, so the store's own pupil maps onto it.
public struct CohortPupil: Sendable, Equatable, Codable {
    /// The store's id of the pupil.
    public var key: PupilID
    /// Full name, as on the school's records (reports name pupils by it).
    public var name: String
    /// The name the pupil likes to be called.
    public var knownAs: String
    /// Date of birth, when known.
    public var dateOfBirth: Day?
    /// The year group the pupil is taught in on the report's day, when the school sets it
    /// (special schools sometimes teach out of year group); nil means the one their age gives.
    public var yearGroupOverride: Int?
    /// The day the pupil left, or nil while on roll.
    public var leftOn: Day?

    /// Makes a cohort pupil.
    public init(key: PupilID, name: String, knownAs: String? = nil, dateOfBirth: Day?, yearGroupOverride: Int? = nil, leftOn: Day? = nil) {
        self.key = key; self.name = name; self.knownAs = knownAs ?? name
        self.dateOfBirth = dateOfBirth; self.yearGroupOverride = yearGroupOverride; self.leftOn = leftOn
    }

    /// The school year in which this pupil is (or was, or will be) in Year 7, seen from
    /// `today`: from the override when there is one, else from the date of birth.
    public func yearSevenYear(today: Day) -> SchoolYear? {
        if let taught = yearGroupOverride { return SchoolCalendar.schoolYear(containing: today).adding(7 - taught) }
        return dateOfBirth.map { SchoolCalendar.schoolYear(bornOn: $0, turning: 12) }
    }

    /// The year group on `day`, seen from `today` (the override holds for today's school year
    /// and moves up one a year); nil when neither the override nor the date of birth is known.
    public func yearGroup(on day: Day, today: Day) -> Int? {
        yearSevenYear(today: today).map { SchoolCalendar.schoolYear(containing: day).startYear - $0.startYear + 7 }
    }

    /// The school year in which the pupil turns `age`: from the date of birth, or from the
    /// year group when only that is known (age 16 is Year 11).
    public func schoolYear(turning age: Int, today: Day) -> SchoolYear? {
        if let birth = dateOfBirth { return SchoolCalendar.schoolYear(bornOn: birth, turning: age) }
        return yearSevenYear(today: today)?.adding(age - 12)
    }
}

/// An adult who makes entries, as the reports need them.
public struct CohortAdult: Sendable, Equatable, Codable {
    /// The store's id of the adult.
    public var key: AdultID
    /// Their name.
    public var name: String
    /// Their role (the records' `AdultRole`); nil when it was not recorded.
    public var role: AdultRole?

    /// Makes an adult.
    public init(key: AdultID, name: String, role: AdultRole?) { self.key = key; self.name = name; self.role = role }

    /// The adult as the reports need them, from the record of them; nil before it is saved.
    public init?(_ adult: Adult) {
        guard let id = adult.id else { return nil }
        self.init(key: id, name: adult.name, role: adult.role)
    }

    /// "Ms Khan, careers adviser", or the name alone when the role was not recorded.
    public var nameAndRole: String { name + (role.map { ", \($0.inWords)" } ?? "") }
}

/// Everything the careers reports read, for one pupil or a whole cohort.
public struct CareersRecords: Sendable, Equatable {
    /// The pupils.
    public var pupils: [CohortPupil]
    /// The adults who made entries.
    public var adults: [CohortAdult]
    /// Advice, decisions, actions, views, services, options and review dates.
    public var plan: [PlanEntry]
    /// Careers encounters, one per pupil.
    public var encounters: [EncounterEntry]
    /// Destinations.
    public var destinations: [DestinationEntry]
    /// Information-sharing choices and left-early notes.
    public var sharing: [SharingEntry]

    /// Makes the records.
    public init(pupils: [CohortPupil], adults: [CohortAdult] = [], plan: [PlanEntry] = [], encounters: [EncounterEntry] = [],
                destinations: [DestinationEntry] = [], sharing: [SharingEntry] = []) {
        self.pupils = pupils; self.adults = adults; self.plan = plan; self.encounters = encounters
        self.destinations = destinations; self.sharing = sharing
    }

    /// The day the school began recording encounters: the earliest one recorded (corrected ones
    /// included). School years before it are not checked, so a school that starts using NextSteps
    /// is not told every older pupil missed years it never recorded (`CareersReportOptions.recordsSince`).
    /// Only meaningful over the whole school's records, not one pupil's.
    public var recordsBegan: Day? { encounters.map(\.body.on).min() }
}
