import Foundation
import NextStepsCareers
import NextStepsRecords
import XCTest

final class CareersReportTests: XCTestCase {
    let today = day("2026-12-01")
    let at = Date(timeIntervalSince1970: 1_790_000_000)

    func testAGeneratedCohortMeetsEverythingUntilRecordsAreTakenAway() throws {
        let records = CohortGenerator(pupils: 40, recordsPerPupil: 60, today: today).records()
        let report = try CareersReport.make(records, options: CareersReportOptions(today: today))
        XCTAssertEqual(report.gaps.map(\.line), [], "the generator makes complete records")
        XCTAssertEqual(report.pupils.count, 40)
        XCTAssertTrue(records.pupils.contains { $0.dateOfBirth?.month == 2 && $0.dateOfBirth?.day == 29 })
        XCTAssertTrue(records.pupils.contains { $0.yearGroupOverride != nil })
        let benchmark5 = try XCTUnwrap(report.tallies.first { $0.requirement == .employerEncounters })
        XCTAssertEqual(benchmark5.count(.met), records.pupils.filter { $0.leftOn == nil }.count)
    }

    func testACohortWithKnownGapsGivesExactlyThoseGapsByName() throws {
        let generator = CohortGenerator(pupils: 14, recordsPerPupil: 40, today: today)
        var records = generator.records()
        func key(_ name: String) throws -> PupilID { try XCTUnwrap(records.pupils.first { $0.name == name }).key }
        let thisYear = SchoolCalendar.schoolYear(containing: today)
        // Sam (Year 7): no employer or employee encounter this school year.
        let sam = try key("Sam Smith")
        records.encounters.removeAll { $0.pupil == sam && $0.body.kind.benchmark == 5 && thisYear.contains($0.body.on) }
        // Alex (Year 8): only one provider encounter so far in the Years 8–9 window.
        let alex = try key("Alex Smith")
        records.encounters.removeAll { $0.pupil == alex && $0.body.kind == .apprenticeshipProvider }
        // Maya (Year 11): no workplace experience, and an action past its day.
        let maya = try key("Maya Smith")
        records.encounters.removeAll { $0.pupil == maya && $0.body.kind == .workplaceExperience }
        records.plan.append(PlanEntry(id: 90_000, pupil: maya, adult: 1, at: at,
                                      body: .action(PlanAction(what: "Ring the college", who: "Ms Khan", by: day("2026-11-01")))))
        // Leo (Year 12): no guidance interview by 16, and no review date.
        let leo = try key("Leo Smith")
        records.encounters.removeAll { $0.pupil == leo && $0.body.kind == .guidanceInterview }
        records.plan.removeAll { $0.pupil == leo && $0.body.reviewDay != nil }
        // Zara left a year ago today: her 1-year destination is missing.
        let zara = try key("Zara Smith")
        records.destinations.removeAll { $0.pupil == zara && $0.body.checkpoint == .oneYear }
        // Kai: neither a date of birth nor a year group.
        records.pupils.append(CohortPupil(key: 500, name: "Kai Green", dateOfBirth: nil))

        let report = try CareersReport.make(records, options: CareersReportOptions(today: today))
        XCTAssertEqual(report.gaps.map(\.line), [
            "Alex Smith: 1 of 2 provider encounters in Years 8–9 — 1 more by 28 February 2028",
            "Kai Green: date of birth and year group not known, so nothing can be checked — add the date of birth (or the year group taught)",
            "Leo Smith: 0 of 1 guidance interview by 16 — the time for it ended 31 August 2026",
            "Leo Smith: no review date set (the transition plan starts at the Year 9 review) — set the next review date",
            "Maya Smith: 0 of 1 workplace experience by 16 — 1 more by 31 August 2027",
            "Maya Smith: action overdue since 1 November 2026: Ring the college (Ms Khan) — mark it done or dropped, or agree a new day",
            "Sam Smith: no employer encounter yet in 2026/27 — an employer or employee encounter by 31 August 2027",
            "Zara Smith: destination 1 year after leaving not recorded (due 1 December 2026) — contact them and record it",
        ])
        XCTAssertEqual(report.tallies.map(\.total), Array(repeating: 12, count: 4),
                       "14 generated, 2 of them leavers; Kai (no details) is a gap, not a bar")
        let states = Dictionary(uniqueKeysWithValues: report.pupils.map { ($0.pupil.name, $0.states) })
        XCTAssertEqual(states["Leo Smith"]?[.guidanceInterview], .missed)
        XCTAssertEqual(states["Maya Smith"]?[.workplaceExperience], .due)
        XCTAssertEqual(states["Sam Smith"]?[.workplaceExperience], .notYet, "a Year 7 has until 16")
        let year11 = try CareersReport.make(records, options: CareersReportOptions(today: today, yearGroup: 11))
        XCTAssertEqual(year11.pupils.map(\.pupil.name), ["Finn Smith", "Maya Smith"])
        XCTAssertEqual(year11.scope, "Year 11")
    }

