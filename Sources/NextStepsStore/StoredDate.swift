#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB

/// How a moment is kept in the records file: GRDB's own text form, "yyyy-MM-dd HH:mm:ss.SSS" in
/// UTC, so files written before read the same. It is written with Foundation's ISO 8601 style
/// and read through GRDB's own parser of SQLite's date text, then `timegm` (Foundation's
/// Gregorian calendar for anything unusual), rather than GRDB's `DateFormatter` and
/// `en_US_POSIX` calendar, which bring ICU's locale, calendar and time-zone data (about 3 MiB)
/// into every process that saves or reads a record.
enum StoredDate {
    /// UTC, Gregorian, no locale: for moments `utcDate` leaves to it.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// "2026-12-01 17:31:00.123", in UTC.
    private static let style = Date.ISO8601FormatStyle(timeZone: .gmt)
        .year().month().day().dateTimeSeparator(.space).time(includingFractionalSeconds: true)

    /// The text kept for `date`, to the nearest millisecond as GRDB's formatter writes it (the
    /// style cuts the fraction off, so half a millisecond is added first).
    static func text(_ date: Date) -> String { style.format(date.addingTimeInterval(0.0005)) }

    /// The moment a stored value names: SQLite's date text (read by GRDB's own parser of it),
    /// or a number of seconds since 1970; nil for anything else, which the row reports as damage.
    static func date(_ value: DatabaseValue) -> Date? {
        if let components = DatabaseDateComponents.fromDatabaseValue(value) {
            let parts = components.dateComponents
            guard parts.year != nil, parts.month != nil, parts.day != nil else { return nil }
            return utcDate(parts) ?? calendar.date(from: parts)
        }
        return Double.fromDatabaseValue(value).map(Date.init(timeIntervalSince1970:))
    }

    /// The moment of date and time parts in UTC through the C library's `timegm`, which needs no
    /// calendar or time-zone data: Foundation's calendar costs about 1 ms the first time it is made,
    /// a fifteenth of `talk`'s start, and reading a pupil's row was the only use of it there. The
    /// seconds are added as Foundation's Gregorian calendar adds them (whole days since 2001,
    /// then the time of day with its fraction), so the two give the same `Date` to the bit, as a
    /// test checks. Nil (the calendar is asked instead) for parts with a time zone or out of range.
    static func utcDate(_ parts: DateComponents) -> Date? {
        guard parts.timeZone == nil, let year = parts.year, let month = parts.month, let day = parts.day,
              (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0, second = parts.second ?? 0
        let nanosecond = parts.nanosecond ?? 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0..<1_000_000_000).contains(nanosecond) else { return nil }
        var broken = tm()
        broken.tm_year = Int32(year - 1900)
        broken.tm_mon = Int32(month - 1)
        broken.tm_mday = Int32(day)
        broken.tm_hour = Int32(hour)
        broken.tm_min = Int32(minute)
        broken.tm_sec = Int32(second)
        let since1970 = Int(timegm(&broken))
        guard since1970 != -1 || (year == 1969 && month == 12 && day == 31) else { return nil }
        let sinceReference = since1970 - 978_307_200
        let secondOfDay = (sinceReference % 86_400 + 86_400) % 86_400
        let timeOfDay = Double(secondOfDay) + Double(nanosecond) / 1_000_000_000
        return Date(timeIntervalSinceReferenceDate: Double(sinceReference - secondOfDay) + timeOfDay)
    }
}

extension CheckedRow {
    /// Dates read as `StoredDate` reads them.
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom(StoredDate.date)
    }
}

extension CheckedRow where Self: EncodableRecord {
    /// Dates written as `StoredDate` writes them.
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom(StoredDate.text)
    }
}
