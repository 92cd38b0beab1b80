import Foundation

/// A fact the cards state (an age, a number of hours, an amount of money, a date), kept as dated
/// data with where it can be checked, and put into the words through `{fact:id}`.
///
/// A school changes the value in its own `facts.yaml` layer and every card that states it
/// changes with it; `content check` warns when a fact's date is older than the set age.
public struct Fact: Sendable, Equatable, Codable {
    /// What kind of value a fact is, which decides how its value is checked and written.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// A whole number, written as digits ("45").
        case number
        /// A sum in pounds, written with £ and commas ("£2,000"); pence as `.50`.
        case money
        /// A date, given as YYYY-MM-DD and written "1 August 2025".
        case date
    }

    /// Stable id, used as `{fact:id}` in the words.
    public var id: String
    /// What kind of value it is.
    public var kind: Kind
    /// The value as written in facts.yaml (checked against `kind`).
    public var value: String
    /// When the value was last known to be right: YYYY-MM-DD, or YYYY-MM, or YYYY.
    public var asOf: String
    /// Where a person can check it ("gov.uk, T Levels").
    public var source: String

    /// Makes a fact.
    public init(id: String, kind: Kind, value: String, asOf: String, source: String) {
        self.id = id; self.kind = kind; self.value = value; self.asOf = asOf; self.source = source
    }

    /// The value as the pupil reads it, or nil when it does not fit its kind.
    public var written: String? {
        switch kind {
        case .number:
            guard let number = Int(value), number >= 0 else { return nil }
            return String(number)
        case .money:
            return Self.pounds(value)
        case .date:
            guard let date = FactDate(value), date.day != nil else { return nil }
            return date.written
        }
    }

    /// The first day the as-of date covers ("2026" is 1 January 2026), or nil when unreadable.
    public var asOfDate: FactDate? { FactDate(asOf) }

    /// How many whole days old the fact is on `today`, or nil when its date is unreadable.
    public func ageInDays(on today: Date) -> Int? {
        guard let start = asOfDate?.firstDay else { return nil }
        return Int((today.timeIntervalSince(start) / 86_400).rounded(.down))
    }

    private static func pounds(_ text: String) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0 else { return nil }
        var digits = Array(String(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = "£" + String(digits) + grouped
        guard parts.count == 2 else { return grouped }
        guard parts[1].count == 2, parts[1].allSatisfy(\.isNumber) else { return nil }
        return grouped + "." + parts[1]
    }
}

/// A date of a fact: a year, a year and month, or a full date (UTC).
public struct FactDate: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// The month, 1 to 12, when given.
    public var month: Int?
    /// The day of the month, when given.
    public var day: Int?

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1900 else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), day >= 1 else { return nil }
            self.day = day
            guard let first = firstDay, Calendar.utc.component(.day, from: first) == day else { return nil }
        }
    }

    /// The first day the date covers, at midnight UTC.
    public var firstDay: Date? {
        Calendar.utc.date(from: DateComponents(year: year, month: month ?? 1, day: day ?? 1))
    }

    /// "1 August 2025", "August 2025" or "2025".
    public var written: String {
        let monthName = month.map { Self.monthNames[$0 - 1] }
        return [day.map(String.init), monthName, String(year)].compactMap { $0 }.joined(separator: " ")
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, so a fact's age does not depend on the machine's zone.
    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }
}

/// The facts of every layer, and how old a fact may be before `content check` warns.
public struct FactTable: Sendable, Equatable, Codable {
    /// Facts by id.
    public var facts: [String: Fact]
    /// The most days a fact's as-of date may be behind today before `content check` warns.
    public var maxAgeDays: Int

    /// The age used when facts.yaml sets none: a year and a month.
    public static let defaultMaxAgeDays = 400

    /// Makes a table.
    public init(facts: [String: Fact] = [:], maxAgeDays: Int = FactTable.defaultMaxAgeDays) {
        self.facts = facts; self.maxAgeDays = maxAgeDays
    }

    /// Facts older than `maxAgeDays` on `today`, oldest first.
    public func stale(on today: Date) -> [(fact: Fact, days: Int)] {
        facts.values.compactMap { fact in fact.ageInDays(on: today).flatMap { $0 > maxAgeDays ? (fact, $0) : nil } }
            .sorted { $0.days != $1.days ? $0.days > $1.days : $0.fact.id < $1.fact.id }
    }

    /// `text` with every `{fact:id}` replaced by the fact's written value, and the problems:
    /// the ids that are not facts, and anything else in braces (which no reader fills in).
    public func fill(_ text: String) -> (text: String, unknown: [String]) {
        guard text.contains("{") else { return (text, []) }
        var out = "", unknown: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if name.hasPrefix("fact:"), let value = facts[String(name.dropFirst(5))]?.written {
                out += value
            } else {
                unknown.append(name)
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return (out + rest, unknown)
    }
}