    func one(_ pupil: CohortPupil, _ encounters: [Encounter], plan: [PlanItem] = []) -> CareersRecords {
        CareersRecords(pupils: [pupil],
                       plan: plan.enumerated().map { PlanEntry(id: EntryID(Int64($0.offset + 100)), pupil: pupil.key, adult: 1, at: at, body: $0.element) },
                       encounters: encounters.enumerated().map {
                           EncounterEntry(id: EntryID(Int64($0.offset + 1)), pupil: pupil.key, adult: 1, at: at, body: $0.element)
                       })
    }

    func testTheEmployerEncounterYearTurnsOverOn1September() throws {
        // In Year 7 in 2025/26 (born 2013/14), with one employer encounter on its last day.
        let priya = CohortPupil(key: 1, name: "Priya Patel", dateOfBirth: day("2014-03-03"))
        let records = one(priya, [Encounter(on: day("2026-08-31"), kind: .employer, provider: "Bakery")])
        let august = try CareersReport.make(records, options: CareersReportOptions(today: day("2026-08-31")))
        XCTAssertEqual(august.gaps, [])
        XCTAssertEqual(august.pupils.first?.states[.employerEncounters], .met)
        let september = try CareersReport.make(records, options: CareersReportOptions(today: day("2026-09-01")))
        XCTAssertEqual(september.gaps.filter { $0.requirement == .employerEncounters }.map(\.line),
                       ["Priya Patel: no employer encounter yet in 2026/27 — an employer or employee encounter by 31 August 2027"])
        let later = try CareersReport.make(records, options: CareersReportOptions(today: day("2027-09-01")))
        XCTAssertEqual(later.gaps.filter { $0.requirement == .employerEncounters }.map(\.missing), ["no employer encounter in 2026/27", "no employer encounter yet in 2027/28"])
        XCTAssertEqual(later.pupils.first?.states[.employerEncounters], .missed)
        let since = try CareersReport.make(records, options: CareersReportOptions(today: day("2027-09-01"), recordsSince: day("2027-09-01")))
        XCTAssertEqual(since.gaps.filter { $0.requirement == .employerEncounters }.map(\.missing), ["no employer encounter yet in 2027/28"], "years before the records start are not checked")
    }

