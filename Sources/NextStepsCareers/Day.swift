import Foundation

/// A calendar day (year, month, day) with no time of day and no time zone, so "31 August"
/// is the same day wherever and whenever the report runs. Written `yyyy-mm-dd`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Year, month and day in one number (year × 512 + month × 32 + day), so a day takes 4
    /// bytes and days compare as numbers; a cohort holds hundreds of thousands of them.
    private let packed: Int32
    /// The year (for example 2026).
    public var year: Int { Int(packed >> 9) }
    /// The month, 1 to 12.
    public var month: Int { Int((packed >> 5) & 15) }
    /// The day of the month, 1 to 31.
    public var day: Int { Int(packed & 31) }

    /// Makes a day, or nil when there is no such day (30 February, month 13 …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        packed = Int32(year << 9 | month << 5 | day)
    }

    /// Reads `yyyy-mm-dd` exactly (the form the store and the command line use); nil otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day that `date` falls on in `timeZone` (England's, by default).
    public init(_ date: Date, in timeZone: TimeZone = Day.england) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(unchecked: parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// England's time zone, which decides the day a moment falls on.
    public static let england = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = Int32(year << 9 | month << 5 | day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// How many days `month` has in `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `yyyy-mm-dd`.
    public var iso: String { Day.padded(year, 4) + "-" + Day.padded(month, 2) + "-" + Day.padded(day, 2) }

    /// `value` with leading zeros to `width` digits (String(format:) is slow on Linux).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// "31 August 2027", the way a report says a day.
    public var long: String { "\(day) \(Day.monthNames[month - 1]) \(year)" }

    /// Reads a day as NextSteps writes it ("15 March 2027"), the month also by its first three
    /// letters in any case ("15 mar 2027"); nil otherwise, or for a day that does not exist.
    public init?(long text: String) {
        let parts = text.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        guard parts.count == 3, let day = Int(parts[0]), parts[2].count == 4, let year = Int(parts[2]), parts[1].count >= 3 else { return nil }
        let month = parts[1].lowercased()
        guard let index = Day.monthNames.firstIndex(where: { $0.lowercased() == month || $0.lowercased().prefix(3) == month }) else {
            return nil
        }
        self.init(year: year, month: index + 1, day: day)
    }

    /// The same as `iso`.
    public var description: String { iso }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// Days since 1 March of year 0 (a proleptic Gregorian count), for arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400, yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    }

    /// The day `number` days after 1 March of year 0 (the inverse of `dayNumber`).
    public init(dayNumber number: Int) {
        let era = number / 146_097, dayOfEra = number - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day `count` days later (or earlier, for a negative count).
    public func adding(days count: Int) -> Day { Day(dayNumber: dayNumber + count) }

    /// The same date `count` years later; 29 February becomes 28 February in a year without one.
    public func adding(years count: Int) -> Day {
        let y = year + count
        return Day(unchecked: y, month, min(day, Day.daysIn(month: month, year: y)))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.dayNumber - dayNumber }

    /// Earlier days first.
    public static func < (a: Day, b: Day) -> Bool { a.packed < b.packed }

    /// Reads `yyyy-mm-dd`; anything else is an error, never a guess.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day (yyyy-mm-dd): \(text)"))
        }
        self = day
    }

    /// Writes `yyyy-mm-dd`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
