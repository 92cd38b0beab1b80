import NextStepsCareers
import XCTest

func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
    guard let value = Day(iso: text) else { XCTFail("not a day: \(text)", file: file, line: line); return Day(iso: "2000-01-01")! }
    return value
}

final class DayTests: XCTestCase {
    func testDaysAreReadExactlyAndImpossibleDaysRefused() {
        XCTAssertEqual(day("2028-02-29").long, "29 February 2028")
        XCTAssertNil(Day(iso: "2027-02-29"), "2027 has no 29 February")
        XCTAssertNil(Day(iso: "1900-02-29"), "1900 was not a leap year")
        XCTAssertNotNil(Day(iso: "2000-02-29"), "2000 was")
        for bad in ["2026-13-01", "2026-1-01", "26-01-01", "2026-01-32", "2026/01/01", "", "٢٠٢٦-٠١-٠١"] {
            XCTAssertNil(Day(iso: bad), bad)
        }
    }

    func testDayArithmeticCrossesMonthsYearsAndLeapDays() {
        XCTAssertEqual(day("2028-02-28").adding(days: 1), day("2028-02-29"))
        XCTAssertEqual(day("2027-02-28").adding(days: 1), day("2027-03-01"))
        XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
        XCTAssertEqual(day("2026-08-31").days(to: day("2026-09-01")), 1)
        XCTAssertEqual(day("2000-01-01").days(to: day("2001-01-01")), 366)
        XCTAssertEqual(day("2028-02-29").adding(years: 1), day("2029-02-28"))
        var walked = day("1999-12-25")
        for _ in 0..<4000 { let next = walked.adding(days: 1); XCTAssertLessThan(walked, next); walked = next }
        XCTAssertEqual(walked, Day(dayNumber: day("1999-12-25").dayNumber + 4000))
    }

    func testTheDayOfAMomentIsEnglandsDayNotUTCs() {
        // 23:30 UTC on 31 August 2026 is 00:30 on 1 September in London (summer time).
        let moment = Date(timeIntervalSince1970: 1_788_219_000)
        XCTAssertEqual(Day(moment, in: TimeZone(identifier: "UTC")!), day("2026-08-31"))
        XCTAssertEqual(Day(moment), day("2026-09-01"))
    }

    // A day as NextSteps writes it is read back (a tester's "15 March 2027" was refused).
    func testADayAsNextStepsWritesItIsRead() {
        XCTAssertEqual(Day(long: "15 March 2027"), Day(iso: "2027-03-15"))
        XCTAssertEqual(Day(long: "1 sep 2026"), Day(iso: "2026-09-01"))
        XCTAssertEqual(Day(long: "29 February 2028")?.long, "29 February 2028")
        XCTAssertNil(Day(long: "29 February 2027"), "a day that does not exist")
        XCTAssertNil(Day(long: "15 Ma 2027"))
        XCTAssertNil(Day(long: "March 2027"))
        XCTAssertNil(Day(long: "15 March 27"))
    }

    func testDaysRoundTripThroughJSONAndDamagedOnesAreErrors() throws {
        let data = try JSONEncoder().encode([day("2026-09-01")])
        XCTAssertEqual(String(data: data, encoding: .utf8), #"["2026-09-01"]"#)
        XCTAssertEqual(try JSONDecoder().decode([Day].self, from: data), [day("2026-09-01")])
        XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-30"]"#.utf8)))
    }
}

final class SchoolCalendarTests: XCTestCase {
    func testTheSchoolYearTurnsOverBetween31AugustAnd1September() {
        XCTAssertEqual(SchoolCalendar.schoolYear(containing: day("2026-08-31")).description, "2025/26")
        XCTAssertEqual(SchoolCalendar.schoolYear(containing: day("2026-09-01")).description, "2026/27")
        XCTAssertEqual(SchoolCalendar.schoolYear(containing: day("2027-01-01")).startYear, 2026)
        let year = SchoolYear(startYear: 2099)
        XCTAssertEqual(year.description, "2099/00")
        XCTAssertEqual(year.first, day("2099-09-01"))
        XCTAssertEqual(year.last, day("2100-08-31"))
    }