    func testTheProviderWindowClosesAfter28FebruaryEvenInALeapYear() throws {
        // Year 8 in 2026/27: the window is 1 September 2026 to 28 February 2028.
        let omar = CohortPupil(key: 1, name: "Omar Ali", dateOfBirth: day("2014-01-10"))
        let records = one(omar, [Encounter(on: day("2026-08-31"), kind: .college, provider: "Too early"),
                                 Encounter(on: day("2026-09-01"), kind: .college, provider: "Riverside College"),
                                 Encounter(on: day("2027-01-10"), kind: .sixthForm, provider: "Not a provider of technical education"),
                                 Encounter(on: day("2028-02-29"), kind: .college, provider: "Too late")]
                         + (2025...2027).map { Encounter(on: day("\($0)-10-01"), kind: .employer, provider: "Shop") })
        let onTheDay = try CareersReport.make(records, options: CareersReportOptions(today: day("2028-02-28")))
        XCTAssertEqual(onTheDay.gaps.filter { $0.requirement == .providerEncounters }.map(\.line),
                       ["Omar Ali: 1 of 2 provider encounters in Years 8–9 — 1 more by 28 February 2028"])
        let after = try CareersReport.make(records, options: CareersReportOptions(today: day("2028-02-29")))
        XCTAssertEqual(after.gaps.filter { $0.requirement == .providerEncounters }.map(\.line),
                       ["Omar Ali: 1 of 2 provider encounters in Years 8–9 — the window closed 28 February 2028"])
        XCTAssertEqual(after.gaps.first { $0.requirement == .providerEncounters }?.state, .missed)
    }

    // Benchmark 7's range by 16: two kinds of provider by the end of the school year the pupil
    // turns 16 (apprenticeship and technical-education providers are one kind), said by name.
    func testARangeOfProviderKindsBy16IsCheckedAndSaysWhatIsMissing() throws {
        // Year 11 in 2026/27 (16 on 1 October 2026): two college encounters, one kind only.
        let noah = CohortPupil(key: 1, name: "Noah Brown", dateOfBirth: day("2010-10-01"))
        let colleges = [Encounter(on: day("2025-10-01"), kind: .college, provider: "Riverside College"),
                        Encounter(on: day("2026-10-01"), kind: .college, provider: "Westfield College")]
        func rangeLines(_ records: CareersRecords, on today: Day) throws -> [String] {
            try CareersReport.make(records, options: CareersReportOptions(today: today)).gaps
                .filter { $0.requirement == .providerEncounters && $0.missing.contains("kinds of provider") }.map(\.line)
        }
        XCTAssertEqual(try rangeLines(one(noah, colleges), on: today), [
            "Noah Brown: 1 of 2 kinds of provider by 16 (met: college) — an encounter with a sixth form, university or "
                + "apprenticeship or technical-education provider by 31 August 2027",
        ])
        XCTAssertEqual(try rangeLines(one(noah, colleges), on: day("2027-09-01")).first?.hasSuffix("the time for it ended 31 August 2027"), true)
        let apprenticeship = Encounter(on: day("2027-03-01"), kind: .apprenticeshipProvider, provider: "Builders Ltd")
        XCTAssertEqual(try rangeLines(one(noah, colleges + [apprenticeship]), on: day("2027-06-01")), [], "a second kind closes it")
        let late = Encounter(on: day("2027-09-02"), kind: .sixthForm, provider: "Too late for 16")
        XCTAssertEqual(try rangeLines(one(noah, colleges + [late]), on: day("2027-09-10")).count, 1, "after the year they turn 16, it does not count")
        // Apprenticeship and technical-education providers are one kind, not two.
        let both = [Encounter(on: day("2025-10-01"), kind: .apprenticeshipProvider, provider: "A"),
                    Encounter(on: day("2025-11-01"), kind: .technicalEducationProvider, provider: "B")]
        XCTAssertEqual(try rangeLines(one(noah, both), on: today).count, 1)
        // Too young: not checked before the school year they turn 16.
        let omar = CohortPupil(key: 2, name: "Omar Ali", dateOfBirth: day("2014-01-10"))
        XCTAssertEqual(try rangeLines(one(omar, []), on: today), [])
        // The rule is one option: a school may ask for three kinds.
        let three = try CareersReport.make(one(noah, colleges + [apprenticeship]),
                                           options: CareersReportOptions(today: day("2027-06-01"), providerKindsBy16: 3))
        XCTAssertTrue(three.gaps.contains { $0.line.hasPrefix("Noah Brown: 2 of 3 kinds of provider by 16 (met: college, apprenticeship") },
                      "\(three.gaps.map(\.line))")
    }

