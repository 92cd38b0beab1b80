import Foundation

/// One English school year, 1 September to 31 August, named by the year it starts in.
public struct SchoolYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The calendar year of its 1 September (2026 for 2026/27).
    public let startYear: Int

    /// The school year that starts on 1 September of `startYear`.
    public init(startYear: Int) { self.startYear = startYear }

    /// 1 September.
    public var first: Day { Day(unchecked: startYear, 9, 1) }
    /// 31 August of the next calendar year.
    public var last: Day { Day(unchecked: startYear + 1, 8, 31) }
    /// "2026/27".
    public var description: String { "\(startYear)/" + Day.padded((startYear + 1) % 100, 2) }
    /// Whether `day` falls in it.
    public func contains(_ day: Day) -> Bool { first <= day && day <= last }
    /// The school year `count` years later (earlier when negative).
    public func adding(_ count: Int) -> SchoolYear { SchoolYear(startYear: startYear + count) }
    /// Earlier years first.
    public static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}

/// The three windows of the Provider Access Legislation, each two school years long.
public enum KeyPhase: Int, CaseIterable, Sendable, Codable {
    /// Years 8 and 9.
    case years8to9 = 8
    /// Years 10 and 11.
    case years10to11 = 10
    /// Years 12 and 13.
    case years12to13 = 12

    /// The first year group of the phase (8, 10 or 12).
    public var firstYearGroup: Int { rawValue }
    /// "Years 8–9".
    public var title: String { "Years \(rawValue)–\(rawValue + 1)" }
    /// Whether the school only has to offer the encounters (Years 12–13), rather than every pupil attend.
    public var isOfferOnly: Bool { self == .years12to13 }
    /// Encounters the legislation asks for in this phase.
    public var required: Int { 2 }
}

/// England's school calendar: school years, ages, year groups and the careers windows.
public enum SchoolCalendar {
    /// The school year `day` falls in (1 September to 31 August).
    public static func schoolYear(containing day: Day) -> SchoolYear {
        SchoolYear(startYear: day.month >= 9 ? day.year : day.year - 1)
    }

    /// A person's age in whole years on `day`. Someone born on 29 February has their
    /// birthday on 1 March in a year without one (the date is not reached until then).
    public static func age(bornOn birth: Day, on day: Day) -> Int {
        let years = day.year - birth.year
        return (day.month, day.day) < (birth.month, birth.day) ? years - 1 : years
    }

    /// The day someone turns `years` old: their birthday, or 1 March for a 29 February birthday
    /// in a year without one.
    public static func birthday(bornOn birth: Day, turning years: Int) -> Day {
        let year = birth.year + years
        if birth.month == 2, birth.day == 29, !Day.isLeap(year) { return Day(unchecked: year, 3, 1) }
        return Day(unchecked: year, birth.month, birth.day)
    }

    /// The English year group, in the school year holding `day`, of a pupil taught with their
    /// own age group: everyone born from 1 September to the next 31 August is in one year
    /// group, which starts Reception in the school year they turn 5 (so Year 7 the year they
    /// turn 12, Year 11 the year they turn 16). Below Reception it gives 0 or less.
    public static func yearGroup(bornOn birth: Day, on day: Day) -> Int {
        schoolYear(containing: day).startYear - schoolYear(containing: birth).startYear - 5
    }

    /// The school year in which someone born on `birth` turns `years` (Year 7 for 12, Year 11 for 16).
    public static func schoolYear(bornOn birth: Day, turning years: Int) -> SchoolYear {
        schoolYear(containing: birthday(bornOn: birth, turning: years))
    }

    /// The last Friday in June of the school year someone turns 16: the end of compulsory
    /// school age, when decisions pass to the young person.
    public static func endOfCompulsorySchoolAge(bornOn birth: Day) -> Day {
        let june30 = Day(unchecked: schoolYear(bornOn: birth, turning: 16).startYear + 1, 6, 30)
        // dayNumber 0 (1 March of year 0) was a Wednesday; Friday is 2 days later.
        let weekday = ((june30.dayNumber % 7) + 7) % 7 // 0 = Wednesday
        let back = (weekday - 2 + 7) % 7
        return june30.adding(days: -back)
    }

    /// The Provider Access window of `phase` for a pupil who is in its first year group in
    /// `firstYear`: all of that school year, then 1 September to 28 February of the next. A 29
    /// February falls outside it: the legislation names 28 February.
    public static func window(_ phase: KeyPhase, startingIn firstYear: SchoolYear) -> ClosedRange<Day> {
        firstYear.first...Day(unchecked: firstYear.startYear + 2, 2, 28)
    }
}