    func testAgesOnADayIncludingBirthdaysOn29February() {
        let sam = day("2010-04-21")
        XCTAssertEqual(SchoolCalendar.age(bornOn: sam, on: day("2026-04-20")), 15)
        XCTAssertEqual(SchoolCalendar.age(bornOn: sam, on: day("2026-04-21")), 16)
        let leap = day("2012-02-29")
        XCTAssertEqual(SchoolCalendar.age(bornOn: leap, on: day("2027-02-28")), 14, "not yet 15 on 28 February")
        XCTAssertEqual(SchoolCalendar.age(bornOn: leap, on: day("2027-03-01")), 15, "15 on 1 March")
        XCTAssertEqual(SchoolCalendar.age(bornOn: leap, on: day("2028-02-29")), 16, "16 on the day itself in a leap year")
        XCTAssertEqual(SchoolCalendar.birthday(bornOn: leap, turning: 15), day("2027-03-01"))
        XCTAssertEqual(SchoolCalendar.birthday(bornOn: leap, turning: 16), day("2028-02-29"))
    }

    func testYearGroupsFollowTheFirstOfSeptember() {
        let today = day("2026-12-01")
        XCTAssertEqual(SchoolCalendar.yearGroup(bornOn: day("2011-09-01"), on: today), 10, "oldest in the year")
        XCTAssertEqual(SchoolCalendar.yearGroup(bornOn: day("2012-08-31"), on: today), 10, "youngest in the same year")
        XCTAssertEqual(SchoolCalendar.yearGroup(bornOn: day("2012-09-01"), on: today), 9)
        XCTAssertEqual(SchoolCalendar.yearGroup(bornOn: day("2012-02-29"), on: today), 10, "born in 2011/12, like 1 September 2011")
        XCTAssertEqual(SchoolCalendar.yearGroup(bornOn: day("2011-09-01"), on: day("2027-08-31")), 10)
        XCTAssertEqual(SchoolCalendar.yearGroup(bornOn: day("2011-09-01"), on: day("2027-09-01")), 11)
        // Year 11 is the school year they turn 16, Year 7 the one they turn 12.
        XCTAssertEqual(SchoolCalendar.schoolYear(bornOn: day("2011-09-01"), turning: 16).startYear, 2027)
        XCTAssertEqual(SchoolCalendar.schoolYear(bornOn: day("2012-08-31"), turning: 16).startYear, 2027)
    }

    func testAnOverriddenYearGroupHoldsTodayAndMovesUpEachYear() {
        let today = day("2026-12-01")
        let taughtBelow = CohortPupil(key: 1, name: "Ella Jones", dateOfBirth: day("2011-10-10"), yearGroupOverride: 9)
        XCTAssertEqual(taughtBelow.yearGroup(on: today, today: today), 9)
        XCTAssertEqual(taughtBelow.yearGroup(on: day("2027-09-01"), today: today), 10)
        XCTAssertEqual(taughtBelow.yearGroup(on: day("2026-08-31"), today: today), 8)
        XCTAssertEqual(taughtBelow.schoolYear(turning: 16, today: today)?.startYear, 2027, "age-based milestones keep the age")
        let noDetails = CohortPupil(key: 2, name: "Kai Green", dateOfBirth: nil)
        XCTAssertNil(noDetails.yearGroup(on: today, today: today))
    }

    func testProviderAccessWindowsRunToThe28FebruaryOfTheSecondYear() {
        let window = SchoolCalendar.window(.years8to9, startingIn: SchoolYear(startYear: 2026))
        XCTAssertFalse(window.contains(day("2026-08-31")))
        XCTAssertTrue(window.contains(day("2026-09-01")))
        XCTAssertTrue(window.contains(day("2027-08-31")), "all of Year 8")
        XCTAssertTrue(window.contains(day("2028-02-28")))
        XCTAssertFalse(window.contains(day("2028-02-29")), "the legislation names 28 February, even in a leap year")
        XCTAssertFalse(window.contains(day("2028-03-01")))
        XCTAssertEqual(KeyPhase.allCases.map(\.title), ["Years 8–9", "Years 10–11", "Years 12–13"])
        XCTAssertEqual(KeyPhase.allCases.filter(\.isOfferOnly), [.years12to13])
    }

    func testCompulsorySchoolAgeEndsOnTheLastFridayOfJune() {
        // Turns 16 in 2027/28; 30 June 2028 is a Friday.
        XCTAssertEqual(SchoolCalendar.endOfCompulsorySchoolAge(bornOn: day("2012-01-15")), day("2028-06-30"))
        // Turns 16 in 2026/27; 30 June 2027 is a Wednesday, so the Friday before is 25 June.
        XCTAssertEqual(SchoolCalendar.endOfCompulsorySchoolAge(bornOn: day("2011-05-01")), day("2027-06-25"))
    }
}
