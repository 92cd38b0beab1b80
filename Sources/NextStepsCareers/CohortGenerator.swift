import Foundation
import NextStepsRecords

/// Makes a made-up cohort whose records meet every requirement as on `today`, for tests and
/// the benchmark: take records away from it and the report shows exactly those gaps.
public struct CohortGenerator: Sendable {
    /// How many pupils.
    public var pupils: Int
    /// How many records each pupil gets (the required ones, then advice, actions and extra encounters).
    public var recordsPerPupil: Int
    /// The day the records are complete for.
    public var today: Day

    /// Makes a generator.
    public init(pupils: Int, recordsPerPupil: Int, today: Day) {
        self.pupils = pupils; self.recordsPerPupil = recordsPerPupil; self.today = today
    }

    /// The adult every generated entry is made by.
    public static let adviser = CohortAdult(key: 1, name: "Ms Khan", role: .careersAdviser)

    private static let firstNames = ["Sam", "Alex", "Priya", "Jordan", "Maya", "Leo", "Zara", "Noah", "Ella", "Omar",
                                     "Chloé", "Finn", "Aisha", "Tom", "Ruby", "Kai"]
    private static let lastNames = ["Smith", "Khan", "Jones", "O'Brien", "Patel", "Nowak", "Evans", "Ali", "Brown",
                                    "Taylor", "Wilson", "Davies", "Hughes", "Green", "Lewis", "Walker"]

    /// The generated pupil `index` (0-based): Years 7 to 13 in turn, with every 7th pupil having left
    /// a year ago, every 11th from Year 8 up taught one year below their age group, and pupil 3 born on
    /// 29 February when their year has one.
    public func pupil(_ index: Int) -> CohortPupil {
        let group = 7 + index % 7
        let thisYear = SchoolCalendar.schoolYear(containing: today)
        // Born in the school year that makes them `group` now: Year 7 turn 12 this school year.
        let birthYear = thisYear.adding(-(group + 5))
        var birth = birthYear.first.adding(days: (index * 37) % 365)
        if index == 3, Day.isLeap(birthYear.startYear + 1) { birth = Day(unchecked: birthYear.startYear + 1, 2, 29) }
        let name = "\(Self.firstNames[index % 16]) \(Self.lastNames[(index / 16) % 16])\(index >= 256 ? " \(index / 256 + 1)" : "")"
        let left: Day? = index % 7 == 6 ? today.adding(years: -1) : nil
        return CohortPupil(key: PupilID(Int64(index + 1)), name: name, knownAs: Self.firstNames[index % 16], dateOfBirth: birth,
                           yearGroupOverride: index % 11 == 10 && group > 7 ? SchoolCalendar.yearGroup(bornOn: birth, on: today) - 1 : nil,
                           leftOn: left)
    }

    /// The whole cohort.
    public func records() -> CareersRecords {
        var records = CareersRecords(pupils: [], adults: [Self.adviser])
        var nextId: EntryID = 1
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        for index in 0..<pupils {
            let pupil = pupil(index)
            records.pupils.append(pupil)
            var made = 0
            func encounter(_ kind: EncounterKind, _ on: Day, _ provider: String) {
                records.encounters.append(EncounterEntry(id: nextId, pupil: pupil.key, adult: 1, at: at,
                                                         body: Encounter(on: min(on, today), kind: kind, provider: provider)))
                nextId = EntryID(nextId.rawValue + 1); made += 1
            }
            func plan(_ item: PlanItem) {
                records.plan.append(PlanEntry(id: nextId, pupil: pupil.key, adult: 1, at: at, body: item)); nextId = EntryID(nextId.rawValue + 1); made += 1
            }
            func destination(_ checkpoint: DestinationCheckpoint, _ kind: DestinationKind) {
                records.destinations.append(DestinationEntry(id: nextId, pupil: pupil.key, adult: 1, at: at,
                                                             body: Destination(checkpoint: checkpoint, kind: kind, detail: "Riverside College",
                                                                               agreedToBeContacted: true)))
                nextId = EntryID(nextId.rawValue + 1); made += 1
            }
            let seen = pupil.leftOn ?? today
            guard let yearSeven = pupil.yearSevenYear(today: today) else { continue }
            let lastYear = SchoolCalendar.schoolYear(containing: seen)
            if yearSeven <= lastYear {
                for start in yearSeven.startYear...lastYear.startYear {
                    encounter(.employer, Day(unchecked: start, 10, 1), "Greenway Garden Centre")
                }
            }
            for phase in KeyPhase.allCases {
                let window = SchoolCalendar.window(phase, startingIn: yearSeven.adding(phase.firstYearGroup - 7))
                guard window.lowerBound <= seen else { continue }
                encounter(.college, window.lowerBound.adding(days: 40), "Riverside College")
                encounter(.apprenticeshipProvider, window.lowerBound.adding(days: 41), "Northgate Training")
            }
            let group = pupil.yearGroup(on: seen, today: today) ?? 7
            for (age, needed) in [(16, 1), (18, 2)] {
                guard let year = pupil.schoolYear(turning: age, today: today), year <= lastYear else { continue }
                for _ in 0..<needed { encounter(.workplaceExperience, year.first.adding(days: 30), "Town Library") }
                for _ in 0..<needed { encounter(.guidanceInterview, year.first.adding(days: 31), "Ms Khan") }
            }
            if pupil.leftOn == nil {
                if group >= 9 { plan(.nextReview(today.adding(days: 120))) }
                if group >= 11 { destination(.intended, .education) }
            } else {
                destination(.atLeaving, .education)
                destination(.oneYear, .education)
            }
            while made < recordsPerPupil {
                switch made % 5 {
                case 0: plan(.advice("Look at the catering course at Riverside College."))
                case 1: plan(.action(PlanAction(what: "Visit the college", who: "Ms Khan", by: today.adding(days: -10 - made),
                                                status: .done, doneOn: today.adding(days: -12 - made))))
                case 2: plan(.parentView(words: "She is happiest when she is busy.", saidBy: "Mum"))
                case 3: plan(.decision("Apply for the supported internship."))
                default: encounter(.employee, today.adding(days: -made), "Bright Bakery")
                }
            }
        }
        return records
    }
}