    func testYears12To13AreOfferedAndASecondInterviewIsAChance() throws {
        // Year 13 in 2026/27, 18 on 1 October 2026; one interview in Year 11.
        let ella = CohortPupil(key: 1, name: "Ella Evans", dateOfBirth: day("2008-10-01"))
        let records = one(ella, [Encounter(on: day("2024-01-10"), kind: .guidanceInterview, provider: "Ms Khan")],
                          plan: [.nextReview(day("2027-06-01")), .action(PlanAction(what: "x", who: "y", by: day("2026-01-01"), status: .done))])
        let report = try CareersReport.make(records, options: CareersReportOptions(today: today))
        let lines = report.gaps.map(\.line)
        XCTAssertTrue(lines.contains("Ella Evans: 1 of 2 guidance interviews by 18 — offer 1 more by 31 August 2027 (the pupil may choose)"), "\(lines)")
        XCTAssertTrue(lines.contains("Ella Evans: 0 of 2 provider encounters in Years 12–13 — offer 2 more by 28 February 2027 (the pupil may choose)"), "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("action") }, "a done action is not overdue")
        XCTAssertFalse(lines.contains { $0.contains("review") }, "the next review is months away")
    }

    func testReviewsDueSoonAndOverdueAndTheLatestDateWins() throws {
        let finn = CohortPupil(key: 1, name: "Finn Hughes", dateOfBirth: day("2012-05-05"))
        func report(_ reviews: [Day]) throws -> [String] {
            var records = one(finn, [], plan: reviews.map { .nextReview($0) })
            records.plan = records.plan.enumerated().map { var e = $0.element; e.at = at.addingTimeInterval(Double($0.offset)); return e }
            return try CareersReport.make(records, options: CareersReportOptions(today: today)).gaps
                .filter { $0.requirement == .reviews }.map(\.missing)
        }
        XCTAssertEqual(try report([day("2026-11-30")]), ["annual review was due 30 November 2026"])
        XCTAssertEqual(try report([day("2026-12-20")]), ["annual review due 20 December 2026"])
        XCTAssertEqual(try report([day("2026-11-30"), day("2027-11-30")]), [])
    }

    func testALeaverWhoDidNotAgreeToContactGetsAnHonestFollowUpLine() throws {
        let noah = CohortPupil(key: 1, name: "Noah Brown", dateOfBirth: day("2006-01-01"), leftOn: day("2024-07-19"))
        let records = CareersRecords(pupils: [noah], destinations: [
            DestinationEntry(id: 1, pupil: 1, adult: 1, at: at,
                             body: Destination(checkpoint: .atLeaving, kind: .apprenticeship, agreedToBeContacted: false)),
        ])
        let report = try CareersReport.make(records, options: CareersReportOptions(today: today))
        XCTAssertEqual(report.gaps.map(\.line), [
            "Noah Brown: destination 1 year after leaving not recorded (due 19 July 2025) — they did not agree to be contacted: record what is known, or unknown",
            "Noah Brown: destination 2 years after leaving not recorded (due 19 July 2026) — they did not agree to be contacted: record what is known, or unknown",
        ])
        XCTAssertTrue(report.pupils[0].hasLeft)
        XCTAssertEqual(report.tallies.map(\.total), [0, 0, 0, 0], "leavers are not in the benchmark charts")
    }

    func testADamagedCorrectionStopsTheReportWithAClearError() {
        let pupil = CohortPupil(key: 1, name: "Ruby Walker", dateOfBirth: day("2012-05-05"))
        let records = CareersRecords(pupils: [pupil], encounters: [
            EncounterEntry(id: 5, pupil: 1, adult: 1, at: at, supersedes: 4,
                           body: Encounter(on: today, kind: .employer, provider: "x")),
        ])
        XCTAssertThrowsError(try CareersReport.make(records, options: CareersReportOptions(today: today))) { error in
            XCTAssertEqual("\(error)", "Entry 5 corrects entry 4, which is not in the record.")
        }
    }
}
